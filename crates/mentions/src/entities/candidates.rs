//! Where entity mentions come from: the statistical NER, the gazetteer, and
//! rules for what both miss (given names, speakers, organization names by their
//! head word, acronym definitions, "<demonym> intelligence", "the newspaper").

use super::words_lists::{is_function_word, is_month_or_day, is_speech_verb};
use crate::lexicon::{Lexicon, Role};
use crate::words::Words;
use aho_corasick::{Anchored, Input};
use hearsay_core::{Analysis, EntityKind, EntityType, Span};
use std::collections::{HashMap, HashSet};

/// Where a candidate mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A span of the statistical NER.
    Ner,
    /// A gazetteer name.
    Gazetteer,
    /// A rule that finds a name ("Kookmin University", "Benjamin Young").
    Rule,
    /// A description that names no one by itself ("South Korean intelligence", "the newspaper").
    Description,
}

/// Which rule a description came from; it decides how the description is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Describes {
    /// Not a description.
    Name,
    /// "<demonym> intelligence": the intelligence agency of that country.
    Intelligence(&'static str),
    /// "the newspaper": the nearest preceding entity of one of these kinds.
    Nearest(Vec<EntityKind>),
}

/// A mention before overlap resolution and clustering.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// Where it is (bytes).
    pub span: Span,
    /// Its words.
    pub words: std::ops::Range<usize>,
    /// Where it came from.
    pub origin: Origin,
    /// Mention-level type ("North Korean" is NORP even though its entity is a GPE).
    pub mtype: EntityType,
    /// Kind suggested by the finder.
    pub kind: EntityKind,
    /// The gazetteer entry and the role of the matched form.
    pub entry: Option<(u32, Role)>,
    /// What a description refers to.
    pub describes: Describes,
    /// The word of an acronym defined for this mention: "(WSJ)", "(known as GUR)".
    pub acronym: Option<usize>,
    /// Overlap priority among spans of equal length: gazetteer 4, organization and
    /// acronym rules 3, NER 2, person rules 1, descriptions 0.
    pub priority: u8,
}

impl Cand {
    /// A candidate over words `words` with the priority of its origin.
    pub(super) fn new(
        w: &Words,
        words: std::ops::Range<usize>,
        origin: Origin,
        mtype: EntityType,
    ) -> Self {
        Cand {
            span: w.span_of(words.clone()),
            words,
            origin,
            mtype,
            kind: default_kind(mtype),
            entry: None,
            describes: Describes::Name,
            acronym: None,
            priority: match origin {
                Origin::Gazetteer => 4,
                Origin::Ner => 2,
                Origin::Rule => 1,
                Origin::Description => 0,
            },
        }
    }
}

/// The kind an entity of a type has when nothing more is known.
pub(crate) fn default_kind(t: EntityType) -> EntityKind {
    match t {
        EntityType::Person => EntityKind::Person,
        EntityType::Org => EntityKind::Organization,
        EntityType::Gpe => EntityKind::City,
        EntityType::Loc => EntityKind::Location,
        EntityType::Norp => EntityKind::Group,
        EntityType::Misc => EntityKind::Other,
    }
}

fn is_alnum_at(text: &str, b: usize, before: bool) -> bool {
    let c = if before {
        text[..b].chars().next_back()
    } else {
        text[b..].chars().next()
    };
    c.is_some_and(crate::words::is_word_char)
}

/// True when the capitals of `form` are honoured by `found` (same bytes up to ASCII case):
/// acronyms ("NIS") must match exactly, capitalized words must be capitalized.
pub(crate) fn case_ok(form: &str, found: &str) -> bool {
    if form.len() != found.len() {
        return form.eq_ignore_ascii_case(found);
    }
    let (f, t) = (form.as_bytes(), found.as_bytes());
    let mut word_start = 0;
    while word_start < f.len() {
        let mut end = word_start;
        while end < f.len() && f[end] != b' ' {
            end += 1;
        }
        let fw = &f[word_start..end];
        let tw = &t[word_start..end];
        let upper = fw.iter().filter(|b| b.is_ascii_uppercase()).count();
        let acronym = upper >= 2 || (upper == 1 && fw.len() == 1);
        let text_all_caps = tw.iter().all(|b| !b.is_ascii_lowercase());
        if acronym {
            if fw != tw {
                return false;
            }
        } else if fw.first().is_some_and(u8::is_ascii_uppercase)
            && !tw.first().is_some_and(u8::is_ascii_uppercase)
        {
            return false;
        } else if !text_all_caps && upper == 1 {
            // Inner capitals of a form like "SpaceX" or "McCain" must be there too.
            for (a, b) in fw.iter().zip(tw).skip(1) {
                if a.is_ascii_uppercase() && !b.is_ascii_uppercase() {
                    return false;
                }
            }
        }
        word_start = end + 1;
    }
    true
}

