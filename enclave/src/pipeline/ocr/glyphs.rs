//! Where each recognised character sits along its line, so that redaction can fill only the
//! part of a detector box that holds personal information (`PATIENT: JOHN SMITH` keeps
//! `PATIENT:`).
//!
//! Written here because no crate maps CTC steps back to image pixels: the recogniser emits
//! one probability row per 8-pixel column of its 48-pixel-high input, and greedy decoding
//! keeps, for each character, the run of steps where its class was the arg-max (its
//! *peak*). A peak lies inside the character's ink, but where the ink begins and ends is
//! not known. So the cover of a run of characters is bounded by its *neighbours'* peaks,
//! never by its own: from the end of the peak of the nearest non-space character before
//! it to the start of the peak of the nearest non-space character after it (or the line's
//! end). Whatever the glyph widths, every pixel of the covered characters lies between
//! those two peaks.
//!
//! Between the neighbour's peak and the run's first peak there is usually the gap between
//! two words. The crop's *blank columns* (no contrast from top to bottom, see
//! [`blank_columns`]) find it: the cover then starts where the first blank run after the
//! neighbour's peak starts (and ends where the last blank run before the next neighbour's
//! peak ends), so the neighbour keeps its ink and the whole gap is filled. Without a blank
//! column there (glued characters, textured background) the peaks bound the cover, and the
//! neighbour may lose the part of its ink past its peak.

use super::Quad;
use crate::pipeline::pixels::{BoxF, RgbPixels, f32_of};

/// A column is blank when its luminance range is below this share of the crop's range.
pub const BLANK_SHARE: f32 = 0.25;
/// ... and below this absolute range (0–255), whatever the crop's range.
pub const BLANK_FLOOR: f32 = 12.0;

/// The runs of blank columns of `crop` (upright, as the recogniser saw it), as fractions
/// `[from, to]` of its width: columns whose luminance range, top to bottom, is under
/// [`BLANK_SHARE`] of the whole crop's range (or under [`BLANK_FLOOR`] when the crop is
/// nearly flat). A line crop has background above and below its ink, so a column that
/// crosses a stroke has the full contrast and one in a gap between words has almost none.
pub fn blank_columns(crop: &RgbPixels) -> Vec<[f32; 2]> {
    let (w, h) = (crop.width(), crop.height());
    let luma = |x: u32, y: u32| {
        crop.get(x, y).map_or(0.0, |[r, g, b]| {
            0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b)
        })
    };
    let ranges: Vec<[f32; 2]> = (0..w)
        .map(|x| {
            (0..h).fold([f32::INFINITY, f32::NEG_INFINITY], |[lo, hi], y| {
                let v = luma(x, y);
                [lo.min(v), hi.max(v)]
            })
        })
        .collect();
    let lo = ranges.iter().map(|r| r[0]).fold(f32::INFINITY, f32::min);
    let hi = ranges
        .iter()
        .map(|r| r[1])
        .fold(f32::NEG_INFINITY, f32::max);
    let limit = (BLANK_SHARE * (hi - lo)).max(BLANK_FLOOR);
    let mut runs = Vec::new();
    let mut open: Option<u32> = None;
    let width = f32_of(w.max(1));
    for (x, r) in (0..w).zip(&ranges) {
        let blank = r[1] - r[0] < limit;
        match (blank, open) {
            (true, None) => open = Some(x),
            (false, Some(from)) => {
                runs.push([f32_of(from) / width, f32_of(x) / width]);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(from) = open {
        runs.push([f32_of(from) / width, 1.0]);
    }
    runs
}

/// One recognised character: the fractions `[from, to]` (0 at the start of the line, 1 at
/// its end, in reading direction) of its CTC peak, and whether it is a space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Start of the peak along the line, in 0..=1.
    pub from: f32,
    /// End of the peak along the line, in 0..=1.
    pub to: f32,
    /// The character is whitespace (its peak sits in a gap, not on ink).
    pub space: bool,
}

/// The geometry of one read line: the quadrilateral the recogniser saw, corners in reading
/// order (`[start-top, end-top, end-bottom, start-bottom]`, so a line read upside down has
/// its corners turned), and one [`Glyph`] per character of the recognised text.
///
/// `Debug` prints only the number of characters: where the spaces fall says something of
/// the text.
#[derive(Clone, PartialEq)]
pub struct GlyphFrame {
    quad: Quad,
    glyphs: Vec<Glyph>,
    /// Runs of blank columns ([`blank_columns`]), in reading order.
    blanks: Vec<[f32; 2]>,
}

impl std::fmt::Debug for GlyphFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<glyph frame, {} characters>", self.glyphs.len())
    }
}

