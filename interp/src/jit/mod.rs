//! The tracing JIT's interpreter side: counting loop iterations, recording
//! a hot loop's iteration into IR, compiling it, entering compiled traces
//! at loop headers, and rebuilding the frame from a snapshot when a guard
//! fails (deopt).
//!
//! | module | owns |
//! |---|---|
//! | [`record`] | turning executed bytecode into trace IR |
//! | [`helpers`] | the native functions traces call for what they do not inline |
//! | [`entry`] | a compiled trace as the VM keeps it, and its exits' metadata |
//! | [`deopt`] | rebuilding the interpreter's frames from a snapshot |
//! | [`link`] | exits that jump straight to the next trace |
//! | [`dump`] | `--trace-dump`: traces, their IR, and exit counts |
//!
//! Optimizing and compiling a recording is the `tracer` crate's job
//! (`tracer::optimize_recording`, `tracer::compile`).
//!
//! Each code object has a counter per instruction; `Loop` (every backward
//! jump) bumps its target's. At the threshold the VM records from the
//! header; a trace is kept per (code, header). A header whose recording
//! aborts too often is blacklisted and stays interpreted.
//!
//! A function also counts the calls that start running it in the
//! interpreter (calls from interpreted code, and those a trace makes
//! through a helper). At the threshold the VM records a *function trace*
//! from its entry to its return (or to a loop header, where the loop's
//! trace takes over), kept under the pseudo-pc [`FUNCTION_ENTRY`]. It is
//! recorded and run like a side trace that starts at pc 0.

pub mod deopt;
pub mod dump;
pub mod entry;
pub mod helpers;
pub mod link;
pub mod record;

use std::cell::Cell;
use std::rc::Rc;

use crate::object::gc::Tracer;
use crate::object::value::PTR_TAG_BITS;
use crate::object::Gc;
use crate::object::{PyErr, Value};
use crate::vm::code::CodeObj;
use crate::vm::Vm;
use record::Recorder;

pub use entry::{ExitMeta, PlainExit, TraceEntry};

/// Counter value of a header that has a trace.
pub const HAS_TRACE: u32 = u32::MAX - 1;
/// Counter value of a blacklisted header.
pub const BLACKLISTED: u32 = u32::MAX;
/// Counter value while the header is being recorded.
pub const RECORDING: u32 = u32::MAX - 2;
/// The pseudo-header of function traces: the key they are kept under,
/// and a header no `Loop` jumps to.
pub const FUNCTION_ENTRY: u32 = u32::MAX - 8;
/// Aborted recordings before a header is blacklisted.
const MAX_ABORTS: u32 = 3;
/// Exits through one guard before the pc it resumes at gets a side trace.
/// A side trace costs about as much to compile as a few hundred exits
/// (deopts), so one taken only a few dozen times never pays back: 32
/// compiles a third fewer side traces than 8 on regex_v8 and start-up,
/// and speeds richards, deltablue and go up slightly. It must stay below
/// `RETRACE_THRESHOLD`, or preamble exits retrace the loop first.
const SIDE_TRACE_THRESHOLD: u64 = 32;
/// An exit from inside an unrolled call taken once in this many entries
/// (or more often) keeps that call's function out of the trace.
const UNROLLED_EXIT_SHARE: u64 = 8;
/// Side traces one pc may have (for the types or paths seen there).
const MAX_SIDE_VARIANTS: usize = 4;
/// Exits through one guard of a loop trace's preamble (its first
/// iteration) before the loop is recorded again: the types it was
/// specialised to have changed for good.
const RETRACE_THRESHOLD: u64 = 64;
/// Entries before a side trace that keeps exiting at once is dropped.
const USELESS_VARIANT_ENTRIES: u64 = 256;
/// How many times more iterations a loop needs before it is recorded
/// while a module is being imported. Import-time code (module bodies,
/// regexes compiled at import, tables built in comprehensions) runs once
/// per process: its traces cost more to compile than they save. Importing
/// argparse, json, re, collections, enum, dataclasses, typing and decimal
/// compiled 41 traces and ran 23% more instructions than with the JIT off;
/// with a factor of 4, 6% more; with 8, as many. A function that is hot
/// later keeps the count it reached.
const IMPORT_THRESHOLD_FACTOR: u32 = 8;
/// Times a loop may be recorded again.
const MAX_RETRACES: u32 = 4;
/// Nested trace runs deeper than this allocate their state area anew.
const MAX_SPARE_STATES: usize = 64;

/// The state word where the copy of the frame's slot 0 lies (the frame
/// mirror): traces read their inputs from the mirror, and a trace whose
/// exit is linked to another writes the slots it changed there, so the
/// next one starts from the right values. Exit records use the words
/// below it.
pub const MIRROR: u32 = 512;
/// The state word where each trace writes its id when it starts: the exit
/// a run ends with belongs to the last trace of the chain.
pub const RUNNING_TRACE: u32 = MIRROR - 1;

