//! Resolve: the claim graph across articles, and how well each claim holds up.
//!
//! Pure and deterministic, like the analyzer: no I/O, no clock, no global state
//! that changes. [`extract`] reads what resolve needs out of one analysed
//! article ([`DocFacts`], stored beside the analysis); [`resolve`] turns the
//! facts of a set of articles into the [`Graph`] — entities linked across
//! articles, origins, claims, clusters — and assesses it: relations,
//! statuses, timelines, Admiralty grades with their reasons.
//!
//! The graph is a function of the *set* of articles: any order of the same
//! articles gives the same graph, ids included.
//!
//! ```
//! use hearsay_analyze::Analyzer;
//! use hearsay_core::Document;
//! let analyzer = Analyzer::new().unwrap();
//! let mut facts = Vec::new();
//! for (text, outlet) in [
//!     ("The ministry said on Monday that 12 people were killed in the blast.", "Daily One"),
//!     ("Twelve people died in the blast, the ministry said.", "Daily Two"),
//! ] {
//!     let mut doc = Document::new(text);
//!     doc.outlet = Some(outlet.into());
//!     facts.push(hearsay_resolve::extract(&analyzer.analyze(doc)));
//! }
//! let graph = hearsay_resolve::resolve(&facts);
//! assert_eq!(graph.documents.len(), 2);
//! assert!(!graph.claims.is_empty());
//! ```

mod affiliation;
mod agency;
mod assemble;
mod assess;
mod bodies;
mod entities;
mod facts;
mod frames;
mod graph;
mod quantity;
mod similarity;
pub mod stories;
mod text;
mod vectors;

pub use assemble::{ClaimInfo, cites};
pub use facts::{
    DateFact, Dateline, DocFacts, EntityFact, FACTS_VERSION, HedgeFact, MAX_GRAPH_ATTRIBUTIONS,
    MentionFact, RecordFact, RecordKind, SourceFact, ViaFact, extract,
};
pub use frames::Frame;
pub use graph::{
    GRAPH_SCHEMA, Graph, GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphMention,
    GraphOrigin, GraphQuantity, GraphRelation, GraphTimeline, RelationKind, Status, TimelinePoint,
    stable_id,
};
pub use quantity::{Modality, QuantityFact};
pub use similarity::{TermVector, Weights, word_table};
pub use vectors::{Embedding, Vectors, VectorsError, WordVector};

use assess::Record;
use hearsay_core::EntityType;
use std::collections::HashMap;

/// Role words of people who speak as experts or officials, whose record can be judged.
const ON_THE_RECORD: &[&str] = &[
    "analyst",
    "chief",
    "director",
    "doctor",
    "economist",
    "expert",
    "head",
    "lawyer",
    "minister",
    "official",
    "officer",
    "president",
    "professor",
    "researcher",
    "scientist",
    "secretary",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// The claim graph of a set of articles, assessed.
pub fn resolve(docs: &[DocFacts]) -> Graph {
    let linked = entities::link(docs);
    let mut records: HashMap<String, Record> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for r in &doc.records {
            let Some(e) = linked.get(d, &r.entity) else {
                continue;
            };
            let key = format!("e:{}", e.affiliation.as_deref().unwrap_or(&e.id));
            records
                .entry(stable_id("o", &key))
                .or_default()
                .statements
                .push((r.kind, r.text.clone()));
        }
    }
    for e in &linked.entities {
        if e.etype == EntityType::Person && e.affiliation.is_none() {
            let expert = e.roles.iter().any(|r| {
                text::words(r).iter().any(|w| {
                    ON_THE_RECORD.contains(&w.as_str())
                        || w.ends_with("ologist")
                        || w.ends_with("ician")
                })
            });
            if !expert {
                records
                    .entry(stable_id("o", &format!("e:{}", e.id)))
                    .or_default()
                    .private = true;
            }
        }
    }
    let (mut graph, infos) = assemble::assemble(docs, linked);
    assess::assess(&mut graph, &infos, &records);
    graph
}
