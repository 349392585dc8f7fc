//! Queries over the stored claim graph: pages of clusters, claims, entities
//! and sources, and one object with everything around it, for the CLI, the
//! server and the exports. Every list is bounded by its page size.

use crate::database::{json_list, like_pattern};
use crate::db::{Args, Param, refs};
use crate::graph::{read_claims, read_clusters, read_entities, read_timelines, relation_row};
use crate::{ClaimQuery, Database, Store, StoreError};
use hearsay_resolve::{
    GraphClaim, GraphCluster, GraphEntity, GraphOrigin, GraphRelation, GraphTimeline, Status,
};
use serde::Serialize;
use std::collections::BTreeSet;

/// Most items one page holds.
pub const MAX_PAGE: usize = 1000;

/// A page of a list, with the size of the whole list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items the whole list has.
    pub total: usize,
    /// Where this page starts in the list.
    pub offset: usize,
}

/// Which part of a list to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Items to skip.
    pub offset: usize,
    /// Items at most (capped at [`MAX_PAGE`]).
    pub limit: usize,
}

impl Default for Window {
    fn default() -> Self {
        Window {
            offset: 0,
            limit: 50,
        }
    }
}

impl Window {
    fn limit(&self) -> i64 {
        self.limit.min(MAX_PAGE) as i64
    }
}

/// Which clusters to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterQuery {
    /// Only clusters of this status.
    pub status: Option<Status>,
    /// Subject or explanation contains this (case-insensitive).
    pub search: Option<String>,
    /// The page.
    pub window: Window,
}

/// Which graph claims to list; all given conditions must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphClaimQuery {
    /// Mentions attributed to, through, or about this entity (its name or any alias).
    pub entity: Option<String>,
    /// Source text or source entity name contains this.
    pub source: Option<String>,
    /// FTS5 query over mention content and source.
    pub search: Option<String>,
    /// First published on or after this date.
    pub since: Option<String>,
    /// First published on or before this date.
    pub until: Option<String>,
    /// Only claims of this cluster.
    pub cluster: Option<String>,
    /// Only claims with a mention in this document.
    pub document: Option<hearsay_core::DocId>,
    /// The page.
    pub window: Window,
}

/// A past assessment of a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// When it was assessed (UTC).
    pub at: String,
    /// The document whose arrival moved it, if known.
    pub document: Option<String>,
    /// Status then.
    pub status: String,
    /// Credibility of the assessed claim then.
    pub credibility: Option<u8>,
    /// The assessed claim then.
    pub assessed_claim: Option<String>,
    /// Claims then.
    pub claims: usize,
}

/// A cluster with its claims, their origins, relations, timeline and history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterView {
    /// The cluster.
    pub cluster: GraphCluster,
    /// Its claims, with their mentions.
    pub claims: Vec<GraphClaim>,
    /// The origins of its claims.
    pub origins: Vec<GraphOrigin>,
    /// Relations between its claims.
    pub relations: Vec<GraphRelation>,
    /// The timeline of its figures, when it has one.
    pub timeline: Option<GraphTimeline>,
    /// Its assessments over time, oldest first.
    pub history: Vec<HistoryEntry>,
}

/// An entity with the claims it makes and those that pass through or name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityView {
    /// The entity.
    pub entity: GraphEntity,
    /// Claims whose origin is this entity (or a body it speaks for).
    pub claims_by: Vec<GraphClaim>,
    /// Other claims with a mention attributed to or through it, or naming it.
    pub claims_about: Vec<GraphClaim>,
}

/// A source with its record in the database.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceSummary {
    /// The origin, with its reliability and reason.
    #[serde(flatten)]
    pub origin: GraphOrigin,
    /// Claims it made.
    pub claims: usize,
    /// Articles its claims appear in.
    pub documents: usize,
    /// Its claims graded 1 or 2 (confirmed, probably true).
    pub upheld: usize,
    /// Its claims graded 4 or 5 (doubtful, improbable).
    pub disputed: usize,
}

/// What an id given on a command line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphObject {
    /// A document (full id).
    Document(hearsay_core::DocId),
    /// A claim.
    Claim(String),
    /// A cluster.
    Cluster(String),
    /// An entity.
    Entity(String),
    /// An origin.
    Origin(String),
}