/// A map keyed by (code object address, pc), looked up at every trace
/// transition.
pub type KeyMap<V> = traces::hash::WordMap<(u64, u32), V>;

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

/// An exit of `from` sent straight to another trace's entry.
pub struct Link {
    pub from: Rc<TraceEntry>,
    pub exit: usize,
    /// `from.passes` when the link was made.
    pub passes_then: u64,
}

/// An active recording: which frame and header it follows.
pub struct Recording {
    pub recorder: Recorder,
    pub frame_index: usize,
    pub code: Gc<CodeObj>,
    /// For a side trace: the pc it starts at.
    pub side_start: Option<u32>,
    /// For a side trace: the trace and exit whose exits it serves.
    pub parent: Option<(usize, usize)>,
}

/// A trace run under way (possibly suspended in a helper): its state area,
/// which the collector reads (see [`JitState::collection_safe`]).
#[derive(Clone, Copy)]
struct ActiveRun {
    /// The state area the run's traces use; valid until the run returns.
    state: *const u64,
    /// Words of the area.
    len: usize,
    /// Slots of the frame mirrored at [`MIRROR`].
    mirror_slots: usize,
}

pub struct JitState {
    pub options: JitOptions,
    pub recording: Option<Recording>,
    /// Compiled traces by (code object address, header pc).
    pub traces: KeyMap<Rc<TraceEntry>>,
    /// Side traces by (code object address, pc they start at): variants
    /// for the paths seen there, tried in order.
    pub side_traces: KeyMap<Vec<Rc<TraceEntry>>>,
    /// Side trace starts whose recordings keep aborting.
    side_blacklist: KeyMap<()>,
    /// Counts the traces added, from 1: an exit settled (see
    /// [`ExitMeta::settled`]) at an older generation looks again.
    pub generation: u32,
    pub all: Vec<Rc<TraceEntry>>,
    aborts: KeyMap<u32>,
    side_aborts: KeyMap<u32>,
    retraces: KeyMap<u32>,
    /// Aborts and blacklistings, for the dump.
    pub events: Vec<String>,
    /// Scratch state area for trace entry and exit records.
    pub state: Vec<u64>,
    /// State areas of trace runs nested in another run (through a helper
    /// or a deopt's rebuilt frames), kept for the next nested run: a new
    /// zeroed area per entry would cost more than a short loop's work.
    spare_states: Vec<Vec<u64>>,
    /// Arguments passed to helpers in memory.
    pub scratch: helpers::Scratch,
    /// The exception a helper raised, until deopt raises it.
    pub pending_error: Option<PyErr>,
    /// Buffers deopt reuses to rebuild virtual objects.
    deopt_scratch: deopt::DeoptScratch,
    /// Heap objects compiled traces name (functions, types, shapes, dicts):
    /// kept alive so a guard never compares with a reused address.
    pub roots: Vec<Value>,
    /// Traces running (nested through helpers).
    pub running: u32,
    /// Module bodies being imported (nested imports count each).
    pub importing: u32,
    /// The runs under way, outermost first (`running` of them).
    active: Vec<ActiveRun>,
    /// The largest state area any trace needs: a run's traces may link to
    /// one another, so each run gets room for all of them.
    max_state_words: usize,
    /// Functions with loops whose inlining (unrolling their loops into
    /// the caller's trace) made a recording abort: calls of them go
    /// through a helper, their loops get traces of their own.
    pub not_unrolled: traces::hash::WordSet<u64>,
    /// By trace id: the exits linked to that trace.
    pub links_into: traces::hash::WordMap<usize, Vec<Link>>,
    /// (trace id, exit) pairs given an adapter (or found unfit for one).
    pub adapted: traces::hash::WordSet<(usize, usize)>,
    /// The adapters that send a side trace failing at its start on to the
    /// next variant there (see [`Vm::after_exit`]).
    pub variant_adapters: traces::hash::WordSet<usize>,
    /// The frame of the generator that `list(g)`, `set(g)`... run to its
    /// end, piling its items on the value stack (`usize::MAX`: none). A
    /// trace's `yield` there pushes the item and goes on.
    pub draining_frame: usize,
}

impl JitState {
    /// The state area for a trace run: the current one, or a spare when
    /// an outer run holds it.
    fn take_state(&mut self) -> Vec<u64> {
        let state = std::mem::take(&mut self.state);
        if state.is_empty() {
            return self.spare_states.pop().unwrap_or_default();
        }
        state
    }

