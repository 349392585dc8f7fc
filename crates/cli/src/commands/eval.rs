//! `hearsay eval …`: scores printed as tables.
//!
//! `language` lives in `eval_language.rs`; `attributions` in `eval_attributions.rs`;
//! `mentions` in `eval_mentions.rs`; `langid` in `eval_langid.rs`.

use anyhow::Context;
use hearsay_nlp::Language;
use hearsay_nlp::corpus::{self, GoldDoc};
use std::path::PathBuf;
use std::process::ExitCode;

/// What to evaluate.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Score tokenizer, sentence splitter, tagger, parser and NER against a CoNLL-U file.
    #[command(after_help = "\
Examples:
  hearsay eval language --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz
  hearsay eval language --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz --json")]
    Language(super::eval_language::Args),
    /// Score attributions against brat gold annotations.
    #[command(after_help = "\
Examples:
  hearsay eval attributions ../shared/corpus/polnear/dev/attributions
  hearsay eval attributions ../shared/corpus/polnear/dev/attributions --errors --write-brat preds/
  hearsay eval attributions ../shared/corpus/polnear/dev/attributions --layers silver --json")]
    Attributions(super::eval_attributions::Args),
    /// Score the NER and the mention stage's typed entities against a CoNLL-U file's names.
    #[command(after_help = "\
Examples:
  hearsay eval mentions --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz
  hearsay eval mentions --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz --changes 25
  hearsay eval mentions --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz --input gold")]
    Mentions(super::eval_mentions::Args),
    /// Score language identification per language: the built-in test set, or a folder.
    #[command(after_help = "\
Examples:
  hearsay eval langid
  hearsay eval langid examples/ --expect en --json
  hearsay eval langid ../shared/corpus/polnear/dev/text --expect en

A text is right when identified as its language, and decided right when it is
analyzed (English) or left out with an unsupported_language flag (any other).")]
    Langid(super::eval_langid::Args),
}

/// Run the chosen evaluation.
pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Language(a) => super::eval_language::run(a),
        Command::Attributions(a) => super::eval_attributions::run(a),
        Command::Mentions(a) => super::eval_mentions::run(a),
        Command::Langid(a) => super::eval_langid::run(a),
    }
}

/// The gold CoNLL-U file, its texts and the language models to score: what
/// `eval language` and `eval mentions` read.
#[derive(clap::Args)]
pub struct GoldArgs {
    /// Gold data: CoNLL-U (`.conllu` or `.conllu.gz`) with `NER=` and `Start=`/`End=` in MISC.
    #[arg(long)]
    pub dev: PathBuf,
    /// Directory with the raw text of the documents (`ID.txt`) [default: `text/` beside --dev].
    #[arg(long)]
    pub text_dir: Option<PathBuf>,
    /// Directory with the language model files [default: the shipped models, or $HEARSAY_MODELS].
    #[arg(long)]
    pub models: Option<PathBuf>,
}

impl GoldArgs {
    /// The gold documents with their raw texts.
    pub fn docs(&self) -> anyhow::Result<Vec<GoldDoc>> {
        let dir = self
            .text_dir
            .clone()
            .unwrap_or_else(|| corpus::default_text_dir(&self.dev));
        corpus::load_docs(&self.dev, &dir).with_context(|| {
            format!(
                "reading {} with texts from {}",
                self.dev.display(),
                dir.display()
            )
        })
    }

    /// The models of `--models DIR`, else the shipped ones.
    pub fn language(&self) -> anyhow::Result<Language> {
        Ok(match &self.models {
            Some(d) => Language::from_dir(d)
                .with_context(|| format!("loading the models in {}", d.display()))?,
            None => Language::shipped().context("loading the shipped models")?,
        })
    }
}
