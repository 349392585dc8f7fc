//! Time expressions: absolute dates in the forms news uses ("June 2024",
//! "8 October 2024", "Oct. 8", "2024-10-08", "October 8-13"), years and decades,
//! and relative ones ("yesterday", "last week", "on Monday", "currently"),
//! resolved to calendar intervals against the publication date, or else the
//! latest explicit year in the text.

use crate::calendar::{Date, days_in_month, month_number, weekday_number};
use crate::words::Words;
use hearsay_core::{Span, TimeAnchor, TimeExpr, TimeGranularity};

/// A time expression before it is placed on the calendar.
#[derive(Debug, Clone, PartialEq)]
enum Raw {
    /// Days `d..=d2` of month `m` (to month `m2` when given), year when written.
    Days {
        y: Option<i32>,
        m: u32,
        d: u32,
        m2: u32,
        d2: u32,
    },
    /// A month, year when written.
    Month { y: Option<i32>, m: u32 },
    /// A year.
    Year(i32),
    /// A decade: "the 1990s".
    Decade(i32),
    /// Relative to the anchor: a unit, an offset and how.
    Relative(Rel),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rel {
    /// `n` units from the anchor's unit (0 = this, -1 = last, 1 = next).
    Offset(Unit, i32),
    /// A weekday, searched backwards (-1), forwards (1), or the nearest past one (0).
    Weekday(u32, i32),
    /// "currently", "now": the anchor day, vaguely.
    Present,
    /// "recently", "in recent weeks": the month before the anchor, vaguely.
    Recent,
}

/// Words before a bare month or year that make it a date ("in June", "since 2014").
fn is_time_cue(lw: &str) -> bool {
    matches!(
        lw,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "last"
            | "this"
            | "next"
            | "early"
            | "late"
            | "mid"
            | "mid-"
            | "of"
            | "during"
            | "before"
            | "after"
            | "from"
            | "through"
            | "to"
            | "between"
            | "and"
            | "or"
            | "on"
            | "end"
            | "beginning"
            | "start"
            | "throughout"
            | "for"
            | "year"
            | "late-"
            | "early-"
            | ","
    )
}

fn day_number(s: &str) -> Option<u32> {
    let s = s
        .strip_suffix("st")
        .or_else(|| s.strip_suffix("nd"))
        .or_else(|| s.strip_suffix("rd"))
        .or_else(|| s.strip_suffix("th"))
        .unwrap_or(s);
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|d| (1..=31).contains(d))
}

fn day_range(s: &str) -> Option<(u32, u32)> {
    if let Some((a, b)) = s.split_once(['-', '–']) {
        let (a, b) = (day_number(a)?, day_number(b)?);
        return (a < b).then_some((a, b));
    }
    day_number(s).map(|d| (d, d))
}

