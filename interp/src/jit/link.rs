//! Trace linking: exits that jump straight into the next trace instead of
//! returning to `run_trace`.
//!
//! Every trace reads the loop frame's slots from the state's frame mirror
//! (`MIRROR`), and deopt copies the mirror back into the frame before it
//! applies a snapshot. So a trace may hand over to another by writing the
//! slots it changed into the mirror and jumping to the other's entry:
//!
//! - A trace that ends at a pc (a side trace reaching a loop header) does
//!   that itself (`Recorder::finish_at`); its end is linked to the trace
//!   starting there the first time `run_trace` goes that way.
//! - A guard's exit writes its snapshot into the exit record instead. Once
//!   it is hot and a trace starts where it resumes, it gets an *adapter*:
//!   a small trace made from the snapshot alone that moves the record into
//!   the mirror (boxing the values the trace kept unboxed) and ends
//!   linked to that trace.

use std::cell::Cell;
use std::rc::Rc;

use tracer::TraceBuilder;
use traces::{Op, SnapFrame, SnapValue, Snapshot, Type, Val, VirtualObject};

use super::record::{box_layout, FIRST_PSEUDO_SLOT, VIRTUAL_FLOAT, VIRTUAL_INT};
use super::{Link, TraceEntry, MIRROR, RUNNING_TRACE};
use crate::vm::Vm;

/// How a record value becomes a frame slot's word.
#[derive(Clone, Copy)]
enum Boxing {
    /// Already a boxed word.
    Word,
    /// A raw int or float (a virtual box's field).
    Int,
    Float,
}

impl Vm {
    /// Sends exit `exit` of `from` straight to `to`.
    pub(super) fn link(&mut self, from: &Rc<TraceEntry>, exit: usize, to: &Rc<TraceEntry>) {
        // A run under way (suspended in a helper) may take this exit: its
        // state area, sized when it started, must hold `to`'s too.
        if !self.jit.room_for(to.code.state_words()) {
            return;
        }
        if from.code.link_exit(exit as u32, to.code.clone()).is_ok() {
            let link = Link { from: from.clone(), exit, passes_then: from.passes.get() };
            self.jit.links_into.entry(to.id).or_default().push(link);
        }
    }

    /// Makes every exit linked to `to` return to `run_trace` again (`to`
    /// is being dropped or replaced).
    pub(super) fn unlink_into(&mut self, to: &TraceEntry) {
        for link in self.jit.links_into.remove(&to.id).unwrap_or_default() {
            // An exit number it was linked with is in range.
            let _ = link.from.code.unlink_exit(link.exit as u32);
        }
    }

    /// Links guard exit `exit` of `from`, which resumes where `to` starts,
    /// through an adapter (once per exit; nothing if its snapshot has more
    /// than the loop's frame in it). The frame has `slot_count` slots.
    /// The adapter's id, if one was made.
    pub(super) fn link_through_adapter(
        &mut self,
        from: &Rc<TraceEntry>,
        exit: usize,
        to: &Rc<TraceEntry>,
        slot_count: usize,
    ) -> Option<usize> {
        // A recording under way has the next id for itself.
        if self.jit.recording.is_some() || !self.jit.adapted.insert((from.id, exit)) {
            return None;
        }
        let snap = from.exit_snapshots.get(exit).and_then(|&s| from.trace.snapshots.get(s))?;
        let id = self.jit.all.len();
        let passes = Box::new(Cell::new(0));
        let mut trace = adapter_trace(&from.trace, snap, id, passes.as_ptr())?;
        trace.min_state_words = MIRROR as usize + slot_count;
        let code = tracer::compile(&trace).ok()?;
        let exits = trace.exits().len();
        let adapter = Rc::new(TraceEntry::new(
            (id, trace, code),
            (Some(exits - 1), passes),
            (to.start, from.header),
            format!("adapter from trace {} exit {exit} to trace {}", from.id, to.id),
            String::new(),
        ));
        self.jit.add_trace(adapter.clone());
        self.link(&adapter, exits - 1, to);
        self.link(from, exit, &adapter);
        Some(id)
    }
}

