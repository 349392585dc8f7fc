//! Quantities: a number (or range, or vague amount) with its modifiers
//! ("more than", "up to", "about"), and what it counts: a noun, `percent`, or a
//! currency code.

use crate::entities::is_function_word;
use crate::lexicon::Lexicon;
use crate::numbers::{self, Num};
use crate::words::Words;
use hearsay_core::{Flag, FlagKind, Quantity, Span};

/// How a modifier bounds the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// "more than", "at least": the number is a minimum.
    Min,
    /// "up to", "fewer than": the number is a maximum.
    Max,
    /// "nearly", "almost": a maximum, approximately.
    NearlyMax,
    /// "about", "around": approximately the number.
    About,
    /// "between A and B".
    Between,
    /// "from A to B".
    From,
}

/// Modifiers before a number, longest first.
const MODIFIERS: &[(&[&str], Bound)] = &[
    (&["in", "excess", "of"], Bound::Min),
    (&["no", "more", "than"], Bound::Max),
    (&["no", "fewer", "than"], Bound::Min),
    (&["as", "many", "as"], Bound::Max),
    (&["as", "much", "as"], Bound::Max),
    (&["more", "than"], Bound::Min),
    (&["greater", "than"], Bound::Min),
    (&["at", "least"], Bound::Min),
    (&["upwards", "of"], Bound::Min),
    (&["up", "to"], Bound::Max),
    (&["at", "most"], Bound::Max),
    (&["fewer", "than"], Bound::Max),
    (&["less", "than"], Bound::Max),
    (&["close", "to"], Bound::About),
    (&["an", "estimated"], Bound::About),
    (&["just", "over"], Bound::Min),
    (&["just", "under"], Bound::NearlyMax),
    (&["over"], Bound::Min),
    (&["above"], Bound::Min),
    (&["under"], Bound::Max),
    (&["nearly"], Bound::NearlyMax),
    (&["almost"], Bound::NearlyMax),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["approximately"], Bound::About),
    (&["approx."], Bound::About),
    (&["roughly"], Bound::About),
    (&["some"], Bound::About),
    (&["estimated"], Bound::About),
    (&["between"], Bound::Between),
    (&["from"], Bound::From),
];

fn modifier_at(w: &Words, i: usize) -> Option<(Bound, usize)> {
    if !MODIFIERS.iter().any(|(ws, _)| ws[0] == w.lw(i)) {
        return None;
    }
    MODIFIERS.iter().find_map(|(ws, b)| {
        ws.iter()
            .enumerate()
            .all(|(k, m)| w.lw_at(i + k) == *m)
            .then_some((*b, i + ws.len()))
    })
}

/// Currency written before the amount at word `i`: ("$" or "US$" or "USD"), and words used.
fn currency_before(w: &Words, lex: &Lexicon, i: usize) -> Option<(&'static str, usize)> {
    let (code, pre, _) = lex.currencies.get(w.w(i))?;
    pre.then_some((code, 1))
}

/// Currency written after the amount: "dollars", "euros", "UAH".
fn currency_after(w: &Words, lex: &Lexicon, i: usize) -> Option<(&'static str, usize)> {
    if i >= w.len() {
        return None;
    }
    if w.lw(i) == "pounds" && w.lw_at(i + 1) == "sterling" {
        return Some(("GBP", 2));
    }
    let hit = lex
        .currencies
        .get(w.w(i))
        .or_else(|| lex.currencies.get(w.lw(i)));
    let (code, _, post) = hit?;
    post.then_some((code, 1))
}

