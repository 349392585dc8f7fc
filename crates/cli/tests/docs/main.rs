//! The documentation as tests. Every command of an `sh` block in README.md and
//! docs/*.md, and every example of every `hearsay … --help`, is run against the
//! real binary (or, when it takes minutes, checked: see `run.rs`) and must
//! succeed and find something; every block marked `<!-- output of: COMMAND -->`
//! must agree with what COMMAND prints (see `expect.rs`).
//!
//! Commands run in document order, one scratch checkout per file (see
//! `run::Sandbox`). Those that read `../shared` run in their own test, ignored
//! without the corpus; a block of them must not depend on the other blocks.
//! New docs, sections and commands are picked up without touching this file:
//! write commands in ```` ```sh ```` blocks, and mark example output.

#[path = "../support/mod.rs"]
mod support;

mod expect;
mod markdown;
mod run;

use markdown::{Block, Command};
use run::{Plan, Sandbox, needs_corpus, plan, root};

/// Something the documentation shows: a command to run or a command's output.
enum Item {
    Command(Command),
    Output(Block),
}

impl Item {
    fn needs_corpus(&self) -> bool {
        match self {
            Item::Command(c) => {
                needs_corpus(&c.text) || c.assignments.iter().any(|a| needs_corpus(a))
            }
            Item::Output(b) => b.output_of.as_deref().is_some_and(needs_corpus),
        }
    }
}

/// Where items come from: a Markdown file, or one command's `--help`.
struct Source {
    /// A `--help` text's examples run against databases of the examples.
    help: bool,
    items: Vec<Item>,
}

/// README.md and every docs/*.md, relative to the root.
fn doc_files() -> Vec<String> {
    let mut files = vec!["README.md".to_string()];
    let mut docs: Vec<String> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

fn doc_sources() -> Vec<Source> {
    doc_files()
        .into_iter()
        .map(|file| {
            let mut items = Vec::new();
            for b in markdown::blocks(&root(), &file) {
                if b.output_of.is_some() {
                    items.push(Item::Output(b));
                } else if b.lang == "sh" {
                    items.extend(markdown::commands(&b).into_iter().map(Item::Command));
                }
            }
            Source { help: false, items }
        })
        .collect()
}

/// `hearsay ARGS --help`.
fn help(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.push("--help");
    let out = support::run(&all);
    assert!(out.status.success(), "{all:?}");
    support::stdout(&out)
}

/// The lines of the section of `text` that starts with the line `heading`.
fn section<'t>(text: &'t str, heading: &str) -> Vec<&'t str> {
    text.lines()
        .skip_while(|l| l.trim() != heading)
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect()
}

/// Every command path (`["eval", "mentions"]`), the top level first.
fn command_paths() -> Vec<Vec<String>> {
    let mut paths = vec![Vec::new()];
    let mut k = 0;
    while k < paths.len() {
        let path = paths[k].clone();
        let args: Vec<&str> = path.iter().map(String::as_str).collect();
        for line in section(&help(&args), "Commands:") {
            let name = line.split_whitespace().next().unwrap_or("help");
            if name != "help" {
                let mut child = path.clone();
                child.push(name.to_string());
                paths.push(child);
            }
        }
        k += 1;
    }
    paths
}

/// The example commands of a help text (lines under `Examples:` that run
/// hearsay, a trailing `\` continuing on the next line).
fn examples(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in section(text, "Examples:") {
        let line = markdown::without_comment(line).trim();
        match line.strip_suffix('\\') {
            Some(head) => pending.push_str(head),
            None => {
                pending.push_str(line);
                out.push(std::mem::take(&mut pending));
            }
        }
    }
    out.retain(|l| l.starts_with("hearsay ") || l.contains("| hearsay "));
    out
}

fn help_sources() -> Vec<Source> {
    command_paths()
        .into_iter()
        .map(|path| {
            let args: Vec<&str> = path.iter().map(String::as_str).collect();
            let name: String = std::iter::once("hearsay")
                .chain(path.iter().map(String::as_str))
                .chain(["--help"])
                .collect::<Vec<_>>()
                .join(" ");
            let items = examples(&help(&args))
                .into_iter()
                .map(|text| {
                    Item::Command(Command {
                        at: name.clone(),
                        text,
                        assignments: Vec::new(),
                    })
                })
                .collect();
            Source { help: true, items }
        })
        .collect()
}

/// Run or check every item that does (`corpus`) or does not read the shared
/// corpus; returns how many were checked and what failed.
fn check(sources: &[Source], corpus: bool) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut problems = Vec::new();
    for source in sources {
        let items: Vec<&Item> = source
            .items
            .iter()
            .filter(|i| i.needs_corpus() == corpus)
            .collect();
        if items.is_empty() {
            continue;
        }
        let sandbox = Sandbox::new();
        if source.help {
            for setup in [
                "hearsay add examples/ --db news.db",
                "hearsay add examples/",
            ] {
                assert!(sandbox.sh(setup).status.success(), "{setup}");
            }
        }
        for item in items {
            checked += 1;
            let problem = match item {
                Item::Command(c) => {
                    check_command(&sandbox, c).map_err(|e| (c.at.clone(), c.text.clone(), e))
                }
                Item::Output(b) => check_output(&sandbox, b)
                    .map_err(|e| (b.at(), b.output_of.clone().unwrap_or_default(), e)),
            };
            if let Err((at, text, e)) = problem {
                problems.push(format!("{at}: `{text}`: {e}"));
            }
        }
    }
    (checked, problems)
}

