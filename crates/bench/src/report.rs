//! Turning measured times into rates (words/s, MB/s, documents/s) and printing them.

use crate::{Corpus, RunTimes};
use serde::Serialize;
use std::fmt::Write as _;
use std::time::Duration;

/// Version tag of the JSON that `hearsay bench --json` prints.
pub const BENCH_SCHEMA: &str = "hearsay.bench/1";

/// Throughput over some stretch of time.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rates {
    /// `\w+` words per second.
    pub words_per_s: f64,
    /// Megabytes (10^6 bytes of UTF-8 text) per second.
    pub mb_per_s: f64,
    /// Documents per second.
    pub docs_per_s: f64,
}

impl Rates {
    /// Rates for processing `passes` copies of `corpus` in `time`; `None` when no time was measured.
    pub fn of(corpus: &Corpus, passes: u32, time: Duration) -> Option<Rates> {
        let seconds = time.as_secs_f64();
        if seconds <= 0.0 {
            return None;
        }
        let n = f64::from(passes);
        Some(Rates {
            words_per_s: corpus.words as f64 * n / seconds,
            mb_per_s: corpus.bytes as f64 * n / 1e6 / seconds,
            docs_per_s: corpus.documents.len() as f64 * n / seconds,
        })
    }
}

/// One stage in one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageReport {
    /// The stage's name.
    pub name: String,
    /// Seconds spent inside the stage, summed over threads and passes.
    pub busy_seconds: f64,
    /// Fraction of all stage time that this stage took.
    pub share: f64,
    /// Rates with the stage's time divided over the threads; `None` if it took no measurable time.
    pub rates: Option<Rates>,
    /// Thread CPU seconds spent inside the stage, summed over threads and passes.
    pub cpu_seconds: Option<f64>,
    /// Words per CPU-second of the stage.
    pub words_per_cpu_s: Option<f64>,
}

/// One run (one thread count).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunReport {
    /// Worker threads.
    pub threads: usize,
    /// Timed passes over the corpus.
    pub passes: u32,
    /// Wall-clock seconds of the timed passes.
    pub wall_seconds: f64,
    /// Stage time over (wall time × threads): how busy the threads were inside stages.
    pub stage_utilization: f64,
    /// Per stage, in pipeline order.
    pub stages: Vec<StageReport>,
    /// The whole pipeline by wall clock, including building and dropping each analysis.
    pub total: Option<Rates>,
    /// CPU seconds (user + system, all threads) of the process during the run.
    pub cpu_seconds: Option<f64>,
    /// Words per CPU-second of the whole process during the run.
    pub words_per_cpu_s: Option<f64>,
}

impl RunReport {
    /// Rates of a measured run over `corpus`.
    ///
    /// A stage's rates on N threads use its measured time under that parallel load
    /// divided by N; the total uses wall-clock time.
    pub fn new(corpus: &Corpus, names: &[&str], run: &RunTimes) -> Self {
        let busy = run.busy().as_secs_f64();
        let threads = u32::try_from(run.threads).unwrap_or(u32::MAX).max(1);
        let words = corpus.words as f64 * f64::from(run.passes);
        let per_cpu_s = |cpu: Duration| {
            let seconds = cpu.as_secs_f64();
            (seconds > 0.0).then(|| words / seconds)
        };
        let stages = names
            .iter()
            .zip(&run.stage_busy)
            .enumerate()
            .map(|(i, (name, &time))| {
                let cpu = run.stage_cpu.as_ref().and_then(|c| c.get(i).copied());
                StageReport {
                    name: (*name).to_string(),
                    busy_seconds: time.as_secs_f64(),
                    share: if busy > 0.0 {
                        time.as_secs_f64() / busy
                    } else {
                        0.0
                    },
                    rates: Rates::of(corpus, run.passes, time / threads),
                    cpu_seconds: cpu.map(|c| c.as_secs_f64()),
                    words_per_cpu_s: cpu.and_then(per_cpu_s),
                }
            })
            .collect();
        let wall = run.wall.as_secs_f64();
        RunReport {
            threads: run.threads,
            passes: run.passes,
            wall_seconds: wall,
            stage_utilization: if wall > 0.0 {
                busy / (wall * f64::from(threads))
            } else {
                0.0
            },
            stages,
            total: Rates::of(corpus, run.passes, run.wall),
            cpu_seconds: run.cpu.map(|c| c.as_secs_f64()),
            words_per_cpu_s: run.cpu.and_then(per_cpu_s),
        }
    }
}

