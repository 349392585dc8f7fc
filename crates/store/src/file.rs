//! What a database path holds, found out before anything is written to it.
//!
//! hearsay marks its files with `PRAGMA application_id` = [`APPLICATION_ID`]
//! (`user_version` counts the migrations). A path is inspected read-only: a
//! file that is neither empty nor hearsay's (another program's SQLite database,
//! a text file) is refused and left byte for byte as it was. Files written
//! before hearsay set the mark are recognized by their tables.

use crate::StoreError;
use crate::schema::MIGRATIONS;
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::Path;

/// hearsay's `PRAGMA application_id`: the bytes "HRSY".
pub const APPLICATION_ID: i32 = 0x4852_5359;

/// Tables every hearsay schema has had since the first migration: a file
/// without the mark but with all of them is an older hearsay database.
const HEARSAY_TABLES: &[&str] = &[
    "documents",
    "attributions",
    "attribution_via",
    "documents_fts",
    "claims_fts",
];

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What a database path holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseFile {
    /// Nothing there (its folder exists).
    Missing,
    /// An empty file, or an SQLite database without a single table.
    Empty,
    /// A hearsay database with `schema` migrations applied.
    Hearsay {
        /// Its `user_version`.
        schema: i64,
        /// False for a file written before hearsay marked its files.
        marked: bool,
    },
    /// Anything else; `why` says what it is instead.
    NotHearsay {
        /// "not an SQLite file", "an SQLite database of another program".
        why: &'static str,
    },
}

/// Find out, without writing anything, what `path` holds.
///
/// ```
/// use hearsay_store::{DatabaseFile, inspect};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("notes.db");
/// assert_eq!(inspect(&path).unwrap(), DatabaseFile::Missing);
/// std::fs::write(&path, "my notes").unwrap();
/// assert!(matches!(inspect(&path).unwrap(), DatabaseFile::NotHearsay { .. }));
/// ```
pub fn inspect(path: &Path) -> Result<DatabaseFile, StoreError> {
    let shown = || path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            return match parent {
                Some(p) if !p.is_dir() => Err(StoreError::NoFolder {
                    path: shown(),
                    folder: p.display().to_string(),
                }),
                _ => Ok(DatabaseFile::Missing),
            };
        }
        Err(e) => {
            return Err(StoreError::Open {
                path: shown(),
                reason: e.to_string(),
            });
        }
    };
    if meta.is_dir() {
        return Err(StoreError::IsFolder { path: shown() });
    }
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| StoreError::Open {
            path: shown(),
            reason: e.to_string(),
        })?;
    // A database in WAL mode may keep everything in its -wal file until the
    // first checkpoint, leaving the main file empty.
    if head.is_empty() && !has_wal(path) {
        return Ok(DatabaseFile::Empty);
    }
    if !head.is_empty() && head.as_slice() != SQLITE_HEADER {
        return Ok(DatabaseFile::NotHearsay {
            why: "not an SQLite file",
        });
    }
    read_header(path).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::NotHearsay {
                path: shown(),
                why: "not an SQLite file",
            }
        }
        e => StoreError::Open {
            path: shown(),
            reason: crate::error::sqlite_reason(&e),
        },
    })
}

fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// Read the mark, the schema version and the tables through a read-only connection.
fn read_header(path: &Path) -> Result<DatabaseFile, rusqlite::Error> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Another hearsay may be writing: wait for it as the store does.
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let schema: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(classify(id, schema, &tables))
}

fn classify(id: i32, schema: i64, tables: &[String]) -> DatabaseFile {
    if id == APPLICATION_ID {
        return DatabaseFile::Hearsay {
            schema,
            marked: true,
        };
    }
    if id != 0 {
        return DatabaseFile::NotHearsay {
            why: "an SQLite database of another program",
        };
    }
    if tables.is_empty() && schema == 0 {
        return DatabaseFile::Empty;
    }
    let known = MIGRATIONS.len() as i64;
    let ours = HEARSAY_TABLES
        .iter()
        .all(|t| tables.iter().any(|have| have == t));
    if ours && (1..=known).contains(&schema) {
        return DatabaseFile::Hearsay {
            schema,
            marked: false,
        };
    }
    DatabaseFile::NotHearsay {
        why: "an SQLite database of another program",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_mark_decides_and_old_files_are_known_by_their_tables() {
        assert_eq!(
            classify(APPLICATION_ID, 3, &[]),
            DatabaseFile::Hearsay {
                schema: 3,
                marked: true
            }
        );
        assert_eq!(classify(0, 0, &[]), DatabaseFile::Empty);
        assert_eq!(
            classify(0, 2, &names(HEARSAY_TABLES)),
            DatabaseFile::Hearsay {
                schema: 2,
                marked: false
            }
        );
        assert!(matches!(
            classify(0, 0, &names(&["documents"])),
            DatabaseFile::NotHearsay { .. }
        ));
        assert!(matches!(
            classify(7, 1, &names(HEARSAY_TABLES)),
            DatabaseFile::NotHearsay { .. }
        ));
    }

    #[test]
    fn folders_and_missing_folders_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = inspect(dir.path()).unwrap_err().to_string();
        assert!(err.ends_with("is a folder, not a database file"), "{err}");
        let err = inspect(&dir.path().join("no/such.db"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not exist"), "{err}");
        assert_eq!(
            inspect(&dir.path().join("new.db")).unwrap(),
            DatabaseFile::Missing
        );
    }
}
