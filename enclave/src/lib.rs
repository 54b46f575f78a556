//! The Obscura service inside the confidential VM.
//!
//! The enclave holds the only copies of its OHTTP private keys, publishes their
//! configurations for the attestation report to bind, decapsulates requests, runs the image
//! pipeline on plaintext and seals redacted results back to the caller. Modules, in data-flow
//! order: the key set and its rotation ([`keys::KeyRing`]); the OHTTP gateway
//! ([`gateway::Gateway`]: decapsulation, replay and date checks, bounded dispatch to a
//! [`gateway::Handler`], sealed fixed-code errors); the pinned model set
//! ([`models::Models`]) and the image pipeline ([`pipeline::Pipeline`]: decode → faces →
//! text → redact → encode); [`evidence`], which binds the current keys and workload claims
//! into attestation reports; [`caption`], the pluggable caption stage (composed sentence,
//! loopback VLM server, or in-process ONNX encoder-decoder); and [`server`], the loopback
//! listener for the host.
//!
//! ```
//! use obscura_enclave::keys::KeySet;
//! let keys = KeySet::generate()?;
//! let list = keys.config_list();
//! assert_eq!(list.known().count(), 2);
//! # Ok::<(), obscura_enclave::Error>(())
//! ```

#![forbid(unsafe_code)]

pub mod caption;
pub mod evidence;
pub mod gateway;
pub mod handler;
pub mod keys;
pub mod models;
pub mod pipeline;
pub mod server;
pub mod text_rows;

use obscura_protocol::api::{ErrorCode, MediaType};

pub use models::ModelId;

/// Errors of the enclave service.
///
/// No variant carries image content, OCR text or anything else derived from pixels: only
/// sizes, formats, model names and digests, and ONNX Runtime's own status text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A wire-format operation failed.
    #[error(transparent)]
    Protocol(#[from] obscura_protocol::Error),
    /// A lock was poisoned by a panic in another thread.
    #[error("internal state poisoned")]
    Poisoned,
    /// Producing attestation evidence failed.
    #[error(transparent)]
    Attestation(#[from] obscura_attestation::Error),
    /// The listener failed.
    #[error("listener: {0}")]
    Io(std::io::ErrorKind),
    /// The listening address is not allowed, for the reason given.
    #[error("listener refused: {0}")]
    ListenerRefused(&'static str),

    /// The image body is empty.
    #[error("empty image")]
    EmptyImage,

    /// The encoded image is larger than the byte cap.
    #[error("encoded image of {bytes} bytes exceeds the cap of {max} bytes")]
    InputTooLarge {
        /// Size of the encoded image.
        bytes: usize,
        /// The cap ([`obscura_protocol::limits::MAX_IMAGE_BYTES`]).
        max: usize,
    },

    /// The magic bytes are not PNG, JPEG or WebP.
    #[error("unsupported image format")]
    UnsupportedFormat,

    /// The header declares a width, height or pixel count above the caps.
    #[error("image of {width}x{height} pixels exceeds the size caps")]
    ImageTooLarge {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
    },

    /// The header declares a zero width or height.
    #[error("image has a zero dimension")]
    ZeroSizeImage,

    /// The image could not be decoded (truncated, corrupt or an unsupported variant).
    #[error("{format:?} image could not be decoded")]
    Undecodable {
        /// The format identified by its magic bytes.
        format: MediaType,
    },

    /// The redacted image could not be encoded.
    #[error("{format:?} encoding failed")]
    Encode {
        /// The requested output format.
        format: MediaType,
    },

    /// A pixel buffer does not match its declared dimensions.
    #[error("pixel buffer of {len} bytes does not match {width}x{height} RGB")]
    PixelBufferSize {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
        /// Actual buffer length.
        len: usize,
    },

    /// The ONNX Runtime library or a model could not be loaded (missing, wrong digest,
    /// rejected by the runtime).
    #[error(transparent)]
    Onnx(#[from] obscura_onnx::Error),

    /// A model file is not the ONNX protobuf the loader expects.
    #[error("model {model:?} is malformed: {reason}")]
    ModelMalformed {
        /// Which model.
        model: ModelId,
        /// What is wrong.
        reason: &'static str,
    },

    /// ONNX Runtime failed to create a session or run a model.
    #[error("model {model:?} failed: {detail}")]
    Inference {
        /// Which model.
        model: ModelId,
        /// ONNX Runtime's status text (shapes and node names, never image content).
        detail: String,
    },

    /// A model returned outputs of an unexpected shape or count.
    #[error("model {model:?} returned unexpected output: {reason}")]
    ModelOutput {
        /// Which model.
        model: ModelId,
        /// What was unexpected.
        reason: &'static str,
    },

    /// The caption stage failed (configuration, server, model or tokenizer).
    #[error(transparent)]
    Caption(caption::CaptionError),
}

impl Error {
    /// The fixed code the gateway returns for this error (STYLE rule 6): input problems
    /// map to their specific codes, everything about models and the runtime to `Internal`.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Protocol(_) => ErrorCode::BadRequest,
            Self::InputTooLarge { .. } | Self::ImageTooLarge { .. } => ErrorCode::ImageTooLarge,
            Self::UnsupportedFormat => ErrorCode::UnsupportedMediaType,
            Self::EmptyImage | Self::ZeroSizeImage | Self::Undecodable { .. } => {
                ErrorCode::ImageUndecodable
            }
            Self::Encode { .. }
            | Self::PixelBufferSize { .. }
            | Self::Onnx(_)
            | Self::ModelMalformed { .. }
            | Self::Inference { .. }
            | Self::ModelOutput { .. }
            | Self::Caption(_)
            | Self::Poisoned
            | Self::Attestation(_)
            | Self::Io(_)
            | Self::ListenerRefused(_) => ErrorCode::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_map_to_fixed_codes() {
        let cases = [
            (Error::EmptyImage, ErrorCode::ImageUndecodable),
            (
                Error::InputTooLarge { bytes: 1, max: 0 },
                ErrorCode::ImageTooLarge,
            ),
            (
                Error::ImageTooLarge {
                    width: 50_000,
                    height: 50_000,
                },
                ErrorCode::ImageTooLarge,
            ),
            (Error::UnsupportedFormat, ErrorCode::UnsupportedMediaType),
            (Error::ZeroSizeImage, ErrorCode::ImageUndecodable),
            (
                Error::Undecodable {
                    format: MediaType::Png,
                },
                ErrorCode::ImageUndecodable,
            ),
            (
                Error::Encode {
                    format: MediaType::Jpeg,
                },
                ErrorCode::Internal,
            ),
            (
                Error::Inference {
                    model: ModelId::CenterFace,
                    detail: "x".to_owned(),
                },
                ErrorCode::Internal,
            ),
            (
                Error::ModelOutput {
                    model: ModelId::TextRec,
                    reason: "output size",
                },
                ErrorCode::Internal,
            ),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code, "{error:?}");
        }
        assert_eq!(
            Error::ImageTooLarge {
                width: 1,
                height: 2
            }
            .code()
            .status(),
            413
        );
    }
}
