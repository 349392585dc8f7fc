//! Attributions: who said what, on whose authority.
//!
//! For every statement a news text attributes, this crate finds the **cue**
//! ("said", "according to", "told the newspaper"), the **source** (with its
//! apposition, as PolNeAR annotates it) and the **content** (a clause or a
//! quote, possibly in pieces), resolves the source to an entity and a kind,
//! and records the chain of intermediaries (`via`) the claim passed through.
//!
//! Two averaged-perceptron sequence taggers do the span work, both trained on
//! PolNeAR gold (`hearsay train attributions`): a cue tagger over each sentence
//! and, per cue, a role tagger over the sentences around it whose features
//! describe each token relative to the cue (dependency path, side, quotes).
//! Resolution, source kinds and via chains are rules over the parse and the
//! entities of the mention stage.
//!
//! ```
//! let stages = hearsay_attribution::stages();
//! assert_eq!(stages[0].name(), "attribution");
//! ```

pub mod brat;
pub mod corpus;
pub mod error;
pub mod errors;
pub mod quotes;
pub mod score;

mod assemble;
mod chain;
mod complement;
mod cue;
mod entities;
mod figures;
mod filter;
mod fronted;
mod gender;
mod gold;
mod hash;
mod lexicon;
mod lines;
mod model;
mod outlet;
mod participle;
mod perceptron;
mod phrase;
mod places;
mod predict;
mod relative;
mod resolve;
mod role;
mod train;
mod via;
mod view;
mod wire;

pub use error::{CorpusError, ModelError};
pub use model::Model;
pub use predict::AttributionStage;
pub use train::{TrainConfig, TrainingDoc, evaluate, train};

use hearsay_core::Stage;

/// The attribution stages in pipeline order, with the shipped model.
///
/// # Panics
///
/// If the model embedded in the binary is damaged, which the crate's tests rule out.
pub fn stages() -> Vec<Box<dyn Stage>> {
    let model = Model::shipped().expect("the attribution model embedded in the binary loads");
    vec![Box::new(AttributionStage::new(model))]
}
