//! Reading one input into documents: a file or standard input gives one
//! document, a JSONL stream one per line (read lazily, line by line).

use crate::decode::{self, Decoded};
use crate::{Input, InputFormat, ReadError, ReadItem, ReadOptions, ReadWarning, html, jsonl, text};
use hearsay_core::Document;
use std::io::{BufRead, BufReader, Read};

/// The documents of one input, in order; each is read or fails on its own.
pub struct Items {
    state: State,
}

enum State {
    Done,
    One(Result<ReadItem, ReadError>),
    Lines(LineReader),
}

impl Iterator for Items {
    type Item = Result<ReadItem, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match std::mem::replace(&mut self.state, State::Done) {
            State::Done => None,
            State::One(item) => Some(item),
            State::Lines(mut lines) => {
                let item = lines.next_item();
                if item.is_some() {
                    self.state = State::Lines(lines);
                }
                item
            }
        }
    }
}

/// Read `input` into documents.
///
/// Errors are items of the iterator, so that one bad file or JSONL line does
/// not stop the others.
///
/// ```
/// use hearsay_read::{read, Input, ReadOptions};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("a.txt");
/// std::fs::write(&path, "Rain in Kyiv\n\nIt rained, officials said.\n").unwrap();
/// let docs: Vec<_> = read(&Input::File { path, format: None }, &ReadOptions::default()).collect();
/// let doc = &docs[0].as_ref().unwrap().document;
/// assert_eq!(doc.title.as_deref(), Some("Rain in Kyiv"));
/// ```
pub fn read(input: &Input, opts: &ReadOptions) -> Items {
    let state = match input {
        Input::File { path, format } => {
            let shown = path.display().to_string();
            let stem = input.stem();
            match std::fs::File::open(path) {
                Ok(file) => {
                    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
                    open(Box::new(file), shown, stem, *format, Some(size), opts)
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    State::One(Err(ReadError::Missing { path: shown }))
                }
                Err(source) => State::One(Err(ReadError::Io {
                    path: shown,
                    source,
                })),
            }
        }
        Input::Stdin { format } => open(
            Box::new(std::io::stdin()),
            "-".to_string(),
            input.stem(),
            *format,
            None,
            opts,
        ),
        Input::Memory {
            name,
            bytes,
            format,
        } => open(
            Box::new(std::io::Cursor::new(bytes.clone())),
            name.clone(),
            input.stem(),
            *format,
            Some(bytes.len() as u64),
            opts,
        ),
    };
    Items { state }
}

fn open(
    source: Box<dyn Read + Send>,
    path: String,
    stem: String,
    format: Option<InputFormat>,
    size: Option<u64>,
    opts: &ReadOptions,
) -> State {
    let mut reader = BufReader::with_capacity(64 * 1024, source);
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(source) => return State::One(Err(ReadError::Io { path, source })),
    };
    if decode::is_binary(head) {
        return State::One(Err(ReadError::Binary { path }));
    }
    let format = format.unwrap_or_else(|| InputFormat::sniff(head));
    if format == InputFormat::Jsonl {
        return State::Lines(LineReader {
            reader: Box::new(reader),
            path,
            stem,
            line: 0,
            records: 0,
            max_bytes: opts.max_bytes,
        });
    }
    if let Some(size) = size.filter(|&s| s > opts.max_bytes) {
        return State::One(Err(ReadError::TooLarge {
            path,
            size,
            limit: opts.max_bytes,
        }));
    }
    let mut bytes = Vec::new();
    if let Err(source) = reader.take(opts.max_bytes + 1).read_to_end(&mut bytes) {
        return State::One(Err(ReadError::Io { path, source }));
    }
    if bytes.len() as u64 > opts.max_bytes {
        return State::One(Err(ReadError::TooLarge {
            path,
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        }));
    }
    State::One(match format {
        InputFormat::Html => read_html(&bytes, path, stem),
        _ => read_text(&bytes, path, stem),
    })
}

fn warnings(decoded: &Decoded, path: &str) -> Vec<ReadWarning> {
    let mut out = Vec::new();
    if let Some(encoding) = decoded.encoding {
        out.push(ReadWarning::Decoded {
            path: path.to_string(),
            encoding,
        });
    }
    if decoded.replaced > 0 {
        out.push(ReadWarning::Replaced {
            path: path.to_string(),
            count: decoded.replaced,
        });
    }
    if decoded.nul > 0 {
        out.push(ReadWarning::Nul {
            path: path.to_string(),
            count: decoded.nul,
        });
    }
    out
}

fn read_text(bytes: &[u8], path: String, stem: String) -> Result<ReadItem, ReadError> {
    let decoded = decode::decode_text(bytes);
    if decoded
        .text
        .trim_start_matches('\u{FEFF}')
        .trim()
        .is_empty()
    {
        return Err(ReadError::Empty { path });
    }
    let warnings = warnings(&decoded, &path);
    let header = text::header(&decoded.text);
    let mut document = Document::new(decoded.text);
    document.title = header.title;
    document.byline = header.byline;
    document.path = Some(path);
    Ok(ReadItem {
        document,
        name: stem,
        warnings,
    })
}