impl Database {
    /// A page of clusters, contested and circular first, then by latest publication.
    pub fn graph_clusters(&self, q: &ClusterQuery) -> Result<Page<GraphCluster>, StoreError> {
        let db = self.db();
        let mut filter = String::from("1 = 1");
        let mut args: Args = Vec::new();
        if let Some(s) = q.status {
            filter.push_str(" AND k.status = ?");
            args.push(Box::new(s.as_str()));
        }
        if let Some(s) = &q.search {
            let op = db.like();
            filter.push_str(&format!(
                " AND (k.subject {op} ? ESCAPE '\\' OR k.explanation {op} ? ESCAPE '\\')"
            ));
            let like = like_pattern(s)?;
            args.push(Box::new(like.clone()));
            args.push(Box::new(like));
        }
        let total: i64 = db.query_one(
            &format!("SELECT COUNT(*) FROM graph_clusters k WHERE {filter}"),
            &refs(&args),
            |r| r.get(0),
        )?;
        let ids: Vec<String> = db.query(
            &format!(
                "SELECT k.id FROM graph_clusters k WHERE {filter}
                 ORDER BY CASE k.status WHEN 'contested' THEN 0 WHEN 'circular' THEN 1 ELSE 2 END,
                          k.last_published DESC NULLS LAST, k.claims DESC, k.id
                 LIMIT {} OFFSET {}",
                q.window.limit(),
                q.window.offset
            ),
            &refs(&args),
            |r| r.get(0),
        )?;
        let mut items = Vec::with_capacity(ids.len());
        for id in &ids {
            items.extend(read_clusters(db, "k.id = ?1", &[id])?);
        }
        Ok(Page {
            items,
            total: total as usize,
            offset: q.window.offset,
        })
    }

    /// A cluster with everything around it.
    pub fn graph_cluster(&self, id: &str) -> Result<ClusterView, StoreError> {
        let db = self.db();
        let cluster = read_clusters(db, "k.id = ?1", &[&id])?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let claims = read_claims(db, "c.cluster = ?1", &[&id])?;
        let origin_ids: BTreeSet<&str> = claims.iter().map(|c| c.origin.as_str()).collect();
        let mut origins = Vec::new();
        for o in origin_ids {
            origins.extend(self.origin(o)?);
        }
        let claim_ids: BTreeSet<&str> = claims.iter().map(|c| c.id.as_str()).collect();
        let mut relations = Vec::new();
        for a in &claim_ids {
            let from_a = db.query(
                "SELECT a, b, type FROM graph_relations WHERE a = ?1 ORDER BY b, type",
                &[a],
                relation_row,
            )?;
            relations.extend(
                from_a
                    .into_iter()
                    .filter(|r| claim_ids.contains(r.b.as_str())),
            );
        }
        let timeline = read_timelines(db, "p.cluster = ?1", &[&id])?
            .into_iter()
            .next();
        let history = db.query(
            "SELECT at, document, status, credibility, assessed_claim, claims FROM graph_history
             WHERE cluster = ?1 ORDER BY seq",
            &[&id],
            |r| {
                Ok(HistoryEntry {
                    at: r.get(0)?,
                    document: r.get(1)?,
                    status: r.get(2)?,
                    credibility: r.get::<Option<i64>>(3)?.map(|c| c as u8),
                    assessed_claim: r.get(4)?,
                    claims: r.get::<i64>(5)? as usize,
                })
            },
        )?;
        Ok(ClusterView {
            cluster,
            claims,
            origins,
            relations,
            timeline,
            history,
        })
    }

    /// One origin.
    pub fn origin(&self, id: &str) -> Result<Option<GraphOrigin>, StoreError> {
        Ok(crate::graph::read_origins(self.db(), "o.id = ?1", &[&id])?
            .into_iter()
            .next())
    }

    /// One claim, with the cluster it belongs to.
    pub fn graph_claim(&self, id: &str) -> Result<(GraphClaim, String), StoreError> {
        let db = self.db();
        let claim = read_claims(db, "c.id = ?1", &[&id])?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let cluster: String = db.query_one(
            "SELECT cluster FROM graph_claims WHERE id = ?1",
            &[&id],
            |r| r.get(0),
        )?;
        Ok((claim, cluster))
    }

