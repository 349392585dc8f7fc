//! Bad input gets a clear message naming the file, and the batch goes on:
//! a binary file, invalid UTF-8, an empty file, a 50 MB single-line file,
//! malformed HTML, a malformed JSONL line, a missing path.

mod support;

use support::*;

/// A directory holding one good article and the bad input under test.
fn batch(bad_name: &str, bad: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), article(1)).unwrap();
    std::fs::write(dir.path().join(bad_name), bad).unwrap();
    dir
}

/// `add` the directory; returns (exit code, summary JSON, stderr).
fn add(dir: &tempfile::TempDir) -> (i32, serde_json::Value, String) {
    let db = dir.path().join("h.db");
    let out = run(&[
        "add",
        dir.path().to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--json",
    ]);
    let summary =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    (code(&out), summary, stderr(&out))
}

#[test]
fn binary_file_is_rejected_by_name() {
    let dir = batch("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    let (code, summary, err) = add(&dir);
    assert_eq!(code, 1);
    assert_eq!(summary["added"], 1);
    assert!(err.contains("image.txt: binary file"), "{err}");
    assert!(
        summary["failed"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("image.txt")
    );
}

#[test]
fn invalid_utf8_is_replaced_and_reported() {
    let dir = batch(
        "latin1.txt",
        b"Caf\xE9 owners said prices rose by 10 percent, the ministry said.",
    );
    let (code, summary, err) = add(&dir);
    assert_eq!(code, 0, "{err}");
    assert_eq!(summary["added"], 2);
    assert!(
        err.contains("latin1.txt: invalid UTF-8: 1 byte sequence replaced by U+FFFD"),
        "{err}"
    );
    // the analysis carries a flag pointing at the replacement
    let out = run(&[
        "analyze",
        dir.path().join("latin1.txt").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .starts_with("Caf\u{FFFD} owners")
    );
    let flag = v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "decoding_replaced")
        .unwrap();
    assert_eq!(flag["mentions"][0]["start"], 3);
}

#[test]
fn empty_file_is_reported_not_stored() {
    let dir = batch("empty.txt", b"  \n\n");
    let (code, summary, err) = add(&dir);
    assert_eq!(code, 1);
    assert_eq!(summary["added"], 1);
    assert!(
        err.contains("empty.txt: empty (no text to analyze); not stored"),
        "{err}"
    );
}

#[test]
fn fifty_megabyte_single_line_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), article(2)).unwrap();
    let line = "word ".repeat(10 * 1024 * 1024);
    assert_eq!(line.len(), 50 * 1024 * 1024);
    std::fs::write(dir.path().join("huge.txt"), line).unwrap();
    let (code, summary, err) = add(&dir);
    assert_eq!(code, 1);
    assert_eq!(summary["added"], 1);
    assert!(err.contains("huge.txt: 52428800 bytes is over the limit of 16777216 bytes (raise it with --max-size)"), "{err}");
}

#[test]
fn malformed_html_still_gives_its_text() {
    let page = b"<html><head><title>Storm hits coast :: Daily</title><body><div id=nav><a href=#>Home</a> <a href=#>World</a>\
<div class=story><h1>Storm hits coast<P>The storm hit the coast on Monday, officials said, and more than 2,000 homes lost power.<br>\
<P>Crews expect to restore power by Wednesday, the utility said in a statement.<div></span></b></table>";
    let dir = batch("storm.html", page);
    let (code, summary, err) = add(&dir);
    assert_eq!(code, 0, "{err}");
    assert_eq!(summary["added"], 2);
    let out = run(&[
        "analyze",
        dir.path().join("storm.html").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(support::code(&out), 0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let text = v["text"].as_str().unwrap();
    assert!(text.contains("more than 2,000 homes lost power"), "{text}");
    assert!(text.contains("restore power by Wednesday"), "{text}");
    assert!(!text.contains("Home"), "{text}");
    assert_eq!(v["document"]["title"], "Storm hits coast");
}

#[test]
fn malformed_jsonl_line_is_named_and_the_rest_read() {
    let feed = format!(
        "{}\n{{\"text\": \"unterminated\n{}\n{{\"title\": \"no text\"}}\n",
        serde_json::json!({"text": article(10), "title": "Ten"}),
        serde_json::json!({"text": article(11), "outlet": "Wire"}),
    );
    let dir = batch("feed.jsonl", feed.as_bytes());
    let (code, summary, err) = add(&dir);
    assert_eq!(code, 1);
    assert_eq!(summary["added"], 3, "{summary}");
    assert!(
        err.contains("feed.jsonl:2: not a JSON article object"),
        "{err}"
    );
    assert!(
        err.contains("feed.jsonl:4: not a JSON article object (missing field `text`"),
        "{err}"
    );
}

#[test]
fn missing_path_is_named_and_the_rest_added() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), article(3)).unwrap();
    let db = dir.path().join("h.db");
    let missing = dir.path().join("nowhere.txt");
    let out = run(&[
        "add",
        missing.to_str().unwrap(),
        dir.path().join("good.txt").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code(&out), 1);
    let summary: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(summary["added"], 1);
    assert!(
        stderr(&out).contains("nowhere.txt: no such file or directory"),
        "{}",
        stderr(&out)
    );
    // analyze too: the good file is printed, the exit code says something failed
    let out = run(&[
        "analyze",
        missing.to_str().unwrap(),
        dir.path().join("good.txt").to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out).lines().count(), 1);
}
