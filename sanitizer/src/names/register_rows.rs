//! A register row of a list opens with the person in record form, `SURNAME, Given`, then a
//! gap of two or more spaces before the row's next column (`WHAANGA-TANE, Aru  R  …`).
//! The row's shape names the person even when the family name is a common word (`BUTTON,
//! Aru`) or hyphenated: the family name is upper case, the given name title case, and
//! neither is a clinical term, field word or abbreviation, nor are both common words.

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

    /// `SURNAME, Given` opening a row before a gap (see the module docs).
    pub(super) fn register_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            // The row may open with a date or a number column: the name is then the first
            // word after a gap.
            if !(t.line_start || t.break_before) || !self.register_part(t) {
                continue;
            }
            // A hyphenated family name is one token or three (`A-B`).
            let mut k = i;
            while tokens
                .get(k + 1)
                .is_some_and(|h| h.is_punct('-') && !h.space_before)
                && tokens
                    .get(k + 2)
                    .is_some_and(|w| !w.space_before && self.register_part(w))
            {
                k += 2;
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
            // Two common words are a heading's phrase ("NOTE, Please  …"), not a name.
            let words = !(self.common(t.text) && self.common(g.text));
            if comma && given && gap_after && words {
                out.push(Mention {
                    start: t.start,
                    end: g.name_end(),
                    given: Some(Self::norm(g.text)),
                    surname: Some(Self::norm(tokens.get(k).map_or(t.text, |w| w.text))),
                    ..Mention::default()
                });
            }
        }
    }
}