    /// A page of graph claims matching a query, newest first.
    pub fn graph_claims(&self, q: &GraphClaimQuery) -> Result<Page<GraphClaim>, StoreError> {
        let db = self.db();
        let mut filter = String::from("1 = 1");
        let mut args: Args = Vec::new();
        if let Some(s) = &q.since {
            filter.push_str(" AND c.first_published >= ?");
            args.push(Box::new(s.clone()));
        }
        if let Some(u) = &q.until {
            filter.push_str(" AND c.first_published <= ?");
            args.push(Box::new(format!("{u}\u{10FFFF}")));
        }
        if let Some(k) = &q.cluster {
            filter.push_str(" AND c.cluster = ?");
            args.push(Box::new(k.clone()));
        }
        if q.entity.is_some() || q.source.is_some() || q.search.is_some() || q.document.is_some() {
            // The attribution layer answers these; its mentions name the graph claims.
            let found = self.claims(&ClaimQuery {
                source: q.source.clone(),
                entity: q.entity.clone(),
                search: q.search.clone(),
                document: q.document.clone(),
                limit: None,
                ..ClaimQuery::default()
            })?;
            let mut ids = BTreeSet::new();
            for c in &found {
                if let Some(id) = db.query_opt(
                    "SELECT m.claim FROM graph_mentions m JOIN documents d ON d.seq = m.doc
                     WHERE d.id = ?1 AND m.attribution = ?2",
                    &[&c.document.id, &c.id],
                    |r| r.get::<String>(0),
                )? {
                    ids.insert(id);
                }
            }
            if let Some(e) = &q.entity {
                // Claims whose origin is the entity, by any of its names.
                let by = db.query(
                    &format!(
                        "SELECT c.id FROM graph_claims c JOIN graph_origins o ON o.id = c.origin
                         WHERE o.entity IN (SELECT entity FROM graph_aliases WHERE {})",
                        db.eq_nocase("alias", "?1")
                    ),
                    &[e],
                    |r| r.get::<String>(0),
                )?;
                ids.extend(by);
            }
            filter.push_str(&format!(" AND c.id IN ({})", db.json_texts("?")));
            args.push(Box::new(json_list(&ids)));
        }
        let total: i64 = db.query_one(
            &format!("SELECT COUNT(*) FROM graph_claims c WHERE {filter}"),
            &refs(&args),
            |r| r.get(0),
        )?;
        let ids: Vec<String> = db.query(
            &format!(
                "SELECT c.id FROM graph_claims c WHERE {filter}
                 ORDER BY c.first_published DESC NULLS LAST, c.mentions DESC, c.id LIMIT {} OFFSET {}",
                q.window.limit(),
                q.window.offset
            ),
            &refs(&args),
            |r| r.get(0),
        )?;
        let mut items = Vec::with_capacity(ids.len());
        for id in &ids {
            items.extend(read_claims(db, "c.id = ?1", &[id])?);
        }
        Ok(Page {
            items,
            total: total as usize,
            offset: q.window.offset,
        })
    }

    /// A page of entities whose name or an alias contains `search` (all when `None`),
    /// the most documented first.
    pub fn graph_entities(
        &self,
        search: Option<&str>,
        window: Window,
    ) -> Result<Page<GraphEntity>, StoreError> {
        let db = self.db();
        let (filter, like) = match search {
            Some(s) => (
                format!(
                    "e.id IN (SELECT entity FROM graph_aliases WHERE alias {} ?1 ESCAPE '\\')",
                    db.like()
                ),
                Some(like_pattern(s)?),
            ),
            None => ("1 = 1".to_string(), None),
        };
        let args: Vec<&dyn Param> = like.iter().map(|l| l as &dyn Param).collect();
        let total: i64 = db.query_one(
            &format!("SELECT COUNT(*) FROM graph_entities e WHERE {filter}"),
            &args,
            |r| r.get(0),
        )?;
        let ids: Vec<String> = db.query(
            &format!(
                "SELECT e.id FROM graph_entities e WHERE {filter}
                 ORDER BY e.documents DESC, e.name, e.id LIMIT {} OFFSET {}",
                window.limit(),
                window.offset
            ),
            &args,
            |r| r.get(0),
        )?;
        let mut items = Vec::with_capacity(ids.len());
        for id in &ids {
            items.extend(read_entities(db, "id = ?1", &[id])?);
        }
        Ok(Page {
            items,
            total: total as usize,
            offset: window.offset,
        })
    }

