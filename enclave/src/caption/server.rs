//! A vision-language model server inside the same CVM (vLLM, llama.cpp, ...), called through
//! the OpenAI-compatible chat-completions API.
//!
//! One `POST /v1/chat/completions` per image:
//!
//! ```text
//! { "model": NAME, "max_tokens": N, "temperature": 0, "stream": false,
//!   "messages": [{ "role": "user", "content": [
//!       { "type": "text", "text": PROMPT },
//!       { "type": "image_url", "image_url": { "url": "data:image/png;base64,..." } } ] }] }
//! ```
//!
//! The image is the decoded RGB re-encoded as PNG (no metadata). The answer's
//! `choices[0].message.content` is the raw caption. The whole exchange (connect, send,
//! response) has one timeout, and the response body is capped.
//!
//! Only local servers are accepted, checked at start-up without resolving anything: a literal
//! `127.0.0.0/8` or `::1` address, the name `localhost` (connected as `127.0.0.1`), or a
//! `vsock://CID:PORT` address (parsed, but refused by this build until the vsock transport
//! lands). Plain HTTP is used: the traffic never leaves the CVM.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use base64::Engine as _;
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use obscura_protocol::api::{Digest32, MediaType, ModelDigest};
use obscura_protocol::limits::MAX_CLAIM_STRING_BYTES;
use obscura_protocol::secret::SecretText;
use zeroize::Zeroizing;

use super::{CaptionBackend, CaptionError, CaptionInput, Captioner, CaptionerIdentity, UNPINNED};
use crate::Error;
use crate::pipeline::encode;

/// The instruction sent with every image.
pub const PROMPT: &str = "Describe this image in one factual sentence. Mention visible text \
     and markers only as they appear. Do not guess names, ages or diagnoses.";

/// The request path.
pub const PATH: &str = "/v1/chat/completions";

/// Default timeout of one exchange.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default `max_tokens`.
pub const DEFAULT_MAX_TOKENS: u32 = 96;
/// Default response-body cap.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024;

/// Where the server listens, as accepted at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerAddress {
    /// A loopback TCP address.
    Loopback(SocketAddr),
    /// A vsock address (context id, port).
    Vsock {
        /// Context id.
        cid: u32,
        /// Port.
        port: u32,
    },
}

impl ServerAddress {
    /// Parses `http://HOST[:PORT][/ or /v1[/]]` or `vsock://CID:PORT`. HOST must be a literal
    /// loopback address (`127.0.0.0/8`, `[::1]`) or `localhost`; nothing is resolved.
    pub fn parse(url: &str) -> Result<Self, CaptionError> {
        let bad = |reason| CaptionError::ServerUrl { reason };
        if let Some(rest) = url.strip_prefix("vsock://") {
            let (cid, port) = rest.split_once(':').ok_or(bad("vsock needs CID:PORT"))?;
            let port = port.strip_suffix('/').unwrap_or(port);
            return Ok(Self::Vsock {
                cid: cid.parse().map_err(|_| bad("vsock CID is not a number"))?,
                port: port
                    .parse()
                    .map_err(|_| bad("vsock port is not a number"))?,
            });
        }
        let rest = url
            .strip_prefix("http://")
            .ok_or(bad("scheme must be http:// or vsock://"))?;
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if !matches!(path, "" | "/" | "/v1" | "/v1/") {
            return Err(bad("path must be empty or /v1"));
        }
        if authority.contains('@') {
            return Err(bad("credentials are not accepted"));
        }
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let (host, after) = v6.split_once(']').ok_or(bad("unclosed IPv6 bracket"))?;
            (host, after)
        } else {
            let (host, after) = authority.split_at(authority.find(':').unwrap_or(authority.len()));
            (host, after)
        };
        let port = match port {
            "" => 80,
            p => p
                .strip_prefix(':')
                .ok_or(bad("junk after host"))?
                .parse::<u16>()
                .map_err(|_| bad("port is not a number"))?,
        };
        let ip = if host.eq_ignore_ascii_case("localhost") {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        } else {
            host.parse::<IpAddr>()
                .map_err(|_| CaptionError::ServerNotLocal)?
        };
        if !ip.is_loopback() {
            return Err(CaptionError::ServerNotLocal);
        }
        Ok(Self::Loopback(SocketAddr::new(ip, port)))
    }
}

