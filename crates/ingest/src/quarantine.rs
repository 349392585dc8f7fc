//! Quarantine: an input that kills the process (a stack overflow, an
//! allocation failure, an abort in a dependency) must not kill every later run.
//!
//! 1. While [`add`](crate::add) runs, its [`RunJournal`] records each input
//!    file as reading starts and ends, and each document as analysis starts and
//!    ends.
//! 2. The next run finds the journal of a run that died and holds what it had
//!    started and not ended in the database as *suspect* ([`HeldState::Suspect`]):
//!    the input that killed it is among them (with the documents that happened
//!    to be analyzed beside it, or a run that was killed from outside).
//! 3. When a run meets a suspect, it first tries it alone, in a child process
//!    ([`Isolation`]). If the child survives, the suspect is released and
//!    analyzed as usual; if the child dies, the input is *quarantined*: reported
//!    as such and skipped by this run and every later one, until another
//!    analyzer version (or `--retry-quarantined`).
//!
//! So the run after a crash does not crash again, and an input that a `kill -9`
//! merely interrupted is stored like any other.

use crate::journal::{RunJournal, fingerprint};
use crate::pipeline::{Admit, Gate};
use hearsay_core::{DocId, Document};
use hearsay_read::{Input, ReadOptions};
use hearsay_store::{Held, HeldInput, HeldState};
use std::collections::HashMap;

/// What came of trying an input alone in a process of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trial {
    /// The process read or analyzed it and ended normally (or with a caught panic).
    Survived,
    /// The process died of it; how, in words ("killed by signal 6 (SIGABRT)").
    Died(String),
    /// The trial tells nothing (the process could not start, or was stopped
    /// from outside); why, in words.
    Inconclusive(String),
}

/// Reading or analyzing an input where its death cannot take the caller with it.
pub trait Isolation: Sync {
    /// Analyze `document` in a process of its own.
    fn analyze_alone(&self, document: &Document) -> Trial;
    /// Read every document of `input` (a file) in a process of its own.
    fn read_alone(&self, input: &Input, options: &ReadOptions) -> Trial;
}

/// A change to the held inputs, made by the writer thread (which owns the store).
#[derive(Debug)]
pub(crate) enum Change {
    Hold(Held),
    Release(HeldInput),
}

/// The gate of `add`: stored documents skipped, held inputs tried alone or
/// refused, every start and end journaled.
pub(crate) struct Guard<'a> {
    /// What to skip, and how.
    pub rules: Rules<'a>,
    /// The held inputs, by key.
    pub held: HashMap<String, Held>,
    /// Where changes to the held inputs go.
    pub changes: &'a (dyn Fn(Change) + Sync),
}

/// The settings of a [`Guard`].
#[derive(Clone, Copy)]
pub(crate) struct Rules<'a> {
    /// The analyzer version of every stored document.
    pub known: &'a HashMap<DocId, String>,
    /// This analyzer's version.
    pub version: &'a str,
    /// Re-analyze documents stored by another analyzer version.
    pub reanalyze: bool,
    /// Try quarantined inputs again.
    pub retry: bool,
    /// This run's journal.
    pub journal: Option<&'a RunJournal>,
    /// Where held inputs are tried.
    pub isolation: Option<&'a dyn Isolation>,
    /// How inputs are read (for trials).
    pub read_options: ReadOptions,
}

impl Guard<'_> {
    /// Whether `document` may be analyzed (also for re-analysis of stored ones).
    pub fn admit_analysis(&self, document: &Document) -> Admit {
        if let Some(held) = self.held.get(document.id.as_str())
            && let Some(reason) = self.judge(held, |i| i.analyze_alone(document))
        {
            return Admit::Quarantine(reason);
        }
        if let Some(journal) = self.rules.journal {
            journal.analyzing(document);
        }
        Admit::Go
    }

    /// The reason to refuse a held input, or `None` when it may go (tried
    /// alone first, unless quarantined by this analyzer).
    fn judge(&self, held: &Held, trial: impl FnOnce(&dyn Isolation) -> Trial) -> Option<String> {
        if held.state == HeldState::Quarantined
            && held.analyzer == self.rules.version
            && !self.rules.retry
        {
            return Some(format!(
                "{} (since {}); `hearsay add --retry-quarantined` tries it again",
                held.reason, held.since
            ));
        }
        let Some(isolation) = self.rules.isolation else {
            return Some(format!("{}; it cannot be tried alone here", held.reason));
        };
        match trial(isolation) {
            Trial::Survived => {
                (self.changes)(Change::Release(held.input.clone()));
                None
            }
            Trial::Died(how) => {
                let reason = match held.state {
                    HeldState::Suspect => format!("{}, and alone it {how}", held.reason),
                    HeldState::Quarantined => format!("tried again, it {how}"),
                };
                (self.changes)(Change::Hold(Held {
                    state: HeldState::Quarantined,
                    reason: reason.clone(),
                    analyzer: self.rules.version.to_string(),
                    ..held.clone()
                }));
                Some(reason)
            }
            Trial::Inconclusive(why) => Some(format!(
                "{}; it could not be tried alone ({why}) and stays suspect",
                held.reason
            )),
        }
    }
}

impl Gate for Guard<'_> {
    fn admit_input(&self, input: &Input) -> Admit {
        // Standard input cannot be read twice: only its documents are journaled.
        let Input::File { path, .. } = input else {
            return Admit::Go;
        };
        let key = format!("file:{}", path.display());
        if let Some(held) = self.held.get(&key) {
            let changed = matches!(&held.input, HeldInput::File { fingerprint: f, .. } if *f != fingerprint(path));
            if changed {
                (self.changes)(Change::Release(held.input.clone()));
            } else if let Some(reason) =
                self.judge(held, |i| i.read_alone(input, &self.rules.read_options))
            {
                return Admit::Quarantine(reason);
            }
        }
        if let Some(journal) = self.rules.journal {
            journal.reading(path);
        }
        Admit::Go
    }

    fn input_done(&self, input: &Input) {
        if let (Some(journal), Input::File { path, .. }) = (self.rules.journal, input) {
            journal.read(path);
        }
    }

    fn admit(&self, document: &Document) -> Admit {
        match self.rules.known.get(&document.id) {
            Some(v) if !self.rules.reanalyze || v == self.rules.version => Admit::Skip,
            _ => self.admit_analysis(document),
        }
    }

    fn done(&self, id: &DocId) {
        if let Some(journal) = self.rules.journal {
            journal.analyzed(id);
        }
    }
}
