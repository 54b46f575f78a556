//! The composed caption: a factual sentence from what the pipeline found, no model.
//!
//! ```text
//! <kind>[, <view>][, with <L/R> side marker(s)][, with burned-in text "<line>", ... (and N more lines)
//!   | , with N text regions]; <no faces | one face | N faces>.
//! ```
//!
//! - *kind* comes from [`ImageStats`]: an image is **greyscale** when its mean chroma
//!   (`max(r,g,b) − min(r,g,b)`, over a strided sample of at most [`MAX_SAMPLES`] pixels) is at
//!   most [`GREY_MEAN_CHROMA`] and at most [`GREY_SATURATED_FRACTION`] of the samples have a
//!   chroma above [`SATURATED_CHROMA`] (tolerates JPEG noise and a coloured annotation).
//!   A greyscale image whose luma spans at least [`RADIOGRAPH_MIN_SPREAD`] levels between its
//!   5th and 95th percentiles *and* whose text holds a view or side marker (below) is called
//!   *radiograph-like*; otherwise just *greyscale* (a black-and-white photo has the same
//!   tonal range, so pixels alone never make the claim).
//!   Anything else is a *colour photo-like image*. These are statements about pixels, not
//!   diagnoses.
//! - *view* and side markers come only from whole words in the (sanitized) text lines:
//!   `PORTABLE`, `AP`, `PA`, `LATERAL`/`LAT`, `L`, `R`.
//! - Text lines are quoted (`"` inside becomes `'`, control characters dropped), at most
//!   [`MAX_QUOTED_LINES`] lines of at most [`MAX_QUOTED_CHARS`] characters each.
//!
//! Nothing else is said: no findings, no objects, no people beyond the face count.

use obscura_protocol::api::{ModelDigest, RedactedText};
use obscura_protocol::secret::SecretText;

use super::{CaptionBackend, CaptionInput, Captioner, CaptionerIdentity};
use crate::Error;
use crate::pipeline::RgbPixels;

/// At most this many pixels are sampled for the statistics (bounds the cost on big images).
pub const MAX_SAMPLES: usize = 65_536;
/// Largest mean chroma of a greyscale image.
pub const GREY_MEAN_CHROMA: f32 = 6.0;
/// A pixel with a chroma above this is saturated.
pub const SATURATED_CHROMA: u8 = 40;
/// Largest fraction of saturated pixels in a greyscale image.
pub const GREY_SATURATED_FRACTION: f32 = 0.02;
/// Smallest 5th-to-95th percentile luma spread of a radiograph-like image.
pub const RADIOGRAPH_MIN_SPREAD: u8 = 64;
/// Most text lines quoted.
pub const MAX_QUOTED_LINES: usize = 3;
/// Most characters quoted from one line.
pub const MAX_QUOTED_CHARS: usize = 80;

/// Describes the template for the workload claims; its digest is the `composed` claim.
const TEMPLATE_VERSION: &str = "obscura-composed-caption-v2: kind(grey mean chroma<=6, \
     saturated(>40)<=2%, radiograph spread>=64 and a marker), markers PORTABLE AP PA LATERAL LAT L R, \
     quoted lines<=3 x 80 chars, face count";

/// The composed-caption backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct ComposedCaptioner;

impl Captioner for ComposedCaptioner {
    fn caption(&self, input: &CaptionInput<'_>) -> Result<SecretText, Error> {
        Ok(SecretText::new(compose(input)))
    }

    fn identity(&self) -> CaptionerIdentity {
        CaptionerIdentity {
            backend: CaptionBackend::Composed,
            models: vec![ModelDigest {
                name: "caption/composed/template-v2".to_owned(),
                sha256: obscura_onnx::sha256(TEMPLATE_VERSION.as_bytes()),
            }],
        }
    }
}

/// The kind of image, from pixel statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// Greyscale with a wide tonal range (and, in a caption, a view or side marker).
    RadiographLike,
    /// Greyscale, narrow tonal range.
    Greyscale,
    /// Colour.
    Colour,
    /// No pixels to judge.
    Empty,
}

impl ImageKind {
    fn phrase(self) -> &'static str {
        match self {
            Self::RadiographLike => "Greyscale radiograph-like image",
            Self::Greyscale => "Greyscale image",
            Self::Colour => "Colour photo-like image",
            Self::Empty => "Empty image",
        }
    }
}

