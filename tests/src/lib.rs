//! End-to-end harness for Obscura: real enclave gateways, a real rustls host and the real SDK
//! on `127.0.0.1:0`, with simulated SEV-SNP (the only mocked component, behind the same
//! `AttestationProvider` trait as the hardware).
//!
//! [`start_stack`] starts `n` enclave replicas (each with its own keys and simulated chip) and
//! one host in front of them, and returns what a client needs: the host URL, the test CA, an
//! API key and the simulated AMD root to trust (dangerously, on purpose).
//!
//! ```
//! let png = obscura_tests::sample_png();
//! assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
//! ```

#![forbid(unsafe_code)]

pub mod mitm;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context;
use obscura_attestation::report::{Measurement, Product};
use obscura_attestation::sim::{SimConfig, SimKeys, Simulator};
use obscura_attestation::verify::Policy;
use obscura_enclave::evidence::EvidenceIssuer;
use obscura_enclave::gateway::{Gateway, GatewayConfig, Handler};
use obscura_enclave::keys::{KeyRing, KeySet};
use obscura_enclave::server::EnclaveState;
use obscura_host::metrics::Metrics;
use obscura_host::replicas::Replicas;
use obscura_host::server::AppState;
use obscura_host::tenants::{Tenant, Tenants};
use obscura_protocol::api::{CaptionResponse, Digest32, RedactedText};
use obscura_protocol::evidence::{ModelClaim, WorkloadClaims};
use obscura_protocol::keys::KeyId;
use obscura_protocol::transport::EnclaveAddr;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// The simulator-only AMD-like root and intermediates shipped for tests (not secrets: they
/// sign nothing but simulated reports, which no production policy accepts).
pub fn sim_keys() -> anyhow::Result<SimKeys> {
    Ok(SimKeys::from_pkcs8_pem(
        include_str!("../../attestation/testdata/sim-ark.key.pem"),
        include_str!("../../attestation/testdata/sim-ask.key.pem"),
        include_str!("../../attestation/testdata/sim-asvk.key.pem"),
    )?)
}

/// The launch measurement the simulated replicas report.
pub const SIM_MEASUREMENT: Measurement = Measurement([0x5A; 48]);

/// Workload claims for a stack of stand-in handlers: one model called `model`, fixed digests.
pub fn stand_in_claims(model: &str) -> WorkloadClaims {
    WorkloadClaims {
        enclave_version: env!("CARGO_PKG_VERSION").to_owned(),
        models: vec![ModelClaim {
            name: model.to_owned(),
            sha256: Digest32([1; 32]),
        }],
        pipeline_digest: Digest32([2; 32]),
    }
}

/// What a stand-in handler answers: only `caption`, nothing else found, a fixed policy digest.
pub fn caption_only(caption: String) -> CaptionResponse {
    CaptionResponse {
        caption: Some(RedactedText::new(caption)),
        caption_withheld: None,
        ocr: vec![],
        regions: vec![],
        entities: Default::default(),
        models: vec![],
        policy_digest: Digest32([3; 32]),
        image: None,
    }
}

/// A running stack. Dropping it shuts every server down.
pub struct Stack {
    /// `https://127.0.0.1:PORT` of the host.
    pub host_url: String,
    /// The test CA that signed the host's certificate (PEM).
    pub ca_pem: String,
    /// A valid API key.
    pub api_key: String,
    /// The simulated ARK (DER), for `Policy::dangerous_accept_simulated_root`.
    pub ark_der: Vec<u8>,
    /// The enclave replicas' addresses (TCP loopback, or Unix sockets).
    pub enclave_addrs: Vec<EnclaveAddr>,
    /// The enclave states (to rotate keys in tests).
    pub enclaves: Vec<Arc<dyn RotateKeys>>,
    replica_shutdown: Vec<Option<oneshot::Sender<()>>>,
    host_shutdown: Option<oneshot::Sender<()>>,
    socket_dir: Option<PathBuf>,
}

impl std::fmt::Debug for Stack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stack")
            .field("host_url", &self.host_url)
            .field("enclave_addrs", &self.enclave_addrs)
            .finish_non_exhaustive()
    }
}

