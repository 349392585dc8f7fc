//! Entities across articles: the same person, body, place or outlet linked
//! into one, with every surface form as an alias and the misspellings flagged.
//!
//! Links are decided pair by pair from the names alone (so the result does not
//! depend on the order articles arrive), strongest evidence first:
//! * the same name, folded (`Velmora` / `VELMORA`), or the same body and country
//!   (`Marovia's defence ministry` / `Marovian Ministry of Defence`);
//! * an acronym and the initials of a name (`CESA` / `Centre for Eastern Security Analysis`);
//! * a person's name spelled differently (`Pavel` / `Pavol Serdan`, `Habrecht` / `Habrekt`);
//! * a short form — a surname alone, an outlet's last word (`The Courier`) — when
//!   exactly one entity carries it, so that two people sharing a surname stay apart.

use crate::agency::portfolio_key;
use crate::facts::{DocFacts, EntityFact};
use crate::graph::{GraphEntity, stable_id};
use crate::text;
use hearsay_core::{EntityKind, EntityType};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Honorifics and ranks before a name.
const HONORIFICS: &[&str] = &[
    "adm", "capt", "col", "dr", "gen", "gov", "lt", "maj", "mr", "mrs", "ms", "prof", "rep", "sen",
    "sgt", "sir",
];

/// Words that cannot name a body on their own ("Ministry", "Security").
const GENERIC_ORG_WORDS: &[&str] = &[
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "centre",
    "center",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "federation",
    "force",
    "forces",
    "group",
    "institute",
    "international",
    "laboratory",
    "lab",
    "ministry",
    "national",
    "office",
    "organization",
    "organisation",
    "party",
    "police",
    "security",
    "service",
    "union",
    "university",
];

/// One article entity, as a node to link.
struct Node<'d> {
    doc: usize,
    fact: &'d EntityFact,
    /// Folded name words without honorifics (persons) or the article.
    words: Vec<String>,
}

/// The result of linking: the entities and which article entity went where.
pub struct Linked {
    /// The linked entities, sorted by id.
    pub entities: Vec<GraphEntity>,
    /// `(document index, article entity id)` → index into `entities`.
    pub of: HashMap<(usize, String), usize>,
}

impl Linked {
    /// The linked entity of an article entity.
    pub fn get(&self, doc: usize, local: &str) -> Option<&GraphEntity> {
        self.of
            .get(&(doc, local.to_string()))
            .map(|&i| &self.entities[i])
    }

    /// The id of the linked entity of an article entity.
    pub fn id(&self, doc: usize, local: &str) -> Option<String> {
        self.get(doc, local).map(|e| e.id.clone())
    }
}

/// The article entities of `docs`, and the outlets their metadata and
/// datelines name, linked into entities.
pub fn link(docs: &[DocFacts]) -> Linked {
    let outlets: Vec<Vec<EntityFact>> = docs.iter().map(outlet_entities).collect();
    let mut nodes: Vec<Node> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for fact in doc.entities.iter().chain(&outlets[d]) {
            let words = name_words(fact);
            nodes.push(Node {
                doc: d,
                fact,
                words,
            });
        }
    }
    let mut uf = UnionFind::new(nodes.len());
    let country_names = country_names(docs);
    // Exact keys: one name folded, one body of one country, acronym = initials.
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        for key in exact_keys(n, &country_names) {
            by_key.entry(key).or_default().push(i);
        }
    }
    for members in by_key.values() {
        for w in members.windows(2) {
            uf.union(w[0], w[1]);
        }
    }
    // Person names spelled differently: each distinct name compared within a
    // bucket of its surname's first letter (equal names are linked already).
    let mut persons: BTreeMap<char, BTreeMap<&[String], usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.fact.etype == EntityType::Person
            && n.words.len() >= 2
            && let Some(c) = n.words.last().and_then(|w| w.chars().next())
        {
            persons
                .entry(c)
                .or_default()
                .entry(n.words.as_slice())
                .or_insert(i);
        }
    }
    for names in persons.values() {
        let bucket: Vec<usize> = names.values().copied().collect();
        for (x, &i) in bucket.iter().enumerate() {
            for &j in &bucket[x + 1..] {
                if person_variant(&nodes[i].words, &nodes[j].words) {
                    uf.union(i, j);
                }
            }
        }
    }
    // Short forms: linked when exactly one group carries them.
    let index = ShortIndex::new(&nodes);
    let shorts: Vec<(usize, Vec<usize>)> = nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let targets = short_form_targets(i, n, &nodes, &index);
            (!targets.is_empty()).then_some((i, targets))
        })
        .collect();
    for (i, targets) in shorts {
        let roots: BTreeSet<usize> = targets.iter().map(|&t| uf.find(t)).collect();
        if roots.len() == 1 {
            uf.union(i, targets[0]);
        }
    }
    build(docs, &nodes, &mut uf)
}

