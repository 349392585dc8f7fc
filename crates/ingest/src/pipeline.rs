//! The read → analyze part of ingest: one reader thread, analysis on all
//! cores, outcomes handed back to the caller's thread. A [`Gate`] decides
//! before each input is read and each document analyzed, and hears when each
//! is over (the run journal of `add` listens there).

use crate::hooks;
use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, DocId, Document, Flag, FlagKind, Span};
use hearsay_read::{Input, ReadError, ReadItem, ReadOptions, ReadWarning};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::fmt;
use std::ops::ControlFlow;
use std::sync::mpsc::sync_channel;

/// Something the user should know about a document that was still read and
/// analyzed; each names the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Repaired while reading.
    Read(ReadWarning),
    /// Not written in English: kept with its metadata and language, without
    /// entities, attributions or claims.
    UnsupportedLanguage {
        /// The file (or `FILE:LINE`, `-`).
        path: String,
        /// Which language, and what was left out (the flag's note).
        note: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Read(w) => w.fmt(f),
            Warning::UnsupportedLanguage { path, note } => write!(f, "{path}: {note}"),
        }
    }
}

impl Warning {
    /// The warnings for one analyzed document: what reading repaired, then an
    /// unsupported language.
    pub fn of(analysis: &Analysis, read: Vec<ReadWarning>, path: &str) -> Vec<Warning> {
        let mut out: Vec<Warning> = read.into_iter().map(Warning::Read).collect();
        out.extend(
            analysis
                .flags
                .iter()
                .filter(|f| f.kind == FlagKind::UnsupportedLanguage)
                .map(|f| Warning::UnsupportedLanguage {
                    path: path.to_string(),
                    note: f.note.clone(),
                }),
        );
        out
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
        /// What was repaired while reading, and whether the language is unsupported.
        warnings: Vec<Warning>,
    },
    /// Read, and the gate said it needs no analysis.
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
    /// Held back by the gate: reading or analyzing it killed hearsay before.
    Quarantined {
        /// The input file, or where the document came from.
        path: String,
        /// Why, in words.
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
            Outcome::Quarantined { path, reason } => {
                Some((path.clone(), format!("{path}: quarantined: {reason}")))
            }
            _ => None,
        }
    }
}

/// What to do with an input or a document before reading or analyzing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admit {
    /// Go ahead.
    Go,
    /// Leave it: it needs no analysis (a document already stored).
    Skip,
    /// Hold it back, for this reason (reading or analyzing it killed hearsay before).
    Quarantine(String),
}

/// Decides which inputs are read and which documents analyzed, and hears when
/// each is over.
pub trait Gate: Sync {
    /// Before `input` is read, on the reader thread (`Skip` reads it all the same).
    fn admit_input(&self, _input: &Input) -> Admit {
        Admit::Go
    }
    /// Reading `input` is over.
    fn input_done(&self, _input: &Input) {}
    /// Before `document` is analyzed, on an analysis thread.
    fn admit(&self, document: &Document) -> Admit;
    /// The analysis of the document `id` is over (also when it panicked).
    fn done(&self, _id: &DocId) {}
}

/// The gate of `hearsay analyze`: every input read, every document analyzed.
pub struct Everything;

impl Gate for Everything {
    fn admit(&self, _document: &Document) -> Admit {
        Admit::Go
    }
}

/// What the reader hands to the analysis threads.
enum Item {
    Read(Box<Result<ReadItem, ReadError>>),
    Quarantined { path: String, reason: String },
}

/// Read every document of `input` (what `pipeline`'s reader does for one input).
pub fn read_input(input: &Input, options: &ReadOptions) -> hearsay_read::Items {
    hooks::before_reading(&input.display());
    hearsay_read::read(input, options)
}

/// Analyze `document` (what `pipeline`'s analysis threads do for one document).
pub fn analyze_document(analyzer: &Analyzer, document: Document) -> Analysis {
    hooks::before_analyzing(&document.text);
    analyzer.analyze(document)
}

