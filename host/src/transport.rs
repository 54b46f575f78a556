//! The link from the host to one enclave replica: HTTP/1.1 over vsock (a CVM), TCP loopback
//! (the simulator) or a Unix socket, with pooled connections, a deadline per call and a cap
//! on every body read.
//!
//! hyper's pooled client does the HTTP; this module only opens the right kind of socket for
//! it (hyper's own connector knows TCP only, and no maintained crate offers one connector
//! for TCP, Unix and vsock, so the small `Stream` enum below is written here).

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use hyper::{Method, Request, Uri, header};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::{Connected, Connection};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use obscura_protocol::transport::EnclaveAddr;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpStream, UnixStream};
use tokio_vsock::{VsockAddr, VsockStream};

use crate::Error;

/// Idle pooled connections are closed after this long.
const POOL_IDLE: Duration = Duration::from_secs(30);

/// A replica's answer: status and the whole (capped) body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// The body, at most the cap the caller gave.
    pub body: Vec<u8>,
}

/// Why a call to a replica failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// No answer: connecting failed, the connection broke before a response head, or the
    /// deadline passed first. The replica may be gone.
    Unreachable,
    /// The response head arrived but its body was cut off, too large or late.
    BadBody,
}

/// Calls to one replica.
#[derive(Debug, Clone)]
pub struct ReplicaLink {
    addr: Arc<EnclaveAddr>,
    authority: String,
    client: Client<Connector, Full<Bytes>>,
    timeout: Duration,
}

impl ReplicaLink {
    /// A link to `addr`; each call (connect, request, whole body) must finish within
    /// `timeout`. Wildcard addresses (`vsock://any:…`, `0.0.0.0`) are refused.
    pub fn new(addr: EnclaveAddr, timeout: Duration) -> Result<Self, Error> {
        if !addr.is_connectable() {
            return Err(Error::ReplicaAddress);
        }
        let authority = match &addr {
            EnclaveAddr::Tcp(sock) => sock.to_string(),
            // The Host header means nothing on a socket that is not TCP.
            EnclaveAddr::Vsock { .. } | EnclaveAddr::Unix(_) => "localhost".to_owned(),
        };
        let addr = Arc::new(addr);
        let client = Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(POOL_IDLE)
            .build(Connector {
                addr: Arc::clone(&addr),
            });
        Ok(Self {
            addr,
            authority,
            client,
            timeout,
        })
    }

    /// The replica's address.
    pub fn addr(&self) -> &EnclaveAddr {
        &self.addr
    }

    /// `GET path`, reading at most `cap` body bytes.
    pub async fn get(&self, path: &str, cap: usize) -> Result<Answer, LinkError> {
        self.call(Method::GET, path, None, cap).await
    }

    /// `POST path` with `body` of `content_type`, reading at most `cap` body bytes.
    pub async fn post(
        &self,
        path: &str,
        content_type: &'static str,
        body: Bytes,
        cap: usize,
    ) -> Result<Answer, LinkError> {
        self.call(Method::POST, path, Some((content_type, body)), cap)
            .await
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<(&'static str, Bytes)>,
        cap: usize,
    ) -> Result<Answer, LinkError> {
        let deadline = tokio::time::Instant::now() + self.timeout;
        let uri: Uri = format!("http://{}{path}", self.authority)
            .parse()
            .map_err(|_| LinkError::Unreachable)?;
        let mut builder = Request::builder().method(method).uri(uri);
        let payload = match body {
            Some((content_type, bytes)) => {
                builder = builder.header(header::CONTENT_TYPE, content_type);
                Full::new(bytes)
            }
            None => Full::new(Bytes::new()),
        };
        let request = builder.body(payload).map_err(|_| LinkError::Unreachable)?;
        let response = tokio::time::timeout_at(deadline, self.client.request(request))
            .await
            .map_err(|_| LinkError::Unreachable)?
            .map_err(|_| LinkError::Unreachable)?;
        let status = response.status().as_u16();
        if response
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .is_some_and(|n| n > cap as u64)
        {
            return Err(LinkError::BadBody);
        }
        // `Limited` stops reading as soon as the body grows past the cap.
        let collected =
            tokio::time::timeout_at(deadline, Limited::new(response.into_body(), cap).collect())
                .await
                .map_err(|_| LinkError::BadBody)?
                .map_err(|_| LinkError::BadBody)?;
        Ok(Answer {
            status,
            body: collected.to_bytes().to_vec(),
        })
    }
}

/// Opens a socket to one replica, whatever URI hyper asks for.
#[derive(Debug, Clone)]
struct Connector {
    addr: Arc<EnclaveAddr>,
}

impl tower::Service<Uri> for Connector {
    type Response = TokioIo<Stream>;
    type Error = io::Error;
    type Future = Pin<Box<dyn Future<Output = io::Result<Self::Response>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _: Uri) -> Self::Future {
        let addr = Arc::clone(&self.addr);
        Box::pin(async move { Stream::connect(&addr).await.map(TokioIo::new) })
    }
}

/// A connected socket of any of the three transports.
#[derive(Debug)]
enum Stream {
    Tcp(TcpStream),
    Unix(UnixStream),
    Vsock(VsockStream),
}

impl Stream {
    async fn connect(addr: &EnclaveAddr) -> io::Result<Self> {
        match addr {
            EnclaveAddr::Tcp(sock) => {
                let stream = TcpStream::connect(sock).await?;
                stream.set_nodelay(true)?;
                Ok(Self::Tcp(stream))
            }
            EnclaveAddr::Unix(path) => UnixStream::connect(path).await.map(Self::Unix),
            EnclaveAddr::Vsock { cid, port } => VsockStream::connect(VsockAddr::new(*cid, *port))
                .await
                .map(Self::Vsock),
        }
    }
}

impl Connection for Stream {
    fn connected(&self) -> Connected {
        Connected::new()
    }
}

// All three stream types are `Unpin`, so each arm re-pins its own field.
impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Tcp(s) => Pin::new(s).poll_read(cx, buf),
            Self::Unix(s) => Pin::new(s).poll_read(cx, buf),
            Self::Vsock(s) => Pin::new(s).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Self::Tcp(s) => Pin::new(s).poll_write(cx, buf),
            Self::Unix(s) => Pin::new(s).poll_write(cx, buf),
            Self::Vsock(s) => Pin::new(s).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Tcp(s) => Pin::new(s).poll_flush(cx),
            Self::Unix(s) => Pin::new(s).poll_flush(cx),
            Self::Vsock(s) => Pin::new(s).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Tcp(s) => Pin::new(s).poll_shutdown(cx),
            Self::Unix(s) => Pin::new(s).poll_shutdown(cx),
            Self::Vsock(s) => Pin::new(s).poll_shutdown(cx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_addresses_are_refused() {
        for addr in ["vsock://any:7001", "0.0.0.0:7001", "127.0.0.1:0"] {
            let err = ReplicaLink::new(addr.parse().unwrap(), Duration::from_secs(1)).unwrap_err();
            assert_eq!(err, Error::ReplicaAddress, "{addr}");
        }
    }

    #[tokio::test]
    async fn a_vsock_peer_that_is_not_there_is_unreachable() {
        // CID 2 is the hypervisor's host; nothing listens on this port there (and on a machine
        // without vsock the socket cannot even be created). Either way: unreachable, quickly.
        let link =
            ReplicaLink::new("vsock://2:48611".parse().unwrap(), Duration::from_secs(3)).unwrap();
        assert_eq!(
            link.get("/evidence", 1024).await,
            Err(LinkError::Unreachable)
        );
    }
}