fn read_html(bytes: &[u8], path: String, stem: String) -> Result<ReadItem, ReadError> {
    let decoded = decode::decode_html(bytes);
    if decoded.text.trim().is_empty() {
        return Err(ReadError::Empty { path });
    }
    let warnings = warnings(&decoded, &path);
    let page = html::extract(&decoded.text).map_err(|reason| ReadError::TooDeep {
        path: path.clone(),
        reason,
    })?;
    if page.text.trim().is_empty() {
        return Err(ReadError::NoContent { path });
    }
    let mut document = Document::new(page.text);
    document.title = page.meta.title;
    document.byline = page.meta.byline;
    document.outlet = page.meta.outlet;
    document.url = page.meta.url;
    document.published = page.meta.published;
    document.language = page.meta.language;
    document.path = Some(path);
    Ok(ReadItem {
        document,
        name: stem,
        warnings,
    })
}

/// A JSONL stream read one line at a time.
struct LineReader {
    reader: Box<dyn BufRead + Send>,
    path: String,
    stem: String,
    /// Lines read so far.
    line: usize,
    /// Records (good or bad) yielded so far.
    records: usize,
    max_bytes: u64,
}

impl LineReader {
    fn next_item(&mut self) -> Option<Result<ReadItem, ReadError>> {
        loop {
            let mut buf = Vec::new();
            let read = (&mut self.reader)
                .take(self.max_bytes + 1)
                .read_until(b'\n', &mut buf);
            match read {
                Err(source) => {
                    return Some(Err(ReadError::Io {
                        path: self.path.clone(),
                        source,
                    }));
                }
                Ok(0) if self.records == 0 => {
                    self.records += 1;
                    return Some(Err(ReadError::Empty {
                        path: self.path.clone(),
                    }));
                }
                Ok(0) => return None,
                Ok(_) => {}
            }
            self.line += 1;
            if buf.len() as u64 > self.max_bytes && buf.last() != Some(&b'\n') {
                let size = buf.len() as u64 + self.skip_rest_of_line();
                self.records += 1;
                return Some(Err(ReadError::TooLarge {
                    path: format!("{}:{}", self.path, self.line),
                    size,
                    limit: self.max_bytes,
                }));
            }
            let where_ = format!("{}:{}", self.path, self.line);
            let decoded = decode::decode_text(&buf);
            let line = decoded.text.trim_start_matches('\u{FEFF}').trim();
            if line.is_empty() {
                continue;
            }
            self.records += 1;
            let mut record = match jsonl::parse_record(line) {
                Ok(r) => r,
                Err(reason) => {
                    return Some(Err(ReadError::BadLine {
                        path: self.path.clone(),
                        line: self.line,
                        reason,
                    }));
                }
            };
            // `\u0000` escapes put NUL characters in the text: replace them as in files.
            let escaped_nul = record.text.bytes().filter(|&b| b == 0).count();
            if escaped_nul > 0 {
                record.text = record.text.replace('\0', "\u{FFFD}");
            }
            let decoded = Decoded {
                nul: decoded.nul + escaped_nul,
                ..decoded
            };
            let mut document = Document::new(record.text);
            document.title = record.title;
            document.byline = record.byline;
            document.outlet = record.outlet;
            document.url = record.url;
            document.published = record.published;
            document.language = record.language;
            document.path = Some(where_.clone());
            return Some(Ok(ReadItem {
                document,
                name: format!("{}-{}", self.stem, self.line),
                warnings: warnings(&decoded, &where_),
            }));
        }
    }

