//! How a zoom crop is shown to CenterFace (hand-written; no crate does either step).
//!
//! - [`sample_turned`]: the crop turned about its centre, so a face tilted by about that
//!   angle in the image stands upright in the model input. CenterFace scores small faces
//!   tilted by 25–30° far lower than upright ones.
//! - [`stretch_contrast`]: a crop whose luma spans few grey levels (a low-contrast scan, a
//!   washed-out JPEG) is stretched about its middle grey, so a faint face has the contrast
//!   the model was trained on.

use super::super::pixels::{BoxF, RgbPixels, clamp_px, f32_of, usize_f32};

/// Luma range (2nd–98th percentile) below which a zoom crop's contrast is stretched.
pub(crate) const STRETCH_BELOW: f32 = 160.0;
/// Most a zoom crop's contrast is stretched.
pub(crate) const STRETCH_MAX_GAIN: f32 = 3.0;

/// Samples the square `crop` turned by `angle` radians about its centre into a `side²`
/// planar BGR buffer of 0..255 floats: output pixel `(u, v)` from the crop's centre reads the
/// source at the centre plus `(u, v)` rotated by `angle` (bilinear; coordinates outside the
/// image clamp to its edge, as `sample_bgr_planar` does).
pub(crate) fn sample_turned(src: &RgbPixels, crop: BoxF, side: usize, angle: f32) -> Vec<f32> {
    let plane = side * side;
    let mut out = vec![0.0f32; plane * 3];
    let (sw, sh) = (src.width(), src.height());
    if sw == 0 || sh == 0 || side == 0 {
        return out;
    }
    let (max_x, max_y) = (f32_of(sw - 1), f32_of(sh - 1));
    let (cx, cy) = ((crop.x0 + crop.x1) / 2.0, (crop.y0 + crop.y1) / 2.0);
    let scale = (crop.x1 - crop.x0) / usize_f32(side);
    let (sin, cos) = angle.sin_cos();
    let half = usize_f32(side) / 2.0;
    let (blue, rest) = out.split_at_mut(plane);
    let (green, red) = rest.split_at_mut(plane);
    let cells = blue.iter_mut().zip(green.iter_mut()).zip(red.iter_mut());
    for (i, ((b, g), r)) in cells.enumerate() {
        let u = (usize_f32(i % side) + 0.5 - half) * scale;
        let v = (usize_f32(i / side) + 0.5 - half) * scale;
        let fx = (cx + u * cos - v * sin - 0.5).clamp(0.0, max_x);
        let fy = (cy + u * sin + v * cos - 0.5).clamp(0.0, max_y);
        let (x0, y0) = (clamp_px(fx.floor(), sw - 1), clamp_px(fy.floor(), sh - 1));
        let (x1, y1) = ((x0 + 1).min(sw - 1), (y0 + 1).min(sh - 1));
        let (wx, wy) = (fx - f32_of(x0), fy - f32_of(y0));
        let px = |x, y| src.get(x, y).unwrap_or_default().map(f32::from);
        let (p00, p10, p01, p11) = (px(x0, y0), px(x1, y0), px(x0, y1), px(x1, y1));
        let mix = |c: usize| {
            let at = |p: [f32; 3]| p.get(c).copied().unwrap_or(0.0);
            let top = at(p00) * (1.0 - wx) + at(p10) * wx;
            let bottom = at(p01) * (1.0 - wx) + at(p11) * wx;
            top * (1.0 - wy) + bottom * wy
        };
        (*r, *g, *b) = (mix(0), mix(1), mix(2));
    }
    out
}

/// Stretches a planar BGR buffer of 0..255 floats whose luma's 2nd–98th percentile range is
/// under [`STRETCH_BELOW`] levels: linearly about that range's middle, to [`STRETCH_BELOW`]
/// levels, by at most [`STRETCH_MAX_GAIN`]×, clamped to 0..255.
pub(crate) fn stretch_contrast(planar: &mut [f32]) {
    let n = planar.len() / 3;
    if n == 0 {
        return;
    }
    let mut hist = [0usize; 256];
    let (blue, rest) = planar.split_at(n);
    let (green, red) = rest.split_at(n);
    for ((b, g), r) in blue.iter().zip(green).zip(red) {
        let y = 0.114 * b + 0.587 * g + 0.299 * r;
        if let Some(bin) = hist.get_mut(usize::try_from(clamp_px(y.round(), 255)).unwrap_or(0)) {
            *bin += 1;
        }
    }
    let percentile = |q: usize| {
        let mut seen = 0;
        for (level, count) in (0u8..=255).zip(hist.iter()) {
            seen += count;
            if seen * 100 >= n * q {
                return f32::from(level);
            }
        }
        255.0
    };
    let (lo, hi) = (percentile(2), percentile(98));
    let range = (hi - lo).max(1.0);
    if range >= STRETCH_BELOW {
        return;
    }
    let gain = (STRETCH_BELOW / range).min(STRETCH_MAX_GAIN);
    let mid = (lo + hi) / 2.0;
    for v in planar.iter_mut() {
        *v = ((*v - mid) * gain + 127.5).clamp(0.0, 255.0);
    }
}

