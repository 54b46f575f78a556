//! Stage 3: burned-in text (PP-OCRv4 det + cls + rec), after rapidocr 1.4.4.
//!
//! - det: BGR, Paddle normalisation, input sized as rapidocr (longer side ≤ 2000, shorter
//!   side raised to 736, sides rounded half-to-even to 32) plus a pixel cap, and small
//!   images (shorter side ≤ [`SMALL_SIDE`]) at 2× at least; DB
//!   post-processing with rotated minimum-area rectangles (see [`db_boxes`]); reading
//!   order as rapidocr; each quad is cropped upright by a perspective-style warp. Images
//!   larger than 2000 px are scanned at native resolution in overlapping tiles
//!   ([`OcrParams::det_tiles`]) plus a global pass at 1024 px, merged by NMS; only the
//!   tiles where the global pass or a stroke prior saw possible text run
//!   ([`OcrParams::det_coarse`], see [`coarse`]), and of those only native windows
//!   around the candidates when they are small enough ([`OcrParams::coarse_windows`]).
//! - cls: crops taller than 1.5× their width are turned 90° counter-clockwise; crops the
//!   classifier reads as upside down (p > 0.9) are turned 180°.
//! - rec: batches of 6 sorted by aspect ratio, height 48, width ≥ 320, zero padding after
//!   normalisation; CTC greedy decoding with the dictionary from the model's `character`
//!   metadata (class 0 blank, last class space).
//!
//! Differences from rapidocr, on purpose: crops are cut around the line's ink found inside
//! the box, with a margin proportional to the ink's height ([`OcrParams::ink_fit`], see
//! [`fit`]; boxes without clear ink get [`OcrParams::rec_margin`] of their own height),
//! no letterbox padding for extreme strips (a pixel cap instead), bilinear rather than
//! bicubic crop sampling, and no line is dropped for low recognition confidence (redaction
//! must not depend on legibility). Redaction fills the axis-aligned box around each quad,
//! which over-covers slanted text.

pub mod coarse;
pub mod edges;
pub mod fit;
mod views;

use std::time::{Duration, Instant};

use self::coarse::{CoarseMap, candidate_windows};
use self::views::{
    FINE_MARGIN, View, coarse_views, edge_windows, native_views, native_windows, whole_tiles,
};
use super::pixels::{
    BoxF, RgbPixels, clamp_px, f32_of, f64_of, nms, round_up_32, sample_bgr_planar, usize_f32,
    usize_of,
};
use super::quad::{Quad, min_area_rect, warp_crop};
use zeroize::Zeroizing;

use crate::Error;
use crate::models::{ModelId, ModelSession, Models};

/// Recognised text: zeroized on drop, `Debug` prints only the length, no `Serialize`.
pub use obscura_protocol::secret::SecretText;

/// One detected line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Axis-aligned box covering [`TextLine::quad`] (what redaction fills, enlarged).
    pub bbox: BoxF,
    /// The detected (possibly rotated) rectangle, corners in pixel-centre coordinates.
    pub quad: Quad,
    /// Recogniser confidence in 0..=1 (detector score when not recognised).
    pub score: f32,
    /// The recognised text.
    pub text: SecretText,
}

/// Wall time of the parts of the text stage (for benchmarks and metrics).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextTimings {
    /// Detector input sampling, inference and box extraction (every view).
    pub detect: Duration,
    /// Cutting the upright crops out of the image.
    pub crop: Duration,
    /// The 0°/180° classifier.
    pub classify: Duration,
    /// Recogniser input sampling, inference and CTC decoding.
    pub recognise: Duration,
    /// Detector input pixels run, over every pass (coarse, full-scale windows or tiles).
    pub det_pixels: usize,
}

