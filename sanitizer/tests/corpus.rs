//! Quality on the development corpus (`corpus/dev.jsonl`, made by `corpus/generate.py`)
//! with the rules alone (model: None) and a lexicon that holds out half of the corpus names.

mod common;

use obscura_protocol::api::EntityKind;
use obscura_sanitizer::eval::{self, GoldText, Scores};
use obscura_sanitizer::lexicon::Lexicon;
use obscura_sanitizer::{Entity, Sanitizer, SecretText, Texts};

const CORPUS: &str = include_str!("../corpus/dev.jsonl");
const HELDOUT: &str = include_str!("../corpus/heldout.jsonl");
const TEST: &str = include_str!("../corpus/test.jsonl");
const BLIND: &str = include_str!("../corpus/blind.jsonl");
const BLIND2: &str = include_str!("../corpus/blind2.jsonl");
const BLIND3: &str = include_str!("../corpus/blind3.jsonl");
const BLIND4: &str = include_str!("../corpus/blind4.jsonl");
const BLIND5: &str = include_str!("../corpus/blind5.jsonl");
const BLIND6: &str = include_str!("../corpus/blind6.jsonl");
const BLIND7: &str = include_str!("../corpus/blind7.jsonl");
const BLIND8: &str = include_str!("../corpus/blind8.jsonl");
const BLIND9: &str = include_str!("../corpus/blind9.jsonl");
const BLIND10: &str = include_str!("../corpus/blind10.jsonl");
const BLIND11: &str = include_str!("../corpus/blind11.jsonl");
const BLIND12: &str = include_str!("../corpus/blind12.jsonl");
const BLIND13: &str = include_str!("../corpus/blind13.jsonl");
const BLIND14: &str = include_str!("../corpus/blind14.jsonl");
const BLIND15: &str = include_str!("../corpus/blind15.jsonl");
const BLIND16: &str = include_str!("../corpus/blind16.jsonl");
const BLIND17: &str = include_str!("../corpus/blind17.jsonl");
const BLIND18: &str = include_str!("../corpus/blind18.jsonl");
const NAMES: &str = include_str!("../corpus/names.json");

