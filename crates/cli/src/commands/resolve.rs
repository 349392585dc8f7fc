//! `hearsay resolve`: recompute the whole claim graph from the stored documents.

use super::DbArg;
use hearsay_analyze::Analyzer;
use std::process::ExitCode;

/// Arguments of `hearsay resolve`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay resolve --db news.db          # rebuild entities, claims, clusters and grades

`hearsay add` resolves what it adds; this recomputes everything from the stored analyses
(and gives the same graph).")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Print the summary as JSON on standard output.
    #[arg(long)]
    json: bool,
}

/// Run `hearsay resolve`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store = args.db.open_existing()?;
    let analyzer = Analyzer::new()?;
    let started = std::time::Instant::now();
    let summary = hearsay_ingest::resolve_all(&mut store, &analyzer)?;
    if args.json {
        super::outln!("{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        eprintln!(
            "{} documents resolved in {:.1} s: {} entities, {} claims, {} clusters{}",
            summary.documents,
            started.elapsed().as_secs_f64(),
            summary.entities,
            summary.claims,
            summary.clusters,
            if summary.refreshed > 0 {
                format!(" ({} documents re-read)", summary.refreshed)
            } else {
                String::new()
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}
