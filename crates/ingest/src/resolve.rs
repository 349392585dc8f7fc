//! Resolving stored documents into the claim graph.

use crate::IngestError;
use hearsay_analyze::Analyzer;
use hearsay_core::DocId;
use hearsay_store::{Put, Store};
use rayon::prelude::*;
use serde::Serialize;

/// The one story id used while the whole graph is resolved at once.
const ALL: &str = "all";

/// What a resolve did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ResolveSummary {
    /// Documents resolved.
    pub documents: usize,
    /// Documents whose facts had to be read again (stored before resolve, or by an older one).
    pub refreshed: usize,
    /// Entities, claims and clusters in the resolved graph.
    pub entities: usize,
    /// Claims.
    pub claims: usize,
    /// Clusters.
    pub clusters: usize,
}

/// Read the facts of stored documents that have none (re-analysing them), so
/// that every stored document can be resolved.
pub fn refresh_facts<S: Store>(store: &mut S, analyzer: &Analyzer) -> Result<usize, IngestError> {
    let missing = store.missing_facts()?;
    for batch in missing.chunks(crate::BATCH_DOCS) {
        let docs = batch
            .iter()
            .map(|id| store.document(id))
            .collect::<Result<Vec<_>, _>>()?;
        let done: Vec<_> = docs
            .into_par_iter()
            .map(|d| {
                let mut a = analyzer.analyze(d);
                let f = hearsay_resolve::extract(&a);
                a.tokens = Vec::new();
                a.ner = Vec::new();
                (a, f)
            })
            .collect();
        let items: Vec<Put> = done
            .iter()
            .map(|(a, f)| Put {
                analysis: a,
                facts: Some(f),
            })
            .collect();
        for outcome in store.put_batch(&items) {
            outcome?;
        }
    }
    Ok(missing.len())
}

/// Recompute the whole graph from the stored facts of every document.
pub fn resolve_all<S: Store>(
    store: &mut S,
    analyzer: &Analyzer,
) -> Result<ResolveSummary, IngestError> {
    let refreshed = refresh_facts(store, analyzer)?;
    let mut ids: Vec<DocId> = store.analyzers()?.into_keys().collect();
    ids.sort();
    let facts = store.facts(&ids)?;
    let graph = hearsay_resolve::resolve(&facts);
    let summary = ResolveSummary {
        documents: facts.len(),
        refreshed,
        entities: graph.entities.len(),
        claims: graph.claims.len(),
        clusters: graph.clusters.len(),
    };
    store.replace_stories(&[ALL.to_string()], &[(ALL.to_string(), graph)], None)?;
    Ok(summary)
}
