//! `hearsay export --format FORMAT`: the stored graph in the formats other tools read.

use super::{DbArg, UsageError};
use anyhow::Context;
use hearsay_resolve::{GRAPH_SCHEMA, Graph};
use hearsay_store::Store;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hearsay export`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay export --format graph --db news.db > graph.json
  hearsay export --format graph --db news.db --out graph.json --force   # replaces graph.json")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// What to write.
    #[arg(long, short, value_enum, default_value = "graph")]
    format: ExportFormat,
    /// Write to this file instead of standard output (refused if it exists, unless --force).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Allow --out to replace an existing file.
    #[arg(long)]
    force: bool,
}

/// The export formats.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    /// The claim graph, `hearsay.graph/1` (docs/FORMAT.md).
    Graph,
}

#[derive(Serialize)]
struct GraphExport<'a> {
    schema: &'static str,
    #[serde(flatten)]
    graph: &'a Graph,
}

/// Run `hearsay export`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let graph = store.graph()?;
    let mut bytes = serde_json::to_vec_pretty(&GraphExport {
        schema: GRAPH_SCHEMA,
        graph: &graph,
    })?;
    bytes.push(b'\n');
    match &args.out {
        None => std::io::stdout()
            .lock()
            .write_all(&bytes)
            .map_err(super::stdout_error)?,
        Some(path) => write_new(path, &bytes, args.force)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Write `bytes` to `path` atomically (a temporary file beside it, then a
/// rename), refusing to replace an existing file unless `force`.
fn write_new(path: &std::path::Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    if path.exists() && !force {
        return Err(UsageError(format!(
            "{} exists; not replaced (give --force to replace it)",
            path.display()
        ))
        .into());
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
