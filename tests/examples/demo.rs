//! The README demo: the main job end to end on simulated SEV-SNP, over real sockets.
//!
//! Starts two enclave replicas (each with its own OHTTP keys and a simulated SEV-SNP chip
//! whose AMD-like root the client trusts only through the explicitly dangerous switch) and
//! a rustls host in front of them on 127.0.0.1, then, as a backend app would, uses the SDK:
//! verify both replicas' evidence under a strict policy, seal each image with OHTTP to a
//! verified key, send it through the host, open the answer.
//!
//! What the enclave runs on each image is whatever the enclave pipeline provides; stages that
//! are not built yet return nothing rather than invented detections, and this program says
//! which.

#![allow(clippy::print_stdout)]

use std::time::Instant;

use anyhow::{Context, bail};
use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::models::Models;
use obscura_enclave::pipeline::Pipeline;
use obscura_protocol::api::CaptionOptions;
use obscura_protocol::limits::MAX_IMAGE_BYTES;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out_dir, images)) = args.split_last() else {
        bail!("usage: demo IMAGE... OUT_DIR");
    };
    if images.is_empty() {
        bail!("usage: demo IMAGE... OUT_DIR");
    }
    std::fs::create_dir_all(out_dir).with_context(|| format!("creating {out_dir}"))?;

    println!("Obscura demo: simulated SEV-SNP, real OHTTP/TLS sockets on 127.0.0.1");
    let t = Instant::now();
    let mut handlers = Vec::new();
    for _ in 0..2 {
        let models = Models::load_from_env()
            .context("OBSCURA_ASSETS is not set: run `cargo xtask demo`")??;
        let digests = models.digests().to_vec();
        handlers.push(PipelineHandler::new(Pipeline::new(models), digests));
    }
    let claims = handlers
        .first()
        .map(PipelineHandler::claims)
        .context("no handler")?;
    println!(
        "  loaded and digest-checked {} models per replica in {:.0} ms",
        claims.models.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let stack = obscura_tests::start_stack(handlers, claims).await?;
    println!(
        "  started 2 enclave replicas {:?} and the host at {} in {:.0} ms",
        stack.enclave_addrs,
        stack.host_url,
        t.elapsed().as_secs_f64() * 1e3
    );

    let client = stack.client()?;
    let t = Instant::now();
    let n = client.attest().await?;
    println!(
        "  SDK verified {n} replicas under a strict policy in {:.0} ms (simulated AMD root trusted via the dangerous switch):",
        t.elapsed().as_secs_f64() * 1e3
    );
    for v in client.verified()? {
        let r = v.report().report();
        let keys: Vec<String> = v
            .key_configs()
            .known()
            .map(|c| format!("{}", c.key_id()))
            .collect();
        println!(
            "    {} report v{}, {:?}-signed, TCB {}, measurement {}…, key ids [{}], expires in {} s",
            v.report().product(),
            r.version,
            v.report().signer(),
            v.report().tcb(),
            &r.measurement.to_string()[..16],
            keys.join(", "),
            v.expires_at()
                .duration_since(std::time::SystemTime::now())
                .map_or(0, |d| d.as_secs())
        );
    }

    for path in images {
        let meta = std::fs::metadata(path).with_context(|| format!("reading {path}"))?;
        if meta.len() > MAX_IMAGE_BYTES as u64 {
            bail!("{path} is larger than {MAX_IMAGE_BYTES} bytes");
        }
        let image = std::fs::read(path).with_context(|| format!("reading {path}"))?;
        let bytes_in = image.len();
        let t = Instant::now();
        let resp = client.caption(image, CaptionOptions::default()).await?;
        println!(
            "\n  {path} ({bytes_in} bytes): answered in {:.0} ms by models {}",
            t.elapsed().as_secs_f64() * 1e3,
            resp.models
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        match &resp.caption {
            Some(c) => println!("    caption: {}", c.as_str()),
            None => println!(
                "    caption: none (caption stage not built yet); OCR text withheld (sanitizer not built yet)"
            ),
        }
        println!(
            "    regions: {} faces, {} text; OCR lines: {}",
            resp.regions
                .iter()
                .filter(|r| r.kind == obscura_protocol::api::RegionKind::Face)
                .count(),
            resp.regions
                .iter()
                .filter(|r| r.kind == obscura_protocol::api::RegionKind::Text)
                .count(),
            resp.ocr.len()
        );
        if resp.entities.is_empty() {
            println!("    entities: none");
        } else {
            for (kind, count) in &resp.entities {
                println!("    entities: {kind:?} × {count}");
            }
        }
        match &resp.image {
            Some(img) => {
                let stem = std::path::Path::new(path)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("image");
                let out = std::path::Path::new(out_dir)
                    .join(format!("{stem}.redacted.{}", img.media_type.extension()));
                std::fs::write(&out, img.data.expose())?;
                println!("    redacted image: {}", out.display());
                let side = std::path::Path::new(out_dir).join(format!("{stem}.before-after.png"));
                side_by_side(&std::fs::read(path)?, img.data.expose(), &side)?;
                println!("    before/after:   {}", side.display());
            }
            None => println!("    redacted image: none (image pipeline not built yet)"),
        }
    }
    Ok(())
}

/// Writes the original and the redacted image next to each other as one PNG.
fn side_by_side(before: &[u8], after: &[u8], out: &std::path::Path) -> anyhow::Result<()> {
    let a = image::load_from_memory(before)?.to_rgb8();
    let b = image::load_from_memory(after)?.to_rgb8();
    let (w, h) = (a.width(), a.height().max(b.height()));
    let mut canvas = image::RgbImage::new(w.saturating_add(b.width()), h);
    image::imageops::replace(&mut canvas, &a, 0, 0);
    image::imageops::replace(&mut canvas, &b, i64::from(w), 0);
    canvas.save(out)?;
    Ok(())
}
