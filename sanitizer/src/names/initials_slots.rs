//! Initials known by the slot they fill in a record rather than by a sign-off: the agent
//! after `by` before a time (`Tested by QX at 10:40`), two checkers joined by a slash
//! (`Drug check: QX/ZV balance 12`), a participant before a bracketed study or record
//! number (`Window for QX (study no …)`), and an operator's initials between a procedure's
//! date and its lower-case finding (`Valve changed 3 May 2024 QX no leak`), two checkers
//! closing a check line (`… correct. QX / ZV`), initials after a wide gap closing a row
//! that opens with a time, a visit log's rows (`Mon seen QX`, `- QX rang`), the agent of a
//! hands-on act (`Needled by QX -`), a signer (`Authorised QX.`, `Signed QX 22:14`), a
//! crew (`from crew QX:`) and a code column before a record number (`SAMPLES  QX  AB-12`).
//! Letters that
//! spell a clinical, team or measurement abbreviation never count
//! ([`NameRules::initials_like`]).

use super::{Mention, NameRules, in_list, lower};
use crate::EntityKind;
use crate::token::{Class, Shape, Token};
use crate::types::Span;

/// Words that open a bracketed record or study number: `(study no …)`, `(MRN …)`.
const NUMBER_WORDS: &[&str] = &[
    "study",
    "trial",
    "participant",
    "subject",
    "hosp",
    "hospital",
    "mrn",
    "nhs",
    "id",
    "ref",
    "no",
    "number",
    "clinic",
];

/// Past participles of a hands-on act whose agent follows `by`: "Needled by QX - …".
pub(super) const ACT_VERBS: &[&str] = &[
    "needled",
    "cannulated",
    "sited",
    "inserted",
    "taken",
    "performed",
    "witnessed",
    "administered",
    "dispensed",
    "prepared",
];

/// Words that authorise or sign a record, before the signer's initials and the end of a
/// sentence or a time: "Authorised QX.", "Signed QX 22:14".
const SIGNING_WORDS: &[&str] = &["authorised", "authorized", "signed", "countersigned"];

/// Verbs a visitor's initials come before at the end of a log row: "- QX rang".
const CONTACT_VERBS: &[&str] = &["rang", "phoned", "called", "visited"];

