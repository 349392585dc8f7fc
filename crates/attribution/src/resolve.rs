//! Source resolution: which entity a source is, and what kind of source it is.
//!
//! A source that names an entity takes the mention stage's entity. Pronouns
//! ("he", "they") and definite descriptions ("the newspaper", "the agency")
//! take the nearest fitting entity before them; a bare surname takes the
//! person whose name ends with it. What stays unresolved is classified from
//! its head word ("sources" → anonymous group, "the report" → document).

use crate::view::DocView;
use hearsay_core::{Analysis, Entity, EntityKind, EntityType, Source, SourceKind};

/// Pronouns that refer to a person.
const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "who", "i", "me"];
/// Pronouns that refer to a group or an organization.
const GROUP_PRONOUNS: &[&str] = &["they", "them", "it", "we", "us"];
/// Head nouns of a definite description of a news outlet.
const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "paper",
    "outlet",
    "network",
    "broadcaster",
    "magazine",
    "publication",
    "channel",
    "site",
    "website",
    "daily",
    "tabloid",
    "agency",
];
/// Head nouns of a definite description of a government body.
const AGENCY_NOUNS: &[&str] = &[
    "agency",
    "ministry",
    "department",
    "service",
    "office",
    "intelligence",
    "police",
    "government",
    "administration",
    "military",
    "army",
    "court",
    "council",
    "committee",
    "commission",
    "bureau",
    "directorate",
    "pentagon",
    "kremlin",
    "regime",
    "cabinet",
];
/// Head nouns of a definite description of another organization.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "organization",
    "university",
    "institute",
    "campaign",
    "party",
    "foundation",
    "center",
    "union",
    "bank",
    "corporation",
    "think",
];
/// Head nouns of documents.
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "study",
    "poll",
    "survey",
    "document",
    "documents",
    "filing",
    "memo",
    "statement",
    "letter",
    "analysis",
    "data",
    "email",
    "emails",
    "record",
    "records",
    "ad",
    "video",
    "book",
    "article",
    "review",
    "investigation",
    "assessment",
    "findings",
    "research",
    "transcript",
    "tweet",
    "post",
    "release",
    "complaint",
    "lawsuit",
    "ruling",
    "order",
    "plan",
    "bill",
    "audit",
    "estimate",
    "estimates",
    "figures",
    "numbers",
    "polls",
    "surveys",
    "reports",
];
/// Head nouns of unnamed people.
const ANONYMOUS_NOUNS: &[&str] = &[
    "source",
    "official",
    "person",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "insider",
    "agent",
    "expert",
    "analyst",
    "diplomat",
    "resident",
    "witness",
    "officer",
    "lawyer",
    "attorney",
    "someone",
    "observer",
    "critic",
    "supporter",
    "voter",
    "people",
    "member",
    "staffer",
    "strategist",
    "economist",
    "researcher",
    "scientist",
    "activist",
    "leader",
    "executive",
    "employee",
    "doctor",
    "man",
    "woman",
    "reader",
    "viewer",
    "resident",
    "student",
    "worker",
    "democrat",
    "republican",
    "historian",
];

/// What resolution found for one source.
pub(crate) struct Resolved {
    /// The entity id, when known.
    pub entity: Option<String>,
    /// The kind of source.
    pub kind: SourceKind,
    /// The role or affiliation the text gives the source.
    pub role: Option<String>,
    /// True when the source refers back (pronoun, description) and no referent was found.
    pub dangling: bool,
}

/// The source kind an entity makes.
pub(crate) fn kind_of_entity(e: &Entity) -> SourceKind {
    match e.kind {
        EntityKind::Person => SourceKind::NamedPerson,
        EntityKind::NewsOutlet => SourceKind::NewsOutlet,
        EntityKind::GovernmentAgency | EntityKind::MilitaryUnit => SourceKind::GovernmentAgency,
        EntityKind::Country | EntityKind::City | EntityKind::Region => SourceKind::GovernmentAgency,
        EntityKind::Group => SourceKind::AnonymousGroup,
        EntityKind::Company
        | EntityKind::University
        | EntityKind::ThinkTank
        | EntityKind::InternationalOrganization
        | EntityKind::PoliticalParty
        | EntityKind::Ngo
        | EntityKind::Organization => SourceKind::Organization,
        EntityKind::Location | EntityKind::Other => match e.etype {
            EntityType::Person => SourceKind::NamedPerson,
            EntityType::Org => SourceKind::Organization,
            _ => SourceKind::Unknown,
        },
    }
}

