//! News outlets among the entities: by their name's head word whatever the
//! NER typed them ("Ruskeld Examiner", "Radio Vessa"), by a describing noun
//! ("the independent news site Embergate"), their short forms ("the Gazette"
//! for "Castrel Gazette"), and a canonical name that keeps the article the
//! text writes with it ("The Harbor Ledger").

use crate::lexicon::Lexicon;
use crate::words::Words;
use hearsay_core::{Entity, EntityKind, EntityType, Flag};

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
    let outlets: Vec<(usize, String)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::NewsOutlet && e.name.contains(' '))
        .filter_map(|(i, e)| e.name.split_whitespace().last().map(|l| (i, l.to_string())))
        .collect();
    let mut moves: Vec<(usize, usize, usize)> = Vec::new(); // (from entity, mention, to entity)
    for (i, e) in entities.iter().enumerate() {
        for (k, m) in e.mentions.iter().enumerate() {
            let text = m.span.text(w.text);
            let after_the = w
                .covering(m.span)
                .start
                .checked_sub(1)
                .is_some_and(|p| w.lw(p) == "the");
            let target = outlets
                .iter()
                .filter(|(o, last)| *o != i && last == text)
                .map(|(o, _)| *o)
                .next();
            if let Some(o) = target.filter(|_| after_the && !text.contains(' ')) {
                moves.push((i, k, o));
            }
        }
    }
    for &(i, k, o) in moves.iter().rev() {
        let m = entities[i].mentions.remove(k);
        entities[o].mentions.push(m);
    }
    for e in entities.iter_mut() {
        e.mentions.sort_by_key(|m| m.span.start);
    }
    let gone: Vec<(String, String)> = entities
        .iter()
        .filter(|e| e.mentions.is_empty())
        .filter_map(|e| {
            moves
                .iter()
                .find(|(i, _, _)| entities[*i].id == e.id)
                .map(|&(_, _, o)| (e.id.clone(), entities[o].id.clone()))
        })
        .collect();
    entities.retain(|e| !e.mentions.is_empty());
    for f in flags.iter_mut() {
        for id in &mut f.entities {
            if let Some((_, to)) = gone.iter().find(|(from, _)| from == id) {
                id.clone_from(to);
            }
        }
    }
}
