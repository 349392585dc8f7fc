//! Clustering selected mentions into entities: gazetteer keys, acronyms and their
//! expansions, surnames to full names, spelling variants, capitals as metonyms,
//! "<demonym> intelligence" and "the newspaper".

use super::candidates::{Describes, Origin, is_possessive};
use super::words_lists::is_locative;
use super::{Found, Selected};
use crate::lexicon::{Lexicon, Role};
use crate::words::Words;
use hearsay_core::{Entity, EntityKind, EntityType, Flag, FlagKind, Mention, Span};
use std::collections::{BTreeSet, HashMap, HashSet};

struct Ent {
    name: String,
    etype: EntityType,
    kind: EntityKind,
    country: Option<&'static str>,
    role: Option<&'static str>,
    gazetteer: bool,
    alive: bool,
}

struct Clusters {
    ents: Vec<Ent>,
    keys: HashMap<String, usize>,
    /// The entity of each selected mention, written through [`Clusters::assign`]
    /// and [`Clusters::merge`] only.
    assign: Vec<Option<usize>>,
    /// The mentions of each entity, so that a merge touches only those.
    members: Vec<Vec<usize>>,
    /// Each mention's position in text order.
    rank: Vec<usize>,
    /// The earliest position (in text order) among each entity's mentions.
    first: Vec<Option<usize>>,
}

impl Clusters {
    fn new(rank: Vec<usize>) -> Self {
        Clusters {
            ents: Vec::new(),
            keys: HashMap::new(),
            assign: vec![None; rank.len()],
            members: Vec::new(),
            rank,
            first: Vec::new(),
        }
    }

    fn get_or_add(&mut self, key: String, make: impl FnOnce() -> Ent) -> usize {
        if let Some(&e) = self.keys.get(&key) {
            return e;
        }
        self.ents.push(make());
        self.members.push(Vec::new());
        self.first.push(None);
        self.keys.insert(key, self.ents.len() - 1);
        self.ents.len() - 1
    }

    /// Give mention `i` to entity `e`.
    fn assign(&mut self, i: usize, e: Option<usize>) {
        if let Some(old) = self.assign[i] {
            // Rare: a one-word name that an acronym's use took first.
            self.members[old].retain(|&j| j != i);
            self.first[old] = self.members[old].iter().map(|&j| self.rank[j]).min();
        }
        self.assign[i] = e;
        if let Some(e) = e {
            self.members[e].push(i);
            let r = self.rank[i];
            self.first[e] = Some(self.first[e].map_or(r, |f| f.min(r)));
        }
    }

    /// Move every mention of entity `from` to `into`.
    fn merge(&mut self, from: usize, into: usize) {
        if from == into {
            return;
        }
        let moved = std::mem::take(&mut self.members[from]);
        for &i in &moved {
            self.assign[i] = Some(into);
        }
        self.members[into].extend(moved);
        if let Some(f) = self.first[from].take() {
            self.first[into] = Some(self.first[into].map_or(f, |g| g.min(f)));
        }
        self.ents[from].alive = false;
    }

    /// Does entity `e` have a mention?
    fn has_mention(&self, e: usize) -> bool {
        self.first[e].is_some()
    }
}

/// The name in words `r` without a leading "the", titles, or a trailing possessive.
fn clean<'t>(w: &Words<'t>, lex: &Lexicon, r: std::ops::Range<usize>, person: bool) -> &'t str {
    let (mut a, mut b) = (r.start, r.end);
    while b > a + 1 && is_possessive(w.w(b - 1)) {
        b -= 1;
    }
    while a + 1 < b && (w.lw(a) == "the" || (person && lex.titles.contains(w.w(a)))) {
        a += 1;
    }
    let s = w.span_of(a..b);
    let t = &w.text[s.start..s.end];
    t.trim_end_matches(['\'', '’', 'ʼ'])
        .strip_suffix("ʼs")
        .or_else(|| t.strip_suffix("'s"))
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t)
}

