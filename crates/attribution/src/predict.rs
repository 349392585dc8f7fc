//! Running the model over an analysis: candidate cues, their roles, the
//! filter's decision, then the attributions with resolved sources, via chains
//! and hedges.

use crate::chain::{self, Kept};
use crate::entities::{Entities, Reporters};
use crate::filter::{self, Candidate, KEEP};
use crate::hash::Feats;
use crate::model::Model;
use crate::perceptron::{Scratch, Weights};
use crate::resolve::REPORTING;
use crate::role::{CueIndex, RoleSeq, Roles};
use crate::view::DocView;
use crate::{
    assemble, complement, cue, figures, fronted, lines, participle, phrase, places, relative,
    resolve, role, via, wire,
};
use hearsay_core::{
    Analysis, Attribution, EntityKind, Flag, FlagKind, Hedge, Intervals, SourceKind, Stage, ViaLink,
};
use std::collections::{HashMap, HashSet};

/// The pipeline stage that writes [`Analysis::attributions`].
pub struct AttributionStage {
    model: Model,
}

impl AttributionStage {
    /// A stage using `model`.
    pub fn new(model: Model) -> Self {
        AttributionStage { model }
    }
}

impl Stage for AttributionStage {
    fn name(&self) -> &'static str {
        "attribution"
    }

    fn annotate(&self, analysis: &mut Analysis) {
        let (atts, flags, outlets) = self.model.run(analysis);
        analysis.attributions = atts;
        // Organizations "the newspaper" referred back to are news outlets.
        for e in &mut analysis.entities {
            if outlets.contains(&e.id) {
                e.kind = EntityKind::NewsOutlet;
            }
        }
        analysis
            .flags
            .retain(|f| f.kind != FlagKind::UnresolvedSource);
        analysis.flags.extend(flags);
    }
}

/// A candidate attribution before the filter.
pub(crate) struct Found {
    /// The cue's tokens.
    pub cue: (usize, usize),
    /// Source and content.
    pub roles: Roles,
    /// Found by the attribution-line rule rather than the taggers.
    pub ruled: bool,
    /// The cue tagger's margin for starting the cue.
    pub margin: f32,
}

/// Roles of every cue, each seeing all the others.
fn roles_of(
    role_w: &Weights,
    v: &DocView,
    cues: &[(usize, usize)],
    sc: &mut Scratch,
) -> Vec<Roles> {
    let idx = CueIndex::new(v, cues);
    cues.iter()
        .map(|&c| role::tag(role_w, &RoleSeq::new(v, &idx, c), sc))
        .collect()
}

/// Candidate attributions: tagged cues (with `bias` for recall) and attribution lines, in text order.
pub(crate) fn candidates(
    cue_w: &Weights,
    role_w: &Weights,
    bias: f32,
    v: &DocView,
    sc: &mut Scratch,
) -> Vec<Found> {
    let mut ruled = lines::find(v);
    ruled.extend(lines::headline(v));
    let ruled_cues = Intervals::new(ruled.iter().map(|(r, _)| (r.0..r.1, ())));
    // The roles the rule found for each of its cues (the first, should two share one).
    let mut ruled_roles: HashMap<(usize, usize), &Roles> = HashMap::new();
    for (r, roles) in &ruled {
        ruled_roles.entry(*r).or_insert(roles);
    }
    let mut cues = cue::tag(cue_w, v, bias, sc);
    cues.retain(|c| ruled_cues.overlapping(c.0..c.1).next().is_none());
    let mut all: Vec<(usize, usize)> = cues
        .iter()
        .chain(ruled.iter().map(|r| &r.0))
        .copied()
        .collect();
    all.sort_unstable();
    let roles = roles_of(role_w, v, &all, sc);
    let mut feats = Feats::default();
    all.into_iter()
        .zip(roles)
        .map(|(c, roles)| {
            let ruled_as = ruled_roles.get(&c);
            let is_ruled = ruled_as.is_some();
            let roles = ruled_as.map_or(roles, |&r| r.clone());
            Found {
                cue: c,
                roles,
                ruled: is_ruled,
                margin: cue::margin(cue_w, v, c.0, &mut feats),
            }
        })
        .collect()
}

