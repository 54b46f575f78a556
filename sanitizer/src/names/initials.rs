//! Initials standing for a person, known by their place in a note: a sign-off at its end
//! ("… OT ok with it. sm", "thx RD", "— MU"), initials before or after a nursing
//! credential at the end of a line ("- GS RN", "- RN GS", "Signed GS HCA"), a staff
//! field's value ("Operator: DT |"), the reviewer after a review verb ("Review by VA on the
//! ward round"), the agent of a short closing clause or form field ("Consent taken by
//! ZJ.", "Collected 10:02 by ZJ  |  Lab no.", "SW to action.", "for discussion with
//! KT."), a list after an attendance label ("Present: FS, ES, SB."), and the speakers of a
//! chat transcript ("SB: on it", "piret: can someone …").

use super::context::{BED_WORDS, SIGNER_ROLES, UNNAMED};
use super::initials_agents::ROUTES;
use super::{FIELD_WORDS, Mention, NameRules, ROLE_TITLES, in_list, lower};
use crate::stoplist;
use crate::token::{Class, Shape, Token};

/// Words right before a sign-off: "thx RD".
pub(super) const SIGN_OFF_WORDS: &[&str] = &[
    "thx", "thanks", "ta", "cheers", "regards", "rgds", "from", "sgd", "sig", "signed",
];

/// Words that sign what follows them: "sgd A.B." at a note's end.
const SIGNING_WORDS: &[&str] = &["signed", "sgd", "sig"];

/// Credentials a nurse or other staff member signs after their initials: "- GS RN".
pub(super) const SIGN_CREDENTIALS: &[&str] =
    &["rn", "rgn", "rm", "en", "hca", "sn", "cns", "anp", "np"];

/// Nouns of a meeting after which `with` names the person it is with: "for discussion
/// with KT".
const WITH_NOUNS: &[&str] = &[
    "discussion",
    "discussed",
    "review",
    "reviewed",
    "liaise",
    "d/w",
];

/// Verbs of a review before `by` and its agent: "Review by VA on the ward round".
pub(super) const REVIEW_VERBS: &[&str] = &["review", "reviewed", "seen", "checked", "assessed"];

/// Field labels of the staff member who did an examination or a shift ("Operator: DT |",
/// "NIC: RB"): upper-case letters after them are initials even when they spell an
/// abbreviation.
const STAFF_LABELS: &[&str] = &[
    "operator",
    "technologist",
    "tech",
    "radiographer",
    "sonographer",
    "performed",
    "nic",
    "researcher",
    "witness",
    "witnessed",
    "checker",
    // A dental nurse's field on a chart ("Operator: … DN: PK"), the packer and checker of
    // a sterile tray ("Packed: MT  Checked: BZ"), a tester of a hearing test ("Tester MK.").
    "dn",
    "packed",
    "packer",
    "checked",
    "tester",
    // The stages of a surgical safety checklist, signed by initials ("Sign-in: AB").
    "sign-in",
    "sign-out",
];

/// Credentials and name suffixes among the field words: never a sign-off's initials.
pub(super) const FIELD_CREDENTIALS: &[&str] = &[
    "md", "phd", "rn", "dm", "np", "pa", "do", "ms", "jr", "iii", "ii", "iv",
];

/// Note words among [`NOT_INITIALS`] that cannot be the agent after `by` ("Issued … by
/// PS" is someone's initials, never a postscript).
const NOTE_WORDS: &[&str] = &[
    "ps", "fyi", "asap", "tbc", "tba", "ok", "pls", "plz", "thx", "ty", "xx", "xxx",
];

/// Separators between the initials of a pair or list of signers: "signed AB / C.D.".
pub(super) fn initials_separator(t: &Token<'_>) -> bool {
    t.is_punct('/')
        || t.is_punct('+')
        || t.is_punct('&')
        || t.is_punct(',')
        || (t.is_word() && lower(t.text) == "and")
}

/// Words of cause or course before `by`: what follows them is a condition or an event
/// ("complicated by AF and PE", "followed by VT"), not the agents of an act.
const CAUSE_WORDS: &[&str] = &[
    "complicated",
    "caused",
    "followed",
    "accompanied",
    "precipitated",
    "triggered",
    "exacerbated",
    "aggravated",
    "characterised",
    "characterized",
    "manifested",
    "preceded",
    "suggested",
    "indicated",
    "explained",
    "driven",
    "limited",
];

/// Whether the word right before `by` (at `by`) is one of [`CAUSE_WORDS`].
fn cause_before(tokens: &[Token<'_>], by: usize) -> bool {
    by.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|w| w.is_word() && in_list(w.text, CAUSE_WORDS))
}

/// Labels of an attendance list: "Present: FS, ES, SB".
const ATTENDANCE_LABELS: &[&str] = &["present", "attendees", "attending", "apologies"];

/// Upper-case abbreviations of teams, places and orders that end or head a note the way
/// initials do ("… review in clinic. GP", "OT to assess"): never read as initials.
pub(super) const NOT_INITIALS: &[&str] = &[
    "gp", "ot", "pt", "slt", "dn", "ed", "ae", "icu", "itu", "hdu", "mdt", "ok", "nok", "tto",
    "tta", "dnr", "nbm", "obs", "iv", "po", "sc", "im", "prn", "bd", "tds", "qds", "od", "nhs",
    "uk", "us", "usa", "eu", "cc", "ps", "fyi", "asap", "tbc", "tba", "nad", "ix", "rx", "dx",
    "hx", "tx", "fu", "ooh", "ccu", "amu", "sau", "mau", "opd", "ent", "gi", "ob", "ltd", "plc",
    "inc", "pls", "plz", "thx", "xx", "xxx", "np", "ty", "tbh", "brb", "lol", "hrs", "hr", "min",
    "ct", "mri", "xr", "ecg", "eeg",
];

