//! `obscura-enclave`: the service inside the confidential VM, and its pipeline as a batch tool.
//!
//! ```text
//! obscura-enclave serve [--listen 127.0.0.1:PORT] [--simulate] ...   (see `serve --help`)
//! obscura-enclave redact IMAGE... --out DIR [--json] [--format same|png|jpeg|webp] [--assets DIR]
//! obscura-enclave sanitize --input IN.jsonl --output OUT.jsonl [--assets DIR]
//! ```
//!
//! `redact` runs the pipeline and the sanitizer in-process with no network (batch jobs,
//! evaluation). Writes `DIR/<stem>.<ext>` for each input (same width, height and, by
//! default, format; no metadata). With `--json`, prints one JSON line per image with its
//! regions (kind, box, score), counts and entity counts per type (or
//! `{"input", "error": <fixed code>}`); recognised text is never printed. Models come from
//! `--assets` or `$OBSCURA_ASSETS` and are checked against their pinned SHA-256 before use.
//!
//! `sanitize` reads JSON lines `{"id": ..., "text": ...}` and writes
//! `{"id", "redacted", "entities": [{"start", "end", "type", "label"?}]}` per line (offsets
//! in Unicode code points), each line sanitized on its own.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, bail};
use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::models::{ASSETS_ENV, Models};
use obscura_enclave::pipeline::Pipeline;
use obscura_protocol::api::{CaptionOptions, OutputFormat, RegionKind};
use obscura_sanitizer::Sanitizer;

const USAGE: &str = "usage: obscura-enclave redact IMAGE... --out DIR [--json] \
                     [--format same|png|jpeg|webp] [--assets DIR]";

/// Parsed `redact` arguments.
struct Args {
    inputs: Vec<PathBuf>,
    out: PathBuf,
    json: bool,
    format: OutputFormat,
    assets: PathBuf,
}

#[path = "cli/sanitize.rs"]
mod sanitize;
#[path = "cli/serve.rs"]
mod serve;

fn main() -> ExitCode {
    let mut raw = std::env::args().skip(1);
    let fatal = |e: anyhow::Error| {
        eprintln!("error: {e:#}");
        ExitCode::from(2)
    };
    match raw.next().as_deref() {
        Some("serve") => {
            return serve::run(raw.collect()).map_or_else(fatal, |()| ExitCode::SUCCESS);
        }
        Some("sanitize") => {
            return match sanitize::run(raw.collect()) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(1),
                Err(e) => fatal(e),
            };
        }
        _ => {}
    }
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Returns whether every image succeeded.
fn run() -> anyhow::Result<bool> {
    let args = parse(std::env::args_os().skip(1).collect())?;
    let started = Instant::now();
    let models = Models::load(&args.assets)
        .with_context(|| format!("loading models from {}", args.assets.display()))?;
    let sanitizer = Sanitizer::load(&args.assets)
        .with_context(|| format!("loading the sanitizer from {}", args.assets.display()))?;
    eprintln!("models loaded in {} ms", started.elapsed().as_millis());
    let digests = models.digests().to_vec();
    let handler = PipelineHandler::new(Pipeline::new(models), digests).with_sanitizer(sanitizer);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let options = CaptionOptions {
        format: args.format,
        caption: false,
        ..CaptionOptions::default()
    };
    let mut all_ok = true;
    for input in &args.inputs {
        if let Err(e) = redact_one(&handler, &options, input, &args) {
            all_ok = false;
            eprintln!("{}: {e:#}", input.display());
            if args.json {
                // The fixed code for pipeline errors; I/O problems are "io".
                let code = e
                    .downcast_ref::<obscura_enclave::Error>()
                    .map_or("io", |e| e.code().as_str());
                let line = serde_json::json!({ "input": input, "error": code });
                println!("{line}");
            }
        }
    }
    Ok(all_ok)
}

fn redact_one(
    handler: &PipelineHandler,
    options: &CaptionOptions,
    input: &Path,
    args: &Args,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(input).with_context(|| format!("reading {}", input.display()))?;
    let started = Instant::now();
    let (out, timings) = handler.process_timed(&bytes, options)?;
    let elapsed_ms = started.elapsed().as_millis();
    let image = out.image.context("the pipeline returned no image")?;
    let stem = input.file_stem().context("input has no file name")?;
    let mut name = stem.to_os_string();
    name.push(".");
    name.push(image.media_type.extension());
    let path = args.out.join(name);
    std::fs::write(&path, image.data.expose())
        .with_context(|| format!("writing {}", path.display()))?;
    if args.json {
        let count = |kind| out.regions.iter().filter(|r| r.kind == kind).count();
        let line = serde_json::json!({
            "input": input,
            "output": path,
            "media_type": image.media_type,
            "width": image.width,
            "height": image.height,
            "faces": count(RegionKind::Face),
            "text_regions": count(RegionKind::Text),
            "redacted": out.regions.iter().filter(|r| r.redacted).count(),
            "regions": out.regions,
            "entities": out.entities,
            "elapsed_ms": elapsed_ms,
            "stage_ms": {
                "decode": timings.decode.as_millis(),
                "faces": timings.faces.as_millis(),
                "text": timings.text.as_millis(),
                "redact": timings.redact.as_millis(),
                "encode": timings.encode.as_millis(),
            },
        });
        println!("{line}");
    }
    Ok(())
}

fn parse(raw: Vec<OsString>) -> anyhow::Result<Args> {
    let mut it = raw.into_iter();
    match it.next() {
        Some(cmd) if cmd == "redact" => {}
        _ => bail!("{USAGE}"),
    }
    let mut inputs = Vec::new();
    let mut out = None;
    let mut json = false;
    let mut format = OutputFormat::Same;
    let mut assets = std::env::var_os(ASSETS_ENV).map(PathBuf::from);
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--out") => out = Some(PathBuf::from(it.next().context("--out needs a DIR")?)),
            Some("--assets") => {
                assets = Some(PathBuf::from(it.next().context("--assets needs a DIR")?));
            }
            Some("--json") => json = true,
            Some("--format") => {
                format = match it.next().as_ref().and_then(|v| v.to_str()) {
                    Some("same") => OutputFormat::Same,
                    Some("png") => OutputFormat::Png,
                    Some("jpeg" | "jpg") => OutputFormat::Jpeg,
                    Some("webp") => OutputFormat::Webp,
                    _ => bail!("--format takes same, png, jpeg or webp"),
                }
            }
            Some(flag) if flag.starts_with("--") => bail!("unknown option {flag}\n{USAGE}"),
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    let out = out.with_context(|| format!("--out is required\n{USAGE}"))?;
    let assets = assets.with_context(|| format!("set --assets or ${ASSETS_ENV}"))?;
    if inputs.is_empty() {
        bail!("no input images\n{USAGE}");
    }
    Ok(Args {
        inputs,
        out,
        json,
        format,
        assets,
    })
}
