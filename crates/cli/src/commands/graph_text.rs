//! The claim graph as text a person reads in a terminal: claims with their
//! mentions and chains, clusters with their grades and timeline, entities.

use hearsay_resolve::{
    GraphClaim, GraphEntity, GraphMention, GraphOrigin, GraphQuantity, GraphTimeline, Modality,
    RelationKind,
};
use hearsay_store::{ClusterView, EntityView, SourceSummary};
use std::collections::HashMap;
use std::fmt::Write;

/// Names to show for entity ids.
pub type Names = HashMap<String, String>;

/// `s` cut to `n` characters with an ellipsis.
pub fn clip(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        return s;
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The first 12 characters of an id.
pub fn short(id: &str) -> &str {
    &id[..id.len().min(13)]
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let s = format!("{}", x as i64);
        let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{sign}{out}")
    } else {
        format!("{x}")
    }
}

/// A figure as people write it: "~1,200", "3,000–4,000", "≥ 90", "≤ 600".
pub fn figure(value: Option<f64>, min: Option<f64>, max: Option<f64>, approximate: bool) -> String {
    let about = if approximate { "~" } else { "" };
    match (value, min, max) {
        (Some(v), _, _) => format!("{about}{}", number(v)),
        (None, Some(lo), Some(hi)) => format!("{about}{}–{}", number(lo), number(hi)),
        (None, Some(lo), None) => format!("≥ {about}{}", number(lo)),
        (None, None, Some(hi)) => format!("≤ {about}{}", number(hi)),
        _ => "?".into(),
    }
}

/// A claim's figure with its unit, modality and date.
pub fn quantity(q: &GraphQuantity) -> String {
    let mut s = figure(q.value, q.min, q.max, q.approximate);
    if let Some(u) = &q.unit {
        let _ = write!(s, " {u}");
    }
    let _ = write!(s, ", {}", q.modality.as_str());
    if let Some(d) = &q.as_of {
        let _ = write!(s, ", as of {d}");
    }
    s
}

