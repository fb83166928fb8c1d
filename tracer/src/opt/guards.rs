//! Redundant guard elimination: a guard equal to an earlier one on the same
//! SSA value (same op, operand and immediate) cannot fail, since the
//! earlier one exited in that case; and a bool proven by a guard is known
//! afterwards, so a later guard on its negation is known to fail.

use traces::hash::WordSet;
use traces::{Args, Inst, Op, Val};

/// A guard that only tests a condition (checked arithmetic guards too, but
/// has a value, which CSE takes care of).
fn is_condition(op: Op) -> bool {
    matches!(op, Op::GuardTrue | Op::GuardFalse | Op::GuardEq | Op::GuardNe)
}

/// The guards emitted so far.
#[derive(Clone, Debug, Default)]
pub struct GuardSet {
    seen: WordSet<(Op, Args, i64)>,
}

impl GuardSet {
    /// `inst` (a guard) is implied by an earlier guard.
    pub fn implied(&self, inst: &Inst) -> bool {
        is_condition(inst.op) && self.seen.contains(&(inst.op, inst.args.clone(), inst.imm))
    }

    /// Records an emitted guard.
    pub fn insert(&mut self, inst: &Inst) {
        if is_condition(inst.op) {
            self.seen.insert((inst.op, inst.args.clone(), inst.imm));
        }
    }

    /// What an emitted guard proves about a bool: `Some(true)` after
    /// `guard.true c`, `Some(false)` after `guard.false c`.
    pub fn known_bool(&self, c: Val) -> Option<bool> {
        if self.seen.contains(&(Op::GuardTrue, Args::from([c]), 0)) {
            Some(true)
        } else if self.seen.contains(&(Op::GuardFalse, Args::from([c]), 0)) {
            Some(false)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::opt::check::optimizes_to;

    #[test]
    fn a_guard_implied_by_an_earlier_one_goes() {
        optimizes_to(
            "%0:int = input 0
             %1:word = input 1
             %2:int = kint 10
             %3:bool = lt %0, %2
             snap 0: frame pc=1 base=0 [0=%0]
             %4 = guard.true %3 snap=0
             %5 = guard.eq %1, 0xfff9 snap=0
             %6:bool = lt %0, %2
             snap 1: frame pc=2 base=0 [0=%0]
             %7 = guard.true %6 snap=1
             %8 = guard.eq %1, 0xfff9 snap=1
             %9 = guard.ne %1, 0xfff9 snap=1
             %10 = exit snap=1",
            "%0:int = input 0
             %1:word = input 1
             %2:int = kint 10
             %3:bool = lt %0, %2
             snap 0: frame pc=1 base=0 [0=%0]
             %4 = guard.true %3 snap=0
             %5 = guard.eq %1, 0xfff9 snap=0
             snap 1: frame pc=2 base=0 [0=%0]
             %6 = guard.ne %1, 0xfff9 snap=1
             %7 = exit snap=1",
        );
    }
}
