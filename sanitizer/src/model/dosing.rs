//! A veto on the model's person spans in a dosing or prescribing context (pure; no model
//! needed).
//!
//! The model tags many drug and device brand names as people (`Eylea`, `Tremfya`,
//! `Praluent`). A name the model tags is vetoed when the words around it are those of a
//! prescription, not of a person:
//! - a dose right after it (`Eylea 2 mg`, `two puffs`; see `names::dose_after`), a route
//!   (`IV`, `SC`, `intravitreal`) or a frequency (`bd`, `weekly`, `q4w`, `8-weekly`,
//!   `once daily`);
//! - a product noun right after it (`Nellcor probe`, `Mirena coils`) or `applied` closing
//!   its clause (`Cavilon applied.`);
//! - a status in brackets right after it (`Praluent (held since admission)`) or after a
//!   modal and `be` (`whether Madopar should be held`);
//! - a prescribing phrase right before it (`started on`, `switched to`, `injection of`,
//!   `dose of`, `starting`, `given with`, `patient's own`);
//! - a drug joined to it by `and` or `or` (`Humalog and Eylea`);
//! - an interaction of two capitalised words joined by `and` (`Natrilix and Tremfya
//!   together prolong the QT interval`, `Brilique and OxyNorm prescribed together`).
//!
//! Times are no dose: `seen by Tane 2 days ago` keeps its person. A title or a person's
//! label right before the span (`Dr Tane 5 mg`, `Patient: Tane`) keeps it too, and so do
//! the rules' own mentions (they do not go through this veto).

use super::{ModelLabel, ModelSpan};
use crate::names;
use crate::token::{CharIndex, Class, Token};

/// Routes of administration written right after a medicine.
const ROUTES: &[&str] = &[
    "iv",
    "sc",
    "po",
    "im",
    "sl",
    "intravitreal",
    "intravenous",
    "intravenously",
    "subcut",
    "subcutaneous",
    "subcutaneously",
    "intramuscular",
    "intramuscularly",
    "inhaled",
    "nebulised",
    "nebulized",
    "topical",
    "topically",
    "orally",
    "depot",
];

/// Frequencies `names::dose_after` does not know (it has `daily`, `bd`, `weekly` …).
const FREQUENCIES: &[&str] = &["stat", "prn", "weekly", "fortnightly", "monthly"];

/// Counts before a frequency word: `once daily`, `twice weekly`.
const TIMES: &[&str] = &["once", "twice"];

/// Prescribing phrases of two words ending right before a medicine.
const BEFORE_PAIRS: &[(&str, &str)] = &[
    ("started", "on"),
    ("commenced", "on"),
    ("restarted", "on"),
    ("switched", "to"),
    ("switch", "to"),
    ("changed", "to"),
    ("injection", "of"),
    ("injections", "of"),
    ("dose", "of"),
    ("doses", "of"),
    ("course", "of"),
    ("infusion", "of"),
    ("given", "with"),
    ("patient's", "own"),
    ("patient’s", "own"),
];

/// Prescribing verbs right before a medicine.
const BEFORE_WORDS: &[&str] = &["starting", "prescribed", "restart", "restarting"];

/// Nouns of a product used on a patient, after its brand (`Nellcor probe`, `Mirena
/// coils`, `Duraphat varnish`); eponymous devices (`Foley catheter`) are the stop-list's.
const PRODUCTS: &[&str] = &[
    "probe",
    "probes",
    "sensor",
    "sensors",
    "hoist",
    "coil",
    "coils",
    "varnish",
    "mouthwash",
    "stack",
    "mattress",
    "microscope",
    "dressing",
    "dressings",
    "cream",
    "ointment",
    "gel",
    "spray",
    "inhaler",
    "pump",
    "sutures",
    "packing",
    "tablets",
    "capsules",
    "patch",
    "patches",
    "drops",
    "lozenges",
    "pessaries",
    "suppositories",
];

