//! The write path: one analysis into the tables, inside a transaction the
//! caller holds open (see [`Store::put_batch`](crate::Store::put_batch)).
//!
//! Every statement is prepared once per connection and binds borrowed text,
//! so storing a document allocates little beyond what the database itself needs.

use crate::StoreError;
use crate::db::Db;
use crate::tags::tag;
use crate::{Put, PutOutcome};
use hearsay_core::{Analysis, CharMap, Span};
use std::collections::HashSet;
use std::fmt::Write;

/// Store `a` with all its layers: a new document is inserted, one stored by
/// another analyzer version gets its layers replaced, one stored by this
/// version is left alone. Runs inside the caller's transaction.
///
/// Several writers may store the same document at once (PostgreSQL ingest
/// workers): the insert of its row waits for the other's transaction and,
/// the row being there once it commits, stores nothing (`ON CONFLICT DO
/// NOTHING`), so a document is stored once, by whoever came first.
pub(crate) fn put_one(db: Db<'_>, item: Put<'_>) -> Result<PutOutcome, StoreError> {
    let a = item.analysis;
    let map = CharMap::new(a.text());
    let seq = match stored(db, a)? {
        Some((seq, analyzer)) if analyzer == a.analyzer => return unchanged(db, seq, item),
        Some((seq, _)) => {
            delete_layers(db, seq)?;
            db.execute(
                &format!(
                    "UPDATE documents SET analyzer = ?2, sentences = ?3, analyzed_at = {}
                     WHERE seq = ?1",
                    db.now()
                ),
                &[&seq, &a.analyzer, &sentences(a, &map)],
            )?;
            insert_layers(db, seq, a, &map)?;
            if let Some(f) = item.facts {
                crate::graph::put_facts(db, seq, f)?;
            }
            return Ok(PutOutcome::Reanalyzed);
        }
        None => insert_document(db, a, &map)?,
    };
    match seq {
        Some(seq) => {
            insert_layers(db, seq, a, &map)?;
            if let Some(f) = item.facts {
                crate::graph::put_facts(db, seq, f)?;
            }
            Ok(PutOutcome::Added)
        }
        // Stored by another writer in the meantime.
        None => match stored(db, a)? {
            Some((seq, _)) => unchanged(db, seq, item),
            None => Err(StoreError::Corrupt(format!(
                "document {} was neither stored nor there",
                a.document.id
            ))),
        },
    }
}

/// The row and analyzer of the stored document with `a`'s id, if any.
fn stored(db: Db<'_>, a: &Analysis) -> Result<Option<(i64, String)>, StoreError> {
    db.query_opt(
        "SELECT seq, analyzer FROM documents WHERE id = ?1",
        &[&a.document.id.as_str()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// A document already stored: only its resolve facts may be missing.
fn unchanged(db: Db<'_>, seq: i64, item: Put<'_>) -> Result<PutOutcome, StoreError> {
    if let Some(f) = item.facts {
        crate::graph::put_facts_if_missing(db, seq, f)?;
    }
    Ok(PutOutcome::Unchanged)
}

/// Insert the document's row (and, on SQLite, its FTS5 row); `None` when
/// another writer stored it first.
fn insert_document(db: Db<'_>, a: &Analysis, map: &CharMap) -> Result<Option<i64>, StoreError> {
    let d = &a.document;
    let now = db.now();
    let Some(seq) = db.insert_seq(
        &format!(
            "INSERT INTO documents (id, title, byline, outlet, url, published, path, language, text,
                                    chars, added_at, analyzer, analyzed_at, sentences)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, {now}, ?11, {now}, ?12)
             ON CONFLICT (id) DO NOTHING"
        ),
        &[
            &d.id.as_str(),
            &d.title,
            &d.byline,
            &d.outlet,
            &d.url,
            &d.published,
            &d.path,
            &d.language,
            &d.text,
            &(map.len_chars() as i64),
            &a.analyzer,
            &sentences(a, map),
        ],
    )?
    else {
        return Ok(None);
    };
    if !db.is_postgres() {
        db.execute(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
            &[&seq, &d.title, &d.text],
        )?;
    }
    Ok(Some(seq))
}

/// The sentence spans as the JSON array `documents.sentences` holds:
/// `[[start,end],…]` in code points.
fn sentences(a: &Analysis, map: &CharMap) -> String {
    let mut json = String::with_capacity(2 + a.sentences.len() * 12);
    json.push('[');
    for (i, s) in a.sentences.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        let (start, end) = (map.char_of(s.span.start), map.char_of(s.span.end));
        // Writing to a String cannot fail.
        let _ = write!(json, "[{start},{end}]");
    }
    json.push(']');
    json
}

fn delete_layers(db: Db<'_>, doc: i64) -> Result<(), StoreError> {
    if !db.is_postgres() {
        db.execute(
            "INSERT INTO claims_fts (claims_fts, rowid, content_text, source_text)
             SELECT 'delete', seq, content_text, source_text FROM attributions WHERE doc = ?1",
            &[&doc],
        )?;
    }
    db.execute(
        "DELETE FROM attribution_content WHERE attribution IN (SELECT seq FROM attributions WHERE doc = ?1)",
        &[&doc],
    )?;
    db.execute(
        "DELETE FROM attribution_via WHERE attribution IN (SELECT seq FROM attributions WHERE doc = ?1)",
        &[&doc],
    )?;
    for table in [
        "attributions",
        "mentions",
        "entities",
        "quantities",
        "times",
        "hedges",
        "flags",
    ] {
        db.execute(&format!("DELETE FROM {table} WHERE doc = ?1"), &[&doc])?;
    }
    Ok(())
}

