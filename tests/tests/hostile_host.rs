//! A hostile host: a man-in-the-middle proxy on loopback between the real SDK and the real
//! host (both over rustls) tampers with evidence, requests and responses. Each attack must
//! end in its own error at the SDK or the enclave, and never in a result opened under a
//! key the client did not verify.
//!
//! Not repeated here: an evidence measurement outside the policy, the simulated root without
//! the dangerous switch and key rotation (`e2e.rs`), and the other replica's key failing to
//! open a request in process (`protocol_path.rs`).

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use obscura_attestation::report::SigningKey;
use obscura_enclave::gateway::Handler;
use obscura_protocol::api::{
    CaptionOptions, ENCLAVE_OHTTP_PATH, ErrorCode, OHTTP_REQUEST_MEDIA_TYPE, RejectBody, RejectCode,
};
use obscura_protocol::evidence::{AttestationList, WorkloadClaims};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use obscura_protocol::secret::SecretBytes;
use obscura_sdk::Error;
use obscura_tests::mitm::Mitm;
use obscura_tests::{Stack, sample_png, start_stack};

/// Answers with the replica number and a digest-like echo of the image length.
struct Echo {
    replica: usize,
    calls: Arc<AtomicUsize>,
}

impl Handler for Echo {
    fn handle(&self, request: CaptionRequest) -> CaptionOutcome {
        self.calls.fetch_add(1, Ordering::SeqCst);
        CaptionOutcome::Ok(Box::new(obscura_tests::caption_only(format!(
            "replica {} got {} bytes",
            self.replica,
            request.image.len()
        ))))
    }
}

fn claims() -> WorkloadClaims {
    obscura_tests::stand_in_claims("echo")
}

struct Setup {
    stack: Stack,
    mitm: Mitm,
    calls: Arc<AtomicUsize>,
}

async fn setup(replicas: usize) -> Setup {
    let calls = Arc::new(AtomicUsize::new(0));
    let handlers = (0..replicas)
        .map(|replica| Echo {
            replica,
            calls: Arc::clone(&calls),
        })
        .collect();
    let stack = start_stack(handlers, claims()).await.unwrap();
    let mitm = Mitm::start(&stack.host_url, &stack.ca_pem).await.unwrap();
    Setup { stack, mitm, calls }
}

impl Setup {
    fn client(&self) -> obscura_sdk::Client {
        self.stack
            .client_via(&self.mitm.url, &self.mitm.ca_pem)
            .unwrap()
    }

    /// The last request the client sent to `POST /v1/caption`.
    fn last_caption_request(&self) -> Vec<u8> {
        self.mitm
            .exchanges()
            .into_iter()
            .rev()
            .find(|e| e.path == "/v1/caption")
            .unwrap()
            .request
    }

    /// POSTs a sealed request to the host as the attacker would, with a valid API key.
    async fn post_to_host(&self, body: Vec<u8>) -> (u16, Vec<u8>) {
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .add_root_certificate(
                reqwest::Certificate::from_pem(self.stack.ca_pem.as_bytes()).unwrap(),
            )
            .build()
            .unwrap();
        let resp = http
            .post(format!("{}/v1/caption", self.stack.host_url))
            .bearer_auth(&self.stack.api_key)
            .header("content-type", OHTTP_REQUEST_MEDIA_TYPE)
            .body(body)
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        (status, resp.bytes().await.unwrap().to_vec())
    }
}

fn reject_code(body: &[u8]) -> RejectCode {
    serde_json::from_slice::<RejectBody>(body).unwrap().error
}

