//! Training both taggers from gold attributions, and scoring a model.
//!
//! Training is deterministic for a given seed: documents are visited in an
//! order shuffled by a seeded generator, and the perceptron has no other
//! source of randomness.

use crate::brat::{BratAttribution, to_brat};
use crate::cue::CueSeq;
use crate::filter::{Candidate, DROP, KEEP};
use crate::gold::{GoldSpans, cue_labels, cue_tokens, role_labels};
use crate::model::Model;
use crate::perceptron::{Averager, Scratch, Weights};
use crate::predict::{Found, candidates};
use crate::role::{CueIndex, RoleSeq};
use crate::score::{ScoreResult, Scorer};
use crate::view::DocView;
use hearsay_core::{Analysis, CharMap};

/// An analyzed text with its gold attributions: one training or test example.
#[derive(Debug, Clone)]
pub struct TrainingDoc {
    /// A name for messages (the file stem).
    pub name: String,
    /// The analysis with language layers (sentences, tokens, parse, NER) filled in.
    pub analysis: Analysis,
    /// Gold attributions in code points of the analysis text.
    pub gold: Vec<BratAttribution>,
}

/// Training settings. The defaults reproduce the shipped model.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Passes over the data for the cue tagger.
    pub cue_epochs: usize,
    /// Passes over the data for the role tagger.
    pub role_epochs: usize,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Hash bits of the cue tagger's weight table.
    pub cue_bits: u8,
    /// Hash bits of the role tagger's weight table.
    pub role_bits: u8,
    /// Added to the cue tagger's score for starting a cue when proposing
    /// candidates for the filter.
    pub cue_bias: f32,
    /// Folds of the cross-validation that yields the filter's training candidates.
    pub folds: usize,
    /// Passes over the candidates for the filter.
    pub filter_epochs: usize,
    /// Hash bits of the filter's weight table.
    pub filter_bits: u8,
    /// Added to the filter's margin for keeping a candidate (chosen on PolNeAR dev).
    pub keep_bias: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            cue_epochs: 12,
            role_epochs: 12,
            seed: 20_240_611,
            cue_bits: 20,
            role_bits: 21,
            cue_bias: 20.0,
            folds: 4,
            filter_epochs: 10,
            filter_bits: 18,
            keep_bias: 8.0,
        }
    }
}

/// SplitMix64: a small, well-mixed generator for the visiting order.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// One document prepared for training: its view and its gold cues and attributions.
struct Prepared<'a> {
    view: DocView<'a>,
    cues: Vec<(usize, usize)>,
    /// Gold attributions with a cue on the tokens: (cue range, spans).
    atts: Vec<((usize, usize), GoldSpans)>,
    cue_y: Vec<u8>,
}

fn prepare(doc: &TrainingDoc) -> Prepared<'_> {
    let a = &doc.analysis;
    let view = DocView::new(a.text(), &a.tokens, &a.sentences, &a.ner);
    let map = CharMap::new(a.text());
    let mut atts = Vec::new();
    for g in &doc.gold {
        let spans = GoldSpans::from_brat(g, &map);
        if let Some(c) = cue_tokens(&view, &spans) {
            atts.push((c, spans));
        }
    }
    atts.sort_by_key(|x| x.0);
    // Overlapping gold cues (a handful in PolNeAR) cannot both be B/I spans: keep the first.
    let mut cues: Vec<(usize, usize)> = Vec::new();
    for (c, _) in &atts {
        if cues.last().is_none_or(|l| l.1 <= c.0) {
            cues.push(*c);
        }
    }
    let cue_y = cue_labels(&view, &cues);
    Prepared {
        view,
        cues,
        atts,
        cue_y,
    }
}

/// The filter's training candidates of one document, with their gold decisions.
struct DocCandidates {
    doc: usize,
    found: Vec<Found>,
    nested: Vec<bool>,
    labels: Vec<u8>,
}

