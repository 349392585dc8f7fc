//! The article-extraction benchmark's measure: F1 of the multiset of 4-word
//! shingles (lower-cased alphanumeric words) of the extracted text against the
//! expected body.

use std::collections::HashMap;

fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut counts = HashMap::new();
    for s in words.windows(4) {
        *counts.entry(s.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Precision, recall and F1 of `predicted` against `expected`.
pub fn shingle_prf(predicted: &str, expected: &str) -> (f64, f64, f64) {
    let (p, g) = (shingles(predicted), shingles(expected));
    let common: usize = p
        .iter()
        .map(|(k, n)| (*n).min(g.get(k).copied().unwrap_or(0)))
        .sum();
    let np: usize = p.values().sum();
    let ng: usize = g.values().sum();
    let precision = if np == 0 {
        0.0
    } else {
        common as f64 / np as f64
    };
    let recall = if ng == 0 {
        0.0
    } else {
        common as f64 / ng as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}
