//! brat standoff: the attributions as `T` (text-bound) and `E` (event) lines,
//! as in the PolNeAR `.ann` files, with code-point offsets.
//!
//! ```text
//! T1<TAB>Source 10 19<TAB>officials
//! T2<TAB>Cue 20 24<TAB>said
//! T3<TAB>Content 0 8;30 40<TAB>It rained all week
//! E1<TAB>Attribution:T2 Cue:T2 Source:T1 Content:T3
//! ```

use hearsay_core::{Analysis, CharMap, Span};
use std::fmt::Write;

/// The `.ann` file of an analysis: one `E` line per attribution with its
/// `Source` (when there is one), `Cue` and `Content` `T` lines. Discontinuous
/// content is one `T` line with fragments joined by `;`; newlines and tabs in
/// span texts become spaces. Empty spans are left out (brat cannot hold them);
/// an attribution with no content text is left out.
pub fn render(a: &Analysis) -> String {
    let text = a.text();
    let map = CharMap::new(text);
    let mut out = String::new();
    let mut t = 0;
    let mut e = 0;
    let mut tline = |out: &mut String, label: &str, spans: &[Span]| -> String {
        t += 1;
        let offsets: Vec<String> = spans
            .iter()
            .map(|s| format!("{} {}", map.char_of(s.start), map.char_of(s.end)))
            .collect();
        let words: Vec<String> = spans
            .iter()
            .map(|s| crate::slice(text, *s).replace(['\n', '\r', '\t'], " "))
            .collect();
        writeln!(
            out,
            "T{t}\t{label} {}\t{}",
            offsets.join(";"),
            words.join(" ")
        )
        .expect("writing to a String");
        format!("T{t}")
    };
    for at in &a.attributions {
        let content: Vec<Span> = at
            .content
            .iter()
            .map(|s| s.trim(text))
            .filter(|s| !s.is_empty() && text.get(s.start..s.end).is_some())
            .collect();
        let cue = at.cue.span.trim(text);
        if content.is_empty() || cue.is_empty() || text.get(cue.start..cue.end).is_none() {
            continue;
        }
        let source = at
            .source
            .as_ref()
            .map(|s| s.cue_source.unwrap_or(s.span).trim(text))
            .filter(|s| !s.is_empty() && text.get(s.start..s.end).is_some())
            .map(|s| tline(&mut out, "Source", &[s]));
        let cue = tline(&mut out, "Cue", &[cue]);
        let content = tline(&mut out, "Content", &content);
        e += 1;
        let mut line = format!("E{e}\tAttribution:{cue} Cue:{cue}");
        if let Some(source) = source {
            line.push_str(&format!(" Source:{source}"));
        }
        line.push_str(&format!(" Content:{content}"));
        writeln!(out, "{line}").expect("writing to a String");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::{Attribution, AttributionKind, Cue, Document, Source, SourceKind};

    fn at(text: &str, source: Option<&str>, cue: &str, content: &[&str]) -> Attribution {
        let b = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        Attribution {
            id: "a".into(),
            kind: AttributionKind::Direct,
            cue: Cue {
                span: b(cue),
                lemma: cue.into(),
            },
            source: source.map(|s| Source {
                span: b(s),
                entity: None,
                kind: SourceKind::NamedPerson,
                role: None,
                cue_source: None,
            }),
            content: content.iter().map(|c| b(c)).collect(),
            via: vec![],
            hedge: None,
            confidence: 1.0,
        }
    }

    #[test]
    fn discontinuous_quote_with_code_point_offsets() {
        let text = "“Koreaʼs army,” Kim said, “is ready.\nSoon.”";
        let mut a = Analysis::empty(Document::new(text), "t");
        a.attributions.push(at(
            text,
            Some("Kim"),
            "said",
            &["Koreaʼs army", "is ready.\nSoon."],
        ));
        a.attributions.push(at(text, None, "said", &["is ready"]));
        assert_eq!(
            render(&a),
            "T1\tSource 16 19\tKim\n\
             T2\tCue 20 24\tsaid\n\
             T3\tContent 1 13;27 42\tKoreaʼs army is ready. Soon.\n\
             E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n\
             T4\tCue 20 24\tsaid\n\
             T5\tContent 27 35\tis ready\n\
             E2\tAttribution:T4 Cue:T4 Content:T5\n"
        );
    }

    #[test]
    fn empty_content_is_left_out() {
        let text = "Kim said.";
        let mut a = Analysis::empty(Document::new(text), "t");
        let mut x = at(text, Some("Kim"), "said", &[]);
        x.content.push(Span::new(8, 8));
        a.attributions.push(x);
        assert_eq!(render(&a), "");
    }
}
