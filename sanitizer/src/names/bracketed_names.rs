//! A name in brackets right after the person it names: a relative or a member of staff
//! named in passing (`mum (Tane)`, `the nurse in charge (Aroha)`, `the doctor (Whaanga?)`).
//! The bracket holds one to three capitalised words (a lower-case family-name particle may
//! open it) and perhaps a question mark, nothing else; each capitalised word is no common
//! word, clinical term or field word. Staff roles and teams open the slot too (`SLT
//! (Aroha)`, `rep (Tane)`). Likewise a capitalised unexplained word right before a
//! bracketed ward place and its number is the patient there (`take Tane (bed 6) down`).

use super::ward_openers::WARD_PLACES;
use super::words::{KIN_CUES, role_noun};
use super::{Mention, NameRules, in_list, is_particle, lower, name_prefix};
use crate::token::{Class, Shape, Token};

/// Nouns of people whose name may follow in brackets, besides kin, titles and roles.
const PERSON_NOUNS: &[&str] = &[
    "doctor",
    "nurse",
    "consultant",
    "registrar",
    "carer",
    "mum",
    "mom",
    "dad",
    "friend",
    "neighbour",
    "interpreter",
    "leader",
    // "the nurse in charge (Aroha)".
    "charge",
];

/// Short forms of staff roles and teams whose member may be named in brackets after
/// them: "SLT (Aroha)", "rep (Tane)".
const STAFF_SHORT_FORMS: &[&str] = &["rep", "slt", "salt", "ot", "physio", "sw", "hca", "cns"];

/// Most words inside the bracket.
const MAX_WORDS: usize = 3;

impl NameRules<'_> {
    /// Bracketed names after a person noun (see the module docs).
    pub(super) fn bracketed_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, open) in tokens.iter().enumerate() {
            if !open.is_punct('(') || i == 0 {
                continue;
            }
            let noun = tokens.get(i - 1).is_some_and(|w| {
                w.is_word()
                    && (in_list(w.text, KIN_CUES)
                        || in_list(w.text, PERSON_NOUNS)
                        || name_prefix(w.text)
                        || role_noun(w.text)
                        || in_list(w.text, STAFF_SHORT_FORMS))
            });
            if !noun {
                continue;
            }
            let mut k = i + 1;
            if tokens
                .get(k)
                .is_some_and(|p| p.is_word() && p.shape == Shape::Lower && is_particle(p.text))
            {
                k += 1;
            }
            let mut words: Vec<&Token<'_>> = Vec::new();
            while let Some(w) = tokens.get(k).filter(|w| {
                w.is_word()
                    && w.shape == Shape::Title
                    && (self.name_like(w) || (!words.is_empty() && !self.common(w.text)))
            }) {
                words.push(w);
                k += 1;
            }
            if tokens.get(k).is_some_and(|q| q.is_punct('?')) {
                k += 1;
            }
            let closed = tokens.get(k).is_some_and(|c| c.is_punct(')'));
            if !closed || words.is_empty() || words.len() > MAX_WORDS {
                continue;
            }
            let Some(first) = tokens.get(i + 1) else {
                continue;
            };
            let Some(mut m) = Self::whole_run(&words) else {
                continue;
            };
            if words.len() == 1 {
                m.given = None;
            }
            if first.shape == Shape::Lower {
                m.start = first.start;
                m.extra.insert(0, lower(first.text));
            }
            out.push(m);
        }
    }

    /// A capitalised unexplained word before `(bed 6)`, `(bay 2)`, `(side room 4)`.
    pub(super) fn before_bracketed_places(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let open = tokens
                .get(i + 1)
                .is_some_and(|o| o.is_punct('(') && o.space_before);
            let Some(place) = tokens
                .get(i + 2)
                .filter(|p| open && p.is_word() && in_list(p.text, WARD_PLACES))
            else {
                continue;
            };
            let number_at = if place.text.eq_ignore_ascii_case("side") {
                i + 4
            } else {
                i + 3
            };
            let numbered = tokens
                .get(number_at)
                .is_some_and(|n| n.class == Class::Number)
                && tokens.get(number_at + 1).is_some_and(|c| c.is_punct(')'));
            if numbered && t.shape == Shape::Title && !t.sentence_start && self.name_like(t) {
                out.push(Self::given_word(t));
            }
        }
    }
}
