//! The role tagger: for one cue, which tokens around it are the source and
//! which the content.
//!
//! Each token of a window of sentences around the cue is labelled
//! O / SOURCE / CONTENT by a sequence model whose features all describe the
//! token *relative to the cue*: the dependency path between them, the side and
//! distance, the sentence offset, and how the token's quotation relates to the
//! cue (the quote just before "he said", the quote that continues it in the
//! next sentence, a quote behind another cue). PolNeAR's boundary conventions
//! (appositions in the source, "that" in the content) are learned from the data.

use crate::hash::{Feats, hash_str};
use crate::perceptron::{Scratch, Sequence, Weights, decode};
use crate::view::{DocView, NONE};

/// Outside both roles.
pub(crate) const O: u8 = 0;
/// Part of the source.
pub(crate) const S: u8 = 1;
/// Part of the content.
pub(crate) const C: u8 = 2;
/// Number of role labels.
pub(crate) const LABELS: usize = 3;

/// Sentences before the cue's sentence that the window always includes.
const BEFORE: usize = 0;
/// Sentences after the cue's sentence that the window always includes.
const AFTER: usize = 0;
/// Most sentences before the cue's that a quotation running into it brings in.
const MAX_BEFORE: usize = 3;
/// Most sentences after the cue's that a quotation running on brings in.
const MAX_AFTER: usize = 5;
/// Most tokens the window reaches on either side of the cue.
const REACH: usize = 160;

/// The sentences `first..=last` around sentence `s` that may hold a cue's
/// source and content: its neighbours, widened over quotations that run on
/// across the window's edges (a quote of several sentences before "he said",
/// or one continued after it).
fn window(v: &DocView, s: usize) -> (usize, usize) {
    let n = v.sents.len();
    let mut first = s.saturating_sub(BEFORE);
    let mut last = (s + AFTER).min(n - 1);
    while first > 0 && s - first < MAX_BEFORE && v.quote_runs_on(first - 1) {
        first -= 1;
    }
    // A quotation that opens the next sentence may continue the cue's ("A," he said. "B.").
    if last == s && s + 1 < n && v.quote[v.sents[s + 1].0 as usize] != NONE {
        last += 1;
    }
    while last - s < MAX_AFTER && v.quote_runs_on(last) {
        last += 1;
    }
    (first, last)
}

const T_SIDE: u64 = 101;
const T_DIST: u64 = 102;
const T_PATH: u64 = 103;
const T_PATH_CUE: u64 = 104;
const T_BT_SIDE: u64 = 105;
const T_BT_BC_SIDE: u64 = 106;
const T_BT_DEP: u64 = 107;
const T_PATH_POS: u64 = 108;
const T_ANC: u64 = 109;
const T_BT_WORD: u64 = 110;
const T_CUE_BT: u64 = 111;
const T_XS: u64 = 112;
const T_DEP: u64 = 113;
const T_POS: u64 = 114;
const T_WORD: u64 = 115;
const T_Q: u64 = 116;
const T_QI: u64 = 117;
const T_QC: u64 = 118;
const T_IC: u64 = 119;
const T_NER: u64 = 120;
const T_NER_BT: u64 = 121;
const T_FIRST: u64 = 122;
const T_PARA: u64 = 123;
const T_WM1: u64 = 124;
const T_WP1: u64 = 125;
const T_CL_SIDE: u64 = 126;
const T_CL_Q: u64 = 127;
const T_OTHER_CUE: u64 = 128;
const T_TITLE: u64 = 129;
const T_TOP: u64 = 130;
const T_HEADREL: u64 = 131;
const T_DEP2: u64 = 132;
const T_CUE_WORD: u64 = 133;
const T_SQ: u64 = 134;
const T_LAST: u64 = 135;
const T_XS_Q: u64 = 136;
const T_ESUBJ: u64 = 137;
const T_ESUBJ_W: u64 = 138;
const TR: u64 = 150;
const TR_SIDE: u64 = 151;
const TR_Q: u64 = 152;
const TR_DS: u64 = 153;

/// Hash for "the token is the node itself" on a dependency path.
const SELF: u64 = 0x5e1f;
/// Hash for "the token is in another sentence" on a dependency path.
const ELSEWHERE: u64 = 0xe15e;

/// The cues of a document, indexed for "is there another cue between" questions.
pub(crate) struct CueIndex {
    /// Number of cue starts before each token (length n + 1).
    starts: Vec<u32>,
    /// True for tokens inside some cue.
    inside: Vec<bool>,
    /// Number of word tokens outside double quotes before each token (length n + 1).
    outside_quotes: Vec<u32>,
}

