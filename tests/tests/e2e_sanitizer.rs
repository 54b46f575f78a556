//! The sanitizer inside the production handler, end to end: SDK → host → enclave → pipeline
//! (real PP-OCRv4) → sanitizer (real name model and lists) and back. A synthetic radiograph
//! label with a patient name and a date: the name and date boxes are filled, the other words
//! stay, and the OCR lines come back sanitized. Also `POST /v1/sanitize` through the same
//! path. Skips with a message when the pinned assets are absent.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

#[path = "../../enclave/tests/common/mod.rs"]
mod common;

use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::models::Models;
use obscura_enclave::pipeline::{Pipeline, RgbPixels};
use obscura_protocol::api::{CaptionOptions, EntityKind, RegionKind};
use obscura_sanitizer::Sanitizer;

fn handler() -> Option<PipelineHandler> {
    let dir = common::assets("e2e_sanitizer")?;
    let models = Models::load(&dir).unwrap();
    let sanitizer = Sanitizer::load(&dir).unwrap();
    let digests = models.digests().to_vec();
    Some(PipelineHandler::new(Pipeline::new(models), digests).with_sanitizer(sanitizer))
}

/// White 5×7-font text on black, three rows.
fn radiograph_label() -> RgbPixels {
    let mut img = RgbPixels::filled(640, 280, [0, 0, 0]).unwrap();
    common::draw_text(&mut img, "PATIENT: JOHN SMITH", 20, 30, 4, [255, 255, 255]);
    common::draw_text(&mut img, "DATE 01/02/1960", 20, 110, 4, [255, 255, 255]);
    common::draw_text(&mut img, "CHEST AP", 20, 190, 4, [255, 255, 255]);
    img
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn name_and_date_are_filled_and_returned_as_tags_other_words_stay() {
    let Some(handler) = handler() else { return };
    let claims = handler.claims();
    // Four image models plus the sanitizer's name model are bound into attestation.
    assert_eq!(claims.models.len(), 5, "{:?}", claims.models);
    let stack = obscura_tests::start_stack(vec![handler], claims)
        .await
        .unwrap();
    let client = stack.client().unwrap();
    let png = common::png(&radiograph_label());
    let resp = client
        .caption(png, CaptionOptions::default())
        .await
        .unwrap();

    let rows: Vec<(&str, bool)> = resp
        .ocr
        .iter()
        .map(|l| (l.text.as_str(), l.redacted))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("PATIENT: PERSON_1", true),
            ("DATE [DATE]", true),
            ("CHEST AP", false),
        ]
    );
    assert_eq!(resp.entities.get(&EntityKind::Person), Some(&1));
    assert_eq!(resp.entities.get(&EntityKind::Date), Some(&1));
    assert_eq!(resp.entities.values().sum::<u32>(), 2);

    // Word boxes: PATIENT:, JOHN, SMITH, DATE, 01/02/1960, CHEST, AP (detector order may
    // vary): exactly the three holding the name and the date are filled.
    let text: Vec<_> = resp
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Text)
        .collect();
    let filled = text.iter().filter(|r| r.redacted).count();
    assert_eq!((text.len(), filled), (7, 3), "{text:?}");
    // The kept words are still legible in the image: white pixels remain in row three and
    // in the label columns of rows one and two; the name's area is black.
    let img = resp.image.unwrap();
    let after = image::load_from_memory(img.data.expose())
        .unwrap()
        .to_rgb8();
    let white_in = |x0: u32, y0: u32, x1: u32, y1: u32| {
        (y0..y1).any(|y| (x0..x1).any(|x| after.get_pixel(x, y).0 == [255, 255, 255]))
    };
    assert!(white_in(20, 190, 210, 218), "CHEST AP must stay");
    assert!(white_in(20, 30, 200, 58), "PATIENT: must stay");
    assert!(!white_in(230, 30, 470, 58), "JOHN SMITH must be filled");
    assert!(!white_in(140, 110, 400, 138), "the date must be filled");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sanitize_endpoint_labels_people_consistently_across_texts() {
    let Some(handler) = handler() else { return };
    let claims = handler.claims();
    let stack = obscura_tests::start_stack(vec![handler], claims)
        .await
        .unwrap();
    let client = stack.client().unwrap();
    let resp = client
        .sanitize(&[
            "Patient John Smith was seen by Dr. Mary Jones on 2024-03-05.",
            "SMITH^JOHN",
            "Chest radiograph, no acute findings.",
        ])
        .await
        .unwrap();
    let texts: Vec<&str> = resp.texts.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Patient PERSON_1 was seen by Dr. PERSON_2 on [DATE].",
            "PERSON_1",
            "Chest radiograph, no acute findings.",
        ]
    );
    assert_eq!(resp.counts.get(&EntityKind::Person), Some(&3));
    assert_eq!(resp.counts.get(&EntityKind::Date), Some(&1));
    assert!(resp.entities[2].is_empty());
    // Offsets are code points into the original text.
    let first = &resp.entities[0][0];
    assert_eq!((first.start, first.end), (8, 18));
    assert_eq!(first.label.as_deref(), Some("PERSON_1"));
}

