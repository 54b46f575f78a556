//! One-word cells of a list of rooms or beds (`Room 6 Xa: refused`): the title-case word
//! between the number and a colon is a name when another row of the list opens with a
//! person already found.

use super::context::BED_WORDS;
use super::{Mention, NameRules, in_list};
use crate::token::{Class, Shape, Token};
use std::collections::HashSet;

/// Rows needed before the shape counts as a list.
const MIN_ROWS: usize = 2;

/// The first token after the room number of the row opening the line at token `i`
/// (`Room 6`, `Bed 12`).
fn row_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let r = tokens.get(i)?;
    let n = tokens.get(i + 1)?;
    let w = tokens.get(i + 2)?;
    (r.line_start
        && r.is_word()
        && in_list(r.text, BED_WORDS)
        && n.class == Class::Number
        && n.text.len() <= 3
        && w.is_word()
        && w.space_before
        && !w.break_before)
        .then_some(i + 2)
}

impl NameRules<'_> {
    /// One-word cells before a colon in a list of rooms whose other rows open with a
    /// found person.
    pub(super) fn room_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let rows: Vec<usize> = (0..tokens.len())
            .filter_map(|i| row_at(tokens, i))
            .collect();
        if rows.len() < MIN_ROWS {
            return;
        }
        let starts: HashSet<usize> = out.iter().map(|m| m.start).collect();
        if !rows
            .iter()
            .any(|&k| tokens.get(k).is_some_and(|w| starts.contains(&w.start)))
        {
            return;
        }
        for &k in &rows {
            let (Some(w), Some(c)) = (tokens.get(k), tokens.get(k + 1)) else {
                continue;
            };
            let one_word = !starts.contains(&w.start)
                && w.latin
                && w.shape == Shape::Title
                && w.letters() >= 3
                && c.is_punct(':')
                && !c.space_before
                && self.stop(w.text).is_none();
            if one_word {
                out.push(Mention::of_word(w));
            }
        }
    }
}