/// The corpus a report was measured on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusReport {
    /// File or folder.
    pub path: String,
    /// Number of documents.
    pub documents: usize,
    /// UTF-8 bytes.
    pub bytes: u64,
    /// `\w+` words.
    pub words: u64,
}

impl From<&Corpus> for CorpusReport {
    fn from(corpus: &Corpus) -> Self {
        CorpusReport {
            path: corpus.path.display().to_string(),
            documents: corpus.documents.len(),
            bytes: corpus.bytes,
            words: corpus.words,
        }
    }
}

/// Everything `hearsay bench` measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// [`BENCH_SCHEMA`].
    pub schema: &'static str,
    /// Analyzer version.
    pub analyzer: String,
    /// Stage names in pipeline order.
    pub stages: Vec<String>,
    /// The texts.
    pub corpus: CorpusReport,
    /// Milliseconds to build the analyzer with its models.
    pub model_load_ms: f64,
    /// CPU milliseconds (all threads) spent building the analyzer.
    pub model_load_cpu_ms: Option<f64>,
    /// Resident memory right after loading the models, in bytes (Linux only).
    pub rss_after_load_bytes: Option<u64>,
    /// Peak resident memory of the whole benchmark process, in bytes (Linux only).
    pub peak_rss_bytes: Option<u64>,
    /// Cores this process may use.
    pub cores: usize,
    /// The system's 1-minute load average when the benchmark ended (Linux only):
    /// well above `cores` means other programs competed and wall-clock rates are low.
    pub load_average: Option<f64>,
    /// One entry per thread count.
    pub runs: Vec<RunReport>,
}

impl Report {
    /// The report as an aligned plain-text table.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let c = &self.corpus;
        let _ = writeln!(
            out,
            "corpus: {} ({} documents, {:.2} MB, {} words)",
            c.path,
            c.documents,
            c.bytes as f64 / 1e6,
            group(c.words as f64)
        );
        let stages = if self.stages.is_empty() {
            "no stages".to_string()
        } else {
            self.stages.join(" → ")
        };
        let _ = writeln!(out, "analyzer: {} ({stages})", self.analyzer);
        let _ = writeln!(
            out,
            "model loading: {:.1} ms ({} CPU); RSS after loading: {}; peak RSS: {}",
            self.model_load_ms,
            self.model_load_cpu_ms
                .map_or_else(|| "n/a".to_string(), |c| format!("{c:.1} ms")),
            megabytes(self.rss_after_load_bytes),
            megabytes(self.peak_rss_bytes)
        );
        let load = self
            .load_average
            .map_or_else(|| "n/a".to_string(), |l| format!("{l:.2}"));
        let _ = writeln!(out, "machine: {} cores, load average {load}", self.cores);
        for run in &self.runs {
            let plural = if run.threads == 1 { "" } else { "s" };
            let _ = writeln!(
                out,
                "\n{} thread{plural}: {} passes in {:.2} s, threads {:.0}% busy in stages",
                run.threads,
                run.passes,
                run.wall_seconds,
                run.stage_utilization * 100.0
            );
            let _ = writeln!(
                out,
                "{:<16} {:>7} {:>14} {:>10} {:>11} {:>14}",
                "stage", "share", "words/s", "MB/s", "docs/s", "words/CPU-s"
            );
            for stage in &run.stages {
                let share = format!("{:.1}%", stage.share * 100.0);
                row(
                    &mut out,
                    &stage.name,
                    &share,
                    stage.rates,
                    stage.words_per_cpu_s,
                );
            }
            row(&mut out, "total", "", run.total, run.words_per_cpu_s);
        }
        out
    }
}

fn row(out: &mut String, name: &str, share: &str, rates: Option<Rates>, per_cpu: Option<f64>) {
    let per_cpu = per_cpu.map_or_else(|| "n/a".to_string(), group);
    match rates {
        Some(r) => {
            let _ = writeln!(
                out,
                "{name:<16} {share:>7} {:>14} {:>10.2} {:>11.1} {per_cpu:>14}",
                group(r.words_per_s),
                r.mb_per_s,
                r.docs_per_s
            );
        }
        None => {
            let _ = writeln!(out, "{name:<16} {share:>7} {:>14}", "(no time)");
        }
    }
}

