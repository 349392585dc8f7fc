//! Public bodies named by their portfolio: "Marovia's defence ministry", "the
//! Lirenian health ministry", "Kestrian Ministry of Defence".
//!
//! Every country has a defence ministry, so such a name says which body it is
//! only with its country. [`qualify`] gives the article's agencies their
//! country (from a possessive or demonym before a mention, or inside the name)
//! and finds the lower-case forms the NER does not tag; the portfolio key
//! (`defence ministry` for "Ministry of Defence" and "defence ministry") then
//! links them across articles.

use crate::facts::{EntityFact, MentionFact};
use crate::text;
use hearsay_core::{Analysis, EntityKind, EntityType};

/// Head nouns of public and institutional bodies.
const HEADS: &[&str] = &[
    "agency",
    "authority",
    "bureau",
    "commission",
    "department",
    "directorate",
    "inspectorate",
    "laboratory",
    "ministry",
    "office",
    "police",
    "regulator",
    "service",
];

/// Words a portfolio is made of besides its head ("Ministry of the Interior").
const FILLER: &[&str] = &[
    "of", "the", "for", "and", "s", "national", "state", "federal",
];

/// The portfolio key of a body's name without its country: content words,
/// sorted, with spelling variants made one. `"Ministry of Defence"` and
/// `"defence ministry"` give `"defence ministry"`.
pub fn portfolio_key(name: &str, country_words: &[String]) -> Option<String> {
    let ws = text::words(name);
    if !ws.iter().any(|w| HEADS.contains(&w.as_str())) {
        return None;
    }
    let mut keep: Vec<String> = ws
        .into_iter()
        .filter(|w| !FILLER.contains(&w.as_str()) && !country_words.contains(w))
        .map(|w| match w.as_str() {
            "defense" => "defence".to_string(),
            "labor" => "labour".to_string(),
            "ministry" | "minister" => "ministry".to_string(),
            _ => w,
        })
        .collect();
    keep.sort();
    keep.dedup();
    (keep.len() >= 2).then(|| keep.join(" "))
}

/// True when every word of the name is a generic institutional word, so that
/// the name needs a country to say which body it is.
fn is_generic(name: &str) -> bool {
    text::words(name).iter().all(|w| {
        HEADS.contains(&w.as_str())
            || FILLER.contains(&w.as_str())
            || PORTFOLIOS.contains(&w.as_str())
    })
}

/// Portfolios of government bodies.
const PORTFOLIOS: &[&str] = &[
    "affairs",
    "agriculture",
    "civil",
    "culture",
    "cyber",
    "defence",
    "defense",
    "economy",
    "education",
    "emergency",
    "emergencies",
    "energy",
    "environment",
    "environmental",
    "finance",
    "foreign",
    "health",
    "home",
    "housing",
    "industry",
    "information",
    "intelligence",
    "interior",
    "justice",
    "labor",
    "labour",
    "protection",
    "public",
    "security",
    "trade",
    "transport",
    "treasury",
    "water",
    "welfare",
];

/// The article's country entities and the folded words that name them
/// (names, demonyms, as written).
fn countries(entities: &[EntityFact]) -> Vec<(usize, Vec<String>)> {
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.etype == EntityType::Gpe || e.kind == EntityKind::Country)
        .map(|(i, e)| {
            let mut ws: Vec<String> = e.forms.iter().flat_map(|f| text::words(f)).collect();
            ws.extend(text::words(&e.name));
            ws.sort();
            ws.dedup();
            (i, ws)
        })
        .collect()
}

/// Give the article's agencies their country, and add the bodies named only
/// by a country and a lower-case portfolio ("Marovia's defence ministry").
pub fn qualify(a: &Analysis, entities: &mut Vec<EntityFact>) {
    let text = a.text();
    let countries = countries(entities);
    if countries.is_empty() {
        return;
    }
    let all_country_words: Vec<String> = countries.iter().flat_map(|(_, w)| w.clone()).collect();
    // Named bodies: a country word inside the name or just before a mention.
    for (i, e) in a.entities.iter().enumerate() {
        if e.etype != EntityType::Org || portfolio_key(&e.name, &all_country_words).is_none() {
            continue;
        }
        let mut country = country_in(&e.name, &countries);
        let mut prefixed = Vec::new();
        for m in &e.mentions {
            let before = &text[..m.span.start];
            if let Some((c, prefix)) = country_before(before, &countries) {
                country.get_or_insert(c);
                let form = format!("{prefix}{}", m.span.text(text));
                if !prefixed.contains(&form) {
                    prefixed.push(form);
                }
            }
        }
        if let Some(c) = country {
            entities[i].country = Some(entities[c].id.clone());
            if is_generic(&e.name) {
                for f in prefixed {
                    if !entities[i].forms.contains(&f) {
                        entities[i].forms.push(f);
                    }
                }
            }
        }
    }
    // Lower-case bodies after a country: "Kestria's defence ministry".
    for found in lowercase_bodies(a, &countries) {
        let key = portfolio_key(&found.phrase, &all_country_words);
        let Some(key) = key else { continue };
        let country_id = entities[found.country].id.clone();
        let existing = entities.iter().position(|e| {
            e.etype == EntityType::Org
                && e.country.as_deref() == Some(country_id.as_str())
                && portfolio_key(&e.name, &all_country_words).as_deref() == Some(key.as_str())
        });
        let form = found.form(text);
        match existing {
            Some(i) => {
                if !entities[i].forms.contains(&form) {
                    entities[i].forms.push(form);
                }
                entities[i].count += 1;
            }
            None => {
                let country_name = entities[found.country].name.clone();
                entities.push(body(&country_id, &country_name, &key, vec![form]));
            }
        }
    }
}

