//! Do two names denote the same news outlet? "The Tamberlow Chronicle" and
//! "the Chronicle", "Ustra Press Agency" and "UPA", "Transmeridian Press" and
//! "TMP": a publishing outlet is named in many short forms, and it is never an
//! intermediary of its own claims.

/// Words of a name, lowercased, without a leading article and edge punctuation.
fn words(name: &str) -> Vec<String> {
    let mut w: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if w.first().is_some_and(|f| f == "the") {
        w.remove(0);
    }
    w
}

/// Words that an acronym leaves out.
fn skipped(w: &str) -> bool {
    matches!(w, "of" | "and" | "for" | "the" | "de" | "&")
}

/// Longest acronym, in letters, and longest name it may stand for, in words.
const MAX_ACRONYM: usize = 8;

/// Is `acr` an acronym of the words `name`: its letters in order, each word
/// (but "of", "and" …) giving its initial and possibly more of its letters
/// ("TMP" for "Transmeridian Press")?
fn acronym_of(acr: &str, name: &[String]) -> bool {
    let letters: Vec<char> = acr.chars().filter(|c| c.is_alphanumeric()).collect();
    // Acronyms are short; the bound also keeps the search below small.
    if letters.len() < 2
        || letters.len() > MAX_ACRONYM
        || acr.chars().any(char::is_lowercase)
        || name.len() < 2
        || name.len() > MAX_ACRONYM
    {
        return false;
    }
    let words: Vec<Vec<char>> = name
        .iter()
        .filter(|w| !skipped(w))
        .map(|w| w.to_uppercase().chars().collect())
        .collect();
    // Letters still to match, word by word: each word's initial, then letters inside it.
    fn fits(letters: &[char], words: &[Vec<char>]) -> bool {
        match (letters.split_first(), words.split_first()) {
            (None, None) => true,
            (Some((l, rest)), Some((w, others))) => {
                if w.first() != Some(l) {
                    return false;
                }
                // Take the initial, then try every number of inner letters.
                let mut k = 0;
                let mut pos = 1;
                loop {
                    if fits(&rest[k..], others) {
                        return true;
                    }
                    let Some(next) = rest.get(k) else {
                        return false;
                    };
                    match w[pos..].iter().position(|c| c == next) {
                        Some(p) => {
                            pos += p + 1;
                            k += 1;
                        }
                        None => return false,
                    }
                }
            }
            _ => false,
        }
    }
    fits(&letters, &words)
}

/// Do `a` and `b` name the same outlet: the same words, the words of one a
/// tail of the other's ("the Chronicle" of "The Tamberlow Chronicle"), or one
/// an acronym of the other?
pub(crate) fn same_outlet(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa == wb {
        return true;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if long.ends_with(short) {
        return true;
    }
    // The one word of a name as written, for its capitals.
    let last = |s: &str| {
        s.split_whitespace()
            .last()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    (wa.len() == 1 && acronym_of(&last(a), &wb)) || (wb.len() == 1 && acronym_of(&last(b), &wa))
}

#[cfg(test)]
mod tests {
    use super::same_outlet;

    #[test]
    fn short_forms_of_one_outlet() {
        assert!(same_outlet("The Tamberlow Chronicle", "the Chronicle"));
        assert!(same_outlet("Harbor Ledger", "The Harbor Ledger"));
        assert!(same_outlet("Ustra Press Agency", "UPA"));
        assert!(same_outlet("CPS", "Continental Press Service"));
        assert!(same_outlet("Transmeridian Press", "TMP"));
        assert!(same_outlet("Associated Press", "AP"));
    }

    #[test]
    fn different_outlets() {
        assert!(!same_outlet(
            "The Tamberlow Chronicle",
            "The Ruskeld Examiner"
        ));
        assert!(!same_outlet("Northgate Wire", "Radio Vessa"));
        assert!(!same_outlet("Ustra Press Agency", "UPI"));
        assert!(!same_outlet("Radio Vessa", "Radio"));
        assert!(!same_outlet("Evening Post", "the"));
    }
}
