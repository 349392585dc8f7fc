//! Training-time weights of the averaged perceptron.

use super::weights::Weights;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by feature hashes.
pub(crate) type FeatMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// One class weight of one feature, with the sum that averaging needs
/// (Daumé's trick: the average is `w - u / c` after `c` steps).
#[derive(Debug, Clone, Copy)]
struct Param {
    class: u16,
    w: f32,
    u: f64,
}

/// Float weights being learned, sparse per feature: only (feature, class)
/// pairs that were ever updated exist.
#[derive(Debug)]
pub(crate) struct Trainer {
    n_classes: usize,
    rows: FeatMap<Vec<Param>>,
    /// Number of training steps so far (starts at 1).
    step: f64,
}

impl Trainer {
    /// An untrained model over `n_classes` classes.
    pub(crate) fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            rows: FeatMap::default(),
            step: 1.0,
        }
    }

    /// Add the current (not averaged) weights of `feats` into `scores`.
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for p in row {
                    scores[p.class as usize] += p.w;
                }
            }
        }
    }

    /// Move the weights of `feats` towards `truth` and away from `guess` by `amount`.
    pub(crate) fn update(&mut self, feats: &[u64], truth: usize, guess: usize, amount: f32) {
        if truth == guess {
            return;
        }
        self.add(feats, truth, amount);
        self.add(feats, guess, -amount);
    }

    /// Add `delta` to the weights of `feats` for `class` alone (structured
    /// training moves the gold and the predicted path's features separately).
    pub(crate) fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            let p = match row.iter_mut().position(|p| p.class as usize == class) {
                Some(i) => &mut row[i],
                None => {
                    row.push(Param {
                        class: class as u16,
                        w: 0.0,
                        u: 0.0,
                    });
                    row.last_mut().expect("just pushed")
                }
            };
            p.w += delta;
            p.u += self.step * f64::from(delta);
        }
    }

    /// Count one training instance (call once per decision, updated or not).
    pub(crate) fn tick(&mut self) {
        self.step += 1.0;
    }

    /// The averaged weights, quantized to `i16` and pruned: entries whose
    /// quantized magnitude is below `min_q` are dropped, as are empty features.
    pub(crate) fn finish(&self, min_q: i16) -> Weights {
        let c = self.step;
        let avg = |p: &Param| (f64::from(p.w) - p.u / c) as f32;
        let max = self
            .rows
            .values()
            .flatten()
            .map(|p| avg(p).abs())
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let mut rows: Vec<(u64, Vec<(u16, i16)>)> = self
            .rows
            .iter()
            .filter_map(|(&key, row)| {
                let mut entries: Vec<(u16, i16)> = row
                    .iter()
                    .map(|p| (p.class, (avg(p) * scale).round() as i16))
                    .filter(|&(_, q)| q.unsigned_abs() >= min_q.unsigned_abs().max(1))
                    .collect();
                entries.sort_unstable();
                (!entries.is_empty()).then_some((key, entries))
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        Weights::from_rows(self.n_classes, 1.0 / scale, rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_averages() {
        // Two features, each indicating one class.
        let mut t = Trainer::new(2);
        let data = [(vec![1u64, 10], 0usize), (vec![2u64, 10], 1usize)];
        let mut scores = [0.0f32; 2];
        for _ in 0..5 {
            for (feats, gold) in &data {
                t.score(feats, &mut scores);
                let guess = if scores[1] > scores[0] { 1 } else { 0 };
                t.update(feats, *gold, guess, 1.0);
                t.tick();
            }
        }
        let w = t.finish(1);
        for (feats, gold) in &data {
            let mut s = [0i32; 2];
            w.score(feats, &mut s);
            assert!(s[*gold] > s[1 - gold], "{s:?}");
        }
    }
}
