//! DB post-processing of the text detector's probability map (after rapidocr's
//! `DBPostProcess`): components, their minimum-area rectangles, and reading order.

use super::OcrParams;
use crate::pipeline::components::{Component, for_each_component};
use crate::pipeline::pixels::usize_f32;
use crate::pipeline::quad::{Quad, min_area_rect};

/// DB post-processing: threshold, 2×2 dilation, 8-connected components, minimum-area
/// (rotated) rectangle of each component, mean probability inside it ("fast" score), unclip
/// by area × ratio / perimeter. Returns quads in map coordinates, rapidocr corner order.
///
/// rapidocr offsets the rectangle with pyclipper (round joins) and fits `minAreaRect`
/// again; for a rectangle that equals moving every side out by the unclip distance, which
/// is what we do. Components come from 8-connectivity on the dilated bitmap rather than
/// OpenCV contours (same pixel sets, no hole handling needed for boxes).
pub fn db_boxes(prob: &[f32], width: usize, height: usize, params: &OcrParams) -> Vec<(Quad, f32)> {
    if width == 0 {
        return Vec::new();
    }
    let n = width * height;
    let above: Vec<bool> = (0..n)
        .map(|i| prob.get(i).is_some_and(|&p| p > params.det_thresh))
        .collect();
    // Dilate with a 2×2 kernel anchored at (1,1): out(x,y) = OR of in(x-1..=x, y-1..=y),
    // row by row: OR with the row above, then each cell with its left neighbour.
    let mut bitmap = vec![false; n];
    let mut vertical = vec![false; width];
    for (y, out_row) in bitmap.chunks_exact_mut(width).enumerate() {
        vertical.fill(false);
        for row in [Some(y), y.checked_sub(1)].into_iter().flatten() {
            if let Some(cells) = above.get(row * width..(row + 1) * width) {
                for (v, &a) in vertical.iter_mut().zip(cells) {
                    *v |= a;
                }
            }
        }
        let mut left = false;
        for (o, &v) in out_row.iter_mut().zip(&vertical) {
            *o = v || left;
            left = v;
        }
    }
    let mut out = Vec::new();
    let mut candidates = 0usize;
    for_each_component(&bitmap, width, |c| {
        candidates += 1;
        if candidates > params.max_candidates {
            return false;
        }
        if let Some(found) = component_box(prob, width, &c, params) {
            out.push(found);
        }
        true
    });
    out
}

/// The unclipped box and "fast" score of one DB component, or `None` when it is too thin
/// or too faint.
fn component_box(
    prob: &[f32],
    width: usize,
    c: &Component,
    params: &OcrParams,
) -> Option<(Quad, f32)> {
    // Minimum-area rectangle over pixel centres (as minAreaRect of the contour).
    let points: Vec<[f32; 2]> = c
        .rows
        .iter()
        .flat_map(|(&y, &(l, r))| [[usize_f32(l), usize_f32(y)], [usize_f32(r), usize_f32(y)]])
        .collect();
    let rect = min_area_rect(&points)?;
    if rect.short_side() < 3.0 {
        return None;
    }
    // "fast" score: mean probability inside the rectangle.
    let mut sum = 0.0f32;
    let mut n = 0usize;
    for y in c.y0..=c.y1 {
        for x in c.x0..=c.x1 {
            if rect.contains([usize_f32(x), usize_f32(y)]) {
                sum += prob.get(y * width + x).copied().unwrap_or(0.0);
                n += 1;
            }
        }
    }
    let score = if n > 0 { sum / usize_f32(n) } else { 0.0 };
    if score < params.box_thresh {
        return None;
    }
    let distance = rect.w * rect.h * params.unclip_ratio / (2.0 * (rect.w + rect.h));
    let grown = rect.grown(distance);
    if grown.short_side() < 5.0 {
        return None;
    }
    Some((grown.corners(), score))
}

