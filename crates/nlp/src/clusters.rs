//! Word clusters learned from raw text: words that occur in similar contexts
//! share a cluster, so a model that has seen "Kyiv" attach like "Moscow" can
//! generalize to a name it never saw in its labeled data.
//!
//! The clusters come from the exchange algorithm (Kneser and Ney 1993, Martin
//! et al. 1998) on a class-bigram language model: each word is moved to the
//! class that most raises the likelihood of the text, pass after pass. The
//! fine classes are then clustered the same way into coarser ones, so every
//! word carries three nested codes, like the prefixes of Brown clusters.

use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::features::norm;
use crate::perceptron::FeatMap;
use crate::tokenize;

/// Classes at each level, finest first; each level clusters the one before it.
pub(crate) const LEVELS: [usize; 3] = [256, 64, 16];

/// Occurrences a word needs in the text to get a cluster.
const MIN_COUNT: u32 = 2;

/// Passes of the exchange algorithm over the words (it stops early when nothing moves).
const PASSES: usize = 5;

/// Per level, a word's class + 1 (0: the word has no cluster).
pub(crate) type Codes = [u64; 3];

/// Normalized word → nested cluster codes (see [`crate::features::norm`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordClusters {
    codes: FeatMap<u32>,
}

/// Bits of each level in a packed code.
const BITS: u32 = 10;

impl WordClusters {
    /// Learn clusters from raw texts (tokenized with the pipeline's tokenizer).
    /// Deterministic: the same texts give the same clusters.
    pub fn learn<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        Self::learn_levels(texts, LEVELS)
    }

    /// [`WordClusters::learn`] with the given number of classes per level, finest first.
    fn learn_levels<'a>(texts: impl IntoIterator<Item = &'a str>, levels: [usize; 3]) -> Self {
        let mut stream: Vec<u64> = Vec::new();
        for text in texts {
            let seg = tokenize::segment(text);
            for sent in &seg.sentences {
                // Sentence boundaries are a word of their own (hash 0).
                stream.push(0);
                stream.extend(seg.tokens[sent.clone()].iter().map(|t| norm(t.text(text))));
            }
        }
        stream.push(0);
        let mut counts: FeatMap<u32> = FeatMap::default();
        for &w in &stream {
            *counts.entry(w).or_default() += 1;
        }
        // Vocabulary: frequent words by descending count (ties by hash); rare
        // words share one item that is never moved.
        let mut vocab: Vec<(u64, u32)> = counts
            .iter()
            .filter(|&(&w, &c)| c >= MIN_COUNT && w != 0)
            .map(|(&w, &c)| (w, c))
            .collect();
        vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let index: FeatMap<u32> = vocab
            .iter()
            .enumerate()
            .map(|(i, &(w, _))| (w, i as u32))
            .collect();
        let n = vocab.len();
        // Item n: rare words; item n + 1: sentence boundary.
        let item = |w: u64| {
            if w == 0 {
                n as u32 + 1
            } else {
                index.get(&w).copied().unwrap_or(n as u32)
            }
        };
        let items: Vec<u32> = stream.iter().map(|&w| item(w)).collect();
        let mut bigrams: FeatMap<u32> = FeatMap::default();
        for pair in items.windows(2) {
            *bigrams
                .entry(u64::from(pair[0]) << 32 | u64::from(pair[1]))
                .or_default() += 1;
        }
        let mut fixed = Bigrams::new(n + 2, &bigrams);
        let mut codes = vec![0u32; n];
        let mut level_items = n;
        for (level, &k) in levels.iter().enumerate() {
            let k = k.min(level_items.max(1));
            let classes = exchange(&fixed, level_items, k, PASSES);
            // Record each word's class at this level.
            for (w, code) in codes.iter_mut().enumerate() {
                let it = if level == 0 {
                    w
                } else {
                    ((*code >> (BITS * (level as u32 - 1))) & ((1 << BITS) - 1)) as usize - 1
                };
                *code |= (classes[it] + 1) << (BITS * level as u32);
            }
            fixed = fixed.merged(&classes, k, level_items);
            level_items = k;
        }
        WordClusters {
            codes: vocab.iter().map(|&(w, _)| w).zip(codes).collect(),
        }
    }

    /// The codes of a word given by its normalized hash, all 0 when it has no cluster.
    #[inline]
    pub(crate) fn codes(&self, norm: u64) -> Codes {
        match self.codes.get(&norm) {
            None => [0; 3],
            Some(&c) => [
                u64::from(c & 0x3FF),
                u64::from(c >> BITS & 0x3FF),
                u64::from(c >> (2 * BITS) & 0x3FF),
            ],
        }
    }

    /// The cluster codes of a word (class + 1 at each level, finest first; zeros
    /// when the word has none).
    pub fn word_codes(&self, word: &str) -> [u64; 3] {
        self.codes(norm(word))
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// Serialize (deterministic bytes).
    pub(crate) fn write(&self, w: &mut Writer) {
        w.word_map(&self.codes);
    }

    /// Deserialize what [`WordClusters::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let codes = r.word_map("word clusters")?;
        if codes.values().any(|&c| c >= 1 << (3 * BITS)) {
            return Err(ModelError::Corrupt("cluster code out of range".into()));
        }
        Ok(WordClusters { codes })
    }
}

