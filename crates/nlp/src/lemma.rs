//! Lemmatization learned from the training data: suffix-rewrite rules per
//! part-of-speech tag ("-ied" → "-y" for `VBD`), plus the irregular forms the
//! rules get wrong ("said"/`VBD` → "say", "her"/`PRP$` → "she").
//!
//! ```
//! # use hearsay_nlp::lemma::Lemmatizer;
//! let data = [("said", "VBD", "say"), ("tried", "VBD", "try"), ("cried", "VBD", "cry"), ("walked", "VBD", "walk"), ("talked", "VBD", "talk")];
//! let lem = Lemmatizer::train(data.iter().copied());
//! assert_eq!(lem.lemma("denied", "VBD"), "deny");
//! assert_eq!(lem.lemma("said", "VBD"), "say");
//! ```

use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::hash;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for the lemmatizer's (tag, string hash) keys, whose parts are already hashes or small ints.
#[derive(Default)]
struct Mixer(u64);

impl Hasher for Mixer {
    fn finish(&self) -> u64 {
        hash::finish(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash::mix(self.0, hash::bytes(bytes));
    }
    fn write_u16(&mut self, v: u16) {
        self.0 = hash::mix(self.0, u64::from(v));
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = hash::mix(self.0, v);
    }
}

/// A map keyed by (tag index, string hash).
type TagMap<V> = HashMap<(u16, u64), V, BuildHasherDefault<Mixer>>;

/// Longest suffix (in chars) a rule conditions on.
const MAX_SUFFIX: usize = 4;

/// How to turn a word into its lemma: drop `strip` chars from the end, then append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Edit {
    strip: u8,
    append: String,
}

/// Tags whose lemma keeps the word's case (proper nouns).
fn keeps_case(tag: &str) -> bool {
    tag.starts_with("NNP")
}

/// The lemmatizer: rules keyed by (tag, word suffix), and exceptions keyed by (tag, word).
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    tags: Vec<String>,
    edits: Vec<Edit>,
    /// (tag index, hash of the suffix) → edit index.
    rules: TagMap<u32>,
    /// (tag index, hash of the source word) → lemma.
    exceptions: TagMap<String>,
}

/// The source a lemma is rewritten from: the word itself for proper nouns, else lower-cased.
fn source(word: &str, tag: &str) -> String {
    if keeps_case(tag) {
        word.to_string()
    } else {
        word.to_lowercase()
    }
}

/// The edit that turns `src` into `lemma`.
fn edit_between(src: &str, lemma: &str) -> Edit {
    let common = src
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let strip = src.chars().count() - common;
    let append: String = lemma.chars().skip(common).collect();
    Edit {
        strip: strip.min(255) as u8,
        append,
    }
}

/// Apply `e` to `src`, if it has enough chars.
fn apply(src: &str, e: &Edit) -> Option<String> {
    let n = src.chars().count();
    let keep = n.checked_sub(usize::from(e.strip))?;
    let cut = src.char_indices().nth(keep).map_or(src.len(), |(i, _)| i);
    Some(format!("{}{}", &src[..cut], e.append))
}

/// The suffixes of `src` a rule may condition on, longest first (down to the empty suffix).
fn suffixes(src: &str) -> impl Iterator<Item = &str> {
    let n = src.chars().count();
    (0..=MAX_SUFFIX.min(n.saturating_sub(1)))
        .rev()
        .map(move |k| {
            let at = if k == 0 {
                src.len()
            } else {
                src.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)
            };
            &src[at..]
        })
}

