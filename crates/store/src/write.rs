//! The write path: one analysis into the tables, inside a transaction the
//! caller holds open (see [`Store::put_batch`](crate::Store::put_batch)).
//!
//! Every statement is prepared once per connection and binds borrowed text,
//! so storing a document allocates little beyond what the database itself needs.

use crate::StoreError;
use crate::db::{Db, Param};
use crate::tags::tag;
use crate::{Put, PutOutcome};
use hearsay_core::{Analysis, CharMap, Span};
use std::collections::{HashMap, HashSet};
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
                    "UPDATE documents SET analyzer = ?2, sentences = ?3, language = ?4,
                     language_confidence = ?5, analyzed_at = {} WHERE seq = ?1",
                    db.now()
                ),
                &[
                    &seq,
                    &a.analyzer,
                    &sentences(a, &map),
                    &a.document.language,
                    &a.document.language_confidence.map(f64::from),
                ],
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
            "INSERT INTO documents (id, title, byline, outlet, url, published, path, language,
                                    language_confidence, text, chars, added_at, analyzer,
                                    analyzed_at, sentences)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, {now}, ?12, {now}, ?13)
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
            &d.language_confidence.map(f64::from),
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

    // Each layer's rows are gathered, then written by one `insert_rows`.
    let entities: Vec<(i64, String, String)> = a
        .entities
        .iter()
        .enumerate()
        .map(|(n, e)| (n as i64, tag(&e.etype), tag(&e.kind)))
        .collect();
    let mut values: Vec<&dyn Param> = Vec::new();
    for (e, (n, etype, kind)) in a.entities.iter().zip(&entities) {
        values.extend([&doc as &dyn Param, &e.id, n, &e.name, etype, kind]);
    }
    db.insert_rows(
        "INSERT INTO entities (doc, id, n, name, type, kind)",
        "ON CONFLICT DO NOTHING",
        6,
        &values,
    )?;

    let mentions: Vec<(i64, &str, i64, i64, &str)> = a
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .enumerate()
        .map(|(n, (e, m))| {
            (
                n as i64,
                e.id.as_str(),
                c(m.span.start),
                c(m.span.end),
                slice(m.span),
            )
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(mentions.len() * 6);
    for (n, entity, start, end, text) in &mentions {
        values.extend([&doc as &dyn Param, n, entity, start, end, text]);
    }
    db.insert_rows(
        "INSERT INTO mentions (doc, n, entity_id, start, \"end\", text)",
        "",
        6,
        &values,
    )?;

    let mut ids = HashSet::new();
    let heads: Vec<AttributionRow> = a
        .attributions
        .iter()
        .enumerate()
        .map(|(n, at)| {
            let id = if ids.insert(at.id.as_str()) {
                at.id.clone()
            } else {
                format!("{}-{n}", at.id)
            };
            let src = at.source.as_ref();
            let h = at.hedge.as_ref();
            AttributionRow {
                id,
                n: n as i64,
                kind: tag(&at.kind),
                cue: (c(at.cue.span.start), c(at.cue.span.end)),
                cue_text: slice(at.cue.span),
                source_start: src.map(|s| c(s.span.start)),
                source_end: src.map(|s| c(s.span.end)),
                source_text: src.map(|s| slice(s.span)),
                source_entity: src.and_then(|s| s.entity.as_deref()),
                source_kind: src.map(|s| tag(&s.kind)),
                source_role: src.and_then(|s| s.role.as_deref()),
                hedge_start: h.map(|h| c(h.span.start)),
                hedge_end: h.map(|h| c(h.span.end)),
                hedge_text: h.map(|h| slice(h.span)),
                hedge_certainty: h.map(|h| tag(&h.certainty)),
                hedge_kind: h.map(|h| tag(&h.kind)),
                scope_start: h.map(|h| c(h.scope.start)),
                scope_end: h.map(|h| c(h.scope.end)),
                confidence: at.confidence as f64,
                content_text: at
                    .content
                    .iter()
                    .map(|s| slice(*s))
                    .collect::<Vec<_>>()
                    .join(" … "),
                cue_source_start: src.and_then(|s| s.cue_source).map(|s| c(s.start)),
                cue_source_end: src.and_then(|s| s.cue_source).map(|s| c(s.end)),
            }
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(heads.len() * 25);
    for h in &heads {
        values.extend([
            &doc as &dyn Param,
            &h.id,
            &h.n,
            &h.kind,
            &h.cue.0,
            &h.cue.1,
            &h.cue_text,
            &a.attributions[h.n as usize].cue.lemma,
            &h.source_start,
            &h.source_end,
            &h.source_text,
            &h.source_entity,
            &h.source_kind,
            &h.source_role,
            &h.hedge_start,
            &h.hedge_end,
            &h.hedge_text,
            &h.hedge_certainty,
            &h.hedge_kind,
            &h.scope_start,
            &h.scope_end,
            &h.confidence,
            &h.content_text,
            &h.cue_source_start,
            &h.cue_source_end,
        ]);
    }
    let seqs: HashMap<i64, i64> = db
        .insert_rows_returning(
            "INSERT INTO attributions (doc, id, n, kind, cue_start, cue_end, cue_text, cue_lemma,
                source_start, source_end, source_text, source_entity, source_kind, source_role,
                hedge_start, hedge_end, hedge_text, hedge_certainty, hedge_kind, hedge_scope_start,
                hedge_scope_end, confidence, content_text, cue_source_start, cue_source_end)",
            "",
            25,
            &values,
            Some("n, seq"),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .into_iter()
        .collect();
    let seq_of = |n: usize| {
        seqs.get(&(n as i64)).copied().ok_or_else(|| {
            StoreError::Corrupt(format!("attribution {n} of document {doc} was not stored"))
        })
    };
    if !db.is_postgres() {
        for h in &heads {
            db.execute(
                "INSERT INTO claims_fts (rowid, content_text, source_text) VALUES (?1, ?2, ?3)",
                &[&seq_of(h.n as usize)?, &h.content_text, &h.source_text],
            )?;
        }
    }
    let mut content: Vec<(i64, i64, i64, i64)> = Vec::new();
    /// `attribution, n, text, entity, kind, cue, start, end` of a via link.
    type ViaRow<'a> = (
        i64,
        i64,
        &'a str,
        Option<&'a str>,
        String,
        Option<&'a str>,
        Option<i64>,
        Option<i64>,
    );
    let mut via: Vec<ViaRow> = Vec::new();
    for (n, at) in a.attributions.iter().enumerate() {
        let seq = seq_of(n)?;
        for (i, s) in at.content.iter().enumerate() {
            content.push((seq, i as i64, c(s.start), c(s.end)));
        }
        for (i, v) in at.via.iter().enumerate() {
            let implied = v.span.is_empty();
            via.push((
                seq,
                i as i64,
                v.text.as_str(),
                v.entity.as_deref(),
                tag(&v.kind),
                v.cue.as_deref(),
                (!implied).then(|| c(v.span.start)),
                (!implied).then(|| c(v.span.end)),
            ));
        }
    }
    let mut values: Vec<&dyn Param> = Vec::with_capacity(content.len() * 4);
    for (seq, i, start, end) in &content {
        values.extend([seq as &dyn Param, i, start, end]);
    }
    db.insert_rows(
        "INSERT INTO attribution_content (attribution, n, start, \"end\")",
        "",
        4,
        &values,
    )?;
    let mut values: Vec<&dyn Param> = Vec::with_capacity(via.len() * 8);
    for (seq, i, text, entity, kind, cue, start, end) in &via {
        values.extend([seq as &dyn Param, i, text, entity, kind, cue, start, end]);
    }
    db.insert_rows(
        "INSERT INTO attribution_via (attribution, n, text, entity, kind, cue, start, \"end\")",
        "",
        8,
        &values,
    )?;

    let quantities: Vec<(i64, i64, i64, &str)> = a
        .quantities
        .iter()
        .enumerate()
        .map(|(n, x)| (n as i64, c(x.span.start), c(x.span.end), slice(x.span)))
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(quantities.len() * 10);
    for (x, (n, start, end, text)) in a.quantities.iter().zip(&quantities) {
        values.extend([
            &doc as &dyn Param,
            n,
            start,
            end,
            text,
            &x.value,
            &x.min,
            &x.max,
            &x.unit,
            &x.approximate,
        ]);
    }
    db.insert_rows(
        "INSERT INTO quantities (doc, n, start, \"end\", text, value, min, max, unit, approximate)",
        "",
        10,
        &values,
    )?;

    let times: Vec<(i64, i64, i64, &str, String, String)> = a
        .times
        .iter()
        .enumerate()
        .map(|(n, x)| {
            (
                n as i64,
                c(x.span.start),
                c(x.span.end),
                slice(x.span),
                tag(&x.granularity),
                tag(&x.anchor),
            )
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(times.len() * 9);
    for (x, (n, start, end, text, granularity, anchor)) in a.times.iter().zip(&times) {
        values.extend([
            &doc as &dyn Param,
            n,
            start,
            end,
            text,
            &x.start_date,
            &x.end_date,
            granularity,
            anchor,
        ]);
    }
    db.insert_rows(
        "INSERT INTO times (doc, n, start, \"end\", text, start_date, end_date, granularity, anchor)",
        "",
        9,
        &values,
    )?;

    /// `n, start, end, text, certainty, kind, scope_start, scope_end` of a hedge (code points).
    type HedgeRow<'a> = (i64, i64, i64, &'a str, String, String, i64, i64);
    let hedges: Vec<HedgeRow> = a
        .hedges
        .iter()
        .enumerate()
        .map(|(n, x)| {
            (
                n as i64,
                c(x.span.start),
                c(x.span.end),
                slice(x.span),
                tag(&x.certainty),
                tag(&x.kind),
                c(x.scope.start),
                c(x.scope.end),
            )
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(hedges.len() * 9);
    for (n, start, end, text, certainty, kind, scope_start, scope_end) in &hedges {
        values.extend([
            &doc as &dyn Param,
            n,
            start,
            end,
            text,
            certainty,
            kind,
            scope_start,
            scope_end,
        ]);
    }
    db.insert_rows(
        "INSERT INTO hedges (doc, n, start, \"end\", text, certainty, kind, scope_start, scope_end)",
        "",
        9,
        &values,
    )?;

    let flags: Vec<(i64, String, String, String)> = a
        .flags
        .iter()
        .enumerate()
        .map(|(n, x)| {
            let mentions: Vec<[i64; 2]> =
                x.mentions.iter().map(|m| [c(m.start), c(m.end)]).collect();
            (
                n as i64,
                tag(&x.kind),
                serde_json::to_string(&x.entities).expect("strings serialize"),
                serde_json::to_string(&mentions).expect("numbers serialize"),
            )
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(flags.len() * 6);
    for (x, (n, kind, entities, mentions)) in a.flags.iter().zip(&flags) {
        values.extend([&doc as &dyn Param, n, kind, entities, mentions, &x.note]);
    }
    db.insert_rows(
        "INSERT INTO flags (doc, n, kind, entities, mentions, note)",
        "",
        6,
        &values,
    )?;
    Ok(())
}

/// An attribution's row, gathered before the rows of a document are written.
struct AttributionRow<'a> {
    id: String,
    n: i64,
    kind: String,
    cue: (i64, i64),
    cue_text: &'a str,
    source_start: Option<i64>,
    source_end: Option<i64>,
    source_text: Option<&'a str>,
    source_entity: Option<&'a str>,
    source_kind: Option<String>,
    source_role: Option<&'a str>,
    hedge_start: Option<i64>,
    hedge_end: Option<i64>,
    hedge_text: Option<&'a str>,
    hedge_certainty: Option<String>,
    hedge_kind: Option<String>,
    scope_start: Option<i64>,
    scope_end: Option<i64>,
    confidence: f64,
    content_text: String,
    cue_source_start: Option<i64>,
    cue_source_end: Option<i64>,
}
