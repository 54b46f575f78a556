//! The `obscura-enclave redact` binary, run as a process.

mod common;

use std::process::Command;

use obscura_enclave::pipeline::decode;
use obscura_protocol::api::MediaType;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_obscura-enclave"))
}

#[allow(clippy::unwrap_used, reason = "test helper: a panic is a test failure")]
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("obscura-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn usage_and_missing_assets_are_errors() {
    let out = bin().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: obscura-enclave redact"));

    let dir = scratch("noassets");
    let out = bin()
        .args(["redact", "x.png", "--out"])
        .arg(&dir)
        .args(["--assets", "/nonexistent-obscura-assets"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ort/libonnxruntime.so.1.31.1 could not be read: NotFound"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn redacts_files_and_prints_json_without_text() {
    let Some(assets) = common::assets("redacts_files_and_prints_json_without_text") else {
        return;
    };
    let dir = scratch("redact");
    let label = dir.join("label.png");
    std::fs::write(&label, common::png(&common::label())).unwrap();
    let bogus = dir.join("notes.txt");
    std::fs::write(&bogus, b"not an image").unwrap();
    let out_dir = dir.join("out");
    let out = bin()
        .arg("redact")
        .arg(assets.join("images/astronaut.png"))
        .arg(&label)
        .arg(&bogus)
        .arg("--out")
        .arg(&out_dir)
        .arg("--json")
        .env("OBSCURA_ASSETS", &assets)
        .output()
        .unwrap();
    // One input failed: exit 1, the others are written.
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    for secret in ["PATIENT", "JOHN", "SMITH", "1960"] {
        assert!(!stdout.contains(secret), "{stdout}");
    }
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["faces"], 1);
    // The name tag's 4–5 px text (found since small images are detected at 2×).
    assert_eq!(lines[0]["text_regions"], 1);
    assert_eq!(lines[0]["regions"][0]["kind"], "face");
    assert!(
        lines[0]["stage_ms"]["faces"].as_u64().unwrap() > 0,
        "{}",
        lines[0]
    );
    assert_eq!(lines[0]["stage_ms"].as_object().unwrap().len(), 5);
    assert_eq!(lines[1]["faces"], 0);
    assert_eq!(lines[1]["text_regions"], 5);
    // The sanitizer decides: the name (two word boxes) and the date are filled, the labels
    // "PATIENT:" and "DATE" stay.
    assert_eq!(lines[1]["redacted"], 3);
    assert_eq!(
        lines[1]["entities"],
        serde_json::json!({"PERSON": 1, "DATE": 1})
    );
    assert_eq!(lines[2]["error"], "unsupported_media_type");

    let astronaut = decode(&std::fs::read(out_dir.join("astronaut.png")).unwrap()).unwrap();
    assert_eq!(astronaut.format, MediaType::Png);
    assert_eq!(
        (astronaut.pixels.width(), astronaut.pixels.height()),
        (512, 512)
    );
    let label = decode(&std::fs::read(out_dir.join("label.png")).unwrap()).unwrap();
    assert_eq!((label.pixels.width(), label.pixels.height()), (640, 200));
    std::fs::remove_dir_all(&dir).unwrap();
}
