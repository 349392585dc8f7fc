//! The cue tagger: which words mark an attribution ("said", "according to",
//! "told", "believes", a headline's colon), as B/I/O spans per sentence.
//!
//! PolNeAR counts reporting, cognitive and intention verbs and nouns, and many
//! words count only in context ("called" for a phone call is no cue), so the
//! decision is learned: lexical, part-of-speech and dependency features of the
//! word, its head and its dependents, and its position next to quotes.

use crate::hash::{Feats, hash_str};
use crate::lexicon::SOURCE_NOUN;
use crate::perceptron::{Scratch, Sequence, Weights, decode};
use crate::view::{DocView, NONE};

/// Labels of the cue tagger.
pub(crate) const O: u8 = 0;
/// First token of a cue.
pub(crate) const B: u8 = 1;
/// Continuation of a cue.
pub(crate) const I: u8 = 2;
/// Number of cue labels.
pub(crate) const LABELS: usize = 3;

// Feature templates (any distinct constants).
const BIAS: u64 = 1;
const W: u64 = 2;
const L: u64 = 3;
const P: u64 = 4;
const LP: u64 = 5;
const D: u64 = 6;
const LD: u64 = 7;
const WM1: u64 = 8;
const WP1: u64 = 9;
const WM2: u64 = 10;
const WP2: u64 = 11;
const PP: u64 = 12;
const PN: u64 = 13;
const PPP: u64 = 14;
const LLM: u64 = 15;
const LLP: u64 = 16;
const WWW: u64 = 17;
const WWWM: u64 = 18;
const HL: u64 = 19;
const HP: u64 = 20;
const DHL: u64 = 21;
const LHL: u64 = 22;
const DDH: u64 = 23;
const ROOT: u64 = 24;
const CD: u64 = 25;
const LCD: u64 = 26;
const CDW: u64 = 27;
const SUBJ: u64 = 28;
const LSUBJ: u64 = 29;
const QIN: u64 = 30;
const LQIN: u64 = 31;
const QBEFORE: u64 = 32;
const QAFTER: u64 = 33;
const FIRST: u64 = 34;
const TITLE: u64 = 35;
const SUF: u64 = 36;
const SHAPE: u64 = 37;
const NER: u64 = 38;
const NERM1: u64 = 39;
const NERP1: u64 = 40;
const LCCOMP: u64 = 41;
const PARA: u64 = 42;
const LPD: u64 = 43;
const TR: u64 = 44;
const TRP: u64 = 45;
const TRW: u64 = 46;
const HDL: u64 = 47;
const SQ: u64 = 48;
const FRAME: u64 = 49;
const FRAME_SUBJ: u64 = 50;
const COLON: u64 = 51;
const SUBJ_OBJ: u64 = 52;
const LEX: u64 = 53;
const LEX_BIT: u64 = 54;
const LEX_ARGS: u64 = 55;
const LEX_CASE: u64 = 56;
const ARGS: u64 = 57;
const LEX_HEAD: u64 = 58;
const LEX_FRAME: u64 = 59;

/// Dependency labels and NER classes the features test for.
const MARK: u64 = hash_str("mark");
const CCOMP: u64 = hash_str("ccomp");
const XCOMP: u64 = hash_str("xcomp");
const DOBJ: u64 = hash_str("dobj");
const NMOD: u64 = hash_str("nmod");
const CASE: u64 = hash_str("case");
const POSS: u64 = hash_str("nmod:poss");
const NSUBJ: u64 = hash_str("nsubj");
const NSUBJPASS: u64 = hash_str("nsubjpass");
const PERSON: u64 = hash_str("PERSON");
const ORGANIZATION: u64 = hash_str("ORGANIZATION");

/// Hash standing for "no token here" (before the sentence start, after its end, no head).
const EDGE: u64 = 0x005e_ed0f_ed9e;

/// One sentence of a document as a cue-tagging problem.
pub(crate) struct CueSeq<'v, 'a> {
    v: &'v DocView<'a>,
    lo: usize,
    hi: usize,
    bias: f32,
}

impl<'v, 'a> CueSeq<'v, 'a> {
    /// The tokens `lo..hi` (one sentence) of `v`.
    pub(crate) fn new(v: &'v DocView<'a>, lo: usize, hi: usize) -> Self {
        Self::with_bias(v, lo, hi, 0.0)
    }

    /// The same, with `bias` added to the score of starting a cue at every token.
    pub(crate) fn with_bias(v: &'v DocView<'a>, lo: usize, hi: usize, bias: f32) -> Self {
        CueSeq { v, lo, hi, bias }
    }

    #[inline]
    fn at(&self, arr: &[u64], i: isize) -> u64 {
        if i < self.lo as isize || i >= self.hi as isize {
            EDGE
        } else {
            arr[i as usize]
        }
    }
}

impl Sequence for CueSeq<'_, '_> {
    fn len(&self) -> usize {
        self.hi - self.lo
    }

