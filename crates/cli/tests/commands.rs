//! The everyday commands end to end: analyze in every format, add, docs,
//! show, claims, exit codes, and the acceptance checks on the shared corpus.

mod support;

use std::path::Path;
use support::*;

fn write_articles(dir: &Path, n: usize) {
    for i in 0..n {
        std::fs::write(
            dir.join(format!("a{i}.txt")),
            format!("Flood in district {i}\n\n{}", article(i)),
        )
        .unwrap();
    }
}

/// Checks the shape of the public JSON analysis (docs/FORMAT.md) and that every span's text matches its offsets.
fn check_schema(v: &serde_json::Value) {
    assert_eq!(v["schema"], "hearsay.analysis/1");
    for key in [
        "id",
        "title",
        "byline",
        "outlet",
        "url",
        "published",
        "path",
    ] {
        assert!(v["document"].get(key).is_some(), "document.{key} missing");
    }
    let text: Vec<char> = v["text"].as_str().expect("text").chars().collect();
    let check_span = |s: &serde_json::Value| {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(a <= b && b <= text.len(), "span {s}");
        let got: String = text[a..b].iter().collect();
        assert_eq!(got, s["text"].as_str().unwrap(), "span text of {s}");
    };
    for key in [
        "sentences",
        "entities",
        "attributions",
        "quantities",
        "times",
        "hedges",
        "flags",
    ] {
        assert!(v[key].is_array(), "{key} is not a list");
    }
    for s in v["sentences"].as_array().unwrap() {
        assert!(s["start"].as_u64().unwrap() <= s["end"].as_u64().unwrap());
    }
    for e in v["entities"].as_array().unwrap() {
        for k in ["id", "name", "type", "kind"] {
            assert!(e[k].is_string(), "entity.{k}");
        }
        e["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .for_each(check_span);
    }
    for a in v["attributions"].as_array().unwrap() {
        assert!(a["id"].is_string() && a["kind"].is_string());
        check_span(&a["cue"]);
        assert!(a["cue"]["lemma"].is_string());
        if !a["source"].is_null() {
            check_span(&a["source"]);
            assert!(a["source"]["kind"].is_string());
            assert!(a["source"].get("entity").is_some() && a["source"].get("role").is_some());
        }
        a["content"].as_array().unwrap().iter().for_each(check_span);
        for via in a["via"].as_array().unwrap() {
            for k in ["text", "entity", "kind", "cue", "start", "end"] {
                assert!(via.get(k).is_some(), "via.{k}");
            }
        }
        if !a["hedge"].is_null() {
            assert!(a["hedge"]["text"].is_string() && a["hedge"]["certainty"].is_string());
        }
    }
    for q in v["quantities"].as_array().unwrap() {
        check_span(q);
        for k in ["value", "min", "max", "unit", "approximate"] {
            assert!(q.get(k).is_some(), "quantity.{k}");
        }
    }
    for t in v["times"].as_array().unwrap() {
        check_span(t);
        for k in ["start_date", "end_date", "granularity", "anchor"] {
            assert!(t.get(k).is_some(), "time.{k}");
        }
    }
    for h in v["hedges"].as_array().unwrap() {
        check_span(h);
        assert!(h["certainty"].is_string());
    }
    for f in v["flags"].as_array().unwrap() {
        assert!(f["kind"].is_string() && f["entities"].is_array() && f["note"].is_string());
        f["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .for_each(check_span);
    }
}

#[test]
fn analyze_prints_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path(), 1);
    let file = dir.path().join("a0.txt");
    let f = file.to_str().unwrap();
    let json = run(&["analyze", f, "--format", "json"]);
    assert_eq!(code(&json), 0, "{}", stderr(&json));
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    check_schema(&v);
    assert_eq!(v["document"]["title"], "Flood in district 0");
    assert_eq!(v["text"], std::fs::read_to_string(&file).unwrap());
    let text = stdout(&run(&["analyze", f]));
    assert!(text.starts_with("Flood in district 0\n"), "{text}");
    let conllu = stdout(&run(&["analyze", f, "--format", "conllu"]));
    assert!(conllu.starts_with("# newdoc id = a0\n"), "{conllu}");
    let brat = run(&["analyze", f, "--format", "brat"]);
    assert_eq!(code(&brat), 0);
    for line in stdout(&brat).lines() {
        assert!(line.starts_with('T') || line.starts_with('E'), "{line}");
    }
}

#[test]
fn several_documents_print_as_json_lines_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path(), 5);
    let out = run(&["analyze", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&out), 0);
    let titles: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["document"]["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        titles,
        (0..5)
            .map(|i| format!("Flood in district {i}"))
            .collect::<Vec<_>>()
    );
    let out = run(&["analyze", dir.path().to_str().unwrap(), "--format", "brat"]);
    assert_eq!(code(&out), 2, "brat of several documents needs --out");
}

