//! `hearsay add PATH...`: read, analyze on all cores, store and resolve
//! (the `hearsay-ingest` library), with a progress bar and a closing summary.

use super::trial::ChildProcess;
use super::{DbArg, ReadArgs, UsageError, outln, progress, report, warn};
use hearsay_analyze::Analyzer;
use hearsay_ingest::{AddOptions, AddSummary, Failure, Observer};
use indicatif::ProgressBar;
use serde::Serialize;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `hearsay add`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay add examples/ --db news.db          # every .txt/.html/.jsonl below examples/
  hearsay add examples/sample-feed.jsonl examples/sample-page.html   # into hearsay.db
  cat examples/sample-article.txt | hearsay add - --db news.db       # standard input
  hearsay add --reanalyze --db news.db        # redo documents analyzed by an older analyzer

A document already stored (the same text) is left as it is, whichever analyzer
version produced its analysis; --reanalyze redoes those of other versions.

If reading or analyzing an input kills hearsay (a crash, running out of memory),
the next add tries the inputs that run was on alone, in a child process; one that
kills the child too is quarantined: reported and skipped from then on
(docs/RELIABILITY.md). --retry-quarantined tries them again.")]
pub struct Args {
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    db: DbArg,
    /// Also re-analyze stored documents whose analysis came from another analyzer version.
    #[arg(long)]
    reanalyze: bool,
    /// Try quarantined inputs again (each alone first).
    #[arg(long)]
    retry_quarantined: bool,
    /// Print the closing summary as JSON on standard output.
    #[arg(long)]
    json: bool,
}

/// The closing summary as printed with `--json`.
#[derive(Serialize)]
struct Summary {
    #[serde(flatten)]
    add: AddSummary,
    /// Wall-clock time.
    seconds: f64,
}

/// Progress and failures on the terminal.
struct Terminal<'a>(&'a ProgressBar);

impl Observer for Terminal<'_> {
    fn progressed(&self) {
        self.0.inc(1);
    }
    fn failed(&self, failure: &Failure) {
        report(self.0, &failure.error);
    }
    fn warned(&self, message: &str) {
        warn(self.0, message);
    }
}

/// Run `hearsay add`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.read.paths.is_empty() && !args.reanalyze {
        return Err(UsageError("give at least one PATH to add (or --reanalyze)".into()).into());
    }
    let started = Instant::now();
    let (inputs, errors) = args.read.discover();
    if inputs.is_empty() && !args.reanalyze {
        return nothing_to_add(&errors, &args);
    }
    let mut store = args.db.open_or_create()?;
    let analyzer = Analyzer::new()?;
    let bar = progress(super::known_count(&inputs), "documents");
    let terminal = Terminal(&bar);
    let missing: Vec<Failure> = errors
        .iter()
        .map(|e| {
            let failure = Failure {
                path: e.path(),
                error: e.to_string(),
            };
            terminal.failed(&failure);
            failure
        })
        .collect();
    let journal = args.db.journal_anchor();
    let mut summary = hearsay_ingest::add(
        &mut store,
        &analyzer,
        &inputs,
        args.read.options(),
        AddOptions {
            reanalyze: args.reanalyze,
            retry_quarantined: args.retry_quarantined,
            journal: Some(&journal),
            isolation: Some(&ChildProcess::new()),
        },
        &terminal,
    )?;
    summary.failed.splice(0..0, missing);
    bar.finish_and_clear();
    let summary = Summary {
        add: summary,
        seconds: started.elapsed().as_secs_f64(),
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        print_summary(&summary, &args.db);
    }
    Ok(
        if summary.add.failed.is_empty() && summary.add.quarantined.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        },
    )
}

/// No path named anything to read: report each and leave the database alone
/// (a missing database is not created).
fn nothing_to_add(errors: &[hearsay_read::ReadError], args: &Args) -> anyhow::Result<ExitCode> {
    for e in errors {
        eprintln!("hearsay: {e}");
    }
    if args.json {
        let summary = Summary {
            add: AddSummary {
                failed: errors
                    .iter()
                    .map(|e| Failure {
                        path: e.path(),
                        error: e.to_string(),
                    })
                    .collect(),
                ..AddSummary::default()
            },
            seconds: 0.0,
        };
        outln!("{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        eprintln!(
            "nothing to add: {} path{} could not be read; {} was not touched",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            args.db.db
        );
    }
    Ok(ExitCode::from(1))
}

fn print_summary(summary: &Summary, db: &DbArg) {
    let s = &summary.add;
    let total = s.total();
    eprintln!(
        "{total} document{} in {:.1} s: {} added, {} re-analyzed, {} unchanged, {}{} failed → {}",
        if total == 1 { "" } else { "s" },
        summary.seconds,
        s.added,
        s.reanalyzed,
        s.unchanged,
        match s.quarantined.len() {
            0 => String::new(),
            n => format!("{n} quarantined, "),
        },
        s.failed.len(),
        db.db
    );
    for (what, list) in [("failed", &s.failed), ("quarantined", &s.quarantined)] {
        if !list.is_empty() {
            eprintln!("{what}:");
            for f in list {
                eprintln!("  {}", f.error);
            }
        }
    }
    if !s.warnings.is_empty() {
        eprintln!(
            "{} warning{} (see above)",
            s.warnings.len(),
            if s.warnings.len() == 1 { "" } else { "s" }
        );
    }
}
