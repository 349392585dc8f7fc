//! Where output goes: `--out` never replaces an input or (without `--force`)
//! a file that is there already; a closed standard output ends any command
//! quietly with success.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use support::*;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sample-article.txt"
);

fn folder_with_the_sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SAMPLE, dir.path().join("article.txt")).unwrap();
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn out_into_the_input_folder_refuses_and_leaves_the_input_alone() {
    let dir = folder_with_the_sample();
    let d = dir.path().to_str().unwrap();
    let before = std::fs::read(dir.path().join("article.txt")).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let mut args = vec!["analyze", d, "--out", d];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert_eq!(code(&out), 1, "{args:?}");
        assert!(
            stderr(&out).contains("article.txt: is one of the inputs; not replaced"),
            "{}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read(dir.path().join("article.txt")).unwrap(),
            before
        );
        assert_eq!(names(dir.path()), ["article.txt"]);
    }
}

#[test]
fn brat_beside_its_text_inputs_adds_the_ann_files() {
    let dir = folder_with_the_sample();
    let d = dir.path().to_str().unwrap();
    for _ in 0..2 {
        let out = run(&["analyze", d, "--format", "brat", "--out", d]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    assert_eq!(names(dir.path()), ["article.ann", "article.txt"]);
    assert_eq!(
        std::fs::read(dir.path().join("article.txt")).unwrap(),
        std::fs::read(SAMPLE).unwrap()
    );
}

#[test]
fn an_existing_output_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let preds = dir.path().join("preds");
    std::fs::create_dir(&preds).unwrap();
    let old = preds.join("sample-article.json");
    std::fs::write(&old, "mine").unwrap();
    let p = preds.to_str().unwrap();
    let out = run(&["analyze", SAMPLE, "--format", "json", "--out", p]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("exists; not replaced (--force replaces it)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "mine");
    let out = run(&["analyze", SAMPLE, "--format", "json", "--out", p, "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&old).unwrap()).unwrap();
    assert_eq!(json["schema"], "hearsay.analysis/1");
    assert_eq!(
        names(&preds),
        ["sample-article.json"],
        "no temporary file left"
    );
    let out = run(&["analyze", SAMPLE, "--force"]);
    assert_eq!(code(&out), 2, "--force without --out is a usage error");
}

#[test]
fn reading_one_line_of_a_long_report_then_closing_the_pipe_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    // Far more report than a pipe holds, so that hearsay is still writing when the pipe closes.
    for i in 0..40 {
        std::fs::write(dir.path().join(format!("a{i:02}.txt")), &text).unwrap();
    }
    let mut child = hearsay()
        .args(["analyze", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("Report: Northern Fleet"), "{first}");
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn every_command_ends_quietly_on_a_closed_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let db = db.to_str().unwrap();
    assert_eq!(code(&run(&["add", SAMPLE, "--db", db])), 0);
    for args in [
        &["analyze", SAMPLE][..],
        &["analyze", SAMPLE, "--format", "json"],
        &["docs", "--db", db],
        &["docs", "--db", db, "--json"],
        &["claims", "--db", db],
        &["claims", "--db", db, "--json"],
        &["show", "b1331048", "--db", db],
        &["add", SAMPLE, "--db", db, "--json"],
        &["--help"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = hearsay()
            .args(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}
