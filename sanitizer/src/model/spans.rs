//! From per-token label probabilities to word-level spans (pure; no model needed).
//!
//! 1. Tokens are grouped into the tokenizer's words (sub-word pieces of one word share a word
//!    id). A word's score for an entity type is the mean over its tokens of `P(B-type) +
//!    P(I-type)`; the word takes the best type if that beats `O` and reaches [`THRESHOLD`],
//!    else the likelier person type if the two person types together reach
//!    [`PERSON_THRESHOLD`]. So a span can never cover part of a word.
//! 2. Consecutive words of one type merge when the next word does not begin a new entity
//!    (its first token prefers `I-` over `B-`) and only whitespace separates them.
//! 3. Spans are widened to whole runs of letters and digits (a CJK run, split per character
//!    by the tokenizer, stays whole), then overlaps are resolved.

use super::ModelLabel;
use super::ModelSpan;

/// Minimum probability for a word's entity type (the rampart package's default).
pub(crate) const THRESHOLD: f32 = 0.5;

/// Minimum probability of a word being a person, the given-name and surname types summed,
/// when no single type reaches [`THRESHOLD`]. The issue asks for GIVEN_NAME and SURNAME
/// merged into PERSON; summing them is that merge, and an unlisted name often splits the
/// model between the two and `O`. Such a weak person is kept only in a request that already
/// names someone (a rule's mention, or a model person at [`THRESHOLD`]; see
/// `Sanitizer::run`): alone, a half-believed word is as often a brand or an eponym in a
/// list. Measured on the 19 development corpora (texts leaking / trap texts over-redacted /
/// spurious spans, summed over all texts): types alone 214/121/696; summed at 0.3 without
/// that condition 168/196/828; with it, 0.3 168/146/773, 0.2 159/146/816, 0.1
/// 131/148/876. Names are what a breach is made of, so 0.1: 83 fewer leaking texts for 27
/// more over-redacted traps and 180 more spurious spans (Presidio's spurious spans run at
/// about 300 per corpus). A weak word never joins a sure one in a span (130/150/881 with
/// that), so a sure name stays sure beside a weak neighbour.
pub(crate) const PERSON_THRESHOLD: f32 = 0.1;

/// What one output class of the model means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Outside any entity.
    Outside,
    /// First token of an entity of type `.0` (index into the type list).
    Begin(usize),
    /// A later token of an entity of type `.0`.
    Inside(usize),
}

/// The model's label set: one [`Class`] per output, and the type names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Labels {
    pub(crate) classes: Vec<Class>,
    pub(crate) types: Vec<(String, ModelLabel)>,
}

impl Labels {
    /// Builds the set from `id2label` names in id order (`O`, `B-GIVEN_NAME`, …).
    pub(crate) fn from_names<'a, I: IntoIterator<Item = &'a str>>(names: I) -> Option<Self> {
        let mut classes = Vec::new();
        let mut types: Vec<(String, ModelLabel)> = Vec::new();
        for name in names {
            if name == "O" {
                classes.push(Class::Outside);
                continue;
            }
            let (begin, ty) = match name.split_once('-') {
                Some(("B", ty)) => (true, ty),
                Some(("I", ty)) => (false, ty),
                _ => return None,
            };
            let index = match types.iter().position(|(t, _)| t == ty) {
                Some(i) => i,
                None => {
                    types.push((ty.to_owned(), map_type(ty)));
                    types.len() - 1
                }
            };
            classes.push(if begin {
                Class::Begin(index)
            } else {
                Class::Inside(index)
            });
        }
        classes
            .contains(&Class::Outside)
            .then_some(Self { classes, types })
    }

    /// Number of model outputs per token.
    pub(crate) fn len(&self) -> usize {
        self.classes.len()
    }
}

