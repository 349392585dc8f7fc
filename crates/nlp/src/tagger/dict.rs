//! The tag dictionary: each frequent word's most frequent tag, and whether
//! that tag is (nearly) certain, in which case the tagger skips the model.

use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::perceptron::FeatMap;

/// Minimum count of a word to enter the dictionary.
const MIN_COUNT: u32 = 3;
/// Minimum count and share of its best tag for a word's tag to be taken as certain.
const CERTAIN_COUNT: u32 = 20;
const CERTAIN_SHARE: f64 = 0.995;

/// Word form hash → (most frequent tag, certain?).
#[derive(Debug, Clone, Default)]
pub(crate) struct TagDict {
    entries: FeatMap<(u16, bool)>,
}

impl TagDict {
    /// Build from (form hash, tag) observations.
    pub(crate) fn build(observations: impl Iterator<Item = (u64, u16)>, n_tags: usize) -> Self {
        let mut counts: FeatMap<Vec<u32>> = FeatMap::default();
        for (form, tag) in observations {
            counts.entry(form).or_insert_with(|| vec![0; n_tags])[usize::from(tag)] += 1;
        }
        let entries = counts
            .into_iter()
            .filter_map(|(form, c)| {
                let total: u32 = c.iter().sum();
                let (best, &n) = c
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
                let certain =
                    n >= CERTAIN_COUNT && f64::from(n) >= CERTAIN_SHARE * f64::from(total);
                (total >= MIN_COUNT).then_some((form, (best as u16, certain)))
            })
            .collect();
        TagDict { entries }
    }

    /// The most frequent tag of a word, if it is in the dictionary.
    #[inline]
    pub(crate) fn best(&self, form: u64) -> Option<u16> {
        self.entries.get(&form).map(|e| e.0)
    }

    /// The tag of a word whose tag is certain.
    #[inline]
    pub(crate) fn certain(&self, form: u64) -> Option<u16> {
        self.entries.get(&form).filter(|e| e.1).map(|e| e.0)
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Serialize (sorted by key, so the bytes are deterministic).
    pub(crate) fn write(&self, w: &mut Writer) {
        let mut items: Vec<_> = self.entries.iter().collect();
        items.sort_unstable_by_key(|e| *e.0);
        w.varint(items.len() as u64);
        let mut prev = 0u64;
        for (&form, &(tag, certain)) in items {
            w.varint(form.wrapping_sub(prev));
            prev = form;
            w.u16(tag << 1 | u16::from(certain));
        }
    }

    /// Deserialize, checking tags against the number of tags.
    pub(crate) fn read(r: &mut Reader<'_>, n_tags: usize) -> Result<Self, ModelError> {
        let n = r.len(r.remaining(), "tag dictionary size")?;
        let mut entries = FeatMap::default();
        entries.reserve(n);
        let mut form = 0u64;
        for _ in 0..n {
            form = form.wrapping_add(r.varint("tag dictionary word")?);
            let v = r.u16("tag dictionary tag")?;
            let tag = v >> 1;
            if usize::from(tag) >= n_tags {
                return Err(ModelError::Corrupt(format!(
                    "tag dictionary tag {tag} out of range"
                )));
            }
            entries.insert(form, (tag, v & 1 == 1));
        }
        Ok(TagDict { entries })
    }
}