impl Stack {
    /// The policy a client of this stack uses: strict, with the simulated root trusted.
    pub fn policy(&self) -> anyhow::Result<Policy> {
        Ok(Policy::strict([SIM_MEASUREMENT]).dangerous_accept_simulated_root(&self.ark_der)?)
    }

    /// An SDK client for this stack.
    pub fn client(&self) -> anyhow::Result<obscura_sdk::Client> {
        self.client_via(&self.host_url, &self.ca_pem)
    }

    /// An SDK client of this stack that talks to `endpoint` (a proxy in front of the host)
    /// and trusts `ca_pem` for its TLS.
    pub fn client_via(&self, endpoint: &str, ca_pem: &str) -> anyhow::Result<obscura_sdk::Client> {
        Ok(self.builder(endpoint, ca_pem)?.build()?)
    }

    /// An SDK client of this stack that asks for fresh, nonce-bound evidence every time.
    pub fn fresh_client(&self) -> anyhow::Result<obscura_sdk::Client> {
        Ok(self
            .builder(&self.host_url, &self.ca_pem)?
            .fresh(true)
            .build()?)
    }

    fn builder(&self, endpoint: &str, ca_pem: &str) -> anyhow::Result<obscura_sdk::ClientBuilder> {
        Ok(obscura_sdk::Client::builder()
            .endpoint(endpoint)
            .api_key(&self.api_key)
            .add_root_certificate_pem(ca_pem.as_bytes())
            .policy(self.policy()?))
    }

