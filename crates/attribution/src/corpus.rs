//! Annotated corpora on disk: PolNeAR-style `text/NAME.txt` with
//! `attributions/NAME_ANNOTATOR.ann`, and the silver CoNLL-U layers beside them.
//!
//! Gold files are matched to texts as the shared scorer does: the text whose
//! stem is the longest prefix of the `.ann` stem, the first file in sorted order
//! when several annotators exist.

use crate::brat::{BratAttribution, parse_ann};
use crate::error::CorpusError;
use hearsay_core::{Analysis, Document};
use hearsay_nlp::conllu::{ConlluDoc, read_path};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One annotated article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The text's file stem.
    pub name: String,
    /// The text, as read (offsets count its code points).
    pub text: String,
    /// Its gold attributions.
    pub gold: Vec<BratAttribution>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CorpusError + '_ {
    move |source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn list(dir: &Path, ext: &str) -> Result<Vec<String>, CorpusError> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(ext) {
            out.push(stem.to_string());
        }
    }
    out.sort();
    Ok(out)
}

/// The gold file of each text stem (the scorer's matching rule), sorted by stem.
pub fn match_gold(gold_dir: &Path, text_dir: &Path) -> Result<Vec<(String, PathBuf)>, CorpusError> {
    let mut stems = list(text_dir, ".txt")?;
    if stems.is_empty() {
        return Err(CorpusError::NoTexts(text_dir.to_path_buf()));
    }
    stems.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let mut groups: HashMap<String, PathBuf> = HashMap::new();
    for ann in list(gold_dir, ".ann")? {
        if let Some(t) = stems.iter().find(|t| ann.starts_with(t.as_str())) {
            groups
                .entry(t.clone())
                .or_insert_with(|| gold_dir.join(format!("{ann}.ann")));
        }
    }
    let mut out: Vec<(String, PathBuf)> = groups.into_iter().collect();
    out.sort();
    Ok(out)
}

/// Read every article that has gold: its text and its attributions.
pub fn read_articles(gold_dir: &Path, text_dir: &Path) -> Result<Vec<Article>, CorpusError> {
    match_gold(gold_dir, text_dir)?
        .into_iter()
        .map(|(name, ann)| {
            let tpath = text_dir.join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&tpath).map_err(io(&tpath))?;
            let src = std::fs::read_to_string(&ann).map_err(io(&ann))?;
            Ok(Article {
                name,
                text,
                gold: parse_ann(&src),
            })
        })
        .collect()
}

/// The silver CoNLL-U documents of a file, by document id.
pub fn read_silver(path: &Path) -> Result<HashMap<String, ConlluDoc>, CorpusError> {
    let docs = read_path(path).map_err(|source| CorpusError::Conllu {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(docs
        .into_iter()
        .filter_map(|d| Some((d.id.clone()?, d)))
        .collect())
}

/// An analysis of `text` carrying the silver layers (sentences, tokens with
/// parse, NER) of its CoNLL-U document, and nothing else.
pub fn silver_analysis(
    text: &str,
    doc: &ConlluDoc,
    conllu_path: &Path,
) -> Result<Analysis, CorpusError> {
    let layers = doc.to_layers(text).map_err(|source| CorpusError::Conllu {
        path: conllu_path.to_path_buf(),
        source,
    })?;
    let mut a = Analysis::empty(Document::new(text), "silver CoNLL-U");
    a.sentences = layers.sentences;
    a.tokens = layers.tokens;
    a.ner = layers.ner;
    Ok(a)
}
