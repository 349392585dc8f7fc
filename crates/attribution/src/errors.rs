//! Error analysis: which kinds of attribution a system misses or invents, and
//! where matched ones differ from the gold, counted over a corpus.
//!
//! Matching is the scorer's ([`crate::score`]): greedy one-to-one by content.
//! Cues are classed by their words (speech verbs, "according to", punctuation,
//! multi-word phrases, other verbs and nouns); contents by their form.
//!
//! ```
//! use hearsay_attribution::brat::BratAttribution;
//! use hearsay_attribution::errors::ErrorReport;
//! let text = "Kim said it rained. Lee hoped so.";
//! let gold = vec![
//!     BratAttribution { source: vec![(0, 3)], cue: vec![(4, 8)], content: vec![(9, 18)] },
//!     BratAttribution { source: vec![(20, 23)], cue: vec![(24, 29)], content: vec![(30, 32)] },
//! ];
//! let mut r = ErrorReport::default();
//! r.add_document(text, &gold, &gold[..1]);
//! assert_eq!(r.count("missed", "cue: other verb or noun"), 1);
//! ```

use crate::brat::{BratAttribution, CharSpan};
use crate::score::{TokenSets, greedy_match, indexed_sets, inter, word_tokens};
use std::collections::BTreeMap;

/// Word forms of speech verbs, the commonest cues.
const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "write",
    "writes",
    "wrote",
    "writing",
    "report",
    "reports",
    "reported",
    "announce",
    "announced",
    "announces",
    "state",
    "stated",
    "states",
    "note",
    "noted",
    "notes",
    "noting",
    "explain",
    "explained",
    "explains",
    "claim",
    "claimed",
    "claims",
    "argue",
    "argued",
    "argues",
    "insist",
    "insisted",
    "warn",
    "warned",
    "ask",
    "asked",
    "asks",
    "reply",
    "replied",
    "respond",
    "responded",
    "tweet",
    "tweeted",
    "testified",
    "acknowledge",
    "acknowledged",
    "admit",
    "admitted",
    "confirm",
    "confirmed",
    "deny",
    "denied",
    "suggest",
    "suggested",
    "predict",
    "predicted",
    "recall",
    "recalled",
    "declare",
    "declared",
    "describe",
    "described",
    "call",
    "called",
    "calls",
    "calling",
    "cite",
    "cited",
    "citing",
    "continue",
    "continued",
    "quoted",
];

/// The class of a cue, from its words.
pub fn cue_class(cue: &str) -> &'static str {
    let lower = cue.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "cue: punctuation (: ― —)"
    } else if lower.contains("according to") {
        "cue: according to"
    } else if words.iter().any(|w| SPEECH.contains(w)) {
        if words.len() >= 3 {
            "cue: speech verb in a longer phrase"
        } else {
            "cue: speech verb"
        }
    } else if words.len() >= 3 {
        "cue: other multi-word phrase"
    } else {
        "cue: other verb or noun"
    }
}

