//! Simulated evidence through the real verifier: the happy paths (VCEK, VLEK, v3/v4/v5) and
//! one tamper per check, each asserting its exact error.

use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use obscura_protocol::api::Digest32;
use obscura_protocol::evidence::{
    Base64Bytes, EVIDENCE_VERSION, EvidenceBundle, ModelClaim, Nonce, WorkloadClaims,
};
use obscura_protocol::keys::{GatewayKey, Kem, KeyConfigList, KeyId};

use super::*;
use crate::report::{GuestPolicy, Report};
use crate::verify::{CrlPolicy, Outcome, Policy, check, verify, verify_report};
use crate::{CertRole, Error};

/// 2026-11-24T00:00:00Z.
pub(crate) fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_478_400)
}

pub(crate) fn keys() -> &'static SimKeys {
    static KEYS: OnceLock<SimKeys> = OnceLock::new();
    KEYS.get_or_init(|| {
        SimKeys::from_pkcs8_pem(
            include_str!("../testdata/sim-ark.key.pem"),
            include_str!("../testdata/sim-ask.key.pem"),
            include_str!("../testdata/sim-asvk.key.pem"),
        )
        .unwrap()
    })
}

fn key_configs() -> &'static [u8] {
    static KC: OnceLock<Vec<u8>> = OnceLock::new();
    KC.get_or_init(|| {
        let k = GatewayKey::generate(KeyId(1), Kem::X25519Sha256).unwrap();
        KeyConfigList::from_keys([&k]).unwrap().encoded().to_vec()
    })
}

fn claims() -> WorkloadClaims {
    WorkloadClaims {
        enclave_version: "0.1.0".into(),
        models: vec![ModelClaim {
            name: "centerface".into(),
            sha256: Digest32([3; 32]),
        }],
        pipeline_digest: Digest32([4; 32]),
    }
}

pub(crate) fn sim(config: SimConfig) -> Simulator {
    Simulator::new(keys(), config, now()).unwrap()
}

/// The default simulated Genoa platform, built once.
fn genoa() -> &'static Simulator {
    static SIM: OnceLock<Simulator> = OnceLock::new();
    SIM.get_or_init(|| sim(SimConfig::new(Product::Genoa)))
}

pub(crate) fn bundle(sim: &Simulator, nonce: Option<Nonce>) -> EvidenceBundle {
    let claims = claims();
    let rd = obscura_protocol::binding::report_data(
        key_configs(),
        &claims,
        nonce.as_ref().unwrap_or(&Nonce::ZERO),
    );
    let raw = sim.report(rd.0).unwrap();
    let collateral = raw.collateral();
    assert_eq!(collateral.vlek.is_some(), raw.signer == SigningKey::Vlek);
    let issued_at = now().duration_since(UNIX_EPOCH).unwrap().as_secs() - 60;
    EvidenceBundle {
        version: EVIDENCE_VERSION,
        report: Base64Bytes(raw.report),
        collateral,
        key_configs: Base64Bytes(key_configs().to_vec()),
        claims,
        nonce,
        issued_at,
        expires_at: issued_at + 3600,
    }
}

pub(crate) fn policy(sim: &Simulator) -> Policy {
    Policy::strict([sim.config().measurement])
        .dangerous_accept_simulated_root(sim.ark_der())
        .unwrap()
}

#[test]
fn simulated_evidence_verifies_under_the_strict_policy() {
    let sim = genoa();
    let b = bundle(sim, None);
    let v = verify(&b, &policy(sim), now()).unwrap();
    assert_eq!(v.report().product(), Product::Genoa);
    assert_eq!(v.report().signer(), SigningKey::Vcek);
    assert_eq!(v.report().tcb(), sim.config().tcb);
    assert_eq!(v.key_configs().encoded(), key_configs());
    assert_eq!(v.claims(), &claims());
    assert_eq!(
        v.expires_at(),
        UNIX_EPOCH + Duration::from_secs(b.expires_at)
    );
    // Every check of the strict policy ran and passed, except those that do not apply.
    for r in check(&b, &policy(sim), now()) {
        let expected = if matches!(r.id, "nonce" | "workload.identity" | "platform_info") {
            Outcome::Skipped
        } else {
            Outcome::Pass
        };
        assert_eq!(r.outcome, expected, "{}: {}", r.id, r.detail);
    }
}