    /// Stops replica `i`: it accepts no new connection, and its open connections close once
    /// their in-flight requests are answered.
    pub fn stop_replica(&mut self, i: usize) {
        if let Some(tx) = self.replica_shutdown.get_mut(i).and_then(Option::take) {
            let _ = tx.send(());
        }
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        for tx in self.replica_shutdown.drain(..).flatten() {
            let _ = tx.send(());
        }
        if let Some(tx) = self.host_shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(dir) = self.socket_dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// How the host reaches the replicas of a test stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplicaTransport {
    /// TCP on `127.0.0.1:0` (what the simulator uses).
    Tcp,
    /// Unix-domain sockets in a fresh private directory: the non-TCP path the host also
    /// takes for vsock (same pooled client, another socket type).
    Unix,
}

/// Key rotation on a running replica, for tests.
pub trait RotateKeys: Send + Sync {
    /// Installs new keys with ids `(xwing, x25519)` and retires the previous ones at once.
    fn rotate_now(&self, xwing: u8, x25519: u8) -> anyhow::Result<()>;
}

impl<H: Handler> RotateKeys for EnclaveState<H> {
    fn rotate_now(&self, xwing: u8, x25519: u8) -> anyhow::Result<()> {
        let next = KeySet::generate_with_ids(KeyId(xwing), KeyId(x25519))?;
        self.gateway.with_keys(|ring| {
            ring.rotate(next)?;
            ring.retire_previous();
            Ok::<(), obscura_enclave::Error>(())
        })??;
        Ok(())
    }
}

/// Starts one enclave replica per handler and a host in front of them.
pub async fn start_stack<H: Handler>(
    handlers: Vec<H>,
    claims: WorkloadClaims,
) -> anyhow::Result<Stack> {
    start_stack_with(handlers, claims, GatewayConfig::default()).await
}

/// [`start_stack`] with the enclaves' gateway limits (workers, queue, replay cache).
pub async fn start_stack_with<H: Handler>(
    handlers: Vec<H>,
    claims: WorkloadClaims,
    gateway: GatewayConfig,
) -> anyhow::Result<Stack> {
    start_stack_over(handlers, claims, gateway, ReplicaTransport::Tcp).await
}

/// [`start_stack_with`], the host reaching the replicas over `transport`.
pub async fn start_stack_over<H: Handler>(
    handlers: Vec<H>,
    claims: WorkloadClaims,
    gateway: GatewayConfig,
    transport: ReplicaTransport,
) -> anyhow::Result<Stack> {
    let socket_dir = match transport {
        ReplicaTransport::Tcp => None,
        ReplicaTransport::Unix => Some(private_socket_dir()?),
    };
    let keys = sim_keys()?;
    let now = SystemTime::now();
    let mut replica_shutdown = Vec::new();
    let mut enclave_addrs = Vec::new();
    let mut enclaves: Vec<Arc<dyn RotateKeys>> = Vec::new();
    let mut ark_der = Vec::new();
    for (i, handler) in handlers.into_iter().enumerate() {
        let mut config = SimConfig::new(Product::Genoa);
        config.measurement = SIM_MEASUREMENT;
        if let Some(b) = config.chip_id.first_mut() {
            *b = b.wrapping_add(u8::try_from(i).unwrap_or(0));
        }
        let sim = Simulator::new(&keys, config, now)?;
        ark_der = sim.ark_der().to_vec();
        let issuer = EvidenceIssuer::new(Box::new(sim), claims.clone(), Duration::from_secs(3600))?;
        let id = u8::try_from(2 * i + 1).context("too many replicas")?;
        let ring = KeyRing::new(KeySet::generate_with_ids(KeyId(id), KeyId(id + 1))?);
        let state = Arc::new(EnclaveState::new(
            Gateway::new(ring, handler, gateway),
            issuer,
        ));
        let addr = match &socket_dir {
            None => "127.0.0.1:0".parse()?,
            Some(dir) => EnclaveAddr::Unix(dir.join(format!("replica{i}.sock"))),
        };
        let listener = obscura_enclave::server::bind(&addr).await?;
        enclave_addrs.push(listener.local_addr()?);
        let (tx, rx) = oneshot::channel::<()>();
        replica_shutdown.push(Some(tx));
        let router = obscura_enclave::server::router(Arc::clone(&state));
        tokio::spawn(listener.serve(router, async {
            let _ = rx.await;
        }));
        enclaves.push(state);
    }

    let ca = test_ca()?;
    let api_key = "test-tenant-key".to_owned();
    let state = Arc::new(AppState {
        tenants: Tenants::new(
            vec![Tenant::with_key("test", &api_key, 1000.0, 1000.0)],
            Instant::now(),
        ),
        replicas: Replicas::new(enclave_addrs.clone(), Duration::from_secs(60))?,
        metrics: Metrics::default(),
        inflight: obscura_host::budget::InflightBudget::default(),
    });
    let tls =
        obscura_host::server::tls_config(ca.server_cert.as_bytes(), ca.server_key.as_bytes())?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let host_addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(obscura_host::server::serve(
        listener,
        tls,
        obscura_host::server::router(state),
        async {
            let _ = rx.await;
        },
    ));
    Ok(Stack {
        host_url: format!("https://{host_addr}"),
        ca_pem: ca.ca_cert,
        api_key,
        ark_der,
        enclave_addrs,
        enclaves,
        replica_shutdown,
        host_shutdown: Some(tx),
        socket_dir,
    })
}

/// A new directory only this user can enter, for the replicas' Unix sockets.
fn private_socket_dir() -> anyhow::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "obscura-sockets-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(&dir)
        .with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// A test CA and a server certificate for 127.0.0.1 and localhost (PEM).
pub struct TestCa {
    /// CA certificate.
    pub ca_cert: String,
    /// Server certificate.
    pub server_cert: String,
    /// Server private key.
    pub server_key: String,
}

/// Makes a fresh test CA and server certificate.
pub fn test_ca() -> anyhow::Result<TestCa> {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair, SanType};
    let ca_key = KeyPair::generate()?;
    let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Obscura test CA");
    let ca_cert = ca_params.self_signed(&ca_key)?;
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let server_key = KeyPair::generate()?;
    let mut params = CertificateParams::new(vec!["localhost".to_owned()])?;
    params
        .subject_alt_names
        .push(SanType::IpAddress(std::net::IpAddr::from([127, 0, 0, 1])));
    let server_cert = params.signed_by(&server_key, &issuer)?;
    Ok(TestCa {
        ca_cert: ca_cert.pem(),
        server_cert: server_cert.pem(),
        server_key: server_key.serialize_pem(),
    })
}

/// A valid 1×1 greyscale PNG (67 bytes), enough to exercise the protocol path.
pub fn sample_png() -> Vec<u8> {
    const PNG: [u8; 67] = [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a,
        0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60,
        0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x48, 0xaf, 0xa4, 0x71, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    PNG.to_vec()
}
