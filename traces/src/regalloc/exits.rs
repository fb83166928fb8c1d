//! Exit and call bookkeeping: what a backend must write out at each exit,
//! save around each helper call, and publish to the GC at a call that may
//! collect.
//!
//! # GC roots at collecting calls
//!
//! A reference held only in a register or spill slot is invisible to the
//! collector. Before calling a helper that `may_collect`, compiled code
//! publishes every non-constant `ref` or `word` value live across the call
//! or passed to it in the *root area* of its state (a stack map written out
//! at the call site), at word `A` = [`gc_root_area`]:
//!
//! - word `A` is 0 while the trace is not inside a collecting call (the
//!   trace's entry clears it, and every collecting call clears it when it
//!   returns); during one it is the [`gc_root_marker`] of `n`, the number
//!   of values published, and of how many of them, the first ones, are
//!   `ref`s; the rest are `word`s, which a client may use for tagged values
//!   (the interpreter keeps NaN-boxed Python values in `word`s) and
//!   interpret as it likes ([`read_gc_root_marker`] gives both back);
//! - words `A + 1 ..= A + n` hold the values. A collecting call writes
//!   only those that an earlier one on the way from the trace's entry or
//!   loop head did not leave there (see [`CallSave::gc_root_writes`]).
//!
//! A collector that runs while the trace is suspended in a helper reads word
//! `A` to learn whether the trace is at a call whose live references it can
//! see (constants are rooted by the compiled trace's owner). The collector
//! must not move objects: the values are not reloaded after the call.
//! Arguments count as published because the helper's own frame may hold
//! them in places the collector cannot see.

use super::linear_scan::Allocation;
use super::{Loc, RegFile};
use crate::ops::Op;
use crate::trace::{Trace, Val};

/// One exit: the guard, its snapshot, and each exit-record entry's value and
/// location, in record order ([`Trace::record_values`]: constants are not
/// written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExitInfo {
    pub inst: usize,
    pub snap: u32,
    pub entries: Vec<(Val, Loc)>,
}

/// The exits of `trace`, numbered as [`Trace::exits`] numbers them.
pub fn exit_map(trace: &Trace, alloc: &Allocation) -> Vec<ExitInfo> {
    trace
        .exits()
        .into_iter()
        .map(|inst| {
            let snap = trace.insts[inst].snap.unwrap_or(0);
            let entries = trace
                .record_values(&trace.snapshots[snap as usize])
                .map(|v| (v, alloc.locs[v.index()]))
                .collect();
            ExitInfo { inst, snap, entries }
        })
        .collect()
}

/// Caller-saved registers around one call: `save` holds values live across
/// the call or passed to it (so arguments can be read from the save area
/// while argument registers are written); `restore` those live after it.
/// Each entry is (value, is_float, register).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallSave {
    pub inst: usize,
    pub save: Vec<(Val, bool, u8)>,
    pub restore: Vec<(Val, bool, u8)>,
    /// For a helper that may collect: the values to publish, `ref`s first
    /// (see the module docs).
    pub gc_roots: Vec<Val>,
    /// How many of `gc_roots` are `ref`s.
    pub gc_refs: usize,
    /// The positions in `gc_roots` to write: the others already hold the
    /// same value, published by an earlier collecting call on the way from
    /// the trace's entry or loop head (values never change and the
    /// collector does not move objects, so it is still right). Trace code
    /// is often cold, and those stores were a fifth of its bytes.
    pub gc_root_writes: Vec<usize>,
}

/// The state word saying whether the trace is inside a collecting call
/// (and how many roots it published); the ref count and the roots follow.
/// It lies past the inputs and every exit record.
pub fn gc_root_area(trace: &Trace) -> usize {
    trace.state_words()
}

/// Words of the root area before the published values.
pub const GC_ROOT_HEADER: usize = 1;

/// Bits of the marker word holding `1 + n`; the ref count is above them.
const MARKER_COUNT_BITS: u32 = 16;

