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
//! Submodules follow the data flow: [`coarse`], [`edges`] (the stroke prior) and `views`
//! choose where the detector runs, `db` turns its probability map into boxes, [`fit`] cuts
//! line crops around the ink, and `recognise` runs the classifier and the recogniser on
//! them.
//!
//! Differences from rapidocr, on purpose: crops are cut around the line's ink found inside
//! the box, with a margin proportional to the ink's height ([`OcrParams::ink_fit`], see
//! [`fit`]; boxes without clear ink get [`OcrParams::rec_margin`] of their own height),
//! no letterbox padding for extreme strips (a pixel cap instead), bilinear rather than
//! bicubic crop sampling, and no line is dropped for low recognition confidence (redaction
//! must not depend on legibility). Redaction fills the axis-aligned box around each quad
//! (which over-covers slanted text), or only the part of it that holds an entity: the
//! recogniser's CTC peaks and the crop's blank columns place each character along the line
//! ([`glyphs`]).

pub mod coarse;
mod db;
pub mod edges;
pub mod fit;
pub mod glyphs;
mod recognise;
mod views;

use std::time::{Duration, Instant};

use self::coarse::{CoarseMap, candidate_windows};
pub use self::db::db_boxes;
use self::db::reading_order;
use self::glyphs::GlyphFrame;
pub use self::recognise::ctc_greedy;
use self::recognise::{classify_orientation, recognise, rotate90_ccw};
use self::views::{
    FINE_MARGIN, View, coarse_views, edge_windows, native_views, native_windows, whole_tiles,
};
use super::pixels::{
    BoxF, RgbPixels, clamp_px, f32_of, f64_of, nms, round_up_32, sample_bgr_planar, usize_f32,
    usize_of,
};
use super::quad::{Quad, warp_crop};
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
    /// Where each character of [`TextLine::text`] sits along the line, for filling only
    /// part of it; `None` when unknown (a line turned upright from vertical, or peaks the
    /// recogniser did not place in order): such a line is filled whole.
    pub glyphs: Option<GlyphFrame>,
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
/// The narrow-batch setting of [`OcrParams::rec_width_spread`] that was measured.
pub const NARROW_REC_SPREAD: f32 = 1.25;

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
    let mut frames = Vec::with_capacity(quads.len());
    for quad in quads {
        let (crop, frame) = line_crop(image, quad, params)?;
        crops.push(crop);
        frames.push(frame);
    }
    timings.crop += lap();
    if params.use_cls {
        let turned = classify_orientation(&models.text_cls, &mut crops, params.cls_thresh)?;
        for (frame, turned) in frames.iter_mut().zip(turned) {
            if turned {
                // The crop's start is now the quad's bottom-right corner.
                *frame = frame.map(|Quad([p0, p1, p2, p3])| Quad([p2, p3, p0, p1]));
            }
        }
    }
    // Where the upright crops have no ink from top to bottom (the word gaps).
    let frames: Vec<Option<(Quad, Vec<[f32; 2]>)>> = frames
        .into_iter()
        .zip(&crops)
        .map(|(frame, crop)| frame.map(|quad| (quad, glyphs::blank_columns(crop))))
        .collect();
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
        .zip(frames)
        .map(|((&quad, reading), frame)| {
            let recognise::Reading {
                text,
                score,
                glyphs,
            } = reading;
            // One glyph per character of the text, or no frame at all.
            let glyphs = frame
                .filter(|_| glyphs.len() == text.expose().chars().count())
                .and_then(|(frame, blanks)| GlyphFrame::new(frame, glyphs, blanks));
            TextLine {
                bbox: quad.pixel_box(),
                quad,
                score,
                text,
                glyphs,
            }
        })
        .collect())
}

/// The upright crop of the line in `quad` that cls and rec see, turned upright when it is
/// much taller than wide: with [`OcrParams::ink_fit`], the line's ink ([`fit::ink_box`])
/// with a margin of [`OcrParams::ink_margin`] of its height across the line and
/// [`INK_ALONG`] of that along it; otherwise (or when no clear ink is found) the quad with
/// [`OcrParams::rec_margin`] of its height across the line and a third of that along it.
/// Also returns the quadrilateral the crop was cut from, unless the crop was turned upright
/// (then the recogniser's columns do not run along it).
fn line_crop(
    image: &RgbPixels,
    quad: &Quad,
    params: &OcrParams,
) -> Result<(RgbPixels, Option<Quad>), Error> {
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
        Ok((rotate90_ccw(&crop)?, None))
    } else {
        Ok((crop, Some(padded)))
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
}
