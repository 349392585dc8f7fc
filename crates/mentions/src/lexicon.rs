//! The alias and word-list data shipped in `data/`, parsed once and compiled
//! into lookup tables (an Aho-Corasick automaton for names, hash sets for words).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use hearsay_core::{Certainty, EntityKind, EntityType, HedgeKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Why the embedded data could not be compiled (a bug in a data file).
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A data line has the wrong shape or an unknown value.
    #[error("data/{file} line {line}: {reason}")]
    Data {
        /// The data file.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The name automaton could not be built.
    #[error("building the name automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// What a name pattern says about the entry it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The canonical name or another name of the entry.
    Name,
    /// A demonym ("North Korean"): a NORP mention of the country.
    Demonym,
    /// A capital: the city in a locative context, else the country as a metonym.
    Capital,
    /// A seat of power ("the Kremlin"): always the country.
    Seat,
}

/// A named thing the gazetteer knows: a country, place, organization or person.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Canonical name.
    pub name: &'static str,
    /// Coarse type.
    pub etype: EntityType,
    /// Finer kind.
    pub kind: EntityKind,
    /// ISO 3166 alpha-2 code of the country it belongs to (or is).
    pub country: Option<&'static str>,
    /// A functional role ("intelligence") for descriptions like "South Korean intelligence".
    pub role: Option<&'static str>,
    /// True for a name that is also a common given name or surname ("Jordan").
    pub ambiguous: bool,
}

/// One surface form of an entry.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// Index into [`Lexicon::entries`].
    pub entry: u32,
    /// The form as written in the data (its capitals are checked against the text).
    pub form: &'static str,
    /// What the form says.
    pub role: Role,
    /// Bytes of a leading "the " that is required but not part of the mention.
    pub article: usize,
}

/// A hedge or polarity marker of one or more words.
#[derive(Debug, Clone)]
pub(crate) struct HedgeEntry {
    /// Lower-case words; `"*"` matches any form of "be".
    pub words: Vec<&'static str>,
    /// What the marker does.
    pub kind: HedgeKind,
    /// How sure it makes the statement.
    pub certainty: Certainty,
}

/// Descriptions by their first noun: (all nouns, kinds they refer to).
pub(crate) type Descriptors = HashMap<&'static str, Vec<(Vec<&'static str>, Vec<EntityKind>)>>;

/// The compiled data: every table the mention stage looks words up in.
pub struct Lexicon {
    pub(crate) entries: Vec<Entry>,
    pub(crate) patterns: Vec<Pattern>,
    pub(crate) names: AhoCorasick,
    /// Patterns by automaton pattern id: forms equal up to ASCII case share one.
    pub(crate) groups: Vec<Vec<u32>>,
    pub(crate) first_names: HashSet<&'static str>,
    /// Family names that come first in a full name ("Kim" of "Kim Jong Un").
    pub(crate) family_first: HashSet<&'static str>,
    pub(crate) titles: HashSet<&'static str>,
    /// Place names that are also given names or surnames ("Jordan", "Florence").
    pub(crate) ambiguous: HashSet<&'static str>,
    pub(crate) org_heads: HashMap<&'static str, EntityKind>,
    /// Hedge markers by their first lower-case word (be-forms expanded).
    pub(crate) hedges: HashMap<&'static str, Vec<HedgeEntry>>,
    /// Units by their first lower-case word: (words, family).
    pub(crate) units: HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>,
    /// Currencies: written form → (ISO code, may precede, may follow).
    pub(crate) currencies: HashMap<&'static str, (&'static str, bool, bool)>,
    /// Descriptions: lower-case noun(s) after "the" → kinds they refer to.
    pub(crate) descriptors: Descriptors,
    /// Entry index by ISO code, for countries.
    pub(crate) country_by_iso: HashMap<&'static str, u32>,
}

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const PLACES: &str = include_str!("../data/places.tsv");
const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
const PERSONS: &str = include_str!("../data/persons.tsv");
const FIRST_NAMES: &str = include_str!("../data/first_names.txt");
const FAMILY_FIRST: &str = include_str!("../data/family_first.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const AMBIGUOUS: &str = include_str!("../data/ambiguous.txt");
const ORG_HEADS: &str = include_str!("../data/org_heads.tsv");
const HEDGES: &str = include_str!("../data/hedges.tsv");
const UNITS: &str = include_str!("../data/units.tsv");
const CURRENCIES: &str = include_str!("../data/currencies.tsv");
const DESCRIPTORS: &str = include_str!("../data/descriptors.tsv");

/// The forms of "be" a `*` in a hedge marker stands for.
pub(crate) const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "ʼs", "am", "'re",
];

/// Data lines of a file: (1-based line number, columns), skipping comments and blanks.
fn rows(src: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    src.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        (!l.trim().is_empty() && !l.starts_with('#')).then(|| (i + 1, l.split('\t').collect()))
    })
}

