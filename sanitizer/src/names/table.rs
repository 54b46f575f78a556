//! Names known by a table's layout: a header line of cells split by tabs, `|` or `,` whose
//! header names a person (`Name`, `Consultant`, `PatientName`, `RequestingPhysician`,
//! `AUTH`, `initials`, `by`), and on the lines below it with as many cells, the cells of
//! that column, bare initials (`MK`, `T.K.`) included. A machine export's header may be all
//! in lower case (`mrn,surname,forename,dob,consultant`) or joined by underscores
//! (`SPEC_ID`). A printed table may align its columns with runs of two or more spaces
//! instead (`BED  NAME  AGE`), its rows split the same way.

use super::{Mention, NameRules, lower};
use crate::token::{Class, Shape, Token};

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
    "initials",
    "by",
    "auth",
    "authorised",
    "authorized",
    "signed",
    "signature",
    "staff",
    "carer",
    "witness",
    "reviewer",
    "requester",
];

/// A cell of initials that is no one's: not known, not applicable, a role.
const NOT_INITIALS_CELLS: &[&str] = &["na", "nk", "tbc", "tba", "rn", "hca", "dr", "nil"];

/// Header words that make a column hold something about a person, not their name
/// (`Patient ID`, `PatientBirthDate`, `Ward name`).
const NOT_PERSON_HEADS: &[&str] = &[
    "id", "no", "number", "nhs", "mrn", "dob", "birth", "date", "time", "age", "sex", "ward",
    "bed", "unit", "type", "status", "code", "site", "hospital", "practice", "team", "test",
    "result", "outcome", "spec", "specimen", "sample", "grade", "band", "role",
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
/// `sep` outside double quotes (a tab: at each tab of the gaps between tokens, two tabs
/// making an empty cell; a space: at each gap of two or more spaces or a tab): token
/// ranges, and where the line ends.
pub(super) fn cells(
    text: &str,
    tokens: &[Token<'_>],
    from: usize,
    sep: char,
) -> (Vec<(usize, usize)>, usize) {
    let mut out = Vec::new();
    let mut start = from;
    let mut quoted = false;
    let mut k = from;
    while let Some(t) = tokens.get(k) {
        if k > from && t.line_start {
            break;
        }
        if sep == '\t' && k > from {
            let gap = tokens
                .get(k - 1)
                .and_then(|p| text.get(p.end..t.start))
                .unwrap_or("");
            for _ in gap.matches('\t') {
                out.push((start, k));
                start = k;
            }
        } else if sep == ' ' && k > from {
            let gap = tokens
                .get(k - 1)
                .and_then(|p| text.get(p.end..t.start))
                .unwrap_or("");
            if gap.contains("  ") || gap.contains('\t') {
                out.push((start, k));
                start = k;
            }
        } else if t.is_punct('"') {
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

/// A cell of bare initials: one word of two or three upper-case letters (`MK`, `LŠ`) or
/// two or three capital letters each with a dot glued after it (`T.K.`), as a mention.
pub(super) fn cell_initials(cell: &[Token<'_>]) -> Option<Mention> {
    let (a, b) = (cell.first()?, cell.last()?);
    if cell.iter().skip(1).any(|t| t.space_before)
        || !cell.iter().all(|t| t.is_word() || t.is_punct('.'))
    {
        return None;
    }
    let joined: String = cell.iter().map(|t| t.text).collect();
    let chars: Vec<char> = joined.chars().collect();
    let upper = |c: &char| c.is_alphabetic() && c.is_uppercase();
    let bare_caps = (2..=3).contains(&chars.len()) && chars.iter().all(upper);
    let dotted = (4..=6).contains(&chars.len())
        && chars.len() % 2 == 0
        && chars.chunks(2).all(|p| matches!(p, [l, '.'] if upper(l)));
    if !(bare_caps || dotted) {
        return None;
    }
    let letters = lower(&joined);
    let bare: String = letters.chars().filter(|c| c.is_alphabetic()).collect();
    if NOT_INITIALS_CELLS.contains(&bare.as_str()) {
        return None;
    }
    Some(Mention {
        start: a.start,
        end: b.end,
        surname: Some(letters),
        ..Mention::default()
    })
}

impl NameRules<'_> {
    /// The name in one cell of a person column, if it holds one: one to four words (a
    /// word may be OCR-broken by digits or dots glued inside it, `Ba1to`, `C.t.lapa`),
    /// each capitalised, or in lower or OCR-mixed case no common word unless a listed given
    /// name (`nurse` columns on a whiteboard: "tanvo"), none a clinical term (initials
    /// aside: `A.` is no article here), not all common words unless all are capitalised
    /// listed names (a `Consultant` column's "Black"). A mention already inside the cell is widened to the whole cell; one reaching
    /// outside it leaves the cell alone.
    fn cell_name(&self, cell: &[Token<'_>], out: &[Mention]) -> Option<Mention> {
        let first = cell.iter().position(|t| t.class != Class::Punct)?;
        let last = cell.iter().rposition(|t| t.class != Class::Punct)?;
        let dots = cell
            .iter()
            .skip(last + 1)
            .take_while(|t| t.is_punct('.'))
            .count();
        if let Some(m) = cell.get(first..=last + dots).and_then(cell_initials) {
            let (a, b) = (m.start, m.end);
            return (!out.iter().any(|o| o.start < b && a < o.end)).then_some(m);
        }
        let cell = cell.get(first..=last)?;
        let glued = |k: usize| {
            k > 0
                && cell.get(k).is_some_and(|t| !t.space_before)
                && cell
                    .get(k + 1)
                    .is_some_and(|n| !n.space_before && n.is_word())
                && cell.get(k - 1).is_some_and(Token::is_word)
        };
        let words: Vec<&Token<'_>> = cell.iter().filter(|t| t.is_word()).collect();
        let chunks = 1 + cell.iter().skip(1).filter(|t| t.space_before).count();
        let shape_ok = |w: &Token<'_>| {
            !w.latin
                || w.capitalized()
                || (matches!(w.shape, Shape::Lower | Shape::Mixed)
                    && (!self.common(w.text) || self.given(w.text)))
        };
        // OCR noise: digits alone or read inside a word ("lapa1e").
        let noisy = cell
            .iter()
            .any(|t| t.class == Class::Number || t.text.bytes().any(|b| b.is_ascii_digit()));
        let name = (1..=4).contains(&chunks)
            && words.len() <= 6
            && cell
                .iter()
                .enumerate()
                .all(|(k, t)| t.class != Class::Number || glued(k))
            && words.iter().map(|w| w.letters()).sum::<usize>() >= 3
            && words
                .iter()
                .all(|w| w.letters() < 2 || !self.hard_stop(w.text))
            && (noisy || words.iter().all(|w| w.letters() >= 2 || w.capitalized()))
            && (noisy || words.iter().all(|w| shape_ok(w)))
            && words.iter().any(|w| w.letters() >= 2)
            && (!words.iter().all(|w| self.common(w.text))
                || words.iter().all(|w| w.capitalized() && self.listed(w.text)));
        let (a, b) = (cell.first()?, cell.last()?);
        let inside = |m: &Mention| m.start < b.end && a.start < m.end;
        if !name
            || out
                .iter()
                .any(|m| inside(m) && (m.start < a.start || m.end > b.end))
        {
            return None;
        }
        let named: Vec<&Token<'_>> = words.iter().copied().filter(|w| w.letters() >= 2).collect();
        let whole = out
            .iter()
            .any(|m| m.start == a.start && m.end == b.name_end());
        if whole {
            return None;
        }
        if let ([one], false) = (named.as_slice(), noisy || words.len() > 1) {
            return Some(Self::surname_word(one));
        }
        let mut m = Self::whole_run(&named)?;
        m.start = a.start;
        m.end = b.name_end();
        Some(m)
    }

    /// The cells under a person column of a tab, `|` or `,` table (see the module docs): one to
    /// four capitalised words of letters, none a clinical term, not already in a mention.
    pub(super) fn table_columns(&self, text: &str, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut i = 0;
        while i < tokens.len() {
            let Some(sep) = ['\t', '|', ',', ' '].into_iter().find(|&c| {
                let (cs, _) = cells(text, tokens, i, c);
                cs.len() >= 3 && tokens.get(i).is_some_and(|t| t.line_start || i == 0)
            }) else {
                i = next_line(tokens, i);
                continue;
            };
            let (head, mut at) = cells(text, tokens, i, sep);
            // A machine export writes its header all in lower case
            // ("mrn,surname,forename,…,consultant").
            let lower_header = head.iter().all(|&(a, b)| {
                tokens
                    .get(a..b)
                    .unwrap_or_default()
                    .iter()
                    .all(|t| !t.is_word() || (t.latin && t.shape == Shape::Lower))
            });
            // A header: every cell one to three words, the first capitalised (or all
            // lower case), nothing else but quotes.
            let header: Option<Vec<bool>> = head
                .iter()
                .map(|&(a, b)| {
                    let toks = tokens.get(a..b)?;
                    let words: Vec<&Token<'_>> = toks.iter().filter(|t| t.is_word()).collect();
                    let ok = (1..=3).contains(&words.len())
                        && (lower_header || words.first().is_some_and(|w| w.capitalized()))
                        && toks
                            .iter()
                            .all(|t| t.is_word() || t.is_punct('"') || t.is_punct('_'));
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
                let (row, end) = cells(text, tokens, at, sep);
                if row.len() != columns.len() {
                    break;
                }
                rows += 1;
                for (&(a, b), _) in row.iter().zip(&columns).filter(|(_, p)| **p) {
                    let cell = tokens.get(a..b).unwrap_or_default();
                    if let Some(m) = self.cell_name(cell, out) {
                        out.push(m);
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
