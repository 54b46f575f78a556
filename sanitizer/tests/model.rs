//! The rampart name model on real text (exact spans, batching, long texts, digest checks), and
//! the pinned name and word lists the lexicon loads.
//! Needs the pinned assets (`cargo xtask setup`): `$OBSCURA_ASSETS` or `<workspace>/assets`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a panic is a test failure"
)]

use std::path::PathBuf;
use std::sync::OnceLock;

use obscura_sanitizer::Error;
use obscura_sanitizer::model::{ModelLabel, NameModel};

/// Files the model tests need, relative to the assets directory.
const NEEDED: [&str; 4] = [
    "ort/libonnxruntime.so.1.31.1",
    "models/rampart/model_q4.onnx",
    "models/rampart/tokenizer.json",
    "models/rampart/config.json",
];

fn assets(test: &str) -> Option<PathBuf> {
    let dir = obscura_onnx::assets_from_env().unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .join("assets")
    });
    for f in NEEDED {
        if !dir.join(f).is_file() {
            eprintln!(
                "SKIP {test}: {} is missing (run `cargo xtask setup`)",
                dir.join(f).display()
            );
            return None;
        }
    }
    Some(dir)
}

/// One model per test binary (session creation is the expensive part).
fn model(test: &str) -> Option<&'static NameModel> {
    static MODEL: OnceLock<NameModel> = OnceLock::new();
    let dir = assets(test)?;
    Some(MODEL.get_or_init(|| NameModel::load(&dir).expect("name model loads")))
}

/// (text of the span, label) for each span.
fn tagged(text: &str, spans: &[obscura_sanitizer::model::ModelSpan]) -> Vec<(String, ModelLabel)> {
    let chars: Vec<char> = text.chars().collect();
    spans
        .iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.label))
        .collect()
}

fn names(text: &str, spans: &[obscura_sanitizer::model::ModelSpan]) -> Vec<(String, ModelLabel)> {
    tagged(text, spans)
        .into_iter()
        .filter(|(_, l)| matches!(l, ModelLabel::GivenName | ModelLabel::Surname))
        .collect()
}

#[test]
fn exact_name_spans() {
    let Some(m) = model("exact_name_spans") else {
        return;
    };
    let text = "Patient John Smith was seen by Dr. Mary Jones";
    let got = m.tag(&[text]).unwrap();
    assert_eq!(got.len(), 1);
    let spans = &got[0];
    let starts: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(
        names(text, spans),
        [
            ("John".to_owned(), ModelLabel::GivenName),
            ("Smith".to_owned(), ModelLabel::Surname),
            ("Mary".to_owned(), ModelLabel::GivenName),
            ("Jones".to_owned(), ModelLabel::Surname),
        ],
        "spans {starts:?}"
    );
    assert_eq!(starts[0], (8, 12));
    assert!(
        spans.windows(2).all(|w| w[0].end <= w[1].start),
        "sorted, disjoint"
    );
    assert!(spans.iter().all(|s| s.score >= 0.5 && s.score <= 1.0));

    // Offsets are code points, not bytes: accented and non-Latin text before the name.
    let text = "Café résumé — Patient José García was seen today";
    let got = m.tag(&[text]).unwrap();
    let found = names(text, &got[0]);
    assert!(
        found.iter().any(|(w, _)| w == "José") && found.iter().any(|(w, _)| w == "García"),
        "{found:?}"
    );
}

#[test]
fn spans_cover_whole_words() {
    let Some(m) = model("spans_cover_whole_words") else {
        return;
    };
    let texts = [
        "Referred by Dr. Bartholomew Kowalczyk for chest pain",
        "Signed: Anneliese Oyelaran-Whitcombe, MD",
        "Seen with her husband Thaddeus McGillicuddy",
    ];
    let got = m.tag(&texts).unwrap();
    for (text, spans) in texts.iter().zip(&got) {
        let chars: Vec<char> = text.chars().collect();
        assert!(!spans.is_empty(), "no span in {text:?}");
        for s in spans {
            let before = s.start.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(s.end);
            assert!(!before.is_some_and(char::is_alphanumeric), "{text:?} {s:?}");
            assert!(
                !after.is_some_and(|c| c.is_alphanumeric()),
                "{text:?} {s:?}"
            );
        }
    }
}

