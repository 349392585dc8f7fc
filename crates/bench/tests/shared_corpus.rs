//! The harness over the real analyzer and a few shared dev texts: every stage of
//! the pipeline shows up in the report with its time. Ignored (listed by name)
//! without the shared corpus.

use hearsay_bench::{Corpus, Settings, bench, time_model_loading};
use std::path::Path;
use std::time::Duration;

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn reports_every_stage_of_the_real_analyzer() {
    let dir = Path::new(env!("HEARSAY_SHARED_DIR")).join("corpus/polnear/dev/text");
    let full = Corpus::load(&dir).expect("the dev texts load");
    assert!(full.words > 10_000, "{} words", full.words);
    let corpus = Corpus::from_documents("first 3", full.documents[..3].to_vec());
    let (analyzer, load) = time_model_loading();
    let analyzer = analyzer.expect("the shipped models load");
    let runs = [
        Settings::new(1, Duration::ZERO),
        Settings::new(2, Duration::ZERO),
    ];
    let report = bench(&analyzer, load, &corpus, &runs).expect("measured");
    let names: Vec<&str> = analyzer.stages().iter().map(|s| s.name()).collect();
    assert_eq!(report.stages, names);
    for run in &report.runs {
        let reported: Vec<&str> = run.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(reported, names);
        let shares: f64 = run.stages.iter().map(|s| s.share).sum();
        assert!(names.is_empty() || (shares - 1.0).abs() < 1e-9, "{shares}");
        assert!(run.total.is_some());
    }
    assert!(report.peak_rss_bytes.is_none_or(|p| p > 0));
}
