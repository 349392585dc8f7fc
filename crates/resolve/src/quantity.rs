//! The figure a claim states: its value or bounds, what it counts, and whether
//! it is a count, an estimate, an expectation or a permitted maximum.

use crate::facts::tokens_in;
use crate::text;
use hearsay_core::{Analysis, Attribution, Quantity, Span};
use serde::{Deserialize, Serialize};

/// What kind of figure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Has happened or is the case: a count, a record, a report of fact.
    Actual,
    /// An estimate of a present or past value.
    Estimated,
    /// Future: planned, forecast, promised, a deadline.
    Expected,
    /// A permitted maximum (a permit, a legal cap).
    Allowed,
}

impl Modality {
    /// The graph's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Estimated => "estimated",
            Modality::Expected => "expected",
            Modality::Allowed => "allowed",
        }
    }
}

/// One figure inside a claim's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityFact {
    /// The expression as written ("about 1,200 Marovian troops").
    pub text: String,
    /// The value when it is one number.
    pub value: Option<f64>,
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// What is counted, as the analyzer gives it.
    pub unit: Option<String>,
    /// Lemma of the counted noun ("troop", "record"), folded.
    pub head: Option<String>,
    /// "about", "some", "roughly".
    pub approximate: bool,
    /// "hundreds of millions", "dozens".
    pub vague: bool,
    /// Count, estimate, expectation or cap.
    pub modality: Modality,
    /// Content words around the figure in its clause (lemmas, folded).
    pub context: Vec<String>,
    /// The (up to three) words right before the figure, lemmas, folded.
    pub before: Vec<String>,
}

impl QuantityFact {
    /// The interval the figure stands for, with the ±10 % of approximate values.
    pub fn interval(&self) -> Option<(f64, f64)> {
        if let Some(v) = self.value {
            let d = if self.approximate { v.abs() * 0.1 } else { 0.0 };
            return Some((v - d, v + d));
        }
        if self.min.is_none() && self.max.is_none() {
            return None;
        }
        let lo = self.min.unwrap_or(0.0);
        let hi = self.max.unwrap_or(f64::INFINITY);
        Some(if self.approximate {
            (lo * 0.9, hi * 1.1)
        } else {
            (lo, hi)
        })
    }
}

/// Words that make a figure a permitted maximum.
const ALLOWED: &[&str] = &[
    "allow",
    "authorise",
    "authorize",
    "cap",
    "ceiling",
    "legal",
    "licence",
    "license",
    "permit",
    "permitted",
    "quota",
];

/// Words that make a bare maximum a cap ("a fine of up to 4 per cent").
const CAP_NOUNS: &[&str] = &["fine", "limit", "maximum", "penalty"];

/// Markers of the future.
const FUTURE: &[&str] = &[
    "aim",
    "due",
    "expect",
    "expected",
    "forecast",
    "going",
    "intend",
    "must",
    "pledge",
    "plan",
    "planned",
    "project",
    "projected",
    "promise",
    "schedule",
    "scheduled",
    "shall",
    "target",
    "will",
    "would",
];

/// Modals that mark the future unless followed by "have" (a past possibility).
const MODALS: &[&str] = &["could", "may", "might"];

/// Verbs of capacity: "could house 1,500" is an estimate, not a forecast.
const CAPACITY: &[&str] = &["accommodate", "fit", "hold", "house", "seat"];

/// Cue lemmas that give an estimate.
const ESTIMATE_CUES: &[&str] = &[
    "assess",
    "believe",
    "calculate",
    "estimate",
    "gauge",
    "guess",
    "put",
    "reckon",
    "suspect",
    "think",
];

/// Words that mark an estimate in the figure's clause or sentence.
const ESTIMATE_WORDS: &[&str] = &[
    "analysis",
    "assessment",
    "calculation",
    "closer",
    "estimate",
    "estimated",
    "extrapolate",
    "likely",
    "probably",
    "real",
    "true",
];

/// Words anywhere in the sentence that make its figures estimates ("his analysis of gauge readings").
const SENTENCE_ESTIMATE: &[&str] = &[
    "analysis",
    "assessment",
    "calculation",
    "estimate",
    "estimated",
];

/// Counts of gatherings are estimates by nature.
const CROWD_WORDS: &[&str] = &[
    "attend",
    "attendance",
    "crowd",
    "demonstrator",
    "join",
    "marcher",
    "participant",
    "protester",
    "rally",
    "turnout",
];

