//! The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013): the
//! number of gold arcs each move makes unreachable, from any configuration,
//! so training can learn to recover from its own mistakes.

use super::state::{Move, State};

/// The cost of `m` in `s` against gold heads `gold` (the root's head is `n`) and labels.
pub(crate) fn cost(s: &State, m: Move, gold: &[usize], gold_labels: &[u16]) -> u32 {
    let in_buffer = |x: usize| x >= s.b;
    match m {
        Move::Shift => {
            let b = s.b;
            let s0 = s.s(0);
            // b's head deeper in the stack, and stack items whose head is b, become unreachable.
            let head_lost = s.stack.iter().any(|&k| k != s0 && k == gold[b]);
            let deps_lost = s.stack.iter().filter(|&&d| gold[d] == b).count();
            u32::from(head_lost) + deps_lost as u32
        }
        Move::Left(l) => {
            let s0 = s.s(0);
            let h = gold[s0];
            let head_lost = h != s.b && (h == s.s(1) || in_buffer(h));
            let deps_lost = (s.b..s.n).filter(|&d| gold[d] == s0).count();
            let label_wrong = h == s.b && gold_labels[s0] != l;
            u32::from(head_lost) + deps_lost as u32 + u32::from(label_wrong)
        }
        Move::Right(l) => {
            let s0 = s.s(0);
            let h = gold[s0];
            let head_lost = in_buffer(h);
            let deps_lost = (s.b..s.n).filter(|&d| gold[d] == s0).count();
            let label_wrong = h == s.s(1) && gold_labels[s0] != l;
            u32::from(head_lost) + deps_lost as u32 + u32::from(label_wrong)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost moves from the start always rebuilds the gold tree.
    #[test]
    fn zero_cost_path_reaches_gold() {
        // "The man saw a dog": The←man, man←saw, a←dog, dog←saw, saw←root(5).
        let gold = [1, 2, 5, 4, 2];
        let labels = [0, 1, 2, 0, 3];
        let mut s = State::new(5);
        while !s.is_final() {
            let mut moves = Vec::new();
            if s.can_shift() {
                moves.push(Move::Shift);
            }
            for l in 0..4 {
                if s.can_left() {
                    moves.push(Move::Left(l));
                }
                if s.can_right() {
                    moves.push(Move::Right(l));
                }
            }
            let m = *moves
                .iter()
                .find(|&&m| cost(&s, m, &gold, &labels) == 0)
                .expect("a zero-cost move");
            s.apply(m);
        }
        assert_eq!(s.heads, gold);
        assert_eq!(s.labels, labels);
    }

    #[test]
    fn wrong_moves_cost() {
        let gold = [1, 2, 5, 4, 2];
        let labels = [0, 1, 2, 0, 3];
        let mut s = State::new(5);
        s.apply(Move::Shift);
        // "The" must go left to "man" (the buffer front): a right arc is impossible,
        // attaching with the wrong label costs one.
        assert_eq!(cost(&s, Move::Left(0), &gold, &labels), 0);
        assert_eq!(cost(&s, Move::Left(1), &gold, &labels), 1);
        // Shifting "man" over "The" loses The←man.
        assert_eq!(cost(&s, Move::Shift, &gold, &labels), 1);
    }
}
