//! The token scanner: one left-to-right pass over the text that cuts it into
//! Penn-Treebank-style tokens (CoreNLP's `PTBTokenizer` conventions) with byte spans.

use super::lexicon;
use hearsay_core::Span;

/// What kind of token the scanner found; the sentence splitter reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word, number, URL, e-mail address, handle or hashtag.
    Word,
    /// An abbreviation that keeps its period ("Sen.", "U.S.").
    Abbreviation,
    /// Sentence-final punctuation: `.`, runs of `?` and `!`, and the period split
    /// off a sentence-final abbreviation.
    Final,
    /// Any other punctuation or symbol.
    Punct,
    /// An SGML/HTML tag kept whole (`<tweet id="1">`).
    Tag,
}

/// A token as scanned: its span, its kind and how many line breaks precede it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawToken {
    /// Bytes of the token.
    pub span: Span,
    /// What it is.
    pub kind: Kind,
    /// Line breaks in the whitespace right before the token (saturating).
    pub newlines: u8,
}

/// The char starting at byte `i` of `s` (which must be a char boundary inside `s`).
#[inline]
fn char_at(s: &str, i: usize) -> char {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        s[i..].chars().next().unwrap_or('\u{FFFD}')
    }
}

/// The char starting at byte `i`, or `None` at the end of the text.
#[inline]
fn peek(s: &str, i: usize) -> Option<char> {
    (i < s.len()).then(|| char_at(s, i))
}

/// Letters, digits and combining marks: the stuff of words.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// Combining diacritical marks (the common blocks), which belong to the letter before them.
#[inline]
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Characters that separate tokens without being one: whitespace and invisible format characters.
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'
                ..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{FE0F}' | '\u{FE0E}'
        )
}

/// Line-breaking characters, counted to find paragraph breaks.
#[inline]
fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Cut `text` into tokens, appending them to `out`.
pub(crate) fn scan(text: &str, out: &mut Vec<RawToken>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut newlines: u8 = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b == b'\n' {
                newlines = newlines.saturating_add(1);
                i += 1;
                continue;
            }
            if b <= b' ' || b == 0x7F {
                i += 1;
                continue;
            }
        } else {
            let c = char_at(text, i);
            if is_space(c) {
                if is_newline(c) {
                    newlines = newlines.saturating_add(if c == '\u{2029}' { 2 } else { 1 });
                }
                i += c.len_utf8();
                continue;
            }
        }
        let before = out.len();
        i = token_at(text, i, out);
        if let Some(first) = out.get_mut(before) {
            first.newlines = newlines;
        }
        newlines = 0;
    }
}

/// Push a token.
#[inline]
fn push(out: &mut Vec<RawToken>, start: usize, end: usize, kind: Kind) {
    out.push(RawToken {
        span: Span::new(start, end),
        kind,
        newlines: 0,
    });
}

/// Scan the token (or tokens, for a split clitic) starting at `start`; return where scanning resumes.
fn token_at(text: &str, start: usize, out: &mut Vec<RawToken>) -> usize {
    let c = char_at(text, start);
    if c == '<'
        && let Some(end) = sgml_tag(text, start)
    {
        push(out, start, end, Kind::Tag);
        return end;
    }
    if c.is_ascii_alphabetic()
        && let Some(end) = url(text, start)
    {
        push(out, start, end, Kind::Word);
        return end;
    }
    let next_is_word = || peek(text, start + c.len_utf8()).is_some_and(is_word_char);
    if is_word_char(c)
        || (matches!(c, '@' | '#')
            && peek(text, start + 1).is_some_and(|n| n.is_alphabetic() || n == '_'))
        || (c == '@' && next_is_word())
    {
        return word(text, start, out);
    }
    if lexicon::is_apostrophe(c) {
        let rest = start + c.len_utf8();
        if text[..start].ends_with('.') {
            let w_end = word_end(text, rest);
            if matches!(
                text[rest..w_end].to_ascii_lowercase().as_str(),
                "s" | "re" | "ve" | "m" | "ll" | "d"
            ) {
                push(out, start, w_end, Kind::Word);
                return w_end;
            }
        }
        let w_end = word_end(text, rest);
        if w_end > rest
            && (lexicon::is_apostrophe_word(&text[rest..w_end])
                || (text.as_bytes()[rest].is_ascii_digit() && {
                    let w = &text[rest..w_end];
                    w.len() == 3 && w.ends_with('s')
                        || w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit())
                }))
        {
            push(out, start, w_end, Kind::Word);
            return w_end;
        }
    }
    punctuation(text, start, c, out)
}

