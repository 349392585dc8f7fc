//! News outlets among the entities: by their name's head word whatever the
//! NER typed them ("Ruskeld Examiner", "Radio Vessa"), by a describing noun
//! ("the independent news site Embergate"), their short forms ("the Gazette"
//! for "Castrel Gazette"), and a canonical name that keeps the article the
//! text writes with it ("The Harbor Ledger").

use crate::lexicon::Lexicon;
use crate::words::Words;
use hearsay_core::{Entity, EntityKind, EntityType, Flag, Mention};
use std::collections::HashMap;

/// Nouns that describe a news outlet right before its name ("the independent
/// news site Embergate", "the regional newspaper Castrel Gazette").
const DESCRIPTORS: &[&str] = &[
    "site",
    "website",
    "newspaper",
    "paper",
    "daily",
    "weekly",
    "tabloid",
    "broadcaster",
    "magazine",
    "outlet",
    "station",
    "channel",
    "newswire",
    "agency",
];

/// Is the name one of a news outlet by its words: a head word of outlets at
/// its end ("… Examiner"), or a medium first ("Radio …")?
fn outlet_name(lex: &Lexicon, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    words.len() >= 2
        && (matches!(*first, "Radio" | "Television" | "TV")
            || lex.org_heads.get(*last) == Some(&EntityKind::NewsOutlet))
}

/// Find the outlets and merge their short forms (see the module doc).
pub(super) fn refine(w: &Words, lex: &Lexicon, entities: &mut Vec<Entity>, flags: &mut [Flag]) {
    let word_before = |e: &Entity| -> Vec<usize> {
        e.mentions
            .iter()
            .filter_map(|m| w.covering(m.span).start.checked_sub(1))
            .collect()
    };
    for e in entities.iter_mut() {
        let before = word_before(e);
        let described = before.iter().any(|&k| {
            DESCRIPTORS.contains(&w.lw(k))
                && k > 0
                && (w.lw(k - 1) == "news" || w.lw(k) != "agency")
                && (w.lw(k) != "site" || w.lw(k - 1) == "news")
        });
        let named =
            matches!(e.etype, EntityType::Org | EntityType::Misc) && outlet_name(lex, &e.name);
        if (described && e.etype != EntityType::Gpe) || named {
            e.etype = EntityType::Org;
            e.kind = EntityKind::NewsOutlet;
        }
    }
    merge_short_forms(w, entities, flags);
    for e in entities.iter_mut() {
        if e.kind == EntityKind::NewsOutlet
            && e.name.contains(' ')
            && !e.name.starts_with("The ")
            && word_before(e).iter().any(|&k| w.w(k) == "The")
        {
            e.name = format!("The {}", e.name);
        }
    }
}

/// "the Gazette" after "Castrel Gazette": a one-word mention after "the" that
/// is the last word of an outlet's name joins that outlet, whatever the NER
/// made of it (a city, a person).
fn merge_short_forms(w: &Words, entities: &mut Vec<Entity>, flags: &mut [Flag]) {
    // Last word of a multi-word outlet's name → the outlets so named, in order.
    let mut outlets: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::NewsOutlet
            && e.name.contains(' ')
            && let Some(last) = e.name.split_whitespace().last()
        {
            outlets.entry(last.to_string()).or_default().push(i);
        }
    }
    if outlets.is_empty() {
        return;
    }
    let mut moves: Vec<(usize, usize, usize)> = Vec::new(); // (from entity, mention, to entity)
    for (i, e) in entities.iter().enumerate() {
        for (k, m) in e.mentions.iter().enumerate() {
            let text = m.span.text(w.text);
            let after_the = w
                .covering(m.span)
                .start
                .checked_sub(1)
                .is_some_and(|p| w.lw(p) == "the");
            if !after_the || text.contains(' ') {
                continue;
            }
            if let Some(&o) = outlets
                .get(text)
                .and_then(|os| os.iter().find(|&&o| o != i))
            {
                moves.push((i, k, o));
            }
        }
    }
    if moves.is_empty() {
        return;
    }
    let moved: HashMap<(usize, usize), usize> =
        moves.iter().map(|&(i, k, o)| ((i, k), o)).collect();
    let mut arriving: Vec<Vec<Mention>> = vec![Vec::new(); entities.len()];
    for (i, e) in entities.iter_mut().enumerate() {
        for (k, m) in std::mem::take(&mut e.mentions).into_iter().enumerate() {
            match moved.get(&(i, k)) {
                Some(&o) => arriving[o].push(m),
                None => e.mentions.push(m),
            }
        }
    }
    for (e, new) in entities.iter_mut().zip(arriving) {
        if !new.is_empty() {
            e.mentions.extend(new);
            e.mentions.sort_by_key(|m| m.span.start);
        }
    }
    // An entity left without mentions is the outlet its first moved mention joined.
    let mut gone: HashMap<String, String> = HashMap::new();
    for &(i, _, o) in &moves {
        if entities[i].mentions.is_empty() {
            gone.entry(entities[i].id.clone())
                .or_insert_with(|| entities[o].id.clone());
        }
    }
    entities.retain(|e| !e.mentions.is_empty());
    for f in flags.iter_mut() {
        for id in &mut f.entities {
            if let Some(to) = gone.get(id) {
                id.clone_from(to);
            }
        }
    }
}
