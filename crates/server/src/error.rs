//! Errors of the API, answered as `{"error": "…"}` with the status that fits.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hearsay_store::StoreError;

/// What went wrong with a request, and the status it is answered with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A malformed request: bad JSON, a bad parameter, an unreadable document (400).
    #[error("{0}")]
    BadRequest(String),
    /// No token, or a wrong one (401).
    #[error("{0}")]
    Unauthorized(String),
    /// The server takes no writes (403).
    #[error("{0}")]
    Forbidden(String),
    /// Nothing there (404).
    #[error("{0}")]
    NotFound(String),
    /// The method is not one this path answers (405).
    #[error("{0}")]
    MethodNotAllowed(String),
    /// The body is over the limit (413).
    #[error("{0}")]
    TooLarge(String),
    /// A content type the endpoint does not read (415).
    #[error("{0}")]
    UnsupportedType(String),
    /// Too much to do right now, or it took too long (503).
    #[error("{0}")]
    Unavailable(String),
    /// A failure of the server itself (500); the details go to the log.
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A failure of the server, logged with its details and answered without them.
    pub fn internal(what: impl std::fmt::Display) -> Self {
        tracing::error!("{what}");
        ApiError::Internal("internal error (see the server log)".into())
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(_) => ApiError::NotFound(e.to_string()),
            StoreError::Ambiguous { .. } | StoreError::BadQuery { .. } => {
                ApiError::BadRequest(e.to_string())
            }
            e => ApiError::internal(e),
        }
    }
}

#[derive(serde::Serialize)]
struct Body<'a> {
    error: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status(),
            Json(Body {
                error: &self.to_string(),
            }),
        )
            .into_response();
        if let ApiError::Unauthorized(_) = self {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"hearsay\""),
            );
        }
        if let ApiError::Unavailable(_) = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}
