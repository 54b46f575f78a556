//! `obscura-enclave serve`: the gateway, the pipeline and evidence on a listener for the host.
//!
//! ```text
//! obscura-enclave serve [--listen ADDR] [--assets DIR] [--simulate]
//!     [--sim-product milan|genoa|turin] [--ark-out FILE] [--lifetime SECS]
//!     [--rotate-every SECS] [--overlap SECS] [--workers N] [--queue N] [--replica 0..15]
//!     [--caption-model DIR | --caption-server URL --caption-server-model NAME
//!      [--caption-server-digest HEX]] [--caption-max-tokens N] [--caption-timeout SECS]
//! ```
//!
//! The caption backend is chosen here (default: the composed caption). `--caption-model`
//! loads an ONNX vision-encoder-decoder folder (Optimum `image-to-text` layout);
//! `--caption-server` calls an OpenAI-compatible server, which must be on loopback
//! (`127.0.0.0/8`, `[::1]`, `localhost`) — anything else stops start-up. The backend's
//! identity (model-file digests, or the server model name and optional image digest) joins
//! the workload claims.
//!
//! Without `--simulate` the attestation provider is the SEV-SNP guest device (configfs-tsm,
//! else `/dev/sev-guest`); start-up fails if there is none. With `--simulate` a simulated
//! AMD-like chain is generated for this process and its ARK is written to `--ark-out` so a
//! client can trust it, explicitly and dangerously; the simulated MEASUREMENT is the SHA-384 of
//! this executable.
//!
//! `--listen` takes `vsock://any:PORT` (in a CVM: the host connects to the guest's CID),
//! `127.0.0.1:PORT` (the simulator; TCP is accepted on loopback only) or `unix:/PATH`
//! (default `127.0.0.1:7001`). The bound address is printed on stderr as
//! `obscura-enclave listening on ADDR`, in the form `obscura-host --replica` takes.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, bail};
use obscura_attestation::report::{Measurement, Product};
use obscura_attestation::sim::{AttestationProvider, SimConfig, SimKeys, Simulator};
use obscura_enclave::caption::CaptionConfig;
use obscura_enclave::caption::server::ServerConfig;
use obscura_enclave::caption::vision::DecodeLimits;
use obscura_enclave::evidence::EvidenceIssuer;
use obscura_enclave::gateway::{Gateway, GatewayConfig};
use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::keys::{KeyRing, KeySet};
use obscura_enclave::models::{ASSETS_ENV, Models};
use obscura_enclave::pipeline::Pipeline;
use obscura_enclave::server::{EnclaveState, bind, router};
use obscura_protocol::keys::KeyId;
use obscura_protocol::transport::EnclaveAddr;
use sha2::{Digest, Sha384};

/// Parsed `serve` arguments.
struct Args {
    listen: EnclaveAddr,
    assets: PathBuf,
    simulate: bool,
    product: Product,
    ark_out: Option<PathBuf>,
    lifetime: Duration,
    rotate_every: Duration,
    overlap: Duration,
    gateway: GatewayConfig,
    caption: CaptionConfig,
    /// This replica's index behind the host (0..=15): picks its key-id range.
    replica: u8,
}

/// Replicas behind one host are told apart by key id, so each owns a disjoint range: replica
/// `r` uses ids `16r + 1 ..= 16r + 14`, two per key generation, seven generations in turn
/// (never reusing the previous generation's pair, so the overlap window stays unambiguous).
pub(crate) fn key_ids(replica: u8, generation: u8) -> (KeyId, KeyId) {
    let base = replica
        .min(MAX_REPLICA)
        .wrapping_mul(16)
        .wrapping_add(1)
        .wrapping_add((generation % 7).wrapping_mul(2));
    (KeyId(base), KeyId(base.wrapping_add(1)))
}

/// Highest replica index (`--replica`).
pub(crate) const MAX_REPLICA: u8 = 15;

