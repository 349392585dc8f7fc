//! STIX 2.1: one bundle holding an `identity` per entity, origin and outlet,
//! a `report` per document, a `note` per claim (its chain in words, its
//! Admiralty code as a label and its credibility as `confidence`), a
//! `grouping` per cluster and a `relationship` per relation.
//!
//! Ids are UUIDv5s of hearsay's ids ([`uuid_of`]); every `created` and
//! `modified` is the time the graph was last assessed, so the same database
//! gives the same bytes. The bundle's own id, made from the ids of what it
//! holds, comes last.

use crate::ExportError;
use crate::admiralty::{admiralty_code, credibility_words, reliability_words, stix_confidence};
use crate::context::{ClaimContext, clip};
use crate::dates::{Date, Stamp};
use crate::ids::uuid_of;
use crate::source::{GraphSource, Lists, source};
use crate::tags::tag;
use hearsay_core::{EntityKind, SourceKind};
use hearsay_resolve::{
    GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphOrigin, GraphRelation, RelationKind,
};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashSet};
use std::io::Write;

/// The STIX id of an object made from a hearsay id.
pub fn stix_id(kind: &str, id: &str) -> String {
    format!("{kind}--{}", uuid_of(kind, id))
}

fn hearsay_identity() -> String {
    stix_id("identity", "hearsay")
}

fn origin_identity(origin: &str) -> String {
    stix_id("identity", &format!("origin:{origin}"))
}

fn entity_identity(entity: &str) -> String {
    stix_id("identity", &format!("entity:{entity}"))
}

fn outlet_identity(outlet: &str) -> String {
    stix_id(
        "identity",
        &format!("outlet:{}", outlet.trim().to_lowercase()),
    )
}

fn report_id(document: &str) -> String {
    stix_id("report", document)
}

fn note_id(claim: &str) -> String {
    stix_id("note", claim)
}

/// The properties every object has.
#[derive(Serialize)]
struct Common<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    spec_version: &'static str,
    id: String,
    created: &'a str,
    modified: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_by_ref: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<u8>,
}

#[derive(Serialize)]
struct Identity<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    identity_class: &'static str,
}

#[derive(Serialize)]
struct ExternalReference<'a> {
    source_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    external_id: &'a str,
}

#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    published: String,
    object_refs: Vec<String>,
    external_references: Vec<ExternalReference<'a>>,
}

#[derive(Serialize)]
struct Note<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    #[serde(rename = "abstract")]
    summary: String,
    content: String,
    authors: Vec<&'a str>,
    object_refs: Vec<String>,
}

#[derive(Serialize)]
struct Grouping<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    name: String,
    description: String,
    context: &'static str,
    object_refs: Vec<String>,
}

#[derive(Serialize)]
struct Relationship<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    relationship_type: &'static str,
    description: String,
    source_ref: String,
    target_ref: String,
}

/// What every object shares: the time stamp.
struct Maker {
    stamp: String,
}

impl Maker {
    fn common(
        &self,
        kind: &'static str,
        id: String,
        by: Option<String>,
        labels: Vec<String>,
        confidence: Option<u8>,
    ) -> Common<'_> {
        Common {
            kind,
            spec_version: "2.1",
            id,
            created: &self.stamp,
            modified: &self.stamp,
            created_by_ref: by,
            labels,
            confidence,
        }
    }
}

/// The bundle being written: one object per line, the ids hashed for the bundle's id.
struct Bundle<'w> {
    out: &'w mut dyn Write,
    ids: Sha256,
    any: bool,
}

impl Bundle<'_> {
    fn object<T: Serialize>(&mut self, id: &str, object: &T) -> Result<(), ExportError> {
        self.ids.update(id.as_bytes());
        self.ids.update(b"\n");
        let line = serde_json::to_string(object)?;
        self.out.write_all(if self.any { b",\n" } else { b"\n" })?;
        self.any = true;
        self.out.write_all(line.as_bytes())?;
        Ok(())
    }
}

