//! [`Database`]: the [`Store`] over a SQLite file or a PostgreSQL database.
//!
//! Both run the same statements (see `db.rs` for how): what differs is how
//! a connection is opened and migrated (`sqlite.rs`, `postgres.rs`), the
//! full-text search (FTS5 tables on SQLite, `tsvector` columns on
//! PostgreSQL, one user syntax: `fts.rs`) and the lock that makes the graph
//! resolve one writer at a time across processes (a lock file beside a
//! SQLite file, an advisory lock on PostgreSQL).

use crate::db::{Args, Conn, Db, Row, refs};
use crate::load::load_layers;
use crate::location::Location;
use crate::tags::untag;
use crate::write::put_one;
use crate::{
    Claim, ClaimCue, ClaimDocument, ClaimHedge, ClaimQuery, ClaimSource, ClaimVia, DocQuery,
    DocSummary, Held, HeldInput, Put, PutOutcome, Store, StoreError, StoredSpan, fts, graph,
};
use hearsay_core::{Analysis, CharMap, DocId, Document};
use hearsay_resolve::{DocFacts, Graph};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The store: documents, their layers and the claim graph, in a SQLite file
/// (WAL, FTS5) or a PostgreSQL database (`tsvector` + GIN), with the same
/// queries and results on both.
///
/// ```
/// use hearsay_core::{Analysis, Document};
/// use hearsay_store::{Database, PutOutcome, Store};
/// let mut store = Database::open_in_memory().unwrap();
/// let a = Analysis::empty(Document::new("Officials said it rained."), "v1");
/// assert_eq!(store.put(&a).unwrap(), PutOutcome::Added);
/// assert_eq!(store.count().unwrap(), 1);
/// ```
pub struct Database {
    conn: Conn,
    /// The file the graph lock is taken on, beside a SQLite file opened for writing.
    lock_file: Option<PathBuf>,
}

