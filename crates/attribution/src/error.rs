//! Errors of the attribution crate.

use std::path::PathBuf;

/// A model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes are not an attribution model of this version.
    #[error("not a hearsay attribution model (expected magic {expected:?})")]
    BadMagic {
        /// The magic the reader expects.
        expected: &'static str,
    },
    /// The model data is damaged.
    #[error("corrupt attribution model: {0}")]
    Corrupt(String),
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// Training or evaluation data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The silver CoNLL-U layers could not be read or do not fit a text.
    #[error("{path}: {source}")]
    Conllu {
        /// The CoNLL-U file.
        path: PathBuf,
        /// What went wrong.
        source: hearsay_nlp::conllu::ConlluError,
    },
    /// A directory holds no texts.
    #[error("{0}: no .txt files found")]
    NoTexts(PathBuf),
}
