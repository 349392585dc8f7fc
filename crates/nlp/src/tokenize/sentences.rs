//! Sentence splitting over scanned tokens: a sentence ends after final
//! punctuation (taking closing quotes and brackets with it) and at every
//! paragraph break, so a headline without a final period is its own sentence;
//! a dateline (`VELMORA, March 16 (Northgate Wire) —`) is a sentence of its own.
//! A run of more than [`MAX_TOKENS`] tokens without an end is cut (after a
//! comma, semicolon, colon or dash where there is one): every later stage
//! works sentence by sentence, and some of it grows with the square of a
//! sentence's length.

use super::scanner::{Kind, RawToken};
use std::ops::Range;

/// Longest sentence, in tokens. News sentences stay far below (the longest in
/// the PolNeAR texts has about 150).
pub const MAX_TOKENS: usize = 256;

/// Where to cut a sentence that reached [`MAX_TOKENS`] at token `i`: after the
/// last clause punctuation in its second half, else at `i`.
fn cut(text: &str, tokens: &[RawToken], start: usize, i: usize) -> usize {
    (start + MAX_TOKENS / 2..i)
        .rev()
        .find(|&k| {
            matches!(
                tokens[k - 1].span.text(text),
                "," | ";" | ":" | "—" | "–" | "-"
            )
        })
        .unwrap_or(i)
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(tok: &str) -> bool {
    matches!(
        tok,
        "”" | "’" | "''" | ")" | "]" | "}" | "»" | "›" | "’”" | "\"" | "'" | "ʼ"
    )
}

/// Split `tokens` (scanned from `text`) into sentences, as token index ranges;
/// `dateline_end` is the token after a dateline's dash.
pub(crate) fn split(
    text: &str,
    tokens: &[RawToken],
    dateline_end: Option<usize>,
    out: &mut Vec<Range<usize>>,
) {
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i > start && Some(i) == dateline_end {
            out.push(start..i);
            start = i;
        }
        if i - start >= MAX_TOKENS {
            let at = cut(text, tokens, start, i);
            out.push(start..at);
            start = at;
        }
        // A paragraph break ends a sentence, unless the paragraph ends with a colon
        // introducing what follows ("He said:" and the quote).
        if i > start && tokens[i].newlines >= 2 && tokens[i - 1].span.text(text) != ":" {
            out.push(start..i);
            start = i;
        }
        if tokens[i].kind == Kind::Final {
            let mut j = i + 1;
            while j < tokens.len() && j - start < MAX_TOKENS && tokens[j].newlines < 2 {
                let t = &tokens[j];
                let glued = t.span.start == tokens[j - 1].span.end;
                let s = t.span.text(text);
                // A straight quote is closing only when glued to what precedes it
                // and not to what follows.
                let closes = if t.kind == Kind::Tag {
                    s.starts_with("</")
                } else if matches!(s, "\"" | "'" | "''") {
                    glued
                        && tokens
                            .get(j + 1)
                            .is_none_or(|n| n.span.start > t.span.end || n.kind == Kind::Punct)
                } else {
                    is_closer(s)
                };
                if !closes {
                    break;
                }
                j += 1;
            }
            // "?" or "!" inside a quote followed by a lower-case word keeps going
            // ("“Why?” he asked."), as does punctuation glued to a following word.
            let next = tokens.get(j);
            let continues = next.is_some_and(|n| {
                n.newlines == 0
                    && (j == i + 1 && n.span.start == tokens[i].span.end && n.kind == Kind::Word
                        || j > i + 1
                            && text[tokens[i].span.start..].starts_with(['?', '!'])
                            && n.span.text(text).starts_with(|c: char| c.is_lowercase()))
            });
            if !continues {
                out.push(start..j);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
}