    /// An entity with the claims by and about it (at most a page of each).
    pub fn graph_entity(&self, id: &str) -> Result<EntityView, StoreError> {
        let db = self.db();
        let entity = read_entities(db, "id = ?1", &[&id])?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let page = Window::default().limit();
        let by_ids: Vec<String> = db.query(
            &format!(
                "SELECT c.id FROM graph_claims c JOIN graph_origins o ON o.id = c.origin
                 WHERE o.entity = ?1 OR o.entity IN (SELECT affiliation FROM graph_entities WHERE id = ?1)
                 ORDER BY c.first_published DESC NULLS LAST, c.id LIMIT {page}"
            ),
            &[&id],
            |r| r.get(0),
        )?;
        let mut claims_by = Vec::new();
        for c in &by_ids {
            claims_by.extend(read_claims(db, "c.id = ?1", &[c])?);
        }
        let by: BTreeSet<&str> = claims_by.iter().map(|c| c.id.as_str()).collect();
        let like = format!("%\"{}\"%", id.replace('"', ""));
        let about_ids: Vec<String> = db.query(
            &format!(
                "SELECT DISTINCT claim FROM graph_mentions WHERE source_entity = ?1 OR via LIKE ?2
                 UNION SELECT DISTINCT gm.claim FROM graph_entity_members em
                   JOIN mentions m ON m.doc = em.doc AND m.entity_id = em.local
                   JOIN attributions a ON a.doc = m.doc
                   JOIN attribution_content ac ON ac.attribution = a.seq
                     AND m.start >= ac.start AND m.\"end\" <= ac.\"end\"
                   JOIN graph_mentions gm ON gm.doc = a.doc AND gm.attribution = a.id
                   WHERE em.entity = ?1
                 ORDER BY 1 LIMIT {}",
                page * 2
            ),
            &[&id, &like],
            |r| r.get(0),
        )?;
        let mut claims_about = Vec::new();
        for c in about_ids
            .iter()
            .filter(|c| !by.contains(c.as_str()))
            .take(page as usize)
        {
            claims_about.extend(read_claims(db, "c.id = ?1", &[c])?);
        }
        Ok(EntityView {
            entity,
            claims_by,
            claims_about,
        })
    }

    /// One source with its record.
    pub fn source(&self, id: &str) -> Result<Option<SourceSummary>, StoreError> {
        Ok(self
            .sources_where("o.id = ?1", &[&id], Window::default())?
            .items
            .into_iter()
            .next())
    }

    /// A page of sources (origins) with their record, the most prolific first.
    pub fn sources(
        &self,
        search: Option<&str>,
        window: Window,
    ) -> Result<Page<SourceSummary>, StoreError> {
        match search {
            Some(s) => {
                let like = like_pattern(s)?;
                self.sources_where(
                    &format!("o.description {} ?1 ESCAPE '\\'", self.db().like()),
                    &[&like],
                    window,
                )
            }
            None => self.sources_where("1 = 1", &[], window),
        }
    }

