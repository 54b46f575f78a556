//! Oblivious HTTP encapsulation (RFC 9458 §4) through the `ohttp` crate.
//!
//! Encapsulated request layout (§4.1), the only part the untrusted host reads is the header:
//!
//! ```text
//! Encapsulated Request {
//!   Key Identifier (8), HPKE KEM ID (16), HPKE KDF ID (16), HPKE AEAD ID (16),
//!   Encapsulated KEM Shared Secret (8 * Nenc),
//!   HPKE-Protected Request (..),        // ciphertext || 16-byte tag
//! }
//! Encapsulated Response {
//!   Nonce (8 * max(Nn, Nk)),
//!   AEAD-Protected Response (..),       // ciphertext || 16-byte tag
//! }
//! ```
//!
//! Each step consumes its state (STYLE rule 12): [`seal_request`] returns a [`ResponseOpener`]
//! that opens exactly one response; [`GatewayKey::open_request`] returns a [`ResponseSealer`]
//! that seals exactly one.

use std::fmt;

use zeroize::Zeroizing;

use crate::codec::{Reader, check_cap};
use crate::error::{Error, Result};
use crate::keys::{GatewayKey, KeyConfig, KeyId, Suite, enc_len};
use crate::limits::{MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES};

/// Length of the OHTTP request header: key id, KEM, KDF and AEAD ids.
pub const REQUEST_HEADER_LEN: usize = 7;

/// Length of an AEAD tag for every supported AEAD.
pub const AEAD_TAG_LEN: usize = 16;

/// The clear header of an encapsulated request, enough to route it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestHeader {
    /// Which key the client encrypted to.
    pub key_id: KeyId,
    /// The suite the client chose.
    pub suite: Suite,
}

impl RequestHeader {
    /// Reads the header of an encapsulated request and checks that the request is long enough
    /// to hold `enc` and a tag. This is all the untrusted host ever parses.
    pub fn parse(encapsulated: &[u8]) -> Result<Self> {
        let header = Self::read(encapsulated)?;
        header.check_len(encapsulated)?;
        Ok(header)
    }

    /// The encapsulated KEM shared secret (`enc`) of a request with this header, the value a
    /// gateway remembers to refuse replays. `None` if the request is too short.
    pub fn enc<'a>(&self, encapsulated: &'a [u8]) -> Option<&'a [u8]> {
        encapsulated.get(REQUEST_HEADER_LEN..REQUEST_HEADER_LEN + enc_len(self.suite.kem))
    }

    /// Reads only the 7 header bytes (size cap applied, body length not yet checked).
    fn read(encapsulated: &[u8]) -> Result<Self> {
        check_cap(
            "encapsulated request",
            encapsulated.len(),
            MAX_REQUEST_BYTES,
        )?;
        let mut r = Reader::new(encapsulated, "encapsulated request");
        let key_id = KeyId(r.u8()?);
        let (kem, kdf, aead) = (r.u16()?, r.u16()?, r.u16()?);
        let suite = Suite::from_ids(kem, kdf, aead)?;
        Ok(Self { key_id, suite })
    }

    /// Checks that the request can hold `enc` and an AEAD tag for this header's suite.
    fn check_len(&self, encapsulated: &[u8]) -> Result<()> {
        let min = REQUEST_HEADER_LEN + enc_len(self.suite.kem) + AEAD_TAG_LEN;
        if encapsulated.len() < min {
            return Err(Error::Truncated {
                what: "encapsulated request",
            });
        }
        Ok(())
    }
}

/// Encapsulates a BHTTP request to `config` with `suite` (a suite `config` offers).
///
/// Returns the `message/ohttp-req` bytes and the state needed to open the one response.
pub fn seal_request(
    config: &KeyConfig,
    suite: Suite,
    bhttp_request: &[u8],
) -> Result<(Vec<u8>, ResponseOpener)> {
    if !config.supported_suites().any(|s| s == suite) {
        return Err(suite.unsupported());
    }
    let max_plain = MAX_REQUEST_BYTES - REQUEST_HEADER_LEN - enc_len(suite.kem) - AEAD_TAG_LEN;
    check_cap("binary HTTP request", bhttp_request.len(), max_plain)?;
    let client = ohttp::ClientRequest::from_encoded_config(&config.encode_with_only(suite))
        .map_err(|_| suite.unsupported())?;
    let (encapsulated, response) = client
        .encapsulate(bhttp_request)
        .map_err(|_| Error::Crypto)?;
    Ok((encapsulated, ResponseOpener { response, suite }))
}

