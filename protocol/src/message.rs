//! The inner messages, as Binary HTTP (RFC 9292) through the `bhttp` crate.
//!
//! Request: `POST /v1/caption` with the image as content, a `date` field (IMF-fixdate, checked
//! against the enclave clock for replay protection), an optional `content-type`, and the
//! request options as compact JSON in `obscura-options`. Response: `200` with the
//! [`CaptionResponse`] JSON, or the status of an [`ErrorCode`] with an [`ErrorBody`].
//!
//! `bhttp` keeps its own copy of the content inside `bhttp::Message`, which it frees without
//! zeroizing; the copies this module hands out are zeroizing. Inside the CVM that memory is
//! encrypted by SEV-SNP; the enclave binary is where a zeroize-on-free allocator belongs.
//!
//! Decoding first runs [`prescan`], a shape check written here because `bhttp` has no caps on
//! field counts or chunk counts: it walks the framing, checking every claimed length against
//! the input and [`crate::limits`], so `bhttp` then parses a message of bounded shape.

use std::io::Cursor;
use std::time::SystemTime;

use bhttp::{Message, Mode};
use zeroize::Zeroizing;

use crate::api::{
    CaptionOptions, CaptionResponse, ErrorBody, ErrorCode, MediaType, SanitizeResponse,
};
use crate::codec::{Reader, check_cap};
use crate::error::{Error, Result};
use crate::limits::{
    MAX_BHTTP_CHUNKS, MAX_BHTTP_CONTROL_BYTES, MAX_BHTTP_FIELD_SECTION_BYTES, MAX_BHTTP_FIELDS,
    MAX_BHTTP_INFORMATIONAL, MAX_IMAGE_BYTES, MAX_RESPONSE_BYTES, MAX_SANITIZE_BYTES,
    MAX_SANITIZE_TEXTS,
};
use crate::secret::{SecretBytes, SecretText};

/// The request path of the caption endpoint.
pub const CAPTION_PATH: &str = "/v1/caption";
/// The field carrying [`CaptionOptions`] as JSON.
pub const OPTIONS_FIELD: &str = "obscura-options";
/// The authority clients put in inner requests.
pub const INNER_AUTHORITY: &str = "obscura.enclave";

const WHAT: &str = "binary HTTP message";

/// A decrypted caption request. Holds the image plaintext: no `Serialize`, redacted `Debug`.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptionRequest {
    /// What to return.
    pub options: CaptionOptions,
    /// The type the client declared, if any (the enclave sniffs the bytes regardless).
    pub media_type: Option<MediaType>,
    /// The client's clock when it built the request (second precision).
    pub date: SystemTime,
    /// The encoded image.
    pub image: SecretBytes,
}

impl CaptionRequest {
    /// Encodes as a known-length BHTTP request (zeroized on drop).
    pub fn encode(&self) -> Result<Zeroizing<Vec<u8>>> {
        check_cap("image", self.image.len(), MAX_IMAGE_BYTES)?;
        let mut msg = inner_request(CAPTION_PATH, self.date);
        if let Some(mt) = self.media_type {
            msg.put_header("content-type", mt.as_str());
        }
        msg.put_header(OPTIONS_FIELD, self.options.to_field_value()?);
        msg.write_content(self.image.expose());
        let mut out = Zeroizing::new(Vec::with_capacity(self.image.len() + 256));
        msg.write_bhttp(Mode::KnownLength, &mut *out)
            .map_err(|e| Error::bhttp(&e))?;
        Ok(out)
    }

    /// Decodes a BHTTP request from hostile bytes (it must be `POST /v1/caption`).
    pub fn decode(bytes: &[u8]) -> Result<Self> {
        match InnerRequest::decode(bytes)? {
            InnerRequest::Caption(request) => Ok(request),
            InnerRequest::Sanitize(_) => Err(Error::UnexpectedRequest { what: "path" }),
        }
    }

