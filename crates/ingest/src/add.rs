//! Adding documents to a store: read, analyze on all cores, store through one
//! writer thread in batches, then resolve each batch into the claim graph.
//!
//! The writer is a thread of its own, fed through a bounded channel, so that
//! analysis does not wait while a batch commits. It stores whole documents
//! several at a time, one transaction per batch: at most [`BATCH_DOCS`]
//! documents, and no document waits more than [`BATCH_WAIT`] for its commit.
//! A crash (even `kill -9`) loses at most the batch being written, never part
//! of a document, and adding the same inputs again stores exactly what is missing.
//! An input that kills the process is quarantined by the next run (see
//! [`crate::quarantine`]) instead of killing it too.

use crate::journal::{Orphans, RunJournal};
use crate::pipeline::{Admit, Gate, Outcome, Warning, analyze_document, pipeline};
use crate::quarantine::{Change, Guard, Isolation, Rules};
use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, DocId};
use hearsay_read::{Input, ReadOptions};
use hearsay_resolve::DocFacts;
use hearsay_store::{Held, HeldInput, HeldState, Put, PutOutcome, Store, StoreError};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::time::{Duration, Instant};

/// Most documents stored in one transaction. Larger batches cost less CPU per
/// document (docs/PERFORMANCE.md) but are lost together by a crash.
pub const BATCH_DOCS: usize = 256;

/// Longest a stored document waits for its transaction to commit, so that
/// documents from a slow input still appear (and survive a crash) promptly.
pub const BATCH_WAIT: Duration = Duration::from_secs(1);

/// What [`add`] reports while it works (a progress bar, a log, a server response).
pub trait Observer: Sync {
    /// One more input document was dealt with (stored, skipped or failed).
    fn progressed(&self) {}
    /// An input or a document could not be read, analyzed or stored.
    fn failed(&self, _failure: &Failure) {}
    /// Something was repaired while reading, or a document is not in English.
    fn warned(&self, _message: &str) {}
}

/// An observer that ignores everything.
pub struct Quiet;

impl Observer for Quiet {}

/// How [`add`] treats what is already stored, and how it guards against
/// inputs that kill the process.
#[derive(Clone, Copy, Default)]
pub struct AddOptions<'a> {
    /// Also re-analyze stored documents whose analysis came from another analyzer version.
    pub reanalyze: bool,
    /// Try quarantined inputs again (alone first).
    pub retry_quarantined: bool,
    /// The database file: the run journal is kept beside it. Without it, no
    /// journal is kept (inputs held by earlier runs are still honoured).
    pub journal: Option<&'a Path>,
    /// Where held inputs are tried alone; without it they are refused.
    pub isolation: Option<&'a dyn Isolation>,
}

/// One input that could not be read, analyzed or stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The file (or `FILE:LINE`, `-`) it came from.
    pub path: String,
    /// The reason, naming the input.
    pub error: String,
}

/// What [`add`] did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AddSummary {
    /// New documents stored.
    pub added: usize,
    /// Stored documents analyzed again.
    pub reanalyzed: usize,
    /// Documents already stored with this analyzer.
    pub unchanged: usize,
    /// Inputs that could not be read or stored, with the reason.
    pub failed: Vec<Failure>,
    /// Inputs held back because reading or analyzing them killed hearsay.
    pub quarantined: Vec<Failure>,
    /// Repairs made while reading, and documents not in English (stored
    /// without entities, attributions or claims), each naming its input.
    pub warnings: Vec<String>,
    /// The analyzer version the new analyses carry.
    pub analyzer: String,
    /// The graph after resolving what was added.
    pub resolved: crate::ResolveSummary,
}

impl AddSummary {
    /// All documents dealt with.
    pub fn total(&self) -> usize {
        self.added + self.reanalyzed + self.unchanged + self.failed.len() + self.quarantined.len()
    }
}

