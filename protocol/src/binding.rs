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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Digest32;
    use crate::evidence::ModelClaim;

    /// The RFC 9458 Appendix A key configuration, as a one-entry list.
    const KEY_CONFIGS: &str = "002d01002031e1f05a740102115220e9af918f738674aec95f54db6e04eb705aae8e79815500080001000100010003";

    fn claims() -> WorkloadClaims {
        WorkloadClaims {
            enclave_version: "0.1.0".to_owned(),
            models: vec![ModelClaim {
                name: "centerface".to_owned(),
                sha256: Digest32([0x11; 32]),
            }],
            pipeline_digest: Digest32([0x22; 32]),
        }
    }

    // Expected values computed independently with Python's hashlib from the layout in the
    // module documentation.
    #[test]
    fn known_answer() {
        let kc = hex::decode(KEY_CONFIGS).unwrap();
        assert_eq!(
            hex::encode(claims().digest().0),
            "ec58f214ba67010996390e288c7e211a8373241c75955e7aef0d18f63cb00c60"
        );
        assert_eq!(
            hex::encode(report_data(&kc, &claims(), &Nonce([0x33; 32])).0),
            "c63c896e0016cda0ee51042f0ceb428900200b98b7433e6b40ecc8c26a3fbcf6\
             6fb67f85dee652a581b8fe1a969af7636879facee1a8b4f340696817159c31c9"
        );
        assert_eq!(
            hex::encode(report_data(&kc, &claims(), &Nonce::ZERO).0),
            "4c190b7901e6547e3711c1862d6a9ffd7cca346911f81b11ccdc89cf595df8b8\
             98343cf8f7f4e10d51d2c168541e955cb0c4644f8771abf4232f4d1cb584271f"
        );
    }

    #[test]
    fn every_input_byte_matters() {
        let kc = hex::decode(KEY_CONFIGS).unwrap();
        let nonce = Nonce([0x33; 32]);
        let base = report_data(&kc, &claims(), &nonce);
        for i in 0..kc.len() {
            let mut k = kc.clone();
            k[i] ^= 1;
            assert_ne!(
                report_data(&k, &claims(), &nonce),
                base,
                "key config byte {i}"
            );
        }
        for i in 0..32 {
            let mut n = nonce;
            n.0[i] ^= 1;
            assert_ne!(report_data(&kc, &claims(), &n), base, "nonce byte {i}");
            let mut c = claims();
            c.pipeline_digest.0[i] ^= 1;
            assert_ne!(report_data(&kc, &c, &nonce), base, "pipeline byte {i}");
            let mut c = claims();
            c.models[0].sha256.0[i] ^= 1;
            assert_ne!(report_data(&kc, &c, &nonce), base, "model digest byte {i}");
        }
        let mut c = claims();
        c.enclave_version = "0.1.1".to_owned();
        assert_ne!(report_data(&kc, &c, &nonce), base);
        let mut c = claims();
        c.models[0].name = "centerfacf".to_owned();
        assert_ne!(report_data(&kc, &c, &nonce), base);
        let mut c = claims();
        c.models.clear();
        assert_ne!(report_data(&kc, &c, &nonce), base);
    }

    #[test]
    fn claim_boundaries_are_unambiguous() {
        // Moving a byte between the version and a model name must change the digest.
        let mut a = claims();
        a.enclave_version = "0.1.0c".to_owned();
        a.models[0].name = "enterface".to_owned();
        assert_ne!(a.digest(), claims().digest());
    }
}