/// Lower-case key text: hyphens as spaces, whitespace collapsed.
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split(|c: char| c.is_whitespace() || c == '-' || c == '‐') {
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(part.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The stable id of an entity: its type and a slug of its canonical name.
pub(crate) fn entity_id(etype: EntityType, name: &str) -> String {
    let prefix = match etype {
        EntityType::Person => "person",
        EntityType::Org => "org",
        EntityType::Gpe => "gpe",
        EntityType::Loc => "loc",
        EntityType::Norp => "norp",
        EntityType::Misc => "misc",
    };
    let mut id = String::with_capacity(prefix.len() + name.len() + 1);
    id.push_str(prefix);
    id.push(':');
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !id.ends_with(':') {
                id.push('-');
            }
            dash = false;
            id.push(c);
        } else {
            dash = true;
        }
    }
    id
}

/// Kind of an organization from its head word ("… University", "Ministry of …",
/// "Radio …").
fn org_kind(w: &Words, lex: &Lexicon, r: std::ops::Range<usize>) -> EntityKind {
    // A broadcaster names itself by its medium first ("Radio Vessa", "TV Rain").
    if r.len() >= 2 && matches!(w.w(r.start), "Radio" | "Television" | "TV") {
        return EntityKind::NewsOutlet;
    }
    for k in r.clone().rev() {
        if let Some(&kind) = lex.org_heads.get(w.w(k))
            && (k + 1 == r.end || w.lw_at(k + 1) == "of")
        {
            return kind;
        }
    }
    EntityKind::Organization
}