    fn from_message(msg: &Message, date: SystemTime) -> Result<Self> {
        let fields = msg.header();
        let options = match fields.get(OPTIONS_FIELD.as_bytes()) {
            Some(v) => CaptionOptions::from_field_value(v)?,
            None => CaptionOptions::default(),
        };
        let media_type = match fields.get(b"content-type") {
            Some(v) => Some(MediaType::parse(v).ok_or(Error::Malformed {
                what: "content-type field",
                reason: "not an accepted image type",
            })?),
            None => None,
        };
        if msg.content().is_empty() {
            return Err(Error::Missing("image content"));
        }
        Ok(Self {
            options,
            media_type,
            date,
            image: SecretBytes::new(msg.content().to_vec()),
        })
    }
}

/// The request path of the sanitize endpoint.
pub const SANITIZE_PATH: &str = "/v1/sanitize";

/// A decrypted `POST /v1/sanitize` request: texts a backend already has (a caption, notes)
/// to sanitize together, as the JSON body `{"texts": ["...", ...]}`. Holds plaintext: no
/// `Serialize`, redacted `Debug`.
#[derive(Debug, Clone, PartialEq)]
pub struct SanitizeRequest {
    /// The client's clock when it built the request (second precision).
    pub date: SystemTime,
    /// The texts, in order (at most [`MAX_SANITIZE_TEXTS`], [`MAX_SANITIZE_BYTES`] of JSON).
    pub texts: Vec<SecretText>,
}

#[derive(serde::Serialize)]
struct SanitizeBodyOut<'a> {
    texts: Vec<&'a str>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SanitizeBodyIn {
    texts: Vec<String>,
}

impl SanitizeRequest {
    /// Encodes as a known-length BHTTP request (zeroized on drop).
    pub fn encode(&self) -> Result<Zeroizing<Vec<u8>>> {
        check_cap("texts", self.texts.len(), MAX_SANITIZE_TEXTS)?;
        let body = SanitizeBodyOut {
            texts: self.texts.iter().map(SecretText::expose).collect(),
        };
        let json = Zeroizing::new(
            serde_json::to_vec(&body).map_err(|e| Error::json("sanitize request", &e))?,
        );
        check_cap("sanitize request", json.len(), MAX_SANITIZE_BYTES)?;
        let mut msg = inner_request(SANITIZE_PATH, self.date);
        msg.put_header("content-type", "application/json");
        msg.write_content(&*json);
        let mut out = Zeroizing::new(Vec::with_capacity(json.len() + 128));
        msg.write_bhttp(Mode::KnownLength, &mut *out)
            .map_err(|e| Error::bhttp(&e))?;
        Ok(out)
    }

    fn from_message(msg: &Message, date: SystemTime) -> Result<Self> {
        let content = msg.content();
        check_cap("sanitize request", content.len(), MAX_SANITIZE_BYTES)?;
        // serde_json's scratch buffers for escaped strings are freed without zeroizing (as
        // bhttp's copy is, see the module doc); the strings it returns move into SecretText.
        let body: SanitizeBodyIn =
            serde_json::from_slice(content).map_err(|e| Error::json("sanitize request", &e))?;
        check_cap("texts", body.texts.len(), MAX_SANITIZE_TEXTS)?;
        Ok(Self {
            date,
            texts: body.texts.into_iter().map(SecretText::new).collect(),
        })
    }
}

/// Any decrypted inner request, by path.
#[derive(Debug, Clone, PartialEq)]
pub enum InnerRequest {
    /// `POST /v1/caption`.
    Caption(CaptionRequest),
    /// `POST /v1/sanitize`.
    Sanitize(SanitizeRequest),
}

