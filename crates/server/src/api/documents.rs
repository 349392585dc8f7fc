//! `GET /api/documents` and `GET /api/documents/{id}`.

use super::{Params, given};
use crate::chain::{self, Link};
use crate::paging::{COUNT_CAP, Page, PageParams, Total};
use crate::{ApiError, AppState};
use axum::Json;
use axum::extract::{Path, State};
use hearsay_format::json::AnalysisJson;
use hearsay_store::{Database, DocQuery, DocSummary, MentionLink, Store};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Parameters of the document list.
#[derive(Debug, Deserialize)]
pub struct ListParams {
    /// Full-text search over title and text (FTS5 syntax).
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /api/documents?q=&limit=&offset=`: stored documents, newest first.
pub async fn list(
    State(state): State<Arc<AppState>>,
    Params(p): Params<ListParams>,
) -> Result<Json<Page<DocSummary>>, ApiError> {
    let page = PageParams {
        limit: p.limit,
        offset: p.offset,
    }
    .checked()?;
    let q = given(&p.q);
    let query = DocQuery {
        search: q.clone(),
        limit: Some(page.0),
        offset: page.1,
    };
    let (items, total) = state
        .readers
        .run(move |store| {
            Ok((
                store.documents(&query)?,
                store.count_documents(&query, COUNT_CAP)?,
            ))
        })
        .await?;
    Ok(Json(Page::new(
        items,
        Total::Capped(total),
        page,
        "/api/documents",
        &[("q", q.as_deref())],
    )))
}

/// One attribution's chain, origin first.
#[derive(Debug, Serialize)]
pub struct Chain {
    /// The attribution's id.
    pub attribution: String,
    /// The links.
    pub links: Vec<Link>,
    /// The links as one line ("a senior European intelligence source → The Wall Street Journal → Babel").
    pub line: String,
}

/// A document with its analysis and the chain of each attribution.
#[derive(Debug, Serialize)]
pub struct DocumentView {
    /// The analysis, `hearsay.analysis/1`.
    #[serde(flatten)]
    pub analysis: AnalysisJson,
    /// The chain of every attribution, in the order of `attributions`.
    pub chains: Vec<Chain>,
    /// The graph claim and cluster of each attribution the graph holds.
    pub claims: Vec<MentionLink>,
}

/// The analysis of the document `id` (or the one document whose id starts with it).
pub fn view(store: &Database, id: &str) -> Result<DocumentView, ApiError> {
    let id = store.resolve(id)?;
    let analysis = hearsay_format::json::from_analysis(&store.analysis(&id)?);
    let chains = analysis
        .attributions
        .iter()
        .map(|a| {
            let links = chain::chain(a, &analysis.document, &analysis.text);
            Chain {
                attribution: a.id.clone(),
                line: chain::line(&links),
                links,
            }
        })
        .collect();
    let claims = store.mention_links(&id)?;
    Ok(DocumentView {
        analysis,
        chains,
        claims,
    })
}

/// `GET /api/documents/{id}`: the document, its analysis and its chains.
pub async fn one(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<DocumentView>, ApiError> {
    Ok(Json(
        state.readers.run(move |store| view(store, &id)).await?,
    ))
}
