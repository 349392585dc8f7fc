//! The entity page: its names (flagged variants marked), roles, and the claims by and about it.

use super::cluster::credibility_name;
use super::html::{Page, esc, label, quoted};
use hearsay_resolve::GraphClaim;
use hearsay_store::EntityView;
use std::collections::HashMap;
use std::fmt::Write;

/// A list of claims, each linked to its cluster.
pub fn claim_list(claims: &[GraphClaim]) -> String {
    if claims.is_empty() {
        return "<p class=\"empty\">None.</p>".into();
    }
    let mut out = String::from("<ul class=\"plain\">");
    for c in claims {
        let cred = c.credibility.unwrap_or(6);
        let _ = write!(
            out,
            "<li><a href=\"/claims/{id}\">{p}</a> <span class=\"meta\">credibility {cred} ({cn}) · {n} mention{s}</span></li>",
            id = esc(&c.id),
            p = esc(&quoted(&c.proposition)),
            cn = credibility_name(cred),
            n = c.mentions.len(),
            s = if c.mentions.len() == 1 { "" } else { "s" },
        );
    }
    out.push_str("</ul>");
    out
}

/// The entity page; `names` holds the names of its affiliation and country.
pub fn page(view: &EntityView, names: &HashMap<String, String>) -> Page {
    let e = &view.entity;
    let mut body = String::new();
    let _ = write!(
        body,
        "<p class=\"meta\"><a href=\"/\">Home</a> › entity {id}</p><h1>{name}</h1>\
         <p class=\"meta\">{kind} · {etype} · named in {n} document{s}</p>",
        id = esc(&e.id),
        name = esc(&e.name),
        kind = label(&e.kind),
        etype = label(&e.etype),
        n = e.documents,
        s = if e.documents == 1 { "" } else { "s" },
    );
    for (what, id) in [("Speaks for", &e.affiliation), ("Country", &e.country)] {
        if let Some(id) = id {
            let _ = write!(
                body,
                "<p>{what}: <a href=\"/entities/{id}\">{}</a></p>",
                esc(names.get(id).map_or(id.as_str(), String::as_str)),
                id = esc(id),
            );
        }
    }
    body.push_str("<h2>Names</h2><ul class=\"tags\" aria-label=\"Aliases\">");
    for a in &e.aliases {
        let variant = e.variants.contains(a);
        let _ = write!(
            body,
            "<li{}>{}{}</li>",
            if variant { " class=\"variant\"" } else { "" },
            esc(a),
            if variant {
                " <span class=\"kind\">flagged variant</span>"
            } else {
                ""
            },
        );
    }
    body.push_str("</ul>");
    if !e.variants.is_empty() {
        let _ = write!(
            body,
            "<p class=\"meta\">Flagged: {} written as another spelling of {}; check that they are one.</p>",
            e.variants
                .iter()
                .map(|v| format!("“{}”", esc(v)))
                .collect::<Vec<_>>()
                .join(", "),
            esc(&e.name)
        );
    }
    if !e.roles.is_empty() {
        body.push_str("<h2>Roles</h2><ul class=\"tags\">");
        for r in &e.roles {
            let _ = write!(body, "<li>{}</li>", esc(r));
        }
        body.push_str("</ul>");
    }
    let _ = write!(
        body,
        "<section><h2>Claims by {name} ({})</h2>{}</section><section><h2>Claims about or through {name} ({})</h2>{}</section>",
        view.claims_by.len(),
        claim_list(&view.claims_by),
        view.claims_about.len(),
        claim_list(&view.claims_about),
        name = esc(&e.name),
    );
    Page::new(e.name.clone(), body)
}
