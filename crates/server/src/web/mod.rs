//! The web page: server-rendered HTML over the same reads as the API, with
//! a stylesheet and a small script compiled into the binary.

mod article;
mod assets;
mod home;
pub mod html;
mod marks;

use crate::{ApiError, AppState};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use html::{Page, esc};
use std::sync::Arc;

/// The pages and their assets.
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(home::home))
        .route("/documents/{id}", get(article_page))
        .route("/assets/{name}", get(assets::asset))
        .fallback(|| async { PageError(ApiError::NotFound("There is no such page.".into())) })
}

/// An error shown as a page.
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let heading = status.canonical_reason().unwrap_or("Error");
        let mut page = Page::new(
            heading,
            format!(
                "<h1>{}</h1><p class=\"error\">{}</p><p><a href=\"/\">Back to the start</a></p>",
                esc(heading),
                esc(&self.0.to_string())
            ),
        );
        page.status = status;
        page.into_response()
    }
}

/// `GET /documents/{id}`.
async fn article_page(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Page, PageError> {
    let view = state
        .readers
        .run(move |store| crate::api::documents::view(store, &id))
        .await?;
    Ok(article::page(&view))
}
