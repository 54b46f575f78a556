//! Flat-region map for the face stage (hand-written, no library).
//!
//! A face, even a 12 px one in a low-contrast JPEG, has edges: eyes, mouth, hairline,
//! outline. A block in which no pixel differs from the pixel two to its right or two below
//! it by more than [`FLAT_STEP`] levels in any channel (a film's black background, clear
//! sky, a smooth gradient) cannot hold any part of a face's features. The face stage uses
//! this map to run its native-resolution views only over the bounding rectangle of the
//! textured blocks (plus a margin), see `faces::narrow_views`.

use crate::pipeline::pixels::RgbPixels;

/// Side of a square block of the map, in pixels.
pub(crate) const BLOCK: u32 = 16;
/// Largest step (in 0..255 levels, any channel, over two pixels) a flat block may hold.
/// A smooth gradient of up to 3 levels per pixel stays flat; JPEG ringing, noise and every
/// edge of a face exceed it.
pub(crate) const FLAT_STEP: u8 = 6;

/// Which [`BLOCK`]² blocks of an image hold texture (row-major).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextureMap {
    cols: u32,
    rows: u32,
    textured: Vec<bool>,
}

/// A pixel rectangle `x0..x1 × y0..y1` (exclusive ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rect {
    pub(crate) x0: u32,
    pub(crate) y0: u32,
    pub(crate) x1: u32,
    pub(crate) y1: u32,
}

impl TextureMap {
    /// Scans `image` once. A block already found textured is not scanned further, so a busy
    /// photo costs little more than a look at each block's first rows.
    pub(crate) fn new(image: &RgbPixels) -> Self {
        let (w, h) = (image.width(), image.height());
        let cols = w.div_ceil(BLOCK);
        let rows = h.div_ceil(BLOCK);
        let n = usize::try_from(u64::from(cols) * u64::from(rows)).unwrap_or(0);
        let mut textured = vec![false; n];
        let data = image.as_bytes();
        let wide = usize::try_from(w).unwrap_or(0);
        let row_len = wide * 3;
        let row = |y: u32| {
            let at = usize::try_from(y)
                .unwrap_or(usize::MAX)
                .saturating_mul(row_len);
            data.get(at..at.saturating_add(row_len)).unwrap_or_default()
        };
        // Byte-wise over a block's run of a row: channel c of pixel x is byte 3x + c, so
        // the pixel two to the right is 6 bytes on, the one two below the same byte of row
        // y + 2. A max over the run (not an early exit) lets the compiler vectorise it.
        let steps = |a: &[u8], b: &[u8]| {
            a.iter()
                .zip(b)
                .fold(0u8, |m, (&p, &q)| m.max(p.abs_diff(q)))
                > FLAT_STEP
        };
        for y in 0..h {
            let by = y / BLOCK;
            let (here, below) = (row(y), if y + 2 < h { row(y + 2) } else { &[] });
            for bx in 0..cols {
                let Some(i) = usize::try_from(by * cols + bx).ok() else {
                    continue;
                };
                if textured.get(i).copied().unwrap_or(true) {
                    continue;
                }
                let start = usize::try_from(bx * BLOCK).unwrap_or(usize::MAX);
                let end = usize::try_from(((bx + 1) * BLOCK).min(w)).unwrap_or(0);
                // Pixels x with x + 2 < w against x + 2; every pixel against the one below.
                let right_end = end.min(wide.saturating_sub(2));
                let across = start < right_end
                    && steps(
                        here.get(start * 3..right_end * 3).unwrap_or_default(),
                        here.get(start * 3 + 6..right_end * 3 + 6)
                            .unwrap_or_default(),
                    );
                let down = !below.is_empty()
                    && steps(
                        here.get(start * 3..end * 3).unwrap_or_default(),
                        below.get(start * 3..end * 3).unwrap_or_default(),
                    );
                if (across || down)
                    && let Some(cell) = textured.get_mut(i)
                {
                    *cell = true;
                }
            }
        }
        Self {
            cols,
            rows,
            textured,
        }
    }

