//! Figures reported by a verb: "Police put the crowd at about 18,000", "the
//! ministry raised its count to 480 suspected cases", "Tamberlow now puts the
//! damage at about 1.6 billion marks", "CNR revised its estimate to about 1.1
//! million". The verb is no speech verb, so the taggers rarely take it for a
//! cue, but news reports figures this way more than any other: the subject
//! is the source and the predicate, figure and all, the content.

use crate::chain::Kept;
use crate::lexicon::SPEECH;
use crate::relative;
use crate::role::Roles;
use crate::view::{DocView, NONE};

/// Verbs that put an estimate "at" a figure ("set" and "fix" only with a count
/// noun: "set the toll at 12", not "set the limit at 120").
const AT_VERBS: &[&str] = &["put", "peg", "place", "estimate", "value"];
/// Verbs that move a count "to" a figure.
const TO_VERBS: &[&str] = &[
    "raise",
    "lower",
    "revise",
    "cut",
    "increase",
    "lift",
    "reduce",
    "update",
    "adjust",
    "bring",
    "upgrade",
    "downgrade",
];
/// Nouns of counts that a "to" verb revises ("raised its count to 480", not "raised taxes to 20 percent").
const COUNT_NOUNS: &[&str] = &[
    "number",
    "figure",
    "figures",
    "count",
    "toll",
    "tally",
    "total",
    "estimate",
    "estimates",
    "forecast",
    "projection",
    "assessment",
];
/// Number words a figure may be written in.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "million",
    "billion",
];
/// Most tokens between the verb and its "at"/"to".
const MAX_OBJECT: usize = 14;
/// Most tokens between "at"/"to" and the figure ("at no more than 400,000").
const MAX_LEAD: usize = 4;

fn pos<'a>(v: &'a DocView, i: usize) -> &'a str {
    v.toks[i].pos.as_str()
}

fn lower(v: &DocView, i: usize) -> String {
    v.form(i).to_lowercase()
}

fn is_number(v: &DocView, i: usize) -> bool {
    pos(v, i) == "CD" || NUMBER_WORDS.contains(&lower(v, i).as_str())
}

/// The "at"/"to" of a figure verb at `i` and the figure after it.
fn figure_after(v: &DocView, i: usize, shi: usize, prep: &str, counts: bool) -> Option<usize> {
    let mut counted = !counts;
    for k in i + 1..shi.min(i + 1 + MAX_OBJECT) {
        let w = lower(v, k);
        if v.punct[k] || v.quote[k] != NONE || matches!(pos(v, k), "VBD" | "VBZ" | "VBP" | "MD") {
            return None;
        }
        counted |= COUNT_NOUNS.contains(&w.as_str());
        if w == prep && k > i + 1 {
            let fig = (k + 1..shi.min(k + 1 + MAX_LEAD)).find(|&j| is_number(v, j))?;
            return (counted && (k + 1..fig).all(|j| !v.punct[j])).then_some(fig);
        }
    }
    None
}

/// A word of a time adjunct ("Tuesday", "last", "yesterday").
fn time_word(v: &DocView, k: usize) -> bool {
    matches!(
        lower(v, k).as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "last"
            | "earlier"
    )
}

/// The subject of verb `i`: its `nsubj` in the parse with the words before the
/// verb (a relative pronoun alone: it stands for its antecedent later).
fn subject(v: &DocView, i: usize) -> Option<(usize, usize)> {
    let s = v
        .kids(i)
        .iter()
        .map(|&c| c as usize)
        .find(|&c| c < i && v.toks[c].deprel.starts_with("nsubj"))?;
    if relative::antecedent(v, s).is_some() {
        return Some((s, s + 1));
    }
    let (slo, _) = v.sents[v.sent[i] as usize];
    let mut a = s;
    while a > slo as usize && v.under(a - 1, s) {
        a -= 1;
    }
    // The words up to the verb, without an adverb or time adjunct before it
    // ("Police on Tuesday raised", "Tamberlow now puts").
    let mut b = i;
    if let Some(t) = (s + 1..i).find(|&k| time_word(v, k) || v.form(k) == ",") {
        b = if t > s + 1 && pos(v, t - 1) == "IN" {
            t - 1
        } else {
            t
        };
    }
    while b > a && (pos(v, b - 1) == "RB" || v.punct[b - 1]) {
        b -= 1;
    }
    while a < b && v.punct[a] {
        a += 1;
    }
    (a < b).then_some((a, b))
}

/// Where the predicate of a figure verb ends: the sentence end, or a comma
/// before a participle that starts another report ("…, saying …"), a relative
/// clause, or, for a verb in a relative clause, the comma that closes it.
fn predicate_end(v: &DocView, fig: usize, shi: usize, relative_clause: bool) -> usize {
    let mut k = fig;
    while k < shi {
        let f = v.form(k);
        if matches!(f, ";" | "." | "!" | "?") {
            break;
        }
        if f == "," {
            let next = k + 1;
            // "…, police spokeswoman Renata Vukalin said on Sunday": a reporting clause.
            let comment = matches!(pos(v, next), "RB" | "RBR" | "JJR")
                || matches!(
                    lower(v, next).as_str(),
                    "up" | "down" | "double" | "twice" | "half"
                );
            let reporting = !comment
                && (next..shi)
                    .take_while(|&j| v.form(j) != ",")
                    .any(|j| v.lex[j] & SPEECH != 0 && pos(v, j).starts_with("VB"));
            if relative_clause
                || next >= shi
                || reporting
                || pos(v, next) == "VBG"
                || matches!(lower(v, next).as_str(), "which" | "who" | "while" | "but")
            {
                break;
            }
        }
        k += 1;
    }
    while k > fig + 1 && v.punct[k - 1] {
        k -= 1;
    }
    k
}

