//! Deopt: when a trace exits, its snapshot becomes interpreter state. The
//! loop's frame gets the state's frame mirror (where linked traces leave
//! the slots they changed), then the slots the last trace changed; each inlined call in the
//! snapshot becomes a real frame again, run by the interpreter from where
//! the trace left it, innermost first, each return value going to its
//! caller's call instruction. An exception a helper raised is raised at
//! the instruction that called it.

use traces::{SnapValue, Snapshot, Trace};

use super::record::{
    CODE_SLOT, DRAIN_CONSUMER_SLOT, DRAIN_GEN_SLOT, DRAIN_START_SLOT, EXHAUSTED_ITER_SLOT,
    FIRST_PSEUDO_SLOT, FUNCTION_SLOT, INIT_SELF_SLOT, VIRTUAL_FLOAT, VIRTUAL_INT, VIRTUAL_METHOD,
    VIRTUAL_RANGE, VIRTUAL_SLICE, VIRTUAL_TUPLE,
};
use super::TraceEntry;
use crate::bytecode::instr::Reg;
use crate::bytecode::Instr;
use crate::object::list::list_of;
use crate::object::{Gc, PyErr, Value};
use crate::vm::code::code_of;
use crate::vm::eval::{frame_for, FrameExit};
use crate::vm::function::function_of;
use crate::vm::generator::{generator_of, GeneratorObj};
use crate::vm::iter::SeqIterObj;
use crate::vm::{PyResult, Vm};

/// One frame of a snapshot, decoded.
struct DecodedFrame {
    pc: u32,
    slots: Vec<(u32, Value)>,
}

/// A rebuilt frame of a generator a trace was draining (see
/// `record::drain`).
#[derive(Clone, Copy)]
struct DrainedFrame {
    gen: Gc<GeneratorObj>,
    /// The exception handled outside the generator's frame.
    outer_handled: Value,
    /// The list of the items yielded so far (see
    /// [`Vm::collect_drained_items`]).
    items: Value,
    /// The type called with the generator.
    consumer: Value,
    /// Where the value stack held the generator and the list (rooting
    /// them) below the generator's frame.
    mark: usize,
}

/// Where the destination of the call at `instr` is.
fn call_dst(instr: Instr) -> Option<Reg> {
    match instr {
        Instr::Call { dst, .. }
        | Instr::CallKw { dst, .. }
        | Instr::CallMethod { dst, .. }
        | Instr::CallMethodKw { dst, .. } => Some(dst),
        _ => None,
    }
}

/// Where the loop's frame resumes: at `pc`, raising `error` there if a
/// helper raised one.
fn resume_at(pc: u32, error: Option<PyErr>) -> Result<u32, (PyErr, u32)> {
    error.map_or(Ok(pc), |e| Err((e, pc)))
}

impl Vm {
    /// Turns exit `exit` of `entry`, with its exit record, into the state
    /// of the frames from `root` (the loop's) up. The pc the loop's frame
    /// resumes at, or the exception to raise there and its pc.
    pub(super) fn deopt(
        &mut self,
        entry: &TraceEntry,
        exit: usize,
        record: &[u64],
        root: usize,
    ) -> Result<u32, (PyErr, u32)> {
        let error = self.jit.pending_error.take();
        if let Some(meta) = entry.exits.get(exit) {
            meta.count.set(meta.count.get() + 1);
            if let Some(plain) = &meta.plain {
                // The common exit: the record holds new values of the
                // root frame's slots.
                self.restore_mirror(root, record);
                let base = self.frames[root].base;
                let slots =
                    &entry.plain_slots[plain.slots.start as usize..plain.slots.end as usize];
                for (&slot, &word) in slots.iter().zip(record) {
                    self.write_slot(base, slot, Value::from_bits(word));
                }
                let consts =
                    &entry.plain_consts[plain.consts.start as usize..plain.consts.end as usize];
                for &(slot, bits) in consts {
                    self.write_slot(base, slot, Value::from_bits(bits));
                }
                return resume_at(plain.pc, error);
            }
        }
        self.deopt_from_snapshot(entry, exit, record, root, error)
    }

