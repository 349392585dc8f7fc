//! Scoring the language layer against a gold CoNLL-U corpus: token and
//! sentence boundaries of the tokenizer on the raw text, POS accuracy,
//! attachment scores and entity F1 on the gold tokens.

use crate::corpus::{self, GoldDoc};
use crate::ner::{self, EntityRecognizer};
use crate::parser::{self, AttachmentScores, Parser};
use crate::tagger::{self, Tagger};
use crate::tokenize;
use serde::Serialize;
use std::collections::HashSet;

/// Precision, recall and F1 of a set of predicted items against gold ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct PrF {
    /// Share of predictions that are right.
    pub precision: f64,
    /// Share of gold items found.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
    /// Number of gold items.
    pub gold: usize,
}

impl PrF {
    /// Scores from counts of true positives, predictions and gold items.
    pub fn from_counts(tp: usize, predicted: usize, gold: usize) -> Self {
        let p = tp as f64 / predicted.max(1) as f64;
        let r = tp as f64 / gold.max(1) as f64;
        PrF {
            precision: p,
            recall: r,
            f1: if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
            gold,
        }
    }
}

/// Tokenizer and sentence splitter scores on raw text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SegmentationScores {
    /// Tokens whose span matches a gold token exactly.
    pub tokens: PrF,
    /// Sentence ends (the end offset of each sentence's last token).
    pub sentence_boundaries: PrF,
    /// Sentences whose span matches a gold sentence exactly.
    pub sentences: PrF,
}

/// Run the tokenizer on each document's text and compare spans with the gold tokens and sentences.
pub fn segmentation(docs: &[GoldDoc]) -> SegmentationScores {
    let mut c = [(0usize, 0usize, 0usize); 3];
    for d in docs {
        let seg = tokenize::segment(&d.text);
        let gold_tokens: HashSet<_> = d.layers.tokens.iter().map(|t| t.span).collect();
        let gold_ends: HashSet<_> = d.layers.sentences.iter().map(|s| s.span.end).collect();
        let gold_sents: HashSet<_> = d.layers.sentences.iter().map(|s| s.span).collect();
        let sents: Vec<_> = seg
            .sentences
            .iter()
            .map(|r| seg.tokens[r.start].cover(&seg.tokens[r.end - 1]))
            .collect();
        let counts = [
            (
                seg.tokens
                    .iter()
                    .filter(|t| gold_tokens.contains(t))
                    .count(),
                seg.tokens.len(),
                gold_tokens.len(),
            ),
            (
                sents.iter().filter(|s| gold_ends.contains(&s.end)).count(),
                sents.len(),
                gold_ends.len(),
            ),
            (
                sents.iter().filter(|s| gold_sents.contains(s)).count(),
                sents.len(),
                gold_sents.len(),
            ),
        ];
        for (acc, (tp, p, g)) in c.iter_mut().zip(counts) {
            acc.0 += tp;
            acc.1 += p;
            acc.2 += g;
        }
    }
    let f = |(tp, p, g): (usize, usize, usize)| PrF::from_counts(tp, p, g);
    SegmentationScores {
        tokens: f(c[0]),
        sentence_boundaries: f(c[1]),
        sentences: f(c[2]),
    }
}

/// Every score of the language layer on one corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LanguageScores {
    /// Documents scored.
    pub documents: usize,
    /// Gold tokens.
    pub tokens: usize,
    /// Tokenizer and sentence splitter on the raw text.
    pub segmentation: SegmentationScores,
    /// Tagger accuracy on the gold tokens.
    pub pos_accuracy: f64,
    /// Parser on the gold tokens with predicted tags, punctuation excluded.
    pub attachment: AttachmentScores,
    /// Entity F1 over the name classes on the gold tokens with predicted tags.
    pub entities: PrF,
    /// The same, per entity type.
    pub entities_by_type: Vec<(String, PrF)>,
}

/// Score every model on `docs`: the tokenizer on raw text; the tagger, parser
/// and recognizer on the gold tokens (parser and recognizer read predicted tags).
pub fn evaluate(
    docs: &[GoldDoc],
    tagger: &dyn Tagger,
    parser: &dyn Parser,
    ner: &dyn EntityRecognizer,
) -> LanguageScores {
    let mut sents = corpus::sentences(docs);
    let pos_accuracy = tagger::accuracy(tagger, &sents);
    tagger::predict_tags(tagger, &mut sents);
    let (entities, entities_by_type) = ner::entity_scores_by_type(ner, &sents);
    LanguageScores {
        documents: docs.len(),
        tokens: sents.iter().map(|s| s.words.len()).sum(),
        segmentation: segmentation(docs),
        pos_accuracy,
        attachment: parser::attachment_scores(parser, &sents),
        entities,
        entities_by_type,
    }
}
