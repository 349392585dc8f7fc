//! The compact, read-only weight table used at prediction time.

use crate::codec::{Reader, Writer};
use crate::error::ModelError;

/// Marks an empty slot of the hash table.
const EMPTY: u32 = u32::MAX;

/// One slot of the open-addressing table: the high half of the feature key
/// (the low half chose the slot) and where the feature's entries start.
#[derive(Debug, Clone, Copy)]
struct Slot {
    fingerprint: u32,
    start: u32,
}

/// Quantized averaged-perceptron weights: for each feature key, a short list
/// of `(class, weight)` entries (weights are `i16`, multiply by [`Weights::scale`]
/// for the float value).
///
/// Scoring a feature costs one probe in an open-addressing table of 8-byte
/// slots plus one add per stored class; nothing is allocated.
#[derive(Debug, Clone)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    mask: usize,
    slots: Vec<Slot>,
    /// Per feature: a count, then that many entries packed as `class << 16 | weight as u16`.
    entries: Vec<u32>,
    /// The full feature keys, in the order their entries are stored (for saving).
    keys: Vec<u64>,
}

impl Weights {
    /// Build from features (sorted by key, which keeps the saved file compact and
    /// deterministic), each with its non-zero `(class, weight)` entries.
    pub(crate) fn from_rows(
        n_classes: usize,
        scale: f32,
        rows: Vec<(u64, Vec<(u16, i16)>)>,
    ) -> Self {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mut w = Weights {
            n_classes,
            scale,
            mask: cap - 1,
            slots: vec![
                Slot {
                    fingerprint: 0,
                    start: EMPTY
                };
                cap
            ],
            entries: Vec::with_capacity(rows.iter().map(|r| r.1.len() + 1).sum()),
            keys: Vec::with_capacity(rows.len()),
        };
        for (key, row) in rows {
            w.keys.push(key);
            let start = w.entries.len() as u32;
            w.entries.push(row.len() as u32);
            w.entries.extend(
                row.iter()
                    .map(|&(c, q)| (u32::from(c) << 16) | u32::from(q as u16)),
            );
            let mut i = key as usize & w.mask;
            while w.slots[i].start != EMPTY {
                i = (i + 1) & w.mask;
            }
            w.slots[i] = Slot {
                fingerprint: (key >> 32) as u32,
                start,
            };
        }
        w
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// The float value of one quantized unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.entries.len() - self.keys.len()
    }

    /// The entries of one feature, if it has any.
    #[inline]
    fn row(&self, key: u64) -> &[u32] {
        let fp = (key >> 32) as u32;
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.start == EMPTY {
                return &[];
            }
            if s.fingerprint == fp {
                let start = s.start as usize;
                let n = self.entries[start] as usize;
                return &self.entries[start + 1..start + 1 + n];
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add the (quantized) weights of `feats` into `scores` (which has one value per class).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        for &f in feats {
            for &e in self.row(f) {
                scores[(e >> 16) as usize] += i32::from(e as u16 as i16);
            }
        }
    }

    /// Serialize after a model's own header.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.varint(self.n_classes as u64);
        w.f32(self.scale);
        w.varint(self.keys.len() as u64);
        let mut prev = 0u64;
        let mut at = 0;
        for &key in &self.keys {
            w.varint(key.wrapping_sub(prev));
            prev = key;
            let n = self.entries[at] as usize;
            w.varint(n as u64);
            for &e in &self.entries[at + 1..at + 1 + n] {
                w.u8((e >> 16) as u8);
                w.u16(e as u16);
            }
            at += n + 1;
        }
    }

    /// Deserialize what [`Weights::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let n_classes = r.len(256, "number of classes")?;
        let scale = r.f32("scale")?;
        let n = r.len(r.remaining(), "number of features")?;
        let mut rows = Vec::with_capacity(n);
        let mut key = 0u64;
        for _ in 0..n {
            key = key.wrapping_add(r.varint("feature key")?);
            let m = r.len(n_classes, "entries of a feature")?;
            let mut row = Vec::with_capacity(m);
            for _ in 0..m {
                let class = r.u8("class")?;
                if usize::from(class) >= n_classes {
                    return Err(ModelError::Corrupt(format!("class {class} out of range")));
                }
                row.push((u16::from(class), r.u16("weight")? as i16));
            }
            rows.push((key, row));
        }
        Ok(Weights::from_rows(n_classes, scale, rows))
    }
}
