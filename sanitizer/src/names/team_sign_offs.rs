//! Initials signing a note before a team or role abbreviation: after a finished sentence,
//! the note's last words are initials, a comma and an upper-case team (`… with consent. JT,
//! TVN`): the initials are the writer's.

use super::{Mention, NameRules, lower};
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
        if let Some(t) = tokens.get(last - 2).filter(|_| team && comma && after_stop) {
            if self.initials_like(t, false) {
                out.push(Mention {
                    start: t.start,
                    end: t.end,
                    surname: Some(lower(t.text)),
                    ..Mention::default()
                });
            }
        }
    }
}