    /// [`Vm::deopt`] of an exit that is not plain: its snapshot has
    /// virtual objects or inlined frames. Out of line, so that the common
    /// exit's path stays a few cache lines.
    #[inline(never)]
    fn deopt_from_snapshot(
        &mut self,
        entry: &TraceEntry,
        exit: usize,
        record: &[u64],
        root: usize,
        mut error: Option<PyErr>,
    ) -> Result<u32, (PyErr, u32)> {
        let trace = &entry.trace;
        let snap = entry.exit_snapshots.get(exit).and_then(|&i| trace.snapshots.get(i));
        if let Some(snap) = snap.filter(|s| s.frames.len() == 1) {
            // One frame with virtual objects: its slots go from the
            // record and the objects rebuilt from it to the frame.
            self.restore_mirror(root, record);
            let base = self.frames[root].base;
            let mut scratch = std::mem::take(&mut self.jit.deopt_scratch);
            scratch.prepare(trace, snap);
            let mut k = 0;
            let mut complete = true;
            for (slot, value) in &snap.frames[0].slots {
                match self.snap_value((trace, snap), record, &mut scratch, value, &mut k) {
                    Some(v) => self.write_slot(base, *slot, v),
                    None => complete = false,
                }
            }
            self.jit.deopt_scratch = scratch;
            if complete {
                return resume_at(snap.frames[0].pc, error);
            }
        }
        let mut frames = match snap.map(|s| self.decode(trace, s, record)) {
            Some(Some(frames)) if !frames.is_empty() => frames,
            _ => {
                let pc = self.frames[root].pc;
                let e = PyErr::system_error(&self.heap, "a trace exit without a usable snapshot");
                return Err((error.unwrap_or(e), pc));
            }
        };
        self.collect_drained_items(&mut frames);
        self.restore_mirror(root, record);
        let base = self.frames[root].base;
        for &(slot, v) in &frames[0].slots {
            self.write_slot(base, slot, v);
        }
        if frames.len() == 1 {
            return resume_at(frames[0].pc, error);
        }
        let mut drains = Vec::with_capacity(frames.len() - 1);
        for f in &frames[1..] {
            match self.push_rebuilt_frame(f) {
                Ok(drain) => drains.push(drain),
                Err(e) => {
                    self.pop_rebuilt_frames(root, &drains);
                    return Err((e, frames[0].pc));
                }
            }
        }
        // Run the rebuilt frames innermost first; `outcome` is what the
        // frame just finished gave its caller.
        let mut outcome: Option<PyResult> = None;
        for k in (1..frames.len()).rev() {
            let index = root + k;
            let innermost_error = if k == frames.len() - 1 { error.take() } else { None };
            if let Some(drain) = drains[k - 1] {
                outcome = Some(self.resume_drained_frame(index, drain, outcome, innermost_error));
                continue;
            }
            let mut r = self.resume_frame(index, outcome, innermost_error);
            let init_self = frames[k].slots.iter().find(|(s, _)| *s == INIT_SELF_SLOT);
            if let (Some(&(_, obj)), Ok(v)) = (init_self, &r) {
                // The frame was the `__init__` of a class call.
                r = if v.is_none() {
                    Ok(obj)
                } else {
                    let msg =
                        format!("__init__() should return None, not '{}'", self.type_name(*v));
                    Err(self.type_error(&msg))
                };
            }
            self.pop_rebuilt_frame(index);
            outcome = Some(r);
        }
        let call_pc = frames[0].pc;
        match outcome {
            Some(Ok(v)) => {
                let code = self.frames[root].code;
                if let Some(dst) = call_dst(code.unit.instrs[call_pc as usize]) {
                    self.stack[base + dst as usize] = v;
                }
                Ok(call_pc + 1)
            }
            Some(Err(e)) => Err((e, call_pc)),
            None => Ok(call_pc),
        }
    }

