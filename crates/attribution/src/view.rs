//! A read-only view of one analyzed document, indexed for feature extraction.
//!
//! The taggers ask the same questions of every token many times (its sentence,
//! its head, whether it lies under another token, which quote it is in); the
//! view answers each in O(1) from arrays built once per document.

use crate::hash::{hash_norm, hash_str};
use crate::lexicon::Lexicon;
use crate::quotes::find_quotes;
use hearsay_core::{NerSpan, Sentence, Span, Token};

/// "No index": a root's head, a token outside every quote.
pub(crate) const NONE: u32 = u32::MAX;

/// Tokens, sentences, a sanitized dependency tree and quote regions of one document.
pub(crate) struct DocView<'a> {
    /// The document text.
    pub text: &'a str,
    /// The tokens.
    pub toks: &'a [Token],
    /// Sentence index of each token.
    pub sent: Vec<u32>,
    /// Token range of each sentence.
    pub sents: Vec<(u32, u32)>,
    /// Head of each token, within its sentence and acyclic ([`NONE`] for roots).
    pub head: Vec<u32>,
    /// Distance to the root.
    pub depth: Vec<u16>,
    kid_start: Vec<u32>,
    kid_list: Vec<u32>,
    tin: Vec<u32>,
    tout: Vec<u32>,
    /// Normalized word hash.
    pub word: Vec<u64>,
    /// Lower-cased lemma hash.
    pub lemma: Vec<u64>,
    /// Part-of-speech hash.
    pub pos: Vec<u64>,
    /// Dependency label hash.
    pub dep: Vec<u64>,
    /// NER class hash (`O` outside names).
    pub ner: Vec<u64>,
    /// Word shape hash (`Xx`, `x`, `d`, `p`, …).
    pub shape: Vec<u64>,
    /// Last three characters of the lower-cased word.
    pub suffix: Vec<u64>,
    /// Lexicon classes of the lemma (of the word when the lemma is unlisted), see [`crate::lexicon`].
    pub lex: Vec<u8>,
    /// True for tokens with no letter or digit.
    pub punct: Vec<bool>,
    /// True for the first token after a line break.
    pub para_start: Vec<bool>,
    /// Paragraph index of each token.
    pub para: Vec<u32>,
    /// Index into `quotes` of the double-quoted passage around each token, or [`NONE`].
    pub quote: Vec<u32>,
    /// True inside a single-quoted passage.
    pub squote: Vec<bool>,
    /// Double-quoted passages in text order, as token ranges `lo..hi`.
    pub quotes: Vec<(u32, u32)>,
    /// For each passage of `quotes`, false when it has no closing mark and ends with its paragraph.
    pub quote_closed: Vec<bool>,
}

fn shape_of(s: &str) -> u64 {
    let mut out = [0u8; 4];
    let mut n = 0;
    let mut last = 0u8;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else {
            b'p'
        };
        if k != last && n < out.len() {
            out[n] = k;
            n += 1;
            last = k;
        }
    }
    hash_str(std::str::from_utf8(&out[..n]).unwrap_or(""))
}

fn suffix_of(s: &str) -> u64 {
    let start = s.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    hash_norm(&s[start..])
}

