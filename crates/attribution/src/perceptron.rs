//! Averaged structured perceptron (Collins 2002) over hashed features, with
//! first-order Viterbi decoding.
//!
//! Both taggers of this crate (cues, and the source/content roles of one cue)
//! are sequence labellers: a [`Sequence`] says which features fire at each
//! position and on each transition; [`decode`] finds the best labelling and
//! [`Averager::learn`] makes the structured update when it is wrong.

use crate::error::ModelError;
use crate::hash::Feats;

/// A linear model's weights: `2^bits` hashed feature rows × `labels` scores.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    bits: u8,
    labels: usize,
    w: Vec<f32>,
}

impl Weights {
    /// All-zero weights.
    pub(crate) fn new(bits: u8, labels: usize) -> Self {
        Weights {
            bits,
            labels,
            w: vec![0.0; (1usize << bits) * labels],
        }
    }

    /// Number of labels scored.
    pub(crate) fn labels(&self) -> usize {
        self.labels
    }

    #[inline]
    fn row(&self, key: u64) -> usize {
        (key as usize & ((1usize << self.bits) - 1)) * self.labels
    }

    /// Add the weights of `keys` to `out` (one score per label).
    ///
    /// The table is far larger than the caches, so every row is a likely miss:
    /// all rows are prefetched first so that the misses overlap, then added
    /// in order (the sums stay exactly those of a plain loop).
    #[inline]
    pub(crate) fn add_to(&self, keys: &[u64], out: &mut [f32]) {
        self.prefetch(keys);
        self.add_loaded(keys, out);
    }

    /// Start loading the rows of `keys` into the cache, without waiting for them.
    #[inline]
    fn prefetch(&self, keys: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        for &k in keys {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let row = self.w[self.row(k)..].as_ptr().cast();
            // SAFETY: SSE is part of every x86-64 CPU, and a prefetch never faults.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(row) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = keys;
    }

    /// [`Weights::add_to`] without the prefetch, for rows already asked for.
    #[inline]
    fn add_loaded(&self, keys: &[u64], out: &mut [f32]) {
        for &k in keys {
            let r = self.row(k);
            for (o, w) in out.iter_mut().zip(&self.w[r..r + self.labels]) {
                *o += *w;
            }
        }
    }

    /// Serialize sparsely: non-zero rows, weights quantized to 16 bits.
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        let max = self.w.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut rows: Vec<(u32, Vec<i16>)> = Vec::new();
        for (r, chunk) in self.w.chunks(self.labels).enumerate() {
            let q: Vec<i16> = chunk.iter().map(|w| (w / scale).round() as i16).collect();
            if q.iter().any(|&x| x != 0) {
                rows.push((r as u32, q));
            }
        }
        out.push(self.bits);
        out.push(self.labels as u8);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (r, q) in rows {
            put_varint(out, r - prev);
            prev = r;
            for x in q {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    /// Read what [`Weights::encode`] wrote, advancing `input`.
    pub(crate) fn decode(input: &mut &[u8]) -> Result<Self, ModelError> {
        let bits = take(input, 1)?[0];
        let labels = usize::from(take(input, 1)?[0]);
        if !(1..=28).contains(&bits) || labels == 0 {
            return Err(ModelError::Corrupt(format!(
                "weight table of {bits} bits × {labels} labels"
            )));
        }
        let scale = f32::from_le_bytes(take(input, 4)?.try_into().expect("4 bytes"));
        let n = u32::from_le_bytes(take(input, 4)?.try_into().expect("4 bytes"));
        let mut weights = Weights::new(bits, labels);
        let mut row = 0u32;
        for _ in 0..n {
            row = row
                .checked_add(get_varint(input)?)
                .filter(|&r| (r as usize) < (1usize << bits))
                .ok_or_else(|| ModelError::Corrupt("weight row out of range".into()))?;
            let base = row as usize * labels;
            for l in 0..labels {
                let q = i16::from_le_bytes(take(input, 2)?.try_into().expect("2 bytes"));
                weights.w[base + l] = f32::from(q) * scale;
            }
        }
        Ok(weights)
    }
}

fn put_varint(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

fn get_varint(input: &mut &[u8]) -> Result<u32, ModelError> {
    let mut x = 0u32;
    for shift in (0..35).step_by(7) {
        let b = take(input, 1)?[0];
        x |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok(x);
        }
    }
    Err(ModelError::Corrupt("varint too long".into()))
}

/// Split `n` bytes off the front of `input`.
pub(crate) fn take<'a>(input: &mut &'a [u8], n: usize) -> Result<&'a [u8], ModelError> {
    if input.len() < n {
        return Err(ModelError::Corrupt("unexpected end of model data".into()));
    }
    let (head, tail) = input.split_at(n);
    *input = tail;
    Ok(head)
}

/// A labelling problem over one sequence of positions.
pub(crate) trait Sequence {
    /// Number of positions.
    fn len(&self) -> usize;
    /// Number of labels.
    fn labels(&self) -> usize;
    /// Observation features of position `i`.
    fn emit(&self, i: usize, out: &mut Feats);
    /// Features of entering position `i` from label `prev` (`prev == labels()` at the start).
    fn trans(&self, i: usize, prev: usize, out: &mut Feats);
    /// May position `i` take `label`?
    fn allowed(&self, i: usize, label: usize) -> bool;
    /// May `cur` follow `prev` (`prev == labels()` at the start)?
    fn may_follow(&self, prev: usize, cur: usize) -> bool;
    /// A constant added to every score of `label` when decoding (a recall/precision knob).
    fn offset(&self, _label: usize) -> f32 {
        0.0
    }
}

/// Reusable buffers for [`decode`].
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The features of every position and transition of a sequence, one after the other.
    feats: Feats,
    /// Where each group of `feats` ends, in the order [`decode`] adds them.
    ends: Vec<usize>,
    emit: Vec<f32>,
    trans: Vec<f32>,
    best: Vec<f32>,
    back: Vec<u8>,
}

