//! Staff initials in the columns of a timed log or a shift line: after an hour range that
//! starts the line or follows a wide gap (`07:45-08:15  RO  wash, dress`, `08-20 HH    20-08
//! P.Y.`), bare initials that end the line or are followed by a wide gap are whoever
//! worked that slot.

use super::initials::NOT_INITIALS;
use super::table::cell_initials;
use super::{Mention, in_list};
use crate::token::Token;

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

/// Whether a gap between two tokens is wide: two spaces or more, or a tab.
fn wide(gap: &str) -> bool {
    gap.contains("  ") || gap.contains('\t')
}

/// Initials in the slot after an hour range (see the module docs).
pub(super) fn slot_initials(text: &str, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
    let mut taken: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
    taken.sort_unstable();
    // Whether a found span overlaps a mention already made: the last one starting before
    // its end (mentions found earlier do not nest much).
    let overlaps = |a: usize, b: usize| {
        let k = taken.partition_point(|&(s, _)| s < b);
        k > 0 && taken.get(k - 1).is_some_and(|&(_, e)| e > a)
    };
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
