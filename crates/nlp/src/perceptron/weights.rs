//! The compact, read-only weight table used at prediction time.

use crate::codec::{Reader, Writer};
use crate::error::ModelError;

/// Marks an empty slot of the hash table.
const EMPTY: u32 = u32::MAX;

/// Set in [`Slot::start`] when the feature's row is dense: the rest of the
/// value is then where the row starts in [`Weights::dense`].
const DENSE: u32 = 1 << 31;

/// Classes added together when a dense row is scored; dense rows are padded
/// with zeros to a multiple of it so that the adds need no remainder loop.
const LANES: usize = 8;

/// One slot of the open-addressing table: the high half of the feature key
/// (the low half chose the slot) and where the feature's entries start.
#[derive(Debug, Clone, Copy)]
struct Slot {
    fingerprint: u32,
    start: u32,
}

/// Quantized averaged-perceptron weights: for each feature key, a short list
/// of `(class, weight)` entries (weights are `i16`, multiply by [`Weights::scale`]
/// for the float value).
///
/// Scoring a feature costs one probe in an open-addressing table of 8-byte
/// slots plus one add per stored class; nothing is allocated.
#[derive(Debug, Clone)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    mask: usize,
    slots: Vec<Slot>,
    /// Per feature: a count, then that many entries packed as `class << 16 | weight as u16`.
    entries: Vec<u32>,
    /// The full feature keys, in the order their entries are stored (for saving).
    keys: Vec<u64>,
    /// The rows of the features that weigh many classes (the frequent ones, so
    /// the ones scored most often), again as one `i16` per class, padded to
    /// [`Weights::width`]: adding them is a few vector adds instead of a
    /// scattered add per class. Their sparse copies stay in `entries` for saving.
    dense: Vec<i16>,
    /// `n_classes` rounded up to a multiple of [`LANES`].
    width: usize,
    /// A one-hash Bloom filter of the keys (bit `(key >> 32) & filter_mask`),
    /// small enough to stay in cache: most features of a new sentence are not
    /// in the model, and the filter answers that without touching the big table.
    filter: Vec<u64>,
    filter_mask: usize,
}

impl Weights {
    /// Build from features (sorted by key, which keeps the saved file compact and
    /// deterministic), each with its non-zero `(class, weight)` entries.
    pub(crate) fn from_rows(
        n_classes: usize,
        scale: f32,
        rows: Vec<(u64, Vec<(u16, i16)>)>,
    ) -> Self {
        let mut keys = Vec::with_capacity(rows.len());
        let mut entries = Vec::with_capacity(rows.iter().map(|r| r.1.len() + 1).sum());
        for (key, row) in rows {
            keys.push(key);
            entries.push(row.len() as u32);
            entries.extend(row.iter().map(|&(c, q)| pack(c, q)));
        }
        Self::from_parts(n_classes, scale, keys, entries)
    }

