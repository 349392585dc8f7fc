//! Scoring name mentions against flat four-class NER annotation (PERSON,
//! ORGANIZATION, LOCATION, MISC), exact span and class.

use hearsay_core::{EntityType, Span};
use std::collections::HashSet;

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
    matches!(label, "PERSON" | "ORGANIZATION" | "LOCATION" | "MISC")
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
}