pub(crate) const USAGE: &str = "usage: obscura-enclave serve [--listen vsock://any:PORT | 127.0.0.1:PORT | unix:PATH] [--assets DIR] \
     [--simulate] [--sim-product milan|genoa|turin] [--ark-out FILE] [--lifetime SECS] \
     [--rotate-every SECS] [--overlap SECS] [--workers N] [--queue N] [--replica 0..15] \
     [--caption-model DIR | --caption-server URL --caption-server-model NAME \
     [--caption-server-digest HEX]] [--caption-max-tokens N] [--caption-timeout SECS]";

/// Runs the service until SIGINT/SIGTERM.
pub(crate) fn run(raw: Vec<String>) -> anyhow::Result<()> {
    let args = parse(raw)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(serve_main(args))
}

async fn serve_main(args: Args) -> anyhow::Result<()> {
    if matches!(&args.listen, EnclaveAddr::Tcp(a) if !a.ip().is_loopback()) {
        bail!("TCP is accepted on loopback only; in a CVM the host connects over vsock");
    }
    let t = Instant::now();
    let models = Models::load(&args.assets)
        .with_context(|| format!("loading models from {}", args.assets.display()))?;
    let sanitizer = obscura_sanitizer::Sanitizer::load(&args.assets)
        .with_context(|| format!("loading the sanitizer from {}", args.assets.display()))?;
    let digests = models.digests().to_vec();
    let captioner = args
        .caption
        .build(&args.assets)
        .context("setting up the caption backend")?;
    let handler = PipelineHandler::new(Pipeline::new(models), digests)
        .with_sanitizer(sanitizer)
        .with_captioner(captioner);
    let claims = handler.claims();
    eprintln!(
        "models loaded and digest-checked in {} ms; caption backend {}; pipeline digest {}",
        t.elapsed().as_millis(),
        handler
            .caption_identity()
            .map_or("none", |id| id.backend.name()),
        claims.pipeline_digest
    );

    let provider: Box<dyn AttestationProvider + Send + Sync> = if args.simulate {
        let t = Instant::now();
        eprintln!("SIMULATED SEV-SNP: generating an AMD-like chain for this process (not AMD's)");
        let keys = SimKeys::generate()?;
        let mut config = SimConfig::new(args.product);
        config.measurement = self_measurement()?;
        let sim = Simulator::new(&keys, config, SystemTime::now())?;
        if let Some(path) = &args.ark_out {
            std::fs::write(path, sim.ark_der())
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!("simulated ARK (DER) written to {}", path.display());
        }
        eprintln!(
            "simulated chain ready in {} ms; measurement {}",
            t.elapsed().as_millis(),
            sim.config().measurement
        );
        Box::new(sim)
    } else {
        let hw = obscura_attestation::provider::detect(0)?;
        eprintln!("attestation provider: {}", hw.name());
        Box::new(hw)
    };
    let issuer = EvidenceIssuer::new(provider, claims, args.lifetime)?;
    let (xwing, x25519) = key_ids(args.replica, 0);
    let ring = KeyRing::new(KeySet::generate_with_ids(xwing, x25519)?);
    let state = Arc::new(EnclaveState::new(
        Gateway::new(ring, handler, args.gateway),
        issuer,
    ));
    // Issue the first evidence now: a broken provider stops start-up, not the first client.
    state.evidence(SystemTime::now())?;
    tokio::spawn(rotate_keys(
        Arc::clone(&state),
        args.replica,
        args.rotate_every,
        args.overlap,
    ));
    let listener = bind(&args.listen)
        .await
        .with_context(|| format!("binding {}", args.listen))?;
    eprintln!("obscura-enclave listening on {}", listener.local_addr()?);
    listener.serve(router(state), shutdown_signal()).await?;
    eprintln!("obscura-enclave stopped");
    Ok(())
}

