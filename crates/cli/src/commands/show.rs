//! `hearsay show ID`: one stored document with its analysis, or one claim,
//! cluster, entity or source of the graph, with everything around it.

use super::graph_text::{self, Names};
use super::{DbArg, UsageError};
use super::{out, outln};
use hearsay_format::Format;
use hearsay_resolve::GraphOrigin;
use hearsay_store::{Database, GraphObject, Store, StoreError};
use std::collections::{BTreeSet, HashMap};
use std::process::ExitCode;

/// Arguments of `hearsay show`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay show b1331048 --db news.db             # the first digits of the id are enough
  hearsay show b1331048 --json --db news.db      # the JSON analysis (docs/FORMAT.md)

Ids: documents are hex; claims start with c, clusters with k, entities with e, sources with o
(`hearsay claims`, `clusters`, `entities` and `sources` list them). A cluster shows its
claims, grades, chains and timeline.")]
pub struct Args {
    /// The id of a document, claim, cluster, entity or source, or enough of its first characters.
    #[arg(value_name = "ID")]
    id: String,
    #[command(flatten)]
    db: DbArg,
    /// Output format for a document (the store keeps no tokens, so CoNLL-U comes from `hearsay analyze`).
    #[arg(long, short, value_enum, default_value = "text")]
    format: ShowFormat,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Formats `show` can print from what the store keeps.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ShowFormat {
    /// A readable report.
    Text,
    /// The JSON analysis (or the graph object as JSON).
    Json,
    /// brat standoff attributions (documents only).
    Brat,
}

fn usage(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::NotFound(_) | StoreError::Ambiguous { .. } => UsageError(e.to_string()).into(),
        e => anyhow::Error::from(e),
    }
}

/// Run `hearsay show`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_read_only()?;
    let json = args.json || args.format == ShowFormat::Json;
    match store.find(&args.id).map_err(usage)? {
        GraphObject::Document(id) => {
            let id = if id.as_str().is_empty() {
                store.resolve(&args.id).map_err(usage)?
            } else {
                id
            };
            let analysis = store.analysis(&id)?;
            let format = match (json, args.format) {
                (true, _) => Format::Json,
                (_, ShowFormat::Brat) => Format::Brat,
                _ => Format::Text,
            };
            out!("{}", format.render(&analysis, id.short()))?;
        }
        GraphObject::Claim(id) => {
            let (claim, cluster) = store.graph_claim(&id)?;
            if json {
                outln!(
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({"claim": claim, "cluster": cluster})
                    )?
                )?;
            } else {
                let origin = store.origin(&claim.origin)?;
                let (names, outlets) = context(&store, std::slice::from_ref(&claim))?;
                out!(
                    "{}",
                    graph_text::claim(&claim, &cluster, origin.as_ref(), &names, &outlets)
                )?;
            }
        }
        GraphObject::Cluster(id) => {
            let view = store.graph_cluster(&id)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&view)?)?;
            } else {
                let (names, outlets) = context(&store, &view.claims)?;
                out!("{}", graph_text::cluster(&view, &names, &outlets))?;
            }
        }
        GraphObject::Entity(id) => {
            let view = store.graph_entity(&id)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&view)?)?;
            } else {
                let mut ids: Vec<String> = view
                    .entity
                    .affiliation
                    .iter()
                    .chain(&view.entity.country)
                    .cloned()
                    .collect();
                ids.extend(
                    view.claims_by
                        .iter()
                        .chain(&view.claims_about)
                        .flat_map(|c| c.mentions.iter().filter_map(|m| m.source_entity.clone())),
                );
                let names = store.entity_names(ids)?;
                let mut origins: HashMap<String, GraphOrigin> = HashMap::new();
                for c in view.claims_by.iter().chain(&view.claims_about) {
                    if !origins.contains_key(&c.origin)
                        && let Some(o) = store.origin(&c.origin)?
                    {
                        origins.insert(c.origin.clone(), o);
                    }
                }
                out!("{}", graph_text::entity(&view, &names, &origins))?;
            }
        }
        GraphObject::Origin(id) => match store.source(&id)? {
            Some(s) if json => outln!("{}", serde_json::to_string_pretty(&s)?)?,
            Some(s) => outln!("{}", graph_text::source_line(&s))?,
            None => return Err(UsageError(format!("no source {id}")).into()),
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// Entity names and outlets the claims' mentions refer to.
fn context(
    store: &Database,
    claims: &[hearsay_resolve::GraphClaim],
) -> anyhow::Result<(Names, HashMap<String, String>)> {
    let mut ids = BTreeSet::new();
    let mut docs = BTreeSet::new();
    for c in claims {
        for m in &c.mentions {
            ids.extend(m.source_entity.iter().cloned());
            ids.extend(m.via.iter().cloned());
            docs.insert(m.document.clone());
        }
    }
    Ok((store.entity_names(ids)?, store.outlets(docs)?))
}
