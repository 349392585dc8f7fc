//! Output formats of an [`Analysis`]: the public JSON (`hearsay.analysis/1`,
//! documented in `docs/FORMAT.md`), JSON Lines, brat standoff (`.ann`),
//! CoNLL-U, and a readable text report.
//!
//! Every format counts offsets in Unicode code points (as Python's `str`
//! does); the analyzer's byte offsets are converted once, through
//! [`hearsay_core::CharMap`].
//!
//! ```
//! use hearsay_core::{Analysis, Document};
//! use hearsay_format::Format;
//! let a = Analysis::empty(Document::new("Officials said it rained."), "test");
//! let json: serde_json::Value = serde_json::from_str(&Format::Json.render(&a, "doc")).unwrap();
//! assert_eq!(json["schema"], "hearsay.analysis/1");
//! assert_eq!(Format::Brat.render(&a, "doc"), "");
//! ```

pub mod brat;
pub mod conllu;
pub mod json;
pub mod text;

use hearsay_core::Analysis;
use std::fmt;
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A readable report for people.
    Text,
    /// The public JSON analysis, pretty-printed.
    Json,
    /// The public JSON analysis on one line (one document per line).
    Jsonl,
    /// brat standoff annotations (`T`/`E` lines), as in PolNeAR.
    Brat,
    /// CoNLL-U: tokens, lemmas, tags, dependencies, NER and offsets.
    Conllu,
}

impl Format {
    /// Every format, in the order they are listed to users.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Brat,
        Format::Conllu,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Brat => "brat",
            Format::Conllu => "conllu",
        }
    }

    /// The file extension of one document's output (`NAME.ann` for brat).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Brat => "ann",
            Format::Conllu => "conllu",
        }
    }

    /// Render one document's analysis; `name` is what the document is called
    /// in the output (the input's stem: CoNLL-U's `newdoc id`, the text report's header).
    pub fn render(self, analysis: &Analysis, name: &str) -> String {
        match self {
            Format::Text => text::render(analysis, name),
            Format::Json => json::to_string_pretty(analysis),
            Format::Jsonl => json::to_line(analysis),
            Format::Brat => brat::render(analysis),
            Format::Conllu => conllu::render(analysis, name),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {0:?} (expected text, json, jsonl, brat or conllu)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// Text of `span` in `text`, or `""` when the span does not fit the text
/// (never panics on a bad span).
pub(crate) fn slice(text: &str, span: hearsay_core::Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert!(
            "xml"
                .parse::<Format>()
                .unwrap_err()
                .to_string()
                .contains("conllu")
        );
    }
}
