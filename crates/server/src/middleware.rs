//! What every request goes through: the request log, the timeout, the body
//! limit, authentication and the security headers.

use crate::{ApiError, AppState};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Instant;
use tower_http::set_header::SetResponseHeaderLayer;

/// The pages' only sources are the server itself: no inline script, no CDN.
const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// `routes` with the layers every request goes through, and the state.
pub fn wrap(routes: Router<Arc<AppState>>, state: Arc<AppState>) -> Router {
    routes
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(from_fn_with_state(Arc::clone(&state), authenticate))
        .layer(DefaultBodyLimit::max(state.config.body_limit))
        .layer(from_fn_with_state(Arc::clone(&state), time_limit))
        .layer(from_fn(log))
        .with_state(state)
}

/// One log line per request: method, path, status and time taken.
async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::warn!(target: "hearsay_server::request", %method, %path, status, ms = format_args!("{ms:.1}"), "request");
    } else {
        tracing::info!(target: "hearsay_server::request", %method, %path, status, ms = format_args!("{ms:.1}"), "request");
    }
    response
}

/// Answer 503 when a request takes longer than the configured timeout. What
/// the writer was already given is still stored, whole, after the answer.
async fn time_limit(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let limit = state.config.timeout;
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Unavailable(format!(
            "the request took longer than {} s",
            limit.as_secs_f64()
        ))
        .into_response(),
    }
}

/// Writes (any method but GET, HEAD and OPTIONS) need the bearer token; reads
/// too with `--auth-reads`.
async fn authenticate(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let write = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !write && !state.config.auth_reads {
        return next.run(request).await;
    }
    let Some(token) = &state.config.token else {
        return ApiError::Forbidden(
            "this server takes no writes: start it with HEARSAY_TOKEN or --token-file".into(),
        )
        .into_response();
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split_once(' ')
                .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
                .map(|(_, t)| t.trim())
        });
    match given {
        None => ApiError::Unauthorized(
            "this needs a token: send the header Authorization: Bearer TOKEN".into(),
        )
        .into_response(),
        Some(t) if !token.matches(t) => {
            ApiError::Unauthorized("the token is not the server's".into()).into_response()
        }
        Some(_) => next.run(request).await,
    }
}
