//! [`Sanitizer`]: runs the layers over one request.

use std::collections::BTreeMap;
use std::path::Path;

use crate::lexicon::Lexicon;
use crate::model::{ModelSpan, NameModel};
use crate::names::{Mention, NameRules};
use crate::propagate::{self, Found, TextView};
use crate::recognize;
use crate::token::{self, CharIndex, Token};
use crate::types::{Span, priority};
use crate::{Entity, EntityCounts, EntityKind, Error, RedactedText, Sanitized, Texts};

/// The sanitizer: lexicon and (optionally) the name model, loaded once, shared by requests.
#[derive(Debug)]
pub struct Sanitizer {
    lexicon: Lexicon,
    model: Option<NameModel>,
}

/// What the name model said about a request, as [`Sanitizer::sanitize_with`] consumes it.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelOutput {
    /// No model: rules and lists only.
    NotRun,
    /// One span list per text of the request, in order, in code points of each text
    /// (what [`NameModel::tag`] returns).
    Spans(Vec<Vec<ModelSpan>>),
    /// The model failed: fail closed (see [`Sanitizer::sanitize`]).
    Failed,
}

impl Sanitizer {
    /// A sanitizer from parts (`model: None` runs the rules and lists alone).
    pub fn new(lexicon: Lexicon, model: Option<NameModel>) -> Self {
        Self { lexicon, model }
    }

    /// Loads the lexicon and the name model from `assets`.
    pub fn load(assets: &Path) -> Result<Self, Error> {
        Ok(Self::new(
            Lexicon::load(assets)?,
            Some(NameModel::load(assets)?),
        ))
    }

    /// Name and SHA-256 of the name model, when one is loaded (for workload claims).
    pub fn model_digest(&self) -> Option<obscura_protocol::api::ModelDigest> {
        self.model.as_ref().and_then(NameModel::digest)
    }

    /// Sanitizes the texts of one request.
    ///
    /// Runs the model (when loaded) over all texts in one batch and hands its spans to
    /// [`Sanitizer::sanitize_with`]. **Fails closed**: when the model returns an error (or a
    /// span list count that does not match the texts), the rules' spans are kept and, in
    /// addition, every capitalised word that is in a name list and not on the stop-list
    /// (nor in the medical vocabulary) is treated as a name.
    pub fn sanitize(&self, texts: &Texts) -> Sanitized {
        let output = match &self.model {
            None => ModelOutput::NotRun,
            Some(model) => {
                // The model only runs on texts where it could add a name (see
                // `may_hold_a_name`); the others get an empty span list.
                let rules = NameRules::new(&self.lexicon);
                let strs: Vec<&str> = texts.items().iter().map(|t| t.expose()).collect();
                let run: Vec<usize> = (0..strs.len())
                    .filter(|&i| strs.get(i).is_some_and(|t| may_hold_a_name(&rules, t)))
                    .collect();
                let picked: Vec<&str> = run.iter().filter_map(|&i| strs.get(i).copied()).collect();
                match model.tag(&picked) {
                    Ok(tagged) if tagged.len() == picked.len() => {
                        let mut spans = vec![Vec::new(); strs.len()];
                        for (i, list) in run.into_iter().zip(tagged) {
                            if let Some(slot) = spans.get_mut(i) {
                                *slot = list;
                            }
                        }
                        ModelOutput::Spans(spans)
                    }
                    _ => ModelOutput::Failed,
                }
            }
        };
        self.sanitize_with(texts, output)
    }

