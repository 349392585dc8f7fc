//! Feature templates of the parser: words, tags and labels around the stack
//! top, the item below it and the buffer front (after Zhang and Nivre 2011).

use super::state::{NONE, State};
use crate::features::norm;
use crate::hash::{self, feat1, feat2, feat3};

/// Most features one configuration produces.
pub(crate) const MAX_FEATS: usize = 66;

/// Word and tag values of a sentence: index `n` is the root, `n + 1` stands for "no token".
#[derive(Debug, Default)]
pub(crate) struct Sentence {
    word: Vec<u64>,
    tag: Vec<u64>,
    word_tag: Vec<u64>,
    /// Running count of commas, colons and quotes before each position (the
    /// difference of two positions tells what lies between them).
    between: Vec<u64>,
}

impl Sentence {
    /// Fill for `words` tagged `tags`.
    pub(crate) fn fill(&mut self, words: &[&str], tags: &[&str]) {
        self.word.clear();
        self.tag.clear();
        self.word_tag.clear();
        self.between.clear();
        let mut count = 0u64;
        for (w, t) in words.iter().zip(tags) {
            self.between.push(count);
            if matches!(*t, "," | ":" | "``" | "''") {
                // Commas count in the low bits, other separators in the high ones.
                count += if *t == "," { 1 } else { 1 << 8 };
            }
            let wf = norm(w);
            let th = hash::bytes(t.as_bytes());
            self.word.push(wf);
            self.tag.push(th);
            self.word_tag.push(hash::mix(wf, th));
        }
        self.between.push(count);
        for v in [3u64, 4] {
            self.word.push(v);
            self.tag.push(v);
            self.word_tag.push(v);
        }
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.word.len() - 2
    }
}

/// Write the features of configuration `s` of sentence `x` into `out`; return how many.
pub(crate) fn features(x: &Sentence, s: &State, out: &mut [u64; MAX_FEATS]) -> usize {
    let n = s.n;
    let idx = |i: usize| if i == NONE { n + 1 } else { i };
    let lab = |i: usize| {
        if i == NONE || i >= n {
            0
        } else {
            u64::from(s.labels[i]) + 1
        }
    };
    let (s0, s1, s2) = (s.s(0), s.s(1), s.s(2));
    let b0 = s.b;
    let b1 = if b0 < n { b0 + 1 } else { NONE };
    let b2 = if b0 + 1 < n { b0 + 2 } else { NONE };
    let kid = |h: usize, which: &[[usize; 2]], k: usize| if h == NONE { NONE } else { which[h][k] };
    let (s0l, s0l2) = (kid(s0, &s.lefts, 0), kid(s0, &s.lefts, 1));
    let (s0r, s0r2) = (kid(s0, &s.rights, 0), kid(s0, &s.rights, 1));
    let (s1l, s1r) = (kid(s1, &s.lefts, 0), kid(s1, &s.rights, 0));
    let (b0l, b0l2) = (kid(b0, &s.lefts, 0), kid(b0, &s.lefts, 1));
    let w = |i: usize| x.word[idx(i)];
    let t = |i: usize| x.tag[idx(i)];
    let wt = |i: usize| x.word_tag[idx(i)];
    let dist = if s0 == NONE {
        0
    } else {
        (b0 - s0).min(6) as u64
    };
    let vl = |i: usize| {
        if i == NONE {
            0
        } else {
            u64::from(s.n_lefts[i])
        }
    };
    let vr = |i: usize| {
        if i == NONE {
            0
        } else {
            u64::from(s.n_rights[i])
        }
    };
    // Commas and other separators between two positions (capped), or a marker when one is missing.
    let sep = |a: usize, b: usize| {
        if a == NONE || b == NONE {
            return 99;
        }
        let d = x.between[b] - x.between[a];
        (d & 0xFF).min(3) * 4 + (d >> 8).min(3)
    };
    let fs = [
        feat1(0, 0),
        // Single tokens.
        feat1(1, w(s0)),
        feat1(2, t(s0)),
        feat1(3, wt(s0)),
        feat1(4, w(b0)),
        feat1(5, t(b0)),
        feat1(6, wt(b0)),
        feat1(7, w(b1)),
        feat1(8, t(b1)),
        feat1(9, wt(b1)),
        feat1(10, w(b2)),
        feat1(11, t(b2)),
        feat1(12, w(s1)),
        feat1(13, t(s1)),
        feat1(14, wt(s1)),
        feat1(15, t(s2)),
        // Pairs.
        feat2(16, wt(s0), wt(b0)),
        feat2(17, wt(s0), w(b0)),
        feat2(18, w(s0), wt(b0)),
        feat2(19, wt(s0), t(b0)),
        feat2(20, t(s0), wt(b0)),
        feat2(21, w(s0), w(b0)),
        feat2(22, t(s0), t(b0)),
        feat2(23, t(b0), t(b1)),
        feat2(24, wt(s1), wt(s0)),
        feat2(25, t(s1), t(s0)),
        feat2(26, w(s1), w(s0)),
        // Triples of tags.
        feat3(27, t(b0), t(b1), t(b2)),
        feat3(28, t(s0), t(b0), t(b1)),
        feat3(29, t(s1), t(s0), t(b0)),
        feat3(30, t(s2), t(s1), t(s0)),
        feat3(31, t(s0), t(s0l), t(b0)),
        feat3(32, t(s0), t(s0r), t(b0)),
        feat3(33, t(s0), t(b0), t(b0l)),
        feat3(34, t(s1), t(s1l), t(s0)),
        feat3(35, t(s1), t(s1r), t(s0)),
        // Distance and valency.
        feat2(36, w(s0), dist),
        feat2(37, t(s0), dist),
        feat3(38, t(s0), t(b0), dist),
        feat3(39, w(b0), t(s0), dist),
        feat2(40, wt(s0), vr(s0)),
        feat2(41, wt(s0), vl(s0)),
        feat2(42, wt(b0), vl(b0)),
        // Children.
        feat2(43, w(s0l), lab(s0l)),
        feat2(44, t(s0l), lab(s0l)),
        feat2(45, w(s0r), lab(s0r)),
        feat2(46, t(s0r), lab(s0r)),
        feat2(47, w(b0l), lab(b0l)),
        feat2(48, t(b0l), lab(b0l)),
        feat3(49, t(s0), lab(s0l), lab(s0l2)),
        feat3(50, t(s0), lab(s0r), lab(s0r2)),
        feat3(51, t(b0), lab(b0l), lab(b0l2)),
        feat3(52, t(s0), t(s0l), t(s0l2)),
        feat3(53, t(s0), t(s0r), t(s0r2)),
        feat3(54, t(b0), t(b0l), t(b0l2)),
        feat3(55, t(s1), lab(s1), lab(s1r)),
        // Lexical attachment: a noun's preposition (its `case` child) with the candidate heads.
        feat3(56, w(s1), w(s0l), t(s0)),
        feat3(57, t(s1), w(s0l), w(s0)),
        feat2(58, w(s1), w(s0l)),
        feat3(59, w(b0), w(s0l), t(s0)),
        feat3(60, t(b0), w(s0l), w(s0)),
        // Punctuation and context between the arc candidates.
        feat3(61, t(s0), t(b0), sep(s0, b0)),
        feat3(62, wt(s0), t(s1), t(b0)),
        feat3(63, t(s0), wt(b0), t(b1)),
        feat3(64, w(s0), t(s0r), w(b0)),
        feat2(65, t(s0), sep(s1, s0)),
    ];
    out.copy_from_slice(&fs);
    fs.len()
}
