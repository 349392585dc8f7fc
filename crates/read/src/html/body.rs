//! HTML to article text: block structure becomes paragraphs, and paragraphs
//! that are navigation or page furniture are dropped.

use super::Meta;
use dom_query::{Document, NodeRef};

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "button",
    "form",
    "input",
    "select",
    "textarea",
    "iframe",
    "nav",
    "aside",
    "figcaption",
    "head",
    "title",
    "meta",
    "link",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
    "menu",
    "dialog",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "pre",
    "figure",
    "address",
    "hr",
    "center",
    "details",
    "summary",
    "fieldset",
    "body",
    "html",
];

/// A paragraph whose text is more than this share of link text is navigation.
const MAX_LINK_SHARE: f64 = 0.5;

/// Convert a parsed page (or extracted fragment) to article text: its
/// [`paragraphs`], [`clean`]ed, separated by blank lines.
pub fn to_text(document: &Document, meta: &Meta) -> String {
    clean(paragraphs(document), meta).join("\n\n")
}

/// The paragraphs of a parsed page: block elements and double `<br>` end a
/// paragraph; scripts, navigation, hidden elements and link-dense paragraphs are left out.
pub fn paragraphs(document: &Document) -> Vec<String> {
    let mut w = Writer::default();
    let root = document.body().unwrap_or_else(|| document.root());
    w.walk(&root);
    w.flush();
    w.paragraphs
}

#[derive(Default)]
struct Writer {
    paragraphs: Vec<String>,
    current: String,
    text_chars: usize,
    link_chars: usize,
    /// A `<br>` was just seen: a second one ends the paragraph.
    pending_br: bool,
}

/// One step of the depth-first walk: a node to visit, or the end of a block.
enum Step<'a> {
    Visit(NodeRef<'a>, bool),
    EndBlock,
}

impl Writer {
    /// Visit the children of `root` in document order. The walk keeps its own
    /// stack, so that a page nested ten thousand elements deep cannot overflow
    /// the thread's stack.
    fn walk(&mut self, root: &NodeRef) {
        let mut stack: Vec<Step> = Vec::new();
        push_children(&mut stack, root, false);
        while let Some(step) = stack.pop() {
            let (node, in_link) = match step {
                Step::Visit(node, in_link) => (node, in_link),
                Step::EndBlock => {
                    self.flush();
                    continue;
                }
            };
            if node.is_text() {
                self.text(&node.text(), in_link);
                continue;
            }
            if !node.is_element() {
                continue;
            }
            let name = node
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if SKIP.contains(&name.as_str()) || hidden(&node) {
                continue;
            }
            match name.as_str() {
                "br" => self.br(),
                "img" => {}
                "pre" => {
                    self.flush();
                    self.verbatim(&node.text());
                    self.flush();
                }
                _ if BLOCK.contains(&name.as_str()) => {
                    self.flush();
                    stack.push(Step::EndBlock);
                    push_children(&mut stack, &node, in_link);
                }
                "a" => push_children(&mut stack, &node, true),
                _ => push_children(&mut stack, &node, in_link),
            }
        }
    }

    fn text(&mut self, s: &str, in_link: bool) {
        if s.trim().is_empty() {
            if !s.is_empty() && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            return;
        }
        self.pending_br = false;
        let starts_space = s.starts_with(char::is_whitespace);
        let ends_space = s.ends_with(char::is_whitespace);
        if starts_space && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
            self.current.push(' ');
        }
        let mut first = true;
        for word in s.split_whitespace() {
            if !first {
                self.current.push(' ');
            }
            first = false;
            self.current.push_str(word);
            let n = word.chars().count();
            self.text_chars += n;
            if in_link {
                self.link_chars += n;
            }
        }
        if ends_space {
            self.current.push(' ');
        }
    }

    fn verbatim(&mut self, s: &str) {
        self.current.push_str(s.trim_matches('\n'));
        self.text_chars += s.chars().filter(|c| !c.is_whitespace()).count();
    }

    fn br(&mut self) {
        if self.pending_br {
            self.pending_br = false;
            self.flush();
        } else {
            self.pending_br = true;
            let trimmed = self.current.trim_end_matches(' ').len();
            self.current.truncate(trimmed);
            if !self.current.is_empty() {
                self.current.push('\n');
            }
        }
    }

    fn flush(&mut self) {
        self.pending_br = false;
        let para = self
            .current
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let navigation =
            self.text_chars > 0 && self.link_chars as f64 / self.text_chars as f64 > MAX_LINK_SHARE;
        if !para.is_empty() && !navigation {
            self.paragraphs.push(para);
        }
        self.current.clear();
        self.text_chars = 0;
        self.link_chars = 0;
    }
}

