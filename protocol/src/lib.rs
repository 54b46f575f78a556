//! Obscura's wire formats, defined once and shared by the enclave, the host and the SDK.
//!
//! No I/O and no async runtime: every function here takes bytes and returns bytes or typed
//! values. Modules follow the data flow of one request:
//!
//! - [`keys`]: key ids, HPKE suites, the gateway's key pairs and the `application/ohttp-keys`
//!   list clients encrypt to;
//! - [`evidence`] and [`binding`]: the evidence bundle a replica publishes and the
//!   `report_data` that ties its keys and workload claims to the SEV-SNP report;
//! - [`message`] and [`api`]: the inner `POST /v1/caption` request and its response, as
//!   Binary HTTP (RFC 9292, through `bhttp`) with JSON bodies;
//! - [`oblivious`]: Oblivious HTTP encapsulation (RFC 9458, through `ohttp` with its pure-Rust
//!   HPKE back end);
//! - [`codec`], [`limits`], [`secret`] and [`Error`]: the checked reader, every size cap,
//!   plaintext containers and the one error type.
//!
//! # Example: one request, both ends
//!
//! ```
//! use std::time::SystemTime;
//! use obscura_protocol::{api::*, keys::*, message::*, oblivious::seal_request, secret::SecretBytes};
//!
//! # fn main() -> Result<(), obscura_protocol::Error> {
//! // Enclave: a fresh X-Wing key, published as a key-config list.
//! let key = GatewayKey::generate(KeyId(1), Kem::XWing)?;
//! let list = KeyConfigList::from_keys([&key])?;
//!
//! // Client: pick the best suite and encapsulate a caption request.
//! let (config, suite) = list.select()?;
//! assert_eq!(suite, Suite::XWING_AES256GCM);
//! let request = CaptionRequest {
//!     options: CaptionOptions::default(),
//!     media_type: Some(MediaType::Png),
//!     date: SystemTime::now(),
//!     image: SecretBytes::new(b"\x89PNG\r\n\x1a\n...".to_vec()),
//! };
//! let (ohttp_req, opener) = seal_request(config, suite, &request.encode()?)?;
//!
//! // Enclave: decapsulate, decode, answer.
//! let (bhttp_req, sealer) = key.open_request(&ohttp_req)?;
//! let received = CaptionRequest::decode(&bhttp_req)?;
//! assert_eq!(received.image, request.image);
//! let ohttp_res = sealer.seal(&CaptionOutcome::Err(ErrorCode::ImageUndecodable).encode()?)?;
//!
//! // Client: open the response.
//! let outcome = CaptionOutcome::decode(&opener.open(&ohttp_res)?)?;
//! assert_eq!(outcome, CaptionOutcome::Err(ErrorCode::ImageUndecodable));
//! # Ok(())
//! # }
//! ```

#![forbid(unsafe_code)]

pub mod api;
pub mod binding;
pub mod codec;
mod error;
pub mod evidence;
pub mod keys;
pub mod limits;
pub mod message;
pub mod oblivious;
pub mod secret;
pub mod transport;

pub use error::{Error, Result};