#[test]
fn simulated_root_is_refused_by_default() {
    let sim = genoa();
    let b = bundle(sim, None);
    let p = Policy::strict([sim.config().measurement]);
    assert_eq!(
        verify(&b, &p, now()).unwrap_err(),
        Error::ArkNotPinned {
            product: Product::Genoa
        }
    );
}

#[test]
fn vlek_path() {
    let mut c = SimConfig::new(Product::Milan);
    c.signer = SigningKey::Vlek;
    let sim = sim(c);
    let b = bundle(&sim, None);
    let v = verify(&b, &policy(&sim), now()).unwrap();
    assert_eq!(v.report().signer(), SigningKey::Vlek);
    let vcek_only = policy(&sim).signers(&[SigningKey::Vcek]);
    assert_eq!(
        verify(&b, &vcek_only, now()).unwrap_err(),
        Error::SignerNotAllowed {
            signer: SigningKey::Vlek
        }
    );
    // A VLEK presented as a VCEK: the report says VLEK, the bundle has no VLEK.
    let mut swapped = b;
    swapped.collateral.vcek = swapped.collateral.vlek.take();
    assert_eq!(
        verify(&swapped, &policy(&sim), now()).unwrap_err(),
        Error::SignerCertMissing {
            signer: SigningKey::Vlek
        }
    );
}

#[test]
fn report_versions_4_and_5_turin() {
    for version in [4, 5] {
        let mut c = SimConfig::new(Product::Turin);
        c.version = version;
        c.mit_vector = 0b101;
        let sim = sim(c);
        let b = bundle(&sim, None);
        let v = verify(&b, &policy(&sim), now()).unwrap();
        assert_eq!(v.report().report().version, version);
        assert_eq!(v.report().tcb().fmc, Some(1));
        let v5 = version == 5;
        let required = verify(&b, &policy(&sim).mitigations(0b100), now())
            .map(|v| v.report().report().current_mit_vector);
        if v5 {
            assert_eq!(required.unwrap(), Some(0b101));
        } else {
            assert_eq!(
                required.unwrap_err(),
                Error::MitigationVector {
                    got: None,
                    required: 0b100
                }
            );
        }
        let err = verify(&b, &policy(&sim).mitigations(0b010), now()).unwrap_err();
        assert_eq!(
            err,
            Error::MitigationVector {
                got: v5.then_some(0b101),
                required: 0b010
            }
        );
    }
}

/// Flips the low bit of one byte at the start of each field in turn, without re-signing.
#[test]
fn every_signed_field_is_covered() {
    let sim = genoa();
    let b = bundle(sim, None);
    let sig = Error::ReportSignature {
        signer: SigningKey::Vcek,
    };
    let cases: Vec<(usize, Error)> = vec![
        (0x000, Error::UnsupportedVersion { version: 2 }),
        (0x004, sig.clone()),
        (0x008, sig.clone()),
        (0x010, sig.clone()),
        (0x020, sig.clone()),
        (0x030, sig.clone()),
        (0x034, Error::SignatureAlgorithm { algo: 0 }),
        (0x038, sig.clone()),
        (0x03A, Error::ReservedNonZero { offset: 0x03A }),
        (0x040, sig.clone()),
        (0x048, sig.clone()),
        (0x04C, Error::ReservedNonZero { offset: 0x04C }),
        (0x050, sig.clone()),
        (0x090, sig.clone()),
        (0x0C0, sig.clone()),
        (0x0E0, sig.clone()),
        (0x110, sig.clone()),
        (0x140, sig.clone()),
        (0x160, sig.clone()),
        (0x180, sig.clone()),
        (0x184, Error::ReservedNonZero { offset: 0x184 }),
        (
            0x188,
            Error::UnknownCpuid {
                family: 0x18,
                model: 0x11,
                stepping: 0x01,
            },
        ),
        (0x18A, sig.clone()),
        (0x18B, Error::ReservedNonZero { offset: 0x18B }),
        (0x1A0, sig.clone()),
        (0x1E0, sig.clone()),
        (0x1E8, sig.clone()),
        (0x1EB, Error::ReservedNonZero { offset: 0x1EB }),
        (0x1EC, sig.clone()),
        (0x1EF, Error::ReservedNonZero { offset: 0x1EF }),
        (0x1F0, sig.clone()),
        (0x1F8, Error::ReservedNonZero { offset: 0x1F8 }),
        (0x208, Error::ReservedNonZero { offset: 0x208 }),
        (0x29F, Error::ReservedNonZero { offset: 0x29F }),
        (0x2A0, sig.clone()),
        (0x2D0, Error::ReservedNonZero { offset: 0x2D0 }),
        (0x2E8, sig),
        (0x318, Error::ReservedNonZero { offset: 0x318 }),
        (0x330, Error::ReservedNonZero { offset: 0x330 }),
        (0x49F, Error::ReservedNonZero { offset: 0x49F }),
    ];
    for (offset, expected) in cases {
        let mut t = b.clone();
        t.report.0[offset] ^= 1;
        assert_eq!(
            verify(&t, &policy(sim), now()).unwrap_err(),
            expected,
            "offset {offset:#x}"
        );
    }
}

