//! `obscura-host`: the untrusted HTTPS front door in front of enclave replicas.
//!
//! ```text
//! OBSCURA_API_KEYS="clinic-a=KEY1,clinic-b=KEY2" obscura-host \
//!     --listen 0.0.0.0:8443 --cert host.pem --key host.key \
//!     --replica vsock://3:7001 --replica vsock://4:7001
//! ```
//!
//! A replica is `vsock://CID:PORT` (an enclave in a CVM), `http://127.0.0.1:PORT` (the
//! simulator) or `unix:/PATH`.
//!
//! API keys come from the environment (not the command line, which other users can read).
//! SIGINT/SIGTERM stop accepting connections and drain in-flight requests.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use obscura_host::budget::InflightBudget;
use obscura_host::metrics::Metrics;
use obscura_host::replicas::Replicas;
use obscura_host::server::{AppState, router, serve, tls_config};
use obscura_host::tenants::{Tenant, Tenants};

/// The untrusted Obscura host: TLS, API keys, rate limits, routing ciphertext by key id.
#[derive(Debug, Parser)]
#[command(name = "obscura-host", version)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8443")]
    listen: String,
    /// TLS certificate chain (PEM).
    #[arg(long)]
    cert: std::path::PathBuf,
    /// TLS private key (PEM).
    #[arg(long)]
    key: std::path::PathBuf,
    /// An enclave replica: vsock://CID:PORT, http://127.0.0.1:PORT or unix:/PATH (repeat for
    /// several).
    #[arg(long = "replica", required = true)]
    replicas: Vec<obscura_protocol::transport::EnclaveAddr>,
    /// Sustained requests per second per tenant.
    #[arg(long, default_value_t = 20.0)]
    rate: f64,
    /// Burst size per tenant.
    #[arg(long, default_value_t = 40.0)]
    burst: f64,
    /// Timeout for each call to a replica, in seconds.
    #[arg(long, default_value_t = 120)]
    upstream_timeout: u64,
    /// Most MiB of request and answer bodies held at once; past it, requests get `busy`.
    #[arg(long, default_value_t = obscura_host::budget::DEFAULT_INFLIGHT_BYTES / (1024 * 1024))]
    max_inflight_mib: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let keys = std::env::var("OBSCURA_API_KEYS")
        .context("OBSCURA_API_KEYS must list tenants as name=key,name=key")?;
    let mut tenants = Vec::new();
    for entry in keys.split(',').filter(|e| !e.trim().is_empty()) {
        let Some((name, key)) = entry.split_once('=') else {
            bail!("OBSCURA_API_KEYS entries must be name=key");
        };
        if key.len() < 16 {
            bail!("the API key of tenant {name} is shorter than 16 characters");
        }
        tenants.push(Tenant::with_key(
            name.trim(),
            key.trim(),
            args.rate,
            args.burst,
        ));
    }
    if tenants.is_empty() {
        bail!("OBSCURA_API_KEYS lists no tenant");
    }
    let cert =
        std::fs::read(&args.cert).with_context(|| format!("reading {}", args.cert.display()))?;
    let key =
        std::fs::read(&args.key).with_context(|| format!("reading {}", args.key.display()))?;
    let tls = tls_config(&cert, &key)?;
    let state = Arc::new(AppState {
        tenants: Tenants::new(tenants, Instant::now()),
        replicas: Replicas::new(args.replicas, Duration::from_secs(args.upstream_timeout))?,
        metrics: Metrics::default(),
        inflight: InflightBudget::new(args.max_inflight_mib.saturating_mul(1024 * 1024)),
    });
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| format!("binding {}", args.listen))?;
    eprintln!(
        "obscura-host listening on https://{}",
        listener.local_addr()?
    );
    serve(listener, tls, router(state), shutdown_signal()).await?;
    eprintln!("obscura-host stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let Ok(mut term) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        else {
            let _ = ctrl_c.await;
            return;
        };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
