//! From articles to the claim graph: each attribution becomes a mention with
//! its chain resolved to entities, mentions are traced to their origins,
//! grouped into clusters about one question, and within a cluster into claims
//! (one proposition, one origin).
//!
//! Everything here is a function of the set of articles: mentions are visited
//! in a fixed order (publication date, document id, attribution), and every
//! grouping is the transitive closure of pairwise decisions.

use crate::entities::{Linked, outlet_local_id};
use crate::facts::{DocFacts, MentionFact};
use crate::frames::{Frame, frame};
use crate::graph::{
    Graph, GraphClaim, GraphCluster, GraphDocument, GraphMention, GraphOrigin, GraphQuantity,
    Status, stable_id,
};
use crate::quantity::{Modality, QuantityFact};
use crate::similarity::{TermVector, Weights};
use crate::text;
use hearsay_core::{EntityKind, EntityType, SourceKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Cues that link a source to what its report rests on (the link is deeper
/// than the source). A relayed origin ("X reported, citing Y, which quoted
/// Z") is the analysis's source already, and the links of its relays
/// ("reported", "citing", "which quoted", "according to") lie between it and
/// the reader (`docs/FORMAT.md`, `attributions[].via`).
const CITING: &[&str] = &["with reference to", "referring to", "based on"];

/// True when `cue` links a source to what its report rests on ("with
/// reference to a former agent", "based on"): that link of a chain lies
/// beyond the source, not between the source and the reader.
///
/// ```
/// assert!(hearsay_resolve::cites("With reference to"));
/// assert!(!hearsay_resolve::cites("citing"));
/// assert!(!hearsay_resolve::cites("told"));
/// ```
pub fn cites(cue: &str) -> bool {
    CITING.contains(&text::fold(cue).as_str())
}

/// Two contents at least this alike are about one question.
const SAME_QUESTION: f64 = 0.25;
/// Two contents of one origin at least this alike state one proposition.
const SAME_PROPOSITION: f64 = 0.42;
/// A re-report of an outlet's content this alike carries that content's origin.
const SAME_REPORT: f64 = 0.30;

/// One attribution of one article, with its chain resolved.
pub(crate) struct Work<'d> {
    /// Index of its article in the input.
    pub doc: usize,
    pub fact: &'d MentionFact,
    pub published: Option<String>,
    /// Entity id of the publishing outlet.
    pub outlet: Option<String>,
    pub source_text: Option<String>,
    pub source_entity: Option<String>,
    pub source_kind: SourceKind,
    /// Intermediaries between the outlet and the source, outermost first (entity ids).
    pub via: Vec<String>,
    /// The outlet that first reported it: the innermost outlet of the chain, else the publisher.
    pub reporter: String,
    pub vector: TermVector,
    /// The content as one vector of meaning (static word vectors), for paraphrases.
    pub embedding: crate::vectors::Embedding,
    /// The figure the claim is about, with its frame.
    pub quantity: Option<(QuantityFact, Frame)>,
    /// Countries qualifying the figure ("Marovian troops").
    pub qualifiers: BTreeSet<String>,
    /// Entities named in the content.
    pub entities: BTreeSet<String>,
    pub origin_key: String,
}

/// Resolve the chain of every attribution and read its figure.
pub(crate) fn works<'d>(docs: &'d [DocFacts], linked: &Linked, weights: &Weights) -> Vec<Work<'d>> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let outlet = doc
            .outlet
            .as_ref()
            .and_then(|o| linked.id(d, &outlet_local_id(o)));
        for m in &doc.mentions {
            out.push(work(d, doc, m, outlet.clone(), linked, weights));
        }
    }
    out.sort_by(|a, b| {
        (&a.published, &docs[a.doc].doc, natural(&a.fact.id)).cmp(&(
            &b.published,
            &docs[b.doc].doc,
            natural(&b.fact.id),
        ))
    });
    out
}

/// `a12` sorts after `a9`.
fn natural(id: &str) -> (usize, &str) {
    let digits: String = id.chars().filter(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(0), id)
}

/// One link of a chain, as `(text, entity id, kind)`.
type Link = (String, Option<String>, SourceKind);

fn work<'d>(
    d: usize,
    doc: &DocFacts,
    m: &'d MentionFact,
    outlet: Option<String>,
    linked: &Linked,
    weights: &Weights,
) -> Work<'d> {
    // The chain from the reader inwards: outer links, the source, the origins it cites.
    let mut outer: Vec<Link> = Vec::new();
    let mut inner: Vec<Link> = Vec::new();
    for v in &m.via {
        let entity = v.entity.as_ref().and_then(|e| linked.id(d, e));
        let outlet = entity.as_ref().is_some_and(|id| {
            linked
                .entities
                .iter()
                .find(|x| &x.id == id)
                .is_some_and(|x| x.kind == EntityKind::NewsOutlet)
        });
        // "told the committee" names who heard it; "told Daily One", an outlet that relayed it.
        if v.cue.as_deref() == Some("told") && entity.is_some() && !outlet {
            continue;
        }
        let kind = if outlet {
            SourceKind::NewsOutlet
        } else {
            v.kind
        };
        let link = (v.text.clone(), entity, kind);
        let citing = v.cue.as_deref().is_some_and(cites);
        if citing {
            inner.push(link)
        } else {
            outer.push(link)
        }
    }
    let mut chain = outer;
    if let Some(s) = &m.source {
        chain.push((
            s.text.clone(),
            s.entity.as_ref().and_then(|e| linked.id(d, e)),
            s.kind,
        ));
    }
    chain.extend(inner);
    // The publishing outlet is never its own intermediary.
    chain.retain(|(_, e, _)| e.is_none() || *e != outlet);
    // A dateline's wire that is not the publisher is already the analysis's
    // outermost link (`docs/FORMAT.md`, `attributions[].via`); one that is the
    // publisher under a short form ("(TMP)" in a Transmeridian Press story) is not.
    let (source_text, source_entity, mut source_kind) = match chain.pop() {
        Some((t, e, k)) => (Some(t), e, k),
        None => (None, None, SourceKind::Unknown),
    };
    if let Some(e) = source_entity
        .as_ref()
        .and_then(|id| linked.entities.iter().find(|x| &x.id == id))
    {
        source_kind = match (e.etype, e.kind) {
            (_, EntityKind::NewsOutlet) => SourceKind::NewsOutlet,
            (EntityType::Person, _) => SourceKind::NamedPerson,
            (_, EntityKind::GovernmentAgency | EntityKind::MilitaryUnit) => {
                SourceKind::GovernmentAgency
            }
            (EntityType::Gpe, _) => SourceKind::GovernmentAgency,
            (_, _) if source_kind == SourceKind::Unknown => SourceKind::Organization,
            _ => source_kind,
        };
    }
    let via: Vec<String> = chain.iter().filter_map(|(_, e, _)| e.clone()).collect();
    let reporter = chain
        .iter()
        .rev()
        .find(|(_, e, k)| *k == SourceKind::NewsOutlet && e.is_some())
        .and_then(|(_, e, _)| e.clone())
        .or_else(|| outlet.clone())
        .unwrap_or_else(|| format!("doc:{}", doc.doc));
    let vector = TermVector::new(&m.terms, weights);
    let quantity = m
        .quantities
        .iter()
        .filter(|q| crate::frames::is_figure(q))
        .filter_map(|q| frame(q).map(|f| (q.clone(), f)))
        .find(|(q, _)| q.interval().is_some());
    let country_ids: BTreeSet<String> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Country)
        .filter(|e| {
            quantity.as_ref().is_some_and(|(q, _)| {
                let qw = text::words(&q.text);
                e.forms.iter().any(|f| qw.contains(&text::fold(f)))
            })
        })
        .filter_map(|e| linked.id(d, &e.id))
        .collect();
    let entities: BTreeSet<String> = m.entities.iter().filter_map(|e| linked.id(d, e)).collect();
    let mut w = Work {
        doc: d,
        fact: m,
        published: doc.published.clone(),
        outlet,
        source_text,
        source_entity,
        source_kind,
        via,
        reporter,
        vector,
        embedding: crate::vectors::Embedding::default(),
        quantity,
        qualifiers: country_ids,
        entities,
        origin_key: String::new(),
    };
    w.origin_key = origin_key(&w, doc, linked);
    w
}

