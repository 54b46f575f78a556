//! A lower-case word opening a note right before a ward location (`quorvane in bay 2
//! refusing obs`): a hurried note names its patient first, so the word is a person when
//! it is no common word and no clinical term.

use super::{Mention, NameRules, in_list};
use crate::token::{Class, Shape, Token};

/// Ward places a patient is "in", followed by their number.
pub(super) const WARD_PLACES: &[&str] = &["bay", "bed", "cubicle", "room", "side", "pod"];

impl NameRules<'_> {
    /// The note's first word before `in bay|bed|side room N` (see the module docs).
    pub(super) fn ward_openers(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let Some(t) = tokens.first() else { return };
        let word = t.is_word()
            && t.latin
            && t.shape == Shape::Lower
            && t.letters() >= 3
            && !self.common(t.text)
            && self.stop(t.text).is_none();
        if !word || !tokens.get(1).is_some_and(|w| w.is_word() && w.text == "in") {
            return;
        }
        let Some(place) = tokens
            .get(2)
            .filter(|p| p.is_word() && in_list(p.text, WARD_PLACES))
        else {
            return;
        };
        // "side room 4": the number comes one word later.
        let number_at = if place.text.eq_ignore_ascii_case("side") {
            4
        } else {
            3
        };
        if tokens
            .get(number_at)
            .is_some_and(|n| n.class == Class::Number && !n.break_before)
        {
            out.push(Mention::of_word(t));
        }
    }
}
