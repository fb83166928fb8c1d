//! A test case (trace, inputs, initial memory) and its shrinking.

use quickcheck::{Arbitrary, Gen};

use super::generate::{below, generate};
use crate::ops::Op;
use crate::trace::{SnapFrame, SnapValue, Snapshot, Trace, Val};

/// A trace with its inputs and initial memory.
#[derive(Clone)]
pub struct Case {
    pub trace: Trace,
    pub inputs: Vec<u64>,
    pub memory: Vec<u64>,
}

impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "inputs: {:#x?}", self.inputs)?;
        write!(f, "{}", crate::text::print(&self.trace))
    }
}

impl Arbitrary for Case {
    fn arbitrary(g: &mut Gen) -> Case {
        let ops = 4 + below(g, g.size().max(1) as u64) as usize;
        generate(g, ops)
    }

    /// Smaller cases: the trace without one instruction nothing uses
    /// (latest first), so a failure shrinks to the few instructions that
    /// matter.
    fn shrink(&self) -> Box<dyn Iterator<Item = Case>> {
        let case = self.clone();
        let removable: Vec<usize> =
            (0..case.trace.insts.len()).rev().filter(|&i| unused(&case.trace, i)).collect();
        let removed = removable
            .into_iter()
            .map(move |i| Case { trace: without(&case.trace, i), ..case.clone() });
        // Then snapshots emptied, which frees the values they named.
        let case = self.clone();
        let full: Vec<usize> = (0..case.trace.snapshots.len())
            .filter(|&s| case.trace.snapshots[s].values().next().is_some())
            .collect();
        let emptied = full.into_iter().map(move |s| {
            let mut smaller = case.clone();
            smaller.trace.snapshots[s] =
                Snapshot { frames: vec![SnapFrame::default()], virtuals: vec![] };
            smaller
        });
        Box::new(removed.chain(emptied))
    }
}

/// Instruction `i` can go: no operand or snapshot names it and it is not
/// part of the trace's shape.
fn unused(trace: &Trace, i: usize) -> bool {
    let v = Val(i as u32);
    let structural =
        matches!(trace.insts[i].op, Op::Input | Op::Loop | Op::Phi | Op::Jump | Op::Exit);
    let used = trace.insts.iter().any(|inst| inst.args.contains(&v))
        || trace.snapshots.iter().any(|s| s.values().any(|x| x == v));
    !structural && !used
}

/// `trace` without instruction `i` (which nothing uses), renumbered.
fn without(trace: &Trace, i: usize) -> Trace {
    let renumber = |v: &mut Val| {
        if v.index() > i {
            v.0 -= 1;
        }
    };
    let mut t = trace.clone();
    t.insts.remove(i);
    for inst in &mut t.insts {
        inst.args.iter_mut().for_each(renumber);
    }
    for snap in &mut t.snapshots {
        let slots = snap.frames.iter_mut().flat_map(|f| f.slots.iter_mut());
        let fields = snap.virtuals.iter_mut().flat_map(|o| o.fields.iter_mut());
        for (_, value) in slots.chain(fields) {
            if let SnapValue::Val(v) = value {
                renumber(v);
            }
        }
    }
    t
}