impl CueIndex {
    /// Index `cues` (token ranges) of the document `v`.
    pub(crate) fn new(v: &DocView, cues: &[(usize, usize)]) -> Self {
        let n = v.len();
        let mut starts = vec![0u32; n + 1];
        let mut inside = vec![false; n];
        for &(lo, hi) in cues {
            starts[lo + 1] += 1;
            for x in &mut inside[lo..hi] {
                *x = true;
            }
        }
        let mut outside_quotes = vec![0u32; n + 1];
        for i in 0..n {
            starts[i + 1] += starts[i];
            outside_quotes[i + 1] =
                outside_quotes[i] + u32::from(!v.punct[i] && v.quote[i] == NONE);
        }
        CueIndex {
            starts,
            inside,
            outside_quotes,
        }
    }
}

fn bucket(x: usize) -> u64 {
    match x {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=8 => 4,
        9..=16 => 5,
        17..=32 => 6,
        _ => 7,
    }
}

/// One cue and the window of tokens around it, as a role-tagging problem.
pub(crate) struct RoleSeq<'v, 'a> {
    v: &'v DocView<'a>,
    idx: &'v CueIndex,
    /// The cue's tokens.
    cue: (usize, usize),
    /// The cue's syntactic head (its token closest to the root).
    head: usize,
    /// The window: tokens `lo..hi`.
    pub(crate) lo: usize,
    /// End of the window.
    pub(crate) hi: usize,
    cue_lemma: u64,
    cue_words: u64,
    quote_before: u32,
    quote_after: u32,
    that: u64,
    /// The cue's subject, found through conjunctions, controls and participles
    /// ("X announced … and said", "X attempted to make the case", "…, saying"),
    /// with the number of steps up and the relation of the last step.
    subject: Option<(usize, u64, u64)>,
}

/// Relations through which a verb inherits its subject from its head.
const INHERIT: [&str; 6] = ["conj", "xcomp", "advcl", "dep", "parataxis", "ccomp"];
/// Relations by which a clause modifies the noun that is its subject.
const MODIFIES: [&str; 2] = ["acl", "acl:relcl"];

/// The subject of cue head `h`: its own `nsubj`, or the one of the verb it hangs
/// from; for an inverted report ("…, explains Benjamin Young") whose parse made
/// the speaker an object, the noun after the verb when the clause comes before it.
fn subject_of(v: &DocView, h: usize) -> Option<(usize, u64, u64)> {
    let mut x = h;
    let mut via = 0u64;
    for steps in 0..4u64 {
        let kids = v.kids(x);
        let rel = |c: &u32| v.toks[*c as usize].deprel.as_str();
        if let Some(&c) = kids
            .iter()
            .find(|c| matches!(rel(c), "nsubj" | "nsubjpass"))
        {
            return Some((c as usize, steps, via));
        }
        if steps == 0
            && kids.iter().any(|c| rel(c) == "ccomp" && (*c as usize) < h)
            && let Some(&o) = kids.iter().find(|c| {
                rel(c) == "dobj" && (**c as usize) > h && v.toks[**c as usize].pos.starts_with("NN")
            })
        {
            return Some((o as usize, 0, v.dep[o as usize]));
        }
        let r = v.toks[x].deprel.as_str();
        let up = v.head[x];
        if up == NONE {
            return None;
        }
        if MODIFIES.contains(&r) {
            return Some((up as usize, steps + 1, v.dep[x]));
        }
        if !INHERIT.contains(&r) {
            return None;
        }
        via = v.dep[x];
        x = up as usize;
    }
    None
}

impl<'v, 'a> RoleSeq<'v, 'a> {
    /// The role problem of cue `cue` (a token range) in document `v`.
    pub(crate) fn new(v: &'v DocView<'a>, idx: &'v CueIndex, cue: (usize, usize)) -> Self {
        let head = v.top_of(cue.0, cue.1);
        let (first, last) = window(v, v.sent[cue.0] as usize);
        let lo = (v.sents[first].0 as usize).max(cue.0.saturating_sub(REACH));
        let hi = (v.sents[last].1 as usize).min(cue.1 + REACH);
        let quote_before = v
            .quotes
            .partition_point(|q| q.1 as usize <= cue.0)
            .checked_sub(1)
            .map_or(NONE, |k| k as u32);
        let quote_after = v.quotes.partition_point(|q| (q.0 as usize) < cue.1);
        let quote_after = if quote_after < v.quotes.len() {
            quote_after as u32
        } else {
            NONE
        };
        let mut cue_words = 0u64;
        for i in cue.0..cue.1 {
            cue_words = crate::hash::mix(cue_words, v.lemma[i]);
        }
        RoleSeq {
            v,
            idx,
            cue,
            head,
            lo,
            hi,
            cue_lemma: v.lemma[head],
            cue_words,
            quote_before,
            quote_after,
            that: hash_str("that"),
            subject: subject_of(v, head),
        }
    }

