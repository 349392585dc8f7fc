//! What resolve needs of one analysed article, read out once when it is stored.
//!
//! [`extract`] turns an [`Analysis`] (with its tokens, which the store does not
//! keep) into [`DocFacts`]: the article's metadata and dateline, its entities
//! with the surface forms and qualifiers that link them across articles, and
//! one [`MentionFact`] per attribution with the words, entities, figures and
//! dates of its content. The facts are stored beside the analysis, so that a
//! full recompute of the graph reads exactly what an incremental one read.

use crate::quantity::{self, QuantityFact};
use crate::text;
use hearsay_core::{
    Analysis, AttributionKind, Certainty, EntityKind, EntityType, HedgeKind, Intervals, SourceKind,
    Span,
};
use serde::{Deserialize, Serialize};

/// Version of the extraction: stored facts of another version are extracted again.
pub const FACTS_VERSION: u32 = 2;

/// One article as resolve sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocFacts {
    /// Document id (SHA-256 hex).
    pub doc: String,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet as the feed or page gives it.
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Where it was read from.
    pub path: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// ISO 639-1 code of the language identified from the text (absent from
    /// facts stored before language identification).
    #[serde(default)]
    pub language: Option<String>,
    /// The dateline opening the body, when there is one.
    pub dateline: Option<Dateline>,
    /// Entities of the article.
    pub entities: Vec<EntityFact>,
    /// Attributions of the article, in text order.
    pub mentions: Vec<MentionFact>,
    /// Sentences that state a source's record ("its assessments were later borne out").
    pub records: Vec<RecordFact>,
}

/// What a sentence says of a source's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Its earlier information proved right.
    Good,
    /// It understated, overstated or denied before, and was shown wrong.
    Poor,
    /// A history of invalid or fabricated information.
    Invalid,
}

/// A sentence stating a source's record, with the article entity it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordFact {
    /// Good, poor or invalid.
    pub kind: RecordKind,
    /// The article entity whose record it is (the first one the sentence names).
    pub entity: String,
    /// The sentence.
    pub text: String,
}

/// A wire dateline: `VELMORA, March 16 (Northgate Wire) —`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place, as written (`VELMORA`).
    pub place: String,
    /// The wire or outlet in parentheses, when given.
    pub wire: Option<String>,
}

/// An entity of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityFact {
    /// Id within the article (the analysis's entity id).
    pub id: String,
    /// Canonical name in the article.
    pub name: String,
    /// Coarse type.
    pub etype: EntityType,
    /// Finer kind.
    pub kind: EntityKind,
    /// Distinct surface forms, as written (names only: no pronouns or descriptions).
    pub forms: Vec<String>,
    /// How many times it is mentioned.
    pub count: usize,
    /// For a body named generically ("the defence ministry"), the article
    /// entity of the country it belongs to.
    pub country: Option<String>,
    /// Roles the article gives it as a source ("ministry spokesman", "Health Minister").
    pub roles: Vec<String>,
    /// The article entity of the body it speaks for, when its role names one.
    pub affiliation: Option<String>,
}

/// The source of a mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceFact {
    /// As written.
    pub text: String,
    /// Article entity it resolves to.
    pub entity: Option<String>,
    /// What kind of source.
    pub kind: SourceKind,
    /// Role or affiliation as written.
    pub role: Option<String>,
}

/// One intermediary of a mention's chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViaFact {
    /// As written or known.
    pub text: String,
    /// Article entity it resolves to.
    pub entity: Option<String>,
    /// What kind of intermediary.
    pub kind: SourceKind,
    /// The cue linking it ("told", "citing").
    pub cue: Option<String>,
}

/// The hedge on a mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HedgeFact {
    /// The marker as written ("could", "allegedly").
    pub word: String,
    /// Certainty it expresses.
    pub certainty: Certainty,
    /// Kind of marker.
    pub kind: HedgeKind,
}

