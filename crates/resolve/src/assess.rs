//! How well claims hold up: relations between the claims of a cluster, the
//! cluster's status and assessed claim, Admiralty grades, timelines, and an
//! explanation a person can read. The rules are written out in
//! `docs/ASSESSMENT.md`.
//!
//! * Relations: claims of one origin **update** (a later figure, a revision,
//!   a confirmation) or **repeat** each other (a retelling that drifted);
//!   claims of different origins **corroborate** or **contradict** when they
//!   describe the same state of the world — the same modality, and no change
//!   reported between their dates.
//! * Status, first match wins: contested (current claims of different origins
//!   disagree), corroborated (two origins agree), updated, circular (one origin,
//!   several outlets), single.
//! * Information credibility 1–6 per claim and source reliability A–F per
//!   origin are graded separately, each with its reason.

use crate::assemble::ClaimInfo;
use crate::facts::RecordKind;
use crate::graph::{
    Graph, GraphClaim, GraphOrigin, GraphRelation, GraphTimeline, RelationKind, Status,
    TimelinePoint,
};
use crate::quantity::{Modality, QuantityFact};
use hearsay_core::SourceKind;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Two claims of different origins at least this alike say the same thing (or its opposite).
const COMPARABLE: f64 = 0.2;
/// Two claims of one origin at least this alike are a retelling of one another.
const RETOLD: f64 = 0.2;

/// What the evidence says of one origin's record, gathered from all articles.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// Statements of the record, each with its kind and the sentence.
    pub statements: Vec<(RecordKind, String)>,
    /// A private individual (an eyewitness, a resident), whose record cannot be known.
    pub private: bool,
}

/// Assess every cluster of the graph in place.
pub fn assess(graph: &mut Graph, infos: &[ClaimInfo], records: &HashMap<String, Record>) {
    let index: HashMap<String, usize> = graph
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let origin_index: HashMap<String, usize> = graph
        .origins
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.clone(), i))
        .collect();
    for o in &mut graph.origins {
        let (grade, reason) = reliability(o, records.get(&o.id));
        o.reliability = grade.to_string();
        o.reliability_reason = reason;
    }
    let mut relations = Vec::new();
    let mut timelines = Vec::new();
    for k in 0..graph.clusters.len() {
        let members: Vec<usize> = graph.clusters[k]
            .claims
            .iter()
            .filter_map(|id| index.get(id).copied())
            .collect();
        let rels = relate(&graph.claims, infos, &members);
        let n_origins = members
            .iter()
            .map(|&c| graph.claims[c].origin.as_str())
            .collect::<BTreeSet<&str>>()
            .len();
        let n_outlets = members
            .iter()
            .flat_map(|&c| infos[c].outlets.iter().map(String::as_str))
            .collect::<BTreeSet<&str>>()
            .len();
        let status = status(&rels, n_origins, n_outlets);
        let grades = grade(graph, infos, &members, &rels, status, &origin_index);
        for (&c, (g, why)) in members.iter().zip(&grades) {
            graph.claims[c].credibility = Some(*g);
            graph.claims[c].credibility_reason = why.clone();
        }
        let assessed = assessed_claim(&graph.claims, infos, &members, &rels, &grades, status);
        let explanation = explain(graph, infos, &members, &rels, status, assessed);
        let assessed_id = assessed.map(|c| graph.claims[c].id.clone());
        let cluster = &mut graph.clusters[k];
        cluster.independent_origins = n_origins;
        cluster.status = status;
        cluster.assessed_claim = assessed_id;
        cluster.credibility =
            assessed.map(|c| grades[members.iter().position(|&m| m == c).unwrap_or(0)].0);
        cluster.explanation = explanation;
        if let Some(t) = timeline(
            &graph.claims,
            infos,
            &members,
            &graph.clusters[k].id,
            &graph.clusters[k].subject,
        ) {
            timelines.push(t);
        }
        relations.extend(rels.into_iter().map(|r| GraphRelation {
            a: graph.claims[r.a].id.clone(),
            b: graph.claims[r.b].id.clone(),
            kind: r.kind,
        }));
    }
    relations.sort_by(|x, y| (&x.a, &x.b, x.kind).cmp(&(&y.a, &y.b, y.kind)));
    graph.relations = relations;
    graph.timelines = timelines;
    weigh_track_records(graph, records);
}

