//! Errors of the language layer.

/// Why a model could not be loaded, trained or saved.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes end before the model does.
    #[error("model data is truncated (reading {0})")]
    Truncated(&'static str),
    /// The bytes are not a hearsay model.
    #[error("not a hearsay model file (bad magic number)")]
    Magic,
    /// A model of another kind was given ("parser" where a "tagger" was expected).
    #[error("expected a {expected} model, found a {found} model")]
    Kind {
        /// The kind wanted.
        expected: &'static str,
        /// The kind in the file.
        found: String,
    },
    /// The file was written by an incompatible version of the format.
    #[error("model format version {found} is not supported (this build reads version {supported})")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        supported: u32,
    },
    /// The bytes are inconsistent.
    #[error("model data is corrupt: {0}")]
    Corrupt(String),
    /// A model file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Training data was unusable.
    #[error("training data: {0}")]
    Data(String),
    /// Reading the training or evaluation corpus failed.
    #[error(transparent)]
    Conllu(#[from] crate::conllu::ConlluError),
}
