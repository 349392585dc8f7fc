//! Every export format read by its real consumer: the PolNeAR dev texts and
//! each shared story set go into a database, out in every format, twice (the
//! bytes must be the same), and through `consumers/check_exports.py`
//! (stix2-validator and stix2, PyMISP, pyld, Python's csv, DuckDB, pyarrow),
//! which checks every count against the database. The story sets' graphs
//! also go through the story scorer.
//!
//! The consumers live in a Python virtual environment that `.ci/run` makes
//! (`.ci/export-consumers`), so the test is ignored by a plain `cargo test`
//! and run by `.ci/run` as
//! `HEARSAY_CONSUMERS=PYTHON cargo test -p hearsay-cli --test export_consumers -- --ignored`.

mod export_support;
mod support;

use export_support::{add, contents, count, export_all, story_feed};
use std::path::{Path, PathBuf};
use support::shared;

/// The Python of the consumers' virtual environment.
fn consumers() -> PathBuf {
    let python = std::env::var_os("HEARSAY_CONSUMERS").map(PathBuf::from).expect(
        "HEARSAY_CONSUMERS names the Python of the consumers' venv (.ci/export-consumers prints it)",
    );
    assert!(python.exists(), "no Python at {}", python.display());
    python
}

/// Export `db` twice, compare the bytes, and run every consumer on one of them.
fn check(python: &Path, db: &Path, dir: &Path) -> serde_json::Value {
    export_all(db, &dir.join("one"));
    export_all(db, &dir.join("two"));
    assert!(
        contents(&dir.join("one")) == contents(&dir.join("two")),
        "two exports of {} differ",
        db.display()
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/check_exports.py");
    let o = std::process::Command::new(python)
        .arg(&script)
        .arg(db)
        .arg(dir.join("one"))
        .output()
        .expect("the consumers' Python runs");
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "consumers refused the exports of {}: {report}\n{}",
        db.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("{}: {report}", db.display());
    serde_json::from_str(&report).expect("a JSON report")
}

#[test]
#[ignore = "needs the consumers' Python venv: .ci/run runs it (HEARSAY_CONSUMERS=PYTHON ... -- --ignored)"]
fn every_format_is_read_by_its_consumer_with_the_databases_counts() {
    let python = consumers();
    let shared = shared();
    let dir = tempfile::tempdir().unwrap();

    let db = dir.path().join("dev.db");
    add(&db, &[&shared.join("corpus/polnear/dev/text")]);
    let report = check(&python, &db, &dir.path().join("dev"));
    let claims = count(&db, "SELECT COUNT(*) FROM graph_claims");
    assert!(claims > 100, "the dev texts give {claims} claims");
    assert_eq!(report["parquet"]["claims"], claims);
    assert_eq!(report["csv"]["claims"], claims);
    assert_eq!(report["stix"]["objects"]["note"], claims);

    let mut sets: Vec<String> = std::fs::read_dir(shared.join("corpus/stories"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("set-"))
        .collect();
    sets.sort();
    assert!(!sets.is_empty());
    for set in &sets {
        let feed = dir.path().join(format!("{set}.jsonl"));
        story_feed(&shared, set, &feed);
        let db = dir.path().join(format!("{set}.db"));
        add(&db, &[&feed]);
        let report = check(&python, &db, &dir.path().join(set));
        assert_eq!(
            report["stix"]["objects"]["grouping"],
            count(&db, "SELECT COUNT(*) FROM graph_clusters"),
            "{set}"
        );
        assert!(
            report["claimreview"]["reviews"].as_i64().unwrap() > 0,
            "{set}"
        );
        let scored = std::process::Command::new("python3")
            .arg(shared.join("eval/score_stories.py"))
            .arg("score")
            .arg(shared.join("corpus/stories").join(set))
            .arg(dir.path().join(set).join("one/graph.json"))
            .output()
            .expect("python3 runs");
        assert!(
            scored.status.success()
                && String::from_utf8_lossy(&scored.stdout).contains("cluster_b3="),
            "the story scorer refused the graph of {set}: {}",
            String::from_utf8_lossy(&scored.stderr)
        );
    }
}