/// Upper-case abbreviations of times, measurements and notes ("3 PM", "BP 120/80", "Na
/// 135", "NB:"): not initials on their own, but they may spell those of a person found
/// elsewhere in the request (see [`NameRules::spells_known_initials`]).
pub(super) const LETTER_ABBREVIATIONS: &[&str] = &[
    "am", "pm", "nb", "na", "mg", "ml", "kg", "mmol", "bp", "hb", "wcc", "crp", "inr", "ga", "la",
];

impl NameRules<'_> {
    /// A word that can be someone's initials: two or three Latin letters, upper case (or
    /// lower case where `lower_ok`, chat sign-offs, and then no word: not a common word, or
    /// without a vowel), no clinical abbreviation, built-in stop word or field word. The
    /// lexicon's common and medical vocabularies hold most letter pairs, so they decide
    /// nothing for upper case.
    pub(crate) fn initials_like(&self, t: &Token<'_>, lower_ok: bool) -> bool {
        let no_vowel = || !t.text.chars().any(|c| "aeiouyAEIOUY".contains(c));
        t.is_word()
            && t.latin
            && (2..=3).contains(&t.letters())
            && t.letters() == t.text.chars().count()
            && (t.shape == Shape::Upper
                || (lower_ok && t.shape == Shape::Lower && (no_vowel() || !self.common(t.text))))
            && stoplist::stop_kind(t.text).is_none()
            && !in_list(t.text, FIELD_WORDS)
            && !in_list(t.text, ROLE_TITLES)
            && !in_list(t.text, NOT_INITIALS)
            && !in_list(t.text, LETTER_ABBREVIATIONS)
    }

    /// Whether word `k` may be the initials of a person found elsewhere in the request even
    /// though it spells an abbreviation ("urgent slot for PM" with Piret Mägi in the
    /// message): two or three upper-case letters, no team, order, title or field word
    /// (`MS`), not on an all-caps line, and no number or colon next to it ("3 PM", "BP
    /// 120/80", "NB: …"). Letters alone in square brackets (a consent form's boxes) spell
    /// initials whatever they are.
    pub(crate) fn spells_known_initials(&self, tokens: &[Token<'_>], k: usize) -> bool {
        let Some(t) = tokens.get(k) else { return false };
        let number = |j: Option<usize>| {
            j.and_then(|j| tokens.get(j))
                .is_some_and(|n| n.class == Class::Number || n.is_punct(':'))
        };
        // "Initial each box: [WT] [WT]": letters alone in square brackets are someone's
        // initials even when they spell an abbreviation.
        let boxed = k > 0
            && tokens.get(k - 1).is_some_and(|b| b.is_punct('['))
            && tokens.get(k + 1).is_some_and(|b| b.is_punct(']'))
            && upper_letters(t)
            && (2..=3).contains(&t.letters());
        self.initials_like(t, false)
            || boxed
            || (upper_letters(t)
                && !t.upper_line
                && !in_list(t.text, NOT_INITIALS)
                && !in_list(t.text, ROLE_TITLES)
                && !in_list(t.text, FIELD_WORDS)
                && !number(k.checked_sub(1))
                && !number(Some(k + 1)))
    }

    /// Initials in the places a note's writer or a colleague signs (see the module docs).
    pub(super) fn initials(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        dotted_signatures(tokens, out);
        signed_lists(tokens, out);
        let mut push = |t: &Token<'_>| {
            out.push(Mention::of_word(t));
        };
        // The sign-off: the last word, only full stops after it.
        let last = tokens.iter().rposition(Token::is_word);
        if let Some(i) = last.filter(|&i| tokens.iter().skip(i + 1).all(|p| p.is_punct('.'))) {
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let after_stop = prev.is_some_and(|p| p.is_punct('.') || p.is_punct('—'));
            let after_dash = prev.is_some_and(|p| p.is_punct('—') || p.is_punct('-'));
            let after_word = prev.is_some_and(|p| {
                p.is_word() && (in_list(p.text, SIGN_OFF_WORDS) || in_list(p.text, STAFF_LABELS))
            });
            if let Some(t) = tokens.get(i) {
                // A credential is no one's initials ("Signed A.B. HCA").
                // A field word alone after a finished sentence, ending the note, labels
                // nothing: it is the writer's initials ("… letter home. ID").
                let field_letters = upper_letters(t)
                    && in_list(t.text, FIELD_WORDS)
                    && !in_list(t.text, FIELD_CREDENTIALS)
                    && !abbreviation(t.text)
                    && after_stop;
                // After a staff label ("Tester EU."), letters sign whatever they spell.
                let staff_letters = upper_letters(t)
                    && !in_list(t.text, ROLE_TITLES)
                    && prev.is_some_and(|p| p.is_word() && in_list(p.text, STAFF_LABELS));
                let upper = (self.initials_like(t, false) || field_letters || staff_letters)
                    && !in_list(t.text, SIGN_CREDENTIALS)
                    && (after_stop || after_dash || after_word || t.sentence_start);
                // Lower-case initials only after a finished sentence or a sign-off word:
                // "… with it. sm", "… bolus. thx wsf".
                let lower_case = self.initials_like(t, true)
                    && t.shape == Shape::Lower
                    && (prev.is_some_and(|p| p.is_punct('.')) || after_word);
                if upper || lower_case {
                    push(t);
                }
            }
        }
        for (i, t) in tokens.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let next = tokens.get(i + 1);
            // "- NA RN": before a credential that ends the line, after a dash or at a line's
            // start, upper-case letters sign even when they spell an abbreviation.
            // Two or three capitals, no credential or role title themselves.
            let signing_letters = t.is_word()
                && t.latin
                && t.shape == Shape::Upper
                && (2..=3).contains(&t.letters())
                && t.letters() == t.text.chars().count()
                && !in_list(t.text, SIGN_CREDENTIALS)
                && !in_list(t.text, ROLE_TITLES);
            // "Signed CZ HCA" too: after the word `signed`.
            let credential = signing_letters
                && next.is_some_and(|n| {
                    n.is_word() && n.shape == Shape::Upper && in_list(n.text, SIGN_CREDENTIALS)
                })
                && tokens
                    .get(i + 2)
                    .is_none_or(|a| a.line_start || a.is_punct('.'))
                && (t.line_start
                    || prev.is_some_and(|p| {
                        p.is_punct('-')
                            || p.is_punct('—')
                            || (p.is_word() && lower(p.text) == "signed")
                    }));
            // "Operator: DT | Station: …": a staff field's value, ending at a separator or
            // the line's end.
            // "Given by: SC": a form's agent field.
            let staff_field = signing_letters
                && prev.is_some_and(|p| p.is_punct(':'))
                && i.checked_sub(2)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(|w| {
                        w.is_word()
                            && (in_list(w.text, STAFF_LABELS)
                                || (lower(w.text) == "by" && !in_list(t.text, NOT_INITIALS)))
                    })
                && next.is_none_or(|n| {
                    n.break_before || n.is_punct('|') || n.is_punct(',') || n.is_punct(';')
                });
            // "- RN HP": after a credential that follows a dash or starts the line, at the
            // end of the line.
            let after_credential = signing_letters
                && !in_list(t.text, NOT_INITIALS)
                && prev.is_some_and(|p| {
                    p.is_word() && p.shape == Shape::Upper && in_list(p.text, SIGN_CREDENTIALS)
                })
                && i.checked_sub(2)
                    .and_then(|d| tokens.get(d))
                    .is_some_and(|d| d.is_punct('-') || d.is_punct('—') || d.is_punct('–'))
                && next.is_none_or(|n| n.line_start || n.is_punct('.'));
            // "Participant initials: BM", "Pt initials - TK": a field that names initials.
            let labelled = upper_letters(t)
                && (2..=4).contains(&t.letters())
                && (1..=2).any(|back| {
                    i.checked_sub(back)
                        .and_then(|j| tokens.get(j))
                        .is_some_and(|w| w.is_word() && lower(w.text) == "initials")
                        && (back == 1 || prev.is_some_and(|p| p.is_punct(':') || p.is_punct('-')))
                });
            // "Initials in boxes: [HS] [HS]": letters alone in square brackets on a line
            // that asks for initials.
            let boxed = upper_letters(t)
                && prev.is_some_and(|p| p.is_punct('['))
                && next.is_some_and(|n| n.is_punct(']'))
                && initials_cue_before(tokens, i);
            if credential || after_credential || labelled || staff_field || boxed {
                push(t);
                continue;
            }
            if Self::addressed(tokens, i) || Self::initials_in_bed(tokens, i) {
                push(t);
                continue;
            }
            // "repeated, 5.2 now. told yk": who was told, at the end of a line (lower case
            // too, as chat writes it).
            let told = prev.is_some_and(|p| p.is_word() && lower(p.text) == "told")
                && next.is_none_or(|n| n.line_start || n.is_punct('.'));
            if told && self.initials_like(t, true) {
                push(t);
                continue;
            }
            // "… PTA reliable. FK / 5/2/25": initials, a slash and the date closing the
            // line, after a finished sentence, a dash or at the line's start.
            let dated = upper_letters(t)
                && !abbreviation(t.text)
                && (t.line_start
                    || prev.is_some_and(|p| p.is_punct('.') || p.is_punct('-') || p.is_punct('—')))
                && next.is_some_and(|n| n.is_punct('/'))
                && date_closes_line(tokens, i + 2);
            if dated {
                push(t);
                continue;
            }
            // "answered by NB" closing its line: after `by`, letters that spell a time or
            // note abbreviation are the agent's initials too.
            let closing_agent = upper_letters(t)
                && (in_list(t.text, LETTER_ABBREVIATIONS) || in_list(t.text, NOTE_WORDS))
                && !t.upper_line
                && prev.is_some_and(|p| p.is_word() && lower(p.text) == "by")
                && next.is_none_or(|n| n.line_start);
            if closing_agent {
                push(t);
                continue;
            }
            if !self.initials_like(t, false) {
                continue;
            }
            // "taken by ZJ." / "checked by AB, …" / "Collected 09:10 by AB  |  Lab no.": the
            // agent closing a clause or a form's field.
            // "Review by VA on the ward round": after a review verb and `by`, whatever follows.
            let by = prev.is_some_and(|p| p.is_word() && lower(p.text) == "by");
            let reviewer = by
                && i.checked_sub(2)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(|w| w.is_word() && in_list(w.text, REVIEW_VERBS));
            let agent = reviewer
                || by
                    && !in_list(t.text, ROUTES)
                    && !cause_before(tokens, i.saturating_sub(1))
                    && next.is_none_or(|n| {
                        n.is_punct('.')
                            || n.is_punct(',')
                            || n.is_punct(';')
                            || n.is_punct(':')
                            || n.is_punct('|')
                            || n.break_before
                    });
            // "checked by SR and MA at 21:30": two agents joined by `and`, unless a word of
            // cause comes right before `by` ("complicated by AF and PE" names two
            // conditions, not two people).
            let and = |j: usize| {
                tokens
                    .get(j)
                    .is_some_and(|w| (w.is_word() && lower(w.text) == "and") || w.is_punct('&'))
            };
            let first_of_pair = by
                && !cause_before(tokens, i.saturating_sub(1))
                && and(i + 1)
                && tokens
                    .get(i + 2)
                    .is_some_and(|w| self.initials_like(w, false));
            let second_of_pair = and(i.wrapping_sub(1))
                && i.checked_sub(2)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(|w| self.initials_like(w, false))
                && i.checked_sub(3).is_some_and(|j| {
                    tokens
                        .get(j)
                        .is_some_and(|w| w.is_word() && lower(w.text) == "by")
                        && !cause_before(tokens, j)
                });
            if first_of_pair || second_of_pair {
                push(t);
                continue;
            }
            // "SW to action.": a sentence's subject before `to` and a lower-case verb.
            let to_verb = t.sentence_start
                && next.is_some_and(|n| n.is_word() && lower(n.text) == "to")
                && tokens
                    .get(i + 2)
                    .is_some_and(|v| v.is_word() && v.shape == Shape::Lower);
            // "for discussion with KT.": the person a meeting item is with.
            let with_whom = prev.is_some_and(|p| p.is_word() && lower(p.text) == "with")
                && i.checked_sub(2)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|w| w.is_word() && in_list(w.text, WITH_NOUNS))
                && next.is_none_or(|n| n.is_punct('.') || n.is_punct(',') || n.is_punct(';'));
            // "KD for TTO.": a line of its own giving a colleague a short task.
            let for_task = t.line_start
                && next.is_some_and(|n| n.is_word() && lower(n.text) == "for")
                && short_line_rest(tokens, i + 2);
            if agent || to_verb || with_whom || for_task {
                push(t);
            }
        }
        // "Present: FS, ES, SB.": every initials word of the comma list after the label.
        for (i, t) in tokens.iter().enumerate() {
            if !(t.is_word()
                && in_list(t.text, ATTENDANCE_LABELS)
                && tokens.get(i + 1).is_some_and(|c| c.is_punct(':')))
            {
                continue;
            }
            let mut k = i + 2;
            let mut run = Vec::new();
            while let Some(w) = tokens.get(k).filter(|w| self.initials_like(w, false)) {
                run.push(*w);
                match tokens.get(k + 1) {
                    Some(c) if c.is_punct(',') => k += 2,
                    _ => break,
                }
            }
            let ended = tokens
                .get(k + 1)
                .is_none_or(|e| e.class == Class::Punct && !e.is_punct(','));
            if run.len() >= 2 && ended {
                for w in &run {
                    push(w);
                }
            }
        }
    }
}

