//! `hearsay train attributions`: train the cue and role taggers on PolNeAR-style
//! gold and write the model file (`models/attribution.bin` is shipped).

use super::eval_attributions::{Layers, load_split};
use anyhow::Context;
use hearsay_attribution::{TrainConfig, train};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hearsay train attributions`.
#[derive(clap::Args)]
pub struct Args {
    /// Training split: a directory with `text/`, `attributions/` and (for
    /// `--layers silver`) `corenlp.conllu.gz`.
    #[arg(long)]
    train: PathBuf,
    /// Development split, scored after every role epoch (optional).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Language layers to train on: `predicted` (hearsay's own tagger, parser
    /// and NER: what the model sees at run time) or `silver` (the CoNLL-U files).
    #[arg(long, value_enum, default_value_t = Layers::Predicted)]
    layers: Layers,
    /// Passes over the data for each tagger.
    #[arg(long)]
    epochs: Option<usize>,
    /// Seed of the visiting order.
    #[arg(long)]
    seed: Option<u64>,
}

/// Train and save the model.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut cfg = TrainConfig::default();
    if let Some(e) = args.epochs {
        cfg.cue_epochs = e;
        cfg.role_epochs = e;
    }
    if let Some(s) = args.seed {
        cfg.seed = s;
    }
    let train_docs = load_split(&args.train, args.layers)
        .with_context(|| format!("reading training data {}", args.train.display()))?;
    let dev_docs = match &args.dev {
        Some(d) => load_split(d, args.layers)
            .with_context(|| format!("reading development data {}", d.display()))?,
        None => Vec::new(),
    };
    eprintln!(
        "training on {} documents ({} layers){}",
        train_docs.len(),
        args.layers.name(),
        if dev_docs.is_empty() {
            String::new()
        } else {
            format!(", scoring on {} dev documents", dev_docs.len())
        }
    );
    let model = train(&train_docs, &dev_docs, &cfg, |line| eprintln!("{line}"));
    let model = model.with_note(&format!("{} layers", args.layers.name()));
    model
        .save(&args.out)
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} ({})", args.out.display(), model.about());
    Ok(ExitCode::SUCCESS)
}
