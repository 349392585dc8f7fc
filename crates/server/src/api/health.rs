//! `GET /api/health`: the server is up and can read its database.

use crate::{ApiError, AppState};
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use std::sync::Arc;

/// The health answer.
#[derive(Serialize)]
pub struct Health {
    /// Always `ok` (a server that cannot read its database answers 500).
    status: &'static str,
    /// Documents stored.
    documents: usize,
    /// The database's schema version.
    schema_version: i64,
    /// The analyzer version new documents are analyzed with.
    analyzer: String,
    /// Whether the server takes writes (it was given a token).
    writes: bool,
}

/// `GET /api/health`.
pub async fn health(State(state): State<Arc<AppState>>) -> Result<Json<Health>, ApiError> {
    let (documents, schema_version) = state
        .readers
        .run(|store| Ok((store.count()?, store.schema_version()?)))
        .await?;
    Ok(Json(Health {
        status: "ok",
        documents,
        schema_version,
        analyzer: state.analyzer.version().to_string(),
        writes: state.config.token.is_some(),
    }))
}