/// Whether a date of numbers joined by `/`, `.` or `-` runs from `k` to the end of its
/// line: "5/2/25".
fn date_closes_line(tokens: &[Token<'_>], k: usize) -> bool {
    let mut numbers = 0usize;
    let mut j = k;
    while let Some(t) = tokens.get(j) {
        if j > k && t.line_start {
            break;
        }
        if t.class == Class::Number {
            numbers += 1;
        } else if !(t.is_punct('/') || t.is_punct('.') || t.is_punct('-')) {
            return false;
        }
        j += 1;
    }
    numbers >= 2
}

/// Verbs of a patient attending, right after their initials: "KT attends for results".
const ATTENDANCE_VERBS: &[&str] = &[
    "attends",
    "attended",
    "reattends",
    "re-attends",
    "returns",
    "returned",
    "presents",
    "presented",
];

/// Words of a request right after the initials it is addressed to: "YD pls r/v bed 11".
const REQUEST_WORDS: &[&str] = &["pls", "plz", "please"];

/// A team, order, time or measurement abbreviation ([`NOT_INITIALS`],
/// [`LETTER_ABBREVIATIONS`]).
pub(super) fn abbreviation(word: &str) -> bool {
    in_list(word, NOT_INITIALS) || in_list(word, LETTER_ABBREVIATIONS)
}

/// Whether the line goes on from `k` with one to three words, then a full stop or nothing,
/// to its end: "… for TTO.".
fn short_line_rest(tokens: &[Token<'_>], k: usize) -> bool {
    let mut words = 0usize;
    let mut j = k;
    while let Some(w) = tokens.get(j) {
        if j > k && w.line_start {
            break;
        }
        if w.is_word() {
            words += 1;
            if words > 3 {
                return false;
            }
        } else if !w.is_punct('.') {
            return false;
        }
        j += 1;
    }
    words >= 1
}

/// Tokens looked back over for a cue of [`initials_cue_before`].
const CUE_WINDOW: usize = 24;

/// Whether the word `initials` (or `initial`) comes before token `i` on its line, within
/// [`CUE_WINDOW`] tokens: "Initials in boxes: [HS] [HS]".
fn initials_cue_before(tokens: &[Token<'_>], i: usize) -> bool {
    let from = i.saturating_sub(CUE_WINDOW);
    let mut k = i;
    while k > from {
        k -= 1;
        let Some(w) = tokens.get(k) else { break };
        if w.is_word() && matches!(lower(w.text).as_str(), "initials" | "initial") {
            return true;
        }
        if w.line_start {
            break;
        }
    }
    false
}

/// Whether word `i` comes right after a time stamp opening its line, the way a chat log
/// stamps each message: `[07:12] speaker:` or `07:12 speaker:`.
fn after_time_stamp(tokens: &[Token<'_>], i: usize) -> bool {
    let at = |back: usize| i.checked_sub(back).and_then(|k| tokens.get(k));
    let number = |back: usize| at(back).is_some_and(|n| n.class == Class::Number);
    let colon = |back: usize| at(back).is_some_and(|c| c.is_punct(':'));
    let bracketed = at(1).is_some_and(|b| b.is_punct(']'))
        && number(2)
        && colon(3)
        && number(4)
        && at(5).is_some_and(|b| b.is_punct('[') && b.line_start);
    let bare = number(1) && colon(2) && number(3) && at(3).is_some_and(|n| n.line_start);
    bracketed || bare
}

/// Two or three upper-case Latin letters and nothing else (they may spell an abbreviation).
pub(super) fn upper_letters(t: &Token<'_>) -> bool {
    t.is_word()
        && t.latin
        && t.shape == Shape::Upper
        && (2..=3).contains(&t.letters())
        && t.letters() == t.text.chars().count()
}

impl NameRules<'_> {
    /// Whether word `i` is the initials a message is addressed to: first on its line, then
    /// `pls` and a lower-case verb ("YD pls r/v bed 11"). A request is made of a person, so
    /// letters that spell an abbreviation count too, except teams and orders ("OT pls …").
    fn addressed(tokens: &[Token<'_>], i: usize) -> bool {
        tokens
            .get(i)
            .is_some_and(|t| upper_letters(t) && t.line_start && !abbreviation(t.text))
            && tokens
                .get(i + 1)
                .is_some_and(|p| p.is_word() && in_list(p.text, REQUEST_WORDS))
            && tokens
                .get(i + 2)
                .is_some_and(|v| v.is_word() && v.shape == Shape::Lower)
            && tokens
                .get(i)
                .is_some_and(|t| !in_list(t.text, ROLE_TITLES) && !in_list(t.text, FIELD_WORDS))
    }

    /// Whether word `i` is initials right before a ward place, the way a patient is named on
    /// a ward ("fyi RM (bed 14) for CT", "KD in bed 4"); teams and units are not ("ICU bed
    /// 3").
    fn initials_in_bed(tokens: &[Token<'_>], i: usize) -> bool {
        let Some(t) = tokens.get(i).filter(|t| upper_letters(t)) else {
            return false;
        };
        let skip = usize::from(tokens.get(i + 1).is_some_and(|n| {
            n.is_punct('(') || n.is_punct(',') || (n.is_word() && lower(n.text) == "in")
        }));
        !abbreviation(t.text)
            && !in_list(t.text, ROLE_TITLES)
            && tokens
                .get(i + 1 + skip)
                .is_some_and(|b| b.is_word() && in_list(b.text, BED_WORDS))
            && tokens
                .get(i + 2 + skip)
                .is_some_and(|n| n.class == Class::Number && n.space_before)
    }

    /// Whether word `i` opens a chat line: first on its line, then `:`, then a lower-case
    /// word ("SB: on it", "piret: who is doing obs …"); a speaker of two lower-case words
    /// counts too ("tane rua: on it"). With `loose`, a turn may also open a sentence inside
    /// a line ("… 3.1 lol. aroha: drink it") and its message may open with a number
    /// ("aroha: 2 mins"). Returns the index of the message's first word.
    fn chat_line(tokens: &[Token<'_>], i: usize, loose: bool) -> Option<usize> {
        let t = tokens.get(i)?;
        let inline = loose
            && t.sentence_start
            && i.checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| p.is_punct('.') || p.is_punct('?') || p.is_punct('!'));
        if !(t.is_word() && (t.line_start || inline || after_time_stamp(tokens, i)) && t.latin) {
            return None;
        }
        let second = tokens.get(i + 1).filter(|w| {
            t.shape == Shape::Lower
                && w.is_word()
                && w.latin
                && w.space_before
                && !w.line_start
                && w.shape == Shape::Lower
        });
        let colon = i + 1 + usize::from(second.is_some());
        (tokens.get(colon).is_some_and(|c| c.is_punct(':'))
            && tokens.get(colon + 1).is_some_and(|w| {
                !w.line_start
                    && ((w.is_word() && w.shape == Shape::Lower)
                        || (loose && w.class == Class::Number && w.space_before))
            }))
        .then_some(colon + 1)
    }

    /// The chat lines of a text (see `chat_line`): each speaker's first word and its
    /// message's first word. One line is a chat only when it is the whole text and its
    /// message uses chat shorthand ("emem: can u ring them back?"). A text that opens with
    /// a chat line, or holds two, is a chat: then turns inside a line and replies that
    /// open with a number count too ("… lol. aroha: ok", "aroha: 2 mins").
    fn chat_lines(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
        let lines: Vec<(usize, usize)> = (0..tokens.len())
            .filter_map(|i| Self::chat_line(tokens, i, false).map(|m| (i, m)))
            .collect();
        let single_chat = |&(i, m): &(usize, usize)| {
            i == 0
                && tokens.iter().skip(1).all(|t| !t.line_start)
                && tokens
                    .iter()
                    .skip(m)
                    .any(|w| w.is_word() && in_list(w.text, CHAT_SHORTHAND))
        };
        let loose = || -> Vec<(usize, usize)> {
            (0..tokens.len())
                .filter_map(|i| Self::chat_line(tokens, i, true).map(|m| (i, m)))
                .collect()
        };
        match lines.as_slice() {
            [one] if single_chat(one) => loose(),
            [] => Vec::new(),
            [(0, _)] => {
                let all = loose();
                if all.len() >= 2 { all } else { Vec::new() }
            }
            [_] => Vec::new(),
            _ => loose(),
        }
    }

    /// A patient's initials as the subject of an attendance, opening a sentence: "KT
    /// attends for results", "KT back for test of cure", "KT returned today". Letters that
    /// spell an abbreviation, a role title or a field word do not count ("GP attends").
    pub(super) fn attending_initials(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            // `initials_like` rules out abbreviations, role titles and field words.
            if !(t.sentence_start && upper_letters(t) && self.initials_like(t, false)) {
                continue;
            }
            let word = |k: usize| {
                tokens
                    .get(k)
                    .filter(|w| w.is_word() && w.space_before && w.shape == Shape::Lower)
                    .map(|w| w.text)
            };
            let attends = match word(i + 1) {
                Some(v) if in_list(v, ATTENDANCE_VERBS) => true,
                Some("back") => word(i + 2) == Some("for"),
                _ => false,
            };
            if attends {
                out.push(Mention::of_word(t));
            }
        }
    }

    /// The speakers of a chat transcript (two or more lines `speaker: message` with a
    /// lower-case message): initials of one to three upper-case letters ("G: yep"), or a
    /// lower-case word that is a given name or no common word ("piret:"), never a clinical
    /// abbreviation, stop word or field word ("plan: continue", "obs: stable").
    pub(super) fn chat_speakers(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let lines = Self::chat_lines(tokens);
        let named = |t: &Token<'_>| self.speaker_word(t);
        // Once a speaker is named by a word ("piret:"), the transcript is a chat and the
        // other speakers' initials count even when they spell an abbreviation ("MS: on it"),
        // teams and orders excepted.
        let chat = lines
            .iter()
            .any(|&(i, _)| tokens.get(i).is_some_and(&named));
        // A lower-case speaker who takes two turns or more in a chat names someone even when
        // the word is in the dictionary ("polya: …\n…\npolya: ta"), unless it labels a
        // note's section ("plan:", "update:").
        let turns = |w: &Token<'_>| {
            lines
                .iter()
                .filter(|&&(j, _)| {
                    tokens
                        .get(j)
                        .is_some_and(|s| lower(s.text) == lower(w.text))
                })
                .count()
        };
        let repeated = |w: &Token<'_>| {
            chat && w.shape == Shape::Lower
                && w.letters() >= 3
                && turns(w) >= 2
                && (self.stop(w.text).is_none() || self.rare_vocabulary_word(w.text))
                && !in_list(w.text, FIELD_WORDS)
                && !in_list(w.text, NOT_INITIALS)
                && !in_list(w.text, SECTION_LABELS)
        };
        let named = |t: &Token<'_>| named(t) || repeated(t);
        for &(i, first) in &lines {
            let Some(t) = tokens.get(i) else { continue };
            if first > i + 2 {
                // A speaker of two lower-case words: one must name someone, the other be no
                // stop word nor field word ("tane rua:", never "bed 4:" nor "side room:").
                let plain = |w: &Token<'_>| {
                    w.letters() >= 2
                        && (self.stop(w.text).is_none() || self.rare_vocabulary_word(w.text))
                        && !in_list(w.text, FIELD_WORDS)
                        && !in_list(w.text, NOT_INITIALS)
                };
                if let Some(w) = tokens
                    .get(i + 1)
                    .filter(|w| plain(t) && plain(w) && (named(t) || named(w)) && chat)
                {
                    out.extend(Self::whole_run(&[t, w]));
                }
                continue;
            }
            let single = t.letters() == 1 && t.shape == Shape::Title;
            let speaker = if t.shape == Shape::Upper || single {
                single
                    || self.initials_like(t, false)
                    || (chat && upper_letters(t) && !abbreviation(t.text))
            } else {
                named(t)
            };
            if speaker {
                let given = (t.shape == Shape::Lower && self.given(t.text)).then(|| lower(t.text));
                out.push(Mention {
                    start: t.start,
                    end: t.end,
                    surname: given.is_none().then(|| lower(t.text)),
                    given,
                    ..Mention::default()
                });
            }
        }
    }
}

/// Labels of a note's sections and fields written in lower case before a colon ("plan:
/// continue", "update: home today"): never a chat speaker, however often they recur.
const SECTION_LABELS: &[&str] = &[
    "plan",
    "note",
    "notes",
    "update",
    "re",
    "obs",
    "imp",
    "impression",
    "action",
    "actions",
    "issue",
    "issues",
    "summary",
    "comment",
    "comments",
    "reply",
    "response",
    "message",
    "msg",
    "subject",
    "todo",
    "task",
    "tasks",
    "temp",
    "sats",
    "resp",
    "pulse",
    "bloods",
    "meds",
    "diet",
    "mobility",
    "pain",
    "mood",
    "sleep",
    "skin",
    "wound",
    "output",
    "input",
    "history",
    "exam",
    "examination",
    "diagnosis",
    "dx",
    "rx",
    "advice",
    "outcome",
    "result",
    "results",
    "status",
    "time",
    "date",
    "ward",
    "bed",
    "room",
    "bay",
    "site",
    "reason",
    "fyi",
];

/// Verbs and prepositions of a chat message that take a person as their object: "can u
/// cover tanvo whaanga?", "dentist coming for tanvo at 3".
const CHAT_OBJECT_CUES: &[&str] = &[
    "cover", "for", "with", "see", "ask", "tell", "call", "ring", "bleep", "check", "review",
    "visit", "help", "collect", "re",
];

/// Chat shorthand that marks a lone `speaker: message` line as a chat message ("can u",
/// "pls", "tmrw").
const CHAT_SHORTHAND: &[&str] = &[
    "u", "pls", "plz", "tmrw", "thx", "np", "ur", "im", "fyi", "ty", "tnx", "cud", "wud", "msg",
];

/// Words after a lower-case name opening a chat message that address that person: "tane
/// can u ring them back?", "tane pls ring them".
const CHAT_REQUESTS: &[&str] = &["can", "could", "pls", "plz", "please"];

/// Words after a subject's initials opening a chat message: "sk cant do the meeting".
const CHAT_SUBJECT_VERBS: &[&str] = &[
    "cant", "can't", "cannot", "can", "will", "wont", "won't", "is", "isnt", "isn't", "has",
    "hasnt", "was", "said", "says", "needs", "wants", "off", "covering", "coming", "busy", "free",
    "aware", "did", "didnt", "didn't", "should", "might", "may",
];

/// Two-letter words of English and chat shorthand that open a message as its subject
/// ("it is", "we can", "im off"): never a colleague's initials. (The common-word list
/// holds most letter pairs as abbreviations, so it cannot veto here.)
const TWO_LETTER_WORDS: &[&str] = &[
    "it", "he", "we", "me", "my", "us", "so", "no", "ok", "im", "ur", "ya", "ye", "am", "an", "as",
    "at", "be", "by", "do", "go", "hi", "if", "in", "is", "of", "on", "or", "to", "up", "oh", "ah",
    "eh", "yo", "ta", "ty", "xx", "uh", "um", "er", "aw", "ha", "bp", "hb", "rr",
];

impl NameRules<'_> {
    /// Whether a chat speaker label's word names someone: lower case, three letters or
    /// more, a given name or no common word, and no term, field word or abbreviation.
    fn speaker_word(&self, t: &Token<'_>) -> bool {
        t.shape == Shape::Lower
            && t.letters() >= 3
            && (self.given(t.text) || !self.common(t.text))
            && self.stop(t.text).is_none()
            && !in_list(t.text, FIELD_WORDS)
            && !in_list(t.text, NOT_INITIALS)
    }

    /// People named inside the messages of a chat log (at least two `speaker: text` lines,
    /// one speaker named by a word, see `chat_speakers`): a lower-case word, or two, right
    /// after a verb or preposition that takes a person ([`CHAT_OBJECT_CUES`]: "can u cover
    /// tanvo whaanga?"), when no word is a dictionary word, clinical term or pointer at
    /// someone unnamed; and two lower-case letters opening a message before a verb
    /// ([`CHAT_SUBJECT_VERBS`]: "sk cant do it"), a colleague's initials.
    pub(super) fn chat_objects(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let lines = Self::chat_lines(tokens);
        let speaker_named = |t: &Token<'_>| self.speaker_word(t);
        if !lines
            .iter()
            .any(|&(i, _)| tokens.get(i).is_some_and(speaker_named))
        {
            return;
        }
        let name_word = |w: &Token<'_>| {
            w.is_word()
                && w.latin
                && w.space_before
                && !w.break_before
                && w.shape == Shape::Lower
                && w.letters() >= 3
                && !self.common(w.text)
                && self.stop(w.text).is_none()
                && !in_list(w.text, FIELD_WORDS)
                && !in_list(w.text, UNNAMED)
                && !in_list(w.text, NOT_INITIALS)
                && !in_list(w.text, BED_WORDS)
        };
        for &(_, first) in &lines {
            let end = (first + 1..tokens.len())
                .find(|&k| tokens.get(k).is_some_and(|t| t.line_start))
                .unwrap_or(tokens.len());
            // "sk cant do …", "… sleepy but ok. sk has the report", "yes signed, sk has the
            // sheet": initials as the subject of the message or of a sentence or clause in it.
            let opens = |k: usize| {
                k == first
                    || tokens.get(k - 1).is_some_and(|p| {
                        p.is_punct('.') || p.is_punct('!') || p.is_punct('?') || p.is_punct(',')
                    })
            };
            for s in (first..end).filter(|&k| k + 1 < end && opens(k)) {
                let (Some(t), Some(v)) = (tokens.get(s), tokens.get(s + 1)) else {
                    continue;
                };
                if t.is_word()
                    && t.latin
                    && t.letters() == 2
                    && t.text.chars().count() == 2
                    && t.shape == Shape::Lower
                    && !in_list(t.text, TWO_LETTER_WORDS)
                    && !in_list(t.text, NOT_INITIALS)
                    && !in_list(t.text, UNNAMED)
                    && !in_list(t.text, FIELD_WORDS)
                    && v.is_word()
                    && v.space_before
                    && in_list(v.text, CHAT_SUBJECT_VERBS)
                {
                    out.push(Mention::of_word(t));
                }
            }
            for k in first..end {
                let cue = tokens.get(k).is_some_and(|c| {
                    c.is_word() && c.shape == Shape::Lower && in_list(c.text, CHAT_OBJECT_CUES)
                });
                let Some(a) = tokens
                    .get(k + 1)
                    .filter(|a| cue && k + 1 < end && name_word(a))
                else {
                    continue;
                };
                let b = tokens.get(k + 2).filter(|b| k + 2 < end && name_word(b));
                let c = b.and_then(|_| tokens.get(k + 3).filter(|c| k + 3 < end && name_word(c)));
                let run: Vec<&Token<'_>> = std::iter::once(a).chain(b).chain(c).collect();
                out.extend(Self::whole_run(&run));
            }
            // "is tane on tonight?": who is asked after for a shift.
            for k in first..end {
                let asks = tokens
                    .get(k)
                    .is_some_and(|c| c.is_word() && in_list(c.text, &["is", "was"]));
                let on_shift = tokens
                    .get(k + 2)
                    .is_some_and(|o| o.is_word() && lower(o.text) == "on")
                    && tokens.get(k + 3).is_some_and(|w| {
                        k + 3 < end && w.is_word() && in_list(w.text, SHIFT_WORDS)
                    });
                if let Some(a) = tokens
                    .get(k + 1)
                    .filter(|a| asks && on_shift && k + 1 < end && name_word(a))
                {
                    out.push(Mention::of_word(a));
                }
            }
            // "… tmrw am. tane can u ring them back?": the person a request is addressed to.
            for s in (first..end).filter(|&k| k + 2 < end && opens(k)) {
                let (Some(t), Some(v)) = (tokens.get(s), tokens.get(s + 1)) else {
                    continue;
                };
                let request = in_list(v.text, CHAT_REQUESTS)
                    && (v.text != "can" && v.text != "could"
                        || tokens
                            .get(s + 2)
                            .is_some_and(|u| u.text == "u" || u.text == "you"));
                if (s == first || name_word(t)) && self.speaker_word(t) && v.space_before && request
                {
                    out.push(self.lone_word(t));
                }
            }
        }
    }
}