#[test]
fn batch_equals_one_by_one() {
    let Some(m) = model("batch_equals_one_by_one") else {
        return;
    };
    let long = format!(
        "{} Reviewed by Dr. Priya Raman.",
        "No acute findings. ".repeat(120)
    );
    let texts = [
        "Patient John Smith was seen by Dr. Mary Jones",
        "",
        "Chest radiograph, no acute cardiopulmonary process.",
        long.as_str(),
        "MRN 12345678, 42 Elm Street, Springfield",
        "Follow up with Sarah O'Connor in 6 weeks",
    ];
    let batched = m.tag(&texts).unwrap();
    assert_eq!(batched.len(), texts.len());
    for (text, got) in texts.iter().zip(&batched) {
        let single = m.tag(&[text]).unwrap();
        assert_eq!(single.len(), 1);
        assert_eq!(tagged(text, &single[0]), tagged(text, got), "{text:?}");
        for (a, b) in single[0].iter().zip(got) {
            assert_eq!((a.start, a.end, a.label), (b.start, b.end, b.label));
            assert!((a.score - b.score).abs() < 1e-3, "padding changed a score");
        }
    }
}

#[test]
fn long_text_name_at_the_end_is_found() {
    let Some(m) = model("long_text_name_at_the_end_is_found") else {
        return;
    };
    let text = format!(
        "{}The report was signed by Dr. Mary Jones.",
        "The lungs are clear and the heart size is normal. ".repeat(60)
    );
    assert!(
        text.split_whitespace().count() > 600,
        "longer than the model's 512 positions"
    );
    let got = m.tag(&[text.as_str()]).unwrap();
    let found = names(&text, &got[0]);
    assert_eq!(
        found,
        [
            ("Mary".to_owned(), ModelLabel::GivenName),
            ("Jones".to_owned(), ModelLabel::Surname)
        ]
    );
    let start = text.chars().count() - "Mary Jones.".chars().count();
    assert_eq!(got[0].last().map(|s| s.end), Some(start + 10));
}

#[test]
fn empty_and_blank_texts_have_no_spans() {
    let Some(m) = model("empty_and_blank_texts_have_no_spans") else {
        return;
    };
    assert_eq!(m.tag(&[]).unwrap(), Vec::<Vec<_>>::new());
    let got = m.tag(&["", "   ", "\n"]).unwrap();
    assert_eq!(got, vec![vec![], vec![], vec![]]);
}

#[test]
fn digest_is_reported() {
    let Some(m) = model("digest_is_reported") else {
        return;
    };
    let d = m.digest().unwrap();
    assert_eq!(d.name, "rampart-minilm-q4");
    // Every 4-bit matmul runs with int8 arithmetic (see model/int8.rs).
    assert!(format!("{m:?}").contains("int8_matmuls: 37"), "{m:?}");
    let dir = assets("digest_is_reported").unwrap();
    let bytes = std::fs::read(dir.join("models/rampart/model_q4.onnx")).unwrap();
    assert_eq!(d.sha256, obscura_onnx::sha256(&bytes));
}

