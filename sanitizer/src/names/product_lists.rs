//! Lists of products and foods: a comma list of three or more items whose clause, or the
//! heading before its colon, names what the items are (pills, sprays, creams, foods,
//! dishes, a shelf or a formulary) lists brands or dishes, not people ("Xa, Yb, Zc cold
//! sore cream", "Foods include xa, Yb, Zc and the Wd"). A list of people has no such noun
//! ("Participants: Xa, Yb, Zc").

use super::{NameRules, TITLES, in_list};
use crate::token::Token;

/// Nouns that say a list's items are products or foods.
const PRODUCT_NOUNS: &[&str] = &[
    "pill",
    "pills",
    "tablet",
    "tablets",
    "capsules",
    "spray",
    "sprays",
    "cream",
    "creams",
    "gel",
    "gels",
    "ointment",
    "ointments",
    "lozenges",
    "drops",
    "injections",
    "patches",
    "brands",
    "products",
    "shelf",
    "shelves",
    "formulary",
    "food",
    "foods",
    "dishes",
    "diet",
    "menu",
    "snacks",
    "sweets",
    "drinks",
];

/// Whether token `t` ends a clause of a list (`.`, `;`, `:`, `!`, `?`, a bracket).
fn clause_end(t: &Token<'_>) -> bool {
    ['.', ';', ':', '!', '?', '(', ')']
        .iter()
        .any(|&c| t.is_punct(c))
}

/// The clause around tokens `first..=last`: from the token after the last clause mark
/// (see [`clause_end`]) or
/// the start of the sentence or line before `first`, to the token before the next clause
/// mark or line break after `last`; with the index of a `:` that opens it, if one does.
fn clause(tokens: &[Token<'_>], first: usize, last: usize) -> (usize, usize, Option<usize>) {
    let mut lo = first;
    let mut colon = None;
    while lo > 0 {
        let Some(t) = tokens.get(lo) else { break };
        if t.sentence_start || t.break_before {
            break;
        }
        let Some(p) = tokens.get(lo - 1) else { break };
        if clause_end(p) {
            if p.is_punct(':') {
                colon = Some(lo - 1);
            }
            break;
        }
        lo -= 1;
    }
    let mut hi = last;
    while let Some(n) = tokens.get(hi + 1) {
        if clause_end(n) || n.break_before {
            break;
        }
        hi += 1;
    }
    (lo, hi, colon)
}

/// The heading before the `:` at `colon`: its words back to the start of its sentence or
/// line.
fn heading<'t, 'a>(tokens: &'t [Token<'a>], colon: usize) -> &'t [Token<'a>] {
    let mut lo = colon;
    while lo > 0 {
        let Some(t) = tokens.get(lo - 1) else { break };
        lo -= 1;
        if t.sentence_start || t.break_before {
            break;
        }
    }
    tokens.get(lo..colon).unwrap_or_default()
}

impl NameRules<'_> {
    /// Tokens `first..=last` (a model's person span) are an item of a list of products or
    /// foods (see the module doc): the clause has two separators or more (commas, `and`,
    /// `or`), one a comma, and the clause or its heading a [`PRODUCT_NOUNS`] noun; no word
    /// of the item is a given name, and no title stands before it.
    pub(crate) fn in_product_list(&self, tokens: &[Token<'_>], first: usize, last: usize) -> bool {
        let (lo, hi, colon) = clause(tokens, first, last);
        let Some(inside) = tokens.get(lo..=hi) else {
            return false;
        };
        let commas = inside.iter().filter(|t| t.is_punct(',')).count();
        let joins = inside
            .iter()
            .filter(|t| t.is_word() && in_list(t.text, &["and", "or"]))
            .count();
        let head = colon.map_or(&[][..], |c| heading(tokens, c));
        let named = inside
            .iter()
            .chain(head)
            .any(|t| t.is_word() && in_list(t.text, PRODUCT_NOUNS));
        let titled = first
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| t.is_word() && in_list(t.text, TITLES));
        let given = tokens
            .get(first..=last)
            .unwrap_or_default()
            .iter()
            .any(|t| t.is_word() && self.given(t.text));
        commas >= 1 && commas + joins >= 2 && named && !titled && !given
    }
}