/// Rotates the OHTTP keys every `every`, keeping the previous set for `overlap`.
async fn rotate_keys(
    state: Arc<EnclaveState<PipelineHandler>>,
    replica: u8,
    every: Duration,
    overlap: Duration,
) {
    let mut generation: u8 = 0;
    loop {
        tokio::time::sleep(every).await;
        generation = generation.wrapping_add(1) % 7;
        let (xwing, x25519) = key_ids(replica, generation);
        let base = xwing.0;
        let Ok(next) = KeySet::generate_with_ids(xwing, x25519) else {
            eprintln!("key rotation: key generation failed; keeping the current keys");
            continue;
        };
        match state.gateway.with_keys(|ring| ring.rotate(next)) {
            Ok(Ok(())) => eprintln!(
                "key rotation: new key ids {base} and {}",
                base.wrapping_add(1)
            ),
            _ => {
                eprintln!("key rotation failed; keeping the current keys");
                continue;
            }
        }
        tokio::time::sleep(overlap).await;
        if state.gateway.with_keys(KeyRing::retire_previous).is_err() {
            eprintln!("key rotation: could not retire the previous keys");
        }
    }
}

/// SHA-384 of this executable: the simulated launch measurement.
fn self_measurement() -> anyhow::Result<Measurement> {
    let exe = std::env::current_exe().context("locating this executable")?;
    let bytes = std::fs::read(&exe).with_context(|| format!("reading {}", exe.display()))?;
    Ok(Measurement(Sha384::digest(&bytes).into()))
}

