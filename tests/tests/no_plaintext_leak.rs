//! Leak test: a canary patient name and MRN go in as burned-in pixels, as PNG text metadata,
//! as an undecodable image body, as an API key, a media type and a URL path; then every
//! log line of the process (host, enclave and SDK run in process here; every `tracing`
//! event and every `log` record at TRACE, including those of hyper, h2, reqwest, rustls and
//! ohttp), the host's `/metrics`, every response body the client saw (error bodies
//! included), every error the SDK returned and every byte that crossed the host are searched
//! for the canary in any letter case. It must appear nowhere.
//!
//! Obscura's own crates do not log through `tracing` or `log` today (the binaries write a few
//! start-up lines to stderr, none derived from requests); the capture is installed anyway so
//! that any log line added later is covered by this test.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::models::{ASSETS_ENV, Models};
use obscura_enclave::pipeline::Pipeline;
use obscura_protocol::api::{CaptionOptions, OHTTP_REQUEST_MEDIA_TYPE, RegionKind};
use obscura_protocol::message::CaptionRequest;
use obscura_protocol::secret::SecretBytes;
use obscura_tests::mitm::Mitm;

/// The canary: a patient name and an MRN that occur nowhere else.
const CANARY_NAME: &str = "XANTHIPPE QUILLFEATHER";
const CANARY_MRN: &str = "MRN 80417-3392";
/// What is searched for, in every letter case.
const NEEDLES: [&str; 4] = ["XANTHIPPE", "QUILLFEATHER", "80417-3392", "804173392"];

// ---- log capture --------------------------------------------------------------------

fn lines() -> &'static Mutex<Vec<String>> {
    static LINES: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    LINES.get_or_init(|| Mutex::new(Vec::new()))
}

fn push(line: String) {
    if let Ok(mut l) = lines().lock() {
        l.push(line);
    }
}

/// Every `tracing` event and span, with all fields, at every level.
struct TraceCapture {
    next_id: std::sync::atomic::AtomicU64,
}

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        let _ = write!(self.0, " {}={}", field.name(), value);
    }
    fn record_bytes(&mut self, field: &tracing::field::Field, value: &[u8]) {
        let _ = write!(
            self.0,
            " {}={}",
            field.name(),
            String::from_utf8_lossy(value)
        );
    }
}

impl tracing::Subscriber for TraceCapture {
    fn register_callsite(
        &self,
        _: &'static tracing::Metadata<'static>,
    ) -> tracing::subscriber::Interest {
        tracing::subscriber::Interest::always()
    }
    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::TRACE)
    }
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut f = Fields(format!("span {}", span.metadata().name()));
        span.record(&mut f);
        push(f.0);
        let id = self
            .next_id
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        tracing::span::Id::from_u64(id.max(1))
    }
    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut f = Fields("span record".into());
        values.record(&mut f);
        push(f.0);
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let m = event.metadata();
        let mut f = Fields(format!("{} {}", m.level(), m.target()));
        event.record(&mut f);
        push(f.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

/// Every `log` record at every level.
struct LogCapture;

impl log::Log for LogCapture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        push(format!(
            "{} {} {}",
            record.level(),
            record.target(),
            record.args()
        ));
    }
    fn flush(&self) {}
}

fn install_capture() {
    static LOG: LogCapture = LogCapture;
    let _ = log::set_logger(&LOG);
    log::set_max_level(log::LevelFilter::Trace);
    let _ = tracing::subscriber::set_global_default(TraceCapture {
        next_id: std::sync::atomic::AtomicU64::new(1),
    });
}

// ---- the canary image ----------------------------------------------------------------

