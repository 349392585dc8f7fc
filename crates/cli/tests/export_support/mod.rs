//! Helpers of the export tests: databases to export and every format written.

#![allow(dead_code)]

use crate::support::{code, run, stderr};
use std::path::{Path, PathBuf};

/// The outputs of one export of every format, by file name in the folder.
pub const OUTPUTS: &[(&str, &[&str])] = &[
    ("graph.json", &["--format", "graph"]),
    ("bundle.json", &["--format", "stix"]),
    ("events-cluster.jsonl", &["--format", "misp"]),
    (
        "events-document.jsonl",
        &["--format", "misp", "--misp-events", "document"],
    ),
    ("reviews.jsonld", &["--format", "claimreview"]),
    ("csv", &["--format", "csv"]),
    ("parquet", &["--format", "parquet"]),
];

/// Export `db` in every format into `dir` (the layout `consumers/check_exports.py` reads).
pub fn export_all(db: &Path, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, format) in OUTPUTS {
        let out = dir.join(name);
        let mut args = vec!["export", "--db", db.to_str().unwrap(), "--out"];
        args.push(out.to_str().unwrap());
        args.extend_from_slice(format);
        let o = run(&args);
        assert_eq!(code(&o), 0, "export {format:?}: {}", stderr(&o));
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir`, sorted.
pub fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// Add `inputs` (files or folders) to a new database `db`.
pub fn add(db: &Path, inputs: &[&Path]) {
    let mut args = vec!["add", "--db", db.to_str().unwrap()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    let o = run(&args);
    assert_eq!(code(&o), 0, "add: {}", stderr(&o));
}

/// A story set as a feed (`score_stories.py feed`), written to `out`.
pub fn story_feed(shared: &Path, set: &str, out: &Path) {
    let o = std::process::Command::new("python3")
        .arg(shared.join("eval/score_stories.py"))
        .arg("feed")
        .arg(shared.join("corpus/stories").join(set))
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::write(out, o.stdout).unwrap();
}

/// One number from the database.
pub fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}
