//! Initials signing a note before a team or role abbreviation: after a finished sentence,
//! the note's last words are initials, a comma and an upper-case team (`… with consent. JT,
//! TVN`): the initials are the writer's. A message whose last words are a spaced dash and
//! one capitalised name that is no common word (`… on the bridge - Nosa`) is signed by it.

use super::{Mention, NameRules};
use crate::token::{Shape, Token};

impl NameRules<'_> {
    /// Initials before `, TEAM` closing the note (see the module docs).
    pub(super) fn team_sign_offs(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let Some(last) = tokens.iter().rposition(Token::is_word) else {
            return;
        };
        if !tokens.iter().skip(last + 1).all(|p| p.is_punct('.')) || last < 3 {
            return;
        }
        let team = tokens
            .get(last)
            .is_some_and(|t| t.latin && t.shape == Shape::Upper && (2..=4).contains(&t.letters()));
        let comma = tokens.get(last - 1).is_some_and(|c| c.is_punct(','));
        let after_stop = tokens.get(last - 3).is_some_and(|p| p.is_punct('.'));
        self.dashed_last_word(tokens, last, out);
        if let Some(t) = tokens.get(last - 2).filter(|_| team && comma && after_stop) {
            if self.initials_like(t, false) {
                out.push(Mention::of_word(t));
            }
        }
    }

    /// The last word `last` of a one-line message after a spaced dash, when it is a
    /// capitalised name: listed as a given name, or no common word and no clinical term.
    fn dashed_last_word(&self, tokens: &[Token<'_>], last: usize, out: &mut Vec<Mention>) {
        let Some(t) = tokens.get(last) else { return };
        let dash = last
            .checked_sub(1)
            .and_then(|d| tokens.get(d))
            .is_some_and(|d| {
                (d.is_punct('-') || d.is_punct('–') || d.is_punct('—'))
                    && d.space_before
                    && t.space_before
            });
        let one_line = !tokens.iter().skip(1).any(|x| x.line_start);
        let before_word = last
            .checked_sub(2)
            .and_then(|w| tokens.get(w))
            .is_some_and(|w| w.is_word() && w.shape == Shape::Lower);
        let name = t.latin
            && t.capitalized()
            && t.shape != Shape::Upper
            && t.letters() >= 3
            && (self.given(t.text) || !self.common(t.text))
            && self.stop(t.text).is_none();
        if dash && one_line && before_word && name {
            out.push(Self::given_word(t));
        }
    }
}
