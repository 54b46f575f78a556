//! Cost of each caption backend on the sample photo.
//!
//! Run with `cargo xtask bench caption` (or `OBSCURA_ASSETS=<assets> cargo bench -p
//! obscura-enclave --bench caption`):
//!
//! - `composed`: the composed sentence (pixel statistics, markers, quoting), which must add
//!   well under 5 ms;
//! - `vlm server`: the client's own overhead (PNG re-encode, base64, JSON, one loopback HTTP
//!   exchange) against a stand-in that answers at once;
//! - `toy onnx`: the toy ViT-GPT2 model from `enclave/testdata/caption-toy`, generating 1 and
//!   12 tokens; the difference over 11 is the decoder's cost per generated token (also
//!   printed directly).
//!
//! Without `OBSCURA_ASSETS` the photo is replaced by a synthetic 512×512 image and the ONNX
//! bench is skipped.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use axum::Json;
use axum::routing::post;
use criterion::{Criterion, criterion_group, criterion_main};
use obscura_enclave::caption::composed::ComposedCaptioner;
use obscura_enclave::caption::server::{ServerConfig, VlmServerCaptioner};
use obscura_enclave::caption::vision::{DecodeLimits, VisionEncoderDecoder};
use obscura_enclave::caption::{CaptionInput, Captioner};
use obscura_enclave::pipeline::{RgbPixels, decode};
use obscura_protocol::api::RedactedText;

fn assets() -> Option<PathBuf> {
    std::env::var_os("OBSCURA_ASSETS").map(PathBuf::from)
}

fn photo() -> (String, RgbPixels) {
    if let Some(dir) = assets() {
        let bytes = std::fs::read(dir.join("images/astronaut.png")).unwrap();
        return (
            "astronaut 512x512".to_owned(),
            decode(&bytes).unwrap().pixels,
        );
    }
    eprintln!("OBSCURA_ASSETS is not set: using a synthetic 512x512 image");
    let data = (0..512u32 * 512 * 3)
        .map(|i| u8::try_from(i * 7 % 251).unwrap())
        .collect();
    (
        "synthetic 512x512".to_owned(),
        RgbPixels::new(512, 512, data).unwrap(),
    )
}

fn lines() -> Vec<RedactedText> {
    ["PATIENT: PERSON_1 DOB: [DATE]", "PORTABLE AP", "R"]
        .iter()
        .map(|s| RedactedText::new((*s).to_owned()))
        .collect()
}

fn captions(c: &mut Criterion) {
    let (name, pixels) = photo();
    let lines = lines();
    let input = CaptionInput {
        pixels: &pixels,
        faces: 1,
        text_regions: 3,
        text_lines: &lines,
    };
    let mut group = c.benchmark_group(name);
    group.sample_size(20);

    group.bench_function("caption composed", |b| {
        b.iter(|| ComposedCaptioner.caption(&input).unwrap())
    });

    // A stand-in chat-completions server on loopback that answers at once.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let addr = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = axum::Router::new().route(
            "/v1/chat/completions",
            post(|Json(_): Json<serde_json::Value>| async {
                Json(serde_json::json!({
                    "choices": [{ "message": { "role": "assistant", "content": "A photo." } }]
                }))
            }),
        );
        tokio::spawn(async move { axum::serve(listener, app).await });
        addr
    });
    let server =
        VlmServerCaptioner::new(ServerConfig::new(format!("http://{addr}"), "bench")).unwrap();
    group.bench_function("caption vlm server (client overhead)", |b| {
        b.iter(|| server.caption(&input).unwrap())
    });

    if let Some(dir) = assets() {
        let env = obscura_onnx::runtime(&dir).unwrap();
        let toy = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/caption-toy");
        let load = |n| {
            VisionEncoderDecoder::load(
                env,
                &toy,
                DecodeLimits {
                    max_new_tokens: n,
                    time_budget: Duration::from_secs(60),
                },
            )
            .unwrap()
        };
        let (one, twelve) = (load(1), load(12));
        assert_eq!(one.generate(&pixels).unwrap().expose().len(), 2);
        let n = twelve.generate(&pixels).unwrap().expose().len() - 1;
        group.bench_function("caption toy onnx, 1 token", |b| {
            b.iter(|| one.generate(&pixels).unwrap())
        });
        group.bench_function(format!("caption toy onnx, {n} tokens"), |b| {
            b.iter(|| twelve.generate(&pixels).unwrap())
        });
        let time = |m: &VisionEncoderDecoder| {
            let rounds = 50u32;
            let t = Instant::now();
            for _ in 0..rounds {
                m.generate(&pixels).unwrap();
            }
            t.elapsed() / rounds
        };
        let (t1, tn) = (time(&one), time(&twelve));
        let per_token = tn.saturating_sub(t1) / u32::try_from(n - 1).unwrap();
        eprintln!(
            "toy onnx: 1 token {t1:?}, {n} tokens {tn:?}: {per_token:?} per generated token \
             after the first"
        );
    } else {
        eprintln!("SKIP toy onnx bench: OBSCURA_ASSETS is not set");
    }
    group.finish();
}

criterion_group!(benches, captions);
criterion_main!(benches);