fn parse(raw: Vec<String>) -> anyhow::Result<Args> {
    let mut args = Args {
        listen: EnclaveAddr::Tcp(SocketAddr::from(([127, 0, 0, 1], 7001))),
        assets: std::env::var_os(ASSETS_ENV)
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("assets")),
        simulate: false,
        product: Product::Genoa,
        ark_out: None,
        lifetime: Duration::from_secs(3600),
        rotate_every: Duration::from_secs(24 * 3600),
        overlap: Duration::from_secs(3600),
        gateway: GatewayConfig::default(),
        caption: CaptionConfig::Composed,
        replica: 0,
    };
    let mut caption_model: Option<PathBuf> = None;
    let mut caption_server: Option<String> = None;
    let mut caption_server_model: Option<String> = None;
    let mut caption_digest = None;
    let mut caption_max_tokens: Option<u32> = None;
    let mut caption_timeout: Option<Duration> = None;
    let mut it = raw.into_iter();
    let secs = |v: Option<String>, flag: &str| -> anyhow::Result<Duration> {
        let v = v.with_context(|| format!("{flag} needs SECS"))?;
        Ok(Duration::from_secs(
            v.parse().with_context(|| format!("{flag}: not a number"))?,
        ))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--listen" => {
                args.listen = it
                    .next()
                    .context("--listen needs ADDR")?
                    .parse()
                    .context("--listen takes vsock://any:PORT, 127.0.0.1:PORT or unix:PATH")?;
            }
            "--assets" => args.assets = PathBuf::from(it.next().context("--assets needs DIR")?),
            "--simulate" => args.simulate = true,
            "--sim-product" => {
                args.product = match it.next().as_deref() {
                    Some("milan") => Product::Milan,
                    Some("genoa") => Product::Genoa,
                    Some("turin") => Product::Turin,
                    _ => bail!("--sim-product takes milan, genoa or turin"),
                };
            }
            "--ark-out" => {
                args.ark_out = Some(PathBuf::from(it.next().context("--ark-out needs FILE")?))
            }
            "--lifetime" => args.lifetime = secs(it.next(), "--lifetime")?,
            "--rotate-every" => args.rotate_every = secs(it.next(), "--rotate-every")?,
            "--overlap" => args.overlap = secs(it.next(), "--overlap")?,
            "--workers" => {
                args.gateway.workers = it.next().context("--workers needs N")?.parse()?;
            }
            "--queue" => args.gateway.queue = it.next().context("--queue needs N")?.parse()?,
            "--replica" => {
                let r: u8 = it.next().context("--replica needs N")?.parse()?;
                if r > MAX_REPLICA {
                    bail!("--replica takes 0..={MAX_REPLICA}");
                }
                args.replica = r;
            }
            "--caption-model" => {
                caption_model = Some(PathBuf::from(
                    it.next().context("--caption-model needs DIR")?,
                ));
            }
            "--caption-server" => {
                caption_server = Some(it.next().context("--caption-server needs URL")?);
            }
            "--caption-server-model" => {
                caption_server_model =
                    Some(it.next().context("--caption-server-model needs NAME")?);
            }
            "--caption-server-digest" => {
                let hex = it.next().context("--caption-server-digest needs HEX")?;
                let mut digest = [0u8; 32];
                hex::decode_to_slice(&hex, &mut digest)
                    .context("--caption-server-digest: not 64 hex digits")?;
                caption_digest = Some(obscura_protocol::api::Digest32(digest));
            }
            "--caption-max-tokens" => {
                caption_max_tokens = Some(
                    it.next()
                        .context("--caption-max-tokens needs N")?
                        .parse()
                        .context("--caption-max-tokens: not a number")?,
                );
            }
            "--caption-timeout" => caption_timeout = Some(secs(it.next(), "--caption-timeout")?),
            "-h" | "--help" => bail!("{USAGE}"),
            other => bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    if args.overlap >= args.rotate_every {
        bail!("--overlap must be shorter than --rotate-every");
    }
    if args.ark_out.is_some() && !args.simulate {
        bail!("--ark-out only makes sense with --simulate");
    }
    args.caption = match (caption_model, caption_server, caption_server_model) {
        (None, None, None) => CaptionConfig::Composed,
        (Some(dir), None, None) => {
            let mut limits = DecodeLimits::default();
            if let Some(n) = caption_max_tokens {
                limits.max_new_tokens = usize::try_from(n).unwrap_or(usize::MAX);
            }
            if let Some(t) = caption_timeout {
                limits.time_budget = t;
            }
            CaptionConfig::Onnx { dir, limits }
        }
        (None, Some(url), Some(model)) => {
            let mut config = ServerConfig::new(url, model);
            config.image_digest = caption_digest;
            if let Some(n) = caption_max_tokens {
                config.max_tokens = n;
            }
            if let Some(t) = caption_timeout {
                config.timeout = t;
            }
            CaptionConfig::Server(config)
        }
        (None, Some(_), None) => bail!("--caption-server needs --caption-server-model"),
        (None, None, Some(_)) => bail!("--caption-server-model needs --caption-server"),
        (Some(_), _, _) => bail!("--caption-model and --caption-server are exclusive"),
    };
    if caption_digest.is_some() && !matches!(args.caption, CaptionConfig::Server(_)) {
        bail!("--caption-server-digest only makes sense with --caption-server");
    }
    Ok(args)
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
    else {
        let _ = ctrl_c.await;
        return;
    };
    tokio::select! {
        _ = ctrl_c => {}
        _ = term.recv() => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replicas_own_disjoint_key_ids_and_generations_alternate() {
        let mut seen = std::collections::BTreeSet::new();
        for replica in 0..=MAX_REPLICA {
            for generation in 0..7 {
                let (a, b) = key_ids(replica, generation);
                assert!(
                    seen.insert(a.0) && seen.insert(b.0),
                    "{replica}/{generation}"
                );
                assert_eq!(a.0 / 16, replica);
                assert_eq!(b.0 / 16, replica);
            }
            // Consecutive generations never share a pair, also across the wrap.
            assert_ne!(key_ids(replica, 6), key_ids(replica, 0));
        }
        // Replica 0's first pair is what a single enclave always used.
        assert_eq!(key_ids(0, 0), (KeyId(1), KeyId(2)));
        assert_eq!(key_ids(15, 6), (KeyId(253), KeyId(254)));
    }
}
