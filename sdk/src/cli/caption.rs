//! `obscura caption IMAGE... --out DIR`: send images through an Obscura host and write the
//! redacted results.
//!
//! The host is `--endpoint` (or `$OBSCURA_ENDPOINT`), the API key `$OBSCURA_API_KEY` (never a
//! flag: other users can read command lines). Evidence is verified against `--policy` before
//! any image is sealed. Writes `DIR/<stem>.<ext>` per image and, with `--json`, one line per
//! image with what came back (regions, entity counts, the redacted caption); progress goes to
//! stderr, as a progress bar for a batch when stderr is a terminal. Neither ever shows image
//! content: only file names, counts and timings.

use std::path::{Path, PathBuf};
use std::time::Instant;

use obscura_protocol::api::{CaptionOptions, OutputFormat, RegionKind};
use obscura_protocol::limits::MAX_IMAGE_BYTES;
use obscura_sdk::Client;

use super::Error;
use super::input::read_capped;
use super::policy_file::choose;

/// Parsed `caption` arguments.
pub(crate) struct Args {
    pub(crate) images: Vec<PathBuf>,
    pub(crate) out: PathBuf,
    pub(crate) endpoint: Option<String>,
    pub(crate) policy: String,
    pub(crate) ca: Option<PathBuf>,
    pub(crate) dangerous_simulated_ark: Option<PathBuf>,
    pub(crate) format: OutputFormat,
    pub(crate) fresh: bool,
    pub(crate) json: bool,
}

/// Runs the command; `Ok(false)` when some image failed.
pub(crate) fn run(args: &Args) -> Result<bool, Error> {
    let endpoint = args
        .endpoint
        .clone()
        .or_else(|| std::env::var("OBSCURA_ENDPOINT").ok())
        .ok_or_else(|| Error::Usage("--endpoint or $OBSCURA_ENDPOINT is required".into()))?;
    let mut policy = choose(&args.policy)?.policy;
    if let Some(ark) = &args.dangerous_simulated_ark {
        let der = read_capped(ark, 64 * 1024)?;
        policy = policy
            .dangerous_accept_simulated_root(&der)
            .map_err(|e| Error::Usage(format!("--dangerous-simulated-ark: {e}")))?;
        eprintln!("WARNING: trusting a simulated AMD root: results are not confidential");
    }
    let mut builder = Client::builder()
        .endpoint(endpoint)
        .policy(policy)
        .fresh(args.fresh);
    if let Ok(key) = std::env::var("OBSCURA_API_KEY") {
        builder = builder.api_key(key);
    }
    if let Some(ca) = &args.ca {
        builder = builder.add_root_certificate_pem(&read_capped(ca, 64 * 1024)?);
    }
    let client = builder
        .build()
        .map_err(|e| Error::Usage(format!("client: {e}")))?;
    std::fs::create_dir_all(&args.out).map_err(|source| Error::Io {
        path: args.out.clone(),
        source,
    })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|_| Error::Usage("cannot start the async runtime".into()))?;
    let options = CaptionOptions {
        format: args.format,
        ..CaptionOptions::default()
    };
    let total = args.images.len();
    let mut progress = Progress::new(total);
    let mut all_ok = true;
    for (i, path) in args.images.iter().enumerate() {
        let started = Instant::now();
        let result = runtime.block_on(one(&client, path, &args.out, options));
        progress.clear();
        match result {
            Ok(line) => {
                eprintln!(
                    "[{}/{total}] {} ok in {} ms",
                    i + 1,
                    path.display(),
                    started.elapsed().as_millis()
                );
                if args.json {
                    super::emit(&format!("{line}\n"))?;
                }
            }
            Err(e) => {
                all_ok = false;
                eprintln!("[{}/{total}] {}: {e}", i + 1, path.display());
                if args.json {
                    let line = serde_json::json!({ "input": path, "error": e.to_string() });
                    super::emit(&format!("{line}\n"))?;
                }
            }
        }
        progress.advance();
    }
    progress.clear();
    Ok(all_ok)
}

/// A one-line progress bar on stderr for batches, drawn only when stderr is a terminal.
struct Progress {
    total: usize,
    done: usize,
    started: Instant,
    enabled: bool,
}

impl Progress {
    /// Width of the bar in characters.
    const WIDTH: usize = 30;

    fn new(total: usize) -> Self {
        use std::io::IsTerminal as _;
        let progress = Self {
            total,
            done: 0,
            started: Instant::now(),
            enabled: total > 1 && std::io::stderr().is_terminal(),
        };
        progress.draw();
        progress
    }

    fn advance(&mut self) {
        self.done = self.done.saturating_add(1).min(self.total);
        self.draw();
    }

    fn draw(&self) {
        if !self.enabled {
            return;
        }
        let filled = Self::WIDTH * self.done / self.total.max(1);
        let secs = self.started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            f64::from(u32::try_from(self.done).unwrap_or(u32::MAX)) / secs
        } else {
            0.0
        };
        eprint!(
            "\r[{}{}] {}/{} images, {rate:.2}/s",
            "#".repeat(filled),
            " ".repeat(Self::WIDTH - filled),
            self.done,
            self.total
        );
    }

    /// Erases the bar so that a message line can be printed in its place.
    fn clear(&self) {
        if self.enabled {
            eprint!("\r\x1b[2K");
        }
    }
}

async fn one(
    client: &Client,
    path: &Path,
    out_dir: &Path,
    options: CaptionOptions,
) -> Result<serde_json::Value, String> {
    let image = read_capped(path, MAX_IMAGE_BYTES as u64).map_err(|e| e.to_string())?;
    let resp = client
        .caption(image, options)
        .await
        .map_err(|e| e.to_string())?;
    let mut line = serde_json::json!({
        "input": path,
        "faces": resp.regions.iter().filter(|r| r.kind == RegionKind::Face).count(),
        "text_regions": resp.regions.iter().filter(|r| r.kind == RegionKind::Text).count(),
        "regions": resp.regions,
        "entities": resp.entities,
        "caption": resp.caption,
        "ocr_lines": resp.ocr.len(),
        "policy_digest": resp.policy_digest,
    });
    if let Some(img) = &resp.image {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("image");
        let output = out_dir.join(format!("{stem}.{}", img.media_type.extension()));
        std::fs::write(&output, img.data.expose())
            .map_err(|e| format!("writing {}: {e}", output.display()))?;
        if let Some(obj) = line.as_object_mut() {
            obj.insert("output".into(), serde_json::json!(output));
            obj.insert("media_type".into(), serde_json::json!(img.media_type));
        }
    }
    Ok(line)
}
