//! The read path: a stored document's layers back into an [`Analysis`].

use crate::StoreError;
use crate::db::Db;
use crate::tags::untag;
use hearsay_core::{
    Analysis, Attribution, CharMap, Cue, Entity, Flag, Hedge, Mention, Quantity, Sentence, Source,
    Span, TimeExpr, ViaLink,
};
use std::collections::HashMap;

pub(crate) fn load_layers(
    db: Db<'_>,
    doc: i64,
    map: &CharMap,
    a: &mut Analysis,
) -> Result<(), StoreError> {
    let b = |c: i64| map.byte_of(c.max(0) as usize);
    let span = |s: i64, e: i64| Span::new(b(s), b(e));

    let sentences: String = db.query_one(
        "SELECT sentences FROM documents WHERE seq = ?1",
        &[&doc],
        |r| r.get(0),
    )?;
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
    for (entity, s, e) in db.query(
        "SELECT entity_id, start, \"end\" FROM mentions WHERE doc = ?1 ORDER BY n",
        &[&doc],
        |r| Ok((r.get::<String>(0)?, r.get::<i64>(1)?, r.get::<i64>(2)?)),
    )? {
        mentions.entry(entity).or_default().push(Mention {
            span: span(s, e),
            tokens: 0..0,
        });
    }
    a.entities = db.query(
        "SELECT id, name, type, kind FROM entities WHERE doc = ?1 ORDER BY n",
        &[&doc],
        |r| {
            let id: String = r.get(0)?;
            Ok(Entity {
                mentions: mentions.remove(&id).unwrap_or_default(),
                id,
                name: r.get(1)?,
                etype: untag(&r.get::<String>(2)?)?,
                kind: untag(&r.get::<String>(3)?)?,
            })
        },
    )?;

    let heads = db.query(
        "SELECT seq, id, kind, cue_start, cue_end, cue_lemma,
                source_start, source_end, source_entity, source_kind, source_role,
                hedge_start, hedge_end, hedge_certainty, hedge_kind, hedge_scope_start, hedge_scope_end,
                confidence, cue_source_start, cue_source_end
         FROM attributions WHERE doc = ?1 ORDER BY n",
        &[&doc],
        |r| {
            let source = match r.get::<Option<i64>>(6)? {
                Some(s) => Some(Source {
                    span: span(s, r.get(7)?),
                    entity: r.get(8)?,
                    kind: untag(&r.get::<String>(9)?)?,
                    role: r.get(10)?,
                    cue_source: match r.get::<Option<i64>>(18)? {
                        Some(s) => Some(span(s, r.get(19)?)),
                        None => None,
                    },
                }),
                None => None,
            };
            let hedge = match r.get::<Option<i64>>(11)? {
                Some(s) => Some(Hedge {
                    span: span(s, r.get(12)?),
                    certainty: untag(&r.get::<String>(13)?)?,
                    kind: untag(&r.get::<String>(14)?)?,
                    scope: span(r.get(15)?, r.get(16)?),
                }),
                None => None,
            };
            let seq: i64 = r.get(0)?;
            Ok((
                seq,
                Attribution {
                    id: r.get(1)?,
                    kind: untag(&r.get::<String>(2)?)?,
                    cue: Cue {
                        span: span(r.get(3)?, r.get(4)?),
                        lemma: r.get(5)?,
                    },
                    source,
                    content: Vec::new(),
                    via: Vec::new(),
                    hedge,
                    confidence: r.get::<f64>(17)? as f32,
                },
            ))
        },
    )?;
    for (seq, mut at) in heads {
        at.content = db.query(
            "SELECT start, \"end\" FROM attribution_content WHERE attribution = ?1 ORDER BY n",
            &[&seq],
            |r| Ok(span(r.get(0)?, r.get(1)?)),
        )?;
        at.via = db.query(
            "SELECT text, entity, kind, cue, start, \"end\" FROM attribution_via WHERE attribution = ?1 ORDER BY n",
            &[&seq],
            |r| {
                Ok(ViaLink {
                    span: match (r.get::<Option<i64>>(4)?, r.get::<Option<i64>>(5)?) {
                        (Some(s), Some(e)) => span(s, e),
                        _ => Span::default(),
                    },
                    text: r.get(0)?,
                    entity: r.get(1)?,
                    kind: untag(&r.get::<String>(2)?)?,
                    cue: r.get(3)?,
                })
            },
        )?;
        a.attributions.push(at);
    }

    a.quantities = db.query(
        "SELECT start, \"end\", value, min, max, unit, approximate FROM quantities WHERE doc = ?1 ORDER BY n",
        &[&doc],
        |r| {
            Ok(Quantity {
                span: span(r.get(0)?, r.get(1)?),
                value: r.get(2)?,
                min: r.get(3)?,
                max: r.get(4)?,
                unit: r.get(5)?,
                approximate: r.get(6)?,
            })
        },
    )?;

    a.times = db.query(
        "SELECT start, \"end\", start_date, end_date, granularity, anchor FROM times WHERE doc = ?1 ORDER BY n",
        &[&doc],
        |r| {
            Ok(TimeExpr {
                span: span(r.get(0)?, r.get(1)?),
                start_date: r.get(2)?,
                end_date: r.get(3)?,
                granularity: untag(&r.get::<String>(4)?)?,
                anchor: untag(&r.get::<String>(5)?)?,
            })
        },
    )?;

    a.hedges = db.query(
        "SELECT start, \"end\", certainty, kind, scope_start, scope_end FROM hedges WHERE doc = ?1 ORDER BY n",
        &[&doc],
        |r| {
            Ok(Hedge {
                span: span(r.get(0)?, r.get(1)?),
                certainty: untag(&r.get::<String>(2)?)?,
                kind: untag(&r.get::<String>(3)?)?,
                scope: span(r.get(4)?, r.get(5)?),
            })
        },
    )?;

    a.flags = db.query(
        "SELECT kind, entities, mentions, note FROM flags WHERE doc = ?1 ORDER BY n",
        &[&doc],
        |r| {
            let entities: Vec<String> = serde_json::from_str(&r.get::<String>(1)?)
                .map_err(|e| StoreError::Corrupt(format!("flag entities: {e}")))?;
            let mentions: Vec<[i64; 2]> = serde_json::from_str(&r.get::<String>(2)?)
                .map_err(|e| StoreError::Corrupt(format!("flag mentions: {e}")))?;
            Ok(Flag {
                kind: untag(&r.get::<String>(0)?)?,
                entities,
                mentions: mentions.into_iter().map(|[s, e]| span(s, e)).collect(),
                note: r.get(3)?,
            })
        },
    )?;
    Ok(())
}
