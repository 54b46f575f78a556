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