#[test]
fn tampered_files_fail_with_typed_errors() {
    let Some(dir) = assets("tampered_files_fail_with_typed_errors") else {
        return;
    };
    let tmp = std::env::temp_dir().join(format!("obscura-ner-test-{}", std::process::id()));
    std::fs::create_dir_all(tmp.join("models/rampart")).unwrap();
    std::fs::create_dir_all(tmp.join("ort")).unwrap();
    for f in NEEDED {
        std::fs::copy(dir.join(f), tmp.join(f)).unwrap();
    }
    // One changed byte in the label map.
    let config = tmp.join("models/rampart/config.json");
    let mut bytes = std::fs::read(&config).unwrap();
    bytes[10] ^= 0x20;
    std::fs::write(&config, &bytes).unwrap();
    match NameModel::load(&tmp) {
        Err(Error::Onnx(obscura_onnx::Error::AssetDigestMismatch { name, got, .. })) => {
            assert_eq!(name, "models/rampart/config.json");
            assert_eq!(got, obscura_onnx::sha256(&bytes));
        }
        other => panic!("expected a digest mismatch, got {other:?}"),
    }
    // A missing model file.
    std::fs::copy(dir.join(NEEDED[3]), &config).unwrap();
    std::fs::remove_file(tmp.join("models/rampart/model_q4.onnx")).unwrap();
    match NameModel::load(&tmp) {
        Err(Error::Onnx(obscura_onnx::Error::AssetUnreadable { name, kind })) => {
            assert_eq!(name, "models/rampart/model_q4.onnx");
            assert_eq!(kind, std::io::ErrorKind::NotFound);
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
    std::fs::remove_dir_all(&tmp).unwrap();
}

// The pinned name and word lists (same assets directory).

#[test]
fn lexicon_loads_the_pinned_lists() {
    use obscura_sanitizer::lexicon::{Lexicon, Rank};
    let Some(dir) = assets("lexicon_loads_the_pinned_lists") else {
        return;
    };
    if !dir.join("lexicon/wordfreq/small_en.msgpack.gz").is_file() {
        eprintln!("SKIP lexicon_loads_the_pinned_lists: lists missing (run `cargo xtask setup`)");
        return;
    }
    let started = std::time::Instant::now();
    let lex = Lexicon::load(&dir).unwrap();
    let took = started.elapsed();
    eprintln!("lexicon loaded in {took:?}: sizes {:?}", lex.sizes());
    // Load time is a figure (printed here and by `cargo xtask bench sanitize`), not a
    // wall-clock assertion.
    let [given, surnames, common, vocabulary] = lex.sizes();
    assert!(given > 90_000 && surnames > 160_000 && common > 20_000 && vocabulary > 190_000);

    assert_eq!(lex.common_word("the"), Some(Rank(1)));
    assert!(lex.common_word("The").is_some(), "case-insensitive");
    for first in ["john", "Mary", "PRIYA", "jose"] {
        let rank = lex.given_name(first);
        assert!(rank.is_some_and(|r| r.0 <= 4_250), "{first}: {rank:?}");
    }
    for last in ["smith", "Nguyen", "KOWALCZYK", "garcia"] {
        assert!(lex.surname(last).is_some(), "{last}");
    }
    assert!(lex.given_name("metformin").is_none());
    assert!(lex.is_medical("metformin") && lex.is_medical("humerus"));
    assert!(
        !lex.is_medical("smith"),
        "names removed from the vocabulary"
    );
    // Most frequent first: "john" is seen in text far more than "bartholomew".
    assert!(lex.given_name("john").unwrap().0 < lex.given_name("bartholomew").unwrap().0);
}

#[test]
fn lexicon_tampered_list_is_a_typed_error() {
    use obscura_sanitizer::lexicon::{Lexicon, sources};
    let Some(dir) = assets("lexicon_tampered_list_is_a_typed_error") else {
        return;
    };
    if !dir.join(sources::WORDFREQ_EN.0).is_file() {
        return;
    }
    let tmp = std::env::temp_dir().join(format!("obscura-lex-test-{}", std::process::id()));
    std::fs::create_dir_all(tmp.join("lexicon/wordfreq")).unwrap();
    let mut bytes = std::fs::read(dir.join(sources::WORDFREQ_EN.0)).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(tmp.join(sources::WORDFREQ_EN.0), &bytes).unwrap();
    match Lexicon::load(&tmp) {
        Err(Error::Onnx(obscura_onnx::Error::AssetDigestMismatch { name, .. })) => {
            assert_eq!(name, sources::WORDFREQ_EN.0);
        }
        other => panic!("expected a digest mismatch, got {other:?}"),
    }
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn concurrent_calls_agree_with_sequential_ones() {
    let Some(m) = model("concurrent_calls_agree_with_sequential_ones") else {
        return;
    };
    let texts = [
        "Patient John Smith was seen by Dr. Mary Jones",
        "Follow up with Sarah O'Connor in 6 weeks",
        "Chest radiograph, no acute cardiopulmonary process.",
        "Referred by Dr. Bartholomew Kowalczyk for chest pain",
    ];
    let expected = m.tag(&texts).unwrap();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    texts
                        .iter()
                        .map(|t| m.tag(&[t]).unwrap().remove(0))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            let got = h.join().unwrap();
            for (g, e) in got.iter().zip(&expected) {
                let g: Vec<_> = g.iter().map(|s| (s.start, s.end, s.label)).collect();
                let e: Vec<_> = e.iter().map(|s| (s.start, s.end, s.label)).collect();
                assert_eq!(g, e);
            }
        }
    });
}

