//! Stroke-density prior for coarse-to-fine text detection (hand-written, no model).
//!
//! The coarse detector pass misses print it sees too small (a 4–5 px name tag at half
//! scale) and texture the full-scale pass reads as text (fur, fabric, a flag). Both are
//! made of thin strokes: pixels brighter (or darker) by at least [`EDGE_STEP`] levels than
//! both pixels [`REACH`] to their left and right, or above and below (any channel, at
//! either reach). A block of [`BLOCK`]² pixels holding at least [`MIN_EDGES`] of them may
//! hold text. Flat film, sky, smooth anatomy and the one-sided edge of a body or a
//! collimator hold none, so their blocks stay cold and the full-scale pass skips them.
//!
//! On photos the prior is warm in few blocks (2–14 % of the 1024–2048 px anchor photos,
//! 41 % of the 256² astronaut), but they are scattered over grass, wood grain, fur and
//! thin edges (a tripod, a cup's rim), and once each grows by its margin and every view
//! to its minimum side, the views cover 91–100 % of the full-scale input, so photos run the whole
//! full-scale pass (their coarse pass is skipped). Tried and dropped (img10): a margin of
//! 48 or 24 instead of 96 input px (views still 87–100 %); demanding both vertical-only
//! and horizontal-only stroke pixels in a block's 3×3 neighbourhood (windows before
//! aligning 58–100 %), a row of at least 3–4 warm blocks (41–100 %, and the 256²
//! radiograph's windows went from 3 to 2), or both (55–100 %). A text-like prior
//! cannot keep the regions anyway: on chelsea (anchor and test photo), coins and the
//! astronaut's name tag the coarse map is silent (no window at 0.1) and every box the
//! full pass finds there (on fur, on the coins, the 4–5 px tag) comes from the prior's windows.

use super::super::pixels::RgbPixels;

/// Side of a square block of the map, in image pixels.
pub const BLOCK: u32 = 8;
/// Smallest step (0..255 levels, any channel) between a stroke pixel and its neighbours.
pub const EDGE_STEP: u8 = 40;
/// Distances to the neighbours a stroke pixel is compared with: strokes up to about 7 px
/// wide (wider ones are large print, which the coarse detector pass sees).
pub const REACH: [usize; 2] = [2, 4];
/// Stroke pixels a block needs to be a candidate.
pub const MIN_EDGES: u32 = 3;

/// Which [`BLOCK`]² blocks of an image hold thin strokes, as a map of 0.0 (cold) and 1.0
/// (hot), row-major: `(map, columns, rows)`.
///
/// Each row is scanned as whole byte slices, one channel per byte, so that the comparisons
/// run many pixels at a time (a plain per-pixel scan took 13 ms on a 1024² photo, more
/// than the windows it planned could save there).
pub fn edge_map(image: &RgbPixels) -> (Vec<f32>, usize, usize) {
    let (counts, cols, rows) = stroke_counts(image);
    let map = counts
        .into_iter()
        .map(|c| if c >= MIN_EDGES { 1.0 } else { 0.0 })
        .collect();
    (map, cols, rows)
}

/// Stroke pixels per [`BLOCK`]² block, row-major: `(counts, columns, rows)`.
fn stroke_counts(image: &RgbPixels) -> (Vec<u32>, usize, usize) {
    let (w, h) = (image.width(), image.height());
    let cols = w.div_ceil(BLOCK);
    let rows = h.div_ceil(BLOCK);
    let (Ok(cols_n), Ok(rows_n), Ok(w_n), Ok(block)) = (
        usize::try_from(cols),
        usize::try_from(rows),
        usize::try_from(w),
        usize::try_from(BLOCK),
    ) else {
        return (Vec::new(), 0, 0);
    };
    let mut counts = vec![0u32; cols_n * rows_n];
    let data = image.as_bytes();
    let row_len = w_n * 3;
    let rows_of = |y: usize| data.get(y * row_len..(y + 1) * row_len);
    // Per byte of the current row: whether that channel is a ridge at some reach.
    let mut ridges = vec![0u8; row_len];
    for (y, row) in data.chunks_exact(row_len.max(1)).enumerate() {
        ridges.fill(0);
        for &r in &REACH {
            // Across: the pixels `r` to the left and right (both inside the row).
            let s = 3 * r;
            if let (Some(marks), Some(mid), Some(left), Some(right)) = (
                ridges.get_mut(s..row_len.saturating_sub(s)),
                row.get(s..row_len.saturating_sub(s)),
                row.get(..row_len.saturating_sub(2 * s)),
                row.get(2 * s..),
            ) {
                mark_ridges(marks, mid, left, right);
            }
            // Down: the pixels `r` above and below (both inside the image).
            if let (Some(up), Some(down)) = (y.checked_sub(r).and_then(&rows_of), rows_of(y + r)) {
                mark_ridges(&mut ridges, row, up, down);
            }
        }
        let Some(line) = counts.get_mut((y / block) * cols_n..(y / block + 1) * cols_n) else {
            continue;
        };
        for (count, marks) in line.iter_mut().zip(ridges.chunks(3 * block)) {
            let strokes = marks
                .chunks_exact(3)
                .filter(|px| px.iter().any(|&m| m != 0));
            *count += u32::try_from(strokes.count()).unwrap_or(0);
        }
    }
    (counts, cols_n, rows_n)
}

