//! Where the detector runs: the views (image part, input size) of the full-scale pass
//! chosen from coarse candidates ([`super::coarse`], [`super::edges`]), aligned to the
//! full pass's sampling grid, and the native tiles of large images.

use super::super::pixels::{BoxF, RgbPixels, clamp_px, f32_of, tile_spans_with, usize_f32};
use super::coarse::{self, CoarseMap, Window, candidate_windows};
use super::{
    DET_TILE_OVERLAP, FINE_SHARE_MAX, OcrParams, det_map, edges, f64_of, round_up_32, usize_of,
};
use crate::Error;
use crate::models::ModelSession;

/// A part of the image the detector runs on: `crop` resized to `width × height`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct View {
    /// The image part (fractional pixels).
    pub(super) crop: BoxF,
    /// Detector input width.
    pub(super) width: usize,
    /// Detector input height.
    pub(super) height: usize,
}

/// Margin around a coarse candidate, in full-scale detector input pixels: a line's faint
/// ends (and the context the detector needs around them) stay inside its window.
pub(super) const FINE_MARGIN: u32 = 96;

/// Shortest side of a full-scale view, in input pixels: the detector needs some context
/// around a lone glyph (the 512² radiograph's "R" marker, score near the box threshold,
/// was lost in a 128 px view and found in a 256 px one).
const MIN_VIEW: usize = 320;

/// Full-scale inputs below this many pixels run as one pass: the coarse pass would cost
/// more than it could save.
const COARSE_MIN_PIXELS: usize = 512 * 512;

/// For an image detected in one pass of `full` input: runs the coarse pass and returns the
/// full-scale views (crop, input width, height) to run instead, or `None` when the whole
/// input has to run (coarse-to-fine off, a small input, or windows covering more than
/// [`FINE_SHARE_MAX`] of it). An empty list: no text anywhere.
pub(super) fn coarse_views(
    model: &ModelSession,
    image: &RgbPixels,
    full: (usize, usize),
    params: &OcrParams,
    pixels: &mut usize,
) -> Result<Option<Vec<View>>, Error> {
    let (dw, dh) = full;
    if !params.coarse_windows || dw.saturating_mul(dh) < COARSE_MIN_PIXELS {
        return Ok(None);
    }
    let (iw, ih) = (image.width(), image.height());
    // Full-scale input pixels per image pixel, each way.
    let (sx, sy) = (
        f64_of(dw) / f64::from(iw.max(1)),
        f64_of(dh) / f64::from(ih.max(1)),
    );
    let margin =
        |s: f64| u32::try_from(usize_of((f64::from(FINE_MARGIN) / s).ceil())).unwrap_or(u32::MAX);
    let margin = (margin(sx), margin(sy));
    let fits = |views: &[View]| {
        let fine: usize = views.iter().map(|v| v.width * v.height).sum();
        usize_f32(fine) <= FINE_SHARE_MAX * usize_f32(dw * dh)
    };
    // The edge prior first: when it alone covers too much (a busy photo), the coarse pass
    // would be wasted.
    let mut windows = edge_windows(image, margin);
    if !fits(&aligned_views(
        &mut windows.clone(),
        (sx, sy),
        (iw, ih),
        full,
    )) {
        return Ok(None);
    }
    let coarse_side = |v: usize| {
        let scaled = usize_of(f64::from(usize_f32(v) * params.coarse_scale));
        (scaled.div_ceil(32) * 32).max(32)
    };
    let (cw, ch) = (coarse_side(dw), coarse_side(dh));
    let whole = BoxF::from_spans((0, iw), (0, ih));
    let prob = det_map(model, image, whole, (cw, ch), pixels)?;
    let map = CoarseMap {
        prob: &prob,
        width: cw,
        height: ch,
        image_width: iw,
        image_height: ih,
    };
    windows.extend(candidate_windows(
        &map,
        params.coarse_thresh,
        coarse::CELL,
        margin,
    ));
    let views = aligned_views(&mut windows, (sx, sy), (iw, ih), full);
    Ok(fits(&views).then_some(views))
}