    /// Build the hash table over `keys`, whose rows lie in `entries` in the same
    /// order, each a count followed by that many packed entries.
    fn from_parts(n_classes: usize, scale: f32, keys: Vec<u64>, entries: Vec<u32>) -> Self {
        let cap = (keys.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![
            Slot {
                fingerprint: 0,
                start: EMPTY
            };
            cap
        ];
        let bits = (keys.len() * 8).next_power_of_two().max(64);
        let filter_mask = bits - 1;
        let mut filter = vec![0u64; bits / 64];
        let width = n_classes.div_ceil(LANES) * LANES;
        // A row this long costs fewer operations added densely than entry by entry.
        let dense_min = (width / 4).max(LANES);
        let mut dense = Vec::new();
        let mut at = 0usize;
        for &key in &keys {
            let b = (key >> 32) as usize & filter_mask;
            filter[b / 64] |= 1 << (b % 64);
            let mut i = key as usize & mask;
            while slots[i].start != EMPTY {
                i = (i + 1) & mask;
            }
            let n = entries[at] as usize;
            let start = if n >= dense_min && dense.len() + width < DENSE as usize {
                let row = dense.len();
                dense.resize(row + width, 0i16);
                for &e in &entries[at + 1..at + 1 + n] {
                    dense[row + (e >> 16) as usize] = e as u16 as i16;
                }
                DENSE | row as u32
            } else {
                at as u32
            };
            slots[i] = Slot {
                fingerprint: (key >> 32) as u32,
                start,
            };
            at += n + 1;
        }
        Weights {
            n_classes,
            scale,
            mask,
            slots,
            entries,
            keys,
            dense,
            width,
            filter,
            filter_mask,
        }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// The float value of one quantized unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.entries.len() - self.keys.len()
    }

    /// A copy without the weights whose magnitude is below `min_q` quantized
    /// units (and without the features left with no weights).
    pub fn pruned(&self, min_q: u16) -> Weights {
        let mut rows = Vec::with_capacity(self.keys.len());
        let mut at = 0;
        for &key in &self.keys {
            let n = self.entries[at] as usize;
            let row: Vec<(u16, i16)> = self.entries[at + 1..at + 1 + n]
                .iter()
                .map(|&e| ((e >> 16) as u16, e as u16 as i16))
                .filter(|&(_, q)| q.unsigned_abs() >= min_q)
                .collect();
            if !row.is_empty() {
                rows.push((key, row));
            }
            at += n + 1;
        }
        Weights::from_rows(self.n_classes, self.scale, rows)
    }

    /// Set `scores` (one value per class, at least [`Weights::n_classes`] long)
    /// to the sums of the (quantized) weights of `feats`.
    ///
    /// The table lookups of all features are issued before any of their results
    /// is used, so that their cache misses overlap instead of queueing.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { self.score_avx2(feats, scores) };
        }
        self.score_any(feats, scores);
    }

    /// [`Weights::score`] compiled for AVX2, which adds a dense row 8 classes per instruction.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn score_avx2(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_any(feats, scores);
    }

    /// The body of [`Weights::score`], for whatever instructions the caller was compiled with.
    #[inline(always)]
    fn score_any(&self, feats: &[u64], scores: &mut [i32]) {
        const CHUNK: usize = 32;
        scores.fill(0);
        for all in feats.chunks(CHUNK) {
            // Keep only the features the filter may know.
            let mut chunk = [0u64; CHUNK];
            let mut k = 0;
            for &f in all {
                let b = (f >> 32) as usize & self.filter_mask;
                chunk[k] = f;
                k += usize::from(self.filter[b / 64] >> (b % 64) & 1 == 1);
            }
            let chunk = &chunk[..k];
            let mut first = [Slot {
                fingerprint: 0,
                start: EMPTY,
            }; CHUNK];
            for (s, &f) in first.iter_mut().zip(chunk) {
                *s = self.slots[f as usize & self.mask];
            }
            let mut starts = [EMPTY; CHUNK];
            for ((st, s), &f) in starts.iter_mut().zip(&first).zip(chunk) {
                *st = if s.fingerprint == (f >> 32) as u32 || s.start == EMPTY {
                    s.start
                } else {
                    self.probe(f)
                };
            }
            let mut counts = [0u32; CHUNK];
            for (c, &st) in counts.iter_mut().zip(&starts) {
                if st & DENSE == 0 {
                    *c = self.entries[st as usize];
                }
            }
            for (&st, &n) in starts.iter().zip(&counts) {
                if st == EMPTY {
                    continue;
                }
                if st & DENSE != 0 {
                    let row = (st & !DENSE) as usize;
                    add_dense(
                        &mut scores[..self.n_classes],
                        &self.dense[row..row + self.width],
                    );
                    continue;
                }
                let st = st as usize;
                for &e in &self.entries[st + 1..st + 1 + n as usize] {
                    scores[(e >> 16) as usize] += i32::from(e as u16 as i16);
                }
            }
        }
    }

    /// Where the entries of `key` start, following the probe sequence past its home slot.
    fn probe(&self, key: u64) -> u32 {
        let fp = (key >> 32) as u32;
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.start == EMPTY || s.fingerprint == fp {
                return s.start;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Serialize after a model's own header.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.varint(self.n_classes as u64);
        w.f32(self.scale);
        w.varint(self.keys.len() as u64);
        let mut prev = 0u64;
        let mut at = 0;
        for &key in &self.keys {
            w.varint(key.wrapping_sub(prev));
            prev = key;
            let n = self.entries[at] as usize;
            w.varint(n as u64);
            for &e in &self.entries[at + 1..at + 1 + n] {
                w.u8((e >> 16) as u8);
                w.u16(e as u16);
            }
            at += n + 1;
        }
    }

    /// Deserialize what [`Weights::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let n_classes = r.len(256, "number of classes")?;
        let scale = r.f32("scale")?;
        let n = r.len(r.remaining(), "number of features")?;
        let mut keys = Vec::with_capacity(n);
        let mut entries = Vec::with_capacity(n + r.remaining() / 3);
        let mut key = 0u64;
        for _ in 0..n {
            key = key.wrapping_add(r.varint("feature key")?);
            keys.push(key);
            let m = r.len(n_classes, "entries of a feature")?;
            entries.push(m as u32);
            for _ in 0..m {
                let class = r.u8("class")?;
                if usize::from(class) >= n_classes {
                    return Err(ModelError::Corrupt(format!("class {class} out of range")));
                }
                entries.push(pack(u16::from(class), r.u16("weight")? as i16));
            }
        }
        Ok(Weights::from_parts(n_classes, scale, keys, entries))
    }
}

