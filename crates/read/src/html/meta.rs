//! What a page says about itself: `<meta>` tags (Open Graph `og:`, `article:`,
//! Dublin Core `dc.`, `name=author`/`date`), JSON-LD `NewsArticle` objects (at
//! the top level, in arrays or inside `@graph`), `<link rel=canonical>`,
//! `<title>` and `<html lang>`.

use dom_query::Document;
use serde_json::Value;

/// Metadata of an article page. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Headline, without the site name some pages append.
    pub title: Option<String>,
    /// Author or authors ("Amina Diallo and Peter Lund").
    pub byline: Option<String>,
    /// The publishing site ("Riverside Daily").
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date, ISO 8601 as the page gives it (`2025-03-14T08:30:00+01:00`) or `YYYY-MM-DD`.
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
}

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
];

/// Read the metadata of a parsed page.
pub fn read(doc: &Document) -> Meta {
    let tags = MetaTags::of(doc);
    let ld = json_ld_article(doc);
    let ld_str = |key: &str| ld.as_ref().and_then(|a| a.get(key)).and_then(text_of);

    let outlet = tags
        .first(&[
            "og:site_name",
            "dc.publisher",
            "dcterms.publisher",
            "application-name",
        ])
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| a.get("publisher"))
                .and_then(name_of)
        })
        .or_else(|| json_ld_site_name(doc));
    let raw_title = tags
        .first(&["og:title", "dc.title", "dcterms.title", "twitter:title"])
        .or_else(|| ld_str("headline"))
        .or_else(|| nonempty(doc.select("title").text().to_string()))
        .or_else(|| nonempty(doc.select("h1").first().text().to_string()));
    let headings: Vec<String> = doc
        .select("h1, h2, [itemprop=headline]")
        .nodes()
        .iter()
        .map(|h| clean(&h.text()))
        .filter(|h| !h.is_empty())
        .collect();
    let (title, outlet) = match raw_title {
        Some(t) => {
            let (title, site) = split_site_name(&t, outlet.as_deref(), &headings);
            (Some(title), outlet.or(site))
        }
        None => (None, outlet),
    };
    let byline = ld
        .as_ref()
        .and_then(|a| a.get("author"))
        .and_then(authors)
        .or_else(|| {
            tags.all(&[
                "author",
                "article:author",
                "dc.creator",
                "dcterms.creator",
                "byl",
                "sailthru.author",
                "parsely-author",
            ])
            .into_iter()
            .find(|a| !a.starts_with("http"))
        })
        .map(|b| b.strip_prefix("By ").unwrap_or(&b).trim().to_string());
    let published = ld_str("datePublished")
        .or_else(|| {
            tags.first(&[
                "article:published_time",
                "og:published_time",
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dcterms.date",
                "dcterms.created",
                "date",
                "pubdate",
                "publishdate",
                "publication_date",
                "sailthru.date",
                "parsely-pub-date",
            ])
        })
        .or_else(|| {
            nonempty(
                doc.select("[itemprop=datePublished]")
                    .attr_or("content", "")
                    .to_string(),
            )
        })
        .or_else(|| {
            nonempty(
                doc.select("time[datetime]")
                    .first()
                    .attr_or("datetime", "")
                    .to_string(),
            )
        })
        .and_then(|d| normalize_date(&d));
    let url = nonempty(
        doc.select("link[rel=canonical]")
            .attr_or("href", "")
            .to_string(),
    )
    .or_else(|| tags.first(&["og:url"]))
    .or_else(|| ld_str("url"))
    .or_else(|| {
        ld.as_ref()
            .and_then(|a| a.get("mainEntityOfPage"))
            .and_then(|m| text_of(m).or_else(|| m.get("@id").and_then(text_of)))
    })
    .filter(|u| u.starts_with("http"));
    let language = nonempty(doc.select("html").attr_or("lang", "").to_string())
        .or_else(|| tags.first(&["og:locale", "dc.language", "content-language"]))
        .and_then(|l| {
            let code = l.split(['-', '_']).next()?.to_ascii_lowercase();
            (code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic())).then_some(code)
        });
    Meta {
        title,
        byline,
        outlet,
        url,
        published,
        language,
    }
}