fn lower(v: &DocView, i: usize) -> String {
    v.form(i).to_lowercase()
}

/// Entities with a mention overlapping tokens `a..b`, with the mention's first token.
fn entities_in<'e>(an: &'e Analysis, v: &DocView, a: usize, b: usize) -> Vec<(&'e Entity, usize)> {
    let span = v.span_of(a, b);
    let mut out = Vec::new();
    for e in &an.entities {
        for m in &e.mentions {
            if m.span.overlaps(&span) {
                let first = v.toks.partition_point(|t| t.span.end <= m.span.start);
                out.push((e, first));
            }
        }
    }
    out
}

/// The nearest entity mentioned before token `before` that `fits`.
fn antecedent<'e>(
    an: &'e Analysis,
    v: &DocView,
    before: usize,
    fits: impl Fn(&Entity) -> bool,
) -> Option<&'e Entity> {
    let limit = v.toks[before].span.start;
    an.entities
        .iter()
        .filter(|e| fits(e))
        .filter_map(|e| {
            e.mentions
                .iter()
                .filter(|m| m.span.end <= limit)
                .map(|m| m.span.start)
                .max()
                .map(|s| (s, e))
        })
        .max_by_key(|(s, _)| *s)
        .map(|(_, e)| e)
}

/// The source kind a head word suggests, when no entity is known.
fn kind_of_words(v: &DocView, head: usize, a: usize, b: usize) -> SourceKind {
    let w = lower(v, head);
    let lemma = v.lemma_str(head).to_lowercase();
    let plural = v.toks[head].pos.ends_with('S') && v.toks[head].pos.starts_with("NN");
    let ner_in = |label: &str| (a..b).any(|i| v.ner[i] == crate::hash::hash_str(label));
    if DOCUMENT_NOUNS.contains(&w.as_str()) {
        return SourceKind::Document;
    }
    if OUTLET_NOUNS.contains(&w.as_str()) && w != "agency" {
        return SourceKind::NewsOutlet;
    }
    if AGENCY_NOUNS.contains(&w.as_str()) && !v.toks[head].pos.starts_with("NNP") {
        return SourceKind::GovernmentAgency;
    }
    if ANONYMOUS_NOUNS.contains(&lemma.as_str()) || ANONYMOUS_NOUNS.contains(&w.as_str()) {
        if ner_in("PERSON") {
            return SourceKind::NamedPerson;
        }
        return if plural || w == "people" {
            SourceKind::AnonymousGroup
        } else {
            SourceKind::AnonymousPerson
        };
    }
    if ner_in("PERSON") {
        return SourceKind::NamedPerson;
    }
    if AGENCY_NOUNS.contains(&w.as_str()) {
        return SourceKind::GovernmentAgency;
    }
    if ner_in("ORGANIZATION") {
        return SourceKind::Organization;
    }
    if plural {
        return SourceKind::AnonymousGroup;
    }
    SourceKind::Unknown
}

/// The source's role: its words outside the name (an apposition, a title before the name).
fn role_of(v: &DocView, a: usize, b: usize, name: (usize, usize)) -> Option<String> {
    if name.0 <= a && name.1 >= b {
        return None;
    }
    let text = v.text;
    let before = (name.0 > a).then(|| v.span_of(a, name.0));
    let after = (name.1 < b).then(|| v.span_of(name.1, b));
    let pick = match (before, after) {
        (_, Some(s)) if s.len() > 3 => s,
        (Some(s), _) => s,
        (_, Some(s)) => s,
        _ => return None,
    };
    let t = pick
        .text(text)
        .trim_matches(|c: char| c.is_whitespace() || ",;:()—–-".contains(c));
    let t = t
        .strip_prefix("a ")
        .or_else(|| t.strip_prefix("an "))
        .or_else(|| t.strip_prefix("the "))
        .or_else(|| t.strip_prefix("The "))
        .unwrap_or(t);
    (t.chars().filter(|c| c.is_alphanumeric()).count() >= 3).then(|| t.to_string())
}

