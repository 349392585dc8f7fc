//! The claim graph in the tables: resolve's facts per document, and the graph
//! of each story (a connected part of the graph) written and read whole.

use crate::StoreError;
use crate::tags::{tag, untag};
use hearsay_core::DocId;
use hearsay_resolve::{
    DocFacts, FACTS_VERSION, Graph, GraphClaim, GraphCluster, GraphDocument, GraphEntity,
    GraphMention, GraphOrigin, GraphQuantity, GraphRelation, GraphTimeline, TimelinePoint,
};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{BTreeMap, HashMap};

/// Store the facts of the document with row `seq` (replacing older ones).
pub(crate) fn put_facts(conn: &Connection, seq: i64, facts: &DocFacts) -> Result<(), StoreError> {
    let json = serde_json::to_string(facts)
        .map_err(|e| StoreError::Corrupt(format!("facts do not serialize: {e}")))?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO doc_facts (doc, version, facts) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![seq, FACTS_VERSION, json])?;
    Ok(())
}

/// Store facts for a document row that has none of this version yet.
pub(crate) fn put_facts_if_missing(
    conn: &Connection,
    seq: i64,
    facts: &DocFacts,
) -> Result<(), StoreError> {
    let current: Option<u32> = conn
        .prepare_cached("SELECT version FROM doc_facts WHERE doc = ?1")?
        .query_row([seq], |r| r.get(0))
        .optional()?;
    if current != Some(FACTS_VERSION) {
        put_facts(conn, seq, facts)?;
    }
    Ok(())
}

/// The stored facts of these document rows, in the order given; documents
/// without facts of this version are left out.
pub(crate) fn facts_of(conn: &Connection, seqs: &[i64]) -> Result<Vec<DocFacts>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT version, facts FROM doc_facts WHERE doc = ?1")?;
    let mut out = Vec::with_capacity(seqs.len());
    for &seq in seqs {
        let row: Option<(u32, String)> = stmt
            .query_row([seq], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((version, json)) = row
            && version == FACTS_VERSION
        {
            out.push(
                serde_json::from_str(&json).map_err(|e| {
                    StoreError::Corrupt(format!("facts of document row {seq}: {e}"))
                })?,
            );
        }
    }
    Ok(out)
}

/// Document rows without facts of this version (analysed before resolve, or by an older one).
pub(crate) fn missing_facts(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT d.id FROM documents d LEFT JOIN doc_facts f ON f.doc = d.seq
         WHERE f.doc IS NULL OR f.version <> ?1 ORDER BY d.seq",
    )?;
    let rows = stmt.query_map([FACTS_VERSION], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, StoreError> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("stored graph value: {e}")))
}

/// Remove everything the graph holds of these stories.
/// Fail with [`StoreError::Conflict`] unless every story of `remove` is still
/// stored and none of `docs` has a story yet: what a resolve read is still so.
pub(crate) fn unchanged<'d>(
    conn: &Connection,
    remove: &[String],
    docs: impl Iterator<Item = &'d DocId>,
) -> Result<(), StoreError> {
    let mut story =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM graph_stories WHERE story = ?1)")?;
    for s in remove {
        if !story.query_row([s], |r| r.get::<_, bool>(0))? {
            return Err(StoreError::Conflict(format!("story {s} was replaced")));
        }
    }
    let mut resolved = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM graph_stories s JOIN documents d ON d.seq = s.doc WHERE d.id = ?1)",
    )?;
    for d in docs {
        if resolved.query_row([d.as_str()], |r| r.get::<_, bool>(0))? {
            return Err(StoreError::Conflict(format!(
                "document {} was resolved",
                d.short()
            )));
        }
    }
    Ok(())
}

pub(crate) fn delete_stories(conn: &Connection, stories: &[String]) -> Result<(), StoreError> {
    for story in stories {
        conn.prepare_cached(
            "DELETE FROM graph_mentions WHERE claim IN (SELECT id FROM graph_claims WHERE story = ?1)",
        )?
        .execute([story])?;
        conn.prepare_cached(
            "DELETE FROM graph_aliases WHERE entity IN (SELECT id FROM graph_entities WHERE story = ?1)",
        )?
        .execute([story])?;
        conn.prepare_cached(
            "DELETE FROM graph_entity_members WHERE entity IN (SELECT id FROM graph_entities WHERE story = ?1)",
        )?
        .execute([story])?;
        for table in [
            "graph_entities",
            "graph_origins",
            "graph_claims",
            "graph_clusters",
            "graph_relations",
            "graph_timeline_points",
        ] {
            conn.prepare_cached(&format!("DELETE FROM {table} WHERE story = ?1"))?
                .execute([story])?;
        }
    }
    Ok(())
}

