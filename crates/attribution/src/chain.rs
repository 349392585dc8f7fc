//! Chains of reporting in one sentence: "The Harbor Ledger reported on
//! Wednesday, citing Northgate Wire, which quoted two Western diplomats, that
//! …"; "The Post, citing a report in the Gazette that quoted an engineer,
//! said …"; "…, according to Tallis Newswire, which quoted a report in the
//! Standard"; "The agency said …, citing figures from the ministry".
//!
//! The cited phrase (after "citing"/"quoting", or after a relative "which
//! quoted") names the origins the reporter relays, outermost first. It is no
//! content and no claim of its own: the taggers' "citing" and "quoted" cues
//! inside it are dropped, contents and sources are cut around it, and when no
//! reporting cue of the sentence is left with a content, one is made from the
//! reporter, its verb and the "that" clause. The via rules then read the
//! cited phrase into links, and the innermost origin becomes the source.

use crate::entities::Entities;
use crate::lexicon::{SOURCE_NOUN, SPEECH};
use crate::resolve::names_source;
use crate::role::Roles;
use crate::view::{DocView, NONE};

/// Participles that introduce a cited origin and make it the source.
pub(crate) const CITING: &[&str] = &["citing", "quoting"];
/// Verbs of a relative clause that relays an origin ("which quoted …").
const RELAYING: &[&str] = &["quoted", "cited", "quotes", "cites"];

fn lower(v: &DocView, i: usize) -> String {
    v.form(i).to_lowercase()
}

fn relative(v: &DocView, i: usize) -> bool {
    matches!(lower(v, i).as_str(), "which" | "who" | "that")
}

/// Does a relaying relative clause start at `i` ("which quoted", "that cited")?
fn relays_at(v: &DocView, i: usize, hi: usize) -> bool {
    i + 1 < hi && relative(v, i) && RELAYING.contains(&lower(v, i + 1).as_str())
}

/// A cited phrase: the marker's tokens and the phrase after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cited {
    /// First token of the marker ("citing", or "which" of "which quoted").
    pub marker: usize,
    /// The cited phrase, `lo..hi`.
    pub phrase: (usize, usize),
}

/// Where a cited phrase starting at `a` ends: before a comma that goes on to
/// something else than another relaying clause, or at the sentence end.
fn phrase_end(v: &DocView, a: usize, shi: usize) -> usize {
    let mut k = a;
    while k < shi {
        let f = v.form(k);
        if matches!(f, ";" | ":" | "." | "!" | "?") {
            return k;
        }
        if f == "," {
            let next = k + 1;
            let goes_on = next < shi
                && (relays_at(v, next, shi)
                    || CITING.contains(&lower(v, next).as_str())
                    || matches!(lower(v, next).as_str(), "which" | "who"));
            if !goes_on {
                return k;
            }
        }
        k += 1;
    }
    k
}

/// The cited phrases of the sentence holding token `i`, outside quotes, in
/// text order; a relaying clause inside an earlier phrase belongs to it.
pub(crate) fn in_sentence(v: &DocView, i: usize) -> Vec<Cited> {
    let (slo, shi) = v.sents[v.sent[i] as usize];
    let (slo, shi) = (slo as usize, shi as usize);
    let mut out = Vec::new();
    let mut k = slo;
    while k < shi {
        let start = if v.quote[k] != NONE {
            None
        } else if CITING.contains(&lower(v, k).as_str()) && v.toks[k].pos == "VBG" {
            Some(k + 1)
        } else if relays_at(v, k, shi) && k > slo && !v.toks[k - 1].pos.starts_with("VB") {
            Some(k + 2)
        } else {
            None
        };
        if let Some(a) = start.filter(|&a| a < shi) {
            let b = phrase_end(v, a, shi);
            if b > a {
                out.push(Cited {
                    marker: k,
                    phrase: (a, b),
                });
                k = b;
                continue;
            }
        }
        k += 1;
    }
    out
}

/// The origins a cited phrase names, outermost first: the phrase split at
/// relaying clauses ("Northgate Wire, which quoted two Western diplomats" →
/// "Northgate Wire", "two Western diplomats"), each with the word that relays it.
pub(crate) fn links(v: &DocView, c: &Cited) -> Vec<((usize, usize), String)> {
    let (a, b) = c.phrase;
    let mut out = Vec::new();
    let mut cue = lower(v, c.marker);
    if relative(v, c.marker) {
        cue = lower(v, c.marker + 1);
    }
    let mut start = a;
    let mut k = a;
    let trim = |mut x: usize, mut y: usize| {
        while x < y && v.punct[x] {
            x += 1;
        }
        while y > x && v.punct[y - 1] {
            y -= 1;
        }
        (x, y)
    };
    while k < b {
        let (next_cue, skip) = if relays_at(v, k, b) {
            (lower(v, k + 1), 2)
        } else if CITING.contains(&lower(v, k).as_str()) && k > a && v.form(k - 1) == "," {
            (lower(v, k), 1)
        } else {
            k += 1;
            continue;
        };
        let (x, y) = trim(start, k);
        if x < y {
            out.push(((x, y), std::mem::replace(&mut cue, next_cue)));
        }
        k += skip;
        start = k;
    }
    let (x, y) = trim(start, b);
    if x < y {
        out.push(((x, y), cue));
    }
    out
}

/// Tokens `lo..hi` without the span `cut`, as up to two ranges.
fn without(lo: usize, hi: usize, cut: (usize, usize)) -> Vec<(usize, usize)> {
    if hi <= cut.0 || lo >= cut.1 {
        return vec![(lo, hi)];
    }
    let mut out = Vec::new();
    if lo < cut.0 {
        out.push((lo, cut.0));
    }
    if hi > cut.1 {
        out.push((cut.1, hi));
    }
    out
}

