//! Crash safety, on SQLite and on PostgreSQL: `kill -9` in the middle of
//! `hearsay add` of 1,000 documents leaves a sound database with only whole
//! documents, adding again stores exactly the missing ones, and the graph
//! resolved bit by bit across the crash is the graph a full `hearsay resolve`
//! gives.

mod support;

use hearsay_core::DocId;
use hearsay_store::{Database, Store};
use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::*;

const DOCS: usize = 1000;
/// Lines written before the kill; the rest are held back so that `add` cannot finish first.
const FED: usize = 900;

fn line(i: usize) -> String {
    format!(
        "{}\n",
        serde_json::json!({"text": article(i), "title": format!("Shelters {i}"), "outlet": "Test Wire"})
    )
}

/// How many documents `db` holds (none before it is created).
fn stored(db: &str) -> usize {
    Database::open_read_only(db)
        .and_then(|s| s.count())
        .unwrap_or(0)
}

/// `hearsay export --format graph` of `db`.
fn graph(db: &str) -> String {
    let out = run(&["export", "--format", "graph", "--db", db]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

on_both! {
    fn kill_9_mid_add_leaves_only_whole_documents_and_a_rerun_adds_the_rest(db) {
        let mut child = hearsay()
            .args(["add", "-", "--from", "jsonl", "--db", db])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            for i in 0..FED {
                if stdin.write_all(line(i).as_bytes()).is_err() {
                    break;
                }
            }
            stdin // keep the pipe open: the process is still reading when killed
        });
        // Kill while it is writing: some documents stored, the rest still on the way.
        let started = Instant::now();
        while stored(db) < FED / 3 {
            assert!(
                started.elapsed() < Duration::from_secs(300),
                "add made no progress"
            );
            assert!(child.try_wait().unwrap().is_none(), "add ended early");
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        drop(feeder.join().unwrap());

        // A SQLite file is sound, both full-text indexes agree with their tables
        // (PostgreSQL's server keeps its own pages and indexes whole).
        let store = Database::open(db).unwrap();
        if !store.is_postgres() {
            assert_eq!(store.integrity_check().unwrap().as_deref(), Some("ok"));
            let conn = rusqlite::Connection::open(db).unwrap();
            conn.execute(
                "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')",
                [],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')",
                [],
            )
            .unwrap();
        }
        let kept = store.count().unwrap();
        assert!((FED / 3..DOCS).contains(&kept), "{kept} stored");

        // No half-stored document: each stored analysis is the whole analysis of its text.
        let analyzer = hearsay_analyze::Analyzer::new().unwrap();
        let known = store.analyzers().unwrap();
        for (id, version) in &known {
            assert_eq!(version, analyzer.version());
            let stored = store.analysis(id).unwrap();
            assert_eq!(DocId::of_text(&stored.document.text), *id);
            let mut fresh = analyzer.analyze(store.document(id).unwrap());
            // the store keeps no token layers
            fresh.tokens.clear();
            fresh.ner.clear();
            for s in &mut fresh.sentences {
                s.tokens = 0..0;
            }
            for e in &mut fresh.entities {
                for m in &mut e.mentions {
                    m.tokens = 0..0;
                }
            }
            assert_eq!(stored, fresh, "document {id} is not whole");
        }
        drop(store);

        // Adding everything again stores exactly the missing ones.
        let all: String = (0..DOCS).map(line).collect();
        let out = run_with_stdin(
            &[
                "add",
                "-",
                "--from",
                "jsonl",
                "--db",
                db,
                "--json",
            ],
            all.as_bytes(),
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let summary: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(
            summary["added"].as_u64(),
            Some((DOCS - kept) as u64),
            "{summary}"
        );
        assert_eq!(
            summary["unchanged"].as_u64(),
            Some(kept as u64),
            "{summary}"
        );
        assert_eq!(Database::open(db).unwrap().count().unwrap(), DOCS);

        // The graph resolved batch by batch, across the crash, is the one a full
        // recompute gives.
        let incremental = graph(db);
        let out = run(&["resolve", "--db", db]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(graph(db) == incremental, "the graphs differ");
    }
}
