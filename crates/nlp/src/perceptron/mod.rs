//! The averaged perceptron (Collins 2002) over hashed sparse features.
//!
//! Training (the crate-private `Trainer`) keeps float weights per (feature, class) with the
//! running sums needed for averaging; its `finish` averages, quantizes
//! to `i16` and prunes them into [`Weights`], the compact read-only table the
//! models score with: one hash probe per feature, then a short run of
//! `(class, weight)` entries added into the class scores.

mod train;
mod weights;

pub(crate) use train::{FeatMap, Trainer};
pub use weights::Weights;
