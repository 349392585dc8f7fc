//! Training the parser with the dynamic oracle, and attachment scores.

use super::features::{self, MAX_FEATS, Sentence};
use super::oracle::cost;
use super::state::{Move, State};
use super::{Parser, PerceptronParser, ROOT_LABEL, best_valid};
use crate::corpus::GoldSentence;
use crate::error::ModelError;
use crate::perceptron::Trainer;
use crate::rng::Rng;
use crate::train::{EpochReport, TrainOptions};
use std::collections::BTreeSet;
use std::time::Instant;

/// From this epoch on, training follows the model's own (possibly wrong) moves.
const EXPLORE_FROM_EPOCH: usize = 2;
/// Probability of following the model's move rather than the oracle's when exploring.
const EXPLORE_PROBABILITY: f64 = 0.9;

/// Penn Treebank punctuation tags, excluded from attachment scores.
pub fn is_punct_tag(tag: &str) -> bool {
    matches!(tag, "``" | "''" | "," | "." | ":" | "-LRB-" | "-RRB-")
}

/// Unlabeled and labeled attachment scores over non-punctuation tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct AttachmentScores {
    /// Share of tokens with the right head.
    pub uas: f64,
    /// Share of tokens with the right head and label.
    pub las: f64,
    /// Tokens scored.
    pub tokens: usize,
}

/// Parse `sents` (reading their [`GoldSentence::input_tags`]) and score against their gold heads and labels;
/// tokens whose gold tag is punctuation are not scored.
pub fn attachment_scores(parser: &dyn Parser, sents: &[GoldSentence]) -> AttachmentScores {
    let (mut u, mut l, mut n) = (0usize, 0usize, 0usize);
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    for s in sents {
        parser.parse(&s.word_refs(), &s.input_tags(), &mut heads, &mut labels);
        for i in 0..s.words.len() {
            if is_punct_tag(&s.tags[i]) {
                continue;
            }
            n += 1;
            if heads[i] == s.heads[i] {
                u += 1;
                l += usize::from(parser.label_names()[usize::from(labels[i])] == s.deprels[i]);
            }
        }
    }
    let d = n.max(1) as f64;
    AttachmentScores {
        uas: u as f64 / d,
        las: l as f64 / d,
        tokens: n,
    }
}

/// A training sentence prepared for the oracle.
struct Sample {
    x: Sentence,
    gold: Vec<usize>,
    labels: Vec<u16>,
}

/// True if the tree has one root and no crossing arcs (the oracle needs projective trees).
fn projective_single_root(heads: &[usize], n: usize) -> bool {
    if heads.iter().filter(|&&h| h == n).count() != 1 || heads.iter().any(|&h| h > n) {
        return false;
    }
    let arcs: Vec<(usize, usize)> = heads
        .iter()
        .enumerate()
        .map(|(d, &h)| (d.min(h), d.max(h)))
        .collect();
    !arcs
        .iter()
        .any(|&(a, b)| arcs.iter().any(|&(c, e)| a < c && c < b && b < e))
}