/// Pixel statistics behind [`ImageKind`] (see the module docs for the definitions).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageStats {
    /// Pixels sampled.
    pub samples: usize,
    /// Mean of `max(r,g,b) − min(r,g,b)`.
    pub mean_chroma: f32,
    /// Fraction of samples with chroma above [`SATURATED_CHROMA`].
    pub saturated_fraction: f32,
    /// 95th minus 5th percentile of luma (`(r·77 + g·150 + b·29) >> 8`).
    pub luma_spread: u8,
}

impl ImageStats {
    /// Measures `pixels` on a strided sample.
    pub fn measure(pixels: &RgbPixels) -> Self {
        let data = pixels.as_bytes();
        let total = data.len() / 3;
        let stride = total.div_ceil(MAX_SAMPLES).max(1);
        let mut histogram = [0usize; 256];
        let (mut samples, mut chroma_sum, mut saturated) = (0usize, 0u64, 0usize);
        for px in data.chunks_exact(3).step_by(stride) {
            let &[r, g, b] = px else { continue };
            let chroma = r.max(g).max(b) - r.min(g).min(b);
            chroma_sum += u64::from(chroma);
            saturated += usize::from(chroma > SATURATED_CHROMA);
            let luma = (u32::from(r) * 77 + u32::from(g) * 150 + u32::from(b) * 29) >> 8;
            if let Some(bin) = histogram.get_mut(luma.min(255) as usize) {
                *bin += 1;
            }
            samples += 1;
        }
        if samples == 0 {
            return Self {
                samples,
                mean_chroma: 0.0,
                saturated_fraction: 0.0,
                luma_spread: 0,
            };
        }
        let n = samples as f32;
        let p5 = percentile(&histogram, samples, 5);
        let p95 = percentile(&histogram, samples, 95);
        Self {
            samples,
            mean_chroma: chroma_sum as f32 / n,
            saturated_fraction: saturated as f32 / n,
            luma_spread: p95.saturating_sub(p5),
        }
    }

    /// The kind these statistics indicate.
    pub fn kind(&self) -> ImageKind {
        if self.samples == 0 {
            ImageKind::Empty
        } else if self.mean_chroma > GREY_MEAN_CHROMA
            || self.saturated_fraction > GREY_SATURATED_FRACTION
        {
            ImageKind::Colour
        } else if self.luma_spread >= RADIOGRAPH_MIN_SPREAD {
            ImageKind::RadiographLike
        } else {
            ImageKind::Greyscale
        }
    }
}

/// The smallest luma level at or below which `pct` % of the samples lie.
fn percentile(histogram: &[usize; 256], samples: usize, pct: usize) -> u8 {
    let target = (samples * pct).div_ceil(100).max(1);
    let mut seen = 0;
    for (level, count) in (0u8..=255).zip(histogram.iter()) {
        seen += count;
        if seen >= target {
            return level;
        }
    }
    u8::MAX
}

/// Markers found as whole words in the text lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Markers {
    /// `PORTABLE`.
    pub portable: bool,
    /// `AP`.
    pub ap: bool,
    /// `PA`.
    pub pa: bool,
    /// `LATERAL` or `LAT`.
    pub lateral: bool,
    /// `L`.
    pub left: bool,
    /// `R`.
    pub right: bool,
}

impl Markers {
    /// Scans `lines` for marker words (split on anything not alphanumeric, case-insensitive).
    pub fn find(lines: &[RedactedText]) -> Self {
        let mut m = Self::default();
        for word in lines
            .iter()
            .flat_map(|l| l.as_str().split(|c: char| !c.is_alphanumeric()))
        {
            match word.to_ascii_uppercase().as_str() {
                "PORTABLE" => m.portable = true,
                "AP" => m.ap = true,
                "PA" => m.pa = true,
                "LATERAL" | "LAT" => m.lateral = true,
                "L" => m.left = true,
                "R" => m.right = true,
                _ => {}
            }
        }
        m
    }

    /// Whether any marker was found.
    pub fn any(&self) -> bool {
        self.portable || self.ap || self.pa || self.lateral || self.left || self.right
    }

