//! Concurrent writers: three `hearsay add` runs into one database at once,
//! with overlapping inputs, all succeed, none reports a locked database, the
//! file holds each document once, and the claim graph they resolved together
//! is the one a full `hearsay resolve` gives.

mod support;

use hearsay_store::Database;
use std::process::Stdio;
use support::*;

/// Articles per run, and the first article of run `k`: runs overlap by half.
const PER_RUN: usize = 120;
const STEP: usize = 60;
const RUNS: usize = 3;

fn feed(run: usize) -> String {
    (run * STEP..run * STEP + PER_RUN)
        .map(|i| format!("{}\n", serde_json::json!({ "text": article(i) })))
        .collect()
}

#[test]
fn three_adds_into_one_file_at_once_store_each_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let mut children = Vec::new();
    for run in 0..RUNS {
        let path = dir.path().join(format!("feed{run}.jsonl"));
        std::fs::write(&path, feed(run)).unwrap();
        children.push(
            hearsay()
                .args(["add", path.to_str().unwrap(), "--db", db.to_str().unwrap()])
                .args(["--json"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        );
    }
    let mut stored = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(code(&out), 0, "{err}");
        assert!(!err.to_lowercase().contains("locked"), "{err}");
        assert!(!err.contains("an earlier run died"), "{err}");
        let summary: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(summary["failed"], serde_json::json!([]), "{summary}");
        let added = summary["added"].as_u64().unwrap() as usize;
        let unchanged = summary["unchanged"].as_u64().unwrap() as usize;
        assert_eq!(added + unchanged, PER_RUN, "{summary}");
        stored += added;
    }
    let distinct = (RUNS - 1) * STEP + PER_RUN;
    assert_eq!(stored, distinct, "each document added by exactly one run");
    let store = Database::open(&db).unwrap();
    assert_eq!(store.count().unwrap(), distinct);
    assert_eq!(store.integrity_check().unwrap().as_deref(), Some("ok"));
    let journals = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("-run-")
        })
        .count();
    assert_eq!(journals, 0, "every run deleted its journal");

    let db = db.to_str().unwrap();
    let together = run(&["export", "--format", "graph", "--db", db]);
    assert_eq!(code(&together), 0, "{}", stderr(&together));
    let resolve = run(&["resolve", "--db", db]);
    assert_eq!(code(&resolve), 0, "{}", stderr(&resolve));
    let full = run(&["export", "--format", "graph", "--db", db]);
    let graph: serde_json::Value = serde_json::from_slice(&full.stdout).unwrap();
    assert!(graph["claims"].as_array().unwrap().len() > distinct);
    assert!(
        together.stdout == full.stdout,
        "the graph of the concurrent runs differs from a full resolve"
    );
}