/// A date the content refers to, as an interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateFact {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`.
    pub end: String,
}

/// One attribution, as resolve compares it across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionFact {
    /// Attribution id within the article.
    pub id: String,
    /// How the content is given.
    pub kind: AttributionKind,
    /// Cue lemma.
    pub cue: String,
    /// The content pieces joined by a space.
    pub content: String,
    /// True when the content is in the headline.
    pub headline: bool,
    /// The source.
    pub source: Option<SourceFact>,
    /// The chain, outermost first.
    pub via: Vec<ViaFact>,
    /// The hedge.
    pub hedge: Option<HedgeFact>,
    /// True when the content is negated or denied ("there are no …", "denied that …").
    pub negated: bool,
    /// Content words: lemmas of nouns, verbs, adjectives and adverbs, folded, without stop words.
    pub terms: Vec<String>,
    /// Article entities named inside the content.
    pub entities: Vec<String>,
    /// Figures inside the content.
    pub quantities: Vec<QuantityFact>,
    /// Dates inside the content.
    pub dates: Vec<DateFact>,
    /// The date of the statement when the sentence gives one ("said on Tuesday").
    pub said_on: Option<DateFact>,
    /// The sentence presents the content as a revision ("raised its count to", "now puts", "revised").
    pub revision: bool,
}

/// Most attributions of one document the claim graph takes. A longer document
/// (eight times the attributions of the longest PolNeAR article, 128) is no
/// news article: it is stored and searchable, but left out of the graph, whose
/// clustering grows faster than the number of mentions it compares (the
/// PolNeAR dev texts repeated into one 2 MB document spent 40 CPU seconds in
/// clustering alone).
pub const MAX_GRAPH_ATTRIBUTIONS: usize = 1_000;

/// Read the facts resolve needs out of an analysis (tokens included). The
/// facts of a document with more than [`MAX_GRAPH_ATTRIBUTIONS`] attributions
/// keep its metadata only: it joins no story and gives the graph no claim.
pub fn extract(a: &Analysis) -> DocFacts {
    let text = a.text();
    let d = &a.document;
    let title_end = title_end(a);
    let facts = DocFacts {
        doc: d.id.as_str().to_string(),
        title: d.title.clone(),
        outlet: d.outlet.clone(),
        published: d
            .published_date()
            .map(|(y, m, day)| format!("{y:04}-{m:02}-{day:02}")),
        url: d.url.clone(),
        path: d.path.clone(),
        byline: d.byline.clone(),
        language: d.language.clone(),
        dateline: dateline(text, title_end),
        records: Vec::new(),
        entities: Vec::new(),
        mentions: Vec::new(),
    };
    if a.attributions.len() > MAX_GRAPH_ATTRIBUTIONS {
        return facts;
    }
    let mut entities: Vec<EntityFact> = a
        .entities
        .iter()
        .map(|e| {
            let mut forms: Vec<String> = Vec::new();
            for m in &e.mentions {
                let form = m.span.text(text).trim();
                if is_name_form(form) && !forms.iter().any(|f| f == form) {
                    forms.push(form.to_string());
                }
            }
            EntityFact {
                id: e.id.clone(),
                name: e.name.clone(),
                etype: e.etype,
                kind: e.kind,
                forms,
                count: e.mentions.len(),
                country: None,
                roles: Vec::new(),
                affiliation: None,
            }
        })
        .collect();
    crate::agency::qualify(a, &mut entities);
    let at = Positions::new(a);
    let mut mentions: Vec<MentionFact> = a
        .attributions
        .iter()
        .map(|att| mention_of(a, &at, att, title_end, att.content.clone(), att.id.clone()))
        .collect();
    mark_outlets(d, &mut entities);
    crate::agency::link_sources(&entities, &mut mentions);
    link_described_sources(&entities, &mut mentions);
    crate::bodies::describe(&mut entities, &mut mentions);
    crate::affiliation::assign(a, &mut entities, &mentions);
    let claims = relays(a, &mut entities, &mut mentions);
    let mentions = mentions
        .into_iter()
        .zip(&a.attributions)
        .zip(claims)
        .filter(|(_, claim)| *claim)
        .flat_map(|((m, att), _)| split_figures(a, &at, att, title_end, m))
        .collect();
    DocFacts {
        records: records(a, &at),
        entities,
        mentions,
        ..facts
    }
}