/// Read `inputs` on one thread, analyze on all cores, and hand each outcome
/// to `sink` on the calling thread, numbered in input order (outcomes arrive
/// in any order). `gate` decides which inputs are read and which documents
/// analyzed. When `sink` breaks (its reader went away), reading and analysis
/// stop soon after.
pub fn pipeline(
    inputs: &[Input],
    options: ReadOptions,
    analyzer: &Analyzer,
    gate: &dyn Gate,
    mut sink: impl FnMut(usize, Outcome) -> ControlFlow<()>,
) {
    let width = rayon::current_num_threads() * 2;
    std::thread::scope(|scope| {
        let (items, item_rx) = sync_channel::<(usize, Item)>(width);
        let (outcomes, outcome_rx) = sync_channel::<(usize, Outcome)>(width);
        scope.spawn(move || {
            let mut n = 0;
            for input in inputs {
                if let Admit::Quarantine(reason) = gate.admit_input(input) {
                    let path = input.display();
                    if items.send((n, Item::Quarantined { path, reason })).is_err() {
                        return;
                    }
                    n += 1;
                    continue;
                }
                for item in read_input(input, &options) {
                    if items.send((n, Item::Read(Box::new(item)))).is_err() {
                        return;
                    }
                    n += 1;
                }
                gate.input_done(input);
            }
        });
        scope.spawn(move || {
            // Ends early (dropping `item_rx`, which stops the reader) once the caller stops.
            let _ = item_rx.into_iter().par_bridge().try_for_each_with(
                outcomes,
                |outcomes, (n, item)| {
                    let outcome = match item {
                        Item::Quarantined { path, reason } => Outcome::Quarantined { path, reason },
                        Item::Read(read) => match *read {
                            Err(e) => Outcome::Failed(e),
                            Ok(item) => analyze_item(analyzer, gate, item),
                        },
                    };
                    // The receiver only goes away when the caller stops early.
                    outcomes.send((n, outcome))
                },
            );
        });
        for (n, outcome) in outcome_rx {
            if sink(n, outcome).is_break() {
                break;
            }
        }
    });
}

/// Analyze one document read, as the gate says.
fn analyze_item(analyzer: &Analyzer, gate: &dyn Gate, item: ReadItem) -> Outcome {
    let path = item
        .document
        .path
        .clone()
        .unwrap_or_else(|| item.name.clone());
    match gate.admit(&item.document) {
        Admit::Go => {}
        Admit::Skip => return Outcome::Skipped,
        Admit::Quarantine(reason) => return Outcome::Quarantined { path, reason },
    }
    let document = item.document;
    let id = document.id.clone();
    // One document that trips a bug in a stage must not end the batch.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyze_document(analyzer, document)
    }));
    gate.done(&id);
    match result {
        Ok(mut analysis) => {
            flag_replacements(&mut analysis, &item.warnings);
            let warnings = Warning::of(&analysis, item.warnings, &path);
            Outcome::Analyzed {
                name: item.name,
                analysis: Box::new(analysis),
                warnings,
            }
        }
        Err(panic) => Outcome::Crashed {
            path,
            reason: panic_message(panic.as_ref()),
        },
    }
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
pub fn flag_replacements(analysis: &mut Analysis, warnings: &[ReadWarning]) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::Stage;
    use hearsay_read::InputFormat;

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
            &Everything,
            |n, outcome| {
                let what = match &outcome {
                    Outcome::Analyzed { .. } => "analyzed".to_string(),
                    Outcome::Crashed { reason, .. } => format!("crashed: {reason}"),
                    Outcome::Skipped => "skipped".to_string(),
                    Outcome::Failed(e) => format!("failed: {e}"),
                    Outcome::Quarantined { reason, .. } => format!("quarantined: {reason}"),
                };
                seen.push((n, what));
                ControlFlow::Continue(())
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
