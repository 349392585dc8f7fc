//! The cluster view: its claims side by side with their origins, mentions,
//! grades and the explanation; the timeline of its figures; which outlet
//! cites whom.

use super::html::{Page, esc, label, quoted};
use super::svg::{self, Citations, Node};
use hearsay_resolve::{GraphClaim, GraphOrigin, RelationKind};
use hearsay_store::{ClusterView, DocHead};
use std::collections::HashMap;
use std::fmt::Write;

/// What the cluster page needs besides the cluster.
pub struct Context {
    /// The documents of the mentions.
    pub documents: HashMap<String, DocHead>,
    /// Names of the entities the mentions' chains pass through.
    pub names: HashMap<String, String>,
}

/// What the credibility digits mean (STANAG 2511).
pub fn credibility_name(c: u8) -> &'static str {
    match c {
        1 => "confirmed",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "cannot be judged",
    }
}

/// What the reliability letters mean.
pub fn reliability_name(r: &str) -> &'static str {
    match r {
        "A" => "completely reliable",
        "B" => "usually reliable",
        "C" => "fairly reliable",
        "D" => "not usually reliable",
        "E" => "unreliable",
        _ => "cannot be judged",
    }
}

/// The Admiralty grade of a claim: its origin's reliability and its credibility ("B2").
pub fn grade(origin: Option<&GraphOrigin>, claim: &GraphClaim) -> String {
    format!(
        "{}{}",
        origin.map_or("F", |o| o.reliability.as_str()),
        claim.credibility.unwrap_or(6)
    )
}

/// The cluster page.
pub fn page(view: &ClusterView, ctx: &Context) -> Page {
    let k = &view.cluster;
    let origin = |id: &str| view.origins.iter().find(|o| o.id == id);
    let mut body = String::new();
    let _ = write!(
        body,
        "<p class=\"meta\"><a href=\"/\">Home</a> › cluster {id}</p><h1>{subject}</h1>\
         <p class=\"facts\"><span class=\"status {status}\">{status}</span> · {n} claims · {o} independent origin{s}",
        id = esc(&k.id),
        subject = esc(&k.subject),
        status = k.status.as_str(),
        n = view.claims.len(),
        o = k.independent_origins,
        s = if k.independent_origins == 1 { "" } else { "s" },
    );
    if let Some(assessed) = k
        .assessed_claim
        .as_deref()
        .and_then(|id| view.claims.iter().find(|c| c.id == id))
    {
        let g = grade(origin(&assessed.origin), assessed);
        let _ = write!(
            body,
            " · assessed claim graded <a class=\"grade\" href=\"#claim-{}\" title=\"Admiralty grade: source reliability and information credibility\">{g}</a>",
            esc(&assessed.id)
        );
    }
    let _ = write!(
        body,
        "</p><p class=\"explanation\">{}</p>",
        esc(&k.explanation)
    );
    if let Some(t) = &view.timeline {
        let chart = svg::timeline(&k.subject, &t.points, |p| {
            origin(&p.origin).map_or_else(|| p.origin.clone(), |o| o.description.clone())
        });
        let _ = write!(
            body,
            "<section><h2>Figures over time</h2>{key}<figure class=\"chart\">{svg}\
             <figcaption>{drawn} figure{s} by the date first reported; each point links to its claim below{undated}.</figcaption></figure></section>",
            key = svg::MODALITY_KEY,
            svg = chart.svg,
            drawn = chart.drawn,
            s = if chart.drawn == 1 { "" } else { "s" },
            undated = if chart.undated > 0 {
                format!("; {} without a date or figure not drawn", chart.undated)
            } else {
                String::new()
            },
        );
    }
    body.push_str("<section><h2>Claims side by side</h2><div class=\"side-by-side\">");
    let mut claims: Vec<&GraphClaim> = view.claims.iter().collect();
    claims.sort_by_key(|c| Some(c.id.as_str()) != k.assessed_claim.as_deref());
    for c in claims {
        claim_card(&mut body, c, origin(&c.origin), view, ctx);
    }
    body.push_str("</div></section>");
    let _ = write!(
        body,
        "<section><h2>Who cites whom</h2><figure class=\"chart\">{}<figcaption>Outlets that published the claims, \
         the intermediaries they cite, and the origins.</figcaption></figure></section>",
        svg::citations(&citations(view, ctx))
    );
    if !view.relations.is_empty() {
        let _ = write!(
            body,
            "<section><details{open}><summary><h2>Relations ({n})</h2></summary><div class=\"scroll\"><table class=\"facts\"><thead><tr>\
             <th>claim</th><th>relation</th><th>claim</th></tr></thead><tbody>",
            open = if view.relations.len() <= 12 {
                " open"
            } else {
                ""
            },
            n = view.relations.len(),
        );
        for r in &view.relations {
            let kind = match r.kind {
                RelationKind::Corroborates => "corroborates",
                RelationKind::Contradicts => "contradicts",
                RelationKind::Updates => "updates (replaces)",
                RelationKind::Repeats => "repeats",
            };
            let _ = write!(
                body,
                "<tr><td><a href=\"#claim-{a}\">{la}</a></td><td>{kind}</td><td><a href=\"#claim-{b}\">{lb}</a></td></tr>",
                a = esc(&r.a),
                b = esc(&r.b),
                la = esc(&claim_label(view, &r.a)),
                lb = esc(&claim_label(view, &r.b)),
            );
        }
        body.push_str("</tbody></table></div></details></section>");
    }
    if !view.history.is_empty() {
        body.push_str("<section><h2>Assessment over time</h2><div class=\"scroll\"><table class=\"facts\"><thead><tr><th>when</th><th>status</th><th>credibility</th><th>claims</th><th>moved by</th></tr></thead><tbody>");
        for h in &view.history {
            let moved = h
                .document
                .as_deref()
                .map(|d| {
                    let title = ctx
                        .documents
                        .get(d)
                        .and_then(|h| h.title.clone())
                        .unwrap_or_else(|| d.chars().take(12).collect());
                    format!("<a href=\"/documents/{}\">{}</a>", esc(d), esc(&title))
                })
                .unwrap_or_default();
            let _ = write!(
                body,
                "<tr><td>{}</td><td><span class=\"status {s}\">{s}</span></td><td>{}</td><td>{}</td><td>{moved}</td></tr>",
                esc(&h.at),
                h.credibility.map(|c| c.to_string()).unwrap_or_default(),
                h.claims,
                s = esc(&h.status),
            );
        }
        body.push_str("</tbody></table></div></section>");
    }
    Page::new(k.subject.clone(), body)
}

