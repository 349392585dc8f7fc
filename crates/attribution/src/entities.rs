//! The mention stage's entities, indexed once per document for source
//! resolution: which mentions overlap or hold a span, the latest earlier
//! mention of an entity that fits, an entity by id or by surname. Each answer
//! costs a logarithmic look-up instead of a pass over every mention, which
//! made resolution quadratic in the length of a document.

use crate::gender::{self, Gender};
use hearsay_core::{Analysis, Entity, EntityKind, EntityType, Intervals, Span};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Which entities a pronoun or description may refer back to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Fits {
    /// A person whose given name agrees with the pronoun's gender.
    Person(Option<Gender>),
    /// An organization that is not a person ("they", "it").
    GroupOrg,
    /// Anything but a person, whose name or a mention has this head noun
    /// ("the ministry" → "Defence Ministry", see [`Entities::named_by`]).
    NamedBy(String),
    /// An entity of this kind.
    Kind(EntityKind),
}

/// Mentions (start, end, entity index), sorted by start then entity.
type MentionList = Vec<(usize, usize, usize)>;

/// Entities and their mentions, indexed.
pub(crate) struct Entities<'a> {
    /// The analysis the entities belong to.
    pub an: &'a Analysis,
    /// Every mention's byte span, with its entity and mention index.
    mentions: Intervals<(usize, usize)>,
    by_id: HashMap<&'a str, usize>,
    /// Last word of a person's longer name → the first such person.
    by_surname: HashMap<&'a str, usize>,
    /// Per entity: the head nouns of its name and mentions.
    heads: Vec<HashSet<String>>,
    /// Mentions (start, end, entity) of the entities that fit, sorted by start
    /// then entity, built when first asked for.
    fitting: RefCell<HashMap<Fits, MentionList>>,
}

impl<'a> Entities<'a> {
    /// Index the entities of `an`.
    pub(crate) fn new(an: &'a Analysis) -> Self {
        let mentions = Intervals::new(an.entities.iter().enumerate().flat_map(|(e, ent)| {
            ent.mentions
                .iter()
                .enumerate()
                .map(move |(m, x)| (x.span.start..x.span.end, (e, m)))
        }));
        let mut by_id = HashMap::new();
        let mut by_surname = HashMap::new();
        for (k, e) in an.entities.iter().enumerate() {
            by_id.entry(e.id.as_str()).or_insert(k);
            if e.kind == EntityKind::Person
                && let Some(last) = e.name.split_whitespace().last()
                && e.name.len() > last.len()
            {
                by_surname.entry(last).or_insert(k);
            }
        }
        let text = an.text();
        let heads = an
            .entities
            .iter()
            .map(|e| {
                let mut seen: HashSet<&str> = HashSet::new();
                let mut heads = HashSet::new();
                let names = std::iter::once(e.name.as_str())
                    .chain(e.mentions.iter().map(|m| m.span.text(text)));
                for name in names {
                    if seen.insert(name) {
                        head_nouns(name, &mut heads);
                    }
                }
                heads
            })
            .collect();
        Entities {
            an,
            mentions,
            by_id,
            by_surname,
            heads,
            fitting: RefCell::new(HashMap::new()),
        }
    }

    /// The entities.
    pub(crate) fn all(&self) -> &'a [Entity] {
        &self.an.entities
    }

    /// The entity with this id.
    pub(crate) fn by_id(&self, id: &str) -> Option<&'a Entity> {
        self.by_id.get(id).map(|&k| &self.an.entities[k])
    }

    /// The first person (in entity order) whose name is longer than `word` and ends with it.
    pub(crate) fn by_surname(&self, word: &str) -> Option<&'a Entity> {
        self.by_surname.get(word).map(|&k| &self.an.entities[k])
    }

    /// (entity index, mention index) of every mention overlapping `span`,
    /// sorted by entity, then mention.
    pub(crate) fn overlapping(&self, span: Span) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self
            .mentions
            .overlapping(span.start..span.end)
            .map(|(_, &em)| em)
            .collect();
        out.sort_unstable();
        out
    }

    /// Entity indices with a mention holding all of `span`.
    pub(crate) fn holding(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        self.mentions
            .containing(span.start..span.end)
            .map(|(_, &(e, _))| e)
    }

    /// Does the entity's name or one of its mentions have `noun` as its head
    /// noun: the last word ("Defence Ministry", "Northern Fleet") or the word
    /// before "of" ("Ministry of Defence"), lower-cased, trailing s's trimmed?
    pub(crate) fn named_by(&self, entity: usize, noun: &str) -> bool {
        self.heads[entity].contains(noun)
    }

    /// The entity that fits whose latest mention ending by byte `limit` is the
    /// latest of all (on a tie, the later entity), with that mention's start.
    /// A mention in the byline is no antecedent: the reporter is no source
    /// ("By Ann Lee" and, later, an unresolved "She said").
    pub(crate) fn latest_before(&self, limit: usize, fits: Fits) -> Option<(usize, &'a Entity)> {
        let byline = self.an.byline;
        let mut fitting = self.fitting.borrow_mut();
        let list = fitting.entry(fits).or_insert_with_key(|fits| {
            let mut list: MentionList = self
                .an
                .entities
                .iter()
                .enumerate()
                .filter(|&(k, e)| self.fits(k, e, fits))
                .flat_map(|(k, e)| {
                    e.mentions
                        .iter()
                        .filter(|m| !byline.is_some_and(|b| b.contains(&m.span)))
                        .map(move |m| (m.span.start, m.span.end, k))
                })
                .collect();
            list.sort_unstable_by_key(|&(start, _, k)| (start, k));
            list
        });
        let before = list.partition_point(|&(start, _, _)| start <= limit);
        list[..before]
            .iter()
            .rev()
            .find(|&&(_, end, _)| end <= limit)
            .map(|&(start, _, k)| (start, &self.an.entities[k]))
    }

    fn fits(&self, k: usize, e: &Entity, fits: &Fits) -> bool {
        match fits {
            Fits::Person(g) => e.kind == EntityKind::Person && gender::agrees(*g, &e.name),
            Fits::GroupOrg => e.kind != EntityKind::Person && e.etype == EntityType::Org,
            Fits::NamedBy(noun) => e.kind != EntityKind::Person && self.named_by(k, noun),
            Fits::Kind(kind) => e.kind == *kind,
        }
    }
}

