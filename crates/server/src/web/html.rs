//! Writing HTML by hand, safely: every piece of text goes through [`esc`],
//! and every page through [`layout`].

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::fmt::Write;

/// `s` with the characters that mean something in HTML (and in attribute values) escaped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The snake-case name serde gives an enum value, with spaces: `anonymous person`.
pub fn label<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

/// `s` in quotation marks, unless it brings its own.
pub fn quoted(s: &str) -> String {
    if s.starts_with(['"', '“', '‘', '\'', '«']) {
        s.to_string()
    } else {
        format!("“{s}”")
    }
}

/// An HTML page.
pub struct Page {
    /// The status it is answered with.
    pub status: StatusCode,
    /// The page's title (escaped here).
    pub title: String,
    /// What the search box shows.
    pub search: Option<(String, String)>,
    /// The main content, HTML.
    pub body: String,
}

impl Page {
    /// A 200 page.
    pub fn new(title: impl Into<String>, body: String) -> Self {
        Page {
            status: StatusCode::OK,
            title: title.into(),
            search: None,
            body,
        }
    }
}

/// The search form: full text, an entity or a source.
fn search_form(search: Option<&(String, String)>) -> String {
    let (q, scope) = search
        .map(|(q, s)| (q.as_str(), s.as_str()))
        .unwrap_or(("", "text"));
    let mut options = String::new();
    for (value, name) in [
        ("text", "Full text"),
        ("entity", "Entity"),
        ("source", "Source"),
    ] {
        let selected = if value == scope { " selected" } else { "" };
        let _ = write!(
            options,
            "<option value=\"{value}\"{selected}>{name}</option>"
        );
    }
    format!(
        "<form class=\"search\" role=\"search\" action=\"/\" method=\"get\">\
         <label class=\"visually-hidden\" for=\"q\">Search</label>\
         <input id=\"q\" name=\"q\" type=\"search\" value=\"{q}\" placeholder=\"Search claims, names, sources\" autocomplete=\"off\">\
         <label class=\"visually-hidden\" for=\"in\">Search in</label>\
         <select id=\"in\" name=\"in\">{options}</select>\
         <button type=\"submit\">Search</button></form>",
        q = esc(q)
    )
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let html = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title} · hearsay</title>\
             <link rel=\"stylesheet\" href=\"/assets/style.css\">\
             <script src=\"/assets/app.js\" defer></script></head>\
             <body><a class=\"skip\" href=\"#main\">Skip to content</a>\
             <header class=\"top\"><a class=\"brand\" href=\"/\">hearsay</a>{search}\
             <nav class=\"links\"><a href=\"/sources\">Sources</a></nav></header>\
             <main id=\"main\" tabindex=\"-1\">{body}</main>\
             <footer><p>hearsay · who claims what, on whose authority · \
             <a href=\"/api/health\">API</a></p></footer></body></html>",
            title = esc(&self.title),
            search = search_form(self.search.as_ref()),
            body = self.body,
        );
        (
            self.status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_that_means_something_in_html_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(esc("Koreaʼs 1,500 — ok"), "Koreaʼs 1,500 — ok");
    }

    #[test]
    fn quotations_get_marks_unless_they_bring_their_own() {
        assert_eq!(quoted("it rained"), "“it rained”");
        assert_eq!(quoted("\"No amount\""), "\"No amount\"");
        assert_eq!(quoted("“We will”"), "“We will”");
    }

    #[test]
    fn labels_are_the_serde_names() {
        assert_eq!(
            label(&hearsay_core::SourceKind::AnonymousPerson),
            "anonymous person"
        );
    }
}
