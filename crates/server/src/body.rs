//! The bodies `POST /api/documents` and `POST /api/analyze` take: one JSON
//! article object, JSON Lines (one object per line), an HTML page or plain
//! text. A body is read whole before anything is stored, so a bad line or
//! an unreadable page refuses the request and stores nothing.

use crate::ApiError;
use axum::http::{HeaderMap, header};
use hearsay_read::{Input, InputFormat, ReadItem, ReadOptions};
use std::sync::Arc;

/// What a request body holds, by its `Content-Type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// `application/json`: one `{"text", "title", "byline", "outlet", "url", "published"}` object.
    Json,
    /// `application/x-ndjson` (or `application/jsonl`, `application/jsonlines`): one object per line.
    JsonLines,
    /// `text/html` or `application/xhtml+xml`: a page whose article is extracted.
    Html,
    /// `text/plain`: the article text (a first line followed by a blank line is the title).
    Text,
}

/// The content types accepted, for messages.
pub const ACCEPTED: &str = "application/json, application/x-ndjson, text/html or text/plain";

impl BodyKind {
    /// The kind of body the headers announce.
    pub fn of(headers: &HeaderMap) -> Result<Self, ApiError> {
        let Some(value) = headers.get(header::CONTENT_TYPE) else {
            return Err(ApiError::UnsupportedType(format!(
                "no Content-Type: send {ACCEPTED}"
            )));
        };
        let value = value.to_str().unwrap_or("");
        let mime = value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match mime.as_str() {
            "application/json" => Ok(BodyKind::Json),
            "application/x-ndjson"
            | "application/jsonl"
            | "application/jsonlines"
            | "application/x-jsonlines" => Ok(BodyKind::JsonLines),
            "text/html" | "application/xhtml+xml" => Ok(BodyKind::Html),
            "text/plain" => Ok(BodyKind::Text),
            _ => Err(ApiError::UnsupportedType(format!(
                "Content-Type {value:?} is not one this endpoint reads: send {ACCEPTED}"
            ))),
        }
    }
}

/// A body read into documents.
pub struct Parsed {
    /// The body as an input for `hearsay-ingest`.
    pub input: Input,
    /// The documents it holds, in order.
    pub documents: Vec<ReadItem>,
}

/// How the documents of a request are named (`request`, `request:LINE` for JSON Lines).
pub const NAME: &str = "request";

/// Read `bytes` as `kind` into documents, or say why it cannot be.
pub fn parse(kind: BodyKind, bytes: &[u8], max_bytes: u64) -> Result<Parsed, ApiError> {
    let (bytes, format): (Arc<[u8]>, InputFormat) = match kind {
        BodyKind::Json => (one_line(bytes)?.into_bytes().into(), InputFormat::Jsonl),
        BodyKind::JsonLines => (bytes.into(), InputFormat::Jsonl),
        BodyKind::Html => (bytes.into(), InputFormat::Html),
        BodyKind::Text => (bytes.into(), InputFormat::Text),
    };
    let input = Input::Memory {
        name: NAME.to_string(),
        bytes,
        format: Some(format),
    };
    let options = ReadOptions { max_bytes };
    let documents = hearsay_read::read(&input, &options)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    if documents.is_empty() {
        return Err(ApiError::BadRequest(format!(
            "{NAME}: no documents in the body"
        )));
    }
    Ok(Parsed { input, documents })
}

/// One JSON article object, checked, as one JSON Lines line.
fn one_line(bytes: &[u8]) -> Result<String, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::BadRequest(format!("the body is not JSON: {e}")))?;
    if !value.is_object() {
        return Err(ApiError::BadRequest(
            "the body must be one JSON object {\"text\": …, \"title\": …, \"outlet\": …, \"url\": …, \"published\": …} \
             (send several as application/x-ndjson, one per line)"
                .into(),
        ));
    }
    let line = value.to_string();
    hearsay_read::jsonl::parse_record(&line)
        .map_err(|e| ApiError::BadRequest(format!("the body is not an article: {e}")))?;
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn kind(content_type: &str) -> Result<BodyKind, ApiError> {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type).unwrap(),
        );
        BodyKind::of(&h)
    }

    #[test]
    fn content_types_pick_the_reader() {
        assert_eq!(
            kind("application/json; charset=utf-8").unwrap(),
            BodyKind::Json
        );
        assert_eq!(kind("application/x-ndjson").unwrap(), BodyKind::JsonLines);
        assert_eq!(kind("Text/HTML").unwrap(), BodyKind::Html);
        assert_eq!(kind("text/plain").unwrap(), BodyKind::Text);
        assert!(matches!(
            kind("image/png"),
            Err(ApiError::UnsupportedType(_))
        ));
        assert!(matches!(
            BodyKind::of(&HeaderMap::new()),
            Err(ApiError::UnsupportedType(_))
        ));
    }

    #[test]
    fn a_json_object_is_one_document_with_its_metadata() {
        let body = br#"{"text": "It rained,\nofficials said.", "title": "Rain", "outlet": "AP", "published": "2024-10-21"}"#;
        let p = parse(BodyKind::Json, body, 1 << 20).unwrap();
        let d = &p.documents[0].document;
        assert_eq!(d.text, "It rained,\nofficials said.");
        assert_eq!(
            (d.title.as_deref(), d.outlet.as_deref()),
            (Some("Rain"), Some("AP"))
        );
        assert_eq!(d.published.as_deref(), Some("2024-10-21"));
    }

    #[test]
    fn bad_bodies_say_why_and_yield_nothing() {
        let bad = |kind, body: &[u8]| match parse(kind, body, 1 << 20) {
            Err(ApiError::BadRequest(m)) => m,
            Err(e) => panic!("{e:?}"),
            Ok(_) => panic!("accepted {:?}", String::from_utf8_lossy(body)),
        };
        assert!(bad(BodyKind::Json, b"{\"text\": ").contains("not JSON"));
        assert!(bad(BodyKind::Json, b"[1, 2]").contains("one JSON object"));
        assert!(bad(BodyKind::Json, br#"{"title": "no text"}"#).contains("not an article"));
        let lines = b"{\"text\": \"One.\"}\n{oops\n";
        assert!(bad(BodyKind::JsonLines, lines).starts_with("request:2: "));
        assert!(bad(BodyKind::Text, b"   \n").contains("empty"));
        assert!(bad(BodyKind::Html, b"<html><body></body></html>").contains("no article text"));
    }
}
