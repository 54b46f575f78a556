//! The Obscura service inside the confidential VM.
//!
//! The enclave holds the only copies of its OHTTP private keys, publishes their
//! configurations for the attestation report to bind, decapsulates requests, runs the image
//! pipeline on plaintext and seals redacted results back to the caller. Today it provides the
//! key set and its rotation ([`keys::KeyRing`]) and the OHTTP gateway ([`gateway::Gateway`]:
//! decapsulation, replay and date checks, bounded dispatch to a [`gateway::Handler`], sealed
//! fixed-code errors). The loopback listener for the host is [`server`], and
//! [`evidence`] binds the current keys and workload claims into attestation reports.
//!
//! ```
//! use obscura_enclave::keys::KeySet;
//! let keys = KeySet::generate()?;
//! let list = keys.config_list();
//! assert_eq!(list.known().count(), 2);
//! # Ok::<(), obscura_enclave::Error>(())
//! ```

#![forbid(unsafe_code)]

pub mod evidence;
pub mod gateway;
pub mod keys;
pub mod server;

/// Errors of the enclave service.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A wire-format operation failed.
    #[error(transparent)]
    Protocol(#[from] obscura_protocol::Error),
    /// A lock was poisoned by a panic in another thread.
    #[error("internal state poisoned")]
    Poisoned,
    /// Producing attestation evidence failed.
    #[error(transparent)]
    Attestation(#[from] obscura_attestation::Error),
    /// The listener failed.
    #[error("listener: {0}")]
    Io(std::io::ErrorKind),
}