/// Read one figure of a claim's content.
pub fn fact(
    a: &Analysis,
    q: &Quantity,
    at: &Attribution,
    content: &[Span],
    sentence: Span,
) -> QuantityFact {
    let text = a.text();
    let written = q.span.text(text);
    let lower = text::fold(written);
    let toks = tokens_in(a, q.span);
    let head = toks
        .clone()
        .rev()
        .find(|&t| a.tokens[t].pos.starts_with("NN"))
        .map(|t| text::fold(&a.tokens[t].lemma));
    let piece = content
        .iter()
        .find(|c| c.contains(&q.span))
        .copied()
        .unwrap_or(q.span);
    let window = window_lemmas(a, piece, toks.clone(), 10);
    let sentence_words = lemmas(a, tokens_in(a, sentence));
    let (mut value, mut min, mut max, mut approximate) = (q.value, q.min, q.max, q.approximate);
    let before = text::words(&text[piece.start..q.span.start]);
    let near_before: Vec<&str> = before.iter().rev().take(2).map(String::as_str).collect();
    if value.is_none()
        && max.is_some()
        && min.is_none()
        && (lower.starts_with("nearly") || lower.starts_with("almost"))
    {
        value = max.take();
        approximate = true;
    }
    if near_before.first() == Some(&"to") && near_before.get(1) == Some(&"closer") {
        approximate = true;
    }
    if value.is_none() && min.is_some() && max.is_some() && min == max {
        value = min.take();
        max = None;
    }
    let vague = !written.chars().any(|c| c.is_ascii_digit())
        && [
            "hundreds",
            "thousands",
            "dozens",
            "millions",
            "billions",
            "scores",
            "tens",
        ]
        .iter()
        .any(|w| lower.contains(w));
    let modality = modality(
        &at.cue.lemma,
        &window,
        &sentence_words,
        max.is_some() && min.is_none() && value.is_none(),
        head.as_deref(),
    );
    QuantityFact {
        text: written.to_string(),
        value,
        min,
        max,
        unit: q.unit.clone(),
        head,
        approximate,
        vague,
        modality,
        context: window,
        before: lemmas(
            a,
            toks.start.saturating_sub(3).max(tokens_in(a, piece).start)..toks.start,
        ),
    }
}

/// Folded lemmas of the tokens, all words (stop words included, for markers).
fn lemmas(a: &Analysis, toks: std::ops::Range<usize>) -> Vec<String> {
    toks.map(|t| {
        let tok = &a.tokens[t];
        if tok.lemma.is_empty() {
            text::fold(tok.span.text(a.text()))
        } else {
            text::fold(&tok.lemma)
        }
    })
    .collect()
}

/// Lemmas of up to `n` tokens on each side of the figure, inside its content piece.
fn window_lemmas(
    a: &Analysis,
    piece: Span,
    figure: std::ops::Range<usize>,
    n: usize,
) -> Vec<String> {
    let inside = tokens_in(a, piece);
    let start = figure.start.saturating_sub(n).max(inside.start);
    let end = (figure.end + n).min(inside.end).max(start);
    lemmas(a, start..end)
}

/// The modality of a figure from its cue, the words around it and its sentence.
fn modality(
    cue: &str,
    window: &[String],
    sentence: &[String],
    max_only: bool,
    head: Option<&str>,
) -> Modality {
    let has = |list: &[&str]| window.iter().any(|w| list.contains(&w.as_str()));
    if has(ALLOWED) || (max_only && has(CAP_NOUNS)) {
        return Modality::Allowed;
    }
    let capacity = has(CAPACITY);
    let modal_future = window.iter().enumerate().any(|(i, w)| {
        MODALS.contains(&w.as_str()) && window.get(i + 1).is_none_or(|next| next != "have")
    });
    if has(FUTURE) || (modal_future && !capacity) {
        return Modality::Expected;
    }
    let cue_words = text::words(cue);
    if cue_words
        .iter()
        .any(|w| ESTIMATE_CUES.contains(&w.as_str()))
        || has(ESTIMATE_WORDS)
        || capacity
        || sentence
            .iter()
            .any(|w| SENTENCE_ESTIMATE.contains(&w.as_str()))
        || has(CROWD_WORDS)
        || head.is_some_and(|h| CROWD_WORDS.contains(&h))
    {
        return Modality::Estimated;
    }
    Modality::Actual
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        text::words(s)
    }

    #[test]
    fn modality_from_the_words_around_the_figure() {
        let m = |cue: &str, w: &str| modality(cue, &words(w), &[], false, None);
        assert_eq!(m("say", "the permit allows 120 tonnes"), Modality::Allowed);
        assert_eq!(m("say", "doses are expected to arrive"), Modality::Expected);
        assert_eq!(
            m("say", "households would receive 5000 marks"),
            Modality::Expected
        );
        assert_eq!(
            m("say", "the tents could house 1500 personnel"),
            Modality::Estimated
        );
        assert_eq!(
            m("say", "the warning may have reached the agency"),
            Modality::Actual
        );
        assert_eq!(m("put", "the crowd at 18000"), Modality::Estimated);
        assert_eq!(
            m("say", "the true number was likely 4000"),
            Modality::Estimated
        );
        assert_eq!(
            m("say", "1200 troops arrived at the base"),
            Modality::Actual
        );
        assert_eq!(
            modality("say", &words("a fine of up to 4 per cent"), &[], true, None),
            Modality::Allowed
        );
    }

    #[test]
    fn intervals_widen_approximate_values() {
        let q = QuantityFact {
            text: "about 100".into(),
            value: Some(100.0),
            min: None,
            max: None,
            unit: None,
            head: None,
            approximate: true,
            vague: false,
            modality: Modality::Actual,
            context: vec![],
            before: vec![],
        };
        assert_eq!(q.interval(), Some((90.0, 110.0)));
    }
}
