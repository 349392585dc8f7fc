//! The tricky cases of news text, pinned.

use super::segment;

fn toks(text: &str) -> Vec<&str> {
    segment(text).tokens.iter().map(|s| s.text(text)).collect()
}

fn sents(text: &str) -> Vec<&str> {
    let seg = segment(text);
    seg.sentences
        .iter()
        .map(|r| seg.tokens[r.start].cover(&seg.tokens[r.end - 1]).text(text))
        .collect()
}

#[test]
fn clitics_with_every_apostrophe() {
    assert_eq!(toks("Koreaʼs army"), ["Korea", "ʼs", "army"]);
    assert_eq!(toks("Trump’s plan"), ["Trump", "’s", "plan"]);
    assert_eq!(toks("It's here"), ["It", "'s", "here"]);
    assert_eq!(
        toks("didn’t, can't, I’m, we'll, they’re, you've, she'd"),
        [
            "did", "n’t", ",", "ca", "n't", ",", "I", "’m", ",", "we", "'ll", ",", "they", "’re",
            ",", "you", "'ve", ",", "she", "'d"
        ]
    );
    assert_eq!(
        toks("O'Neill's voters' o’clock"),
        ["O'Neill", "'s", "voters", "'", "o’clock"]
    );
    assert_eq!(toks("cannot gonna"), ["can", "not", "gon", "na"]);
    assert_eq!(toks("the U.N.'s record"), ["the", "U.N.", "'s", "record"]);
    assert_eq!(toks("’cause the '90s"), ["’cause", "the", "'90s"]);
}

#[test]
fn quotes_and_dashes() {
    assert_eq!(
        toks("“Yes,” he said—loudly."),
        ["“", "Yes", ",", "”", "he", "said", "—", "loudly", "."]
    );
    assert_eq!(
        toks("\"No\" -- or ''maybe''"),
        ["\"", "No", "\"", "--", "or", "''", "maybe", "''"]
    );
    assert_eq!(
        toks("1990–2000 and well-known"),
        ["1990", "–", "2000", "and", "well-known"]
    );
    assert_eq!(
        toks("the ‘half.’” Then"),
        ["the", "‘", "half", ".", "’”", "Then"]
    );
    assert_eq!(
        toks("wait... what … . . . end"),
        ["wait", "...", "what", "…", ". . .", "end"]
    );
}

#[test]
fn abbreviations() {
    assert_eq!(
        toks("Sen. Warren met Gov. Brown on Sept. 11."),
        [
            "Sen.", "Warren", "met", "Gov.", "Brown", "on", "Sept.", "11", "."
        ]
    );
    assert_eq!(
        toks("Dr. No. 1 at Acme Inc. in the U.S. market"),
        [
            "Dr.", "No.", "1", "at", "Acme", "Inc.", "in", "the", "U.S.", "market"
        ]
    );
    assert_eq!(
        toks("George W. Bush at 5 p.m. today"),
        ["George", "W.", "Bush", "at", "5", "p.m.", "today"]
    );
    assert_eq!(
        toks("Schumer (D-N.Y.) and Paul (R-Ky.)"),
        [
            "Schumer", "(", "D-N.Y.", ")", "and", "Paul", "(", "R-Ky", ".", ")"
        ]
    );
    assert_eq!(toks("U.S.-Mexico border"), ["U.S.-Mexico", "border"]);
}

#[test]
fn final_abbreviation_gives_its_period_to_the_sentence() {
    let t = "They came to the U.S. The rest stayed.";
    assert_eq!(
        toks(t),
        [
            "They", "came", "to", "the", "U.S", ".", "The", "rest", "stayed", "."
        ]
    );
    assert_eq!(sents(t), ["They came to the U.S.", "The rest stayed."]);
    assert_eq!(sents("He met Sen. The Rock."), ["He met Sen. The Rock."]);
}

#[test]
fn numbers_with_separators() {
    assert_eq!(
        toks("1,500 troops, 12.5% and $3.2 million at 6:05"),
        [
            "1,500", "troops", ",", "12.5", "%", "and", "$", "3.2", "million", "at", "6:05"
        ]
    );
    assert_eq!(
        toks("on 9/11, 2,000,000 or 1,50"),
        ["on", "9/11", ",", "2,000,000", "or", "1", ",", "50"]
    );
    assert_eq!(toks("846.8million"), ["846.8", "million"]);
}

#[test]
fn urls_mail_handles_tags() {
    assert_eq!(
        toks("See https://t.co/abc?x=1. Or www.example.com/a."),
        [
            "See",
            "https://t.co/abc?x=1",
            ".",
            "Or",
            "www.example.com/a",
            "."
        ]
    );
    assert_eq!(
        toks("Mail lauren.weber@example.com, or @NolteNC #MAGA #2"),
        [
            "Mail",
            "lauren.weber@example.com",
            ",",
            "or",
            "@NolteNC",
            "#MAGA",
            "#",
            "2"
        ]
    );
    assert_eq!(
        toks("read Breitbart.com now"),
        ["read", "Breitbart.com", "now"]
    );
    assert_eq!(
        toks("x <tweet id=\"1\">hi</tweet>."),
        ["x", "<tweet id=\"1\">", "hi", "</tweet>", "."]
    );
    assert_eq!(toks("a < b and c>d"), ["a", "<", "b", "and", "c", ">", "d"]);
}