    /// The bounding rectangle (block-aligned, clipped to `region`) of the textured blocks
    /// that overlap `region`, or `None` when all of them are flat.
    pub(crate) fn textured_bounds(&self, region: Rect) -> Option<Rect> {
        let (bx0, by0) = (region.x0 / BLOCK, region.y0 / BLOCK);
        let bx1 = region.x1.div_ceil(BLOCK).min(self.cols);
        let by1 = region.y1.div_ceil(BLOCK).min(self.rows);
        let mut found: Option<(u32, u32, u32, u32)> = None;
        for by in by0..by1 {
            for bx in bx0..bx1 {
                let i = usize::try_from(by * self.cols + bx).ok();
                if !i
                    .and_then(|i| self.textured.get(i))
                    .copied()
                    .unwrap_or(false)
                {
                    continue;
                }
                found = Some(match found {
                    None => (bx, by, bx, by),
                    Some((a, b, c, d)) => (a.min(bx), b.min(by), c.max(bx), d.max(by)),
                });
            }
        }
        let (a, b, c, d) = found?;
        Some(Rect {
            x0: (a * BLOCK).max(region.x0),
            y0: (b * BLOCK).max(region.y0),
            x1: ((c + 1) * BLOCK).min(region.x1),
            y1: ((d + 1) * BLOCK).min(region.y1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(w: u32, h: u32) -> Rect {
        Rect {
            x0: 0,
            y0: 0,
            x1: w,
            y1: h,
        }
    }

    #[test]
    fn flat_and_smooth_images_have_no_texture() {
        let black = RgbPixels::filled(100, 40, [0, 0, 0]).unwrap();
        assert_eq!(
            TextureMap::new(&black).textured_bounds(whole(100, 40)),
            None
        );
        // A ramp of 3 levels per pixel (6 over the two-pixel step) is still flat.
        let mut ramp = RgbPixels::filled(80, 20, [0, 0, 0]).unwrap();
        for y in 0..20 {
            for x in 0..80 {
                let v = u8::try_from(x * 3).unwrap();
                ramp.put(x, y, [v, 255 - v, 7]);
            }
        }
        assert_eq!(TextureMap::new(&ramp).textured_bounds(whole(80, 20)), None);
    }

    #[test]
    fn a_small_spot_marks_its_blocks_only() {
        let mut img = RgbPixels::filled(256, 128, [10, 10, 10]).unwrap();
        // A 2 × 2 spot at (100, 40): a step of 8 levels in the blue channel only.
        for (x, y) in [(100, 40), (101, 40), (100, 41), (101, 41)] {
            img.put(x, y, [10, 10, 18]);
        }
        let map = TextureMap::new(&img);
        let marked = map.textured.iter().filter(|&&t| t).count();
        // The spot's block, and the blocks to its left and above whose pixels step onto it.
        assert!(marked <= 4, "{marked} blocks");
        assert_eq!(
            map.textured_bounds(whole(256, 128)),
            Some(Rect {
                x0: 96,
                y0: 32,
                x1: 112,
                y1: 48
            })
        );
        // A region away from the spot is flat; one cutting the spot's block is clipped.
        assert_eq!(
            map.textured_bounds(Rect {
                x0: 128,
                y0: 0,
                x1: 256,
                y1: 128
            }),
            None
        );
        assert_eq!(
            map.textured_bounds(Rect {
                x0: 100,
                y0: 0,
                x1: 200,
                y1: 100
            }),
            Some(Rect {
                x0: 100,
                y0: 32,
                x1: 112,
                y1: 48
            })
        );
    }

    /// The map as first written: pixel by pixel, any channel, early exit.
    fn reference(image: &RgbPixels) -> Vec<bool> {
        let (w, h) = (image.width(), image.height());
        let cols = w.div_ceil(BLOCK);
        let mut out = vec![false; (cols * h.div_ceil(BLOCK)) as usize];
        let step =
            |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).any(|(&p, q)| p.abs_diff(q) > FLAT_STEP);
        for y in 0..h {
            for x in 0..w {
                let here = image.get(x, y).unwrap();
                let hit = (x + 2 < w && step(here, image.get(x + 2, y).unwrap()))
                    || (y + 2 < h && step(here, image.get(x, y + 2).unwrap()));
                if hit {
                    out[((y / BLOCK) * cols + x / BLOCK) as usize] = true;
                }
            }
        }
        out
    }

    #[test]
    fn the_row_wise_scan_agrees_with_a_pixel_by_pixel_one() {
        for (w, h) in [(1u32, 1u32), (2, 5), (3, 3), (37, 21), (64, 48), (100, 33)] {
            let mut img = RgbPixels::filled(w, h, [50, 50, 50]).unwrap();
            // Sparse steps of 5..=9 levels in one channel at a time on the left half: its
            // blocks textured (edges and the last two rows included), the right half flat.
            for y in 0..h {
                for x in 0..w {
                    let k = (x * 7 + y * 13 + x * y) % 29;
                    if k < 3 && x < w / 2 {
                        let mut p = [50u8; 3];
                        p[(k % 3) as usize] += 5 + u8::try_from((x + y) % 5).unwrap();
                        img.put(x, y, p);
                    }
                }
            }
            let map = TextureMap::new(&img);
            assert_eq!(map.textured, reference(&img), "{w}x{h}");
            if w >= 64 {
                assert!(map.textured.contains(&true) && map.textured.contains(&false));
            }
        }
    }

    #[test]
    fn a_step_under_the_threshold_is_flat() {
        let mut img = RgbPixels::filled(64, 64, [100, 100, 100]).unwrap();
        img.put(30, 30, [106, 94, 100]);
        assert_eq!(TextureMap::new(&img).textured_bounds(whole(64, 64)), None);
    }
}
