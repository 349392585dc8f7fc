//! Relative pronouns as sources: "The Confederation of Tervanian Labour, which
//! says almost 200,000 people joined the march, …", "an engineer at the plant,
//! who told the Gazette …". The source is the noun phrase the pronoun refers
//! to; the pronoun stays as the words the cue names it by.

use crate::view::{DocView, NONE};

/// Most tokens of an antecedent noun phrase.
const MAX_PHRASE: usize = 14;

fn pos<'a>(v: &'a DocView, i: usize) -> &'a str {
    v.toks[i].pos.as_str()
}

fn nominal(v: &DocView, i: usize) -> bool {
    pos(v, i).starts_with("NN") || pos(v, i) == "PRP" || pos(v, i) == "CD"
}

/// Is token `p` a relative pronoun: "who"/"whom"/"which" after a noun (and a
/// comma), or "that" right after a noun?
fn is_relative(v: &DocView, p: usize) -> bool {
    let (slo, _) = v.sents[v.sent[p] as usize];
    if p == slo as usize {
        return false;
    }
    let prev = p - 1;
    match v.form(p).to_lowercase().as_str() {
        "who" | "whom" | "which" => {
            matches!(pos(v, p), "WP" | "WDT")
                && (nominal(v, prev)
                    || (v.form(prev) == "," && prev > slo as usize && nominal(v, prev - 1)))
        }
        "that" => pos(v, p) == "WDT" && nominal(v, prev),
        _ => false,
    }
}

/// Does the "of" at `k` stay inside a person's noun phrase: after a name
/// ("Minister of Defence") or a quantity ("one of the diplomats"), not after a
/// thing ("the account of an engineer")?
fn of_kept(v: &DocView, k: usize) -> bool {
    k > 0
        && (pos(v, k - 1).starts_with("NNP")
            || pos(v, k - 1) == "CD"
            || matches!(
                v.form(k - 1).to_lowercase().as_str(),
                "some" | "many" | "most" | "each" | "all" | "none" | "several" | "both" | "any"
            ))
}

/// The noun phrase before `p` read from the words alone: nouns, their
/// determiners, adjectives, numbers, possessives and "of"/"at"/"in" phrases,
/// back to a comma, a verb or the sentence start.
fn phrase_before(v: &DocView, p: usize) -> Option<(usize, usize)> {
    let person = matches!(v.form(p).to_lowercase().as_str(), "who" | "whom");
    let (slo, _) = v.sents[v.sent[p] as usize];
    let slo = slo as usize;
    let mut end = p;
    while end > slo && v.punct[end - 1] {
        end -= 1;
    }
    if end == slo || !nominal(v, end - 1) {
        return None;
    }
    let mut a = end - 1;
    while a > slo && end - a < MAX_PHRASE {
        let k = a - 1;
        let w = v.form(k).to_lowercase();
        let np_word = matches!(
            pos(v, k),
            "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "JJR" | "JJS" | "DT" | "CD" | "POS" | "PRP$"
        ) || matches!(w.as_str(), "(" | ")" | "-" | "'s" | "’s");
        let opens_np = nominal(v, a) || matches!(pos(v, a), "DT" | "JJ" | "PRP$" | "NNP");
        let linking = matches!(w.as_str(), "of" | "at" | "in" | "for" | "from")
            && opens_np
            && (w != "of" || !person || of_kept(v, k));
        if !(np_word || linking) {
            break;
        }
        a = k;
    }
    // A phrase opens with a determiner, a name, a noun or an adjective, not a preposition.
    while a < end && matches!(pos(v, a), "IN" | "POS") {
        a += 1;
    }
    (a < end).then_some((a, end))
}

/// The antecedent of the relative pronoun source on token `p`, when it is one:
/// the noun its clause modifies in the parse (with that noun's words before
/// the pronoun), else the noun phrase right before it.
pub(crate) fn antecedent(v: &DocView, p: usize) -> Option<(usize, usize)> {
    if !is_relative(v, p) {
        return None;
    }
    let verb = v.head[p];
    let noun = (verb != NONE)
        .then(|| v.head[verb as usize])
        .filter(|&n| n != NONE);
    if let Some(mut n) = noun.map(|n| n as usize).filter(|&n| n < p && nominal(v, n)) {
        // The noun of a prepositional phrase ("of Dock Workers") is inside the
        // antecedent: climb to the noun it modifies.
        while let Some(h) = Some(v.head[n]).filter(|&h| h != NONE).map(|h| h as usize) {
            let case = v
                .kids(n)
                .iter()
                .any(|&c| v.toks[c as usize].pos == "IN" && (c as usize) < n);
            if case && h < n && nominal(v, h) {
                n = h;
            } else {
                break;
            }
        }
        let mut a = n;
        let (slo, _) = v.sents[v.sent[p] as usize];
        while a > slo as usize && v.under(a - 1, n) {
            a -= 1;
        }
        let mut b = p;
        while b > n + 1 && v.punct[b - 1] {
            b -= 1;
        }
        let contiguous = (a..b).all(|k| v.under(k, n) || k == n);
        if contiguous && b - a <= MAX_PHRASE && pos(v, a) != "IN" {
            return Some((a, b));
        }
    }
    phrase_before(v, p)
}

/// The antecedent of a source on tokens `a..b` that is one relative pronoun
/// (a trailing comma aside).
pub(crate) fn source(v: &DocView, a: usize, b: usize) -> Option<(usize, usize)> {
    let words: Vec<usize> = (a..b).filter(|&i| !v.punct[i]).collect();
    match words[..] {
        [p] => antecedent(v, p),
        _ => None,
    }
}
