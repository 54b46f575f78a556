//! Recognition crops fitted to a line's ink, so that a reading does not flip with a few
//! pixels of box shape (hand-written, no model).
//!
//! A detected box hugs its line only roughly: the same line seen by another detector view
//! (a coarse-to-fine window, a shifted scan) gets a box a few pixels taller, shorter or
//! shifted, and a crop cut from the box with a margin proportional to its height is then
//! scaled and framed differently. On 11 px text that flipped "DATE" to "DRTE".
//! [`ink_box`] looks at the box grown by [`SEARCH_ACROSS`] (across the line) and
//! [`SEARCH_ALONG`] (along it), separates ink from background there (Otsu's threshold on
//! luma; the class holding the median is background), takes the band of ink rows through
//! the box's middle and the ink columns of the words within that band that lie mostly in
//! the box (a slanted label's box held most of the next word's "J"), and returns the
//! tight box of that ink. The crop margin is then a fixed share of the ink's height, so any box that
//! holds the same ink gives the same crop.

use super::super::pixels::{RgbPixels, f32_of, f64_of, usize_f32, usize_of};
use super::super::quad::{Quad, warp_crop};

/// How far the search region reaches past the box across the line, as a share of the
/// box's height (plus [`SEARCH_SLACK`] px): a box cut a few pixels into the glyphs still
/// finds their whole height.
pub const SEARCH_ACROSS: f32 = 0.25;
/// How far the search region reaches past the box along the line, as a share of the box's
/// height (plus [`SEARCH_SLACK`] px): less than a word space.
pub const SEARCH_ALONG: f32 = 0.15;
/// Pixels added to both reaches of the search region.
pub const SEARCH_SLACK: f32 = 3.0;
/// Smallest step between the mean levels of ink and background (0..255) for a fit; a
/// fainter line keeps its detected box.
pub const MIN_CONTRAST: f32 = 24.0;
/// Gap between ink columns, as a share of the ink's height, that separates two words.
pub const WORD_GAP: f32 = 0.5;
/// Narrowest word kept, as a share of the ink's height: a narrower one is a sliver of a
/// neighbouring glyph or a speck.
pub const MIN_WORD: f32 = 0.25;
/// Search regions are sampled at most this many pixels across the line (large print is
/// fitted on a shrunk copy).
const MAX_SEARCH_SIDE: f32 = 96.0;

