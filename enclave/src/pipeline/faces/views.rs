//! Which forward passes the face stage runs: the views (source region, network input
//! size) planned for an image's size, native views narrowed to textured blocks, and the
//! face tiles of large images (see the parent module's docs for why each exists).

use super::texture::{Rect, TextureMap};
use super::{
    COARSE_MIN_FACE, COARSE_SIDE, COARSE_SIDE_SINGLE, COARSE_SIDE_UNCUT, FLAT_MARGIN, TILE,
    TILE_OVERLAP, TILE_SHORT, clamp_u32,
};
use crate::pipeline::pixels::{BoxF, f32_of, round_up_32, tile_spans_with, usize_f32};

/// One forward pass: which part of the source, at which network input size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Source region.
    pub crop: BoxF,
    /// Network input width (multiple of 32).
    pub in_w: usize,
    /// Network input height (multiple of 32).
    pub in_h: usize,
}

/// Plans the views for a `width × height` image (see the module docs).
pub fn plan_views(width: u32, height: u32) -> Vec<View> {
    let mut views = Vec::new();
    let whole = BoxF {
        x0: 0.0,
        y0: 0.0,
        x1: f32_of(width),
        y1: f32_of(height),
    };
    let longer = width.max(height);
    let tiled = u64::from(width) * u64::from(height) > u64::from(TILE) * u64::from(TILE);
    if !tiled {
        views.push(View {
            crop: whole,
            in_w: round_up_32(width),
            in_h: round_up_32(height),
        });
    } else {
        let grid = tile_grid(width, height);
        for &(y, h) in &grid.ys {
            for &(x, w) in &grid.xs {
                views.push(View {
                    crop: BoxF::from_spans((x, w), (y, h)),
                    in_w: round_up_32(w),
                    in_h: round_up_32(h),
                });
            }
        }
    }
    // Up to 640 px, the native view alone sees every face size.
    let coarse = if tiled {
        COARSE_SIDE
    } else {
        COARSE_SIDE_SINGLE
    };
    if longer > COARSE_SIDE {
        let (w, h) = scaled(width, height, coarse);
        views.push(View {
            crop: whole,
            in_w: round_up_32(w),
            in_h: round_up_32(h),
        });
    }
    views
}

/// Whether the native views of a `width × height` image may be narrowed: only when its
/// coarse view shows a [`FLAT_MARGIN`] px face at [`COARSE_MIN_FACE`] px or more (up to
/// 1024 px on the longer side when the image runs whole, 2048 px when tiled), so the faces
/// a narrowed view may cut are still the coarse view's.
pub(super) fn narrowable(width: u32, height: u32) -> bool {
    let longer = width.max(height);
    let tiled = u64::from(width) * u64::from(height) > u64::from(TILE) * u64::from(TILE);
    let coarse = if tiled {
        COARSE_SIDE
    } else {
        COARSE_SIDE_SINGLE
    };
    longer > COARSE_SIDE
        && u64::from(longer) * u64::from(COARSE_MIN_FACE)
            <= u64::from(coarse) * u64::from(FLAT_MARGIN)
}

/// Narrows every native-resolution view (one whose input is at least as wide as its crop)
/// to the bounding rectangle of its textured blocks plus [`FLAT_MARGIN`]; a view with no
/// textured block is dropped. Downscaled views are kept as they are.
///
/// The narrowed view is a window of the planned view's own input grid, cut at multiples of
/// 32 input pixels: it samples the same source positions at the same scale and the
/// network's stride-32 grid stays aligned, so inside it CenterFace sees what the planned
/// view showed it (only the flat content beyond its edges becomes padding). Every face up to
/// [`FLAT_MARGIN`] px that the planned view held whole and that has a textured block in it
/// is still held whole: it lies within `FLAT_MARGIN` of that block.
pub(super) fn narrow_views(views: Vec<View>, map: &TextureMap) -> Vec<View> {
    let mut out = Vec::with_capacity(views.len());
    for view in views {
        let (cw, ch) = (view.crop.x1 - view.crop.x0, view.crop.y1 - view.crop.y0);
        if usize_f32(view.in_w) < cw || cw <= 0.0 || ch <= 0.0 {
            out.push(view);
            continue;
        }
        let region = Rect {
            x0: clamp_u32(view.crop.x0),
            y0: clamp_u32(view.crop.y0),
            x1: clamp_u32(view.crop.x1),
            y1: clamp_u32(view.crop.y1),
        };
        let Some(t) = map.textured_bounds(region) else {
            continue;
        };
        let margin = f32_of(FLAT_MARGIN);
        let (sx, sy) = (cw / usize_f32(view.in_w), ch / usize_f32(view.in_h));
        let (ia, ib) = input_span(
            f32_of(t.x0) - margin - view.crop.x0,
            f32_of(t.x1) + margin - view.crop.x0,
            sx,
            view.in_w,
        );
        let (ja, jb) = input_span(
            f32_of(t.y0) - margin - view.crop.y0,
            f32_of(t.y1) + margin - view.crop.y0,
            sy,
            view.in_h,
        );
        out.push(View {
            crop: BoxF {
                x0: view.crop.x0 + usize_f32(ia) * sx,
                y0: view.crop.y0 + usize_f32(ja) * sy,
                x1: view.crop.x0 + usize_f32(ib) * sx,
                y1: view.crop.y0 + usize_f32(jb) * sy,
            },
            in_w: ib - ia,
            in_h: jb - ja,
        });
    }
    out
}

