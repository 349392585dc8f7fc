//! `hearsay docs`: list the stored documents.

use super::DbArg;
use super::outln;
use hearsay_store::{DocQuery, Store};
use std::process::ExitCode;

/// Arguments of `hearsay docs`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay docs --db news.db
  hearsay docs --search 'fleet AND exercises' --json --db news.db")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Only documents whose title or text match this full-text (FTS5) query.
    #[arg(long, value_name = "QUERY")]
    search: Option<String>,
    /// At most this many documents (newest first).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Print JSON (an array of documents) instead of a table.
    #[arg(long)]
    json: bool,
}

/// Run `hearsay docs`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_read_only()?;
    let docs = store
        .documents(&DocQuery {
            search: args.search.clone(),
            limit: args.limit,
            ..DocQuery::default()
        })
        .map_err(super::claims::usage_if_query)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&docs)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if docs.is_empty() {
        eprintln!(
            "no documents{}",
            if args.search.is_some() {
                " match"
            } else {
                " stored yet"
            }
        );
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{:12}  {:10}  {:>6}  {:18}  title",
        "id",
        "published",
        "claims",
        "outlet"
    )?;
    for d in &docs {
        let title = d
            .title
            .clone()
            .or_else(|| d.path.clone())
            .unwrap_or_default();
        outln!(
            "{:12}  {:10}  {:>6}  {:18}  {}",
            &d.id[..12.min(d.id.len())],
            d.published
                .as_deref()
                .map(|p| &p[..10.min(p.len())])
                .unwrap_or("-"),
            d.claims,
            clip(d.outlet.as_deref().unwrap_or("-"), 18),
            clip(&title, 80)
        )?;
    }
    eprintln!(
        "{} document{}",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}

/// `s` cut to `n` characters, with an ellipsis when cut.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