    /// Sanitizes the texts of one request with the given model output: the model's person
    /// spans are one more source of mentions (vetoed by the stop-list like the rules' own),
    /// its location and identifier spans are added as `[LOCATION]` and `[ID]`.
    pub fn sanitize_with(&self, texts: &Texts, model: ModelOutput) -> Sanitized {
        let strs: Vec<&str> = texts.items().iter().map(|t| t.expose()).collect();
        let model = match model {
            ModelOutput::Spans(s) if s.len() != strs.len() => ModelOutput::Failed,
            other => other,
        };
        let fail_closed = model == ModelOutput::Failed;
        let tokens: Vec<Vec<Token<'_>>> = strs.iter().map(|s| token::tokenize(s)).collect();
        let indexes: Vec<CharIndex> = strs.iter().map(|s| CharIndex::new(s)).collect();
        let latin_request = mostly_latin(strs.iter().copied());
        let rules = NameRules::new(&self.lexicon);

        let mut typed: Vec<Vec<Span>> = Vec::with_capacity(strs.len());
        let mut mentions: Vec<(usize, Mention)> = Vec::new();
        for (i, (text, toks)) in strs.iter().zip(&tokens).enumerate() {
            let mut spans = Vec::new();
            recognize::structured(text, &mut spans);
            recognize::organisations(toks, &mut spans);
            let orgs: Vec<Span> = spans
                .iter()
                .filter(|s| s.kind == EntityKind::Org)
                .copied()
                .collect();
            let mut found = rules.find(text, toks, &orgs, latin_request);
            if let (ModelOutput::Spans(all), Some(ix)) = (&model, indexes.get(i)) {
                let own = all.get(i).map_or(&[][..], Vec::as_slice);
                let (m, t) = rules.model_mentions(toks, ix, own);
                found.extend(m.into_iter().filter(|m| !overlaps(&orgs, m.start, m.end)));
                spans.extend(t);
            }
            if fail_closed {
                found.extend(
                    rules
                        .fail_closed(toks)
                        .into_iter()
                        .filter(|m| !overlaps(&orgs, m.start, m.end)),
                );
            }
            mentions.extend(found.into_iter().map(|m| (i, m)));
            typed.push(spans);
        }

        let (people, found) = propagate::cluster(mentions);
        let views: Vec<TextView<'_, '_>> = strs
            .iter()
            .zip(&tokens)
            .zip(&typed)
            .map(|((text, toks), taken)| TextView {
                text,
                tokens: toks,
                taken,
            })
            .collect();
        let more = propagate::propagate(&rules, &people, &found, &views);
        let mut persons: Vec<Found> = found;
        persons.extend(more);
        persons.sort_by_key(|f| (f.text, f.start, f.end));
        // Labels in order of first appearance over the request.
        let mut labels: BTreeMap<usize, usize> = BTreeMap::new();
        for f in &persons {
            let next = labels.len() + 1;
            labels.entry(f.person).or_insert(next);
        }

        let mut out = Sanitized::default();
        let mut counts = EntityCounts::new();
        for (i, text) in strs.iter().enumerate() {
            let mut spans: Vec<(Span, Option<usize>)> = typed
                .get(i)
                .map(|v| v.iter().map(|s| (*s, None)).collect())
                .unwrap_or_default();
            spans.extend(propagate::of_text(&persons, i).iter().map(|f| {
                (
                    Span {
                        start: f.start,
                        end: f.end,
                        kind: EntityKind::Person,
                    },
                    labels.get(&f.person).copied(),
                )
            }));
            let merged = resolve_labelled(text, spans);
            let ix = indexes.get(i);
            let mut redacted = String::with_capacity(text.len());
            let mut entities = Vec::with_capacity(merged.len());
            let mut at = 0usize;
            for (s, label) in merged {
                redacted.push_str(text.get(at..s.start).unwrap_or(""));
                let label = (s.kind == EntityKind::Person)
                    .then(|| format!("PERSON_{}", label.unwrap_or(0)));
                match &label {
                    Some(l) => redacted.push_str(l),
                    None => redacted.push_str(tag(s.kind)),
                }
                at = s.end;
                *counts.entry(s.kind).or_insert(0) += 1;
                entities.push(Entity {
                    start: ix.map_or(0, |ix| ix.char_of(s.start)),
                    end: ix.map_or(0, |ix| ix.char_of(s.end)),
                    kind: s.kind,
                    label,
                });
            }
            redacted.push_str(text.get(at..).unwrap_or(""));
            out.texts.push(RedactedText::new(redacted));
            out.entities.push(entities);
        }
        out.counts = counts;
        out
    }

    /// Counts words of an already-sanitized text that still look like names: capitalised
    /// words in a name list that are neither common words nor on the stop-list, DICOM
    /// `LAST^FIRST` forms, and runs of non-Latin script in a mostly Latin text. Our own
    /// tags (`PERSON_n`, `[DATE]` …) are not counted. Used as a second pass by fail-closed
    /// captions: a non-zero count means the caption should be withheld.
    pub fn residual_name_candidates(&self, text: &str) -> usize {
        let tokens = token::tokenize(text);
        let rules = NameRules::new(&self.lexicon);
        rules.residual(text, &tokens, mostly_latin(std::iter::once(text)))
    }
}