impl InnerRequest {
    /// Decodes a BHTTP request from hostile bytes: method, path, `date`, then the body of
    /// that endpoint.
    pub fn decode(bytes: &[u8]) -> Result<Self> {
        let msg = decode_bhttp(bytes, Kind::Request, MAX_IMAGE_BYTES)?;
        let control = msg.control();
        if control.method() != Some(b"POST".as_slice()) {
            return Err(Error::UnexpectedRequest { what: "method" });
        }
        let path = control.path();
        let is_caption = path == Some(CAPTION_PATH.as_bytes());
        if !is_caption && path != Some(SANITIZE_PATH.as_bytes()) {
            return Err(Error::UnexpectedRequest { what: "path" });
        }
        let date = msg
            .header()
            .get(b"date")
            .ok_or(Error::Missing("date field"))?;
        let date = std::str::from_utf8(date)
            .ok()
            .and_then(|d| httpdate::parse_http_date(d).ok())
            .ok_or(Error::InvalidDate)?;
        if is_caption {
            CaptionRequest::from_message(&msg, date).map(Self::Caption)
        } else {
            SanitizeRequest::from_message(&msg, date).map(Self::Sanitize)
        }
    }

    /// The client's `date`.
    pub fn date(&self) -> SystemTime {
        match self {
            Self::Caption(r) => r.date,
            Self::Sanitize(r) => r.date,
        }
    }
}

fn inner_request(path: &str, date: SystemTime) -> Message {
    let mut msg = Message::request(
        b"POST".to_vec(),
        b"https".to_vec(),
        INNER_AUTHORITY.as_bytes().to_vec(),
        path.as_bytes().to_vec(),
    );
    msg.put_header("date", httpdate::fmt_http_date(date));
    msg
}

/// Encodes a `200` JSON response, or an error status with its [`ErrorBody`].
fn encode_outcome<T: serde::Serialize>(
    outcome: std::result::Result<&T, ErrorCode>,
    what: &'static str,
) -> Result<Zeroizing<Vec<u8>>> {
    let (status, body) = match outcome {
        Ok(resp) => (200, serde_json::to_vec(resp)),
        Err(code) => (
            code.status(),
            serde_json::to_vec(&ErrorBody { error: code }),
        ),
    };
    let body = Zeroizing::new(body.map_err(|e| Error::json(what, &e))?);
    let status = bhttp::StatusCode::try_from(status).map_err(|_| Error::Malformed {
        what: WHAT,
        reason: "invalid status code",
    })?;
    let mut msg = Message::response(status);
    msg.put_header("content-type", "application/json");
    msg.write_content(&*body);
    let mut out = Zeroizing::new(Vec::with_capacity(body.len() + 64));
    msg.write_bhttp(Mode::KnownLength, &mut *out)
        .map_err(|e| Error::bhttp(&e))?;
    Ok(out)
}

/// Decodes a response from hostile bytes: the `200` JSON body, or the fixed error code
/// (whose status must match).
fn decode_outcome<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    what: &'static str,
) -> Result<std::result::Result<T, ErrorCode>> {
    let msg = decode_bhttp(bytes, Kind::Response, MAX_RESPONSE_BYTES)?;
    let status = msg
        .control()
        .status()
        .ok_or(Error::Missing("status"))?
        .code();
    if status == 200 {
        let resp: T = serde_json::from_slice(msg.content()).map_err(|e| Error::json(what, &e))?;
        return Ok(Ok(resp));
    }
    let body: ErrorBody =
        serde_json::from_slice(msg.content()).map_err(|e| Error::json("error response", &e))?;
    if body.error.status() != status {
        return Err(Error::Malformed {
            what: "error response",
            reason: "status does not match error code",
        });
    }
    Ok(Err(body.error))
}

/// What the gateway answers a sanitize request: a result or a fixed error code.
#[derive(Debug, Clone, PartialEq)]
pub enum SanitizeOutcome {
    /// `200` with the redacted texts.
    Ok(Box<SanitizeResponse>),
    /// An error status with its fixed code.
    Err(ErrorCode),
}

impl SanitizeOutcome {
    /// Encodes as a known-length BHTTP response (zeroized on drop).
    pub fn encode(&self) -> Result<Zeroizing<Vec<u8>>> {
        match self {
            Self::Ok(resp) => encode_outcome(Ok(resp.as_ref()), "sanitize response"),
            Self::Err(code) => encode_outcome::<SanitizeResponse>(Err(*code), "sanitize response"),
        }
    }

