//! Feature templates of the part-of-speech tagger.

use crate::features::{WordFeats, flag, word_feats};
use crate::hash::{feat1, feat2, feat3};

/// Most features one token produces.
pub(crate) const MAX_FEATS: usize = 28;

/// Padding words on each side of a sentence.
const PAD: usize = 2;

/// The per-sentence context the templates read: word features (padded with
/// sentinels) and each word's most frequent tag from the tag dictionary.
#[derive(Debug, Default)]
pub(crate) struct Context {
    words: Vec<WordFeats>,
    /// Dictionary tag + 1 for each padded position (0 when unknown).
    dict_tags: Vec<u64>,
}

impl Context {
    /// Fill the context for `words`; `dict` gives a word's most frequent tag.
    pub(crate) fn fill(&mut self, words: &[&str], dict: impl Fn(u64) -> Option<u16>) {
        self.words.clear();
        self.dict_tags.clear();
        let start = WordFeats {
            form: 1,
            norm: 1,
            prefix1: 1,
            prefix3: 1,
            suffix3: 1,
            suffix2: 1,
            suffix4: 1,
            shape: 1,
            flags: 0,
        };
        let end = WordFeats {
            form: 2,
            norm: 2,
            prefix1: 2,
            prefix3: 2,
            suffix3: 2,
            suffix2: 2,
            suffix4: 2,
            shape: 2,
            flags: 0,
        };
        self.words.extend([start; PAD]);
        self.dict_tags.extend([u64::MAX; PAD]);
        for w in words {
            let f = word_feats(w);
            self.dict_tags
                .push(dict(f.form).map_or(0, |t| u64::from(t) + 1));
            self.words.push(f);
        }
        self.words.extend([end; PAD]);
        self.dict_tags.extend([u64::MAX - 1; PAD]);
    }

    /// The form hash of word `i` (its tag dictionary key).
    pub(crate) fn form(&self, i: usize) -> u64 {
        self.words[i + PAD].form
    }

    /// Write the features of word `i` given the two previous tags (tag + 1, 0 at the start)
    /// into `out`; return how many.
    pub(crate) fn features(&self, i: usize, p1: u64, p2: u64, out: &mut [u64; MAX_FEATS]) -> usize {
        let j = i + PAD;
        let w = &self.words[j];
        let (m1, m2, n1, n2) = (
            &self.words[j - 1],
            &self.words[j - 2],
            &self.words[j + 1],
            &self.words[j + 2],
        );
        let first = u64::from(i == 0);
        let fs = [
            feat1(0, 0),
            feat1(1, w.norm),
            feat1(2, w.form),
            feat1(3, w.suffix3),
            feat1(4, w.suffix2),
            feat1(5, w.suffix4),
            feat1(6, w.prefix1),
            feat1(7, w.prefix3),
            feat1(8, w.shape),
            feat2(9, w.flags, first),
            feat1(10, p1),
            feat1(11, p2),
            feat2(12, p1, p2),
            feat2(13, p1, w.norm),
            feat1(14, m1.norm),
            feat1(15, m1.suffix3),
            feat1(16, m2.norm),
            feat1(17, n1.norm),
            feat1(18, n1.suffix3),
            feat1(19, n2.norm),
            feat1(20, self.dict_tags[j + 1]),
            feat2(21, self.dict_tags[j + 1], self.dict_tags[j + 2]),
            feat2(22, w.norm, n1.norm),
            feat2(23, m1.norm, w.norm),
            feat3(24, p1, w.suffix3, n1.shape),
            feat2(25, self.dict_tags[j], p1),
            feat2(26, w.shape, n1.flags & flag::TITLE),
            feat1(27, n1.shape),
        ];
        out.copy_from_slice(&fs);
        fs.len()
    }
}
