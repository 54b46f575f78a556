//! Names in the lower case of text messages and chat: a sender introducing themselves
//! (`hi its tane whaanga dob 2/5/67`), someone a message reports on (`optom says tane
//! whaanga needs drops`), a colleague asked to do something (`…, tane can u put them
//! in`), and the subject of a question about what someone is doing (`Is Tane breathing
//! normally?`), and a lower-case sign-off closing a message (`… ring to rebook. tane`,
//! `don't forget us - tane x`).

use super::context::UNNAMED;
use super::initials::SIGN_OFF_WORDS;
use super::{FIELD_WORDS, Mention, NameRules, RELATIVE_VERBS, in_list, lower};
use crate::token::{Class, Shape, Token};

/// Words a sender introduces themselves with: "its tane" ("im" and "i'm" are left out: an
/// adjective follows them more often than a name, "im stuck").
const INTRODUCTIONS: &[&str] = &["its", "it's", "it’s"];

/// Verbs of reporting before the person reported on: "optom says tane needs …".
const REPORTING_VERBS: &[&str] = &["says", "said", "thinks", "reckons", "reports", "asked"];

/// Verbs after the person reported on, with [`RELATIVE_VERBS`]: "… tane needs drops".
const NEED_VERBS: &[&str] = &["needs", "should", "must", "needed"];

/// Modal verbs of a request to the person addressed: "tane can u …", "tane could you …".
const REQUEST_MODALS: &[&str] = &["can", "could", "will", "would"];

/// Auxiliaries opening a question about what someone is doing: "Is Tane breathing …?".
const QUESTION_AUXILIARIES: &[&str] = &["is", "was"];

/// The pronoun after a request's modal: "can u", "could you".
const YOU: &[&str] = &["u", "you", "ya"];

impl NameRules<'_> {
    /// A word that may be a name in a message's lower case (or title case): Latin, three
    /// letters or more, no clinical term, field word or pronoun, no common word unless a
    /// listed given name, and no long lower-case `-ing` form ("its beeping").
    fn message_name_word(&self, t: &Token<'_>) -> bool {
        let participle = t.shape == Shape::Lower && t.letters() >= 6 && t.text.ends_with("ing");
        t.is_word()
            && t.latin
            && !participle
            && matches!(t.shape, Shape::Lower | Shape::Title)
            && t.letters() >= 3
            && self.stop(t.text).is_none()
            && !in_list(t.text, FIELD_WORDS)
            && !in_list(t.text, UNNAMED)
            && (!self.common(t.text) || self.given(t.text))
    }

    /// One or two [`Self::message_name_word`]s from `first` on the same line, one at least
    /// no common word: the end of the run.
    fn message_name_run(&self, tokens: &[Token<'_>], first: usize) -> Option<usize> {
        let mut k = first;
        while k < first + 2
            && tokens
                .get(k)
                .is_some_and(|w| self.message_name_word(w) && w.space_before && !w.break_before)
        {
            k += 1;
        }
        let uncommon = tokens
            .get(first..k)
            .unwrap_or_default()
            .iter()
            .any(|w| !self.common(w.text));
        (k > first && uncommon).then_some(k)
    }

    /// Lower-case names in messages (see the module docs).
    pub(super) fn message_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let word = |k: usize| tokens.get(k).filter(|w| w.is_word()).map(|w| lower(w.text));
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            let w = lower(t.text);
            // "hi its tane whaanga dob …": the run ends at a field word, a number, a clause
            // mark or the line's end.
            if INTRODUCTIONS.contains(&w.as_str()) {
                if let Some(k) = self.message_name_run(tokens, i + 1) {
                    let ends = tokens.get(k).is_none_or(|n| {
                        n.line_start
                            || n.class == Class::Number
                            || n.is_punct(',')
                            || n.is_punct('.')
                            || n.is_punct('!')
                            || (n.is_word() && in_list(n.text, &["dob", "here", "from"]))
                    });
                    if ends {
                        push_run(tokens, i + 1, k, out);
                    }
                }
                continue;
            }
            // "optom says tane whaanga needs …".
            if REPORTING_VERBS.contains(&w.as_str()) {
                if let Some(k) = self.message_name_run(tokens, i + 1) {
                    let verb = word(k).is_some_and(|v| {
                        RELATIVE_VERBS.contains(&v.as_str()) || NEED_VERBS.contains(&v.as_str())
                    }) && tokens.get(k).is_some_and(|v| v.shape == Shape::Lower);
                    if verb {
                        push_run(tokens, i + 1, k, out);
                    }
                }
                continue;
            }
            // "Is Tane breathing normally?": a capitalised word between an auxiliary opening
            // the sentence and a lower-case `-ing` form.
            if t.sentence_start && QUESTION_AUXILIARIES.contains(&w.as_str()) {
                let subject = tokens.get(i + 1).filter(|n| {
                    n.is_word()
                        && n.latin
                        && super::title_like(n)
                        && n.space_before
                        && (self.name_like(n)
                            || (self.given(n.text) && self.stop(n.text).is_none()))
                        && !in_list(n.text, UNNAMED)
                });
                let doing = tokens.get(i + 2).is_some_and(|v| {
                    v.is_word()
                        && v.shape == Shape::Lower
                        && v.letters() >= 5
                        && v.text.ends_with("ing")
                });
                if let (Some(n), true) = (subject, doing) {
                    out.push(NameRules::given_word(n));
                }
                continue;
            }
            // "…, tane can u put them in": one lower-case word opening a clause, then a
            // request.
            let opens = t.sentence_start
                || i.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| p.is_punct(','));
            let request = word(i + 1).is_some_and(|m| REQUEST_MODALS.contains(&m.as_str()))
                && word(i + 2).is_some_and(|y| YOU.contains(&y.as_str()));
            if opens
                && request
                && t.shape == Shape::Lower
                && t.letters() >= 4
                && self.message_name_word(t)
                && !self.common(t.text)
            {
                push_run(tokens, i, i + 1, out);
            }
        }
    }
}

