//! The web page: server-rendered HTML over the same reads as the API, with
//! a stylesheet and a small script compiled into the binary.

mod article;
mod assets;
mod cluster;
mod entity;
mod home;
pub mod html;
mod marks;
mod source;
mod svg;

use crate::api::{Params, given};
use crate::paging::PageParams;
use crate::{ApiError, AppState};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use hearsay_store::{StoreError, Window};
use html::{Page, esc};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The pages and their assets.
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(home::home))
        .route("/documents/{id}", get(article_page))
        .route("/clusters/{id}", get(cluster_page))
        .route("/claims/{id}", get(claim_page))
        .route("/entities/{id}", get(entity_page))
        .route("/sources", get(sources_page))
        .route("/sources/{id}", get(source_page))
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

/// A store's "not found" said of the kind of page asked for.
fn missing(what: &'static str) -> impl Fn(StoreError) -> ApiError {
    move |e| match e {
        StoreError::NotFound(id) => ApiError::NotFound(format!("There is no {what} {id:?}.")),
        e => e.into(),
    }
}

/// `GET /documents/{id}`: the article view.
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

/// `GET /clusters/{id}`: the cluster view.
async fn cluster_page(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Page, PageError> {
    let (view, ctx) = state
        .readers
        .run(move |store| {
            let view = store.graph_cluster(&id).map_err(missing("cluster"))?;
            let mut docs: BTreeSet<String> = view
                .claims
                .iter()
                .flat_map(|c| c.mentions.iter().map(|m| m.document.clone()))
                .collect();
            docs.extend(view.history.iter().filter_map(|h| h.document.clone()));
            let via: BTreeSet<String> = view
                .claims
                .iter()
                .flat_map(|c| c.mentions.iter().flat_map(|m| m.via.iter().cloned()))
                .collect();
            let ctx = cluster::Context {
                documents: store.document_heads(docs)?,
                names: store.entity_names(via)?,
            };
            Ok((view, ctx))
        })
        .await?;
    Ok(cluster::page(&view, &ctx))
}

/// `GET /claims/{id}`: its place in its cluster's page.
async fn claim_page(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Redirect, PageError> {
    let claim = id.clone();
    let (_, cluster) = state
        .readers
        .run(move |store| store.graph_claim(&claim).map_err(missing("claim")))
        .await?;
    Ok(Redirect::to(&format!(
        "/clusters/{}#claim-{}",
        crate::paging::encode(&cluster),
        crate::paging::encode(&id)
    )))
}

/// `GET /entities/{id}`: the entity page.
async fn entity_page(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Page, PageError> {
    let (view, names) = state
        .readers
        .run(move |store| {
            let view = store.graph_entity(&id).map_err(missing("entity"))?;
            let ids = [&view.entity.affiliation, &view.entity.country]
                .into_iter()
                .flatten()
                .cloned();
            let names = store.entity_names(ids)?;
            Ok((view, names))
        })
        .await?;
    Ok(entity::page(&view, &names))
}

/// Paging of the sources page.
#[derive(Debug, Deserialize)]
struct SourcesParams {
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /sources`: every origin with its grade and record.
async fn sources_page(
    State(state): State<Arc<AppState>>,
    Params(p): Params<SourcesParams>,
) -> Result<Page, PageError> {
    let (limit, offset) = PageParams {
        limit: p.limit,
        offset: p.offset,
    }
    .checked()?;
    let q = given(&p.q);
    let search = q.clone();
    let page = state
        .readers
        .run(move |store| Ok(store.sources(search.as_deref(), Window { offset, limit })?))
        .await?;
    let shown = offset + page.items.len();
    let next = (shown < page.total && !page.items.is_empty()).then(|| {
        let q = q
            .as_deref()
            .map(|q| format!("q={}&", crate::paging::encode(q)))
            .unwrap_or_default();
        format!("/sources?{q}limit={limit}&offset={shown}")
    });
    Ok(source::list(&page, next))
}

/// `GET /sources/{id}`: one origin.
async fn source_page(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Page, PageError> {
    let (summary, entity, claims) = state
        .readers
        .run(move |store| {
            let summary = store
                .source(&id)?
                .ok_or_else(|| ApiError::NotFound(format!("There is no source {id:?}.")))?;
            let entity = match &summary.origin.entity {
                Some(e) => store
                    .entity_names([e.clone()])?
                    .remove(e)
                    .map(|name| (e.clone(), name)),
                None => None,
            };
            let claims = store.origin_claims(&id, Window::default())?;
            Ok((summary, entity, claims))
        })
        .await?;
    Ok(source::page(
        &summary,
        entity.as_ref().map(|(i, n)| (i.as_str(), n.as_str())),
        &claims.items,
        claims.total,
    ))
}
