//! Attributions fixed by typography rather than grammar, found by rules:
//!
//! * attribution lines: a quotation followed by a dash and the speaker's name
//!   at the end of the line (`“We will win.” ― Jane Doe`), the convention of
//!   pull quotes and reader-comment lists, absent from the training data;
//! * headlines that name their source before a colon (`WSJ: There was …`).

use crate::role::Roles;
use crate::view::{DocView, NONE};

/// Labels a headline or paragraph puts before a colon that name the genre of
/// the piece, not a source ("Report: …", "Analysis: …", "Breaking: …").
const GENRE_LABELS: &[&str] = &[
    "report",
    "reports",
    "analysis",
    "exclusive",
    "opinion",
    "update",
    "updated",
    "breaking",
    "watch",
    "live",
    "explainer",
    "factbox",
    "timeline",
    "video",
    "photos",
    "photo",
    "gallery",
    "interview",
    "editorial",
    "comment",
    "commentary",
    "review",
    "feature",
    "podcast",
    "column",
    "fact",
    "check",
    "news",
    "latest",
    "special",
    "insight",
    "graphic",
    "graphics",
    "q&a",
    "quiz",
    "correction",
    "obituary",
    "profile",
    "listen",
    "read",
    "more",
    "urgent",
    "alert",
    "just",
    "in",
    "new",
    "first",
    "look",
    "focus",
    "spotlight",
    "preview",
    "recap",
    "wrap",
];

/// Is the cue `cue` a colon whose source is only a genre label ("Report:",
/// "Breaking news:")? Such a colon attributes nothing.
pub(crate) fn labelled(v: &DocView, cue: (usize, usize), source: Option<(usize, usize)>) -> bool {
    if !(cue.0..cue.1).all(|i| v.punct[i]) || !(cue.0..cue.1).any(|i| v.form(i) == ":") {
        return false;
    }
    // The words before the colon on its line, or the tagged source when there is one.
    let (a, b) = source.unwrap_or_else(|| {
        let (slo, _) = v.sents[v.sent[cue.0] as usize];
        (slo as usize, cue.0)
    });
    let words: Vec<String> = (a..b)
        .filter(|&i| !v.punct[i])
        .map(|i| v.form(i).to_lowercase())
        .collect();
    !words.is_empty() && words.iter().all(|w| GENRE_LABELS.contains(&w.as_str()))
}

/// Most tokens a speaker's name (with a short affiliation) may have.
const MAX_NAME: usize = 10;

fn is_dash(s: &str) -> bool {
    matches!(s, "\u{2015}" | "\u{2014}")
}

/// Every attribution line of the document: the dash (the cue) and its roles.
pub(crate) fn find(v: &DocView) -> Vec<((usize, usize), Roles)> {
    let mut out = Vec::new();
    for d in 1..v.len() {
        if !is_dash(v.form(d)) {
            continue;
        }
        // The quotation must end right before the dash (a period may sit between).
        let before = if v.punct[d - 1] && v.quote[d - 1] == NONE && d >= 2 {
            d - 2
        } else {
            d - 1
        };
        let q = v.quote[before];
        if q == NONE || v.quotes[q as usize].1 as usize != before + 1 {
            continue;
        }
        // The name runs from the dash to the end of the line.
        let line_end = v.text[v.toks[d].span.end..]
            .find('\n')
            .map_or(v.text.len(), |i| v.toks[d].span.end + i);
        let mut end = d + 1;
        while end < v.len() && v.toks[end].span.start < line_end && end - d <= MAX_NAME {
            end += 1;
        }
        while end > d + 1 && v.punct[end - 1] {
            end -= 1;
        }
        let capitalized = v
            .form(d + 1.min(end - d))
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if end == d + 1 || end - d > MAX_NAME || !capitalized {
            continue;
        }
        let (qlo, qhi) = v.quotes[q as usize];
        out.push((
            (d, d + 1),
            Roles {
                source: Some((d + 1, end)),
                content: vec![(qlo as usize, qhi as usize)],
            },
        ));
    }
    out
}

/// Headlines that name their source before a colon ("WSJ: There was a secret
/// clause …", "Pence: Gennifer Flowers won't be at debate"): a name the NER
/// tags (there or as a person's name in the body), or an acronym, opening the
/// first line of a text that has more lines.
pub(crate) fn headline(v: &DocView) -> Option<((usize, usize), Roles)> {
    if v.len() < 4 || v.para.last().is_none_or(|&p| p == 0) {
        return None;
    }
    let colon = (1..v.len().min(6)).find(|&i| v.para[i] == 0 && v.form(i) == ":")?;
    let capitalized = (0..colon).all(|i| v.form(i).chars().next().is_some_and(char::is_uppercase));
    let outside = crate::hash::hash_str("O");
    // Tagged as a name here, or the same word tagged as a person's name in the
    // body ("Roskvist: …" over "… Anneli Roskvist said …").
    let person = crate::hash::hash_str("PERSON");
    let named_later =
        |i: usize| (colon..v.len()).any(|j| v.ner[j] == person && v.form(j) == v.form(i));
    let named = (0..colon).all(|i| v.ner[i] != outside || named_later(i));
    let acronym =
        colon == 1 && v.form(0).len() >= 2 && v.form(0).chars().all(|c| c.is_ascii_uppercase());
    if !capitalized || !(named || acronym) || labelled(v, (colon, colon + 1), None) {
        return None;
    }
    let mut end = colon + 1;
    while end < v.len() && v.para[end] == 0 {
        end += 1;
    }
    while end > colon + 1 && v.punct[end - 1] {
        end -= 1;
    }
    (end > colon + 1).then(|| {
        (
            (colon, colon + 1),
            Roles {
                source: Some((0, colon)),
                content: vec![(colon + 1, end)],
            },
        )
    })
}