/// Participles that give a figure its source ("the figure of 5,000 given by Velmora").
const GIVEN: &[&str] = &[
    "given",
    "announced",
    "published",
    "released",
    "issued",
    "reported",
    "provided",
    "cited",
    "offered",
    "quoted",
];

/// The noun phrase that ends right before token `p`: determiners, nouns,
/// numbers, adjectives and "of" phrases ("the figure of about 800 million marks").
fn figure_phrase(v: &DocView, p: usize, slo: usize) -> Option<(usize, usize)> {
    let mut a = p;
    while a > slo {
        let k = a - 1;
        let w = lower(v, k);
        let np = matches!(
            pos(v, k),
            "DT" | "CD" | "JJ" | "JJR" | "NN" | "NNS" | "NNP" | "NNPS" | "PRP$" | "POS"
        ) || matches!(
            w.as_str(),
            "of" | "about"
                | "some"
                | "nearly"
                | "around"
                | "roughly"
                | "than"
                | "more"
                | "up"
                | "to"
                | "'s"
                | "’s"
        );
        if !np || v.punct[k] || v.quote[k] != NONE {
            break;
        }
        a = k;
    }
    // The phrase opens with a determiner or a noun, not a preposition.
    while a < p
        && !matches!(
            pos(v, a),
            "DT" | "PRP$" | "CD" | "NN" | "NNS" | "NNP" | "JJ"
        )
    {
        a += 1;
    }
    let figure = (a..p).any(|k| {
        is_number(v, k) || COUNT_NOUNS.contains(&lower(v, k).as_str()) || lower(v, k) == "range"
    });
    (a < p && figure && pos(v, p - 1) != "DT").then_some((a, p))
}

/// "the figure of 5,000 given by Velmora", "the figure of about 800 million
/// marks given on Wednesday by Interior Minister Danica Vorlund during …": the
/// agent is the source of the figure.
fn given_by(v: &DocView, i: usize, slo: usize, shi: usize) -> Option<Kept> {
    if pos(v, i) != "VBN" || !GIVEN.contains(&lower(v, i).as_str()) || v.quote[i] != NONE {
        return None;
    }
    let by = (i + 1..shi.min(i + 5)).find(|&k| lower(v, k) == "by")?;
    if (i + 1..by).any(|k| v.punct[k] || pos(v, k).starts_with("VB")) {
        return None;
    }
    let mut e = by + 1;
    while e < shi
        && !v.punct[e]
        && v.quote[e] == NONE
        && (pos(v, e) != "IN" || matches!(lower(v, e).as_str(), "of" | "at" | "for"))
        && !pos(v, e).starts_with("VB")
        && lower(v, e) != "as"
    {
        e += 1;
    }
    if e == by + 1 {
        return None;
    }
    let content = figure_phrase(v, i, slo)?;
    Some(Kept {
        cue: (i, i + 1),
        roles: Roles {
            source: Some((by + 1, e)),
            content: vec![content],
        },
        ruled: true,
        margin: 2.0,
    })
}

/// The figures of a document: those reported by a verb ("put the crowd at …"),
/// and those given by an agent ("the figure given by Velmora"), as candidates.
pub(crate) struct Figures {
    /// Reported by a verb whose subject is the source.
    pub verbs: Vec<Kept>,
    /// Given by the agent of a participle.
    pub given: Vec<Kept>,
}

/// Every figure reported by a verb or given by an agent in the document.
pub(crate) fn find(v: &DocView) -> Figures {
    let mut out = Vec::new();
    let mut given = Vec::new();
    for &(slo, shi) in &v.sents {
        let (slo, shi) = (slo as usize, shi as usize);
        for i in slo..shi {
            if let Some(k) = given_by(v, i, slo, shi) {
                given.push(k);
                continue;
            }
            if !pos(v, i).starts_with("VB") || v.quote[i] != NONE || pos(v, i) == "VBG" {
                continue;
            }
            let lemma = v.lemma_str(i).to_lowercase();
            let (prep, counts) = if AT_VERBS.contains(&lemma.as_str()) {
                ("at", false)
            } else if matches!(lemma.as_str(), "set" | "fix") {
                ("at", true)
            } else if TO_VERBS.contains(&lemma.as_str()) {
                ("to", true)
            } else {
                continue;
            };
            // A passive ("was put at") names no one.
            if i > slo && v.lemma_str(i - 1) == "be" {
                continue;
            }
            let Some(fig) = figure_after(v, i, shi, prep, counts) else {
                continue;
            };
            let Some(src) = subject(v, i) else { continue };
            let in_relative = v
                .kids(i)
                .iter()
                .any(|&c| matches!(pos(v, c as usize), "WP" | "WDT"));
            let end = predicate_end(v, fig, shi, in_relative);
            // An adverb right before the verb belongs to the report ("now puts").
            let start = if i > src.1 && pos(v, i - 1) == "RB" {
                i - 1
            } else {
                i
            };
            out.push(Kept {
                cue: (i, i + 1),
                roles: Roles {
                    source: Some(src),
                    content: vec![(start, end)],
                },
                ruled: true,
                margin: 2.0,
            });
        }
    }
    Figures { verbs: out, given }
}
