//! The enclave's listener: plain HTTP/1.1 on loopback (simulator) or vsock (CVM), spoken only
//! by the host. Nothing here needs TLS: requests and responses are OHTTP-encrypted end to
//! end, and evidence is signed.
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
use tokio::net::TcpListener;

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

/// Serves `router` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), Error> {
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
