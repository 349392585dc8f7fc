//! The public JSON analysis, schema `hearsay.analysis/1` (see `docs/FORMAT.md`).
//!
//! These types are the contract: field names and meanings stay stable within
//! a schema version. All offsets are Unicode code points into `text`.

use hearsay_core::{
    ANALYSIS_SCHEMA, Analysis, AttributionKind, Certainty, CharMap, EntityKind, EntityType,
    FlagKind, HedgeKind, SourceKind, Span, TimeAnchor, TimeGranularity,
};
use serde::{Deserialize, Serialize};

/// A piece of the text: code-point offsets and the text itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanJson {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text covered.
    pub text: String,
}

/// The whole analysis of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisJson {
    /// Always `hearsay.analysis/1` for this version of the format.
    pub schema: String,
    /// The analyzer (and models) that produced it.
    pub analyzer: String,
    /// Where the text came from.
    pub document: DocumentJson,
    /// The text every offset points into.
    pub text: String,
    /// Sentences in order.
    pub sentences: Vec<SentenceJson>,
    /// The dateline opening the body (`VELMORA, March 16 (Northgate Wire) —`), or `null`.
    #[serde(default)]
    pub dateline: Option<DatelineJson>,
    /// The byline line of the text (`By Elin Sorvik`), or `null`.
    #[serde(default)]
    pub byline: Option<SpanJson>,
    /// Entities with their mentions.
    pub entities: Vec<EntityJson>,
    /// Claims: who says what.
    pub attributions: Vec<AttributionJson>,
    /// Numbers with what they count.
    pub quantities: Vec<QuantityJson>,
    /// Dates and periods.
    pub times: Vec<TimeJson>,
    /// Hedges, negations and denials.
    pub hedges: Vec<HedgeJson>,
    /// Things for an analyst to check.
    pub flags: Vec<FlagJson>,
}

/// Document metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentJson {
    /// SHA-256 of the text (64 hex digits).
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Where it was read from.
    pub path: Option<String>,
    /// ISO 639-1 code of the language identified from the text (what the page
    /// declared, when the text has no letters).
    pub language: Option<String>,
    /// Confidence in `language`, in [0, 1]; null when it was not identified.
    pub language_confidence: Option<f32>,
}

/// A sentence's extent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceJson {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A dateline and its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatelineJson {
    /// The whole dateline, its dash included.
    #[serde(flatten)]
    pub span: SpanJson,
    /// The place ("VELMORA").
    pub place: SpanJson,
    /// The region or country after the place, or `null`.
    pub region: Option<SpanJson>,
    /// The date as written, or `null`.
    pub date: Option<SpanJson>,
    /// The wire service or outlet in parentheses, or `null`.
    pub wire: Option<SpanJson>,
}

/// An entity and where it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityJson {
    /// Stable id (the same entity has the same id in every document).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Coarse type: PERSON, ORG, GPE, LOC, NORP, MISC.
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// Finer kind (country, news_outlet, government_agency, …).
    pub kind: EntityKind,
    /// Every mention.
    pub mentions: Vec<SpanJson>,
}

/// A cue: the words that mark the attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueJson {
    /// The span.
    #[serde(flatten)]
    pub span: SpanJson,
    /// Its lemma ("say", "according to").
    pub lemma: String,
}

/// The source of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceJson {
    /// The span, with its apposition.
    #[serde(flatten)]
    pub span: SpanJson,
    /// Entity id, when resolved.
    pub entity: Option<String>,
    /// The entity's canonical name, when resolved.
    pub name: Option<String>,
    /// What kind of source.
    pub kind: SourceKind,
    /// Role or affiliation given in the text.
    pub role: Option<String>,
    /// The words the cue names the source by when the source is another phrase
    /// they stand for (a relative pronoun, the reporter of a cited origin), or `null`.
    #[serde(default)]
    pub cue_source: Option<SpanJson>,
}

