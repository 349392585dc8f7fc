//! The layout lines at the top of an article: the byline (`By Elin Sorvik`)
//! and the wire dateline opening the body (`VELMORA, March 16 (Northgate Wire) —`).
//!
//! A dateline is a place in capitals at the start of one of the first lines,
//! optionally followed by a region (`, Norvane`, `, N.Y.`), a date
//! (`, March 16`, `, 5 March`, `, Sept. 26`) and the wire in parentheses
//! (`(AP)`), and ended by a dash. The sentence splitter ends a sentence after
//! it, so the tagger and parser see the body's first sentence on its own.

use super::scanner::{Kind, RawToken};
use std::ops::Range;

/// The dateline's parts, as token index ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineTokens {
    /// Every token of the dateline, its dash included.
    pub all: Range<usize>,
    /// The place in capitals.
    pub place: Range<usize>,
    /// The region or country after the place.
    pub region: Option<Range<usize>>,
    /// The date.
    pub date: Option<Range<usize>>,
    /// The words inside the parentheses.
    pub wire: Option<Range<usize>>,
}

/// The byline and the dateline of a text, as token index ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The dateline opening the body.
    pub dateline: Option<DatelineTokens>,
    /// The byline line (`By …`), its "By" included.
    pub byline: Option<Range<usize>>,
}

/// How many lines from the top may hold the byline and the dateline.
const TOP_LINES: usize = 6;
/// Lines longer than this (in tokens) are body text: after one, no dateline follows.
const SHORT_LINE: usize = 12;
/// Most words a place, a region or a wire name has.
const MAX_PLACE: usize = 4;
const MAX_REGION: usize = 3;
const MAX_WIRE: usize = 6;

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Tokens and text, read together.
struct Toks<'t> {
    text: &'t str,
    toks: &'t [RawToken],
}

impl Toks<'_> {
    fn s(&self, i: usize) -> &str {
        self.toks[i].span.text(self.text)
    }

    /// Does a line break come right before token `i`?
    fn line_start(&self, i: usize) -> bool {
        i == 0 || self.toks[i].newlines > 0
    }

    /// A place word: capitals only ("VELMORA", "ST.", "D'ARC"), two letters or more.
    fn upper(&self, i: usize) -> bool {
        let s = self.s(i);
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && s.chars().all(|c| c.is_uppercase() || ".'’-".contains(c))
            && matches!(self.toks[i].kind, Kind::Word | Kind::Abbreviation)
    }

    /// A capitalized word or abbreviation ("Norvane", "N.Y.", "Mich.").
    fn capitalized(&self, i: usize) -> bool {
        matches!(self.toks[i].kind, Kind::Word | Kind::Abbreviation)
            && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn month(&self, i: usize) -> bool {
        let s = self.s(i).trim_end_matches('.').to_lowercase();
        self.capitalized(i) && MONTHS.contains(&s.as_str())
    }

    fn day(&self, i: usize) -> bool {
        let s = self.s(i);
        (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    }

    fn dash(&self, i: usize) -> bool {
        matches!(self.s(i), "—" | "–" | "--" | "-" | "―")
    }
}

/// A date at `i` ("March 16", "5 March", "Sept. 26"): its end.
fn date_at(t: &Toks, i: usize, end: usize) -> Option<usize> {
    if i + 1 >= end {
        return None;
    }
    ((t.month(i) && t.day(i + 1)) || (t.day(i) && t.month(i + 1))).then_some(i + 2)
}

/// The dateline starting at token `i` of a line ending at `end`.
fn dateline_at(t: &Toks, i: usize, end: usize) -> Option<DatelineTokens> {
    let mut k = i;
    while k < end && k - i < MAX_PLACE && t.upper(k) {
        k += 1;
    }
    if k == i {
        return None;
    }
    let place = i..k;
    let (mut region, mut date) = (None, None);
    while k < end && t.s(k) == "," && date.is_none() {
        k += 1;
        if let Some(e) = date_at(t, k, end) {
            date = Some(k..e);
            k = e;
            continue;
        }
        let from = k;
        while k < end && k - from < MAX_REGION && t.capitalized(k) && !t.month(k) {
            k += 1;
        }
        if k == from || region.is_some() {
            return None;
        }
        region = Some(from..k);
    }
    let mut wire = None;
    if k < end && t.s(k) == "(" {
        let from = k + 1;
        let close = (from..end.min(from + MAX_WIRE + 1)).find(|&j| t.s(j) == ")")?;
        if close == from || !t.capitalized(from) {
            return None;
        }
        wire = Some(from..close);
        k = close + 1;
    }
    // The dash, and body text after it on the same line.
    if k + 1 >= end || !t.dash(k) || t.toks[k + 1].newlines > 0 {
        return None;
    }
    Some(DatelineTokens {
        all: i..k + 1,
        place,
        region,
        date,
        wire,
    })
}

/// A byline line: "By" and a capitalized name, short.
fn byline_at(t: &Toks, line: &Range<usize>) -> bool {
    line.len() >= 2
        && line.len() <= SHORT_LINE
        && t.s(line.start) == "By"
        && t.capitalized(line.start + 1)
}

/// Find the byline and the dateline among the first lines of a text.
pub(crate) fn find(text: &str, toks: &[RawToken]) -> Layout {
    let t = Toks { text, toks };
    let mut out = Layout::default();
    let mut start = 0;
    for n in 0..TOP_LINES {
        if start >= toks.len() {
            break;
        }
        let end = (start + 1..toks.len())
            .find(|&j| t.line_start(j))
            .unwrap_or(toks.len());
        let line = start..end;
        if let Some(d) = dateline_at(&t, start, end) {
            out.dateline = Some(d);
            break;
        }
        if out.byline.is_none() && byline_at(&t, &line) {
            out.byline = Some(line.clone());
        } else if n > 0 && line.len() > SHORT_LINE {
            break;
        }
        start = end;
    }
    out
}
