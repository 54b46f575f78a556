//! Verification cost: cold (ARK, intermediate, leaf, CRL and report) against cached (the
//! chain and CRL verified once, then only validity, CRL freshness and the report).
//!
//! Uses the simulator with the simulator-only test keys under `testdata/`, so it needs no
//! hardware and no AMD collateral. Run with `cargo bench -p obscura-attestation`.

// Benchmark set-up: a failure here is a broken fixture, so panicking with a message is right.
// `criterion_group!` generates an undocumented public function.
#![allow(clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use criterion::{Criterion, criterion_group, criterion_main};
use obscura_attestation::report::Product;
use obscura_attestation::sim::{AttestationProvider, SimConfig, SimKeys, Simulator};
use obscura_attestation::verify::{Policy, verify, verify_cached};
use obscura_protocol::api::Digest32;
use obscura_protocol::evidence::{
    Base64Bytes, EVIDENCE_VERSION, EvidenceBundle, Nonce, WorkloadClaims,
};
use obscura_protocol::keys::{GatewayKey, Kem, KeyConfigList, KeyId};

fn bench_verify(c: &mut Criterion) {
    let now = UNIX_EPOCH + Duration::from_secs(1_795_478_400);
    let keys = SimKeys::from_pkcs8_pem(
        include_str!("../testdata/sim-ark.key.pem"),
        include_str!("../testdata/sim-ask.key.pem"),
        include_str!("../testdata/sim-asvk.key.pem"),
    )
    .expect("simulator test keys");
    let sim = Simulator::new(&keys, SimConfig::new(Product::Genoa), now).expect("simulator");
    let gateway = GatewayKey::generate(KeyId(1), Kem::X25519Sha256).expect("gateway key");
    let key_configs = KeyConfigList::from_keys([&gateway])
        .expect("key config list")
        .encoded()
        .to_vec();
    let claims = WorkloadClaims {
        enclave_version: "0.1.0".into(),
        models: Vec::new(),
        pipeline_digest: Digest32([0; 32]),
    };
    let rd = obscura_protocol::binding::report_data(&key_configs, &claims, &Nonce::ZERO);
    let raw = sim.report(rd.0).expect("report");
    let issued_at = secs(now) - 60;
    let bundle = EvidenceBundle {
        version: EVIDENCE_VERSION,
        report: Base64Bytes(raw.report.clone()),
        collateral: raw.collateral(),
        key_configs: Base64Bytes(key_configs),
        claims,
        nonce: None,
        issued_at,
        expires_at: issued_at + 3600,
    };
    let policy = Policy::strict([sim.config().measurement])
        .dangerous_accept_simulated_root(sim.ark_der())
        .expect("simulated root");
    let first = verify(&bundle, &policy, now).expect("simulated evidence verifies");
    // A chain whose last verified report is `bundle` itself (the host serving the same
    // cached evidence again) and one that verified another report from the same VCEK.
    let same_report = first.report().chain().clone();
    let nonce = Nonce([7; 32]);
    let other_rd =
        obscura_protocol::binding::report_data(&bundle.key_configs.0, &bundle.claims, &nonce);
    let other = EvidenceBundle {
        report: Base64Bytes(sim.report(other_rd.0).expect("report").report),
        nonce: Some(nonce),
        ..bundle.clone()
    };
    let chain = verify(&other, &policy.clone().nonce(nonce), now)
        .expect("second report verifies")
        .report()
        .chain()
        .clone();

    let mut g = c.benchmark_group("verify");
    g.bench_function("cold: chain + CRL + report", |b| {
        b.iter(|| verify(black_box(&bundle), &policy, now).expect("verifies"))
    });
    g.bench_function("cached chain: new report (ECDSA P-384)", |b| {
        b.iter(|| verify_cached(black_box(&bundle), &policy, now, &chain).expect("verifies"))
    });
    g.bench_function("cached chain: same report again", |b| {
        b.iter(|| verify_cached(black_box(&bundle), &policy, now, &same_report).expect("verifies"))
    });
    g.finish();
}

fn secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3));
    targets = bench_verify
}
criterion_main!(benches);