/// `<meta>` tags as (lower-case name or property, content) pairs in page order.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn of(doc: &Document) -> Self {
        let mut pairs = Vec::new();
        for node in doc.select("meta").nodes() {
            let key = node
                .attr("property")
                .or_else(|| node.attr("name"))
                .or_else(|| node.attr("itemprop"))
                .or_else(|| node.attr("http-equiv"));
            let (Some(key), Some(content)) = (key, node.attr("content")) else {
                continue;
            };
            let content = clean(&content);
            if !content.is_empty() {
                pairs.push((key.trim().to_ascii_lowercase(), content));
            }
        }
        MetaTags(pairs)
    }

    /// The first non-empty content among `keys`, in the order of `keys`.
    fn first(&self, keys: &[&str]) -> Option<String> {
        self.all(keys).into_iter().next()
    }

    /// All contents of `keys`, in the order of `keys`.
    fn all(&self, keys: &[&str]) -> Vec<String> {
        keys.iter()
            .flat_map(|k| self.0.iter().filter(move |(name, _)| name == k))
            .map(|(_, v)| v.clone())
            .collect()
    }
}

fn nonempty(s: String) -> Option<String> {
    let s = clean(&s);
    (!s.is_empty()).then_some(s)
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every JSON-LD value on the page, flattened: top-level arrays and `@graph` members.
fn json_ld_objects(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for node in doc.select("script[type='application/ld+json']").nodes() {
        let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) else {
            continue;
        };
        flatten(value, &mut out);
    }
    out
}

/// Objects of `value` in document order: arrays are opened and `@graph`
/// members come before the object holding them (an explicit stack, no recursion).
fn flatten(value: Value, out: &mut Vec<Value>) {
    enum Step {
        Open(Value),
        Push(Value),
    }
    let mut stack = vec![Step::Open(value)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Push(object) => out.push(object),
            Step::Open(Value::Array(items)) => {
                stack.extend(items.into_iter().rev().map(Step::Open))
            }
            Step::Open(Value::Object(mut map)) => {
                let graph = map.remove("@graph");
                stack.push(Step::Push(Value::Object(map)));
                if let Some(graph) = graph {
                    stack.push(Step::Open(graph));
                }
            }
            Step::Open(_) => {}
        }
    }
}

fn has_type(v: &Value, types: &[&str]) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

fn json_ld_article(doc: &Document) -> Option<Value> {
    json_ld_objects(doc)
        .into_iter()
        .find(|v| has_type(v, ARTICLE_TYPES))
}

fn json_ld_site_name(doc: &Document) -> Option<String> {
    json_ld_objects(doc)
        .iter()
        .find(|v| has_type(v, &["WebSite", "NewsMediaOrganization"]))
        .and_then(name_of)
}

fn text_of(v: &Value) -> Option<String> {
    v.as_str().map(clean).filter(|s| !s.is_empty())
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(_) => text_of(v),
        Value::Object(_) => v.get("name").and_then(text_of),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// One author, or several joined as "A, B and C".
fn authors(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        _ => name_of(v).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| !n.starts_with("http"))
        .collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// Split a site name off a title ("Headline | Site", "Site - Headline"): the
/// known outlet on either side of any usual separator; when the outlet is
/// unknown and a heading (`<h1>`, `<h2>`) repeats either side, the longer side; or else a short last part (at most four words, at most half as long as
/// the rest) after " | ", " :: " or a dash, then taken as the outlet.
fn split_site_name(
    title: &str,
    outlet: Option<&str>,
    headings: &[String],
) -> (String, Option<String>) {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some(o) = outlet {
            if let Some((head, tail)) = title.rsplit_once(sep)
                && tail.trim().eq_ignore_ascii_case(o)
            {
                return (head.trim().to_string(), None);
            }
            if let Some((head, tail)) = title.split_once(sep)
                && head.trim().eq_ignore_ascii_case(o)
            {
                return (tail.trim().to_string(), None);
            }
        }
    }
    if outlet.is_none() {
        for sep in [" | ", " :: ", " - ", " — ", " – ", " · "] {
            let Some((head, tail)) = title.split_once(sep) else {
                continue;
            };
            let (head, tail) = (head.trim(), tail.trim());
            // A heading names one side: the headline, or the site (blogs put it in <h1>).
            // Either way the longer side is the headline.
            if headings
                .iter()
                .any(|h| h.eq_ignore_ascii_case(tail) || h.eq_ignore_ascii_case(head))
            {
                let (title, site) = if tail.len() > head.len() {
                    (tail, head)
                } else {
                    (head, tail)
                };
                return (title.to_string(), Some(site.to_string()));
            }
        }
        for sep in [" | ", " :: ", " - ", " — ", " – "] {
            let Some((head, tail)) = title.rsplit_once(sep) else {
                continue;
            };
            let tail = tail.trim();
            let words = tail.split_whitespace().count();
            if (1..=4).contains(&words) && tail.len() * 2 <= head.trim().len() {
                return (head.trim().to_string(), Some(tail.to_string()));
            }
        }
    }
    (title.to_string(), None)
}