/// The outlets an article's metadata and dateline name, as article entities.
fn outlet_entities(doc: &DocFacts) -> Vec<EntityFact> {
    let mut out: Vec<EntityFact> = Vec::new();
    let names = doc
        .outlet
        .iter()
        .chain(doc.dateline.as_ref().and_then(|d| d.wire.as_ref()));
    for name in names {
        let key = text::name_key(name);
        if key.is_empty() || out.iter().any(|e| text::name_key(&e.name) == key) {
            continue;
        }
        out.push(EntityFact {
            id: outlet_local_id(name),
            name: name.clone(),
            etype: EntityType::Org,
            kind: EntityKind::NewsOutlet,
            forms: vec![name.clone()],
            count: 1,
            country: None,
            roles: Vec::new(),
            affiliation: None,
        });
    }
    out
}

/// The article-level id given to an outlet named by metadata or a dateline.
pub fn outlet_local_id(name: &str) -> String {
    format!("outlet:{}", text::name_key(name).replace(' ', "-"))
}

/// Folded name words of an entity: honorifics dropped for persons, a leading
/// article dropped for the rest.
fn name_words(fact: &EntityFact) -> Vec<String> {
    let mut ws = text::words(&fact.name);
    if fact.etype == EntityType::Person {
        while ws.len() > 1 && HONORIFICS.contains(&ws[0].as_str()) {
            ws.remove(0);
        }
    } else if ws.first().is_some_and(|w| w == "the") {
        ws.remove(0);
    }
    ws
}

/// Every country's article entity name key, by `(document, article id)`.
fn country_names(docs: &[DocFacts]) -> HashMap<(usize, String), String> {
    let mut out = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for e in &doc.entities {
            if e.kind == EntityKind::Country {
                out.insert((d, e.id.clone()), text::name_key(&e.name));
            }
        }
    }
    out
}