/// One link of a source chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViaJson {
    /// The intermediary's name.
    pub text: String,
    /// Entity id, when resolved.
    pub entity: Option<String>,
    /// The entity's canonical name, when resolved.
    pub name: Option<String>,
    /// What kind of intermediary.
    pub kind: SourceKind,
    /// The linking cue ("citing", "with reference to").
    pub cue: Option<String>,
    /// First code point of its mention; `null` when implied (not written in the text).
    pub start: Option<usize>,
    /// One past its last code point; `null` when implied.
    pub end: Option<usize>,
}

/// The hedge on a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimHedgeJson {
    /// The marker as written ("could").
    pub text: String,
    /// certain, probable, possible or doubtful.
    pub certainty: Certainty,
    /// hedge, evidential, negation or denial.
    pub kind: HedgeKind,
    /// First code point of the marker.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
}

/// A claim: who says what, on whose authority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionJson {
    /// Id unique within the document.
    pub id: String,
    /// direct, indirect, mixed, according_to, headline or other.
    pub kind: AttributionKind,
    /// The cue.
    pub cue: CueJson,
    /// The source, or `null`.
    pub source: Option<SourceJson>,
    /// What is claimed, in one or more pieces.
    pub content: Vec<SpanJson>,
    /// Other sources the claim passed through, outermost first.
    pub via: Vec<ViaJson>,
    /// The strongest hedge, or `null`.
    pub hedge: Option<ClaimHedgeJson>,
    /// Model confidence in `[0, 1]`.
    pub confidence: f32,
}

/// A quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityJson {
    /// The expression.
    #[serde(flatten)]
    pub span: SpanJson,
    /// The value when it is one number.
    pub value: Option<f64>,
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// What is counted.
    pub unit: Option<String>,
    /// Vague or rounded.
    pub approximate: bool,
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeJson {
    /// The expression.
    #[serde(flatten)]
    pub span: SpanJson,
    /// First day, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub end_date: Option<String>,
    /// day, week, month, quarter, year, decade or vague.
    pub granularity: TimeGranularity,
    /// explicit, publication, text_year or none.
    pub anchor: TimeAnchor,
}

/// A hedge marker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HedgeJson {
    /// The marker.
    #[serde(flatten)]
    pub span: SpanJson,
    /// The certainty it expresses.
    pub certainty: Certainty,
    /// hedge, evidential, negation or denial.
    pub kind: HedgeKind,
    /// The clause or sentence the marker qualifies.
    pub scope: SpanJson,
}

/// Something to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagJson {
    /// name_variant, same_quantity_differs, unresolved_source, decoding_replaced.
    pub kind: FlagKind,
    /// Entity ids concerned.
    pub entities: Vec<String>,
    /// Spans concerned.
    pub mentions: Vec<SpanJson>,
    /// A sentence for the analyst.
    pub note: String,
}

/// Converts byte spans of one text to [`SpanJson`].
struct Spans<'a> {
    text: &'a str,
    map: CharMap,
}

impl Spans<'_> {
    fn span(&self, span: Span) -> SpanJson {
        SpanJson {
            start: self.map.char_of(span.start),
            end: self.map.char_of(span.end),
            text: crate::slice(self.text, span).to_string(),
        }
    }
}

