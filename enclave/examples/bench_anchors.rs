//! Helper binary for `cargo xtask bench anchors` (not a user tool).
//!
//! - `bench_anchors gen DIR`: writes the fixed image set (256–2048 px: the pinned photos
//!   resized, and synthetic radiographs with burned-in text) as PNG files into `DIR`, one
//!   path per line on stdout;
//! - `bench_anchors time REPS IMAGE...`: runs the whole pipeline (faces and text) on each
//!   image `REPS` times after one warm-up run, printing one JSON line per run with the
//!   milliseconds of each stage and in total;
//! - `bench_anchors rss IMAGE...`: loads the models, runs the pipeline once per image, one
//!   after the other in the same process, and prints after each the process's peak and
//!   current resident set (`VmHWM`, `VmRSS` of `/proc/self/status`) in KiB;
//! - `bench_anchors regions IMAGE...`: runs the pipeline once per image and prints each
//!   region's kind and box (to compare region lists before and after a change);
//! - `bench_anchors readings IMAGE...`: runs the pipeline with recognition batched as
//!   rapidocr and as configured (`BENCH_REC_SPREAD`), and prints how many lines read
//!   differently and how many read as drawn on the radiographs (counts only);
//! - `bench_anchors rec REPS IMAGE...`: detects each image's lines once, then times
//!   reading them `REPS` times with rapidocr's batching and as configured, interleaved,
//!   printing the median and fastest milliseconds of each;
//! - `bench_anchors prior IMAGE...`: prints the share of the image the stroke prior's
//!   windows cover (no model).
//!
//! Assets come from `$OBSCURA_ASSETS`. Output holds timings and counts only, never pixels
//! or text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    clippy::indexing_slicing,
    clippy::print_stdout,
    missing_docs,
    reason = "benchmark helper: a panic is a failed run, values are small"
)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use obscura_enclave::models::{ASSETS_ENV, Models};
use obscura_enclave::pipeline::{Pipeline, PipelineOptions, RgbPixels, decode};

/// (photo, longer side of the resized copy).
const PHOTOS: [(&str, u32); 6] = [
    ("astronaut.png", 256),
    ("chelsea.png", 512),
    ("camera.png", 1024),
    ("coffee.png", 1024),
    ("rocket.jpg", 2048),
    ("astronaut.png", 2048),
];
/// Synthetic radiographs (width, height); the 2048² one is the peak-RSS case.
const RADIOGRAPHS: [(u32, u32); 5] = [
    (256, 256),
    (512, 512),
    (768, 1024),
    (1024, 1024),
    (2048, 2048),
];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gen") => generate(Path::new(args.get(1).context("gen DIR")?)),
        Some("time") => {
            let reps: usize = args.get(1).context("time REPS IMAGE...")?.parse()?;
            time(reps, args.get(2..).unwrap_or_default())
        }
        Some("rss") => rss(args.get(1..).unwrap_or_default()),
        Some("regions") => regions(args.get(1..).unwrap_or_default()),
        Some("prior") => prior(args.get(1..).unwrap_or_default()),
        Some("readings") => readings(args.get(1..).unwrap_or_default()),
        Some("rec") => {
            let reps: usize = args.get(1).context("rec REPS IMAGE...")?.parse()?;
            rec(reps, args.get(2..).unwrap_or_default())
        }
        _ => bail!(
            "usage: bench_anchors gen DIR | time REPS IMAGE... | rss IMAGE | regions IMAGE... \
             | prior IMAGE... | readings IMAGE... | rec REPS IMAGE..."
        ),
    }
}

fn assets() -> anyhow::Result<PathBuf> {
    std::env::var_os(ASSETS_ENV)
        .map(PathBuf::from)
        .with_context(|| format!("{ASSETS_ENV} is not set"))
}

fn pipeline() -> anyhow::Result<Pipeline> {
    Ok(Pipeline::new(Models::load(&assets()?)?))
}

fn generate(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let images = assets()?.join("images");
    for (name, side) in PHOTOS {
        let photo = decode(&std::fs::read(images.join(name))?)?.pixels;
        let longer = photo.width().max(photo.height());
        let (w, h) = (
            (photo.width() * side).div_ceil(longer),
            (photo.height() * side).div_ceil(longer),
        );
        let src =
            image::RgbImage::from_raw(photo.width(), photo.height(), photo.as_bytes().to_vec())
                .context("photo buffer")?;
        let resized = image::imageops::resize(&src, w, h, image::imageops::FilterType::Triangle);
        let pixels = RgbPixels::new(w, h, resized.into_raw())?;
        let stem = name.split('.').next().unwrap_or(name);
        write(dir, &format!("photo-{stem}-{w}x{h}.png"), &pixels)?;
    }
    for (w, h) in RADIOGRAPHS {
        write(dir, &format!("radiograph-{w}x{h}.png"), &radiograph(w, h))?;
    }
    Ok(())
}

