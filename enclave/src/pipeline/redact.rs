//! Stage 4: fill faces and PII text with a solid colour (never a blur or mosaic, which can
//! be reversed or recognised through).

use obscura_protocol::api::BoundingBox;

use super::faces::Face;
use super::ocr::TextLine;
use super::pixels::{BoxF, RgbPixels};

/// Fill colour (black).
pub const FILL: [u8; 3] = [0, 0, 0];
/// Face boxes are enlarged by this factor in width and height before filling (CenterFace
/// boxes hug the face; hair, ears and chin are identifying too).
pub const FACE_MARGIN: f32 = 1.2;
/// Text boxes are enlarged by this factor (descenders, antialiasing).
pub const TEXT_MARGIN: f32 = 1.1;

/// Decides which recognised text lines hold personal information and must be filled.
pub trait PiiDecider {
    /// True when `line` must be redacted.
    fn is_pii(&self, line: &TextLine) -> bool;
}

/// The conservative default: every text region is redacted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RedactAllText;

impl PiiDecider for RedactAllText {
    fn is_pii(&self, _line: &TextLine) -> bool {
        true
    }
}

/// How much of one recognised text line to fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFill {
    /// Nothing: the line holds no personal information.
    Keep,
    /// The whole line: its box enlarged by [`TEXT_MARGIN`].
    Whole,
    /// The characters `start..end` (code points of the line's recognised text), from the
    /// peak of the character before them to the peak of the one after
    /// ([`GlyphFrame::cover`](super::ocr::glyphs::GlyphFrame::cover)), across the line's
    /// whole enlarged height. A line whose glyph positions are unknown is filled whole.
    Chars {
        /// First character to hide.
        start: usize,
        /// One past the last character to hide.
        end: usize,
    },
}

impl From<bool> for TextFill {
    fn from(pii: bool) -> Self {
        if pii { Self::Whole } else { Self::Keep }
    }
}

impl TextFill {
    /// The rectangle (image coordinates, before rounding to pixels) this fill covers on
    /// `line`, or `None` for [`TextFill::Keep`].
    pub fn rect(self, line: &TextLine) -> Option<BoxF> {
        let whole = line.bbox.enlarged(TEXT_MARGIN);
        let (start, end) = match self {
            Self::Keep => return None,
            Self::Whole => return Some(whole),
            Self::Chars { start, end } => (start, end),
        };
        let Some((frame, [from, to])) = line
            .glyphs
            .as_ref()
            .and_then(|frame| Some((frame, frame.cover(start, end)?)))
        else {
            return Some(whole);
        };
        // A part that reaches an end of the line runs on past it (then is cut to the
        // enlarged box), so that the line's margin there is filled too.
        let from = if from <= 0.0 { -1.0 } else { from };
        let to = if to >= 1.0 { 2.0 } else { to };
        let part = frame.part_box([from, to]);
        let (x0, x1) = (part.x0.max(whole.x0), part.x1.min(whole.x1));
        Some(if x0 < x1 {
            BoxF {
                x0,
                y0: whole.y0,
                x1,
                y1: whole.y1,
            }
        } else {
            whole
        })
    }
}

/// What was filled, in image pixel coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Redactions {
    /// The filled rectangle for each face, in input order.
    pub faces: Vec<BoundingBox>,
    /// For each text line, in input order: the filled rectangle, or `None` when kept.
    pub text: Vec<Option<BoundingBox>>,
}