    /// Discard the rest of an over-long line; returns how many bytes it had.
    fn skip_rest_of_line(&mut self) -> u64 {
        let mut skipped = 0;
        loop {
            let (done, used) = match self.reader.fill_buf() {
                Ok([]) | Err(_) => return skipped,
                Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                    Some(i) => (true, i + 1),
                    None => (false, buf.len()),
                },
            };
            self.reader.consume(used);
            skipped += used as u64;
            if done {
                return skipped;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read_file(dir: &Path, name: &str, bytes: &[u8]) -> Vec<Result<ReadItem, ReadError>> {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let format = InputFormat::from_extension(&path);
        read(&Input::File { path, format }, &ReadOptions::default()).collect()
    }

    #[test]
    fn text_is_kept_byte_exact() {
        let dir = tempfile::tempdir().unwrap();
        let src = "Title\r\n\r\nBody — with “quotes”.\r\n\r\n";
        let items = read_file(dir.path(), "a.txt", src.as_bytes());
        let item = items[0].as_ref().unwrap();
        assert_eq!(item.document.text, src);
        assert_eq!(item.document.id, hearsay_core::DocId::of_text(src));
        assert_eq!(item.name, "a");
        assert!(item.warnings.is_empty());
    }

    #[test]
    fn binary_empty_and_invalid_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let bin = read_file(dir.path(), "x.txt", b"\x7fELF\x02\x01\x01\0\0\0");
        assert!(matches!(bin[0], Err(ReadError::Binary { .. })));
        let nul = read_file(
            dir.path(),
            "n.txt",
            b"It rained\0 in Kyiv, officials said.\n",
        );
        let item = nul[0].as_ref().unwrap();
        assert_eq!(
            item.document.text,
            "It rained\u{FFFD} in Kyiv, officials said.\n"
        );
        assert!(
            item.warnings[0]
                .to_string()
                .ends_with("n.txt: 1 NUL byte replaced by U+FFFD")
        );
        let escaped = read_file(dir.path(), "f.jsonl", b"{\"text\":\"a\\u0000b\"}\n");
        let item = escaped[0].as_ref().unwrap();
        assert_eq!(item.document.text, "a\u{FFFD}b");
        assert!(item.warnings[0].to_string().contains("1 NUL byte replaced"));
        assert!(matches!(bin[0], Err(ReadError::Binary { .. })));
        let empty = read_file(dir.path(), "e.txt", b" \n\t\n");
        assert!(matches!(empty[0], Err(ReadError::Empty { .. })));
        let bad = read_file(dir.path(), "b.txt", b"caf\xE9 au lait");
        let item = bad[0].as_ref().unwrap();
        assert_eq!(item.document.text, "caf\u{FFFD} au lait");
        assert!(
            item.warnings[0]
                .to_string()
                .contains("1 byte sequence replaced")
        );
    }

    #[test]
    fn too_large_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "word ".repeat(100)).unwrap();
        let opts = ReadOptions { max_bytes: 100 };
        let items: Vec<_> = read(&Input::File { path, format: None }, &opts).collect();
        assert!(matches!(
            items[0],
            Err(ReadError::TooLarge { size: 500, .. })
        ));
    }

    #[test]
    fn jsonl_reports_bad_lines_and_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let src = "{\"text\":\"One.\",\"title\":\"T1\"}\n\n{not json\n{\"text\":\"Two.\"}\n";
        let items = read_file(dir.path(), "feed.jsonl", src.as_bytes());
        assert_eq!(items.len(), 3);
        let one = items[0].as_ref().unwrap();
        assert_eq!(
            (one.name.as_str(), one.document.title.as_deref()),
            ("feed-1", Some("T1"))
        );
        assert!(
            one.document
                .path
                .as_deref()
                .unwrap()
                .ends_with("feed.jsonl:1")
        );
        let err = items[1].as_ref().unwrap_err();
        assert!(matches!(err, ReadError::BadLine { line: 3, .. }), "{err}");
        assert!(err.to_string().contains("feed.jsonl:3: "), "{err}");
        assert_eq!(items[2].as_ref().unwrap().name, "feed-4");
    }

    #[test]
    fn bytes_in_memory_read_like_a_file_of_that_name() {
        let input = |bytes: &[u8], format| Input::Memory {
            name: "request".into(),
            bytes: bytes.into(),
            format,
        };
        let feed = b"{\"text\":\"One.\",\"outlet\":\"AP\"}\n{\"text\":\"Two.\"}\n";
        let items: Vec<_> = read(&input(feed, None), &ReadOptions::default()).collect();
        let one = items[0].as_ref().unwrap();
        assert_eq!(one.document.outlet.as_deref(), Some("AP"));
        assert_eq!(one.document.path.as_deref(), Some("request:1"));
        assert_eq!(items[1].as_ref().unwrap().name, "request-2");
        let page = b"<html><head><title>T</title></head><body><article><p>It rained in Kyiv, officials said on Monday.</p></article></body></html>";
        let html: Vec<_> = read(
            &input(page, Some(InputFormat::Html)),
            &ReadOptions::default(),
        )
        .collect();
        assert!(
            html[0]
                .as_ref()
                .unwrap()
                .document
                .text
                .contains("It rained in Kyiv")
        );
        let small = ReadOptions { max_bytes: 4 };
        let big: Vec<_> = read(&input(b"Too long.", None), &small).collect();
        assert!(
            matches!(big[0], Err(ReadError::TooLarge { .. })),
            "{:?}",
            big[0]
        );
    }

    #[test]
    fn jsonl_line_over_the_limit_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.jsonl");
        let long = format!(
            "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
            "a".repeat(300)
        );
        std::fs::write(&path, long).unwrap();
        let opts = ReadOptions { max_bytes: 100 };
        let items: Vec<_> = read(&Input::File { path, format: None }, &opts).collect();
        assert!(matches!(items[0], Err(ReadError::TooLarge { .. })));
        assert_eq!(items[1].as_ref().unwrap().document.text, "ok");
    }

    #[test]
    fn empty_jsonl_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let items = read_file(dir.path(), "f.jsonl", b"\n\n");
        assert!(matches!(items[..], [Err(ReadError::Empty { .. })]));
    }

    #[test]
    fn unknown_extension_is_sniffed() {
        let dir = tempfile::tempdir().unwrap();
        let items = read_file(
            dir.path(),
            "feed.dat",
            b"{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n",
        );
        assert_eq!(items.len(), 2);
    }
}
