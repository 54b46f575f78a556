//! Names known by a table's layout: a header line of cells split by `|` or `,` whose
//! header names a person (`Name`, `Consultant`, `PatientName`, `RequestingPhysician`), and
//! on the lines below it, the cells of that column.

use super::{Mention, NameRules, lower};
use crate::token::{Class, Token};

/// Header words that make a column hold people.
const PERSON_HEADS: &[&str] = &[
    "name",
    "patient",
    "consultant",
    "doctor",
    "physician",
    "clinician",
    "surgeon",
    "nurse",
    "gp",
    "midwife",
    "dentist",
    "therapist",
    "referrer",
    "author",
    "radiologist",
    "sonographer",
    "keyworker",
    "nok",
];

/// Header words that make a column hold something about a person, not their name
/// (`Patient ID`, `PatientBirthDate`, `Ward name`).
const NOT_PERSON_HEADS: &[&str] = &[
    "id", "no", "number", "nhs", "mrn", "dob", "birth", "date", "time", "age", "sex", "ward",
    "bed", "unit", "type", "status", "code", "site", "hospital", "practice", "team",
];

/// The lower-case parts of a header cell's words, CamelCase split (`PatientName` →
/// `patient`, `name`).
fn header_parts(words: &[&Token<'_>]) -> Vec<String> {
    let mut parts = Vec::new();
    for w in words {
        let mut from = 0;
        let chars: Vec<(usize, char)> = w.text.char_indices().collect();
        for pair in chars.windows(2) {
            if let [(_, a), (i, b)] = pair {
                if a.is_lowercase() && b.is_uppercase() {
                    parts.push(lower(w.text.get(from..*i).unwrap_or("")));
                    from = *i;
                }
            }
        }
        parts.push(lower(w.text.get(from..).unwrap_or("")));
    }
    parts
}

/// The cells of the line starting at token `from` (to the end of its line), split at
/// `sep` outside double quotes: token ranges, and where the line ends.
fn cells(tokens: &[Token<'_>], from: usize, sep: char) -> (Vec<(usize, usize)>, usize) {
    let mut out = Vec::new();
    let mut start = from;
    let mut quoted = false;
    let mut k = from;
    while let Some(t) = tokens.get(k) {
        if k > from && t.line_start {
            break;
        }
        if t.is_punct('"') {
            quoted = !quoted;
        } else if !quoted && t.is_punct(sep) {
            out.push((start, k));
            start = k + 1;
        }
        k += 1;
    }
    out.push((start, k));
    (out, k)
}

impl NameRules<'_> {
    /// The cells under a person column of a `|` or `,` table (see the module docs): one to
    /// four capitalised words of letters, none a clinical term, not already in a mention.
    pub(super) fn table_columns(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut i = 0;
        while i < tokens.len() {
            let Some(sep) = ['|', ','].into_iter().find(|&c| {
                let (cs, _) = cells(tokens, i, c);
                cs.len() >= 3 && tokens.get(i).is_some_and(|t| t.line_start || i == 0)
            }) else {
                i = next_line(tokens, i);
                continue;
            };
            let (head, mut at) = cells(tokens, i, sep);
            // A header: every cell one to three words, the first capitalised, nothing else
            // but quotes.
            let header: Option<Vec<bool>> = head
                .iter()
                .map(|&(a, b)| {
                    let toks = tokens.get(a..b)?;
                    let words: Vec<&Token<'_>> = toks.iter().filter(|t| t.is_word()).collect();
                    let ok = (1..=3).contains(&words.len())
                        && words.first().is_some_and(|w| w.capitalized())
                        && toks.iter().all(|t| t.is_word() || t.is_punct('"'));
                    ok.then(|| {
                        let parts = header_parts(&words);
                        parts.iter().any(|p| PERSON_HEADS.contains(&p.as_str()))
                            && !parts.iter().any(|p| NOT_PERSON_HEADS.contains(&p.as_str()))
                    })
                })
                .collect();
            let Some(columns) = header.filter(|c| c.iter().any(|&p| p)) else {
                i = next_line(tokens, i);
                continue;
            };
            let (h0, h1) = (
                tokens.get(i).map_or(0, |t| t.start),
                tokens.get(at.saturating_sub(1)).map_or(0, |t| t.end),
            );
            // The rows below, while they have as many cells.
            let mut rows = 0;
            while at < tokens.len() {
                let (row, end) = cells(tokens, at, sep);
                if row.len() != columns.len() {
                    break;
                }
                rows += 1;
                for (&(a, b), _) in row.iter().zip(&columns).filter(|(_, p)| **p) {
                    let words: Vec<&Token<'_>> = tokens
                        .get(a..b)
                        .unwrap_or_default()
                        .iter()
                        .filter(|t| t.class != Class::Punct)
                        .collect();
                    let name = (1..=4).contains(&words.len())
                        && words.iter().all(|w| {
                            w.is_word()
                                && w.letters() >= 2
                                && (!w.latin || w.capitalized())
                                && !self.hard_stop(w.text)
                        })
                        && !words.iter().all(|w| self.common(w.text));
                    let taken = words
                        .iter()
                        .any(|w| out.iter().any(|m| m.start < w.end && w.start < m.end));
                    if name && !taken {
                        if let [one] = words.as_slice() {
                            out.push(Self::surname_word(one));
                        } else {
                            out.extend(Self::whole_run(&words));
                        }
                    }
                }
                at = end;
            }
            // The header of a table with rows is labels, not names.
            if rows > 0 {
                out.retain(|m| !(m.start < h1 && h0 < m.end));
            }
            i = at;
        }
    }
}

/// The first token of the line after the one token `i` is on.
fn next_line(tokens: &[Token<'_>], i: usize) -> usize {
    let mut k = i + 1;
    while tokens.get(k).is_some_and(|t| !t.line_start) {
        k += 1;
    }
    k
}
