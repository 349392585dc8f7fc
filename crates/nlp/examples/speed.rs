//! Speed of the language stages on one thread, release build:
//! `cargo run --release -p hearsay-nlp --example speed [TEXT_DIR]`
//! (default: the PolNeAR dev and train texts under `../shared`).
//!
//! Prints MB/s of the tokenizer + sentence splitter alone, and words/s
//! (words = `\w+` runs) of each stage and of all four together.

use hearsay_core::{Analysis, Document};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Number of `\w+` runs (maximal runs of alphanumeric chars or `_`).
fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut inside = false;
    for c in text.chars() {
        let w = c.is_alphanumeric() || c == '_';
        if w && !inside {
            n += 1;
        }
        inside = w;
    }
    n
}

/// CPU time this thread has run, from Linux's `/proc/thread-self/schedstat`
/// (wall time is misleading on a busy machine); `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        s.split_whitespace().next()?.parse().ok()?,
    ))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dirs: Vec<PathBuf> = match std::env::args().nth(1) {
        Some(d) => vec![d.into()],
        None => {
            let base = std::env::var_os("HEARSAY_SHARED")
                .map(PathBuf::from)
                .unwrap_or_else(|| {
                    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
                })
                .join("corpus/polnear");
            vec![base.join("dev/text"), base.join("train/text")]
        }
    };
    let mut texts = Vec::new();
    for d in &dirs {
        let Ok(entries) = std::fs::read_dir(d) else {
            eprintln!("skipped: {} not found", d.display());
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            texts.push(std::fs::read_to_string(&p)?);
        }
    }
    if texts.is_empty() {
        eprintln!("no texts to measure");
        return Ok(());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| count_words(t)).sum();
    let t0 = Instant::now();
    let stages = hearsay_nlp::stages()?;
    println!(
        "models loaded in {:.0} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "{} documents, {:.1} MB, {} words",
        texts.len(),
        bytes as f64 / 1e6,
        words
    );

    // Tokenizer + sentence splitter alone, a few rounds for a stable number.
    let rounds = 3;
    let start = thread_cpu();
    let t1 = Instant::now();
    let mut tokens = 0;
    for _ in 0..rounds {
        for t in &texts {
            tokens += hearsay_nlp::tokenize::segment(t).tokens.len();
        }
    }
    let secs = match (start, thread_cpu()) {
        (Some(a), Some(b)) => (b - a).as_secs_f64(),
        _ => t1.elapsed().as_secs_f64(),
    };
    println!(
        "tokenizer + sentences: {:.1} MB/s ({} tokens per round)",
        (bytes * rounds) as f64 / 1e6 / secs,
        tokens / rounds
    );

    // Each stage timed by CPU time of this thread when available, else wall time.
    let clock = || thread_cpu().unwrap_or_else(|| t0.elapsed());
    let mut per_stage = vec![Duration::ZERO; stages.len()];
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t.clone())).collect();
    let wall = Instant::now();
    for d in docs {
        let mut a = Analysis::empty(d, "speed");
        for (s, slot) in stages.iter().zip(&mut per_stage) {
            let t = clock();
            s.annotate(&mut a);
            *slot += clock().saturating_sub(t);
        }
    }
    let wall = wall.elapsed();
    let total: Duration = per_stage.iter().sum();
    let what = if thread_cpu().is_some() {
        "CPU"
    } else {
        "wall"
    };
    for (s, d) in stages.iter().zip(&per_stage) {
        println!(
            "{:>10}: {:>9.0} words per {what}-second",
            s.name(),
            words as f64 / d.as_secs_f64()
        );
    }
    println!(
        "{:>10}: {:>9.0} words per {what}-second, one thread ({:.0} words per wall-second)",
        "all",
        words as f64 / total.as_secs_f64(),
        words as f64 / wall.as_secs_f64()
    );
    Ok(())
}
