//! The claim graph in the tables: resolve's facts per document, and the graph
//! of each story (a connected part of the graph) written and read whole.

use crate::StoreError;
use crate::db::{Db, Param, Row};
use crate::tags::{tag, untag};
use hearsay_core::DocId;
use hearsay_resolve::{
    DocFacts, FACTS_VERSION, Graph, GraphClaim, GraphCluster, GraphDocument, GraphEntity,
    GraphMention, GraphOrigin, GraphQuantity, GraphRelation, GraphTimeline, TimelinePoint,
};
use std::collections::{BTreeMap, HashMap};

/// Store the facts of the document with row `seq` (replacing older ones).
pub(crate) fn put_facts(db: Db<'_>, seq: i64, facts: &DocFacts) -> Result<(), StoreError> {
    let json = serde_json::to_string(facts)
        .map_err(|e| StoreError::Corrupt(format!("facts do not serialize: {e}")))?;
    db.execute(
        "INSERT INTO doc_facts (doc, version, facts) VALUES (?1, ?2, ?3)
         ON CONFLICT (doc) DO UPDATE SET version = excluded.version, facts = excluded.facts",
        &[&seq, &i64::from(FACTS_VERSION), &json],
    )?;
    Ok(())
}

/// Store facts for a document row that has none of this version yet.
pub(crate) fn put_facts_if_missing(
    db: Db<'_>,
    seq: i64,
    facts: &DocFacts,
) -> Result<(), StoreError> {
    let current: Option<i64> = db.query_opt(
        "SELECT version FROM doc_facts WHERE doc = ?1",
        &[&seq],
        |r| r.get(0),
    )?;
    if current != Some(i64::from(FACTS_VERSION)) {
        put_facts(db, seq, facts)?;
    }
    Ok(())
}

/// The stored facts of these documents, in the order given; documents
/// without facts of this version are left out.
pub(crate) fn facts_of(db: Db<'_>, ids: &[DocId]) -> Result<Vec<DocFacts>, StoreError> {
    let sql = format!(
        "SELECT d.id, f.facts FROM documents d JOIN doc_facts f ON f.doc = d.seq
         WHERE f.version = ?2 AND d.id IN ({})",
        db.json_texts("?1")
    );
    let mut found: HashMap<String, String> = HashMap::with_capacity(ids.len());
    // A few hundred ids a statement keep each argument small.
    for chunk in ids.chunks(500) {
        let list = crate::database::json_list(chunk.iter().map(DocId::as_str));
        for (id, json) in db.query(&sql, &[&list, &i64::from(FACTS_VERSION)], |r| {
            Ok((r.get::<String>(0)?, r.get::<String>(1)?))
        })? {
            found.insert(id, json);
        }
    }
    ids.iter()
        .filter_map(|id| found.get(id.as_str()).map(|json| (id, json)))
        .map(|(id, json)| {
            serde_json::from_str(json)
                .map_err(|e| StoreError::Corrupt(format!("facts of document {id}: {e}")))
        })
        .collect()
}

/// Document rows without facts of this version (analysed before resolve, or by an older one).
pub(crate) fn missing_facts(db: Db<'_>) -> Result<Vec<String>, StoreError> {
    db.query(
        "SELECT d.id FROM documents d LEFT JOIN doc_facts f ON f.doc = d.seq
         WHERE f.doc IS NULL OR f.version <> ?1 ORDER BY d.seq",
        &[&i64::from(FACTS_VERSION)],
        |r| r.get(0),
    )
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, StoreError> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("stored graph value: {e}")))
}