fn list(v: &serde_json::Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(|l| l.as_array())
        .map(|l| {
            l.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Test lists plus the corpus names, minus the held-out half of the corpus names.
fn held_out_lexicon() -> Lexicon {
    let names: serde_json::Value = serde_json::from_str(NAMES).unwrap_or(serde_json::Value::Null);
    let held = list(&names, "held_out");
    let merge = |base: &[&str], extra: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = base.iter().map(|s| (*s).to_owned()).collect();
        for e in extra {
            if !out.contains(&e) {
                out.push(e);
            }
        }
        out.retain(|n| !held.contains(n));
        out
    };
    Lexicon::from_lists(
        merge(common::GIVEN, list(&names, "given")),
        merge(common::SURNAMES, list(&names, "surnames")),
        common::COMMON.iter().map(|s| (*s).to_owned()),
        common::MEDICAL.iter().map(|s| (*s).to_owned()),
    )
}

fn run(s: &Sanitizer, gold: &[GoldText]) -> (Scores, Vec<Vec<Entity>>) {
    let predicted: Vec<Vec<Entity>> = gold
        .iter()
        .map(|g| {
            let out = s.sanitize(&Texts::new(vec![SecretText::new(g.text.clone())]));
            out.entities.into_iter().next().unwrap_or_default()
        })
        .collect();
    (eval::score(gold, &predicted), predicted)
}

#[test]
fn corpus_shape() {
    let gold = eval::parse_corpus(CORPUS).unwrap();
    assert!(gold.len() >= 300, "{}", gold.len());
    assert!(gold.iter().filter(|g| g.entities.is_empty()).count() >= 100);
    let names: serde_json::Value = serde_json::from_str(NAMES).unwrap();
    assert!(list(&names, "held_out").len() >= 50);
    for g in &gold {
        let n = g.text.chars().count();
        for e in &g.entities {
            assert!(e.start < e.end && e.end <= n, "{}", g.id);
            assert_eq!(e.kind == EntityKind::Person, e.person.is_some(), "{}", g.id);
        }
    }
}

#[test]
fn corpus_quality() {
    let gold = eval::parse_corpus(CORPUS).unwrap();
    let s = Sanitizer::new(held_out_lexicon(), None);
    let (scores, predicted) = run(&s, &gold);
    if std::env::var_os("SANITIZER_CORPUS_DUMP").is_some() {
        for (g, p) in gold.iter().zip(&predicted) {
            let out = s.sanitize(&Texts::new(vec![SecretText::new(g.text.clone())]));
            let leak = g.entities.iter().any(|e| {
                e.kind == EntityKind::Person
                    && !(e.start..e.end).all(|at| p.iter().any(|x| x.start <= at && at < x.end))
            });
            let over = g.entities.is_empty() && !p.is_empty();
            let one = eval::score(std::slice::from_ref(g), std::slice::from_ref(p));
            let split = one.people_consistent < one.people_with_repeats;
            if leak || over || split {
                let why = if leak {
                    "LEAK"
                } else if over {
                    "OVER"
                } else {
                    "SPLIT"
                };
                println!("{why} {}: {}", g.id, out.texts[0].as_str());
            }
        }
    }
    println!("corpus ({} texts): {scores}", gold.len());
    // Floors measured on this corpus (2026-11-25: recall 0.981, leaks 2.7 %, over-redaction
    // 0 %, consistency 1.000). Every remaining leak is a held-out name with no cue and no
    // second name-like word (alone after "with", or before an eponym surname), or a
    // lower-case pair of held-out names: the model's job.
    assert!(scores.person_recall() >= 0.97, "{scores:?}");
    assert!(scores.leak_rate() <= 0.04, "{scores:?}");
    assert!(scores.over_redaction_rate() <= 0.02, "{scores:?}");
    assert!(scores.label_consistency() >= 0.95, "{scores:?}");
}

/// The same corpus with every corpus name in the lexicon (an upper bound for the rules,
/// circular by construction: what a complete name list would give).
#[test]
fn corpus_quality_full_lexicon() {
    let gold = eval::parse_corpus(CORPUS).unwrap();
    let names: serde_json::Value = serde_json::from_str(NAMES).unwrap();
    let lex = Lexicon::from_lists(
        common::GIVEN
            .iter()
            .map(|s| (*s).to_owned())
            .chain(list(&names, "given")),
        common::SURNAMES
            .iter()
            .map(|s| (*s).to_owned())
            .chain(list(&names, "surnames")),
        common::COMMON.iter().map(|s| (*s).to_owned()),
        common::MEDICAL.iter().map(|s| (*s).to_owned()),
    );
    let (scores, _) = run(&Sanitizer::new(lex, None), &gold);
    println!("corpus (full lexicon): {scores}");
    assert!(scores.person_recall() >= 0.95, "{scores:?}");
    assert!(scores.leak_rate() <= 0.05, "{scores:?}");
    assert!(scores.over_redaction_rate() <= 0.02, "{scores:?}");
}

/// The held-out corpus (`corpus/heldout.jsonl`, made by `corpus/generate_heldout.py`; never
/// used for tuning) with the rules alone and the test lists only: none of its names was
/// added to the lexicon, most are in no list at all. Floors, not targets: a regression
/// alarm for the rules on unseen names and sentence shapes (the model's share is measured
/// by `cargo xtask bench sanitize --corpus sanitizer/corpus/heldout.jsonl`).
#[test]
fn heldout_quality_rules_only() {
    let gold = eval::parse_corpus(HELDOUT).unwrap();
    assert!(gold.len() >= 250, "{}", gold.len());
    for g in &gold {
        let n = g.text.chars().count();
        for e in &g.entities {
            assert!(e.start < e.end && e.end <= n, "{}", g.id);
            assert_eq!(e.kind == EntityKind::Person, e.person.is_some(), "{}", g.id);
        }
    }
    let lex = Lexicon::from_lists(
        common::GIVEN.iter().map(|s| (*s).to_owned()),
        common::SURNAMES.iter().map(|s| (*s).to_owned()),
        common::COMMON.iter().map(|s| (*s).to_owned()),
        common::MEDICAL.iter().map(|s| (*s).to_owned()),
    );
    let (scores, _) = run(&Sanitizer::new(lex, None), &gold);
    println!("held-out (rules, test lists): {scores}");
    // Measured 2026-11-26 before the held-out fixes (sani4): recall 0.517, leaks 96/186,
    // over-redacted 5/104, consistency 0.375; after them: recall 0.636, leaks 68/186,
    // over-redacted 4/104, consistency 0.781 (the held-out set is a development set since).
    // Most leaks are unlisted names without a cue: the model's job, not the rules'.
    assert!(scores.person_recall() >= 0.6, "{scores:?}");
    assert!(scores.leak_rate() <= 0.4, "{scores:?}");
    assert!(scores.over_redaction_rate() <= 0.05, "{scores:?}");
    assert!(scores.label_consistency() >= 0.7, "{scores:?}");
}

/// The test corpus (`corpus/test.jsonl`, made by `corpus/generate_test.py`) is well formed.
/// It was held out for one session and has been a development set since (session 4); its
/// quality is measured by `cargo xtask bench sanitize --corpus sanitizer/corpus/test.jsonl`.
#[test]
fn test_corpus_shape() {
    shape(TEST, 242, (170, 72));
}

/// The blind corpus (`corpus/blind.jsonl`, made by `corpus/generate_blind.py` by someone who
/// never ran the sanitizer on it nor read its rules) is well formed. It was scored once, after
/// the session-4 fixes, by `cargo xtask bench sanitize --corpus sanitizer/corpus/blind.jsonl`,
/// and has been a development set since.
#[test]
fn blind_corpus_shape() {
    shape(BLIND, 300, (220, 80));
}

/// The second blind corpus (`corpus/blind2.jsonl`, made by `corpus/generate_blind2.py` under
/// the same rules, while `blind.jsonl` was being used for tuning) is well formed. It was
/// scored once as a held-out set at the end of session 4 and has been a development set
/// since; no floor here.
#[test]
fn blind2_corpus_shape() {
    shape(BLIND2, 300, (220, 80));
}

/// The third blind corpus (`corpus/blind3.jsonl`, made by `corpus/generate_blind3.py` under
/// the same rules as blind2, with names from regions neither earlier blind corpus used) parses
/// and has the shape it was written to: 300 texts, 220 naming a person, 80 with no identifier.
/// It was scored once as a held-out set at the end of session 5 and has been a development
/// set since; no floor here.
#[test]
fn blind3_corpus_shape() {
    shape(BLIND3, 300, (220, 80));
}

/// The fourth blind corpus (`corpus/blind4.jsonl`, made by `corpus/generate_blind4.py` under
/// blind3's span rules, with names and document shapes no earlier corpus used) parses and has
/// the shape it was written to. It was scored once as a held-out set at the end of session 6
/// and has been a development set since; no floor here.
#[test]
fn blind4_corpus_shape() {
    shape(BLIND4, 300, (220, 80));
}

/// The fifth blind corpus (`corpus/blind5.jsonl`, made by `corpus/generate_blind5.py` under
/// blind3's span rules, with names from regions and document shapes no earlier corpus used)
/// parses and has the shape it was written to. It was scored once as a held-out set at the
/// end of session 7 and has been a development set since; no floor here.
#[test]
fn blind5_corpus_shape() {
    shape(BLIND5, 300, (220, 80));
}

/// The sixth blind corpus (`corpus/blind6.jsonl`, made by `corpus/generate_blind6.py` under
/// blind5's span rules, with names from twenty regions and document shapes no earlier corpus
/// used) parses and has the shape it was written to. It was scored once as a held-out set
/// in session 8 and has been a development set since; no floor here.
#[test]
fn blind6_corpus_shape() {
    shape(BLIND6, 300, (220, 80));
}

/// The seventh blind corpus (`corpus/blind7.jsonl`, made by `corpus/generate_blind7.py` under
/// blind6's span rules, with names from 22 regions and document shapes no earlier corpus
/// used) parses and has the shape it was written to. It was scored once as a held-out set
/// in session 9, after sanitizer round 16 (leaking 43/220 against Presidio's 160, recall
/// 0.879 against 0.525, over-redacted 11/80 against 48), and has been a development set
/// since; no floor here.
#[test]
fn blind7_corpus_shape() {
    shape(BLIND7, 300, (220, 80));
}

/// The eighth blind corpus (`corpus/blind8.jsonl`, made by `corpus/generate_blind8.py` under
/// blind6's span rules, with names from twenty regions and document shapes no earlier corpus
/// used, written without reading the sanitizer) parses and has the shape it was written to;
/// its ids are unique and every span falls on character boundaries of its text. It was
/// scored once as a held-out set in session 10, after sanitizer round 19 (leaking 39/220
/// against Presidio's 161, recall 0.870 against 0.477, over-redacted 18/80 against 43), and
/// has been a development set since; no floor here.
#[test]
fn blind8_corpus_shape() {
    shape(BLIND8, 300, (220, 80));
    ids_and_spans_are_sound(BLIND8);
}

/// The ninth blind corpus (`corpus/blind9.jsonl`, made by `corpus/generate_blind9.py` under
/// blind6's span rules, with names from eighteen regions and document shapes no earlier
/// corpus used, written without reading the sanitizer and without opening blind7 or blind8)
/// parses and has the shape it was written to; its ids are unique and every span falls on
/// character boundaries of its text. It was scored once as a held-out set in session 11,
/// after sanitizer round 21 (leaking 37/220 against Presidio's 177, recall 0.927 against
/// 0.590, over-redacted 10/80 against 39), and has been a development set since; no floor
/// here.
#[test]
fn blind9_corpus_shape() {
    shape(BLIND9, 300, (220, 80));
    ids_and_spans_are_sound(BLIND9);
}

/// The tenth blind corpus (`corpus/blind10.jsonl`, made by `corpus/generate_blind10.py` under
/// blind6's span rules, with names from eleven naming traditions plus English tool and bird
/// surnames and document shapes no earlier corpus used, written without reading the sanitizer
/// and without opening blind9)
/// parses and has the shape it was written to; its ids are unique and every span falls on
/// character boundaries of its text. It was scored once as a held-out set in session 12,
/// after sanitizer round 23 (leaking 46/220 against Presidio's 163, recall 0.886 against
/// 0.494, over-redacted 12/80 against 44), and has been a development set since; no floor
/// here.
#[test]
fn blind10_corpus_shape() {
    shape(BLIND10, 300, (220, 80));
    ids_and_spans_are_sound(BLIND10);
}

/// The eleventh blind corpus (`corpus/blind11.jsonl`, made by `corpus/generate_blind11.py`
/// under blind6's span rules, with names from seventeen naming traditions plus English fish,
/// fabric and coin surnames and document shapes no earlier corpus used, written without
/// reading the sanitizer and without opening blind10) parses and has the shape it was written
/// to; its ids are unique and every span falls on character boundaries of its text. It was
/// scored once as a held-out set in session 13, after sanitizer round 25 (leaking 71/220
/// against Presidio's 182, recall 0.845 against 0.459, over-redacted 15/80 against 41), and
/// has been a development set since; no floor here.
#[test]
fn blind11_corpus_shape() {
    shape(BLIND11, 300, (220, 80));
    ids_and_spans_are_sound(BLIND11);
}

/// The twelfth blind corpus (`corpus/blind12.jsonl`, made by `corpus/generate_blind12.py`
/// under blind6's span rules, with names from fourteen naming traditions plus English tree
/// and old-instrument surnames, sixty-two document shapes used at most five times each, written
/// without reading the sanitizer) parses and has the shape it was written to; its ids are
/// unique and every span falls on character boundaries of its text. It was scored once as a
/// held-out set in session 13, after sanitizer rounds 26a/26b (leaking 46/220 against
/// Presidio's 157, recall 0.871 against 0.548, over-redacted 14/80 against 42), and has been
/// a development set since; no floor here.
#[test]
fn blind12_corpus_shape() {
    shape(BLIND12, 300, (220, 80));
    ids_and_spans_are_sound(BLIND12);
}

/// The thirteenth blind corpus (`corpus/blind13.jsonl`, made by `corpus/generate_blind13.py`
/// under blind6's span rules, with names from nine naming traditions plus English food and
/// stone surnames, over seventy document shapes used at most five times each, written without
/// reading the sanitizer) parses and has the shape it was written to; its ids are unique and
/// every span falls on character boundaries of its text. It was scored once as a held-out
/// set in session 14, after sanitizer round 27 (leaking 36/220 against Presidio's 130,
/// recall 0.868 against 0.583, over-redacted 15/80 against 43), and has been a development
/// set since; no floor here.
#[test]
fn blind13_corpus_shape() {
    shape(BLIND13, 300, (220, 80));
    ids_and_spans_are_sound(BLIND13);
}

/// The fourteenth blind corpus (`corpus/blind14.jsonl`, made by `corpus/generate_blind14.py`
/// under blind6's span rules, with names from thirteen naming traditions plus English verb
/// surnames, ninety-five document shapes used at most five times each, written without
/// reading the sanitizer) parses and has the shape it was written to; its ids are unique and
/// every span falls on character boundaries of its text. It was scored once as a held-out
/// set in session 14, after sanitizer rounds 28a/28b (leaking 53/220 against Presidio's 161,
/// recall 0.850 against 0.517, over-redacted 8/80 against 39), and has been a development
/// set since; no floor here.
#[test]
fn blind14_corpus_shape() {
    shape(BLIND14, 300, (220, 80));
    ids_and_spans_are_sound(BLIND14);
}

/// The fifteenth blind corpus (`corpus/blind15.jsonl`, made by `corpus/generate_blind15.py`
/// under blind6's span rules, with names from nine naming traditions plus English surnames
/// that are offices and ranks, 127 document shapes used at most five times each, written
/// without reading the sanitizer) parses and has the shape it was written to; its ids are
/// unique and every span falls on character boundaries of its text. It was scored once as a
/// held-out set in session 15, after sanitizer round 30 (leaking 51/220 against Presidio's
/// 160, recall 0.867 against 0.636, over-redacted 13/80 against 37), and has been a
/// development set since; no floor here.
#[test]
fn blind15_corpus_shape() {
    shape(BLIND15, 300, (220, 80));
    ids_and_spans_are_sound(BLIND15);
}

/// The sixteenth blind corpus (`corpus/blind16.jsonl`, made by `corpus/generate_blind16.py`
/// under blind6's span rules, with names from five naming traditions plus English surnames
/// that are animals and garments, 111 document shapes used at most three times each, written
/// without reading the sanitizer) parses and has the shape it was written to; its ids are
/// unique and every span falls on character boundaries of its text. It was scored once as a
/// held-out set in session 15, after sanitizer rounds 31a/31b and the summed person types
/// at 0.3 (leaking 45/220 against Presidio's 186, recall 0.913 against 0.584, over-redacted
/// 19/80 against 56), and has been a development set since; no floor here.
#[test]
fn blind16_corpus_shape() {
    shape(BLIND16, 300, (220, 80));
    ids_and_spans_are_sound(BLIND16);
}

/// The seventeenth blind corpus (`corpus/blind17.jsonl`, made by `corpus/generate_blind17.py`
/// under blind6's span rules, with names from seven naming traditions plus English surnames
/// that are parts of buildings, 101 document shapes used at most four times each, written
/// without reading the sanitizer) parses and has the shape it was written to; its ids are
/// unique and every span falls on character boundaries of its text. It was scored once as a
/// held-out set in session 16, after sanitizer rounds 32a/32b (leaking 41/220 against
/// Presidio's 176, recall 0.935 against 0.537, over-redacted 31/80 against 68), and has been
/// a development set since; no floor here.
#[test]
fn blind17_corpus_shape() {
    shape(BLIND17, 300, (220, 80));
    ids_and_spans_are_sound(BLIND17);
}

/// The eighteenth blind corpus (`corpus/blind18.jsonl`, made by `corpus/generate_blind18.py`
/// under blind6's span rules, with names from eight naming traditions plus English surnames
/// that are vessels and containers, 112 document shapes used at most four times each, written
/// without reading the sanitizer) parses and has the shape it was written to; its ids are
/// unique and every span falls on character boundaries of its text. It was scored once as a
/// held-out set in session 17, after sanitizer rounds 34a/34b/34c (leaking 21/220 against
/// Presidio's 184, recall 0.946 against 0.538, over-redacted 37/80 against 77), and has been
/// a development set since; no floor here.
#[test]
fn blind18_corpus_shape() {
    shape(BLIND18, 300, (220, 80));
    ids_and_spans_are_sound(BLIND18);
}

/// Checks a corpus's size, span bounds and person ids, and counts (texts with names, texts
/// without any identifier).
#[allow(clippy::unwrap_used, reason = "test helper: a panic is a test failure")]
fn shape(corpus: &str, texts: usize, with_names_and_without_pii: (usize, usize)) {
    let gold = eval::parse_corpus(corpus).unwrap();
    assert_eq!(gold.len(), texts);
    for g in &gold {
        let n = g.text.chars().count();
        for e in &g.entities {
            assert!(e.start < e.end && e.end <= n, "{}", g.id);
            assert_eq!(e.kind == EntityKind::Person, e.person.is_some(), "{}", g.id);
        }
    }
    let with_names = gold
        .iter()
        .filter(|g| g.entities.iter().any(|e| e.kind == EntityKind::Person))
        .count();
    let without_pii = gold.iter().filter(|g| g.entities.is_empty()).count();
    assert_eq!((with_names, without_pii), with_names_and_without_pii);
}

/// Every id of `corpus` is unique and every span lies inside its text, on character
/// boundaries (offsets are in code points), and covers more than white space.
fn ids_and_spans_are_sound(corpus: &str) {
    let gold = eval::parse_corpus(corpus).unwrap_or_default();
    assert!(!gold.is_empty());
    let mut ids = std::collections::HashSet::new();
    for g in &gold {
        assert!(ids.insert(g.id.clone()), "duplicate id {}", g.id);
        let bounds: Vec<usize> = g
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(g.text.len()))
            .collect();
        for e in &g.entities {
            let (s, t) = (bounds.get(e.start), bounds.get(e.end));
            assert!(s.is_some() && t.is_some(), "{}", g.id);
            let (s, t) = (s.copied().unwrap_or(0), t.copied().unwrap_or(0));
            assert!(
                g.text.is_char_boundary(s) && g.text.is_char_boundary(t),
                "{}",
                g.id
            );
            assert!(!g.text[s..t].trim().is_empty(), "{}", g.id);
        }
    }
}