/// Maps a rampart entity type to the sanitizer's coarse label.
pub(crate) fn map_type(ty: &str) -> ModelLabel {
    match ty {
        "GIVEN_NAME" => ModelLabel::GivenName,
        "SURNAME" => ModelLabel::Surname,
        "BUILDING_NUMBER" | "STREET_NAME" | "SECONDARY_ADDRESS" | "CITY" | "STATE" | "ZIP_CODE"
        | "ADDRESS" | "COUNTRY" => ModelLabel::Location,
        "TAX_ID" | "BANK_ACCOUNT" | "ROUTING_NUMBER" | "GOVERNMENT_ID" | "PASSPORT"
        | "DRIVERS_LICENSE" => ModelLabel::Id,
        _ => ModelLabel::Other,
    }
}

/// Softmax of `logits` into `out` (same length).
pub(crate) fn softmax(logits: &[f32], out: &mut [f32]) {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for (o, &l) in out.iter_mut().zip(logits) {
        *o = (l - max).exp();
        sum += *o;
    }
    if sum > 0.0 {
        for o in out.iter_mut() {
            *o /= sum;
        }
    }
}

/// One tokenizer word with its best entity type.
struct Word {
    start: usize,
    end: usize,
    ty: usize,
    begin: bool,
    score: f32,
    /// A person only by the summed types (under [`THRESHOLD`]).
    weak: bool,
}

/// Turns one text's token probabilities into sorted, non-overlapping word-level spans.
///
/// `chars` is the text; `offsets` are each token's code-point range, `word_ids` its word;
/// `probs` holds `labels.len()` probabilities per token (a token with no probabilities,
/// `None`, counts as `O`).
pub(crate) fn spans(
    chars: &[char],
    offsets: &[(usize, usize)],
    word_ids: &[Option<u32>],
    probs: &[Option<&[f32]>],
    labels: &Labels,
) -> Vec<ModelSpan> {
    let words = words(offsets, word_ids, probs, labels);
    let is_person = |ty: usize| {
        labels
            .types
            .get(ty)
            .is_some_and(|(_, l)| matches!(l, ModelLabel::GivenName | ModelLabel::Surname))
    };
    // A person's name stays on one line: only spaces and tabs join its words.
    let gap_is_space = |from: usize, to: usize, person: bool| {
        chars.get(from..to).is_some_and(|gap| {
            gap.iter()
                .all(|c| c.is_whitespace() && !(person && is_line_break(*c)))
        })
    };
    let mut merged: Vec<(Word, usize)> = Vec::new();
    for w in words {
        if is_person(w.ty) && !name_shaped(chars, &w) {
            continue;
        }
        if let Some((last, n)) = merged.last_mut() {
            // A weak word never joins a sure one (nor the reverse): the span's mean score
            // says whether the model was sure of it.
            let continues = last.ty == w.ty && !w.begin && last.end <= w.start;
            // A person the model runs on over a line break keeps its words before the
            // break: the word after it opens a field or a line of its own.
            if continues
                && is_person(w.ty)
                && !gap_is_space(last.end, w.start, true)
                && gap_is_space(last.end, w.start, false)
            {
                continue;
            }
            if continues && last.weak == w.weak && gap_is_space(last.end, w.start, is_person(w.ty))
            {
                last.end = w.end;
                last.score += w.score;
                *n += 1;
                continue;
            }
        }
        merged.push((w, 1));
    }
    let mut out: Vec<ModelSpan> = Vec::with_capacity(merged.len());
    for (w, n) in merged {
        let Some((_, label)) = labels.types.get(w.ty) else {
            continue;
        };
        // Word counts are tiny: exact in f32.
        #[allow(clippy::cast_precision_loss)]
        let score = w.score / n as f32;
        let mut span = ModelSpan {
            start: w.start,
            end: w.end,
            label: *label,
            score,
        };
        widen(chars, &mut span);
        push_resolving(&mut out, span);
    }
    out
}

/// Whether `c` ends a line.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}'
    )
}

