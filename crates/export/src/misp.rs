//! MISP: one event per cluster (or per document), one JSON object a line
//! (`{"Event": {...}}`), each loadable with PyMISP's `MISPEvent().load()`.
//!
//! An event's attributes are its claims (`text`, tagged with their
//! Admiralty grades from the `admiralty-scale` taxonomy), their origins
//! (`text`, tagged with their reliability) and the articles (`link`).

use crate::ExportError;
use crate::admiralty::{
    credibility, credibility_words, misp_reliability_tag, misp_tags, reliability, reliability_words,
};
use crate::context::ClaimContext;
use crate::dates::{Date, Stamp};
use crate::ids::uuid_of;
use crate::source::{GraphSource, Lists, source};
use hearsay_resolve::{GraphClaim, GraphDocument, GraphOrigin};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// What one MISP event stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventPer {
    /// A cluster: the claims about one question.
    Cluster,
    /// A document: the claims one article makes.
    Document,
}

#[derive(Serialize)]
struct Tag {
    name: String,
}

fn tags(names: impl IntoIterator<Item = String>) -> Vec<Tag> {
    names.into_iter().map(|name| Tag { name }).collect()
}

#[derive(Serialize)]
struct Attribute {
    uuid: String,
    #[serde(rename = "type")]
    kind: &'static str,
    category: &'static str,
    value: String,
    comment: String,
    to_ids: bool,
    distribution: &'static str,
    timestamp: String,
    #[serde(rename = "Tag", skip_serializing_if = "Vec::is_empty")]
    tags: Vec<Tag>,
}

#[derive(Serialize)]
struct Event {
    uuid: String,
    info: String,
    date: String,
    timestamp: String,
    published: bool,
    analysis: &'static str,
    threat_level_id: &'static str,
    distribution: &'static str,
    #[serde(rename = "Tag", skip_serializing_if = "Vec::is_empty")]
    tags: Vec<Tag>,
    #[serde(rename = "Attribute")]
    attributes: Vec<Attribute>,
}

#[derive(Serialize)]
struct Wrapped {
    #[serde(rename = "Event")]
    event: Event,
}

/// The attributes of one event, gathered claim by claim.
struct Gather<'s> {
    key: String,
    timestamp: String,
    attributes: Vec<Attribute>,
    origins: BTreeMap<String, GraphOrigin>,
    documents: BTreeMap<String, GraphDocument>,
    source: &'s dyn GraphSource,
}

impl Gather<'_> {
    fn attribute(
        &self,
        what: &str,
        kind: &'static str,
        category: &'static str,
        value: String,
        comment: String,
        tags: Vec<Tag>,
    ) -> Attribute {
        Attribute {
            uuid: uuid_of("misp-attribute", &format!("{}/{what}", self.key)).to_string(),
            kind,
            category,
            value,
            comment,
            to_ids: false,
            distribution: "5",
            timestamp: self.timestamp.clone(),
            tags,
        }
    }

    fn claim(&mut self, c: &GraphClaim) -> Result<(), ExportError> {
        let context = ClaimContext::of(self.source, c)?;
        let chains: Vec<String> = c.mentions.iter().map(|m| context.chain(m)).collect();
        let comment = format!(
            "Claim {} by {}; credibility {} ({}): {}. Chains: {}.",
            c.id,
            context.origin_name(c),
            credibility(c.credibility),
            credibility_words(c.credibility).to_lowercase(),
            c.credibility_reason,
            chains.join("; ")
        );
        let attribute = self.attribute(
            &format!("claim:{}", c.id),
            "text",
            "Other",
            c.proposition.clone(),
            comment,
            tags(misp_tags(context.reliability(), c.credibility)),
        );
        self.attributes.push(attribute);
        if let Some(o) = context.origin {
            self.origins.insert(o.id.clone(), o);
        }
        for d in context.documents {
            self.documents.insert(d.id.clone(), d);
        }
        Ok(())
    }

    /// The attributes: claims, then origins, then articles.
    fn finish(mut self) -> Vec<Attribute> {
        for o in std::mem::take(&mut self.origins).into_values() {
            let comment = format!(
                "Origin {}: source reliability {} ({}): {}.",
                o.id,
                reliability(&o.reliability),
                reliability_words(&o.reliability).to_lowercase(),
                o.reliability_reason
            );
            let attribute = self.attribute(
                &format!("origin:{}", o.id),
                "text",
                "Other",
                o.description.clone(),
                comment,
                tags([misp_reliability_tag(&o.reliability)]),
            );
            self.attributes.push(attribute);
        }
        for d in std::mem::take(&mut self.documents).into_values() {
            let about: Vec<&str> = [
                d.title.as_deref(),
                d.outlet.as_deref(),
                d.published.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            let comment = format!("Article {}: {}", d.id, about.join(" — "));
            let (kind, category, value) = match &d.url {
                Some(url) => ("link", "External analysis", url.clone()),
                None => (
                    "text",
                    "Other",
                    d.title.clone().unwrap_or_else(|| d.id.clone()),
                ),
            };
            let attribute = self.attribute(
                &format!("document:{}", d.id),
                kind,
                category,
                value,
                comment,
                vec![],
            );
            self.attributes.push(attribute);
        }
        self.attributes
    }

    /// The earliest date among the event's articles.
    fn first_date(&self) -> Option<Date> {
        self.documents
            .values()
            .filter_map(|d| d.published.as_deref().and_then(Date::parse))
            .min()
    }
}

