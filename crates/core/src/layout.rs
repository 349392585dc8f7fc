use crate::Span;
use serde::{Deserialize, Serialize};

/// The dateline that opens a wire-style article body:
/// `VELMORA, March 16 (Northgate Wire) —`, `CASTREL, Norvane, Sept 15 (CPS) —`,
/// `WASHINGTON (AP) —`, `ALDERCOURT —`.
///
/// It tells where and when the story was filed and, in parentheses, the wire
/// service or outlet that filed it. It is never part of a source or a content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline, up to and including its dash (bytes).
    pub span: Span,
    /// The place it was filed from ("VELMORA", "PORT ARDITH").
    pub place: Span,
    /// The region or country after the place ("Norvane" in `CASTREL, Norvane`), when given.
    pub region: Option<Span>,
    /// The date as written ("March 16", "5 March"), when given.
    pub date: Option<Span>,
    /// The wire service or outlet in parentheses ("Northgate Wire", "AP"), when given.
    pub wire: Option<Span>,
}
