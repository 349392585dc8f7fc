//! Named-entity recognition: the [`EntityRecognizer`] seam and its greedy
//! averaged-perceptron BILOU tagger ([`PerceptronNer`]) for the data's name
//! classes (PERSON, ORGANIZATION, LOCATION, MISC).

mod bilou;
mod features;
mod gazetteer;
mod lexicon;
mod memory;
mod train;

pub use memory::DocumentMemory;
pub use train::{NAME_CLASSES, entity_scores, entity_scores_by_type, train};

use crate::clusters::WordClusters;
use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::perceptron::Weights;
use features::{Context, MAX_FEATS};
use gazetteer::Gazetteer;
use lexicon::Lexicon;
use std::ops::Range;

/// A named-entity recognizer: typed token spans in a tagged sentence.
///
/// Implemented by [`PerceptronNer`]; another recognizer could replace it
/// without touching callers.
pub trait EntityRecognizer: Send + Sync {
    /// The entity types; [`EntityRecognizer::recognize`] writes indices into them.
    fn type_names(&self) -> &[String];
    /// Find the entities of one sentence (raw words with POS tags), replacing
    /// `out` with (token range, type index) pairs in order. `memory` carries
    /// what earlier sentences of the same document found (start a fresh one
    /// per document) and is updated with this sentence.
    fn recognize(
        &self,
        words: &[&str],
        tags: &[&str],
        memory: &mut DocumentMemory,
        out: &mut Vec<(Range<usize>, u16)>,
    );
}

/// Greedy left-to-right BILOU tagger with averaged-perceptron scores over word,
/// affix, shape, POS and previous-label features; only valid label sequences
/// are produced.
#[derive(Debug, Clone)]
pub struct PerceptronNer {
    types: Vec<String>,
    weights: Weights,
    lexicon: Lexicon,
    clusters: WordClusters,
    gazetteer: Gazetteer,
}

/// The kind string in the NER model file.
pub(crate) const KIND: &str = "ner";

/// The best class at position `i` of `n` allowed after `prev`.
fn best_allowed<T: PartialOrd + Copy>(scores: &[T], prev: Option<usize>, last: bool) -> usize {
    let mut best: Option<(usize, T)> = None;
    for (c, &v) in scores.iter().enumerate() {
        if bilou::allowed(prev, c, last) && best.is_none_or(|(_, b)| v > b) {
            best = Some((c, v));
        }
    }
    best.map_or(bilou::OUT, |b| b.0)
}

impl PerceptronNer {
    /// Serialize after the file header.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(&self.types);
        self.weights.write(w);
        self.lexicon.write(w);
        self.clusters.write(w);
        self.gazetteer.write(w);
    }

    /// Deserialize what [`PerceptronNer::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let types = r.strs("entity types")?;
        let weights = Weights::read(r)?;
        if weights.n_classes() != 1 + 4 * types.len() {
            return Err(ModelError::Corrupt(
                "weights do not match the entity types".into(),
            ));
        }
        let lexicon = Lexicon::read(r)?;
        let clusters = WordClusters::read(r)?;
        let gazetteer = Gazetteer::read(r)?;
        Ok(PerceptronNer {
            types,
            weights,
            lexicon,
            clusters,
            gazetteer,
        })
    }

    /// Sizes for reports: (features, stored weights, lexicon words).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.weights.n_features(),
            self.weights.n_weights(),
            self.lexicon.len(),
        )
    }

    /// The BILOU class of every word.
    fn classes(&self, ctx: &Context, n: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(n);
        let mut feats = [0u64; MAX_FEATS];
        let mut scores = vec![0i32; self.weights.n_classes()];
        let (mut p1, mut p2) = (0u64, 0u64);
        for i in 0..n {
            let k = ctx.features(i, p1, p2, &mut feats);
            self.weights.score(&feats[..k], &mut scores);
            let c = best_allowed(&scores, out.last().copied(), i + 1 == n);
            out.push(c);
            p2 = p1;
            p1 = c as u64 + 1;
        }
        out
    }
}

impl EntityRecognizer for PerceptronNer {
    fn type_names(&self) -> &[String] {
        &self.types
    }

    fn recognize(
        &self,
        words: &[&str],
        tags: &[&str],
        memory: &mut DocumentMemory,
        out: &mut Vec<(Range<usize>, u16)>,
    ) {
        let mut ctx = Context::default();
        ctx.fill(words, tags, &self.lexicon, &self.clusters, &self.gazetteer);
        ctx.recall(memory);
        let classes = self.classes(&ctx, words.len());
        ctx.remember(&classes, memory);
        out.clear();
        out.extend(
            bilou::spans(&classes)
                .into_iter()
                .map(|(r, t)| (r, t as u16)),
        );
    }
}
