//! A place as a source is its government: "Velmora summoned the ambassador",
//! "the figure given by Velmora". A capital or a country speaks through its
//! government; the entity stays the place (the resolve layer maps a capital
//! to its country).

use crate::entities::Entities;
use crate::view::DocView;
use hearsay_core::{EntityKind, EntityType};
use std::collections::HashMap;

/// Prepositions after which a name is a place ("in Velmora", "from Dravenholm").
const LOCATIVE: &[&str] = &["in", "from", "near", "outside"];

/// The document's places, indexed once: what each place entity is written
/// as, the dateline's place, and the words used after a locative preposition.
pub(crate) struct Places<'a> {
    ix: &'a Entities<'a>,
    /// A place entity's name or mention, lower-cased → the first such entity's index.
    by_name: HashMap<String, usize>,
    /// The dateline's place, lower-cased.
    dateline: Option<String>,
    /// A word after "in", "from" …, lower-cased → the tokens where it stands so.
    after_locative: HashMap<String, Vec<usize>>,
}

impl<'a> Places<'a> {
    /// Index the places of the document behind `ix` and `v`.
    pub(crate) fn new(ix: &'a Entities<'a>, v: &DocView) -> Self {
        let mut by_name = HashMap::new();
        for (k, e) in ix.all().iter().enumerate() {
            if matches!(e.etype, EntityType::Gpe)
                && matches!(
                    e.kind,
                    EntityKind::City | EntityKind::Country | EntityKind::Region
                )
            {
                let names = std::iter::once(e.name.as_str())
                    .chain(e.mentions.iter().map(|m| m.span.text(v.text)));
                for name in names {
                    by_name.entry(name.to_lowercase()).or_insert(k);
                }
            }
        }
        let mut after_locative: HashMap<String, Vec<usize>> = HashMap::new();
        for k in 1..v.len() {
            if LOCATIVE.contains(&v.form(k - 1).to_lowercase().as_str()) {
                after_locative
                    .entry(v.form(k).to_lowercase())
                    .or_default()
                    .push(k);
            }
        }
        Places {
            ix,
            by_name,
            dateline: ix
                .an
                .dateline
                .as_ref()
                .map(|d| d.place.text(v.text).to_lowercase()),
            after_locative,
        }
    }

    /// If the source on tokens `a..b` is a place name, the place's entity (or
    /// `None` inside when no entity has that name). `current` is the entity
    /// the source resolved to.
    pub(crate) fn source(
        &self,
        v: &DocView,
        a: usize,
        b: usize,
        current: Option<&str>,
    ) -> Option<Option<String>> {
        let words: Vec<usize> = (a..b).filter(|&i| !v.punct[i]).collect();
        if words.is_empty()
            || words.len() > 3
            || !words.iter().all(|&i| v.toks[i].pos.starts_with("NNP"))
        {
            return None;
        }
        let name = v.span_of(words[0], words[words.len() - 1] + 1).text(v.text);
        // A person known by a longer name is no place ("Trump" of "Donald Trump").
        let current = current.and_then(|id| self.ix.by_id(id));
        if current
            .is_some_and(|e| e.etype == EntityType::Person && !e.name.eq_ignore_ascii_case(name))
        {
            return None;
        }
        let lower = name.to_lowercase();
        let place_entity = self.by_name.get(&lower).map(|&k| &self.ix.all()[k]);
        let in_dateline = self.dateline.as_ref() == Some(&lower);
        let first = lower.split(' ').next().unwrap_or(&lower);
        let after_locative = self
            .after_locative
            .get(first)
            .is_some_and(|at| at.iter().any(|k| !(a..b).contains(k)));
        (place_entity.is_some() || in_dateline || after_locative)
            .then(|| place_entity.map(|e| e.id.clone()))
    }
}
