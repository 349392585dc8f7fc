//! Running documented commands: in a scratch copy of the repository's
//! examples (with `../shared` beside it when the corpus is there), with the
//! `hearsay` under test first on `PATH`. Commands too slow for a test (training,
//! benchmarks, builds) are checked instead: their subcommand and options
//! parse, the files and targets they name exist.

use std::path::{Path, PathBuf};
use std::process::Output;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A scratch directory laid out like a checkout: `repo/examples`, and
/// `shared` beside `repo` when the shared corpus is there.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// A fresh sandbox.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let examples = dir.path().join("repo/examples");
        std::fs::create_dir_all(&examples).unwrap();
        for e in std::fs::read_dir(root().join("examples")).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), examples.join(e.file_name())).unwrap();
        }
        let shared = Path::new(env!("HEARSAY_SHARED_DIR"));
        if shared.join("corpus").is_dir() {
            std::os::unix::fs::symlink(shared, dir.path().join("shared")).unwrap();
        }
        Sandbox { dir }
    }

    /// The directory commands run in.
    pub fn repo(&self) -> PathBuf {
        self.dir.path().join("repo")
    }

    /// Run `script` with `sh -c` in the sandbox.
    pub fn sh(&self, script: &str) -> Output {
        let bin = Path::new(env!("CARGO_BIN_EXE_hearsay")).parent().unwrap();
        let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ))
        .unwrap();
        std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .current_dir(self.repo())
            .env("PATH", path)
            .env_remove("HEARSAY_DB")
            .env_remove("HEARSAY_SHARED")
            .env_remove("HEARSAY_MODELS")
            .env_remove("HEARSAY_BENCH_CORPUS")
            .output()
            .expect("sh runs")
    }
}

/// What to do with a documented command.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// Run it (shell text) and check that it succeeds and finds something.
    Run(String),
    /// Too slow to run: run this instead (the command with `--help`), which must succeed.
    Help(String),
    /// Too slow to run, and not a `hearsay` command: what it names must exist.
    Exists(Result<(), String>),
}

/// The command as run here: `target/release/hearsay` is the `hearsay` under test.
fn rewrite(text: &str) -> String {
    text.replace("./target/release/hearsay", "hearsay")
        .replace("target/release/hearsay", "hearsay")
        .replace("target/debug/hearsay", "hearsay")
}

/// The words of `text` after leading `NAME=value` assignments.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .skip_while(|w| {
            w.split_once('=').is_some_and(|(n, _)| {
                !n.is_empty() && n.chars().all(|c| c.is_ascii_uppercase() || c == '_')
            })
        })
        .collect()
}

/// The `hearsay` subcommands not run by the docs tests: training and
/// benchmarks take minutes, a server runs until it is stopped (the server's
/// own tests start it).
const SLOW: [&str; 3] = ["train", "bench", "serve"];

/// How to check the command `text` (with its block's `assignments`).
pub fn plan(text: &str, assignments: &[String]) -> Plan {
    let text = rewrite(text);
    let prefix: String = assignments.iter().map(|a| format!("{a}; ")).collect();
    let w = words(&text);
    let Some(&program) = w.first() else {
        return Plan::Exists(Err("an empty command".into()));
    };
    match program {
        "hearsay" if w.get(1).is_some_and(|s| SLOW.contains(s)) => {
            Plan::Help(format!("{prefix}{text} --help"))
        }
        "hearsay" => Plan::Run(format!("{prefix}{text}")),
        "cargo" => match cargo_run_args(&w) {
            Some(args) => plan(&format!("hearsay {args}"), assignments),
            None => Plan::Exists(cargo_targets(&w)),
        },
        "python3" if w.get(1).is_some_and(|s| s.starts_with("../shared/")) => {
            Plan::Run(format!("{prefix}{text}"))
        }
        p if p.starts_with("bench/") || p.starts_with(".ci/") => Plan::Exists(executable(p)),
        _ if text.contains("| hearsay ") => Plan::Run(format!("{prefix}{text}")),
        p => Plan::Exists(Err(format!(
            "no rule to run or check `{p}` commands (extend crates/cli/tests/docs/run.rs)"
        ))),
    }
}

/// The arguments of `cargo run [--release] [-p hearsay-cli] -- ARGS`: the CLI itself.
fn cargo_run_args(w: &[&str]) -> Option<String> {
    if w.get(1) != Some(&"run") || w.contains(&"--example") {
        return None;
    }
    let dashes = w.iter().position(|&x| x == "--")?;
    let package = w.windows(2).find(|p| p[0] == "-p").map(|p| p[1]);
    matches!(package, None | Some("hearsay-cli")).then(|| w[dashes + 1..].join(" "))
}

