//! `hearsay analyze PATH... [--format F] [--out DIR]`: analyze without storing.
//!
//! With `--out DIR`, one file per document named after the input's stem
//! (`NAME.json`, `NAME.ann` plus `NAME.txt`, `NAME.conllu`); evaluation tools
//! depend on exactly this. No file is written over an input, nor over an
//! existing file without `--force` (see [`super::outputs`]). Without `--out`,
//! the result goes to standard output, in input order (JSON becomes JSON Lines
//! when there are several documents); a closed pipe stops the command quietly.

use super::outputs::OutDir;
use super::{ReadArgs, UsageError, progress, report, stdout_error, warn};
use hearsay_analyze::Analyzer;
use hearsay_core::Analysis;
use hearsay_format::Format;
use hearsay_ingest::{Everything, Outcome, pipeline};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `hearsay analyze`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay analyze examples/sample-article.txt
  hearsay analyze examples/sample-page.html --format json
  hearsay analyze examples/ --format brat --out preds/    # preds/NAME.ann (+ NAME.txt)
  cat examples/sample-feed.jsonl | hearsay analyze - --format jsonl

--out never writes over an input, nor over an existing file unless --force.")]
pub struct Args {
    #[command(flatten)]
    read: ReadArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    format: OutputFormat,
    /// Write one file per document into this directory instead of printing.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// With --out, replace files that are already there (never an input).
    #[arg(long, requires = "out")]
    force: bool,
}

/// The output formats.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum OutputFormat {
    /// A readable report.
    Text,
    /// The JSON analysis (docs/FORMAT.md).
    Json,
    /// The JSON analysis, one document per line.
    Jsonl,
    /// brat standoff attributions (.ann).
    Brat,
    /// CoNLL-U tokens, tags, parse and NER.
    Conllu,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Format {
        match f {
            OutputFormat::Text => Format::Text,
            OutputFormat::Json => Format::Json,
            OutputFormat::Jsonl => Format::Jsonl,
            OutputFormat::Brat => Format::Brat,
            OutputFormat::Conllu => Format::Conllu,
        }
    }
}

/// Run `hearsay analyze`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.read.paths.is_empty() {
        return Err(UsageError(
            "give at least one PATH to analyze (or - for standard input)".into(),
        )
        .into());
    }
    let format = Format::from(args.format);
    let (inputs, errors) = args.read.discover();
    let several = inputs.len() > 1;
    if format == Format::Brat && several && args.out.is_none() {
        return Err(UsageError("brat output of several documents needs --out DIR".into()).into());
    }
    let out = match &args.out {
        Some(dir) => Some(OutDir::create(dir, &inputs, args.force)?),
        None => None,
    };
    let analyzer = Analyzer::new()?;
    let bar = progress(super::known_count(&inputs), "documents");
    let mut failed = errors.len();
    for e in &errors {
        report(&bar, e);
    }
    let mut writer = Writer {
        format,
        out,
        names: HashMap::new(),
        pending: BTreeMap::new(),
        next: 0,
        first: None,
        printed: 0,
        stdout: std::io::stdout().lock(),
    };
    let mut fatal = None;
    pipeline(
        &inputs,
        args.read.options(),
        &analyzer,
        &Everything,
        |n, outcome| {
            bar.inc(1);
            if let Some((_, message)) = outcome.failure() {
                report(&bar, message);
                failed += 1;
            }
            if let Outcome::Analyzed { warnings, .. } = &outcome {
                for w in warnings {
                    warn(&bar, w);
                }
            }
            match writer.accept(n, outcome) {
                Ok(problems) => {
                    failed += problems.len();
                    for p in problems {
                        report(&bar, p);
                    }
                }
                Err(e) => {
                    fatal = Some(e);
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        },
    );
    bar.finish_and_clear();
    if let Some(e) = fatal {
        return Err(e);
    }
    writer.finish()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes outcomes in input order.
struct Writer<'a> {
    format: Format,
    out: Option<OutDir>,
    /// Output names used so far, with the input that used them.
    names: HashMap<String, String>,
    /// Outcomes waiting for an earlier one.
    pending: BTreeMap<usize, Option<(String, Box<Analysis>)>>,
    next: usize,
    /// The first document printed to standard output, held back until we know
    /// whether there are several (JSON becomes JSON Lines then).
    first: Option<(String, Box<Analysis>)>,
    printed: usize,
    stdout: std::io::StdoutLock<'a>,
}

impl Writer<'_> {
    /// Take outcome `n`; returns per-document problems (a name already used,
    /// a file not replaced).
    fn accept(&mut self, n: usize, outcome: Outcome) -> anyhow::Result<Vec<String>> {
        let doc = match outcome {
            Outcome::Analyzed { name, analysis, .. } => Some((name, analysis)),
            Outcome::Skipped
            | Outcome::Failed(_)
            | Outcome::Crashed { .. }
            | Outcome::Quarantined { .. } => None,
        };
        self.pending.insert(n, doc);
        let mut problems = Vec::new();
        while let Some(doc) = self.pending.remove(&self.next) {
            self.next += 1;
            if let Some((name, analysis)) = doc
                && let Some(p) = self.write(name, analysis)?
            {
                problems.push(p);
            }
        }
        Ok(problems)
    }

    fn write(&mut self, name: String, analysis: Box<Analysis>) -> anyhow::Result<Option<String>> {
        let path = analysis.document.path.clone().unwrap_or_else(|| "-".into());
        if let Some(dir) = &self.out {
            if let Some(earlier) = self.names.get(&name) {
                return Ok(Some(format!(
                    "{path}: output name {name:?} is already taken by {earlier}; not written"
                )));
            }
            self.names.insert(name.clone(), path.clone());
            let rendered = self.format.render(&analysis, &name);
            let mut files = vec![(
                format!("{name}.{}", self.format.extension()),
                rendered.as_bytes(),
            )];
            if self.format == Format::Brat {
                files.push((format!("{name}.txt"), analysis.document.text.as_bytes()));
            }
            return match dir.write(&files) {
                Ok(()) => Ok(None),
                Err(e) if e.is_refusal() && e.path() == Path::new(&path) => Ok(Some(e.to_string())),
                Err(e) if e.is_refusal() => Ok(Some(format!("{path}: {e}"))),
                Err(e) => Err(e.into()),
            };
        }
        match self.first.take() {
            None if self.printed == 0 => {
                self.first = Some((name, analysis));
                return Ok(None);
            }
            None => self.print(&name, &analysis, true)?,
            Some((first_name, first)) => {
                if self.format == Format::Brat {
                    return Err(UsageError(
                        "brat output of several documents needs --out DIR".into(),
                    )
                    .into());
                }
                self.print(&first_name, &first, true)?;
                self.print(&name, &analysis, true)?;
            }
        }
        Ok(None)
    }

    fn print(&mut self, name: &str, analysis: &Analysis, several: bool) -> anyhow::Result<()> {
        let format = match self.format {
            Format::Json if several => Format::Jsonl,
            f => f,
        };
        if format == Format::Text && self.printed > 0 {
            writeln!(self.stdout, "\n{}\n", "─".repeat(72)).map_err(stdout_error)?;
        }
        self.stdout
            .write_all(format.render(analysis, name).as_bytes())
            .map_err(stdout_error)?;
        self.printed += 1;
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<()> {
        if let Some((name, analysis)) = self.first.take() {
            self.print(&name, &analysis, false)?;
        }
        self.stdout.flush().map_err(stdout_error)?;
        Ok(())
    }
}
