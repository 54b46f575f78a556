//! `obscura caption` (the CLI) against a running stack: verifies the simulated evidence under
//! a strict policy file, sends the photo, writes the redacted image and a JSON line.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::path::PathBuf;

use obscura_enclave::handler::PipelineHandler;
use obscura_enclave::models::Models;
use obscura_enclave::pipeline::Pipeline;

/// The `obscura` binary next to this test's executable (built by `cargo test --workspace`).
fn obscura_bin() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(|d| d.parent()).unwrap();
    let bin = dir.join("obscura");
    assert!(
        bin.exists(),
        "{} is missing: run the workspace tests (`cargo xtask test`), which build it",
        bin.display()
    );
    bin
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn caption_cli_verifies_sends_and_writes() {
    let Some(models) = Models::load_from_env() else {
        eprintln!("SKIP: OBSCURA_ASSETS is not set (run through cargo xtask test)");
        return;
    };
    let models = models.unwrap();
    let digests = models.digests().to_vec();
    let handler = PipelineHandler::new(Pipeline::new(models), digests);
    let claims = handler.claims();
    let stack = obscura_tests::start_stack(vec![handler], claims)
        .await
        .unwrap();

    let dir = std::env::temp_dir().join(format!("obscura-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &stack.ca_pem).unwrap();
    let ark = dir.join("ark.der");
    std::fs::write(&ark, &stack.ark_der).unwrap();
    let policy = dir.join("policy.toml");
    let measurement = hex_of(&obscura_tests::SIM_MEASUREMENT.0);
    std::fs::write(
        &policy,
        format!("base = \"strict\"\nmeasurements = [\"{measurement}\"]\n"),
    )
    .unwrap();
    let photo =
        PathBuf::from(std::env::var("OBSCURA_ASSETS").unwrap()).join("images/astronaut.png");
    let out = dir.join("out");

    let run = |policy: &std::path::Path| {
        let bin = obscura_bin();
        let (endpoint, key) = (stack.host_url.clone(), stack.api_key.clone());
        let (ca, ark, photo, out) = (ca.clone(), ark.clone(), photo.clone(), out.clone());
        let policy = policy.to_owned();
        std::thread::spawn(move || {
            std::process::Command::new(bin)
                .args(["caption", "--json", "--endpoint", &endpoint, "--policy"])
                .arg(&policy)
                .arg("--ca")
                .arg(&ca)
                .arg("--dangerous-simulated-ark")
                .arg(&ark)
                .arg("--out")
                .arg(&out)
                .arg(&photo)
                .env("OBSCURA_API_KEY", key)
                .output()
                .unwrap()
        })
        .join()
        .unwrap()
    };

    let output = run(&policy);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(line["faces"], 1, "{line}");
    assert_eq!(line["media_type"], "image/png");
    assert_eq!(line["ocr_lines"], 0);
    let written = std::fs::read(out.join("astronaut.png")).unwrap();
    assert!(written.starts_with(b"\x89PNG"));
    assert_ne!(written, std::fs::read(&photo).unwrap());

    // A policy that pins another measurement refuses the evidence: nothing is sent.
    let other = dir.join("other.toml");
    std::fs::write(
        &other,
        format!(
            "base = \"strict\"\nmeasurements = [\"{}\"]\n",
            "11".repeat(48)
        ),
    )
    .unwrap();
    let output = run(&other);
    assert_eq!(output.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        line["error"].as_str().unwrap().contains("measurement"),
        "{line}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
