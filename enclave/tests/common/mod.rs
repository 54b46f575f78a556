//! Shared helpers for the model-backed tests: asset lookup with a clear skip, one pipeline
//! per test binary, and a tiny built-in 5×7 bitmap font for synthetic text images.

#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation,
    clippy::indexing_slicing,
    reason = "test helpers: a panic here is a test failure, values are small constants"
)]

use std::path::PathBuf;
use std::sync::OnceLock;

use obscura_enclave::models::{ASSETS_ENV, Models};
use obscura_enclave::pipeline::{Pipeline, RgbPixels};

/// Files the model-backed tests need, relative to `$OBSCURA_ASSETS`.
const NEEDED: [&str; 6] = [
    "ort/libonnxruntime.so.1.31.1",
    "models/centerface.onnx",
    "models/ch_PP-OCRv4_det_infer.onnx",
    "models/ch_PP-OCRv4_rec_infer.onnx",
    "models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
    "images/astronaut.png",
];

/// The assets directory, or `None` (after printing why) when tests must skip.
pub fn assets(test: &str) -> Option<PathBuf> {
    let Some(dir) = std::env::var_os(ASSETS_ENV).map(PathBuf::from) else {
        eprintln!("SKIP {test}: {ASSETS_ENV} is not set (run through `cargo xtask test`)");
        return None;
    };
    for f in NEEDED {
        if !dir.join(f).is_file() {
            eprintln!(
                "SKIP {test}: {} is missing (run `cargo xtask setup`)",
                dir.join(f).display()
            );
            return None;
        }
    }
    Some(dir)
}

/// One loaded pipeline per test binary (session creation is expensive).
pub fn pipeline(test: &str) -> Option<&'static Pipeline> {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let dir = assets(test)?;
    Some(PIPELINE.get_or_init(|| Pipeline::new(Models::load(&dir).expect("models load"))))
}

/// 5×7 glyphs, '#' = ink.
fn glyph(c: char) -> [&'static str; 7] {
    match c {
        'A' => [
            ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#",
        ],
        'B' => [
            "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####.",
        ],
        'C' => [
            ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###.",
        ],
        'D' => [
            "####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####.",
        ],
        'E' => [
            "#####", "#....", "#....", "####.", "#....", "#....", "#####",
        ],
        'H' => [
            "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#",
        ],
        'I' => [
            ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###.",
        ],
        'J' => [
            "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##..",
        ],
        'M' => [
            "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#",
        ],
        'N' => [
            "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#",
        ],
        'O' => [
            ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.",
        ],
        'P' => [
            "####.", "#...#", "#...#", "####.", "#....", "#....", "#....",
        ],
        'R' => [
            "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#",
        ],
        'S' => [
            ".####", "#....", "#....", ".###.", "....#", "....#", "####.",
        ],
        'T' => [
            "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..",
        ],
        '0' => [
            ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###.",
        ],
        '1' => [
            "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.",
        ],
        '2' => [
            ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####",
        ],
        '3' => [
            "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###.",
        ],
        '4' => [
            "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#.",
        ],
        '5' => [
            "#####", "#....", "####.", "....#", "....#", "#...#", ".###.",
        ],
        '6' => [
            "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###.",
        ],
        '7' => [
            "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#...",
        ],
        '8' => [
            ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###.",
        ],
        '9' => [
            ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##..",
        ],
        ':' => [
            ".....", "..#..", "..#..", ".....", "..#..", "..#..", ".....",
        ],
        '/' => [
            ".....", "....#", "...#.", "..#..", ".#...", "#....", ".....",
        ],
        _ => [
            ".....", ".....", ".....", ".....", ".....", ".....", ".....",
        ],
    }
}

/// Draws `text` with the 5×7 font at `scale` pixels per font dot, top-left at (`x`, `y`),
/// one dot of spacing between glyphs.
pub fn draw_text(img: &mut RgbPixels, text: &str, x: u32, y: u32, scale: u32, rgb: [u8; 3]) {
    for (i, c) in text.chars().enumerate() {
        let gx = x + i as u32 * 6 * scale;
        for (row, bits) in glyph(c).iter().enumerate() {
            for (col, bit) in bits.chars().enumerate() {
                if bit == '#' {
                    for dy in 0..scale {
                        for dx in 0..scale {
                            img.put(
                                gx + col as u32 * scale + dx,
                                y + row as u32 * scale + dy,
                                rgb,
                            );
                        }
                    }
                }
            }
        }
    }
}

/// A horizontal grey gradient.
pub fn gradient(width: u32, height: u32) -> RgbPixels {
    let mut data = Vec::with_capacity((width * height * 3) as usize);
    for _y in 0..height {
        for x in 0..width {
            let v = (x * 255 / width.max(1)) as u8;
            data.extend_from_slice(&[v, v, v.saturating_add(20)]);
        }
    }
    RgbPixels::new(width, height, data).unwrap()
}