impl Database {
    /// The connection, for the query modules of this crate.
    pub(crate) fn db(&self) -> Db<'_> {
        self.conn.db()
    }

    /// Open (creating if needed) the database at `at` — a file path or a
    /// `postgres://` URL — and bring its schema up to date. A file or
    /// PostgreSQL schema that is not empty and not hearsay's is refused before
    /// anything is written to it (see [`inspect`](crate::inspect)).
    pub fn open(at: impl Into<Location>) -> Result<Self, StoreError> {
        Ok(match at.into() {
            Location::File(path) => Database {
                conn: Conn::Sqlite(crate::sqlite::open(&path)?),
                lock_file: Some(lock_path(&path)),
            },
            Location::Postgres(url) => Database {
                conn: Conn::Postgres(Box::new(crate::pg::open(&url)?)),
                lock_file: None,
            },
        })
    }

    /// Open an existing hearsay database for reading only: nothing is created,
    /// migrated or written. A database an older hearsay wrote must be migrated
    /// first ([`StoreError::OlderSchema`]); one that is not hearsay's is refused.
    pub fn open_read_only(at: impl Into<Location>) -> Result<Self, StoreError> {
        Ok(Database {
            conn: match at.into() {
                Location::File(path) => Conn::Sqlite(crate::sqlite::open_read_only(&path)?),
                Location::Postgres(url) => {
                    Conn::Postgres(Box::new(crate::pg::open_read_only(&url)?))
                }
            },
            lock_file: None,
        })
    }

    /// A fresh SQLite database in memory (for tests and one-off work).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Ok(Database {
            conn: Conn::Sqlite(crate::sqlite::open_in_memory()?),
            lock_file: None,
        })
    }

    /// True for a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        self.db().is_postgres()
    }

    /// The schema version of the open database: how many migrations it has had.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        match &self.conn {
            Conn::Sqlite(c) => Ok(c.pragma_query_value(None, "user_version", |r| r.get(0))?),
            Conn::Postgres(_) => {
                self.db()
                    .query_one("SELECT version FROM hearsay_schema", &[], |r| r.get(0))
            }
        }
    }

    /// SQLite's `PRAGMA integrity_check` (`"ok"` for a sound file); `None` on
    /// PostgreSQL, whose server checks its own pages.
    pub fn integrity_check(&self) -> Result<Option<String>, StoreError> {
        match &self.conn {
            Conn::Sqlite(c) => Ok(Some(c.pragma_query_value(
                None,
                "integrity_check",
                |r| r.get(0),
            )?)),
            Conn::Postgres(_) => Ok(None),
        }
    }

    /// How many documents are stored.
    pub fn count(&self) -> Result<usize, StoreError> {
        Ok(self
            .db()
            .query_one("SELECT COUNT(*) FROM documents", &[], |r| r.get::<i64>(0))?
            as usize)
    }

    /// Store one document in its own transaction.
    fn put_alone(&mut self, item: Put<'_>) -> Result<PutOutcome, StoreError> {
        let db = self.db();
        let tx = db.begin()?;
        let outcome = put_one(db, item)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Store all of `items` in one transaction, or (on any error) none of
    /// them, in the order `order` gives; the outcomes come in the order of `items`.
    ///
    /// No savepoint per document: FTS5 flushes its pending terms to a new
    /// segment at every savepoint, which would undo most of the gain of
    /// batching (see docs/PERFORMANCE.md).
    fn put_together(
        &mut self,
        items: &[Put<'_>],
        order: &[usize],
    ) -> Result<Vec<PutOutcome>, StoreError> {
        let db = self.db();
        let tx = db.begin()?;
        let mut outcomes = vec![PutOutcome::Unchanged; items.len()];
        for &i in order {
            outcomes[i] = put_one(db, items[i])?;
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Take the graph lock, waiting for whoever holds it.
    fn lock_graph(&self) -> Result<GraphLock, StoreError> {
        match (&self.conn, &self.lock_file) {
            (Conn::Postgres(_), _) => {
                self.db().batch(&format!(
                    "SELECT pg_advisory_lock({}, {})",
                    crate::pg::LOCK_SPACE,
                    crate::pg::LOCK_GRAPH
                ))?;
                Ok(GraphLock::Advisory)
            }
            (Conn::Sqlite(_), Some(path)) => {
                let lock_error = |e: std::io::Error| StoreError::Open {
                    path: path.display().to_string(),
                    reason: format!("cannot take the resolve lock: {e}"),
                };
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(path)
                    .map_err(lock_error)?;
                file.lock().map_err(lock_error)?;
                Ok(GraphLock::File(file))
            }
            // A database in memory has this one connection.
            (Conn::Sqlite(_), None) => Ok(GraphLock::Alone),
        }
    }

    /// Release the graph lock.
    fn unlock_graph(&self, lock: GraphLock) -> Result<(), StoreError> {
        match lock {
            GraphLock::Advisory => self.db().batch(&format!(
                "SELECT pg_advisory_unlock({}, {})",
                crate::pg::LOCK_SPACE,
                crate::pg::LOCK_GRAPH
            )),
            // Closing the file releases its lock.
            GraphLock::File(file) => {
                drop(file);
                Ok(())
            }
            GraphLock::Alone => Ok(()),
        }
    }
}

/// The graph lock, held.
enum GraphLock {
    /// PostgreSQL's session advisory lock (released when the session ends, however it ends).
    Advisory,
    /// An exclusive lock on the file beside a SQLite database (released when the process ends).
    File(std::fs::File),
    /// Nothing to lock: the only connection to a database in memory.
    Alone,
}

/// The lock file of the SQLite database at `path`: `PATH-lock`.
fn lock_path(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push("-lock");
    PathBuf::from(p)
}

impl Store for Database {
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
        // Documents go in by id, the order in which every writer takes the
        // locks of their rows: two PostgreSQL workers storing overlapping
        // batches wait for each other instead of deadlocking.
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| {
            items[a]
                .analysis
                .document
                .id
                .cmp(&items[b].analysis.document.id)
        });
        match self.put_together(items, &order) {
            Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
            // Something failed and the whole transaction was rolled back: store
            // the documents one by one, so that only the failing ones fail.
            Err(_) => items.iter().map(|item| self.put_alone(*item)).collect(),
        }
    }

    fn facts(&self, ids: &[DocId]) -> Result<Vec<DocFacts>, StoreError> {
        graph::facts_of(self.db(), ids)
    }

    fn missing_facts(&self) -> Result<Vec<DocId>, StoreError> {
        Ok(graph::missing_facts(self.db())?
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
        let db = self.db();
        let tx = db.begin()?;
        graph::unchanged(db, remove, keys.iter().map(|(d, _)| d))?;
        graph::delete_stories(db, remove)?;
        let put_keys = format!(
            "INSERT INTO graph_keys (key, doc) SELECT k.value, d.seq FROM documents d, ({}) k
             WHERE d.id = ?1 ON CONFLICT DO NOTHING",
            db.json_texts("?2")
        );
        for (doc, ks) in keys {
            db.execute(&put_keys, &[&doc.as_str(), &json_list(ks)])?;
        }
        let mut seq_of: HashMap<String, i64> = HashMap::new();
        let seqs = format!(
            "SELECT id, seq FROM documents WHERE id IN ({})",
            db.json_texts("?1")
        );
        let story_of = format!(
            "INSERT INTO graph_stories (doc, story) SELECT seq, ?2 FROM documents
             WHERE id IN ({}) ON CONFLICT (doc) DO UPDATE SET story = excluded.story",
            db.json_texts("?1")
        );
        for (story, g) in stories {
            let ids = json_list(g.documents.iter().map(|d| &d.id));
            for (id, seq) in db.query(&seqs, &[&ids], |r| Ok((r.get(0)?, r.get(1)?)))? {
                seq_of.insert(id, seq);
            }
            db.execute(&story_of, &[&ids, story])?;
        }
        for (story, g) in stories {
            graph::write_story(db, story, g, &seq_of)?;
            graph::record_history(db, g, moved_by)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn graph(&self) -> Result<Graph, StoreError> {
        graph::read_graph(self.db())
    }

    fn held(&self) -> Result<Vec<Held>, StoreError> {
        crate::held::held(self.db())
    }

    fn hold(&mut self, items: &[Held]) -> Result<(), StoreError> {
        crate::held::hold(self.db(), items)
    }

    fn release(&mut self, input: &HeldInput) -> Result<(), StoreError> {
        crate::held::release(self.db(), input)
    }

    fn clear_graph(&mut self) -> Result<(), StoreError> {
        let db = self.db();
        let tx = db.begin()?;
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
            db.execute(&format!("DELETE FROM {table}"), &[])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn with_graph_lock<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Self) -> Result<T, E>,
    ) -> Result<T, E> {
        let held = self.lock_graph()?;
        // Released when `work` panics too (a server's writer goes on after a
        // panic, and a PostgreSQL session would otherwise keep the lock).
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self)));
        let released = self.unlock_graph(held);
        match out {
            Ok(out) => {
                let out = out?;
                released?;
                Ok(out)
            }
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }

    fn docs_with_keys(&self, keys: &[String]) -> Result<Vec<DocId>, StoreError> {
        let db = self.db();
        let sql = format!(
            "SELECT DISTINCT d.id FROM graph_keys k JOIN documents d ON d.seq = k.doc
             WHERE k.key IN ({})",
            db.json_texts("?1")
        );
        let found: BTreeSet<String> = db
            .query(&sql, &[&json_list(keys)], |r| r.get(0))?
            .into_iter()
            .collect();
        Ok(found.into_iter().map(DocId::from_hex).collect())
    }

    fn stories_of(&self, ids: &[DocId]) -> Result<HashMap<DocId, String>, StoreError> {
        let db = self.db();
        let sql = format!(
            "SELECT d.id, s.story FROM graph_stories s JOIN documents d ON d.seq = s.doc
             WHERE d.id IN ({})",
            db.json_texts("?1")
        );
        let rows = db.query(&sql, &[&json_list(ids.iter().map(DocId::as_str))], |r| {
            Ok((DocId::from_hex(r.get::<String>(0)?), r.get(1)?))
        })?;
        Ok(rows.into_iter().collect())
    }

    fn story_documents(&self, stories: &[String]) -> Result<Vec<DocId>, StoreError> {
        let db = self.db();
        let sql = format!(
            "SELECT d.id FROM graph_stories s JOIN documents d ON d.seq = s.doc
             WHERE s.story IN ({})",
            db.json_texts("?1")
        );
        let found: BTreeSet<String> = db
            .query(&sql, &[&json_list(stories)], |r| r.get(0))?
            .into_iter()
            .collect();
        Ok(found.into_iter().map(DocId::from_hex).collect())
    }

    fn unresolved(&self) -> Result<Vec<DocId>, StoreError> {
        self.db().query(
            "SELECT d.id FROM documents d JOIN doc_facts f ON f.doc = d.seq
             LEFT JOIN graph_stories s ON s.doc = d.seq WHERE s.doc IS NULL ORDER BY d.id",
            &[],
            |r| Ok(DocId::from_hex(r.get::<String>(0)?)),
        )
    }

    fn analyzers(&self) -> Result<HashMap<DocId, String>, StoreError> {
        let rows = self
            .db()
            .query("SELECT id, analyzer FROM documents", &[], |r| {
                Ok((DocId::from_hex(r.get::<String>(0)?), r.get(1)?))
            })?;
        Ok(rows.into_iter().collect())
    }

    fn stale(&self, current: &str) -> Result<Vec<DocId>, StoreError> {
        self.db().query(
            "SELECT id FROM documents WHERE analyzer <> ?1 ORDER BY seq",
            &[&current],
            |r| Ok(DocId::from_hex(r.get::<String>(0)?)),
        )
    }

    fn documents(&self, q: &DocQuery) -> Result<Vec<DocSummary>, StoreError> {
        let db = self.db();
        let (filter, mut args) = doc_filter(db, q)?;
        let sql = format!(
            "SELECT d.id, d.title, d.byline, d.outlet, d.published, d.path, d.chars,
                (SELECT COUNT(*) FROM attributions a WHERE a.doc = d.seq),
                (SELECT COUNT(*) FROM entities e WHERE e.doc = d.seq),
                d.added_at, d.analyzer, d.language, d.language_confidence
             FROM documents d{filter} ORDER BY d.seq DESC LIMIT ? OFFSET ?"
        );
        args.push(Box::new(db.limit(q.limit)));
        args.push(Box::new(q.offset as i64));
        db.query(&sql, &refs(&args), |r| {
            Ok(DocSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                byline: r.get(2)?,
                outlet: r.get(3)?,
                published: r.get(4)?,
                path: r.get(5)?,
                language: r.get(11)?,
                language_confidence: r.get(12)?,
                chars: r.get::<i64>(6)? as usize,
                claims: r.get::<i64>(7)? as usize,
                entities: r.get::<i64>(8)? as usize,
                added_at: r.get(9)?,
                analyzer: r.get(10)?,
            })
        })
        .map_err(|e| search_error(e, q.search.as_deref()))
    }

    fn count_documents(&self, q: &DocQuery, cap: usize) -> Result<usize, StoreError> {
        let db = self.db();
        let (filter, args) = doc_filter(db, q)?;
        let sql = format!("SELECT 1 FROM documents d{filter}");
        count_capped(db, &sql, args, cap).map_err(|e| search_error(e, q.search.as_deref()))
    }

    fn resolve(&self, prefix: &str) -> Result<DocId, StoreError> {
        let p = prefix.trim().to_ascii_lowercase();
        if p.is_empty() || p.len() > 64 || !p.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(StoreError::NotFound(prefix.to_string()));
        }
        let db = self.db();
        let past = format!("{p}g");
        let ids: Vec<String> = db.query(
            "SELECT id FROM documents WHERE id >= ?1 AND id < ?2 LIMIT 2",
            &[&p, &past],
            |r| r.get(0),
        )?;
        match ids.as_slice() {
            [] => Err(StoreError::NotFound(prefix.to_string())),
            [one] => Ok(DocId::from_hex(one.clone())),
            _ => {
                let count: i64 = db.query_one(
                    "SELECT COUNT(*) FROM documents WHERE id >= ?1 AND id < ?2",
                    &[&p, &past],
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
        self.db()
            .query_opt(
                "SELECT title, byline, outlet, url, published, path, language, text,
                        language_confidence
                 FROM documents WHERE id = ?1",
                &[&id.as_str()],
                |r| {
                    let mut d = Document::new(r.get::<String>(7)?);
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
            )?
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
        let db = self.db();
        let (seq, analyzer): (i64, String) = db.query_one(
            "SELECT seq, analyzer FROM documents WHERE id = ?1",
            &[&id.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut a = Analysis::empty(document, analyzer);
        let map = CharMap::new(a.text());
        load_layers(db, seq, &map, &mut a)?;
        Ok(a)
    }

    fn claims(&self, q: &ClaimQuery) -> Result<Vec<Claim>, StoreError> {
        let db = self.db();
        let (mut sql, mut args) = claim_filter(
            db,
            q,
            "a.seq, d.id, d.title, d.outlet, d.published, a.id, a.kind,
                a.cue_start, a.cue_end, a.cue_text, a.cue_lemma,
                a.source_start, a.source_end, a.source_text, a.source_entity,
                (SELECT e.name FROM entities e WHERE e.doc = a.doc AND e.id = a.source_entity),
                a.source_kind, a.source_role, a.hedge_text, a.hedge_certainty, a.confidence,
                d.byline, d.url, d.path, a.hedge_kind, a.hedge_start, a.hedge_end,
                a.cue_source_start, a.cue_source_end,
                substr(d.text, CAST(a.cue_source_start + 1 AS INTEGER),
                       CAST(a.cue_source_end - a.cue_source_start AS INTEGER)),
                d.language, d.language_confidence",
        )?;
        sql.push_str(" ORDER BY d.seq, a.n LIMIT ? OFFSET ?");
        args.push(Box::new(db.limit(q.limit)));
        args.push(Box::new(q.offset as i64));
        let rows = db
            .query(&sql, &refs(&args), claim_row)
            .map_err(|e| search_error(e, q.search.as_deref()))?;
        let mut out = Vec::with_capacity(rows.len());
        for (seq, mut claim) in rows {
            // A piece's text is cut out of the document's (`substr` counts code points on both).
            claim.content = db.query(
                "SELECT c.start, c.\"end\",
                        substr(d.text, CAST(c.start + 1 AS INTEGER), CAST(c.\"end\" - c.start AS INTEGER))
                 FROM attribution_content c
                 JOIN attributions a ON a.seq = c.attribution
                 JOIN documents d ON d.seq = a.doc
                 WHERE c.attribution = ?1 ORDER BY c.n",
                &[&seq],
                |r| {
                    Ok(StoredSpan {
                        start: r.get::<i64>(0)? as usize,
                        end: r.get::<i64>(1)? as usize,
                        text: r.get(2)?,
                    })
                },
            )?;
            claim.via = db.query(
                "SELECT v.text, v.entity, (SELECT e.name FROM entities e WHERE e.doc = a.doc AND e.id = v.entity),
                        v.kind, v.cue, v.start, v.\"end\"
                 FROM attribution_via v JOIN attributions a ON a.seq = v.attribution
                 WHERE v.attribution = ?1 ORDER BY v.n",
                &[&seq],
                |r| {
                    let at = |k| -> Result<Option<usize>, StoreError> {
                        Ok(r.get::<Option<i64>>(k)?.map(|v| v as usize))
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
                },
            )?;
            out.push(claim);
        }
        Ok(out)
    }

    fn count_claims(&self, q: &ClaimQuery, cap: usize) -> Result<usize, StoreError> {
        let db = self.db();
        let (sql, args) = claim_filter(db, q, "1")?;
        count_capped(db, &sql, args, cap).map_err(|e| search_error(e, q.search.as_deref()))
    }
}

/// A JSON array of strings, the one argument a list of ids is bound as.
pub(crate) fn json_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| s.as_ref().to_string()).collect();
    serde_json::to_string(&items).unwrap_or_else(|_| "[]".into())
}

/// The condition that a row's search vector or FTS5 row matches `search`
/// (an FTS5-style query), and the argument it binds. `fts_table` is SQLite's
/// FTS5 table over the rows of `seq` (whose `tsv` column PostgreSQL searches).
pub(crate) fn search_condition(
    db: Db<'_>,
    seq: &str,
    tsv: &str,
    fts_table: &str,
    columns: fts::Columns,
    search: &str,
) -> Result<(String, Option<String>), StoreError> {
    if !db.is_postgres() {
        return Ok((
            format!("{seq} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)"),
            Some(search.to_string()),
        ));
    }
    match fts::tsquery(search, columns) {
        Ok(Some(q)) => Ok((format!("{tsv} @@ to_tsquery('simple', ?)"), Some(q))),
        Ok(None) => Ok(("1 = 0".into(), None)),
        Err(reason) => Err(StoreError::BadQuery {
            query: search.to_string(),
            reason,
        }),
    }
}

/// The `WHERE` clause (with a leading space, or empty) and arguments of a document query.
fn doc_filter(db: Db<'_>, q: &DocQuery) -> Result<(String, Args), StoreError> {
    let mut args: Args = Vec::new();
    let mut sql = String::new();
    if let Some(search) = &q.search {
        let (cond, arg) = search_condition(
            db,
            "d.seq",
            "d.tsv",
            "documents_fts",
            fts::DOCUMENT_COLUMNS,
            search,
        )?;
        sql.push_str(" WHERE ");
        sql.push_str(&cond);
        if let Some(arg) = arg {
            args.push(Box::new(arg));
        }
    }
    Ok((sql, args))
}

/// `SELECT columns FROM attributions a JOIN documents d … WHERE …` for a
/// claim query, without order or limit, and its arguments.
fn claim_filter(db: Db<'_>, q: &ClaimQuery, columns: &str) -> Result<(String, Args), StoreError> {
    let mut sql = String::new();
    let mut args: Args = Vec::new();
    if let Some(entity) = &q.entity {
        sql.push_str(&format!(
            "WITH ents(id) AS (
               SELECT id FROM entities WHERE {}
               UNION SELECT entity_id FROM mentions WHERE {}) ",
            db.eq_nocase("name", "?"),
            db.eq_nocase("text", "?")
        ));
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
        let op = db.like();
        sql.push_str(&format!(
            " AND (a.source_text {op} ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entities e
               WHERE e.doc = a.doc AND e.id = a.source_entity AND e.name {op} ? ESCAPE '\\'))"
        ));
        args.push(Box::new(like.clone()));
        args.push(Box::new(like));
    }
    if let Some(search) = &q.search {
        let (cond, arg) = search_condition(
            db,
            "a.seq",
            "a.tsv",
            "claims_fts",
            fts::CLAIM_COLUMNS,
            search,
        )?;
        sql.push_str(" AND ");
        sql.push_str(&cond);
        if let Some(arg) = arg {
            args.push(Box::new(arg));
        }
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
fn count_capped(db: Db<'_>, select: &str, mut args: Args, cap: usize) -> Result<usize, StoreError> {
    let sql = format!("SELECT COUNT(*) FROM ({select} LIMIT ?) AS capped");
    args.push(Box::new(cap as i64));
    Ok(db.query_one(&sql, &refs(&args), |r| r.get::<i64>(0))? as usize)
}

/// The claim of one row of the claims query (its content and via chain come after).
fn claim_row(r: &Row<'_>) -> Result<(i64, Claim), StoreError> {
    let source = match r.get::<Option<i64>>(11)? {
        Some(start) => Some(ClaimSource {
            span: StoredSpan {
                start: start as usize,
                end: r.get::<i64>(12)? as usize,
                text: r.get::<Option<String>>(13)?.unwrap_or_default(),
            },
            entity: r.get(14)?,
            name: r.get(15)?,
            kind: tag_at(r, 16)?,
            role: r.get(17)?,
            cue_source: match r.get::<Option<i64>>(27)? {
                Some(start) => Some(StoredSpan {
                    start: start as usize,
                    end: r.get::<i64>(28)? as usize,
                    text: r.get(29)?,
                }),
                None => None,
            },
        }),
        None => None,
    };
    let hedge = match r.get::<Option<i64>>(25)? {
        Some(start) => Some(ClaimHedge {
            text: r.get::<Option<String>>(18)?.unwrap_or_default(),
            certainty: tag_at(r, 19)?,
            kind: tag_at(r, 24)?,
            start: start as usize,
            end: r.get::<i64>(26)? as usize,
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
                    start: r.get::<i64>(7)? as usize,
                    end: r.get::<i64>(8)? as usize,
                    text: r.get(9)?,
                },
                lemma: r.get(10)?,
            },
            source,
            content: Vec::new(),
            via: Vec::new(),
            hedge,
            confidence: r.get::<f64>(20)? as f32,
        },
    ))
}

/// The enum value of the tag in column `k` (a tag that does not parse is a damaged database).
pub(crate) fn tag_at<T: serde::de::DeserializeOwned>(
    r: &Row<'_>,
    k: usize,
) -> Result<T, StoreError> {
    untag(&r.get::<String>(k)?)
}

/// Turn an error of a statement with a full-text query into
/// [`StoreError::BadQuery`]: SQLite reports FTS5 syntax errors as plain
/// `SQLITE_ERROR`s ("unterminated string", "fts5: syntax error near …").
/// (PostgreSQL's queries are checked before they run, by `fts.rs`.)
fn search_error(e: StoreError, search: Option<&str>) -> StoreError {
    match (e, search) {
        (StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg)), Some(q))
            if f.extended_code == rusqlite::ffi::SQLITE_ERROR =>
        {
            StoreError::BadQuery {
                query: q.to_string(),
                reason: msg.unwrap_or_else(|| f.to_string()),
            }
        }
        (e, _) => e,
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
