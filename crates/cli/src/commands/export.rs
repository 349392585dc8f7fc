//! `hearsay export --format FORMAT`: the stored graph in the formats other
//! tools read (the writers are the `hearsay-export` library; this module
//! parses the arguments, opens the store's paged read and places the files).

use super::{DbArg, UsageError};
use anyhow::Context;
use hearsay_export::{EventPer, Files, GraphSource, Page, SourceError};
use hearsay_resolve::{
    GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphOrigin, GraphRelation, GraphTimeline,
};
use hearsay_store::{GraphFilter, GraphView};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `hearsay export`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay export --format graph --db news.db > graph.json
  hearsay export --format graph --db news.db --out graph.json --force   # replaces graph.json
  hearsay export --format stix --db news.db --out bundle.json
  hearsay export --format misp --misp-events document --db news.db > events.jsonl
  hearsay export --format claimreview --db news.db --since 2026-03-01 > reviews.jsonld
  hearsay export --format parquet --db news.db --out tables/
  hearsay export --format csv --db news.db --entity \"North Korea\" --out nk-csv/

csv and parquet write one file per table (documents, entities, origins, claims,
mentions, clusters, relations) into the folder --out names. The same database
always gives the same bytes. docs/EXPORTS.md maps every field.")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// What to write.
    #[arg(long, short, value_enum, default_value = "graph")]
    format: ExportFormat,
    /// Write to this file (for csv and parquet: this folder) instead of standard output.
    /// An existing one is refused unless --force.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Allow --out to replace an existing file (or the tables in an existing folder).
    #[arg(long)]
    force: bool,
    /// Only claims about or by this entity: its canonical name or any way it is written.
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// Only claims whose source (as written, or its entity's name) contains this text.
    #[arg(long, value_name = "TEXT")]
    source: Option<String>,
    /// Only claims reported on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only the claims of this cluster (its id).
    #[arg(long, value_name = "ID")]
    cluster: Option<String>,
    /// For --format misp: one event per cluster or per document.
    #[arg(long, value_enum, default_value = "cluster", value_name = "PER")]
    misp_events: MispEvents,
}

/// The export formats.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    /// The claim graph, `hearsay.graph/1` (docs/FORMAT.md).
    Graph,
    /// A STIX 2.1 bundle (OpenCTI and other threat-intelligence platforms).
    Stix,
    /// MISP events, one JSON object a line.
    Misp,
    /// schema.org ClaimReview JSON-LD, one review per assessed cluster.
    Claimreview,
    /// One CSV file per table (RFC 4180), into the folder --out names.
    Csv,
    /// One Parquet file per table, into the folder --out names.
    Parquet,
}

/// What a MISP event stands for.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum MispEvents {
    /// One event per cluster of claims.
    Cluster,
    /// One event per document.
    Document,
}

