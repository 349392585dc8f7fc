//! Plain-text articles: the text is kept exactly as read, so that offsets
//! refer to the file; the title and byline are read off the first paragraphs.

/// Longest first line (in characters) taken as a title.
const MAX_TITLE_CHARS: usize = 300;
/// Longest second paragraph (in characters) taken as a byline.
const MAX_BYLINE_CHARS: usize = 100;

/// Title and byline found at the top of a plain-text article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextHeader {
    /// The first line, when a blank line follows it.
    pub title: Option<String>,
    /// A short second paragraph that is a person's name or starts with "By".
    pub byline: Option<String>,
}

/// Read the title and byline of a plain-text article.
///
/// The title is the first line when it is followed by a blank line; the byline
/// is a one-line second paragraph that starts with "By " or reads as a
/// person's name ("Oleksandra Opanasenko", "Mary-Jane O'Neil and J. R. Smith").
///
/// ```
/// let h = hearsay_read::text::header("Troops sent\n\nBy Ann Lee\n\nBody text.\n");
/// assert_eq!(h.title.as_deref(), Some("Troops sent"));
/// assert_eq!(h.byline.as_deref(), Some("Ann Lee"));
/// ```
pub fn header(text: &str) -> TextHeader {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut paragraphs = paragraphs(text);
    let Some(first) = paragraphs.next() else {
        return TextHeader::default();
    };
    if first.len() != 1 || !first.blank_after {
        return TextHeader::default();
    }
    let title = first.lines[0].trim();
    if title.chars().count() > MAX_TITLE_CHARS {
        return TextHeader::default();
    }
    let byline = paragraphs
        .next()
        .filter(|p| p.len() == 1 && p.blank_after)
        .and_then(|p| byline(p.lines[0].trim()));
    TextHeader {
        title: Some(title.to_string()),
        byline,
    }
}

/// A run of non-blank lines.
struct Paragraph<'t> {
    lines: Vec<&'t str>,
    /// A blank line follows (the paragraph is not the end of the text).
    blank_after: bool,
}

impl Paragraph<'_> {
    fn len(&self) -> usize {
        self.lines.len()
    }
}

fn paragraphs(text: &str) -> impl Iterator<Item = Paragraph<'_>> {
    let mut lines = text.lines().peekable();
    std::iter::from_fn(move || {
        while lines.peek().is_some_and(|l| l.trim().is_empty()) {
            lines.next();
        }
        let mut para = Vec::new();
        while let Some(l) = lines.peek() {
            if l.trim().is_empty() {
                break;
            }
            para.push(*l);
            lines.next();
        }
        if para.is_empty() {
            return None;
        }
        let blank_after = lines.peek().is_some();
        Some(Paragraph {
            lines: para,
            blank_after,
        })
    })
}

/// The byline in `line`, when the line is one.
fn byline(line: &str) -> Option<String> {
    if line.is_empty() || line.chars().count() > MAX_BYLINE_CHARS {
        return None;
    }
    for prefix in ["By ", "BY ", "by "] {
        if let Some(rest) = line.strip_prefix(prefix) {
            let rest = rest.trim();
            return (!rest.is_empty()).then(|| rest.to_string());
        }
    }
    looks_like_names(line).then(|| line.to_string())
}

/// Name particles that may be written in lower case inside a name.
const PARTICLES: &[&str] = &[
    "and", "de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von", "bin", "ibn",
    "al", "el", "y", "dos", "das", "ten", "ter",
];

/// True when `line` reads as one or more personal names: 2 to 8 words, each
/// capitalized (or an initial, or a name particle), no digits, no sentence end.
fn looks_like_names(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=8).contains(&words.len()) || line.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let last = words[words.len() - 1];
    if last.ends_with(['.', '!', '?', ':', ';', ',']) && !is_initial(last) {
        return false;
    }
    let mut capitalized = 0;
    for w in &words {
        let w = w.trim_end_matches(',');
        if PARTICLES.contains(&w) {
            continue;
        }
        if is_initial(w) || is_name_word(w) {
            capitalized += 1;
        } else {
            return false;
        }
    }
    capitalized >= 2
}

/// "J." or "J.R."
fn is_initial(w: &str) -> bool {
    !w.is_empty()
        && w.split_terminator('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        && w.ends_with('.')
}

/// "Opanasenko", "O'Neil", "Mary-Jane", "McDonald", "al-Assad".
fn is_name_word(w: &str) -> bool {
    let w = w.strip_prefix("al-").unwrap_or(w);
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | 'ʼ' | '.'))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_needs_a_blank_line_after_it() {
        assert_eq!(
            header("Headline\n\nBody.").title.as_deref(),
            Some("Headline")
        );
        assert_eq!(header("Line one\nline two\n\nBody.").title, None);
        assert_eq!(header("Only one line").title, None);
        assert_eq!(header("").title, None);
        assert_eq!(header("\n\n\n").title, None);
    }

    #[test]
    fn title_handles_crlf_and_bom() {
        let h = header("\u{FEFF}Headline\r\n\r\nJane Doe\r\n\r\nBody.\r\n");
        assert_eq!(h.title.as_deref(), Some("Headline"));
        assert_eq!(h.byline.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn byline_is_a_name_or_starts_with_by() {
        let b = |s: &str| header(&format!("Title\n\n{s}\n\nBody text here.\n")).byline;
        assert_eq!(
            b("Oleksandra Opanasenko").as_deref(),
            Some("Oleksandra Opanasenko")
        );
        assert_eq!(
            b("By Ann Lee, Reuters").as_deref(),
            Some("Ann Lee, Reuters")
        );
        assert_eq!(
            b("Mary-Jane O'Neil and J. R. Smith").as_deref(),
            Some("Mary-Jane O'Neil and J. R. Smith")
        );
        assert_eq!(
            b("Ludwig van Beethoven").as_deref(),
            Some("Ludwig van Beethoven")
        );
        assert_eq!(b("The president said on Monday that it rained."), None);
        assert_eq!(b("Updated 12 March"), None);
        assert_eq!(b("Washington"), None);
        assert_eq!(b("Officials Say."), None);
    }

    #[test]
    fn byline_must_be_a_single_line_paragraph_followed_by_more() {
        assert_eq!(header("Title\n\nJane Doe\nmore text\n\nBody.").byline, None);
        assert_eq!(header("Title\n\nJane Doe").byline, None);
    }
}
