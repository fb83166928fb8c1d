//! Store-to-load forwarding and load CSE (LuaJIT's lj_opt_mem.c, for the
//! simple cases): a load of a word the trace stored or loaded before, with
//! no possibly aliasing store or call in between, is that value. Two
//! accesses may alias unless their alias kinds differ (neither being
//! `Alias::ANY`), or they share base, index and scale and their byte
//! ranges are disjoint.
//!
//! Across the loop label, only loads of a named alias kind are kept, and
//! only those that nothing in the loop body may overwrite: peeling emits
//! the body assuming them (`keep_across_loop`), then checks the emitted
//! body (`clobbered_by`) and emits it again without any it overwrote.
//! Guards' loads of type versions, dict versions and function code then
//! run once, in the preamble.

use traces::eval::access_bytes;
use traces::ops::Flags;
use traces::{Alias, Helper, Inst, Op, Type, Val};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    base: Val,
    index: Option<Val>,
    scale: u8,
    offset: i64,
    bytes: usize,
    alias: Alias,
}

impl Access {
    fn of(inst: &Inst) -> Access {
        let (base, index) = inst.address();
        Access {
            base,
            index,
            scale: inst.scale,
            offset: inst.imm,
            bytes: access_bytes(inst.op),
            alias: inst.alias,
        }
    }

    fn surely_disjoint(&self, other: &Access) -> bool {
        if !self.alias.may_overlap(other.alias) {
            return true;
        }
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

/// Whether call `inst` of one of `helpers` may write memory.
pub fn call_writes(inst: &Inst, helpers: &[Helper]) -> bool {
    let helper = inst.helper.and_then(|h| helpers.get(h as usize));
    !helper.is_some_and(|h| h.writes_nothing)
}

/// Whether `inst` may change memory of access `a`.
fn clobbers(inst: &Inst, a: &Access, helpers: &[Helper]) -> bool {
    let flags = inst.op.flags();
    if flags.has(Flags::CALL) {
        call_writes(inst, helpers)
    } else {
        flags.has(Flags::STORE) && !Access::of(inst).surely_disjoint(a)
    }
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

    /// Records what an emitted load, store or call (of one of `helpers`)
    /// does to memory.
    pub fn record(&mut self, inst: &Inst, v: Val, ty_of: impl Fn(Val) -> Type, helpers: &[Helper]) {
        let flags = inst.op.flags();
        if flags.has(Flags::CALL) {
            if call_writes(inst, helpers) {
                self.clear();
            }
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

    /// At the loop label: forgets all but the loaded words of a named
    /// alias kind, less those in `excluded`. What is kept holds on entry
    /// to every iteration only if the body never overwrites it, which the
    /// caller checks with [`Self::clobbered_by`].
    pub fn keep_across_loop(&mut self, excluded: &[Access]) {
        self.known.retain(|(a, _, _)| a.alias != Alias::ANY && !excluded.contains(a));
    }

    /// The words known now that one of `body` may overwrite.
    pub fn clobbered_by(&self, body: &[Inst], helpers: &[Helper]) -> Vec<Access> {
        let hit = |a: &Access| body.iter().any(|inst| clobbers(inst, a, helpers));
        self.known.iter().map(|(a, _, _)| *a).filter(hit).collect()
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

    #[test]
    fn loop_keeps_named_memory_the_body_never_writes() {
        // The {2} word is only read: its load and guard stay in the
        // preamble. The {3} word is written each iteration: reloaded. The
        // {4} store does not disturb either.
        optimizes_to(
            "%0:ref = input 0
             %1:int = input 1
             %2 = loop
             %3:int = phi %1
             %4:int = ld.i64 [%0 + 8]{2}
             snap 0: frame pc=1 base=0 [0=%3]
             %5 = guard.eq %4, 0x7 snap=0
             %6:int = ld.i64 [%0 + 16]{3}
             %7:int = add %3, %6
             %8 = st.i64 [%0 + 16]{3}, %7
             %9 = st.i64 [%0 + 8]{4}, %7
             %10 = jump %7",
            "%0:ref = input 0
             %1:int = input 1
             %2:int = ld.i64 [%0 + 8]{2}
             snap 0: frame pc=1 base=0 [0=%1]
             %3 = guard.eq %2, 0x7 snap=0
             %4:int = ld.i64 [%0 + 16]{3}
             %5:int = add %1, %4
             %6 = st.i64 [%0 + 16]{3}, %5
             %7 = st.i64 [%0 + 8]{4}, %5
             %8 = loop
             %9:int = phi %5
             %10:int = ld.i64 [%0 + 16]{3}
             %11:int = add %9, %10
             %12 = st.i64 [%0 + 16]{3}, %11
             %13 = st.i64 [%0 + 8]{4}, %11
             %14 = jump %11",
        );
    }

    /// The loop body of `clobber` after a load and guard of a {2} word
    /// that the preamble did too.
    fn loop_body_with(clobber: &str) -> String {
        let source = format!(
            "helper touch(int) -> void @0x0
             helper compute(int) -> int nowrite @0x0
             %0:ref = input 0
             %1:ref = input 1
             %2:int = input 2
             %3 = loop
             %4:int = phi %2
             %5:int = ld.i64 [%0 + 8]{{2}}
             snap 0: frame pc=1 base=0 [0=%4]
             %6 = guard.eq %5, 0x7 snap=0
             %7:int = add %4, %5
             %8 = st.i64 [%0 + 16]{{3}}, %7
             {clobber}
             %10 = jump %7"
        );
        let trace = traces::text::parse(&source).unwrap();
        let got = crate::opt::optimize(&trace, None).unwrap();
        let text = traces::text::print(&got);
        text[text.find("= loop").unwrap()..].to_string()
    }

    #[test]
    fn loop_with_a_writing_call_or_unnamed_store_reloads_everything() {
        for clobber in ["%9 = st.i64 [%1 + 0], %7", "%9 = call @touch(%7)"] {
            let body = loop_body_with(clobber);
            assert!(body.contains("ld.i64 [%0 + 8]{2}"), "{body}");
            assert!(body.contains("guard.eq"), "{body}");
        }
    }

    #[test]
    fn loop_with_a_call_that_writes_nothing_keeps_named_memory() {
        let body = loop_body_with("%9:int = call @compute(%7)");
        assert!(!body.contains("ld.i64 [%0 + 8]{2}"), "{body}");
        assert!(!body.contains("guard.eq"), "{body}");
        assert!(body.contains("call @compute"), "{body}");
    }
}
