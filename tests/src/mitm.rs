//! A man-in-the-middle HTTPS proxy on `127.0.0.1:0`, for hostile-host tests.
//!
//! It terminates TLS with its own test CA (the client under test trusts it, as a client
//! trusts whatever host it is pointed at), forwards every request to the upstream host, and
//! lets a test rewrite each request body before it goes up and each response on its way
//! back. It records every exchange (bounded), so a test can replay a captured request or
//! search every body the client saw.

use std::sync::{Arc, Mutex};

use anyhow::Context;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::Response;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// Exchanges kept by [`Mitm::exchanges`]; older ones are dropped first.
pub const MAX_RECORDED: usize = 4096;

/// One request and the answer the client got (after any tampering).
#[derive(Clone)]
pub struct Exchange {
    /// Request method.
    pub method: Method,
    /// Request path.
    pub path: String,
    /// Request body as forwarded upstream.
    pub request: Vec<u8>,
    /// Status returned to the client.
    pub status: u16,
    /// Body returned to the client.
    pub response: Vec<u8>,
}

impl std::fmt::Debug for Exchange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} ({} bytes) -> {} ({} bytes)",
            self.method,
            self.path,
            self.request.len(),
            self.status,
            self.response.len()
        )
    }
}

/// Rewrites a request body: `(path, body)`.
pub type RequestTamper = Arc<dyn Fn(&str, &mut Vec<u8>) + Send + Sync>;
/// Rewrites a response: `(path, status, body)`.
pub type ResponseTamper = Arc<dyn Fn(&str, &mut u16, &mut Vec<u8>) + Send + Sync>;

#[derive(Default)]
struct Hooks {
    request: Option<RequestTamper>,
    response: Option<ResponseTamper>,
}

struct Shared {
    upstream: String,
    http: reqwest::Client,
    hooks: Mutex<Hooks>,
    log: Mutex<std::collections::VecDeque<Exchange>>,
}

/// A running proxy. Dropping it stops it.
pub struct Mitm {
    /// `https://127.0.0.1:PORT` of the proxy.
    pub url: String,
    /// The CA that signed the proxy's certificate (PEM).
    pub ca_pem: String,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl std::fmt::Debug for Mitm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mitm")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Mitm {
    /// Starts a proxy in front of `upstream` (`https://…`, trusted through `upstream_ca_pem`).
    pub async fn start(upstream: &str, upstream_ca_pem: &str) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .add_root_certificate(reqwest::Certificate::from_pem(upstream_ca_pem.as_bytes())?)
            .build()
            .context("proxy HTTP client")?;
        let shared = Arc::new(Shared {
            upstream: upstream.trim_end_matches('/').to_owned(),
            http,
            hooks: Mutex::new(Hooks::default()),
            log: Mutex::new(std::collections::VecDeque::new()),
        });
        let ca = crate::test_ca()?;
        let tls =
            obscura_host::server::tls_config(ca.server_cert.as_bytes(), ca.server_key.as_bytes())?;
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let router = Router::new()
            .fallback(forward)
            .layer(axum::extract::DefaultBodyLimit::max(
                obscura_protocol::limits::MAX_REQUEST_BYTES * 2,
            ))
            .with_state(Arc::clone(&shared));
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(obscura_host::server::serve(listener, tls, router, async {
            let _ = rx.await;
        }));
        Ok(Self {
            url: format!("https://{addr}"),
            ca_pem: ca.ca_cert,
            shared,
            shutdown: Some(tx),
        })
    }

    /// Rewrites every request body from now on (`None`: forward unchanged).
    pub fn on_request(&self, tamper: Option<RequestTamper>) {
        if let Ok(mut hooks) = self.shared.hooks.lock() {
            hooks.request = tamper;
        }
    }

    /// Rewrites every response from now on (`None`: return unchanged).
    pub fn on_response(&self, tamper: Option<ResponseTamper>) {
        if let Ok(mut hooks) = self.shared.hooks.lock() {
            hooks.response = tamper;
        }
    }

    /// The exchanges so far, oldest first.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.shared
            .log
            .lock()
            .map(|log| log.iter().cloned().collect())
            .unwrap_or_default()
    }
}

impl Drop for Mitm {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

async fn forward(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let (request_hook, response_hook) = match shared.hooks.lock() {
        Ok(h) => (h.request.clone(), h.response.clone()),
        Err(_) => (None, None),
    };
    let mut request = body.to_vec();
    if let Some(hook) = request_hook {
        hook(&path, &mut request);
    }
    let mut up = shared
        .http
        .request(method.clone(), format!("{}{}", shared.upstream, uri))
        .body(request.clone());
    for name in [header::AUTHORIZATION, header::CONTENT_TYPE] {
        if let Some(v) = headers.get(&name) {
            up = up.header(name, v);
        }
    }
    let (mut status, content_type, mut response) = match up.send().await {
        Ok(resp) => {
            let status = resp.status().as_u16();
            let ct = resp.headers().get(header::CONTENT_TYPE).cloned();
            let body = resp.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
            (status, ct, body)
        }
        Err(_) => (502, None, Vec::new()),
    };
    if let Some(hook) = response_hook {
        hook(&path, &mut status, &mut response);
    }
    if let Ok(mut log) = shared.log.lock() {
        if log.len() >= MAX_RECORDED {
            log.pop_front();
        }
        log.push_back(Exchange {
            method,
            path,
            request,
            status,
            response: response.clone(),
        });
    }
    let mut resp = Response::new(Body::from(response));
    *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    if let Some(ct) = content_type {
        resp.headers_mut().insert(header::CONTENT_TYPE, ct);
    }
    resp
}
