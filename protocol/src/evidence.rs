//! The evidence bundle a replica publishes (DESIGN "One request", step 1) and the workload
//! claims it binds.
//!
//! JSON, with binary fields in base64 and digests in hex:
//!
//! ```text
//! { "version": 1,
//!   "report": b64(1184-byte SNP report),
//!   "collateral": { "vcek"|"vlek": b64(DER), "chain": [b64(ASK or ASVK), b64(ARK)], "crl": b64(DER)? },
//!   "key_configs": b64(application/ohttp-keys),
//!   "claims": { "enclave_version", "models": [{"name","sha256"}], "pipeline_digest" },
//!   "nonce": hex(32 bytes)?, "issued_at": unix seconds, "expires_at": unix seconds }
//! ```
//!
//! Parsing checks every size against [`crate::limits`] and that the key-configuration list
//! parses; it does not check signatures or the binding: that is `obscura-attestation`'s job,
//! which returns a proof type (STYLE rule 11).

use std::fmt;

use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use crate::api::Digest32;
use crate::codec::check_cap;
use crate::error::{Error, Result};
use crate::keys::KeyConfigList;
use crate::limits::{
    MAX_ATTESTATION_LIST_BYTES, MAX_CERT_BYTES, MAX_CHAIN_CERTS, MAX_CLAIM_MODELS,
    MAX_CLAIM_STRING_BYTES, MAX_CRL_BYTES, MAX_EVIDENCE_BYTES, MAX_REPLICAS, NONCE_LEN,
    SNP_REPORT_LEN,
};

/// Current evidence bundle format version.
pub const EVIDENCE_VERSION: u32 = 1;

/// Domain separator of the workload-claims digest.
pub const CLAIMS_LABEL: &[u8] = b"obscura-claims-v1";

/// Bytes carried in JSON as base64.
#[derive(Clone, PartialEq, Eq)]
pub struct Base64Bytes(pub Vec<u8>);

impl fmt::Debug for Base64Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} bytes>", self.0.len())
    }
}

impl Serialize for Base64Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Base64Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(s.as_bytes())
            .map(Self)
            .map_err(|_| serde::de::Error::custom("invalid base64"))
    }
}

/// A 32-byte client nonce for fresh evidence, hex in JSON.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Nonce(pub [u8; NONCE_LEN]);

impl Nonce {
    /// The all-zero nonce bound into cached (not fresh) evidence.
    pub const ZERO: Self = Self([0; NONCE_LEN]);
}

impl fmt::Debug for Nonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nonce({})", hex::encode(self.0))
    }
}

impl Serialize for Nonce {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(self.0))
    }
}

impl<'de> Deserialize<'de> for Nonce {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let mut out = [0u8; NONCE_LEN];
        hex::decode_to_slice(s.as_bytes(), &mut out)
            .map_err(|_| serde::de::Error::custom("expected 64 hex digits"))?;
        Ok(Self(out))
    }
}

/// A model the workload runs, pinned by digest.
///
/// The caption stage adds its backend as entries named `caption/<backend>/<what>`:
/// `caption/onnx/<file>` per model-folder file, `caption/vlm-server/<model name>` (the
/// server's image digest, all zero when the operator pinned none), or
/// `caption/composed/template-v2` (the digest of the composed-caption rules). A client that
/// pins models by name and digest pins the caption model the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelClaim {
    /// Model name (e.g. `centerface`, `caption/onnx/encoder_model.onnx`).
    pub name: String,
    /// SHA-256 of the model file (or of the server model's image, for a VLM server).
    pub sha256: Digest32,
}

/// What the enclave claims to run, bound into the report through [`WorkloadClaims::digest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadClaims {
    /// Version of the `obscura-enclave` binary.
    pub enclave_version: String,
    /// Every model, in pipeline order.
    pub models: Vec<ModelClaim>,
    /// Digest of the pipeline configuration and redaction policy.
    pub pipeline_digest: Digest32,
}

impl WorkloadClaims {
    /// Checks sizes against [`crate::limits`].
    pub fn validate(&self) -> Result<()> {
        check_cap(
            "enclave version",
            self.enclave_version.len(),
            MAX_CLAIM_STRING_BYTES,
        )?;
        check_cap("models", self.models.len(), MAX_CLAIM_MODELS)?;
        for m in &self.models {
            check_cap("model name", m.name.len(), MAX_CLAIM_STRING_BYTES)?;
        }
        Ok(())
    }