/// "Yang" for "Young": same initial, and the same consonants or one edit apart.
pub(crate) fn is_spelling_variant(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a == b
        || a.chars().count() < 4
        || b.chars().count() < 4
        || a.chars().next() != b.chars().next()
    {
        return false;
    }
    let skeleton = |s: &str| -> String {
        let mut out: Vec<char> = s.chars().take(1).collect();
        out.extend(s.chars().skip(1).filter(|c| !"aeiouy".contains(*c)));
        out.dedup();
        out.into_iter().collect()
    };
    skeleton(&a) == skeleton(&b) || edit_distance(&a, &b) <= 1
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

pub(super) fn cluster(w: &Words, lex: &Lexicon, sel: Vec<Selected>) -> Found {
    let mut order: Vec<usize> = (0..sel.len()).collect();
    order.sort_by_key(|&i| {
        (
            sel[i].cand.span.start,
            std::cmp::Reverse(sel[i].cand.span.end),
        )
    });
    let mut rank = vec![0; sel.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut cl = Clusters::new(rank);
    let mut mtype: Vec<EntityType> = sel.iter().map(|s| s.cand.mtype).collect();
    let acronyms: Vec<(&str, usize)> = sel
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.cand.acronym.map(|a| (w.w(a), i)))
        .collect();
    let acronym_words: HashSet<&str> = acronyms.iter().map(|(a, _)| *a).collect();
    let text_of = |j: usize| &w.text[sel[j].cand.span.start..sel[j].cand.span.end];
    let mut single_persons = HashSet::new();
    let mut flags = Vec::new();

    // Pass 1: names with a key of their own.
    for &i in &order {
        let c = &sel[i].cand;
        if c.origin == Origin::Description {
            continue;
        }
        let text = &w.text[c.span.start..c.span.end];
        if let Some((e, role)) = c.entry {
            let entry = &lex.entries[e as usize];
            let as_city =
                role == Role::Capital && c.words.start > 0 && is_locative(w.lw(c.words.start - 1));
            let ent = if as_city {
                cl.get_or_add(format!("city:{}", norm(text)), || Ent {
                    name: text.to_string(),
                    etype: EntityType::Gpe,
                    kind: EntityKind::City,
                    country: entry.country,
                    role: None,
                    gazetteer: true,
                    alive: true,
                })
            } else {
                cl.get_or_add(format!("gaz:{e}"), || Ent {
                    name: entry.name.to_string(),
                    etype: entry.etype,
                    kind: entry.kind,
                    country: entry.country,
                    role: entry.role,
                    gazetteer: true,
                    alive: true,
                })
            };
            cl.assign(i, Some(ent));
            if matches!(role, Role::Capital | Role::Seat) {
                mtype[i] = EntityType::Gpe;
            }
            continue;
        }
        if c.acronym.is_none() && acronym_words.contains(text) {
            continue; // an acronym's use: joins its expansion in pass 2
        }
        if c.mtype == EntityType::Person {
            let name = clean(w, lex, c.words.clone(), true);
            if name.split_whitespace().count() < 2 {
                single_persons.insert(i);
                continue;
            }
            let key = format!("person:{}", norm(name));
            let ent = cl.get_or_add(key, || Ent {
                name: name.to_string(),
                etype: EntityType::Person,
                kind: EntityKind::Person,
                country: None,
                role: None,
                gazetteer: false,
                alive: true,
            });
            cl.assign(i, Some(ent));
            continue;
        }
        let name = clean(w, lex, c.words.clone(), false);
        let kind = if c.mtype == EntityType::Org && c.kind == EntityKind::Organization {
            org_kind(w, lex, c.words.clone())
        } else {
            c.kind
        };
        let key = format!("{}:{}", entity_id(c.mtype, ""), norm(name));
        let ent = cl.get_or_add(key, || Ent {
            name: name.to_string(),
            etype: c.mtype,
            kind,
            country: None,
            role: None,
            gazetteer: false,
            alive: true,
        });
        cl.assign(i, Some(ent));
    }

    // Pass 2: acronyms join their expansions (a gazetteer entity wins).
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for j in 0..sel.len() {
        if acronym_words.contains(text_of(j)) {
            by_text.entry(text_of(j)).or_default().push(j);
        }
    }
    for &(acr, def) in &acronyms {
        let Some(ed) = cl.assign[def] else { continue };
        let same_text = by_text.get(acr).map_or(&[][..], Vec::as_slice);
        let known = same_text
            .iter()
            .copied()
            .find(|&j| j != def && sel[j].cand.entry.is_some());
        let target = match known.and_then(|j| cl.assign[j]) {
            Some(ea) if !cl.ents[ed].gazetteer => {
                cl.merge(ed, ea);
                ea
            }
            _ => ed,
        };
        for &j in same_text {
            if cl.assign[j].is_none() && sel[j].cand.origin != Origin::Description {
                cl.assign(j, Some(target));
            }
        }
    }
    // Acronym uses whose definition has no entity get one of their own.
    for &i in &order {
        let c = &sel[i].cand;
        if cl.assign[i].is_some()
            || c.origin == Origin::Description
            || c.mtype == EntityType::Person
        {
            continue;
        }
        let text = &w.text[c.span.start..c.span.end];
        let ent = cl.get_or_add(format!("org:{}", norm(text)), || Ent {
            name: text.to_string(),
            etype: EntityType::Org,
            kind: EntityKind::Organization,
            country: None,
            role: None,
            gazetteer: false,
            alive: true,
        });
        cl.assign(i, Some(ent));
    }

    // Pass 3: surnames to full names and spelling variants (an ambiguous place name
    // read as a person, "Jordan", arrives here as a lone person: see `reading`).
    // Each full name by the word a lone mention of it would use: the last, or
    // the first for a family name written first ("Kim" of "Kim Jong Un").
    let persons_by_last = |cl: &Clusters| -> Vec<(usize, String)> {
        cl.ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.alive && e.etype == EntityType::Person)
            .filter_map(|(k, e)| {
                let mut parts = e.name.split_whitespace();
                let first = parts.next()?;
                let last = parts.next_back().or_else(|| parts.next())?;
                let family = e.name.split_whitespace().nth(1).map(|_| {
                    if lex.family_first.contains(first) {
                        first
                    } else {
                        last
                    }
                })?;
                Some((k, family.to_lowercase()))
            })
            .collect()
    };
    let first_mention = |cl: &Clusters, ent: usize| -> Option<usize> {
        cl.first[ent].map(|r| sel[order[r]].cand.span.start)
    };
    // The full names do not change in this pass: it adds one-word names only.
    let people = persons_by_last(&cl);
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_initial: HashMap<Option<char>, Vec<usize>> = HashMap::new();
    for (n, (k, last)) in people.iter().enumerate() {
        by_last.entry(last.as_str()).or_default().push(*k);
        by_initial.entry(last.chars().next()).or_default().push(n);
    }
    let mut variants_of: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &order {
        let c = &sel[i].cand;
        if !single_persons.contains(&i) {
            continue;
        }
        let name = clean(w, lex, c.words.clone(), true);
        let lname = name.to_lowercase();
        let exact: &[usize] = by_last.get(lname.as_str()).map_or(&[], Vec::as_slice);
        // The most recent full name before the mention, else the first one after it.
        let pick = |cands: &[usize], cl: &Clusters| -> Option<usize> {
            cands
                .iter()
                .copied()
                .filter(|&k| first_mention(cl, k).is_some_and(|s| s < c.span.start))
                .max_by_key(|&k| first_mention(cl, k))
                .or_else(|| cands.first().copied())
        };
        if let Some(k) = pick(exact, &cl) {
            cl.assign(i, Some(k));
            continue;
        }
        // Spelling variants share the first letter (see `is_spelling_variant`).
        let variants = variants_of.entry(lname.clone()).or_insert_with(|| {
            by_initial
                .get(&lname.chars().next())
                .into_iter()
                .flatten()
                .map(|&n| &people[n])
                .filter(|(_, last)| is_spelling_variant(last, &lname))
                .map(|(k, _)| *k)
                .collect()
        });
        if let Some(k) = pick(variants, &cl) {
            // The entity's first mention, which is not this one (not given yet).
            let full = cl.first[k].map(|r| sel[order[r]].cand.span);
            cl.assign(i, Some(k));
            flags.push((k, full, c.span, name.to_string()));
            continue;
        }
        let key = format!("person:{}", norm(name));
        let ent = cl.get_or_add(key, || Ent {
            name: name.to_string(),
            etype: EntityType::Person,
            kind: EntityKind::Person,
            country: None,
            role: None,
            gazetteer: false,
            alive: true,
        });
        cl.assign(i, Some(ent));
    }

    // Pass 4: descriptions. Mentions of living entities by kind, as positions
    // in text order (entities neither die nor change kind in this pass).
    let mut by_kind: HashMap<EntityKind, BTreeSet<usize>> = HashMap::new();
    for (j, a) in cl.assign.iter().enumerate() {
        if let Some(e) = *a
            && cl.ents[e].alive
        {
            by_kind
                .entry(cl.ents[e].kind)
                .or_default()
                .insert(cl.rank[j]);
        }
    }
    // Intelligence agencies of a country, as far as the entities go.
    let mut agencies: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &order {
        let c = &sel[i].cand;
        match &c.describes {
            Describes::Intelligence(iso) => {
                let known = agencies.entry(iso).or_insert_with(|| {
                    (0..cl.ents.len())
                        .filter(|&k| {
                            let e = &cl.ents[k];
                            e.alive
                                && e.kind == EntityKind::GovernmentAgency
                                && e.country == Some(*iso)
                                && e.role.is_some_and(|r| r.contains("intelligence"))
                        })
                        .collect()
                });
                let found = known
                    .iter()
                    .copied()
                    .filter(|&k| cl.has_mention(k))
                    .min_by_key(|&k| cl.ents[k].role != Some("intelligence"));
                let before = cl.ents.len();
                let ent = found.unwrap_or_else(|| {
                    let country = lex
                        .country(iso)
                        .map_or(*iso, |e| lex.entries[e as usize].name);
                    cl.get_or_add(format!("intelligence:{iso}"), || Ent {
                        name: format!("{country} intelligence"),
                        etype: EntityType::Org,
                        kind: EntityKind::GovernmentAgency,
                        country: Some(iso),
                        role: Some("intelligence"),
                        gazetteer: false,
                        alive: true,
                    })
                });
                if cl.ents.len() > before {
                    agencies.get_mut(iso).expect("looked up above").push(ent);
                }
                cl.assign(i, Some(ent));
                by_kind
                    .entry(cl.ents[ent].kind)
                    .or_default()
                    .insert(cl.rank[i]);
            }
            Describes::Nearest(kinds) => {
                // The latest mention ending before this one whose entity is of a kind.
                let before = order.partition_point(|&j| sel[j].cand.span.start < c.span.start);
                let target = kinds
                    .iter()
                    .filter_map(|kind| {
                        by_kind
                            .get(kind)?
                            .range(..before)
                            .rev()
                            .copied()
                            .find(|&r| sel[order[r]].cand.span.end <= c.span.start)
                    })
                    .max()
                    .map(|r| cl.assign[order[r]].expect("only assigned mentions are listed"));
                cl.assign(i, target);
                if let Some(e) = target {
                    by_kind
                        .entry(cl.ents[e].kind)
                        .or_default()
                        .insert(cl.rank[i]);
                }
            }
            Describes::Name => {}
        }
    }

    // Pass 5: one name, one entity; an unknown country named by its demonym.
    let mut retyped = unify_types(&mut cl);
    retyped.extend(type_countries_by_demonym(&mut cl));
    for (i, a) in cl.assign.iter().enumerate() {
        if let Some(e) = *a
            && retyped.contains(&e)
            && sel[i].cand.entry.is_none()
            && sel[i].cand.origin != Origin::Description
            // A demonym stays a nationality word while it joins its country.
            && !(matches!(sel[i].cand.mtype, EntityType::Misc | EntityType::Norp)
                && cl.ents[e].etype == EntityType::Gpe)
        {
            mtype[i] = cl.ents[e].etype;
        }
    }

    build(w, &sel, &order, cl, &mtype, flags)
}

