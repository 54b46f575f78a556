//! Small burned-in text: 11 px glyphs on radiograph-like overlays (skipped with a message
//! when assets are absent).

#![allow(
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    clippy::indexing_slicing,
    reason = "test: a panic is a failure, values are small"
)]

mod common;

use obscura_enclave::pipeline::ocr::{NARROW_REC_SPREAD, read_quads};
use obscura_enclave::pipeline::quad::Quad;
use obscura_enclave::pipeline::{PipelineOptions, RgbPixels, decode};

/// Lines of the overlay: (text, x, y of the top-left corner).
const LINES: [(&str, u32, u32); 4] = [
    ("PATIENT: JOHN SMITH", 12, 10),
    ("DATE 01/02/1960", 12, 26),
    ("MRN 4815", 12, 0),
    ("ID 2718", 0, 0),
];

/// Glyph height of the overlay in px.
const GLYPH_PX: u32 = 11;

/// A radiograph-like `width × height` image: dark background, a soft bright elliptical body
/// with rib-like bands, and `LINES` drawn with the 5×7 font at 21 px and shrunk to 11 px
/// (antialiased, as scanner overlays are), light grey to white, blended over the image. The
/// last two lines sit in the bottom-left and bottom-right corners. Returns the image and the
/// overlay's coverage (0..=255 per pixel).
fn radiograph_with_overlay(width: u32, height: u32) -> (RgbPixels, Vec<u8>) {
    let mut img = RgbPixels::filled(width, height, [0, 0, 0]).unwrap();
    let (cx, cy) = (width as f32 / 2.0, height as f32 / 2.0);
    let (rx, ry) = (width as f32 * 0.35, height as f32 * 0.42);
    for y in 0..height {
        for x in 0..width {
            let (dx, dy) = ((x as f32 - cx) / rx, (y as f32 - cy) / ry);
            let d = dx * dx + dy * dy;
            if d < 1.0 {
                let band = ((y as f32 / height as f32 * 40.0).sin() * 0.5 + 0.5) * 30.0;
                let v = (150.0 * (1.0 - d).sqrt() + band).min(220.0) as u8;
                img.put(x, y, [v, v, v]);
            }
        }
    }
    let mut coverage = vec![0u8; (width * height) as usize];
    for (i, (text, x, y)) in LINES.iter().enumerate() {
        // 21 px glyphs (scale 3) shrunk by 11/21.
        let big_w = text.len() as u32 * 18 + 6;
        let mut big = RgbPixels::filled(big_w, 27, [0, 0, 0]).unwrap();
        common::draw_text(&mut big, text, 3, 3, 3, [255, 255, 255]);
        let (w, h) = (
            (big_w * GLYPH_PX).div_ceil(21),
            (27 * GLYPH_PX).div_ceil(21),
        );
        let src = image::RgbImage::from_raw(big_w, 27, big.as_bytes().to_vec()).unwrap();
        let small = image::imageops::resize(&src, w, h, image::imageops::FilterType::Triangle);
        let (x0, y0) = match i {
            2 => (*x, height - h - 10),
            3 => (width - w - 12, height - h - 10),
            _ => (*x, *y),
        };
        let ink = if i % 2 == 0 { 255.0 } else { 210.0 };
        for (px, py, p) in small.enumerate_pixels() {
            let a = f32::from(p.0[0]) / 255.0;
            let (ix, iy) = (x0 + px, y0 + py);
            let under = f32::from(img.get(ix, iy).unwrap()[0]);
            let v = (under * (1.0 - a) + ink * a).round() as u8;
            img.put(ix, iy, [v, v, v]);
            let c = &mut coverage[(iy * width + ix) as usize];
            *c = (*c).max(p.0[0]);
        }
    }
    (img, coverage)
}

