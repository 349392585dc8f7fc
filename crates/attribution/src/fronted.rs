//! The reporting clause after its content: "CONTENT, SOURCE said (on Monday)."
//!
//! News writes most attributions this way, and a long content with numbers,
//! participles and lists ("… late on Sunday, killing at least seven people and
//! injuring more than 60, the agency said") is where the taggers cut the
//! content short or take part of it for the source. The rule: a speech verb
//! closes its clause (only a prepositional or time adjunct, or the addressee
//! of "told", follows it), its subject is the noun phrase after the last comma
//! before it, and the content is the main clause before that comma. What may
//! follow the reporting clause after a comma:
//!
//! * nothing, an apposition to the content ("…, more than twice the official
//!   toll") or a participle of the reporting ("…, citing …"): not content;
//! * a subordinate clause ("…, the agency said, after rescuers recovered …"):
//!   a second piece of the content;
//! * anything else (the content resumes: "X, he said, Y"): the rule does not apply.

use crate::lexicon::SPEECH;
use crate::role::Roles;
use crate::view::{DocView, NONE};

/// Fewest word tokens a fronted content has.
const MIN_CONTENT: usize = 4;
/// Most tokens of a source noun phrase.
const MAX_SOURCE: usize = 16;
/// Most tokens of the adjunct after the cue ("on Monday", "in a statement on Tuesday").
const MAX_ADJUNCT: usize = 6;

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "as", "when", "while", "since", "because", "although", "though", "until",
    "unless", "once", "whereas", "if",
];

/// Words that open a comment on the content ("…, up from 46", "…, double the
/// first estimate", "…, which would be hard to square with …").
const COMMENT_WORDS: &[&str] = &[
    "up", "down", "double", "twice", "half", "more", "less", "fewer",
];

/// Reporting verbs whose object is the addressee, not the content ("told the Courier").
const ADDRESSEE_VERBS: &[&str] = &["tell", "inform", "brief", "assure", "remind", "warn"];

/// Words that start a time adjunct without a preposition ("said Tuesday", "said last week").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "last",
    "this",
    "earlier",
    "later",
];

fn pos<'a>(v: &'a DocView, i: usize) -> &'a str {
    v.toks[i].pos.as_str()
}

fn lower(v: &DocView, i: usize) -> String {
    v.form(i).to_lowercase()
}

fn finite(v: &DocView, i: usize) -> bool {
    matches!(pos(v, i), "VBD" | "VBZ" | "VBP" | "MD")
}

fn verb(v: &DocView, i: usize) -> bool {
    pos(v, i).starts_with("VB") || pos(v, i) == "MD"
}

/// Is token `i` a comma outside parentheses, counting from `lo`?
fn top_comma(v: &DocView, lo: usize, i: usize) -> bool {
    if v.form(i) != "," || v.quote[i] != NONE {
        return false;
    }
    let depth: i32 = (lo..i)
        .map(|k| match v.form(k) {
            "(" | "[" => 1,
            ")" | "]" => -1,
            _ => 0,
        })
        .sum();
    depth == 0
}

/// Where the reporting clause ends: the first token after the cue's adjunct,
/// when only an adjunct follows the cue before a comma or the sentence end.
fn clause_end(v: &DocView, cue: (usize, usize), lemma: &str, shi: usize) -> Option<usize> {
    let stop = |k: usize| matches!(v.form(k), "," | ";" | "." | "!" | "?");
    let mut k = cue.1;
    while k < shi && !stop(k) {
        k += 1;
    }
    if k == cue.1 {
        return Some(k);
    }
    let first = cue.1;
    let opens = matches!(pos(v, first), "IN" | "TO" | "RB")
        || TIME_WORDS.contains(&lower(v, first).as_str())
        || ADDRESSEE_VERBS.contains(&lemma);
    let plain = (first..k).all(|i| {
        !pos(v, i).starts_with("VB")
            && pos(v, i) != "MD"
            && v.quote[i] == NONE
            && !matches!(lower(v, i).as_str(), "that" | "whether" | ":")
    });
    (opens
        && plain
        && k - first <= MAX_ADJUNCT
        && !SUBORDINATORS.contains(&lower(v, first).as_str()))
    .then_some(k)
}

