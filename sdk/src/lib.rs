//! Obscura client library: send an image to an attested enclave and get redacted results.
//!
//! ```no_run
//! use obscura_sdk::{CaptionOptions, Client, Policy};
//! # async fn run(measurement: obscura_attestation::report::Measurement) -> Result<(), obscura_sdk::Error> {
//! let client = Client::builder()
//!     .endpoint("https://obscura.example")
//!     .api_key(std::env::var("OBSCURA_API_KEY").unwrap_or_default())
//!     .policy(Policy::strict([measurement]))
//!     .build()?;
//! let image = std::fs::read("xray.png").unwrap_or_default();
//! let result = client.caption(image, CaptionOptions::default()).await?;
//! println!("{:?} faces, caption {:?}", result.regions.len(), result.caption);
//! # Ok(()) }
//! ```
//!
//! [`Client::caption`] verifies the host's evidence for every enclave replica (AMD signature
//! chain, CRL, TCB, measurement, and the binding of the enclave's OHTTP keys) before it
//! encrypts anything, caches what verified until it expires, seals the image with Oblivious
//! HTTP to a verified key only, and re-attests when the enclave has rotated its keys.
//!
//! The lower-level half is public too: [`seal_caption`] encapsulates a caption request to the
//! best suite of a key-configuration list, and [`PendingCaption::finish`] opens the answer.
//!
//! ```
//! # use std::time::SystemTime;
//! # use obscura_protocol::{api::*, keys::*, message::*, secret::SecretBytes};
//! # let key = GatewayKey::generate(KeyId(1), Kem::XWing)?;
//! # let list = KeyConfigList::from_keys([&key])?;
//! let request = CaptionRequest {
//!     options: CaptionOptions::default(),
//!     media_type: None,
//!     date: SystemTime::now(),
//!     image: SecretBytes::new(vec![0xff, 0xd8, 0xff, 0xe0]),
//! };
//! let (ohttp_request, pending) = obscura_sdk::seal_caption(&list, &request)?;
//! # let (_, sealer) = key.open_request(&ohttp_request)?;
//! # let ohttp_response = sealer.seal(&CaptionOutcome::Err(ErrorCode::Busy).encode()?)?;
//! // ... POST `ohttp_request` as message/ohttp-req, read the message/ohttp-res body ...
//! let outcome = pending.finish(&ohttp_response)?;
//! assert_eq!(outcome, CaptionOutcome::Err(ErrorCode::Busy));
//! # Ok::<(), obscura_sdk::Error>(())
//! ```

#![forbid(unsafe_code)]

mod client;

pub use client::{Client, ClientBuilder, REATTEST_LIMIT};
pub use obscura_attestation::verify::Policy;
pub use obscura_protocol::api::{CaptionOptions, CaptionResponse};

use obscura_protocol::keys::{KeyConfigList, Suite};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use obscura_protocol::oblivious::{ResponseOpener, seal_request};

/// Errors of the client library.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Encoding, encryption or decoding failed.
    #[error(transparent)]
    Protocol(#[from] obscura_protocol::Error),
    /// Evidence did not verify against the policy (the first replica's reason).
    #[error("attestation: {0}")]
    Attestation(#[from] obscura_attestation::Error),
    /// No replica's evidence verified.
    #[error("no enclave replica passed attestation")]
    NoVerifiedReplica,
    /// The host or enclave refused the request before processing it.
    #[error("refused: {0}")]
    Rejected(obscura_protocol::api::RejectCode),
    /// The enclave processed the request and answered with this fixed error.
    #[error("enclave error: {0}")]
    Service(obscura_protocol::api::ErrorCode),
    /// An HTTP status without a recognisable body.
    #[error("unexpected HTTP status {0}")]
    HttpStatus(u16),
    /// Connecting or talking to the host failed.
    #[error("transport failure talking to the host")]
    Transport,
    /// A response exceeded its size limit.
    #[error("response too large")]
    ResponseTooLarge,
    /// The client is misconfigured.
    #[error("configuration: {0}")]
    Config(&'static str),
    /// A lock was poisoned by a panic in another thread.
    #[error("internal state poisoned")]
    Poisoned,
}

/// A sent request waiting for its one response.
#[derive(Debug)]
pub struct PendingCaption {
    opener: ResponseOpener,
}

impl PendingCaption {
    /// The suite the request was sealed with.
    pub fn suite(&self) -> Suite {
        self.opener.suite()
    }

    /// Opens and decodes the `message/ohttp-res` body.
    pub fn finish(self, ohttp_response: &[u8]) -> Result<CaptionOutcome, Error> {
        let plain = self.opener.open(ohttp_response)?;
        Ok(CaptionOutcome::decode(&plain)?)
    }
}

/// Encodes `request` as BHTTP and encapsulates it to the most preferred suite `list` offers.
pub fn seal_caption(
    list: &KeyConfigList,
    request: &CaptionRequest,
) -> Result<(Vec<u8>, PendingCaption), Error> {
    let (config, suite) = list.select()?;
    let inner = request.encode()?;
    let (encapsulated, opener) = seal_request(config, suite, &inner)?;
    Ok((encapsulated, PendingCaption { opener }))
}
