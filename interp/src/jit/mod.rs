//! The tracing JIT's interpreter side: counting loop iterations, recording
//! a hot loop's iteration into IR, compiling it, entering compiled traces
//! at loop headers, and rebuilding the frame from a snapshot when a guard
//! fails (deopt).
//!
//! | module | owns |
//! |---|---|
//! | [`record`] | turning executed bytecode into trace IR |
//! | [`dump`] | `--trace-dump`: traces, their IR, and exit counts |
//!
//! Optimizing and compiling a recording is the `tracer` crate's job
//! (`tracer::optimize_recording`, `tracer::compile`).
//!
//! Each code object has a counter per instruction; `Loop` (every backward
//! jump) bumps its target's. At the threshold the VM records from the
//! header; a trace is kept per (code, header). A header whose recording
//! aborts too often is blacklisted and stays interpreted.

pub mod dump;
pub mod record;

use std::collections::HashMap;
use std::rc::Rc;

use crate::object::Gc;
use crate::object::Value;
use crate::vm::code::CodeObj;
use crate::vm::Vm;
use record::Recorder;

/// Counter value of a header that has a trace.
pub const HAS_TRACE: u32 = u32::MAX - 1;
/// Counter value of a blacklisted header.
pub const BLACKLISTED: u32 = u32::MAX;
/// Counter value while the header is being recorded.
pub const RECORDING: u32 = u32::MAX - 2;
/// Aborted recordings before a header is blacklisted.
const MAX_ABORTS: u32 = 3;

/// JIT settings from the command line.
#[derive(Clone, Debug)]
pub struct JitOptions {
    pub enabled: bool,
    /// Iterations of a loop before it is recorded.
    pub threshold: u32,
    /// `--trace-dump[=FILE]`: where to write the dump (`-` is stderr).
    pub dump: Option<String>,
}

impl Default for JitOptions {
    fn default() -> JitOptions {
        JitOptions { enabled: true, threshold: 40, dump: None }
    }
}

/// A compiled trace and what deopt needs to know about its exits.
pub struct TraceEntry {
    pub id: usize,
    pub code: tracer::CompiledTrace,
    pub trace: traces::Trace,
    /// For each exit number, its snapshot's index in `trace.snapshots`.
    pub exit_snapshots: Vec<usize>,
    pub entries: std::cell::Cell<u64>,
    pub exit_counts: Vec<std::cell::Cell<u64>>,
    /// Where it came from, for the dump.
    pub origin: String,
    pub listing: String,
}

/// An active recording: which frame and header it follows.
pub struct Recording {
    pub recorder: Recorder,
    pub frame_index: usize,
    pub code: Gc<CodeObj>,
}

pub struct JitState {
    pub options: JitOptions,
    pub recording: Option<Recording>,
    /// Compiled traces by (code object address, header pc).
    pub traces: HashMap<(u64, u32), Rc<TraceEntry>>,
    pub all: Vec<Rc<TraceEntry>>,
    aborts: HashMap<(u64, u32), u32>,
    /// Aborts and blacklistings, for the dump.
    pub events: Vec<String>,
    /// Scratch state area for trace entry and exit records.
    pub state: Vec<u64>,
}

impl JitState {
    pub fn new(options: JitOptions) -> JitState {
        JitState {
            options,
            recording: None,
            traces: HashMap::new(),
            all: Vec::new(),
            aborts: HashMap::new(),
            events: Vec::new(),
            state: Vec::new(),
        }
    }
}

fn code_key(code: &Gc<CodeObj>) -> u64 {
    code.value().bits()
}