/// Errors that stop [`add`] as a whole (a single bad input never does).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The store could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The writer thread stopped unexpectedly.
    #[error("the database writer failed unexpectedly")]
    Writer,
    /// The run journal beside the database could not be kept.
    #[error("the run journal beside the database: {0}")]
    Journal(#[from] std::io::Error),
}

/// What the writer thread is given.
enum Job {
    Store(Box<Stored>),
    Change(Change),
}

/// Read `inputs`, analyze what is not stored yet, store it in batches and
/// resolve every stored batch into the claim graph.
///
/// `read_errors` are inputs that could not even be found (from discovery); they
/// are reported and counted as failed like the others.
pub fn add<S: Store + Send>(
    store: &mut S,
    analyzer: &Analyzer,
    inputs: &[Input],
    read_options: ReadOptions,
    options: AddOptions<'_>,
    observer: &dyn Observer,
) -> Result<AddSummary, IngestError> {
    let version = analyzer.version().to_string();
    let mut summary = AddSummary {
        analyzer: version.clone(),
        ..AddSummary::default()
    };
    let journal = match options.journal {
        Some(db) => {
            let (journal, orphans) = RunJournal::begin(db)?;
            hold_orphans(store, orphans, &version, observer, &mut summary)?;
            Some(journal)
        }
        None => None,
    };
    let known: HashMap<DocId, String> = store.analyzers()?;
    let held: HashMap<String, Held> = store
        .held()?
        .into_iter()
        .map(|h| (h.input.key(), h))
        .collect();
    let (to_store, queue) = sync_channel::<Job>(BATCH_DOCS);
    let rules = Rules {
        known: &known,
        version: &version,
        reanalyze: options.reanalyze,
        retry: options.retry_quarantined,
        journal: journal.as_ref(),
        isolation: options.isolation,
        read_options,
    };
    let tally = std::thread::scope(|scope| {
        let writer = scope.spawn(|| write_batches(store, queue, observer));
        {
            let changes = {
                let to_store = to_store.clone();
                move |c: Change| {
                    // The writer only goes away if it panicked, which the join reports.
                    let _ = to_store.send(Job::Change(c));
                }
            };
            let guard = Guard {
                rules,
                held: held.clone(),
                changes: &changes,
            };
            pipeline(inputs, read_options, analyzer, &guard, |_, outcome| {
                take(outcome, &to_store, observer, &mut summary);
                ControlFlow::Continue(())
            });
        }
        drop(to_store);
        writer.join()
    })
    .map_err(|_| IngestError::Writer)??;
    tally.add_to(&mut summary);
    if options.reanalyze {
        let changes = std::sync::Mutex::new(Vec::new());
        let record = |c: Change| changes.lock().unwrap_or_else(|e| e.into_inner()).push(c);
        let guard = Guard {
            rules,
            held,
            changes: &record,
        };
        reanalyze(store, analyzer, &guard, observer, &mut summary)?;
        apply(
            store,
            changes.into_inner().unwrap_or_else(|e| e.into_inner()),
        )?;
        // Re-analysed documents keep their stories: recompute all of them.
        summary.resolved = crate::resolve_all(store, analyzer)?;
    } else {
        let rest = crate::resolve_new(store)?;
        summary.resolved.add(&rest);
    }
    Ok(summary)
}

/// Deal with one outcome of the pipeline: report it, or send it to the writer.
fn take(
    outcome: Outcome,
    to_store: &SyncSender<Job>,
    observer: &dyn Observer,
    summary: &mut AddSummary,
) {
    if let Some((path, error)) = outcome.failure() {
        let failure = Failure { path, error };
        observer.failed(&failure);
        observer.progressed();
        match outcome {
            Outcome::Quarantined { .. } => summary.quarantined.push(failure),
            _ => summary.failed.push(failure),
        }
        return;
    }
    match outcome {
        Outcome::Failed(_) | Outcome::Crashed { .. } | Outcome::Quarantined { .. } => {}
        Outcome::Skipped => {
            observer.progressed();
            summary.unchanged += 1
        }
        Outcome::Analyzed {
            mut analysis,
            warnings,
            ..
        } => {
            let left_out = left_out_of_graph(&analysis);
            for w in warnings.iter().map(ToString::to_string).chain(left_out) {
                observer.warned(&w);
                summary.warnings.push(w);
            }
            let facts = hearsay_resolve::extract(&analysis);
            drop_unstored_layers(&mut analysis);
            // The writer only goes away if it panicked, which the join reports.
            let _ = to_store.send(Job::Store(Box::new(Stored {
                analysis: *analysis,
                facts,
            })));
        }
    }
}

