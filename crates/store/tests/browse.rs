//! The browsing queries over a graph resolved from a real analysis.

mod backends;

use hearsay_analyze::Analyzer;
use hearsay_core::Document;
use hearsay_store::{Put, Store, Window};

const TEXT: &str = "Troops reach the border\n\nThe defence ministry said on Monday that 1,200 troops \
had reached the border. \"We will not withdraw,\" the minister, Anna Berg, told reporters. \
According to local officials, about 300 residents had left the area.";

on_both! {
    fn mentions_lead_to_claims_clusters_origins_and_documents(store) {
        let mut doc = Document::new(TEXT);
        doc.title = Some("Troops reach the border".into());
        doc.outlet = Some("Northgate Wire".into());
        let analysis = Analyzer::new().unwrap().analyze(doc);
        let facts = hearsay_resolve::extract(&analysis);
        let id = analysis.document.id.clone();
        for outcome in store.put_batch(&[Put {
            analysis: &analysis,
            facts: Some(&facts),
        }]) {
            outcome.unwrap();
        }
        let graph = hearsay_resolve::resolve(std::slice::from_ref(&facts));
        assert!(!graph.claims.is_empty(), "the text makes claims");
        store
            .replace_stories(&[], &[("s1".into(), graph.clone())], &[], None)
            .unwrap();

        let links = store.mention_links(&id).unwrap();
        assert_eq!(links.len(), analysis.attributions.len());
        let clusters = store
            .claim_clusters(links.iter().map(|l| l.claim.clone()))
            .unwrap();
        for l in &links {
            assert_eq!(clusters[&l.claim], l.cluster);
            let claim = graph.claims.iter().find(|c| c.id == l.claim).unwrap();
            assert!(
                claim
                    .mentions
                    .iter()
                    .any(|m| m.attribution == l.attribution)
            );
            let cluster = graph.clusters.iter().find(|k| k.id == l.cluster).unwrap();
            assert_eq!((cluster.status, &cluster.subject), (l.status, &l.subject));
        }
        let origin = &graph.claims[0].origin;
        let made = store.origin_claims(origin, Window::default()).unwrap();
        let expected = graph.claims.iter().filter(|c| &c.origin == origin).count();
        assert_eq!((made.total, made.items.len()), (expected, expected));
        let one = store
            .origin_claims(
                origin,
                Window {
                    offset: expected,
                    limit: 5,
                },
            )
            .unwrap();
        assert!(one.items.is_empty());
        let heads = store
            .document_heads([id.to_string(), "f".repeat(64)])
            .unwrap();
        assert_eq!(heads.len(), 1);
        assert_eq!(heads[id.as_str()].outlet.as_deref(), Some("Northgate Wire"));
        assert!(
            store
                .mention_links(&hearsay_core::DocId::from_hex("0".repeat(64)))
                .unwrap()
                .is_empty()
        );
    }
}
