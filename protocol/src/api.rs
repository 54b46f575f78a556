//! API types of `POST /v1/caption`: what a client asks for and what it gets back.
//!
//! These travel as JSON inside the encrypted BHTTP messages of [`crate::message`]. Everything
//! here is *output* of the enclave's redaction or a client's request options; raw captions,
//! OCR text and pixels never take these types. Text and image fields still print only their
//! length in `Debug` so that a client that logs a response by accident leaks nothing.

use std::collections::BTreeMap;
use std::fmt;

use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::codec::check_cap;
use crate::error::{Error, Result};
use crate::limits::{MAX_IMAGE_BYTES, MAX_OPTIONS_BYTES};
use crate::secret::SecretBytes;

/// What a caption request should return. Serialized as the `obscura-options` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CaptionOptions {
    /// Return the redacted image.
    pub image: bool,
    /// Return the redacted caption.
    pub caption: bool,
    /// Return the redacted OCR lines.
    pub ocr: bool,
    /// Return face and text regions.
    pub regions: bool,
    /// Encoding of the returned image.
    pub format: OutputFormat,
    /// Withhold the caption if a second sanitizer pass still finds a name candidate.
    pub fail_closed: bool,
}

impl Default for CaptionOptions {
    fn default() -> Self {
        Self {
            image: true,
            caption: true,
            ocr: true,
            regions: true,
            format: OutputFormat::Same,
            fail_closed: false,
        }
    }
}

impl CaptionOptions {
    /// Compact JSON for the `obscura-options` field.
    pub fn to_field_value(&self) -> Result<Vec<u8>> {
        serde_json::to_vec(self).map_err(|e| Error::json("caption options", &e))
    }

    /// Parses the `obscura-options` field value from hostile bytes.
    pub fn from_field_value(bytes: &[u8]) -> Result<Self> {
        check_cap("caption options", bytes.len(), MAX_OPTIONS_BYTES)?;
        serde_json::from_slice(bytes).map_err(|e| Error::json("caption options", &e))
    }
}

/// Encoding of the returned redacted image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// The input's format.
    #[default]
    Same,
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// WebP (lossless).
    Webp,
}

/// Image media types the service accepts and returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaType {
    /// `image/png`
    #[serde(rename = "image/png")]
    Png,
    /// `image/jpeg`
    #[serde(rename = "image/jpeg")]
    Jpeg,
    /// `image/webp`
    #[serde(rename = "image/webp")]
    Webp,
}

impl MediaType {
    /// The MIME type string.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Webp => "image/webp",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Webp => "webp",
        }
    }

    /// Parses a MIME type string (parameters and case ignored).
    pub fn parse(value: &[u8]) -> Option<Self> {
        let main = value.split(|b| *b == b';').next().unwrap_or_default();
        let main = main.trim_ascii();
        [Self::Png, Self::Jpeg, Self::Webp]
            .into_iter()
            .find(|m| main.eq_ignore_ascii_case(m.as_str().as_bytes()))
    }

    /// Identifies the format from magic bytes (the enclave never trusts a declared type).
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(Self::Jpeg)
        } else if bytes.len() >= 12
            && bytes.starts_with(b"RIFF")
            && bytes.get(8..12) == Some(b"WEBP".as_slice())
        {
            Some(Self::Webp)
        } else {
            None
        }
    }
}

/// An axis-aligned box in image pixel coordinates (origin top-left).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundingBox {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// What a detected region holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    /// A face.
    Face,
    /// A line of burned-in text.
    Text,
}

/// A detected face or text region.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Face or text.
    pub kind: RegionKind,
    /// Where.
    #[serde(rename = "box")]
    pub bbox: BoundingBox,
    /// Detector confidence in 0..=1.
    pub score: f32,
    /// Whether the region was filled in the returned image.
    pub redacted: bool,
}

/// Text after redaction (names → `PERSON_n`, identifiers → typed tags).
///
/// `Debug` prints only the length: even redacted clinical text stays out of logs.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RedactedText(String);

impl RedactedText {
    /// Wraps text that the sanitizer has produced.
    pub fn new(text: String) -> Self {
        Self(text)
    }

    /// The redacted text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for RedactedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted text, {} bytes>", self.0.len())
    }
}

