//! Coarse-to-fine text detection: the full-scale detector pass runs only where a coarse
//! look saw text (skipped with a message when assets are absent).

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "test: a panic is a failure, values are small"
)]

mod common;

use obscura_enclave::pipeline::{PipelineOptions, RgbPixels};

/// A dark `side²` frame with a soft bright disc (anatomy-like, no strokes) and one label in
/// the top-left and one in the bottom-right corner, 14 px glyphs.
fn two_corners(side: u32) -> RgbPixels {
    let mut img = RgbPixels::filled(side, side, [0, 0, 0]).unwrap();
    let c = f64::from(side) / 2.0;
    for y in 0..side {
        for x in 0..side {
            let d = ((f64::from(x) - c).powi(2) + (f64::from(y) - c).powi(2)).sqrt() / c;
            if d < 0.8 {
                let v = (140.0 * (1.0 - d / 0.8).sqrt()) as u8;
                img.put(x, y, [v, v, v]);
            }
        }
    }
    common::draw_text(&mut img, "PATIENT: JOHN SMITH", 10, 10, 2, [255, 255, 255]);
    common::draw_text(
        &mut img,
        "MRN 4815",
        side - 130,
        side - 30,
        2,
        [230, 230, 230],
    );
    img
}

/// The lines read, without spaces.
fn read(out: &obscura_enclave::pipeline::PipelineOutput) -> Vec<String> {
    out.text
        .iter()
        .map(|l| l.text.expose().replace(' ', ""))
        .collect()
}

/// `two_corners` with the labels blacked out: anatomy only.
fn no_text(side: u32) -> RgbPixels {
    let mut img = two_corners(side);
    for y in 0..60 {
        for x in 0..side {
            img.put(x, y, [0, 0, 0]);
            img.put(x, side - 1 - y, [0, 0, 0]);
        }
    }
    img
}

#[test]
fn native_tiles_run_only_where_text_can_be() {
    let Some(pipeline) = common::pipeline("native_tiles_run_only_where_text_can_be") else {
        return;
    };
    // 2048²: the global pass (1024²), then native-resolution windows around the two
    // corners; with the windows off, the two of the four native 1152² tiles that hold the
    // corners; without coarse-to-fine all four. All three read the same lines.
    let img = common::png(&two_corners(2048));
    let mut options = PipelineOptions::default();
    let out = pipeline.run(&img, &options).unwrap();
    assert_eq!(read(&out), vec!["PATIENT:JOHNSMITH", "MRN4815"]);
    let windows = out.timings.text_parts.det_pixels;
    assert!(windows > 1024 * 1024, "{windows}");
    assert!(windows < 1024 * 1024 + 1152 * 1152, "{windows}");
    options.ocr.coarse_windows = false;
    let out = pipeline.run(&img, &options).unwrap();
    assert_eq!(read(&out), vec!["PATIENT:JOHNSMITH", "MRN4815"]);
    assert_eq!(
        out.timings.text_parts.det_pixels,
        1024 * 1024 + 2 * 1152 * 1152
    );
    let boxes: Vec<_> = out.text.iter().map(|l| l.quad).collect();
    options.ocr.det_coarse = false;
    let out = pipeline.run(&img, &options).unwrap();
    assert_eq!(read(&out), vec!["PATIENT:JOHNSMITH", "MRN4815"]);
    assert_eq!(
        out.timings.text_parts.det_pixels,
        1024 * 1024 + 4 * 1152 * 1152
    );
    assert_eq!(out.text.iter().map(|l| l.quad).collect::<Vec<_>>(), boxes);
    // No text: the global pass only.
    let out = pipeline
        .run(&common::png(&no_text(2048)), &PipelineOptions::default())
        .unwrap();
    assert_eq!(out.text.len(), 0);
    assert_eq!(out.timings.text_parts.det_pixels, 1024 * 1024);
}

#[test]
fn windows_cover_the_corners_only() {
    let Some(pipeline) = common::pipeline("windows_cover_the_corners_only") else {
        return;
    };
    let mut options = PipelineOptions::default();
    options.ocr.coarse_windows = true;
    // 1024²: one full-scale pass would be 1024² input pixels; the coarse pass is 384²
    // (3/8 of each side), then a window around each corner.
    let out = pipeline
        .run(&common::png(&two_corners(1024)), &options)
        .unwrap();
    assert_eq!(read(&out), vec!["PATIENT:JOHNSMITH", "MRN4815"]);
    let px = out.timings.text_parts.det_pixels;
    assert!(px > 384 * 384, "{px}");
    assert!(px < 1024 * 1024 / 2, "{px}");
    // No text: only the coarse pass runs.
    for (img, coarse) in [
        (no_text(1024), 384 * 384),
        (
            RgbPixels::filled(1024, 768, [90, 100, 110]).unwrap(),
            384 * 288,
        ),
    ] {
        let out = pipeline.run(&common::png(&img), &options).unwrap();
        assert_eq!(out.text.len(), 0);
        assert_eq!(out.timings.text_parts.det_pixels, coarse);
    }
}

#[test]
fn large_print_is_found_by_the_coarse_pass() {
    let Some(pipeline) = common::pipeline("large_print_is_found_by_the_coarse_pass") else {
        return;
    };
    // Glyphs 56–112 px high with 8–16 px strokes: too wide for the stroke prior (it sees
    // strokes up to about 7 px), so only the coarse pass can point the full-scale pass at
    // them. The windows read what the full pass reads, on fewer input pixels.
    for scale in [8u32, 12, 16] {
        let mut img = no_text(1024);
        common::draw_text(&mut img, "CHEST", 150, 250, scale, [255, 255, 255]);
        common::draw_text(&mut img, "AP", 600, 700, scale, [200, 200, 200]);
        let png = common::png(&img);
        let mut options = PipelineOptions::default();
        let windows = pipeline.run(&png, &options).unwrap();
        options.ocr.coarse_windows = false;
        let full = pipeline.run(&png, &options).unwrap();
        assert_eq!(read(&windows), read(&full), "glyph scale {scale}");
        assert!(
            read(&full).contains(&"AP".to_owned()),
            "glyph scale {scale}"
        );
        let px = windows.timings.text_parts.det_pixels;
        assert!(px < 1024 * 1024, "glyph scale {scale}: {px}");
    }
}