/// Shifts a chat asks whether someone is on: "is tane on tonight?".
const SHIFT_WORDS: &[&str] = &[
    "tonight", "today", "tomorrow", "tmrw", "nights", "days", "call", "shift", "duty", "lates",
    "earlies",
];

/// Words of a staff role in brackets after a sign-off's initials: "GG (physio)", "DE (OT)",
/// "AB (staff nurse)".
const BRACKETED_ROLES: &[&str] = &[
    "physio",
    "physiotherapist",
    "ot",
    "slt",
    "salt",
    "dietitian",
    "dietician",
    "pharmacist",
    "pharmacy",
    "nurse",
    "staff",
    "sister",
    "charge",
    "student",
    "hca",
    "hcsw",
    "rn",
    "rgn",
    "sn",
    "dn",
    "cns",
    "anp",
    "np",
    "midwife",
    "rm",
    "fy1",
    "fy2",
    "sho",
    "reg",
    "registrar",
    "consultant",
    "podiatrist",
    "podiatry",
    "therapist",
    "occupational",
    "speech",
    "language",
    "social",
    "worker",
    "tech",
    "technician",
    "assistant",
    "ward",
    "clerk",
];

impl NameRules<'_> {
    /// The initials signing off a note before their role in brackets, ending the text or
    /// line ("… to bring proper shoes. GG (physio)", "DE (OT)", "AB (staff nurse)"): two or
    /// three upper-case letters opening a sentence or line, then one to three role words
    /// ([`BRACKETED_ROLES`]) in round brackets.
    pub(super) fn bracketed_role_sign_offs(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let opens = t.sentence_start || t.line_start;
            if !(opens
                && t.is_word()
                && t.latin
                && t.shape == Shape::Upper
                && (2..=3).contains(&t.letters())
                && t.letters() == t.text.chars().count()
                && !in_list(t.text, NOT_INITIALS)
                && !in_list(t.text, FIELD_WORDS)
                && !in_list(t.text, BRACKETED_ROLES)
                && tokens
                    .get(i + 1)
                    .is_some_and(|b| b.is_punct('(') && b.space_before))
            {
                continue;
            }
            let mut k = i + 2;
            while tokens
                .get(k)
                .is_some_and(|w| w.is_word() && in_list(w.text, BRACKETED_ROLES))
            {
                k += 1;
            }
            let words = k - (i + 2);
            let closed = tokens.get(k).is_some_and(|c| c.is_punct(')'));
            let ends = tokens.get(k + 1).is_none_or(|n| {
                n.break_before
                    || (n.is_punct('.') && tokens.get(k + 2).is_none_or(|m| m.break_before))
            });
            if (1..=3).contains(&words) && closed && ends {
                out.push(Mention::of_word(t));
            }
        }
    }
}

