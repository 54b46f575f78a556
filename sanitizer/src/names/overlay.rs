//! The patient field of an image overlay read by OCR: `PT: WHAANGA, 7ane |`,
//! `PT=tANE WHAANG4  HOSP#: …`. OCR misreads letters as digits (`1` for `l` or `I`, `0` for
//! `O`) and breaks the case of a word, so the value's words are neither listed nor
//! title-case; the field's layout (a patient label on a line of `|`-separated fields, the
//! value running to the next separator) is what marks them.

use super::{FIELD_WORDS, Mention, NameRules, in_list, lower};
use crate::token::{Class, Shape, Token};

/// Labels of the patient field on an overlay (lower case).
const PATIENT_LABELS: &[&str] = &["pt", "name", "patient"];

/// Most words of a name in the field.
const MAX_WORDS: usize = 5;

impl NameRules<'_> {
    /// The value of an overlay's patient field (see the module docs): after `PT`, `NAME` or
    /// `PATIENT` in capitals (OCR case noise allowed) with `:`, `=` or a space, on a line
    /// that holds a `|` separator, the words, commas and single misread digits glued to a
    /// word, up to a `|` or `~`, a gap of two spaces, a quote or the end of the line. No
    /// word of plain case may be a common word, term or field word ("PT: stable |").
    pub(super) fn overlay_patient_values(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        let mut line_has_bar = false;
        let mut line_end = 0usize;
        for (i, t) in tokens.iter().enumerate() {
            if i >= line_end {
                line_end = (i + 1..tokens.len())
                    .find(|&k| tokens.get(k).is_some_and(|n| n.line_start))
                    .unwrap_or(tokens.len());
                line_has_bar = tokens
                    .get(i..line_end)
                    .is_some_and(|l| l.iter().any(|n| n.is_punct('|')));
            }
            if !(line_has_bar
                && t.is_word()
                && t.latin
                && matches!(t.shape, Shape::Upper | Shape::Mixed)
                && in_list(t.text, PATIENT_LABELS))
            {
                continue;
            }
            let sep = tokens
                .get(i + 1)
                .is_some_and(|n| !n.space_before && (n.is_punct(':') || n.is_punct('=')));
            let first = i + 1 + usize::from(sep);
            if let Some(m) = self.overlay_value(tokens, first, line_end) {
                out.push(m);
            }
        }
    }

    /// The name in `tokens[first..end]` of an overlay's patient field, if the field holds
    /// one (see `overlay_patient_values`).
    fn overlay_value(&self, tokens: &[Token<'_>], first: usize, end: usize) -> Option<Mention> {
        let mut last = None;
        let mut words = 0usize;
        let mut letters = 0usize;
        let mut k = first;
        // Words, glued digits and commas: a bounded stretch, so that a long line of labels
        // stays linear.
        let end = end.min(first + 4 * MAX_WORDS);
        while k < end {
            let t = tokens.get(k)?;
            if k > first && t.break_before {
                break;
            }
            if t.is_punct('|') || t.is_punct('~') || t.is_punct('\'') {
                break;
            }
            let glued = |j: usize| {
                tokens.get(j).is_some_and(|w| {
                    w.is_word() && (j < k && !t.space_before || j > k && !w.space_before)
                })
            };
            if t.is_word() {
                if !t.latin || words >= MAX_WORDS {
                    return None;
                }
                // A field label ends the value ("… HOSP#", "… DOB:").
                if tokens
                    .get(k + 1)
                    .is_some_and(|n| n.is_punct(':') || n.is_punct('=') || n.is_punct('#'))
                {
                    break;
                }
                // A word glued to a misread digit is a fragment of a longer word ("c1oVIs").
                let misread = (!t.space_before
                    && k > first
                    && tokens.get(k - 1).is_some_and(|p| p.class == Class::Number))
                    || tokens
                        .get(k + 1)
                        .is_some_and(|n| !n.space_before && n.class == Class::Number);
                let plain =
                    !misread && matches!(t.shape, Shape::Upper | Shape::Lower | Shape::Title);
                if plain
                    && (self.common(t.text)
                        || self.stop(t.text).is_some()
                        || in_list(t.text, FIELD_WORDS))
                {
                    return None;
                }
                if t.space_before || k == first {
                    words += 1;
                }
                letters += t.letters();
            } else if t.class == Class::Number {
                // A misread letter: one digit glued to a word.
                if t.text.len() != 1 || !(glued(k.wrapping_sub(1)) || glued(k + 1)) {
                    return None;
                }
            } else if !t.is_punct(',') {
                return None;
            }
            last = Some(k);
            k += 1;
        }
        let last = tokens.get(last?)?;
        let start = tokens.get(first)?;
        (letters >= 4 && words >= 1 && !last.is_punct(',')).then(|| Mention {
            start: start.start,
            end: last.end,
            surname: Some(lower(start.text)),
            ..Mention::default()
        })
    }
}
