//! Values of a DICOM dump's fields by their value representation: a `PN` value is a
//! person's name whatever its form (`(0008,1070) PN [SK]`, initials included), and the
//! value of any other representation (`LO` institution names, `SH`, `CS` …) is never one
//! (`(0008,0080) LO [Hospital Regional de X]`).

use super::{Mention, dicom_key, lower};
use crate::token::{Shape, Token};

/// Tokens looked back over from a word to the `[` opening its field's value.
const VALUE_WINDOW: usize = 16;

/// Where the bracketed value after the value representation at `vr` starts and ends:
/// the token after `[` and the `]`, on the same line.
fn bracketed_value(tokens: &[Token<'_>], vr: usize) -> Option<(usize, usize)> {
    if !tokens.get(vr + 1).is_some_and(|b| b.is_punct('[')) {
        return None;
    }
    let mut k = vr + 2;
    while let Some(t) = tokens.get(k) {
        if t.line_start {
            return None;
        }
        if t.is_punct(']') {
            return (k > vr + 2).then_some((vr + 2, k));
        }
        k += 1;
    }
    None
}

/// Person names in `PN [...]` values without a caret (those are
/// [`super::forms::caret_names`]): one to four words, such as initials or a lone family
/// name.
pub(super) fn pn_values(tokens: &[Token<'_>], out: &mut Vec<Mention>) {
    for (i, t) in tokens.iter().enumerate() {
        if !(t.is_word() && t.text == "PN" && dicom_key(tokens, i)) {
            continue;
        }
        let Some((first, close)) = bracketed_value(tokens, i) else {
            continue;
        };
        let Some(inside) = tokens.get(first..close) else {
            continue;
        };
        // Only words, dots and hyphens: a caret form is left to the caret rule.
        let plain = inside
            .iter()
            .all(|w| (w.is_word() && w.latin) || w.is_punct('.') || w.is_punct('-'));
        let words: Vec<&Token<'_>> = inside.iter().filter(|w| w.is_word()).collect();
        if !plain || words.is_empty() || words.len() > 4 {
            continue;
        }
        let (Some(a), Some(b)) = (inside.first(), inside.last()) else {
            continue;
        };
        let surname = words.last().map(|w| lower(w.text));
        let extra = words
            .iter()
            .take(words.len().saturating_sub(1))
            .map(|w| lower(w.text))
            .collect();
        let initials = words.len() == 1 && words.iter().all(|w| w.shape == Shape::Upper);
        out.push(Mention {
            start: a.start,
            end: b.end,
            surname,
            extra,
            initials,
            ..Mention::default()
        });
    }
}

/// Whether byte `start` lies inside the bracketed value of a DICOM field whose value
/// representation is not `PN`: no person's name is there.
pub(crate) fn in_non_person_value(tokens: &[Token<'_>], start: usize) -> bool {
    let k = tokens.partition_point(|t| t.end <= start);
    let from = k.saturating_sub(VALUE_WINDOW);
    let mut j = k;
    while j > from {
        j -= 1;
        let Some(t) = tokens.get(j) else { return false };
        if t.is_punct(']') {
            return false;
        }
        if t.is_punct('[') {
            return j
                .checked_sub(1)
                .and_then(|v| tokens.get(v).map(|vt| (v, vt)))
                .is_some_and(|(v, vt)| vt.is_word() && vt.text != "PN" && dicom_key(tokens, v));
        }
        if t.line_start {
            return false;
        }
    }
    false
}