/// Gazetteer names in the text: leftmost-longest matches on word boundaries whose
/// capitals agree with the data.
pub(crate) fn gazetteer(w: &Words, lex: &Lexicon, out: &mut Vec<Cand>) {
    let hay = w.lower.as_bytes();
    let text = w.text;
    let mut pos = 0;
    while pos < hay.len() {
        let Some(m) = lex.names.find(Input::new(hay).range(pos..hay.len())) else {
            break;
        };
        let s = m.start();
        if !text.is_char_boundary(s) || is_alnum_at(text, s, true) {
            pos = s + 1;
            continue;
        }
        // The longest pattern here that ends on a word boundary with the right capitals.
        let mut limit = m.end();
        let mut found = None;
        while limit > s {
            let Some(mm) = lex
                .names
                .find(Input::new(hay).range(s..limit).anchored(Anchored::Yes))
            else {
                break;
            };
            let e = mm.end();
            if text.is_char_boundary(e) && !is_alnum_at(text, e, false) {
                // Forms that differ only in case share one automaton pattern.
                let fits = lex.groups[mm.pattern().as_usize()]
                    .iter()
                    .find(|&&pi| case_ok(lex.patterns[pi as usize].form, &text[s..e]));
                if let Some(&pi) = fits {
                    found = Some((pi as usize, e));
                    break;
                }
            }
            limit = e - 1;
        }
        let Some((pi, e)) = found else {
            pos = s + 1;
            continue;
        };
        pos = e;
        let p = &lex.patterns[pi];
        let entry = &lex.entries[p.entry as usize];
        // "The Washington Post" keeps a capitalized article inside a sentence, as
        // news outlets write their names; "the Kremlin", "The United Nations" and a
        // sentence-initial "The" do not.
        let keep_article = p.article > 0
            && text.as_bytes()[s] == b'T'
            && entry.kind == EntityKind::NewsOutlet
            && !w.starts_sentence(w.covering(Span::new(s, s + 1)).start);
        let article = if keep_article { 0 } else { p.article };
        let span = Span::new(s + article, e);
        let words = w.covering(span);
        // Names inside a word ("Reuters/Ipsos", "African-American") are not mentions.
        if words.is_empty()
            || w.spans[words.start].start != span.start
            || w.spans[words.end - 1].end != span.end
        {
            continue;
        }
        // A transcript's speaker label ("PENCE:") is not a written name.
        let found = &text[span.start..span.end];
        if !p.form.contains(' ')
            && found.len() > 2
            && !found.bytes().any(|b| b.is_ascii_lowercase())
            && p.form.bytes().any(|b| b.is_ascii_lowercase())
        {
            continue;
        }
        let mtype = match p.role {
            Role::Demonym => EntityType::Norp,
            Role::Capital | Role::Seat => EntityType::Gpe,
            Role::Name => entry.etype,
        };
        // A party name before a noun ("GOP nominee") is used as an adjective.
        let mtype = if entry.kind == EntityKind::PoliticalParty
            && words.len() == 1
            && entry.name.ends_with("Party")
            && modifies_next(w, words.end)
        {
            EntityType::Norp
        } else {
            mtype
        };
        // "President Xi": the title is not part of the person's name.
        let mut words = words;
        if mtype == EntityType::Person {
            while words.len() > 1 && lex.titles.contains(w.w(words.start)) {
                words.start += 1;
            }
        }
        let span = if words.start == w.covering(span).start {
            span
        } else {
            Span::new(w.spans[words.start].start, span.end)
        };
        let mut c = Cand::new(w, words, Origin::Gazetteer, mtype);
        c.span = span;
        c.kind = entry.kind;
        c.entry = Some((p.entry, p.role));
        out.push(c);
    }
}