fn check_command(sandbox: &Sandbox, c: &Command) -> Result<(), String> {
    match plan(&c.text, &c.assignments) {
        Plan::Run(script) => run::judge(&script, &sandbox.sh(&script)),
        Plan::Help(script) => {
            let out = sandbox.sh(&script);
            if out.status.success() {
                Ok(())
            } else {
                Err(format!(
                    "its subcommand or options do not parse: {}",
                    String::from_utf8_lossy(&out.stderr)
                ))
            }
        }
        Plan::Exists(r) => r,
    }
}

fn check_output(sandbox: &Sandbox, b: &Block) -> Result<(), String> {
    let command = b.output_of.as_deref().unwrap_or_default();
    let Plan::Run(script) = plan(command, &[]) else {
        return Err("documented output must come from a command that runs here".into());
    };
    let out = sandbox.sh(&script);
    run::judge(&script, &out)?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if b.lang == "json" {
        let expected: serde_json::Value = serde_json::from_str(&b.body.join("\n"))
            .map_err(|e| format!("the documented JSON does not parse: {e}"))?;
        let actual = serde_json::from_str(&stdout)
            .or_else(|_| serde_json::from_str(stdout.lines().next().unwrap_or("")))
            .map_err(|e| format!("the output is not JSON: {e}"))?;
        expect::json(&expected, &actual, "")
    } else {
        expect::lines(&b.body, &stdout)
    }
}

fn all_sources() -> Vec<Source> {
    let mut sources = doc_sources();
    sources.extend(help_sources());
    sources
}

fn report(what: &str, (checked, problems): (usize, Vec<String>), at_least: usize) {
    assert!(
        problems.is_empty(),
        "{} of {checked} {what} disagree with the binary:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
    assert!(checked >= at_least, "only {checked} {what} found");
}

#[test]
fn the_documented_commands_and_outputs_hold() {
    report("documented items", check(&all_sources(), false), 40);
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn the_documented_commands_and_outputs_on_the_corpus_hold() {
    report(
        "documented items on the corpus",
        check(&all_sources(), true),
        10,
    );
}

#[test]
fn every_command_shows_examples_in_its_help() {
    let paths = command_paths();
    assert!(paths.len() > 10, "{paths:?}");
    for path in paths {
        let args: Vec<&str> = path.iter().map(String::as_str).collect();
        let text = help(&args);
        let leaf = section(&text, "Commands:").is_empty();
        if leaf || path.is_empty() {
            assert!(
                !examples(&text).is_empty(),
                "hearsay {} --help has no examples",
                path.join(" ")
            );
        }
        // Every line is a command or continues one: none was wrapped by the help renderer.
        let mut continues = false;
        for line in section(&text, "Examples:") {
            let l = line.trim();
            assert!(
                continues || l.starts_with("hearsay ") || l.contains("| hearsay "),
                "hearsay {} --help: {line:?} is not an example command (too long a line?)",
                path.join(" ")
            );
            continues = markdown::without_comment(l).trim_end().ends_with('\\');
        }
    }
}

#[test]
fn command_blocks_are_sh_blocks_and_output_markers_mark_blocks() {
    let mut problems = Vec::new();
    for file in doc_files() {
        problems.extend(markdown::stray_markers(&root(), &file));
        for b in markdown::blocks(&root(), &file) {
            let first = b
                .body
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty())
                .unwrap_or("");
            let command = [
                "hearsay ", "cargo ", "bench/", "python3 ", "target/", "cat ",
            ]
            .iter()
            .any(|p| first.starts_with(p));
            if command && b.lang != "sh" && b.output_of.is_none() {
                problems.push(format!("{}: a block of commands not marked ```sh", b.at()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_readme_states_the_size_of_the_shipped_models() {
    let bytes: u64 = std::fs::read_dir(root().join("models"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let stated = format!("(`models/`, {:.1} MB)", bytes as f64 / 1e6);
    assert!(readme.contains(&stated), "README.md should say {stated}");
}

/// Every key of `v` and of the objects inside it.
fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                out.insert(k.clone());
                keys(x, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
        _ => {}
    }
}

#[test]
fn format_md_describes_every_field_of_the_json_outputs() {
    let sandbox = Sandbox::new();
    let mut found = std::collections::BTreeSet::new();
    for script in [
        "hearsay analyze examples/ --format json",
        "hearsay add examples/ --db news.db --json",
        "hearsay docs --db news.db --json",
        "hearsay claims --db news.db --json",
        "hearsay claims --mentions --db news.db --json",
        "hearsay clusters --db news.db --json",
        "hearsay entities --db news.db --json",
        "hearsay sources --db news.db --json",
        "hearsay export --format graph --db news.db",
        "hearsay show b1331048 --db news.db --json",
        "hearsay resolve --db news.db --json",
    ] {
        let out = sandbox.sh(script);
        assert!(out.status.success(), "{script}");
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            if let Ok(v) = serde_json::from_str(line) {
                keys(&v, &mut found);
            }
        }
        if let Ok(v) = serde_json::from_slice(&out.stdout) {
            keys(&v, &mut found);
        }
    }
    // The names written in code spans of FORMAT.md (`attributions[].cue`, `{text, entity}`).
    let format = std::fs::read_to_string(root().join("docs/FORMAT.md")).unwrap();
    let described: std::collections::HashSet<&str> = format
        .split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|code| code.split(|c: char| !(c.is_alphanumeric() || c == '_')))
        .collect();
    let missing: Vec<&String> = found
        .iter()
        .filter(|k| !described.contains(k.as_str()))
        .collect();
    assert!(found.len() > 40, "{found:?}");
    assert!(
        missing.is_empty(),
        "docs/FORMAT.md does not describe {missing:?}"
    );
}