    fn sources_where(
        &self,
        filter: &str,
        args: &[&dyn Param],
        window: Window,
    ) -> Result<Page<SourceSummary>, StoreError> {
        let db = self.db();
        let total: i64 = db.query_one(
            &format!("SELECT COUNT(*) FROM graph_origins o WHERE {filter}"),
            args,
            |r| r.get(0),
        )?;
        let rows: Vec<(String, i64, i64, i64, i64)> = db.query(
            &format!(
                "SELECT o.id,
                    (SELECT COUNT(*) FROM graph_claims c WHERE c.origin = o.id) AS n,
                    (SELECT COUNT(DISTINCT m.doc) FROM graph_mentions m
                       JOIN graph_claims c ON c.id = m.claim WHERE c.origin = o.id),
                    (SELECT COUNT(*) FROM graph_claims c WHERE c.origin = o.id AND c.credibility <= 2),
                    (SELECT COUNT(*) FROM graph_claims c WHERE c.origin = o.id AND c.credibility IN (4, 5))
                 FROM graph_origins o WHERE {filter} ORDER BY n DESC, o.description, o.id LIMIT {} OFFSET {}",
                window.limit(),
                window.offset
            ),
            args,
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let mut items = Vec::with_capacity(rows.len());
        for (id, claims, documents, upheld, disputed) in rows {
            if let Some(origin) = self.origin(&id)? {
                items.push(SourceSummary {
                    origin,
                    claims: claims as usize,
                    documents: documents as usize,
                    upheld: upheld as usize,
                    disputed: disputed as usize,
                });
            }
        }
        Ok(Page {
            items,
            total: total as usize,
            offset: window.offset,
        })
    }

    /// Timelines whose subject contains `subject` (case-insensitive), or the
    /// timeline of the cluster with that id.
    pub fn timelines(&self, subject: &str) -> Result<Vec<GraphTimeline>, StoreError> {
        let db = self.db();
        let by_cluster = read_timelines(db, "p.cluster = ?1", &[&subject])?;
        if !by_cluster.is_empty() {
            return Ok(by_cluster);
        }
        let like = like_pattern(subject)?;
        let mut found = read_timelines(
            db,
            &format!("p.subject {} ?1 ESCAPE '\\'", db.like()),
            &[&like],
        )?;
        found.truncate(MAX_PAGE);
        Ok(found)
    }

    /// The names of these entities, by id.
    pub fn entity_names(
        &self,
        ids: impl IntoIterator<Item = String>,
    ) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let db = self.db();
        let mut out = std::collections::HashMap::new();
        for id in ids {
            if let Some(n) = db.query_opt(
                "SELECT name FROM graph_entities WHERE id = ?1",
                &[&id],
                |r| r.get::<String>(0),
            )? {
                out.insert(id, n);
            }
        }
        Ok(out)
    }

    /// The outlet of each of these documents that has one, by document id.
    pub fn outlets(
        &self,
        docs: impl IntoIterator<Item = String>,
    ) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let db = self.db();
        let mut out = std::collections::HashMap::new();
        for id in docs {
            if let Some(Some(o)) =
                db.query_opt("SELECT outlet FROM documents WHERE id = ?1", &[&id], |r| {
                    r.get::<Option<String>>(0)
                })?
            {
                out.insert(id, o);
            }
        }
        Ok(out)
    }

    /// What an id (or the first digits of one) names: a document, claim,
    /// cluster, entity or origin.
    pub fn find(&self, prefix: &str) -> Result<GraphObject, StoreError> {
        let db = self.db();
        let p = prefix.trim();
        let past = format!("{p}g");
        let mut found: Vec<GraphObject> = Vec::new();
        for (table, make) in [
            (
                "graph_claims",
                GraphObject::Claim as fn(String) -> GraphObject,
            ),
            ("graph_clusters", GraphObject::Cluster),
            ("graph_entities", GraphObject::Entity),
            ("graph_origins", GraphObject::Origin),
        ] {
            let ids = db.query(
                &format!("SELECT id FROM {table} WHERE id >= ?1 AND id < ?2 LIMIT 2"),
                &[&p, &past],
                |r| r.get::<String>(0),
            )?;
            found.extend(ids.into_iter().map(make));
        }
        match self.resolve(p) {
            Ok(doc) => found.push(GraphObject::Document(doc)),
            Err(StoreError::NotFound(_)) => {}
            Err(e) if found.is_empty() => return Err(e),
            Err(_) => found.push(GraphObject::Document(hearsay_core::DocId::from_hex(
                String::new(),
            ))),
        }
        match found.len() {
            0 => Err(StoreError::NotFound(prefix.to_string())),
            1 => Ok(found.pop().expect("one")),
            n => Err(StoreError::Ambiguous {
                prefix: prefix.to_string(),
                count: n,
            }),
        }
    }
}
