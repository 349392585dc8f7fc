//! Source resolution: which entity a source is, and what kind of source it is.
//!
//! A source that names an entity takes the mention stage's entity. Pronouns
//! ("he", "they") and definite descriptions ("the newspaper", "the agency")
//! take the nearest fitting entity before them; a bare surname takes the
//! person whose name ends with it. What stays unresolved is classified from
//! its head word ("sources" → anonymous group, "the report" → document).

use crate::entities::{Entities, Fits, Reporters};
use crate::gender;
use crate::view::DocView;
use hearsay_core::{Entity, EntityKind, EntityType, Source, SourceKind};
use std::collections::{HashMap, HashSet};

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
/// Head nouns of a definite description that name a kind of entity outright
/// ("the company" is any company, "the party" any party).
const KIND_NOUNS: &[(&str, EntityKind)] = &[
    ("company", EntityKind::Company),
    ("firm", EntityKind::Company),
    ("corporation", EntityKind::Company),
    ("university", EntityKind::University),
    ("party", EntityKind::PoliticalParty),
    ("tank", EntityKind::ThinkTank),
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
    /// True when a description of an outlet ("the newspaper") found an
    /// organization that reported earlier: that organization is a news outlet.
    pub outlet: bool,
}

/// Cue lemmas that make their organization source a possible outlet.
pub(crate) const REPORTING: &[&str] = &["report", "publish", "write"];

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

/// A mention overlapping a source: its entity (index and entity) and its mention index.
type Inside<'e> = (usize, &'e Entity, usize);

/// Entities with a mention overlapping tokens `a..b`, one item per such
/// mention, in entity order then mention order.
fn entities_in<'e>(ix: &Entities<'e>, v: &DocView, a: usize, b: usize) -> Vec<Inside<'e>> {
    ix.overlapping(v.span_of(a, b))
        .into_iter()
        .map(|(e, m)| (e, &ix.all()[e], m))
        .collect()
}

/// The nearest entity mentioned before token `before` that `fits`.
fn antecedent<'e>(ix: &Entities<'e>, v: &DocView, before: usize, fits: Fits) -> Option<&'e Entity> {
    ix.latest_before(v.toks[before].span.start, fits)
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

/// Words that never make a role on their own: determiners and possessive pronouns.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your",
];

/// A role's text: trimmed of edge punctuation (keeping balanced parentheses)
/// and of a leading article; `None` when nothing but function words is left.
fn clean_role(raw: &str) -> Option<String> {
    let mut t = raw.trim_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c));
    // Parentheses at an edge go only when they are unbalanced.
    loop {
        let opens = t.matches('(').count();
        let closes = t.matches(')').count();
        let trimmed = if let Some(x) = t.strip_suffix('(') {
            x
        } else if let Some(x) = t.strip_prefix(')') {
            x
        } else if let Some(x) = t.strip_suffix(')').filter(|_| closes > opens) {
            x
        } else if let Some(x) = t.strip_prefix('(').filter(|_| opens > closes) {
            x
        } else {
            break;
        };
        t = trimmed.trim_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c));
    }
    // A role wholly in parentheses loses them: "(WSJ)" → "WSJ".
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')'))
        && !inner.contains(['(', ')'])
    {
        t = inner.trim();
    }
    let mut words = t.split_whitespace();
    let first = words.next()?;
    let t = if matches!(first.to_lowercase().as_str(), "a" | "an" | "the") {
        t[first.len()..].trim_start()
    } else {
        t
    };
    let content = t
        .split_whitespace()
        .any(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()));
    (content && t.chars().filter(|c| c.is_alphanumeric()).count() >= 3).then(|| t.to_string())
}

/// The source's role: its words outside the name (an apposition, a title before the name).
fn role_of(v: &DocView, a: usize, b: usize, name: (usize, usize)) -> Option<String> {
    if name.0 <= a && name.1 >= b {
        return None;
    }
    let before = (name.0 > a)
        .then(|| clean_role(v.span_of(a, name.0).text(v.text)))
        .flatten();
    let after = (name.1 < b)
        .then(|| clean_role(v.span_of(name.1, b).text(v.text)))
        .flatten();
    match (before, after) {
        (_, Some(s)) if s.len() > 3 => Some(s),
        (Some(s), _) => Some(s),
        (_, s) => s,
    }
}

/// Is the mention on tokens `lo..hi` a possessor ("Estravia's foreign minister")?
fn possessor(v: &DocView, hi: usize) -> bool {
    hi < v.len() && matches!(v.form(hi), "'s" | "’s" | "'" | "’")
}

