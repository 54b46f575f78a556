//! The pixel buffer every stage passes along, and the geometry helpers they share.

use std::fmt;

use obscura_protocol::api::BoundingBox;
use zeroize::Zeroizing;

use crate::Error;

/// Decoded 8-bit RGB pixels, row-major, no padding.
///
/// The buffer is zeroized on drop; `Debug` prints only the dimensions and there is no
/// `Serialize` (STYLE rule 13).
#[derive(Clone, PartialEq, Eq)]
pub struct RgbPixels {
    width: u32,
    height: u32,
    data: Zeroizing<Vec<u8>>,
}

impl fmt::Debug for RgbPixels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted {}x{} RGB pixels>", self.width, self.height)
    }
}

impl RgbPixels {
    /// Wraps `data` (3 bytes per pixel); the length must be exactly `width × height × 3`.
    pub fn new(width: u32, height: u32, data: Vec<u8>) -> Result<Self, Error> {
        let data = Zeroizing::new(data);
        let expected = u64::from(width) * u64::from(height) * 3;
        if u64::try_from(data.len()).ok() != Some(expected) {
            return Err(Error::PixelBufferSize {
                width,
                height,
                len: data.len(),
            });
        }
        Ok(Self {
            width,
            height,
            data,
        })
    }

    /// A `width × height` image of one colour.
    pub fn filled(width: u32, height: u32, rgb: [u8; 3]) -> Result<Self, Error> {
        let n = usize::try_from(u64::from(width) * u64::from(height))
            .map_err(|_| Error::ImageTooLarge { width, height })?;
        Self::new(width, height, rgb.repeat(n))
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The raw RGB bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    /// The pixel at (`x`, `y`), or `None` outside the image.
    pub fn get(&self, x: u32, y: u32) -> Option<[u8; 3]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = usize::try_from((u64::from(y) * u64::from(self.width) + u64::from(x)) * 3).ok()?;
        match self.data.get(i..i + 3)? {
            &[r, g, b] => Some([r, g, b]),
            _ => None,
        }
    }

    /// Sets the pixel at (`x`, `y`); outside the image it does nothing.
    pub fn put(&mut self, x: u32, y: u32, rgb: [u8; 3]) {
        if x >= self.width || y >= self.height {
            return;
        }
        let Ok(i) = usize::try_from((u64::from(y) * u64::from(self.width) + u64::from(x)) * 3)
        else {
            return;
        };
        if let Some(px) = self.data.get_mut(i..i + 3) {
            px.copy_from_slice(&rgb);
        }
    }

    /// Fills `rect` (clipped to the image) with `rgb`.
    pub fn fill(&mut self, rect: BoundingBox, rgb: [u8; 3]) {
        let x0 = rect.x.min(self.width);
        let y0 = rect.y.min(self.height);
        let x1 = rect.x.saturating_add(rect.width).min(self.width);
        let y1 = rect.y.saturating_add(rect.height).min(self.height);
        let (Ok(w), Ok(a), Ok(b)) = (
            usize::try_from(self.width),
            usize::try_from(x0),
            usize::try_from(x1),
        ) else {
            return;
        };
        for y in y0..y1 {
            let Ok(y) = usize::try_from(y) else { return };
            let start = (y * w + a) * 3;
            let end = (y * w + b) * 3;
            if let Some(row) = self.data.get_mut(start..end) {
                for px in row.chunks_exact_mut(3) {
                    px.copy_from_slice(&rgb);
                }
            }
        }
    }
}

/// A box in floating-point pixel coordinates (x0, y0) – (x1, y1), x1 > x0, y1 > y0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxF {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right (exclusive).
    pub x1: f32,
    /// Bottom (exclusive).
    pub y1: f32,
}

impl BoxF {
    /// The box covering columns `x.0 .. x.0 + x.1` and rows `y.0 .. y.0 + y.1` (a tile of
    /// `tile_spans_with` in each direction).
    pub fn from_spans(x: (u32, u32), y: (u32, u32)) -> Self {
        Self {
            x0: f32_of(x.0),
            y0: f32_of(y.0),
            x1: f32_of(x.0.saturating_add(x.1)),
            y1: f32_of(y.0.saturating_add(y.1)),
        }
    }

