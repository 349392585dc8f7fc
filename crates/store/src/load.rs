//! The read path: a stored document's layers back into an [`Analysis`].

use crate::StoreError;
use crate::tags::untag;
use hearsay_core::{
    Analysis, Attribution, CharMap, Cue, Entity, Flag, Hedge, Mention, Quantity, Sentence, Source,
    Span, TimeExpr, ViaLink,
};
use rusqlite::Connection;
use std::collections::HashMap;

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

pub(crate) fn load_layers(
    conn: &Connection,
    doc: i64,
    map: &CharMap,
    a: &mut Analysis,
) -> Result<(), StoreError> {
    let b = |c: i64| map.byte_of(c.max(0) as usize);
    let span = |s: i64, e: i64| Span::new(b(s), b(e));

    let sentences: String = conn
        .prepare_cached("SELECT sentences FROM documents WHERE seq = ?1")?
        .query_row([doc], |r| r.get(0))?;
    let sentences: Vec<[i64; 2]> = serde_json::from_str(&sentences)
        .map_err(|e| StoreError::Corrupt(format!("sentences of document {doc}: {e}")))?;
    a.sentences = sentences
        .into_iter()
        .map(|[s, e]| Sentence {
            span: span(s, e),
            tokens: 0..0,
        })
        .collect();

    // Every mention of the document in one pass, handed to its entity in order.
    let mut mentions: HashMap<String, Vec<Mention>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT entity_id, start, \"end\" FROM mentions WHERE doc = ?1 ORDER BY n",
    )?;
    let mut rows = stmt.query([doc])?;
    while let Some(r) = rows.next()? {
        mentions.entry(r.get(0)?).or_default().push(Mention {
            span: span(r.get(1)?, r.get(2)?),
            tokens: 0..0,
        });
    }
    let mut stmt =
        conn.prepare_cached("SELECT id, name, type, kind FROM entities WHERE doc = ?1 ORDER BY n")?;
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    for (id, name, etype, kind) in rows {
        a.entities.push(Entity {
            mentions: mentions.remove(&id).unwrap_or_default(),
            id,
            name,
            etype: untag(&etype)?,
            kind: untag(&kind)?,
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
        Option<(i64, i64)>,
    );
    let mut stmt = conn.prepare_cached(
        "SELECT seq, id, kind, cue_start, cue_end, cue_lemma,
                source_start, source_end, source_entity, source_kind, source_role,
                hedge_start, hedge_end, hedge_certainty, hedge_kind, hedge_scope_start, hedge_scope_end,
                confidence, cue_source_start, cue_source_end
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
                match r.get::<_, Option<i64>>(18)? {
                    Some(s) => Some((s, r.get(19)?)),
                    None => None,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut content = conn.prepare_cached(
        "SELECT start, \"end\" FROM attribution_content WHERE attribution = ?1 ORDER BY n",
    )?;
    let mut via = conn.prepare_cached(
        "SELECT text, entity, kind, cue, start, \"end\" FROM attribution_via WHERE attribution = ?1 ORDER BY n",
    )?;
    for (seq, id, kind, cs, ce, lemma, source, hedge, confidence, cue_source) in rows {
        let content = content
            .query_map([seq], |r| Ok(span(r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let via_rows: Vec<ViaRow> = via
            .query_map([seq], |r| r.try_into())?
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
                    cue_source: cue_source.map(|(s, e)| span(s, e)),
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
        .query_map([doc], |r| r.try_into())?
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
        .query_map([doc], |r| r.try_into())?
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
