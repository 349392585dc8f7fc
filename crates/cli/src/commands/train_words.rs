//! `hearsay train words`: how common each content word is in news, from a
//! folder of articles (`models/words.tsv` is shipped, from PolNeAR train).

use super::UsageError;
use anyhow::Context;
use hearsay_analyze::Analyzer;
use hearsay_read::ReadOptions;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hearsay train words`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay train words --train ../shared/corpus/polnear/train/text --out models/words.tsv")]
pub struct Args {
    /// Folder (or files) of articles.
    #[arg(long)]
    train: Vec<PathBuf>,
    /// Where to write the table.
    #[arg(long)]
    out: PathBuf,
    /// Leave out words found in fewer documents than this.
    #[arg(long, default_value_t = 2)]
    min_df: u32,
}

/// Count the words and write the table.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.train.is_empty() {
        return Err(UsageError("give --train with a folder of articles".into()).into());
    }
    let found = hearsay_read::discover(&args.train);
    if let Some(e) = found.errors.first() {
        return Err(UsageError(e.to_string()).into());
    }
    let analyzer = Analyzer::new()?;
    let options = ReadOptions::default();
    let docs: Vec<_> = found
        .inputs
        .iter()
        .flat_map(|i| hearsay_read::read(i, &options))
        .filter_map(Result::ok)
        .map(|item| item.document)
        .collect();
    let analyses: Vec<_> = docs.into_par_iter().map(|d| analyzer.analyze(d)).collect();
    let table = hearsay_resolve::word_table(&analyses, args.min_df);
    std::fs::write(&args.out, &table).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "{} documents, {} words → {}",
        analyses.len(),
        table.lines().count() - 1,
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
