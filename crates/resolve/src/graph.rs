//! The claim graph: what resolve concludes across articles.
//!
//! The types follow the `hearsay.graph/1` export (`docs/FORMAT.md`): entities
//! linked across articles, origins (the real-world sources), claims with their
//! mentions, clusters of claims about one question, typed relations between
//! claims, and timelines of the figures about one quantity. Ids are short
//! hashes of what each object is made of, so the same articles give the same
//! ids whatever order they came in.

use crate::quantity::Modality;
use hearsay_core::{EntityKind, EntityType, SourceKind};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Version tag of the graph export.
pub const GRAPH_SCHEMA: &str = "hearsay.graph/1";

/// A short stable id: `prefix` and 12 hex digits of the SHA-256 of `key`.
pub fn stable_id(prefix: &str, key: &str) -> String {
    let h = Sha256::digest(key.as_bytes());
    let hex: String = h.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("{prefix}{hex}")
}

/// One article of the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphDocument {
    /// Document id (SHA-256 hex).
    pub id: String,
    /// Canonical URL.
    pub url: Option<String>,
    /// Where it was read from.
    pub path: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet as given.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// ISO 639-1 code of the language the text is written in.
    pub language: Option<String>,
}

/// An actor, place or outlet linked across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphEntity {
    /// Stable id.
    pub id: String,
    /// Canonical name: its most frequent full form.
    pub name: String,
    /// Coarse type (the majority of its article entities).
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// Finer kind.
    pub kind: EntityKind,
    /// Every surface form linked to it across articles.
    pub aliases: Vec<String>,
    /// The aliases that are misspellings or spelling variants of `name`.
    pub variants: Vec<String>,
    /// The body a person speaks for, when a role names it (an entity id).
    pub affiliation: Option<String>,
    /// For a body named by its portfolio or a capital: the country (an entity id).
    pub country: Option<String>,
    /// Roles given to it across articles.
    pub roles: Vec<String>,
    /// How many articles mention it.
    pub documents: usize,
    /// Article entities linked into it: `(document id, article entity id)`.
    #[serde(skip)]
    pub members: Vec<(String, String)>,
}

/// A real-world source that first made claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphOrigin {
    /// Stable id.
    pub id: String,
    /// Who it is, in words.
    pub description: String,
    /// What kind of source.
    pub kind: SourceKind,
    /// Its entity, when named.
    pub entity: Option<String>,
    /// Admiralty source reliability, `A`–`F`.
    pub reliability: String,
    /// Why that grade.
    pub reliability_reason: String,
    /// The sources taken as this one origin, and why.
    pub merged: Vec<String>,
}

/// One attribution of a claim in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphMention {
    /// Document id.
    pub document: String,
    /// Attribution id within the document.
    pub attribution: String,
    /// The attributed content.
    pub content: String,
    /// The text naming the innermost source.
    pub source: Option<String>,
    /// Its entity id.
    pub source_entity: Option<String>,
    /// Kind of source.
    pub source_kind: SourceKind,
    /// Entity ids of the intermediaries between the publishing outlet and the source, outermost first.
    pub via: Vec<String>,
    /// The hedge word, if any.
    pub hedge: Option<String>,
    /// True when the mention is in the headline.
    pub headline: bool,
    /// Publication date of its article.
    pub published: Option<String>,
}

/// The figure a claim states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphQuantity {
    /// The quantity slot ("troops in Ustrava"): claims with the same subject are about one quantity.
    pub subject: String,
    /// The value, for one figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Lower bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Upper bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// What is counted.
    pub unit: Option<String>,
    /// Count, estimate, expectation or cap.
    pub modality: Modality,
    /// "about", "roughly".
    pub approximate: bool,
    /// "hundreds of millions".
    pub vague: bool,
    /// The date the figure describes.
    pub as_of: Option<String>,
}

/// One proposition from one origin, with all its mentions across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphClaim {
    /// Stable id.
    pub id: String,
    /// Origin id.
    pub origin: String,
    /// The proposition, in the words of its fullest mention.
    pub proposition: String,
    /// Its figure, when it states one.
    pub quantity: Option<GraphQuantity>,
    /// Admiralty information credibility, 1–6.
    pub credibility: Option<u8>,
    /// Why that grade.
    pub credibility_reason: String,
    /// Its mentions.
    pub mentions: Vec<GraphMention>,
}

/// Cluster status, decided by the state at the end of the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Independent origins still disagree.
    Contested,
    /// At least two independent origins agree.
    Corroborated,
    /// A figure or position was revised over time.
    Updated,
    /// One origin, reported by two or more outlets.
    Circular,
    /// One origin, one outlet.
    Single,
}

impl Status {
    /// The graph's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Contested => "contested",
            Status::Corroborated => "corroborated",
            Status::Updated => "updated",
            Status::Circular => "circular",
            Status::Single => "single",
        }
    }
}

/// Claims about one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphCluster {
    /// Stable id.
    pub id: String,
    /// What the claims are about, in a few words.
    pub subject: String,
    /// Claim ids.
    pub claims: Vec<String>,
    /// Distinct origins among the claims.
    pub independent_origins: usize,
    /// Status.
    pub status: Status,
    /// Admiralty credibility of the assessed claim.
    pub credibility: Option<u8>,
    /// The claim the evidence favours (the current answer).
    pub assessed_claim: Option<String>,
    /// Why, in a sentence a person can read.
    pub explanation: String,
}

/// How two claims of a cluster relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Different origins agree.
    Corroborates,
    /// Different origins disagree about the same state of the world.
    Contradicts,
    /// `a` replaces `b` (a later figure or a revision).
    Updates,
    /// The same origin, retold with another wording or figure.
    Repeats,
}

/// A typed relation between two claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphRelation {
    /// Claim id.
    pub a: String,
    /// Claim id.
    pub b: String,
    /// Kind (`updates`: `a` replaces `b`).
    #[serde(rename = "type")]
    pub kind: RelationKind,
}

/// One dated figure of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// First publication date of the claim.
    pub date: Option<String>,
    /// The date the figure describes.
    pub as_of: Option<String>,
    /// The value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Lower bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Upper bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Count, estimate, expectation or cap.
    pub modality: Modality,
    /// Claim id.
    pub claim: String,
    /// Origin id of the claim.
    pub origin: String,
}

/// The figures about one quantity over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphTimeline {
    /// The quantity subject.
    pub subject: String,
    /// The cluster it belongs to.
    pub cluster: String,
    /// Points ordered by date.
    pub points: Vec<TimelinePoint>,
}

/// The whole graph (or the part of it one story gives).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    /// Articles.
    pub documents: Vec<GraphDocument>,
    /// Entities.
    pub entities: Vec<GraphEntity>,
    /// Origins.
    pub origins: Vec<GraphOrigin>,
    /// Claims.
    pub claims: Vec<GraphClaim>,
    /// Clusters.
    pub clusters: Vec<GraphCluster>,
    /// Relations.
    pub relations: Vec<GraphRelation>,
    /// Timelines.
    pub timelines: Vec<GraphTimeline>,
}
