//! The second half of the text stage: turning line crops the right way up (the direction
//! classifier) and reading them (the recogniser, CTC greedy decoding).

use zeroize::Zeroizing;

use super::glyphs::Glyph;
use super::{SecretText, paddle_norm};
use crate::Error;
use crate::models::{ModelId, ModelSession};
use crate::pipeline::pixels::{BoxF, RgbPixels, f32_of, sample_bgr_planar, usize_f32, usize_of};

/// Crops per classifier / recogniser batch.
const BATCH: usize = 6;
/// Recogniser input height.
const REC_H: usize = 48;
/// Recogniser minimum input width.
const REC_MIN_W: usize = 320;
/// Recogniser input width cap (ours; longer lines are squeezed).
const REC_MAX_W: usize = 3200;
/// Classifier input width.
const CLS_W: usize = 192;

/// Turns crops the classifier reads as upside down (label "180" above `thresh`); returns,
/// for each crop, whether it was turned.
pub(super) fn classify_orientation(
    model: &ModelSession,
    crops: &mut [RgbPixels],
    thresh: f32,
) -> Result<Vec<bool>, Error> {
    let mut turned = Vec::with_capacity(crops.len());
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
            let upside_down = matches!(p, &[p0, p180] if p180 > p0 && p180 > thresh);
            if upside_down {
                *crop = rotate180(crop)?;
            }
            turned.push(upside_down);
        }
    }
    Ok(turned)
}

/// What the recogniser read in one crop.
pub(super) struct Reading {
    /// The text.
    pub text: SecretText,
    /// Mean probability of the kept CTC steps (0 when none).
    pub score: f32,
    /// One entry per character of `text`: its CTC peak as fractions of the crop's width.
    pub glyphs: Vec<Glyph>,
}

/// Recognises each crop ([`Reading`]), in the batches of [`rec_batches`] (at most `spread`
/// times as wide as their narrowest crop).
///
/// Each batch is padded to its widest crop. Tried and dropped (text6): padding each batch
/// only to its own widest crop rounded up to 8 or 32 with no floor (rapidocr's floor is
/// [`REC_MIN_W`]) changed scores by up to 0.22 and the text of 13 of 57 lines on the test
/// images (the neck's global attention sees the zero padding); running each crop alone at
/// its batch's width reads the same, and costs 5–10 % less per crop single-threaded, but
/// with the wide session (the stage alone) the 256² radiograph's recognition took 121
/// instead of 83 ms (batch of one parallelises worse).
pub(super) fn recognise(
    model: &ModelSession,
    classes: &[String],
    crops: &[RgbPixels],
    spread: f32,
) -> Result<Vec<Reading>, Error> {
    let ratios: Vec<f32> = crops
        .iter()
        .map(|c| f32_of(c.width()) / f32_of(c.height().max(1)))
        .collect();
    let mut results: Vec<Reading> = (0..crops.len())
        .map(|_| Reading {
            text: SecretText::new(String::new()),
            score: 0.0,
            glyphs: Vec::new(),
        })
        .collect();
    let bad = |reason| Error::ModelOutput {
        model: ModelId::TextRec,
        reason,
    };
    for (batch, img_w) in rec_batches(&ratios, spread) {
        let mut input = Zeroizing::new(Vec::with_capacity(batch.len() * 3 * REC_H * img_w));
        let mut widths = Vec::with_capacity(batch.len());
        for &i in &batch {
            let crop = crops.get(i).ok_or(bad("crop index"))?;
            let w = resized_width(crop, img_w);
            widths.push(w);
            input.extend_from_slice(&Zeroizing::new(sample_whole(crop, w, img_w)));
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
        // Step `t` reads input columns `t·img_w/steps ..`; the crop fills `0..w` of them.
        let stride = usize_f32(img_w) / usize_f32(steps.max(1));
        let samples = probs.data.chunks_exact(steps * n_classes);
        for ((&i, &w), sample) in batch.iter().zip(&widths).zip(samples) {
            let (text, score, peaks) = ctc_peaks(sample, n_classes, classes);
            let at = |step: usize| (usize_f32(step) * stride / usize_f32(w.max(1))).min(1.0);
            let glyphs = peaks
                .into_iter()
                .map(|(first, last, space)| Glyph {
                    from: at(first),
                    to: at(last + 1),
                    space,
                })
                .collect();
            if let Some(slot) = results.get_mut(i) {
                *slot = Reading {
                    text,
                    score,
                    glyphs,
                };
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
    let (text, conf, _) = ctc_peaks(probs, n_classes, classes);
    (text, conf)
}

/// [`ctc_greedy`], also returning for each character of the text its peak: the first and
/// last step of the run where its class was the arg-max, and whether it is whitespace.
fn ctc_peaks(
    probs: &[f32],
    n_classes: usize,
    classes: &[String],
) -> (SecretText, f32, Vec<(usize, usize, bool)>) {
    let mut text = String::new();
    let mut peaks: Vec<(usize, usize, bool)> = Vec::new();
    let mut sum = 0.0f32;
    let mut kept = 0usize;
    let mut prev = None;
    // Characters pushed for the class of the current run (a dictionary entry may hold more
    // than one code point): their peaks end where the run ends.
    let mut run_chars = 0usize;
    for (t, step) in probs.chunks_exact(n_classes.max(1)).enumerate() {
        let (idx, p) = step
            .iter()
            .enumerate()
            .fold(
                (0usize, f32::MIN),
                |best, (i, &v)| if v > best.1 { (i, v) } else { best },
            );
        if idx != 0 && prev == Some(idx) {
            let n = peaks.len();
            for peak in peaks.iter_mut().skip(n.saturating_sub(run_chars)) {
                peak.1 = t;
            }
        } else {
            run_chars = 0;
        }
        if idx != 0 && prev != Some(idx) {
            let entry = classes.get(idx).map_or("", String::as_str);
            text.push_str(entry);
            for c in entry.chars() {
                peaks.push((t, t, c.is_whitespace()));
            }
            run_chars = entry.chars().count();
            sum += p;
            kept += 1;
        }
        prev = Some(idx);
    }
    let conf = if kept > 0 { sum / usize_f32(kept) } else { 0.0 };
    (SecretText::new(text), conf, peaks)
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
pub(super) fn rotate90_ccw(src: &RgbPixels) -> Result<RgbPixels, Error> {
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
    use crate::pipeline::ocr::{NARROW_REC_SPREAD, OcrParams};

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
        // Each character's peak: the run of steps its class held, spaces marked.
        let (_, _, peaks) = ctc_peaks(&flat, 4, &classes);
        assert_eq!(
            peaks,
            vec![(0, 1, false), (3, 3, false), (4, 4, false), (5, 5, true)]
        );
        // A dictionary entry of two code points gives two characters with one peak.
        let wide: Vec<String> = ["", "ﬁx", "B"].iter().map(|s| (*s).to_owned()).collect();
        let flat = [0.0, 0.9, 0.1, 0.0, 0.9, 0.1, 0.0, 0.1, 0.9];
        let (text, _, peaks) = ctc_peaks(&flat, 3, &wide);
        assert_eq!(text.expose(), "ﬁxB");
        assert_eq!(peaks, vec![(0, 1, false), (0, 1, false), (2, 2, false)]);
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
