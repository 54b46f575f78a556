//! The gateway's handler: the image pipeline, the text sanitizer and the caption stage behind
//! [`crate::gateway::Handler`].
//!
//! One request flows: decode → faces → text → (caption model on the original pixels) →
//! sanitizer over every recognised row *and* the model caption together (one person, one
//! `PERSON_n` across all of them) → fill → encode. A detector box that holds an entity of its
//! row is filled over the entity's characters, bounded by the recogniser's peaks of the
//! characters beside them (`PATIENT: JOHN SMITH` keeps `PATIENT:`; the whole box when the
//! characters' places are unknown). A box is filled whole when nothing could be read from it
//! or when the recogniser was unsure of it (fail closed). The composed caption (the default backend) is built after
//! sanitizing, from the sanitized rows. With `fail_closed`, a caption in which a second pass
//! still finds a name candidate is withheld with a fixed code.
//!
//! Without a sanitizer ([`PipelineHandler::new`] alone) the handler is conservative: every
//! text region is filled, recognised text never leaves the enclave and a model caption is
//! dropped. Either way what it returns is exactly what the stages found and redacted —
//! nothing invented.

use obscura_protocol::api::{
    CaptionOptions, CaptionResponse, CaptionWithheld, Digest32, EntityCounts, ErrorCode,
    ModelDigest, OcrLine, RedactedText, SanitizeResponse,
};
use obscura_protocol::evidence::{ModelClaim, WorkloadClaims};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest, SanitizeOutcome, SanitizeRequest};
use obscura_protocol::secret::SecretText;
use obscura_sanitizer::{Sanitized, Sanitizer, Texts};
use sha2::{Digest, Sha256};

use crate::Error;
use crate::caption::{CaptionInput, Captioner, CaptionerIdentity};
use crate::gateway::Handler;
use crate::pipeline::{Pipeline, PipelineOptions, RgbPixels, StageTimings, TextFill, TextLine};
use crate::text_rows::{self, Row};

/// The image part of the pipeline description (see [`PipelineHandler::description`]).
pub const PIPELINE_DESCRIPTION: &str = "obscura-pipeline-v2; decode: png,jpeg,webp, exif-orientation, metadata dropped; \
     faces: centerface multi-view, threshold 0.2, boxes enlarged, solid fill; \
     text: pp-ocrv4 det+cls+rec";

/// The text part without a sanitizer.
pub const TEXT_POLICY_CONSERVATIVE: &str =
    "pii: redact-all-text (sanitizer not configured); ocr text: withheld; model captions: dropped";

/// The text part with the sanitizer.
pub const TEXT_POLICY_SANITIZED: &str = "pii: obscura-sanitizer over all rows and the model caption of a request \
     (structured recognizers, names model + rules, propagation); a box is filled over the \
     characters of the entities it holds (between their neighbours' recogniser peaks, the \
     whole box when unknown), whole when it reads empty or scores below 0.5; ocr text: \
     sanitized rows; \
     captions: sanitized, withheld on a residual name candidate when fail_closed";

/// Recognised boxes scoring below this are filled whatever the sanitizer says: text the
/// recogniser was unsure of may be a misread name.
pub const MIN_TRUSTED_LINE_SCORE: f32 = 0.5;

/// The image pipeline, optionally the sanitizer and a caption backend, as a gateway handler.
pub struct PipelineHandler {
    pipeline: Pipeline,
    sanitizer: Option<Sanitizer>,
    /// The caption backend and its identity; `None` produces no caption.
    captioner: Option<(Box<dyn Captioner>, CaptionerIdentity)>,
    /// Digests of the pipeline's models (the sanitizer's and caption backend's are added in
    /// [`PipelineHandler::claims`]).
    models: Vec<ModelDigest>,
}

impl std::fmt::Debug for PipelineHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PipelineHandler")
            .field("pipeline", &self.pipeline)
            .field("sanitizer", &self.sanitizer.is_some())
            .field("caption", &self.caption_identity())
            .finish_non_exhaustive()
    }
}

impl PipelineHandler {
    /// Wraps a loaded pipeline, conservative until [`PipelineHandler::with_sanitizer`]:
    /// every text region filled, no text returned, no caption. `models` are the digests of
    /// the models the pipeline loaded.
    pub fn new(pipeline: Pipeline, models: Vec<ModelDigest>) -> Self {
        Self {
            pipeline,
            sanitizer: None,
            captioner: None,
            models,
        }
    }

