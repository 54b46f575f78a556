//! Staff initials in the columns of a timed log or a shift line: after an hour range that
//! starts the line or follows a wide gap (`07:45-08:15  RO  wash, dress`, `08-20 HH    20-08
//! P.Y.`), bare initials that end the line or are followed by a wide gap are whoever
//! worked that slot. A board of timed rows (`09:30  ASTWOOD  STAIRS`) names in its
//! second column whoever has that slot, once a run of such rows holds a listed name that
//! is no common word. A patient board's rows (`WAITING  SURNAME I  65m`) name in their
//! second column a surname and initial.

use super::initials::NOT_INITIALS;
use super::table::{cell_initials, cells};
use super::{Mention, NameRules, in_list};
use crate::span_index::SpanIndex;
use crate::token::{Shape, Token};

/// Whether `chunk` is an hour range: one or two digits, optionally `:` and two more, a
/// dash, and the same again (`07:45-08:15`, `08-20`).
fn hour_range(chunk: &str) -> bool {
    let mut parts = chunk.split(['-', '–']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let hour = |s: &str| {
        let (h, m) = s.split_once(':').unwrap_or((s, "00"));
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
    };
    hour(a) && hour(b)
}

/// Whether `chunk` is a clock time: one or two digits, `:` or `.`, two digits (`09:30`).
fn clock_time(chunk: &str) -> bool {
    chunk.split_once([':', '.']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
    })
}

/// Whether a byte range overlaps one of the mentions in `out` (one text: index 0 of a
/// [`SpanIndex`]).
fn overlap_index(out: &[Mention]) -> impl Fn(usize, usize) -> bool + use<> {
    let index = SpanIndex::new(out.iter().map(|m| (0, m.start, m.end)));
    move |a, b| index.overlaps(0, a, b)
}

impl NameRules<'_> {
    /// The second column of a run of two or more timed board rows (see the module docs):
    /// one or two upper-case words between wide gaps, after a clock time that starts the
    /// line, with a cell after them. Once one of the run's cells holds a listed name that is
    /// no common word,
    /// every cell with no clinical term or team abbreviation in it is a name.
    pub(super) fn timed_board(&self, text: &str, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let overlaps = overlap_index(out);
        let mut found = Vec::new();
        let mut run: Vec<Vec<&Token<'_>>> = Vec::new();
        let flush = |run: &mut Vec<Vec<&Token<'_>>>, found: &mut Vec<Mention>| {
            let named = run.len() >= 2
                && run.iter().any(|c| {
                    c.iter()
                        .any(|w| self.listed(w.text) && !self.common(w.text))
                });
            for cell in run.drain(..).filter(|_| named) {
                if cell
                    .iter()
                    .any(|w| self.hard_stop(w.text) || in_list(w.text, NOT_INITIALS))
                {
                    continue;
                }
                let m = match cell.as_slice() {
                    [one] => Some(Self::surname_word(one)),
                    words => Self::whole_run(words),
                };
                if let Some(m) = m.filter(|m| !overlaps(m.start, m.end)) {
                    found.push(m);
                }
            }
        };
        let mut i = 0;
        while i < tokens.len() {
            let (row, end) = cells(text, tokens, i, ' ');
            let span = |&(a, b): &(usize, usize)| tokens.get(a..b).unwrap_or_default();
            let time = row.first().map(span).and_then(|c| {
                let (f, l) = (c.first()?, c.last()?);
                text.get(f.start..l.end)
            });
            let cell: Option<Vec<&Token<'_>>> = row.get(1).map(span).map(|c| c.iter().collect());
            let name = cell.filter(|c| {
                (1..=2).contains(&c.len())
                    && c.iter().all(|w| {
                        w.is_word()
                            && w.latin
                            && w.shape == Shape::Upper
                            && w.letters() == w.text.chars().count()
                    })
            });
            match name {
                Some(c) if row.len() >= 3 && time.is_some_and(clock_time) => run.push(c),
                _ => flush(&mut run, &mut found),
            }
            i = end.max(i + 1);
        }
        flush(&mut run, &mut found);
        out.extend(found);
    }
}

