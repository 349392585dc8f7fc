//! A static index of ranges (token or byte ranges) for the questions the
//! stages ask over a whole document — which mentions overlap this span, which
//! contents hold this cue — in O((k + 1) log n) for k answers instead of a
//! pass over every range, so that the cost of a document stays linear in its
//! length.

use std::ops::Range;

/// Half-open ranges with a payload each, sorted by start; a tree of the
/// largest end below each node finds the ranges that start before a point
/// and reach another without looking at the others.
///
/// ```
/// use hearsay_core::Intervals;
/// let ix = Intervals::new([(0..10, "a"), (2..4, "b"), (5..8, "c")]);
/// let found: Vec<&str> = ix.overlapping(3..6).map(|(_, v)| *v).collect();
/// assert_eq!(found, ["a", "b", "c"]);
/// let holding: Vec<&str> = ix.containing(5..7).map(|(_, v)| *v).collect();
/// assert_eq!(holding, ["a", "c"]);
/// ```
#[derive(Debug, Clone)]
pub struct Intervals<T> {
    ranges: Vec<(Range<usize>, T)>,
    /// Largest end in each node's part of `ranges` (a complete binary tree, root at 1).
    max_end: Vec<usize>,
    /// Leaves (a power of two, at least the number of ranges).
    width: usize,
}

impl<T> Intervals<T> {
    /// Index `ranges`; ranges with equal starts keep their given order.
    pub fn new(ranges: impl IntoIterator<Item = (Range<usize>, T)>) -> Self {
        let mut ranges: Vec<(Range<usize>, T)> = ranges.into_iter().collect();
        ranges.sort_by_key(|(r, _)| r.start);
        let width = ranges.len().next_power_of_two().max(1);
        let mut max_end = vec![0; 2 * width];
        for (i, (r, _)) in ranges.iter().enumerate() {
            max_end[width + i] = r.end;
        }
        for node in (1..width).rev() {
            max_end[node] = max_end[2 * node].max(max_end[2 * node + 1]);
        }
        Intervals {
            ranges,
            max_end,
            width,
        }
    }

    /// How many ranges there are.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The ranges that start before `x` and end at or after `y`, in order of start.
    pub fn starting_before_reaching(
        &self,
        x: usize,
        y: usize,
    ) -> impl Iterator<Item = (&Range<usize>, &T)> {
        let limit = self.ranges.partition_point(|(r, _)| r.start < x);
        let mut stack = Vec::new();
        if limit > 0 {
            stack.push((1usize, 0usize, self.width));
        }
        std::iter::from_fn(move || {
            while let Some((node, lo, hi)) = stack.pop() {
                if lo >= limit || self.max_end[node] < y {
                    continue;
                }
                if hi - lo == 1 {
                    let (r, v) = &self.ranges[lo];
                    if r.end >= y {
                        return Some((r, v));
                    }
                    continue;
                }
                let mid = lo + (hi - lo) / 2;
                stack.push((2 * node + 1, mid, hi));
                stack.push((2 * node, lo, mid));
            }
            None
        })
    }

    /// The ranges that overlap `r` as [`crate::Span::overlaps`] has it
    /// (`start < r.end` and `r.start < end`), in order of start.
    pub fn overlapping(&self, r: Range<usize>) -> impl Iterator<Item = (&Range<usize>, &T)> {
        self.starting_before_reaching(r.end, r.start + 1)
    }

    /// The ranges that hold all of `r` (`start <= r.start` and `r.end <= end`), in order of start.
    pub fn containing(&self, r: Range<usize>) -> impl Iterator<Item = (&Range<usize>, &T)> {
        self.starting_before_reaching(r.start + 1, r.end)
    }

    /// The ranges that lie within `r` (`r.start <= start` and `end <= r.end`),
    /// in order of start; only the ranges that start inside `r` are looked at.
    pub fn within(&self, r: Range<usize>) -> impl Iterator<Item = (&Range<usize>, &T)> {
        let from = self.ranges.partition_point(|(x, _)| x.start < r.start);
        self.ranges[from..]
            .iter()
            .take_while(move |(x, _)| x.start <= r.end)
            .filter(move |(x, _)| x.end <= r.end)
            .map(|(x, v)| (x, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (start, end) pair over a small line, against a plain scan.
    #[test]
    fn queries_agree_with_a_scan() {
        let mut ranges = Vec::new();
        let mut seed = 7u64;
        for k in 0..300 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let start = (seed >> 33) as usize % 100;
            let len = (seed >> 20) as usize % 12;
            ranges.push((start..start + len, k));
        }
        let ix = Intervals::new(ranges.clone());
        assert_eq!(ix.len(), 300);
        for a in 0..110 {
            for b in a..a + 14 {
                let mut got: Vec<i32> = ix.overlapping(a..b).map(|(_, k)| *k).collect();
                let mut want: Vec<i32> = ranges
                    .iter()
                    .filter(|(r, _)| r.start < b && a < r.end)
                    .map(|(_, k)| *k)
                    .collect();
                got.sort_unstable();
                want.sort_unstable();
                assert_eq!(got, want, "overlapping {a}..{b}");
                let mut got: Vec<i32> = ix.containing(a..b).map(|(_, k)| *k).collect();
                let mut want: Vec<i32> = ranges
                    .iter()
                    .filter(|(r, _)| r.start <= a && b <= r.end)
                    .map(|(_, k)| *k)
                    .collect();
                got.sort_unstable();
                want.sort_unstable();
                assert_eq!(got, want, "containing {a}..{b}");
                let mut got: Vec<i32> = ix.within(a..b).map(|(_, k)| *k).collect();
                let mut want: Vec<i32> = ranges
                    .iter()
                    .filter(|(r, _)| a <= r.start && r.end <= b)
                    .map(|(_, k)| *k)
                    .collect();
                got.sort_unstable();
                want.sort_unstable();
                assert_eq!(got, want, "within {a}..{b}");
            }
        }
    }

    #[test]
    fn answers_come_in_order_of_start_and_ties_keep_their_order() {
        let ix = Intervals::new([(5..9, 'c'), (1..9, 'a'), (5..6, 'd'), (1..2, 'b')]);
        let found: Vec<char> = ix.overlapping(0..10).map(|(_, c)| *c).collect();
        assert_eq!(found, ['a', 'b', 'c', 'd']);
    }

    #[test]
    fn empty_indexes_and_queries_find_nothing() {
        let ix: Intervals<()> = Intervals::new([]);
        assert!(ix.is_empty());
        assert_eq!(ix.overlapping(0..5).count(), 0);
        let ix = Intervals::new([(0..5, ())]);
        assert_eq!(ix.overlapping(2..2).count(), 1);
        assert_eq!(ix.overlapping(5..6).count(), 0);
        assert_eq!(ix.containing(2..2).count(), 1);
    }
}
