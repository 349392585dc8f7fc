//! Export errors.

use crate::SourceError;

/// What went wrong while writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The graph could not be read.
    #[error("reading the graph: {0}")]
    Source(SourceError),
    /// The output could not be written.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    /// A value did not serialize as JSON.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The Parquet writer failed.
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}