/// Train both taggers on `docs`. `progress` receives one line per epoch; when
/// `dev` is given, each role epoch also reports the dev scores.
pub fn train(
    docs: &[TrainingDoc],
    dev: &[TrainingDoc],
    cfg: &TrainConfig,
    mut progress: impl FnMut(&str),
) -> Model {
    let prepared: Vec<Prepared> = docs.iter().map(prepare).collect();
    let mut rng = SplitMix(cfg.seed);
    let mut sc = Scratch::default();

    let all: Vec<usize> = (0..prepared.len()).collect();
    let cue_w = train_cues(&prepared, &all, cfg, &mut rng, &mut sc, &mut progress);

    let indexes: Vec<CueIndex> = prepared
        .iter()
        .map(|p| CueIndex::new(&p.view, &p.cues))
        .collect();
    let role_w = train_roles(
        &prepared,
        &indexes,
        &all,
        cfg,
        &mut rng,
        &mut sc,
        &mut progress,
    );
    if !dev.is_empty() {
        // Without the filter: every cue of the unbiased tagger is kept.
        let no_filter = Weights::new(1, crate::filter::LABELS);
        let m = Model::new(
            cue_w.clone(),
            role_w.clone(),
            no_filter,
            0.0,
            1.0,
            String::new(),
        );
        progress(&format!(
            "dev, no filter: {}",
            evaluate(&m, dev).summary_line()
        ));
    }

    // The filter learns from candidates that a cue tagger proposes on documents
    // it was not trained on, as at run time.
    let mut order = all.clone();
    rng.shuffle(&mut order);
    let folds = cfg.folds.max(2);
    let mut fold_of = vec![0; prepared.len()];
    for (k, &d) in order.iter().enumerate() {
        fold_of[d] = k % folds;
    }
    let mut cands: Vec<DocCandidates> = Vec::new();
    for f in 0..folds {
        let rest: Vec<usize> = all.iter().copied().filter(|&d| fold_of[d] != f).collect();
        let w = train_cues(&prepared, &rest, cfg, &mut rng, &mut sc, &mut |_| {});
        let rw = train_roles(
            &prepared,
            &indexes,
            &rest,
            cfg,
            &mut rng,
            &mut sc,
            &mut |_| {},
        );
        for d in all.iter().copied().filter(|&d| fold_of[d] == f) {
            let p = &prepared[d];
            let found = candidates(&w, &rw, cfg.cue_bias, &p.view, &mut sc);
            let pairs: Vec<_> = found.iter().map(|x| (x.cue, x.roles.clone())).collect();
            let nested = crate::filter::nesting(&pairs);
            let y: Vec<u8> = found
                .iter()
                .map(|x| {
                    if p.cues.iter().any(|g| g.0 < x.cue.1 && x.cue.0 < g.1) {
                        KEEP
                    } else {
                        DROP
                    }
                })
                .collect();
            cands.push(DocCandidates {
                doc: d,
                found,
                nested,
                labels: y,
            });
        }
        progress(&format!(
            "filter candidates: fold {} of {folds} done",
            f + 1
        ));
    }
    let mut items: Vec<(usize, usize)> = cands
        .iter()
        .enumerate()
        .flat_map(|(c, x)| {
            (0..x.found.len())
                .filter(move |&k| !x.found[k].ruled)
                .map(move |k| (c, k))
        })
        .collect();
    let mut keep_avg = Averager::new(cfg.filter_bits, crate::filter::LABELS);
    for epoch in 1..=cfg.filter_epochs {
        rng.shuffle(&mut items);
        let mut wrong = 0;
        for &(c, k) in &items {
            let dc = &cands[c];
            let cand = Candidate {
                v: &prepared[dc.doc].view,
                cue: dc.found[k].cue,
                roles: &dc.found[k].roles,
                margin: dc.found[k].margin,
                nested: dc.nested[k],
            };
            wrong += keep_avg.learn(&cand, &dc.labels[k..k + 1], &mut sc);
        }
        let mut line = format!(
            "filter epoch {epoch}: {wrong} of {} candidates misjudged",
            items.len()
        );
        if !dev.is_empty() && epoch == cfg.filter_epochs {
            let m = Model::new(
                cue_w.clone(),
                role_w.clone(),
                keep_avg.averaged(),
                cfg.cue_bias,
                cfg.keep_bias,
                String::new(),
            );
            line.push_str(&format!(" | dev {}", evaluate(&m, dev).summary_line()));
        }
        progress(&line);
    }
    let about = format!(
        "trained on {} documents ({} attributions); cue epochs {}, role epochs {}, filter epochs {} over {} folds, seed {}, hash bits {}/{}/{}, cue bias {}, keep bias {}",
        docs.len(),
        prepared.iter().map(|p| p.atts.len()).sum::<usize>(),
        cfg.cue_epochs,
        cfg.role_epochs,
        cfg.filter_epochs,
        folds,
        cfg.seed,
        cfg.cue_bits,
        cfg.role_bits,
        cfg.filter_bits,
        cfg.cue_bias,
        cfg.keep_bias
    );
    Model::new(
        cue_w,
        role_w,
        keep_avg.averaged(),
        cfg.cue_bias,
        cfg.keep_bias,
        about,
    )
}

