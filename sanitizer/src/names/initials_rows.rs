//! Rows of a list that open with someone's initials and then, after a gap of two spaces,
//! their family name (`T.W.  Xa  given`, `KM  Xa Yb  not attended`): at least two such
//! rows make the list. The initials and the family name of one row are one person: both
//! mentions carry the family name and the first initial. Once two rows make the list, a
//! row's family name may be a word of the lexicon's broad vocabulary (`B.P.  Parlour`), not
//! a built-in clinical term.

use super::initials::dotted_letter;
use super::{Mention, NameRules, field_word};
use crate::stoplist::{self, StopKind};
use crate::token::{Shape, Token};

/// Rows needed before the shape counts as a list.
const MIN_ROWS: usize = 2;

/// Most words of the family name after the initials.
const MAX_NAME_WORDS: usize = 2;

/// The initials opening the line at token `i`: dotted capitals (`T.W.`, `B.P.`) or one
/// upper-case word of two or three letters (`KM`, `OBU`). Returns one past their last
/// token.
fn initials_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let t = tokens.get(i)?;
    if !t.line_start || !t.is_word() || !t.latin {
        return None;
    }
    if t.letters() == 1 && t.capitalized() {
        let mut k = i;
        while dotted_letter(tokens, k) && (k == i || tokens.get(k).is_some_and(|l| !l.space_before))
        {
            k += 2;
        }
        return (k >= i + 4).then_some(k);
    }
    let upper = t.shape == Shape::Upper && (2..=3).contains(&t.letters()) && !field_word(t.text);
    upper.then_some(i + 1)
}

impl NameRules<'_> {
    /// The family name after a two-space gap at token `k`, ending at a gap or the line's
    /// end: one past its last token. `vocabulary` lets in words of the lexicon's broad
    /// vocabulary that are no built-in clinical term.
    fn row_name_at(&self, tokens: &[Token<'_>], k: usize, vocabulary: bool) -> Option<usize> {
        let first = tokens.get(k)?;
        if !first.break_before || first.line_start {
            return None;
        }
        let word_ok = |t: &Token<'_>| {
            t.is_word()
                && t.latin
                && t.letters() >= 2
                && t.shape != Shape::Upper
                && t.shape != Shape::Lower
                && if vocabulary {
                    !matches!(
                        stoplist::stop_kind(t.text),
                        Some(StopKind::Drug | StopKind::Anatomy | StopKind::Term)
                    )
                } else {
                    self.stop(t.text).is_none()
                }
        };
        let mut end = k;
        while end < k + MAX_NAME_WORDS
            && tokens
                .get(end)
                .is_some_and(|t| word_ok(t) && (end == k || !t.break_before))
        {
            end += 1;
        }
        if end == k {
            return None;
        }
        tokens
            .get(end)
            .is_none_or(|n| n.break_before)
            .then_some(end)
    }

    /// Initials and a family name opening two or more rows of a list.
    pub(super) fn initials_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut rows: Vec<(usize, usize, usize)> = Vec::new();
        let mut strict = 0;
        for i in 0..tokens.len() {
            let Some(k) = initials_at(tokens, i) else {
                continue;
            };
            if let Some(end) = self.row_name_at(tokens, k, false) {
                strict += 1;
                rows.push((i, k, end));
            } else if let Some(end) = self.row_name_at(tokens, k, true) {
                rows.push((i, k, end));
            }
        }
        if strict < MIN_ROWS {
            return;
        }
        for (i, k, end) in rows {
            let (Some(a), Some(b), Some(s), Some(e)) = (
                tokens.get(i),
                k.checked_sub(1).and_then(|l| tokens.get(l)),
                tokens.get(k),
                end.checked_sub(1).and_then(|l| tokens.get(l)),
            ) else {
                continue;
            };
            let letters: String = tokens
                .get(i..k)
                .unwrap_or_default()
                .iter()
                .map(|w| w.text)
                .collect::<String>()
                .replace('.', "");
            // The row's initials and family name: one person, known by the family name.
            let surname = Some(Self::norm(e.text));
            out.push(Mention {
                start: a.start,
                end: b.end,
                surname: surname.clone(),
                extra: vec![Self::norm(&letters)],
                ..Mention::default()
            });
            out.push(Mention {
                start: s.start,
                end: e.name_end(),
                surname,
                ..Mention::default()
            });
        }
    }
}
