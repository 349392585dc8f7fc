//! The stored graph read page by page, for exports that must not hold it all.
//!
//! [`Database::graph_view`] opens a [`GraphView`]: one read transaction
//! (every page sees the same snapshot; `REPEATABLE READ` on PostgreSQL) over the part of the graph a
//! [`GraphFilter`] selects. Each list comes in pages in a fixed order (the
//! order of [`Store::graph`](crate::Store::graph)): a page is asked for with
//! the last row of the page before, so memory holds one page, whatever the
//! size of the graph.
//!
//! ```
//! use hearsay_store::{Database, GraphFilter};
//! let store = Database::open_in_memory().unwrap();
//! let view = store.graph_view(&GraphFilter::default()).unwrap();
//! assert!(view.claims(None, 100).unwrap().is_empty());
//! ```

use crate::database::like_pattern;
use crate::db::{Db, Param};
use crate::graph::{
    document_row, read_claims, read_clusters, read_entities, read_origins, read_timelines,
    relation_row,
};
use crate::{Database, StoreError};
use hearsay_resolve::{
    GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphOrigin, GraphRelation, GraphTimeline,
};

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
    db: Db<'c>,
    filtered: bool,
}

impl Database {
    /// Open a paged read of the part of the graph `filter` selects.
    pub fn graph_view(&self, filter: &GraphFilter) -> Result<GraphView<'_>, StoreError> {
        GraphView::open(self.db(), filter)
    }
}

/// The temporary tables a filtered view reads through (dropped with the
/// view's transaction on PostgreSQL, before the next view on SQLite).
fn selection_tables(db: Db<'_>) -> String {
    let t = db.temp();
    let mut sql = String::new();
    for table in [
        "export_claims",
        "export_documents",
        "export_entities",
        "export_origins",
        "export_clusters",
    ] {
        sql.push_str(&format!("DROP TABLE IF EXISTS {t}.{table};\n"));
    }
    let (text, key, end) = if db.is_postgres() {
        ("TEXT COLLATE \"C\"", "BIGINT", " ON COMMIT DROP")
    } else {
        ("TEXT", "INTEGER", " WITHOUT ROWID")
    };
    let rowid_end = if db.is_postgres() { end } else { "" };
    sql.push_str(&format!(
        "CREATE TEMP TABLE export_claims (id {text} PRIMARY KEY, cluster {text} NOT NULL){end};
         CREATE TEMP TABLE export_documents (seq {key} PRIMARY KEY){rowid_end};
         CREATE TEMP TABLE export_entities (id {text} PRIMARY KEY){end};
         CREATE TEMP TABLE export_origins (id {text} PRIMARY KEY){end};
         CREATE TEMP TABLE export_clusters (id {text} PRIMARY KEY){end};"
    ));
    sql
}

/// What the selected claims reach, once the claims are chosen.
fn reach(db: Db<'_>) -> String {
    let t = db.temp();
    let via = db.json_table("m.via", "v");
    format!(
        "INSERT INTO {t}.export_documents (seq)
            SELECT m.doc FROM graph_mentions m JOIN {t}.export_claims s ON s.id = m.claim
            WHERE true ON CONFLICT DO NOTHING;
        INSERT INTO {t}.export_origins (id)
            SELECT c.origin FROM graph_claims c JOIN {t}.export_claims s ON s.id = c.id
            WHERE true ON CONFLICT DO NOTHING;
        INSERT INTO {t}.export_clusters (id)
            SELECT cluster FROM {t}.export_claims WHERE cluster <> '' ON CONFLICT DO NOTHING;
        INSERT INTO {t}.export_entities (id)
            SELECT m.source_entity FROM graph_mentions m JOIN {t}.export_claims s ON s.id = m.claim
            WHERE m.source_entity IS NOT NULL ON CONFLICT DO NOTHING;
        INSERT INTO {t}.export_entities (id)
            SELECT v.value FROM graph_mentions m JOIN {t}.export_claims s ON s.id = m.claim, {via}
            WHERE true ON CONFLICT DO NOTHING;
        INSERT INTO {t}.export_entities (id)
            SELECT o.entity FROM graph_origins o JOIN {t}.export_origins s ON s.id = o.id
            WHERE o.entity IS NOT NULL ON CONFLICT DO NOTHING;"
    )
}

impl<'c> GraphView<'c> {
    fn open(db: Db<'c>, filter: &GraphFilter) -> Result<Self, StoreError> {
        db.begin_read()?;
        let view = GraphView {
            db,
            filtered: !filter.is_empty(),
        };
        if view.filtered {
            db.batch(&selection_tables(db))?;
            let (sql, args) = selection(db, filter)?;
            let args: Vec<&dyn Param> = args.iter().map(|a| a as &dyn Param).collect();
            db.execute(&sql, &args)?;
            db.batch(&reach(db))?;
        }
        Ok(view)
    }