/// Train a role tagger on the gold attributions of the documents `docs` of `prepared`.
fn train_roles(
    prepared: &[Prepared],
    indexes: &[CueIndex],
    docs: &[usize],
    cfg: &TrainConfig,
    rng: &mut SplitMix,
    sc: &mut Scratch,
    progress: &mut dyn FnMut(&str),
) -> Weights {
    let mut instances: Vec<(usize, usize)> = docs
        .iter()
        .flat_map(|&d| (0..prepared[d].atts.len()).map(move |k| (d, k)))
        .collect();
    let mut avg = Averager::new(cfg.role_bits, crate::role::LABELS);
    for epoch in 1..=cfg.role_epochs {
        rng.shuffle(&mut instances);
        let (mut wrong, mut total) = (0, 0);
        for &(d, k) in &instances {
            let p = &prepared[d];
            let (cue, spans) = &p.atts[k];
            let seq = RoleSeq::new(&p.view, &indexes[d], *cue);
            let y = role_labels(&p.view, spans, *cue, seq.lo, seq.hi);
            wrong += avg.learn(&seq, &y, sc);
            total += y.len();
        }
        progress(&format!(
            "role epoch {epoch}: {wrong} of {total} tokens mislabelled"
        ));
    }
    avg.averaged()
}

/// Train a cue tagger on the documents `docs` of `prepared`.
fn train_cues(
    prepared: &[Prepared],
    docs: &[usize],
    cfg: &TrainConfig,
    rng: &mut SplitMix,
    sc: &mut Scratch,
    progress: &mut dyn FnMut(&str),
) -> Weights {
    let mut sentences: Vec<(usize, usize)> = docs
        .iter()
        .flat_map(|&d| (0..prepared[d].view.sents.len()).map(move |s| (d, s)))
        .collect();
    let mut avg = Averager::new(cfg.cue_bits, crate::cue::LABELS);
    for epoch in 1..=cfg.cue_epochs {
        rng.shuffle(&mut sentences);
        let (mut wrong, mut total) = (0, 0);
        for &(d, s) in &sentences {
            let p = &prepared[d];
            let (lo, hi) = p.view.sents[s];
            let (lo, hi) = (lo as usize, hi as usize);
            let seq = CueSeq::new(&p.view, lo, hi);
            wrong += avg.learn(&seq, &p.cue_y[lo..hi], sc);
            total += hi - lo;
        }
        progress(&format!(
            "cue epoch {epoch}: {wrong} of {total} tokens mislabelled"
        ));
    }
    avg.averaged()
}

/// Score `model` on analyzed documents with gold, as the shared scorer would.
pub fn evaluate(model: &Model, docs: &[TrainingDoc]) -> ScoreResult {
    let mut scorer = Scorer::default();
    for d in docs {
        let map = CharMap::new(d.analysis.text());
        let pred: Vec<BratAttribution> = model
            .predict(&d.analysis)
            .iter()
            .map(|a| to_brat(a, &map))
            .collect();
        scorer.add_document(d.analysis.text(), &d.gold, Some(&pred));
    }
    scorer.result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_seeded() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        SplitMix(7).shuffle(&mut a);
        SplitMix(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
