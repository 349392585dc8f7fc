//! The JSON API under `/api`.

pub mod documents;
mod graph;
mod health;
mod mentions;
mod write;

use crate::{ApiError, AppState};
use axum::Router;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::routing::{get, post};
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// The API's routes; unknown `/api` paths and methods answer JSON errors.
pub fn router() -> Router<Arc<AppState>> {
    let api = Router::new()
        .route("/health", get(health::health))
        .route(
            "/documents",
            get(documents::list).post(write::add_documents),
        )
        .route("/documents/{id}", get(documents::one))
        .route("/analyze", post(write::analyze))
        .route("/mentions", get(mentions::list))
        .route("/claims", get(graph::claims))
        .route("/claims/{id}", get(graph::claim))
        .route("/clusters", get(graph::clusters))
        .route("/clusters/{id}", get(graph::cluster))
        .route("/entities", get(graph::entities))
        .route("/entities/{id}", get(graph::entity))
        .route("/sources", get(graph::sources))
        .route("/sources/{id}", get(graph::source))
        .route("/timelines/{subject}", get(graph::timelines))
        .route("/export/graph", get(graph::export_graph))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed);
    Router::new().nest("/api", api)
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::NotFound(format!("no such endpoint: {}", uri.path()))
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::MethodNotAllowed(format!("{method} is not allowed on {}", uri.path()))
}

/// Query parameters, refused with a JSON 400 that says which one is wrong.
pub struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(t)| Params(t))
            .map_err(|e| ApiError::BadRequest(e.body_text()))
    }
}

/// `s` unless it is empty or only whitespace.
pub fn given(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A `YYYY-MM-DD` day parameter, or why it is not one.
pub fn day(name: &str, s: &Option<String>) -> Result<Option<String>, ApiError> {
    let Some(s) = given(s) else { return Ok(None) };
    let b = s.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if ok {
        Ok(Some(s))
    } else {
        Err(ApiError::BadRequest(format!(
            "{name} must be a day YYYY-MM-DD, not {s:?}"
        )))
    }
}