/// Text detection and recognition settings (rapidocr 1.4.4 defaults unless noted).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OcrParams {
    /// The detector input's shorter side is scaled up to at least this (`limit_type: min`).
    pub det_limit_side: u32,
    /// Images whose shorter side is at most this are detected at 2× at least (ours, see
    /// [`SMALL_SIDE`]).
    pub small_side: u32,
    /// Longer side cap of the global pre-step; images above it are [`det_tiled`].
    pub max_side: u32,
    /// Longer side of the global pass over a [`det_tiled`] image when `det_tiles` is on
    /// (ours; rapidocr: `max_side`). The native tiles find the small print; this pass only
    /// has to find lines longer than the tiles' overlap, which are large. At 2048² a
    /// global pass at 2000 cost 43 % of the detector's pixels.
    pub global_side: u32,
    /// Shorter side floor of the global pre-step.
    pub min_side: u32,
    /// Detector input pixel cap (ours: bounds latency and memory for extreme aspect ratios).
    pub max_det_pixels: usize,
    /// Probability threshold of the DB bitmap.
    pub det_thresh: f32,
    /// Minimum mean probability inside a box.
    pub box_thresh: f32,
    /// Unclip ratio (box grows by area × ratio / perimeter on each side).
    pub unclip_ratio: f32,
    /// Most components considered.
    pub max_candidates: usize,
    /// Run the 0°/180° classifier.
    pub use_cls: bool,
    /// For images larger than `max_side`, also run the detector at native resolution in
    /// tiles of at most `max_side` (ours: the global pass shrinks small print below what
    /// the detector sees; even at 2048 px seen at 2000, 11 px "DATE" was read "DRTE"
    /// without the tiles; one native 2048² pass instead of tiles misread it too).
    pub det_tiles: bool,
    /// Coarse-to-fine detection of [`det_tiled`] images (ours): a native tile runs only
    /// when the global pass (at [`COARSE_THRESH`](coarse::COARSE_THRESH)) or the stroke
    /// prior ([`edges`]) saw possible text in it (see [`coarse`]). Tiles run whole, so
    /// every box found is the one the tile always found (with `coarse_windows` off).
    pub det_coarse: bool,
    /// Coarse-to-fine detection of the other images (ours): a coarse pass at
    /// [`OcrParams::coarse_scale`] and the stroke prior choose windows, and the full-scale
    /// pass runs on those only (on the full pass's sampling grid), unless they cover more
    /// than [`FINE_SHARE_MAX`] of it. No region was lost on the anchor and test images and a
    /// radiograph's detector ran 2–3× faster. The detector's squeeze-excitation layers pool
    /// over the whole input, so a window's boxes differ from the full pass's by a few
    /// pixels; crops fitted to the ink ([`OcrParams::ink_fit`]) read them the same (cut from
    /// the box, the 11 px "DATE" of the 1024² overlay test was read "DRTE").
    ///
    /// With [`OcrParams::det_coarse`] the same holds for [`det_tiled`] images: the native
    /// pass runs on windows around the global pass's and the stroke prior's candidates
    /// instead of on the tiles they touch, when the windows cover at most
    /// [`FINE_SHARE_MAX`] of the image and none exceeds [`OcrParams::max_det_pixels`]. On
    /// the 2048² anchor radiograph that is 1.65 M detector input pixels instead of 5.03 M,
    /// and the overlay tests read every line exactly (the tiles split a 4096 × 3072
    /// image's "PATIENT: JOHN SMITH" in two). Busy photos keep their tiles.
    pub coarse_windows: bool,
    /// Side of the coarse pass relative to the full-scale input (with `coarse_windows`).
    /// 3/8: it only has to see print whose strokes are too wide for the stroke prior
    /// (about 7 px and more, so glyphs of 50 px and more, 19 px and more here). Against 1/2
    /// it chose the same regions on the 22 anchor and asset images with 14–18 % fewer
    /// detector input pixels on the radiographs (651 264 → 536 576 at 1024²); at 0.3 and
    /// below the 1024² overlay's windows grew past [`FINE_SHARE_MAX`] and the full pass ran.
    pub coarse_scale: f32,
    /// Coarse probability above which a place is a text candidate.
    pub coarse_thresh: f32,
    /// Classifier probability above which a crop is turned 180°.
    pub cls_thresh: f32,
    /// Margin added above and below each box before cropping for cls and rec, as a
    /// fraction of the box height (a third of it left and right; ours, rapidocr uses 0). DB boxes hug the glyphs; with no surrounding
    /// background the recogniser misreads edge strokes (P→F, J→T on a synthetic radiograph
    /// label); 0.3 read every test line correctly. Used when the crop is not fitted to the
    /// ink ([`OcrParams::ink_fit`]).
    pub rec_margin: f32,
    /// Cut each recognition crop around the line's ink rather than around the detected box
    /// (ours, see [`fit`]): any box holding the same ink gives the same crop, so a reading
    /// does not flip with a few pixels of box shape. Lines with no clear ink keep their box.
    pub ink_fit: bool,
    /// Margin around a fitted line's ink across the line, as a fraction of the ink's height
    /// ([`INK_ALONG`] of it along the line).
    pub ink_margin: f32,
    /// Widest recogniser input a batch may take, relative to its narrowest crop's: crops go
    /// to the recogniser in aspect-ratio order, six at a time at most, and a crop that would
    /// widen its batch more than this starts a new one, so short lines are not padded to
    /// the longest. Default `f32::INFINITY`: batches as rapidocr's. [`NARROW_REC_SPREAD`]
    /// (opt-in) read 22–35 % faster on the radiographs with short and long lines and the
    /// demo label, with the same text on every anchor but one line of the 1024²
    /// radiograph (read exactly only with it), but scores moved by up to 0.12 (the zero
    /// padding is part of what the recogniser sees): the demo label's lone "R" marker fell
    /// from 0.57 to 0.45, below the handler's trusted-line score, and was filled.
    pub rec_width_spread: f32,
}

impl Default for OcrParams {
    fn default() -> Self {
        Self {
            det_limit_side: 736,
            small_side: SMALL_SIDE,
            max_side: 2000,
            global_side: 1024,
            min_side: 30,
            max_det_pixels: 4 * 1024 * 1024,
            det_thresh: 0.3,
            box_thresh: 0.5,
            unclip_ratio: 1.6,
            max_candidates: 1000,
            use_cls: true,
            det_tiles: true,
            det_coarse: true,
            coarse_windows: true,
            coarse_scale: 0.375,
            coarse_thresh: coarse::COARSE_THRESH,
            cls_thresh: 0.9,
            rec_margin: 0.3,
            ink_fit: true,
            ink_margin: 0.4,
            rec_width_spread: f32::INFINITY,
        }
    }
}

/// Images whose shorter side is at most this are detected at 2× (ours; rapidocr raises the
/// shorter side to 736 only, 1.44× for 512 px). The astronaut's 4–5 px name tag is found
/// only from 2× on (its text at 2×, the whole tag at 3×, which costs 4.5× the detector
/// time): at 2× the text stage of a 512² photo takes about twice as long.
pub const SMALL_SIDE: u32 = 512;

