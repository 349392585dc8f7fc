//! An article's text with its attributions marked: sources, cues and
//! contents in distinct colours, hedges and quantities on top. Marks may
//! overlap (a content holds a hedge, one claim's content holds another's
//! source), so the text is cut at every mark boundary and each piece carries
//! the classes of all the marks over it.

use super::html::esc;
use std::fmt::Write;

/// What a mark shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Who makes the claim.
    Source,
    /// The words marking the attribution.
    Cue,
    /// What is claimed.
    Content,
    /// A hedge, negation or denial marker.
    Hedge,
    /// A number with what it counts.
    Quantity,
}

impl Role {
    fn class(self) -> &'static str {
        match self {
            Role::Source => "src",
            Role::Cue => "cue",
            Role::Content => "con",
            Role::Hedge => "hedge",
            Role::Quantity => "qty",
        }
    }
}

/// A marked stretch of the text, in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// What it shows.
    pub role: Role,
    /// The attribution it belongs to (sources, cues and contents).
    pub attribution: Option<String>,
}

/// `text` as HTML with `marks`: pieces under an attribution's mark are links
/// to that claim (`#claim-ID`) carrying `data-a` (the attributions over it)
/// and, on sources, `data-src`; pieces under hedges or quantities only are spans.
pub fn render(text: &str, marks: &[Mark]) -> String {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = bytes.len() - 1;
    let marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < m.end && m.start < chars)
        .collect();
    let mut cuts: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.start, m.end.min(chars)])
        .chain([0, chars])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = esc(&text[bytes[a]..bytes[b]]);
        let mut over: Vec<&Mark> = marks
            .iter()
            .copied()
            .filter(|m| m.start <= a && m.end >= b)
            .collect();
        if over.is_empty() {
            out.push_str(&piece);
            continue;
        }
        over.sort_by_key(|m| m.role);
        let mut classes: Vec<&str> = over.iter().map(|m| m.role.class()).collect();
        classes.dedup();
        let mut ids: Vec<&str> = Vec::new();
        for m in &over {
            if let Some(id) = m.attribution.as_deref()
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        let sources: Vec<&str> = over
            .iter()
            .filter(|m| m.role == Role::Source)
            .filter_map(|m| m.attribution.as_deref())
            .collect();
        let class = classes.join(" ");
        match ids.first() {
            None => {
                let _ = write!(out, "<span class=\"mk {class}\">{piece}</span>");
            }
            Some(first) => {
                let _ = write!(
                    out,
                    "<a class=\"mk {class}\" href=\"#claim-{first}\" data-a=\"{}\"",
                    esc(&ids.join(" "))
                );
                if !sources.is_empty() {
                    let _ = write!(out, " data-src=\"{}\"", esc(&sources.join(" ")));
                }
                let _ = write!(out, ">{piece}</a>");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, role: Role, a: Option<&str>) -> Mark {
        Mark {
            start,
            end,
            role,
            attribution: a.map(String::from),
        }
    }

    #[test]
    fn overlapping_marks_cut_the_text_into_pieces_with_every_class() {
        // "NIS said troops could go." : source 0..3, cue 4..8, content 9..25, hedge 16..21.
        let text = "NIS said troops could go.";
        let html = render(
            text,
            &[
                mark(0, 3, Role::Source, Some("a1")),
                mark(4, 8, Role::Cue, Some("a1")),
                mark(9, 24, Role::Content, Some("a1")),
                mark(16, 21, Role::Hedge, None),
            ],
        );
        assert_eq!(
            html,
            "<a class=\"mk src\" href=\"#claim-a1\" data-a=\"a1\" data-src=\"a1\">NIS</a> \
             <a class=\"mk cue\" href=\"#claim-a1\" data-a=\"a1\">said</a> \
             <a class=\"mk con\" href=\"#claim-a1\" data-a=\"a1\">troops </a>\
             <a class=\"mk con hedge\" href=\"#claim-a1\" data-a=\"a1\">could</a>\
             <a class=\"mk con\" href=\"#claim-a1\" data-a=\"a1\"> go</a>."
        );
    }

    #[test]
    fn offsets_are_code_points_and_text_is_escaped() {
        let text = "Koreaʼs <b>1,500</b>";
        let html = render(text, &[mark(8, 20, Role::Quantity, None)]);
        assert_eq!(
            html,
            "Koreaʼs <span class=\"mk qty\">&lt;b&gt;1,500&lt;/b&gt;</span>"
        );
    }

    #[test]
    fn marks_beyond_the_text_or_empty_are_dropped() {
        let html = render(
            "abc",
            &[
                mark(2, 9, Role::Cue, Some("a1")),
                mark(1, 1, Role::Source, Some("a2")),
            ],
        );
        assert_eq!(
            html,
            "ab<a class=\"mk cue\" href=\"#claim-a1\" data-a=\"a1\">c</a>"
        );
    }
}
