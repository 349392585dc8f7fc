//! Hostile JSON Lines: article records with hostile text and odd fields,
//! values nested deep, broken and empty lines, NUL bytes.

use crate::html;
use crate::text;
use proptest::prelude::*;

/// `s` as a JSON string literal (quotes, backslashes and controls escaped).
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One line of a feed.
fn line(max: usize) -> BoxedStrategy<String> {
    prop_oneof![
        4 => (text::hostile(max), prop::option::of(text::sentence()), prop::option::of(text::name()))
            .prop_map(|(t, title, outlet)| {
                let mut fields = vec![format!("\"text\":{}", quoted(&t))];
                if let Some(title) = title {
                    fields.push(format!("\"title\":{}", quoted(&title)));
                }
                if let Some(outlet) = outlet {
                    fields.push(format!("\"outlet\":{}", quoted(&outlet)));
                }
                format!("{{{}}}", fields.join(","))
            }),
        1 => html::page(max / 4).prop_map(|p| format!("{{\"text\":{}}}", quoted(&p))),
        1 => (html::depth(), text::sentence()).prop_map(|(d, t)| format!(
            "{{\"text\":{},\"tags\":{}{}}}",
            quoted(&t),
            "[".repeat(d),
            "]".repeat(d)
        )),
        1 => (html::depth(), text::sentence()).prop_map(|(d, t)| format!(
            "{{\"text\":{},\"meta\":{}1{}}}",
            quoted(&t),
            "{\"a\":".repeat(d),
            "}".repeat(d)
        )),
        1 => Just("{\"text\": 12}".to_string()),
        1 => Just("{\"text\": \"\"}".to_string()),
        1 => Just("{\"title\": \"no text\"}".to_string()),
        1 => Just("{\"text\": \"cut".to_string()),
        1 => Just("[1, 2, 3]".to_string()),
        1 => Just(String::new()),
        1 => Just("{\"text\": \"A\\u0000B said so.\"}".to_string()),
        1 => Just("{\"text\": \"\\ud800 lone surrogate\"}".to_string()),
        1 => text::arbitrary(256),
    ]
    .boxed()
}

/// A feed of one to twelve lines, each with up to about `max` characters of text.
pub fn feed(max: usize) -> BoxedStrategy<String> {
    (
        prop::collection::vec(line(max), 1..12),
        prop::sample::select(&["\n", "\r\n"][..]),
    )
        .prop_map(|(lines, end)| lines.join(end))
        .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_are_json() {
        assert_eq!(quoted("a\"b\\c\nd\u{1}"), r#""a\"b\\c\nd\u0001""#);
    }
}