fn year_number(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

/// A month name at word `i`: capitalized, and "May" only when it is not the modal.
fn month_at(w: &Words, i: usize) -> Option<u32> {
    if i >= w.len() || !w.is_cap(i) {
        return None;
    }
    let lw = w.lw(i);
    let m = month_number(lw)?;
    // "Mar", "Jun" etc. without a period are months only before a number.
    let abbrev_no_dot = lw.len() <= 4 && !lw.ends_with('.') && m != 5 && m != 6 && m != 7;
    if abbrev_no_dot && !w.lw_at(i + 1).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if lw == "may" && w.pos(i) == "MD" {
        return None;
    }
    Some(m)
}

/// Read one expression at word `i`: the raw value and the word after it.
fn read(w: &Words, i: usize) -> Option<(Raw, usize)> {
    let lw = w.lw(i);
    let may_start = lw.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || w.is_cap(i)
        || matches!(
            lw,
            "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "currently"
                | "nowadays"
                | "recently"
                | "lately"
                | "at"
                | "these"
                | "in"
                | "last"
                | "past"
                | "this"
                | "next"
                | "coming"
                | "earlier"
                | "later"
                | "a"
                | "an"
        )
        || crate::numbers::word_value(lw).is_some();
    if !may_start {
        return None;
    }
    // ISO 8601: 2024-10-08
    if lw.len() == 10 && lw.as_bytes()[4] == b'-' && lw.as_bytes()[7] == b'-' {
        let y = year_number(&lw[..4])?;
        let m: u32 = lw[5..7].parse().ok()?;
        let d: u32 = lw[8..10].parse().ok()?;
        Date::new(y, m, d)?;
        return Some((
            Raw::Days {
                y: Some(y),
                m,
                d,
                m2: m,
                d2: d,
            },
            i + 1,
        ));
    }
    if let Some(m) = month_at(w, i) {
        let next = w.lw_at(i + 1);
        if let Some((d, d2)) = day_range(next) {
            let mut end = i + 2;
            let mut y = None;
            let (mut m2, mut d2) = (m, d2);
            // "October 8 to 13", "October 30 - November 2"
            if matches!(w.lw_at(end), "-" | "–" | "to" | "through") {
                if let Some(dd) = day_number(w.lw_at(end + 1)).filter(|dd| *dd > d) {
                    d2 = dd;
                    end += 2;
                } else if let Some(mm) = month_at(w, end + 1)
                    && let Some(dd) = day_number(w.lw_at(end + 2))
                {
                    m2 = mm;
                    d2 = dd;
                    end += 3;
                }
            }
            if w.lw_at(end) == "," && year_number(w.lw_at(end + 1)).is_some() {
                end += 1;
            }
            if let Some(yy) = year_number(w.lw_at(end)) {
                y = Some(yy);
                end += 1;
            }
            return Some((Raw::Days { y, m, d, m2, d2 }, end));
        }
        if let Some(y) = year_number(next) {
            return Some((Raw::Month { y: Some(y), m }, i + 2));
        }
        if w.lw_at(i + 1) == "," && year_number(w.lw_at(i + 2)).is_some() {
            let y = year_number(w.lw_at(i + 2));
            return Some((Raw::Month { y, m }, i + 3));
        }
        if i > 0 && is_time_cue(w.lw(i - 1)) && w.lw(i - 1) != "," {
            return Some((Raw::Month { y: None, m }, i + 1));
        }
        return None;
    }
    // "8 October 2024", "8-13 October", "the 8th of October"
    if let Some((d, d2)) = day_range(lw) {
        let k = if w.lw_at(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some(m) = month_at(w, k) {
            let mut end = k + 1;
            let mut y = None;
            if let Some(yy) = year_number(w.lw_at(end)) {
                y = Some(yy);
                end += 1;
            }
            return Some((Raw::Days { y, m, d, m2: m, d2 }, end));
        }
    }
    // Years and decades.
    if let Some(y) = year_number(lw) {
        let cue = i > 0 && is_time_cue(w.lw(i - 1));
        let month_before = i > 0 && month_at(w, i - 1).is_some();
        if (cue || w.starts_sentence(i) && w.lw_at(i + 1) == ",") && !month_before {
            return Some((Raw::Year(y), i + 1));
        }
        return None;
    }
    if let Some(dec) = lw.strip_suffix('s').and_then(year_number)
        && dec % 10 == 0
    {
        return Some((Raw::Decade(dec), i + 1));
    }
    // Relative expressions.
    let rel = |r: Rel, end: usize| Some((Raw::Relative(r), end));
    match lw {
        "today" | "tonight" => return rel(Rel::Offset(Unit::Day, 0), i + 1),
        "yesterday" => return rel(Rel::Offset(Unit::Day, -1), i + 1),
        "tomorrow" => return rel(Rel::Offset(Unit::Day, 1), i + 1),
        "currently" | "nowadays" => return rel(Rel::Present, i + 1),
        "recently" | "lately" => return rel(Rel::Recent, i + 1),
        _ => {}
    }
    if lw == "at" && w.lw_at(i + 1) == "present" {
        return rel(Rel::Present, i + 2);
    }
    if lw == "these" && w.lw_at(i + 1) == "days" {
        return rel(Rel::Present, i + 2);
    }
    if lw == "in" && w.lw_at(i + 1) == "recent" {
        if matches!(w.lw_at(i + 2), "days" | "weeks" | "months" | "years") {
            return rel(Rel::Recent, i + 3);
        }
        return None;
    }
    let unit_of = |s: &str| match s {
        "day" => Some(Unit::Day),
        "week" | "weekend" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    };
    let (shift, k) = match (lw, w.lw_at(i + 1)) {
        ("last" | "past", _) => (-1, i + 1),
        ("this", _) => (0, i + 1),
        ("next" | "coming", _) => (1, i + 1),
        ("earlier" | "later", "this") => (0, i + 2),
        _ => (2, i),
    };
    if shift != 2 {
        if let Some(u) = unit_of(w.lw_at(k)) {
            return rel(Rel::Offset(u, shift), k + 1);
        }
        if let Some(d) = weekday_number(w.lw_at(k)).filter(|_| w.is_cap(k)) {
            return rel(Rel::Weekday(d, shift), k + 1);
        }
        return None;
    }
    if let Some(d) = weekday_number(lw).filter(|_| w.is_cap(i) && lw.len() > 4) {
        return rel(Rel::Weekday(d, 0), i + 1);
    }
    // "three days ago", "a week ago"
    let n = crate::numbers::word_value(lw)
        .or_else(|| matches!(lw, "a" | "an").then_some(1.0))
        .or_else(|| lw.parse::<f64>().ok())?;
    let u = w.lw_at(i + 1);
    let unit = unit_of(u.trim_end_matches('s'))?;
    if w.lw_at(i + 2) != "ago" {
        return None;
    }
    rel(Rel::Offset(unit, -(n as i32)), i + 3)
}

/// True when the sentence around word `i` speaks of the future ("will", "next").
fn future_context(w: &Words, i: usize) -> bool {
    let r = &w.sentences[w.sentence_of(i)];
    (r.start..i).any(|k| matches!(w.lw(k), "will" | "'ll" | "plans" | "scheduled" | "expected"))
}

/// Interval of a unit around `d` shifted by `n` units.
fn unit_interval(d: Date, u: Unit, n: i32) -> (Date, Date, TimeGranularity) {
    match u {
        Unit::Day => {
            let x = d.add_days(i64::from(n));
            (x, x, TimeGranularity::Day)
        }
        Unit::Week => {
            let monday = d.add_days(-i64::from(d.weekday()) + 7 * i64::from(n));
            (monday, monday.add_days(6), TimeGranularity::Week)
        }
        Unit::Month => {
            let first = d.add_months(n);
            let last = Date {
                d: days_in_month(first.y, first.m),
                ..first
            };
            (first, last, TimeGranularity::Month)
        }
        Unit::Year => {
            let y = d.y + n;
            (
                Date { y, m: 1, d: 1 },
                Date { y, m: 12, d: 31 },
                TimeGranularity::Year,
            )
        }
    }
}

/// The year for a year-less month and day: the one nearest the publication date,
/// a date after it counting double unless the sentence speaks of the future
/// (news mostly reports what happened: "in February" in a September story is
/// the February before).
fn nearest_year(pub_date: Date, m: u32, d: u32, future: bool) -> i32 {
    (pub_date.y - 1..=pub_date.y + 1)
        .filter_map(|y| {
            let diff = Date::new(y, m, d)?.days() - pub_date.days();
            let cost = if diff > 0 && !future {
                2 * diff
            } else {
                diff.abs()
            };
            Some((y, cost))
        })
        .min_by_key(|&(_, cost)| cost)
        .map_or(pub_date.y, |(y, _)| y)
}

/// Time expressions of the text. Marks their words in `taken`.
pub(crate) fn find(
    w: &Words,
    published: Option<(i32, u32, u32)>,
    taken: &mut [bool],
) -> Vec<TimeExpr> {
    let mut raws: Vec<(Span, Raw, usize)> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match read(w, i) {
            Some((raw, end)) => {
                raws.push((w.span_of(i..end), raw, i));
                for t in &mut taken[i..end] {
                    *t = true;
                }
                i = end;
            }
            None => i += 1,
        }
    }
    let pub_date = published.and_then(|(y, m, d)| Date::new(y, m, d));
    let text_year = raws
        .iter()
        .filter_map(|(_, r, _)| match r {
            Raw::Days { y: Some(y), .. } | Raw::Month { y: Some(y), .. } | Raw::Year(y) => Some(*y),
            _ => None,
        })
        .max();
    raws.into_iter()
        .map(|(span, raw, at)| resolve(span, raw, pub_date, text_year, w, at))
        .collect()
}

/// Place `t` on the calendar.
fn set(t: &mut TimeExpr, a: Date, b: Date, g: TimeGranularity, anchor: TimeAnchor) {
    t.start_date = Some(a.iso());
    t.end_date = Some(b.iso());
    t.granularity = g;
    t.anchor = anchor;
}

fn resolve(
    span: Span,
    raw: Raw,
    pub_date: Option<Date>,
    text_year: Option<i32>,
    w: &Words,
    at: usize,
) -> TimeExpr {
    let mut t = TimeExpr {
        span,
        start_date: None,
        end_date: None,
        granularity: TimeGranularity::Day,
        anchor: TimeAnchor::None,
    };
    // The year of a year-less date, and what it was taken from.
    let infer = |m: u32, d: u32| -> Option<(i32, TimeAnchor)> {
        match (pub_date, text_year) {
            (Some(p), _) => Some((
                nearest_year(p, m, d, future_context(w, at)),
                TimeAnchor::Publication,
            )),
            (None, Some(y)) => Some((y, TimeAnchor::TextYear)),
            (None, None) => None,
        }
    };
    match raw {
        Raw::Days { y, m, d, m2, d2 } => {
            let placed = match y {
                Some(y) => Some((y, TimeAnchor::Explicit)),
                None => infer(m, d),
            };
            t.granularity = TimeGranularity::Day;
            if let Some((y, anchor)) = placed {
                let y2 = if m2 < m { y + 1 } else { y };
                if let (Some(a), Some(b)) = (Date::new(y, m, d), Date::new(y2, m2, d2)) {
                    set(&mut t, a, b, TimeGranularity::Day, anchor);
                }
            }
        }
        Raw::Month { y, m } => {
            t.granularity = TimeGranularity::Month;
            let placed = match y {
                Some(y) => Some((y, TimeAnchor::Explicit)),
                None => infer(m, 15),
            };
            if let Some((y, anchor)) = placed {
                let a = Date { y, m, d: 1 };
                set(
                    &mut t,
                    a,
                    Date {
                        d: days_in_month(y, m),
                        ..a
                    },
                    TimeGranularity::Month,
                    anchor,
                );
            }
        }
        Raw::Year(y) => set(
            &mut t,
            Date { y, m: 1, d: 1 },
            Date { y, m: 12, d: 31 },
            TimeGranularity::Year,
            TimeAnchor::Explicit,
        ),
        Raw::Decade(y) => set(
            &mut t,
            Date { y, m: 1, d: 1 },
            Date {
                y: y + 9,
                m: 12,
                d: 31,
            },
            TimeGranularity::Decade,
            TimeAnchor::Explicit,
        ),
        Raw::Relative(rel) => match (rel, pub_date) {
            (Rel::Offset(u, n), Some(p)) => {
                let (a, b, g) = unit_interval(p, u, n);
                set(&mut t, a, b, g, TimeAnchor::Publication);
            }
            (Rel::Offset(Unit::Year, n), None) => {
                if let Some(y) = text_year {
                    let (a, b, g) = unit_interval(Date { y, m: 1, d: 1 }, Unit::Year, n);
                    set(&mut t, a, b, g, TimeAnchor::TextYear);
                } else {
                    t.granularity = TimeGranularity::Year;
                }
            }
            (Rel::Weekday(wd, dir), Some(p)) => {
                let back = (i64::from(p.weekday()) - i64::from(wd)).rem_euclid(7);
                let fwd = (i64::from(wd) - i64::from(p.weekday())).rem_euclid(7);
                let forward = dir > 0 || (dir == 0 && future_context(w, at));
                let x = if forward {
                    p.add_days(if fwd == 0 { 7 } else { fwd })
                } else if dir < 0 && back == 0 {
                    p.add_days(-7)
                } else {
                    p.add_days(-back)
                };
                set(&mut t, x, x, TimeGranularity::Day, TimeAnchor::Publication);
            }
            (Rel::Present, Some(p)) => set(
                &mut t,
                p,
                p,
                TimeGranularity::Vague,
                TimeAnchor::Publication,
            ),
            (Rel::Recent, Some(p)) => set(
                &mut t,
                p.add_days(-30),
                p,
                TimeGranularity::Vague,
                TimeAnchor::Publication,
            ),
            (Rel::Offset(u, _), None) => {
                t.granularity = match u {
                    Unit::Day => TimeGranularity::Day,
                    Unit::Week => TimeGranularity::Week,
                    Unit::Month => TimeGranularity::Month,
                    Unit::Year => TimeGranularity::Year,
                }
            }
            (Rel::Weekday(..), None) => t.granularity = TimeGranularity::Day,
            (Rel::Present | Rel::Recent, None) => t.granularity = TimeGranularity::Vague,
        },
    }
    t
}
