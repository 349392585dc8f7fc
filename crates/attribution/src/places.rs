//! A place as a source is its government: "Velmora summoned the ambassador",
//! "the figure given by Velmora". A capital or a country speaks through its
//! government; the entity stays the place (the resolve layer maps a capital
//! to its country).

use crate::view::DocView;
use hearsay_core::{Analysis, EntityKind, EntityType};

/// Prepositions after which a name is a place ("in Velmora", "from Dravenholm").
const LOCATIVE: &[&str] = &["in", "from", "near", "outside"];

/// If the source on tokens `a..b` is a place name, the place's entity (or
/// `None` inside when no entity has that name). `current` is the entity the
/// source resolved to.
pub(crate) fn place_source(
    an: &Analysis,
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
    let current = current.and_then(|id| an.entity(id));
    if current.is_some_and(|e| e.etype == EntityType::Person && !e.name.eq_ignore_ascii_case(name))
    {
        return None;
    }
    let place_entity = an.entities.iter().find(|e| {
        matches!(e.etype, EntityType::Gpe)
            && matches!(
                e.kind,
                EntityKind::City | EntityKind::Country | EntityKind::Region
            )
            && (e.name.eq_ignore_ascii_case(name)
                || e.mentions
                    .iter()
                    .any(|m| m.span.text(v.text).eq_ignore_ascii_case(name)))
    });
    let in_dateline = an
        .dateline
        .as_ref()
        .is_some_and(|d| d.place.text(v.text).eq_ignore_ascii_case(name));
    let after_locative = (0..v.len()).any(|k| {
        k > 0
            && !(a..b).contains(&k)
            && v.form(k)
                .eq_ignore_ascii_case(name.split(' ').next().unwrap_or(name))
            && LOCATIVE.contains(&v.form(k - 1).to_lowercase().as_str())
    });
    (place_entity.is_some() || in_dateline || after_locative)
        .then(|| place_entity.map(|e| e.id.clone()))
}
