//! Feature templates of the named-entity recognizer.

use super::bilou::{self, Part};
use super::gazetteer::Gazetteer;
use super::lexicon::{CAP_OUTSIDE, LOWER, Lexicon};
use super::memory::{self, DocumentMemory};
use crate::clusters::{Codes, WordClusters};
use crate::features::{WordFeats, affix, flag, word_feats};
use crate::hash::{self, feat1, feat2, feat3};

/// Most features one token produces.
pub(crate) const MAX_FEATS: usize = 62;

/// Padding words on each side of a sentence.
const PAD: usize = 2;

/// Per-sentence values: word features and tag hashes, padded with sentinels.
#[derive(Debug, Default)]
pub(crate) struct Context {
    words: Vec<WordFeats>,
    tags: Vec<u64>,
    /// Lexicon bits of each word (padded with zeros).
    lex: Vec<u64>,
    /// Word cluster codes of each word (padded with sentinels).
    clus: Vec<Codes>,
    /// More affixes of each word: prefixes of 2, 4, 5 and 6 chars, suffixes of 1, 5 and 6.
    affixes: Vec<[u64; 7]>,
    /// Gazetteer bits of each word (padded with zeros).
    gaz: Vec<u64>,
    /// Exact-form hash of each word (unpadded), the key of the document memory.
    forms: Vec<u64>,
    /// Document-memory code of each word (padded with zeros), see [`Context::recall`].
    mem: Vec<u64>,
    /// Capitalized words from each position on (0 if the word is not capitalized; capped at 4).
    caps: Vec<u64>,
}

impl Context {
    /// Fill for `words` tagged `tags`, looking words up in `lexicon`, `clusters` and `gazetteer`.
    pub(crate) fn fill(
        &mut self,
        words: &[&str],
        tags: &[&str],
        lexicon: &Lexicon,
        clusters: &WordClusters,
        gazetteer: &Gazetteer,
    ) {
        self.words.clear();
        self.tags.clear();
        self.lex.clear();
        self.lex.extend([0; PAD]);
        self.lex
            .extend(words.iter().map(|w| u64::from(lexicon.get(w))));
        self.lex.extend([0; PAD]);
        self.forms.clear();
        self.forms.extend(words.iter().map(|w| memory::form(w)));
        self.mem.clear();
        self.mem.resize(words.len() + 2 * PAD, 0);
        self.gaz.clear();
        self.gaz.extend([0; PAD]);
        self.gaz
            .extend(words.iter().map(|w| u64::from(gazetteer.get(w))));
        self.gaz.extend([0; PAD]);
        let pad = |v: u64| WordFeats {
            form: v,
            norm: v,
            prefix1: v,
            prefix3: v,
            suffix3: v,
            suffix2: v,
            suffix4: v,
            shape: v,
            flags: 0,
        };
        self.words.extend([pad(1); PAD]);
        self.tags.extend([1; PAD]);
        for (w, t) in words.iter().zip(tags) {
            self.words.push(word_feats(w));
            self.tags.push(hash::bytes(t.as_bytes()));
        }
        self.words.extend([pad(2); PAD]);
        self.clus.clear();
        self.clus.extend([[1; 3]; PAD]);
        self.clus.extend(
            self.words[PAD..self.words.len() - PAD]
                .iter()
                .map(|w| clusters.codes(w.norm)),
        );
        self.clus.extend([[2; 3]; PAD]);
        self.affixes.clear();
        self.affixes.extend(words.iter().map(|w| {
            [
                affix(w, 2, false),
                affix(w, 4, false),
                affix(w, 5, false),
                affix(w, 1, true),
                affix(w, 5, true),
                affix(w, 6, false),
                affix(w, 6, true),
            ]
        }));
        self.tags.extend([2; PAD]);
        self.caps.clear();
        self.caps.resize(self.words.len(), 0);
        for k in (0..self.words.len()).rev() {
            if self.words[k].flags & flag::TITLE != 0 {
                self.caps[k] = (self.caps.get(k + 1).copied().unwrap_or(0) + 1).min(4);
            }
        }
    }

    /// Read the labels the document gave these words in earlier sentences.
    pub(crate) fn recall(&mut self, memory: &DocumentMemory) {
        for (m, &f) in self.mem[PAD..].iter_mut().zip(&self.forms) {
            *m = memory.code(f);
        }
    }

    /// Remember the classes `classes` given to this sentence's words.
    pub(crate) fn remember(&self, classes: &[usize], memory: &mut DocumentMemory) {
        memory.record(&self.forms, classes);
    }