#[test]
fn whitespace_variants_separate_tokens() {
    assert_eq!(
        toks("Clinton\u{a0}was\u{200b}here\u{2009}now"),
        ["Clinton", "was", "here", "now"]
    );
    assert_eq!(toks("caf\u{e9} cafe\u{301}"), ["caf\u{e9}", "cafe\u{301}"]);
}

#[test]
fn sentences_across_quotes() {
    assert_eq!(
        sents("“We won.” Then he left! Why? “Because,” she said. (It rained.) Next."),
        [
            "“We won.”",
            "Then he left!",
            "Why?",
            "“Because,” she said.",
            "(It rained.)",
            "Next."
        ]
    );
    assert_eq!(
        sents("“Why?” he asked. Fine."),
        ["“Why?” he asked.", "Fine."]
    );
    assert_eq!(
        sents("He said \"go.\" She went."),
        ["He said \"go.\"", "She went."]
    );
}

#[test]
fn paragraphs_and_headlines() {
    assert_eq!(
        sents("Trump Wins Nomination\n\nThe vote was close. It ended\nlate.\n\nMore soon"),
        [
            "Trump Wins Nomination",
            "The vote was close.",
            "It ended\nlate.",
            "More soon"
        ]
    );
    // A paragraph ending in a colon introduces the next one.
    assert_eq!(sents("He said:\n\n“No.”"), ["He said:\n\n“No.”"]);
}

#[test]
fn empty_and_odd_inputs() {
    assert!(segment("").tokens.is_empty());
    assert!(segment(" \n\t ").sentences.is_empty());
    assert_eq!(toks("?!?"), ["?!?"]);
    assert_eq!(sents("..."), ["..."]);
    assert_eq!(toks("a'"), ["a", "'"]);
    assert_eq!(toks("'"), ["'"]);
}

/// The texts of a layout's parts: dateline (place, region, date, wire) and byline.
fn layout(text: &str) -> (Option<[Option<&str>; 5]>, Option<&str>) {
    let seg = segment(text);
    let cover =
        |r: &std::ops::Range<usize>| seg.tokens[r.start].cover(&seg.tokens[r.end - 1]).text(text);
    let d = seg.layout.dateline.as_ref().map(|d| {
        [
            Some(cover(&d.all)),
            Some(cover(&d.place)),
            d.region.as_ref().map(cover),
            d.date.as_ref().map(cover),
            d.wire.as_ref().map(cover),
        ]
    });
    (d, seg.layout.byline.as_ref().map(cover))
}

#[test]
fn datelines_are_found_with_their_parts() {
    let text = "Floods hit the valley\n\nBy Ann Lee\n\nBRAVOS, June 4 (Coast Wire) — Rivers rose, officials said.";
    assert_eq!(
        layout(text),
        (
            Some([
                Some("BRAVOS, June 4 (Coast Wire) —"),
                Some("BRAVOS"),
                None,
                Some("June 4"),
                Some("Coast Wire")
            ]),
            Some("By Ann Lee")
        )
    );
    let (d, _) = layout("Title\n\nSAN MARO, Velia, 12 Oct (VNS) -- It rained.");
    assert_eq!(
        d,
        Some([
            Some("SAN MARO, Velia, 12 Oct (VNS) --"),
            Some("SAN MARO"),
            Some("Velia"),
            Some("12 Oct"),
            Some("VNS")
        ])
    );
    let (d, _) = layout("Title\n\nTORVIK, N.D., Sept. 3 — It rained.");
    assert_eq!(d.unwrap()[2..4], [Some("N.D."), Some("Sept. 3")]);
    let (d, _) = layout("Title\n\nTORVIK — It rained.");
    assert_eq!(d.unwrap()[1], Some("TORVIK"));
}

#[test]
fn a_dateline_is_its_own_sentence() {
    assert_eq!(
        sents("Title\n\nTORVIK, May 2 (AP) — Two men were hurt, police said."),
        [
            "Title",
            "TORVIK, May 2 (AP) —",
            "Two men were hurt, police said."
        ]
    );
}

#[test]
fn no_dateline_in_body_text_or_headers() {
    // A capitalized header deep in the text, and a dash in an ordinary first line.
    let text = "Title\n\nThe council met on Monday and argued for hours about the budget again.\n\nTORVIK — It rained.";
    assert_eq!(layout(text).0, None);
    assert_eq!(layout("Title\n\nRain — and more rain.").0, None);
    assert_eq!(
        layout("Title\n\nTORVIK TOWN HALL HAS A NEW ROOF — Yes.").0,
        None
    );
    assert_eq!(layout("Title\n\nTORVIK —\nIt rained.").0, None);
}

#[test]
fn run_on_text_is_cut_into_bounded_sentences() {
    use super::sentences::MAX_TOKENS;
    for text in [
        "the officials said that ".repeat(2_000),
        format!("{}.", "a, b ".repeat(1_000)),
        format!("Done.{}", "”".repeat(5_000)),
    ] {
        let seg = segment(&text);
        assert!(
            seg.sentences.iter().all(|s| s.len() <= MAX_TOKENS),
            "{}",
            &text[..20]
        );
        assert_eq!(seg.sentences.first().map(|s| s.start), Some(0));
        assert!(seg.sentences.windows(2).all(|p| p[0].end == p[1].start));
        assert_eq!(seg.sentences.last().map(|s| s.end), Some(seg.tokens.len()));
    }
    // A long run breaks after a comma where there is one.
    let text = "a, b ".repeat(1_000);
    let seg = segment(&text);
    assert_eq!(seg.tokens[seg.sentences[0].end - 1].text(&text), ",");
}
