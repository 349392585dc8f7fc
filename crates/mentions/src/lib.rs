//! Mentions: entities with their aliases, quantities, time expressions and
//! hedges, normalized — the layer between the language stages and attribution.
//!
//! The stage reads the tokens, POS tags, parse and NER spans of the language
//! stages when they are there (and splits words itself when they are not), and
//! writes [`Analysis::entities`], `quantities`, `times`, `hedges` and `flags`.
//!
//! ```
//! use hearsay_core::{Analysis, Document, Stage};
//! let stage = hearsay_mentions::MentionStage::new().unwrap();
//! let mut a = Analysis::empty(
//!     Document::new("Pyongyang sent 1,500 special forces in June 2024, the DPRK could deny it."),
//!     "doc",
//! );
//! stage.annotate(&mut a);
//! let nk = a.entities.iter().find(|e| e.name == "North Korea").unwrap();
//! assert_eq!(nk.mentions.len(), 2); // Pyongyang, DPRK
//! assert_eq!(a.quantities[0].value, Some(1500.0));
//! assert_eq!(a.times[0].start_date.as_deref(), Some("2024-06-01"));
//! assert_eq!(a.hedges[0].span.text(a.text()), "could");
//! ```

mod calendar;
mod entities;
pub mod eval;
mod hedges;
mod lexicon;
mod numbers;
mod quantities;
mod times;
mod words;

pub use lexicon::{Lexicon, LexiconError};

use hearsay_core::{Analysis, EntityType, Span, Stage};

/// The mention stage: entities, quantities, times, hedges and flags from one pass
/// over the words, with the compiled alias data.
pub struct MentionStage {
    lex: Lexicon,
}

impl MentionStage {
    /// Compile the embedded data (alias tables, word lists).
    pub fn new() -> Result<Self, LexiconError> {
        Ok(MentionStage {
            lex: Lexicon::new()?,
        })
    }

    /// The name mentions this stage finds, each with its mention-level type and
    /// without the nested ones (for scoring against flat NER annotation).
    pub fn name_spans(&self, analysis: &Analysis) -> Vec<(Span, EntityType)> {
        let w = words::Words::new(analysis);
        entities::find(&w, analysis, &self.lex).names
    }
}

impl Stage for MentionStage {
    fn name(&self) -> &'static str {
        "mentions"
    }

    fn annotate(&self, a: &mut Analysis) {
        let w = words::Words::new(a);
        let found = entities::find(&w, a, &self.lex);
        let mut taken = vec![false; w.len()];
        let times = times::find(&w, a.document.published_date(), &mut taken);
        let quantities = quantities::find(&w, &self.lex, &taken);
        let hedges = hedges::find(&w, &self.lex);
        let mut flags = found.flags;
        flags.extend(quantities::flags(w.text, &self.lex, &quantities));
        drop(w);
        a.entities = found.entities;
        a.times = times;
        a.quantities = quantities;
        a.hedges = hedges;
        a.flags.retain(|f| {
            !matches!(
                f.kind,
                hearsay_core::FlagKind::NameVariant | hearsay_core::FlagKind::SameQuantityDiffers
            )
        });
        a.flags.extend(flags);
    }
}

/// The mention stages in pipeline order.
///
/// The data is embedded in the binary and checked by this crate's tests, so
/// compiling it cannot fail in a released build.
pub fn stages() -> Vec<Box<dyn Stage>> {
    let stage = MentionStage::new().expect("the embedded mention data compiles (see its tests)");
    vec![Box::new(stage)]
}
