//! Evidence issuing: bind the current key configurations and workload claims into a fresh
//! SEV-SNP report and package it as an [`EvidenceBundle`].
//!
//! `report_data` is computed with the one binding function of
//! [`obscura_protocol::binding`], so the SDK's check recomputes exactly the same bytes.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use obscura_attestation::sim::AttestationProvider;
use obscura_protocol::binding::report_data;
use obscura_protocol::evidence::{
    Base64Bytes, EVIDENCE_VERSION, EvidenceBundle, Nonce, WorkloadClaims,
};
use obscura_protocol::keys::KeyConfigList;

use crate::Error;

/// How long cached evidence is valid by default.
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(3600);

/// Issues evidence from an attestation provider (hardware or simulator).
pub struct EvidenceIssuer {
    provider: Box<dyn AttestationProvider + Send + Sync>,
    claims: WorkloadClaims,
    lifetime: Duration,
}

impl std::fmt::Debug for EvidenceIssuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EvidenceIssuer")
            .field("claims", &self.claims)
            .field("lifetime", &self.lifetime)
            .finish_non_exhaustive()
    }
}

impl EvidenceIssuer {
    /// An issuer over `provider` claiming `claims`, with bundles valid for `lifetime`.
    pub fn new(
        provider: Box<dyn AttestationProvider + Send + Sync>,
        claims: WorkloadClaims,
        lifetime: Duration,
    ) -> Result<Self, Error> {
        claims.validate()?;
        Ok(Self {
            provider,
            claims,
            lifetime,
        })
    }

    /// The claims bound into every report.
    pub fn claims(&self) -> &WorkloadClaims {
        &self.claims
    }

    /// A bundle binding `keys`, the claims and `nonce` (all-zero when `None`), issued `now`.
    pub fn issue(
        &self,
        keys: &KeyConfigList,
        nonce: Option<Nonce>,
        now: SystemTime,
    ) -> Result<EvidenceBundle, Error> {
        let binding = report_data(
            keys.encoded(),
            &self.claims,
            nonce.as_ref().unwrap_or(&Nonce::ZERO),
        );
        let raw = self.provider.report(binding.0)?;
        let issued_at = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let bundle = EvidenceBundle {
            version: EVIDENCE_VERSION,
            report: Base64Bytes(raw.report.clone()),
            collateral: raw.collateral(),
            key_configs: Base64Bytes(keys.encoded().to_vec()),
            claims: self.claims.clone(),
            nonce,
            issued_at,
            expires_at: issued_at.saturating_add(self.lifetime.as_secs().max(1)),
        };
        bundle.validate()?;
        Ok(bundle)
    }
}
