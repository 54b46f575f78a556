//! End-to-end latency and throughput: SDK → host (rustls) → enclave gateway (OHTTP, replay
//! and date checks, bounded dispatch) → the real pipeline and back, against the same
//! pipeline called directly through the same bounded dispatcher, in the same run.
//!
//! Run with `cargo xtask bench e2e` (sets `OBSCURA_ASSETS`, builds in release). At 1, 4 and
//! 16 concurrent clients it sends the sample photo, with attestation cached (verified once
//! before the timed part), and prints p50/p95 latency, throughput and the overhead ratios of
//! the confidential path over the direct one. `OBSCURA_BENCH_ROUNDS` (default 8) sets the
//! requests per client count and path: `ROUNDS × max(1, clients / 2)`, run in alternating
//! slices (direct, end to end, direct, end to end) so that other load falls on both alike.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a bench: a panic is a failure

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use obscura_enclave::gateway::{Dispatcher, GatewayConfig};
use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::models::{ASSETS_ENV, Models};
use obscura_enclave::pipeline::Pipeline;
use obscura_protocol::api::{CaptionOptions, MediaType};
use obscura_protocol::message::{CaptionOutcome, CaptionRequest};
use obscura_protocol::secret::SecretBytes;
use tokio::sync::Mutex;

const LEVELS: [usize; 3] = [1, 4, 16];
/// Each path's requests at one level are run in this many alternating slices.
const SLICES: usize = 2;

/// Latencies and wall time accumulated over slices.
#[derive(Default)]
struct Sample {
    latencies: Vec<Duration>,
    wall: Duration,
}

impl Sample {
    fn add(&mut self, (latencies, wall): (Vec<Duration>, Duration)) {
        self.latencies.extend(latencies);
        self.wall += wall;
    }

    fn finish(mut self) -> (Vec<Duration>, Duration) {
        self.latencies.sort();
        (self.latencies, self.wall)
    }
}

fn handler(assets: &std::path::Path) -> PipelineHandler {
    let models = Models::load(assets).expect("loading the pinned models");
    let digests = models.digests().to_vec();
    PipelineHandler::new(Pipeline::new(models), digests)
}

