//! Hedges and polarity: epistemic and modal markers ("could", "is likely to",
//! "reportedly"), negations ("did not", "no evidence") and denials ("denied"),
//! each with a certainty and the clause it qualifies.

use crate::lexicon::{HedgeEntry, Lexicon};
use crate::words::Words;
use hearsay_core::{Hedge, HedgeKind, Span};

/// Words after which a negation does not negate ("not only", "no doubt").
fn negation_exception(first: &str, next: &str) -> bool {
    match first {
        "not" | "n't" => matches!(
            next,
            "only" | "just" | "merely" | "least" | "to" | "necessarily"
        ),
        "no" => matches!(
            next,
            "doubt" | "matter" | "one" | "wonder" | "less" | "sooner"
        ),
        "never" => matches!(next, "mind"),
        _ => false,
    }
}

fn matches_entry(w: &Words, i: usize, e: &HedgeEntry) -> bool {
    e.words.iter().enumerate().all(|(k, m)| {
        let x = w.lw_at(i + k);
        if *m == "*" {
            crate::lexicon::BE_FORMS.contains(&x)
        } else {
            x == *m
        }
    })
}

/// True when word `i` ("may", "might", "could") is used as a modal verb here.
fn is_modal_use(w: &Words, i: usize) -> bool {
    if w.has_pos() {
        return w.pos(i) == "MD";
    }
    // "May" with a capital inside a sentence, or before a number, is the month.
    let lw = w.lw(i);
    if lw == "may" && w.is_cap(i) {
        let next = w.lw_at(i + 1);
        return w.starts_sentence(i)
            && !next.starts_with(|c: char| c.is_ascii_digit())
            && !next.is_empty()
            && next != ",";
    }
    true
}

/// The clause around word `i`: from the last clause break before it to the next
/// one after it (sentence ends, `;`, `:`, dashes, and commas before a conjunction).
fn clause(w: &Words, i: usize) -> Span {
    let r = &w.sentences[w.sentence_of(i)];
    let is_break = |k: usize| {
        matches!(w.w(k), ";" | ":" | "—" | "–")
            || (w.w(k) == ","
                && matches!(
                    w.lw_at(k + 1),
                    "but" | "while" | "although" | "though" | "whereas" | "so" | "because"
                ))
    };
    let mut a = i;
    while a > r.start && !is_break(a - 1) {
        a -= 1;
    }
    let mut b = i + 1;
    while b < r.end && !is_break(b) {
        b += 1;
    }
    while b > i + 1 && matches!(w.w(b - 1), "." | "!" | "?" | "\"" | "”" | "," | "’") {
        b -= 1;
    }
    w.span_of(a..b)
}

/// Hedge, negation and denial markers of the text, longest match first.
pub(crate) fn find(w: &Words, lex: &Lexicon) -> Vec<Hedge> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let Some(list) = lex.hedges.get(w.lw(i)) else {
            i += 1;
            continue;
        };
        let hit = list.iter().find(|e| matches_entry(w, i, e));
        let Some(e) = hit else {
            i += 1;
            continue;
        };
        let end = i + e.words.len();
        let first = e.words[0];
        let skip = (e.kind == HedgeKind::Negation
            && e.words.len() == 1
            && negation_exception(first, w.lw_at(end)))
            || (matches!(first, "may" | "might" | "could")
                && e.words.len() == 1
                && !is_modal_use(w, i))
            || (first == "no" && e.words.len() == 1 && w.has_pos() && w.pos(i) != "DT");
        if skip {
            i += 1;
            continue;
        }
        out.push(Hedge {
            span: w.span_of(i..end),
            certainty: e.certainty,
            kind: e.kind,
            scope: clause(w, i),
        });
        i = end;
    }
    out
}
