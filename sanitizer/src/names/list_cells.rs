//! One-word cells of a list of people: in a numbered list (`1. Xa - rash`, `2. Yb Zc - sick
//! note`) the capitalised word right after the number and before a spaced dash, and in a
//! list of rooms or beds (`Room 6 Xa: refused`) the title-case word between the number and
//! a colon, is a name when another row of the same list opens with a person already found.

use super::context::BED_WORDS;
use super::{Mention, NameRules, in_list};
use crate::token::{Class, Shape, Token};
use std::collections::HashSet;

/// Rows needed before a shape counts as a list.
const MIN_ROWS: usize = 2;

/// The first token of the item opening the line at token `i` (`1.` or `1)` then a word).
fn numbered_item_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
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

/// Whether the cell word at `k` is followed by a spaced dash with a space after it.
fn before_spaced_dash(tokens: &[Token<'_>], k: usize) -> bool {
    tokens
        .get(k + 1)
        .is_some_and(|d| d.is_punct('-') && d.space_before)
        && tokens.get(k + 2).is_some_and(|a| a.space_before)
}

/// The first token after the room number of the row opening the line at token `i`
/// (`Room 6`, `Bed 12`).
fn room_row_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
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

/// Whether the cell word at `k` is closed by a colon right after it.
fn before_colon(tokens: &[Token<'_>], k: usize) -> bool {
    tokens
        .get(k + 1)
        .is_some_and(|c| c.is_punct(':') && !c.space_before)
}

impl NameRules<'_> {
    /// One-word cells of numbered lists and of room lists whose other rows open with a
    /// found person.
    pub(super) fn list_cells(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        self.one_word_cells(tokens, numbered_item_at, before_spaced_dash, out);
        self.one_word_cells(tokens, room_row_at, before_colon, out);
    }

    /// Finds the rows with `row_at` (the token index of each row's first cell); where there
    /// are enough of them and one opens with a found person, every other title-case cell
    /// word that `closed` accepts becomes a mention.
    fn one_word_cells(
        &self,
        tokens: &[Token<'_>],
        row_at: fn(&[Token<'_>], usize) -> Option<usize>,
        closed: fn(&[Token<'_>], usize) -> bool,
        out: &mut Vec<Mention>,
    ) {
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
            let Some(w) = tokens.get(k) else {
                continue;
            };
            let one_word = !starts.contains(&w.start)
                && w.latin
                && w.shape == Shape::Title
                && w.letters() >= 3
                && closed(tokens, k)
                && self.stop(w.text).is_none();
            if one_word {
                out.push(Mention::of_word(w));
            }
        }
    }
}
