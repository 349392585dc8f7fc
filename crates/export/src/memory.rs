//! [`MemorySource`]: a [`Graph`] held in memory as a [`GraphSource`].

use crate::source::{GraphSource, Page, SourceError};
use crate::tags::tag;
use hearsay_resolve::{
    Graph, GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphOrigin, GraphRelation,
    GraphTimeline,
};

/// A graph in memory, read in the order the store gives (see [`GraphSource`]).
///
/// ```
/// use hearsay_export::{MemorySource, write_graph};
/// let graph = hearsay_resolve::Graph::default();
/// let mut out = Vec::new();
/// write_graph(&MemorySource::new(&graph), &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains("\"schema\": \"hearsay.graph/1\""));
/// ```
pub struct MemorySource<'g> {
    graph: &'g Graph,
    documents: Vec<&'g GraphDocument>,
    entities: Vec<&'g GraphEntity>,
    origins: Vec<&'g GraphOrigin>,
    claims: Vec<&'g GraphClaim>,
    clusters: Vec<&'g GraphCluster>,
    relations: Vec<&'g GraphRelation>,
    timelines: Vec<&'g GraphTimeline>,
}

fn sorted<T, K: Ord>(items: &[T], key: impl Fn(&T) -> K) -> Vec<&T> {
    let mut v: Vec<&T> = items.iter().collect();
    v.sort_by_key(|x| key(x));
    v
}

fn page<T: Clone, K: Ord>(
    items: &[&T],
    key: impl Fn(&T) -> K,
    after: Option<&T>,
    limit: usize,
) -> Page<T> {
    let start = after.map_or(0, |a| {
        let k = key(a);
        items.partition_point(|x| key(x) <= k)
    });
    Ok(items[start..]
        .iter()
        .take(limit)
        .map(|x| (*x).clone())
        .collect())
}

fn by_id<'a, T: Clone + 'a>(items: &[&'a T], id: impl Fn(&T) -> &str, ids: &[String]) -> Vec<T> {
    let mut found: Vec<T> = items
        .iter()
        .filter(|x| ids.iter().any(|i| i == id(x)))
        .map(|x| (*x).clone())
        .collect();
    found.sort_by(|a, b| id(a).cmp(id(b)));
    found
}

fn doc_key(d: &GraphDocument) -> (bool, String, String) {
    (
        d.published.is_some(),
        d.published.clone().unwrap_or_default(),
        d.id.clone(),
    )
}

fn relation_key(r: &GraphRelation) -> (String, String, String) {
    (r.a.clone(), r.b.clone(), tag(&r.kind))
}

impl<'g> MemorySource<'g> {
    /// Read `graph`.
    pub fn new(graph: &'g Graph) -> Self {
        MemorySource {
            graph,
            documents: sorted(&graph.documents, doc_key),
            entities: sorted(&graph.entities, |e| e.id.clone()),
            origins: sorted(&graph.origins, |o| o.id.clone()),
            claims: sorted(&graph.claims, |c| c.id.clone()),
            clusters: sorted(&graph.clusters, |k| k.id.clone()),
            relations: sorted(&graph.relations, relation_key),
            timelines: sorted(&graph.timelines, |t| t.cluster.clone()),
        }
    }
}

impl GraphSource for MemorySource<'_> {
    fn assessed_at(&self) -> Result<Option<String>, SourceError> {
        Ok(None)
    }
    fn documents(&self, after: Option<&GraphDocument>, limit: usize) -> Page<GraphDocument> {
        page(&self.documents, doc_key, after, limit)
    }
    fn entities(&self, after: Option<&GraphEntity>, limit: usize) -> Page<GraphEntity> {
        page(&self.entities, |e| e.id.clone(), after, limit)
    }
    fn origins(&self, after: Option<&GraphOrigin>, limit: usize) -> Page<GraphOrigin> {
        page(&self.origins, |o| o.id.clone(), after, limit)
    }
    fn claims(&self, after: Option<&GraphClaim>, limit: usize) -> Page<GraphClaim> {
        page(&self.claims, |c| c.id.clone(), after, limit)
    }
    fn clusters(&self, after: Option<&GraphCluster>, limit: usize) -> Page<GraphCluster> {
        page(&self.clusters, |k| k.id.clone(), after, limit)
    }
    fn relations(&self, after: Option<&GraphRelation>, limit: usize) -> Page<GraphRelation> {
        page(&self.relations, relation_key, after, limit)
    }
    fn timelines(&self, after: Option<&GraphTimeline>, limit: usize) -> Page<GraphTimeline> {
        page(&self.timelines, |t| t.cluster.clone(), after, limit)
    }
    fn claims_by_id(&self, ids: &[String]) -> Page<GraphClaim> {
        Ok(by_id(&self.claims, |c| &c.id, ids))
    }
    fn origins_by_id(&self, ids: &[String]) -> Page<GraphOrigin> {
        Ok(by_id(&self.origins, |o| &o.id, ids))
    }
    fn entities_by_id(&self, ids: &[String]) -> Page<GraphEntity> {
        Ok(by_id(&self.entities, |e| &e.id, ids))
    }
    fn documents_by_id(&self, ids: &[String]) -> Page<GraphDocument> {
        Ok(by_id(&self.documents, |d| &d.id, ids))
    }
    fn claims_of_document(&self, document: &str) -> Page<String> {
        Ok(self
            .claims
            .iter()
            .filter(|c| c.mentions.iter().any(|m| m.document == document))
            .map(|c| c.id.clone())
            .collect())
    }
    fn cluster_of(&self, claim: &str) -> Result<Option<String>, SourceError> {
        Ok(self
            .graph
            .clusters
            .iter()
            .find(|k| k.claims.iter().any(|c| c == claim))
            .map(|k| k.id.clone()))
    }
}