fn overlaps(spans: &[Span], start: usize, end: usize) -> bool {
    spans.iter().any(|s| s.start < end && start < s.end)
}

/// True when the texts have at least half as many Latin words as words of other scripts (a
/// CJK run counts as one word): an English text with some names in other scripts.
fn mostly_latin<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for t in texts {
        let mut in_word: Option<bool> = None;
        for c in t.chars() {
            if c.is_alphabetic() {
                let l = token::is_latin(c);
                if in_word != Some(l) {
                    if l {
                        latin += 1;
                    } else {
                        other += 1;
                    }
                    in_word = Some(l);
                }
            } else if !token::is_mark(c) {
                in_word = None;
            }
        }
    }
    latin > 0 && 2 * latin >= other
}

/// The tag that replaces a typed entity.
fn tag(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "[PERSON]",
        EntityKind::Date => "[DATE]",
        EntityKind::Age => "[AGE]",
        EntityKind::Id => "[ID]",
        EntityKind::Phone => "[PHONE]",
        EntityKind::Email => "[EMAIL]",
        EntityKind::Url => "[URL]",
        EntityKind::Ssn => "[SSN]",
        EntityKind::Location => "[LOCATION]",
        EntityKind::Org => "[ORG]",
    }
}

/// Overlapping spans merge into their union with the kind of the highest priority (see
/// `types::priority`); a merged person keeps the label of its first person span. Then
/// person spans of one label separated only by spaces or `^` merge into one.
fn resolve_labelled(
    text: &str,
    mut spans: Vec<(Span, Option<usize>)>,
) -> Vec<(Span, Option<usize>)> {
    spans.retain(|(s, _)| s.start < s.end && s.end <= text.len());
    spans.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<(Span, Option<usize>)> = Vec::with_capacity(spans.len());
    for (s, label) in spans {
        if let Some((last, last_label)) = out.last_mut() {
            if s.start < last.end {
                last.end = last.end.max(s.end);
                if priority(s.kind) > priority(last.kind) {
                    last.kind = s.kind;
                    *last_label = label;
                } else if last.kind == EntityKind::Person && last_label.is_none() {
                    *last_label = label;
                }
                continue;
            }
            let gap = text.get(last.end..s.start).unwrap_or("x");
            if last.kind == EntityKind::Person
                && s.kind == EntityKind::Person
                && *last_label == label
                && gap.chars().all(|c| c == ' ' || c == '^')
            {
                last.end = s.end;
                continue;
            }
        }
        out.push((s, label));
    }
    out
}

/// Whether the name model could add anything to `text`: it has a word of another script, a
/// listed name that is not a common word (in any case: `pt john smith`), a capitalised word
/// that is neither common nor on the stop-list (an unlisted name), or a capitalised listed
/// name inside a sentence (`Will Green`, `Hope Brown`). Texts made only of common words,
/// stop-listed terms, numbers and sentence-initial capitals (`Chest radiograph, no acute
/// findings.`) skip the model: on short clinical texts it is most of the sanitizer's time.
fn may_hold_a_name(rules: &NameRules<'_>, text: &str) -> bool {
    token::tokenize(text).iter().any(|t| {
        if !t.is_word() || t.letters() < 2 {
            return false;
        }
        if !t.latin {
            return true;
        }
        let listed = rules.listed(t.text);
        let common = rules.common(t.text);
        (listed && !common)
            || (t.capitalized() && !common && rules.stop(t.text).is_none())
            || (t.capitalized() && listed && !t.sentence_start)
    })
}

#[cfg(test)]
mod gate_tests {
    use super::*;

    #[test]
    fn the_model_runs_only_where_it_could_add_a_name() {
        let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let lex = Lexicon::from_lists(
            words(&["john", "will", "hope", "mary"]),
            words(&["smith", "green", "brown"]),
            words(&[
                "chest",
                "radiograph",
                "no",
                "acute",
                "findings",
                "will",
                "hope",
                "green",
                "we",
                "review",
            ]),
            words(&[]),
        );
        let rules = NameRules::new(&lex);
        for (text, expected) in [
            ("Chest radiograph, no acute findings.", false),
            ("we will review", false),
            ("", false),
            ("pt john smith seen today", true),
            ("Will Green will review", true),
            ("Seen by Okonkwo today", true),
            ("Пациент Иван Петров", true),
        ] {
            assert_eq!(may_hold_a_name(&rules, text), expected, "{text}");
        }
    }
}
