//! Hostile HTML pages: deep nesting (closed, unclosed, misnested), raw-text
//! elements left open, comments, metadata and JSON-LD, around hostile text.

use crate::text;
use proptest::prelude::*;

/// A word that only ever appears inside `<script>` elements of [`page`]:
/// extracted text must not contain it.
pub const IN_SCRIPT: &str = "scriptOnlyQz";

/// Elements that nest: blocks, inline formatting, tables, lists.
pub const NESTING: &[&str] = &[
    "div",
    "span",
    "b",
    "i",
    "em",
    "section",
    "article",
    "blockquote",
    "ul",
    "li",
    "table",
    "td",
    "font",
    "a",
    "p",
];

/// `depth` elements of `tag` around `inner`, closed or left open.
pub fn nest(tag: &str, depth: usize, inner: &str, closed: bool) -> String {
    let mut page = format!("<{tag}>").repeat(depth);
    page.push_str(inner);
    if closed {
        page.push_str(&format!("</{tag}>").repeat(depth));
    }
    page
}

/// A depth: usually shallow, sometimes around the readers' limit, sometimes
/// far beyond it (tens of thousands).
pub fn depth() -> BoxedStrategy<usize> {
    prop_oneof![
        4 => 0usize..64,
        1 => 900usize..1_100,
        1 => 1_000usize..30_000,
    ]
    .boxed()
}

/// Text made safe for an HTML body (`<` and `&` escaped, sometimes not).
fn body_text(max: usize) -> BoxedStrategy<String> {
    (text::hostile(max), any::<bool>())
        .prop_map(|(t, escape)| {
            if escape {
                t.replace('&', "&amp;").replace('<', "&lt;")
            } else {
                t
            }
        })
        .boxed()
}

/// One piece of a page.
fn piece(max: usize) -> BoxedStrategy<String> {
    prop_oneof![
        3 => body_text(max).prop_map(|t| format!("<p>{t}</p>")),
        2 => (prop::sample::select(NESTING), depth(), body_text(max / 8), any::<bool>())
            .prop_map(|(tag, d, t, closed)| nest(tag, d, &format!("<p>{t}</p>"), closed)),
        1 => (prop::collection::vec(prop::sample::select(NESTING), 1..8), depth())
            .prop_map(|(tags, d)| {
                // Misnested: open in one order, close in another.
                let open: String = (0..d).map(|i| format!("<{}>", tags[i % tags.len()])).collect();
                let close: String = (0..d).map(|i| format!("</{}>", tags[(i * 7 + 3) % tags.len()])).collect();
                format!("{open}Officials said it was over.{close}")
            }),
        1 => body_text(max / 8).prop_map(|t| format!("<script>var {IN_SCRIPT} = '<p>{t}</p>';</script>")),
        1 => Just(format!("<script>var {IN_SCRIPT} = '<div>")),
        1 => Just("<style>p { color: red }".to_string()),
        1 => body_text(max / 8).prop_map(|t| format!("<!-- {t} -->")),
        1 => Just("<!-- never closed <p>hidden</p>".to_string()),
        1 => (text::name(), text::sentence()).prop_map(|(n, t)| format!(
            "<meta property=\"og:title\" content=\"{t}\"><meta name=\"author\" content=\"{n}\">\
             <meta property=\"article:published_time\" content=\"2024-10-08T09:00:00Z\">"
        )),
        1 => (depth(), text::sentence()).prop_map(|(d, t)| format!(
            "<script type=\"application/ld+json\">{}{{\"@type\":\"NewsArticle\",\"headline\":\"{}\"}}{}</script>",
            "[".repeat(d),
            t.replace('"', "'"),
            "]".repeat(d)
        )),
        1 => Just("<br><br/><hr><img src=x onerror=alert(1)><wbr>".to_string()),
        1 => Just("&amp; &nbsp; &#x1F600; &#0; &#xD800; &bogus; &#99999999;".to_string()),
        1 => text::arbitrary(256),
    ]
    .boxed()
}

/// A hostile page of up to about `max` characters of text per piece: a head
/// or not, a body of pieces, sometimes cut off anywhere.
pub fn page(max: usize) -> BoxedStrategy<String> {
    (
        any::<bool>(),
        prop::collection::vec(piece(max), 1..8),
        prop::option::of(any::<prop::sample::Index>()),
    )
        .prop_map(|(head, pieces, cut)| {
            let mut page = String::from("<!DOCTYPE html><html>");
            if head {
                page.push_str("<head><title>Bridge reopens</title></head>");
            }
            page.push_str("<body>");
            page.push_str(&pieces.concat());
            page.push_str("</body></html>");
            if let Some(cut) = cut {
                let mut at = cut.index(page.len() + 1);
                while !page.is_char_boundary(at) {
                    at -= 1;
                }
                page.truncate(at);
            }
            page
        })
        .boxed()
}
