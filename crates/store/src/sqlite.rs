//! [`Store`] over one SQLite file.

use crate::tags::{tag, untag};
use crate::{
    Claim, ClaimQuery, ClaimSource, ClaimVia, DocQuery, DocSummary, PutOutcome, Store, StoreError,
    StoredSpan, schema::MIGRATIONS,
};
use hearsay_core::{
    Analysis, Attribution, CharMap, Cue, DocId, Document, Entity, Flag, Hedge, Mention, Quantity,
    Sentence, Source, Span, TimeExpr, ViaLink,
};
use rusqlite::{
    Connection, OptionalExtension, Row, ToSql, Transaction, TransactionBehavior, params,
};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

/// The SQLite store: WAL journal, FTS5 indexes over document text and claim
/// content, one transaction per document.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Open (creating if needed) the database at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let shown = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: shown.clone(),
            source,
        })?;
        Self::setup(conn, &shown, true)
    }

    /// A fresh database in memory (for tests and one-off work).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: ":memory:".into(),
            source,
        })?;
        Self::setup(conn, ":memory:", false)
    }

    fn setup(mut conn: Connection, path: &str, wal: bool) -> Result<Self, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_string(),
            source,
        };
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(open_err)?;
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(open_err)?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        migrate(&mut conn, path)?;
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

    /// How many documents are stored.
    pub fn count(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))?
            as usize)
    }
}