/// Longest side of a text crop (a text line cannot be longer than the image).
const MAX_CROP_SIDE: u32 = 16_384;
/// Shorter side of a text crop at most (4 × the 48 px model height).
const MAX_CROP_SHORT_SIDE: f32 = 192.0;
/// Overlap between detector tiles (a text line shorter than this is whole in some tile).
const DET_TILE_OVERLAP: u32 = 256;
/// Share of [`OcrParams::ink_margin`] added along the line (less than across: it must not
/// reach the next word).
pub const INK_ALONG: f32 = 0.9;
/// Crops per classifier / recogniser batch.
const BATCH: usize = 6;
/// The narrow-batch setting of [`OcrParams::rec_width_spread`] that was measured.
pub const NARROW_REC_SPREAD: f32 = 1.25;
/// Recogniser input height.
const REC_H: usize = 48;
/// Recogniser minimum input width.
const REC_MIN_W: usize = 320;
/// Recogniser input width cap (ours; longer lines are squeezed).
const REC_MAX_W: usize = 3200;
/// Classifier input width.
const CLS_W: usize = 192;

/// Paddle normalisation: (v / 255 − 0.5) / 0.5.
fn paddle_norm(v: f32) -> f32 {
    (v / 255.0 - 0.5) / 0.5
}

/// Detects, orients and reads every text line of `image`.
///
/// Every detected box is returned, whatever the recogniser's confidence: unlike rapidocr we
/// do not drop lines below `text_score`, because whether a region is filled must not depend
/// on how legible it was to the recogniser.
pub(crate) fn read_text(
    models: &Models,
    image: &RgbPixels,
    params: &OcrParams,
) -> Result<(Vec<TextLine>, TextTimings), Error> {
    let mut timings = TextTimings::default();
    let started = Instant::now();
    let boxes = detect_boxes(&models.text_det, image, params, &mut timings.det_pixels);
    // A large image's detector activations are not kept for later requests.
    models.text_det.release_large()?;
    let boxes = boxes?;
    timings.detect = started.elapsed();
    let quads: Vec<Quad> = boxes.into_iter().map(|(quad, _)| quad).collect();
    let lines = read_lines(models, image, &quads, params, &mut timings)?;
    Ok((lines, timings))
}

/// Orients and reads the lines of `image` inside `quads` (corners in pixel-centre
/// coordinates, as [`TextLine::quad`]), one [`TextLine`] per quad in the same order: the
/// second half of the text stage, without detection (tests re-read shifted boxes with it).
pub fn read_quads(
    models: &Models,
    image: &RgbPixels,
    quads: &[Quad],
    params: &OcrParams,
) -> Result<Vec<TextLine>, Error> {
    read_lines(models, image, quads, params, &mut TextTimings::default())
}

/// [`read_quads`], adding the crop, classifier and recogniser times to `timings`.
fn read_lines(
    models: &Models,
    image: &RgbPixels,
    quads: &[Quad],
    params: &OcrParams,
    timings: &mut TextTimings,
) -> Result<Vec<TextLine>, Error> {
    let mut clock = Instant::now();
    let mut lap = || {
        let now = Instant::now();
        let elapsed = now.duration_since(clock);
        clock = now;
        elapsed
    };
    let mut crops = Vec::with_capacity(quads.len());
    for quad in quads {
        crops.push(line_crop(image, quad, params)?);
    }
    timings.crop += lap();
    if params.use_cls {
        classify_orientation(&models.text_cls, &mut crops, params.cls_thresh)?;
    }
    timings.classify += lap();
    let texts = recognise(
        &models.text_rec,
        &models.text_classes,
        &crops,
        params.rec_width_spread,
    )?;
    timings.recognise += lap();
    Ok(quads
        .iter()
        .zip(texts)
        .map(|(&quad, (text, score))| {
            let b = quad.aabb();
            let bbox = BoxF {
                x0: b.x0,
                y0: b.y0,
                x1: b.x1 + 1.0,
                y1: b.y1 + 1.0,
            };
            TextLine {
                bbox,
                quad,
                score,
                text,
            }
        })
        .collect())
}

/// The upright crop of the line in `quad` that cls and rec see, turned upright when it is
/// much taller than wide: with [`OcrParams::ink_fit`], the line's ink ([`fit::ink_box`])
/// with a margin of [`OcrParams::ink_margin`] of its height across the line and
/// [`INK_ALONG`] of that along it; otherwise (or when no clear ink is found) the quad with
/// [`OcrParams::rec_margin`] of its height across the line and a third of that along it.
fn line_crop(image: &RgbPixels, quad: &Quad, params: &OcrParams) -> Result<RgbPixels, Error> {
    // Less margin along the line than across it: it must not reach the next word. The
    // margin never reaches past the image: replicated border rows would smear glyphs
    // that touch the edge (seen on thin strips, where the classifier then turned
    // "JOHN" upside down).
    let (iw, ih) = (f32_of(image.width()) - 1.0, f32_of(image.height()) - 1.0);
    let inside = |q: &Quad| {
        q.0.iter()
            .all(|&[x, y]| (0.0..=iw).contains(&x) && (0.0..=ih).contains(&y))
    };
    // A fitted line whose full margin does not fit in the image (print at its edge) is
    // cut from its box as before: the thin strip's "JOHN" was read upside down from a
    // fitted crop with a shrunk margin.
    let fitted = if params.ink_fit {
        fit::ink_box(image, quad).filter(|ink| {
            let m = ink.height() * params.ink_margin;
            inside(&ink.grown_xy(m * INK_ALONG, m))
        })
    } else {
        None
    };
    let (core, share, along) = match fitted {
        Some(ink) => (ink, params.ink_margin, INK_ALONG),
        None => (*quad, params.rec_margin, 1.0 / 3.0),
    };
    let mut m = core.height() * share;
    let mut padded = core.grown_xy(m * along, m);
    while m > 0.0 && !inside(&padded) {
        m = if m > 1.0 { m / 2.0 } else { 0.0 };
        padded = core.grown_xy(m * along, m);
    }
    // cls and rec look at 48 px high crops: sample at most 4× that across the line,
    // which bounds memory for huge text and keeps the later bilinear shrink mild.
    let (pw, ph) = (padded.width(), padded.height());
    let scale = (MAX_CROP_SHORT_SIDE / pw.min(ph).max(1.0)).min(1.0);
    let (w, h) = (
        clamp_px(pw * scale, MAX_CROP_SIDE),
        clamp_px(ph * scale, MAX_CROP_SIDE),
    );
    let crop = warp_crop(image, &padded, w, h)?;
    if f32_of(crop.height()) >= 1.5 * f32_of(crop.width()) {
        rotate90_ccw(&crop)
    } else {
        Ok(crop)
    }
}

