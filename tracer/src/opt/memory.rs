//! Store-to-load forwarding and load CSE (LuaJIT's lj_opt_mem.c, for the
//! simple cases): a load of a word the trace stored or loaded before, with
//! no possibly aliasing store or call in between, is that value. Two
//! accesses may alias unless they share base, index and scale and their
//! byte ranges are disjoint. Knowledge does not cross the loop label: a
//! value stored in one iteration is reloaded in the next.

use traces::eval::access_bytes;
use traces::ops::Flags;
use traces::{Inst, Op, Type, Val};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Access {
    base: Val,
    index: Option<Val>,
    scale: u8,
    offset: i64,
    bytes: usize,
}

impl Access {
    fn of(inst: &Inst) -> Access {
        let (base, index) = inst.address();
        Access { base, index, scale: inst.scale, offset: inst.imm, bytes: access_bytes(inst.op) }
    }

    fn surely_disjoint(&self, other: &Access) -> bool {
        let same_vector =
            self.base == other.base && self.index == other.index && self.scale == other.scale;
        let end = |a: &Access| a.offset + a.bytes as i64;
        same_vector && (end(self) <= other.offset || end(other) <= self.offset)
    }
}

/// The memory words whose contents the trace knows.
#[derive(Clone, Debug, Default)]
pub struct MemoryTable {
    known: Vec<(Access, Val, Type)>,
}

/// A full-word access, the only kind forwarded (narrow loads zero-extend).
fn full_word(op: Op) -> bool {
    access_bytes(op) == 8
}

impl MemoryTable {
    /// The value a load reads, if known.
    pub fn forward(&self, load: &Inst) -> Option<Val> {
        if !load.op.flags().has(Flags::LOAD) {
            return None;
        }
        let a = Access::of(load);
        let hit = self.known.iter().rev().find(|(k, _, ty)| *k == a && *ty == load.ty);
        hit.filter(|_| full_word(load.op)).map(|(_, v, _)| *v)
    }

    /// Records what an emitted load, store or call does to memory.
    pub fn record(&mut self, inst: &Inst, v: Val, ty_of: impl Fn(Val) -> Type) {
        let flags = inst.op.flags();
        if flags.has(Flags::CALL) {
            self.clear();
        } else if flags.has(Flags::STORE) {
            let a = Access::of(inst);
            self.known.retain(|(k, _, _)| k.surely_disjoint(&a));
            if full_word(inst.op) {
                self.known.push((a, inst.args[0], ty_of(inst.args[0])));
            }
        } else if flags.has(Flags::LOAD) && full_word(inst.op) {
            self.known.push((Access::of(inst), v, inst.ty));
        }
    }

    pub fn clear(&mut self) {
        self.known.clear();
    }
}

#[cfg(test)]
mod tests {
    use crate::opt::check::optimizes_to;

    #[test]
    fn loads_forward_from_stores_and_loads_until_a_clobber() {
        optimizes_to(
            "%0:ref = input 0
             %1:int = input 1
             %2 = st.i64 [%0 + 8], %1
             %3:int = ld.i64 [%0 + 8]
             %4:int = ld.i64 [%0 + 16]
             %5:int = ld.i64 [%0 + 16]
             %6 = st.i64 [%0 + 24], %3
             %7:int = ld.i64 [%0 + 16]
             %8:int = ld.u8 [%0 + 8]
             %9 = st.i64 [%1 + 0], %1
             %10:int = ld.i64 [%0 + 8]
             snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%7 4=%8 5=%10]
             %11 = exit snap=0",
            "%0:ref = input 0
             %1:int = input 1
             %2 = st.i64 [%0 + 8], %1
             %3:int = ld.i64 [%0 + 16]
             %4 = st.i64 [%0 + 24], %1
             %5:int = ld.u8 [%0 + 8]
             %6 = st.i64 [%1], %1
             %7:int = ld.i64 [%0 + 8]
             snap 0: frame pc=1 base=0 [0=%1 1=%3 2=%3 3=%3 4=%5 5=%7]
             %8 = exit snap=0",
        );
    }
}
