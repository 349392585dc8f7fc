//! Timing the analyzer's stages over a corpus, one document at a time, as
//! [`hearsay_analyze::Analyzer::analyze`] runs them.

use crate::Corpus;
use hearsay_analyze::{ANALYZER_VERSION, Analyzer};
use hearsay_core::{Analysis, Document, Stage};
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// Why a measurement could not run.
#[derive(Debug, thiserror::Error)]
pub enum MeasureError {
    /// The worker threads could not be started.
    #[error("starting {threads} worker threads: {source}")]
    ThreadPool {
        /// How many threads were asked for.
        threads: usize,
        /// The underlying error.
        source: rayon::ThreadPoolBuildError,
    },
    /// Zero threads were asked for.
    #[error("a benchmark needs at least one thread")]
    NoThreads,
}

/// How long and on how many threads to measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Worker threads: 1 runs on the calling thread, more run a rayon pool of that size.
    pub threads: usize,
    /// Passes over the whole corpus run first and not counted (caches, allocator, page faults).
    pub warmup_passes: u32,
    /// Timed passes continue until at least this much wall time has gone by …
    pub min_time: Duration,
    /// … and at least this many passes were made.
    pub min_passes: u32,
}

impl Settings {
    /// One warm-up pass, then timed passes for at least `min_time` (and at least one pass).
    pub fn new(threads: usize, min_time: Duration) -> Self {
        Settings {
            threads,
            warmup_passes: 1,
            min_time,
            min_passes: 1,
        }
    }
}

/// What one measured run of the pipeline over a corpus took.
#[derive(Debug, Clone, PartialEq)]
pub struct RunTimes {
    /// Worker threads used.
    pub threads: usize,
    /// Timed passes over the whole corpus.
    pub passes: u32,
    /// Wall-clock time of the timed passes, including building and dropping each analysis.
    pub wall: Duration,
    /// Per stage (in pipeline order): time spent inside its `annotate`, summed over
    /// documents, passes and threads.
    pub stage_busy: Vec<Duration>,
}

impl RunTimes {
    /// Time spent inside all stages, summed over threads.
    pub fn busy(&self) -> Duration {
        self.stage_busy.iter().sum()
    }
}

/// Runs the analyzer's stages over the corpus as [`Settings`] asks and times each stage.
///
/// Each document is cloned into a fresh [`Analysis`] and goes through every stage in
/// order, exactly as [`Analyzer::analyze`] does; only the `annotate` calls are
/// attributed to stages, while [`RunTimes::wall`] covers everything.
pub fn measure(
    analyzer: &Analyzer,
    corpus: &Corpus,
    settings: &Settings,
) -> Result<RunTimes, MeasureError> {
    let stages = analyzer.stages();
    let pass: Box<dyn Fn() -> Vec<u64>> = match settings.threads {
        0 => return Err(MeasureError::NoThreads),
        1 => Box::new(|| {
            let mut busy = vec![0; stages.len()];
            for document in &corpus.documents {
                analyze_timed(stages, document, &mut busy);
            }
            busy
        }),
        threads => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("hearsay-bench-{i}"))
                .build()
                .map_err(|source| MeasureError::ThreadPool { threads, source })?;
            Box::new(move || {
                pool.install(|| {
                    corpus
                        .documents
                        .par_iter()
                        .fold(
                            || vec![0; stages.len()],
                            |mut busy, document| {
                                analyze_timed(stages, document, &mut busy);
                                busy
                            },
                        )
                        .reduce(|| vec![0; stages.len()], add_into)
                })
            })
        }
    };
    for _ in 0..settings.warmup_passes {
        pass();
    }
    let mut busy = vec![0; stages.len()];
    let mut passes = 0;
    let start = Instant::now();
    while passes < settings.min_passes.max(1) || start.elapsed() < settings.min_time {
        busy = add_into(busy, pass());
        passes += 1;
    }
    let wall = start.elapsed();
    Ok(RunTimes {
        threads: settings.threads,
        passes,
        wall,
        stage_busy: busy.into_iter().map(Duration::from_nanos).collect(),
    })
}