/// Detector input size for a `width × height` image: the global pre-step (longer side ≤
/// `max_side`, or ≤ `global_side` when the image is tiled, shorter ≥ `min_side`), then
/// shorter side ≥ `det_limit_side` (and at least 2× when the shorter side is at most
/// [`OcrParams::small_side`]), each side rounded half-to-even to a multiple of 32 (Python
/// `round`), then our pixel cap.
pub fn det_input_size(width: u32, height: u32, params: &OcrParams) -> (usize, usize) {
    let (w, h) = (f64::from(width), f64::from(height));
    let mut ratio = 1.0f64;
    let longer = w.max(h);
    if det_tiled(width, height, params) {
        let side = if params.det_tiles {
            params.global_side.min(params.max_side)
        } else {
            params.max_side
        };
        ratio = f64::from(side) / longer;
    }
    let shorter = w.min(h) * ratio;
    if shorter < f64::from(params.min_side) {
        ratio *= f64::from(params.min_side) / shorter.max(1e-6);
    }
    let shorter = w.min(h) * ratio;
    if shorter < f64::from(params.det_limit_side) {
        ratio *= f64::from(params.det_limit_side) / shorter.max(1e-6);
    }
    if w.min(h) <= f64::from(params.small_side) {
        ratio = ratio.max(2.0);
    }
    let round32 = |v: f64| ((v.trunc() / 32.0).round_ties_even() * 32.0).max(32.0);
    let (mut dw, mut dh) = (round32(w * ratio), round32(h * ratio));
    let cap = f64_of(params.max_det_pixels);
    if dw * dh > cap {
        let s = (cap / (dw * dh)).sqrt();
        dw = ((dw * s / 32.0).floor() * 32.0).max(32.0);
        dh = ((dh * s / 32.0).floor() * 32.0).max(32.0);
    }
    (usize_of(dw), usize_of(dh))
}

/// How many times the image's pixels the text detector's input must hold for
/// [`text_outweighs_faces`]: 256² and 512² images (detected at 736² and 1024², 8.3× and 4×)
/// and 512 × 341 (4.7×) qualify; 1024 × 683 (1.2×) and larger do not.
pub const UPSCALE_OUTWEIGHS_FACES: usize = 3;

/// Whether the text stage of a `width × height` image costs so much more than its face
/// stage that the two are better run one after the other, each on every core (see
/// `Pipeline::faces_and_text`): when the detector's input is upscaled to at least
/// [`UPSCALE_OUTWEIGHS_FACES`] times the image's pixels (the face stage's cost follows the
/// image's pixels, the detector's its input's).
pub fn text_outweighs_faces(width: u32, height: u32, params: &OcrParams) -> bool {
    let (dw, dh) = det_input_size(width, height, params);
    let image = usize::try_from(u64::from(width) * u64::from(height)).unwrap_or(usize::MAX);
    image > 0 && dw.saturating_mul(dh) >= image.saturating_mul(UPSCALE_OUTWEIGHS_FACES)
}

/// Whether an image is larger than `max_side`: its global detector pass is then shrunk,
/// and with [`OcrParams::det_tiles`] it is also scanned at native resolution in
/// overlapping tiles of at most `max_side`.
pub fn det_tiled(width: u32, height: u32, params: &OcrParams) -> bool {
    width.max(height) > params.max_side
}

