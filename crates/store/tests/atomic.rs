//! Atomic batches: a document goes in whole (its row, its full-text row and
//! every layer) or not at all, and one document that cannot be stored does not
//! take the others of its batch with it.

use hearsay_core::{Analysis, Document, Flag, FlagKind, Sentence, Span};
use hearsay_store::{Database, Put, PutOutcome, Store};

/// An analysis of `text`: one sentence covering it, one flag on it.
fn analysis(text: &str) -> Analysis {
    let mut a = Analysis::empty(Document::new(text), "test-analyzer");
    let all = Span::new(0, text.len());
    a.sentences = vec![Sentence {
        span: all,
        tokens: 0..0,
    }];
    a.flags = vec![Flag {
        kind: FlagKind::UnresolvedSource,
        entities: Vec::new(),
        mentions: vec![all],
        note: "a flag to store".into(),
    }];
    a
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_document_failing_midway_leaves_no_trace_and_its_batch_is_stored_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    let mut store = Database::open(&path).unwrap();
    // Refuse the flags of one document: its row, its full-text row and its
    // sentences are written by then, so only a rollback removes them.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER refuse AFTER INSERT ON flags
         WHEN (SELECT text FROM documents WHERE seq = NEW.doc) LIKE '%poison%'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
    )
    .unwrap();

    let batch = [
        analysis("The minister said the bridge had reopened."),
        analysis("A poison pill, officials said."),
        analysis("Residents said the water was falling."),
    ];
    let puts: Vec<Put> = batch
        .iter()
        .map(|a| Put {
            analysis: a,
            facts: None,
        })
        .collect();
    let outcomes = store.put_batch(&puts);
    assert!(matches!(outcomes[0], Ok(PutOutcome::Added)), "{outcomes:?}");
    assert!(outcomes[1].is_err(), "{outcomes:?}");
    assert!(matches!(outcomes[2], Ok(PutOutcome::Added)), "{outcomes:?}");

    assert_eq!(store.count().unwrap(), 2);
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM documents WHERE text LIKE '%poison%'"
        ),
        0
    );
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM flags"), 2);
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'poison'"
        ),
        0
    );
    conn.execute(
        "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')",
        [],
    )
    .unwrap();
    assert_eq!(store.integrity_check().unwrap().as_deref(), Some("ok"));

    // Once nothing refuses it, the same document is stored like any other.
    conn.execute_batch("DROP TRIGGER refuse").unwrap();
    let again = store.put_batch(&puts);
    assert!(matches!(again[0], Ok(PutOutcome::Unchanged)), "{again:?}");
    assert!(matches!(again[1], Ok(PutOutcome::Added)), "{again:?}");
    assert_eq!(store.count().unwrap(), 3);
}