impl Vm {
    /// At a `Loop` to `header` in frame `frame_index`: count, start
    /// recording, or run the header's trace. Returns the pc to continue at
    /// (the header, or where a trace exit resumes).
    pub(crate) fn jit_loop(&mut self, frame_index: usize, code: &Gc<CodeObj>, header: u32) -> u32 {
        let counter = &code.loop_counters[header as usize];
        let count = counter.get();
        if count < self.jit.options.threshold {
            counter.set(count + 1);
            return header;
        }
        match count {
            HAS_TRACE => self.run_trace(frame_index, code, header),
            BLACKLISTED | RECORDING => header,
            _ => {
                if self.jit.recording.is_none() && tracer::BACKEND_AVAILABLE {
                    counter.set(RECORDING);
                    let range_iterator = self.heap.types().range_iterator.bits()
                        & crate::object::value::PAYLOAD_MASK;
                    self.jit.recording = Some(Recording {
                        recorder: Recorder::new(header, range_iterator),
                        frame_index,
                        code: *code,
                    });
                }
                header
            }
        }
    }

    /// Records the instruction at `pc` of the recorded frame before it runs.
    pub(crate) fn jit_record(
        &mut self,
        frame_index: usize,
        pc: u32,
        instr: crate::bytecode::Instr,
    ) {
        let Some(rec) = self.jit.recording.as_mut() else { return };
        if rec.frame_index != frame_index {
            // Calls are not traced into yet: a deeper frame ends the recording.
            self.jit_abort("call into another frame");
            return;
        }
        let code = rec.code;
        let base = self.frames[frame_index].base;
        let stack = &self.stack;
        let slot = |r: u16| stack[base + r as usize];
        let consts = |i: u32| code.const_value(i);
        let rec = self.jit.recording.as_mut().expect("checked above");
        match rec.recorder.record(pc, instr, &slot, &consts) {
            Ok(false) => {}
            Ok(true) => self.jit_finish(),
            Err(record::Abort(why)) => self.jit_abort(&why),
        }
    }

    /// The recorded frame stops running (return, yield, exception): the
    /// recording cannot be finished.
    pub(crate) fn jit_leave_frame(&mut self, frame_index: usize) {
        if self.jit.recording.as_ref().is_some_and(|r| r.frame_index >= frame_index) {
            self.jit_abort("the loop's frame stopped running");
        }
    }

    fn jit_abort(&mut self, why: &str) {
        let Some(rec) = self.jit.recording.take() else { return };
        self.header_failed(&rec.code, rec.recorder.header, why);
    }

    /// A recording at `header` gave no trace: count it, and blacklist the
    /// header after `MAX_ABORTS`.
    fn header_failed(&mut self, code: &Gc<CodeObj>, header: u32, why: &str) {
        let key = (code_key(code), header);
        let aborts = {
            let n = self.jit.aborts.entry(key).or_insert(0);
            *n += 1;
            *n
        };
        let counter = &code.loop_counters[header as usize];
        let origin = self.trace_origin(code, header);
        if aborts >= MAX_ABORTS {
            counter.set(BLACKLISTED);
            self.jit.events.push(format!("abort at {origin}: {why}; blacklisted"));
        } else {
            counter.set(0);
            self.jit.events.push(format!("abort at {origin}: {why}"));
        }
    }

    fn trace_origin(&self, code: &Gc<CodeObj>, header: u32) -> String {
        let file = crate::object::str::str_of(code.filename)
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        let name = crate::object::str::str_of(code.name)
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        format!("{file}:{} ({name}) pc {header}", code.unit.line_of(header))
    }

