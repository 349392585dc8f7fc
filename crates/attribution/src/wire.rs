//! Wire forms: the dateline and the publishing outlet.
//!
//! * A dateline (`VELMORA, March 16 (Northgate Wire) —`) is never part of a
//!   source or a content: roles are clipped to the text after it.
//! * The publishing outlet is never an intermediary of its own claims, in
//!   whatever short form the text names it ("the Chronicle", "UPA").
//! * A dateline's wire that is not the publishing outlet (a newspaper running
//!   a wire story) is the outermost intermediary of every sourced claim.

use crate::outlet::same_outlet;
use crate::role::Roles;
use crate::view::DocView;
use hearsay_core::{Analysis, SourceKind, Span, ViaLink};

/// What the rules know of the article's publication.
pub(crate) struct Publication {
    /// Tokens of the dateline, `lo..hi` (empty when there is none).
    pub dateline: (usize, usize),
    /// The publishing outlet's name, from the document or, failing that, the dateline's wire.
    pub outlet: Option<String>,
    /// Entities that are the publishing outlet.
    pub outlet_entities: Vec<String>,
    /// The dateline's wire when it is not the publishing outlet.
    pub wire: Option<ViaLink>,
}

/// The entity named exactly at `span`, if any.
fn entity_at(a: &Analysis, span: Span) -> Option<String> {
    a.entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| span.contains(&m.span)))
        .map(|e| e.id.clone())
}

impl Publication {
    /// Read the dateline and the outlet of `a`.
    pub(crate) fn new(a: &Analysis, v: &DocView) -> Self {
        let text = a.text();
        let dateline = a.dateline.as_ref().map_or((0, 0), |d| {
            let lo = v.toks.partition_point(|t| t.span.end <= d.span.start);
            let hi = v.toks.partition_point(|t| t.span.start < d.span.end);
            (lo, hi)
        });
        let wire = a.dateline.as_ref().and_then(|d| d.wire);
        let outlet = a
            .document
            .outlet
            .clone()
            .or_else(|| wire.map(|w| w.text(text).to_string()));
        let outlet_entities = a
            .entities
            .iter()
            .filter(|e| {
                outlet.as_deref().is_some_and(|o| {
                    same_outlet(&e.name, o)
                        || e.mentions.iter().any(|m| same_outlet(m.span.text(text), o))
                })
            })
            .map(|e| e.id.clone())
            .collect();
        let wire = wire
            .filter(|w| {
                outlet
                    .as_deref()
                    .is_some_and(|o| !same_outlet(w.text(text), o))
            })
            .map(|w| ViaLink {
                span: w,
                text: w.text(text).to_string(),
                entity: entity_at(a, w),
                kind: SourceKind::NewsOutlet,
                cue: None,
            });
        Publication {
            dateline,
            outlet,
            outlet_entities,
            wire,
        }
    }

    /// Does `link` name the publishing outlet?
    pub(crate) fn is_publisher(&self, link: &ViaLink) -> bool {
        link.entity
            .as_ref()
            .is_some_and(|e| self.outlet_entities.contains(e))
            || self
                .outlet
                .as_deref()
                .is_some_and(|o| same_outlet(&link.text, o))
    }

    /// `roles` without the dateline's tokens.
    pub(crate) fn clip(&self, roles: &mut Roles) {
        let (lo, hi) = self.dateline;
        if lo == hi {
            return;
        }
        let cut = |(a, b): (usize, usize)| -> Option<(usize, usize)> {
            let (a, b) = if a >= lo && a < hi { (hi, b) } else { (a, b) };
            let (a, b) = if b > lo && b <= hi { (a, lo) } else { (a, b) };
            (a < b).then_some((a, b))
        };
        roles.source = roles.source.and_then(cut);
        roles.content = roles.content.iter().copied().filter_map(cut).collect();
    }
}
