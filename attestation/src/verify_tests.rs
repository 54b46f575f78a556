//! Verification against the real AMD-signed vectors in `shared/snp-vectors`.

use der::{DecodePem, Encode};

use super::*;
use crate::report::tests::vector;

/// The README's reference date, 2026-11-24T00:00:00Z.
pub(crate) fn reference_now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_478_400)
}

fn pem_cert(path: &str) -> Option<Vec<u8>> {
    let pem = vector(path)?;
    Some(Certificate::from_pem(&pem).unwrap().to_der().unwrap())
}

fn der_or_pem_cert(dir: &str) -> Option<Vec<u8>> {
    vector(&format!("{dir}/vcek.der")).or_else(|| pem_cert(&format!("{dir}/vcek.pem")))
}

fn crl(product: &str) -> Option<Vec<u8>> {
    let pem = vector(&format!("amd-crls/{product}-crl.pem"))?;
    let (label, der) = der::pem::decode_vec(&pem).unwrap();
    assert_eq!(label, "X509 CRL");
    Some(der)
}

struct Vector {
    report: Vec<u8>,
    vcek: Vec<u8>,
    chain: Vec<Vec<u8>>,
}

fn load(dir: &str) -> Option<Vector> {
    let report = vector(&format!("{dir}/report.bin"))?;
    let vcek = der_or_pem_cert(dir)?;
    let mut chain = Vec::new();
    for name in ["ask.pem", "ark.pem"] {
        let path = format!(
            "{}/../../shared/snp-vectors/{dir}/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        if std::path::Path::new(&path).exists() {
            chain.push(pem_cert(&format!("{dir}/{name}"))?);
        }
    }
    Some(Vector {
        report,
        vcek,
        chain,
    })
}

impl Vector {
    fn verify(&self, crl: Option<&[u8]>, policy: &Policy) -> Result<VerifiedReport, Error> {
        let chain: Vec<&[u8]> = self.chain.iter().map(Vec::as_slice).collect();
        verify_report(
            &self.report,
            &self.vcek,
            &chain,
            crl,
            policy,
            reference_now(),
        )
    }
}

fn milan_policy() -> Policy {
    Policy::authenticity()
        .product(Product::Milan)
        .crl(CrlPolicy::AllowStale)
}

#[test]
fn every_real_vector_verifies() {
    let Some(milan_crl) = crl("milan") else {
        return;
    };
    let Some(genoa_crl) = crl("genoa") else {
        return;
    };
    let cases: [(&str, Option<&[u8]>, Policy, Product); 6] = [
        (
            "virtee-milan-v2",
            Some(&milan_crl),
            milan_policy(),
            Product::Milan,
        ),
        (
            "trustee-milan-v2",
            Some(&milan_crl),
            milan_policy(),
            Product::Milan,
        ),
        (
            "aci-milan-v2",
            Some(&milan_crl),
            milan_policy(),
            Product::Milan,
        ),
        (
            "dstack-milan-v3",
            Some(&milan_crl),
            Policy::authenticity().crl(CrlPolicy::AllowStale),
            Product::Milan,
        ),
        (
            "azure-genoa-v3",
            Some(&genoa_crl),
            Policy::authenticity().crl(CrlPolicy::AllowStale),
            Product::Genoa,
        ),
        (
            "oak-turin-v5",
            None,
            Policy::authenticity().crl(CrlPolicy::IfPresent),
            Product::Turin,
        ),
    ];
    for (dir, crl, policy, product) in cases {
        let Some(v) = load(dir) else { return };
        let ok = v
            .verify(crl, &policy)
            .unwrap_or_else(|e| panic!("{dir}: {e}"));
        assert_eq!(ok.product(), product, "{dir}");
        assert_eq!(ok.signer(), SigningKey::Vcek, "{dir}");
        assert_eq!(ok.tcb(), ok.report().reported_tcb.version, "{dir}");
    }
}

#[test]
fn v2_without_pinned_product_is_refused() {
    let Some(v) = load("virtee-milan-v2") else {
        return;
    };
    let policy = Policy::authenticity().crl(CrlPolicy::Skip);
    assert_eq!(
        v.verify(None, &policy).unwrap_err(),
        Error::ProductRequired { version: 2 }
    );
    // Strict policies do not accept v2 at all.
    let strict = Policy::strict([])
        .product(Product::Milan)
        .crl(CrlPolicy::Skip);
    assert_eq!(
        v.verify(None, &strict).unwrap_err(),
        Error::UnsupportedVersion { version: 2 }
    );
}

