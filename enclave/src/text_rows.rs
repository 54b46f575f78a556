//! Joins the text detector's boxes into visual rows for the sanitizer.
//!
//! PP-OCR's detector often returns one box per word ("PATIENT:", "JOHN", "SMITH"); a name
//! split over boxes has no context on its own, so boxes on the same row are joined (left to
//! right, one space between) into one text, and each box remembers its code-point range in
//! that text. The sanitizer's spans are then mapped back onto the boxes they touch.
//!
//! Written here because the rule is specific to how our detector splits lines: two boxes are
//! on one row when their vertical extents overlap by at least half of the shorter one and
//! the horizontal gap between them is at most [`MAX_GAP_HEIGHTS`] times the row's height.

use obscura_protocol::secret::SecretText;

use crate::pipeline::{BoxF, TextLine};

/// Largest horizontal gap between neighbouring boxes of one row, in box heights.
pub const MAX_GAP_HEIGHTS: f32 = 2.5;

const ZERO: BoxF = BoxF {
    x0: 0.0,
    y0: 0.0,
    x1: 0.0,
    y1: 0.0,
};

/// One visual row of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The joined text (plaintext; zeroized on drop).
    pub text: SecretText,
    /// Box covering every member.
    pub bbox: BoxF,
    /// Lowest recognition score of the members.
    pub score: f32,
    /// For each member, left to right: its index in the detector's list and its code-point
    /// range `start..end` in [`Row::text`].
    pub members: Vec<(usize, usize, usize)>,
}

/// Groups `lines` into rows, top to bottom; every line belongs to exactly one row.
pub fn group(lines: &[TextLine]) -> Vec<Row> {
    let bbox = |i: usize| lines.get(i).map(|l| l.bbox).unwrap_or(ZERO);
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (bbox(a), bbox(b));
        (a.y0 + a.y1)
            .total_cmp(&(b.y0 + b.y1))
            .then(a.x0.total_cmp(&b.x0))
    });
    // Rows as lists of indices; a line joins the first row it fits, else starts one.
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let Some(line) = lines.get(i) else { continue };
        let fits = rows.iter_mut().find(|row| {
            row.iter()
                .filter_map(|&j| lines.get(j))
                .any(|other| same_row(&line.bbox, &other.bbox))
        });
        match fits {
            Some(row) => row.push(i),
            None => rows.push(vec![i]),
        }
    }
    rows.into_iter()
        .map(|mut members| {
            members.sort_by(|&a, &b| bbox(a).x0.total_cmp(&bbox(b).x0));
            build_row(lines, &members)
        })
        .collect()
}

fn same_row(a: &BoxF, b: &BoxF) -> bool {
    let (ha, hb) = (a.y1 - a.y0, b.y1 - b.y0);
    let overlap = a.y1.min(b.y1) - a.y0.max(b.y0);
    if overlap < 0.5 * ha.min(hb) {
        return false;
    }
    let gap = if a.x0 <= b.x0 {
        b.x0 - a.x1
    } else {
        a.x0 - b.x1
    };
    gap <= MAX_GAP_HEIGHTS * ha.max(hb)
}

fn build_row(lines: &[TextLine], members: &[usize]) -> Row {
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(members.len());
    let mut bbox: Option<BoxF> = None;
    let mut score = f32::INFINITY;
    let mut chars = 0usize;
    for &i in members {
        let Some(line) = lines.get(i) else { continue };
        if !text.is_empty() {
            text.push(' ');
            chars += 1;
        }
        let word = line.text.expose();
        let len = word.chars().count();
        text.push_str(word);
        ranges.push((i, chars, chars + len));
        chars += len;
        score = score.min(line.score);
        let b = line.bbox;
        bbox = Some(match bbox {
            None => b,
            Some(u) => BoxF {
                x0: u.x0.min(b.x0),
                y0: u.y0.min(b.y0),
                x1: u.x1.max(b.x1),
                y1: u.y1.max(b.y1),
            },
        });
    }
    Row {
        text: SecretText::new(text),
        bbox: bbox.unwrap_or(ZERO),
        score: if score.is_finite() { score } else { 0.0 },
        members: ranges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::quad::Quad;

    fn word(text: &str, x0: f32, y0: f32, x1: f32, y1: f32) -> TextLine {
        TextLine {
            bbox: BoxF { x0, y0, x1, y1 },
            quad: Quad([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]),
            score: 0.9,
            text: SecretText::new(text.to_owned()),
            glyphs: None,
        }
    }

    #[test]
    fn words_on_one_row_are_joined_in_reading_order() {
        // Detector order is arbitrary: the second row's word first, then row one backwards.
        let lines = vec![
            word("01/02/1960", 120.0, 110.0, 360.0, 138.0),
            word("SMITH", 350.0, 31.0, 470.0, 58.0),
            word("PATIENT:", 20.0, 30.0, 210.0, 58.0),
            word("JOHN", 235.0, 30.0, 330.0, 57.0),
            word("DATE", 20.0, 110.0, 110.0, 138.0),
            // Far to the right on the first row: a separate row.
            word("L", 900.0, 30.0, 920.0, 58.0),
        ];
        let rows = group(&lines);
        let texts: Vec<&str> = rows.iter().map(|r| r.text.expose()).collect();
        assert_eq!(texts, vec!["PATIENT: JOHN SMITH", "L", "DATE 01/02/1960"]);
        assert_eq!(rows[0].members, vec![(2, 0, 8), (3, 9, 13), (1, 14, 19)]);
        assert_eq!(rows[2].members, vec![(4, 0, 4), (0, 5, 15)]);
        assert_eq!(
            rows[0].bbox,
            BoxF {
                x0: 20.0,
                y0: 30.0,
                x1: 470.0,
                y1: 58.0
            }
        );
        // Every line is in exactly one row.
        let mut seen: Vec<usize> = rows
            .iter()
            .flat_map(|r| r.members.iter().map(|m| m.0))
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..lines.len()).collect::<Vec<_>>());
    }

    #[test]
    fn empty_and_non_ascii_words_keep_code_point_ranges() {
        let lines = vec![
            word("Dr.", 0.0, 0.0, 30.0, 20.0),
            word("Müller", 40.0, 0.0, 100.0, 20.0),
            word("", 110.0, 0.0, 120.0, 20.0),
        ];
        let rows = group(&lines);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].text.expose(), "Dr. Müller ");
        assert_eq!(rows[0].members, vec![(0, 0, 3), (1, 4, 10), (2, 11, 11)]);
        assert!(group(&[]).is_empty());
    }
}