/// The whole sanitizer with the pinned model and lists: the cases the real lists and the
/// model got wrong before (frequent surnames counted as common words, name-words such as
/// "Will" or "Hope" treated as vocabulary, vertebral levels and classifications tagged).
#[test]
fn full_sanitizer_with_real_lists_and_model() {
    let Some(dir) = assets("full_sanitizer_with_real_lists_and_model") else {
        return;
    };
    let sanitizer = obscura_sanitizer::Sanitizer::load(&dir).unwrap();
    let one = |text: &str| {
        let texts = obscura_sanitizer::Texts::new(vec![obscura_sanitizer::SecretText::new(
            text.to_owned(),
        )]);
        sanitizer.sanitize(&texts).texts[0].as_str().to_owned()
    };
    let cases = [
        (
            "Reviewed by Dr. Sarah Roberts and Dr. Christopher Davis; Roberts recommends biopsy.",
            "Reviewed by Dr. PERSON_1 and Dr. PERSON_2; PERSON_1 recommends biopsy.",
        ),
        (
            "Patient Donna Ramirez tolerated the procedure well. Ramirez's vitals are stable.",
            "Patient PERSON_1 tolerated the procedure well. PERSON_1's vitals are stable.",
        ),
        (
            "Will Green will review the images tomorrow.",
            "PERSON_1 will review the images tomorrow.",
        ),
        (
            "Patient Hope Brown reports green sputum.",
            "Patient PERSON_1 reports green sputum.",
        ),
        (
            "Disc protrusion at L4-L5 with mild canal stenosis; Plavix 5 mg daily for 3 months.",
            "Disc protrusion at L4-L5 with mild canal stenosis; Plavix 5 mg daily for 3 months.",
        ),
        (
            "Lumbar spine: degenerative change at L5-S1, no fracture.",
            "Lumbar spine: degenerative change at L5-S1, no fracture.",
        ),
        (
            "Exam notable for Salter-Harris type II.",
            "Exam notable for Salter-Harris type II.",
        ),
        (
            "Exam notable for the Glasgow Coma Scale.",
            "Exam notable for the Glasgow Coma Scale.",
        ),
        (
            "Dr. Lung noted a lung nodule.",
            "Dr. PERSON_1 noted a lung nodule.",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(one(input), expected, "{input}");
    }
}

/// The model runs on a window around an unlisted name far from the start of a long text
/// (the rules found the other name): its spans land at the right offsets of the whole text,
/// and the rules alone would have missed the name.
#[test]
fn model_window_spans_map_back_to_the_whole_text() {
    let Some(dir) = assets("model_window_spans_map_back_to_the_whole_text") else {
        return;
    };
    let filler = "No acute findings in the chest. ".repeat(6);
    let text = format!(
        "The report was reviewed by Dr. Sarah Roberts. {filler}The films were sent and \
         Kjartansdóttir phoned at noon."
    );
    let texts =
        obscura_sanitizer::Texts::new(vec![obscura_sanitizer::SecretText::new(text.clone())]);
    let with_model = obscura_sanitizer::Sanitizer::load(&dir).unwrap();
    let out = with_model.sanitize(&texts);
    assert_eq!(
        out.texts[0].as_str(),
        format!(
            "The report was reviewed by Dr. PERSON_1. {filler}The films were sent and \
             PERSON_2 phoned at noon."
        )
    );
    let start = text.chars().count() - "Kjartansdóttir phoned at noon.".chars().count();
    let persons: Vec<(usize, usize)> = out.entities[0]
        .iter()
        .filter(|e| e.kind == obscura_sanitizer::EntityKind::Person)
        .map(|e| (e.start, e.end))
        .collect();
    assert_eq!(persons, [(31, 44), (start, start + 14)]);
    let lexicon = obscura_sanitizer::lexicon::Lexicon::load(&dir).unwrap();
    let rules_only = obscura_sanitizer::Sanitizer::new(lexicon, None).sanitize(&texts);
    assert!(
        rules_only.texts[0].as_str().contains("Kjartansdóttir"),
        "the rules alone find the unlisted name: the test no longer exercises the model"
    );
}
