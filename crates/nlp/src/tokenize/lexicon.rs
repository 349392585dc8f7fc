//! Word lists the tokenizer and sentence splitter consult: abbreviations that
//! keep their period, clitics split off in Penn Treebank style, and words that
//! typically open a sentence.

/// Abbreviations written with a final period that never end a sentence:
/// titles placed before a name ("Sen. Warren", "Dr. Ruth", "St. Louis").
const TITLES: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Drs", "Ft", "Gen", "Gov", "Govs",
    "Hon", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mt", "Pres", "Prof", "Rep", "Reps", "Rev",
    "Sen", "Sens", "Sgt", "Sr", "Jr", "St", "Ste", "Supt", "Sec", "Gens", "Atty", "Insp", "Det",
    "Lieut", "Sgts", "Pvt", "Spc", "vs", "v",
];

/// Abbreviations that keep their period but may also end a sentence
/// (months, company suffixes, US state abbreviations, Latin shorthand).
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc",
    "Corp", "Co", "Cos", "Ltd", "Bros", "Assn", "Dept", "Univ", "Intl", "Ave", "Blvd", "Rd", "Ala",
    "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo", "etc", "approx", "al", "Vol",
    "vol", "pp", "Fig", "fig", "est", "Mss", "Esq", "Nos", "Op", "ed", "eds", "Ed", "Gen", "Bldg",
    "Dist", "Sq", "Ct", "Hwy", "Pl", "Jct", "Mfg", "Ph",
];

/// True if `word` (without its period) is a title that never ends a sentence.
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

/// True if `word` (without its period) is an abbreviation that keeps its period.
pub fn is_abbreviation(word: &str) -> bool {
    is_title(word) || ABBREVIATIONS.contains(&word)
}

/// True for `No`/`no`, which is an abbreviation ("No. 1") only before a number.
pub fn is_number_abbreviation(word: &str) -> bool {
    matches!(word, "No" | "no" | "Nos" | "nos")
}

/// Capitalized words that usually begin a sentence: after an abbreviation that
/// may be final ("in the U.S. The …") they decide that the sentence ended.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "This",
    "That",
    "There",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "If",
    "When",
    "While",
    "As",
    "At",
    "On",
    "So",
    "Yet",
    "Still",
    "Now",
    "Then",
    "However",
    "Meanwhile",
    "After",
    "Before",
    "For",
    "Some",
    "Many",
    "Most",
    "These",
    "Those",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Since",
    "Although",
    "Though",
    "Even",
    "Also",
    "Asked",
    "According",
    "Last",
    "Next",
    "One",
    "Two",
];

/// True if `word` usually starts a sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}

/// Contractions the Penn Treebank writes as two tokens, with the split point
/// (`cannot` → `can` + `not`, `gonna` → `gon` + `na`). Matched case-insensitively.
const SPLIT_WORDS: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("gotta", 3),
    ("wanna", 3),
    ("lemme", 3),
    ("gimme", 3),
    ("dunno", 2),
];

/// Where to split a whole word written as one but tokenized as two, if it is one.
pub fn split_word(word: &str) -> Option<usize> {
    if word.len() > 6 {
        return None;
    }
    SPLIT_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, at)| at)
}

/// Words that begin with an apostrophe and keep it ("’cause", "'em", "'til").
pub fn is_apostrophe_word(rest: &str) -> bool {
    const WORDS: &[&str] = &["cause", "em", "til", "tis", "twas", "n", "bout", "round"];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(rest))
}

/// True for characters used as an apostrophe: ASCII `'`, the right single quote
/// U+2019 and the modifier letter apostrophe U+02BC.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Length in bytes of a clitic at the end of `word` that the Penn Treebank
/// splits off (`'s`, `n't`, `'re`, `'ve`, `'m`, `'ll`, `'d`), if there is one
/// and something remains before it.
pub fn clitic_len(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    // The byte where an apostrophe ends right before `tail_len` ASCII bytes, if any.
    let apostrophe_before = |tail_len: usize| -> Option<usize> {
        let head = &word[..b.len() - tail_len];
        let ap = head.chars().next_back().filter(|&c| is_apostrophe(c))?;
        Some(head.len() - ap.len_utf8())
    };
    if b.len() >= 3
        && b[b.len() - 1].eq_ignore_ascii_case(&b't')
        && let Some(at) = apostrophe_before(1)
        && at >= 2
        && b[at - 1].eq_ignore_ascii_case(&b'n')
    {
        return Some(b.len() - (at - 1));
    }
    for suffix in ["s", "re", "ve", "m", "ll", "d"] {
        let n = suffix.len();
        if b.len() > n
            && b[b.len() - n..].eq_ignore_ascii_case(suffix.as_bytes())
            && let Some(at) = apostrophe_before(n)
            && at > 0
        {
            return Some(b.len() - at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics() {
        assert_eq!(clitic_len("don't"), Some(3));
        assert_eq!(clitic_len("Koreaʼs"), Some("ʼs".len()));
        assert_eq!(clitic_len("we’ll"), Some("’ll".len()));
        assert_eq!(clitic_len("O'Neill"), None);
        assert_eq!(clitic_len("'s"), None);
        assert_eq!(clitic_len("DON'T"), Some(3));
    }

    #[test]
    fn words_and_titles() {
        assert!(is_title("Sen") && !is_title("Inc"));
        assert!(is_abbreviation("Sept") && !is_abbreviation("Table"));
        assert_eq!(split_word("Cannot"), Some(3));
        assert_eq!(split_word("can"), None);
    }
}
