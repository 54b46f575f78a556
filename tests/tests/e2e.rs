//! SDK → host (rustls on 127.0.0.1:0) → enclave gateways (127.0.0.1:0) and back, with
//! simulated SEV-SNP evidence verified by the SDK under a strict policy.
//!
//! The enclave handler here reports what it received (the image pipeline plugs in through
//! the same `Handler` trait); everything else is the production code path.

#![allow(clippy::unwrap_used, clippy::panic)] // test code: a panic is a failed test

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use obscura_attestation::report::Measurement;
use obscura_attestation::verify::Policy;
use obscura_enclave::gateway::GatewayConfig;
use obscura_enclave::gateway::Handler;
use obscura_protocol::api::{
    CaptionOptions, ErrorCode, RedactedText, RejectCode, SanitizeResponse,
};
use obscura_protocol::evidence::WorkloadClaims;
use obscura_protocol::message::{CaptionOutcome, CaptionRequest, SanitizeOutcome, SanitizeRequest};
use obscura_protocol::transport::EnclaveAddr;
use obscura_sdk::Error;
use obscura_tests::{ReplicaTransport, sample_png, start_stack, start_stack_over};

/// Reports which replica answered and how many image bytes arrived.
struct Report {
    replica: usize,
    calls: Arc<AtomicUsize>,
}

impl Handler for Report {
    fn handle(&self, request: CaptionRequest) -> CaptionOutcome {
        self.calls.fetch_add(1, Ordering::Relaxed);
        if request.image.len() < 8 {
            return CaptionOutcome::Err(ErrorCode::ImageUndecodable);
        }
        CaptionOutcome::Ok(Box::new(obscura_tests::caption_only(format!(
            "replica {} got {} bytes",
            self.replica,
            request.image.len()
        ))))
    }

    fn sanitize(&self, request: SanitizeRequest) -> SanitizeOutcome {
        self.calls.fetch_add(1, Ordering::Relaxed);
        // Reports the sizes it received (the real sanitizer is tested in e2e_pipeline.rs).
        let sizes: Vec<String> = request.texts.iter().map(|t| t.len().to_string()).collect();
        SanitizeOutcome::Ok(Box::new(SanitizeResponse {
            texts: vec![RedactedText::new(format!(
                "replica {} got {}",
                self.replica,
                sizes.join(",")
            ))],
            ..SanitizeResponse::default()
        }))
    }
}

fn claims() -> WorkloadClaims {
    obscura_tests::stand_in_claims("test-handler")
}

