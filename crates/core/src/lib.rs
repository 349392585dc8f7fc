//! The nouns of hearsay (see `DESIGN.md`, "Data model").
//!
//! Every stage of the pipeline reads and writes these types. Spans are **byte**
//! ranges into [`Document::text`]; code-point offsets appear only at the output
//! boundary (JSON, brat, CoNLL-U), through [`CharMap`].
//!
//! ```
//! use hearsay_core::{Document, Span};
//! let doc = Document::new("Officials said it rained.");
//! assert_eq!(Span::new(10, 14).text(&doc.text), "said");
//! assert_eq!(doc.id.as_str().len(), 64); // SHA-256 of the text, hex
//! ```

mod analysis;
mod attribution;
mod charmap;
mod document;
mod intervals;
mod layout;
mod linguistic;
mod mention;
mod span;
mod stage;

pub use analysis::{ANALYSIS_SCHEMA, Analysis, Flag, FlagKind};
pub use attribution::{Attribution, AttributionKind, Cue, Source, SourceKind, ViaLink};
pub use charmap::CharMap;
pub use document::{DocId, Document};
pub use intervals::Intervals;
pub use layout::Dateline;
pub use linguistic::{NerSpan, Sentence, Token};
pub use mention::{
    Certainty, Entity, EntityKind, EntityType, Hedge, HedgeKind, Mention, Quantity, TimeAnchor,
    TimeExpr, TimeGranularity,
};
pub use span::Span;
pub use stage::Stage;