fn migrate(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > known {
            return Err(StoreError::NewerSchema {
                path: path.to_string(),
                found: version,
                known,
            });
        }
        if version == known {
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[version as usize])?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

impl Store for SqliteStore {
    fn put(&mut self, a: &Analysis) -> Result<PutOutcome, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<(i64, String)> = tx
            .query_row(
                "SELECT seq, analyzer FROM documents WHERE id = ?1",
                [a.document.id.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let outcome = match existing {
            Some((_, analyzer)) if analyzer == a.analyzer => return Ok(PutOutcome::Unchanged),
            Some((seq, _)) => {
                delete_layers(&tx, seq)?;
                tx.execute(
                    "UPDATE documents SET analyzer = ?2,
                     analyzed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE seq = ?1",
                    params![seq, a.analyzer],
                )?;
                insert_layers(&tx, seq, a)?;
                PutOutcome::Reanalyzed
            }
            None => {
                let seq = insert_document(&tx, a)?;
                insert_layers(&tx, seq, a)?;
                PutOutcome::Added
            }
        };
        tx.commit()?;
        Ok(outcome)
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
        let mut sql = String::from(
            "SELECT d.id, d.title, d.byline, d.outlet, d.published, d.path, d.chars,
                (SELECT COUNT(*) FROM attributions a WHERE a.doc = d.seq),
                (SELECT COUNT(*) FROM entities e WHERE e.doc = d.seq),
                d.added_at, d.analyzer
             FROM documents d",
        );
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(search) = &q.search {
            sql.push_str(
                " WHERE d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
            );
            args.push(Box::new(search.clone()));
        }
        sql.push_str(" ORDER BY d.seq DESC LIMIT ?");
        args.push(Box::new(q.limit.map_or(-1, |l| l as i64)));
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

    fn resolve(&self, prefix: &str) -> Result<DocId, StoreError> {
        let p = prefix.trim().to_ascii_lowercase();
        if p.is_empty() || p.len() > 64 || !p.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(StoreError::NotFound(prefix.to_string()));
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM documents WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 50")?;
        let ids: Vec<String> = stmt
            .query_map([&p], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        match ids.as_slice() {
            [] => Err(StoreError::NotFound(prefix.to_string())),
            [one] => Ok(DocId::from_hex(one.clone())),
            many => Err(StoreError::Ambiguous {
                prefix: prefix.to_string(),
                count: many.len(),
            }),
        }
    }

    fn document(&self, id: &DocId) -> Result<Document, StoreError> {
        self.conn
            .query_row(
                "SELECT title, byline, outlet, url, published, path, language, text
                 FROM documents WHERE id = ?1",
                [id.as_str()],
                |r| {
                    let mut d = Document::new(r.get::<_, String>(7)?);
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
        let mut sql = String::new();
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(entity) = &q.entity {
            sql.push_str(
                "WITH ents(id) AS (
                   SELECT id FROM entities WHERE name = ? COLLATE NOCASE
                   UNION SELECT entity_id FROM mentions WHERE text = ? COLLATE NOCASE) ",
            );
            args.push(Box::new(entity.clone()));
            args.push(Box::new(entity.clone()));
        }
        sql.push_str(
            "SELECT a.seq, d.id, d.title, d.outlet, d.published, a.id, a.kind,
                a.cue_start, a.cue_end, a.cue_text, a.cue_lemma,
                a.source_start, a.source_end, a.source_text, a.source_entity,
                (SELECT e.name FROM entities e WHERE e.doc = a.doc AND e.id = a.source_entity),
                a.source_kind, a.source_role, a.hedge_text, a.hedge_certainty, a.confidence
             FROM attributions a JOIN documents d ON d.seq = a.doc WHERE 1 = 1",
        );
        if let Some(doc) = &q.document {
            sql.push_str(" AND d.id = ?");
            args.push(Box::new(doc.to_string()));
        }
        if let Some(source) = &q.source {
            let like = format!("%{}%", escape_like(source));
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
        sql.push_str(" ORDER BY d.seq, a.n LIMIT ?");
        args.push(Box::new(q.limit.map_or(-1, |l| l as i64)));
        let rows = (|| -> Result<Vec<(i64, Claim)>, rusqlite::Error> {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), claim_row)?;
            rows.collect()
        })()
        .map_err(|e| search_error(e, q.search.as_deref()))?;
        let mut content = self.conn.prepare_cached(
            "SELECT start, \"end\", text FROM attribution_content WHERE attribution = ?1 ORDER BY n",
        )?;
        let mut via = self.conn.prepare_cached(
            "SELECT text, entity, kind, cue FROM attribution_via WHERE attribution = ?1 ORDER BY n",
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
                    Ok(ClaimVia {
                        text: r.get(0)?,
                        entity: r.get(1)?,
                        kind: r.get(2)?,
                        cue: r.get(3)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            out.push(claim);
        }
        Ok(out)
    }
}

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
            kind: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
            role: r.get(17)?,
        }),
        None => None,
    };
    Ok((
        r.get(0)?,
        Claim {
            document: r.get(1)?,
            title: r.get(2)?,
            outlet: r.get(3)?,
            published: r.get(4)?,
            id: r.get(5)?,
            kind: r.get(6)?,
            cue: StoredSpan {
                start: r.get::<_, i64>(7)? as usize,
                end: r.get::<_, i64>(8)? as usize,
                text: r.get(9)?,
            },
            lemma: r.get(10)?,
            source,
            content: Vec::new(),
            via: Vec::new(),
            hedge: r.get(18)?,
            certainty: r.get(19)?,
            confidence: r.get(20)?,
        },
    ))
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

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn insert_document(tx: &Transaction, a: &Analysis) -> Result<i64, StoreError> {
    let d = &a.document;
    tx.execute(
        "INSERT INTO documents (id, title, byline, outlet, url, published, path, language, text,
                                chars, added_at, analyzer, analyzed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                 strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?11, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
        params![
            d.id.as_str(),
            d.title,
            d.byline,
            d.outlet,
            d.url,
            d.published,
            d.path,
            d.language,
            d.text,
            d.text.chars().count() as i64,
            a.analyzer
        ],
    )?;
    let seq = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
        params![seq, d.title, d.text],
    )?;
    Ok(seq)
}

fn delete_layers(tx: &Transaction, doc: i64) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO claims_fts (claims_fts, rowid, content_text, source_text)
         SELECT 'delete', seq, content_text, source_text FROM attributions WHERE doc = ?1",
        [doc],
    )?;
    tx.execute(
        "DELETE FROM attribution_content WHERE attribution IN (SELECT seq FROM attributions WHERE doc = ?1)",
        [doc],
    )?;
    tx.execute(
        "DELETE FROM attribution_via WHERE attribution IN (SELECT seq FROM attributions WHERE doc = ?1)",
        [doc],
    )?;
    for table in [
        "attributions",
        "sentences",
        "mentions",
        "entities",
        "quantities",
        "times",
        "hedges",
        "flags",
    ] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc = ?1"), [doc])?;
    }
    Ok(())
}