/// A claim named for people: its origin and its figure (or the start of its proposition).
fn claim_label(view: &ClusterView, id: &str) -> String {
    let Some(c) = view.claims.iter().find(|c| c.id == id) else {
        return id.to_string();
    };
    let who = view
        .origins
        .iter()
        .find(|o| o.id == c.origin)
        .map_or(c.origin.as_str(), |o| o.description.as_str());
    let what = match &c.quantity {
        Some(q) => format!(
            "{}{}",
            svg::figure(q.value, q.min, q.max),
            q.unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default()
        ),
        None => {
            let mut p: String = c.proposition.chars().take(48).collect();
            if p.len() < c.proposition.len() {
                p.push('…');
            }
            quoted(&p)
        }
    };
    format!("{who}: {what}")
}

/// One claim of the cluster: origin and grades, proposition, figure, mentions.
fn claim_card(
    body: &mut String,
    c: &GraphClaim,
    origin: Option<&GraphOrigin>,
    view: &ClusterView,
    ctx: &Context,
) {
    let assessed = Some(c.id.as_str()) == view.cluster.assessed_claim.as_deref();
    let _ = write!(
        body,
        "<article id=\"claim-{id}\" class=\"claim-card{cls}\" tabindex=\"-1\"><h3>",
        id = esc(&c.id),
        cls = if assessed { " assessed" } else { "" },
    );
    match origin {
        Some(o) => {
            let _ = write!(
                body,
                "<a href=\"/sources/{}\">{}</a> <span class=\"kind\">{}</span>",
                esc(&o.id),
                esc(&o.description),
                label(&o.kind)
            );
        }
        None => body.push_str(&esc(&c.origin)),
    }
    let _ = write!(
        body,
        "</h3><p><span class=\"grade\" title=\"Admiralty grade\">{}</span>{}</p>",
        grade(origin, c),
        if assessed {
            " <strong>assessed claim</strong>"
        } else {
            ""
        }
    );
    let _ = write!(
        body,
        "<p class=\"what\">{}</p>",
        esc(&quoted(&c.proposition))
    );
    if let Some(q) = &c.quantity {
        let (class, name) = svg::modality(q.modality);
        let _ = write!(
            body,
            "<p class=\"figure\"><span class=\"mk qty\">{}{}</span> <span class=\"swatch-text {class}\">{name}</span>{}</p>",
            esc(&svg::figure(q.value, q.min, q.max)),
            q.unit
                .as_deref()
                .map(|u| format!(" {}", esc(u)))
                .unwrap_or_default(),
            q.as_of
                .as_deref()
                .map(|a| format!(", as of {}", esc(a)))
                .unwrap_or_default(),
        );
    }
    if let Some(o) = origin {
        let _ = write!(
            body,
            "<p class=\"meta\">Source {r} ({rn}): {why}</p>",
            r = esc(&o.reliability),
            rn = reliability_name(&o.reliability),
            why = esc(&o.reliability_reason)
        );
    }
    let cred = c.credibility.unwrap_or(6);
    let _ = write!(
        body,
        "<p class=\"meta\">Information {cred} ({}): {}</p>",
        credibility_name(cred),
        esc(&c.credibility_reason)
    );
    let _ = write!(body, "<ul class=\"mentions\" aria-label=\"Mentions\">");
    for m in &c.mentions {
        let head = ctx.documents.get(&m.document);
        let title = head
            .and_then(|h| h.title.clone().or_else(|| h.outlet.clone()))
            .unwrap_or_else(|| m.document.chars().take(12).collect());
        let outlet = head
            .and_then(|h| h.outlet.as_deref())
            .map(|o| format!("{} · ", esc(o)))
            .unwrap_or_default();
        let via: Vec<String> = m
            .via
            .iter()
            .map(|e| esc(ctx.names.get(e).map_or(e.as_str(), String::as_str)))
            .collect();
        let _ = write!(
            body,
            "<li>{outlet}<a href=\"/documents/{doc}#claim-{att}\">{title}</a>{date}: {src}{via}{hedge}</li>",
            doc = esc(&m.document),
            att = esc(&m.attribution),
            title = esc(&title),
            date = m
                .published
                .as_deref()
                .map(|p| format!(" ({})", esc(p)))
                .unwrap_or_default(),
            src = m
                .source
                .as_deref()
                .map(|s| format!("<span class=\"k-src\">{}</span>", esc(s)))
                .unwrap_or_else(|| "no source".into()),
            via = if via.is_empty() {
                String::new()
            } else {
                format!(" via {}", via.join(" → "))
            },
            hedge = m
                .hedge
                .as_deref()
                .map(|h| format!(" · <span class=\"mk hedge\">{}</span>", esc(h)))
                .unwrap_or_default(),
        );
    }
    body.push_str("</ul></article>");
}

/// Which outlet cites whom: each mention's publisher, its chain of intermediaries, its origin.
fn citations(view: &ClusterView, ctx: &Context) -> Citations {
    let mut g = Citations::default();
    for c in &view.claims {
        let origin = view.origins.iter().find(|o| o.id == c.origin);
        let origin_node = g.node(
            2,
            Node {
                name: origin.map_or_else(|| c.origin.clone(), |o| o.description.clone()),
                href: Some(format!("/sources/{}", c.origin)),
            },
        );
        for m in &c.mentions {
            let publisher = ctx
                .documents
                .get(&m.document)
                .and_then(|h| h.outlet.clone())
                .unwrap_or_else(|| "unnamed outlet".into());
            let mut from = g.node(
                0,
                Node {
                    name: publisher,
                    href: None,
                },
            );
            for e in &m.via {
                let name = ctx.names.get(e).cloned().unwrap_or_else(|| e.clone());
                let to = g.node(
                    1,
                    Node {
                        name,
                        href: Some(format!("/entities/{e}")),
                    },
                );
                g.edge(from, to);
                from = to;
            }
            g.edge(from, origin_node);
        }
    }
    g
}
