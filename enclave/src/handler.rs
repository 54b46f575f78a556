//! The gateway's handler: the image pipeline behind [`crate::gateway::Handler`].
//!
//! Until the text sanitizer lands, the handler is conservative: every text region is filled
//! (the pipeline's default PII decision), recognised text never leaves the enclave (the
//! response carries text *regions* but no OCR lines), and no caption is produced. What it
//! returns is exactly what the pipeline detected and redacted — nothing invented.

use obscura_protocol::api::{CaptionResponse, Digest32, ModelDigest};
use obscura_protocol::evidence::{ModelClaim, WorkloadClaims};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use sha2::{Digest, Sha256};

use crate::gateway::Handler;
use crate::pipeline::{Pipeline, PipelineOptions};

/// Describes the redaction policy and pipeline configuration this handler runs; its digest is
/// the `pipeline_digest` bound into attestation and returned as `policy_digest`.
pub const PIPELINE_DESCRIPTION: &str = "obscura-pipeline-v1; decode: png,jpeg,webp, exif-orientation, metadata dropped; \
     faces: centerface multi-view, threshold 0.2, boxes enlarged, solid fill; \
     text: pp-ocrv4 det+cls+rec; pii: redact-all-text (sanitizer not configured); \
     ocr text: withheld; caption: none";

/// The image pipeline as a gateway handler.
#[derive(Debug)]
pub struct PipelineHandler {
    pipeline: Pipeline,
    models: Vec<ModelDigest>,
    policy_digest: Digest32,
}

impl PipelineHandler {
    /// Wraps a loaded pipeline; `models` are the digests of the models it loaded.
    pub fn new(pipeline: Pipeline, models: Vec<ModelDigest>) -> Self {
        Self {
            pipeline,
            models,
            policy_digest: Digest32(Sha256::digest(PIPELINE_DESCRIPTION.as_bytes()).into()),
        }
    }

    /// The workload claims to bind into attestation: version, model digests, pipeline digest.
    pub fn claims(&self) -> WorkloadClaims {
        WorkloadClaims {
            enclave_version: env!("CARGO_PKG_VERSION").to_owned(),
            models: self
                .models
                .iter()
                .map(|m| ModelClaim {
                    name: m.name.clone(),
                    sha256: m.sha256,
                })
                .collect(),
            pipeline_digest: self.policy_digest,
        }
    }
}

impl Handler for PipelineHandler {
    fn handle(&self, request: CaptionRequest) -> CaptionOutcome {
        let options = PipelineOptions {
            format: request.options.format,
            ..PipelineOptions::default()
        };
        let out = match self.pipeline.run(request.image.expose(), &options) {
            Ok(out) => out,
            Err(e) => return CaptionOutcome::Err(e.code()),
        };
        drop(request);
        CaptionOutcome::Ok(Box::new(CaptionResponse {
            caption: None,
            caption_withheld: None,
            ocr: Vec::new(),
            regions: out.regions,
            entities: Default::default(),
            models: self.models.clone(),
            policy_digest: self.policy_digest,
            image: Some(out.image),
        }))
    }
}
