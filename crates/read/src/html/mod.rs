//! HTML pages: the article body as plain text, and the page's metadata.
//!
//! The body is chosen by rs-trafilatura's main-content extraction, then turned
//! into text by [`body`]: paragraph breaks at block elements and double `<br>`,
//! link-dense blocks (menus, "related" lists, share bars) dropped, and the
//! title, byline, date and copyright lines removed. When no main content is
//! found, the whole `<body>` goes through the same conversion. Why this
//! combination, and how it scores, is in `docs/QUALITY-html.md`.
//!
//! ```
//! let page = hearsay_read::html::extract(r#"<html><head>
//!   <meta property="og:site_name" content="Example News">
//!   <title>Rain in Kyiv | Example News</title></head>
//!   <body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
//!   <article><h1>Rain in Kyiv</h1><p>It rained in Kyiv on Monday, officials said,
//!   and more rain is expected later in the week across the north of the country.</p>
//!   <p>The weather service said the rain would ease by Friday.</p></article></body></html>"#);
//! assert_eq!(page.meta.title.as_deref(), Some("Rain in Kyiv"));
//! assert_eq!(page.meta.outlet.as_deref(), Some("Example News"));
//! assert!(page.text.starts_with("It rained in Kyiv"));
//! assert!(!page.text.contains("Home"));
//! ```

pub mod body;
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

/// Extract the article text and metadata of an HTML page.
pub fn extract(html: &str) -> Page {
    let document = dom_query::Document::from(html);
    let meta = meta::read(&document);
    let main = rs_trafilatura::extract_with_options(
        html,
        &rs_trafilatura::Options {
            include_tables: true,
            ..rs_trafilatura::Options::default()
        },
    )
    .ok()
    .and_then(|r| r.content_html)
    .map(|h| body::to_text(&dom_query::Document::from(h.as_str()), &meta))
    .filter(|t| !t.trim().is_empty());
    let text = main.unwrap_or_else(|| body::to_text(&document, &meta));
    Page { text, meta }
}