impl NameRules<'_> {
    /// Initials in the slots of a record (see the module docs); `typed` holds the dates.
    pub(super) fn initials_slots(
        &self,
        tokens: &[Token<'_>],
        typed: &[Span],
        out: &mut Vec<Mention>,
    ) {
        let mut push = |t: &Token<'_>| {
            out.push(Mention::of_word(t));
        };
        let word = |k: usize, w: &str| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_word() && lower(t.text) == w)
        };
        let number = |k: usize| tokens.get(k).is_some_and(|n| n.class == Class::Number);
        let listed = |k: usize, list: &[&str]| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_word() && in_list(t.text, list))
        };
        let punct = |k: usize, c: char| tokens.get(k).is_some_and(|t| t.is_punct(c));
        // Last token of its line (or of the text).
        let line_end = |k: usize| tokens.get(k + 1).is_none_or(|n| n.line_start);
        // Index of the first token of the current line.
        let mut line_first = 0;
        for (i, t) in tokens.iter().enumerate() {
            if t.line_start {
                line_first = i;
            }
            if t.upper_line || !self.two_letters(t) {
                continue;
            }
            let prev = i.checked_sub(1);
            // "… correct. QX / ZV": two checkers, slash and spaces, closing a check line
            // after a sentence.
            let spaced_pair = |a: usize| {
                tokens
                    .get(a)
                    .is_some_and(|x| x.sentence_start && self.two_letters(x))
                    && tokens
                        .get(a + 1)
                        .is_some_and(|x| x.is_punct('/') && x.space_before)
                    && tokens
                        .get(a + 2)
                        .is_some_and(|x| x.space_before && self.two_letters(x))
                    && line_end(a + 2)
            };
            let closing_pair = spaced_pair(i) || i.checked_sub(2).is_some_and(spaced_pair);
            // "08:00 rate ok  QX": initials after a wide gap closing a row that opens with
            // a time.
            let timed_row = t.break_before
                && !t.line_start
                && line_end(i)
                && number(line_first)
                && punct(line_first + 1, ':')
                && number(line_first + 2);
            // "Mon seen QX", "- QX rang": a visit log's row.
            let visit_log = (prev.is_some_and(|p| word(p, "seen")) && line_end(i))
                || (prev.is_some_and(|p| punct(p, '-'))
                    && listed(i + 1, CONTACT_VERBS)
                    && line_end(i + 1));
            // "Needled by QX - buttonhole", "Needled by QX (AVF": the agent of a hands-on
            // act before a break in the sentence.
            let act_agent = prev.is_some_and(|p| word(p, "by"))
                && i >= 2
                && listed(i - 2, ACT_VERBS)
                && tokens
                    .get(i + 1)
                    .is_none_or(|n| n.class == Class::Punct && "-–(,.;".contains(n.text));
            // "Authorised QX.", "Signed QX 22:14".
            let signer = prev.is_some_and(|p| listed(p, SIGNING_WORDS))
                && (punct(i + 1, '.') || (number(i + 1) && punct(i + 2, ':')) || line_end(i));
            // "SAMPLES  QX  AB-1234  …": a short code column between a row's header word
            // and a record number, each cell set off by a wide gap.
            let code_column = t.break_before
                && !t.line_start
                && i == line_first + 1
                && tokens
                    .get(line_first)
                    .is_some_and(|h| h.is_word() && h.shape == Shape::Upper)
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.break_before && !n.line_start && n.shape == Shape::Upper)
                && tokens
                    .get(i + 2)
                    .is_some_and(|d| d.is_punct('-') && !d.space_before)
                && tokens
                    .get(i + 3)
                    .is_some_and(|d| d.class == Class::Number && !d.space_before);
            // "handover from crew QX:".
            let crew = prev.is_some_and(|p| word(p, "crew")) && punct(i + 1, ':');
            // "Tested by QX at 10:40": the agent before the time of the act.
            let timed_agent = prev.is_some_and(|p| word(p, "by"))
                && (word(i + 1, "at") || word(i + 1, "on"))
                && number(i + 2);
            // "QX/ZV balance 12": two checkers joined by a slash, no spaces, and no third
            // part (`AB/CD/EF` is a code).
            let tight = |k: usize| tokens.get(k).is_some_and(|x| !x.space_before);
            let slash_at = |k: usize| tokens.get(k).is_some_and(|x| x.is_punct('/')) && tight(k);
            let pair_from = |a: usize| {
                tokens.get(a).is_some_and(|x| self.two_letters(x))
                    && slash_at(a + 1)
                    && tight(a + 2)
                    && tokens.get(a + 2).is_some_and(|x| self.two_letters(x))
                    && !slash_at(a + 3)
                    && !(a > 0 && tokens.get(a - 1).is_some_and(|x| x.is_punct('/')))
            };
            let slashed = pair_from(i) || i.checked_sub(2).is_some_and(pair_from);
            // "for QX (study no …)": a participant before a bracketed number.
            let numbered = prev.is_some_and(|p| word(p, "for") || word(p, "patient"))
                && tokens.get(i + 1).is_some_and(|b| b.is_punct('('))
                && tokens
                    .get(i + 2)
                    .is_some_and(|w| w.is_word() && in_list(w.text, NUMBER_WORDS));
            if timed_agent
                || slashed
                || numbered
                || closing_pair
                || timed_row
                || visit_log
                || act_agent
                || signer
                || crew
                || code_column
            {
                push(t);
            }
        }
        // "changed 3 May 2024 QX no leak": initials between a date inside a line and a
        // lower-case finding.
        for date in typed.iter().filter(|s| s.kind == EntityKind::Date) {
            let k = tokens.partition_point(|t| t.start < date.end);
            let Some(t) = tokens.get(k) else { continue };
            let first = tokens.get(tokens.partition_point(|t| t.start < date.start));
            let inside = first.is_some_and(|f| !f.line_start && !f.sentence_start);
            let finding = tokens
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.shape == Shape::Lower && n.space_before);
            if inside
                && !t.upper_line
                && t.space_before
                && !t.break_before
                && self.two_letters(t)
                && finding
            {
                push(t);
            }
        }
    }

    /// Two upper-case Latin letters that can be someone's initials.
    fn two_letters(&self, t: &Token<'_>) -> bool {
        t.shape == Shape::Upper && t.letters() == 2 && self.initials_like(t, false)
    }
}
