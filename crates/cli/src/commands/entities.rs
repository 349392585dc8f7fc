//! `hearsay entities`: the people, bodies, places and outlets linked across articles.

use super::graph_text::entity_line;
use super::{DbArg, outln};
use hearsay_store::Window;
use std::process::ExitCode;

/// Arguments of `hearsay entities`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay entities --db news.db                    # the most mentioned first
  hearsay entities --search Stanic --db news.db    # any alias; ⚑ marks spelling variants

`hearsay show` with an entity's id prints its aliases and the claims by and about it.")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Only entities whose name or an alias contains this text.
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    /// At most this many entities.
    #[arg(long, default_value_t = 50, value_name = "N")]
    limit: usize,
    /// Skip this many entities first.
    #[arg(long, default_value_t = 0, value_name = "N")]
    offset: usize,
    /// Print JSON (a page: `items`, `total`, `offset`) instead of text.
    #[arg(long)]
    json: bool,
}

/// Run `hearsay entities`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_read_only()?;
    let page = store
        .graph_entities(
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
        eprintln!("no entities match");
        return Ok(ExitCode::SUCCESS);
    }
    for e in &page.items {
        outln!("{}", entity_line(e))?;
    }
    eprintln!(
        "{}–{} of {} entities",
        page.offset + 1,
        page.offset + page.items.len(),
        page.total
    );
    Ok(ExitCode::SUCCESS)
}
