//! Store errors. Each message is one line that names the database (a file,
//! or a PostgreSQL URL without its password) or the query, and says what is
//! wrong in words; none repeats the driver's message.

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or set up.
    #[error("{path}: cannot open the database: {reason}")]
    Open {
        /// The file, or the URL without its password.
        path: String,
        /// Why, in the database's or the system's words.
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
    /// A file (or PostgreSQL schema) that is not empty and not hearsay's:
    /// refused, left as it was.
    #[error("{path} is not a hearsay database ({why}); it was left as it is")]
    NotHearsay {
        /// The file, or the URL without its password.
        path: String,
        /// What it is instead.
        why: &'static str,
    },
    /// A read-only command on a database an older hearsay wrote.
    #[error(
        "{path} has schema version {found}, older than this hearsay reads ({known}); run `hearsay migrate --db {path}` to bring it up to date"
    )]
    OlderSchema {
        /// The file, or the URL without its password.
        path: String,
        /// Its schema version.
        found: i64,
        /// The version this build reads.
        known: i64,
    },
    /// The database was written by a newer hearsay.
    #[error(
        "database {path} has schema version {found}, newer than this hearsay knows ({known}); use a newer hearsay"
    )]
    NewerSchema {
        /// The file, or the URL without its password.
        path: String,
        /// Its schema version.
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
    /// A full-text query that does not parse (SQLite's FTS5 syntax, on either database).
    #[error("search {query:?}: {reason} (FTS5 syntax: words, \"phrases\", AND, OR, NOT, prefix*)")]
    BadQuery {
        /// The query.
        query: String,
        /// What is wrong with it.
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
    /// Any other PostgreSQL error.
    #[error("database: {}", postgres_reason(.0))]
    Postgres(postgres::Error),
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Postgres(e)
    }
}

/// The server's message for an error (with its detail, when it gives one),
/// or the client's description of what failed.
pub(crate) fn postgres_reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => match std::error::Error::source(e) {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        },
    }
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
