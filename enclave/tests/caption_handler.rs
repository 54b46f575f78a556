//! The handler with a caption stage on the sample photo: the composed caption comes back,
//! a model's raw caption is withheld while no sanitizer is configured, and the caption
//! backend's identity is in the claims and the response's model list.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test code: a panic is a test failure"
)]

mod common;

use std::path::Path;
use std::time::SystemTime;

use obscura_enclave::caption::composed::ComposedCaptioner;
use obscura_enclave::caption::vision::{DecodeLimits, VisionEncoderDecoder};
use obscura_enclave::caption::{CaptionBackend, Captioner};
use obscura_enclave::gateway::Handler;
use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::models::Models;
use obscura_enclave::pipeline::Pipeline;
use obscura_protocol::api::{CaptionOptions, CaptionResponse};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use obscura_protocol::secret::SecretBytes;

fn request(image: Vec<u8>, caption: bool) -> CaptionRequest {
    CaptionRequest {
        options: CaptionOptions {
            caption,
            ..CaptionOptions::default()
        },
        media_type: None,
        date: SystemTime::now(),
        image: SecretBytes::new(image),
    }
}

fn ok(outcome: CaptionOutcome) -> CaptionResponse {
    match outcome {
        CaptionOutcome::Ok(r) => *r,
        CaptionOutcome::Err(code) => panic!("expected a response, got {code:?}"),
    }
}

fn handler(assets: &Path, captioner: Box<dyn Captioner>) -> PipelineHandler {
    let models = Models::load(assets).unwrap();
    let digests = models.digests().to_vec();
    PipelineHandler::new(Pipeline::new(models), digests).with_captioner(captioner)
}

#[test]
fn composed_caption_describes_the_photo_and_is_claimed() {
    let Some(assets) = common::assets("composed_caption_describes_the_photo_and_is_claimed") else {
        return;
    };
    let photo = std::fs::read(assets.join("images/astronaut.png")).unwrap();
    let h = handler(&assets, Box::new(ComposedCaptioner));
    let resp = ok(h.handle(request(photo.clone(), true)));
    // The name tag on the suit is a text region (its text is withheld: no sanitizer here).
    assert_eq!(
        resp.caption.unwrap().as_str(),
        "Colour photo-like image, with 1 text region; one face."
    );
    assert_eq!(resp.caption_withheld, None);
    let claims = h.claims();
    let composed = ComposedCaptioner.identity().claims();
    assert_eq!(claims.models.len(), 5);
    assert_eq!(claims.models[4], composed[0]);
    assert_eq!(resp.models.len(), 5);
    assert_eq!(resp.policy_digest, claims.pipeline_digest);

    // Not asked for: no caption.
    assert_eq!(ok(h.handle(request(photo, false))).caption, None);

    // A handler without a caption stage keeps the old claims and digest.
    let models = Models::load(&assets).unwrap();
    let digests = models.digests().to_vec();
    let plain = PipelineHandler::new(Pipeline::new(models), digests);
    assert_eq!(plain.claims().models.len(), 4);
    assert_ne!(plain.claims().pipeline_digest, claims.pipeline_digest);
    assert!(plain.caption_identity().is_none());
}

#[test]
fn model_caption_is_withheld_without_a_sanitizer() {
    let Some(assets) = common::assets("model_caption_is_withheld_without_a_sanitizer") else {
        return;
    };
    let env = obscura_onnx::runtime(&assets).unwrap();
    let toy = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/caption-toy");
    let model = VisionEncoderDecoder::load(env, &toy, DecodeLimits::default()).unwrap();
    let h = handler(&assets, Box::new(model));
    assert_eq!(
        h.caption_identity().unwrap().backend,
        CaptionBackend::OnnxEncoderDecoder
    );
    let photo = std::fs::read(assets.join("images/astronaut.png")).unwrap();
    let resp = ok(h.handle(request(photo, true)));
    assert_eq!((resp.caption, resp.caption_withheld), (None, None));
    assert_eq!(h.claims().models.len(), 4 + 6);
}