/// The filter's decisions on candidates: keep or drop, with the keep margin.
pub(crate) fn judge(
    keep_w: &Weights,
    keep_bias: f32,
    v: &DocView,
    found: &[Found],
) -> Vec<(bool, f32)> {
    let pairs: Vec<((usize, usize), Roles)> =
        found.iter().map(|f| (f.cue, f.roles.clone())).collect();
    let nested = filter::nesting(&pairs);
    let mut feats = Feats::default();
    found
        .iter()
        .zip(nested)
        .map(|(f, nested)| {
            if f.ruled {
                return (true, 2.0);
            }
            let cand = Candidate {
                v,
                cue: f.cue,
                roles: &f.roles,
                margin: f.margin,
                nested,
            };
            feats.clear();
            crate::perceptron::Sequence::emit(&cand, 0, &mut feats);
            let mut s = [0f32; filter::LABELS];
            keep_w.add_to(&feats.keys, &mut s);
            let m = s[usize::from(KEEP)] - s[usize::from(filter::DROP)] + keep_bias;
            (m > 0.0, m)
        })
        .collect()
}

/// The hedges of an analysis, indexed by span.
struct Hedges<'a> {
    all: &'a [Hedge],
    spans: Intervals<usize>,
    /// Indices into `all`, by start.
    by_start: Vec<usize>,
}

impl<'a> Hedges<'a> {
    fn new(all: &'a [Hedge]) -> Self {
        let mut by_start: Vec<usize> = (0..all.len()).collect();
        by_start.sort_by_key(|&k| all[k].span.start);
        Hedges {
            all,
            spans: Intervals::new(
                all.iter()
                    .enumerate()
                    .map(|(k, h)| (h.span.start..h.span.end, k)),
            ),
            by_start,
        }
    }

    /// The strongest hedge inside the content or on the cue (on a tie, the earliest;
    /// then the first listed).
    fn of(&self, att: &Attribution) -> Option<Hedge> {
        let mut found: Vec<usize> = self
            .spans
            .overlapping(att.cue.span.start..att.cue.span.end)
            .map(|(_, &k)| k)
            .collect();
        for c in &att.content {
            let from = self
                .by_start
                .partition_point(|&k| self.all[k].span.start < c.start);
            found.extend(
                self.by_start[from..]
                    .iter()
                    .take_while(|&&k| self.all[k].span.start <= c.end)
                    .filter(|&&k| c.contains(&self.all[k].span)),
            );
        }
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .map(|k| &self.all[k])
            .max_by_key(|h| (h.certainty, std::cmp::Reverse(h.span.start)))
            .cloned()
    }
}

impl Model {
    /// The attributions of an analysis whose language layers are filled in
    /// (none when it has no tokens).
    pub fn predict(&self, analysis: &Analysis) -> Vec<Attribution> {
        self.run(analysis).0
    }

