//! Coarse-to-fine text detection: where the detector's full-scale pass has to look.
//!
//! A cheap coarse pass (the global pass of a large image, or the detector on a smaller
//! input) gives a probability map. Every place where it rises above a low threshold
//! ([`COARSE_THRESH`], far below the DB bitmap's 0.3) becomes a candidate, and so does
//! every block of the stroke prior (`edges`), which finds the small print and texture the
//! coarse map misses; candidates grow by a margin and are merged into a few rectangles
//! ([`candidate_windows`]) so that a text line is whole inside one of them. The full-scale
//! pass then runs only on the windows (or, with the windows off, on the native tiles
//! those touch; see `detect_boxes` in the parent).

use super::super::components::for_each_component;
use super::super::pixels::{f32_of, usize_f32};

/// Probability above which a coarse map cell is a text candidate. On the anchor and test
/// images every text line the full-scale pass found peaked at 0.99–1.00 in the coarse map
/// (global pass at 1024 px, or half the full input's side when measured), and 0.1 and 0.3 chose the same
/// windows: 0.1 keeps a margin. Boxes the coarse map missed altogether (p = 0.00: texture
/// on the 2048 px photos, a lone 4 px "R" marker, the 4–5 px name tag) are the stroke
/// prior's.
pub const COARSE_THRESH: f32 = 0.1;

/// A rectangle of the image in whole pixels: `x0..x1` × `y0..y1` (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First column.
    pub x0: u32,
    /// First row.
    pub y0: u32,
    /// One past the last column.
    pub x1: u32,
    /// One past the last row.
    pub y1: u32,
}

impl Window {
    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.x1.saturating_sub(self.x0)
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.y1.saturating_sub(self.y0)
    }

    /// Whether the two windows share at least one pixel.
    fn overlaps(&self, other: &Self) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// The smallest window holding both.
    fn union(&self, other: &Self) -> Self {
        Self {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }
}

/// A coarse probability map and the image it covers.
#[derive(Debug, Clone, Copy)]
pub struct CoarseMap<'a> {
    /// Row-major probabilities, `width × height`.
    pub prob: &'a [f32],
    /// Map width.
    pub width: usize,
    /// Map height.
    pub height: usize,
    /// Width of the image the map covers (whole image).
    pub image_width: u32,
    /// Height of the image the map covers.
    pub image_height: u32,
}

/// Side of the grid cells a detector's probability map is scanned in, in map pixels.
pub const CELL: usize = 4;

/// How far a candidate grows on each side, as a multiple of its shorter side: the
/// detector's map marks a shrunk kernel of each line (DB), which its boxes grow back by
/// up to 0.8 of the line's height, and the full-scale pass wants some context around it.
pub const GROW: f32 = 1.5;

/// The windows of the image where a coarse map rises above `thresh`: each 8-connected group
/// of candidate cells (of `cell` map pixels) becomes its bounding rectangle grown on every
/// side by `margin` image pixels (`(x, y)`) or [`GROW`] times its shorter side, whichever
/// is more (clipped to the image), and overlapping rectangles are merged until none
/// overlap. Sorted top to bottom, then left to right.
pub fn candidate_windows(
    map: &CoarseMap<'_>,
    thresh: f32,
    cell: usize,
    margin: (u32, u32),
) -> Vec<Window> {
    let (mw, mh) = (map.width, map.height);
    if mw == 0 || mh == 0 || cell == 0 || map.prob.len() != mw * mh {
        return Vec::new();
    }
    let (cw, ch) = (mw.div_ceil(cell), mh.div_ceil(cell));
    let mut hot = vec![false; cw * ch];
    for (y, row) in map.prob.chunks_exact(mw).enumerate() {
        for (cx, cells) in row.chunks(cell).enumerate() {
            if cells.iter().any(|&p| p > thresh) {
                if let Some(h) = hot.get_mut((y / cell) * cw + cx) {
                    *h = true;
                }
            }
        }
    }
    // Map pixel → image pixel scale.
    let (sx, sy) = (
        f32_of(map.image_width) / usize_f32(mw),
        f32_of(map.image_height) / usize_f32(mh),
    );
    let to_image = |v: usize, s: f32, max: u32| -> u32 {
        let px = (usize_f32(v) * s).round();
        if px <= 0.0 {
            0
        } else if px >= f32_of(max) {
            max
        } else {
            // In 0..max, which fits u32.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let out = px as u32;
            out
        }
    };
    let mut windows = Vec::new();
    for_each_component(&hot, cw, |c| {
        let (x0, y0, x1, y1) = (c.x0, c.y0, c.x1, c.y1);
        let (iw, ih) = (map.image_width, map.image_height);
        let (ax, ay) = (to_image(x0 * cell, sx, iw), to_image(y0 * cell, sy, ih));
        let (bx, by) = (
            to_image((x1 + 1) * cell, sx, iw),
            to_image((y1 + 1) * cell, sy, ih),
        );
        let shorter = (bx - ax).min(by - ay);
        let grow = to_image(usize::try_from(shorter).unwrap_or(0), GROW, u32::MAX);
        let (mx, my) = (margin.0.max(grow), margin.1.max(grow));
        windows.push(Window {
            x0: ax.saturating_sub(mx),
            y0: ay.saturating_sub(my),
            x1: bx.saturating_add(mx).min(iw),
            y1: by.saturating_add(my).min(ih),
        });
        true
    });
    merge_overlapping(&mut windows);
    windows
}

