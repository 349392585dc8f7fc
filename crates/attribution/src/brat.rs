//! brat standoff attributions: reading PolNeAR gold (writing is `hearsay_format::brat`).
//!
//! Reading follows `../shared/eval/score_attributions.py` exactly: only `E`
//! lines make attributions, `T` lines are looked up by id, `Content2`… merge into
//! the content, `Discard`/`Discuss`/`AnnotatorNotes` and malformed lines are
//! ignored. Offsets are Unicode code points.
//!
//! ```
//! use hearsay_attribution::brat::parse_ann;
//! let ann = "T1\tSource 0 3\tKim\nT2\tCue 4 8\tsaid\nT3\tContent 9 11;12 14\tno no\n\
//!            E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
//! let atts = parse_ann(ann);
//! assert_eq!(atts[0].source, [(0, 3)]);
//! assert_eq!(atts[0].content, [(9, 11), (12, 14)]);
//! ```

use hearsay_core::{Attribution, CharMap, Span};
use std::collections::HashMap;

/// A range of Unicode code points `start..end`.
pub type CharSpan = (usize, usize);

/// One attribution as brat spans (code points), per role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BratAttribution {
    /// Source spans (empty when there is no source).
    pub source: Vec<CharSpan>,
    /// Cue spans.
    pub cue: Vec<CharSpan>,
    /// Content spans.
    pub content: Vec<CharSpan>,
}

/// T-line types that are annotator bookkeeping.
const IGNORED_TYPES: [&str; 3] = ["Discard", "Discuss", "AnnotatorNotes"];

/// `T<digits>\t<type> <a> <b>[;<a> <b>]*` followed by a tab or the line end.
fn parse_t_line(line: &str) -> Option<(&str, &str, Vec<CharSpan>)> {
    let rest = line.strip_prefix('T')?;
    let tab = rest.find('\t')?;
    let (num, rest) = (&rest[..tab], &rest[tab + 1..]);
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let id = &line[..tab + 1];
    let type_end = rest.find(|c: char| c.is_whitespace())?;
    let (ttype, rest) = rest.split_at(type_end);
    let rest = rest.strip_prefix(' ')?;
    if ttype.is_empty() {
        return None;
    }
    let offs = rest.split('\t').next().unwrap_or("");
    let mut spans = Vec::new();
    for part in offs.split(';') {
        let (a, b) = part.split_once(' ')?;
        let num = |s: &str| {
            (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
                .then(|| s.parse::<usize>().ok())
                .flatten()
        };
        spans.push((num(a)?, num(b)?));
    }
    Some((id, ttype, spans))
}

/// Parse the attributions of a `.ann` file. Never fails: lines that are not
/// well-formed `T` or `E` lines are skipped, as the shared scorer does.
pub fn parse_ann(src: &str) -> Vec<BratAttribution> {
    let mut spans: HashMap<&str, Vec<CharSpan>> = HashMap::new();
    let mut events: Vec<&str> = Vec::new();
    for raw in src.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some((id, ttype, seg)) = parse_t_line(line) {
            if !IGNORED_TYPES.contains(&ttype) {
                spans.insert(id, seg);
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix('E')
            && let Some((num, args)) = rest.split_once('\t')
            && !num.is_empty()
            && num.bytes().all(|b| b.is_ascii_digit())
        {
            events.push(args);
        }
    }
    events
        .into_iter()
        .map(|args| {
            let mut att = BratAttribution::default();
            for arg in args.split_whitespace() {
                let Some((role, tid)) = arg.split_once(':') else {
                    continue;
                };
                if role == "Attribution" || role == "Attribution-no-source" {
                    continue;
                }
                let base = role.trim_end_matches(|c: char| c.is_ascii_digit());
                let slot = match base.to_lowercase().as_str() {
                    "source" => &mut att.source,
                    "cue" => &mut att.cue,
                    "content" => &mut att.content,
                    _ => continue,
                };
                if let Some(seg) = spans.get(tid) {
                    slot.extend_from_slice(seg);
                }
            }
            att
        })
        .collect()
}

/// Convert an attribution's byte spans into code-point spans. The source is
/// the one the cue names ([`hearsay_core::Source::cue_source`]), as PolNeAR annotates it.
pub fn to_brat(att: &Attribution, map: &CharMap) -> BratAttribution {
    let conv = |s: &Span| (map.char_of(s.start), map.char_of(s.end));
    BratAttribution {
        source: att
            .source
            .iter()
            .map(|s| conv(&s.cue_source.unwrap_or(s.span)))
            .collect(),
        cue: vec![conv(&att.cue.span)],
        content: att.content.iter().map(conv).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::{AttributionKind, Cue, Source, SourceKind};
    use proptest::prelude::*;

    #[test]
    fn follows_the_scorer_on_odd_lines() {
        let ann = "T1\tSource 0 3\tKim\r\nT2\tDiscard 4 8\tsaid\nT3\tContent 9 11\tno\n\
                   T4\tCue 4 8 trailing\n# note\nE1\tAttribution:T9 Cue:T2 Content:T3 Content2:T3 Source:T1 Other:T1\n\
                   E2\tCue:T5 Content:T3\n";
        let atts = parse_ann(ann);
        assert_eq!(atts.len(), 2);
        // T2 is a Discard line, T4 is malformed: the event has no cue.
        assert!(atts[0].cue.is_empty());
        assert_eq!(atts[0].content, [(9, 11), (9, 11)]);
        assert_eq!(atts[0].source, [(0, 3)]);
        assert!(atts[1].cue.is_empty());
    }

    #[test]
    fn converts_byte_spans_to_code_points() {
        let text = "Korea’s army said “no” today.";
        let b = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let att = Attribution {
            id: "a1".into(),
            kind: AttributionKind::Direct,
            cue: Cue {
                span: b("said"),
                lemma: "say".into(),
            },
            source: Some(Source {
                span: b("Korea’s army"),
                entity: None,
                kind: SourceKind::Organization,
                role: None,
                cue_source: None,
            }),
            content: vec![b("“no”")],
            via: Vec::new(),
            hedge: None,
            confidence: 1.0,
        };
        let b = to_brat(&att, &CharMap::new(text));
        assert_eq!(b.cue, [(13, 17)]);
        assert_eq!(b.source, [(0, 12)]);
        assert_eq!(b.content, [(18, 22)]);
    }

    proptest! {
        #[test]
        fn parsing_never_panics(s in "[TE0-9\t :;a-zA-Z\r\n-]{0,200}") {
            let _ = parse_ann(&s);
        }
    }
}