/// True when word `i` is a common noun (or, without POS, a lower-case word that is
/// not a verb-like function word), so the name before it is a modifier.
fn modifies_next(w: &Words, i: usize) -> bool {
    if i >= w.len() {
        return false;
    }
    if w.has_pos() {
        let mut k = i;
        while k + 1 < w.len() && w.pos(k).starts_with("JJ") {
            k += 1;
        }
        return matches!(w.pos(k), "NN" | "NNS");
    }
    w.is_alpha(i) && !w.is_cap(i) && !is_function_word(w.lw(i)) && !is_speech_verb(w.lw(i))
}

/// The statistical NER's spans of the four name classes.
pub(crate) fn ner(w: &Words, a: &Analysis, out: &mut Vec<Cand>) {
    if !w.are_tokens() {
        return;
    }
    for n in &a.ner {
        let mtype = match n.label.as_str() {
            "PERSON" => EntityType::Person,
            "ORGANIZATION" | "ORG" => EntityType::Org,
            "LOCATION" | "LOC" | "GPE" => EntityType::Gpe,
            "MISC" => EntityType::Misc,
            _ => continue,
        };
        let r = n.tokens.clone();
        if r.is_empty() || r.end > w.len() {
            continue;
        }
        for mut r in split_at_lower_words(w, r) {
            while r.len() > 1 && (w.w(r.start) == "the" || is_possessive(w.w(r.end - 1))) {
                if w.w(r.start) == "the" {
                    r.start += 1;
                } else {
                    r.end -= 1;
                }
            }
            let mut c = Cand::new(w, r.clone(), Origin::Ner, mtype);
            // "the Varenga peninsula", "the Atlantic coast": the feature word after
            // the name says what kind of place it is (a place or a bare name to the NER).
            let feature_after = matches!(mtype, EntityType::Gpe | EntityType::Misc)
                && r.end < w.len()
                && is_feature_word(w.lw(r.end));
            if (mtype == EntityType::Gpe && is_location_name(w, r)) || feature_after {
                c.mtype = EntityType::Loc;
                c.kind = EntityKind::Location;
            }
            out.push(c);
        }
    }
}

/// A statistical span cut at the lower-case words names do not contain ("Russian
/// Pacific Fleet to Vladivostok" → "Russian Pacific Fleet", "Vladivostok"); the
/// connectors of names ("Bank of America", "Securities and Exchange Commission",
/// "Committee for a Responsible Federal Budget") stay inside, and a piece must
/// start with a capital or a digit.
fn split_at_lower_words(w: &Words, r: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let splits = |k: usize| {
        let word = w.w(k);
        let article_after_connector =
            matches!(w.lw(k), "a" | "an") && k > r.start && is_connector(w.lw(k - 1));
        !article_after_connector
            && word.chars().next().is_some_and(char::is_lowercase)
            && word.chars().all(char::is_alphabetic)
            && !is_connector(w.lw(k))
            && !matches!(
                w.lw(k),
                "de" | "del"
                    | "der"
                    | "di"
                    | "da"
                    | "du"
                    | "la"
                    | "le"
                    | "van"
                    | "von"
                    | "al"
                    | "bin"
                    | "y"
            )
    };
    if !r.clone().any(splits) {
        return vec![r];
    }
    let mut out = Vec::new();
    let mut start = r.start;
    for k in r.clone().chain([r.end]) {
        if k == r.end || splits(k) {
            let mut piece = start..k;
            while !piece.is_empty() && is_connector(w.lw(piece.start)) {
                piece.start += 1;
            }
            while !piece.is_empty() && is_connector(w.lw(piece.end - 1)) {
                piece.end -= 1;
            }
            if !piece.is_empty() && !w.w(piece.start).starts_with(char::is_lowercase) {
                out.push(piece);
            }
            start = k + 1;
        }
    }
    out
}

/// "Black Sea", "Korean Peninsula", "Eastern Front", "Gulf of Varenga": a
/// location without a government.
fn is_location_name(w: &Words, r: std::ops::Range<usize>) -> bool {
    let last = w.lw(r.end - 1);
    let feature_of = r.len() > 2 && is_feature_word(w.lw(r.start)) && w.lw(r.start + 1) == "of";
    is_feature_word(last) || last == "front" || feature_of
}