/// Write the graph of `source` as one STIX 2.1 bundle.
pub fn write_stix(source_: &dyn GraphSource, out: &mut dyn Write) -> Result<(), ExportError> {
    let stamp = source(source_.assessed_at())?
        .as_deref()
        .and_then(Stamp::parse)
        .unwrap_or(Stamp::EPOCH);
    out.write_all(b"{\"type\":\"bundle\",\"objects\":[")?;
    let mut b = Bundle {
        out,
        ids: Sha256::new(),
        any: false,
    };
    let m = Maker {
        stamp: stamp.rfc3339_millis(),
    };
    let me = hearsay_identity();
    let identity = Identity {
        common: m.common("identity", me.clone(), None, vec![], None),
        name: "hearsay",
        description: Some("The claim graph hearsay built from news articles.".into()),
        identity_class: "system",
    };
    b.object(&me, &identity)?;
    for e in source_.entities_all() {
        let e = e?;
        let id = entity_identity(&e.id);
        let object = entity(&m, id.clone(), &me, &e);
        b.object(&id, &object)?;
    }
    for o in source_.origins_all() {
        let o = o?;
        let id = origin_identity(&o.id);
        let object = origin(&m, id.clone(), &me, &o);
        b.object(&id, &object)?;
    }
    let mut outlets = HashSet::new();
    for d in source_.documents_all() {
        let d = d?;
        let by = match d.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
            Some(outlet) => {
                let id = outlet_identity(outlet);
                if outlets.insert(id.clone()) {
                    let object = Identity {
                        common: m.common("identity", id.clone(), Some(me.clone()), vec![], None),
                        name: outlet,
                        description: Some("News outlet: the publisher of reports.".into()),
                        identity_class: "organization",
                    };
                    b.object(&id, &object)?;
                }
                id
            }
            None => me.clone(),
        };
        let claims = source(source_.claims_of_document(&d.id))?;
        let id = report_id(&d.id);
        let object = report(&m, id.clone(), by, &d, &claims, stamp);
        b.object(&id, &object)?;
    }
    for c in source_.claims_all() {
        let c = c?;
        let context = ClaimContext::of(source_, &c)?;
        let id = note_id(&c.id);
        let object = note(&m, id.clone(), &me, &c, &context);
        b.object(&id, &object)?;
    }
    for k in source_.clusters_all() {
        let k = k?;
        let reliability = match &k.assessed_claim {
            Some(a) => assessed_reliability(source_, a)?,
            None => None,
        };
        let id = stix_id("grouping", &k.id);
        let object = grouping(&m, id.clone(), &me, &k, reliability.as_deref());
        b.object(&id, &object)?;
    }
    for r in source_.relations_all() {
        let r = r?;
        let id = stix_id("relationship", &format!("{}>{}:{}", r.a, r.b, tag(&r.kind)));
        let object = relationship(&m, id.clone(), &me, &r);
        b.object(&id, &object)?;
    }
    let digest = b.ids.finalize();
    let hex: String = digest.iter().map(|x| format!("{x:02x}")).collect();
    write!(b.out, "\n],\"id\":\"{}\"}}\n", stix_id("bundle", &hex))?;
    Ok(())
}

/// The reliability grade of the origin of a cluster's assessed claim.
fn assessed_reliability(
    source_: &dyn GraphSource,
    claim: &str,
) -> Result<Option<String>, ExportError> {
    let Some(c) = source(source_.claims_by_id(&[claim.to_string()]))?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    Ok(source(source_.origins_by_id(&[c.origin]))?
        .into_iter()
        .next()
        .map(|o| o.reliability))
}