    /// Write the features of word `i` that do not depend on the labels (the
    /// emission features, scored once per word whatever the previous label).
    pub(crate) fn features(&self, i: usize, out: &mut [u64; MAX_FEATS]) -> usize {
        let j = i + PAD;
        let w = &self.words[j];
        let (m1, m2, n1, n2) = (
            &self.words[j - 1],
            &self.words[j - 2],
            &self.words[j + 1],
            &self.words[j + 2],
        );
        let t = &self.tags;
        let (c, g) = (&self.clus, &self.gaz);
        let a = &self.affixes[i];
        // Words two to four positions away, as a bag on each side (0 past the padding).
        let far = |k: isize| {
            let p = j as isize + k;
            if p < 0 || p as usize >= self.words.len() {
                0
            } else {
                self.words[p as usize].norm
            }
        };
        let first = u64::from(i == 0);
        let fs = [
            feat1(0, 0),
            feat1(1, w.norm),
            feat1(2, w.form),
            feat1(3, w.prefix3),
            feat1(4, w.suffix3),
            feat1(5, w.suffix4),
            feat1(6, w.shape),
            feat2(7, w.flags, first),
            feat1(8, m1.norm),
            feat1(9, n1.norm),
            feat1(10, m2.norm),
            feat1(11, n2.norm),
            feat1(12, m1.shape),
            feat1(13, n1.shape),
            feat2(14, m1.norm, w.norm),
            feat2(15, w.norm, n1.norm),
            feat1(16, t[j]),
            feat2(17, t[j], t[j + 1]),
            feat2(18, t[j - 1], t[j]),
            feat2(24, w.shape, n1.shape),
            feat2(25, m1.shape, w.shape),
            feat1(26, m1.suffix3),
            feat1(27, n1.suffix3),
            feat2(29, w.form, n1.flags),
            feat1(30, m1.form),
            feat1(31, n1.form),
            // The lexicon: gazetteer entries of the word and its neighbours, and
            // whether a capitalized word is common in lower case.
            feat1(32, self.lex[j] & 0xFFFF),
            feat2(33, self.lex[j - 1] & 0xFFFF, self.lex[j + 1] & 0xFFFF),
            feat3(
                35,
                self.lex[j] & u64::from(LOWER | CAP_OUTSIDE),
                w.flags & flag::TITLE,
                first,
            ),
            feat2(36, self.lex[j] & u64::from(LOWER | CAP_OUTSIDE), t[j]),
            feat2(37, self.lex[j + 1] & 0xFFFF, w.shape),
            // The run of capitalized words the word starts or continues.
            feat2(38, self.caps[j], m1.flags & flag::TITLE),
            feat2(41, m2.shape, n2.shape),
            // Word clusters of the word and its neighbours.
            feat1(42, c[j][0]),
            feat1(43, c[j][1]),
            feat1(44, c[j][2]),
            feat1(46, c[j - 1][1]),
            feat1(47, c[j + 1][1]),
            feat2(48, c[j][0], w.flags & flag::TITLE),
            // The gazetteer of world names.
            feat2(49, g[j], w.flags & flag::TITLE),
            feat2(51, g[j - 1], g[j + 1]),
            feat3(
                52,
                g[j] & u64::from(super::gazetteer::FIRST_NAME),
                n1.flags & flag::TITLE,
                w.flags & flag::TITLE,
            ),
            // Character n-grams at the word's edges, and the wider context.
            feat1(53, a[0]),
            feat1(54, a[1]),
            feat1(55, a[2]),
            feat1(56, a[3]),
            feat1(57, a[4]),
            feat1(58, far(-3)),
            feat1(58, far(-4)),
            feat1(59, far(3)),
            feat1(59, far(4)),
            feat2(60, m1.norm, n1.norm),
            feat2(61, m2.norm, m1.norm),
            feat1(62, a[5]),
            feat1(63, a[6]),
            feat1(64, w.prefix1),
            feat1(65, w.suffix2),
            // What earlier sentences of the document made of these words.
            feat1(66, self.mem[j]),
            feat2(67, self.mem[j], w.flags & flag::TITLE),
            feat2(68, self.mem[j], self.mem[j + 1]),
            feat2(69, self.mem[j - 1], self.mem[j]),
            feat2(71, self.mem[j], w.norm),
        ];
        out.copy_from_slice(&fs);
        fs.len()
    }

    /// Write the features of word `i` that pair it with the previous label,
    /// given as its [`coarse`] code: scored once per code and word by the
    /// decoder, so they are few.
    pub(crate) fn label_features(&self, i: usize, prev: u64, out: &mut [u64; LABEL_FEATS]) {
        let j = i + PAD;
        let w = &self.words[j];
        *out = [
            feat2(19, prev, w.norm),
            feat2(20, prev, w.shape),
            feat2(21, prev, self.mem[j]),
        ];
    }
}

/// Features per word and previous label, see [`Context::label_features`].
pub(crate) const LABEL_FEATS: usize = 3;

/// Number of distinct [`coarse`] codes.
pub(crate) const COARSE_CODES: usize = 4;

/// The previous label as the label features see it: 0 at the sentence start,
/// 1 after `O`, 2 inside an open entity (`B`/`I`: the next class is then `I`
/// or `L` of the same type, which already names the type), 3 after an entity
/// ended (`L`/`U`). The full previous class is in the transition weights;
/// few codes keep decoding cheap.
pub(crate) fn coarse(prev: Option<usize>) -> usize {
    match prev.map(bilou::decode) {
        None => 0,
        Some(None) => 1,
        Some(Some((_, Part::Begin | Part::Inside))) => 2,
        Some(Some((_, Part::Last | Part::Unit))) => 3,
    }
}

/// The transition feature of class `prev` (`None` at the sentence start) to
/// the next: its weights are the first-order label model.
pub(crate) fn transition(prev: Option<usize>) -> u64 {
    feat1(22, prev.map_or(0, |p| p as u64 + 1))
}