/// Shrinks the downscaled view of an image that runs whole to [`COARSE_SIDE_UNCUT`] px and
/// returns it (call it only when no native view was narrowed); the views of a tiled image
/// stay as they are.
pub(super) fn shrink_coarse(views: &mut [View], width: u32, height: u32) -> Option<View> {
    let [native, coarse] = views else {
        return None;
    };
    if native.crop != coarse.crop || coarse.in_w >= native.in_w {
        return None;
    }
    let (w, h) = scaled(width, height, COARSE_SIDE_UNCUT);
    (coarse.in_w, coarse.in_h) = (round_up_32(w), round_up_32(h));
    Some(*coarse)
}

/// The input-pixel span `a..b` (multiples of 32, within `0..len`) covering the source span
/// `lo..hi` (relative to the view's origin) at `scale` source pixels per input pixel.
pub(super) fn input_span(lo: f32, hi: f32, scale: f32, len: usize) -> (usize, usize) {
    let to_input = |v: f32| usize::try_from(clamp_u32((v / scale).max(0.0))).unwrap_or(usize::MAX);
    let a = (to_input(lo.floor()) / 32 * 32).min(len);
    let b = to_input(hi.ceil()).div_ceil(32).saturating_mul(32).min(len);
    if b > a { (a, b) } else { (0, len) }
}

/// Scales so that the longer side becomes `side`.
pub(super) fn scaled(width: u32, height: u32, side: u32) -> (u32, u32) {
    let longer = u64::from(width.max(height).max(1));
    let w = (u64::from(width) * u64::from(side)).div_ceil(longer);
    let h = (u64::from(height) * u64::from(side)).div_ceil(longer);
    (
        u32::try_from(w).unwrap_or(side).max(1),
        u32::try_from(h).unwrap_or(side).max(1),
    )
}

/// Face tile spans along x and y (see [`tile_spans_with`]): the shorter side in as few
/// spans of at most [`TILE_SHORT`] (or one, up to [`TILE`]), the longer side in spans as
/// long as `TILE`² pixels per tile allow.
pub(super) fn tile_grid(width: u32, height: u32) -> TileGrid {
    let (long, short) = (width.max(height), width.min(height));
    let short_max = if short <= TILE { TILE } else { TILE_SHORT };
    let short_spans = trim_spans(tile_spans_with(short, short_max, TILE_OVERLAP), short);
    let short_len = short_spans.first().map_or(short, |s| s.1).max(1);
    let long_max = (TILE * TILE / short_len) / 32 * 32;
    let long_spans = trim_spans(tile_spans_with(long, long_max, TILE_OVERLAP), long);
    if width >= height {
        TileGrid {
            xs: long_spans,
            ys: short_spans,
        }
    } else {
        TileGrid {
            xs: short_spans,
            ys: long_spans,
        }
    }
}

