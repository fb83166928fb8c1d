//! Loop peeling with invariant hoisting (LuaJIT's lj_opt_loop.c). The loop
//! body is emitted twice through the fold engine: once as the peeled first
//! iteration (the preamble), then after `loop`, where everything that only
//! depends on values the preamble computed is found by CSE and so hoisted,
//! and every guard the preamble proved vanishes. A carried value (one whose
//! next value differs from its value entering the iteration) becomes a phi;
//! the rest are invariant. Which are carried is found by emitting the loop
//! copy optimistically and emitting it again with more phis until the
//! copy's end values confirm the guess, so the loop body is never built on
//! a wrong assumption (and needs no LuaJIT-style phi repair). Memory works
//! the same way: the loop copy starts knowing the words of named alias
//! kinds the preamble loaded, and is emitted again without those its body
//! turns out to overwrite (see [`crate::opt::memory`]).
//!
//! A carried word that boxes an int or float at the end of both iterations
//! is carried unboxed: its phi holds the payload and the loop copy reboxes
//! it, which the fold engine then cancels against the copy's unboxing, and
//! snapshots hold the payload as a virtual box.

use traces::hash::WordMap;
use traces::{Op, SnapFrame, SnapValue, Snapshot, Trace, Val};

use crate::builder::{map_snapshot, TraceBuilder};
use crate::opt::boxes::BoxKind;
use crate::opt::memory::{call_writes, Access, MemoryTable};
use crate::opt::OptError;

/// A value carried from one iteration to the next.
#[derive(Clone, Debug)]
pub struct Carried {
    /// What the body reads it as (a phi or an input), if it reads it.
    pub var: Option<Val>,
    /// Its value entering the first iteration.
    pub first: Option<Val>,
    /// Its value at the end of an iteration.
    pub next: Val,
    /// The root-frame slot it lives in, if snapshots of the loop copy must
    /// name it (the recorder's snapshots list only slots the current
    /// iteration changed).
    pub slot: Option<u32>,
}

/// A loop to peel, in a source trace's numbering.
pub struct LoopSource<'a> {
    pub trace: &'a Trace,
    /// Instructions before the loop, copied once.
    pub prefix: Vec<usize>,
    /// The iteration, copied twice.
    pub body: Vec<usize>,
    pub carried: Vec<Carried>,
}

/// Maps source values to emitted ones and copies instructions.
#[derive(Clone)]
struct Copier {
    subst: Vec<Option<Val>>,
}

impl Copier {
    fn get(&self, v: Val) -> Result<Val, OptError> {
        self.subst[v.index()].ok_or_else(|| OptError(format!("%{} used before it is defined", v.0)))
    }

    /// Copies instruction `i` of `src`; `merge` completes its snapshot.
    fn copy(
        &mut self,
        b: &mut TraceBuilder,
        src: &Trace,
        i: usize,
        merge: &dyn Fn(&mut Snapshot),
    ) -> Result<(), OptError> {
        let mut inst = src.insts[i].clone();
        for a in inst.args.iter_mut() {
            *a = self.get(*a)?;
        }
        if let Some(s) = inst.snap {
            let mut missing = None;
            let mut snap = map_snapshot(&src.snapshots[s as usize], &mut |v| {
                self.subst[v.index()].unwrap_or_else(|| {
                    missing = Some(v);
                    v
                })
            });
            if let Some(v) = missing {
                return Err(OptError(format!("snapshot names undefined %{}", v.0)));
            }
            merge(&mut snap);
            inst.snap = Some(b.snapshot(snap));
        }
        let v = match inst.op {
            Op::Input => Some(b.input(inst.ty, inst.imm as u32)),
            op if op.is_const() => Some(b.constant(op, inst.imm)),
            Op::Loop | Op::Phi | Op::Jump => {
                return Err(OptError(format!("%{i}: {} inside a copied body", inst.op.name())))
            }
            _ => b.emit(inst),
        };
        self.subst[i] = v;
        Ok(())
    }
}

/// How a carried value crosses the back edge.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Carry {
    Invariant,
    /// Needs a phi; unboxed if its value is a known box.
    Carried,
    Unboxed(BoxKind),
    /// A phi of the word itself.
    Phi,
}

