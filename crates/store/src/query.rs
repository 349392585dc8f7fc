//! Query parameters and results.

use serde::Serialize;

/// Which documents to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocQuery {
    /// FTS5 query over title and text.
    pub search: Option<String>,
    /// At most this many (all when `None`).
    pub limit: Option<usize>,
}

/// One stored document, summarized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocSummary {
    /// Full id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Where it was read from.
    pub path: Option<String>,
    /// Length in code points.
    pub chars: usize,
    /// How many claims it has.
    pub claims: usize,
    /// How many entities.
    pub entities: usize,
    /// When it was stored (UTC).
    pub added_at: String,
    /// Analyzer version of its layers.
    pub analyzer: String,
}

/// Which claims to find. All given conditions must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimQuery {
    /// Source text or source entity name contains this (case-insensitive).
    pub source: Option<String>,
    /// Claims involving this entity: its canonical name or any mention text
    /// (case-insensitive) picks the entity; a claim involves it when its
    /// source, a via link, or a mention inside its content is that entity.
    pub entity: Option<String>,
    /// FTS5 query over claim content and source.
    pub search: Option<String>,
    /// Only claims of this document.
    pub document: Option<hearsay_core::DocId>,
    /// At most this many (all when `None`).
    pub limit: Option<usize>,
}

/// A span of stored text: code-point offsets and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text.
    pub text: String,
}

/// The source of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimSource {
    /// Where and what.
    #[serde(flatten)]
    pub span: StoredSpan,
    /// Entity id.
    pub entity: Option<String>,
    /// The entity's canonical name.
    pub name: Option<String>,
    /// Kind of source (`named_person`, `news_outlet`, …).
    pub kind: String,
    /// Role or affiliation.
    pub role: Option<String>,
}

/// A link of a claim's source chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimVia {
    /// The intermediary.
    pub text: String,
    /// Entity id.
    pub entity: Option<String>,
    /// Kind of intermediary.
    pub kind: String,
    /// The linking cue.
    pub cue: Option<String>,
}

/// A stored claim with its document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Document id.
    pub document: String,
    /// Document headline.
    pub title: Option<String>,
    /// Document outlet.
    pub outlet: Option<String>,
    /// Document date.
    pub published: Option<String>,
    /// Attribution id within the document.
    pub id: String,
    /// direct, indirect, mixed, according_to, headline, other.
    pub kind: String,
    /// The cue.
    pub cue: StoredSpan,
    /// The cue's lemma.
    pub lemma: String,
    /// The source, if any.
    pub source: Option<ClaimSource>,
    /// The content pieces.
    pub content: Vec<StoredSpan>,
    /// The chain, outermost first.
    pub via: Vec<ClaimVia>,
    /// The hedge marker's text, if any.
    pub hedge: Option<String>,
    /// Its certainty.
    pub certainty: Option<String>,
    /// Model confidence.
    pub confidence: f64,
}
