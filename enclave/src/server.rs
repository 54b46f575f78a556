//! The enclave's listener: plain HTTP/1.1 on vsock (in a CVM), TCP loopback (simulator) or a
//! Unix socket, spoken only by the host ([`bind`] takes an [`EnclaveAddr`]). Nothing here
//! needs TLS: requests and responses are OHTTP-encrypted end to end, and evidence is signed.
//!
//! - `POST /ohttp`: `message/ohttp-req` → [`Gateway::handle`] → `message/ohttp-res`, or a
//!   [`RejectCode`] JSON body;
//! - `GET /evidence`: the current evidence bundle (re-issued when it nears expiry or the keys
//!   rotate);
//! - `POST /evidence`: evidence bound to the client's nonce (never cached).

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::routing::post;
use obscura_protocol::api::{
    ENCLAVE_EVIDENCE_PATH, ENCLAVE_OHTTP_PATH, OHTTP_RESPONSE_MEDIA_TYPE, RejectBody, RejectCode,
};
use obscura_protocol::evidence::{EvidenceBundle, FreshEvidenceRequest};
use obscura_protocol::limits::MAX_REQUEST_BYTES;
use obscura_protocol::transport::EnclaveAddr;
use tokio::net::{TcpListener, UnixListener};
use tokio_vsock::{VsockAddr, VsockListener};

use crate::Error;
use crate::evidence::EvidenceIssuer;
use crate::gateway::{Gateway, Handler};

/// Evidence is re-issued this long before it expires.
pub const REISSUE_MARGIN: Duration = Duration::from_secs(300);

/// What the routes share.
#[derive(Debug)]
pub struct EnclaveState<H> {
    /// The OHTTP gateway.
    pub gateway: Gateway<H>,
    /// The evidence issuer.
    pub issuer: EvidenceIssuer,
    cached: Mutex<Option<EvidenceBundle>>,
}

impl<H: Handler> EnclaveState<H> {
    /// Shared state for the routes.
    pub fn new(gateway: Gateway<H>, issuer: EvidenceIssuer) -> Self {
        Self {
            gateway,
            issuer,
            cached: Mutex::new(None),
        }
    }

    /// The current evidence, re-issued when near expiry or when the key list changed.
    pub fn evidence(&self, now: SystemTime) -> Result<EvidenceBundle, Error> {
        let keys = self
            .gateway
            .with_keys(|ring| ring.current().config_list().clone())?;
        let mut cached = self.cached.lock().map_err(|_| Error::Poisoned)?;
        let now_secs = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        if let Some(bundle) = cached.as_ref() {
            if bundle.key_configs.0 == keys.encoded()
                && bundle.expires_at > now_secs.saturating_add(REISSUE_MARGIN.as_secs())
            {
                return Ok(bundle.clone());
            }
        }
        let bundle = self.issuer.issue(&keys, None, now)?;
        *cached = Some(bundle.clone());
        Ok(bundle)
    }
}

/// The routes.
pub fn router<H: Handler>(state: Arc<EnclaveState<H>>) -> Router {
    Router::new()
        .route(ENCLAVE_OHTTP_PATH, post(ohttp::<H>))
        .route(
            ENCLAVE_EVIDENCE_PATH,
            axum::routing::get(evidence::<H>).post(fresh_evidence::<H>),
        )
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES))
        .with_state(state)
}

/// A bound listener of any of the enclave's transports.
#[derive(Debug)]
pub enum Bound {
    /// TCP on a loopback address.
    Tcp(TcpListener),
    /// A Unix-domain socket.
    Unix(UnixListener),
    /// A virtio socket.
    Vsock(VsockListener),
}

/// Binds `addr`. TCP is accepted on loopback only: outside the simulator the host reaches
/// the enclave over vsock. A Unix socket path that exists is replaced only if it is a socket
/// (left by an earlier run); any other file there is refused.
pub async fn bind(addr: &EnclaveAddr) -> Result<Bound, Error> {
    match addr {
        EnclaveAddr::Tcp(sock) => {
            if !sock.ip().is_loopback() {
                return Err(Error::ListenerRefused(
                    "TCP is accepted on loopback only; in a CVM the host connects over vsock",
                ));
            }
            let listener = TcpListener::bind(sock)
                .await
                .map_err(|e| Error::Io(e.kind()))?;
            Ok(Bound::Tcp(listener))
        }
        EnclaveAddr::Unix(path) => {
            if let Ok(meta) = std::fs::symlink_metadata(path) {
                use std::os::unix::fs::FileTypeExt;
                if !meta.file_type().is_socket() {
                    return Err(Error::ListenerRefused(
                        "the Unix socket path exists and is not a socket",
                    ));
                }
                std::fs::remove_file(path).map_err(|e| Error::Io(e.kind()))?;
            }
            UnixListener::bind(path)
                .map(Bound::Unix)
                .map_err(|e| Error::Io(e.kind()))
        }
        EnclaveAddr::Vsock { cid, port } => VsockListener::bind(VsockAddr::new(*cid, *port))
            .map(Bound::Vsock)
            .map_err(|e| Error::Io(e.kind())),
    }
}

