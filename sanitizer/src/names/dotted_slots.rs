//! Dotted initials (`A.B.`, two or three upper-case letters each with its dot) known by the
//! slot they fill: the agent after `by` closing its clause (`advice given by A.B.`), a
//! role label's value closing its line (`Scrub nurse: A.B.`), the subject of a past-tense
//! verb opening a sentence (`A.B. checked the stock`), a person before an age (`Bay 1:
//! A.B. 40yo`) and the signer after a spaced dash closing the text (`… all good.' - A.B.`).
//! Letters that spell an order, team or measurement abbreviation (`P.O.`, `N.B.`) never
//! count.

use super::initials::{LETTER_ABBREVIATIONS, NOT_INITIALS, dotted_letter};
use super::words::role_noun;
use super::{FIELD_WORDS, Mention, NameRules, ROLE_TITLES, in_list, lower};
use crate::EntityKind;
use crate::stoplist;
use crate::token::{Shape, Token};
use crate::types::Span;

/// Most letters in one person's dotted initials.
const MAX_LETTERS: usize = 3;

/// The dotted initials starting at token `i`: the index after their last dot, the byte
/// end of that dot and their letters with dots (`a.b.`); two letters at least.
fn dotted_at(tokens: &[Token<'_>], i: usize) -> Option<(usize, usize, String)> {
    let mut k = i;
    let mut letters = String::new();
    let mut plain = String::new();
    let mut count = 0usize;
    while count < MAX_LETTERS
        && dotted_letter(tokens, k)
        && (k == i || tokens.get(k).is_some_and(|w| !w.space_before))
    {
        let w = lower(tokens.get(k).map_or("", |w| w.text));
        letters.push_str(&w);
        letters.push('.');
        plain.push_str(&w);
        count += 1;
        k += 2;
    }
    let abbreviation = in_list(&plain, NOT_INITIALS)
        || in_list(&plain, LETTER_ABBREVIATIONS)
        || in_list(&plain, FIELD_WORDS)
        || in_list(&plain, ROLE_TITLES)
        || stoplist::stop_kind(&plain).is_some();
    // A fourth letter makes an abbreviation ("Q.D.S.", "R.S.V.P."), not initials.
    if count < 2 || abbreviation || dotted_letter(tokens, k) {
        return None;
    }
    let dot = tokens.get(k - 1)?;
    Some((k, dot.end, letters))
}

impl NameRules<'_> {
    /// Dotted initials in the slots of the module docs; `typed` holds the ages.
    pub(super) fn dotted_slots(
        &self,
        tokens: &[Token<'_>],
        typed: &[Span],
        out: &mut Vec<Mention>,
    ) {
        let mut ages: Vec<usize> = typed
            .iter()
            .filter(|s| s.kind == EntityKind::Age)
            .map(|s| s.start)
            .collect();
        ages.sort_unstable();
        let word_at = |k: Option<usize>| k.and_then(|k| tokens.get(k)).filter(|w| w.is_word());
        for (i, t) in tokens.iter().enumerate() {
            // Only from the first letter of a run ("A.B.", not its "B.").
            let inside = i >= 2
                && !t.space_before
                && tokens.get(i - 1).is_some_and(|d| d.is_punct('.'))
                && dotted_letter(tokens, i - 2);
            if inside || !dotted_letter(tokens, i) {
                continue;
            }
            let Some((k, end, letters)) = dotted_at(tokens, i) else {
                continue;
            };
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let next = tokens.get(k);
            // The clause ends after the initials: the text or line ends, or punctuation.
            let closes = next.is_none_or(|n| {
                n.line_start
                    || n.break_before
                    || [',', '.', ';', ')'].iter().any(|&c| n.is_punct(c))
            });
            let text_ends = tokens
                .get(k..)
                .is_some_and(|rest| rest.iter().all(|r| r.is_punct('.')));
            let by = prev.is_some_and(|p| p.is_word() && lower(p.text) == "by");
            let role_label = prev.is_some_and(|p| p.is_punct(':'))
                && word_at(i.checked_sub(2)).is_some_and(|w| role_noun(w.text));
            let subject = t.sentence_start
                && next.is_some_and(|n| {
                    n.is_word()
                        && n.shape == Shape::Lower
                        && n.letters() >= 4
                        && lower(n.text).ends_with("ed")
                });
            let before_age = next.is_some_and(|n| ages.binary_search(&n.start).is_ok());
            let dashed = prev.is_some_and(|p| {
                (p.is_punct('-') || p.is_punct('–') || p.is_punct('—')) && p.space_before
            }) && text_ends;
            if (by && closes)
                || (role_label && (text_ends || next.is_none_or(|n| n.line_start)))
                || subject
                || before_age
                || dashed
            {
                out.push(Mention {
                    start: t.start,
                    end,
                    surname: Some(letters),
                    ..Mention::default()
                });
            }
        }
    }
}