/// The tight box of the ink of the line in `quad`, in the quad's own orientation (corners
/// in pixel-centre coordinates, as the quad's), or `None` when no clear line of ink is
/// there (a vertical line, low contrast, ink touching the search region's edge across the line, or a band
/// far from the box's height): the caller then keeps `quad`.
pub fn ink_box(image: &RgbPixels, quad: &Quad) -> Option<Quad> {
    let (qw, qh) = (quad.width(), quad.height());
    // Vertical lines (taller than wide) keep their box: rows would cut between glyphs.
    if qw < 4.0 || qh < 4.0 || qh > qw {
        return None;
    }
    let (gx, gy) = (
        (qh * SEARCH_ALONG + SEARCH_SLACK).round(),
        (qh * SEARCH_ACROSS + SEARCH_SLACK).round(),
    );
    // Half a pixel more each way: the samples then fall on pixel centres (whole-pixel
    // boxes), and moving the box by whole pixels moves them by whole pixels.
    let region = quad.grown_xy(gx + 0.5, gy + 0.5);
    let (rw, rh) = (region.width(), region.height());
    let scale = (MAX_SEARCH_SIDE / rh.max(1.0)).min(1.0);
    let (sw, sh) = ((rw * scale).round().max(1.0), (rh * scale).round().max(1.0));
    let (w, h) = (usize_of_f32(sw), usize_of_f32(sh));
    let crop = warp_crop(
        image,
        &region,
        u32::try_from(w).ok()?,
        u32::try_from(h).ok()?,
    )
    .ok()?;
    // Luma, with samples outside the image marked (their replicated borders are no ink).
    let (iw, ih) = (f32_of(image.width()) - 1.0, f32_of(image.height()) - 1.0);
    let inside = |i: usize, j: usize| {
        let [x, y] = blend(
            &region,
            (usize_f32(i) + 0.5) / sw,
            (usize_f32(j) + 0.5) / sh,
        );
        (-0.5..=iw + 0.5).contains(&x) && (-0.5..=ih + 0.5).contains(&y)
    };
    let luma: Vec<Option<u8>> = crop
        .as_bytes()
        .chunks_exact(3)
        .enumerate()
        .map(|(k, p)| {
            let (i, j) = (k % w, k / w);
            let &[r, g, b] = p else { return None };
            let y = (299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000;
            inside(i, j).then(|| u8::try_from(y).unwrap_or(u8::MAX))
        })
        .collect();
    let ink = ink_mask(&luma)?;
    // Rows of the box itself in the search region, and the middle row.
    let box_top = ((gy + 0.5) * scale).round();
    let box_rows = (usize_of_f32(box_top), usize_of_f32(sh - box_top));
    let band = ink_band(&ink, w, h, box_rows)?;
    let (top, bottom) = band;
    let ink_h = usize_f32(bottom + 1 - top) / scale;
    if top == 0 || bottom + 1 >= h || ink_h < 0.3 * qh || ink_h > 1.3 * qh {
        return None;
    }
    let box_left = ((gx + 0.5) * scale).round();
    let box_cols = (usize_of_f32(box_left), usize_of_f32(sw - box_left));
    let (left, right) = ink_columns(&ink, w, band, box_cols)?;
    let (s0, s1) = (usize_f32(left) / sw, usize_f32(right + 1) / sw);
    let (t0, t1) = (usize_f32(top) / sh, usize_f32(bottom + 1) / sh);
    Some(Quad([
        blend(&region, s0, t0),
        blend(&region, s1, t0),
        blend(&region, s1, t1),
        blend(&region, s0, t1),
    ]))
}

/// The point at fractions (`s` along the top edge, `t` down the left edge) of `quad`
/// (bilinear in the corners, as [`warp_crop`] samples).
fn blend(quad: &Quad, s: f32, t: f32) -> [f32; 2] {
    let [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = quad.0;
    let (w0, w1, w2, w3) = ((1.0 - s) * (1.0 - t), s * (1.0 - t), s * t, (1.0 - s) * t);
    [
        w0 * x0 + w1 * x1 + w2 * x2 + w3 * x3,
        w0 * y0 + w1 * y1 + w2 * y2 + w3 * y3,
    ]
}

/// Ink pixels of a luma patch (`None` outside the image): Otsu's threshold splits the
/// levels in two; the class holding the median is background. `None` when the classes'
/// means are less than [`MIN_CONTRAST`] apart.
fn ink_mask(luma: &[Option<u8>]) -> Option<Vec<bool>> {
    let mut hist = [0usize; 256];
    for &v in luma.iter().flatten() {
        if let Some(c) = hist.get_mut(usize::from(v)) {
            *c += 1;
        }
    }
    let total: usize = hist.iter().sum();
    if total == 0 {
        return None;
    }
    let sum_all: f64 = hist
        .iter()
        .enumerate()
        .map(|(v, &c)| f64_of(v) * f64_of(c))
        .sum();
    // Otsu: the split (levels ≤ t | > t) with the largest between-class variance.
    let (mut below, mut sum_below) = (0usize, 0.0f64);
    let mut best = (0.0f64, 0usize, 0.0f64, 0.0f64);
    for (t, &c) in hist.iter().enumerate() {
        below += c;
        sum_below += f64_of(t) * f64_of(c);
        let above = total - below;
        if below == 0 || above == 0 {
            continue;
        }
        let (m0, m1) = (
            sum_below / f64_of(below),
            (sum_all - sum_below) / f64_of(above),
        );
        let var = f64_of(below) * f64_of(above) * (m1 - m0) * (m1 - m0);
        if var > best.0 {
            best = (var, t, m0, m1);
        }
    }
    let (_, thresh, m0, m1) = best;
    if m1 - m0 < f64::from(MIN_CONTRAST) {
        return None;
    }
    // The median level's side is background.
    let mut seen = 0usize;
    let median = hist
        .iter()
        .position(|&c| {
            seen += c;
            2 * seen >= total
        })
        .unwrap_or(0);
    let dark_background = median <= thresh;
    Some(
        luma.iter()
            .map(|v| v.is_some_and(|v| (usize::from(v) > thresh) == dark_background))
            .collect(),
    )
}

/// The rows `(top, bottom)` of the run of ink rows (rows holding any ink) through the box's
/// rows `box_rows` (first row, end row): the run holding the most ink among those that
/// overlap the box's middle half.
fn ink_band(ink: &[bool], w: usize, h: usize, box_rows: (usize, usize)) -> Option<(usize, usize)> {
    let counts: Vec<usize> = ink
        .chunks_exact(w.max(1))
        .map(|row| row.iter().filter(|&&b| b).count())
        .collect();
    let (b0, b1) = box_rows;
    let quarter = b1.saturating_sub(b0) / 4;
    let (mid0, mid1) = (
        b0 + quarter,
        b1.saturating_sub(quarter).max(b0 + quarter + 1),
    );
    let mut best: Option<(usize, (usize, usize))> = None;
    let mut row = 0usize;
    while row < h {
        if counts.get(row).copied().unwrap_or(0) == 0 {
            row += 1;
            continue;
        }
        let start = row;
        let mut mass = 0usize;
        while let Some(&c) = counts.get(row).filter(|&&c| c > 0) {
            mass += c;
            row += 1;
        }
        let end = row - 1;
        let overlaps = start < mid1 && end >= mid0;
        if overlaps && best.is_none_or(|(m, _)| mass > m) {
            best = Some((mass, (start, end)));
        }
    }
    best.map(|(_, band)| band)
}

/// First and last column of the line's ink within the rows `band`: columns holding ink,
/// split into words at gaps of at least [`WORD_GAP`] of the band's height; a word counts
/// when at least three quarters of its columns lie in the box's columns `box_cols` (first, end) and it
/// is at least [`MIN_WORD`] of the height wide, so a sliver of the next word that the
/// search region or the box reaches is left out.
fn ink_columns(
    ink: &[bool],
    w: usize,
    (top, bottom): (usize, usize),
    box_cols: (usize, usize),
) -> Option<(usize, usize)> {
    let rows = ink.get(top * w..(bottom + 1) * w)?;
    let has = |x: usize| {
        rows.chunks_exact(w)
            .any(|r| r.get(x).copied().unwrap_or(false))
    };
    let cols: Vec<bool> = (0..w).map(has).collect();
    let gap = usize_of_f32((usize_f32(bottom + 1 - top) * WORD_GAP).ceil()).max(1);
    let narrow = usize_of_f32(usize_f32(bottom + 1 - top) * MIN_WORD).max(1);
    let (b0, b1) = box_cols;
    let mut span: Option<(usize, usize)> = None;
    let mut x = 0usize;
    while x < w {
        if !cols.get(x).copied().unwrap_or(false) {
            x += 1;
            continue;
        }
        // One word: ink columns with gaps shorter than `gap`.
        let (start, mut end, mut blank) = (x, x, 0usize);
        while x < w && blank < gap {
            if cols.get(x).copied().unwrap_or(false) {
                end = x;
                blank = 0;
            } else {
                blank += 1;
            }
            x += 1;
        }
        let inside = (start.max(b0)..(end + 1).min(b1)).len();
        let width = end + 1 - start;
        if 4 * inside >= 3 * width && width >= narrow {
            span = Some(span.map_or((start, end), |(l, _)| (l, end)));
        }
    }
    span
}

/// Non-negative `f32` → `usize` (truncating; NaN and negatives → 0).
fn usize_of_f32(v: f32) -> usize {
    usize_of(f64::from(v))
}

#[cfg(test)]
mod tests {
    use super::super::super::pixels::clamp_px;
    use super::*;

    /// A 200×60 dark image with two "words" of bright ink, rows 20..=31 (12 px high):
    /// columns 40..=89 and 100..=139 (a 10 px gap, under [`WORD_GAP`] × 12), and a third
    /// word at columns 160..=190.
    fn line() -> RgbPixels {
        let mut img = RgbPixels::filled(200, 60, [10, 10, 10]).unwrap();
        for y in 20..=31 {
            for x in (40..=89).chain(100..=139).chain(160..=190) {
                if (x + y) % 3 != 0 {
                    img.put(x, y, [240, 240, 240]);
                }
            }
        }
        img
    }

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Quad {
        Quad([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    }

    /// The axis-aligned box of `q` to 1/1000 px.
    fn edges(q: &Quad) -> [u32; 4] {
        let b = q.aabb();
        [b.x0, b.y0, b.x1, b.y1].map(|v| clamp_px((v * 1000.0).round(), u32::MAX))
    }

    #[test]
    fn shifted_boxes_fit_the_same_ink() {
        let img = line();
        // The detector's box: the first two words, a little loose.
        let want = ink_box(&img, &rect(36.0, 17.0, 143.0, 34.0)).unwrap();
        // Ink from x 40 to 139 inclusive, y 20 to 31 inclusive, as a half-open span of
        // sample cells on the region's grid (whole pixels here).
        assert_eq!(edges(&want), [39_500, 19_500, 139_500, 31_500], "{want:?}");
        for d in [-3.0f32, -2.0, -1.0, 1.0, 2.0, 3.0] {
            for q in [
                rect(36.0 + d, 17.0, 143.0, 34.0),
                rect(36.0, 17.0 + d, 143.0, 34.0),
                rect(36.0, 17.0, 143.0 + d, 34.0),
                rect(36.0, 17.0, 143.0, 34.0 + d),
                rect(36.0 + d, 17.0 + d, 143.0 + d, 34.0 + d),
            ] {
                let got = ink_box(&img, &q).unwrap();
                assert_eq!(edges(&got), edges(&want), "{q:?}");
            }
        }
    }

    #[test]
    fn a_neighbouring_word_stays_out() {
        // The box ends 4 px into the third word: most of it lies outside, so it is left out.
        let got = ink_box(&line(), &rect(36.0, 17.0, 164.0, 34.0)).unwrap();
        assert_eq!(edges(&got)[2], 139_500, "{got:?}");
        // A box over the third word keeps it.
        let got = ink_box(&line(), &rect(36.0, 17.0, 192.0, 34.0)).unwrap();
        assert_eq!(edges(&got)[2], 190_500, "{got:?}");
    }

    #[test]
    fn faint_vertical_and_empty_boxes_keep_their_quad() {
        let mut faint = RgbPixels::filled(200, 60, [100, 100, 100]).unwrap();
        for y in 20..=31 {
            for x in 40..=139 {
                if (x + y) % 3 != 0 {
                    faint.put(x, y, [115, 115, 115]);
                }
            }
        }
        assert_eq!(ink_box(&faint, &rect(36.0, 17.0, 143.0, 34.0)), None);
        // Taller than wide.
        assert_eq!(ink_box(&line(), &rect(40.0, 5.0, 60.0, 55.0)), None);
        // Flat background only.
        let flat = RgbPixels::filled(200, 60, [10, 10, 10]).unwrap();
        assert_eq!(ink_box(&flat, &rect(36.0, 17.0, 143.0, 34.0)), None);
    }

    #[test]
    fn ink_touching_the_search_edge_keeps_the_quad() {
        // Ink fills every row of the search region (texture, not a line).
        let mut img = RgbPixels::filled(200, 60, [10, 10, 10]).unwrap();
        for y in 0..60 {
            for x in 40..=139 {
                if (x + y) % 3 != 0 {
                    img.put(x, y, [240, 240, 240]);
                }
            }
        }
        assert_eq!(ink_box(&img, &rect(36.0, 17.0, 143.0, 34.0)), None);
    }
}