/// Runs the detector and returns boxes in image coordinates (reading order) with scores.
///
/// With [`OcrParams::det_coarse`] a tiled image's native tiles run only where its global
/// pass or the stroke prior saw possible text ([`coarse::candidate_windows`]); with
/// [`OcrParams::coarse_windows`] the full-scale pass (native windows instead of those
/// tiles, or another image's full pass) runs only on windows where a coarse pass or the
/// stroke prior saw text, unless they cover more than [`FINE_SHARE_MAX`] of it.
fn detect_boxes(
    model: &ModelSession,
    image: &RgbPixels,
    params: &OcrParams,
    pixels: &mut usize,
) -> Result<Vec<(Quad, f32)>, Error> {
    let (iw, ih) = (image.width(), image.height());
    let (dw, dh) = det_input_size(iw, ih, params);
    let whole = BoxF::from_spans((0, iw), (0, ih));
    let mut boxes = if params.det_tiles && det_tiled(iw, ih, params) {
        // The global pass sees the image shrunk to `global_side`; small print is read at
        // native resolution too, in overlapping tiles (those where the global pass or the
        // stroke prior saw possible text). Overlapping finds are merged below.
        let prob = det_map(model, image, whole, (dw, dh), pixels)?;
        let mut boxes = map_boxes(&prob, dw, dh, image, whole, params);
        let tiles = whole_tiles(iw, ih, params.max_side);
        let views = if params.det_coarse {
            let map = CoarseMap {
                prob: &prob,
                width: dw,
                height: dh,
                image_width: iw,
                image_height: ih,
            };
            let margin = (FINE_MARGIN, FINE_MARGIN);
            let mut windows = candidate_windows(&map, params.coarse_thresh, coarse::CELL, margin);
            let views = native_views(&windows, tiles.clone());
            if views.len() < tiles.len() {
                // The stroke prior can only add tiles: its scan of the whole image is
                // skipped when the global pass already wants every tile (busy photos).
                windows.extend(edge_windows(image, margin));
                let tile_views = native_views(&windows, tiles);
                if params.coarse_windows {
                    native_windows(&mut windows, (iw, ih), params).unwrap_or(tile_views)
                } else {
                    tile_views
                }
            } else {
                views
            }
        } else {
            tiles
        };
        drop(prob);
        for view in views {
            boxes.extend(detect_view(model, image, view, params, pixels)?);
        }
        nms(boxes, 0.3, |(q, score)| (q.aabb(), *score))
    } else if let Some(views) = coarse_views(model, image, (dw, dh), params, pixels)? {
        let mut boxes = Vec::new();
        for view in &views {
            boxes.extend(detect_view(model, image, *view, params, pixels)?);
        }
        if views.len() > 1 {
            boxes = nms(boxes, 0.3, |(q, score)| (q.aabb(), *score));
        }
        boxes
    } else {
        detect_view(
            model,
            image,
            View {
                crop: whole,
                width: dw,
                height: dh,
            },
            params,
            pixels,
        )?
    };
    reading_order(&mut boxes);
    Ok(boxes)
}

/// Most of the full-scale input the coarse-to-fine windows may cover; above it the full
/// pass runs everywhere (the windows would save little and cut more lines).
pub const FINE_SHARE_MAX: f32 = 0.5;

/// Runs the detector on `crop` of `image` resized to `dw × dh`: the probability map
/// (`dw × dh`, row-major). Adds the input's pixels to `pixels`.
fn det_map(
    model: &ModelSession,
    image: &RgbPixels,
    crop: BoxF,
    (dw, dh): (usize, usize),
    pixels: &mut usize,
) -> Result<Zeroizing<Vec<f32>>, Error> {
    *pixels = pixels.saturating_add(dw.saturating_mul(dh));
    let input = Zeroizing::new(sample_bgr_planar(
        image,
        crop,
        dw,
        dh,
        dw,
        dh,
        0.0,
        paddle_norm,
    ));
    let outputs = model.run([1, 3, dh, dw], &input)?;
    let bad = |reason| Error::ModelOutput {
        model: ModelId::TextDet,
        reason,
    };
    let prob = outputs.into_iter().next().ok_or(bad("no output"))?;
    if prob.shape.as_slice() != [1, 1, dh, dw] {
        return Err(bad("probability map shape"));
    }
    if prob.data.len() != dh * dw {
        return Err(bad("probability map size"));
    }
    Ok(prob.data)
}

/// Runs the detector on `crop` of `image` resized to `dw × dh`; quads in image coordinates,
/// clipped and filtered as rapidocr does.
fn detect_view(
    model: &ModelSession,
    image: &RgbPixels,
    view: View,
    params: &OcrParams,
    pixels: &mut usize,
) -> Result<Vec<(Quad, f32)>, Error> {
    let View {
        crop,
        width: dw,
        height: dh,
    } = view;
    let prob = det_map(model, image, crop, (dw, dh), pixels)?;
    Ok(map_boxes(&prob, dw, dh, image, crop, params))
}