/// Re-signed tampering: the signature is valid, so the policy checks must catch it.
#[test]
fn resigned_fields_hit_their_own_checks() {
    let sim = genoa();
    let b = bundle(sim, None);
    let resign = |offset: usize, value: u8| {
        let mut t = b.clone();
        let mut raw: [u8; 1184] = t.report.0.clone().try_into().unwrap();
        raw[offset] = value;
        sim.sign(&mut raw).unwrap();
        t.report.0 = raw.to_vec();
        t
    };
    let p = policy(sim);
    assert_eq!(
        verify(&resign(0x30, 1), &p, now()).unwrap_err(),
        Error::Vmpl {
            expected: 0,
            got: 1
        }
    );
    assert_eq!(
        verify(&resign(0x0A, 0x0B), &p, now()).unwrap_err(),
        Error::DebugAllowed
    );
    assert_eq!(
        verify(&resign(0x0A, 0x07), &p, now()).unwrap_err(),
        Error::MigrationAgentAllowed
    );
    assert_eq!(
        verify(&resign(0x50, 0), &p, now()).unwrap_err(),
        Error::ReportDataMismatch
    );
    assert!(matches!(
        verify(&resign(0x90, 0), &p, now()).unwrap_err(),
        Error::MeasurementNotAllowed { .. }
    ));
    assert_eq!(
        verify(&resign(0x1A0, 0xEE), &p, now()).unwrap_err(),
        Error::ChipIdMismatch
    );
    let ucode = sim.config().tcb.ucode;
    assert_eq!(
        verify(&resign(0x187, ucode + 1), &p, now()).unwrap_err(),
        Error::TcbCertMismatch {
            component: crate::report::TcbComponent::Ucode,
            cert: ucode,
            report: ucode + 1
        }
    );
    assert_eq!(
        verify(&resign(0x1E7, ucode - 1), &p, now()).unwrap_err(),
        Error::CommittedVsCurrent {
            component: "ucode",
            committed: (ucode - 1).into(),
            current: ucode.into()
        }
    );
    assert_eq!(
        verify(&resign(0x48, 0b10), &p, now()).unwrap_err(),
        Error::MaskChipKey
    );
    // Re-signing with another chip's key: swap in a VCEK from another simulated platform.
    let other = sim_other_vcek();
    let mut t = b.clone();
    t.collateral.vcek = Some(Base64Bytes(other));
    assert_eq!(
        verify(&t, &p, now()).unwrap_err(),
        Error::ReportSignature {
            signer: SigningKey::Vcek
        }
    );
}

fn sim_other_vcek() -> Vec<u8> {
    sim(SimConfig::new(Product::Genoa))
        .report([0; 64])
        .unwrap()
        .signer_cert
}

#[test]
fn debug_policy_and_vmpl_1_from_the_platform() {
    let mut c = SimConfig::new(Product::Genoa);
    c.policy |= GuestPolicy::DEBUG;
    c.vmpl = 1;
    let sim = sim(c);
    let b = bundle(&sim, None);
    assert_eq!(
        verify(&b, &policy(&sim), now()).unwrap_err(),
        Error::DebugAllowed
    );
    let p = policy(&sim).dangerous_allow_debug();
    assert_eq!(
        verify(&b, &p, now()).unwrap_err(),
        Error::Vmpl {
            expected: 0,
            got: 1
        }
    );
    assert_eq!(
        verify(&b, &p.vmpl(1), now()).map(|v| v.report().report().vmpl),
        Ok(1)
    );
}

