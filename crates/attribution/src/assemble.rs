//! From tagged token ranges to [`Attribution`]s: spans in bytes, the cue's
//! lemma, and the kind of attribution.

use crate::role::Roles;
use crate::view::{DocView, NONE};
use hearsay_core::{Attribution, AttributionKind, Cue, Source, SourceKind};

/// Cue lemmas of beliefs, intentions and other non-speech cues.
const NON_SPEECH: &[&str] = &[
    "think", "believe", "want", "hope", "plan", "expect", "fear", "feel", "know", "wish", "intend",
    "seek", "worry", "doubt", "suspect", "assume", "see", "consider", "support", "oppose", "favor",
    "prefer", "like", "love", "hate", "need", "aim", "try", "vow",
];

/// The lemma of a cue: "according to" for the prepositional cue, the head's lemma otherwise.
pub(crate) fn cue_lemma(v: &DocView, lo: usize, hi: usize) -> String {
    let head = v.top_of(lo, hi);
    if v.form(lo).eq_ignore_ascii_case("according") && hi > lo + 1 {
        return "according to".into();
    }
    let lemma = v.lemma_str(head);
    if lemma.is_empty() {
        v.form(head).to_lowercase()
    } else {
        lemma.to_lowercase()
    }
}

/// Share of the content's word tokens that lie inside double quotes.
fn quoted_share(v: &DocView, content: &[(usize, usize)]) -> f32 {
    let (mut inside, mut words) = (0usize, 0usize);
    for &(a, b) in content {
        for i in a..b {
            if !v.punct[i] {
                words += 1;
                inside += usize::from(v.quote[i] != NONE);
            }
        }
    }
    if words == 0 {
        0.0
    } else {
        inside as f32 / words as f32
    }
}

/// What kind of attribution a cue and its content make.
fn kind_of(v: &DocView, lemma: &str, cue: (usize, usize), roles: &Roles) -> AttributionKind {
    let title = v.para[cue.0] == 0 && v.para.last().is_some_and(|&p| p > 0);
    if title && v.punct[v.top_of(cue.0, cue.1)] {
        return AttributionKind::Headline;
    }
    if lemma == "according to" {
        return AttributionKind::AccordingTo;
    }
    let q = quoted_share(v, &roles.content);
    if q >= 0.9 {
        AttributionKind::Direct
    } else if q >= 0.2 {
        AttributionKind::Mixed
    } else if title {
        AttributionKind::Headline
    } else if NON_SPEECH.contains(&lemma) {
        AttributionKind::Other
    } else {
        AttributionKind::Indirect
    }
}

/// Build the attribution of one cue, or `None` when it has no content.
pub(crate) fn build(
    v: &DocView,
    cue: (usize, usize),
    roles: &Roles,
    id: usize,
    confidence: f32,
) -> Option<Attribution> {
    if roles.content.is_empty() {
        return None;
    }
    let lemma = cue_lemma(v, cue.0, cue.1);
    let kind = kind_of(v, &lemma, cue, roles);
    Some(Attribution {
        id: format!("a{id}"),
        kind,
        cue: Cue {
            span: v.span_of(cue.0, cue.1),
            lemma,
        },
        source: roles.source.map(|(a, b)| Source {
            span: v.span_of(a, b),
            entity: None,
            kind: SourceKind::Unknown,
            role: None,
            cue_source: None,
        }),
        content: roles
            .content
            .iter()
            .map(|&(a, b)| v.span_of(a, b))
            .collect(),
        via: Vec::new(),
        hedge: None,
        confidence,
    })
}