impl Bound {
    /// The address actually bound (with the port the kernel chose for port 0).
    pub fn local_addr(&self) -> Result<EnclaveAddr, Error> {
        let io = |e: std::io::Error| Error::Io(e.kind());
        match self {
            Self::Tcp(l) => l.local_addr().map(EnclaveAddr::Tcp).map_err(io),
            Self::Unix(l) => {
                let addr = l.local_addr().map_err(io)?;
                let path = addr
                    .as_pathname()
                    .ok_or(Error::ListenerRefused("the Unix socket has no path"))?;
                Ok(EnclaveAddr::Unix(path.to_path_buf()))
            }
            Self::Vsock(l) => {
                let addr = l.local_addr().map_err(io)?;
                Ok(EnclaveAddr::Vsock {
                    cid: addr.cid(),
                    port: addr.port(),
                })
            }
        }
    }

    /// Serves `router` until `shutdown` resolves, then drains in-flight requests.
    pub async fn serve(
        self,
        router: Router,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), Error> {
        match self {
            Self::Tcp(l) => serve(l, router, shutdown).await,
            Self::Unix(l) => serve(l, router, shutdown).await,
            Self::Vsock(l) => serve(l, router, shutdown).await,
        }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves.
pub async fn serve<L>(
    listener: L,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), Error>
where
    L: axum::serve::Listener,
    L::Addr: std::fmt::Debug,
{
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| Error::Io(e.kind()))
}

async fn ohttp<H: Handler>(State(state): State<Arc<EnclaveState<H>>>, body: Bytes) -> Response {
    match state
        .gateway
        .handle(&body, SystemTime::now(), Instant::now())
        .await
    {
        Ok(sealed) => response(StatusCode::OK, OHTTP_RESPONSE_MEDIA_TYPE, sealed),
        Err(code) => reject(code),
    }
}

async fn evidence<H: Handler>(State(state): State<Arc<EnclaveState<H>>>) -> Response {
    // Producing a report talks to the secure processor (or signs): off the async runtime.
    let result = tokio::task::spawn_blocking(move || state.evidence(SystemTime::now())).await;
    evidence_response(result)
}

async fn fresh_evidence<H: Handler>(
    State(state): State<Arc<EnclaveState<H>>>,
    body: Bytes,
) -> Response {
    let Ok(request) = serde_json::from_slice::<FreshEvidenceRequest>(&body) else {
        return reject(RejectCode::MalformedRequest);
    };
    let result = tokio::task::spawn_blocking(move || {
        let keys = state
            .gateway
            .with_keys(|ring| ring.current().config_list().clone())?;
        state
            .issuer
            .issue(&keys, Some(request.nonce), SystemTime::now())
    })
    .await;
    evidence_response(result)
}

fn evidence_response(
    result: Result<Result<EvidenceBundle, Error>, tokio::task::JoinError>,
) -> Response {
    match result {
        Ok(Ok(bundle)) => match bundle.to_json() {
            Ok(json) => response(StatusCode::OK, "application/json", json),
            Err(_) => reject(RejectCode::Internal),
        },
        _ => reject(RejectCode::Internal),
    }
}

fn reject(code: RejectCode) -> Response {
    let status = StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(&RejectBody { error: code }).unwrap_or_default();
    response(status, "application/json", body)
}

fn response(status: StatusCode, media_type: &'static str, body: Vec<u8>) -> Response {
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static(media_type),
    );
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn tcp_is_loopback_only() {
        let addr: EnclaveAddr = "10.1.2.3:7001".parse().unwrap();
        assert!(matches!(
            bind(&addr).await,
            Err(Error::ListenerRefused(reason)) if reason.starts_with("TCP is accepted on loopback")
        ));
        let bound = bind(&"127.0.0.1:0".parse().unwrap()).await.unwrap();
        let EnclaveAddr::Tcp(local) = bound.local_addr().unwrap() else {
            panic!("not TCP");
        };
        assert!(local.ip().is_loopback() && local.port() != 0);
    }

    #[tokio::test]
    async fn a_unix_path_is_replaced_only_if_it_is_a_stale_socket() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-socket");
        std::fs::write(&file, b"keep me").unwrap();
        assert_eq!(
            bind(&EnclaveAddr::Unix(file.clone())).await.unwrap_err(),
            Error::ListenerRefused("the Unix socket path exists and is not a socket")
        );
        assert_eq!(std::fs::read(&file).unwrap(), b"keep me");

        let sock = dir.path().join("replica.sock");
        let first = bind(&EnclaveAddr::Unix(sock.clone())).await.unwrap();
        drop(first); // leaves the socket file behind, as a killed process would
        let again = bind(&EnclaveAddr::Unix(sock.clone())).await.unwrap();
        assert_eq!(again.local_addr().unwrap(), EnclaveAddr::Unix(sock));
    }

    #[tokio::test]
    async fn vsock_binds_where_the_kernel_has_vsock() {
        let addr = EnclaveAddr::Vsock {
            cid: EnclaveAddr::VSOCK_ANY,
            port: 47_113,
        };
        let result = bind(&addr).await;
        if std::path::Path::new("/dev/vsock").exists() {
            let bound = result.unwrap();
            assert!(matches!(
                bound.local_addr().unwrap(),
                EnclaveAddr::Vsock { port: 47_113, .. }
            ));
        } else {
            assert!(matches!(result, Err(Error::Io(_))), "{result:?}");
        }
    }
}
