//! The home page: search (full text, entity, source), contested and circular
//! clusters first, and the recent documents.

use super::PageError;
use super::entity::claim_list;
use super::html::{Page, esc, label};
use crate::AppState;
use crate::api::{Params, given};
use axum::extract::State;
use hearsay_resolve::{GraphClaim, GraphCluster, GraphEntity};
use hearsay_store::{
    ClusterQuery, DocQuery, DocSummary, GraphClaimQuery, SourceSummary, Store, Window,
};
use serde::Deserialize;
use std::fmt::Write;
use std::sync::Arc;

/// How many of each list the home page shows.
const SHOWN: usize = 20;

/// The search box's parameters.
#[derive(Debug, Deserialize)]
pub struct Search {
    q: Option<String>,
    #[serde(rename = "in")]
    scope: Option<String>,
}

/// What the search found.
#[derive(Default)]
struct Found {
    documents: Vec<DocSummary>,
    claims: Vec<GraphClaim>,
    claims_total: usize,
    entities: Vec<GraphEntity>,
    sources: Vec<SourceSummary>,
}

/// What the home page shows.
struct Home {
    clusters: Vec<GraphCluster>,
    clusters_total: usize,
    recent: Vec<DocSummary>,
    found: Option<Found>,
}

/// `GET /?q=&in=text|entity|source`.
pub async fn home(
    State(state): State<Arc<AppState>>,
    Params(search): Params<Search>,
) -> Result<Page, PageError> {
    let q = given(&search.q);
    let scope = match search.scope.as_deref() {
        Some("entity") => "entity",
        Some("source") => "source",
        _ => "text",
    };
    let query = q.clone();
    let window = Window {
        offset: 0,
        limit: SHOWN,
    };
    let home = state
        .readers
        .run(move |store| {
            let clusters = store.graph_clusters(&ClusterQuery {
                window,
                ..ClusterQuery::default()
            })?;
            let recent = store.documents(&DocQuery {
                limit: Some(SHOWN),
                ..DocQuery::default()
            })?;
            let found = match query {
                None => None,
                Some(q) => {
                    let mut found = Found::default();
                    let mut cq = GraphClaimQuery {
                        window,
                        ..GraphClaimQuery::default()
                    };
                    match scope {
                        "entity" => {
                            found.entities = store.graph_entities(Some(&q), window)?.items;
                            cq.entity = Some(q);
                        }
                        "source" => {
                            found.sources = store.sources(Some(&q), window)?.items;
                            cq.source = Some(q);
                        }
                        _ => {
                            found.documents = store.documents(&DocQuery {
                                search: Some(q.clone()),
                                limit: Some(SHOWN),
                                ..DocQuery::default()
                            })?;
                            cq.search = Some(q);
                        }
                    }
                    let claims = store.graph_claims(&cq)?;
                    found.claims = claims.items;
                    found.claims_total = claims.total;
                    Some(found)
                }
            };
            Ok(Home {
                clusters_total: clusters.total,
                clusters: clusters.items,
                recent,
                found,
            })
        })
        .await?;
    let mut body = String::new();
    match (&q, &home.found) {
        (Some(q), Some(found)) => {
            let _ = write!(body, "<h1>Results for “{}”</h1>", esc(q));
            if scope == "text" {
                let _ = write!(
                    body,
                    "<section><h2>Documents</h2>{}</section>",
                    doc_list(&found.documents)
                );
            }
            if scope == "entity" {
                let _ = write!(
                    body,
                    "<section><h2>Entities</h2>{}</section>",
                    entity_list(&found.entities)
                );
            }
            if scope == "source" {
                let _ = write!(
                    body,
                    "<section><h2>Sources</h2>{}</section>",
                    source_list(&found.sources)
                );
            }
            let _ = write!(
                body,
                "<section><h2>Claims ({})</h2>{}</section>",
                found.claims_total,
                claim_list(&found.claims)
            );
        }
        _ => body.push_str("<h1>Who claims what, on whose authority</h1>"),
    }
    body.push_str("<div class=\"home\">");
    let _ = write!(
        body,
        "<section><h2>Clusters: contested and circular first</h2><p class=\"meta\">{} of {} clusters · \
         <a href=\"/api/clusters\">all, as JSON</a></p>{}</section>",
        home.clusters.len(),
        home.clusters_total,
        cluster_list(&home.clusters)
    );
    let _ = write!(
        body,
        "<section><h2>Recent documents</h2>{}</section></div>",
        doc_list(&home.recent)
    );
    let mut page = Page::new(q.clone().unwrap_or_else(|| "Claims".into()), body);
    page.search = q.map(|q| (q, scope.to_string()));
    Ok(page)
}

/// Clusters with their status, size and explanation.
fn cluster_list(clusters: &[GraphCluster]) -> String {
    if clusters.is_empty() {
        return "<p class=\"empty\">None yet.</p>".into();
    }
    let mut out = String::from("<ul class=\"clusters\">");
    for k in clusters {
        let _ = write!(
            out,
            "<li><span class=\"status {s}\">{s}</span> <a href=\"/clusters/{id}\">{subject}</a> \
             <span class=\"meta\">{n} claims · {o} origins</span><br><span class=\"meta why\">{why}</span></li>",
            s = k.status.as_str(),
            id = esc(&k.id),
            subject = esc(&k.subject),
            n = k.claims.len(),
            o = k.independent_origins,
            why = esc(&k.explanation),
        );
    }
    out.push_str("</ul>");
    out
}

/// A list of documents, linked to their pages.
fn doc_list(docs: &[DocSummary]) -> String {
    if docs.is_empty() {
        return "<p class=\"empty\">None.</p>".into();
    }
    let mut out = String::from("<ul class=\"docs\">");
    for d in docs {
        let title = d.title.clone().unwrap_or_else(|| d.id[..12].to_string());
        let meta: Vec<String> = [d.outlet.as_deref(), d.published.as_deref()]
            .into_iter()
            .flatten()
            .map(esc)
            .collect();
        let _ = write!(
            out,
            "<li><a href=\"/documents/{id}\">{title}</a> <span class=\"meta\">{meta}{sep}{n} claims</span></li>",
            id = esc(&d.id),
            title = esc(&title),
            meta = meta.join(" · "),
            sep = if meta.is_empty() { "" } else { " · " },
            n = d.claims,
        );
    }
    out.push_str("</ul>");
    out
}

/// Entities, linked to their pages.
fn entity_list(entities: &[GraphEntity]) -> String {
    if entities.is_empty() {
        return "<p class=\"empty\">None.</p>".into();
    }
    let mut out = String::from("<ul class=\"plain\">");
    for e in entities {
        let _ = write!(
            out,
            "<li><a href=\"/entities/{id}\">{name}</a> <span class=\"meta\">{kind} · {n} documents</span></li>",
            id = esc(&e.id),
            name = esc(&e.name),
            kind = label(&e.kind),
            n = e.documents,
        );
    }
    out.push_str("</ul>");
    out
}

/// Sources, linked to their pages.
fn source_list(sources: &[SourceSummary]) -> String {
    if sources.is_empty() {
        return "<p class=\"empty\">None.</p>".into();
    }
    let mut out = String::from("<ul class=\"plain\">");
    for s in sources {
        let _ = write!(
            out,
            "<li><a href=\"/sources/{id}\">{d}</a> <span class=\"grade\">{r}</span> <span class=\"meta\">{n} claims</span></li>",
            id = esc(&s.origin.id),
            d = esc(&s.origin.description),
            r = esc(&s.origin.reliability),
            n = s.claims,
        );
    }
    out.push_str("</ul>");
    out
}