/// Words of a whitespace-separated list file, skipping comment lines.
fn words(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

fn alts(col: &'static str) -> impl Iterator<Item = &'static str> {
    col.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
}

/// Parse a kind name of the data files.
pub(crate) fn parse_kind(s: &str) -> Option<EntityKind> {
    Some(match s {
        "person" => EntityKind::Person,
        "country" => EntityKind::Country,
        "city" => EntityKind::City,
        "region" => EntityKind::Region,
        "location" => EntityKind::Location,
        "news_outlet" => EntityKind::NewsOutlet,
        "government_agency" => EntityKind::GovernmentAgency,
        "military_unit" => EntityKind::MilitaryUnit,
        "company" => EntityKind::Company,
        "university" => EntityKind::University,
        "think_tank" => EntityKind::ThinkTank,
        "international_organization" => EntityKind::InternationalOrganization,
        "political_party" => EntityKind::PoliticalParty,
        "ngo" => EntityKind::Ngo,
        "organization" => EntityKind::Organization,
        _ => return None,
    })
}

struct Builder {
    entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    ambiguous: HashSet<&'static str>,
}

impl Builder {
    fn entry(&mut self, e: Entry) -> u32 {
        self.entries.push(e);
        (self.entries.len() - 1) as u32
    }

    fn pattern(&mut self, entry: u32, form: &'static str, role: Role) {
        // A qualifier in parentheses marks a canonical name that is not written so in text.
        if form.contains('(') {
            return;
        }
        let article = if form.len() > 4
            && form
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("the "))
        {
            4
        } else {
            0
        };
        self.patterns.push(Pattern {
            entry,
            form,
            role,
            article,
        });
    }
}

fn err(file: &'static str, line: usize, reason: impl Into<String>) -> LexiconError {
    LexiconError::Data {
        file,
        line,
        reason: reason.into(),
    }
}

impl Lexicon {
    /// Parse and compile the embedded data.
    pub fn new() -> Result<Self, LexiconError> {
        let mut b = Builder {
            entries: Vec::new(),
            patterns: Vec::new(),
            ambiguous: words(AMBIGUOUS).collect(),
        };
        let mut country_by_iso = HashMap::default();
        for (line, c) in rows(COUNTRIES) {
            if c.len() != 6 {
                return Err(err("countries.tsv", line, "expected 6 columns"));
            }
            let e = b.entry(Entry {
                name: c[1],
                etype: EntityType::Gpe,
                kind: EntityKind::Country,
                country: Some(c[0]),
                role: None,
                ambiguous: b.ambiguous.contains(c[1]),
            });
            country_by_iso.insert(c[0], e);
            b.pattern(e, c[1], Role::Name);
            for a in alts(c[2]) {
                b.pattern(e, a, Role::Name);
            }
            for a in alts(c[3]) {
                b.pattern(e, a, Role::Demonym);
            }
            for a in alts(c[4]) {
                b.pattern(e, a, Role::Capital);
            }
            for a in alts(c[5]) {
                b.pattern(e, a, Role::Seat);
            }
        }
        for (line, c) in rows(PLACES) {
            if c.len() != 5 {
                return Err(err("places.tsv", line, "expected 5 columns"));
            }
            let etype = match c[1] {
                "GPE" => EntityType::Gpe,
                "LOC" => EntityType::Loc,
                t => return Err(err("places.tsv", line, format!("unknown type {t:?}"))),
            };
            let kind = parse_kind(c[2])
                .ok_or_else(|| err("places.tsv", line, format!("unknown kind {:?}", c[2])))?;
            let e = b.entry(Entry {
                name: c[0],
                etype,
                kind,
                country: (c[3] != "-").then_some(c[3]),
                role: None,
                ambiguous: b.ambiguous.contains(c[0]),
            });
            b.pattern(e, c[0], Role::Name);
            for a in alts(c[4]) {
                b.pattern(e, a, Role::Name);
            }
        }
        for (line, c) in rows(ORGANIZATIONS) {
            if c.len() != 5 {
                return Err(err("organizations.tsv", line, "expected 5 columns"));
            }
            let kind = parse_kind(c[1]).ok_or_else(|| {
                err(
                    "organizations.tsv",
                    line,
                    format!("unknown kind {:?}", c[1]),
                )
            })?;
            let e = b.entry(Entry {
                name: c[0],
                etype: EntityType::Org,
                kind,
                country: (c[2] != "-").then_some(c[2]),
                role: (c[4] != "-").then_some(c[4]),
                ambiguous: false,
            });
            b.pattern(e, c[0], Role::Name);
            for a in alts(c[3]) {
                b.pattern(e, a, Role::Name);
            }
        }
        for (line, c) in rows(PERSONS) {
            if c.is_empty() || c.len() > 2 {
                return Err(err("persons.tsv", line, "expected 1 or 2 columns"));
            }
            let e = b.entry(Entry {
                name: c[0],
                etype: EntityType::Person,
                kind: EntityKind::Person,
                country: None,
                role: None,
                ambiguous: false,
            });
            b.pattern(e, c[0], Role::Name);
            for a in alts(c.get(1).copied().unwrap_or("")) {
                b.pattern(e, a, Role::Name);
            }
        }
        let mut lowered: Vec<String> = Vec::new();
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let mut group_of: HashMap<String, usize> = HashMap::default();
        for (i, p) in b.patterns.iter().enumerate() {
            let low = p.form.to_ascii_lowercase();
            let g = *group_of.entry(low.clone()).or_insert_with(|| {
                lowered.push(low);
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i as u32);
        }
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&lowered)?;

        let mut org_heads = HashMap::default();
        for (line, c) in rows(ORG_HEADS) {
            let kind = (c.len() == 2)
                .then(|| parse_kind(c[1]))
                .flatten()
                .ok_or_else(|| err("org_heads.tsv", line, "expected: word<TAB>kind"))?;
            org_heads.insert(c[0], kind);
        }

        let mut hedges: HashMap<&'static str, Vec<HedgeEntry>> = HashMap::default();
        for (line, c) in rows(HEDGES) {
            if c.len() != 3 {
                return Err(err("hedges.tsv", line, "expected 3 columns"));
            }
            let kind = match c[1] {
                "hedge" => HedgeKind::Hedge,
                "evidential" => HedgeKind::Evidential,
                "negation" => HedgeKind::Negation,
                "denial" => HedgeKind::Denial,
                k => return Err(err("hedges.tsv", line, format!("unknown kind {k:?}"))),
            };
            let certainty = match c[2] {
                "certain" => Certainty::Certain,
                "probable" => Certainty::Probable,
                "possible" => Certainty::Possible,
                "doubtful" => Certainty::Doubtful,
                k => return Err(err("hedges.tsv", line, format!("unknown certainty {k:?}"))),
            };
            let entry = HedgeEntry {
                words: c[0].split_whitespace().collect(),
                kind,
                certainty,
            };
            let firsts: Vec<&'static str> = if entry.words[0] == "*" {
                BE_FORMS.to_vec()
            } else {
                vec![entry.words[0]]
            };
            for f in firsts {
                hedges.entry(f).or_default().push(entry.clone());
            }
        }
        for list in hedges.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }

        let mut units: HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>> =
            HashMap::default();
        for (line, c) in rows(UNITS) {
            if c.len() != 2 {
                return Err(err("units.tsv", line, "expected 2 columns"));
            }
            let ws: Vec<&'static str> = c[0].split_whitespace().collect();
            units.entry(ws[0]).or_default().push((ws, c[1]));
        }
        for list in units.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }

        let mut currencies = HashMap::default();
        for (line, c) in rows(CURRENCIES) {
            let (pre, post) = match c.get(2).copied() {
                Some("prefix") => (true, false),
                Some("suffix") => (false, true),
                Some("both") => (true, true),
                _ => return Err(err("currencies.tsv", line, "expected prefix/suffix/both")),
            };
            currencies.insert(c[0], (c[1], pre, post));
        }

        let mut descriptors = Descriptors::default();
        for (line, c) in rows(DESCRIPTORS) {
            if c.len() != 2 {
                return Err(err("descriptors.tsv", line, "expected 2 columns"));
            }
            let kinds = alts(c[1])
                .map(|k| {
                    parse_kind(k)
                        .ok_or_else(|| err("descriptors.tsv", line, format!("unknown kind {k:?}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let ws: Vec<&'static str> = c[0].split_whitespace().collect();
            descriptors.entry(ws[0]).or_default().push((ws, kinds));
        }
        for list in descriptors.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }

        Ok(Lexicon {
            entries: b.entries,
            patterns: b.patterns,
            names,
            groups,
            first_names: words(FIRST_NAMES).collect(),
            family_first: words(FAMILY_FIRST).collect(),
            titles: words(TITLES).collect(),
            ambiguous: b.ambiguous,
            org_heads,
            hedges,
            units,
            currencies,
            descriptors,
            country_by_iso,
        })
    }

    /// The gazetteer entry of a country by its ISO code.
    pub(crate) fn country(&self, iso: &str) -> Option<u32> {
        self.country_by_iso.get(iso).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_compiles() {
        let lex = Lexicon::new().unwrap();
        assert!(lex.entries.len() > 500, "{}", lex.entries.len());
        assert!(lex.patterns.len() > lex.entries.len());
        assert!(lex.first_names.contains("Fyodor"));
        assert!(lex.titles.contains("President"));
        assert_eq!(
            lex.org_heads.get("University"),
            Some(&EntityKind::University)
        );
        assert!(lex.hedges.contains_key("is") && lex.hedges.contains_key("reportedly"));
        assert_eq!(lex.currencies.get("$").map(|c| c.0), Some("USD"));
    }

    #[test]
    fn qualified_canonical_names_are_not_patterns() {
        let lex = Lexicon::new().unwrap();
        assert!(!lex.patterns.iter().any(|p| p.form.contains('(')));
        assert!(lex.patterns.iter().any(|p| p.form == "NIS"));
    }

    #[test]
    fn leading_article_is_required_but_not_kept() {
        let lex = Lexicon::new().unwrap();
        let p = lex
            .patterns
            .iter()
            .find(|p| p.form == "The Wall Street Journal")
            .unwrap();
        assert_eq!(p.article, 4);
    }
}
