//! `hearsay show DOC`: one stored document with its analysis.

use super::out;
use super::{DbArg, UsageError};
use hearsay_format::Format;
use hearsay_store::{Store, StoreError};
use std::process::ExitCode;

/// Arguments of `hearsay show`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay show b1331048 --db news.db             # the first digits of the id are enough
  hearsay show b1331048 --json --db news.db      # the JSON analysis (docs/FORMAT.md)")]
pub struct Args {
    /// The document's id, or enough of its first digits to tell it apart.
    #[arg(value_name = "DOC")]
    doc: String,
    #[command(flatten)]
    db: DbArg,
    /// Output format (the store keeps no tokens, so CoNLL-U comes from `hearsay analyze`).
    #[arg(long, short, value_enum, default_value = "text")]
    format: ShowFormat,
    /// Same as --format json.
    #[arg(long)]
    json: bool,
}

/// Formats `show` can print from what the store keeps.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ShowFormat {
    /// A readable report.
    Text,
    /// The JSON analysis.
    Json,
    /// brat standoff attributions.
    Brat,
}

/// Run `hearsay show`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_read_only()?;
    let id = store.resolve(&args.doc).map_err(|e| match e {
        StoreError::NotFound(_) | StoreError::Ambiguous { .. } => UsageError(e.to_string()).into(),
        e => anyhow::Error::from(e),
    })?;
    let analysis = store.analysis(&id)?;
    let format = match (args.json, args.format) {
        (true, _) | (_, ShowFormat::Json) => Format::Json,
        (_, ShowFormat::Text) => Format::Text,
        (_, ShowFormat::Brat) => Format::Brat,
    };
    out!("{}", format.render(&analysis, id.short()))?;
    Ok(ExitCode::SUCCESS)
}