/// Whether person word `w` can be (part of) a name: a word with a letter or digit, or a
/// mark glued to letters on both sides (`O'Neill`, `Ruiz-Díaz`). A sentence's full stop,
/// a bracket or a dash after a lower-case word is no part of one (`by Xa. Yb told`, `Xa -
/// chatty`, `Xa called - Yb`); an initial's dot joins again where the spans are grouped
/// into mentions. A spaced dash between two capitalised words stays: an apposition names
/// one person twice (`Ms Xa - Yb Zc, we all call her Yb Zc`).
fn name_shaped(chars: &[char], w: &Word) -> bool {
    let Some(text) = chars.get(w.start..w.end) else {
        return false;
    };
    if text.iter().any(|c| c.is_alphanumeric()) {
        return true;
    }
    let glued = |at: Option<usize>| {
        at.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    if glued(w.start.checked_sub(1)) && glued(Some(w.end)) {
        return true;
    }
    let dash = text
        .iter()
        .all(|&c| matches!(c, '-' | '\u{2013}' | '\u{2014}'));
    dash && capitalised_word_before(chars, w.start) && capitalised_word_after(chars, w.end)
}

/// Whether the word ending right before `at` (spaces between, on one line) is capitalised.
fn capitalised_word_before(chars: &[char], at: usize) -> bool {
    let mut i = at;
    while i > 0 && chars.get(i - 1).is_some_and(|&c| c == ' ' || c == '\t') {
        i -= 1;
    }
    let end = i;
    while i > 0 && chars.get(i - 1).is_some_and(|c| c.is_alphabetic()) {
        i -= 1;
    }
    i < end && chars.get(i).is_some_and(|c| c.is_uppercase())
}

/// Whether the word starting right after `at` (spaces between, on one line) is capitalised.
fn capitalised_word_after(chars: &[char], at: usize) -> bool {
    let mut i = at;
    while chars.get(i).is_some_and(|&c| c == ' ' || c == '\t') {
        i += 1;
    }
    chars.get(i).is_some_and(|c| c.is_uppercase())
}

fn words(
    offsets: &[(usize, usize)],
    word_ids: &[Option<u32>],
    probs: &[Option<&[f32]>],
    labels: &Labels,
) -> Vec<Word> {
    let n_types = labels.types.len();
    let mut words = Vec::new();
    let mut i = 0;
    while i < offsets.len() {
        let id = word_ids.get(i).copied().flatten();
        let mut j = i + 1;
        while id.is_some() && j < offsets.len() && word_ids.get(j).copied().flatten() == id {
            j += 1;
        }
        // Tokens i..j form one word.
        let mut type_sum = vec![0.0f32; n_types];
        let mut outside = 0.0f32;
        let mut first: Option<&[f32]> = None;
        let (mut start, mut end) = (usize::MAX, 0);
        let mut n = 0u32;
        for t in i..j {
            let Some(&(s, e)) = offsets.get(t) else {
                continue;
            };
            if e <= s {
                continue;
            }
            start = start.min(s);
            end = end.max(e);
            n += 1;
            match probs.get(t).copied().flatten() {
                Some(p) => {
                    first.get_or_insert(p);
                    for (class, &pr) in labels.classes.iter().zip(p) {
                        match class {
                            Class::Outside => outside += pr,
                            Class::Begin(k) | Class::Inside(k) => {
                                if let Some(s) = type_sum.get_mut(*k) {
                                    *s += pr;
                                }
                            }
                        }
                    }
                }
                None => outside += 1.0,
            }
        }
        i = j;
        if n == 0 {
            continue;
        }
        let best = type_sum
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1));
        let Some((ty, &sum)) = best else { continue };
        // Token counts per word are tiny: exact in f32.
        #[allow(clippy::cast_precision_loss)]
        let (score, outside) = (sum / n as f32, outside / n as f32);
        let (ty, score, weak) = if score > outside && score >= THRESHOLD {
            (ty, score, false)
        } else if let Some((ty, score)) = person_choice(labels, &type_sum, n) {
            (ty, score, true)
        } else {
            continue;
        };
        let begin = first.is_none_or(|p| {
            let b = class_prob(labels, p, Class::Begin(ty));
            let i = class_prob(labels, p, Class::Inside(ty));
            b >= i
        });
        words.push(Word {
            start,
            end,
            ty,
            begin,
            score,
            weak,
        });
    }
    words
}

