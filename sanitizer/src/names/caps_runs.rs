//! A found upper-case name runs over the upper-case name parts right beside it on its line:
//! a roll list or a heading writes a whole name in capitals (`HRISTU CARAGIANI`, `KIEW KWAI
//! YUN`, `SAFRIZAL BIN MUNAWAR`), and a rule that knew one part by its list or its slot
//! must not leave the others. A neighbour joins only when it is an unexplained capitalised
//! word (no common word, clinical term, field word, title, typed span or other person's
//! span) one space away; the particles `BIN` and `BINTI` join the words on both sides.
//! The inverted form `SURNAME, Given` is one name too: a found family name runs on over
//! the comma and an unexplained given name closing its clause, and a found given name back
//! over the unexplained upper-case family name before the comma.

use super::words::{FIELD_LABELS, ID_LABELS, WEAK_CUES};
use super::{NameRules, field_word, in_list, name_prefix};
use crate::span_index::SpanIndex;
use crate::token::{Shape, Token};

/// At most this many words join a found name on each side (a name has few parts).
const MAX_WORDS_EACH_SIDE: usize = 2;

/// Particles that join two upper-case parts of a Malay name (`IRWANDI BIN SAFRIZAL`).
const JOINING_PARTICLES: &[&str] = &["bin", "binti"];

/// What a found span may grow over: the tokens, the typed spans and the other persons.
pub(crate) struct Neighbours<'t, 'a> {
    /// The text's tokens, in order.
    pub(crate) tokens: &'t [Token<'a>],
    /// The typed spans of the request (dates, ids …).
    pub(crate) typed: &'t SpanIndex,
    /// Every person span of the request.
    pub(crate) others: &'t SpanIndex,
    /// Index of the text in the request.
    pub(crate) text: usize,
}