impl GlyphFrame {
    /// A frame over `quad` (reading order) with `glyphs` in text order and the crop's
    /// runs of blank columns `blanks` (ascending, as [`blank_columns`] returns them). `None`
    /// unless the glyphs are in reading order and inside the line (a frame that cannot be
    /// trusted is not built: the caller then fills the whole box).
    pub fn new(quad: Quad, glyphs: Vec<Glyph>, blanks: Vec<[f32; 2]>) -> Option<Self> {
        let inside = glyphs.iter().all(|g| {
            (0.0..=1.0).contains(&g.from) && (0.0..=1.0).contains(&g.to) && g.from <= g.to
        });
        let ordered = glyphs.windows(2).all(|w| match w {
            [a, b] => a.to <= b.from,
            _ => true,
        });
        let blanks_ordered = blanks.windows(2).all(|w| match w {
            [a, b] => a[1] <= b[0],
            _ => true,
        }) && blanks
            .iter()
            .all(|b| 0.0 <= b[0] && b[0] <= b[1] && b[1] <= 1.0);
        (inside && ordered && blanks_ordered).then_some(Self {
            quad,
            glyphs,
            blanks,
        })
    }

    /// Number of characters the frame places.
    pub fn len(&self) -> usize {
        self.glyphs.len()
    }

    /// True when the frame places no character.
    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    /// The fractions `[from, to]` of the line that cover characters `start..end` (code
    /// points of the recognised text), bounded by the neighbours' peaks and moved out to
    /// the word gaps as the module says; `None` for an empty or out-of-range run.
    pub fn cover(&self, start: usize, end: usize) -> Option<[f32; 2]> {
        if start >= end || end > self.glyphs.len() {
            return None;
        }
        let before = self.glyphs.get(..start)?;
        let after = self.glyphs.get(end..)?;
        let first = self.glyphs.get(start)?;
        let last = self.glyphs.get(end - 1)?;
        let from = match before.iter().rev().find(|g| !g.space) {
            None => 0.0,
            Some(prev) => {
                // The first blank run that ends past the neighbour's peak, if it starts
                // before the run's first peak: the neighbour's ink ends where it starts.
                let i = self.blanks.partition_point(|b| b[1] <= prev.to);
                self.blanks
                    .get(i)
                    .filter(|b| b[0] < first.from)
                    .map_or(prev.to, |b| b[0])
            }
        };
        let to = match after.iter().find(|g| !g.space) {
            None => 1.0,
            Some(next) => {
                // The last blank run that starts before the next neighbour's peak, if it
                // ends past the run's last peak: the neighbour's ink starts where it ends.
                let i = self.blanks.partition_point(|b| b[0] < next.from);
                i.checked_sub(1)
                    .and_then(|i| self.blanks.get(i))
                    .filter(|b| b[1] > last.to)
                    .map_or(next.from, |b| b[1])
            }
        };
        Some([from, to])
    }