#[test]
fn trustee_provisional_firmware_rejected_when_committed_must_equal_current() {
    let Some(v) = load("trustee-milan-v2") else {
        return;
    };
    let policy = milan_policy()
        .crl(CrlPolicy::Skip)
        .tcb_relation(TcbRelation::CommittedEqualsCurrent);
    assert_eq!(
        v.verify(None, &policy).unwrap_err(),
        Error::CommittedVsCurrent {
            component: "ucode",
            committed: 0x73,
            current: 0xCE
        }
    );
    let relaxed = policy.tcb_relation(TcbRelation::CommittedAtMostCurrent);
    assert_eq!(v.verify(None, &relaxed).unwrap().tcb().ucode, 0x73);
}

#[test]
fn invalid_vceks_fail_the_chain() {
    let Some(v) = load("virtee-milan-v2") else {
        return;
    };
    for name in ["vcek-invalid-legacy.der", "vcek-invalid-new.der"] {
        let Some(bad) = vector(&format!("negative-trustee-invalid-vceks/{name}")) else {
            return;
        };
        let v = Vector {
            vcek: bad,
            ..Vector {
                report: v.report.clone(),
                vcek: Vec::new(),
                chain: v.chain.clone(),
            }
        };
        assert_eq!(
            v.verify(None, &milan_policy().crl(CrlPolicy::Skip))
                .unwrap_err(),
            Error::CertSignature {
                signer: CertRole::Ask,
                signee: CertRole::Vcek
            },
            "{name}"
        );
    }
}

#[test]
fn stale_crl_is_a_policy_choice() {
    let Some(v) = load("azure-genoa-v3") else {
        return;
    };
    let Some(genoa_crl) = crl("genoa") else {
        return;
    };
    let err = v
        .verify(Some(&genoa_crl), &Policy::authenticity())
        .unwrap_err();
    assert_eq!(
        err,
        Error::CrlStale {
            next_update: Some(1_762_131_600),
            now: 1_795_478_400
        }
    );
    assert_eq!(
        v.verify(None, &Policy::authenticity()).unwrap_err(),
        Error::CrlMissing
    );
    // The Milan CRL is not signed by the Genoa ARK.
    let Some(milan_crl) = crl("milan") else {
        return;
    };
    assert_eq!(
        v.verify(
            Some(&milan_crl),
            &Policy::authenticity().crl(CrlPolicy::AllowStale)
        )
        .unwrap_err(),
        Error::CrlSignature
    );
}

#[test]
fn reserved_byte_in_current_tcb_rejected_although_sev_accepts_it() {
    let Some(mut v) = load("azure-genoa-v3") else {
        return;
    };
    v.report[0x3A] ^= 1;
    let policy = Policy::authenticity().crl(CrlPolicy::Skip);
    assert_eq!(
        v.verify(None, &policy).unwrap_err(),
        Error::ReservedNonZero { offset: 0x3A }
    );
}

#[test]
fn flipped_signed_byte_breaks_the_signature() {
    let Some(mut v) = load("oak-turin-v5") else {
        return;
    };
    v.report[0x90] ^= 1; // MEASUREMENT
    let policy = Policy::authenticity().crl(CrlPolicy::Skip);
    assert_eq!(
        v.verify(None, &policy).unwrap_err(),
        Error::ReportSignature {
            signer: SigningKey::Vcek
        }
    );
}

#[test]
fn foreign_ark_is_never_trusted() {
    let Some(mut v) = load("virtee-milan-v2") else {
        return;
    };
    let Some(genoa_ark) = pem_cert("azure-genoa-v3/ark.pem") else {
        return;
    };
    v.chain = vec![genoa_ark];
    assert_eq!(
        v.verify(None, &milan_policy()).unwrap_err(),
        Error::ArkNotPinned {
            product: Product::Milan
        }
    );
}

