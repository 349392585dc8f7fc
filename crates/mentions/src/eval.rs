//! Scoring name mentions against flat four-class NER annotation (PERSON,
//! ORGANIZATION, LOCATION, MISC), exact span and class: the language stages' NER
//! spans side by side with the mention stage's typed entities mapped back to the
//! four classes, and what the mention stage changed.
//!
//! ```
//! use hearsay_core::Span;
//! use hearsay_mentions::eval::NerComparison;
//! let s = |a, b| Span::new(a, b);
//! let text = "Jordan closed its airspace.";
//! let gold = [(s(0, 6), "LOCATION")];
//! let mut c = NerComparison::default();
//! c.add(text, &gold, &[(s(0, 6), "PERSON")], &[(s(0, 6), "LOCATION")]);
//! assert_eq!((c.raw[4].f1(), c.typed[4].f1()), (0.0, 1.0));
//! assert_eq!(c.changes()[0].net, 1);
//! ```

use crate::MentionStage;
use hearsay_core::{Analysis, EntityType, Span};
use std::collections::{BTreeMap, HashSet};

/// The four scored classes, in report order (index 4 of the count arrays is all of them).
pub const CLASSES: [&str; 4] = ["PERSON", "ORGANIZATION", "LOCATION", "MISC"];

/// The four-class label a mention type maps back to.
pub fn four_class(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "PERSON",
        EntityType::Org => "ORGANIZATION",
        EntityType::Gpe | EntityType::Loc => "LOCATION",
        EntityType::Norp | EntityType::Misc => "MISC",
    }
}

/// True for the labels the four-class scheme scores.
pub fn is_scored(label: &str) -> bool {
    CLASSES.contains(&label)
}

/// The scored spans of the language stages' NER in an analysis.
pub fn ner_spans(a: &Analysis) -> Vec<(Span, &str)> {
    a.ner
        .iter()
        .filter(|n| is_scored(&n.label))
        .map(|n| (n.span, n.label.as_str()))
        .collect()
}

/// The mention stage's top-level name mentions in an analysis that went through
/// the language stages (not yet through the mention stage), in the four classes.
pub fn typed_spans(stage: &MentionStage, a: &Analysis) -> Vec<(Span, &'static str)> {
    stage
        .name_spans(a)
        .into_iter()
        .map(|(s, t)| (s, four_class(t)))
        .collect()
}

/// True-positive, false-positive and false-negative counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold (same span and label).
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Count one document's spans.
    pub fn add(&mut self, gold: &[(Span, &str)], pred: &[(Span, &str)]) {
        let g: HashSet<(Span, &str)> = gold.iter().copied().collect();
        let p: HashSet<(Span, &str)> = pred.iter().copied().collect();
        let tp = g.intersection(&p).count();
        self.tp += tp;
        self.fp += p.len() - tp;
        self.fn_ += g.len() - tp;
    }

    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// One kind of change the mention stage made to the NER's reading of a stretch of
/// text (`PERSON "Jordan" → LOCATION "Jordan"`), how often, and its effect on true positives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The NER's spans (or `-`) and the typed spans (or `-`), with labels and texts.
    pub what: String,
    /// How many times it happened.
    pub count: usize,
    /// True positives won minus true positives lost.
    pub net: i64,
}

/// The language NER and the typed mentions scored against the same gold spans.
#[derive(Debug, Clone, Default)]
pub struct NerComparison {
    /// Documents counted.
    pub documents: usize,
    /// Counts of the NER's spans, per class of [`CLASSES`], then all classes.
    pub raw: [Counts; 5],
    /// Counts of the typed mentions, per class of [`CLASSES`], then all classes.
    pub typed: [Counts; 5],
    changes: BTreeMap<String, (usize, i64)>,
}

impl NerComparison {
    /// Count one document: gold spans, the NER's spans and the typed mentions'
    /// spans, each with a four-class label.
    pub fn add(
        &mut self,
        text: &str,
        gold: &[(Span, &str)],
        raw: &[(Span, &str)],
        typed: &[(Span, &str)],
    ) {
        self.documents += 1;
        for (k, class) in CLASSES.iter().enumerate() {
            let only = |v: &[(Span, &str)]| -> Vec<(Span, &'static str)> {
                v.iter()
                    .filter(|(_, l)| l == class)
                    .map(|(s, _)| (*s, *class))
                    .collect()
            };
            self.raw[k].add(&only(gold), &only(raw));
            self.typed[k].add(&only(gold), &only(typed));
        }
        self.raw[4].add(gold, raw);
        self.typed[4].add(gold, typed);
        for (what, net) in differences(text, gold, raw, typed) {
            let e = self.changes.entry(what).or_default();
            e.0 += 1;
            e.1 += net;
        }
    }

