//! The home page: search (full text, entity, source) and the recent documents.

use super::PageError;
use super::html::{Page, esc};
use crate::AppState;
use crate::api::{Params, given};
use axum::extract::State;
use hearsay_store::{Claim, ClaimQuery, DocQuery, DocSummary, Store};
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

/// What the home page shows.
struct Home {
    recent: Vec<DocSummary>,
    documents: Vec<DocSummary>,
    claims: Vec<Claim>,
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
    let home = state
        .readers
        .run(move |store| {
            let recent = store.documents(&DocQuery {
                limit: Some(SHOWN),
                ..DocQuery::default()
            })?;
            let (mut documents, mut claims) = (Vec::new(), Vec::new());
            if let Some(q) = query {
                let mut cq = ClaimQuery {
                    limit: Some(SHOWN),
                    ..ClaimQuery::default()
                };
                match scope {
                    "entity" => cq.entity = Some(q),
                    "source" => cq.source = Some(q),
                    _ => {
                        documents = store.documents(&DocQuery {
                            search: Some(q.clone()),
                            limit: Some(SHOWN),
                            ..DocQuery::default()
                        })?;
                        cq.search = Some(q);
                    }
                }
                claims = store.claims(&cq)?;
            }
            Ok(Home {
                recent,
                documents,
                claims,
            })
        })
        .await?;
    let mut body = String::new();
    if let Some(q) = &q {
        let _ = write!(body, "<h1>Results for “{}”</h1>", esc(q));
        if scope == "text" {
            body.push_str("<section><h2>Documents</h2>");
            body.push_str(&doc_list(&home.documents));
            body.push_str("</section>");
        }
        body.push_str("<section><h2>Claims</h2>");
        body.push_str(&claim_list(&home.claims));
        body.push_str("</section>");
    } else {
        body.push_str("<h1>Who claims what, on whose authority</h1>");
    }
    body.push_str("<section><h2>Recent documents</h2>");
    body.push_str(&doc_list(&home.recent));
    body.push_str("</section>");
    let mut page = Page::new(q.clone().unwrap_or_else(|| "Claims".into()), body);
    page.search = q.map(|q| (q, scope.to_string()));
    Ok(page)
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

/// A list of claims, each linked to its place in its article.
fn claim_list(claims: &[Claim]) -> String {
    if claims.is_empty() {
        return "<p class=\"empty\">None.</p>".into();
    }
    let mut out = String::from("<ul class=\"found-claims\">");
    for c in claims {
        let source = c
            .source
            .as_ref()
            .map(|s| s.span.text.as_str())
            .unwrap_or("(no source)");
        let content: Vec<&str> = c.content.iter().map(|s| s.text.as_str()).collect();
        let title = c.document.title.as_deref().unwrap_or("untitled");
        let _ = write!(
            out,
            "<li><span class=\"k-src\">{source}</span> <span class=\"k-cue\">{cue}</span> “{content}” \
             <a href=\"/documents/{doc}#claim-{id}\">{title}</a></li>",
            source = esc(source),
            cue = esc(&c.cue.span.text),
            content = esc(&content.join(" … ")),
            doc = esc(&c.document.id),
            id = esc(&c.id),
            title = esc(title),
        );
    }
    out.push_str("</ul>");
    out
}
