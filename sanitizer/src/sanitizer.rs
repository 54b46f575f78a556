//! [`Sanitizer`]: runs the layers over one request.

use std::collections::BTreeMap;
use std::path::Path;

use crate::lexicon::Lexicon;
use crate::model::{ModelSpan, NameModel, dosing};
use crate::names::{self, Mention, NameRules};
use crate::propagate::{self, Found, TextView};
use crate::recognize;
use crate::span_index::SpanIndex;
use crate::stoplist;
use crate::token::{self, CharIndex, Shape, Token};
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
    /// The rules run first. The model (when loaded) then runs only where it could add a
    /// name the rules did not find: on texts with a candidate word (see `model_windows`)
    /// that no rule span already covers; whole when short ([`MODEL_WHOLE_TEXT_TOKENS`]),
    /// else on the sentences within [`MODEL_CONTEXT_TOKENS`] tokens of each such word; all
    /// windows of the request in one batch; its spans are handed on as in
    /// [`Sanitizer::sanitize_with`]. **Fails closed**: when the model returns an error (or a
    /// span list count that does not match the windows), the rules' spans are kept and, in
    /// addition, every capitalised word that is in a name list and not on the stop-list
    /// (nor in the medical vocabulary) is treated as a name.
    pub fn sanitize(&self, texts: &Texts) -> Sanitized {
        match &self.model {
            None => self.run(texts, Source::Given(ModelOutput::NotRun)),
            Some(model) => self.run(texts, Source::Model(model)),
        }
    }

    /// Sanitizes the texts of one request with the given model output: the model's person
    /// spans are one more source of mentions (vetoed by the stop-list like the rules' own;
    /// a weak one, under the type threshold, only in a text where a rule or a sure model
    /// span found a person, or in a request where a rule did), its location and identifier
    /// spans are added as `[LOCATION]` and `[ID]`.
    pub fn sanitize_with(&self, texts: &Texts, model: ModelOutput) -> Sanitized {
        self.run(texts, Source::Given(model))
    }

    fn run(&self, texts: &Texts, source: Source<'_>) -> Sanitized {
        let strs: Vec<&str> = texts.items().iter().map(|t| t.expose()).collect();
        let tokens: Vec<Vec<Token<'_>>> = strs.iter().map(|s| token::tokenize(s)).collect();
        let indexes: Vec<CharIndex> = strs.iter().map(|s| CharIndex::new(s)).collect();
        let latin_request = mostly_latin(strs.iter().copied());
        let rules = NameRules::new(&self.lexicon);

        // The rules, per text: typed spans, organisations, person mentions.
        let mut typed: Vec<Vec<Span>> = Vec::with_capacity(strs.len());
        let mut orgs: Vec<Vec<Span>> = Vec::with_capacity(strs.len());
        let mut by_rules: Vec<Vec<Mention>> = Vec::with_capacity(strs.len());
        for (text, toks) in strs.iter().zip(&tokens) {
            let mut spans = Vec::new();
            recognize::structured(text, &mut spans);
            recognize::organisations(toks, &mut spans);
            let own_orgs: Vec<Span> = spans
                .iter()
                .filter(|s| s.kind == EntityKind::Org)
                .copied()
                .collect();
            by_rules.push(rules.find(text, toks, &spans, latin_request));
            orgs.push(own_orgs);
            typed.push(spans);
        }

        let model = match source {
            Source::Given(ModelOutput::Spans(s)) if s.len() != strs.len() => ModelOutput::Failed,
            Source::Given(other) => other,
            Source::Model(model) => {
                let covered = rule_coverage(&rules, &strs, &tokens, &typed, &by_rules);
                let parts = name_parts(&by_rules);
                let windows: Vec<Window> = tokens
                    .iter()
                    .enumerate()
                    .flat_map(|(i, toks)| {
                        let empty: &[Mention] = &[];
                        let (m, c) = (
                            by_rules.get(i).map_or(empty, Vec::as_slice),
                            covered.get(i).map_or(&[][..], Vec::as_slice),
                        );
                        model_windows(&rules, toks, m, c, &parts).into_iter().map(
                            move |(start, end)| Window {
                                text: i,
                                start,
                                end,
                            },
                        )
                    })
                    .collect();
                tag_windows(model, &strs, &indexes, &windows)
            }
        };
        let fail_closed = model == ModelOutput::Failed;
        // Whether the rules found a person anywhere in the request.
        let request_named = by_rules.iter().any(|m| !m.is_empty());

        let mut mentions: Vec<(usize, Mention)> = Vec::new();
        for (i, ((toks, found), spans)) in tokens
            .iter()
            .zip(by_rules)
            .zip(typed.iter_mut())
            .enumerate()
        {
            let mut found = found;
            let orgs = orgs.get(i).map_or(&[][..], Vec::as_slice);
            if let (ModelOutput::Spans(all), Some(ix)) = (&model, indexes.get(i)) {
                // Brand names the model takes for people in a prescription ("Eylea 2 mg",
                // "started on Tremfya") are vetoed first.
                let own: Vec<ModelSpan> = all
                    .get(i)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .filter(|s| {
                        !dosing::vetoed(toks, ix, s, |w| {
                            rules.stop(w) == Some(stoplist::StopKind::Drug)
                        })
                    })
                    .copied()
                    .collect();
                let (mut m, t) = rules.model_mentions(toks, ix, &own);
                // A weak model person (below the type threshold, see `PERSON_THRESHOLD`
                // in `model/spans.rs`) counts only where the request already names
                // someone: alone it is too often a brand or an eponym.
                if !request_named && found.is_empty() && !m.iter().any(|x| sure_person(&own, ix, x))
                {
                    m.clear();
                }
                rules.number_word_surnames(toks, &mut m);
                // A model place whose words are all in the rules' person mentions is that
                // person ("ROSSI ELENI" on an overlay, "Kim's"): the rules had context.
                let people: Vec<(usize, usize)> = found.iter().map(|m| (m.start, m.end)).collect();
                let text = strs.get(i).copied().unwrap_or("");
                // So is a one-word place that is a name word of a person found in the text
                // ("Name: YB^XA … Xa given leaflets").
                let named: Vec<&Mention> = found.iter().chain(m.iter()).collect();
                spans.extend(
                    t.into_iter()
                        .filter(|s| {
                            s.kind != EntityKind::Location
                                || !(words_within(toks, s, &people)
                                    || names::place_is_found_name(toks, s.start, s.end, &named))
                        })
                        .map(|s| place_before_sentence_line(toks, text, s)),
                );
                found.extend(m.into_iter().filter(|m| !overlaps(orgs, m.start, m.end)));
            }
            if fail_closed {
                found.extend(
                    rules
                        .fail_closed(toks)
                        .into_iter()
                        .filter(|m| !overlaps(orgs, m.start, m.end)),
                );
            }
            extend_given_names(&rules, toks, spans, &mut found);
            // A clinical-word family name after a found given name: "Lionel Heal".
            rules.term_surnames(toks, &mut found);
            // A ward or unit named after a person is a place: "Nightingale ward"; so is a
            // name before a road or landmark noun: "from the Xa Yb turn-off".
            // So is a brand name in a list of medicines: "TTOs: Xarelto, Ella".
            // And a coded value of an HL7 line names a test or a diagnosis, never a person:
            // "OBX|1|NM|1234-5^Sodium^LN".
            let coded = strs
                .get(i)
                .map(|t| names::coded_fields(t))
                .unwrap_or_default();
            rules.split_comma_lists(toks, &mut found);
            found.retain(|m| {
                !names::ward_name(toks, m.start, m.end)
                    && !names::landmark_name(toks, m.start, m.end)
                    && !names::in_drug_list(toks, m.start)
                    && !names::in_coded_field(&coded, m.start, m.end)
                    && !names::classification_value(toks, m.start)
                    && !names::common_compound(&rules, toks, m.start, m.end)
                    && !names::eponym_compound(toks, m.start, m.end)
                    && !names::prefixed_term(toks, m.start)
                    && !names::before_by_mouth(toks, m.start, m.end)
                    && !names::in_dicom_non_person_value(toks, m.start)
                    && !names::common_noun_use(toks, m.start, m.end)
            });
            mentions.extend(found.into_iter().map(|m| (i, m)));
        }

        let (mut people, mut found) = propagate::cluster(mentions);
        propagate::merge_aliases(&mut people, &mut found, &strs);
        let views = text_views(&strs, &tokens, &typed);
        let more = propagate::propagate(&rules, &people, &found, &views);
        let mut persons: Vec<Found> = found;
        persons.extend(more);
        let spans_of = SpanIndex::new(persons.iter().map(|f| (f.text, f.start, f.end)));
        let typed_of = SpanIndex::new(
            typed
                .iter()
                .enumerate()
                .flat_map(|(i, v)| v.iter().map(move |s| (i, s.start, s.end))),
        );
        for f in &mut persons {
            if let (Some(toks), Some(ty)) = (tokens.get(f.text), typed.get(f.text)) {
                extend_back_to_given(&rules, toks, ty, &spans_of, f);
                f.start = names::widened_start(toks, f.start);
                extend_on_to_surname(&rules, toks, ty, &spans_of, f);
                let near = names::Neighbours {
                    tokens: toks,
                    typed: &typed_of,
                    others: &spans_of,
                    text: f.text,
                };
                (f.start, f.end) = rules.widen_caps_run(&near, f.start, f.end);
                propagate::trim_span_edges(toks, f);
            }
        }
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

/// Per text, every span the rules will replace: the typed spans, the person mentions and
/// the words propagation will label from them (the model only adds mentions, which never
/// take a propagated word away); and the HL7 coded values, where no name is kept.
fn rule_coverage(
    rules: &NameRules<'_>,
    strs: &[&str],
    tokens: &[Vec<Token<'_>>],
    typed: &[Vec<Span>],
    by_rules: &[Vec<Mention>],
) -> Vec<Vec<Span>> {
    let mentions: Vec<(usize, Mention)> = by_rules
        .iter()
        .enumerate()
        .flat_map(|(i, ms)| ms.iter().cloned().map(move |m| (i, m)))
        .collect();
    let (people, found) = propagate::cluster(mentions);
    let views = text_views(strs, tokens, typed);
    let mut covered: Vec<Vec<Span>> = typed.to_vec();
    for f in propagate::propagate(rules, &people, &found, &views)
        .iter()
        .chain(&found)
    {
        if let Some(list) = covered.get_mut(f.text) {
            list.push(Span {
                start: f.start,
                end: f.end,
                kind: EntityKind::Person,
            });
        }
    }
    // An HL7 coded value holds no name (see `names::coded_fields`): the model, whose
    // person spans there would be dropped, need not read it.
    for (list, text) in covered.iter_mut().zip(strs) {
        list.extend(
            names::coded_fields(text)
                .into_iter()
                .map(|(start, end)| Span {
                    start,
                    end,
                    kind: EntityKind::Id,
                }),
        );
    }
    covered
}

/// The name parts (given names, surnames, other words; normalized) of every mention the
/// rules found in the request, sorted and deduplicated.
fn name_parts(by_rules: &[Vec<Mention>]) -> Vec<String> {
    let mut parts: Vec<String> = by_rules
        .iter()
        .flatten()
        .flat_map(|m| {
            m.given
                .iter()
                .chain(m.surname.iter())
                .chain(m.extra.iter())
                .cloned()
        })
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

fn text_views<'t, 'a>(
    strs: &[&'a str],
    tokens: &'t [Vec<Token<'a>>],
    typed: &'t [Vec<Span>],
) -> Vec<TextView<'t, 'a>> {
    strs.iter()
        .zip(tokens)
        .zip(typed)
        .map(|((text, toks), taken)| TextView {
            text,
            tokens: toks,
            taken,
        })
        .collect()
}

fn overlaps(spans: &[Span], start: usize, end: usize) -> bool {
    spans.iter().any(|s| s.start < end && start < s.end)
}

/// True when a model person span at or over the type threshold (not a weak one, see
/// `PERSON_THRESHOLD` in `model/spans.rs`) overlaps mention `m` (bytes).
fn sure_person(spans: &[ModelSpan], ix: &CharIndex, m: &Mention) -> bool {
    spans.iter().any(|s| {
        matches!(
            s.label,
            crate::model::ModelLabel::GivenName | crate::model::ModelLabel::Surname
        ) && s.score >= crate::model::TYPE_THRESHOLD
            && ix.byte_of(s.start) < m.end
            && m.start < ix.byte_of(s.end)
    })
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

/// Texts of at most this many tokens (words, numbers, punctuation, as `token::tokenize`
/// cuts them) go to the model whole when it runs on them: on short texts a cut window
/// changes what the model says (on the dev corpus, windows of 8 tokens each side made it
/// tag device names in texts without PII), so only longer texts are cut, and then into
/// whole sentences. Was 48: at 24 the sentence windows of 25–48-token texts send 3 % fewer
/// model tokens on blind4 with the same leaks and over-redaction on all seven corpora.
pub const MODEL_WHOLE_TEXT_TOKENS: usize = 24;

/// In a text longer than [`MODEL_WHOLE_TEXT_TOKENS`], tokens of context the model sees on
/// each side of a candidate word at least; the window then widens to whole sentences.
pub const MODEL_CONTEXT_TOKENS: usize = 12;

/// Where the model's input comes from.
enum Source<'m> {
    /// A caller ran it (or chose not to).
    Given(ModelOutput),
    /// Run this model on the windows the rules leave open.
    Model(&'m NameModel),
}

/// A byte range of one text of the request that the model runs on.
struct Window {
    text: usize,
    start: usize,
    end: usize,
}

/// Runs the model over `windows` in one batch and returns one span list per text, in code
/// points of the whole text (texts without a window get an empty list).
fn tag_windows(
    model: &NameModel,
    strs: &[&str],
    indexes: &[CharIndex],
    windows: &[Window],
) -> ModelOutput {
    let mut out: Vec<Vec<ModelSpan>> = vec![Vec::new(); strs.len()];
    if windows.is_empty() {
        return ModelOutput::Spans(out);
    }
    let slices: Option<Vec<&str>> = windows
        .iter()
        .map(|w| strs.get(w.text).and_then(|t| t.get(w.start..w.end)))
        .collect();
    let Some(slices) = slices else {
        return ModelOutput::Failed;
    };
    match model.tag(&slices) {
        Ok(tagged) if tagged.len() == slices.len() => {
            for (w, list) in windows.iter().zip(tagged) {
                let (Some(slot), Some(ix)) = (out.get_mut(w.text), indexes.get(w.text)) else {
                    return ModelOutput::Failed;
                };
                let base = ix.char_of(w.start);
                slot.extend(list.into_iter().map(|s| ModelSpan {
                    start: s.start + base,
                    end: s.end + base,
                    ..s
                }));
            }
            for list in &mut out {
                list.sort_by_key(|s| s.start);
            }
            ModelOutput::Spans(out)
        }
        _ => ModelOutput::Failed,
    }
}

/// Whether the model could make token `k` (part of) a name the rules have not found:
/// - a word of another script;
/// - a listed name that is not a common word, in any case (`pt john smith`);
/// - a capitalised word that is neither common nor on the stop-list (an unlisted name);
/// - a capitalised listed name inside a sentence (`Will Green`, `Hope Brown`), unless it
///   is a common word written all in capitals: on an upper-case line the capital says
///   nothing (`NOTE`, `WATER`, `LO` on overlays; on the eight corpora the model never
///   changed the output through one of these, and they opened 38 windows);
/// - a capitalised listed word right beside a one-part name the rules found (`Will` when
///   the rules took only `Green`);
/// - a capitalised word that is a part of a name the rules found in the request (`parts`)
///   where propagation does not label it (`Stone` at the start of a sentence after `Rusty
///   Stone`: a common word there).
///
/// Not candidates: common words, numbers, sentence-initial capitals (`Chest radiograph, no
/// acute findings.`), field words (`AGE`), lower-case words in a text whose lines all
/// start with a capital (`cased`, see `capitalised_lines`) unless they run on into a
/// capitalised word or a lower-case name (`van den Berg`, `fernanda santos`), adjectives
/// made with a hyphen (`Koplik-like`, see `adjective_compound`), keys of structured
/// records (`PatientName`, `"vr": "LO"`, see `field_key`), upper-case words of at most
/// five letters on a line with lower-case words (`PEWS`, `MADRS`) unless a listed name
/// that is no common word, drugs, anatomy and clinical terms (a model span
/// made only of those is vetoed anyway, see `NameRules::model_mentions`), eponyms used as
/// terms (`of Oddi`, `Barrett esophagus`) unless a capitalised word that could be a name
/// part precedes them, and hyphenated eponym compounds before a medical head noun
/// (`Osgood-Schlatter disease`).
fn candidate(
    rules: &NameRules<'_>,
    tokens: &[Token<'_>],
    k: usize,
    found: &[Mention],
    parts: &[String],
    cased: bool,
) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    if !t.is_word() || t.letters() < 2 {
        return false;
    }
    if !t.latin {
        return true;
    }
    // A text that starts every line with a capital writes its names with one too, unless
    // the word runs on into a capitalised word or another lower-case name (`van den Berg`,
    // `fernanda santos`).
    if cased && t.shape == Shape::Lower {
        let name_like = |n: &Token<'_>| {
            n.is_word()
                && n.latin
                && (n.capitalized()
                    || (n.shape == Shape::Lower && rules.listed(n.text) && !rules.common(n.text)))
        };
        let prev = k.checked_sub(1).and_then(|p| tokens.get(p));
        let next = tokens.get(k + 1);
        let beside = (t.space_before && prev.is_some_and(name_like))
            || next.is_some_and(|n| n.space_before && name_like(n));
        if !beside {
            return false;
        }
    }
    if adjective_compound(t.text) || field_key(rules, tokens, k) {
        return false;
    }
    let listed = rules.listed(t.text);
    // A short upper-case word on a line that has lower-case words is an abbreviation
    // (`PEWS`, `MADRS`, `US`) unless it is a listed name that is no common word (`KIM`).
    if t.shape == Shape::Upper
        && t.letters() <= 5
        && !t.upper_line
        && (!listed || rules.common(t.text))
    {
        return false;
    }
    // A British spelling of a common word ("Mobilised", "organisation") is common too.
    let common =
        rules.common(t.text) || american_spelling(t.text).is_some_and(|w| rules.common(&w));
    let prev = k.checked_sub(1).and_then(|p| tokens.get(p));
    let next = tokens.get(k + 1);
    // A capitalised word before `t` that could be a name part with it.
    let name_part_before = prev.is_some_and(|p| {
        p.is_word()
            && p.latin
            && p.capitalized()
            && t.space_before
            && !(p.sentence_start && rules.common(p.text))
    });
    // A name the rules found ends at most three tokens before `t` ("Dr Gwilym ap
    // Iorwerth"): the model may run it on into `t`, so the vetoes below do not hold.
    let after_found = found.iter().any(|m| {
        m.end <= t.start
            && tokens
                .get(k.saturating_sub(3))
                .is_some_and(|f| f.start < m.end)
    });
    let vetoed_alone = !name_part_before
        && !after_found
        && tokens.get(k + 1).is_none_or(|n| !n.break_before)
        && (names::vetoed_before_head(tokens, k)
            || (t.capitalized() && names::dose_after(tokens, k)));
    let term = rules.hard_stop(t.text)
        || (rules.eponym_as_term(tokens, k) && !name_part_before)
        || (t.text.contains('-') && names::head_after(tokens, k))
        || vetoed_alone
        || names::ward_name(tokens, t.start, t.end)
        || names::in_drug_list(tokens, t.start)
        || names::dicom_key(tokens, k);
    if term {
        return false;
    }
    if (listed && !common)
        || (t.capitalized() && !common && rules.stop(t.text).is_none())
        || (t.capitalized()
            && t.shape != Shape::Upper
            && listed
            && !t.sentence_start
            && !names::field_word(t.text))
        || (t.capitalized() && parts.binary_search(&stoplist::normalize(t.text)).is_ok())
    {
        return true;
    }
    // One-part mentions only: a given name with a surname (or an initial) is whole.
    let in_partial_mention = |t: Option<&Token<'_>>| {
        t.is_some_and(|t| {
            t.is_word()
                && found.iter().any(|m| {
                    m.start < t.end
                        && t.start < m.end
                        && m.other.is_none()
                        && m.initial.is_none()
                        && (m.given.is_none() || m.surname.is_none())
                })
        })
    };
    t.capitalized()
        && listed
        && rules.stop(t.text).is_none()
        && !names::field_word(t.text)
        && ((t.space_before && in_partial_mention(prev))
            || next.is_some_and(|n| n.space_before && in_partial_mention(Some(n))))
}

/// Every line of the text that starts with a word starts with a capitalised one (and at
/// least one does): prose or a form, not a chat typed in lower case (`pt john smith seen`).
fn capitalised_lines(tokens: &[Token<'_>]) -> bool {
    let mut firsts = tokens
        .iter()
        .filter(|t| t.line_start && t.is_word())
        .peekable();
    firsts.peek().is_some() && firsts.all(Token::capitalized)
}

/// Suffixes that make an adjective of the word before the hyphen (`Koplik-like`,
/// `Ganser-type`, `Bobath-based`): a term named after someone, not a mention of them.
const ADJECTIVE_SUFFIXES: &[&str] = &[
    "like",
    "type",
    "based",
    "shaped",
    "related",
    "induced",
    "associated",
    "dependent",
    "positive",
    "negative",
    "style",
];

/// A hyphenated word ending in a lower-case adjective suffix (see [`ADJECTIVE_SUFFIXES`]).
fn adjective_compound(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(head, tail)| !head.is_empty() && ADJECTIVE_SUFFIXES.contains(&tail))
}

/// Token `k` is a key of a structured record, not a value: a CamelCase word whose parts
/// are all common words or upper-case abbreviations (`PatientName`, `AccessionNumber`,
/// `PatientID`; not `McKenzie`), or a DICOM JSON value representation (`"vr": "LO"`).
fn field_key(rules: &NameRules<'_>, tokens: &[Token<'_>], k: usize) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    if t.shape == Shape::Upper
        && t.text.len() == 2
        && tokens
            .get(k.saturating_sub(4)..k)
            .is_some_and(|before| before.iter().any(|p| p.text == "vr"))
    {
        return true;
    }
    if t.shape != Shape::Mixed || !t.text.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut from = 0;
    let chars: Vec<(usize, char)> = t.text.char_indices().collect();
    for pair in chars.windows(2) {
        if let [(_, a), (i, b)] = pair {
            if a.is_lowercase() && b.is_uppercase() {
                parts.push(t.text.get(from..*i).unwrap_or(""));
                from = *i;
            }
        }
    }
    parts.push(t.text.get(from..).unwrap_or(""));
    parts.len() >= 2
        && parts.iter().all(|p| {
            let letters = p.chars().count();
            letters >= 2 && (p.chars().all(char::is_uppercase) || rules.common(p))
        })
}