fn write(dir: &Path, name: &str, pixels: &RgbPixels) -> anyhow::Result<()> {
    let path = dir.join(name);
    std::fs::write(&path, common::png(pixels))?;
    println!("{}", path.display());
    Ok(())
}

/// A radiograph-like image: dark background, a soft bright elliptical "body" with
/// rib-like bands, and burned-in labels (name, date, MRN, an "R" side marker) in the corners at
/// a font size that grows with the image (11 px glyphs at 256 px).
fn radiograph(w: u32, h: u32) -> RgbPixels {
    let mut img = RgbPixels::filled(w, h, [0, 0, 0]).unwrap();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let (rx, ry) = (w as f32 * 0.35, h as f32 * 0.42);
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = ((x as f32 - cx) / rx, (y as f32 - cy) / ry);
            let d = dx * dx + dy * dy;
            if d < 1.0 {
                let band = ((y as f32 / h as f32 * 40.0).sin() * 0.5 + 0.5) * 30.0;
                let v = (150.0 * (1.0 - d).sqrt() + band).min(220.0) as u8;
                img.put(x, y, [v, v, v]);
            }
        }
    }
    let scale = (w.min(h) / 256).max(1);
    let white = [255, 255, 255];
    let line = 10 * scale;
    common::draw_text(
        &mut img,
        "PATIENT: JOHN SMITH",
        4 * scale,
        4 * scale,
        scale,
        white,
    );
    common::draw_text(
        &mut img,
        "DATE 01/02/1960",
        4 * scale,
        4 * scale + line,
        scale,
        white,
    );
    common::draw_text(
        &mut img,
        "MRN 4815",
        4 * scale,
        h - 4 * scale - 7 * scale,
        scale,
        [200, 200, 200],
    );
    common::draw_text(&mut img, "R", w - 12 * scale, 4 * scale, scale * 2, white);
    img
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Pipeline options; `BENCH_REC_SPREAD=1.25` narrows the recognition batches,
/// `BENCH_COARSE_WINDOWS=0` turns the coarse-to-fine windows off and `BENCH_COARSE_SCALE`
/// sets the coarse pass's scale (A/B).
fn options() -> PipelineOptions {
    let mut options = PipelineOptions::default();
    if std::env::var("BENCH_COARSE_WINDOWS").is_ok_and(|v| v == "0") {
        options.ocr.coarse_windows = false;
    }
    if let Some(spread) = std::env::var("BENCH_REC_SPREAD")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        options.ocr.rec_width_spread = spread;
    }
    if let Some(scale) = std::env::var("BENCH_COARSE_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        options.ocr.coarse_scale = scale;
    }
    options
}

fn time(reps: usize, images: &[String]) -> anyhow::Result<()> {
    let pipeline = pipeline()?;
    let options = options();
    for path in images {
        let bytes = std::fs::read(path)?;
        for rep in 0..=reps {
            let start = Instant::now();
            let out = pipeline.run(&bytes, &options)?;
            let total = start.elapsed();
            if rep == 0 {
                continue;
            }
            let t = out.timings;
            println!(
                "{}",
                serde_json::json!({
                    "image": path,
                    "decode": ms(t.decode),
                    "faces": ms(t.faces),
                    "text": ms(t.text),
                    "text_detect": ms(t.text_parts.detect),
                    "text_crop": ms(t.text_parts.crop),
                    "text_classify": ms(t.text_parts.classify),
                    "text_recognise": ms(t.text_parts.recognise),
                    "det_pixels": t.text_parts.det_pixels,
                    "redact": ms(t.redact),
                    "encode": ms(t.encode),
                    "total": ms(total),
                    "regions": out.regions.len(),
                })
            );
        }
    }
    Ok(())
}

fn rss(images: &[String]) -> anyhow::Result<()> {
    let pipeline = pipeline()?;
    for image in images {
        let out = pipeline.run(&std::fs::read(image)?, &PipelineOptions::default())?;
        let status = std::fs::read_to_string("/proc/self/status")?;
        let field = |name: &str| -> anyhow::Result<u64> {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .with_context(|| format!("{name} in /proc/self/status"))
        };
        println!(
            "{}",
            serde_json::json!({
                "image": image,
                "vmhwm_kib": field("VmHWM:")?,
                "vmrss_kib": field("VmRSS:")?,
                "regions": out.regions.len(),
            })
        );
    }
    Ok(())
}

