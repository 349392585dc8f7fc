//! The language stages of the pipeline, each a [`Stage`] wrapping one model
//! behind its trait, so the benchmark can time them one by one and another
//! implementation can replace any of them.

use crate::lemma::Lemmatizer;
use crate::ner::{DocumentMemory, EntityRecognizer};
use crate::parser::Parser;
use crate::tagger::Tagger;
use hearsay_core::{Analysis, NerSpan, Stage};
use std::sync::Arc;

/// Writes [`hearsay_core::Token::pos`] and [`hearsay_core::Token::lemma`] for every token,
/// sentence by sentence. Needs the tokenizer's output.
pub struct TaggerStage {
    tagger: Arc<dyn Tagger>,
    lemmatizer: Arc<Lemmatizer>,
}

impl TaggerStage {
    /// A stage tagging with `tagger` and lemmatizing with `lemmatizer`.
    pub fn new(tagger: Arc<dyn Tagger>, lemmatizer: Arc<Lemmatizer>) -> Self {
        TaggerStage { tagger, lemmatizer }
    }
}

impl Stage for TaggerStage {
    fn name(&self) -> &'static str {
        "tagger"
    }

    fn annotate(&self, analysis: &mut Analysis) {
        let text = analysis.document.text.as_str();
        let tokens = &mut analysis.tokens;
        let names = self.tagger.tag_names();
        let mut words: Vec<&str> = Vec::new();
        let mut tags = Vec::new();
        for s in &analysis.sentences {
            words.clear();
            words.extend(tokens[s.tokens.clone()].iter().map(|t| t.span.text(text)));
            self.tagger.tag(&words, &mut tags);
            for ((tok, &tag), word) in tokens[s.tokens.clone()].iter_mut().zip(&tags).zip(&words) {
                let pos = &names[usize::from(tag)];
                tok.lemma = self.lemmatizer.lemma(word, pos);
                tok.pos.clone_from(pos);
            }
        }
    }
}

/// Writes [`hearsay_core::Token::head`] (document token indices) and
/// [`hearsay_core::Token::deprel`]. Needs the tagger's output.
pub struct ParserStage {
    parser: Arc<dyn Parser>,
}

impl ParserStage {
    /// A stage parsing with `parser`.
    pub fn new(parser: Arc<dyn Parser>) -> Self {
        ParserStage { parser }
    }
}

impl Stage for ParserStage {
    fn name(&self) -> &'static str {
        "parser"
    }

    fn annotate(&self, analysis: &mut Analysis) {
        let text = analysis.document.text.as_str();
        let tokens = &mut analysis.tokens;
        let names = self.parser.label_names();
        let (mut heads, mut labels) = (Vec::new(), Vec::new());
        for s in &analysis.sentences {
            let toks = &tokens[s.tokens.clone()];
            let words: Vec<&str> = toks.iter().map(|t| t.span.text(text)).collect();
            let tags: Vec<&str> = toks.iter().map(|t| t.pos.as_str()).collect();
            self.parser.parse(&words, &tags, &mut heads, &mut labels);
            for ((tok, h), &l) in tokens[s.tokens.clone()].iter_mut().zip(&heads).zip(&labels) {
                tok.head = h.map(|h| s.tokens.start + h);
                tok.deprel.clone_from(&names[usize::from(l)]);
            }
        }
    }
}

/// Writes [`Analysis::ner`]: typed name spans. Needs the tagger's output.
pub struct NerStage {
    ner: Arc<dyn EntityRecognizer>,
}

impl NerStage {
    /// A stage recognizing names with `ner`.
    pub fn new(ner: Arc<dyn EntityRecognizer>) -> Self {
        NerStage { ner }
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn annotate(&self, analysis: &mut Analysis) {
        let text = analysis.document.text.as_str();
        let tokens = &analysis.tokens;
        let names = self.ner.type_names();
        let mut found = Vec::new();
        let mut spans = Vec::new();
        let mut memory = DocumentMemory::default();
        for s in &analysis.sentences {
            let toks = &tokens[s.tokens.clone()];
            let words: Vec<&str> = toks.iter().map(|t| t.span.text(text)).collect();
            let tags: Vec<&str> = toks.iter().map(|t| t.pos.as_str()).collect();
            self.ner.recognize(&words, &tags, &mut memory, &mut found);
            for (r, ty) in found.drain(..) {
                let range = s.tokens.start + r.start..s.tokens.start + r.end;
                spans.push(NerSpan {
                    span: tokens[range.start].span.cover(&tokens[range.end - 1].span),
                    tokens: range,
                    label: names[usize::from(ty)].clone(),
                });
            }
        }
        analysis.ner = spans;
    }
}