    fn view(&self) -> Option<String> {
        let projections: Vec<&str> = [(self.ap, "AP"), (self.pa, "PA"), (self.lateral, "lateral")]
            .iter()
            .filter_map(|&(found, name)| found.then_some(name))
            .collect();
        if projections.is_empty() && !self.portable {
            return None;
        }
        let mut view = String::new();
        if self.portable {
            view.push_str("portable ");
        }
        if !projections.is_empty() {
            view.push_str(&projections.join(" and "));
            view.push(' ');
        }
        view.push_str("view");
        Some(view)
    }

    fn sides(&self) -> Option<&'static str> {
        match (self.left, self.right) {
            (true, true) => Some("with L and R side markers"),
            (true, false) => Some("with an L side marker"),
            (false, true) => Some("with an R side marker"),
            (false, false) => None,
        }
    }
}

/// Builds the sentence (see the module docs).
pub fn compose(input: &CaptionInput<'_>) -> String {
    let markers = Markers::find(input.text_lines);
    let kind = match ImageStats::measure(input.pixels).kind() {
        ImageKind::RadiographLike if !markers.any() => ImageKind::Greyscale,
        kind => kind,
    };
    let mut parts: Vec<String> = vec![kind.phrase().to_owned()];
    parts.extend(markers.view());
    parts.extend(markers.sides().map(str::to_owned));
    let quoted: Vec<String> = input
        .text_lines
        .iter()
        .map(|l| quote(l.as_str()))
        .filter(|q| q.len() > 2)
        .collect();
    if !quoted.is_empty() {
        let shown = quoted.len().min(MAX_QUOTED_LINES);
        let mut text = format!(
            "with burned-in text {}",
            quoted.get(..shown).unwrap_or_default().join(", ")
        );
        match quoted.len() - shown {
            0 => {}
            1 => text.push_str(" (and 1 more line)"),
            more => text.push_str(&format!(" (and {more} more lines)")),
        }
        parts.push(text);
    } else if input.text_regions > 0 {
        parts.push(match input.text_regions {
            1 => "with 1 text region".to_owned(),
            n => format!("with {n} text regions"),
        });
    }
    let faces = match input.faces {
        0 => "no faces".to_owned(),
        1 => "one face".to_owned(),
        n => format!("{n} faces"),
    };
    format!("{}; {faces}.", parts.join(", "))
}