    /// Makes `state` the current state area, keeping the one a nested run
    /// left there for reuse.
    fn put_state(&mut self, state: Vec<u64>) {
        let nested = std::mem::replace(&mut self.state, state);
        if !nested.is_empty() && self.spare_states.len() < MAX_SPARE_STATES {
            self.spare_states.push(nested);
        }
    }

    pub fn new(options: JitOptions) -> JitState {
        JitState {
            options,
            draining_frame: usize::MAX,
            not_unrolled: Default::default(),
            recording: None,
            traces: KeyMap::default(),
            side_traces: KeyMap::default(),
            side_blacklist: Default::default(),
            generation: 1,
            all: Vec::new(),
            aborts: KeyMap::default(),
            side_aborts: KeyMap::default(),
            retraces: KeyMap::default(),
            events: Vec::new(),
            state: Vec::new(),
            spare_states: Vec::new(),
            scratch: helpers::Scratch::default(),
            pending_error: None,
            deopt_scratch: Default::default(),
            roots: Vec::new(),
            running: 0,
            importing: 0,
            active: Vec::new(),
            max_state_words: 0,
            links_into: Default::default(),
            adapted: Default::default(),
            variant_adapters: Default::default(),
        }
    }

    /// Adds a compiled trace (its id is its index).
    pub fn add_trace(&mut self, entry: Rc<TraceEntry>) {
        self.generation = self.generation.wrapping_add(1).max(1);
        self.max_state_words = self.max_state_words.max(entry.code.state_words());
        self.all.push(entry);
    }

    /// Whether the state area of every run under way has `words` words.
    pub fn room_for(&self, words: usize) -> bool {
        self.active.iter().all(|run| run.len >= words)
    }

    /// Times `entry` was entered, from the interpreter or through links.
    pub fn entries_of(&self, entry: &TraceEntry) -> u64 {
        let linked = self.links_into.get(&entry.id).map_or(0, |links| {
            links.iter().map(|l| l.from.passes.get() - l.passes_then).sum::<u64>()
        });
        entry.entries.get() + linked
    }

    /// Marks what compiled traces and the recording under way refer to,
    /// and what running traces hold (see [`JitState::collection_safe`]).
    pub fn trace_roots(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.roots);
        if let Some(rec) = &self.recording {
            tracer.mark_all(&rec.recorder.roots);
            tracer.mark_gc(rec.code);
        }
        if let Some(e) = &self.pending_error {
            tracer.mark(e.exception());
        }
        for run in &self.active {
            self.trace_run_roots(run, tracer);
        }
    }

    /// Whether a collection may run now: every trace run under way is
    /// suspended in a helper call that published its live values.
    ///
    /// # How traces stay GC-safe
    ///
    /// The collector does not move objects, so a trace needs only that what
    /// it holds stays alive. Each helper that may run Python code (and so
    /// reach a safepoint or `gc.collect()`) is declared `may_collect`; at
    /// such a call site the compiled code writes every `word` and `ref` live
    /// across the call, and the call's arguments, into its state area's root
    /// area — a stack map written out per call site — and marks itself as
    /// inside the call (`traces::regalloc::exits`). Those values, and the
    /// frame mirror (the loop frame's slots as linked traces left them), are
    /// all a suspended trace holds: the rest of the state is exit records
    /// written only when it leaves. So a collection may run while every run
    /// is inside such a call; elsewhere (a helper that only allocates)
    /// none happens, and traces leave their loop at the header when a
    /// collection is wanted.
    pub fn collection_safe(&self) -> bool {
        self.active.iter().all(|run| self.published_roots(run).is_some())
    }

    /// For a run suspended in a collecting call: the root area's start,
    /// the number of values published and how many of them are refs.
    fn published_roots(&self, run: &ActiveRun) -> Option<(usize, usize, usize)> {
        let word = |i: usize| {
            // SAFETY: `run.state` points to `run.len` words that live until
            // the run ends and pops its `ActiveRun`; the trace, suspended in
            // a helper on this thread, is not writing them now.
            (i < run.len).then(|| unsafe { *run.state.add(i) })
        };
        let id = word(RUNNING_TRACE as usize)?;
        let area = self.all.get(id as usize)?.code.gc_root_area()?;
        let (n, refs) = traces::regalloc::read_gc_root_marker(word(area)?)?;
        (area + traces::regalloc::GC_ROOT_HEADER + n <= run.len).then_some((area, n, refs))
    }

    /// Marks the frame mirror of `run` and the values its trace published.
    fn trace_run_roots(&self, run: &ActiveRun, tracer: &mut Tracer) {
        let mirror = MIRROR as usize;
        let end = (mirror + run.mirror_slots).min(run.len);
        // SAFETY: as in `published_roots`; the mirror holds boxed values.
        let words = |from: usize, to: usize| unsafe {
            std::slice::from_raw_parts(run.state.add(from), to.saturating_sub(from))
        };
        for &w in words(mirror, end) {
            tracer.mark(Value::from_bits(w));
        }
        let Some((area, n, refs)) = self.published_roots(run) else { return };
        let first = area + traces::regalloc::GC_ROOT_HEADER;
        for (k, &w) in words(first, first + n).iter().enumerate() {
            // A `ref` is an object's address (the recorder's `ptr_of`); a
            // `word` a boxed value, or raw bits no pointer tag marks.
            let v = if k < refs && w != 0 { w | PTR_TAG_BITS } else { w };
            tracer.mark(Value::from_bits(v));
        }
    }
}