fn insert_layers(tx: &Transaction, doc: i64, a: &Analysis) -> Result<(), StoreError> {
    let text = a.text();
    let map = CharMap::new(text);
    let c = |b: usize| map.char_of(b) as i64;
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("").to_string();

    let mut stmt = tx
        .prepare_cached("INSERT INTO sentences (doc, n, start, \"end\") VALUES (?1, ?2, ?3, ?4)")?;
    for (n, s) in a.sentences.iter().enumerate() {
        stmt.execute(params![doc, n as i64, c(s.span.start), c(s.span.end)])?;
    }

    let mut ent = tx.prepare_cached(
        "INSERT OR IGNORE INTO entities (doc, id, n, name, type, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut men = tx.prepare_cached(
        "INSERT INTO mentions (doc, entity_id, n, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut mention_n = 0i64;
    for (n, e) in a.entities.iter().enumerate() {
        ent.execute(params![
            doc,
            e.id,
            n as i64,
            e.name,
            tag(&e.etype),
            tag(&e.kind)
        ])?;
        for m in &e.mentions {
            men.execute(params![
                doc,
                e.id,
                mention_n,
                c(m.span.start),
                c(m.span.end),
                slice(m.span)
            ])?;
            mention_n += 1;
        }
    }

    let mut att = tx.prepare_cached(
        "INSERT INTO attributions (doc, id, n, kind, cue_start, cue_end, cue_text, cue_lemma,
            source_start, source_end, source_text, source_entity, source_kind, source_role,
            hedge_start, hedge_end, hedge_text, hedge_certainty, hedge_kind, hedge_scope_start,
            hedge_scope_end, confidence, content_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23)",
    )?;
    let mut fts = tx.prepare_cached(
        "INSERT INTO claims_fts (rowid, content_text, source_text) VALUES (?1, ?2, ?3)",
    )?;
    let mut content = tx.prepare_cached(
        "INSERT INTO attribution_content (attribution, n, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut via = tx.prepare_cached(
        "INSERT INTO attribution_via (attribution, n, text, entity, kind, cue, start, \"end\")
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut ids = HashSet::new();
    for (n, at) in a.attributions.iter().enumerate() {
        let id = if ids.insert(at.id.clone()) {
            at.id.clone()
        } else {
            format!("{}-{n}", at.id)
        };
        let content_text = at
            .content
            .iter()
            .map(|s| slice(*s))
            .collect::<Vec<_>>()
            .join(" … ");
        let src = at.source.as_ref();
        let source_text = src.map(|s| slice(s.span));
        let h = at.hedge.as_ref();
        att.execute(params![
            doc,
            id,
            n as i64,
            tag(&at.kind),
            c(at.cue.span.start),
            c(at.cue.span.end),
            slice(at.cue.span),
            at.cue.lemma,
            src.map(|s| c(s.span.start)),
            src.map(|s| c(s.span.end)),
            source_text,
            src.and_then(|s| s.entity.clone()),
            src.map(|s| tag(&s.kind)),
            src.and_then(|s| s.role.clone()),
            h.map(|h| c(h.span.start)),
            h.map(|h| c(h.span.end)),
            h.map(|h| slice(h.span)),
            h.map(|h| tag(&h.certainty)),
            h.map(|h| tag(&h.kind)),
            h.map(|h| c(h.scope.start)),
            h.map(|h| c(h.scope.end)),
            at.confidence as f64,
            content_text,
        ])?;
        let seq = tx.last_insert_rowid();
        fts.execute(params![seq, content_text, source_text])?;
        for (i, s) in at.content.iter().enumerate() {
            content.execute(params![seq, i as i64, c(s.start), c(s.end), slice(*s)])?;
        }
        for (i, v) in at.via.iter().enumerate() {
            let implied = v.span.is_empty();
            via.execute(params![
                seq,
                i as i64,
                v.text,
                v.entity,
                tag(&v.kind),
                v.cue,
                (!implied).then(|| c(v.span.start)),
                (!implied).then(|| c(v.span.end)),
            ])?;
        }
    }

    let mut q = tx.prepare_cached(
        "INSERT INTO quantities (doc, n, start, \"end\", text, value, min, max, unit, approximate)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (n, x) in a.quantities.iter().enumerate() {
        q.execute(params![
            doc,
            n as i64,
            c(x.span.start),
            c(x.span.end),
            slice(x.span),
            x.value,
            x.min,
            x.max,
            x.unit,
            x.approximate
        ])?;
    }
    let mut t = tx.prepare_cached(
        "INSERT INTO times (doc, n, start, \"end\", text, start_date, end_date, granularity, anchor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (n, x) in a.times.iter().enumerate() {
        t.execute(params![
            doc,
            n as i64,
            c(x.span.start),
            c(x.span.end),
            slice(x.span),
            x.start_date,
            x.end_date,
            tag(&x.granularity),
            tag(&x.anchor)
        ])?;
    }
    let mut h = tx.prepare_cached(
        "INSERT INTO hedges (doc, n, start, \"end\", text, certainty, kind, scope_start, scope_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (n, x) in a.hedges.iter().enumerate() {
        h.execute(params![
            doc,
            n as i64,
            c(x.span.start),
            c(x.span.end),
            slice(x.span),
            tag(&x.certainty),
            tag(&x.kind),
            c(x.scope.start),
            c(x.scope.end)
        ])?;
    }
    let mut f = tx.prepare_cached(
        "INSERT INTO flags (doc, n, kind, entities, mentions, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (n, x) in a.flags.iter().enumerate() {
        let mentions: Vec<[i64; 2]> = x.mentions.iter().map(|m| [c(m.start), c(m.end)]).collect();
        f.execute(params![
            doc,
            n as i64,
            tag(&x.kind),
            serde_json::to_string(&x.entities).expect("strings serialize"),
            serde_json::to_string(&mentions).expect("numbers serialize"),
            x.note
        ])?;
    }
    Ok(())
}

/// A stored via link: text, entity, kind, cue, start, end.
type ViaRow = (
    String,
    Option<String>,
    String,
    Option<String>,
    Option<i64>,
    Option<i64>,
);
/// A stored time: start, end, start date, end date, granularity, anchor.
type TimeRow = (i64, i64, Option<String>, Option<String>, String, String);

fn load_layers(
    conn: &Connection,
    doc: i64,
    map: &CharMap,
    a: &mut Analysis,
) -> Result<(), StoreError> {
    let b = |c: i64| map.byte_of(c.max(0) as usize);
    let span = |s: i64, e: i64| Span::new(b(s), b(e));

    let mut stmt =
        conn.prepare_cached("SELECT start, \"end\" FROM sentences WHERE doc = ?1 ORDER BY n")?;
    a.sentences = stmt
        .query_map([doc], |r| {
            Ok(Sentence {
                span: span(r.get(0)?, r.get(1)?),
                tokens: 0..0,
            })
        })?
        .collect::<Result<_, _>>()?;

    let mut stmt =
        conn.prepare_cached("SELECT id, name, type, kind FROM entities WHERE doc = ?1 ORDER BY n")?;
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let mut men = conn.prepare_cached(
        "SELECT start, \"end\" FROM mentions WHERE doc = ?1 AND entity_id = ?2 ORDER BY n",
    )?;
    for (id, name, etype, kind) in rows {
        let mentions = men
            .query_map(params![doc, id], |r| {
                Ok(Mention {
                    span: span(r.get(0)?, r.get(1)?),
                    tokens: 0..0,
                })
            })?
            .collect::<Result<_, _>>()?;
        a.entities.push(Entity {
            id,
            name,
            etype: untag(&etype)?,
            kind: untag(&kind)?,
            mentions,
        });
    }

    type AttRow = (
        i64,
        String,
        String,
        i64,
        i64,
        String,
        Option<(i64, i64, Option<String>, String, Option<String>)>,
        Option<(i64, i64, String, String, i64, i64)>,
        f64,
    );
    let mut stmt = conn.prepare_cached(
        "SELECT seq, id, kind, cue_start, cue_end, cue_lemma,
                source_start, source_end, source_entity, source_kind, source_role,
                hedge_start, hedge_end, hedge_certainty, hedge_kind, hedge_scope_start, hedge_scope_end,
                confidence
         FROM attributions WHERE doc = ?1 ORDER BY n",
    )?;
    let rows: Vec<AttRow> = stmt
        .query_map([doc], |r| {
            let source = match r.get::<_, Option<i64>>(6)? {
                Some(s) => Some((s, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?)),
                None => None,
            };
            let hedge = match r.get::<_, Option<i64>>(11)? {
                Some(s) => Some((
                    s,
                    r.get(12)?,
                    r.get(13)?,
                    r.get(14)?,
                    r.get(15)?,
                    r.get(16)?,
                )),
                None => None,
            };
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                source,
                hedge,
                r.get(17)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut content = conn.prepare_cached(
        "SELECT start, \"end\" FROM attribution_content WHERE attribution = ?1 ORDER BY n",
    )?;
    let mut via = conn.prepare_cached(
        "SELECT text, entity, kind, cue, start, \"end\" FROM attribution_via WHERE attribution = ?1 ORDER BY n",
    )?;
    for (seq, id, kind, cs, ce, lemma, source, hedge, confidence) in rows {
        let content = content
            .query_map([seq], |r| Ok(span(r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let via_rows: Vec<ViaRow> = via
            .query_map([seq], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut links = Vec::new();
        for (text, entity, kind, cue, s, e) in via_rows {
            links.push(ViaLink {
                span: match (s, e) {
                    (Some(s), Some(e)) => span(s, e),
                    _ => Span::default(),
                },
                text,
                entity,
                kind: untag(&kind)?,
                cue,
            });
        }
        a.attributions.push(Attribution {
            id,
            kind: untag(&kind)?,
            cue: Cue {
                span: span(cs, ce),
                lemma,
            },
            source: match source {
                Some((s, e, entity, kind, role)) => Some(Source {
                    span: span(s, e),
                    entity,
                    kind: untag(&kind)?,
                    role,
                }),
                None => None,
            },
            content,
            via: links,
            hedge: match hedge {
                Some((s, e, certainty, kind, ss, se)) => Some(Hedge {
                    span: span(s, e),
                    certainty: untag(&certainty)?,
                    kind: untag(&kind)?,
                    scope: span(ss, se),
                }),
                None => None,
            },
            confidence: confidence as f32,
        });
    }

    let mut stmt = conn.prepare_cached(
        "SELECT start, \"end\", value, min, max, unit, approximate FROM quantities WHERE doc = ?1 ORDER BY n",
    )?;
    a.quantities = stmt
        .query_map([doc], |r| {
            Ok(Quantity {
                span: span(r.get(0)?, r.get(1)?),
                value: r.get(2)?,
                min: r.get(3)?,
                max: r.get(4)?,
                unit: r.get(5)?,
                approximate: r.get(6)?,
            })
        })?
        .collect::<Result<_, _>>()?;

    let mut stmt = conn.prepare_cached(
        "SELECT start, \"end\", start_date, end_date, granularity, anchor FROM times WHERE doc = ?1 ORDER BY n",
    )?;
    let rows: Vec<TimeRow> = stmt
        .query_map([doc], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    for (s, e, start_date, end_date, granularity, anchor) in rows {
        a.times.push(TimeExpr {
            span: span(s, e),
            start_date,
            end_date,
            granularity: untag(&granularity)?,
            anchor: untag(&anchor)?,
        });
    }

    let mut stmt = conn.prepare_cached(
        "SELECT start, \"end\", certainty, kind, scope_start, scope_end FROM hedges WHERE doc = ?1 ORDER BY n",
    )?;
    let rows: Vec<(i64, i64, String, String, i64, i64)> = stmt
        .query_map([doc], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    for (s, e, certainty, kind, ss, se) in rows {
        a.hedges.push(Hedge {
            span: span(s, e),
            certainty: untag(&certainty)?,
            kind: untag(&kind)?,
            scope: span(ss, se),
        });
    }

    let mut stmt = conn.prepare_cached(
        "SELECT kind, entities, mentions, note FROM flags WHERE doc = ?1 ORDER BY n",
    )?;
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    for (kind, entities, mentions, note) in rows {
        let entities: Vec<String> = serde_json::from_str(&entities)
            .map_err(|e| StoreError::Corrupt(format!("flag entities: {e}")))?;
        let mentions: Vec<[i64; 2]> = serde_json::from_str(&mentions)
            .map_err(|e| StoreError::Corrupt(format!("flag mentions: {e}")))?;
        a.flags.push(Flag {
            kind: untag(&kind)?,
            entities,
            mentions: mentions.into_iter().map(|[s, e]| span(s, e)).collect(),
            note,
        });
    }
    Ok(())
}