impl NameRules<'_> {
    /// The span `start..end` widened over the upper-case name parts beside it (see the
    /// module docs); unchanged unless its edge word is upper case.
    pub(crate) fn widen_caps_run(
        &self,
        n: &Neighbours<'_, '_>,
        start: usize,
        end: usize,
    ) -> (usize, usize) {
        let tokens = n.tokens;
        let first = tokens.partition_point(|t| t.start < start);
        let last = tokens.partition_point(|t| t.start < end).checked_sub(1);
        let mut new_start = start;
        let mut new_end = end;
        if tokens.get(first).is_some_and(|t| self.caps_part(t)) {
            let mut k = first;
            for _ in 0..MAX_WORDS_EACH_SIDE {
                match self.caps_step(n, k, false) {
                    Some((j, s)) => {
                        k = j;
                        new_start = s;
                    }
                    None => break,
                }
            }
        }
        if let Some(last) = last.filter(|&l| {
            tokens
                .get(l)
                .is_some_and(|t| t.end == end && self.caps_part(t))
        }) {
            let mut k = last;
            for _ in 0..MAX_WORDS_EACH_SIDE {
                match self.caps_step(n, k, true) {
                    Some((j, e)) => {
                        k = j;
                        new_end = e;
                    }
                    None => break,
                }
            }
        }
        let new_end = self.comma_given_after(n, new_end).unwrap_or(new_end);
        let new_start = self.comma_surname_before(n, new_start).unwrap_or(new_start);
        (new_start, new_end)
    }

    /// `SURNAME, Given`: after a found upper-case family name ending at `end`, a comma and
    /// a capitalised unexplained word that ends its clause; the end of that word.
    fn comma_given_after(&self, n: &Neighbours<'_, '_>, end: usize) -> Option<usize> {
        let tokens = n.tokens;
        let k = tokens.partition_point(|t| t.start < end).checked_sub(1)?;
        let last = tokens
            .get(k)
            .filter(|t| t.end == end && self.caps_part(t))?;
        let comma = tokens
            .get(k + 1)
            .filter(|c| c.is_punct(',') && c.start == last.end)?;
        let given = tokens.get(k + 2).filter(|g| {
            g.shape == Shape::Title && g.start == comma.end + 1 && self.free_given(n, g)
        })?;
        let ends = tokens
            .get(k + 3)
            .is_none_or(|a| a.break_before || [',', '.', ';', ')'].iter().any(|&c| a.is_punct(c)));
        ends.then_some(given.end)
    }

    /// `SURNAME, Given`: before a found title-case given name starting at `start`, an
    /// unexplained upper-case family name and a comma; the start of the family name.
    fn comma_surname_before(&self, n: &Neighbours<'_, '_>, start: usize) -> Option<usize> {
        let tokens = n.tokens;
        let k = tokens.partition_point(|t| t.start < start);
        let given = tokens
            .get(k)
            .filter(|t| t.start == start && t.is_word() && t.shape == Shape::Title)?;
        let comma = tokens
            .get(k.checked_sub(1)?)
            .filter(|c| c.is_punct(',') && given.start == c.end + 1)?;
        let family = tokens
            .get(k.checked_sub(2)?)
            .filter(|f| f.end == comma.start && self.free_part(n, f))?;
        Some(family.start)
    }

    /// A title-case word that can be a given name: Latin letters only, three or more, no
    /// common word, term or field word, inside no typed span nor other person's span.
    fn free_given(&self, n: &Neighbours<'_, '_>, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.letters() >= 3
            && t.text.chars().all(char::is_alphabetic)
            && !self.common(t.text)
            && self.stop(t.text).is_none()
            && !field_word(t.text)
            && !name_prefix(t.text)
            && !n.typed.overlaps(n.text, t.start, t.end)
            && !n.others.overlaps(n.text, t.start, t.end)
    }

    /// One step from token `k` forward or back: the next name part's index and its outer
    /// edge, over a joining particle when one stands between.
    fn caps_step(&self, n: &Neighbours<'_, '_>, k: usize, forward: bool) -> Option<(usize, usize)> {
        let at = |i: usize| -> Option<&Token<'_>> {
            let j = if forward {
                k.checked_add(i)?
            } else {
                k.checked_sub(i)?
            };
            n.tokens.get(j)
        };
        let index = |i: usize| if forward { k + i } else { k - i };
        let next = at(1)?;
        let near = at(0)?;
        if !self.adjacent(near, next, forward) {
            return None;
        }
        // A status or regimen word follows a name and runs on into the note ("DNA today"):
        // a part added forwards must end its clause, never stand before a lower-case word.
        let free = |i: usize, t: &Token<'_>| {
            self.free_part(n, t)
                && (!forward || !at(i + 1).is_some_and(|w| w.is_word() && w.shape == Shape::Lower))
        };
        if next.shape == Shape::Upper
            && JOINING_PARTICLES
                .iter()
                .any(|p| next.text.eq_ignore_ascii_case(p))
        {
            let after = at(2)?;
            return (self.adjacent(next, after, forward) && free(2, after))
                .then(|| (index(2), if forward { after.end } else { after.start }));
        }
        free(1, next).then(|| (index(1), if forward { next.end } else { next.start }))
    }

    /// `a` and `b` are neighbours one space apart on one line (`b` after `a` when `forward`).
    fn adjacent(&self, a: &Token<'_>, b: &Token<'_>, forward: bool) -> bool {
        let (left, right) = if forward { (a, b) } else { (b, a) };
        left.end + 1 == right.start && !right.break_before && right.space_before
    }

    /// An upper-case word that can be part of a name: Latin letters only, three or more.
    fn caps_part(&self, t: &Token<'_>) -> bool {
        t.is_word()
            && t.latin
            && t.shape == Shape::Upper
            && t.letters() >= 3
            && t.text.chars().all(char::is_alphabetic)
    }

    /// [`Self::caps_part`], unexplained: a word with a vowel, no common word, term, field
    /// word, label or title, and inside no typed span nor other person's span.
    fn free_part(&self, n: &Neighbours<'_, '_>, t: &Token<'_>) -> bool {
        self.caps_part(t)
            && !self.common(t.text)
            && self.stop(t.text).is_none()
            && t.text
                .chars()
                .any(|c| "AEIOUY".contains(c) || !c.is_ascii())
            && !field_word(t.text)
            && !name_prefix(t.text)
            && !in_list(t.text, FIELD_LABELS)
            && !in_list(t.text, ID_LABELS)
            && !in_list(t.text, WEAK_CUES)
            && !n.typed.overlaps(n.text, t.start, t.end)
            && !n.others.overlaps(n.text, t.start, t.end)
    }
}
