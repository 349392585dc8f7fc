//! The claim graph in the formats other tools read.
//!
//! Each writer reads a [`GraphSource`] (the store's paged read, or a
//! [`MemorySource`] over a graph in memory) and writes to a [`Write`](std::io::Write)
//! (or, for the tables, to the files a [`Files`] makes), one page of rows at a
//! time, so memory stays flat however large the graph. The same graph always
//! gives the same bytes: every list is read in a fixed order, ids are derived
//! from hearsay's ids, and time stamps come from the graph itself.
//!
//! | writer | format |
//! |---|---|
//! | [`write_graph`] | `hearsay.graph/1` |
//! | [`write_stix`] | a STIX 2.1 bundle |
//! | [`write_misp`] | MISP events, one JSON object a line |
//! | [`write_claimreview`] | schema.org `ClaimReview`s as one JSON-LD document |
//! | [`write_csv`] | one RFC 4180 table per file |
//! | [`write_parquet`] | the same tables as Parquet files |
//!
//! `docs/EXPORTS.md` maps every field.

mod admiralty;
mod claimreview;
mod context;
mod csv_tables;
mod dates;
mod error;
mod graph;
mod ids;
mod memory;
mod misp;
mod parquet_tables;
mod source;
mod stix;
mod tables;
mod tags;
#[cfg(test)]
mod testgraph;

pub use admiralty::{
    admiralty_code, credibility_words, misp_reliability_tag, misp_tags, reliability_words,
    stix_confidence,
};
pub use claimreview::write_claimreview;
pub use csv_tables::write_csv;
pub use error::ExportError;
pub use graph::write_graph;
pub use ids::{NAMESPACE, uuid_of};
pub use memory::MemorySource;
pub use misp::{EventPer, write_misp};
pub use parquet_tables::write_parquet;
pub use source::{GraphSource, Page, SourceError};
pub use stix::{stix_id, write_stix};
pub use tables::{Files, TABLES};
