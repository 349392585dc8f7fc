//! The claim graph on the shared story sets, as `../shared/eval/score_stories.py`
//! scores it: each set becomes a feed, is added to a fresh database, and its
//! graph is exported and scored. Also: adding a set's articles one by one, in
//! three orders, gives the graph a full `hearsay resolve` gives.
//!
//! Ignored (and listed as such) when `../shared` (or `$HEARSAY_SHARED`) is absent.

mod support;

use std::collections::HashMap;
use std::path::Path;
use support::{code, run, shared, stderr};

/// The floors the pooled metrics must stay above (measured values less a
/// small margin; docs/QUALITY.md gives the targets and the current figures).
const FLOORS: &[(&str, f64)] = &[
    ("mention_recall", 0.97),
    ("source_acc", 0.92),
    ("via_acc", 0.94),
    ("claim_b3", 0.80),
    ("cluster_b3", 0.68),
    ("origin_b3", 0.79),
    ("entity_f1", 0.70),
    ("variant_recall", 0.65),
    ("quantity_acc", 0.66),
    ("status_acc", 0.48),
    ("reliability_acc", 0.63),
    ("origins_count_acc", 0.36),
    ("credibility_acc", 0.29),
    ("relation_f1", 0.35),
    ("timeline_recall", 0.61),
];

fn feed(shared: &Path, set: &Path) -> Vec<u8> {
    let out = std::process::Command::new("python3")
        .arg(shared.join("eval/score_stories.py"))
        .arg("feed")
        .arg(set)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "feed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn sets(shared: &Path) -> Vec<std::path::PathBuf> {
    let mut sets: Vec<_> = std::fs::read_dir(shared.join("corpus/stories"))
        .expect("story sets")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    sets.sort();
    sets
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn story_sets_score_above_the_floors() {
    let shared = shared();
    let dir = tempfile::tempdir().unwrap();
    let preds = dir.path().join("preds");
    std::fs::create_dir(&preds).unwrap();
    for set in sets(&shared) {
        let name = set.file_name().unwrap().to_string_lossy().to_string();
        let jsonl = dir.path().join(format!("{name}.jsonl"));
        std::fs::write(&jsonl, feed(&shared, &set)).unwrap();
        let db = dir.path().join(format!("{name}.db"));
        let db = db.to_str().unwrap();
        let add = run(&["add", jsonl.to_str().unwrap(), "--db", db]);
        assert_eq!(code(&add), 0, "{}", stderr(&add));
        let out = preds.join(format!("{name}.json"));
        let export = run(&[
            "export",
            "--format",
            "graph",
            "--db",
            db,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code(&export), 0, "{}", stderr(&export));
    }
    let score = std::process::Command::new("python3")
        .arg(shared.join("eval/score_stories.py"))
        .arg("score")
        .arg(shared.join("corpus/stories"))
        .arg(&preds)
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&score.stdout);
    let last = text.lines().last().expect("a headline");
    println!("{last}");
    let metrics: HashMap<&str, f64> = last
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k, v.parse().expect("a number")))
        .collect();
    for (name, floor) in FLOORS {
        let got = metrics[name];
        assert!(got >= *floor, "{name} = {got:.3}, below its floor {floor}");
    }
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn adding_one_by_one_in_any_order_equals_a_full_resolve() {
    let shared = shared();
    let set = shared.join("corpus/stories/set-1");
    let lines: Vec<Vec<u8>> = feed(&shared, &set)
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.to_vec())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let n = lines.len();
    let orders: [Vec<usize>; 3] = [
        (0..n).collect(),
        (0..n).rev().collect(),
        (0..n).map(|i| (i * 5 + 2) % n).collect(),
    ];
    let mut graphs = Vec::new();
    for (o, order) in orders.iter().enumerate() {
        let db = dir.path().join(format!("order{o}.db"));
        let db = db.to_str().unwrap();
        for &i in order {
            let file = dir.path().join(format!("article{i}.jsonl"));
            std::fs::write(&file, &lines[i]).unwrap();
            let add = run(&["add", file.to_str().unwrap(), "--db", db]);
            assert_eq!(code(&add), 0, "{}", stderr(&add));
        }
        let incremental = run(&["export", "--format", "graph", "--db", db]).stdout;
        let resolve = run(&["resolve", "--db", db]);
        assert_eq!(code(&resolve), 0, "{}", stderr(&resolve));
        let full = run(&["export", "--format", "graph", "--db", db]).stdout;
        assert!(
            incremental == full,
            "order {order:?}: the incremental graph differs from the full recompute"
        );
        graphs.push(full);
    }
    assert!(
        graphs.windows(2).all(|w| w[0] == w[1]),
        "orders give different graphs"
    );
}