/// Sets `marks[i]` where byte `p[i]` stands out of both `a[i]` and `b[i]` the same way by
/// at least [`EDGE_STEP`] levels (a channel of a stroke pixel and its two neighbours).
/// Branch-free over the slices so that it compiles to vector code.
fn mark_ridges(marks: &mut [u8], p: &[u8], a: &[u8], b: &[u8]) {
    for (((m, &p), &a), &b) in marks.iter_mut().zip(p).zip(a).zip(b) {
        let bright = (p >= a.saturating_add(EDGE_STEP)) & (p >= b.saturating_add(EDGE_STEP));
        let dark = (p.saturating_add(EDGE_STEP) <= a) & (p.saturating_add(EDGE_STEP) <= b);
        *m |= u8::from(bright | dark);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The per-pixel scan `stroke_counts` replaced, kept as its reference.
    fn reference_counts(image: &RgbPixels) -> (Vec<u32>, usize, usize) {
        let (w, h) = (image.width(), image.height());
        let cols = w.div_ceil(BLOCK);
        let rows = h.div_ceil(BLOCK);
        let (Ok(cols_n), Ok(rows_n), Ok(w_n)) = (
            usize::try_from(cols),
            usize::try_from(rows),
            usize::try_from(w),
        ) else {
            return (Vec::new(), 0, 0);
        };
        let mut counts = vec![0u32; cols_n * rows_n];
        let data = image.as_bytes();
        let row_len = w_n * 3;
        let block = usize::try_from(BLOCK).unwrap_or(8);
        // Whether `p` stands out of both `a` and `b` the same way in some channel.
        let ridge = |p: &[u8], a: &[u8], b: &[u8]| {
            p.iter().zip(a).zip(b).any(|((&p, &a), &b)| {
                (p >= a.saturating_add(EDGE_STEP) && p >= b.saturating_add(EDGE_STEP))
                    || (p.saturating_add(EDGE_STEP) <= a && p.saturating_add(EDGE_STEP) <= b)
            })
        };
        let rows_of = |y: usize| data.get(y * row_len..(y + 1) * row_len);
        for (y, row) in data.chunks_exact(row_len.max(1)).enumerate() {
            let block_row = y / block;
            for (x, px) in row.chunks_exact(3).enumerate() {
                let stroke = REACH.iter().any(|&r| {
                    let across = x
                        .checked_sub(r)
                        .and_then(|l| Some((at(row, l)?, at(row, x + r)?)))
                        .is_some_and(|(a, b)| ridge(px, a, b));
                    across
                        || y.checked_sub(r)
                            .and_then(|u| Some((at(rows_of(u)?, x)?, at(rows_of(y + r)?, x)?)))
                            .is_some_and(|(a, b)| ridge(px, a, b))
                });
                if stroke {
                    if let Some(c) = counts.get_mut(block_row * cols_n + x / block) {
                        *c += 1;
                    }
                }
            }
        }
        (counts, cols_n, rows_n)
    }

    /// The RGB triple of column `x` of a packed row.
    fn at(line: &[u8], x: usize) -> Option<&[u8]> {
        line.get(x * 3..x * 3 + 3)
    }

    #[test]
    fn the_sliced_scan_counts_what_the_per_pixel_scan_counted() {
        // Flat mid-grey and near-white fields with sparse bright, dark and saturated
        // specks and thin lines (the ridges and the clamped steps at 215..255), at sizes
        // that do not fill the last block, one pixel wide or tall, and empty.
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for (w, h) in [
            (67u32, 45u32),
            (8, 8),
            (1, 9),
            (9, 1),
            (3, 3),
            (130, 17),
            (0, 0),
        ] {
            let mut data = Vec::new();
            for y in 0..h {
                for x in 0..w {
                    let base: u8 = if (x / 16 + y / 16) % 2 == 0 { 120 } else { 230 };
                    let r = next();
                    let px = match r % 16 {
                        0 => [255, 255, 255],
                        1 => [0, 10, 20],
                        2 => [base, base.saturating_add(45), base],
                        3 => {
                            let v = u8::try_from(r >> 24).unwrap_or(0);
                            [v, v / 2, 255 - v]
                        }
                        _ if x % 11 == 5 || y % 7 == 3 => [base / 3, base / 3, base / 3],
                        _ => [base, base, base],
                    };
                    data.extend_from_slice(&px);
                }
            }
            let img = RgbPixels::new(w, h, data).unwrap();
            let (got, want) = (stroke_counts(&img), reference_counts(&img));
            assert_eq!(got, want, "{w}×{h}");
            if w * h > 64 {
                let strokes: u32 = got.0.iter().sum();
                assert!(strokes > w * h / 8, "{w}×{h}: {strokes}");
            }
        }
    }

    #[test]
    fn strokes_are_hot_and_flat_smooth_or_one_sided_blocks_are_cold() {
        // 40 × 16 on a smooth ramp (2 levels per pixel): a bright 2 px stroke in block
        // (2, 1) and a one-sided step (a body's edge) from x 32 on.
        let (w, h) = (40u32, 16u32);
        let mut data = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let v = u8::try_from(x * 2).unwrap_or(0);
                let stroke = (17..19).contains(&x) && (9..15).contains(&y);
                let px = if stroke || x >= 32 {
                    [250, 250, 250]
                } else {
                    [v, v, v]
                };
                data.extend_from_slice(&px);
            }
        }
        let img = RgbPixels::new(w, h, data).unwrap();
        let (map, cols, rows) = edge_map(&img);
        assert_eq!((cols, rows), (5, 2));
        assert_eq!(map, vec![0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    }
}
