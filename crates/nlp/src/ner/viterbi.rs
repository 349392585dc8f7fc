//! First-order Viterbi decoding over BILOU classes: the best valid label
//! sequence of a sentence under emission, label-feature and transition scores.

use super::bilou;
use super::features::{COARSE_CODES, coarse};
use std::ops::Add;

/// The scores of one sentence, filled by the caller and decoded by [`Lattice::best`].
///
/// The score of class `c` at word `i` after class `p` is the word's emission
/// score of `c`, plus its label-feature score of `c` under the coarse code of
/// `p`, plus the transition score from `p` to `c`.
#[derive(Debug, Default)]
pub(crate) struct Lattice<T> {
    classes: usize,
    words: usize,
    /// Per word, one score per class.
    emission: Vec<T>,
    /// Per word and coarse code of the previous class, one score per class.
    label: Vec<T>,
    /// Per previous class (the sentence start first), one score per class.
    transition: Vec<T>,
    /// Best path score ending in each class at the current word.
    delta: Vec<T>,
    /// Next word's path scores, swapped with `delta`.
    next: Vec<T>,
    /// Whether a valid path ends in each class at the current word.
    reach: Vec<bool>,
    /// Next word's reachability, swapped with `reach`.
    reach_next: Vec<bool>,
    /// Per word and class, the best previous class.
    back: Vec<u8>,
    /// For each class, the classes that may precede it (`[0]`) and that may
    /// precede it as the sentence's last word (`[1]`).
    prevs: [Vec<Vec<u8>>; 2],
    /// The coarse code of each class as a previous class.
    codes: Vec<usize>,
}

impl<T: Copy + Default + PartialOrd + Add<Output = T>> Lattice<T> {
    /// Size for `words` words, `types` entity types (so `1 + 4 * types` classes); scores zeroed.
    pub(crate) fn reset(&mut self, words: usize, types: usize) {
        let classes = 1 + 4 * types;
        if self.classes != classes || self.codes.is_empty() {
            for (last, prevs) in self.prevs.iter_mut().enumerate() {
                *prevs = (0..classes)
                    .map(|c| {
                        (0..classes)
                            .filter(|&p| bilou::allowed(Some(p), c, last == 1))
                            .map(|p| p as u8)
                            .collect()
                    })
                    .collect();
            }
            self.codes = (0..classes).map(|p| coarse(Some(p))).collect();
        }
        (self.classes, self.words) = (classes, words);
        self.emission.clear();
        self.emission.resize(words * classes, T::default());
        self.label.clear();
        self.label
            .resize(words * COARSE_CODES * classes, T::default());
        self.transition.clear();
        self.transition
            .resize((classes + 1) * classes, T::default());
    }

    /// The emission scores of word `i`, one per class.
    pub(crate) fn emission_mut(&mut self, i: usize) -> &mut [T] {
        let n = self.classes;
        &mut self.emission[i * n..(i + 1) * n]
    }

    /// The label-feature scores of word `i` after classes of coarse code `code`.
    pub(crate) fn label_mut(&mut self, i: usize, code: usize) -> &mut [T] {
        let n = self.classes;
        let at = (i * COARSE_CODES + code) * n;
        &mut self.label[at..at + n]
    }

    /// The transition scores from class `prev` (`None`: the sentence start).
    pub(crate) fn transition_mut(&mut self, prev: Option<usize>) -> &mut [T] {
        let n = self.classes;
        let at = prev.map_or(0, |p| p + 1) * n;
        &mut self.transition[at..at + n]
    }

    /// Replace `out` with the best valid class sequence.
    pub(crate) fn best(&mut self, out: &mut Vec<usize>) {
        out.clear();
        let (n, words) = (self.classes, self.words);
        if words == 0 {
            return;
        }
        self.delta.clear();
        self.delta.resize(n, T::default());
        self.next.clear();
        self.next.resize(n, T::default());
        self.reach.clear();
        self.reach.resize(n, false);
        self.reach_next.clear();
        self.reach_next.resize(n, false);
        self.back.clear();
        self.back.resize(words * n, 0);
        for c in 0..n {
            if bilou::allowed(None, c, words == 1) {
                self.delta[c] = self.emission[c] + self.label[c] + self.transition[c];
                self.reach[c] = true;
            }
        }
        let stride = COARSE_CODES * n;
        for i in 1..words {
            let prevs = &self.prevs[usize::from(i + 1 == words)];
            let label = &self.label[i * stride..(i + 1) * stride];
            for c in 0..n {
                let mut best: Option<(usize, T)> = None;
                for p in prevs[c].iter().map(|&p| usize::from(p)) {
                    if !self.reach[p] {
                        continue;
                    }
                    let v = self.delta[p]
                        + label[self.codes[p] * n + c]
                        + self.transition[(p + 1) * n + c];
                    if best.is_none_or(|(_, b)| v > b) {
                        best = Some((p, v));
                    }
                }
                self.reach_next[c] = best.is_some();
                if let Some((p, v)) = best {
                    self.next[c] = v + self.emission[i * n + c];
                    self.back[i * n + c] = p as u8;
                }
            }
            std::mem::swap(&mut self.delta, &mut self.next);
            std::mem::swap(&mut self.reach, &mut self.reach_next);
        }
        let mut c = (0..n)
            .filter(|&c| self.reach[c])
            .fold(None, |b: Option<usize>, c| match b {
                Some(b) if self.delta[b] >= self.delta[c] => Some(b),
                _ => Some(c),
            })
            .unwrap_or(bilou::OUT);
        out.resize(words, bilou::OUT);
        for i in (0..words).rev() {
            out[i] = c;
            c = usize::from(self.back[i * n + c]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilou::{Part, class};

    #[test]
    fn finds_the_best_valid_path_not_the_greedy_one() {
        // Two words, one type. Word 0 prefers U (greedy), but word 1 is
        // strongly L, which only a B before it allows.
        let mut l = Lattice::<i32>::default();
        l.reset(2, 1);
        l.emission_mut(0)[class(0, Part::Unit)] = 5;
        l.emission_mut(0)[class(0, Part::Begin)] = 4;
        l.emission_mut(1)[class(0, Part::Last)] = 10;
        let mut out = Vec::new();
        l.best(&mut out);
        assert_eq!(out, vec![class(0, Part::Begin), class(0, Part::Last)]);
        // A transition penalty on B → L makes U O the best.
        l.transition_mut(Some(class(0, Part::Begin)))[class(0, Part::Last)] = -20;
        l.best(&mut out);
        assert_eq!(out, vec![class(0, Part::Unit), bilou::OUT]);
    }

    #[test]
    fn never_leaves_an_entity_open() {
        let mut l = Lattice::<i32>::default();
        l.reset(3, 2);
        for i in 0..3 {
            l.emission_mut(i)[class(1, Part::Begin)] = 9;
            l.emission_mut(i)[class(1, Part::Inside)] = 9;
        }
        let mut out = Vec::new();
        l.best(&mut out);
        let mut prev = None;
        for (i, &c) in out.iter().enumerate() {
            assert!(bilou::allowed(prev, c, i + 1 == out.len()), "{out:?}");
            prev = Some(c);
        }
        l.reset(0, 2);
        l.best(&mut out);
        assert!(out.is_empty());
    }
}
