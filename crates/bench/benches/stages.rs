//! `cargo bench -p hearsay-bench`: each analyzer stage alone, and the whole
//! analyzer, over the shared dev corpus, with divan's statistics.
//!
//! A stage is timed on the analyses that the stages before it produced, so it
//! sees exactly the input it sees in the pipeline. Throughput is shown in bytes
//! and in `\w+` words ("items"). Skips with a message when `../shared` is absent.

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use hearsay_analyze::Analyzer;
use hearsay_bench::{Corpus, default_corpus_dir};
use hearsay_core::Analysis;
use std::sync::LazyLock;

/// The full analyzer with its shipped models.
static ANALYZER: LazyLock<Analyzer> =
    LazyLock::new(|| Analyzer::new().expect("the shipped models load"));

/// The dev texts (only read once `main` checked that they exist).
static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let dir = default_corpus_dir().expect("checked in main");
    Corpus::load(&dir).unwrap_or_else(|e| panic!("loading the benchmark corpus: {e}"))
});

fn main() {
    if default_corpus_dir().is_none() {
        println!("skipping the stage benchmarks: no shared corpus (set HEARSAY_SHARED)");
        return;
    }
    divan::main();
}

/// Names of the stages, in pipeline order: one benchmark each.
fn stage_names() -> Vec<&'static str> {
    ANALYZER.stages().iter().map(|s| s.name()).collect()
}

/// The analyses of every document after the stages before `index`.
fn inputs_before(index: usize) -> Vec<Analysis> {
    CORPUS
        .documents
        .iter()
        .map(|document| {
            let mut analysis = Analysis::empty(document.clone(), ANALYZER.version());
            for stage in &ANALYZER.stages()[..index] {
                stage.annotate(&mut analysis);
            }
            analysis
        })
        .collect()
}

#[divan::bench(args = stage_names(), sample_count = 20, sample_size = 1)]
fn stage(bencher: Bencher, name: &str) {
    let index = ANALYZER
        .stages()
        .iter()
        .position(|s| s.name() == name)
        .expect("the name came from the analyzer");
    let stage = &ANALYZER.stages()[index];
    let inputs = inputs_before(index);
    bencher
        .counter(BytesCount::new(CORPUS.bytes))
        .counter(ItemsCount::new(CORPUS.words))
        .with_inputs(|| inputs.clone())
        .bench_local_values(|mut analyses| {
            for analysis in &mut analyses {
                stage.annotate(analysis);
            }
            analyses
        });
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn pipeline(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(CORPUS.bytes))
        .counter(ItemsCount::new(CORPUS.words))
        .with_inputs(|| CORPUS.documents.clone())
        .bench_local_values(|documents| {
            documents
                .into_iter()
                .map(|d| ANALYZER.analyze(d))
                .collect::<Vec<_>>()
        });
}
