use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
///
/// Byte offsets keep slicing O(1) inside the analyzer; conversion to code points
/// happens once, at the output boundary ([`crate::CharMap`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes); `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The text the span covers. Panics if the span is not on char boundaries of `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely within `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(&Span::new(4, 9)));
        assert!(!a.overlaps(&Span::new(5, 9)));
        assert!(a.contains(&Span::new(1, 5)));
        assert_eq!(a.cover(&Span::new(7, 9)), Span::new(0, 9));
    }

    #[test]
    fn trim_strips_whitespace() {
        let t = "  said \n";
        assert_eq!(Span::new(0, t.len()).trim(t), Span::new(2, 6));
        assert!(Span::new(0, 2).trim(t).is_empty());
    }
}
