//! Via chains: the intermediaries a claim passed through, outermost first.
//!
//! * the publishing outlet, when the document names it (implied, no span);
//! * the source of an attribution whose content holds this one
//!   ("According to Yahoo News, the spokesman said …");
//! * the outlet a source spoke to ("told the newspaper", "told Reuters");
//! * an outlet or body qualifying an anonymous source ("Babel sources");
//! * the origin a source cites ("reported, citing …", "with reference to …").

use crate::chain;
use crate::entities::{Entities, Reporters};
use crate::resolve::{names_source, resolve};
use crate::role::Roles;
use crate::view::DocView;
use crate::wire::Publication;
use hearsay_core::{SourceKind, Span, ViaLink};
use std::collections::HashSet;

/// Words that introduce what a source's report rests on, with the words that
/// must follow: the link names that basis, and the reporter stays the source
/// ("reported … with reference to a former agent"). Relayed origins
/// ("citing", "quoting", "which quoted") are read by [`chain`] and become the source.
const BASIS: &[(&str, &[&str])] = &[
    ("reference", &["to"]),
    ("referring", &["to"]),
    ("based", &["on"]),
];

/// Is `word` (lowercased) a marker of a cited origin ("citing", "quoting", "reference")?
pub(crate) fn is_citing(word: &str) -> bool {
    chain::CITING.contains(&word) || BASIS.iter().any(|(m, _)| *m == word)
}

/// What the via rules see of the document: the analysis, its token view and
/// the earlier reporting sources that "the newspaper" may refer back to.
pub(crate) struct Ctx<'c, 'a> {
    /// The analysis's entities.
    pub ix: &'c Entities<'a>,
    /// Its token view.
    pub v: &'c DocView<'a>,
    /// Sources of reporting cues.
    pub reporters: &'c Reporters,
    /// The publishing outlet and the dateline.
    pub publication: &'c Publication,
    /// Cues of claims the reporter describes, not a speaker around them ("the
    /// figure of 5,000 given by Velmora" inside what someone dismissed).
    pub unrelayed: &'c HashSet<(usize, usize)>,
}

/// A link naming tokens `a..b`, resolved to an entity and kind.
fn link(cx: &Ctx, a: usize, b: usize, cue: Option<&str>) -> ViaLink {
    let v = cx.v;
    let mut r = resolve(cx.ix, v, a, b, cx.reporters);
    let span = v.span_of(a, b);
    // "a report in the Castrel Gazette": the outlet's report is the outlet.
    if r.entity.is_none()
        && let Some(e) = cx.ix.overlapping(span).into_iter().find_map(|(e, m)| {
            let e = &cx.ix.all()[e];
            (e.kind == hearsay_core::EntityKind::NewsOutlet && span.contains(&e.mentions[m].span))
                .then_some(e)
        })
    {
        r.entity = Some(e.id.clone());
        r.kind = SourceKind::NewsOutlet;
    }
    // "an engineer at the plant": an unnamed person named by a noun of people.
    let head = v.top_of(a, b);
    if r.kind == SourceKind::Unknown && chain::names_origin(v, head) {
        r.kind = if v.toks[head].pos == "NNS" {
            SourceKind::AnonymousGroup
        } else {
            SourceKind::AnonymousPerson
        };
    }
    ViaLink {
        span,
        text: span.text(v.text).to_string(),
        entity: r.entity,
        kind: r.kind,
        cue: cue.map(str::to_string),
    }
}

/// The contiguous tokens of `node`'s subtree around it, without edge punctuation.
fn phrase(v: &DocView, node: usize) -> (usize, usize) {
    let (slo, shi) = v.sents[v.sent[node] as usize];
    let (mut a, mut b) = (node, node + 1);
    while a > slo as usize && v.under(a - 1, node) {
        a -= 1;
    }
    while b < shi as usize && v.under(b, node) {
        b += 1;
    }
    while a + 1 < b && v.punct[a] {
        a += 1;
    }
    while b > a + 1 && v.punct[b - 1] {
        b -= 1;
    }
    (a, b)
}

/// The first dependent of `head` after it that heads a noun phrase.
fn object_after(v: &DocView, head: usize) -> Option<usize> {
    v.kids(head).iter().map(|&c| c as usize).find(|&c| {
        c > head && (v.toks[c].pos.starts_with("NN") || v.toks[c].pos.starts_with("PRP"))
    })
}

/// Do two links name the same source (the same entity, or the same words)?
fn same_source(a: &ViaLink, b: &ViaLink) -> bool {
    match (&a.entity, &b.entity) {
        (Some(x), Some(y)) => x == y,
        _ => a.span == b.span,
    }
}

