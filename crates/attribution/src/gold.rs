//! Gold attributions placed on the tokens of an analysis: the training targets
//! of the cue and role taggers.

use crate::brat::BratAttribution;
use crate::view::DocView;
use hearsay_core::{CharMap, Span};

/// A gold attribution in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GoldSpans {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

impl GoldSpans {
    /// Convert code-point spans to byte spans of `text`.
    pub(crate) fn from_brat(b: &BratAttribution, map: &CharMap) -> Self {
        let conv = |v: &[(usize, usize)]| {
            v.iter()
                .map(|&(s, e)| Span::new(map.byte_of(s), map.byte_of(e)))
                .collect()
        };
        GoldSpans {
            source: conv(&b.source),
            cue: conv(&b.cue),
            content: conv(&b.content),
        }
    }
}

/// Does token `i` belong to a role with these spans? Words count when they
/// overlap a span, punctuation only when a span contains it.
fn hit(v: &DocView, i: usize, spans: &[Span]) -> bool {
    let t = v.toks[i].span;
    if v.punct[i] {
        spans.iter().any(|s| s.contains(&t))
    } else {
        spans.iter().any(|s| s.overlaps(&t))
    }
}

/// The cue's tokens as a range, or `None` when it covers no token.
pub(crate) fn cue_tokens(v: &DocView, g: &GoldSpans) -> Option<(usize, usize)> {
    let first = g.cue.iter().map(|s| s.start).min()?;
    let last = g.cue.iter().map(|s| s.end).max()?;
    let lo = v.toks.partition_point(|t| t.span.end <= first);
    let hi = v.toks.partition_point(|t| t.span.start < last);
    let hits: Vec<usize> = (lo..hi).filter(|&i| hit(v, i, &g.cue)).collect();
    Some((*hits.first()?, *hits.last()? + 1))
}

/// B/I/O cue labels of every token of the document.
pub(crate) fn cue_labels(v: &DocView, cues: &[(usize, usize)]) -> Vec<u8> {
    let mut y = vec![crate::cue::O; v.len()];
    for &(lo, hi) in cues {
        y[lo] = crate::cue::B;
        for x in &mut y[lo + 1..hi] {
            *x = crate::cue::I;
        }
    }
    y
}

/// O/SOURCE/CONTENT labels of the window tokens `lo..hi` for one attribution
/// whose cue is the token range `cue`.
pub(crate) fn role_labels(
    v: &DocView,
    g: &GoldSpans,
    cue: (usize, usize),
    lo: usize,
    hi: usize,
) -> Vec<u8> {
    (lo..hi)
        .map(|i| {
            if (cue.0..cue.1).contains(&i) {
                crate::role::O
            } else if hit(v, i, &g.source) {
                crate::role::S
            } else if hit(v, i, &g.content) {
                crate::role::C
            } else {
                crate::role::O
            }
        })
        .collect()
}
