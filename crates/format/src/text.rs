//! A readable report: the document, then each claim as source — cue —
//! content with its chain and hedge, then entities, numbers, dates and flags.

use hearsay_core::{Analysis, Attribution, Certainty, Hedge, HedgeKind, SourceKind, Span};
use std::fmt::Write;

/// The report for one document.
pub fn render(a: &Analysis, name: &str) -> String {
    let text = a.text();
    let d = &a.document;
    let mut out = String::new();
    let w = &mut out;
    line(w, d.title.as_deref().unwrap_or(name));
    let about: Vec<&str> = [
        d.byline.as_deref(),
        d.outlet.as_deref(),
        d.published.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !about.is_empty() {
        line(w, &about.join(" · "));
    }
    let language = match (&d.language, d.language_confidence) {
        (Some(l), Some(c)) => format!(" · {l} ({c:.2})"),
        (Some(l), None) => format!(" · {l}"),
        (None, _) => String::new(),
    };
    line(
        w,
        &format!(
            "{} · {} words{language} · {}{}",
            d.id.short(),
            text.split_whitespace().count(),
            d.path.as_deref().unwrap_or("-"),
            if a.analyzer.is_empty() {
                String::new()
            } else {
                format!(" · {}", a.analyzer)
            }
        ),
    );
    line(w, "");
    if a.unsupported_language() {
        line(
            w,
            "Claims: not analyzed (the language is not English; see the flags)",
        );
    } else if a.attributions.is_empty() {
        line(w, "Claims: none found");
    } else {
        line(w, &format!("Claims ({})", a.attributions.len()));
        for (i, at) in a.attributions.iter().enumerate() {
            claim(w, a, i + 1, at);
        }
    }
    if !a.entities.is_empty() {
        line(w, "");
        line(w, &format!("Entities ({})", a.entities.len()));
        for e in &a.entities {
            let mut forms: Vec<&str> = e.mentions.iter().map(|m| slice(text, m.span)).collect();
            forms.sort_unstable();
            forms.dedup();
            line(
                w,
                &format!(
                    "  {} [{}, {}] ×{}: {}",
                    e.name,
                    snake(&e.etype),
                    snake(&e.kind),
                    e.mentions.len(),
                    forms.join(", ")
                ),
            );
        }
    }
    if !a.quantities.is_empty() {
        line(w, "");
        line(w, &format!("Quantities ({})", a.quantities.len()));
        for q in &a.quantities {
            let value = match (q.value, q.min, q.max) {
                (Some(v), _, _) => number(v),
                (None, Some(lo), Some(hi)) => format!("{}–{}", number(lo), number(hi)),
                (None, Some(lo), None) => format!("≥ {}", number(lo)),
                (None, None, Some(hi)) => format!("≤ {}", number(hi)),
                (None, None, None) => "?".to_string(),
            };
            line(
                w,
                &format!(
                    "  “{}” = {}{}{}",
                    flat(slice(text, q.span)),
                    if q.approximate { "~" } else { "" },
                    value,
                    q.unit
                        .as_deref()
                        .map(|u| format!(" {u}"))
                        .unwrap_or_default()
                ),
            );
        }
    }
    if !a.times.is_empty() {
        line(w, "");
        line(w, &format!("Dates ({})", a.times.len()));
        for t in &a.times {
            let when = match (&t.start_date, &t.end_date) {
                (Some(s), Some(e)) if s == e => s.clone(),
                (Some(s), Some(e)) => format!("{s}..{e}"),
                (Some(s), None) => format!("{s}.."),
                (None, Some(e)) => format!("..{e}"),
                (None, None) => "not placed".to_string(),
            };
            line(
                w,
                &format!(
                    "  “{}” = {} ({}, {})",
                    flat(slice(text, t.span)),
                    when,
                    snake(&t.granularity),
                    snake(&t.anchor)
                ),
            );
        }
    }
    if !a.hedges.is_empty() {
        line(w, "");
        let hedges: Vec<String> = a
            .hedges
            .iter()
            .map(|h| format!("“{}” ({})", flat(slice(text, h.span)), hedge_label(h)))
            .collect();
        line(
            w,
            &format!("Hedges ({}): {}", a.hedges.len(), hedges.join(", ")),
        );
    }
    if !a.flags.is_empty() {
        line(w, "");
        line(w, &format!("Flags ({})", a.flags.len()));
        for f in &a.flags {
            line(w, &format!("  {}: {}", snake(&f.kind), f.note));
        }
    }
    out
}

fn claim(w: &mut String, a: &Analysis, n: usize, at: &Attribution) {
    let text = a.text();
    // " = Canonical Name" after words that name an entity differently.
    let resolved = |entity: Option<&str>, words: &str| {
        entity
            .and_then(|id| a.entity(id))
            .filter(|e| !e.name.eq_ignore_ascii_case(words))
            .map(|e| format!(" = {}", e.name))
            .unwrap_or_default()
    };
    let source = match &at.source {
        Some(s) => {
            let resolved = resolved(s.entity.as_deref(), slice(text, s.span));
            format!(
                "{}{} [{}]",
                flat(slice(text, s.span)),
                resolved,
                kind(s.kind)
            )
        }
        None => "(no source)".to_string(),
    };
    let content: Vec<String> = at.content.iter().map(|c| flat(slice(text, *c))).collect();
    line(
        w,
        &format!(
            "{n:>3}. {source} — {} — “{}”",
            flat(slice(text, at.cue.span)),
            content.join(" … ")
        ),
    );
    if let Some(role) = at.source.as_ref().and_then(|s| s.role.as_deref()) {
        line(w, &format!("     role: {role}"));
    }
    if !at.via.is_empty() {
        let chain: Vec<String> = at
            .via
            .iter()
            .map(|v| {
                let cue = v
                    .cue
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default();
                format!(
                    "{}{} [{}{}]",
                    v.text,
                    resolved(v.entity.as_deref(), &v.text),
                    kind(v.kind),
                    cue
                )
            })
            .collect();
        line(w, &format!("     via: {}", chain.join(" → ")));
    }
    if let Some(h) = &at.hedge {
        line(
            w,
            &format!(
                "     hedge: “{}” ({})",
                flat(slice(text, h.span)),
                hedge_label(h)
            ),
        );
    }
}

fn hedge_label(h: &Hedge) -> String {
    marker_label(h.certainty, h.kind)
}

/// What a hedge marker does, as the text report shows it: its certainty for
/// hedges and evidentials ("possible", "second-hand, probable"), "negation" or
/// "denial" for polarity markers.
pub fn marker_label(certainty: Certainty, kind: HedgeKind) -> String {
    match kind {
        HedgeKind::Hedge => snake(&certainty),
        HedgeKind::Evidential => format!("second-hand, {}", snake(&certainty)),
        HedgeKind::Negation => "negation".into(),
        HedgeKind::Denial => "denial".into(),
    }
}

/// A source kind as the text report shows it ("news outlet").
pub fn kind(k: SourceKind) -> String {
    snake(&k).replace('_', " ")
}

/// The serde name of an enum value (`news_outlet`, `GPE`), as the JSON formats write it.
pub fn tag<T: serde::Serialize>(v: &T) -> String {
    snake(v)
}

/// The serde (snake_case) name of an enum value.
fn snake<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn slice(text: &str, span: Span) -> &str {
    crate::slice(text, span)
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line(w: &mut String, s: &str) {
    writeln!(w, "{s}").expect("writing to a String");
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::{AttributionKind, Certainty, Cue, Document, Source, ViaLink};

    #[test]
    fn polarity_markers_read_as_what_they_are() {
        let text = "It did not happen, officials denied, and it reportedly could.";
        let b = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let mut a = Analysis::empty(Document::new(text), "test");
        for (w, certainty, kind) in [
            ("not", Certainty::Certain, HedgeKind::Negation),
            ("denied", Certainty::Certain, HedgeKind::Denial),
            ("reportedly", Certainty::Probable, HedgeKind::Evidential),
            ("could", Certainty::Possible, HedgeKind::Hedge),
        ] {
            a.hedges.push(Hedge {
                span: b(w),
                certainty,
                kind,
                scope: b(text),
            });
        }
        let out = render(&a, "x");
        assert!(
            out.contains(
                "Hedges (4): “not” (negation), “denied” (denial), \
                 “reportedly” (second-hand, probable), “could” (possible)\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn a_claim_reads_source_cue_content_via_hedge() {
        let text = "The army could grow, a source told the newspaper.";
        let b = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let mut doc = Document::new(text);
        doc.title = Some("Army".into());
        let mut a = Analysis::empty(doc, "test");
        a.attributions.push(Attribution {
            id: "a1".into(),
            kind: AttributionKind::Indirect,
            cue: Cue {
                span: b("told the newspaper"),
                lemma: "tell".into(),
            },
            source: Some(Source {
                span: b("a source"),
                entity: None,
                kind: SourceKind::AnonymousPerson,
                role: None,
                cue_source: None,
            }),
            content: vec![b("The army could grow")],
            via: vec![ViaLink {
                span: b("the newspaper"),
                text: "the newspaper".into(),
                entity: Some("org:wsj".into()),
                kind: SourceKind::NewsOutlet,
                cue: Some("told".into()),
            }],
            hedge: Some(Hedge {
                span: b("could"),
                certainty: Certainty::Possible,
                kind: HedgeKind::Hedge,
                scope: b("The army could grow"),
            }),
            confidence: 0.8,
        });
        a.entities.push(hearsay_core::Entity {
            id: "org:wsj".into(),
            name: "The Wall Street Journal".into(),
            etype: hearsay_core::EntityType::Org,
            kind: hearsay_core::EntityKind::NewsOutlet,
            mentions: Vec::new(),
        });
        let out = render(&a, "x");
        assert!(out.starts_with("Army\n"), "{out}");
        assert!(
            out.contains(
                "  1. a source [anonymous person] — told the newspaper — “The army could grow”\n"
            ),
            "{out}"
        );
        assert!(
            out.contains("     via: the newspaper = The Wall Street Journal [news outlet, told]\n"),
            "{out}"
        );
        assert!(out.contains("     hedge: “could” (possible)\n"), "{out}");
    }

    #[test]
    fn a_thin_analysis_says_so() {
        let a = Analysis::empty(Document::new("Just text."), "test");
        assert!(render(&a, "x").contains("Claims: none found"));
    }
}
