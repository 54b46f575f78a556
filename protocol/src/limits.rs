//! Every cap on input size, in one place.
//!
//! Parsers check a claimed length against the bytes actually present *and* against the cap
//! here before they allocate (STYLE rule 9). Caps are deliberately generous for legitimate
//! clinical images and tight enough that a hostile peer cannot make any component allocate
//! more than a small multiple of [`MAX_REQUEST_BYTES`].

/// Largest encapsulated OHTTP request (`message/ohttp-req`) accepted, in bytes.
pub const MAX_REQUEST_BYTES: usize = 32 * 1024 * 1024;

/// Largest encapsulated OHTTP response (`message/ohttp-res`) a client accepts, in bytes.
///
/// The response JSON carries the redacted image in base64 (4/3 of [`MAX_IMAGE_BYTES`]) plus
/// text and regions, so it is allowed to be larger than a request.
pub const MAX_RESPONSE_BYTES: usize = 48 * 1024 * 1024;

/// Largest encoded image (JPEG, PNG, WebP) in a caption request, in bytes.
pub const MAX_IMAGE_BYTES: usize = 24 * 1024 * 1024;

/// Largest image width in pixels, read from the header before decoding.
pub const MAX_IMAGE_WIDTH: u32 = 16_384;

/// Largest image height in pixels, read from the header before decoding.
pub const MAX_IMAGE_HEIGHT: u32 = 16_384;

/// Largest total number of pixels (width × height), read from the header before decoding.
pub const MAX_PIXELS: u64 = 48_000_000;

/// Largest number of header (or trailer) fields in one BHTTP message.
pub const MAX_BHTTP_FIELDS: usize = 64;

/// Largest encoded size of one BHTTP field section (all names and values), in bytes.
pub const MAX_BHTTP_FIELD_SECTION_BYTES: usize = 16 * 1024;

/// Largest request control-data string (method, scheme, authority, path), in bytes.
pub const MAX_BHTTP_CONTROL_BYTES: usize = 2048;

/// Largest number of content chunks in an indeterminate-length BHTTP message.
pub const MAX_BHTTP_CHUNKS: usize = 4096;

/// Largest number of informational (1xx) responses before the final one.
pub const MAX_BHTTP_INFORMATIONAL: usize = 8;

/// Largest serialized caption options (the `obscura-options` field value), in bytes.
pub const MAX_OPTIONS_BYTES: usize = 2048;

/// Largest `application/ohttp-keys` body, in bytes.
pub const MAX_KEY_CONFIG_LIST_BYTES: usize = 16 * 1024;

/// Largest number of key configurations in one list.
pub const MAX_KEY_CONFIGS: usize = 16;

/// Largest number of symmetric suites (KDF, AEAD) in one key configuration.
pub const MAX_SYMMETRIC_SUITES: usize = 16;

/// Largest serialized evidence bundle (JSON), in bytes.
pub const MAX_EVIDENCE_BYTES: usize = 256 * 1024;

/// Largest number of enclave replicas in one attestation list.
pub const MAX_REPLICAS: usize = 64;

/// Largest attestation list (`GET /v1/attestation` body), in bytes.
pub const MAX_ATTESTATION_LIST_BYTES: usize = MAX_EVIDENCE_BYTES * MAX_REPLICAS;

/// Largest single DER certificate in an evidence bundle, in bytes.
pub const MAX_CERT_BYTES: usize = 16 * 1024;

/// Largest number of intermediate and root certificates in a chain.
pub const MAX_CHAIN_CERTS: usize = 4;

/// Largest DER certificate revocation list, in bytes.
pub const MAX_CRL_BYTES: usize = 128 * 1024;

/// Exact size of an SEV-SNP attestation report (SNP ABI spec 56860, Table 23).
pub const SNP_REPORT_LEN: usize = 1184;

/// Size of the `report_data` field an SEV-SNP report carries.
pub const REPORT_DATA_LEN: usize = 64;

/// Size of the client nonce bound into fresh evidence.
pub const NONCE_LEN: usize = 32;

/// Largest number of model entries in workload claims.
pub const MAX_CLAIM_MODELS: usize = 32;

/// Largest string in workload claims (names, versions), in bytes.
pub const MAX_CLAIM_STRING_BYTES: usize = 256;

/// Largest clock difference accepted between a request's `date` and the enclave, in seconds.
pub const MAX_CLOCK_SKEW_SECS: u64 = 60;

/// Most texts in one `/v1/sanitize` request.
pub const MAX_SANITIZE_TEXTS: usize = 1024;

/// Largest `/v1/sanitize` request body (the JSON list of texts).
pub const MAX_SANITIZE_BYTES: usize = 1024 * 1024;
