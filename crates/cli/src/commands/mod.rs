//! One module per subcommand, and what the everyday commands share: the
//! `--db` option, the read → analyze pipeline, progress display.

pub mod add;
pub mod analyze;
pub mod bench;
pub mod claims;
pub mod docs;
pub mod eval;
pub mod eval_attributions;
pub mod eval_language;
pub mod eval_mentions;
pub mod show;
pub mod train;
pub mod train_attributions;
pub mod train_language;

use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, Document, Flag, FlagKind, Span};
use hearsay_read::{Input, InputFormat, ReadError, ReadItem, ReadOptions, ReadWarning};
use hearsay_store::SqliteStore;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;

/// A mistake in how the command was called (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The `--db` option.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The database file.
    #[arg(
        long,
        env = "HEARSAY_DB",
        default_value = "hearsay.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,
}

impl DbArg {
    /// Open the database, creating it if needed.
    pub fn open_or_create(&self) -> anyhow::Result<SqliteStore> {
        Ok(SqliteStore::open(&self.db)?)
    }

    /// Open an existing database (a query of a database that is not there is a usage error).
    pub fn open_existing(&self) -> anyhow::Result<SqliteStore> {
        if !self.db.exists() {
            return Err(UsageError(format!(
                "no database at {} (add documents with `hearsay add PATH --db {}`, or set --db / HEARSAY_DB)",
                self.db.display(),
                self.db.display()
            ))
            .into());
        }
        self.open_or_create()
    }
}

/// Options for reading inputs, shared by `analyze` and `add`.
#[derive(clap::Args, Debug, Clone)]
pub struct ReadArgs {
    /// Files or directories to read (directories recursively: .txt, .html, .htm, .jsonl, .ndjson); `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read every input as this format instead of going by extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<From>,
    /// Skip files (and JSONL lines) larger than this many megabytes.
    #[arg(long, default_value_t = 16, value_name = "MB")]
    pub max_size: u64,
}

/// Input formats the user can force with `--from`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// Plain text.
    Txt,
    /// An HTML page.
    Html,
    /// One JSON object per line.
    Jsonl,
}

impl ReadArgs {
    /// The inputs the paths stand for, and the paths that could not be used.
    pub fn discover(&self) -> (Vec<Input>, Vec<ReadError>) {
        let found = hearsay_read::discover(&self.paths);
        let inputs = found
            .inputs
            .into_iter()
            .map(|i| match self.from {
                Some(From::Txt) => i.with_format(InputFormat::Text),
                Some(From::Html) => i.with_format(InputFormat::Html),
                Some(From::Jsonl) => i.with_format(InputFormat::Jsonl),
                None => i,
            })
            .collect();
        (inputs, found.errors)
    }

    /// The reading limits.
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_size.saturating_mul(1024 * 1024),
        }
    }
}

/// What became of one document read from the inputs.
pub enum Outcome {
    /// Read and analyzed.
    Analyzed {
        /// Output name (the input's stem).
        name: String,
        /// The analysis.
        analysis: Box<Analysis>,
        /// What was repaired while reading.
        warnings: Vec<ReadWarning>,
    },
    /// Read, and `skip` said it needs no analysis.
    Skipped,
    /// Could not be read.
    Failed(ReadError),
    /// Read, but the analyzer panicked on it (a bug to report; the batch goes on).
    Crashed {
        /// Where the document came from.
        path: String,
        /// The panic message.
        reason: String,
    },
}

impl Outcome {
    /// The message for a document that could not be read or analyzed.
    pub fn failure(&self) -> Option<(String, String)> {
        match self {
            Outcome::Failed(e) => Some((e.path(), e.to_string())),
            Outcome::Crashed { path, reason } => Some((
                path.clone(),
                format!("{path}: the analyzer failed ({reason}); please report this document"),
            )),
            _ => None,
        }
    }
}

