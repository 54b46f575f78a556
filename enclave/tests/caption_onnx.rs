//! The ONNX vision-encoder-decoder backend against the toy model in
//! `enclave/testdata/caption-toy` (made by `scripts/gen_toy_caption_model.py`): the Rust
//! greedy decoder must produce exactly the ids `transformers.generate` produced, and the
//! identity must carry the model files' digests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test code: a panic is a test failure"
)]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use obscura_enclave::Error;
use obscura_enclave::caption::vision::{DecodeLimits, FILES, VisionEncoderDecoder};
use obscura_enclave::caption::{
    CaptionBackend, CaptionConfig, CaptionError, CaptionInput, Captioner,
};
use obscura_enclave::pipeline::{RgbPixels, decode};

fn toy_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/caption-toy")
}

fn expected() -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(toy_dir().join("expected.json")).unwrap()).unwrap()
}

fn toy_image() -> RgbPixels {
    decode(&std::fs::read(toy_dir().join("image.png")).unwrap())
        .unwrap()
        .pixels
}

fn load(assets: &Path, limits: DecodeLimits) -> VisionEncoderDecoder {
    let env = obscura_onnx::runtime(assets).unwrap();
    VisionEncoderDecoder::load(env, &toy_dir(), limits).unwrap()
}

#[test]
fn greedy_ids_equal_transformers_generate() {
    let Some(assets) = common::assets("greedy_ids_equal_transformers_generate") else {
        return;
    };
    let model = load(&assets, DecodeLimits::default());
    let want: Vec<u32> = expected()["sequence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| u32::try_from(v.as_u64().unwrap()).unwrap())
        .collect();
    let got = model.generate(&toy_image()).unwrap();
    assert_eq!(got.expose(), want.as_slice());
    assert_eq!(
        format!("{got:?}"),
        format!("<redacted {} token ids>", want.len())
    );

    // The caption is the detokenized sequence (special tokens skipped), and never prints.
    let pixels = toy_image();
    let caption = model
        .caption(&CaptionInput {
            pixels: &pixels,
            faces: 0,
            text_regions: 0,
            text_lines: &[],
        })
        .unwrap();
    assert_eq!(caption.expose(), expected()["text"].as_str().unwrap());
    assert!(!format!("{caption:?}").contains(caption.expose()));
}

#[test]
fn identity_carries_every_file_digest() {
    let Some(assets) = common::assets("identity_carries_every_file_digest") else {
        return;
    };
    let id = load(&assets, DecodeLimits::default()).identity();
    assert_eq!(id.backend, CaptionBackend::OnnxEncoderDecoder);
    let names: Vec<&str> = id.models.iter().map(|m| m.name.as_str()).collect();
    let want: Vec<String> = FILES.iter().map(|f| format!("caption/onnx/{f}")).collect();
    assert_eq!(names, want);
    for (m, file) in id.models.iter().zip(FILES) {
        let bytes = std::fs::read(toy_dir().join(file)).unwrap();
        assert_eq!(m.sha256, obscura_onnx::sha256(&bytes), "{file}");
    }
    let claims = id.claims();
    assert_eq!(claims.len(), FILES.len());
    assert_eq!(claims[0].name, "caption/onnx/encoder_model.onnx");
}

#[test]
fn limits_cut_decoding_short() {
    let Some(assets) = common::assets("limits_cut_decoding_short") else {
        return;
    };
    let full = expected()["sequence"].as_array().unwrap().len();
    let three = load(
        &assets,
        DecodeLimits {
            max_new_tokens: 3,
            time_budget: Duration::from_secs(60),
        },
    );
    let ids = three.generate(&toy_image()).unwrap();
    assert_eq!(ids.expose().len(), 4);
    assert!(full > 4);
    let none = load(
        &assets,
        DecodeLimits {
            max_new_tokens: 40,
            time_budget: Duration::ZERO,
        },
    );
    assert_eq!(none.generate(&toy_image()).unwrap().expose().len(), 1);
}

#[test]
fn other_sizes_are_resized_and_missing_files_are_typed() {
    let Some(assets) = common::assets("other_sizes_are_resized_and_missing_files_are_typed") else {
        return;
    };
    let model = load(&assets, DecodeLimits::default());
    let big = RgbPixels::filled(100, 70, [30, 60, 90]).unwrap();
    let ids = model.generate(&big).unwrap();
    assert!(!ids.expose().is_empty());

    let empty = tempfile::tempdir().unwrap();
    let config = CaptionConfig::Onnx {
        dir: empty.path().to_owned(),
        limits: DecodeLimits::default(),
    };
    match config.build(&assets) {
        Err(Error::Caption(CaptionError::ModelFile { file, kind })) => {
            assert_eq!(
                (file, kind),
                ("encoder_model.onnx", std::io::ErrorKind::NotFound)
            );
        }
        other => panic!(
            "expected a missing-file error, got {:?}",
            other.map(|c| c.identity())
        ),
    }
}