/// Add a dense row of weights (`row`, at least as long as `scores`) into
/// `scores`, [`LANES`] classes at a time (the compiler turns each group into
/// vector instructions).
#[inline]
fn add_dense(scores: &mut [i32], row: &[i16]) {
    let done = scores.len() / LANES * LANES;
    for (s, w) in scores[..done]
        .chunks_exact_mut(LANES)
        .zip(row.chunks_exact(LANES))
    {
        for (s, &w) in s.iter_mut().zip(w) {
            *s += i32::from(w);
        }
    }
    for (s, &w) in scores[done..].iter_mut().zip(&row[done..]) {
        *s += i32::from(w);
    }
}

/// One stored weight: the class in the high half, the `i16` weight in the low half.
#[inline]
fn pack(class: u16, q: i16) -> u32 {
    (u32::from(class) << 16) | u32::from(q as u16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::feat1;

    // Real keys are 64-bit hashes; the table relies on that (low bits pick the slot,
    // high bits are the fingerprint).
    fn k(i: u64) -> u64 {
        feat1(1, i)
    }

    fn sample() -> Weights {
        // Feature 7 votes for class 1 strongly and class 0 weakly; feature 9 for class 2.
        let mut rows = vec![(k(7), vec![(0, 3), (1, 900)]), (k(9), vec![(2, -40)])];
        rows.sort_unstable_by_key(|r| r.0);
        Weights::from_rows(3, 0.5, rows)
    }

    #[test]
    fn scores_known_and_ignores_unknown_features() {
        let w = sample();
        let mut s = [0i32; 3];
        w.score(&[k(7), k(9), k(12345), k(7)], &mut s);
        assert_eq!(s, [6, 1800, -40]);
        assert_eq!((w.n_features(), w.n_weights()), (2, 3));
    }

    #[test]
    fn dense_and_sparse_rows_sum_alike() {
        // 21 classes: rows of 8 or more entries are stored densely, shorter ones sparsely.
        let classes = 21u16;
        let mut rows: Vec<(u64, Vec<(u16, i16)>)> = (0..40u64)
            .map(|i| {
                let n = (i % classes as u64) as u16 + 1;
                let row = (0..n)
                    .map(|c| ((c * 5 + i as u16) % classes, (i as i16 - 20) * 7 + c as i16))
                    .collect::<std::collections::BTreeMap<_, _>>();
                (k(i), row.into_iter().collect())
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        let w = Weights::from_rows(usize::from(classes), 1.0, rows.clone());
        assert!(!w.dense.is_empty() && w.dense.len() < rows.len() * w.width);
        let feats: Vec<u64> = rows
            .iter()
            .map(|r| r.0)
            .chain([k(999), rows[3].0])
            .collect();
        let mut want = vec![0i32; usize::from(classes)];
        for (key, row) in &rows {
            let times = feats.iter().filter(|&&f| f == *key).count() as i32;
            for &(c, q) in row {
                want[usize::from(c)] += times * i32::from(q);
            }
        }
        let mut got = vec![0i32; usize::from(classes)];
        w.score(&feats, &mut got);
        assert_eq!(got, want);
    }

    #[test]
    fn pruning_and_saving_keep_the_rest() {
        let w = sample().pruned(10);
        let mut s = [0i32; 3];
        w.score(&[k(7), k(9)], &mut s);
        assert_eq!(s, [0, 900, -40]);
        let mut out = Writer::new("t");
        w.write(&mut out);
        let bytes = out.into_bytes();
        let mut r = Reader::new(&bytes, "t").unwrap();
        let back = Weights::read(&mut r).unwrap();
        r.finish().unwrap();
        let mut t = [0i32; 3];
        back.score(&[k(7), k(9)], &mut t);
        assert_eq!(s, t);
        assert_eq!(back.scale(), 0.5);
    }
}
