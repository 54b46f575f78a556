//! Name forms found without the lexicon: DICOM person names and runs of other scripts.

use super::Mention;
use crate::stoplist;
use crate::token::{Class, Token};

/// DICOM person names: `LAST^FIRST^MIDDLE^PREFIX^SUFFIX`.
pub(super) fn caret_names(text: &str, out: &mut Vec<Mention>) {
    let bytes = text.as_bytes();
    let mut search = 0usize;
    while let Some(rel) = text.get(search..).and_then(|r| r.find('^')) {
        let caret = search + rel;
        // Extend left over name characters (and OCR look-alike digits between letters:
        // `SOT0^JOAQUIN`, and an underscore joining the words of a family name between
        // letters: `OULD_SIDI^AHMED`).
        let before = text.get(..caret).unwrap_or("");
        let mut start = caret;
        let mut left = before.char_indices().rev().peekable();
        let mut prev_letter = false;
        while let Some((i, c)) = left.next() {
            let next_letter = left.peek().is_some_and(|&(_, d)| d.is_alphabetic());
            let joiner = c == '_' && next_letter && prev_letter;
            if name_char(c) || joiner || (ocr_digit(c) && (next_letter || prev_letter)) {
                start = i;
                prev_letter = c.is_alphabetic();
            } else {
                break;
            }
        }
        // Extend right over name characters, further carets and look-alike digits
        // between letters (`YAS5INE`).
        let after = text.get(caret..).unwrap_or("");
        let mut len = 0usize;
        let mut right = after.char_indices().peekable();
        let mut prev_letter = false;
        while let Some((i, c)) = right.next() {
            let next_letter = right.peek().is_some_and(|&(_, d)| d.is_alphabetic());
            if name_char(c)
                || matches!(c, '^' | '.')
                || (ocr_digit(c) && next_letter && prev_letter)
            {
                len = i + c.len_utf8();
                prev_letter = c.is_alphabetic();
            } else {
                break;
            }
        }
        let mut end = caret + len;
        while end > caret && matches!(bytes.get(end - 1), Some(b'.' | b'-')) {
            end -= 1;
        }
        search = (caret + len).max(caret + 1);
        if start == caret {
            // HL7 v2 person fields (XCN, CNN) put an identifier first: `345145^LAST^FIRST`.
            // The name starts at the next caret, so look again from there.
            let id_before = before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            let name_after = after.chars().nth(1).is_some_and(char::is_alphabetic);
            if id_before && name_after {
                search = caret + 1;
            }
            continue;
        }
        let Some(whole) = text.get(start..end) else {
            continue;
        };
        let parts: Vec<String> = whole.split('^').map(stoplist::normalize).collect();
        let mut it = parts.into_iter();
        let surname = it.next().filter(|s| !s.is_empty());
        let given = it.next().filter(|s| !s.is_empty());
        let extra: Vec<String> = it
            .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .collect();
        if surname.is_none() && given.is_none() {
            continue;
        }
        out.push(Mention {
            start: particle_before(text, start),
            end,
            given,
            surname,
            extra,
            ..Mention::default()
        });
    }
}

/// A character of a DICOM name part: a letter, a combining mark, an apostrophe or a hyphen.
fn name_char(c: char) -> bool {
    c.is_alphabetic() || crate::token::is_mark(c) || matches!(c, '\'' | '’' | '-')
}

/// Digits an OCR engine reads for letters (`0` for O, `1` for l or I, `5` for S).
fn ocr_digit(c: char) -> bool {
    matches!(c, '0' | '1' | '5')
}

/// Upper-case words taken before a DICOM family name as more of it (double family names).
const MAX_CAPS_BEFORE_CARET: usize = 2;