/// Quantities in the text, skipping words in `taken` (dates and times).
pub(crate) fn find(w: &Words, lex: &Lexicon, taken: &[bool]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match read(w, lex, taken, i) {
            Some((q, end)) => {
                out.push(q);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// True when a quantity can start at word `i`: a digit, a number or amount word,
/// a currency sign, or a modifier.
fn may_start(w: &Words, lex: &Lexicon, i: usize) -> bool {
    let lw = w.lw(i);
    let Some(&b) = lw.as_bytes().first() else {
        return false;
    };
    b.is_ascii_digit()
        || (!b.is_ascii_alphabetic() && lex.currencies.contains_key(w.w(i)))
        || matches!(
            lw,
            "a" | "an"
                | "one"
                | "several"
                | "few"
                | "couple"
                | "dozens"
                | "scores"
                | "hundreds"
                | "thousands"
                | "millions"
                | "billions"
                | "tens"
                | "us$"
                | "usd"
                | "eur"
                | "gbp"
        )
        || numbers::word_value(lw).is_some()
        || MODIFIERS.iter().any(|(ws, _)| ws[0] == lw)
}

fn read(w: &Words, lex: &Lexicon, taken: &[bool], start: usize) -> Option<(Quantity, usize)> {
    if taken[start] || !may_start(w, lex, start) {
        return None;
    }
    let (bound, mut k) = match modifier_at(w, start) {
        Some((b, k)) => (Some(b), k),
        None => (None, start),
    };
    let mut currency = None;
    if k < w.len()
        && let Some((code, n)) = currency_before(w, lex, k)
    {
        currency = Some(code);
        k += n;
    }
    if k >= w.len() || taken[k] {
        return None;
    }
    let num: Num = numbers::parse(w, k)?;
    if num.end > w.len() || taken[k..num.end].iter().any(|t| *t) {
        return None;
    }
    let (mut value, mut min, mut max) = (num.value, num.min, num.max);
    let mut end = num.end;
    let mut approximate = num.vague;
    // Second number of a range: "10,000 to 12,000", "between 10 and 12", "two or three".
    let joiner = w.lw_at(end);
    let joins = match bound {
        Some(Bound::Between) => joiner == "and",
        Some(Bound::From) => matches!(joiner, "to" | "-" | "–"),
        _ => matches!(joiner, "to" | "-" | "–" | "or"),
    };
    if joins
        && value.is_some()
        && end + 1 < w.len()
        && !taken[end + 1]
        && let Some(second) = numbers::parse(w, end + 1).filter(|n| n.value.is_some())
    {
        let (a, mut b) = (value.unwrap_or_default(), second.value.unwrap_or_default());
        // "between 10 and 12 thousand": the scale of the second applies to the first.
        let mut a2 = a;
        let scale_at = |e: usize| numbers::scale(w.lw_at(e - 1));
        if let (None, Some(s)) = (scale_at(num.end), scale_at(second.end)) {
            a2 = a * s;
        }
        if b < a2 {
            b = a2;
        }
        min = Some(a2);
        max = Some(b);
        value = None;
        end = second.end;
    } else if matches!(bound, Some(Bound::Between | Bound::From)) {
        // "from 5" without a second number is not a range; "between" alone is nothing.
        if bound == Some(Bound::Between) {
            return None;
        }
    }
    match bound {
        Some(Bound::Min) => {
            min = value.or(min);
            value = None;
        }
        Some(Bound::Max) => {
            max = value.or(max);
            value = None;
        }
        Some(Bound::NearlyMax) => {
            max = value.or(max);
            value = None;
            approximate = true;
        }
        Some(Bound::About) => approximate = true,
        _ => {}
    }
    // What is counted.
    let mut unit: Option<String> = None;
    if let Some(code) = currency {
        unit = Some(code.to_string());
        if let Some((_, n)) = currency_after(w, lex, end).filter(|(c, _)| *c == code) {
            end += n;
        }
    } else if matches!(w.lw_at(end), "%" | "percent" | "pct") {
        unit = Some("percent".into());
        end += 1;
    } else if w.lw_at(end) == "per" && w.lw_at(end + 1) == "cent" {
        unit = Some("percent".into());
        end += 2;
    } else if w.lw_at(end) == "percentage" && w.lw_at(end + 1) == "points" {
        unit = Some("percentage points".into());
        end += 2;
    } else if let Some((code, n)) = currency_after(w, lex, end) {
        unit = Some(code.to_string());
        end += n;
    } else if let Some((u, e)) = counted_noun(w, lex, end) {
        unit = Some(u);
        end = e;
    }
    // "2016 election": a year before a singular noun; "2,016 votes" is a count.
    let is_year = num.digits
        && value.is_some_and(|v| (1800.0..=2100.0).contains(&v) && v.fract() == 0.0)
        && !w.lw(k).contains(',')
        && currency.is_none()
        && unit
            .as_deref()
            .is_none_or(|u| !u.ends_with('s') && u != "percent");
    // "7 p.m.", "10:05": clock times.
    let clock = matches!(
        w.lw_at(num.end),
        "a.m." | "p.m." | "am" | "pm" | "a" | "p" | "a." | "p." | ":"
    ) || w.lw(k).contains(':');
    // "one of the states", "one shooting": "one" alone is rarely a figure.
    let lone_one = w.lw(k) == "one" && num.end == k + 1;
    if (unit.is_none() && !num.digits) || is_year || clock || lone_one {
        return None;
    }
    let span: Span = w.span_of(start..end);
    Some((
        Quantity {
            span,
            value,
            min,
            max,
            unit,
            approximate,
        },
        end,
    ))
}

/// The noun a number counts, starting at word `i` (after an optional "of its"):
/// a unit from the data ("special forces"), else the head noun of the noun phrase.
fn counted_noun(w: &Words, lex: &Lexicon, mut i: usize) -> Option<(String, usize)> {
    if w.lw_at(i) == "of" {
        i += 1;
        if matches!(
            w.lw_at(i),
            "the" | "its" | "their" | "his" | "her" | "these" | "those" | "our" | "whom" | "them"
        ) {
            i += 1;
        }
    }
    // Capitalized modifiers ("North Korean troops") are skipped; the data's units first.
    let mut j = i;
    while j < w.len() && j < i + 4 {
        if let Some(list) = lex.units.get(w.lw(j)) {
            for (ws, _) in list {
                if (0..ws.len()).all(|k| w.lw_at(j + k) == ws[k]) {
                    let span = w.span_of(j..j + ws.len());
                    return Some((w.text[span.start..span.end].to_string(), j + ws.len()));
                }
            }
        }
        if !(w.pos(j).starts_with("JJ") || w.is_cap(j) && w.is_alpha(j)) {
            break;
        }
        j += 1;
    }
    if w.has_pos() {
        let mut j = i;
        while j < w.len() && (w.pos(j).starts_with("JJ") || w.pos(j).starts_with("NNP")) {
            j += 1;
        }
        let nouns = j;
        while j < w.len() && matches!(w.pos(j), "NN" | "NNS") {
            j += 1;
        }
        if j == nouns {
            return None;
        }
        let span = w.span_of(nouns..j);
        return Some((w.text[span.start..span.end].to_string(), j));
    }
    let lw = w.lw_at(i);
    let plausible = i < w.len()
        && w.is_alpha(i)
        && !w.is_cap(i)
        && !is_function_word(lw)
        && !lw.ends_with("ly")
        && (lw.len() <= 5 || !lw.ends_with("est"))
        && !matches!(
            lw,
            "were"
                | "are"
                | "had"
                | "have"
                | "will"
                | "would"
                | "could"
                | "per"
                | "times"
                | "than"
                | "years"
                | "year"
                | "days"
                | "months"
                | "weeks"
                | "hours"
                | "minutes"
        );
    plausible.then(|| (w.w(i).to_string(), i + 1))
}

/// `same_quantity_differs`: counts of one unit family of the data (troops =
/// soldiers = special forces…, casualties, refugees…) with different exact
/// values in one document.
pub(crate) fn flags(text: &str, lex: &Lexicon, qs: &[Quantity]) -> Vec<Flag> {
    // Only the unit families of the data: "18 states" and "27 states" are rarely one figure.
    let family = |u: &str| -> Option<&'static str> {
        let lu = u.to_lowercase();
        let first = lu.split_whitespace().next().unwrap_or("");
        lex.units
            .get(first)
            .and_then(|l| l.iter().find(|(ws, _)| ws.join(" ") == lu))
            .map(|(_, f)| *f)
    };
    let mut groups: Vec<(&str, Vec<&Quantity>)> = Vec::new();
    for q in qs {
        let (Some(u), Some(_)) = (&q.unit, q.value) else {
            continue;
        };
        let Some(f) = family(u) else {
            continue;
        };
        match groups.iter_mut().find(|(g, _)| *g == f) {
            Some((_, list)) => list.push(q),
            None => groups.push((f, vec![q])),
        }
    }
    groups
        .into_iter()
        .filter(|(_, list)| {
            let first = list[0].value;
            list.iter().any(|q| q.value != first)
        })
        .map(|(f, list)| {
            let shown: Vec<&str> = list.iter().map(|q| q.span.text(text)).collect();
            Flag {
                kind: FlagKind::SameQuantityDiffers,
                entities: Vec::new(),
                mentions: list.iter().map(|q| q.span).collect(),
                note: format!(
                    "different numbers of {f} in one report: {}",
                    shown.join(" / ")
                ),
            }
        })
        .collect()
}
