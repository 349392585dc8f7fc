//! The stored graph read page by page, for exports that must not hold it all.
//!
//! [`SqliteStore::graph_view`] opens a [`GraphView`]: one read transaction
//! (every page sees the same snapshot) over the part of the graph a
//! [`GraphFilter`] selects. Each list comes in pages in a fixed order (the
//! order of [`Store::graph`](crate::Store::graph)): a page is asked for with
//! the last row of the page before, so memory holds one page, whatever the
//! size of the graph.
//!
//! ```
//! use hearsay_store::{GraphFilter, SqliteStore};
//! let store = SqliteStore::open_in_memory().unwrap();
//! let view = store.graph_view(&GraphFilter::default()).unwrap();
//! assert!(view.claims(None, 100).unwrap().is_empty());
//! ```

use crate::graph::{read_claims, read_clusters, read_entities, read_timelines};
use crate::tags::untag;
use crate::{SqliteStore, StoreError};
use hearsay_resolve::{
    GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphOrigin, GraphRelation, GraphTimeline,
};
use rusqlite::{Connection, ToSql, params};

/// Which part of the graph to read. All given conditions must hold; an empty
/// filter selects the whole graph.
///
/// A filter selects claims; the view then holds those claims, the documents
/// their mentions are in, their origins, the entities their mentions and
/// origins name, their clusters (listing only the selected claims), the
/// relations between two selected claims and the timeline points of selected
/// claims.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphFilter {
    /// Claims about or by this entity: a linked entity whose name or any alias
    /// is this (case-insensitive) is the source, a via link or the origin of a
    /// mention, or is mentioned in its content.
    pub entity: Option<String>,
    /// Claims with a mention whose source text, or its entity's name, contains this (case-insensitive).
    pub source: Option<String>,
    /// Claims with a mention in a document published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Claims of this cluster (its id).
    pub cluster: Option<String>,
}

impl GraphFilter {
    /// True when it selects the whole graph.
    pub fn is_empty(&self) -> bool {
        self == &GraphFilter::default()
    }
}

/// A read of the stored graph, paged; see the [module docs](self).
pub struct GraphView<'c> {
    conn: &'c Connection,
    filtered: bool,
}

impl SqliteStore {
    /// Open a paged read of the part of the graph `filter` selects.
    pub fn graph_view(&self, filter: &GraphFilter) -> Result<GraphView<'_>, StoreError> {
        GraphView::open(self.connection(), filter)
    }
}