/// The highest-scoring labelling of `seq` (empty when every labelling is forbidden).
pub(crate) fn decode<S: Sequence>(w: &Weights, seq: &S, sc: &mut Scratch) -> Vec<u8> {
    let n = seq.len();
    let l = seq.labels();
    if n == 0 {
        return Vec::new();
    }
    let p = l + 1;
    sc.emit.clear();
    sc.emit.resize(n * l, 0.0);
    sc.trans.clear();
    sc.trans.resize(n * p * l, 0.0);
    // All features first, then all their rows asked for, then the sums: the
    // rows' cache misses overlap across the whole sequence.
    sc.feats.clear();
    sc.ends.clear();
    for i in 0..n {
        seq.emit(i, &mut sc.feats);
        sc.ends.push(sc.feats.keys.len());
        let prevs = if i == 0 { l..l + 1 } else { 0..l };
        for prev in prevs {
            seq.trans(i, prev, &mut sc.feats);
            sc.ends.push(sc.feats.keys.len());
        }
    }
    w.prefetch(&sc.feats.keys);
    let mut groups = sc.ends.iter();
    let mut from = 0;
    let mut next = |from: &mut usize| {
        let to = *groups
            .next()
            .expect("one group per position and transition");
        (std::mem::replace(from, to), to)
    };
    for i in 0..n {
        let (a, b) = next(&mut from);
        w.add_loaded(&sc.feats.keys[a..b], &mut sc.emit[i * l..(i + 1) * l]);
        for (label, e) in sc.emit[i * l..(i + 1) * l].iter_mut().enumerate() {
            *e += seq.offset(label);
        }
        let prevs = if i == 0 { l..l + 1 } else { 0..l };
        for prev in prevs {
            let (a, b) = next(&mut from);
            let at = (i * p + prev) * l;
            w.add_loaded(&sc.feats.keys[a..b], &mut sc.trans[at..at + l]);
        }
    }
    const NEG: f32 = f32::NEG_INFINITY;
    sc.best.clear();
    sc.best.resize(n * l, NEG);
    sc.back.clear();
    sc.back.resize(n * l, 0);
    for cur in 0..l {
        if seq.allowed(0, cur) && seq.may_follow(l, cur) {
            sc.best[cur] = sc.emit[cur] + sc.trans[l * l + cur];
        }
    }
    for i in 1..n {
        for cur in 0..l {
            if !seq.allowed(i, cur) {
                continue;
            }
            let mut best = NEG;
            let mut arg = 0u8;
            for prev in 0..l {
                let b = sc.best[(i - 1) * l + prev];
                if b == NEG || !seq.may_follow(prev, cur) {
                    continue;
                }
                let s = b + sc.trans[(i * p + prev) * l + cur];
                if s > best {
                    best = s;
                    arg = prev as u8;
                }
            }
            if best > NEG {
                sc.best[i * l + cur] = best + sc.emit[i * l + cur];
                sc.back[i * l + cur] = arg;
            }
        }
    }
    let last = &sc.best[(n - 1) * l..n * l];
    let Some((mut y, _)) = last
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > NEG)
        .max_by(|a, b| a.1.total_cmp(b.1))
    else {
        return Vec::new();
    };
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = y as u8;
        if i > 0 {
            y = usize::from(sc.back[i * l + y]);
        }
    }
    out
}

/// Trains [`Weights`] by structured perceptron updates and returns their average.
pub(crate) struct Averager {
    weights: Weights,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    clock: u32,
    feats: Feats,
}

