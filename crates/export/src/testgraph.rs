//! A small graph for the writers' tests, its lists in the store's order.

use hearsay_core::{EntityKind, EntityType, SourceKind};
use hearsay_resolve::{
    Graph, GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphMention, GraphOrigin,
    GraphQuantity, GraphRelation, GraphTimeline, Modality, RelationKind, Status, TimelinePoint,
};

fn document(id: &str, file: &str, outlet: &str, published: &str) -> GraphDocument {
    GraphDocument {
        id: id.into(),
        url: Some(format!("https://stories.example.org/set-1/{file}")),
        path: None,
        title: Some(format!("Troops at the base ({file})")),
        outlet: Some(outlet.into()),
        published: Some(published.into()),
    }
}

fn entity(id: &str, name: &str, etype: EntityType, kind: EntityKind) -> GraphEntity {
    GraphEntity {
        id: id.into(),
        name: name.into(),
        etype,
        kind,
        aliases: vec![name.into()],
        variants: vec![],
        affiliation: None,
        country: None,
        roles: vec![],
        documents: 1,
        members: vec![],
    }
}

fn mention(document: &str, content: &str, via: &[&str]) -> GraphMention {
    GraphMention {
        document: document.into(),
        attribution: "a1".into(),
        content: content.into(),
        source: Some("the ministry".into()),
        source_entity: Some("e2".into()),
        source_kind: SourceKind::GovernmentAgency,
        via: via.iter().map(|v| v.to_string()).collect(),
        hedge: None,
        headline: false,
        published: None,
    }
}

/// Two articles, three claims in two clusters, a figure, a chain, relations.
pub(crate) fn graph() -> Graph {
    let d1 = "aa".repeat(32);
    let d2 = "bb".repeat(32);
    Graph {
        documents: vec![
            document(&d1, "a.txt", "Northgate Wire", "2026-03-03"),
            document(&d2, "b.txt", "The Meridian Courier", "2026-03-05"),
        ],
        entities: vec![
            entity(
                "e1",
                "Northgate Wire",
                EntityType::Org,
                EntityKind::NewsOutlet,
            ),
            entity(
                "e2",
                "Ministry of Defence",
                EntityType::Org,
                EntityKind::GovernmentAgency,
            ),
            entity("e3", "Ustrava", EntityType::Gpe, EntityKind::Country),
        ],
        origins: vec![
            GraphOrigin {
                id: "o1".into(),
                description: "Ministry of Defence (Marovia)".into(),
                kind: SourceKind::GovernmentAgency,
                entity: Some("e2".into()),
                reliability: "B".into(),
                reliability_reason: "an official body".into(),
                merged: vec![],
            },
            GraphOrigin {
                id: "o2".into(),
                description: "a senior official".into(),
                kind: SourceKind::AnonymousPerson,
                entity: None,
                reliability: "F".into(),
                reliability_reason: "anonymous".into(),
                merged: vec![],
            },
        ],
        claims: vec![
            GraphClaim {
                id: "c1".into(),
                origin: "o1".into(),
                proposition: "150 instructors arrived at the base".into(),
                quantity: Some(GraphQuantity {
                    subject: "instructors".into(),
                    value: Some(150.0),
                    min: None,
                    max: None,
                    unit: Some("instructors".into()),
                    modality: Modality::Actual,
                    approximate: false,
                    vague: false,
                    as_of: Some("2026-03-03".into()),
                }),
                credibility: Some(2),
                credibility_reason: "confirmed by one other source".into(),
                mentions: vec![
                    mention(&d1, "150 instructors arrived", &[]),
                    mention(&d2, "some 150 instructors \"arrived\"", &["e1"]),
                ],
            },
            GraphClaim {
                id: "c2".into(),
                origin: "o2".into(),
                proposition: "3,000 troops are at the base".into(),
                quantity: None,
                credibility: None,
                credibility_reason: "one unconfirmed source".into(),
                mentions: vec![mention(&d2, "3,000 troops", &[])],
            },
            GraphClaim {
                id: "c3".into(),
                origin: "o1".into(),
                proposition: "the troops will leave in May".into(),
                quantity: None,
                credibility: Some(3),
                credibility_reason: "one source".into(),
                mentions: vec![mention(&d1, "they will leave, in May", &[])],
            },
        ],
        clusters: vec![
            GraphCluster {
                id: "k1".into(),
                subject: "instructors at the base".into(),
                claims: vec!["c1".into(), "c2".into()],
                independent_origins: 2,
                status: Status::Contested,
                credibility: Some(2),
                assessed_claim: Some("c1".into()),
                explanation: "two origins disagree".into(),
            },
            GraphCluster {
                id: "k2".into(),
                subject: "departure".into(),
                claims: vec!["c3".into()],
                independent_origins: 1,
                status: Status::Single,
                credibility: None,
                assessed_claim: None,
                explanation: "one origin".into(),
            },
        ],
        relations: vec![
            GraphRelation {
                a: "c1".into(),
                b: "c2".into(),
                kind: RelationKind::Contradicts,
            },
            GraphRelation {
                a: "c2".into(),
                b: "c1".into(),
                kind: RelationKind::Repeats,
            },
        ],
        timelines: vec![GraphTimeline {
            subject: "instructors".into(),
            cluster: "k1".into(),
            points: vec![TimelinePoint {
                date: Some("2026-03-03".into()),
                as_of: Some("2026-03-03".into()),
                value: Some(150.0),
                min: None,
                max: None,
                modality: Modality::Actual,
                claim: "c1".into(),
                origin: "o1".into(),
            }],
        }],
    }
}