fn handlers(n: usize) -> (Vec<Report>, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let hs = (0..n)
        .map(|replica| Report {
            replica,
            calls: Arc::clone(&calls),
        })
        .collect();
    (hs, calls)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn caption_through_host_to_two_attested_replicas() {
    let (hs, calls) = handlers(2);
    let stack = start_stack(hs, claims()).await.unwrap();
    let client = stack.client().unwrap();
    let png = sample_png();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..4 {
        let resp = client
            .caption(png.clone(), CaptionOptions::default())
            .await
            .unwrap();
        let caption = resp.caption.unwrap();
        assert!(caption.as_str().ends_with("got 67 bytes"), "{caption:?}");
        seen.insert(caption.as_str().to_owned());
    }
    // Both replicas verified and were used in turn.
    assert_eq!(seen.len(), 2);
    assert_eq!(calls.load(Ordering::Relaxed), 4);
    // The enclave's sealed error comes back typed.
    assert_eq!(
        client
            .caption(vec![1, 2, 3], CaptionOptions::default())
            .await
            .unwrap_err(),
        Error::Service(ErrorCode::ImageUndecodable)
    );
}

/// The host reaches the replicas over Unix sockets: the same pooled client and socket enum
/// that carries vsock in a CVM, with fresh nonce-bound evidence and the image round trip.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_behind_unix_sockets_answer_like_tcp_ones() {
    let (hs, calls) = handlers(2);
    let stack = start_stack_over(
        hs,
        claims(),
        GatewayConfig::default(),
        ReplicaTransport::Unix,
    )
    .await
    .unwrap();
    assert!(
        stack
            .enclave_addrs
            .iter()
            .all(|a| matches!(a, EnclaveAddr::Unix(p) if p.to_string_lossy().ends_with(".sock"))),
        "{:?}",
        stack.enclave_addrs
    );
    let client = stack.client().unwrap();
    assert_eq!(client.attest().await.unwrap(), 2);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..4 {
        let resp = client
            .caption(sample_png(), CaptionOptions::default())
            .await
            .unwrap();
        seen.insert(resp.caption.unwrap().as_str().to_owned());
    }
    let expected: std::collections::BTreeSet<String> =
        ["replica 0 got 67 bytes", "replica 1 got 67 bytes"]
            .into_iter()
            .map(str::to_owned)
            .collect();
    assert_eq!(seen, expected);
    assert_eq!(calls.load(Ordering::Relaxed), 4);
    let fresh = stack.fresh_client().unwrap();
    let resp = fresh
        .caption(sample_png(), CaptionOptions::default())
        .await
        .unwrap();
    assert!(resp.caption.unwrap().as_str().ends_with("got 67 bytes"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fresh_nonce_bound_evidence() {
    let (hs, _) = handlers(1);
    let stack = start_stack(hs, claims()).await.unwrap();
    let client = stack.fresh_client().unwrap();
    for _ in 0..2 {
        let resp = client
            .caption(sample_png(), CaptionOptions::default())
            .await
            .unwrap();
        assert_eq!(resp.caption.unwrap().as_str(), "replica 0 got 67 bytes");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn evidence_outside_policy_is_refused_before_anything_is_sent() {
    let (hs, calls) = handlers(1);
    let stack = start_stack(hs, claims()).await.unwrap();
    let policy = Policy::strict([Measurement([0x11; 48])])
        .dangerous_accept_simulated_root(&stack.ark_der)
        .unwrap();
    let client = obscura_sdk::Client::builder()
        .endpoint(&stack.host_url)
        .api_key(&stack.api_key)
        .add_root_certificate_pem(stack.ca_pem.as_bytes())
        .policy(policy)
        .build()
        .unwrap();
    let err = client
        .caption(sample_png(), CaptionOptions::default())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Attestation(obscura_attestation::Error::MeasurementNotAllowed { .. })
        ),
        "{err:?}"
    );
    // Without the dangerous switch, the simulated root itself is refused.
    let client = obscura_sdk::Client::builder()
        .endpoint(&stack.host_url)
        .api_key(&stack.api_key)
        .add_root_certificate_pem(stack.ca_pem.as_bytes())
        .policy(Policy::strict([obscura_tests::SIM_MEASUREMENT]))
        .build()
        .unwrap();
    assert!(matches!(
        client
            .caption(sample_png(), CaptionOptions::default())
            .await
            .unwrap_err(),
        Error::Attestation(obscura_attestation::Error::ArkNotPinned { .. })
    ));
    assert_eq!(calls.load(Ordering::Relaxed), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_rotation_makes_the_sdk_reattest() {
    let (hs, calls) = handlers(1);
    let stack = start_stack(hs, claims()).await.unwrap();
    let client = stack.client().unwrap();
    client
        .caption(sample_png(), CaptionOptions::default())
        .await
        .unwrap();
    stack.enclaves[0].rotate_now(9, 10).unwrap();
    // The cached key is gone: unknown key id → host refreshes → SDK re-attests → success.
    let resp = client
        .caption(sample_png(), CaptionOptions::default())
        .await
        .unwrap();
    assert_eq!(resp.caption.unwrap().as_str(), "replica 0 got 67 bytes");
    assert_eq!(calls.load(Ordering::Relaxed), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_api_key_is_refused() {
    let (hs, _) = handlers(1);
    let stack = start_stack(hs, claims()).await.unwrap();
    let client = obscura_sdk::Client::builder()
        .endpoint(&stack.host_url)
        .api_key("not-a-key")
        .add_root_certificate_pem(stack.ca_pem.as_bytes())
        .policy(stack.policy().unwrap())
        .build()
        .unwrap();
    assert_eq!(
        client
            .caption(sample_png(), CaptionOptions::default())
            .await
            .unwrap_err(),
        Error::Rejected(RejectCode::Unauthorized)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sanitize_travels_the_same_confidential_path() {
    let (hs, calls) = handlers(1);
    let stack = start_stack(hs, claims()).await.unwrap();
    let client = stack.client().unwrap();
    let resp = client
        .sanitize(&["Seen by Dr. Jane Roe", "", "MRN 0042"])
        .await
        .unwrap();
    assert_eq!(resp.texts.len(), 1);
    assert_eq!(resp.texts[0].as_str(), "replica 0 got 20,0,8");
    assert_eq!(calls.load(Ordering::Relaxed), 1);
}
