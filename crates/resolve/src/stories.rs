//! Stories: the connected parts of the graph, so that a new article is
//! resolved together with only the articles it can touch.
//!
//! Two articles belong to one story when one of their mentions could be about
//! the same question as one of the other's: alike content words (weighted by
//! their rarity in news, never by the database), or figures of one frame
//! naming one entity. The test looks at the two articles alone, so stories
//! are the connected components of a fixed relation: the same articles give
//! the same stories in any order, and adding an article only ever joins
//! stories. Candidates come from [`keys`] through an index, never from all pairs.

use crate::facts::{DocFacts, MentionFact};
use crate::frames::{Frame, frame, is_figure};
use crate::similarity::{TermVector, Weights};
use crate::text;
use std::collections::BTreeSet;

/// Content words rarer than this (idf) are blocking keys.
const RARE: f64 = 4.5;
/// Blocking keys a mention contributes at most (its rarest words).
const KEYS_PER_MENTION: usize = 4;
/// Two mentions of different articles this alike (and sharing rare words) put them in one story.
const LINK: f64 = 0.35;
/// Rare words two linked mentions share at least.
const SHARED_RARE: usize = 2;
/// Figures of one frame link articles published at most this many days apart.
const FRAME_DAYS: i64 = 60;

/// The blocking keys of an article: the rarest content words of each
/// mention, and each figure's frame with the names in its content.
pub fn keys(doc: &DocFacts) -> Vec<String> {
    let weights = Weights::shipped();
    let mut out = BTreeSet::new();
    for m in &doc.mentions {
        let mut rare: Vec<(f64, &str)> = m
            .terms
            .iter()
            .map(|t| (weights.idf(t), t.as_str()))
            .filter(|(w, _)| *w >= RARE)
            .collect();
        rare.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        rare.dedup_by(|a, b| a.1 == b.1);
        for (_, t) in rare.into_iter().take(KEYS_PER_MENTION) {
            out.insert(format!("t:{t}"));
        }
        if let Some(f) = main_frame(m) {
            for name in entity_names(doc, m).1 {
                out.insert(format!("f:{}:{name}", f.label()));
            }
        }
    }
    out.into_iter().collect()
}

/// The frame of a mention's first figure.
fn main_frame(m: &MentionFact) -> Option<Frame> {
    m.quantities
        .iter()
        .filter(|q| is_figure(q) && q.interval().is_some())
        .find_map(frame)
}

/// Name keys of the entities named in a mention's content, and of those that are not countries.
fn entity_names(doc: &DocFacts, m: &MentionFact) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut all = BTreeSet::new();
    let mut specific = BTreeSet::new();
    for e in m
        .entities
        .iter()
        .filter_map(|id| doc.entities.iter().find(|e| &e.id == id))
    {
        let k = text::name_key(&e.name);
        if k.is_empty() {
            continue;
        }
        if e.kind != hearsay_core::EntityKind::Country {
            specific.insert(k.clone());
        }
        all.insert(k);
    }
    (all, specific)
}

/// True when two articles belong to one story: a mention of each alike in
/// words (sharing rare ones), or figures of one frame about the same specific
/// entity, published within [`FRAME_DAYS`] of each other.
pub fn linked(a: &DocFacts, b: &DocFacts) -> bool {
    let weights = Weights::shipped();
    let vectors = |d: &DocFacts| -> Vec<TermVector> {
        d.mentions
            .iter()
            .map(|m| TermVector::new(&m.terms, weights))
            .collect()
    };
    let (va, vb) = (vectors(a), vectors(b));
    let near = match (a.published.as_deref(), b.published.as_deref()) {
        (Some(x), Some(y)) => match (
            crate::assemble::day_number(x),
            crate::assemble::day_number(y),
        ) {
            (Some(x), Some(y)) => (x - y).abs() <= FRAME_DAYS,
            _ => true,
        },
        _ => true,
    };
    for (i, ma) in a.mentions.iter().enumerate() {
        let fa = main_frame(ma);
        let na = fa.as_ref().map(|_| entity_names(a, ma));
        for (j, mb) in b.mentions.iter().enumerate() {
            if va[i].cosine(&vb[j]) >= LINK
                && va[i].shared(&vb[j]).filter(|(_, w)| *w >= RARE).count() >= SHARED_RARE
            {
                return true;
            }
            if near
                && let (Some(fa), Some((all_a, specific_a))) = (&fa, &na)
                && main_frame(mb).as_ref() == Some(fa)
            {
                let (all_b, specific_b) = entity_names(b, mb);
                if !specific_a.is_disjoint(&specific_b) || all_a.intersection(&all_b).count() >= 2 {
                    return true;
                }
            }
        }
    }
    false
}

/// Connected components of `docs` under [`linked`], each sorted, in the order
/// of their first document (for a full recompute).
pub fn components(docs: &[DocFacts]) -> Vec<Vec<usize>> {
    let mut by_key: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (i, d) in docs.iter().enumerate() {
        for k in keys(d) {
            by_key.entry(k).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut tested: BTreeSet<(usize, usize)> = BTreeSet::new();
    for members in by_key.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri == rj || !tested.insert((i, j)) {
                    continue;
                }
                if linked(&docs[i], &docs[j]) {
                    let (lo, hi) = (ri.min(rj), ri.max(rj));
                    parent[hi] = lo;
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..docs.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().collect()
}

/// The id of the story made of these documents: a hash of its smallest document id.
pub fn story_id<'a>(docs: impl IntoIterator<Item = &'a str>) -> String {
    let first = docs.into_iter().min().unwrap_or("");
    crate::graph::stable_id("s", first)
}
