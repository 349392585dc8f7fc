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

/// The chain of `a`, origin first and the publishing outlet last (when the
/// document names one); `text` is the document's text.
///
/// `via` lists the links outermost first; those whose cue cites ("citing",
/// "with reference to") lie beyond the source, the others between the source
/// and the reader. A link written right before the source ("\"Babel\"
/// sources") is part of how the source is named, and an implied link to the
/// publisher itself is the publisher: neither is a link of its own.
pub fn chain(a: &AttributionJson, document: &DocumentJson, text: &str) -> Vec<Link> {
    let chars: Vec<char> = text.chars().collect();
    let outlet = document.outlet.as_deref().map(fold);
    let mut source = a.source.as_ref().map(|s| Link {
        text: s.name.clone().unwrap_or_else(|| s.span.text.clone()),
        entity: s.entity.clone(),
        kind: s.kind,
        role: Role::Source,
    });
    let (mut origins, mut between): (Vec<Link>, Vec<Link>) = (Vec::new(), Vec::new());
    for v in &a.via {
        if let (Some(s), Some(start), Some(end)) = (&a.source, v.start, v.end)
            && end <= s.span.start
            && s.span.start - end <= 3
            && chars[end..s.span.start]
                .iter()
                .all(|c| c.is_whitespace() || QUOTES.contains(c))
        {
            let from = if start > 0 && QUOTES.contains(&chars[start - 1]) {
                start - 1
            } else {
                start
            };
            if let Some(link) = &mut source {
                link.text = chars[from..s.span.end].iter().collect();
            }
            continue;
        }
        if v.start.is_none() && outlet.as_deref() == Some(fold(&v.text).as_str()) {
            continue;
        }
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
    out.extend(source);
    out.extend(between.into_iter().rev());
    if let Some(o) = &document.outlet {
        out.push(Link {
            text: o.clone(),
            entity: None,
            kind: SourceKind::NewsOutlet,
            role: Role::Publisher,
        });
    }
    // The same outlet twice in a row is one link (the publisher's own reporter, say).
    out.dedup_by(|b, a| fold(&a.text) == fold(&b.text));
    out
}

/// Quotation marks around names.
const QUOTES: &[char] = &['"', '\'', '“', '”', '‘', '’', '«', '»'];

/// A name compared loosely: without quotation marks, case folded.
fn fold(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c))
        .to_lowercase()
}

/// The chain as one line: the links' texts joined by arrows.
pub fn line(links: &[Link]) -> String {
    links
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribution(json: serde_json::Value) -> AttributionJson {
        let mut base = serde_json::json!({
            "id": "a1", "kind": "indirect",
            "cue": {"start": 0, "end": 0, "text": "said", "lemma": "say"},
            "source": null, "content": [], "via": [], "hedge": null, "confidence": 1.0
        });
        for (k, v) in json.as_object().unwrap() {
            base[k] = v.clone();
        }
        serde_json::from_value(base).unwrap()
    }

    fn document(outlet: Option<&str>) -> DocumentJson {
        serde_json::from_value(serde_json::json!({
            "id": "d", "title": null, "byline": null, "outlet": outlet, "url": null,
            "published": null, "path": null
        }))
        .unwrap()
    }

    fn source(start: usize, end: usize, text: &str, name: Option<&str>) -> serde_json::Value {
        serde_json::json!({"start": start, "end": end, "text": text, "entity": null, "name": name,
                           "kind": "anonymous_person", "role": null})
    }

    fn via(text: &str, cue: Option<&str>, at: Option<(usize, usize)>) -> serde_json::Value {
        serde_json::json!({"text": text, "entity": null, "name": null, "kind": "news_outlet", "cue": cue,
                           "start": at.map(|a| a.0), "end": at.map(|a| a.1)})
    }

    #[test]
    fn origins_come_first_and_the_publisher_last() {
        let text = "A senior European intelligence source told the newspaper it would.";
        let told = attribution(serde_json::json!({
            "source": source(0, 37, "A senior European intelligence source", None),
            "via": [via("The Wall Street Journal", Some("told"), Some((47, 56)))],
        }));
        let links = chain(&told, &document(Some("Babel")), text);
        assert_eq!(
            line(&links),
            "A senior European intelligence source → The Wall Street Journal → Babel"
        );
        assert_eq!(
            links.iter().map(|l| l.role).collect::<Vec<_>>(),
            [Role::Source, Role::Intermediary, Role::Publisher]
        );
        let cited = attribution(serde_json::json!({
            "source": source(0, 3, "WSJ", Some("The Wall Street Journal")),
            "via": [via("a former Russian intelligence agent", Some("with reference to"), Some((20, 50)))],
        }));
        assert_eq!(
            line(&chain(&cited, &document(Some("Babel")), text)),
            "a former Russian intelligence agent → The Wall Street Journal → Babel"
        );
        assert_eq!(
            line(&chain(&cited, &document(None), text)),
            "a former Russian intelligence agent → The Wall Street Journal"
        );
    }

    #[test]
    fn an_outlet_naming_its_own_sources_is_one_link() {
        // `"Babel" sources said`: the written "Babel" names the source; the implied one is the publisher.
        let text = "and \"Babel\" sources said that";
        let a = attribution(serde_json::json!({
            "source": source(12, 19, "sources", None),
            "via": [via("Babel", None, None), via("Babel", None, Some((5, 10)))],
        }));
        assert_eq!(
            line(&chain(&a, &document(Some("Babel")), text)),
            "\"Babel\" sources → Babel"
        );
        let own = attribution(serde_json::json!({"source": source(0, 5, "Babel", None)}));
        assert_eq!(
            line(&chain(&own, &document(Some("Babel")), "Babel said")),
            "Babel"
        );
    }
}