/// The counter of the loop at `header`, or of the function's entry.
fn counter_of(code: &CodeObj, header: u32) -> &Cell<u32> {
    match header {
        FUNCTION_ENTRY => &code.entry_counter,
        _ => &code.loop_counters[header as usize],
    }
}

pub(crate) fn code_key(code: &Gc<CodeObj>) -> u64 {
    code.value().bits()
}

impl Vm {
    /// At a `Loop` to `header` in frame `frame_index`: count, start
    /// recording, or run the header's trace. Returns the pc to continue at
    /// (the header, or where a trace exit resumes), or the exception a
    /// trace exit raises and the pc it belongs to.
    pub(crate) fn jit_loop(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
        header: u32,
    ) -> Result<u32, (PyErr, u32)> {
        let counter = &code.loop_counters[header as usize];
        let count = counter.get();
        if count < self.jit_threshold() {
            counter.set(count + 1);
            return Ok(header);
        }
        if self.inlined_by_recording(frame_index) {
            // A loop in a call the recording inlines: it is being
            // unrolled into the trace, so it runs interpreted now.
            return Ok(header);
        }
        match count {
            HAS_TRACE => self.run_trace(frame_index, code, header),
            BLACKLISTED | RECORDING => Ok(header),
            _ => {
                self.start_recording(frame_index, code, (header, header));
                Ok(header)
            }
        }
    }

    /// A call starts running function code in frame `frame_index` (at pc
    /// 0, in the interpreter): count it, start recording its function
    /// trace, or run that trace. Returns the pc to continue at, or the
    /// exception a trace exit raises and the pc it belongs to.
    #[inline(never)]
    pub(crate) fn jit_enter(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
    ) -> Result<u32, (PyErr, u32)> {
        if self.frames[frame_index].function.is_none() {
            // Function code run by `exec`: no function to trace.
            return Ok(0);
        }
        let counter = &code.entry_counter;
        let count = counter.get();
        if count < self.jit_threshold() {
            counter.set(count + 1);
            return Ok(0);
        }
        if self.inlined_by_recording(frame_index) {
            return Ok(0);
        }
        match count {
            HAS_TRACE => self.run_trace(frame_index, code, FUNCTION_ENTRY),
            BLACKLISTED | RECORDING => Ok(0),
            _ => {
                self.start_recording(frame_index, code, (FUNCTION_ENTRY, 0));
                Ok(0)
            }
        }
    }

    /// Loop iterations (function calls) before recording.
    fn jit_threshold(&self) -> u32 {
        match self.jit.importing {
            0 => self.jit.options.threshold,
            _ => self.jit.options.threshold.saturating_mul(IMPORT_THRESHOLD_FACTOR).min(RECORDING),
        }
    }

    /// Whether frame `frame_index` runs a call the recording under way
    /// follows (inlines) into its trace.
    fn inlined_by_recording(&self, frame_index: usize) -> bool {
        self.jit.recording.as_ref().is_some_and(|rec| {
            frame_index > rec.frame_index && frame_index <= rec.frame_index + rec.recorder.depth()
        })
    }

    /// Starts recording the loop at `header` (or the function trace, for
    /// `FUNCTION_ENTRY`) from `start` in frame `frame_index`, unless a
    /// recording is under way.
    fn start_recording(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
        (header, start): (u32, u32),
    ) {
        if self.jit.recording.is_some() || !tracer::BACKEND_AVAILABLE {
            return;
        }
        counter_of(code, header).set(RECORDING);
        self.begin_recording(frame_index, code, (header, start), None);
    }

    /// Makes the recording from `start` in frame `frame_index`: of the
    /// loop at `header` (or the function trace), or with `parent` (the
    /// trace and exit it leaves from) a side trace of it.
    fn begin_recording(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
        (header, start): (u32, u32),
        parent: Option<(usize, usize)>,
    ) {
        let id = self.jit.all.len();
        self.jit.recording = Some(Recording {
            recorder: Recorder::new(self, (header, start), *code, frame_index, id),
            frame_index,
            code: *code,
            side_start: parent.map(|_| start),
            parent,
        });
    }