fn inside(ranges: &[(usize, usize)], i: usize) -> bool {
    ranges.iter().any(|&(a, b)| (a..b).contains(&i))
}

/// The origins cited in the cue's sentence outside the content.
fn origins(cx: &Ctx, cue: (usize, usize), roles: &Roles) -> Vec<ViaLink> {
    let v = cx.v;
    let (slo, shi) = v.sents[v.sent[cue.0] as usize];
    let mut out = Vec::new();
    for t in slo as usize..shi as usize {
        if inside(&roles.content, t) {
            continue;
        }
        let w = v.form(t).to_lowercase();
        let Some((word, then)) = BASIS.iter().find(|(m, _)| *m == w) else {
            continue;
        };
        // "reference to" cites only as "with reference to"; "a reference to X" is a topic.
        if *word == "reference" && (t == 0 || !v.form(t - 1).eq_ignore_ascii_case("with")) {
            continue;
        }
        let after = t + 1 + then.len();
        if after >= shi as usize
            || !then
                .iter()
                .enumerate()
                .all(|(k, x)| v.form(t + 1 + k).eq_ignore_ascii_case(x))
        {
            continue;
        }
        // The cited phrase: the noun attached to the marker (or to "to"/"on"),
        // else the words up to the next punctuation.
        let node = object_after(v, t).or_else(|| (t + 1..after).find_map(|k| object_after(v, k)));
        let (a, b) = match node {
            Some(n) if n >= after => {
                let (a, b) = phrase(v, n);
                (a.max(after), b)
            }
            _ => {
                let mut b = after;
                while b < shi as usize && !v.punct[b] {
                    b += 1;
                }
                (after, b)
            }
        };
        if a < b && !inside(&roles.content, a) {
            let cue = std::iter::once(*word)
                .chain(then.iter().copied())
                .collect::<Vec<_>>()
                .join(" ");
            let cue = if *word == "reference" {
                format!("with {cue}")
            } else {
                cue
            };
            // Only a source is an origin: "citing two officials", not "citing her work".
            let l = link(cx, a, b, Some(&cue));
            if names_source(cx.ix, v, a, b) {
                out.push(l);
            }
        }
    }
    out
}

/// The origins relayed in the cue's sentence outside the content ("citing
/// Northgate Wire, which quoted two Western diplomats"), outermost first. A
/// relaying clause after a noun ("Tallis Newswire, which quoted …") counts
/// only when that noun is the source. The links stop at the first phrase that
/// names no source ("citing her work").
fn relayed(cx: &Ctx, cue: (usize, usize), roles: &Roles) -> Vec<ViaLink> {
    let v = cx.v;
    let mut out = Vec::new();
    for c in chain::in_sentence(v, cue.0) {
        if inside(&roles.content, c.marker) {
            continue;
        }
        let after_source = roles
            .source
            .is_some_and(|(_, b)| c.marker == b || (c.marker == b + 1 && v.punct[b]));
        if !chain::CITING.contains(&v.form(c.marker).to_lowercase().as_str()) && !after_source {
            continue;
        }
        for ((a, b), word) in chain::links(v, &c) {
            if !names_source(cx.ix, v, a, b) && !chain::names_origin(v, v.top_of(a, b)) {
                break;
            }
            out.push(link(cx, a, b, Some(&word)));
        }
    }
    out
}

/// The outlet a source told ("told the newspaper", "told Reuters").
fn told(cx: &Ctx, cue: (usize, usize)) -> Option<ViaLink> {
    let v = cx.v;
    let head = v.top_of(cue.0, cue.1);
    if v.lemma_str(head).to_lowercase() != "tell" {
        return None;
    }
    let obj = v
        .kids(head)
        .iter()
        .map(|&c| c as usize)
        .find(|&c| matches!(v.toks[c].deprel.as_str(), "dobj" | "iobj") && c > head)?;
    // The object's noun phrase up to its head: a clause a parser hung on it
    // ("the newspaper that …") is the content, not the outlet.
    let (a, _) = phrase(v, obj);
    let l = link(cx, a, obj + 1, Some("told"));
    (l.kind == SourceKind::NewsOutlet).then_some(l)
}

