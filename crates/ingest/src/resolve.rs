//! Resolving stored documents into the claim graph, story by story.
//!
//! A story is a connected part of the graph ([`hearsay_resolve::stories`]).
//! Adding documents resolves again only the stories they join: their blocking
//! keys find candidate documents through the store's index, the pairwise
//! story test links them, and each joined story is recomputed whole from its
//! documents' stored facts. Because stories are the components of a fixed
//! pairwise relation and each story's graph is a function of its documents,
//! the incremental result equals a full recompute, in any order of adding.
//!
//! Each resolve holds the store's graph lock ([`Store::with_graph_lock`])
//! from its first read to its last write, so that several processes adding
//! to one database (ingest workers on PostgreSQL, or on one SQLite file)
//! resolve one after the other: each finds the documents the others stored
//! and did not resolve yet, and no two recompute the same story at once.

use crate::IngestError;
use hearsay_analyze::Analyzer;
use hearsay_core::DocId;
use hearsay_resolve::{DocFacts, stories};
use hearsay_store::{Put, Store, StoreError};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a resolve did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ResolveSummary {
    /// Documents resolved (new ones and those of the stories they joined).
    pub documents: usize,
    /// Documents whose facts had to be read again (stored before resolve, or by an older one).
    pub refreshed: usize,
    /// Stories written.
    pub stories: usize,
    /// Entities in the stories written.
    pub entities: usize,
    /// Claims in the stories written.
    pub claims: usize,
    /// Clusters in the stories written.
    pub clusters: usize,
    /// Documents in the largest story written.
    pub largest_story: usize,
    /// Time spent resolving (wall clock, on one thread).
    pub seconds: f64,
}

