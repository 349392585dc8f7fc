//! How deeply a page nests its elements, checked before and after parsing.
//!
//! No article needs more than a few dozen levels, but a hostile or broken page
//! can open `<div>` ten thousand times. The HTML parser then spends time that
//! grows with the square of the depth (each block start tag looks through the
//! open elements), and main-content selection recurses over the tree. So a
//! page is measured first: [`estimate`] scans the raw markup in one pass
//! before any parsing, and [`tree`] measures the parsed tree without recursion.

use dom_query::{Document, NodeRef};

/// Deepest element nesting read; deeper pages are refused.
pub const MAX_DEPTH: usize = 1_000;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose end tag may be left out (a new one closes the old one), and
/// `a`, which a new `<a>` closes: they do not pile up when left unclosed.
const SELF_CLOSING_BY_NEXT: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rp", "rtc", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body", "a",
];

/// Elements whose content is raw text up to their end tag (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The deepest nesting of the markup as far as a single pass over the tags can
/// tell (open tags minus their end tags, leaving out void elements and those
/// closed by their next sibling), stopping as soon as it passes `limit`.
///
/// It over-counts elements that a page leaves unclosed and the parser closes
/// (misnested formatting tags), so it is a guard against pathological pages,
/// not a measure of well-formed ones.
///
/// ```
/// use hearsay_read::html::depth::estimate;
/// assert_eq!(estimate("<div><p>One<p>Two<br></div>", 100), 1);
/// assert_eq!(estimate(&"<div>".repeat(500), 100), 101);
/// ```
pub fn estimate(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        i += lt + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i += find(&rest[3..], b"-->").map_or(rest.len(), |p| p + 6);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let start = i + usize::from(closing);
        let name_len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[start].is_ascii_alphabetic() {
            // `<!DOCTYPE …>`, `<?xml …?>`, or a lone `<` in text.
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        i = end_of_tag(bytes, start + name_len);
        let counted =
            !VOID.contains(&name.as_str()) && !SELF_CLOSING_BY_NEXT.contains(&name.as_str());
        if closing {
            if counted {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            i = end_of_raw_text(html, i, &name);
            continue;
        }
        if counted {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > limit {
                return deepest;
            }
        }
    }
    deepest
}

/// The deepest element nesting of a parsed document, counted without recursion.
///
/// ```
/// let doc = dom_query::Document::from("<div><div><p>x</p></div></div>");
/// // html > body > div > div > p
/// assert_eq!(hearsay_read::html::depth::tree(&doc), 5);
/// ```
pub fn tree(document: &Document) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(NodeRef, usize)> = vec![(document.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

/// The index just past the `>` that ends a tag whose name ends at `i`
/// (quoted attribute values may hold `>`).
fn end_of_tag(bytes: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i,
            None => {}
        }
    }
    i
}

/// The index of the `</name` that ends raw text starting at `i` (or the end).
fn end_of_raw_text(html: &str, i: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = i;
    while let Some(p) = find(&bytes[at..], b"</") {
        let tag = at + p + 2;
        let candidate = bytes.get(tag..tag + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return at + p;
        }
        at = tag;
    }
    bytes.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_paragraphs_and_void_elements_do_not_add_up() {
        let page = "<ul><li>a<li>b</ul><p>x<p>y<img src=a><br><hr>".repeat(1000);
        assert_eq!(estimate(&page, MAX_DEPTH), 1);
    }

    #[test]
    fn tags_inside_scripts_comments_and_attributes_are_not_counted() {
        let page = format!(
            "<script>var s = '{}';</script><!-- {} --><div title='<div><div>'>x</div>",
            "<div>".repeat(50),
            "<div>".repeat(50)
        );
        assert_eq!(estimate(&page, 10), 1);
    }

    #[test]
    fn the_scan_stops_past_the_limit() {
        assert_eq!(estimate(&"<span>".repeat(100_000), 10), 11);
    }

    #[test]
    fn deep_trees_are_measured_without_recursion() {
        let n = 5_000;
        let page = format!("{}x{}", "<span>".repeat(n), "</span>".repeat(n));
        let doc = Document::from(page.as_str());
        // html > body > n spans
        assert_eq!(tree(&doc), n + 2);
    }
}
