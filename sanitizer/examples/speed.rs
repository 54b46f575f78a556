//! Development aid: the sanitizer's texts/s on a corpus, one text per request on one
//! thread (`SPEED_THREADS=2`: two), best of N passes (default 3) after a warm-up; prints
//! figures only. For quick A/B
//! runs between two builds (`cargo xtask bench sanitize` is the reference):
//! `cargo run --release -p obscura-sanitizer --example speed -- CORPUS [PASSES]` from the
//! repository root (reads `assets/`).
#![allow(clippy::print_stdout, reason = "a development tool printing figures")]
use obscura_sanitizer::eval::parse_corpus;
use obscura_sanitizer::{Sanitizer, SecretText, Texts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let corpus = args.next().ok_or("usage: speed CORPUS [PASSES]")?;
    let passes: usize = args.next().map_or(3, |p| p.parse().unwrap_or(3));
    let gold = parse_corpus(&std::fs::read_to_string(&corpus)?)?;
    let sanitizer = Sanitizer::load(std::path::Path::new("assets"))?;
    let reqs: Vec<Texts> = gold
        .iter()
        .map(|g| Texts::new(vec![SecretText::new(g.text.clone())]))
        .collect();
    for r in reqs.iter().take(10) {
        drop(sanitizer.sanitize(r));
    }
    // SPEED_THREADS=2: the requests split in halves between two threads, as the
    // bench's 2-thread row does.
    let threads: usize = std::env::var("SPEED_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(1)
        .max(1);
    let mut best = f64::MAX;
    for _ in 0..passes {
        let t = std::time::Instant::now();
        std::thread::scope(|s| {
            for chunk in reqs.chunks(reqs.len().div_ceil(threads).max(1)) {
                let sanitizer = &sanitizer;
                s.spawn(move || {
                    for r in chunk {
                        drop(sanitizer.sanitize(r));
                    }
                });
            }
        });
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{corpus}: {threads} thread(s), best {:.1} t/s ({:.3} s)",
        reqs.len() as f64 / best,
        best
    );
    Ok(())
}
