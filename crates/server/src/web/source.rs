//! The sources: a list of origins, and one origin's reliability with its
//! reason and its track record.

use super::cluster::reliability_name;
use super::entity::claim_list;
use super::html::{Page, esc, label};
use hearsay_resolve::GraphClaim;
use hearsay_store::SourceSummary;
use std::fmt::Write;

/// The sources page: every origin with its grade and record.
pub fn list(sources: &hearsay_store::Page<SourceSummary>, next: Option<String>) -> Page {
    let mut body = format!(
        "<h1>Sources</h1><p class=\"meta\">{} origins, the most prolific first. Reliability follows the Admiralty code: \
         A completely reliable … E unreliable, F cannot be judged.</p>",
        sources.total
    );
    body.push_str(
        "<div class=\"scroll\"><table class=\"facts\"><thead><tr><th>source</th><th>kind</th><th>reliability</th>\
         <th>claims</th><th>articles</th><th>upheld</th><th>disputed</th></tr></thead><tbody>",
    );
    for s in &sources.items {
        let o = &s.origin;
        let _ = write!(
            body,
            "<tr><td><a href=\"/sources/{id}\">{d}</a></td><td>{k}</td><td><span class=\"grade\" title=\"{rn}\">{r}</span></td>\
             <td>{c}</td><td>{n}</td><td>{u}</td><td>{x}</td></tr>",
            id = esc(&o.id),
            d = esc(&o.description),
            k = label(&o.kind),
            r = esc(&o.reliability),
            rn = reliability_name(&o.reliability),
            c = s.claims,
            n = s.documents,
            u = s.upheld,
            x = s.disputed,
        );
    }
    body.push_str("</tbody></table></div>");
    if let Some(next) = next {
        let _ = write!(
            body,
            "<p class=\"pager\"><a href=\"{}\">Next page →</a></p>",
            esc(&next)
        );
    }
    Page::new("Sources", body)
}

/// One source's page; `entity` is its entity's id and name when it is named.
pub fn page(
    s: &SourceSummary,
    entity: Option<(&str, &str)>,
    claims: &[GraphClaim],
    total: usize,
) -> Page {
    let o = &s.origin;
    let mut body = String::new();
    let _ = write!(
        body,
        "<p class=\"meta\"><a href=\"/sources\">Sources</a> › {id}</p><h1>{d}</h1><p class=\"meta\">{k}</p>",
        id = esc(&o.id),
        d = esc(&o.description),
        k = label(&o.kind),
    );
    if let Some((id, name)) = entity {
        let _ = write!(
            body,
            "<p>Entity: <a href=\"/entities/{}\">{}</a></p>",
            esc(id),
            esc(name)
        );
    }
    let _ = write!(
        body,
        "<h2>Reliability</h2><p><span class=\"grade big\">{r}</span> {rn}: {why}</p>",
        r = esc(&o.reliability),
        rn = reliability_name(&o.reliability),
        why = esc(&o.reliability_reason),
    );
    if !o.merged.is_empty() {
        body.push_str("<p class=\"meta\">Taken as this one source:</p><ul class=\"plain\">");
        for m in &o.merged {
            let _ = write!(body, "<li>{}</li>", esc(m));
        }
        body.push_str("</ul>");
    }
    let _ = write!(
        body,
        "<h2>Track record</h2><div class=\"scroll\"><table class=\"facts record\"><tbody>\
         <tr><th>claims made</th><td>{}</td></tr><tr><th>articles they appear in</th><td>{}</td></tr>\
         <tr><th>upheld (credibility 1–2)</th><td>{}</td></tr><tr><th>disputed (credibility 4–5)</th><td>{}</td></tr>\
         </tbody></table></div>",
        s.claims, s.documents, s.upheld, s.disputed
    );
    let _ = write!(
        body,
        "<section><h2>Its claims{}</h2>{}</section>",
        if total > claims.len() {
            format!(" (the latest {} of {total})", claims.len())
        } else {
            String::new()
        },
        claim_list(claims)
    );
    Page::new(o.description.clone(), body)
}
