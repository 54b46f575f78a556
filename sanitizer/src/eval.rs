//! Scoring a sanitizer (ours or a baseline) against a corpus with gold spans.
//!
//! The corpus format (`sanitizer/corpus/*.jsonl`), one text per line:
//! `{"id": "...", "text": "...", "entities": [{"start": 0, "end": 4, "type": "PERSON",
//! "person": "p1"}]}` with offsets in Unicode code points; `person` names the individual so
//! that label consistency can be scored (mentions with the same `person` in one text must
//! get one label, different people different labels).

use std::collections::{BTreeMap, BTreeSet};

use obscura_protocol::api::EntityKind;
use serde::{Deserialize, Serialize};

use crate::Entity;

/// One gold span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEntity {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// For people: who it is (consistent within one text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
}

/// One corpus text with its gold spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldText {
    /// Stable id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Every identifier in it.
    pub entities: Vec<GoldEntity>,
}

/// Quality figures over a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Gold PERSON spans.
    pub person_spans: usize,
    /// Gold PERSON spans whose every letter is covered by some predicted span.
    pub person_spans_covered: usize,
    /// Texts with at least one gold PERSON span.
    pub texts_with_names: usize,
    /// Of those, texts where some name token stays (any word of 2+ letters of a gold PERSON
    /// span not covered by a predicted span of any type).
    pub texts_leaking_names: usize,
    /// Texts with no gold entity at all.
    pub texts_without_pii: usize,
    /// Of those, texts where something was replaced anyway.
    pub texts_over_redacted: usize,
    /// Predicted spans that overlap no gold span (over-redaction over the whole corpus).
    pub spurious_spans: usize,
    /// Gold people (per text) with 2+ mentions.
    pub people_with_repeats: usize,
    /// Of those, people whose mentions all got one label, not shared with another person.
    pub people_consistent: usize,
}

impl Scores {
    /// Covered gold PERSON spans / gold PERSON spans.
    pub fn person_recall(&self) -> f64 {
        ratio(self.person_spans_covered, self.person_spans)
    }

    /// Texts leaking part of a name / texts with names.
    pub fn leak_rate(&self) -> f64 {
        ratio(self.texts_leaking_names, self.texts_with_names)
    }

    /// Texts without PII that were changed / texts without PII.
    pub fn over_redaction_rate(&self) -> f64 {
        ratio(self.texts_over_redacted, self.texts_without_pii)
    }

    /// Consistent repeated people / repeated people (1.0 when there are none).
    pub fn label_consistency(&self) -> f64 {
        if self.people_with_repeats == 0 {
            1.0
        } else {
            ratio(self.people_consistent, self.people_with_repeats)
        }
    }
}

/// One line with every figure and the counts behind it (for test and tool output).
impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "recall {:.3} ({}/{}), leaks {}/{}, over-redacted {}/{}, spurious spans {}, \
             label consistency {:.3} ({}/{})",
            self.person_recall(),
            self.person_spans_covered,
            self.person_spans,
            self.texts_leaking_names,
            self.texts_with_names,
            self.texts_over_redacted,
            self.texts_without_pii,
            self.spurious_spans,
            self.label_consistency(),
            self.people_consistent,
            self.people_with_repeats,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        // Counts are far below 2^52: exact in f64.
        #[allow(clippy::cast_precision_loss)]
        let r = a as f64 / b as f64;
        r
    }
}

/// Parses a corpus file (JSON lines; blank lines skipped).
pub fn parse_corpus(jsonl: &str) -> Result<Vec<GoldText>, serde_json::Error> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect()
}

