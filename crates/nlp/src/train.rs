//! Settings and progress reports shared by the trainers.

use crate::clusters::WordClusters;

/// How to train a model.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling and exploration (training is deterministic for a seed).
    pub seed: u64,
    /// Quantized weights with a smaller magnitude are pruned from the saved model.
    pub min_weight: i16,
    /// Word clusters from raw text, read by the recognizer's features and
    /// saved in its model file (empty: no cluster features fire; the tagger
    /// and parser ignore them).
    pub clusters: WordClusters,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            min_weight: 1,
            clusters: WordClusters::default(),
        }
    }
}

/// Scores after one epoch.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Score on the training data during the epoch (with the weights as they were learned).
    pub train_score: f64,
    /// Scores of the averaged model on the dev data, by name.
    pub dev_scores: Vec<(&'static str, f64)>,
    /// Wall-clock time of the epoch, including the dev evaluation.
    pub seconds: f64,
}
