//! Text keys: folded words, name keys, spelling distance, stop words.
//!
//! Everything resolve compares goes through these functions, so that "Grević"
//! and "Grevic", "The Harbor Ledger" and "Harbor Ledger", "defence" and
//! "Defence" meet on the same key.

use unicode_normalization::UnicodeNormalization;

/// Lower case with diacritics removed and typographic apostrophes made plain:
/// `"Grević’s"` → `"grevic's"`.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded words of `s` (letters and digits; inner apostrophes and hyphens
/// split words, a possessive `'s` is dropped).
pub fn words(s: &str) -> Vec<String> {
    let folded = fold(s);
    let mut out = Vec::new();
    for w in folded.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let w = w.trim_matches('\'');
        let w = w.strip_suffix("'s").unwrap_or(w);
        if !w.is_empty() {
            out.push(w.to_string());
        }
    }
    out
}

/// Function words and reporting boilerplate that say nothing about what a
/// claim is about.
pub fn is_stop(w: &str) -> bool {
    STOP.binary_search(&w).is_ok()
}

/// Sorted, so that [`is_stop`] can search it.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "s",
    "said",
    "same",
    "say",
    "says",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// A name without a leading article or trailing possessive, folded:
/// `"The Harbor Ledger's"` → `"harbor ledger"`.
pub fn name_key(name: &str) -> String {
    let ws = words(name);
    let start = usize::from(ws.first().is_some_and(|w| w == "the"));
    ws[start..].join(" ")
}

/// The initials of a name's capitalised words, for matching acronyms:
/// `"National Civil Protection Agency"` → `"ncpa"`; `"Centre for Eastern
/// Security Analysis"` → `"cesa"`.
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True for a word written as an acronym: `CESA`, `NCPA`, `SevChem` is not.
pub fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.len() <= 8 && letters.iter().all(|c| c.is_uppercase())
}

/// Two spellings of one name: equal when folded, or within the distance a
/// typo or transliteration gives (one edit for short names, two for names of
/// eight or more letters sharing their first letter).
pub fn spelling_variant(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    let len = fa.chars().count().min(fb.chars().count());
    if len < 4 || fa.chars().next() != fb.chars().next() {
        return false;
    }
    let d = strsim::damerau_levenshtein(&fa, &fb);
    d <= 1 || (d == 2 && len >= 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_list_is_sorted() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn folding_and_words() {
        assert_eq!(fold("Grević’s"), "grevic's");
        assert_eq!(
            words("The Harbor Ledger's report"),
            ["the", "harbor", "ledger", "report"]
        );
        assert_eq!(name_key("The Harbor Ledger"), "harbor ledger");
    }

    #[test]
    fn initials_make_acronyms() {
        assert_eq!(initials("National Civil Protection Agency"), "ncpa");
        assert_eq!(initials("Centre for Eastern Security Analysis"), "cesa");
        assert!(is_acronym("CESA"));
        assert!(!is_acronym("SevChem"));
    }

    #[test]
    fn spelling_variants() {
        assert!(spelling_variant("Serdan", "Serdan"));
        assert!(spelling_variant("Pavel", "Pavol"));
        assert!(spelling_variant("Grević", "Grevic"));
        assert!(spelling_variant("Habrecht", "Habrekt"));
        assert!(spelling_variant("Szeleny", "Selenyi"));
        assert!(!spelling_variant("Brady", "Grady"));
        assert!(!spelling_variant("Tom", "Tim"));
    }
}