    fn side(&self, t: usize) -> u64 {
        if t < self.cue.0 {
            0
        } else if t < self.cue.1 {
            1
        } else {
            2
        }
    }

    fn sent_offset(&self, t: usize) -> u64 {
        let d = i64::from(self.v.sent[t]) - i64::from(self.v.sent[self.cue.0]);
        (d.clamp(-3, 3) + 3) as u64
    }

    fn quote_rel(&self, t: usize) -> u64 {
        let q = self.v.quote[t];
        if q == NONE {
            0
        } else if q == self.v.quote[self.head] {
            1
        } else if q == self.quote_before {
            2
        } else if q == self.quote_after {
            3
        } else if self.quote_before != NONE && q < self.quote_before {
            4
        } else if self.quote_after != NONE && q > self.quote_after {
            5
        } else {
            6
        }
    }

    /// Other cues between `t` and this cue (0, 1, 2 = two or more), and word
    /// tokens outside quotes between them (bucketed).
    fn between(&self, t: usize) -> (u64, u64) {
        let (a, b) = if t < self.cue.0 {
            (t + 1, self.cue.0)
        } else if t >= self.cue.1 {
            (self.cue.1, t)
        } else {
            return (0, 0);
        };
        let cues = self.idx.starts[b].saturating_sub(self.idx.starts[a]);
        let words = self.idx.outside_quotes[b].saturating_sub(self.idx.outside_quotes[a]);
        (u64::from(cues.min(2)), bucket(words as usize))
    }
}

impl Sequence for RoleSeq<'_, '_> {
    fn len(&self) -> usize {
        self.hi - self.lo
    }

    fn labels(&self) -> usize {
        LABELS
    }

