//! Storage alone: how much CPU and disk one article costs the SQLite store.
//!
//! Analyzes the PolNeAR dev texts once, then stores `STORE_BENCH_DOCS` distinct
//! copies of them (default 2,000; each copy's text gets a numbered last line, so
//! its id differs) into a fresh database file, `STORE_BENCH_BATCH` documents per
//! transaction (a comma-separated list, default `1,64`). Only the store calls
//! are timed, by the calling thread's CPU clock and by the wall clock.
//!
//! `cargo bench -p hearsay-store --bench put` (set `HEARSAY_SHARED` when the
//! shared folder is not beside the checkout; `STORE_BENCH_KEEP=1` keeps the
//! databases and prints where they are).

use hearsay_analyze::Analyzer;
use hearsay_bench::{Corpus, default_corpus_dir, thread_cpu_time};
use hearsay_core::{Analysis, DocId};
use hearsay_store::{Database, Put, Store};
use std::time::{Duration, Instant};

fn main() {
    let Some(dir) = default_corpus_dir() else {
        println!("put bench: no shared corpus (set HEARSAY_SHARED); skipped");
        return;
    };
    let docs: usize = env_or("STORE_BENCH_DOCS", "2000")
        .parse()
        .expect("STORE_BENCH_DOCS is a number");
    let batches: Vec<usize> = env_or("STORE_BENCH_BATCH", "1,64")
        .split(',')
        .map(|b| {
            b.trim()
                .parse()
                .expect("STORE_BENCH_BATCH is a list of numbers")
        })
        .collect();
    let corpus = Corpus::load(&dir).expect("the dev corpus loads");
    let analyzer = Analyzer::new().expect("the shipped models load");
    let analyses: Vec<Analysis> = corpus
        .documents
        .iter()
        .map(|d| {
            let mut a = analyzer.analyze(d.clone());
            a.tokens.clear();
            a.ner.clear();
            a
        })
        .collect();
    println!(
        "{} analyses of {}, stored {docs} times per run",
        analyses.len(),
        dir.display()
    );
    println!(
        "{:>6} {:>7} {:>12} {:>12} {:>14} {:>10} {:>10} {:>12}",
        "batch",
        "docs",
        "CPU ms/doc",
        "wall ms/doc",
        "docs/CPU-s",
        "DB MB",
        "DB/text",
        "2nd half CPU"
    );
    for batch in batches {
        run(&analyses, docs, batch.max(1));
    }
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

/// The `i`-th distinct copy of one of `analyses`.
fn copy(analyses: &[Analysis], i: usize) -> Analysis {
    let mut a = analyses[i % analyses.len()].clone();
    a.document
        .text
        .push_str(&format!("\n\nBenchmark copy {i}.\n"));
    a.document.id = DocId::of_text(&a.document.text);
    a
}

fn run(analyses: &[Analysis], docs: usize, batch: usize) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("bench.db");
    let mut store = Database::open(&path).expect("a fresh database");
    let mut cpu = [Duration::ZERO; 2];
    let mut wall = Duration::ZERO;
    let mut text_bytes = 0usize;
    let mut i = 0;
    while i < docs {
        let group: Vec<Analysis> = (i..(i + batch).min(docs))
            .map(|j| copy(analyses, j))
            .collect();
        text_bytes += group.iter().map(|a| a.document.text.len()).sum::<usize>();
        let half = usize::from(i >= docs / 2);
        let (c0, w0) = (thread_cpu_time().unwrap_or_default(), Instant::now());
        let items: Vec<Put> = group
            .iter()
            .map(|analysis| Put {
                analysis,
                facts: None,
            })
            .collect();
        for outcome in store.put_batch(&items) {
            outcome.expect("stored");
        }
        cpu[half] += thread_cpu_time().unwrap_or_default() - c0;
        wall += w0.elapsed();
        i += group.len();
    }
    drop(store);
    let bytes: u64 = std::fs::read_dir(dir.path())
        .expect("the folder lists")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    let total = cpu[0] + cpu[1];
    let second = docs - docs / 2;
    println!(
        "{batch:>6} {docs:>7} {:>12.3} {:>12.3} {:>14.0} {:>10.1} {:>10.2} {:>12.3}",
        total.as_secs_f64() * 1e3 / docs as f64,
        wall.as_secs_f64() * 1e3 / docs as f64,
        docs as f64 / total.as_secs_f64(),
        bytes as f64 / 1e6,
        bytes as f64 / text_bytes as f64,
        cpu[1].as_secs_f64() * 1e3 / second as f64,
    );
    if std::env::var_os("STORE_BENCH_KEEP").is_some() {
        println!("kept {}", dir.keep().join("bench.db").display());
    }
}
