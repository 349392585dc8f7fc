//! The language layer: tokens, sentences, part-of-speech tags, lemmas,
//! dependency parse and named entities.

pub mod conllu;
pub mod corpus;
pub mod error;
pub mod lemma;
pub mod models;
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
use std::sync::{Arc, OnceLock};
use tagger::Tagger;

/// The loaded language models, shared by every pipeline built in this process.
struct Language {
    tagger: Arc<dyn Tagger>,
    lemmatizer: Arc<Lemmatizer>,
}

impl Language {
    /// Parse the model files (shipped, or from `$HEARSAY_MODELS`).
    fn load() -> Result<Self, ModelError> {
        let (tagger, lemmatizer) =
            models::tagger_from_bytes(&models::model_bytes(models::TAGGER_FILE)?)?;
        Ok(Language {
            tagger: Arc::new(tagger),
            lemmatizer: Arc::new(lemmatizer),
        })
    }
}

static LANGUAGE: OnceLock<Language> = OnceLock::new();

/// The language stages in pipeline order (tokenizer, tagger, parser, NER), with the
/// models shipped in the binary (or read from the directory named by
/// `HEARSAY_MODELS`). The models are parsed once per process and shared.
///
/// ```
/// use hearsay_core::{Analysis, Document};
/// let mut a = Analysis::empty(Document::new("Officials said it rained."), "doc");
/// for stage in hearsay_nlp::stages().unwrap() {
///     stage.annotate(&mut a);
/// }
/// assert_eq!(a.tokens[1].pos, "VBD");
/// assert_eq!(a.tokens[1].lemma, "say");
/// ```
pub fn stages() -> Result<Vec<Box<dyn Stage>>, ModelError> {
    let lang = match LANGUAGE.get() {
        Some(l) => l,
        None => {
            let loaded = Language::load()?;
            LANGUAGE.get_or_init(|| loaded)
        }
    };
    Ok(vec![
        Box::new(tokenize::TokenizerStage),
        Box::new(stages::TaggerStage::new(
            lang.tagger.clone(),
            lang.lemmatizer.clone(),
        )),
    ])
}
