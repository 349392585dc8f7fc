//! Small synthetic training data for unit tests: sentences from a toy grammar
//! with tags, a dependency tree and name classes, generated from a seed.

use crate::corpus::GoldSentence;
use crate::rng::Rng;

const NAMES: &[&str] = &[
    "Kim", "Lee", "Putin", "Obama", "Clinton", "Budanov", "Young", "Park",
];
const PLACES: &[&str] = &["Seoul", "Moscow", "Kyiv", "Paris", "Ohio", "Texas"];
const VERBS: &[(&str, &str)] = &[
    ("said", "say"),
    ("reported", "report"),
    ("told", "tell"),
    ("claimed", "claim"),
    ("denied", "deny"),
];
const NOUNS: &[&str] = &["troops", "soldiers", "reporters", "officials", "sources"];

/// `n` sentences like "Kim said the troops left Seoul ." with gold annotation.
pub(crate) fn sentences(n: usize, seed: u64) -> Vec<GoldSentence> {
    let mut rng = Rng::new(seed);
    let mut pick = |xs: &[&'static str]| xs[rng.below(xs.len())];
    (0..n)
        .map(|_| {
            let name = pick(NAMES);
            let place = pick(PLACES);
            let noun = pick(NOUNS);
            let (verb, lemma) = VERBS[(name.len() + noun.len() + place.len()) % VERBS.len()];
            // name verb the noun left place .
            let words = [name, verb, "the", noun, "left", place, "."];
            let tags = ["NNP", "VBD", "DT", "NNS", "VBD", "NNP", "."];
            let lemmas = [
                name,
                lemma,
                "the",
                &noun[..noun.len() - 1],
                "leave",
                place,
                ".",
            ];
            let heads = [Some(1), None, Some(3), Some(4), Some(1), Some(4), Some(1)];
            let deprels = ["nsubj", "root", "det", "nsubj", "ccomp", "dobj", "punct"];
            let ner = ["PERSON", "O", "O", "O", "O", "LOCATION", "O"];
            let own = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect();
            GoldSentence {
                words: own(&words),
                tags: own(&tags),
                predicted_tags: Vec::new(),
                lemmas: own(&lemmas),
                heads: heads.to_vec(),
                deprels: own(&deprels),
                ner: own(&ner),
                doc_start: true,
            }
        })
        .collect()
}
