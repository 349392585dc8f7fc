//! The attribution scorer of `../shared/eval/score_attributions.py`, reimplemented
//! with identical definitions so that `hearsay eval attributions` prints the
//! referee's table without leaving the binary.
//!
//! Every span becomes the set of `\w+` tokens it touches; matching is greedy
//! one-to-one by content Dice. See the shared scorer's README for the metrics.
//!
//! ```
//! use hearsay_attribution::brat::BratAttribution;
//! use hearsay_attribution::score::Scorer;
//! let text = "Kim said it rained.";
//! let gold = vec![BratAttribution { source: vec![(0, 3)], cue: vec![(4, 8)], content: vec![(9, 18)] }];
//! let mut s = Scorer::default();
//! s.add_document(text, &gold, Some(&gold));
//! assert_eq!(s.result().summary.attribution_f1_exact, 1.0);
//! ```

use crate::brat::{BratAttribution, CharSpan};
use serde::Serialize;
use serde::ser::SerializeMap;
use std::collections::BTreeMap;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

fn prf(tp_p: usize, n_pred: usize, tp_r: usize, n_gold: usize) -> Prf {
    let p = if n_pred > 0 {
        tp_p as f64 / n_pred as f64
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        tp_r as f64 / n_gold as f64
    } else {
        0.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf { p, r, f1 }
}

/// Token-level counts for one role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TokenCounts {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// Raw counts accumulated over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Documents with gold.
    pub docs: usize,
    /// Of those, documents with a prediction.
    pub docs_with_pred: usize,
    /// Gold attributions (with content tokens).
    pub gold: usize,
    /// Predicted attributions (with content tokens).
    pub pred: usize,
    /// Content-matched pairs.
    pub matched: usize,
    /// Matched pairs whose cue and source overlap too.
    pub full_overlap: usize,
    /// Matched pairs equal in all three roles.
    pub full_exact: usize,
    /// Matched pairs with equal content.
    pub content_exact: usize,
    /// Matched pairs whose gold has a source.
    pub gold_with_source_matched: usize,
    /// Of those, predicted source intersecting the gold one.
    pub source_overlap: usize,
    /// Of those, predicted source equal to the gold one.
    pub source_exact: usize,
    /// Matched pairs whose cues overlap.
    pub cue_overlap: usize,
    /// Matched pairs whose cues are equal.
    pub cue_exact: usize,
    /// Gold attributions dropped for covering no word token.
    pub gold_skipped_no_content: usize,
    /// Predicted attributions dropped for covering no word token.
    pub pred_skipped_no_content: usize,
}

/// The four headline numbers (the scorer's last line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Attribution F1, overlap criterion.
    pub attribution_f1_overlap: f64,
    /// Attribution F1, exact criterion.
    pub attribution_f1_exact: f64,
    /// Attribution F1 counting every content match.
    pub content_f1_overlap: f64,
    /// Source accuracy among matched pairs whose gold has a source.
    pub source_acc: f64,
}

/// Every number the shared scorer reports.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreResult {
    /// Raw counts.
    pub counts: Counts,
    /// Token-level P/R/F1 for source, cue, content.
    pub token: [(Prf, TokenCounts); 3],
    /// Attribution-level P/R/F1: overlap, exact, content overlap, content exact.
    pub attribution: [Prf; 4],
    /// Source accuracy (overlap).
    pub source_acc: f64,
    /// Source accuracy (exact).
    pub source_exact_acc: f64,
    /// Cue overlap among matched pairs.
    pub cue_acc: f64,
    /// Cue equality among matched pairs.
    pub cue_exact_acc: f64,
    /// The headline numbers.
    pub summary: Summary,
}

/// A scoring run: add documents, then read the result.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    counts: Counts,
    token: [TokenCounts; 3],
}

/// An attribution as sorted `\w+` token indices per role: source, cue, content.
pub(crate) type TokenSets = [Vec<u32>; 3];

/// Python's `\w` (with `re.UNICODE`): letters, digits and numerals, and `_`.
fn is_word_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `\w+` tokens of `text` as code-point ranges.
pub fn word_tokens(text: &str) -> Vec<CharSpan> {
    let mut out = Vec::new();
    let mut start = None;
    let mut n = 0;
    for c in text.chars() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(n),
            (false, Some(s)) => {
                out.push((s, n));
                start = None;
            }
            _ => {}
        }
        n += 1;
    }
    if let Some(s) = start {
        out.push((s, n));
    }
    out
}

