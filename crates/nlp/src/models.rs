//! Model files: saving, loading, and the models shipped inside the binary.
//!
//! Each model is one file in `models/` at the repository root (`tagger.bin`,
//! `parser.bin`, `ner.bin`), embedded with `include_bytes!`. Setting the
//! environment variable `HEARSAY_MODELS` to a directory loads the files from
//! there instead (for trying a retrained model without rebuilding).

use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::lemma::Lemmatizer;
use crate::ner::{self, PerceptronNer};
use crate::parser::{self, PerceptronParser};
use crate::tagger::{self, PerceptronTagger};
use std::path::Path;

/// The environment variable naming a directory to load models from.
pub const MODELS_ENV: &str = "HEARSAY_MODELS";

/// File name of the tagger (and lemmatizer) model.
pub const TAGGER_FILE: &str = "tagger.bin";
/// File name of the parser model.
pub const PARSER_FILE: &str = "parser.bin";
/// File name of the NER model.
pub const NER_FILE: &str = "ner.bin";

/// The shipped tagger model.
static TAGGER_BYTES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/tagger.bin"
));
/// The shipped parser model.
static PARSER_BYTES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/parser.bin"
));
/// The shipped NER model.
static NER_BYTES: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner.bin"));

/// Serialize a tagger and its lemmatizer into one model file.
pub fn tagger_to_bytes(tagger: &PerceptronTagger, lemmatizer: &Lemmatizer) -> Vec<u8> {
    let mut w = Writer::new(tagger::KIND);
    tagger.write(&mut w);
    lemmatizer.write(&mut w);
    w.into_bytes()
}

/// Load a tagger and its lemmatizer from model-file bytes.
pub fn tagger_from_bytes(bytes: &[u8]) -> Result<(PerceptronTagger, Lemmatizer), ModelError> {
    let mut r = Reader::new(bytes, tagger::KIND)?;
    let t = PerceptronTagger::read(&mut r)?;
    let l = Lemmatizer::read(&mut r)?;
    r.finish()?;
    Ok((t, l))
}

/// Serialize a parser into a model file.
pub fn parser_to_bytes(p: &PerceptronParser) -> Vec<u8> {
    let mut w = Writer::new(parser::KIND);
    p.write(&mut w);
    w.into_bytes()
}

/// Load a parser from model-file bytes.
pub fn parser_from_bytes(bytes: &[u8]) -> Result<PerceptronParser, ModelError> {
    let mut r = Reader::new(bytes, parser::KIND)?;
    let p = PerceptronParser::read(&mut r)?;
    r.finish()?;
    Ok(p)
}

/// Serialize a named-entity recognizer into a model file.
pub fn ner_to_bytes(n: &PerceptronNer) -> Vec<u8> {
    let mut w = Writer::new(ner::KIND);
    n.write(&mut w);
    w.into_bytes()
}

/// Load a named-entity recognizer from model-file bytes.
pub fn ner_from_bytes(bytes: &[u8]) -> Result<PerceptronNer, ModelError> {
    let mut r = Reader::new(bytes, ner::KIND)?;
    let n = PerceptronNer::read(&mut r)?;
    r.finish()?;
    Ok(n)
}

/// Read a model file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Write a model file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ModelError> {
    std::fs::write(path, bytes).map_err(|source| ModelError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// The bytes of model `file`: from `$HEARSAY_MODELS/file` when the variable is
/// set, else the copy shipped in the binary.
pub fn model_bytes(file: &str) -> Result<std::borrow::Cow<'static, [u8]>, ModelError> {
    if let Some(dir) = std::env::var_os(MODELS_ENV) {
        return Ok(read_file(&Path::new(&dir).join(file))?.into());
    }
    let embedded: &'static [u8] = match file {
        TAGGER_FILE => TAGGER_BYTES,
        PARSER_FILE => PARSER_BYTES,
        NER_FILE => NER_BYTES,
        _ => return Err(ModelError::Data(format!("no shipped model named {file}"))),
    };
    Ok(embedded.into())
}