    /// Area (zero for degenerate boxes).
    pub fn area(&self) -> f32 {
        (self.x1 - self.x0).max(0.0) * (self.y1 - self.y0).max(0.0)
    }

    /// Intersection over union.
    pub fn iou(&self, other: &Self) -> f32 {
        let w = (self.x1.min(other.x1) - self.x0.max(other.x0)).max(0.0);
        let h = (self.y1.min(other.y1) - self.y0.max(other.y0)).max(0.0);
        let inter = w * h;
        let union = self.area() + other.area() - inter;
        if union > 0.0 { inter / union } else { 0.0 }
    }

    /// Area of the intersection with `other` (0 when they do not overlap).
    pub fn intersection_area(&self, other: &Self) -> f32 {
        let w = (self.x1.min(other.x1) - self.x0.max(other.x0)).max(0.0);
        let h = (self.y1.min(other.y1) - self.y0.max(other.y0)).max(0.0);
        w * h
    }

    /// The box scaled about its centre by `factor` in width and height.
    pub fn enlarged(&self, factor: f32) -> Self {
        let cx = (self.x0 + self.x1) / 2.0;
        let cy = (self.y0 + self.y1) / 2.0;
        let hw = (self.x1 - self.x0) * factor / 2.0;
        let hh = (self.y1 - self.y0) * factor / 2.0;
        Self {
            x0: cx - hw,
            y0: cy - hh,
            x1: cx + hw,
            y1: cy + hh,
        }
    }

    /// The smallest integer box covering this one, clipped to a `width × height` image.
    pub fn to_pixels(&self, width: u32, height: u32) -> BoundingBox {
        let x0 = clamp_px(self.x0.floor(), width);
        let y0 = clamp_px(self.y0.floor(), height);
        let x1 = clamp_px(self.x1.ceil(), width);
        let y1 = clamp_px(self.y1.ceil(), height);
        BoundingBox {
            x: x0,
            y: y0,
            width: x1.saturating_sub(x0),
            height: y1.saturating_sub(y0),
        }
    }
}

/// Clamps a float pixel coordinate into `0..=max` and converts it (NaN → 0).
pub(crate) fn clamp_px(v: f32, max: u32) -> u32 {
    if v.is_nan() || v <= 0.0 {
        return 0;
    }
    // f32 → f64 is exact; the clamp keeps the value in range, so the cast cannot truncate.
    let v = f64::from(v).min(f64::from(max));
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let out = v as u32;
    out
}

/// Converts a dimension to `f32` (exact below 2^24, which the pixel caps guarantee).
pub(crate) fn f32_of(v: u32) -> f32 {
    // Precision loss is acceptable: geometry, not identity.
    #[allow(clippy::cast_precision_loss)]
    let out = v as f32;
    out
}

/// `v` (at least 1) rounded up to a multiple of 32: the model input side for `v` pixels.
pub(crate) fn round_up_32(v: u32) -> usize {
    usize::try_from(v.max(1).div_ceil(32).saturating_mul(32)).unwrap_or(usize::MAX)
}

/// Tiles `(start, length)` covering `0..len`: as few as keep neighbours overlapping by at
/// least `overlap` with tiles of at most `tile` (a multiple of 32), all the same length (a
/// multiple of 32 where the image allows) and evenly spaced, so no pixel is run more often
/// than needed.
pub(crate) fn tile_spans_with(len: u32, tile: u32, overlap: u32) -> Vec<(u32, u32)> {
    if len <= tile || tile <= overlap {
        return vec![(0, len)];
    }
    let n = (len - overlap).div_ceil(tile - overlap);
    let size = (len + (n - 1) * overlap)
        .div_ceil(n)
        .div_ceil(32)
        .saturating_mul(32)
        .min(tile)
        .min(len);
    let free = u64::from(len - size);
    let last = u64::from(n - 1).max(1);
    (0..n)
        .map(|k| {
            let start = u32::try_from(free * u64::from(k) / last).unwrap_or(0);
            (start, size)
        })
        .collect()
}

