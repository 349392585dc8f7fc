//! The store of documents, analyses and claims.
//!
//! [`Store`] is what the ingest pipeline uses; [`Database`] implements it,
//! with the graph queries of the CLI, the server and the exports beside it,
//! over a SQLite file (WAL, FTS5) or a PostgreSQL database (`tsvector` + GIN)
//! — a [`Location`], parsed from a path or a `postgres://` URL. Both run the
//! same statements and give the same results; the versioned migrations of
//! [`schema`] exist in both dialects. A SQLite file is marked as hearsay's
//! with `PRAGMA application_id`, a PostgreSQL schema by its `hearsay_schema`
//! table: a database that is not empty and not hearsay's is refused before
//! anything is written ([`inspect`], [`Location::inspect`]), and
//! [`Database::open_read_only`] never creates, migrates or writes.
//!
//! Several processes may write one database at once: a document is stored
//! once, by whichever writer comes first, and [`Store::with_graph_lock`]
//! makes the graph resolve one writer at a time.
//!
//! Documents are written whole: [`Store::put_batch`] stores several in one
//! transaction, so a crash leaves every document either with all its layers or
//! not at all, and a document that fails to store takes nothing else with it. Offsets are stored as Unicode code points, the
//! public convention.
//!
//! ```
//! use hearsay_core::{Analysis, Document};
//! use hearsay_store::{Database, PutOutcome, Store};
//! let mut store = Database::open_in_memory().unwrap();
//! let a = Analysis::empty(Document::new("Officials said it rained."), "v1");
//! assert_eq!(store.put(&a).unwrap(), PutOutcome::Added);
//! assert_eq!(store.put(&a).unwrap(), PutOutcome::Unchanged);
//! assert_eq!(store.documents(&Default::default()).unwrap().len(), 1);
//! ```

mod browse;
mod database;
mod db;
mod error;
mod export_rows;
mod file;
mod fts;
mod graph;
mod graph_query;
mod held;
mod load;
mod location;
mod pg;
mod query;
pub mod schema;
mod sqlite;
mod tags;
mod write;

pub use browse::{DocHead, MentionLink};
pub use database::Database;
pub use error::StoreError;
pub use export_rows::{GraphFilter, GraphView};
pub use file::{APPLICATION_ID, DatabaseFile, inspect};
pub use graph_query::{
    ClusterQuery, ClusterView, EntityView, GraphClaimQuery, GraphObject, HistoryEntry, MAX_PAGE,
    Page, SourceSummary, Window,
};
pub use held::{Held, HeldInput, HeldState};
pub use location::{Location, PgUrl, redact};
pub use query::{
    Claim, ClaimCue, ClaimDocument, ClaimHedge, ClaimQuery, ClaimSource, ClaimVia, DocQuery,
    DocSummary, StoredSpan,
};

use hearsay_core::{Analysis, DocId, Document};
use hearsay_resolve::{DocFacts, Graph};
use std::collections::HashMap;

/// One document to store: its analysis and the facts resolve read out of it.
#[derive(Debug, Clone, Copy)]
pub struct Put<'a> {
    /// The analysis (tokens and NER spans are not stored).
    pub analysis: &'a Analysis,
    /// What resolve needs of it, read while its tokens were still there.
    pub facts: Option<&'a DocFacts>,
}

/// What [`Store::put`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PutOutcome {
    /// A new document.
    Added,
    /// A stored document whose layers came from another analyzer version: replaced.
    Reanalyzed,
    /// Already stored with this analyzer version: nothing written.
    Unchanged,
}

/// Storage of analyzed documents and queries over them.
pub trait Store {
    /// Store an analysis (its document and every layer) in one transaction.
    /// A document already stored by the same analyzer version is left as it is;
    /// one stored by another version gets its layers replaced.
    fn put(&mut self, analysis: &Analysis) -> Result<PutOutcome, StoreError>;

