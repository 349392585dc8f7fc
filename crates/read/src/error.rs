//! What can go wrong reading an input, and what is repaired with a warning.

use std::fmt;

/// Why an input (or one JSONL line of it) could not be read. Every variant
/// names the input; the batch it belongs to goes on.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The path does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The path as given.
        path: String,
    },
    /// The operating system refused (permissions, a directory loop, …).
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A named pipe, socket or device found in a directory.
    #[error("{path}: {kind}, not a regular file; skipped")]
    NotAFile {
        /// The path.
        path: String,
        /// What it is ("a named pipe").
        kind: &'static str,
    },
    /// Too many control characters: not a text, HTML or JSONL file.
    #[error("{path}: binary file (not text, HTML or JSONL); skipped")]
    Binary {
        /// The file.
        path: String,
    },
    /// Nothing but whitespace.
    #[error("{path}: empty (no text to analyze); not stored")]
    Empty {
        /// The file.
        path: String,
    },
    /// Larger than [`crate::ReadOptions::max_bytes`].
    #[error(
        "{path}: {size} bytes is over the limit of {limit} bytes (raise it with --max-size); skipped"
    )]
    TooLarge {
        /// The file, or `FILE:LINE`.
        path: String,
        /// Its size in bytes (at least this much).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// An HTML page nested too deeply to be an article (see [`crate::html::depth`]).
    #[error("{path}: {reason}: not an article page; skipped")]
    TooDeep {
        /// The file.
        path: String,
        /// The limit it passed.
        reason: crate::html::TooDeep,
    },
    /// An HTML page in which no article text was found.
    #[error("{path}: no article text found in the HTML")]
    NoContent {
        /// The file.
        path: String,
    },
    /// A JSONL line that is not an article object.
    #[error("{path}:{line}: {reason}")]
    BadLine {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: crate::jsonl::RecordError,
    },
}

impl ReadError {
    /// The path (or `FILE:LINE`) the error is about.
    pub fn path(&self) -> String {
        match self {
            ReadError::Missing { path }
            | ReadError::Io { path, .. }
            | ReadError::Binary { path }
            | ReadError::Empty { path }
            | ReadError::NotAFile { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::NoContent { path }
            | ReadError::TooDeep { path, .. } => path.clone(),
            ReadError::BadLine { path, line, .. } => format!("{path}:{line}"),
        }
    }
}

/// Something repaired while reading; the document is still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadWarning {
    /// Invalid byte sequences were replaced by U+FFFD.
    Replaced {
        /// The file, or `FILE:LINE`.
        path: String,
        /// How many sequences.
        count: usize,
    },
    /// NUL characters were replaced by U+FFFD.
    Nul {
        /// The file, or `FILE:LINE`.
        path: String,
        /// How many.
        count: usize,
    },
    /// The text was not UTF-8 and was decoded from another encoding.
    Decoded {
        /// The file.
        path: String,
        /// The encoding used.
        encoding: &'static str,
    },
}

impl fmt::Display for ReadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadWarning::Replaced { path, count } => write!(
                f,
                "{path}: invalid UTF-8: {count} byte sequence{} replaced by U+FFFD",
                if *count == 1 { "" } else { "s" }
            ),
            ReadWarning::Nul { path, count } => write!(
                f,
                "{path}: {count} NUL byte{} replaced by U+FFFD",
                if *count == 1 { "" } else { "s" }
            ),
            ReadWarning::Decoded { path, encoding } => {
                write!(f, "{path}: not UTF-8; decoded as {encoding}")
            }
        }
    }
}
