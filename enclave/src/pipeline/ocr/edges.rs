//! Stroke-density prior for coarse-to-fine text detection (hand-written, no model).
//!
//! The coarse detector pass misses print it sees too small (a 4–5 px name tag at half
//! scale) and texture the full-scale pass reads as text (fur, fabric, a flag). Both are
//! made of thin strokes: pixels brighter (or darker) by at least [`EDGE_STEP`] levels than
//! both pixels [`REACH`] to their left and right, or above and below (any channel, at
//! either reach). A block of [`BLOCK`]² pixels holding at least [`MIN_EDGES`] of them may
//! hold text. Flat film, sky, smooth anatomy and the one-sided edge of a body or a
//! collimator hold none, so their blocks stay cold and the full-scale pass skips them.

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
pub fn edge_map(image: &RgbPixels) -> (Vec<f32>, usize, usize) {
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
    let map = counts
        .into_iter()
        .map(|c| if c >= MIN_EDGES { 1.0 } else { 0.0 })
        .collect();
    (map, cols_n, rows_n)
}

/// The RGB triple of column `x` of a packed row.
fn at(line: &[u8], x: usize) -> Option<&[u8]> {
    line.get(x * 3..x * 3 + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

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
