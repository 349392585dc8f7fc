//! The paged read of the graph gives the whole stored graph, in its order,
//! whatever the page size; a filter keeps the claims it selects and what
//! they reach.

mod backends;

use hearsay_core::{Analysis, Document, EntityKind, EntityType, SourceKind};
use hearsay_resolve::{
    Graph, GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphMention, GraphOrigin,
    GraphRelation, GraphTimeline, Modality, RelationKind, Status, TimelinePoint,
};
use hearsay_store::{Database, GraphFilter, GraphView, Store, StoreError};

fn mention(document: &str, n: usize, source: &str, entity: &str) -> GraphMention {
    GraphMention {
        document: document.into(),
        attribution: format!("a{n}"),
        content: format!("content {n}"),
        source: Some(source.into()),
        source_entity: Some(entity.into()),
        source_kind: SourceKind::NamedPerson,
        via: vec![],
        hedge: None,
        headline: false,
        published: None,
    }
}

/// `store` given `docs` documents (every other one dated) and a graph over
/// them: one claim per document and two per cluster.
fn fill(mut store: Database, docs: usize) -> Database {
    let mut g = Graph::default();
    for i in 0..docs {
        let mut d = Document::new(format!("Article {i}: Anna Berg said it rained."));
        if i % 2 == 0 {
            d.published = Some(format!("2026-03-{:02}", 1 + i % 28));
        }
        let a = Analysis::empty(d, "v1");
        store.put(&a).unwrap();
        let id = a.document.id.to_string();
        g.documents.push(GraphDocument {
            id: id.clone(),
            url: None,
            path: None,
            title: None,
            outlet: None,
            published: a.document.published.clone(),
            language: None,
        });
        let (person, origin) = (format!("e{:03}", i % 3), format!("o{:03}", i % 3));
        g.claims.push(GraphClaim {
            id: format!("c{i:03}"),
            origin,
            proposition: format!("it rained {i}"),
            quantity: None,
            credibility: Some(1 + (i % 6) as u8),
            credibility_reason: "test".into(),
            mentions: vec![mention(&id, i, "Anna Berg", &person)],
        });
    }
    for p in 0..3 {
        g.entities.push(GraphEntity {
            id: format!("e{p:03}"),
            name: format!("Person {p}"),
            etype: EntityType::Person,
            kind: EntityKind::Person,
            aliases: vec![format!("Person {p}")],
            variants: vec![],
            affiliation: None,
            country: None,
            roles: vec![],
            documents: 1,
            members: vec![],
        });
        g.origins.push(GraphOrigin {
            id: format!("o{p:03}"),
            description: format!("Person {p}"),
            kind: SourceKind::NamedPerson,
            entity: Some(format!("e{p:03}")),
            reliability: "C".into(),
            reliability_reason: "test".into(),
            merged: vec![],
        });
    }
    for k in 0..docs.div_ceil(2) {
        let claims: Vec<String> = (2 * k..(2 * k + 2).min(docs))
            .map(|i| format!("c{i:03}"))
            .collect();
        if claims.len() == 2 {
            g.relations.push(GraphRelation {
                a: claims[1].clone(),
                b: claims[0].clone(),
                kind: RelationKind::Updates,
            });
        }
        g.timelines.push(GraphTimeline {
            subject: "rain".into(),
            cluster: format!("k{k:03}"),
            points: claims
                .iter()
                .map(|c| TimelinePoint {
                    date: None,
                    as_of: None,
                    value: Some(1.0),
                    min: None,
                    max: None,
                    modality: Modality::Actual,
                    claim: c.clone(),
                    origin: "o000".into(),
                })
                .collect(),
        });
        g.clusters.push(GraphCluster {
            id: format!("k{k:03}"),
            subject: "rain".into(),
            claims,
            independent_origins: 2,
            status: Status::Updated,
            credibility: Some(2),
            assessed_claim: None,
            explanation: "test".into(),
        });
    }
    store
        .replace_stories(&[], &[("s".to_string(), g)], &[], None)
        .unwrap();
    store
}

/// Every row of one list, read `limit` at a time.
fn all<T: Clone>(
    limit: usize,
    page: impl Fn(Option<&T>, usize) -> Result<Vec<T>, StoreError>,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    loop {
        let next = page(out.last(), limit).unwrap();
        let done = next.len() < limit;
        out.extend(next);
        if done {
            return out;
        }
    }
}

