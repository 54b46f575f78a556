//! Agent slots before an initial written without a dot: `Done by F Whaanga,`, `Seen by
//! nurse in charge T Whaanga`, `Independent assessor: T Whaanga, 15.02.25`. A bare capital
//! letter is a term's letter in most places (`vitamin D Levels`, `Hep B Vaccine`, `Grade A
//! Hospital`); only after such a slot does it open a name.

use super::context::SIGNER_ROLES;
use super::words::role_noun;
use super::{in_list, lower};
use crate::token::Token;

/// Words that open an agent's or sender's slot right before a name: `by`, `from`.
const AGENT_CUES: &[&str] = &["by", "from"];

/// Most lower-case words of a role phrase between `by` and the initial ("by nurse in
/// charge T Whaanga").
const MAX_ROLE_WORDS: usize = 4;

/// Whether the token before `i` (an initial without a dot) closes an agent's slot: `by` or
/// `from` right before it, `by` then a lower-case role phrase (`by nurse in charge`), or a
/// staff role's field label and its colon (`Independent assessor:`, `Pharmacist:`).
pub(super) fn agent_slot_before(tokens: &[Token<'_>], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    if p.is_word() && in_list(p.text, AGENT_CUES) {
        return true;
    }
    if p.is_punct(':') {
        return i
            .checked_sub(2)
            .and_then(|q| tokens.get(q))
            .is_some_and(|w| w.is_word() && staff_role(w.text));
    }
    // "by nurse in charge T Whaanga": lower-case words back to `by`, the first a role.
    let mut j = i;
    let mut words = 0;
    while let Some(w) = j.checked_sub(1).and_then(|q| tokens.get(q)) {
        if !w.is_word() || w.text.chars().any(char::is_uppercase) {
            return false;
        }
        if in_list(w.text, AGENT_CUES) {
            return words >= 1
                && tokens
                    .get(j)
                    .is_some_and(|r| r.is_word() && staff_role(r.text));
        }
        words += 1;
        if words > MAX_ROLE_WORDS {
            return false;
        }
        j -= 1;
    }
    false
}

/// A staff role noun (`nurse`, `pharmacist`, `assessor`, `coordinator`).
fn staff_role(word: &str) -> bool {
    let w = lower(word);
    in_list(&w, SIGNER_ROLES) || role_noun(&w) || is_agent_noun(&w)
}

/// An agent noun of a checking or assessing role ending in `-or` ("assessor",
/// "supervisor", "coordinator"): seven letters or more, no `-ior` adjective ("posterior").
fn is_agent_noun(w: &str) -> bool {
    w.chars().count() >= 7
        && w.chars().all(char::is_alphabetic)
        && w.ends_with("or")
        && !w.ends_with("ior")
}
