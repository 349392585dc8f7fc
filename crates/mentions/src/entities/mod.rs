//! Entities: candidate mentions from the NER, the gazetteer and rules; overlaps
//! resolved; mentions clustered into entities with stable ids and canonical names.

mod candidates;
mod cluster;
mod outlets;
mod reading;
mod words_lists;

pub(crate) use candidates::{Cand, Origin};
pub(crate) use words_lists::is_function_word;

use crate::lexicon::Lexicon;
use crate::words::Words;
use hearsay_core::{Analysis, Entity, EntityKind, EntityType, Flag, Span};
use std::collections::HashMap;

/// What the entity finder yields for one document.
pub(crate) struct Found {
    /// Entities with their mentions, in order of first mention.
    pub entities: Vec<Entity>,
    /// `name_variant` flags.
    pub flags: Vec<Flag>,
    /// Top-level name mentions with their mention-level type (for NER scoring).
    pub names: Vec<(Span, EntityType)>,
}

/// Find, select and cluster the entity mentions of a document.
pub(crate) fn find(w: &Words, a: &Analysis, lex: &Lexicon) -> Found {
    let mut cands = Vec::new();
    candidates::gazetteer(w, lex, &mut cands);
    candidates::ner(w, a, &mut cands);
    candidates::dateline(w, a, &mut cands);
    candidates::persons(w, lex, &mut cands);
    candidates::organizations(w, lex, &mut cands);
    candidates::acronyms(w, &mut cands);
    candidates::intelligence(w, lex, &mut cands);
    candidates::descriptions(w, lex, &mut cands);
    reading::resolve(w, lex, &mut cands);
    reading::organizations_named_after_places(lex, &mut cands);
    let selected = select(w, cands);
    let mut found = cluster::cluster(w, lex, selected);
    dateline_kinds(a, &mut found.entities);
    outlets::refine(w, lex, &mut found.entities, &mut found.flags);
    found
}

/// The wire of the dateline is a news outlet wherever else it is named, and
/// its place a city unless it is known as more (a country, a region).
fn dateline_kinds(a: &Analysis, entities: &mut [Entity]) {
    let Some(d) = &a.dateline else { return };
    let named_at = |e: &Entity, span: Span| e.mentions.iter().any(|m| span.contains(&m.span));
    for e in entities {
        if d.wire.is_some_and(|s| named_at(e, s)) {
            e.etype = EntityType::Org;
            e.kind = EntityKind::NewsOutlet;
        } else if named_at(e, d.place) && e.etype != EntityType::Gpe {
            e.etype = EntityType::Gpe;
            e.kind = EntityKind::City;
        }
    }
}

/// A selected mention: a candidate and whether it sits inside another mention.
pub(crate) struct Selected {
    pub cand: Cand,
    /// Index (into the selected list) of the mention it is nested in.
    pub parent: Option<usize>,
}

/// Keep the best non-overlapping candidates (longest first, then by priority),
/// letting place and nationality names nest inside longer organization names
/// ("South Korean" in "South Korean intelligence", "Russian" in "Russian Pacific Fleet").
fn select(w: &Words, mut cands: Vec<Cand>) -> Vec<Selected> {
    cands.retain(|c| !c.words.is_empty() && c.words.end <= w.len());
    cands.sort_by(|a, b| {
        b.words
            .len()
            .cmp(&a.words.len())
            .then(b.priority.cmp(&a.priority))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut owner: Vec<u32> = vec![u32::MAX; w.len()];
    let mut chosen: Vec<Selected> = Vec::new();
    // The mentions nested in each chosen one.
    let mut nested: HashMap<usize, Vec<usize>> = HashMap::new();
    for c in cands {
        let r = c.words.clone();
        let first = owner[r.start];
        let uniform = owner[r.clone()].iter().all(|&o| o == first);
        if first == u32::MAX && uniform {
            for o in &mut owner[r] {
                *o = chosen.len() as u32;
            }
            chosen.push(Selected {
                cand: c,
                parent: None,
            });
            continue;
        }
        if !uniform || first == u32::MAX {
            continue;
        }
        let outer = &chosen[first as usize];
        let nests = outer.parent.is_none()
            && outer.cand.mtype != EntityType::Person
            && c.origin == Origin::Gazetteer
            && matches!(
                c.mtype,
                EntityType::Gpe | EntityType::Norp | EntityType::Loc
            )
            && outer.cand.span.contains(&c.span)
            && outer.cand.span != c.span
            && !nested
                .get(&(first as usize))
                .is_some_and(|kids| kids.iter().any(|&k| chosen[k].cand.span.overlaps(&c.span)));
        if nests {
            nested.entry(first as usize).or_default().push(chosen.len());
            chosen.push(Selected {
                cand: c,
                parent: Some(first as usize),
            });
        }
    }
    chosen
}