/// The American spelling of a word spelt with British `-is-` before an ending
/// (`mobilised` → `mobilized`, `organisation` → `organization`), lower case; `None` for
/// any other word.
fn american_spelling(word: &str) -> Option<String> {
    let w = word.to_lowercase();
    ["ise", "ised", "ises", "ising", "isation", "isations"]
        .iter()
        .find_map(|end| {
            let stem = w.strip_suffix(end)?;
            (stem.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                .then(|| format!("{stem}iz{}", end.get(2..).unwrap_or("")))
        })
}

/// The byte ranges of one text the model should see, around every candidate word (see
/// `candidate`) that no rule span (`found` person mentions, `covered` spans from
/// `rule_coverage`) already covers: the whole text when it has at most
/// [`MODEL_WHOLE_TEXT_TOKENS`] tokens, else [`MODEL_CONTEXT_TOKENS`] tokens each side
/// widened to whole sentences, overlapping windows merged. Empty when every
/// word that could be a name is already explained by the rules: the model, which only adds
/// spans, has nothing left to add there.
fn model_windows(
    rules: &NameRules<'_>,
    tokens: &[Token<'_>],
    found: &[Mention],
    covered: &[Span],
    parts: &[String],
) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let whole = tokens.len() <= MODEL_WHOLE_TEXT_TOKENS;
    let cased = capitalised_lines(tokens);
    for (k, t) in tokens.iter().enumerate() {
        let explained = found.iter().any(|m| m.start < t.end && t.start < m.end)
            || overlaps(covered, t.start, t.end);
        if explained || !candidate(rules, tokens, k, found, parts, cased) {
            continue;
        }
        if whole {
            ranges.push((0, tokens.len()));
            break;
        }
        // At least the context, widened to the start and end of the sentences it touches.
        let mut lo = k.saturating_sub(MODEL_CONTEXT_TOKENS);
        while lo > 0 && !tokens.get(lo).is_some_and(|t| t.sentence_start) {
            lo -= 1;
        }
        let mut hi = (k + MODEL_CONTEXT_TOKENS + 1).min(tokens.len());
        while hi < tokens.len() && !tokens.get(hi).is_some_and(|t| t.sentence_start) {
            hi += 1;
        }
        match ranges.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => ranges.push((lo, hi)),
        }
    }
    ranges
        .into_iter()
        .filter_map(|(lo, hi)| {
            let start = tokens.get(lo)?.start;
            let end = tokens.get(hi.checked_sub(1)?)?.end;
            (start < end).then_some((start, end))
        })
        .collect()
}

