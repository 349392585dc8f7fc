//! Lists come in pages: `limit` and `offset` in, the items, a `total` and the
//! next page's link out.

use crate::ApiError;
use serde::{Deserialize, Serialize};

/// Items per page when the request does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// Most items per page.
pub const MAX_LIMIT: usize = 500;
/// Totals counted by the server are counted up to this many; beyond, `total_exact` is false.
pub const COUNT_CAP: usize = 100_000;

/// The paging parameters of a list request.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct PageParams {
    /// Items per page, 1 to [`MAX_LIMIT`].
    pub limit: Option<usize>,
    /// Items to skip.
    pub offset: Option<usize>,
}

impl PageParams {
    /// The limit and offset to use, or why they are refused.
    pub fn checked(self) -> Result<(usize, usize), ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::BadRequest(format!(
                "limit must be between 1 and {MAX_LIMIT}, not {limit}"
            )));
        }
        Ok((limit, self.offset.unwrap_or(0)))
    }
}

/// One page of a list.
#[derive(Debug, Serialize)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items the whole list has (up to [`COUNT_CAP`]).
    pub total: usize,
    /// False when counting stopped at [`COUNT_CAP`] items: the list has at least `total`.
    pub total_exact: bool,
    /// The page size.
    pub limit: usize,
    /// Items skipped before this page.
    pub offset: usize,
    /// The next page (path and query), or null on the last page.
    pub next: Option<String>,
}

/// How many items a list has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    /// Exactly this many.
    Exact(usize),
    /// Counted up to [`COUNT_CAP`]: exact below it, at least the cap otherwise.
    Capped(usize),
}

impl<T> Page<T> {
    /// A page of `items` out of `total`, for a request to `path` with `query`
    /// (the filters, without limit and offset).
    pub fn new(
        items: Vec<T>,
        total: Total,
        (limit, offset): (usize, usize),
        path: &str,
        query: &[(&str, Option<&str>)],
    ) -> Self {
        let (total, total_exact) = match total {
            Total::Exact(n) => (n, true),
            Total::Capped(n) => (n, n < COUNT_CAP),
        };
        let shown = offset.saturating_add(items.len());
        let next = (shown < total && !items.is_empty()).then(|| {
            let mut q: Vec<String> = query
                .iter()
                .filter_map(|(k, v)| v.map(|v| format!("{k}={}", encode(v))))
                .collect();
            q.push(format!("limit={limit}"));
            q.push(format!("offset={shown}"));
            format!("{path}?{}", q.join("&"))
        });
        Page {
            items,
            total,
            total_exact,
            limit,
            offset,
            next,
        }
    }
}

/// `s` percent-encoded for a query string value (unreserved characters kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_link_keeps_the_filters_and_moves_the_offset() {
        let p = Page::new(
            vec![1, 2],
            Total::Exact(5),
            (2, 2),
            "/api/claims",
            &[("q", Some("troops AND \"north korea\"")), ("entity", None)],
        );
        assert_eq!(
            p.next.as_deref(),
            Some("/api/claims?q=troops%20AND%20%22north%20korea%22&limit=2&offset=4")
        );
        let last = Page::new(vec![5], Total::Exact(5), (2, 4), "/api/claims", &[]);
        assert_eq!(last.next, None);
        let beyond = Page::<u8>::new(vec![], Total::Exact(5), (2, 10), "/api/claims", &[]);
        assert_eq!(beyond.next, None);
        let many = Page::new(
            vec![1],
            Total::Capped(COUNT_CAP),
            (1, 0),
            "/api/mentions",
            &[],
        );
        assert!(!many.total_exact);
        assert_eq!(many.next.as_deref(), Some("/api/mentions?limit=1&offset=1"));
    }

    #[test]
    fn limits_outside_the_range_are_refused() {
        let p = |limit| PageParams {
            limit: Some(limit),
            offset: None,
        };
        assert_eq!(p(10).checked().unwrap(), (10, 0));
        assert!(p(0).checked().is_err());
        assert!(p(MAX_LIMIT + 1).checked().is_err());
        assert_eq!(PageParams::default().checked().unwrap(), (DEFAULT_LIMIT, 0));
    }
}
