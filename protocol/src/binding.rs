//! The key binding (DESIGN "Key binding"): the one function the enclave uses to fill
//! `report_data` and the SDK uses to check it.
//!
//! ```text
//! report_data = SHA-512( "obscura-evidence-v1" || 0x00 || key_configs
//!                        || workload_claims_digest || nonce )
//! ```
//!
//! `key_configs` is the exact `application/ohttp-keys` body; `workload_claims_digest` is
//! [`WorkloadClaims::digest`] (32 bytes); `nonce` is 32 bytes, all zero for cached evidence.
//! The key-config list is the only variable-length input and comes first after the label;
//! the two fixed-length fields that follow make the encoding unambiguous.

use std::fmt;

use sha2::{Digest, Sha512};

use crate::evidence::{Nonce, WorkloadClaims};
use crate::limits::REPORT_DATA_LEN;

/// Domain separator of the key binding.
pub const BINDING_LABEL: &[u8] = b"obscura-evidence-v1";

/// The 64-byte value an SEV-SNP report carries in `REPORT_DATA`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ReportData(pub [u8; REPORT_DATA_LEN]);

impl fmt::Debug for ReportData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReportData({})", hex::encode(self.0))
    }
}

/// Computes `report_data` for a key-configuration list, workload claims and nonce.
pub fn report_data(key_configs: &[u8], claims: &WorkloadClaims, nonce: &Nonce) -> ReportData {
    let mut h = Sha512::new();
    h.update(BINDING_LABEL);
    h.update([0u8]);
    h.update(key_configs);
    h.update(claims.digest().0);
    h.update(nonce.0);
    ReportData(h.finalize().into())
}