/// Bigram counts between items, sparse by row and by column.
struct Bigrams {
    /// Per item: (right neighbour, count).
    right: Vec<Vec<(u32, u32)>>,
    /// Per item: (left neighbour, count).
    left: Vec<Vec<(u32, u32)>>,
    /// Occurrences of each item.
    count: Vec<u64>,
}

impl Bigrams {
    /// Index the pair counts (keys `left << 32 | right`) of `n` items.
    fn new(n: usize, pairs: &FeatMap<u32>) -> Self {
        let mut right = vec![Vec::new(); n];
        let mut left = vec![Vec::new(); n];
        let mut count = vec![0u64; n];
        let mut sorted: Vec<(u64, u32)> = pairs.iter().map(|(&k, &c)| (k, c)).collect();
        sorted.sort_unstable();
        for (k, c) in sorted {
            let (a, b) = ((k >> 32) as usize, k as u32 as usize);
            right[a].push((b as u32, c));
            left[b].push((a as u32, c));
            count[a] += u64::from(c);
        }
        Bigrams { right, left, count }
    }

    /// The bigrams of the classes: items `0..movable` are replaced by their
    /// class in `classes` (`k` of them); the fixed items after them keep their
    /// order after the classes.
    fn merged(&self, classes: &[u32], k: usize, movable: usize) -> Bigrams {
        let map = |i: usize| {
            if i < movable {
                classes[i]
            } else {
                (k + i - movable) as u32
            }
        };
        let mut pairs: FeatMap<u32> = FeatMap::default();
        for (a, row) in self.right.iter().enumerate() {
            for &(b, c) in row {
                *pairs
                    .entry(u64::from(map(a)) << 32 | u64::from(map(b as usize)))
                    .or_default() += c;
            }
        }
        Bigrams::new(k + self.right.len() - movable, &pairs)
    }
}

/// Class bigram counts, row-major and transposed (so that both the row and
/// the column of a class are contiguous), with their `x ln x` terms.
struct ClassBigrams {
    kk: usize,
    pair: Vec<f64>,
    pair_t: Vec<f64>,
    x: Vec<f64>,
    x_t: Vec<f64>,
}

impl ClassBigrams {
    /// All zero, for `kk` classes.
    fn new(kk: usize) -> Self {
        ClassBigrams {
            kk,
            pair: vec![0.0; kk * kk],
            pair_t: vec![0.0; kk * kk],
            x: vec![0.0; kk * kk],
            x_t: vec![0.0; kk * kk],
        }
    }

    /// Add `v` to the count of class `a` followed by class `b`.
    #[inline]
    fn add(&mut self, a: usize, b: usize, v: f64) {
        if v == 0.0 {
            return;
        }
        let (i, j) = (a * self.kk + b, b * self.kk + a);
        self.pair[i] += v;
        self.x[i] = xlx(self.pair[i]);
        self.pair_t[j] += v;
        self.x_t[j] = xlx(self.pair_t[j]);
    }
}

/// `x ln x`, 0 at 0.
#[inline]
fn xlx(x: f64) -> f64 {
    if x > 0.0 { x * x.ln() } else { 0.0 }
}

