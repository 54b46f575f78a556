//! Family names led by lower-case particles: a given name, an initial or a title before a
//! particle chain and its capitalised parts (`Ana de la O`, `F. d'Alva`, `Dr do Espírito
//! Santo`), the same chain as a later mention opening a sentence (`de la O said`), and the
//! upper-case register form (`DE LA O, Ana`).

use super::{Mention, NameRules, in_list, is_particle, particle_blocked};
use crate::stoplist::StopKind;
use crate::token::{Class, Shape, Token};
use std::collections::HashSet;

/// Titles before a particle-led family name (`Dr do Santos`).
const TITLES: &[&str] = &["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sr", "sra"];

/// Prepositions before a place that can look like a given name and a particle-led family
/// name (`from Santa Cruz de la Sierra`); a house number does too (`12 Rue de la Paix`).
const PLACE_CUES: &[&str] = &["from", "in", "at", "near", "of"];

/// Particles after which a family name may be one capital letter (`de la O`, `del O`).
const ONE_LETTER_AFTER: &[&str] = &["la", "del"];

/// Particles of Portuguese family names that are English words elsewhere, taken only in
/// this rule's chain (`do Espírito Santo`, `dos Anjos`).
const MORE_PARTICLES: &[&str] = &["do"];

/// Most capitalised words taken after a particle chain (`do Espírito Santo`).
const MAX_PARTS: usize = 2;

/// An elided particle glued to its family name: `d'Alva`, `d’Souza`.
fn elided(t: &Token<'_>) -> bool {
    let mut chars = t.text.chars();
    t.is_word()
        && t.latin
        && chars.next() == Some('d')
        && matches!(chars.next(), Some('\'' | '’'))
        && chars.next().is_some_and(char::is_uppercase)
        && t.letters() >= 4
}

/// Index of the first capitalised part after the particle chain starting at `i` (a chain
/// has at most three particles).
fn k_first(tokens: &[Token<'_>], i: usize) -> usize {
    let mut k = i;
    while k < i + 3
        && tokens
            .get(k)
            .is_some_and(|t| t.is_word() && !t.capitalized())
    {
        k += 1;
    }
    k
}

/// Whether the dot before token `k` ends the text or its line (`... and I. de la O.`):
/// the capital before it is a one-letter family name, not an initial.
fn closes(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k).is_none_or(|n| n.line_start)
}