/// Replaces overlapping windows by their union until no two overlap, then sorts them top
/// to bottom, left to right.
pub fn merge_overlapping(windows: &mut Vec<Window>) {
    let mut merged = true;
    while merged {
        merged = false;
        let mut out: Vec<Window> = Vec::with_capacity(windows.len());
        for w in windows.drain(..) {
            let mut w = w;
            // Absorb every kept window it overlaps (the union may overlap more: loop again).
            let mut i = 0;
            while i < out.len() {
                match out.get(i) {
                    Some(k) if k.overlaps(&w) => {
                        w = w.union(k);
                        out.swap_remove(i);
                        merged = true;
                    }
                    _ => i += 1,
                }
            }
            out.push(w);
        }
        *windows = out;
    }
    windows.sort_by_key(|w| (w.y0, w.x0));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_with(w: usize, h: usize, blocks: &[(usize, usize, usize, usize, f32)]) -> Vec<f32> {
        let mut prob = vec![0.0f32; w * h];
        for &(x0, y0, x1, y1, p) in blocks {
            for y in y0..y1 {
                for x in x0..x1 {
                    prob[y * w + x] = p;
                }
            }
        }
        prob
    }

    #[test]
    fn two_corners_give_two_small_windows() {
        // 128² map of a 256² image: a faint line top-left, a strong one bottom-right.
        let prob = map_with(128, 128, &[(4, 4, 40, 10, 0.15), (90, 116, 124, 122, 0.9)]);
        let map = CoarseMap {
            prob: &prob,
            width: 128,
            height: 128,
            image_width: 256,
            image_height: 256,
        };
        let windows = candidate_windows(&map, 0.1, CELL, (16, 16));
        // Cells of 4 map px (8 image px): x 4..40 → cells 1..=9 → image 8..80, y 8..24;
        // it grows by 1.5 × 16 = 24 (more than the 16 px margin) on each side.
        assert_eq!(
            windows,
            vec![
                Window {
                    x0: 0,
                    y0: 0,
                    x1: 104,
                    y1: 48
                },
                Window {
                    x0: 152,
                    y0: 208,
                    x1: 256,
                    y1: 256
                },
            ]
        );
        let area: u32 = windows.iter().map(|w| w.width() * w.height()).sum();
        assert_eq!(area, 104 * 48 + 104 * 48, "{area}");
        assert!(area * 100 < 256 * 256 * 16, "{area}");
        // Below the threshold nothing is a candidate.
        assert_eq!(candidate_windows(&map, 0.2, CELL, (16, 16)).len(), 1);
        assert_eq!(candidate_windows(&map, 0.95, CELL, (16, 16)), vec![]);
    }

    #[test]
    fn overlapping_windows_merge_into_one() {
        let prob = map_with(64, 64, &[(4, 4, 12, 8, 0.5), (16, 12, 30, 16, 0.5)]);
        let map = CoarseMap {
            prob: &prob,
            width: 64,
            height: 64,
            image_width: 64,
            image_height: 64,
        };
        // Margins of 8 px make the two groups' rectangles overlap: one window.
        assert_eq!(
            candidate_windows(&map, 0.1, CELL, (8, 8)),
            vec![Window {
                x0: 0,
                y0: 0,
                x1: 40,
                y1: 24
            }]
        );
        // Far apart they stay apart, each grown by 1.5 × its shorter side (4 px) only.
        let prob = map_with(64, 64, &[(4, 4, 12, 8, 0.5), (40, 40, 56, 44, 0.5)]);
        let map = CoarseMap { prob: &prob, ..map };
        let w = |x0, y0, x1, y1| Window { x0, y0, x1, y1 };
        assert_eq!(
            candidate_windows(&map, 0.1, CELL, (0, 0)),
            vec![w(0, 0, 18, 14), w(34, 34, 62, 50)]
        );
    }

    #[test]
    fn chains_of_overlaps_merge_transitively() {
        let w = |x0, x1| Window {
            x0,
            y0: 0,
            x1,
            y1: 10,
        };
        // a overlaps b only after b absorbed c.
        let mut windows = vec![w(0, 10), w(30, 40), w(12, 32)];
        merge_overlapping(&mut windows);
        assert_eq!(windows, vec![w(0, 10), w(12, 40)]);
        let mut windows = vec![w(0, 10), w(30, 40), w(12, 32), w(9, 13)];
        merge_overlapping(&mut windows);
        assert_eq!(windows, vec![w(0, 40)]);
    }

    #[test]
    fn empty_or_malformed_maps_give_no_windows() {
        let map = CoarseMap {
            prob: &[0.9; 10],
            width: 4,
            height: 4,
            image_width: 8,
            image_height: 8,
        };
        assert_eq!(candidate_windows(&map, 0.1, CELL, (1, 1)), vec![]);
        let map = CoarseMap {
            prob: &[],
            width: 0,
            height: 0,
            image_width: 8,
            image_height: 8,
        };
        assert_eq!(candidate_windows(&map, 0.1, CELL, (1, 1)), vec![]);
    }
}
