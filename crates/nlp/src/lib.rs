//! The language layer: tokens, sentences, part-of-speech tags, lemmas,
//! dependency parse and named entities.

pub mod clusters;
pub mod conllu;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod lemma;
pub mod models;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod stages;
pub mod tagger;
pub mod tokenize;
pub mod train;

mod codec;
mod features;
mod hash;
mod rng;

pub use error::ModelError;

use hearsay_core::Stage;
use lemma::Lemmatizer;
use ner::EntityRecognizer;
use parser::Parser;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use tagger::Tagger;

/// The language models, loaded: what the stages run.
///
/// Each model sits behind its trait, so another implementation (a neural
/// tagger, say) can be put in its place.
#[derive(Clone)]
pub struct Language {
    /// The part-of-speech tagger.
    pub tagger: Arc<dyn Tagger>,
    /// The lemmatizer (reads the tagger's tags).
    pub lemmatizer: Arc<Lemmatizer>,
    /// The dependency parser.
    pub parser: Arc<dyn Parser>,
    /// The named-entity recognizer.
    pub ner: Arc<dyn EntityRecognizer>,
}

impl Language {
    /// Parse model files given by a function from file name to bytes.
    fn load(
        bytes: impl Fn(&str) -> Result<std::borrow::Cow<'static, [u8]>, ModelError>,
    ) -> Result<Self, ModelError> {
        let (tagger, lemmatizer) = models::tagger_from_bytes(&bytes(models::TAGGER_FILE)?)?;
        Ok(Language {
            tagger: Arc::new(tagger),
            lemmatizer: Arc::new(lemmatizer),
            parser: Arc::new(models::parser_from_bytes(&bytes(models::PARSER_FILE)?)?),
            ner: Arc::new(models::ner_from_bytes(&bytes(models::NER_FILE)?)?),
        })
    }

    /// The models shipped in the binary, or those in `$HEARSAY_MODELS` when it is set.
    pub fn shipped() -> Result<Self, ModelError> {
        Self::load(models::model_bytes)
    }

    /// The model files (`tagger.bin`, `parser.bin`, `ner.bin`) in `dir`.
    pub fn from_dir(dir: &Path) -> Result<Self, ModelError> {
        Self::load(|file| Ok(models::read_file(&dir.join(file))?.into()))
    }

    /// The language stages in pipeline order: tokenizer, tagger (with lemmas), parser, NER.
    pub fn stages(&self) -> Vec<Box<dyn Stage>> {
        vec![
            Box::new(tokenize::TokenizerStage),
            Box::new(stages::TaggerStage::new(
                self.tagger.clone(),
                self.lemmatizer.clone(),
            )),
            Box::new(stages::ParserStage::new(self.parser.clone())),
            Box::new(stages::NerStage::new(self.ner.clone())),
        ]
    }
}

static SHIPPED: OnceLock<Language> = OnceLock::new();

/// The language stages in pipeline order (tokenizer, tagger, parser, NER), with the
/// models shipped in the binary (or read from the directory named by
/// `HEARSAY_MODELS`). The models are parsed once per process and shared.
///
/// ```
/// use hearsay_core::{Analysis, Document};
/// let mut a = Analysis::empty(Document::new("Officials in Paris said it rained."), "doc");
/// for stage in hearsay_nlp::stages().unwrap() {
///     stage.annotate(&mut a);
/// }
/// let said = &a.tokens[3];
/// assert_eq!((said.pos.as_str(), said.lemma.as_str(), said.head), ("VBD", "say", None));
/// assert_eq!(a.tokens[0].head, Some(3));
/// assert_eq!(a.ner[0].label, "LOCATION");
/// ```
pub fn stages() -> Result<Vec<Box<dyn Stage>>, ModelError> {
    let lang = match SHIPPED.get() {
        Some(l) => l,
        None => {
            let loaded = Language::shipped()?;
            SHIPPED.get_or_init(|| loaded)
        }
    };
    Ok(lang.stages())
}

#[cfg(test)]
mod testdata;