/// The keys on which two article entities are the same without doubt.
fn exact_keys(n: &Node, countries: &HashMap<(usize, String), String>) -> Vec<String> {
    let f = n.fact;
    let mut keys = Vec::new();
    if f.etype == EntityType::Person {
        match n.words.len() {
            0 => {}
            // A one-word "person" is as often a place or body the NER mistook.
            1 => keys.push(format!("n:{}", n.words[0])),
            _ => {
                keys.push(format!("p:{}", n.words.join(" ")));
                // A full name typed as a person in one article and a body in another is one.
                keys.push(format!("n:{}", n.words.join(" ")));
            }
        }
        return keys;
    }
    let country = f
        .country
        .as_ref()
        .and_then(|c| countries.get(&(n.doc, c.clone())));
    let country_words: Vec<String> = country
        .map(|c| c.split(' ').map(str::to_string).collect())
        .unwrap_or_default();
    if let Some(c) = country
        && let Some(p) = portfolio_key(&f.name, &country_words)
    {
        keys.push(format!("agency:{c}:{p}"));
        return keys;
    }
    if portfolio_key(&f.name, &[]).is_some() && is_generic_name(&n.words) {
        return keys;
    }
    for form in f.forms.iter().chain(std::iter::once(&f.name)) {
        let k = text::name_key(form);
        if k.is_empty() || is_generic_name(&text::words(&k)) {
            continue;
        }
        if text::is_acronym(form.trim()) {
            keys.push(format!("acr:{k}"));
        } else {
            // A people's plural names the people of its country ("Tervanians").
            if f.etype == EntityType::Misc
                && !k.contains(' ')
                && let Some(stem) = k.strip_suffix('s')
            {
                keys.push(format!("n:{stem}"));
            }
            keys.push(format!("n:{k}"));
            let initials = text::initials(form);
            if initials.len() >= 3 && form.split_whitespace().count() >= 3 {
                keys.push(format!("acr:{initials}"));
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// All words generic ("the ministry", "Security Service").
fn is_generic_name(words: &[String]) -> bool {
    words
        .iter()
        .all(|w| GENERIC_ORG_WORDS.contains(&w.as_str()) || w == "of" || w == "the" || w == "for")
}

/// Two full person names that are one person spelled differently: one part
/// equal and the other a spelling variant (or an initial of it).
fn person_variant(a: &[String], b: &[String]) -> bool {
    let (fa, la) = (&a[0], a.last().expect("two words"));
    let (fb, lb) = (&b[0], b.last().expect("two words"));
    let first_ok = fa == fb
        || text::spelling_variant(fa, fb)
        || (fa.len() == 1 && fb.starts_with(fa.as_str()))
        || (fb.len() == 1 && fa.starts_with(fb.as_str()));
    let last_ok = text::spelling_variant(la, lb);
    first_ok && last_ok && (fa == fb || la == lb)
}

/// The nodes a short form could stand for: a surname alone for full names of
/// that surname (or a variant of it); one distinctive word for the body or
/// outlet whose name starts or ends with it.
fn short_form_targets(i: usize, n: &Node, nodes: &[Node], index: &ShortIndex) -> Vec<usize> {
    let mut out: BTreeSet<usize> = BTreeSet::new();
    if n.fact.id.starts_with("body:") {
        // A described body ("the emergency service", "the health ministry") names a
        // body whose name ends so, or the one body of that portfolio.
        if let Some(last) = n.words.last() {
            for &j in index.by_edge.get(last).into_iter().flatten() {
                let m = &nodes[j];
                if j != i
                    && m.fact.etype == EntityType::Org
                    && m.words.len() > n.words.len()
                    && m.words.ends_with(&n.words)
                {
                    out.insert(j);
                }
            }
        }
        if let Some(p) = portfolio_key(&n.fact.name, &[]) {
            out.extend(
                index
                    .by_portfolio
                    .get(&p)
                    .into_iter()
                    .flatten()
                    .filter(|&&j| j != i),
            );
        }
        return out.into_iter().collect();
    }
    if n.words.len() != 1 {
        return Vec::new();
    }
    let w = &n.words[0];
    if n.fact.etype == EntityType::Person {
        let first = w.chars().next().unwrap_or(' ');
        for &j in index.persons.get(&first).into_iter().flatten() {
            if j != i && text::spelling_variant(w, nodes[j].words.last().expect("two words")) {
                out.insert(j);
            }
        }
    } else {
        for &j in index.by_edge.get(w).into_iter().flatten() {
            if j != i && short_of(n, w, &nodes[j]) {
                out.insert(j);
            }
        }
    }
    out.into_iter().collect()
}

/// Where short forms find the names they may stand for.
struct ShortIndex {
    /// Names of two or more words, by their first and by their last word.
    by_edge: HashMap<String, Vec<usize>>,
    /// Persons with a full name, by the first letter of their surname.
    persons: HashMap<char, Vec<usize>>,
    /// Named bodies (not described ones), by portfolio key.
    by_portfolio: HashMap<String, Vec<usize>>,
}

impl ShortIndex {
    fn new(nodes: &[Node]) -> Self {
        let mut index = ShortIndex {
            by_edge: HashMap::new(),
            persons: HashMap::new(),
            by_portfolio: HashMap::new(),
        };
        for (j, m) in nodes.iter().enumerate() {
            if m.words.len() >= 2 {
                let (first, last) = (&m.words[0], m.words.last().expect("two words"));
                index.by_edge.entry(first.clone()).or_default().push(j);
                if last != first {
                    index.by_edge.entry(last.clone()).or_default().push(j);
                }
                if m.fact.etype == EntityType::Person
                    && let Some(c) = last.chars().next()
                {
                    index.persons.entry(c).or_default().push(j);
                }
            }
            if m.fact.etype == EntityType::Org
                && !m.fact.id.starts_with("body:")
                && let Some(p) = portfolio_key(m.fact.name.split(" (").next().unwrap_or(""), &[])
            {
                index.by_portfolio.entry(p).or_default().push(j);
            }
        }
        index
    }
}

/// `w`, the one word of `n`, is a short form of `m`'s name.
fn short_of(n: &Node, w: &str, m: &Node) -> bool {
    let outlet = n.fact.kind == EntityKind::NewsOutlet || m.fact.kind == EntityKind::NewsOutlet;
    let places = |t: EntityType| matches!(t, EntityType::Gpe | EntityType::Loc);
    let same_type = n.fact.etype == m.fact.etype
        || (places(n.fact.etype) && places(m.fact.etype))
        || n.fact.etype == EntityType::Misc;
    if m.fact.etype == EntityType::Person || !same_type {
        return false;
    }
    let edge = m.words.first().map(String::as_str) == Some(w)
        || m.words.last().map(String::as_str) == Some(w);
    edge && (outlet || !GENERIC_ORG_WORDS.contains(&w))
}

/// Union–find over node indices, the smaller index as root.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Turn the groups into entities.
fn build(docs: &[DocFacts], nodes: &[Node], uf: &mut UnionFind) -> Linked {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut entities = Vec::new();
    let mut member_of: Vec<((usize, String), usize)> = Vec::new();
    for members in groups.values() {
        let e = entity(docs, nodes, members);
        let at = entities.len();
        for &m in members {
            member_of.push(((nodes[m].doc, nodes[m].fact.id.clone()), at));
        }
        entities.push(e);
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| entities[a].id.cmp(&entities[b].id));
    let mut new_index = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<Option<GraphEntity>> = entities.into_iter().map(Some).collect();
    let entities: Vec<GraphEntity> = order
        .iter()
        .map(|&i| sorted[i].take().expect("each once"))
        .collect();
    let of = member_of
        .into_iter()
        .map(|(k, i)| (k, new_index[i]))
        .collect();
    let mut linked = Linked { entities, of };
    resolve_references(docs, &mut linked);
    affiliate_ministers(&mut linked);
    linked
}

/// One entity from its article entities.
fn entity(docs: &[DocFacts], nodes: &[Node], members: &[usize]) -> GraphEntity {
    let mut type_votes: BTreeMap<EntityType, usize> = BTreeMap::new();
    let mut kind_votes: BTreeMap<EntityKind, usize> = BTreeMap::new();
    let mut form_counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut roles: BTreeSet<String> = BTreeSet::new();
    let mut docs_seen: BTreeSet<usize> = BTreeSet::new();
    let mut keys: Vec<(String, String)> = Vec::new();
    for &m in members {
        let f = nodes[m].fact;
        let w = f.count.max(1);
        if f.etype != EntityType::Misc {
            *type_votes.entry(f.etype).or_default() += w;
        }
        if !matches!(f.kind, EntityKind::Other | EntityKind::Organization) {
            // A country the analyzer recognised (by its demonym) outweighs a guess of "city".
            let weight = if f.kind == EntityKind::Country {
                3 * w
            } else {
                w
            };
            *kind_votes.entry(f.kind).or_default() += weight;
        }
        for form in &f.forms {
            *form_counts.entry(form.clone()).or_default() += 1;
        }
        roles.extend(f.roles.iter().cloned());
        docs_seen.insert(nodes[m].doc);
        keys.push((docs[nodes[m].doc].doc.clone(), f.id.clone()));
    }
    let first = nodes[members[0]].fact;
    let mut etype = top(&type_votes).unwrap_or(first.etype);
    let kind = top(&kind_votes).unwrap_or(match first.kind {
        EntityKind::Other if etype == EntityType::Org => EntityKind::Organization,
        k => k,
    });
    etype = match kind {
        EntityKind::Country | EntityKind::City | EntityKind::Region => EntityType::Gpe,
        EntityKind::NewsOutlet | EntityKind::GovernmentAgency | EntityKind::Company => {
            EntityType::Org
        }
        EntityKind::Person => EntityType::Person,
        _ => etype,
    };
    let name = canonical_name(nodes, members, &form_counts, etype);
    let aliases: Vec<String> = form_counts.keys().cloned().collect();
    let variants = variants_of(&name, &aliases, etype);
    keys.sort();
    let id = stable_id("e", &format!("{}/{}", keys[0].0, keys[0].1));
    GraphEntity {
        id,
        name,
        etype,
        kind,
        aliases,
        variants,
        affiliation: None,
        country: None,
        roles: roles.into_iter().collect(),
        documents: docs_seen.len(),
        members: keys,
    }
}

fn top<K: Copy + Ord>(votes: &BTreeMap<K, usize>) -> Option<K> {
    votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k)
}

/// The name to show: a body's qualified name when it has one ("Ministry of
/// Defence (Marovia)"), else the most frequent full form.
fn canonical_name(
    nodes: &[Node],
    members: &[usize],
    forms: &BTreeMap<String, usize>,
    etype: EntityType,
) -> String {
    if let Some(q) = members
        .iter()
        .map(|&m| &nodes[m].fact.name)
        .filter(|n| n.ends_with(')') && n.contains(" ("))
        .min()
    {
        return q.clone();
    }
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for &m in members {
        *names.entry(nodes[m].fact.name.clone()).or_default() += nodes[m].fact.count.max(1);
    }
    for (f, c) in forms {
        *names.entry(f.clone()).or_default() += c;
    }
    names
        .into_iter()
        .filter(|(n, _)| !text::is_acronym(n.trim()) || forms.len() == 1)
        .max_by(|(a, ca), (b, cb)| {
            let words = |s: &str| {
                let n = s.split_whitespace().count();
                if etype == EntityType::Person {
                    n.min(2)
                } else {
                    n.min(3)
                }
            };
            words(a)
                .cmp(&words(b))
                .then(ca.cmp(cb))
                .then(b.len().cmp(&a.len()))
                .then(b.cmp(a))
        })
        .map(|(n, _)| n)
        .unwrap_or_else(|| nodes[members[0]].fact.name.clone())
}

/// The aliases that are spelling variants of the name: a person's other
/// spellings of the first name or surname, a body's misspelt name.
fn variants_of(name: &str, aliases: &[String], etype: EntityType) -> Vec<String> {
    let nw = text::words(name);
    let mut out = Vec::new();
    for a in aliases {
        let aw = text::words(a);
        let aw: Vec<&String> = aw
            .iter()
            .filter(|w| !HONORIFICS.contains(&w.as_str()))
            .collect();
        if aw.is_empty() || text::fold(a) == text::fold(name) {
            continue;
        }
        let differs = if etype == EntityType::Person {
            match (aw.as_slice(), nw.as_slice()) {
                ([last], [.., nl]) => *last != nl && text::spelling_variant(last, nl),
                ([af, .., al], [nf, .., nl]) => {
                    (*af != nf || *al != nl)
                        && text::spelling_variant(af, nf)
                        && text::spelling_variant(al, nl)
                }
                _ => false,
            }
        } else {
            aw.len() == nw.len()
                && aw.iter().zip(&nw).any(|(x, y)| *x != y)
                && aw
                    .iter()
                    .zip(&nw)
                    .all(|(x, y)| text::spelling_variant(x, y))
        };
        if differs {
            out.push(a.clone());
        }
    }
    out
}

/// Fill each entity's affiliation and country with entity ids (the majority
/// over its article entities).
fn resolve_references(docs: &[DocFacts], linked: &mut Linked) {
    let mut affiliation: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); linked.entities.len()];
    let mut country: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); linked.entities.len()];
    for (d, doc) in docs.iter().enumerate() {
        for f in &doc.entities {
            let Some(&me) = linked.of.get(&(d, f.id.clone())) else {
                continue;
            };
            if let Some(a) = &f.affiliation
                && let Some(&target) = linked.of.get(&(d, a.clone()))
                && target != me
            {
                *affiliation[me].entry(target).or_default() += 1;
            }
            if let Some(c) = &f.country
                && let Some(&target) = linked.of.get(&(d, c.clone()))
                && target != me
            {
                *country[me].entry(target).or_default() += 1;
            }
        }
    }
    for i in 0..linked.entities.len() {
        linked.entities[i].affiliation =
            top(&affiliation[i]).map(|t| linked.entities[t].id.clone());
        linked.entities[i].country = top(&country[i]).map(|t| linked.entities[t].id.clone());
    }
}