#[test]
fn certificate_binding_failures() {
    let mut c = SimConfig::new(Product::Genoa);
    c.cert_hwid = Some(vec![9; 64]);
    let s = sim(c);
    assert_eq!(
        verify(&bundle(&s, None), &policy(&s), now()).unwrap_err(),
        Error::ChipIdMismatch
    );

    let mut c = SimConfig::new(Product::Genoa);
    c.cert_tcb = Some(TcbVersion { snp: 22, ..c.tcb });
    let s = sim(c);
    assert_eq!(
        verify(&bundle(&s, None), &policy(&s), now()).unwrap_err(),
        Error::TcbCertMismatch {
            component: crate::report::TcbComponent::Snp,
            cert: 22,
            report: 23
        }
    );

    // Turin: the hwID is 8 bytes; a 64-byte one does not match.
    let mut c = SimConfig::new(Product::Turin);
    c.cert_hwid = Some(c.chip_id.to_vec());
    let s = sim(c);
    assert_eq!(
        verify(&bundle(&s, None), &policy(&s), now()).unwrap_err(),
        Error::ChipIdMismatch
    );
}

#[test]
fn expired_leaf_and_stale_or_revoking_crl() {
    let mut c = SimConfig::new(Product::Genoa);
    c.leaf_validity = Duration::from_secs(10 * 86_400);
    let s = sim(c);
    let b = bundle(&s, None);
    let mut later_b = b;
    later_b.expires_at += 100 * 86_400;
    // Day 20: CRL still fresh (30 days), VCEK expired.
    let day20 = now() + Duration::from_secs(20 * 86_400);
    assert!(matches!(
        verify(&later_b, &policy(&s), day20).unwrap_err(),
        Error::CertExpired {
            role: CertRole::Vcek,
            ..
        }
    ));

    // Day 40 with a long-lived leaf: the CRL is stale unless the policy allows it.
    let s = genoa();
    let mut b = bundle(s, None);
    b.expires_at += 100 * 86_400;
    let day40 = now() + Duration::from_secs(40 * 86_400);
    assert!(matches!(
        verify(&b, &policy(s), day40).unwrap_err(),
        Error::CrlStale { .. }
    ));
    assert!(
        verify(&b, &policy(s).crl(CrlPolicy::AllowStale), day40)
            .is_ok_and(|v| v.report().signer() == SigningKey::Vcek)
    );
    // An expiry beyond what SystemTime holds is refused, not a panic.
    let mut far = b.clone();
    far.expires_at = u64::MAX;
    assert!(matches!(
        verify(&far, &policy(s).crl(CrlPolicy::AllowStale), day40).unwrap_err(),
        Error::Evidence(_)
    ));
    let mut no_crl = b;
    no_crl.collateral.crl = None;
    assert_eq!(
        verify(&no_crl, &policy(s), now()).unwrap_err(),
        Error::CrlMissing
    );

    let mut c = SimConfig::new(Product::Genoa);
    c.revoke_intermediate = true;
    let s = sim(c);
    assert_eq!(
        verify(&bundle(&s, None), &policy(&s), now()).unwrap_err(),
        Error::Revoked {
            role: CertRole::Ask,
            serial: "020002".into()
        }
    );
}

#[test]
fn evidence_expiry_binding_and_nonce() {
    let sim = genoa();
    let b = bundle(sim, None);
    let later = UNIX_EPOCH + Duration::from_secs(b.expires_at);
    assert_eq!(
        verify(&b, &policy(sim), later).unwrap_err(),
        Error::EvidenceExpired {
            expires_at: b.expires_at,
            now: b.expires_at
        }
    );
    // Another key configuration than the one the report binds.
    let mut t = b.clone();
    let k = GatewayKey::generate(KeyId(2), Kem::X25519Sha256).unwrap();
    t.key_configs = Base64Bytes(KeyConfigList::from_keys([&k]).unwrap().encoded().to_vec());
    assert_eq!(
        verify(&t, &policy(sim), now()).unwrap_err(),
        Error::ReportDataMismatch
    );
    // Other claims.
    let mut t = b.clone();
    t.claims.enclave_version = "0.1.1".into();
    assert_eq!(
        verify(&t, &policy(sim), now()).unwrap_err(),
        Error::ReportDataMismatch
    );

    // Fresh evidence: bound to the nonce; a different requested nonce is refused.
    let n = Nonce([7; 32]);
    let fresh = bundle(sim, Some(n));
    assert!(verify(&fresh, &policy(sim).nonce(n), now()).is_ok_and(|v| v.claims() == &claims()));
    assert_eq!(
        verify(&fresh, &policy(sim).nonce(Nonce([8; 32])), now()).unwrap_err(),
        Error::NonceMismatch
    );
    // Cached evidence when fresh was asked for.
    assert_eq!(
        verify(&b, &policy(sim).nonce(n), now()).unwrap_err(),
        Error::NonceMismatch
    );
    // Claiming the nonce without a report made for it breaks the binding.
    let mut t = b;
    t.nonce = Some(n);
    assert_eq!(
        verify(&t, &policy(sim).nonce(n), now()).unwrap_err(),
        Error::ReportDataMismatch
    );
}

