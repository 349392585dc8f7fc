//! Scoring the identification against texts of known language: per language,
//! how many were identified right, and how many got the right decision
//! (English read, every other language left out).
//!
//! ```
//! use hearsay_langid::{TESTSET, eval::Scores, identify};
//! let mut scores = Scores::default();
//! for s in TESTSET {
//!     scores.add(s.language, s.name, identify(s.text));
//! }
//! let de = scores.language("de").unwrap();
//! assert_eq!(de.right, de.texts);
//! ```

use crate::{Identification, Reading};
use serde::Serialize;
use std::collections::BTreeMap;

/// The scores of one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LanguageScore {
    /// The expected language (ISO 639-1).
    pub language: String,
    /// Texts scored.
    pub texts: usize,
    /// Texts identified as `language`.
    pub right: usize,
    /// `right / texts`.
    pub accuracy: f64,
    /// Texts that got the right decision: analyzed when English, left out otherwise.
    pub decided: usize,
    /// `decided / texts`.
    pub decision_accuracy: f64,
}

/// A text that was identified wrong or decided wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// Where the text came from.
    pub name: String,
    /// Its language.
    pub expected: String,
    /// The language identified, `None` when the text had no letters.
    pub identified: Option<String>,
    /// The identification's confidence.
    pub confidence: Option<f32>,
    /// Whether the analyzer would read it.
    pub analyzed: bool,
}

/// Scores over many texts.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    by_language: BTreeMap<String, LanguageScore>,
    misses: Vec<Miss>,
}

impl Scores {
    /// Count one text of language `expected` named `name`, identified as `got`.
    pub fn add(&mut self, expected: &str, name: &str, got: Option<Identification>) {
        let s = self
            .by_language
            .entry(expected.to_string())
            .or_insert_with(|| LanguageScore {
                language: expected.to_string(),
                ..LanguageScore::default()
            });
        let right = got.is_some_and(|g| g.language == expected);
        let analyzed = got.is_none_or(|g| g.reading != Reading::Foreign);
        let decided = analyzed == (expected == "en");
        s.texts += 1;
        s.right += usize::from(right);
        s.decided += usize::from(decided);
        s.accuracy = s.right as f64 / s.texts as f64;
        s.decision_accuracy = s.decided as f64 / s.texts as f64;
        if !right || !decided {
            self.misses.push(Miss {
                name: name.to_string(),
                expected: expected.to_string(),
                identified: got.map(|g| g.language.to_string()),
                confidence: got.map(|g| g.confidence),
                analyzed,
            });
        }
    }

    /// The scores of one language, if it had texts.
    pub fn language(&self, code: &str) -> Option<&LanguageScore> {
        self.by_language.get(code)
    }

    /// Every language's scores, by code.
    pub fn languages(&self) -> Vec<&LanguageScore> {
        self.by_language.values().collect()
    }

    /// All texts together.
    pub fn total(&self) -> LanguageScore {
        let mut t = LanguageScore {
            language: "all".to_string(),
            ..LanguageScore::default()
        };
        for s in self.by_language.values() {
            t.texts += s.texts;
            t.right += s.right;
            t.decided += s.decided;
        }
        let n = t.texts.max(1) as f64;
        t.accuracy = t.right as f64 / n;
        t.decision_accuracy = t.decided as f64 / n;
        t
    }

    /// The texts identified or decided wrong, in the order they were added.
    pub fn misses(&self) -> &[Miss] {
        &self.misses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(language: &'static str, reading: Reading) -> Option<Identification> {
        Some(Identification {
            language,
            name: "",
            confidence: 0.5,
            reading,
        })
    }

    #[test]
    fn identification_and_decision_are_scored_apart() {
        let mut s = Scores::default();
        s.add("ru", "a", id("ru", Reading::Foreign));
        s.add("ru", "b", id("bg", Reading::Foreign));
        s.add("en", "c", id("af", Reading::Unsure));
        s.add("en", "d", None);
        let ru = s.language("ru").unwrap();
        assert_eq!((ru.texts, ru.right, ru.decided), (2, 1, 2));
        let en = s.language("en").unwrap();
        assert_eq!((en.texts, en.right, en.decided), (2, 0, 2));
        assert_eq!(s.total().accuracy, 0.25);
        assert_eq!(s.total().decision_accuracy, 1.0);
        let names: Vec<&str> = s.misses().iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["b", "c", "d"]);
    }

    #[test]
    fn a_foreign_verdict_on_english_is_a_wrong_decision() {
        let mut s = Scores::default();
        s.add("en", "x", id("fr", Reading::Foreign));
        assert_eq!(s.language("en").unwrap().decided, 0);
        assert!(!s.misses()[0].analyzed);
    }
}
