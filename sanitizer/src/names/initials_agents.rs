//! Staff initials known by a person's slot in a sentence even when the letters also spell
//! a measurement, time or field abbreviation: the agents of a hands-on act after `by`
//! ("checked at the bedside by QX and A.B. at 21:30", "Call made by NA.", "needled by LA,
//! 2 attempts"), the subject of a staff verb opening a sentence ("QX discussed with Dr
//! …", "QX rang the ward"), and the owner in a possessive before a lower-case noun ("J.A.
//! used QX's barcode"). Teams, orders, routes of administration, credentials, titles and
//! stop-listed terms never count ("given by NG", "confirmed by MR and CT").

use super::initials::{
    FIELD_CREDENTIALS, NOT_INITIALS, REVIEW_VERBS, SIGN_CREDENTIALS, initials_separator,
    signer_initials, upper_letters,
};
use super::initials_slots::ACT_VERBS;
use super::{AGENT_VERBS, Mention, NameRules, ROLE_TITLES, in_list, is_title, lower};
use crate::stoplist;
use crate::token::{Shape, Token};

/// Words of a staff member's act whose agent follows `by`, besides the act verbs of
/// [`ACT_VERBS`], [`AGENT_VERBS`] and [`REVIEW_VERBS`]: "Call made by …", "Dosed by …",
/// "malaria advice by …".
const MORE_ACTS: &[&str] = &[
    "made",
    "done",
    "dosed",
    "injected",
    "inj",
    "advice",
    "counselled",
    "counseled",
    "completed",
    "taught",
    "supervised",
    "recorded",
    "measured",
    "collected",
    "delivered",
    "fitted",
];

/// Routes of administration written as letters after `by` ("given by NG", "by PR",
/// "by SL"): never someone's initials in the agent slot.
pub(super) const ROUTES: &[&str] = &[
    "iv", "im", "sc", "po", "pr", "pv", "ng", "nj", "sl", "io", "et", "td", "it", "id", "peg",
    "inh", "neb", "top", "og",
];

/// Times of day, which `by` also takes ("bloods by PM"): never an agent.
const TIMES: &[&str] = &["am", "pm"];

/// Verbs of a staff member's own act, right after their initials opening a sentence:
/// "QX rang the ward", "QX used …". `discussed` counts only before `with` and a capitalised
/// word ("QX discussed with Dr …"; "TB discussed with the family" is a topic).
const STAFF_VERBS: &[&str] = &["rang", "phoned", "spoke", "used", "emailed", "texted"];

/// Tokens looked back over from `by` for the act word of its clause.
const ACT_WINDOW: usize = 6;

/// Whether the letters can stand for an agent in a strong slot: two or three upper-case
/// Latin letters off an all-caps line, no team, order, route, time, role, credential,
/// title or stop-listed term (letters that spell a measurement or a field do count: in
/// "checked by SR and MA" they are people).
fn agent_letters(t: &Token<'_>) -> bool {
    upper_letters(t)
        && !t.upper_line
        && !in_list(t.text, NOT_INITIALS)
        && !in_list(t.text, ROUTES)
        && !in_list(t.text, TIMES)
        && !in_list(t.text, ROLE_TITLES)
        && !in_list(t.text, SIGN_CREDENTIALS)
        && !in_list(t.text, FIELD_CREDENTIALS)
        && !(is_title(t.text) && lower(t.text) != "sr")
        && stoplist::stop_kind(t.text).is_none()
}

