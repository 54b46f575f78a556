//! Names known by a form's layout: an initial and a family name filling a field of a rota
//! or list line (`Mon-Tue  T. Whaanga  ext 4471`), and a name alone at the start of a
//! label's line, a wide gap, then a date closing the line (a dispensing label's
//! `Tane Whaanga          02/01/2023`), and a name signing a note at its very end, after
//! a finished sentence or on a line of its own (`… informed by phone. Tane Whaanga`), and
//! a family name in capitals opening a line before an attendance status (`WHAANGA DNA
//! today`).

use super::{FIELD_WORDS, Mention, NameRules, in_list};

/// Attendance and admission statuses written after a patient's family name: did not
/// attend, to come in, nil by mouth.
const STATUSES: &[&str] = &["dna", "tci", "nbm"];
use crate::EntityKind;
use crate::token::Token;
use crate::types::Span;

impl NameRules<'_> {
    /// An initial with its dot and one capitalised word filling a field of its own: a line
    /// start or a wide gap before it, and a wide gap, a bracket or the line's end after it
    /// (`Mon-Tue  T. Whaanga  ext 4471`). The word is no clinical term or field word.
    pub(super) fn initial_fields(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let initial = t.is_word()
                && t.latin
                && t.letters() == 1
                && t.text.chars().all(char::is_uppercase)
                && t.break_before;
            if !initial {
                continue;
            }
            let dot = tokens
                .get(i + 1)
                .is_some_and(|d| d.is_punct('.') && !d.space_before);
            let Some(name) = tokens.get(i + 2).filter(|n| {
                n.is_word()
                    && n.latin
                    && super::title_like(n)
                    && n.letters() >= 2
                    && n.space_before
                    && !n.break_before
                    && self.stop(n.text).is_none()
                    && !in_list(n.text, FIELD_WORDS)
            }) else {
                continue;
            };
            let closes = tokens
                .get(i + 3)
                .is_none_or(|a| a.break_before || a.line_start || a.is_punct('('));
            if dot && closes {
                out.push(Mention {
                    start: t.start,
                    end: name.name_end(),
                    initial: t.text.chars().next().and_then(|c| c.to_lowercase().next()),
                    surname: Some(Self::norm(name.text)),
                    ..Mention::default()
                });
            }
        }
    }

    /// Two or three title-case words (a heading in capitals is no name) alone at a line's start, then a wide gap and a date
    /// that closes the line (`Tane Whaanga          02/01/2023`): a dispensing label's
    /// patient. No word is a clinical term or field word, and one at least is no common
    /// word.
    pub(super) fn dated_label_names(
        &self,
        tokens: &[Token<'_>],
        typed: &[Span],
        out: &mut Vec<Mention>,
    ) {
        for date in typed.iter().filter(|s| s.kind == EntityKind::Date) {
            let k = tokens.partition_point(|t| t.start < date.start);
            let Some(first_of_date) = tokens.get(k) else {
                continue;
            };
            // The date closes its line and stands after a wide gap.
            let closes = tokens
                .get(tokens.partition_point(|t| t.start < date.end))
                .is_none_or(|n| n.line_start);
            if !(closes && first_of_date.break_before && !first_of_date.line_start) {
                continue;
            }
            // The words before it, back to the line's start.
            let mut j = k;
            let mut words: Vec<&Token<'_>> = Vec::new();
            while j > 0 && words.len() <= 3 {
                j -= 1;
                let Some(w) = tokens.get(j) else { break };
                let name = w.is_word()
                    && w.latin
                    && super::title_like(w)
                    && w.letters() >= 2
                    && self.stop(w.text).is_none()
                    && !in_list(w.text, FIELD_WORDS);
                if !name {
                    words.clear();
                    break;
                }
                words.push(w);
                if w.line_start {
                    break;
                }
                if w.break_before {
                    words.clear();
                    break;
                }
            }
            words.reverse();
            let opens_line = words.first().is_some_and(|w| w.line_start);
            let uncommon = words.iter().any(|w| !self.common(w.text));
            if opens_line && (2..=3).contains(&words.len()) && uncommon {
                out.extend(Self::whole_run(&words));
            }
        }
    }

    /// Two or three title-case words ending the note after a finished sentence or on a line
    /// of their own, only a full stop after them (`… informed by phone. Tane Whaanga`): the
    /// writer's signature when no word is a common word, clinical term or field word.
    pub(super) fn closing_signature(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let Some(last) = tokens.iter().rposition(Token::is_word) else {
            return;
        };
        if !tokens
            .get(last + 1..)
            .unwrap_or_default()
            .iter()
            .all(|p| p.is_punct('.'))
        {
            return;
        }
        let mut first = last + 1;
        while first > 0 && last + 1 - first < 3 {
            let Some(w) = tokens.get(first - 1) else {
                break;
            };
            let name = w.is_word()
                && w.latin
                && super::title_like(w)
                && w.letters() >= 2
                && !self.common(w.text)
                && self.stop(w.text).is_none()
                && !in_list(w.text, FIELD_WORDS)
                && !super::is_title(w.text);
            if !name {
                break;
            }
            first -= 1;
            if w.line_start || w.break_before {
                break;
            }
        }
        let words: Vec<&Token<'_>> = (first..=last).filter_map(|j| tokens.get(j)).collect();
        let opens = tokens.get(first).is_some_and(|w| w.line_start)
            || first
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| p.is_punct('.') || p.is_punct('!') || p.is_punct('?'));
        if opens && (2..=3).contains(&words.len()) && words.iter().skip(1).all(|w| !w.break_before)
        {
            out.extend(Self::whole_run(&words));
        }
    }

    /// An upper-case word opening a line of mixed case, then an attendance status in
    /// capitals ([`STATUSES`]) and nothing or lower-case words to the line's end
    /// (`WHAANGA DNA today`): a family name when it has four letters or more and is no
    /// common word, clinical term or field word.
    pub(super) fn status_lines(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let name = t.line_start
                && t.is_word()
                && t.latin
                && t.shape == crate::token::Shape::Upper
                && t.letters() >= 4
                && !self.common(t.text)
                && self.stop(t.text).is_none()
                && !in_list(t.text, FIELD_WORDS);
            if !name {
                continue;
            }
            let status = tokens.get(i + 1).is_some_and(|s| {
                s.is_word()
                    && s.shape == crate::token::Shape::Upper
                    && s.space_before
                    && !s.line_start
                    && in_list(s.text, STATUSES)
            });
            if !status {
                continue;
            }
            let mut k = i + 2;
            let mut rest_lower = true;
            let mut words = 0usize;
            while let Some(w) = tokens.get(k).filter(|w| !w.line_start) {
                if w.is_word() {
                    words += 1;
                    rest_lower &= w.shape == crate::token::Shape::Lower;
                }
                k += 1;
            }
            if rest_lower && words <= 6 {
                out.push(Self::surname_word(t));
            }
        }
    }
}