    /// Attributions with resolved sources, via chains and hedges, flags for
    /// sources that refer back to nothing, and the ids of organizations found
    /// to be news outlets.
    fn run(&self, a: &Analysis) -> (Vec<Attribution>, Vec<Flag>, HashSet<String>) {
        if a.tokens.is_empty() {
            return (Vec::new(), Vec::new(), HashSet::new());
        }
        let v = DocView::new(a.text(), &a.tokens, &a.sentences, &a.ner);
        let ix = Entities::new(a);
        let mut sc = Scratch::default();
        let mut found = candidates(&self.cue, &self.role, self.cue_bias, &v, &mut sc);
        found.retain(|f| !lines::labelled(&v, f.cue, f.roles.source));
        let verdicts = judge(&self.keep, self.keep_bias, &v, &found);
        let kept: Vec<(&Found, f32)> = found
            .iter()
            .zip(verdicts)
            .filter(|(_, (keep, _))| *keep)
            .map(|(f, (_, m))| (f, m))
            .collect();
        // Roles again where a dropped cue sat in the window and may have cut the content short.
        let cues: Vec<(usize, usize)> = kept.iter().map(|(f, _)| f.cue).collect();
        let kept_cues: HashSet<(usize, usize)> = cues.iter().copied().collect();
        let mut dropped: Vec<usize> = found
            .iter()
            .filter(|f| !kept_cues.contains(&f.cue))
            .map(|f| f.cue.0)
            .collect();
        dropped.sort_unstable();
        let dropped_in = |lo: usize, hi: usize| {
            dropped
                .get(dropped.partition_point(|&d| d < lo))
                .is_some_and(|&d| d < hi)
        };
        let idx = CueIndex::new(&v, &cues);
        let roles: Vec<Roles> = kept
            .iter()
            .map(|(f, _)| {
                let seq = RoleSeq::new(&v, &idx, f.cue);
                if f.ruled || !dropped_in(seq.lo, seq.hi) {
                    f.roles.clone()
                } else {
                    role::tag(&self.role, &seq, &mut sc)
                }
            })
            .collect();
        let mut atts = Vec::new();
        let mut items = Vec::new();
        let mut sources = Vec::new();
        let mut flags = Vec::new();
        let mut reporters = Reporters::default();
        let mut outlets: HashSet<String> = HashSet::new();
        let hedges = Hedges::new(&a.hedges);
        // Earlier claims by the sentence of their cue, for `speaker_of`.
        let mut by_sentence: HashMap<u32, Vec<usize>> = HashMap::new();
        let publication = wire::Publication::new(a, &v);
        let places = places::Places::new(&ix, &v);
        let mut cands: Vec<Kept> = kept
            .into_iter()
            .zip(roles)
            .map(|((f, margin), roles)| {
                let mut roles = if f.ruled { f.roles.clone() } else { roles };
                publication.clip(&mut roles);
                if !f.ruled
                    && let Some(r) = fronted::roles(&v, f.cue, publication.dateline.1)
                {
                    // The tagger's pieces in other sentences (a quote running on) stay.
                    let sent = v.sent[f.cue.0];
                    let mut content = r.content;
                    content.extend(roles.content.iter().filter(|c| v.sent[c.0] != sent));
                    content.sort_unstable();
                    roles = Roles {
                        source: r.source,
                        content,
                    };
                }
                Kept {
                    cue: f.cue,
                    roles,
                    ruled: f.ruled,
                    margin,
                }
            })
            .collect();
        // Figures replace what the taggers made of their verb; a figure verb
        // inside another claim's content in its sentence is part of that claim
        // ("The police put the number at 18,000, a spokeswoman said").
        let figures = figures::find(&v);
        let figure_cues: HashSet<(usize, usize)> = figures
            .verbs
            .iter()
            .chain(&figures.given)
            .map(|f| f.cue)
            .collect();
        cands.retain(|c| !figure_cues.contains(&c.cue));
        let contents = filter::contents_of(cands.iter().map(|c| &c.roles));
        let holds = |f: &Kept| {
            contents.containing(f.cue.0..f.cue.1).any(|(_, &j)| {
                let c = &cands[j];
                c.cue != f.cue && v.sent[c.cue.0] == v.sent[f.cue.0]
            })
        };
        let verbs: Vec<Kept> = figures
            .verbs
            .iter()
            .filter(|f| !holds(f))
            .cloned()
            .collect();
        let given: HashSet<(usize, usize)> = figures.given.iter().map(|g| g.cue).collect();
        cands.extend(verbs);
        cands.extend(figures.given);
        cands.sort_by_key(|c| c.cue);
        chain::restructure(&ix, &v, &mut cands);
        for Kept {
            cue,
            mut roles,
            margin: m,
            ..
        } in cands
        {
            if roles.content.is_empty()
                && let Some(c) = complement::that_clause(&v, cue)
            {
                roles.content.push(c);
            }
            complement::clause_start(&v, cue, &mut roles.content);
            phrase::whole_source(&v, &mut roles);
            participle::source(&v, cue, &mut roles);
            if stray(&ix, &v, cue, &roles) {
                continue;
            }
            let confidence = 1.0 / (1.0 + (-m / 4.0).exp());
            let Some(mut att) = assemble::build(&v, cue, &roles, atts.len() + 1, confidence) else {
                continue;
            };
            let mut kind = SourceKind::Unknown;
            let mut link = None;
            if let (Some(src), Some((sa, sb))) = (att.source.as_mut(), roles.source) {
                // A relative pronoun stands for its antecedent.
                let (sa, sb) = match relative::source(&v, sa, sb) {
                    Some((x, y)) => {
                        src.cue_source = Some(src.span);
                        src.span = v.span_of(x, y);
                        roles.source = Some((x, y));
                        (x, y)
                    }
                    None => (sa, sb),
                };
                let r = resolve::resolve(&ix, &v, sa, sb, &reporters);
                if r.outlet
                    && let Some(e) = &r.entity
                {
                    outlets.insert(e.clone());
                }
                if let Some(e) = &r.entity
                    && REPORTING.contains(&att.cue.lemma.as_str())
                    && ix
                        .by_id(e)
                        .is_some_and(|x| x.etype == hearsay_core::EntityType::Org)
                {
                    reporters.push(sa, e.clone());
                }
                // "Analysts estimated that …, a sum they described as …": the
                // pronoun is the speaker of the claim that holds it.
                let earlier = by_sentence
                    .get(&v.sent[cue.0])
                    .map_or(&[][..], Vec::as_slice);
                let speaker = speaker_of(&v, cue, (sa, sb), &items, &sources, earlier);
                if speaker.is_some() && is_as_complement(&v, &roles) {
                    // What they "described as unusually high" is already their
                    // claim; the "as …" complement alone says nothing new.
                    continue;
                }
                if r.dangling && speaker.is_none() {
                    flags.push(Flag {
                        kind: FlagKind::UnresolvedSource,
                        entities: Vec::new(),
                        mentions: vec![src.span],
                        note: format!(
                            "no referent found for the source \"{}\"",
                            src.span.text(a.text())
                        ),
                    });
                }
                resolve::apply(src, r);
                if let Some(place) = places.source(&v, sa, sb, src.entity.as_deref()) {
                    src.entity = place.or(src.entity.take());
                    src.kind = SourceKind::GovernmentAgency;
                }
                kind = src.kind;
                link = Some(ViaLink {
                    span: src.span,
                    text: src.span.text(a.text()).to_string(),
                    entity: src.entity.clone(),
                    kind: src.kind,
                    cue: None,
                });
                if let Some(j) = speaker {
                    let outer = sources[j]
                        .clone()
                        .expect("speaker_of picks a sourced claim");
                    src.entity.clone_from(&outer.entity);
                    src.kind = outer.kind;
                    kind = outer.kind;
                    link = Some(outer);
                }
            }
            att.hedge = hedges.of(&att);
            by_sentence
                .entry(v.sent[cue.0])
                .or_default()
                .push(items.len());
            items.push((cue, roles, kind));
            sources.push(link);
            atts.push(att);
        }
        let cx = via::Ctx {
            ix: &ix,
            v: &v,
            reporters: &reporters,
            publication: &publication,
            unrelayed: &given,
        };
        for (att, chain) in atts.iter_mut().zip(via::chains(&cx, &items, &sources)) {
            att.via = chain.via;
            if let (Some(src), Some(o)) = (att.source.as_mut(), chain.origin) {
                src.cue_source = Some(src.cue_source.unwrap_or(src.span));
                src.span = o.span;
                src.entity = o.entity;
                src.kind = o.kind;
                src.role = None;
            }
        }
        let atts = without_cited(atts, &items, &v);
        (mark_outlets(atts, &outlets), flags, outlets)
    }
}