/// Scores `predicted` (one span list per corpus text, in order) against `gold`.
/// Extra or missing prediction lists count as empty.
pub fn score(gold: &[GoldText], predicted: &[Vec<Entity>]) -> Scores {
    let mut s = Scores::default();
    let empty = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        let pred = predicted.get(i).unwrap_or(&empty);
        let chars: Vec<char> = g.text.chars().collect();
        let covered = |at: usize| pred.iter().any(|p| p.start <= at && at < p.end);
        let persons: Vec<&GoldEntity> = g
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        if g.entities.is_empty() {
            s.texts_without_pii += 1;
            if !pred.is_empty() {
                s.texts_over_redacted += 1;
            }
        }
        if !persons.is_empty() {
            s.texts_with_names += 1;
        }
        let mut leaked = false;
        for p in &persons {
            s.person_spans += 1;
            let letters = (p.start..p.end.min(chars.len()))
                .filter(|&at| chars.get(at).is_some_and(|c| c.is_alphabetic()));
            if letters.clone().all(covered) {
                s.person_spans_covered += 1;
            }
            // A word of 2+ letters inside the span with an uncovered letter is a leak.
            let mut word: Vec<usize> = Vec::new();
            for at in p.start..=p.end.min(chars.len()) {
                let is_letter = at < p.end && chars.get(at).is_some_and(|c| c.is_alphabetic());
                if is_letter {
                    word.push(at);
                } else {
                    if word.len() >= 2 && !word.iter().all(|&w| covered(w)) {
                        leaked = true;
                    }
                    word.clear();
                }
            }
        }
        if leaked {
            s.texts_leaking_names += 1;
        }
        s.spurious_spans += pred
            .iter()
            .filter(|p| {
                !g.entities
                    .iter()
                    .any(|e| p.start < e.end && e.start < p.end)
            })
            .count();
        // Label consistency: labels each gold person's mentions received.
        let mut labels: BTreeMap<&str, BTreeSet<Option<&str>>> = BTreeMap::new();
        let mut mentions: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &persons {
            let Some(who) = p.person.as_deref() else {
                continue;
            };
            *mentions.entry(who).or_default() += 1;
            let got = pred
                .iter()
                .find(|e| e.start < p.end && p.start < e.end && e.kind == EntityKind::Person)
                .map(|e| e.label.as_deref());
            labels.entry(who).or_default().insert(got.flatten());
        }
        for (who, n) in &mentions {
            if *n < 2 {
                continue;
            }
            s.people_with_repeats += 1;
            let Some(set) = labels.get(who) else { continue };
            let single = match set.iter().next() {
                Some(Some(label)) if set.len() == 1 => Some(*label),
                _ => None,
            };
            if let Some(label) = single {
                let shared = labels
                    .iter()
                    .any(|(other, set)| other != who && set.contains(&Some(label)));
                if !shared {
                    s.people_consistent += 1;
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(start: usize, end: usize, who: &str) -> GoldEntity {
        GoldEntity {
            start,
            end,
            kind: EntityKind::Person,
            person: Some(who.to_owned()),
        }
    }

    fn pred(start: usize, end: usize, label: &str) -> Entity {
        Entity {
            start,
            end,
            kind: EntityKind::Person,
            label: Some(label.to_owned()),
        }
    }

    #[test]
    fn scores_leaks_over_redaction_and_consistency() {
        let gold = vec![
            GoldText {
                id: "a".into(),
                // "John Smith saw Smith"
                text: "John Smith saw Smith".into(),
                entities: vec![person(0, 10, "p1"), person(15, 20, "p1")],
            },
            GoldText {
                id: "b".into(),
                text: "Chest radiograph, no acute findings".into(),
                entities: vec![],
            },
        ];
        // Only "Smith" of the first mention covered: "John" leaks; second mention labelled.
        let partial = vec![
            vec![pred(5, 10, "PERSON_1"), pred(15, 20, "PERSON_1")],
            vec![],
        ];
        let s = score(&gold, &partial);
        assert_eq!(s.person_spans, 2);
        assert_eq!(s.person_spans_covered, 1);
        assert_eq!(s.texts_leaking_names, 1);
        assert_eq!(s.texts_over_redacted, 0);
        assert_eq!(s.people_consistent, 1);

        let full = vec![
            vec![pred(0, 10, "PERSON_1"), pred(15, 20, "PERSON_2")],
            vec![pred(0, 5, "PERSON_3")],
        ];
        let s = score(&gold, &full);
        assert_eq!(s.person_spans_covered, 2);
        assert_eq!(s.texts_leaking_names, 0);
        assert_eq!(s.texts_over_redacted, 1);
        assert_eq!(s.spurious_spans, 1);
        assert_eq!(s.people_with_repeats, 1);
        assert_eq!(s.people_consistent, 0);
        assert!((s.over_redaction_rate() - 1.0).abs() < f64::EPSILON);
    }
}