impl GatewayKey {
    /// Decapsulates a request sent to this key, returning the BHTTP request (zeroized on drop)
    /// and the sealer for its response.
    pub fn open_request(
        &self,
        encapsulated: &[u8],
    ) -> Result<(Zeroizing<Vec<u8>>, ResponseSealer)> {
        let header = RequestHeader::read(encapsulated)?;
        if header.key_id != self.key_id() {
            return Err(Error::UnknownKeyId(header.key_id));
        }
        if !self.suites().contains(&header.suite) {
            return Err(header.suite.unsupported());
        }
        header.check_len(encapsulated)?;
        let (plain, response) = self
            .server
            .decapsulate(encapsulated)
            .map_err(|e| map_open_error(&e))?;
        Ok((
            Zeroizing::new(plain),
            ResponseSealer {
                response,
                suite: header.suite,
            },
        ))
    }
}

fn map_open_error(e: &ohttp::Error) -> Error {
    match e {
        ohttp::Error::Truncated => Error::Truncated {
            what: "encapsulated request",
        },
        ohttp::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            Error::Truncated {
                what: "encapsulated request",
            }
        }
        // Authentication failure, an invalid `enc` (e.g. a low-order X25519 point) and an
        // altered header all mean the same to a caller: this ciphertext is not for this key.
        ohttp::Error::Aead(_) | ohttp::Error::Hpke(_) => Error::DecryptFailed,
        _ => Error::Crypto,
    }
}

/// Seals the one response to a decapsulated request. Consumed by [`ResponseSealer::seal`].
pub struct ResponseSealer {
    response: ohttp::ServerResponse,
    suite: Suite,
}

impl fmt::Debug for ResponseSealer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseSealer")
            .field("suite", &self.suite)
            .finish_non_exhaustive()
    }
}

impl ResponseSealer {
    /// The suite of the request this answers.
    pub fn suite(&self) -> Suite {
        self.suite
    }

    /// Encrypts the BHTTP response, producing `message/ohttp-res` bytes.
    pub fn seal(self, bhttp_response: &[u8]) -> Result<Vec<u8>> {
        let max_plain = MAX_RESPONSE_BYTES - response_nonce_len(self.suite) - AEAD_TAG_LEN;
        check_cap("binary HTTP response", bhttp_response.len(), max_plain)?;
        self.response
            .encapsulate(bhttp_response)
            .map_err(|_| Error::Crypto)
    }
}

/// Opens the one response to a request this client sealed. Consumed by [`ResponseOpener::open`].
pub struct ResponseOpener {
    response: ohttp::ClientResponse,
    suite: Suite,
}

impl fmt::Debug for ResponseOpener {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseOpener")
            .field("suite", &self.suite)
            .finish_non_exhaustive()
    }
}

impl ResponseOpener {
    /// The suite the request used.
    pub fn suite(&self) -> Suite {
        self.suite
    }

    /// Decrypts `message/ohttp-res` bytes into the BHTTP response (zeroized on drop).
    pub fn open(self, encapsulated: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        check_cap(
            "encapsulated response",
            encapsulated.len(),
            MAX_RESPONSE_BYTES,
        )?;
        if encapsulated.len() < response_nonce_len(self.suite) + AEAD_TAG_LEN {
            return Err(Error::Truncated {
                what: "encapsulated response",
            });
        }
        self.response
            .decapsulate(encapsulated)
            .map(Zeroizing::new)
            .map_err(|e| match e {
                ohttp::Error::Truncated => Error::Truncated {
                    what: "encapsulated response",
                },
                ohttp::Error::Aead(_) => Error::DecryptFailed,
                _ => Error::Crypto,
            })
    }
}

/// Length of the response nonce: max(Nn, Nk) of the AEAD (RFC 9458 §4.4).
pub fn response_nonce_len(suite: Suite) -> usize {
    suite.aead.n_n().max(suite.aead.n_k())
}
