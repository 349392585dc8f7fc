//! BILOU encoding of entity spans: `O`, then `B`, `I`, `L`, `U` for every entity type.

use std::ops::Range;

/// Position of a token in an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// First of several tokens.
    Begin,
    /// Inside, neither first nor last.
    Inside,
    /// Last of several tokens.
    Last,
    /// A one-token entity.
    Unit,
}

/// The class of "outside any entity".
pub(crate) const OUT: usize = 0;

/// The class of `part` of an entity of type `ty`.
pub(crate) fn class(ty: usize, part: Part) -> usize {
    1 + 4 * ty
        + match part {
            Part::Begin => 0,
            Part::Inside => 1,
            Part::Last => 2,
            Part::Unit => 3,
        }
}

/// The type and part of a class, `None` for [`OUT`].
pub(crate) fn decode(c: usize) -> Option<(usize, Part)> {
    let c = c.checked_sub(1)?;
    let part = match c % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((c / 4, part))
}

/// Whether class `next` may follow class `prev` (`None` at the sentence start);
/// `last` says `next` is the sentence's final token.
pub(crate) fn allowed(prev: Option<usize>, next: usize, last: bool) -> bool {
    let open = prev
        .and_then(decode)
        .filter(|&(_, p)| matches!(p, Part::Begin | Part::Inside));
    let n = decode(next);
    match open {
        Some((ty, _)) => {
            matches!(n, Some((t, p)) if t == ty && (p == Part::Last || (p == Part::Inside && !last)))
        }
        None => {
            !(matches!(n, Some((_, Part::Inside | Part::Last)))
                || last && matches!(n, Some((_, Part::Begin))))
        }
    }
}

/// Encode per-token types (`None` outside entities) as BILOU classes; runs of
/// one type form one entity.
pub(crate) fn encode(types: &[Option<usize>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(types.len());
    for (i, &t) in types.iter().enumerate() {
        out.push(match t {
            None => OUT,
            Some(ty) => {
                let starts = i == 0 || types[i - 1] != t;
                let ends = i + 1 == types.len() || types[i + 1] != t;
                class(
                    ty,
                    match (starts, ends) {
                        (true, true) => Part::Unit,
                        (true, false) => Part::Begin,
                        (false, true) => Part::Last,
                        (false, false) => Part::Inside,
                    },
                )
            }
        });
    }
    out
}

/// Entity spans (token ranges with their type) of a class sequence, tolerating
/// invalid sequences (an unfinished entity ends where its type changes).
pub(crate) fn spans(classes: &[usize]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    // The open entity: (first token, type).
    let mut open: Option<(usize, usize)> = None;
    for (i, &c) in classes.iter().enumerate() {
        let Some((ty, part)) = decode(c) else {
            if let Some((start, t)) = open.take() {
                out.push((start..i, t));
            }
            continue;
        };
        let continuing =
            matches!(open, Some((_, t)) if t == ty) && matches!(part, Part::Inside | Part::Last);
        if !continuing && let Some((start, t)) = open.take() {
            out.push((start..i, t));
        }
        match part {
            Part::Begin | Part::Inside => {
                if !continuing {
                    open = Some((i, ty));
                }
            }
            Part::Last => {
                let start = open.take().map_or(i, |(s, _)| s);
                out.push((start..i + 1, ty));
            }
            Part::Unit => out.push((i..i + 1, ty)),
        }
    }
    if let Some((start, ty)) = open {
        out.push((start..classes.len(), ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_validity() {
        let types = [
            None,
            Some(1),
            Some(1),
            None,
            Some(0),
            Some(2),
            Some(2),
            Some(2),
        ];
        let c = encode(&types);
        assert_eq!(spans(&c), vec![(1..3, 1), (4..5, 0), (5..8, 2)]);
        let mut prev = None;
        for (i, &x) in c.iter().enumerate() {
            assert!(allowed(prev, x, i + 1 == c.len()), "{i}");
            prev = Some(x);
        }
        assert!(!allowed(None, class(0, Part::Inside), false));
        assert!(!allowed(Some(class(0, Part::Begin)), OUT, false));
        assert!(!allowed(
            Some(class(0, Part::Begin)),
            class(1, Part::Last),
            false
        ));
        assert!(!allowed(None, class(0, Part::Begin), true));
        assert_eq!(spans(&[class(0, Part::Begin)]), vec![(0..1, 0)]);
    }
}