    fn emit(&self, k: usize, f: &mut Feats) {
        let v = self.v;
        let t = self.lo + k;
        let side = self.side(t);
        let ds = self.sent_offset(t);
        let dist = if t < self.cue.0 {
            bucket(self.cue.0 - t)
        } else if t >= self.cue.1 {
            bucket(t + 1 - self.cue.1)
        } else {
            0
        };
        let (w, p, d) = (v.word[t], v.pos[t], v.dep[t]);
        let cl = self.cue_lemma;
        f.f2(T_SIDE, ds, side);
        f.f3(T_DIST, ds, side, dist);
        let a = v.lca(t, self.head);
        let bt;
        if a != NONE {
            let a = a as usize;
            let btn = v.branch(t, a);
            let bcn = v.branch(self.head, a);
            bt = if btn == NONE {
                SELF
            } else {
                v.dep[btn as usize]
            };
            let bc = if bcn == NONE {
                SELF
            } else {
                v.dep[bcn as usize]
            };
            let up = u64::from((v.depth[t] - v.depth[a]).min(4));
            let down = u64::from((v.depth[self.head] - v.depth[a]).min(4));
            f.f4(T_PATH, bt, bc, up, down);
            f.f3(T_PATH_CUE, bt, bc, cl);
            f.f2(T_BT_SIDE, bt, side);
            f.f3(T_BT_BC_SIDE, bt, bc, side);
            f.f3(T_BT_DEP, bt, d, side);
            f.f3(T_PATH_POS, bt, bc, p);
            f.f2(T_ANC, u64::from(v.under(self.head, t)), side);
            f.f3(T_BT_WORD, bt, w, side);
            f.f4(T_CUE_BT, cl, bt, bc, side);
            f.f3(T_TOP, u64::from(btn as usize == t), bt, side);
            let hr = v.head[t];
            let head_rel = if hr == NONE {
                0
            } else if hr as usize == self.head {
                1
            } else if v.head[self.head] == hr {
                2
            } else {
                3
            };
            f.f3(T_HEADREL, head_rel, d, side);
        } else {
            // Another sentence: the token's branch under its own root.
            let mut r = t;
            while v.head[r] != NONE && v.head[v.head[r] as usize] != NONE {
                r = v.head[r] as usize;
            }
            bt = if v.head[t] == NONE { SELF } else { v.dep[r] };
            f.f3(T_XS, ds, bt, ELSEWHERE);
            f.f3(
                T_XS_Q,
                ds,
                u64::from(v.quote[t] != NONE),
                u64::from(v.para_start[v.sents[v.sent[t] as usize].0 as usize]),
            );
        }
        f.f3(T_DEP, d, side, ds);
        let hd = v.head[t];
        f.f3(
            T_DEP2,
            d,
            if hd == NONE { SELF } else { v.dep[hd as usize] },
            side,
        );
        f.f3(T_POS, p, side, ds);
        f.f2(T_WORD, w, side);
        let q = self.quote_rel(t);
        let (ic, gap) = self.between(t);
        f.f3(T_Q, q, ds, side);
        f.f4(T_QI, q, ic, gap, side);
        f.f3(T_QC, q, cl, side);
        f.f3(T_IC, ic, ds, side);
        f.f2(T_SQ, u64::from(v.squote[t]), side);
        f.f2(T_NER, v.ner[t], side);
        f.f3(T_NER_BT, v.ner[t], bt, side);
        let (slo, shi) = v.sents[v.sent[t] as usize];
        f.f3(T_FIRST, u64::from(t == slo as usize), side, ds);
        f.f3(T_LAST, u64::from(t + 1 == shi as usize), side, p);
        f.f2(T_PARA, u64::from(v.para_start[t]), ds);
        let prev = if t > slo as usize {
            v.word[t - 1]
        } else {
            SELF
        };
        let next = if t + 1 < shi as usize {
            v.word[t + 1]
        } else {
            SELF
        };
        f.f3(T_WM1, prev, side, bt);
        f.f2(T_WP1, next, side);
        f.f3(T_CL_SIDE, cl, side, ds);
        f.f3(T_CL_Q, cl, q, side);
        f.f3(T_CUE_WORD, self.cue_words, side, u64::from(w == self.that));
        f.f2(
            T_OTHER_CUE,
            u64::from(self.idx.inside[t] && !(self.cue.0..self.cue.1).contains(&t)),
            side,
        );
        f.f2(T_TITLE, u64::from(v.para[self.cue.0] == 0), side);
        if let Some((subj, steps, via)) = self.subject {
            let inside = v.under(t, subj) && !v.under(t, self.head);
            f.f4(T_ESUBJ, u64::from(inside), steps, via, u64::from(t == subj));
            if inside {
                f.f3(T_ESUBJ_W, steps.min(1), d, v.punct[t] as u64);
            }
        } else {
            f.f1(T_ESUBJ, 9);
        }
    }

    fn trans(&self, k: usize, prev: usize, f: &mut Feats) {
        let t = self.lo + k;
        let prev = prev as u64;
        f.f1(TR, prev);
        f.f2(TR_SIDE, prev, self.side(t));
        f.f3(
            TR_Q,
            prev,
            u64::from(self.v.quote[t] != NONE),
            u64::from(self.v.punct[t]),
        );
        f.f2(TR_DS, prev, self.sent_offset(t));
    }

    fn allowed(&self, k: usize, label: usize) -> bool {
        let t = self.lo + k;
        label == usize::from(O) || !(self.cue.0..self.cue.1).contains(&t)
    }

    fn may_follow(&self, _prev: usize, _cur: usize) -> bool {
        true
    }
}

/// What the role tagger found for one cue: token ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Roles {
    /// The source, when there is one.
    pub source: Option<(usize, usize)>,
    /// The content pieces in text order.
    pub content: Vec<(usize, usize)>,
}

/// Runs of `label` in `y` (window-relative), as absolute token ranges, skipping
/// runs of punctuation only and joining runs separated by punctuation only.
fn runs(v: &DocView, y: &[u8], lo: usize, label: u8) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < y.len() {
        if y[k] != label {
            k += 1;
            continue;
        }
        let start = k;
        while k < y.len() && y[k] == label {
            k += 1;
        }
        let (a, b) = (lo + start, lo + k);
        if (a..b).all(|i| v.punct[i]) {
            continue;
        }
        match out.last_mut() {
            Some(last) if (last.1..a).all(|i| v.punct[i]) => last.1 = b,
            _ => out.push((a, b)),
        }
    }
    out
}

