//! The chain of a claim, from the origin to the reader: "a senior European
//! intelligence source → The Wall Street Journal → Babel".

use hearsay_core::SourceKind;
use hearsay_format::json::{AttributionJson, DocumentJson};
use serde::Serialize;

/// What a link of a chain is to the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Whom the source cites ("with reference to a former agent").
    Origin,
    /// Who makes the claim in the text.
    Source,
    /// An outlet or person it passed through ("told the newspaper").
    Intermediary,
    /// The outlet that published the article.
    Publisher,
}

/// One link of a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// How the text names it (its canonical name when it is a known entity).
    pub text: String,
    /// Its entity id within the article, when resolved.
    pub entity: Option<String>,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// Its place in the chain.
    pub role: Role,
}

/// The chain of `a`, origin first and the publishing outlet last (when the document names one).
///
/// `via` lists the links outermost first; those whose cue cites ("citing",
/// "with reference to") lie beyond the source, the others between the source
/// and the reader.
pub fn chain(a: &AttributionJson, document: &DocumentJson) -> Vec<Link> {
    let (mut origins, mut between): (Vec<Link>, Vec<Link>) = (Vec::new(), Vec::new());
    for v in &a.via {
        let cites = v.cue.as_deref().is_some_and(hearsay_resolve::cites);
        let link = Link {
            text: v.name.clone().unwrap_or_else(|| v.text.clone()),
            entity: v.entity.clone(),
            kind: v.kind,
            role: if cites {
                Role::Origin
            } else {
                Role::Intermediary
            },
        };
        if cites {
            origins.push(link)
        } else {
            between.push(link)
        }
    }
    let mut out: Vec<Link> = origins.into_iter().rev().collect();
    if let Some(s) = &a.source {
        out.push(Link {
            text: s.name.clone().unwrap_or_else(|| s.span.text.clone()),
            entity: s.entity.clone(),
            kind: s.kind,
            role: Role::Source,
        });
    }
    out.extend(between.into_iter().rev());
    if let Some(outlet) = &document.outlet
        && !out.iter().any(|l| l.text.eq_ignore_ascii_case(outlet))
    {
        out.push(Link {
            text: outlet.clone(),
            entity: None,
            kind: SourceKind::NewsOutlet,
            role: Role::Publisher,
        });
    }
    out
}

/// The chain as one line: the links' texts joined by arrows.
pub fn line(links: &[Link]) -> String {
    links
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" → ")
}
