//! A register row of a list opens with the person in record form, `SURNAME, Given`, then a
//! gap of two or more spaces before the row's next column (`WHAANGA-TANE, Aru  R  …`).
//! The row's shape names the person even when the family name is a common word (`BUTTON,
//! Aru`) or hyphenated: the family name is upper case, the given name title case, and
//! neither is a clinical term, field word or abbreviation, nor are both common words.
//!
//! The same record form set off as a field of a running line is a row's person too: after
//! a colon or a spaced dash and before a spaced dash (`grading: WHAANGA ARU, Tane - R1`,
//! `advice line - WHAANGA, Tane - flare`). The family name may be two or three upper-case
//! words (`WHAANGA ARU, Tane`).

use super::initials::abbreviation;
use super::{FIELD_WORDS, Mention, NameRules, in_list};
use crate::stoplist::{self, StopKind};
use crate::token::{Shape, Token};

/// A drug, anatomy or clinical term of the built-in stop-list. The lexicon's broad medical
/// vocabulary is not asked: it holds many names of other languages and words like `purse`
/// that the row's shape outweighs.
fn built_in_term(word: &str) -> bool {
    matches!(
        stoplist::stop_kind(word),
        Some(StopKind::Drug | StopKind::Anatomy | StopKind::Term)
    )
}

impl NameRules<'_> {
    /// Whether `t` can be a family name's part in a register row: upper case, Latin, two
    /// letters or more, no term, field word or abbreviation.
    fn register_part(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.shape == Shape::Upper
            && t.letters() >= 2
            && !built_in_term(t.text)
            && !in_list(t.text, FIELD_WORDS)
            && !abbreviation(t.text)
    }

    /// `SURNAME, Given` opening a row before a gap, or set off by a colon or spaced dash
    /// before it and a spaced dash after it (see the module docs).
    pub(super) fn register_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            // The row may open with a date or a number column: the name is then the first
            // word after a gap.
            let row_opens = t.line_start || t.break_before;
            if !(row_opens || field_opens(tokens, i)) || !self.register_part(t) {
                continue;
            }
            // A hyphenated family name is one token or three (`A-B`); a family name of
            // several words has them spaced (`A B`), up to three.
            let mut k = i;
            let mut words = 1;
            loop {
                let hyphen = tokens
                    .get(k + 1)
                    .is_some_and(|h| h.is_punct('-') && !h.space_before)
                    && tokens
                        .get(k + 2)
                        .is_some_and(|w| !w.space_before && self.register_part(w));
                if hyphen {
                    k += 2;
                    continue;
                }
                let spaced = words < 3
                    && tokens.get(k + 1).is_some_and(|w| {
                        w.space_before && !w.break_before && self.register_part(w)
                    });
                if !spaced {
                    break;
                }
                k += 1;
                words += 1;
            }
            let comma = tokens.get(k + 1).is_some_and(|c| c.is_punct(','));
            let Some(g) = tokens.get(k + 2) else { continue };
            let given = g.is_word()
                && g.latin
                && g.shape == Shape::Title
                && g.letters() >= 3
                && g.space_before
                && !g.break_before
                && !built_in_term(g.text)
                && !in_list(g.text, FIELD_WORDS);
            let gap_after = tokens
                .get(k + 3)
                .is_some_and(|n| n.break_before && !n.line_start);
            let closes = if row_opens {
                gap_after || (words > 1 && dash_after(tokens, k + 3))
            } else {
                dash_after(tokens, k + 3)
            };
            // Two common words are a heading's phrase ("NOTE, Please  …"), not a name.
            let not_phrase = !(self.common(t.text) && self.common(g.text));
            if comma && given && closes && not_phrase {
                let family: Vec<String> = tokens
                    .get(i..=k)
                    .unwrap_or_default()
                    .iter()
                    .filter(|w| w.is_word())
                    .map(|w| Self::norm(w.text))
                    .collect();
                let surname = if words > 1 {
                    family.last().cloned()
                } else {
                    Some(Self::norm(tokens.get(k).map_or(t.text, |w| w.text)))
                };
                let extra = if words > 1 {
                    family
                        .split_last()
                        .map(|(_, r)| r.to_vec())
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                out.push(Mention {
                    start: t.start,
                    end: g.name_end(),
                    given: Some(Self::norm(g.text)),
                    surname,
                    extra,
                    ..Mention::default()
                });
            }
        }
    }
}

/// A spaced dash (`-`, `–`, `—`) at token `k`, a space after it too.
fn dash_after(tokens: &[Token<'_>], k: usize) -> bool {
    tokens
        .get(k)
        .is_some_and(|d| (d.is_punct('-') || d.is_punct('–') || d.is_punct('—')) && d.space_before)
        && tokens.get(k + 1).is_some_and(|n| n.space_before)
}

/// Token `i` opens a field of a running line: a colon right after a word, or a spaced
/// dash, comes before it, with a space between.
fn field_opens(tokens: &[Token<'_>], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    let spaced = tokens
        .get(i)
        .is_some_and(|t| t.space_before && !t.break_before);
    let colon = p.is_punct(':') && !p.space_before;
    let dash = (p.is_punct('-') || p.is_punct('–') || p.is_punct('—')) && p.space_before;
    spaced && (colon || dash)
}