/// Drop the claims made of a citing phrase ("…, citing two officials"): the
/// origin it names became a via link of the claim it belongs to. Ids are
/// renumbered in text order.
fn without_cited(
    atts: Vec<Attribution>,
    items: &[((usize, usize), Roles, SourceKind)],
    v: &DocView,
) -> Vec<Attribution> {
    let links = Intervals::new(
        atts.iter()
            .flat_map(|a| a.via.iter())
            .filter(|l| l.cue.as_deref().is_some_and(|c| c != "told"))
            .map(|l| (l.span.start..l.span.end, ())),
    );
    let mut out: Vec<Attribution> = atts
        .into_iter()
        .zip(items)
        .filter(|(att, (cue, _, _))| {
            let citing = (cue.0..cue.1).any(|i| via::is_citing(&v.form(i).to_lowercase()));
            !(citing
                && att
                    .content
                    .iter()
                    .any(|c| links.overlapping(c.start..c.end).next().is_some()))
        })
        .map(|(att, _)| att)
        .collect();
    for (k, att) in out.iter_mut().enumerate() {
        att.id = format!("a{}", k + 1);
    }
    out
}

/// Give the kind news outlet to every source and link naming one of `outlets`.
fn mark_outlets(mut atts: Vec<Attribution>, outlets: &HashSet<String>) -> Vec<Attribution> {
    let is_outlet = |e: &Option<String>| e.as_ref().is_some_and(|e| outlets.contains(e));
    for att in &mut atts {
        if let Some(src) = att.source.as_mut().filter(|s| is_outlet(&s.entity)) {
            src.kind = SourceKind::NewsOutlet;
        }
        for l in att.via.iter_mut().filter(|l| is_outlet(&l.entity)) {
            l.kind = SourceKind::NewsOutlet;
        }
    }
    atts
}