/// The head noun of a definite description, lowercased ("ministry" for "the defence ministry").
fn head_noun(v: &DocView, head: usize) -> String {
    let lemma = v.lemma_str(head).to_lowercase();
    if lemma.is_empty() {
        lower(v, head)
    } else {
        lemma
    }
}

/// Do tokens `a..b` name a possible source by their head: a named entity
/// there, a pronoun, or a noun of people, outlets, bodies or documents
/// ("two officials of the ministry", "Reuters"), not a topic ("her work")?
pub(crate) fn names_source(ix: &Entities, v: &DocView, a: usize, b: usize) -> bool {
    if a >= b {
        return false;
    }
    let head = v.top_of(a, b);
    let w = lower(v, head);
    let lemma = head_noun(v, head);
    let named = ix
        .holding(v.toks[head].span)
        .any(|e| kind_of_entity(&ix.all()[e]) != SourceKind::Unknown);
    let listed = |l: &[&str]| l.contains(&w.as_str()) || l.contains(&lemma.as_str());
    named
        || v.toks[head].pos.starts_with("PRP")
        || listed(ANONYMOUS_NOUNS)
        || listed(OUTLET_NOUNS)
        || listed(AGENCY_NOUNS)
        || listed(CITED_DOCUMENTS)
}

/// Documents a source may cite as its origin; narrower than [`DOCUMENT_NOUNS`],
/// whose "release" or "order" are mostly events when cited.
const CITED_DOCUMENTS: &[&str] = &[
    "report",
    "reports",
    "study",
    "studies",
    "poll",
    "polls",
    "survey",
    "surveys",
    "document",
    "documents",
    "filing",
    "memo",
    "statement",
    "letter",
    "email",
    "emails",
    "transcript",
    "tweet",
    "assessment",
    "findings",
    "audit",
    "data",
    "estimate",
    "estimates",
];

/// Resolve the source on tokens `a..b`; `reporters` are the earlier sources
/// of reporting cues, for "the newspaper" and the like.
pub(crate) fn resolve(
    ix: &Entities,
    v: &DocView,
    a: usize,
    b: usize,
    reporters: &Reporters,
) -> Resolved {
    let head = v.phrase_head(a, b);
    let w = lower(v, head);
    let inside = entities_in(ix, v, a, b);
    // The first mention of each entity overlapping the source (`inside` is in mention order).
    let mut first_mention: HashMap<usize, usize> = HashMap::new();
    for &(k, _, m) in &inside {
        first_mention.entry(k).or_insert(m);
    }
    let mention = |k: usize| &ix.all()[k].mentions[first_mention[&k]];
    let mention_end = |k: usize| {
        let m = mention(k);
        v.toks.partition_point(|t| t.span.start < m.span.end)
    };
    let mention_range = |k: usize| {
        let m = mention(k);
        (
            v.toks.partition_point(|t| t.span.end <= m.span.start),
            v.toks.partition_point(|t| t.span.start < m.span.end),
        )
    };
    // A person named inside the source wins over a role noun heading it
    // ("The head of the Ukrainian Intelligence … Kyrylo Budanov"); a possessor
    // is the person's affiliation, not the person ("Estravia's foreign minister, Ilse Korven").
    let people: Vec<_> = inside
        .iter()
        .filter(|(_, e, _)| e.kind == EntityKind::Person)
        .collect();
    let person = people
        .iter()
        .find(|(k, _, _)| !possessor(v, mention_end(*k)))
        .or(people.first())
        .copied();
    let at_head: HashSet<usize> = ix.holding(v.toks[head].span).collect();
    let at_head = inside.iter().find(|(k, _, _)| at_head.contains(k));
    let chosen = match (at_head, person) {
        (Some(h), _) if h.1.kind == EntityKind::Person => Some(*h),
        (_, Some(p)) => Some(*p),
        (Some(h), None) => Some(*h),
        // A name in the head's own phrase, not one behind a comma ("Trump,
        // speaking to a veterans group in Virginia," is not Virginia).
        (None, None) if v.toks[head].pos.starts_with("NNP") => inside
            .iter()
            .find(|(k, _, _)| {
                let (lo, hi) = mention_range(*k);
                let (from, to) = if hi <= head { (hi, head) } else { (head, lo) };
                !(from..to).any(|k| v.punct[k])
            })
            .copied(),
        (None, None) => None,
    };
    if let Some((k, e, _)) = chosen {
        let (lo, hi) = mention_range(k);
        // A plural common noun with a name inside ("Babel sources") is a group, not the name.
        let plural_head = v.toks[head].pos == "NNS" && !(lo..hi).contains(&head);
        if !plural_head {
            return Resolved {
                entity: Some(e.id.clone()),
                kind: kind_of_entity(e),
                role: role_of(v, a, b, (lo, hi)),
                dangling: false,
                outlet: false,
            };
        }
    }
    let single = b - a == 1 || (b - a == 2 && v.punct[b - 1]);
    if single && PERSON_PRONOUNS.contains(&w.as_str()) {
        let e = antecedent(ix, v, a, Fits::Person(gender::of_pronoun(&w)));
        return Resolved {
            entity: e.map(|e| e.id.clone()),
            kind: SourceKind::NamedPerson,
            role: None,
            dangling: e.is_none(),
            outlet: false,
        };
    }
    if single && GROUP_PRONOUNS.contains(&w.as_str()) {
        let e = antecedent(ix, v, a, Fits::GroupOrg);
        return Resolved {
            entity: e.map(|e| e.id.clone()),
            kind: e.map_or(SourceKind::AnonymousGroup, kind_of_entity),
            role: None,
            dangling: false,
            outlet: false,
        };
    }
    let definite = a < b && matches!(lower(v, a).as_str(), "the" | "this" | "that");
    if definite
        && b - a <= 3
        && let Some(r) = description(ix, v, a, head, reporters)
    {
        return r;
    }
    // A bare surname heading the source ("Yang", "Trump, speaking to …,"):
    // the person whose name ends with it.
    if v.toks[head].pos.starts_with("NNP")
        && let Some(e) = ix.by_surname(v.form(head))
    {
        return Resolved {
            entity: Some(e.id.clone()),
            kind: SourceKind::NamedPerson,
            role: None,
            dangling: false,
            outlet: false,
        };
    }
    Resolved {
        entity: None,
        kind: kind_of_words(v, head, a, b),
        role: None,
        dangling: false,
        outlet: false,
    }
}

