use crate::{
    Attribution, Dateline, Document, Entity, Hedge, NerSpan, Quantity, Sentence, Span, TimeExpr,
    Token,
};
use serde::{Deserialize, Serialize};

/// Version tag of the public JSON analysis format (`docs/FORMAT.md`).
pub const ANALYSIS_SCHEMA: &str = "hearsay.analysis/1";

/// What a flag points out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// Two spellings resolved to one entity ("Yang" for "Benjamin Young").
    NameVariant,
    /// Several values for what looks like one quantity (1,000 / 1,500 / 12,000 troops).
    SameQuantityDiffers,
    /// A source whose entity could not be resolved.
    UnresolvedSource,
    /// Text that could not be decoded and was replaced.
    DecodingReplaced,
    /// Written in a language the analyzer does not read: the document keeps its
    /// metadata and language, and gets no entities, attributions or claims.
    UnsupportedLanguage,
    /// Too short or too mixed to tell its language surely; analyzed as English.
    UncertainLanguage,
}

/// Something an analyst should look at: a name variant, numbers that differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// What it is.
    pub kind: FlagKind,
    /// The entities concerned (ids).
    pub entities: Vec<String>,
    /// The spans concerned (bytes).
    pub mentions: Vec<Span>,
    /// A sentence for the analyst.
    pub note: String,
}

/// Everything the analyzer reads out of one document.
///
/// Produced by a pure function of the [`Document`]; the same input always gives
/// the same analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The document analyzed (its text is what every span points into).
    pub document: Document,
    /// Version of the analyzer and models that produced this.
    pub analyzer: String,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order, with POS, lemma and dependency parse.
    pub tokens: Vec<Token>,
    /// The dateline opening the body (`VELMORA, March 16 (Northgate Wire) —`), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// The byline line under the headline (`By Elin Sorvik`), when the text has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<Span>,
    /// Named-entity spans from the statistical NER.
    pub ner: Vec<NerSpan>,
    /// Entities with their resolved mentions.
    pub entities: Vec<Entity>,
    /// Attributions in text order of their cue.
    pub attributions: Vec<Attribution>,
    /// Quantities.
    pub quantities: Vec<Quantity>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Hedges, negations and denials.
    pub hedges: Vec<Hedge>,
    /// Things to check.
    pub flags: Vec<Flag>,
}

impl Analysis {
    /// An analysis with nothing found yet.
    pub fn empty(document: Document, analyzer: impl Into<String>) -> Self {
        Analysis {
            document,
            analyzer: analyzer.into(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            dateline: None,
            byline: None,
            ner: Vec::new(),
            entities: Vec::new(),
            attributions: Vec::new(),
            quantities: Vec::new(),
            times: Vec::new(),
            hedges: Vec::new(),
            flags: Vec::new(),
        }
    }

    /// The text every span points into.
    pub fn text(&self) -> &str {
        &self.document.text
    }

    /// True when a stage flagged the document [`FlagKind::UnsupportedLanguage`]:
    /// the English stages must not read it.
    pub fn unsupported_language(&self) -> bool {
        self.flags
            .iter()
            .any(|f| f.kind == FlagKind::UnsupportedLanguage)
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}
