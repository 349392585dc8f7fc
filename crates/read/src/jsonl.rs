//! JSON Lines: one article per line, `{"text": …, "title": …, …}`.

use serde::Deserialize;

/// One JSONL record: `text` is required, the metadata optional, other keys ignored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Record {
    /// The article text.
    pub text: String,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Author line.
    #[serde(default)]
    pub byline: Option<String>,
    /// Publishing outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Canonical URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Publication date, ISO 8601.
    #[serde(default)]
    pub published: Option<String>,
    /// ISO 639-1 language code.
    #[serde(default)]
    pub language: Option<String>,
}

/// Why a JSONL line is not a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// The line is not JSON, or not an object of the expected shape.
    #[error("not a JSON article object ({0}); expected {{\"text\": \"...\", \"title\": ...}}")]
    Json(String),
    /// `text` is empty or only whitespace.
    #[error("\"text\" is empty")]
    EmptyText,
}

/// Parse one line (without its newline).
///
/// ```
/// let r = hearsay_read::jsonl::parse_record(r#"{"text": "It rained.", "outlet": "AP"}"#).unwrap();
/// assert_eq!(r.outlet.as_deref(), Some("AP"));
/// assert!(hearsay_read::jsonl::parse_record(r#"{"title": "no text"}"#).is_err());
/// ```
pub fn parse_record(line: &str) -> Result<Record, RecordError> {
    let record: Record =
        serde_json::from_str(line).map_err(|e| RecordError::Json(strip_position(&e)))?;
    if record.text.trim().is_empty() {
        return Err(RecordError::EmptyText);
    }
    Ok(record)
}

/// serde_json's message without its " at line 1 column N" (the caller names the line).
fn strip_position(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => format!("{} at column {}", &msg[..i], e.column()),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_is_optional_and_nullable() {
        let r = parse_record(r#"{"text":"A.","title":null,"published":"2024-10-21"}"#).unwrap();
        assert_eq!(r.title, None);
        assert_eq!(r.published.as_deref(), Some("2024-10-21"));
    }

    #[test]
    fn bad_lines_say_why() {
        let e = parse_record("{\"text\": 3}").unwrap_err().to_string();
        assert!(e.contains("invalid type"), "{e}");
        assert!(e.contains("column"), "{e}");
        assert!(parse_record("[1,2]").is_err());
        assert!(parse_record("{\"text\":\"x\",\"id\":1}").is_ok());
        assert_eq!(
            parse_record("{\"text\":\"  \"}"),
            Err(RecordError::EmptyText)
        );
    }
}