/// A public body of a country, known by its portfolio key.
pub fn body(country_id: &str, country_name: &str, key: &str, forms: Vec<String>) -> EntityFact {
    EntityFact {
        id: format!("agency:{country_id}:{}", key.replace(' ', "-")),
        name: format!("{} ({country_name})", canonical(key)),
        etype: EntityType::Org,
        kind: EntityKind::GovernmentAgency,
        count: forms.len(),
        forms,
        country: Some(country_id.to_string()),
        roles: Vec::new(),
        affiliation: None,
    }
}

/// The canonical name of a portfolio key: `"defence ministry"` → "Ministry of
/// Defence", `"cyber defence agency"` → "Cyber Defence Agency".
fn canonical(key: &str) -> String {
    let title = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    let ws: Vec<&str> = key.split(' ').collect();
    if ws.contains(&"ministry") {
        let rest: Vec<String> = ws
            .iter()
            .filter(|w| **w != "ministry")
            .map(|w| title(w))
            .collect();
        return format!("Ministry of {}", rest.join(" "));
    }
    let (heads, rest): (Vec<&str>, Vec<&str>) = ws.iter().partition(|w| HEADS.contains(w));
    rest.iter()
        .chain(heads.iter())
        .map(|w| title(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The country named inside a body's name ("Kestrian Ministry of Defence").
fn country_in(name: &str, countries: &[(usize, Vec<String>)]) -> Option<usize> {
    let ws = text::words(name);
    countries
        .iter()
        .find(|(_, cw)| ws.iter().any(|w| cw.contains(w)))
        .map(|(i, _)| *i)
}

/// A country possessive or demonym right before a mention: `Marovia's ` or
/// `Kestrian `. Returns the country and the prefix as written.
fn country_before<'t>(
    before: &'t str,
    countries: &[(usize, Vec<String>)],
) -> Option<(usize, &'t str)> {
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() {
        return None;
    }
    let word_start = trimmed
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &trimmed[word_start..];
    let key = text::words(word).into_iter().next()?;
    countries
        .iter()
        .find(|(_, cw)| cw.contains(&key))
        .map(|(i, _)| (*i, &before[word_start..]))
}

/// A lower-case body found after a country word.
struct Found {
    country: usize,
    /// Where the whole form starts (the country word).
    start: usize,
    end: usize,
    /// The portfolio and head, as written.
    phrase: String,
}

impl Found {
    fn form(&self, text: &str) -> String {
        text[self.start..self.end].to_string()
    }
}

/// `COUNTRY['s] word{0,3} HEAD` with lower-case words, over the tokens.
fn lowercase_bodies(a: &Analysis, countries: &[(usize, Vec<String>)]) -> Vec<Found> {
    let text = a.text();
    let toks = &a.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let word = t.span.text(text);
        if !word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let key = text::fold(word);
        let Some(&(country, _)) = countries.iter().find(|(_, cw)| cw.contains(&key)) else {
            continue;
        };
        let mut j = i + 1;
        if toks
            .get(j)
            .is_some_and(|t| matches!(t.span.text(text), "'s" | "’s"))
        {
            j += 1;
        }
        let first = j;
        while j < toks.len() && j < first + 4 {
            let w = toks[j].span.text(text);
            if !w.chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
            if HEADS.contains(&w) {
                if j > first && (first..j).all(|k| PORTFOLIOS.contains(&toks[k].span.text(text))) {
                    out.push(Found {
                        country,
                        start: t.span.start,
                        end: toks[j].span.end,
                        phrase: text[toks[first].span.start..toks[j].span.end].to_string(),
                    });
                }
                break;
            }
            j += 1;
        }
    }
    out
}

/// Point the sources that name a body found by [`qualify`] at it
/// ("Marovia's defence ministry did not respond").
pub fn link_sources(entities: &[EntityFact], mentions: &mut [MentionFact]) {
    for m in mentions.iter_mut() {
        let Some(s) = m.source.as_mut() else { continue };
        let folded = text::fold(&s.text);
        let best = entities
            .iter()
            .filter(|e| e.id.starts_with("agency:"))
            .find(|e| e.forms.iter().any(|f| folded.contains(&text::fold(f))));
        if let Some(e) = best
            && s.entity.as_deref().is_none_or(|cur| {
                entities
                    .iter()
                    .find(|x| x.id == cur)
                    .is_none_or(|x| x.kind == EntityKind::Country || is_generic(&x.name))
            })
        {
            s.entity = Some(e.id.clone());
            s.kind = hearsay_core::SourceKind::GovernmentAgency;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portfolio_keys_meet_across_word_orders() {
        let none: Vec<String> = Vec::new();
        assert_eq!(
            portfolio_key("Ministry of Defence", &none).unwrap(),
            "defence ministry"
        );
        assert_eq!(
            portfolio_key("defence ministry", &none).unwrap(),
            "defence ministry"
        );
        assert_eq!(
            portfolio_key("Ministry of the Interior", &none).unwrap(),
            "interior ministry"
        );
        let kestria = vec!["kestrian".to_string(), "kestria".to_string()];
        assert_eq!(
            portfolio_key("Kestrian Ministry of Defense", &kestria).unwrap(),
            "defence ministry"
        );
        assert_eq!(portfolio_key("Brackenfield Security", &none), None);
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canonical("defence ministry"), "Ministry of Defence");
        assert_eq!(canonical("agency cyber defence"), "Cyber Defence Agency");
    }
}