/// Configuration of the server backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    /// The server's base URL (see [`ServerAddress::parse`]).
    pub url: String,
    /// The model name sent in each request (and claimed).
    pub model: String,
    /// SHA-256 of the server's model image, if the operator pins one (claimed).
    pub image_digest: Option<Digest32>,
    /// Timeout of one exchange.
    pub timeout: Duration,
    /// `max_tokens` of each request.
    pub max_tokens: u32,
    /// Response-body cap.
    pub max_response_bytes: usize,
}

impl ServerConfig {
    /// A configuration with the default limits.
    pub fn new(url: impl Into<String>, model: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            model: model.into(),
            image_digest: None,
            timeout: DEFAULT_TIMEOUT,
            max_tokens: DEFAULT_MAX_TOKENS,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

/// The server backend.
#[derive(Debug, Clone)]
pub struct VlmServerCaptioner {
    addr: SocketAddr,
    config: ServerConfig,
}

/// Prefix of the claim name; the model name follows.
const CLAIM_PREFIX: &str = "caption/vlm-server/";

impl VlmServerCaptioner {
    /// Checks the configuration (local address, model name length); contacts nothing.
    pub fn new(config: ServerConfig) -> Result<Self, CaptionError> {
        let addr = match ServerAddress::parse(&config.url)? {
            ServerAddress::Loopback(addr) => addr,
            ServerAddress::Vsock { .. } => return Err(CaptionError::VsockUnsupported),
        };
        let max = MAX_CLAIM_STRING_BYTES - CLAIM_PREFIX.len();
        if config.model.is_empty() || config.model.len() > max {
            return Err(CaptionError::ServerModelName { max });
        }
        Ok(Self { addr, config })
    }

    /// The address requests go to.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The request body for `png` (holds the image, so zeroized).
    fn request_body(&self, png: &[u8]) -> Result<Zeroizing<Vec<u8>>, CaptionError> {
        let mut url = Zeroizing::new(String::from("data:image/png;base64,"));
        base64::engine::general_purpose::STANDARD.encode_string(png, &mut url);
        let body = serde_json::json!({
            "model": self.config.model,
            "max_tokens": self.config.max_tokens,
            "temperature": 0,
            "stream": false,
            "messages": [{
                "role": "user",
                "content": [
                    { "type": "text", "text": PROMPT },
                    { "type": "image_url", "image_url": { "url": url.as_str() } },
                ],
            }],
        });
        serde_json::to_vec(&body)
            .map(Zeroizing::new)
            .map_err(|_| CaptionError::ServerHttp)
    }

    async fn exchange(&self, body: Zeroizing<Vec<u8>>) -> Result<Zeroizing<Vec<u8>>, CaptionError> {
        let stream = tokio::net::TcpStream::connect(self.addr)
            .await
            .map_err(|e| CaptionError::ServerIo(e.kind()))?;
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|_| CaptionError::ServerHttp)?;
        let driver = tokio::spawn(connection);
        let request = hyper::Request::post(PATH)
            .header(hyper::header::HOST, self.addr.to_string())
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .header(hyper::header::ACCEPT, "application/json")
            .body(Full::new(Bytes::copy_from_slice(&body)))
            .map_err(|_| CaptionError::ServerHttp)?;
        drop(body);
        let response = sender
            .send_request(request)
            .await
            .map_err(|_| CaptionError::ServerHttp)?;
        let status = response.status().as_u16();
        if status != 200 {
            driver.abort();
            return Err(CaptionError::ServerStatus(status));
        }
        let max = self.config.max_response_bytes;
        let collected = Limited::new(response.into_body(), max).collect().await;
        driver.abort();
        match collected {
            Ok(body) => Ok(Zeroizing::new(body.to_bytes().to_vec())),
            Err(e) if e.is::<http_body_util::LengthLimitError>() => {
                Err(CaptionError::ServerResponseTooLarge { max })
            }
            Err(_) => Err(CaptionError::ServerHttp),
        }
    }
}

/// `choices[0].message.content` of a chat-completions response.
fn content(body: &[u8]) -> Result<SecretText, CaptionError> {
    let malformed = |reason| CaptionError::ServerResponseMalformed { reason };
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| malformed("not JSON"))?;
    let text = value
        .get("choices")
        .and_then(|c| c.get(0))
        .and_then(|c| c.get("message"))
        .and_then(|m| m.get("content"))
        .ok_or(malformed("no choices[0].message.content"))?
        .as_str()
        .ok_or(malformed("content is not a string"))?;
    Ok(SecretText::new(text.trim().to_owned()))
}

