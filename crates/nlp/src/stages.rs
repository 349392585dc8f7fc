//! The language stages of the pipeline, each a [`Stage`] wrapping one model
//! behind its trait, so the benchmark can time them one by one and another
//! implementation can replace any of them.

use crate::lemma::Lemmatizer;
use crate::tagger::Tagger;
use hearsay_core::{Analysis, Stage};
use std::sync::Arc;

/// Writes [`hearsay_core::Token::pos`] and [`hearsay_core::Token::lemma`] for every token,
/// sentence by sentence. Needs the tokenizer's output.
pub struct TaggerStage {
    tagger: Arc<dyn Tagger>,
    lemmatizer: Arc<Lemmatizer>,
}

impl TaggerStage {
    /// A stage tagging with `tagger` and lemmatizing with `lemmatizer`.
    pub fn new(tagger: Arc<dyn Tagger>, lemmatizer: Arc<Lemmatizer>) -> Self {
        TaggerStage { tagger, lemmatizer }
    }
}

impl Stage for TaggerStage {
    fn name(&self) -> &'static str {
        "tagger"
    }

    fn annotate(&self, analysis: &mut Analysis) {
        let text = analysis.document.text.as_str();
        let tokens = &mut analysis.tokens;
        let names = self.tagger.tag_names();
        let mut words: Vec<&str> = Vec::new();
        let mut tags = Vec::new();
        for s in &analysis.sentences {
            words.clear();
            words.extend(tokens[s.tokens.clone()].iter().map(|t| t.span.text(text)));
            self.tagger.tag(&words, &mut tags);
            for ((tok, &tag), word) in tokens[s.tokens.clone()].iter_mut().zip(&tags).zip(&words) {
                let pos = &names[usize::from(tag)];
                tok.lemma = self.lemmatizer.lemma(word, pos);
                tok.pos.clone_from(pos);
            }
        }
    }
}