/// Merge an entity outside the gazetteer typed only as a name (MISC) and a
/// place of the same name (the NER read "Varenga" once as a place and once as a
/// bare name): the type of most mentions wins, the place on a tie. A place
/// named once with a feature word ("the Varenga peninsula", LOC) and once bare
/// (GPE, a guess) is the feature. Other pairs stay apart: "Trump" the person or
/// name and "Trump" the company often differ.
/// Returns the entities that took in others.
fn unify_types(cl: &mut Clusters) -> Vec<usize> {
    let mut kept = Vec::new();
    let rank = |t: EntityType| match t {
        EntityType::Gpe => 5,
        EntityType::Org => 4,
        EntityType::Loc => 3,
        EntityType::Person => 2,
        EntityType::Norp => 1,
        EntityType::Misc => 0,
    };
    let mut count = vec![0usize; cl.ents.len()];
    for e in cl.assign.iter().flatten() {
        count[*e] += 1;
    }
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for k in 0..cl.ents.len() {
        let e = &cl.ents[k];
        if !e.alive || e.gazetteer || count[k] == 0 {
            continue;
        }
        match by_name.get(&norm(&e.name)).copied() {
            None => {
                by_name.insert(norm(&e.name), k);
            }
            Some(j)
                if is_place_and_name(cl.ents[j].etype, e.etype)
                    || is_feature_and_place(cl.ents[j].etype, e.etype) =>
            {
                let better = |a: usize, b: usize| {
                    if is_feature_and_place(cl.ents[a].etype, cl.ents[b].etype) {
                        return cl.ents[a].etype == EntityType::Loc;
                    }
                    (count[a], rank(cl.ents[a].etype)) > (count[b], rank(cl.ents[b].etype))
                };
                let (keep, drop) = if better(k, j) { (k, j) } else { (j, k) };
                cl.merge(drop, keep);
                kept.push(keep);
                count[keep] += count[drop];
                by_name.insert(norm(&cl.ents[keep].name), keep);
            }
            Some(_) => {}
        }
    }
    kept
}

