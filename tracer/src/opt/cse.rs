//! Common-subexpression elimination of pure instructions (LuaJIT's CSE in
//! lj_opt_fold.c): an instruction equal to one already emitted, in op,
//! type, operands and immediate, is that one. Pure guards (`addov`) take
//! part too: the first one already exited if the operands overflow.
//!
//! Every instruction the recorder and the optimizer emit is looked up here,
//! so the key is a few words (no allocation) hashed by multiply-rotate, not
//! SipHash: keys are the compiler's own values, chosen by no input.

use traces::hash::WordMap;
use traces::ops::Flags;
use traces::{Inst, Op, Type, Val};

/// Operands a key holds; an instruction with more is not merged (no pure
/// op has more).
const KEY_ARGS: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    op: Op,
    ty: Type,
    args: [Option<Val>; KEY_ARGS],
    imm: i64,
    scale: u8,
}

/// The pure instructions emitted so far, by content.
#[derive(Clone, Debug, Default)]
pub struct CseTable {
    seen: WordMap<Key, Val>,
}

/// Whether CSE may merge two equal instances of `op`.
pub fn is_cse_candidate(op: Op) -> bool {
    op.flags().has(Flags::PURE) && op != Op::Phi
}

impl CseTable {
    fn key(inst: &Inst) -> Option<Key> {
        if !is_cse_candidate(inst.op) || inst.args.len() > KEY_ARGS {
            return None;
        }
        let mut args = [None; KEY_ARGS];
        for (slot, &a) in args.iter_mut().zip(&inst.args) {
            *slot = Some(a);
        }
        Some(Key { op: inst.op, ty: inst.ty, args, imm: inst.imm, scale: inst.scale })
    }

    /// The earlier instruction equal to `inst`.
    pub fn find(&self, inst: &Inst) -> Option<Val> {
        Self::key(inst).and_then(|k| self.seen.get(&k).copied())
    }

    /// Records that `v` is defined by `inst`.
    pub fn insert(&mut self, inst: &Inst, v: Val) {
        if let Some(k) = Self::key(inst) {
            self.seen.entry(k).or_insert(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::opt::check::optimizes_to;

    #[test]
    fn equal_pure_instructions_merge() {
        optimizes_to(
            "%0:int = input 0
             %1:int = input 1
             %2:int = add %0, %1
             %3:int = add %1, %0
             %4:int = mul %2, %3
             snap 0: frame pc=1 base=0 [0=%4]
             %5:int = addov %0, %1 snap=0
             %6:int = addov %1, %0 snap=0
             %7:int = ld.i64 [%0 + 8]
             %8:int = ld.i64 [%0 + 8]
             snap 1: frame pc=1 base=0 [0=%5 1=%6 2=%7 3=%8]
             %9 = exit snap=1",
            "%0:int = input 0
             %1:int = input 1
             %2:int = add %0, %1
             %3:int = mul %2, %2
             snap 0: frame pc=1 base=0 [0=%3]
             %4:int = addov %0, %1 snap=0
             %5:int = ld.i64 [%0 + 8]
             snap 1: frame pc=1 base=0 [0=%4 1=%4 2=%5 3=%5]
             %6 = exit snap=1",
        );
    }
}
