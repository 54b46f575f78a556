//! Stage 4: fill faces and PII text with a solid colour (never a blur or mosaic, which can
//! be reversed or recognised through).

use obscura_protocol::api::BoundingBox;

use super::faces::Face;
use super::ocr::TextLine;
use super::pixels::RgbPixels;

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

/// What was filled, in image pixel coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Redactions {
    /// The filled rectangle for each face, in input order.
    pub faces: Vec<BoundingBox>,
    /// For each text line, in input order: the filled rectangle, or `None` when kept.
    pub text: Vec<Option<BoundingBox>>,
}

/// Fills every face and each text line whose entry in `pii` is true, in place. A line
/// without an entry (a shorter `pii`) is filled: the decision fails closed.
pub fn redact(
    pixels: &mut RgbPixels,
    faces: &[Face],
    text: &[TextLine],
    pii: &[bool],
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
            pii.get(i).copied().unwrap_or(true).then(|| {
                let rect = line.bbox.enlarged(TEXT_MARGIN).to_pixels(w, h);
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
        };
        let r = redact(&mut p, &[face], std::slice::from_ref(&line), &[true]);
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
        let r = redact(&mut q, &[], std::slice::from_ref(&line), &[false]);
        assert_eq!(r.text, vec![None]);
        assert_eq!(count(&q, FILL), 0);
        // No decision for a line: it is filled (fail closed).
        let r = redact(&mut q, &[], std::slice::from_ref(&line), &[]);
        assert_eq!(count(&q, FILL), 44 * 12);
        assert!(r.text[0].is_some());
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