#[test]
fn eleven_px_overlay_text_is_found_and_filled() {
    let Some(pipeline) = common::pipeline("eleven_px_overlay_text_is_found_and_filled") else {
        return;
    };
    for (w, h) in [(512u32, 512u32), (1024, 1024), (2048, 2048)] {
        let (img, coverage) = radiograph_with_overlay(w, h);
        let out = pipeline
            .run(&common::png(&img), &PipelineOptions::default())
            .unwrap();
        let lines: Vec<String> = out
            .text
            .iter()
            .map(|l| l.text.expose().replace(' ', ""))
            .collect();
        let read = LINES
            .iter()
            .filter(|(t, _, _)| {
                let t = t.replace(' ', "");
                lines.iter().any(|l| l.contains(&t))
            })
            .count();
        let redacted = decode(out.image.data.expose()).unwrap().pixels;
        // Glyph pixels (coverage ≥ 50 %) still visible after redaction.
        let mut glyph_px = 0;
        let mut left = 0;
        for y in 0..h {
            for x in 0..w {
                if coverage[(y * w + x) as usize] >= 128 {
                    glyph_px += 1;
                    if redacted.get(x, y) != Some([0, 0, 0]) {
                        left += 1;
                    }
                }
            }
        }
        eprintln!(
            "{w}x{h}: {} lines found, {read}/{} read exactly, {left}/{glyph_px} glyph px left, \
             text stage {:?}",
            out.text.len(),
            LINES.len(),
            out.timings.text
        );
        assert_eq!(left, 0, "{w}x{h}: glyph pixels left unfilled");
        assert_eq!(read, LINES.len(), "{w}x{h}: {lines:?}");
    }
}

#[test]
fn astronaut_name_tag_is_found() {
    let Some(pipeline) = common::pipeline("astronaut_name_tag_is_found") else {
        return;
    };
    let dir = common::assets("astronaut_name_tag_is_found").unwrap();
    let bytes = std::fs::read(dir.join("images/astronaut.png")).unwrap();
    let out = pipeline.run(&bytes, &PipelineOptions::default()).unwrap();
    // The name tag's text line (4–5 px glyphs, checked by eye at 8× zoom): x 287..322,
    // y 365..375. At rapidocr's 736 px detector input nothing is found there.
    let tag = out.text.iter().find(|l| {
        let b = l.bbox;
        b.x0 < 322.0 && b.x1 > 287.0 && b.y0 < 375.0 && b.y1 > 365.0
    });
    eprintln!(
        "astronaut: {} text lines, name tag box {:?}, text stage {:?}",
        out.text.len(),
        tag.map(|l| l.bbox),
        out.timings.text
    );
    let tag = tag.expect("a text line on the name tag");
    assert!(
        out.regions.iter().any(|r| r.redacted
            && r.bbox.x <= tag.bbox.x0 as u32
            && r.bbox.y <= tag.bbox.y0 as u32),
        "the name tag line is filled"
    );
}

/// `quad` with one edge (0 top, 1 right, 2 bottom, 3 left) moved out by `d` px (in when
/// negative), or with every corner moved by (`d`, `d`) for edge 4.
fn moved(quad: Quad, edge: usize, d: f32) -> Quad {
    let [mut p0, mut p1, mut p2, mut p3] = quad.0;
    match edge {
        0 => (p0[1], p1[1]) = (p0[1] - d, p1[1] - d),
        1 => (p1[0], p2[0]) = (p1[0] + d, p2[0] + d),
        2 => (p2[1], p3[1]) = (p2[1] + d, p3[1] + d),
        3 => (p0[0], p3[0]) = (p0[0] - d, p3[0] - d),
        _ => return Quad(quad.0.map(|[x, y]| [x + d, y + d])),
    }
    Quad([p0, p1, p2, p3])
}

#[test]
fn eleven_px_lines_read_the_same_from_boxes_moved_by_two_px() {
    let Some(pipeline) =
        common::pipeline("eleven_px_lines_read_the_same_from_boxes_moved_by_two_px")
    else {
        return;
    };
    // Coarse-to-fine windows gave the 1024² overlay's "DATE" line a box a few px off the
    // full pass's, and a crop cut from the box read "DRTE". Crops fitted to the ink read
    // every line the same from each edge moved by ±2 px and from the box moved by ±2 px.
    let (img, _) = radiograph_with_overlay(1024, 1024);
    let out = pipeline
        .run(&common::png(&img), &PipelineOptions::default())
        .unwrap();
    let lines: Vec<String> = out
        .text
        .iter()
        .map(|l| l.text.expose().replace(' ', ""))
        .collect();
    let want: Vec<String> = LINES.iter().map(|(t, _, _)| t.replace(' ', "")).collect();
    assert_eq!(lines, want);
    for line in &out.text {
        let mut quads = vec![line.quad];
        for edge in 0..5 {
            for d in [-2.0f32, 2.0] {
                quads.push(moved(line.quad, edge, d));
            }
        }
        let read = read_quads(
            pipeline.models(),
            &img,
            &quads,
            &PipelineOptions::default().ocr,
        )
        .unwrap();
        let texts: Vec<String> = read
            .iter()
            .map(|l| l.text.expose().replace(' ', ""))
            .collect();
        let first = line.text.expose().replace(' ', "");
        assert_eq!(texts, vec![first; quads.len()]);
    }
}