/// An origin needs this many graded claims before its track record moves its grade.
const TRACK_RECORD: usize = 3;

/// Source reliability from the track record in the evidence: an origin whose
/// claims other origins confirm, again and again, is usually reliable (B); one
/// they contradict, again and again, is not usually reliable (D). A stated
/// record, anonymity and a private individual's standing take precedence.
fn weigh_track_records(graph: &mut Graph, records: &HashMap<String, Record>) {
    let mut tally: HashMap<&str, (usize, usize)> = HashMap::new();
    for c in &graph.claims {
        let t = tally.entry(c.origin.as_str()).or_default();
        match c.credibility {
            Some(1) => t.0 += 1,
            Some(4 | 5) => t.1 += 1,
            _ => {}
        }
    }
    let tally: HashMap<String, (usize, usize)> =
        tally.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    for o in &mut graph.origins {
        let stated = records
            .get(&o.id)
            .is_some_and(|r| !r.statements.is_empty() || r.private);
        if stated || o.reliability != "C" {
            continue;
        }
        let (confirmed, contradicted) = tally.get(&o.id).copied().unwrap_or_default();
        if confirmed >= TRACK_RECORD && contradicted == 0 {
            o.reliability = "B".into();
            o.reliability_reason = format!(
                "a track record in the evidence: {confirmed} of its claims confirmed by other origins, none contradicted"
            );
        } else if contradicted >= TRACK_RECORD && confirmed == 0 {
            o.reliability = "D".into();
            o.reliability_reason = format!(
                "a track record in the evidence: {contradicted} of its claims contradicted by other origins, none confirmed"
            );
        }
    }
}

/// A relation between claims by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rel {
    a: usize,
    b: usize,
    kind: RelationKind,
}

/// The figure of a claim as a fact, for comparing intervals.
fn figure(c: &GraphClaim) -> Option<QuantityFact> {
    let q = c.quantity.as_ref()?;
    Some(QuantityFact {
        text: String::new(),
        value: q.value,
        min: q.min,
        max: q.max,
        unit: q.unit.clone(),
        head: None,
        approximate: q.approximate,
        vague: q.vague,
        modality: q.modality,
        context: Vec::new(),
        before: Vec::new(),
    })
}

/// Figures of these modalities can be compared: counts with estimates,
/// expectations with expectations, caps with caps.
fn comparable_modalities(a: Modality, b: Modality) -> bool {
    let class = |m: Modality| match m {
        Modality::Actual | Modality::Estimated => 0,
        Modality::Expected => 1,
        Modality::Allowed => 2,
    };
    class(a) == class(b)
}

/// Relations among the claims of one cluster.
fn relate(claims: &[GraphClaim], infos: &[ClaimInfo], members: &[usize]) -> Vec<Rel> {
    let mut out = Vec::new();
    // Within one origin: each claim updates the one it directly replaces, or retells it.
    let mut by_origin: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &c in members {
        by_origin
            .entry(claims[c].origin.as_str())
            .or_default()
            .push(c);
    }
    for list in by_origin.values() {
        let mut list = list.clone();
        list.sort_by_key(|&x| order_key(claims, infos, x));
        for (n, &later) in list.iter().enumerate().skip(1) {
            let earlier = list[n - 1];
            if let Some(kind) = same_origin_relation(claims, infos, earlier, later) {
                out.push(Rel {
                    a: later,
                    b: earlier,
                    kind,
                });
            }
        }
    }
    // Change points: the dates at which an origin's figure was replaced by a later one.
    let changes: Vec<String> = out
        .iter()
        .filter(|r| r.kind == RelationKind::Updates)
        .filter_map(|r| as_of(claims, infos, r.a))
        .collect();
    // Across origins: the same state of the world, compared.
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            if claims[i].origin == claims[j].origin {
                continue;
            }
            if let Some(kind) = cross_relation(claims, infos, i, j, &changes) {
                let (a, b) = if i < j { (i, j) } else { (j, i) };
                out.push(Rel { a, b, kind });
            }
        }
    }
    out
}

/// When a claim was first made and the date it describes, for ordering one origin's claims.
fn order_key(
    claims: &[GraphClaim],
    infos: &[ClaimInfo],
    c: usize,
) -> (Option<String>, Option<String>, usize) {
    (infos[c].first_published.clone(), as_of(claims, infos, c), c)
}