/// Whether an act word ([`MORE_ACTS`] and the act lists) comes before token `by` in its
/// clause: within [`ACT_WINDOW`] tokens, no punctuation or line break between.
fn act_before(tokens: &[Token<'_>], by: usize) -> bool {
    let from = by.saturating_sub(ACT_WINDOW);
    let mut k = by;
    while k > from {
        let Some(after) = tokens.get(k) else {
            return false;
        };
        if after.line_start {
            return false;
        }
        k -= 1;
        let Some(w) = tokens.get(k) else { return false };
        if !w.is_word() {
            return false;
        }
        if [MORE_ACTS, ACT_VERBS, AGENT_VERBS, REVIEW_VERBS]
            .iter()
            .any(|list| in_list(w.text, list))
        {
            return true;
        }
    }
    false
}

impl NameRules<'_> {
    /// Initials in the slots of the module docs.
    pub(super) fn initials_agents(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let word = |k: usize, w: &str| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_word() && lower(t.text) == w)
        };
        for (i, t) in tokens.iter().enumerate() {
            if word(i, "by") && act_before(tokens, i) {
                self.by_agents(tokens, i, out);
            }
            // "QX discussed with Dr …", "QX rang the ward".
            let verb = tokens.get(i + 1).is_some_and(|v| {
                v.is_word()
                    && v.space_before
                    && (in_list(v.text, STAFF_VERBS)
                        || (lower(v.text) == "discussed"
                            && word(i + 2, "with")
                            && tokens.get(i + 3).is_some_and(Token::capitalized)))
            });
            if t.sentence_start && verb && upper_letters(t) && self.initials_like(t, false) {
                out.push(Mention::of_word(t));
            }
            // "used QX's barcode": two upper-case letters in the possessive, mid-sentence,
            // after a word that is no determiner, before a lower-case noun.
            let stem = &t.text[..t.name_end().saturating_sub(t.start).min(t.text.len())];
            let possessive = t.is_word()
                && t.latin
                && !t.sentence_start
                && stem.len() == 2
                && stem.len() < t.text.len()
                && stem.chars().all(|c| c.is_ascii_uppercase())
                && tokens.get(i + 1).is_some_and(|n| {
                    n.is_word() && n.shape == Shape::Lower && n.space_before && n.letters() >= 3
                })
                && i.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| {
                        p.is_word() && p.shape == Shape::Lower && !in_list(p.text, DETERMINERS)
                    });
            if possessive
                && !in_list(stem, NOT_INITIALS)
                && !in_list(stem, ROLE_TITLES)
                && !in_list(stem, ROUTES)
                && !is_title(stem)
                && stoplist::stop_kind(stem).is_none()
            {
                out.push(Mention {
                    start: t.start,
                    end: t.name_end(),
                    surname: Some(lower(stem)),
                    ..Mention::default()
                });
            }
        }
    }

    /// The agents after token `by` (an act word before it): a list of two or more
    /// initials, plain or dotted, joined by `and`, `&`, `/` or commas ("by QX and A.B. at
    /// 21:30"), or one set of letters closing the clause ("Call made by NA.").
    fn by_agents(&self, tokens: &[Token<'_>], by: usize, out: &mut Vec<Mention>) {
        let mut found: Vec<Mention> = Vec::new();
        let mut k = by + 1;
        while let Some((next, letters)) = signer_initials(tokens, k) {
            let (Some(a), Some(b)) = (tokens.get(k), tokens.get(next.wrapping_sub(1))) else {
                break;
            };
            let dotted = next > k + 1;
            if a.line_start || !(dotted || agent_letters(a)) {
                break;
            }
            found.push(Mention {
                start: a.start,
                end: b.end,
                surname: Some(letters),
                ..Mention::default()
            });
            match tokens.get(next) {
                Some(sep) if initials_separator(sep) && !sep.line_start => k = next + 1,
                _ => break,
            }
        }
        if found.len() >= 2 {
            out.extend(found);
            return;
        }
        // One agent closing the clause: "Call made by NA.", "needled by LA, 2 attempts".
        let Some(t) = tokens.get(by + 1).filter(|t| agent_letters(t)) else {
            return;
        };
        let closes = tokens.get(by + 2).is_none_or(|n| {
            n.line_start
                || (n.is_punct('.') || n.is_punct(',') || n.is_punct(';'))
                    && tokens
                        .get(by + 3)
                        .is_none_or(|a| a.space_before || a.line_start)
        });
        if closes {
            out.push(Mention::of_word(t));
        }
    }
}

/// Words before a possessive that make it a thing's, not a person's: "the QX's output".
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "his", "her", "their", "our", "its", "my", "your", "each",
    "every", "per",
];
