//! schema.org `ClaimReview`: one review per assessed cluster (one with an
//! assessed claim), all in one JSON-LD document (`@graph`).
//!
//! The reviewed claim is the cluster's assessed claim; its author is the
//! claim's origin, its appearances the articles that carry it. The rating is
//! the Admiralty credibility turned into a 1–5 scale (5 = confirmed by other
//! sources, 1 = improbable) with the grade's words as `alternateName`; a
//! claim whose truth cannot be judged (6) gets the words and no value.

use crate::ExportError;
use crate::admiralty::{credibility, credibility_words};
use crate::context::ClaimContext;
use crate::dates::{Date, Stamp};
use crate::ids::uuid_of;
use crate::source::{GraphSource, Lists, source};
use hearsay_core::SourceKind;
use hearsay_resolve::GraphDocument;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Thing {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Article {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Thing>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Claim {
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Thing,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_appearance: Option<Article>,
    appearance: Vec<Article>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating_value: Option<u8>,
    best_rating: u8,
    worst_rating: u8,
    alternate_name: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Review {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    claim_reviewed: String,
    item_reviewed: Claim,
    review_rating: Rating,
    review_body: String,
    author: Thing,
    date_published: String,
}

fn article(d: &GraphDocument) -> Article {
    Article {
        kind: "NewsArticle",
        url: d.url.clone(),
        headline: d.title.clone(),
        date_published: d
            .published
            .as_deref()
            .and_then(Date::parse)
            .map(|x| x.to_string()),
        publisher: d.outlet.clone().map(|name| Thing {
            kind: "Organization",
            name,
        }),
    }
}

/// Write a `ClaimReview` for every assessed cluster of `source`, as one JSON-LD document.
pub fn write_claimreview(
    source_: &dyn GraphSource,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let stamp = source(source_.assessed_at())?
        .as_deref()
        .and_then(Stamp::parse)
        .unwrap_or(Stamp::EPOCH);
    out.write_all(b"{\"@context\":\"https://schema.org\",\"@graph\":[")?;
    let mut any = false;
    for k in source_.clusters_all() {
        let k = k?;
        let Some(assessed) = &k.assessed_claim else {
            continue;
        };
        let Some(c) = source(source_.claims_by_id(std::slice::from_ref(assessed)))?
            .into_iter()
            .next()
        else {
            continue;
        };
        let context = ClaimContext::of(source_, &c)?;
        // The articles in the order the claim was mentioned, each once.
        let mut docs: Vec<&GraphDocument> = Vec::new();
        for m in &c.mentions {
            if let Some(d) = context.document(&m.document)
                && !docs.iter().any(|x| x.id == d.id)
            {
                docs.push(d);
            }
        }
        let first = docs
            .iter()
            .filter(|d| d.published.as_deref().and_then(Date::parse).is_some())
            .min_by_key(|d| d.published.as_deref().and_then(Date::parse));
        let grade = credibility(k.credibility);
        let author_kind = match context.origin.as_ref().map(|o| o.kind) {
            Some(SourceKind::NamedPerson | SourceKind::AnonymousPerson) => "Person",
            _ => "Organization",
        };
        let review = Review {
            kind: "ClaimReview",
            id: format!("urn:uuid:{}", uuid_of("claimreview", &k.id)),
            claim_reviewed: c.proposition.clone(),
            item_reviewed: Claim {
                kind: "Claim",
                author: Thing {
                    kind: author_kind,
                    name: context.origin_name(&c).to_string(),
                },
                date_published: first.and_then(|d| article(d).date_published),
                first_appearance: first.map(|d| article(d)),
                appearance: docs.iter().map(|d| article(d)).collect(),
            },
            review_rating: Rating {
                kind: "Rating",
                rating_value: (grade < 6).then(|| 6 - grade),
                best_rating: 5,
                worst_rating: 1,
                alternate_name: credibility_words(k.credibility),
            },
            review_body: format!(
                "{} Status: {}; {} independent origin{}.",
                k.explanation,
                k.status.as_str(),
                k.independent_origins,
                if k.independent_origins == 1 { "" } else { "s" }
            ),
            author: Thing {
                kind: "Organization",
                name: "hearsay".into(),
            },
            date_published: stamp.date().to_string(),
        };
        out.write_all(if any { b",\n" } else { b"\n" })?;
        any = true;
        serde_json::to_writer(&mut *out, &review)?;
    }
    out.write_all(if any { b"\n]}\n" } else { b"]}\n" })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemorySource;
    use crate::testgraph::graph;

    #[test]
    fn an_assessed_cluster_gets_a_review_of_its_assessed_claim() {
        let g = graph();
        let mut out = Vec::new();
        write_claimreview(&MemorySource::new(&g), &mut out).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let reviews = doc["@graph"].as_array().unwrap();
        assert_eq!(reviews.len(), 1, "k2 has no assessed claim");
        let r = &reviews[0];
        assert_eq!(r["claimReviewed"], "150 instructors arrived at the base");
        assert_eq!(r["reviewRating"]["ratingValue"], 4);
        assert_eq!(r["reviewRating"]["alternateName"], "Probably true");
        assert_eq!(
            r["itemReviewed"]["author"]["name"],
            "Ministry of Defence (Marovia)"
        );
        assert_eq!(r["itemReviewed"]["appearance"].as_array().unwrap().len(), 2);
        assert_eq!(r["itemReviewed"]["datePublished"], "2026-03-03");
        assert_eq!(
            r["itemReviewed"]["firstAppearance"]["url"],
            "https://stories.example.org/set-1/a.txt"
        );
    }
}