/// The package, test, example and manifest a `cargo` command names exist.
fn cargo_targets(w: &[&str]) -> Result<(), String> {
    let value = |flag: &str| -> Vec<&str> {
        w.windows(2)
            .filter(|p| p[0] == flag)
            .map(|p| p[1])
            .collect()
    };
    for manifest in value("--manifest-path") {
        if !root().join(manifest).is_file() {
            return Err(format!("no manifest {manifest}"));
        }
    }
    for path in value("--path") {
        if !root().join(path).join("Cargo.toml").is_file() {
            return Err(format!("no crate at {path}"));
        }
    }
    let Some(package) = value("-p").first().copied() else {
        return Ok(());
    };
    let dir = crate_dir(package).ok_or_else(|| format!("no workspace crate {package}"))?;
    for test in value("--test") {
        if !dir.join(format!("tests/{test}.rs")).is_file()
            && !dir.join(format!("tests/{test}/main.rs")).is_file()
        {
            return Err(format!("{package} has no test target {test}"));
        }
    }
    for example in value("--example") {
        if !dir.join(format!("examples/{example}.rs")).is_file() {
            return Err(format!("{package} has no example {example}"));
        }
    }
    if w.get(1) == Some(&"bench") && !dir.join("benches").is_dir() {
        return Err(format!("{package} has no benches"));
    }
    Ok(())
}

/// The directory of the workspace crate named `package`.
fn crate_dir(package: &str) -> Option<PathBuf> {
    std::fs::read_dir(root().join("crates"))
        .ok()?
        .find_map(|e| {
            let dir = e.ok()?.path();
            let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
            manifest
                .lines()
                .any(|l| l.trim() == format!("name = \"{package}\""))
                .then_some(dir)
        })
}

/// The script `path` exists in the repository and is executable.
fn executable(path: &str) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(root().join(path)) {
        Ok(m) if m.permissions().mode() & 0o111 != 0 => Ok(()),
        Ok(_) => Err(format!("{path} is not executable")),
        Err(e) => Err(format!("{path}: {e}")),
    }
}

/// The subcommands that print only a summary, on standard error (unless `--json`).
const SUMMARY_ONLY: [&str; 3] = ["add", "resolve", "migrate"];

/// True when the command reads the shared corpus.
pub fn needs_corpus(text: &str) -> bool {
    text.contains("../shared") || text.contains("HEARSAY_SHARED")
}

/// What is wrong with the outcome of running `command` (a `Plan::Run`), if anything:
/// it must succeed, and a command that prints what it finds must find something.
pub fn judge(command: &str, out: &Output) -> Result<(), String> {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("failed ({}): {stderr}", out.status));
    }
    let segment = command
        .rsplit('|')
        .find(|s| words(s).first() == Some(&"hearsay"))
        .unwrap_or(command);
    let w = words(segment);
    // Output into files, or a summary on standard error, is not a query's answer.
    let summary_only = w.get(1).is_some_and(|c| SUMMARY_ONLY.contains(c)) && !w.contains(&"--json");
    let quiet = summary_only || w.contains(&"--out") || segment.contains('>');
    let empty = stdout.trim().is_empty() || stdout.trim() == "[]";
    if !quiet && empty {
        return Err(format!(
            "finds nothing (standard output {stdout:?}; standard error {stderr:?})"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_commands_are_checked_not_run() {
        assert_eq!(
            plan("hearsay analyze a.txt", &[]),
            Plan::Run("hearsay analyze a.txt".into())
        );
        assert_eq!(
            plan("target/release/hearsay bench ../shared/x --min-time 5", &[]),
            Plan::Help("hearsay bench ../shared/x --min-time 5 --help".into())
        );
        assert_eq!(
            plan("hearsay train ner --train $S/t", &["S=../shared".into()]),
            Plan::Help("S=../shared; hearsay train ner --train $S/t --help".into())
        );
        assert_eq!(
            plan("cargo run --release -- analyze a.txt", &[]),
            Plan::Run("hearsay analyze a.txt".into())
        );
        assert_eq!(
            plan("hearsay serve --db news.db", &[]),
            Plan::Help("hearsay serve --db news.db --help".into())
        );
        assert_eq!(plan("cargo test --workspace", &[]), Plan::Exists(Ok(())));
        assert_eq!(
            plan("cargo test -p hearsay-cli --test commands", &[]),
            Plan::Exists(Ok(()))
        );
        assert!(matches!(
            plan("cargo test -p hearsay-cli --test no_such_test", &[]),
            Plan::Exists(Err(_))
        ));
        assert!(matches!(
            plan("cargo run -p hearsay-mentions --example no_such", &[]),
            Plan::Exists(Err(_))
        ));
        assert!(matches!(
            plan("bench/no-such.sh", &[]),
            Plan::Exists(Err(_))
        ));
        assert!(matches!(plan("rm -rf /", &[]), Plan::Exists(Err(_))));
        assert_eq!(
            plan("cat f.jsonl | hearsay analyze -", &[]),
            Plan::Run("cat f.jsonl | hearsay analyze -".into())
        );
    }
}
