//! Static word vectors: paraphrase similarity at lookup cost.
//!
//! The shipped vectors (`models/vectors.bin`) are distilled offline from the
//! sentence model all-MiniLM-L6-v2 by the model2vec method
//! (`tools/distill-vectors/`): every word of a ~64k vocabulary of folded
//! English news words goes alone through the model, the mean-pooled outputs are
//! reduced by PCA, weighted by model2vec's Zipf (SIF) weights — so that a
//! frequent word's vector is short and a rare word's long — and quantized to
//! `i8` with one `f32` scale per word. The words are folded like
//! [`crate::text::words`] gives them (lower case, no diacritics), lemmas and
//! common inflections alike.
//!
//! A content's [`Embedding`] is the weighted mean of its words' vectors,
//! normalized; two contents that say the same thing in other words ("killed" /
//! "died", "troops were dispatched" / "sent soldiers") get a high
//! [`Embedding::cosine`] where a cosine of shared words gets little or nothing.
//!
//! ```
//! use hearsay_resolve::Vectors;
//! let v = Vectors::shipped();
//! let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
//! let a = v.embed(&words("soldier kill"), |_| 1.0);
//! let b = v.embed(&words("troop die"), |_| 1.0);
//! let c = v.embed(&words("tariff rise"), |_| 1.0);
//! assert!(a.cosine(&b) > a.cosine(&c));
//! ```
//!
//! # File format
//!
//! Little endian, no padding:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `HSVEC\0\0\x01` (the last byte is the format version) |
//! | 4 | `u32` number of words `n` |
//! | 4 | `u32` dimensions `d` |
//! | 4 | `u32` length `w` of the word list in bytes |
//! | 4 `n` | `f32` scale of each word's vector |
//! | `n d` | `i8` values, word after word (value × scale = the component) |
//! | `w` | the words, UTF-8, sorted by bytes, joined by `\n` |

use std::fmt;
use std::sync::OnceLock;

/// The shipped vectors file.
const SHIPPED: &[u8] = include_bytes!("../../../models/vectors.bin");

/// The magic bytes that open a vectors file (the last one is the version).
const MAGIC: &[u8; 8] = b"HSVEC\0\0\x01";

/// Size of the fixed header: magic and three `u32`.
const HEADER: usize = 8 + 3 * 4;

/// Why a vectors file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VectorsError {
    /// It does not start with the magic bytes of this format and version.
    Magic,
    /// Its length does not match what its header announces.
    Length {
        /// Bytes the header announces.
        expected: usize,
        /// Bytes there are.
        found: usize,
    },
    /// The word list is not UTF-8, or not as many distinct sorted words as vectors.
    Words,
}

impl fmt::Display for VectorsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VectorsError::Magic => write!(f, "not a hearsay vectors file (bad magic or version)"),
            VectorsError::Length { expected, found } => {
                write!(
                    f,
                    "vectors file of {found} bytes, its header says {expected}"
                )
            }
            VectorsError::Words => write!(
                f,
                "the word list of the vectors file is not one sorted, distinct word per vector"
            ),
        }
    }
}

impl std::error::Error for VectorsError {}

/// Quantized word vectors, read from a file image without copying it.
pub struct Vectors {
    dims: usize,
    /// Little-endian `f32` scales, one per word.
    scales: &'static [u8],
    values: &'static [i8],
    words: &'static str,
    /// Byte offset of each word in `words`, and one past the last.
    starts: Vec<u32>,
    /// Open addressing on the word's hash: the high 32 bits of the hash, then
    /// the word's index + 1 (0 when the slot is empty).
    table: Vec<u64>,
}

impl fmt::Debug for Vectors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vectors")
            .field("words", &self.len())
            .field("dims", &self.dims)
            .finish_non_exhaustive()
    }
}

/// One word's vector: `values[i] as f32 * scale` is component `i`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordVector<'a> {
    /// Quantized components.
    pub values: &'a [i8],
    /// What one step of a value is worth.
    pub scale: f32,
}

impl WordVector<'_> {
    /// Euclidean length of the (dequantized) vector: the word's Zipf weight
    /// times its length after PCA, small for frequent words.
    pub fn norm(&self) -> f32 {
        let sq: i32 = self
            .values
            .iter()
            .map(|&v| i32::from(v) * i32::from(v))
            .sum();
        (sq as f32).sqrt() * self.scale
    }
}