/// Fail with [`StoreError::Conflict`] unless every story of `remove` is still
/// stored and none of `docs` has a story yet: what a resolve read is still so.
pub(crate) fn unchanged<'d>(
    db: Db<'_>,
    remove: &[String],
    docs: impl Iterator<Item = &'d DocId>,
) -> Result<(), StoreError> {
    for s in remove {
        if !db.exists("SELECT 1 FROM graph_stories WHERE story = ?1", &[s])? {
            return Err(StoreError::Conflict(format!("story {s} was replaced")));
        }
    }
    for d in docs {
        if db.exists(
            "SELECT 1 FROM graph_stories s JOIN documents d ON d.seq = s.doc WHERE d.id = ?1",
            &[&d.as_str()],
        )? {
            return Err(StoreError::Conflict(format!(
                "document {} was resolved",
                d.short()
            )));
        }
    }
    Ok(())
}

/// Remove everything the graph holds of these stories.
pub(crate) fn delete_stories(db: Db<'_>, stories: &[String]) -> Result<(), StoreError> {
    for story in stories {
        db.execute(
            "DELETE FROM graph_mentions WHERE claim IN (SELECT id FROM graph_claims WHERE story = ?1)",
            &[story],
        )?;
        db.execute(
            "DELETE FROM graph_aliases WHERE entity IN (SELECT id FROM graph_entities WHERE story = ?1)",
            &[story],
        )?;
        db.execute(
            "DELETE FROM graph_entity_members WHERE entity IN (SELECT id FROM graph_entities WHERE story = ?1)",
            &[story],
        )?;
        for table in [
            "graph_entities",
            "graph_origins",
            "graph_claims",
            "graph_clusters",
            "graph_relations",
            "graph_timeline_points",
        ] {
            db.execute(&format!("DELETE FROM {table} WHERE story = ?1"), &[story])?;
        }
    }
    Ok(())
}