fn insert_layers(db: Db<'_>, doc: i64, a: &Analysis, map: &CharMap) -> Result<(), StoreError> {
    let text = a.text();
    let c = |b: usize| map.char_of(b) as i64;
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("");

    let mut mention_n = 0i64;
    for (n, e) in a.entities.iter().enumerate() {
        db.execute(
            "INSERT INTO entities (doc, id, n, name, type, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT DO NOTHING",
            &[
                &doc,
                &e.id,
                &(n as i64),
                &e.name,
                &tag(&e.etype),
                &tag(&e.kind),
            ],
        )?;
        for m in &e.mentions {
            db.execute(
                "INSERT INTO mentions (doc, n, entity_id, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                &[
                    &doc,
                    &mention_n,
                    &e.id,
                    &c(m.span.start),
                    &c(m.span.end),
                    &slice(m.span),
                ],
            )?;
            mention_n += 1;
        }
    }

    let mut ids = HashSet::new();
    for (n, at) in a.attributions.iter().enumerate() {
        let id = if ids.insert(at.id.as_str()) {
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
        let seq = db
            .insert_seq(
                "INSERT INTO attributions (doc, id, n, kind, cue_start, cue_end, cue_text, cue_lemma,
                    source_start, source_end, source_text, source_entity, source_kind, source_role,
                    hedge_start, hedge_end, hedge_text, hedge_certainty, hedge_kind, hedge_scope_start,
                    hedge_scope_end, confidence, content_text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                         ?19, ?20, ?21, ?22, ?23)",
                &[
                    &doc,
                    &id,
                    &(n as i64),
                    &tag(&at.kind),
                    &c(at.cue.span.start),
                    &c(at.cue.span.end),
                    &slice(at.cue.span),
                    &at.cue.lemma,
                    &src.map(|s| c(s.span.start)),
                    &src.map(|s| c(s.span.end)),
                    &source_text,
                    &src.and_then(|s| s.entity.as_deref()),
                    &src.map(|s| tag(&s.kind)),
                    &src.and_then(|s| s.role.as_deref()),
                    &h.map(|h| c(h.span.start)),
                    &h.map(|h| c(h.span.end)),
                    &h.map(|h| slice(h.span)),
                    &h.map(|h| tag(&h.certainty)),
                    &h.map(|h| tag(&h.kind)),
                    &h.map(|h| c(h.scope.start)),
                    &h.map(|h| c(h.scope.end)),
                    &(at.confidence as f64),
                    &content_text,
                ],
            )?
            .ok_or_else(|| StoreError::Corrupt(format!("attribution {id} was not stored")))?;
        if !db.is_postgres() {
            db.execute(
                "INSERT INTO claims_fts (rowid, content_text, source_text) VALUES (?1, ?2, ?3)",
                &[&seq, &content_text, &source_text],
            )?;
        }
        for (i, s) in at.content.iter().enumerate() {
            db.execute(
                "INSERT INTO attribution_content (attribution, n, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
                &[&seq, &(i as i64), &c(s.start), &c(s.end)],
            )?;
        }
        for (i, v) in at.via.iter().enumerate() {
            let implied = v.span.is_empty();
            db.execute(
                "INSERT INTO attribution_via (attribution, n, text, entity, kind, cue, start, \"end\")
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                &[
                    &seq,
                    &(i as i64),
                    &v.text,
                    &v.entity,
                    &tag(&v.kind),
                    &v.cue,
                    &(!implied).then(|| c(v.span.start)),
                    &(!implied).then(|| c(v.span.end)),
                ],
            )?;
        }
    }

    for (n, x) in a.quantities.iter().enumerate() {
        db.execute(
            "INSERT INTO quantities (doc, n, start, \"end\", text, value, min, max, unit, approximate)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            &[
                &doc,
                &(n as i64),
                &c(x.span.start),
                &c(x.span.end),
                &slice(x.span),
                &x.value,
                &x.min,
                &x.max,
                &x.unit,
                &x.approximate,
            ],
        )?;
    }
    for (n, x) in a.times.iter().enumerate() {
        db.execute(
            "INSERT INTO times (doc, n, start, \"end\", text, start_date, end_date, granularity, anchor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            &[
                &doc,
                &(n as i64),
                &c(x.span.start),
                &c(x.span.end),
                &slice(x.span),
                &x.start_date,
                &x.end_date,
                &tag(&x.granularity),
                &tag(&x.anchor),
            ],
        )?;
    }
    for (n, x) in a.hedges.iter().enumerate() {
        db.execute(
            "INSERT INTO hedges (doc, n, start, \"end\", text, certainty, kind, scope_start, scope_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            &[
                &doc,
                &(n as i64),
                &c(x.span.start),
                &c(x.span.end),
                &slice(x.span),
                &tag(&x.certainty),
                &tag(&x.kind),
                &c(x.scope.start),
                &c(x.scope.end),
            ],
        )?;
    }
    for (n, x) in a.flags.iter().enumerate() {
        let mentions: Vec<[i64; 2]> = x.mentions.iter().map(|m| [c(m.start), c(m.end)]).collect();
        db.execute(
            "INSERT INTO flags (doc, n, kind, entities, mentions, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            &[
                &doc,
                &(n as i64),
                &tag(&x.kind),
                &serde_json::to_string(&x.entities).expect("strings serialize"),
                &serde_json::to_string(&mentions).expect("numbers serialize"),
                &x.note,
            ],
        )?;
    }
    Ok(())
}