fn as_of(claims: &[GraphClaim], infos: &[ClaimInfo], c: usize) -> Option<String> {
    claims[c]
        .quantity
        .as_ref()
        .and_then(|q| q.as_of.clone())
        .or_else(|| infos[c].first_published.clone())
}

/// How a later claim of one origin relates to its earlier one.
fn same_origin_relation(
    claims: &[GraphClaim],
    infos: &[ClaimInfo],
    earlier: usize,
    later: usize,
) -> Option<RelationKind> {
    let (fe, fl) = (figure(&claims[earlier]), figure(&claims[later]));
    let (ie, il) = (&infos[earlier], &infos[later]);
    match (fe, fl) {
        (Some(e), Some(l)) => {
            let later_date = as_of(claims, infos, later) > as_of(claims, infos, earlier);
            if later_date || il.revision {
                Some(RelationKind::Updates)
            } else if comparable_modalities(e.modality, l.modality) {
                Some(RelationKind::Repeats)
            } else {
                None
            }
        }
        _ => {
            let sim = ie.vector.cosine(&il.vector);
            let turned = ie.negated != il.negated || (ie.hedged && !il.hedged);
            if turned && (sim >= RETOLD || il.revision) {
                Some(RelationKind::Updates)
            } else if sim >= RETOLD {
                Some(RelationKind::Repeats)
            } else {
                None
            }
        }
    }
}

/// How claims of two origins relate, when they describe the same state of the world.
fn cross_relation(
    claims: &[GraphClaim],
    infos: &[ClaimInfo],
    i: usize,
    j: usize,
    changes: &[String],
) -> Option<RelationKind> {
    match (figure(&claims[i]), figure(&claims[j])) {
        (Some(a), Some(b)) => {
            if !comparable_modalities(a.modality, b.modality) {
                return None;
            }
            let (da, db) = (as_of(claims, infos, i), as_of(claims, infos, j));
            if let (Some(da), Some(db)) = (&da, &db)
                && da != db
            {
                let (lo, hi) = if da < db { (da, db) } else { (db, da) };
                // A change reported after the earlier date, up to the later one: another state.
                if changes.iter().any(|c| c > lo && c <= hi) {
                    return None;
                }
            }
            Some(if crate::assemble::figures_agree(&a, &b) {
                RelationKind::Corroborates
            } else {
                RelationKind::Contradicts
            })
        }
        (None, None) => {
            let sim = infos[i].vector.cosine(&infos[j].vector);
            (sim >= COMPARABLE).then_some(if infos[i].negated != infos[j].negated {
                RelationKind::Contradicts
            } else {
                RelationKind::Corroborates
            })
        }
        _ => None,
    }
}

/// The cluster's status, first match wins.
fn status(rels: &[Rel], origins: usize, outlets: usize) -> Status {
    let replaced: BTreeSet<usize> = rels
        .iter()
        .filter(|r| r.kind == RelationKind::Updates)
        .map(|r| r.b)
        .collect();
    let open = rels.iter().any(|r| {
        r.kind == RelationKind::Contradicts && !replaced.contains(&r.a) && !replaced.contains(&r.b)
    });
    if open {
        Status::Contested
    } else if origins >= 2 && rels.iter().any(|r| r.kind == RelationKind::Corroborates) {
        Status::Corroborated
    } else if rels.iter().any(|r| r.kind == RelationKind::Updates) {
        Status::Updated
    } else if origins == 1 && outlets >= 2 {
        Status::Circular
    } else {
        Status::Single
    }
}