/// Write the graph of one story (its rows must have been deleted first),
/// each table's rows in one `insert_rows`.
pub(crate) fn write_story(
    db: Db<'_>,
    story: &str,
    graph: &Graph,
    seq_of: &HashMap<String, i64>,
) -> Result<(), StoreError> {
    let entities: Vec<(String, String, String, String, String, i64)> = graph
        .entities
        .iter()
        .map(|e| {
            (
                tag(&e.etype),
                tag(&e.kind),
                json(&e.aliases),
                json(&e.variants),
                json(&e.roles),
                e.documents as i64,
            )
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::new();
    for (e, (etype, kind, aliases, variants, roles, documents)) in
        graph.entities.iter().zip(&entities)
    {
        values.extend([
            &e.id as &dyn Param,
            &story,
            &e.name,
            etype,
            kind,
            aliases,
            variants,
            &e.affiliation,
            &e.country,
            roles,
            documents,
        ]);
    }
    db.insert_rows(
        "INSERT INTO graph_entities (id, story, name, type, kind, aliases, variants, affiliation,
            country, roles, documents)",
        "",
        11,
        &values,
    )?;
    // One row per (document, article entity), the last entity naming it winning.
    let mut members: BTreeMap<(i64, &str), &str> = BTreeMap::new();
    for e in &graph.entities {
        for (doc, local) in &e.members {
            if let Some(&seq) = seq_of.get(doc) {
                members.insert((seq, local.as_str()), e.id.as_str());
            }
        }
    }
    let mut values: Vec<&dyn Param> = Vec::with_capacity(members.len() * 3);
    for ((seq, local), entity) in &members {
        values.extend([seq as &dyn Param, local, entity]);
    }
    db.insert_rows(
        "INSERT INTO graph_entity_members (doc, local, entity)",
        "ON CONFLICT (doc, local) DO UPDATE SET entity = excluded.entity",
        3,
        &values,
    )?;
    let aliases: std::collections::BTreeSet<(&str, &str)> = graph
        .entities
        .iter()
        .flat_map(|e| {
            e.aliases
                .iter()
                .chain(std::iter::once(&e.name))
                .map(move |a| (a.as_str(), e.id.as_str()))
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(aliases.len() * 2);
    for (alias, entity) in &aliases {
        values.extend([alias as &dyn Param, entity]);
    }
    db.insert_rows(
        "INSERT INTO graph_aliases (alias, entity)",
        "ON CONFLICT DO NOTHING",
        2,
        &values,
    )?;

    let origins: Vec<(String, String)> = graph
        .origins
        .iter()
        .map(|o| (tag(&o.kind), json(&o.merged)))
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(origins.len() * 8);
    for (o, (kind, merged)) in graph.origins.iter().zip(&origins) {
        values.extend([
            &o.id as &dyn Param,
            &story,
            &o.description,
            kind,
            &o.entity,
            &o.reliability,
            &o.reliability_reason,
            merged,
        ]);
    }
    db.insert_rows(
        "INSERT INTO graph_origins (id, story, description, kind, entity, reliability,
            reliability_reason, merged)",
        "",
        8,
        &values,
    )?;

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
    let mut published: HashMap<&str, (Option<String>, Option<String>)> = HashMap::new();
    type ClaimRow<'g> = (
        &'g str,
        i64,
        Option<String>,
        Option<i64>,
        i64,
        i64,
        Option<String>,
    );
    let mut claims: Vec<ClaimRow> = Vec::with_capacity(graph.claims.len());
    for c in &graph.claims {
        let docs: std::collections::BTreeSet<&str> =
            c.mentions.iter().map(|m| m.document.as_str()).collect();
        let first = c.mentions.iter().filter_map(|m| m.published.clone()).min();
        let last = c.mentions.iter().filter_map(|m| m.published.clone()).max();
        let cluster = cluster_of.get(c.id.as_str()).copied().unwrap_or("");
        let span = published.entry(cluster).or_default();
        span.0 = [span.0.clone(), first.clone()].into_iter().flatten().min();
        span.1 = [span.1.clone(), last].into_iter().flatten().max();
        claims.push((
            cluster,
            order_in.get(c.id.as_str()).copied().unwrap_or(0) as i64,
            c.quantity.as_ref().map(json),
            c.credibility.map(i64::from),
            c.mentions.len() as i64,
            docs.len() as i64,
            first,
        ));
    }
    let mut values: Vec<&dyn Param> = Vec::with_capacity(claims.len() * 12);
    for (c, (cluster, n, quantity, credibility, mentions, documents, first)) in
        graph.claims.iter().zip(&claims)
    {
        values.extend([
            &c.id as &dyn Param,
            &story,
            cluster,
            n,
            &c.origin,
            &c.proposition,
            quantity,
            credibility,
            &c.credibility_reason,
            mentions,
            documents,
            first,
        ]);
    }
    db.insert_rows(
        "INSERT INTO graph_claims (id, story, cluster, n, origin, proposition, quantity, credibility,
            credibility_reason, mentions, documents, first_published)",
        "",
        12,
        &values,
    )?;

    // One row per (document, attribution), the last claim naming it winning.
    let mut mentions: BTreeMap<(i64, &str), (&str, i64, &hearsay_resolve::GraphMention)> =
        BTreeMap::new();
    for c in &graph.claims {
        for (n, m) in c.mentions.iter().enumerate() {
            if let Some(&seq) = seq_of.get(&m.document) {
                mentions.insert((seq, m.attribution.as_str()), (c.id.as_str(), n as i64, m));
            }
        }
    }
    let extra: Vec<(String, String)> = mentions
        .values()
        .map(|(_, _, m)| (tag(&m.source_kind), json(&m.via)))
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(mentions.len() * 11);
    for (((seq, attribution), (claim, n, m)), (kind, via)) in mentions.iter().zip(&extra) {
        values.extend([
            seq as &dyn Param,
            attribution,
            claim,
            n,
            &m.content,
            &m.source,
            &m.source_entity,
            kind,
            via,
            &m.hedge,
            &m.headline,
        ]);
    }
    db.insert_rows(
        "INSERT INTO graph_mentions (doc, attribution, claim, n, content, source,
            source_entity, source_kind, via, hedge, headline)",
        "ON CONFLICT (doc, attribution) DO UPDATE SET claim = excluded.claim,
            n = excluded.n, content = excluded.content, source = excluded.source,
            source_entity = excluded.source_entity, source_kind = excluded.source_kind,
            via = excluded.via, hedge = excluded.hedge, headline = excluded.headline",
        11,
        &values,
    )?;

    type ClusterRow = (
        &'static str,
        i64,
        Option<i64>,
        i64,
        Option<String>,
        Option<String>,
    );
    let clusters: Vec<ClusterRow> = graph
        .clusters
        .iter()
        .map(|k| {
            let (first, last) = published.get(k.id.as_str()).cloned().unwrap_or_default();
            (
                k.status.as_str(),
                k.independent_origins as i64,
                k.credibility.map(i64::from),
                k.claims.len() as i64,
                first,
                last,
            )
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(clusters.len() * 11);
    for (k, (status, origins, credibility, claims, first, last)) in
        graph.clusters.iter().zip(&clusters)
    {
        values.extend([
            &k.id as &dyn Param,
            &story,
            &k.subject,
            status,
            origins,
            credibility,
            &k.assessed_claim,
            &k.explanation,
            claims,
            first,
            last,
        ]);
    }
    db.insert_rows(
        "INSERT INTO graph_clusters (id, story, subject, status, independent_origins, credibility,
            assessed_claim, explanation, claims, first_published, last_published)",
        "",
        11,
        &values,
    )?;

    let relations: std::collections::BTreeSet<(&str, &str, String)> = graph
        .relations
        .iter()
        .map(|r| (r.a.as_str(), r.b.as_str(), tag(&r.kind)))
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(relations.len() * 4);
    for (a, b, kind) in &relations {
        values.extend([a as &dyn Param, b, kind, &story]);
    }
    db.insert_rows(
        "INSERT INTO graph_relations (a, b, type, story)",
        "ON CONFLICT DO NOTHING",
        4,
        &values,
    )?;

    let points: Vec<(&GraphTimeline, i64, &TimelinePoint, String)> = graph
        .timelines
        .iter()
        .flat_map(|t| {
            t.points
                .iter()
                .enumerate()
                .map(move |(n, p)| (t, n as i64, p, tag(&p.modality)))
        })
        .collect();
    let mut values: Vec<&dyn Param> = Vec::with_capacity(points.len() * 12);
    for (t, n, p, modality) in &points {
        values.extend([
            &t.cluster as &dyn Param,
            n,
            &story,
            &t.subject,
            &p.date,
            &p.as_of,
            &p.value,
            &p.min,
            &p.max,
            modality,
            &p.claim,
            &p.origin,
        ]);
    }
    db.insert_rows(
        "INSERT INTO graph_timeline_points (cluster, n, story, subject, date, as_of, value,
            min, max, modality, claim, origin)",
        "",
        12,
        &values,
    )
}