#[test]
fn analyze_out_writes_one_file_per_input_stem() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path(), 3);
    let feed = format!("{}\n", serde_json::json!({"text": article(9)}));
    std::fs::write(dir.path().join("feed.jsonl"), feed).unwrap();
    let outs = tempfile::tempdir().unwrap();
    let out_dir = outs.path().join("out");
    for (format, ext) in [("json", "json"), ("brat", "ann"), ("conllu", "conllu")] {
        let out = run(&[
            "analyze",
            dir.path().to_str().unwrap(),
            "--format",
            format,
            "--out",
            out_dir.to_str().unwrap(),
        ]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        for name in ["a0", "a1", "a2", "feed-1"] {
            assert!(
                out_dir.join(format!("{name}.{ext}")).is_file(),
                "{name}.{ext}"
            );
        }
    }
    // brat files come with their text, so that brat and scorers can read them
    assert_eq!(
        std::fs::read_to_string(out_dir.join("feed-1.txt")).unwrap(),
        article(9)
    );
}

#[test]
fn stdin_is_read_and_sniffed() {
    let out = run_with_stdin(&["analyze", "-", "--format", "json"], article(4).as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["document"]["path"], "-");
    let feed = format!(
        "{}\n{}\n",
        serde_json::json!({"text": article(1)}),
        serde_json::json!({"text": article(2)})
    );
    let out = run_with_stdin(&["analyze", "-", "--format", "jsonl"], feed.as_bytes());
    assert_eq!(stdout(&out).lines().count(), 2);
}

on_both! {
    fn add_then_query_then_show_matches_analyze(db) {
        let dir = tempfile::tempdir().unwrap();
        write_articles(dir.path(), 4);
        let d = dir.path().to_str().unwrap();
        let out = run(&["add", d, "--db", db]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(stderr(&out).contains("4 documents in"), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("4 added, 0 re-analyzed, 0 unchanged, 0 failed"),
            "{}",
            stderr(&out)
        );
        let again = run(&["add", d, "--db", db, "--json"]);
        let s: serde_json::Value = serde_json::from_str(&stdout(&again)).unwrap();
        assert_eq!(
            (s["added"].as_u64(), s["unchanged"].as_u64()),
            (Some(0), Some(4))
        );

        let docs: serde_json::Value =
            serde_json::from_str(&stdout(&run(&["docs", "--db", db, "--json"]))).unwrap();
        let docs = docs.as_array().unwrap();
        assert_eq!(docs.len(), 4);
        let id = docs[0]["id"].as_str().unwrap();
        let path = docs[0]["path"].as_str().unwrap();

        // show reads back exactly what analyze computes
        let shown: serde_json::Value =
            serde_json::from_str(&stdout(&run(&["show", &id[..10], "--db", db, "--json"]))).unwrap();
        check_schema(&shown);
        let fresh: serde_json::Value =
            serde_json::from_str(&stdout(&run(&["analyze", path, "--format", "json"]))).unwrap();
        assert_eq!(shown, fresh);
        assert!(stdout(&run(&["show", &id[..10], "--db", db])).contains("Flood in district"));

        // HEARSAY_DB stands in for --db
        let out = hearsay()
            .args(["docs", "--json"])
            .env("HEARSAY_DB", db)
            .output()
            .unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&stdout(&out))
                .unwrap()
                .as_array()
                .unwrap()
                .len(),
            4
        );

        let mentions = run(&[
            "claims",
            "--mentions",
            "--db",
            db,
            "--json",
            "--limit",
            "100",
        ]);
        assert_eq!(code(&mentions), 0, "{}", stderr(&mentions));
        let mentions: serde_json::Value = serde_json::from_str(&stdout(&mentions)).unwrap();
        let n_attributions: u64 = docs.iter().map(|d| d["claims"].as_u64().unwrap()).sum();
        assert!(n_attributions > 0);
        assert_eq!(mentions.as_array().unwrap().len() as u64, n_attributions);

        // every attribution is mentioned by the claims of the graph (an attribution reporting
        // figures of different kinds is one mention per figure: "a3", "a3+2")
        let claims = run(&["claims", "--db", db, "--json", "--limit", "100"]);
        assert_eq!(code(&claims), 0, "{}", stderr(&claims));
        let claims: serde_json::Value = serde_json::from_str(&stdout(&claims)).unwrap();
        let mentioned: std::collections::BTreeSet<(String, String)> = claims["items"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["mentions"].as_array().unwrap())
            .map(|m| {
                let a = m["attribution"].as_str().unwrap();
                let base = a.split('+').next().unwrap();
                (
                    m["document"].as_str().unwrap().to_string(),
                    base.to_string(),
                )
            })
            .collect();
        assert_eq!(mentioned.len() as u64, n_attributions);
        let searched = run(&["claims", "--db", db, "--search", "\"district 2\"", "--json"]);
        assert_eq!(code(&searched), 0);
    }
}

