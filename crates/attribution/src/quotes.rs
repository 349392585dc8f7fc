//! Quotation marks paired into quoted passages.
//!
//! News text mixes curly (“ ”), straight (") and doubled-apostrophe ('') quotes,
//! uses a closing glyph to open a quote now and then, and continues a quote over
//! paragraphs by re-opening it without closing it. A mark's role is therefore
//! read from its context (space on one side, a word on the other) before its
//! glyph, and an unclosed quote ends at the end of its paragraph.
//!
//! ```
//! use hearsay_attribution::quotes::find_quotes;
//! let text = "“No,” he said. \"Yes.\"";
//! let q = find_quotes(text);
//! assert_eq!(q.len(), 2);
//! assert_eq!(q[0].span.text(text), "“No,”");
//! assert_eq!(q[1].span.text(text), "\"Yes.\"");
//! ```

use hearsay_core::Span;

/// A quoted passage, from its opening mark to its closing mark (both included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The passage with its marks (bytes).
    pub span: Span,
    /// False when no closing mark was found and the passage ends with its paragraph.
    pub closed: bool,
    /// True for single quotation marks (‘ ’ or ').
    pub single: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    Toggle,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    start: usize,
    end: usize,
    role: Role,
    single: bool,
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{201e}'
            | '\u{2018}'
            | '\u{2019}'
            | '«'
            | '»'
    )
}

fn left_flank(p: Option<char>) -> bool {
    p.is_none_or(|p| p.is_whitespace() || "([{<—–-/".contains(p) || is_mark_char(p))
}

fn right_flank(q: Option<char>) -> bool {
    q.is_none_or(|q| q.is_whitespace() || ".,;:!?)]}>—–-…".contains(q) || is_mark_char(q))
}

/// Find the quotation marks of `text` with their likely role.
fn marks(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (b, c) = chars[k];
        let next = chars.get(k + 1).map(|x| x.1);
        // Doubled ASCII marks ('' and ``) count as one double mark.
        let (width, single, glyph) = match (c, next) {
            ('\'', Some('\'')) => (2, false, Role::Close),
            ('`', Some('`')) => (2, false, Role::Open),
            ('"', _) => (1, false, Role::Toggle),
            ('\u{201c}' | '\u{201e}' | '«', _) => (1, false, Role::Open),
            ('\u{201d}' | '»', _) => (1, false, Role::Close),
            ('\u{2018}', _) => (1, true, Role::Open),
            ('\u{2019}' | '\'', _) => (1, true, Role::Close),
            _ => {
                k += 1;
                continue;
            }
        };
        let p = k.checked_sub(1).map(|j| chars[j].1);
        let q = chars.get(k + width).map(|x| x.1);
        let end = chars.get(k + width).map_or(text.len(), |x| x.0);
        let (lf, rf) = (left_flank(p), right_flank(q));
        let role = match (lf, rf) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => glyph,
        };
        // An apostrophe inside a word ("don't", "Korea’s") is no quotation mark.
        let apostrophe =
            single && p.is_some_and(char::is_alphanumeric) && q.is_some_and(char::is_alphanumeric);
        if !apostrophe {
            out.push(Mark {
                start: b,
                end,
                role,
                single,
            });
        }
        k += width;
    }
    out
}

/// Where the paragraphs of a text end: the byte offsets of its newlines.
struct Paragraphs {
    newlines: Vec<usize>,
    len: usize,
}

impl Paragraphs {
    fn of(text: &str) -> Self {
        Paragraphs {
            newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
            len: text.len(),
        }
    }

    /// End of the paragraph that contains byte `at` (the first newline at or after it, or the end).
    fn end(&self, at: usize) -> usize {
        let k = self.newlines.partition_point(|&n| n < at);
        self.newlines.get(k).copied().unwrap_or(self.len)
    }
}

/// Pair the marks of one kind (single or double) into quoted passages.
fn pair(text: &str, paragraphs: &Paragraphs, marks: &[Mark], single: bool, out: &mut Vec<Quote>) {
    let mut open: Option<usize> = None;
    let unclosed = |text: &str, start: usize, limit: usize| {
        let end = paragraphs.end(start).min(limit);
        let span = Span::new(start, end).trim(text);
        Quote {
            span,
            closed: false,
            single,
        }
    };
    for m in marks.iter().filter(|m| m.single == single) {
        if let Some(o) = open
            && paragraphs.end(o) < m.start
        {
            if !single {
                out.push(unclosed(text, o, m.start));
            }
            open = None;
        }
        match (m.role, open) {
            (Role::Open, None) | (Role::Toggle, None) => open = Some(m.start),
            (Role::Close, Some(o)) | (Role::Toggle, Some(o)) => {
                out.push(Quote {
                    span: Span::new(o, m.end),
                    closed: true,
                    single,
                });
                open = None;
            }
            (Role::Open, Some(o)) => {
                if !single {
                    out.push(unclosed(text, o, m.start));
                }
                open = Some(m.start);
            }
            (Role::Close, None) => {}
        }
    }
    if let Some(o) = open
        && !single
    {
        out.push(unclosed(text, o, text.len()));
    }
}

/// The quoted passages of `text`, double-quoted first, each list in text order.
///
/// Single-quoted passages are only reported when closed within their paragraph,
/// since a lone ’ is far more often an apostrophe.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let ms = marks(text);
    let paragraphs = Paragraphs::of(text);
    let mut out = Vec::new();
    pair(text, &paragraphs, &ms, false, &mut out);
    pair(text, &paragraphs, &ms, true, &mut out);
    out.retain(|q| !q.span.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|q| q.span.text(text))
            .collect()
    }

    #[test]
    fn curly_straight_and_doubled_apostrophes() {
        assert_eq!(
            texts("He said “yes” and \"no\" and ''maybe,'' too."),
            ["“yes”", "\"no\"", "''maybe,''"]
        );
    }

    #[test]
    fn a_closing_glyph_that_opens_is_read_from_context() {
        assert_eq!(texts("― Nell\n”What is it?” she asked."), ["”What is it?”"]);
    }

    #[test]
    fn quote_reopened_in_next_paragraph_ends_with_its_paragraph() {
        let t = "“First part.\n“Second part.” Done.";
        let q = find_quotes(t);
        assert_eq!(q.len(), 2);
        assert!(!q[0].closed);
        assert_eq!(q[0].span.text(t), "“First part.");
        assert_eq!(q[1].span.text(t), "“Second part.”");
    }

    #[test]
    fn apostrophes_are_not_quotes_but_single_quotes_are() {
        assert_eq!(texts("Korea’s army isn't ‘ready’ yet."), ["‘ready’"]);
        assert!(texts("the voters’ choice").is_empty());
    }

    proptest! {
        #[test]
        fn quotes_are_ordered_char_aligned_spans(s in "[a-z “”\"'‘’\n.,]{0,60}") {
            for q in find_quotes(&s) {
                prop_assert!(q.span.end <= s.len());
                prop_assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
            }
        }
    }
}