/// Peels `src` into a preamble and an optimised loop.
pub fn peel(src: &LoopSource, mut b: TraceBuilder) -> Result<Trace, OptError> {
    let n = src.trace.insts.len();
    let mut copier = Copier { subst: vec![None; n] };
    let none = |_: &mut Snapshot| {};
    for &i in &src.prefix {
        copier.copy(&mut b, src.trace, i, &none)?;
    }
    // Each slot's value at trace entry (what snapshots need not repeat).
    let entry: Vec<Option<Val>> =
        src.carried.iter().map(|c| c.first.and_then(|f| copier.subst[f.index()])).collect();
    for (c, e) in src.carried.iter().zip(&entry) {
        if let (Some(var), Some(e)) = (c.var, e) {
            copier.subst[var.index()] = Some(*e);
        }
    }
    for &i in &src.body {
        copier.copy(&mut b, src.trace, i, &none)?;
    }
    let next0: Vec<Val> =
        src.carried.iter().map(|c| copier.get(c.next)).collect::<Result<_, _>>()?;
    let mut carry = vec![Carry::Invariant; src.carried.len()];
    // Memory the preamble knows that the body overwrites. A body with a
    // call that writes memory keeps nothing: no second emission to find
    // that out.
    let mut clobbered: Vec<Access> = Vec::new();
    let writing_call = |i: &usize| {
        let inst = &src.trace.insts[*i];
        inst.op == Op::Call && call_writes(inst, &src.trace.helpers)
    };
    let keeps_memory = !src.body.iter().any(writing_call);
    // Each round turns at least one carry from invariant to phi, or from
    // unboxed to phi, or excludes more memory, so this ends.
    loop {
        let mut lb = b.clone();
        let mut lc = copier.clone();
        let (label, kept) = if keeps_memory {
            lb.loop_label_keeping(&clobbered)
        } else {
            (lb.loop_label(), MemoryTable::default())
        };
        let mut entering = next0.clone();
        for (j, &init) in next0.iter().enumerate() {
            if carry[j] == Carry::Invariant {
                continue;
            }
            let unboxed = lb.known_box(init).filter(|_| carry[j] != Carry::Phi);
            // A carry unboxed last round is tried unboxed again.
            let (phi_init, how) = match unboxed {
                Some((kind, x)) if lb.layout().is_some() => (x, Carry::Unboxed(kind)),
                _ => (init, Carry::Phi),
            };
            carry[j] = how;
            entering[j] = lb.phi(phi_init);
        }
        for (j, &c) in carry.iter().enumerate() {
            if let Carry::Unboxed(kind) = c {
                entering[j] = lb.rebox(kind, entering[j]).map_err(|e| OptError(e.to_string()))?;
            }
        }
        for (c, &v) in src.carried.iter().zip(&entering) {
            if let Some(var) = c.var {
                lc.subst[var.index()] = Some(v);
            }
        }
        let slot_values: Vec<(u32, Val)> = src
            .carried
            .iter()
            .zip(&entering)
            .zip(&entry)
            .filter(|((c, &v), e)| c.slot.is_some() && **e != Some(v))
            .map(|((c, &v), _)| (c.slot.unwrap_or(0), v))
            .collect();
        let merge = |snap: &mut Snapshot| merge_slots(snap, &slot_values);
        for &i in &src.body {
            lc.copy(&mut lb, src.trace, i, &merge)?;
        }
        let next1: Vec<Val> =
            src.carried.iter().map(|c| lc.get(c.next)).collect::<Result<_, _>>()?;
        let emitted = lb.trace();
        let overwritten = kept.clobbered_by(&emitted.insts[label.index() + 1..], &emitted.helpers);
        let mut again = !overwritten.is_empty();
        clobbered.extend(overwritten);
        let mut jump = Vec::new();
        for j in 0..carry.len() {
            match carry[j] {
                Carry::Invariant if next1[j] != next0[j] => {
                    carry[j] = Carry::Carried;
                    again = true;
                }
                Carry::Invariant => {}
                Carry::Phi | Carry::Carried => jump.push(next1[j]),
                Carry::Unboxed(kind) => match lb.known_box(next1[j]) {
                    Some((k, x)) if k == kind => jump.push(x),
                    _ => {
                        carry[j] = Carry::Phi;
                        again = true;
                    }
                },
            }
        }
        if !again {
            lb.jump(&jump);
            return Ok(lb.into_trace());
        }
    }
}