/// Shortens the last of the equal `spans` over `0..len` (as [`tile_spans_with`] cuts them)
/// by 32 px each while neighbours still overlap by [`TILE_OVERLAP`]: the spans then add up
/// to `len + (n − 1) × TILE_OVERLAP` rounded up to 32 instead of `n` times the longest, and
/// the network runs fewer pixels that only widen an overlap. The first span keeps its
/// length (the longest, which `tile_grid` sizes the other axis by); every length stays a
/// multiple of 32 (input columns still map one to one onto source columns); the left-over
/// (under 32 px) is spread over the overlaps. At 2048 × 1367 the rows become 768 and 736
/// px (overlaps of 137 px) instead of 2 × 768 (169 px): 2 % fewer native pixels.
pub(super) fn trim_spans(spans: Vec<(u32, u32)>, len: u32) -> Vec<(u32, u32)> {
    let Some(&(_, size)) = spans.first() else {
        return spans;
    };
    let (n, overlap) = (
        u64::try_from(spans.len()).unwrap_or(0),
        u64::from(TILE_OVERLAP),
    );
    if n < 2 || size % 32 != 0 || size <= TILE_OVERLAP + 32 {
        return spans;
    }
    let (size, len) = (u64::from(size), u64::from(len));
    let need = (len + (n - 1) * overlap).div_ceil(32) * 32;
    let shortened = ((n * size).saturating_sub(need) / 32).min(n - 1);
    let lengths: Vec<u64> = (0..n)
        .map(|k| if k < n - shortened { size } else { size - 32 })
        .collect();
    let slack = lengths.iter().sum::<u64>() - (n - 1) * overlap - len;
    let mut out = Vec::with_capacity(spans.len());
    let (mut start, mut prev) = (0u64, 0u64);
    for (k, &l) in (0..n).zip(&lengths) {
        if k > 0 {
            let extra = slack * k / (n - 1) - slack * (k - 1) / (n - 1);
            start = (start + prev).saturating_sub(overlap + extra);
        }
        prev = l;
        let (Ok(s), Ok(l)) = (u32::try_from(start), u32::try_from(l)) else {
            return spans;
        };
        out.push((s, l));
    }
    // The spans end at the edge by construction; anything else keeps the planned ones.
    if start + prev == len { out } else { spans }
}

/// Tile spans `(start, length)` along x and y.
#[derive(Debug, PartialEq)]
pub(super) struct TileGrid {
    xs: Vec<(u32, u32)>,
    ys: Vec<(u32, u32)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::pixels::RgbPixels;

    #[test]
    fn views_for_small_medium_and_large_images() {
        let whole = |w: u32, h: u32| BoxF {
            x0: 0.0,
            y0: 0.0,
            x1: f32_of(w),
            y1: f32_of(h),
        };
        assert_eq!(
            plan_views(512, 300),
            vec![View {
                crop: whole(512, 300),
                in_w: 512,
                in_h: 320
            },]
        );
        // Whole at native size, plus the small coarse view.
        assert_eq!(
            plan_views(1000, 700),
            vec![
                View {
                    crop: whole(1000, 700),
                    in_w: 1024,
                    in_h: 704
                },
                View {
                    crop: whole(1000, 700),
                    in_w: 320,
                    in_h: 224
                },
            ]
        );
        // 2048²: six 1088 × 768 px tiles (overlap ≥ 128), not nine of 832 px.
        let square = plan_views(2048, 2048);
        assert_eq!(square.len(), 7);
        let origins: Vec<(f32, f32)> = square[..6].iter().map(|v| (v.crop.x0, v.crop.y0)).collect();
        assert_eq!(
            origins,
            vec![
                (0.0, 0.0),
                (960.0, 0.0),
                (0.0, 640.0),
                (960.0, 640.0),
                (0.0, 1280.0),
                (960.0, 1280.0)
            ]
        );
        assert!(square[..6].iter().all(|v| (v.in_w, v.in_h) == (1088, 768)));
        let big = plan_views(3000, 1000);
        // Four tiles of the full height (≤ 1024² px each; two 864 px wide, the last two
        // trimmed to 832), then the coarse view.
        assert_eq!(big.len(), 5);
        let xs: Vec<(f32, usize)> = big[..4].iter().map(|v| (v.crop.x0, v.in_w)).collect();
        assert_eq!(
            xs,
            vec![(0.0, 864), (734.0, 864), (1467.0, 832), (2168.0, 832)]
        );
        assert_eq!(
            big[3],
            View {
                crop: BoxF {
                    x0: 2168.0,
                    y0: 0.0,
                    x1: 3000.0,
                    y1: 1000.0
                },
                in_w: 832,
                in_h: 1024
            }
        );
        assert_eq!(
            big[4],
            View {
                crop: whole(3000, 1000),
                in_w: 640,
                in_h: 224
            }
        );
    }

