//! Speed of the mention stage next to the language stages, one thread, over a
//! directory of texts (default: PolNeAR dev). Prints words/s (`\w+` runs) of
//! each and what the mention stage adds to the per-document time.
//!
//! ```text
//! cargo run --release -p hearsay-mentions --example bench_mentions [-- DIR [PASSES]]
//! ```

use hearsay_core::{Analysis, Document, Stage};
use hearsay_mentions::MentionStage;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Words as the scorer counts them: runs of `\w` characters.
fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = c.is_alphanumeric() || c == '_';
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shared = std::env::var_os("HEARSAY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let dir = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("corpus/polnear/dev/text"));
    let passes: usize = args.get(1).map_or(Ok(5), |p| p.parse())?;
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(&path)?);
        }
    }
    texts.sort();
    let words: usize = texts.iter().map(|t| count_words(t)).sum();
    let bytes: usize = texts.iter().map(String::len).sum();
    let language = hearsay_nlp::stages()?;
    let mentions = MentionStage::new()?;

    let mut best_lang = Duration::MAX;
    let mut best_ment = Duration::MAX;
    let mut best_ment_no_tokens = Duration::MAX;
    for _ in 0..passes {
        let (mut lang, mut ment, mut bare) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        for t in &texts {
            let mut a = Analysis::empty(Document::new(t.as_str()), "bench");
            let start = Instant::now();
            for s in &language {
                s.annotate(&mut a);
            }
            lang += start.elapsed();
            let start = Instant::now();
            mentions.annotate(&mut a);
            ment += start.elapsed();
            std::hint::black_box(&a);
            let mut b = Analysis::empty(Document::new(t.as_str()), "bench");
            let start = Instant::now();
            mentions.annotate(&mut b);
            bare += start.elapsed();
            std::hint::black_box(&b);
        }
        best_lang = best_lang.min(lang);
        best_ment = best_ment.min(ment);
        best_ment_no_tokens = best_ment_no_tokens.min(bare);
    }
    let wps = |d: Duration| words as f64 / d.as_secs_f64();
    let names: Vec<&str> = language.iter().map(|s| s.name()).collect();
    println!(
        "{} documents, {words} words, {:.2} MB, best of {passes} passes, one thread",
        texts.len(),
        bytes as f64 / 1e6
    );
    println!(
        "language stages ({}): {:>12.0} words/s",
        names.join(" + "),
        wps(best_lang)
    );
    println!("mention stage:            {:>12.0} words/s", wps(best_ment));
    println!(
        "mention stage (own word split, no language stages): {:.0} words/s",
        wps(best_ment_no_tokens)
    );
    println!(
        "mentions add {:.1}% to the language stages' time; at the 100,000 words/s target of the language core they would add {:.1}%",
        100.0 * best_ment.as_secs_f64() / best_lang.as_secs_f64(),
        100.0 * 100_000.0 / wps(best_ment)
    );
    Ok(())
}
