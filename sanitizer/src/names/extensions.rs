//! A one-word name signing a note with a phone extension or bleep: after a finished
//! sentence, a capitalised name, a comma and `ext`, `extn`, `bleep` or `tel` before a
//! number (`… for the course. Irene, ext 6610`) is the writer.

use super::{Mention, NameRules, in_list};
use crate::token::{Class, Token};

/// Words that introduce a phone extension or a bleep number.
const EXTENSION_WORDS: &[&str] = &["ext", "extn", "bleep", "bp", "tel", "x"];

impl NameRules<'_> {
    /// Names signing with an extension (see the module docs).
    pub(super) fn extension_sign_offs(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (k, t) in tokens.iter().enumerate() {
            let name = t.is_word()
                && t.latin
                && t.capitalized()
                && t.letters() >= 3
                && t.sentence_start
                && (self.given(t.text) || !self.common(t.text))
                && !self.hard_stop(t.text);
            if !name || !tokens.get(k + 1).is_some_and(|c| c.is_punct(',')) {
                continue;
            }
            let Some(w) = tokens.get(k + 2) else { continue };
            if !(w.is_word() && in_list(w.text, EXTENSION_WORDS)) {
                continue;
            }
            let number = tokens
                .get(k + 3)
                .filter(|d| !d.is_punct('.') || !d.space_before)
                .and_then(|d| {
                    if d.is_punct('.') {
                        tokens.get(k + 4)
                    } else {
                        Some(d)
                    }
                })
                .is_some_and(|n| n.class == Class::Number);
            if number {
                out.push(Self::given_word(t));
            }
        }
    }
}