fn entity_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "individual",
        EntityKind::Group => "group",
        EntityKind::Location | EntityKind::Other => "unknown",
        // A country, city or region is an actor through its government.
        EntityKind::Country
        | EntityKind::City
        | EntityKind::Region
        | EntityKind::NewsOutlet
        | EntityKind::GovernmentAgency
        | EntityKind::MilitaryUnit
        | EntityKind::Company
        | EntityKind::University
        | EntityKind::ThinkTank
        | EntityKind::InternationalOrganization
        | EntityKind::PoliticalParty
        | EntityKind::Ngo
        | EntityKind::Organization => "organization",
    }
}

fn source_class(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::NamedPerson | SourceKind::AnonymousPerson => "individual",
        SourceKind::AnonymousGroup => "group",
        SourceKind::GovernmentAgency | SourceKind::NewsOutlet | SourceKind::Organization => {
            "organization"
        }
        SourceKind::Document | SourceKind::Unknown => "unknown",
    }
}

fn entity<'a>(m: &'a Maker, id: String, me: &str, e: &'a GraphEntity) -> Identity<'a> {
    let mut description = format!("{} ({})", tag(&e.kind).replace('_', " "), tag(&e.etype));
    let others: Vec<&str> = e
        .aliases
        .iter()
        .filter(|a| **a != e.name)
        .map(String::as_str)
        .collect();
    if !others.is_empty() {
        description.push_str(&format!("; also written {}", others.join(", ")));
    }
    if !e.roles.is_empty() {
        description.push_str(&format!("; roles: {}", e.roles.join(", ")));
    }
    description.push_str(&format!(
        "; in {} document{}.",
        e.documents,
        if e.documents == 1 { "" } else { "s" }
    ));
    Identity {
        common: m.common("identity", id, Some(me.to_string()), vec![], None),
        name: &e.name,
        description: Some(description),
        identity_class: entity_class(e.kind),
    }
}

fn origin<'a>(m: &'a Maker, id: String, me: &str, o: &'a GraphOrigin) -> Identity<'a> {
    let grade = crate::admiralty::reliability(&o.reliability);
    let mut description = format!(
        "Source reliability {grade} ({}): {}.",
        reliability_words(&o.reliability).to_lowercase(),
        o.reliability_reason
    );
    if !o.merged.is_empty() {
        description.push_str(&format!(" Taken as one origin: {}.", o.merged.join("; ")));
    }
    Identity {
        common: m.common(
            "identity",
            id,
            Some(me.to_string()),
            vec![format!("admiralty:{grade}")],
            None,
        ),
        name: &o.description,
        description: Some(description),
        identity_class: source_class(o.kind),
    }
}