/// Information credibility of every claim of a cluster, with its reason.
fn grade(
    graph: &Graph,
    infos: &[ClaimInfo],
    members: &[usize],
    rels: &[Rel],
    status: Status,
    origin_index: &HashMap<String, usize>,
) -> Vec<(u8, String)> {
    let claims = &graph.claims;
    let origin_of = |c: usize| -> Option<&GraphOrigin> {
        origin_index
            .get(&claims[c].origin)
            .map(|&o| &graph.origins[o])
    };
    let replaced: BTreeSet<usize> = rels
        .iter()
        .filter(|r| r.kind == RelationKind::Updates)
        .map(|r| r.b)
        .collect();
    let partners = |c: usize, kind: RelationKind| -> BTreeSet<&str> {
        rels.iter()
            .filter(|r| r.kind == kind && (r.a == c || r.b == c))
            .map(|r| if r.a == c { r.b } else { r.a })
            .map(|o| claims[o].origin.as_str())
            .collect()
    };
    members
        .iter()
        .map(|&c| {
            let info = &infos[c];
            let support = partners(c, RelationKind::Corroborates);
            let against = partners(c, RelationKind::Contradicts);
            let modality = claims[c].quantity.as_ref().map(|q| q.modality);
            let reliability = origin_of(c).map(|o| o.reliability.as_str()).unwrap_or("F");
            let anonymous = matches!(
                info.source_kind,
                SourceKind::AnonymousPerson | SourceKind::AnonymousGroup | SourceKind::Unknown
            ) || reliability == "F";
            let speculative = info.hedged && support.is_empty() && against.is_empty();
            let future = modality == Some(Modality::Expected);
            if speculative && !future && modality.is_none() && status == Status::Single {
                return (
                    6,
                    "a hedged statement with nothing else in the evidence to weigh it".into(),
                );
            }
            if !against.is_empty() && against.len() > support.len() + 1 {
                return (
                    5,
                    format!("contradicted by {} independent origins", against.len()),
                );
            }
            if replaced.contains(&c) && !against.is_empty() {
                return (
                    5,
                    "withdrawn by its own source and contradicted by others".into(),
                );
            }
            if !against.is_empty() && against.len() > support.len() {
                return (
                    4,
                    format!(
                        "contradicted by {} other origin{} and supported by {}",
                        against.len(),
                        if against.len() == 1 { "" } else { "s" },
                        support.len()
                    ),
                );
            }
            if !support.is_empty() && against.is_empty() && !future && !info.hedged {
                return (
                    1,
                    format!(
                        "confirmed by {} independent origin{}",
                        support.len(),
                        if support.len() == 1 { "" } else { "s" }
                    ),
                );
            }
            if !support.is_empty() {
                return (
                    2,
                    "supported by another origin, but disputed or not an observable fact yet"
                        .into(),
                );
            }
            if future {
                return (
                    3,
                    "a statement of intent or forecast, not yet confirmable".into(),
                );
            }
            if anonymous || modality == Some(Modality::Estimated) || info.hedged {
                return (
                    3,
                    if anonymous {
                        "one unconfirmed source that cannot be judged".into()
                    } else {
                        "one origin's estimate, not confirmed by another".into()
                    },
                );
            }
            (
                2,
                "one origin with direct access, on the record, not confirmed by another".into(),
            )
        })
        .collect()
}

/// The claim the evidence favours: the best supported current claim of a
/// contested cluster, the latest of an updated one, the first stated otherwise.
fn assessed_claim(
    claims: &[GraphClaim],
    infos: &[ClaimInfo],
    members: &[usize],
    rels: &[Rel],
    grades: &[(u8, String)],
    status: Status,
) -> Option<usize> {
    let replaced: BTreeSet<usize> = rels
        .iter()
        .filter(|r| r.kind == RelationKind::Updates)
        .map(|r| r.b)
        .collect();
    let support = |c: usize| {
        rels.iter()
            .filter(|r| r.kind == RelationKind::Corroborates && (r.a == c || r.b == c))
            .count()
    };
    let pos = |c: usize| members.iter().position(|&m| m == c).unwrap_or(0);
    match status {
        Status::Updated => members
            .iter()
            .copied()
            .filter(|c| !replaced.contains(c))
            .max_by_key(|&c| (infos[c].first_published.clone(), std::cmp::Reverse(c))),
        _ => members.iter().copied().min_by_key(|&c| {
            (
                grades[pos(c)].0,
                std::cmp::Reverse(support(c)),
                replaced.contains(&c),
                std::cmp::Reverse(claims[c].mentions.len()),
                infos[c].first_published.clone(),
                c,
            )
        }),
    }
}

