use crate::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One token with its statistical annotation.
///
/// Tags and labels are the training data's: Penn Treebank POS tags and
/// Stanford basic dependency labels (CoNLL-U `XPOS` and `DEPREL`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is in the text (bytes).
    pub span: Span,
    /// Lemma, lower-cased for common words ("said" → "say").
    pub lemma: String,
    /// Penn Treebank part-of-speech tag ("VBD").
    pub pos: String,
    /// Index (into [`crate::Analysis::tokens`]) of the syntactic head; `None` for a sentence root.
    pub head: Option<usize>,
    /// Dependency label to the head ("nsubj", "ccomp", "root").
    pub deprel: String,
}

/// A sentence: a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's extent in the text (bytes), from its first to its last token.
    pub span: Span,
    /// Its tokens, as indices into [`crate::Analysis::tokens`].
    pub tokens: Range<usize>,
}

/// A named-entity span from the statistical NER (before alias resolution).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NerSpan {
    /// The tokens it covers, as indices into [`crate::Analysis::tokens`].
    pub tokens: Range<usize>,
    /// Where it is in the text (bytes).
    pub span: Span,
    /// The training data's class: `PERSON`, `ORGANIZATION`, `LOCATION` or `MISC`.
    pub label: String,
}