/// The word's person type and summed mean probability when the person types together
/// (given name + surname) reach [`PERSON_THRESHOLD`]: the type is the likelier of the two.
fn person_choice(labels: &Labels, type_sum: &[f32], n: u32) -> Option<(usize, f32)> {
    let mut total = 0.0f32;
    let mut best: Option<(usize, f32)> = None;
    for (k, &sum) in type_sum.iter().enumerate() {
        if labels
            .types
            .get(k)
            .is_some_and(|(_, l)| matches!(l, ModelLabel::GivenName | ModelLabel::Surname))
        {
            total += sum;
            if best.is_none_or(|(_, b)| sum > b) {
                best = Some((k, sum));
            }
        }
    }
    // Token counts per word are tiny: exact in f32.
    #[allow(clippy::cast_precision_loss)]
    let mean = total / n as f32;
    let (k, _) = best?;
    (mean >= PERSON_THRESHOLD).then_some((k, mean))
}

fn class_prob(labels: &Labels, p: &[f32], class: Class) -> f32 {
    labels
        .classes
        .iter()
        .zip(p)
        .find(|(c, _)| **c == class)
        .map_or(0.0, |(_, &pr)| pr)
}

/// Widens `span` to whole runs of letters and digits.
fn widen(chars: &[char], span: &mut ModelSpan) {
    let word = |at: usize| chars.get(at).is_some_and(|c| c.is_alphanumeric());
    while span.start > 0 && word(span.start - 1) {
        span.start -= 1;
    }
    while word(span.end) {
        span.end += 1;
    }
}

/// Appends `span` (spans arrive sorted by start); an overlap with the previous span is
/// resolved by union (same label) or by keeping the higher score.
fn push_resolving(out: &mut Vec<ModelSpan>, span: ModelSpan) {
    match out.last_mut() {
        Some(last) if span.start < last.end => {
            if last.label == span.label {
                last.end = last.end.max(span.end);
                last.score = last.score.max(span.score);
            } else if span.score > last.score {
                *last = span;
            }
        }
        _ => out.push(span),
    }
}

/// Splits `word_ids.len()` tokens into overlapping `[start, end)` windows of at most
/// `budget` tokens that together cover every token. A window after the first starts
/// `overlap` tokens before the previous one ended, moved back to the start of a word, and
/// always after the previous window's start (so planning progresses).
pub(crate) fn plan_windows(
    word_ids: &[Option<u32>],
    budget: usize,
    overlap: usize,
) -> Vec<(usize, usize)> {
    let count = word_ids.len();
    let budget = budget.max(1);
    let overlap = overlap.min(budget - 1);
    let mut windows = Vec::new();
    let mut start = 0;
    while start < count {
        let end = (start + budget).min(count);
        windows.push((start, end));
        if end == count {
            break;
        }
        let mut next = end - overlap;
        while next - 1 > start && word_ids.get(next) == word_ids.get(next - 1) {
            next -= 1;
        }
        start = next.max(start + 1);
    }
    windows
}

