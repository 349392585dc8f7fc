//! A hand-written lexicon of words that can mark an attribution, by class
//! (`data/lexicon.txt`): speech, cognition, intention, emotion, stance and
//! evidence words, and nouns that name sources. The taggers use a word's
//! classes as features, so that a cue unseen in training ("lambasted",
//! "is a staunch opponent of") is scored like the words of its class.

use crate::hash::hash_norm;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The lexicon's text, embedded in the binary.
const SOURCE: &str = include_str!("../data/lexicon.txt");

/// Class names in the order of their bits.
const CLASSES: [&str; 7] = [
    "speech",
    "cognition",
    "intention",
    "emotion",
    "stance",
    "evidence",
    "source",
];

/// Bit of the class of speech words ("say", "announce", "statement").
pub(crate) const SPEECH: u8 = 1;

/// Bit of the class of nouns that name sources ("spokesman", "analyst", "he").
pub(crate) const SOURCE_NOUN: u8 = 1 << 6;

/// Passes already-hashed keys through unchanged.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// Word hash ([`hash_norm`]) → class bits.
pub(crate) struct Lexicon {
    classes: HashMap<u64, u8, BuildHasherDefault<Identity>>,
}

/// A line of the lexicon that does not parse.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct BadLine(pub usize);

impl Lexicon {
    /// Parse the lexicon format: `class: word word …` lines, `#` comments.
    pub(crate) fn parse(text: &str) -> Result<Self, BadLine> {
        let mut classes: HashMap<u64, u8, BuildHasherDefault<Identity>> = HashMap::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (class, words) = line.split_once(':').ok_or(BadLine(n + 1))?;
            let bit = CLASSES
                .iter()
                .position(|c| *c == class.trim())
                .ok_or(BadLine(n + 1))?;
            for w in words.split_whitespace() {
                *classes.entry(hash_norm(w)).or_default() |= 1 << bit;
            }
        }
        Ok(Lexicon { classes })
    }

    /// The lexicon shipped in the crate.
    pub(crate) fn shipped() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(SOURCE).expect("data/lexicon.txt parses (tested)"))
    }

    /// The class bits of a word given by its [`hash_norm`] (0 for unlisted words).
    #[inline]
    pub(crate) fn classes(&self, word: u64) -> u8 {
        self.classes.get(&word).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicon_parses_and_classifies() {
        let lex = Lexicon::parse(SOURCE).expect("the shipped lexicon parses");
        let speech = 1;
        assert_eq!(lex.classes(hash_norm("say")) & speech, speech);
        assert_ne!(lex.classes(hash_norm("Lambaste")), 0);
        assert_eq!(
            lex.classes(hash_norm("spokesman")) & SOURCE_NOUN,
            SOURCE_NOUN
        );
        assert_eq!(lex.classes(hash_norm("table")), 0);
    }

    #[test]
    fn bad_lines_are_reported() {
        assert_eq!(
            Lexicon::parse("speech: say\nnoclass say").err(),
            Some(BadLine(2))
        );
        assert_eq!(Lexicon::parse("# c\nflavor: x").err(), Some(BadLine(2)));
    }
}
