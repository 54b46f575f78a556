//! The production handler end to end: SDK → host → enclave → image pipeline (real CenterFace
//! and PP-OCRv4 models) and back. Skips with a message when the pinned assets are absent
//! (`cargo xtask test` fetches them and sets `OBSCURA_ASSETS`).

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::models::Models;
use obscura_enclave::pipeline::Pipeline;
use obscura_protocol::api::{CaptionOptions, MediaType, OutputFormat, RegionKind};

fn handler() -> Option<PipelineHandler> {
    let Some(models) = Models::load_from_env() else {
        eprintln!("SKIP: OBSCURA_ASSETS is not set (run through cargo xtask test)");
        return None;
    };
    let models = models.unwrap();
    let digests = models.digests().to_vec();
    Some(PipelineHandler::new(Pipeline::new(models), digests))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn astronaut_face_is_filled_through_the_whole_path() {
    let Some(handler) = handler() else { return };
    let claims = handler.claims();
    assert_eq!(claims.models.len(), 4);
    let dir = std::env::var("OBSCURA_ASSETS").unwrap();
    let photo = std::fs::read(format!("{dir}/images/astronaut.png")).unwrap();
    let stack = obscura_tests::start_stack(vec![handler], claims.clone())
        .await
        .unwrap();
    let client = stack.client().unwrap();
    let resp = client
        .caption(photo.clone(), CaptionOptions::default())
        .await
        .unwrap();

    // The models the response names are the ones bound into the verified evidence.
    let verified = client.verified().unwrap();
    assert_eq!(verified[0].claims(), &claims);
    let names: Vec<&str> = resp.models.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names.len(), 4);
    assert!(names.contains(&"centerface"), "{names:?}");
    assert_eq!(resp.policy_digest, claims.pipeline_digest);

    let faces: Vec<_> = resp
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Face)
        .collect();
    assert_eq!(faces.len(), 1, "{:?}", resp.regions);
    let b = faces[0].bbox;
    assert!(faces[0].redacted);
    assert!(
        b.x < 200 && b.x + b.width > 260 && b.y < 100 && b.y + b.height > 180,
        "{b:?}"
    );

    // The image comes back as a PNG of the same size with the face area filled.
    let img = resp.image.unwrap();
    assert_eq!(
        (img.media_type, img.width, img.height),
        (MediaType::Png, 512, 512)
    );
    let before = image::load_from_memory(&photo).unwrap().to_rgb8();
    let after = image::load_from_memory(img.data.expose())
        .unwrap()
        .to_rgb8();
    let (cx, cy) = (b.x + b.width / 2, b.y + b.height / 2);
    assert_ne!(before.get_pixel(cx, cy), after.get_pixel(cx, cy));
    let fill = after.get_pixel(cx, cy);
    for (x, y) in [(b.x + 2, b.y + 2), (b.x + b.width - 3, b.y + b.height - 3)] {
        assert_eq!(after.get_pixel(x, y), fill, "solid fill at ({x},{y})");
    }
    // Far from the face the pixels are untouched (PNG is lossless).
    assert_eq!(before.get_pixel(500, 500), after.get_pixel(500, 500));
    // Until the sanitizer lands no text leaves the enclave, and no caption is invented.
    assert!(resp.ocr.is_empty());
    assert_eq!(resp.caption, None);

    // A requested output format is honoured.
    let resp = client
        .caption(
            photo,
            CaptionOptions {
                format: OutputFormat::Jpeg,
                ..CaptionOptions::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(resp.image.unwrap().media_type, MediaType::Jpeg);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undecodable_image_gets_a_fixed_code() {
    let Some(handler) = handler() else { return };
    let claims = handler.claims();
    let stack = obscura_tests::start_stack(vec![handler], claims)
        .await
        .unwrap();
    let client = stack.client().unwrap();
    let mut png = obscura_tests::sample_png();
    png.truncate(40);
    assert_eq!(
        client
            .caption(png, CaptionOptions::default())
            .await
            .unwrap_err(),
        obscura_sdk::Error::Service(obscura_protocol::api::ErrorCode::ImageUndecodable)
    );
}