#[test]
fn vcek_not_yet_valid() {
    let Some(v) = load("dstack-milan-v3") else {
        return;
    };
    let before = UNIX_EPOCH + Duration::from_secs(1_780_272_000); // 2026-06-01
    let chain: Vec<&[u8]> = v.chain.iter().map(Vec::as_slice).collect();
    let err = verify_report(
        &v.report,
        &v.vcek,
        &chain,
        None,
        &Policy::authenticity().crl(CrlPolicy::Skip),
        before,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::CertNotYetValid {
                role: CertRole::Vcek,
                now: 1_780_272_000,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn vcek_of_another_chip_fails_the_signature() {
    // A genuine VCEK of another Milan chip (trustee) with the virtee report. The hwID
    // mismatch itself is tested with simulated evidence, where the signature can be valid.
    let Some(virtee) = load("virtee-milan-v2") else {
        return;
    };
    let Some(trustee) = load("trustee-milan-v2") else {
        return;
    };
    let v = Vector {
        vcek: trustee.vcek,
        ..virtee
    };
    let err = v
        .verify(None, &milan_policy().crl(CrlPolicy::Skip))
        .unwrap_err();
    assert_eq!(
        err,
        Error::ReportSignature {
            signer: SigningKey::Vcek
        }
    );
}

#[test]
fn check_list_for_a_real_vector() {
    let Some(v) = load("oak-turin-v5") else {
        return;
    };
    let policy = Policy::authenticity().crl(CrlPolicy::IfPresent);
    let results = check_report(&v.report, &v.vcek, &[], None, &policy, reference_now());
    assert_eq!(
        results.iter().map(|r| r.id).collect::<Vec<_>>(),
        CHECK_IDS.to_vec()
    );
    let outcome = |id: &str| results.iter().find(|r| r.id == id).unwrap().outcome;
    for id in [
        "report.size",
        "report.version",
        "report.reserved",
        "report.key_info",
        "chain.ark",
        "chain.intermediate",
        "chain.leaf",
        "cert.validity",
        "report.signature",
        "cert.product",
        "tcb.cert_match",
        "chip_id",
    ] {
        assert_eq!(outcome(id), Outcome::Pass, "{id}");
    }
    for id in [
        "crl",
        "tcb.minimum",
        "policy.debug",
        "vmpl",
        "measurement",
        "report_data",
        "nonce",
    ] {
        assert_eq!(outcome(id), Outcome::Skipped, "{id}");
    }
    // A failure is reported with its error, and the independent checks still run.
    let strict = Policy::strict([]).crl(CrlPolicy::Skip);
    let results = check_report(&v.report, &v.vcek, &[], None, &strict, reference_now());
    let m = results.iter().find(|r| r.id == "measurement").unwrap();
    assert_eq!(m.outcome, Outcome::Fail);
    assert!(matches!(m.error, Some(Error::MeasurementNotAllowed { .. })));
    assert_eq!(
        results.iter().find(|r| r.id == "vmpl").unwrap().outcome,
        Outcome::Pass
    );
    assert_eq!(
        results
            .iter()
            .find(|r| r.id == "report.signature")
            .unwrap()
            .outcome,
        Outcome::Pass
    );
}

#[test]
fn every_truncation_of_report_and_certificates_is_refused() {
    let Some(v) = load("azure-genoa-v3") else {
        return;
    };
    for cut in 0..v.report.len() {
        assert_eq!(
            Report::decode(&v.report[..cut], None).unwrap_err(),
            Error::ReportSize {
                expected: 1184,
                got: cut
            }
        );
    }
    for cut in 0..v.vcek.len() {
        assert_eq!(
            chain::decode_cert(&v.vcek[..cut], CertRole::Vcek).unwrap_err(),
            Error::CertDecode {
                role: CertRole::Vcek
            }
        );
    }
    // Through the verifier, a sample of cuts of the VCEK and of the CRL.
    let Some(genoa_crl) = crl("genoa") else {
        return;
    };
    let policy = Policy::authenticity().crl(CrlPolicy::AllowStale);
    let chain: Vec<&[u8]> = v.chain.iter().map(Vec::as_slice).collect();
    for cut in (0..v.vcek.len()).step_by(211) {
        let err = verify_report(
            &v.report,
            &v.vcek[..cut],
            &chain,
            Some(&genoa_crl),
            &policy,
            reference_now(),
        );
        assert_eq!(
            err.unwrap_err(),
            Error::CertDecode {
                role: CertRole::Vcek
            },
            "cut {cut}"
        );
    }
    for cut in (0..genoa_crl.len()).step_by(127) {
        let err = verify_report(
            &v.report,
            &v.vcek,
            &chain,
            Some(&genoa_crl[..cut]),
            &policy,
            reference_now(),
        );
        assert_eq!(
            err.unwrap_err(),
            Error::CertDecode {
                role: CertRole::Crl
            },
            "cut {cut}"
        );
    }
}

#[test]
fn real_genoa_crl_revokes_the_old_ask_serial() {
    let Some(genoa_crl) = crl("genoa") else {
        return;
    };
    let Some(ask) = pem_cert("azure-genoa-v3/ask.pem") else {
        return;
    };
    let ark = chain::ark(Product::Genoa, &[], None).unwrap();
    let mut old_ask = chain::decode_cert(&ask, CertRole::Ask).unwrap();
    assert_eq!(
        old_ask.tbs_certificate.serial_number.as_bytes(),
        [0x02, 0x00, 0x02]
    );
    let current = chain::RoleCert {
        role: CertRole::Ask,
        cert: old_ask.clone(),
    };
    let now = 1_795_478_400;
    assert!(
        chain::check_crl(
            Some(&genoa_crl),
            CrlPolicy::AllowStale,
            &ark,
            &[&current],
            now
        )
        .is_ok()
    );
    // The same ASK with the serial AMD revoked (only the CRL lookup looks at it here).
    old_ask.tbs_certificate.serial_number =
        x509_cert::serial_number::SerialNumber::new(&[0x02, 0x00, 0x01]).unwrap();
    let revoked = chain::RoleCert {
        role: CertRole::Ask,
        cert: old_ask,
    };
    assert_eq!(
        chain::check_crl(
            Some(&genoa_crl),
            CrlPolicy::AllowStale,
            &ark,
            &[&revoked],
            now
        )
        .unwrap_err(),
        Error::Revoked {
            role: CertRole::Ask,
            serial: "020001".into()
        }
    );
}

#[test]
fn vector_specific_policies() {
    // dstack: REPORTED snp SPL 0x17 < CURRENT 0x18; a minimum of 0x18 rejects it.
    let Some(v) = load("dstack-milan-v3") else {
        return;
    };
    let base = Policy::authenticity().crl(CrlPolicy::Skip);
    let min = TcbVersion {
        fmc: None,
        bl: 0,
        tee: 0,
        snp: 0x18,
        ucode: 0,
    };
    assert_eq!(
        v.verify(None, &base.clone().min_tcb(Product::Milan, min))
            .unwrap_err(),
        Error::TcbTooLow {
            which: "reported",
            component: crate::report::TcbComponent::Snp,
            got: 0x17,
            min: 0x18
        }
    );
    // A minimum for another product does not apply.
    assert!(
        v.verify(None, &base.clone().min_tcb(Product::Genoa, min))
            .is_ok_and(|r| r.tcb().snp == 0x17)
    );
    let ok_min = TcbVersion { snp: 0x17, ..min };
    assert!(
        v.verify(None, &base.min_tcb(Product::Milan, ok_min))
            .is_ok_and(|r| r.product() == Product::Milan)
    );

    // aci: HOST_DATA carries the security-policy digest.
    let Some(v) = load("aci-milan-v2") else {
        return;
    };
    let host_data: [u8; 32] = v.report[0xC0..0xE0].try_into().unwrap();
    assert_ne!(host_data, [0; 32]);
    let p = milan_policy().crl(CrlPolicy::Skip);
    assert!(
        v.verify(None, &p.clone().host_data(host_data))
            .is_ok_and(|r| r.report().host_data == host_data)
    );
    assert_eq!(
        v.verify(None, &p.clone().host_data([0; 32])).unwrap_err(),
        Error::HostData
    );
    assert_eq!(
        v.verify(None, &p.clone().family_id([1; 16])).unwrap_err(),
        Error::FamilyId
    );
    assert_eq!(
        v.verify(None, &p.vmpl(1)).unwrap_err(),
        Error::Vmpl {
            expected: 1,
            got: 0
        }
    );

    // oak Turin: the strict guest checks pass (debug and migration off) on a real report.
    let Some(v) = load("oak-turin-v5") else {
        return;
    };
    let measurement = crate::report::Measurement(v.report[0x90..0xC0].try_into().unwrap());
    let strict = Policy::strict([measurement]).crl(CrlPolicy::IfPresent);
    let results = check_report(&v.report, &v.vcek, &[], None, &strict, reference_now());
    for r in &results {
        let expected = match r.id {
            "evidence.format" | "crl" | "platform_info" | "workload.identity" | "report_data"
            | "evidence.expiry" | "nonce" => Outcome::Skipped,
            _ => Outcome::Pass,
        };
        assert_eq!(r.outcome, expected, "{}: {}", r.id, r.detail);
    }
}

#[test]
fn intermediate_is_chosen_by_name_and_a_wrong_one_is_named() {
    let Some(mut v) = load("virtee-milan-v2") else {
        return;
    };
    let asvk = chain::builtin_intermediate(Product::Milan, SigningKey::Vlek)
        .unwrap()
        .to_der()
        .unwrap();
    let policy = milan_policy().crl(CrlPolicy::Skip);
    // ASVK first, then the ASK and ARK: the ASK is picked for the VCEK.
    v.chain.insert(0, asvk.clone());
    assert!(
        v.verify(None, &policy)
            .is_ok_and(|r| r.signer() == SigningKey::Vcek)
    );
    // Only the ASVK for a VCEK-signed report (the VLEK/VCEK confusion of other verifiers).
    v.chain = vec![asvk];
    assert_eq!(
        v.verify(None, &policy).unwrap_err(),
        Error::CertName {
            role: CertRole::Ask
        }
    );
}
