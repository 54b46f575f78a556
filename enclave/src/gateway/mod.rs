//! The OHTTP gateway: from `message/ohttp-req` bytes to `message/ohttp-res` bytes.
//!
//! Data flow, one module per step: decapsulate with the key the request names
//! ([`crate::keys::KeyRing`]), decode the BHTTP request, check its `date`, refuse a replayed
//! `enc` ([`replay`]), run the handler on a bounded blocking pool ([`dispatch`]), seal the
//! outcome. Failures before a response can be sealed leave as a clear [`RejectCode`];
//! failures after it leave as a sealed [`ErrorCode`]. Neither carries text derived from
//! the input (STYLE rule 6).

pub mod dispatch;
pub mod replay;

use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

use obscura_protocol::Error as ProtocolError;
use obscura_protocol::api::{ErrorCode, RejectCode};
use obscura_protocol::limits::{MAX_CLOCK_SKEW_SECS, MAX_REQUEST_BYTES};
use obscura_protocol::message::{CaptionOutcome, InnerRequest, SanitizeOutcome};
use obscura_protocol::oblivious::RequestHeader;

use crate::Error;
use crate::keys::KeyRing;
pub use dispatch::{Dispatcher, Handler};
use replay::{ReplayCache, ReplayError};

/// How long an `enc` is remembered: longer than the whole ±skew window of `date`.
pub const REPLAY_WINDOW: Duration = Duration::from_secs(2 * MAX_CLOCK_SKEW_SECS + 5);

/// Gateway limits.
#[derive(Debug, Clone, Copy)]
pub struct GatewayConfig {
    /// Requests processed at once.
    pub workers: usize,
    /// Requests waiting beyond `workers` before new ones get `busy`.
    pub queue: usize,
    /// Live entries in the replay cache.
    pub replay_capacity: usize,
}

impl Default for GatewayConfig {
    fn default() -> Self {
        Self {
            workers: 2,
            queue: 16,
            replay_capacity: 100_000,
        }
    }
}

/// The gateway of one enclave replica.
#[derive(Debug)]
pub struct Gateway<H> {
    keys: RwLock<KeyRing>,
    replay: Mutex<ReplayCache>,
    dispatcher: Dispatcher<H>,
}

impl<H: Handler> Gateway<H> {
    /// A gateway answering with `handler`, decrypting with `keys`.
    pub fn new(keys: KeyRing, handler: H, config: GatewayConfig) -> Self {
        Self {
            keys: RwLock::new(keys),
            replay: Mutex::new(ReplayCache::new(REPLAY_WINDOW, config.replay_capacity)),
            dispatcher: Dispatcher::new(handler, config.workers, config.queue),
        }
    }

    /// Runs `f` with the key ring (for publishing configurations or rotating).
    pub fn with_keys<T>(&self, f: impl FnOnce(&mut KeyRing) -> T) -> Result<T, Error> {
        let mut ring = self.keys.write().map_err(|_| Error::Poisoned)?;
        Ok(f(&mut ring))
    }

    /// Handles one encapsulated request at wall-clock `now` (checked against `date`) and
    /// monotonic `mono` (for the replay window).
    pub async fn handle(
        &self,
        encapsulated: &[u8],
        now: SystemTime,
        mono: Instant,
    ) -> Result<Vec<u8>, RejectCode> {
        if encapsulated.len() > MAX_REQUEST_BYTES {
            return Err(RejectCode::TooLarge);
        }
        let header = RequestHeader::parse(encapsulated).map_err(|e| reject(&e))?;
        let (plain, sealer) = {
            let ring = self.keys.read().map_err(|_| RejectCode::Internal)?;
            ring.open(encapsulated).map_err(|e| match e {
                Error::Protocol(p) => reject(&p),
                _ => RejectCode::Internal,
            })?
        };
        // Only now, with the request authenticated, is its `enc` worth remembering.
        let enc = header
            .enc(encapsulated)
            .ok_or(RejectCode::MalformedRequest)?;
        {
            let mut replay = self.replay.lock().map_err(|_| RejectCode::Internal)?;
            match replay.check_and_insert(enc, mono) {
                Ok(()) => {}
                Err(ReplayError::Replayed) => return Err(RejectCode::Replayed),
                Err(ReplayError::Full) => return Err(RejectCode::Busy),
            }
        }
        let response = match InnerRequest::decode(plain.expose()) {
            Err(e) => CaptionOutcome::Err(request_error(&e)).encode(),
            Ok(request) if !date_ok(request.date(), now) => match request {
                InnerRequest::Caption(_) => CaptionOutcome::Err(ErrorCode::StaleDate).encode(),
                InnerRequest::Sanitize(_) => SanitizeOutcome::Err(ErrorCode::StaleDate).encode(),
            },
            Ok(InnerRequest::Caption(request)) => {
                drop(plain);
                self.dispatcher.dispatch(request).await.encode()
            }
            Ok(InnerRequest::Sanitize(request)) => {
                drop(plain);
                self.dispatcher.dispatch_sanitize(request).await.encode()
            }
        };
        let response = response.map_err(|_| RejectCode::Internal)?;
        sealer.seal(&response).map_err(|_| RejectCode::Internal)
    }
}

/// Whether `date` is within ±[`MAX_CLOCK_SKEW_SECS`] of `now`.
pub fn date_ok(date: SystemTime, now: SystemTime) -> bool {
    let skew = match now.duration_since(date) {
        Ok(d) => d,
        Err(e) => e.duration(),
    };
    skew <= Duration::from_secs(MAX_CLOCK_SKEW_SECS)
}

fn reject(e: &ProtocolError) -> RejectCode {
    match e {
        ProtocolError::UnknownKeyId(_) => RejectCode::UnknownKeyId,
        ProtocolError::DecryptFailed => RejectCode::DecryptFailed,
        ProtocolError::TooLarge { .. } => RejectCode::TooLarge,
        ProtocolError::Crypto => RejectCode::Internal,
        _ => RejectCode::MalformedRequest,
    }
}

fn request_error(e: &ProtocolError) -> ErrorCode {
    match e {
        ProtocolError::TooLarge {
            what: "content", ..
        } => ErrorCode::ImageTooLarge,
        ProtocolError::UnexpectedRequest { what: "path" } => ErrorCode::NotFound,
        ProtocolError::Malformed {
            what: "content-type field",
            ..
        } => ErrorCode::UnsupportedMediaType,
        _ => ErrorCode::BadRequest,
    }
}

#[cfg(test)]
mod tests;
