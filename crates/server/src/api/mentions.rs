//! `GET /api/mentions`: the attributions of the stored documents, one per
//! article (`GET /api/claims` lists the claims they are mentions of).

use super::{Params, day, given};
use crate::paging::{COUNT_CAP, Page, PageParams, Total};
use crate::{ApiError, AppState};
use axum::Json;
use axum::extract::State;
use hearsay_store::{Claim, ClaimQuery, Store};
use serde::Deserialize;
use std::sync::Arc;

/// Parameters of the mention list; all given conditions must hold.
#[derive(Debug, Deserialize)]
pub struct ListParams {
    /// Full-text search over content and source (FTS5 syntax).
    q: Option<String>,
    /// An entity's name or any way it is written.
    entity: Option<String>,
    /// Text in the source's words or its entity's name.
    source: Option<String>,
    /// Only claims of this document (an id or its first digits).
    document: Option<String>,
    /// Documents published on or after this day.
    since: Option<String>,
    /// Documents published on or before this day.
    until: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /api/mentions?q=&entity=&source=&document=&since=&until=&limit=&offset=`.
pub async fn list(
    State(state): State<Arc<AppState>>,
    Params(p): Params<ListParams>,
) -> Result<Json<Page<Claim>>, ApiError> {
    let page = PageParams {
        limit: p.limit,
        offset: p.offset,
    }
    .checked()?;
    let (q, entity, source, document) = (
        given(&p.q),
        given(&p.entity),
        given(&p.source),
        given(&p.document),
    );
    let (since, until) = (day("since", &p.since)?, day("until", &p.until)?);
    let mut query = ClaimQuery {
        source: source.clone(),
        entity: entity.clone(),
        search: q.clone(),
        document: None,
        since: since.clone(),
        until: until.clone(),
        limit: Some(page.0),
        offset: page.1,
    };
    let prefix = document.clone();
    let (items, total) = state
        .readers
        .run(move |store| {
            if let Some(prefix) = &prefix {
                query.document = Some(store.resolve(prefix)?);
            }
            Ok((
                store.claims(&query)?,
                store.count_claims(&query, COUNT_CAP)?,
            ))
        })
        .await?;
    Ok(Json(Page::new(
        items,
        Total::Capped(total),
        page,
        "/api/mentions",
        &[
            ("q", q.as_deref()),
            ("entity", entity.as_deref()),
            ("source", source.as_deref()),
            ("document", document.as_deref()),
            ("since", since.as_deref()),
            ("until", until.as_deref()),
        ],
    )))
}