fn read(view: &GraphView<'_>, limit: usize) -> Graph {
    Graph {
        documents: all(limit, |a, n| view.documents(a, n)),
        entities: all(limit, |a, n| view.entities(a, n)),
        origins: all(limit, |a, n| view.origins(a, n)),
        claims: all(limit, |a, n| view.claims(a, n)),
        clusters: all(limit, |a, n| view.clusters(a, n)),
        relations: all(limit, |a, n| view.relations(a, n)),
        timelines: all(limit, |a, n| view.timelines(a, n)),
    }
}

on_both! {
    fn pages_of_any_size_give_the_whole_graph_in_its_order(store) {
        let store = fill(store, 9);
        let whole = store.graph().unwrap();
        assert_eq!(whole.claims.len(), 9);
        assert!(whole.documents.iter().any(|d| d.published.is_none()));
        let view = store.graph_view(&GraphFilter::default()).unwrap();
        for limit in [1, 2, 3, 7, 100] {
            assert_eq!(read(&view, limit), whole, "pages of {limit}");
        }
        assert!(view.assessed_at().unwrap().is_some());
    }
}

on_both! {
    fn a_filter_keeps_the_selected_claims_and_what_they_reach(store) {
        let store = fill(store, 9);
        let filter = GraphFilter {
            cluster: Some("k001".into()),
            ..Default::default()
        };
        let g = read(&store.graph_view(&filter).unwrap(), 1);
        let ids: Vec<&str> = g.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c002", "c003"]);
        assert_eq!(g.documents.len(), 2);
        assert_eq!(g.clusters.len(), 1);
        assert_eq!(g.relations.len(), 1);
        assert_eq!(g.timelines[0].points.len(), 2);
        let origins: Vec<&str> = g.origins.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(origins, ["o000", "o002"]);
        let entities: Vec<&str> = g.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(entities, ["e000", "e002"]);

        let by_person = GraphFilter {
            entity: Some("person 1".into()),
            ..Default::default()
        };
        let view = store.graph_view(&by_person).unwrap();
        let ids: Vec<String> = read(&view, 2).claims.into_iter().map(|c| c.id).collect();
        assert_eq!(ids, ["c001", "c004", "c007"]);
        // A cluster lists only the selected claims.
        let k = view.clusters(None, 10).unwrap();
        assert_eq!(k[0].claims, ["c001"]);
        drop(view);

        let since = GraphFilter {
            since: Some("2026-03-05".into()),
            source: Some("berg".into()),
            ..Default::default()
        };
        let g = read(&store.graph_view(&since).unwrap(), 3);
        let ids: Vec<&str> = g.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c004", "c006", "c008"]);
    }
}

on_both! {
    fn lookups_find_rows_by_id_and_claims_by_document(store) {
        let store = fill(store, 4);
        let view = store.graph_view(&GraphFilter::default()).unwrap();
        let docs = view.documents(None, 10).unwrap();
        let c = view
            .claims_by_id(&["c003".into(), "c000".into(), "nope".into()])
            .unwrap();
        assert_eq!(
            c.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["c000", "c003"]
        );
        let d = &c[0].mentions[0].document;
        assert_eq!(view.claims_of_document(d).unwrap(), ["c000"]);
        assert_eq!(
            view.documents_by_id(std::slice::from_ref(d)).unwrap().len(),
            1
        );
        assert!(docs.iter().any(|x| &x.id == d));
        assert_eq!(view.cluster_of("c003").unwrap().as_deref(), Some("k001"));
        assert_eq!(view.cluster_of("nope").unwrap(), None);
        assert_eq!(
            view.origins_by_id(&["o001".into()]).unwrap()[0].description,
            "Person 1"
        );
        assert_eq!(view.entities_by_id(&[]).unwrap(), []);
        // More ids than one statement binds: looked up in parts, still in id order.
        let mut many: Vec<String> = (0..1200).map(|i| format!("x{i:04}")).collect();
        many.extend(["c002".to_string(), "c001".to_string(), "c002".to_string()]);
        let found = view.claims_by_id(&many).unwrap();
        assert_eq!(
            found.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["c001", "c002"]
        );
    }
}
