//! What the recognizer found earlier in the same document: a name once
//! recognized in full ("Hillary Clinton", PERSON) stays the same kind of name
//! when it comes back alone or in a harder context ("Clinton said").
//!
//! This is the "extended prediction history" of Ratinov and Roth (2009): each
//! word's earlier labels in the document become a feature of its later
//! occurrences. Training fills the memory with the model's own guesses, so
//! the feature is as reliable in training as it is on new text.

use super::bilou;
use crate::hash;
use crate::perceptron::FeatMap;

/// Entity types the memory counts (the recognizer's name classes).
const TYPES: usize = 4;

/// Memory code of a word seen earlier in the document, never inside a name.
pub(crate) const SEEN_OUTSIDE: u64 = TYPES as u64 + 1;

/// The labels the recognizer gave each word form earlier in one document.
/// Start a new one (`DocumentMemory::default()`) for every document.
#[derive(Debug, Clone, Default)]
pub struct DocumentMemory {
    /// Exact word-form hash → occurrences outside names, then inside a name of each type.
    counts: FeatMap<[u16; TYPES + 1]>,
}

impl DocumentMemory {
    /// Forget everything (a new document begins).
    pub fn clear(&mut self) {
        self.counts.clear();
    }

    /// Record the BILOU classes given to the words with exact-form hashes `forms`.
    pub(crate) fn record(&mut self, forms: &[u64], classes: &[usize]) {
        for (&f, &c) in forms.iter().zip(classes) {
            let slot = match bilou::decode(c) {
                Some((ty, _)) if ty < TYPES => ty + 1,
                Some(_) => continue,
                None => 0,
            };
            let n = &mut self.counts.entry(f).or_default()[slot];
            *n = n.saturating_add(1);
        }
    }

    /// The memory code of a word form: 0 when unseen in the document, 1 + the
    /// type it was most often part of (ties to the first type), or
    /// [`SEEN_OUTSIDE`] when it was only ever outside names.
    #[inline]
    pub(crate) fn code(&self, form: u64) -> u64 {
        let Some(c) = self.counts.get(&form) else {
            return 0;
        };
        let (best, n) = c[1..]
            .iter()
            .enumerate()
            .fold((0, 0), |b, (t, &n)| if n > b.1 { (t, n) } else { b });
        if n == 0 {
            SEEN_OUTSIDE
        } else {
            best as u64 + 1
        }
    }
}

/// The hash a word is remembered by: its exact form (names keep their case).
#[inline]
pub(crate) fn form(word: &str) -> u64 {
    hash::bytes(word.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_frequent_type_wins_and_unseen_words_are_zero() {
        let mut m = DocumentMemory::default();
        let (clinton, said) = (form("Clinton"), form("said"));
        let person_unit = bilou::class(3, bilou::Part::Unit);
        let org_last = bilou::class(2, bilou::Part::Last);
        m.record(&[clinton, said], &[person_unit, bilou::OUT]);
        m.record(&[clinton], &[person_unit]);
        m.record(&[clinton], &[org_last]);
        assert_eq!(m.code(clinton), 4);
        assert_eq!(m.code(said), SEEN_OUTSIDE);
        assert_eq!(m.code(form("Obama")), 0);
        m.clear();
        assert_eq!(m.code(clinton), 0);
    }
}