/// Where an analysis's mentions, hedges, times and quantities are, indexed
/// once per document: what lies inside a content or a sentence is found
/// without a pass over every item (a long document has hundreds of thousands).
struct Positions {
    /// Entity mentions, with their entity's index.
    mentions: Intervals<usize>,
    /// Hedges, by index.
    hedges: Intervals<usize>,
    /// Time expressions, by index.
    times: Intervals<usize>,
    /// Quantities, by index.
    quantities: Intervals<usize>,
}

impl Positions {
    fn new(a: &Analysis) -> Self {
        let spans = |spans: &mut dyn Iterator<Item = Span>| {
            Intervals::new(spans.enumerate().map(|(i, s)| (s.start..s.end, i)))
        };
        Positions {
            mentions: Intervals::new(a.entities.iter().enumerate().flat_map(|(e, ent)| {
                ent.mentions
                    .iter()
                    .map(move |m| (m.span.start..m.span.end, e))
            })),
            hedges: spans(&mut a.hedges.iter().map(|h| h.span)),
            times: spans(&mut a.times.iter().map(|t| t.span)),
            quantities: spans(&mut a.quantities.iter().map(|q| q.span)),
        }
    }
}

/// The payloads of the ranges of `ix` inside any of `spans`, each once, in order.
fn inside(ix: &Intervals<usize>, spans: &[Span]) -> Vec<usize> {
    let mut found: Vec<usize> = spans
        .iter()
        .flat_map(|s| ix.within(s.start..s.end).map(|(_, i)| *i))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The sentence that holds `span` (sentences are in text order and do not overlap).
fn sentence_of(a: &Analysis, span: Span) -> Option<Span> {
    let after = a.sentences.partition_point(|s| s.span.start <= span.start);
    let s = a.sentences[..after].last()?.span;
    s.contains(&span).then_some(s)
}

/// Phrases that state a good record, as folded text.
const GOOD_RECORD: &[&str] = &[
    "borne out",
    "proved accurate",
    "proved close",
    "proved correct",
    "proved right",
    "proven accurate",
    "came within",
    "track record of accura",
    "have been vindicated",
    "were later confirmed",
    "was later confirmed",
    "has a good record",
    "accurate in the past",
];

/// Phrases that state a poor record.
const POOR_RECORD: &[&str] = &[
    "understated",
    "overstated",
    "has understated",
    "has overstated",
    "exaggerated",
    "inflated",
    "downplayed",
    "before acknowledging",
    "before admitting",
    "later admitted",
    "later acknowledged",
    "was forced to retract",
    "has a history of underst",
    "has a history of overst",
];

/// Phrases that state a history of invalid information.
const INVALID_RECORD: &[&str] = &[
    "history of false",
    "history of fabricat",
    "repeatedly false",
    "has been discredited",
    "known for false",
    "history of disinformation",
];

/// The sentences that state a source's record.
fn records(a: &Analysis, at: &Positions) -> Vec<RecordFact> {
    let text = a.text();
    let mut out = Vec::new();
    for s in &a.sentences {
        let sentence = s.span.text(text);
        let folded = text::fold(sentence);
        let kind = if INVALID_RECORD.iter().any(|p| folded.contains(p)) {
            RecordKind::Invalid
        } else if POOR_RECORD.iter().any(|p| folded.contains(p)) {
            RecordKind::Poor
        } else if GOOD_RECORD.iter().any(|p| folded.contains(p)) {
            RecordKind::Good
        } else {
            continue;
        };
        // The entity mentioned first (the first entity of those mentioned first).
        let first = at
            .mentions
            .within(s.span.start..s.span.end)
            .map(|(r, &e)| (r.start, e))
            .filter(|&(_, e)| {
                let etype = a.entities[e].etype;
                etype != EntityType::Gpe && etype != EntityType::Misc
            })
            .min()
            .map(|(_, e)| &a.entities[e]);
        if let Some(e) = first {
            out.push(RecordFact {
                kind,
                entity: e.id.clone(),
                text: sentence.trim().to_string(),
            });
        }
    }
    out
}

/// The intermediaries a sentence names around an attribution that the
/// analyzer leaves out of its chain: the organisation a source "told" ("an
/// official told Daily One"), and the one "according to" which, or in whose
/// report, another source spoke ("According to Daily One, an official said
/// …", "Daily One reported that an official said …"). The inner attribution
/// gets the organisation as the link nearest its source; the outer one,
/// whose content is only the inner attribution, is no claim of its own.
/// Returns, per attribution, whether it stays a claim. (Resolve keeps such a
/// link only when the organisation turns out to be a news outlet.)
fn relays(a: &Analysis, entities: &mut Vec<EntityFact>, mentions: &mut [MentionFact]) -> Vec<bool> {
    let text = a.text();
    let ats = &a.attributions;
    for (i, at) in ats.iter().enumerate() {
        if at.cue.lemma != "tell" {
            continue;
        }
        let Some(span) = name_after(a, at.cue.span.end) else {
            continue;
        };
        let (entity, kind) = organisation(a, entities, span);
        if !mentions[i]
            .via
            .iter()
            .any(|v| v.entity.as_ref() == Some(&entity))
        {
            mentions[i].via.push(ViaFact {
                text: span.text(text).to_string(),
                entity: Some(entity),
                kind,
                cue: Some("told".into()),
            });
        }
    }
    let mut claims = vec![true; ats.len()];
    for (i, outer) in ats.iter().enumerate() {
        let Some(reporter) = outer
            .source
            .as_ref()
            .filter(|s| s.entity.is_some() || is_capitalised_name(s.span.text(text)))
        else {
            continue;
        };
        let Some((j, inner)) = ats.iter().enumerate().find(|(j, inner)| {
            *j != i
                && !crate::assemble::cites(inner.cue.span.text(text))
                && inner.source.as_ref().is_some_and(|s| {
                    outer
                        .content
                        .iter()
                        .any(|c| c.start <= s.span.start && s.span.start < c.end)
                })
        }) else {
            continue;
        };
        let (entity, kind) = match &reporter.entity {
            Some(e) => (e.clone(), kind_of(entities, e)),
            None => organisation(a, entities, reporter.span.trim(text)),
        };
        if !mentions[j]
            .via
            .iter()
            .any(|v| v.entity.as_ref() == Some(&entity))
        {
            mentions[j].via.insert(
                mentions[j].via.len().min(outer_links(&mentions[j])),
                ViaFact {
                    text: reporter.span.text(text).trim().to_string(),
                    entity: Some(entity),
                    kind,
                    cue: Some(outer.cue.lemma.clone()),
                },
            );
        }
        // The outer content is the inner attribution, source first ("According to
        // Daily One, an official said …"): not when the inner one only cites
        // the origin of the outer content ("…, citing figures from the ministry").
        let inner_source = inner.source.as_ref().expect("found by its source").span;
        let starts_with_source = outer
            .content
            .iter()
            .map(|c| c.trim(text))
            .min_by_key(|c| c.start)
            .is_some_and(|first| {
                let lead = text::fold(
                    Span::new(first.start, inner_source.start.max(first.start)).text(text),
                );
                lead.is_empty() || lead == "that"
            });
        let end = inner
            .content
            .iter()
            .chain(std::iter::once(&inner.cue.span))
            .map(|c| c.end)
            .max()
            .unwrap_or(inner.cue.span.end);
        let covered = outer.content.iter().all(|c| c.trim(text).end <= end + 5);
        if starts_with_source && covered {
            claims[i] = false;
        }
    }
    claims
}

/// The kind of intermediary an article entity is.
fn kind_of(entities: &[EntityFact], id: &str) -> SourceKind {
    match entities.iter().find(|e| e.id == id).map(|e| e.kind) {
        Some(EntityKind::NewsOutlet) => SourceKind::NewsOutlet,
        _ => SourceKind::Organization,
    }
}

/// The organisation named at `span`: the article entity with a mention
/// there, or a new entity for a name the recogniser missed ("told Daily
/// One"), which entity linking can then join to the outlet of that name.
fn organisation(a: &Analysis, entities: &mut Vec<EntityFact>, span: Span) -> (String, SourceKind) {
    let named = a
        .entities
        .iter()
        .find(|e| e.etype == EntityType::Org && e.mentions.iter().any(|m| m.span.overlaps(&span)));
    if let Some(e) = named {
        return (e.id.clone(), kind_of(entities, &e.id));
    }
    let name = span.text(a.text()).trim();
    let name = name.strip_prefix("the ").unwrap_or(name);
    let id = format!("relay:{}", text::name_key(name).replace(' ', "-"));
    if !entities.iter().any(|e| e.id == id) {
        entities.push(EntityFact {
            id: id.clone(),
            name: name.to_string(),
            etype: EntityType::Org,
            kind: EntityKind::Organization,
            forms: vec![name.to_string()],
            count: 1,
            country: None,
            roles: Vec::new(),
            affiliation: None,
        });
    }
    (id, SourceKind::Organization)
}

/// A name in capitals ("Daily One", "The Harbor Ledger"), one to five words.
fn is_capitalised_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The capitalised name that starts at `from`, after an optional "the", up
/// to the first word in lower case or punctuation.
fn name_after(a: &Analysis, from: usize) -> Option<Span> {
    let text = a.text();
    let mut toks = a.tokens.iter().filter(|t| t.span.start >= from).peekable();
    let first = toks.peek()?;
    if text[from..first.span.start].trim().is_empty()
        && first.span.text(text).eq_ignore_ascii_case("the")
    {
        toks.next();
    }
    let mut span: Option<Span> = None;
    for t in toks {
        let w = t.span.text(text);
        if !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        if span.is_some_and(|s| !text[s.end..t.span.start].trim().is_empty()) {
            break;
        }
        span = Some(span.map_or(t.span, |s| Span::new(s.start, t.span.end)));
    }
    let span = span?;
    text[from..span.start]
        .split_whitespace()
        .all(|w| w.eq_ignore_ascii_case("the"))
        .then_some(span)
}

/// How many links of a mention's chain come before its source (the rest are origins it cites).
fn outer_links(m: &MentionFact) -> usize {
    m.via
        .iter()
        .take_while(|v| !v.cue.as_deref().is_some_and(crate::assemble::cites))
        .count()
}

/// Lemmas that present a figure or statement as a revision of an earlier one.
const REVISION: &[&str] = &[
    "acknowledge",
    "admit",
    "climb",
    "correct",
    "downgrade",
    "increase",
    "latest",
    "lower",
    "now",
    "raise",
    "revise",
    "rise",
    "update",
    "upgrade",
];

/// Words that join two coordinated clauses ("214 cases had been reported and nine deaths").
const COORDINATION: &[&str] = &[",", ";", "and", "while", "with", "whereas"];

/// An attribution stating figures of different kinds in coordinated clauses
/// ("214 suspected cases had been reported and nine deaths had been
/// recorded") states one claim per figure: its content is cut at the last
/// coordination between the figures, and the parts after the first get the
/// ids `a3+2`, `a3+3`.
fn split_figures(
    a: &Analysis,
    positions: &Positions,
    at: &hearsay_core::Attribution,
    title_end: Option<usize>,
    m: MentionFact,
) -> Vec<MentionFact> {
    let figures: Vec<(Span, crate::frames::Frame)> = inside(&positions.quantities, &at.content)
        .into_iter()
        .map(|i| &a.quantities[i])
        .filter_map(|q| {
            let fact = m
                .quantities
                .iter()
                .find(|f| f.text == q.span.text(a.text()))?;
            (crate::frames::is_figure(fact) && fact.interval().is_some())
                .then(|| crate::frames::frame(fact).map(|f| (q.span, f)))
                .flatten()
        })
        .collect();
    let frames: std::collections::BTreeSet<_> = figures.iter().map(|(_, f)| f.clone()).collect();
    if figures.len() < 2 || frames.len() < 2 {
        return vec![m];
    }
    let text = a.text();
    let mut cuts = Vec::new();
    for pair in figures.windows(2) {
        let (end, start) = (pair[0].0.end, pair[1].0.start);
        if pair[0].1 == pair[1].1 {
            continue;
        }
        let cut = tokens_in(a, Span::new(end, start))
            .rev()
            .find(|&t| COORDINATION.contains(&text::fold(a.tokens[t].span.text(text)).as_str()));
        if let Some(t) = cut {
            cuts.push(a.tokens[t].span);
        }
    }
    if cuts.is_empty() {
        return vec![m];
    }
    let mut parts: Vec<Vec<Span>> = vec![Vec::new()];
    for piece in &at.content {
        let mut start = piece.start;
        for cut in cuts.iter().filter(|c| piece.contains(c)) {
            parts
                .last_mut()
                .expect("a part")
                .push(Span::new(start, cut.start).trim(text));
            parts.push(Vec::new());
            start = cut.end;
        }
        parts
            .last_mut()
            .expect("a part")
            .push(Span::new(start, piece.end).trim(text));
    }
    parts
        .into_iter()
        .map(|p| p.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>())
        .filter(|p| !p.is_empty())
        .enumerate()
        .map(|(k, content)| {
            let id = if k == 0 {
                m.id.clone()
            } else {
                format!("{}+{}", m.id, k + 1)
            };
            let mut part = mention_of(a, positions, at, title_end, content, id);
            part.source = m.source.clone();
            part.via = m.via.clone();
            part
        })
        .collect()
}

/// Entities named like the article's outlet or the wire of its dateline are news outlets.
fn mark_outlets(d: &hearsay_core::Document, entities: &mut [EntityFact]) {
    let text = d.text.as_str();
    let wire = dateline(text, None).and_then(|dl| dl.wire);
    let outlets: Vec<String> = d
        .outlet
        .iter()
        .chain(wire.iter())
        .map(|o| text::name_key(o))
        .collect();
    for e in entities.iter_mut() {
        if e.etype == EntityType::Org
            && e.forms
                .iter()
                .chain(std::iter::once(&e.name))
                .any(|f| outlets.contains(&text::name_key(f)))
        {
            e.kind = EntityKind::NewsOutlet;
        }
    }
}

/// A source described through a body ("an analysis by the Centre for Eastern
/// Security Analysis", "a report in the Pellisburg Standard") is that body,
/// unless the source is a person who stays anonymous ("an engineer at the plant").
fn link_described_sources(entities: &[EntityFact], mentions: &mut [MentionFact]) {
    for m in mentions.iter_mut() {
        let Some(s) = m.source.as_mut() else { continue };
        if s.entity.is_some()
            || matches!(
                s.kind,
                SourceKind::AnonymousPerson | SourceKind::AnonymousGroup
            )
        {
            continue;
        }
        let folded = text::fold(&s.text);
        let body = entities
            .iter()
            .filter(|e| e.etype == EntityType::Org)
            .filter_map(|e| {
                e.forms
                    .iter()
                    .filter(|f| folded.contains(&text::fold(f)))
                    .map(|f| f.len())
                    .max()
                    .map(|n| (n, e))
            })
            .max_by_key(|(n, _)| *n);
        if let Some((_, e)) = body {
            s.entity = Some(e.id.clone());
            if e.kind == EntityKind::NewsOutlet {
                s.kind = SourceKind::NewsOutlet;
            } else if s.kind == SourceKind::Unknown {
                s.kind = SourceKind::Organization;
            }
        }
    }
}

/// A surface form that names (not a pronoun or a description).
fn is_name_form(form: &str) -> bool {
    let first = form.split_whitespace().next().unwrap_or("");
    let lower = text::fold(first);
    let pronoun = matches!(
        lower.as_str(),
        "he" | "she" | "it" | "they" | "his" | "her" | "its" | "their" | "him" | "them"
    );
    let description = lower == "the"
        && form
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    !form.is_empty() && form.chars().any(char::is_uppercase) && !pronoun && !description
}

/// The byte offset where the headline line ends, when the text opens with its title.
fn title_end(a: &Analysis) -> Option<usize> {
    let text = a.text();
    let first = text.lines().next()?;
    let title = a.document.title.as_deref()?;
    (first.trim() == title.trim()).then_some(first.len())
}

/// The dateline of the first body paragraph: an upper-case place, an optional
/// date after a comma, an optional outlet in parentheses, then a dash.
fn dateline(text: &str, title_end: Option<usize>) -> Option<Dateline> {
    let body = &text[title_end.unwrap_or(0)..];
    for para in body
        .split("\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .take(3)
    {
        let Some(dash) = para.find(['—', '–']).or_else(|| para.find(" - ")) else {
            continue;
        };
        if dash > 80 {
            continue;
        }
        let head = para[..dash].trim();
        let (head, wire) = match (head.rfind('('), head.ends_with(')')) {
            (Some(open), true) => (
                head[..open].trim(),
                Some(head[open + 1..head.len() - 1].trim().to_string()),
            ),
            _ => (head, None),
        };
        let place = head.split(',').next().unwrap_or("").trim();
        let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) {
            return Some(Dateline {
                place: place.to_string(),
                wire: wire.filter(|w| !w.is_empty()),
            });
        }
    }
    None
}

/// The mention of an attribution with these content spans and this id.
fn mention_of(
    a: &Analysis,
    positions: &Positions,
    at: &hearsay_core::Attribution,
    title_end: Option<usize>,
    content: Vec<Span>,
    id: String,
) -> MentionFact {
    let text = a.text();
    let joined = content
        .iter()
        .map(|s| s.text(text).trim())
        .collect::<Vec<_>>()
        .join(" ");
    let is_inside = |s: &Span| content.iter().any(|c| c.contains(s));
    let terms = terms_in(a, &content);
    let mut seen = std::collections::HashSet::new();
    let ents: Vec<String> = inside(&positions.mentions, &content)
        .into_iter()
        .map(|e| &a.entities[e].id)
        .filter(|id| seen.insert(*id))
        .cloned()
        .collect();
    let sentence = sentence_of(a, at.cue.span).unwrap_or(at.cue.span);
    let cue = at.cue.span.start..at.cue.span.end;
    let negated = inside(&positions.hedges, &content)
        .into_iter()
        .chain(positions.hedges.overlapping(cue).map(|(_, i)| *i))
        .any(|i| matches!(a.hedges[i].kind, HedgeKind::Negation | HedgeKind::Denial));
    let dates: Vec<DateFact> = inside(&positions.times, &content)
        .into_iter()
        .filter_map(|i| date_of(&a.times[i]))
        .collect();
    let said_on = inside(&positions.times, &[sentence])
        .into_iter()
        .map(|i| &a.times[i])
        .filter(|t| !is_inside(&t.span))
        .filter_map(date_of)
        .next();
    let quantities = inside(&positions.quantities, &content)
        .into_iter()
        .map(|i| &a.quantities[i])
        .filter(|q| at.source.as_ref().is_none_or(|s| !s.span.overlaps(&q.span)))
        .map(|q| quantity::fact(a, q, at, &content, sentence))
        .collect();
    MentionFact {
        id,
        kind: at.kind,
        cue: at.cue.lemma.clone(),
        content: joined,
        headline: title_end.is_some_and(|end| content.first().is_some_and(|c| c.start < end))
            || at.kind == AttributionKind::Headline,
        source: at.source.as_ref().map(|s| SourceFact {
            text: s.span.text(text).trim().to_string(),
            entity: s.entity.clone(),
            kind: s.kind,
            role: s.role.clone(),
        }),
        via: at
            .via
            .iter()
            .filter(|v| !v.span.is_empty())
            .map(|v| ViaFact {
                text: v.text.clone(),
                entity: v.entity.clone(),
                kind: v.kind,
                cue: v.cue.clone(),
            })
            .collect(),
        hedge: at.hedge.as_ref().map(|h| HedgeFact {
            word: h.span.text(text).to_string(),
            certainty: h.certainty,
            kind: h.kind,
        }),
        negated,
        terms,
        entities: ents,
        quantities,
        dates,
        said_on,
        revision: tokens_in(a, sentence)
            .any(|t| REVISION.contains(&text::fold(&a.tokens[t].lemma).as_str())),
    }
}

fn date_of(t: &hearsay_core::TimeExpr) -> Option<DateFact> {
    Some(DateFact {
        start: t.start_date.clone()?,
        end: t.end_date.clone().or_else(|| t.start_date.clone())?,
    })
}

/// Content words of the spans: lemmas of nouns, verbs, adjectives and adverbs
/// (names as written), folded, without stop words, in text order.
pub(crate) fn terms_in(a: &Analysis, spans: &[Span]) -> Vec<String> {
    let text = a.text();
    let mut out = Vec::new();
    for span in spans {
        for t in tokens_in(a, *span) {
            let tok = &a.tokens[t];
            let pos = tok.pos.as_str();
            if !(pos.starts_with("NN")
                || pos.starts_with("VB")
                || pos.starts_with("JJ")
                || pos.starts_with("RB"))
            {
                continue;
            }
            let base = if pos.starts_with("NNP") || tok.lemma.is_empty() {
                tok.span.text(text)
            } else {
                tok.lemma.as_str()
            };
            for w in text::words(base) {
                if w.chars().any(char::is_alphabetic) && !text::is_stop(&w) {
                    out.push(w);
                }
            }
        }
    }
    if a.tokens.is_empty() {
        for span in spans {
            out.extend(
                text::words(span.text(text))
                    .into_iter()
                    .filter(|w| w.chars().any(char::is_alphabetic) && !text::is_stop(w)),
            );
        }
    }
    out
}

/// Indices of the tokens inside `span`.
pub(crate) fn tokens_in(a: &Analysis, span: Span) -> std::ops::Range<usize> {
    let start = a.tokens.partition_point(|t| t.span.start < span.start);
    let end = a.tokens.partition_point(|t| t.span.end <= span.end);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_give_place_and_wire() {
        let text = "Title here\n\nVELMORA, March 16 (Northgate Wire) — The number rose.";
        let d = dateline(text, Some(10)).unwrap();
        assert_eq!(d.place, "VELMORA");
        assert_eq!(d.wire.as_deref(), Some("Northgate Wire"));
        let plain = dateline("PORT ARDITH — Health workers began.", None).unwrap();
        assert_eq!(plain.place, "PORT ARDITH");
        assert_eq!(plain.wire, None);
        assert!(dateline("The minister said — at last — yes.", None).is_none());
    }
}
