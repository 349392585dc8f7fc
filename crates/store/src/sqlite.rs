//! [`Store`] over one SQLite file.

use crate::file::{APPLICATION_ID, DatabaseFile, inspect};
use crate::load::load_layers;
use crate::tags::untag;
use crate::write::put_one;
use crate::{
    Claim, ClaimCue, ClaimDocument, ClaimHedge, ClaimQuery, ClaimSource, ClaimVia, DocQuery,
    DocSummary, Held, HeldInput, Put, PutOutcome, Store, StoreError, StoredSpan, graph,
    schema::MIGRATIONS,
};
use hearsay_core::{Analysis, CharMap, DocId, Document};
use hearsay_resolve::{DocFacts, Graph};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, ToSql, TransactionBehavior};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

/// The SQLite store: WAL journal, FTS5 indexes over document text and claim
/// content, one transaction per document.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// The connection, for the query modules of this crate.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Open (creating if needed) the database at `path` and bring its schema up
    /// to date. A file that is not empty and not a hearsay database is refused
    /// before anything is written to it (see [`inspect`]).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let shown = path.display().to_string();
        match inspect(path)? {
            DatabaseFile::NotHearsay { why } => {
                return Err(StoreError::NotHearsay { path: shown, why });
            }
            DatabaseFile::Missing | DatabaseFile::Empty | DatabaseFile::Hearsay { .. } => {}
        }
        let conn = Connection::open(path).map_err(|e| open_error(&shown, &e))?;
        Self::setup(conn, &shown, Mode::Write { wal: true })
    }

    /// Open an existing hearsay database for reading only: nothing is created,
    /// migrated or written. A file an older hearsay wrote must be migrated
    /// first ([`StoreError::OlderSchema`]); a file that is not hearsay's is refused.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let shown = path.display().to_string();
        let known = MIGRATIONS.len() as i64;
        match inspect(path)? {
            DatabaseFile::Missing | DatabaseFile::Empty => Err(StoreError::Open {
                path: shown,
                reason: "no hearsay database there".into(),
            }),
            DatabaseFile::NotHearsay { why } => Err(StoreError::NotHearsay { path: shown, why }),
            DatabaseFile::Hearsay { schema, .. } if schema > known => {
                Err(StoreError::NewerSchema {
                    path: shown,
                    found: schema,
                    known,
                })
            }
            DatabaseFile::Hearsay { schema, .. } if schema < known => {
                Err(StoreError::OlderSchema {
                    path: shown,
                    found: schema,
                    known,
                })
            }
            DatabaseFile::Hearsay { .. } => {
                let conn = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .map_err(|e| open_error(&shown, &e))?;
                Self::setup(conn, &shown, Mode::Read)
            }
        }
    }

    /// A fresh database in memory (for tests and one-off work).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory().map_err(|e| open_error(":memory:", &e))?;
        Self::setup(conn, ":memory:", Mode::Write { wal: false })
    }

    fn setup(mut conn: Connection, path: &str, mode: Mode) -> Result<Self, StoreError> {
        let open_err = |e: rusqlite::Error| open_error(path, &e);
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(open_err)?;
        if mode == (Mode::Write { wal: true }) {
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(open_err)?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        conn.set_prepared_statement_cache_capacity(64);
        if let Ok(p) = std::env::var("HEARSAY_SQLITE_PRAGMAS") {
            conn.execute_batch(&p).map_err(open_err)?;
        }
        if mode != Mode::Read {
            migrate(&mut conn, path)?;
        }
        Ok(SqliteStore { conn })
    }

    /// The schema version of the open database (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// SQLite's `PRAGMA integrity_check`: `"ok"` for a sound file.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "integrity_check", |r| r.get(0))?)
    }

    /// Store one document in its own transaction.
    fn put_alone(&mut self, item: Put<'_>) -> Result<PutOutcome, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcome = put_one(&tx, item)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Store all of `analyses` in one transaction, or (on any error) none of them.
    ///
    /// No savepoint per document: FTS5 flushes its pending terms to a new
    /// segment at every savepoint, which would undo most of the gain of
    /// batching (see docs/PERFORMANCE.md).
    fn put_together(&mut self, items: &[Put<'_>]) -> Result<Vec<PutOutcome>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcomes = items
            .iter()
            .map(|item| put_one(&tx, *item))
            .collect::<Result<_, _>>()?;
        tx.commit()?;
        Ok(outcomes)
    }

    /// The open connection, for the readers beside this module.
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// How many documents are stored.
    pub fn count(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))?
            as usize)
    }
}

