//! `hearsay train tagger|parser|ner`: train a language model from CoNLL-U data,
//! printing dev scores after every epoch, and write the model file.
//!
//! The parser and the recognizer read predicted part-of-speech tags: dev is
//! tagged by the tagger (`--tagger`, default the shipped one) and train by
//! jackknifing (taggers trained on the other folds), so that the models learn
//! from tags with realistic errors. The recognizer also reads word clusters
//! learned from the raw text of the training documents.

use super::outln;
use anyhow::Context;
use hearsay_nlp::clusters::WordClusters;
use hearsay_nlp::corpus::{self, GoldDoc, GoldSentence};
use hearsay_nlp::lemma::Lemmatizer;
use hearsay_nlp::train::{EpochReport, TrainOptions};
use hearsay_nlp::{models, ner, parser, tagger};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `hearsay train tagger|parser|ner`.
#[derive(clap::Args)]
pub struct Args {
    /// Training data: CoNLL-U (`.conllu` or `.conllu.gz`) with `Start=`/`End=` offsets in MISC.
    #[arg(long)]
    pub train: PathBuf,
    /// Development data scored after every epoch (the best epoch's model is kept).
    #[arg(long)]
    pub dev: PathBuf,
    /// Where to write the model file.
    #[arg(long)]
    pub out: PathBuf,
    /// Directory with the raw text of the training documents (`ID.txt`) [default: `text/` beside --train].
    #[arg(long)]
    pub train_text: Option<PathBuf>,
    /// Directory with the raw text of the dev documents [default: `text/` beside --dev].
    #[arg(long)]
    pub dev_text: Option<PathBuf>,
    /// Passes over the training data [default: tagger 10, parser 4, ner 8].
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Random seed (shuffling, exploration); training is reproducible for a seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Parser and NER: the tagger model that tags the dev data [default: the shipped tagger].
    #[arg(long)]
    pub tagger: Option<PathBuf>,
    /// Parser and NER: tag the training data by jackknifing over this many folds
    /// (0: tag it with --tagger instead, which gives too-perfect tags).
    #[arg(long, default_value_t = 10)]
    pub jackknife: usize,
    /// Epochs of each jackknife tagger.
    #[arg(long, default_value_t = 5)]
    pub jackknife_epochs: usize,
    /// Drop quantized weights smaller than this from the saved model: a smaller,
    /// faster model [default: parser 800, else 1].
    #[arg(long)]
    pub min_weight: Option<i16>,
}

/// Which language model.
pub enum Model {
    /// POS tagger.
    Tagger,
    /// Dependency parser.
    Parser,
    /// Named-entity recognizer.
    Ner,
}

/// Load gold documents, naming the file on failure.
fn load(path: &Path, text: Option<&Path>) -> anyhow::Result<Vec<GoldDoc>> {
    let dir = text.map_or_else(|| corpus::default_text_dir(path), Path::to_path_buf);
    corpus::load_docs(path, &dir).with_context(|| format!("reading {}", path.display()))
}

/// Learn word clusters from the raw text of the training documents (dev text
/// stays unseen, so dev scores are those of new text).
fn learn_clusters(train: &[GoldDoc]) -> WordClusters {
    let t0 = Instant::now();
    let clusters = WordClusters::learn(train.iter().map(|d| d.text.as_str()));
    // A progress line: training goes on (and writes its model) when no one reads it.
    let _ = outln!(
        "word clusters: {} words from {} texts ({:.1}s)",
        clusters.len(),
        train.len(),
        t0.elapsed().as_secs_f64()
    );
    clusters
}

/// Print one epoch's scores (a progress line: training goes on, and writes its
/// model, when no one reads it).
fn print_epoch(r: &EpochReport) {
    let dev: Vec<String> = r
        .dev_scores
        .iter()
        .map(|(name, v)| format!("{name} {v:.4}"))
        .collect();
    let _ = outln!(
        "epoch {:>2}  train {:.4}  dev {}  ({:.1}s)",
        r.epoch,
        r.train_score,
        dev.join("  "),
        r.seconds
    );
}

