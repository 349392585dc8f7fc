//! Part-of-speech tagging: the [`Tagger`] seam and its greedy averaged-perceptron
//! implementation ([`PerceptronTagger`]), with the Penn Treebank tag set of the data.

mod dict;
mod features;
mod train;

pub use train::{accuracy, jackknife, predict_tags, train};

use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::perceptron::Weights;
use dict::TagDict;
use features::{Context, MAX_FEATS};

/// A part-of-speech tagger: one tag per word of a sentence.
///
/// Implemented by [`PerceptronTagger`]; a neural tagger could implement it too
/// and replace it in the pipeline without touching callers.
pub trait Tagger: Send + Sync {
    /// The tag inventory; [`Tagger::tag`] writes indices into it.
    fn tag_names(&self) -> &[String];
    /// Tag one sentence of raw token strings, replacing `out` with one tag index per word.
    fn tag(&self, words: &[&str], out: &mut Vec<u16>);
}

/// Greedy left-to-right averaged-perceptron tagger (Collins 2002) with hashed
/// features of the word, its affixes and shape, its neighbours and the two
/// previous tags. Words whose tag in training was (nearly) always the same
/// take it from a tag dictionary without scoring.
#[derive(Debug, Clone)]
pub struct PerceptronTagger {
    tags: Vec<String>,
    weights: Weights,
    dict: TagDict,
}

/// The kind string in the tagger's model file.
pub(crate) const KIND: &str = "tagger";

impl PerceptronTagger {
    /// Serialize the tagger's part of a model file.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(&self.tags);
        self.dict.write(w);
        self.weights.write(w);
    }

    /// Deserialize what [`PerceptronTagger::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let tags = r.strs("tags")?;
        if tags.is_empty() || tags.len() > 255 {
            return Err(ModelError::Corrupt(format!("{} tags", tags.len())));
        }
        let dict = TagDict::read(r, tags.len())?;
        let weights = Weights::read(r)?;
        if weights.n_classes() != tags.len() {
            return Err(ModelError::Corrupt(
                "weights do not match the tag set".into(),
            ));
        }
        Ok(PerceptronTagger {
            tags,
            weights,
            dict,
        })
    }

    /// Sizes for reports: (features, stored weights, dictionary words).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.weights.n_features(),
            self.weights.n_weights(),
            self.dict.len(),
        )
    }

    /// Tag with a prepared context (shared by prediction and training's evaluation).
    fn tag_context(&self, ctx: &Context, n: usize, out: &mut Vec<u16>) {
        out.clear();
        let mut feats = [0u64; MAX_FEATS];
        let mut scores = vec![0i32; self.tags.len()];
        let (mut p1, mut p2) = (0u64, 0u64);
        for i in 0..n {
            let tag = match self.dict.certain(ctx.form(i)) {
                Some(t) => t,
                None => {
                    let k = ctx.features(i, p1, p2, &mut feats);
                    self.weights.score(&feats[..k], &mut scores);
                    argmax(&scores) as u16
                }
            };
            out.push(tag);
            p2 = p1;
            p1 = u64::from(tag) + 1;
        }
    }
}

/// Index of the highest score (the first on ties).
#[inline]
pub(crate) fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

impl Tagger for PerceptronTagger {
    fn tag_names(&self) -> &[String] {
        &self.tags
    }

    fn tag(&self, words: &[&str], out: &mut Vec<u16>) {
        let mut ctx = Context::default();
        ctx.fill(words, |f| self.dict.best(f));
        self.tag_context(&ctx, words.len(), out);
    }
}
