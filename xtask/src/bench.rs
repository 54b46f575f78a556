//! A summary table of the criterion results written during this run, with target ratios.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;

/// (numerator id, denominator id, target ratio, label) for `cargo xtask bench protocol`.
pub(crate) const PROTOCOL_RATIOS: &[(&str, &str, f64, &str)] = &[
    (
        "4MiB/OHTTP X-Wing/AES-256-GCM request encapsulate+decapsulate",
        "4MiB/plain AES-256-GCM seal+open",
        2.0,
        "OHTTP X-Wing request round trip / plain AES-256-GCM (separate buffers)",
    ),
    (
        "4MiB/OHTTP X-Wing/AES-256-GCM request encapsulate+decapsulate",
        "4MiB/plain AES-256-GCM seal+open in place",
        2.0,
        "OHTTP X-Wing request round trip / plain AES-256-GCM in place (best case)",
    ),
];

/// Prints the median of every benchmark measured since `started`, then the ratios.
pub(crate) fn summary(
    root: &Path,
    started: SystemTime,
    ratios: &[(&str, &str, f64, &str)],
) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    let mut dirs = vec![root.join("target/criterion")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.ends_with("new/benchmark.json") {
                if let Some(row) = read_row(&path, started)? {
                    rows.push(row);
                }
            }
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    println!();
    println!("{:<72} {:>14}", "benchmark (this run)", "median");
    for (id, ns) in &rows {
        println!("{id:<72} {:>14}", human(*ns));
    }
    println!();
    for (num, den, target, label) in ratios {
        let find = |id: &str| rows.iter().find(|(i, _)| i == id).map(|(_, ns)| *ns);
        if let (Some(n), Some(d)) = (find(num), find(den)) {
            let ratio = n / d;
            let verdict = if ratio <= *target { "meets" } else { "MISSES" };
            println!("{label}: {ratio:.2}x ({verdict} target <= {target}x)");
        }
    }
    Ok(())
}

fn read_row(path: &Path, started: SystemTime) -> anyhow::Result<Option<(String, f64)>> {
    let modified = fs::metadata(path)?.modified()?;
    if modified < started {
        return Ok(None);
    }
    let bench: serde_json::Value = serde_json::from_slice(&fs::read(path)?)?;
    let estimates_path: PathBuf = path.with_file_name("estimates.json");
    let estimates: serde_json::Value = serde_json::from_slice(
        &fs::read(&estimates_path).with_context(|| format!("{}", estimates_path.display()))?,
    )?;
    let id = bench
        .pointer("/full_id")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let median = estimates
        .pointer("/median/point_estimate")
        .and_then(serde_json::Value::as_f64)
        .unwrap_or(f64::NAN);
    Ok(Some((id, median)))
}

fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}