/// The warning for a document too long for the claim graph
/// ([`hearsay_resolve::MAX_GRAPH_ATTRIBUTIONS`]), which is stored all the same.
fn left_out_of_graph(analysis: &Analysis) -> Option<String> {
    let n = analysis.attributions.len();
    (n > hearsay_resolve::MAX_GRAPH_ATTRIBUTIONS).then(|| {
        let path = analysis.document.path.as_deref().unwrap_or("-");
        format!(
            "{path}: {n} attributions, more than the claim graph takes from one document ({}); stored and searchable, left out of the graph",
            hearsay_resolve::MAX_GRAPH_ATTRIBUTIONS
        )
    })
}

/// Hold what the runs that died had started as suspect, then forget their journals.
fn hold_orphans<S: Store>(
    store: &mut S,
    orphans: Orphans,
    version: &str,
    observer: &dyn Observer,
    summary: &mut AddSummary,
) -> Result<(), IngestError> {
    if !orphans.suspects.is_empty() {
        let held: Vec<Held> = orphans
            .suspects
            .iter()
            .map(|s| Held {
                reason: match s.input {
                    HeldInput::Document { .. } => {
                        format!("hearsay ({}) died while analyzing it", s.run)
                    }
                    HeldInput::File { .. } => format!("hearsay ({}) died while reading it", s.run),
                },
                input: s.input.clone(),
                path: s.path.clone(),
                state: HeldState::Suspect,
                analyzer: version.to_string(),
                since: String::new(),
            })
            .collect();
        store.hold(&held)?;
        let n = held.len();
        let message = format!(
            "an earlier run died while reading or analyzing {n} input{}: each is tried alone before it is read or analyzed again",
            if n == 1 { "" } else { "s" }
        );
        observer.warned(&message);
        summary.warnings.push(message);
    }
    orphans.forget()?;
    Ok(())
}

/// Apply changes to the held inputs.
fn apply<S: Store>(store: &mut S, changes: Vec<Change>) -> Result<(), StoreError> {
    for change in changes {
        match change {
            Change::Hold(held) => store.hold(std::slice::from_ref(&held))?,
            Change::Release(input) => store.release(&input)?,
        }
    }
    Ok(())
}

/// Documents re-analyzed per batch (their texts are held in memory together).
const REANALYZE_BATCH: usize = BATCH_DOCS;

/// Re-analyze every stored document whose analyzer version is not the current
/// one (held documents as `guard` says).
fn reanalyze<S: Store>(
    store: &mut S,
    analyzer: &Analyzer,
    guard: &Guard<'_>,
    observer: &dyn Observer,
    summary: &mut AddSummary,
) -> Result<(), IngestError> {
    let stale = store.stale(analyzer.version())?;
    let mut tally = Tally::default();
    for batch in stale.chunks(REANALYZE_BATCH) {
        let docs = batch
            .iter()
            .map(|id| store.document(id))
            .collect::<Result<Vec<_>, _>>()?;
        let results: Vec<Result<Stored, Failure>> = docs
            .into_par_iter()
            .map(|d| {
                if let Admit::Quarantine(reason) = guard.admit_analysis(&d) {
                    let path = d.path.clone().unwrap_or_else(|| d.id.to_string());
                    return Err(Failure {
                        error: format!("{path}: quarantined: {reason}"),
                        path,
                    });
                }
                let id = d.id.clone();
                let mut analysis = analyze_document(analyzer, d);
                guard.done(&id);
                let facts = hearsay_resolve::extract(&analysis);
                drop_unstored_layers(&mut analysis);
                Ok(Stored { analysis, facts })
            })
            .collect();
        let mut stored = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(s) => stored.push(s),
                Err(failure) => {
                    observer.failed(&failure);
                    observer.progressed();
                    summary.quarantined.push(failure);
                }
            }
        }
        for s in &stored {
            let d = &s.analysis.document;
            let path = d.path.clone().unwrap_or_else(|| d.id.to_string());
            for w in Warning::of(&s.analysis, Vec::new(), &path) {
                let w = w.to_string();
                observer.warned(&w);
                summary.warnings.push(w);
            }
        }
        let items: Vec<Put> = stored.iter().map(Stored::put).collect();
        tally.count(&stored, store.put_batch(&items), observer);
    }
    tally.add_to(summary);
    Ok(())
}