impl Averager {
    /// Start from zero weights.
    pub(crate) fn new(bits: u8, labels: usize) -> Self {
        let weights = Weights::new(bits, labels);
        let n = weights.w.len();
        Averager {
            weights,
            totals: vec![0.0; n],
            stamps: vec![0; n],
            clock: 0,
            feats: Feats::default(),
        }
    }

    /// Add `delta` to the weights of the current features for `label`.
    fn bump(&mut self, label: usize, delta: f32) {
        let Averager {
            weights,
            totals,
            stamps,
            clock,
            feats,
        } = self;
        for &key in &feats.keys {
            let i = weights.row(key) + label;
            totals[i] += f64::from(*clock - stamps[i]) * f64::from(weights.w[i]);
            stamps[i] = *clock;
            weights.w[i] += delta;
        }
    }

    /// One training step on `seq` with gold labels `gold`: decode with the current
    /// weights and, where the prediction differs, reward gold and penalize the
    /// prediction. Returns the number of positions that were wrong.
    pub(crate) fn learn<S: Sequence>(&mut self, seq: &S, gold: &[u8], sc: &mut Scratch) -> usize {
        self.clock += 1;
        let pred = decode(&self.weights, seq, sc);
        if pred.len() != gold.len() {
            return 0;
        }
        let l = seq.labels();
        let mut wrong = 0;
        for i in 0..gold.len() {
            let (g, p) = (usize::from(gold[i]), usize::from(pred[i]));
            let gp = if i == 0 { l } else { usize::from(gold[i - 1]) };
            let pp = if i == 0 { l } else { usize::from(pred[i - 1]) };
            if g != p {
                wrong += 1;
                self.feats.clear();
                seq.emit(i, &mut self.feats);
                self.bump(g, 1.0);
                self.bump(p, -1.0);
            }
            if g != p || gp != pp {
                self.feats.clear();
                seq.trans(i, gp, &mut self.feats);
                self.bump(g, 1.0);
                self.feats.clear();
                seq.trans(i, pp, &mut self.feats);
                self.bump(p, -1.0);
            }
        }
        wrong
    }

    /// The weights averaged over every step so far.
    pub(crate) fn averaged(&self) -> Weights {
        let clock = f64::from(self.clock.max(1));
        let mut out = self.weights.clone();
        for (i, w) in out.w.iter_mut().enumerate() {
            let age = self.clock - self.stamps[i];
            let total = self.totals[i] + f64::from(age) * f64::from(*w);
            *w = (total / clock) as f32;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::hash_str;

    /// Label each word 1 when it is "x", and 2 when it follows an "x" (a BIO-like toy).
    struct Toy(Vec<&'static str>);

    impl Sequence for Toy {
        fn len(&self) -> usize {
            self.0.len()
        }
        fn labels(&self) -> usize {
            3
        }
        fn emit(&self, i: usize, out: &mut Feats) {
            out.f1(1, hash_str(self.0[i]));
        }
        fn trans(&self, _i: usize, prev: usize, out: &mut Feats) {
            out.f1(2, prev as u64);
        }
        fn allowed(&self, _i: usize, _label: usize) -> bool {
            true
        }
        fn may_follow(&self, prev: usize, cur: usize) -> bool {
            cur != 2 || prev == 1
        }
    }

    #[test]
    fn learns_a_toy_sequence_and_round_trips() {
        let data = [
            (Toy(vec!["a", "x", "b", "c"]), vec![0u8, 1, 2, 0]),
            (Toy(vec!["x", "a", "a"]), vec![1, 2, 0]),
            (Toy(vec!["b", "b", "x", "c"]), vec![0, 0, 1, 2]),
        ];
        let mut avg = Averager::new(12, 3);
        let mut sc = Scratch::default();
        for _ in 0..10 {
            for (s, g) in &data {
                avg.learn(s, g, &mut sc);
            }
        }
        let w = avg.averaged();
        let test = Toy(vec!["c", "x", "b"]);
        assert_eq!(decode(&w, &test, &mut sc), vec![0, 1, 2]);
        let mut bytes = Vec::new();
        w.encode(&mut bytes);
        let back = Weights::decode(&mut bytes.as_slice()).unwrap();
        assert_eq!(decode(&back, &test, &mut sc), vec![0, 1, 2]);
    }

    #[test]
    fn transition_constraints_hold() {
        let w = Weights::new(8, 3);
        let mut sc = Scratch::default();
        // With zero weights every labelling ties; label 2 may never start.
        let y = decode(&w, &Toy(vec!["q"]), &mut sc);
        assert_ne!(y, vec![2]);
    }

    #[test]
    fn truncated_weights_are_an_error() {
        let mut bytes = Vec::new();
        Weights::new(8, 2).encode(&mut bytes);
        bytes.truncate(3);
        assert!(Weights::decode(&mut bytes.as_slice()).is_err());
    }
}