/// Candidate windows of the edge prior ([`edges::edge_map`]), grown by `margin`.
pub(super) fn edge_windows(image: &RgbPixels, margin: (u32, u32)) -> Vec<Window> {
    let (map, cols, rows) = edges::edge_map(image);
    let map = CoarseMap {
        prob: &map,
        width: cols,
        height: rows,
        image_width: image.width(),
        image_height: image.height(),
    };
    candidate_windows(&map, 0.5, 1, margin)
}

/// Full-scale views (crop, input width, height) over `windows` seen at `scale` input
/// pixels per image pixel, each input side a multiple of 32 (at most the whole image's
/// `full` input): windows whose aligned views overlap are merged first, so that no line
/// is cut in two views. `windows` ends up holding the merged windows.
fn aligned_views(
    windows: &mut Vec<Window>,
    (sx, sy): (f64, f64),
    (iw, ih): (u32, u32),
    (dw, dh): (usize, usize),
) -> Vec<View> {
    loop {
        coarse::merge_overlapping(windows);
        let views: Vec<View> = windows
            .iter()
            .map(|w| {
                let (x0, x1, vw) = aligned_span(w.x0, w.x1, sx, iw, dw);
                let (y0, y1, vh) = aligned_span(w.y0, w.y1, sy, ih, dh);
                View {
                    crop: BoxF { x0, y0, x1, y1 },
                    width: vw,
                    height: vh,
                }
            })
            .collect();
        let mut grown: Vec<Window> = views
            .iter()
            .map(|View { crop: b, .. }| Window {
                x0: clamp_px(b.x0.floor(), iw),
                y0: clamp_px(b.y0.floor(), ih),
                x1: clamp_px(b.x1.ceil(), iw),
                y1: clamp_px(b.y1.ceil(), ih),
            })
            .collect();
        coarse::merge_overlapping(&mut grown);
        if grown.len() == views.len() {
            return views;
        }
        *windows = grown;
    }
}

/// The image span `lo..hi` seen at `scale` input pixels per image pixel, widened to the
/// grid of 32 input pixels the whole image's pass (`full` input pixels over `len` image
/// pixels) would use: its ends fall on multiples of 32, so the view samples the very
/// pixels that pass would and its map matches that pass's away from the view's edges.
/// Returns (start, end, input length). A view that would run past the image (a native
/// view whose `full` was rounded up) is moved back inside it instead.
fn aligned_span(lo: u32, hi: u32, scale: f64, len: u32, full: usize) -> (f32, f32, usize) {
    let scale = scale.max(1e-9);
    // At least MIN_VIEW input pixels, grown about the centre.
    let (lo, hi) = (f64::from(lo) * scale, f64::from(hi) * scale);
    let short = (f64_of(MIN_VIEW) - (hi - lo)).max(0.0) / 2.0;
    let (mut lo, mut hi) = (lo - short, hi + short);
    let full_f = f64_of(full);
    if hi > full_f {
        lo -= hi - full_f;
        hi = full_f;
    }
    if lo < 0.0 {
        hi = (hi - lo).min(full_f);
        lo = 0.0;
    }
    let start = usize_of(lo) / 32 * 32;
    let end = usize_of(hi.ceil())
        .div_ceil(32)
        .saturating_mul(32)
        .min(full);
    let n = end.saturating_sub(start).max(32).min(full);
    let len_f = f64::from(len);
    let (mut a, mut b) = (f64_of(start) / scale, f64_of(start + n) / scale);
    if b > len_f {
        b = len_f;
        a = (len_f - f64_of(n) / scale).max(0.0);
    }
    #[allow(clippy::cast_possible_truncation)]
    let (a, b) = (a as f32, b as f32);
    (a, b, n)
}

/// Native-resolution views over `windows` of a `iw × ih` image too large for one pass
/// (aligned to the grid of a native pass over the whole image, each side a multiple of
/// 32), or `None` when they would cover more than [`FINE_SHARE_MAX`] of that pass or one
/// of them would hold more than [`OcrParams::max_det_pixels`]: the caller runs the tiles.
pub(super) fn native_windows(
    windows: &mut Vec<Window>,
    (iw, ih): (u32, u32),
    params: &OcrParams,
) -> Option<Vec<View>> {
    let full = (round_up_32(iw), round_up_32(ih));
    let scale = (
        f64_of(full.0) / f64::from(iw.max(1)),
        f64_of(full.1) / f64::from(ih.max(1)),
    );
    let views = aligned_views(windows, scale, (iw, ih), full);
    let covered: usize = views.iter().map(|v| v.width.saturating_mul(v.height)).sum();
    let fits = usize_f32(covered) <= FINE_SHARE_MAX * usize_f32(full.0.saturating_mul(full.1))
        && views
            .iter()
            .all(|v| v.width.saturating_mul(v.height) <= params.max_det_pixels);
    fits.then_some(views)
}

