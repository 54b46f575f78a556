//! Dash lists keyed by a family name: `- Whaanga: day 6 co-amoxiclav - stop today` on each
//! line of a ward round's list. One capitalised word then a colon opens every dash item of
//! the text, and when none of those words is a common word, clinical term or field word
//! they are the people the items are about (`- Plan: …`, `- Bloods: …` stay).

use super::{Mention, NameRules};
use crate::token::{Shape, Token};

/// Fewest items for the list to be a list of people.
const MIN_NAMED_ITEMS: usize = 2;

impl NameRules<'_> {
    /// Finds the keys of a dash list whose items all open `- Word:` (see the module doc).
    pub(super) fn dash_item_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut keys: Vec<&Token<'_>> = Vec::new();
        for (i, d) in tokens.iter().enumerate() {
            if !(d.line_start && (d.is_punct('-') || d.is_punct('•') || d.is_punct('*'))) {
                continue;
            }
            let key = tokens
                .get(i + 1)
                .filter(|w| w.is_word() && w.latin && w.shape == Shape::Title && !w.line_start);
            let colon = tokens
                .get(i + 2)
                .is_some_and(|c| c.is_punct(':') && !c.space_before);
            match key {
                Some(w) if colon => keys.push(w),
                // An item of another shape: this is no list keyed by people.
                _ => return,
            }
        }
        // A key that is a common word, clinical term or field word ("- Plan:") makes the
        // list one of sections, not of people.
        if keys.len() >= MIN_NAMED_ITEMS && keys.iter().all(|w| self.name_like(w)) {
            out.extend(keys.into_iter().map(Mention::of_word));
        }
    }
}