    /// Store several analyses, in one transaction when all of them can be
    /// stored, which costs far less per document than a transaction each.
    /// Each document is stored whole or not at all, and one that fails does
    /// not keep the others out: the results say what became of each, in order.
    fn put_batch(&mut self, items: &[Put<'_>]) -> Vec<Result<PutOutcome, StoreError>>;

    /// The analyzer version of every stored document.
    fn analyzers(&self) -> Result<HashMap<DocId, String>, StoreError>;

    /// Ids of the documents whose layers were produced by an analyzer other than `current`.
    fn stale(&self, current: &str) -> Result<Vec<DocId>, StoreError>;

    /// The stored documents, newest first.
    fn documents(&self, query: &DocQuery) -> Result<Vec<DocSummary>, StoreError>;

    /// How many documents `query` finds (its limit and offset aside), counting
    /// no further than `cap` so that the count costs at most `cap` rows.
    fn count_documents(&self, query: &DocQuery, cap: usize) -> Result<usize, StoreError>;

    /// The full id of the one document whose id starts with `prefix`.
    fn resolve(&self, prefix: &str) -> Result<DocId, StoreError>;

    /// A stored document (text and metadata).
    fn document(&self, id: &DocId) -> Result<Document, StoreError>;

    /// A stored analysis, rebuilt from the tables. Tokens and NER spans are not
    /// stored, so those layers come back empty.
    fn analysis(&self, id: &DocId) -> Result<Analysis, StoreError>;

    /// Claims matching a query, with their document.
    fn claims(&self, query: &ClaimQuery) -> Result<Vec<Claim>, StoreError>;

    /// How many claims `query` finds (its limit and offset aside), counting no further than `cap`.
    fn count_claims(&self, query: &ClaimQuery, cap: usize) -> Result<usize, StoreError>;

    /// The stored resolve facts of these documents (those that have facts of
    /// the current version), in the order given.
    fn facts(&self, ids: &[DocId]) -> Result<Vec<DocFacts>, StoreError>;

    /// Documents without resolve facts of the current version.
    fn missing_facts(&self) -> Result<Vec<DocId>, StoreError>;

    /// Replace the graph of some stories in one transaction: delete what
    /// `remove` held, write each new story, index the blocking `keys` of
    /// newly resolved documents, and record the clusters whose assessment
    /// changed (naming `moved_by`, the document that moved them).
    ///
    /// Several processes may resolve one file at once: when a story of
    /// `remove` is gone or a document of `keys` already has a story (another
    /// writer got there first), nothing is written and the answer is
    /// [`StoreError::Conflict`], for the caller to read the graph again.
    fn replace_stories(
        &mut self,
        remove: &[String],
        stories: &[(String, Graph)],
        keys: &[(DocId, Vec<String>)],
        moved_by: Option<&str>,
    ) -> Result<(), StoreError>;

    /// Forget every story, key and graph row (before a full recompute).
    fn clear_graph(&mut self) -> Result<(), StoreError>;

    /// Run `work` (a resolve: reading stories, recomputing, replacing them)
    /// as the only resolver of the database, waiting for any other process
    /// resolving it. The lock ends with `work`, or with the process or session
    /// if it dies (an advisory lock on PostgreSQL, a lock on the file
    /// `DB-lock` beside a SQLite file).
    fn with_graph_lock<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Self) -> Result<T, E>,
    ) -> Result<T, E>
    where
        Self: Sized;

    /// Documents that share a blocking key with `keys`, sorted.
    fn docs_with_keys(&self, keys: &[String]) -> Result<Vec<DocId>, StoreError>;

    /// The story of each of these documents that has one.
    fn stories_of(&self, ids: &[DocId]) -> Result<HashMap<DocId, String>, StoreError>;

    /// The documents of these stories, sorted.
    fn story_documents(&self, stories: &[String]) -> Result<Vec<DocId>, StoreError>;

    /// Documents with facts but no story yet (stored, not resolved).
    fn unresolved(&self) -> Result<Vec<DocId>, StoreError>;

    /// The whole stored graph.
    fn graph(&self) -> Result<Graph, StoreError>;

    /// The inputs held back from analysis (suspected of killing a run, or quarantined).
    fn held(&self) -> Result<Vec<Held>, StoreError>;

    /// Hold back these inputs, in one transaction. A quarantined input stays
    /// quarantined unless held again as quarantined (a suspicion does not lift it).
    fn hold(&mut self, items: &[Held]) -> Result<(), StoreError>;

    /// Stop holding `input` back.
    fn release(&mut self, input: &HeldInput) -> Result<(), StoreError>;
}