fn request_at(date: SystemTime) -> CaptionRequest {
    CaptionRequest {
        options: CaptionOptions::default(),
        media_type: None,
        date,
        image: SecretBytes::new(sample_png()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_request_is_refused_by_the_enclave() {
    let s = setup(1).await;
    let client = s.client();
    let first = client
        .caption(sample_png(), CaptionOptions::default())
        .await
        .unwrap();
    assert_eq!(first.caption.unwrap().as_str(), "replica 0 got 67 bytes");
    let captured = s.last_caption_request();

    // The host (or anyone on the path) sends the captured ciphertext again.
    let (status, body) = s.post_to_host(captured.clone()).await;
    assert_eq!(status, 409);
    assert_eq!(reject_code(&body), RejectCode::Replayed);

    // The proxy swaps the client's next request for the captured one: the client gets the
    // enclave's refusal, not the first request's answer.
    let replay = captured.clone();
    s.mitm.on_request(Some(Arc::new(move |path, body| {
        if path == "/v1/caption" {
            body.clone_from(&replay);
        }
    })));
    assert_eq!(
        client
            .caption(sample_png(), CaptionOptions::default())
            .await
            .unwrap_err(),
        Error::Rejected(RejectCode::Replayed)
    );
    // The pipeline ran once: for the original only.
    assert_eq!(s.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_date_outside_the_skew_window_is_refused_inside_the_enclave() {
    let s = setup(1).await;
    let client = s.client();
    assert_eq!(client.attest().await.unwrap(), 1);
    let keys = client.verified().unwrap()[0].key_configs().clone();
    let now = SystemTime::now();
    // Held back (or sent ahead) by more than ±60 s: sealed, so only the enclave can tell,
    // and its answer is sealed too.
    for date in [
        now - Duration::from_secs(120),
        now + Duration::from_secs(120),
    ] {
        let (sealed, pending) = obscura_sdk::seal_caption(&keys, &request_at(date)).unwrap();
        let (status, body) = s.post_to_host(sealed).await;
        assert_eq!(status, 200);
        assert_eq!(
            pending.finish(&body).unwrap(),
            CaptionOutcome::Err(ErrorCode::StaleDate)
        );
    }
    assert_eq!(s.calls.load(Ordering::SeqCst), 0);
    // Within the window the same path works.
    let (sealed, pending) =
        obscura_sdk::seal_caption(&keys, &request_at(now - Duration::from_secs(30))).unwrap();
    let (status, body) = s.post_to_host(sealed).await;
    assert_eq!(status, 200);
    match pending.finish(&body).unwrap() {
        CaptionOutcome::Ok(resp) => {
            assert_eq!(resp.caption.unwrap().as_str(), "replica 0 got 67 bytes");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.calls.load(Ordering::SeqCst), 1);
}

/// A change to the evidence list.
type EvidenceTamper = dyn Fn(&mut AttestationList) + Send + Sync;

/// Rewrites `GET /v1/attestation` answers with `f`.
fn tamper_evidence(mitm: &Mitm, f: impl Fn(&mut AttestationList) + Send + Sync + 'static) {
    mitm.on_response(Some(Arc::new(move |path, status, body| {
        if path == "/v1/attestation" && *status == 200 {
            let mut list = AttestationList::from_json(body).unwrap();
            f(&mut list);
            *body = serde_json::to_vec(&list).unwrap();
        }
    })));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_replicas_report_swapped_in_breaks_the_key_binding() {
    let s = setup(2).await;
    // Each bundle keeps its own keys but carries the other replica's (genuine, correctly
    // signed) report and certificates.
    tamper_evidence(&s.mitm, |list| {
        let (a, b) = list.replicas.split_at_mut(1);
        std::mem::swap(&mut a[0].report, &mut b[0].report);
        std::mem::swap(&mut a[0].collateral, &mut b[0].collateral);
    });
    let client = s.client();
    assert_eq!(
        client
            .caption(sample_png(), CaptionOptions::default())
            .await
            .unwrap_err(),
        Error::Attestation(obscura_attestation::Error::ReportDataMismatch)
    );
    assert!(client.verified().unwrap().is_empty());
    // Nothing was sealed, let alone sent.
    assert!(s.mitm.exchanges().iter().all(|e| e.path != "/v1/caption"));
    assert_eq!(s.calls.load(Ordering::SeqCst), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_honest_replica_among_swapped_evidence_is_the_only_one_used() {
    let s = setup(2).await;
    // Replica 1's bundle gets replica 0's keys: its report no longer binds them.
    tamper_evidence(&s.mitm, |list| {
        let keys = list.replicas[0].key_configs.clone();
        list.replicas[1].key_configs = keys;
    });
    let client = s.client();
    for _ in 0..3 {
        let resp = client
            .caption(sample_png(), CaptionOptions::default())
            .await
            .unwrap();
        assert_eq!(resp.caption.unwrap().as_str(), "replica 0 got 67 bytes");
    }
    assert_eq!(client.verified().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stripped_or_altered_report_is_refused_with_its_own_error() {
    let s = setup(1).await;
    let cases: Vec<(&str, Box<EvidenceTamper>, Error)> = vec![
        (
            "report stripped",
            Box::new(|l: &mut AttestationList| l.replicas[0].report.0.clear()),
            Error::Protocol(obscura_protocol::Error::WrongLength {
                what: "attestation report",
                expected: 1184,
                got: 0,
            }),
        ),
        (
            "report truncated by one byte",
            Box::new(|l: &mut AttestationList| {
                l.replicas[0].report.0.pop();
            }),
            Error::Protocol(obscura_protocol::Error::WrongLength {
                what: "attestation report",
                expected: 1184,
                got: 1183,
            }),
        ),
        (
            "VCEK stripped",
            Box::new(|l: &mut AttestationList| l.replicas[0].collateral.vcek = None),
            Error::Protocol(obscura_protocol::Error::Missing("VCEK or VLEK certificate")),
        ),
        (
            "one byte of REPORT_DATA altered",
            Box::new(|l: &mut AttestationList| l.replicas[0].report.0[0x50] ^= 1),
            Error::Attestation(obscura_attestation::Error::ReportSignature {
                signer: SigningKey::Vcek,
            }),
        ),
        (
            "one byte of MEASUREMENT altered",
            Box::new(|l: &mut AttestationList| l.replicas[0].report.0[0x90] ^= 0x80),
            Error::Attestation(obscura_attestation::Error::ReportSignature {
                signer: SigningKey::Vcek,
            }),
        ),
        (
            "one byte of the signature altered",
            Box::new(|l: &mut AttestationList| l.replicas[0].report.0[0x2A0] ^= 1),
            Error::Attestation(obscura_attestation::Error::ReportSignature {
                signer: SigningKey::Vcek,
            }),
        ),
    ];
    for (what, tamper, expected) in cases {
        let tamper = Arc::new(tamper);
        tamper_evidence(&s.mitm, move |l| tamper(l));
        let client = s.client();
        assert_eq!(
            client
                .caption(sample_png(), CaptionOptions::default())
                .await
                .unwrap_err(),
            expected,
            "{what}"
        );
    }
    assert!(s.mitm.exchanges().iter().all(|e| e.path != "/v1/caption"));
    assert_eq!(s.calls.load(Ordering::SeqCst), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_truncated_ohttp_request_is_refused() {
    let s = setup(1).await;
    let client = s.client();
    client
        .caption(sample_png(), CaptionOptions::default())
        .await
        .unwrap();
    let full = s.last_caption_request().len();
    // Header is 7 bytes (key id, KEM, KDF, AEAD), then the X-Wing `enc` (1120 bytes), then
    // the AEAD ciphertext and its 16-byte tag: cut before a whole tag, the request is
    // malformed; after, it does not decrypt.
    let cases = [
        (0, RejectCode::MalformedRequest),
        (1, RejectCode::MalformedRequest),
        (6, RejectCode::MalformedRequest),
        (7, RejectCode::MalformedRequest),
        (7 + 500, RejectCode::MalformedRequest),
        (7 + 1120, RejectCode::MalformedRequest),
        (7 + 1120 + 16, RejectCode::DecryptFailed),
        (full - 16, RejectCode::DecryptFailed),
        (full - 1, RejectCode::DecryptFailed),
    ];
    for (cut, expected) in cases {
        let cut = Arc::new(Mutex::new(cut));
        let c = Arc::clone(&cut);
        s.mitm.on_request(Some(Arc::new(move |path, body| {
            if path == "/v1/caption" {
                body.truncate(*c.lock().unwrap());
            }
        })));
        assert_eq!(
            client
                .caption(sample_png(), CaptionOptions::default())
                .await
                .unwrap_err(),
            Error::Rejected(expected),
            "cut at {}",
            cut.lock().unwrap()
        );
    }
    assert_eq!(s.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_or_foreign_response_is_never_opened() {
    let s = setup(1).await;
    let client = s.client();
    client
        .caption(sample_png(), CaptionOptions::default())
        .await
        .unwrap();
    let old = s
        .mitm
        .exchanges()
        .into_iter()
        .rev()
        .find(|e| e.path == "/v1/caption")
        .unwrap()
        .response;
    // The previous request's genuine sealed answer, returned for a new request.
    let replayed = old.clone();
    s.mitm.on_response(Some(Arc::new(move |path, _, body| {
        if path == "/v1/caption" {
            body.clone_from(&replayed);
        }
    })));
    assert_eq!(
        client
            .caption(sample_png(), CaptionOptions::default())
            .await
            .unwrap_err(),
        Error::Protocol(obscura_protocol::Error::DecryptFailed)
    );
    // One bit flipped, or the tag cut off.
    for tamper in [0usize, 1] {
        s.mitm.on_response(Some(Arc::new(move |path, _, body| {
            if path == "/v1/caption" {
                if tamper == 0 {
                    let last = body.len() - 1;
                    body[last] ^= 1;
                } else {
                    body.truncate(body.len() - 16);
                }
            }
        })));
        assert_eq!(
            client
                .caption(sample_png(), CaptionOptions::default())
                .await
                .unwrap_err(),
            Error::Protocol(obscura_protocol::Error::DecryptFailed),
            "tamper {tamper}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_sent_to_the_wrong_replica_is_refused() {
    let s = setup(2).await;
    let client = s.client();
    assert_eq!(client.attest().await.unwrap(), 2);
    let verified = client.verified().unwrap();
    let keys0 = verified[0].key_configs().clone();
    let keys1 = verified[1].key_configs().clone();
    let id0 = keys0.select().unwrap().0.key_id();
    let id1 = keys1.select().unwrap().0.key_id();
    assert_ne!(id0, id1);

    // The host forwards replica 0's ciphertext to replica 1: it names a key replica 1 does
    // not hold.
    let (sealed, _pending) =
        obscura_sdk::seal_caption(&keys0, &request_at(SystemTime::now())).unwrap();
    let http = reqwest::Client::new();
    let resp = http
        .post(format!("{}{ENCLAVE_OHTTP_PATH}", s.stack.enclave_addrs[1]))
        .header("content-type", OHTTP_REQUEST_MEDIA_TYPE)
        .body(sealed)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 421);
    assert_eq!(
        reject_code(&resp.bytes().await.unwrap()),
        RejectCode::UnknownKeyId
    );

    // The proxy relabels the client's request with replica 1's key id so that the host
    // routes it there: replica 1's key does not open it.
    s.mitm.on_request(Some(Arc::new(move |path, body| {
        if path == "/v1/caption" && body.first() == Some(&id0.0) {
            body[0] = id1.0;
        }
    })));
    let mut errors = Vec::new();
    for _ in 0..2 {
        // Round robin: one of the two requests is for replica 0 and gets relabelled.
        if let Err(e) = client
            .caption(sample_png(), CaptionOptions::default())
            .await
        {
            errors.push(e);
        }
    }
    assert_eq!(errors, vec![Error::Rejected(RejectCode::DecryptFailed)]);
    assert_eq!(s.calls.load(Ordering::SeqCst), 1);
}