/// `"line"`, trimmed, control characters dropped, `"` → `'`, cut at [`MAX_QUOTED_CHARS`].
fn quote(line: &str) -> String {
    let mut out = String::with_capacity(line.len().min(MAX_QUOTED_CHARS * 4) + 2);
    out.push('"');
    let mut chars = line
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c });
    out.extend(chars.by_ref().take(MAX_QUOTED_CHARS));
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<RedactedText> {
        texts
            .iter()
            .map(|t| RedactedText::new((*t).to_owned()))
            .collect()
    }

    /// A greyscale gradient (wide luma spread) with a dark border, like a radiograph.
    fn radiograph() -> RgbPixels {
        let (w, h) = (200u32, 150u32);
        let mut data = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let v = if x < 10 || y < 10 {
                    0
                } else {
                    u8::try_from((x + y) * 255 / (w + h)).unwrap()
                };
                data.extend([v, v, v.saturating_add(1)]);
            }
        }
        RgbPixels::new(w, h, data).unwrap()
    }

    fn caption(pixels: &RgbPixels, faces: usize, regions: usize, text: &[&str]) -> String {
        let text = lines(text);
        compose(&CaptionInput {
            pixels,
            faces,
            text_regions: regions,
            text_lines: &text,
        })
    }

    #[test]
    fn the_issue_example() {
        assert_eq!(
            caption(
                &radiograph(),
                0,
                2,
                &["PATIENT: PERSON_1 DOB: [DATE]", "PORTABLE AP"]
            ),
            "Greyscale radiograph-like image, portable AP view, with burned-in text \
             \"PATIENT: PERSON_1 DOB: [DATE]\", \"PORTABLE AP\"; no faces."
        );
    }

    #[test]
    fn statistic_separates_grey_radiograph_and_colour() {
        let stats = ImageStats::measure(&radiograph());
        assert!(stats.mean_chroma <= 1.0, "{stats:?}");
        assert!(stats.luma_spread >= RADIOGRAPH_MIN_SPREAD, "{stats:?}");
        assert_eq!(stats.kind(), ImageKind::RadiographLike);

        let flat = RgbPixels::filled(40, 30, [120, 120, 120]).unwrap();
        let stats = ImageStats::measure(&flat);
        assert_eq!((stats.luma_spread, stats.mean_chroma), (0, 0.0));
        assert_eq!(stats.kind(), ImageKind::Greyscale);

        let red = RgbPixels::filled(40, 30, [200, 40, 40]).unwrap();
        assert_eq!(ImageStats::measure(&red).kind(), ImageKind::Colour);

        // A grey image with a small coloured annotation (1 % of pixels) stays greyscale.
        let mut annotated = radiograph();
        for x in 0..30 {
            annotated.put(20 + x, 20, [255, 0, 0]);
        }
        assert_eq!(
            ImageStats::measure(&annotated).kind(),
            ImageKind::RadiographLike
        );

        let empty = RgbPixels::new(0, 0, Vec::new()).unwrap();
        assert_eq!(ImageStats::measure(&empty).kind(), ImageKind::Empty);
    }

    #[test]
    fn pixels_alone_never_call_an_image_a_radiograph() {
        // The same wide-range grey pixels: a black-and-white photo of a person, a photo with a
        // stray word, and an overlay with a side marker.
        assert_eq!(
            caption(&radiograph(), 1, 0, &[]),
            "Greyscale image; one face."
        );
        assert_eq!(
            caption(&radiograph(), 0, 1, &["EXIT"]),
            "Greyscale image, with burned-in text \"EXIT\"; no faces."
        );
        assert_eq!(
            caption(&radiograph(), 0, 1, &["R"]),
            "Greyscale radiograph-like image, with an R side marker, with burned-in text \"R\"; no faces."
        );
    }

    #[test]
    fn colour_photo_with_faces_and_no_text() {
        let red = RgbPixels::filled(64, 48, [200, 40, 40]).unwrap();
        assert_eq!(
            caption(&red, 1, 0, &[]),
            "Colour photo-like image; one face."
        );
        assert_eq!(
            caption(&red, 3, 2, &[]),
            "Colour photo-like image, with 2 text regions; 3 faces."
        );
    }

    #[test]
    fn markers_are_whole_words_only() {
        let m = Markers::find(&lines(&["LAT R", "PAPER LAPTOP"]));
        assert_eq!(
            m,
            Markers {
                lateral: true,
                right: true,
                ..Markers::default()
            }
        );
        let grey = RgbPixels::filled(8, 8, [10, 10, 10]).unwrap();
        assert_eq!(
            caption(&grey, 0, 1, &["pa lat", "L"]),
            "Greyscale image, PA and lateral view, with an L side marker, \
             with burned-in text \"pa lat\", \"L\"; no faces."
        );
    }

    #[test]
    fn lines_are_quoted_capped_and_counted() {
        let grey = RgbPixels::filled(8, 8, [10, 10, 10]).unwrap();
        let long = "X".repeat(MAX_QUOTED_CHARS + 5);
        let got = caption(&grey, 0, 5, &["a \"b\"\u{7}", &long, "c", "d", "e", "  "]);
        let want = format!(
            "Greyscale image, with burned-in text \"a 'b'\", \"{}…\", \"c\" \
             (and 2 more lines); no faces.",
            "X".repeat(MAX_QUOTED_CHARS)
        );
        assert_eq!(got, want);
        assert_eq!(
            caption(&grey, 0, 2, &["c", "d", "e", "f"]),
            "Greyscale image, with burned-in text \"c\", \"d\", \"e\" (and 1 more line); no faces."
        );
    }

    #[test]
    fn identity_is_the_template_digest() {
        let id = ComposedCaptioner.identity();
        assert_eq!(id.backend, CaptionBackend::Composed);
        assert_eq!(
            id.models,
            vec![ModelDigest {
                name: "caption/composed/template-v2".to_owned(),
                sha256: obscura_onnx::sha256(TEMPLATE_VERSION.as_bytes()),
            }]
        );
    }
}
