//! The caption stage: one [`Captioner`] trait, three backends chosen at start-up.
//!
//! - [`composed::ComposedCaptioner`] (the default): a factual sentence from pixel statistics,
//!   the face count and the already-sanitized burned-in text lines. It never claims anything
//!   the pipeline did not detect, and adds microseconds.
//! - [`server::VlmServerCaptioner`]: an OpenAI-compatible chat-completions server inside the
//!   same CVM, reached over loopback only (any other address is refused at start-up).
//! - [`vision::VisionEncoderDecoder`]: an in-process ONNX vision-encoder-decoder in Hugging
//!   Face Optimum's `image-to-text` export layout, greedy decoding with the KV cache.
//!
//! Every backend returns the *raw* caption as a [`SecretText`]: it may echo a name the model
//! read off the image, so it never prints, and the handler
//! ([`crate::handler::PipelineHandler`]) runs it through the text sanitizer together with the
//! OCR rows (so both get the same `PERSON_n`) before anything leaves the enclave; without a
//! sanitizer a model caption is dropped. The one exception is [`CaptionBackend::Composed`], whose sentence is a template
//! filled only with counts, a pixel statistic and lines that were sanitized *before* they
//! were handed in: [`CaptionBackend::output_is_sanitized`] says so.
//!
//! Each backend describes itself ([`CaptionerIdentity`]) for the workload claims bound into
//! attestation, so a client can require a specific caption model. The identity goes in as
//! extra [`ModelClaim`] entries named `caption/...` rather than a new `WorkloadClaims` field:
//! the claims digest, the JSON and every existing verifier and client policy stay as they are
//! (a policy that pins models by name and digest pins caption models the same way), and the
//! backend's name also enters the pipeline description that `pipeline_digest` covers.
//!
//! Captioning is CPU- or I/O-bound and blocking: call it from the blocking pool, as the
//! gateway calls the handler (the server backend runs its own single-threaded runtime per
//! call, so it must not be called from inside an async task).
//!
//! ```
//! use obscura_enclave::caption::{CaptionInput, Captioner, composed::ComposedCaptioner};
//! use obscura_enclave::pipeline::RgbPixels;
//! use obscura_protocol::api::RedactedText;
//!
//! let pixels = RgbPixels::filled(64, 64, [90, 90, 90])?;
//! let lines = [RedactedText::new("PORTABLE AP".to_owned())];
//! let input = CaptionInput { pixels: &pixels, faces: 0, text_regions: 1, text_lines: &lines };
//! let caption = ComposedCaptioner.caption(&input)?;
//! assert_eq!(
//!     caption.expose(),
//!     "Greyscale image, portable AP view, with burned-in text \"PORTABLE AP\"; no faces."
//! );
//! # Ok::<(), obscura_enclave::Error>(())
//! ```

pub mod composed;
pub mod server;
pub mod vision;

use std::path::PathBuf;
use std::time::Duration;

use obscura_protocol::api::{Digest32, ModelDigest, RedactedText, Region, RegionKind};
use obscura_protocol::evidence::ModelClaim;
use obscura_protocol::secret::SecretText;

use crate::Error;
use crate::pipeline::RgbPixels;

/// What the caption stage sees: the decoded image and what the pipeline found in it.
#[derive(Debug, Clone, Copy)]
pub struct CaptionInput<'a> {
    /// The decoded, upright RGB pixels.
    pub pixels: &'a RgbPixels,
    /// Number of faces detected.
    pub faces: usize,
    /// Number of text regions detected (recognised or not).
    pub text_regions: usize,
    /// Burned-in text lines, already sanitized (may be empty, e.g. before the sanitizer runs).
    pub text_lines: &'a [RedactedText],
}

impl<'a> CaptionInput<'a> {
    /// The input for `pixels`, counting faces and text regions in the pipeline's `regions`.
    pub fn from_regions(
        pixels: &'a RgbPixels,
        regions: &[Region],
        text_lines: &'a [RedactedText],
    ) -> Self {
        let count = |kind| regions.iter().filter(|r| r.kind == kind).count();
        Self {
            pixels,
            faces: count(RegionKind::Face),
            text_regions: count(RegionKind::Text),
            text_lines,
        }
    }
}