impl NameRules<'_> {
    /// A patient board's rows (`WAITING  SURNAME I  65m  CAT 3`): in a run of two or more
    /// wide-gap rows of three or more cells whose first cell is upper case, a second cell of
    /// one upper-case word that is no common or clinical word and one initial letter is a
    /// surname and initial.
    pub(super) fn board_surname_initials(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        out: &mut Vec<Mention>,
    ) {
        let overlaps = overlap_index(out);
        let mut found = Vec::new();
        let mut run: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let (row, end) = cells(text, tokens, i, ' ');
            let span = |&(a, b): &(usize, usize)| tokens.get(a..b).unwrap_or_default();
            let status = row.first().map(span).is_some_and(|c| {
                !c.is_empty() && c.iter().all(|w| w.is_word() && w.shape == Shape::Upper)
            });
            let name = match row.get(1).map(span) {
                Some([surname, initial])
                    if surname.is_word()
                        && surname.latin
                        && surname.shape == Shape::Upper
                        && surname.letters() >= 3
                        && surname.letters() == surname.text.chars().count()
                        && !self.common(surname.text)
                        && !self.hard_stop(surname.text)
                        && !in_list(surname.text, NOT_INITIALS)
                        && initial.is_word()
                        && initial.latin
                        && initial.letters() == 1
                        && initial.capitalized() =>
                {
                    Self::whole_run(&[surname, initial])
                }
                _ => None,
            };
            match name {
                Some(m) if status && row.len() >= 3 => run.push(m),
                _ => {
                    if run.len() >= 2 {
                        found.append(&mut run);
                    }
                    run.clear();
                }
            }
            i = end.max(i + 1);
        }
        if run.len() >= 2 {
            found.append(&mut run);
        }
        out.extend(found.into_iter().filter(|m| !overlaps(m.start, m.end)));
    }
}

/// Whether a gap between two tokens is wide: two spaces or more, or a tab.
fn wide(gap: &str) -> bool {
    gap.contains("  ") || gap.contains('\t')
}

/// Initials in the slot after an hour range (see the module docs).
pub(super) fn slot_initials(text: &str, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
    let overlaps = overlap_index(out);
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !(t.is_word() && t.space_before) {
            continue;
        }
        // The hour range right before, alone in its column.
        let before = text.get(..t.start).unwrap_or("");
        let trimmed = before.trim_end_matches([' ', '\t']);
        if trimmed.len() == before.len() {
            continue;
        }
        let chunk_at = trimmed.rfind(char::is_whitespace).map_or(0, |p| {
            p + trimmed
                .get(p..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8)
        });
        let chunk = trimmed.get(chunk_at..).unwrap_or("");
        let lead = trimmed.get(..chunk_at).unwrap_or("");
        let line_open = lead.is_empty() || lead.ends_with('\n');
        let gap = lead
            .get(lead.trim_end_matches([' ', '\t']).len()..)
            .unwrap_or("");
        if !hour_range(chunk) || !(line_open || wide(gap)) {
            continue;
        }
        // The initials: letters and dots glued together.
        let mut end = i + 1;
        while tokens
            .get(end)
            .is_some_and(|n| !n.space_before && !n.line_start && (n.is_word() || n.is_punct('.')))
        {
            end += 1;
        }
        let Some(cell) = tokens.get(i..end) else {
            continue;
        };
        let Some(m) = cell_initials(cell) else {
            continue;
        };
        if in_list(t.text, NOT_INITIALS) {
            continue;
        }
        let closes = tokens.get(end).is_none_or(|n| {
            n.line_start
                || cell
                    .last()
                    .and_then(|l| text.get(l.end..n.start))
                    .is_some_and(wide)
        });
        if closes && !overlaps(m.start, m.end) {
            found.push(m);
        }
    }
    out.extend(found);
}
