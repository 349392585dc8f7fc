//! Opening a SQLite file: what the path holds is checked before anything is
//! written ([`inspect`]), the connection is set up (WAL, `synchronous=NORMAL`,
//! a 30 s busy timeout) and the migrations the file lacks are applied.

use crate::StoreError;
use crate::file::{APPLICATION_ID, DatabaseFile, inspect};
use crate::schema::MIGRATIONS;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// How long a statement waits for another connection's lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Open (creating if needed) the database at `path` and bring its schema up
/// to date. A file that is not empty and not a hearsay database is refused
/// before anything is written to it.
pub(crate) fn open(path: &Path) -> Result<Connection, StoreError> {
    let shown = path.display().to_string();
    match inspect(path)? {
        DatabaseFile::NotHearsay { why } => {
            return Err(StoreError::NotHearsay { path: shown, why });
        }
        DatabaseFile::Missing | DatabaseFile::Empty | DatabaseFile::Hearsay { .. } => {}
    }
    let conn = Connection::open(path).map_err(|e| open_error(&shown, &e))?;
    setup(conn, &shown, Mode::Write { wal: true })
}

/// Open an existing hearsay database for reading only: nothing is created,
/// migrated or written.
pub(crate) fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    let shown = path.display().to_string();
    let known = MIGRATIONS.len() as i64;
    match inspect(path)? {
        DatabaseFile::Missing | DatabaseFile::Empty => Err(StoreError::Open {
            path: shown,
            reason: "no hearsay database there".into(),
        }),
        DatabaseFile::NotHearsay { why } => Err(StoreError::NotHearsay { path: shown, why }),
        DatabaseFile::Hearsay { schema, .. } if schema > known => Err(StoreError::NewerSchema {
            path: shown,
            found: schema,
            known,
        }),
        DatabaseFile::Hearsay { schema, .. } if schema < known => Err(StoreError::OlderSchema {
            path: shown,
            found: schema,
            known,
        }),
        DatabaseFile::Hearsay { .. } => {
            let conn = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| open_error(&shown, &e))?;
            setup(conn, &shown, Mode::Read)
        }
    }
}

/// A fresh database in memory.
pub(crate) fn open_in_memory() -> Result<Connection, StoreError> {
    let conn = Connection::open_in_memory().map_err(|e| open_error(":memory:", &e))?;
    setup(conn, ":memory:", Mode::Write { wal: false })
}

/// How a connection is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Queries only: no journal mode change, no migration.
    Read,
    /// Writes, migrated up to date; WAL for files.
    Write {
        /// Switch the file to WAL.
        wal: bool,
    },
}

fn setup(mut conn: Connection, path: &str, mode: Mode) -> Result<Connection, StoreError> {
    let open_err = |e: rusqlite::Error| open_error(path, &e);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
    if mode == (Mode::Write { wal: true }) {
        wal(&conn).map_err(open_err)?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(open_err)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(open_err)?;
    conn.set_prepared_statement_cache_capacity(64);
    if let Ok(p) = std::env::var("HEARSAY_SQLITE_PRAGMAS") {
        conn.execute_batch(&p).map_err(open_err)?;
    }
    if mode != Mode::Read {
        migrate(&mut conn, path)?;
    }
    Ok(conn)
}

/// Switch the file to WAL. Several processes opening a new file at once race
/// for the switch, and SQLite answers `SQLITE_BUSY` to the losers without
/// waiting on the busy timeout: they try again for as long as that timeout.
fn wal(conn: &Connection) -> Result<(), rusqlite::Error> {
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DatabaseBusy
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            done => return done,
        }
    }
}

/// The one-line error for a connection SQLite could not open or set up.
fn open_error(path: &str, e: &rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::NotHearsay {
                path: path.to_string(),
                why: "not an SQLite file",
            }
        }
        e => StoreError::Open {
            path: path.to_string(),
            reason: crate::error::sqlite_reason(e),
        },
    }
}

/// Apply the migrations the database lacks, each in its own transaction, and
/// mark it as hearsay's (`PRAGMA application_id`) in the first one.
fn migrate(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id: i32 = tx.pragma_query_value(None, "application_id", |r| r.get(0))?;
        if id != APPLICATION_ID {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > known {
            return Err(StoreError::NewerSchema {
                path: path.to_string(),
                found: version,
                known,
            });
        }
        if version == known {
            tx.commit()?;
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[version as usize])?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}
