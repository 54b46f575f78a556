//! One-word items of a numbered list of people (`1. Xa - rash`, `2. Yb Zc - sick note`):
//! a capitalised word right after the number and before a spaced dash is a name when
//! another item of the list opens with a person already found.

use super::{Mention, NameRules};
use crate::token::{Class, Shape, Token};
use std::collections::HashSet;

/// Items needed before the shape counts as a list.
const MIN_ITEMS: usize = 2;

/// The first token of the item opening the line at token `i` (`1.` or `1)` then a word
/// and, somewhere on the line after it, a spaced dash).
fn item_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let n = tokens.get(i)?;
    let dot = tokens.get(i + 1)?;
    let w = tokens.get(i + 2)?;
    (n.line_start
        && n.class == Class::Number
        && n.text.len() <= 2
        && (dot.is_punct('.') || dot.is_punct(')'))
        && w.is_word()
        && w.space_before
        && !w.line_start)
        .then_some(i + 2)
}

impl NameRules<'_> {
    /// One-word items before a spaced dash in a numbered list whose other items open
    /// with a found person.
    pub(super) fn numbered_dash_items(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let items: Vec<usize> = (0..tokens.len())
            .filter_map(|i| item_at(tokens, i))
            .collect();
        if items.len() < MIN_ITEMS {
            return;
        }
        let starts: HashSet<usize> = out.iter().map(|m| m.start).collect();
        let named = items
            .iter()
            .filter(|&&k| tokens.get(k).is_some_and(|w| starts.contains(&w.start)))
            .count();
        if named == 0 {
            return;
        }
        for &k in &items {
            let (Some(w), Some(d)) = (tokens.get(k), tokens.get(k + 1)) else {
                continue;
            };
            if starts.contains(&w.start) {
                continue;
            }
            let one_word = w.latin
                && w.shape == Shape::Title
                && w.letters() >= 3
                && d.is_punct('-')
                && d.space_before
                && tokens.get(k + 2).is_some_and(|a| a.space_before)
                && self.stop(w.text).is_none();
            if one_word {
                out.push(Mention::of_word(w));
            }
        }
    }
}
