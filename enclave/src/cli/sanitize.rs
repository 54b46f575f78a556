//! `obscura-enclave sanitize --input IN.jsonl --output OUT.jsonl [--assets DIR]`: the text
//! sanitizer in-process on JSON lines, for batch jobs inside a CVM and for evaluation.
//!
//! Each input line is `{"id": <string or number>, "text": "..."}` and is sanitized on its
//! own; each output line is `{"id", "redacted", "entities": [{"start", "end", "type",
//! "label"?}]}` with offsets in Unicode code points of the input text. A line that is not
//! such an object (or longer than the request cap) gets `{"line": N, "error": "bad_request"}`
//! (with its `id` when one could be read): nothing of its text is echoed. The exit status is
//! 1 when any line failed.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, bail};
use obscura_enclave::models::ASSETS_ENV;
use obscura_protocol::api::TextEntity;
use obscura_protocol::limits::MAX_SANITIZE_BYTES;
use obscura_protocol::secret::SecretText;
use obscura_sanitizer::{Sanitizer, Texts};
use serde::Deserialize;
use zeroize::Zeroizing;

const USAGE: &str =
    "usage: obscura-enclave sanitize --input IN.jsonl --output OUT.jsonl [--assets DIR]";

#[derive(Deserialize)]
struct InputLine {
    id: serde_json::Value,
    text: String,
}

#[derive(Deserialize)]
struct IdOnly {
    id: serde_json::Value,
}

/// Runs the batch; returns whether every line succeeded.
pub(crate) fn run(raw: Vec<String>) -> anyhow::Result<bool> {
    let mut input = None;
    let mut output = None;
    let mut assets = std::env::var_os(ASSETS_ENV).map(PathBuf::from);
    let mut it = raw.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--input" => input = Some(PathBuf::from(it.next().context("--input needs a FILE")?)),
            "--output" => {
                output = Some(PathBuf::from(it.next().context("--output needs a FILE")?));
            }
            "--assets" => assets = Some(PathBuf::from(it.next().context("--assets needs a DIR")?)),
            other => bail!("unexpected argument {other:?}\n{USAGE}"),
        }
    }
    let input = input.with_context(|| format!("--input is required\n{USAGE}"))?;
    let output = output.with_context(|| format!("--output is required\n{USAGE}"))?;
    let assets = assets.with_context(|| format!("set --assets or ${ASSETS_ENV}"))?;
    let sanitizer = Sanitizer::load(&assets)
        .with_context(|| format!("loading the sanitizer from {}", assets.display()))?;
    let reader =
        BufReader::new(File::open(&input).with_context(|| format!("opening {}", input.display()))?);
    let mut writer = BufWriter::new(
        File::create(&output).with_context(|| format!("creating {}", output.display()))?,
    );
    let (lines, failed) = sanitize_lines(&sanitizer, reader, &mut writer)?;
    writer
        .flush()
        .with_context(|| format!("writing {}", output.display()))?;
    eprintln!("{lines} lines, {failed} failed");
    Ok(failed == 0)
}

/// Sanitizes every line of `reader` into `writer`; returns (lines, failed lines).
fn sanitize_lines(
    sanitizer: &Sanitizer,
    mut reader: impl BufRead,
    writer: &mut impl Write,
) -> anyhow::Result<(usize, usize)> {
    let (mut n, mut failed) = (0usize, 0usize);
    loop {
        // One line at most MAX_SANITIZE_BYTES (+1 to tell an over-long line apart).
        let mut buf = Zeroizing::new(Vec::new());
        let cap = u64::try_from(MAX_SANITIZE_BYTES).unwrap_or(u64::MAX);
        let read = (&mut reader)
            .take(cap.saturating_add(1))
            .read_until(b'\n', &mut buf)
            .context("reading the input")?;
        if read == 0 {
            break;
        }
        let too_long = buf.len() > MAX_SANITIZE_BYTES && buf.last() != Some(&b'\n');
        if too_long {
            // Skip the rest of the over-long line.
            let mut rest = Zeroizing::new(Vec::new());
            reader
                .read_until(b'\n', &mut rest)
                .context("reading the input")?;
        }
        n = n.saturating_add(1);
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let out = match (!too_long)
            .then(|| serde_json::from_slice::<InputLine>(&buf).ok())
            .flatten()
        {
            Some(InputLine { id, text }) => {
                let sanitized = sanitizer.sanitize(&Texts::new(vec![SecretText::new(text)]));
                let entities: Vec<TextEntity> = sanitized.entities.into_iter().flatten().collect();
                let redacted = sanitized
                    .texts
                    .first()
                    .map(|t| t.as_str().to_owned())
                    .unwrap_or_default();
                serde_json::json!({ "id": id, "redacted": redacted, "entities": entities })
            }
            None => {
                failed = failed.saturating_add(1);
                let id = (!too_long)
                    .then(|| serde_json::from_slice::<IdOnly>(&buf).ok())
                    .flatten()
                    .map(|i| i.id);
                match id {
                    Some(id) => serde_json::json!({ "line": n, "id": id, "error": "bad_request" }),
                    None => serde_json::json!({ "line": n, "error": "bad_request" }),
                }
            }
        };
        serde_json::to_writer(&mut *writer, &out).context("writing the output")?;
        writer.write_all(b"\n").context("writing the output")?;
    }
    Ok((n, failed))
}