/// Maps a box found in a look at `crop` turned by `angle` (as [`sample_turned`] samples it;
/// the box in the unturned crop's coordinates) back to the image: its centre is turned back
/// about the crop's centre, and the box becomes the one around the turned face's inscribed
/// ellipse (the corners of a turned box are background). `angle` 0 returns `bbox` as is.
pub(crate) fn unturn(bbox: BoxF, crop: BoxF, angle: f32) -> BoxF {
    if angle == 0.0 {
        return bbox;
    }
    let (cx, cy) = ((crop.x0 + crop.x1) / 2.0, (crop.y0 + crop.y1) / 2.0);
    let (sin, cos) = angle.sin_cos();
    let u = (bbox.x0 + bbox.x1) / 2.0 - cx;
    let v = (bbox.y0 + bbox.y1) / 2.0 - cy;
    let (x, y) = (cx + u * cos - v * sin, cy + u * sin + v * cos);
    let (a, b) = ((bbox.x1 - bbox.x0) / 2.0, (bbox.y1 - bbox.y0) / 2.0);
    let half_w = ((a * cos).powi(2) + (b * sin).powi(2)).sqrt();
    let half_h = ((a * sin).powi(2) + (b * cos).powi(2)).sqrt();
    BoxF {
        x0: x - half_w,
        y0: y - half_h,
        x1: x + half_w,
        y1: y + half_h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 64² image, dark left half (10) and bright right half (200), one red pixel at (40, 20).
    fn halves() -> RgbPixels {
        let mut px = RgbPixels::filled(64, 64, [10, 10, 10]).unwrap();
        for y in 0..64 {
            for x in 32..64 {
                px.put(x, y, [200, 200, 200]);
            }
        }
        px.put(40, 20, [255, 0, 0]);
        px
    }

    fn whole() -> BoxF {
        BoxF {
            x0: 0.0,
            y0: 0.0,
            x1: 64.0,
            y1: 64.0,
        }
    }

    #[test]
    fn unturned_sampling_copies_pixels_in_bgr_planes() {
        let out = sample_turned(&halves(), whole(), 64, 0.0);
        let plane = 64 * 64;
        // (40, 20) is red: blue plane 0, red plane 255.
        assert_eq!(out[20 * 64 + 40], 0.0);
        assert_eq!(out[2 * plane + 20 * 64 + 40], 255.0);
        assert_eq!(out[5 * 64 + 5], 10.0);
        assert_eq!(out[5 * 64 + 60], 200.0);
    }

    #[test]
    fn a_quarter_turn_moves_the_bright_half_to_the_bottom() {
        // Output (u, v) reads source (centre + rotate(u, v) by 90°) = centre + (-v, u): the
        // output's bottom rows (v > 0) read the source's left columns, so bright is on top.
        let out = sample_turned(&halves(), whole(), 64, std::f32::consts::FRAC_PI_2);
        assert_eq!(out[5 * 64 + 32], 200.0, "top row reads the right half");
        assert_eq!(out[58 * 64 + 32], 10.0, "bottom row reads the left half");
    }

    #[test]
    fn low_contrast_is_stretched_and_high_contrast_left_alone() {
        // 100 and 140 in equal parts: range 40 < 160, gain min(160/40, 3) = 3 about 120.
        let mut low = [vec![100.0f32; 50], vec![140.0; 50]].concat().repeat(3);
        stretch_contrast(&mut low);
        assert_eq!(low[0], 67.5);
        assert_eq!(low[99], 187.5);
        let mut high = [vec![0.0f32; 50], vec![255.0; 50]].concat().repeat(3);
        let before = high.clone();
        stretch_contrast(&mut high);
        assert_eq!(high, before);
    }

    #[test]
    fn boxes_from_turned_looks_map_back_to_the_image() {
        let crop = BoxF {
            x0: 100.0,
            y0: 100.0,
            x1: 164.0,
            y1: 164.0,
        };
        let b = BoxF {
            x0: 140.0,
            y0: 126.0,
            x1: 150.0,
            y1: 146.0,
        };
        assert_eq!(unturn(b, crop, 0.0), b);
        // A quarter turn: centre offset (13, 4) becomes (-4, 13); the 10 × 20 box 20 × 10.
        let q = unturn(b, crop, std::f32::consts::FRAC_PI_2);
        let close = |a: f32, e: f32| (a - e).abs() < 1e-3;
        assert!(close(q.x0, 118.0) && close(q.x1, 138.0), "{q:?}");
        assert!(close(q.y0, 140.0) && close(q.y1, 150.0), "{q:?}");
    }
}
