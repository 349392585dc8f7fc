//! Readers: files, directories and standard input into [`Document`]s.
//!
//! * `.txt`: the text exactly as read (offsets refer to the file); the title is
//!   the first line when a blank line follows it, a short name-like second
//!   paragraph (or one starting "By") is the byline ([`text`]).
//! * `.html`/`.htm`: the article body only, with title, byline, outlet, URL and
//!   date from `<meta>` tags and JSON-LD ([`html`]).
//! * `.jsonl`/`.ndjson`: one article object per line; a bad line is reported
//!   with its number and the rest is read ([`jsonl`]).
//! * Directories are walked recursively (sorted, hidden entries skipped) for
//!   those extensions; `-` is standard input, its format sniffed.
//!
//! Invalid UTF-8 and NUL bytes are **replaced** (each by U+FFFD) and reported as
//! a [`ReadWarning`]; binary and empty files are rejected with a [`ReadError`]
//! naming the file.
//!
//! ```no_run
//! use hearsay_read::{discover, read, ReadOptions};
//! let found = discover(&["articles/"]);
//! for input in &found.inputs {
//!     for item in read(input, &ReadOptions::default()) {
//!         match item {
//!             Ok(item) => println!("{} {}", item.name, item.document.id.short()),
//!             Err(e) => eprintln!("{e}"),
//!         }
//!     }
//! }
//! ```

pub mod decode;
mod discover;
mod error;
pub mod html;
mod items;
pub mod jsonl;
pub mod text;

pub use discover::{Discovery, discover};
pub use error::{ReadError, ReadWarning};
pub use items::{Items, read};

use std::path::{Path, PathBuf};

/// The kinds of input hearsay reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text, kept byte for byte.
    Text,
    /// An HTML page: main content extracted.
    Html,
    /// One JSON article object per line.
    Jsonl,
}

impl InputFormat {
    /// The format a file extension stands for (`txt`, `html`, `htm`, `jsonl`, `ndjson`; any case).
    pub fn from_extension(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }

    /// Guess the format from the first bytes: `<` starts HTML, `{` starts JSONL, else text.
    pub fn sniff(head: &[u8]) -> Self {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        match head.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'<') => InputFormat::Html,
            Some(b'{') => InputFormat::Jsonl,
            _ => InputFormat::Text,
        }
    }
}

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file; `format` is `None` when it must be sniffed from the content.
    File {
        /// The file.
        path: PathBuf,
        /// Its format, when the extension (or the user) says.
        format: Option<InputFormat>,
    },
    /// Standard input (`-`), format sniffed unless given.
    Stdin {
        /// Its format, when the user says.
        format: Option<InputFormat>,
    },
    /// Bytes already in memory (the body of an HTTP request), read like a file called `name`.
    Memory {
        /// How the input is named in messages and in [`Document::path`].
        name: String,
        /// The content.
        bytes: std::sync::Arc<[u8]>,
        /// Its format; sniffed from the content when `None`.
        format: Option<InputFormat>,
    },
}

impl Input {
    /// How the input is named in messages and in [`Document::path`].
    pub fn display(&self) -> String {
        match self {
            Input::File { path, .. } => path.display().to_string(),
            Input::Stdin { .. } => "-".to_string(),
            Input::Memory { name, .. } => name.clone(),
        }
    }

    /// The stem output files are named after (`dprk-troops-treaty` for `dprk-troops-treaty.txt`).
    pub fn stem(&self) -> String {
        match self {
            Input::File { path, .. } => path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "document".to_string()),
            Input::Stdin { .. } => "stdin".to_string(),
            Input::Memory { name, .. } => name.clone(),
        }
    }

    /// The same input, read as `format` whatever its extension.
    pub fn with_format(self, format: InputFormat) -> Self {
        match self {
            Input::File { path, .. } => Input::File {
                path,
                format: Some(format),
            },
            Input::Stdin { .. } => Input::Stdin {
                format: Some(format),
            },
            Input::Memory { name, bytes, .. } => Input::Memory {
                name,
                bytes,
                format: Some(format),
            },
        }
    }
}

/// Limits for reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest file (or JSONL line) read, in bytes; larger ones are rejected
    /// with a message rather than analyzed.
    pub max_bytes: u64,
}

impl ReadOptions {
    /// The default limit: 16 MiB, far above any news article.
    pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: Self::DEFAULT_MAX_BYTES,
        }
    }
}

/// A document read from an input, with the name its output files get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadItem {
    /// The document (text and metadata).
    pub document: hearsay_core::Document,
    /// Output name: the file stem, or `STEM-LINE` for a JSONL record.
    pub name: String,
    /// What had to be repaired to read it.
    pub warnings: Vec<ReadWarning>,
}

pub use hearsay_core::Document;