fn report<'a>(
    m: &'a Maker,
    id: String,
    by: String,
    d: &'a GraphDocument,
    claims: &[String],
    stamp: Stamp,
) -> Report<'a> {
    let date = d.published.as_deref().and_then(Date::parse);
    let name = d
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| d.url.clone())
        .unwrap_or_else(|| format!("document {}", clip(&d.id, 12)));
    let about: Vec<String> = [
        d.outlet.as_ref().map(|o| format!("published by {o}")),
        date.map(|x| format!("on {x}")),
        d.path.as_ref().map(|p| format!("read from {p}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut refs: Vec<String> = claims.iter().map(|c| note_id(c)).collect();
    if refs.is_empty() {
        refs.push(by.clone());
    }
    Report {
        common: m.common("report", id, Some(by), vec![], None),
        name,
        description: (!about.is_empty()).then(|| {
            let s = about.join(", ");
            format!("{}{}.", s[..1].to_uppercase(), &s[1..])
        }),
        published: date.map_or(stamp, Stamp::midnight).rfc3339_millis(),
        object_refs: refs,
        external_references: vec![ExternalReference {
            source_name: d.outlet.as_deref().unwrap_or("hearsay"),
            url: d.url.as_deref(),
            external_id: &d.id,
        }],
    }
}

fn note<'a>(
    m: &'a Maker,
    id: String,
    me: &str,
    c: &'a GraphClaim,
    context: &'a ClaimContext,
) -> Note<'a> {
    let mut content = format!(
        "{}\n\nClaimed by {}; source reliability {} ({}). Information credibility {} ({}): {}.",
        c.proposition,
        context.origin_name(c),
        crate::admiralty::reliability(context.reliability()),
        reliability_words(context.reliability()).to_lowercase(),
        crate::admiralty::credibility(c.credibility),
        credibility_words(c.credibility).to_lowercase(),
        c.credibility_reason
    );
    if let Some(q) = &c.quantity {
        let figure = match (q.value, q.min, q.max) {
            (Some(v), _, _) => format!("{v}"),
            (None, Some(lo), Some(hi)) => format!("{lo}–{hi}"),
            (None, Some(lo), None) => format!("at least {lo}"),
            (None, None, Some(hi)) => format!("at most {hi}"),
            (None, None, None) => "?".into(),
        };
        content.push_str(&format!(
            "\nFigure: {}{figure} {} ({}{}).",
            if q.approximate { "about " } else { "" },
            q.unit.as_deref().unwrap_or(&q.subject),
            q.modality.as_str(),
            q.as_of
                .as_deref()
                .map(|d| format!(", as of {d}"))
                .unwrap_or_default()
        ));
    }
    content.push_str("\nMentions:");
    let mut refs = BTreeSet::new();
    for m in &c.mentions {
        let d = context.document(&m.document);
        let title = d
            .and_then(|d| d.title.as_deref())
            .unwrap_or(m.document.as_str());
        let date = d
            .and_then(|d| d.published.as_deref())
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        let hedge = m
            .hedge
            .as_deref()
            .map(|h| format!(" (hedged: “{h}”)"))
            .unwrap_or_default();
        content.push_str(&format!(
            "\n- {title}{date}: {}{hedge}: “{}”",
            context.chain(m),
            m.content
        ));
        refs.insert(report_id(&m.document));
        refs.extend(m.source_entity.iter().map(|e| entity_identity(e)));
        refs.extend(m.via.iter().map(|e| entity_identity(e)));
    }
    refs.insert(origin_identity(&c.origin));
    Note {
        common: m.common(
            "note",
            id,
            Some(me.to_string()),
            vec![format!(
                "admiralty:{}",
                admiralty_code(context.reliability(), c.credibility)
            )],
            stix_confidence(c.credibility),
        ),
        summary: clip(&c.proposition, 120),
        content,
        authors: vec![context.origin_name(c)],
        object_refs: refs.into_iter().collect(),
    }
}

fn grouping<'a>(
    m: &'a Maker,
    id: String,
    me: &str,
    k: &'a GraphCluster,
    reliability: Option<&str>,
) -> Grouping<'a> {
    let mut labels = vec![format!("status:{}", k.status.as_str())];
    if let Some(r) = reliability {
        labels.push(format!("admiralty:{}", admiralty_code(r, k.credibility)));
    }
    let mut refs: Vec<String> = k.claims.iter().map(|c| note_id(c)).collect();
    if refs.is_empty() {
        refs.push(me.to_string());
    }
    Grouping {
        common: m.common(
            "grouping",
            id,
            Some(me.to_string()),
            labels,
            stix_confidence(k.credibility),
        ),
        name: if k.subject.trim().is_empty() {
            format!("cluster {}", k.id)
        } else {
            k.subject.clone()
        },
        description: format!(
            "{}\nStatus: {}; {} independent origin{}.",
            k.explanation,
            k.status.as_str(),
            k.independent_origins,
            if k.independent_origins == 1 { "" } else { "s" }
        ),
        context: "unspecified",
        object_refs: refs,
    }
}

