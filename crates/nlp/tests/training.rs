//! Each model trains for one epoch on a small slice of the shared silver data
//! and must learn (score above a floor), so the training code cannot rot.
//! Ignored (listed by name) when the shared corpus is absent.

use hearsay_nlp::corpus::{self, GoldSentence};
use hearsay_nlp::train::TrainOptions;
use hearsay_nlp::{models, ner, parser, tagger};
use std::path::Path;

/// A slice of train for training and of dev for scoring.
fn slices() -> (Vec<GoldSentence>, Vec<GoldSentence>) {
    let base = Path::new(env!("HEARSAY_SHARED_DIR")).join("corpus/polnear");
    let mut train =
        corpus::load_sentences(&base.join("dev/corenlp.conllu.gz"), None).expect("dev corpus");
    // Train on the first 2000 dev sentences, score on the next 500: small and fast.
    let dev = train.split_off(2000);
    (train, dev.into_iter().take(500).collect())
}

fn one_epoch() -> TrainOptions {
    TrainOptions {
        epochs: 1,
        ..TrainOptions::default()
    }
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn tagger_learns_in_one_epoch() {
    let (train, dev) = slices();
    let t = tagger::train(&train, &dev, &one_epoch(), &mut |_| {}).unwrap();
    let acc = tagger::accuracy(&t, &dev);
    assert!(acc > 0.88, "POS accuracy {acc}");
    // The saved model loads back and tags the same.
    let lem = hearsay_nlp::lemma::Lemmatizer::train(std::iter::empty());
    let (back, _) = models::tagger_from_bytes(&models::tagger_to_bytes(&t, &lem)).unwrap();
    assert_eq!(tagger::accuracy(&back, &dev), acc);
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn parser_learns_in_one_epoch() {
    let (train, dev) = slices();
    let p = parser::train(&train, &dev, &one_epoch(), &mut |_| {}).unwrap();
    let s = parser::attachment_scores(&p, &dev);
    assert!(s.uas > 0.6 && s.las > 0.5, "{s:?}");
    let back = models::parser_from_bytes(&models::parser_to_bytes(&p)).unwrap();
    assert_eq!(parser::attachment_scores(&back, &dev), s);
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn ner_learns_in_one_epoch() {
    let (train, dev) = slices();
    let n = ner::train(&train, &dev, &one_epoch(), &mut |_| {}).unwrap();
    let s = ner::entity_scores(&n, &dev);
    assert!(s.f1 > 0.4, "{s:?}");
    let back = models::ner_from_bytes(&models::ner_to_bytes(&n)).unwrap();
    assert_eq!(ner::entity_scores(&back, &dev), s);
}