/// The JSON form of an analysis.
pub fn from_analysis(a: &Analysis) -> AnalysisJson {
    let text = a.text();
    let s = Spans {
        text,
        map: CharMap::new(text),
    };
    let name_of = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| a.entity(id))
            .map(|e| e.name.clone())
    };
    let d = &a.document;
    AnalysisJson {
        schema: ANALYSIS_SCHEMA.to_string(),
        analyzer: a.analyzer.clone(),
        document: DocumentJson {
            id: d.id.to_string(),
            title: d.title.clone(),
            byline: d.byline.clone(),
            outlet: d.outlet.clone(),
            url: d.url.clone(),
            published: d.published.clone(),
            path: d.path.clone(),
            language: d.language.clone(),
            language_confidence: d.language_confidence,
        },
        text: text.to_string(),
        sentences: a
            .sentences
            .iter()
            .map(|x| SentenceJson {
                start: s.map.char_of(x.span.start),
                end: s.map.char_of(x.span.end),
            })
            .collect(),
        dateline: a.dateline.as_ref().map(|d| DatelineJson {
            span: s.span(d.span),
            place: s.span(d.place),
            region: d.region.map(|x| s.span(x)),
            date: d.date.map(|x| s.span(x)),
            wire: d.wire.map(|x| s.span(x)),
        }),
        byline: a.byline.map(|b| s.span(b)),
        entities: a
            .entities
            .iter()
            .map(|e| EntityJson {
                id: e.id.clone(),
                name: e.name.clone(),
                etype: e.etype,
                kind: e.kind,
                mentions: e.mentions.iter().map(|m| s.span(m.span)).collect(),
            })
            .collect(),
        attributions: a
            .attributions
            .iter()
            .map(|at| AttributionJson {
                id: at.id.clone(),
                kind: at.kind,
                cue: CueJson {
                    span: s.span(at.cue.span),
                    lemma: at.cue.lemma.clone(),
                },
                source: at.source.as_ref().map(|src| SourceJson {
                    span: s.span(src.span),
                    entity: src.entity.clone(),
                    name: name_of(&src.entity),
                    kind: src.kind,
                    role: src.role.clone(),
                    cue_source: src.cue_source.map(|c| s.span(c)),
                }),
                content: at.content.iter().map(|c| s.span(*c)).collect(),
                via: at
                    .via
                    .iter()
                    .map(|v| {
                        let implied = v.span.is_empty();
                        ViaJson {
                            text: v.text.clone(),
                            entity: v.entity.clone(),
                            name: name_of(&v.entity),
                            kind: v.kind,
                            cue: v.cue.clone(),
                            start: (!implied).then(|| s.map.char_of(v.span.start)),
                            end: (!implied).then(|| s.map.char_of(v.span.end)),
                        }
                    })
                    .collect(),
                hedge: at.hedge.as_ref().map(|h| ClaimHedgeJson {
                    text: crate::slice(text, h.span).to_string(),
                    certainty: h.certainty,
                    kind: h.kind,
                    start: s.map.char_of(h.span.start),
                    end: s.map.char_of(h.span.end),
                }),
                confidence: at.confidence,
            })
            .collect(),
        quantities: a
            .quantities
            .iter()
            .map(|q| QuantityJson {
                span: s.span(q.span),
                value: q.value,
                min: q.min,
                max: q.max,
                unit: q.unit.clone(),
                approximate: q.approximate,
            })
            .collect(),
        times: a
            .times
            .iter()
            .map(|t| TimeJson {
                span: s.span(t.span),
                start_date: t.start_date.clone(),
                end_date: t.end_date.clone(),
                granularity: t.granularity,
                anchor: t.anchor,
            })
            .collect(),
        hedges: a
            .hedges
            .iter()
            .map(|h| HedgeJson {
                span: s.span(h.span),
                certainty: h.certainty,
                kind: h.kind,
                scope: s.span(h.scope),
            })
            .collect(),
        flags: a
            .flags
            .iter()
            .map(|f| FlagJson {
                kind: f.kind,
                entities: f.entities.clone(),
                mentions: f.mentions.iter().map(|m| s.span(*m)).collect(),
                note: f.note.clone(),
            })
            .collect(),
    }
}

/// Pretty-printed JSON (for one document).
pub fn to_string_pretty(a: &Analysis) -> String {
    let mut s = serde_json::to_string_pretty(&from_analysis(a)).expect("the analysis serializes");
    s.push('\n');
    s
}