/// Train a parser on `train`, scoring `dev` after every epoch; returns the model of
/// the epoch with the best dev LAS. The parser reads the sentences'
/// [`GoldSentence::input_tags`] (give it predicted tags so that it learns to
/// live with tagger errors); heads and labels are the gold tree.
/// Non-projective trees are skipped.
pub fn train(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    opts: &TrainOptions,
    report: &mut dyn FnMut(&EpochReport),
) -> Result<PerceptronParser, ModelError> {
    let labels: Vec<String> = train
        .iter()
        .flat_map(|s| s.deprels.iter().cloned())
        .chain([ROOT_LABEL.to_string()])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if labels.len() > 127 {
        return Err(ModelError::Data(format!(
            "{} dependency labels (at most 127)",
            labels.len()
        )));
    }
    let root = labels.iter().position(|l| l == ROOT_LABEL).expect("added") as u16;
    let n_labels = labels.len();
    let label_id = |l: &str| {
        labels
            .binary_search_by(|x| x.as_str().cmp(l))
            .expect("collected") as u16
    };
    let samples: Vec<Sample> = train
        .iter()
        .filter_map(|s| {
            let n = s.words.len();
            let gold: Vec<usize> = s.heads.iter().map(|h| h.unwrap_or(n)).collect();
            if !projective_single_root(&gold, n) {
                return None;
            }
            let mut x = Sentence::default();
            x.fill(&s.word_refs(), &s.input_tags());
            let labels = s
                .heads
                .iter()
                .zip(&s.deprels)
                .map(|(h, l)| if h.is_none() { root } else { label_id(l) })
                .collect();
            Some(Sample { x, gold, labels })
        })
        .collect();
    if samples.is_empty() {
        return Err(ModelError::Data("no projective trees to train on".into()));
    }
    let n_classes = 1 + 2 * n_labels;
    let mut model = Trainer::new(n_classes);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let mut best: Option<(f64, PerceptronParser)> = None;
    let mut feats = [0u64; MAX_FEATS];
    let mut scores = vec![0f32; n_classes];
    let mut gold_scores = vec![f32::NEG_INFINITY; n_classes];
    for epoch in 1..=opts.epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let sample = &samples[si];
            let mut s = State::new(sample.x.len());
            while !s.is_final() {
                let k = features::features(&sample.x, &s, &mut feats);
                model.score(&feats[..k], &mut scores);
                let guess = best_valid(&s, &scores, n_labels, root);
                // The best-scoring move among those that lose nothing.
                gold_scores.fill(f32::NEG_INFINITY);
                let mut any_zero = false;
                for c in 0..n_classes {
                    let m = Move::from_class(c, n_labels);
                    let valid = match m {
                        Move::Shift => s.can_shift(),
                        Move::Left(l) => s.can_left() && ((s.b == s.n) == (l == root)),
                        Move::Right(l) => s.can_right() && l != root,
                    };
                    if valid && cost(&s, m, &sample.gold, &sample.labels) == 0 {
                        gold_scores[c] = scores[c];
                        any_zero = true;
                    }
                }
                if !any_zero {
                    // Cannot happen for the projective trees trained on; stop the sentence if it does.
                    break;
                }
                let oracle = best_valid(&s, &gold_scores, n_labels, root);
                let guess_ok = gold_scores[guess.class(n_labels)] > f32::NEG_INFINITY;
                if !guess_ok {
                    model.update(
                        &feats[..k],
                        oracle.class(n_labels),
                        guess.class(n_labels),
                        1.0,
                    );
                }
                model.tick();
                right += usize::from(guess_ok);
                total += 1;
                let follow =
                    if !guess_ok && epoch >= EXPLORE_FROM_EPOCH && rng.unit() < EXPLORE_PROBABILITY
                    {
                        guess
                    } else {
                        oracle
                    };
                s.apply(follow);
            }
        }
        let parser = PerceptronParser {
            labels: labels.clone(),
            root,
            weights: model.finish(opts.min_weight),
        };
        let scores = attachment_scores(&parser, dev);
        report(&EpochReport {
            epoch,
            train_score: right as f64 / total.max(1) as f64,
            dev_scores: vec![("UAS", scores.uas), ("LAS", scores.las)],
            seconds: t0.elapsed().as_secs_f64(),
        });
        if best.as_ref().is_none_or(|b| scores.las > b.0) || dev.is_empty() {
            best = Some((scores.las, parser));
        }
    }
    best.map(|b| b.1)
        .ok_or_else(|| ModelError::Data("no epochs to train".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    #[test]
    fn learns_the_toy_grammar() {
        let opts = TrainOptions {
            epochs: 3,
            ..TrainOptions::default()
        };
        let dev = testdata::sentences(50, 2);
        let p = train(&testdata::sentences(200, 1), &dev, &opts, &mut |_| {}).unwrap();
        let s = attachment_scores(&p, &dev);
        assert!(s.uas > 0.95 && s.las > 0.95, "{s:?}");
    }

    #[test]
    fn projectivity() {
        // 0←1, 1 root, 2←1: projective; 0←2, 1←3 cross.
        assert!(projective_single_root(&[1, 3, 1], 3));
        assert!(!projective_single_root(&[2, 4, 4, 1], 4));
        assert!(!projective_single_root(&[1, 3, 3], 3));
    }
}