/// Adds the carried slots' values to the root frame of `snap` where the
/// snapshot does not name them itself.
fn merge_slots(snap: &mut Snapshot, slots: &[(u32, Val)]) {
    if slots.is_empty() {
        return;
    }
    if snap.frames.is_empty() {
        snap.frames.push(SnapFrame::default());
    }
    let root = &mut snap.frames[0];
    let named: WordMap<u32, ()> = root.slots.iter().map(|(s, _)| (*s, ())).collect();
    for &(slot, v) in slots {
        if !named.contains_key(&slot) {
            root.slots.push((slot, SnapValue::Val(v)));
        }
    }
    root.slots.sort_by_key(|(s, _)| *s);
}

/// Re-emits a trace without a loop through the fold engine (folding, CSE
/// and redundant-guard removal for side traces and straight-line code).
pub fn reemit_straight(src: &Trace, mut b: TraceBuilder) -> Result<Trace, OptError> {
    let mut copier = Copier { subst: vec![None; src.insts.len()] };
    let none = |_: &mut Snapshot| {};
    for i in 0..src.insts.len() {
        copier.copy(&mut b, src, i, &none)?;
    }
    Ok(b.into_trace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::boxes::BoxLayout;
    use crate::opt::optimize_recording;
    use traces::Type;

    /// The interpreter's NaN-boxing (interp/src/object/value.rs).
    pub(crate) const LAYOUT: BoxLayout = BoxLayout {
        tag_shift: 48,
        int_tag: 0xFFF9,
        payload_mask: (1 << 48) - 1,
        first_tag: 0xFFF9 << 48,
        int_kind: Some(1),
        float_kind: Some(2),
    };

    fn frame(slots: &[(u32, Val)]) -> Snapshot {
        let slots = slots.iter().map(|&(s, v)| (s, SnapValue::Val(v))).collect();
        Snapshot { frames: vec![SnapFrame { pc: 7, base: 0, slots }], virtuals: vec![] }
    }

    /// `for i in range(n): total += i`, recorded as the recorder does:
    /// slot 0 the counter, 1 the stop, 2 the total, all boxed words.
    fn range_sum() -> crate::builder::Recording {
        let mut b = TraceBuilder::with_layout("range_sum", LAYOUT);
        let (wi, wn, wt) = (b.input(Type::Word, 0), b.input(Type::Word, 1), b.input(Type::Word, 2));
        let s0 = b.snapshot(frame(&[]));
        b.guard_int(wi, s0).unwrap();
        b.guard_int(wn, s0).unwrap();
        let i = b.unbox_int(wi).unwrap();
        let n = b.unbox_int(wn).unwrap();
        let one = b.kint(1);
        let i1 = b.guard(Op::AddOv, &[i, one], 0, s0).unwrap();
        let more = b.op(Op::ILt, Type::Bool, &[i1, n]);
        b.guard(Op::GuardTrue, &[more], 0, s0);
        let wi1 = b.box_int(i1).unwrap();
        let s1 = b.snapshot(frame(&[(0, wi1)]));
        b.guard_int(wt, s1).unwrap();
        let t = b.unbox_int(wt).unwrap();
        let t1 = b.guard(Op::AddOv, &[t, i1], 0, s1).unwrap();
        b.guard_small_int(t1, s1).unwrap();
        let wt1 = b.box_int(t1).unwrap();
        b.close_loop(vec![(0, wi1), (2, wt1)])
    }

    fn loop_body(trace: &Trace) -> Vec<String> {
        let l = trace.loop_start().unwrap();
        let text = traces::text::print(trace);
        let body: Vec<&str> = text.lines().filter(|l| l.starts_with('%')).collect();
        body[l..].iter().map(|s| s.split(" snap=").next().unwrap().to_string()).collect()
    }

    #[test]
    fn range_loop_keeps_only_the_arithmetic() {
        let trace = optimize_recording(&range_sum()).unwrap();
        let text = traces::text::print(&trace);
        let body = loop_body(&trace);
        let ops: Vec<&str> = body
            .iter()
            .map(|l| l.split(" = ").nth(1).unwrap().split(' ').next().unwrap())
            .collect();
        assert_eq!(
            ops,
            [
                "loop",
                "phi",
                "phi",
                "addov",
                "lt",
                "guard.true",
                "addov",
                // The sum still fits a small int.
                "shl",
                "sar",
                "eq",
                "guard.true",
                "jump"
            ],
            "{text}"
        );
    }

    #[test]
    fn range_loop_exits_in_the_state_the_interpreter_expects() {
        use traces::eval::{eval, Env, Outcome, TestMemory};
        let trace = optimize_recording(&range_sum()).unwrap();
        let mut memory = TestMemory::default();
        let mut env = Env { memory: &mut memory, helpers: Default::default() };
        let out = eval(&trace, &[boxed(0), boxed(5), boxed(0)], &mut env, 100).unwrap();
        let Outcome::Exit { snap, values, .. } = out else { panic!("{out:?}") };
        let snap = &trace.snapshots[snap as usize];
        let at: WordMap<Val, u64> = snap.values().zip(values).collect();
        let slot = |s: u32| match snap.frames[0].slots.iter().find(|(k, _)| *k == s).unwrap().1 {
            SnapValue::Val(v) => at[&v],
            SnapValue::Virtual(o) => match snap.virtuals[o as usize].fields[0].1 {
                SnapValue::Val(v) => boxed(at[&v]),
                SnapValue::Virtual(_) => panic!("nested"),
            },
        };
        // 1 + 2 + 3 + 4 added; the exit resumes at the loop header with the
        // counter at 4, whose increment fails the `< 5` test.
        assert_eq!((slot(0), slot(2)), (boxed(4), boxed(10)));
    }

    fn boxed(x: u64) -> u64 {
        (x & LAYOUT.payload_mask) | (LAYOUT.int_tag << 48)
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn range_loop_compiles_and_runs() {
        let trace = optimize_recording(&range_sum()).unwrap();
        let code = crate::compile(&trace).unwrap();
        let mut state = vec![0u64; code.state_words().max(3)];
        state[..3].copy_from_slice(&[boxed(0), boxed(1000), boxed(0)]);
        // SAFETY: the trace touches no memory and calls no helpers.
        let exit = unsafe { code.run(&mut state) };
        let snap =
            &trace.snapshots[trace.insts[trace.exits()[exit as usize]].snap.unwrap() as usize];
        // The record holds the virtual boxes' payloads: counter, total.
        assert_eq!(snap.values().count(), 2);
        assert_eq!(&state[..2], &[999, 999 * 1000 / 2]);
    }

    /// `while i < n: x = x * k; i += 1` with x a float: the float crosses
    /// the back edge unboxed and its type check leaves the loop.
    #[test]
    fn float_loop_carries_an_unboxed_float() {
        let mut b = TraceBuilder::with_layout("float_mul", LAYOUT);
        let (wx, wi, wn, wk) = (
            b.input(Type::Word, 0),
            b.input(Type::Word, 1),
            b.input(Type::Word, 2),
            b.input(Type::Word, 3),
        );
        let s0 = b.snapshot(frame(&[]));
        b.guard_int(wi, s0).unwrap();
        b.guard_int(wn, s0).unwrap();
        let (i, n) = (b.unbox_int(wi).unwrap(), b.unbox_int(wn).unwrap());
        let more = b.op(Op::ILt, Type::Bool, &[i, n]);
        b.guard(Op::GuardTrue, &[more], 0, s0);
        b.guard_float(wx, s0).unwrap();
        b.guard_float(wk, s0).unwrap();
        let (x, k) = (b.unbox_float(wx), b.unbox_float(wk));
        let x1 = b.op(Op::FMul, Type::Float, &[x, k]);
        let wx1 = b.box_float(x1);
        let s1 = b.snapshot(frame(&[(0, wx1)]));
        let one = b.kint(1);
        let i1 = b.guard(Op::AddOv, &[i, one], 0, s1).unwrap();
        let wi1 = b.box_int(i1).unwrap();
        let trace = optimize_recording(&b.close_loop(vec![(0, wx1), (1, wi1)])).unwrap();
        let body = loop_body(&trace);
        let ops: Vec<&str> = body
            .iter()
            .map(|l| l.split(" = ").nth(1).unwrap().split(' ').next().unwrap())
            .collect();
        let text = traces::text::print(&trace);
        assert_eq!(
            ops,
            ["loop", "phi", "phi", "lt", "guard.true", "fmul", "addov", "jump"],
            "{text}"
        );
        assert!(body[1].starts_with("%") && body[1].contains(":float = phi"), "{text}");
    }
}
