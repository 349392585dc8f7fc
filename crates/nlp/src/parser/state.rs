//! The arc-hybrid transition system (Kuhlmann et al. 2011) with the root
//! placed at the end of the buffer: `SHIFT` pushes the buffer front; `LEFT`
//! makes the stack top a dependent of the buffer front and pops it; `RIGHT`
//! makes the stack top a dependent of the item below it and pops it. A
//! sentence of `n` words takes exactly `2n` transitions and always yields a
//! tree with one root.

/// Marks "no token" in child and head slots.
pub(crate) const NONE: usize = usize::MAX;

/// A transition, with its label index for arcs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    /// Push the buffer front onto the stack.
    Shift,
    /// Attach the stack top to the buffer front (to the root when the buffer holds only it).
    Left(u16),
    /// Attach the stack top to the item below it.
    Right(u16),
}

impl Move {
    /// The class index of the move for `n_labels` labels: shift, then lefts, then rights.
    pub(crate) fn class(self, n_labels: usize) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + usize::from(l),
            Move::Right(l) => 1 + n_labels + usize::from(l),
        }
    }

    /// The move of a class index.
    pub(crate) fn from_class(c: usize, n_labels: usize) -> Move {
        if c == 0 {
            Move::Shift
        } else if c <= n_labels {
            Move::Left((c - 1) as u16)
        } else {
            Move::Right((c - 1 - n_labels) as u16)
        }
    }
}

/// A parser configuration over `n` words; index `n` is the root.
#[derive(Debug, Clone)]
pub(crate) struct State {
    pub n: usize,
    pub stack: Vec<usize>,
    /// The buffer front (`n` = only the root is left).
    pub b: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
    /// Two leftmost children (closest to the edge first) of every token, and the root.
    pub lefts: Vec<[usize; 2]>,
    /// Two rightmost children (outermost first).
    pub rights: Vec<[usize; 2]>,
    pub n_lefts: Vec<u8>,
    pub n_rights: Vec<u8>,
}

impl State {
    /// The initial configuration: empty stack, every word in the buffer.
    pub(crate) fn new(n: usize) -> Self {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; n],
            labels: vec![0; n],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            n_lefts: vec![0; n + 1],
            n_rights: vec![0; n + 1],
        }
    }

    /// True when every word has its head.
    pub(crate) fn is_final(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    /// The `i`-th stack item from the top, or [`NONE`].
    #[inline]
    pub(crate) fn s(&self, i: usize) -> usize {
        if i < self.stack.len() {
            self.stack[self.stack.len() - 1 - i]
        } else {
            NONE
        }
    }

    /// Whether a shift is allowed (the root never moves).
    pub(crate) fn can_shift(&self) -> bool {
        self.b < self.n
    }

    /// Whether a left arc is allowed: to the root only for the last stack item.
    pub(crate) fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1)
    }

    /// Whether a right arc is allowed.
    pub(crate) fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    /// Apply a valid move.
    pub(crate) fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left(l) => {
                let d = self.stack.pop().expect("valid left");
                self.attach(self.b, d, l);
            }
            Move::Right(l) => {
                let d = self.stack.pop().expect("valid right");
                let h = *self.stack.last().expect("valid right");
                self.attach(h, d, l);
            }
        }
    }

    fn attach(&mut self, h: usize, d: usize, label: u16) {
        self.heads[d] = h;
        self.labels[d] = label;
        if d < h {
            // Left children arrive right to left: the newest is the leftmost.
            let l = &mut self.lefts[h];
            l[1] = l[0];
            l[0] = d;
            self.n_lefts[h] = self.n_lefts[h].saturating_add(1);
        } else {
            // Right children arrive left to right: the newest is the rightmost.
            let r = &mut self.rights[h];
            r[1] = r[0];
            r[0] = d;
            self.n_rights[h] = self.n_rights[h].saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree() {
        // "Kim said no": said is the root; Kim and no depend on it.
        let mut s = State::new(3);
        for m in [
            Move::Shift,
            Move::Left(0),
            Move::Shift,
            Move::Shift,
            Move::Right(1),
            Move::Left(2),
        ] {
            s.apply(m);
        }
        assert!(s.is_final());
        assert_eq!(s.heads, [1, 3, 1]);
        assert_eq!(s.lefts[1][0], 0);
        assert_eq!(s.rights[1][0], 2);
        assert_eq!(
            Move::from_class(Move::Right(4).class(10), 10),
            Move::Right(4)
        );
    }
}
