//! SEV-SNP evidence for Obscura.
//!
//! This crate will produce attestation reports inside the enclave (the `/dev/sev-guest`
//! device, configfs-tsm, or a simulator for laptops and tests) and verify them for clients
//! (report signature, VCEK/VLEK chain to the pinned AMD roots, CRL, TCB, guest policy, launch
//! measurement and the key binding of [`obscura_protocol::binding`]).
//!
//! What exists today is the report layout the rest builds on: [`report::ReportView`] reads
//! the fields every other component needs from the 1184-byte report, with the exact-size
//! check first.
//!
//! ```
//! use obscura_attestation::report::ReportView;
//! let bytes = [0u8; 1184];
//! let view = ReportView::new(&bytes)?;
//! assert_eq!(view.version(), 0);
//! assert_eq!(view.report_data().0, [0u8; 64]);
//! # Ok::<(), obscura_attestation::Error>(())
//! ```

#![forbid(unsafe_code)]

pub mod report;

/// Errors of attestation production and verification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A report must be exactly 1184 bytes.
    #[error("attestation report must be {expected} bytes, got {got}")]
    ReportSize {
        /// Required size.
        expected: usize,
        /// Size seen.
        got: usize,
    },
}