/// A minister named only by portfolio ("Interior Minister Anselm Grević")
/// speaks for the one body of that portfolio the articles name, when there is one.
fn affiliate_ministers(linked: &mut Linked) {
    let key_of = |e: &GraphEntity| {
        let name = e.name.split(" (").next().unwrap_or(&e.name);
        portfolio_key(name, &[])
    };
    let bodies: Vec<(String, String)> = linked
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Org)
        .filter_map(|e| key_of(e).map(|k| (k, e.id.clone())))
        .collect();
    for e in linked.entities.iter_mut() {
        if e.etype != EntityType::Person || e.affiliation.is_some() {
            continue;
        }
        let wanted: BTreeSet<String> = e
            .roles
            .iter()
            .filter_map(|r| {
                let ws = text::words(r);
                let at = ws.iter().position(|w| w == "minister")?;
                let portfolio: Vec<&str> = ws[..at]
                    .iter()
                    .rev()
                    .take_while(|w| {
                        !matches!(w.as_str(), "deputy" | "the" | "a" | "former" | "vice")
                    })
                    .map(String::as_str)
                    .collect();
                let phrase: Vec<&str> = portfolio.into_iter().rev().collect();
                portfolio_key(&format!("{} ministry", phrase.join(" ")), &[])
            })
            .collect();
        let matches: BTreeSet<&String> = bodies
            .iter()
            .filter(|(k, _)| wanted.contains(k))
            .map(|(_, id)| id)
            .collect();
        if let [one] = matches.into_iter().collect::<Vec<_>>().as_slice() {
            e.affiliation = Some((*one).clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(s: &str) -> Vec<String> {
        text::words(s)
    }

    #[test]
    fn person_spelling_variants_link_but_namesakes_do_not() {
        assert!(person_variant(&ws("Pavel Serdan"), &ws("Pavol Serdan")));
        assert!(person_variant(
            &ws("Roland Thessing"),
            &ws("Roland Tessing")
        ));
        assert!(person_variant(&ws("Anselm Grević"), &ws("Anselm Grevic")));
        assert!(!person_variant(&ws("Tom Brady"), &ws("Kevin Brady")));
        assert!(!person_variant(&ws("Pavel Serdan"), &ws("Pavol Sardin")));
    }

    #[test]
    fn variants_are_other_spellings_only() {
        let aliases: Vec<String> = ["Anneli Roskvist", "Annelie Roskvist", "Roskvist"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            variants_of("Anneli Roskvist", &aliases, EntityType::Person),
            ["Annelie Roskvist"]
        );
        let surname: Vec<String> = ["Roland Thessing", "Tessing"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            variants_of("Roland Thessing", &surname, EntityType::Person),
            ["Tessing"]
        );
    }
}
