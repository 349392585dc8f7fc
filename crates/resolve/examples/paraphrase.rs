//! How well claim similarity tells paraphrases from other claims: the IDF term
//! cosine resolve uses today, the static word vectors' cosine, and blends, over
//! the pairs of short news claims in `paraphrase-pairs.tsv` (written for this
//! measurement: 40 paraphrases, 40 same-topic other claims).
//!
//! Each claim goes through the analyzer as `Officials said that CLAIM.`, so its
//! words are exactly the content terms resolve compares (lemmas, folded, stop
//! words out). Three views:
//!
//! * **minimal pairs**: ROC AUC of paraphrases against the `other` pairs, which
//!   keep the topic and change the claim ("killed" / "injured", "raised" / "cut");
//! * **other topics**: ROC AUC of paraphrases against every first claim of one
//!   paraphrase pair with the second claim of another;
//! * **retrieval**: for each claim of a paraphrase pair, the rank of its partner
//!   among all other claims of the file (mean reciprocal rank, top-1 rate).
//!
//! ```text
//! cargo run -p hearsay-resolve --example paraphrase [-- VECTORS.bin]
//! ```
//!
//! With a path, reads that vectors file instead of the shipped one. `DUMP=1`
//! prints each pair's terms and scores.

use hearsay_analyze::Analyzer;
use hearsay_core::Document;
use hearsay_resolve::{Embedding, TermVector, Vectors, Weights};

/// `same|other<TAB>claim<TAB>claim` lines.
const PAIRS: &str = include_str!("paraphrase-pairs.tsv");

/// Content terms of a claim, as resolve extracts them.
fn terms(analyzer: &Analyzer, claim: &str) -> Vec<String> {
    let text = format!("Officials said that {claim}.");
    let facts = hearsay_resolve::extract(&analyzer.analyze(Document::new(text.as_str())));
    let mention = facts
        .mentions
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no attribution found in {text:?}"));
    mention.terms
}

/// ROC AUC: the chance that a random positive scores above a random negative
/// (ties count half).
fn auc(pos: &[f64], neg: &[f64]) -> f64 {
    let mut wins = 0.0;
    for p in pos {
        for n in neg {
            wins += if p > n {
                1.0
            } else if p == n {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (pos.len() * neg.len()) as f64
}

/// One claim under every representation.
struct Claim {
    terms: TermVector,
    zipf: Embedding,
    idf: Embedding,
    unit_idf: Embedding,
}

/// The similarities compared, by name.
const SCORERS: &[&str] = &[
    "IDF term cosine (today)",
    "vectors, Zipf weights only",
    "vectors x IDF",
    "unit vectors x IDF",
    "blend 0.25 IDF + 0.75 vectors x IDF",
    "blend 0.5 IDF + 0.5 vectors x IDF",
];

/// Similarity `s` (an index into [`SCORERS`]) of two claims.
fn score(s: usize, a: &Claim, b: &Claim) -> f64 {
    let idf = a.terms.cosine(&b.terms);
    let vec = a.idf.cosine(&b.idf);
    match s {
        0 => idf,
        1 => a.zipf.cosine(&b.zipf),
        2 => vec,
        3 => a.unit_idf.cosine(&b.unit_idf),
        4 => 0.25 * idf + 0.75 * vec,
        _ => 0.5 * idf + 0.5 * vec,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let vectors: &Vectors = match std::env::args().nth(1) {
        Some(path) => Box::leak(Box::new(Vectors::parse(std::fs::read(path)?.leak())?)),
        None => Vectors::shipped(),
    };
    let analyzer = Analyzer::new()?;
    let weights = Weights::shipped();
    let unit_idf = |w: &str| {
        let norm = vectors.get(w).map_or(1.0, |v| f64::from(v.norm()));
        weights.idf(w) / norm
    };
    let (mut known, mut all) = (0, 0);
    let mut claim = |text: &str| {
        let t = terms(&analyzer, text);
        all += t.len();
        known += t.iter().filter(|w| vectors.get(w).is_some()).count();
        Claim {
            terms: TermVector::new(&t, weights),
            zipf: vectors.embed(&t, |_| 1.0),
            idf: vectors.embed(&t, |w| weights.idf(w)),
            unit_idf: vectors.embed(&t, unit_idf),
        }
    };
    let (mut same, mut other) = (Vec::new(), Vec::new());
    let mut texts = Vec::new();
    for line in PAIRS.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let pair = (claim(f[1]), claim(f[2]));
        texts.push((f[1], f[2]));
        match f[0] {
            "same" => same.push(pair),
            "other" => other.push(pair),
            kind => return Err(format!("unknown pair kind {kind:?}").into()),
        }
    }
    if std::env::var_os("DUMP").is_some() {
        for ((a, b), (ta, tb)) in same.iter().chain(&other).zip(&texts) {
            let words = |c: &Claim| c.terms.words().collect::<Vec<_>>().join(" ");
            println!(
                "idf {:.2} vec {:.2}  {ta} [{}] | {tb} [{}]",
                score(0, a, b),
                score(2, a, b),
                words(a),
                words(b)
            );
        }
    }
    // Every distinct claim of the file (the first claim of a minimal pair is
    // mostly that of a paraphrase pair too), and the paraphrase queries in it.
    let mut pool: Vec<(&str, &Claim)> = Vec::new();
    for ((a, b), (ta, tb)) in same.iter().chain(&other).zip(&texts) {
        for (t, c) in [(*ta, a), (*tb, b)] {
            if !pool.iter().any(|(p, _)| *p == t) {
                pool.push((t, c));
            }
        }
    }
    let index = |t: &str| pool.iter().position(|(p, _)| *p == t).expect("in the pool");
    let queries: Vec<(usize, usize)> = texts[..same.len()]
        .iter()
        .flat_map(|(a, b)| [(index(a), index(b)), (index(b), index(a))])
        .collect();
    println!(
        "{} paraphrase pairs, {} minimal pairs, {} distinct claims; {known} of {all} content terms have a vector ({} words x {} dims)",
        same.len(),
        other.len(),
        pool.len(),
        vectors.len(),
        vectors.dims()
    );
    println!(
        "{:<38} {:>13} {:>12} {:>6} {:>6}",
        "similarity", "AUC minimal", "AUC topics", "MRR", "top-1"
    );
    for (s, name) in SCORERS.iter().enumerate() {
        let pos: Vec<f64> = same.iter().map(|(a, b)| score(s, a, b)).collect();
        let minimal: Vec<f64> = other.iter().map(|(a, b)| score(s, a, b)).collect();
        let mut topics = Vec::new();
        for (i, (a, _)) in same.iter().enumerate() {
            for (j, (_, b)) in same.iter().enumerate() {
                if i != j {
                    topics.push(score(s, a, b));
                }
            }
        }
        let (mut rr, mut top) = (0.0, 0);
        for &(q, partner) in &queries {
            let target = score(s, pool[q].1, pool[partner].1);
            let above = (0..pool.len())
                .filter(|&c| c != q && c != partner && score(s, pool[q].1, pool[c].1) >= target)
                .count();
            rr += 1.0 / (above + 1) as f64;
            top += usize::from(above == 0);
        }
        let n = queries.len() as f64;
        println!(
            "{:<38} {:>13.3} {:>12.3} {:>6.3} {:>6.3}",
            name,
            auc(&pos, &minimal),
            auc(&pos, &topics),
            rr / n,
            top as f64 / n
        );
    }
    Ok(())
}
