//! Place or person: a place name that is also a given name or surname ("Jordan",
//! "Chad", "Georgia") is read from the evidence around it — a title or given name
//! before it, a person of that name in the document, the pronoun that agrees with
//! it ("its" vs "his"), a locative preposition, coordination with other places,
//! the state nouns it owns, the verbs it is an argument of — and only where that
//! evidence is silent or split from the statistical NER's label.

use super::candidates::{Cand, Origin, is_possessive};
use super::words_lists::is_locative;
use crate::lexicon::{Lexicon, Role};
use crate::words::Words;
use hearsay_core::{EntityKind, EntityType, Span};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// How a place name that is also a person's name is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The person ("Jim Jordan", "Mr. Jordan", "Jordan said he …").
    Person,
    /// The place ("Jordan closed its airspace", "in Jordan").
    Place,
}

/// Weighted evidence for each reading: strong cues count 2, a weak one 1.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Evidence {
    person: u8,
    place: u8,
}

/// Decide every place name that is also a person's name, as the gazetteer or the
/// NER found it: a person reading drops the place candidates of its span (adding a
/// person candidate if no finder made one), a place reading drops the person
/// candidates (adding a place candidate if none is left).
pub(crate) fn resolve(w: &Words, lex: &Lexicon, cands: &mut Vec<Cand>) {
    // The candidates this adds are one-word rule persons, which the index leaves out.
    let index = Index::new(w, cands);
    people_the_ner_missed(w, lex, &index, cands);
    let mut targets: Vec<usize> = (0..cands.len())
        .filter(|&k| is_ambiguous_name(w, lex, &cands[k]))
        .collect();
    targets.sort_by_key(|&k| (cands[k].span.start, cands[k].span.end));
    targets.dedup_by_key(|k| cands[*k].span);
    if targets.is_empty() {
        return;
    }
    let mut by_span: HashMap<Span, Vec<usize>> = HashMap::new();
    for (j, c) in cands.iter().enumerate() {
        by_span.entry(c.span).or_default().push(j);
    }
    let mut drop = vec![false; cands.len()];
    let mut add = Vec::new();
    for k in targets {
        let c = &cands[k];
        let here = &by_span[&c.span];
        let is_person = |j: usize| cands[j].mtype == EntityType::Person;
        let ner_person = here
            .iter()
            .any(|&j| is_person(j) && cands[j].origin == Origin::Ner);
        let reading = read(w, lex, &index, c, ner_person);
        let keep = |j: usize| (reading == Reading::Person) == is_person(j);
        for &j in here {
            drop[j] |= !keep(j);
        }
        if !here.iter().any(|&j| keep(j)) {
            let mtype = match reading {
                Reading::Person => EntityType::Person,
                Reading::Place => EntityType::Gpe,
            };
            add.push(Cand::new(w, c.words.clone(), Origin::Rule, mtype));
        }
    }
    let mut k = 0;
    cands.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    cands.extend(add);
}

/// A listed name no finder took ("Florence told reporters she …", where the NER
/// saw neither a person nor a place) becomes a person when the evidence around
/// it says so; with no evidence it stays unread.
fn people_the_ner_missed(w: &Words, lex: &Lexicon, index: &Index, cands: &mut Vec<Cand>) {
    // A candidate added here covers only its own word, which the loop has passed.
    let covered: HashSet<usize> = cands.iter().flat_map(|c| c.words.clone()).collect();
    for k in 0..w.len() {
        if !w.is_cap(k) || !lex.ambiguous.contains(w.w(k)) || covered.contains(&k) {
            continue;
        }
        let c = Cand::new(w, k..k + 1, Origin::Rule, EntityType::Person);
        let e = evidence(w, lex, index, &c);
        if e.person > e.place {
            cands.push(c);
        }
    }
}

/// What [`evidence`] looks up among the candidates, indexed once so that a
/// look-up does not pass over every candidate of the document (which made
/// reading quadratic in the document's length).
struct Index<'w> {
    /// Person candidates of more than one word, by their first and by their last word.
    people_by_word: HashMap<&'w str, Vec<Range<usize>>>,
    /// First words of the place candidates that are not part of a longer person's name.
    places_starting: HashSet<usize>,
    /// Ends (exclusive) of those place candidates.
    places_ending: HashSet<usize>,
}

impl<'w> Index<'w> {
    fn new(w: &'w Words, cands: &[Cand]) -> Self {
        let people: Vec<&Cand> = cands
            .iter()
            .filter(|c| c.mtype == EntityType::Person)
            .collect();
        let mut people_by_word: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
        let mut people_over: HashMap<usize, Vec<Range<usize>>> = HashMap::new();
        for p in &people {
            for k in p.words.clone() {
                people_over.entry(k).or_default().push(p.words.clone());
            }
            if p.words.len() > 1 {
                let (first, last) = (w.w(p.words.start), w.w(p.words.end - 1));
                people_by_word
                    .entry(first)
                    .or_default()
                    .push(p.words.clone());
                if last != first {
                    people_by_word
                        .entry(last)
                        .or_default()
                        .push(p.words.clone());
                }
            }
        }
        let in_person = |o: &Cand| {
            people_over.get(&o.words.start).is_some_and(|ps| {
                ps.iter().any(|p| {
                    p.len() > o.words.len() && p.start <= o.words.start && o.words.end <= p.end
                })
            })
        };
        let places: Vec<&Cand> = cands
            .iter()
            .filter(|o| {
                o.origin == Origin::Gazetteer
                    && matches!(o.mtype, EntityType::Gpe | EntityType::Loc)
                    && !in_person(o)
            })
            .collect();
        Index {
            people_by_word,
            places_starting: places.iter().map(|o| o.words.start).collect(),
            places_ending: places.iter().map(|o| o.words.end).collect(),
        }
    }
}

