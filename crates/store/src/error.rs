//! Store errors. Each message is one line that names the file (or the query)
//! and says what is wrong in words; none repeats SQLite's message.

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or set up.
    #[error("{path}: cannot open the database: {reason}")]
    Open {
        /// The file.
        path: String,
        /// Why, in SQLite's or the system's words.
        reason: String,
    },
    /// The path is a folder.
    #[error("{path} is a folder, not a database file")]
    IsFolder {
        /// The path.
        path: String,
    },
    /// The folder the database would be created in does not exist.
    #[error("{path}: the folder {folder} does not exist")]
    NoFolder {
        /// The path.
        path: String,
        /// Its folder.
        folder: String,
    },
    /// A file that is not empty and not hearsay's: refused, left as it was.
    #[error("{path} is not a hearsay database ({why}); it was left as it is")]
    NotHearsay {
        /// The file.
        path: String,
        /// What it is instead.
        why: &'static str,
    },
    /// A read-only command on a file an older hearsay wrote.
    #[error(
        "{path} has schema version {found}, older than this hearsay reads ({known}); run `hearsay migrate --db {path}` to bring it up to date"
    )]
    OlderSchema {
        /// The file.
        path: String,
        /// Its `user_version`.
        found: i64,
        /// The version this build reads.
        known: i64,
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
    /// A filter (`--source`, `--entity`, …) longer than the store takes.
    #[error("filter {start:?} is {len} bytes long; filters are at most {max} bytes")]
    FilterTooLong {
        /// Its first characters.
        start: String,
        /// Its length in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Another writer changed the stories a resolve was about to replace (or
    /// resolved its documents) since it read them; nothing was written.
    #[error("the claim graph changed while it was being resolved ({0}); resolve again")]
    Conflict(String),
    /// A stored value is not what this version writes.
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    /// Any other SQLite error.
    #[error("database: {}", sqlite_reason(.0))]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// SQLite's message for an error, once: rusqlite's `Display` of a failure with
/// a message is that message, and without one the code's description.
pub(crate) fn sqlite_reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        other => other.to_string(),
    }
}
