//! `hearsay bench [CORPUS]`: speed of every analysis stage and of the whole
//! analyzer on one thread and on all threads, peak memory and model loading time;
//! with `--sizes`, how the cost of one document grows with its size.

use anyhow::{Context, bail};
use hearsay_bench::{Corpus, Settings, Shape, bench, scaling, time_model_loading};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `hearsay bench`.
#[derive(clap::Args)]
#[command(after_help = "\
Stages run one document at a time, in order, as `hearsay analyze` runs them; each
stage is timed on its own. Words are \\w+ runs (the attribution scorer's definition),
MB are 10^6 bytes of UTF-8 text. On N threads, a stage's rates divide its measured
time by N; the total is wall-clock time, including building and dropping analyses.

With --sizes 1,2,4,8,16 it instead builds one document of each size from the corpus
(the articles repeated, as paragraphs and as one unbroken line), analyzes each once on
one thread and prints its CPU time per stage, CPU seconds per MB and peak memory
(×doc: peak RSS above the loaded models, as a multiple of the document's size).")]
pub struct Args {
    /// A folder of .txt articles (or one .txt file) to run over.
    #[arg(
        default_value = "../shared/corpus/polnear/dev/text",
        env = "HEARSAY_BENCH_CORPUS"
    )]
    corpus: PathBuf,
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

fn parse_seconds(s: &str) -> Result<Duration, String> {
    let seconds: f64 = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    Duration::try_from_secs_f64(seconds)
        .map_err(|_| format!("`{s}` is not a duration (must be finite and not negative)"))
}

/// Runs the benchmark and prints its report.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.corpus.exists() {
        bail!(
            "no corpus at {}: give a folder of .txt articles (the default is the shared PolNeAR dev texts)",
            args.corpus.display()
        );
    }
    let (analyzer, loading) = time_model_loading();
    let analyzer = analyzer.context("loading the analyzer")?;
    let corpus = Corpus::load(&args.corpus).context("reading the benchmark corpus")?;
    if !args.sizes.is_empty() {
        if std::io::stderr().is_terminal() {
            eprintln!(
                "hearsay bench: documents of {} MB built from {} …",
                args.sizes
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                args.corpus.display()
            );
        }
        let report = scaling(&analyzer, &corpus, args.shape.shapes(), &args.sizes);
        if args.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            print!("{}", report.to_text());
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
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_text());
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