/// Words after which an anonymous description says where the source sits, not who it is.
const DESCRIPTION_ENDS: &[&str] = &[
    "at", "briefed", "close", "familiar", "for", "from", "in", "inside", "on", "that", "to", "who",
    "with", "within", "which",
];

/// The head noun of an anonymous description: "two Western diplomats in
/// Lendrov briefed on the matter" → "diplomat".
pub(crate) fn description_head(s: &str) -> String {
    let mut ws = text::words(s);
    if ws.len() > 2 && ws[0] == "one" && ws[1] == "of" {
        ws.drain(..2);
    }
    let mut head = String::new();
    for w in ws {
        if w == "of" && PARTS.contains(&head.as_str()) {
            continue;
        }
        if DESCRIPTION_ENDS.contains(&w.as_str()) || (w == "of" && !head.is_empty()) {
            break;
        }
        head = w;
    }
    singular(&head)
}

/// Nouns naming a part or copy of the thing the description is about ("a copy of the permit").
const PARTS: &[&str] = &[
    "copy", "draft", "excerpt", "extract", "page", "part", "section", "version",
];

fn singular(w: &str) -> String {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// Who first made the claim, as a key: mentions with one key are one origin.
fn origin_key(w: &Work, doc: &DocFacts, linked: &Linked) -> String {
    let head = w
        .source_text
        .as_deref()
        .map(description_head)
        .unwrap_or_default();
    let anonymous = matches!(
        w.fact.source.as_ref().map(|s| s.kind),
        Some(SourceKind::AnonymousPerson | SourceKind::AnonymousGroup)
    );
    let speaks_for_body = matches!(head.as_str(), "spokesman" | "spokeswoman" | "spokesperson");
    if anonymous && !head.is_empty() && !speaks_for_body {
        return format!("anon:{}:{head}", w.reporter);
    }
    if let Some(e) = &w.source_entity {
        let ge = linked.entities.iter().find(|x| &x.id == e);
        if let Some(ge) = ge {
            if ge.etype == EntityType::Person {
                return format!("e:{}", ge.affiliation.as_deref().unwrap_or(e));
            }
            if ge.etype == EntityType::Gpe {
                return format!("gov:{}", ge.country.as_deref().unwrap_or(e));
            }
        }
        return format!("e:{e}");
    }
    let head = w
        .source_text
        .as_deref()
        .map(description_head)
        .unwrap_or_default();
    match w.source_kind {
        SourceKind::AnonymousPerson | SourceKind::AnonymousGroup | SourceKind::Unknown
            if !head.is_empty() =>
        {
            format!("anon:{}:{head}", w.reporter)
        }
        SourceKind::Document if !head.is_empty() => format!("docu:{}:{head}", w.reporter),
        _ => format!("none:{}:{}", doc.doc, w.fact.id),
    }
}

/// Anonymous sources of one head noun in one article ("a senior health
/// official … quoted by The Ardith Courier", later "the official said") are
/// one source, first reported by the outlet the fullest chain names.
fn unify_anonymous(works: &mut [Work]) {
    let mut reporter: BTreeMap<(usize, String), (usize, String)> = BTreeMap::new();
    for w in works.iter() {
        if let Some(rest) = w.origin_key.strip_prefix("anon:")
            && let Some((_, head)) = rest.rsplit_once(':')
        {
            let entry = reporter
                .entry((w.doc, head.to_string()))
                .or_insert((w.via.len(), w.reporter.clone()));
            if w.via.len() > entry.0 {
                *entry = (w.via.len(), w.reporter.clone());
            }
        }
    }
    for w in works.iter_mut() {
        if let Some(rest) = w.origin_key.strip_prefix("anon:")
            && let Some((_, head)) = rest.rsplit_once(':')
            && let Some((_, r)) = reporter.get(&(w.doc, head.to_string()))
        {
            w.origin_key = format!("anon:{r}:{head}");
        }
    }
}

/// Head nouns of descriptions that stand for one body ("the police", "the company").
const BODY_HEADS: &[(&str, &[EntityKind])] = &[
    ("agency", &[EntityKind::GovernmentAgency]),
    ("army", &[EntityKind::MilitaryUnit]),
    ("company", &[EntityKind::Company]),
    ("firm", &[EntityKind::Company]),
    ("hospital", &[]),
    ("inspectorate", &[EntityKind::GovernmentAgency]),
    ("laboratory", &[]),
    ("lab", &[]),
    ("ministry", &[EntityKind::GovernmentAgency]),
    ("operator", &[EntityKind::Company]),
    ("police", &[]),
    ("service", &[]),
    ("union", &[]),
];

/// A source given only as a description ("Police said", "the company said")
/// is the one body of the story that the description fits and that speaks
/// elsewhere as a source, when there is exactly one.
fn resolve_descriptions(works: &mut [Work], linked: &Linked) {
    let speaking: BTreeSet<String> = works
        .iter()
        .filter_map(|w| w.source_entity.clone())
        .collect();
    for w in works.iter_mut() {
        if w.source_entity.is_some() {
            continue;
        }
        let Some(text) = w.source_text.as_deref() else {
            continue;
        };
        let ws = text::words(text);
        if ws.len() > 4
            || ws
                .iter()
                .any(|x| x.chars().next().is_some_and(char::is_numeric))
        {
            continue;
        }
        let head = description_head(text);
        let Some((_, kinds)) = BODY_HEADS.iter().find(|(h, _)| *h == head) else {
            continue;
        };
        let fits: Vec<&crate::graph::GraphEntity> = linked
            .entities
            .iter()
            .filter(|e| speaking.contains(&e.id) && e.etype == EntityType::Org)
            .filter(|e| {
                kinds.contains(&e.kind)
                    || e.aliases
                        .iter()
                        .chain(std::iter::once(&e.name))
                        .any(|a| text::words(a).contains(&head))
            })
            .collect();
        if let [one] = fits.as_slice() {
            w.source_entity = Some(one.id.clone());
            if w.source_kind == SourceKind::Unknown || w.source_kind == SourceKind::AnonymousGroup {
                w.source_kind = if one.kind == EntityKind::GovernmentAgency {
                    SourceKind::GovernmentAgency
                } else {
                    SourceKind::Organization
                };
            }
            w.origin_key = format!("e:{}", one.id);
        }
    }
}

/// A headline ("… 14 dead, officials say") summarises a claim its article
/// attributes in the body: it takes the origin of the body mention it restates.
fn headlines_follow_bodies(works: &mut [Work]) {
    let mut changes = Vec::new();
    for (i, h) in works.iter().enumerate().filter(|(_, w)| w.fact.headline) {
        let best = works
            .iter()
            .enumerate()
            .filter(|(j, b)| *j != i && b.doc == h.doc && !b.fact.headline)
            .map(|(j, b)| {
                let figure = match (&h.quantity, &b.quantity) {
                    (Some((qh, fh)), Some((qb, fb))) => fh == fb && same_figure(qh, qb),
                    _ => false,
                };
                (
                    j,
                    if figure {
                        1.0
                    } else {
                        h.vector.cosine(&b.vector)
                    },
                )
            })
            .filter(|(_, s)| *s >= SAME_REPORT)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((j, _)) = best {
            changes.push((i, works[j].origin_key.clone()));
        }
    }
    for (i, key) in changes {
        works[i].origin_key = key;
    }
}

/// A mention whose source is an outlet (or an unnamed report) carries the
/// origin of the content it re-reports, when the database holds it: the
/// mention of that outlet's article, or of an article citing that outlet,
/// with alike content.
fn follow_reports(works: &mut [Work], linked: &Linked) {
    for _ in 0..3 {
        let mut changes = Vec::new();
        for (i, w) in works.iter().enumerate() {
            let outlet_source = match (&w.source_entity, w.source_kind) {
                (Some(e), _) => linked
                    .entities
                    .iter()
                    .find(|x| &x.id == e)
                    .is_some_and(|x| x.kind == EntityKind::NewsOutlet)
                    .then(|| Some(e.clone())),
                (None, SourceKind::NewsOutlet) => Some(None),
                (None, SourceKind::Document)
                    if w.source_text
                        .as_deref()
                        .is_some_and(|t| description_head(t) == "report") =>
                {
                    Some(None)
                }
                _ => None,
            };
            let Some(outlet) = outlet_source else {
                continue;
            };
            let best = works
                .iter()
                .enumerate()
                .filter(|(j, o)| {
                    *j != i
                        && o.doc != w.doc
                        && o.origin_key != w.origin_key
                        && match &outlet {
                            Some(e) => o.outlet.as_ref() == Some(e) || o.via.contains(e),
                            None => !o.origin_key.starts_with("none:"),
                        }
                })
                .map(|(j, o)| (j, w.vector.cosine(&o.vector)))
                .filter(|(_, s)| *s >= SAME_REPORT)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((j, _)) = best {
                changes.push((i, works[j].origin_key.clone()));
            }
        }
        if changes.is_empty() {
            return;
        }
        for (i, key) in changes {
            works[i].origin_key = key;
        }
    }
}

/// How strongly two mentions are about one question, or `None` when they
/// cannot be: figures of different frames, or of one frame qualified by
/// different countries ("Marovian troops" and "Ustravan troops").
fn pair_score(a: &Work, b: &Work) -> Option<f64> {
    let sim = similarity(a, b);
    match (&a.quantity, &b.quantity) {
        (Some((_, fa)), Some((_, fb))) => {
            let clash = !a.qualifiers.is_empty()
                && !b.qualifiers.is_empty()
                && a.qualifiers.is_disjoint(&b.qualifiers);
            if fa != fb || clash {
                return None;
            }
            Some(if related(a, b, fa, sim) {
                sim.max(SAME_FRAME)
            } else {
                sim
            })
        }
        (Some(_), None) | (None, Some(_)) => Some(sim * 0.9),
        (None, None) => Some(sim),
    }
}

/// Two figures of one frame are about related things: their words or
/// entities meet, or (for a frame more specific than a bare noun) they were
/// published within three weeks of each other.
fn related(a: &Work, b: &Work, frame: &Frame, sim: f64) -> bool {
    let specific = !matches!(frame, Frame::Noun(_) | Frame::Money("amount"));
    sim >= 0.05
        || !a.entities.is_disjoint(&b.entities)
        || (specific && within_days(a.published.as_deref(), b.published.as_deref(), 21))
}

/// Two ISO dates at most `days` apart.
fn within_days(a: Option<&str>, b: Option<&str>, days: i64) -> bool {
    match (a.and_then(day_number), b.and_then(day_number)) {
        (Some(x), Some(y)) => (x - y).abs() <= days,
        _ => false,
    }
}

/// Days since 0000-03-01 of an ISO date (`YYYY-MM-DD…`).
pub(crate) fn day_number(s: &str) -> Option<i64> {
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: i64 = s.get(5..7)?.parse().ok()?;
    let d: i64 = s.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

/// Figures of one frame about related things are this alike, however worded.
const SAME_FRAME: f64 = 0.5;

/// Clusters by average linkage: repeatedly join the two clusters whose
/// mentions are most alike on average, while that average is at least
/// [`SAME_QUESTION`] and no pair of their mentions cannot be one question.
/// Ties go to the lowest indices, so the result depends only on the set.
fn average_linkage(all: &[Work], ids: &[usize]) -> Vec<Vec<usize>> {
    let n = ids.len();
    let works: Vec<&Work> = ids.iter().map(|&i| &all[i]).collect();
    let mut sim = vec![0.0f64; n * n];
    let mut cannot = vec![false; n * n];
    for i in 0..n {
        for j in i + 1..n {
            match pair_score(works[i], works[j]) {
                Some(s) => {
                    sim[i * n + j] = s;
                    sim[j * n + i] = s;
                }
                None => {
                    cannot[i * n + j] = true;
                    cannot[j * n + i] = true;
                }
            }
        }
    }
    let mut members: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    // Figures of one frame about related things start together (when nothing forbids it).
    let seeds: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter(|&(i, j)| {
            sim[i * n + j] >= SAME_FRAME
                && works[i].quantity.is_some()
                && works[j].quantity.is_some()
        })
        .collect();
    for (i, j) in seeds {
        join(&mut members, &mut sim, &mut cannot, n, i, j);
    }
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for a in 0..n {
            if members[a].is_none() {
                continue;
            }
            for b in a + 1..n {
                if members[b].is_none() || cannot[a * n + b] {
                    continue;
                }
                let s = sim[a * n + b];
                if s >= SAME_QUESTION && best.is_none_or(|(bs, _, _)| s > bs) {
                    best = Some((s, a, b));
                }
            }
        }
        let Some((_, a, b)) = best else { break };
        join(&mut members, &mut sim, &mut cannot, n, a, b);
    }
    let mut out: Vec<Vec<usize>> = members
        .into_iter()
        .flatten()
        .map(|m| {
            let mut m: Vec<usize> = m.into_iter().map(|i| ids[i]).collect();
            m.sort_unstable();
            m
        })
        .collect();
    out.sort();
    out
}

/// Words at least this rare (idf) find the mentions a mention may be clustered with.
const BLOCKING_IDF: f64 = 3.0;
/// A blocking key shared by more mentions than this says too little to find candidates.
const MAX_BLOCK: usize = 300;

/// Clusters of all mentions: candidate pairs come from shared rare words,
/// entities and frames (never all pairs); the pairs alike enough to ever be
/// joined split the mentions into groups, and each group is clustered by
/// [`average_linkage`] (a join needs one such pair, so no cluster spans groups).
fn cluster(works: &[Work]) -> Vec<Vec<usize>> {
    let weights = Weights::shipped();
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, w) in works.iter().enumerate() {
        for t in w
            .fact
            .terms
            .iter()
            .filter(|t| weights.idf(t) >= BLOCKING_IDF)
        {
            blocks.entry(format!("t:{t}")).or_default().push(i);
        }
        for e in &w.entities {
            blocks.entry(format!("e:{e}")).or_default().push(i);
        }
        if let Some((_, f)) = &w.quantity {
            let specific = !matches!(f, Frame::Noun(_) | Frame::Money("amount"));
            if specific {
                blocks
                    .entry(format!("f:{}", f.label()))
                    .or_default()
                    .push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..works.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut seen: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    // The candidate pairs alike at all, for groups too large for the dense matrix.
    let mut alike: Vec<(usize, usize, f64)> = Vec::new();
    for members in blocks.values_mut() {
        members.dedup();
        if members.len() > MAX_BLOCK {
            continue;
        }
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if !seen.insert((i, j)) {
                    continue;
                }
                let Some(score) = pair_score(&works[i], &works[j]) else {
                    continue;
                };
                if score > 0.0 {
                    alike.push((i, j, score));
                }
                if score >= SAME_QUESTION {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    if ri != rj {
                        parent[ri.max(rj)] = ri.min(rj);
                    }
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..works.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut pairs_of: HashMap<usize, Vec<(usize, usize, f64)>> = HashMap::new();
    if groups.values().any(|ids| ids.len() > DENSE_MAX) {
        for (i, j, score) in alike {
            let r = find(&mut parent, i);
            if groups.get(&r).is_some_and(|ids| ids.len() > DENSE_MAX) {
                pairs_of.entry(r).or_default().push((i, j, score));
            }
        }
    }
    let mut out: Vec<Vec<usize>> = groups
        .iter()
        .flat_map(|(r, ids)| {
            if ids.len() <= DENSE_MAX {
                average_linkage(works, ids)
            } else {
                sparse_linkage(works, ids, pairs_of.get(r).map_or(&[][..], Vec::as_slice))
            }
        })
        .collect();
    out.sort();
    out
}

/// Groups of more mentions than this are clustered by [`sparse_linkage`]: the
/// dense matrix of [`average_linkage`] grows with the square of a group and
/// its joins with the cube (a story of hundreds of articles on one campaign
/// makes groups of thousands of mentions).
const DENSE_MAX: usize = 400;

/// [`average_linkage`] over the candidate pairs only: `pairs` are the pairs
/// of the group that share a block and are alike at all (mention indices
/// into `all`, with their [`pair_score`]); every other pair counts as not
/// alike. A join is refused, as there, when a pair of figures of the two
/// clusters cannot be one question (frames differ or countries clash), which
/// is checked on the clusters' figures rather than stored for every pair. A
/// heap of cluster pairs, renewed at each join, finds the most alike pair:
/// the cost grows with the candidate pairs, not the square of the group.
fn sparse_linkage(all: &[Work], ids: &[usize], pairs: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let n = ids.len();
    let local: HashMap<usize, usize> = ids.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let works: Vec<&Work> = ids.iter().map(|&i| &all[i]).collect();
    // Sums of the pair scores between clusters (by the cluster's lowest index).
    let mut links: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    let mut seeds: Vec<(usize, usize)> = Vec::new();
    for &(i, j, score) in pairs {
        let (Some(&a), Some(&b)) = (local.get(&i), local.get(&j)) else {
            continue;
        };
        *links[a].entry(b).or_default() += score;
        *links[b].entry(a).or_default() += score;
        if score >= SAME_FRAME && works[a].quantity.is_some() && works[b].quantity.is_some() {
            seeds.push((a.min(b), a.max(b)));
        }
    }
    seeds.sort_unstable();
    let mut clusters: Vec<Option<Figures>> = works
        .iter()
        .enumerate()
        .map(|(k, w)| Some(Figures::of(k, w)))
        .collect();
    let mut owner: Vec<usize> = (0..n).collect();
    let mut version: Vec<u32> = vec![0; n];
    // (average score as bits (scores are ≥ 0), lower index first on ties, versions).
    type Entry = (u64, Reverse<usize>, Reverse<usize>, u32, u32);
    let mut heap: BinaryHeap<Entry> = BinaryHeap::new();
    let entry = |clusters: &[Option<Figures>],
                 links: &[HashMap<usize, f64>],
                 version: &[u32],
                 a: usize,
                 b: usize| {
        let (a, b) = (a.min(b), a.max(b));
        let size = |c: usize| clusters[c].as_ref().map_or(1, |f| f.members.len()) as f64;
        let avg = links[a].get(&b).copied().unwrap_or(0.0) / (size(a) * size(b));
        (avg >= SAME_QUESTION).then_some((
            avg.to_bits(),
            Reverse(a),
            Reverse(b),
            version[a],
            version[b],
        ))
    };
    let join = |clusters: &mut [Option<Figures>],
                links: &mut [HashMap<usize, f64>],
                owner: &mut [usize],
                version: &mut [u32],
                x: usize,
                y: usize|
     -> Option<usize> {
        let (a, b) = (x.min(y), x.max(y));
        if a == b {
            return None;
        }
        let (Some(fa), Some(fb)) = (clusters[a].as_ref(), clusters[b].as_ref()) else {
            return None;
        };
        if !fa.joins(fb) {
            return None;
        }
        let taken = clusters[b].take().expect("active");
        for &m in &taken.members {
            owner[m] = a;
        }
        let moved = std::mem::take(&mut links[b]);
        for (c, score) in moved {
            links[c].remove(&b);
            if c != a {
                *links[c].entry(a).or_default() += score;
                *links[a].entry(c).or_default() += score;
            }
        }
        links[a].remove(&b);
        clusters[a].as_mut().expect("active").absorb(taken);
        version[a] += 1;
        Some(a)
    };
    for (i, j) in seeds {
        let (x, y) = (owner[i], owner[j]);
        join(&mut clusters, &mut links, &mut owner, &mut version, x, y);
    }
    for a in 0..n {
        if clusters[a].is_none() {
            continue;
        }
        for &b in links[a].keys().filter(|&&b| b > a) {
            heap.extend(entry(&clusters, &links, &version, a, b));
        }
    }
    while let Some((_, Reverse(a), Reverse(b), va, vb)) = heap.pop() {
        if clusters[a].is_none() || clusters[b].is_none() || version[a] != va || version[b] != vb {
            continue;
        }
        let Some(a) = join(&mut clusters, &mut links, &mut owner, &mut version, a, b) else {
            continue;
        };
        let neighbours: Vec<usize> = links[a].keys().copied().collect();
        for c in neighbours {
            heap.extend(entry(&clusters, &links, &version, a, c));
        }
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_iter()
        .flatten()
        .map(|f| {
            let mut m: Vec<usize> = f.members.into_iter().map(|i| ids[i]).collect();
            m.sort_unstable();
            m
        })
        .collect();
    out.sort();
    out
}

/// A cluster of [`sparse_linkage`] with what decides whether it may take
/// another: the frame of its figures (one per cluster) and the country sets
/// qualifying them.
struct Figures {
    members: Vec<usize>,
    frame: Option<Frame>,
    qualifiers: Vec<BTreeSet<String>>,
}

impl Figures {
    /// The cluster of mention `k` alone.
    fn of(k: usize, w: &Work) -> Figures {
        let frame = w.quantity.as_ref().map(|(_, f)| f.clone());
        let qualifiers = if frame.is_some() && !w.qualifiers.is_empty() {
            vec![w.qualifiers.clone()]
        } else {
            Vec::new()
        };
        Figures {
            members: vec![k],
            frame,
            qualifiers,
        }
    }

    /// No figure of one and figure of the other are of different frames or
    /// qualified by different countries ([`pair_score`]'s `None`).
    fn joins(&self, other: &Figures) -> bool {
        if let (Some(a), Some(b)) = (&self.frame, &other.frame)
            && a != b
        {
            return false;
        }
        self.qualifiers
            .iter()
            .all(|a| other.qualifiers.iter().all(|b| !a.is_disjoint(b)))
    }

    fn absorb(&mut self, other: Figures) {
        self.members.extend(other.members);
        if self.frame.is_none() {
            self.frame = other.frame;
        }
        for q in other.qualifiers {
            if !self.qualifiers.contains(&q) {
                self.qualifiers.push(q);
            }
        }
    }
}

/// Join the clusters holding mentions `i` and `j` (the cluster with the
/// lower index takes the other), unless one of their pairs cannot be one
/// question; similarities to the rest are averaged (Lance–Williams).
fn join(
    members: &mut [Option<Vec<usize>>],
    sim: &mut [f64],
    cannot: &mut [bool],
    n: usize,
    i: usize,
    j: usize,
) {
    let root = |x: usize, members: &[Option<Vec<usize>>]| {
        (0..members.len())
            .find(|&r| members[r].as_ref().is_some_and(|m| m.contains(&x)))
            .expect("every mention is in a cluster")
    };
    let (ra, rb) = (root(i, members), root(j, members));
    if ra == rb || cannot[ra * n + rb] {
        return;
    }
    let (a, b) = (ra.min(rb), ra.max(rb));
    let taken = members[b].take().expect("active");
    let na = members[a].as_ref().expect("active").len() as f64;
    let nb = taken.len() as f64;
    for c in 0..n {
        if c == a || members[c].is_none() {
            continue;
        }
        let s = (na * sim[a * n + c] + nb * sim[b * n + c]) / (na + nb);
        sim[a * n + c] = s;
        sim[c * n + a] = s;
        let no = cannot[a * n + c] || cannot[b * n + c];
        cannot[a * n + c] = no;
        cannot[c * n + a] = no;
    }
    members[a].as_mut().expect("active").extend(taken);
}

/// Weigh each mention's words by how rare they are in news (the shipped
/// table) and in this story: a word every mention of the story shares (the
/// country, the town) says little about which question a mention is about.
fn reweight(works: &mut [Work], weights: &Weights) {
    let mut df: HashMap<String, usize> = HashMap::new();
    for w in works.iter() {
        for t in w.vector.words() {
            *df.entry(t.to_string()).or_default() += 1;
        }
    }
    let m = works.len() as f64;
    for w in works.iter_mut() {
        let words: Vec<String> = w.fact.terms.clone();
        let weight = |t: &str| {
            let local = ((m + 10.0) / (df.get(t).copied().unwrap_or(0) as f64 + 0.5)).ln();
            weights.idf(t) * local
        };
        w.vector = TermVector::weighted(&words, weight);
        let vectors = crate::vectors::Vectors::shipped();
        w.embedding = vectors.embed(&words, |t| {
            weight(t)
                / vectors
                    .get(t)
                    .map_or(1.0, |v| f64::from(v.norm()).max(1e-6))
        });
    }
}

/// How alike two contents are: their shared words (names weigh most) or
/// their meaning (word vectors, for paraphrases), whichever says more.
fn similarity(a: &Work, b: &Work) -> f64 {
    let words = a.vector.cosine(&b.vector);
    let meaning = a.embedding.cosine(&b.embedding);
    // Static vectors of unrelated news sentences still meet at about 0.5: only the excess counts.
    let scaled = ((meaning - MEANING_FLOOR) / (1.0 - MEANING_FLOOR)).max(0.0);
    words.max(scaled)
}

/// The cosine of word vectors two unrelated news contents typically reach.
const MEANING_FLOOR: f64 = 0.5;

/// The graph of `docs` before assessment: documents, entities, origins,
/// claims and clusters (statuses and grades are filled by [`crate::assess`]).
pub fn assemble(docs: &[DocFacts], linked: Linked) -> (Graph, Vec<ClaimInfo>) {
    let weights = Weights::shipped();
    let mut works = works(docs, &linked, weights);
    reweight(&mut works, weights);
    unify_anonymous(&mut works);
    resolve_descriptions(&mut works, &linked);
    follow_reports(&mut works, &linked);
    headlines_follow_bodies(&mut works);
    let clusters = cluster(&works);
    let mut graph = Graph {
        documents: docs
            .iter()
            .map(|d| GraphDocument {
                id: d.doc.clone(),
                url: d.url.clone(),
                path: d.path.clone(),
                title: d.title.clone(),
                outlet: d.outlet.clone(),
                published: d.published.clone(),
                language: d.language.clone(),
            })
            .collect(),
        ..Graph::default()
    };
    // In order of publication, whatever the order the articles came in.
    graph
        .documents
        .sort_by(|a, b| (&a.published, &a.id).cmp(&(&b.published, &b.id)));
    let mut origins: BTreeMap<String, GraphOrigin> = BTreeMap::new();
    let mut infos = Vec::new();
    for members in &clusters {
        let claims = claims_of(&works, members);
        let mut claim_ids = Vec::new();
        for claim in &claims {
            let first = &works[claim[0]];
            let origin_id = stable_id("o", &first.origin_key);
            origins
                .entry(first.origin_key.clone())
                .or_insert_with(|| origin(&origin_id, first, &linked));
            let mentions: Vec<GraphMention> =
                claim.iter().map(|&i| mention(docs, &works[i])).collect();
            let key = format!("{}/{}", docs[first.doc].doc, first.fact.id);
            let id = stable_id("c", &key);
            let quantity = claim_quantity(&works, claim);
            let proposition = claim
                .iter()
                .map(|&i| &works[i])
                .filter(|w| !w.fact.headline)
                .chain(claim.iter().map(|&i| &works[i]))
                .map(|w| w.fact.content.clone())
                .max_by_key(|c| c.len().min(240))
                .unwrap_or_default();
            infos.push(ClaimInfo {
                members: claim.clone(),
                first_published: claim
                    .iter()
                    .filter_map(|&i| works[i].published.clone())
                    .min(),
                outlets: claim
                    .iter()
                    .map(|&i| {
                        works[i]
                            .outlet
                            .clone()
                            .unwrap_or_else(|| docs[works[i].doc].doc.clone())
                    })
                    .collect(),
                negated: claim.iter().any(|&i| works[i].fact.negated),
                hedged: claim.iter().any(|&i| {
                    works[i].fact.hedge.as_ref().is_some_and(|h| {
                        h.kind == hearsay_core::HedgeKind::Hedge
                            || h.kind == hearsay_core::HedgeKind::Evidential
                    })
                }),
                source_kind: first.source_kind,
                vector: first.vector.clone(),
                revision: claim.iter().any(|&i| works[i].fact.revision),
            });
            claim_ids.push(id.clone());
            graph.claims.push(GraphClaim {
                id,
                origin: origin_id,
                proposition,
                quantity,
                credibility: None,
                credibility_reason: String::new(),
                mentions,
            });
        }
        let first = &works[members[0]];
        let subject = cluster_subject(&works, members);
        graph.clusters.push(GraphCluster {
            id: stable_id("k", &format!("{}/{}", docs[first.doc].doc, first.fact.id)),
            subject,
            claims: claim_ids,
            independent_origins: 0,
            status: Status::Single,
            credibility: None,
            assessed_claim: None,
            explanation: String::new(),
        });
    }
    graph.origins = origins.into_values().collect();
    graph.origins.sort_by(|a, b| a.id.cmp(&b.id));
    graph.entities = linked.entities;
    (graph, infos)
}

/// What assessment needs of a claim besides its graph form, in graph order.
pub struct ClaimInfo {
    /// Indices of its mentions (internal).
    pub members: Vec<usize>,
    /// First publication date of any of its mentions.
    pub first_published: Option<String>,
    /// The outlets that published it.
    pub outlets: Vec<String>,
    /// Stated as a negation or denial.
    pub negated: bool,
    /// Hedged by its source ("could", "reportedly").
    pub hedged: bool,
    /// Kind of its source.
    pub source_kind: SourceKind,
    /// Its words.
    pub vector: TermVector,
    /// A mention presents it as a revision of an earlier statement.
    pub revision: bool,
}

/// The claims of one cluster: mentions of one origin stating one proposition.
fn claims_of(works: &[Work], members: &[usize]) -> Vec<Vec<usize>> {
    let mut by_origin: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in members {
        by_origin
            .entry(works[i].origin_key.as_str())
            .or_default()
            .push(i);
    }
    let mut claims: Vec<Vec<usize>> = Vec::new();
    for ms in by_origin.values() {
        let mut mine: Vec<Vec<usize>> = Vec::new();
        // Exact figures and plain statements first, bounds after them.
        let (firm, bounds): (Vec<usize>, Vec<usize>) = ms.iter().partition(|&&i| {
            works[i]
                .quantity
                .as_ref()
                .is_none_or(|(q, _)| q.value.is_some() || (q.min.is_some() && q.max.is_some()))
        });
        for i in firm.into_iter().chain(bounds) {
            let fits: Vec<usize> = (0..mine.len())
                .filter(|&c| {
                    mine[c]
                        .iter()
                        .any(|&j| same_proposition(&works[i], &works[j]))
                })
                .collect();
            let pick = fits.iter().copied().min_by_key(|&c| {
                let first = mine[c]
                    .iter()
                    .filter_map(|&j| works[j].published.clone())
                    .min();
                let before = first
                    .as_ref()
                    .is_some_and(|f| Some(f) <= works[i].published.as_ref());
                (!before, first.map(std::cmp::Reverse))
            });
            match pick {
                Some(c) => mine[c].push(i),
                None => mine.push(vec![i]),
            }
        }
        claims.extend(mine);
    }
    for c in &mut claims {
        c.sort_unstable();
    }
    claims.sort();
    claims
}

/// Two mentions of one origin state one proposition: the same figure, or alike words.
fn same_proposition(a: &Work, b: &Work) -> bool {
    match (&a.quantity, &b.quantity) {
        (Some((qa, _)), Some((qb, _))) => same_figure(qa, qb),
        (None, None) => a.vector.cosine(&b.vector) >= SAME_PROPOSITION,
        _ => false,
    }
}

/// Two mentions state one figure: their intervals overlap, and a bound is
/// near the value it bounds ("more than 100" for 112, not "at least 14" for 19).
fn same_figure(a: &QuantityFact, b: &QuantityFact) -> bool {
    if !figures_agree(a, b) {
        return false;
    }
    let point = |q: &QuantityFact| {
        q.value
            .or_else(|| q.min.zip(q.max).map(|(lo, hi)| (lo + hi) / 2.0))
            .or(q.min)
            .or(q.max)
    };
    match (point(a), point(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) <= 1.2,
        _ => true,
    }
}

/// Two figures are the same when their intervals overlap; exact values must
/// be within the tolerance of approximate ones.
pub(crate) fn figures_agree(a: &QuantityFact, b: &QuantityFact) -> bool {
    match (a.interval(), b.interval()) {
        (Some((alo, ahi)), Some((blo, bhi))) => alo <= bhi && blo <= ahi,
        _ => false,
    }
}

fn mention(docs: &[DocFacts], w: &Work) -> GraphMention {
    GraphMention {
        document: docs[w.doc].doc.clone(),
        attribution: w.fact.id.clone(),
        content: w.fact.content.clone(),
        source: w.source_text.clone(),
        source_entity: w.source_entity.clone(),
        source_kind: w.source_kind,
        via: w.via.clone(),
        hedge: w.fact.hedge.as_ref().map(|h| h.word.clone()),
        headline: w.fact.headline,
        published: w.published.clone(),
    }
}

fn origin(id: &str, w: &Work, linked: &Linked) -> GraphOrigin {
    let key = &w.origin_key;
    let entity_id = key
        .strip_prefix("e:")
        .or_else(|| key.strip_prefix("gov:"))
        .map(str::to_string);
    let entity = entity_id
        .as_ref()
        .and_then(|e| linked.entities.iter().find(|x| &x.id == e));
    let (description, kind) = match entity {
        Some(e) => (
            e.name.clone(),
            match (e.etype, e.kind) {
                (EntityType::Person, _) => SourceKind::NamedPerson,
                (_, EntityKind::NewsOutlet) => SourceKind::NewsOutlet,
                (_, EntityKind::GovernmentAgency) | (EntityType::Gpe, _) => {
                    SourceKind::GovernmentAgency
                }
                _ => SourceKind::Organization,
            },
        ),
        None => {
            let reporter = linked
                .entities
                .iter()
                .find(|x| x.id == w.reporter)
                .map(|x| format!(", first reported by {}", x.name))
                .unwrap_or_default();
            (
                format!(
                    "{}{reporter}",
                    w.source_text
                        .clone()
                        .unwrap_or_else(|| "unattributed".into())
                ),
                w.source_kind,
            )
        }
    };
    GraphOrigin {
        id: id.to_string(),
        description,
        kind,
        entity: entity_id,
        reliability: "F".into(),
        reliability_reason: String::new(),
        merged: Vec::new(),
    }
}

/// The claim's figure: the exact value its mentions give (or the tightest
/// bounds), the strongest modality any of them states, and the date it describes.
fn claim_quantity(works: &[Work], claim: &[usize]) -> Option<GraphQuantity> {
    let qs: Vec<(&QuantityFact, &Work)> = claim
        .iter()
        .filter_map(|&i| works[i].quantity.as_ref().map(|(q, _)| (q, &works[i])))
        .collect();
    let best = qs
        .iter()
        .max_by_key(|(q, w)| {
            (
                q.value.is_some(),
                q.min.is_some() && q.max.is_some(),
                !w.fact.headline,
            )
        })
        .copied()?;
    let modality = qs
        .iter()
        .map(|(q, _)| q.modality)
        .max()
        .unwrap_or(Modality::Actual);
    let (q, w) = best;
    let as_of = if modality == Modality::Allowed {
        None
    } else {
        // A figure of fact describes a day on or before its report; later dates are plans.
        let not_after = |d: &&crate::facts::DateFact| {
            modality == Modality::Expected
                || w.published
                    .as_ref()
                    .is_none_or(|p| d.end.as_str() <= p.as_str())
        };
        w.fact
            .dates
            .iter()
            .filter(not_after)
            .map(|d| d.end.clone())
            .max()
            .or_else(|| {
                w.fact
                    .said_on
                    .iter()
                    .filter(not_after)
                    .map(|d| d.end.clone())
                    .next()
            })
            .or_else(|| w.published.clone())
    };
    Some(GraphQuantity {
        subject: works[claim[0]]
            .quantity
            .as_ref()
            .map(|(_, f)| f.label())
            .unwrap_or_default(),
        value: q.value,
        min: q.min,
        max: q.max,
        unit: q.unit.clone(),
        modality,
        approximate: q.approximate,
        vague: q.vague,
        as_of,
    })
}

/// A few words saying what a cluster is about: its frame and its most telling shared words.
fn cluster_subject(works: &[Work], members: &[usize]) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &i in members {
        for w in works[i].vector.words() {
            *counts.entry(w).or_default() += 1;
        }
    }
    let weights = Weights::shipped();
    let mut top: Vec<(&str, f64)> = counts
        .iter()
        .map(|(w, c)| (*w, *c as f64 * weights.idf(w)))
        .collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let words: Vec<&str> = top.iter().take(4).map(|(w, _)| *w).collect();
    let frame = members
        .iter()
        .find_map(|&i| works[i].quantity.as_ref().map(|(_, f)| f.label()));
    match frame {
        Some(f) => format!("{f}: {}", words.join(" ")),
        None => words.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of articles written for the purpose, as clustering sees them.
    fn works_of(docs: &[DocFacts]) -> (Vec<Work<'_>>, Vec<(usize, usize, f64)>) {
        let linked = crate::entities::link(docs);
        let weights = Weights::shipped();
        let mut works = works(docs, &linked, weights);
        reweight(&mut works, weights);
        let mut pairs = Vec::new();
        for i in 0..works.len() {
            for j in i + 1..works.len() {
                if let Some(s) = pair_score(&works[i], &works[j])
                    && s > 0.0
                {
                    pairs.push((i, j, s));
                }
            }
        }
        (works, pairs)
    }

    #[test]
    fn sparse_linkage_given_every_pair_is_average_linkage() {
        let analyzer = hearsay_analyze::Analyzer::new().expect("models");
        let texts = [
            "The Health Ministry said on Monday that 12 people were killed in the blast at the Orlin chemical plant. The ministry said 40 people were injured in the blast at the Orlin chemical plant.",
            "Twelve people died in the explosion at the Orlin chemical plant, the Red Cross said. The mayor said the fire was under control.",
            "At least 15 people were killed in the Orlin blast, a hospital official said. Officials said 300 Marovian troops were sent to the border near Orlin.",
            "Officials said 500 Ustravan troops were sent to the border near Orlin. The plant's owner said safety rules had been followed.",
            "The mayor said the fire at the Orlin plant was out by Tuesday. A union leader said workers had warned of leaks for months.",
            "Investigators said the leak began in a storage tank. The Health Ministry said 14 people were killed and 38 were injured in the blast.",
        ];
        let docs: Vec<DocFacts> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut d = hearsay_core::Document::new(*t);
                d.outlet = Some(format!("Daily {i}"));
                d.published = Some("2026-05-04".into());
                crate::extract(&analyzer.analyze(d))
            })
            .collect();
        let (works, pairs) = works_of(&docs);
        assert!(works.len() >= 12, "{} mentions", works.len());
        let ids: Vec<usize> = (0..works.len()).collect();
        let dense = average_linkage(&works, &ids);
        assert!(dense.iter().any(|c| c.len() > 1), "{dense:?}");
        let cannot = (0..works.len())
            .flat_map(|i| (i + 1..works.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| pair_score(&works[i], &works[j]).is_none())
            .count();
        assert!(cannot > 0, "no pair of figures that cannot be one question");
        assert_eq!(sparse_linkage(&works, &ids, &pairs), dense);
    }

    #[test]
    fn a_sparse_cluster_takes_no_figure_of_another_frame_or_country() {
        let figures = |frame: Option<Frame>, countries: &[&str]| Figures {
            members: vec![0],
            frame,
            qualifiers: if countries.is_empty() {
                Vec::new()
            } else {
                vec![countries.iter().map(|c| c.to_string()).collect()]
            },
        };
        let killed = figures(Some(Frame::Killed), &[]);
        assert!(!killed.joins(&figures(Some(Frame::Injured), &[])));
        assert!(killed.joins(&figures(Some(Frame::Killed), &[])));
        assert!(killed.joins(&figures(None, &[])));
        let marovian = figures(Some(Frame::Military), &["marovia"]);
        assert!(!marovian.joins(&figures(Some(Frame::Military), &["ustrava"])));
        assert!(marovian.joins(&figures(Some(Frame::Military), &["marovia", "ustrava"])));
        assert!(marovian.joins(&figures(Some(Frame::Military), &[])));
        // What a cluster took stays part of what it refuses.
        let mut words = figures(None, &[]);
        words.absorb(figures(Some(Frame::Injured), &[]));
        assert!(!words.joins(&killed));
    }

    #[test]
    fn anonymous_description_heads() {
        assert_eq!(
            description_head("two Western diplomats in Lendrov briefed on the matter"),
            "diplomat"
        );
        assert_eq!(
            description_head("One of the two Western diplomats who first described it"),
            "diplomat"
        );
        assert_eq!(
            description_head("a person familiar with the investigation"),
            "person"
        );
        assert_eq!(
            description_head("A senior European intelligence source"),
            "source"
        );
        assert_eq!(
            description_head("a report in a regional newspaper"),
            "report"
        );
    }
}