/// The end of an SGML/HTML tag starting at `start` (`<`), if this is one.
fn sgml_tag(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let first = *b.get(start + 1)?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
        return None;
    }
    let limit = (start + 4096).min(b.len());
    for (k, &x) in b[start + 1..limit].iter().enumerate() {
        match x {
            b'>' => return Some(start + 1 + k + 1),
            b'<' | b'\n' => return None,
            _ => {}
        }
    }
    None
}

/// The end of a URL starting at `start`, if one starts there.
fn url(text: &str, start: usize) -> Option<usize> {
    let b = &text.as_bytes()[start..];
    let has = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    if !(has(b"http://") || has(b"https://") || has(b"www.") || has(b"ftp://")) {
        return None;
    }
    let mut end = start;
    for (k, c) in text[start..].char_indices() {
        if is_space(c) || matches!(c, '<' | '>' | '"' | '“' | '”' | '‘' | '’' | '«' | '»')
        {
            break;
        }
        end = start + k + c.len_utf8();
    }
    // Trailing punctuation belongs to the sentence, not the URL.
    while end > start {
        let last = text[..end].chars().next_back()?;
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\''
        ) {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > start + 4).then_some(end)
}

/// The end of the run of word characters starting at `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    while let Some(c) = peek(text, i) {
        if !is_word_char(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Scan a word with its internal joiners (`U.S`, `O'Neill`, `1,500`, `6:05`,
/// `well-known`, `AT&T`, e-mail addresses), then split clitics and decide
/// whether a following period belongs to it.
fn word(text: &str, start: usize, out: &mut Vec<RawToken>) -> usize {
    let b = text.as_bytes();
    let first = char_at(text, start);
    let mut j = start + first.len_utf8();
    while let Some(c) = peek(text, j) {
        if is_word_char(c) {
            j += c.len_utf8();
            continue;
        }
        let after = j + c.len_utf8();
        let next = peek(text, after);
        let next_word = next.is_some_and(is_word_char);
        let prev_digit = b[j - 1].is_ascii_digit();
        let join = match c {
            '-' | '_' | '/' | '&' | '@' => next_word,
            // "U.S.-Mexico": an acronym's period joined by a hyphen.
            '.' => {
                next_word
                    || next == Some('-')
                        && text[start..j].contains('.')
                        && peek(text, after + 1).is_some_and(is_word_char)
            }
            '+' => false,
            ',' => {
                prev_digit
                    && b.len() >= after + 3
                    && b[after..after + 3].iter().all(u8::is_ascii_digit)
                    && !b.get(after + 3).is_some_and(u8::is_ascii_digit)
            }
            ':' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
            c if lexicon::is_apostrophe(c) => next.is_some_and(char::is_alphabetic),
            _ => false,
        };
        if !join {
            break;
        }
        j = after;
    }
    let w = &text[start..j];
    // A period right after the word: part of an abbreviation, or a final period split off one.
    if b.get(j) == Some(&b'.') && !matches!(b.get(j + 1), Some(b'.')) {
        // After a hyphen only an acronym keeps the period ("D-N.Y."); "R-Wis." and
        // "then-Sen." give the period its own token, which does not end the sentence.
        if let Some((_, last)) = w.rsplit_once('-')
            && !last.contains('.')
            && abbreviation(text, last, j + 1).is_some()
        {
            push(out, start, j, Kind::Word);
            push(out, j, j + 1, Kind::Punct);
            return j + 1;
        }
        if let Some(may_end) = abbreviation(text, w, j + 1) {
            if may_end && ends_sentence(text, j + 1, w.contains('.')) {
                push(out, start, j, Kind::Word);
                push(out, j, j + 1, Kind::Final);
            } else {
                push(out, start, j + 1, Kind::Abbreviation);
            }
            return j + 1;
        }
    }
    if let Some(at) = decimal_then_letters(w) {
        push(out, start, start + at, Kind::Word);
        push(out, start + at, j, Kind::Word);
        return j;
    }
    if w.len() <= 6
        && let Some(at) = lexicon::split_word(w)
    {
        push(out, start, start + at, Kind::Word);
        push(out, start + at, j, Kind::Word);
        return j;
    }
    if has_apostrophe(w)
        && let Some(len) = lexicon::clitic_len(w)
    {
        push(out, start, j - len, Kind::Word);
        push(out, j - len, j, Kind::Word);
        return j;
    }
    push(out, start, j, Kind::Word);
    j
}

/// Where the letters start in a decimal number glued to a word ("846.8million").
fn decimal_then_letters(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let digits = b.iter().position(|x| !x.is_ascii_digit())?;
    if digits == 0 || b[digits] != b'.' {
        return None;
    }
    let frac = b[digits + 1..].iter().position(|x| !x.is_ascii_digit())? + digits + 1;
    (frac > digits + 1 && b[frac..].iter().all(u8::is_ascii_alphabetic)).then_some(frac)
}

/// Quick test for any apostrophe-like byte sequence in `w`.
#[inline]
fn has_apostrophe(w: &str) -> bool {
    w.bytes().any(|b| b == b'\'' || b == 0xE2 || b == 0xCA)
}

/// Whether `w` followed by a period (which ends at `after`) is an abbreviation:
/// `None` if not, `Some(true)` if it may also end a sentence, `Some(false)` if it never does.
fn abbreviation(text: &str, w: &str, after: usize) -> Option<bool> {
    if lexicon::is_title(w) {
        return Some(false);
    }
    if lexicon::is_abbreviation(w) {
        return Some(true);
    }
    if lexicon::is_number_abbreviation(w) {
        let rest = text[after..].trim_start_matches([' ', '\u{A0}']);
        return rest
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
            .then_some(false);
    }
    let mut chars = w.chars();
    let first = chars.next()?;
    if chars.next().is_none() {
        // An initial ("George W. Bush").
        return first.is_alphabetic().then_some(true);
    }
    // Acronyms with periods: U.S, p.m, D.N.C, Ph.D (short letter groups).
    let tail = w.rsplit_once('-').map_or(w, |(_, t)| t);
    if tail.contains('.')
        && tail
            .split('.')
            .all(|g| (1..=2).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return Some(true);
    }
    None
}

/// After an abbreviation that may end a sentence (an `acronym` has inner periods):
/// does the next word start a new one?
fn ends_sentence(text: &str, after: usize, acronym: bool) -> bool {
    let rest = &text[after..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{A0}']);
    if trimmed.is_empty() || trimmed.starts_with(['\n', '\r']) {
        // At the end of a line a word abbreviation ("Nev.") gives up its period
        // (CoreNLP's convention); an acronym ("U.S.", "p.m.") keeps it.
        return !acronym;
    }
    if trimmed.len() == rest.len() {
        // No space after the period: a closing quote or bracket, or a word glued on.
        return false;
    }
    let w_end = word_end(trimmed, 0);
    lexicon::is_sentence_starter(&trimmed[..w_end])
}

/// Scan punctuation and symbols at `start` (`c` is the char there).
fn punctuation(text: &str, start: usize, c: char, out: &mut Vec<RawToken>) -> usize {
    let b = text.as_bytes();
    let run = |byte: u8| {
        let mut j = start;
        while b.get(j) == Some(&byte) {
            j += 1;
        }
        j
    };
    let (end, kind) = match c {
        '.' => {
            let mut j = run(b'.');
            // A spaced ellipsis ". . ." (single dots) is one token.
            if j == start + 1
                && text[start..].starts_with(". . .")
                && b.get(start + 5) != Some(&b'.')
            {
                j = start + 5;
                while text[j..].starts_with(" .") && b.get(j + 2) != Some(&b'.') {
                    j += 2;
                }
            }
            (
                j,
                if j - start == 1 {
                    Kind::Final
                } else {
                    Kind::Punct
                },
            )
        }
        '?' | '!' => {
            let mut j = start;
            while matches!(b.get(j), Some(b'?' | b'!')) {
                j += 1;
            }
            (j, Kind::Final)
        }
        '-' | '*' | '_' | '=' | '~' | '`' => (run(c as u8), Kind::Punct),
        '\'' if b.get(start + 1) == Some(&b'\'') => (start + 2, Kind::Punct),
        '’' if text[start + 3..].starts_with('”') => (start + 6, Kind::Punct),
        _ => (start + c.len_utf8(), Kind::Punct),
    };
    push(out, start, end, kind);
    end
}
