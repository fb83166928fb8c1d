//! Linear-scan register allocation (Poletto and Sarkar) over the linear
//! trace. An interval runs from a value's definition to its last use
//! ([`mod@super::liveness`]); a value keeps one location for its whole life, a
//! register or a spill slot, so guards and exits never need to know where a
//! value "was". Intervals are expired only after the instruction that last
//! uses them, so a result never shares a register with its own operands:
//! backends may write the result before reading every operand, and a guard's
//! exit still finds its snapshot values intact.
//!
//! A value living across calls prefers a callee-saved register; in a
//! caller-saved one it costs a save and a restore per call, so when it
//! crosses at least as many calls as it has uses it lives in a slot instead.
//!
//! One exception saves the moves a two-address machine would need (and, at
//! a loop's back edge, lets a phi and its next value share a register): a
//! result of [`reuses_first_operand`] takes its first operand's register
//! when that operand dies at the instruction. For `addov`/`subov` the
//! operand may still be in the guard's own snapshot, so a backend's exit
//! stub for such a guard must first undo the operation (subtract or add
//! the second operand back) when result and first operand share a register.

use super::liveness::{liveness, Liveness};
use super::{Loc, RegClass, RegFile};
use crate::ops::Op;
use crate::trace::Trace;

/// Where every value lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocation {
    pub locs: Vec<Loc>,
    pub live: Liveness,
    /// Spill slots used.
    pub slots: u32,
}

/// Allocation state of one register class.
struct ClassState<'a> {
    class: &'a RegClass,
    /// Per hardware register: the value holding it.
    holder: Vec<Option<usize>>,
}

impl ClassState<'_> {
    fn pick_free(&self, crosses_call: bool) -> Option<u8> {
        let free = |r: &&u8| self.holder[**r as usize].is_none();
        let preferred = self
            .class
            .allocatable
            .iter()
            .filter(free)
            .find(|r| self.class.is_caller_saved(**r) != crosses_call);
        preferred.or_else(|| self.class.allocatable.iter().find(free)).copied()
    }
}

pub fn allocate(trace: &Trace, file: &RegFile) -> Allocation {
    let live = liveness(trace);
    let n = trace.insts.len();
    let mut locs = vec![Loc::None; n];
    // calls_before[i]: the number of calls before instruction i.
    let mut calls_before = vec![0u32; n + 1];
    for i in 0..n {
        calls_before[i + 1] = calls_before[i] + (trace.insts[i].op == Op::Call) as u32;
    }
    let regs = |c: &RegClass| c.allocatable.iter().map(|&r| r as usize + 1).max().unwrap_or(0);
    let mut gpr = ClassState { class: &file.gpr, holder: vec![None; regs(&file.gpr)] };
    let mut fpr = ClassState { class: &file.fpr, holder: vec![None; regs(&file.fpr)] };
    // Expiry lists: values whose interval ends at an index.
    let mut ends_at: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut free_slots: Vec<u32> = Vec::new();
    let mut slots = 0u32;
    let mut new_slot = |free_slots: &mut Vec<u32>| {
        free_slots.pop().unwrap_or_else(|| {
            slots += 1;
            slots - 1
        })
    };
    for i in 0..n {
        if i > 0 {
            for &v in &ends_at[i - 1] {
                let state = if trace.insts[v].ty.is_float() { &mut fpr } else { &mut gpr };
                match locs[v] {
                    Loc::Reg(r) if state.holder[r as usize] == Some(v) => {
                        state.holder[r as usize] = None
                    }
                    Loc::Slot(s) => free_slots.push(s),
                    _ => {}
                }
            }
        }
        let inst = &trace.insts[i];
        if inst.ty == crate::Type::Void || inst.op.is_const() || live.fused[i] {
            if inst.op.is_const() {
                locs[i] = Loc::Const;
            }
            continue;
        }
        let end = live.end[i] as usize;
        ends_at[end].push(i);
        let calls_crossed = calls_before[end].saturating_sub(calls_before[i + 1]);
        let state = if inst.ty.is_float() { &mut fpr } else { &mut gpr };
        let free = dying_first_operand(trace, &locs, &live, i)
            .or_else(|| state.pick_free(calls_crossed > 0));
        if let Some(r) = free {
            // A caller-saved register is saved and restored around every
            // call the value lives across; past one such pair per use, a
            // stack slot is cheaper.
            if state.class.is_caller_saved(r) && calls_crossed >= live.uses[i].max(1) {
                locs[i] = Loc::Slot(new_slot(&mut free_slots));
            } else {
                state.holder[r as usize] = Some(i);
                locs[i] = Loc::Reg(r);
            }
            continue;
        }
        // No register free: spill whichever interval ends last.
        let victim = state
            .class
            .allocatable
            .iter()
            .filter_map(|&r| state.holder[r as usize].map(|v| (live.end[v], v, r)))
            .max();
        match victim {
            Some((victim_end, v, r)) if victim_end as usize > end => {
                // The victim lives in its slot from its definition on, so
                // the slot must be one no earlier interval has used: a
                // fresh one, not one freed since the victim was defined.
                locs[v] = Loc::Slot(new_slot(&mut Vec::new()));
                state.holder[r as usize] = Some(i);
                locs[i] = Loc::Reg(r);
            }
            _ => locs[i] = Loc::Slot(new_slot(&mut free_slots)),
        }
    }
    Allocation { locs, live, slots }
}

