//! Initials known by the slot they fill in a record rather than by a sign-off: the agent
//! after `by` before a time (`Tested by QX at 10:40`), two checkers joined by a slash
//! (`Drug check: QX/ZV balance 12`), a participant before a bracketed study or record
//! number (`Window for QX (study no …)`), and an operator's initials between a procedure's
//! date and its lower-case finding (`Valve changed 3 May 2024 QX no leak`). Letters that
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
];

impl NameRules<'_> {
    /// Initials in the slots of a record (see the module docs); `typed` holds the dates.
    pub(super) fn initials_slots(
        &self,
        tokens: &[Token<'_>],
        typed: &[Span],
        out: &mut Vec<Mention>,
    ) {
        let mut push = |t: &Token<'_>| {
            out.push(Mention {
                start: t.start,
                end: t.end,
                surname: Some(lower(t.text)),
                ..Mention::default()
            });
        };
        let word = |k: usize, w: &str| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_word() && lower(t.text) == w)
        };
        let number = |k: usize| tokens.get(k).is_some_and(|n| n.class == Class::Number);
        for (i, t) in tokens.iter().enumerate() {
            if t.upper_line || !self.two_letters(t) {
                continue;
            }
            let prev = i.checked_sub(1);
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
            let numbered = prev.is_some_and(|p| word(p, "for"))
                && tokens.get(i + 1).is_some_and(|b| b.is_punct('('))
                && tokens
                    .get(i + 2)
                    .is_some_and(|w| w.is_word() && in_list(w.text, NUMBER_WORDS));
            if timed_agent || slashed || numbered {
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