/// Read `inputs` on one thread, analyze on all cores, and hand each outcome
/// to `sink` on the calling thread, numbered in input order (outcomes arrive
/// in any order). Documents for which `skip` is true are not analyzed.
pub fn pipeline(
    inputs: &[Input],
    options: ReadOptions,
    analyzer: &Analyzer,
    skip: &(dyn Fn(&Document) -> bool + Sync),
    mut sink: impl FnMut(usize, Outcome),
) {
    let width = rayon::current_num_threads() * 2;
    std::thread::scope(|scope| {
        let (items, item_rx) = sync_channel::<(usize, Result<ReadItem, ReadError>)>(width);
        let (outcomes, outcome_rx) = sync_channel::<(usize, Outcome)>(width);
        scope.spawn(move || {
            let mut n = 0;
            for input in inputs {
                for item in hearsay_read::read(input, &options) {
                    if items.send((n, item)).is_err() {
                        return;
                    }
                    n += 1;
                }
            }
        });
        scope.spawn(move || {
            item_rx
                .into_iter()
                .par_bridge()
                .for_each_with(outcomes, |outcomes, (n, item)| {
                    let outcome = match item {
                        Err(e) => Outcome::Failed(e),
                        Ok(item) if skip(&item.document) => Outcome::Skipped,
                        Ok(item) => {
                            let path = item
                                .document
                                .path
                                .clone()
                                .unwrap_or_else(|| item.name.clone());
                            let document = item.document;
                            // One document that trips a bug in a stage must not end the batch.
                            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                analyzer.analyze(document)
                            })) {
                                Ok(mut analysis) => {
                                    flag_replacements(&mut analysis, &item.warnings);
                                    Outcome::Analyzed {
                                        name: item.name,
                                        analysis: Box::new(analysis),
                                        warnings: item.warnings,
                                    }
                                }
                                Err(panic) => Outcome::Crashed {
                                    path,
                                    reason: panic_message(panic.as_ref()),
                                },
                            }
                        }
                    };
                    // The receiver only goes away when the caller stops early.
                    let _ = outcomes.send((n, outcome));
                });
        });
        for (n, outcome) in outcome_rx {
            sink(n, outcome);
        }
    });
}

/// The text of a panic payload.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Most U+FFFD positions listed in one flag.
const MAX_FLAGGED_REPLACEMENTS: usize = 100;

/// Mark text that had to be repaired while reading (invalid UTF-8 or NUL bytes
/// replaced by U+FFFD), so that an analyst sees it: one flag listing the places.
fn flag_replacements(analysis: &mut Analysis, warnings: &[ReadWarning]) {
    let notes: Vec<String> = warnings
        .iter()
        .filter(|w| matches!(w, ReadWarning::Replaced { .. } | ReadWarning::Nul { .. }))
        .map(ToString::to_string)
        .collect();
    if notes.is_empty() {
        return;
    }
    let mentions = analysis
        .text()
        .match_indices('\u{FFFD}')
        .take(MAX_FLAGGED_REPLACEMENTS)
        .map(|(i, s)| Span::new(i, i + s.len()))
        .collect();
    analysis.flags.push(Flag {
        kind: FlagKind::DecodingReplaced,
        entities: Vec::new(),
        mentions,
        note: notes.join("; "),
    });
}

/// A progress display on standard error when it is a terminal, hidden otherwise.
pub fn progress(total: Option<u64>, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} ({per_sec}, {eta} left)")
                .expect("a valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} {msg} ({per_sec})")
                .expect("a valid template"),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.set_message(what.to_string());
    bar
}

/// How many documents `inputs` hold, when that is known before reading
/// (every input a text or HTML file).
pub fn known_count(inputs: &[Input]) -> Option<u64> {
    inputs
        .iter()
        .all(|i| {
            matches!(
                i,
                Input::File {
                    format: Some(InputFormat::Text | InputFormat::Html),
                    ..
                }
            )
        })
        .then_some(inputs.len() as u64)
}

/// Print a warning on standard error (above the progress bar).
pub fn warn(bar: &ProgressBar, msg: impl std::fmt::Display) {
    bar.suspend(|| eprintln!("hearsay: warning: {msg}"));
}

/// Print an error about one input on standard error (above the progress bar).
pub fn report(bar: &ProgressBar, msg: impl std::fmt::Display) {
    bar.suspend(|| eprintln!("hearsay: {msg}"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::Stage;

    /// A stage with a bug: it panics on documents that say "boom".
    struct Fragile;

    impl Stage for Fragile {
        fn name(&self) -> &'static str {
            "fragile"
        }
        fn annotate(&self, a: &mut Analysis) {
            assert!(!a.text().contains("boom"), "fragile stage met a boom");
        }
    }

    #[test]
    fn a_panicking_stage_fails_one_document_not_the_batch() {
        let dir = tempfile::tempdir().unwrap();
        let inputs: Vec<Input> = ["It rained.", "boom", "It snowed."]
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, text).unwrap();
                Input::File {
                    path,
                    format: Some(InputFormat::Text),
                }
            })
            .collect();
        let analyzer = Analyzer::from_stages(vec![Box::new(Fragile)]);
        let mut seen = Vec::new();
        pipeline(
            &inputs,
            ReadOptions::default(),
            &analyzer,
            &|_| false,
            |n, outcome| {
                let what = match &outcome {
                    Outcome::Analyzed { .. } => "analyzed".to_string(),
                    Outcome::Crashed { reason, .. } => format!("crashed: {reason}"),
                    Outcome::Skipped => "skipped".to_string(),
                    Outcome::Failed(e) => format!("failed: {e}"),
                };
                seen.push((n, what));
            },
        );
        seen.sort();
        assert_eq!(
            seen,
            [
                (0, "analyzed".to_string()),
                (1, "crashed: fragile stage met a boom".to_string()),
                (2, "analyzed".to_string())
            ]
        );
    }
}
