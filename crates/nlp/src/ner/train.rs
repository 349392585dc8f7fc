//! Training the NER tagger, and entity F1.

use super::bilou;
use super::features::{Context, LABEL_FEATS, MAX_FEATS, coarse, transition};
use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;
use super::viterbi::Lattice;
use super::{DocumentMemory, EntityRecognizer, PerceptronNer, fill_lattice};
use crate::corpus::GoldSentence;
use crate::error::ModelError;
use crate::eval::PrF;
use crate::perceptron::Trainer;
use crate::rng::Rng;
use crate::train::{EpochReport, TrainOptions};
use std::collections::HashSet;
use std::ops::Range;
use std::time::Instant;

/// The name classes this recognizer learns and is scored on; the data's other
/// classes (DATE, NUMBER, MONEY, …) are left to the mentions layer.
pub const NAME_CLASSES: [&str; 4] = ["LOCATION", "MISC", "ORGANIZATION", "PERSON"];

/// Folds for building the training lexicon (each fold reads a lexicon of the others).
const LEXICON_FOLDS: usize = 5;

/// Gold entity spans of a sentence: maximal runs of one name class.
fn gold_spans(s: &GoldSentence, types: &[String]) -> Vec<(Range<usize>, usize)> {
    bilou::spans(&bilou::encode(&type_ids(s, types)))
}

/// Per-token type index of `s` (`None` outside names).
fn type_ids(s: &GoldSentence, types: &[String]) -> Vec<Option<usize>> {
    s.ner
        .iter()
        .map(|c| types.iter().position(|t| t == c))
        .collect()
}

/// Recognize entities in `sents` (reading their [`GoldSentence::input_tags`]) and score
/// them against the gold name classes.
pub fn entity_scores(ner: &dyn EntityRecognizer, sents: &[GoldSentence]) -> PrF {
    entity_scores_by_type(ner, sents).0
}

/// Like [`entity_scores`], with the scores of each entity type as well.
pub fn entity_scores_by_type(
    ner: &dyn EntityRecognizer,
    sents: &[GoldSentence],
) -> (PrF, Vec<(String, PrF)>) {
    let mut out = Vec::new();
    let mut memory = DocumentMemory::default();
    score_spans(
        ner.type_names(),
        sents.iter().map(|s| {
            if s.doc_start {
                memory.clear();
            }
            ner.recognize(&s.word_refs(), &s.input_tags(), &mut memory, &mut out);
            (s, out.clone())
        }),
    )
}

/// Entity scores of predicted spans against the gold name classes of their sentences.
fn score_spans<'a>(
    type_names: &[String],
    predicted: impl Iterator<Item = (&'a GoldSentence, Vec<(Range<usize>, u16)>)>,
) -> (PrF, Vec<(String, PrF)>) {
    let types: Vec<String> = type_names.to_vec();
    // (true positives, predicted, gold) per type.
    let mut counts = vec![(0usize, 0usize, 0usize); types.len()];
    for (s, out) in predicted {
        let gold: HashSet<(Range<usize>, usize)> = gold_spans(s, &types).into_iter().collect();
        for (_, t) in &gold {
            counts[*t].2 += 1;
        }
        for (r, t) in &out {
            let t = usize::from(*t);
            counts[t].1 += 1;
            counts[t].0 += usize::from(gold.contains(&(r.clone(), t)));
        }
    }
    let total = counts
        .iter()
        .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
    let per_type = types
        .into_iter()
        .zip(&counts)
        .map(|(t, &(tp, p, g))| (t, PrF::from_counts(tp, p, g)))
        .collect();
    (PrF::from_counts(total.0, total.1, total.2), per_type)
}