    /// Records the instruction at `pc` of frame `frame_index` before it
    /// runs (frames deeper than the recording follows are skipped).
    pub(crate) fn jit_record(
        &mut self,
        frame_index: usize,
        pc: u32,
        instr: crate::bytecode::Instr,
    ) {
        let Some(mut rec) = self.jit.recording.take() else { return };
        if frame_index < rec.frame_index {
            self.jit.recording = Some(rec);
            self.jit_abort("the loop's frame stopped running");
            return;
        }
        let depth = frame_index - rec.frame_index;
        let outcome = rec.recorder.record(self, rec.frame_index, depth, pc, instr);
        self.jit.recording = Some(rec);
        match outcome {
            Ok(record::Step::Continue) => {}
            Ok(record::Step::CloseLoop) => self.jit_finish(None),
            Ok(record::Step::EndAt(pc)) => self.jit_finish(Some(pc)),
            Err(record::Abort(why)) => self.jit_abort(&why),
        }
    }

    /// Frame `frame_index` stops running (return, yield, exception): a
    /// recording that follows it cannot be finished (returns of inlined
    /// calls were recorded before they ran, so their frames are no longer
    /// followed).
    pub(crate) fn jit_leave_frame(&mut self, frame_index: usize) {
        let followed = self
            .jit
            .recording
            .as_ref()
            .is_some_and(|r| frame_index <= r.frame_index + r.recorder.depth());
        if followed {
            self.jit_abort("a recorded frame stopped running");
        }
    }

    fn jit_abort(&mut self, why: &str) {
        let Some(rec) = self.jit.recording.take() else { return };
        let mut newly_kept_out = false;
        for code in rec.recorder.unrolled_codes() {
            newly_kept_out |= self.jit.not_unrolled.insert(code_key(code));
        }
        if newly_kept_out {
            // The next recording calls those functions instead of
            // unrolling their loops: not counted against the loop (the
            // set only grows, so this happens a bounded number of times).
            let origin = self.trace_origin(&rec.code, rec.recorder.header);
            self.jit.events.push(format!("abort at {origin}: {why}; loops in calls kept out"));
            if rec.side_start.is_none() {
                counter_of(&rec.code, rec.recorder.header).set(0);
            }
            return;
        }
        match rec.side_start {
            Some(start) => self.side_failed(&rec.code, start, why),
            None => self.header_failed(&rec.code, rec.recorder.header, why),
        }
    }

    /// A side trace recording from `start` gave no trace.
    fn side_failed(&mut self, code: &Gc<CodeObj>, start: u32, why: &str) {
        let key = (code_key(code), start);
        let aborts = {
            let n = self.jit.side_aborts.entry(key).or_insert(0);
            *n += 1;
            *n
        };
        let origin = self.trace_origin(code, start);
        if aborts >= MAX_ABORTS {
            self.jit.side_blacklist.insert(key, ());
            self.jit.events.push(format!("side trace abort at {origin}: {why}; blacklisted"));
        } else {
            self.jit.events.push(format!("side trace abort at {origin}: {why}"));
        }
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
        let counter = counter_of(code, header);
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
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = crate::object::str::str_of(code.name)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if header == FUNCTION_ENTRY {
            return format!("{file}:{} ({name}) entry", code.unit.line_of(0));
        }
        format!("{file}:{} ({name}) pc {header}", code.unit.line_of(header))
    }