/// Fills every face and the part of each text line its entry in `fills` says, in place. A
/// line without an entry (a shorter `fills`) is filled whole: the decision fails closed.
pub fn redact(
    pixels: &mut RgbPixels,
    faces: &[Face],
    text: &[TextLine],
    fills: &[TextFill],
) -> Redactions {
    let (w, h) = (pixels.width(), pixels.height());
    let faces = faces
        .iter()
        .map(|f| {
            let rect = f.bbox.enlarged(FACE_MARGIN).to_pixels(w, h);
            pixels.fill(rect, FILL);
            rect
        })
        .collect();
    let text = text
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let fill = fills.get(i).copied().unwrap_or(TextFill::Whole);
            fill.rect(line).map(|rect| {
                let rect = rect.to_pixels(w, h);
                pixels.fill(rect, FILL);
                rect
            })
        })
        .collect();
    Redactions { faces, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::ocr::SecretText;
    use crate::pipeline::pixels::BoxF;
    use crate::pipeline::quad::Quad;

    fn count(p: &RgbPixels, rgb: [u8; 3]) -> usize {
        p.as_bytes().chunks_exact(3).filter(|px| *px == rgb).count()
    }

    #[test]
    fn fills_enlarged_face_and_decided_text() {
        let mut p = RgbPixels::filled(100, 100, [200, 200, 200]).unwrap();
        let face = Face {
            bbox: BoxF {
                x0: 10.0,
                y0: 10.0,
                x1: 30.0,
                y1: 30.0,
            },
            score: 0.9,
        };
        let line = TextLine {
            bbox: BoxF {
                x0: 50.0,
                y0: 80.0,
                x1: 90.0,
                y1: 90.0,
            },
            quad: Quad([[50.0, 80.0], [89.0, 80.0], [89.0, 89.0], [50.0, 89.0]]),
            score: 0.8,
            text: SecretText::new("X".to_owned()),
            glyphs: None,
        };
        let r = redact(
            &mut p,
            &[face],
            std::slice::from_ref(&line),
            &[TextFill::Whole],
        );
        // 20×20 enlarged by 1.2 → 24×24 at (8, 8).
        assert_eq!(
            r.faces,
            vec![BoundingBox {
                x: 8,
                y: 8,
                width: 24,
                height: 24
            }]
        );
        // 40×10 enlarged by 1.1 → 44×11 at (48, 79.5) → covering (48, 79)–(92, 91).
        assert_eq!(
            r.text,
            vec![Some(BoundingBox {
                x: 48,
                y: 79,
                width: 44,
                height: 12
            })]
        );
        assert_eq!(count(&p, FILL), 24 * 24 + 44 * 12);
        assert_eq!(p.get(7, 8), Some([200, 200, 200]));
        assert_eq!(p.get(8, 8), Some(FILL));

        let mut q = RgbPixels::filled(100, 100, [200, 200, 200]).unwrap();
        let r = redact(&mut q, &[], std::slice::from_ref(&line), &[TextFill::Keep]);
        assert_eq!(r.text, vec![None]);
        assert_eq!(count(&q, FILL), 0);
        // No decision for a line: it is filled (fail closed).
        let r = redact(&mut q, &[], std::slice::from_ref(&line), &[]);
        assert_eq!(count(&q, FILL), 44 * 12);
        assert!(r.text[0].is_some());
    }

    #[test]
    fn a_part_of_a_line_is_filled_between_its_neighbours_peaks() {
        use crate::pipeline::ocr::glyphs::{Glyph, GlyphFrame};
        let quad = Quad([[10.0, 20.0], [110.0, 20.0], [110.0, 30.0], [10.0, 30.0]]);
        let g = |from: f32, to: f32, space: bool| Glyph { from, to, space };
        // "AB CD", peaks at 0.10, 0.30, (space 0.45), 0.60, 0.80 of the line.
        let glyphs = vec![
            g(0.10, 0.15, false),
            g(0.30, 0.35, false),
            g(0.45, 0.50, true),
            g(0.60, 0.65, false),
            g(0.80, 0.85, false),
        ];
        let line = TextLine {
            bbox: BoxF {
                x0: 10.0,
                y0: 20.0,
                x1: 111.0,
                y1: 31.0,
            },
            quad,
            score: 0.9,
            text: SecretText::new("AB CD".to_owned()),
            glyphs: GlyphFrame::new(quad, glyphs, Vec::new()),
        };
        let whole = line.bbox.enlarged(TEXT_MARGIN);
        // "CD": from the end of B's peak (x = 45) to the end of the enlarged box.
        let cd = TextFill::Chars { start: 3, end: 5 }.rect(&line).unwrap();
        assert_eq!(
            (cd.x0, cd.x1, cd.y0, cd.y1),
            (45.0, whole.x1, whole.y0, whole.y1)
        );
        // "B": between A's peak end (x = 25) and C's peak start (x = 70, +1 exclusive).
        let b = TextFill::Chars { start: 1, end: 2 }.rect(&line).unwrap();
        assert_eq!((b.x0, b.x1), (25.0, 71.0));
        // Every character: the whole enlarged box.
        assert_eq!(
            TextFill::Chars { start: 0, end: 5 }.rect(&line),
            Some(whole)
        );
        // Out of range, or no frame: the whole box (fail closed); Keep: nothing.
        assert_eq!(
            TextFill::Chars { start: 4, end: 9 }.rect(&line),
            Some(whole)
        );
        let unplaced = TextLine {
            glyphs: None,
            ..line.clone()
        };
        assert_eq!(
            TextFill::Chars { start: 3, end: 5 }.rect(&unplaced),
            Some(whole)
        );
        assert_eq!(TextFill::Keep.rect(&line), None);

        let mut p = RgbPixels::filled(130, 40, [200, 200, 200]).unwrap();
        let r = redact(
            &mut p,
            &[],
            &[line],
            &[TextFill::Chars { start: 3, end: 5 }],
        );
        let filled = r.text[0].unwrap();
        assert_eq!((filled.x, filled.y), (45, 19));
        assert_eq!(p.get(44, 25), Some([200, 200, 200]));
        assert_eq!(p.get(45, 25), Some(FILL));
    }

    #[test]
    fn boxes_past_the_edge_are_clipped() {
        let mut p = RgbPixels::filled(10, 10, [1, 1, 1]).unwrap();
        let face = Face {
            bbox: BoxF {
                x0: -5.0,
                y0: 5.0,
                x1: 5.0,
                y1: 30.0,
            },
            score: 0.5,
        };
        let r = redact(&mut p, &[face], &[], &[]);
        assert_eq!(
            r.faces,
            vec![BoundingBox {
                x: 0,
                y: 2,
                width: 6,
                height: 8
            }]
        );
        assert_eq!(count(&p, FILL), 6 * 8);
    }
}
