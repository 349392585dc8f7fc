/// Converts byte offsets of one text into Unicode code-point offsets.
///
/// The JSON and brat formats count code points (as Python's `str` does); the
/// analyzer counts bytes. Build one map per document and convert every offset
/// through it in O(log n).
///
/// ```
/// use hearsay_core::CharMap;
/// let text = "Koreaʼs army";
/// let map = CharMap::new(text);
/// assert_eq!(map.char_of(text.find("army").unwrap()), 8);
/// assert_eq!(map.byte_of(8), text.find("army").unwrap());
/// ```
#[derive(Debug, Clone)]
pub struct CharMap {
    /// Every non-ASCII char: (byte offset, char offset, width in bytes).
    multibyte: Vec<(usize, usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharMap {
    /// Index the multi-byte characters of `text`.
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut chars = 0;
        for (b, c) in text.char_indices() {
            if c.len_utf8() > 1 {
                multibyte.push((b, chars, c.len_utf8()));
            }
            chars += 1;
        }
        CharMap {
            multibyte,
            len_bytes: text.len(),
            len_chars: chars,
        }
    }

    /// The code-point offset of byte offset `byte` (a char boundary, or past the end).
    pub fn char_of(&self, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars + (byte - self.len_bytes);
        }
        let i = self.multibyte.partition_point(|&(b, _, _)| b < byte);
        match i.checked_sub(1).map(|j| self.multibyte[j]) {
            None => byte,
            Some((b, c, w)) if byte < b + w => c,
            Some((b, c, w)) => c + 1 + (byte - b - w),
        }
    }

    /// The byte offset of code-point offset `ch` (clamped to the end of the text).
    pub fn byte_of(&self, ch: usize) -> usize {
        if ch >= self.len_chars {
            return self.len_bytes;
        }
        let i = self.multibyte.partition_point(|&(_, c, _)| c < ch);
        match i.checked_sub(1).map(|j| self.multibyte[j]) {
            None => ch,
            Some((b, c, w)) => b + w + (ch - c - 1),
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_boundary() {
        let text = "a—b ʼc 😀 d€";
        let map = CharMap::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_of(bi), ci, "byte {bi}");
            assert_eq!(map.byte_of(ci), bi, "char {ci}");
        }
        assert_eq!(map.char_of(text.len()), text.chars().count());
        assert_eq!(map.byte_of(text.chars().count()), text.len());
    }

    #[test]
    fn ascii_is_identity() {
        let map = CharMap::new("plain ascii");
        assert_eq!(map.char_of(6), 6);
        assert_eq!(map.byte_of(6), 6);
    }
}