/// One line of JSON (for JSON Lines).
pub fn to_line(a: &Analysis) -> String {
    let mut s = serde_json::to_string(&from_analysis(a)).expect("the analysis serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::{Attribution, Cue, Document, Source, ViaLink};

    fn sample() -> Analysis {
        let text = "Koreaʼs army grew, officials said.";
        let mut a = Analysis::empty(Document::new(text), "test");
        let b = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        a.attributions.push(Attribution {
            id: "a1".into(),
            kind: AttributionKind::Indirect,
            cue: Cue {
                span: b("said"),
                lemma: "say".into(),
            },
            source: Some(Source {
                span: b("officials"),
                entity: None,
                kind: SourceKind::AnonymousGroup,
                role: None,
                cue_source: None,
            }),
            content: vec![b("Koreaʼs army grew")],
            via: vec![ViaLink {
                span: Span::new(0, 0),
                text: "Babel".into(),
                entity: None,
                kind: SourceKind::NewsOutlet,
                cue: None,
            }],
            hedge: None,
            confidence: 0.9,
        });
        a
    }

    #[test]
    fn offsets_are_code_points() {
        let j = from_analysis(&sample());
        let at = &j.attributions[0];
        assert_eq!((at.cue.span.start, at.cue.span.end), (29, 33));
        assert_eq!(at.cue.span.text, "said");
        assert_eq!(at.content[0].end, 17);
        assert_eq!(at.via[0].start, None);
    }

    #[test]
    fn serializes_to_the_documented_shape() {
        let v: serde_json::Value = serde_json::from_str(&to_string_pretty(&sample())).unwrap();
        assert_eq!(v["schema"], "hearsay.analysis/1");
        let at = &v["attributions"][0];
        assert_eq!(at["kind"], "indirect");
        assert_eq!(at["cue"]["lemma"], "say");
        assert_eq!(at["cue"]["start"], 29);
        assert_eq!(at["source"]["kind"], "anonymous_group");
        assert_eq!(at["source"]["entity"], serde_json::Value::Null);
        assert_eq!(at["hedge"], serde_json::Value::Null);
        assert_eq!(at["via"][0]["kind"], "news_outlet");
        for key in [
            "id",
            "title",
            "byline",
            "outlet",
            "url",
            "published",
            "path",
            "language",
            "language_confidence",
        ] {
            assert!(v["document"].get(key).is_some(), "document.{key}");
        }
        let back: AnalysisJson = serde_json::from_value(v).unwrap();
        assert_eq!(back, from_analysis(&sample()));
    }

    #[test]
    fn dateline_and_byline_are_spans() {
        let text = "Title\n\nBy Ann Lee\n\nTORVIK, May 2 (AP) — It rained.";
        let mut a = Analysis::empty(hearsay_core::Document::new(text), "t");
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        a.byline = Some(at("By Ann Lee"));
        a.dateline = Some(hearsay_core::Dateline {
            span: at("TORVIK, May 2 (AP) —"),
            place: at("TORVIK"),
            region: None,
            date: Some(at("May 2")),
            wire: Some(at("AP")),
        });
        let v: serde_json::Value = serde_json::from_str(&to_string_pretty(&a)).unwrap();
        assert_eq!(v["byline"]["text"], "By Ann Lee");
        assert_eq!(v["dateline"]["text"], "TORVIK, May 2 (AP) —");
        assert_eq!(v["dateline"]["wire"]["text"], "AP");
        assert_eq!(v["dateline"]["region"], serde_json::Value::Null);
        assert_eq!(v["dateline"]["date"]["start"], 27);
        let none = from_analysis(&sample());
        assert_eq!((none.dateline, none.byline), (None, None));
    }

    #[test]
    fn hedges_carry_their_scope() {
        let mut a = sample();
        let text = a.text().to_string();
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        a.hedges.push(hearsay_core::Hedge {
            span: at("grew"),
            certainty: Certainty::Possible,
            kind: HedgeKind::Hedge,
            scope: at("Koreaʼs army grew"),
        });
        let v: serde_json::Value = serde_json::from_str(&to_string_pretty(&a)).unwrap();
        let h = &v["hedges"][0];
        assert_eq!(
            (h["start"].as_u64(), h["end"].as_u64()),
            (Some(13), Some(17))
        );
        assert_eq!(h["scope"]["text"], "Koreaʼs army grew");
        assert_eq!(
            (h["scope"]["start"].as_u64(), h["scope"]["end"].as_u64()),
            (Some(0), Some(17))
        );
    }

    #[test]
    fn bad_spans_do_not_panic() {
        let mut a = sample();
        a.attributions[0].cue.span = Span::new(1, 500);
        assert_eq!(from_analysis(&a).attributions[0].cue.span.text, "");
    }
}
