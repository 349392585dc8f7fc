//! What every request handler shares.

use crate::{Config, Readers, Writer};
use hearsay_analyze::Analyzer;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// The server's shared state.
pub struct AppState {
    /// The settings it was started with.
    pub config: Config,
    /// Connections for reads.
    pub readers: Arc<Readers>,
    /// The one writer.
    pub writer: Writer,
    /// The analyzer (models loaded once).
    pub analyzer: Arc<Analyzer>,
    /// Permits for `POST /api/analyze` analyses.
    pub analyses: Arc<Semaphore>,
}