/// Analyzes one document stage by stage, adding each stage's time (ns) to `busy`.
fn analyze_timed(stages: &[Box<dyn Stage>], document: &Document, busy: &mut [u64]) {
    let mut analysis = Analysis::empty(document.clone(), ANALYZER_VERSION);
    for (stage, slot) in stages.iter().zip(busy.iter_mut()) {
        let start = Instant::now();
        stage.annotate(&mut analysis);
        *slot += u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
    }
    std::hint::black_box(&analysis);
}

fn add_into(mut total: Vec<u64>, part: Vec<u64>) -> Vec<u64> {
    for (t, p) in total.iter_mut().zip(part) {
        *t += p;
    }
    total
}

/// Times building the full analyzer with its shipped models, as every command does at start.
pub fn time_model_loading() -> (Result<Analyzer, hearsay_analyze::AnalyzerError>, Duration) {
    let start = Instant::now();
    let analyzer = Analyzer::new();
    (analyzer, start.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::{Sentence, Span};

    /// Splits on blank-free runs and records each as a one-token sentence: real work
    /// proportional to the text, so that timings are non-zero.
    struct Words;
    impl Stage for Words {
        fn name(&self) -> &'static str {
            "words"
        }
        fn annotate(&self, a: &mut Analysis) {
            let mut start = None;
            let mut spans = Vec::new();
            for (i, c) in a.text().char_indices().chain([(a.text().len(), ' ')]) {
                match (c.is_whitespace(), start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        spans.push(Span::new(s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            a.sentences.extend(
                spans
                    .into_iter()
                    .map(|span| Sentence { span, tokens: 0..0 }),
            );
        }
    }

    struct CountSentences;
    impl Stage for CountSentences {
        fn name(&self) -> &'static str {
            "count"
        }
        fn annotate(&self, a: &mut Analysis) {
            let n = a.sentences.len();
            a.analyzer.push_str(&n.to_string());
        }
    }

    fn corpus() -> Corpus {
        let text = "Officials said the troops had arrived. ".repeat(50);
        let docs = (0..8)
            .map(|i| Document::new(format!("{text}{i}")))
            .collect();
        Corpus::from_documents("test", docs)
    }

    fn analyzer() -> Analyzer {
        Analyzer::from_stages(vec![Box::new(Words), Box::new(CountSentences)])
    }

    #[test]
    fn single_thread_times_every_stage_and_respects_min_passes() {
        let settings = Settings {
            threads: 1,
            warmup_passes: 0,
            min_time: Duration::ZERO,
            min_passes: 3,
        };
        let run = measure(&analyzer(), &corpus(), &settings).unwrap();
        assert_eq!(run.passes, 3);
        assert_eq!(run.stage_busy.len(), 2);
        assert!(run.stage_busy[0] > Duration::ZERO);
        assert!(run.busy() <= run.wall, "{run:?}");
    }

    #[test]
    fn several_threads_run_until_min_time() {
        let settings = Settings::new(2, Duration::from_millis(30));
        let run = measure(&analyzer(), &corpus(), &settings).unwrap();
        assert!(run.wall >= Duration::from_millis(30));
        assert!(run.passes >= 1);
        assert_eq!(run.threads, 2);
        assert!(run.busy() <= run.wall * 2, "{run:?}");
    }

    #[test]
    fn zero_threads_is_an_error() {
        let err = measure(&analyzer(), &corpus(), &Settings::new(0, Duration::ZERO));
        assert!(matches!(err, Err(MeasureError::NoThreads)));
    }

    #[test]
    fn an_empty_pipeline_still_measures_the_overhead() {
        let run = measure(
            &Analyzer::from_stages(Vec::new()),
            &corpus(),
            &Settings::new(1, Duration::ZERO),
        )
        .unwrap();
        assert!(run.stage_busy.is_empty());
        assert_eq!(run.passes, 1);
    }
}