    /// Compiles the recording: a loop, or (`end` given) a trace that
    /// leaves for the loop header at `end`.
    fn jit_finish(&mut self, end: Option<u32>) {
        let Some(rec) = self.jit.recording.take() else { return };
        let header = rec.recorder.header;
        // The key the trace is kept under, and the pc it starts at.
        let start = rec.side_start.unwrap_or(header);
        let start_pc = rec.recorder.start();
        // The id the recording started with (its trace writes it on entry).
        let id = rec.recorder.id;
        // Formatting the bytecode costs as much as recording it: only for the dump.
        let listing: String = match self.jit.options.dump {
            Some(_) => rec
                .recorder
                .listing
                .iter()
                .map(|(depth, pc, instr)| {
                    format!("  {:indent$}{pc:>4}  {instr:?}\n", "", indent = 2 * depth)
                })
                .collect(),
            None => String::new(),
        };
        let roots = rec.recorder.roots.clone();
        let passes = Box::new(Cell::new(0));
        let (optimized, linkable) = match end {
            Some(pc) => {
                let (trace, linkable) = rec.recorder.finish_at(pc, passes.as_ptr());
                (tracer::optimize(&trace, Some(record::box_layout())), linkable)
            }
            None => (tracer::optimize_recording(&rec.recorder.finish()), false),
        };
        let mirror_end = MIRROR as usize + rec.code.unit.slot_count as usize;
        let compiled = optimized.map_err(|e| e.to_string()).and_then(|mut trace| {
            trace.name = format!("trace {id}");
            if id != self.jit.all.len() {
                return Err("another trace took its id".to_string());
            }
            let record =
                trace.snapshots.iter().map(|s| trace.record_values(s).count()).max().unwrap_or(0);
            if record >= RUNNING_TRACE as usize {
                return Err(format!("an exit record of {record} words"));
            }
            trace.min_state_words = mirror_end;
            tracer::compile(&trace).map(|code| (trace, code)).map_err(|e| e.to_string())
        });
        let mut origin = self.trace_origin(&rec.code, start);
        if rec.side_start.is_some() {
            let (parent, exit) = rec.parent.unwrap_or_default();
            origin =
                format!("{origin}, side trace of trace {parent} exit {exit} (loop at pc {header})");
        }
        let (trace, code) = match compiled {
            Ok(c) => c,
            Err(e) => {
                let why = format!("not compiled: {e}");
                match rec.side_start {
                    Some(start) => self.side_failed(&rec.code, start, &why),
                    None => self.header_failed(&rec.code, header, &why),
                }
                return;
            }
        };
        let linkable_end = linkable.then(|| trace.exits().len() - 1);
        let entry = Rc::new(TraceEntry::new(
            (id, trace, code),
            (linkable_end, passes),
            (start_pc, header),
            origin,
            listing,
        ));
        self.jit.roots.extend(roots);
        self.jit.add_trace(entry.clone());
        let key = (code_key(&rec.code), start);
        if rec.side_start.is_some() {
            self.jit.side_traces.entry(key).or_default().push(entry);
        } else {
            self.jit.traces.insert(key, entry);
            counter_of(&rec.code, header).set(HAS_TRACE);
        }
    }

    /// Runs the trace at `header` on the frame, and the traces its exits
    /// lead to: the loop's trace again when a side trace ends at the
    /// header, a side trace where an exit resumes at its start. Returns
    /// the pc the interpreter resumes at (or the exception to raise there).
    fn run_trace(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
        header: u32,
    ) -> Result<u32, (PyErr, u32)> {
        let key = code_key(code);
        let Some(mut entry) = self.jit.traces.get(&(key, header)).cloned() else {
            return Ok(if header == FUNCTION_ENTRY { 0 } else { header });
        };
        loop {
            let (last, exit) = self.execute_trace(&entry, frame_index, code);
            entry = last;
            let state = std::mem::take(&mut self.jit.state);
            let resume = self.deopt(&entry, exit, &state, frame_index);
            self.jit.put_state(state);
            let pc = resume?;
            let settled =
                entry.exits.get(exit).is_some_and(|m| m.settled.get() == self.jit.generation);
            if settled {
                return Ok(pc);
            }
            match self.after_exit(frame_index, code, (&entry, exit), pc) {
                Some(next) => entry = next,
                None => return Ok(pc),
            }
        }
    }