/// Write the graph of one story (its rows must have been deleted first).
pub(crate) fn write_story(
    conn: &Connection,
    story: &str,
    graph: &Graph,
    seq_of: &HashMap<String, i64>,
) -> Result<(), StoreError> {
    let mut ent = conn.prepare_cached(
        "INSERT INTO graph_entities (id, story, name, type, kind, aliases, variants, affiliation,
            country, roles, documents) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut member = conn.prepare_cached(
        "INSERT OR REPLACE INTO graph_entity_members (doc, local, entity) VALUES (?1, ?2, ?3)",
    )?;
    let mut alias =
        conn.prepare_cached("INSERT OR IGNORE INTO graph_aliases (alias, entity) VALUES (?1, ?2)")?;
    for e in &graph.entities {
        ent.execute(params![
            e.id,
            story,
            e.name,
            tag(&e.etype),
            tag(&e.kind),
            json(&e.aliases),
            json(&e.variants),
            e.affiliation,
            e.country,
            json(&e.roles),
            e.documents as i64
        ])?;
        for (doc, local) in &e.members {
            if let Some(seq) = seq_of.get(doc) {
                member.execute(params![seq, local, e.id])?;
            }
        }
        for a in e.aliases.iter().chain(std::iter::once(&e.name)) {
            alias.execute(params![a, e.id])?;
        }
    }
    let mut org = conn.prepare_cached(
        "INSERT INTO graph_origins (id, story, description, kind, entity, reliability,
            reliability_reason, merged) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for o in &graph.origins {
        org.execute(params![
            o.id,
            story,
            o.description,
            tag(&o.kind),
            o.entity,
            o.reliability,
            o.reliability_reason,
            json(&o.merged)
        ])?;
    }
    let cluster_of: HashMap<&str, &str> = graph
        .clusters
        .iter()
        .flat_map(|k| k.claims.iter().map(move |c| (c.as_str(), k.id.as_str())))
        .collect();
    let order_in: HashMap<&str, usize> = graph
        .clusters
        .iter()
        .flat_map(|k| k.claims.iter().enumerate().map(|(n, c)| (c.as_str(), n)))
        .collect();
    let mut claim = conn.prepare_cached(
        "INSERT INTO graph_claims (id, story, cluster, n, origin, proposition, quantity, credibility,
            credibility_reason, mentions, documents, first_published)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut men = conn.prepare_cached(
        "INSERT OR REPLACE INTO graph_mentions (doc, attribution, claim, n, content, source,
            source_entity, source_kind, via, hedge, headline)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut published: HashMap<&str, (Option<String>, Option<String>)> = HashMap::new();
    for c in &graph.claims {
        let docs: std::collections::BTreeSet<&str> =
            c.mentions.iter().map(|m| m.document.as_str()).collect();
        let first = c.mentions.iter().filter_map(|m| m.published.clone()).min();
        let last = c.mentions.iter().filter_map(|m| m.published.clone()).max();
        let cluster = cluster_of.get(c.id.as_str()).copied().unwrap_or("");
        let span = published.entry(cluster).or_default();
        span.0 = [span.0.clone(), first.clone()].into_iter().flatten().min();
        span.1 = [span.1.clone(), last].into_iter().flatten().max();
        claim.execute(params![
            c.id,
            story,
            cluster,
            order_in.get(c.id.as_str()).copied().unwrap_or(0) as i64,
            c.origin,
            c.proposition,
            c.quantity.as_ref().map(json),
            c.credibility.map(i64::from),
            c.credibility_reason,
            c.mentions.len() as i64,
            docs.len() as i64,
            first
        ])?;
        for (n, m) in c.mentions.iter().enumerate() {
            let Some(seq) = seq_of.get(&m.document) else {
                continue;
            };
            men.execute(params![
                seq,
                m.attribution,
                c.id,
                n as i64,
                m.content,
                m.source,
                m.source_entity,
                tag(&m.source_kind),
                json(&m.via),
                m.hedge,
                m.headline
            ])?;
        }
    }
    let mut clu = conn.prepare_cached(
        "INSERT INTO graph_clusters (id, story, subject, status, independent_origins, credibility,
            assessed_claim, explanation, claims, first_published, last_published)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for k in &graph.clusters {
        let (first, last) = published.get(k.id.as_str()).cloned().unwrap_or_default();
        clu.execute(params![
            k.id,
            story,
            k.subject,
            k.status.as_str(),
            k.independent_origins as i64,
            k.credibility.map(i64::from),
            k.assessed_claim,
            k.explanation,
            k.claims.len() as i64,
            first,
            last
        ])?;
    }
    let mut rel = conn.prepare_cached(
        "INSERT OR IGNORE INTO graph_relations (a, b, type, story) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for r in &graph.relations {
        rel.execute(params![r.a, r.b, tag(&r.kind), story])?;
    }
    let mut point = conn.prepare_cached(
        "INSERT INTO graph_timeline_points (cluster, n, story, subject, date, as_of, value, min, max,
            modality, claim, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for t in &graph.timelines {
        for (n, p) in t.points.iter().enumerate() {
            point.execute(params![
                t.cluster,
                n as i64,
                story,
                t.subject,
                p.date,
                p.as_of,
                p.value,
                p.min,
                p.max,
                tag(&p.modality),
                p.claim,
                p.origin
            ])?;
        }
    }
    Ok(())
}

/// Record each cluster's assessment in its history when it changed, naming
/// the document whose arrival moved it.
pub(crate) fn record_history(
    conn: &Connection,
    graph: &Graph,
    moved_by: Option<&str>,
) -> Result<(), StoreError> {
    let mut last = conn.prepare_cached(
        "SELECT status, credibility, assessed_claim, claims FROM graph_history
         WHERE cluster = ?1 ORDER BY seq DESC LIMIT 1",
    )?;
    let mut add = conn.prepare_cached(
        "INSERT INTO graph_history (cluster, at, document, status, credibility, assessed_claim, claims)
         VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?2, ?3, ?4, ?5, ?6)",
    )?;
    for k in &graph.clusters {
        let now = (
            k.status.as_str().to_string(),
            k.credibility.map(i64::from),
            k.assessed_claim.clone(),
            k.claims.len() as i64,
        );
        let before: Option<(String, Option<i64>, Option<String>, i64)> = last
            .query_row([&k.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        if before.as_ref() != Some(&now) {
            add.execute(params![k.id, moved_by, now.0, now.1, now.2, now.3])?;
        }
    }
    Ok(())
}

/// The whole stored graph, every list sorted by id (points by date).
pub(crate) fn read_graph(conn: &Connection) -> Result<Graph, StoreError> {
    let mut g = Graph::default();
    let mut stmt = conn.prepare(
        "SELECT id, url, path, title, outlet, published, language FROM documents
         ORDER BY published, id",
    )?;
    g.documents = stmt
        .query_map([], |r| {
            Ok(GraphDocument {
                id: r.get(0)?,
                url: r.get(1)?,
                path: r.get(2)?,
                title: r.get(3)?,
                outlet: r.get(4)?,
                published: r.get(5)?,
                language: r.get(6)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    g.entities = read_entities(conn, "1 = 1", &[])?;
    g.origins = read_origins(conn, "1 = 1", &[])?;
    g.claims = read_claims(conn, "1 = 1", &[])?;
    g.clusters = read_clusters(conn, "1 = 1", &[])?;
    let mut stmt = conn.prepare("SELECT a, b, type FROM graph_relations ORDER BY a, b, type")?;
    let rows: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (a, b, kind) in rows {
        g.relations.push(GraphRelation {
            a,
            b,
            kind: untag(&kind)?,
        });
    }
    g.timelines = read_timelines(conn, "1 = 1", &[])?;
    Ok(g)
}

/// Origins matching a WHERE clause over `graph_origins o`.
pub(crate) fn read_origins(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<GraphOrigin>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT o.id, o.description, o.kind, o.entity, o.reliability, o.reliability_reason, o.merged
         FROM graph_origins o WHERE {filter} ORDER BY o.id"
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
    let mut out = Vec::with_capacity(rows.len());
    for (id, description, kind, entity, reliability, reason, merged) in rows {
        out.push(GraphOrigin {
            id,
            description,
            kind: untag(&kind)?,
            entity,
            reliability,
            reliability_reason: reason,
            merged: from_json(&merged)?,
        });
    }
    Ok(out)
}

/// Entities matching a WHERE clause over `graph_entities`.
pub(crate) fn read_entities(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<GraphEntity>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, name, type, kind, aliases, variants, affiliation, country, roles, documents
         FROM graph_entities WHERE {filter} ORDER BY id"
    ))?;
    type Row = (
        String,
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        i64,
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
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(
            |(id, name, etype, kind, aliases, variants, affiliation, country, roles, documents)| {
                Ok(GraphEntity {
                    id,
                    name,
                    etype: untag(&etype)?,
                    kind: untag(&kind)?,
                    aliases: from_json(&aliases)?,
                    variants: from_json(&variants)?,
                    affiliation,
                    country,
                    roles: from_json(&roles)?,
                    documents: documents as usize,
                    members: Vec::new(),
                })
            },
        )
        .collect()
}

/// Claims (with their mentions) matching a WHERE clause over `graph_claims c`.
pub(crate) fn read_claims(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<GraphClaim>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT c.id, c.origin, c.proposition, c.quantity, c.credibility, c.credibility_reason
         FROM graph_claims c WHERE {filter} ORDER BY c.id"
    ))?;
    type Row = (String, String, String, Option<String>, Option<i64>, String);
    let rows: Vec<Row> = stmt
        .query_map(args, |r| {
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
    let mut mentions = conn.prepare_cached(
        "SELECT d.id, m.attribution, m.content, m.source, m.source_entity, m.source_kind, m.via,
                m.hedge, m.headline, d.published
         FROM graph_mentions m JOIN documents d ON d.seq = m.doc
         WHERE m.claim = ?1 ORDER BY m.n",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, origin, proposition, quantity, credibility, reason) in rows {
        type M = (
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
            Option<String>,
            bool,
            Option<String>,
        );
        let ms: Vec<M> = mentions
            .query_map([&id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mentions = ms
            .into_iter()
            .map(
                |(
                    document,
                    attribution,
                    content,
                    source,
                    source_entity,
                    kind,
                    via,
                    hedge,
                    headline,
                    published,
                )| {
                    Ok(GraphMention {
                        document,
                        attribution,
                        content,
                        source,
                        source_entity,
                        source_kind: untag(&kind)?,
                        via: from_json(&via)?,
                        hedge,
                        headline,
                        published,
                    })
                },
            )
            .collect::<Result<Vec<_>, StoreError>>()?;
        out.push(GraphClaim {
            id,
            origin,
            proposition,
            quantity: quantity
                .map(|q| from_json::<GraphQuantity>(&q))
                .transpose()?,
            credibility: credibility.map(|c| c as u8),
            credibility_reason: reason,
            mentions,
        });
    }
    Ok(out)
}

/// Clusters matching a WHERE clause over `graph_clusters k`.
pub(crate) fn read_clusters(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<GraphCluster>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT k.id, k.subject, k.status, k.independent_origins, k.credibility, k.assessed_claim,
                k.explanation
         FROM graph_clusters k WHERE {filter} ORDER BY k.id"
    ))?;
    type Row = (
        String,
        String,
        String,
        i64,
        Option<i64>,
        Option<String>,
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
    let mut claims =
        conn.prepare_cached("SELECT id FROM graph_claims WHERE cluster = ?1 ORDER BY n, id")?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, subject, status, origins, credibility, assessed, explanation) in rows {
        let ids: Vec<String> = claims
            .query_map([&id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        out.push(GraphCluster {
            id,
            subject,
            claims: ids,
            independent_origins: origins as usize,
            status: untag(&status)?,
            credibility: credibility.map(|c| c as u8),
            assessed_claim: assessed,
            explanation,
        });
    }
    Ok(out)
}

/// Timelines matching a WHERE clause over `graph_timeline_points p`, one per cluster.
pub(crate) fn read_timelines(
    conn: &Connection,
    filter: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<GraphTimeline>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT p.cluster, p.subject, p.date, p.as_of, p.value, p.min, p.max, p.modality, p.claim,
                p.origin
         FROM graph_timeline_points p WHERE {filter} ORDER BY p.cluster, p.n"
    ))?;
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
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
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut by: BTreeMap<String, GraphTimeline> = BTreeMap::new();
    for (cluster, subject, date, as_of, value, min, max, modality, claim, origin) in rows {
        by.entry(cluster.clone())
            .or_insert_with(|| GraphTimeline {
                subject,
                cluster,
                points: Vec::new(),
            })
            .points
            .push(TimelinePoint {
                date,
                as_of,
                value,
                min,
                max,
                modality: untag(&modality)?,
                claim,
                origin,
            });
    }
    Ok(by.into_values().collect())
}
