//! `obscura-enclave serve` caption flags: bad combinations and non-local servers stop
//! start-up before anything listens.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a panic is a test failure"
)]

mod common;

use std::process::Command;

fn serve(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_obscura-enclave"))
        .arg("serve")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn caption_flag_combinations_are_checked() {
    for (args, message) in [
        (
            &["--caption-server", "http://127.0.0.1:8000"][..],
            "--caption-server needs --caption-server-model",
        ),
        (
            &["--caption-server-model", "m"][..],
            "--caption-server-model needs --caption-server",
        ),
        (
            &[
                "--caption-model",
                "/nonexistent",
                "--caption-server",
                "http://127.0.0.1:1",
                "--caption-server-model",
                "m",
            ][..],
            "--caption-model and --caption-server are exclusive",
        ),
        (
            &["--caption-server-digest", "00"][..],
            "--caption-server-digest: not 64 hex digits",
        ),
    ] {
        let (code, stderr) = serve(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn non_local_caption_server_stops_start_up() {
    let Some(assets) = common::assets("non_local_caption_server_stops_start_up") else {
        return;
    };
    let assets = assets.to_str().unwrap();
    for url in ["http://10.0.0.1:8000", "http://example.org/v1"] {
        let (code, stderr) = serve(&[
            "--assets",
            assets,
            "--simulate",
            "--listen",
            "127.0.0.1:0",
            "--caption-server",
            url,
            "--caption-server-model",
            "m",
        ]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains("caption server must be on loopback or vsock"),
            "{stderr}"
        );
        assert!(!stderr.contains("listening"), "{stderr}");
    }
}