/// Source reliability of an origin, from its kind and the record the evidence states.
fn reliability(o: &GraphOrigin, record: Option<&Record>) -> (char, String) {
    if let Some(r) = record {
        let has = |k: RecordKind| r.statements.iter().find(|(x, _)| *x == k);
        if let Some((_, s)) = has(RecordKind::Invalid) {
            return ('E', format!("a history of invalid information: \"{s}\""));
        }
        if let Some((_, s)) = has(RecordKind::Poor) {
            return (
                'D',
                format!("a poor record stated in the evidence: \"{s}\""),
            );
        }
        if let Some((_, s)) = has(RecordKind::Good) {
            return (
                'B',
                format!("a good record stated in the evidence: \"{s}\""),
            );
        }
    }
    match o.kind {
        SourceKind::AnonymousPerson | SourceKind::AnonymousGroup | SourceKind::Unknown => {
            ('F', "anonymous: its record cannot be judged".into())
        }
        SourceKind::NamedPerson if record.is_some_and(|r| r.private) => {
            ('F', "a private individual: no record can be judged".into())
        }
        SourceKind::Document => ('C', "a document seen but not authenticated".into()),
        _ => (
            'C',
            "a named source on the record; no record stated either way".into(),
        ),
    }
}

/// The figures of a cluster over time.
fn timeline(
    claims: &[GraphClaim],
    infos: &[ClaimInfo],
    members: &[usize],
    cluster: &str,
    subject: &str,
) -> Option<GraphTimeline> {
    let mut points: Vec<TimelinePoint> = members
        .iter()
        .filter_map(|&c| {
            let q = claims[c].quantity.as_ref()?;
            Some(TimelinePoint {
                date: infos[c].first_published.clone(),
                as_of: q.as_of.clone(),
                value: q.value,
                min: q.min,
                max: q.max,
                modality: q.modality,
                claim: claims[c].id.clone(),
                origin: claims[c].origin.clone(),
            })
        })
        .collect();
    if points.len() < 2 {
        return None;
    }
    points.sort_by(|a, b| (&a.date, &a.as_of, &a.claim).cmp(&(&b.date, &b.as_of, &b.claim)));
    Some(GraphTimeline {
        subject: subject.to_string(),
        cluster: cluster.to_string(),
        points,
    })
}

/// One paragraph saying why the cluster stands as it does.
fn explain(
    graph: &Graph,
    infos: &[ClaimInfo],
    members: &[usize],
    rels: &[Rel],
    status: Status,
    assessed: Option<usize>,
) -> String {
    let name_of = |id: &str| {
        graph
            .origins
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.description.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let origins: BTreeSet<&str> = members
        .iter()
        .map(|&c| graph.claims[c].origin.as_str())
        .collect();
    let names: Vec<String> = origins.iter().map(|o| name_of(o)).collect();
    let outlets: BTreeSet<&str> = members
        .iter()
        .flat_map(|&c| infos[c].outlets.iter().map(String::as_str))
        .collect();
    let count = |k: RelationKind| rels.iter().filter(|r| r.kind == k).count();
    let mut s = format!(
        "{} independent origin{} ({}) across {} outlet{}",
        origins.len(),
        if origins.len() == 1 { "" } else { "s" },
        names.join("; "),
        outlets.len(),
        if outlets.len() == 1 { "" } else { "s" },
    );
    let parts: Vec<String> = [
        (RelationKind::Corroborates, "agreement"),
        (RelationKind::Contradicts, "contradiction"),
        (RelationKind::Updates, "update"),
        (RelationKind::Repeats, "retelling"),
    ]
    .iter()
    .filter(|(k, _)| count(*k) > 0)
    .map(|(k, w)| format!("{} {w}{}", count(*k), if count(*k) == 1 { "" } else { "s" }))
    .collect();
    if !parts.is_empty() {
        s.push_str(&format!("; {}", parts.join(", ")));
    }
    s.push_str(&format!("; status {}", status.as_str()));
    if let Some(c) = assessed {
        let claim = &graph.claims[c];
        let mut what = clip(&claim.proposition, 90);
        if let Some(q) = &claim.quantity
            && q.modality != Modality::Actual
        {
            what.push_str(&format!(
                " (a figure that is {})",
                match q.modality {
                    Modality::Estimated => "an estimate",
                    Modality::Expected => "a forecast or plan",
                    Modality::Allowed => "a permitted maximum",
                    Modality::Actual => "a count",
                }
            ));
        }
        s.push_str(&format!(
            "; best supported: \"{what}\" from {}, graded {}",
            name_of(&claim.origin),
            claim
                .credibility
                .map(|g| g.to_string())
                .unwrap_or_else(|| "?".into())
        ));
    }
    s.push('.');
    s
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n).collect();
    out.push('…');
    out
}
