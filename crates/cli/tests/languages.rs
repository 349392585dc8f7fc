//! News pages in German, French and Russian (written for these tests, with
//! navigation, a reader box and a footer around the article; the German one
//! declares `lang="en"`) through the real binary: each is stored with its
//! metadata and language, named in a warning, flagged `unsupported_language`,
//! and yields no entity, attribution or claim, while English beside them is
//! analyzed as before.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use support::*;

const PAGES: [(&str, &str, &str); 3] = [
    ("de-hafen.html", "de", "German"),
    ("fr-greve.html", "fr", "French"),
    ("ru-port.html", "ru", "Russian"),
];

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/languages")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// A folder with the three foreign pages and two English examples.
fn batch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (page, _, _) in PAGES {
        std::fs::copy(pages_dir().join(page), dir.path().join(page)).unwrap();
    }
    for english in ["sample-article.txt", "sample-page.html"] {
        std::fs::copy(examples().join(english), dir.path().join(english)).unwrap();
    }
    dir
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)))
}

fn path_of(doc: &Value) -> &str {
    doc["path"].as_str().unwrap_or_default()
}

#[test]
fn foreign_pages_are_stored_with_their_language_and_no_claims() {
    let dir = batch();
    let db = dir.path().join("h.db");
    let db = db.to_str().unwrap();
    let out = run(&["add", dir.path().to_str().unwrap(), "--db", db, "--json"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    let summary: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(summary["added"], 5);
    assert_eq!(summary["failed"].as_array().unwrap().len(), 0);
    let warnings = summary["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    for (page, code, name) in PAGES {
        let line = format!(
            "hearsay: warning: {}: written in {name} ({code}, confidence ",
            dir.path().join(page).display()
        );
        assert!(err.contains(&line), "{line} not in {err}");
        assert!(
            warnings.iter().any(|w| w.as_str().unwrap().contains(page)
                && w.as_str().unwrap().contains("hearsay reads English only")),
            "{page}: {warnings:?}"
        );
    }

    let docs = json(&["docs", "--db", db, "--json"]);
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let mut foreign_ids = Vec::new();
    for d in docs {
        let path = path_of(d);
        match PAGES.iter().find(|(page, _, _)| path.ends_with(page)) {
            Some((_, code, _)) => {
                assert_eq!(d["language"], *code, "{path}");
                assert!(d["language_confidence"].as_f64().unwrap() >= 0.7, "{path}");
                assert_eq!(
                    (d["claims"].as_u64(), d["entities"].as_u64()),
                    (Some(0), Some(0))
                );
                assert!(
                    d["title"].is_string() && d["outlet"].is_string(),
                    "{path}: metadata"
                );
                foreign_ids.push(d["id"].as_str().unwrap().to_string());
            }
            None => {
                assert_eq!(d["language"], "en", "{path}");
                assert!(d["claims"].as_u64().unwrap() > 0, "{path}");
            }
        }
    }
    let table = stdout(&run(&["docs", "--db", db]));
    let german = table
        .lines()
        .find(|l| l.contains("Frachtschiffe"))
        .expect("the German page is listed");
    assert!(german.contains("  de  "), "{german}");

    let shown = json(&["show", &foreign_ids[0], "--db", db, "--json"]);
    assert!(["de", "fr", "ru"].contains(&shown["document"]["language"].as_str().unwrap()));
    for layer in [
        "sentences",
        "entities",
        "attributions",
        "quantities",
        "times",
    ] {
        assert_eq!(shown[layer].as_array().unwrap().len(), 0, "{layer}");
    }
    assert_eq!(shown["flags"][0]["kind"], "unsupported_language");
    let text = stdout(&run(&["show", &foreign_ids[0], "--db", db]));
    assert!(text.contains("Claims: not analyzed"), "{text}");

    let graph = json(&["export", "--format", "graph", "--db", db]);
    let graph_docs = graph["documents"].as_array().unwrap();
    assert_eq!(graph_docs.len(), 5);
    for d in graph_docs {
        let language = d["language"].as_str().unwrap();
        if foreign_ids.iter().any(|id| d["id"] == id.as_str()) {
            assert!(["de", "fr", "ru"].contains(&language), "{d}");
        } else {
            assert_eq!(language, "en", "{d}");
        }
    }
    let claims = graph["claims"].as_array().unwrap();
    assert!(!claims.is_empty(), "the English documents have claims");
    for c in claims {
        for m in c["mentions"].as_array().unwrap() {
            let doc = m["document"].as_str().unwrap().to_string();
            assert!(
                !foreign_ids.contains(&doc),
                "a claim from a foreign page: {c}"
            );
        }
    }
    let mentions = json(&["claims", "--mentions", "--db", db, "--json"]);
    for m in mentions.as_array().unwrap() {
        assert_eq!(m["document"]["language"], "en");
    }
}

#[test]
fn analyze_names_each_foreign_page_and_prints_its_language() {
    let dir = pages_dir();
    let out = run(&["analyze", dir.to_str().unwrap(), "--format", "jsonl"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for ((page, code, _), a) in PAGES.iter().zip(&lines) {
        assert!(
            err.contains(&format!("{page}: written in")),
            "{page}: {err}"
        );
        assert_eq!(a["document"]["language"], *code, "{page}");
        assert_eq!(a["attributions"].as_array().unwrap().len(), 0, "{page}");
        assert_eq!(a["entities"].as_array().unwrap().len(), 0, "{page}");
        assert_eq!(a["flags"][0]["kind"], "unsupported_language", "{page}");
    }
    // The German page declares lang="en": the text decides.
    assert!(
        std::fs::read_to_string(dir.join("de-hafen.html"))
            .unwrap()
            .contains("<html lang=\"en\">")
    );
}

#[test]
fn reanalysis_finds_the_foreign_documents_of_an_older_store() {
    let dir = batch();
    let db = dir.path().join("h.db");
    let db = db.to_str().unwrap();
    assert_eq!(
        code(&run(&["add", dir.path().to_str().unwrap(), "--db", db])),
        0
    );
    // As a store made before language identification: another analyzer version.
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("UPDATE documents SET analyzer = 'hearsay 0.0.1 []'", [])
        .unwrap();
    drop(conn);
    let summary = json(&["add", "--reanalyze", "--db", db, "--json"]);
    assert_eq!(summary["reanalyzed"], 5);
    let warnings = summary["warnings"].as_array().unwrap();
    for (page, _, _) in PAGES {
        assert!(
            warnings.iter().any(|w| w.as_str().unwrap().contains(page)),
            "{page}: {warnings:?}"
        );
    }
}

#[test]
fn eval_langid_scores_every_language_of_the_test_set() {
    let v = json(&["eval", "langid", "--json"]);
    let languages: Vec<&str> = v["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["language"].as_str().unwrap())
        .collect();
    for code in ["ar", "de", "en", "es", "fr", "ru", "uk", "zh"] {
        assert!(languages.contains(&code), "{code}: {languages:?}");
    }
    assert_eq!(v["total"]["decision_accuracy"], 1.0);
    assert!(v["total"]["accuracy"].as_f64().unwrap() >= 0.9);
    let table = stdout(&run(&["eval", "langid"]));
    assert!(
        table.starts_with("language  texts  right  accuracy"),
        "{table}"
    );
    assert!(table.lines().any(|l| l.starts_with("all ")), "{table}");
}

#[test]
fn eval_langid_reads_a_folder_of_language_folders() {
    let dir = tempfile::tempdir().unwrap();
    for (page, code, _) in PAGES {
        std::fs::create_dir_all(dir.path().join(code)).unwrap();
        std::fs::copy(pages_dir().join(page), dir.path().join(code).join(page)).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("en")).unwrap();
    std::fs::copy(
        examples().join("sample-feed.jsonl"),
        dir.path().join("en/feed.jsonl"),
    )
    .unwrap();
    let v = json(&["eval", "langid", dir.path().to_str().unwrap(), "--json"]);
    for l in v["languages"].as_array().unwrap() {
        assert_eq!(l["decision_accuracy"], 1.0, "{l}");
    }
    assert!(
        v["languages"][1]["texts"].as_u64().unwrap() >= 2,
        "every record of the feed"
    );
    let mixed = run(&["eval", "langid", pages_dir().to_str().unwrap()]);
    assert_eq!(code(&mixed), 2, "no language folders and no --expect");
    assert!(
        stderr(&mixed).contains("give --expect CODE"),
        "{}",
        stderr(&mixed)
    );
}