/// FNV-1a, 64 bits: the hash of the lookup table.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Vectors {
    /// The shipped vectors (`models/vectors.bin`, included in the binary), read once.
    pub fn shipped() -> &'static Vectors {
        static V: OnceLock<Vectors> = OnceLock::new();
        V.get_or_init(|| Vectors::parse(SHIPPED).expect("the shipped models/vectors.bin is valid"))
    }

    /// Read a vectors file image (see the [module docs](self) for the format).
    /// The image is borrowed, not copied: pass `include_bytes!` or a leaked buffer.
    pub fn parse(bytes: &'static [u8]) -> Result<Vectors, VectorsError> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(VectorsError::Magic);
        }
        let u32_at = |at: usize| {
            let mut b = [0u8; 4];
            b.copy_from_slice(&bytes[at..at + 4]);
            u32::from_le_bytes(b) as usize
        };
        let (count, dims, words_len) = (u32_at(8), u32_at(12), u32_at(16));
        let expected = HEADER + 4 * count + count * dims + words_len;
        if bytes.len() != expected {
            return Err(VectorsError::Length {
                expected,
                found: bytes.len(),
            });
        }
        let (scales, rest) = bytes[HEADER..].split_at(4 * count);
        let (values, words) = rest.split_at(count * dims);
        // SAFETY: `i8` and `u8` have the same size, alignment and valid bit patterns.
        let values = unsafe { &*(values as *const [u8] as *const [i8]) };
        let words = std::str::from_utf8(words).map_err(|_| VectorsError::Words)?;

        let mut starts = Vec::with_capacity(count + 1);
        starts.push(0);
        let mut previous: Option<&str> = None;
        for (i, w) in words.split('\n').enumerate().filter(|_| count > 0) {
            if i >= count || w.is_empty() || previous.is_some_and(|p| p >= w) {
                return Err(VectorsError::Words);
            }
            previous = Some(w);
            starts.push((starts[i] as usize + w.len() + 1) as u32);
        }
        if starts.len() != count + 1 {
            return Err(VectorsError::Words);
        }

        let mut table = vec![0u64; (2 * count).next_power_of_two().max(2)];
        let mask = table.len() - 1;
        for i in 0..count {
            let w = &words[starts[i] as usize..starts[i + 1] as usize - 1];
            let h = fnv(w.as_bytes());
            let mut slot = h as usize & mask;
            while table[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = (h & !0xffff_ffff) | (i as u64 + 1);
        }
        Ok(Vectors {
            dims,
            scales,
            values,
            words,
            starts,
            table,
        })
    }

    /// Number of dimensions.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The words that have a vector, sorted.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.word(i))
    }

    fn word(&self, i: usize) -> &str {
        &self.words[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }

    /// The vector of a folded word (`"troop"`, `"unaccounted"`), if it has one.
    ///
    /// ```
    /// let v = hearsay_resolve::Vectors::shipped();
    /// assert_eq!(v.get("kill").unwrap().values.len(), v.dims());
    /// assert!(v.get("Kill").is_none());
    /// ```
    pub fn get(&self, word: &str) -> Option<WordVector<'_>> {
        let mask = self.table.len() - 1;
        let h = fnv(word.as_bytes());
        let mut slot = h as usize & mask;
        loop {
            let entry = self.table[slot];
            if entry == 0 {
                return None;
            }
            let i = (entry & 0xffff_ffff) as usize - 1;
            if entry >> 32 == h >> 32 && self.word(i) == word {
                let s = &self.scales[4 * i..4 * i + 4];
                return Some(WordVector {
                    values: &self.values[i * self.dims..(i + 1) * self.dims],
                    scale: f32::from_le_bytes([s[0], s[1], s[2], s[3]]),
                });
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The embedding of a content: the mean of its distinct words' vectors, each
    /// times `weight(word)` (repeats add nothing, words without a vector are
    /// skipped), normalized. The vectors already carry model2vec's Zipf
    /// weight in their length; `|_| 1.0` uses that alone.
    pub fn embed(&self, words: &[String], weight: impl Fn(&str) -> f64) -> Embedding {
        let mut distinct: Vec<&str> = words.iter().map(String::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut sum = vec![0f32; self.dims];
        let mut known = 0;
        for w in distinct {
            let Some(v) = self.get(w) else { continue };
            let k = (weight(w) as f32) * v.scale;
            for (s, &x) in sum.iter_mut().zip(v.values) {
                *s += k * f32::from(x);
            }
            known += 1;
        }
        let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
        if known == 0 || norm == 0.0 {
            return Embedding::default();
        }
        for s in &mut sum {
            *s /= norm;
        }
        Embedding { values: sum }
    }
}

/// A content as one unit vector (empty when none of its words has a vector).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Embedding {
    values: Vec<f32>,
}

impl Embedding {
    /// Cosine similarity in `[-1, 1]`; 0 when either side is empty.
    pub fn cosine(&self, other: &Embedding) -> f64 {
        self.values
            .iter()
            .zip(&other.values)
            .map(|(a, b)| f64::from(a * b))
            .sum::<f64>()
            .clamp(-1.0, 1.0)
    }

    /// True when none of the words had a vector.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A vectors file image of `words` (sorted) with their float vectors.
    fn image(words: &[(&str, &[f32])]) -> &'static [u8] {
        let dims = words[0].1.len();
        let list: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
        let list = list.join("\n");
        let mut out = MAGIC.to_vec();
        for n in [words.len(), dims, list.len()] {
            out.extend((n as u32).to_le_bytes());
        }
        let scales: Vec<f32> = words
            .iter()
            .map(|(_, v)| v.iter().fold(0f32, |m, x| m.max(x.abs())) / 127.0)
            .collect();
        for s in &scales {
            out.extend(s.to_le_bytes());
        }
        for ((_, v), s) in words.iter().zip(&scales) {
            out.extend(v.iter().map(|x| (x / s).round() as i8 as u8));
        }
        out.extend(list.as_bytes());
        out.leak()
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn reads_and_looks_up() {
        let v = Vectors::parse(image(&[
            ("die", &[0.9, 0.1, 0.0]),
            ("kill", &[1.0, 0.0, 0.0]),
            ("tariff", &[0.0, 0.0, 2.0]),
        ]))
        .unwrap();
        assert_eq!((v.len(), v.dims()), (3, 3));
        assert_eq!(format!("{v:?}"), "Vectors { words: 3, dims: 3, .. }");
        let kill = v.get("kill").unwrap();
        assert_eq!(kill.values, &[127, 0, 0]);
        assert!((kill.norm() - 1.0).abs() < 1e-6);
        assert!((v.get("tariff").unwrap().norm() - 2.0).abs() < 1e-6);
        assert!(v.get("killed").is_none() && v.get("").is_none());
        assert_eq!(v.words().collect::<Vec<_>>(), ["die", "kill", "tariff"]);

        let a = v.embed(&words("kill kill"), |_| 1.0);
        let b = v.embed(&words("die unknown"), |_| 1.0);
        let c = v.embed(&words("tariff"), |_| 1.0);
        assert!(a.cosine(&b) > 0.99 && a.cosine(&c).abs() < 1e-6);
        assert!((a.cosine(&a) - 1.0).abs() < 1e-6);
        assert!(v.embed(&words("unknown"), |_| 1.0).is_empty());
        assert_eq!(v.embed(&[], |_| 1.0).cosine(&a), 0.0);
        // Weights pull the mean towards the heavier word.
        let light = v.embed(
            &words("kill tariff"),
            |w| if w == "kill" { 1.0 } else { 0.1 },
        );
        let heavy = v.embed(
            &words("kill tariff"),
            |w| if w == "kill" { 1.0 } else { 10.0 },
        );
        assert!(light.cosine(&a) > 0.9 && heavy.cosine(&c) > 0.99);
    }

    #[test]
    fn rejects_bad_files() {
        let good = image(&[("a", &[1.0]), ("b", &[-1.0])]);
        assert!(Vectors::parse(good).is_ok());
        assert_eq!(
            Vectors::parse(b"HSVEC\0\0\x02").unwrap_err(),
            VectorsError::Magic
        );
        let short: &'static [u8] = good[..good.len() - 1].to_vec().leak();
        assert!(matches!(
            Vectors::parse(short),
            Err(VectorsError::Length { .. })
        ));
        let unsorted = image(&[("b", &[1.0]), ("a", &[-1.0])]);
        assert_eq!(Vectors::parse(unsorted).unwrap_err(), VectorsError::Words);
        let repeated = image(&[("a", &[1.0]), ("a", &[-1.0])]);
        assert_eq!(Vectors::parse(repeated).unwrap_err(), VectorsError::Words);
    }

    #[test]
    fn shipped_vectors_know_paraphrases() {
        let v = Vectors::shipped();
        assert!(v.len() > 40_000 && v.get("unaccounted").is_some());
        let sim = |a: &str, b: &str| {
            let e = |s: &str| v.embed(&words(s), |_| 1.0);
            e(a).cosine(&e(b))
        };
        assert!(sim("kill", "die") > sim("kill", "tariff") + 0.3);
        assert!(sim("troop", "soldier") > sim("troop", "vaccine") + 0.3);
        assert!(sim("missing", "disappear") > sim("missing", "election") + 0.3);
    }
}