/// DB boxes of a `mw × mh` probability map over `crop` of `image`, in image coordinates,
/// clipped and filtered as rapidocr does.
fn map_boxes(
    prob: &[f32],
    mw: usize,
    mh: usize,
    image: &RgbPixels,
    crop: BoxF,
    params: &OcrParams,
) -> Vec<(Quad, f32)> {
    let map_boxes = db_boxes(prob, mw, mh, params);
    let (sx, sy) = (
        (crop.x1 - crop.x0) / usize_f32(mw),
        (crop.y1 - crop.y0) / usize_f32(mh),
    );
    let (iw, ih) = (f32_of(image.width()), f32_of(image.height()));
    map_boxes
        .into_iter()
        .map(|(q, score)| {
            let q = Quad(q.0.map(|[x, y]| {
                [
                    (crop.x0 + x * sx).round().clamp(0.0, iw - 1.0),
                    (crop.y0 + y * sy).round().clamp(0.0, ih - 1.0),
                ]
            }));
            (q, score)
        })
        .filter(|(q, _)| {
            let [p0, p1, _, p3] = q.0;
            let len =
                |a: [f32; 2], b: [f32; 2]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
            len(p0, p1).trunc() > 3.0 && len(p0, p3).trunc() > 3.0
        })
        .collect()
}

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
    let mut seen = vec![false; width * height];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    let mut candidates = 0usize;
    for start in 0..width * height {
        if !bitmap.get(start).copied().unwrap_or(false) || seen.get(start).copied().unwrap_or(true)
        {
            continue;
        }
        candidates += 1;
        if candidates > params.max_candidates {
            break;
        }
        // Flood fill (8-connected), tracking the bounding box.
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0usize, 0usize);
        // Leftmost and rightmost pixel of each row: enough for the convex hull.
        let mut rows: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
        stack.clear();
        stack.push(start);
        if let Some(s) = seen.get_mut(start) {
            *s = true;
        }
        while let Some(i) = stack.pop() {
            let (x, y) = (i % width, i / width);
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
            let row = rows.entry(y).or_insert((x, x));
            row.0 = row.0.min(x);
            row.1 = row.1.max(x);
            for (dx, dy) in [
                (-1isize, -1isize),
                (0, -1),
                (1, -1),
                (-1, 0),
                (1, 0),
                (-1, 1),
                (0, 1),
                (1, 1),
            ] {
                let (Some(nx), Some(ny)) = (x.checked_add_signed(dx), y.checked_add_signed(dy))
                else {
                    continue;
                };
                if nx >= width || ny >= height {
                    continue;
                }
                let j = ny * width + nx;
                if bitmap.get(j).copied().unwrap_or(false) && !seen.get(j).copied().unwrap_or(true)
                {
                    if let Some(s) = seen.get_mut(j) {
                        *s = true;
                    }
                    stack.push(j);
                }
            }
        }
        // Minimum-area rectangle over pixel centres (as minAreaRect of the contour).
        let points: Vec<[f32; 2]> = rows
            .iter()
            .flat_map(|(&y, &(l, r))| [[usize_f32(l), usize_f32(y)], [usize_f32(r), usize_f32(y)]])
            .collect();
        let Some(rect) = min_area_rect(&points) else {
            continue;
        };
        if rect.short_side() < 3.0 {
            continue;
        }
        // "fast" score: mean probability inside the rectangle.
        let mut sum = 0.0f32;
        let mut n = 0usize;
        for y in y0..=y1 {
            for x in x0..=x1 {
                if rect.contains([usize_f32(x), usize_f32(y)]) {
                    sum += prob.get(y * width + x).copied().unwrap_or(0.0);
                    n += 1;
                }
            }
        }
        let score = if n > 0 { sum / usize_f32(n) } else { 0.0 };
        if score < params.box_thresh {
            continue;
        }
        let distance = rect.w * rect.h * params.unclip_ratio / (2.0 * (rect.w + rect.h));
        let grown = rect.grown(distance);
        if grown.short_side() < 5.0 {
            continue;
        }
        let b = grown.corners();
        out.push((b, score));
    }
    out
}

