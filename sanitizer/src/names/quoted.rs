//! Names quoted from a badge, wristband or label, as image captions report them: `her name
//! badge reads "Ana T."`, `a label on the bag says "KOLLIE KORTO K2885958"`. The caption
//! model copies the words it sees between quotes; what a name tag or patient label carries
//! first is a name, with no sentence around it to tell the name model so.

use super::{Mention, NameRules, in_list};
use crate::token::Token;

/// Things that carry a person's name in a photo (lower case).
const CARRIERS: &[&str] = &[
    "badge",
    "tag",
    "nametag",
    "nameplate",
    "wristband",
    "band",
    "bracelet",
    "label",
    "sticker",
    "lanyard",
];

/// Verbs that introduce the quoted words (lower case).
const SAYS: &[&str] = &[
    "reads", "reading", "read", "says", "saying", "shows", "showing", "labelled", "labeled",
    "printed", "bearing",
];

/// Most tokens between the carrier and its verb (`badge on her lanyard reads`).
const MAX_GAP: usize = 6;

/// Whether `t` opens or closes a quotation.
fn quote(t: &Token<'_>) -> bool {
    t.is_punct('"') || t.is_punct('“') || t.is_punct('”')
}

impl NameRules<'_> {
    /// The name words at the start of a quotation after a carrier and its verb (see the
    /// module docs): capitalised or upper-case words of letters, none a clinical term, up to
    /// the first other word; a one-letter initial with its full stop may close the run.
    pub(super) fn quoted_labels(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, carrier) in tokens.iter().enumerate() {
            if !(carrier.is_word() && in_list(carrier.text, CARRIERS)) {
                continue;
            }
            let verb = (i + 1..=i + MAX_GAP).find(|&k| {
                tokens
                    .get(k)
                    .is_some_and(|t| t.is_word() && in_list(t.text, SAYS))
            });
            let Some(open) =
                verb.and_then(|v| (v + 1..=v + 2).find(|&k| tokens.get(k).is_some_and(quote)))
            else {
                continue;
            };
            let mut words: Vec<&Token<'_>> = Vec::new();
            let mut end = None;
            let mut k = open + 1;
            while let Some(t) = tokens.get(k) {
                // A one-letter capital with its full stop is an initial (whatever a stop-list
                // says of the letter, "D" or "Q"), and ends the name.
                if t.is_word() && t.letters() == 1 && t.capitalized() && !words.is_empty() {
                    if let Some(dot) = tokens.get(k + 1).filter(|d| d.is_punct('.')) {
                        words.push(t);
                        end = Some(dot.end);
                    }
                    break;
                }
                let name_word = t.is_word()
                    && t.letters() >= 2
                    && t.letters() == t.text.chars().filter(|c| *c != '-' && *c != '\'').count()
                    && t.capitalized()
                    && !self.hard_stop(t.text)
                    && !self.common(t.text);
                if !name_word {
                    break;
                }
                words.push(t);
                k += 1;
            }
            let full: Vec<&Token<'_>> =
                words.iter().copied().filter(|w| w.letters() >= 2).collect();
            // One word alone is a name only when a name list knows it (a label saying
            // "FRAGILE" or "BED" is not one).
            let known = |w: &Token<'_>| self.given(w.text) || self.surname(w.text);
            let enough = match full.as_slice() {
                [] => false,
                [one] => end.is_some() || known(one),
                _ => true,
            };
            if !enough {
                continue;
            }
            // Found by another rule already: that mention takes the initial too.
            if let Some(m) = out
                .iter_mut()
                .find(|m| words.iter().any(|w| m.start < w.end && w.start < m.end))
            {
                if let (Some(e), Some(last)) = (end, full.last()) {
                    if m.end == last.name_end() {
                        m.end = e;
                    }
                }
                continue;
            }
            let mention = match full.as_slice() {
                [one] => Self::given_word(one),
                run => match Self::whole_run(run) {
                    Some(m) => m,
                    None => continue,
                },
            };
            out.push(Mention {
                end: end.unwrap_or(mention.end),
                ..mention
            });
        }
    }
}

/// Cues that give the name a person goes by, each as its lower-case words in order: `goes
/// by 'Jo'`, `prefers "Jo"`, `known as 'Jo'`, `likes to be called 'Jo'`.
const NICKNAME_CUES: &[&[&str]] = &[
    &["goes", "by"],
    &["go", "by"],
    &["prefers"],
    &["prefer"],
    &["known", "as"],
    &["called"],
    &["nickname"],
    &["aka"],
];

/// Whether `t` is a quotation mark, single or double, straight or curly.
fn any_quote(t: &Token<'_>) -> bool {
    quote(t) || t.is_punct('\'') || t.is_punct('‘') || t.is_punct('’')
}

impl NameRules<'_> {
    /// A nickname in quotes after a cue that gives the name a person goes by (`Goes by
    /// 'Jo'`, `prefers "Bear"`): one or two capitalised words of letters between an opening
    /// and a closing quotation mark, none a clinical term, nor a common word unless a name
    /// list knows it too.
    pub(super) fn quoted_nicknames(&self, tokens: &[Token<'_>], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            let Some(cue_len) = NICKNAME_CUES.iter().find_map(|cue| {
                let hit = cue.iter().enumerate().all(|(j, w)| {
                    tokens
                        .get(i + j)
                        .is_some_and(|c| c.is_word() && c.text.eq_ignore_ascii_case(w))
                });
                hit.then_some(cue.len())
            }) else {
                continue;
            };
            let open = i + cue_len;
            if !tokens.get(open).is_some_and(any_quote) {
                continue;
            }
            let mut words: Vec<&Token<'_>> = Vec::new();
            let mut k = open + 1;
            while let Some(w) = tokens.get(k) {
                let name_word = w.is_word()
                    && w.letters() >= 2
                    && w.capitalized()
                    && !self.hard_stop(w.text)
                    && (!self.common(w.text) || self.listed(w.text));
                if !name_word || words.len() == 2 {
                    break;
                }
                words.push(w);
                k += 1;
            }
            // The quotation must close right after the words.
            if words.is_empty() || !tokens.get(k).is_some_and(any_quote) {
                continue;
            }
            if out
                .iter()
                .any(|m| words.iter().any(|w| m.start < w.end && w.start < m.end))
            {
                continue;
            }
            let mention = match words.as_slice() {
                [one] => Self::given_word(one),
                run => match Self::whole_run(run) {
                    Some(m) => m,
                    None => continue,
                },
            };
            out.push(mention);
        }
    }
}
