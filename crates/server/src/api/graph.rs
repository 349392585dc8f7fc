//! The claim graph across articles: claims, clusters, entities, sources,
//! timelines and the whole graph, in the vocabulary of `hearsay.graph/1`
//! (docs/FORMAT.md) and of the CLI's `--json` output.

use super::{Params, day, given};
use crate::paging::{Page, PageParams, Total};
use crate::{ApiError, AppState};
use axum::Json;
use axum::extract::{Path, State};
use hearsay_resolve::{
    GRAPH_SCHEMA, Graph, GraphClaim, GraphCluster, GraphEntity, GraphTimeline, Status,
};
use hearsay_store::{
    ClusterQuery, ClusterView, EntityView, GraphClaimQuery, SourceSummary, Store, StoreError,
    Window,
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The window of a checked page.
fn window((limit, offset): (usize, usize)) -> Window {
    Window { offset, limit }
}

/// A store page as an API page.
fn paged<T>(
    page: hearsay_store::Page<T>,
    checked: (usize, usize),
    path: &str,
    query: &[(&str, Option<&str>)],
) -> Page<T> {
    Page::new(page.items, Total::Exact(page.total), checked, path, query)
}

/// Parameters of the claim list; all given conditions must hold.
#[derive(Debug, Deserialize)]
pub struct ClaimParams {
    /// Full-text search over the mentions' content and source (FTS5 syntax).
    q: Option<String>,
    /// Claims made by, passed through, or naming this entity (its name or any alias).
    entity: Option<String>,
    /// Text in a mention's source or its entity's name.
    source: Option<String>,
    /// First published on or after this day.
    since: Option<String>,
    /// First published on or before this day.
    until: Option<String>,
    /// Only claims of this cluster.
    cluster: Option<String>,
    /// Only claims with a mention in this document (an id or its first digits).
    document: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /api/claims?q=&entity=&source=&since=&until=&cluster=&document=`: claims across articles, newest first.
pub async fn claims(
    State(state): State<Arc<AppState>>,
    Params(p): Params<ClaimParams>,
) -> Result<Json<Page<GraphClaim>>, ApiError> {
    let checked = PageParams {
        limit: p.limit,
        offset: p.offset,
    }
    .checked()?;
    let mut query = GraphClaimQuery {
        entity: given(&p.entity),
        source: given(&p.source),
        search: given(&p.q),
        since: day("since", &p.since)?,
        until: day("until", &p.until)?,
        cluster: given(&p.cluster),
        document: None,
        window: window(checked),
    };
    let document = given(&p.document);
    let q = query.clone();
    let prefix = document.clone();
    let page = state
        .readers
        .run(move |store| {
            if let Some(prefix) = &prefix {
                query.document = Some(store.resolve(prefix)?);
            }
            Ok(store.graph_claims(&query)?)
        })
        .await?;
    Ok(Json(paged(
        page,
        checked,
        "/api/claims",
        &[
            ("q", q.search.as_deref()),
            ("entity", q.entity.as_deref()),
            ("source", q.source.as_deref()),
            ("since", q.since.as_deref()),
            ("until", q.until.as_deref()),
            ("cluster", q.cluster.as_deref()),
            ("document", document.as_deref()),
        ],
    )))
}

/// A claim with the cluster it belongs to (as `hearsay show CLAIM --json`).
#[derive(Debug, Serialize)]
pub struct ClaimView {
    /// The claim, with its mentions.
    claim: GraphClaim,
    /// Its cluster's id.
    cluster: String,
}

/// `GET /api/claims/{id}`.
pub async fn claim(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<ClaimView>, ApiError> {
    let (claim, cluster) = state
        .readers
        .run(move |store| store.graph_claim(&id).map_err(not_found("claim")))
        .await?;
    Ok(Json(ClaimView { claim, cluster }))
}

/// A store's "not found" said of the kind of object asked for.
fn not_found(what: &'static str) -> impl Fn(StoreError) -> ApiError {
    move |e| match e {
        StoreError::NotFound(id) => ApiError::NotFound(format!("no {what} {id:?}")),
        e => e.into(),
    }
}

/// Parameters of the cluster list.
#[derive(Debug, Deserialize)]
pub struct ClusterParams {
    /// Only clusters of this status.
    status: Option<String>,
    /// Subject or explanation contains this.
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// The status a parameter names.
fn status(s: &str) -> Result<Status, ApiError> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|_| {
        ApiError::BadRequest(format!(
            "status must be one of contested, corroborated, updated, circular, single; not {s:?}"
        ))
    })
}

/// `GET /api/clusters?status=&q=`: clusters, contested and circular first.
pub async fn clusters(
    State(state): State<Arc<AppState>>,
    Params(p): Params<ClusterParams>,
) -> Result<Json<Page<GraphCluster>>, ApiError> {
    let checked = PageParams {
        limit: p.limit,
        offset: p.offset,
    }
    .checked()?;
    let status_given = given(&p.status);
    let query = ClusterQuery {
        status: status_given.as_deref().map(status).transpose()?,
        search: given(&p.q),
        window: window(checked),
    };
    let search = query.search.clone();
    let page = state
        .readers
        .run(move |store| Ok(store.graph_clusters(&query)?))
        .await?;
    Ok(Json(paged(
        page,
        checked,
        "/api/clusters",
        &[
            ("status", status_given.as_deref()),
            ("q", search.as_deref()),
        ],
    )))
}

/// `GET /api/clusters/{id}`: the cluster, its claims, origins, relations, timeline and history.
pub async fn cluster(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<ClusterView>, ApiError> {
    Ok(Json(
        state
            .readers
            .run(move |store| store.graph_cluster(&id).map_err(not_found("cluster")))
            .await?,
    ))
}

/// Parameters of the entity and source lists.
#[derive(Debug, Deserialize)]
pub struct SearchParams {
    /// A name, an alias or a description contains this.
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /api/entities?q=`: entities, the most documented first.
pub async fn entities(
    State(state): State<Arc<AppState>>,
    Params(p): Params<SearchParams>,
) -> Result<Json<Page<GraphEntity>>, ApiError> {
    let checked = PageParams {
        limit: p.limit,
        offset: p.offset,
    }
    .checked()?;
    let q = given(&p.q);
    let search = q.clone();
    let page = state
        .readers
        .run(move |store| Ok(store.graph_entities(search.as_deref(), window(checked))?))
        .await?;
    Ok(Json(paged(
        page,
        checked,
        "/api/entities",
        &[("q", q.as_deref())],
    )))
}

/// `GET /api/entities/{id}`: the entity with the claims by and about it.
pub async fn entity(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<EntityView>, ApiError> {
    Ok(Json(
        state
            .readers
            .run(move |store| store.graph_entity(&id).map_err(not_found("entity")))
            .await?,
    ))
}

/// `GET /api/sources?q=`: the origins with their reliability and record, the most prolific first.
pub async fn sources(
    State(state): State<Arc<AppState>>,
    Params(p): Params<SearchParams>,
) -> Result<Json<Page<SourceSummary>>, ApiError> {
    let checked = PageParams {
        limit: p.limit,
        offset: p.offset,
    }
    .checked()?;
    let q = given(&p.q);
    let search = q.clone();
    let page = state
        .readers
        .run(move |store| Ok(store.sources(search.as_deref(), window(checked))?))
        .await?;
    Ok(Json(paged(
        page,
        checked,
        "/api/sources",
        &[("q", q.as_deref())],
    )))
}

/// `GET /api/sources/{id}`: one origin with its record.
pub async fn source(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<SourceSummary>, ApiError> {
    let found = state
        .readers
        .run(move |store| {
            Ok(store
                .source(&id)?
                .ok_or(ApiError::NotFound(format!("no source {id:?}"))))
        })
        .await??;
    Ok(Json(found))
}

/// Paging of the timeline list.
#[derive(Debug, Deserialize)]
pub struct TimelineParams {
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /api/timelines/{subject}`: the timelines whose subject contains
/// `subject`, or the timeline of the cluster with that id.
pub async fn timelines(
    State(state): State<Arc<AppState>>,
    Path(subject): Path<String>,
    Params(p): Params<TimelineParams>,
) -> Result<Json<Page<GraphTimeline>>, ApiError> {
    let checked = PageParams {
        limit: p.limit,
        offset: p.offset,
    }
    .checked()?;
    let path = format!("/api/timelines/{}", crate::paging::encode(&subject));
    let all = state
        .readers
        .run(move |store| Ok(store.timelines(&subject)?))
        .await?;
    let total = all.len();
    let items = all.into_iter().skip(checked.1).take(checked.0).collect();
    Ok(Json(Page::new(
        items,
        Total::Exact(total),
        checked,
        &path,
        &[],
    )))
}

/// The graph export: `hearsay export --format graph`.
#[derive(Serialize)]
pub struct GraphExport {
    schema: &'static str,
    #[serde(flatten)]
    graph: Graph,
}

/// `GET /api/export/graph`: the whole graph, `hearsay.graph/1`.
pub async fn export_graph(
    State(state): State<Arc<AppState>>,
) -> Result<Json<GraphExport>, ApiError> {
    let graph = state.readers.run(|store| Ok(store.graph()?)).await?;
    Ok(Json(GraphExport {
        schema: GRAPH_SCHEMA,
        graph,
    }))
}