    /// The temporary table a filtered view reads `table` through, else `table`.
    fn from(&self, table: &'static str, selected: &'static str) -> String {
        if self.filtered {
            format!("{}.{selected}", self.db.temp())
        } else {
            table.to_string()
        }
    }

    /// When the graph was last assessed (UTC, `YYYY-MM-DDTHH:MM:SSZ`): the
    /// latest change of a cluster's assessment, else the latest analysis;
    /// `None` for an empty store.
    pub fn assessed_at(&self) -> Result<Option<String>, StoreError> {
        self.db.query_one(
            "SELECT coalesce((SELECT max(at) FROM graph_history),
                             (SELECT max(analyzed_at) FROM documents))",
            &[],
            |r| r.get(0),
        )
    }

    /// Documents after `after`, ordered by publication date (undated first), then id.
    pub fn documents(
        &self,
        after: Option<&GraphDocument>,
        limit: usize,
    ) -> Result<Vec<GraphDocument>, StoreError> {
        let mut sql = String::from(
            "SELECT id, url, path, title, outlet, published, language FROM documents d
             WHERE (published IS NOT NULL, coalesce(published, ''), id) > (?1, ?2, ?3)",
        );
        if self.filtered {
            sql.push_str(&format!(
                " AND d.seq IN (SELECT seq FROM {}.export_documents)",
                self.db.temp()
            ));
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
        self.db
            .query(&sql, &[&dated, &date, &id, &(limit as i64)], document_row)
    }

    /// Entities after `after`, by id.
    pub fn entities(
        &self,
        after: Option<&GraphEntity>,
        limit: usize,
    ) -> Result<Vec<GraphEntity>, StoreError> {
        let from = self.from("graph_entities", "export_entities");
        read_entities(
            self.db,
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
        let from = self.from("graph_origins", "export_origins");
        read_origins(
            self.db,
            &format!("o.id IN (SELECT id FROM {from} WHERE id > ?1 ORDER BY id LIMIT ?2)"),
            &[&after.map_or("", |o| o.id.as_str()), &(limit as i64)],
        )
    }

    /// Claims after `after`, by id, each with its mentions.
    pub fn claims(
        &self,
        after: Option<&GraphClaim>,
        limit: usize,
    ) -> Result<Vec<GraphClaim>, StoreError> {
        let from = self.from("graph_claims", "export_claims");
        read_claims(
            self.db,
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
        let from = self.from("graph_clusters", "export_clusters");
        let mut clusters = read_clusters(
            self.db,
            &format!("k.id IN (SELECT id FROM {from} WHERE id > ?1 ORDER BY id LIMIT ?2)"),
            &[&after.map_or("", |k| k.id.as_str()), &(limit as i64)],
        )?;
        if self.filtered {
            let selected = format!(
                "SELECT 1 FROM {}.export_claims WHERE id = ?1",
                self.db.temp()
            );
            for k in &mut clusters {
                let mut kept = Vec::with_capacity(k.claims.len());
                for c in k.claims.drain(..) {
                    if self.db.exists(&selected, &[&c])? {
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
            let t = self.db.temp();
            sql.push_str(&format!(
                " AND a IN (SELECT id FROM {t}.export_claims)
                  AND b IN (SELECT id FROM {t}.export_claims)"
            ));
        }
        sql.push_str(" ORDER BY a, b, type LIMIT ?4");
        let (a, b, kind) = match after {
            Some(r) => (r.a.clone(), r.b.clone(), crate::tags::tag(&r.kind)),
            None => (String::new(), String::new(), String::new()),
        };
        self.db
            .query(&sql, &[&a, &b, &kind, &(limit as i64)], relation_row)
    }

    /// Timelines after `after`, by cluster id; a filtered view keeps the points of its claims.
    pub fn timelines(
        &self,
        after: Option<&GraphTimeline>,
        limit: usize,
    ) -> Result<Vec<GraphTimeline>, StoreError> {
        let (inner, outer) = if self.filtered {
            let t = self.db.temp();
            (
                format!(" AND claim IN (SELECT id FROM {t}.export_claims)"),
                format!(" AND p.claim IN (SELECT id FROM {t}.export_claims)"),
            )
        } else {
            (String::new(), String::new())
        };
        read_timelines(
            self.db,
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
            |list, args| read_claims(self.db, &format!("c.id IN ({list})"), args),
        )
    }

    /// The origins with these ids, in id order.
    pub fn origins_by_id(&self, ids: &[String]) -> Result<Vec<GraphOrigin>, StoreError> {
        by_chunks(
            ids,
            |o: &GraphOrigin| o.id.clone(),
            |list, args| read_origins(self.db, &format!("o.id IN ({list})"), args),
        )
    }

    /// The entities with these ids, in id order.
    pub fn entities_by_id(&self, ids: &[String]) -> Result<Vec<GraphEntity>, StoreError> {
        by_chunks(
            ids,
            |e: &GraphEntity| e.id.clone(),
            |list, args| read_entities(self.db, &format!("id IN ({list})"), args),
        )
    }

    /// The documents with these ids, in id order.
    pub fn documents_by_id(&self, ids: &[String]) -> Result<Vec<GraphDocument>, StoreError> {
        by_chunks(
            ids,
            |d: &GraphDocument| d.id.clone(),
            |list, args| {
                self.db.query(
                    &format!(
                        "SELECT id, url, path, title, outlet, published, language FROM documents
                         WHERE id IN ({list}) ORDER BY id"
                    ),
                    args,
                    document_row,
                )
            },
        )
    }

    /// Ids of the claims of the view with a mention in this document, in order.
    pub fn claims_of_document(&self, document: &str) -> Result<Vec<String>, StoreError> {
        let selected = if self.filtered {
            format!(
                " AND m.claim IN (SELECT id FROM {}.export_claims)",
                self.db.temp()
            )
        } else {
            String::new()
        };
        self.db.query(
            &format!(
                "SELECT DISTINCT m.claim FROM graph_mentions m JOIN documents d ON d.seq = m.doc
                 WHERE d.id = ?1{selected} ORDER BY m.claim"
            ),
            &[&document],
            |r| r.get(0),
        )
    }

    /// The cluster a claim belongs to.
    pub fn cluster_of(&self, claim: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .db
            .query_opt(
                "SELECT cluster FROM graph_claims WHERE id = ?1",
                &[&claim],
                |r| r.get::<String>(0),
            )?
            .filter(|k| !k.is_empty()))
    }
}

impl Drop for GraphView<'_> {
    fn drop(&mut self) {
        // Only reads happened in the main database: ending the transaction
        // either way is the same, and a failure leaves nothing to undo.
        let _ = self.db.batch("COMMIT");
    }
}

/// How many ids one lookup statement binds (far below SQLite's limit on parameters).
const CHUNK: usize = 500;

/// The rows with these ids, looked up `CHUNK` ids at a time by `lookup`
/// (given `?1, ?2, …` and the arguments), in id order.
fn by_chunks<T>(
    ids: &[String],
    id: impl Fn(&T) -> String,
    lookup: impl Fn(&str, &[&dyn Param]) -> Result<Vec<T>, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let list = (1..=chunk.len())
            .map(|n| format!("?{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let args: Vec<&dyn Param> = chunk.iter().map(|s| s as &dyn Param).collect();
        out.extend(lookup(&list, &args)?);
    }
    if ids.len() > CHUNK {
        out.sort_by_key(|x| id(x));
        out.dedup_by_key(|x| id(x));
    }
    Ok(out)
}

/// The statement that fills the selection's `export_claims` with the claims `filter` selects.
fn selection(db: Db<'_>, filter: &GraphFilter) -> Result<(String, Vec<String>), StoreError> {
    let mut sql = format!(
        "INSERT INTO {}.export_claims (id, cluster) SELECT c.id, c.cluster FROM graph_claims c
         WHERE 1 = 1",
        db.temp()
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
        args.push(like_pattern(source)?);
        let n = args.len();
        let op = db.like();
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM graph_mentions m WHERE m.claim = c.id
                 AND (m.source {op} ?{n} ESCAPE '\\'
                      OR EXISTS (SELECT 1 FROM graph_entities e
                                 WHERE e.id = m.source_entity AND e.name {op} ?{n} ESCAPE '\\')))"
        ));
    }
    if let Some(entity) = &filter.entity {
        args.push(entity.clone());
        let n = args.len();
        let alias = db.eq_nocase("alias", &format!("?{n}"));
        let via = db.json_table("m.via", "v");
        sql.push_str(&format!(
            " AND EXISTS (
                 WITH ents(id) AS (SELECT entity FROM graph_aliases WHERE {alias})
                 SELECT 1 FROM graph_mentions m WHERE m.claim = c.id AND (
                     m.source_entity IN (SELECT id FROM ents)
                     OR EXISTS (SELECT 1 FROM {via} WHERE v.value IN (SELECT id FROM ents))
                     OR EXISTS (SELECT 1 FROM graph_origins o
                                WHERE o.id = c.origin AND o.entity IN (SELECT id FROM ents))
                     OR EXISTS (SELECT 1 FROM attributions a
                                JOIN attribution_content ct ON ct.attribution = a.seq
                                JOIN mentions mm ON mm.doc = a.doc
                                     AND mm.start >= ct.start AND mm.\"end\" <= ct.\"end\"
                                JOIN graph_entity_members gm ON gm.doc = mm.doc AND gm.local = mm.entity_id
                                WHERE a.doc = m.doc AND a.id = m.attribution
                                  AND gm.entity IN (SELECT id FROM ents))))"
        ));
    }
    Ok((sql, args))
}
