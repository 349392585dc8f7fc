//! Hostile plain text: what an article body can be made of when its author
//! (or its scraper) is careless or malicious.

use proptest::prelude::*;

/// Words and marks the tokenizer, the tagger, the mention rules and the
/// attribution cues react to, so that random text exercises them.
pub const WORDS: &[&str] = &[
    "said",
    "told",
    "says",
    "according",
    "to",
    "reported",
    "citing",
    "denied",
    "claimed",
    "added",
    "warned",
    "the",
    "The",
    "a",
    "minister",
    "ministry",
    "spokesman",
    "officials",
    "an",
    "official",
    "who",
    "asked",
    "not",
    "be",
    "named",
    "Reuters",
    "Wall",
    "Street",
    "Journal",
    "he",
    "she",
    "they",
    "it",
    "his",
    "could",
    "may",
    "might",
    "allegedly",
    "no",
    "evidence",
    "about",
    "more",
    "than",
    "up",
    "nearly",
    "1,500",
    "12",
    "10,000-12,000",
    "percent",
    "%",
    "$",
    "3.5",
    "million",
    "troops",
    "residents",
    "October",
    "8-13",
    "2024",
    "2024-10-08",
    "Monday",
    "last",
    "week",
    "ago",
    "of",
    "in",
    "on",
    "and",
    "that",
    "or",
    "but",
    ",",
    ".",
    "...",
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "’s",
    "'s",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    ":",
    ";",
    "?",
    "!",
    "\n",
    "\n\n",
    "\t",
    "Mr.",
    "Dr.",
    "U.S.",
    "Kyiv",
    "Pyongyang",
    "North",
    "Korea",
    "Korean",
    "Anna",
    "Berg",
    "Ministry",
    "Defence",
    "University",
    "😀",
    "é",
    "e\u{301}",
    "Türkiye",
    "Côte",
    "d'Ivoire",
    "Москва",
    "北京",
    "\u{200B}",
    "\u{FEFF}",
    "\u{FFFD}",
];

/// Characters a run of one character is made of: quote marks, dots, dashes,
/// letters, digits, spaces, line breaks, a combining mark, an emoji, a
/// zero-width space, brackets.
pub const RUN_CHARS: &[&str] = &[
    "\"", "“", "”", "'", "’", ".", ",", "—", "-", "a", "A", "9", " ", "\n", "\r\n", "\u{301}",
    "😀", "\u{200B}", "(", ")", "<", "&", "$", "%",
];

/// A length that is usually small and sometimes large: most cases stay fast,
/// some reach the sizes where a quadratic step or a recursion shows.
pub fn length(max: usize) -> BoxedStrategy<usize> {
    let max = max.max(2);
    prop_oneof![
        8 => 1..max.min(32),
        3 => 1..max.min(1_000),
        1 => 1..max,
    ]
    .boxed()
}

/// A sentence of [`WORDS`], spaced as words usually are.
pub fn sentence() -> BoxedStrategy<String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..40)
        .prop_map(|words| words.join(" "))
        .boxed()
}

/// Paragraphs of news-like sentences: a headline, a source, a cue, a quote.
pub fn news() -> BoxedStrategy<String> {
    let line = prop_oneof![
        sentence(),
        (name(), sentence()).prop_map(|(n, s)| format!("{n} said {s}.")),
        (sentence(), name()).prop_map(|(s, n)| format!("“{s},” {n} told reporters.")),
        (name(), sentence()).prop_map(|(n, s)| format!("According to {n}, {s}.")),
        (name(), name(), sentence())
            .prop_map(|(a, b, s)| format!("{a} reported, citing {b}, that {s}.")),
    ];
    prop::collection::vec(prop::collection::vec(line, 1..6), 1..6)
        .prop_map(|paragraphs| {
            paragraphs
                .iter()
                .map(|p| p.join(" "))
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .boxed()
}

/// A capitalized name from syllables ("Marovia", "Anna Kestrel"), one to three words.
pub fn name() -> BoxedStrategy<String> {
    const SYLLABLES: &[&str] = &[
        "ma", "ro", "vi", "a", "kes", "tri", "an", "berg", "lin", "do", "pel", "is", "burg", "nor",
        "th", "gate", "el", "o", "ya", "ng",
    ];
    let word = prop::collection::vec(prop::sample::select(SYLLABLES), 1..4).prop_map(|s| {
        let w = s.concat();
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    });
    prop::collection::vec(word, 1..4)
        .prop_map(|w: Vec<String>| w.join(" "))
        .boxed()
}

/// One character (or a short sequence) repeated up to `max` times.
pub fn run_of_one_character(max: usize) -> BoxedStrategy<String> {
    (prop::sample::select(RUN_CHARS), length(max))
        .prop_map(|(c, n)| c.repeat(n))
        .boxed()
}

/// One sentence that never ends: clauses joined by "and", commas and "that",
/// with no full stop, repeated up to `max` times (thousands of tokens).
pub fn huge_sentence(max: usize) -> BoxedStrategy<String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..12),
        prop::sample::select(&[" and ", ", ", " that ", " said ", " “", "” "][..]),
        length(max),
    )
        .prop_map(|(clause, join, n)| {
            let clause: Vec<&str> = clause
                .into_iter()
                .filter(|w| !matches!(*w, "." | "?" | "!" | "..." | "\n" | "\n\n"))
                .collect();
            vec![clause.join(" "); n].join(join)
        })
        .boxed()
}

