//! Training and evaluation data: CoNLL-U documents joined with their raw text,
//! cut into sentences of raw token strings with their gold annotation.
//!
//! Features are computed on the raw text of each token (the `.txt` sliced by
//! the `Start=`/`End=` offsets), because at run time the models see raw text,
//! not the normalized CoNLL-U FORM (`“` rather than ` `` `).

use crate::conllu::{self, Layers};
use crate::error::ModelError;
use std::path::{Path, PathBuf};

/// One document: its text and gold layers (byte spans into the text).
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// The `newdoc id`.
    pub id: String,
    /// The raw article text.
    pub text: String,
    /// Gold tokens, sentences and NER spans.
    pub layers: Layers,
}

/// One gold sentence in the form the trainers use.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    /// Raw token strings.
    pub words: Vec<String>,
    /// Penn Treebank tags (gold).
    pub tags: Vec<String>,
    /// Predicted tags, when a tagger has been run (the parser and NER train and
    /// are evaluated on predicted tags); empty otherwise.
    pub predicted_tags: Vec<String>,
    /// Lemmas.
    pub lemmas: Vec<String>,
    /// Head of each token (sentence index), `None` for the root.
    pub heads: Vec<Option<usize>>,
    /// Dependency labels.
    pub deprels: Vec<String>,
    /// NER class of each token (`O` outside names).
    pub ner: Vec<String>,
    /// True for the first sentence of a document (document-level features reset there).
    pub doc_start: bool,
}

impl GoldSentence {
    /// The words as string slices.
    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }

    /// The tags later stages read: predicted ones if present, else gold.
    pub fn input_tags(&self) -> Vec<&str> {
        let tags = if self.predicted_tags.is_empty() {
            &self.tags
        } else {
            &self.predicted_tags
        };
        tags.iter().map(String::as_str).collect()
    }
}

/// The `text/` directory next to a CoNLL-U file (`…/dev/corenlp.conllu.gz` → `…/dev/text`).
pub fn default_text_dir(conllu: &Path) -> PathBuf {
    conllu
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("text")
}

/// Read a CoNLL-U file and the raw text of each document from `text_dir/ID.txt`.
pub fn load_docs(conllu_path: &Path, text_dir: &Path) -> Result<Vec<GoldDoc>, ModelError> {
    let docs = conllu::read_path(conllu_path)?;
    docs.into_iter()
        .enumerate()
        .map(|(i, d)| {
            let id = d.id.clone().unwrap_or_else(|| format!("doc{}", i + 1));
            let path = text_dir.join(format!("{id}.txt"));
            let text = std::fs::read_to_string(&path).map_err(|source| ModelError::Io {
                path: path.display().to_string(),
                source,
            })?;
            let layers = d.to_layers(&text)?;
            Ok(GoldDoc { id, text, layers })
        })
        .collect()
}

/// Cut documents into gold sentences.
pub fn sentences(docs: &[GoldDoc]) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    for d in docs {
        let l = &d.layers;
        let mut ner = vec!["O"; l.tokens.len()];
        for span in &l.ner {
            for slot in &mut ner[span.tokens.clone()] {
                *slot = span.label.as_str();
            }
        }
        for (k, s) in l.sentences.iter().enumerate() {
            let toks = &l.tokens[s.tokens.clone()];
            let base = s.tokens.start;
            out.push(GoldSentence {
                words: toks
                    .iter()
                    .map(|t| t.span.text(&d.text).to_string())
                    .collect(),
                tags: toks.iter().map(|t| t.pos.clone()).collect(),
                predicted_tags: Vec::new(),
                lemmas: toks.iter().map(|t| t.lemma.clone()).collect(),
                heads: toks.iter().map(|t| t.head.map(|h| h - base)).collect(),
                deprels: toks.iter().map(|t| t.deprel.clone()).collect(),
                ner: ner[s.tokens.clone()]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                doc_start: k == 0,
            });
        }
    }
    out
}

/// Load gold sentences from a CoNLL-U file, with text from `text_dir`
/// (default: the `text/` directory beside the file).
pub fn load_sentences(
    conllu_path: &Path,
    text_dir: Option<&Path>,
) -> Result<Vec<GoldSentence>, ModelError> {
    let dir = text_dir.map_or_else(|| default_text_dir(conllu_path), Path::to_path_buf);
    Ok(sentences(&load_docs(conllu_path, &dir)?))
}