/// Encodes pixels as PNG (through the enclave's own encoder).
pub fn png(p: &RgbPixels) -> Vec<u8> {
    obscura_enclave::pipeline::encode::encode(p, obscura_protocol::api::MediaType::Png)
        .unwrap()
        .expose()
        .to_vec()
}

/// A synthetic radiograph label: white 5×7-font text on black.
pub fn label() -> RgbPixels {
    let mut img = RgbPixels::filled(640, 200, [0, 0, 0]).unwrap();
    draw_text(&mut img, "PATIENT: JOHN SMITH", 20, 30, 4, [255, 255, 255]);
    draw_text(&mut img, "DATE 01/02/1960", 20, 110, 4, [255, 255, 255]);
    img
}

/// The astronaut scaled to `size` px square (face ≈ `size` × 0.2 px wide) pasted at
/// (`x`, `y`) on a grey `width × height` canvas.
pub fn small_astronaut(
    astronaut: &RgbPixels,
    size: u32,
    width: u32,
    height: u32,
    x: u32,
    y: u32,
) -> RgbPixels {
    let src = image::RgbImage::from_raw(512, 512, astronaut.as_bytes().to_vec()).unwrap();
    let small = image::imageops::resize(&src, size, size, image::imageops::FilterType::Triangle);
    let mut canvas = RgbPixels::filled(width, height, [120, 130, 140]).unwrap();
    for (px, py, p) in small.enumerate_pixels() {
        canvas.put(x + px, y + py, p.0);
    }
    canvas
}

/// `img` turned 90° counter-clockwise.
pub fn rotate_ccw(img: &RgbPixels) -> RgbPixels {
    let (w, h) = (img.width(), img.height());
    let mut out = RgbPixels::filled(h, w, [0, 0, 0]).unwrap();
    for y in 0..h {
        for x in 0..w {
            out.put(y, w - 1 - x, img.get(x, y).unwrap());
        }
    }
    out
}

/// JPEG bytes of `img` with an APP1 Exif block holding only `Orientation = orientation`.
pub fn jpeg_with_orientation(img: &RgbPixels, orientation: u16) -> Vec<u8> {
    let jpeg =
        obscura_enclave::pipeline::encode::encode(img, obscura_protocol::api::MediaType::Jpeg)
            .unwrap()
            .expose()
            .to_vec();
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    exif.extend_from_slice(&orientation.to_be_bytes());
    exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut out = vec![0xff, 0xd8, 0xff, 0xe1];
    out.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// `img` rotated by `degrees` (counter-clockwise on screen) about its centre onto a black
/// `width × height` canvas, bilinear.
pub fn rotated(img: &RgbPixels, degrees: f32, width: u32, height: u32) -> RgbPixels {
    let (c, s) = (degrees.to_radians().cos(), degrees.to_radians().sin());
    let (cx, cy) = (img.width() as f32 / 2.0, img.height() as f32 / 2.0);
    let (ox, oy) = (width as f32 / 2.0, height as f32 / 2.0);
    let mut out = RgbPixels::filled(width, height, [0, 0, 0]).unwrap();
    for y in 0..height {
        for x in 0..width {
            let (dx, dy) = (x as f32 + 0.5 - ox, y as f32 + 0.5 - oy);
            // Inverse rotation (screen y points down).
            let sx = c * dx - s * dy + cx - 0.5;
            let sy = s * dx + c * dy + cy - 0.5;
            if sx < 0.0
                || sy < 0.0
                || sx > img.width() as f32 - 1.0
                || sy > img.height() as f32 - 1.0
            {
                continue;
            }
            let (x0, y0) = (sx.floor() as u32, sy.floor() as u32);
            let (fx, fy) = (sx - x0 as f32, sy - y0 as f32);
            let px = |x: u32, y: u32| {
                img.get(x.min(img.width() - 1), y.min(img.height() - 1))
                    .unwrap()
            };
            let mut rgb = [0u8; 3];
            for (k, v) in rgb.iter_mut().enumerate() {
                let at = |p: [u8; 3]| f32::from(p[k]);
                let top = at(px(x0, y0)) * (1.0 - fx) + at(px(x0 + 1, y0)) * fx;
                let bottom = at(px(x0, y0 + 1)) * (1.0 - fx) + at(px(x0 + 1, y0 + 1)) * fx;
                *v = (top * (1.0 - fy) + bottom * fy).round() as u8;
            }
            out.put(x, y, rgb);
        }
    }
    out
}
