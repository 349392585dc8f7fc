//! Tokenizer and sentence splitter.
//!
//! Cuts text into Penn-Treebank-style tokens the way the training data
//! (CoreNLP's `PTBTokenizer`) does — punctuation split off, `'s` and `n't`
//! separated, abbreviations, numbers with separators, URLs, e-mail addresses,
//! handles and hashtags kept whole — and groups them into sentences. Spans are
//! byte ranges into the text; nothing is normalized or copied.
//!
//! ```
//! use hearsay_nlp::tokenize::segment;
//! let text = "Sen. Kim didn’t say. “Why?” she asked.";
//! let seg = segment(text);
//! let words: Vec<&str> = seg.tokens.iter().map(|s| s.text(text)).collect();
//! assert_eq!(words, ["Sen.", "Kim", "did", "n’t", "say", ".", "“", "Why", "?", "”", "she", "asked", "."]);
//! assert_eq!(seg.sentences, [0..6, 6..13]);
//! ```

mod layout;
mod lexicon;
mod scanner;
mod sentences;

pub use layout::{DatelineTokens, Layout};

use hearsay_core::{Analysis, Dateline, Sentence, Span, Stage, Token};
use std::ops::Range;

/// Tokens and sentences of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Token spans (bytes) in text order.
    pub tokens: Vec<Span>,
    /// Sentences as ranges of token indices, in order, covering every token.
    pub sentences: Vec<Range<usize>>,
    /// The byline and the dateline at the top of the text.
    pub layout: Layout,
}

/// Tokenize `text` and split it into sentences.
pub fn segment(text: &str) -> Segmentation {
    let mut raw = Vec::with_capacity(text.len() / 5 + 1);
    scanner::scan(text, &mut raw);
    let layout = layout::find(text, &raw);
    let mut sentences = Vec::with_capacity(raw.len() / 20 + 1);
    let dateline_end = layout.dateline.as_ref().map(|d| d.all.end);
    sentences::split(text, &raw, dateline_end, &mut sentences);
    Segmentation {
        tokens: raw.iter().map(|t| t.span).collect(),
        sentences,
        layout,
    }
}

/// The tokenizer stage: writes [`Analysis::sentences`] and [`Analysis::tokens`]
/// (spans only; the tagger and parser fill in the rest), [`Analysis::dateline`]
/// and [`Analysis::byline`].
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenizerStage;

impl Stage for TokenizerStage {
    fn name(&self) -> &'static str {
        "tokenizer"
    }

    fn annotate(&self, analysis: &mut Analysis) {
        let seg = segment(analysis.text());
        analysis.tokens = seg
            .tokens
            .iter()
            .map(|&span| Token {
                span,
                lemma: String::new(),
                pos: String::new(),
                head: None,
                deprel: String::new(),
            })
            .collect();
        let cover = |r: &Range<usize>| seg.tokens[r.start].cover(&seg.tokens[r.end - 1]);
        analysis.dateline = seg.layout.dateline.as_ref().map(|d| Dateline {
            span: cover(&d.all),
            place: cover(&d.place),
            region: d.region.as_ref().map(cover),
            date: d.date.as_ref().map(cover),
            wire: d.wire.as_ref().map(cover),
        });
        analysis.byline = seg.layout.byline.as_ref().map(cover);
        analysis.sentences = seg
            .sentences
            .into_iter()
            .map(|r| Sentence {
                span: seg.tokens[r.start].cover(&seg.tokens[r.end - 1]),
                tokens: r,
            })
            .collect();
    }
}

#[cfg(test)]
mod tests;
