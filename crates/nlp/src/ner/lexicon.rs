//! Word lists the recognizer learns from its training data: for each
//! lower-cased word, which entity types and positions it was seen in (a
//! gazetteer), and whether it is common in lower case (so a capitalized
//! occurrence is likely just sentence-initial or a headline).

use crate::codec::{Reader, Writer};
use crate::corpus::GoldSentence;
use crate::error::ModelError;
use crate::hash;
use crate::perceptron::FeatMap;

/// Bit set on words seen in lower case at least [`MIN_LOWER`] times.
pub(crate) const LOWER: u32 = 1 << 16;
/// Bit set on words seen capitalized outside any entity at least [`MIN_LOWER`] times.
pub(crate) const CAP_OUTSIDE: u32 = 1 << 17;
/// Occurrences needed for [`LOWER`] and [`CAP_OUTSIDE`].
const MIN_LOWER: u32 = 3;
/// Occurrences in an entity needed for a gazetteer bit.
const MIN_ENTITY: u32 = 2;

/// Lower-cased word hash → bits: `1 << (4 * type + part)` for gazetteer
/// entries (part: 0 begin, 1 inside, 2 last, 3 unit), plus [`LOWER`] and [`CAP_OUTSIDE`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    bits: FeatMap<u32>,
}

impl Lexicon {
    /// Learn from sentences whose BILOU classes are given (`classes[i]` for sentence `i`).
    pub(crate) fn build<'a>(data: impl Iterator<Item = (&'a GoldSentence, &'a [usize])>) -> Self {
        let mut counts: FeatMap<[u32; 18]> = FeatMap::default();
        for (s, classes) in data {
            for (w, &c) in s.words.iter().zip(classes) {
                let slot = counts.entry(hash::lower(w)).or_insert([0; 18]);
                if c > 0 {
                    slot[(c - 1).min(15)] += 1;
                } else if w.chars().next().is_some_and(char::is_lowercase) {
                    slot[16] += 1;
                } else if w.chars().next().is_some_and(char::is_uppercase) {
                    slot[17] += 1;
                }
            }
        }
        let bits = counts
            .into_iter()
            .filter_map(|(k, c)| {
                let mut b = 0u32;
                for (i, &n) in c.iter().enumerate().take(16) {
                    if n >= MIN_ENTITY {
                        b |= 1 << i;
                    }
                }
                if c[16] >= MIN_LOWER {
                    b |= LOWER;
                }
                if c[17] >= MIN_LOWER {
                    b |= CAP_OUTSIDE;
                }
                (b != 0).then_some((k, b))
            })
            .collect();
        Lexicon { bits }
    }

    /// The bits of a word (0 when unknown).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.bits.get(&hash::lower(word)).copied().unwrap_or(0)
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.bits.len()
    }

    /// Serialize (deterministic bytes).
    pub(crate) fn write(&self, w: &mut Writer) {
        w.word_map(&self.bits);
    }

    /// Deserialize what [`Lexicon::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        Ok(Lexicon {
            bits: r.word_map("NER lexicon")?,
        })
    }
}