/// Resolve the source on tokens `a..b`.
pub(crate) fn resolve(an: &Analysis, v: &DocView, a: usize, b: usize) -> Resolved {
    let head = v.top_of(a, b);
    let w = lower(v, head);
    let inside = entities_in(an, v, a, b);
    // A person named inside the source wins over a role noun heading it
    // ("The head of the Ukrainian Intelligence … Kyrylo Budanov").
    let person = inside.iter().find(|(e, _)| e.kind == EntityKind::Person);
    let at_head = inside.iter().find(|(e, _)| {
        e.mentions
            .iter()
            .any(|m| m.span.contains(&v.toks[head].span))
    });
    let chosen = match (at_head, person) {
        (Some(h), _) if h.0.kind == EntityKind::Person => Some(*h),
        (_, Some(p)) => Some(*p),
        (Some(h), None) => Some(*h),
        (None, None) => inside
            .first()
            .copied()
            .filter(|_| v.toks[head].pos.starts_with("NNP")),
    };
    if let Some((e, _)) = chosen {
        let m = e
            .mentions
            .iter()
            .find(|m| m.span.overlaps(&v.span_of(a, b)))
            .expect("the entity was found by a mention in the source");
        let lo = v.toks.partition_point(|t| t.span.end <= m.span.start);
        let hi = v.toks.partition_point(|t| t.span.start < m.span.end);
        // A plural common noun with a name inside ("Babel sources") is a group, not the name.
        let plural_head = v.toks[head].pos == "NNS" && !(lo..hi).contains(&head);
        if !plural_head {
            return Resolved {
                entity: Some(e.id.clone()),
                kind: kind_of_entity(e),
                role: role_of(v, a, b, (lo, hi)),
                dangling: false,
            };
        }
    }
    let single = b - a == 1 || (b - a == 2 && v.punct[b - 1]);
    if single && PERSON_PRONOUNS.contains(&w.as_str()) {
        let e = antecedent(an, v, a, |e| e.kind == EntityKind::Person);
        return Resolved {
            entity: e.map(|e| e.id.clone()),
            kind: SourceKind::NamedPerson,
            role: None,
            dangling: e.is_none(),
        };
    }
    if single && GROUP_PRONOUNS.contains(&w.as_str()) {
        let e = antecedent(an, v, a, |e| {
            e.kind != EntityKind::Person && e.etype == EntityType::Org
        });
        return Resolved {
            entity: e.map(|e| e.id.clone()),
            kind: e.map_or(SourceKind::AnonymousGroup, kind_of_entity),
            role: None,
            dangling: false,
        };
    }
    // "the newspaper", "the agency", "the company": the latest entity of that kind.
    let definite = a < b && matches!(lower(v, a).as_str(), "the" | "this" | "that");
    if definite && b - a <= 3 {
        let wants: Option<&[EntityKind]> = if OUTLET_NOUNS.contains(&w.as_str()) {
            Some(&[EntityKind::NewsOutlet])
        } else if AGENCY_NOUNS.contains(&w.as_str()) {
            Some(&[EntityKind::GovernmentAgency, EntityKind::MilitaryUnit])
        } else if ORG_NOUNS.contains(&w.as_str()) {
            Some(&[
                EntityKind::Company,
                EntityKind::University,
                EntityKind::ThinkTank,
                EntityKind::Organization,
                EntityKind::Ngo,
                EntityKind::PoliticalParty,
            ])
        } else {
            None
        };
        if let Some(kinds) = wants {
            // "The agency" is an outlet only where no government body came before.
            let e = antecedent(an, v, a, |e| kinds.contains(&e.kind)).or_else(|| {
                (w == "agency")
                    .then(|| antecedent(an, v, a, |e| e.kind == EntityKind::NewsOutlet))
                    .flatten()
            });
            if let Some(e) = e {
                return Resolved {
                    entity: Some(e.id.clone()),
                    kind: kind_of_entity(e),
                    role: None,
                    dangling: false,
                };
            }
        }
    }
    // A bare surname: the person whose name ends with it.
    if single && v.toks[head].pos.starts_with("NNP") {
        let form = v.form(head);
        let e = an.entities.iter().find(|e| {
            e.kind == EntityKind::Person
                && e.name.split_whitespace().last() == Some(form)
                && e.name.len() > form.len()
        });
        if let Some(e) = e {
            return Resolved {
                entity: Some(e.id.clone()),
                kind: SourceKind::NamedPerson,
                role: None,
                dangling: false,
            };
        }
    }
    Resolved {
        entity: None,
        kind: kind_of_words(v, head, a, b),
        role: None,
        dangling: false,
    }
}

/// Fill in a source's entity, kind and role.
pub(crate) fn apply(src: &mut Source, r: Resolved) {
    src.entity = r.entity;
    src.kind = r.kind;
    src.role = r.role;
}
