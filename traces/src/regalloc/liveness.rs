//! Last uses. A value defined before the loop and used inside it is live to
//! the back edge (the next iteration uses it again). A snapshot use counts as
//! a use at its guard. A phi's initial value is used when the loop is
//! entered, so its use does not make it live through the loop. Phis live at
//! least until the last phi (they are all assigned at once).

use crate::ops::Op;
use crate::trace::Trace;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Liveness {
    /// The index of each value's last use (its own index when unused).
    pub end: Vec<u32>,
    /// Compares used only by the guard right after them: the backend emits
    /// compare and branch together and the compare needs no location.
    pub fused: Vec<bool>,
    /// How many operands and snapshot entries name each value.
    pub uses: Vec<u32>,
}

impl Liveness {
    /// The value defined at `v` is live across instruction `i` (defined
    /// before it and used after it).
    pub fn live_across(&self, v: usize, i: usize) -> bool {
        v < i && self.end[v] as usize > i
    }
}

pub fn liveness(trace: &Trace) -> Liveness {
    let n = trace.insts.len();
    let mut end: Vec<u32> = (0..n as u32).collect();
    let mut uses = vec![0u32; n];
    let loop_at = trace.loop_start();
    let last = n.saturating_sub(1) as u32;
    let mut use_at = |v: usize, i: usize, is_phi: bool, end: &mut Vec<u32>| {
        uses[v] += 1;
        let pos = match loop_at {
            Some(l) if v < l && i > l && !is_phi => last,
            _ => i as u32,
        };
        end[v] = end[v].max(pos);
    };
    for (i, inst) in trace.insts.iter().enumerate() {
        for a in &inst.args {
            use_at(a.index(), i, inst.op == Op::Phi, &mut end);
        }
        if let Some(s) = inst.snap {
            for v in trace.snapshots[s as usize].values() {
                use_at(v.index(), i, false, &mut end);
            }
        }
    }
    // Every phi is written at loop entry and at the back edge, all at once:
    // no two phis may share a location, so each lives at least until the
    // last phi is defined.
    if let Some(l) = loop_at {
        let phis = trace.insts[l + 1..].iter().take_while(|i| i.op == Op::Phi).count();
        for e in &mut end[l + 1..l + 1 + phis] {
            *e = (*e).max((l + phis) as u32);
        }
    }
    let fused = (0..n)
        .map(|i| {
            let next = trace.insts.get(i + 1);
            trace.insts[i].op.is_compare()
                && uses[i] == 1
                && next.is_some_and(|g| {
                    matches!(g.op, Op::GuardTrue | Op::GuardFalse) && g.args[0].index() == i
                })
        })
        .collect();
    Liveness { end, fused, uses }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;

    #[test]
    fn loop_invariants_live_to_back_edge() {
        let trace = parse(
            "%0:int = input 0
%1:int = input 1
%2:int = kint 1
%3 = loop
%4:int = phi %2
%5:int = add %4, %0
%6:bool = lt %5, %1
snap 0: frame pc=0 base=0 []
%7 = guard.true %6 snap=0
%8 = jump %5
",
        )
        .unwrap();
        let live = liveness(&trace);
        assert_eq!(live.end[0], 8);
        assert_eq!(live.end[1], 8);
        assert_eq!(live.end[2], 4, "a phi's initial value dies at loop entry");
        assert_eq!(live.end[5], 8);
        assert!(live.fused[6] && !live.fused[5]);
        assert!(live.live_across(0, 5) && !live.live_across(5, 5));
    }
}