/// Sorts boxes top to bottom, then left to right within a line (tops within 10 px).
pub(super) fn reading_order(boxes: &mut [(Quad, f32)]) {
    let tl = |q: &Quad| q.0[0];
    boxes.sort_by(|a, b| {
        tl(&a.0)[1]
            .total_cmp(&tl(&b.0)[1])
            .then(tl(&a.0)[0].total_cmp(&tl(&b.0)[0]))
    });
    for i in 0..boxes.len().saturating_sub(1) {
        for j in (0..=i).rev() {
            let (Some(a), Some(b)) = (boxes.get(j), boxes.get(j + 1)) else {
                break;
            };
            if (tl(&b.0)[1] - tl(&a.0)[1]).abs() < 10.0 && tl(&b.0)[0] < tl(&a.0)[0] {
                boxes.swap(j, j + 1);
            } else {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::pixels::BoxF;

    #[test]
    fn db_finds_one_block_and_unclips_it() {
        // 40×20 map, a 21×9 block (x 10..=30, y 5..=13) at 0.9.
        let (w, h) = (40, 20);
        let mut prob = vec![0.0f32; w * h];
        for y in 5..=13 {
            for x in 10..=30 {
                prob[y * w + x] = 0.9;
            }
        }
        let boxes = db_boxes(&prob, w, h, &OcrParams::default());
        assert_eq!(boxes.len(), 1);
        let (q, score) = boxes[0];
        let b = q.aabb();
        // Dilation grows the component to x 10..=31, y 5..=14: 21 × 9 between centres.
        // Score: mean over that box = 0.9 × (21·9)/(22·10).
        assert!((score - 0.9 * 189.0 / 220.0).abs() < 1e-5, "{score}");
        let d = 21.0 * 9.0 * 1.6 / (2.0 * 30.0);
        let want = BoxF {
            x0: 10.0 - d,
            y0: 5.0 - d,
            x1: 31.0 + d,
            y1: 14.0 + d,
        };
        for (g, w) in [
            (b.x0, want.x0),
            (b.y0, want.y0),
            (b.x1, want.x1),
            (b.y1, want.y1),
        ] {
            assert!((g - w).abs() < 1e-4, "{b:?}");
        }
    }

    #[test]
    fn db_fits_a_rotated_rectangle() {
        // A 60 × 12 band turned by 20° about (50, 40) on a 100×80 map.
        let (w, h) = (100usize, 80usize);
        let (c, s) = (20f32.to_radians().cos(), 20f32.to_radians().sin());
        let mut prob = vec![0.0f32; w * h];
        for y in 0..h {
            for x in 0..w {
                let (dx, dy) = (x as f32 - 50.0, y as f32 - 40.0);
                let (u, v) = (dx * c + dy * s, -dx * s + dy * c);
                if u.abs() <= 30.0 && v.abs() <= 6.0 {
                    prob[y * w + x] = 0.95;
                }
            }
        }
        let boxes = db_boxes(&prob, w, h, &OcrParams::default());
        assert_eq!(boxes.len(), 1);
        let (q, score) = boxes[0];
        assert!(score > 0.8, "{score}");
        // Top edge direction ≈ 20°; the sides grew by the unclip distance (≈ 8 map px).
        let [p0, p1, _, p3] = q.0;
        let angle = (p1[1] - p0[1]).atan2(p1[0] - p0[0]).to_degrees();
        assert!((angle - 20.0).abs() < 3.0, "{q:?}");
        let d = 60.0 * 12.0 * 1.6 / (2.0 * 72.0);
        assert!((q.width() - (60.0 + 2.0 * d)).abs() < 3.0, "{q:?}");
        assert!((q.height() - (12.0 + 2.0 * d)).abs() < 3.0, "{q:?}");
        assert!(p3[1] > p0[1]);
    }

    #[test]
    fn db_drops_faint_and_thin_components() {
        let (w, h) = (30, 10);
        let mut prob = vec![0.0f32; w * h];
        // Faint: above the bitmap threshold, below box_thresh.
        for y in 1..=6 {
            for x in 1..=10 {
                prob[y * w + x] = 0.35;
            }
        }
        // Thin: one row high.
        for x in 15..=28 {
            prob[2 * w + x] = 0.99;
        }
        assert_eq!(db_boxes(&prob, w, h, &OcrParams::default()), vec![]);
    }

    #[test]
    fn reading_order_is_by_line_then_left_to_right() {
        let b = |x: f32, y: f32| {
            (
                Quad([[x, y], [x + 5.0, y], [x + 5.0, y + 5.0], [x, y + 5.0]]),
                1.0,
            )
        };
        let mut boxes = vec![b(50.0, 12.0), b(10.0, 40.0), b(5.0, 15.0), b(90.0, 10.0)];
        reading_order(&mut boxes);
        let xs: Vec<f32> = boxes.iter().map(|(q, _)| q.0[0][0]).collect();
        assert_eq!(xs, vec![5.0, 50.0, 90.0, 10.0]);
    }
}
