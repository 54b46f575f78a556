//! The gateway's handler: the image pipeline and the text sanitizer behind
//! [`crate::gateway::Handler`].
//!
//! With a sanitizer ([`PipelineHandler::with_sanitizer`]) the recognised lines of an image are
//! sanitized together (one person, one `PERSON_n` across all lines); a line is filled in the
//! image when it holds any entity, when nothing could be read from it, or when the recogniser
//! was unsure of it (fail closed); the response carries the sanitized lines and the entity
//! counts. Without one ([`PipelineHandler::new`]) the handler is conservative: every text
//! region is filled and recognised text never leaves the enclave. Either way what it returns
//! is exactly what the stages detected and redacted — nothing invented.

use obscura_protocol::api::{
    CaptionOptions, CaptionResponse, Digest32, EntityCounts, ErrorCode, ModelDigest, OcrLine,
    RedactedText, SanitizeResponse, TextEntity,
};
use obscura_protocol::evidence::{ModelClaim, WorkloadClaims};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest, SanitizeOutcome, SanitizeRequest};
use obscura_protocol::secret::SecretText;
use obscura_sanitizer::{Sanitized, Sanitizer, Texts};
use sha2::{Digest, Sha256};

use crate::Error;
use crate::gateway::Handler;
use crate::pipeline::{Pipeline, PipelineOptions, StageTimings, TextLine};
use crate::text_rows::{self, Row};

/// The redaction policy and pipeline configuration of a handler without a sanitizer; its
/// digest is the `pipeline_digest` bound into attestation and returned as `policy_digest`.
pub const PIPELINE_DESCRIPTION: &str = "obscura-pipeline-v1; decode: png,jpeg,webp, exif-orientation, metadata dropped; \
     faces: centerface multi-view, threshold 0.2, boxes enlarged, solid fill; \
     text: pp-ocrv4 det+cls+rec; pii: redact-all-text (sanitizer not configured); \
     ocr text: withheld; caption: none";

/// The same with the sanitizer deciding text lines.
pub const PIPELINE_DESCRIPTION_SANITIZED: &str = "obscura-pipeline-v2; decode: png,jpeg,webp, exif-orientation, metadata dropped; \
     faces: centerface multi-view, threshold 0.2, boxes enlarged, solid fill; \
     text: pp-ocrv4 det+cls+rec; pii: obscura-sanitizer over all lines of a request \
     (structured recognizers, names model + rules, propagation), a line is filled when it \
     holds an entity, reads empty or scores below 0.5; ocr text: sanitized; caption: none";

/// Recognised lines scoring below this are filled whatever the sanitizer says: text the
/// recogniser was unsure of may be a misread name.
pub const MIN_TRUSTED_LINE_SCORE: f32 = 0.5;

/// The image pipeline (and optionally the sanitizer) as a gateway handler.
#[derive(Debug)]
pub struct PipelineHandler {
    pipeline: Pipeline,
    sanitizer: Option<Sanitizer>,
    models: Vec<ModelDigest>,
    policy_digest: Digest32,
}

impl PipelineHandler {
    /// Wraps a loaded pipeline without a sanitizer (every text region filled, no text
    /// returned); `models` are the digests of the models it loaded.
    pub fn new(pipeline: Pipeline, models: Vec<ModelDigest>) -> Self {
        Self {
            pipeline,
            sanitizer: None,
            models,
            policy_digest: digest(PIPELINE_DESCRIPTION),
        }
    }