/// Write the graph of `source` as MISP events, one a line.
pub fn write_misp(
    source_: &dyn GraphSource,
    per: EventPer,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let stamp = source(source_.assessed_at())?
        .as_deref()
        .and_then(Stamp::parse)
        .unwrap_or(Stamp::EPOCH);
    let gather = |key: String| Gather {
        key,
        timestamp: stamp.unix().to_string(),
        attributes: Vec::new(),
        origins: BTreeMap::new(),
        documents: BTreeMap::new(),
        source: source_,
    };
    let event = |key: &str, info: String, date: Option<Date>, tags, attributes| Wrapped {
        event: Event {
            uuid: uuid_of("misp-event", key).to_string(),
            info,
            date: date.unwrap_or(stamp.date()).to_string(),
            timestamp: stamp.unix().to_string(),
            published: false,
            analysis: "2",
            threat_level_id: "4",
            distribution: "0",
            tags,
            attributes,
        },
    };
    match per {
        EventPer::Cluster => {
            for k in source_.clusters_all() {
                let k = k?;
                let key = format!("cluster:{}", k.id);
                let mut g = gather(key.clone());
                let claims = source(source_.claims_by_id(&k.claims))?;
                let mut event_tags = vec![format!("hearsay:status=\"{}\"", k.status.as_str())];
                for id in &k.claims {
                    let Some(c) = claims.iter().find(|c| &c.id == id) else {
                        continue;
                    };
                    g.claim(c)?;
                    if k.assessed_claim.as_deref() == Some(id.as_str()) {
                        let grade = g.origins.get(&c.origin).map_or("F", |o| &o.reliability);
                        event_tags.extend(misp_tags(grade, k.credibility));
                    }
                }
                let date = g.first_date();
                let info = format!(
                    "{} — {}, {} independent origin{}",
                    if k.subject.trim().is_empty() {
                        format!("cluster {}", k.id)
                    } else {
                        k.subject.clone()
                    },
                    k.status.as_str(),
                    k.independent_origins,
                    if k.independent_origins == 1 { "" } else { "s" }
                );
                let e = event(&key, info, date, tags(event_tags), g.finish());
                line(out, &e)?;
            }
        }
        EventPer::Document => {
            for d in source_.documents_all() {
                let d = d?;
                let key = format!("document:{}", d.id);
                let mut g = gather(key.clone());
                let ids = source(source_.claims_of_document(&d.id))?;
                for c in source(source_.claims_by_id(&ids))? {
                    g.claim(&c)?;
                }
                g.documents.insert(d.id.clone(), d.clone());
                let info = d
                    .title
                    .clone()
                    .or_else(|| d.url.clone())
                    .unwrap_or_else(|| format!("document {}", d.id));
                let date = d.published.as_deref().and_then(Date::parse);
                let e = event(&key, info, date, vec![], g.finish());
                line(out, &e)?;
            }
        }
    }
    Ok(())
}

fn line(out: &mut dyn Write, event: &Wrapped) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, event)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemorySource;
    use crate::testgraph::graph;
    use serde_json::Value;

    fn events(per: EventPer) -> Vec<Value> {
        let g = graph();
        let mut out = Vec::new();
        write_misp(&MemorySource::new(&g), per, &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn an_event_per_cluster_holds_its_claims_origins_and_articles() {
        let e = events(EventPer::Cluster);
        assert_eq!(e.len(), 2);
        let k1 = &e[0]["Event"];
        let kinds: Vec<&str> = k1["Attribute"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["type"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["text", "text", "text", "text", "link", "link"]);
        assert_eq!(k1["date"], "2026-03-03");
        let tags: Vec<&str> = k1["Tag"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            tags,
            [
                "hearsay:status=\"contested\"",
                "admiralty-scale:source-reliability=\"b\"",
                "admiralty-scale:information-credibility=\"2\""
            ]
        );
        let c2 = &k1["Attribute"][1];
        assert_eq!(c2["value"], "3,000 troops are at the base");
        assert_eq!(
            c2["Tag"][1]["name"],
            "admiralty-scale:information-credibility=\"6\""
        );
    }

    #[test]
    fn an_event_per_document_holds_the_claims_it_makes() {
        let e = events(EventPer::Document);
        assert_eq!(e.len(), 2);
        let claims = |ev: &Value| {
            ev["Event"]["Attribute"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|a| a["comment"].as_str().unwrap().starts_with("Claim "))
                .count()
        };
        assert_eq!((claims(&e[0]), claims(&e[1])), (2, 2));
        assert_ne!(e[0]["Event"]["uuid"], e[1]["Event"]["uuid"]);
    }
}
