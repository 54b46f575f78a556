//! Upper-case full names listed after a colon and parted by slashes, the way a roll call or
//! a rota line names who is there (`staff: ANA LIMA / TANE WHAANGA / ...`): two or more
//! items, each a run of two to four upper-case words, and the last item ends its line.
//! Every word has three letters or more and a vowel, and is no clinical term, field word
//! or team abbreviation; each item has a word that is no common word.

use super::{Mention, NameRules};
use crate::token::Token;

/// Words in one listed name.
const MIN_WORDS: usize = 2;
/// Words in one listed name, at most.
const MAX_WORDS: usize = 4;

impl NameRules<'_> {
    /// Slash-parted upper-case names after a colon (see the module docs).
    pub(super) fn slash_lists(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (c, colon) in tokens.iter().enumerate() {
            if !colon.is_punct(':') {
                continue;
            }
            let mut k = c + 1;
            let mut items: Vec<Vec<&Token<'_>>> = Vec::new();
            loop {
                let mut run: Vec<&Token<'_>> = Vec::new();
                while let Some(w) = tokens.get(k).filter(|w| self.slash_part(w)) {
                    run.push(w);
                    k += 1;
                }
                let uncommon = run.iter().any(|w| !self.common(w.text));
                if !(MIN_WORDS..=MAX_WORDS).contains(&run.len()) || !uncommon {
                    items.clear();
                    break;
                }
                items.push(run);
                match tokens.get(k) {
                    Some(s) if s.is_punct('/') && !s.break_before => k += 1,
                    Some(e) if !e.line_start => {
                        items.clear();
                        break;
                    }
                    _ => break,
                }
            }
            if items.len() >= 2 {
                out.extend(items.iter().filter_map(|run| Self::whole_run(run)));
            }
        }
    }

    /// An upper-case word that may be part of a listed name, on the colon's line.
    fn slash_part(&self, w: &Token<'_>) -> bool {
        self.caps_list_word(w)
            && w.text
                .chars()
                .any(|c| "AEIOUY".contains(c) || !c.is_ascii())
    }
}
