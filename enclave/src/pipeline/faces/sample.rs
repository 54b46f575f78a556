//! Network input of a face view (hand-written; the general sampler is `sample_bgr_planar`).
//!
//! Most native views map input columns one to one onto source columns: tiles (their widths
//! are multiples of 32), windows of them (`narrow_views`), and whole images whose width is a
//! multiple of 32 (only the height may be stretched to one). There every bilinear tap along x
//! has weight 0, so an input row is a blend of two whole source rows, or a plain copy, and
//! [`sample_view`] fills it with slice loops instead of the general per-pixel taps. The
//! result is the same, bit for bit: `a × (1 − 0) + b × 0` is `a` for every 0..255 sample.

use super::super::pixels::{BoxF, RgbPixels, clamp_px, f32_of, sample_bgr_planar, usize_f32};

/// Samples `crop` of `src` into a planar BGR buffer of `out_w × out_h` 0..255 floats: what
/// `sample_bgr_planar(src, crop, out_w, out_h, out_w, out_h, 0.0, |v| v)` returns, by a
/// faster path when input columns map one to one onto source columns (see the module docs).
pub(crate) fn sample_view(src: &RgbPixels, crop: BoxF, out_w: usize, out_h: usize) -> Vec<f32> {
    let general = || sample_bgr_planar(src, crop, out_w, out_h, out_w, out_h, 0.0, |v| v);
    let (sw, sh) = (src.width(), src.height());
    let Some(x0) = first_column(crop, out_w, sw) else {
        return general();
    };
    if out_h == 0 || sh == 0 {
        return general();
    }
    let plane = out_w * out_h;
    let mut out = vec![0.0f32; plane * 3];
    let row_len = usize::try_from(sw).unwrap_or(0) * 3;
    let data = src.as_bytes();
    let scale_y = (crop.y1 - crop.y0) / usize_f32(out_h);
    let max_y = f32_of(sh - 1);
    let span = |y: u32| {
        let at = usize::try_from(y)
            .unwrap_or(usize::MAX)
            .saturating_mul(row_len)
            + x0 * 3;
        data.get(at..at + out_w * 3)
    };
    let (blue, rest) = out.split_at_mut(plane);
    let (green, red) = rest.split_at_mut(plane);
    let rows = blue
        .chunks_exact_mut(out_w)
        .zip(green.chunks_exact_mut(out_w))
        .zip(red.chunks_exact_mut(out_w));
    for (oy, ((b_row, g_row), r_row)) in rows.enumerate() {
        // The same vertical tap as `sample_bgr_planar`.
        let fy = (crop.y0 + (usize_f32(oy) + 0.5) * scale_y - 0.5).clamp(0.0, max_y);
        let y0 = clamp_px(fy.floor(), sh - 1);
        let y1 = (y0 + 1).min(sh - 1);
        let wy = fy - f32_of(y0);
        let (Some(top), Some(bottom)) = (span(y0), span(y1)) else {
            // Unreachable (the rows lie inside the image); the general path decides.
            return general();
        };
        let cells = b_row.iter_mut().zip(g_row.iter_mut()).zip(r_row.iter_mut());
        if wy == 0.0 {
            for (((b, g), r), p) in cells.zip(top.chunks_exact(3)) {
                if let &[pr, pg, pb] = p {
                    (*r, *g, *b) = (f32::from(pr), f32::from(pg), f32::from(pb));
                }
            }
        } else {
            let mix = |t: u8, u: u8| f32::from(t) * (1.0 - wy) + f32::from(u) * wy;
            for ((((b, g), r), p), q) in cells.zip(top.chunks_exact(3)).zip(bottom.chunks_exact(3))
            {
                if let (&[pr, pg, pb], &[qr, qg, qb]) = (p, q) {
                    (*r, *g, *b) = (mix(pr, qr), mix(pg, qg), mix(pb, qb));
                }
            }
        }
    }
    out
}

/// The source column of input column 0 when input columns map one to one onto source
/// columns `x0..x0 + out_w`, all inside an image `width` px wide: the crop starts at a whole
/// pixel and is exactly `out_w` px wide.
fn first_column(crop: BoxF, out_w: usize, width: u32) -> Option<usize> {
    let one_to_one = out_w > 0 && (crop.x1 - crop.x0) / usize_f32(out_w) == 1.0;
    if !one_to_one || crop.x0 < 0.0 || crop.x0.fract() != 0.0 || crop.x1 > f32_of(width) {
        return None;
    }
    let x0 = usize::try_from(clamp_px(crop.x0, width)).ok()?;
    (x0 + out_w <= usize::try_from(width).ok()?).then_some(x0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 97 × 61 image of distinct-ish pixels.
    fn noise() -> RgbPixels {
        let mut px = RgbPixels::filled(97, 61, [0, 0, 0]).unwrap();
        for y in 0..61u32 {
            for x in 0..97u32 {
                let v = |k: u32| u8::try_from((x * 31 + y * 17 + k * 71 + x * y) % 256).unwrap();
                px.put(x, y, [v(0), v(1), v(2)]);
            }
        }
        px
    }

    fn boxf(x0: f32, y0: f32, x1: f32, y1: f32) -> BoxF {
        BoxF { x0, y0, x1, y1 }
    }

    #[test]
    fn every_view_matches_the_general_sampler_bit_for_bit() {
        let src = noise();
        // (crop, out_w, out_h): copies, stretched heights, shrunk heights, windows, and
        // crops the fast path must leave to the general one (fractional, scaled, outside).
        let cases = [
            (boxf(0.0, 0.0, 97.0, 61.0), 97, 61),
            (boxf(0.0, 0.0, 97.0, 61.0), 97, 64),
            (boxf(0.0, 0.0, 97.0, 61.0), 97, 32),
            (boxf(32.0, 7.0, 96.0, 57.0), 64, 50),
            (boxf(32.0, 7.0, 96.0, 57.0), 64, 41),
            (boxf(0.5, 0.0, 64.5, 61.0), 64, 61),
            (boxf(0.0, 0.0, 97.0, 61.0), 64, 40),
            (boxf(-8.0, -8.0, 56.0, 56.0), 64, 64),
            (boxf(40.0, 0.0, 104.0, 61.0), 64, 61),
        ];
        for (crop, w, h) in cases {
            let want = sample_bgr_planar(&src, crop, w, h, w, h, 0.0, |v| v);
            let got = sample_view(&src, crop, w, h);
            assert_eq!(got.len(), want.len(), "{crop:?}");
            let same = got
                .iter()
                .zip(&want)
                .all(|(a, b)| a.to_bits() == b.to_bits());
            assert!(same, "{crop:?} {w}x{h}");
        }
    }

    #[test]
    fn only_whole_pixel_crops_of_the_input_width_inside_the_image_are_one_to_one() {
        assert_eq!(first_column(boxf(32.0, 0.0, 96.0, 9.0), 64, 97), Some(32));
        assert_eq!(first_column(boxf(33.0, 0.0, 97.0, 9.0), 64, 97), Some(33));
        assert_eq!(first_column(boxf(40.0, 0.0, 104.0, 9.0), 64, 97), None);
        assert_eq!(first_column(boxf(0.5, 0.0, 64.5, 9.0), 64, 97), None);
        assert_eq!(first_column(boxf(0.0, 0.0, 97.0, 9.0), 96, 97), None);
        assert_eq!(first_column(boxf(-1.0, 0.0, 63.0, 9.0), 64, 97), None);
        assert_eq!(first_column(boxf(0.0, 0.0, 0.0, 9.0), 0, 97), None);
    }
}