impl NameRules<'_> {
    /// The particle-led family name starting at token `i` in the shape `shape` of its
    /// particles: the index one past its last part, or `None`.
    fn particle_tail(&self, tokens: &[Token<'_>], i: usize, upper: bool) -> Option<usize> {
        let first = tokens.get(i)?;
        if !upper && elided(first) && !particle_blocked(first.text) {
            return Some(i + 1);
        }
        let particle = |t: &Token<'_>| {
            t.is_word()
                && (is_particle(t.text) || in_list(t.text, MORE_PARTICLES))
                && if upper {
                    t.shape == Shape::Upper
                } else {
                    t.shape == Shape::Lower
                }
        };
        let mut k = i;
        while tokens
            .get(k)
            .is_some_and(|t| particle(t) && (k == i || t.space_before))
            && k < i + 3
        {
            k += 1;
        }
        if k == i {
            return None;
        }
        let last = tokens.get(k - 1)?;
        let s = tokens.get(k)?;
        if !(s.is_word() && s.latin && s.space_before && s.capitalized()) {
            return None;
        }
        if s.letters() == 1 {
            let one_ok = in_list(last.text, ONE_LETTER_AFTER)
                && !tokens.get(k + 1).is_some_and(|n| {
                    n.is_punct('\'') || (n.is_punct('.') && !closes(tokens, k + 2))
                });
            return one_ok.then_some(k + 1);
        }
        let part_ok = |t: &Token<'_>| {
            t.is_word()
                && t.latin
                && t.space_before
                && t.letters() >= 2
                && if upper {
                    t.shape == Shape::Upper
                } else {
                    matches!(t.shape, Shape::Title | Shape::Mixed)
                }
                && !self.hard_stop(t.text)
                && self.stop(t.text) != Some(StopKind::Eponym)
                && !particle_blocked(t.text)
        };
        if !part_ok(s) {
            return None;
        }
        let mut end = k + 1;
        while end < k + MAX_PARTS
            && tokens.get(end).is_some_and(|t| {
                part_ok(t) && !t.break_before && self.stop(t.text).is_none() && !self.common(t.text)
            })
        {
            end += 1;
        }
        Some(end)
    }

    /// Particle-led family names with a given name, an initial or a title before them, their
    /// later sentence-opening mentions, and the upper-case `DE LA O, Ana` register form.
    pub(super) fn particle_names(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut surnames: HashSet<String> = HashSet::new();
        let mut lone: Vec<(usize, usize)> = Vec::new();
        for i in 0..tokens.len() {
            let Some(t) = tokens.get(i) else { break };
            if !t.is_word() {
                continue;
            }
            let upper = t.shape == Shape::Upper;
            let Some(end) = self.particle_tail(tokens, i, upper) else {
                continue;
            };
            let Some(last) = tokens.get(end - 1) else {
                continue;
            };
            if upper {
                // "DE LA O, Ana": the register form, a title-case given name after a comma.
                let opens = i == 0 || tokens.get(i - 1).is_some_and(|p| !p.is_word());
                let given = tokens.get(end + 1).filter(|g| {
                    g.is_word()
                        && g.shape == Shape::Title
                        && g.letters() >= 3
                        && (self.given(g.text) || self.name_like(g))
                });
                if let Some(g) =
                    given.filter(|_| opens && tokens.get(end).is_some_and(|c| c.is_punct(',')))
                {
                    out.push(Mention {
                        start: t.start,
                        end: g.name_end(),
                        given: Some(Self::norm(g.text)),
                        surname: Some(Self::norm(last.text)),
                        ..Mention::default()
                    });
                }
                continue;
            }
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let prev2 = i.checked_sub(2).and_then(|p| tokens.get(p));
            let surname = Self::norm(last.text);
            // "Ana de la O": a given name right before.
            if let Some(g) = prev.filter(|g| {
                t.space_before
                    && g.is_word()
                    && g.latin
                    && g.shape == Shape::Title
                    && g.letters() >= 3
                    && (self.given(g.text)
                        // A one-letter family name ("de la O") is no phrase's word: any
                        // capitalised word that is no term before it is a given name.
                        || (last.letters() == 1 && self.stop(g.text).is_none())
                        || (self.name_like(g)
                            && (!g.sentence_start
                                || end > k_first(tokens, i) + 1
                                || self.surname(last.text))))
                    && !self.hard_stop(g.text)
                    && !in_list(g.text, TITLES)
                    && !super::eponym_context(tokens, end - 1)
                    && !(i >= 2
                        && tokens.get(i - 2).is_some_and(|p| {
                            (p.is_word() && in_list(p.text, PLACE_CUES)) || p.class == Class::Number
                        }))
            }) {
                out.push(Mention {
                    start: g.start,
                    end: last.name_end(),
                    given: Some(Self::norm(g.text)),
                    surname: Some(surname.clone()),
                    ..Mention::default()
                });
                surnames.insert(surname);
                continue;
            }
            // "F. d'Alva": an initial and its dot right before.
            if let (Some(dot), Some(init)) = (prev, prev2) {
                if dot.is_punct('.')
                    && t.space_before
                    && init.is_word()
                    && init.letters() == 1
                    && init.capitalized()
                {
                    out.push(Mention {
                        start: init.start,
                        end: last.name_end(),
                        surname: Some(surname.clone()),
                        initial: init.text.chars().next(),
                        ..Mention::default()
                    });
                    surnames.insert(surname);
                    continue;
                }
            }
            // "Dr do Santos", "Mrs. da Silva": a title right before (its dot optional).
            let title = prev
                .filter(|p| p.is_word() && in_list(p.text, TITLES))
                .or_else(|| {
                    prev.filter(|d| d.is_punct('.'))
                        .and(prev2)
                        .filter(|p| p.is_word() && in_list(p.text, TITLES))
                });
            if title.is_some() && t.space_before {
                out.push(Mention {
                    start: t.start,
                    end: last.name_end(),
                    surname: Some(surname.clone()),
                    ..Mention::default()
                });
                surnames.insert(surname);
                continue;
            }
            if t.sentence_start {
                lone.push((i, end));
            }
        }
        // "de la O asked": a sentence-opening chain whose family name was found above.
        for (i, end) in lone {
            let (Some(t), Some(last)) = (tokens.get(i), tokens.get(end - 1)) else {
                continue;
            };
            let surname = Self::norm(last.text);
            if surnames.contains(&surname) {
                out.push(Mention {
                    start: t.start,
                    end: last.name_end(),
                    surname: Some(surname),
                    ..Mention::default()
                });
            }
        }
    }
}
