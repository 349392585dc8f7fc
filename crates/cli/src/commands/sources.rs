//! `hearsay sources`: the origins of the claims, with their Admiralty reliability and record.

use super::graph_text::source_line;
use super::{DbArg, outln};
use hearsay_store::Window;
use std::process::ExitCode;

/// Arguments of `hearsay sources`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay sources --db news.db                      # reliability A–F with its reason
  hearsay sources --search ministry --json --db news.db")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Only sources whose description contains this text.
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    /// At most this many sources.
    #[arg(long, default_value_t = 50, value_name = "N")]
    limit: usize,
    /// Skip this many sources first.
    #[arg(long, default_value_t = 0, value_name = "N")]
    offset: usize,
    /// Print JSON (a page: `items`, `total`, `offset`) instead of text.
    #[arg(long)]
    json: bool,
}

/// Run `hearsay sources`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_read_only()?;
    let page = store
        .sources(
            args.search.as_deref(),
            Window {
                offset: args.offset,
                limit: args.limit,
            },
        )
        .map_err(super::claims::usage_if_query)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&page)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if page.items.is_empty() {
        eprintln!("no sources match");
        return Ok(ExitCode::SUCCESS);
    }
    for o in &page.items {
        outln!("{}", source_line(o))?;
    }
    eprintln!(
        "{}–{} of {} sources (Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged)",
        page.offset + 1,
        page.offset + page.items.len(),
        page.total
    );
    Ok(ExitCode::SUCCESS)
}