/// A word naming a geographic feature rather than a place with a government
/// ("peninsula", "strait", "river").
pub(crate) fn is_feature_word(lw: &str) -> bool {
    matches!(
        lw,
        "sea"
            | "ocean"
            | "river"
            | "peninsula"
            | "gulf"
            | "strait"
            | "straits"
            | "bay"
            | "lake"
            | "mountains"
            | "mountain"
            | "island"
            | "islands"
            | "archipelago"
            | "valley"
            | "desert"
            | "coast"
            | "coastline"
            | "canal"
            | "plateau"
            | "delta"
            | "basin"
    )
}

pub(crate) fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "’s" | "ʼs" | "'" | "’")
}

/// A word that can be part of a name: capitalized, made of letters, not a function word.
fn is_name_word(w: &Words, lex: &Lexicon, i: usize) -> bool {
    if i >= w.len() || !w.is_cap(i) || !w.is_alpha(i) {
        return false;
    }
    let lw = w.lw(i);
    if is_function_word(lw)
        || is_month_or_day(lw)
        || lex.titles.contains(w.w(i))
        || matches!(lw, "jr." | "jr" | "sr." | "sr")
    {
        return false;
    }
    if w.has_pos() && !w.pos(i).starts_with("NNP") {
        return false;
    }
    !lex.org_heads.contains_key(w.w(i))
}

/// Persons the NER may miss: a given name and the capitalized words after it
/// in its sentence (a byline's name stops at its line: "By Ann Lee" over
/// "BRAVOS, June 4 —"); a title and the name after it; a capitalized word
/// before "said".
pub(crate) fn persons(w: &Words, lex: &Lexicon, out: &mut Vec<Cand>) {
    let same_sentence = |a: usize, b: usize| b < w.len() && w.sentence_of(a) == w.sentence_of(b);
    let mut i = 0;
    while i < w.len() {
        let next_name = same_sentence(i, i + 1) && is_name_word(w, lex, i + 1);
        let given = lex.first_names.contains(w.w(i)) && next_name;
        let titled = next_name
            && lex.titles.contains(w.w(i))
            && w.is_cap(i)
            && !lex.titles.contains(w.w(i + 1).trim_end_matches('.'));
        if given || titled {
            let start = if given { i } else { i + 1 };
            let mut j = start + 1;
            while j - start < 4 && same_sentence(start, j) && is_name_word(w, lex, j) {
                j += 1;
            }
            out.push(Cand::new(w, start..j, Origin::Rule, EntityType::Person));
            i = j;
            continue;
        }
        if i + 1 < w.len()
            && is_speech_verb(w.lw(i + 1))
            && is_name_word(w, lex, i)
            && !w.w(i).chars().skip(1).any(char::is_uppercase)
            && (!w.starts_sentence(i) || w.has_pos() || is_known_surname(w, out, w.w(i)))
            && (i == 0 || !w.is_cap(i - 1) || !w.is_alpha(i - 1))
        {
            out.push(Cand::new(w, i..i + 1, Origin::Rule, EntityType::Person));
        }
        i += 1;
    }
}

/// True when `word` ends a person's name found earlier ("Young" after "Benjamin Young").
fn is_known_surname(w: &Words, found: &[Cand], word: &str) -> bool {
    found
        .iter()
        .any(|c| c.mtype == EntityType::Person && c.words.len() > 1 && w.w(c.words.end - 1) == word)
}

fn is_connector(s: &str) -> bool {
    matches!(s, "of" | "for" | "and" | "on" | "the" | "&")
}

