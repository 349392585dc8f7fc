//! `hearsay export`: the same database gives the same bytes, the graph format
//! is the stored graph, filters select claims and what they reach, and the
//! counts of the STIX bundle and the tables are the database's. The real
//! consumers of each format run in `export_consumers.rs`.

mod export_support;
mod support;

use export_support::{add, contents, count, export_all};
use hearsay_store::{Database, Store};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use support::{article, code, run, stderr, stdout};

/// A database of `n` made-up articles (with clusters and relations), in `dir`.
fn made_up(dir: &Path, n: usize) -> PathBuf {
    let texts = dir.join("articles");
    std::fs::create_dir_all(&texts).unwrap();
    for i in 0..n {
        std::fs::write(texts.join(format!("a{i:03}.txt")), article(i)).unwrap();
    }
    let db = dir.join("h.db");
    add(&db, &[&texts]);
    db
}

fn export_json(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["export", "--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn the_same_database_gives_the_same_bytes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up(dir.path(), 12);
    assert!(count(&db, "SELECT COUNT(*) FROM graph_clusters") >= 2);
    export_all(&db, &dir.path().join("one"));
    export_all(&db, &dir.path().join("two"));
    let (one, two) = (
        contents(&dir.path().join("one")),
        contents(&dir.path().join("two")),
    );
    assert_eq!(
        one.len(),
        5 + 2 * 7,
        "five files and two folders of seven tables"
    );
    for ((name, a), (other, b)) in one.iter().zip(&two) {
        assert_eq!(name, other);
        assert!(a == b, "{} differs between two exports", name.display());
        assert!(!a.is_empty(), "{} is empty", name.display());
    }
}

#[test]
fn the_graph_format_is_the_stored_graph_with_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up(dir.path(), 8);
    let o = run(&["export", "--format", "graph", "--db", db.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    #[derive(serde::Serialize)]
    struct Whole<'a> {
        schema: &'static str,
        #[serde(flatten)]
        graph: &'a hearsay_resolve::Graph,
    }
    let graph = Database::open(&db).unwrap().graph().unwrap();
    assert!(!graph.claims.is_empty());
    let mut want = serde_json::to_vec_pretty(&Whole {
        schema: "hearsay.graph/1",
        graph: &graph,
    })
    .unwrap();
    want.push(b'\n');
    assert!(o.stdout == want, "the export is not the stored graph");
}

#[test]
fn the_stix_bundle_has_a_note_per_claim_and_a_grouping_per_cluster() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up(dir.path(), 10);
    let bundle = export_json(&db, &["--format", "stix"]);
    let objects = bundle["objects"].as_array().unwrap();
    let of = |t: &str| objects.iter().filter(|o| o["type"] == t).count() as i64;
    assert_eq!(of("note"), count(&db, "SELECT COUNT(*) FROM graph_claims"));
    assert_eq!(
        of("grouping"),
        count(&db, "SELECT COUNT(*) FROM graph_clusters")
    );
    assert_eq!(of("report"), count(&db, "SELECT COUNT(*) FROM documents"));
    assert_eq!(
        of("relationship"),
        count(&db, "SELECT COUNT(*) FROM graph_relations")
    );
    for note in objects.iter().filter(|o| o["type"] == "note") {
        let label = note["labels"][0].as_str().unwrap();
        assert!(
            label.len() == "admiralty:B2".len() && label.starts_with("admiralty:"),
            "{label}"
        );
    }
}