/// Record each cluster's assessment in its history when it changed, naming
/// the document whose arrival moved it.
pub(crate) fn record_history(
    db: Db<'_>,
    graph: &Graph,
    moved_by: Option<&str>,
) -> Result<(), StoreError> {
    type Assessment = (String, Option<i64>, Option<String>, i64);
    let ids = crate::database::json_list(graph.clusters.iter().map(|k| &k.id));
    let before: HashMap<String, Assessment> = db
        .query(
            &format!(
                "SELECT cluster, status, credibility, assessed_claim, claims FROM graph_history
                 WHERE seq IN (SELECT max(seq) FROM graph_history
                               WHERE cluster IN ({}) GROUP BY cluster)",
                db.json_texts("?1")
            ),
            &[&ids],
            |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))),
        )?
        .into_iter()
        .collect();
    let changed: Vec<(&str, Assessment)> = graph
        .clusters
        .iter()
        .map(|k| {
            (
                k.id.as_str(),
                (
                    k.status.as_str().to_string(),
                    k.credibility.map(i64::from),
                    k.assessed_claim.clone(),
                    k.claims.len() as i64,
                ),
            )
        })
        .filter(|(id, now)| before.get(*id) != Some(now))
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let at: String = db.query_one(&format!("SELECT {}", db.now()), &[], |r| r.get(0))?;
    let mut values: Vec<&dyn Param> = Vec::with_capacity(changed.len() * 7);
    for (cluster, (status, credibility, assessed, claims)) in &changed {
        values.extend([
            cluster as &dyn Param,
            &at,
            &moved_by,
            status,
            credibility,
            assessed,
            claims,
        ]);
    }
    db.insert_rows(
        "INSERT INTO graph_history (cluster, at, document, status, credibility, assessed_claim, claims)",
        "",
        7,
        &values,
    )
}

