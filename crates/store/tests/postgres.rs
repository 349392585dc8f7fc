//! What only a PostgreSQL database has to get right: a schema of another
//! program is refused and left as it was, reading never creates or migrates,
//! the migrations carry rows from version 1 on, the password never shows,
//! and two writers store a document once.
//!
//! Ignored (by name) without a server in `HEARSAY_TEST_PG`.

use hearsay_core::{Analysis, Document, Span};
use hearsay_store::schema::POSTGRES_MIGRATIONS;
use hearsay_store::{Database, DatabaseFile, Location, PutOutcome, Store, StoreError};
use hearsay_test_pg::TestDatabase;

fn client(db: &TestDatabase) -> postgres::Client {
    postgres::Client::connect(db.url(), postgres::NoTls).unwrap()
}

/// The tables of the database's public schema, sorted.
fn tables(db: &TestDatabase) -> Vec<String> {
    client(db)
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

#[test]
#[cfg_attr(
    not(has_pg),
    ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)"
)]
fn another_programs_schema_is_refused_and_untouched() {
    let db = TestDatabase::create("foreign");
    client(&db)
        .batch_execute(
            "CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT);
             INSERT INTO documents VALUES (1, 'mine');",
        )
        .unwrap();
    for err in [
        Database::open(db.url()).err().unwrap(),
        Database::open_read_only(db.url()).err().unwrap(),
    ] {
        assert!(matches!(err, StoreError::NotHearsay { .. }), "{err}");
        assert!(
            err.to_string().contains("is not a hearsay database"),
            "{err}"
        );
    }
    assert_eq!(tables(&db), ["documents"]);
    let body: String = client(&db)
        .query_one("SELECT body FROM documents", &[])
        .unwrap()
        .get(0);
    assert_eq!(body, "mine");
}

#[test]
#[cfg_attr(
    not(has_pg),
    ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)"
)]
fn reading_creates_nothing_writing_marks_and_versions_are_checked() {
    let db = TestDatabase::create("versions");
    let at = Location::parse(db.url());
    assert_eq!(at.inspect().unwrap(), DatabaseFile::Empty);
    let err = Database::open_read_only(db.url()).err().unwrap();
    assert!(
        err.to_string().contains("no hearsay database there"),
        "{err}"
    );
    assert!(tables(&db).is_empty());

    let mut store = Database::open(db.url()).unwrap();
    assert!(store.is_postgres());
    assert_eq!(
        store.schema_version().unwrap(),
        POSTGRES_MIGRATIONS.len() as i64
    );
    assert_eq!(store.integrity_check().unwrap(), None);
    store
        .put(&Analysis::empty(
            Document::new("Officials said it rained."),
            "v1",
        ))
        .unwrap();
    drop(store);
    assert_eq!(
        at.inspect().unwrap(),
        DatabaseFile::Hearsay {
            schema: POSTGRES_MIGRATIONS.len() as i64,
            marked: true
        }
    );
    assert_eq!(
        Database::open_read_only(db.url()).unwrap().count().unwrap(),
        1
    );

    client(&db)
        .batch_execute("UPDATE hearsay_schema SET version = 99")
        .unwrap();
    for err in [
        Database::open(db.url()).err().unwrap(),
        Database::open_read_only(db.url()).err().unwrap(),
    ] {
        assert!(
            matches!(err, StoreError::NewerSchema { found: 99, .. }),
            "{err}"
        );
    }
    client(&db)
        .batch_execute("UPDATE hearsay_schema SET version = 2")
        .unwrap();
    let err = Database::open_read_only(db.url()).err().unwrap();
    assert!(
        matches!(err, StoreError::OlderSchema { found: 2, .. }),
        "{err}"
    );
}

