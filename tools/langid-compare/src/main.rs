//! Whole-text identification of hearsay's language test set by whatlang or
//! lingua (one per build, chosen by feature): accuracy per language, the texts
//! missed, and with a repeat count the speed.
//!
//! ```text
//! CARGO_TARGET_DIR=/tmp/lc cargo run --release --features whatlang -- ../../crates/langid/testset 200
//! ```

use std::collections::BTreeMap;
use std::time::Instant;

/// The identifier: text → (ISO 639-3 code, confidence).
#[cfg(feature = "whatlang")]
fn detector() -> impl Fn(&str) -> Option<(String, f64)> {
    |t: &str| whatlang::detect(t).map(|i| (i.lang().code().to_string(), i.confidence()))
}

/// The identifier: text → (ISO 639-3 code, confidence), all compiled-in models preloaded.
#[cfg(not(feature = "whatlang"))]
fn detector() -> impl Fn(&str) -> Option<(String, f64)> {
    let d = lingua::LanguageDetectorBuilder::from_all_languages()
        .with_preloaded_language_models()
        .build();
    move |t: &str| {
        let v = d.compute_language_confidence_values(t);
        v.first()
            .map(|(l, c)| (l.iso_code_639_3().to_string(), *c))
    }
}

/// The ISO 639-3 codes a test-set folder's language may be reported as.
fn codes(folder: &str) -> &'static [&'static str] {
    match folder {
        "en" => &["eng"],
        "de" => &["deu"],
        "fr" => &["fra"],
        "es" => &["spa"],
        "it" => &["ita"],
        "pt" => &["por"],
        "nl" => &["nld"],
        "pl" => &["pol"],
        "ru" => &["rus"],
        "uk" => &["ukr"],
        "ar" => &["ara"],
        "zh" => &["cmn", "zho"],
        _ => &[],
    }
}

fn main() {
    let root = std::env::args().nth(1).expect("usage: langid-compare TESTSET [REPEATS]");
    let repeats: usize = std::env::args().nth(2).map_or(0, |s| s.parse().expect("a count"));
    let started = Instant::now();
    let detect = detector();
    detect("warm up");
    println!("loading: {:?}", started.elapsed());
    let mut texts = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    folders.sort();
    for folder in folders {
        let language = folder.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let name = format!("{language}/{}", file.file_stem().unwrap().to_string_lossy());
            texts.push((language.clone(), name, std::fs::read_to_string(&file).unwrap()));
        }
    }
    let mut scores: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (language, name, text) in &texts {
        let got = detect(text);
        let right = got.as_ref().is_some_and(|(c, _)| codes(language).contains(&c.as_str()));
        let s = scores.entry(language).or_default();
        s.1 += 1;
        if right {
            s.0 += 1;
        } else {
            println!("missed {name}: {got:?}");
        }
    }
    let (mut right, mut all) = (0, 0);
    for (language, (r, n)) in &scores {
        println!("{language}: {r}/{n}");
        right += r;
        all += n;
    }
    println!("all: {right}/{all}");
    if repeats > 0 {
        let bytes: usize = texts.iter().map(|t| t.2.len()).sum();
        let started = Instant::now();
        let found: usize = (0..repeats)
            .map(|_| texts.iter().filter(|t| detect(&t.2).is_some()).count())
            .sum();
        let s = started.elapsed().as_secs_f64();
        println!(
            "speed: {repeats} × {} texts ({bytes} bytes) in {s:.3} s: {:.2} MB/s, {:.0} texts/s ({found} identified)",
            texts.len(),
            (bytes * repeats) as f64 / s / 1e6,
            (texts.len() * repeats) as f64 / s
        );
    }
}
