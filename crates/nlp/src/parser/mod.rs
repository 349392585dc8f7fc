//! Dependency parsing: the [`Parser`] seam and its greedy transition-based
//! implementation ([`PerceptronParser`]): arc-hybrid transitions scored by an
//! averaged perceptron, trained with a dynamic oracle (Goldberg and Nivre
//! 2012, 2013), producing the Stanford basic dependencies of the data.

mod features;
mod oracle;
mod state;
mod train;

pub use train::{AttachmentScores, attachment_scores, is_punct_tag, train};

use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::perceptron::Weights;
use features::{MAX_FEATS, Sentence};
use state::{Move, NONE, State};

/// A dependency parser: a head and a label for every word of a tagged sentence.
///
/// Implemented by [`PerceptronParser`]; another parser could replace it
/// without touching callers.
pub trait Parser: Send + Sync {
    /// The label inventory; [`Parser::parse`] writes indices into it.
    fn label_names(&self) -> &[String];
    /// Parse one sentence (raw words with their POS tags). Replaces `heads`
    /// (sentence indices, `None` for the root) and `labels` (one per word).
    fn parse(
        &self,
        words: &[&str],
        tags: &[&str],
        heads: &mut Vec<Option<usize>>,
        labels: &mut Vec<u16>,
    );
}

/// Greedy arc-hybrid parser with averaged-perceptron scores over hashed features.
#[derive(Debug, Clone)]
pub struct PerceptronParser {
    labels: Vec<String>,
    root: u16,
    weights: Weights,
}

/// The kind string in the parser's model file.
pub(crate) const KIND: &str = "parser";

/// The label of the sentence root.
pub(crate) const ROOT_LABEL: &str = "root";

/// The best move allowed in `s` by `scores` (one per class): arcs to the root
/// carry the root label, and only they do.
pub(crate) fn best_valid<T: PartialOrd + Copy>(
    s: &State,
    scores: &[T],
    n_labels: usize,
    root: u16,
) -> Move {
    let mut best: Option<(Move, T)> = None;
    let mut consider = |m: Move| {
        let v = scores[m.class(n_labels)];
        if best.is_none_or(|(_, b)| v > b) {
            best = Some((m, v));
        }
    };
    if s.can_shift() {
        consider(Move::Shift);
    }
    if s.can_left() {
        if s.b == s.n {
            consider(Move::Left(root));
        } else {
            for l in (0..n_labels as u16).filter(|&l| l != root) {
                consider(Move::Left(l));
            }
        }
    }
    if s.can_right() {
        for l in (0..n_labels as u16).filter(|&l| l != root) {
            consider(Move::Right(l));
        }
    }
    best.expect("a non-final state has a valid move").0
}

impl PerceptronParser {
    /// Serialize after the file header.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(&self.labels);
        self.weights.write(w);
    }

    /// Deserialize what [`PerceptronParser::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let labels = r.strs("labels")?;
        let root = labels
            .iter()
            .position(|l| l == ROOT_LABEL)
            .ok_or_else(|| ModelError::Corrupt("no root label".into()))? as u16;
        let weights = Weights::read(r)?;
        if weights.n_classes() != 1 + 2 * labels.len() {
            return Err(ModelError::Corrupt(
                "weights do not match the label set".into(),
            ));
        }
        Ok(PerceptronParser {
            labels,
            root,
            weights,
        })
    }

    /// A copy with the weights below `min_q` quantized units pruned (smaller, slightly less accurate).
    pub fn pruned(&self, min_q: u16) -> Self {
        PerceptronParser {
            labels: self.labels.clone(),
            root: self.root,
            weights: self.weights.pruned(min_q),
        }
    }

    /// Sizes for reports: (features, stored weights).
    pub fn sizes(&self) -> (usize, usize) {
        (self.weights.n_features(), self.weights.n_weights())
    }
}

impl Parser for PerceptronParser {
    fn label_names(&self) -> &[String] {
        &self.labels
    }

    fn parse(
        &self,
        words: &[&str],
        tags: &[&str],
        heads: &mut Vec<Option<usize>>,
        labels: &mut Vec<u16>,
    ) {
        let mut x = Sentence::default();
        x.fill(words, tags);
        let n = x.len();
        let mut s = State::new(n);
        let mut feats = [0u64; MAX_FEATS];
        let mut scores = vec![0i32; self.weights.n_classes()];
        while !s.is_final() {
            let k = features::features(&x, &s, &mut feats);
            self.weights.score(&feats[..k], &mut scores);
            s.apply(best_valid(&s, &scores, self.labels.len(), self.root));
        }
        heads.clear();
        heads.extend(s.heads.iter().map(|&h| (h != NONE && h < n).then_some(h)));
        labels.clear();
        labels.extend_from_slice(&s.labels);
    }
}