/// For each window, the tokens it is trusted for: overlaps are split at their middle, so
/// every token is owned by exactly one window, the one giving it the most context.
pub(crate) fn owned_ranges(windows: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut owned = Vec::with_capacity(windows.len());
    for (k, &(start, end)) in windows.iter().enumerate() {
        let from = match k.checked_sub(1).and_then(|p| windows.get(p)) {
            Some(&(_, prev_end)) if prev_end > start => start + (prev_end - start) / 2,
            _ => start,
        };
        let to = match windows.get(k + 1) {
            Some(&(next_start, _)) if next_start < end => next_start + (end - next_start) / 2,
            _ => end,
        };
        owned.push((from, to));
    }
    owned
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels {
        Labels::from_names([
            "O",
            "B-GIVEN_NAME",
            "I-GIVEN_NAME",
            "B-SURNAME",
            "I-SURNAME",
        ])
        .unwrap()
    }

    #[test]
    fn label_set_maps_types() {
        let l = labels();
        assert_eq!(l.len(), 5);
        assert_eq!(l.types[0].1, ModelLabel::GivenName);
        assert_eq!(l.types[1].1, ModelLabel::Surname);
        assert_eq!(map_type("ZIP_CODE"), ModelLabel::Location);
        assert_eq!(map_type("PASSPORT"), ModelLabel::Id);
        assert_eq!(map_type("EMAIL"), ModelLabel::Other);
        assert!(Labels::from_names(["X-Y"]).is_none());
        assert!(Labels::from_names(["B-A"]).is_none());
    }

    #[test]
    fn sub_words_merge_into_whole_words_and_names_split_by_type() {
        // "Dr Johnathan Smith": tokens dr | john ##athan | smith
        let text: Vec<char> = "Dr Johnathan Smith".chars().collect();
        let offsets = [(0, 2), (3, 7), (7, 12), (13, 18)];
        let word_ids = [Some(0), Some(1), Some(1), Some(2)];
        let o = [0.96, 0.01, 0.01, 0.01, 0.01];
        let given_b = [0.1, 0.8, 0.05, 0.05, 0.0];
        // The continuation piece alone is unsure; the word average decides.
        let given_i = [0.45, 0.1, 0.4, 0.05, 0.0];
        let sur_b = [0.05, 0.0, 0.05, 0.85, 0.05];
        let probs: Vec<Option<&[f32]>> =
            vec![Some(&o), Some(&given_b), Some(&given_i), Some(&sur_b)];
        let got = spans(&text, &offsets, &word_ids, &probs, &labels());
        assert_eq!(got.len(), 2);
        assert_eq!(
            (got[0].start, got[0].end, got[0].label),
            (3, 12, ModelLabel::GivenName)
        );
        assert_eq!(
            (got[1].start, got[1].end, got[1].label),
            (13, 18, ModelLabel::Surname)
        );
    }

    #[test]
    fn a_word_the_model_splits_between_given_and_surname_is_a_person() {
        // "saw Tšepo today": the middle word is 0.45 O, 0.3 given, 0.25 surname. No type
        // alone beats O, the two person types together reach PERSON_THRESHOLD.
        let text: Vec<char> = "saw Tšepo today".chars().collect();
        let offsets = [(0, 3), (4, 9), (10, 15)];
        let word_ids = [Some(0), Some(1), Some(2)];
        let o = [0.95, 0.02, 0.01, 0.01, 0.01];
        let split = [0.45, 0.2, 0.1, 0.15, 0.1];
        let probs: Vec<Option<&[f32]>> = vec![Some(&o), Some(&split), Some(&o)];
        let got = spans(&text, &offsets, &word_ids, &probs, &labels());
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].start, got[0].end, got[0].label),
            (4, 9, ModelLabel::GivenName)
        );
        assert!((got[0].score - 0.55).abs() < 1e-6);
        // Below the level it stays outside: 0.92 O, 0.04 + 0.04 person.
        let weak = [0.92, 0.02, 0.02, 0.02, 0.02];
        let probs: Vec<Option<&[f32]>> = vec![Some(&o), Some(&weak), Some(&o)];
        assert_eq!(spans(&text, &offsets, &word_ids, &probs, &labels()), []);
    }

    #[test]
    fn a_weak_word_never_dilutes_a_sure_one() {
        // "Ammosov DNAR": a sure surname, then a word the summed types barely make a
        // surname; two spans, so the first keeps its sure score.
        let text: Vec<char> = "Ammosov DNAR".chars().collect();
        let offsets = [(0, 7), (8, 12)];
        let word_ids = [Some(0), Some(1)];
        let sure = [0.3, 0.05, 0.0, 0.6, 0.05];
        let weak = [0.8, 0.0, 0.0, 0.0, 0.2];
        let probs: Vec<Option<&[f32]>> = vec![Some(&sure), Some(&weak)];
        let got = spans(&text, &offsets, &word_ids, &probs, &labels());
        let ranges: Vec<_> = got.iter().map(|s| (s.start, s.end, s.label)).collect();
        assert_eq!(
            ranges,
            [(0, 7, ModelLabel::Surname), (8, 12, ModelLabel::Surname)]
        );
        assert!(got[0].score >= THRESHOLD && got[1].score < THRESHOLD);
    }

    #[test]
    fn inside_words_extend_a_span_only_across_whitespace() {
        let text: Vec<char> = "Mary Ann, Ann".chars().collect();
        let offsets = [(0, 4), (5, 8), (8, 9), (10, 13)];
        let word_ids = [Some(0), Some(1), Some(2), Some(3)];
        let b = [0.0, 0.9, 0.1, 0.0, 0.0];
        let i = [0.0, 0.1, 0.9, 0.0, 0.0];
        let o = [1.0, 0.0, 0.0, 0.0, 0.0];
        let probs: Vec<Option<&[f32]>> = vec![Some(&b), Some(&i), Some(&o), Some(&i)];
        let got = spans(&text, &offsets, &word_ids, &probs, &labels());
        let ranges: Vec<_> = got.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(ranges, [(0, 8), (10, 13)]);
    }

    #[test]
    fn a_name_never_runs_over_a_full_stop_a_spaced_dash_after_a_verb_or_a_line_break() {
        // "by Odo. Ima went", "Ima rang - Odo", "Ima - Odo Aru", "odo\nima": words are
        // separate word ids, marks included; the model tags them all as one given name.
        let run = |text: &str, pieces: &[(usize, usize)]| {
            let chars: Vec<char> = text.chars().collect();
            let ids: Vec<Option<u32>> = (0u32..).take(pieces.len()).map(Some).collect();
            let b = [0.0, 0.9, 0.1, 0.0, 0.0];
            let i = [0.0, 0.1, 0.9, 0.0, 0.0];
            let probs: Vec<Option<&[f32]>> = (0..pieces.len())
                .map(|k| Some(if k == 0 { &b[..] } else { &i[..] }))
                .collect();
            spans(&chars, pieces, &ids, &probs, &labels())
                .iter()
                .map(|s| chars[s.start..s.end].iter().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(run("Odo. Ima", &[(0, 3), (3, 4), (5, 8)]), ["Odo", "Ima"]);
        assert_eq!(
            run("Ima rang - Odo", &[(0, 3), (4, 8), (9, 10), (11, 14)]),
            ["Ima rang", "Odo"]
        );
        assert_eq!(
            run("Ima - Odo Aru", &[(0, 3), (4, 5), (6, 9), (10, 13)]),
            ["Ima - Odo Aru"]
        );
        assert_eq!(run("O'Dea", &[(0, 1), (1, 2), (2, 5)]), ["O'Dea"]);
        assert_eq!(run("odo\nima", &[(0, 3), (4, 7)]), ["odo"]);
    }

    #[test]
    fn windows_cover_everything_and_ownership_partitions() {
        let ids: Vec<Option<u32>> = (0..1000).map(|i| Some(i / 2)).collect();
        let w = plan_windows(&ids, 256, 64);
        assert_eq!(w.first().unwrap().0, 0);
        assert_eq!(w.last().unwrap().1, 1000);
        for pair in w.windows(2) {
            assert!(pair[1].0 < pair[0].1, "windows overlap");
            assert!(pair[1].0 > pair[0].0);
            // A window starts at a word boundary.
            assert_ne!(ids[pair[1].0], ids[pair[1].0 - 1]);
        }
        let owned = owned_ranges(&w);
        assert_eq!(owned.first().unwrap().0, 0);
        assert_eq!(owned.last().unwrap().1, 1000);
        for pair in owned.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
        }
        assert!(plan_windows(&[], 256, 64).is_empty());
        assert_eq!(plan_windows(&ids[..10], 256, 64), [(0, 10)]);
    }
}