/// Up to `max` distinct names, listed, as sources and with titles: many entities.
pub fn many_entities(max: usize) -> BoxedStrategy<String> {
    (
        prop::collection::vec(name(), 1..64),
        length(max),
        prop::sample::select(&[", ", " and ", " said ", " told ", " of the Ministry of "][..]),
    )
        .prop_map(|(names, n, join)| {
            (0..n)
                .map(|i| format!("{} {}", names[i % names.len()], i))
                .collect::<Vec<_>>()
                .join(join)
        })
        .boxed()
}

/// Up to `max` quotations: straight and curly, nested, unbalanced, with and
/// without cues between them.
pub fn many_quotes(max: usize) -> BoxedStrategy<String> {
    let quote = prop_oneof![
        sentence().prop_map(|s| format!("\"{s},\" he said. ")),
        sentence().prop_map(|s| format!("“{s}” ")),
        sentence().prop_map(|s| format!("“{s} ‘{s}’ {s}”, she said, ")),
        sentence().prop_map(|s| format!("“{s} ")),
        sentence().prop_map(|s| format!("{s}” ")),
        sentence().prop_map(|s| format!("'{s}' ")),
        Just("\"\"\" ".to_string()),
        Just("“‘“‘ ".to_string()),
    ];
    (prop::collection::vec(quote, 1..16), length(max))
        .prop_map(|(quotes, n)| (0..n).map(|i| quotes[i % quotes.len()].as_str()).collect())
        .boxed()
}

/// Figures and dates packed together: quantities, ranges, money, percentages, days.
pub fn many_figures(max: usize) -> BoxedStrategy<String> {
    let figure = prop_oneof![
        (1u32..100_000).prop_map(|n| format!("{n} troops")),
        (1u32..1000, 1u32..1000).prop_map(|(a, b)| format!("between {a} and {b}")),
        (0u32..100).prop_map(|n| format!("{n}.5 percent")),
        (1u32..100).prop_map(|n| format!("${n} million")),
        (1u32..29, 1u32..13).prop_map(|(d, m)| format!("2024-{m:02}-{d:02}")),
        Just("on Monday, last week, three days ago".to_string()),
        Just("1,000 / 1,500 / 12,000".to_string()),
    ];
    (prop::collection::vec(figure, 1..16), length(max))
        .prop_map(|(figures, n)| {
            (0..n)
                .map(|i| figures[i % figures.len()].as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .boxed()
}

/// Any Unicode scalar values, controls and private use included, up to `max` of them.
pub fn arbitrary(max: usize) -> BoxedStrategy<String> {
    prop::collection::vec(any::<char>(), 0..max.max(1))
        .prop_map(|c| c.into_iter().collect())
        .boxed()
}

/// Hostile text: one to six blocks of the kinds above, each at most about
/// `max` characters or repetitions, joined by spaces, line breaks or nothing.
pub fn hostile(max: usize) -> BoxedStrategy<String> {
    let block = prop_oneof![
        4 => news(),
        1 => run_of_one_character(max),
        1 => huge_sentence(max / 32),
        1 => many_entities(max / 16),
        1 => many_quotes(max / 32),
        1 => many_figures(max / 16),
        1 => arbitrary(max.min(512)),
    ];
    (
        prop::collection::vec(block, 1..6),
        prop::sample::select(&[" ", "\n", "\n\n", ""][..]),
    )
        .prop_map(|(blocks, join)| blocks.join(join))
        .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    /// The generators reach the sizes they are for, not only small cases.
    #[test]
    fn large_inputs_are_generated() {
        let mut runner = TestRunner::deterministic();
        let strategy = hostile(20_000);
        let longest = (0..400)
            .map(|_| strategy.new_tree(&mut runner).unwrap().current().len())
            .max()
            .unwrap();
        assert!(longest > 10_000, "longest {longest}");
    }
}