/// Tag dev with the given or shipped tagger and train by jackknifing.
fn predict_tags(
    args: &Args,
    train: &mut [GoldSentence],
    dev: &mut [GoldSentence],
) -> anyhow::Result<()> {
    let bytes = match &args.tagger {
        Some(p) => models::read_file(p)?.into(),
        None => models::model_bytes(models::TAGGER_FILE)?,
    };
    let (t, _) = models::tagger_from_bytes(&bytes).context("loading the tagger")?;
    tagger::predict_tags(&t, dev);
    outln!("dev tagged: POS accuracy {:.4}", tagger::accuracy(&t, dev))?;
    if args.jackknife >= 2 {
        let t0 = Instant::now();
        let opts = TrainOptions {
            epochs: args.jackknife_epochs,
            seed: args.seed,
            ..TrainOptions::default()
        };
        let acc = tagger::jackknife(train, args.jackknife, &opts)?;
        outln!(
            "train tagged by {}-fold jackknifing: POS accuracy {acc:.4} ({:.1}s)",
            args.jackknife,
            t0.elapsed().as_secs_f64()
        )?;
    } else {
        tagger::predict_tags(&t, train);
    }
    Ok(())
}

/// Train the chosen model and write it to `--out`.
pub fn run(model: Model, args: Args) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let train_docs = load(&args.train, args.train_text.as_deref())?;
    let dev_docs = load(&args.dev, args.dev_text.as_deref())?;
    let mut train = corpus::sentences(&train_docs);
    let mut dev = corpus::sentences(&dev_docs);
    outln!(
        "{} training and {} dev sentences loaded in {:.1}s",
        train.len(),
        dev.len(),
        t0.elapsed().as_secs_f64()
    )?;
    let opts =
        |default_epochs: usize, default_min_weight: i16, clusters: WordClusters| TrainOptions {
            epochs: args.epochs.unwrap_or(default_epochs),
            seed: args.seed,
            min_weight: args.min_weight.unwrap_or(default_min_weight),
            clusters,
        };
    let bytes = match model {
        Model::Tagger => {
            let t = tagger::train(
                &train,
                &dev,
                &opts(10, 1, WordClusters::default()),
                &mut print_epoch,
            )?;
            let lem = Lemmatizer::train(train.iter().flat_map(|s| {
                s.words
                    .iter()
                    .zip(&s.tags)
                    .zip(&s.lemmas)
                    .map(|((w, t), l)| (w.as_str(), t.as_str(), l.as_str()))
            }));
            let (features, weights, dict) = t.sizes();
            let (rules, exceptions) = lem.sizes();
            outln!(
                "tagger: {features} features, {weights} weights, {dict} dictionary words; \
                 lemmatizer: {rules} rules, {exceptions} exceptions"
            )?;
            models::tagger_to_bytes(&t, &lem)
        }
        Model::Parser => {
            predict_tags(&args, &mut train, &mut dev)?;
            let p = parser::train(
                &train,
                &dev,
                &opts(4, 800, WordClusters::default()),
                &mut print_epoch,
            )?;
            let (features, weights) = p.sizes();
            outln!("parser: {features} features, {weights} weights")?;
            models::parser_to_bytes(&p)
        }
        Model::Ner => {
            predict_tags(&args, &mut train, &mut dev)?;
            let clusters = learn_clusters(&train_docs);
            let n = ner::train(&train, &dev, &opts(8, 1, clusters), &mut print_epoch)?;
            let (features, weights, lexicon) = n.sizes();
            outln!("ner: {features} features, {weights} weights, {lexicon} lexicon words")?;
            models::ner_to_bytes(&n)
        }
    };
    models::write_file(&args.out, &bytes)?;
    outln!(
        "wrote {} ({:.1} MB) in {:.1}s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        t0.elapsed().as_secs_f64()
    )?;
    Ok(ExitCode::SUCCESS)
}
