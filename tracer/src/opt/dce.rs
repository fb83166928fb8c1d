//! Dead code elimination: pure instructions and loads whose values nothing
//! uses (no live instruction, no snapshot of a live guard) go, and so do
//! phis only the jump feeds and the jump's values for them. Unused
//! snapshots go too, and everything is renumbered.

use traces::ops::Flags;
use traces::{Op, Trace, Val};

use crate::builder::map_snapshot;

/// `trace` without its dead instructions.
pub fn dce(trace: &Trace) -> Trace {
    let n = trace.insts.len();
    let loop_at = trace.loop_start();
    let phi_index = |i: usize| loop_at.map(|l| i - l - 1);
    let jump = trace.insts.last().filter(|j| j.op == Op::Jump);
    let mut live = vec![false; n];
    let mut work: Vec<usize> = (0..n).filter(|&i| is_root(trace.insts[i].op)).collect();
    for &i in &work {
        live[i] = true;
    }
    // Guards share snapshots: each is walked once.
    let mut snap_seen = vec![false; trace.snapshots.len()];
    while let Some(i) = work.pop() {
        let inst = &trace.insts[i];
        let mut mark = |u: Val| {
            if !live[u.index()] {
                live[u.index()] = true;
                work.push(u.index());
            }
        };
        if inst.op != Op::Jump {
            inst.args.iter().for_each(|&u| mark(u));
        }
        if let Some(s) = inst.snap {
            if !std::mem::replace(&mut snap_seen[s as usize], true) {
                trace.snapshots[s as usize].values().for_each(&mut mark);
            }
        }
        if inst.op == Op::Phi {
            if let (Some(j), Some(k)) = (jump, phi_index(i)) {
                mark(j.args[k]);
            }
        }
    }
    rebuild(trace, &live)
}

fn is_root(op: Op) -> bool {
    let f = op.flags();
    let removable = (f.has(Flags::PURE) && !op.is_guard()) || f.has(Flags::LOAD);
    !removable && !matches!(op, Op::Phi | Op::Input)
}

/// `trace` with only the instructions marked in `live`, renumbered (the
/// snapshots of guards that go are dropped).
pub(crate) fn rebuild(trace: &Trace, live: &[bool]) -> Trace {
    let mut out =
        Trace { name: trace.name.clone(), helpers: trace.helpers.clone(), ..Trace::default() };
    let mut new_val = vec![Val(u32::MAX); trace.insts.len()];
    let mut new_snap = vec![None; trace.snapshots.len()];
    let mut dead_phis = Vec::new();
    let loop_at = trace.loop_start();
    for (i, inst) in trace.insts.iter().enumerate() {
        if !live[i] {
            if inst.op == Op::Phi {
                dead_phis.push(i - loop_at.unwrap_or(0) - 1);
            }
            continue;
        }
        let mut inst = inst.clone();
        if inst.op == Op::Jump {
            inst.args = inst
                .args
                .iter()
                .enumerate()
                .filter(|(k, _)| !dead_phis.contains(k))
                .map(|(_, a)| *a)
                .collect();
        }
        for a in inst.args.iter_mut() {
            *a = new_val[a.index()];
        }
        if let Some(s) = inst.snap {
            let id = *new_snap[s as usize].get_or_insert_with(|| {
                let snap = map_snapshot(&trace.snapshots[s as usize], &mut |v| new_val[v.index()]);
                out.add_snapshot(snap)
            });
            inst.snap = Some(id);
        }
        new_val[i] = out.push(inst);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::opt::check::optimizes_to;

    #[test]
    fn unused_values_and_phis_go_snapshot_uses_stay() {
        optimizes_to(
            "%0:int = input 0
             %1:int = input 1
             %2:int = kint 1
             %3:int = add %0, %2
             %4:int = mul %0, %0
             %5:int = ld.i64 [%1]
             %6 = loop
             %7:int = phi %0
             %8:int = phi %1
             %9:int = add %7, %2
             %10:int = add %8, %2
             %11:bool = lt %9, %1
             snap 0: frame pc=1 base=0 [0=%3]
             %12 = guard.true %11 snap=0
             %13 = jump %9, %10",
            "%0:int = input 0
             %1:int = input 1
             %2:int = kint 1
             %3:int = add %0, %2
             %4:bool = lt %3, %1
             snap 0: frame pc=1 base=0 [0=%3]
             %5 = guard.true %4 snap=0
             %6 = loop
             %7:int = phi %3
             %8:int = add %7, %2
             %9:bool = lt %8, %1
             %10 = guard.true %9 snap=0
             %11 = jump %8",
        );
    }
}
