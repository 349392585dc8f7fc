//! The defects of issue 16 ("Hardening"), one test each, on the real binary
//! with inputs the tests generate: each failed before the fix.
//!
//! 1. a page nested 10,000 elements deep aborted the process;
//! 2. analysis time grew with the square of one document's size;
//! 3. read-only commands changed another program's SQLite file;
//! 4. a named pipe hung `add`; `add` of a missing path created a database;
//!    `show a` capped its count at 50; bad `--db` paths printed SQLite's message
//!    two or three times; a 100 KB `claims --source` gave SQLite's "pattern too
//!    complex"; a text with NUL bytes was dropped as binary.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::*;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A page with `depth` nested `<div>`s around one paragraph.
fn deep_page(depth: usize) -> String {
    format!(
        "<html><body>{}<p>Officials said the bridge reopened.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// The lines of standard error that are not empty.
fn error_lines(out: &Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn defect_1_a_page_nested_10000_deep_is_refused_by_name_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let page = input.join("n.html");
    std::fs::write(&page, deep_page(10_000)).unwrap();
    for i in 0..3 {
        std::fs::write(input.join(format!("a{i}.txt")), article(i)).unwrap();
    }

    let out = run(&["analyze", s(&page)]);
    assert_eq!(code(&out), 1, "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("n.html") && err.contains("elements deep"),
        "{err}"
    );

    let out = run(&["analyze", s(&input), "--format", "jsonl"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 3);

    let db = dir.path().join("h.db");
    let out = run(&["add", s(&input), "--db", s(&db), "--json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(summary["added"], 3);
    assert!(
        summary["failed"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("n.html")
    );
}

/// The CPU time (user + system) of `hearsay ARGS`, from the kernel's account of that child.
#[expect(
    clippy::zombie_processes,
    reason = "wait4 reaps the child, and reports its resource usage"
)]
fn cpu_seconds(args: &[&str]) -> f64 {
    let child = hearsay()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid; wait4 fills it for the child we spawned.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
    let t = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    t(usage.ru_utime) + t(usage.ru_stime)
}

/// A text of at least `bytes` bytes: the articles of [`article`] as
/// paragraphs, or on one line.
fn sized(bytes: usize, one_line: bool) -> String {
    let mut text = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while text.len() < bytes {
        if !text.is_empty() {
            text.push_str(if one_line { " " } else { "\n\n" });
        }
        text.push_str(&article(i % 500));
        i += 1;
    }
    text
}

#[test]
fn defect_2_the_cost_of_one_document_per_megabyte_stays_flat_as_it_grows() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = dir.path().join("tiny.txt");
    std::fs::write(&tiny, article(0)).unwrap();
    let start = cpu_seconds(&["analyze", s(&tiny), "--format", "jsonl"]);
    for (one_line, small, large) in [(true, 500_000, 2_000_000), (false, 1_000_000, 4_000_000)] {
        let per_mb = |bytes: usize| {
            let path = dir.path().join(format!("{bytes}-{one_line}.txt"));
            std::fs::write(&path, sized(bytes, one_line)).unwrap();
            let cpu = cpu_seconds(&["analyze", s(&path), "--format", "jsonl"]) - start;
            cpu / (bytes as f64 / 1e6)
        };
        let (a, b) = (per_mb(small), per_mb(large));
        // Linear: the same per MB (the bound is 1.5×); quadratic: 4× here.
        assert!(
            b <= 1.5 * a,
            "one line: {one_line}: {a:.2} CPU-s/MB at {small} bytes, {b:.2} at {large}"
        );
    }
}

#[test]
fn defect_2_a_document_of_repeated_articles_has_the_repeated_attributions() {
    let one = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample-article.txt"),
    )
    .unwrap();
    let one = one.trim_end();
    let dir = tempfile::tempdir().unwrap();
    let analyze = |text: &str| -> Vec<String> {
        let path = dir.path().join("doc.txt");
        std::fs::write(&path, text).unwrap();
        let out = run(&["analyze", s(&path), "--format", "json"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let texts = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|a| a.iter().map(|x| x["text"].to_string()).collect())
                .unwrap_or_default()
        };
        let mut found: Vec<String> = v["attributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                format!(
                    "{} | {} | {} | {:?} | {:?} | {}",
                    a["kind"],
                    a["cue"]["text"],
                    a["source"]["text"],
                    texts(&a["content"]),
                    texts(&a["via"]),
                    a["hedge"]["text"]
                )
            })
            .collect();
        found.sort();
        found
    };
    let single = analyze(one);
    assert!(!single.is_empty());
    let repeated = analyze(&[one; 4].join("\n\n"));
    let mut expected: Vec<String> = single
        .iter()
        .cloned()
        .cycle()
        .take(4 * single.len())
        .collect();
    expected.sort();
    assert_eq!(repeated, expected);
}

