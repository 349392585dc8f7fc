//! `hearsay add PATH...`: read, analyze on all cores, store through one writer.

use super::{DbArg, Outcome, ReadArgs, UsageError, pipeline, progress, report, warn};
use hearsay_analyze::Analyzer;
use hearsay_core::DocId;
use hearsay_store::{PutOutcome, Store};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `hearsay add`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay add articles/ --db news.db          # every .txt/.html/.jsonl below articles/
  hearsay add feed.jsonl page.html            # a JSONL feed and one page into hearsay.db
  curl -s URL | hearsay add -                 # standard input (format sniffed)
  hearsay add --reanalyze --db news.db        # redo documents analyzed by an older analyzer

A document already stored (same text, same analyzer) is left as it is.")]
pub struct Args {
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    db: DbArg,
    /// Also re-analyze stored documents whose analysis came from another analyzer version.
    #[arg(long)]
    reanalyze: bool,
    /// Print the closing summary as JSON on standard output.
    #[arg(long)]
    json: bool,
}

/// The closing summary.
#[derive(Serialize, Default)]
struct Summary {
    /// New documents stored.
    added: usize,
    /// Stored documents analyzed again.
    reanalyzed: usize,
    /// Documents already stored with this analyzer.
    unchanged: usize,
    /// Inputs that could not be read or stored, with the reason.
    failed: Vec<Failure>,
    /// Repairs made while reading.
    warnings: Vec<String>,
    /// Wall-clock time.
    seconds: f64,
    /// The analyzer version the new analyses carry.
    analyzer: String,
}

#[derive(Serialize)]
struct Failure {
    path: String,
    error: String,
}

/// Run `hearsay add`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.read.paths.is_empty() && !args.reanalyze {
        return Err(UsageError("give at least one PATH to add (or --reanalyze)".into()).into());
    }
    let started = Instant::now();
    let (inputs, errors) = args.read.discover();
    let mut store = args.db.open_or_create()?;
    let analyzer = Analyzer::new()?;
    let version = analyzer.version().to_string();
    let known: HashMap<DocId, String> = store.analyzers()?;
    let mut summary = Summary {
        analyzer: version.clone(),
        ..Summary::default()
    };
    let bar = progress(super::known_count(&inputs), "documents");
    for e in errors {
        report(&bar, &e);
        summary.failed.push(Failure {
            path: e.path(),
            error: e.to_string(),
        });
    }
    // Stored documents are not analyzed again, unless --reanalyze and their analyzer differs.
    let skip = |doc: &hearsay_core::Document| match known.get(&doc.id) {
        Some(v) => !args.reanalyze || *v == version,
        None => false,
    };
    pipeline(
        &inputs,
        args.read.options(),
        &analyzer,
        &skip,
        |_, outcome| {
            bar.inc(1);
            if let Some((path, error)) = outcome.failure() {
                report(&bar, &error);
                summary.failed.push(Failure { path, error });
                return;
            }
            match outcome {
                Outcome::Failed(_) | Outcome::Crashed { .. } => {}
                Outcome::Skipped => summary.unchanged += 1,
                Outcome::Analyzed {
                    analysis, warnings, ..
                } => {
                    for w in &warnings {
                        warn(&bar, w);
                        summary.warnings.push(w.to_string());
                    }
                    match store.put(&analysis) {
                        Ok(PutOutcome::Added) => summary.added += 1,
                        Ok(PutOutcome::Reanalyzed) => summary.reanalyzed += 1,
                        Ok(PutOutcome::Unchanged) => summary.unchanged += 1,
                        Err(e) => {
                            let path = analysis.document.path.clone().unwrap_or_default();
                            report(&bar, format!("{path}: not stored: {e}"));
                            summary.failed.push(Failure {
                                path,
                                error: e.to_string(),
                            });
                        }
                    }
                }
            }
        },
    );
    if args.reanalyze {
        reanalyze(&mut store, &analyzer, &bar, &mut summary)?;
    }
    bar.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(&summary, &args.db);
    }
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Documents re-analyzed per batch (their texts are held in memory together).
const REANALYZE_BATCH: usize = 256;

/// Re-analyze every stored document whose analyzer version is not the current one.
fn reanalyze(
    store: &mut hearsay_store::SqliteStore,
    analyzer: &Analyzer,
    bar: &indicatif::ProgressBar,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    let stale = store.stale(analyzer.version())?;
    for batch in stale.chunks(REANALYZE_BATCH) {
        let docs = batch
            .iter()
            .map(|id| store.document(id))
            .collect::<Result<Vec<_>, _>>()?;
        let analyses: Vec<_> = docs.into_par_iter().map(|d| analyzer.analyze(d)).collect();
        for a in analyses {
            bar.inc(1);
            match store.put(&a)? {
                PutOutcome::Reanalyzed => summary.reanalyzed += 1,
                PutOutcome::Added => summary.added += 1,
                PutOutcome::Unchanged => summary.unchanged += 1,
            }
        }
    }
    Ok(())
}

fn print_summary(s: &Summary, db: &DbArg) {
    let total = s.added + s.reanalyzed + s.unchanged + s.failed.len();
    eprintln!(
        "{total} document{} in {:.1} s: {} added, {} re-analyzed, {} unchanged, {} failed → {}",
        if total == 1 { "" } else { "s" },
        s.seconds,
        s.added,
        s.reanalyzed,
        s.unchanged,
        s.failed.len(),
        db.db.display()
    );
    if !s.failed.is_empty() {
        eprintln!("failed:");
        for f in &s.failed {
            eprintln!("  {}", f.error);
        }
    }
    if !s.warnings.is_empty() {
        eprintln!(
            "{} warning{} (see above)",
            s.warnings.len(),
            if s.warnings.len() == 1 { "" } else { "s" }
        );
    }
}
