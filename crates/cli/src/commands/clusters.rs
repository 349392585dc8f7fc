//! `hearsay clusters`: the questions the claims are about, contested and circular first.

use super::graph_text::{clip, short};
use super::{DbArg, outln};
use hearsay_resolve::Status;
use hearsay_store::{ClusterQuery, Window};
use std::process::ExitCode;

/// Arguments of `hearsay clusters`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay clusters --db news.db                   # contested and circular clusters first
  hearsay clusters --status updated --db news.db

`hearsay show` with a cluster's id prints its claims, grades, chains and timeline.")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Only clusters of this status.
    #[arg(long, value_enum)]
    status: Option<StatusArg>,
    /// Only clusters whose subject or explanation contains this text.
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    /// At most this many clusters.
    #[arg(long, default_value_t = 50, value_name = "N")]
    limit: usize,
    /// Skip this many clusters first.
    #[arg(long, default_value_t = 0, value_name = "N")]
    offset: usize,
    /// Print JSON (a page: `items`, `total`, `offset`) instead of text.
    #[arg(long)]
    json: bool,
}

/// Cluster statuses as the command line names them.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusArg {
    /// Independent origins disagree.
    Contested,
    /// Two or more independent origins agree.
    Corroborated,
    /// A figure or position was revised.
    Updated,
    /// One origin, reported by several outlets.
    Circular,
    /// One origin, one outlet.
    Single,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Contested => Status::Contested,
            StatusArg::Corroborated => Status::Corroborated,
            StatusArg::Updated => Status::Updated,
            StatusArg::Circular => Status::Circular,
            StatusArg::Single => Status::Single,
        }
    }
}

/// Run `hearsay clusters`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_read_only()?;
    let page = store
        .graph_clusters(&ClusterQuery {
            status: args.status.map(Status::from),
            search: args.search.clone(),
            window: Window {
                offset: args.offset,
                limit: args.limit,
            },
        })
        .map_err(super::claims::usage_if_query)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&page)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if page.items.is_empty() {
        eprintln!("no clusters match (add documents with `hearsay add`)");
        return Ok(ExitCode::SUCCESS);
    }
    for k in &page.items {
        outln!(
            "{}  {:<12}  {} origin{}, {} claim{}{}  {}",
            short(&k.id),
            k.status.as_str(),
            k.independent_origins,
            if k.independent_origins == 1 { "" } else { "s" },
            k.claims.len(),
            if k.claims.len() == 1 { "" } else { "s" },
            k.credibility
                .map(|g| format!(", credibility {g}"))
                .unwrap_or_default(),
            clip(&k.subject, 70)
        )?;
        outln!("               {}", clip(&k.explanation, 200))?;
    }
    eprintln!(
        "{}–{} of {} clusters",
        page.offset + 1,
        page.offset + page.items.len(),
        page.total
    );
    Ok(ExitCode::SUCCESS)
}
