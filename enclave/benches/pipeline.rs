//! Per-stage cost of the image pipeline.
//!
//! Run with `OBSCURA_ASSETS=<assets> cargo bench -p obscura-enclave --bench pipeline`.
//! Codec stages use a synthetic 1024×768 image; the model stages (faces, faces + text) run
//! only when `OBSCURA_ASSETS` points at the pinned assets, and say so otherwise.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use obscura_enclave::models::Models;
use obscura_enclave::pipeline::faces::Face;
use obscura_enclave::pipeline::redact::redact;
use obscura_enclave::pipeline::{BoxF, Pipeline, PipelineOptions, RgbPixels, decode, encode};
use obscura_protocol::api::MediaType;

fn synthetic(width: u32, height: u32) -> RgbPixels {
    let data = (0..width * height * 3)
        .map(|i| u8::try_from(i * 7 % 251).unwrap())
        .collect();
    RgbPixels::new(width, height, data).unwrap()
}

fn codecs(c: &mut Criterion) {
    let pixels = synthetic(1024, 768);
    let png = encode::encode(&pixels, MediaType::Png).unwrap();
    let jpeg = encode::encode(&pixels, MediaType::Jpeg).unwrap();
    let mut group = c.benchmark_group("1024x768");
    group.sample_size(10);
    group.bench_function("decode png", |b| b.iter(|| decode(png.expose()).unwrap()));
    group.bench_function("decode jpeg", |b| b.iter(|| decode(jpeg.expose()).unwrap()));
    group.bench_function("encode png", |b| {
        b.iter(|| encode::encode(&pixels, MediaType::Png).unwrap())
    });
    group.bench_function("encode jpeg", |b| {
        b.iter(|| encode::encode(&pixels, MediaType::Jpeg).unwrap())
    });
    let faces: Vec<Face> = (0..10u8)
        .map(|i| {
            let x = f32::from(i) * 90.0;
            Face {
                bbox: BoxF {
                    x0: x,
                    y0: 100.0,
                    x1: x + 80.0,
                    y1: 200.0,
                },
                score: 0.9,
            }
        })
        .collect();
    group.bench_function("redact 10 faces", |b| {
        b.iter(|| {
            let mut p = pixels.clone();
            redact(&mut p, &faces, &[], &[])
        })
    });
    group.finish();
}

fn models(c: &mut Criterion) {
    let Some(models) = Models::load_from_env() else {
        eprintln!("SKIP model benches: OBSCURA_ASSETS is not set");
        return;
    };
    let pipeline = Pipeline::new(models.unwrap());
    let dir = std::path::PathBuf::from(std::env::var_os("OBSCURA_ASSETS").unwrap());
    let astronaut = std::fs::read(dir.join("images/astronaut.png")).unwrap();
    let mut group = c.benchmark_group("astronaut 512x512");
    group.sample_size(10);
    let faces_only = PipelineOptions {
        text: false,
        ..PipelineOptions::default()
    };
    group.bench_function("run, faces only", |b| {
        b.iter(|| pipeline.run(&astronaut, &faces_only).unwrap())
    });
    group.bench_function("run, faces + text", |b| {
        b.iter(|| {
            pipeline
                .run(&astronaut, &PipelineOptions::default())
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, codecs, models);
criterion_main!(benches);
