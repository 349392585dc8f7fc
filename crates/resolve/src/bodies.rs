//! Bodies a text names only by description: "the regional emergency service
//! said", later "the service said", and "the service's director".
//!
//! Such a source is a body on the record (not an anonymous person), so it
//! becomes an article entity keyed by its description; a shorter description
//! with the same head noun in the same article ("the service") is the same
//! body, and across articles the descriptions link like names.

use crate::facts::{EntityFact, MentionFact};
use crate::text;
use hearsay_core::{EntityKind, EntityType, SourceKind};

/// Head nouns of bodies, with the kind of body they name.
pub const HEADS: &[(&str, EntityKind)] = &[
    ("agency", EntityKind::GovernmentAgency),
    ("army", EntityKind::MilitaryUnit),
    ("association", EntityKind::Organization),
    ("authority", EntityKind::GovernmentAgency),
    ("commission", EntityKind::GovernmentAgency),
    ("company", EntityKind::Company),
    ("council", EntityKind::GovernmentAgency),
    ("court", EntityKind::GovernmentAgency),
    ("department", EntityKind::GovernmentAgency),
    ("federation", EntityKind::Organization),
    ("firm", EntityKind::Company),
    ("government", EntityKind::GovernmentAgency),
    ("hospital", EntityKind::Organization),
    ("inspectorate", EntityKind::GovernmentAgency),
    ("laboratory", EntityKind::Organization),
    ("ministry", EntityKind::GovernmentAgency),
    ("office", EntityKind::GovernmentAgency),
    ("operator", EntityKind::Company),
    ("police", EntityKind::GovernmentAgency),
    ("service", EntityKind::GovernmentAgency),
    ("union", EntityKind::Organization),
];

/// Words that open a description without being part of what it names.
const OPENERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "that",
];

/// The key of a body's description ("The regional emergency service" →
/// `regional emergency service`) and its kind, when it names one.
pub fn description_key(s: &str) -> Option<(String, EntityKind)> {
    // What a body owns stands for the body: "the ministry's latest figures".
    let s = s
        .split_once("'s ")
        .or_else(|| s.split_once("’s "))
        .map_or(s, |(owner, _)| owner);
    let mut ws = text::words(s);
    while ws.first().is_some_and(|w| OPENERS.contains(&w.as_str())) {
        ws.remove(0);
    }
    if ws.is_empty() || ws.len() > 5 || ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let head = ws.last()?;
    let kind = HEADS.iter().find(|(h, _)| h == head)?.1;
    Some((ws.join(" "), kind))
}

/// Make an article entity of each body its sources name only by description,
/// and point those sources (and the shorter descriptions of the same body) at it.
pub fn describe(entities: &mut Vec<EntityFact>, mentions: &mut [MentionFact]) {
    let mut found: Vec<(String, EntityKind, String)> = Vec::new();
    for m in mentions.iter() {
        let Some(s) = &m.source else { continue };
        if s.entity.is_some()
            || matches!(
                s.kind,
                SourceKind::AnonymousPerson | SourceKind::NamedPerson
            )
        {
            continue;
        }
        if let Some((key, kind)) = description_key(&s.text)
            && !found.iter().any(|(k, _, _)| *k == key)
        {
            found.push((key, kind, s.text.trim().to_string()));
        }
    }
    // Longest first, so that a shorter description joins the body it shortens.
    found.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut bodies: Vec<(String, usize)> = Vec::new();
    for (key, kind, written) in &found {
        let joins = bodies
            .iter()
            .find(|(k, _)| k.ends_with(&format!(" {key}")) || k == key);
        let at = match joins {
            Some((_, at)) => *at,
            None => {
                entities.push(EntityFact {
                    id: format!("body:{}", key.replace(' ', "-")),
                    name: key.clone(),
                    etype: EntityType::Org,
                    kind: *kind,
                    forms: vec![written.clone()],
                    count: 0,
                    country: None,
                    roles: Vec::new(),
                    affiliation: None,
                });
                entities.len() - 1
            }
        };
        bodies.push((key.clone(), at));
    }
    for m in mentions.iter_mut() {
        let Some(s) = m.source.as_mut() else { continue };
        if s.entity.is_some() {
            continue;
        }
        let Some((key, _)) = description_key(&s.text) else {
            continue;
        };
        if let Some((_, at)) = bodies.iter().find(|(k, _)| *k == key) {
            let e = &mut entities[*at];
            e.count += 1;
            s.entity = Some(e.id.clone());
            if s.kind == SourceKind::Unknown || s.kind == SourceKind::AnonymousGroup {
                s.kind = if e.kind == EntityKind::GovernmentAgency {
                    SourceKind::GovernmentAgency
                } else {
                    SourceKind::Organization
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_of_bodies() {
        assert_eq!(
            description_key("The regional emergency service").unwrap().0,
            "regional emergency service"
        );
        assert_eq!(description_key("the service").unwrap().0, "service");
        assert!(description_key("two rescue workers").is_none());
        assert!(description_key("a spokesman").is_none());
        assert_eq!(
            description_key("The ministry's latest figures").unwrap().0,
            "ministry"
        );
    }
}
