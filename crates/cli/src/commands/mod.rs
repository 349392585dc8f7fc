//! One module per subcommand, and what the everyday commands share: the
//! `--db` option, reading options, progress display, and writing to standard
//! output (where a closed pipe ends the command quietly). The pipeline itself
//! is the `hearsay-ingest` library.

pub mod add;
pub mod analyze;
pub mod bench;
pub mod claims;
pub mod clusters;
pub mod docs;
pub mod entities;
pub mod eval;
pub mod eval_attributions;
pub mod eval_langid;
pub mod eval_language;
pub mod eval_mentions;
pub mod export;
pub mod graph_text;
pub mod migrate;
pub mod outputs;
pub mod resolve;
pub mod serve;
pub mod show;
pub mod sources;
pub mod timeline;
pub mod train;
pub mod train_attributions;
pub mod train_language;
pub mod train_words;
pub mod trial;

use hearsay_read::{Input, InputFormat, ReadError, ReadOptions};
use hearsay_store::{Database, DatabaseFile, Location, StoreError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// A mistake in how the command was called (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Standard output was closed by its reader (`hearsay … | head`): the command
/// stops there, quietly and successfully.
#[derive(Debug, thiserror::Error)]
#[error("standard output was closed")]
pub struct StdoutClosed;

/// The error of a failed write to standard output: [`StdoutClosed`] for a
/// closed pipe, the I/O error otherwise.
pub fn stdout_error(e: std::io::Error) -> anyhow::Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        StdoutClosed.into()
    } else {
        anyhow::Error::new(e).context("writing to standard output")
    }
}

/// Write to standard output, returning the error (see [`stdout_error`])
/// where `print!` would panic.
pub fn write_stdout(args: std::fmt::Arguments) -> anyhow::Result<()> {
    std::io::stdout()
        .lock()
        .write_fmt(args)
        .map_err(stdout_error)
}

/// `print!` to standard output that returns an `anyhow::Result` (see [`write_stdout`]).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::commands::write_stdout(format_args!($($arg)*))
    };
}

/// `println!` to standard output that returns an `anyhow::Result` (see [`write_stdout`]).
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::commands::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {out, outln};

/// The `--db` option.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The database: a SQLite file, or a PostgreSQL database as postgres://USER:PASSWORD@HOST:PORT/NAME.
    #[arg(
        long,
        env = "HEARSAY_DB",
        hide_env_values = true,
        default_value = "hearsay.db",
        value_name = "PATH|URL"
    )]
    pub db: Location,
}

impl DbArg {
    /// Open the database for writing, creating it if needed (`add`).
    pub fn open_or_create(&self) -> anyhow::Result<Database> {
        opened(Database::open(&self.db))
    }

    /// Open an existing database for writing, migrating it if an older hearsay
    /// wrote it (`resolve`, `migrate`).
    pub fn open_existing(&self) -> anyhow::Result<Database> {
        self.must_exist()?;
        self.open_or_create()
    }

    /// Open an existing database for reading only: nothing is created, migrated
    /// or written (`docs`, `show`, `claims`, `clusters`, `entities`, `sources`,
    /// `timeline`, `export`). A file an older hearsay wrote is refused with the
    /// advice to run `hearsay migrate`.
    pub fn open_read_only(&self) -> anyhow::Result<Database> {
        self.must_exist()?;
        opened(Database::open_read_only(&self.db))
    }

    /// Where `add` keeps its run journal (docs/RELIABILITY.md): beside a
    /// SQLite file; for a PostgreSQL database, in the temporary folder under a
    /// name of its own (the journal only matters to the next run on this machine).
    pub fn journal_anchor(&self) -> std::path::PathBuf {
        match &self.db {
            Location::File(path) => path.clone(),
            Location::Postgres(url) => {
                let key = hearsay_core::DocId::of_text(&url.to_string());
                std::env::temp_dir().join(format!("hearsay-postgres-{}", key.short()))
            }
        }
    }

    fn must_exist(&self) -> anyhow::Result<()> {
        match self.db.inspect() {
            Ok(DatabaseFile::Missing | DatabaseFile::Empty) => Err(UsageError(format!(
                "no database at {} (add documents with `hearsay add PATH --db {}`, or set --db / HEARSAY_DB)",
                self.db, self.db
            ))
            .into()),
            Ok(_) => Ok(()),
            Err(e) => Err(open_error(e)),
        }
    }
}

/// A store, or the error of opening it: a path that is a folder, in a missing
/// folder, another program's file or a file of another hearsay version is a
/// usage mistake (exit code 2), told in one line.
fn opened(store: Result<Database, StoreError>) -> anyhow::Result<Database> {
    store.map_err(open_error)
}

fn open_error(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::IsFolder { .. }
        | StoreError::NoFolder { .. }
        | StoreError::NotHearsay { .. }
        | StoreError::OlderSchema { .. }
        | StoreError::NewerSchema { .. } => UsageError(e.to_string()).into(),
        e => e.into(),
    }
}

/// Options for reading inputs, shared by `analyze` and `add`.
#[derive(clap::Args, Debug, Clone)]
pub struct ReadArgs {
    /// Files or directories to read (directories recursively: .txt, .html, .htm, .jsonl, .ndjson); `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read every input as this format instead of going by extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<From>,
    /// Skip files (and JSONL lines) larger than this many MiB (mebibytes, 2^20 bytes).
    #[arg(long, default_value_t = 16, value_name = "MiB")]
    pub max_size: u64,
}

/// Input formats the user can force with `--from`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// Plain text.
    Txt,
    /// An HTML page.
    Html,
    /// One JSON object per line.
    Jsonl,
}

impl ReadArgs {
    /// The inputs the paths stand for, and the paths that could not be used.
    pub fn discover(&self) -> (Vec<Input>, Vec<ReadError>) {
        let found = hearsay_read::discover(&self.paths);
        let inputs = found
            .inputs
            .into_iter()
            .map(|i| match self.from {
                Some(From::Txt) => i.with_format(InputFormat::Text),
                Some(From::Html) => i.with_format(InputFormat::Html),
                Some(From::Jsonl) => i.with_format(InputFormat::Jsonl),
                None => i,
            })
            .collect();
        (inputs, found.errors)
    }

    /// The reading limits.
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_size.saturating_mul(1024 * 1024),
        }
    }
}

/// A progress display on standard error when it is a terminal, hidden otherwise.
pub fn progress(total: Option<u64>, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} ({per_sec}, {eta} left)")
                .expect("a valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} {msg} ({per_sec})")
                .expect("a valid template"),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.set_message(what.to_string());
    bar
}

/// How many documents `inputs` hold, when that is known before reading
/// (every input a text or HTML file).
pub fn known_count(inputs: &[Input]) -> Option<u64> {
    inputs
        .iter()
        .all(|i| {
            matches!(
                i,
                Input::File {
                    format: Some(InputFormat::Text | InputFormat::Html),
                    ..
                }
            )
        })
        .then_some(inputs.len() as u64)
}

/// Print a warning on standard error (above the progress bar).
pub fn warn(bar: &ProgressBar, msg: impl std::fmt::Display) {
    bar.suspend(|| eprintln!("hearsay: warning: {msg}"));
}

/// Print an error about one input on standard error (above the progress bar).
pub fn report(bar: &ProgressBar, msg: impl std::fmt::Display) {
    bar.suspend(|| eprintln!("hearsay: {msg}"));
}