#[test]
fn raw_evidence_verifies_with_verify_report() {
    let sim = genoa();
    let raw = sim.report([1; 64]).unwrap();
    let chain: Vec<&[u8]> = raw.chain.iter().map(Vec::as_slice).collect();
    let p = Policy::authenticity()
        .dangerous_accept_simulated_root(sim.ark_der())
        .unwrap();
    let v = verify_report(
        &raw.report,
        &raw.signer_cert,
        &chain,
        raw.crl.as_deref(),
        &p,
        now(),
    )
    .unwrap();
    assert_eq!(v.report().report_data.0, [1; 64]);
    // The report decodes and round-trips its TCB like a real one.
    let r = Report::parse(&raw.report, None).unwrap();
    assert_eq!(r.reported_tcb.raw, sim.config().tcb.encode(Product::Genoa));
    // Without the intermediate a simulated chain cannot be completed.
    let ark_only: Vec<&[u8]> = vec![sim.ark_der()];
    assert_eq!(
        verify_report(
            &raw.report,
            &raw.signer_cert,
            &ark_only,
            raw.crl.as_deref(),
            &p,
            now()
        )
        .unwrap_err(),
        Error::IntermediateMissing {
            role: CertRole::Ask,
            product: Product::Genoa
        }
    );
}

#[test]
fn cached_chain_skips_only_the_chain_signatures() {
    let sim = genoa();
    let first = verify(&bundle(sim, None), &policy(sim), now()).unwrap();
    let chain = first.report().chain().clone();
    assert_eq!(
        (chain.product(), chain.signer()),
        (Product::Genoa, SigningKey::Vcek)
    );
    let n = Nonce([9; 32]);
    let second = bundle(sim, Some(n));
    let v = crate::verify::verify_cached(&second, &policy(sim).nonce(n), now(), &chain).unwrap();
    assert_eq!(v.report().signer(), SigningKey::Vcek);
    // The report itself is still fully checked.
    let mut t = second.clone();
    t.report.0[0x90] ^= 1;
    assert_eq!(
        crate::verify::verify_cached(&t, &policy(sim).nonce(n), now(), &chain).unwrap_err(),
        Error::ReportSignature {
            signer: SigningKey::Vcek
        }
    );
    // Time-dependent parts are re-checked: the CRL goes stale after 30 days.
    let day40 = now() + Duration::from_secs(40 * 86_400);
    let mut late = second.clone();
    late.expires_at += 100 * 86_400;
    assert!(matches!(
        crate::verify::verify_cached(&late, &policy(sim).nonce(n), day40, &chain).unwrap_err(),
        Error::CrlStale { .. }
    ));
    // Another platform's VCEK does not match the cache: the full check runs and the
    // signature fails against the other key.
    let mut other = second;
    other.collateral.vcek = Some(Base64Bytes(sim_other_vcek()));
    assert_eq!(
        crate::verify::verify_cached(&other, &policy(sim).nonce(n), now(), &chain).unwrap_err(),
        Error::ReportSignature {
            signer: SigningKey::Vcek
        }
    );
}

