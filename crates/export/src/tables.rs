//! The graph as flat tables (documents, entities, origins, claims, mentions,
//! clusters, relations), one row per item, for the CSV and Parquet writers.

use crate::ExportError;
use crate::admiralty::reliability;
use crate::dates::Date;
use crate::source::{GraphSource, Lists, source};
use crate::tags::tag;
use hearsay_resolve::{
    GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphMention, GraphOrigin, GraphRelation,
};
use std::io::Write;

/// Where the table writers put their files.
pub trait Files {
    /// A new file of this name (`claims.csv`) to write to.
    fn create(&mut self, name: &str) -> std::io::Result<Box<dyn Write + Send>>;
}

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A string (ids, grades, text).
    Text,
    /// A 64-bit integer.
    Int,
    /// A 64-bit float.
    Float,
    /// True or false.
    Bool,
    /// A calendar date.
    Date,
    /// A list of strings.
    List,
}

/// A column of a table.
pub(crate) struct Column {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

/// A table: its name and columns.
pub(crate) struct Table {
    pub(crate) name: &'static str,
    pub(crate) columns: &'static [Column],
}

use Kind::{Bool, Float, Int, List, Text};

const DOCUMENTS: Table = Table {
    name: "documents",
    columns: &[
        col("id", Text),
        col("url", Text),
        col("path", Text),
        col("title", Text),
        col("outlet", Text),
        col("published", Kind::Date),
    ],
};

const ENTITIES: Table = Table {
    name: "entities",
    columns: &[
        col("id", Text),
        col("name", Text),
        col("type", Text),
        col("kind", Text),
        col("aliases", List),
        col("variants", List),
        col("affiliation", Text),
        col("country", Text),
        col("roles", List),
        col("documents", Int),
    ],
};

const ORIGINS: Table = Table {
    name: "origins",
    columns: &[
        col("id", Text),
        col("description", Text),
        col("kind", Text),
        col("entity", Text),
        col("reliability", Text),
        col("reliability_reason", Text),
        col("merged", List),
    ],
};

const CLAIMS: Table = Table {
    name: "claims",
    columns: &[
        col("id", Text),
        col("cluster", Text),
        col("origin", Text),
        col("proposition", Text),
        col("credibility", Text),
        col("credibility_reason", Text),
        col("quantity_subject", Text),
        col("quantity_value", Float),
        col("quantity_min", Float),
        col("quantity_max", Float),
        col("quantity_unit", Text),
        col("quantity_modality", Text),
        col("quantity_approximate", Bool),
        col("quantity_vague", Bool),
        col("quantity_as_of", Kind::Date),
        col("mentions", Int),
        col("documents", Int),
        col("first_published", Kind::Date),
    ],
};

const MENTIONS: Table = Table {
    name: "mentions",
    columns: &[
        col("claim", Text),
        col("n", Int),
        col("document", Text),
        col("attribution", Text),
        col("content", Text),
        col("source", Text),
        col("source_entity", Text),
        col("source_kind", Text),
        col("via", List),
        col("hedge", Text),
        col("headline", Bool),
        col("published", Kind::Date),
    ],
};

const CLUSTERS: Table = Table {
    name: "clusters",
    columns: &[
        col("id", Text),
        col("subject", Text),
        col("status", Text),
        col("independent_origins", Int),
        col("credibility", Text),
        col("assessed_claim", Text),
        col("explanation", Text),
        col("claims", List),
    ],
};

const RELATIONS: Table = Table {
    name: "relations",
    columns: &[col("a", Text), col("b", Text), col("type", Text)],
};

/// The names of the tables, in the order they are written.
pub const TABLES: [&str; 7] = [
    DOCUMENTS.name,
    ENTITIES.name,
    ORIGINS.name,
    CLAIMS.name,
    MENTIONS.name,
    CLUSTERS.name,
    RELATIONS.name,
];

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(Date),
    List(Vec<String>),
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::Null, text)
}

fn date(s: &Option<String>) -> Value {
    s.as_deref()
        .and_then(Date::parse)
        .map_or(Value::Null, Value::Date)
}

fn float(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::Float)
}

fn grade(g: Option<u8>) -> Value {
    g.map_or(Value::Null, |g| Value::Text(g.to_string()))
}

fn document_row(d: &GraphDocument) -> Vec<Value> {
    vec![
        text(&d.id),
        opt(&d.url),
        opt(&d.path),
        opt(&d.title),
        opt(&d.outlet),
        date(&d.published),
    ]
}

fn entity_row(e: &GraphEntity) -> Vec<Value> {
    vec![
        text(&e.id),
        text(&e.name),
        Value::Text(tag(&e.etype)),
        Value::Text(tag(&e.kind)),
        Value::List(e.aliases.clone()),
        Value::List(e.variants.clone()),
        opt(&e.affiliation),
        opt(&e.country),
        Value::List(e.roles.clone()),
        Value::Int(e.documents as i64),
    ]
}

fn origin_row(o: &GraphOrigin) -> Vec<Value> {
    vec![
        text(&o.id),
        text(&o.description),
        Value::Text(tag(&o.kind)),
        opt(&o.entity),
        Value::Text(reliability(&o.reliability).to_string()),
        text(&o.reliability_reason),
        Value::List(o.merged.clone()),
    ]
}