fn text_of(text: &str, spans: &[CharSpan]) -> String {
    spans
        .iter()
        .map(|&(a, b)| {
            text.chars()
                .skip(a)
                .take(b.saturating_sub(a))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The form of a content: quoted or not, in one piece or several, before or after the cue.
fn content_form(text: &str, a: &BratAttribution) -> &'static str {
    let t = text_of(text, &a.content);
    let quoted = t.trim_start().starts_with(['"', '“', '”', '\'', '‘']) || t.starts_with("''");
    let before = match (a.content.first(), a.cue.first()) {
        (Some(c), Some(q)) => c.0 < q.0,
        _ => false,
    };
    match (quoted, a.content.len() > 1, before) {
        (true, true, _) => "content: quote in several pieces",
        (true, false, true) => "content: quote before the cue",
        (true, false, false) => "content: quote after the cue",
        (false, true, _) => "content: paraphrase in several pieces",
        (false, false, true) => "content: paraphrase before the cue",
        (false, false, false) => "content: paraphrase after the cue",
    }
}

/// Counts of error kinds, by section and kind.
#[derive(Debug, Clone, Default)]
pub struct ErrorReport {
    counts: BTreeMap<(&'static str, &'static str), usize>,
}

impl ErrorReport {
    fn bump(&mut self, section: &'static str, kind: &'static str) {
        *self.counts.entry((section, kind)).or_default() += 1;
    }

    /// The count of one kind of error in one section (0 when never seen).
    pub fn count(&self, section: &str, kind: &str) -> usize {
        self.counts
            .iter()
            .find(|((s, k), _)| *s == section && *k == kind)
            .map_or(0, |(_, n)| *n)
    }

    /// Add one document's gold and predicted attributions.
    pub fn add_document(&mut self, text: &str, gold: &[BratAttribution], pred: &[BratAttribution]) {
        let toks = word_tokens(text);
        let g = indexed_sets(gold, &toks);
        let p = indexed_sets(pred, &toks);
        let gs: Vec<TokenSets> = g.iter().map(|x| x.1.clone()).collect();
        let ps: Vec<TokenSets> = p.iter().map(|x| x.1.clone()).collect();
        let pairs = greedy_match(&ps, &gs);
        let mut g_used = vec![false; gs.len()];
        let mut p_used = vec![false; ps.len()];
        for &(i, j) in &pairs {
            p_used[i] = true;
            g_used[j] = true;
            let (pt, gt) = (&ps[i], &gs[j]);
            let kind = if pt[1].is_empty() != gt[1].is_empty()
                || (inter(&pt[1], &gt[1]) == 0 && !gt[1].is_empty())
            {
                "cue elsewhere"
            } else if !gt[0].is_empty() && pt[0].is_empty() {
                "source missing"
            } else if gt[0].is_empty() && !pt[0].is_empty() {
                "source where gold has none"
            } else if !gt[0].is_empty() && inter(&pt[0], &gt[0]) == 0 {
                "source elsewhere"
            } else if pt[2] != gt[2] {
                "content boundaries differ"
            } else if pt[1] != gt[1] {
                "cue boundaries differ"
            } else if pt[0] != gt[0] {
                "source boundaries differ"
            } else {
                "exact"
            };
            self.bump("matched", kind);
        }
        for (j, used) in g_used.iter().enumerate() {
            if *used {
                continue;
            }
            let a = &gold[g[j].0];
            self.bump("missed", cue_class(&text_of(text, &a.cue)));
            self.bump("missed", content_form(text, a));
            let cue_found = ps.iter().any(|pt| inter(&pt[1], &gs[j][1]) > 0);
            self.bump(
                "missed",
                if cue_found {
                    "cause: cue found, content elsewhere"
                } else {
                    "cause: cue not found"
                },
            );
        }
        for (i, used) in p_used.iter().enumerate() {
            if *used {
                continue;
            }
            let a = &pred[p[i].0];
            self.bump("spurious", cue_class(&text_of(text, &a.cue)));
            let gold_cue = gs.iter().any(|gt| inter(&gt[1], &ps[i][1]) > 0);
            self.bump(
                "spurious",
                if gold_cue {
                    "cause: a gold cue, content elsewhere"
                } else {
                    "cause: not a gold cue"
                },
            );
        }
    }

    /// The counts as a table: missed gold attributions, spurious predictions,
    /// and how matched pairs differ from the gold.
    pub fn table(&self) -> String {
        let mut out = Vec::new();
        for (section, title) in [
            ("missed", "Gold attributions with no content match, by kind"),
            ("spurious", "Predictions with no content match, by kind"),
            (
                "matched",
                "Content-matched pairs, by first difference from gold",
            ),
        ] {
            out.push(title.to_string());
            for ((s, k), n) in &self.counts {
                if *s == section {
                    out.push(format!("  {k:<42} {n:>6}"));
                }
            }
            out.push(String::new());
        }
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_cues() {
        assert_eq!(cue_class("said"), "cue: speech verb");
        assert_eq!(
            cue_class("said in a statement"),
            "cue: speech verb in a longer phrase"
        );
        assert_eq!(cue_class("According to"), "cue: according to");
        assert_eq!(cue_class(":"), "cue: punctuation (: ― —)");
        assert_eq!(cue_class("believes"), "cue: other verb or noun");
    }

    #[test]
    fn spurious_and_matched_kinds_are_counted() {
        let text = "Kim said it rained. Lee hoped so.";
        let gold = vec![BratAttribution {
            source: vec![(0, 3)],
            cue: vec![(4, 8)],
            content: vec![(9, 18)],
        }];
        let pred = vec![
            BratAttribution {
                source: vec![],
                cue: vec![(4, 8)],
                content: vec![(9, 11)],
            },
            BratAttribution {
                source: vec![(20, 23)],
                cue: vec![(24, 29)],
                content: vec![(30, 32)],
            },
        ];
        let mut r = ErrorReport::default();
        r.add_document(text, &gold, &pred);
        assert_eq!(r.count("matched", "source missing"), 1);
        assert_eq!(r.count("spurious", "cause: not a gold cue"), 1);
        assert!(r.table().contains("source missing"));
    }
}
