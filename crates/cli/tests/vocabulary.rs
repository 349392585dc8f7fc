//! One JSON vocabulary: a mention of `claims --mentions --json` is the attribution of
//! `show --json` and `analyze --format json` (same fields, same values) with
//! the analysis's `document`; shared options work before the command too.

mod support;

use serde_json::Value;
use support::*;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/sample-article.txt"
);

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("JSON on standard output")
}

#[test]
fn claims_json_is_the_analysis_json_attributions_with_their_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let db = db.to_str().unwrap();
    assert_eq!(code(&run(&["add", SAMPLE, "--db", db])), 0);
    let analysis = json(&["analyze", SAMPLE, "--format", "json"]);
    let shown = json(&["show", "b1331048", "--db", db, "--json"]);
    assert_eq!(shown["attributions"], analysis["attributions"]);
    let claims = json(&["claims", "--mentions", "--db", db, "--json"]);
    let claims = claims.as_array().unwrap();
    let attributions = analysis["attributions"].as_array().unwrap();
    assert_eq!(claims.len(), attributions.len());
    let mut hedge_kinds = Vec::new();
    for (claim, attribution) in claims.iter().zip(attributions) {
        let mut claim = claim.clone();
        let document = claim.as_object_mut().unwrap().remove("document").unwrap();
        assert_eq!(document, shown["document"]);
        assert_eq!(&claim, attribution);
        if let Some(kind) = claim["hedge"]["kind"].as_str() {
            hedge_kinds.push(kind.to_string());
        }
    }
    // The sample's claims carry negations and a denial, not only hedges.
    for kind in ["hedge", "negation", "denial"] {
        assert!(
            hedge_kinds.iter().any(|k| k == kind),
            "{kind}: {hedge_kinds:?}"
        );
    }
}

#[test]
fn claims_text_names_the_kind_of_each_hedge() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let db = db.to_str().unwrap();
    assert_eq!(code(&run(&["add", SAMPLE, "--db", db])), 0);
    let out = stdout(&run(&[
        "claims",
        "--mentions",
        "--db",
        db,
        "--source",
        "press office",
    ]));
    assert!(out.contains("hedge “denied” (denial)"), "{out}");
}

#[test]
fn shared_options_come_before_or_after_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let db = db.to_str().unwrap();
    assert_eq!(code(&run(&["--db", db, "add", SAMPLE])), 0);
    let before = json(&["--db", db, "--json", "docs"]);
    let after = json(&["docs", "--db", db, "--json"]);
    assert_eq!(before, after);
    assert_eq!(before.as_array().unwrap().len(), 1);
    let claims = json(&["--json", "claims", "--limit", "1", "--db", db]);
    assert_eq!(claims["items"].as_array().unwrap().len(), 1);
    // A command without the option says so, as for any unknown option.
    let out = run(&["--db", db, "analyze", SAMPLE]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("'--db'"), "{}", stderr(&out));
}