fn relationship<'a>(m: &'a Maker, id: String, me: &str, r: &GraphRelation) -> Relationship<'a> {
    let (kind, words) = match r.kind {
        RelationKind::Corroborates => ("corroborates", "agrees with, from another origin,"),
        RelationKind::Contradicts => ("contradicts", "disagrees with, from another origin,"),
        RelationKind::Updates => ("updates", "replaces (a later figure or a revision)"),
        RelationKind::Repeats => ("derived-from", "retells, from the same origin,"),
    };
    Relationship {
        common: m.common("relationship", id, Some(me.to_string()), vec![], None),
        relationship_type: kind,
        description: format!("Claim {} {words} claim {}.", r.a, r.b),
        source_ref: note_id(&r.a),
        target_ref: note_id(&r.b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemorySource;
    use crate::testgraph::graph;
    use serde_json::Value;

    fn bundle() -> Value {
        let g = graph();
        let mut out = Vec::new();
        write_stix(&MemorySource::new(&g), &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    fn of_type<'a>(b: &'a Value, kind: &str) -> Vec<&'a Value> {
        b["objects"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["type"] == kind)
            .collect()
    }

    #[test]
    fn one_note_per_claim_one_grouping_per_cluster_one_report_per_document() {
        let b = bundle();
        assert_eq!(of_type(&b, "note").len(), 3);
        assert_eq!(of_type(&b, "grouping").len(), 2);
        assert_eq!(of_type(&b, "report").len(), 2);
        assert_eq!(of_type(&b, "relationship").len(), 2);
        // hearsay, 3 entities, 2 origins, 2 outlets
        assert_eq!(of_type(&b, "identity").len(), 8);
        assert!(b["id"].as_str().unwrap().starts_with("bundle--"));
    }

    #[test]
    fn a_note_carries_its_grade_its_chain_and_what_it_refers_to() {
        let b = bundle();
        let note = of_type(&b, "note")
            .into_iter()
            .find(|n| n["id"] == note_id("c1"))
            .unwrap()
            .clone();
        assert_eq!(note["labels"][0], "admiralty:B2");
        assert_eq!(note["confidence"], 70);
        assert_eq!(note["authors"][0], "Ministry of Defence (Marovia)");
        let content = note["content"].as_str().unwrap();
        assert!(
            content.contains("the ministry → Northgate Wire → The Meridian Courier"),
            "{content}"
        );
        assert!(content.contains("Figure: 150 instructors (actual, as of 2026-03-03)"));
        let refs: Vec<&str> = note["object_refs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        for want in [
            report_id(&"aa".repeat(32)),
            report_id(&"bb".repeat(32)),
            origin_identity("o1"),
            entity_identity("e1"),
            entity_identity("e2"),
        ] {
            assert!(refs.contains(&want.as_str()), "{want} in {refs:?}");
        }
        let ungraded = of_type(&b, "note")
            .into_iter()
            .find(|n| n["id"] == note_id("c2"))
            .unwrap();
        assert_eq!(ungraded["labels"][0], "admiralty:F6");
        assert!(ungraded.get("confidence").is_none());
    }

    #[test]
    fn repeats_become_derived_from_and_groupings_carry_status_and_grade() {
        let b = bundle();
        let types: BTreeSet<&str> = of_type(&b, "relationship")
            .iter()
            .map(|r| r["relationship_type"].as_str().unwrap())
            .collect();
        assert_eq!(types, BTreeSet::from(["contradicts", "derived-from"]));
        let k1 = of_type(&b, "grouping")
            .into_iter()
            .find(|g| g["id"] == stix_id("grouping", "k1"))
            .unwrap();
        assert_eq!(
            k1["labels"],
            serde_json::json!(["status:contested", "admiralty:B2"])
        );
        assert_eq!(k1["object_refs"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn every_object_has_the_same_stamp_and_a_version_5_uuid() {
        let b = bundle();
        for o in b["objects"].as_array().unwrap() {
            assert_eq!(o["created"], "1970-01-01T00:00:00.000Z");
            let id = o["id"].as_str().unwrap();
            let uuid = uuid::Uuid::parse_str(id.split_once("--").unwrap().1).unwrap();
            assert_eq!(uuid.get_version_num(), 5, "{id}");
        }
    }
}