/// Sorts boxes top to bottom, then left to right within a line (tops within 10 px).
fn reading_order(boxes: &mut [(Quad, f32)]) {
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

/// Turns crops the classifier reads as upside down (label "180" above `thresh`).
fn classify_orientation(
    model: &ModelSession,
    crops: &mut [RgbPixels],
    thresh: f32,
) -> Result<(), Error> {
    for batch in crops.chunks_mut(BATCH) {
        let plane = REC_H * CLS_W;
        let mut input = Zeroizing::new(Vec::with_capacity(batch.len() * 3 * plane));
        for crop in batch.iter() {
            let w = resized_width(crop, CLS_W);
            input.extend_from_slice(&Zeroizing::new(sample_whole(crop, w, CLS_W)));
        }
        let outputs = model.run([batch.len(), 3, REC_H, CLS_W], &input)?;
        let probs = outputs
            .first()
            .filter(|o| o.data.len() == batch.len() * 2)
            .ok_or(Error::ModelOutput {
                model: ModelId::TextCls,
                reason: "classifier output size",
            })?;
        for (crop, p) in batch.iter_mut().zip(probs.data.chunks_exact(2)) {
            if let &[p0, p180] = p {
                if p180 > p0 && p180 > thresh {
                    *crop = rotate180(crop)?;
                }
            }
        }
    }
    Ok(())
}

/// Recognises each crop: (text, mean probability of the kept CTC steps), in the batches of
/// [`rec_batches`] (at most `spread` times as wide as their narrowest crop).
///
/// Each batch is padded to its widest crop. Tried and dropped (text6): padding each batch
/// only to its own widest crop rounded up to 8 or 32 with no floor (rapidocr's floor is
/// [`REC_MIN_W`]) changed scores by up to 0.22 and the text of 13 of 57 lines on the test
/// images (the neck's global attention sees the zero padding); running each crop alone at
/// its batch's width reads the same, and costs 5–10 % less per crop single-threaded, but
/// with the wide session (the stage alone) the 256² radiograph's recognition took 121
/// instead of 83 ms (batch of one parallelises worse).
fn recognise(
    model: &ModelSession,
    classes: &[String],
    crops: &[RgbPixels],
    spread: f32,
) -> Result<Vec<(SecretText, f32)>, Error> {
    let ratios: Vec<f32> = crops
        .iter()
        .map(|c| f32_of(c.width()) / f32_of(c.height().max(1)))
        .collect();
    let mut results: Vec<(SecretText, f32)> = (0..crops.len())
        .map(|_| (SecretText::new(String::new()), 0.0))
        .collect();
    let bad = |reason| Error::ModelOutput {
        model: ModelId::TextRec,
        reason,
    };
    for (batch, img_w) in rec_batches(&ratios, spread) {
        let mut input = Zeroizing::new(Vec::with_capacity(batch.len() * 3 * REC_H * img_w));
        for &i in &batch {
            let crop = crops.get(i).ok_or(bad("crop index"))?;
            input.extend_from_slice(&Zeroizing::new(sample_whole(
                crop,
                resized_width(crop, img_w),
                img_w,
            )));
        }
        let outputs = model.run_rows([batch.len(), 3, REC_H, img_w], &input)?;
        let probs = outputs.first().ok_or(bad("no output"))?;
        let &[n, steps, n_classes] = probs.shape.as_slice() else {
            return Err(bad("output rank"));
        };
        if n != batch.len()
            || n_classes != classes.len()
            || probs.data.len() != n * steps * n_classes
        {
            return Err(bad("output size"));
        }
        for (&i, sample) in batch.iter().zip(probs.data.chunks_exact(steps * n_classes)) {
            if let Some(slot) = results.get_mut(i) {
                *slot = ctc_greedy(sample, n_classes, classes);
            }
        }
    }
    Ok(results)
}

/// Recogniser batches for crops of width / height `ratios`: (crop indices, input width).
///
/// Crops go in aspect-ratio order, at most [`BATCH`] to a batch; a crop whose input width
/// (48 × its ratio, at least [`REC_MIN_W`]) is more than `spread` times the batch's first
/// starts a new batch. A batch's input width is its widest crop's (at least [`REC_MIN_W`],
/// at most [`REC_MAX_W`]).
fn rec_batches(ratios: &[f32], spread: f32) -> Vec<(Vec<usize>, usize)> {
    let mut order: Vec<usize> = (0..ratios.len()).collect();
    let ratio = |i: usize| ratios.get(i).copied().unwrap_or(0.0);
    order.sort_by(|&a, &b| ratio(a).total_cmp(&ratio(b)));
    let width = |i: usize| (usize_f32(REC_H) * ratio(i)).max(usize_f32(REC_MIN_W));
    let mut batches: Vec<Vec<usize>> = Vec::new();
    for i in order {
        match batches.last_mut() {
            Some(batch)
                if batch.len() < BATCH
                    && batch
                        .first()
                        .is_some_and(|&first| width(i) <= spread * width(first)) =>
            {
                batch.push(i);
            }
            _ => batches.push(vec![i]),
        }
    }
    batches
        .into_iter()
        .map(|batch| {
            let max_ratio = batch
                .iter()
                .map(|&i| ratio(i))
                .fold(usize_f32(REC_MIN_W) / usize_f32(REC_H), f32::max);
            let w = usize_of(f64::from(usize_f32(REC_H) * max_ratio)).clamp(REC_MIN_W, REC_MAX_W);
            (batch, w)
        })
        .collect()
}

/// CTC greedy decoding of one `[steps, n_classes]` probability matrix: argmax per step, drop
/// blanks (class 0) and repeats; confidence is the mean kept probability (0 when none).
pub fn ctc_greedy(probs: &[f32], n_classes: usize, classes: &[String]) -> (SecretText, f32) {
    let mut text = String::new();
    let mut sum = 0.0f32;
    let mut kept = 0usize;
    let mut prev = None;
    for step in probs.chunks_exact(n_classes.max(1)) {
        let (idx, p) = step
            .iter()
            .enumerate()
            .fold(
                (0usize, f32::MIN),
                |best, (i, &v)| if v > best.1 { (i, v) } else { best },
            );
        if idx != 0 && prev != Some(idx) {
            text.push_str(classes.get(idx).map_or("", String::as_str));
            sum += p;
            kept += 1;
        }
        prev = Some(idx);
    }
    let conf = if kept > 0 { sum / usize_f32(kept) } else { 0.0 };
    (SecretText::new(text), conf)
}

/// Width of a crop resized to height 48, at most `max_w`.
fn resized_width(crop: &RgbPixels, max_w: usize) -> usize {
    let w = (usize_f32(REC_H) * f32_of(crop.width()) / f32_of(crop.height().max(1))).ceil();
    usize_of(f64::from(w)).clamp(1, max_w)
}

/// The whole crop resized to `w × 48`, Paddle-normalised, zero-padded to `tensor_w`.
fn sample_whole(crop: &RgbPixels, w: usize, tensor_w: usize) -> Vec<f32> {
    let whole = BoxF {
        x0: 0.0,
        y0: 0.0,
        x1: f32_of(crop.width()),
        y1: f32_of(crop.height()),
    };
    sample_bgr_planar(crop, whole, w, REC_H, tensor_w, REC_H, 0.0, paddle_norm)
}

/// Rotates 90° counter-clockwise (as `np.rot90`).
fn rotate90_ccw(src: &RgbPixels) -> Result<RgbPixels, Error> {
    let (w, h) = (src.width(), src.height());
    let mut data = Vec::with_capacity(src.as_bytes().len());
    // Output is h wide and w tall; output (x, y) = input (w − 1 − y, x).
    for y in 0..w {
        for x in 0..h {
            data.extend_from_slice(&src.get(w - 1 - y, x).unwrap_or([0, 0, 0]));
        }
    }
    RgbPixels::new(h, w, data)
}

/// Rotates 180°.
fn rotate180(src: &RgbPixels) -> Result<RgbPixels, Error> {
    let mut data: Vec<u8> = Vec::with_capacity(src.as_bytes().len());
    for px in src.as_bytes().chunks_exact(3).rev() {
        data.extend_from_slice(px);
    }
    RgbPixels::new(src.width(), src.height(), data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_small_images_run_text_after_faces() {
        let p = OcrParams::default();
        assert!(text_outweighs_faces(256, 256, &p));
        assert!(text_outweighs_faces(512, 512, &p));
        assert!(text_outweighs_faces(512, 341, &p));
        assert!(!text_outweighs_faces(1024, 683, &p));
        assert!(!text_outweighs_faces(1024, 1024, &p));
        assert!(!text_outweighs_faces(2048, 2048, &p));
        assert!(!text_outweighs_faces(0, 0, &p));
    }

    #[test]
    fn det_input_size_matches_rapidocr_up_to_2000() {
        let p = OcrParams::default();
        // notes §2.6: the 900×120 test strip runs at [1,3,736,5504] (172.5 rounds to even).
        assert_eq!(det_input_size(900, 120, &p), (5504, 736));
        assert_eq!(det_input_size(640, 200, &p), (2368, 736));
        // Small images run at 2× at least (ours): 512² at 1024², not 736².
        assert_eq!(det_input_size(512, 512, &p), (1024, 1024));
        assert_eq!(det_input_size(600, 513, &p), (864, 736));
        // Shorter side already ≥ 736: only rounding to 32.
        assert_eq!(det_input_size(1000, 800, &p), (992, 800));
        assert!(!det_tiled(2000, 1500, &p));
        // Larger than 2000: tiled, the global pass at 1024 (ours), then the shorter side
        // raised to 736 (4000 × 736 / 1200 = 2453.3 → 76.7 → 2464).
        assert!(det_tiled(2048, 2048, &p));
        assert_eq!(det_input_size(2048, 2048, &p), (1024, 1024));
        assert_eq!(det_input_size(2048, 1367, &p), (1088, 736));
        assert_eq!(det_input_size(4000, 1200, &p), (2464, 736));
        // Without tiles the global pass keeps rapidocr's 2000 (62.5 rounds to even: 62).
        let untiled = OcrParams {
            det_tiles: false,
            ..p
        };
        assert_eq!(det_input_size(4000, 3000, &untiled), (1984, 1504));
        // Extreme strip: pixel cap applies.
        let (w, h) = det_input_size(16_000, 40, &p);
        assert!(
            w * h <= p.max_det_pixels && w % 32 == 0 && h % 32 == 0,
            "{w}x{h}"
        );
    }

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

    #[test]
    fn ctc_greedy_drops_blanks_and_repeats() {
        let classes: Vec<String> = ["", "A", "B", " "]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        // steps: A A blank A B space blank
        let steps: [[f32; 4]; 7] = [
            [0.1, 0.8, 0.05, 0.05],
            [0.1, 0.6, 0.2, 0.1],
            [0.9, 0.05, 0.05, 0.0],
            [0.0, 1.0, 0.0, 0.0],
            [0.1, 0.1, 0.7, 0.1],
            [0.2, 0.0, 0.0, 0.8],
            [1.0, 0.0, 0.0, 0.0],
        ];
        let flat: Vec<f32> = steps.iter().flatten().copied().collect();
        let (text, conf) = ctc_greedy(&flat, 4, &classes);
        assert_eq!(text.expose(), "AAB ");
        assert!((conf - (0.8 + 1.0 + 0.7 + 0.8) / 4.0).abs() < 1e-6);
        assert_eq!(format!("{text:?}"), "<redacted text, 4 bytes>");
        let (empty, conf) = ctc_greedy(&[1.0, 0.0, 0.0, 0.0], 4, &classes);
        assert_eq!((empty.expose(), conf), ("", 0.0));
    }

    #[test]
    fn recognition_batches_split_where_widths_spread() {
        // Input widths 48 × ratio (at least 320): 320, 320, 360, 480, 500, 1000.
        let ratios = [10.0, 1.0, 7.5, 20.0 + 5.0 / 6.0, 4.0, 10.0 + 5.0 / 12.0];
        // rapidocr (the default): one batch in ratio order, as wide as the widest crop.
        assert_eq!(OcrParams::default().rec_width_spread, f32::INFINITY);
        assert_eq!(
            rec_batches(&ratios, f32::INFINITY),
            vec![(vec![1, 4, 2, 0, 5, 3], 1000)]
        );
        // 360 ≤ 1.25 × 320 joins the first batch; 480 > 400 starts one, and 500 joins it.
        assert_eq!(
            rec_batches(&ratios, NARROW_REC_SPREAD),
            vec![(vec![1, 4, 2], 360), (vec![0, 5], 500), (vec![3], 1000)]
        );
        // At most BATCH crops to a batch, the cap on the width kept.
        let many = [100.0; 8];
        let batches = rec_batches(&many, NARROW_REC_SPREAD);
        assert_eq!(
            batches,
            vec![((0..6).collect(), REC_MAX_W), (vec![6, 7], REC_MAX_W)]
        );
        assert_eq!(rec_batches(&[], NARROW_REC_SPREAD), vec![]);
    }

    #[test]
    fn rotations() {
        // 2×1: a b  → ccw → 1×2: b over a; 180 → b a.
        let p = RgbPixels::new(2, 1, vec![1, 1, 1, 2, 2, 2]).unwrap();
        let r = rotate90_ccw(&p).unwrap();
        assert_eq!((r.width(), r.height()), (1, 2));
        assert_eq!(r.as_bytes(), &[2, 2, 2, 1, 1, 1]);
        assert_eq!(rotate180(&p).unwrap().as_bytes(), &[2, 2, 2, 1, 1, 1]);
    }
}