/// The tokens of the cue's subject as a contiguous range that stays clear of
/// the cue, for when the tagger found no source ("…, saying", "and said").
fn subject_span(seq: &RoleSeq) -> Option<(usize, usize)> {
    let v = seq.v;
    let (node, _, _) = seq.subject?;
    let sent = v.sents[v.sent[node] as usize];
    let (mut a, mut b) = (node, node + 1);
    while a > sent.0 as usize
        && v.under(a - 1, node)
        && !(seq.cue.0..seq.cue.1).contains(&(a - 1))
        && !v.under(a - 1, seq.head)
    {
        a -= 1;
    }
    while b < sent.1 as usize
        && v.under(b, node)
        && !(seq.cue.0..seq.cue.1).contains(&b)
        && !v.under(b, seq.head)
    {
        b += 1;
    }
    while a < b && v.punct[a] {
        a += 1;
    }
    while b > a && v.punct[b - 1] {
        b -= 1;
    }
    (a < b).then_some((a, b))
}

/// Join content pieces of one sentence whose gap holds neither the cue nor
/// source tokens: the tagger's fragments of one clause.
fn close_gaps(seq: &RoleSeq, y: &[u8], content: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let v = seq.v;
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(content.len());
    for c in content {
        if let Some(last) = out.last_mut()
            && v.sent[last.0] == v.sent[c.0]
            && (last.1..c.0).all(|i| y[i - seq.lo] != S && !(seq.cue.0..seq.cue.1).contains(&i))
        {
            last.1 = c.1;
            continue;
        }
        out.push(c);
    }
    out
}

/// Decode the roles of one cue.
pub(crate) fn tag(w: &Weights, seq: &RoleSeq, sc: &mut Scratch) -> Roles {
    let y = decode(w, seq, sc);
    if y.is_empty() {
        return Roles::default();
    }
    let v = seq.v;
    let content = close_gaps(seq, &y, runs(v, &y, seq.lo, C));
    let sources = runs(v, &y, seq.lo, S);
    // Of several source runs keep the one nearest to the cue.
    let source = sources.into_iter().min_by_key(|&(a, b)| {
        if b <= seq.cue.0 {
            seq.cue.0 - b
        } else {
            a.saturating_sub(seq.cue.1)
        }
    });
    let mut roles = Roles { source, content };
    subject_is_no_content(seq, &mut roles);
    if roles.source.is_none() {
        roles.source =
            subject_span(seq).filter(|s| !roles.content.iter().any(|c| c.0 < s.1 && s.0 < c.1));
    }
    if let Some(src) = roles.source {
        let src = whole_phrase(seq, src);
        roles.source = Some(src);
        roles.content = cut_out(&roles.content, src);
        roles
            .content
            .retain(|&(a, b)| (a..b).any(|i| !seq.v.punct[i]));
    }
    points_back(seq, &mut roles);
    complete_clause(seq, &mut roles);
    roles
}

/// A complement clause is content as a whole: when the tagger took only part
/// of the clause after the cue (stopping at a nested cue or a dash), widen the
/// piece to the clause, from its "that" to its end.
fn complete_clause(seq: &RoleSeq, roles: &mut Roles) {
    let v = seq.v;
    let rel = |c: usize| v.toks[c].deprel.as_str();
    let after = |c: &&u32| **c as usize >= seq.cue.1;
    // The clause of the cue, or the "that" clause a parser hung on its object
    // ("told the newspaper that …" read as a relative clause of "newspaper").
    let own = v
        .kids(seq.head)
        .iter()
        .filter(after)
        .find(|&&c| rel(c as usize) == "ccomp");
    let via_object = v
        .kids(seq.head)
        .iter()
        .filter(after)
        .filter(|&&o| matches!(rel(o as usize), "dobj" | "iobj"))
        .flat_map(|&o| v.kids(o as usize).iter())
        .find(|&&c| {
            matches!(rel(c as usize), "acl:relcl" | "acl" | "ccomp")
                && (seq.cue.1..c as usize)
                    .any(|i| v.under(i, c as usize) && v.form(i).eq_ignore_ascii_case("that"))
        });
    let clauses: Vec<usize> = own
        .into_iter()
        .chain(via_object)
        .map(|&c| c as usize)
        .collect();
    let Some(&first) = clauses.first() else {
        return;
    };
    let (slo, shi) = v.sents[v.sent[first] as usize];
    let (mut a, mut b) = (usize::MAX, 0);
    for &c in &clauses {
        let (mut x, mut y) = (c, c + 1);
        while x > seq.cue.1.max(slo as usize) && v.under(x - 1, c) {
            x -= 1;
        }
        while y < shi as usize && v.under(y, c) {
            y += 1;
        }
        a = a.min(x);
        b = b.max(y);
    }
    while b > a + 1 && v.punct[b - 1] {
        b -= 1;
    }
    let touches = roles.content.iter().any(|p| p.0 < b && a < p.1);
    if !touches || roles.source.is_some_and(|s| s.0 < b && a < s.1) {
        return;
    }
    let mut pieces: Vec<(usize, usize)> = roles
        .content
        .iter()
        .copied()
        .filter(|p| p.1 <= a || p.0 >= b)
        .collect();
    let covered: Vec<(usize, usize)> = roles
        .content
        .iter()
        .copied()
        .filter(|p| p.0 < b && a < p.1)
        .collect();
    let lo = covered.iter().map(|p| p.0).min().unwrap_or(a).min(a);
    let hi = covered.iter().map(|p| p.1).max().unwrap_or(b).max(b);
    pieces.push((lo, hi));
    pieces.sort_unstable();
    roles.content = pieces;
}

