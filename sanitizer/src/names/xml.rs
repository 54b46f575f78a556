//! Values of XML / FHIR name elements: the text inside `<family>…</family>`,
//! `<given>…</given>` or `<name>…</name>` is a person's name whatever the words are.

use super::{Mention, lower};
use crate::token::Token;

/// Element names whose text value is (part of) a person's name.
const NAME_ELEMENTS: &[&str] = &["family", "given", "name", "surname", "forename"];

/// Most words a name element's value may hold.
const MAX_WORDS: usize = 4;

/// Whether `tokens[i..]` opens a name element: `<` then a name element then `>`.
fn opens_name_element(tokens: &[Token<'_>], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.is_punct('<'))
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.is_word() && NAME_ELEMENTS.contains(&lower(t.text).as_str()))
        && tokens.get(i + 2).is_some_and(|t| t.is_punct('>'))
}

/// Tokens looked over either side of a `given` element for its sibling `family` element.
const SIBLING_WINDOW: usize = 24;

/// Person names that are the whole text value of a name element, closed by `</`; a
/// `given` value is tied to the `family` value next to it (one person).
pub(super) fn element_values(tokens: &[Token<'_>], out: &mut Vec<Mention>) {
    let mut families: Vec<(usize, String)> = Vec::new();
    let mut givens: Vec<(usize, usize)> = Vec::new();
    for i in 0..tokens.len() {
        if !opens_name_element(tokens, i) {
            continue;
        }
        let first = i + 3;
        let mut k = first;
        let mut words: Vec<&Token<'_>> = Vec::new();
        while let Some(t) = tokens.get(k) {
            if t.is_word() && words.len() < MAX_WORDS {
                words.push(t);
            } else if !(t.is_punct('-') || t.is_punct('\'') || t.is_punct('.')) {
                break;
            }
            k += 1;
        }
        let closed = tokens.get(k).is_some_and(|t| t.is_punct('<'))
            && tokens.get(k + 1).is_some_and(|t| t.is_punct('/'));
        let (Some(a), Some(b)) = (words.first(), words.last()) else {
            continue;
        };
        if !closed || tokens.get(k - 1).is_none_or(|t| !t.is_word()) {
            continue;
        }
        match tokens.get(i + 1).map(|t| lower(t.text)).as_deref() {
            Some("family" | "surname") => families.push((i, lower(b.text))),
            Some("given" | "forename") => givens.push((i, out.len())),
            _ => {}
        }
        out.push(Mention {
            start: a.start,
            end: b.end,
            surname: Some(lower(b.text)),
            extra: words
                .iter()
                .take(words.len() - 1)
                .map(|w| lower(w.text))
                .collect(),
            ..Mention::default()
        });
    }
    for (at, m) in givens {
        // Families are in token order: the nearest is just before or just after.
        let k = families.partition_point(|(f, _)| *f < at);
        let near = [k.checked_sub(1), Some(k)]
            .into_iter()
            .flatten()
            .filter_map(|j| families.get(j))
            .filter(|(f, _)| f.abs_diff(at) <= SIBLING_WINDOW)
            .min_by_key(|(f, _)| f.abs_diff(at));
        if let (Some((_, family)), Some(given)) = (near, out.get_mut(m)) {
            let own = given.surname.take();
            given.extra.extend(own);
            given.surname = Some(family.clone());
        }
    }
}