    /// The changes the mention stage made, most harmful first, then most helpful.
    pub fn changes(&self) -> Vec<Change> {
        let mut v: Vec<Change> = self
            .changes
            .iter()
            .map(|(what, &(count, net))| Change {
                what: what.clone(),
                count,
                net,
            })
            .collect();
        v.sort_by(|a, b| {
            a.net
                .cmp(&b.net)
                .then(b.count.cmp(&a.count))
                .then(a.what.cmp(&b.what))
        });
        v
    }
}

/// The stretches of text where the NER's spans and the typed spans differ: each
/// group of spans that overlap one another, described, with the true positives
/// the typed spans win minus those the NER's spans had.
fn differences(
    text: &str,
    gold: &[(Span, &str)],
    raw: &[(Span, &str)],
    typed: &[(Span, &str)],
) -> Vec<(String, i64)> {
    let gold: HashSet<(Span, &str)> = gold.iter().copied().collect();
    // Every span with its side (false: the NER, true: typed), in text order.
    let mut all: Vec<(Span, &str, bool)> = raw
        .iter()
        .map(|&(s, l)| (s, l, false))
        .chain(typed.iter().map(|&(s, l)| (s, l, true)))
        .collect();
    all.sort_by_key(|&(s, l, side)| (s.start, s.end, side, l));
    let mut out = Vec::new();
    let mut k = 0;
    while k < all.len() {
        let mut end = all[k].0.end;
        let mut j = k + 1;
        while j < all.len() && all[j].0.start < end {
            end = end.max(all[j].0.end);
            j += 1;
        }
        let group = &all[k..j];
        k = j;
        let side = |typed: bool| -> Vec<(Span, &str)> {
            group
                .iter()
                .filter(|g| g.2 == typed)
                .map(|g| (g.0, g.1))
                .collect()
        };
        let (r, t) = (side(false), side(true));
        if r == t {
            continue;
        }
        let right = |v: &[(Span, &str)]| v.iter().filter(|x| gold.contains(*x)).count() as i64;
        let show = |v: &[(Span, &str)]| -> String {
            if v.is_empty() {
                return "-".to_string();
            }
            let parts: Vec<String> = v
                .iter()
                .map(|(s, l)| format!("{l} {:?}", s.text(text)))
                .collect();
            parts.join(" + ")
        };
        out.push((
            format!("{} → {}", show(&r), show(&t)),
            right(&t) - right(&r),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_span_and_label() {
        let mut c = Counts::default();
        let s = |a, b| Span::new(a, b);
        c.add(
            &[(s(0, 5), "PERSON"), (s(10, 15), "LOCATION")],
            &[
                (s(0, 5), "PERSON"),
                (s(10, 15), "MISC"),
                (s(20, 22), "MISC"),
            ],
        );
        assert_eq!(
            c,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 1
            }
        );
        assert!((c.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((c.recall() - 0.5).abs() < 1e-9);
        assert_eq!(four_class(EntityType::Norp), "MISC");
    }

    #[test]
    fn changes_count_what_was_won_and_lost() {
        let s = |a, b| Span::new(a, b);
        let text = "Trump met Ban in Paris.";
        let gold = [(s(0, 5), "PERSON"), (s(17, 22), "LOCATION")];
        let raw = [(s(0, 5), "PERSON"), (s(17, 22), "PERSON")];
        let typed = [
            (s(0, 5), "ORGANIZATION"),
            (s(10, 13), "PERSON"),
            (s(17, 22), "LOCATION"),
        ];
        let mut c = NerComparison::default();
        c.add(text, &gold, &raw, &typed);
        let ch = c.changes();
        assert_eq!(ch.len(), 3);
        assert_eq!((ch[0].net, ch[0].what.contains("\"Trump\"")), (-1, true));
        assert_eq!((ch[1].net, ch[1].what.contains("\"Ban\"")), (0, true));
        assert_eq!((ch[2].net, ch[2].what.contains("\"Paris\"")), (1, true));
        assert_eq!((c.raw[4].tp, c.typed[4].tp), (1, 1));
        assert_eq!(c.documents, 1);
    }
}
