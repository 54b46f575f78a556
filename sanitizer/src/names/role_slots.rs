//! A capitalised word in the slot a role or a relative opens is a name even when it is
//! also a common word (`Button`, `Server`), where the slot leaves no other reading:
//! - a lower-case role noun and one capitalised word closing a row's column (`… - surgeon
//!   Button  - …`, `anaes Tane  -`): mid-line capitals after a lower-case role are a name;
//! - a role noun, a dotted initial and a capitalised word (`Physio S. Whaanga to review`);
//! - a capitalised relative opening a sentence, a capitalised word and `to` with a
//!   lower-case verb (`Son Tane to help with …`).
//!
//! The word is never a clinical term of the built-in stop-list or a field word.

use super::initials::dotted_letter;
use super::words::{KIN_CUES, role_noun};
use super::{FIELD_WORDS, Mention, NameRules, in_list, lower};
use crate::stoplist::{self, StopKind};
use crate::token::{Shape, Token};

/// Short forms of theatre roles written before a name on a list: "anaes Tane".
const ROLE_SHORT_FORMS: &[&str] = &["anaes", "anaesth", "anaesthetist", "scrub"];

/// Whether `t` can be the name in a role's slot: a Latin title-case word of three letters
/// or more, no built-in clinical term and no field word.
fn slot_word(t: &Token<'_>) -> bool {
    t.is_word()
        && t.latin
        && t.shape == Shape::Title
        && t.letters() >= 3
        && !matches!(
            stoplist::stop_kind(t.text),
            Some(StopKind::Drug | StopKind::Anatomy | StopKind::Term)
        )
        && !in_list(t.text, FIELD_WORDS)
}

impl NameRules<'_> {
    /// Names in a role's or a relative's slot (see the module docs).
    pub(super) fn role_slots(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let Some(n) = tokens.get(i + 1) else { break };
            if !(t.is_word() && n.space_before && !n.break_before) {
                continue;
            }
            // "- surgeon Button  -": a column of a row.
            let lower_role =
                t.shape == Shape::Lower && (role_noun(t.text) || in_list(t.text, ROLE_SHORT_FORMS));
            let column_closes = tokens.get(i + 2).is_none_or(|c| {
                c.line_start
                    || c.break_before
                    || ((c.is_punct('-') || c.is_punct('–')) && c.space_before)
            });
            if lower_role && slot_word(n) && column_closes {
                out.push(Self::given_word(n));
                continue;
            }
            // "Physio S. Purse to review": a role noun, an initial, a capitalised word.
            let role = t.shape != Shape::Upper && role_noun(t.text);
            if role && dotted_letter(tokens, i + 1) {
                if let Some(s) = tokens
                    .get(i + 3)
                    .filter(|s| s.space_before && !s.break_before && slot_word(s))
                {
                    let next_caps = tokens
                        .get(i + 4)
                        .is_some_and(|w| w.is_word() && w.capitalized() && w.space_before);
                    if !next_caps {
                        out.push(Mention {
                            start: n.start,
                            end: s.name_end(),
                            surname: Some(Self::norm(s.text)),
                            initial: n.text.chars().next().and_then(|c| c.to_lowercase().next()),
                            ..Mention::default()
                        });
                    }
                }
                continue;
            }
            // "Son Server to help": a relative opening a sentence.
            let kin = t.shape == Shape::Title && t.sentence_start && in_list(t.text, KIN_CUES);
            let to_verb = tokens
                .get(i + 2)
                .is_some_and(|w| w.is_word() && lower(w.text) == "to")
                && tokens
                    .get(i + 3)
                    .is_some_and(|v| v.is_word() && v.shape == Shape::Lower);
            if kin && slot_word(n) && to_verb {
                out.push(Self::given_word(n));
            }
        }
    }
}