fn megabytes(bytes: Option<u64>) -> String {
    bytes.map_or_else(
        || "n/a".to_string(),
        |b| format!("{:.1} MB", b as f64 / 1e6),
    )
}

/// A number rounded to an integer with thousands separators ("1,234,567").
fn group(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::Document;

    fn corpus() -> Corpus {
        Corpus::from_documents(
            "mem",
            vec![
                Document::new("one two three four"),
                Document::new("five six"),
            ],
        )
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0.0), "0");
        assert_eq!(group(999.4), "999");
        assert_eq!(group(1000.0), "1,000");
        assert_eq!(group(1234567.0), "1,234,567");
    }

    #[test]
    fn rates_scale_with_passes_and_time() {
        let r = Rates::of(&corpus(), 10, Duration::from_secs(2)).unwrap();
        assert_eq!(r.words_per_s, 30.0);
        assert_eq!(r.docs_per_s, 10.0);
        assert!((r.mb_per_s - 26.0 * 10.0 / 1e6 / 2.0).abs() < 1e-12);
        assert_eq!(Rates::of(&corpus(), 1, Duration::ZERO), None);
    }

    #[test]
    fn stage_rates_divide_time_over_threads_and_total_uses_wall() {
        let run = RunTimes {
            threads: 2,
            passes: 4,
            wall: Duration::from_secs(4),
            stage_busy: vec![Duration::from_secs(6), Duration::from_secs(2)],
            stage_cpu: Some(vec![Duration::from_secs(4), Duration::from_secs(2)]),
            cpu: Some(Duration::from_secs(12)),
        };
        let report = RunReport::new(&corpus(), &["a", "b"], &run);
        assert_eq!(report.stages[0].share, 0.75);
        // 6 s over 2 threads = 3 s for 4 passes of 6 words.
        assert_eq!(report.stages[0].rates.unwrap().words_per_s, 8.0);
        assert_eq!(report.stages[1].rates.unwrap().words_per_s, 24.0);
        assert_eq!(report.total.unwrap().words_per_s, 6.0);
        assert_eq!(report.stage_utilization, 1.0);
        // 24 words over 4 and 2 CPU-seconds; the process used 12.
        assert_eq!(report.stages[0].words_per_cpu_s, Some(6.0));
        assert_eq!(report.stages[1].words_per_cpu_s, Some(12.0));
        assert_eq!(report.words_per_cpu_s, Some(2.0));
    }

    #[test]
    fn text_report_lists_every_stage_and_the_total() {
        let c = corpus();
        let run = RunTimes {
            threads: 1,
            passes: 1,
            wall: Duration::from_millis(10),
            stage_busy: vec![Duration::from_millis(9), Duration::ZERO],
            stage_cpu: None,
            cpu: None,
        };
        let report = Report {
            schema: BENCH_SCHEMA,
            analyzer: "hearsay test".into(),
            stages: vec!["tokenizer".into(), "tagger".into()],
            corpus: CorpusReport::from(&c),
            model_load_ms: 12.5,
            model_load_cpu_ms: Some(10.0),
            rss_after_load_bytes: Some(5_000_000),
            peak_rss_bytes: None,
            cores: 2,
            load_average: Some(0.5),
            runs: vec![RunReport::new(&c, &["tokenizer", "tagger"], &run)],
        };
        let text = report.to_text();
        assert!(text.contains("tokenizer → tagger"), "{text}");
        assert!(
            text.contains("model loading: 12.5 ms (10.0 ms CPU)"),
            "{text}"
        );
        assert!(text.contains("peak RSS: n/a"), "{text}");
        assert!(text.contains("2 cores, load average 0.50"), "{text}");
        assert!(text.contains("1 thread: 1 passes"), "{text}");
        assert!(
            text.contains("tagger") && text.contains("(no time)"),
            "{text}"
        );
        assert!(
            text.contains("words/CPU-s") && text.contains("n/a"),
            "{text}"
        );
        assert!(text.contains("total"), "{text}");
    }
}
