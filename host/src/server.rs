//! The HTTPS front door: rustls on TCP, axum routes, graceful shutdown.
//!
//! Routes: `GET /healthz`, `GET /metrics`, and with an API key `GET /v1/attestation`,
//! `POST /v1/attestation` (fresh, nonce-bound evidence), `POST /v1/caption` and
//! `POST /v1/sanitize` (`message/ohttp-req` in, `message/ohttp-res` out, forwarded by key
//! id alike: which endpoint a request is for is known only inside the enclave's decrypted
//! message; the outer path only picks the metrics label). Refusals are fixed
//! [`RejectCode`] JSON bodies; nothing in a response, log line or metric label is taken
//! from request content.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use http_body_util::{BodyExt, Limited};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use obscura_protocol::api::{
    OHTTP_REQUEST_MEDIA_TYPE, OHTTP_RESPONSE_MEDIA_TYPE, RejectBody, RejectCode,
};
use obscura_protocol::evidence::{AttestationList, FreshEvidenceRequest};
use obscura_protocol::limits::MAX_REQUEST_BYTES;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::Error;
use crate::budget::InflightBudget;
use crate::metrics::{Metrics, Route};
use crate::replicas::Replicas;
use crate::tenants::{Refusal, Tenants};

/// Time allowed for a TLS handshake and for request headers.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Time in-flight requests get to finish after shutdown starts.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// What the handlers share.
#[derive(Debug)]
pub struct AppState {
    /// API keys and rate limits.
    pub tenants: Tenants,
    /// The enclave replicas.
    pub replicas: Replicas,
    /// Counters.
    pub metrics: Metrics,
    /// Bound on the body bytes held at once.
    pub inflight: InflightBudget,
}

/// The routes, with body limits.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/metrics", get(metrics))
        .route("/v1/attestation", get(attestation).post(fresh_attestation))
        .route("/v1/caption", post(caption))
        .route("/v1/sanitize", post(sanitize))
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES))
        .with_state(state)
}

/// A rustls server configuration from PEM certificate chain and private key.
pub fn tls_config(cert_pem: &[u8], key_pem: &[u8]) -> Result<rustls::ServerConfig, Error> {
    let certs = rustls_pemfile::certs(&mut &cert_pem[..])
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| Error::Tls("certificate PEM is malformed"))?;
    if certs.is_empty() {
        return Err(Error::Tls("no certificate in PEM"));
    }
    let key = rustls_pemfile::private_key(&mut &key_pem[..])
        .map_err(|_| Error::Tls("private key PEM is malformed"))?
        .ok_or(Error::Tls("no private key in PEM"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|_| Error::Tls("protocol versions"))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|_| Error::Tls("certificate and key do not match"))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// Serves `router` over TLS on `listener` until `shutdown` resolves, then drains in-flight
/// connections for up to [`DRAIN_TIMEOUT`].
pub async fn serve(
    listener: TcpListener,
    tls: rustls::ServerConfig,
    router: Router,
    shutdown: impl Future<Output = ()>,
) -> Result<(), Error> {
    let acceptor = TlsAcceptor::from(Arc::new(tls));
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((tcp, _peer)) = accepted else { continue };
                let acceptor = acceptor.clone();
                let service = TowerToHyperService::new(router.clone());
                let watcher = graceful.watcher();
                tokio::spawn(async move {
                    let Ok(Ok(tls)) = tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await else {
                        return;
                    };
                    let conn = hyper::server::conn::http1::Builder::new()
                        .timer(TokioTimer::new())
                        .header_read_timeout(HANDSHAKE_TIMEOUT)
                        .serve_connection(TokioIo::new(tls), service);
                    let _ = watcher.watch(conn).await;
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown()).await;
    Ok(())
}

async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    response(
        StatusCode::OK,
        "text/plain; version=0.0.4",
        state.metrics.render().into_bytes(),
    )
}