/// A city or region whose exact span the NER labels ORGANIZATION is the team or
/// the institution named after it ("Cleveland beat Golden State"): its gazetteer
/// candidate is dropped, so the NER's organization stands.
pub(crate) fn organizations_named_after_places(lex: &Lexicon, cands: &mut Vec<Cand>) {
    let orgs: HashSet<Span> = cands
        .iter()
        .filter(|c| c.origin == Origin::Ner && c.mtype == EntityType::Org)
        .map(|c| c.span)
        .collect();
    if orgs.is_empty() {
        return;
    }
    cands.retain(|c| {
        let Some((e, Role::Name)) = c.entry else {
            return true;
        };
        let kind = lex.entries[e as usize].kind;
        !(c.origin == Origin::Gazetteer
            && matches!(kind, EntityKind::City | EntityKind::Region)
            && orgs.contains(&c.span))
    });
}

/// A one-word place or person name that is also the other ("Jordan"): a
/// gazetteer name of an entry marked ambiguous in the data, written as its
/// canonical name (not "Jordanian" or "Amman"), or a NER person or place span
/// of a word in that list.
fn is_ambiguous_name(w: &Words, lex: &Lexicon, c: &Cand) -> bool {
    if c.words.len() != 1 || !lex.ambiguous.contains(w.w(c.words.start)) {
        return false;
    }
    match (c.origin, c.entry) {
        (Origin::Gazetteer, Some((e, Role::Name))) => lex.entries[e as usize].ambiguous,
        (Origin::Ner, None) => matches!(
            c.mtype,
            EntityType::Person | EntityType::Gpe | EntityType::Loc
        ),
        _ => false,
    }
}

/// The reading of the ambiguous candidate `c`: the side with more evidence, else
/// the NER's label (a PERSON span is a person, anything else the place).
fn read(w: &Words, lex: &Lexicon, index: &Index, c: &Cand, ner_person: bool) -> Reading {
    let e = evidence(w, lex, index, c);
    if e.person > e.place {
        Reading::Person
    } else if e.place > e.person || !ner_person {
        Reading::Place
    } else {
        Reading::Person
    }
}

fn evidence(w: &Words, lex: &Lexicon, index: &Index, c: &Cand) -> Evidence {
    let i = c.words.start;
    let end = c.words.end;
    let word = w.w(i);
    let mut e = Evidence::default();
    // Before it: a title or a given name; a locative preposition or a verb taking a place.
    if i > 0 {
        let prev = w.w(i - 1);
        if (w.is_cap(i - 1) && lex.titles.contains(prev)) || lex.first_names.contains(prev) {
            e.person += 2;
        }
        if is_locative(w.lw(i - 1)) || takes_place_object(w.lw(i - 1)) {
            e.place += 2;
        }
    }
    // A person of that name elsewhere in the document ("Jim Jordan … Jordan said").
    let known = index
        .people_by_word
        .get(word)
        .is_some_and(|ps| ps.iter().any(|p| !p.contains(&i)));
    if known {
        e.person += 1;
    }
    // Coordinated with another place: "Egypt and Jordan", "Jordan, Syria and Iraq".
    if coordinated_with_place(w, index, c) {
        e.place += 2;
    }
    // What it owns: "Jordan's government", "Jordan's king".
    if end + 1 < w.len() && is_possessive(w.w(end)) && is_state_noun(w.lw(end + 1)) {
        e.place += 2;
    }
    // The verb it is the subject of: "Jordan borders Iraq", "Jordan resigned".
    if let Some(v) = verb_after(w, end) {
        if subject_of_place_verb(w.lw(v)) {
            e.place += 2;
        }
        if subject_of_person_verb(w.lw(v)) {
            e.person += 2;
        }
    }
    // The pronoun that agrees with it: "Jordan closed its airspace", "Jordan said he".
    match agreeing_pronoun(w, i, end) {
        Some(Reading::Place) => e.place += 2,
        Some(Reading::Person) => e.person += 2,
        None => {}
    }
    e
}