/// Pushes the words `from..to` as one mention: one word a given name, more a given name
/// and a surname.
fn push_run(tokens: &[Token<'_>], from: usize, to: usize, out: &mut Vec<Mention>) {
    let words: Vec<&Token<'_>> = (from..to).filter_map(|j| tokens.get(j)).collect();
    match words.as_slice() {
        [one] => out.push(NameRules::given_word(one)),
        _ => out.extend(NameRules::whole_run(&words)),
    }
}

/// Kisses after a sign-off: "- tane x".
const KISSES: &[&str] = &["x", "xx", "xxx"];

impl NameRules<'_> {
    /// A lower-case name signing off a message at the end of its line: after a finished
    /// sentence in a text written in lower case ("katana hi its the driver … to rebook.
    /// tane"), or after a dash before kisses ("Don't forget us - tane x"). The word is a
    /// [`Self::message_name_word`] of four letters or more, no common word unless a listed
    /// given name, and no closing word ("thanks", "cheers").
    pub(super) fn lower_sign_offs(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let lower_text = tokens
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| t.shape == Shape::Lower);
        for (i, t) in tokens.iter().enumerate() {
            if !(t.shape == Shape::Lower
                && t.letters() >= 4
                && self.message_name_word(t)
                && !in_list(t.text, SIGN_OFF_WORDS))
            {
                continue;
            }
            let ends = |k: usize| tokens.get(k).is_none_or(|n| n.line_start);
            let kissed = tokens
                .get(i + 1)
                .is_some_and(|x| x.is_word() && !x.line_start && in_list(x.text, KISSES))
                && ends(i + 2);
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let after_stop = prev.is_some_and(|p| p.is_punct('.')) && lower_text && ends(i + 1);
            let after_dash = prev
                .is_some_and(|p| p.is_punct('-') || p.is_punct('—') || p.is_punct('–'))
                && kissed;
            if after_stop || after_dash {
                out.push(self.lone_word(t));
            }
        }
    }
}