/// Is one of two types a geographic feature (LOC) and the other a place (GPE)?
fn is_feature_and_place(a: EntityType, b: EntityType) -> bool {
    matches!(
        (a, b),
        (EntityType::Loc, EntityType::Gpe) | (EntityType::Gpe, EntityType::Loc)
    )
}

/// Is one of two types a place and the other a bare name?
fn is_place_and_name(a: EntityType, b: EntityType) -> bool {
    let place = |t| matches!(t, EntityType::Gpe | EntityType::Loc);
    (place(a) && b == EntityType::Misc) || (place(b) && a == EntityType::Misc)
}

/// An unknown one-word name whose demonym is also named ("Estravia" beside
/// "Estravian") is a country, whatever the NER took it for, and its demonym
/// one of its mentions, as for the countries of the gazetteer.
/// Returns the entities made countries.
fn type_countries_by_demonym(cl: &mut Clusters) -> Vec<usize> {
    let mut countries = Vec::new();
    // The names that may be demonyms, by name (entity indices in order).
    let mut names: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, e) in cl.ents.iter().enumerate() {
        if e.alive && !e.gazetteer && matches!(e.etype, EntityType::Misc | EntityType::Norp) {
            names.entry(e.name.clone()).or_default().push(k);
        }
    }
    for k in 0..cl.ents.len() {
        let e = &cl.ents[k];
        if !e.alive || e.gazetteer || e.kind == EntityKind::Country || e.name.contains(' ') {
            continue;
        }
        let found = demonyms_of(&e.name)
            .iter()
            .filter_map(|dem| names.get(dem)?.iter().copied().find(|&d| d != k))
            .min();
        let Some(d) = found else {
            continue;
        };
        let ent = &mut cl.ents[k];
        ent.etype = EntityType::Gpe;
        ent.kind = EntityKind::Country;
        cl.merge(d, k);
        countries.push(k);
    }
    countries
}