impl Captioner for VlmServerCaptioner {
    fn caption(&self, input: &CaptionInput<'_>) -> Result<SecretText, Error> {
        let png = encode::encode(input.pixels, MediaType::Png)?;
        let body = self.request_body(png.expose())?;
        drop(png);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| CaptionError::ServerIo(e.kind()))?;
        let timeout = self.config.timeout;
        let response = runtime
            .block_on(async { tokio::time::timeout(timeout, self.exchange(body)).await })
            .map_err(|_| CaptionError::ServerTimeout(timeout))??;
        Ok(content(&response)?)
    }

    fn identity(&self) -> CaptionerIdentity {
        CaptionerIdentity {
            backend: CaptionBackend::VlmServer,
            models: vec![ModelDigest {
                name: format!("{CLAIM_PREFIX}{}", self.config.model),
                sha256: self.config.image_digest.unwrap_or(UNPINNED),
            }],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_addresses_parse() {
        let ok = |url: &str, addr: &str| {
            assert_eq!(
                ServerAddress::parse(url),
                Ok(ServerAddress::Loopback(addr.parse().unwrap())),
                "{url}"
            );
        };
        ok("http://127.0.0.1:8000", "127.0.0.1:8000");
        ok("http://127.3.4.5:8000/", "127.3.4.5:8000");
        ok("http://localhost:8080/v1", "127.0.0.1:8080");
        ok("http://LOCALHOST/v1/", "127.0.0.1:80");
        ok("http://[::1]:9000", "[::1]:9000");
        assert_eq!(
            ServerAddress::parse("vsock://3:8000"),
            Ok(ServerAddress::Vsock { cid: 3, port: 8000 })
        );
        for url in [
            "http://10.0.0.1:8000",
            "http://192.168.1.2",
            "http://0.0.0.0:8000",
            "http://example.com:8000",
            "http://localhost.example.com",
            "http://[::2]:80",
            "http://[::ffff:8.8.8.8]:80",
        ] {
            assert_eq!(
                ServerAddress::parse(url),
                Err(CaptionError::ServerNotLocal),
                "{url}"
            );
        }
        for (url, reason) in [
            ("https://127.0.0.1", "scheme must be http:// or vsock://"),
            ("127.0.0.1:80", "scheme must be http:// or vsock://"),
            ("http://127.0.0.1:80/api", "path must be empty or /v1"),
            ("http://user@127.0.0.1", "credentials are not accepted"),
            ("http://127.0.0.1:x", "port is not a number"),
            ("http://127.0.0.1:99999", "port is not a number"),
            ("http://[::1", "unclosed IPv6 bracket"),
            ("http://[::1]x", "junk after host"),
            ("vsock://3", "vsock needs CID:PORT"),
            ("vsock://x:1", "vsock CID is not a number"),
        ] {
            assert_eq!(
                ServerAddress::parse(url),
                Err(CaptionError::ServerUrl { reason }),
                "{url}"
            );
        }
    }

    #[test]
    fn start_up_refuses_vsock_and_bad_names() {
        let vsock = ServerConfig::new("vsock://3:8000", "m");
        assert_eq!(
            VlmServerCaptioner::new(vsock).map(|c| c.addr()),
            Err(CaptionError::VsockUnsupported)
        );
        let max = MAX_CLAIM_STRING_BYTES - CLAIM_PREFIX.len();
        for name in [String::new(), "m".repeat(max + 1)] {
            let c = ServerConfig::new("http://127.0.0.1:1", name);
            assert_eq!(
                VlmServerCaptioner::new(c).map(|c| c.addr()),
                Err(CaptionError::ServerModelName { max })
            );
        }
    }

    #[test]
    fn content_is_extracted_or_typed_error() {
        let ok = br#"{"choices":[{"message":{"role":"assistant","content":"  A dog. "}}]}"#;
        assert_eq!(content(ok).unwrap().expose(), "A dog.");
        for (body, reason) in [
            (&b"{"[..], "not JSON"),
            (br#"{"choices":[]}"#, "no choices[0].message.content"),
            (
                br#"{"choices":[{"message":{"content":3}}]}"#,
                "content is not a string",
            ),
        ] {
            assert_eq!(
                content(body),
                Err(CaptionError::ServerResponseMalformed { reason })
            );
        }
    }
}
