//! A capitalised word right after a role phrase that names who holds a post: `nurse in
//! charge Aroha`, `team leader Tanvo`. The word is no common word, clinical term or field
//! word; up to two more capitalised unexplained words after it are the rest of the name.

use super::{Mention, NameRules, lower};
use crate::token::{Shape, Token};

/// Most words of the holder's name.
const MAX_WORDS: usize = 3;

/// Nouns that close a role phrase before its holder's name.
const ROLE_HEADS: &[&str] = &["leader", "lead"];

impl NameRules<'_> {
    /// Names after `in charge` or `team leader` (see the module docs).
    pub(super) fn role_phrases(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let word = |k: usize, w: &str| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_word() && lower(t.text) == w)
        };
        for (i, t) in tokens.iter().enumerate().skip(2) {
            let in_charge = word(i - 1, "charge") && word(i - 2, "in");
            let team_lead = tokens
                .get(i - 1)
                .is_some_and(|h| h.is_word() && super::in_list(h.text, ROLE_HEADS))
                && word(i - 2, "team");
            if (in_charge || team_lead)
                && t.shape == Shape::Title
                && t.space_before
                && !t.break_before
                && self.name_like(t)
            {
                // The holder's other name parts run on: "team leader Aroha Tane Whaanga".
                let mut words = vec![t];
                while let Some(n) = tokens.get(i + words.len()).filter(|n| {
                    words.len() < MAX_WORDS
                        && n.is_word()
                        && n.latin
                        && n.shape == Shape::Title
                        && n.space_before
                        && !n.break_before
                        && !self.common(n.text)
                        && self.stop(n.text).is_none()
                }) {
                    words.push(n);
                }
                out.extend(Self::whole_run(&words));
            }
        }
    }
}
