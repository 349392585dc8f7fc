//! The whole analyzer's fuzz target: hostile text (`hearsay-hostile`: long
//! runs of one character, huge single sentences, many entities, many quotes,
//! dense figures), arbitrary Unicode and arbitrary bytes, for a time budget
//! (`HEARSAY_FUZZ_SECONDS`, 15 s by default; `.ci/run` runs it).
//!
//! On an ordinary 2 MiB thread, as the CLI's analysis threads are. For every
//! input: no panic; every span of every layer inside the text and on character
//! boundaries, every token index inside the tokens; and the same analysis from
//! a second analyzer loaded on its own and from the first one again, whatever
//! either analyzed before.

use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, Document, Span};
use hearsay_hostile::{fuzz, text};
use proptest::prelude::*;
use std::ops::Range;

/// A document: hostile text, any Unicode or any bytes (decoded as a reader
/// would), with or without a headline and a date.
fn document() -> impl Strategy<Value = Document> {
    let body = prop_oneof![
        4 => text::hostile(20_000),
        1 => "\\PC{0,2000}",
        1 => prop::collection::vec(any::<u8>(), 0..2_000)
            .prop_map(|b| String::from_utf8_lossy(&b).replace('\0', "\u{FFFD}")),
    ];
    (body, any::<bool>(), any::<bool>()).prop_map(|(text, titled, dated)| {
        let mut doc = Document::new(text);
        if titled {
            doc.title = doc.text.lines().next().map(str::to_string);
        }
        if dated {
            doc.published = Some("2024-10-08".into());
        }
        doc
    })
}

/// Where `a` breaks its promises about offsets, in words.
fn misplaced(a: &Analysis) -> Vec<String> {
    let text = a.text();
    let mut out = Vec::new();
    let mut span = |what: &str, s: &Span| {
        if !(s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end))
        {
            out.push(format!("{what} {s:?} of a text of {} bytes", text.len()));
        }
    };
    for (i, t) in a.tokens.iter().enumerate() {
        span(&format!("token {i}"), &t.span);
    }
    for s in &a.sentences {
        span("sentence", &s.span);
    }
    for n in &a.ner {
        span("NER span", &n.span);
    }
    for e in &a.entities {
        for m in &e.mentions {
            span(&format!("mention of {}", e.id), &m.span);
        }
    }
    for at in &a.attributions {
        span(&format!("cue of {}", at.id), &at.cue.span);
        if let Some(s) = &at.source {
            span(&format!("source of {}", at.id), &s.span);
        }
        for c in &at.content {
            span(&format!("content of {}", at.id), c);
        }
        for v in &at.via {
            span(&format!("via of {}", at.id), &v.span);
        }
        if let Some(h) = &at.hedge {
            span(&format!("hedge of {}", at.id), &h.span);
            span(&format!("hedge scope of {}", at.id), &h.scope);
        }
    }
    for q in &a.quantities {
        span("quantity", &q.span);
    }
    for t in &a.times {
        span("time", &t.span);
    }
    for h in &a.hedges {
        span("hedge", &h.span);
        span("hedge scope", &h.scope);
    }
    for f in &a.flags {
        for m in &f.mentions {
            span("flag", m);
        }
    }
    let n = a.tokens.len();
    let mut range = |what: &str, r: &Range<usize>| {
        if r.start > r.end || r.end > n {
            out.push(format!("{what} tokens {r:?} of {n}"));
        }
    };
    for s in &a.sentences {
        range("sentence", &s.tokens);
    }
    for s in &a.ner {
        range("NER span", &s.tokens);
    }
    for e in &a.entities {
        for m in &e.mentions {
            range(&format!("mention of {}", e.id), &m.tokens);
        }
    }
    for (i, t) in a.tokens.iter().enumerate() {
        if t.head.is_some_and(|h| h >= n) {
            out.push(format!("token {i} has head {:?} of {n}", t.head));
        }
    }
    out
}

/// The first layer in which `a` and `b` differ.
fn first_difference(a: &Analysis, b: &Analysis) -> Option<&'static str> {
    let layers = [
        ("document", a.document == b.document),
        ("analyzer", a.analyzer == b.analyzer),
        ("sentences", a.sentences == b.sentences),
        ("tokens", a.tokens == b.tokens),
        ("ner", a.ner == b.ner),
        ("entities", a.entities == b.entities),
        ("attributions", a.attributions == b.attributions),
        ("quantities", a.quantities == b.quantities),
        ("times", a.times == b.times),
        ("hedges", a.hedges == b.hedges),
        ("flags", a.flags == b.flags),
    ];
    layers.iter().find(|(_, same)| !same).map(|(name, _)| *name)
}

#[test]
fn the_analyzer_takes_hostile_text() {
    let first = Analyzer::new().expect("the shipped models load");
    let second = Analyzer::new().expect("the shipped models load");
    fuzz("analyzer", document(), |doc| {
        let a = first.analyze(doc.clone());
        let wrong = misplaced(&a);
        prop_assert!(wrong.is_empty(), "{}", wrong.join("; "));
        let b = second.analyze(doc.clone());
        prop_assert_eq!(first_difference(&a, &b), None, "another analyzer differs");
        let again = first.analyze(doc);
        prop_assert_eq!(first_difference(&a, &again), None, "a second run differs");
        Ok(())
    });
}
