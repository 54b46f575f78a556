//! `cargo xtask`: Obscura's automation (the cargo-xtask pattern).
//!
//! - `setup`: fetch the pinned assets (ONNX Runtime, models, sample image) if missing;
//! - `test`: setup, then the whole test suite (`cargo test --workspace`, doc tests included);
//! - `demo`: setup, then the main job end to end on what exists today;
//! - `bench [protocol]`: setup, then the criterion benches;
//! - `assets`: list the pinned assets and whether each is present and intact.

mod assets;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, bail, ensure};

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
            cargo(&root, &["test", "--workspace"], rest)
        }
        "demo" => {
            assets::setup(&root)?;
            let image = assets::dir(&root).join("images/astronaut.png");
            let out = root.join("demo-out");
            cargo(
                &root,
                &[
                    "run",
                    "--quiet",
                    "-p",
                    "obscura-tests",
                    "--example",
                    "demo",
                    "--",
                ],
                &[image.display().to_string(), out.display().to_string()],
            )
        }
        "bench" => {
            assets::setup(&root)?;
            match rest.first().map(String::as_str) {
                None => cargo(&root, &["bench", "--workspace"], &[]),
                Some("protocol") => cargo(
                    &root,
                    &["bench", "-p", "obscura-protocol", "--bench", "ohttp"],
                    rest.get(1..).unwrap_or_default(),
                ),
                Some(other) => bail!("unknown bench group {other:?} (known: protocol)"),
            }
        }
        "help" | "--help" | "-h" => {
            println!(
                "usage: cargo xtask <setup|test|demo|bench [protocol]|assets> [args for cargo]"
            );
            Ok(())
        }
        other => bail!("unknown task {other:?}; try `cargo xtask help`"),
    }
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