fn claim_row(c: &GraphClaim, cluster: Option<String>) -> Vec<Value> {
    let q = c.quantity.as_ref();
    let documents: std::collections::BTreeSet<&str> =
        c.mentions.iter().map(|m| m.document.as_str()).collect();
    let first = c
        .mentions
        .iter()
        .filter_map(|m| m.published.as_deref().and_then(Date::parse))
        .min();
    vec![
        text(&c.id),
        opt(&cluster),
        text(&c.origin),
        text(&c.proposition),
        grade(c.credibility),
        text(&c.credibility_reason),
        q.map_or(Value::Null, |q| text(&q.subject)),
        float(q.and_then(|q| q.value)),
        float(q.and_then(|q| q.min)),
        float(q.and_then(|q| q.max)),
        q.map_or(Value::Null, |q| opt(&q.unit)),
        q.map_or(Value::Null, |q| text(q.modality.as_str())),
        q.map_or(Value::Null, |q| Value::Bool(q.approximate)),
        q.map_or(Value::Null, |q| Value::Bool(q.vague)),
        q.map_or(Value::Null, |q| date(&q.as_of)),
        Value::Int(c.mentions.len() as i64),
        Value::Int(documents.len() as i64),
        first.map_or(Value::Null, Value::Date),
    ]
}

fn mention_row(claim: &str, n: usize, m: &GraphMention) -> Vec<Value> {
    vec![
        text(claim),
        Value::Int(n as i64),
        text(&m.document),
        text(&m.attribution),
        text(&m.content),
        opt(&m.source),
        opt(&m.source_entity),
        Value::Text(tag(&m.source_kind)),
        Value::List(m.via.clone()),
        opt(&m.hedge),
        Value::Bool(m.headline),
        date(&m.published),
    ]
}

fn cluster_row(k: &GraphCluster) -> Vec<Value> {
    vec![
        text(&k.id),
        text(&k.subject),
        text(k.status.as_str()),
        Value::Int(k.independent_origins as i64),
        grade(k.credibility),
        opt(&k.assessed_claim),
        text(&k.explanation),
        Value::List(k.claims.clone()),
    ]
}

fn relation_row(r: &GraphRelation) -> Vec<Value> {
    vec![text(&r.a), text(&r.b), Value::Text(tag(&r.kind))]
}

/// Rows of one table, written as they come.
pub(crate) trait TableWriter {
    /// Add a row (one value per column).
    fn row(&mut self, row: &[Value]) -> Result<(), ExportError>;
    /// Write what is left and close the file.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// Write every table of `source` through the writers `open` makes.
pub(crate) fn write_tables(
    source_: &dyn GraphSource,
    open: &mut dyn FnMut(&'static Table) -> Result<Box<dyn TableWriter>, ExportError>,
) -> Result<(), ExportError> {
    fn each<T: Clone>(
        open: &mut dyn FnMut(&'static Table) -> Result<Box<dyn TableWriter>, ExportError>,
        table: &'static Table,
        rows: crate::source::Rows<'_, T>,
        row: impl Fn(&T) -> Vec<Value>,
    ) -> Result<(), ExportError> {
        let mut w = open(table)?;
        for item in rows {
            w.row(&row(&item?))?;
        }
        w.finish()
    }
    each(open, &DOCUMENTS, source_.documents_all(), document_row)?;
    each(open, &ENTITIES, source_.entities_all(), entity_row)?;
    each(open, &ORIGINS, source_.origins_all(), origin_row)?;
    let mut claims = open(&CLAIMS)?;
    let mut mentions = open(&MENTIONS)?;
    for c in source_.claims_all() {
        let c = c?;
        let cluster = source(source_.cluster_of(&c.id))?;
        claims.row(&claim_row(&c, cluster))?;
        for (n, m) in c.mentions.iter().enumerate() {
            mentions.row(&mention_row(&c.id, n, m))?;
        }
    }
    claims.finish()?;
    mentions.finish()?;
    each(open, &CLUSTERS, source_.clusters_all(), cluster_row)?;
    each(open, &RELATIONS, source_.relations_all(), relation_row)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_one_value_per_column() {
        let g = crate::testgraph::graph();
        for (table, row) in [
            (&DOCUMENTS, document_row(&g.documents[0])),
            (&ENTITIES, entity_row(&g.entities[0])),
            (&ORIGINS, origin_row(&g.origins[0])),
            (&CLAIMS, claim_row(&g.claims[0], Some("k1".into()))),
            (&MENTIONS, mention_row("c1", 0, &g.claims[0].mentions[0])),
            (&CLUSTERS, cluster_row(&g.clusters[0])),
            (&RELATIONS, relation_row(&g.relations[0])),
        ] {
            assert_eq!(row.len(), table.columns.len(), "{}", table.name);
            for (v, c) in row.iter().zip(table.columns) {
                let fits = matches!(
                    (v, c.kind),
                    (Value::Null, _)
                        | (Value::Text(_), Kind::Text)
                        | (Value::Int(_), Kind::Int)
                        | (Value::Float(_), Kind::Float)
                        | (Value::Bool(_), Kind::Bool)
                        | (Value::Date(_), Kind::Date)
                        | (Value::List(_), Kind::List)
                );
                assert!(fits, "{}.{}: {v:?}", table.name, c.name);
            }
        }
    }
}
