//! How alike two contents are: cosine of their content words weighted by how
//! rare each word is in news (inverse document frequency).
//!
//! The document frequencies come from the PolNeAR training articles
//! (`hearsay train words`, shipped as `models/words.tsv`), so a word's weight is
//! fixed knowledge of news language, not a statistic of the database: the same
//! two claims get the same similarity whatever else is stored. Words the table
//! does not know (names, rare terms) weigh most.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The shipped document-frequency table.
const WORDS: &str = include_str!("../../../models/words.tsv");

/// Document frequencies of content words in a news corpus.
#[derive(Debug)]
pub struct Weights {
    docs: f64,
    df: HashMap<String, u32>,
}

impl Weights {
    /// Parse a table: a `# docs N` line, then `word<TAB>df` lines.
    pub fn parse(table: &str) -> Weights {
        let mut docs = 1.0;
        let mut df = HashMap::new();
        for line in table.lines() {
            if let Some(n) = line.strip_prefix("# docs ") {
                docs = n.trim().parse().unwrap_or(1.0);
            } else if let Some((w, n)) = line.split_once('\t')
                && let Ok(n) = n.trim().parse()
            {
                df.insert(w.to_string(), n);
            }
        }
        Weights { docs, df }
    }

    /// The shipped table, parsed once.
    pub fn shipped() -> &'static Weights {
        static W: OnceLock<Weights> = OnceLock::new();
        W.get_or_init(|| Weights::parse(WORDS))
    }

    /// Inverse document frequency: `ln((N + 1) / (df + 1)) + 1`.
    pub fn idf(&self, word: &str) -> f64 {
        let df = self.df.get(word).copied().unwrap_or(0) as f64;
        ((self.docs + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// The highest weight, that of a word never seen.
    pub fn max_idf(&self) -> f64 {
        (self.docs + 1.0).ln() + 1.0
    }
}

/// Count in how many of `analyses` each content word occurs (the same words
/// [`crate::extract`] gives a claim's content), as the table [`Weights::parse`]
/// reads: `# docs N`, then `word<TAB>df` for every word in at least `min_df`
/// documents, sorted by word.
pub fn word_table<'a>(
    analyses: impl IntoIterator<Item = &'a hearsay_core::Analysis>,
    min_df: u32,
) -> String {
    let mut df: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
    let mut docs = 0u32;
    for a in analyses {
        docs += 1;
        let whole = hearsay_core::Span::new(0, a.text().len());
        let mut words = crate::facts::terms_in(a, &[whole]);
        words.sort();
        words.dedup();
        for w in words {
            *df.entry(w).or_default() += 1;
        }
    }
    let mut out = format!("# docs {docs}\n");
    for (w, n) in df {
        if n >= min_df {
            out.push_str(&format!("{w}\t{n}\n"));
        }
    }
    out
}

/// A content as weighted words, sorted by word.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector {
    terms: Vec<(String, f64)>,
    norm: f64,
}

impl TermVector {
    /// Weight each distinct word by its idf (repeats do not add weight: a claim
    /// says a thing once however it is phrased).
    pub fn new(words: &[String], weights: &Weights) -> TermVector {
        TermVector::weighted(words, |w| weights.idf(w))
    }

    /// Weight each distinct word by `weight`.
    pub fn weighted(words: &[String], weight: impl Fn(&str) -> f64) -> TermVector {
        let mut terms: Vec<(String, f64)> = words.iter().map(|w| (w.clone(), weight(w))).collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        terms.dedup_by(|a, b| a.0 == b.0);
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        TermVector { terms, norm }
    }

    /// Cosine similarity in `[0, 1]`.
    pub fn cosine(&self, other: &TermVector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.terms.len() && j < other.terms.len() {
            match self.terms[i].0.cmp(&other.terms[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += self.terms[i].1 * other.terms[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (self.norm * other.norm)
    }

    /// The words both share, with their weights.
    pub fn shared<'a>(
        &'a self,
        other: &'a TermVector,
    ) -> impl Iterator<Item = (&'a str, f64)> + 'a {
        self.terms
            .iter()
            .filter(move |(w, _)| other.terms.binary_search_by(|(o, _)| o.cmp(w)).is_ok())
            .map(|(w, x)| (w.as_str(), *x))
    }

    /// The words.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|(w, _)| w.as_str())
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str, w: &Weights) -> TermVector {
        let words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
        TermVector::new(&words, w)
    }

    #[test]
    fn rare_shared_words_count_most() {
        let w = Weights::parse("# docs 100\nsay\t90\ntroop\t10\nmarovian\t1\n");
        assert!(w.idf("say") < w.idf("troop") && w.idf("troop") < w.idf("marovian"));
        assert_eq!(w.idf("unknown"), w.max_idf());
        let a = v("marovian troop arrive", &w);
        let b = v("marovian troop land", &w);
        let c = v("say troop", &w);
        assert!(a.cosine(&b) > a.cosine(&c));
        assert!((a.cosine(&a) - 1.0).abs() < 1e-9);
        assert_eq!(a.shared(&b).count(), 2);
    }
}