/// Greedy non-maximum suppression: keeps the highest-scoring box of each overlapping group.
pub(crate) fn nms<T>(mut items: Vec<T>, iou: f32, key: impl Fn(&T) -> (BoxF, f32)) -> Vec<T> {
    items.sort_by(|a, b| key(b).1.total_cmp(&key(a).1));
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        let (b, _) = key(&item);
        if kept.iter().all(|k| key(k).0.iou(&b) <= iou) {
            kept.push(item);
        }
    }
    kept
}

/// Samples a crop of `src` with bilinear interpolation into a planar BGR `f32` tensor.
///
/// The crop `(cx, cy, cw, ch)` (source pixels, may be fractional) is resized to
/// `out_w × out_h` and written to the top-left of a `3 × tensor_h × tensor_w` buffer whose
/// remaining cells hold `pad`. Each 0..255 sample goes through `map`. Pixel centres follow
/// OpenCV's `INTER_LINEAR` convention, edges replicate.
#[allow(clippy::too_many_arguments)]
pub(crate) fn sample_bgr_planar(
    src: &RgbPixels,
    crop: BoxF,
    out_w: usize,
    out_h: usize,
    tensor_w: usize,
    tensor_h: usize,
    pad: f32,
    map: impl Fn(f32) -> f32,
) -> Vec<f32> {
    let plane = tensor_w * tensor_h;
    let mut out = vec![pad; plane * 3];
    let (sw, sh) = (src.width(), src.height());
    if sw == 0 || sh == 0 || out_w == 0 || out_h == 0 {
        return out;
    }
    let scale_x = (crop.x1 - crop.x0) / usize_f32(out_w);
    let scale_y = (crop.y1 - crop.y0) / usize_f32(out_h);
    let max_x = f32_of(sw - 1);
    let max_y = f32_of(sh - 1);
    // Horizontal taps once per column: byte offsets of the left and right source pixels
    // within a row, and the right one's weight.
    let cols: Vec<(usize, usize, f32)> = (0..out_w.min(tensor_w))
        .map(|ox| {
            let fx = (crop.x0 + (usize_f32(ox) + 0.5) * scale_x - 0.5).clamp(0.0, max_x);
            let x0 = clamp_px(fx.floor(), sw - 1);
            let x1 = (x0 + 1).min(sw - 1);
            // Out-of-range offsets (unreachable) make the reads below miss: padding stays.
            let at = |x: u32| usize::try_from(x).map_or(usize::MAX - 3, |x| x * 3);
            (at(x0), at(x1), fx - f32_of(x0))
        })
        .collect();
    let row_len = usize::try_from(sw).unwrap_or(0) * 3;
    let data = src.as_bytes();
    // BGR planes: plane 0 = blue (source channel 2), plane 2 = red.
    let (blue, rest) = out.split_at_mut(plane);
    let (green, red) = rest.split_at_mut(plane);
    for oy in 0..out_h.min(tensor_h) {
        let fy = (crop.y0 + (usize_f32(oy) + 0.5) * scale_y - 0.5).clamp(0.0, max_y);
        let y0 = clamp_px(fy.floor(), sh - 1);
        let y1 = (y0 + 1).min(sh - 1);
        let wy = fy - f32_of(y0);
        let (Ok(r0), Ok(r1)) = (usize::try_from(y0), usize::try_from(y1)) else {
            continue;
        };
        let (Some(row0), Some(row1)) = (
            data.get(r0 * row_len..(r0 + 1) * row_len),
            data.get(r1 * row_len..(r1 + 1) * row_len),
        ) else {
            continue;
        };
        let span = oy * tensor_w..oy * tensor_w + cols.len();
        let (Some(b_row), Some(g_row), Some(r_row)) = (
            blue.get_mut(span.clone()),
            green.get_mut(span.clone()),
            red.get_mut(span),
        ) else {
            continue;
        };
        let cells = b_row.iter_mut().zip(g_row.iter_mut()).zip(r_row.iter_mut());
        for (((b_cell, g_cell), r_cell), &(a, b, wx)) in cells.zip(&cols) {
            let (Some(&[ar0, ag0, ab0]), Some(&[br0, bg0, bb0])) = (
                row0.get(a..a + 3)
                    .and_then(|p| <&[u8; 3]>::try_from(p).ok()),
                row0.get(b..b + 3)
                    .and_then(|p| <&[u8; 3]>::try_from(p).ok()),
            ) else {
                continue;
            };
            let (Some(&[ar1, ag1, ab1]), Some(&[br1, bg1, bb1])) = (
                row1.get(a..a + 3)
                    .and_then(|p| <&[u8; 3]>::try_from(p).ok()),
                row1.get(b..b + 3)
                    .and_then(|p| <&[u8; 3]>::try_from(p).ok()),
            ) else {
                continue;
            };
            // Same operations, in the same order, as a per-tap bilinear blend.
            let lerp = |l0: u8, r0: u8, l1: u8, r1: u8| {
                let top = f32::from(l0) * (1.0 - wx) + f32::from(r0) * wx;
                let bottom = f32::from(l1) * (1.0 - wx) + f32::from(r1) * wx;
                map(top * (1.0 - wy) + bottom * wy)
            };
            *b_cell = lerp(ab0, bb0, ab1, bb1);
            *g_cell = lerp(ag0, bg0, ag1, bg1);
            *r_cell = lerp(ar0, br0, ar1, br1);
        }
    }
    out
}