/// Train a recognizer of [`NAME_CLASSES`] on `train`, scoring `dev` after every
/// epoch; returns the model of the epoch with the best dev F1. Reads the
/// sentences' [`GoldSentence::input_tags`] (give it predicted tags).
pub fn train(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    opts: &TrainOptions,
    report: &mut dyn FnMut(&EpochReport),
) -> Result<PerceptronNer, ModelError> {
    let types: Vec<String> = NAME_CLASSES.iter().map(|s| s.to_string()).collect();
    let gold: Vec<Vec<usize>> = train
        .iter()
        .map(|s| bilou::encode(&type_ids(s, &types)))
        .collect();
    // Each fold's features read a lexicon built from the other folds, so that
    // training sees the lexicon as unreliable as it is on new text.
    let folds = LEXICON_FOLDS.min(train.len()).max(1);
    let size = train.len().div_ceil(folds);
    let gazetteer = Gazetteer::builtin();
    let mut samples: Vec<(Context, Vec<usize>)> = Vec::with_capacity(train.len());
    for f in 0..folds {
        let (lo, hi) = (
            (f * size).min(train.len()),
            ((f + 1) * size).min(train.len()),
        );
        let others = (0..train.len()).filter(|&i| i < lo || i >= hi);
        let lexicon = Lexicon::build(others.map(|i| (&train[i], gold[i].as_slice())));
        for i in lo..hi {
            let mut c = Context::default();
            c.fill(
                &train[i].word_refs(),
                &train[i].input_tags(),
                &lexicon,
                &opts.clusters,
                &gazetteer,
            );
            samples.push((c, gold[i].clone()));
        }
    }
    let lexicon = Lexicon::build(train.iter().zip(gold.iter().map(Vec::as_slice)));
    if samples.iter().all(|s| s.1.iter().all(|&c| c == bilou::OUT)) {
        return Err(ModelError::Data("no entities to train on".into()));
    }
    let n_classes = 1 + 4 * types.len();
    let mut model = Trainer::new(n_classes);
    let mut rng = Rng::new(opts.seed);
    // Documents (runs of sentences from a `doc_start`) are shuffled as wholes so
    // that each sentence reads the memory of the ones before it.
    let mut order: Vec<Range<usize>> = documents(train);
    let mut memory = DocumentMemory::default();
    let mut guesses = Vec::new();
    let mut best: Option<(f64, PerceptronNer)> = None;
    let mut lattice = Lattice::<f32>::default();
    for epoch in 1..=opts.epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for si in order.iter().flat_map(|d| d.clone()) {
            if train[si].doc_start {
                memory.clear();
            }
            let (ctx, gold) = &mut samples[si];
            ctx.recall(&memory);
            fill_lattice(ctx, gold.len(), types.len(), &mut lattice, |f, s| {
                model.score(f, s)
            });
            lattice.best(&mut guesses);
            update(&mut model, ctx, gold, &guesses);
            right += gold.iter().zip(&guesses).filter(|(g, p)| g == p).count();
            total += gold.len();
            ctx.remember(&guesses, &mut memory);
        }
        let ner = PerceptronNer {
            types: types.clone(),
            weights: model.finish(opts.min_weight),
            lexicon: lexicon.clone(),
            clusters: opts.clusters.clone(),
            gazetteer: gazetteer.clone(),
        };
        let s = entity_scores(&ner, dev);
        report(&EpochReport {
            epoch,
            train_score: right as f64 / total.max(1) as f64,
            dev_scores: vec![("P", s.precision), ("R", s.recall), ("F1", s.f1)],
            seconds: t0.elapsed().as_secs_f64(),
        });
        if best.as_ref().is_none_or(|b| s.f1 > b.0) || dev.is_empty() {
            best = Some((s.f1, ner));
        }
    }
    best.map(|b| b.1)
        .ok_or_else(|| ModelError::Data("no epochs to train".into()))
}

/// The structured-perceptron update of one sentence: wherever the predicted
/// path differs from the gold one (a class, or the class before it), the gold
/// path's features gain and the predicted path's lose. Counts one step per word.
fn update(model: &mut Trainer, ctx: &Context, gold: &[usize], guess: &[usize]) {
    let mut feats = [0u64; MAX_FEATS];
    let (mut gl, mut pl) = ([0u64; LABEL_FEATS], [0u64; LABEL_FEATS]);
    for i in 0..gold.len() {
        let (g, p) = (gold[i], guess[i]);
        let gp = i.checked_sub(1).map(|j| gold[j]);
        let pp = i.checked_sub(1).map(|j| guess[j]);
        if g != p {
            let k = ctx.features(i, &mut feats);
            model.update(&feats[..k], g, p, 1.0);
        }
        if (gp, g) != (pp, p) {
            ctx.label_features(i, coarse(gp) as u64, &mut gl);
            ctx.label_features(i, coarse(pp) as u64, &mut pl);
            model.add(&gl, g, 1.0);
            model.add(&pl, p, -1.0);
            model.add(&[transition(gp)], g, 1.0);
            model.add(&[transition(pp)], p, -1.0);
        }
        model.tick();
    }
}

/// The sentence ranges of the documents in `sents` (a document starts at each `doc_start`).
fn documents(sents: &[GoldSentence]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        match out.last_mut() {
            Some(d) if !s.doc_start => d.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
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
        let n = train(&testdata::sentences(200, 1), &dev, &opts, &mut |_| {}).unwrap();
        let s = entity_scores(&n, &dev);
        assert!(s.f1 > 0.95, "{s:?}");
    }
}
