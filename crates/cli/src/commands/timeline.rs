//! `hearsay timeline SUBJECT`: the figures stated about one quantity, over time.

use super::graph_text::timeline;
use super::{DbArg, UsageError, out, outln};
use hearsay_resolve::GraphOrigin;
use std::collections::HashMap;
use std::process::ExitCode;

/// Arguments of `hearsay timeline`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay timeline killed --db news.db        # every timeline whose subject mentions it
  hearsay timeline missing --json --db news.db

A cluster's id names its timeline too.")]
pub struct Args {
    /// Words of the subject ("troops", "people killed"), or a cluster id.
    #[arg(value_name = "SUBJECT")]
    subject: String,
    #[command(flatten)]
    db: DbArg,
    /// Print JSON (an array of timelines) instead of text.
    #[arg(long)]
    json: bool,
}

/// Run `hearsay timeline`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_read_only()?;
    let found = store
        .timelines(&args.subject)
        .map_err(super::claims::usage_if_query)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&found)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if found.is_empty() {
        return Err(UsageError(format!(
            "no timeline's subject contains {:?} (see `hearsay clusters`)",
            args.subject
        ))
        .into());
    }
    for t in &found {
        let mut origins: Vec<GraphOrigin> = Vec::new();
        for p in &t.points {
            if !origins.iter().any(|o| o.id == p.origin)
                && let Some(o) = store.origin(&p.origin)?
            {
                origins.push(o);
            }
        }
        let by_id: HashMap<&str, &GraphOrigin> =
            origins.iter().map(|o| (o.id.as_str(), o)).collect();
        out!("{}", timeline(t, &by_id))?;
        outln!("  cluster {}", t.cluster)?;
    }
    Ok(ExitCode::SUCCESS)
}