#[test]
fn the_tables_have_one_claims_row_per_stored_claim() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up(dir.path(), 10);
    let out = dir.path().join("csv");
    let o = run(&[
        "export",
        "--format",
        "csv",
        "--db",
        db.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for (table, sql) in [
        ("documents", "SELECT COUNT(*) FROM documents"),
        ("claims", "SELECT COUNT(*) FROM graph_claims"),
        ("mentions", "SELECT COUNT(*) FROM graph_mentions"),
        ("clusters", "SELECT COUNT(*) FROM graph_clusters"),
    ] {
        let text = std::fs::read_to_string(out.join(format!("{table}.csv"))).unwrap();
        // Made-up articles hold no line breaks inside a field.
        let rows = text.split("\r\n").filter(|l| !l.is_empty()).count() as i64 - 1;
        assert_eq!(rows, count(&db, sql), "{table}");
    }
}

#[test]
fn a_cluster_filter_exports_its_claims_and_what_they_reach() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up(dir.path(), 12);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (cluster, n): (String, i64) = conn
        .query_row(
            "SELECT cluster, COUNT(*) FROM graph_claims GROUP BY cluster ORDER BY COUNT(*) LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let g = export_json(&db, &["--format", "graph", "--cluster", &cluster]);
    let claims = g["claims"].as_array().unwrap();
    assert_eq!(claims.len() as i64, n);
    assert_eq!(g["clusters"].as_array().unwrap().len(), 1);
    assert_eq!(g["clusters"][0]["id"], cluster.as_str());
    let docs: BTreeSet<&str> = g["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let cited: BTreeSet<&str> = claims
        .iter()
        .flat_map(|c| c["mentions"].as_array().unwrap())
        .map(|m| m["document"].as_str().unwrap())
        .collect();
    assert_eq!(docs, cited, "the documents are those the claims cite");
    let origins: BTreeSet<&str> = claims
        .iter()
        .map(|c| c["origin"].as_str().unwrap())
        .collect();
    let listed: BTreeSet<&str> = g["origins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(origins, listed);
    for r in g["relations"].as_array().unwrap() {
        for end in ["a", "b"] {
            assert!(claims.iter().any(|c| c["id"] == r[end]), "{r}");
        }
    }
}

#[test]
fn source_and_since_filters_keep_the_claims_that_match() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up(dir.path(), 6);
    let all = export_json(&db, &["--format", "graph"]);
    let by = export_json(&db, &["--format", "graph", "--source", "anna BERG"]);
    let kept = by["claims"].as_array().unwrap();
    assert!(!kept.is_empty());
    assert!(kept.len() < all["claims"].as_array().unwrap().len());
    let names: Vec<(&str, String)> = by["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap(),
                e["name"].as_str().unwrap().to_lowercase(),
            )
        })
        .collect();
    for c in kept {
        assert!(
            c["mentions"].as_array().unwrap().iter().any(|m| {
                m["source"]
                    .as_str()
                    .is_some_and(|s| s.to_lowercase().contains("anna berg"))
                    || names
                        .iter()
                        .any(|(id, name)| m["source_entity"] == *id && name.contains("anna berg"))
            }),
            "{c}"
        );
    }
    let about = export_json(&db, &["--format", "graph", "--entity", "anna berg"]);
    let about = about["claims"].as_array().unwrap();
    assert!(!about.is_empty() && about.len() <= all["claims"].as_array().unwrap().len());
    let nobody = export_json(&db, &["--format", "graph", "--entity", "Nobody Atall"]);
    assert!(nobody["claims"].as_array().unwrap().is_empty());
    // Made-up articles have no date: nothing is reported since any day.
    let since = export_json(&db, &["--format", "graph", "--since", "2000-01-01"]);
    assert!(since["claims"].as_array().unwrap().is_empty());
    assert!(since["documents"].as_array().unwrap().is_empty());
}

#[test]
fn export_usage_mistakes_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up(dir.path(), 2);
    let db = db.to_str().unwrap();
    let o = run(&["export", "--format", "parquet", "--db", db]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--out"), "{}", stderr(&o));
    let o = run(&["export", "--db", db, "--since", "March 3"]);
    assert_eq!(code(&o), 2);
    let file = dir.path().join("there.json");
    std::fs::write(&file, "keep").unwrap();
    let o = run(&["export", "--db", db, "--out", file.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
    let o = run(&[
        "export",
        "--db",
        db,
        "--format",
        "csv",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 2, "a folder that holds files is refused");
    assert!(!dir.path().join("claims.csv").exists());
    let o = run(&[
        "export",
        "--db",
        db,
        "--out",
        file.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code(&o), 0);
    assert!(std::fs::read_to_string(&file).unwrap().starts_with('{'));
}
