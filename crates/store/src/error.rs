//! Store errors.

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or set up.
    #[error("database {path}: {source}")]
    Open {
        /// The file.
        path: String,
        /// Why.
        source: rusqlite::Error,
    },
    /// The file was written by a newer hearsay.
    #[error(
        "database {path} has schema version {found}, newer than this hearsay knows ({known}); use a newer hearsay"
    )]
    NewerSchema {
        /// The file.
        path: String,
        /// Its `user_version`.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// No stored document matches.
    #[error("no stored document matches {0:?}")]
    NotFound(String),
    /// Several stored documents match an id prefix.
    #[error("{prefix:?} matches {count} documents; give more of the id")]
    Ambiguous {
        /// The prefix given.
        prefix: String,
        /// How many match.
        count: usize,
    },
    /// A full-text query SQLite's FTS5 cannot parse.
    #[error("search {query:?}: {reason} (FTS5 syntax: words, \"phrases\", AND, OR, NOT, prefix*)")]
    BadQuery {
        /// The query.
        query: String,
        /// SQLite's message.
        reason: String,
    },
    /// A stored value is not what this version writes.
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    /// Any other SQLite error.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
