//! SQLite and PostgreSQL give the same results, and several `hearsay add`
//! processes may write one database at once.
//!
//! * The story sets and the PolNeAR dev texts, added to a SQLite file and to
//!   a PostgreSQL database, export the same graph, byte for byte.
//! * Four `hearsay add` of the 84 PolNeAR dev texts at once, into one
//!   database (PostgreSQL, and a SQLite file), store each document once and
//!   give the graph of one sequential add.
//!
//! Ignored (and listed as such) without `../shared` or a PostgreSQL server
//! (`HEARSAY_TEST_PG`, which `.ci/run` provides).

mod support;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;
use support::*;

/// `hearsay export --format graph` of the database `db`.
fn graph(db: &str) -> String {
    let out = run(&["export", "--format", "graph", "--db", db]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

/// `hearsay add INPUT --db DB`, which must succeed.
fn add(input: &Path, db: &str) {
    let out = run(&["add", input.to_str().unwrap(), "--db", db]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

fn polnear_dev() -> PathBuf {
    shared().join("corpus/polnear/dev/text")
}

/// The graph of the PolNeAR dev texts added once to a fresh SQLite file,
/// made once for all the tests of this file.
fn sequential_graph() -> &'static str {
    static GRAPH: OnceLock<String> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("sequential.db");
        let db = db.to_str().unwrap();
        add(&polnear_dev(), db);
        graph(db)
    })
}

/// The feed (JSONL) of a story set, as the story scorer makes it.
fn feed(set: &Path) -> Vec<u8> {
    let out = std::process::Command::new("python3")
        .arg(shared().join("eval/score_stories.py"))
        .arg("feed")
        .arg(set)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "feed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
#[cfg_attr(
    not(has_pg),
    ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)"
)]
fn both_databases_give_the_same_graph_of_the_story_sets_and_the_dev_texts() {
    let dir = tempfile::tempdir().unwrap();
    let mut sets: Vec<PathBuf> = std::fs::read_dir(shared().join("corpus/stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    sets.sort();
    assert!(sets.len() >= 5, "{sets:?}");
    for set in &sets {
        let name = set.file_name().unwrap().to_string_lossy().to_string();
        let jsonl = dir.path().join(format!("{name}.jsonl"));
        std::fs::write(&jsonl, feed(set)).unwrap();
        let file = dir.path().join(format!("{name}.db"));
        let file = file.to_str().unwrap();
        add(&jsonl, file);
        let pg = hearsay_test_pg::TestDatabase::create(&name);
        add(&jsonl, pg.url());
        let (sqlite, postgres) = (graph(file), graph(pg.url()));
        assert!(sqlite.contains("\"clusters\""), "{sqlite}");
        assert!(sqlite == postgres, "{name}: the graphs differ");
    }
    let pg = hearsay_test_pg::TestDatabase::create("dev");
    add(&polnear_dev(), pg.url());
    assert!(
        graph(pg.url()) == sequential_graph(),
        "the PolNeAR dev graphs differ"
    );
}

on_both! {
    /// Four `add` processes of the same 84 texts at once: every document
    /// stored by exactly one of them, and the graph of one sequential add.
    #[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
    fn four_adds_at_once_store_each_document_once_and_the_sequential_graph(db) {
        let texts = polnear_dev();
        let workers: Vec<_> = (0..4)
            .map(|_| {
                hearsay()
                    .args(["add", texts.to_str().unwrap(), "--db", db, "--json"])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut added = 0;
        for w in workers {
            let out = w.wait_with_output().unwrap();
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            let s: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
            assert_eq!(s["failed"].as_array().unwrap().len(), 0, "{s}");
            added += s["added"].as_u64().unwrap();
        }
        assert_eq!(added, 84);
        let docs: serde_json::Value =
            serde_json::from_str(&stdout(&run(&["docs", "--db", db, "--json"]))).unwrap();
        assert_eq!(docs.as_array().unwrap().len(), 84);
        assert!(graph(db) == sequential_graph(), "the graphs differ");
    }
}

#[test]
fn a_database_url_is_never_shown_with_its_password() {
    let url = "postgres://ana:s3cret-pw@127.0.0.1:1/news";
    for args in [
        vec!["docs", "--db", url],
        vec!["add", "--db", url, "-"],
        vec!["migrate", "--db", url],
    ] {
        let out = run_with_stdin(&args, b"Officials said it rained.");
        assert_ne!(code(&out), 0, "{args:?}");
        let err = stderr(&out);
        assert!(!err.contains("s3cret"), "{args:?}: {err}");
        assert!(
            err.contains("postgres://ana:***@127.0.0.1:1/news"),
            "{args:?}: {err}"
        );
    }
    let help = hearsay()
        .args(["docs", "--help"])
        .env("HEARSAY_DB", url)
        .output()
        .unwrap();
    assert_eq!(code(&help), 0);
    assert!(stdout(&help).contains("HEARSAY_DB"), "{}", stdout(&help));
    assert!(!stdout(&help).contains("s3cret"), "{}", stdout(&help));
}
