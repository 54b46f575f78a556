//! Exact outputs when the model tags a word in a dosing or prescribing context as a person:
//! invented brand names there are kept, invented people in like sentences are still found.

mod common;

use common::{sanitizer, texts};
use obscura_sanitizer::ModelOutput;
use obscura_sanitizer::model::{ModelLabel, ModelSpan};

/// A model span on every listed word of `text` (code points), labelled as a surname.
fn spans_on(text: &str, words: &[&str]) -> Vec<ModelSpan> {
    words
        .iter()
        .map(|w| {
            let byte = text.find(w).unwrap_or_default();
            let start = text.get(..byte).unwrap_or_default().chars().count();
            ModelSpan {
                start,
                end: start + w.chars().count(),
                label: ModelLabel::Surname,
                score: 0.9,
            }
        })
        .collect()
}

/// Runs each `(text, tagged words, wanted output)` with the model tagging those words.
fn check(cases: &[(&str, &[&str], &str)]) {
    let s = sanitizer();
    let mut failed = Vec::new();
    for (text, words, want) in cases {
        let out = s.sanitize_with(
            &texts(&[text]),
            ModelOutput::Spans(vec![spans_on(text, words)]),
        );
        let got = out
            .texts
            .first()
            .map(|t| t.as_str().to_owned())
            .unwrap_or_default();
        if got != *want {
            failed.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

#[test]
fn brand_names_with_a_dose_route_or_frequency_are_kept() {
    check(&[
        (
            "Current medicines: Zorvanta 2 mg at night.",
            &["Zorvanta"],
            "Current medicines: Zorvanta 2 mg at night.",
        ),
        (
            "Plan: Quelmix intravitreal, 8-weekly.",
            &["Quelmix"],
            "Plan: Quelmix intravitreal, 8-weekly.",
        ),
        (
            "Continue Travexa SC once weekly.",
            &["Travexa"],
            "Continue Travexa SC once weekly.",
        ),
        (
            "Plan to give Brivelle q4w from next month.",
            &["Brivelle"],
            "Plan to give Brivelle q4w from next month.",
        ),
        (
            "Continue Zorvanta once daily with food.",
            &["Zorvanta"],
            "Continue Zorvanta once daily with food.",
        ),
    ]);
}

#[test]
fn brand_names_after_a_prescribing_phrase_are_kept() {
    check(&[
        (
            "Started on Zorvanta by the renal team.",
            &["Zorvanta"],
            "Started on Zorvanta by the renal team.",
        ),
        (
            "Photograph taken before starting Quelmix.",
            &["Quelmix"],
            "Photograph taken before starting Quelmix.",
        ),
        (
            "Psoriasis flaring, so switched to Travexa last month.",
            &["Travexa"],
            "Psoriasis flaring, so switched to Travexa last month.",
        ),
        (
            "Second injection of Brivelle given in clinic.",
            &["Brivelle"],
            "Second injection of Brivelle given in clinic.",
        ),
        (
            "Query: Humalog and Zorvanta prescribed together.",
            &["Zorvanta"],
            "Query: Humalog and Zorvanta prescribed together.",
        ),
    ]);
}

#[test]
fn brand_names_in_a_status_or_an_interaction_are_kept() {
    check(&[
        (
            "Drug history: Zorvanta (held since admission), water tablets.",
            &["Zorvanta"],
            "Drug history: Zorvanta (held since admission), water tablets.",
        ),
        (
            "Pharmacy query: Quelmix and Travexa together prolong the QT interval.",
            &["Quelmix", "Travexa"],
            "Pharmacy query: Quelmix and Travexa together prolong the QT interval.",
        ),
        (
            "Query for the team: Brivelle and Zorvanta prescribed together.",
            &["Brivelle", "Zorvanta"],
            "Query for the team: Brivelle and Zorvanta prescribed together.",
        ),
        (
            "Ward asks whether Zorvanta should be held while nil by mouth.",
            &["Zorvanta"],
            "Ward asks whether Zorvanta should be held while nil by mouth.",
        ),
        (
            "GP asks whether it can be given with Quelmix.",
            &["Quelmix"],
            "GP asks whether it can be given with Quelmix.",
        ),
        (
            "Medicines reconciled. Patient's own Travexa noted.",
            &["Travexa"],
            "Medicines reconciled. Patient's own Travexa noted.",
        ),
    ]);
}

#[test]
fn product_brands_before_a_product_noun_are_kept() {
    check(&[
        (
            "Sats poor. Zorvanta probe resited to the ear.",
            &["Zorvanta"],
            "Sats poor. Zorvanta probe resited to the ear.",
        ),
        (
            "Transferred with the Quelmix Long hoist, two staff.",
            &["Quelmix"],
            "Transferred with the Quelmix Long hoist, two staff.",
        ),
        (
            "Clinic store holds Brivelle and Travexa coils.",
            &["Brivelle", "Travexa"],
            "Clinic store holds Brivelle and Travexa coils.",
        ),
        (
            "Analgesia: Brivelle and Travexa patches for background pain.",
            &["Brivelle"],
            "Analgesia: Brivelle and Travexa patches for background pain.",
        ),
        (
            "Skin intact. Zorvanta applied. Call bell in reach.",
            &["Zorvanta"],
            "Skin intact. Zorvanta applied. Call bell in reach.",
        ),
    ]);
}

#[test]
fn people_in_like_sentences_are_still_found() {
    check(&[
        // A time is no dose.
        (
            "Orvanek 2 days post-op, comfortable on the ward.",
            &["Orvanek"],
            "PERSON_1 2 days post-op, comfortable on the ward.",
        ),
        (
            "Seen by Orvanek 2 days ago in clinic.",
            &["Orvanek"],
            "Seen by PERSON_1 2 days ago in clinic.",
        ),
        // A title or a person's label before the name keeps it.
        (
            "Dr Zurimeh started on 5 mg of the new tablet.",
            &["Zurimeh"],
            "Dr PERSON_1 started on 5 mg of the new tablet.",
        ),
        (
            "Reviewed by Dr Zurimeh daily on the ward.",
            &["Zurimeh"],
            "Reviewed by Dr PERSON_1 daily on the ward.",
        ),
        // A prescribing verb after the name is no prescribing phrase before it.
        (
            "Handed over to Orvanek, who started the infusion.",
            &["Orvanek"],
            "Handed over to PERSON_1, who started the infusion.",
        ),
        // `IM 12` on an overlay is an image number, no route.
        ("Orvanek IM 12", &["Orvanek"], "PERSON_1 IM 12"),
        // Brackets with no medicine's status, a photograph taken with someone.
        (
            "Discussed with Orvanek (seen yesterday) in clinic.",
            &["Orvanek"],
            "Discussed with PERSON_1 (seen yesterday) in clinic.",
        ),
        (
            "Photograph taken with Orvanek present.",
            &["Orvanek"],
            "Photograph taken with PERSON_1 present.",
        ),
        (
            "Orvanek and Zurimeh together at the bedside.",
            &["Orvanek", "Zurimeh"],
            "PERSON_1 and PERSON_2 together at the bedside.",
        ),
        // A modal and `be` without a medicine's status.
        (
            "Ward asks whether Orvanek should be reviewed today.",
            &["Orvanek"],
            "Ward asks whether PERSON_1 should be reviewed today.",
        ),
        // `applied for` something is a person's doing.
        (
            "Orvanek applied for a blue badge last year.",
            &["Orvanek"],
            "PERSON_1 applied for a blue badge last year.",
        ),
        (
            "Zurimeh applied the dressing.",
            &["Zurimeh"],
            "PERSON_1 applied the dressing.",
        ),
        // Two people joined by `and`: neither is a drug.
        (
            "Orvanek and Zurimeh visited together.",
            &["Orvanek", "Zurimeh"],
            "PERSON_1 and PERSON_2 visited together.",
        ),
    ]);
}
