//! Bytes to text: binary detection, byte-order marks, UTF-8 validation, NUL
//! bytes and the declared charset of HTML pages.

use std::borrow::Cow;

/// How many leading bytes are inspected to tell a binary file from text.
const SNIFF_LEN: usize = 8192;

/// True when `bytes` look like a binary file rather than text: more than one
/// byte in [`MAX_CONTROL_SHARE`] of the first few kilobytes is a control
/// character (NUL included; tab, line ends, form feed and escape are text).
///
/// Executables, images and compressed files have 9 % or more of such bytes; a
/// text with a few stray NUL bytes is text (they are replaced when decoded).
/// UTF-16 text (which has NUL bytes) is recognized by its byte-order mark and
/// is not binary.
///
/// ```
/// use hearsay_read::decode::is_binary;
/// assert!(is_binary(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"));
/// assert!(!is_binary(b"Officials said\0 the bridge reopened on Monday."));
/// ```
pub fn is_binary(bytes: &[u8]) -> bool {
    if utf16_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    !head.is_empty() && control * MAX_CONTROL_SHARE > head.len()
}

/// A file is binary when more than 1 byte in this many is a control byte.
pub const MAX_CONTROL_SHARE: usize = 20;

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
    /// How many NUL characters were replaced by U+FFFD (text tools and
    /// databases may cut a string at a NUL).
    pub nul: usize,
}

impl Decoded {
    /// Replace NUL characters by U+FFFD, counting them.
    fn without_nul(mut self) -> Self {
        self.nul = self.text.bytes().filter(|&b| b == 0).count();
        if self.nul > 0 {
            self.text = self.text.replace('\0', "\u{FFFD}");
        }
        self
    }
}

/// Decode plain text: UTF-8 (a UTF-8 byte-order mark is kept, so that offsets
/// match what other tools read from the file), or UTF-16 with its mark.
/// Invalid UTF-8 sequences and NUL characters are replaced by U+FFFD (one
/// character each, so that character offsets still match the file) and counted.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    decode_text_keeping_nul(bytes).without_nul()
}

fn decode_text_keeping_nul(bytes: &[u8]) -> Decoded {
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
            nul: 0,
        };
    }
    decode_utf8_lossy(bytes)
}

/// Decode an HTML page: byte-order mark, then a `charset` declared in the
/// first kilobyte, then UTF-8; a page that is not valid UTF-8 and declares
/// nothing is read as windows-1252 (what browsers do). NUL characters are
/// replaced by U+FFFD and counted.
pub fn decode_html(bytes: &[u8]) -> Decoded {
    decode_html_keeping_nul(bytes).without_nul()
}

fn decode_html_keeping_nul(bytes: &[u8]) -> Decoded {
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
            nul: 0,
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
        nul: 0,
    }
}

fn decode_utf8_lossy(bytes: &[u8]) -> Decoded {
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(s) => Decoded {
            text: s.to_string(),
            encoding: None,
            replaced: 0,
            nul: 0,
        },
        Cow::Owned(s) => Decoded {
            replaced: count_replacements(&s) - count_replacements_bytes(bytes),
            text: s,
            encoding: None,
            nul: 0,
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
    fn a_share_of_control_bytes_means_binary() {
        assert!(is_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!is_binary("Plain text — with a dash.\n".as_bytes()));
        assert!(!is_binary(b"\xFF\xFEh\0i\0"));
        let mut text = "It rained in Kyiv on Monday, officials said. ".repeat(20);
        text.insert(100, '\0');
        assert!(!is_binary(text.as_bytes()));
        let mut bytes = text.into_bytes();
        for i in (0..bytes.len()).step_by(15) {
            bytes[i] = 0x01;
        }
        assert!(is_binary(&bytes));
    }

    #[test]
    fn nul_characters_are_replaced_and_counted() {
        let d = decode_text(b"One\0two\0\0three \xFF.");
        assert_eq!(d.text, "One\u{FFFD}two\u{FFFD}\u{FFFD}three \u{FFFD}.");
        assert_eq!((d.nul, d.replaced), (3, 1));
        let d = decode_html(b"<p>a\0b</p>");
        assert_eq!((d.text.as_str(), d.nul), ("<p>a\u{FFFD}b</p>", 1));
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