/// An analysis on its way to the store, with the resolve facts read out of it.
struct Stored {
    analysis: Analysis,
    facts: DocFacts,
}

impl Stored {
    fn put(&self) -> Put<'_> {
        Put {
            analysis: &self.analysis,
            facts: Some(&self.facts),
        }
    }
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
    resolved: crate::ResolveSummary,
}

impl Tally {
    /// Count the outcomes of one batch, reporting the documents that could not be stored.
    fn count(
        &mut self,
        batch: &[Stored],
        outcomes: Vec<Result<PutOutcome, StoreError>>,
        observer: &dyn Observer,
    ) {
        for (stored, outcome) in batch.iter().zip(outcomes) {
            let analysis = &stored.analysis;
            observer.progressed();
            match outcome {
                Ok(PutOutcome::Added) => self.added += 1,
                Ok(PutOutcome::Reanalyzed) => self.reanalyzed += 1,
                Ok(PutOutcome::Unchanged) => self.unchanged += 1,
                Err(e) => {
                    let path = analysis.document.path.clone().unwrap_or_default();
                    let failure = Failure {
                        error: format!("{path}: not stored: {e}"),
                        path,
                    };
                    observer.failed(&failure);
                    self.failed.push(failure);
                }
            }
        }
    }

    fn add_to(self, summary: &mut AddSummary) {
        summary.added += self.added;
        summary.reanalyzed += self.reanalyzed;
        summary.unchanged += self.unchanged;
        summary.failed.extend(self.failed);
        summary.resolved.add(&self.resolved);
    }
}

/// The writer thread: store what arrives on `queue`, whole documents in batches
/// (changes to the held inputs at once)
/// of at most [`BATCH_DOCS`], committing no later than [`BATCH_WAIT`] after the
/// first document of a batch arrived, until the queue closes.
fn write_batches<S: Store>(
    store: &mut S,
    queue: Receiver<Job>,
    observer: &dyn Observer,
) -> Result<Tally, IngestError> {
    let mut tally = Tally::default();
    let mut batch: Vec<Stored> = Vec::with_capacity(BATCH_DOCS);
    let mut deadline: Option<Instant> = None;
    loop {
        let next = match deadline {
            None => queue.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(d) => queue.recv_timeout(d.saturating_duration_since(Instant::now())),
        };
        let closed = match next {
            Ok(Job::Change(change)) => {
                apply(store, vec![change])?;
                continue;
            }
            Ok(Job::Store(stored)) => {
                deadline.get_or_insert_with(|| Instant::now() + BATCH_WAIT);
                batch.push(*stored);
                if batch.len() < BATCH_DOCS {
                    continue;
                }
                false
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => true,
        };
        if !batch.is_empty() {
            let items: Vec<Put> = batch.iter().map(Stored::put).collect();
            let outcomes = store.put_batch(&items);
            tally.count(&batch, outcomes, observer);
            batch.clear();
            // The committed documents join the graph now, so that a crash later loses no resolve.
            let resolved = crate::resolve_new(store)?;
            tally.resolved.add(&resolved);
        }
        deadline = None;
        if closed {
            return Ok(tally);
        }
    }
}