#[test]
fn same_report_again_skips_its_signature_but_nothing_else() {
    let sim = genoa();
    let evidence = bundle(sim, None);
    let first = verify(&evidence, &policy(sim), now()).unwrap();
    let chain = first.report().chain().clone();
    // The host serves the same cached evidence again, half an hour later: still valid.
    let later = now() + Duration::from_secs(1800);
    let again = crate::verify::verify_cached(&evidence, &policy(sim), later, &chain).unwrap();
    assert_eq!(
        again.report().report().measurement,
        first.report().report().measurement
    );
    // Same signed bytes but a different signature value: the digest differs, the ECDSA
    // check runs and fails.
    let mut resigned = evidence.clone();
    resigned.report.0[0x2A0] ^= 1;
    assert_eq!(
        crate::verify::verify_cached(&resigned, &policy(sim), later, &chain).unwrap_err(),
        Error::ReportSignature {
            signer: SigningKey::Vcek
        }
    );
    // Policy and time checks still run on the cached report: a stricter measurement
    // allow-list refuses it, and so does a time past the evidence's expiry.
    let strict = Policy::strict([crate::report::Measurement([0xEE; 48])])
        .dangerous_accept_simulated_root(sim.ark_der())
        .unwrap();
    assert!(matches!(
        crate::verify::verify_cached(&evidence, &strict, later, &chain).unwrap_err(),
        Error::MeasurementNotAllowed { .. }
    ));
    let expired = UNIX_EPOCH + Duration::from_secs(evidence.expires_at + 1);
    assert!(matches!(
        crate::verify::verify_cached(&evidence, &policy(sim), expired, &chain).unwrap_err(),
        Error::EvidenceExpired { .. }
    ));
}

#[test]
fn malformed_bundle_is_reported_and_other_checks_still_run() {
    let sim = genoa();
    let mut b = bundle(sim, None);
    b.expires_at = b.issued_at;
    assert!(matches!(
        verify(&b, &policy(sim), now()).unwrap_err(),
        Error::Evidence(obscura_protocol::Error::Malformed { .. })
    ));
    let results = check(&b, &policy(sim), now());
    let outcome = |id: &str| results.iter().find(|r| r.id == id).unwrap().outcome;
    assert_eq!(outcome("evidence.format"), Outcome::Fail);
    assert_eq!(outcome("report.signature"), Outcome::Pass);
    assert_eq!(outcome("report_data"), Outcome::Pass);
    assert_eq!(outcome("evidence.expiry"), Outcome::Fail);
}

#[test]
fn more_certificate_and_product_failures() {
    // A VLEK chain whose ASVK is revoked.
    let mut c = SimConfig::new(Product::Genoa);
    c.signer = SigningKey::Vlek;
    c.revoke_intermediate = true;
    let s = sim(c);
    assert_eq!(
        verify(&bundle(&s, None), &policy(&s), now()).unwrap_err(),
        Error::Revoked {
            role: CertRole::Asvk,
            serial: "030001".into()
        }
    );
    // A VLEK with a hwID.
    let mut c = SimConfig::new(Product::Genoa);
    c.signer = SigningKey::Vlek;
    c.cert_hwid = Some(vec![1; 64]);
    let s = sim(c);
    assert_eq!(
        verify(&bundle(&s, None), &policy(&s), now()).unwrap_err(),
        Error::VlekHasHwId
    );
    // A productName of another product.
    let mut c = SimConfig::new(Product::Genoa);
    c.cert_product_name = Some("Milan-B0".into());
    let s = sim(c);
    assert_eq!(
        verify(&bundle(&s, None), &policy(&s), now()).unwrap_err(),
        Error::ProductNameMismatch {
            name: "Milan-B0".into(),
            product: Product::Genoa
        }
    );
    // No TCB extensions at all: a missing extension is a failure, never a skipped check.
    let mut c = SimConfig::new(Product::Turin);
    c.omit_cert_tcb = true;
    let s = sim(c);
    assert_eq!(
        verify(&bundle(&s, None), &policy(&s), now()).unwrap_err(),
        Error::ExtensionMissing {
            role: CertRole::Vcek,
            extension: "fmcSPL"
        }
    );
    // The policy pins Milan, the CPUID says Genoa.
    let s = genoa();
    assert_eq!(
        verify(&bundle(s, None), &policy(s).product(Product::Milan), now()).unwrap_err(),
        Error::ProductMismatch {
            expected: Product::Milan,
            found: Product::Genoa
        }
    );
    // A VCEK-signed report with a masked CHIP_ID, re-signed.
    let b = bundle(s, None);
    let mut raw: [u8; 1184] = b.report.0.clone().try_into().unwrap();
    raw[0x1A0..0x1E0].fill(0);
    s.sign(&mut raw).unwrap();
    let mut t = b;
    t.report.0 = raw.to_vec();
    assert_eq!(
        verify(&t, &policy(s), now()).unwrap_err(),
        Error::ChipIdMasked
    );
}