    /// SHA-256 over a canonical binary encoding, independent of JSON formatting:
    ///
    /// ```text
    /// "obscura-claims-v1" || 0x00
    /// || u16 len || enclave_version
    /// || u16 count || { u16 len || name || sha256[32] } per model, in order
    /// || pipeline_digest[32]
    /// ```
    ///
    /// Callers validate first; an over-long string is cut to `u16::MAX` only in the length
    /// prefix, which [`WorkloadClaims::validate`] makes impossible.
    pub fn digest(&self) -> Digest32 {
        let mut h = Sha256::new();
        h.update(CLAIMS_LABEL);
        h.update([0u8]);
        put_str(&mut h, &self.enclave_version);
        h.update(
            u16::try_from(self.models.len())
                .unwrap_or(u16::MAX)
                .to_be_bytes(),
        );
        for m in &self.models {
            put_str(&mut h, &m.name);
            h.update(m.sha256.0);
        }
        h.update(self.pipeline_digest.0);
        Digest32(h.finalize().into())
    }
}

fn put_str(h: &mut Sha256, s: &str) {
    h.update(u16::try_from(s.len()).unwrap_or(u16::MAX).to_be_bytes());
    h.update(s.as_bytes());
}

/// AMD collateral: the signing key's certificate, its chain and the CRL.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collateral {
    /// VCEK certificate (DER), when the report is VCEK-signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vcek: Option<Base64Bytes>,
    /// VLEK certificate (DER), when the report is VLEK-signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlek: Option<Base64Bytes>,
    /// Intermediate (ASK or ASVK) then ARK, DER. The verifier pins the ARK in code and never
    /// trusts this one.
    #[serde(default)]
    pub chain: Vec<Base64Bytes>,
    /// The ARK-signed CRL for the product and signer type (DER).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crl: Option<Base64Bytes>,
}

/// One replica's evidence: the report, AMD collateral, the keys it binds and the claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceBundle {
    /// Format version, [`EVIDENCE_VERSION`].
    pub version: u32,
    /// The raw SEV-SNP attestation report.
    pub report: Base64Bytes,
    /// Certificates and CRL.
    pub collateral: Collateral,
    /// The `application/ohttp-keys` list bound into `report_data`.
    pub key_configs: Base64Bytes,
    /// The workload claims bound into `report_data`.
    pub claims: WorkloadClaims,
    /// The client nonce, for fresh evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<Nonce>,
    /// When the report was made (Unix seconds).
    pub issued_at: u64,
    /// When clients must stop using it (Unix seconds).
    pub expires_at: u64,
}

