//! The texts a benchmark runs over, with their size in bytes and in words.

use hearsay_core::Document;
use std::path::{Path, PathBuf};

/// Why a benchmark corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The path could not be listed or a file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file is not UTF-8 text.
    #[error("{path}: not UTF-8 text ({source})")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where decoding failed.
        source: std::string::FromUtf8Error,
    },
    /// The folder holds no `.txt` file.
    #[error("{path}: no .txt files to benchmark")]
    Empty {
        /// The folder.
        path: PathBuf,
    },
}

/// Counts `\w+` runs: the word definition of `eval/score_attributions.py`.
///
/// A word character is alphanumeric or `_`, as Python's `\w` on `str`; Rust's
/// alphanumeric also admits a few combining marks Python does not, which does
/// not matter for English news text.
///
/// ```
/// assert_eq!(hearsay_bench::count_words("U.S. troops, 1,500 of them (so-called_x)"), 9);
/// ```
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let is_word = c.is_alphanumeric() || c == '_';
        if is_word && !in_word {
            words += 1;
        }
        in_word = is_word;
    }
    words
}

/// The documents of a benchmark run, loaded into memory before timing starts.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Where the texts came from.
    pub path: PathBuf,
    /// The documents, in file-name order.
    pub documents: Vec<Document>,
    /// Total UTF-8 bytes of the texts.
    pub bytes: u64,
    /// Total `\w+` words of the texts.
    pub words: u64,
}

impl Corpus {
    /// Builds a corpus from documents already in memory.
    ///
    /// ```
    /// use hearsay_core::Document;
    /// let c = hearsay_bench::Corpus::from_documents("mem", vec![Document::new("Two words.")]);
    /// assert_eq!((c.bytes, c.words), (10, 2));
    /// ```
    pub fn from_documents(path: impl Into<PathBuf>, documents: Vec<Document>) -> Self {
        let bytes = documents.iter().map(|d| d.text.len() as u64).sum();
        let words = documents.iter().map(|d| count_words(&d.text) as u64).sum();
        Corpus {
            path: path.into(),
            documents,
            bytes,
            words,
        }
    }

    /// Loads one `.txt` file, or every `.txt` file directly inside a folder.
    pub fn load(path: &Path) -> Result<Self, CorpusError> {
        let io = |source| CorpusError::Io {
            path: path.to_path_buf(),
            source,
        };
        let files = if path.metadata().map_err(io)?.is_dir() {
            let mut files = Vec::new();
            for entry in std::fs::read_dir(path).map_err(io)? {
                let file = entry.map_err(io)?.path();
                if file.is_file() && file.extension().is_some_and(|e| e == "txt") {
                    files.push(file);
                }
            }
            if files.is_empty() {
                return Err(CorpusError::Empty {
                    path: path.to_path_buf(),
                });
            }
            files.sort();
            files
        } else {
            vec![path.to_path_buf()]
        };
        let mut documents = Vec::with_capacity(files.len());
        for file in files {
            let bytes = std::fs::read(&file).map_err(|source| CorpusError::Io {
                path: file.clone(),
                source,
            })?;
            let text = String::from_utf8(bytes).map_err(|source| CorpusError::NotUtf8 {
                path: file.clone(),
                source,
            })?;
            let mut document = Document::new(text);
            document.path = Some(file.display().to_string());
            documents.push(document);
        }
        Ok(Corpus::from_documents(path, documents))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_are_alphanumeric_runs() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  ...  "), 0);
        assert_eq!(count_words("Kyiv's 12,000"), 4);
        assert_eq!(count_words("naïve café Ünïcode"), 3);
        assert_eq!(count_words("snake_case word"), 2);
    }

    #[test]
    fn loads_txt_files_in_name_order_and_skips_others() {
        let dir = std::env::temp_dir().join(format!("hearsay-bench-corpus-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("b.txt"), "Second text here.").unwrap();
        std::fs::write(dir.join("a.txt"), "First.").unwrap();
        std::fs::write(dir.join("notes.md"), "ignored").unwrap();
        let corpus = Corpus::load(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let texts: Vec<_> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["First.", "Second text here."]);
        assert_eq!((corpus.bytes, corpus.words), (23, 4));
    }

    #[test]
    fn reports_missing_empty_and_non_utf8_inputs() {
        let dir = std::env::temp_dir().join(format!("hearsay-bench-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(matches!(Corpus::load(&dir), Err(CorpusError::Empty { .. })));
        let bad = dir.join("bad.txt");
        std::fs::write(&bad, [0x66, 0xff, 0x66]).unwrap();
        let err = Corpus::load(&dir).unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
        let err = Corpus::load(&dir).unwrap_err();
        assert!(matches!(err, CorpusError::Io { .. }), "{err}");
    }

    proptest! {
        #[test]
        fn word_count_matches_a_split_on_non_word_chars(text in "\\PC{0,200}") {
            let expected = text
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .count();
            prop_assert_eq!(count_words(&text), expected);
        }
    }
}