/// The regular demonyms of the place `name` ("Estravian" of "Estravia",
/// "Ukrainian" of "Ukraine", "Iraqi" and "Iraqese" of "Iraq"); not "-ian" after
/// a consonant: "Christian" is no demonym of "Christ".
fn demonyms_of(name: &str) -> Vec<String> {
    if name.chars().count() < 4 {
        return Vec::new();
    }
    if let Some(stem) = name.strip_suffix('a') {
        return vec![format!("{stem}an")];
    }
    if let Some(stem) = name.strip_suffix('e') {
        return vec![format!("{stem}ian")];
    }
    if name.ends_with(|c: char| !"aeiouy".contains(c)) {
        return vec![format!("{name}ese"), format!("{name}i")];
    }
    Vec::new()
}

fn build(
    w: &Words,
    sel: &[Selected],
    order: &[usize],
    cl: Clusters,
    mtype: &[EntityType],
    variants: Vec<(usize, Option<Span>, Span, String)>,
) -> Found {
    let mut by_ent: Vec<Vec<Mention>> = vec![Vec::new(); cl.ents.len()];
    let mut first: Vec<Option<usize>> = vec![None; cl.ents.len()];
    let mut seen: HashSet<(usize, Span)> = HashSet::new();
    for &i in order {
        let Some(e) = cl.assign[i] else { continue };
        let span = sel[i].cand.span;
        if !seen.insert((e, span)) {
            continue;
        }
        first[e].get_or_insert(span.start);
        by_ent[e].push(Mention {
            span,
            tokens: w.token_range(span),
        });
    }
    let mut ids: Vec<Option<String>> = vec![None; cl.ents.len()];
    let mut entities: Vec<(usize, Entity)> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (k, e) in cl.ents.iter().enumerate() {
        if !e.alive || by_ent[k].is_empty() {
            continue;
        }
        let id = entity_id(e.etype, &e.name);
        ids[k] = Some(id.clone());
        let mentions = std::mem::take(&mut by_ent[k]);
        if let Some(&pos) = by_id.get(&id) {
            let ent: &mut Entity = &mut entities[pos].1;
            ent.mentions.extend(mentions);
            ent.mentions.sort_by_key(|m| (m.span.start, m.span.end));
            ent.mentions.dedup_by_key(|m| m.span);
            continue;
        }
        by_id.insert(id.clone(), entities.len());
        entities.push((
            first[k].unwrap_or(usize::MAX),
            Entity {
                id,
                name: e.name.clone(),
                etype: e.etype,
                kind: e.kind,
                mentions,
            },
        ));
    }
    entities.sort_by_key(|(f, _)| *f);
    let flags = variants
        .into_iter()
        .filter_map(|(k, full, var, name)| {
            let id = ids[k].clone()?;
            let canonical = &cl.ents[k].name;
            Some(Flag {
                kind: FlagKind::NameVariant,
                entities: vec![id],
                mentions: full.into_iter().chain([var]).collect(),
                note: format!("\"{name}\" is read as {canonical}: the spelling differs"),
            })
        })
        .collect();
    let names = (0..sel.len())
        .filter(|&i| {
            let c = &sel[i].cand;
            c.origin != Origin::Description
                && sel[i]
                    .parent
                    .is_none_or(|p| sel[p].cand.origin == Origin::Description)
        })
        .map(|i| (sel[i].cand.span, mtype[i]))
        .collect();
    Found {
        entities: entities.into_iter().map(|(_, e)| e).collect(),
        flags,
        names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule [`demonyms_of`] spells out, as a test: is `dem` a regular demonym of the place `name` ("Estravian" of "Estravia",
    /// "Ukrainian" of "Ukraine", "Iraqi" of "Iraq", "Sudanese" of "Sudan")?
    fn is_demonym_of(dem: &str, name: &str) -> bool {
        if name.chars().count() < 4 {
            return false;
        }
        if let Some(stem) = name.strip_suffix('a') {
            return dem.strip_prefix(stem) == Some("an");
        }
        if let Some(stem) = name.strip_suffix('e') {
            return dem.strip_prefix(stem) == Some("ian");
        }
        // Not "-ian" after a consonant: "Christian" is no demonym of "Christ".
        name.ends_with(|c: char| !"aeiouy".contains(c))
            && dem
                .strip_prefix(name)
                .is_some_and(|rest| matches!(rest, "ese" | "i"))
    }

    #[test]
    fn ids_are_slugs_of_type_and_name() {
        assert_eq!(
            entity_id(
                EntityType::Org,
                "National Intelligence Service (South Korea)"
            ),
            "org:national-intelligence-service-south-korea"
        );
        assert_eq!(
            entity_id(EntityType::Gpe, "Côte d'Ivoire"),
            "gpe:côte-d-ivoire"
        );
    }

    #[test]
    fn the_demonyms_of_a_name_are_those_is_demonym_of_accepts() {
        for name in [
            "Estravia", "Ukraine", "Iraq", "Sudan", "Juli", "Mali", "Peru", "Chad",
        ] {
            for dem in demonyms_of(name) {
                assert!(is_demonym_of(&dem, name), "{dem} {name}");
            }
        }
        for (dem, name) in [
            ("Estravian", "Estravia"),
            ("Iraqi", "Iraq"),
            ("Sudanese", "Sudan"),
        ] {
            assert!(demonyms_of(name).contains(&dem.to_string()));
        }
        assert!(demonyms_of("Mali").is_empty() && demonyms_of("Chad").len() == 2);
    }

    #[test]
    fn demonyms() {
        assert!(is_demonym_of("Estravian", "Estravia"));
        assert!(is_demonym_of("Varengan", "Varenga"));
        assert!(is_demonym_of("Ukrainian", "Ukraine"));
        assert!(is_demonym_of("Iraqi", "Iraq"));
        assert!(!is_demonym_of("Julian", "Juli"));
        assert!(!is_demonym_of("Estravia", "Estravia"));
        assert!(!is_demonym_of("Marian", "Mari"));
        assert!(!is_demonym_of("Christian", "Christ"));
    }

    #[test]
    fn spelling_variants() {
        assert!(is_spelling_variant("Young", "Yang"));
        assert!(is_spelling_variant("Zelensky", "Zelenskyy"));
        assert!(!is_spelling_variant("Young", "Yoon"));
        assert!(!is_spelling_variant("Kim", "Kam"));
        assert!(!is_spelling_variant("Putin", "Biden"));
    }
}