impl EvidenceBundle {
    /// Parses and size-checks a bundle from hostile JSON.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        check_cap("evidence bundle", bytes.len(), MAX_EVIDENCE_BYTES)?;
        let bundle: Self =
            serde_json::from_slice(bytes).map_err(|e| Error::json("evidence bundle", &e))?;
        bundle.validate()?;
        Ok(bundle)
    }

    /// Serializes to JSON.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        self.validate()?;
        serde_json::to_vec(self).map_err(|e| Error::json("evidence bundle", &e))
    }

    /// Checks version, sizes and that the key configurations parse.
    pub fn validate(&self) -> Result<()> {
        if self.version != EVIDENCE_VERSION {
            return Err(Error::Malformed {
                what: "evidence bundle",
                reason: "unsupported version",
            });
        }
        if self.report.0.len() != SNP_REPORT_LEN {
            return Err(Error::WrongLength {
                what: "attestation report",
                expected: SNP_REPORT_LEN,
                got: self.report.0.len(),
            });
        }
        let c = &self.collateral;
        match (&c.vcek, &c.vlek) {
            (Some(cert), None) | (None, Some(cert)) => {
                check_cap("signing certificate", cert.0.len(), MAX_CERT_BYTES)?;
            }
            (None, None) => return Err(Error::Missing("VCEK or VLEK certificate")),
            (Some(_), Some(_)) => {
                return Err(Error::Malformed {
                    what: "evidence bundle",
                    reason: "both VCEK and VLEK present",
                });
            }
        }
        check_cap("certificate chain", c.chain.len(), MAX_CHAIN_CERTS)?;
        for cert in &c.chain {
            check_cap("chain certificate", cert.0.len(), MAX_CERT_BYTES)?;
        }
        if let Some(crl) = &c.crl {
            check_cap("CRL", crl.0.len(), MAX_CRL_BYTES)?;
        }
        KeyConfigList::parse(&self.key_configs.0)?;
        self.claims.validate()?;
        if self.expires_at <= self.issued_at {
            return Err(Error::Malformed {
                what: "evidence bundle",
                reason: "expires before it is issued",
            });
        }
        Ok(())
    }

    /// The parsed key-configuration list.
    pub fn key_config_list(&self) -> Result<KeyConfigList> {
        KeyConfigList::parse(&self.key_configs.0)
    }

    /// The `report_data` this bundle's report must carry.
    pub fn expected_report_data(&self) -> crate::binding::ReportData {
        crate::binding::report_data(
            &self.key_configs.0,
            &self.claims,
            self.nonce.as_ref().unwrap_or(&Nonce::ZERO),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{GatewayKey, Kem, KeyId};

    fn bundle() -> EvidenceBundle {
        let key = GatewayKey::generate(KeyId(1), Kem::X25519Sha256).unwrap();
        EvidenceBundle {
            version: EVIDENCE_VERSION,
            report: Base64Bytes(vec![0; SNP_REPORT_LEN]),
            collateral: Collateral {
                vcek: Some(Base64Bytes(vec![0x30; 100])),
                ..Collateral::default()
            },
            key_configs: Base64Bytes(KeyConfigList::from_keys([&key]).unwrap().encoded().to_vec()),
            claims: WorkloadClaims {
                enclave_version: "0.1.0".into(),
                models: vec![],
                pipeline_digest: Digest32([1; 32]),
            },
            nonce: None,
            issued_at: 100,
            expires_at: 200,
        }
    }

    #[test]
    fn json_field_names_are_stable() {
        let json = String::from_utf8(bundle().to_json().unwrap()).unwrap();
        for field in [
            "\"version\":1",
            "\"report\":\"AAAA",
            "\"collateral\":{\"vcek\":",
            "\"chain\":[]",
            "\"key_configs\":",
            "\"claims\":{\"enclave_version\":\"0.1.0\",\"models\":[],\"pipeline_digest\":\"0101",
            "\"issued_at\":100,\"expires_at\":200",
        ] {
            assert!(json.contains(field), "{field} missing in {json}");
        }
        assert!(!json.contains("nonce"));
    }

    #[test]
    fn validation_errors() {
        let mut b = bundle();
        b.report.0.pop();
        assert_eq!(
            b.validate().unwrap_err(),
            Error::WrongLength {
                what: "attestation report",
                expected: 1184,
                got: 1183
            }
        );
        let mut b = bundle();
        b.collateral.vcek = None;
        assert_eq!(
            b.validate().unwrap_err(),
            Error::Missing("VCEK or VLEK certificate")
        );
        let mut b = bundle();
        b.collateral.vlek = Some(Base64Bytes(vec![1]));
        assert!(matches!(b.validate(), Err(Error::Malformed { .. })));
        let mut b = bundle();
        b.collateral.chain = vec![Base64Bytes(vec![1]); 5];
        assert_eq!(
            b.validate().unwrap_err(),
            Error::TooLarge {
                what: "certificate chain",
                len: 5,
                max: 4
            }
        );
        let mut b = bundle();
        b.expires_at = b.issued_at;
        assert!(matches!(b.validate(), Err(Error::Malformed { .. })));
        let mut b = bundle();
        b.key_configs.0.truncate(10);
        assert!(matches!(b.validate(), Err(Error::Truncated { .. })));
        let mut b = bundle();
        b.version = 2;
        assert!(matches!(b.validate(), Err(Error::Malformed { .. })));
    }

    #[test]
    fn oversized_and_unknown_json_refused() {
        let big = vec![b' '; MAX_EVIDENCE_BYTES + 1];
        assert_eq!(
            EvidenceBundle::from_json(&big).unwrap_err(),
            Error::TooLarge {
                what: "evidence bundle",
                len: (MAX_EVIDENCE_BYTES + 1) as u64,
                max: MAX_EVIDENCE_BYTES as u64
            }
        );
        let mut json = bundle().to_json().unwrap();
        json.pop();
        json.extend_from_slice(b",\"extra\":1}");
        assert!(matches!(
            EvidenceBundle::from_json(&json),
            Err(Error::Json { .. })
        ));
    }

    #[test]
    fn expected_report_data_uses_zero_nonce_when_cached() {
        let b = bundle();
        assert_eq!(
            b.expected_report_data(),
            crate::binding::report_data(&b.key_configs.0, &b.claims, &Nonce::ZERO)
        );
        let mut fresh = bundle();
        fresh.nonce = Some(Nonce([7; 32]));
        assert_ne!(fresh.expected_report_data(), b.expected_report_data());
    }
}

/// The body of `GET /v1/attestation` (and of `POST /v1/attestation`): one evidence bundle
/// per enclave replica behind the host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttestationList {
    /// Each replica's evidence.
    pub replicas: Vec<EvidenceBundle>,
}

impl AttestationList {
    /// Parses and validates a list from hostile JSON.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        check_cap("attestation list", bytes.len(), MAX_ATTESTATION_LIST_BYTES)?;
        let list: Self =
            serde_json::from_slice(bytes).map_err(|e| Error::json("attestation list", &e))?;
        check_cap("replicas", list.replicas.len(), MAX_REPLICAS)?;
        for bundle in &list.replicas {
            bundle.validate()?;
        }
        Ok(list)
    }

    /// Serializes to JSON.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        serde_json::to_vec(self).map_err(|e| Error::json("attestation list", &e))
    }
}

/// The body of `POST /v1/attestation`: ask every replica for evidence bound to `nonce`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreshEvidenceRequest {
    /// 32 bytes chosen by the client, hex.
    pub nonce: Nonce,
}
