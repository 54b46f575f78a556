//! The untrusted Obscura front door.
//!
//! The host sees only ciphertext: it reads the key id in the clear OHTTP header and forwards
//! the bytes to the enclave replica that owns the key ([`route`]). It serves HTTPS with rustls
//! ([`server`]), relays each replica's evidence and caches it until it nears expiry
//! ([`replicas`]), authenticates tenants by API key with per-tenant rate limits
//! ([`tenants`]), and counts requests with fixed labels only ([`metrics`]).
//!
//! ```
//! use obscura_host::route::{Routes, ReplicaId};
//! use obscura_protocol::keys::KeyId;
//! let mut routes = Routes::default();
//! routes.insert(KeyId(1), ReplicaId(0))?;
//! // An OHTTP request header: key id 1, X-Wing, HKDF-SHA256, AES-256-GCM, then enc and ciphertext.
//! let mut req = vec![1, 0x64, 0x7a, 0, 1, 0, 2];
//! req.resize(7 + 1120 + 16, 0);
//! assert_eq!(routes.route(&req)?, ReplicaId(0));
//! # Ok::<(), obscura_host::Error>(())
//! ```

#![forbid(unsafe_code)]

pub mod budget;
pub mod metrics;
pub mod replicas;
pub mod route;
pub mod server;
pub mod tenants;
pub mod transport;

/// Errors of the host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request header is malformed or names an unsupported suite.
    #[error(transparent)]
    Protocol(#[from] obscura_protocol::Error),
    /// No replica owns this key id: the client must re-attest.
    #[error("no replica owns key id {0}")]
    UnknownKeyId(obscura_protocol::keys::KeyId),
    /// Two replicas claim the same key id.
    #[error("key id {0} already belongs to another replica")]
    DuplicateKeyId(obscura_protocol::keys::KeyId),
    /// A replica could not be reached or answered out of bounds.
    #[error("enclave replica unavailable")]
    Upstream,
    /// A replica address is a wildcard (`vsock://any:…`, `0.0.0.0`, port 0), not a peer.
    #[error("a replica address must name one peer, not a wildcard")]
    ReplicaAddress,
    /// The request is refused with this fixed code.
    #[error("request refused: {0}")]
    Reject(obscura_protocol::api::RejectCode),
    /// A lock was poisoned by a panic in another thread.
    #[error("internal state poisoned")]
    Poisoned,
    /// TLS configuration (certificate or key) is unusable.
    #[error("TLS configuration: {0}")]
    Tls(&'static str),
    /// Binding or accepting on the listening socket failed.
    #[error("listener: {0}")]
    Io(std::io::ErrorKind),
}