    fn labels(&self) -> usize {
        LABELS
    }

    fn emit(&self, k: usize, f: &mut Feats) {
        let v = self.v;
        let i = self.lo + k;
        let s = i as isize;
        let (w, l, p, d) = (&v.word, &v.lemma, &v.pos, &v.dep);
        f.f1(BIAS, 0);
        f.f1(W, w[i]);
        f.f1(L, l[i]);
        f.f1(P, p[i]);
        f.f2(LP, l[i], p[i]);
        f.f1(D, d[i]);
        f.f2(LD, l[i], d[i]);
        f.f3(LPD, l[i], p[i], d[i]);
        f.f1(WM1, self.at(w, s - 1));
        f.f1(WP1, self.at(w, s + 1));
        f.f1(WM2, self.at(w, s - 2));
        f.f1(WP2, self.at(w, s + 2));
        f.f2(PP, self.at(p, s - 1), p[i]);
        f.f2(PN, p[i], self.at(p, s + 1));
        f.f3(PPP, self.at(p, s - 1), p[i], self.at(p, s + 1));
        f.f2(LLM, self.at(l, s - 1), l[i]);
        f.f2(LLP, l[i], self.at(l, s + 1));
        f.f3(WWW, w[i], self.at(w, s + 1), self.at(w, s + 2));
        f.f3(WWWM, self.at(w, s - 2), self.at(w, s - 1), w[i]);
        let h = v.head[i];
        if h == NONE {
            f.f2(ROOT, l[i], p[i]);
        } else {
            let h = h as usize;
            f.f1(HL, l[h]);
            f.f1(HP, p[h]);
            f.f2(DHL, d[i], l[h]);
            f.f2(LHL, l[i], l[h]);
            f.f2(DDH, d[i], d[h]);
            f.f3(HDL, d[i], l[h], p[i]);
        }
        let mut has_ccomp_that = false;
        // The verb's frame without its lemma, so that unseen verbs with a
        // reporting frame (a person subject, a clause) still look like cues.
        let mut frame = 0u64;
        let mut subj = EDGE;
        // Argument structure: clause, control, object and prepositional
        // complements (bits), a person or organization as subject or possessor.
        let mut args = u64::from(has_quote_near(v, i, self.hi));
        let mut subj_kind = 0u64;
        let mut cases = [0u64; 2];
        let mut n_cases = 0;
        for &c in v.kids(i) {
            let c = c as usize;
            f.f1(CD, d[c]);
            f.f2(LCD, l[i], d[c]);
            if v.punct[c] {
                continue;
            }
            frame = crate::hash::mix(frame, d[c]);
            if d[c] == NSUBJ || d[c] == NSUBJPASS {
                subj = crate::hash::mix(v.ner[c], v.pos[c]);
                subj_kind = subj_kind.max(source_like(v, c));
                f.f2(SUBJ, v.ner[c], v.pos[c]);
                f.f2(LSUBJ, l[i], v.ner[c]);
            }
            if d[c] == POSS {
                subj_kind = subj_kind.max(source_like(v, c));
            }
            if d[c] == CCOMP {
                args |= 1;
                has_ccomp_that |= v
                    .kids(c)
                    .iter()
                    .any(|&g| d[g as usize] == MARK && (g as usize) < c);
            } else if d[c] == XCOMP {
                args |= 2;
            } else if d[c] == DOBJ {
                args |= 4;
            } else if d[c] == NMOD && c > i {
                args |= 8;
                if let Some(&k) = v.kids(c).iter().find(|&&k| d[k as usize] == CASE) {
                    cases[n_cases.min(1)] = w[k as usize];
                    n_cases += 1;
                }
            }
            if c > i && c <= i + 3 || c < i && c + 2 >= i {
                f.f2(CDW, d[c], w[c]);
            }
        }
        f.f2(LCCOMP, l[i], u64::from(has_ccomp_that));
        args |= u64::from(has_ccomp_that) << 4;
        f.f3(ARGS, p[i], subj_kind, args);
        let lex = u64::from(v.lex[i]);
        if lex != 0 {
            f.f2(LEX, lex, p[i]);
            f.f4(LEX_ARGS, lex, p[i], subj_kind, args);
            f.f3(LEX_FRAME, lex, d[i], frame);
            if h != NONE {
                f.f3(LEX_HEAD, lex, d[i], p[h as usize]);
            }
            for &case in &cases[..n_cases.min(2)] {
                f.f3(LEX_CASE, lex, p[i], case);
            }
            let mut bits = v.lex[i];
            while bits != 0 {
                let b = u64::from(bits.trailing_zeros());
                bits &= bits - 1;
                f.f3(LEX_BIT, b, p[i], args & 3);
            }
        }
        f.f3(FRAME, p[i], d[i], frame);
        f.f3(FRAME_SUBJ, p[i], subj, u64::from(has_ccomp_that));
        f.f3(SUBJ_OBJ, subj, frame, v.suffix[i]);
        if v.punct[i] {
            // A colon after a name opening a paragraph ("PENCE: Well, …", "Poll: …").
            let words_before = (self.lo..i).filter(|&j| !v.punct[j]).count().min(5);
            f.f4(
                COLON,
                w[i],
                self.at(&v.shape, s - 1),
                u64::from(v.para_start[self.lo]),
                words_before as u64,
            );
        }
        let inq = v.quote[i] != NONE;
        f.f2(QIN, u64::from(inq), p[i]);
        f.f2(LQIN, l[i], u64::from(inq));
        f.f2(SQ, u64::from(v.squote[i]), p[i]);
        let quote_ends_before = (i.saturating_sub(3)..i)
            .any(|j| v.quote[j] != NONE && v.quote[j] != v.quote[i] && v.sent[j] == v.sent[i]);
        let quote_starts_after = has_quote_near(v, i, self.hi);
        f.f2(QBEFORE, u64::from(quote_ends_before), l[i]);
        f.f2(QAFTER, u64::from(quote_starts_after), l[i]);
        if i == self.lo {
            f.f1(FIRST, p[i]);
        }
        if v.para[i] == 0 {
            f.f2(TITLE, l[i], self.at(&v.ner, s - 1));
        }
        f.f2(PARA, u64::from(v.para_start[i]), p[i]);
        f.f1(SUF, v.suffix[i]);
        f.f2(SHAPE, v.shape[i], self.at(&v.shape, s - 1));
        f.f1(NER, v.ner[i]);
        f.f2(NERM1, self.at(&v.ner, s - 1), w[i]);
        f.f2(NERP1, self.at(&v.ner, s + 1), w[i]);
    }