    /// Adds the text sanitizer (its name model joins the claimed models).
    #[must_use]
    pub fn with_sanitizer(mut self, sanitizer: Sanitizer) -> Self {
        self.sanitizer = Some(sanitizer);
        self
    }

    /// Adds the caption backend chosen at start-up (its identity joins the claimed models
    /// and the pipeline description).
    #[must_use]
    pub fn with_captioner(mut self, captioner: Box<dyn Captioner>) -> Self {
        let identity = captioner.identity();
        self.captioner = Some((captioner, identity));
        self
    }

    /// The caption backend's identity, if a caption stage is configured.
    pub fn caption_identity(&self) -> Option<&CaptionerIdentity> {
        self.captioner.as_ref().map(|(_, id)| id)
    }

    /// Every model this handler runs: the pipeline's, the sanitizer's name model, the caption
    /// backend's entries.
    pub fn models(&self) -> Vec<ModelDigest> {
        let mut models = self.models.clone();
        if let Some(s) = &self.sanitizer {
            models.extend(s.model_digest());
        }
        if let Some((_, id)) = &self.captioner {
            models.extend(id.models.iter().cloned());
        }
        models
    }

    /// The redaction policy and configuration this handler runs; its SHA-256 is the
    /// `pipeline_digest` bound into attestation and returned as `policy_digest`.
    pub fn description(&self) -> String {
        let text = if self.sanitizer.is_some() {
            TEXT_POLICY_SANITIZED
        } else {
            TEXT_POLICY_CONSERVATIVE
        };
        let caption = self
            .caption_identity()
            .map_or_else(|| "caption: none".to_owned(), CaptionerIdentity::describe);
        format!("{PIPELINE_DESCRIPTION}; {text}; {caption}")
    }

    /// SHA-256 of [`PipelineHandler::description`].
    pub fn policy_digest(&self) -> Digest32 {
        Digest32(Sha256::digest(self.description().as_bytes()).into())
    }

    /// The workload claims to bind into attestation: version, model digests, pipeline digest.
    pub fn claims(&self) -> WorkloadClaims {
        WorkloadClaims {
            enclave_version: env!("CARGO_PKG_VERSION").to_owned(),
            models: self
                .models()
                .into_iter()
                .map(|m| ModelClaim {
                    name: m.name,
                    sha256: m.sha256,
                })
                .collect(),
            pipeline_digest: self.policy_digest(),
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
        let captioner = self.captioner.as_ref().filter(|_| options.caption);
        let input = |lines| CaptionInput {
            pixels: &analysis.pixels,
            faces: analysis.faces.len(),
            text_regions: analysis.text.len(),
            text_lines: lines,
        };
        // A model sees the original pixels; its raw caption is sanitized with the rows.
        let raw_caption = match captioner {
            Some((c, id)) if !id.backend.output_is_sanitized() => Some(c.caption(&input(&[]))?),
            _ => None,
        };
        let text = match &self.sanitizer {
            Some(sanitizer) => Some(sanitize_request(
                sanitizer,
                &analysis.text,
                raw_caption,
                &analysis.pixels,
            )),
            None => None,
        };
        let (pii, ocr, entities, mut caption) = match text {
            Some(t) => (t.pii, t.ocr, t.counts, t.caption),
            // Conservative: fill every box, return no text, drop a model caption.
            None => (
                vec![TextFill::Whole; analysis.text.len()],
                Vec::new(),
                EntityCounts::new(),
                None,
            ),
        };
        // The composed caption is built from what was found and the sanitized rows only.
        if let Some((c, id)) = captioner
            && id.backend.output_is_sanitized()
        {
            // Only rows read with confidence and holding at least two letters or digits are
            // quoted: the caption must not repeat detector noise as "burned-in text".
            let lines: Vec<RedactedText> = ocr
                .iter()
                .filter(|l| {
                    l.score >= MIN_TRUSTED_LINE_SCORE
                        && l.text
                            .as_str()
                            .chars()
                            .filter(|c| c.is_alphanumeric())
                            .count()
                            >= 2
                })
                .map(|l| l.text.clone())
                .collect();
            let composed = c.caption(&input(&lines))?;
            caption = Some(RedactedText::new(composed.expose().to_owned()));
        }
        let mut withheld = None;
        if options.fail_closed
            && let (Some(sanitizer), Some(text)) = (&self.sanitizer, &caption)
            && sanitizer.residual_name_candidates(text.as_str()) > 0
        {
            caption = None;
            withheld = Some(CaptionWithheld::ResidualNameCandidate);
        }
        let out = self.pipeline.finish(analysis, &pii, &pipeline_options)?;
        let response = CaptionResponse {
            caption,
            caption_withheld: withheld,
            ocr: if options.ocr { ocr } else { Vec::new() },
            regions: if options.regions {
                out.regions
            } else {
                Vec::new()
            },
            entities,
            models: self.models(),
            policy_digest: self.policy_digest(),
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
            entities: sanitized.entities,
            counts: sanitized.counts,
        })
    }
}