fn regions(images: &[String]) -> anyhow::Result<()> {
    let pipeline = pipeline()?;
    for path in images {
        let out = pipeline.run(&std::fs::read(path)?, &options())?;
        let boxes: Vec<String> = out
            .regions
            .iter()
            .map(|r| {
                let b = r.bbox;
                format!(
                    "{:?} {} {} {} {} {}",
                    r.kind, b.x, b.y, b.width, b.height, r.redacted
                )
            })
            .collect();
        println!("{}", serde_json::json!({"image": path, "regions": boxes}));
    }
    Ok(())
}

fn prior(images: &[String]) -> anyhow::Result<()> {
    use obscura_enclave::pipeline::ocr::edges::edge_map;
    for path in images {
        let img = decode(&std::fs::read(path)?)?.pixels;
        let start = Instant::now();
        let (map, cols, rows) = edge_map(&img);
        let took = start.elapsed();
        let hot = map.iter().filter(|&&v| v > 0.5).count();
        let (dw, _) = obscura_enclave::pipeline::ocr::det_input_size(
            img.width(),
            img.height(),
            &obscura_enclave::pipeline::OcrParams::default(),
        );
        let s = dw as f64 / f64::from(img.width());
        let m = (96.0 / s).ceil() as u32;
        let cmap = obscura_enclave::pipeline::ocr::coarse::CoarseMap {
            prob: &map,
            width: cols,
            height: rows,
            image_width: img.width(),
            image_height: img.height(),
        };
        let wins = obscura_enclave::pipeline::ocr::coarse::candidate_windows(&cmap, 0.5, 1, (m, m));
        let area: u64 = wins
            .iter()
            .map(|w| u64::from(w.width()) * u64::from(w.height()))
            .sum();
        let share = area as f64 / (f64::from(img.width()) * f64::from(img.height()));
        println!(
            "{}",
            serde_json::json!({
                "image": path, "blocks": cols * rows, "hot": hot, "windows": wins.len(),
                "win_share": share,
                "hot_share": hot as f64 / (cols * rows).max(1) as f64, "ms": ms(took),
            })
        );
    }
    Ok(())
}

fn readings(images: &[String]) -> anyhow::Result<()> {
    let pipeline = pipeline()?;
    let mut rapid = options();
    rapid.ocr.rec_width_spread = f32::INFINITY;
    for path in images {
        let bytes = std::fs::read(path)?;
        let (a, b) = (
            pipeline.run(&bytes, &rapid)?,
            pipeline.run(&bytes, &options())?,
        );
        let differ = a
            .text
            .iter()
            .zip(&b.text)
            .filter(|(x, y)| x.text.expose() != y.text.expose())
            .count();
        let score = a
            .text
            .iter()
            .zip(&b.text)
            .map(|(x, y)| (x.score - y.score).abs())
            .fold(0.0f32, f32::max);
        // Lines reading exactly as drawn on the synthetic radiographs.
        let known = ["PATIENT: JOHN SMITH", "DATE 01/02/1960", "MRN 4815", "R"];
        let exact = |out: &obscura_enclave::pipeline::PipelineOutput| {
            out.text
                .iter()
                .filter(|l| known.contains(&l.text.expose()))
                .count()
        };
        println!(
            "{}",
            serde_json::json!({
                "image": path, "lines": [a.text.len(), b.text.len()], "differ": differ,
                "exact": [exact(&a), exact(&b)],
                "max_score_change": score,
                "recognise_ms": [ms(a.timings.text_parts.recognise), ms(b.timings.text_parts.recognise)],
            })
        );
    }
    Ok(())
}

fn rec(reps: usize, images: &[String]) -> anyhow::Result<()> {
    use obscura_enclave::pipeline::ocr::read_quads;
    let models = Models::load(&assets()?)?;
    let pipeline = pipeline()?;
    let configured = options().ocr;
    let rapid = obscura_enclave::pipeline::OcrParams {
        rec_width_spread: f32::INFINITY,
        ..configured
    };
    for path in images {
        let bytes = std::fs::read(path)?;
        let out = pipeline.run(&bytes, &options())?;
        let quads: Vec<_> = out.text.iter().map(|l| l.quad).collect();
        let image = decode(&bytes)?.pixels;
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..=reps {
            for (params, times) in [(&rapid, &mut a), (&configured, &mut b)] {
                let start = Instant::now();
                read_quads(&models, &image, &quads, params)?;
                times.push(ms(start.elapsed()));
            }
        }
        let stats = |v: &mut Vec<f64>| {
            v.remove(0);
            v.sort_by(f64::total_cmp);
            (v[v.len() / 2], v[0])
        };
        let ((ma, fa), (mb, fb)) = (stats(&mut a), stats(&mut b));
        println!(
            "{}",
            serde_json::json!({
                "image": path, "lines": quads.len(),
                "rapidocr_ms": [ma, fa], "configured_ms": [mb, fb],
            })
        );
    }
    Ok(())
}