/// The most values one call site may publish: with its ref count above
/// `1 + n`, a marker stays a positive 32-bit number.
pub const MAX_GC_ROOTS: usize = (1 << (31 - MARKER_COUNT_BITS)) - 1;

/// The root area's first word during a collecting call that published
/// `n` values, the first `refs` of them `ref`s: one word, so a call site
/// marks itself with a single store (it fits 32 bits while `n` is at most
/// [`MAX_GC_ROOTS`]).
pub fn gc_root_marker(n: usize, refs: usize) -> u64 {
    assert!(n <= MAX_GC_ROOTS && refs <= n, "{n} roots ({refs} refs) do not fit the marker");
    ((refs as u64) << MARKER_COUNT_BITS) | (1 + n as u64)
}

/// `(n, refs)` from a root area's first word, or None outside a
/// collecting call (or for a word no marker gives).
pub fn read_gc_root_marker(word: u64) -> Option<(usize, usize)> {
    let n = (word & ((1 << MARKER_COUNT_BITS) - 1)).checked_sub(1)? as usize;
    let refs = (word >> MARKER_COUNT_BITS) as usize;
    (refs <= n).then_some((n, refs))
}

/// Whether `trace` calls a helper that may collect (and so has a root area).
pub fn has_collecting_calls(trace: &Trace) -> bool {
    trace.insts.iter().any(|i| i.helper.is_some_and(|h| trace.helpers[h as usize].may_collect))
}

/// State words a trace needs including its root area (none if it never
/// calls a helper that may collect); an error when a call site has more
/// roots than its marker can count ([`MAX_GC_ROOTS`]).
pub fn state_words_with_roots(trace: &Trace, saves: &[CallSave]) -> Result<usize, String> {
    let roots = saves.iter().map(|s| s.gc_roots.len()).max().unwrap_or(0);
    if roots > MAX_GC_ROOTS {
        return Err(format!("{roots} values live across a call; a root area holds {MAX_GC_ROOTS}"));
    }
    Ok(if has_collecting_calls(trace) {
        gc_root_area(trace) + GC_ROOT_HEADER + roots
    } else {
        trace.state_words()
    })
}

/// The [`CallSave`] of every call in `trace`, in order.
pub fn call_saves(trace: &Trace, alloc: &Allocation, file: &RegFile) -> Vec<CallSave> {
    // holder[class][reg]: the latest value given that register. A value live
    // at i is always its register's latest holder (intervals sharing a
    // register do not overlap).
    let mut holder: [Vec<Option<usize>>; 2] = [vec![None; 64], vec![None; 64]];
    let mut out = Vec::new();
    // Refs and words defined so far that may still be live, oldest first
    // (pruned at each collecting call, so the sweep stays linear).
    let mut may_be_roots: Vec<usize> = Vec::new();
    let is_root_type = |ty| matches!(ty, crate::Type::Ref | crate::Type::Word);
    // What each root-area position holds on every path reaching `i`. The
    // loop head is also reached from the back edge, with the last
    // iteration's values.
    let mut area: Vec<Option<Val>> = Vec::new();
    for (i, inst) in trace.insts.iter().enumerate() {
        if inst.op == Op::Loop {
            area.clear();
        }
        if inst.op == Op::Call {
            let mut site = CallSave { inst: i, ..CallSave::default() };
            if inst.helper.is_some_and(|h| trace.helpers[h as usize].may_collect) {
                may_be_roots.retain(|&v| alloc.live.end[v] as usize >= i);
                let published = |ty: crate::Type| {
                    may_be_roots.iter().copied().filter(move |&v| {
                        trace.insts[v].ty == ty
                            && (alloc.live.live_across(v, i)
                                || inst.args.iter().any(|a| a.index() == v))
                    })
                };
                site.gc_roots = published(crate::Type::Ref).map(|v| Val(v as u32)).collect();
                site.gc_refs = site.gc_roots.len();
                site.gc_roots.extend(published(crate::Type::Word).map(|v| Val(v as u32)));
                site.gc_root_writes = stale_roots(&mut area, &site.gc_roots);
            }
            for (class, regs) in holder.iter().enumerate() {
                let is_float = class == 1;
                let desc = if is_float { &file.fpr } else { &file.gpr };
                for (r, v) in regs.iter().enumerate() {
                    let Some(v) = *v else { continue };
                    if !desc.is_caller_saved(r as u8) {
                        continue;
                    }
                    let is_arg = inst.args.iter().any(|a| a.index() == v);
                    let after = alloc.live.live_across(v, i);
                    if is_arg || after {
                        site.save.push((Val(v as u32), is_float, r as u8));
                    }
                    if after {
                        site.restore.push((Val(v as u32), is_float, r as u8));
                    }
                }
            }
            out.push(site);
        }
        if let Loc::Reg(r) = alloc.locs[i] {
            holder[inst.ty.is_float() as usize][r as usize] = Some(i);
        }
        if is_root_type(inst.ty) && alloc.locs[i] != Loc::Const {
            may_be_roots.push(i);
        }
    }
    out
}