/// Articles a claim appears in.
fn articles(c: &GraphClaim) -> usize {
    let mut docs: Vec<&str> = c.mentions.iter().map(|m| m.document.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// One claim on one line (and its figure on the next).
pub fn claim_line(c: &GraphClaim, origin: Option<&GraphOrigin>) -> String {
    let grade = match (origin, c.credibility) {
        (Some(o), Some(g)) => format!("{}{g}", o.reliability),
        (None, Some(g)) => format!("?{g}"),
        _ => "  ".into(),
    };
    let n = c.mentions.len();
    let mut s = format!(
        "{}  {grade}  {n} mention{} in {} article{}  {}: “{}”",
        short(&c.id),
        if n == 1 { "" } else { "s" },
        articles(c),
        if articles(c) == 1 { "" } else { "s" },
        origin.map_or("?", |o| o.description.as_str()),
        clip(&c.proposition, 110)
    );
    if let Some(q) = &c.quantity {
        let _ = write!(s, "\n               figure {}", quantity(q));
    }
    s
}

/// A mention: date and outlet, the chain, the source, the quoted content.
pub fn mention_line(m: &GraphMention, outlet: Option<&str>, names: &Names) -> String {
    let mut chain: Vec<String> = m
        .via
        .iter()
        .map(|v| names.get(v).cloned().unwrap_or_else(|| v.clone()))
        .collect();
    let source = match (&m.source, &m.source_entity) {
        (Some(t), Some(e)) => match names.get(e) {
            Some(n) if !n.eq_ignore_ascii_case(t) => format!("{} = {n}", clip(t, 60)),
            _ => clip(t, 60),
        },
        (Some(t), None) => clip(t, 60),
        (None, _) => "(no source)".into(),
    };
    chain.insert(0, source);
    if let Some(o) = outlet {
        chain.push(o.to_string());
    }
    let mut s = format!(
        "    {} {}{}",
        m.published.as_deref().unwrap_or("????-??-??"),
        chain.join(" → "),
        if m.headline { " (headline)" } else { "" }
    );
    let _ = write!(s, "\n        “{}”", clip(&m.content, 160));
    if let Some(h) = &m.hedge {
        let _ = write!(s, " [hedge: {h}]");
    }
    let _ = write!(s, "  ({} {})", short(&m.document), m.attribution);
    s
}

/// The text of `hearsay show CLAIM`.
pub fn claim(
    c: &GraphClaim,
    cluster: &str,
    origin: Option<&GraphOrigin>,
    names: &Names,
    outlets: &HashMap<String, String>,
) -> String {
    let mut s = format!("Claim {}\n“{}”\n\n", c.id, clip(&c.proposition, 400));
    if let Some(o) = origin {
        let _ = writeln!(
            s,
            "Origin: {} [{}], reliability {} — {}",
            o.description,
            hearsay_format::text::kind(o.kind),
            o.reliability,
            o.reliability_reason
        );
    }
    if let Some(g) = c.credibility {
        let _ = writeln!(s, "Credibility: {g} — {}", c.credibility_reason);
    }
    if let Some(q) = &c.quantity {
        let _ = writeln!(s, "Figure: {} ({})", quantity(q), q.subject);
    }
    let _ = writeln!(s, "Cluster: {cluster}\n\nMentions ({}):", c.mentions.len());
    for m in &c.mentions {
        let _ = writeln!(
            s,
            "{}",
            mention_line(m, outlets.get(&m.document).map(String::as_str), names)
        );
    }
    s
}

/// The text of `hearsay show CLUSTER`.
pub fn cluster(v: &ClusterView, names: &Names, outlets: &HashMap<String, String>) -> String {
    let k = &v.cluster;
    let origins: HashMap<&str, &GraphOrigin> =
        v.origins.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut s = format!(
        "Cluster {} — {}\nStatus: {} · {} independent origin{} · {} claim{}\n",
        k.id,
        k.subject,
        k.status.as_str(),
        k.independent_origins,
        if k.independent_origins == 1 { "" } else { "s" },
        k.claims.len(),
        if k.claims.len() == 1 { "" } else { "s" }
    );
    if let Some(a) = &k.assessed_claim {
        let grade = v
            .claims
            .iter()
            .find(|c| &c.id == a)
            .map(|c| {
                let rel = origins
                    .get(c.origin.as_str())
                    .map_or("?", |o| o.reliability.as_str());
                format!(
                    "{rel}{}",
                    c.credibility.map(|g| g.to_string()).unwrap_or_default()
                )
            })
            .unwrap_or_default();
        let _ = writeln!(s, "Assessed claim: {} (Admiralty {grade})", short(a));
    }
    let _ = writeln!(s, "{}\n\nClaims:", k.explanation);
    for c in &v.claims {
        let _ = writeln!(
            s,
            "  {}",
            claim_line(c, origins.get(c.origin.as_str()).copied())
        );
        for m in &c.mentions {
            let _ = writeln!(
                s,
                "  {}",
                mention_line(m, outlets.get(&m.document).map(String::as_str), names)
            );
        }
    }
    if !v.relations.is_empty() {
        let _ = writeln!(s, "\nRelations:");
        for r in &v.relations {
            let verb = match r.kind {
                RelationKind::Corroborates => "corroborates",
                RelationKind::Contradicts => "contradicts",
                RelationKind::Updates => "updates (replaces)",
                RelationKind::Repeats => "repeats",
            };
            let _ = writeln!(s, "  {} {verb} {}", short(&r.a), short(&r.b));
        }
    }
    if let Some(t) = &v.timeline {
        let _ = write!(s, "\n{}", timeline(t, &origins));
    }
    if v.history.len() > 1 {
        let _ = writeln!(s, "\nHistory:");
        for h in &v.history {
            let _ = writeln!(
                s,
                "  {}  {}{}  {} claims{}",
                h.at,
                h.status,
                h.credibility
                    .map(|g| format!(", credibility {g}"))
                    .unwrap_or_default(),
                h.claims,
                h.document
                    .as_deref()
                    .map(|d| format!("  (moved by {})", short(d)))
                    .unwrap_or_default()
            );
        }
    }
    s
}

fn modality_mark(m: Modality) -> char {
    match m {
        Modality::Actual => '█',
        Modality::Estimated => '▒',
        Modality::Expected => '░',
        Modality::Allowed => '┆',
    }
}

/// A timeline as a table with a bar per figure (bars share one scale).
pub fn timeline(t: &GraphTimeline, origins: &HashMap<&str, &GraphOrigin>) -> String {
    let mut s = format!("Timeline — {}\n", t.subject);
    let top = t
        .points
        .iter()
        .filter_map(|p| p.value.or(p.max).or(p.min))
        .fold(0.0f64, f64::max);
    for p in &t.points {
        let v = p.value.or(p.max).or(p.min).unwrap_or(0.0);
        let width = if top > 0.0 {
            ((v / top) * 30.0).round() as usize
        } else {
            0
        };
        let bar: String = std::iter::repeat_n(modality_mark(p.modality), width.max(1)).collect();
        let _ = writeln!(
            s,
            "  {}  as of {:<10}  {:>16}  {:<9}  {:<30}  {}",
            p.date.as_deref().unwrap_or("????-??-??"),
            p.as_of.as_deref().unwrap_or("—"),
            figure(p.value, p.min, p.max, false),
            p.modality.as_str(),
            bar,
            clip(
                origins
                    .get(p.origin.as_str())
                    .map_or("?", |o| o.description.as_str()),
                40
            )
        );
    }
    let _ = writeln!(s, "  bars: █ actual  ▒ estimated  ░ expected  ┆ allowed");
    s
}

/// One entity on one line.
pub fn entity_line(e: &GraphEntity) -> String {
    let mut s = format!(
        "{}  {} [{}, {}]  {} article{}",
        short(&e.id),
        e.name,
        hearsay_format::text::tag(&e.etype),
        hearsay_format::text::tag(&e.kind),
        e.documents,
        if e.documents == 1 { "" } else { "s" }
    );
    let others: Vec<&str> = e
        .aliases
        .iter()
        .filter(|a| **a != e.name)
        .map(String::as_str)
        .collect();
    if !others.is_empty() {
        let _ = write!(s, "  aka {}", clip(&others.join(", "), 80));
    }
    if !e.variants.is_empty() {
        let _ = write!(s, "  ⚑ variants: {}", e.variants.join(", "));
    }
    s
}

/// The text of `hearsay show ENTITY`.
pub fn entity(v: &EntityView, names: &Names, origins: &HashMap<String, GraphOrigin>) -> String {
    let e = &v.entity;
    let mut s = format!("{}\n", entity_line(e));
    if let Some(a) = &e.affiliation {
        let _ = writeln!(
            s,
            "Speaks for: {}",
            names.get(a).map_or(a.as_str(), String::as_str)
        );
    }
    if let Some(c) = &e.country {
        let _ = writeln!(
            s,
            "Country: {}",
            names.get(c).map_or(c.as_str(), String::as_str)
        );
    }
    if !e.roles.is_empty() {
        let _ = writeln!(s, "Roles: {}", clip(&e.roles.join("; "), 200));
    }
    for (title, list) in [
        ("Claims by it", &v.claims_by),
        ("Claims about or through it", &v.claims_about),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{title} ({}):", list.len());
        for c in list {
            let _ = writeln!(s, "  {}", claim_line(c, origins.get(&c.origin)));
        }
    }
    s
}

/// One source on one line.
pub fn source_line(o: &SourceSummary) -> String {
    format!(
        "{}  {}  {} [{}]  {} claim{} in {} article{}, {} upheld, {} disputed — {}",
        short(&o.origin.id),
        o.origin.reliability,
        o.origin.description,
        hearsay_format::text::kind(o.origin.kind),
        o.claims,
        if o.claims == 1 { "" } else { "s" },
        o.documents,
        if o.documents == 1 { "" } else { "s" },
        o.upheld,
        o.disputed,
        o.origin.reliability_reason
    )
}