/// Whether tokens `k` and `k + 1` are one upper-case Latin letter and its dot (`A.`), as
/// in dotted initials.
pub(super) fn dotted_letter(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k).is_some_and(|w| {
        w.is_word() && w.latin && w.letters() == 1 && w.text.chars().all(char::is_uppercase)
    }) && tokens
        .get(k + 1)
        .is_some_and(|d| d.is_punct('.') && !d.space_before)
}

/// Dotted initials before a sign credential that ends the line, after `signed`, a dash or
/// at the line's start: "Signed A.B. HCA", "- A.B.C. RN"; or without the credential at the
/// very end of the note, after a signing word ("sgd A.B.") or a staff role's label
/// ("Ward clerk: A.B."). The mention takes the dots.
fn dotted_signatures(tokens: &[Token<'_>], out: &mut Vec<Mention>) {
    let letter = |k: usize| dotted_letter(tokens, k);
    for i in 0..tokens.len() {
        let Some(t) = tokens.get(i) else { break };
        let opens = t.line_start
            || i.checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| {
                    p.is_punct('-')
                        || p.is_punct('—')
                        || p.is_punct('–')
                        || (p.is_word() && lower(p.text) == "signed")
                });
        let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
        let signing_word = prev.is_some_and(|p| p.is_word() && in_list(p.text, SIGNING_WORDS));
        let role_label = prev.is_some_and(|p| p.is_punct(':'))
            && i.checked_sub(2)
                .and_then(|j| tokens.get(j))
                .is_some_and(|w| {
                    w.is_word() && (in_list(w.text, SIGNER_ROLES) || in_list(w.text, STAFF_LABELS))
                });
        if !(opens || signing_word || role_label) || !letter(i) {
            continue;
        }
        let mut k = i;
        // The letters with their dots ("a.b."): never a word propagation could match.
        let mut letters = String::new();
        let mut count = 0usize;
        while count < 3 && letter(k) && tokens.get(k).is_some_and(|w| k == i || !w.space_before) {
            letters.push_str(&lower(tokens.get(k).map_or("", |w| w.text)));
            letters.push('.');
            count += 1;
            k += 2;
        }
        let credential = tokens.get(k).is_some_and(|n| {
            n.is_word() && n.shape == Shape::Upper && in_list(n.text, SIGN_CREDENTIALS)
        });
        let ends = tokens
            .get(k + 1)
            .is_none_or(|a| a.line_start || a.is_punct('.'));
        let Some(dot) = tokens.get(k.wrapping_sub(1)) else {
            continue;
        };
        // "sgd A.B." / "Ward clerk: A.B.": the letters end the note.
        // "Packed: A.N.  Checked: …": or end the label's field, at a gap or the line's end.
        let closing = (signing_word || role_label)
            && tokens.get(k).is_none_or(|n| n.break_before || n.line_start);
        if count >= 2 && ((credential && ends && opens) || closing) {
            out.push(Mention {
                start: t.start,
                end: dot.end,
                surname: Some(letters),
                ..Mention::default()
            });
        }
    }
}