/// A medicine's status in brackets after it: `Praluent (held since admission)`.
const STATUSES: &[&str] = &[
    "held",
    "withheld",
    "omitted",
    "continued",
    "stopped",
    "started",
    "restarted",
    "suspended",
    "increased",
    "reduced",
];

/// Words before a person's name that make it one whatever follows, besides the name rules'
/// titles ([`crate::names::is_title`]): labels and roles.
const CUES: &[&str] = &[
    "patient",
    "pt",
    "name",
    "by",
    "consultant",
    "pharmacist",
    "midwife",
];

/// Whether model span `span` is a person span in a dosing or prescribing context with no
/// person's cue before it (see the module docs). `is_drug` tells a drug word from others.
pub(crate) fn vetoed(
    tokens: &[Token<'_>],
    ix: &CharIndex,
    span: &ModelSpan,
    is_drug: impl Fn(&str) -> bool,
) -> bool {
    if !matches!(span.label, ModelLabel::GivenName | ModelLabel::Surname) {
        return false;
    }
    let (a, b) = (ix.byte_of(span.start), ix.byte_of(span.end));
    let first = tokens.partition_point(|t| t.end <= a);
    let Some(last) = tokens.partition_point(|t| t.start < b).checked_sub(1) else {
        return false;
    };
    if last < first || !tokens.get(first).is_some_and(Token::is_word) {
        return false;
    }
    if cue_before(tokens, first) {
        return false;
    }
    dose_after(tokens, last)
        || product_after(tokens, last)
        || status_after(tokens, last)
        || prescribing_before(tokens, first)
        || joined_to_drug(tokens, first, last, &is_drug)
        || interaction(tokens, first, last)
}

/// Lower-case word `k` is in `list`.
fn word_in(tokens: &[Token<'_>], k: usize, list: &[&str]) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| t.is_word() && list.contains(&t.text.to_lowercase().as_str()))
}

/// A dose, route or frequency right after word `i`.
fn dose_after(tokens: &[Token<'_>], i: usize) -> bool {
    if names::dose_after(tokens, i) {
        return true;
    }
    let spaced = |k: usize| tokens.get(k).is_some_and(|t| t.space_before);
    // A route, unless a bare number follows it (`IM 12` is an image number on an overlay).
    let route = spaced(i + 1)
        && word_in(tokens, i + 1, ROUTES)
        && !tokens
            .get(i + 2)
            .is_some_and(|t| t.class == Class::Number && !names::dose_after(tokens, i + 1));
    let frequency = spaced(i + 1)
        && (word_in(tokens, i + 1, FREQUENCIES)
            || (word_in(tokens, i + 1, TIMES) && names::dose_after(tokens, i + 1)));
    // `8-weekly`, `4-weekly` (the tokenizer splits the digits from the word).
    let n_weekly = tokens.get(i + 1).is_some_and(|t| t.class == Class::Number)
        && tokens.get(i + 2).is_some_and(|t| t.is_punct('-'))
        && word_in(tokens, i + 3, &["weekly", "monthly", "hourly"]);
    // `q4w` (split into `q`, `4`, `w` by the tokenizer).
    let q_weeks = spaced(i + 1)
        && word_in(tokens, i + 1, &["q"])
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.class == Class::Number && !t.space_before)
        && word_in(tokens, i + 3, &["w", "wk", "wks", "h", "hr", "hrs"])
        && tokens.get(i + 3).is_some_and(|t| !t.space_before);
    route || frequency || n_weekly || q_weeks
}

/// A prescribing phrase ending right before word `i`.
fn prescribing_before(tokens: &[Token<'_>], i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    if word_in(tokens, p, BEFORE_WORDS) {
        return true;
    }
    let Some(pp) = p.checked_sub(1) else {
        return false;
    };
    let (Some(x), Some(y)) = (tokens.get(pp), tokens.get(p)) else {
        return false;
    };
    let (x, y) = (x.text.to_lowercase(), y.text.to_lowercase());
    BEFORE_PAIRS
        .iter()
        .any(|&(u, v)| u == x.as_str() && v == y.as_str())
}

/// A drug joined to the span by `and` or `or`: `Humalog and Eylea`, `Eylea or Lucentis`.
fn joined_to_drug(
    tokens: &[Token<'_>],
    first: usize,
    last: usize,
    is_drug: &impl Fn(&str) -> bool,
) -> bool {
    let drug = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && is_drug(t.text))
    };
    let before = first
        .checked_sub(2)
        .is_some_and(|k| word_in(tokens, k + 1, &["and", "or"]) && drug(k));
    let after = word_in(tokens, last + 1, &["and", "or"]) && drug(last + 2);
    before || after
}

/// A title or person's label right before word `i`, maybe with a colon between
/// (`Dr Tane`, `Patient: Tane`).
fn cue_before(tokens: &[Token<'_>], i: usize) -> bool {
    let Some(mut p) = i.checked_sub(1) else {
        return false;
    };
    if tokens
        .get(p)
        .is_some_and(|t| t.is_punct(':') || t.is_punct('.'))
    {
        let Some(q) = p.checked_sub(1) else {
            return false;
        };
        p = q;
    }
    word_in(tokens, p, CUES)
        || tokens
            .get(p)
            .is_some_and(|t| t.is_word() && crate::names::is_title(t.text))
}

/// A product noun right after word `i` (`Nellcor probe`), after one more capitalised word
/// (`Maxi Move hoist`) or after a second brand (`Jaydess and Mirena coils`); or `applied`
/// closing the clause (`Cavilon applied.`; not `applied for`).
fn product_after(tokens: &[Token<'_>], i: usize) -> bool {
    let spaced = |k: usize| tokens.get(k).is_some_and(|t| t.space_before);
    let capitalised = |k: usize| spaced(k) && tokens.get(k).is_some_and(Token::capitalized);
    let product = |k: usize| spaced(k) && word_in(tokens, k, PRODUCTS);
    let closes = tokens
        .get(i + 2)
        .is_none_or(|t| t.class == Class::Punct && !t.is_punct('('));
    product(i + 1)
        || (capitalised(i + 1) && product(i + 2))
        || (word_in(tokens, i + 1, &["and"]) && capitalised(i + 2) && product(i + 3))
        || (spaced(i + 1) && word_in(tokens, i + 1, &["applied"]) && closes)
}

/// A status in brackets right after word `i` (`Praluent (held since admission)`) or after
/// a modal and `be` (`Madopar should be held`).
fn status_after(tokens: &[Token<'_>], i: usize) -> bool {
    let bracket =
        tokens.get(i + 1).is_some_and(|t| t.is_punct('(')) && word_in(tokens, i + 2, STATUSES);
    // `whether Madopar should be held`: a modal, `be` and a status.
    let modal = word_in(
        tokens,
        i + 1,
        &["should", "can", "could", "must", "may", "to"],
    ) && word_in(tokens, i + 2, &["be"])
        && word_in(tokens, i + 3, STATUSES);
    bracket || modal
}

/// Two medicines named together in an interaction: `Natrilix and Tremfya together
/// prolong the QT interval`, `Brilique and OxyNorm prescribed together`. The span is
/// either side of the `and`; the phrase follows the second.
fn interaction(tokens: &[Token<'_>], first: usize, last: usize) -> bool {
    let phrase = |k: usize| {
        (word_in(tokens, k, &["prescribed", "given", "taken"])
            && word_in(tokens, k + 1, &["together"]))
            || (word_in(tokens, k, &["together"])
                && word_in(tokens, k + 1, &["prolong", "prolongs", "increase", "raise"]))
            || word_in(tokens, k, &["interact", "interacts"])
    };
    let capitalised = |k: usize| tokens.get(k).is_some_and(Token::capitalized);
    // `X and <span> …`
    let second = first
        .checked_sub(2)
        .is_some_and(|k| capitalised(k) && word_in(tokens, k + 1, &["and"]) && phrase(last + 1));
    // `<span> and Y …`
    let first_of_two =
        word_in(tokens, last + 1, &["and"]) && capitalised(last + 2) && phrase(last + 3);
    second || first_of_two
}
