//! The body a person speaks for: "ministry spokesman Pavel Serdan",
//! "Kestria's defence minister, Anneli Roskvist", "Sevrin's chief executive".
//!
//! A spokesperson, minister or executive speaking in office is one source with
//! the body (the Admiralty code grades the source of information, and their
//! words are the body's). An expert quoted as an expert ("a hydrologist at the
//! University of Tamberlow") speaks for themselves.

use crate::agency::portfolio_key;
use crate::facts::{EntityFact, MentionFact};
use crate::text;
use hearsay_core::{Analysis, EntityKind, EntityType};

/// Role words of people who speak for the body they serve.
const OFFICE: &[&str] = &[
    "ceo",
    "chair",
    "chairman",
    "chairs",
    "chairwoman",
    "chief",
    "commander",
    "commissioner",
    "coordinator",
    "director",
    "executive",
    "head",
    "inspector",
    "leader",
    "manager",
    "minister",
    "official",
    "president",
    "secretary",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Role words of staff whose analysis is the body's own product, unless the
/// body is a university (where they speak as experts).
const STAFF: &[&str] = &["analyst", "researcher"];

/// Institution nouns a role may name instead of the body ("company spokeswoman").
const INSTITUTIONS: &[(&str, &[EntityKind])] = &[
    ("company", &[EntityKind::Company, EntityKind::Organization]),
    ("firm", &[EntityKind::Company, EntityKind::Organization]),
    ("ministry", &[EntityKind::GovernmentAgency]),
    ("agency", &[EntityKind::GovernmentAgency]),
    ("inspectorate", &[EntityKind::GovernmentAgency]),
    ("police", &[EntityKind::GovernmentAgency]),
    ("union", &[EntityKind::Organization, EntityKind::Ngo]),
    ("party", &[EntityKind::PoliticalParty]),
];

/// Record each person source's roles and, when a role speaks for a body, the
/// body's article entity.
pub fn assign(a: &Analysis, entities: &mut Vec<EntityFact>, mentions: &[MentionFact]) {
    let country_words: Vec<String> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Country)
        .flat_map(|e| e.forms.iter().flat_map(|f| text::words(f)))
        .collect();
    for (m, at) in mentions.iter().zip(&a.attributions) {
        let Some(src) = &m.source else { continue };
        let Some(pid) = src.entity.as_deref() else {
            continue;
        };
        let Some(p) = entities.iter().position(|e| e.id == pid) else {
            continue;
        };
        if entities[p].etype != EntityType::Person {
            continue;
        }
        let role = src.role.clone().unwrap_or_default();
        if !role.is_empty() && !entities[p].roles.contains(&role) {
            entities[p].roles.push(role.clone());
        }
        if entities[p].affiliation.is_some() {
            continue;
        }
        let described = format!("{} {}", role, src.text);
        let ws = text::words(&described);
        let office = ws.iter().any(|w| OFFICE.contains(&w.as_str()));
        let staff = ws.iter().any(|w| STAFF.contains(&w.as_str()));
        if !office && !staff {
            continue;
        }
        let at_start = at
            .source
            .as_ref()
            .map_or(at.cue.span.start, |s| s.span.start);
        let body = portfolio_body(&described, &country_words, entities)
            .or_else(|| named_body(&described, entities, p))
            .or_else(|| institution_body(&ws, a, at_start, entities));
        if let Some(b) = body
            && (office || entities[b].kind != EntityKind::University)
        {
            entities[p].affiliation = Some(entities[b].id.clone());
        }
    }
}

/// A body named in the source's description ("at the Centre for Eastern
/// Security Analysis", "the CTL's", "a spokesman for the Marovian defence ministry").
fn named_body(described: &str, entities: &[EntityFact], person: usize) -> Option<usize> {
    let folded = text::fold(described);
    entities
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            *i != person
                && e.etype == EntityType::Org
                && e.kind != EntityKind::NewsOutlet
                && e.forms
                    .iter()
                    .chain(std::iter::once(&e.name))
                    .any(|f| contains_words(&folded, &text::fold(f)))
        })
        .max_by_key(|(_, e)| {
            e.forms
                .iter()
                .filter(|f| contains_words(&folded, &text::fold(f)))
                .map(|f| f.len())
                .max()
                .unwrap_or(0)
        })
        .map(|(i, _)| i)
}

