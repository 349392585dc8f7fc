//! The attribution filter: of the candidate cues the cue tagger proposes
//! (generously, for recall), which make an attribution PolNeAR would annotate.
//!
//! The decision sees what the cue tagger cannot: the roles found for the cue
//! (is there a source, is it a person or an organization, is the content a
//! clause, a quote, a bare noun phrase) together with the tagger's own margin.
//! It is a binary averaged perceptron trained on cross-validated candidates.

use crate::hash::{Feats, hash_str};
use crate::perceptron::Sequence;
use crate::role::Roles;
use crate::view::{DocView, NONE};
use hearsay_core::Intervals;

/// Label of a candidate to drop.
pub(crate) const DROP: u8 = 0;
/// Label of a candidate to keep.
pub(crate) const KEEP: u8 = 1;
/// Number of filter labels.
pub(crate) const LABELS: usize = 2;

const F_BIAS: u64 = 201;
const F_LEMMA: u64 = 202;
const F_WORDS: u64 = 203;
const F_POS: u64 = 204;
const F_MARGIN: u64 = 205;
const F_LEMMA_SRC: u64 = 206;
const F_SRC: u64 = 207;
const F_CONTENT: u64 = 208;
const F_LEMMA_CONTENT: u64 = 209;
const F_MARGIN_SRC: u64 = 210;
const F_DEP: u64 = 211;
const F_NESTED: u64 = 212;
const F_TITLE: u64 = 213;
const F_LEN: u64 = 214;
const F_THAT: u64 = 215;
const F_POS_CONTENT: u64 = 216;
const F_MARGIN_LEMMA: u64 = 217;
const F_SRC_SIDE: u64 = 218;
const F_FRAME: u64 = 219;
const F_CONTENT_POS: u64 = 221;
const F_IN_QUOTE: u64 = 222;
const F_SRC_PERSON: u64 = 223;

/// A candidate attribution: its cue, the roles found for it, and the cue tagger's margin.
pub(crate) struct Candidate<'v, 'a> {
    /// The document.
    pub v: &'v DocView<'a>,
    /// The cue (token range).
    pub cue: (usize, usize),
    /// Its roles.
    pub roles: &'v Roles,
    /// Score of B over O at the cue's first token.
    pub margin: f32,
    /// True when the cue lies inside the content of another candidate.
    pub nested: bool,
}

fn margin_bucket(m: f32) -> u64 {
    ((m / 3.0).floor().clamp(-8.0, 8.0) + 8.0) as u64
}

impl Sequence for Candidate<'_, '_> {
    fn len(&self) -> usize {
        1
    }

    fn labels(&self) -> usize {
        LABELS
    }

    fn emit(&self, _k: usize, f: &mut Feats) {
        let v = self.v;
        let (lo, hi) = self.cue;
        let head = v.top_of(lo, hi);
        let lemma = v.lemma[head];
        let mut words = 0u64;
        for i in lo..hi {
            words = crate::hash::mix(words, v.lemma[i]);
        }
        let m = margin_bucket(self.margin);
        f.f1(F_BIAS, 0);
        f.f1(F_LEMMA, lemma);
        f.f1(F_WORDS, words);
        f.f2(F_POS, v.pos[head], (hi - lo).min(4) as u64);
        f.f2(F_DEP, v.dep[head], v.pos[head]);
        f.f1(F_MARGIN, m);
        f.f2(F_MARGIN_LEMMA, m, lemma);
        let mut frame = 0u64;
        for &c in v.kids(head) {
            if !v.punct[c as usize] {
                frame = crate::hash::mix(frame, v.dep[c as usize]);
            }
        }
        f.f2(F_FRAME, frame, v.pos[head]);
        let src = match self.roles.source {
            Some((a, b)) => {
                let sh = v.top_of(a, b);
                f.f2(F_SRC_SIDE, u64::from(b <= lo), (b - a).min(8) as u64);
                crate::hash::mix(v.ner[sh], v.pos[sh])
            }
            None => hash_str("no source"),
        };
        f.f1(F_SRC, src);
        f.f2(F_LEMMA_SRC, lemma, src);
        f.f2(F_MARGIN_SRC, m, src);
        let (mut words_n, mut quoted, mut verbs) = (0usize, 0usize, 0usize);
        for &(a, b) in &self.roles.content {
            for i in a..b {
                if !v.punct[i] {
                    words_n += 1;
                    quoted += usize::from(v.quote[i] != NONE);
                    verbs += usize::from(v.toks[i].pos.starts_with("VB"));
                }
            }
        }
        let shape = [
            (words_n.min(40) / 5) as u64,
            u64::from(quoted * 2 >= words_n.max(1)),
            u64::from(verbs > 0),
            self.roles.content.len().min(3) as u64,
        ];
        let content = shape.iter().fold(0u64, |h, &x| crate::hash::mix(h, x));
        f.f1(F_CONTENT, content);
        f.f2(F_LEMMA_CONTENT, lemma, crate::hash::mix(shape[1], shape[2]));
        f.f2(F_POS_CONTENT, v.pos[head], content);
        f.f2(F_LEN, shape[0], u64::from(self.roles.source.is_some()));
        if let Some(&(a, b)) = self.roles.content.first() {
            let top = v.top_of(a, b);
            f.f3(F_CONTENT_POS, v.pos[top], v.dep[top], u64::from(b <= lo));
        }
        let first = self.roles.content.first().map(|c| v.word[c.0]);
        f.f2(F_THAT, first.unwrap_or(0), v.pos[head]);
        f.f2(F_NESTED, u64::from(self.nested), v.pos[head]);
        // Speech reported inside a quotation is rarely annotated.
        let quoted_cue = v.quote[head] != NONE;
        f.f2(F_IN_QUOTE, u64::from(quoted_cue), lemma);
        f.f2(F_IN_QUOTE, u64::from(quoted_cue), src);
        if let Some((a, b)) = self.roles.source {
            let w = v.form(v.top_of(a, b)).to_lowercase();
            let person = match w.as_str() {
                "i" | "we" | "you" => 1,
                "he" | "she" | "they" | "it" => 2,
                _ => 0,
            };
            f.f3(F_SRC_PERSON, person, u64::from(quoted_cue), v.pos[head]);
        }
        f.f2(F_TITLE, u64::from(v.para[lo] == 0), src);
    }

    fn trans(&self, _k: usize, _prev: usize, _f: &mut Feats) {}

    fn allowed(&self, _k: usize, _label: usize) -> bool {
        true
    }

    fn may_follow(&self, _prev: usize, _cur: usize) -> bool {
        true
    }
}

/// For each candidate, whether its cue lies inside another candidate's content.
pub(crate) fn nesting(found: &[((usize, usize), Roles)]) -> Vec<bool> {
    let contents = contents_of(found.iter().map(|(_, r)| r));
    found
        .iter()
        .enumerate()
        .map(|(k, (c, _))| contents.containing(c.0..c.1).any(|(_, &j)| j != k))
        .collect()
}

/// The content pieces of the candidates (or attributions) in order, indexed,
/// each with the position of the candidate it belongs to.
pub(crate) fn contents_of<'r>(roles: impl Iterator<Item = &'r Roles>) -> Intervals<usize> {
    Intervals::new(
        roles
            .enumerate()
            .flat_map(|(j, r)| r.content.iter().map(move |&(a, b)| (a..b, j))),
    )
}