/// One line of burned-in text, after redaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OcrLine {
    /// The sanitized text.
    pub text: RedactedText,
    /// Where the line is.
    #[serde(rename = "box")]
    pub bbox: BoundingBox,
    /// Recognizer confidence in 0..=1.
    pub score: f32,
    /// Whether the line held an identifier and was filled in the image.
    pub redacted: bool,
}

/// Types of entity the sanitizer replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityKind {
    /// Person names → `PERSON_n`.
    Person,
    /// Dates → `[DATE]`.
    Date,
    /// Ages → `[AGE]`.
    Age,
    /// Record numbers and other identifiers → `[ID]`.
    Id,
    /// Phone numbers → `[PHONE]`.
    Phone,
    /// Email addresses → `[EMAIL]`.
    Email,
    /// URLs → `[URL]`.
    Url,
    /// Social security numbers → `[SSN]`.
    Ssn,
    /// Addresses, cities, postcodes → `[LOCATION]`.
    Location,
    /// Hospitals, clinics, employers → `[ORG]`.
    Org,
}

/// How many entities of each kind were replaced in a request.
pub type EntityCounts = BTreeMap<EntityKind, u32>;

/// One replaced span of a text: offsets in Unicode code points into the original text
/// (`start..end`), its type, and for people the `PERSON_n` label. Positions only, never the
/// original characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextEntity {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// What the span was.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// `PERSON_n` for people; absent for typed tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The successful result of `POST /v1/sanitize`: one redacted text per input text, in
/// order, with the replaced spans and the counts per type over the whole request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SanitizeResponse {
    /// The redacted texts.
    pub texts: Vec<RedactedText>,
    /// For each text, the replaced spans (sorted, non-overlapping).
    pub entities: Vec<Vec<TextEntity>>,
    /// Entities replaced per type.
    pub counts: EntityCounts,
}

/// A SHA-256 digest, hex in JSON.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest32(pub [u8; 32]);

impl fmt::Debug for Digest32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", hex::encode(self.0))
    }
}

impl fmt::Display for Digest32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", hex::encode(self.0))
    }
}

impl Serialize for Digest32 {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(self.0))
    }
}

impl<'de> Deserialize<'de> for Digest32 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let mut out = [0u8; 32];
        hex::decode_to_slice(s.as_bytes(), &mut out)
            .map_err(|_| serde::de::Error::custom("expected 64 hex digits"))?;
        Ok(Self(out))
    }
}

/// A model the response was produced with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelDigest {
    /// Model name (e.g. `centerface`, `ppocrv4-det`).
    pub name: String,
    /// SHA-256 of the model file.
    pub sha256: Digest32,
}

/// The redacted image: encoded, metadata-free, same size as the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedactedImage {
    /// Encoding.
    pub media_type: MediaType,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Encoded bytes (base64 in JSON).
    #[serde(with = "image_bytes")]
    pub data: SecretBytes,
}

mod image_bytes {
    //! Base64 for image bytes, with the size cap applied before decoding.
    use super::*;

    pub(super) fn serialize<S: Serializer>(
        v: &SecretBytes,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(v.expose()))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<SecretBytes, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        if s.len() / 4 * 3 > MAX_IMAGE_BYTES {
            return Err(serde::de::Error::custom("image too large"));
        }
        base64::engine::general_purpose::STANDARD
            .decode(s.as_bytes())
            .map(SecretBytes::new)
            .map_err(|_| serde::de::Error::custom("invalid base64"))
    }
}

/// Why a caption was withheld in fail-closed mode (fixed codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaptionWithheld {
    /// A second sanitizer pass still found a name candidate.
    ResidualNameCandidate,
}

/// The successful result of `POST /v1/caption`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaptionResponse {
    /// Redacted caption, when asked for and not withheld.
    pub caption: Option<RedactedText>,
    /// Set when fail-closed mode withheld the caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption_withheld: Option<CaptionWithheld>,
    /// Redacted OCR lines with boxes, when asked for.
    pub ocr: Vec<OcrLine>,
    /// Face and text regions, when asked for.
    pub regions: Vec<Region>,
    /// Number of entities replaced, per kind.
    pub entities: EntityCounts,
    /// Models used.
    pub models: Vec<ModelDigest>,
    /// Digest of the redaction policy and pipeline configuration.
    pub policy_digest: Digest32,
    /// The redacted image, when asked for.
    pub image: Option<RedactedImage>,
}