impl<'a> DocView<'a> {
    /// Index a document's layers. Heads that point outside their sentence or
    /// into a cycle are cut, so the tree is always a forest of sentence trees.
    pub(crate) fn new(
        text: &'a str,
        toks: &'a [Token],
        sentences: &[Sentence],
        ner: &[NerSpan],
    ) -> Self {
        let n = toks.len();
        let mut sent = vec![NONE; n];
        let mut sents = Vec::with_capacity(sentences.len());
        for s in sentences {
            let (lo, hi) = (s.tokens.start.min(n), s.tokens.end.min(n));
            if lo < hi && sent[lo] == NONE {
                let k = sents.len() as u32;
                for x in &mut sent[lo..hi] {
                    *x = k;
                }
                sents.push((lo as u32, hi as u32));
            }
        }
        // Tokens no sentence covers become one-token sentences.
        if sent.contains(&NONE) {
            let mut ranges: Vec<(u32, u32)> = sents.clone();
            for (i, s) in sent.iter().enumerate() {
                if *s == NONE {
                    ranges.push((i as u32, i as u32 + 1));
                }
            }
            ranges.sort_unstable();
            sents.clear();
            for (k, &(lo, hi)) in ranges.iter().enumerate() {
                for x in &mut sent[lo as usize..hi as usize] {
                    *x = k as u32;
                }
                sents.push((lo, hi));
            }
        }
        let mut head: Vec<u32> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| match t.head {
                Some(h) if h < n && h != i && sent[h] == sent[i] => h as u32,
                _ => NONE,
            })
            .collect();
        // Cut cycles: walk up from every token until a known token; meeting the
        // walk's own path again means a cycle, broken above the last step.
        let mut depth = vec![0u16; n];
        let mut state = vec![0u8; n]; // 0 new, 1 on the current path, 2 done
        let mut path = Vec::new();
        for i in 0..n {
            path.clear();
            let mut j = i as u32;
            while j != NONE && state[j as usize] == 0 {
                state[j as usize] = 1;
                path.push(j);
                j = head[j as usize];
            }
            if j != NONE && state[j as usize] == 1 {
                let last = *path.last().expect("a cycle has a path");
                head[last as usize] = NONE;
            }
            for &p in path.iter().rev() {
                let h = head[p as usize];
                depth[p as usize] = if h == NONE {
                    0
                } else {
                    depth[h as usize].saturating_add(1)
                };
                state[p as usize] = 2;
            }
        }
        let mut kid_start = vec![0u32; n + 1];
        for &h in &head {
            if h != NONE {
                kid_start[h as usize + 1] += 1;
            }
        }
        for i in 0..n {
            kid_start[i + 1] += kid_start[i];
        }
        let mut fill = kid_start.clone();
        let mut kid_list = vec![0u32; kid_start[n] as usize];
        for (i, &h) in head.iter().enumerate() {
            if h != NONE {
                kid_list[fill[h as usize] as usize] = i as u32;
                fill[h as usize] += 1;
            }
        }
        let lexicon = Lexicon::shipped();
        let word: Vec<u64> = toks.iter().map(|t| hash_norm(t.span.text(text))).collect();
        let lemma: Vec<u64> = toks.iter().map(|t| hash_norm(&t.lemma)).collect();
        let lex = lemma
            .iter()
            .zip(&word)
            .map(|(&l, &w)| match lexicon.classes(l) {
                0 => lexicon.classes(w),
                c => c,
            })
            .collect();
        let mut view = DocView {
            text,
            toks,
            sent,
            sents,
            head,
            depth,
            kid_start,
            kid_list,
            tin: vec![0; n],
            tout: vec![0; n],
            word,
            lemma,
            lex,
            pos: toks.iter().map(|t| hash_str(&t.pos)).collect(),
            dep: toks.iter().map(|t| hash_str(&t.deprel)).collect(),
            ner: vec![hash_str("O"); n],
            shape: toks.iter().map(|t| shape_of(t.span.text(text))).collect(),
            suffix: toks.iter().map(|t| suffix_of(t.span.text(text))).collect(),
            punct: toks
                .iter()
                .map(|t| !t.span.text(text).chars().any(char::is_alphanumeric))
                .collect(),
            para_start: vec![false; n],
            para: vec![0; n],
            quote: vec![NONE; n],
            squote: vec![false; n],
            quotes: Vec::new(),
            quote_closed: Vec::new(),
        };
        view.number_tree();
        for s in ner {
            let h = hash_str(&s.label);
            for i in s.tokens.start.min(n)..s.tokens.end.min(n) {
                view.ner[i] = h;
            }
        }
        let mut para = 0;
        for i in 0..n {
            let gap_start = if i == 0 { 0 } else { toks[i - 1].span.end };
            let gap = text.get(gap_start..toks[i].span.start.max(gap_start));
            if i == 0 || gap.is_some_and(|g| g.contains('\n')) {
                view.para_start[i] = true;
                if i > 0 {
                    para += 1;
                }
            }
            view.para[i] = para;
        }
        view.mark_quotes();
        view
    }

    /// Euler-tour numbering, for O(1) "is under" tests.
    fn number_tree(&mut self) {
        let n = self.toks.len();
        let mut clock = 0u32;
        let mut stack: Vec<(u32, u32)> = Vec::new();
        for r in 0..n {
            if self.head[r] != NONE {
                continue;
            }
            stack.push((r as u32, 0));
            self.tin[r] = clock;
            clock += 1;
            while let Some(&mut (v, ref mut next)) = stack.last_mut() {
                let kids = self.kids(v as usize);
                if let Some(&c) = kids.get(*next as usize) {
                    *next += 1;
                    self.tin[c as usize] = clock;
                    clock += 1;
                    stack.push((c, 0));
                } else {
                    self.tout[v as usize] = clock;
                    stack.pop();
                }
            }
        }
    }

    fn mark_quotes(&mut self) {
        let n = self.toks.len();
        for q in find_quotes(self.text) {
            let lo = self.toks.partition_point(|t| t.span.end <= q.span.start);
            let hi = self.toks.partition_point(|t| t.span.start < q.span.end);
            if lo >= hi || hi > n {
                continue;
            }
            if q.single {
                for x in &mut self.squote[lo..hi] {
                    *x = true;
                }
            } else {
                let k = self.quotes.len() as u32;
                for x in &mut self.quote[lo..hi] {
                    *x = k;
                }
                self.quotes.push((lo as u32, hi as u32));
                self.quote_closed.push(q.closed);
            }
        }
    }

    /// Does a quotation run on from sentence `k` into sentence `k + 1`: one
    /// passage across the boundary, or a passage left open at the end of a
    /// paragraph that the next paragraph re-opens (a quote continued)?
    pub(crate) fn quote_runs_on(&self, k: usize) -> bool {
        if k + 1 >= self.sents.len() {
            return false;
        }
        let last = self.sents[k].1 as usize - 1;
        let next = self.sents[k + 1].0 as usize;
        let (a, b) = (self.quote[last], self.quote[next]);
        a != NONE && (a == b || (b == a + 1 && !self.quote_closed[a as usize]))
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Children of token `i` in text order.
    pub(crate) fn kids(&self, i: usize) -> &[u32] {
        &self.kid_list[self.kid_start[i] as usize..self.kid_start[i + 1] as usize]
    }

    /// True when `a` is `b` or lies in the subtree under `b`.
    #[inline]
    pub(crate) fn under(&self, a: usize, b: usize) -> bool {
        self.tin[b] <= self.tin[a] && self.tin[a] < self.tout[b]
    }

    /// The token's text.
    pub(crate) fn form(&self, i: usize) -> &'a str {
        self.toks[i].span.text(self.text)
    }

    /// The token's lemma.
    pub(crate) fn lemma_str(&self, i: usize) -> &'a str {
        &self.toks[i].lemma
    }

    /// Bytes covered by tokens `lo..hi`.
    pub(crate) fn span_of(&self, lo: usize, hi: usize) -> Span {
        self.toks[lo].span.cover(&self.toks[hi - 1].span)
    }

    /// Of the tokens `lo..hi`, the one closest to the root (the first on ties).
    pub(crate) fn top_of(&self, lo: usize, hi: usize) -> usize {
        (lo..hi).min_by_key(|&i| self.depth[i]).unwrap_or(lo)
    }

    /// The head of the noun phrase on tokens `lo..hi`: as [`Self::top_of`],
    /// but punctuation only when there is nothing else (a quotation mark the
    /// parse hangs on the verb is no head of `"Babel" sources`), and a name
    /// that the parse sets side by side with a common noun after it, only
    /// names between ("Babel" and "sources" both subjects of "said"), is a
    /// modifier of that noun, the head.
    pub(crate) fn phrase_head(&self, lo: usize, hi: usize) -> usize {
        let top = (lo..hi)
            .min_by_key(|&i| (self.punct[i], self.depth[i]))
            .unwrap_or(lo);
        let name = |i: usize| self.toks[i].pos.starts_with("NNP");
        if !name(top) {
            return top;
        }
        (top + 1..hi)
            .take_while(|&i| self.punct[i] || self.toks[i].pos.starts_with("NN"))
            .find(|&i| !self.punct[i] && !name(i))
            .filter(|&i| self.head[i] == self.head[top])
            .unwrap_or(top)
    }

    /// The lowest common ancestor of two tokens of one sentence ([`NONE`] across sentences).
    pub(crate) fn lca(&self, a: usize, b: usize) -> u32 {
        if self.sent[a] != self.sent[b] {
            return NONE;
        }
        let mut x = a as u32;
        while x != NONE && !self.under(b, x as usize) {
            x = self.head[x as usize];
        }
        x
    }

    /// The child of ancestor `anc` on the path down to `a` ([`NONE`] when `a == anc`).
    pub(crate) fn branch(&self, a: usize, anc: usize) -> u32 {
        let mut x = a as u32;
        let mut prev = NONE;
        while x != NONE && x as usize != anc {
            prev = x;
            x = self.head[x as usize];
        }
        prev
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(text: &str, word: &str, from: usize, head: Option<usize>, deprel: &str) -> Token {
        let start = text[from..].find(word).unwrap() + from;
        Token {
            span: Span::new(start, start + word.len()),
            lemma: word.to_lowercase(),
            pos: "X".into(),
            head,
            deprel: deprel.into(),
        }
    }

    #[test]
    fn tree_queries_and_quotes() {
        let text = "Kim said “it rained.”";
        let toks = vec![
            tok(text, "Kim", 0, Some(1), "nsubj"),
            tok(text, "said", 0, None, "root"),
            tok(text, "“", 0, Some(4), "punct"),
            tok(text, "it", 0, Some(4), "nsubj"),
            tok(text, "rained", 0, Some(1), "ccomp"),
            tok(text, ".", 0, Some(4), "punct"),
            tok(text, "”", 0, Some(4), "punct"),
        ];
        let sents = [Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..7,
        }];
        let v = DocView::new(text, &toks, &sents, &[]);
        assert!(v.under(3, 4) && v.under(3, 1) && !v.under(0, 4));
        assert_eq!(v.lca(0, 3), 1);
        assert_eq!(v.branch(3, 1), 4);
        assert_eq!(v.depth[3], 2);
        assert_eq!(v.quotes, vec![(2, 7)]);
        assert_eq!(v.quote[3], 0);
        assert_eq!(v.quote[1], NONE);
        assert_eq!(v.kids(4), &[2, 3, 5, 6]);
    }

    #[test]
    fn quotes_running_on_across_sentences() {
        let text = "\"One. Two.\" Three. \"Four.\n\"Five.\"";
        let words = [
            "\"", "One", ".", "Two", ".", "\"", "Three", ".", "\"", "Four", ".", "\"", "Five", ".",
            "\"",
        ];
        let mut at = 0;
        let toks: Vec<Token> = words
            .iter()
            .map(|w| {
                let t = tok(text, w, at, None, "root");
                at = t.span.end;
                t
            })
            .collect();
        let sents: Vec<Sentence> = [(0, 3), (3, 6), (6, 8), (8, 11), (11, 15)]
            .iter()
            .map(|&(lo, hi)| Sentence {
                span: toks[lo].span.cover(&toks[hi - 1].span),
                tokens: lo..hi,
            })
            .collect();
        let v = DocView::new(text, &toks, &sents, &[]);
        assert_eq!(v.quotes.len(), 3, "{:?}", v.quotes);
        assert!(v.quote_runs_on(0), "one passage over two sentences");
        assert!(!v.quote_runs_on(1) && !v.quote_runs_on(2));
        assert!(
            v.quote_runs_on(3),
            "an open quote re-opened in the next paragraph"
        );
        assert!(!v.quote_runs_on(4), "no sentence after the last");
    }

    #[test]
    fn bad_heads_are_cut() {
        let text = "a b c";
        let toks = vec![
            tok(text, "a", 0, Some(1), "x"),
            tok(text, "b", 0, Some(0), "x"),
            tok(text, "c", 0, Some(99), "x"),
        ];
        let sents = [Sentence {
            span: Span::new(0, 5),
            tokens: 0..3,
        }];
        let v = DocView::new(text, &toks, &sents, &[]);
        assert_eq!(v.head[2], NONE);
        assert!(v.head[0] == NONE || v.head[1] == NONE);
        for i in 0..3 {
            assert!(v.depth[i] <= 1);
        }
    }
}