/// The temporary tables a filtered view reads through.
const SELECTION: &str = "
DROP TABLE IF EXISTS temp.export_claims;
DROP TABLE IF EXISTS temp.export_documents;
DROP TABLE IF EXISTS temp.export_entities;
DROP TABLE IF EXISTS temp.export_origins;
DROP TABLE IF EXISTS temp.export_clusters;
CREATE TEMP TABLE export_claims (id TEXT PRIMARY KEY, cluster TEXT NOT NULL) WITHOUT ROWID;
CREATE TEMP TABLE export_documents (seq INTEGER PRIMARY KEY);
CREATE TEMP TABLE export_entities (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE export_origins (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE export_clusters (id TEXT PRIMARY KEY) WITHOUT ROWID;
";

/// What the selected claims reach, once the claims are chosen.
const REACH: &str = "
INSERT OR IGNORE INTO temp.export_documents (seq)
    SELECT m.doc FROM graph_mentions m JOIN temp.export_claims s ON s.id = m.claim;
INSERT OR IGNORE INTO temp.export_origins (id)
    SELECT c.origin FROM graph_claims c JOIN temp.export_claims s ON s.id = c.id;
INSERT OR IGNORE INTO temp.export_clusters (id)
    SELECT cluster FROM temp.export_claims WHERE cluster <> '';
INSERT OR IGNORE INTO temp.export_entities (id)
    SELECT m.source_entity FROM graph_mentions m JOIN temp.export_claims s ON s.id = m.claim
    WHERE m.source_entity IS NOT NULL;
INSERT OR IGNORE INTO temp.export_entities (id)
    SELECT v.value FROM graph_mentions m JOIN temp.export_claims s ON s.id = m.claim,
        json_each(m.via) v;
INSERT OR IGNORE INTO temp.export_entities (id)
    SELECT o.entity FROM graph_origins o JOIN temp.export_origins s ON s.id = o.id
    WHERE o.entity IS NOT NULL;
";

impl<'c> GraphView<'c> {
    fn open(conn: &'c Connection, filter: &GraphFilter) -> Result<Self, StoreError> {
        conn.execute_batch("BEGIN DEFERRED")?;
        let view = GraphView {
            conn,
            filtered: !filter.is_empty(),
        };
        if view.filtered {
            conn.execute_batch(SELECTION)?;
            let (sql, args) = selection(filter)?;
            conn.execute(&sql, rusqlite::params_from_iter(args.iter()))?;
            conn.execute_batch(REACH)?;
        }
        Ok(view)
    }

    /// When the graph was last assessed (UTC, `YYYY-MM-DDTHH:MM:SSZ`): the
    /// latest change of a cluster's assessment, else the latest analysis;
    /// `None` for an empty store.
    pub fn assessed_at(&self) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row(
            "SELECT coalesce((SELECT max(at) FROM graph_history),
                             (SELECT max(analyzed_at) FROM documents))",
            [],
            |r| r.get(0),
        )?)
    }

    /// Documents after `after`, ordered by publication date (undated first), then id.
    pub fn documents(
        &self,
        after: Option<&GraphDocument>,
        limit: usize,
    ) -> Result<Vec<GraphDocument>, StoreError> {
        let mut sql = String::from(
            "SELECT id, url, path, title, outlet, published FROM documents d
             WHERE (published IS NOT NULL, coalesce(published, ''), id) > (?1, ?2, ?3)",
        );
        if self.filtered {
            sql.push_str(" AND d.seq IN (SELECT seq FROM temp.export_documents)");
        }
        sql.push_str(" ORDER BY published IS NOT NULL, coalesce(published, ''), id LIMIT ?4");
        let (dated, date, id) = match after {
            Some(d) => (
                d.published.is_some(),
                d.published.clone().unwrap_or_default(),
                d.id.clone(),
            ),
            None => (false, String::new(), String::new()),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![dated, date, id, limit as i64], document_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Entities after `after`, by id.
    pub fn entities(
        &self,
        after: Option<&GraphEntity>,
        limit: usize,
    ) -> Result<Vec<GraphEntity>, StoreError> {
        let from = if self.filtered {
            "temp.export_entities"
        } else {
            "graph_entities"
        };
        read_entities(
            self.conn,
            &format!("id IN (SELECT id FROM {from} WHERE id > ?1 ORDER BY id LIMIT ?2)"),
            &[&after.map_or("", |e| e.id.as_str()), &(limit as i64)],
        )
    }

    /// Origins after `after`, by id.
    pub fn origins(
        &self,
        after: Option<&GraphOrigin>,
        limit: usize,
    ) -> Result<Vec<GraphOrigin>, StoreError> {
        let from = if self.filtered {
            "temp.export_origins"
        } else {
            "graph_origins"
        };
        self.origins_where(
            &format!("id IN (SELECT id FROM {from} WHERE id > ?1 ORDER BY id LIMIT ?2)"),
            &[&after.map_or("", |o| o.id.as_str()), &(limit as i64)],
        )
    }

    /// Claims after `after`, by id, each with its mentions.
    pub fn claims(
        &self,
        after: Option<&GraphClaim>,
        limit: usize,
    ) -> Result<Vec<GraphClaim>, StoreError> {
        let from = if self.filtered {
            "temp.export_claims"
        } else {
            "graph_claims"
        };
        read_claims(
            self.conn,
            &format!("c.id IN (SELECT id FROM {from} WHERE id > ?1 ORDER BY id LIMIT ?2)"),
            &[&after.map_or("", |c| c.id.as_str()), &(limit as i64)],
        )
    }

    /// Clusters after `after`, by id; a filtered view lists only its claims in each.
    pub fn clusters(
        &self,
        after: Option<&GraphCluster>,
        limit: usize,
    ) -> Result<Vec<GraphCluster>, StoreError> {
        let from = if self.filtered {
            "temp.export_clusters"
        } else {
            "graph_clusters"
        };
        let mut clusters = read_clusters(
            self.conn,
            &format!("k.id IN (SELECT id FROM {from} WHERE id > ?1 ORDER BY id LIMIT ?2)"),
            &[&after.map_or("", |k| k.id.as_str()), &(limit as i64)],
        )?;
        if self.filtered {
            let mut selected = self
                .conn
                .prepare_cached("SELECT 1 FROM temp.export_claims WHERE id = ?1")?;
            for k in &mut clusters {
                let mut kept = Vec::with_capacity(k.claims.len());
                for c in k.claims.drain(..) {
                    if selected.exists([&c])? {
                        kept.push(c);
                    }
                }
                k.claims = kept;
            }
        }
        Ok(clusters)
    }

    /// Relations after `after`, ordered by `a`, `b`, type.
    pub fn relations(
        &self,
        after: Option<&GraphRelation>,
        limit: usize,
    ) -> Result<Vec<GraphRelation>, StoreError> {
        let mut sql = String::from(
            "SELECT a, b, type FROM graph_relations WHERE (a, b, type) > (?1, ?2, ?3)",
        );
        if self.filtered {
            sql.push_str(
                " AND a IN (SELECT id FROM temp.export_claims)
                  AND b IN (SELECT id FROM temp.export_claims)",
            );
        }
        sql.push_str(" ORDER BY a, b, type LIMIT ?4");
        let (a, b, kind) = match after {
            Some(r) => (r.a.clone(), r.b.clone(), crate::tags::tag(&r.kind)),
            None => (String::new(), String::new(), String::new()),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows: Vec<(String, String, String)> = stmt
            .query_map(params![a, b, kind, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(a, b, kind)| {
                Ok(GraphRelation {
                    a,
                    b,
                    kind: untag(&kind)?,
                })
            })
            .collect()
    }

    /// Timelines after `after`, by cluster id; a filtered view keeps the points of its claims.
    pub fn timelines(
        &self,
        after: Option<&GraphTimeline>,
        limit: usize,
    ) -> Result<Vec<GraphTimeline>, StoreError> {
        let (inner, outer) = if self.filtered {
            (
                " AND claim IN (SELECT id FROM temp.export_claims)",
                " AND p.claim IN (SELECT id FROM temp.export_claims)",
            )
        } else {
            ("", "")
        };
        read_timelines(
            self.conn,
            &format!(
                "p.cluster IN (SELECT DISTINCT cluster FROM graph_timeline_points
                     WHERE cluster > ?1{inner} ORDER BY cluster LIMIT ?2){outer}"
            ),
            &[&after.map_or("", |t| t.cluster.as_str()), &(limit as i64)],
        )
    }

    /// The claims with these ids (selected or not), in id order.
    pub fn claims_by_id(&self, ids: &[String]) -> Result<Vec<GraphClaim>, StoreError> {
        by_chunks(
            ids,
            |c: &GraphClaim| c.id.clone(),
            |list, args| read_claims(self.conn, &format!("c.id IN ({list})"), args),
        )
    }

    /// The origins with these ids, in id order.
    pub fn origins_by_id(&self, ids: &[String]) -> Result<Vec<GraphOrigin>, StoreError> {
        by_chunks(
            ids,
            |o: &GraphOrigin| o.id.clone(),
            |list, args| self.origins_where(&format!("id IN ({list})"), args),
        )
    }

    /// The entities with these ids, in id order.
    pub fn entities_by_id(&self, ids: &[String]) -> Result<Vec<GraphEntity>, StoreError> {
        by_chunks(
            ids,
            |e: &GraphEntity| e.id.clone(),
            |list, args| read_entities(self.conn, &format!("id IN ({list})"), args),
        )
    }

    /// The documents with these ids, in id order.
    pub fn documents_by_id(&self, ids: &[String]) -> Result<Vec<GraphDocument>, StoreError> {
        by_chunks(
            ids,
            |d: &GraphDocument| d.id.clone(),
            |list, args| {
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT id, url, path, title, outlet, published FROM documents
                 WHERE id IN ({list}) ORDER BY id"
                ))?;
                let rows = stmt.query_map(args, document_row)?;
                Ok(rows.collect::<Result<_, _>>()?)
            },
        )
    }

    /// Ids of the claims of the view with a mention in this document, in order.
    pub fn claims_of_document(&self, document: &str) -> Result<Vec<String>, StoreError> {
        let selected = if self.filtered {
            " AND m.claim IN (SELECT id FROM temp.export_claims)"
        } else {
            ""
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT DISTINCT m.claim FROM graph_mentions m JOIN documents d ON d.seq = m.doc
             WHERE d.id = ?1{selected} ORDER BY m.claim"
        ))?;
        let rows = stmt.query_map([document], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The cluster a claim belongs to.
    pub fn cluster_of(&self, claim: &str) -> Result<Option<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT cluster FROM graph_claims WHERE id = ?1")?;
        let mut rows = stmt.query([claim])?;
        Ok(match rows.next()? {
            Some(r) => Some(r.get::<_, String>(0)?).filter(|k| !k.is_empty()),
            None => None,
        })
    }

    fn origins_where(
        &self,
        filter: &str,
        args: &[&dyn ToSql],
    ) -> Result<Vec<GraphOrigin>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, description, kind, entity, reliability, reliability_reason, merged
             FROM graph_origins WHERE {filter} ORDER BY id"
        ))?;
        type Row = (
            String,
            String,
            String,
            Option<String>,
            String,
            String,
            String,
        );
        let rows: Vec<Row> = stmt
            .query_map(args, |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(
                |(id, description, kind, entity, reliability, reason, merged)| {
                    Ok(GraphOrigin {
                        id,
                        description,
                        kind: untag(&kind)?,
                        entity,
                        reliability,
                        reliability_reason: reason,
                        merged: serde_json::from_str(&merged)
                            .map_err(|e| StoreError::Corrupt(format!("stored graph value: {e}")))?,
                    })
                },
            )
            .collect()
    }
}