/// What the sanitizer decided for one image request.
struct TextOutcome {
    pii: Vec<TextFill>,
    ocr: Vec<OcrLine>,
    counts: EntityCounts,
    caption: Option<RedactedText>,
}

/// Sanitizes the recognised rows and the raw model caption (last) as one request.
fn sanitize_request(
    sanitizer: &Sanitizer,
    lines: &[TextLine],
    raw_caption: Option<SecretText>,
    pixels: &RgbPixels,
) -> TextOutcome {
    let rows = text_rows::group(lines);
    let mut items: Vec<SecretText> = rows.iter().map(|r| r.text.clone()).collect();
    let has_caption = raw_caption.is_some();
    items.extend(raw_caption);
    let mut sanitized = sanitizer.sanitize(&Texts::new(items));
    let caption = if has_caption {
        // The caption was the last text; a missing result withholds it.
        (sanitized.texts.len() == rows.len() + 1)
            .then(|| sanitized.texts.pop())
            .flatten()
    } else {
        None
    };
    let pii = line_decisions(lines, &rows, &sanitized);
    let ocr = ocr_lines(&rows, &sanitized, &pii, pixels);
    TextOutcome {
        pii,
        ocr,
        counts: sanitized.counts,
        caption,
    }
}

/// How much of each detector box to fill: the characters the entities of its row cover in
/// it (from the first to the last of them), or the whole box when it reads empty or with low
/// confidence. A row the sanitizer returned nothing for is filled whole.
fn line_decisions(lines: &[TextLine], rows: &[Row], sanitized: &Sanitized) -> Vec<TextFill> {
    let mut fills = vec![TextFill::Whole; lines.len()];
    for (r, row) in rows.iter().enumerate() {
        let entities = sanitized.entities.get(r);
        for &(i, start, end) in &row.members {
            let unsure = lines.get(i).is_none_or(|l| {
                l.score < MIN_TRUSTED_LINE_SCORE || l.text.expose().trim().is_empty()
            });
            let fill = match entities {
                _ if unsure => TextFill::Whole,
                None => TextFill::Whole,
                Some(list) => {
                    // The entities' characters inside this box, in the box's own offsets.
                    let covered = list
                        .iter()
                        .filter(|e| e.start < end && start < e.end)
                        .map(|e| (e.start.max(start) - start, e.end.min(end) - start))
                        .reduce(|(a0, a1), (b0, b1)| (a0.min(b0), a1.max(b1)));
                    match covered {
                        None => TextFill::Keep,
                        Some((0, to)) if to >= end - start => TextFill::Whole,
                        Some((from, to)) => TextFill::Chars {
                            start: from,
                            end: to,
                        },
                    }
                }
            };
            if let Some(slot) = fills.get_mut(i) {
                *slot = fill;
            }
        }
    }
    fills
}

/// The response's OCR lines, one per row: sanitized text, box, lowest score, and whether any
/// of its boxes was filled. A row whose sanitized text is missing is withheld.
fn ocr_lines(
    rows: &[Row],
    sanitized: &Sanitized,
    fills: &[TextFill],
    pixels: &RgbPixels,
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
                    .any(|&(i, _, _)| fills.get(i).is_none_or(|f| *f != TextFill::Keep)),
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