/// Organizations named by a head word: "Kookmin University", "Ministry of Defense",
/// "Russian Pacific Fleet".
pub(crate) fn organizations(w: &Words, lex: &Lexicon, out: &mut Vec<Cand>) {
    // Where person candidates end (this adds organizations only).
    let person_ends: HashSet<usize> = out
        .iter()
        .filter(|c| c.mtype == EntityType::Person)
        .map(|c| c.words.end)
        .collect();
    let mut i = 0;
    while i < w.len() {
        if !(w.is_cap(i) && w.is_alpha(i)) || is_function_word(w.lw(i)) {
            i += 1;
            continue;
        }
        // A run of capitalized words, with connectors between them.
        let mut j = i + 1;
        let mut last_cap = i;
        let sentence = w.sentence_of(i);
        while j < w.len() && w.sentence_of(j) == sentence {
            if w.is_cap(j) && (w.is_alpha(j) || lex.org_heads.contains_key(w.w(j))) {
                last_cap = j;
                j += 1;
            } else if is_connector(w.lw(j)) && j + 1 < w.len() && w.is_cap(j + 1) {
                j += 1;
            } else {
                break;
            }
        }
        let mut run = i..last_cap + 1;
        // A person before a connector is not part of the name: "Bill O'Reilly of
        // Fox News", "Anderson Cooper and Fox News".
        if let Some(cut) = (run.start + 1..run.end)
            .rev()
            .find(|&k| is_connector(w.lw(k)) && person_ends.contains(&k))
        {
            run.start = cut + 1;
        }
        let head = run.clone().rev().find_map(|k| {
            let kind = *lex.org_heads.get(w.w(k))?;
            let at_end = k + 1 == run.end;
            let before_of = w.lw_at(k + 1) == "of";
            (at_end || before_of).then_some((k, kind))
        });
        if let Some((k, kind)) = head
            && run.len() >= 2
        {
            // "of <place>" after a head that is not at the end stays in the name.
            let r = if k + 1 == run.end || w.lw_at(k + 1) == "of" {
                run.clone()
            } else {
                run.start..k + 1
            };
            let mut c = Cand::new(w, r, Origin::Rule, EntityType::Org);
            c.kind = kind;
            c.priority = 3;
            out.push(c);
        }
        i = run.end;
    }
}

fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && s.bytes().any(|b| b.is_ascii_uppercase())
}

/// The dateline's place (a city, "VELMORA") and its wire in parentheses (a news
/// outlet, "Northgate Wire", "CPS"), whatever the NER made of them.
pub(crate) fn dateline(w: &Words, a: &Analysis, out: &mut Vec<Cand>) {
    let Some(d) = &a.dateline else { return };
    let parts = [
        (Some(d.place), EntityType::Gpe, EntityKind::City),
        (d.wire, EntityType::Org, EntityKind::NewsOutlet),
    ];
    for (span, mtype, kind) in parts {
        let Some(span) = span else { continue };
        let words = w.covering(span);
        if words.is_empty() {
            continue;
        }
        let mut c = Cand::new(w, words, Origin::Rule, mtype);
        c.kind = kind;
        c.priority = 5;
        out.push(c);
    }
}

/// Acronym definitions: "The Wall Street Journal (WSJ)", "the Ukrainian Intelligence
/// (known as GUR)". Marks the name's candidate with its acronym (adding one for a
/// capitalized run no finder took), and adds every use of a new acronym.
pub(crate) fn acronyms(w: &Words, out: &mut Vec<Cand>) {
    // Candidates by the word they end before; those this adds end at an earlier "(".
    let mut ending: HashMap<usize, Vec<usize>> = HashMap::new();
    for (n, c) in out.iter().enumerate() {
        if !c.words.is_empty() {
            ending.entry(c.words.end).or_default().push(n);
        }
    }
    let mut defined: Vec<&str> = Vec::new();
    for i in 1..w.len() {
        if w.w(i) != "(" {
            continue;
        }
        let mut k = i + 1;
        if w.lw_at(k) == "known" && w.lw_at(k + 1) == "as" {
            k += 2;
            if w.lw_at(k) == "the" {
                k += 1;
            }
        } else if w.lw_at(k) == "or" || w.lw_at(k) == "aka" {
            k += 1;
        }
        if k + 1 >= w.len() || w.w(k + 1) != ")" || !is_acronym(w.w(k)) {
            continue;
        }
        let acr = w.w(k);
        let name_end = i;
        // The longest candidate ending right before "(".
        let best = ending.get(&name_end).and_then(|ns| {
            ns.iter()
                .copied()
                .max_by_key(|&n| (out[n].words.len(), out[n].priority))
        });
        let mut start = name_end;
        while start > 0 && w.is_cap(start - 1) && w.is_alpha(start - 1) {
            start -= 1;
            if is_function_word(w.lw(start)) {
                start += 1;
                break;
            }
        }
        match best {
            Some(n) if out[n].words.len() >= name_end - start => out[n].acronym = Some(k),
            _ if start < name_end => {
                let mut c = Cand::new(w, start..name_end, Origin::Rule, EntityType::Org);
                c.priority = 3;
                c.acronym = Some(k);
                out.push(c);
            }
            _ => continue,
        }
        if !defined.contains(&acr) {
            defined.push(acr);
        }
    }
    // Every use of an acronym no candidate covers (a use added covers only its own word).
    let covered: HashSet<usize> = out.iter().flat_map(|c| c.words.clone()).collect();
    let wanted: HashSet<&str> = defined.iter().copied().collect();
    let mut uses: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in 0..w.len() {
        if wanted.contains(w.w(i)) && !covered.contains(&i) {
            uses.entry(w.w(i)).or_default().push(i);
        }
    }
    for acr in defined {
        for &i in uses.get(acr).into_iter().flatten() {
            out.push(Cand::new(w, i..i + 1, Origin::Rule, EntityType::Org));
        }
    }
}

