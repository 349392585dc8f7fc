//! The write path: one analysis into the tables, inside a transaction the
//! caller holds open (see [`SqliteStore::put_batch`](crate::SqliteStore)).
//!
//! Every statement is prepared once per connection (`prepare_cached`) and
//! binds borrowed text, so storing a document allocates little beyond what
//! SQLite itself needs.

use crate::StoreError;
use crate::tags::tag;
use crate::{Put, PutOutcome};
use hearsay_core::{Analysis, CharMap, Span};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashSet;
use std::fmt::Write;

/// Store `a` with all its layers: a new document is inserted, one stored by
/// another analyzer version gets its layers replaced, one stored by this
/// version is left alone. Runs inside the caller's transaction.
pub(crate) fn put_one(conn: &Connection, item: Put<'_>) -> Result<PutOutcome, StoreError> {
    let a = item.analysis;
    let existing: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, analyzer FROM documents WHERE id = ?1")?
        .query_row([a.document.id.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let map = CharMap::new(a.text());
    match existing {
        Some((seq, analyzer)) if analyzer == a.analyzer => {
            if let Some(f) = item.facts {
                crate::graph::put_facts_if_missing(conn, seq, f)?;
            }
            Ok(PutOutcome::Unchanged)
        }
        Some((seq, _)) => {
            delete_layers(conn, seq)?;
            conn.prepare_cached(
                "UPDATE documents SET analyzer = ?2, sentences = ?3, language = ?4,
                 language_confidence = ?5, analyzed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')
                 WHERE seq = ?1",
            )?
            .execute(params![
                seq,
                a.analyzer,
                sentences(a, &map),
                a.document.language,
                a.document.language_confidence
            ])?;
            insert_layers(conn, seq, a, &map)?;
            if let Some(f) = item.facts {
                crate::graph::put_facts(conn, seq, f)?;
            }
            Ok(PutOutcome::Reanalyzed)
        }
        None => {
            let seq = insert_document(conn, a, &map)?;
            insert_layers(conn, seq, a, &map)?;
            if let Some(f) = item.facts {
                crate::graph::put_facts(conn, seq, f)?;
            }
            Ok(PutOutcome::Added)
        }
    }
}

fn insert_document(conn: &Connection, a: &Analysis, map: &CharMap) -> Result<i64, StoreError> {
    let d = &a.document;
    conn.prepare_cached(
        "INSERT INTO documents (id, title, byline, outlet, url, published, path, language,
                                language_confidence, text, chars, added_at, analyzer,
                                analyzed_at, sentences)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                 strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?12, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?13)",
    )?
    .execute(params![
        d.id.as_str(),
        d.title,
        d.byline,
        d.outlet,
        d.url,
        d.published,
        d.path,
        d.language,
        d.language_confidence,
        d.text,
        map.len_chars() as i64,
        a.analyzer,
        sentences(a, map)
    ])?;
    let seq = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![seq, d.title, d.text])?;
    Ok(seq)
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

fn delete_layers(conn: &Connection, doc: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO claims_fts (claims_fts, rowid, content_text, source_text)
         SELECT 'delete', seq, content_text, source_text FROM attributions WHERE doc = ?1",
        [doc],
    )?;
    conn.execute(
        "DELETE FROM attribution_content WHERE attribution IN (SELECT seq FROM attributions WHERE doc = ?1)",
        [doc],
    )?;
    conn.execute(
        "DELETE FROM attribution_via WHERE attribution IN (SELECT seq FROM attributions WHERE doc = ?1)",
        [doc],
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
        conn.execute(&format!("DELETE FROM {table} WHERE doc = ?1"), [doc])?;
    }
    Ok(())
}

fn insert_layers(
    conn: &Connection,
    doc: i64,
    a: &Analysis,
    map: &CharMap,
) -> Result<(), StoreError> {
    let text = a.text();
    let c = |b: usize| map.char_of(b) as i64;
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("");

    let mut ent = conn.prepare_cached(
        "INSERT OR IGNORE INTO entities (doc, id, n, name, type, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut men = conn.prepare_cached(
        "INSERT INTO mentions (doc, n, entity_id, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
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
                mention_n,
                e.id,
                c(m.span.start),
                c(m.span.end),
                slice(m.span)
            ])?;
            mention_n += 1;
        }
    }

    let mut att = conn.prepare_cached(
        "INSERT INTO attributions (doc, id, n, kind, cue_start, cue_end, cue_text, cue_lemma,
            source_start, source_end, source_text, source_entity, source_kind, source_role,
            hedge_start, hedge_end, hedge_text, hedge_certainty, hedge_kind, hedge_scope_start,
            hedge_scope_end, confidence, content_text, cue_source_start, cue_source_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    )?;
    let mut fts = conn.prepare_cached(
        "INSERT INTO claims_fts (rowid, content_text, source_text) VALUES (?1, ?2, ?3)",
    )?;
    let mut content = conn.prepare_cached(
        "INSERT INTO attribution_content (attribution, n, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut via = conn.prepare_cached(
        "INSERT INTO attribution_via (attribution, n, text, entity, kind, cue, start, \"end\")
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
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
            src.and_then(|s| s.entity.as_deref()),
            src.map(|s| tag(&s.kind)),
            src.and_then(|s| s.role.as_deref()),
            h.map(|h| c(h.span.start)),
            h.map(|h| c(h.span.end)),
            h.map(|h| slice(h.span)),
            h.map(|h| tag(&h.certainty)),
            h.map(|h| tag(&h.kind)),
            h.map(|h| c(h.scope.start)),
            h.map(|h| c(h.scope.end)),
            at.confidence as f64,
            content_text,
            src.and_then(|s| s.cue_source).map(|s| c(s.start)),
            src.and_then(|s| s.cue_source).map(|s| c(s.end)),
        ])?;
        let seq = conn.last_insert_rowid();
        fts.execute(params![seq, content_text, source_text])?;
        for (i, s) in at.content.iter().enumerate() {
            content.execute(params![seq, i as i64, c(s.start), c(s.end)])?;
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

    let mut q = conn.prepare_cached(
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
    let mut t = conn.prepare_cached(
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
    let mut h = conn.prepare_cached(
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
    let mut f = conn.prepare_cached(
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
