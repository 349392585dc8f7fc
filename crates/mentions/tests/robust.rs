//! Any text is safe input: the mention stage never panics, and every span it
//! writes lies on character boundaries inside the text.

use hearsay_core::{Analysis, Document, NerSpan, Sentence, Span, Stage, Token};
use hearsay_mentions::MentionStage;
use proptest::prelude::*;
use std::sync::OnceLock;

fn stage() -> &'static MentionStage {
    static STAGE: OnceLock<MentionStage> = OnceLock::new();
    STAGE.get_or_init(|| MentionStage::new().expect("embedded data compiles"))
}

fn check_spans(a: &Analysis) -> Result<(), TestCaseError> {
    let t = a.text();
    let ok = |s: &Span| {
        s.start <= s.end
            && s.end <= t.len()
            && t.is_char_boundary(s.start)
            && t.is_char_boundary(s.end)
    };
    for e in &a.entities {
        prop_assert!(!e.id.is_empty() && !e.mentions.is_empty());
        for m in &e.mentions {
            prop_assert!(ok(&m.span), "entity span {:?}", m.span);
        }
    }
    for q in &a.quantities {
        prop_assert!(ok(&q.span));
    }
    for x in &a.times {
        prop_assert!(ok(&x.span));
    }
    for h in &a.hedges {
        prop_assert!(ok(&h.span) && ok(&h.scope));
    }
    for f in &a.flags {
        for s in &f.mentions {
            prop_assert!(ok(s));
        }
    }
    Ok(())
}

/// Words the rules react to, so random text exercises them.
const VOCAB: &[&str] = &[
    "North",
    "Korea",
    "DPRK",
    "Pyongyang",
    "(",
    ")",
    "known",
    "as",
    "GUR",
    "WSJ",
    "The",
    "the",
    "newspaper",
    "said",
    "Yang",
    "Young",
    "Benjamin",
    "1,500",
    "12",
    "thousand",
    "thousands",
    "of",
    "soldiers",
    "between",
    "and",
    "up",
    "to",
    "more",
    "than",
    "$",
    "%",
    "percent",
    "October",
    "8-13",
    "May",
    "may",
    "2024",
    "last",
    "week",
    "on",
    "Monday",
    "ago",
    "three",
    "days",
    "is",
    "likely",
    "could",
    "not",
    "n't",
    "denied",
    "no",
    "evidence",
    "South",
    "Korean",
    "intelligence",
    "Ministry",
    "University",
    "Fleet",
    ",",
    ".",
    "\"",
    "ʼs",
    "’",
    "—",
    "\n\n",
    "Kyiv",
    "in",
    "Jordan",
    "Jim",
    "President",
    "Mr.",
    "a",
    "few",
    "Tens",
    "2024-10-08",
    "10,000-12,000",
    "from",
    "Türkiye",
    "Côte",
    "d'Ivoire",
    "😀",
    "é",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_is_safe(text in "\\PC{0,200}") {
        let mut a = Analysis::empty(Document::new(text), "prop");
        stage().annotate(&mut a);
        check_spans(&a)?;
    }

    #[test]
    fn rule_words_in_any_order_are_safe(
        words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..60),
        published in proptest::option::of((1990i32..2030, 1u32..13, 1u32..29)),
    ) {
        let mut doc = Document::new(words.join(" "));
        doc.published = published.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
        let mut a = Analysis::empty(doc, "prop");
        stage().annotate(&mut a);
        check_spans(&a)?;
    }

    #[test]
    fn any_language_layers_are_safe(
        words in proptest::collection::vec(proptest::sample::select(VOCAB), 1..40),
        ner in proptest::collection::vec((0usize..45, 0usize..45, 0usize..5), 0..6),
        pos in proptest::collection::vec(proptest::sample::select(&["NNP", "NN", "JJ", "MD", "DT", "CD", ""][..]), 40),
    ) {
        let text = words.join(" ");
        let mut a = Analysis::empty(Document::new(text.clone()), "prop");
        let mut at = 0;
        for (i, w) in words.iter().enumerate() {
            let start = text[at..].find(w).map_or(text.len(), |k| at + k);
            let end = (start + w.len()).min(text.len());
            a.tokens.push(Token {
                span: Span::new(start, end),
                lemma: w.to_lowercase(),
                pos: pos[i % pos.len()].to_string(),
                head: None,
                deprel: "dep".into(),
            });
            at = end;
        }
        let n = a.tokens.len();
        a.sentences.push(Sentence { span: Span::new(0, text.len()), tokens: 0..n });
        let labels = ["PERSON", "ORGANIZATION", "LOCATION", "MISC", "DATE"];
        for (s, e, l) in ner {
            let (s, e) = (s.min(n), e.min(n));
            let span = if s < e { a.tokens[s].span.cover(&a.tokens[e - 1].span) } else { Span::default() };
            a.ner.push(NerSpan { tokens: s..e, span, label: labels[l].into() });
        }
        stage().annotate(&mut a);
        check_spans(&a)?;
    }
}