    /// Runs rebuilt frame `index` to its return. `outcome` is the result of
    /// the call it was making (None for the innermost frame, which resumes
    /// at its own pc, raising `error` there if a helper raised).
    fn resume_frame(
        &mut self,
        index: usize,
        outcome: Option<PyResult>,
        error: Option<PyErr>,
    ) -> PyResult {
        let raise = self.prepare_resume(index, outcome, error);
        match self.run_frame(raise, None)? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) => Err(PyErr::system_error(&self.heap, "an inlined frame yielded")),
        }
    }

    /// Rebuilt frame `index` drains a generator for its consumer: runs it
    /// to its end (as [`Vm::resume_frame`]) and gives the caller what the
    /// consumer makes of the items, those of the trace's list first. The
    /// frame is gone afterwards.
    fn resume_drained_frame(
        &mut self,
        index: usize,
        drain: DrainedFrame,
        outcome: Option<PyResult>,
        error: Option<PyErr>,
    ) -> PyResult {
        let raise = self.prepare_resume(index, outcome, error);
        // Above the generator and the list, which stay rooted meanwhile.
        let start = drain.mark + 2;
        let r = self.finish_drain(drain.gen, drain.outer_handled, raise, start).and_then(|()| {
            let earlier = list_of(drain.items).map(|l| l.items.to_vec()).unwrap_or_default();
            self.stack.splice(start..start, earlier);
            self.consume_drained(drain.consumer, start)
        });
        self.truncate_temps(drain.mark);
        r
    }

    /// Sets up rebuilt frame `index` to go on from its saved pc: `outcome`
    /// (the result of the call it was making) goes to the call's
    /// destination. The exception to raise as it resumes, if any.
    fn prepare_resume(
        &mut self,
        index: usize,
        outcome: Option<PyResult>,
        error: Option<PyErr>,
    ) -> Option<PyErr> {
        let pc = self.frames[index].pc;
        match outcome {
            Some(Ok(v)) => {
                let code = self.frames[index].code;
                if let Some(dst) = call_dst(code.unit.instrs[pc as usize]) {
                    let base = self.frames[index].base;
                    self.stack[base + dst as usize] = v;
                }
                self.frames[index].pc = pc + 1;
                None
            }
            // Raised at `pc`: `run_frame` raises a resume error at the
            // instruction before the saved pc.
            Some(Err(e)) => {
                self.frames[index].pc = pc + 1;
                Some(e)
            }
            None if error.is_some() => {
                self.frames[index].pc = pc + 1;
                error
            }
            None => None,
        }
    }

    /// Pops rebuilt frame `index` (not a drained one) and its slots.
    fn pop_rebuilt_frame(&mut self, index: usize) {
        let base = self.frames[index].base;
        self.depth -= 1;
        self.frames.pop();
        self.stack.truncate(base);
    }

    /// Pops the rebuilt frames above `root` when rebuilding failed part
    /// way (`drains` has an entry for each frame pushed).
    fn pop_rebuilt_frames(&mut self, root: usize, drains: &[Option<DrainedFrame>]) {
        for (k, drain) in drains.iter().enumerate().rev() {
            let index = root + 1 + k;
            match drain {
                Some(d) => {
                    self.leave_drain_frame(d.gen, d.outer_handled);
                    self.truncate_temps(d.mark);
                }
                None => self.pop_rebuilt_frame(index),
            }
        }
    }

    /// Copies the record's frame mirror (the slots linked traces left)
    /// into frame `root`.
    fn restore_mirror(&mut self, root: usize, record: &[u64]) {
        let base = self.frames[root].base;
        let slots = self.frames[root].code.unit.slot_count as usize;
        let mirror = super::MIRROR as usize;
        if let Some(words) = record.get(mirror..mirror + slots) {
            Value::slice_bits_mut(&mut self.stack[base..base + slots]).copy_from_slice(words);
        }
    }

    /// Writes a snapshot slot into the frame at `base`; pseudo-slots say
    /// what else to do.
    fn write_slot(&mut self, base: usize, slot: u32, v: Value) {
        if slot < FIRST_PSEUDO_SLOT {
            self.stack[base + slot as usize] = v;
        } else if slot == EXHAUSTED_ITER_SLOT {
            if let Some(it) = crate::object::Gc::<SeqIterObj>::from_value(v) {
                it.seq.set(Value::NONE);
            }
        }
    }

    /// The items that the generators being drained in `frames` yielded so
    /// far, on the value stack above the height each drain began at,
    /// become a list each, which replaces that height in the frame.
    fn collect_drained_items(&mut self, frames: &mut [DecodedFrame]) {
        for f in frames.iter_mut().rev() {
            let Some(start) = f.slots.iter_mut().find(|(s, _)| *s == DRAIN_START_SLOT) else {
                continue;
            };
            let height = start.1.as_small_int().map_or(self.stack.len(), |i| i as usize);
            let height = height.min(self.stack.len());
            start.1 = self.heap.new_list(&self.stack[height..]);
            self.stack.truncate(height);
        }
    }

    /// Pushes the interpreter frame of an inlined call, or of a generator
    /// being drained (whose state it returns).
    fn push_rebuilt_frame(&mut self, f: &DecodedFrame) -> PyResult<Option<DrainedFrame>> {
        let pseudo = |slot: u32| f.slots.iter().find(|(s, _)| *s == slot).map(|(_, v)| *v);
        let Some(gen) = pseudo(DRAIN_GEN_SLOT).and_then(generator_of) else {
            return self.push_inlined_frame(f).map(|()| None);
        };
        let (Some(items), Some(consumer)) = (pseudo(DRAIN_START_SLOT), pseudo(DRAIN_CONSUMER_SLOT))
        else {
            return Err(PyErr::system_error(&self.heap, "a drained frame without its list"));
        };
        let mark = self.push_temp(gen.value());
        self.push_temp(items);
        match self.enter_drain_at(gen, f.pc, &f.slots) {
            Ok(outer_handled) => {
                // What pseudo-slots ask for (an iterator to mark exhausted).
                let base = self.frames.last().map_or(0, |frame| frame.base);
                for &(slot, v) in f.slots.iter().filter(|(s, _)| *s >= FIRST_PSEUDO_SLOT) {
                    self.write_slot(base, slot, v);
                }
                Ok(Some(DrainedFrame { gen, outer_handled, items, consumer, mark }))
            }
            Err(e) => {
                self.truncate_temps(mark);
                Err(e)
            }
        }
    }

    /// Pushes the interpreter frame of an inlined call.
    fn push_inlined_frame(&mut self, f: &DecodedFrame) -> PyResult<()> {
        let func = f.slots.iter().find(|(s, _)| *s == FUNCTION_SLOT).map(|(_, v)| *v);
        let Some(func) = func.and_then(function_of) else {
            return Err(PyErr::system_error(&self.heap, "an inlined frame without its function"));
        };
        // The code the trace inlined, which `f.__code__ = c` may have
        // replaced since: the frame goes on with the code it started.
        let code = f.slots.iter().find(|(s, _)| *s == CODE_SLOT).and_then(|(_, v)| code_of(*v));
        let code = code.unwrap_or_else(|| func.code());
        let base = self.stack.len();
        self.stack.resize(base + code.unit.slot_count as usize, Value::EMPTY);
        for &(slot, v) in &f.slots {
            self.write_slot(base, slot, v);
        }
        let mut frame = frame_for(code, base, func.globals, Value::NONE, func.value());
        frame.pc = f.pc;
        self.frames.push(frame);
        self.depth += 1;
        Ok(())
    }

    /// The frames of `snap` with their slot values, virtual objects built.
    /// The exit record holds the values in `Trace::record_values` order:
    /// frame slots, then virtual objects' fields, constants left out.
    fn decode(
        &mut self,
        trace: &Trace,
        snap: &Snapshot,
        record: &[u64],
    ) -> Option<Vec<DecodedFrame>> {
        let mut scratch = std::mem::take(&mut self.jit.deopt_scratch);
        scratch.prepare(trace, snap);
        let mut k = 0;
        let mut frames = Vec::with_capacity(snap.frames.len());
        for f in &snap.frames {
            let mut slots = Vec::with_capacity(f.slots.len());
            for (slot, value) in &f.slots {
                let Some(word) =
                    self.snap_value((trace, snap), record, &mut scratch, value, &mut k)
                else {
                    self.jit.deopt_scratch = scratch;
                    return None;
                };
                slots.push((*slot, word));
            }
            frames.push(DecodedFrame { pc: f.pc, slots });
        }
        self.jit.deopt_scratch = scratch;
        Some(frames)
    }

    /// The value of a snapshot slot: a constant, the record's next word
    /// (`*k` counts the words taken), or a virtual object built now.
    fn snap_value(
        &mut self,
        (trace, snap): (&Trace, &Snapshot),
        record: &[u64],
        scratch: &mut DeoptScratch,
        value: &SnapValue,
        k: &mut usize,
    ) -> Option<Value> {
        match value {
            SnapValue::Val(v) => Some(Value::from_bits(trace.record_word(*v, record, k)?)),
            SnapValue::Virtual(i) => self.materialize((trace, snap), record, scratch, *i as usize),
        }
    }

    /// Allocates virtual object `i` of `snap` (once: `built` remembers it),
    /// its fields first. Its raw field values start at `field_at[i]` of
    /// the record. (Allocation never collects, so what is built stays.)
    fn materialize(
        &mut self,
        (trace, snap): (&Trace, &Snapshot),
        record: &[u64],
        scratch: &mut DeoptScratch,
        i: usize,
    ) -> Option<Value> {
        if let Some(v) = scratch.built.get(i)? {
            return Some(*v);
        }
        let object = snap.virtuals.get(i)?;
        // Boxes, slices and methods have at most three fields: no
        // allocation for them on this path.
        let mut inline = [0u64; 3];
        let mut spilled = Vec::new();
        let raw: &mut [u64] = if object.fields.len() <= inline.len() {
            &mut inline[..object.fields.len()]
        } else {
            spilled.resize(object.fields.len(), 0);
            &mut spilled
        };
        let mut k = *scratch.field_at.get(i)?;
        for ((_, field), word) in object.fields.iter().zip(raw.iter_mut()) {
            *word = match field {
                SnapValue::Val(v) => trace.record_word(*v, record, &mut k)?,
                SnapValue::Virtual(j) => {
                    self.materialize((trace, snap), record, scratch, *j as usize)?.bits()
                }
            };
        }
        let v = match (object.kind, &*raw) {
            (VIRTUAL_INT, &[x]) => self.heap.new_int_i64(x as i64),
            (VIRTUAL_FLOAT, &[x]) => Value::from_f64(f64::from_bits(x)),
            (VIRTUAL_SLICE, &[start, stop, step]) => self.heap.new_slice(
                Value::from_bits(start),
                Value::from_bits(stop),
                Value::from_bits(step),
            ),
            (VIRTUAL_RANGE, &[start, stop, step]) => self
                .heap
                .new_range(Value::from_bits(start), Value::from_bits(stop), Value::from_bits(step))
                .ok()?,
            (VIRTUAL_METHOD, &[function, receiver]) => {
                self.new_method(Value::from_bits(function), Value::from_bits(receiver))
            }
            (VIRTUAL_TUPLE, items) => {
                let items: Vec<Value> = items.iter().map(|&bits| Value::from_bits(bits)).collect();
                self.heap.new_tuple(&items)
            }
            _ => return None,
        };
        scratch.built[i] = Some(v);
        Some(v)
    }
}

/// Buffers deopt reuses from one exit to the next: where each virtual
/// object's fields start in the exit record, and the objects built so far
/// (a virtual named twice is built once).
#[derive(Default)]
pub(super) struct DeoptScratch {
    field_at: Vec<usize>,
    built: Vec<Option<Value>>,
}

impl DeoptScratch {
    /// Lays out `snap`'s record: frame slot values first, then each virtual
    /// object's fields in turn, constants left out.
    fn prepare(&mut self, trace: &Trace, snap: &Snapshot) {
        let is_val =
            |v: &SnapValue| matches!(v, SnapValue::Val(v) if trace.const_bits(*v).is_none());
        let mut next: usize =
            snap.frames.iter().map(|f| f.slots.iter().filter(|(_, v)| is_val(v)).count()).sum();
        self.field_at.clear();
        for v in &snap.virtuals {
            self.field_at.push(next);
            next += v.fields.iter().filter(|(_, f)| is_val(f)).count();
        }
        self.built.clear();
        self.built.resize(snap.virtuals.len(), None);
    }
}
