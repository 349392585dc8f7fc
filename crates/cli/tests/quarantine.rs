//! Quarantine: an input that kills hearsay kills one run, not every run after
//! it. The killer here is the debug-only hook of hearsay-ingest
//! (`HEARSAY_TEST_ABORT_ANALYZING` / `HEARSAY_TEST_ABORT_READING`: abort on a
//! chosen input, as a stack overflow or a failed allocation would); it does
//! not exist in release builds, so these tests are ignored there.

mod support;

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Output;
use support::*;

const ANALYZING: &str = "HEARSAY_TEST_ABORT_ANALYZING";
const READING: &str = "HEARSAY_TEST_ABORT_READING";
/// The words that make the hook abort.
const MARKER: &str = "Zorblatt-7f3a";

/// A folder of five good articles and `extra` (file name, contents).
fn folder(extra: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for i in 0..5 {
        std::fs::write(input.join(format!("a{i}.txt")), article(i)).unwrap();
    }
    for (name, text) in extra {
        std::fs::write(input.join(name), text).unwrap();
    }
    dir
}

/// `hearsay add in/ --db h.db --json [args]` with the hook set to `hook`.
fn add(dir: &Path, hook: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = hearsay();
    cmd.env_remove(ANALYZING).env_remove(READING);
    if let Some(var) = hook {
        cmd.env(var, MARKER);
    }
    cmd.current_dir(dir)
        .args(["add", "in", "--db", "h.db", "--json"])
        .args(args)
        .output()
        .unwrap()
}

fn summary(out: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(out)))
}

/// The run journals beside the database.
fn journals(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("h.db-run-"))
        .collect()
}

fn bomb() -> (&'static str, String) {
    (
        "bomb.txt",
        format!("The minister said the {MARKER} plan would fail, aides told reporters."),
    )
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the abort hooks exist in debug builds only"
)]
fn a_document_that_kills_hearsay_is_quarantined_by_the_next_run_and_skipped_after() {
    let dir = folder(&[bomb()]);
    let died = add(dir.path(), Some(ANALYZING), &[]);
    assert_eq!(died.status.signal(), Some(libc::SIGABRT), "{died:?}");
    assert_eq!(
        journals(dir.path()).len(),
        1,
        "the dead run left its journal"
    );

    // The next run meets the same killer: it tries the dead run's inputs alone,
    // quarantines the one that kills the child too, stores the rest, ends normally.
    let next = add(dir.path(), Some(ANALYZING), &[]);
    assert_eq!(code(&next), 1, "{}", stderr(&next));
    let s = summary(&next);
    let stored = s["added"].as_u64().unwrap() + s["unchanged"].as_u64().unwrap();
    assert_eq!(stored, 5, "{s}");
    assert_eq!(s["failed"], serde_json::json!([]), "{s}");
    let quarantined = s["quarantined"].as_array().unwrap();
    assert_eq!(quarantined.len(), 1, "{s}");
    assert!(
        quarantined[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("bomb.txt")
    );
    let error = quarantined[0]["error"].as_str().unwrap();
    assert!(
        error.contains("died while analyzing it, and alone it killed hearsay (signal 6, SIGABRT)"),
        "{error}"
    );
    assert!(stderr(&next).contains("bomb.txt: quarantined"));
    assert!(journals(dir.path()).is_empty());

    // Later runs skip it without trying it again.
    let later = add(dir.path(), Some(ANALYZING), &[]);
    assert_eq!(code(&later), 1, "{}", stderr(&later));
    let s = summary(&later);
    assert_eq!(
        (s["added"].as_u64(), s["unchanged"].as_u64()),
        (Some(0), Some(5))
    );
    let error = s["quarantined"][0]["error"].as_str().unwrap();
    assert!(error.contains("--retry-quarantined"), "{error}");

    // Once it no longer kills (a fixed hearsay), --retry-quarantined stores it.
    let retried = add(dir.path(), None, &["--retry-quarantined"]);
    assert_eq!(code(&retried), 0, "{}", stderr(&retried));
    let s = summary(&retried);
    assert_eq!(
        (s["added"].as_u64(), s["unchanged"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(s["quarantined"], serde_json::json!([]));
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the abort hooks exist in debug builds only"
)]
fn inputs_a_dead_run_was_on_that_survive_alone_are_stored_as_usual() {
    // The run dies on a document that is harmless on the next run: as after a
    // kill -9 from outside, nothing is quarantined and everything is stored.
    let dir = folder(&[bomb()]);
    let died = add(dir.path(), Some(ANALYZING), &[]);
    assert_eq!(died.status.signal(), Some(libc::SIGABRT));
    let next = add(dir.path(), None, &[]);
    assert_eq!(code(&next), 0, "{}", stderr(&next));
    let s = summary(&next);
    let stored = s["added"].as_u64().unwrap() + s["unchanged"].as_u64().unwrap();
    assert_eq!(stored, 6, "{s}");
    assert_eq!(s["quarantined"], serde_json::json!([]));
    assert!(
        s["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("an earlier run died while reading or analyzing"),
        "{s}"
    );
    assert!(journals(dir.path()).is_empty());
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the abort hooks exist in debug builds only"
)]
fn a_file_whose_reading_kills_hearsay_is_quarantined_until_it_changes() {
    let page = format!("<html><body><p>{}</p></body></html>", article(9));
    let name = format!("{MARKER}.html");
    let dir = folder(&[(name.as_str(), page.clone())]);
    let died = add(dir.path(), Some(READING), &[]);
    assert_eq!(died.status.signal(), Some(libc::SIGABRT));
    let next = add(dir.path(), Some(READING), &[]);
    assert_eq!(code(&next), 1, "{}", stderr(&next));
    let s = summary(&next);
    let stored = s["added"].as_u64().unwrap() + s["unchanged"].as_u64().unwrap();
    assert_eq!(stored, 5, "{s}");
    let error = s["quarantined"][0]["error"].as_str().unwrap();
    assert!(error.contains("died while reading it"), "{error}");

    // An edited file is another input: it is read again (and kills again).
    std::fs::write(dir.path().join("in").join(&name), page + "\n").unwrap();
    let edited = add(dir.path(), Some(READING), &[]);
    assert_eq!(edited.status.signal(), Some(libc::SIGABRT));
}