/// The image's [`whole_tiles`] that hold part of some window, whole: a tile's boxes do not
/// depend on where the coarse pass saw text. (Views cut to the windows gave boxes a few
/// pixels tighter, and before the crops were fitted to the ink the 14 px
/// "DATE 01/02/1960" of a 4000 px image was read "DRTE" or "1/82" from them; with
/// [`OcrParams::ink_fit`] [`native_windows`] read it exactly.)
pub(super) fn native_views(windows: &[Window], tiles: Vec<View>) -> Vec<View> {
    tiles
        .into_iter()
        .filter(|View { crop: tile, .. }| {
            windows.iter().any(|w| {
                f32_of(w.x0) < tile.x1
                    && tile.x0 < f32_of(w.x1)
                    && f32_of(w.y0) < tile.y1
                    && tile.y0 < f32_of(w.y1)
            })
        })
        .collect()
}

/// Overlapping native-resolution tiles of at most `max_side` over the whole image, each
/// stretched to a multiple of 32.
pub(super) fn whole_tiles(iw: u32, ih: u32, max_side: u32) -> Vec<View> {
    let mut views = Vec::new();
    for (y, h) in tile_spans_with(ih, max_side, DET_TILE_OVERLAP) {
        for (x, w) in tile_spans_with(iw, max_side, DET_TILE_OVERLAP) {
            views.push(View {
                crop: BoxF::from_spans((x, w), (y, h)),
                width: round_up_32(w),
                height: round_up_32(h),
            });
        }
    }
    views
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tiles_touched_by_a_window_run() {
        // 2048²: two 1152² tiles each way (starts 0 and 896).
        let tiles = whole_tiles(2048, 2048, 2000);
        assert_eq!(tiles.len(), 4);
        assert!(tiles.iter().all(|t| (t.width, t.height) == (1152, 1152)));
        let w = |x0, y0, x1, y1| Window { x0, y0, x1, y1 };
        // Top-left and bottom-right corners: the tiles at (0, 0) and (896, 896).
        let run = native_views(
            &[w(0, 0, 300, 60), w(1900, 1990, 2048, 2048)],
            tiles.clone(),
        );
        let starts: Vec<(f32, f32)> = run.iter().map(|v| (v.crop.x0, v.crop.y0)).collect();
        assert_eq!(starts, vec![(0.0, 0.0), (896.0, 896.0)]);
        // A window in the tiles' overlap runs all of them; none runs none.
        assert_eq!(
            native_views(&[w(1000, 1000, 1010, 1010)], tiles.clone()).len(),
            4
        );
        assert_eq!(native_views(&[], tiles), vec![]);
    }

    #[test]
    fn views_sit_on_the_full_pass_grid() {
        // 1000 px seen at 1.024 (1024 input px): 100..200 is input 102.4..204.8, widened
        // to the grid of 32 and to MIN_VIEW (320) about its centre: input 0..320.
        let (a, b, n) = aligned_span(100, 200, 1.024, 1000, 1024);
        assert_eq!(n, 320);
        assert!(a.abs() < 1e-3 && (b - 312.5).abs() < 1e-3, "{a} {b}");
        // Near the far end the view moves back inside: input 704..1024.
        let (a, b, n) = aligned_span(950, 1000, 1.024, 1000, 1024);
        assert_eq!(n, 320);
        assert!(
            (a - 687.5).abs() < 1e-3 && (b - 1000.0).abs() < 1e-3,
            "{a} {b}"
        );
        // Wider than the whole input: the whole image.
        assert_eq!(
            aligned_span(0, 1000, 1.024, 1000, 1024),
            (0.0, 1000.0, 1024)
        );
    }
}
