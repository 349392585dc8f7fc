//! Named-entity recognition: the [`EntityRecognizer`] seam and its
//! averaged-perceptron BILOU tagger with Viterbi decoding ([`PerceptronNer`]) for the data's name
//! classes (PERSON, ORGANIZATION, LOCATION, MISC).

mod bilou;
mod features;
mod gazetteer;
mod lexicon;
mod memory;
mod train;
mod viterbi;

pub use memory::DocumentMemory;
pub use train::{NAME_CLASSES, entity_scores, entity_scores_by_type, train};

use crate::clusters::WordClusters;
use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::perceptron::Weights;
use features::{COARSE_CODES, Context, LABEL_FEATS, MAX_FEATS, transition};
use gazetteer::Gazetteer;
use lexicon::Lexicon;
use std::ops::Range;
use viterbi::Lattice;

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

/// BILOU tagger with averaged-perceptron scores over word, affix, shape, POS
/// and previous-label features, decoded by first-order Viterbi search over
/// valid label sequences and trained as a structured perceptron.
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

thread_local! {
    /// The decoder's buffers, reused across sentences so that decoding allocates nothing.
    static LATTICE: std::cell::RefCell<Lattice<i32>> = std::cell::RefCell::default();
}

/// Most entity types a model may have (the decoder stores classes in a byte).
const MAX_TYPES: usize = 63;

/// Fill `lattice` with the scores of the `n` words of `ctx` under `score`, a
/// scorer that sets its output (one value per class) to the sum of the
/// weights of the given features.
fn fill_lattice<T: Copy + Default + PartialOrd + std::ops::Add<Output = T>>(
    ctx: &Context,
    n: usize,
    types: usize,
    lattice: &mut Lattice<T>,
    mut score: impl FnMut(&[u64], &mut [T]),
) {
    lattice.reset(n, types);
    let classes = 1 + 4 * types;
    score(&[transition(None)], lattice.transition_mut(None));
    for p in 0..classes {
        score(&[transition(Some(p))], lattice.transition_mut(Some(p)));
    }
    let mut feats = [0u64; MAX_FEATS];
    let mut label = [0u64; LABEL_FEATS];
    for i in 0..n {
        let k = ctx.features(i, &mut feats);
        score(&feats[..k], lattice.emission_mut(i));
        // The first word follows only the sentence start (code 0); the others never do.
        let codes = if i == 0 { 0..1 } else { 1..COARSE_CODES };
        for code in codes {
            ctx.label_features(i, code as u64, &mut label);
            score(&label, lattice.label_mut(i, code));
        }
    }
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
        if types.len() > MAX_TYPES {
            return Err(ModelError::Corrupt(format!(
                "{} entity types, at most {MAX_TYPES} are supported",
                types.len()
            )));
        }
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

    /// The BILOU class of every word: the best valid sequence.
    fn classes(&self, ctx: &Context, n: usize) -> Vec<usize> {
        LATTICE.with_borrow_mut(|lattice| {
            fill_lattice(ctx, n, self.types.len(), lattice, |f, s| {
                self.weights.score(f, s)
            });
            let mut out = Vec::with_capacity(n);
            lattice.best(&mut out);
            out
        })
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
