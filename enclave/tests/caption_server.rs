//! The VLM-server backend against a real OpenAI-compatible stand-in on `127.0.0.1:0`: the
//! request it receives (model, prompt, PNG data URL of the right size, `max_tokens`,
//! temperature 0) and each failure as its own typed error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test code: a panic is a test failure"
)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine as _;
use obscura_enclave::Error;
use obscura_enclave::caption::server::{PROMPT, ServerConfig, VlmServerCaptioner};
use obscura_enclave::caption::{CaptionBackend, CaptionError, CaptionInput, Captioner, UNPINNED};
use obscura_enclave::pipeline::{RgbPixels, decode};
use obscura_protocol::api::{Digest32, MediaType};
use serde_json::{Value, json};

/// How the stand-in answers.
#[derive(Debug, Clone, Copy)]
enum Mode {
    Ok,
    Slow,
    Huge,
    Status(u16),
    Malformed,
}

#[derive(Clone)]
struct Stand {
    mode: Mode,
    seen: Arc<Mutex<Vec<Value>>>,
}

async fn completions(State(s): State<Stand>, Json(body): Json<Value>) -> Response {
    s.seen.lock().unwrap().push(body);
    match s.mode {
        Mode::Ok => Json(json!({
            "id": "x", "object": "chat.completion",
            "choices": [{ "index": 0, "finish_reason": "stop",
                "message": { "role": "assistant", "content": " A chest radiograph. " } }]
        }))
        .into_response(),
        Mode::Slow => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            StatusCode::OK.into_response()
        }
        Mode::Huge => "x".repeat(200_000).into_response(),
        Mode::Status(code) => StatusCode::from_u16(code).unwrap().into_response(),
        Mode::Malformed => "{\"choices\": [".into_response(),
    }
}

struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Value>>>,
    _runtime: tokio::runtime::Runtime,
}

fn start(mode: Mode) -> Server {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let state = Stand {
        mode,
        seen: Arc::clone(&seen),
    };
    let addr = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = axum::Router::new()
            .route("/v1/chat/completions", post(completions))
            .with_state(state);
        tokio::spawn(async move { axum::serve(listener, app).await });
        addr
    });
    Server {
        addr,
        seen,
        _runtime: runtime,
    }
}

fn pixels() -> RgbPixels {
    let data = (0..40u32 * 30 * 3)
        .map(|i| u8::try_from(i % 251).unwrap())
        .collect();
    RgbPixels::new(40, 30, data).unwrap()
}

fn caption(config: ServerConfig) -> Result<String, Error> {
    let pixels = pixels();
    let captioner = VlmServerCaptioner::new(config)?;
    captioner
        .caption(&CaptionInput {
            pixels: &pixels,
            faces: 0,
            text_regions: 0,
            text_lines: &[],
        })
        .map(|c| c.expose().to_owned())
}

fn config(server: &Server) -> ServerConfig {
    let mut c = ServerConfig::new(format!("http://{}/v1", server.addr), "toy-vlm");
    c.max_tokens = 33;
    c.timeout = Duration::from_secs(2);
    c.max_response_bytes = 4096;
    c
}

#[test]
fn request_carries_model_prompt_png_and_limits() {
    let server = start(Mode::Ok);
    assert_eq!(caption(config(&server)).unwrap(), "A chest radiograph.");
    let seen = server.seen.lock().unwrap();
    let [body] = seen.as_slice() else {
        panic!("expected one request, got {}", seen.len())
    };
    assert_eq!(body["model"], "toy-vlm");
    assert_eq!(body["max_tokens"], 33);
    assert_eq!(body["temperature"], 0);
    assert_eq!(body["stream"], false);
    let content = body["messages"][0]["content"].as_array().unwrap();
    assert_eq!(body["messages"][0]["role"], "user");
    assert_eq!(content[0], json!({ "type": "text", "text": PROMPT }));
    assert_eq!(content[1]["type"], "image_url");
    let url = content[1]["image_url"]["url"].as_str().unwrap();
    let b64 = url.strip_prefix("data:image/png;base64,").unwrap();
    let png = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let decoded = decode(&png).unwrap();
    assert_eq!(decoded.format, MediaType::Png);
    assert_eq!(decoded.pixels, pixels());
}

#[test]
fn identity_names_the_server_model() {
    let mut c = ServerConfig::new("http://localhost:8000", "qwen2-vl");
    let id = VlmServerCaptioner::new(c.clone()).unwrap().identity();
    assert_eq!(id.backend, CaptionBackend::VlmServer);
    assert_eq!(id.models[0].name, "caption/vlm-server/qwen2-vl");
    assert_eq!(id.models[0].sha256, UNPINNED);
    c.image_digest = Some(Digest32([7; 32]));
    let id = VlmServerCaptioner::new(c).unwrap().identity();
    assert_eq!(id.models[0].sha256, Digest32([7; 32]));
}

#[test]
fn failures_are_typed() {
    let slow = start(Mode::Slow);
    let mut c = config(&slow);
    c.timeout = Duration::from_millis(300);
    assert_eq!(
        caption(c),
        Err(Error::Caption(CaptionError::ServerTimeout(
            Duration::from_millis(300)
        )))
    );

    let huge = start(Mode::Huge);
    assert_eq!(
        caption(config(&huge)),
        Err(Error::Caption(CaptionError::ServerResponseTooLarge {
            max: 4096
        }))
    );

    for code in [404, 500, 503] {
        let status = start(Mode::Status(code));
        assert_eq!(
            caption(config(&status)),
            Err(Error::Caption(CaptionError::ServerStatus(code)))
        );
    }

    let malformed = start(Mode::Malformed);
    assert_eq!(
        caption(config(&malformed)),
        Err(Error::Caption(CaptionError::ServerResponseMalformed {
            reason: "not JSON"
        }))
    );

    // Nothing listens on the port of a server that has stopped.
    let gone = start(Mode::Ok);
    let c = config(&gone);
    drop(gone);
    assert_eq!(
        caption(c),
        Err(Error::Caption(CaptionError::ServerIo(
            std::io::ErrorKind::ConnectionRefused
        )))
    );
}

#[test]
fn non_local_servers_are_refused_at_start_up() {
    for url in [
        "http://10.1.2.3:8000",
        "http://example.org",
        "http://[::2]:80",
    ] {
        assert_eq!(
            caption(ServerConfig::new(url, "m")),
            Err(Error::Caption(CaptionError::ServerNotLocal)),
            "{url}"
        );
    }
}