    fn trans(&self, k: usize, prev: usize, f: &mut Feats) {
        let i = self.lo + k;
        f.f1(TR, prev as u64);
        f.f2(TRP, prev as u64, self.v.pos[i]);
        if prev != usize::from(O) {
            f.f2(TRW, prev as u64, self.v.word[i]);
        }
    }

    fn allowed(&self, _k: usize, _label: usize) -> bool {
        true
    }

    fn may_follow(&self, prev: usize, cur: usize) -> bool {
        cur != usize::from(I) || prev == usize::from(B) || prev == usize::from(I)
    }

    fn offset(&self, label: usize) -> f32 {
        if label == usize::from(B) {
            self.bias
        } else {
            0.0
        }
    }
}

/// Does a double-quoted passage start within three tokens after `i` (before `hi`)?
fn has_quote_near(v: &DocView, i: usize, hi: usize) -> bool {
    (i + 1..(i + 4).min(hi)).any(|j| v.quote[j] != NONE && v.quote[j] != v.quote[i])
}

/// How much token `c` looks like a source: 2 for a person, an organization,
/// a pronoun or a noun naming sources ("spokesman"), 1 for another noun, 0 otherwise.
fn source_like(v: &DocView, c: usize) -> u64 {
    if v.ner[c] == PERSON || v.ner[c] == ORGANIZATION || v.lex[c] & SOURCE_NOUN != 0 {
        2
    } else {
        u64::from(v.toks[c].pos.starts_with("NN") || v.toks[c].pos.starts_with("PRP"))
    }
}

/// Cue spans of a B/I/O labelling, as token ranges (absolute, `lo` added).
pub(crate) fn spans(labels: &[u8], lo: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, &y) in labels.iter().enumerate() {
        if y != I
            && let Some(s) = start.take()
        {
            out.push((lo + s, lo + k));
        }
        if y == B {
            start = Some(k);
        }
    }
    if let Some(s) = start {
        out.push((lo + s, lo + labels.len()));
    }
    out
}

/// How much more the model likes starting a cue at token `i` than leaving it out
/// (emission scores only, without the bias).
pub(crate) fn margin(w: &Weights, v: &DocView, i: usize, f: &mut Feats) -> f32 {
    let (lo, hi) = v.sents[v.sent[i] as usize];
    let seq = CueSeq::new(v, lo as usize, hi as usize);
    f.clear();
    seq.emit(i - lo as usize, f);
    let mut s = [0f32; LABELS];
    w.add_to(&f.keys, &mut s);
    s[usize::from(B)] - s[usize::from(O)]
}

/// All cues of a document, in text order, as token ranges `lo..hi`.
pub(crate) fn tag(w: &Weights, v: &DocView, bias: f32, sc: &mut Scratch) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(lo, hi) in &v.sents {
        let seq = CueSeq::with_bias(v, lo as usize, hi as usize, bias);
        let y = decode(w, &seq, sc);
        out.extend(spans(&y, lo as usize));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_bio() {
        assert_eq!(
            spans(&[O, B, I, O, B, B, I], 10),
            [(11, 13), (14, 15), (15, 17)]
        );
        assert!(spans(&[O, O], 0).is_empty());
    }
}