    /// Decodes a BHTTP response from hostile bytes.
    pub fn decode(bytes: &[u8]) -> Result<Self> {
        Ok(match decode_outcome(bytes, "sanitize response")? {
            Ok(resp) => Self::Ok(Box::new(resp)),
            Err(code) => Self::Err(code),
        })
    }
}

/// What the gateway answers: a result or a fixed error code.
#[derive(Debug, Clone, PartialEq)]
pub enum CaptionOutcome {
    /// `200` with the redacted result.
    Ok(Box<CaptionResponse>),
    /// An error status with its fixed code.
    Err(ErrorCode),
}

impl CaptionOutcome {
    /// Encodes as a known-length BHTTP response (zeroized on drop).
    pub fn encode(&self) -> Result<Zeroizing<Vec<u8>>> {
        match self {
            Self::Ok(resp) => encode_outcome(Ok(resp.as_ref()), "caption response"),
            Self::Err(code) => encode_outcome::<CaptionResponse>(Err(*code), "caption response"),
        }
    }

    /// Decodes a BHTTP response from hostile bytes.
    pub fn decode(bytes: &[u8]) -> Result<Self> {
        Ok(match decode_outcome(bytes, "caption response")? {
            Ok(resp) => Self::Ok(Box::new(resp)),
            Err(code) => Self::Err(code),
        })
    }
}

/// Which kind of BHTTP message is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A request (framing indicator 0 or 2).
    Request,
    /// A response (framing indicator 1 or 3).
    Response,
}

/// Decodes any BHTTP message of `kind` from hostile bytes: [`prescan`] first, then `bhttp`,
/// then a check that only zero padding follows (RFC 9292 §3.8).
pub fn decode_bhttp(bytes: &[u8], kind: Kind, max_content: usize) -> Result<Message> {
    prescan(bytes, kind, max_content)?;
    let mut cursor = Cursor::new(bytes);
    let msg = Message::read_bhttp(&mut cursor).map_err(|e| Error::bhttp(&e))?;
    let used = usize::try_from(cursor.position()).map_err(|_| Error::Truncated { what: WHAT })?;
    let rest = bytes.get(used..).unwrap_or_default();
    if rest.iter().any(|b| *b != 0) {
        return Err(Error::TrailingBytes {
            what: WHAT,
            count: rest.len(),
        });
    }
    Ok(msg)
}

/// Walks the framing of a BHTTP message without allocating, enforcing the caps of
/// [`crate::limits`]. Sections may be cut off at their boundaries (RFC 9292 §3.8 truncation);
/// anything else incomplete is [`Error::Truncated`].
pub fn prescan(bytes: &[u8], kind: Kind, max_content: usize) -> Result<()> {
    let mut r = Reader::new(bytes, WHAT);
    let framing = r.varint()?;
    let (is_request, known) = match framing {
        0 => (true, true),
        1 => (false, true),
        2 => (true, false),
        3 => (false, false),
        _ => {
            return Err(Error::Malformed {
                what: WHAT,
                reason: "invalid framing indicator",
            });
        }
    };
    if is_request != (kind == Kind::Request) {
        return Err(Error::Malformed {
            what: WHAT,
            reason: "wrong message kind",
        });
    }
    if is_request {
        for _ in 0..4 {
            r.varint_bytes("request control data", MAX_BHTTP_CONTROL_BYTES)?;
        }
    } else {
        let mut informational = 0usize;
        loop {
            let status = r.varint()?;
            if !(100..200).contains(&status) {
                break;
            }
            informational += 1;
            check_cap(
                "informational responses",
                informational,
                MAX_BHTTP_INFORMATIONAL,
            )?;
            scan_fields(&mut r, known)?;
        }
    }
    // Header fields, content and trailer fields may each be absent at the end of the input.
    if r.is_empty() {
        return Ok(());
    }
    scan_fields(&mut r, known)?;
    if r.is_empty() {
        return Ok(());
    }
    if known {
        r.varint_bytes("content", max_content)?;
    } else {
        let mut total = 0usize;
        let mut chunks = 0usize;
        loop {
            let chunk = r.varint_bytes("content chunk", max_content)?;
            if chunk.is_empty() {
                break;
            }
            chunks += 1;
            total = total.saturating_add(chunk.len());
            check_cap("content chunks", chunks, MAX_BHTTP_CHUNKS)?;
            check_cap("content", total, max_content)?;
        }
    }
    if r.is_empty() {
        return Ok(());
    }
    scan_fields(&mut r, known)?;
    // What follows is padding, checked by the caller after `bhttp` has parsed.
    Ok(())
}