    /// Wraps a loaded pipeline and sanitizer; the sanitizer's model digest joins `models`.
    pub fn with_sanitizer(
        pipeline: Pipeline,
        mut models: Vec<ModelDigest>,
        sanitizer: Sanitizer,
    ) -> Self {
        models.extend(sanitizer.model_digest());
        Self {
            pipeline,
            sanitizer: Some(sanitizer),
            models,
            policy_digest: digest(PIPELINE_DESCRIPTION_SANITIZED),
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

    /// Runs one image through every stage and builds the response `options` ask for.
    pub fn process(
        &self,
        image: &[u8],
        options: &CaptionOptions,
    ) -> Result<CaptionResponse, Error> {
        self.process_timed(image, options)
            .map(|(response, _)| response)
    }

    /// [`PipelineHandler::process`], also returning the time each image stage took (for
    /// the batch tool and benchmarks).
    pub fn process_timed(
        &self,
        image: &[u8],
        options: &CaptionOptions,
    ) -> Result<(CaptionResponse, StageTimings), Error> {
        let pipeline_options = PipelineOptions {
            format: options.format,
            ..PipelineOptions::default()
        };
        let analysis = self.pipeline.analyze(image, &pipeline_options)?;
        let (pii, ocr, entities) = match &self.sanitizer {
            Some(sanitizer) => {
                let rows = text_rows::group(&analysis.text);
                let texts = Texts::new(rows.iter().map(|r| r.text.clone()).collect());
                let sanitized = sanitizer.sanitize(&texts);
                let pii = line_decisions(&analysis.text, &rows, &sanitized);
                let ocr = ocr_lines(&rows, &sanitized, &pii, &analysis.pixels);
                (pii, ocr, sanitized.counts)
            }
            None => (
                vec![true; analysis.text.len()],
                Vec::new(),
                EntityCounts::new(),
            ),
        };
        let out = self.pipeline.finish(analysis, &pii, &pipeline_options)?;
        let response = CaptionResponse {
            caption: None,
            caption_withheld: None,
            ocr: if options.ocr { ocr } else { Vec::new() },
            regions: if options.regions {
                out.regions
            } else {
                Vec::new()
            },
            entities,
            models: self.models.clone(),
            policy_digest: self.policy_digest,
            image: options.image.then_some(out.image),
        };
        Ok((response, out.timings))
    }

    /// Sanitizes texts a client already has (`/v1/sanitize`); `None` without a sanitizer.
    pub fn sanitize_texts(&self, texts: Vec<SecretText>) -> Option<SanitizeResponse> {
        let sanitizer = self.sanitizer.as_ref()?;
        let sanitized = sanitizer.sanitize(&Texts::new(texts));
        Some(SanitizeResponse {
            texts: sanitized.texts,
            entities: sanitized
                .entities
                .into_iter()
                .map(|list| list.into_iter().map(text_entity).collect())
                .collect(),
            counts: sanitized.counts,
        })
    }
}

fn digest(description: &str) -> Digest32 {
    Digest32(Sha256::digest(description.as_bytes()).into())
}

fn text_entity(e: obscura_sanitizer::Entity) -> TextEntity {
    TextEntity {
        start: e.start,
        end: e.end,
        kind: e.kind,
        label: e.label,
    }
}

/// Which detector boxes to fill: those touching an entity of their row, read as empty, or
/// read with low confidence. A row the sanitizer returned nothing for is filled whole.
fn line_decisions(lines: &[TextLine], rows: &[Row], sanitized: &Sanitized) -> Vec<bool> {
    let mut pii = vec![true; lines.len()];
    for (r, row) in rows.iter().enumerate() {
        let entities = sanitized.entities.get(r);
        for &(i, start, end) in &row.members {
            let touched =
                entities.is_none_or(|list| list.iter().any(|e| e.start < end && start < e.end));
            let unsure = lines.get(i).is_none_or(|l| {
                l.score < MIN_TRUSTED_LINE_SCORE || l.text.expose().trim().is_empty()
            });
            if let Some(slot) = pii.get_mut(i) {
                *slot = touched || unsure;
            }
        }
    }
    pii
}

/// The response's OCR lines, one per row: sanitized text, box, lowest score, and whether any
/// of its boxes was filled. A row whose sanitized text is missing is withheld.
fn ocr_lines(
    rows: &[Row],
    sanitized: &Sanitized,
    pii: &[bool],
    pixels: &crate::pipeline::RgbPixels,
) -> Vec<OcrLine> {
    let (w, h) = (pixels.width(), pixels.height());
    rows.iter()
        .enumerate()
        .filter_map(|(r, row)| {
            let text = sanitized.texts.get(r)?;
            Some(OcrLine {
                text: RedactedText::new(text.as_str().to_owned()),
                bbox: row.bbox.to_pixels(w, h),
                score: row.score,
                redacted: row
                    .members
                    .iter()
                    .any(|&(i, _, _)| pii.get(i).copied().unwrap_or(true)),
            })
        })
        .collect()
}

impl Handler for PipelineHandler {
    fn handle(&self, request: CaptionRequest) -> CaptionOutcome {
        let result = self.process(request.image.expose(), &request.options);
        drop(request);
        match result {
            Ok(response) => CaptionOutcome::Ok(Box::new(response)),
            Err(e) => CaptionOutcome::Err(e.code()),
        }
    }

    fn sanitize(&self, request: SanitizeRequest) -> SanitizeOutcome {
        match self.sanitize_texts(request.texts) {
            Some(response) => SanitizeOutcome::Ok(Box::new(response)),
            None => SanitizeOutcome::Err(ErrorCode::NotFound),
        }
    }
}