/// A document of the graph from a row `id, url, path, title, outlet, published, language`.
pub(crate) fn document_row(r: &Row<'_>) -> Result<GraphDocument, StoreError> {
    Ok(GraphDocument {
        id: r.get(0)?,
        url: r.get(1)?,
        path: r.get(2)?,
        title: r.get(3)?,
        outlet: r.get(4)?,
        published: r.get(5)?,
        language: r.get(6)?,
    })
}

/// The whole stored graph, every list sorted by id (points by date).
pub(crate) fn read_graph(db: Db<'_>) -> Result<Graph, StoreError> {
    Ok(Graph {
        documents: db.query(
            "SELECT id, url, path, title, outlet, published, language FROM documents
             ORDER BY published NULLS FIRST, id",
            &[],
            document_row,
        )?,
        entities: read_entities(db, "1 = 1", &[])?,
        origins: read_origins(db, "1 = 1", &[])?,
        claims: read_claims(db, "1 = 1", &[])?,
        clusters: read_clusters(db, "1 = 1", &[])?,
        relations: db.query(
            "SELECT a, b, type FROM graph_relations ORDER BY a, b, type",
            &[],
            relation_row,
        )?,
        timelines: read_timelines(db, "1 = 1", &[])?,
    })
}

/// A relation from a row `a, b, type`.
pub(crate) fn relation_row(r: &Row<'_>) -> Result<GraphRelation, StoreError> {
    Ok(GraphRelation {
        a: r.get(0)?,
        b: r.get(1)?,
        kind: untag(&r.get::<String>(2)?)?,
    })
}

/// Origins matching a WHERE clause over `graph_origins o`.
pub(crate) fn read_origins(
    db: Db<'_>,
    filter: &str,
    args: &[&dyn Param],
) -> Result<Vec<GraphOrigin>, StoreError> {
    db.query(
        &format!(
            "SELECT o.id, o.description, o.kind, o.entity, o.reliability, o.reliability_reason, o.merged
             FROM graph_origins o WHERE {filter} ORDER BY o.id"
        ),
        args,
        |r| {
            Ok(GraphOrigin {
                id: r.get(0)?,
                description: r.get(1)?,
                kind: untag(&r.get::<String>(2)?)?,
                entity: r.get(3)?,
                reliability: r.get(4)?,
                reliability_reason: r.get(5)?,
                merged: from_json(&r.get::<String>(6)?)?,
            })
        },
    )
}

/// Entities matching a WHERE clause over `graph_entities`.
pub(crate) fn read_entities(
    db: Db<'_>,
    filter: &str,
    args: &[&dyn Param],
) -> Result<Vec<GraphEntity>, StoreError> {
    db.query(
        &format!(
            "SELECT id, name, type, kind, aliases, variants, affiliation, country, roles, documents
             FROM graph_entities WHERE {filter} ORDER BY id"
        ),
        args,
        |r| {
            Ok(GraphEntity {
                id: r.get(0)?,
                name: r.get(1)?,
                etype: untag(&r.get::<String>(2)?)?,
                kind: untag(&r.get::<String>(3)?)?,
                aliases: from_json(&r.get::<String>(4)?)?,
                variants: from_json(&r.get::<String>(5)?)?,
                affiliation: r.get(6)?,
                country: r.get(7)?,
                roles: from_json(&r.get::<String>(8)?)?,
                documents: r.get::<i64>(9)? as usize,
                members: Vec::new(),
            })
        },
    )
}