impl ResolveSummary {
    /// Add another resolve's counts.
    pub(crate) fn add(&mut self, other: &ResolveSummary) {
        self.documents += other.documents;
        self.refreshed += other.refreshed;
        self.stories += other.stories;
        self.entities += other.entities;
        self.claims += other.claims;
        self.clusters += other.clusters;
        self.largest_story = self.largest_story.max(other.largest_story);
        self.seconds += other.seconds;
    }
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

/// Most times a resolve reads the graph again after another process changed
/// it under it ([`StoreError::Conflict`]); each time, that process made progress.
const ATTEMPTS: usize = 100;

/// Run `resolve` again while another writer keeps changing the graph under it.
fn retrying<S: Store>(
    store: &mut S,
    mut resolve: impl FnMut(&mut S, &mut ResolveSummary) -> Result<(), IngestError>,
) -> Result<ResolveSummary, IngestError> {
    let started = std::time::Instant::now();
    let mut summary = ResolveSummary::default();
    let mut attempt = 1;
    loop {
        match resolve(store, &mut summary) {
            Err(IngestError::Store(StoreError::Conflict(_))) if attempt < ATTEMPTS => attempt += 1,
            done => {
                done?;
                summary.seconds = started.elapsed().as_secs_f64();
                return Ok(summary);
            }
        }
    }
}

/// Recompute the whole graph from the stored facts of every document.
pub fn resolve_all<S: Store>(
    store: &mut S,
    analyzer: &Analyzer,
) -> Result<ResolveSummary, IngestError> {
    store.with_graph_lock(|store| recompute(store, analyzer))
}

/// [`resolve_all`] under the graph lock.
fn recompute<S: Store>(store: &mut S, analyzer: &Analyzer) -> Result<ResolveSummary, IngestError> {
    let refreshed = refresh_facts(store, analyzer)?;
    let mut summary = retrying(store, |store, summary| {
        // A conflict leaves part of the graph written: start again from nothing.
        *summary = ResolveSummary::default();
        resolve_everything(store, summary)
    })?;
    summary.refreshed = refreshed;
    Ok(summary)
}

/// Clear the graph and write every story of the stored documents.
fn resolve_everything<S: Store>(
    store: &mut S,
    summary: &mut ResolveSummary,
) -> Result<(), IngestError> {
    let mut ids: Vec<DocId> = store.analyzers()?.into_keys().collect();
    ids.sort();
    let facts = store.facts(&ids)?;
    store.clear_graph()?;
    for component in stories::components(&facts) {
        let docs: Vec<DocFacts> = component.iter().map(|&i| facts[i].clone()).collect();
        let keys = keys_of(&docs);
        summary.add(&write_story(store, &[], docs, keys, None)?);
    }
    Ok(())
}

/// Resolve the stored documents that have no story yet (those just added, or
/// left unresolved by an interruption), joining them to the stories they touch.
///
/// Another process adding to the same file may resolve some of them first:
/// then the graph is read again and what is still unresolved resolved.
pub fn resolve_new<S: Store>(store: &mut S) -> Result<ResolveSummary, IngestError> {
    store.with_graph_lock(|store| retrying(store, resolve_unresolved))
}

/// One attempt of [`resolve_new`]: the stories it writes before a conflict stay written.
fn resolve_unresolved<S: Store>(
    store: &mut S,
    summary: &mut ResolveSummary,
) -> Result<(), IngestError> {
    let new = store.unresolved()?;
    if new.is_empty() {
        return Ok(());
    }
    let new_facts = store.facts(&new)?;
    let new_keys: Vec<Vec<String>> = new_facts.iter().map(stories::keys).collect();
    // Nodes: the new documents, then the stored stories they might join.
    let mut cache: HashMap<DocId, DocFacts> = HashMap::new();
    let new_ids: BTreeSet<DocId> = new_facts
        .iter()
        .map(|f| DocId::from_hex(f.doc.clone()))
        .collect();
    let mut story_nodes: BTreeMap<String, usize> = BTreeMap::new();
    let mut parent: Vec<usize> = (0..new_facts.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    fn union(p: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    }
    // New documents among themselves.
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, ks) in new_keys.iter().enumerate() {
        for k in ks {
            by_key.entry(k.as_str()).or_default().push(i);
        }
    }
    for members in by_key.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if find(&mut parent, i) != find(&mut parent, j)
                    && stories::linked(&new_facts[i], &new_facts[j])
                {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // New documents against the stored ones sharing a key.
    for (i, ks) in new_keys.iter().enumerate() {
        let candidates: Vec<DocId> = store
            .docs_with_keys(ks)?
            .into_iter()
            .filter(|d| !new_ids.contains(d))
            .collect();
        let stories_of = store.stories_of(&candidates)?;
        for cand in candidates {
            let Some(story) = stories_of.get(&cand) else {
                continue;
            };
            if let Some(&node) = story_nodes.get(story)
                && find(&mut parent, node) == find(&mut parent, i)
            {
                continue;
            }
            if !cache.contains_key(&cand) {
                let f = store.facts(std::slice::from_ref(&cand))?;
                if let Some(f) = f.into_iter().next() {
                    cache.insert(cand.clone(), f);
                }
            }
            let Some(cf) = cache.get(&cand) else { continue };
            if stories::linked(&new_facts[i], cf) {
                let node = *story_nodes.entry(story.clone()).or_insert_with(|| {
                    parent.push(parent.len());
                    parent.len() - 1
                });
                union(&mut parent, i, node);
            }
        }
    }
    // Each group: the new documents and the stories they joined, recomputed whole.
    let mut groups: BTreeMap<usize, (Vec<usize>, Vec<String>)> = BTreeMap::new();
    for i in 0..new_facts.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().0.push(i);
    }
    for (story, &node) in &story_nodes {
        let r = find(&mut parent, node);
        groups.entry(r).or_default().1.push(story.clone());
    }
    let mut new_facts: Vec<Option<DocFacts>> = new_facts.into_iter().map(Some).collect();
    for (new_members, old_stories) in groups.into_values() {
        let old_docs = store.story_documents(&old_stories)?;
        let mut docs = store.facts(&old_docs)?;
        let keys: Vec<(DocId, Vec<String>)> = new_members
            .iter()
            .map(|&i| {
                (
                    DocId::from_hex(new_facts[i].as_ref().expect("once").doc.clone()),
                    new_keys[i].clone(),
                )
            })
            .collect();
        docs.extend(
            new_members
                .iter()
                .map(|&i| new_facts[i].take().expect("each new document once")),
        );
        let moved_by = keys.first().map(|(d, _)| d.as_str().to_string());
        summary.add(&write_story(
            store,
            &old_stories,
            docs,
            keys,
            moved_by.as_deref(),
        )?);
    }
    Ok(())
}

/// The blocking keys of each document.
fn keys_of(docs: &[DocFacts]) -> Vec<(DocId, Vec<String>)> {
    docs.iter()
        .map(|d| (DocId::from_hex(d.doc.clone()), stories::keys(d)))
        .collect()
}

/// Resolve one story from its documents and write it in place of `remove`.
fn write_story<S: Store>(
    store: &mut S,
    remove: &[String],
    mut docs: Vec<DocFacts>,
    keys: Vec<(DocId, Vec<String>)>,
    moved_by: Option<&str>,
) -> Result<ResolveSummary, IngestError> {
    docs.sort_by(|a, b| a.doc.cmp(&b.doc));
    let id = stories::story_id(docs.iter().map(|d| d.doc.as_str()));
    let graph = hearsay_resolve::resolve(&docs);
    let summary = ResolveSummary {
        documents: docs.len(),
        refreshed: 0,
        stories: 1,
        entities: graph.entities.len(),
        claims: graph.claims.len(),
        clusters: graph.clusters.len(),
        largest_story: docs.len(),
        seconds: 0.0,
    };
    store.replace_stories(remove, &[(id, graph)], &keys, moved_by)?;
    Ok(summary)
}
