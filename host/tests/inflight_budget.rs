//! The host's routes hold at most their in-flight budget of body bytes: the API key and the
//! declared length are checked before any body byte is read, a request that does not fit
//! gets `busy` at once, and a reservation comes back when its request ends (driven through
//! the real axum router, with a request body that never arrives to keep one in flight).

#![allow(clippy::unwrap_used, clippy::panic)] // test code: a panic is a failed test

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use hyper::body::{Bytes, Frame};
use obscura_host::budget::InflightBudget;
use obscura_host::metrics::Metrics;
use obscura_host::replicas::Replicas;
use obscura_host::server::{AppState, router};
use obscura_host::tenants::{Tenant, Tenants};
use obscura_protocol::limits::MAX_REQUEST_BYTES;
use tower::Service;

const KEY: &str = "budget-test-key-0123";
const MIB: usize = 1024 * 1024;

/// A request body whose bytes never arrive.
struct Stalled;

impl hyper::body::Body for Stalled {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        Poll::Pending
    }
}

fn request(key: Option<&str>, declared: usize, body: Body) -> Request<Body> {
    let mut req = Request::post("/v1/caption")
        .header("content-type", "message/ohttp-req")
        .header("content-length", declared.to_string());
    if let Some(key) = key {
        req = req.header("authorization", format!("Bearer {key}"));
    }
    req.body(body).unwrap()
}

async fn send(app: &axum::Router, req: Request<Body>) -> (StatusCode, String) {
    let resp = app.clone().call(req).await.unwrap();
    let status = resp.status();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn bodies_in_flight_stay_within_the_budget() {
    let budget = InflightBudget::new(2 * MAX_REQUEST_BYTES);
    let state = Arc::new(AppState {
        tenants: Tenants::new(
            vec![Tenant::with_key("t", KEY, 1000.0, 1000.0)],
            Instant::now(),
        ),
        // Never reached: every request here ends before forwarding, or is refused by the
        // router's key-id lookup.
        replicas: Replicas::new(vec!["127.0.0.1:9".parse().unwrap()], Duration::from_secs(1))
            .unwrap(),
        metrics: Metrics::default(),
        inflight: budget.clone(),
    });
    let app = router(state);
    let total = 2 * MAX_REQUEST_BYTES;
    assert_eq!(budget.available_bytes(), total);

    // A request whose 20 MiB never arrive holds 40 MiB (itself and its answer).
    let stalled = tokio::spawn({
        let app = app.clone();
        async move { send(&app, request(Some(KEY), 20 * MIB, Body::new(Stalled))).await }
    });
    for _ in 0..200 {
        if budget.available_bytes() < total {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(budget.available_bytes(), total - 40 * MIB);

    // A second 20 MiB request does not fit: busy, at once, without reading its body.
    assert_eq!(
        send(&app, request(Some(KEY), 20 * MIB, Body::new(Stalled))).await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            r#"{"error":"busy"}"#.to_owned()
        )
    );
    // Without a valid key nothing is reserved or read.
    assert_eq!(
        send(
            &app,
            request(Some("wrong-key-0123456789"), 20 * MIB, Body::new(Stalled))
        )
        .await,
        (
            StatusCode::UNAUTHORIZED,
            r#"{"error":"unauthorized"}"#.to_owned()
        )
    );
    // More than the request cap is refused from the declared length alone.
    assert_eq!(
        send(
            &app,
            request(Some(KEY), MAX_REQUEST_BYTES + 1, Body::new(Stalled))
        )
        .await,
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            r#"{"error":"too_large"}"#.to_owned()
        )
    );
    // A small request fits beside the stalled one; its bytes are not OHTTP, so the host's
    // key-id lookup refuses it after reading.
    assert_eq!(
        send(&app, request(Some(KEY), 3, Body::from(vec![0u8; 3]))).await,
        (
            StatusCode::BAD_REQUEST,
            r#"{"error":"malformed_request"}"#.to_owned()
        )
    );
    assert_eq!(budget.available_bytes(), total - 40 * MIB);

    // The stalled client goes away: its reservation comes back.
    stalled.abort();
    let _ = stalled.await;
    assert_eq!(budget.available_bytes(), total);
}