/// A definite description starting at token `a` with head `head`: "the
/// newspaper" is the latest outlet or organization that reported before it;
/// "the ministry", "the fleet" the latest entity whose name has that head noun.
fn description(
    ix: &Entities,
    v: &DocView,
    a: usize,
    head: usize,
    reporters: &Reporters,
) -> Option<Resolved> {
    let w = lower(v, head);
    let noun = head_noun(v, head);
    let found = |e: &Entity, outlet: bool| Resolved {
        entity: Some(e.id.clone()),
        kind: if outlet {
            SourceKind::NewsOutlet
        } else {
            kind_of_entity(e)
        },
        role: None,
        dangling: false,
        outlet: outlet && e.kind != EntityKind::NewsOutlet,
    };
    // An entity called by this very noun ("the ministry" → "Defence Ministry").
    let by_name = antecedent(ix, v, a, Fits::NamedBy(noun.clone()));
    if let Some(e) = by_name {
        return Some(found(e, false));
    }
    if let Some(&(_, kind)) = KIND_NOUNS.iter().find(|(n, _)| *n == noun) {
        return antecedent(ix, v, a, Fits::Kind(kind)).map(|e| found(e, false));
    }
    if OUTLET_NOUNS.contains(&w.as_str()) {
        let outlet = ix.latest_before(v.toks[a].span.start, Fits::Kind(EntityKind::NewsOutlet));
        let reporter = reporters
            .latest_before(a, ix)
            .map(|(at, e)| (v.toks[at].span.start, e));
        let latest = match (outlet, reporter) {
            (Some(o), Some(r)) => Some(if r.0 > o.0 { r } else { o }),
            (o, r) => o.or(r),
        };
        if let Some((_, e)) = latest {
            return Some(found(e, true));
        }
    }
    None
}

/// Fill in a source's entity, kind and role.
pub(crate) fn apply(src: &mut Source, r: Resolved) {
    src.entity = r.entity;
    src.kind = r.kind;
    src.role = r.role;
}

#[cfg(test)]
mod tests {
    use super::clean_role;

    #[test]
    fn a_bare_determiner_is_no_role() {
        assert_eq!(clean_role("the "), None);
        assert_eq!(clean_role("The"), None);
        assert_eq!(clean_role(", its"), None);
        assert_eq!(clean_role("its director,").as_deref(), Some("its director"));
        assert_eq!(
            clean_role("a researcher at Rand").as_deref(),
            Some("researcher at Rand")
        );
    }

    #[test]
    fn parentheses_stay_balanced() {
        assert_eq!(
            clean_role("head of the Ukrainian Intelligence (known as GUR) ").as_deref(),
            Some("head of the Ukrainian Intelligence (known as GUR)")
        );
        assert_eq!(clean_role(" (WSJ)").as_deref(), Some("WSJ"));
        assert_eq!(clean_role("spokesman) (").as_deref(), Some("spokesman"));
    }
}
