//! Allocation sinking: a call of a helper that only builds an object from
//! its arguments (`Helper::sinks_to`), whose result no instruction uses,
//! goes. The snapshots that name the result hold instead a virtual object
//! of the helper's kind with the call's arguments as fields, so the object
//! is only allocated if a guard fails and deopt needs it. (A result passed
//! to another sunk call becomes a virtual field of that one's virtual.)

use traces::hash::WordMap;
use traces::trace::{SnapValue, Snapshot, VirtualObject};
use traces::{Op, Trace, Val};

/// `trace` with every sinkable allocation that does not escape removed.
pub fn sink(trace: &Trace) -> Trace {
    let sinkable = |i: usize| {
        let inst = &trace.insts[i];
        inst.op == Op::Call
            && inst.snap.is_none()
            && inst
                .helper
                .and_then(|h| trace.helpers.get(h as usize))
                .is_some_and(|h| h.sinks_to.is_some() && !h.may_raise && !h.may_collect)
    };
    // Optimistically every sinkable call goes; a call whose result an
    // instruction that stays uses is kept, until nothing changes.
    let mut sunk: Vec<bool> = (0..trace.insts.len()).map(sinkable).collect();
    loop {
        let mut escapes = vec![false; trace.insts.len()];
        for (i, inst) in trace.insts.iter().enumerate() {
            if !sunk[i] {
                for a in &inst.args {
                    escapes[a.index()] = true;
                }
            }
        }
        let next: Vec<bool> = sunk.iter().zip(&escapes).map(|(&s, &e)| s && !e).collect();
        if next == sunk {
            break;
        }
        sunk = next;
    }
    if !sunk.contains(&true) {
        return trace.clone();
    }
    let mut out = trace.clone();
    for snap in &mut out.snapshots {
        *snap = with_virtuals(trace, &sunk, snap);
    }
    let keep: Vec<bool> = sunk.iter().map(|s| !s).collect();
    super::dce::rebuild(&out, &keep)
}

/// `snap` with each slot or field naming a sunk call replaced by a virtual.
fn with_virtuals(trace: &Trace, sunk: &[bool], snap: &Snapshot) -> Snapshot {
    let mut snap = snap.clone();
    let mut made: WordMap<Val, u32> = WordMap::default();
    let mut frames = std::mem::take(&mut snap.frames);
    for frame in &mut frames {
        for (_, value) in &mut frame.slots {
            *value = virtual_for(trace, sunk, &mut snap.virtuals, &mut made, *value);
        }
    }
    // Virtuals the optimizer made before (boxes) may name sunk calls too.
    for i in 0..snap.virtuals.len() {
        for f in 0..snap.virtuals[i].fields.len() {
            let value = snap.virtuals[i].fields[f].1;
            let value = virtual_for(trace, sunk, &mut snap.virtuals, &mut made, value);
            snap.virtuals[i].fields[f].1 = value;
        }
    }
    snap.frames = frames;
    snap
}

/// The snapshot value standing for `value`: itself, or a virtual (made
/// once per snapshot) if it is the result of a sunk call.
fn virtual_for(
    trace: &Trace,
    sunk: &[bool],
    virtuals: &mut Vec<VirtualObject>,
    made: &mut WordMap<Val, u32>,
    value: SnapValue,
) -> SnapValue {
    let SnapValue::Val(v) = value else { return value };
    if !sunk[v.index()] {
        return value;
    }
    if let Some(&k) = made.get(&v) {
        return SnapValue::Virtual(k);
    }
    let inst = &trace.insts[v.index()];
    let helper = &trace.helpers[inst.helper.unwrap_or(0) as usize];
    let fields: Vec<(u32, SnapValue)> = inst
        .args
        .iter()
        .enumerate()
        .map(|(i, a)| (i as u32, virtual_for(trace, sunk, virtuals, made, SnapValue::Val(*a))))
        .collect();
    virtuals.push(VirtualObject { kind: helper.sinks_to.unwrap_or(0), fields });
    let k = virtuals.len() as u32 - 1;
    made.insert(v, k);
    SnapValue::Virtual(k)
}

#[cfg(test)]
mod tests {
    use crate::opt::check::optimizes_to;

    #[test]
    fn an_allocation_only_snapshots_use_becomes_a_virtual() {
        optimizes_to(
            "helper mk(word, word) -> word sink=7 @0x10
             helper use(word) -> word @0x20
             %0:word = input 0
             %1:word = input 1
             %2:word = call @mk(%0, %1)
             %3:bool = kbool 1
             snap 0: frame pc=1 base=0 [4=%2]
             %4 = guard.true %3 snap=0
             %5:word = call @use(%0)
             snap 1: frame pc=2 base=0 [4=%2 5=%5]
             %6 = exit snap=1",
            "helper mk(word, word) -> word sink=7 @0x10
             helper use(word) -> word @0x20
             %0:word = input 0
             %1:word = input 1
             %2:word = call @use(%0)
             snap 0: frame pc=2 base=0 [4=v0 5=%2] virtual v0 kind=7 [0=%0 1=%1]
             %3 = exit snap=0",
        );
    }

    #[test]
    fn an_allocation_an_instruction_uses_stays() {
        let text = "helper mk(word, word) -> word sink=7 @0x10
             helper use(word) -> word @0x20
             %0:word = input 0
             %1:word = call @mk(%0, %0)
             %2:word = call @use(%1)
             snap 0: frame pc=2 base=0 [4=%1 5=%2]
             %3 = exit snap=0";
        optimizes_to(text, text);
    }

    #[test]
    fn an_allocation_inside_a_sunk_one_is_a_virtual_field() {
        optimizes_to(
            "helper mk(word, word) -> word sink=7 @0x10
             %0:word = input 0
             %1:word = call @mk(%0, %0)
             %2:word = call @mk(%1, %0)
             snap 0: frame pc=2 base=0 [4=%2]
             %3 = exit snap=0",
            "helper mk(word, word) -> word sink=7 @0x10
             %0:word = input 0
             snap 0: frame pc=2 base=0 [4=v1] virtual v0 kind=7 [0=%0 1=%0] virtual v1 kind=7 [0=v0 1=%0]
             %1 = exit snap=0",
        );
    }
}