/// A caption "model" that returns a fixed raw caption (stands in for a VLM that reads the
/// wristband), so the handler's sanitizing of model captions can be checked exactly.
struct Fixed(&'static str);

impl obscura_enclave::caption::Captioner for Fixed {
    fn caption(
        &self,
        _input: &obscura_enclave::caption::CaptionInput<'_>,
    ) -> Result<obscura_protocol::secret::SecretText, obscura_enclave::Error> {
        Ok(obscura_protocol::secret::SecretText::new(self.0.to_owned()))
    }

    fn identity(&self) -> obscura_enclave::caption::CaptionerIdentity {
        obscura_enclave::caption::CaptionerIdentity {
            backend: obscura_enclave::caption::CaptionBackend::VlmServer,
            models: vec![],
        }
    }
}

#[test]
fn model_caption_and_ocr_share_labels_and_fail_closed_withholds_residual_names() {
    let Some(dir) = common::assets("model_caption_and_ocr_share_labels") else {
        return;
    };
    let handler = |caption: &'static str| {
        let models = Models::load(&dir).unwrap();
        let digests = models.digests().to_vec();
        PipelineHandler::new(Pipeline::new(models), digests)
            .with_sanitizer(Sanitizer::load(&dir).unwrap())
            .with_captioner(Box::new(Fixed(caption)))
    };
    let png = common::png(&radiograph_label());
    let h = handler("Chest film of Mr. John Smith, labelled SMITH, next to Dr. Mary Jones.");
    let resp = h.process(&png, &CaptionOptions::default()).unwrap();
    // The name on the film is PERSON_1 in the OCR row and in the caption; the doctor is
    // another person.
    assert_eq!(resp.ocr[0].text.as_str(), "PATIENT: PERSON_1");
    assert_eq!(
        resp.caption.as_ref().unwrap().as_str(),
        "Chest film of Mr. PERSON_1, labelled PERSON_1, next to Dr. PERSON_2."
    );
    assert_eq!(resp.entities.get(&EntityKind::Person), Some(&4));

    // Without asking for a caption there is none, and the model is not run.
    let no_caption = CaptionOptions {
        caption: false,
        ..CaptionOptions::default()
    };
    assert_eq!(h.process(&png, &no_caption).unwrap().caption, None);

    // Fail-closed: a bare listed name without context. Whatever the first pass decides,
    // the raw name never leaves: either it was replaced, or the second pass withholds the
    // caption with the fixed code.
    let h = handler("Linda");
    let fail_closed = CaptionOptions {
        fail_closed: true,
        ..CaptionOptions::default()
    };
    let resp = h.process(&png, &fail_closed).unwrap();
    match (&resp.caption, resp.caption_withheld) {
        (Some(c), None) => assert_eq!(c.as_str(), "PERSON_2"),
        (None, Some(obscura_protocol::api::CaptionWithheld::ResidualNameCandidate)) => {}
        other => panic!("unexpected caption outcome {other:?}"),
    }
}

/// The demo's radiograph label (`enclave/testdata/demo/chest-label.png`), whose lines the
/// detector finds as one box each (`PATIENT: JOHN SMITH`): only the part of each box that
/// holds the name, the date or the MRN is filled, so a second OCR pass over the output
/// still reads the field labels, whole, and none of the values. (Bounded by the
/// recogniser's peaks alone, the fill took the half of the label's last letter past its
/// peak, and the second pass read `DOE` and `MR`; the word gaps found in the crop's blank
/// columns keep them whole.)
#[test]
fn one_box_lines_keep_their_labels_and_lose_their_values() {
    let Some(dir) = common::assets("one_box_lines_keep_their_labels") else {
        return;
    };
    let models = Models::load(&dir).unwrap();
    let digests = models.digests().to_vec();
    let handler = PipelineHandler::new(Pipeline::new(models), digests)
        .with_sanitizer(Sanitizer::load(&dir).unwrap());
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../enclave/testdata/demo/chest-label.png"
    ))
    .unwrap();
    let resp = handler.process(&png, &CaptionOptions::default()).unwrap();
    let rows: Vec<(&str, bool)> = resp
        .ocr
        .iter()
        .map(|l| (l.text.as_str(), l.redacted))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("PATIENT: PERSON_1", true),
            ("R", false),
            // The pixel font's O reads as a zero.
            ("D0B [DATE]", true),
            ("MRN [ID]", true),
            ("CHEST AP", false),
        ]
    );

    // Read the redacted image again with every box kept (a fresh pipeline fills nothing it
    // is not told to; its analysis is all we need).
    let second = Pipeline::new(Models::load(&dir).unwrap());
    let out = resp.image.unwrap();
    let read = second
        .analyze(
            out.data.expose(),
            &obscura_enclave::pipeline::PipelineOptions::default(),
        )
        .unwrap();
    let words: Vec<String> = read
        .text
        .iter()
        .map(|l| l.text.expose().to_owned())
        .collect();
    let all = words.join(" ");
    assert_eq!(words, ["PATIENT:", "R", "D0B", "MRN", "CHEST AP"]);
    for kept in ["PATIENT:", "D0B", "MRN", "CHEST AP"] {
        assert!(all.contains(kept), "{kept} must stay legible: {words:?}");
    }
    for gone in ["JOHN", "SMITH", "1960", "02/01", "4839", "9201"] {
        assert!(!all.contains(gone), "{gone} must be filled: {words:?}");
    }
}