/// An outlet qualifying an anonymous source ("Babel sources"): the claim came
/// through it. A body the source belongs to ("a senior NATO diplomat", "White
/// House officials") is the source's affiliation, not a link.
fn qualifier(cx: &Ctx, src: (usize, usize), kind: SourceKind) -> Option<ViaLink> {
    let v = cx.v;
    if !matches!(
        kind,
        SourceKind::AnonymousGroup | SourceKind::AnonymousPerson
    ) {
        return None;
    }
    let head = v.phrase_head(src.0, src.1);
    let named = |i: usize| {
        v.toks[i].pos.starts_with("NNP")
            || (v.quote[i] != crate::view::NONE
                && !v.punct[i]
                && v.form(i).chars().next().is_some_and(char::is_uppercase))
    };
    // The qualifier may also sit just before the source span (`"Babel" sources`).
    let mut start = src.0;
    let (slo, _) = v.sents[v.sent[src.0] as usize];
    while start > slo as usize
        && (named(start - 1) || (v.punct[start - 1] && v.quote[start - 1] != crate::view::NONE))
    {
        start -= 1;
    }
    let mut b = head;
    let a = (start..head).find(|&i| named(i))?;
    while b > a && v.punct[b - 1] {
        b -= 1;
    }
    if (a..b).any(|i| {
        !(v.toks[i].pos.starts_with("NNP") || v.punct[i] || v.quote[i] != crate::view::NONE)
    }) {
        return None;
    }
    let mut l = link(cx, a, b, None);
    if l.kind != SourceKind::NewsOutlet {
        return None;
    }
    l.text = l
        .text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let trimmed = l.span.text(v.text);
    let lead = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    l.span = Span::new(l.span.start + lead, l.span.start + lead + l.text.len());
    Some(l)
}

/// A claim's chain: its via links, and the innermost origin it relays when
/// that, not the cue's own source, is the claim's source.
pub(crate) struct Chain {
    /// Intermediaries, outermost first.
    pub via: Vec<ViaLink>,
    /// The relayed origin that becomes the source ("two diplomats" of "X
    /// reported, citing two diplomats"); the cue's own source is then the last
    /// intermediary.
    pub origin: Option<ViaLink>,
}

/// The chain of every attribution (`items[k]` is the cue and roles of
/// `atts[k]`). A claim without a source reached the reader through nobody
/// and has no chain.
pub(crate) fn chains(
    cx: &Ctx,
    items: &[((usize, usize), Roles, SourceKind)],
    sources: &[Option<ViaLink>],
) -> Vec<Chain> {
    let v = cx.v;
    let publisher = cx.publication.outlet.as_ref().map(|o| ViaLink {
        span: Span::default(),
        text: o.clone(),
        entity: None,
        kind: SourceKind::NewsOutlet,
        cue: None,
    });
    let contents = crate::filter::contents_of(items.iter().map(|(_, r, _)| r));
    let mut out: Vec<Chain> = Vec::with_capacity(items.len());
    for (k, (cue, roles, kind)) in items.iter().enumerate() {
        let mut via = Vec::new();
        let Some(own) = &sources[k] else {
            out.push(Chain { via, origin: None });
            continue;
        };
        if let Some(p) = publisher
            .as_ref()
            .filter(|p| !own.text.contains(p.text.as_str()))
        {
            via.push(p.clone());
        }
        // A wire story run by another outlet came through the wire.
        if let Some(w) = cx
            .publication
            .wire
            .as_ref()
            .filter(|w| !same_source(w, own) && !crate::outlet::same_outlet(&w.text, &own.text))
        {
            via.push(w.clone());
        }
        // Attributions whose content holds this cue, outermost first.
        let relayed_by_outer = !cx.unrelayed.contains(cue);
        let mut outer: Vec<usize> = contents
            .containing(cue.0..cue.1)
            .map(|(_, &j)| j)
            .filter(|&j| relayed_by_outer && j != k)
            .collect();
        outer.sort_unstable();
        outer.dedup();
        outer.sort_by_key(|&j| {
            let c = &items[j].1.content;
            std::cmp::Reverse(c.iter().map(|(a, b)| b - a).sum::<usize>())
        });
        for j in outer {
            // The claim's own source is no link of its chain.
            if let Some(s) = sources[j].as_ref().filter(|s| !same_source(s, own)) {
                let mut l = s.clone();
                l.cue = Some(
                    v.span_of(items[j].0.0, items[j].0.1)
                        .text(v.text)
                        .to_string(),
                );
                via.push(l);
            }
        }
        via.extend(told(cx, *cue));
        if let Some(src) = roles.source {
            via.extend(qualifier(cx, src, *kind));
        }
        // Relayed origins: the innermost is the source, the cue's own source
        // relays it.
        let mut relay = relayed(cx, *cue, roles);
        relay.retain(|l| !same_source(l, own));
        let origin = relay.pop();
        if origin.is_some() {
            let mut speaker = own.clone();
            speaker.cue = Some(v.span_of(cue.0, cue.1).text(v.text).to_string());
            via.push(speaker);
            via.extend(relay);
        }
        via.extend(origins(cx, *cue, roles));
        // The publishing outlet is no intermediary of its own claims.
        via.retain(|l| l.span.is_empty() || !cx.publication.is_publisher(l));
        out.push(Chain { via, origin });
    }
    out
}