/// A noun compound misread as a claim ("… or even logistics support workers"
/// read as "logistics — support — workers"): a one-word cue between a source
/// and a one-word noun content that both touch it, where neither names anyone:
/// a source of several words headed by a common noun that is no noun of
/// people, bodies or documents, and no name on either side.
fn stray(ix: &Entities, v: &DocView, cue: (usize, usize), roles: &Roles) -> bool {
    let Some((sa, sb)) = roles.source else {
        return false;
    };
    let [(ca, cb)] = roles.content[..] else {
        return false;
    };
    let outside = crate::hash::hash_str("O");
    let plain = |x: usize, y: usize| (x..y).all(|i| v.ner[i] == outside);
    cue.1 == cue.0 + 1
        && sb == cue.0
        && ca == cue.1
        && cb == ca + 1
        && v.toks[ca].pos.starts_with("NN")
        && plain(sa, sb)
        && plain(ca, cb)
        && v.toks[v.top_of(sa, sb)].pos.starts_with("NN")
        && (sa..sb).filter(|&i| !v.punct[i]).count() >= 2
        && !resolve::names_source(ix, v, sa, sb)
}

/// True when a piece of the content starts with "as": the complement of
/// "described … as", "called … as", a description of something (perhaps
/// another piece, "a sum") rather than a clause of its own.
fn is_as_complement(v: &DocView, roles: &Roles) -> bool {
    roles
        .content
        .iter()
        .any(|&(a, b)| a < b && v.form(a).eq_ignore_ascii_case("as"))
}

/// The earlier claim whose speaker a pronoun source refers to: the innermost
/// one holding the cue in its content, in the same sentence, with a source of
/// the pronoun's number ("they" a group, "he"/"she" a person). `earlier` are
/// the claims so far whose cue is in the cue's sentence, in order.
fn speaker_of(
    v: &DocView,
    cue: (usize, usize),
    (sa, sb): (usize, usize),
    items: &[((usize, usize), Roles, SourceKind)],
    sources: &[Option<ViaLink>],
    earlier: &[usize],
) -> Option<usize> {
    if sb != sa + 1 {
        return None;
    }
    let fits: fn(SourceKind) -> bool = match v.form(sa).to_lowercase().as_str() {
        "they" | "we" => |k| k == SourceKind::AnonymousGroup,
        "he" | "she" => |k| matches!(k, SourceKind::NamedPerson | SourceKind::AnonymousPerson),
        _ => return None,
    };
    earlier
        .iter()
        .copied()
        .filter(|&j| {
            let (_, roles, kind) = &items[j];
            sources[j].is_some()
                && fits(*kind)
                && v.sent[items[j].0.0] == v.sent[cue.0]
                && roles.content.iter().any(|&(x, y)| x <= sa && cue.1 <= y)
        })
        .min_by_key(|&j| items[j].1.content.iter().map(|(x, y)| y - x).sum::<usize>())
}