/// 5×7 glyphs, one row per byte (bit 4 = leftmost column).
fn glyph(c: char) -> [u8; 7] {
    match c {
        'A' => [0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11],
        'E' => [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F],
        'F' => [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10],
        'H' => [0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11],
        'I' => [0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E],
        'L' => [0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F],
        'M' => [0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11],
        'N' => [0x11, 0x19, 0x15, 0x13, 0x11, 0x11, 0x11],
        'P' => [0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10],
        'Q' => [0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D],
        'R' => [0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11],
        'T' => [0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04],
        'U' => [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E],
        'X' => [0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11],
        '0' => [0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E],
        '1' => [0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E],
        '2' => [0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F],
        '3' => [0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E],
        '4' => [0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02],
        '7' => [0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
        '8' => [0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E],
        '9' => [0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C],
        '-' => [0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00],
        ' ' => [0; 7],
        other => panic!("no glyph for {other:?}"),
    }
}

/// Draws `text` in black at (`x`, `y`), each font pixel a `scale`×`scale` square.
fn draw_text(img: &mut image::RgbImage, text: &str, x: u32, y: u32, scale: u32) {
    for (i, c) in text.chars().enumerate() {
        let gx = x + u32::try_from(i).unwrap() * 6 * scale;
        for (row, bits) in glyph(c).iter().enumerate() {
            for col in 0..5u32 {
                if bits & (0x10 >> col) != 0 {
                    for dy in 0..scale {
                        for dx in 0..scale {
                            let px = gx + col * scale + dx;
                            let py = y + u32::try_from(row).unwrap() * scale + dy;
                            img.put_pixel(px, py, image::Rgb([0, 0, 0]));
                        }
                    }
                }
            }
        }
    }
}

fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for b in parts.iter().flat_map(|p| p.iter()) {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A white label with the name and MRN burned in, plus both in a PNG `tEXt` chunk.
fn canary_png() -> Vec<u8> {
    let mut img = image::RgbImage::from_pixel(720, 160, image::Rgb([255, 255, 255]));
    draw_text(&mut img, CANARY_NAME, 20, 30, 4);
    draw_text(&mut img, CANARY_MRN, 20, 90, 4);
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    // After the signature (8) and IHDR (8 + 13 + 4).
    let at = 8 + 25;
    let data = format!("Comment\0{CANARY_NAME} {CANARY_MRN}");
    let mut chunk = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    chunk.extend_from_slice(b"tEXt");
    chunk.extend_from_slice(data.as_bytes());
    chunk.extend_from_slice(&crc32(&[b"tEXt", data.as_bytes()]).to_be_bytes());
    png.splice(at..at, chunk);
    png
}

// ---- the search -----------------------------------------------------------------------

fn case_forms() -> Vec<Vec<u8>> {
    let mut forms = Vec::new();
    for n in NEEDLES {
        for f in [n.to_owned(), n.to_lowercase(), title_case(n)] {
            forms.push(f.into_bytes());
        }
    }
    forms
}

fn title_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn leaks(haystack: &[u8]) -> Option<String> {
    case_forms().into_iter().find_map(|needle| {
        haystack
            .windows(needle.len())
            .any(|w| w == needle.as_slice())
            .then(|| String::from_utf8_lossy(&needle).into_owned())
    })
}

fn assets() -> Option<PathBuf> {
    let dir = std::env::var_os(ASSETS_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets")));
    dir.join("models").is_dir().then_some(dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_canary_appears_in_no_log_metric_error_or_byte_outside_the_enclave() {
    install_capture();
    let Some(dir) = assets() else {
        eprintln!("SKIP: no pinned assets (run `cargo xtask setup`)");
        return;
    };
    let models = Models::load(&dir).unwrap();
    let digests = models.digests().to_vec();
    let handler = PipelineHandler::new(Pipeline::new(models), digests);
    let claims = handler.claims();
    let stack = obscura_tests::start_stack(vec![handler], claims)
        .await
        .unwrap();
    let mitm = Mitm::start(&stack.host_url, &stack.ca_pem).await.unwrap();
    let client = stack.client_via(&mitm.url, &mitm.ca_pem).unwrap();
    let png = canary_png();
    assert!(leaks(&png).is_some(), "the canary is in the input");
    let mut seen_by_client: Vec<Vec<u8>> = Vec::new();
    let mut errors: Vec<String> = Vec::new();

    // 1. The normal path: burned-in text and metadata.
    let resp = client
        .caption(png.clone(), CaptionOptions::default())
        .await
        .unwrap();
    let text_regions = resp
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Text)
        .count();
    // The burned-in lines reached OCR inside the enclave and came back only as filled boxes.
    assert!(text_regions >= 2, "{:?}", resp.regions);
    assert!(
        resp.regions.iter().all(|r| r.redacted),
        "{:?}",
        resp.regions
    );
    let img = resp.image.as_ref().unwrap();
    seen_by_client.push(img.data.expose().to_vec());
    if let Some(c) = &resp.caption {
        seen_by_client.push(c.as_str().as_bytes().to_vec());
    }
    for line in &resp.ocr {
        seen_by_client.push(line.text.as_str().as_bytes().to_vec());
    }

    // 2. The canary as the bytes of something that is no image at all.
    let junk = format!("{CANARY_NAME} {CANARY_MRN}").into_bytes();
    let err = client
        .caption(junk, CaptionOptions::default())
        .await
        .unwrap_err();
    assert_eq!(
        err,
        obscura_sdk::Error::Service(obscura_protocol::api::ErrorCode::UnsupportedMediaType)
    );
    errors.push(format!("{err} {err:?}"));

    // 3. A stale request carrying the canary image (refused inside the enclave).
    let keys = client.verified().unwrap()[0].key_configs().clone();
    let stale = CaptionRequest {
        options: CaptionOptions::default(),
        media_type: None,
        date: SystemTime::now() - std::time::Duration::from_secs(600),
        image: SecretBytes::new(png.clone()),
    };
    let (sealed, pending) = obscura_sdk::seal_caption(&keys, &stale).unwrap();
    let http = reqwest::Client::builder()
        .use_rustls_tls()
        .add_root_certificate(reqwest::Certificate::from_pem(mitm.ca_pem.as_bytes()).unwrap())
        .build()
        .unwrap();
    let body = http
        .post(format!("{}/v1/caption", mitm.url))
        .bearer_auth(&stack.api_key)
        .header("content-type", OHTTP_REQUEST_MEDIA_TYPE)
        .body(sealed)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(
        pending.finish(&body).unwrap(),
        obscura_protocol::message::CaptionOutcome::Err(obscura_protocol::api::ErrorCode::StaleDate)
    );

    // 4. The canary in the clear parts the host does see: API key, media type, path.
    let canary_key = format!("{CANARY_NAME}-{CANARY_MRN}").replace(' ', "_");
    let bad_key = obscura_sdk::Client::builder()
        .endpoint(&mitm.url)
        .api_key(&canary_key)
        .add_root_certificate_pem(mitm.ca_pem.as_bytes())
        .policy(stack.policy().unwrap())
        .build()
        .unwrap();
    let err = bad_key
        .caption(png.clone(), CaptionOptions::default())
        .await
        .unwrap_err();
    assert_eq!(
        err,
        obscura_sdk::Error::Rejected(obscura_protocol::api::RejectCode::Unauthorized)
    );
    errors.push(format!("{err} {err:?}"));
    let resp = http
        .post(format!("{}/v1/caption", mitm.url))
        .bearer_auth(&stack.api_key)
        .header(
            "content-type",
            format!("text/{}", canary_key.to_lowercase()),
        )
        .body(png.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 415);
    let resp = http
        .get(format!("{}/v1/{}", mitm.url, canary_key))
        .bearer_auth(&stack.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 404);

    // 5. Truncated: the host and enclave refuse, with what in their bodies?
    mitm.on_request(Some(Arc::new(|path, body| {
        if path == "/v1/caption" {
            body.truncate(body.len() / 2);
        }
    })));
    let err = client
        .caption(png.clone(), CaptionOptions::default())
        .await
        .unwrap_err();
    assert_eq!(
        err,
        obscura_sdk::Error::Rejected(obscura_protocol::api::RejectCode::DecryptFailed)
    );
    errors.push(format!("{err} {err:?}"));
    mitm.on_request(None);

    // The host's metrics (fetched through the proxy, whose CA `http` trusts).
    let metrics = http
        .get(format!("{}/metrics", mitm.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("obscura_host_requests_total{route=\"caption\",status=\"2xx\"}"));

    // ---- search ----
    let exchanges = mitm.exchanges();
    assert!(exchanges.len() >= 8, "{exchanges:?}");
    for e in &exchanges {
        let clear_request = e.path != "/v1/caption" || e.status == 415;
        // Ciphertext requests must not carry the canary; the clear ones above carry it in
        // headers and paths only, which is what the host must not repeat.
        if !clear_request {
            assert_eq!(leaks(&e.request), None, "request of {e:?}");
        }
        assert_eq!(leaks(&e.response), None, "response of {e:?}");
        assert_eq!(leaks(e.path.as_bytes()).is_some(), e.path.contains("/v1/X"));
    }
    for (i, bytes) in seen_by_client.iter().enumerate() {
        assert_eq!(leaks(bytes), None, "result part {i}");
    }
    for e in &errors {
        assert_eq!(leaks(e.as_bytes()), None, "error {e}");
    }
    assert_eq!(leaks(metrics.as_bytes()), None, "metrics");
    let logged = lines().lock().unwrap().clone();
    eprintln!("captured {} log lines", logged.len());
    for line in &logged {
        assert_eq!(leaks(line.as_bytes()), None, "log line {line}");
    }
}