/// The subject of the cue: the noun phrase after the last comma before it, with
/// a parenthetical or a name it follows ("Tilde Marrasch, who chairs the union,
/// said"; "Marit Okelberg, the lab's director, said"; "the lab's director,
/// Marit Okelberg, told"). Returns the comma before the subject and the
/// subject's tokens.
fn subject(v: &DocView, slo: usize, cue: usize) -> Option<(usize, (usize, usize))> {
    let commas: Vec<usize> = (slo..cue).filter(|&i| top_comma(v, slo, i)).collect();
    let mut n = commas.len();
    // A comma right before the cue closes a parenthetical of the subject:
    // "NAME, who chairs the union, said", "NAME, the lab's director, said",
    // "the inspectorate's chief, NAME, told". The subject is the two segments.
    if n >= 1 && commas[n - 1] + 1 == cue {
        if n < 3 {
            return None;
        }
        let (p, q) = (commas[n - 2], commas[n - 1]);
        let second = p + 1;
        let names = (second..q).all(|i| pos(v, i).starts_with("NNP"));
        let parenthetical =
            matches!(pos(v, second), "WP" | "WDT" | "WP$" | "DT" | "PRP$" | "JJ") || names;
        if !parenthetical || q - second > MAX_SOURCE {
            return None;
        }
        n -= 2;
    }
    if n == 0 {
        return None;
    }
    let comma = commas[n - 1];
    let start = comma + 1;
    let opens = matches!(
        pos(v, start),
        "DT" | "CD" | "JJ" | "PRP$" | "PRP" | "NN" | "NNS" | "NNP" | "NNPS"
    );
    let nominal = (start..cue).any(|i| pos(v, i).starts_with("NN") || pos(v, i) == "PRP");
    let relative = (start..cue).any(|i| matches!(pos(v, i), "WP" | "WDT" | "WP$"))
        && !matches!(pos(v, comma + 1), "WP" | "WDT")
        && !(start..cue).any(|i| v.form(i) == ",");
    // The comma closing a parenthetical is not part of the subject.
    let end = if v.form(cue - 1) == "," { cue - 1 } else { cue };
    (opens && nominal && !relative && end - start <= MAX_SOURCE && v.quote[start] == NONE)
        .then_some((comma, (start, end)))
}

/// Does the clause on `a..b` open like a main clause (not "If …", "Asked about …",
/// "To understand …", "In her book …")?
fn main_clause(v: &DocView, a: usize, b: usize) -> bool {
    let mut k = a;
    while k < b && (v.punct[k] || pos(v, k) == "CC") {
        k += 1;
    }
    if k >= b {
        return false;
    }
    let adverb_then_subordinate =
        pos(v, k) == "RB" && k + 1 < b && matches!(pos(v, k + 1), "IN" | "WRB" | "TO");
    // "About 1,200 troops …": a preposition of a number opens a noun phrase.
    let of_number = k + 1 < b && pos(v, k + 1) == "CD";
    (of_number || !matches!(pos(v, k), "IN" | "TO" | "WRB" | "VBG" | "VBN" | "VB"))
        && !adverb_then_subordinate
}

/// The roles of a reporting cue `cue` whose content comes first, or `None`
/// when the sentence is not of that shape. `from` is the first token the
/// content may take (after a dateline).
pub(crate) fn roles(v: &DocView, cue: (usize, usize), from: usize) -> Option<Roles> {
    let head = v.top_of(cue.0, cue.1);
    if v.lex[head] & SPEECH == 0 || !pos(v, head).starts_with("VB") || v.quote[head] != NONE {
        return None;
    }
    let lemma = v.lemma_str(head).to_lowercase();
    let (slo, shi) = v.sents[v.sent[cue.0] as usize];
    let (slo, shi) = ((slo as usize).max(from), shi as usize);
    if cue.0 <= slo {
        return None;
    }
    let end = clause_end(v, cue, &lemma, shi)?;
    let (comma, src) = subject(v, slo, cue.0)?;
    let mut a = slo;
    while a < comma && v.punct[a] {
        a += 1;
    }
    let words = (a..comma).filter(|&i| !v.punct[i]).count();
    let quoted = (a..comma).filter(|&i| v.quote[i] != NONE).count();
    if words < MIN_CONTENT
        || quoted * 2 >= words
        || !(a..comma).any(|i| verb(v, i))
        || !main_clause(v, a, comma)
    {
        return None;
    }
    let mut content = vec![(a, comma)];
    // What follows the reporting clause after a comma.
    if end < shi && v.form(end) == "," {
        let (ya, mut yb) = (end + 1, shi);
        while yb > ya && v.punct[yb - 1] {
            yb -= 1;
        }
        if ya < yb {
            let first = lower(v, ya);
            // "…, roughly twice what the government had estimated": a comment on
            // the content, not more of it.
            let comment = matches!(pos(v, ya), "RB" | "RBR" | "JJ" | "JJR" | "CD")
                || COMMENT_WORDS.contains(&first.as_str());
            if SUBORDINATORS.contains(&first.as_str()) {
                content.push((ya, yb));
            } else if pos(v, ya) != "VBG"
                && !comment
                && (ya..yb).any(|i| finite(v, i) || v.quote[i] != NONE)
            {
                return None;
            }
        }
    }
    Some(Roles {
        source: Some(src),
        content,
    })
}