/// Indices of the tokens intersecting any of `spans`, sorted.
fn to_tokens(spans: &[CharSpan], toks: &[CharSpan]) -> Vec<u32> {
    let mut out = Vec::new();
    for &(a, b) in spans {
        if b <= a {
            continue;
        }
        let mut i = toks.partition_point(|t| t.0 <= a).saturating_sub(1);
        while i < toks.len() && toks[i].0 < b {
            if toks[i].1 > a {
                out.push(i as u32);
            }
            i += 1;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

pub(crate) fn inter(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * inter(a, b) as f64 / (a.len() + b.len()) as f64
}

fn role_overlap(p: &[u32], g: &[u32]) -> bool {
    (p.is_empty() && g.is_empty()) || inter(p, g) > 0
}

/// Token sets of each attribution; those without content tokens are dropped and counted.
fn token_sets(atts: &[BratAttribution], toks: &[CharSpan]) -> (Vec<TokenSets>, usize) {
    let kept: Vec<TokenSets> = indexed_sets(atts, toks).into_iter().map(|x| x.1).collect();
    let dropped = atts.len() - kept.len();
    (kept, dropped)
}

/// Token sets of the attributions with content tokens, with their index in `atts`.
pub(crate) fn indexed_sets(atts: &[BratAttribution], toks: &[CharSpan]) -> Vec<(usize, TokenSets)> {
    atts.iter()
        .enumerate()
        .filter_map(|(k, a)| {
            let t = [
                to_tokens(&a.source, toks),
                to_tokens(&a.cue, toks),
                to_tokens(&a.content, toks),
            ];
            (!t[2].is_empty()).then_some((k, t))
        })
        .collect()
}

/// One-to-one greedy matching by content Dice; ties by cue + source Dice, then order.
pub(crate) fn greedy_match(preds: &[TokenSets], golds: &[TokenSets]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        for (j, g) in golds.iter().enumerate() {
            if inter(&p[2], &g[2]) > 0 {
                cands.push((
                    -dice(&p[2], &g[2]),
                    -(dice(&p[1], &g[1]) + dice(&p[0], &g[0])),
                    j,
                    i,
                ));
            }
        }
    }
    cands.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.total_cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut used_p = vec![false; preds.len()];
    let mut used_g = vec![false; golds.len()];
    let mut pairs = Vec::new();
    for (_, _, j, i) in cands {
        if used_p[i] || used_g[j] {
            continue;
        }
        used_p[i] = true;
        used_g[j] = true;
        pairs.push((i, j));
    }
    pairs
}

impl Scorer {
    /// Score one document: its text, gold attributions, and predictions
    /// (`None` when the system wrote no file for it).
    pub fn add_document(
        &mut self,
        text: &str,
        gold: &[BratAttribution],
        pred: Option<&[BratAttribution]>,
    ) {
        let toks = word_tokens(text);
        let (golds, gd) = token_sets(gold, &toks);
        let (preds, pd) = match pred {
            Some(p) => {
                self.counts.docs_with_pred += 1;
                token_sets(p, &toks)
            }
            None => (Vec::new(), 0),
        };
        let c = &mut self.counts;
        c.docs += 1;
        c.gold += golds.len();
        c.pred += preds.len();
        c.gold_skipped_no_content += gd;
        c.pred_skipped_no_content += pd;
        for r in 0..3 {
            let union = |atts: &[TokenSets]| {
                let mut u: Vec<u32> = atts.iter().flat_map(|a| a[r].iter().copied()).collect();
                u.sort_unstable();
                u.dedup();
                u
            };
            let (g, p) = (union(&golds), union(&preds));
            let tp = inter(&g, &p);
            self.token[r].tp += tp;
            self.token[r].fp += p.len() - tp;
            self.token[r].fn_ += g.len() - tp;
        }
        for (i, j) in greedy_match(&preds, &golds) {
            let (p, g) = (&preds[i], &golds[j]);
            c.matched += 1;
            let c_ex = p[2] == g[2];
            let cue_ov = role_overlap(&p[1], &g[1]);
            let src_ov = role_overlap(&p[0], &g[0]);
            c.content_exact += usize::from(c_ex);
            c.cue_overlap += usize::from(cue_ov);
            c.cue_exact += usize::from(p[1] == g[1]);
            if cue_ov && src_ov {
                c.full_overlap += 1;
            }
            if c_ex && p[1] == g[1] && p[0] == g[0] {
                c.full_exact += 1;
            }
            if !g[0].is_empty() {
                c.gold_with_source_matched += 1;
                c.source_overlap += usize::from(inter(&p[0], &g[0]) > 0);
                c.source_exact += usize::from(p[0] == g[0]);
            }
        }
    }

    /// The scores over the documents added so far.
    pub fn result(&self) -> ScoreResult {
        let c = self.counts;
        let token = self
            .token
            .map(|t| (prf(t.tp, t.tp + t.fp, t.tp, t.tp + t.fn_), t));
        let att = |k: usize| prf(k, c.pred, k, c.gold);
        let attribution = [
            att(c.full_overlap),
            att(c.full_exact),
            att(c.matched),
            att(c.content_exact),
        ];
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let source_acc = ratio(c.source_overlap, c.gold_with_source_matched);
        ScoreResult {
            counts: c,
            token,
            attribution,
            source_acc,
            source_exact_acc: ratio(c.source_exact, c.gold_with_source_matched),
            cue_acc: ratio(c.cue_overlap, c.matched),
            cue_exact_acc: ratio(c.cue_exact, c.matched),
            summary: Summary {
                attribution_f1_overlap: attribution[0].f1,
                attribution_f1_exact: attribution[1].f1,
                content_f1_overlap: attribution[2].f1,
                source_acc,
            },
        }
    }
}

/// One role's token-level scores, as the shared scorer's JSON has them.
#[derive(Serialize)]
struct TokenJson {
    #[serde(flatten)]
    prf: Prf,
    #[serde(flatten)]
    counts: TokenCounts,
}

/// One attribution-level criterion, as the shared scorer's JSON has it.
#[derive(Serialize)]
struct AttributionJson {
    #[serde(flatten)]
    prf: Prf,
    correct: usize,
}

/// The same keys as `score_attributions.py --json`.
impl Serialize for ScoreResult {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let c = &self.counts;
        let token: BTreeMap<&str, TokenJson> = ["source", "cue", "content"]
            .into_iter()
            .zip(self.token)
            .map(|(k, (prf, counts))| (k, TokenJson { prf, counts }))
            .collect();
        let correct = [c.full_overlap, c.full_exact, c.matched, c.content_exact];
        let attribution: BTreeMap<&str, AttributionJson> =
            ["overlap", "exact", "content_overlap", "content_exact"]
                .into_iter()
                .zip(self.attribution.iter().zip(correct))
                .map(|(k, (&prf, correct))| (k, AttributionJson { prf, correct }))
                .collect();
        let mut m = ser.serialize_map(Some(8))?;
        m.serialize_entry("attribution", &attribution)?;
        m.serialize_entry("counts", &self.counts)?;
        m.serialize_entry("cue_acc", &self.cue_acc)?;
        m.serialize_entry("cue_exact_acc", &self.cue_exact_acc)?;
        m.serialize_entry("source_acc", &self.source_acc)?;
        m.serialize_entry("source_exact_acc", &self.source_exact_acc)?;
        m.serialize_entry("summary", &self.summary)?;
        m.serialize_entry("token", &token)?;
        m.end()
    }
}

impl ScoreResult {
    /// The scorer's last line: the four headline numbers.
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        format!(
            "attribution_f1_overlap={:.3} attribution_f1_exact={:.3} content_f1_overlap={:.3} source_acc={:.3}",
            s.attribution_f1_overlap, s.attribution_f1_exact, s.content_f1_overlap, s.source_acc
        )
    }

    /// The scorer's full table, line for line as `score_attributions.py` prints it.
    pub fn table(&self) -> String {
        let c = &self.counts;
        let mut out = vec![
            format!(
                "documents: {} (with a prediction file: {})",
                c.docs, c.docs_with_pred
            ),
            format!(
                "attributions: gold {}, predicted {}, content-matched pairs {}",
                c.gold, c.pred, c.matched
            ),
        ];
        if c.gold_skipped_no_content > 0 || c.pred_skipped_no_content > 0 {
            out.push(format!(
                "skipped (no content tokens): gold {}, predicted {}",
                c.gold_skipped_no_content, c.pred_skipped_no_content
            ));
        }
        out.push(String::new());
        out.push("Token level (micro, \\w+ tokens)".into());
        out.push(format!(
            "{:<10} {:>7} {:>7} {:>7} {:>8} {:>8} {:>8}",
            "role", "P", "R", "F1", "tp", "fp", "fn"
        ));
        for (name, (p, t)) in ["source", "cue", "content"].iter().zip(&self.token) {
            out.push(format!(
                "{:<10} {:7.3} {:7.3} {:7.3} {:8} {:8} {:8}",
                name, p.p, p.r, p.f1, t.tp, t.fp, t.fn_
            ));
        }
        out.push(String::new());
        out.push("Attribution level (greedy 1:1 matching by content Dice)".into());
        out.push(format!(
            "{:<22} {:>7} {:>7} {:>7} {:>8}",
            "criterion", "P", "R", "F1", "correct"
        ));
        let correct = [c.full_overlap, c.full_exact, c.matched, c.content_exact];
        let labels = [
            "full overlap",
            "full exact",
            "content overlap",
            "content exact",
        ];
        for k in 0..4 {
            let a = &self.attribution[k];
            out.push(format!(
                "{:<22} {:7.3} {:7.3} {:7.3} {:8}",
                labels[k], a.p, a.r, a.f1, correct[k]
            ));
        }
        out.push(String::new());
        out.push(format!(
            "Matched pairs whose gold has a source: {}",
            c.gold_with_source_matched
        ));
        out.push(format!(
            "  source accuracy (overlap) {:.3}   source exact {:.3}",
            self.source_acc, self.source_exact_acc
        ));
        out.push(format!(
            "Matched pairs: cue overlap {:.3}   cue exact {:.3}",
            self.cue_acc, self.cue_exact_acc
        ));
        out.push(String::new());
        out.push(self.summary_line());
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn att(src: &[CharSpan], cue: &[CharSpan], con: &[CharSpan]) -> BratAttribution {
        BratAttribution {
            source: src.to_vec(),
            cue: cue.to_vec(),
            content: con.to_vec(),
        }
    }

    #[test]
    fn word_tokens_count_code_points() {
        assert_eq!(word_tokens("Korea’s x_1!"), [(0, 5), (6, 7), (8, 11)]);
    }

    #[test]
    fn empty_prediction_scores_zero_and_perfect_scores_one() {
        let text = "Kim said it rained. Lee said no.";
        let gold = vec![
            att(&[(0, 3)], &[(4, 8)], &[(9, 18)]),
            att(&[(20, 23)], &[(24, 28)], &[(29, 31)]),
        ];
        let mut s = Scorer::default();
        s.add_document(text, &gold, None);
        assert_eq!(s.result().summary, Summary::default());
        let mut s = Scorer::default();
        s.add_document(text, &gold, Some(&gold));
        let r = s.result();
        assert_eq!(r.summary.attribution_f1_exact, 1.0);
        assert_eq!(r.summary.source_acc, 1.0);
        assert!(r.table().ends_with(
            "attribution_f1_overlap=1.000 attribution_f1_exact=1.000 content_f1_overlap=1.000 source_acc=1.000"
        ));
    }

    #[test]
    fn partial_matches_count_as_overlap_not_exact() {
        let text = "Kim said it rained hard.";
        let gold = vec![att(&[(0, 3)], &[(4, 8)], &[(9, 23)])];
        let pred = vec![
            att(&[(0, 3)], &[(4, 8)], &[(9, 18)]),
            att(&[], &[(4, 8)], &[(19, 23)]),
        ];
        let mut s = Scorer::default();
        s.add_document(text, &gold, Some(&pred));
        let r = s.result();
        assert_eq!(r.counts.matched, 1);
        assert_eq!(r.counts.full_overlap, 1);
        assert_eq!(r.counts.full_exact, 0);
        assert_eq!(r.attribution[0].p, 0.5);
        assert_eq!(r.token[2].1.tp, 3);
    }
}
