//! Writes the synthetic chest radiograph that `cargo xtask demo` sends besides the photos:
//! a drawn thorax (no patient's image) with a burned-in label holding a made-up patient name,
//! date of birth and record number, a view line and a side marker, in white 5×7 block letters
//! like a modality's overlay.
//!
//! ```text
//! cargo run -p obscura-enclave --example demo_label -- enclave/testdata/demo/chest-label.png
//! ```
//!
//! The committed PNG is this program's output; re-running it reproduces it byte for byte.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::indexing_slicing,
    reason = "a generator for a fixed picture: constants only"
)]

#[path = "../tests/common/mod.rs"]
mod common;

use obscura_enclave::pipeline::RgbPixels;

const WIDTH: u32 = 768;
const HEIGHT: u32 = 768;

fn main() -> anyhow::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "enclave/testdata/demo/chest-label.png".to_owned());
    let mut img = thorax();
    let white = [255, 255, 255];
    common::draw_text(&mut img, "PATIENT: JOHN SMITH", 24, 24, 3, white);
    common::draw_text(&mut img, "DOB 02/01/1960", 24, 60, 3, white);
    common::draw_text(&mut img, "MRN 4839201", 24, 96, 3, white);
    common::draw_text(&mut img, "CHEST AP", 24, HEIGHT - 48, 3, white);
    common::draw_text(&mut img, "R", WIDTH - 64, 24, 5, white);
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, common::png(&img))?;
    println!("wrote {out}");
    Ok(())
}

/// A dark field with a brighter trunk, darker lungs, a bright spine and faint ribs (flat
/// tones, so the PNG stays small).
fn thorax() -> RgbPixels {
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    let inside = |x: f32, y: f32, cx: f32, cy: f32, rx: f32, ry: f32| {
        let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
        dx * dx + dy * dy <= 1.0
    };
    let mut data = Vec::with_capacity((WIDTH * HEIGHT * 3) as usize);
    for yi in 0..HEIGHT {
        for xi in 0..WIDTH {
            let (x, y) = (xi as f32, yi as f32);
            let mut v: f32 = 18.0;
            if inside(x, y, w * 0.5, h * 0.62, w * 0.40, h * 0.46) {
                v = 120.0;
                let lung = inside(x, y, w * 0.33, h * 0.55, w * 0.13, h * 0.26)
                    || inside(x, y, w * 0.67, h * 0.55, w * 0.13, h * 0.26);
                if lung {
                    v = 55.0;
                    // Ribs: faint bright arcs across the lung fields.
                    let phase = (y + 0.08 * (x - w * 0.5).abs()) / 34.0;
                    if phase.fract() < 0.22 {
                        v += 28.0;
                    }
                }
                if (x - w * 0.5).abs() < w * 0.035 {
                    v = 170.0;
                }
            }
            let g = v.clamp(0.0, 255.0) as u8;
            data.extend_from_slice(&[g, g, g]);
        }
    }
    RgbPixels::new(WIDTH, HEIGHT, data).unwrap()
}