const MONTH_NAMES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// ISO 8601 dates are kept as given; "March 14, 2025", "14 Mar 2025" and
/// RFC 2822 dates become `YYYY-MM-DD`; anything else is dropped.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    if iso {
        return Some(s.to_string());
    }
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let month = words
        .iter()
        .position(|w| w.len() >= 3 && MONTH_NAMES.iter().any(|m| w.starts_with(m)))?;
    let m = MONTH_NAMES
        .iter()
        .position(|m| words[month].starts_with(m))?
        + 1;
    let numbers: Vec<(usize, u32)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| w.parse::<u32>().ok().map(|n| (i, n)))
        .collect();
    let year = numbers.iter().find(|(_, n)| (1900..=2200).contains(n))?.1;
    let day = numbers
        .iter()
        .filter(|(i, n)| (1..=31).contains(n) && i.abs_diff(month) == 1)
        .map(|(_, n)| *n)
        .next()?;
    Some(format!("{year:04}-{m:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Meta {
        read(&Document::from(html))
    }

    #[test]
    fn open_graph_and_article_tags() {
        let m = meta(
            r#"<html lang="en-GB"><head><title>X | Daily</title>
            <meta property="og:title" content="Headline here">
            <meta property="og:site_name" content="Daily">
            <meta property="article:published_time" content="2025-03-14T08:30:00+01:00">
            <meta property="article:author" content="https://daily.example/staff/ann">
            <meta name="author" content="Ann Lee">
            <meta property="og:url" content="https://daily.example/a"></head></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Headline here"));
        assert_eq!(m.outlet.as_deref(), Some("Daily"));
        assert_eq!(m.published.as_deref(), Some("2025-03-14T08:30:00+01:00"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(m.url.as_deref(), Some("https://daily.example/a"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn json_ld_in_a_graph_with_several_authors() {
        let m = meta(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Health Wire"},
            {"@type":["NewsArticle"],"headline":"Trial results","datePublished":"2025-06-21",
             "author":[{"@type":"Person","name":"Amina Diallo"},{"@type":"Person","name":"Peter Lund"}],
             "mainEntityOfPage":{"@id":"https://hw.example/t"}}]}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Trial results"));
        assert_eq!(m.byline.as_deref(), Some("Amina Diallo and Peter Lund"));
        assert_eq!(m.outlet.as_deref(), Some("Health Wire"));
        assert_eq!(m.published.as_deref(), Some("2025-06-21"));
        assert_eq!(m.url.as_deref(), Some("https://hw.example/t"));
    }

    #[test]
    fn dublin_core_and_title_suffix() {
        let m = meta(
            r#"<title>Tunnel opens - Alpine Times</title><meta name="DC.publisher" content="Alpine Times">
            <meta name="DC.creator" content="Petra Novak"><meta name="DC.date.issued" content="December 12, 2024">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Tunnel opens"));
        assert_eq!(m.byline.as_deref(), Some("Petra Novak"));
        assert_eq!(m.published.as_deref(), Some("2024-12-12"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type": "NewsArticle",</script><title>T</title>"#,
        );
        assert_eq!(m.title.as_deref(), Some("T"));
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(normalize_date("14 Mar 2025").as_deref(), Some("2025-03-14"));
        assert_eq!(
            normalize_date("Fri, 14 Mar 2025 08:30:00 GMT").as_deref(),
            Some("2025-03-14")
        );
        assert_eq!(
            normalize_date("March 4, 2025, 10:00 AM").as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(normalize_date("yesterday"), None);
    }
}