/// Every file in `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn defect_3_no_command_changes_another_programs_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT);
             CREATE TABLE notes (id INTEGER PRIMARY KEY, note TEXT);
             INSERT INTO documents (body) VALUES ('mine');",
        )
        .unwrap();
    }
    let before = snapshot(dir.path());
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample-article.txt");
    let commands: &[&[&str]] = &[
        &["docs"],
        &["show", "ab12"],
        &["claims"],
        &["claims", "--mentions"],
        &["clusters"],
        &["entities"],
        &["sources"],
        &["timeline", "troops"],
        &["export"],
        &["resolve"],
        &["migrate"],
        &["add", s(&sample)],
    ];
    for args in commands {
        let mut all = args.to_vec();
        all.extend(["--db", s(&db)]);
        let out = run(&all);
        assert_eq!(code(&out), 2, "{args:?}: {out:?}");
        let lines = error_lines(&out);
        assert_eq!(lines.len(), 1, "{args:?}: {lines:?}");
        assert!(
            lines[0].contains("other.db is not a hearsay database"),
            "{args:?}: {lines:?}"
        );
        assert!(lines[0].len() < 200, "{args:?}: {lines:?}");
        assert_eq!(snapshot(dir.path()), before, "{args:?} changed the folder");
    }
}

#[test]
fn defect_3_reading_an_older_hearsay_file_asks_for_migrate_and_migrate_does_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(hearsay_store::schema::MIGRATIONS[0])
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let before = snapshot(dir.path());
    let out = run(&["docs", "--db", s(&db)]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("run `hearsay migrate --db"),
        "{out:?}"
    );
    assert_eq!(snapshot(dir.path()), before);
    let out = run(&["migrate", "--db", s(&db)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("schema version 1 →"),
        "{}",
        stderr(&out)
    );
    let out = run(&["docs", "--db", s(&db), "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "[]");
}

/// `hearsay ARGS`, killed after `limit`: its output, or `None` when it had to be killed.
fn run_within(args: &[&str], limit: Duration) -> Option<Output> {
    let mut child = hearsay()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    None
}

#[test]
fn defect_4_a_named_pipe_in_a_folder_is_reported_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.txt"), article(1)).unwrap();
    let fifo = input.join("x.txt");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let db = dir.path().join("h.db");
    let out = run_within(
        &["add", s(&input), "--db", s(&db), "--json"],
        Duration::from_secs(120),
    )
    .expect("add does not wait for the pipe");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(summary["added"], 1);
    assert!(
        stderr(&out).contains("x.txt: a named pipe, not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn defect_4_add_of_a_missing_path_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let out = run(&["add", s(&dir.path().join("nowhere")), "--db", s(&db)]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("nowhere: no such file or directory"));
    assert!(!stderr(&out).contains("1 document"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn defect_4_show_of_a_short_prefix_counts_every_match() {
    // Short texts until more than 50 ids start with "a" (1 in 16 does).
    let mut texts = Vec::new();
    let mut expected = 0;
    while expected < 60 {
        let text = format!("Report number {}.", texts.len());
        expected += usize::from(
            hearsay_core::DocId::of_text(&text)
                .as_str()
                .starts_with('a'),
        );
        texts.push(text);
    }
    let feed: String = texts
        .iter()
        .map(|t| format!("{}\n", serde_json::json!({ "text": t })))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let out = run_with_stdin(
        &["add", "-", "--from", "jsonl", "--db", s(&db)],
        feed.as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run(&["show", "a", "--db", s(&db)]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(&format!("\"a\" matches {expected} documents")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn defect_4_a_bad_database_path_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "shopping: bread\n").unwrap();
    let missing = dir.path().join("no/such/h.db");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample-article.txt");
    let cases = [
        (dir.path().to_path_buf(), "is a folder, not a database file"),
        (missing.clone(), "the folder"),
        (
            text.clone(),
            "is not a hearsay database (not an SQLite file)",
        ),
    ];
    for (db, reason) in &cases {
        for args in [vec!["docs"], vec!["add", s(&sample)]] {
            let mut all = args.clone();
            all.extend(["--db", s(db)]);
            let out = run(&all);
            assert_eq!(code(&out), 2, "{all:?}: {out:?}");
            let lines = error_lines(&out);
            assert_eq!(lines.len(), 1, "{all:?}: {lines:?}");
            let line = &lines[0];
            assert!(line.contains(s(db)) && line.contains(reason), "{line}");
            // SQLite's words appear at most once, and no more than the reason.
            assert!(!line.contains("unable to open database file"), "{line}");
            assert!(!line.contains("Error code"), "{line}");
        }
    }
    assert_eq!(std::fs::read(&text).unwrap(), b"shopping: bread\n");
    assert!(!missing.parent().unwrap().exists());
}

#[test]
fn defect_4_a_long_source_filter_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample-article.txt");
    assert_eq!(code(&run(&["add", s(&sample), "--db", s(&db)])), 0);
    let long = "press office ".repeat(8000);
    for mentions in [true, false] {
        let mut args = vec!["claims", "--db", s(&db), "--source", &long];
        if mentions {
            args.push("--mentions");
        }
        let out = run(&args);
        assert_eq!(code(&out), 2, "{out:?}");
        let lines = error_lines(&out);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].contains("filters are at most 1000 bytes"),
            "{lines:?}"
        );
        assert!(lines[0].len() < 300, "{lines:?}");
    }
}

#[test]
fn defect_4_a_text_with_nul_bytes_is_stored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nul.txt");
    let mut text = article(4).into_bytes();
    for at in [20, 60, 100, 140] {
        text[at] = 0;
    }
    std::fs::write(&input, &text).unwrap();
    let db = dir.path().join("h.db");
    let out = run(&["add", s(&input), "--db", s(&db), "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(summary["added"], 1);
    assert!(stderr(&out).contains("nul.txt"), "{}", stderr(&out));
    assert!(stderr(&out).contains("NUL"), "{}", stderr(&out));
}

/// The words of the PolNeAR dev texts on one line, repeated to `bytes` bytes.
fn one_line_of(texts: &[String], bytes: usize) -> String {
    let mut line = String::with_capacity(bytes + 4096);
    for word in texts.iter().cycle().flat_map(|t| t.split_whitespace()) {
        if line.len() >= bytes {
            break;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

/// The paths of the stored documents.
fn stored_paths(db: &Path) -> Vec<String> {
    let out = run(&["docs", "--db", s(db), "--json", "--limit", "1000"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docs: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut paths: Vec<String> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths
}

/// The acceptance of issue 16: a folder of 84 good articles, a page nested
/// 10,000 deep and a 20 MB file on one line. `add` stores the 84 and names the
/// two (too deep; over the size limit), exit 1; with the limit raised it reads
/// the line too, stores it (left out of the claim graph, and said so) and
/// names the deep page again. Its time is in docs/PERFORMANCE.md.
#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn a_folder_of_84_articles_a_deep_page_and_a_20_mb_line_stores_the_84_and_names_the_two() {
    let dev = shared().join("corpus/polnear/dev/text");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let mut texts = Vec::new();
    let mut articles = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dev)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for from in names {
        let to = input.join(from.file_name().unwrap());
        std::fs::copy(&from, &to).unwrap();
        texts.push(std::fs::read_to_string(&to).unwrap());
        articles.push(to.display().to_string());
    }
    assert_eq!(articles.len(), 84);
    let deep = input.join("deep.html");
    std::fs::write(&deep, deep_page(10_000)).unwrap();
    let line = input.join("line.txt");
    std::fs::write(&line, one_line_of(&texts, 20_000_000)).unwrap();
    let db = dir.path().join("h.db");

    let out = run(&["add", s(&input), "--db", s(&db), "--json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(summary["added"], 84, "{summary}");
    let mut failed: Vec<&str> = summary["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["error"].as_str().unwrap())
        .collect();
    failed.sort();
    assert_eq!(failed.len(), 2, "{summary}");
    assert!(failed[0].contains("deep.html: HTML nested more than 1000 elements deep"));
    assert!(failed[1].contains("line.txt: ") && failed[1].contains("over the limit of"));
    assert_eq!(stored_paths(&db), articles);

    let out = run(&[
        "add",
        s(&input),
        "--db",
        s(&db),
        "--json",
        "--max-size",
        "32",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (summary["added"].as_u64(), summary["unchanged"].as_u64()),
        (Some(1), Some(84)),
        "{summary}"
    );
    let failed = summary["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1, "{summary}");
    assert!(failed[0]["path"].as_str().unwrap().ends_with("deep.html"));
    let warned = summary["warnings"].to_string();
    assert!(
        warned.contains("line.txt: ") && warned.contains("left out of the graph"),
        "{summary}"
    );
    let mut all = articles.clone();
    all.push(line.display().to_string());
    all.sort();
    assert_eq!(stored_paths(&db), all);
}
