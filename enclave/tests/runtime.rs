//! ONNX Runtime loading in a fresh process: a failed first attempt is not cached.

mod common;

use obscura_enclave::Error;
use obscura_enclave::models::Models;

#[test]
fn failed_runtime_load_is_not_cached_and_digests_are_reported() {
    let Some(dir) = common::assets("failed_runtime_load_is_not_cached") else {
        return;
    };
    let missing = std::env::temp_dir().join("obscura-no-such-assets");
    assert_eq!(
        Models::load(&missing).unwrap_err(),
        Error::Onnx(obscura_onnx::Error::AssetUnreadable {
            name: "ort/libonnxruntime.so.1.31.1".to_owned(),
            kind: std::io::ErrorKind::NotFound
        })
    );
    let models = Models::load(&dir).unwrap();
    let names: Vec<(&str, String)> = models
        .digests()
        .iter()
        .map(|d| (d.name.as_str(), d.sha256.to_string()))
        .collect();
    assert_eq!(
        names,
        vec![
            (
                "centerface",
                "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc".to_owned()
            ),
            (
                "ppocrv4-det",
                "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9".to_owned()
            ),
            (
                "ppocr-mobile-v2-cls",
                "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c".to_owned()
            ),
            (
                "ppocrv4-rec",
                "48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b".to_owned()
            ),
        ]
    );
    let debug = format!("{models:?}");
    assert!(
        debug.starts_with("Models { digests: [ModelDigest { name: \"centerface\""),
        "{debug}"
    );
    assert!(debug.len() < 1000, "{} bytes", debug.len());
}
