//! Staff initials signing a log row or a note by where they stand, not by a signing word:
//! after a gap of two or more spaces at the end of a row (`… replaced  GM`, `… OK  A.B.`),
//! dotted initials closing the note after a finished sentence (`… no issues. A.B.`), two
//! agents joined by `+`, `/` or `&` after `by` (`checked by EB + C.D.`), letters after a
//! signing word closing the note (`Signed CC`), and the staff of a handover's cover line
//! (`- VF covering medicine, A.D. surgery`).

use super::initials::{SIGN_CREDENTIALS, abbreviation, dotted_letter, upper_letters};
use super::{Mention, NameRules, ROLE_TITLES, in_list, lower};
use crate::token::{Shape, Token};

/// Words that sign the letters after them at a note's end: "Signed CC".
const SIGNING_WORDS: &[&str] = &["signed", "sgd"];

/// Verbs of a handover's cover line after the staff member's initials: "VF covering
/// medicine".
const COVER_VERBS: &[&str] = &["covering", "covers"];

/// Abbreviations of a note's marks (copy to, postscript, note well, times), not of a
/// team or an order: in a signer's slot ("Signed CC", "by EB + PM") they are initials.
const NOTE_MARKS: &[&str] = &["cc", "ps", "nb", "am", "pm"];

/// Most dotted letters taken as one person's initials.
const MAX_DOTTED: usize = 3;