    #[test]
    fn tiles_overlap_enough_cover_everything_and_stay_under_tile_squared() {
        for (w, h) in [
            (1025u32, 1025u32),
            (1500, 800),
            (3000, 1000),
            (1000, 3000),
            (2048, 1367),
            (4000, 4000),
            (16_384, 300),
        ] {
            let TileGrid { xs, ys } = tile_grid(w, h);
            for (spans, len) in [(&xs, w), (&ys, h)] {
                let (first, last) = (spans[0], spans[spans.len() - 1]);
                assert_eq!(first.0, 0, "{w}x{h}");
                assert_eq!(last.0 + last.1, len, "{w}x{h}");
                for pair in spans.windows(2) {
                    let ((a, la), (b, _)) = (pair[0], pair[1]);
                    assert!(a + la >= b + TILE_OVERLAP, "{w}x{h}: {spans:?}");
                    assert!(la % 32 == 0, "{w}x{h}: {spans:?}");
                }
            }
            assert!(xs[0].1 * ys[0].1 <= TILE * TILE, "{w}x{h}: {xs:?} {ys:?}");
        }
        assert_eq!(
            tile_grid(2048, 1367),
            TileGrid {
                xs: vec![(0, 1088), (960, 1088)],
                ys: vec![(0, 768), (631, 736)]
            }
        );
        // 4000²: 4 × 5 tiles, the first of 1120 × 928 px, the others 32 px shorter (overlaps
        // of exactly 128 px).
        let TileGrid { xs, ys } = tile_grid(4000, 4000);
        assert_eq!(xs, vec![(0, 1120), (992, 1088), (1952, 1088), (2912, 1088)]);
        assert_eq!(
            ys,
            vec![(0, 928), (800, 896), (1568, 896), (2336, 896), (3104, 896)]
        );
        assert_eq!(
            tile_grid(900, 700),
            TileGrid {
                xs: vec![(0, 900)],
                ys: vec![(0, 700)]
            }
        );
    }