/// Latencies of `total` calls of `call` made by `clients` concurrent tasks, and the wall time.
async fn measure<F, Fut>(clients: usize, total: usize, call: F) -> (Vec<Duration>, Duration)
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let call = Arc::new(call);
    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(total)));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (call, next, latencies) =
            (Arc::clone(&call), Arc::clone(&next), Arc::clone(&latencies));
        tasks.push(tokio::spawn(async move {
            while next.fetch_add(1, Ordering::SeqCst) < total {
                let t = Instant::now();
                call().await;
                latencies.lock().await.push(t.elapsed());
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let wall = started.elapsed();
    let mut l = std::mem::take(&mut *latencies.lock().await);
    l.sort();
    (l, wall)
}

/// Nearest-rank percentile of sorted latencies, in milliseconds.
fn percentile(sorted: &[Duration], p: usize) -> f64 {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted
        .get(rank - 1)
        .map_or(f64::NAN, |d| d.as_secs_f64() * 1e3)
}

struct Row {
    clients: usize,
    path: &'static str,
    n: usize,
    p50: f64,
    p95: f64,
    throughput: f64,
}

fn row(clients: usize, path: &'static str, (lat, wall): (Vec<Duration>, Duration)) -> Row {
    Row {
        clients,
        path,
        n: lat.len(),
        p50: percentile(&lat, 50),
        p95: percentile(&lat, 95),
        throughput: lat.len() as f64 / wall.as_secs_f64(),
    }
}

fn main() {
    let assets = std::env::var_os(ASSETS_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets")));
    let rounds: usize = std::env::var("OBSCURA_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let photo = std::fs::read(assets.join("images/astronaut.png")).expect("the sample photo");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let rows = runtime.block_on(run(&assets, photo, rounds));

    println!();
    println!(
        "{:>7}  {:<34} {:>4} {:>10} {:>10} {:>12}",
        "clients", "path", "n", "p50 ms", "p95 ms", "req/s"
    );
    for r in &rows {
        println!(
            "{:>7}  {:<34} {:>4} {:>10.1} {:>10.1} {:>12.2}",
            r.clients, r.path, r.n, r.p50, r.p95, r.throughput
        );
    }
    println!();
    println!(
        "{:>7}  {:>16} {:>16} {:>22}",
        "clients", "p50 e2e/direct", "p95 e2e/direct", "throughput direct/e2e"
    );
    for pair in rows.chunks(2) {
        if let [direct, e2e] = pair {
            println!(
                "{:>7}  {:>15.3}x {:>15.3}x {:>21.3}x",
                direct.clients,
                e2e.p50 / direct.p50,
                e2e.p95 / direct.p95,
                direct.throughput / e2e.throughput
            );
        }
    }
    println!("target: the confidential path adds <= 10 % (ratios <= 1.100x)");
}

async fn run(assets: &std::path::Path, photo: Vec<u8>, rounds: usize) -> Vec<Row> {
    let config = GatewayConfig::default();
    eprintln!(
        "loading the models twice (direct and enclave); gateway workers {}, queue {}",
        config.workers, config.queue
    );
    let direct = Arc::new(Dispatcher::new(
        handler(assets),
        config.workers,
        config.queue,
    ));
    let enclave = handler(assets);
    let claims = enclave.claims();
    let stack = obscura_tests::start_stack_with(vec![enclave], claims, config)
        .await
        .unwrap();
    let client = Arc::new(stack.client().unwrap());
    assert_eq!(client.attest().await.unwrap(), 1);
    let photo = Arc::new(photo);
    let media_type = MediaType::sniff(&photo);
    // Both paths must find what the pipeline finds on its own (astronaut: the face and the
    // name tag), so neither is timed doing less work.
    let expected = match direct
        .dispatch(CaptionRequest {
            options: CaptionOptions::default(),
            media_type,
            date: SystemTime::now(),
            image: SecretBytes::new(photo.to_vec()),
        })
        .await
    {
        CaptionOutcome::Ok(resp) => resp.regions.len(),
        CaptionOutcome::Err(e) => panic!("direct: {e}"),
    };
    assert!(expected >= 1, "no region found on the sample photo");

    let direct_call = {
        let (direct, photo) = (Arc::clone(&direct), Arc::clone(&photo));
        move || {
            let (direct, photo) = (Arc::clone(&direct), Arc::clone(&photo));
            async move {
                let request = CaptionRequest {
                    options: CaptionOptions::default(),
                    media_type,
                    date: SystemTime::now(),
                    image: SecretBytes::new(photo.to_vec()),
                };
                match direct.dispatch(request).await {
                    CaptionOutcome::Ok(resp) => assert_eq!(resp.regions.len(), expected),
                    CaptionOutcome::Err(e) => panic!("direct: {e}"),
                }
            }
        }
    };
    let e2e_call = {
        let (client, photo) = (Arc::clone(&client), Arc::clone(&photo));
        move || {
            let (client, photo) = (Arc::clone(&client), Arc::clone(&photo));
            async move {
                let resp = client
                    .caption(photo.to_vec(), CaptionOptions::default())
                    .await
                    .unwrap();
                assert_eq!(resp.regions.len(), expected);
            }
        }
    };

    // Warm up both paths (ONNX sessions, allocator, TLS and HTTP connections).
    measure(2, 4, direct_call.clone()).await;
    measure(2, 4, e2e_call.clone()).await;

    let mut rows = Vec::new();
    for clients in LEVELS {
        let total = rounds * (clients / 2).max(1);
        eprintln!("{clients} clients: {total} requests per path, in {SLICES} alternating slices");
        // Alternate the two paths in slices so that load from other processes on the
        // machine falls on both alike.
        let (mut direct, mut e2e) = (Sample::default(), Sample::default());
        for _ in 0..SLICES {
            let per = total.div_ceil(SLICES).max(clients);
            direct.add(measure(clients, per, direct_call.clone()).await);
            e2e.add(measure(clients, per, e2e_call.clone()).await);
        }
        rows.push(row(
            clients,
            "pipeline direct (same dispatcher)",
            direct.finish(),
        ));
        rows.push(row(
            clients,
            "SDK -> host -> enclave (cached)",
            e2e.finish(),
        ));
    }
    rows
}
