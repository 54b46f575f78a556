//! Load: 200 concurrent SDK requests through one host to two replicas. Each handler answers
//! with the replica's number and the hex of the request's own random image bytes, so an
//! answer delivered to the wrong request would be seen (it could not even be opened: each
//! response is sealed to its own request's key). Every request ends in its own answer or in
//! the fixed `busy` code. Then one replica is stopped in the middle of a second wave: the
//! host drops it, clients re-attest to the one left and finish.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use obscura_enclave::gateway::{GatewayConfig, Handler};
use obscura_protocol::api::{CaptionOptions, ErrorCode, RejectCode};
use obscura_protocol::evidence::WorkloadClaims;
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use obscura_sdk::{Client, Error};
use tokio::sync::Mutex;

const REQUESTS: usize = 200;
const CLIENTS: usize = 4;

/// Echoes `replica N: <hex of the image>` after a short, CPU-free pause.
struct Echo {
    replica: usize,
    calls: Arc<AtomicUsize>,
}

impl Handler for Echo {
    fn handle(&self, request: CaptionRequest) -> CaptionOutcome {
        self.calls.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(3));
        CaptionOutcome::Ok(Box::new(obscura_tests::caption_only(format!(
            "replica {}: {}",
            self.replica,
            hex(request.image.expose())
        ))))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn claims() -> WorkloadClaims {
    obscura_tests::stand_in_claims("echo")
}

/// A distinct "image" per request: the PNG signature, then the request number.
fn image(n: usize) -> Vec<u8> {
    let mut img = b"\x89PNG\r\n\x1a\n".to_vec();
    img.extend_from_slice(&u64::try_from(n).unwrap().to_be_bytes());
    img
}

#[derive(Debug, Default)]
struct Tally {
    by_replica: [usize; 2],
    busy: usize,
}

/// Runs requests `range` spread over `clients`, all at once; checks each outcome.
async fn wave(clients: &[Arc<Client>], range: std::ops::Range<usize>, tally: &Arc<Mutex<Tally>>) {
    let mut tasks = Vec::new();
    for n in range {
        let client = Arc::clone(&clients[n % clients.len()]);
        let tally = Arc::clone(tally);
        tasks.push(tokio::spawn(async move {
            let sent = image(n);
            match client
                .caption(sent.clone(), CaptionOptions::default())
                .await
            {
                Ok(resp) => {
                    let caption = resp.caption.unwrap();
                    let (replica, echoed) = caption.as_str().split_once(": ").unwrap();
                    assert_eq!(echoed, hex(&sent), "request {n} got another's answer");
                    let r: usize = replica.trim_start_matches("replica ").parse().unwrap();
                    tally.lock().await.by_replica[r] += 1;
                }
                Err(Error::Service(ErrorCode::Busy) | Error::Rejected(RejectCode::Busy)) => {
                    tally.lock().await.busy += 1;
                }
                Err(e) => panic!("request {n}: {e:?}"),
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_requests_then_a_replica_dies() {
    let calls = Arc::new(AtomicUsize::new(0));
    let handlers = (0..2)
        .map(|replica| Echo {
            replica,
            calls: Arc::clone(&calls),
        })
        .collect();
    let gateway = GatewayConfig {
        workers: 4,
        queue: 48,
        ..GatewayConfig::default()
    };
    let mut stack = obscura_tests::start_stack_with(handlers, claims(), gateway)
        .await
        .unwrap();
    let clients: Vec<Arc<Client>> = (0..CLIENTS)
        .map(|_| Arc::new(stack.client().unwrap()))
        .collect();
    for c in &clients {
        assert_eq!(c.attest().await.unwrap(), 2);
    }

    // Wave 1: all 200 at once against both replicas.
    let tally = Arc::new(Mutex::new(Tally::default()));
    wave(&clients, 0..REQUESTS, &tally).await;
    let t = std::mem::take(&mut *tally.lock().await);
    eprintln!("wave 1: {t:?}");
    assert_eq!(t.by_replica[0] + t.by_replica[1] + t.busy, REQUESTS);
    assert!(t.by_replica[0] > 0 && t.by_replica[1] > 0, "{t:?}");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        t.by_replica[0] + t.by_replica[1]
    );
    // Busy answers overload only: at least one replica's full capacity was served.
    assert!(t.by_replica[0] + t.by_replica[1] >= 4 + 48, "{t:?}");

    // Wave 2: replica 1 is stopped while the wave is in flight.
    let killer = {
        let calls = Arc::clone(&calls);
        let before = calls.load(Ordering::SeqCst);
        async move {
            while calls.load(Ordering::SeqCst) < before + 20 {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
    };
    let second = wave(&clients, REQUESTS..2 * REQUESTS, &tally);
    tokio::pin!(second);
    tokio::select! {
        () = killer => stack.stop_replica(1),
        () = &mut second => panic!("wave 2 ended before replica 1 was stopped"),
    }
    second.await;
    let t = std::mem::take(&mut *tally.lock().await);
    eprintln!("wave 2 (replica 1 stopped): {t:?}");
    assert_eq!(t.by_replica[0] + t.by_replica[1] + t.busy, REQUESTS);
    assert!(t.by_replica[0] > 0, "{t:?}");

    // Afterwards every client works, against replica 0 only, after re-attesting.
    for c in &clients {
        for n in 0..3 {
            let sent = image(10_000 + n);
            let resp = c
                .caption(sent.clone(), CaptionOptions::default())
                .await
                .unwrap();
            assert_eq!(
                resp.caption.unwrap().as_str(),
                format!("replica 0: {}", hex(&sent))
            );
        }
        assert_eq!(c.verified().unwrap().len(), 1);
    }
}
