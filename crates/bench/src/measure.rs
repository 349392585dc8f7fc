//! Timing the analyzer's stages over a corpus, one document at a time, as
//! [`hearsay_analyze::Analyzer::analyze`] runs them.

use crate::Corpus;
use crate::cpu::{process_cpu_time, thread_cpu_time};
use hearsay_analyze::Analyzer;
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
    /// Per stage (in pipeline order): wall time spent inside its `annotate`, summed
    /// over documents, passes and threads.
    pub stage_busy: Vec<Duration>,
    /// Per stage: CPU time of the running thread inside its `annotate`, summed the
    /// same way; `None` where threads have no CPU clock.
    pub stage_cpu: Option<Vec<Duration>>,
    /// CPU time (user + system, all threads) of the process during the timed passes.
    pub cpu: Option<Duration>,
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
    let version = analyzer.version();
    let n = stages.len();
    let pass: Box<dyn Fn() -> Clocks> = match settings.threads {
        0 => return Err(MeasureError::NoThreads),
        1 => Box::new(|| {
            let mut clocks = Clocks::new(n);
            for document in &corpus.documents {
                analyze_timed(stages, version, document, &mut clocks);
            }
            clocks
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
                            || Clocks::new(n),
                            |mut clocks, document| {
                                analyze_timed(stages, version, document, &mut clocks);
                                clocks
                            },
                        )
                        .reduce(|| Clocks::new(n), Clocks::add)
                })
            })
        }
    };
    for _ in 0..settings.warmup_passes {
        pass();
    }
    let mut clocks = Clocks::new(n);
    let mut passes = 0;
    let cpu_start = process_cpu_time();
    let start = Instant::now();
    while passes < settings.min_passes.max(1) || start.elapsed() < settings.min_time {
        clocks = clocks.add(pass());
        passes += 1;
    }
    let wall = start.elapsed();
    let cpu = process_cpu_time()
        .zip(cpu_start)
        .map(|(end, start)| end.saturating_sub(start));
    let durations = |ns: Vec<u64>| ns.into_iter().map(Duration::from_nanos).collect();
    Ok(RunTimes {
        threads: settings.threads,
        passes,
        wall,
        stage_busy: durations(clocks.wall),
        stage_cpu: clocks.cpu_ok.then(|| durations(clocks.cpu)),
        cpu,
    })
}

/// Nanoseconds per stage, by wall clock and by thread CPU clock.
struct Clocks {
    wall: Vec<u64>,
    cpu: Vec<u64>,
    /// False once a thread CPU clock reading failed.
    cpu_ok: bool,
}

impl Clocks {
    fn new(stages: usize) -> Self {
        Clocks {
            wall: vec![0; stages],
            cpu: vec![0; stages],
            cpu_ok: true,
        }
    }

    fn add(mut self, other: Clocks) -> Clocks {
        for (t, p) in self.wall.iter_mut().zip(other.wall) {
            *t += p;
        }
        for (t, p) in self.cpu.iter_mut().zip(other.cpu) {
            *t += p;
        }
        self.cpu_ok &= other.cpu_ok;
        self
    }
}

/// Analyzes one document stage by stage, adding each stage's wall and CPU time to `clocks`.
fn analyze_timed(
    stages: &[Box<dyn Stage>],
    version: &str,
    document: &Document,
    clocks: &mut Clocks,
) {
    let mut analysis = Analysis::empty(document.clone(), version);
    let mut cpu_before = thread_cpu_time();
    for (i, stage) in stages.iter().enumerate() {
        let start = Instant::now();
        stage.annotate(&mut analysis);
        clocks.wall[i] += nanos(start.elapsed());
        let cpu_after = thread_cpu_time();
        match cpu_before.zip(cpu_after) {
            Some((before, after)) => clocks.cpu[i] += nanos(after.saturating_sub(before)),
            None => clocks.cpu_ok = false,
        }
        cpu_before = cpu_after;
    }
    std::hint::black_box(&analysis);
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// How long building the analyzer with its models took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ModelLoading {
    /// Wall-clock time.
    pub wall: Duration,
    /// CPU time of the process meanwhile (all threads); `None` without a CPU clock.
    pub cpu: Option<Duration>,
}

/// Times building the full analyzer with its shipped models, as every command does at start.
pub fn time_model_loading() -> (
    Result<Analyzer, hearsay_analyze::AnalyzerError>,
    ModelLoading,
) {
    let cpu_start = process_cpu_time();
    let start = Instant::now();
    let analyzer = Analyzer::new();
    let wall = start.elapsed();
    let cpu = process_cpu_time()
        .zip(cpu_start)
        .map(|(end, start)| end.saturating_sub(start));
    (analyzer, ModelLoading { wall, cpu })
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
        if cfg!(unix) {
            let cpu = run
                .stage_cpu
                .as_ref()
                .expect("threads have CPU clocks on unix");
            assert!(cpu[0] > Duration::ZERO, "{run:?}");
            assert!(run.cpu.is_some());
        }
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
