//! HTML pages: the article body as plain text, and the page's metadata.
//!
//! The body is chosen by rs-trafilatura's main-content extraction, then turned
//! into text by [`body`]: paragraph breaks at block elements and double `<br>`,
//! link-dense blocks (menus, "related" lists, share bars) dropped, and the
//! title, byline, date and copyright lines removed. When no main content is
//! found, the whole `<body>` goes through the same conversion; when the
//! extractor ran blocks together (it does on short pages), the page's own
//! paragraphs that lie within its selection are used. Why this
//! combination, and how it scores, is in `docs/QUALITY.md`. A page nested
//! deeper than [`depth::MAX_DEPTH`] elements is refused before it is parsed.
//!
//! ```
//! let page = hearsay_read::html::extract(r#"<html><head>
//!   <meta property="og:site_name" content="Example News">
//!   <title>Rain in Kyiv | Example News</title></head>
//!   <body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
//!   <article><h1>Rain in Kyiv</h1><p>It rained in Kyiv on Monday, officials said,
//!   and more rain is expected later in the week across the north of the country.</p>
//!   <p>The weather service said the rain would ease by Friday.</p></article></body></html>"#).unwrap();
//! assert_eq!(page.meta.title.as_deref(), Some("Rain in Kyiv"));
//! assert_eq!(page.meta.outlet.as_deref(), Some("Example News"));
//! assert!(page.text.starts_with("It rained in Kyiv"));
//! assert!(!page.text.contains("Home"));
//! ```

pub mod body;
pub mod depth;
pub mod meta;

pub use meta::Meta;

/// An HTML page read for analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The article body: paragraphs separated by blank lines; no title.
    pub text: String,
    /// What the page says about itself.
    pub meta: Meta,
}

/// A page nested too deeply to be an article (see [`depth`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("HTML nested more than {limit} elements deep")]
pub struct TooDeep {
    /// The limit, [`depth::MAX_DEPTH`].
    pub limit: usize,
}

/// Extract the article text and metadata of an HTML page, or refuse a page
/// nested more than [`depth::MAX_DEPTH`] elements deep.
///
/// ```
/// let deep = format!("<body>{}<p>x</p></body>", "<div>".repeat(5_000));
/// assert!(hearsay_read::html::extract(&deep).is_err());
/// ```
pub fn extract(html: &str) -> Result<Page, TooDeep> {
    let too_deep = TooDeep {
        limit: depth::MAX_DEPTH,
    };
    if depth::estimate(html, depth::MAX_DEPTH) > depth::MAX_DEPTH {
        return Err(too_deep);
    }
    let document = dom_query::Document::from(html);
    if depth::tree(&document) > depth::MAX_DEPTH {
        return Err(too_deep);
    }
    let meta = meta::read(&document);
    let whole = body::paragraphs(&document);
    let selected = rs_trafilatura::extract_with_options(
        html,
        &rs_trafilatura::Options {
            include_tables: true,
            ..rs_trafilatura::Options::default()
        },
    )
    .ok()
    .and_then(|r| r.content_html)
    .map(|h| body::paragraphs(&dom_query::Document::from(h.as_str())))
    .filter(|p| !p.is_empty());
    let paragraphs = match selected {
        Some(selected) if glued(&selected, &whole) => within(whole, &selected),
        Some(selected) => selected,
        None => whole,
    };
    Ok(Page {
        text: body::clean(paragraphs, &meta).join("\n\n"),
        meta,
    })
}

fn words(paragraphs: &[String]) -> impl Iterator<Item = &str> {
    paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// True when the selection has words the page does not: the extractor ran
/// text of neighbouring blocks together ("KyivIt"), as it does on short pages.
fn glued(selected: &[String], whole: &[String]) -> bool {
    let known: std::collections::HashSet<&str> = words(whole).collect();
    words(selected).any(|w| !known.contains(w))
}

/// The page's own paragraphs that lie within the selected text (compared
/// without whitespace, which the extractor may have dropped between blocks).
fn within(whole: Vec<String>, selected: &[String]) -> Vec<String> {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let selection = squeeze(&selected.join(""));
    whole
        .into_iter()
        .filter(|p| selection.contains(&squeeze(p)))
        .collect()
}
