//! `hearsay bench [CORPUS]`: speed of every analysis stage and of the whole
//! analyzer on one thread and on all threads, peak memory and model loading time;
//! with `--sizes`, how the cost of one document grows with its size.

use super::{out, outln};
use anyhow::{Context, bail};
use hearsay_bench::{Corpus, Settings, Shape, bench, scaling, time_model_loading};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `hearsay bench`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay bench                                  # the shared PolNeAR dev texts, 1 and all threads
  hearsay bench examples/ --min-time 1 --threads 1
  hearsay bench --json > bench.json              # schema hearsay.bench/1

Stages run one document at a time, in order, as `hearsay analyze` runs them; each
stage is timed on its own. Words are \\w+ runs (the attribution scorer's definition),
MB are 10^6 bytes of UTF-8 text. On N threads, a stage's rates divide its measured
time by N; the total is wall-clock time, including building and dropping analyses.

With --sizes 1,2,4,8,16 it instead builds one document of each size from the corpus
(the articles repeated, as paragraphs and as one unbroken line), analyzes each once on
one thread and prints its CPU time per stage, CPU seconds per MB and peak memory
(×doc: peak RSS above the loaded models, as a multiple of the document's size).")]
pub struct Args {
    /// A folder of .txt articles (or one .txt file) to run over [default:
    /// $HEARSAY_SHARED/corpus/polnear/dev/text, HEARSAY_SHARED defaulting to ../shared].
    #[arg(env = "HEARSAY_BENCH_CORPUS")]
    corpus: Option<PathBuf>,
    /// Keep repeating passes over the corpus until this many seconds have gone by,
    /// for each thread count.
    #[arg(long, default_value = "3", value_name = "SECONDS", value_parser = parse_seconds)]
    min_time: Duration,
    /// Threads for the parallel run (default: all cores); a one-thread run is always made.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Measure one document of each of these sizes (MB, comma-separated) instead.
    #[arg(long, value_name = "MB,...", value_delimiter = ',', value_parser = clap::value_parser!(u32).range(1..=1024))]
    sizes: Vec<u32>,
    /// With --sizes: the layouts to measure.
    #[arg(long, value_enum, default_value = "both", requires = "sizes")]
    shape: ShapeArg,
    /// Print the report as JSON (schema `hearsay.bench/1`, or `hearsay.bench-sizes/1` with --sizes).
    #[arg(long)]
    json: bool,
}

/// Layouts of the sized documents.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ShapeArg {
    /// The articles as paragraphs separated by blank lines.
    Paragraphs,
    /// The articles on one line, single spaces only.
    Line,
    /// Both, paragraphs first.
    Both,
}

impl ShapeArg {
    fn shapes(self) -> &'static [Shape] {
        match self {
            ShapeArg::Paragraphs => &[Shape::Paragraphs],
            ShapeArg::Line => &[Shape::Line],
            ShapeArg::Both => &[Shape::Paragraphs, Shape::Line],
        }
    }
}

/// The PolNeAR dev texts of the shared corpus: `$HEARSAY_SHARED`, else `../shared`.
fn default_corpus() -> PathBuf {
    std::env::var_os("HEARSAY_SHARED")
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from("../shared"), PathBuf::from)
        .join("corpus/polnear/dev/text")
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    let seconds: f64 = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    Duration::try_from_secs_f64(seconds)
        .map_err(|_| format!("`{s}` is not a duration (must be finite and not negative)"))
}

/// Runs the benchmark and prints its report.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let corpus = args.corpus.clone().unwrap_or_else(default_corpus);
    if !corpus.exists() {
        bail!(
            "no corpus at {}: give a folder of .txt articles (the default is the shared PolNeAR dev texts; set HEARSAY_SHARED)",
            corpus.display()
        );
    }
    let (analyzer, loading) = time_model_loading();
    let analyzer = analyzer.context("loading the analyzer")?;
    let source = corpus;
    let corpus = Corpus::load(&source).context("reading the benchmark corpus")?;
    if !args.sizes.is_empty() {
        if std::io::stderr().is_terminal() {
            eprintln!(
                "hearsay bench: documents of {} MB built from {} …",
                args.sizes
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                source.display()
            );
        }
        let report = scaling(&analyzer, &corpus, args.shape.shapes(), &args.sizes);
        if args.json {
            outln!("{}", serde_json::to_string_pretty(&report)?)?;
        } else {
            out!("{}", report.to_text())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let all = match args.threads {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut runs = vec![Settings::new(1, args.min_time)];
    if all > 1 {
        runs.push(Settings::new(all, args.min_time));
    }
    if std::io::stderr().is_terminal() {
        eprintln!(
            "hearsay bench: {} documents, {} stages, 1 and {all} threads, at least {:.1} s each …",
            corpus.documents.len(),
            analyzer.stages().len(),
            args.min_time.as_secs_f64()
        );
    }
    let report = bench(&analyzer, loading, &corpus, &runs).context("measuring")?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        out!("{}", report.to_text())?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_must_be_finite_non_negative_numbers() {
        assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_seconds("0"), Ok(Duration::ZERO));
        assert!(parse_seconds("-1").is_err());
        assert!(parse_seconds("inf").is_err());
        assert!(parse_seconds("three").unwrap_err().contains("three"));
    }
}