async fn attestation(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let result = async {
        admit(&state, &headers)?;
        state.replicas.attestation(SystemTime::now()).await
    }
    .await;
    finish(&state, Route::Attestation, result.and_then(json_list))
}

async fn fresh_attestation(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result = async {
        admit(&state, &headers)?;
        let request: FreshEvidenceRequest = serde_json::from_slice(&body)
            .map_err(|_| Error::Reject(RejectCode::MalformedRequest))?;
        state.replicas.fresh(request).await
    }
    .await;
    finish(&state, Route::FreshAttestation, result.and_then(json_list))
}

async fn caption(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Body) -> Response {
    forward(&state, Route::Caption, &headers, body).await
}

/// `POST /v1/sanitize`: the same opaque forwarding as captions (the enclave tells the two
/// apart only after decrypting); counted under its own route.
async fn sanitize(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Body) -> Response {
    forward(&state, Route::Sanitize, &headers, body).await
}

/// Checks the API key and media type from the headers alone, reserves room in the in-flight
/// budget, and only then reads the (capped) body and sends it on: an unauthenticated or
/// over-budget client never makes the host buffer anything.
async fn forward(state: &AppState, route: Route, headers: &HeaderMap, body: Body) -> Response {
    let result = async {
        admit(state, headers)?;
        let media_type = headers
            .get(header::CONTENT_TYPE)
            .map(|v| v.as_bytes())
            .unwrap_or_default();
        if media_type != OHTTP_REQUEST_MEDIA_TYPE.as_bytes() {
            return Err(Error::Reject(RejectCode::WrongMediaType));
        }
        let declared = match headers.get(header::CONTENT_LENGTH) {
            None => MAX_REQUEST_BYTES,
            Some(v) => v
                .to_str()
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
                .ok_or(Error::Reject(RejectCode::MalformedRequest))?,
        };
        if declared > MAX_REQUEST_BYTES {
            return Err(Error::Reject(RejectCode::TooLarge));
        }
        let _reservation = state
            .inflight
            .try_reserve(declared)
            .ok_or(Error::Reject(RejectCode::Busy))?;
        let body = Limited::new(body, MAX_REQUEST_BYTES)
            .collect()
            .await
            .map_err(|_| Error::Reject(RejectCode::TooLarge))?
            .to_bytes();
        let forwarded = state.replicas.forward(body, SystemTime::now()).await?;
        let status = StatusCode::from_u16(forwarded.status).map_err(|_| Error::Upstream)?;
        let media = if status == StatusCode::OK {
            OHTTP_RESPONSE_MEDIA_TYPE
        } else {
            "application/json"
        };
        Ok(response(status, media, forwarded.body))
    }
    .await;
    finish(state, route, result)
}

fn admit(state: &AppState, headers: &HeaderMap) -> Result<(), Error> {
    let auth = headers.get(header::AUTHORIZATION).map(|v| v.as_bytes());
    match state.tenants.admit(auth, Instant::now()) {
        Ok(_) => Ok(()),
        Err(Refusal::Unauthorized) => Err(Error::Reject(RejectCode::Unauthorized)),
        Err(Refusal::RateLimited) => Err(Error::Reject(RejectCode::RateLimited)),
    }
}

fn json_list(list: AttestationList) -> Result<Response, Error> {
    let body = list.to_json()?;
    Ok(response(StatusCode::OK, "application/json", body))
}

fn finish(state: &AppState, route: Route, result: Result<Response, Error>) -> Response {
    let resp = result.unwrap_or_else(|e| {
        let code = match e {
            Error::Reject(code) => code,
            Error::Upstream | Error::Protocol(_) => RejectCode::Unavailable,
            _ => RejectCode::Internal,
        };
        reject(code)
    });
    state.metrics.record(route, resp.status().as_u16());
    resp
}

/// A fixed refusal.
pub fn reject(code: RejectCode) -> Response {
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
