//! Bytes to text: binary detection, byte-order marks, UTF-8 validation and the
//! declared charset of HTML pages.

use std::borrow::Cow;

/// How many leading bytes are inspected to tell a binary file from text.
const SNIFF_LEN: usize = 8192;

/// True when `bytes` look like a binary file rather than text: a NUL byte, or
/// mostly control characters, in the first few kilobytes.
///
/// UTF-16 text (which has NUL bytes) is recognized by its byte-order mark and
/// is not binary.
pub fn is_binary(bytes: &[u8]) -> bool {
    if utf16_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    !head.is_empty() && control * 10 > head.len()
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// The result of decoding: the text and what had to be done to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used, when it was not UTF-8 ("windows-1252", "UTF-16LE").
    pub encoding: Option<&'static str>,
    /// How many invalid byte sequences were replaced by U+FFFD.
    pub replaced: usize,
}

/// Decode plain text: UTF-8 (a UTF-8 byte-order mark is kept, so that offsets
/// match what other tools read from the file), or UTF-16 with its mark.
/// Invalid UTF-8 sequences are replaced by U+FFFD and counted.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some(enc) = utf16_bom(bytes) {
        let (text, _, had_errors) = enc.decode(bytes);
        return Decoded {
            replaced: if had_errors {
                count_replacements(&text)
            } else {
                0
            },
            text: text.into_owned(),
            encoding: Some(enc.name()),
        };
    }
    decode_utf8_lossy(bytes)
}

/// Decode an HTML page: byte-order mark, then a `charset` declared in the
/// first kilobyte, then UTF-8; a page that is not valid UTF-8 and declares
/// nothing is read as windows-1252 (what browsers do).
pub fn decode_html(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom_len..]);
    }
    if let Some(enc) = declared_charset(bytes) {
        return decode_with(enc, bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            encoding: None,
            replaced: 0,
        },
        Err(_) => decode_with(encoding_rs::WINDOWS_1252, bytes),
    }
}

fn decode_with(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Decoded {
    if enc == encoding_rs::UTF_8 {
        return decode_utf8_lossy(bytes);
    }
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        replaced: if had_errors {
            count_replacements(&text)
        } else {
            0
        },
        text: text.into_owned(),
        encoding: Some(enc.name()),
    }
}

fn decode_utf8_lossy(bytes: &[u8]) -> Decoded {
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(s) => Decoded {
            text: s.to_string(),
            encoding: None,
            replaced: 0,
        },
        Cow::Owned(s) => Decoded {
            replaced: count_replacements(&s) - count_replacements_bytes(bytes),
            text: s,
            encoding: None,
        },
    }
}

fn count_replacements(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// U+FFFD characters that were already in the input (encoded as EF BF BD).
fn count_replacements_bytes(bytes: &[u8]) -> usize {
    bytes.windows(3).filter(|w| w == b"\xEF\xBF\xBD").count()
}

/// The encoding named by `<meta charset=…>` or `content="…; charset=…"` in the
/// first kilobyte of an HTML page (the HTML standard's pre-scan, simplified).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'>' | b'/'))
            .map_or(lower.len(), |p| i + p);
        if let Some(enc) = encoding_rs::Encoding::for_label(&lower[i..end]) {
            // A page that says UTF-16 in ASCII bytes cannot be UTF-16 (HTML standard).
            if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                return Some(encoding_rs::UTF_8);
            }
            return Some(enc);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(is_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!is_binary("Plain text — with a dash.\n".as_bytes()));
        assert!(!is_binary(b"\xFF\xFEh\0i\0"));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let d = decode_text(b"caf\xE9 and \xFF\xFE!");
        assert_eq!(d.text, "caf\u{FFFD} and \u{FFFD}\u{FFFD}!");
        assert_eq!(d.replaced, 3);
        let d = decode_text("already \u{FFFD} here".as_bytes());
        assert_eq!(d.replaced, 0);
    }

    #[test]
    fn utf8_bom_is_kept_for_text() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFHi").text, "\u{FEFF}Hi");
    }

    #[test]
    fn html_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xE9</body></html>";
        let d = decode_html(page);
        assert!(d.text.contains("café"));
        assert_eq!(d.encoding, Some("windows-1252"));
        let page =
            b"<meta http-equiv=Content-Type content='text/html; charset=windows-1251'>\xC4\xE0";
        assert!(decode_html(page).text.ends_with("Да"));
    }

    #[test]
    fn undeclared_non_utf8_html_reads_as_windows_1252() {
        let d = decode_html(b"<p>na\xEFve</p>");
        assert_eq!(d.text, "<p>naïve</p>");
        assert_eq!(d.replaced, 0);
    }
}