/// `usize` → `f32` for tensor geometry (values far below 2^24).
pub(crate) fn usize_f32(v: usize) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let out = v as f32;
    out
}

/// `usize` → `f64` for sizes and counts (exact below 2^53).
pub(crate) fn f64_of(v: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let out = v as f64;
    out
}

/// Non-negative, finite `f64` → `usize` (truncating; NaN and negatives → 0).
pub(crate) fn usize_of(v: f64) -> usize {
    if v.is_nan() || v <= 0.0 {
        return 0;
    }
    // Clamped to a range `usize` holds; truncation of the fraction is intended.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let out = v.min(1e12) as usize;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_checks_length() {
        assert_eq!(
            RgbPixels::new(2, 2, vec![0; 11]),
            Err(Error::PixelBufferSize {
                width: 2,
                height: 2,
                len: 11
            })
        );
        let p = RgbPixels::new(2, 1, vec![1, 2, 3, 4, 5, 6]).unwrap();
        assert_eq!(p.get(1, 0), Some([4, 5, 6]));
        assert_eq!(p.get(2, 0), None);
        assert_eq!(format!("{p:?}"), "<redacted 2x1 RGB pixels>");
    }

    #[test]
    fn fill_clips_to_image() {
        let mut p = RgbPixels::filled(4, 3, [9, 9, 9]).unwrap();
        p.fill(
            BoundingBox {
                x: 2,
                y: 1,
                width: 10,
                height: 10,
            },
            [0, 0, 0],
        );
        assert_eq!(p.get(1, 1), Some([9, 9, 9]));
        assert_eq!(p.get(2, 1), Some([0, 0, 0]));
        assert_eq!(p.get(3, 2), Some([0, 0, 0]));
        assert_eq!(p.get(3, 0), Some([9, 9, 9]));
    }

    #[test]
    fn box_geometry() {
        let a = BoxF {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        let b = BoxF {
            x0: 5.0,
            y0: 0.0,
            x1: 15.0,
            y1: 10.0,
        };
        assert!((a.iou(&b) - 50.0 / 150.0).abs() < 1e-6);
        assert_eq!(
            a.enlarged(1.2),
            BoxF {
                x0: -1.0,
                y0: -1.0,
                x1: 11.0,
                y1: 11.0
            }
        );
        assert_eq!(
            BoxF {
                x0: -3.2,
                y0: 1.5,
                x1: 7.1,
                y1: 99.0
            }
            .to_pixels(8, 50),
            BoundingBox {
                x: 0,
                y: 1,
                width: 8,
                height: 49
            }
        );
        assert_eq!(clamp_px(f32::NAN, 5), 0);
    }

    #[test]
    fn nms_keeps_best_of_overlapping() {
        let boxes = vec![
            (
                BoxF {
                    x0: 0.0,
                    y0: 0.0,
                    x1: 10.0,
                    y1: 10.0,
                },
                0.6,
            ),
            (
                BoxF {
                    x0: 1.0,
                    y0: 1.0,
                    x1: 11.0,
                    y1: 11.0,
                },
                0.9,
            ),
            (
                BoxF {
                    x0: 50.0,
                    y0: 50.0,
                    x1: 60.0,
                    y1: 60.0,
                },
                0.5,
            ),
        ];
        let kept = nms(boxes, 0.3, |b| *b);
        assert_eq!(kept.iter().map(|b| b.1).collect::<Vec<_>>(), vec![0.9, 0.5]);
    }

    /// The sampler per output cell, written the plain way (the reference for the row-wise
    /// implementation).
    #[allow(clippy::too_many_arguments, clippy::cast_possible_truncation)]
    fn sample_reference(
        src: &RgbPixels,
        crop: BoxF,
        out_w: usize,
        out_h: usize,
        tensor_w: usize,
        tensor_h: usize,
        pad: f32,
    ) -> Vec<f32> {
        let plane = tensor_w * tensor_h;
        let mut out = vec![pad; plane * 3];
        let (sw, sh) = (src.width(), src.height());
        let sx = (crop.x1 - crop.x0) / out_w as f32;
        let sy = (crop.y1 - crop.y0) / out_h as f32;
        for oy in 0..out_h.min(tensor_h) {
            let fy = (crop.y0 + (oy as f32 + 0.5) * sy - 0.5).clamp(0.0, (sh - 1) as f32);
            let y0 = fy.floor() as u32;
            let y1 = (y0 + 1).min(sh - 1);
            let wy = fy - y0 as f32;
            for ox in 0..out_w.min(tensor_w) {
                let fx = (crop.x0 + (ox as f32 + 0.5) * sx - 0.5).clamp(0.0, (sw - 1) as f32);
                let x0 = fx.floor() as u32;
                let x1 = (x0 + 1).min(sw - 1);
                let wx = fx - x0 as f32;
                for (c, ch) in [2usize, 1, 0].into_iter().enumerate() {
                    let p = |x, y| f32::from(src.get(x, y).unwrap()[ch]);
                    let top = p(x0, y0) * (1.0 - wx) + p(x1, y0) * wx;
                    let bottom = p(x0, y1) * (1.0 - wx) + p(x1, y1) * wx;
                    out[c * plane + oy * tensor_w + ox] = (top * (1.0 - wy) + bottom * wy) / 2.0;
                }
            }
        }
        out
    }

    #[test]
    #[allow(clippy::cast_possible_truncation)]
    fn sampling_equals_the_per_cell_reference() {
        let data: Vec<u8> = (0..37 * 23 * 3).map(|i| (i * 31 % 251) as u8).collect();
        let src = RgbPixels::new(37, 23, data).unwrap();
        let b = |x0, y0, x1, y1| BoxF { x0, y0, x1, y1 };
        // (crop, out_w, out_h, tensor_w, tensor_h): native, shrink, enlarge, a crop past
        // the edges, and a tensor larger than the output (padding).
        let cases = [
            (b(0.0, 0.0, 37.0, 23.0), 37, 23, 37, 23),
            (b(0.0, 0.0, 37.0, 23.0), 16, 9, 16, 9),
            (b(3.5, 2.25, 20.0, 11.0), 64, 40, 64, 40),
            (b(-4.0, -3.0, 41.0, 30.0), 30, 20, 32, 24),
            (b(10.0, 5.0, 30.0, 15.0), 20, 10, 48, 16),
        ];
        for (crop, ow, oh, tw, th) in cases {
            let got = sample_bgr_planar(&src, crop, ow, oh, tw, th, -7.0, |v| v / 2.0);
            let want = sample_reference(&src, crop, ow, oh, tw, th, -7.0);
            assert_eq!(got, want, "{crop:?} {ow}x{oh} in {tw}x{th}");
        }
    }

    #[test]
    fn sampling_is_bgr_planar_and_pads() {
        // 2×1 image: red, blue.
        let p = RgbPixels::new(2, 1, vec![255, 0, 0, 0, 0, 255]).unwrap();
        let crop = BoxF {
            x0: 0.0,
            y0: 0.0,
            x1: 2.0,
            y1: 1.0,
        };
        let t = sample_bgr_planar(&p, crop, 2, 1, 3, 1, -1.0, |v| v);
        // planes B, G, R; each 3 wide with one pad cell.
        assert_eq!(t, vec![0.0, 255.0, -1.0, 0.0, 0.0, -1.0, 255.0, 0.0, -1.0]);
    }
}