/// The exchange algorithm: put items `0..movable` of `g` into `k` classes
/// (the items after them are fixed, each in a class of its own), maximizing
/// the class-bigram likelihood. Returns the class of each movable item.
fn exchange(g: &Bigrams, movable: usize, k: usize, passes: usize) -> Vec<u32> {
    let total = g.count.len();
    let fixed = total - movable;
    let kk = k + fixed;
    // Initial classes: by frequency rank, round robin.
    let mut class: Vec<u32> = (0..total)
        .map(|i| {
            if i < movable {
                (i % k) as u32
            } else {
                (k + i - movable) as u32
            }
        })
        .collect();
    let mut ccount = vec![0f64; kk];
    let mut tab = ClassBigrams::new(kk);
    for (a, row) in g.right.iter().enumerate() {
        ccount[class[a] as usize] += g.count[a] as f64;
        for &(b, c) in row {
            tab.add(class[a] as usize, class[b as usize] as usize, f64::from(c));
        }
    }
    let mut rcnt = vec![0f64; kk];
    let mut lcnt = vec![0f64; kk];
    let mut touched: Vec<usize> = Vec::new();
    for _ in 0..passes {
        let mut moves = 0;
        for w in 0..movable {
            let from = class[w] as usize;
            // Neighbour class counts of w, its own bigrams (w, w) apart.
            touched.clear();
            let mut selfs = 0f64;
            for &(b, c) in &g.right[w] {
                if b as usize == w {
                    selfs += f64::from(c);
                    continue;
                }
                let cb = class[b as usize] as usize;
                if rcnt[cb] == 0.0 && lcnt[cb] == 0.0 {
                    touched.push(cb);
                }
                rcnt[cb] += f64::from(c);
            }
            for &(a, c) in &g.left[w] {
                if a as usize == w {
                    continue;
                }
                let ca = class[a as usize] as usize;
                if rcnt[ca] == 0.0 && lcnt[ca] == 0.0 {
                    touched.push(ca);
                }
                lcnt[ca] += f64::from(c);
            }
            let nw = g.count[w] as f64;
            // Move w out of its class.
            for &c in &touched {
                if c != from {
                    tab.add(from, c, -rcnt[c]);
                    tab.add(c, from, -lcnt[c]);
                }
            }
            tab.add(from, from, -(rcnt[from] + lcnt[from] + selfs));
            ccount[from] -= nw;
            // The likelihood change of adding w (with these neighbours) to class t.
            let gain = |t: usize| {
                let r = t * kk..(t + 1) * kk;
                let (row, row_t) = (&tab.pair[r.clone()], &tab.pair_t[r.clone()]);
                let (xrow, xrow_t) = (&tab.x[r.clone()], &tab.x_t[r]);
                let mut d = 0.0;
                for &c in &touched {
                    if c != t {
                        d += xlx(row[c] + rcnt[c]) - xrow[c];
                        d += xlx(row_t[c] + lcnt[c]) - xrow_t[c];
                    }
                }
                d += xlx(row[t] + rcnt[t] + lcnt[t] + selfs) - xrow[t];
                d - 2.0 * (xlx(ccount[t] + nw) - xlx(ccount[t]))
            };
            let mut best = (from, gain(from));
            for t in 0..k {
                if t != from {
                    let v = gain(t);
                    if v > best.1 + 1e-9 {
                        best = (t, v);
                    }
                }
            }
            let to = best.0;
            for &c in &touched {
                if c != to {
                    tab.add(to, c, rcnt[c]);
                    tab.add(c, to, lcnt[c]);
                }
            }
            tab.add(to, to, rcnt[to] + lcnt[to] + selfs);
            ccount[to] += nw;
            if to != from {
                class[w] = to as u32;
                moves += 1;
            }
            for &c in &touched {
                rcnt[c] = 0.0;
                lcnt[c] = 0.0;
            }
        }
        if moves == 0 {
            break;
        }
    }
    class.truncate(movable);
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut text = String::new();
        let cities = ["Paris", "Kyiv", "Seoul", "Lima"];
        let verbs = ["said", "added", "noted", "wrote"];
        for i in 0..400 {
            let c = cities[i % 4];
            let v = verbs[(i / 4) % 4];
            text.push_str(&format!("Officials in {c} {v} it rained. "));
        }
        let cl = WordClusters::learn_levels([text.as_str()], [8, 4, 2]);
        let code = |w: &str| cl.codes(norm(w));
        assert_ne!(code("Paris")[2], 0);
        // The cities fall together at every level (the codes nest), apart from the verbs.
        assert!(cities.iter().all(|c| code(c) == code("Paris")));
        assert!(verbs.iter().all(|v| code(v)[0] != code("Paris")[0]));
        assert_eq!(code("unseen"), [0; 3]);
        let mut w = Writer::new("t");
        cl.write(&mut w);
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes, "t").unwrap();
        assert_eq!(WordClusters::read(&mut r).unwrap(), cl);
    }
}