/// `needle` occurs in `hay` on word boundaries.
fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A minister's portfolio ("Health Minister", "Kestria's defence minister"):
/// the body of that portfolio of the country the role names, created when the
/// article does not name it otherwise; without a country, the article's one
/// body of that portfolio.
fn portfolio_body(
    described: &str,
    country_words: &[String],
    entities: &mut Vec<EntityFact>,
) -> Option<usize> {
    let ws = text::words(described);
    let at = ws.iter().position(|w| w == "minister" || w == "ministry")?;
    let mut portfolio: Vec<&str> = Vec::new();
    let mut country_word = None;
    for w in ws[..at].iter().rev() {
        if country_words.contains(w) {
            country_word = Some(w.clone());
            break;
        }
        if matches!(
            w.as_str(),
            "deputy" | "the" | "a" | "an" | "former" | "vice" | "first"
        ) {
            break;
        }
        portfolio.push(w);
    }
    if portfolio.is_empty() {
        return None;
    }
    portfolio.reverse();
    let key = portfolio_key(&format!("{} ministry", portfolio.join(" ")), country_words)?;
    let country = country_word.and_then(|cw| {
        entities
            .iter()
            .find(|e| {
                e.kind == EntityKind::Country
                    && e.forms
                        .iter()
                        .chain(std::iter::once(&e.name))
                        .any(|f| text::fold(f) == cw)
            })
            .map(|e| e.id.clone())
    });
    let matching: Vec<usize> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.etype == EntityType::Org
                && portfolio_key(&e.name, country_words).as_deref() == Some(key.as_str())
                && (country.is_none() || e.country == country)
        })
        .map(|(i, _)| i)
        .collect();
    match (matching.as_slice(), country) {
        ([one], _) => Some(*one),
        ([], Some(c)) => {
            let country_name = entities
                .iter()
                .find(|e| e.id == c)
                .map(|e| e.name.clone())?;
            entities.push(crate::agency::body(&c, &country_name, &key, Vec::new()));
            Some(entities.len() - 1)
        }
        _ => None,
    }
}

/// "ministry spokesman", "company spokeswoman": the nearest body of that kind
/// named before the source.
fn institution_body(
    ws: &[String],
    a: &Analysis,
    before: usize,
    entities: &[EntityFact],
) -> Option<usize> {
    let (noun, kinds): (&str, &[EntityKind]) = match INSTITUTIONS
        .iter()
        .find(|(noun, _)| ws.iter().any(|w| w == noun))
    {
        Some((n, k)) => (n, k),
        None => {
            let n = ws.iter().find_map(|w| {
                crate::bodies::HEADS
                    .iter()
                    .find(|(h, _)| h == w)
                    .map(|(h, _)| *h)
            })?;
            (n, &[])
        }
    };
    let mut best: Option<(usize, usize)> = None;
    for (i, e) in a.entities.iter().enumerate() {
        let named = text::words(&e.name).iter().any(|w| w == noun);
        let fits = named
            || (kinds.contains(&e.kind) && !matches!(noun, "ministry" | "police" | "inspectorate"));
        if !fits || e.etype != EntityType::Org {
            continue;
        }
        if let Some(last) = e
            .mentions
            .iter()
            .filter(|m| m.span.end <= before)
            .map(|m| m.span.end)
            .max()
            && best.is_none_or(|(_, at)| last > at)
        {
            best = Some((i, last));
        }
    }
    best.map(|(i, _)| i).or_else(|| {
        // A body known only by description ("the service's director").
        let described: Vec<usize> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.id.starts_with("body:") && e.name.split(' ').next_back() == Some(noun)
            })
            .map(|(i, _)| i)
            .collect();
        match described.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    })
}
