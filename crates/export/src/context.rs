//! What a claim's mentions and origin name, looked up for one claim at a
//! time: the formats that spell out a chain in words need the names behind
//! the ids.

use crate::ExportError;
use crate::source::{GraphSource, source};
use hearsay_resolve::{GraphClaim, GraphDocument, GraphEntity, GraphMention, GraphOrigin};
use std::collections::BTreeSet;

/// A claim's origin, documents and the entities its mentions name.
pub(crate) struct ClaimContext {
    pub(crate) origin: Option<GraphOrigin>,
    pub(crate) documents: Vec<GraphDocument>,
    pub(crate) entities: Vec<GraphEntity>,
}

impl ClaimContext {
    /// Look up what `claim` refers to.
    pub(crate) fn of(from: &dyn GraphSource, claim: &GraphClaim) -> Result<Self, ExportError> {
        let docs: BTreeSet<String> = claim.mentions.iter().map(|m| m.document.clone()).collect();
        let ents: BTreeSet<String> = claim
            .mentions
            .iter()
            .flat_map(|m| m.source_entity.iter().chain(&m.via))
            .cloned()
            .collect();
        Ok(ClaimContext {
            origin: source(from.origins_by_id(std::slice::from_ref(&claim.origin)))?
                .into_iter()
                .next(),
            documents: source(from.documents_by_id(&docs.into_iter().collect::<Vec<_>>()))?,
            entities: source(from.entities_by_id(&ents.into_iter().collect::<Vec<_>>()))?,
        })
    }

    /// The document with this id.
    pub(crate) fn document(&self, id: &str) -> Option<&GraphDocument> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The name of an entity id (the id itself when it is not found).
    pub(crate) fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.entities
            .iter()
            .find(|e| e.id == id)
            .map_or(id, |e| e.name.as_str())
    }

    /// The origin's reliability grade (`F` when the origin is unknown).
    pub(crate) fn reliability(&self) -> &str {
        self.origin.as_ref().map_or("F", |o| o.reliability.as_str())
    }

    /// The origin in words.
    pub(crate) fn origin_name<'a>(&'a self, claim: &'a GraphClaim) -> &'a str {
        self.origin
            .as_ref()
            .map_or(claim.origin.as_str(), |o| o.description.as_str())
    }

    /// A mention's chain from its source to the publishing outlet:
    /// `a former agent → The Wall Street Journal → Babel`.
    pub(crate) fn chain(&self, m: &GraphMention) -> String {
        let source = m
            .source
            .clone()
            .or_else(|| m.source_entity.as_deref().map(|e| self.name(e).to_string()))
            .unwrap_or_else(|| "(no source)".to_string());
        let mut links = vec![source];
        links.extend(m.via.iter().rev().map(|v| self.name(v).to_string()));
        if let Some(outlet) = self.document(&m.document).and_then(|d| d.outlet.clone()) {
            links.push(outlet);
        }
        links.join(" → ")
    }
}

/// `s` cut to at most `max` characters, with `…` when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s[..at].trim_end()),
        None => s.to_string(),
    }
}