/// The first word after `end` that is a verb (past auxiliaries and adverbs), in
/// the same sentence, when nothing noun-like comes first.
fn verb_after(w: &Words, end: usize) -> Option<usize> {
    let sentence = w.sentence_of(end.checked_sub(1)?);
    let mut k = end;
    while k < w.len() && k < end + 3 && w.sentence_of(k) == sentence {
        let pos = w.pos(k);
        if pos.starts_with("VB") && !matches!(w.lw(k), "has" | "had" | "have" | "was" | "is") {
            return Some(k);
        }
        let skippable = pos.starts_with("RB")
            || pos == "MD"
            || matches!(
                w.lw(k),
                "has" | "had" | "have" | "was" | "is" | "will" | "also"
            );
        if !skippable {
            // Without a tagger, the word right after the name is taken as its verb.
            return (!w.has_pos() && k == end).then_some(k);
        }
        k += 1;
    }
    None
}

/// The possessive or reflexive pronoun that refers back to the name: through the
/// parse (a pronoun owned by the object of the verb the name is the subject of),
/// else the first pronoun shortly after it with no noun or name in between.
fn agreeing_pronoun(w: &Words, start: usize, end: usize) -> Option<Reading> {
    parse_agreement(w, end - 1).or_else(|| window_agreement(w, start, end))
}

fn pronoun_reading(lw: &str) -> Option<Reading> {
    match lw {
        "its" | "itself" => Some(Reading::Place),
        "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => {
            Some(Reading::Person)
        }
        _ => None,
    }
}

/// A pronoun after the name whose path up the parse reaches the verb the name is
/// the subject of (in at most four steps) without passing a clause with a subject
/// of its own: "Jordan closed its airspace", "Florence told reporters she …", but
/// not "Jordan said the king told his aides".
fn parse_agreement(w: &Words, head: usize) -> Option<Reading> {
    if !w.deprel(head).starts_with("nsubj") {
        return None;
    }
    let verb = w.head(head)?;
    let sentence = w.sentences.get(w.sentence_of(head))?.clone();
    let has_other_subject = |n: usize, p: usize| {
        sentence
            .clone()
            .any(|k| k != p && w.head(k) == Some(n) && w.deprel(k).starts_with("nsubj"))
    };
    sentence.clone().filter(|&p| p > head).find_map(|p| {
        let reading = pronoun_reading(w.lw(p))?;
        let mut n = w.head(p)?;
        for _ in 0..4 {
            if n == verb {
                return Some(reading);
            }
            if has_other_subject(n, p) {
                return None;
            }
            n = w.head(n)?;
        }
        None
    })
}

fn window_agreement(w: &Words, start: usize, end: usize) -> Option<Reading> {
    let sentence = w.sentence_of(start);
    let mut k = end;
    while k < w.len() && k < end + 6 && w.sentence_of(k) == sentence {
        let lw = w.lw(k);
        if let Some(r) = pronoun_reading(lw) {
            return Some(r);
        }
        let nounish = if w.has_pos() {
            let pos = w.pos(k);
            pos.starts_with("NN") || pos.starts_with("PRP") || pos == "DT"
        } else {
            w.is_cap(k) || matches!(lw, "the" | "a" | "an" | "it" | "they" | "their" | "them")
        };
        if nounish || matches!(lw, "," | ";" | ":" | "that" | "and" | "but" | "who") {
            return None;
        }
        k += 1;
    }
    None
}

/// True when another place name sits next to `c` across "and", "or" or a comma
/// ("Libya, Chad and Niger"), and is not part of a person's name ("Chad Smith").
fn coordinated_with_place(w: &Words, index: &Index, c: &Cand) -> bool {
    let joins = |k: usize| matches!(w.lw_at(k), "and" | "or" | "," | "&");
    let (i, end) = (c.words.start, c.words.end);
    (i >= 2 && index.places_ending.contains(&(i - 1)) && joins(i - 1))
        || (index.places_starting.contains(&(end + 1)) && joins(end))
}

/// Nouns a state owns: "Jordan's government", "Chad's capital".
fn is_state_noun(lw: &str) -> bool {
    matches!(
        lw,
        "government"
            | "king"
            | "queen"
            | "monarchy"
            | "capital"
            | "border"
            | "borders"
            | "army"
            | "military"
            | "armed"
            | "parliament"
            | "economy"
            | "embassy"
            | "ambassador"
            | "president"
            | "prime"
            | "foreign"
            | "ministry"
            | "territory"
            | "airspace"
            | "population"
            | "citizens"
            | "interior"
            | "defense"
            | "defence"
            | "constitution"
            | "currency"
            | "regime"
            | "authorities"
            | "security"
    )
}

/// Verbs whose object is a place: "invaded Georgia".
fn takes_place_object(lw: &str) -> bool {
    matches!(
        lw,
        "invaded" | "invade" | "invading" | "annexed" | "annex" | "occupied" | "bombed" | "entered"
    )
}

/// Verbs whose subject is a place, not a person: "Jordan borders Iraq".
fn subject_of_place_verb(lw: &str) -> bool {
    matches!(
        lw,
        "borders" | "bordered" | "bordering" | "hosts" | "ratified"
    )
}

/// Verbs whose subject is a person, not a place: "Jordan resigned".
fn subject_of_person_verb(lw: &str) -> bool {
    matches!(
        lw,
        "resigned"
            | "testified"
            | "married"
            | "smiled"
            | "laughed"
            | "tweeted"
            | "apologized"
            | "apologised"
            | "scored"
            | "died"
            | "retired"
    )
}