/// A speaker after the cue is not part of the content before it: cut the
/// cue's subject out of the content and make it the source when there is none
/// ("…, explains Benjamin Young, a researcher at …" read as one long content).
fn subject_is_no_content(seq: &RoleSeq, roles: &mut Roles) {
    let Some((_, 0, _)) = seq.subject else { return };
    let Some(subj) = subject_span(seq) else {
        return;
    };
    // Only the inverted order: the speaker after the cue, the content before it.
    if subj.0 < seq.cue.1 || !roles.content.iter().any(|c| c.0 < subj.1 && subj.0 < c.1) {
        return;
    }
    let mut cut = cut_out(&roles.content, subj);
    cut.retain(|&(a, b)| (a..b).any(|i| !seq.v.punct[i]));
    roles.content = cut;
    if roles.source.is_none() {
        roles.source = Some(subj);
    }
}

/// Widen a source to the left edge of its noun phrase, so that a quoted or
/// compound qualifier stays with it ("\"Babel\" sources"), never into the cue or content.
fn whole_phrase(seq: &RoleSeq, src: (usize, usize)) -> (usize, usize) {
    let v = seq.v;
    let head = v.top_of(src.0, src.1);
    let (slo, shi) = v.sents[v.sent[head] as usize];
    let mut a = src.0;
    while a > slo as usize
        && v.under(a - 1, head)
        && !(seq.cue.0..seq.cue.1).contains(&(a - 1))
        && (v.quote[a - 1] != NONE
            || matches!(
                v.toks[a - 1].deprel.as_str(),
                "compound" | "amod" | "nmod:poss" | "det" | "nummod"
            ))
    {
        a -= 1;
    }
    while a < src.0 && v.punct[a] && v.quote[a] == NONE {
        a += 1;
    }
    // A parenthesis opened in the source is closed in it: "The Wall Street Journal (WSJ)".
    let mut b = src.1;
    let opens = (a..b).filter(|&i| v.form(i) == "(").count();
    let closes = (a..b).filter(|&i| v.form(i) == ")").count();
    if opens > closes && b < shi as usize && v.form(b) == ")" {
        b += 1;
    }
    (a, b)
}

/// Remove the tokens `a..b` from content pieces.
fn cut_out(content: &[(usize, usize)], (a, b): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(x, y) in content {
        if y <= a || x >= b {
            out.push((x, y));
            continue;
        }
        if x < a {
            out.push((x, a));
        }
        if y > b {
            out.push((b, y));
        }
    }
    out
}

/// Demonstrative subjects of a passive report point back: "This was reported
/// by X" attributes the previous sentence.
fn points_back(seq: &RoleSeq, roles: &mut Roles) {
    let v = seq.v;
    let Some((subj, 0, _)) = seq.subject else {
        return;
    };
    let word = v.form(subj).to_lowercase();
    let passive = v.toks[subj].deprel == "nsubjpass"
        || v.kids(seq.head)
            .iter()
            .any(|&k| v.toks[k as usize].deprel == "auxpass");
    let s = v.sent[seq.cue.0] as usize;
    if !matches!(word.as_str(), "this" | "that") || !passive || s == 0 {
        return;
    }
    let (lo, mut hi) = v.sents[s - 1];
    while hi > lo && v.punct[hi as usize - 1] {
        hi -= 1;
    }
    if hi > lo {
        roles.content = vec![(lo as usize, hi as usize)];
    }
}