/// Push the children of `node` so that the first is popped first.
fn push_children<'a>(stack: &mut Vec<Step<'a>>, node: &NodeRef<'a>, in_link: bool) {
    stack.extend(node.children_it(true).map(|c| Step::Visit(c, in_link)));
}

/// `hidden`, `aria-hidden="true"` or an inline `display:none`.
fn hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.as_ref() == "true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// How many leading paragraphs may hold the title, byline and date.
const HEAD_PARAGRAPHS: usize = 4;

/// Drop the title, byline and date lines at the top, and copyright lines anywhere.
pub fn clean(paragraphs: Vec<String>, meta: &Meta) -> Vec<String> {
    let title = meta.title.as_deref().map(normalize);
    let byline = meta.byline.as_deref().map(normalize);
    paragraphs
        .into_iter()
        .enumerate()
        .filter(|(i, p)| {
            let n = normalize(p);
            if is_copyright(&n) {
                return false;
            }
            if *i >= HEAD_PARAGRAPHS {
                return true;
            }
            let same_as = |m: &Option<String>| m.as_deref().is_some_and(|m| m == n);
            !(same_as(&title)
                || same_as(&byline)
                || is_byline(&n, byline.as_deref())
                || is_date_line(&n))
        })
        .map(|(_, p)| p)
        .collect()
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_copyright(p: &str) -> bool {
    p.len() < 400
        && (p.contains("all rights reserved")
            || p.starts_with('©')
            || p.starts_with("copyright ")
            || p.starts_with("(c) "))
}

/// "By Jane Doe", "By Jane Doe, 2025-01-18", "Posted by Jane Doe", or a short line naming the byline.
fn is_byline(p: &str, byline: Option<&str>) -> bool {
    if p.chars().count() > 120 {
        return false;
    }
    if p.starts_with("by ") || p.starts_with("posted by ") || p.starts_with("written by ") {
        return true;
    }
    byline.is_some_and(|b| p.starts_with(b) && p.chars().count() < b.chars().count() + 40)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A short line that is a date or time stamp ("2025-07-04", "Published 12 March 2024, 10:00").
fn is_date_line(p: &str) -> bool {
    if p.chars().count() > 60 || !p.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = p
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let datey = |w: &&str| {
        w.chars().all(|c| c.is_ascii_digit())
            || MONTHS.iter().any(|m| w.starts_with(m))
            || matches!(
                *w,
                "published"
                    | "updated"
                    | "am"
                    | "pm"
                    | "gmt"
                    | "utc"
                    | "at"
                    | "on"
                    | "last"
                    | "posted"
                    | "modified"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "st"
                    | "nd"
                    | "rd"
                    | "th"
                    | "t"
            )
    };
    !words.is_empty() && words.iter().all(datey)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str, meta: &Meta) -> String {
        to_text(&Document::from(html), meta)
    }

    #[test]
    fn blocks_and_double_breaks_make_paragraphs() {
        let t = text(
            "<div>One <b>bold</b> line.<br>Same paragraph.<br><br>Second.</div><p>Third</p><ul><li>a</li><li>b</li></ul>",
            &Meta::default(),
        );
        assert_eq!(
            t,
            "One bold line.\nSame paragraph.\n\nSecond.\n\nThird\n\na\n\nb"
        );
    }

    #[test]
    fn link_dense_paragraphs_are_dropped() {
        let t = text(
            "<p>Real text with <a href='#'>a link</a> inside it.</p><p><a>Home</a> | <a>World</a> | <a>Sport</a></p>",
            &Meta::default(),
        );
        assert_eq!(t, "Real text with a link inside it.");
    }

    #[test]
    fn title_byline_date_and_copyright_go() {
        let meta = Meta {
            title: Some("Big News Today".into()),
            byline: Some("Ann Lee".into()),
            ..Meta::default()
        };
        let t = text(
            "<h1>Big  news today</h1><p>By Ann Lee, Reuters</p><p>Published 12 March 2024, 10:00 GMT</p><p>The body.</p><p>© 2024 Example Media. All rights reserved.</p>",
            &meta,
        );
        assert_eq!(t, "The body.");
    }

    #[test]
    fn scripts_hidden_and_captions_are_skipped() {
        let t = text(
            "<p>Kept.</p><script>var x = 'no';</script><div hidden>no</div><div style='display: none'>no</div><figure><img src=x><figcaption>no</figcaption></figure>",
            &Meta::default(),
        );
        assert_eq!(t, "Kept.");
    }
}