/// One person's initials at token `k`: dotted (`A.B.`, two letters or more, no spaces
/// between) or, where `plain` allows the word, upper-case letters (`AB`). Returns the
/// token after them and the mention.
fn initials_at(
    tokens: &[Token<'_>],
    k: usize,
    plain: impl Fn(&Token<'_>) -> bool,
) -> Option<(usize, Mention)> {
    let t = tokens.get(k)?;
    if t.is_word() && t.shape == Shape::Upper && t.letters() >= 2 && plain(t) {
        // Marked as initials here: letters that spell an abbreviation ("CC") are a
        // person's only by this slot, never as a word.
        return Some((
            k + 1,
            Mention {
                initials: true,
                ..Mention::of_word(t)
            },
        ));
    }
    let mut j = k;
    let mut letters = String::new();
    let mut count = 0usize;
    while count < MAX_DOTTED
        && dotted_letter(tokens, j)
        && (j == k || tokens.get(j).is_some_and(|w| !w.space_before))
    {
        letters.push_str(&lower(tokens.get(j).map_or("", |w| w.text)));
        letters.push('.');
        count += 1;
        j += 2;
    }
    let dot = tokens.get(j.checked_sub(1)?)?;
    // A further letter glued on is a longer code, never initials.
    let glued = tokens
        .get(j)
        .is_some_and(|n| !n.space_before && n.is_word());
    (count >= 2 && !glued).then(|| {
        (
            j,
            Mention {
                start: t.start,
                end: dot.end,
                surname: Some(letters),
                ..Mention::default()
            },
        )
    })
}

/// Whether token `k` ends its line (or the text), full stops aside.
fn closes_line(tokens: &[Token<'_>], k: usize) -> bool {
    let mut j = k;
    while let Some(t) = tokens.get(j) {
        if t.line_start {
            return true;
        }
        if !t.is_punct('.') {
            return false;
        }
        j += 1;
    }
    true
}

impl NameRules<'_> {
    /// Upper-case letters that can sign a row: initials-like, or any two or three capitals
    /// that are no team, order or measurement abbreviation, role title or credential.
    fn signing_letters(&self, t: &Token<'_>) -> bool {
        self.initials_like(t, false)
            || (upper_letters(t)
                && (!abbreviation(t.text) || in_list(t.text, NOTE_MARKS))
                && !in_list(t.text, ROLE_TITLES)
                && !in_list(t.text, SIGN_CREDENTIALS))
    }

    /// Staff initials placed as a signature (see the module docs).
    pub(super) fn row_signatures(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        self.gap_closed_rows(tokens, out);
        self.joined_agents(tokens, out);
        self.cover_lines(tokens, out);
        self.closing_letters(tokens, out);
    }

    /// Initials after a gap of two or more spaces closing a row that has words before
    /// them: "suction replaced  GM", "defib self-test OK  A.B.".
    fn gap_closed_rows(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        // Lower-case words earlier on the row: a sentence of a log, not a table header.
        let mut row_has_text = false;
        for (k, t) in tokens.iter().enumerate() {
            if t.line_start {
                row_has_text = false;
            }
            let candidate = t.break_before && !t.line_start && !t.upper_line && row_has_text;
            if t.is_word() && t.shape == Shape::Lower {
                row_has_text = true;
            }
            let prev_word = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| p.is_word() || p.is_punct('.') || p.is_punct(')'));
            if !(candidate && prev_word) {
                continue;
            }
            if let Some((after, m)) = initials_at(tokens, k, |w| self.initials_like(w, false)) {
                if closes_line(tokens, after) {
                    out.push(m);
                }
            }
        }
    }

    /// Two or more agents' initials after `by`, joined by `+`, `/` or `&` and closing the
    /// clause: "checked by EB + CC.", "by C.S. / JM,". Joined to another person's
    /// initials, letters that spell an abbreviation sign too.
    fn joined_agents(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if !(t.is_word() && lower(t.text) == "by") {
                continue;
            }
            let mut found = Vec::new();
            let mut k = i + 1;
            while let Some((after, m)) = initials_at(tokens, k, |w| self.signing_letters(w)) {
                if tokens.get(k).is_some_and(|w| w.line_start) {
                    break;
                }
                found.push(m);
                k = after;
                match tokens.get(k) {
                    Some(sep)
                        if (sep.is_punct('+') || sep.is_punct('/') || sep.is_punct('&'))
                            && !sep.line_start =>
                    {
                        k += 1;
                    }
                    _ => break,
                }
            }
            let closed = tokens.get(k).is_none_or(|n| {
                n.line_start
                    || n.break_before
                    || n.is_punct('.')
                    || n.is_punct(',')
                    || n.is_punct(';')
            });
            if found.len() >= 2 && closed {
                out.extend(found);
            }
        }
    }

    /// A handover's cover line: after a dash opening the line, initials and a cover verb,
    /// then `, ` initials and one word closing the line ("- VF covering medicine, A.D.
    /// surgery").
    fn cover_lines(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (d, dash) in tokens.iter().enumerate() {
            if !(dash.line_start && (dash.is_punct('-') || dash.is_punct('–'))) {
                continue;
            }
            let Some((after, first)) = initials_at(tokens, d + 1, |w| self.signing_letters(w))
            else {
                continue;
            };
            if !tokens
                .get(after)
                .is_some_and(|v| v.is_word() && in_list(v.text, COVER_VERBS))
            {
                continue;
            }
            out.push(first);
            // The parallel item: ", A.D. surgery" closing the line.
            let mut k = after + 1;
            while let Some(w) = tokens.get(k).filter(|w| !w.line_start) {
                if w.is_punct(',') {
                    if let Some((next, m)) = initials_at(tokens, k + 1, |w| self.signing_letters(w))
                    {
                        let one_word = tokens
                            .get(next)
                            .is_some_and(|s| s.is_word() && s.shape == Shape::Lower);
                        if one_word && closes_line(tokens, next + 1) {
                            out.push(m);
                        }
                    }
                }
                k += 1;
            }
        }
    }

    /// The note's last letters after a finished sentence (dotted: "… issues. A.B.") or
    /// after a signing word ("… for my daughter. Signed CC").
    fn closing_letters(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let Some(last) = tokens.iter().rposition(|t| !t.is_punct('.')) else {
            return;
        };
        // The start of the last initials: a word, or the first letter of a dotted run.
        let mut k = last;
        if tokens.get(k).is_some_and(|t| t.is_word()) {
            while k >= 2
                && dotted_letter(tokens, k - 2)
                && tokens.get(k).is_some_and(|w| !w.space_before)
            {
                k -= 2;
            }
        } else {
            return;
        }
        let Some(prev) = k.checked_sub(1).and_then(|p| tokens.get(p)) else {
            return;
        };
        let signed = prev.is_word() && in_list(prev.text, SIGNING_WORDS);
        let after_stop = prev.is_punct('.');
        if signed {
            if let Some((after, m)) = initials_at(tokens, k, |w| self.signing_letters(w)) {
                if closes_line(tokens, after) && tokens.get(after).is_none_or(|n| n.is_punct('.')) {
                    out.push(m);
                }
            }
        } else if after_stop {
            if let Some((after, m)) = initials_at(tokens, k, |_| false) {
                if tokens.iter().skip(after).all(|p| p.is_punct('.')) {
                    out.push(m);
                }
            }
        }
    }
}
