//! `hearsay add PATH...`: read, analyze on all cores, store through one writer.
//!
//! The writer is a thread of its own, fed through a bounded channel, so that
//! analysis does not wait while a batch commits. It stores whole documents
//! several at a time, one transaction per batch: at most [`BATCH_DOCS`]
//! documents, and no document waits more than [`BATCH_WAIT`] for its commit.
//! A crash (even `kill -9`) loses at most the batch being written, never part
//! of a document, and adding the same inputs again stores exactly what is missing.

use super::outln;
use super::{DbArg, Outcome, ReadArgs, UsageError, pipeline, progress, report, warn};
use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, DocId};
use hearsay_store::{PutOutcome, SqliteStore, Store, StoreError};
use indicatif::ProgressBar;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::{Duration, Instant};

/// Most documents stored in one transaction. Larger batches cost less CPU per
/// document (docs/PERFORMANCE.md) but are lost together by a crash.
const BATCH_DOCS: usize = 256;

/// Longest a stored document waits for its transaction to commit, so that
/// documents from a slow input still appear (and survive a crash) promptly.
const BATCH_WAIT: Duration = Duration::from_secs(1);

/// Arguments of `hearsay add`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay add examples/ --db news.db          # every .txt/.html/.jsonl below examples/
  hearsay add examples/sample-feed.jsonl examples/sample-page.html   # into hearsay.db
  cat examples/sample-article.txt | hearsay add - --db news.db       # standard input
  hearsay add --reanalyze --db news.db        # redo documents analyzed by an older analyzer

A document already stored (the same text) is left as it is, whichever analyzer
version produced its analysis; --reanalyze redoes those of other versions.")]
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
    let (to_store, queue) = sync_channel::<Box<Analysis>>(BATCH_DOCS);
    let tally = std::thread::scope(|scope| {
        let writer = scope.spawn(|| write_batches(&mut store, queue, &bar));
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
                    return ControlFlow::Continue(());
                }
                match outcome {
                    Outcome::Failed(_) | Outcome::Crashed { .. } => {}
                    Outcome::Skipped => summary.unchanged += 1,
                    Outcome::Analyzed {
                        mut analysis,
                        warnings,
                        ..
                    } => {
                        for w in &warnings {
                            warn(&bar, w);
                            summary.warnings.push(w.to_string());
                        }
                        drop_unstored_layers(&mut analysis);
                        // The writer only goes away if it panicked, which the join reports.
                        let _ = to_store.send(analysis);
                    }
                }
                ControlFlow::Continue(())
            },
        );
        drop(to_store);
        writer.join()
    })
    .map_err(|_| anyhow::anyhow!("the database writer failed unexpectedly"))?;
    tally.add_to(&mut summary);
    if args.reanalyze {
        reanalyze(&mut store, &analyzer, &bar, &mut summary)?;
    }
    bar.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&summary)?)?;
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
const REANALYZE_BATCH: usize = BATCH_DOCS;

/// Re-analyze every stored document whose analyzer version is not the current one.
fn reanalyze(
    store: &mut SqliteStore,
    analyzer: &Analyzer,
    bar: &ProgressBar,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    let stale = store.stale(analyzer.version())?;
    let mut tally = Tally::default();
    for batch in stale.chunks(REANALYZE_BATCH) {
        let docs = batch
            .iter()
            .map(|id| store.document(id))
            .collect::<Result<Vec<_>, _>>()?;
        let analyses: Vec<Analysis> = docs
            .into_par_iter()
            .map(|d| {
                let mut a = analyzer.analyze(d);
                drop_unstored_layers(&mut a);
                a
            })
            .collect();
        bar.inc(analyses.len() as u64);
        let refs: Vec<&Analysis> = analyses.iter().collect();
        tally.count(&refs, store.put_batch(&refs), bar);
    }
    tally.add_to(summary);
    Ok(())
}

/// Free the layers the store does not keep (tokens and NER spans, most of an
/// analysis's memory) before the analysis waits in the writer's queue.
fn drop_unstored_layers(analysis: &mut Analysis) {
    analysis.tokens = Vec::new();
    analysis.ner = Vec::new();
}

/// What the writer did.
#[derive(Default)]
struct Tally {
    added: usize,
    reanalyzed: usize,
    unchanged: usize,
    failed: Vec<Failure>,
}

impl Tally {
    /// Count the outcomes of one batch, reporting the documents that could not be stored.
    fn count(
        &mut self,
        batch: &[&Analysis],
        outcomes: Vec<Result<PutOutcome, StoreError>>,
        bar: &ProgressBar,
    ) {
        for (analysis, outcome) in batch.iter().zip(outcomes) {
            match outcome {
                Ok(PutOutcome::Added) => self.added += 1,
                Ok(PutOutcome::Reanalyzed) => self.reanalyzed += 1,
                Ok(PutOutcome::Unchanged) => self.unchanged += 1,
                Err(e) => {
                    let path = analysis.document.path.clone().unwrap_or_default();
                    report(bar, format!("{path}: not stored: {e}"));
                    self.failed.push(Failure {
                        path,
                        error: e.to_string(),
                    });
                }
            }
        }
    }

    fn add_to(self, summary: &mut Summary) {
        summary.added += self.added;
        summary.reanalyzed += self.reanalyzed;
        summary.unchanged += self.unchanged;
        summary.failed.extend(self.failed);
    }
}

/// The writer thread: store what arrives on `queue`, whole documents in batches
/// of at most [`BATCH_DOCS`], committing no later than [`BATCH_WAIT`] after the
/// first document of a batch arrived, until the queue closes.
fn write_batches(
    store: &mut SqliteStore,
    queue: Receiver<Box<Analysis>>,
    bar: &ProgressBar,
) -> Tally {
    let mut tally = Tally::default();
    let mut batch: Vec<Box<Analysis>> = Vec::with_capacity(BATCH_DOCS);
    let mut deadline: Option<Instant> = None;
    loop {
        let next = match deadline {
            None => queue.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(d) => queue.recv_timeout(d.saturating_duration_since(Instant::now())),
        };
        let closed = match next {
            Ok(analysis) => {
                deadline.get_or_insert_with(|| Instant::now() + BATCH_WAIT);
                batch.push(analysis);
                if batch.len() < BATCH_DOCS {
                    continue;
                }
                false
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => true,
        };
        if !batch.is_empty() {
            let refs: Vec<&Analysis> = batch.iter().map(|a| a.as_ref()).collect();
            let outcomes = store.put_batch(&refs);
            tally.count(&refs, outcomes, bar);
            batch.clear();
        }
        deadline = None;
        if closed {
            return tally;
        }
    }
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
