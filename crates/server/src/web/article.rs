//! The article view: the text with its attributions marked, and its claims
//! beside it, each with its chain.

use super::html::{Page, esc, label, quoted};
use super::marks::{self, Mark, Role};
use crate::api::documents::DocumentView;
use std::fmt::Write;

/// The marks of an analysis: every attribution's source, cue and content, every hedge and quantity.
fn marks_of(view: &DocumentView) -> Vec<Mark> {
    let a = &view.analysis;
    let mut out = Vec::new();
    for at in &a.attributions {
        let id = Some(at.id.clone());
        if let Some(s) = &at.source {
            out.push(Mark {
                start: s.span.start,
                end: s.span.end,
                role: Role::Source,
                attribution: id.clone(),
            });
        }
        out.push(Mark {
            start: at.cue.span.start,
            end: at.cue.span.end,
            role: Role::Cue,
            attribution: id.clone(),
        });
        for c in &at.content {
            out.push(Mark {
                start: c.start,
                end: c.end,
                role: Role::Content,
                attribution: id.clone(),
            });
        }
    }
    for h in &a.hedges {
        out.push(Mark {
            start: h.span.start,
            end: h.span.end,
            role: Role::Hedge,
            attribution: None,
        });
    }
    for q in &a.quantities {
        out.push(Mark {
            start: q.span.start,
            end: q.span.end,
            role: Role::Quantity,
            attribution: None,
        });
    }
    out
}

/// The legend of the colours.
pub const LEGEND: &str = "<ul class=\"legend\" aria-label=\"Legend\">\
    <li><span class=\"mk src\">source</span></li><li><span class=\"mk cue\">cue</span></li>\
    <li><span class=\"mk con\">content</span></li><li><span class=\"mk hedge\">hedge</span></li>\
    <li><span class=\"mk qty\">quantity</span></li></ul>";

/// The article page.
pub fn page(view: &DocumentView) -> Page {
    let a = &view.analysis;
    let d = &a.document;
    let title = d
        .title
        .clone()
        .unwrap_or_else(|| format!("Document {}", &d.id[..12]));
    let mut body = String::new();
    let _ = write!(body, "<article class=\"doc\"><h1>{}</h1>", esc(&title));
    let meta: Vec<String> = [
        d.byline.as_deref(),
        d.outlet.as_deref(),
        d.published.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(esc)
    .collect();
    let _ = write!(
        body,
        "<p class=\"meta\">{}{}<span class=\"count\">{} claims</span> · <a href=\"/api/documents/{id}\">JSON</a></p>",
        meta.join(" · "),
        if meta.is_empty() { "" } else { " · " },
        a.attributions.len(),
        id = esc(&d.id),
    );
    if let Some(url) = &d.url {
        let _ = write!(
            body,
            "<p class=\"meta\">Original: <a href=\"{u}\" rel=\"noreferrer noopener\">{u}</a></p>",
            u = esc(url)
        );
    }
    body.push_str(LEGEND);
    body.push_str("<div class=\"reader\"><div class=\"text\" id=\"text\">");
    body.push_str(&marks::render(&a.text, &marks_of(view)));
    body.push_str("</div><aside class=\"claims\" aria-label=\"Claims\">");
    let _ = write!(
        body,
        "<h2>Claims ({})</h2><ol class=\"claim-list\">",
        a.attributions.len()
    );
    for (at, chain) in a.attributions.iter().zip(&view.chains) {
        let source = at
            .source
            .as_ref()
            .map(|s| {
                let named = s
                    .name
                    .as_deref()
                    .filter(|n| !n.eq_ignore_ascii_case(&s.span.text))
                    .map(|n| format!(" <span class=\"aka\">= {}</span>", esc(n)))
                    .unwrap_or_default();
                format!(
                    "<span class=\"k-src\">{}</span>{named} <span class=\"kind\">{}</span>",
                    esc(&s.span.text),
                    label(&s.kind)
                )
            })
            .unwrap_or_else(|| "<span class=\"kind\">no source</span>".into());
        let content: Vec<&str> = at.content.iter().map(|c| c.text.as_str()).collect();
        let _ = write!(
            body,
            "<li class=\"claim\" id=\"claim-{id}\" tabindex=\"-1\" data-chain=\"{chain}\">\
             <p class=\"who\">{source} — <span class=\"k-cue\">{cue}</span> <span class=\"kind\">{kind}</span></p>\
             <p class=\"what\">{content}</p>\
             <p class=\"chain\"><span class=\"visually-hidden\">Chain: </span>{chain}</p>",
            id = esc(&at.id),
            chain = esc(&chain.line),
            cue = esc(&at.cue.span.text),
            kind = label(&at.kind),
            content = esc(&quoted(&content.join(" … "))),
        );
        if let Some(h) = &at.hedge {
            let _ = write!(
                body,
                "<p class=\"hedged\"><span class=\"mk hedge\">{}</span> {} ({})</p>",
                esc(&h.text),
                label(&h.kind),
                label(&h.certainty)
            );
        }
        if let Some(c) = view.claims.iter().find(|c| c.attribution == at.id) {
            let status = c.status.as_str();
            let _ = write!(
                body,
                "<p class=\"cluster-link\"><span class=\"status {status}\">{status}</span> \
                 <a class=\"to-cluster\" href=\"/clusters/{id}\">{subject} →</a></p>",
                id = esc(&c.cluster),
                subject = esc(&c.subject),
            );
        }
        body.push_str("</li>");
    }
    body.push_str("</ol>");
    if !a.flags.is_empty() {
        body.push_str("<h2>To check</h2><ul class=\"flags\">");
        for f in &a.flags {
            let _ = write!(
                body,
                "<li><span class=\"kind\">{}</span> {}</li>",
                label(&f.kind),
                esc(&f.note)
            );
        }
        body.push_str("</ul>");
    }
    body.push_str("</aside></div></article>");
    Page::new(title, body)
}