#[test]
#[cfg_attr(
    not(has_pg),
    ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)"
)]
fn a_version_1_database_is_migrated_without_losing_rows() {
    const TEXT: &str = "Seoulʼs NIS said the DPRK sent troops. Analysts agreed.";
    let db = TestDatabase::create("v1");
    let id = Document::new(TEXT).id;
    let chars = |s: &str| -> (i64, i64) {
        let start = TEXT.find(s).unwrap();
        (
            TEXT[..start].chars().count() as i64,
            TEXT[..start + s.len()].chars().count() as i64,
        )
    };
    let (s1, s2) = (
        chars("Seoulʼs NIS said the DPRK sent troops."),
        chars("Analysts agreed."),
    );
    let dprk = chars("DPRK");
    {
        let mut c = client(&db);
        c.batch_execute(POSTGRES_MIGRATIONS[0]).unwrap();
        c.batch_execute(
            "CREATE TABLE hearsay_schema (application TEXT NOT NULL, version BIGINT NOT NULL);
             INSERT INTO hearsay_schema VALUES ('hearsay', 1);",
        )
        .unwrap();
        c.execute(
            "INSERT INTO documents (seq, id, title, text, chars, added_at, analyzer, analyzed_at)
             VALUES (1, $1, 'Troops', $2, $3, '2026-01-01T00:00:00Z', 'old', '2026-01-01T00:00:00Z')",
            &[&id.as_str(), &TEXT, &(TEXT.chars().count() as i64)],
        )
        .unwrap();
        for (n, (start, end)) in [s1, s2].into_iter().enumerate() {
            c.execute(
                "INSERT INTO sentences (doc, n, start, \"end\") VALUES (1, $1, $2, $3)",
                &[&(n as i64), &start, &end],
            )
            .unwrap();
        }
        c.batch_execute(
            "INSERT INTO entities (doc, id, n, name, type, kind)
             VALUES (1, 'gpe:north-korea', 0, 'North Korea', 'GPE', 'country')",
        )
        .unwrap();
        c.execute(
            "INSERT INTO mentions (doc, entity_id, n, start, \"end\", text)
             VALUES (1, 'gpe:north-korea', 0, $1, $2, 'DPRK')",
            &[&dprk.0, &dprk.1],
        )
        .unwrap();
    }
    let store = Database::open(db.url()).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        POSTGRES_MIGRATIONS.len() as i64
    );
    let back = store.analysis(&id).unwrap();
    let byte = |(s, e): (i64, i64)| {
        let b = |c: i64| {
            TEXT.char_indices()
                .nth(c as usize)
                .map_or(TEXT.len(), |(i, _)| i)
        };
        Span::new(b(s), b(e))
    };
    assert_eq!(
        back.sentences.iter().map(|s| s.span).collect::<Vec<_>>(),
        vec![byte(s1), byte(s2)]
    );
    assert_eq!(back.entities[0].mentions[0].span, byte(dprk));
    assert_eq!(store.stale("new").unwrap(), vec![id]);
}

#[test]
#[cfg_attr(
    not(has_pg),
    ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)"
)]
fn the_password_never_shows() {
    let db = TestDatabase::create("password");
    let url = db.url();
    let (user_end, at) = (url.find("://").unwrap() + 3, url.rfind('@').unwrap());
    let password = &url[url[user_end..].find(':').unwrap() + user_end + 1..at];
    assert!(password.len() >= 8, "the test server has a password");
    let wrong = url.replacen(password, "not-the-password", 1);
    let closed = format!("postgres://hearsay:{password}@127.0.0.1:1/x");
    for bad in [wrong.as_str(), closed.as_str()] {
        let err = Database::open(bad).err().unwrap();
        let shown = format!("{err} {err:?}");
        assert!(matches!(err, StoreError::Open { .. }), "{shown}");
        assert!(!shown.contains(password), "{shown}");
        assert!(!shown.contains("not-the-password"), "{shown}");
        assert!(shown.contains(":***@"), "{shown}");
    }
}

#[test]
#[cfg_attr(
    not(has_pg),
    ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)"
)]
fn two_writers_store_a_document_once() {
    let db = TestDatabase::create("writers");
    drop(Database::open(db.url()).unwrap());
    let analyses: Vec<Analysis> = (0..40)
        .map(|i| {
            Analysis::empty(
                Document::new(format!("Report {i}: officials said so.")),
                "v1",
            )
        })
        .collect();
    let outcomes: Vec<Vec<PutOutcome>> = std::thread::scope(|s| {
        let writers: Vec<_> = (0..2)
            .map(|w| {
                let analyses = &analyses;
                let url = db.url().to_string();
                s.spawn(move || {
                    let mut store = Database::open(url.as_str()).unwrap();
                    // Each writer in its own order: the store sorts a batch by id.
                    let mut mine: Vec<&Analysis> = analyses.iter().collect();
                    if w == 1 {
                        mine.reverse();
                    }
                    let puts: Vec<hearsay_store::Put> = mine
                        .iter()
                        .map(|a| hearsay_store::Put {
                            analysis: a,
                            facts: None,
                        })
                        .collect();
                    store
                        .put_batch(&puts)
                        .into_iter()
                        .map(Result::unwrap)
                        .collect()
                })
            })
            .collect();
        writers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let added: usize = outcomes
        .iter()
        .flatten()
        .filter(|o| **o == PutOutcome::Added)
        .count();
    let unchanged = outcomes
        .iter()
        .flatten()
        .filter(|o| **o == PutOutcome::Unchanged)
        .count();
    assert_eq!((added, unchanged), (40, 40));
    assert_eq!(Database::open(db.url()).unwrap().count().unwrap(), 40);
}
