//! Initials standing for a person, known by their place in a note: a sign-off at its end
//! ("… OT ok with it. sm", "thx RD", "— MU"), the agent of a short closing clause
//! ("Consent taken by ZJ.", "SW to action."), and a list after an attendance label
//! ("Present: FS, ES, SB.").

use super::{FIELD_WORDS, Mention, NameRules, ROLE_TITLES, in_list, lower};
use crate::stoplist;
use crate::token::{Class, Shape, Token};

/// Words right before a sign-off: "thx RD".
const SIGN_OFF_WORDS: &[&str] = &["thx", "thanks", "ta", "cheers", "regards", "rgds", "from"];

/// Labels of an attendance list: "Present: FS, ES, SB".
const ATTENDANCE_LABELS: &[&str] = &["present", "attendees", "attending", "apologies"];

/// Upper-case abbreviations of teams, places and orders that end or head a note the way
/// initials do ("… review in clinic. GP", "OT to assess"): never read as initials.
const NOT_INITIALS: &[&str] = &[
    "gp", "ot", "pt", "slt", "dn", "ed", "ae", "icu", "itu", "hdu", "mdt", "ok", "nok", "tto",
    "tta", "dnr", "nbm", "obs", "iv", "po", "sc", "im", "prn", "bd", "tds", "qds", "od", "nhs",
    "uk", "us", "usa", "eu", "am", "pm", "cc", "ps", "nb", "fyi", "asap", "tbc", "tba", "na",
    "nad", "ix", "rx", "dx", "hx", "tx", "fu", "ooh", "ccu", "amu", "sau", "mau", "opd", "ent",
    "gi", "ob", "ltd", "plc", "inc", "pls", "plz", "thx", "xx", "xxx", "np", "ty", "tbh", "brb",
    "lol", "hrs", "hr", "min", "mg", "ml", "kg", "mmol", "bp", "hb", "wcc", "crp", "inr", "ga",
    "la", "ct", "mri", "xr", "ecg", "eeg",
];

impl NameRules<'_> {
    /// A word that can be someone's initials: two or three Latin letters, upper case (or
    /// lower case where `lower_ok`, chat sign-offs, and then no word: not a common word, or
    /// without a vowel), no clinical abbreviation, built-in stop word or field word. The
    /// lexicon's common and medical vocabularies hold most letter pairs, so they decide
    /// nothing for upper case.
    pub(super) fn initials_like(&self, t: &Token<'_>, lower_ok: bool) -> bool {
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
    }

    /// Initials in the places a note's writer or a colleague signs (see the module docs).
    pub(super) fn initials(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut push = |t: &Token<'_>| {
            out.push(Mention {
                start: t.start,
                end: t.end,
                surname: Some(lower(t.text)),
                ..Mention::default()
            });
        };
        // The sign-off: the last word, only full stops after it.
        let last = tokens.iter().rposition(Token::is_word);
        if let Some(i) = last.filter(|&i| tokens.iter().skip(i + 1).all(|p| p.is_punct('.'))) {
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let after_stop = prev.is_some_and(|p| p.is_punct('.') || p.is_punct('—'));
            let after_dash = prev.is_some_and(|p| p.is_punct('—') || p.is_punct('-'));
            let after_word = prev.is_some_and(|p| p.is_word() && in_list(p.text, SIGN_OFF_WORDS));
            if let Some(t) = tokens.get(i) {
                let upper = self.initials_like(t, false)
                    && (after_stop || after_dash || after_word || t.sentence_start);
                // Lower-case initials only after a finished sentence: "… with it. sm".
                let lower_case = self.initials_like(t, true)
                    && t.shape == Shape::Lower
                    && prev.is_some_and(|p| p.is_punct('.'));
                if upper || lower_case {
                    push(t);
                }
            }
        }
        for (i, t) in tokens.iter().enumerate() {
            if !self.initials_like(t, false) {
                continue;
            }
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let next = tokens.get(i + 1);
            // "taken by ZJ." / "checked by AB, …": the agent closing a clause.
            let agent = prev.is_some_and(|p| p.is_word() && lower(p.text) == "by")
                && next.is_none_or(|n| n.is_punct('.') || n.is_punct(',') || n.is_punct(';'));
            // "SW to action.": a sentence's subject before `to` and a lower-case verb.
            let to_verb = t.sentence_start
                && next.is_some_and(|n| n.is_word() && lower(n.text) == "to")
                && tokens
                    .get(i + 2)
                    .is_some_and(|v| v.is_word() && v.shape == Shape::Lower);
            if agent || to_verb {
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
