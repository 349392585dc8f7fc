use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A document's identity: the SHA-256 of its text, as 64 lowercase hex digits.
///
/// Content addressing makes re-reading the same article a no-op, whatever file
/// or URL it came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    /// The id of a text.
    pub fn of_text(text: &str) -> Self {
        DocId(hex::encode(Sha256::digest(text.as_bytes())))
    }

    /// Wrap an id read back from storage (not validated).
    pub fn from_hex(hex: impl Into<String>) -> Self {
        DocId(hex.into())
    }

    /// The 64 hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first 12 hex digits: enough to name a document on a command line.
    pub fn short(&self) -> &str {
        &self.0[..self.0.len().min(12)]
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An article: its text and what is known about where it came from.
///
/// Readers fill the metadata they can find; the analyzer only needs `text`
/// (and uses `published` to anchor relative dates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// SHA-256 of `text`.
    pub id: DocId,
    /// Headline.
    pub title: Option<String>,
    /// Author line as printed ("Oleksandra Opanasenko").
    pub byline: Option<String>,
    /// Publishing outlet ("Babel", "The New York Times").
    pub outlet: Option<String>,
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// Publication date or date-time, ISO 8601 (`2024-10-21` or `2024-10-21T09:30:00Z`).
    pub published: Option<String>,
    /// Where it was read from (file path, `-` for standard input, `FILE:LINE` for JSONL).
    pub path: Option<String>,
    /// ISO 639-1 language code. Readers fill in what the page or feed declares
    /// (HTML `lang`, JSONL `language`), a hint that is often wrong; the analyzer
    /// replaces it with the language identified from the text.
    pub language: Option<String>,
    /// The analyzer's confidence in `language`, in [0, 1]; `None` until the text
    /// has been identified (and for a text without letters).
    pub language_confidence: Option<f32>,
    /// The text every span points into.
    pub text: String,
}

impl Document {
    /// A document with `text` and no metadata.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        Document {
            id: DocId::of_text(&text),
            title: None,
            byline: None,
            outlet: None,
            url: None,
            published: None,
            path: None,
            language: None,
            language_confidence: None,
            text,
        }
    }

    /// The publication date as `(year, month, day)` when `published` starts with `YYYY-MM-DD`.
    pub fn published_date(&self) -> Option<(i32, u32, u32)> {
        let p = self.published.as_deref()?;
        let y = p.get(0..4)?.parse().ok()?;
        if p.get(4..5)? != "-" || p.get(7..8)? != "-" {
            return None;
        }
        let m: u32 = p.get(5..7)?.parse().ok()?;
        let d: u32 = p.get(8..10)?.parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_sha256_of_text() {
        let d = Document::new("abc");
        assert_eq!(
            d.id.as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(d.id.short(), "ba7816bf8f01");
    }

    #[test]
    fn published_date_parses_iso_prefix() {
        let mut d = Document::new("x");
        d.published = Some("2024-10-21T09:30:00Z".into());
        assert_eq!(d.published_date(), Some((2024, 10, 21)));
        d.published = Some("21 Oct 2024".into());
        assert_eq!(d.published_date(), None);
    }
}