/// Add the head nouns of `name` to `out`: its last word and every word before
/// "of", lower-cased, with trailing s's trimmed ("Ministries of X" → "ministrie").
fn head_nouns(name: &str, out: &mut HashSet<String>) {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if let Some(last) = words.last() {
        out.insert(last.trim_end_matches('s').to_string());
    }
    for p in words.windows(2) {
        if p[1] == "of" {
            out.insert(p[0].trim_end_matches('s').to_string());
        }
    }
}

/// Earlier sources of reporting cues ("reported", "published", "wrote") by the
/// token where they stand: "the newspaper" may refer back to the latest.
#[derive(Debug, Default)]
pub(crate) struct Reporters {
    /// First token of the source → its entity id (the latest added at that token).
    at: BTreeMap<usize, String>,
}

impl Reporters {
    /// A source standing at token `at` reported, as entity `entity`.
    pub(crate) fn push(&mut self, at: usize, entity: String) {
        self.at.insert(at, entity);
    }

    /// The latest reporter standing before token `before` whose entity is known, with its token.
    pub(crate) fn latest_before<'a>(
        &self,
        before: usize,
        entities: &Entities<'a>,
    ) -> Option<(usize, &'a Entity)> {
        self.at
            .range(..before)
            .rev()
            .find_map(|(&at, id)| entities.by_id(id).map(|e| (at, e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::{Document, Mention};

    fn entity(id: &str, name: &str, kind: EntityKind, spans: &[(usize, usize)]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            etype: if kind == EntityKind::Person {
                EntityType::Person
            } else {
                EntityType::Org
            },
            kind,
            mentions: spans
                .iter()
                .map(|&(a, b)| Mention {
                    span: Span::new(a, b),
                    tokens: 0..0,
                })
                .collect(),
        }
    }

    fn analysis() -> Analysis {
        let text = "The Defence Ministry said. Jane Roe said. The ministry and Roe said.";
        let mut an = Analysis::empty(Document::new(text), "test");
        an.entities = vec![
            entity(
                "m",
                "Defence Ministry",
                EntityKind::GovernmentAgency,
                &[(4, 20)],
            ),
            entity("p", "Jane Roe", EntityKind::Person, &[(27, 35), (59, 62)]),
        ];
        an
    }

    #[test]
    fn the_latest_fitting_mention_before_a_point_wins() {
        let an = analysis();
        let ix = Entities::new(&an);
        let found = |limit, fits| ix.latest_before(limit, fits).map(|(_, e)| e.id.as_str());
        assert_eq!(found(45, Fits::Person(None)), Some("p"));
        assert_eq!(found(30, Fits::Person(None)), None);
        assert_eq!(found(45, Fits::NamedBy("ministry".into())), Some("m"));
        assert_eq!(found(45, Fits::NamedBy("roe".into())), None);
        assert_eq!(
            found(45, Fits::Kind(EntityKind::GovernmentAgency)),
            Some("m")
        );
    }

    #[test]
    fn look_ups_by_id_surname_and_span() {
        let an = analysis();
        let ix = Entities::new(&an);
        assert_eq!(ix.by_id("p").map(|e| e.name.as_str()), Some("Jane Roe"));
        assert_eq!(ix.by_surname("Roe").map(|e| e.id.as_str()), Some("p"));
        assert!(ix.by_surname("Jane").is_none());
        assert_eq!(ix.overlapping(Span::new(10, 30)), [(0, 0), (1, 0)]);
        assert_eq!(ix.holding(Span::new(60, 61)).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn the_latest_reporter_before_a_token() {
        let an = analysis();
        let ix = Entities::new(&an);
        let mut r = Reporters::default();
        r.push(3, "m".into());
        r.push(9, "p".into());
        r.push(9, "m".into());
        assert_eq!(
            r.latest_before(9, &ix).map(|(at, e)| (at, e.id.as_str())),
            Some((3, "m"))
        );
        assert_eq!(r.latest_before(10, &ix).map(|(at, _)| at), Some(9));
        assert!(r.latest_before(3, &ix).is_none());
    }
}