/// A caption backend.
pub trait Captioner: Send + Sync {
    /// Captions one image. The result is raw (unsanitized) text; see the module docs.
    fn caption(&self, input: &CaptionInput<'_>) -> Result<SecretText, Error>;

    /// What this backend is, for the workload claims.
    fn identity(&self) -> CaptionerIdentity;
}

/// Which kind of backend produced a caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CaptionBackend {
    /// [`composed::ComposedCaptioner`].
    Composed,
    /// [`server::VlmServerCaptioner`].
    VlmServer,
    /// [`vision::VisionEncoderDecoder`].
    OnnxEncoderDecoder,
}

impl CaptionBackend {
    /// Stable name, used in claims and the pipeline description.
    pub fn name(self) -> &'static str {
        match self {
            Self::Composed => "composed",
            Self::VlmServer => "vlm-server",
            Self::OnnxEncoderDecoder => "onnx-encoder-decoder",
        }
    }

    /// Whether this backend's output contains only already-sanitized text (true for the
    /// composed template, whose only free text is the sanitized lines it was given). Model
    /// output is never sanitized: it must go through the sanitizer first.
    pub fn output_is_sanitized(self) -> bool {
        matches!(self, Self::Composed)
    }
}

/// A backend's identity, bound into attestation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionerIdentity {
    /// The kind of backend.
    pub backend: CaptionBackend,
    /// The files or server model the backend runs, each named `caption/<backend>/<what>`:
    /// model-file SHA-256s for ONNX, the server model name with its image digest (all zero
    /// when the operator pinned none) for a server, the template's digest for `composed`.
    pub models: Vec<ModelDigest>,
}

impl CaptionerIdentity {
    /// The entries to append to `WorkloadClaims::models`.
    pub fn claims(&self) -> Vec<ModelClaim> {
        self.models
            .iter()
            .map(|m| ModelClaim {
                name: m.name.clone(),
                sha256: m.sha256,
            })
            .collect()
    }

    /// One line for the pipeline description (covered by `pipeline_digest`).
    pub fn describe(&self) -> String {
        let mut out = format!("caption: {}", self.backend.name());
        for m in &self.models {
            out.push_str(&format!(" {}={}", m.name, m.sha256));
        }
        out
    }
}

/// The digest that stands for "no digest pinned" (a server model without an image digest).
pub const UNPINNED: Digest32 = Digest32([0; 32]);

/// Which backend to run, from the `serve` flags.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CaptionConfig {
    /// The composed caption (no model).
    #[default]
    Composed,
    /// An OpenAI-compatible server on loopback.
    Server(server::ServerConfig),
    /// An ONNX model folder in Optimum's `image-to-text` layout.
    Onnx {
        /// The model folder.
        dir: PathBuf,
        /// Decoding limits.
        limits: vision::DecodeLimits,
    },
}

impl CaptionConfig {
    /// Builds the configured backend (model files are read and digested here; a server
    /// address is checked, nothing is resolved or contacted). `assets` locates the pinned
    /// ONNX Runtime for the ONNX backend.
    pub fn build(&self, assets: &std::path::Path) -> Result<Box<dyn Captioner>, Error> {
        Ok(match self {
            Self::Composed => Box::new(composed::ComposedCaptioner),
            Self::Server(config) => Box::new(server::VlmServerCaptioner::new(config.clone())?),
            Self::Onnx { dir, limits } => {
                let env = obscura_onnx::runtime(assets)?;
                Box::new(vision::VisionEncoderDecoder::load(env, dir, *limits)?)
            }
        })
    }
}

