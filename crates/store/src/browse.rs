//! Queries for browsing the graph (the server's pages): where a document's
//! attributions went, the documents behind mentions, the claims of an
//! origin, the cluster of each claim. Each is bounded by what it is given or
//! by its page.

use crate::graph::read_claims;
use crate::{Database, Page, StoreError, Window};
use hearsay_core::DocId;
use hearsay_resolve::{GraphClaim, Status};
use serde::Serialize;
use std::collections::HashMap;

/// One attribution of a document, as a mention of a graph claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionLink {
    /// The attribution's id in the document.
    pub attribution: String,
    /// The claim it is a mention of.
    pub claim: String,
    /// The claim's cluster.
    pub cluster: String,
    /// What the cluster is about.
    pub subject: String,
    /// The cluster's status.
    pub status: Status,
    /// The claim's Admiralty credibility, 1–6.
    pub credibility: Option<u8>,
}

/// What a page shows of a document it links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocHead {
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

impl Database {
    /// The graph claim and cluster of each attribution of the document `id`
    /// that the graph holds, in attribution order (at most one per attribution).
    pub fn mention_links(&self, id: &DocId) -> Result<Vec<MentionLink>, StoreError> {
        self.db().query(
            "SELECT m.attribution, m.claim, c.cluster, k.subject, k.status, c.credibility
             FROM graph_mentions m
             JOIN documents d ON d.seq = m.doc
             JOIN graph_claims c ON c.id = m.claim
             JOIN graph_clusters k ON k.id = c.cluster
             WHERE d.id = ?1
             ORDER BY (SELECT a.n FROM attributions a WHERE a.doc = m.doc AND a.id = m.attribution)",
            &[&id.as_str()],
            |r| {
                Ok(MentionLink {
                    attribution: r.get(0)?,
                    claim: r.get(1)?,
                    cluster: r.get(2)?,
                    subject: r.get(3)?,
                    status: crate::tags::untag(&r.get::<String>(4)?)?,
                    credibility: r.get::<Option<i64>>(5)?.map(|c| c as u8),
                })
            },
        )
    }

    /// The title, outlet and date of each of these documents that is stored, by id.
    pub fn document_heads(
        &self,
        ids: impl IntoIterator<Item = String>,
    ) -> Result<HashMap<String, DocHead>, StoreError> {
        let db = self.db();
        let mut out = HashMap::new();
        for id in ids {
            if let Some(head) = db.query_opt(
                "SELECT title, outlet, published FROM documents WHERE id = ?1",
                &[&id],
                |r| {
                    Ok(DocHead {
                        title: r.get(0)?,
                        outlet: r.get(1)?,
                        published: r.get(2)?,
                    })
                },
            )? {
                out.insert(id, head);
            }
        }
        Ok(out)
    }

    /// The cluster of each of these claims that is stored, by claim id.
    pub fn claim_clusters(
        &self,
        ids: impl IntoIterator<Item = String>,
    ) -> Result<HashMap<String, String>, StoreError> {
        let db = self.db();
        let mut out = HashMap::new();
        for id in ids {
            if let Some(cluster) = db.query_opt(
                "SELECT cluster FROM graph_claims WHERE id = ?1",
                &[&id],
                |r| r.get::<String>(0),
            )? {
                out.insert(id, cluster);
            }
        }
        Ok(out)
    }

    /// A page of the claims the origin `id` made, newest first.
    pub fn origin_claims(&self, id: &str, window: Window) -> Result<Page<GraphClaim>, StoreError> {
        let db = self.db();
        let total: i64 = db.query_one(
            "SELECT COUNT(*) FROM graph_claims WHERE origin = ?1",
            &[&id],
            |r| r.get(0),
        )?;
        let ids: Vec<String> = db.query(
            "SELECT id FROM graph_claims WHERE origin = ?1
             ORDER BY first_published DESC NULLS LAST, id LIMIT ?2 OFFSET ?3",
            &[
                &id,
                &(window.limit.min(crate::MAX_PAGE) as i64),
                &(window.offset as i64),
            ],
            |r| r.get(0),
        )?;
        let mut items = Vec::with_capacity(ids.len());
        for c in &ids {
            items.extend(read_claims(db, "c.id = ?1", &[c])?);
        }
        Ok(Page {
            items,
            total: total as usize,
            offset: window.offset,
        })
    }
}
