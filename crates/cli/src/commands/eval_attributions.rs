//! `hearsay eval attributions GOLD_DIR`: analyze the texts of a gold split and
//! print the shared scorer's table (`../shared/eval/score_attributions.py`,
//! reimplemented with identical definitions in `hearsay_attribution::score`).

use super::outln;
use anyhow::Context;
use hearsay_analyze::Analyzer;
use hearsay_attribution::brat::to_brat;
use hearsay_attribution::corpus::{read_articles, read_silver, silver_analysis};
use hearsay_attribution::errors::ErrorReport;
use hearsay_attribution::score::Scorer;
use hearsay_attribution::{AttributionStage, Model, TrainingDoc};
use hearsay_core::{CharMap, Document, Stage};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the language layers (sentences, tokens, parse, NER) come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Layers {
    /// hearsay's own language and mention stages, as at run time.
    Predicted,
    /// The silver CoNLL-U file of the split (`corenlp.conllu.gz`), then the mention stages.
    Silver,
}

impl Layers {
    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Layers::Predicted => "predicted",
            Layers::Silver => "silver",
        }
    }
}

/// Arguments of `hearsay eval attributions`.
#[derive(clap::Args)]
pub struct Args {
    /// Directory of gold brat `.ann` files (e.g. `../shared/corpus/polnear/dev/attributions`).
    gold_dir: PathBuf,
    /// Directory of the texts (default: `GOLD_DIR/../text`).
    #[arg(long)]
    text_dir: Option<PathBuf>,
    /// Language layers: `predicted` (the full pipeline) or `silver` (`GOLD_DIR/../corenlp.conllu.gz`).
    #[arg(long, value_enum, default_value_t = Layers::Predicted)]
    layers: Layers,
    /// Attribution model file (default: the shipped model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Override the model's threshold for keeping a candidate attribution:
    /// higher keeps more (recall), lower fewer (precision). For tuning.
    #[arg(long, allow_hyphen_values = true)]
    keep_bias: Option<f32>,
    /// Also write the predictions as brat files (`NAME.ann`) into this directory,
    /// for `python3 ../shared/eval/score_attributions.py GOLD_DIR DIR`.
    #[arg(long)]
    write_brat: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
    /// Also print an error analysis: missed and spurious attributions by kind,
    /// and how matched ones differ from the gold.
    #[arg(long)]
    errors: bool,
}

/// The stages of the pipeline before attribution: language identification
/// (a text it takes for foreign gets no attributions, as at run time), the
/// language models and the mention stage.
fn layer_stages() -> anyhow::Result<Vec<Box<dyn Stage>>> {
    let language = hearsay_nlp::stages().context("loading the language models")?;
    if language.is_empty() {
        anyhow::bail!(
            "the language stages (tokenizer, tagger, parser, NER) are not built into this binary yet; \
             use --layers silver"
        );
    }
    let mut stages: Vec<Box<dyn Stage>> = vec![Box::new(hearsay_langid::LanguageStage)];
    stages.extend(language);
    stages.extend(hearsay_mentions::stages());
    Ok(stages)
}

/// Read a split (`DIR/text`, `DIR/attributions`, and for silver layers
/// `DIR/corenlp.conllu.gz`) and analyze its texts up to the mention stage.
pub fn load_split(dir: &Path, layers: Layers) -> anyhow::Result<Vec<TrainingDoc>> {
    load_docs(&dir.join("attributions"), &dir.join("text"), layers)
}

fn load_docs(gold_dir: &Path, text_dir: &Path, layers: Layers) -> anyhow::Result<Vec<TrainingDoc>> {
    let articles = read_articles(gold_dir, text_dir)?;
    let mut out = Vec::with_capacity(articles.len());
    match layers {
        Layers::Predicted => {
            let analyzer = Analyzer::from_stages(layer_stages()?);
            for a in articles {
                let analysis = analyzer.analyze(Document::new(a.text));
                out.push(TrainingDoc {
                    name: a.name,
                    analysis,
                    gold: a.gold,
                });
            }
        }
        Layers::Silver => {
            let conllu = gold_dir
                .parent()
                .unwrap_or(Path::new("."))
                .join("corenlp.conllu.gz");
            let silver = read_silver(&conllu)?;
            let mentions = hearsay_mentions::stages();
            let mut missing = Vec::new();
            for a in articles {
                let mut analysis = match silver.get(&a.name) {
                    Some(doc) => silver_analysis(&a.text, doc, &conllu)?,
                    None => {
                        missing.push(a.name.clone());
                        hearsay_core::Analysis::empty(Document::new(a.text), "no layers")
                    }
                };
                if !analysis.tokens.is_empty() {
                    for s in &mentions {
                        s.annotate(&mut analysis);
                    }
                }
                out.push(TrainingDoc {
                    name: a.name,
                    analysis,
                    gold: a.gold,
                });
            }
            if !missing.is_empty() {
                eprintln!(
                    "note: {} has no layers for {} document(s), which get no predictions: {}",
                    conllu.display(),
                    missing.len(),
                    missing.join(", ")
                );
            }
        }
    }
    Ok(out)
}

/// Analyze, score and print.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text_dir = args.text_dir.clone().unwrap_or_else(|| {
        args.gold_dir
            .parent()
            .unwrap_or(Path::new("."))
            .join("text")
    });
    let model = match &args.model {
        Some(p) => Model::load(p)?,
        None => Model::shipped()?,
    };
    let model = match args.keep_bias {
        Some(b) => model.with_keep_bias(b),
        None => model,
    };
    let docs = load_docs(&args.gold_dir, &text_dir, args.layers)
        .with_context(|| format!("reading {}", args.gold_dir.display()))?;
    if let Some(dir) = &args.write_brat {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let stage = AttributionStage::new(model);
    let mut scorer = Scorer::default();
    let mut errors = ErrorReport::default();
    let mut spent = std::time::Duration::ZERO;
    let mut words = 0usize;
    for mut d in docs {
        let started = std::time::Instant::now();
        // As in the analyzer: a text taken for foreign gets no attributions.
        if !d.analysis.unsupported_language() {
            stage.annotate(&mut d.analysis);
        }
        spent += started.elapsed();
        words += hearsay_attribution::score::word_tokens(d.analysis.text()).len();
        let text = d.analysis.text();
        let map = CharMap::new(text);
        let pred: Vec<_> = d
            .analysis
            .attributions
            .iter()
            .map(|a| to_brat(a, &map))
            .collect();
        scorer.add_document(text, &d.gold, Some(&pred));
        errors.add_document(text, &d.gold, &pred);
        if let Some(dir) = &args.write_brat {
            let path = dir.join(format!("{}.ann", d.name));
            std::fs::write(&path, hearsay_format::brat::render(&d.analysis))
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    eprintln!(
        "attribution stage: {words} words in {:.3} s ({:.0} words/s, one thread)",
        spent.as_secs_f64(),
        words as f64 / spent.as_secs_f64().max(1e-9)
    );
    let result = scorer.result();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&result)?)?;
    } else {
        if args.errors {
            outln!("{}", errors.table())?;
        }
        outln!("{}", result.table())?;
    }
    Ok(ExitCode::SUCCESS)
}