/// How a connection is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Queries only: no journal mode change, no migration.
    Read,
    /// Writes, migrated up to date; WAL for files.
    Write {
        /// Switch the file to WAL.
        wal: bool,
    },
}

/// The one-line error for a connection SQLite could not open or set up.
fn open_error(path: &str, e: &rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::NotHearsay {
                path: path.to_string(),
                why: "not an SQLite file",
            }
        }
        e => StoreError::Open {
            path: path.to_string(),
            reason: crate::error::sqlite_reason(e),
        },
    }
}

/// Apply the migrations the database lacks, each in its own transaction, and
/// mark it as hearsay's (`PRAGMA application_id`) in the first one.
fn migrate(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id: i32 = tx.pragma_query_value(None, "application_id", |r| r.get(0))?;
        if id != APPLICATION_ID {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > known {
            return Err(StoreError::NewerSchema {
                path: path.to_string(),
                found: version,
                known,
            });
        }
        if version == known {
            tx.commit()?;
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[version as usize])?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

impl Store for SqliteStore {
    fn put(&mut self, a: &Analysis) -> Result<PutOutcome, StoreError> {
        self.put_alone(Put {
            analysis: a,
            facts: None,
        })
    }

    fn put_batch(&mut self, items: &[Put<'_>]) -> Vec<Result<PutOutcome, StoreError>> {
        if let [one] = items {
            return vec![self.put_alone(*one)];
        }
        match self.put_together(items) {
            Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
            // Something failed and the whole transaction was rolled back: store
            // the documents one by one, so that only the failing ones fail.
            Err(_) => items.iter().map(|item| self.put_alone(*item)).collect(),
        }
    }

    fn facts(&self, ids: &[DocId]) -> Result<Vec<DocFacts>, StoreError> {
        let mut seq = self
            .conn
            .prepare_cached("SELECT seq FROM documents WHERE id = ?1")?;
        let mut seqs = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(s) = seq
                .query_row([id.as_str()], |r| r.get::<_, i64>(0))
                .optional()?
            {
                seqs.push(s);
            }
        }
        graph::facts_of(&self.conn, &seqs)
    }

    fn missing_facts(&self) -> Result<Vec<DocId>, StoreError> {
        Ok(graph::missing_facts(&self.conn)?
            .into_iter()
            .map(DocId::from_hex)
            .collect())
    }

    fn replace_stories(
        &mut self,
        remove: &[String],
        stories: &[(String, Graph)],
        keys: &[(DocId, Vec<String>)],
        moved_by: Option<&str>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        graph::unchanged(&tx, remove, keys.iter().map(|(d, _)| d))?;
        graph::delete_stories(&tx, remove)?;
        {
            let mut put = tx.prepare_cached(
                "INSERT OR IGNORE INTO graph_keys (key, doc) SELECT ?1, seq FROM documents WHERE id = ?2",
            )?;
            for (doc, ks) in keys {
                for k in ks {
                    put.execute(rusqlite::params![k, doc.as_str()])?;
                }
            }
        }
        let mut seq_of: HashMap<String, i64> = HashMap::new();
        {
            let mut seq = tx.prepare_cached("SELECT seq FROM documents WHERE id = ?1")?;
            let mut story_of = tx.prepare_cached(
                "INSERT OR REPLACE INTO graph_stories (doc, story) VALUES (?1, ?2)",
            )?;
            for (story, g) in stories {
                for d in &g.documents {
                    if let Some(s) = seq
                        .query_row([d.id.as_str()], |r| r.get::<_, i64>(0))
                        .optional()?
                    {
                        seq_of.insert(d.id.clone(), s);
                        story_of.execute(rusqlite::params![s, story])?;
                    }
                }
            }
        }
        for (story, g) in stories {
            graph::write_story(&tx, story, g, &seq_of)?;
            graph::record_history(&tx, g, moved_by)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn graph(&self) -> Result<Graph, StoreError> {
        graph::read_graph(&self.conn)
    }

    fn held(&self) -> Result<Vec<Held>, StoreError> {
        crate::held::held(&self.conn)
    }

    fn hold(&mut self, items: &[Held]) -> Result<(), StoreError> {
        crate::held::hold(&mut self.conn, items)
    }

    fn release(&mut self, input: &HeldInput) -> Result<(), StoreError> {
        crate::held::release(&self.conn, input)
    }

    fn clear_graph(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for table in [
            "graph_mentions",
            "graph_aliases",
            "graph_entity_members",
            "graph_entities",
            "graph_origins",
            "graph_claims",
            "graph_clusters",
            "graph_relations",
            "graph_timeline_points",
            "graph_stories",
            "graph_keys",
        ] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn docs_with_keys(&self, keys: &[String]) -> Result<Vec<DocId>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id FROM graph_keys k JOIN documents d ON d.seq = k.doc WHERE k.key = ?1",
        )?;
        let mut out = std::collections::BTreeSet::new();
        for k in keys {
            for id in stmt.query_map([k], |r| r.get::<_, String>(0))? {
                out.insert(DocId::from_hex(id?));
            }
        }
        Ok(out.into_iter().collect())
    }

    fn stories_of(&self, ids: &[DocId]) -> Result<HashMap<DocId, String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.story FROM graph_stories s JOIN documents d ON d.seq = s.doc WHERE d.id = ?1",
        )?;
        let mut out = HashMap::new();
        for id in ids {
            if let Some(story) = stmt
                .query_row([id.as_str()], |r| r.get::<_, String>(0))
                .optional()?
            {
                out.insert(id.clone(), story);
            }
        }
        Ok(out)
    }

    fn story_documents(&self, stories: &[String]) -> Result<Vec<DocId>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id FROM graph_stories s JOIN documents d ON d.seq = s.doc WHERE s.story = ?1",
        )?;
        let mut out = std::collections::BTreeSet::new();
        for story in stories {
            for id in stmt.query_map([story], |r| r.get::<_, String>(0))? {
                out.insert(DocId::from_hex(id?));
            }
        }
        Ok(out.into_iter().collect())
    }

    fn unresolved(&self) -> Result<Vec<DocId>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id FROM documents d JOIN doc_facts f ON f.doc = d.seq
             LEFT JOIN graph_stories s ON s.doc = d.seq WHERE s.doc IS NULL ORDER BY d.id",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows
            .map(|r| r.map(DocId::from_hex))
            .collect::<Result<_, _>>()?)
    }

    fn analyzers(&self) -> Result<HashMap<DocId, String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT id, analyzer FROM documents")?;
        let rows = stmt.query_map([], |r| {
            Ok((DocId::from_hex(r.get::<_, String>(0)?), r.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn stale(&self, current: &str) -> Result<Vec<DocId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM documents WHERE analyzer <> ?1 ORDER BY seq")?;
        let rows = stmt.query_map([current], |r| Ok(DocId::from_hex(r.get::<_, String>(0)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn documents(&self, q: &DocQuery) -> Result<Vec<DocSummary>, StoreError> {
        let (filter, mut args) = doc_filter(q);
        let sql = format!(
            "SELECT d.id, d.title, d.byline, d.outlet, d.published, d.path, d.chars,
                (SELECT COUNT(*) FROM attributions a WHERE a.doc = d.seq),
                (SELECT COUNT(*) FROM entities e WHERE e.doc = d.seq),
                d.added_at, d.analyzer, d.language, d.language_confidence
             FROM documents d{filter} ORDER BY d.seq DESC LIMIT ? OFFSET ?"
        );
        args.push(Box::new(q.limit.map_or(-1, |l| l as i64)));
        args.push(Box::new(q.offset as i64));
        let run = || -> Result<Vec<DocSummary>, rusqlite::Error> {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(DocSummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    byline: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    path: r.get(5)?,
                    language: r.get(11)?,
                    language_confidence: r.get(12)?,
                    chars: r.get::<_, i64>(6)? as usize,
                    claims: r.get::<_, i64>(7)? as usize,
                    entities: r.get::<_, i64>(8)? as usize,
                    added_at: r.get(9)?,
                    analyzer: r.get(10)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| search_error(e, q.search.as_deref()))
    }

    fn count_documents(&self, q: &DocQuery, cap: usize) -> Result<usize, StoreError> {
        let (filter, args) = doc_filter(q);
        let sql = format!("SELECT 1 FROM documents d{filter}");
        count_capped(&self.conn, &sql, args, cap).map_err(|e| search_error(e, q.search.as_deref()))
    }

    fn resolve(&self, prefix: &str) -> Result<DocId, StoreError> {
        let p = prefix.trim().to_ascii_lowercase();
        if p.is_empty() || p.len() > 64 || !p.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(StoreError::NotFound(prefix.to_string()));
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM documents WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2")?;
        let ids: Vec<String> = stmt
            .query_map([&p], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        match ids.as_slice() {
            [] => Err(StoreError::NotFound(prefix.to_string())),
            [one] => Ok(DocId::from_hex(one.clone())),
            _ => {
                let count: i64 = self.conn.query_row(
                    "SELECT COUNT(*) FROM documents WHERE id >= ?1 AND id < ?1 || 'g'",
                    [&p],
                    |r| r.get(0),
                )?;
                Err(StoreError::Ambiguous {
                    prefix: prefix.to_string(),
                    count: count as usize,
                })
            }
        }
    }

    fn document(&self, id: &DocId) -> Result<Document, StoreError> {
        self.conn
            .query_row(
                "SELECT title, byline, outlet, url, published, path, language, text,
                        language_confidence
                 FROM documents WHERE id = ?1",
                [id.as_str()],
                |r| {
                    let mut d = Document::new(r.get::<_, String>(7)?);
                    d.language_confidence = r.get(8)?;
                    d.title = r.get(0)?;
                    d.byline = r.get(1)?;
                    d.outlet = r.get(2)?;
                    d.url = r.get(3)?;
                    d.published = r.get(4)?;
                    d.path = r.get(5)?;
                    d.language = r.get(6)?;
                    Ok(d)
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    fn analysis(&self, id: &DocId) -> Result<Analysis, StoreError> {
        let document = self.document(id)?;
        if document.id != *id {
            return Err(StoreError::Corrupt(format!(
                "document {id} has text whose SHA-256 is {}",
                document.id
            )));
        }
        let (seq, analyzer): (i64, String) = self.conn.query_row(
            "SELECT seq, analyzer FROM documents WHERE id = ?1",
            [id.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut a = Analysis::empty(document, analyzer);
        let map = CharMap::new(a.text());
        load_layers(&self.conn, seq, &map, &mut a)?;
        Ok(a)
    }

    fn claims(&self, q: &ClaimQuery) -> Result<Vec<Claim>, StoreError> {
        let (mut sql, mut args) = claim_filter(
            q,
            "a.seq, d.id, d.title, d.outlet, d.published, a.id, a.kind,
                a.cue_start, a.cue_end, a.cue_text, a.cue_lemma,
                a.source_start, a.source_end, a.source_text, a.source_entity,
                (SELECT e.name FROM entities e WHERE e.doc = a.doc AND e.id = a.source_entity),
                a.source_kind, a.source_role, a.hedge_text, a.hedge_certainty, a.confidence,
                d.byline, d.url, d.path, a.hedge_kind, a.hedge_start, a.hedge_end,
                a.cue_source_start, a.cue_source_end,
                substr(d.text, a.cue_source_start + 1, a.cue_source_end - a.cue_source_start),
                d.language, d.language_confidence",
        )?;
        sql.push_str(" ORDER BY d.seq, a.n LIMIT ? OFFSET ?");
        args.push(Box::new(q.limit.map_or(-1, |l| l as i64)));
        args.push(Box::new(q.offset as i64));
        let rows = (|| -> Result<Vec<(i64, Claim)>, rusqlite::Error> {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), claim_row)?;
            rows.collect()
        })()
        .map_err(|e| search_error(e, q.search.as_deref()))?;
        // A piece's text is cut out of the document's (SQLite's substr counts code points).
        let mut content = self.conn.prepare_cached(
            "SELECT c.start, c.\"end\", substr(d.text, c.start + 1, c.\"end\" - c.start)
             FROM attribution_content c
             JOIN attributions a ON a.seq = c.attribution
             JOIN documents d ON d.seq = a.doc
             WHERE c.attribution = ?1 ORDER BY c.n",
        )?;
        let mut via = self.conn.prepare_cached(
            "SELECT v.text, v.entity, (SELECT e.name FROM entities e WHERE e.doc = a.doc AND e.id = v.entity),
                    v.kind, v.cue, v.start, v.\"end\"
             FROM attribution_via v JOIN attributions a ON a.seq = v.attribution
             WHERE v.attribution = ?1 ORDER BY v.n",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (seq, mut claim) in rows {
            claim.content = content
                .query_map([seq], |r| {
                    Ok(StoredSpan {
                        start: r.get::<_, i64>(0)? as usize,
                        end: r.get::<_, i64>(1)? as usize,
                        text: r.get(2)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            claim.via = via
                .query_map([seq], |r| {
                    let at = |k| -> rusqlite::Result<Option<usize>> {
                        Ok(r.get::<_, Option<i64>>(k)?.map(|v| v as usize))
                    };
                    Ok(ClaimVia {
                        text: r.get(0)?,
                        entity: r.get(1)?,
                        name: r.get(2)?,
                        kind: tag_at(r, 3)?,
                        cue: r.get(4)?,
                        start: at(5)?,
                        end: at(6)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            out.push(claim);
        }
        Ok(out)
    }

    fn count_claims(&self, q: &ClaimQuery, cap: usize) -> Result<usize, StoreError> {
        let (sql, args) = claim_filter(q, "1")?;
        count_capped(&self.conn, &sql, args, cap).map_err(|e| search_error(e, q.search.as_deref()))
    }
}

/// Arguments of a statement built at run time.
type Args = Vec<Box<dyn ToSql>>;

/// The `WHERE` clause (with a leading space, or empty) and arguments of a document query.
fn doc_filter(q: &DocQuery) -> (String, Args) {
    let mut args: Args = Vec::new();
    let mut sql = String::new();
    if let Some(search) = &q.search {
        sql.push_str(
            " WHERE d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
        );
        args.push(Box::new(search.clone()));
    }
    (sql, args)
}

/// `SELECT columns FROM attributions a JOIN documents d … WHERE …` for a
/// claim query, without order or limit, and its arguments.
fn claim_filter(q: &ClaimQuery, columns: &str) -> Result<(String, Args), StoreError> {
    let mut sql = String::new();
    let mut args: Args = Vec::new();
    if let Some(entity) = &q.entity {
        sql.push_str(
            "WITH ents(id) AS (
               SELECT id FROM entities WHERE name = ? COLLATE NOCASE
               UNION SELECT entity_id FROM mentions WHERE text = ? COLLATE NOCASE) ",
        );
        args.push(Box::new(entity.clone()));
        args.push(Box::new(entity.clone()));
    }
    sql.push_str(&format!(
        "SELECT {columns} FROM attributions a JOIN documents d ON d.seq = a.doc WHERE 1 = 1"
    ));
    if let Some(doc) = &q.document {
        sql.push_str(" AND d.id = ?");
        args.push(Box::new(doc.to_string()));
    }
    if let Some(since) = &q.since {
        sql.push_str(" AND substr(d.published, 1, 10) >= ?");
        args.push(Box::new(since.clone()));
    }
    if let Some(until) = &q.until {
        sql.push_str(" AND substr(d.published, 1, 10) <= ?");
        args.push(Box::new(until.clone()));
    }
    if let Some(source) = &q.source {
        let like = like_pattern(source)?;
        sql.push_str(
            " AND (a.source_text LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entities e
               WHERE e.doc = a.doc AND e.id = a.source_entity AND e.name LIKE ? ESCAPE '\\'))",
        );
        args.push(Box::new(like.clone()));
        args.push(Box::new(like));
    }
    if let Some(search) = &q.search {
        sql.push_str(" AND a.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)");
        args.push(Box::new(search.clone()));
    }
    if q.entity.is_some() {
        sql.push_str(
            " AND (a.source_entity IN (SELECT id FROM ents)
               OR EXISTS (SELECT 1 FROM attribution_via v
                          WHERE v.attribution = a.seq AND v.entity IN (SELECT id FROM ents))
               OR EXISTS (SELECT 1 FROM attribution_content c
                          JOIN mentions m ON m.doc = a.doc AND m.start >= c.start AND m.\"end\" <= c.\"end\"
                          WHERE c.attribution = a.seq AND m.entity_id IN (SELECT id FROM ents)))",
        );
    }
    Ok((sql, args))
}

/// How many rows `select` gives, counting no further than `cap`.
fn count_capped(
    conn: &Connection,
    select: &str,
    mut args: Args,
    cap: usize,
) -> Result<usize, rusqlite::Error> {
    let sql = format!("SELECT COUNT(*) FROM ({select} LIMIT ?)");
    args.push(Box::new(cap as i64));
    conn.prepare(&sql)?
        .query_row(rusqlite::params_from_iter(args.iter()), |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| n as usize)
}

/// The claim of one row of the claims query (its content and via chain come after).
fn claim_row(r: &Row) -> rusqlite::Result<(i64, Claim)> {
    let source = match r.get::<_, Option<i64>>(11)? {
        Some(start) => Some(ClaimSource {
            span: StoredSpan {
                start: start as usize,
                end: r.get::<_, i64>(12)? as usize,
                text: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
            },
            entity: r.get(14)?,
            name: r.get(15)?,
            kind: tag_at(r, 16)?,
            role: r.get(17)?,
            cue_source: match r.get::<_, Option<i64>>(27)? {
                Some(start) => Some(StoredSpan {
                    start: start as usize,
                    end: r.get::<_, i64>(28)? as usize,
                    text: r.get(29)?,
                }),
                None => None,
            },
        }),
        None => None,
    };
    let hedge = match r.get::<_, Option<i64>>(25)? {
        Some(start) => Some(ClaimHedge {
            text: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
            certainty: tag_at(r, 19)?,
            kind: tag_at(r, 24)?,
            start: start as usize,
            end: r.get::<_, i64>(26)? as usize,
        }),
        None => None,
    };
    Ok((
        r.get(0)?,
        Claim {
            document: ClaimDocument {
                id: r.get(1)?,
                title: r.get(2)?,
                byline: r.get(21)?,
                outlet: r.get(3)?,
                url: r.get(22)?,
                published: r.get(4)?,
                path: r.get(23)?,
                language: r.get(30)?,
                language_confidence: r.get(31)?,
            },
            id: r.get(5)?,
            kind: tag_at(r, 6)?,
            cue: ClaimCue {
                span: StoredSpan {
                    start: r.get::<_, i64>(7)? as usize,
                    end: r.get::<_, i64>(8)? as usize,
                    text: r.get(9)?,
                },
                lemma: r.get(10)?,
            },
            source,
            content: Vec::new(),
            via: Vec::new(),
            hedge,
            confidence: r.get::<_, f64>(20)? as f32,
        },
    ))
}

/// The enum value of the tag in column `k` (a tag that does not parse is a damaged file).
fn tag_at<T: serde::de::DeserializeOwned>(r: &Row, k: usize) -> rusqlite::Result<T> {
    let s: String = r.get(k)?;
    untag(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(k, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Turn an error of a statement with a full-text query into
/// [`StoreError::BadQuery`]: SQLite reports FTS5 syntax errors as plain
/// `SQLITE_ERROR`s ("unterminated string", "fts5: syntax error near …").
fn search_error(e: rusqlite::Error, search: Option<&str>) -> StoreError {
    match (&e, search) {
        (rusqlite::Error::SqliteFailure(f, msg), Some(q))
            if f.extended_code == rusqlite::ffi::SQLITE_ERROR =>
        {
            StoreError::BadQuery {
                query: q.to_string(),
                reason: msg.clone().unwrap_or_else(|| e.to_string()),
            }
        }
        _ => StoreError::Sqlite(e),
    }
}

/// Longest filter text a LIKE pattern is made of (SQLite refuses patterns
/// longer than 50,000 bytes; names and phrases are far shorter).
pub(crate) const MAX_FILTER: usize = 1000;

/// A `%…%` LIKE pattern for `s` (escaped with `\\`), refused when longer than [`MAX_FILTER`].
pub(crate) fn like_pattern(s: &str) -> Result<String, StoreError> {
    if s.len() > MAX_FILTER {
        return Err(StoreError::FilterTooLong {
            start: s.chars().take(40).collect::<String>() + "…",
            len: s.len(),
            max: MAX_FILTER,
        });
    }
    Ok(format!("%{}%", escape_like(s)))
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