/// Claims (with their mentions) matching a WHERE clause over `graph_claims c`.
pub(crate) fn read_claims(
    db: Db<'_>,
    filter: &str,
    args: &[&dyn Param],
) -> Result<Vec<GraphClaim>, StoreError> {
    type Head = (String, String, String, Option<String>, Option<i64>, String);
    let heads: Vec<Head> = db.query(
        &format!(
            "SELECT c.id, c.origin, c.proposition, c.quantity, c.credibility, c.credibility_reason
             FROM graph_claims c WHERE {filter} ORDER BY c.id"
        ),
        args,
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        },
    )?;
    let mut out = Vec::with_capacity(heads.len());
    for (id, origin, proposition, quantity, credibility, reason) in heads {
        let mentions = db.query(
            "SELECT d.id, m.attribution, m.content, m.source, m.source_entity, m.source_kind, m.via,
                    m.hedge, m.headline, d.published
             FROM graph_mentions m JOIN documents d ON d.seq = m.doc
             WHERE m.claim = ?1 ORDER BY m.n",
            &[&id],
            |r| {
                Ok(GraphMention {
                    document: r.get(0)?,
                    attribution: r.get(1)?,
                    content: r.get(2)?,
                    source: r.get(3)?,
                    source_entity: r.get(4)?,
                    source_kind: untag(&r.get::<String>(5)?)?,
                    via: from_json(&r.get::<String>(6)?)?,
                    hedge: r.get(7)?,
                    headline: r.get(8)?,
                    published: r.get(9)?,
                })
            },
        )?;
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
    db: Db<'_>,
    filter: &str,
    args: &[&dyn Param],
) -> Result<Vec<GraphCluster>, StoreError> {
    let mut out = db.query(
        &format!(
            "SELECT k.id, k.subject, k.status, k.independent_origins, k.credibility, k.assessed_claim,
                    k.explanation
             FROM graph_clusters k WHERE {filter} ORDER BY k.id"
        ),
        args,
        |r| {
            Ok(GraphCluster {
                id: r.get(0)?,
                subject: r.get(1)?,
                claims: Vec::new(),
                independent_origins: r.get::<i64>(3)? as usize,
                status: untag(&r.get::<String>(2)?)?,
                credibility: r.get::<Option<i64>>(4)?.map(|c| c as u8),
                assessed_claim: r.get(5)?,
                explanation: r.get(6)?,
            })
        },
    )?;
    for k in &mut out {
        k.claims = db.query(
            "SELECT id FROM graph_claims WHERE cluster = ?1 ORDER BY n, id",
            &[&k.id],
            |r| r.get(0),
        )?;
    }
    Ok(out)
}

/// Timelines matching a WHERE clause over `graph_timeline_points p`, one per cluster.
pub(crate) fn read_timelines(
    db: Db<'_>,
    filter: &str,
    args: &[&dyn Param],
) -> Result<Vec<GraphTimeline>, StoreError> {
    type Point = (String, String, TimelinePoint);
    let rows: Vec<Point> = db.query(
        &format!(
            "SELECT p.cluster, p.subject, p.date, p.as_of, p.value, p.min, p.max, p.modality, p.claim,
                    p.origin
             FROM graph_timeline_points p WHERE {filter} ORDER BY p.cluster, p.n"
        ),
        args,
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                TimelinePoint {
                    date: r.get(2)?,
                    as_of: r.get(3)?,
                    value: r.get(4)?,
                    min: r.get(5)?,
                    max: r.get(6)?,
                    modality: untag(&r.get::<String>(7)?)?,
                    claim: r.get(8)?,
                    origin: r.get(9)?,
                },
            ))
        },
    )?;
    let mut by: BTreeMap<String, GraphTimeline> = BTreeMap::new();
    for (cluster, subject, point) in rows {
        by.entry(cluster.clone())
            .or_insert_with(|| GraphTimeline {
                subject,
                cluster,
                points: Vec::new(),
            })
            .points
            .push(point);
    }
    Ok(by.into_values().collect())
}
