//! Ingest: read → analyze on all cores → store → resolve.
//!
//! The one pipeline behind `hearsay analyze`, `hearsay add` and the HTTP
//! server's writes. [`pipeline`] reads on one thread and analyzes on all cores,
//! handing each [`Outcome`] back to the calling thread; [`add`] stores what it
//! analyzes through one writer thread in batches and resolves each stored batch
//! into the claim graph. Callers see progress and failures through an
//! [`Observer`]; a bad input is one [`Failure`], never a stopped batch, and an
//! input that kills the process is quarantined by the next run ([`quarantine`]).

mod add;
mod hooks;
pub mod journal;
mod pipeline;
pub mod quarantine;
mod resolve;

pub use add::{
    AddOptions, AddSummary, BATCH_DOCS, BATCH_WAIT, Failure, IngestError, Observer, Quiet, add,
};
pub use pipeline::{
    Admit, Everything, Gate, Outcome, analyze_document, flag_replacements, pipeline, read_input,
};
pub use quarantine::{Isolation, Trial};
pub use resolve::{ResolveSummary, refresh_facts, resolve_all, resolve_new};
