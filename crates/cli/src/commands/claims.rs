//! `hearsay claims`: query the stored claims — the claims of the graph (one
//! proposition from one origin, with its mentions across articles), or with
//! `--mentions` the attributions of each article one by one.

use super::outln;
use super::{DbArg, UsageError};
use hearsay_store::{Claim, ClaimQuery, Store, StoreError};
use std::process::ExitCode;

/// Arguments of `hearsay claims`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay claims --db news.db                    # claims across articles, newest first
  hearsay claims --entity NATO --db news.db      # also finds claims that say \"the alliance\"
  hearsay claims --source ministry --limit 20 --db news.db
  hearsay claims --search 'fishing AND (talks OR rights)' --json --db news.db

All given conditions must hold. --search uses SQLite FTS5 syntax: words,
\"exact phrases\", AND, OR, NOT, prefix*.")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Claims whose source (as written, or its entity's name) contains this text.
    #[arg(long, value_name = "TEXT")]
    source: Option<String>,
    /// Claims about or by this entity: its canonical name or any way it is written.
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// Claims whose content or source match this full-text (FTS5) query.
    #[arg(long, value_name = "QUERY")]
    search: Option<String>,
    /// Only claims of this document (id or its first digits).
    #[arg(long, value_name = "DOC")]
    doc: Option<String>,
    /// Only claims first published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only claims first published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Only claims of this cluster.
    #[arg(long, value_name = "CLUSTER")]
    cluster: Option<String>,
    /// List the attributions of each article one by one instead of the claims across articles.
    #[arg(long)]
    mentions: bool,
    /// Skip this many claims first.
    #[arg(long, default_value_t = 0, value_name = "N")]
    offset: usize,
    /// At most this many claims.
    #[arg(long, default_value_t = 50, value_name = "N")]
    limit: usize,
    /// Print JSON (an array of claims) instead of text.
    #[arg(long)]
    json: bool,
}

/// A store error caused by the user's query becomes a usage error.
pub fn usage_if_query(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::BadQuery { .. }
        | StoreError::FilterTooLong { .. }
        | StoreError::NotFound(_)
        | StoreError::Ambiguous { .. } => UsageError(e.to_string()).into(),
        e => e.into(),
    }
}

/// Run `hearsay claims`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_read_only()?;
    let document = match &args.doc {
        Some(prefix) => Some(store.resolve(prefix).map_err(usage_if_query)?),
        None => None,
    };
    if !args.mentions {
        return graph_claims(&store, &args, document);
    }
    let claims = store
        .claims(&ClaimQuery {
            source: args.source.clone(),
            entity: args.entity.clone(),
            search: args.search.clone(),
            document,
            limit: Some(args.limit),
            ..ClaimQuery::default()
        })
        .map_err(usage_if_query)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&claims)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if claims.is_empty() {
        eprintln!("no claims match");
        return Ok(ExitCode::SUCCESS);
    }
    for c in &claims {
        print_claim(c)?;
    }
    eprintln!(
        "{} claim{}{}",
        claims.len(),
        if claims.len() == 1 { "" } else { "s" },
        if claims.len() == args.limit {
            " (limit reached: --limit N for more)"
        } else {
            ""
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn print_claim(c: &Claim) -> anyhow::Result<()> {
    let source = match &c.source {
        Some(s) => {
            let name = s
                .name
                .as_deref()
                .filter(|n| !n.eq_ignore_ascii_case(&s.span.text))
                .map(|n| format!(" = {n}"))
                .unwrap_or_default();
            format!(
                "{}{name} [{}]",
                s.span.text,
                hearsay_format::text::kind(s.kind)
            )
        }
        None => "(no source)".to_string(),
    };
    let content: Vec<String> = c
        .content
        .iter()
        .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    outln!(
        "{}  {source} — {} — “{}”",
        &c.document.id[..12.min(c.document.id.len())],
        c.cue.span.text,
        content.join(" … ")
    )?;
    let mut notes = Vec::new();
    if !c.via.is_empty() {
        let via: Vec<&str> = c.via.iter().map(|v| v.text.as_str()).collect();
        notes.push(format!("via {}", via.join(" → ")));
    }
    if let Some(h) = &c.hedge {
        notes.push(format!(
            "hedge “{}” ({})",
            h.text,
            hearsay_format::text::marker_label(h.certainty, h.kind)
        ));
    }
    let d = &c.document;
    let about: Vec<&str> = [
        d.outlet.as_deref(),
        d.published.as_deref(),
        d.title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !about.is_empty() {
        notes.push(super::docs::clip(&about.join(" · "), 100));
    }
    if !notes.is_empty() {
        outln!("              {}", notes.join(" · "))?;
    }
    Ok(())
}

/// The claims of the graph matching the arguments.
fn graph_claims(
    store: &hearsay_store::Database,
    args: &Args,
    document: Option<hearsay_core::DocId>,
) -> anyhow::Result<ExitCode> {
    let page = store
        .graph_claims(&hearsay_store::GraphClaimQuery {
            entity: args.entity.clone(),
            source: args.source.clone(),
            search: args.search.clone(),
            since: args.since.clone(),
            until: args.until.clone(),
            cluster: args.cluster.clone(),
            document,
            window: hearsay_store::Window {
                offset: args.offset,
                limit: args.limit,
            },
        })
        .map_err(usage_if_query)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&page)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if page.items.is_empty() {
        eprintln!("no claims match");
        return Ok(ExitCode::SUCCESS);
    }
    for c in &page.items {
        let origin = store.origin(&c.origin)?;
        outln!("{}", super::graph_text::claim_line(c, origin.as_ref()))?;
    }
    eprintln!(
        "{}–{} of {} claims (grades: source reliability A–F, information credibility 1–6; --mentions lists each article's attributions)",
        page.offset + 1,
        page.offset + page.items.len(),
        page.total
    );
    Ok(ExitCode::SUCCESS)
}
