//! A word-level view of a document that every mention finder works on.
//!
//! When the language stages have run, the words are their tokens (with POS and
//! parse); otherwise a small fallback splitter makes words and sentences from
//! the text, so the rules still run (without POS) on any input.

use hearsay_core::{Analysis, Span, Token};
use std::ops::Range;

/// Words of one document, their sentences, and a lower-cased copy of the text.
pub(crate) struct Words<'a> {
    /// The document text.
    pub text: &'a str,
    /// The text with ASCII letters lower-cased: same byte offsets as `text`.
    pub lower: String,
    /// Word spans in text order.
    pub spans: Vec<Span>,
    /// The language stages' tokens, when they ran (index `i` is word `i`).
    tokens: Option<&'a [Token]>,
    /// Sentences as word ranges.
    pub sentences: Vec<Range<usize>>,
    /// Sentence index of every word.
    sent_of: Vec<u32>,
}

impl<'a> Words<'a> {
    /// The words of an analysis: its tokens when there are any, else the fallback split.
    pub fn new(a: &'a Analysis) -> Self {
        let text = a.text();
        let lower = text.to_ascii_lowercase();
        let (spans, tokens, mut sentences) = if a.tokens.is_empty() {
            let spans = split(text);
            let sentences = split_sentences(text, &spans);
            (spans, None, sentences)
        } else {
            let spans: Vec<Span> = a.tokens.iter().map(|t| t.span).collect();
            let sentences = if a.sentences.is_empty() {
                split_sentences(text, &spans)
            } else {
                a.sentences.iter().map(|s| s.tokens.clone()).collect()
            };
            (spans, Some(a.tokens.as_slice()), sentences)
        };
        sentences.retain(|r| !r.is_empty() && r.end <= spans.len());
        let mut sent_of = vec![0u32; spans.len()];
        for (k, r) in sentences.iter().enumerate() {
            for s in &mut sent_of[r.clone()] {
                *s = k as u32;
            }
        }
        Words {
            text,
            lower,
            spans,
            tokens,
            sentences,
            sent_of,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Word `i` as written.
    pub fn w(&self, i: usize) -> &'a str {
        let s = self.spans[i];
        &self.text[s.start..s.end]
    }

    /// Word `i` with ASCII letters lower-cased.
    pub fn lw(&self, i: usize) -> &str {
        let s = self.spans[i];
        &self.lower[s.start..s.end]
    }

    /// Word `i` lower-cased, or "" past the end.
    pub fn lw_at(&self, i: usize) -> &str {
        if i < self.len() { self.lw(i) } else { "" }
    }

    /// Penn Treebank tag of word `i`, or "" when no tagger ran.
    pub fn pos(&self, i: usize) -> &'a str {
        self.tokens.map_or("", |t| t[i].pos.as_str())
    }

    /// The word word `i` depends on in the parse (None for the root, or without a parse).
    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens
            .and_then(|t| t[i].head)
            .filter(|&h| h < self.len())
    }

    /// The dependency relation of word `i` to its head, or "" without a parse.
    pub fn deprel(&self, i: usize) -> &'a str {
        self.tokens.map_or("", |t| t[i].deprel.as_str())
    }

    /// True when POS tags are available.
    pub fn has_pos(&self) -> bool {
        self.tokens
            .is_some_and(|t| t.first().is_some_and(|t| !t.pos.is_empty()))
    }

    /// True when the words are the language stages' tokens.
    pub fn are_tokens(&self) -> bool {
        self.tokens.is_some()
    }

    /// True when word `i` starts with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.w(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when word `i` is made of letters only (and inner hyphens or apostrophes).
    pub fn is_alpha(&self, i: usize) -> bool {
        let w = self.w(i);
        w.chars().next().is_some_and(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
    }

    /// Sentence index of word `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sent_of[i] as usize
    }

    /// True when word `i` is the first of its sentence.
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.sentences
            .get(self.sentence_of(i))
            .is_some_and(|r| r.start == i)
    }

    /// The words whose spans overlap `span`.
    pub fn covering(&self, span: Span) -> Range<usize> {
        let a = self.spans.partition_point(|s| s.end <= span.start);
        let b = self.spans.partition_point(|s| s.start < span.end);
        a..b.max(a)
    }

    /// The token range of the analysis for `span` (empty when no tokens exist).
    pub fn token_range(&self, span: Span) -> Range<usize> {
        if self.tokens.is_some() {
            self.covering(span)
        } else {
            0..0
        }
    }

    /// The span of words `r` (empty span at the end of the text for an empty range).
    pub fn span_of(&self, r: Range<usize>) -> Span {
        if r.is_empty() {
            let at = self.spans.get(r.start).map_or(self.text.len(), |s| s.start);
            return Span::new(at, at);
        }
        self.spans[r.start].cover(&self.spans[r.end - 1])
    }
}