/// Ops whose result may take the register of a first operand that dies
/// there: the arithmetic that two-address machines compute in place.
pub fn reuses_first_operand(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        Add | Sub
            | Mul
            | And
            | Or
            | Xor
            | Shl
            | Sar
            | Shr
            | Neg
            | Cast
            | AddOv
            | SubOv
            | FAdd
            | FSub
            | FMul
            | FDiv
            | FNeg
            | FAbs
    )
}

/// The register of instruction `i`'s first operand, if `i` may take it.
fn dying_first_operand(trace: &Trace, locs: &[Loc], live: &Liveness, i: usize) -> Option<u8> {
    let inst = &trace.insts[i];
    let a = *inst.args.first()?;
    let Loc::Reg(r) = locs[a.index()] else { return None };
    let same_class = trace.ty(a).is_float() == inst.ty.is_float();
    // An overflow exit undoes `a + b` by subtracting b: b must be another value.
    let undoable = !matches!(inst.op, Op::AddOv | Op::SubOv) || inst.args[1] != a;
    let ok = reuses_first_operand(inst.op)
        && same_class
        && undoable
        && live.end[a.index()] as usize == i;
    ok.then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;
    use crate::trace::Val;

    fn file(gprs: &[u8]) -> RegFile {
        RegFile {
            gpr: RegClass {
                allocatable: gprs.to_vec(),
                caller_saved: 0b0011,
                arguments: vec![0, 1],
            },
            fpr: RegClass { allocatable: vec![0, 1], caller_saved: 0b11, arguments: vec![0] },
        }
    }

    /// No two values whose intervals overlap share a register.
    fn check_no_overlap(trace: &Trace, a: &Allocation) {
        for i in 0..trace.insts.len() {
            for j in i + 1..trace.insts.len() {
                let reused = j == a.live.end[i] as usize
                    && trace.insts[j].args.first() == Some(&Val(i as u32));
                let overlap = j <= a.live.end[i] as usize && !reused;
                let same_class = trace.insts[i].ty.is_float() == trace.insts[j].ty.is_float();
                if overlap && same_class {
                    if let (Loc::Reg(x), Loc::Reg(y)) = (a.locs[i], a.locs[j]) {
                        assert_ne!(x, y, "%{i} and %{j} share a register");
                    }
                }
                // Slots are one space for both classes.
                if let (true, Loc::Slot(x), Loc::Slot(y)) = (overlap, a.locs[i], a.locs[j]) {
                    assert_ne!(x, y, "%{i} and %{j} share a slot");
                }
            }
        }
    }

    #[test]
    fn random_traces_never_share_a_live_location() {
        let mut g = quickcheck::Gen::from_size_and_seed(120, 3);
        for _ in 0..300 {
            let case = crate::testing::generate(&mut g, 120);
            let a = allocate(&case.trace, &file(&[0, 1, 2, 3]));
            check_no_overlap(&case.trace, &a);
        }
    }

    #[test]
    fn values_crossing_more_calls_than_uses_live_in_slots() {
        let trace = parse(
            "helper h() -> void @0x0
%0:int = input 0
%1:int = input 1
%2 = call @h()
%3 = call @h()
%4:int = add %0, %1
%5:int = add %4, %1
%6:int = add %5, %1
%7 = exit snap=0
snap 0: frame pc=0 base=0 [0=%6]
",
        )
        .unwrap();
        // Only caller-saved registers: %0 (one use, two calls) goes to a
        // slot, %1 (three uses) stays in a register and is saved.
        let mut only_caller_saved = file(&[0, 1, 2]);
        only_caller_saved.gpr.caller_saved = 0b111;
        let a = allocate(&trace, &only_caller_saved);
        assert!(matches!(a.locs[0], Loc::Slot(_)), "{:?}", a.locs);
        assert!(matches!(a.locs[1], Loc::Reg(_)), "{:?}", a.locs);
    }

    #[test]
    fn spills_under_pressure_and_prefers_callee_saved_across_calls() {
        let trace = parse(
            "helper h() -> int @0x0
%0:int = input 0
%1:int = input 1
%2:int = input 2
%3:int = add %0, %1
%4:int = call @h()
%5:int = add %3, %2
%6:int = add %5, %4
%7:int = add %6, %0
%8 = exit snap=0
snap 0: frame pc=0 base=0 [0=%7]
",
        )
        .unwrap();
        let a = allocate(&trace, &file(&[0, 1, 2]));
        check_no_overlap(&trace, &a);
        assert!(a.slots >= 1, "{:?}", a.locs);
        // %4 is defined by the call, not live across it: a caller-saved register is fine.
        assert!(matches!(a.locs[0], Loc::Reg(2) | Loc::Reg(3) | Loc::Slot(_)), "{:?}", a.locs);
        assert_eq!(a.locs[8], Loc::None);
    }
}