/// Lower-case forms of the particles that begin a family name: `van Dijk`, `de Vries`,
/// `Ní Bhriain`, `Mac Giolla`, `dos Santos`, `de los Ríos`, `al Masri`, `binti Ahmad`, `Te Rangi`,
/// the Hassaniya filiations `Ould Sidi` and `Mint Sidi`, the Iban `anak` (child of: `Tane
/// anak Rawiri`), the Maasai `ole` (son of: `Tane ole Rawiri`) and the Caribbean `Jn` (Jean:
/// `Marie Jn Pierre`).
pub(crate) const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "di", "da", "del", "della", "dos", "das", "du", "la", "le",
    "los", "las", "ter", "ten", "ní", "nic", "mac", "mhic", "ó", "ua", "al", "el", "bin", "binti",
    "ben", "st", "te", "ould", "mint", "anak", "ole", "jn",
];

/// Whether `word` is a family-name particle (any case).
pub(crate) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// Where a DICOM family name starts when particles precede the word before the caret
/// (`NÍ BHRIAIN^CAOIMHE`, `VAN DIJK^LIEKE`), or, before an upper-case one, up to
/// [`MAX_CAPS_BEFORE_CARET`] more upper-case words of a double family name
/// (`GARCÍA LÓPEZ^ANA`): the start of the first, else `start`.
fn particle_before(text: &str, start: usize) -> usize {
    let mut at = start;
    let mut caps = 0usize;
    loop {
        let before = text.get(..at).unwrap_or("");
        let Some(head) = before.strip_suffix(' ') else {
            return at;
        };
        let word_start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic())
            .last()
            .map_or(head.len(), |(i, _)| i);
        let word = head.get(word_start..).unwrap_or("");
        let clean_edge = head
            .get(..word_start)
            .and_then(|h| h.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric());
        let upper = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        let caps_word = caps < MAX_CAPS_BEFORE_CARET
            && upper(word)
            && text.get(at..).is_some_and(|rest| {
                upper(
                    rest.split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or(""),
                )
            })
            && stoplist::stop_kind(word).is_none()
            && !super::field_word(word);
        if word.is_empty() || !(is_particle(word) || caps_word) || !clean_edge {
            return at;
        }
        if caps_word && !is_particle(word) {
            caps += 1;
        }
        at = word_start;
    }
}

/// Greek letters used as symbols (`α`, `β-blocker`, `μg`, `γδ`) are not names: a Greek run
/// of three letters or fewer, or one glued to a digit, a hyphen or a Latin word.
pub(super) fn other_scripts(tokens: &[Token<'_>], out: &mut Vec<Mention>) {
    let mut i = 0usize;
    while i < tokens.len() {
        let Some(t) = tokens.get(i) else { break };
        if !t.is_word() || t.latin {
            i += 1;
            continue;
        }
        let mut j = i;
        // Join words of the run separated by a space or a middle dot.
        loop {
            let next = tokens.get(j + 1);
            let next2 = tokens.get(j + 2);
            if next.is_some_and(|n| n.is_word() && !n.latin && n.space_before) {
                j += 1;
            } else if next.is_some_and(|n| n.is_punct('·') || n.is_punct('・'))
                && next2.is_some_and(|n| n.is_word() && !n.latin)
            {
                j += 2;
            } else {
                break;
            }
        }
        let (Some(a), Some(b)) = (tokens.get(i), tokens.get(j)) else {
            break;
        };
        let greek = a
            .text
            .chars()
            .next()
            .is_some_and(|c| ('\u{370}'..='\u{3FF}').contains(&c));
        let letters: usize = (i..=j)
            .filter_map(|k| tokens.get(k))
            .map(Token::letters)
            .sum();
        let glued = (i > 0
            && !a.space_before
            && tokens
                .get(i - 1)
                .is_some_and(|p| p.class != Class::Punct || p.is_punct('-')))
            || tokens.get(j + 1).is_some_and(|n| {
                !n.space_before && (n.is_word() || n.class == Class::Number || n.is_punct('-'))
            });
        let symbol = greek && (letters <= 3 || glued);
        if !symbol && letters >= 2 {
            out.push(Mention {
                start: a.start,
                end: b.end,
                other: Some(
                    (i..=j)
                        .filter_map(|k| tokens.get(k))
                        .filter(|t| t.is_word())
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                ..Mention::default()
            });
        }
        i = j + 1;
    }
}