/// Letters and digits; the modifier apostrophe U+02BC ("Koreaʼs") is a letter to
/// Unicode but punctuation to a reader.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && c != 'ʼ'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Split text into words: letter/digit runs (keeping inner `.`/`,` between digits,
/// inner hyphens, abbreviations like `U.S.`), clitics `'s` and `n't` apart, and
/// every other non-space character alone.
pub(crate) fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut k = 0;
    while k < n {
        let c = chars[k].1;
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if !is_word_char(c) {
            out.push(Span::new(byte(k), byte(k + 1)));
            k += 1;
            continue;
        }
        let start = k;
        let mut j = k + 1;
        loop {
            match at(j) {
                Some(c) if is_word_char(c) => j += 1,
                Some('.' | ',')
                    if at(j - 1).is_some_and(|p| p.is_ascii_digit())
                        && at(j + 1).is_some_and(|c| c.is_ascii_digit()) =>
                {
                    j += 2
                }
                Some('-' | '/') if at(j + 1).is_some_and(is_word_char) => j += 2,
                Some('.')
                    if at(j - 1).is_some_and(|p| p.is_uppercase())
                        && (j - start == 1 || at(j - 2) == Some('.'))
                        && at(j + 1).is_some_and(|c| c.is_uppercase())
                        && at(j + 2) == Some('.') =>
                {
                    j += 3
                }
                Some(c2)
                    if is_apostrophe(c2)
                        && at(j + 1).is_some_and(char::is_alphabetic)
                        && !matches!(at(j + 1), Some('s' | 'S'))
                        && !(matches!(at(j + 1), Some('t')) && at(j - 1) == Some('n')) =>
                {
                    j += 2
                }
                _ => break,
            }
        }
        // A final "." of an abbreviation like "U.S." or "Oct." stays on the word.
        if at(j) == Some('.')
            && (j - start == 1 || at(j - 2) == Some('.') || is_abbrev(&text[byte(start)..byte(j)]))
            && at(j - 1).is_some_and(char::is_alphabetic)
        {
            j += 1;
        }
        // "didn't" → "did" + "n't".
        let word = &text[byte(start)..byte(j)];
        if let Some(base) = word.strip_suffix('n')
            && !base.is_empty()
            && at(j).is_some_and(is_apostrophe)
            && at(j + 1) == Some('t')
            && !at(j + 2).is_some_and(is_word_char)
        {
            out.push(Span::new(byte(start), byte(j - 1)));
            out.push(Span::new(byte(j - 1), byte(j + 2)));
            k = j + 2;
            continue;
        }
        out.push(Span::new(byte(start), byte(j)));
        k = j;
        // Clitic "'s" as its own word.
        if at(k).is_some_and(is_apostrophe)
            && matches!(at(k + 1), Some('s' | 'S'))
            && !at(k + 2).is_some_and(is_word_char)
        {
            out.push(Span::new(byte(k), byte(k + 2)));
            k += 2;
        }
    }
    out
}

/// Abbreviations that keep their final period.
fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Adm"
            | "Sgt"
            | "St"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "No"
            | "Jr"
            | "Sr"
            | "vs"
            | "etc"
            | "approx"
            | "est"
    )
}

/// Sentences of the fallback split: a break after `.`/`!`/`?` (and closing quotes)
/// before an upper-case or quoted word, and at every blank line or line break.
fn split_sentences(text: &str, spans: &[Span]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..spans.len() {
        let next = spans.get(i + 1);
        let w = &text[spans[i].start..spans[i].end];
        let end_punct = matches!(w, "." | "!" | "?" | "…");
        let closing = matches!(w, "\"" | "”" | "’" | "'" | ")")
            && i > 0
            && matches!(&text[spans[i - 1].start..spans[i - 1].end], "." | "!" | "?");
        let newline = next.is_some_and(|n| text[spans[i].end..n.start].contains('\n'));
        let boundary = match next {
            None => true,
            Some(_) if newline => true,
            Some(n) if end_punct || closing => {
                let nt = &text[n.start..n.end];
                let attached_quote =
                    matches!(nt, "\"" | "”" | "’" | "'" | ")") && n.start == spans[i].end;
                !(end_punct && attached_quote)
                    && nt.chars().next().is_some_and(|c| {
                        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“')
                    })
            }
            Some(_) => false,
        };
        if boundary {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        split(t).iter().map(|s| s.text(t)).collect()
    }

    #[test]
    fn splits_clitics_numbers_and_abbreviations() {
        assert_eq!(
            words("North Koreaʼs 1,500 troops didn't go to the U.S. on Oct. 8-13."),
            [
                "North", "Korea", "ʼs", "1,500", "troops", "did", "n't", "go", "to", "the", "U.S.",
                "on", "Oct.", "8-13", "."
            ]
        );
    }

    #[test]
    fn splits_quotes_and_decimals() {
        assert_eq!(
            words("\"Babel\" sources: 12.5% (GUR)"),
            [
                "\"", "Babel", "\"", "sources", ":", "12.5", "%", "(", "GUR", ")"
            ]
        );
    }

    #[test]
    fn sentences_break_at_periods_and_lines() {
        let t = "He left. She came.\nHeadline here\n\"Quote.\" Then.";
        let s = split(t);
        let sents = split_sentences(t, &s);
        let texts: Vec<&str> = sents
            .iter()
            .map(|r| &t[s[r.start].start..s[r.end - 1].end])
            .collect();
        assert_eq!(
            texts,
            [
                "He left.",
                "She came.",
                "Headline here",
                "\"Quote.\"",
                "Then."
            ]
        );
    }
}