/// Caption-stage failures. None carries caption text, OCR text or response bodies: only
/// fixed reasons, sizes, status codes and file names the operator configured.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaptionError {
    /// The server URL does not parse as `http://HOST:PORT[/]` or `vsock://CID:PORT`.
    #[error("caption server URL is malformed: {reason}")]
    ServerUrl {
        /// What is wrong.
        reason: &'static str,
    },
    /// The server address is not loopback (`127.0.0.0/8`, `::1`, `localhost`) or vsock.
    #[error("caption server must be on loopback or vsock")]
    ServerNotLocal,
    /// A `vsock://` address was given but this build has no vsock transport yet.
    #[error("vsock caption servers are not supported by this build yet")]
    VsockUnsupported,
    /// The server model name is empty or too long for a claim.
    #[error("caption server model name must be 1..={max} bytes")]
    ServerModelName {
        /// The longest name accepted.
        max: usize,
    },
    /// Connecting to or talking with the server failed.
    #[error("caption server I/O: {0:?}")]
    ServerIo(std::io::ErrorKind),
    /// The HTTP exchange failed (protocol error, connection closed).
    #[error("caption server HTTP exchange failed")]
    ServerHttp,
    /// The server did not answer within the timeout.
    #[error("caption server timed out after {0:?}")]
    ServerTimeout(Duration),
    /// The server answered with a non-200 status.
    #[error("caption server answered HTTP {0}")]
    ServerStatus(u16),
    /// The response body exceeds the cap.
    #[error("caption server response exceeds {max} bytes")]
    ServerResponseTooLarge {
        /// The cap.
        max: usize,
    },
    /// The response is not the chat-completions JSON expected.
    #[error("caption server response is malformed: {reason}")]
    ServerResponseMalformed {
        /// What is wrong.
        reason: &'static str,
    },
    /// A model-folder file could not be read.
    #[error("caption model file {file} could not be read: {kind:?}")]
    ModelFile {
        /// The file name inside the model folder.
        file: &'static str,
        /// The I/O error kind.
        kind: std::io::ErrorKind,
    },
    /// A model-folder configuration file is missing a field or has a bad value.
    #[error("caption model {file} is invalid: {reason}")]
    ModelConfig {
        /// The file name inside the model folder.
        file: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// `tokenizer.json` could not be loaded or could not decode the generated ids.
    #[error("caption tokenizer failed: {reason}")]
    Tokenizer {
        /// What failed.
        reason: &'static str,
    },
    /// ONNX Runtime failed while running the caption model.
    #[error("caption model {model} failed: {detail}")]
    Inference {
        /// `encoder` or `decoder`.
        model: &'static str,
        /// ONNX Runtime's status text (shapes and node names, never image content).
        detail: String,
    },
    /// The caption model returned an output of an unexpected name, type or shape.
    #[error("caption model {model} returned unexpected output: {reason}")]
    ModelOutput {
        /// `encoder` or `decoder`.
        model: &'static str,
        /// What was unexpected.
        reason: &'static str,
    },
}

impl From<CaptionError> for Error {
    fn from(e: CaptionError) -> Self {
        Self::Caption(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use obscura_protocol::api::ErrorCode;

    #[test]
    fn identity_becomes_claims_and_description() {
        let id = CaptionerIdentity {
            backend: CaptionBackend::VlmServer,
            models: vec![ModelDigest {
                name: "caption/vlm-server/qwen".to_owned(),
                sha256: UNPINNED,
            }],
        };
        assert_eq!(
            id.claims(),
            vec![ModelClaim {
                name: "caption/vlm-server/qwen".to_owned(),
                sha256: UNPINNED
            }]
        );
        assert_eq!(
            id.describe(),
            format!("caption: vlm-server caption/vlm-server/qwen={UNPINNED}")
        );
    }

    #[test]
    fn only_composed_output_counts_as_sanitized() {
        assert!(CaptionBackend::Composed.output_is_sanitized());
        assert!(!CaptionBackend::VlmServer.output_is_sanitized());
        assert!(!CaptionBackend::OnnxEncoderDecoder.output_is_sanitized());
    }

    #[test]
    fn input_counts_regions() {
        let pixels = RgbPixels::filled(2, 2, [0, 0, 0]).unwrap();
        let region = |kind| Region {
            kind,
            bbox: obscura_protocol::api::BoundingBox {
                x: 0,
                y: 0,
                width: 1,
                height: 1,
            },
            score: 0.9,
            redacted: true,
        };
        let regions = [
            region(RegionKind::Face),
            region(RegionKind::Text),
            region(RegionKind::Face),
        ];
        let input = CaptionInput::from_regions(&pixels, &regions, &[]);
        assert_eq!((input.faces, input.text_regions), (2, 1));
    }

    #[test]
    fn caption_errors_are_internal() {
        for e in [
            CaptionError::ServerNotLocal,
            CaptionError::ServerStatus(500),
            CaptionError::ServerTimeout(Duration::from_secs(1)),
            CaptionError::Tokenizer { reason: "decode" },
        ] {
            assert_eq!(Error::from(e).code(), ErrorCode::Internal);
        }
    }
}
