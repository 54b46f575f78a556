//! The rewritten text models against the pinned originals on real photographs.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test")]

use std::path::Path;

use ort::value::TensorRef;

use super::hardswish::{Form, Fused};
use super::{ModelId, adapt, affine_depthwise, conv_affine, hardswish};
use crate::pipeline::decode::decode;

/// `image` of the assets resized (nearest) to `w × h`, Paddle-normalised planar BGR,
/// `n` times (the copies shifted so a batch is not `n` equal items).
fn input(assets: &Path, image: &str, n: usize, h: usize, w: usize) -> Vec<f32> {
    let bytes = std::fs::read(assets.join("images").join(image)).unwrap();
    let pixels = decode(&bytes).unwrap().pixels;
    let (iw, ih) = (pixels.width() as usize, pixels.height() as usize);
    let mut out = Vec::with_capacity(n * 3 * h * w);
    for item in 0..n {
        for channel in [2, 1, 0] {
            for y in 0..h {
                for x in 0..w {
                    let sx = u32::try_from((x + item * 7) * iw / (w + n * 7)).unwrap();
                    let sy = u32::try_from(y * ih / h).unwrap();
                    let rgb = pixels.get(sx, sy).unwrap();
                    out.push((f32::from(rgb[channel]) / 255.0 - 0.5) / 0.5);
                }
            }
        }
    }
    out
}

fn run(session: &mut ort::session::Session, shape: [usize; 4], data: &[f32]) -> Vec<f32> {
    let name = session.inputs().first().unwrap().name().to_owned();
    let tensor = TensorRef::from_array_view((shape, data)).unwrap();
    let outputs = session.run(ort::inputs![name.as_str() => tensor]).unwrap();
    outputs[0].try_extract_tensor::<f32>().unwrap().1.to_vec()
}

/// Largest difference between two outputs.
fn worst(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0f32, f32::max)
}

/// The detector's probability map (and the recogniser's and classifier's softmax) after
/// each rewrite, and after all of them as [`adapt`] applies them, equal the original's
/// within 1e-4 on real images.
#[test]
fn rewritten_text_models_match_the_originals() {
    let Some(assets) = obscura_onnx::assets_from_env() else {
        eprintln!("skipped: {} is not set", obscura_onnx::ASSETS_ENV);
        return;
    };
    let env = obscura_onnx::runtime(&assets).unwrap();
    // (model, hard-swish form and chains, affine steps folded, chains made depthwise after
    // both, input shape)
    let cases = [
        (
            ModelId::TextDet,
            Form::HardSwish,
            24,
            76,
            13,
            [1, 3, 480, 640],
        ),
        (
            ModelId::TextRec,
            Form::HardSigmoidMul,
            28,
            80,
            13,
            [2, 3, 48, 320],
        ),
        (
            ModelId::TextCls,
            Form::HardSigmoidMul,
            18,
            0,
            0,
            [2, 3, 48, 192],
        ),
    ];
    for (id, form, chains, steps, depthwise, shape) in cases {
        let (name, digest) = id.manifest();
        let (bytes, _) = obscura_onnx::read_verified(&assets, name, digest).unwrap();
        let session = |b: &[u8]| obscura_onnx::session_from_memory(env, name, b).unwrap();
        let mut original = session(&bytes);
        let (fused_bytes, fused) = hardswish::fuse(id, bytes.clone()).unwrap();
        let want = Fused {
            chains,
            form: Some(form),
        };
        assert_eq!(fused, want, "{id:?}");
        let (folded_bytes, folded) = conv_affine::fold(id, bytes.clone()).unwrap();
        eprintln!("{id:?}: {folded} affine steps folded");
        assert_eq!(folded, steps, "{id:?}");
        let both = conv_affine::fold(id, fused_bytes.clone()).unwrap().0;
        let (_, converted) = affine_depthwise::convert(id, both.clone()).unwrap();
        eprintln!("{id:?}: {converted} affine chains made depthwise");
        assert_eq!(converted, depthwise, "{id:?}");
        let mut both = session(&both);
        let mut fused = session(&fused_bytes);
        let mut folded = session(&folded_bytes);
        let mut adapted = session(&adapt(id, bytes).unwrap());
        for image in ["rocket.jpg", "astronaut.png", "coffee.png"] {
            let data = input(&assets, image, shape[0], shape[2], shape[3]);
            let want = run(&mut original, shape, &data);
            for (label, session) in [
                ("hard-swish", &mut fused),
                ("affine", &mut folded),
                ("both", &mut both),
                ("all three", &mut adapted),
            ] {
                let got = run(session, shape, &data);
                let worst = worst(&want, &got);
                eprintln!("{id:?} {image} {label}: max |Δ| {worst:e}");
                assert!(worst <= 1e-4, "{id:?} {image} {label}: {worst}");
            }
        }
    }
}

/// Single-threaded run time of each text model before and after the rewrites, the variants
/// interleaved run by run so that a busy phase of the machine hits them alike. Timing, not a
/// check: `cargo test --release -p obscura-enclave --lib models::real_rewrites -- --ignored
/// --nocapture`.
#[test]
#[ignore = "timing; run by hand in release mode"]
fn time_rewritten_text_models() {
    let Some(assets) = obscura_onnx::assets_from_env() else {
        eprintln!("skipped: {} is not set", obscura_onnx::ASSETS_ENV);
        return;
    };
    let env = obscura_onnx::runtime(&assets).unwrap();
    let runs: usize = std::env::var("OBSCURA_TIMING_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let cases = [
        (ModelId::TextDet, [1, 3, 1024, 1024]),
        (ModelId::TextRec, [8, 3, 48, 320]),
        (ModelId::TextCls, [8, 3, 48, 192]),
    ];
    for (id, shape) in cases {
        let (name, digest) = id.manifest();
        let (bytes, _) = obscura_onnx::read_verified(&assets, name, digest).unwrap();
        let session = |b: &[u8]| obscura_onnx::session_from_memory(env, name, b).unwrap();
        let mut variants = [
            ("original", session(&bytes)),
            (
                "hard-swish",
                session(&hardswish::fuse(id, bytes.clone()).unwrap().0),
            ),
            (
                "affine",
                session(&conv_affine::fold(id, bytes.clone()).unwrap().0),
            ),
            (
                "both",
                session(
                    &conv_affine::fold(id, hardswish::fuse(id, bytes.clone()).unwrap().0)
                        .unwrap()
                        .0,
                ),
            ),
            ("all three", session(&adapt(id, bytes).unwrap())),
        ];
        let data = input(&assets, "rocket.jpg", shape[0], shape[2], shape[3]);
        let mut times = vec![Vec::new(); variants.len()];
        for round in 0..=runs {
            for (i, (_, session)) in variants.iter_mut().enumerate() {
                let start = std::time::Instant::now();
                run(session, shape, &data);
                if round > 0 {
                    times[i].push(start.elapsed().as_secs_f64() * 1e3);
                }
            }
        }
        for ((label, _), mut t) in variants.iter().zip(times) {
            t.sort_by(f64::total_cmp);
            eprintln!(
                "{id:?} {shape:?} {label}: median {:.1} ms, min {:.1} ms ({runs} runs)",
                t[t.len() / 2],
                t[0]
            );
        }
    }
}
