//! Family names that are also clinical words (`Heal`, `Cramp`, `Cure`): the rules that find
//! a name stop before a clinical term, so a found given name (`Lionel`) or an initial with
//! its dot (`P.`) right before one, in title case on the same line, gets it as the family
//! name. Mid-sentence a clinical term is written in lower case, so a capitalised listed
//! family name there belongs to the name before it.

use super::{Mention, NameRules};
use crate::span_index::SpanIndex;
use crate::token::{Shape, Token};

impl NameRules<'_> {
    /// Token `k`: a title-case listed family name that is also a clinical or common word,
    /// one space after the token before it on the same line, no capitalised word after it.
    fn term_surname_after(&self, tokens: &[Token<'_>], k: usize) -> bool {
        tokens.get(k).is_some_and(|t| {
            t.is_word()
                && t.latin
                && t.shape == Shape::Title
                && t.letters() >= 3
                && t.space_before
                && !t.break_before
                && !t.line_start
                && (self.hard_stop(t.text) || self.common(t.text))
                && self.surname(t.text)
        }) && !tokens
            .get(k + 1)
            .is_some_and(|n| n.capitalized() && n.space_before && !n.break_before)
    }

    /// Widens a mention that ends at a listed given name over a clinical-word family name
    /// right after it (`Philippa Heal`), and adds an initial with its dot before one
    /// (`P. Heal`), after a sentence end, a lower-case word or the text's start. Not before
    /// a ward (`Barnard Ward` is a place) or a medical head noun.
    pub(crate) fn term_surnames(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for m in out.iter_mut() {
            // Tokens are in text order, so their ends rise: the one ending the mention is
            // found by binary search (a scan per mention is quadratic on a megabyte text).
            let j = tokens.partition_point(|t| t.end < m.end);
            if tokens.get(j).is_none_or(|t| t.end != m.end) {
                continue;
            }
            let given = tokens
                .get(j)
                .is_some_and(|g| g.is_word() && g.shape == Shape::Title && self.given(g.text));
            if !given
                || !self.term_surname_after(tokens, j + 1)
                || super::ward_name(tokens, m.start, m.end)
                || super::head_after(tokens, j + 1)
            {
                continue;
            }
            let Some(s) = tokens.get(j + 1) else { continue };
            if m.given.is_none() {
                m.given = m.surname.take();
            } else if let Some(old) = m.surname.take() {
                if Some(&old) != m.given.as_ref() {
                    m.extra.push(old);
                }
            }
            m.end = s.name_end();
            m.surname = Some(Self::norm(s.text));
        }
        // The mentions found so far, and those added below (in text order, so only the
        // last one added can overlap a later token).
        let found = SpanIndex::new(out.iter().map(|m| (0, m.start, m.end)));
        let mut added_end = 0;
        let taken = |t: &Token<'_>, added_end: usize| {
            found.overlaps(0, t.start, t.end) || t.start < added_end
        };
        for (i, t) in tokens.iter().enumerate() {
            let initial = t.is_word()
                && t.text.chars().count() == 1
                && t.capitalized()
                && tokens
                    .get(i + 1)
                    .is_some_and(|d| d.is_punct('.') && !d.space_before);
            let before_ok = i == 0
                || tokens.get(i - 1).is_some_and(|p| {
                    t.line_start
                        || p.is_punct('.')
                        || p.is_punct(',')
                        || (p.is_word() && p.shape == Shape::Lower)
                });
            if !(initial && before_ok && self.term_surname_after(tokens, i + 2))
                || super::head_after(tokens, i + 2)
            {
                continue;
            }
            let Some(s) = tokens.get(i + 2) else { continue };
            if taken(s, added_end) || taken(t, added_end) {
                continue;
            }
            added_end = s.name_end();
            out.push(Mention {
                start: t.start,
                end: s.name_end(),
                surname: Some(Self::norm(s.text)),
                initial: t.text.chars().next(),
                ..Mention::default()
            });
        }
    }
}