    /// The axis-aligned box (pixel coordinates, exclusive right and bottom edges like
    /// [`TextLine::bbox`](super::TextLine)) around the part `[from, to]` of the line.
    pub fn part_box(&self, [from, to]: [f32; 2]) -> BoxF {
        let [p0, p1, p2, p3] = self.quad.0;
        let along =
            |a: [f32; 2], b: [f32; 2], t: f32| [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        let corners = [
            along(p0, p1, from),
            along(p0, p1, to),
            along(p3, p2, from),
            along(p3, p2, to),
        ];
        Quad(corners).pixel_box()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(from: f32, to: f32, space: bool) -> Glyph {
        Glyph { from, to, space }
    }

    /// `AB CD`: peaks at 0.1, 0.3, (space 0.45), 0.6, 0.8, each 0.05 wide.
    fn frame() -> GlyphFrame {
        let quad = Quad([[10.0, 20.0], [110.0, 20.0], [110.0, 30.0], [10.0, 30.0]]);
        GlyphFrame::new(
            quad,
            vec![
                g(0.10, 0.15, false),
                g(0.30, 0.35, false),
                g(0.45, 0.50, true),
                g(0.60, 0.65, false),
                g(0.80, 0.85, false),
            ],
            Vec::new(),
        )
        .unwrap()
    }

    #[test]
    fn a_cover_runs_from_the_neighbours_peaks_past_spaces() {
        let f = frame();
        // "CD": from the end of B's peak (the space is skipped) to the line's end.
        assert_eq!(f.cover(3, 5), Some([0.35, 1.0]));
        // " CD" and "CD" cover the same.
        assert_eq!(f.cover(2, 5), Some([0.35, 1.0]));
        // "AB": from the start to C's peak.
        assert_eq!(f.cover(0, 2), Some([0.0, 0.60]));
        // "B": between A's and C's peaks.
        assert_eq!(f.cover(1, 2), Some([0.15, 0.60]));
        // The whole line.
        assert_eq!(f.cover(0, 5), Some([0.0, 1.0]));
        assert_eq!(f.cover(3, 3), None);
        assert_eq!(f.cover(4, 6), None);
    }

    #[test]
    fn a_cover_moves_out_to_the_word_gaps() {
        let quad = Quad([[0.0, 0.0], [100.0, 0.0], [100.0, 10.0], [0.0, 10.0]]);
        // "AB CD" with blank runs between the words (0.38-0.55) and inside nothing else;
        // a blank run between A and B (0.2-0.25) lies before B's peak.
        let glyphs = vec![
            g(0.10, 0.15, false),
            g(0.30, 0.35, false),
            g(0.45, 0.50, true),
            g(0.60, 0.65, false),
            g(0.80, 0.85, false),
        ];
        let blanks = vec![[0.20, 0.25], [0.38, 0.55], [0.9, 1.0]];
        let f = GlyphFrame::new(quad, glyphs, blanks).unwrap();
        // "CD": from the start of the word gap, B keeps its ink.
        assert_eq!(f.cover(3, 5), Some([0.38, 1.0]));
        // "AB": up to the end of the gap, C keeps its ink.
        assert_eq!(f.cover(0, 2), Some([0.0, 0.55]));
        // "B": from the gap between A and B to the word gap's end.
        assert_eq!(f.cover(1, 2), Some([0.20, 0.55]));
        // "C": no blank run between C's and D's peaks: D's peak bounds it.
        assert_eq!(f.cover(3, 4), Some([0.38, 0.80]));
        // A gap that begins under the neighbour's peak (its step reached into the gap).
        let glyphs = vec![g(0.30, 0.40, false), g(0.60, 0.65, false)];
        let f = GlyphFrame::new(quad, glyphs, vec![[0.36, 0.55]]).unwrap();
        assert_eq!(f.cover(1, 2), Some([0.36, 1.0]));
        assert_eq!(f.cover(0, 1), Some([0.0, 0.55]));
    }

    #[test]
    fn blank_columns_are_the_gaps_between_ink() {
        // 10 × 4, black background; white strokes in columns 2-3 and 7 of row 1.
        let mut data = vec![0u8; 10 * 4 * 3];
        for x in [2usize, 3, 7] {
            for c in 0..3 {
                data[(10 + x) * 3 + c] = 255;
            }
        }
        let crop = RgbPixels::new(10, 4, data).unwrap();
        assert_eq!(
            blank_columns(&crop),
            vec![[0.0, 0.2], [0.4, 0.7], [0.8, 1.0]]
        );
        // A flat crop is one blank run.
        let flat = RgbPixels::filled(5, 3, [90, 90, 90]).unwrap();
        assert_eq!(blank_columns(&flat), vec![[0.0, 1.0]]);
    }

    #[test]
    fn a_part_maps_along_the_quad_in_reading_order() {
        let f = frame();
        let b = f.part_box([0.35, 1.0]);
        assert_eq!((b.x0, b.x1, b.y0, b.y1), (45.0, 111.0, 20.0, 31.0));
        // Read upside down: the corners are turned, so the start of the reading is at the
        // right of the image.
        let turned = Quad([[110.0, 30.0], [10.0, 30.0], [10.0, 20.0], [110.0, 20.0]]);
        let f = GlyphFrame::new(turned, vec![g(0.1, 0.2, false)], vec![]).unwrap();
        let b = f.part_box([0.0, 0.25]);
        assert_eq!((b.x0, b.x1, b.y0, b.y1), (85.0, 111.0, 20.0, 31.0));
    }

    #[test]
    fn untrustworthy_frames_are_not_built() {
        let quad = Quad([[0.0, 0.0], [10.0, 0.0], [10.0, 5.0], [0.0, 5.0]]);
        assert_eq!(
            GlyphFrame::new(quad, vec![g(0.5, 0.4, false)], vec![]),
            None
        );
        assert_eq!(
            GlyphFrame::new(quad, vec![g(0.5, 1.2, false)], vec![]),
            None
        );
        assert_eq!(
            GlyphFrame::new(quad, vec![g(0.5, 0.6, false), g(0.55, 0.7, false)], vec![]),
            None
        );
        assert_eq!(
            GlyphFrame::new(quad, vec![], vec![[0.5, 0.6], [0.55, 0.7]]),
            None
        );
        assert!(GlyphFrame::new(quad, vec![], vec![]).is_some_and(|f| f.is_empty()));
        let f = GlyphFrame::new(quad, vec![g(0.1, 0.2, false), g(0.3, 0.4, true)], vec![]).unwrap();
        assert_eq!(
            (f.len(), format!("{f:?}")),
            (2, "<glyph frame, 2 characters>".to_owned())
        );
    }
}
