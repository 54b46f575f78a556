//! A whole name in capitals inside a lower-case line: two or three upper-case words after
//! a person's slot (`bed 7 TANE WHAANGA,`, `driver TANE WHAANGA  …`, `pt TANE WHAANGA -`)
//! or opening a row before a gap or a spaced dash (`TANE WHAANGA  -  TH 3  -  …`). The
//! line's lower-case words show the capitals are no heading or overlay; the first word
//! must be no common word and no word may be a clinical term, field word or abbreviation,
//! and the run must end at a comma, a gap, a spaced dash, a full stop or the line's end.

use super::initials::abbreviation;
use super::words::ROLE_NOUNS;
use super::{FIELD_WORDS, Mention, NameRules, in_list, lower};
use crate::token::{Class, Shape, Token};

/// Words before a person named in a log or a list, besides the bed words: "driver", "pt".
const PERSON_SLOT_WORDS: &[&str] = &[
    "pt",
    "patient",
    "driver",
    "rider",
    "marshal",
    "steward",
    "spectator",
    "competitor",
    "client",
    "resident",
    "pupil",
];

/// Bed words before a number naming the place a person lies: "bed 7".
const BED_WORDS: &[&str] = &["bed", "bay", "cubicle", "room", "rm"];

/// Most upper-case words taken as one name.
const MAX_WORDS: usize = 3;

impl NameRules<'_> {
    /// An upper-case word that can be a name's part here: Latin, two letters or more, no
    /// clinical term, field word or abbreviation.
    fn caps_slot_part(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.shape == Shape::Upper
            && t.letters() >= 2
            && self.stop(t.text).is_none()
            && !in_list(t.text, FIELD_WORDS)
            && !abbreviation(t.text)
    }

    /// Whether a person's slot ends right before token `k`: a slot word, or a bed word
    /// and its number.
    fn caps_slot_before(tokens: &[Token<'_>], k: usize) -> bool {
        let at = |back: usize| k.checked_sub(back).and_then(|j| tokens.get(j));
        let slot_word = at(1).is_some_and(|w| {
            w.is_word()
                && w.shape == Shape::Lower
                && (in_list(w.text, PERSON_SLOT_WORDS) || in_list(w.text, ROLE_NOUNS))
        });
        let bed = at(1).is_some_and(|n| n.class == Class::Number)
            && at(2).is_some_and(|w| w.is_word() && in_list(w.text, BED_WORDS));
        slot_word || bed
    }

    /// Upper-case names in a person's slot or opening a row (see the module docs).
    pub(super) fn caps_slots(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (k, t) in tokens.iter().enumerate() {
            if t.upper_line || !self.caps_slot_part(t) || self.common(t.text) {
                continue;
            }
            let opens_row = t.line_start;
            let in_slot = !t.break_before && Self::caps_slot_before(tokens, k);
            if !(opens_row || in_slot) {
                continue;
            }
            // The run: one space between the words, no gap.
            let mut j = k + 1;
            while j - k < MAX_WORDS
                && tokens
                    .get(j)
                    .is_some_and(|w| self.caps_slot_part(w) && !w.break_before && w.space_before)
            {
                j += 1;
            }
            if j - k < 2 {
                continue;
            }
            let next = tokens.get(j);
            let spaced_dash =
                next.is_some_and(|d| (d.is_punct('-') || d.is_punct('–')) && d.space_before);
            let ended = next.is_none_or(|n| {
                n.line_start || n.break_before || n.is_punct(',') || n.is_punct('.')
            }) || spaced_dash;
            // A row's opener needs a gap or a spaced dash after it: a list's column.
            let row_column = next.is_some_and(|n| n.break_before && !n.line_start) || spaced_dash;
            if !(ended && (!opens_row || row_column)) {
                continue;
            }
            let (Some(first), Some(last)) = (tokens.get(k), tokens.get(j - 1)) else {
                continue;
            };
            out.push(Mention {
                start: first.start,
                end: last.end,
                given: Some(lower(first.text)),
                surname: Some(lower(last.text)),
                ..Mention::default()
            });
        }
    }
}
