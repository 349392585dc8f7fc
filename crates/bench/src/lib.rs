//! The benchmark harness: speed and memory of every analysis stage over a corpus.
//!
//! It times whatever stages [`hearsay_analyze::Analyzer::stages`] holds, one
//! document at a time and stage by stage as the analyzer runs them, on one
//! thread and on many, and turns the times into words/s, MB/s and documents/s
//! (words are `\w+` runs, the scorer's definition). `hearsay bench` prints it.
//!
//! ```
//! use hearsay_bench::{Corpus, Settings, bench};
//! use hearsay_core::Document;
//! use std::time::Duration;
//! let corpus = Corpus::from_documents("mem", vec![Document::new("Officials said it rained.")]);
//! let analyzer = hearsay_analyze::Analyzer::from_stages(Vec::new());
//! let report = bench(&analyzer, Default::default(), &corpus, &[Settings::new(1, Duration::ZERO)]).unwrap();
//! assert_eq!(report.runs[0].threads, 1);
//! assert_eq!(report.corpus.words, 4);
//! ```

mod corpus;
mod cpu;
mod measure;
mod memory;
mod report;
mod scaling;

pub use corpus::{Corpus, CorpusError, count_words};
pub use cpu::{process_cpu_time, thread_cpu_time};
pub use measure::{MeasureError, ModelLoading, RunTimes, Settings, measure, time_model_loading};
pub use memory::{current_rss_bytes, load_average, peak_rss_bytes, reset_peak_rss};
pub use report::{BENCH_SCHEMA, CorpusReport, Rates, Report, RunReport, StageReport};
pub use scaling::{
    SCALING_SCHEMA, ScalingReport, Shape, SizeRun, measure_size, scaling, sized_document,
};

use hearsay_analyze::Analyzer;
use std::path::PathBuf;

/// Measures `analyzer` over `corpus` once per entry of `runs` and gathers the report.
///
/// `loading` is how long building the analyzer took (see [`time_model_loading`]);
/// the RSS after loading is read when this function starts.
pub fn bench(
    analyzer: &Analyzer,
    loading: ModelLoading,
    corpus: &Corpus,
    runs: &[Settings],
) -> Result<Report, MeasureError> {
    let rss_after_load_bytes = current_rss_bytes();
    let names: Vec<&str> = analyzer.stages().iter().map(|s| s.name()).collect();
    let mut reports = Vec::with_capacity(runs.len());
    for settings in runs {
        let times = measure(analyzer, corpus, settings)?;
        reports.push(RunReport::new(corpus, &names, &times));
    }
    Ok(Report {
        schema: BENCH_SCHEMA,
        analyzer: analyzer.version().to_string(),
        stages: names.iter().map(|n| n.to_string()).collect(),
        corpus: CorpusReport::from(corpus),
        model_load_ms: loading.wall.as_secs_f64() * 1e3,
        model_load_cpu_ms: loading.cpu.map(|c| c.as_secs_f64() * 1e3),
        rss_after_load_bytes,
        peak_rss_bytes: peak_rss_bytes(),
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        load_average: load_average(),
        runs: reports,
    })
}

/// The shared read-only material (`HEARSAY_SHARED`, else `../shared` beside the
/// checkout), if it exists; benches and tests skip when it does not.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("HEARSAY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    dir.is_dir().then_some(dir)
}

/// The default benchmark corpus: the PolNeAR dev texts in [`shared_dir`].
pub fn default_corpus_dir() -> Option<PathBuf> {
    let dir = shared_dir()?.join("corpus/polnear/dev/text");
    dir.is_dir().then_some(dir)
}
