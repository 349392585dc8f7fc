//! Reading numbers as news writes them: "1,500", "12.5", "1.5 million", "$2bn",
//! "a thousand", "twenty-five", "12 thousand", "10,000-12,000", "thousands".

use crate::words::Words;

/// A number read from the words `start..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Num {
    /// The value when it is one number.
    pub value: Option<f64>,
    /// Lower bound (a range, or a vague amount: "thousands" → 2000).
    pub min: Option<f64>,
    /// Upper bound of a range.
    pub max: Option<f64>,
    /// Vague ("thousands", "several hundred").
    pub vague: bool,
    /// Written with digits (not words).
    pub digits: bool,
    /// One past the last word read.
    pub end: usize,
}

/// Value of digits with thousands separators, decimals, and a glued scale
/// ("1,500", "12.5", "2bn", "10k", "1.5m"). `None` for anything else ("11th", "G7").
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let (num, mult) = split_scale_suffix(s);
    if num.is_empty() || !num.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let mut int_groups = num.split('.');
    let int = int_groups.next()?;
    let frac = int_groups.next();
    if int_groups.next().is_some() {
        return None;
    }
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 && int.contains(',') {
        return None;
    }
    let mut digits = String::with_capacity(int.len() + 4);
    digits.push_str(first);
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        digits.push_str(g);
    }
    if let Some(f) = frac {
        if f.is_empty() {
            return None;
        }
        digits.push('.');
        digits.push_str(f);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    digits.parse::<f64>().ok().map(|v| v * mult)
}

fn split_scale_suffix(s: &str) -> (&str, f64) {
    for (suffix, mult) in [
        ("bn", 1e9),
        ("mln", 1e6),
        ("m", 1e6),
        ("k", 1e3),
        ("b", 1e9),
    ] {
        if let Some(n) = s.strip_suffix(suffix)
            && n.bytes().last().is_some_and(|b| b.is_ascii_digit())
        {
            return (n, mult);
        }
    }
    (s, 1.0)
}

/// Two numbers joined by a hyphen or dash in one word: "10,000-12,000", "8–13".
pub(crate) fn digit_range(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once(['-', '–', '—'])?;
    let (a, b) = (parse_digits(a)?, parse_digits(b)?);
    (a <= b).then_some((a, b))
}

/// A multiplier word: "thousand" → 1000.
pub(crate) fn scale(lw: &str) -> Option<f64> {
    Some(match lw {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// A number word: "twelve" → 12, "twenty-five" → 25.
pub(crate) fn word_value(lw: &str) -> Option<f64> {
    match lw.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (single_word_value(a)?, single_word_value(b)?);
            (a >= 20.0 && a % 10.0 == 0.0 && b < 10.0).then_some(a + b)
        }
        None => single_word_value(lw),
    }
}

/// The value of one number word without a hyphen ("seven" → 7).
fn single_word_value(lw: &str) -> Option<f64> {
    Some(match lw {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// A plural amount with its least value: "thousands" → 2000, "dozens" → 24.
fn vague_plural(lw: &str) -> Option<f64> {
    Some(match lw {
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "millions" => 2e6,
        "billions" => 2e9,
        "tens" => 20.0,
        _ => return None,
    })
}

/// Read a number starting at word `i`.
pub(crate) fn parse(w: &Words, i: usize) -> Option<Num> {
    let lw = w.lw(i);
    let mut n = Num {
        value: None,
        min: None,
        max: None,
        vague: false,
        digits: false,
        end: i + 1,
    };
    if lw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        n.digits = true;
        if let Some((a, b)) = digit_range(lw) {
            n.min = Some(a);
            n.max = Some(b);
        } else {
            n.value = Some(parse_digits(lw)?);
        }
    } else if matches!(lw, "a" | "an" | "one") && scale(w.lw_at(i + 1)).is_some() {
        n.value = Some(1.0);
    } else if let Some(v) = word_value(lw) {
        n.value = Some(v);
        // "twenty five"
        if v >= 20.0
            && v % 10.0 == 0.0
            && let Some(u) = word_value(w.lw_at(i + 1)).filter(|u| *u < 10.0)
        {
            n.value = Some(v + u);
            n.end += 1;
        }
    } else if matches!(lw, "several" | "few" | "couple") || (lw == "a" && w.lw_at(i + 1) == "few") {
        let skip = usize::from(lw == "a");
        let k = i + 1 + skip;
        let s = scale(w.lw_at(k))?;
        n.vague = true;
        n.min = Some(if lw == "several" { 3.0 } else { 2.0 } * s);
        n.end = k + 1;
        return Some(n);
    } else if let Some(min) = vague_plural(lw) {
        n.vague = true;
        n.min = Some(min);
        // "tens of thousands", "hundreds of thousands"
        if w.lw_at(i + 1) == "of"
            && let Some(m) = vague_plural(w.lw_at(i + 2))
            && m >= 200.0
        {
            n.min = Some(min * m / 2.0);
            n.end = i + 3;
        } else if lw == "tens" {
            return None;
        }
        return Some(n);
    } else {
        return None;
    }
    // Scale words after the number: "1.5 million", "12 thousand", "one hundred".
    while let Some(s) = scale(w.lw_at(n.end)) {
        n.value = n.value.map(|v| v * s);
        n.min = n.min.map(|v| v * s);
        n.max = n.max.map(|v| v * s);
        n.end += 1;
    }
    // "one hundred and twenty"
    if !n.digits
        && n.value.is_some_and(|v| v >= 100.0)
        && w.lw_at(n.end) == "and"
        && let Some(u) = word_value(w.lw_at(n.end + 1)).filter(|u| *u < 100.0)
    {
        n.value = n.value.map(|v| v + u);
        n.end += 2;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(parse_digits("1,500"), Some(1500.0));
        assert_eq!(parse_digits("12.5"), Some(12.5));
        assert_eq!(parse_digits("2bn"), Some(2e9));
        assert_eq!(parse_digits("1,50"), None);
        assert_eq!(parse_digits("11th"), None);
        assert_eq!(parse_digits("1234,567"), None);
        assert_eq!(digit_range("10,000-12,000"), Some((10000.0, 12000.0)));
        assert_eq!(digit_range("13-8"), None);
    }

    #[test]
    fn words() {
        assert_eq!(word_value("twenty-five"), Some(25.0));
        assert_eq!(word_value("five-twenty"), None);
        assert_eq!(scale("thousand"), Some(1e3));
    }
}