/// One kept candidate: its cue and roles, whether a rule found it, its filter margin.
#[derive(Debug, Clone)]
pub(crate) struct Kept {
    /// The cue's tokens.
    pub cue: (usize, usize),
    /// Source and content.
    pub roles: Roles,
    /// Found by a typographic rule rather than the taggers.
    pub ruled: bool,
    /// The filter's margin.
    pub margin: f32,
}

/// The first speech verb in `a..b`, outside quotes.
fn speech_verb(v: &DocView, a: usize, b: usize) -> Option<usize> {
    (a..b)
        .find(|&i| v.lex[i] & SPEECH != 0 && v.toks[i].pos.starts_with("VB") && v.quote[i] == NONE)
}

/// Rework the candidates of every sentence with a cited phrase (see the
/// module doc); `kept` is in cue order, and each sentence's candidates are
/// reworked on their own.
pub(crate) fn restructure(ix: &Entities, v: &DocView, kept: &mut Vec<Kept>) {
    let mut out = Vec::with_capacity(kept.len());
    let mut rest = std::mem::take(kept).into_iter().peekable();
    while let Some(first) = rest.next() {
        let s = v.sent[first.cue.0];
        let mut group = vec![first];
        while let Some(x) = rest.next_if(|x| v.sent[x.cue.0] == s) {
            group.push(x);
        }
        let start = v.sents[s as usize].0 as usize;
        for c in in_sentence(v, start) {
            // "citing her work", "citing a threat to public health": a topic,
            // a claim of its own.
            let origin = links(v, &c).first().is_some_and(|&((a, b), _)| {
                names_source(ix, v, a, b) || names_origin(v, v.top_of(a, b))
            });
            if origin {
                rework(v, &mut group, s, &c);
            }
        }
        out.append(&mut group);
    }
    out.sort_by_key(|x| x.cue);
    *kept = out;
}

fn rework(v: &DocView, kept: &mut Vec<Kept>, s: u32, c: &Cited) {
    // The phrase with its marker and the comma before it.
    let mut lo = c.marker;
    if lo > 0 && v.form(lo - 1) == "," {
        lo -= 1;
    }
    let cut = (lo, c.phrase.1);
    let inside = |x: usize| (cut.0..cut.1).contains(&x);
    // The reporter: the source of a dropped "citing" cue before the phrase.
    let mut reporter = None;
    kept.retain(|x| {
        let drop = v.sent[x.cue.0] == s && !x.ruled && inside(x.cue.0);
        if drop && reporter.is_none() {
            reporter = x.roles.source.filter(|&(_, b)| b <= cut.0);
        }
        !drop
    });
    let mut main = false;
    for x in kept.iter_mut().filter(|x| v.sent[x.cue.0] == s && !x.ruled) {
        x.roles.content = x
            .roles
            .content
            .iter()
            .flat_map(|&(a, b)| without(a, b, cut))
            .filter(|&(a, b)| (a..b).any(|i| !v.punct[i]))
            .collect();
        // A source inside the phrase ("The same report, quoting an unnamed
        // official, said"): the reporter, whose origin it is.
        x.roles.source = x
            .roles
            .source
            .and_then(|(a, b)| without(a, b, cut).into_iter().next())
            .filter(|&(a, b)| (a..b).any(|i| !v.punct[i]))
            .or(reporter);
        main |= !x.roles.content.is_empty();
    }
    if main {
        return;
    }
    // "X reported (on Tuesday), citing Y, that C": the reporter, its verb and the "that" clause.
    let shi = v.sents[s as usize].1 as usize;
    let mut a = cut.1;
    while a < shi && v.form(a) == "," {
        a += 1;
    }
    if a >= shi || !v.form(a).eq_ignore_ascii_case("that") {
        return;
    }
    let mut b = shi;
    while b > a + 1 && v.punct[b - 1] && v.quote[b - 1] == NONE {
        b -= 1;
    }
    // The reporting cue the taggers found without its content takes it.
    if let Some(x) = kept
        .iter_mut()
        .find(|x| v.sent[x.cue.0] == s && !x.ruled && x.cue.1 <= cut.0 && x.roles.source.is_some())
    {
        x.roles.content = vec![(a, b)];
        return;
    }
    let Some((ra, rb)) = reporter else { return };
    let Some(verb) = speech_verb(v, rb, cut.0) else {
        return;
    };
    kept.push(Kept {
        cue: (verb, verb + 1),
        roles: Roles {
            source: Some((ra, rb)),
            content: vec![(a, b)],
        },
        ruled: false,
        margin: 0.0,
    });
}

/// Nouns of cited records that relay an origin ("citing figures from the ministry").
const RECORDS: &[&str] = &[
    "figures",
    "statistics",
    "numbers",
    "count",
    "tally",
    "records",
    "data",
];

/// Does the phrase `a..b` with head `head` name a relayed origin by its head:
/// a noun of people by its form ("engineer", "hydrologist", "technician"),
/// a noun the lexicon lists as naming sources, or a record of figures?
pub(crate) fn names_origin(v: &DocView, head: usize) -> bool {
    let w = v.form(head).to_lowercase();
    let lemma = v.lemma_str(head).to_lowercase();
    let agent = ["ist", "ian", "eer", "ologist", "man", "woman", "person"]
        .iter()
        .any(|s| lemma.ends_with(s) && lemma.len() > s.len() + 2);
    v.toks[head].pos.starts_with("NN")
        && (agent || v.lex[head] & SOURCE_NOUN != 0 || RECORDS.contains(&w.as_str()))
}