/// A model place that runs over a line break into a line of running text ("Fuli
/// Township\nI saw …") ends at the break: an address line never goes on in lower-case
/// words.
fn place_before_sentence_line(tokens: &[Token<'_>], text: &str, s: Span) -> Span {
    if s.kind != EntityKind::Location {
        return s;
    }
    let lo = tokens.partition_point(|t| t.start < s.start);
    let hi = tokens.partition_point(|t| t.start < s.end);
    let inside = tokens.get(lo..hi).unwrap_or_default();
    let Some(k) = inside
        .iter()
        .skip(1)
        .position(|t| t.line_start)
        .map(|k| k + 1)
    else {
        return s;
    };
    let running = inside
        .get(k..)
        .unwrap_or_default()
        .iter()
        .any(|t| t.is_word() && t.shape == Shape::Lower && t.letters() >= 2);
    let end = inside
        .get(..k)
        .and_then(|before| before.last())
        .map_or(s.start, |t| t.end);
    if running && end > s.start && text.is_char_boundary(end) {
        Span { end, ..s }
    } else {
        s
    }
}

/// Whether the word before `after` ends its clause: nothing follows, or a line break, a
/// clause mark or a lower-case word does.
fn ends_clause(after: Option<&Token<'_>>) -> bool {
    after.is_none_or(|a| {
        a.break_before
            || [',', '(', '.', ';', ':'].iter().any(|&c| a.is_punct(c))
            || (a.is_word() && a.shape == Shape::Lower)
    })
}

/// A mention that is a given name alone runs on into the next word when that word is
/// capitalised, unexplained (no common word, term, field word or typed span) and ends its
/// clause: `Mother Elmarie Quillvane (…)`, `Re: Marnus Quillvane, DOB …`. The word becomes
/// the surname.
fn extend_given_names(
    rules: &NameRules<'_>,
    tokens: &[Token<'_>],
    typed: &[Span],
    found: &mut [Mention],
) {
    for m in found.iter_mut() {
        if m.given.is_none() || m.surname.is_some() || m.initials || m.other.is_some() {
            continue;
        }
        // Tokens are in text order: the first one after the mention by binary search.
        let k = tokens.partition_point(|t| t.start < m.end);
        let (Some(t), after) = (tokens.get(k), tokens.get(k + 1)) else {
            continue;
        };
        let ends_clause = ends_clause(after);
        let fits = t.is_word()
            && t.latin
            && t.shape == Shape::Title
            && t.letters() >= 3
            && t.space_before
            && !t.break_before
            && t.start == m.end + 1
            && ends_clause
            && ((!rules.common(t.text) && rules.stop(t.text).is_none())
                || rules.rare_vocabulary_word(t.text))
            && !names::field_word(t.text)
            && !overlaps(typed, t.start, t.end);
        if fits {
            m.end = t.name_end();
            m.surname = Some(stoplist::normalize(t.text));
        }
    }
}

/// A found name runs back over the capitalised word right before it on its line when that
/// word is unexplained (no common word unless a listed given name, no term unless a rare
/// word only the broad vocabulary lists, no field word, typed span or other person's
/// span): the given name before a family name found by its
/// slot or elsewhere in the request ("… with Quorvel Whaanga, …" once `Whaanga` is known,
/// "Rose Whaanga" too). Two words at most
/// ("Tane Aru Whaanga"). The span keeps the found name's person and label.
fn extend_back_to_given(
    rules: &NameRules<'_>,
    tokens: &[Token<'_>],
    typed: &[Span],
    others: &SpanIndex,
    f: &mut Found,
) {
    for _ in 0..2 {
        // Tokens are in text order: found by binary search, so that a long text with many
        // names stays linear-logarithmic.
        let Ok(k) = tokens.binary_search_by_key(&f.start, |t| t.start) else {
            return;
        };
        let (Some(t), Some(p)) = (tokens.get(k), k.checked_sub(1).and_then(|j| tokens.get(j)))
        else {
            return;
        };
        let fits = matches!(t.shape, Shape::Title | Shape::Mixed)
            && !t.break_before
            && p.end + 1 == t.start
            && p.is_word()
            && p.latin
            && p.shape == Shape::Title
            && p.letters() >= 3
            && p.text.chars().all(char::is_alphabetic)
            && (!rules.common(p.text) || rules.given(p.text))
            && (rules.stop(p.text).is_none() || rules.rare_vocabulary_word(p.text))
            && !names::field_word(p.text)
            && !names::agent_verb(p.text)
            && !names::name_prefix(p.text)
            && !names::is_greeting(p.text)
            && !overlaps(typed, p.start, p.end)
            && !others.overlaps(f.text, p.start, p.end);
        if !fits {
            return;
        }
        f.start = p.start;
    }
}

/// A found one-word name runs on over the capitalised word right after it on its line when
/// that word is unexplained (no common word, term, field word, typed span or other person's
/// span) and ends its clause: the family name after a given name found by its slot or
/// elsewhere in the request ("Tane Quorvel, G2P1" once `Tane` is known). The span keeps
/// the found name's person and label.
fn extend_on_to_surname(
    rules: &NameRules<'_>,
    tokens: &[Token<'_>],
    typed: &[Span],
    others: &SpanIndex,
    f: &mut Found,
) {
    let Ok(k) = tokens.binary_search_by_key(&f.start, |t| t.start) else {
        return;
    };
    let (Some(t), Some(n)) = (tokens.get(k), tokens.get(k + 1)) else {
        return;
    };
    let after = tokens.get(k + 2);
    let ends_clause = ends_clause(after);
    let fits = t.is_word()
        && t.latin
        && t.shape == Shape::Title
        && t.end == f.end
        && n.is_word()
        && n.latin
        && n.shape == Shape::Title
        && n.letters() >= 3
        && n.text.chars().all(char::is_alphabetic)
        && n.start == t.end + 1
        && !n.break_before
        && ends_clause
        && ((!rules.common(n.text) && rules.stop(n.text).is_none())
            || rules.rare_vocabulary_word(n.text))
        && !names::field_word(n.text)
        && !names::name_prefix(n.text)
        && !overlaps(typed, n.start, n.end)
        && !others.overlaps(f.text, n.start, n.end);
    if fits {
        f.end = n.end;
    }
}

/// Every word of `span` (two or more letters) lies inside one of the `people` byte ranges.
fn words_within(tokens: &[Token<'_>], span: &Span, people: &[(usize, usize)]) -> bool {
    let mut any = false;
    for t in tokens
        .iter()
        .filter(|t| t.start < span.end && span.start < t.end && t.is_word() && t.letters() >= 2)
    {
        any = true;
        if !people
            .iter()
            .any(|&(a, b)| a <= t.start && t.name_end() <= b)
        {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod gate_tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        Lexicon::from_lists(
            words(&["john", "will", "hope", "mary"]),
            words(&["smith", "green", "brown", "moore"]),
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
                "seen",
                "today",
                "by",
                "and",
                "dr",
            ]),
            words(&[]),
        )
    }

    /// The windows of `text` after the rules, as the text they cover.
    fn windows(lex: &Lexicon, text: &str) -> Vec<String> {
        let rules = NameRules::new(lex);
        let toks = token::tokenize(text);
        let mut typed = Vec::new();
        recognize::structured(text, &mut typed);
        recognize::organisations(&toks, &mut typed);
        let found = rules.find(text, &toks, &[], mostly_latin(std::iter::once(text)));
        let covered = rule_coverage(
            &rules,
            &[text],
            std::slice::from_ref(&toks),
            std::slice::from_ref(&typed),
            std::slice::from_ref(&found),
        );
        let covered = covered.first().map_or(&[][..], Vec::as_slice);
        model_windows(
            &rules,
            &toks,
            &found,
            covered,
            &name_parts(std::slice::from_ref(&found)),
        )
        .into_iter()
        .map(|(a, b)| text.get(a..b).unwrap_or("").to_owned())
        .collect()
    }

    #[test]
    fn the_model_runs_only_where_it_could_add_a_name() {
        let lex = lexicon();
        for (text, expected) in [
            ("Chest radiograph, no acute findings.", &[][..]),
            ("we will review", &[]),
            ("", &[]),
            // Found whole by the rules: nothing left for the model.
            ("Dr. Moore will review", &[]),
            ("pt john smith seen today", &[]),
            ("Seen by Okonkwo today", &["Seen by Okonkwo today"]),
            // A found name's part where propagation will not label it (a common word
            // starting a clause): the model decides.
            (
                "Seen by Hope Brown; Hope to call back",
                &["Seen by Hope Brown; Hope to call back"],
            ),
            ("Пациент Иван Петров", &["Пациент Иван Петров"]),
            // A listed common word inside a sentence may be a name when capitalised, but
            // not when the whole line is in capitals.
            (
                "chest radiograph Green today",
                &["chest radiograph Green today"],
            ),
            ("CHEST RADIOGRAPH GREEN TODAY", &[]),
        ] {
            assert_eq!(windows(&lex, text), expected, "{text}");
        }
    }

    /// The test lexicon with the everyday words of the tests below.
    fn clinic_lexicon() -> Lexicon {
        let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        Lexicon::from_lists(
            words(&["john"]),
            words(&["moore"]),
            words(&[
                "known",
                "one",
                "tablet",
                "daily",
                "as",
                "directed",
                "moved",
                "to",
                "ward",
                "meds",
                "with",
                "frame",
                "called",
                "mobilized",
                "ap",
                "dr",
                "and",
            ]),
            words(&[]),
        )
    }

    #[test]
    fn a_word_whose_model_name_would_be_dropped_needs_no_model() {
        let lex = clinic_lexicon();
        for (text, expected) in [
            // Before a medical head noun: vetoed as an eponym.
            ("Known Kallmann syndrome", &[][..]),
            // With a title it is a person the rules find; the model is not needed either.
            ("Dr Kallmann syndrome", &[]),
            // A name the rules found runs into it, or the head is on the next line: the
            // model decides.
            (
                "Dr Moore ap Kallmann syndrome",
                &["Dr Moore ap Kallmann syndrome"],
            ),
            ("Known Kallmann\nsyndrome", &["Known Kallmann\nsyndrome"]),
            // Followed by a dose: a medicine.
            ("Lorviqua one tablet daily", &[]),
            ("Benepali as directed", &[]),
            ("Lorviqua called", &["Lorviqua called"]),
            // In a list of medicines, and a ward's name.
            ("Meds: Xarelto, Zoely", &[]),
            ("Moved to Bevan ward", &[]),
            // A British spelling of a common word.
            ("Mobilised with frame", &[]),
            // Keys of a DICOM dump; the name in its value is the rules'.
            ("(0010,0020) LO [H794707]", &[]),
            ("PatientName = MOORE^JOHN", &[]),
            ("(0010,0010) PatientName: MOORE^JOHN", &[]),
            ("Ngata: MOORE^JOHN", &["Ngata: MOORE^JOHN"]),
            ("(0010,0020) Lo Ngata", &["(0010,0020) Lo Ngata"]),
            ("(0010, 0010) Patient's Name   PN: 'MOORE^JOHN'", &[]),
            ("Ngata Name: MOORE^JOHN", &["Ngata Name: MOORE^JOHN"]),
        ] {
            assert_eq!(windows(&lex, text), expected, "{text}");
        }
    }

    #[test]
    fn layout_and_word_form_say_when_the_model_is_not_needed() {
        let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let lex = Lexicon::from_lists(
            words(&["john", "mary"]),
            words(&["smith"]),
            words(&[
                "family",
                "say",
                "the",
                "was",
                "blocked",
                "escalated",
                "to",
                "reg",
                "tachycardic",
                "rang",
                "spots",
                "noted",
                "reaction",
                "accession",
                "number",
                "patient",
                "name",
                "seen",
            ]),
            words(&[]),
        );
        for (text, expected) in [
            // A text that capitalises its lines writes names with a capital: a listed
            // lower-case word alone is a word ("The will was read")...
            ("Family say the john was blocked", &[][..]),
            // ...unless it runs on into another name.
            (
                "Escalated to reg; mary smith tachycardic",
                &["Escalated to reg; mary smith tachycardic"],
            ),
            // A text typed in lower case: the model decides.
            ("family say john rang", &["family say john rang"]),
            // Adjectives made with a hyphen.
            ("Zemlinsky-like spots noted", &[]),
            ("Vardaman-type reaction", &[]),
            ("Vardaman reaction", &["Vardaman reaction"]),
            // Keys of a CSV header and a DICOM JSON value representation.
            ("AccessionNumber,PatientName,PatientID", &[]),
            ("{\"00080080\": {\"vr\": \"LO\"}}", &[]),
            ("McAllister seen", &["McAllister seen"]),
            // A short upper-case word among lower-case ones is an abbreviation; on an
            // upper-case line (an overlay) it may be a name.
            ("Noted QXR reaction", &[]),
            ("SEEN QXR", &["SEEN QXR"]),
        ] {
            assert_eq!(windows(&lex, text), expected, "{text}");
        }
    }

    #[test]
    fn british_spellings_map_to_american_ones() {
        assert_eq!(american_spelling("Mobilised").as_deref(), Some("mobilized"));
        assert_eq!(
            american_spelling("organisation").as_deref(),
            Some("organization")
        );
        assert_eq!(american_spelling("Elise"), None);
        assert_eq!(american_spelling("Moore"), None);
    }

    #[test]
    fn long_texts_are_cut_into_sentence_windows_around_unexplained_candidates() {
        let lex = lexicon();
        let filler = "No acute findings. ".repeat(12);
        let text = format!("Dr. Moore will review. {filler}Seen by Okonkwo today");
        assert!(token::tokenize(&text).len() > MODEL_WHOLE_TEXT_TOKENS);
        let got = windows(&lex, &text);
        assert_eq!(got.len(), 1, "{got:?}");
        let w = got.first().map_or("", String::as_str);
        // 12 tokens back from the candidate, widened to the start of that sentence.
        assert_eq!(
            w,
            format!("{}Seen by Okonkwo today", "No acute findings. ".repeat(3))
        );
        // A short text goes whole.
        let short = "Dr. Moore will review. No acute findings. Seen by Okonkwo today";
        assert_eq!(windows(&lex, short), [short]);
        // Two candidates close together share one window.
        let two = format!("{filler}Okonkwo and Adeyemi today");
        assert_eq!(
            windows(&lex, &two),
            [format!(
                "{}Okonkwo and Adeyemi today",
                "No acute findings. ".repeat(3)
            )]
        );
    }
}
