//! A compiled trace as the VM keeps it: the machine code, the trace it
//! came from (for deopt and the dump), and per exit what leaving through
//! it needs.

use std::cell::Cell;
use std::sync::Arc;

use super::code_key;
use super::record;
use crate::object::Value;

/// A compiled trace and what deopt needs to know about its exits.
///
/// The fields entering and leaving the trace read come first, in this
/// order (`repr(C)`), next to the `Rc`'s counts: a trace that runs once per
/// round of a program's work is cold in the cache when it runs.
#[repr(C)]
pub struct TraceEntry {
    /// Entries from the interpreter (linked entries are counted by the
    /// traces linked to this one, see [`JitState::entries_of`]).
    pub entries: Cell<u64>,
    pub code: Arc<tracer::CompiledTrace>,
    /// By exit number: what taking it needs (see [`ExitMeta`]).
    pub exits: Box<[ExitMeta]>,
    /// The slots of the exits with a [`PlainExit`] that take record
    /// words, one run per exit.
    pub plain_slots: Box<[u32]>,
    /// The slots of those exits that take constants, and the constants.
    pub plain_consts: Box<[(u32, u64)]>,
    pub id: usize,
    /// Words of state area a run of this trace needs at least.
    pub state_need: usize,
    /// For a trace that ends by leaving for a pc with the frame mirror up
    /// to date: that exit, which may be linked to the trace starting there.
    pub linkable_end: Option<usize>,
    /// Exits numbered below this lie in the preamble (a loop trace's
    /// first iteration).
    pub preamble_exits: usize,
    /// Where it starts: the loop header, or for a side trace the pc the
    /// exits it serves resume at.
    pub start: u32,
    /// The header of the loop it was recorded in.
    pub header: u32,
    pub trace: traces::Trace,
    /// For each exit number, its snapshot's index in `trace.snapshots`.
    pub exit_snapshots: Vec<usize>,
    /// Times the trace reached its end (counted by the trace itself).
    pub passes: Box<Cell<u64>>,
    /// Where it came from, for the dump.
    pub origin: String,
    pub listing: String,
}

impl TraceEntry {
    /// Trace `id`, compiled to `code`, with its exit tables derived from
    /// the trace; `linkable_end` and `passes` as the fields say.
    pub fn new(
        (id, trace, code): (usize, traces::Trace, tracer::CompiledTrace),
        (linkable_end, passes): (Option<usize>, Box<Cell<u64>>),
        (start, header): (u32, u32),
        origin: String,
        listing: String,
    ) -> TraceEntry {
        let exits = trace.exits();
        let exit_snapshots: Vec<usize> =
            exits.iter().map(|&i| trace.insts[i].snap.map_or(usize::MAX, |s| s as usize)).collect();
        let (mut plain_slots, mut plain_consts) = (Vec::new(), Vec::new());
        let exit_metas = exit_snapshots
            .iter()
            .map(|&i| {
                let plain = trace.snapshots.get(i).and_then(|snap| {
                    let [frame] = &snap.frames[..] else { return None };
                    if !snap.virtuals.is_empty() {
                        return None;
                    }
                    let (slots, consts) = (plain_slots.len() as u32, plain_consts.len() as u32);
                    // Without virtual objects every slot holds a value (the
                    // trace was verified).
                    for &(slot, value) in &frame.slots {
                        if let traces::SnapValue::Val(v) = value {
                            match trace.const_bits(v) {
                                Some(bits) => plain_consts.push((slot, bits)),
                                None => plain_slots.push(slot),
                            }
                        }
                    }
                    Some(PlainExit {
                        pc: frame.pc,
                        slots: slots..plain_slots.len() as u32,
                        consts: consts..plain_consts.len() as u32,
                    })
                });
                ExitMeta {
                    count: Cell::new(0),
                    settled: Cell::new(0),
                    plain,
                    unrolled: unrolled_codes_in(&trace, trace.snapshots.get(i)),
                }
            })
            .collect();
        let (plain_slots, plain_consts) =
            (plain_slots.into_boxed_slice(), plain_consts.into_boxed_slice());
        let loop_start = trace.loop_start().unwrap_or(0);
        TraceEntry {
            id,
            state_need: trace.insts.len(),
            code: Arc::new(code),
            preamble_exits: exits.iter().filter(|&&i| i < loop_start).count(),
            exits: exit_metas,
            plain_slots,
            plain_consts,
            exit_snapshots,
            trace,
            entries: Cell::new(0),
            linkable_end,
            passes,
            start,
            header,
            origin,
            listing,
        }
    }

    /// Times exit `exit` was taken.
    pub fn exit_count(&self, exit: usize) -> u64 {
        self.exits.get(exit).map_or(0, |e| e.count.get())
    }
}

/// What taking one exit needs, in one place. A trace that runs once per
/// round of a program's work is cold in the cache when it exits: reaching
/// the exit's count, snapshot, frames and slots through separate heap
/// blocks cost a miss each (with argparse a tenth of the time went to
/// `run_trace`, mostly such misses).
pub struct ExitMeta {
    /// Times taken.
    pub count: Cell<u64>,
    /// The [`JitState::generation`] at which the exit was found to lead
    /// only to the interpreter (no trace at its pc, and a side trace
    /// there refused for good); 0 if never. While no trace is added, the
    /// exit goes straight there.
    pub settled: Cell<u32>,
    /// For an exit whose snapshot is one frame without virtual objects.
    pub plain: Option<PlainExit>,
    /// The functions with loops (unrolled into the trace) whose inlined
    /// frames the exit leaves from; mostly empty.
    pub unrolled: Box<[u64]>,
}

/// An exit whose record is the new values of some of the root frame's
/// slots, in order: `TraceEntry::plain_slots[slots]`; the slots it sets to
/// constants are `TraceEntry::plain_consts[consts]`.
#[derive(Clone, Debug)]
pub struct PlainExit {
    pub pc: u32,
    pub slots: std::ops::Range<u32>,
    pub consts: std::ops::Range<u32>,
}

/// The code keys of the functions with loops among the inlined frames of
/// `snap` (each such frame names its code in [`record::CODE_SLOT`]).
fn unrolled_codes_in(trace: &traces::Trace, snap: Option<&traces::Snapshot>) -> Box<[u64]> {
    let Some(snap) = snap else { return Box::default() };
    let frame_code = |frame: &traces::SnapFrame| {
        frame.slots.iter().find_map(|(s, v)| match v {
            traces::SnapValue::Val(v) if *s == record::CODE_SLOT => {
                crate::vm::code::code_of(Value::from_bits(trace.inst(*v).imm as u64))
            }
            _ => None,
        })
    };
    snap.frames
        .iter()
        .skip(1)
        .filter_map(frame_code)
        .filter(|code| record::has_loop(code))
        .map(|code| code_key(&code))
        .collect()
}
