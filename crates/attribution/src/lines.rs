//! Attribution lines: a quotation followed by a dash and the speaker's name
//! at the end of the line (`“We will win.” ― Jane Doe`), the typographic
//! convention of pull quotes and reader-comment lists. Rare in running text
//! and absent from the training data, so found by a rule rather than learned.

use crate::role::Roles;
use crate::view::{DocView, NONE};

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
