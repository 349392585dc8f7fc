//! Per-word feature values shared by the tagger, parser and NER: hashes of the
//! word's form, normalized form, affixes and shape, computed once per token.

use crate::hash;

/// Hashed properties of one word, each a 64-bit value ready to combine with a template id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordFeats {
    /// The exact form (case-sensitive).
    pub form: u64,
    /// Lower-cased form; words with digits are replaced by their shape.
    pub norm: u64,
    /// First character, lower-cased.
    pub prefix1: u64,
    /// First three characters, lower-cased.
    pub prefix3: u64,
    /// Last three characters, lower-cased.
    pub suffix3: u64,
    /// Last two characters, lower-cased.
    pub suffix2: u64,
    /// Last four characters, lower-cased.
    pub suffix4: u64,
    /// Word shape: `Xxxx`, `dd,ddd`, `X.X.` (runs capped at three).
    pub shape: u64,
    /// Bit set of [`flag`] values.
    pub flags: u64,
}

/// Bits of [`WordFeats::flags`].
pub(crate) mod flag {
    /// Starts with an upper-case letter.
    pub const TITLE: u64 = 1;
    /// All letters upper-case (and at least two letters).
    pub const UPPER: u64 = 2;
    /// Contains a digit.
    pub const DIGIT: u64 = 4;
    /// Contains a hyphen.
    pub const HYPHEN: u64 = 8;
    /// No letters or digits at all.
    pub const PUNCT: u64 = 16;
}

/// The byte offset where the last `n` chars of `s` start.
#[inline]
fn last_chars(s: &str, n: usize) -> usize {
    s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)
}

/// The byte offset where char `n` of `s` starts (or the length).
#[inline]
fn first_chars(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Hashes of the lower-cased first `n` chars (`from_end`: the last `n`) of `w`.
pub(crate) fn affix(w: &str, n: usize, from_end: bool) -> u64 {
    if from_end {
        hash::lower(&w[last_chars(w, n)..])
    } else {
        hash::lower(&w[..first_chars(w, n)])
    }
}

/// The normalized form alone ([`WordFeats::norm`]), for models that need nothing else.
pub(crate) fn norm(w: &str) -> u64 {
    if w.bytes().any(|b| b.is_ascii_digit()) || w.chars().any(char::is_numeric) {
        word_feats(w).norm
    } else {
        hash::lower(w)
    }
}

/// Compute the features of `w`.
pub(crate) fn word_feats(w: &str) -> WordFeats {
    let mut shape = [0u8; 24];
    let mut len = 0;
    let (mut last, mut run) = (0u8, 0);
    let mut flags = 0;
    let (mut letters, mut uppers) = (0, 0);
    for c in w.chars() {
        let s = if c.is_uppercase() {
            letters += 1;
            uppers += 1;
            b'X'
        } else if c.is_alphabetic() {
            letters += 1;
            b'x'
        } else if c.is_numeric() {
            flags |= flag::DIGIT;
            b'd'
        } else if c.is_ascii() {
            if c == '-' {
                flags |= flag::HYPHEN;
            }
            c as u8
        } else {
            b'?'
        };
        if s == last {
            run += 1;
        } else {
            last = s;
            run = 1;
        }
        if run <= 3 && len < shape.len() {
            shape[len] = s;
            len += 1;
        }
    }
    if w.chars().next().is_some_and(char::is_uppercase) {
        flags |= flag::TITLE;
    }
    if uppers >= 2 && uppers == letters {
        flags |= flag::UPPER;
    }
    if letters == 0 && flags & flag::DIGIT == 0 {
        flags |= flag::PUNCT;
    }
    let shape = hash::bytes(&shape[..len]);
    WordFeats {
        form: hash::bytes(w.as_bytes()),
        norm: if flags & flag::DIGIT != 0 {
            shape ^ 0x5555
        } else {
            hash::lower(w)
        },
        prefix1: hash::lower(&w[..first_chars(w, 1)]),
        prefix3: hash::lower(&w[..first_chars(w, 3)]),
        suffix3: hash::lower(&w[last_chars(w, 3)..]),
        suffix2: hash::lower(&w[last_chars(w, 2)..]),
        suffix4: hash::lower(&w[last_chars(w, 4)..]),
        shape,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        let a = word_feats("Clinton");
        assert_eq!(a.shape, hash::bytes(b"Xxxx"));
        assert_eq!(a.suffix3, hash::bytes(b"ton"));
        assert_eq!(a.prefix1, hash::bytes(b"c"));
        assert_eq!(a.flags, flag::TITLE);
        let n = word_feats("1,500");
        assert_eq!(n.shape, hash::bytes(b"d,ddd"));
        assert_eq!(n.norm, word_feats("2,700").norm);
        assert_eq!(word_feats("NATO").flags, flag::TITLE | flag::UPPER);
        assert_eq!(word_feats("“").flags, flag::PUNCT);
        assert_eq!(word_feats("Koreaʼs").suffix2, hash::bytes("ʼs".as_bytes()));
        assert_eq!(word_feats("a").suffix3, hash::bytes(b"a"));
        for w in ["Clinton", "1,500", "x2", "٣", "—"] {
            assert_eq!(norm(w), word_feats(w).norm, "{w}");
        }
    }
}
