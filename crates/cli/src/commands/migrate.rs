//! `hearsay migrate`: bring a database an older hearsay wrote up to this
//! version's schema. Read-only commands never migrate; they ask for this.

use super::DbArg;
use hearsay_store::{DatabaseFile, schema::MIGRATIONS};
use std::process::ExitCode;

/// Arguments of `hearsay migrate`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay migrate --db news.db

`hearsay add` and `hearsay resolve` migrate the database they write to as well;
`docs`, `show`, `claims`, `clusters`, `entities`, `sources`, `timeline` and
`export` only read: they refuse an older file and ask for this command.")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
}

/// Run `hearsay migrate`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let before = match args.db.db.inspect()? {
        DatabaseFile::Hearsay { schema, .. } => Some(schema),
        _ => None,
    };
    let store = args.db.open_existing()?;
    let after = store.schema_version()?;
    let path = &args.db.db;
    match before {
        Some(v) if v < after => eprintln!("{path}: schema version {v} → {after}"),
        _ => eprintln!(
            "{path}: up to date (schema version {after} of {})",
            MIGRATIONS.len()
        ),
    }
    Ok(ExitCode::SUCCESS)
}
