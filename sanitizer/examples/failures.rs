//! Development aid: lists a corpus's failures (leaked names, over-redacted texts, people
//! whose mentions got different labels) with the texts. Only for the synthetic corpora:
//! `cargo run --release -p obscura-sanitizer --example failures -- CORPUS [ASSETS]`.
#![allow(
    clippy::print_stdout,
    reason = "a development tool printing synthetic corpus texts"
)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use obscura_sanitizer::eval::{GoldText, parse_corpus, score};
use obscura_sanitizer::{Entity, EntityKind, ModelOutput, Sanitizer, SecretText, Texts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let corpus = args.next().ok_or("usage: failures CORPUS [ASSETS]")?;
    let assets = PathBuf::from(args.next().unwrap_or_else(|| "assets".to_owned()));
    let gold = parse_corpus(&std::fs::read_to_string(corpus)?)?;
    let sanitizer = Sanitizer::load(&assets)?;
    let slow = std::env::var_os("FAILURES_SLOW").is_some();
    let gain = std::env::var_os("FAILURES_GAIN").is_some();
    // With FAILURES_GAIN set: texts the model ran on, and those whose output it changed.
    let (mut ran, mut changed) = (0usize, 0usize);
    let mut all = Vec::with_capacity(gold.len());
    for g in &gold {
        let texts = Texts::new(vec![SecretText::new(g.text.clone())]);
        let t = std::time::Instant::now();
        let out = sanitizer.sanitize(&texts);
        if gain && t.elapsed().as_secs_f64() > 0.001 {
            ran += 1;
            let rules = sanitizer.sanitize_with(&texts, ModelOutput::NotRun);
            if rules.entities != out.entities {
                changed += 1;
                println!("GAIN {}", g.id);
            }
        }
        // With FAILURES_SLOW set: also the texts that took over 1 ms (the model ran).
        if slow && t.elapsed().as_secs_f64() > 0.001 {
            println!("MODEL {} {:?}", g.id, g.text);
        }
        let pred = out.entities.into_iter().next().unwrap_or_default();
        let s = score(std::slice::from_ref(g), std::slice::from_ref(&pred));
        all.push(pred.clone());
        let inconsistent = s.people_with_repeats != s.people_consistent;
        if s.texts_leaking_names + s.texts_over_redacted == 0 && !inconsistent {
            continue;
        }
        let tag = match (
            s.texts_leaking_names > 0,
            s.texts_over_redacted > 0,
            inconsistent,
        ) {
            (true, _, _) => "LEAK",
            (_, true, _) => "OVER",
            _ => "LABELS",
        };
        println!("{tag} {} {:?}", g.id, g.text);
        println!("   gold: {}", show_gold(g));
        println!("   ours: {}", show(&g.text, &pred));
    }
    let s = score(&gold, &all);
    if gain {
        println!("MODEL ran on {ran} texts, changed {changed}");
    }
    println!(
        "SUMMARY leaking {}/{} over-redacted {}/{} spurious {} consistent {}/{}",
        s.texts_leaking_names,
        s.texts_with_names,
        s.texts_over_redacted,
        s.texts_without_pii,
        s.spurious_spans,
        s.people_consistent,
        s.people_with_repeats
    );
    Ok(())
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn show_gold(g: &GoldText) -> String {
    let mut v = Vec::new();
    for e in &g.entities {
        if e.kind == EntityKind::Person {
            v.push(format!(
                "{}={:?}",
                e.person.clone().unwrap_or_default(),
                slice(&g.text, e.start, e.end)
            ));
        }
    }
    v.join(" ")
}

fn show(text: &str, pred: &[Entity]) -> String {
    let mut v = Vec::new();
    let mut by: BTreeMap<usize, String> = BTreeMap::new();
    for e in pred {
        let l = e.label.clone().unwrap_or_else(|| format!("{:?}", e.kind));
        by.insert(e.start, format!("{l}={:?}", slice(text, e.start, e.end)));
    }
    v.extend(by.into_values());
    v.join(" ")
}
