//! Training the perceptron tagger.

use super::dict::TagDict;
use super::features::{Context, MAX_FEATS};
use super::{PerceptronTagger, Tagger, argmax};
use crate::corpus::GoldSentence;
use crate::error::ModelError;
use crate::features::word_feats;
use crate::perceptron::Trainer;
use crate::rng::Rng;
use crate::train::{EpochReport, TrainOptions};
use std::collections::BTreeSet;
use std::time::Instant;

/// Train a tagger on `train`, scoring `dev` after every epoch; returns the
/// model of the epoch with the best dev accuracy. Deterministic for a seed.
pub fn train(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    opts: &TrainOptions,
    report: &mut dyn FnMut(&EpochReport),
) -> Result<PerceptronTagger, ModelError> {
    let tags: Vec<String> = train
        .iter()
        .flat_map(|s| s.tags.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if tags.is_empty() {
        return Err(ModelError::Data("no tagged tokens to train on".into()));
    }
    if tags.len() > 255 {
        return Err(ModelError::Data(format!(
            "{} tags (at most 255)",
            tags.len()
        )));
    }
    let tag_id = |t: &str| {
        tags.binary_search_by(|x| x.as_str().cmp(t))
            .ok()
            .map(|i| i as u16)
    };
    let gold: Vec<Vec<u16>> = train
        .iter()
        .map(|s| {
            s.tags
                .iter()
                .map(|t| tag_id(t).expect("collected"))
                .collect()
        })
        .collect();
    let dict = TagDict::build(
        train.iter().zip(&gold).flat_map(|(s, g)| {
            s.words
                .iter()
                .map(|w| word_feats(w).form)
                .zip(g.iter().copied())
        }),
        tags.len(),
    );
    let contexts: Vec<Context> = train
        .iter()
        .map(|s| {
            let mut c = Context::default();
            c.fill(&s.word_refs(), |f| dict.best(f));
            c
        })
        .collect();
    let mut model = Trainer::new(tags.len());
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best: Option<(f64, PerceptronTagger)> = None;
    let mut feats = [0u64; MAX_FEATS];
    let mut scores = vec![0f32; tags.len()];
    for epoch in 1..=opts.epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let (ctx, g) = (&contexts[si], &gold[si]);
            let (mut p1, mut p2) = (0u64, 0u64);
            for (i, &truth) in g.iter().enumerate() {
                let guess = match dict.certain(ctx.form(i)) {
                    Some(t) => t,
                    None => {
                        let k = ctx.features(i, p1, p2, &mut feats);
                        model.score(&feats[..k], &mut scores);
                        let guess = argmax(&scores) as u16;
                        model.update(&feats[..k], usize::from(truth), usize::from(guess), 1.0);
                        model.tick();
                        guess
                    }
                };
                right += usize::from(guess == truth);
                total += 1;
                p2 = p1;
                p1 = u64::from(guess) + 1;
            }
        }
        let tagger = PerceptronTagger {
            tags: tags.clone(),
            weights: model.finish(opts.min_weight),
            dict: dict.clone(),
        };
        let dev_acc = accuracy(&tagger, dev);
        report(&EpochReport {
            epoch,
            train_score: right as f64 / total.max(1) as f64,
            dev_scores: vec![("POS acc", dev_acc)],
            seconds: t0.elapsed().as_secs_f64(),
        });
        if best.as_ref().is_none_or(|b| dev_acc > b.0) || dev.is_empty() {
            best = Some((dev_acc, tagger));
        }
    }
    best.map(|b| b.1)
        .ok_or_else(|| ModelError::Data("no epochs to train".into()))
}

/// Share of tokens of `sents` whose predicted tag is the gold tag.
pub fn accuracy(tagger: &dyn Tagger, sents: &[GoldSentence]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    let mut out = Vec::new();
    for s in sents {
        tagger.tag(&s.word_refs(), &mut out);
        for (&p, g) in out.iter().zip(&s.tags) {
            right += usize::from(tagger.tag_names()[usize::from(p)] == *g);
            total += 1;
        }
    }
    right as f64 / total.max(1) as f64
}

/// Fill every sentence's [`GoldSentence::predicted_tags`] with `tagger`'s output.
pub fn predict_tags(tagger: &dyn Tagger, sents: &mut [GoldSentence]) {
    let mut out = Vec::new();
    for s in sents {
        tagger.tag(&s.word_refs(), &mut out);
        s.predicted_tags = out
            .iter()
            .map(|&t| tagger.tag_names()[usize::from(t)].clone())
            .collect();
    }
}

/// Jackknifing: split `sents` into `folds` contiguous parts and tag each with a
/// tagger trained on the others, so that the predicted tags of training data
/// have realistic errors. Returns the mean accuracy over the folds.
pub fn jackknife(
    sents: &mut [GoldSentence],
    folds: usize,
    opts: &TrainOptions,
) -> Result<f64, ModelError> {
    let folds = folds.clamp(2, sents.len().max(2));
    let size = sents.len().div_ceil(folds);
    let mut acc = 0.0;
    let mut n = 0;
    for f in 0..folds {
        let (lo, hi) = (
            (f * size).min(sents.len()),
            ((f + 1) * size).min(sents.len()),
        );
        if lo == hi {
            continue;
        }
        let rest: Vec<GoldSentence> = sents[..lo].iter().chain(&sents[hi..]).cloned().collect();
        let tagger = train(&rest, &[], opts, &mut |_| {})?;
        predict_tags(&tagger, &mut sents[lo..hi]);
        acc += accuracy(&tagger, &sents[lo..hi]);
        n += 1;
    }
    Ok(acc / f64::from(n.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    #[test]
    fn learns_the_toy_grammar() {
        let train_set = testdata::sentences(200, 1);
        let dev = testdata::sentences(50, 2);
        let opts = TrainOptions {
            epochs: 2,
            ..TrainOptions::default()
        };
        let mut epochs = 0;
        let t = train(&train_set, &dev, &opts, &mut |_| epochs += 1).unwrap();
        assert_eq!(epochs, 2);
        assert!(accuracy(&t, &dev) > 0.95);
        // Jackknifing fills predicted tags for every sentence.
        let mut sents = train_set.clone();
        jackknife(&mut sents, 3, &opts).unwrap();
        assert!(
            sents
                .iter()
                .all(|s| s.predicted_tags.len() == s.words.len())
        );
    }
}
