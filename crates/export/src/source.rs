//! Where an export reads the graph from: [`GraphSource`], a paged read.

use crate::ExportError;
use hearsay_resolve::{
    GraphClaim, GraphCluster, GraphDocument, GraphEntity, GraphOrigin, GraphRelation, GraphTimeline,
};
use std::collections::VecDeque;

/// Any error of a [`GraphSource`].
pub type SourceError = Box<dyn std::error::Error + Send + Sync>;

/// One page of rows, or why there is none.
pub type Page<T> = Result<Vec<T>, SourceError>;

/// A graph read page by page, so that an export holds one page at a time.
///
/// Every list comes in one fixed order (documents by publication date, undated
/// first, then id; relations by `a`, `b`, type; timelines by cluster; the
/// rest by id). A page is asked for with the last row of the page before
/// (`None` for the first) and holds at most `limit` rows; a short page is the
/// last. The lookups (`*_by_id`) return the rows that exist, in id order.
///
/// The store implements it over SQLite; [`MemorySource`](crate::MemorySource)
/// over a [`Graph`](hearsay_resolve::Graph) held in memory.
pub trait GraphSource {
    /// When the graph was last assessed (`YYYY-MM-DDTHH:MM:SSZ`): the time
    /// stamp of the objects that formats with time stamps write.
    fn assessed_at(&self) -> Result<Option<String>, SourceError>;
    /// Documents after `after`.
    fn documents(&self, after: Option<&GraphDocument>, limit: usize) -> Page<GraphDocument>;
    /// Entities after `after`.
    fn entities(&self, after: Option<&GraphEntity>, limit: usize) -> Page<GraphEntity>;
    /// Origins after `after`.
    fn origins(&self, after: Option<&GraphOrigin>, limit: usize) -> Page<GraphOrigin>;
    /// Claims after `after`, with their mentions.
    fn claims(&self, after: Option<&GraphClaim>, limit: usize) -> Page<GraphClaim>;
    /// Clusters after `after`.
    fn clusters(&self, after: Option<&GraphCluster>, limit: usize) -> Page<GraphCluster>;
    /// Relations after `after`.
    fn relations(&self, after: Option<&GraphRelation>, limit: usize) -> Page<GraphRelation>;
    /// Timelines after `after`.
    fn timelines(&self, after: Option<&GraphTimeline>, limit: usize) -> Page<GraphTimeline>;
    /// The claims with these ids.
    fn claims_by_id(&self, ids: &[String]) -> Page<GraphClaim>;
    /// The origins with these ids.
    fn origins_by_id(&self, ids: &[String]) -> Page<GraphOrigin>;
    /// The entities with these ids.
    fn entities_by_id(&self, ids: &[String]) -> Page<GraphEntity>;
    /// The documents with these ids.
    fn documents_by_id(&self, ids: &[String]) -> Page<GraphDocument>;
    /// Ids of the claims (of this source) with a mention in this document, in order.
    fn claims_of_document(&self, document: &str) -> Page<String>;
    /// The cluster a claim belongs to.
    fn cluster_of(&self, claim: &str) -> Result<Option<String>, SourceError>;
}

/// How many rows a page holds.
pub(crate) const PAGE: usize = 512;

/// How a list's pages are fetched: the last row before, and how many.
type Fetch<'s, T> = Box<dyn Fn(Option<&T>, usize) -> Page<T> + 's>;

/// The rows of one list of a source, page after page.
pub(crate) struct Rows<'s, T> {
    fetch: Fetch<'s, T>,
    buffered: VecDeque<T>,
    last: Option<T>,
    done: bool,
}

impl<'s, T: Clone> Rows<'s, T> {
    /// The rows `fetch` gives, a page at a time.
    pub(crate) fn new(fetch: impl Fn(Option<&T>, usize) -> Page<T> + 's) -> Self {
        Rows {
            fetch: Box::new(fetch),
            buffered: VecDeque::new(),
            last: None,
            done: false,
        }
    }
}

impl<T: Clone> Iterator for Rows<'_, T> {
    type Item = Result<T, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.buffered.is_empty() && !self.done {
            match (self.fetch)(self.last.as_ref(), PAGE) {
                Ok(page) => {
                    self.done = page.len() < PAGE;
                    self.last = page.last().cloned();
                    self.buffered = page.into();
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(ExportError::Source(e)));
                }
            }
        }
        self.buffered.pop_front().map(Ok)
    }
}

/// The lists of a source as row iterators.
pub(crate) trait Lists {
    fn documents_all(&self) -> Rows<'_, GraphDocument>;
    fn entities_all(&self) -> Rows<'_, GraphEntity>;
    fn origins_all(&self) -> Rows<'_, GraphOrigin>;
    fn claims_all(&self) -> Rows<'_, GraphClaim>;
    fn clusters_all(&self) -> Rows<'_, GraphCluster>;
    fn relations_all(&self) -> Rows<'_, GraphRelation>;
    fn timelines_all(&self) -> Rows<'_, GraphTimeline>;
}

impl<S: GraphSource + ?Sized> Lists for S {
    fn documents_all(&self) -> Rows<'_, GraphDocument> {
        Rows::new(|after, n| self.documents(after, n))
    }
    fn entities_all(&self) -> Rows<'_, GraphEntity> {
        Rows::new(|after, n| self.entities(after, n))
    }
    fn origins_all(&self) -> Rows<'_, GraphOrigin> {
        Rows::new(|after, n| self.origins(after, n))
    }
    fn claims_all(&self) -> Rows<'_, GraphClaim> {
        Rows::new(|after, n| self.claims(after, n))
    }
    fn clusters_all(&self) -> Rows<'_, GraphCluster> {
        Rows::new(|after, n| self.clusters(after, n))
    }
    fn relations_all(&self) -> Rows<'_, GraphRelation> {
        Rows::new(|after, n| self.relations(after, n))
    }
    fn timelines_all(&self) -> Rows<'_, GraphTimeline> {
        Rows::new(|after, n| self.timelines(after, n))
    }
}

/// Wrap a source error.
pub(crate) fn source<T>(r: Result<T, SourceError>) -> Result<T, ExportError> {
    r.map_err(ExportError::Source)
}
