//! `obscura demo` as a user runs it: real `obscura-enclave serve --simulate` and
//! `obscura-host` child processes on loopback, the astronaut photo and the synthetic
//! radiograph label through them, before/after PNGs written, the label's name and record
//! number returned only as tags, and no child left behind.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::path::PathBuf;

/// A binary of the workspace next to this test's executable (built by `cargo test
/// --workspace`, or `cargo build -p obscura-sdk -p obscura-enclave -p obscura-host --bins`).
fn bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(|d| d.parent()).unwrap();
    let bin = dir.join(name);
    assert!(
        bin.exists(),
        "{} is missing: run the workspace tests (`cargo xtask test`), which build it",
        bin.display()
    );
    bin
}

fn assets() -> Option<PathBuf> {
    let dir = std::env::var_os("OBSCURA_ASSETS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets")));
    dir.join("images/astronaut.png").is_file().then_some(dir)
}

/// Whether `text` holds `word` as a word of its own: not inside a longer run of letters and
/// digits, so that a hex digest the demo prints (a launch measurement that differs per run,
/// `…c41960ca…`) is not taken for the label's year of birth.
fn mentions(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

#[test]
fn mentions_skips_digests_but_not_words() {
    assert!(!mentions("measurement cbead95823c41960cab61f", "1960"));
    assert!(mentions("DOB 02/01/1960 seen", "1960"));
    assert!(mentions("1960", "1960"));
    assert!(!mentions("PERSON_1 [DATE]", "1960"));
}

#[test]
fn demo_writes_a_side_by_side_png_and_exits_zero() {
    let Some(assets) = assets() else {
        eprintln!("SKIP: no pinned assets (run `cargo xtask setup`)");
        return;
    };
    // The demo finds its children next to itself.
    for name in ["obscura-enclave", "obscura-host"] {
        bin(name);
    }
    let photo = assets.join("images/astronaut.png");
    let label = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../enclave/testdata/demo/chest-label.png"
    ));
    let out = std::env::temp_dir().join(format!("obscura-cli-demo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let output = std::process::Command::new(bin("obscura"))
        .arg("demo")
        .arg(&photo)
        .arg(&label)
        .arg("--out")
        .arg(&out)
        .arg("--assets")
        .arg(&assets)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");

    let input = image::open(&photo).unwrap();
    let side = image::open(out.join("astronaut.before-after.png")).unwrap();
    assert_eq!(side.width(), 2 * input.width());
    assert_eq!(side.height(), input.height());
    // Left half: the original; right half: the redacted copy, which differs at the face.
    let (side, input) = (side.to_rgb8(), input.to_rgb8());
    assert_eq!(side.get_pixel(10, 10), input.get_pixel(10, 10));
    assert_ne!(
        side.get_pixel(input.width() + 230, 140),
        input.get_pixel(230, 140)
    );
    // The summary names the image and its one face.
    assert!(stdout.contains("astronaut.png: answered in"), "{stdout}");
    let row = stdout
        .lines()
        .find(|l| l.starts_with("astronaut.png "))
        .unwrap();
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cols[1], "1", "faces column: {row}");
    assert!(stderr.contains("verified 1 replica(s)"), "{stderr}");

    // The label: its name, date-of-birth and record-number rows come back as tags and are
    // filled; the view line stays; the made-up identifiers appear nowhere in what the demo
    // printed.
    assert!(
        stdout.contains(r#"text: "PATIENT: PERSON_1" (filled)"#),
        "{stdout}"
    );
    assert!(stdout.contains(r#"text: "MRN [ID]" (filled)"#), "{stdout}");
    assert!(stdout.contains(r#"text: "CHEST AP""#), "{stdout}");
    for secret in ["SMITH", "JOHN", "4839201", "1960"] {
        assert!(!mentions(&stdout, secret), "{secret}: {stdout}");
        assert!(!mentions(&stderr, secret), "{secret}: {stderr}");
    }
    let header: Vec<&str> = stdout
        .lines()
        .find(|l| l.starts_with("image "))
        .unwrap()
        .split_whitespace()
        .collect();
    let row: Vec<&str> = stdout
        .lines()
        .find(|l| l.starts_with("chest-label.png "))
        .unwrap()
        .split_whitespace()
        .collect();
    for kind in ["person", "id", "date"] {
        let col = header.iter().position(|h| *h == kind).unwrap();
        assert_eq!(row[col], "1", "{kind}: {header:?} {row:?}");
    }
    let side = image::open(out.join("chest-label.before-after.png")).unwrap();
    assert_eq!((side.width(), side.height()), (2 * 768, 768));
    let _ = std::fs::remove_dir_all(&out);
}