    fn jit_finish(&mut self) {
        let Some(rec) = self.jit.recording.take() else { return };
        let header = rec.recorder.header;
        let id = self.jit.all.len();
        let listing: String = rec
            .recorder
            .listing
            .iter()
            .map(|(pc, instr)| format!("  {pc:>4}  {instr:?}\n"))
            .collect();
        let recording = rec.recorder.finish();
        let compiled = tracer::optimize_recording(&recording).map_err(|e| e.to_string()).and_then(
            |mut trace| {
                trace.name = format!("trace {id}");
                tracer::compile(&trace).map(|code| (trace, code)).map_err(|e| e.to_string())
            },
        );
        let origin = self.trace_origin(&rec.code, header);
        match compiled {
            Ok((trace, code)) => {
                let exit_snapshots: Vec<usize> = trace
                    .exits()
                    .iter()
                    .map(|&i| trace.insts[i].snap.map_or(usize::MAX, |s| s as usize))
                    .collect();
                let entry = Rc::new(TraceEntry {
                    id,
                    exit_counts: (0..exit_snapshots.len())
                        .map(|_| std::cell::Cell::new(0))
                        .collect(),
                    code,
                    trace,
                    exit_snapshots,
                    entries: std::cell::Cell::new(0),
                    origin,
                    listing,
                });
                self.jit.traces.insert((code_key(&rec.code), header), entry.clone());
                self.jit.all.push(entry);
                rec.code.loop_counters[header as usize].set(HAS_TRACE);
            }
            Err(e) => self.header_failed(&rec.code, header, &format!("not compiled: {e}")),
        }
    }

    /// Runs the trace at `header` on the frame; returns the pc to resume.
    fn run_trace(&mut self, frame_index: usize, code: &Gc<CodeObj>, header: u32) -> u32 {
        let Some(entry) = self.jit.traces.get(&(code_key(code), header)).cloned() else {
            return header;
        };
        entry.entries.set(entry.entries.get() + 1);
        let base = self.frames[frame_index].base;
        let slots = code.unit.slot_count as usize;
        let need = entry.code.state_words().max(slots).max(entry.trace.insts.len());
        let mut state = std::mem::take(&mut self.jit.state);
        state.clear();
        state.resize(need, 0);
        for (i, word) in state.iter_mut().enumerate().take(slots) {
            *word = self.stack[base + i].bits();
        }
        // SAFETY: the recorder only emits loads and stores at field offsets
        // of objects whose type the trace guarded first (range iterators),
        // on words read from the frame, which `state` holds at the size the
        // trace asks for; traces call no helpers, so no collection can free
        // what they hold.
        let exit = unsafe { entry.code.run(&mut state) };
        let resume = self.deopt(&entry, exit as usize, &state, base);
        self.jit.state = state;
        resume.unwrap_or(header)
    }

    /// Writes a snapshot's slots back into the frame; the pc to resume at.
    fn deopt(
        &mut self,
        entry: &TraceEntry,
        exit: usize,
        record: &[u64],
        base: usize,
    ) -> Option<u32> {
        if let Some(c) = entry.exit_counts.get(exit) {
            c.set(c.get() + 1);
        }
        let snap_index = *entry.exit_snapshots.get(exit)?;
        let snap = entry.trace.snapshots.get(snap_index)?;
        let frame = snap.frames.first()?;
        // The record holds the frame slots' values, then the virtual
        // objects' fields (`Snapshot::values` order).
        let slot_values =
            frame.slots.iter().filter(|(_, v)| matches!(v, traces::SnapValue::Val(_))).count();
        let mut field_at = Vec::with_capacity(snap.virtuals.len());
        let mut next = slot_values;
        for v in &snap.virtuals {
            field_at.push(next);
            next += v.fields.iter().filter(|(_, f)| matches!(f, traces::SnapValue::Val(_))).count();
        }
        let mut k = 0;
        for (slot, value) in &frame.slots {
            let word = match value {
                traces::SnapValue::Val(_) => {
                    k += 1;
                    Value::from_bits(record[k - 1])
                }
                traces::SnapValue::Virtual(i) => {
                    let v = snap.virtuals.get(*i as usize)?;
                    let raw = record[field_at[*i as usize]];
                    match v.kind {
                        record::VIRTUAL_INT => self.heap.new_int_i64(raw as i64),
                        record::VIRTUAL_FLOAT => Value::from_f64(f64::from_bits(raw)),
                        _ => return None,
                    }
                }
            };
            self.stack[base + *slot as usize] = word;
        }
        Some(frame.pc)
    }
}