impl Drop for GraphView<'_> {
    fn drop(&mut self) {
        // Only reads happened in the main database: ending the transaction
        // either way is the same, and a failure leaves nothing to undo.
        let _ = self.conn.execute_batch("COMMIT");
    }
}

fn document_row(r: &rusqlite::Row) -> rusqlite::Result<GraphDocument> {
    Ok(GraphDocument {
        id: r.get(0)?,
        url: r.get(1)?,
        path: r.get(2)?,
        title: r.get(3)?,
        outlet: r.get(4)?,
        published: r.get(5)?,
    })
}

/// How many ids one lookup statement binds (far below SQLite's limit on parameters).
const CHUNK: usize = 500;

/// The rows with these ids, looked up `CHUNK` ids at a time by `lookup`
/// (given `?1, ?2, …` and the arguments), in id order.
fn by_chunks<T>(
    ids: &[String],
    id: impl Fn(&T) -> String,
    lookup: impl Fn(&str, &[&dyn ToSql]) -> Result<Vec<T>, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let list = (1..=chunk.len())
            .map(|n| format!("?{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let args: Vec<&dyn ToSql> = chunk.iter().map(|s| s as &dyn ToSql).collect();
        out.extend(lookup(&list, &args)?);
    }
    if ids.len() > CHUNK {
        out.sort_by_key(|x| id(x));
        out.dedup_by_key(|x| id(x));
    }
    Ok(out)
}

/// The statement that fills `temp.export_claims` with the claims `filter` selects.
fn selection(filter: &GraphFilter) -> Result<(String, Vec<String>), StoreError> {
    let mut sql = String::from(
        "INSERT INTO temp.export_claims (id, cluster) SELECT c.id, c.cluster FROM graph_claims c
         WHERE 1 = 1",
    );
    let mut args = Vec::new();
    if let Some(cluster) = &filter.cluster {
        args.push(cluster.clone());
        sql.push_str(&format!(" AND c.cluster = ?{}", args.len()));
    }
    if let Some(since) = &filter.since {
        args.push(since.clone());
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM graph_mentions m JOIN documents d ON d.seq = m.doc
                 WHERE m.claim = c.id AND d.published >= ?{})",
            args.len()
        ));
    }
    if let Some(source) = &filter.source {
        args.push(crate::sqlite::like_pattern(source)?);
        let n = args.len();
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM graph_mentions m WHERE m.claim = c.id
                 AND (m.source LIKE ?{n} ESCAPE '\\'
                      OR EXISTS (SELECT 1 FROM graph_entities e
                                 WHERE e.id = m.source_entity AND e.name LIKE ?{n} ESCAPE '\\')))"
        ));
    }
    if let Some(entity) = &filter.entity {
        args.push(entity.clone());
        let n = args.len();
        sql.push_str(&format!(
            " AND EXISTS (
                 WITH ents(id) AS (SELECT entity FROM graph_aliases WHERE alias = ?{n} COLLATE NOCASE)
                 SELECT 1 FROM graph_mentions m WHERE m.claim = c.id AND (
                     m.source_entity IN ents
                     OR EXISTS (SELECT 1 FROM json_each(m.via) v WHERE v.value IN ents)
                     OR EXISTS (SELECT 1 FROM graph_origins o WHERE o.id = c.origin AND o.entity IN ents)
                     OR EXISTS (SELECT 1 FROM attributions a
                                JOIN attribution_content ct ON ct.attribution = a.seq
                                JOIN mentions mm ON mm.doc = a.doc
                                     AND mm.start >= ct.start AND mm.\"end\" <= ct.\"end\"
                                JOIN graph_entity_members gm ON gm.doc = mm.doc AND gm.local = mm.entity_id
                                WHERE a.doc = m.doc AND a.id = m.attribution AND gm.entity IN ents)))"
        ));
    }
    Ok((sql, args))
}
