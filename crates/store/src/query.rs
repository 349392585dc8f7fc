//! Query parameters and results.

use hearsay_core::{AttributionKind, Certainty, HedgeKind, SourceKind};
use serde::Serialize;

/// Which documents to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocQuery {
    /// FTS5 query over title and text.
    pub search: Option<String>,
    /// At most this many (all when `None`).
    pub limit: Option<usize>,
    /// Skip this many first (for paging).
    pub offset: usize,
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
    /// Only claims of documents published on or after this day (`YYYY-MM-DD`);
    /// documents without a publication date are left out.
    pub since: Option<String>,
    /// Only claims of documents published on or before this day (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// At most this many (all when `None`).
    pub limit: Option<usize>,
    /// Skip this many first (for paging).
    pub offset: usize,
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

// The claim types serialize with the names and meanings of the analysis
// JSON's `attributions[]` (docs/FORMAT.md), so that `claims --json` speaks the
// vocabulary of `analyze --format json` and `show --json`; the CLI's tests
// compare the two field by field.

/// The document a claim comes from (the analysis JSON's `document`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimDocument {
    /// Full id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Where it was read from.
    pub path: Option<String>,
}

/// The cue of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimCue {
    /// Where and what.
    #[serde(flatten)]
    pub span: StoredSpan,
    /// Its lemma ("say", "according to").
    pub lemma: String,
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
    /// Kind of source.
    pub kind: SourceKind,
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
    /// The entity's canonical name.
    pub name: Option<String>,
    /// Kind of intermediary.
    pub kind: SourceKind,
    /// The linking cue.
    pub cue: Option<String>,
    /// First code point of its mention; `None` when implied.
    pub start: Option<usize>,
    /// One past its last code point; `None` when implied.
    pub end: Option<usize>,
}

/// The hedge on a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimHedge {
    /// The marker as written.
    pub text: String,
    /// The certainty it expresses.
    pub certainty: Certainty,
    /// hedge, evidential, negation or denial.
    pub kind: HedgeKind,
    /// First code point of the marker.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
}

/// A stored claim with its document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The document.
    pub document: ClaimDocument,
    /// Attribution id within the document.
    pub id: String,
    /// direct, indirect, mixed, according_to, headline, other.
    pub kind: AttributionKind,
    /// The cue.
    pub cue: ClaimCue,
    /// The source, if any.
    pub source: Option<ClaimSource>,
    /// The content pieces.
    pub content: Vec<StoredSpan>,
    /// The chain, outermost first.
    pub via: Vec<ClaimVia>,
    /// The strongest hedge, if any.
    pub hedge: Option<ClaimHedge>,
    /// Model confidence.
    pub confidence: f32,
}
