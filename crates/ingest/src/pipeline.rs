//! The read → analyze part of ingest: one reader thread, analysis on all
//! cores, outcomes handed back to the caller's thread.

use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, Document, Flag, FlagKind, Span};
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
/// in any order). Documents for which `skip` is true are not analyzed. When
/// `sink` breaks (its reader went away), reading and analysis stop soon after.
pub fn pipeline(
    inputs: &[Input],
    options: ReadOptions,
    analyzer: &Analyzer,
    skip: &(dyn Fn(&Document) -> bool + Sync),
    mut sink: impl FnMut(usize, Outcome) -> ControlFlow<()>,
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
            // Ends early (dropping `item_rx`, which stops the reader) once the caller stops.
            let _ = item_rx.into_iter().par_bridge().try_for_each_with(
                outcomes,
                |outcomes, (n, item)| {
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
            &|_| false,
            |n, outcome| {
                let what = match &outcome {
                    Outcome::Analyzed { .. } => "analyzed".to_string(),
                    Outcome::Crashed { reason, .. } => format!("crashed: {reason}"),
                    Outcome::Skipped => "skipped".to_string(),
                    Outcome::Failed(e) => format!("failed: {e}"),
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