/// Run `hearsay export`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(since) = &args.since
        && !is_date(since)
    {
        return Err(UsageError(format!("--since {since:?}: give a date as YYYY-MM-DD")).into());
    }
    let filter = GraphFilter {
        entity: args.entity.clone(),
        source: args.source.clone(),
        since: args.since.clone(),
        cluster: args.cluster.clone(),
    };
    let store = args.db.open_read_only()?;
    let view = StoreSource(store.graph_view(&filter)?);
    let per = match args.misp_events {
        MispEvents::Cluster => EventPer::Cluster,
        MispEvents::Document => EventPer::Document,
    };
    match args.format {
        ExportFormat::Graph => stream(&args, |w| hearsay_export::write_graph(&view, w))?,
        ExportFormat::Stix => stream(&args, |w| hearsay_export::write_stix(&view, w))?,
        ExportFormat::Misp => stream(&args, |w| hearsay_export::write_misp(&view, per, w))?,
        ExportFormat::Claimreview => {
            stream(&args, |w| hearsay_export::write_claimreview(&view, w))?
        }
        ExportFormat::Csv => tables(&args, "csv", |f| hearsay_export::write_csv(&view, f))?,
        ExportFormat::Parquet => tables(&args, "parquet", |f| {
            hearsay_export::write_parquet(&view, f)
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Write one stream through `write`: to `--out` when given, else to standard output.
fn stream(
    args: &Args,
    write: impl FnOnce(&mut dyn Write) -> Result<(), hearsay_export::ExportError>,
) -> anyhow::Result<()> {
    if let Some(path) = &args.out {
        return in_file(path, args.force, write);
    }
    let mut w = BufWriter::new(std::io::stdout().lock());
    match write(&mut w) {
        Err(hearsay_export::ExportError::Io(e)) => return Err(super::stdout_error(e)),
        other => other?,
    }
    w.flush().map_err(super::stdout_error)
}

/// Write the table files through `write` into the folder `--out` names.
fn tables(
    args: &Args,
    format: &str,
    write: impl FnOnce(&mut dyn Files) -> Result<(), hearsay_export::ExportError>,
) -> anyhow::Result<()> {
    let Some(dir) = &args.out else {
        return Err(UsageError(format!(
            "--format {format} writes one file per table: give --out FOLDER"
        ))
        .into());
    };
    in_folder(dir, args.force, write)
}

/// `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// A temporary name beside `path`, for writing before the rename.
fn temporary(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Write one file through `write`, atomically (a temporary file beside it,
/// then a rename), refusing to replace an existing file unless `force`.
fn in_file(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<(), hearsay_export::ExportError>,
) -> anyhow::Result<()> {
    if path.exists() && !force {
        return Err(UsageError(format!(
            "{} exists; not replaced (give --force to replace it)",
            path.display()
        ))
        .into());
    }
    let tmp = temporary(path);
    let result = (|| -> anyhow::Result<()> {
        let file = File::create(&tmp).with_context(|| format!("writing {}", tmp.display()))?;
        let mut w = BufWriter::new(file);
        write(&mut w).with_context(|| format!("writing {}", path.display()))?;
        w.flush()
            .with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The table files of one export: each written under a temporary name in
/// the folder, renamed to its own once all are written.
struct Folder {
    dir: PathBuf,
    made: Vec<(PathBuf, PathBuf)>,
}

impl Files for Folder {
    fn create(&mut self, name: &str) -> std::io::Result<Box<dyn Write + Send>> {
        let path = self.dir.join(name);
        let tmp = temporary(&path);
        let file = File::create(&tmp)?;
        self.made.push((tmp, path));
        Ok(Box::new(BufWriter::new(file)))
    }
}

/// Write the tables into `dir` through `write`, refusing a folder that holds
/// anything unless `force` (which replaces the tables' files).
fn in_folder(
    dir: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Files) -> Result<(), hearsay_export::ExportError>,
) -> anyhow::Result<()> {
    if dir.is_file() {
        return Err(UsageError(format!("{} is a file, not a folder", dir.display())).into());
    }
    let holds_something = std::fs::read_dir(dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if holds_something && !force {
        return Err(UsageError(format!(
            "{} is not empty; nothing written (give --force to replace the tables in it)",
            dir.display()
        ))
        .into());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut folder = Folder {
        dir: dir.to_path_buf(),
        made: Vec::new(),
    };
    let written = write(&mut folder).with_context(|| format!("writing into {}", dir.display()));
    if written.is_err() {
        for (tmp, _) in &folder.made {
            let _ = std::fs::remove_file(tmp);
        }
        return written;
    }
    for (tmp, path) in &folder.made {
        std::fs::rename(tmp, path).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The store's paged read as the export library's source.
struct StoreSource<'s>(GraphView<'s>);

fn boxed<T>(r: Result<T, hearsay_store::StoreError>) -> Result<T, SourceError> {
    r.map_err(|e| Box::new(e) as SourceError)
}

impl GraphSource for StoreSource<'_> {
    fn assessed_at(&self) -> Result<Option<String>, SourceError> {
        boxed(self.0.assessed_at())
    }
    fn documents(&self, after: Option<&GraphDocument>, limit: usize) -> Page<GraphDocument> {
        boxed(self.0.documents(after, limit))
    }
    fn entities(&self, after: Option<&GraphEntity>, limit: usize) -> Page<GraphEntity> {
        boxed(self.0.entities(after, limit))
    }
    fn origins(&self, after: Option<&GraphOrigin>, limit: usize) -> Page<GraphOrigin> {
        boxed(self.0.origins(after, limit))
    }
    fn claims(&self, after: Option<&GraphClaim>, limit: usize) -> Page<GraphClaim> {
        boxed(self.0.claims(after, limit))
    }
    fn clusters(&self, after: Option<&GraphCluster>, limit: usize) -> Page<GraphCluster> {
        boxed(self.0.clusters(after, limit))
    }
    fn relations(&self, after: Option<&GraphRelation>, limit: usize) -> Page<GraphRelation> {
        boxed(self.0.relations(after, limit))
    }
    fn timelines(&self, after: Option<&GraphTimeline>, limit: usize) -> Page<GraphTimeline> {
        boxed(self.0.timelines(after, limit))
    }
    fn claims_by_id(&self, ids: &[String]) -> Page<GraphClaim> {
        boxed(self.0.claims_by_id(ids))
    }
    fn origins_by_id(&self, ids: &[String]) -> Page<GraphOrigin> {
        boxed(self.0.origins_by_id(ids))
    }
    fn entities_by_id(&self, ids: &[String]) -> Page<GraphEntity> {
        boxed(self.0.entities_by_id(ids))
    }
    fn documents_by_id(&self, ids: &[String]) -> Page<GraphDocument> {
        boxed(self.0.documents_by_id(ids))
    }
    fn claims_of_document(&self, document: &str) -> Page<String> {
        boxed(self.0.claims_of_document(document))
    }
    fn cluster_of(&self, claim: &str) -> Result<Option<String>, SourceError> {
        boxed(self.0.cluster_of(claim))
    }
}