/// The positions of `roots` whose value `area` does not hold already;
/// `area` then holds `roots`.
fn stale_roots(area: &mut Vec<Option<Val>>, roots: &[Val]) -> Vec<usize> {
    if area.len() < roots.len() {
        area.resize(roots.len(), None);
    }
    let mut stale = Vec::new();
    for (k, &v) in roots.iter().enumerate() {
        if area[k] != Some(v) {
            area[k] = Some(v);
            stale.push(k);
        }
    }
    stale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regalloc::{allocate, RegClass};
    use crate::text::parse;

    #[test]
    fn gc_root_markers_round_trip() {
        assert_eq!(read_gc_root_marker(0), None);
        for (n, refs) in [(0, 0), (1, 0), (1, 1), (7, 3), (MAX_GC_ROOTS, MAX_GC_ROOTS)] {
            let word = gc_root_marker(n, refs);
            assert!(i32::try_from(word).is_ok(), "{word:#x}");
            assert_eq!(read_gc_root_marker(word), Some((n, refs)));
        }
    }

    #[test]
    fn a_root_published_before_is_not_written_again_until_the_loop_head() {
        let mut area = Vec::new();
        assert_eq!(stale_roots(&mut area, &[Val(1), Val(2)]), vec![0, 1]);
        assert_eq!(stale_roots(&mut area, &[Val(1), Val(3)]), vec![1]);
        assert_eq!(stale_roots(&mut area, &[Val(1), Val(3), Val(4)]), vec![2]);
        assert_eq!(stale_roots(&mut area, &[Val(3)]), vec![0]);
    }

    #[test]
    fn saves_only_live_caller_saved_registers() {
        let trace = parse(
            "helper h(int) -> int @0x0
%0:int = input 0
%1:int = input 1
%2:int = call @h(%0)
%3:int = add %2, %1
snap 0: frame pc=0 base=0 [0=%3 1=%0 2=%1]
%4 = exit snap=0
",
        )
        .unwrap();
        let file = RegFile {
            gpr: RegClass { allocatable: vec![0, 1, 2], caller_saved: 0b111, arguments: vec![0] },
            fpr: RegClass { allocatable: vec![0], caller_saved: 1, arguments: vec![0] },
        };
        let alloc = allocate(&trace, &file);
        let saves = call_saves(&trace, &alloc, &file);
        assert_eq!(saves.len(), 1);
        let saved: Vec<u32> = saves[0].save.iter().map(|s| s.0 .0).collect();
        let restored: Vec<u32> = saves[0].restore.iter().map(|s| s.0 .0).collect();
        assert!(saved.contains(&0) && saved.contains(&1), "{saves:?}");
        assert!(restored.contains(&0) && restored.contains(&1));
        let exits = exit_map(&trace, &alloc);
        assert_eq!(exits[0].entries.len(), 3);
        assert_eq!(exits[0].entries[1].0, Val(0));
    }
}
