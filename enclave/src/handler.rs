//! The gateway's handler: the image pipeline behind [`crate::gateway::Handler`].
//!
//! Until the text sanitizer lands, the handler is conservative: every text region is filled
//! (the pipeline's default PII decision), recognised text never leaves the enclave (the
//! response carries text *regions* but no OCR lines). The caption stage runs when asked
//! ([`crate::caption`]): the composed caption (the default) is returned, since it holds only
//! counts and a pixel statistic; a model's raw caption goes through [`caption::release`],
//! which drops it while no sanitizer is configured. What it returns is exactly what the
//! pipeline detected and redacted — nothing invented.

use obscura_protocol::api::{CaptionResponse, Digest32, ModelDigest};
use obscura_protocol::evidence::{ModelClaim, WorkloadClaims};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use sha2::{Digest, Sha256};

use crate::caption::{self, CaptionInput, Captioner, CaptionerIdentity};
use crate::gateway::Handler;
use crate::pipeline::{Pipeline, PipelineOptions};

/// Describes the redaction policy and pipeline configuration this handler runs; with the
/// caption part appended (`; caption: none`, or the caption backend's
/// [`CaptionerIdentity::describe`] line), its digest is the `pipeline_digest` bound into
/// attestation and returned as `policy_digest`.
pub const PIPELINE_DESCRIPTION: &str = "obscura-pipeline-v1; decode: png,jpeg,webp, exif-orientation, metadata dropped; \
     faces: centerface multi-view, threshold 0.2, boxes enlarged, solid fill; \
     text: pp-ocrv4 det+cls+rec; pii: redact-all-text (sanitizer not configured); \
     ocr text: withheld";

/// The image pipeline as a gateway handler.
pub struct PipelineHandler {
    pipeline: Pipeline,
    /// The caption backend and its identity; `None` produces no caption.
    captioner: Option<(Box<dyn Captioner>, CaptionerIdentity)>,
    /// Pipeline models, then the caption backend's entries.
    models: Vec<ModelDigest>,
    policy_digest: Digest32,
}

impl std::fmt::Debug for PipelineHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PipelineHandler")
            .field("pipeline", &self.pipeline)
            .field("caption", &self.caption_identity())
            .field("policy_digest", &self.policy_digest)
            .finish_non_exhaustive()
    }
}

impl PipelineHandler {
    /// Wraps a loaded pipeline without a caption stage; `models` are the digests of the
    /// models it loaded.
    pub fn new(pipeline: Pipeline, models: Vec<ModelDigest>) -> Self {
        let description = format!("{PIPELINE_DESCRIPTION}; caption: none");
        Self {
            pipeline,
            captioner: None,
            models,
            policy_digest: Digest32(Sha256::digest(description.as_bytes()).into()),
        }
    }

    /// Wraps a loaded pipeline with the caption backend chosen at start-up (`serve` uses
    /// this; its identity joins the models and the pipeline description).
    pub fn with_captioner(
        pipeline: Pipeline,
        mut models: Vec<ModelDigest>,
        captioner: Box<dyn Captioner>,
    ) -> Self {
        let identity = captioner.identity();
        models.extend(identity.models.iter().cloned());
        let description = format!(
            "{PIPELINE_DESCRIPTION}; caption sanitizer: none (model captions withheld); {}",
            identity.describe()
        );
        Self {
            pipeline,
            captioner: Some((captioner, identity)),
            models,
            policy_digest: Digest32(Sha256::digest(description.as_bytes()).into()),
        }
    }

    /// The caption backend's identity, if a caption stage is configured.
    pub fn caption_identity(&self) -> Option<&CaptionerIdentity> {
        self.captioner.as_ref().map(|(_, id)| id)
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
        let (caption, caption_withheld) = match &self.captioner {
            Some((captioner, identity)) if request.options.caption => {
                // The caption sees the decoded original (the pipeline returns only the
                // encoded redacted image); sanitized OCR lines join once the sanitizer lands.
                let raw = crate::pipeline::decode(request.image.expose()).and_then(|decoded| {
                    let input = CaptionInput::from_regions(&decoded.pixels, &out.regions, &[]);
                    captioner.caption(&input)
                });
                match raw {
                    Ok(raw) => caption::release(
                        raw,
                        identity.backend,
                        &[],
                        None,
                        request.options.fail_closed,
                    ),
                    Err(e) => return CaptionOutcome::Err(e.code()),
                }
            }
            _ => (None, None),
        };
        drop(request);
        CaptionOutcome::Ok(Box::new(CaptionResponse {
            caption,
            caption_withheld,
            ocr: Vec::new(),
            regions: out.regions,
            entities: Default::default(),
            models: self.models.clone(),
            policy_digest: self.policy_digest,
            image: Some(out.image),
        }))
    }
}