    #[test]
    fn trimmed_spans_keep_the_overlap_and_end_at_the_edge() {
        // 1367 px in two 768 px spans: 1367 + 128 = 1495 → 1504 = 768 + 736.
        assert_eq!(
            trim_spans(vec![(0, 768), (599, 768)], 1367),
            vec![(0, 768), (631, 736)]
        );
        // Spans that add up exactly (2048 + 2 × 128 = 3 × 768) stay as they are.
        let exact = vec![(0, 768), (640, 768), (1280, 768)];
        assert_eq!(trim_spans(exact.clone(), 2048), exact);
        // One span, or spans too short to trim, are left alone.
        assert_eq!(trim_spans(vec![(0, 900)], 900), vec![(0, 900)]);
        assert_eq!(
            trim_spans(vec![(0, 160), (96, 160)], 256),
            vec![(0, 160), (96, 160)]
        );
        for len in [1025u32, 1367, 1500, 2047, 2048, 3000, 4000, 5555] {
            for tile in [768u32, 960, 1088] {
                let spans = trim_spans(tile_spans_with(len, tile, TILE_OVERLAP), len);
                let total: u32 = spans.iter().map(|s| s.1).sum();
                let n = u32::try_from(spans.len()).unwrap();
                assert_eq!(spans[0].0, 0, "{len}/{tile}");
                let last = spans[spans.len() - 1];
                assert_eq!(last.0 + last.1, len, "{len}/{tile}: {spans:?}");
                for pair in spans.windows(2) {
                    assert!(
                        pair[0].0 + pair[0].1 >= pair[1].0 + TILE_OVERLAP,
                        "{spans:?}"
                    );
                }
                if n > 1 {
                    assert!(
                        spans.iter().all(|s| s.1 % 32 == 0 && s.1 <= tile),
                        "{spans:?}"
                    );
                    assert!(
                        total < len + (n - 1) * TILE_OVERLAP + 32,
                        "{len}/{tile}: {spans:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn native_views_narrow_to_textured_blocks_and_flat_tiles_drop() {
        // A black 2048² image with one 20 px checkered patch at (300, 1500).
        let mut img = RgbPixels::filled(2048, 2048, [0, 0, 0]).unwrap();
        for y in 1500..1520 {
            for x in 300..320 {
                let v = if (x + y) % 2 == 0 { 255 } else { 0 };
                img.put(x, y, [v, v, v]);
            }
        }
        let views = narrow_views(plan_views(2048, 2048), &TextureMap::new(&img));
        // Of the six tiles only the one holding the patch is left, narrowed to the patch's
        // blocks (288..320 × 1488..1520) plus FLAT_MARGIN, cut at 32-px multiples of the
        // tile's own grid (tile origin y = 1280: 80..368 → 64..384); the coarse view stays.
        assert_eq!(
            views,
            vec![
                View {
                    crop: BoxF {
                        x0: 160.0,
                        y0: 1344.0,
                        x1: 448.0,
                        y1: 1664.0
                    },
                    in_w: 288,
                    in_h: 320
                },
                plan_views(2048, 2048)[6],
            ]
        );
        // A fully textured image keeps every view as planned.
        let mut busy = RgbPixels::filled(1000, 700, [0, 0, 0]).unwrap();
        for y in 0..700 {
            for x in 0..1000 {
                let v = if (x / 3 + y / 3) % 2 == 0 { 200 } else { 0 };
                busy.put(x, y, [v, v, v]);
            }
        }
        assert_eq!(
            narrow_views(plan_views(1000, 700), &TextureMap::new(&busy)),
            plan_views(1000, 700)
        );
        // A flat image keeps only the coarse view.
        let flat = RgbPixels::filled(1000, 700, [40, 40, 40]).unwrap();
        assert_eq!(
            narrow_views(plan_views(1000, 700), &TextureMap::new(&flat)),
            plan_views(1000, 700)[1..].to_vec()
        );
    }

    #[test]
    fn only_images_whose_coarse_view_sees_cut_faces_are_narrowed() {
        assert!(!narrowable(640, 480));
        assert!(narrowable(900, 700));
        assert!(narrowable(1024, 1024));
        assert!(narrowable(2048, 2048));
        // Runs whole, but its 320 px coarse view would show a 128 px face at 20 px.
        assert!(!narrowable(2048, 300));
        assert!(!narrowable(4000, 3000));
    }

    #[test]
    fn narrowed_views_keep_the_planned_scale_and_grid() {
        // 900 × 700 runs whole at 928 × 704 (stretched by 928/900): a narrowed view keeps
        // that stretch and starts on a 32-px multiple of the input grid.
        let mut img = RgbPixels::filled(900, 700, [30, 30, 30]).unwrap();
        for y in 300..320 {
            for x in 500..520 {
                let v = if (x + y) % 2 == 0 { 255 } else { 0 };
                img.put(x, y, [v, v, v]);
            }
        }
        let planned = plan_views(900, 700);
        let views = narrow_views(planned.clone(), &TextureMap::new(&img));
        assert_eq!(views.len(), 2);
        assert_eq!(views[1], planned[1]);
        let v = views[0];
        let s = 900.0 / 928.0;
        // Blocks 496..528 × 288..320, ± 128 px, in input pixels: 379..676 → 352..704
        // (x) and 160..451 → 160..480 (y, scale 700/704).
        assert_eq!((v.in_w, v.in_h), (352, 320));
        assert!((v.crop.x0 - 352.0 * s).abs() < 1e-3, "{v:?}");
        assert!((v.crop.x1 - 704.0 * s).abs() < 1e-3, "{v:?}");
        let sy = 700.0 / 704.0;
        assert!((v.crop.y0 - 160.0 * sy).abs() < 1e-3, "{v:?}");
        assert!((v.crop.y1 - 480.0 * sy).abs() < 1e-3, "{v:?}");
        // The same scale as planned.
        assert!(((v.crop.x1 - v.crop.x0) / 352.0 - s).abs() < 1e-6);
    }

    #[test]
    fn only_an_uncut_whole_image_gets_the_small_coarse_view() {
        let mut views = plan_views(1000, 700);
        let coarse = shrink_coarse(&mut views, 1000, 700);
        // 1000 × 700 at a longer side of 160: 160 × 112, rounded up to 160 × 128.
        let want = View {
            crop: views[0].crop,
            in_w: 160,
            in_h: 128,
        };
        assert_eq!(coarse, Some(want));
        assert_eq!(views, vec![plan_views(1000, 700)[0], want]);
        // Tiled images keep their 640 px view; a small image has no coarse view.
        for (w, h) in [(2048, 2048), (1280, 960), (512, 300)] {
            let mut views = plan_views(w, h);
            assert_eq!(shrink_coarse(&mut views, w, h), None, "{w}x{h}");
            assert_eq!(views, plan_views(w, h), "{w}x{h}");
        }
    }
}
