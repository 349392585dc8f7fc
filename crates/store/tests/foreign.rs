//! Files that are not hearsay's are refused and left byte for byte as they
//! were; reading never creates, migrates or writes a file.

use hearsay_core::{Analysis, Document};
use hearsay_store::{APPLICATION_ID, Database, DatabaseFile, Store, StoreError, inspect};
use std::path::Path;

/// The file and any SQLite side files next to it, with their bytes.
fn snapshot(path: &Path) -> Vec<(String, Vec<u8>)> {
    let dir = path.parent().unwrap();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn other_program_db(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT);
         INSERT INTO documents (body) VALUES ('mine');",
    )
    .unwrap();
}

#[test]
fn another_programs_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    other_program_db(&path);
    let before = snapshot(&path);
    for err in [
        Database::open(&path).err().unwrap(),
        Database::open_read_only(&path).err().unwrap(),
    ] {
        assert!(matches!(err, StoreError::NotHearsay { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("{} is not a hearsay database", path.display())),
            "{msg}"
        );
        assert!(!msg.contains('\n'), "{msg}");
    }
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_text_file_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "shopping: bread, milk\n").unwrap();
    let err = Database::open(&path).err().unwrap().to_string();
    assert!(
        err.contains("is not a hearsay database (not an SQLite file)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"shopping: bread, milk\n");
}

#[test]
fn reading_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.db");
    assert!(Database::open_read_only(&path).is_err());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn new_databases_are_marked_and_read_without_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    {
        let mut store = Database::open(&path).unwrap();
        store
            .put(&Analysis::empty(
                Document::new("It rained, officials said."),
                "v1",
            ))
            .unwrap();
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
    drop(conn);
    assert!(matches!(
        inspect(&path).unwrap(),
        DatabaseFile::Hearsay { marked: true, .. }
    ));
    let before = snapshot(&path);
    let store = Database::open_read_only(&path).unwrap();
    assert_eq!(store.documents(&Default::default()).unwrap().len(), 1);
    drop(store);
    assert_eq!(snapshot(&path), before);
}

#[test]
fn an_older_file_is_not_migrated_by_reading_but_by_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(hearsay_store::schema::MIGRATIONS[0])
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    assert_eq!(
        inspect(&path).unwrap(),
        DatabaseFile::Hearsay {
            schema: 1,
            marked: false
        }
    );
    let before = snapshot(&path);
    let err = Database::open_read_only(&path).err().unwrap();
    assert!(
        matches!(err, StoreError::OlderSchema { found: 1, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("hearsay migrate"), "{err}");
    assert_eq!(snapshot(&path), before);
    drop(Database::open(&path).unwrap());
    assert!(matches!(
        inspect(&path).unwrap(),
        DatabaseFile::Hearsay { marked: true, .. }
    ));
    assert!(Database::open_read_only(&path).is_ok());
}