    /// What follows exit `exit` of `entry`, resuming at `pc`, when the
    /// exit is not settled: the trace to run next, or None for the
    /// interpreter (having started a recording, a link or a retrace, or
    /// dropped a trace, as the exit's history asks). Kept out of
    /// `run_trace`, whose loop runs once per trace entry: a trace entered
    /// once per round of a program's work finds that loop cold in the
    /// instruction cache, and every line of it costs a miss.
    #[inline(never)]
    fn after_exit(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
        (entry, exit): (&Rc<TraceEntry>, usize),
        pc: u32,
    ) -> Option<Rc<TraceEntry>> {
        let key = code_key(code);
        if entry.start == entry.header && self.keep_out_unrolled_at(entry, exit) {
            self.drop_for_retrace(code, entry.header);
            return None;
        }
        if entry.start == entry.header && self.preamble_exit_is_hot(entry, exit) {
            self.retrace(code, entry.header);
            return None;
        }
        if self.heap.leave_wanted() {
            return None;
        }
        let hot = entry.exit_count(exit) >= SIDE_TRACE_THRESHOLD;
        let variants = self.jit.side_traces.get(&(key, pc));
        if pc == entry.start && entry.linkable_end != Some(exit) {
            // No progress: the next variant at this pc, if any, else
            // the interpreter (recording one more variant if hot).
            let tried = variants.and_then(|v| v.iter().position(|e| Rc::ptr_eq(e, entry)));
            if tried.is_some() && self.useless_variant(entry, exit) {
                // Paths it was recorded for no longer happen here:
                // dropped, so later exits stop trying it first.
                self.drop_side_variant(code, pc, entry);
                return None;
            }
            let next = tried.and_then(|i| variants.and_then(|v| v.get(i + 1)).cloned());
            match &next {
                // A hot failure goes straight on to the next variant: a
                // round trip through the interpreter per variant tried
                // costs more than the variant's work (with argparse, a
                // tenth of all trace entries).
                Some(next) if hot => {
                    let slots = code.unit.slot_count as usize;
                    if let Some(id) = self.link_through_adapter(entry, exit, next, slots) {
                        self.jit.variant_adapters.insert(id);
                    }
                }
                Some(_) => {}
                None => {
                    let room = variants.is_some_and(|v| v.len() < MAX_SIDE_VARIANTS);
                    if hot && room && tried.is_some() {
                        self.start_side_recording(frame_index, code, (entry, exit), pc);
                    }
                }
            }
            return next;
        }
        if self.jit.variant_adapters.contains(&entry.id) {
            // The variant it led to was dropped: linking it to the first
            // variant at its pc could close a loop of failing variants.
            return None;
        }
        let next = match self.jit.traces.get(&(key, pc)) {
            Some(e) => Some(e.clone()),
            None => variants.and_then(|v| v.first()).cloned(),
        };
        match next {
            // A trace ending where it starts would run forever.
            Some(e) if Rc::ptr_eq(&e, entry) => None,
            Some(e) => {
                if entry.linkable_end == Some(exit) {
                    self.link(entry, exit, &e);
                } else if hot {
                    self.link_through_adapter(entry, exit, &e, code.unit.slot_count as usize);
                }
                Some(e)
            }
            None => {
                if hot {
                    self.start_side_recording(frame_index, code, (entry, exit), pc);
                }
                if hot && self.side_refused(code, pc) && !self.retrace_may_follow(entry, exit) {
                    if let Some(meta) = entry.exits.get(exit) {
                        meta.settled.set(self.jit.generation);
                    }
                }
                None
            }
        }
    }

    /// Whether a side trace starting at `start` is never recorded.
    fn side_refused(&self, code: &Gc<CodeObj>, start: u32) -> bool {
        self.jit.side_blacklist.contains_key(&(code_key(code), start))
            || matches!(
                code.unit.instrs.get(start as usize),
                Some(crate::bytecode::Instr::Return { .. })
            )
    }

    /// Whether later exits through `exit` of loop trace `entry` may still
    /// have it recorded again (see [`Vm::keep_out_unrolled_at`] and
    /// [`Vm::preamble_exit_is_hot`]).
    fn retrace_may_follow(&self, entry: &TraceEntry, exit: usize) -> bool {
        entry.start == entry.header
            && (exit < entry.preamble_exits
                || entry.exits.get(exit).is_some_and(|m| !m.unrolled.is_empty()))
    }

    /// Whether side trace `entry` almost always leaves through `exit`
    /// before it gets anywhere.
    fn useless_variant(&self, entry: &TraceEntry, exit: usize) -> bool {
        let failed = entry.exit_count(exit);
        let entered = self.jit.entries_of(entry);
        entered >= USELESS_VARIANT_ENTRIES && failed * 10 >= entered * 9
    }

    /// Removes side trace `entry` from the variants at `pc` (unlinking the
    /// exits that lead to it), counting it as a failed side recording there.
    fn drop_side_variant(&mut self, code: &Gc<CodeObj>, pc: u32, entry: &Rc<TraceEntry>) {
        if let Some(v) = self.jit.side_traces.get_mut(&(code_key(code), pc)) {
            v.retain(|e| !Rc::ptr_eq(e, entry));
        }
        self.unlink_into(entry);
        self.side_failed(code, pc, &format!("trace {} keeps failing at its start", entry.id));
    }

    /// Whether exit `exit` of loop trace `entry` lies in its preamble and
    /// is taken on most entries.
    fn preamble_exit_is_hot(&self, entry: &TraceEntry, exit: usize) -> bool {
        let count = entry.exit_count(exit);
        exit < entry.preamble_exits
            && count >= RETRACE_THRESHOLD
            && count * 2 >= self.jit.entries_of(entry)
    }

    /// Whether loop trace `entry` often leaves through `exit` from inside
    /// calls of functions whose loops it unrolled (a loop that ends at a
    /// different item each time): those functions are then kept out of
    /// traces (true: the loop should be recorded again, calling them).
    fn keep_out_unrolled_at(&mut self, entry: &TraceEntry, exit: usize) -> bool {
        let Some(codes) = entry.exits.get(exit).map(|m| &m.unrolled).filter(|c| !c.is_empty())
        else {
            return false;
        };
        let count = entry.exit_count(exit);
        if count < SIDE_TRACE_THRESHOLD || count * UNROLLED_EXIT_SHARE < self.jit.entries_of(entry)
        {
            return false;
        }
        let mut kept_out = false;
        for &key in codes.iter() {
            kept_out |= self.jit.not_unrolled.insert(key);
        }
        kept_out
    }

