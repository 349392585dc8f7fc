//! A gazetteer of world names the training news may lack (countries and their
//! capitals, places, organizations, well-known people, given names), read
//! from the mentions layer's tables. The recognizer sees, for each word, the
//! entity types and name positions it takes in those lists, so that a
//! Ukrainian city or ministry it never saw labeled still looks like a name.
//!
//! The tables are compiled in (`crates/mentions/data`) but the bits are saved
//! in the model file, so a model always reads the gazetteer it was trained with.

use crate::codec::{Reader, Writer};
use crate::error::ModelError;
use crate::hash;
use crate::perceptron::FeatMap;
use crate::tokenize;

/// The mentions layer's tables the gazetteer reads.
const COUNTRIES: &str = include_str!("../../../mentions/data/countries.tsv");
const PLACES: &str = include_str!("../../../mentions/data/places.tsv");
const ORGANIZATIONS: &str = include_str!("../../../mentions/data/organizations.tsv");
const PERSONS: &str = include_str!("../../../mentions/data/persons.tsv");
const FIRST_NAMES: &str = include_str!("../../../mentions/data/first_names.txt");

/// Bit of a word that is a given name.
pub(crate) const FIRST_NAME: u32 = 1 << 16;

/// Lower-cased word hash → bits: `1 << (4 * type + part)` (type as in
/// [`super::NAME_CLASSES`], part 0 begin, 1 inside, 2 last, 3 unit), plus [`FIRST_NAME`].
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Gazetteer {
    bits: FeatMap<u32>,
}

/// Name-class indices in [`super::NAME_CLASSES`] order.
const LOCATION: u32 = 0;
const MISC: u32 = 1;
const ORGANIZATION: u32 = 2;
const PERSON: u32 = 3;

impl Gazetteer {
    /// The gazetteer of the compiled-in tables.
    pub(crate) fn builtin() -> Self {
        let mut g = Gazetteer::default();
        let rows = |table: &'static str| {
            table
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').collect::<Vec<_>>())
        };
        fn names(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
            field
                .copied()
                .into_iter()
                .flat_map(|f| f.split('|'))
                .map(str::trim)
                .filter(|n| !n.is_empty() && *n != "-")
        }
        for r in rows(COUNTRIES) {
            // iso2, name, other names, demonyms, capitals, seats of power.
            for n in names(r.get(1))
                .chain(names(r.get(2)))
                .chain(names(r.get(4)))
            {
                g.add(n, LOCATION);
            }
            for n in names(r.get(3)) {
                g.add(n, MISC);
            }
        }
        for r in rows(PLACES) {
            for n in names(r.first()).chain(names(r.get(4))) {
                g.add(n, LOCATION);
            }
        }
        for r in rows(ORGANIZATIONS) {
            for n in names(r.first()).chain(names(r.get(3))) {
                g.add(n, ORGANIZATION);
            }
        }
        for r in rows(PERSONS) {
            for n in names(r.first()).chain(names(r.get(1))) {
                g.add(n, PERSON);
            }
        }
        for line in FIRST_NAMES.lines().filter(|l| !l.starts_with('#')) {
            for n in line.split_whitespace() {
                *g.bits.entry(hash::lower(n)).or_default() |= FIRST_NAME;
            }
        }
        g
    }

    /// Add the words of `name` (tokenized like running text) as an entity of type `ty`.
    fn add(&mut self, name: &str, ty: u32) {
        // A parenthesized qualifier ("(Ukraine)") is not part of the name.
        let name = name.split(" (").next().unwrap_or(name);
        let seg = tokenize::segment(name);
        let n = seg.tokens.len();
        for (i, t) in seg.tokens.iter().enumerate() {
            let part = match (i == 0, i + 1 == n) {
                (true, true) => 3,
                (true, false) => 0,
                (false, true) => 2,
                (false, false) => 1,
            };
            *self.bits.entry(hash::lower(t.text(name))).or_default() |= 1 << (4 * ty + part);
        }
    }

    /// The bits of a word (0 when unknown).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.bits.get(&hash::lower(word)).copied().unwrap_or(0)
    }

    /// Serialize (deterministic bytes).
    pub(crate) fn write(&self, w: &mut Writer) {
        w.word_map(&self.bits);
    }

    /// Deserialize what [`Gazetteer::write`] wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        Ok(Gazetteer {
            bits: r.word_map("NER gazetteer")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_names_are_in() {
        let g = Gazetteer::builtin();
        let unit = |ty: u32| 1 << (4 * ty + 3);
        assert_ne!(g.get("Ukraine") & unit(LOCATION), 0);
        assert_ne!(g.get("kyiv") & unit(LOCATION), 0);
        assert_ne!(g.get("Ukrainian") & unit(MISC), 0);
        assert_ne!(g.get("Oleksandra") & FIRST_NAME, 0);
        assert_ne!(g.get("Journal") & (1 << (4 * ORGANIZATION + 2)), 0);
        assert_eq!(g.get("rained"), 0);
        let mut w = Writer::new("t");
        g.write(&mut w);
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes, "t").unwrap();
        assert_eq!(Gazetteer::read(&mut r).unwrap(), g);
    }
}