impl Lemmatizer {
    /// Learn from `(word, tag, lemma)` observations (one per token).
    pub fn train<'a>(data: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        // Most frequent lemma of each (source, tag).
        let mut lemmas: BTreeMap<(String, String), BTreeMap<String, u32>> = BTreeMap::new();
        for (word, tag, lemma) in data {
            if !word.chars().any(char::is_alphanumeric) {
                continue;
            }
            *lemmas
                .entry((source(word, tag), tag.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        let mut tags: Vec<String> = lemmas.keys().map(|k| k.1.clone()).collect();
        tags.sort();
        tags.dedup();
        let mut lem = Lemmatizer {
            tags,
            ..Default::default()
        };
        let best: Vec<(String, u16, String, u32)> = lemmas
            .into_iter()
            .map(|((src, tag), counts)| {
                let total = counts.values().sum();
                let lemma = counts
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|c| c.0)
                    .unwrap_or_default();
                (src, lem.tag_index(&tag).expect("collected"), lemma, total)
            })
            .collect();
        // Rules: the most frequent edit per (tag, suffix), weighted by token counts.
        let mut votes: BTreeMap<(u16, String), BTreeMap<Edit, u32>> = BTreeMap::new();
        for (src, tag, lemma, n) in &best {
            let e = edit_between(src, lemma);
            for suf in suffixes(src) {
                *votes
                    .entry((*tag, suf.to_string()))
                    .or_default()
                    .entry(e.clone())
                    .or_default() += n;
            }
        }
        let mut edit_ids: BTreeMap<Edit, u32> = BTreeMap::new();
        let mut chosen: BTreeMap<(u16, String), u32> = BTreeMap::new();
        for (key, counts) in votes {
            let (e, _) = counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .expect("non-empty");
            let next = edit_ids.len() as u32;
            chosen.insert(key, *edit_ids.entry(e).or_insert(next));
        }
        // A rule that says what the next shorter suffix says is redundant.
        for ((tag, suf), &id) in &chosen {
            let shorter = suf.char_indices().nth(1).map_or("", |(i, _)| &suf[i..]);
            if suf.is_empty() || chosen.get(&(*tag, shorter.to_string())) != Some(&id) {
                lem.rules.insert((*tag, hash::bytes(suf.as_bytes())), id);
            }
        }
        lem.edits = vec![
            Edit {
                strip: 0,
                append: String::new()
            };
            edit_ids.len()
        ];
        for (e, id) in edit_ids {
            lem.edits[id as usize] = e;
        }
        // Exceptions: whatever the rules get wrong.
        for (src, tag, lemma, _) in best {
            if lem.by_rule(&src, tag).as_deref() != Some(lemma.as_str()) {
                lem.exceptions
                    .insert((tag, hash::bytes(src.as_bytes())), lemma);
            }
        }
        lem
    }

    fn tag_index(&self, tag: &str) -> Option<u16> {
        self.tags
            .binary_search_by(|t| t.as_str().cmp(tag))
            .ok()
            .map(|i| i as u16)
    }

    /// The rule-based lemma of a source string.
    fn by_rule(&self, src: &str, tag: u16) -> Option<String> {
        suffixes(src)
            .find_map(|suf| self.rules.get(&(tag, hash::bytes(suf.as_bytes()))))
            .and_then(|&id| apply(src, &self.edits[id as usize]))
    }

    /// The lemma of `word` tagged `tag`. Punctuation and symbols are their own
    /// lemma; words of tags never seen in training are lower-cased.
    pub fn lemma(&self, word: &str, tag: &str) -> String {
        if !word.chars().any(char::is_alphanumeric) {
            return word.to_string();
        }
        let src = source(word, tag);
        let Some(t) = self.tag_index(tag) else {
            return src;
        };
        if let Some(l) = self.exceptions.get(&(t, hash::bytes(src.as_bytes()))) {
            return l.clone();
        }
        self.by_rule(&src, t).unwrap_or(src)
    }

    /// Number of (rules, exceptions).
    pub fn sizes(&self) -> (usize, usize) {
        (self.rules.len(), self.exceptions.len())
    }

    /// Serialize (sorted, so the bytes are deterministic).
    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(&self.tags);
        w.varint(self.edits.len() as u64);
        for e in &self.edits {
            w.u8(e.strip);
            w.str(&e.append);
        }
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort_unstable();
        w.varint(rules.len() as u64);
        for (&(tag, suf), &id) in rules {
            w.u16(tag);
            w.u64(suf);
            w.varint(u64::from(id));
        }
        let mut exc: Vec<_> = self.exceptions.iter().collect();
        exc.sort_unstable();
        w.varint(exc.len() as u64);
        for (&(tag, src), lemma) in exc {
            w.u16(tag);
            w.u64(src);
            w.str(lemma);
        }
    }

    /// Deserialize what [`Lemmatizer::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let tags = r.strs("lemmatizer tags")?;
        let n = r.len(r.remaining(), "lemmatizer edits")?;
        let mut edits = Vec::with_capacity(n);
        for _ in 0..n {
            edits.push(Edit {
                strip: r.u8("edit")?,
                append: r.str("edit")?.to_string(),
            });
        }
        let check_tag = |t: u16| {
            if usize::from(t) < tags.len() {
                Ok(t)
            } else {
                Err(ModelError::Corrupt(format!(
                    "lemmatizer tag {t} out of range"
                )))
            }
        };
        let n = r.len(r.remaining(), "lemmatizer rules")?;
        let mut rules = TagMap::default();
        rules.reserve(n);
        for _ in 0..n {
            let tag = check_tag(r.u16("rule")?)?;
            let suf = r.u64("rule")?;
            let id = r.varint("rule")?;
            if id >= edits.len() as u64 {
                return Err(ModelError::Corrupt(format!(
                    "lemmatizer edit {id} out of range"
                )));
            }
            rules.insert((tag, suf), id as u32);
        }
        let n = r.len(r.remaining(), "lemmatizer exceptions")?;
        let mut exceptions = TagMap::default();
        exceptions.reserve(n);
        for _ in 0..n {
            let tag = check_tag(r.u16("exception")?)?;
            let src = r.u64("exception")?;
            exceptions.insert((tag, src), r.str("exception")?.to_string());
        }
        Ok(Lemmatizer {
            tags,
            edits,
            rules,
            exceptions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Lemmatizer {
        let data = [
            ("said", "VBD", "say"),
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("tried", "VBD", "try"),
            ("cried", "VBD", "cry"),
            ("dogs", "NNS", "dog"),
            ("cats", "NNS", "cat"),
            ("Clinton", "NNP", "Clinton"),
            ("Her", "PRP$", "she"),
            ("her", "PRP$", "she"),
            ("“", "``", "``"),
        ];
        Lemmatizer::train(data.into_iter())
    }

    #[test]
    fn rules_generalize_and_exceptions_hold() {
        let l = small();
        assert_eq!(l.lemma("jumped", "VBD"), "jump");
        assert_eq!(l.lemma("denied", "VBD"), "deny");
        assert_eq!(l.lemma("said", "VBD"), "say");
        assert_eq!(l.lemma("Said", "VBD"), "say");
        assert_eq!(l.lemma("birds", "NNS"), "bird");
        assert_eq!(l.lemma("HER", "PRP$"), "she");
        assert_eq!(l.lemma("Obama", "NNP"), "Obama");
        assert_eq!(l.lemma("“", "``"), "“");
        assert_eq!(l.lemma("Zebras", "XX"), "zebras");
    }

    #[test]
    fn round_trips() {
        let l = small();
        let mut w = Writer::new("lemma");
        l.write(&mut w);
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes, "lemma").unwrap();
        let back = Lemmatizer::read(&mut r).unwrap();
        r.finish().unwrap();
        for (word, tag) in [("denied", "VBD"), ("said", "VBD"), ("cats", "NNS")] {
            assert_eq!(back.lemma(word, tag), l.lemma(word, tag));
        }
    }
}