/// "South Korean intelligence": the intelligence agency of the demonym's country.
pub(crate) fn intelligence(w: &Words, lex: &Lexicon, out: &mut Vec<Cand>) {
    let mut add = Vec::new();
    for c in out.iter() {
        let Some((e, Role::Demonym)) = c.entry else {
            continue;
        };
        let k = c.words.end;
        if w.lw_at(k) != "intelligence" {
            continue;
        }
        let mut end = k + 1;
        if matches!(w.lw_at(end), "service" | "services" | "agency" | "agencies") {
            end += 1;
        } else if w.lw_at(end).chars().next().is_some_and(char::is_alphabetic)
            && !matches!(
                w.lw_at(end),
                "and"
                    | "or"
                    | "that"
                    | "said"
                    | "says"
                    | "reported"
                    | "has"
                    | "have"
                    | "had"
                    | "is"
                    | "was"
                    | "believes"
                    | "estimates"
                    | "claims"
                    | "data"
                    | "report"
                    | "reports"
                    | "estimated"
                    | "assessed"
                    | "told"
                    | "("
                    | "in"
                    | "on"
            )
        {
            // "a Russian intelligence agent": a person, not the agency.
            continue;
        }
        let Some(country) = lex.entries[e as usize].country else {
            continue;
        };
        let mut d = Cand::new(w, c.words.start..end, Origin::Description, EntityType::Org);
        d.kind = EntityKind::GovernmentAgency;
        d.describes = Describes::Intelligence(country);
        d.priority = 3;
        add.push(d);
    }
    out.extend(add);
}

/// "the newspaper", "the agency": descriptions resolved to the nearest entity of a kind.
pub(crate) fn descriptions(w: &Words, lex: &Lexicon, out: &mut Vec<Cand>) {
    for i in 0..w.len().saturating_sub(1) {
        if w.lw(i) != "the" {
            continue;
        }
        let Some(list) = lex.descriptors.get(w.lw(i + 1)) else {
            continue;
        };
        for (ws, kinds) in list {
            let end = i + 1 + ws.len();
            if end > w.len() || (0..ws.len()).any(|k| w.lw(i + 1 + k) != ws[k]) {
                continue;
            }
            let next_pos = if end < w.len() { w.pos(end) } else { "" };
            let next = w.lw_at(end);
            let modifies_noun = if w.has_pos() {
                next_pos.starts_with("NN") || next_pos.starts_with("JJ")
            } else {
                next.chars().next().is_some_and(char::is_alphabetic)
                    && !is_function_word(next)
                    && !is_speech_verb(next)
                    && !matches!(next, "has" | "had" | "is" | "was" | "reported" | "wrote")
            };
            if modifies_noun || (w.has_pos() && !w.pos(end - 1).starts_with("NN")) {
                break;
            }
            let mut d = Cand::new(w, i..end, Origin::Description, EntityType::Org);
            d.describes = Describes::Nearest(kinds.clone());
            out.push(d);
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        assert!(case_ok("NIS", "NIS"));
        assert!(!case_ok("NIS", "nis"));
        assert!(!case_ok("US", "us"));
        assert!(case_ok("North Korea", "NORTH KOREA"));
        assert!(!case_ok("Turkey", "turkey"));
        assert!(case_ok("Korean peninsula", "Korean Peninsula"));
        assert!(!case_ok("SpaceX", "Spacex"));
    }

    #[test]
    fn acronym_shape() {
        assert!(is_acronym("WSJ") && is_acronym("G7") && !is_acronym("Wsj") && !is_acronym("7"));
    }
}