#[test]
fn coarse_to_fine_windows_read_the_overlay_as_the_full_pass() {
    let Some(pipeline) =
        common::pipeline("coarse_to_fine_windows_read_the_overlay_as_the_full_pass")
    else {
        return;
    };
    // The windows' boxes differ from the full pass's by a few px (the detector pools over
    // its whole input); the crops fitted to the ink read the same lines from both.
    let (img, _) = radiograph_with_overlay(1024, 1024);
    let png = common::png(&img);
    let mut options = PipelineOptions::default();
    assert!(options.ocr.coarse_windows);
    let windows = pipeline.run(&png, &options).unwrap();
    options.ocr.coarse_windows = false;
    let full = pipeline.run(&png, &options).unwrap();
    let read = |out: &obscura_enclave::pipeline::PipelineOutput| -> Vec<String> {
        out.text
            .iter()
            .map(|l| l.text.expose().replace(' ', ""))
            .collect()
    };
    let want: Vec<String> = LINES.iter().map(|(t, _, _)| t.replace(' ', "")).collect();
    assert_eq!(read(&full), want);
    assert_eq!(read(&windows), want);
    assert_eq!(full.timings.text_parts.det_pixels, 1024 * 1024);
    let px = windows.timings.text_parts.det_pixels;
    assert!(px < 1024 * 1024 * 3 / 4, "{px}");
}

#[test]
fn narrow_recognition_batches_read_the_overlay_as_one_wide_batch() {
    let Some(pipeline) =
        common::pipeline("narrow_recognition_batches_read_the_overlay_as_one_wide_batch")
    else {
        return;
    };
    // The overlay's short lines ("ID 2718", "MRN 4815": 320 px inputs) and long ones (up to
    // "PATIENT: JOHN SMITH") go to the recogniser in separate batches with the narrow
    // setting, in one batch as wide as the longest line with rapidocr's batching (the
    // default); both read every line.
    let want: Vec<String> = LINES.iter().map(|(t, _, _)| t.replace(' ', "")).collect();
    for side in [512u32, 1024] {
        let (img, _) = radiograph_with_overlay(side, side);
        let png = common::png(&img);
        let mut options = PipelineOptions::default();
        let wide = pipeline.run(&png, &options).unwrap();
        options.ocr.rec_width_spread = NARROW_REC_SPREAD;
        let narrow = pipeline.run(&png, &options).unwrap();
        let read = |out: &obscura_enclave::pipeline::PipelineOutput| -> Vec<String> {
            out.text
                .iter()
                .map(|l| l.text.expose().replace(' ', ""))
                .collect()
        };
        assert_eq!(read(&wide), want, "{side}");
        assert_eq!(read(&narrow), want, "{side}");
        let boxes = |out: &obscura_enclave::pipeline::PipelineOutput| {
            out.text.iter().map(|l| l.bbox).collect::<Vec<_>>()
        };
        assert_eq!(boxes(&narrow), boxes(&wide), "{side}");
    }
}

#[test]
fn native_windows_of_large_images_read_every_overlay_line() {
    let Some(pipeline) = common::pipeline("native_windows_of_large_images_read_every_overlay_line")
    else {
        return;
    };
    // Over 2000 px the global pass sees the 11 px glyphs shrunk; the native-resolution
    // windows around the candidates read every line exactly, for less than the global pass
    // and one native tile (the tiles they replace read "PATIENT:" and "JOHN SMITH" apart on
    // the 4096 × 3072 image, and ran 5.0 M and 8.5 M input pixels).
    let want: Vec<String> = LINES.iter().map(|(t, _, _)| t.replace(' ', "")).collect();
    for (w, h) in [(2048u32, 2048u32), (4096, 3072)] {
        let (img, _) = radiograph_with_overlay(w, h);
        let out = pipeline
            .run(&common::png(&img), &PipelineOptions::default())
            .unwrap();
        let read: Vec<String> = out
            .text
            .iter()
            .map(|l| l.text.expose().replace(' ', ""))
            .collect();
        assert_eq!(read, want, "{w} x {h}");
        let px = out.timings.text_parts.det_pixels;
        assert!(px < 1024 * 1024 + 1152 * 1152, "{w} x {h}: {px}");
    }
}
