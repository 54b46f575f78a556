//! Upper-case family names listed after a colon in running text, the way a log names who
//! took part (`In the pool: WHAANGA and TANVO.`): two or more upper-case words joined by
//! commas or `and`, right after the colon, closing the sentence or line, on a line that
//! also has lower-case words. Each must be no clinical term, field word or abbreviation,
//! and either every word is no common word of five letters or more, or one of them recurs capitalised elsewhere in
//! the text (`Whaanga needed the hoist`), as a name does.

use std::collections::HashSet;

use super::initials::NOT_INITIALS;
use super::{FIELD_WORDS, Mention, NameRules, in_list, lower};
use crate::token::{Shape, Token};

impl NameRules<'_> {
    /// Upper-case names listed after a colon (see the module docs).
    pub(super) fn caps_lists(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        // Title-case words of the text, once, for the recurrence cue.
        let mut titled: Option<HashSet<String>> = None;
        for (c, colon) in tokens.iter().enumerate() {
            if !colon.is_punct(':') || colon.upper_line {
                continue;
            }
            let mut k = c + 1;
            let mut run: Vec<&Token<'_>> = Vec::new();
            while let Some(w) = tokens.get(k) {
                if !self.caps_list_word(w) {
                    break;
                }
                run.push(w);
                let joined = tokens
                    .get(k + 1)
                    .is_some_and(|j| j.is_punct(',') || (j.is_word() && lower(j.text) == "and"));
                if !joined {
                    k += 1;
                    break;
                }
                k += 2;
            }
            let closes = tokens
                .get(k)
                .is_none_or(|e| e.line_start || e.is_punct('.') || e.is_punct(';'));
            if run.len() < 2 || !closes {
                continue;
            }
            // Short capitals are mostly abbreviations (`FBC and CRP`): five letters or more.
            let all_uncommon = run.iter().all(|w| !self.common(w.text) && w.letters() >= 5);
            let mut recurs = || {
                let set = titled.get_or_insert_with(|| {
                    tokens
                        .iter()
                        .filter(|t| t.is_word() && t.shape == Shape::Title && t.letters() >= 3)
                        .map(|t| lower(t.text))
                        .collect()
                });
                run.iter().any(|w| set.contains(&lower(w.text)))
            };
            if all_uncommon || recurs() {
                out.extend(run.iter().map(|w| Self::surname_word(w)));
            }
        }
    }

    /// An upper-case word of three or more letters, all letters, that can stand in a list
    /// of upper-case names: spaced from the word before on the same field, not on the
    /// stop-list, no field word and no clinical abbreviation.
    pub(super) fn caps_list_word(&self, w: &Token<'_>) -> bool {
        w.is_word()
            && w.latin
            && w.shape == Shape::Upper
            && w.letters() >= 3
            && w.letters() == w.text.chars().count()
            && w.space_before
            && !w.break_before
            && self.stop(w.text).is_none()
            && !in_list(w.text, FIELD_WORDS)
            && !in_list(w.text, NOT_INITIALS)
    }
}
