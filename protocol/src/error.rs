//! The one error type of this crate.
//!
//! Variants carry only static descriptions and numbers, never bytes or text taken from the
//! input, so an error can be logged or counted outside the enclave without leaking content
//! (STYLE rule 6). `PartialEq` lets tests assert the exact variant.

use crate::keys::KeyId;

/// Everything that can go wrong while encoding or decoding Obscura wire formats.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input ended before a complete `what` could be read.
    #[error("truncated {what}")]
    Truncated {
        /// The structure that was being read.
        what: &'static str,
    },
    /// Bytes followed a complete `what` where none are allowed.
    #[error("{count} trailing bytes after {what}")]
    TrailingBytes {
        /// The structure that was complete.
        what: &'static str,
        /// How many bytes were left over.
        count: usize,
    },
    /// A length exceeded its cap in [`crate::limits`].
    #[error("{what} is {len} bytes or items, more than the limit of {max}")]
    TooLarge {
        /// What was too large.
        what: &'static str,
        /// The claimed or actual size.
        len: u64,
        /// The cap from [`crate::limits`].
        max: u64,
    },
    /// A field had the wrong fixed size.
    #[error("{what} must be {expected} bytes, got {got}")]
    WrongLength {
        /// The field.
        what: &'static str,
        /// Its required size.
        expected: usize,
        /// The size seen.
        got: usize,
    },
    /// The structure violated its format in a way described by `reason`.
    #[error("malformed {what}: {reason}")]
    Malformed {
        /// The structure being read.
        what: &'static str,
        /// A fixed description of the violation.
        reason: &'static str,
    },
    /// The OHTTP request names a key id this gateway does not hold.
    #[error("unknown key id {0}")]
    UnknownKeyId(KeyId),
    /// The (KEM, KDF, AEAD) combination is not offered.
    #[error("unsupported HPKE suite kem=0x{kem:04x} kdf=0x{kdf:04x} aead=0x{aead:04x}")]
    UnsupportedSuite {
        /// HPKE KEM id.
        kem: u16,
        /// HPKE KDF id.
        kdf: u16,
        /// HPKE AEAD id.
        aead: u16,
    },
    /// No key configuration in a list uses a suite this client supports.
    #[error("no supported key configuration")]
    NoSupportedKeyConfig,
    /// Authenticated decryption failed: the ciphertext, `enc` or key was altered or wrong.
    #[error("decryption failed")]
    DecryptFailed,
    /// An HPKE or AEAD operation failed for a reason other than authentication.
    #[error("cryptographic operation failed")]
    Crypto,
    /// The inner request was not `POST /v1/caption`.
    #[error("unexpected request {what}")]
    UnexpectedRequest {
        /// Which part was unexpected (method, path).
        what: &'static str,
    },
    /// A required field is missing from a message.
    #[error("missing {0}")]
    Missing(&'static str),
    /// The `date` field is not an HTTP IMF-fixdate.
    #[error("invalid date field")]
    InvalidDate,
    /// A JSON document did not match its schema.
    #[error("invalid JSON in {what} at line {line}, column {column}")]
    Json {
        /// The document.
        what: &'static str,
        /// Line of the first error.
        line: usize,
        /// Column of the first error.
        column: usize,
    },
}

impl Error {
    /// Maps a `serde_json` error to [`Error::Json`], keeping only its position: serde_json
    /// messages can quote input, which must not leave the enclave.
    pub(crate) fn json(what: &'static str, e: &serde_json::Error) -> Self {
        Self::Json {
            what,
            line: e.line(),
            column: e.column(),
        }
    }

    /// Maps a `bhttp` error to a fixed variant (its messages can quote input).
    pub(crate) fn bhttp(e: &bhttp::Error) -> Self {
        match e {
            bhttp::Error::Truncated => Self::Truncated {
                what: "binary HTTP message",
            },
            bhttp::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
                Self::Truncated {
                    what: "binary HTTP message",
                }
            }
            bhttp::Error::InvalidMode => Self::Malformed {
                what: "binary HTTP message",
                reason: "invalid framing indicator",
            },
            bhttp::Error::InvalidStatus => Self::Malformed {
                what: "binary HTTP message",
                reason: "invalid status code",
            },
            bhttp::Error::ExpectedRequest | bhttp::Error::ExpectedResponse => Self::Malformed {
                what: "binary HTTP message",
                reason: "wrong message kind",
            },
            bhttp::Error::ConnectUnsupported | bhttp::Error::UpgradeUnsupported => {
                Self::Malformed {
                    what: "binary HTTP message",
                    reason: "unsupported method or upgrade",
                }
            }
            _ => Self::Malformed {
                what: "binary HTTP message",
                reason: "invalid encoding",
            },
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