    /// Drops the loop's trace so that the next iteration records it anew,
    /// without counting a retrace: what changed is what the recording
    /// inlines.
    fn drop_for_retrace(&mut self, code: &Gc<CodeObj>, header: u32) {
        self.drop_loop_trace(code, header);
        let origin = self.trace_origin(code, header);
        self.jit.events.push(format!("retrace at {origin}: loops in calls kept out"));
        code.loop_counters[header as usize].set(self.jit.options.threshold);
    }

    /// Removes the loop's trace and unlinks the exits that lead to it.
    fn drop_loop_trace(&mut self, code: &Gc<CodeObj>, header: u32) {
        if let Some(old) = self.jit.traces.remove(&(code_key(code), header)) {
            self.unlink_into(&old);
        }
    }

    /// Drops the loop's trace so the next iteration records it anew.
    fn retrace(&mut self, code: &Gc<CodeObj>, header: u32) {
        let key = (code_key(code), header);
        let n = self.jit.retraces.entry(key).or_insert(0);
        *n += 1;
        let give_up = *n > MAX_RETRACES;
        self.drop_loop_trace(code, header);
        let origin = self.trace_origin(code, header);
        if give_up {
            // Types that keep changing (a polymorphic loop): each entry
            // would cost a trace entry and exit; the interpreter is faster.
            self.jit.events.push(format!("blacklisted at {origin}: retraced too often"));
            code.loop_counters[header as usize].set(BLACKLISTED);
            return;
        }
        self.jit.events.push(format!("retrace at {origin}: its first iteration keeps exiting"));
        code.loop_counters[header as usize].set(self.jit.options.threshold);
    }

    /// Starts recording a side trace from `start`, where a hot exit of the
    /// loop at `header` resumes.
    fn start_side_recording(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
        (parent, exit): (&TraceEntry, usize),
        start: u32,
    ) {
        let header = parent.header;
        // A trace that ends by returning leaves it to the interpreter: one
        // that starts there would only return.
        if self.jit.recording.is_some() || self.side_refused(code, start) {
            return;
        }
        self.begin_recording(frame_index, code, (header, start), Some((parent.id, exit)));
    }

    /// Runs `entry` on frame `frame_index`, whose slots go into the
    /// state's frame mirror, and the traces its linked exits lead to. The
    /// last trace run and its exit, with the exit record (and the mirror)
    /// in `self.jit.state`.
    fn execute_trace(
        &mut self,
        entry: &Rc<TraceEntry>,
        frame_index: usize,
        code: &Gc<CodeObj>,
    ) -> (Rc<TraceEntry>, usize) {
        entry.entries.set(entry.entries.get() + 1);
        let base = self.frames[frame_index].base;
        let slots = code.unit.slot_count as usize;
        let mirror = MIRROR as usize;
        let need = self.jit.max_state_words.max(mirror + slots).max(entry.state_need);
        let mut state = self.jit.take_state();
        if state.len() < need {
            state.resize(need, 0);
        }
        // A frame's slots lie on the stack (`slots` of them from `base`).
        state[mirror..mirror + slots]
            .copy_from_slice(Value::slice_bits(&self.stack[base..][..slots]));
        let (area, len) = (state.as_mut_ptr(), state.len());
        self.jit.running += 1;
        self.jit.active.push(ActiveRun { state: area, len, mirror_slots: slots });
        let exit = {
            let _current = helpers::CurrentVm::set(self);
            // SAFETY: the recorder emits loads and stores only at field
            // offsets of objects whose type (and shape) the trace guarded
            // first, on words read from the frame, within list and tuple
            // bounds it checked; the other addresses it names as
            // constants (dicts, types, shapes, cells' owners) are kept
            // alive by `self.jit.roots`, and the scratch buffer and the
            // heap's collection flag are boxed, so their addresses hold;
            // `state` has the room every trace asks for (linked traces
            // included), and is not touched through the vector until the
            // run returns; helpers reach the VM through the pointer just
            // set, while this frame does not touch it, and collect only in
            // calls where the trace published what it holds (see
            // `JitState::collection_safe`), so no object it uses is freed.
            unsafe { entry.code.run_raw(area, len) }
        };
        self.jit.active.pop();
        self.jit.running -= 1;
        let last_id = state[RUNNING_TRACE as usize] as usize;
        let last = match last_id == entry.id {
            true => None,
            false => self.jit.all.get(last_id).cloned(),
        };
        // A nested trace run through a helper may have left its own
        // buffer: ours holds this exit's record.
        self.jit.put_state(state);
        (last.unwrap_or_else(|| entry.clone()), exit as usize)
    }
}