#[test]
fn reanalyze_redoes_what_an_older_analyzer_produced() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path(), 3);
    let db = dir.path().join("h.db");
    assert_eq!(
        code(&run(&[
            "add",
            dir.path().to_str().unwrap(),
            "--db",
            db.to_str().unwrap()
        ])),
        0
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE documents SET analyzer = 'hearsay 0.0.1 []' WHERE seq <= 2",
        [],
    )
    .unwrap();
    drop(conn);
    let out = run(&["add", "--reanalyze", "--db", db.to_str().unwrap(), "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let s: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(s["reanalyzed"], 2);
    let again = run(&["add", "--reanalyze", "--db", db.to_str().unwrap(), "--json"]);
    let s: serde_json::Value = serde_json::from_str(&stdout(&again)).unwrap();
    assert_eq!(s["reanalyzed"], 0);
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let out = run(&["docs", "--db", db.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no database at"), "{}", stderr(&out));
    assert!(!db.exists(), "a query must not create a database");
    assert_eq!(code(&run(&["analyze"])), 2);
    assert_eq!(code(&run(&["add", "--db", db.to_str().unwrap()])), 2);
    assert_eq!(code(&run(&["analyze", "x.txt", "--format", "xml"])), 2);
    assert_eq!(code(&run(&["frobnicate"])), 2);

    write_articles(dir.path(), 1);
    let real = dir.path().join("h.db");
    run(&[
        "add",
        dir.path().join("a0.txt").to_str().unwrap(),
        "--db",
        real.to_str().unwrap(),
    ]);
    let bad = run(&[
        "claims",
        "--db",
        real.to_str().unwrap(),
        "--search",
        "\"unbalanced",
    ]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("FTS5 syntax"), "{}", stderr(&bad));
    assert_eq!(
        code(&run(&[
            "show",
            "ffffffffff",
            "--db",
            real.to_str().unwrap()
        ])),
        2
    );
}

#[test]
fn help_has_examples() {
    let out = run(&["--help"]);
    assert!(stdout(&out).contains("Examples:"));
    for cmd in ["analyze", "add", "docs", "show", "claims"] {
        let out = run(&[cmd, "--help"]);
        assert_eq!(code(&out), 0);
        assert!(stdout(&out).contains("Examples:"), "{cmd} --help");
    }
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn the_seed_article_gives_schema_valid_json_and_a_brat_file_the_scorer_reads() {
    let shared = shared();
    let seed = shared.join("corpus/seed/dprk-troops-treaty.txt");
    let out = run(&["analyze", seed.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    check_schema(&serde_json::from_str(&stdout(&out)).unwrap());

    let dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "analyze",
        seed.to_str().unwrap(),
        "--format",
        "brat",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0);
    assert!(dir.path().join("dprk-troops-treaty.ann").is_file());
    let python = std::process::Command::new("python3")
        .arg(shared.join("eval/score_attributions.py"))
        .arg(shared.join("corpus/seed"))
        .arg(dir.path())
        .arg("--text-dir")
        .arg(shared.join("corpus/seed"))
        .output()
        .expect("python3 runs (the shared scorer needs it)");
    assert!(
        python.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&python.stderr)
    );
    assert!(String::from_utf8_lossy(&python.stdout).contains("attribution_f1_overlap="));
}

on_both! {
    /// `add` twice stores the 84 documents once; the reading commands work on them.
    #[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
    fn the_polnear_dev_texts_store_84_documents_once(db) {
        let texts = shared().join("corpus/polnear/dev/text");
        let texts = texts.to_str().unwrap();
        let first = run(&["add", texts, "--db", db, "--json"]);
        assert_eq!(code(&first), 0, "{}", stderr(&first));
        let s: serde_json::Value = serde_json::from_str(&stdout(&first)).unwrap();
        assert_eq!(s["added"], 84);
        let again = run(&["add", texts, "--db", db, "--json"]);
        let s: serde_json::Value = serde_json::from_str(&stdout(&again)).unwrap();
        assert_eq!(
            (s["added"].as_u64(), s["unchanged"].as_u64()),
            (Some(0), Some(84))
        );
        let docs: serde_json::Value =
            serde_json::from_str(&stdout(&run(&["docs", "--db", db, "--json"]))).unwrap();
        let docs = docs.as_array().unwrap();
        assert_eq!(docs.len(), 84);
        let id = docs[0]["id"].as_str().unwrap();
        let shown = run(&["show", id, "--db", db, "--json"]);
        assert_eq!(code(&shown), 0, "{}", stderr(&shown));
        check_schema(&serde_json::from_str(&stdout(&shown)).unwrap());
        let claims = run(&["claims", "--db", db, "--json", "--limit", "1000"]);
        assert_eq!(code(&claims), 0, "{}", stderr(&claims));
        let claims: serde_json::Value = serde_json::from_str(&stdout(&claims)).unwrap();
        assert!(claims["items"].as_array().unwrap().len() > 84);
        let graph = run(&["export", "--format", "graph", "--db", db]);
        assert_eq!(code(&graph), 0, "{}", stderr(&graph));
        let graph: serde_json::Value = serde_json::from_str(&stdout(&graph)).unwrap();
        assert_eq!(graph["documents"].as_array().unwrap().len(), 84);
        assert_eq!(
            graph["claims"].as_array().unwrap().len() as u64,
            claims["total"].as_u64().unwrap()
        );
    }
}