/// The adapter for an exit of `parent` through `snap`: trace `id`, counting
/// its passes at `passes`. None if the snapshot holds more than slots of
/// one frame and boxed ints and floats.
fn adapter_trace(
    parent: &traces::Trace,
    snap: &Snapshot,
    id: usize,
    passes: *const u64,
) -> Option<traces::Trace> {
    let [frame] = snap.frames.as_slice() else { return None };
    let plain = |v: &VirtualObject| {
        matches!(v.kind, VIRTUAL_INT | VIRTUAL_FLOAT) && v.fields.len() == 1 && v.fields[0].0 == 0
    };
    if frame.slots.iter().any(|(s, _)| *s >= FIRST_PSEUDO_SLOT) || !snap.virtuals.iter().all(plain)
    {
        return None;
    }
    let mut b = TraceBuilder::with_layout("adapter", box_layout());
    let me = b.kint(id as i64);
    b.store_state(RUNNING_TRACE, me);
    // The record: the slots' values in order, then the virtuals' fields,
    // each but the parent's constants.
    let mut word = 0u32;
    let mut take = |b: &mut TraceBuilder, ty: Type, v: Val| match (parent.const_bits(v), ty) {
        (Some(bits), Type::Int) => b.kint(bits as i64),
        (Some(bits), Type::Float) => b.kflt(f64::from_bits(bits)),
        (Some(bits), _) => b.kword(bits),
        (None, _) => {
            word += 1;
            b.input(ty, word - 1)
        }
    };
    let mut slot_values = Vec::with_capacity(frame.slots.len());
    for (slot, value) in &frame.slots {
        if let SnapValue::Val(v) = value {
            slot_values.push((*slot, take(&mut b, Type::Word, *v)));
        }
    }
    let mut fields = Vec::with_capacity(snap.virtuals.len());
    for v in &snap.virtuals {
        let (ty, boxing) = if v.kind == VIRTUAL_INT {
            (Type::Int, Boxing::Int)
        } else {
            (Type::Float, Boxing::Float)
        };
        let SnapValue::Val(field) = v.fields[0].1 else { return None };
        fields.push((take(&mut b, ty, field), boxing));
    }
    // The same snapshot in the adapter's values, for its own exits.
    let mut again = SnapFrame { pc: frame.pc, base: 0, slots: Vec::new() };
    let mut words = slot_values.iter();
    let mut stores = Vec::with_capacity(frame.slots.len());
    for (slot, value) in &frame.slots {
        match value {
            SnapValue::Val(_) => {
                let &(_, v) = words.next()?;
                again.slots.push((*slot, SnapValue::Val(v)));
                stores.push((*slot, v, Boxing::Word));
            }
            SnapValue::Virtual(i) => {
                let &(v, boxing) = fields.get(*i as usize)?;
                again.slots.push((*slot, SnapValue::Virtual(*i)));
                stores.push((*slot, v, boxing));
            }
        }
    }
    let virtuals = snap
        .virtuals
        .iter()
        .zip(&fields)
        .map(|(v, &(f, _))| VirtualObject { kind: v.kind, fields: vec![(0, SnapValue::Val(f))] })
        .collect();
    let snap_again = b.snapshot(Snapshot { frames: vec![again], virtuals });
    for (slot, v, boxing) in stores {
        let w = match boxing {
            Boxing::Word => v,
            Boxing::Int => {
                b.guard_small_int(v, snap_again).ok()?;
                b.box_int(v).ok()?
            }
            Boxing::Float => b.box_float(v),
        };
        b.store_state(MIRROR + slot, w);
    }
    count_pass(&mut b, passes);
    let end = SnapFrame { pc: frame.pc, base: 0, slots: vec![] };
    let s = b.snapshot(Snapshot { frames: vec![end], virtuals: vec![] });
    b.exit(s);
    Some(b.into_trace())
}

/// Adds one to the counter at `passes` (a linkable end's).
pub(super) fn count_pass(b: &mut TraceBuilder, passes: *const u64) {
    let counter = b.kref(passes as u64);
    let n = b.load(Op::LdI64, counter, None, 0);
    let one = b.kint(1);
    let next = b.op(Op::Add, Type::Int, &[n, one]);
    b.store(Op::StI64, next, counter, None, 0);
}
