//! Pronoun agreement: "he" does not refer back to Hillary Clinton. A person's
//! gender is read from the first word of the name against hand-written lists of
//! given names (`data/given_names.txt`); unlisted names agree with any pronoun.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The lists, embedded in the binary.
const SOURCE: &str = include_str!("../data/given_names.txt");

/// The grammatical gender a pronoun or a given name carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Female,
    Male,
}

/// Given names by gender.
struct Names {
    female: HashSet<&'static str>,
    male: HashSet<&'static str>,
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut n = Names {
            female: HashSet::new(),
            male: HashSet::new(),
        };
        for line in SOURCE.lines() {
            if let Some(list) = line.strip_prefix("female:") {
                n.female.extend(list.split_whitespace());
            } else if let Some(list) = line.strip_prefix("male:") {
                n.male.extend(list.split_whitespace());
            }
        }
        n
    })
}

/// The gender of a personal pronoun (lower-cased), if it has one.
pub(crate) fn of_pronoun(p: &str) -> Option<Gender> {
    match p {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of a person's name, from its first word, if that is a listed given name.
pub(crate) fn of_name(name: &str) -> Option<Gender> {
    let first = name.split_whitespace().next()?;
    let n = names();
    match (n.female.contains(first), n.male.contains(first)) {
        (true, false) => Some(Gender::Female),
        (false, true) => Some(Gender::Male),
        _ => None,
    }
}

/// Can a pronoun of gender `pronoun` refer to a person named `name`?
pub(crate) fn agrees(pronoun: Option<Gender>, name: &str) -> bool {
    match (pronoun, of_name(name)) {
        (Some(p), Some(n)) => p == n,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_agree_with_listed_names_only() {
        assert!(!agrees(of_pronoun("he"), "Hillary Clinton"));
        assert!(agrees(of_pronoun("she"), "Hillary Clinton"));
        assert!(!agrees(of_pronoun("she"), "Donald Trump"));
        assert!(agrees(of_pronoun("he"), "Benjamin Young"));
        assert!(agrees(of_pronoun("he"), "Kyrylo Budanov"));
        assert!(
            agrees(of_pronoun("she"), "Taylor Morgan"),
            "unlisted: either"
        );
        assert!(agrees(of_pronoun("who"), "Hillary Clinton"));
    }

    #[test]
    fn no_name_is_in_both_lists() {
        let n = names();
        assert!(n.female.len() > 200 && n.male.len() > 200);
        assert_eq!(n.female.intersection(&n.male).count(), 0);
    }
}