fn scan_fields(r: &mut Reader<'_>, known: bool) -> Result<()> {
    let mut count = 0usize;
    if known {
        let section = r.varint_bytes("field section", MAX_BHTTP_FIELD_SECTION_BYTES)?;
        let mut fr = Reader::new(section, "field section");
        while !fr.is_empty() {
            let name = fr.varint_bytes("field name", MAX_BHTTP_FIELD_SECTION_BYTES)?;
            if name.is_empty() {
                return Err(Error::Malformed {
                    what: "field section",
                    reason: "empty field name",
                });
            }
            fr.varint_bytes("field value", MAX_BHTTP_FIELD_SECTION_BYTES)?;
            count += 1;
            check_cap("fields", count, MAX_BHTTP_FIELDS)?;
        }
    } else {
        let mut total = 0usize;
        loop {
            let name = r.varint_bytes("field name", MAX_BHTTP_FIELD_SECTION_BYTES)?;
            if name.is_empty() {
                break;
            }
            let value = r.varint_bytes("field value", MAX_BHTTP_FIELD_SECTION_BYTES)?;
            count += 1;
            total = total.saturating_add(name.len() + value.len());
            check_cap("fields", count, MAX_BHTTP_FIELDS)?;
            check_cap("field section", total, MAX_BHTTP_FIELD_SECTION_BYTES)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;
    use crate::api::{Digest32, OutputFormat};

    fn request() -> CaptionRequest {
        CaptionRequest {
            options: CaptionOptions {
                format: OutputFormat::Png,
                fail_closed: true,
                ..CaptionOptions::default()
            },
            media_type: Some(MediaType::Jpeg),
            date: UNIX_EPOCH + Duration::from_secs(1_764_000_000),
            image: SecretBytes::new(vec![0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
        }
    }

    #[test]
    fn request_round_trips_with_the_fields_we_promise() {
        let bytes = request().encode().unwrap();
        let msg = decode_bhttp(&bytes, Kind::Request, MAX_IMAGE_BYTES).unwrap();
        assert_eq!(msg.control().method(), Some(b"POST".as_slice()));
        assert_eq!(msg.control().path(), Some(b"/v1/caption".as_slice()));
        assert_eq!(
            msg.header().get(b"date"),
            Some(b"Mon, 24 Nov 2025 16:00:00 GMT".as_slice())
        );
        assert_eq!(
            msg.header().get(b"content-type"),
            Some(b"image/jpeg".as_slice())
        );
        assert_eq!(CaptionRequest::decode(&bytes).unwrap(), request());
    }

    #[test]
    fn request_debug_hides_the_image() {
        let dbg = format!("{:?}", request());
        assert!(dbg.contains("image: <redacted 8 bytes>"), "{dbg}");
    }

    #[test]
    fn every_truncation_of_a_request_is_refused() {
        let bytes = request().encode().unwrap();
        for cut in 0..bytes.len() {
            match CaptionRequest::decode(&bytes[..cut]) {
                // Only the empty trailer section may be cut without losing anything.
                Ok(req) => assert_eq!((cut, req), (bytes.len() - 1, request())),
                // Cuts at other section boundaries are valid BHTTP (RFC 9292 §3.8) that lacks
                // the date field or the image; every other cut is truncation.
                Err(err) => assert!(
                    matches!(
                        err,
                        Error::Truncated { .. }
                            | Error::Missing("image content")
                            | Error::Missing("date field")
                    ),
                    "cut {cut}: {err:?}"
                ),
            }
        }
    }

    fn encode_with(method: &str, path: &str, fields: &[(&str, &[u8])]) -> Vec<u8> {
        let mut msg = Message::request(
            method.as_bytes().to_vec(),
            b"https".to_vec(),
            b"x".to_vec(),
            path.as_bytes().to_vec(),
        );
        for (n, v) in fields {
            msg.put_header(*n, *v);
        }
        msg.write_content(b"\x89PNG");
        let mut out = Vec::new();
        msg.write_bhttp(Mode::KnownLength, &mut out).unwrap();
        out
    }

    #[test]
    fn wrong_requests_get_their_own_errors() {
        let date: &[u8] = b"Mon, 24 Nov 2025 16:00:00 GMT";
        let cases: [(Vec<u8>, Error); 6] = [
            (
                encode_with("GET", CAPTION_PATH, &[("date", date)]),
                Error::UnexpectedRequest { what: "method" },
            ),
            (
                encode_with("POST", "/v1/other", &[("date", date)]),
                Error::UnexpectedRequest { what: "path" },
            ),
            (
                encode_with("POST", CAPTION_PATH, &[]),
                Error::Missing("date field"),
            ),
            (
                encode_with("POST", CAPTION_PATH, &[("date", b"yesterday")]),
                Error::InvalidDate,
            ),
            (
                encode_with(
                    "POST",
                    CAPTION_PATH,
                    &[("date", date), ("content-type", b"text/html")],
                ),
                Error::Malformed {
                    what: "content-type field",
                    reason: "not an accepted image type",
                },
            ),
            (
                encode_with(
                    "POST",
                    CAPTION_PATH,
                    &[("date", date), (OPTIONS_FIELD, br#"{"image":"PATIENT"}"#)],
                ),
                Error::Json {
                    what: "caption options",
                    line: 1,
                    column: 18,
                },
            ),
        ];
        for (bytes, expected) in cases {
            assert_eq!(CaptionRequest::decode(&bytes).unwrap_err(), expected);
        }
    }

    #[test]
    fn json_errors_never_quote_input() {
        let date: &[u8] = b"Mon, 24 Nov 2025 16:00:00 GMT";
        let bytes = encode_with(
            "POST",
            CAPTION_PATH,
            &[("date", date), (OPTIONS_FIELD, br#"{"JOHN_SMITH":1}"#)],
        );
        let err = CaptionRequest::decode(&bytes).unwrap_err();
        assert!(!err.to_string().contains("JOHN"), "{err}");
    }

    #[test]
    fn outcomes_round_trip() {
        let ok = CaptionOutcome::Ok(Box::new(CaptionResponse {
            caption: None,
            caption_withheld: None,
            ocr: vec![],
            regions: vec![],
            entities: Default::default(),
            models: vec![],
            policy_digest: Digest32([9; 32]),
            image: None,
        }));
        for outcome in [ok, CaptionOutcome::Err(ErrorCode::Busy)] {
            let bytes = outcome.encode().unwrap();
            assert_eq!(CaptionOutcome::decode(&bytes).unwrap(), outcome);
        }
    }

    #[test]
    fn error_status_must_match_code() {
        let mut msg = Message::response(bhttp::StatusCode::try_from(500u16).unwrap());
        msg.write_content(br#"{"error":"busy"}"#);
        let mut bytes = Vec::new();
        msg.write_bhttp(Mode::KnownLength, &mut bytes).unwrap();
        assert_eq!(
            CaptionOutcome::decode(&bytes).unwrap_err(),
            Error::Malformed {
                what: "error response",
                reason: "status does not match error code"
            }
        );
    }

    fn sanitize_request(texts: &[&str]) -> SanitizeRequest {
        SanitizeRequest {
            date: UNIX_EPOCH + Duration::from_secs(1_764_000_000),
            texts: texts
                .iter()
                .map(|t| SecretText::new((*t).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn sanitize_request_round_trips_and_is_told_apart_by_path() {
        let req = sanitize_request(&["Seen by Dr. JOHN SMITH", "", "MRN 123 \"quoted\" é"]);
        let bytes = req.encode().unwrap();
        let msg = decode_bhttp(&bytes, Kind::Request, MAX_IMAGE_BYTES).unwrap();
        assert_eq!(msg.control().path(), Some(b"/v1/sanitize".as_slice()));
        assert_eq!(
            msg.header().get(b"content-type"),
            Some(b"application/json".as_slice())
        );
        assert_eq!(
            InnerRequest::decode(&bytes).unwrap(),
            InnerRequest::Sanitize(req.clone())
        );
        assert_eq!(InnerRequest::decode(&bytes).unwrap().date(), req.date);
        // The caption decoder refuses the other endpoint.
        assert_eq!(
            CaptionRequest::decode(&bytes).unwrap_err(),
            Error::UnexpectedRequest { what: "path" }
        );
        assert_eq!(
            InnerRequest::decode(&request().encode().unwrap()).unwrap(),
            InnerRequest::Caption(request())
        );
        assert!(!format!("{req:?}").contains("JOHN"));
    }

    #[test]
    fn hostile_sanitize_bodies_get_typed_errors() {
        let with_body = |body: &[u8]| {
            let date = UNIX_EPOCH + Duration::from_secs(1_764_000_000);
            let mut msg = inner_request(SANITIZE_PATH, date);
            msg.write_content(body);
            let mut out = Vec::new();
            msg.write_bhttp(Mode::KnownLength, &mut out).unwrap();
            InnerRequest::decode(&out)
        };
        for body in [
            &br#"{"texts": "JOHN SMITH"}"#[..],
            br#"{"texts": ["a"], "extra": 1}"#,
            br#"["JOHN SMITH"]"#,
            b"",
            br#"{"texts": ["JOHN SMITH""#,
        ] {
            let err = with_body(body).unwrap_err();
            assert!(matches!(err, Error::Json { .. }), "{err:?}");
            assert!(!err.to_string().contains("JOHN"), "{err}");
        }
        let many = format!(
            r#"{{"texts": [{}]}}"#,
            vec![r#""x""#; MAX_SANITIZE_TEXTS + 1].join(",")
        );
        assert!(matches!(
            with_body(many.as_bytes()).unwrap_err(),
            Error::TooLarge { what: "texts", .. }
        ));
        let big = format!(r#"{{"texts": ["{}"]}}"#, "a".repeat(MAX_SANITIZE_BYTES));
        assert!(matches!(
            with_body(big.as_bytes()).unwrap_err(),
            Error::TooLarge { .. }
        ));
        let too_many = sanitize_request(&vec!["x"; MAX_SANITIZE_TEXTS + 1]);
        assert!(matches!(
            too_many.encode().unwrap_err(),
            Error::TooLarge { what: "texts", .. }
        ));
    }

    #[test]
    fn sanitize_outcomes_round_trip() {
        let ok = SanitizeOutcome::Ok(Box::new(SanitizeResponse {
            texts: vec![crate::api::RedactedText::new("Seen by PERSON_1".to_owned())],
            entities: vec![vec![crate::api::TextEntity {
                start: 8,
                end: 22,
                kind: crate::api::EntityKind::Person,
                label: Some("PERSON_1".to_owned()),
            }]],
            counts: [(crate::api::EntityKind::Person, 1)].into_iter().collect(),
        }));
        for outcome in [ok, SanitizeOutcome::Err(ErrorCode::Busy)] {
            let bytes = outcome.encode().unwrap();
            assert_eq!(SanitizeOutcome::decode(&bytes).unwrap(), outcome);
        }
    }
}
