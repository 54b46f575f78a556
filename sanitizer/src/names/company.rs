//! One-word names known by the company they keep in a staff or ward note: a person with a
//! patient (`… lunch with Tanvo sitting alongside`), a colleague covering a shift (`Tanvo
//! is covering.`) and the colleague thanked for a favour (`Thanks for covering Tanvo, owe
//! you one`). The word must be capitalised, no common word (unless a listed given name),
//! clinical term or field word.

use super::{Mention, NameRules, in_list, lower, words};
use crate::token::{Shape, Token};

/// Participles of being with someone, after `with <name>`: "with Tanvo sitting alongside".
const PRESENCE_PARTICIPLES: &[&str] = &[
    "sitting",
    "standing",
    "staying",
    "waiting",
    "watching",
    "helping",
    "holding",
    "supporting",
    "assisting",
    "translating",
    "interpreting",
    "present",
];

/// Favours a colleague is thanked for, before their name: "Thanks for covering Tanvo".
const FAVOURS: &[&str] = &["covering", "swapping", "helping", "cover", "swap"];

/// Days and times, capitalised like names: "Thanks for covering Tuesday" (months are
/// [`words::is_month`]).
const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
    "tomorrow",
    "proj",
    "projection",
];

impl NameRules<'_> {
    /// One-word names by their company (see the module docs).
    pub(super) fn company_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let word = |k: usize| tokens.get(k).filter(|w| w.is_word()).map(|w| lower(w.text));
        for (i, t) in tokens.iter().enumerate() {
            if !self.company_word(t) {
                continue;
            }
            let prev = i.checked_sub(1).and_then(word);
            let next = word(i + 1);
            // "with Tanvo sitting alongside".
            let with = !t.sentence_start
                && prev.as_deref() == Some("with")
                && next
                    .as_deref()
                    .is_some_and(|n| in_list(n, PRESENCE_PARTICIPLES));
            // "Tanvo is covering." closing a sentence.
            let covering = t.sentence_start
                && next.as_deref() == Some("is")
                && word(i + 2).as_deref() == Some("covering")
                && tokens
                    .get(i + 3)
                    .is_none_or(|e| e.is_punct('.') || e.line_start);
            // "Thanks for covering Tanvo, owe you one".
            let thanked = !t.sentence_start
                && prev.as_deref().is_some_and(|p| in_list(p, FAVOURS))
                && i.checked_sub(2).and_then(word).as_deref() == Some("for")
                && i.checked_sub(3)
                    .and_then(word)
                    .is_some_and(|w| w == "thanks" || w == "thank" || w == "thx")
                && tokens
                    .get(i + 1)
                    .is_none_or(|e| e.is_punct(',') || e.is_punct('.') || e.is_punct('!'));
            if with || covering || thanked {
                out.push(Self::given_word(t));
            }
        }
    }

    /// A capitalised word that may be a one-word name in these slots.
    fn company_word(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.shape == Shape::Title
            && t.letters() >= 3
            && (self.name_like(t) || (self.given(t.text) && !self.common(t.text)))
            && self.stop(t.text).is_none()
            && !in_list(t.text, CALENDAR_WORDS)
            && !words::is_month(t.text)
    }
}
