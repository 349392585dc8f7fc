//! `POST /api/documents` (store, analyze, resolve) and `POST /api/analyze`
//! (analyze only). The body is read whole first; a body that cannot be read
//! is refused with 400 and nothing is stored.

use crate::body::{BodyKind, Parsed};
use crate::{ApiError, AppState};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hearsay_ingest::AddSummary;
use serde::Serialize;
use std::sync::Arc;

/// The body, or 413 when it is over the limit.
fn bytes(state: &AppState, body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge(format!(
                "the body is over the limit of {} bytes",
                state.config.body_limit
            ))
        } else {
            ApiError::BadRequest(e.body_text())
        }
    })
}

/// Read the body into documents, on a blocking thread (HTML extraction takes CPU).
async fn parse(
    state: &AppState,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(BodyKind, Parsed), ApiError> {
    let kind = BodyKind::of(headers)?;
    let bytes = bytes(state, body)?;
    let max = state.config.body_limit as u64;
    let parsed = tokio::task::spawn_blocking(move || crate::body::parse(kind, &bytes, max))
        .await
        .map_err(ApiError::internal)??;
    Ok((kind, parsed))
}

/// A document a write was about.
#[derive(Debug, Serialize)]
pub struct Written {
    /// Its id.
    id: String,
    /// Its title.
    title: Option<String>,
    /// Its analysis in the API.
    href: String,
    /// Its page.
    page: String,
}

/// What `POST /api/documents` did.
#[derive(Debug, Serialize)]
pub struct AddAnswer {
    /// The counts, as `hearsay add --json` prints them.
    #[serde(flatten)]
    summary: AddSummary,
    /// The documents of the body, in order (each once).
    documents: Vec<Written>,
}

/// `POST /api/documents`: store, analyze and resolve the body's documents.
/// 201 when something new was stored, 200 when all of it was there already.
pub async fn add_documents(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let (_, parsed) = parse(&state, &headers, body).await?;
    let mut documents: Vec<Written> = Vec::new();
    for item in &parsed.documents {
        let id = item.document.id.as_str();
        if !documents.iter().any(|d| d.id == id) {
            documents.push(Written {
                id: id.to_string(),
                title: item.document.title.clone(),
                href: format!("/api/documents/{id}"),
                page: format!("/documents/{id}"),
            });
        }
    }
    let summary = state.writer.add(vec![parsed.input]).await?;
    if !summary.failed.is_empty() {
        let reasons: Vec<&str> = summary.failed.iter().map(|f| f.error.as_str()).collect();
        return Err(ApiError::internal(format!(
            "documents not stored: {}",
            reasons.join("; ")
        )));
    }
    let status = if summary.added + summary.reanalyzed > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let location = (documents.len() == 1).then(|| documents[0].href.clone());
    let mut response = (status, Json(AddAnswer { summary, documents })).into_response();
    if let Some(href) = location.and_then(|h| HeaderValue::from_str(&h).ok()) {
        response.headers_mut().insert(header::LOCATION, href);
    }
    Ok(response)
}

/// `POST /api/analyze`: the analysis of the body without storing it, as
/// `hearsay analyze --format json` prints it; a JSON Lines body gets one
/// analysis per line (`application/x-ndjson`).
pub async fn analyze(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let (kind, parsed) = parse(&state, &headers, body).await?;
    let permit = Arc::clone(&state.analyses)
        .acquire_owned()
        .await
        .map_err(ApiError::internal)?;
    let analyzer = Arc::clone(&state.analyzer);
    let lines = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        parsed
            .documents
            .into_iter()
            .map(|item| {
                let path = item.document.path.clone().unwrap_or_default();
                let document = item.document;
                let mut analysis = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    analyzer.analyze(document)
                }))
                .map_err(|_| ApiError::internal(format!("{path}: the analyzer failed")))?;
                hearsay_ingest::flag_replacements(&mut analysis, &item.warnings);
                Ok(hearsay_format::json::to_line(&analysis))
            })
            .collect::<Result<Vec<String>, ApiError>>()
    })
    .await
    .map_err(ApiError::internal)??;
    let (content_type, body) = match (kind, lines.as_slice()) {
        (BodyKind::JsonLines, _) => ("application/x-ndjson", lines.join("")),
        (_, [one]) => ("application/json", one.clone()),
        _ => ("application/x-ndjson", lines.join("")),
    };
    Ok(([(header::CONTENT_TYPE, content_type)], Body::from(body)).into_response())
}