/// One signer's initials at `k`, plain ("LD", up to four letters: "FASP") or dotted
/// ("M.S."): the token after them and the mention's normalized letters.
pub(super) fn signer_initials(tokens: &[Token<'_>], k: usize) -> Option<(usize, String)> {
    let t = tokens.get(k)?;
    let plain = t.is_word()
        && t.latin
        && t.shape == Shape::Upper
        && (2..=4).contains(&t.letters())
        && t.letters() == t.text.chars().count()
        && !abbreviation(t.text)
        && !in_list(t.text, ROLE_TITLES)
        && !in_list(t.text, SIGN_CREDENTIALS);
    if plain {
        return Some((k + 1, lower(t.text)));
    }
    let letter = |j: usize| dotted_letter(tokens, j);
    let mut j = k;
    let mut letters = String::new();
    while letters.len() < 6
        && letter(j)
        && (j == k || tokens.get(j).is_some_and(|w| !w.space_before))
    {
        letters.push_str(&lower(tokens.get(j).map_or("", |w| w.text)));
        letters.push('.');
        j += 2;
    }
    (letters.len() >= 4).then_some((j, letters))
}

/// The initials of two or more signers after a signing word, joined by `/`, `+`, `&`, a
/// comma or `and`, on one line: "signed LD / M.S.", "sgd AB + CD".
fn signed_lists(tokens: &[Token<'_>], out: &mut Vec<Mention>) {
    for (i, t) in tokens.iter().enumerate() {
        if !(t.is_word() && in_list(t.text, SIGNING_WORDS)) {
            continue;
        }
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        let mut k = i + 1;
        while let Some((next, letters)) = signer_initials(tokens, k) {
            if tokens.get(k).is_some_and(|w| w.line_start) {
                break;
            }
            let (Some(a), Some(b)) = (tokens.get(k), tokens.get(next - 1)) else {
                break;
            };
            found.push((a.start, b.end, letters));
            match tokens.get(next) {
                Some(sep) if initials_separator(sep) && !sep.line_start => k = next + 1,
                _ => break,
            }
        }
        if found.len() >= 2 {
            out.extend(found.into_iter().map(|(start, end, letters)| Mention {
                start,
                end,
                surname: Some(letters),
                ..Mention::default()
            }));
        }
    }
}
