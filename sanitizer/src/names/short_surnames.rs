//! Two-letter family names (`Dy`, `Uy`, `Go`), too short for the general pair rules: a
//! listed two-letter surname is a family name in a `Surname, Given` pair that opens a line
//! or a field (`Dy, Teresita`, `DY, Lilibeth`) or right after a listed given name, written
//! capitalised (`Teresita Dy`, `Ramoncito Go appeared`). The pair replaces any mention of
//! its given name alone.

use super::{Mention, NameRules};
use crate::token::{Class, Shape, Token};

impl NameRules<'_> {
    /// A two-letter capitalised or upper-case word that is a listed surname.
    fn short_surname(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.letters() == 2
            && t.text.chars().count() == 2
            && t.capitalized()
            && self.surname(t.text)
    }

    /// A capitalised listed given name that is no common word (`Teresita`, `LILIBETH`).
    fn plain_given(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.letters() >= 3
            && t.capitalized()
            && self.given(t.text)
            && !self.common(t.text)
    }

    /// Pairs with a two-letter family name (see the module docs).
    pub(super) fn short_surname_pairs(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut found: Vec<Mention> = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            if !self.short_surname(t) {
                continue;
            }
            let prev = k.checked_sub(1).and_then(|p| tokens.get(p));
            let prev2 = k.checked_sub(2).and_then(|p| tokens.get(p));
            // "Dy, Teresita" opening a line, a field ("Female partner: DY, …") or a
            // numbered item ("2. Dy, …").
            let opens = t.line_start
                || prev.is_some_and(|p| p.is_punct(':'))
                || (prev.is_some_and(|p| p.is_punct('.') || p.is_punct(')'))
                    && prev2.is_some_and(|n| n.class == Class::Number && n.line_start));
            let inverted = opens
                && tokens.get(k + 1).is_some_and(|c| c.is_punct(','))
                && tokens.get(k + 2).is_some_and(|g| self.plain_given(g));
            if inverted {
                if let Some(g) = tokens.get(k + 2) {
                    found.push(Mention {
                        start: t.start,
                        end: g.name_end(),
                        given: Some(Self::norm(g.text)),
                        surname: Some(Self::norm(t.text)),
                        ..Mention::default()
                    });
                }
                continue;
            }
            // "Teresita Dy": title case, right after a given name on the same line.
            let after_given = t.shape != Shape::Upper
                && !t.sentence_start
                && !t.line_start
                && prev.is_some_and(|g| self.plain_given(g) && g.shape != Shape::Upper);
            if let Some(g) = prev.filter(|_| after_given) {
                found.push(Mention {
                    start: g.start,
                    end: t.name_end(),
                    given: Some(Self::norm(g.text)),
                    surname: Some(Self::norm(t.text)),
                    ..Mention::default()
                });
            }
        }
        if found.is_empty() {
            return;
        }
        // Drop the mentions inside a pair found here (found is in text order).
        out.retain(|m| {
            let k = found.partition_point(|f| f.start <= m.start);
            !(k > 0 && found.get(k - 1).is_some_and(|f| m.end <= f.end))
        });
        out.extend(found);
    }
}