/// The fixed error codes a gateway returns inside an encrypted response. None carries text
/// derived from input (STYLE rule 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The inner request is malformed.
    BadRequest,
    /// The inner request is not `POST /v1/caption`.
    NotFound,
    /// The `date` field is more than the allowed skew from the enclave clock.
    StaleDate,
    /// The image is not PNG, JPEG or WebP.
    UnsupportedMediaType,
    /// The image exceeds a byte, dimension or pixel limit.
    ImageTooLarge,
    /// The image could not be decoded.
    ImageUndecodable,
    /// The enclave is at its queue limit; retry later.
    Busy,
    /// An internal failure; details stay inside the enclave.
    Internal,
}

impl ErrorCode {
    /// The HTTP status that goes with this code.
    pub fn status(self) -> u16 {
        match self {
            Self::BadRequest | Self::StaleDate => 400,
            Self::NotFound => 404,
            Self::ImageTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::ImageUndecodable => 422,
            Self::Busy => 503,
            Self::Internal => 500,
        }
    }

    /// The stable string form (as in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::NotFound => "not_found",
            Self::StaleDate => "stale_date",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::ImageTooLarge => "image_too_large",
            Self::ImageUndecodable => "image_undecodable",
            Self::Busy => "busy",
            Self::Internal => "internal",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The body of an error response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    /// The fixed code.
    pub error: ErrorCode,
}

/// Why a gateway refused an encapsulated request *before* it could seal an answer: these travel
/// in the clear (through the untrusted host), so they say nothing about content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RejectCode {
    /// No replica holds the key id: the client must fetch fresh evidence and re-attest.
    UnknownKeyId,
    /// The request header or framing is malformed, or the suite is not offered.
    MalformedRequest,
    /// The request did not decrypt with the key it names.
    DecryptFailed,
    /// The same encapsulated key was seen within the replay window.
    Replayed,
    /// The request exceeds a size limit.
    TooLarge,
    /// The replica is at its queue limit; retry later.
    Busy,
    /// An internal failure.
    Internal,
    /// The host: no or unknown API key.
    Unauthorized,
    /// The host: the tenant's rate limit is exhausted.
    RateLimited,
    /// The host: the body is not of the media type the endpoint takes.
    WrongMediaType,
    /// The host: no enclave replica could answer.
    Unavailable,
}

impl RejectCode {
    /// The HTTP status that goes with this code.
    pub fn status(self) -> u16 {
        match self {
            Self::UnknownKeyId => 421,
            Self::MalformedRequest | Self::DecryptFailed => 400,
            Self::Replayed => 409,
            Self::TooLarge => 413,
            Self::Busy => 503,
            Self::Internal => 500,
            Self::Unauthorized => 401,
            Self::RateLimited => 429,
            Self::WrongMediaType => 415,
            Self::Unavailable => 502,
        }
    }

    /// The stable string form (as in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unauthorized => "unauthorized",
            Self::RateLimited => "rate_limited",
            Self::WrongMediaType => "wrong_media_type",
            Self::Unavailable => "unavailable",
            Self::UnknownKeyId => "unknown_key_id",
            Self::MalformedRequest => "malformed_request",
            Self::DecryptFailed => "decrypt_failed",
            Self::Replayed => "replayed",
            Self::TooLarge => "too_large",
            Self::Busy => "busy",
            Self::Internal => "internal",
        }
    }
}

impl fmt::Display for RejectCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The JSON body that goes with a [`RejectCode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectBody {
    /// The fixed code.
    pub error: RejectCode,
}

/// Media type of an encapsulated request (RFC 9458 §9.2).
pub const OHTTP_REQUEST_MEDIA_TYPE: &str = "message/ohttp-req";
/// Media type of an encapsulated response (RFC 9458 §9.3).
pub const OHTTP_RESPONSE_MEDIA_TYPE: &str = "message/ohttp-res";
/// Media type of a key-configuration list (RFC 9458 §9.1).
pub const OHTTP_KEYS_MEDIA_TYPE: &str = "application/ohttp-keys";

/// Path on an enclave replica that takes `message/ohttp-req` (host → enclave, loopback/vsock).
pub const ENCLAVE_OHTTP_PATH: &str = "/ohttp";
/// Path on an enclave replica that serves its evidence bundle (`GET`), or fresh evidence for
/// a [`crate::evidence::FreshEvidenceRequest`] (`POST`).
pub const ENCLAVE_EVIDENCE_PATH: &str = "/evidence";
