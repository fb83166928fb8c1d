//! The recorder: while the interpreter runs one iteration of a hot loop,
//! each instruction is turned into IR *before* it executes, using the
//! operands' current values to choose guards (their types, shapes, type
//! versions, dict versions) and the path (branch directions, callees).
//! Everything goes through `tracer::TraceBuilder`, which folds, CSEs and
//! drops redundant guards as it goes; when the interpreter jumps back to
//! the header, the recording goes to `tracer::optimize_recording`.
//!
//! | module | records |
//! |---|---|
//! | [`numbers`] | int/float/bool arithmetic, compares, truth |
//! | [`objects`] | globals, attributes, subscripts, iteration, building and unpacking sequences |
//! | [`calls`] | calls: Python functions inlined as virtual frames, the rest through helpers; returns |
//! | [`drain`] | `list(g)`, `set(g)`...: the generator's frame followed like an inlined call |
//!
//! Frame slots hold NaN-boxed words. Calls of Python functions are
//! followed into the callee: the recorder keeps a stack of [`RecFrame`]s
//! and every snapshot lists them all, so deopt can rebuild the frames the
//! interpreter would have. Each guard's snapshot resumes at the instruction
//! being recorded, which the trace has not yet begun to change (helpers
//! with side effects are the last thing an instruction records).
//!
//! Some instructions need their result to record (a global's value, a
//! module attribute): they leave a [`Pending`] note completed when the next
//! instruction is recorded, after the interpreter has run them.

mod alias;
mod calls;
mod drain;
mod numbers;
mod objects;

use traces::hash::{WordMap, WordSet};

use tracer::{BoxLayout, Recording, TraceBuilder};
use traces::trace::SnapId;
use traces::{Op, SnapFrame, SnapValue, Snapshot, Type, Val};

use super::helpers::{conversion_word, describe, HelperKind, ERROR_BITS, SCRATCH_WORDS};
use super::{MIRROR, RUNNING_TRACE};
use crate::bytecode::instr::Reg;
use crate::bytecode::{CodeFlags, Instr};
use crate::object::value::{EMPTY_BITS, FIRST_TAG, NONE_BITS, PAYLOAD_MASK, TAG_INT, TAG_SHIFT};
use crate::object::Gc;
use crate::object::Value;
use crate::vm::code::CodeObj;
use crate::vm::Vm;

/// `VirtualObject::kind` of an int the optimizer kept unboxed (field 0 is
/// the raw int); deopt boxes it.
pub const VIRTUAL_INT: u32 = 1;
/// Likewise for a float (field 0 holds the f64 bits).
pub const VIRTUAL_FLOAT: u32 = 2;
/// A slice object (fields 0-2: start, stop and step words) the optimizer
/// did not allocate (the `build_slice` helper sinks to it).
pub const VIRTUAL_SLICE: u32 = 3;
/// A tuple (its fields are its items) the optimizer did not allocate (the
/// `tuple2` and `tuple3` helpers sink to it).
pub const VIRTUAL_TUPLE: u32 = 4;
/// A bound method (fields: function, receiver) the optimizer did not
/// allocate (the `bound_method` helper sinks to it).
pub const VIRTUAL_METHOD: u32 = 5;
/// A range of small ints (fields 0-2: start, stop and step words) the
/// optimizer did not allocate (the `new_range` helper sinks to it).
pub const VIRTUAL_RANGE: u32 = 6;
/// The snapshot "slot" of an inlined frame that holds its function.
pub const FUNCTION_SLOT: u32 = u32::MAX;
/// A snapshot "slot" naming an iterator deopt marks exhausted (the exit
/// of a `for` loop that resumes after the loop).
pub const EXHAUSTED_ITER_SLOT: u32 = u32::MAX - 1;
/// The snapshot "slot" of an inlined `__init__` frame that holds the
/// instance being made: the caller's call gives it, not `__init__`'s None.
pub const INIT_SELF_SLOT: u32 = u32::MAX - 2;
/// The snapshot "slot" of an inlined frame that holds the code it runs:
/// the function's `__code__` may have been replaced since the call.
pub const CODE_SLOT: u32 = u32::MAX - 3;
/// The snapshot "slot" of a frame being drained (see [`drain`]) that
/// holds its generator object.
pub const DRAIN_GEN_SLOT: u32 = u32::MAX - 4;
/// The snapshot "slot" of a frame being drained that holds the value
/// stack's height when the drain began (the items so far are above it).
pub const DRAIN_START_SLOT: u32 = u32::MAX - 5;
/// The snapshot "slot" of a frame being drained that holds the consumer
/// (the type the generator was passed to).
pub const DRAIN_CONSUMER_SLOT: u32 = u32::MAX - 6;
/// Snapshot "slots" from here up are not frame slots.
pub const FIRST_PSEUDO_SLOT: u32 = u32::MAX - 6;
/// Deepest chain of inlined calls.
const MAX_INLINE_DEPTH: usize = 8;

/// The NaN-boxing layout, as the optimizer needs to recognise boxes.
pub fn box_layout() -> BoxLayout {
    BoxLayout {
        tag_shift: TAG_SHIFT,
        int_tag: TAG_INT,
        payload_mask: PAYLOAD_MASK,
        first_tag: FIRST_TAG,
        int_kind: Some(VIRTUAL_INT),
        float_kind: Some(VIRTUAL_FLOAT),
    }
}

/// Why recording stopped without a trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abort(pub String);

pub type RecResult<T = ()> = Result<T, Abort>;

fn abort<T>(why: impl Into<String>) -> RecResult<T> {
    Err(Abort(why.into()))
}

fn no_layout(e: tracer::builder::NoBoxLayout) -> Abort {
    Abort(e.to_string())
}

/// The kinds of words a type guard distinguishes (`Other` is any other
/// value, left to helpers or to guards of its own).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Int,
    Float,
    Bool,
    Other,
}

/// A frame of the recording: the loop's own (depth 0) or an inlined call.
struct RecFrame {
    code: Gc<CodeObj>,
    /// The function running (None for the loop's frame if it is module code).
    function: Value,
    globals: Value,
    /// Slot values: for the loop's frame those changed in this iteration
    /// (the rest are trace inputs); for inlined frames every slot set.
    slots: WordMap<Reg, Val>,
    /// The instruction being recorded, or the call being made.
    pc: u32,
    /// Where the caller wants the return value.
    ret_dst: Reg,
    /// For the `__init__` of a class call: the instance, which the call
    /// gives once `__init__` returns None.
    init_self: Option<Val>,
    /// For a generator's frame followed for its consumer: what the
    /// consumer's call needs.
    drain: Option<drain::Drain>,
}

/// What recording one instruction led to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Recording goes on.
    Continue,
    /// Back at the header it started from: a loop.
    CloseLoop,
    /// At the header of a loop (`pc`): the trace ends there, leaving to
    /// that loop's trace.
    EndAt(u32),
}

/// An instruction whose result the next record call picks up.
enum Pending {
    /// These slots of the current frame become constants (their value
    /// after the instruction ran, proven by the guards recorded before).
    Constants(Vec<Reg>),
    /// The conditional jump at `at` on bool `cond` (jumping to `target`
    /// when it is `jumps_if`).
    Branch { cond: Val, at: u32, target: u32, jumps_if: bool },
    /// `next()` of an iterator gave an item if `more`; else the loop ends
    /// (at `exit`, resuming at `snap`).
    ForIter { more: Val, snap: SnapId, exit: u32 },
}

pub struct Recorder {
    /// The loop header: where the trace starts and its jump returns.
    pub header: u32,
    /// Bytecode executed (depth, pc, instruction), for `--trace-dump`.
    pub listing: Vec<(usize, u32, Instr)>,
    /// Heap objects the trace names as constants: the JIT keeps them alive.
    pub roots: Vec<Value>,
    b: TraceBuilder,
    frames: Vec<RecFrame>,
    /// For bool words made here: the compare behind them.
    bools: WordMap<Val, Val>,
    /// For ranges made here: their start, stop and step words, so that
    /// iterating them needs no range object.
    ranges: WordMap<Val, [Val; 3]>,
    /// (word, type address) pairs already guarded.
    typed: WordSet<(Val, u64)>,
    pending: Option<Pending>,
    /// A pair a `ForIter` produced without a tuple, for the
    /// `UnpackSequence` right after it: (temporary, first, second).
    pair: Option<(Reg, Val, Val)>,
    recorded: usize,
    /// Where recording started (the header, or a side trace's start).
    start: u32,
    /// The id the trace gets (the next one free when recording started).
    pub id: usize,
    /// The loop frame's globals, if its loop stores names there: loads
    /// from them are then lookups, not constants.
    stored_globals: Option<Value>,
    /// Functions with loops inlined so far (their loops unrolled).
    unrolled: Vec<Gc<CodeObj>>,
    /// Jumps back taken in inlined calls so far.
    back_edges: usize,
    /// A function trace met a recursive call: it aborts rather than end
    /// there (entering a trace at each level costs more than it saves).
    recursive: bool,
}

/// Longest iteration recorded before giving up.
const MAX_RECORDED: usize = 3000;
/// Instructions recorded before a trace may end at one it cannot record.
const MIN_FRAGMENT: usize = 12;
/// A side trace that reaches its frame's `return` within this many
/// instructions is not worth a trace.
const MAX_BARE_RETURN: usize = 4;
/// Instructions a function trace must record to its return: entering
/// and leaving a trace costs as much as the interpreter running a few
/// dozen instructions.
const MIN_FUNCTION_TRACE: usize = 24;
/// Iterations of loops in inlined calls a trace unrolls, in all: short
/// loops (a search that stops at the second item, a fixed-size sum) are
/// recorded through; a longer one aborts the recording, and the next
/// one calls its function through a helper.
const MAX_UNROLLED_ITERATIONS: usize = 48;

/// The `Loop` instruction that jumps back to `header` (a loop has one):
/// its pc, and the first temporary dead at the header.
fn back_edge(code: &Gc<CodeObj>, header: u32) -> Option<(usize, Reg)> {
    code.unit.instrs.iter().enumerate().find_map(|(pc, i)| match *i {
        Instr::Loop { target, live } if target == header => Some((pc, live)),
        _ => None,
    })
}

/// Whether the loop at `header` of `frame` (running `code`) stores to or
/// deletes from its globals, by a statement between the header and the
/// jump back to it (for a function trace, anywhere in the function).
fn loop_stores_globals(code: &Gc<CodeObj>, header: u32, frame: &crate::vm::frame::Frame) -> bool {
    let body = match header {
        super::FUNCTION_ENTRY => &code.unit.instrs[..],
        _ => {
            let end =
                back_edge(code, header).map_or(header as usize, |(pc, _)| pc.max(header as usize));
            &code.unit.instrs[header as usize..=end]
        }
    };
    let module = frame.locals == frame.globals;
    body.iter().any(|i| match i {
        Instr::StoreGlobal { .. } | Instr::DeleteGlobal { .. } => true,
        Instr::StoreName { .. } | Instr::DeleteName { .. } => module,
        _ => false,
    })
}

/// Whether `code` has a loop (a call of it unrolls the loop when inlined).
pub fn has_loop(code: &CodeObj) -> bool {
    code.unit.instrs.iter().any(|i| matches!(i, Instr::Loop { .. }))
}

/// Whether `method` is `list.append` and `receiver` an exact list.
fn is_exact_list_append(vm: &Vm, method: Value, receiver: Value) -> bool {
    let list = vm.heap.types().list;
    crate::vm::function::method_descriptor_of(method)
        .is_some_and(|md| md.owner == list && md.name == "append")
        && vm.heap.type_of(receiver) == list
}

impl Recorder {
    /// A recording of the loop at `header` of frame `frame_index`, from
    /// `start` (the header, or for a side trace the pc a trace exit
    /// resumed at) until the interpreter comes back to the header. It
    /// becomes trace `id` if it compiles.
    pub fn new(
        vm: &Vm,
        (header, start): (u32, u32),
        code: Gc<CodeObj>,
        frame_index: usize,
        id: usize,
    ) -> Recorder {
        let frame = &vm.frames[frame_index];
        let mut r = Recorder {
            header,
            listing: Vec::new(),
            roots: vec![code.value()],
            b: TraceBuilder::with_layout("trace", box_layout()),
            frames: vec![RecFrame {
                code,
                function: frame.function,
                globals: frame.globals,
                slots: WordMap::default(),
                pc: start,
                ret_dst: 0,
                init_self: None,
                drain: None,
            }],
            bools: WordMap::default(),
            ranges: WordMap::default(),
            typed: WordSet::default(),
            pending: None,
            pair: None,
            recorded: 0,
            start,
            id,
            stored_globals: loop_stores_globals(&code, header, frame).then_some(frame.globals),
            unrolled: Vec::new(),
            back_edges: 0,
            recursive: false,
        };
        // Linked traces run one after another without returning: the
        // exit a run ends with is the last one's, which says who it is.
        let me = r.b.kint(id as i64);
        r.b.store_state(RUNNING_TRACE, me);
        // Each iteration starts by leaving for the interpreter if the heap
        // wants a collection (helpers never collect).
        let flag = r.b.kref(vm.heap.collection_wanted_address() as u64);
        let wanted = r.b.load(Op::LdU8, flag, None, 0);
        r.guard(Op::GuardEq, &[wanted], 0);
        r
    }

    /// How deep the recording is in inlined calls (0: the loop's frame).
    pub fn depth(&self) -> usize {
        self.frames.len() - 1
    }

    /// The pc the recording started at.
    pub fn start(&self) -> u32 {
        self.start
    }

    /// Whether this records a function trace (or a side trace of one).
    fn function_trace(&self) -> bool {
        self.header == super::FUNCTION_ENTRY
    }

    /// Whether `code` runs in a frame of the recording (a call of it is
    /// recursive).
    fn follows(&self, code: &Gc<CodeObj>) -> bool {
        self.frames.iter().any(|f| Gc::ptr_eq(f.code, *code))
    }

    /// The functions with loops this recording inlined: to blame if it
    /// aborts.
    pub fn unrolled_codes(&self) -> &[Gc<CodeObj>] {
        &self.unrolled
    }

    fn frame(&mut self) -> &mut RecFrame {
        self.frames.last_mut().expect("the loop's frame is never popped")
    }

    fn read(&mut self, slot: Reg) -> Val {
        let depth = self.depth();
        match self.frame().slots.get(&slot) {
            Some(v) => *v,
            None if depth == 0 => self.b.input(Type::Word, MIRROR + slot as u32),
            None => self.b.kword(EMPTY_BITS),
        }
    }

    fn write(&mut self, slot: Reg, v: Val) {
        self.frame().slots.insert(slot, v);
    }

    /// The snapshot of the current instruction: every frame's slots.
    fn snap(&mut self) -> SnapId {
        let pc = self.frame().pc;
        self.snap_at(pc, &[])
    }

    /// A snapshot whose innermost frame resumes at `pc`, with `extra`
    /// pseudo-slots.
    fn snap_at(&mut self, pc: u32, extra: &[(u32, Val)]) -> SnapId {
        let mut frames = Vec::with_capacity(self.frames.len());
        let innermost = self.frames.len() - 1;
        for (depth, f) in self.frames.iter().enumerate() {
            let mut slots: Vec<(u32, SnapValue)> =
                f.slots.iter().map(|(k, v)| (*k as u32, SnapValue::Val(*v))).collect();
            if depth > 0 {
                let func = self.b.kword(f.function.bits());
                slots.push((FUNCTION_SLOT, SnapValue::Val(func)));
                let code = self.b.kword(f.code.value().bits());
                slots.push((CODE_SLOT, SnapValue::Val(code)));
            }
            if let Some(obj) = f.init_self {
                slots.push((INIT_SELF_SLOT, SnapValue::Val(obj)));
            }
            if let Some(d) = f.drain {
                let consumer = self.b.kword(d.consumer.bits());
                slots.push((DRAIN_GEN_SLOT, SnapValue::Val(d.gen)));
                slots.push((DRAIN_START_SLOT, SnapValue::Val(d.start)));
                slots.push((DRAIN_CONSUMER_SLOT, SnapValue::Val(consumer)));
            }
            let mut resume = f.pc;
            if depth == innermost {
                slots.extend(extra.iter().map(|(k, v)| (*k, SnapValue::Val(*v))));
                resume = pc;
            }
            slots.sort_by_key(|(k, _)| *k);
            frames.push(SnapFrame { pc: resume, base: depth as u32, slots });
        }
        self.b.snapshot(Snapshot { frames, virtuals: vec![] })
    }

    /// Guards that bool `cond` is `truth`, as it was when the branch at
    /// the current pc was `taken` (to `target`) or not. The exit resumes
    /// at the other successor: the branch is decided, and the pc differs
    /// from the trace's own start, so a side trace can grow there.
    fn branch_guard(&mut self, cond: Val, truth: bool, taken: bool, target: u32) {
        let at = self.frame().pc;
        let other = if taken { at + 1 } else { target };
        let s = self.snap_at(other, &[]);
        self.b.guard(if truth { Op::GuardTrue } else { Op::GuardFalse }, &[cond], 0, s);
    }

    fn guard(&mut self, op: Op, args: &[Val], imm: i64) -> Option<Val> {
        let s = self.snap();
        self.b.guard(op, args, imm, s)
    }

    fn bits(&mut self, w: Val) -> Val {
        self.b.op(Op::Cast, Type::Int, &[w])
    }

    fn is_constant(&self, w: Val) -> bool {
        self.b.trace().inst(w).op.is_const()
    }

    /// A word naming heap object `v` (kept alive by the JIT).
    fn constant(&mut self, v: Value) -> Val {
        if v.is_ptr() {
            self.roots.push(v);
        }
        self.b.kword(v.bits())
    }

    /// Whether frame `depth` of the recording runs module code, whose
    /// names are its globals.
    fn in_module_namespace(&self, vm: &Vm, root: usize, depth: usize) -> bool {
        depth == 0 && vm.frames[root].locals == self.frames[0].globals
    }

    /// Calls `kind`; exits (raising the helper's exception) if it failed.
    fn call_helper(&mut self, kind: HelperKind, args: &[Val]) -> RecResult<Val> {
        let id = self.helper_id(kind);
        if self.b.trace().helpers[id as usize].may_collect {
            // The helper may run Python code, which may even assign
            // `__class__`; the others only compute or allocate.
            self.typed.clear();
        }
        let r = self.b.call(id, args);
        if !self.b.trace().helpers[id as usize].may_raise {
            return Ok(r);
        }
        let bits = self.bits(r);
        let error = self.b.kint(ERROR_BITS as i64);
        let ok = self.b.op(Op::Ne, Type::Bool, &[bits, error]);
        self.guard(Op::GuardTrue, &[ok], 0);
        Ok(r)
    }

    fn helper_id(&mut self, kind: HelperKind) -> traces::trace::HelperId {
        let helper = describe(kind);
        match self.b.trace().helpers.iter().position(|h| *h == helper) {
            Some(i) => i as u32,
            None => self.b.add_helper(helper),
        }
    }

    /// Records `instr` at `pc` of the frame `depth` calls below the loop's,
    /// before the interpreter runs it.
    pub fn record(
        &mut self,
        vm: &Vm,
        root: usize,
        depth: usize,
        pc: u32,
        instr: Instr,
    ) -> RecResult<Step> {
        if depth > self.depth() {
            // Inside a call the trace makes through a helper.
            return Ok(Step::Continue);
        }
        if depth < self.depth() {
            return abort("an inlined call ended without a return");
        }
        self.recorded += 1;
        if self.recorded > MAX_RECORDED {
            return abort("trace too long");
        }
        let base = vm.frames[root + depth].base;
        let slot = |r: Reg| vm.stack[base + r as usize];
        match self.pending.take() {
            Some(Pending::Constants(dsts)) => {
                for dst in dsts {
                    let w = self.constant(slot(dst));
                    self.write(dst, w);
                }
            }
            Some(Pending::Branch { cond, at, target, jumps_if }) => {
                let taken = pc == target && pc != at + 1;
                self.branch_guard(cond, taken == jumps_if, taken, target);
            }
            Some(Pending::ForIter { more, snap, exit }) => {
                if pc == exit {
                    return abort("a loop over an iterator ended while recording");
                }
                self.b.guard(Op::GuardTrue, &[more], 0, snap);
            }
            None => {}
        }
        self.frame().pc = pc;
        let code = self.frame().code;
        let other_header = pc != self.start && pc != self.header;
        if depth == 0 && other_header && code.loop_counters[pc as usize].get() == super::HAS_TRACE {
            // Entering another loop that has a trace: it takes over.
            return Ok(Step::EndAt(pc));
        }
        self.listing.push((depth, pc, instr));
        match self.record_instr(vm, (root, base), instr) {
            // Something the trace cannot do: a side trace long enough to
            // be worth running ends here, the interpreter takes over. (A
            // loop's own recording that gets here has usually left the
            // loop: it aborts, and the loop stays interpreted.)
            Err(_)
                if self.start != self.header
                    && self.recorded >= MIN_FRAGMENT
                    && !self.recursive =>
            {
                self.listing.pop();
                Ok(Step::EndAt(pc))
            }
            other => other,
        }
    }

    fn record_instr(
        &mut self,
        vm: &Vm,
        (root, base): (usize, usize),
        instr: Instr,
    ) -> RecResult<Step> {
        let depth = self.depth();
        let slot = |r: Reg| vm.stack[base + r as usize];
        let code = self.frame().code;
        match instr {
            Instr::LoadConst { dst, idx } => {
                let v = code.const_value(idx);
                let w = self.constant(v);
                if let Some(b) = v.as_bool() {
                    let c = self.b.kbool(b);
                    self.bools.insert(w, c);
                }
                self.write(dst, w);
            }
            Instr::Move { dst, src } => {
                let v = self.read(src);
                self.write(dst, v);
            }
            Instr::CheckBound { slot: s, .. } => self.guard_bound(s, slot(s))?,
            Instr::Binary { op, dst, a, b } | Instr::InplaceBinary { op, dst, a, b } => {
                let inplace = matches!(instr, Instr::InplaceBinary { .. });
                let (wa, wb) = (self.read(a), self.read(b));
                let r = self.arith(op, inplace, (wa, slot(a)), (wb, slot(b)))?;
                self.write(dst, r);
            }
            Instr::Unary { op, dst, src } => {
                let w = self.read(src);
                let r = self.unary(op, w, slot(src))?;
                self.write(dst, r);
            }
            Instr::Compare { op, dst, a, b } => {
                let (wa, wb) = (self.read(a), self.read(b));
                let w = self.compare(op, (wa, slot(a)), (wb, slot(b)))?;
                self.write(dst, w);
            }
            Instr::Jump { .. } => {}
            Instr::JumpIfTrue { cond, target } | Instr::JumpIfFalse { cond, target } => {
                let jumps_if = matches!(instr, Instr::JumpIfTrue { .. });
                let w = self.read(cond);
                let value = slot(cond);
                let kind = self.guard_kind(w, value)?;
                let truth = match kind {
                    Kind::Bool => value.as_bool() == Some(true),
                    Kind::Int => value.as_small_int() != Some(0),
                    Kind::Float => value.as_f64() != Some(0.0),
                    Kind::Other if value.is_none() => false,
                    Kind::Other => {
                        // `__bool__` or `__len__` may run: the direction is
                        // known once the interpreter has taken the branch.
                        let cond = self.truth(w, kind, value)?;
                        let at = self.frame().pc;
                        self.pending = Some(Pending::Branch { cond, at, target, jumps_if });
                        return Ok(Step::Continue);
                    }
                };
                let b = self.truth(w, kind, value)?;
                self.branch_guard(b, truth, truth == jumps_if, target);
            }
            Instr::Loop { target, .. } => {
                if depth > 0 {
                    // The interpreter jumps back; the recording follows it.
                    self.back_edges += 1;
                    if self.back_edges > MAX_UNROLLED_ITERATIONS {
                        return abort("loops in inlined calls run too long");
                    }
                    return Ok(Step::Continue);
                }
                if target == self.header && self.start == self.header {
                    return Ok(Step::CloseLoop);
                }
                // Another loop (or, for a side trace, this one): the trace
                // ends at its header, whatever runs it from there.
                return Ok(Step::EndAt(target));
            }
            Instr::LoadGlobal { dst, name, .. } => {
                self.load_global(vm, dst, code.name_value(name))?
            }
            Instr::LoadName { dst, name } if self.in_module_namespace(vm, root, depth) => {
                self.load_global(vm, dst, code.name_value(name))?
            }
            Instr::StoreGlobal { name, src } => {
                let v = self.read(src);
                self.store_global(vm, code.name_value(name), v)?
            }
            Instr::StoreName { name, src } if self.in_module_namespace(vm, root, depth) => {
                let v = self.read(src);
                self.store_global(vm, code.name_value(name), v)?
            }
            Instr::LoadDeref { dst, cell, .. } => {
                let w = self.read(cell);
                let v = self.load_cell(vm, w)?;
                self.write(dst, v);
            }
            Instr::StoreDeref { cell, src } => {
                let (w, v) = (self.read(cell), self.read(src));
                self.store_cell(vm, w, v);
            }
            Instr::LoadAttr { dst, obj, name, .. } => {
                let w = self.read(obj);
                self.load_attr(vm, dst, w, slot(obj), code.name_value(name))?
            }
            Instr::StoreAttr { obj, name, src, .. } => {
                let (w, v) = (self.read(obj), self.read(src));
                self.store_attr(vm, w, slot(obj), code.name_value(name), v)?
            }
            Instr::LoadMethod { dst, obj, name, .. } => {
                let w = self.read(obj);
                self.load_method(vm, dst, w, slot(obj), code.name_value(name))?
            }
            Instr::LoadSubscr { dst, obj, key } => {
                let (w, k) = (self.read(obj), self.read(key));
                let r = self.load_subscr(vm, (w, slot(obj)), (k, slot(key)))?;
                self.write(dst, r);
            }
            Instr::StoreSubscr { obj, key, src } => {
                let (w, k, v) = (self.read(obj), self.read(key), self.read(src));
                self.store_subscr(vm, (w, slot(obj)), (k, slot(key)), v)?
            }
            Instr::GetIter { dst, src } => {
                let w = self.read(src);
                let it = match self.ranges.get(&w).copied() {
                    Some(parts) => {
                        let it = self.call_helper(HelperKind::RangeIter, &parts)?;
                        self.known_type(it, vm.heap.types().range_iterator);
                        it
                    }
                    None => self.call_helper(HelperKind::GetIter, &[w])?,
                };
                self.write(dst, it);
            }
            Instr::ForIter { dst, iter, exit } => {
                let w = self.read(iter);
                self.for_iter(vm, dst, w, slot(iter), exit)?
            }
            Instr::BuildTuple { dst, start, count } => {
                let items: Vec<Val> = (0..count).map(|i| self.read(start + i)).collect();
                let r = match items.len() {
                    2 => self.call_helper(HelperKind::Tuple2, &items)?,
                    3 => self.call_helper(HelperKind::Tuple3, &items)?,
                    _ => self.build(vm, HelperKind::BuildTuple, start, count)?,
                };
                self.write(dst, r);
            }
            Instr::BuildList { dst, start, count } => {
                let r = self.build(vm, HelperKind::BuildList, start, count)?;
                self.write(dst, r);
            }
            Instr::BuildSlice { dst, start, count } => {
                let (lo, hi) = (self.read(start), self.read(start + 1));
                let step = if count == 3 { self.read(start + 2) } else { self.b.kword(NONE_BITS) };
                let r = self.call_helper(HelperKind::BuildSlice, &[lo, hi, step])?;
                self.write(dst, r);
            }
            Instr::ListAppend { list, item } => {
                let (l, v) = (self.read(list), self.read(item));
                self.call_helper(HelperKind::ListAppend, &[l, v])?;
            }
            Instr::SetAdd { set, item } => {
                let (s, v) = (self.read(set), self.read(item));
                self.call_helper(HelperKind::SetAdd, &[s, v])?;
            }
            Instr::MapAdd { map, key, value } => {
                let (m, k, v) = (self.read(map), self.read(key), self.read(value));
                self.call_helper(HelperKind::MapAdd, &[m, k, v])?;
            }
            Instr::UnpackSequence { src, start, count } => {
                let w = self.read(src);
                self.unpack(vm, w, slot(src), start, count)?
            }
            Instr::Call { dst, func, argc } => {
                let callee = self.read(func);
                let args: Vec<Reg> = (1..=argc).map(|i| func + i).collect();
                self.call(vm, dst, (callee, slot(func)), None, &args)?
            }
            Instr::CallKw { dst, func, argc, kwnames } => {
                let callee = self.read(func);
                let args: Vec<Reg> = (1..=argc).map(|i| func + i).collect();
                self.call_kw(vm, dst, callee, None, &args, code.const_value(kwnames))?
            }
            Instr::CallMethod { dst, base: b, argc } => {
                let callee = self.read(b);
                let receiver = self.method_receiver(b, slot(b + 1));
                let list_append = argc == 1 && is_exact_list_append(vm, slot(b), slot(b + 1));
                if let (Some((rw, _)), true) = (receiver, list_append) {
                    // `out.append(x)`: the helper, not a generic call.
                    let item = self.read(b + 2);
                    self.guard_identity(callee, slot(b));
                    let list = vm.heap.types().list;
                    self.guard_type(rw, list);
                    self.call_helper(HelperKind::ListAppend, &[rw, item])?;
                    let none = self.b.kword(NONE_BITS);
                    self.write(dst, none);
                } else {
                    let args: Vec<Reg> = (2..argc + 2).map(|i| b + i).collect();
                    self.call(vm, dst, (callee, slot(b)), receiver, &args)?
                }
            }
            Instr::CallMethodKw { dst, base: b, argc, kwnames } => {
                let callee = self.read(b);
                let receiver = self.method_receiver(b, slot(b + 1)).map(|(w, _)| w);
                let args: Vec<Reg> = (2..argc + 2).map(|i| b + i).collect();
                self.call_kw(vm, dst, callee, receiver, &args, code.const_value(kwnames))?
            }
            Instr::Yield { dst, src } if self.frame().drain.is_some() => {
                self.drain_yield(dst, src)?
            }
            Instr::Yield { dst, src } => {
                let plain_generator = code.unit.flags.contains(CodeFlags::GENERATOR)
                    && !code
                        .unit
                        .flags
                        .intersects(CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR);
                if depth > 0 || !plain_generator || vm.jit.draining_frame != root {
                    // A loop that yields from its body to a `for` or a
                    // `next()` has not been left: its trace runs up to the
                    // yield, which the interpreter performs (a side trace
                    // already ends here by the rule in `record`).
                    if depth == 0 && self.recorded >= MIN_FRAGMENT {
                        return Ok(Step::EndAt(self.frame().pc));
                    }
                    return abort("a yield to a consumer other than list(), set()...");
                }
                // The consumer takes the item, unless this frame is not
                // being drained when the trace runs: then the guard exits
                // and the interpreter suspends the frame.
                let v = self.read(src);
                let taken = self.call_helper(HelperKind::DrainPush, &[v])?;
                self.guard(Op::GuardEq, &[taken], 1);
                let none = self.b.kword(NONE_BITS);
                self.write(dst, none);
            }
            Instr::Return { src } => {
                let pc = self.frame().pc;
                if depth == 0 && self.start != self.header && pc != self.start {
                    if self.recorded <= MAX_BARE_RETURN {
                        // Entering a trace that only returns costs more
                        // than the interpreter's few instructions.
                        return abort("a side trace that only returns");
                    }
                    if self.function_trace() && self.recorded < MIN_FUNCTION_TRACE {
                        return abort("a function too short to trace");
                    }
                    // A side trace leaving the loop for the function's end:
                    // the interpreter returns.
                    return Ok(Step::EndAt(pc));
                }
                if depth == 0 {
                    return abort("return from the loop's frame");
                }
                self.ret(src)?
            }
            Instr::MakeFunction { dst, code: idx, parts, start } => {
                let count = parts.bits().count_ones() as u16;
                let words: Vec<Val> = (0..count).map(|i| self.read(start + i)).collect();
                self.store_scratch(vm, &words)?;
                let c = self.constant(code.const_value(idx));
                let g = self.frame().globals;
                let g = self.constant(g);
                let p = self.b.kword(parts.bits() as u64);
                let f = self.call_helper(HelperKind::MakeFunction, &[c, g, p])?;
                self.write(dst, f);
            }
            Instr::MakeCell { slot: s } => {
                let v = self.read(s);
                let cell = self.call_helper(HelperKind::MakeCell, &[v])?;
                self.known_type(cell, vm.heap.types().cell);
                self.write(s, cell);
            }
            Instr::DeleteFast { slot: s, .. } => {
                self.guard_bound(s, slot(s))?;
                let empty = self.b.kword(EMPTY_BITS);
                self.write(s, empty);
            }
            Instr::BuildMap { dst, start, count } => {
                let words: Vec<Val> = (0..2 * count).map(|i| self.read(start + i)).collect();
                self.store_scratch(vm, &words)?;
                let n = self.b.kword(count as u64);
                let r = self.call_helper(HelperKind::BuildMap, &[n])?;
                self.known_type(r, vm.heap.types().dict);
                self.write(dst, r);
            }
            Instr::BuildSet { dst, start, count } => {
                let r = self.build(vm, HelperKind::BuildSet, start, count)?;
                self.known_type(r, vm.heap.types().set);
                self.write(dst, r);
            }
            Instr::BuildString { dst, start, count } => {
                let r = self.build(vm, HelperKind::BuildString, start, count)?;
                self.write(dst, r);
            }
            Instr::FormatValue { dst, src, conv, spec } => {
                let v = self.read(src);
                let c = self.b.kword(conversion_word(conv));
                let spec = match spec {
                    Some(s) => self.read(s),
                    None => self.b.kword(EMPTY_BITS),
                };
                let r = self.call_helper(HelperKind::FormatValue, &[v, c, spec])?;
                self.write(dst, r);
            }
            Instr::ListExtend { list, src } => {
                let (l, v) = (self.read(list), self.read(src));
                self.call_helper(HelperKind::ListExtend, &[l, v])?;
            }
            Instr::ArgsExtend { list, src, func } => {
                let (l, v, f) = (self.read(list), self.read(src), self.read(func));
                self.call_helper(HelperKind::ArgsExtend, &[l, v, f])?;
            }
            Instr::SetUpdate { set, src } => {
                let (s, v) = (self.read(set), self.read(src));
                self.call_helper(HelperKind::SetUpdate, &[s, v])?;
            }
            Instr::DictUpdate { dict, src } => {
                let (d, v) = (self.read(dict), self.read(src));
                self.call_helper(HelperKind::DictUpdate, &[d, v])?;
            }
            Instr::DictMerge { dict, src, func } => {
                let (d, v, f) = (self.read(dict), self.read(src), self.read(func));
                self.call_helper(HelperKind::DictMerge, &[d, v, f])?;
            }
            Instr::ListToTuple { dst, src } => {
                let l = self.read(src);
                self.guard_type(l, vm.heap.types().list);
                let r = self.call_helper(HelperKind::ListToTuple, &[l])?;
                self.known_type(r, vm.heap.types().tuple);
                self.write(dst, r);
            }
            Instr::CallEx { dst, func, args, kwargs } => {
                let (f, a) = (self.read(func), self.read(args));
                let k = match kwargs {
                    Some(k) => self.read(k),
                    None => self.b.kword(EMPTY_BITS),
                };
                let r = self.call_helper(HelperKind::CallEx, &[f, a, k])?;
                self.write(dst, r);
            }
            Instr::DeleteAttr { obj, name } => {
                let o = self.read(obj);
                let n = self.constant(code.name_value(name));
                self.call_helper(HelperKind::DeleteAttr, &[o, n])?;
            }
            Instr::UnpackEx { src, start, before, after } => {
                let count = before as usize + 1 + after as usize;
                if count > SCRATCH_WORDS {
                    return abort("too many targets to unpack");
                }
                let w = self.read(src);
                let (b, a) = (self.b.kword(before as u64), self.b.kword(after as u64));
                self.call_helper(HelperKind::UnpackEx, &[w, b, a])?;
                for i in 0..count {
                    let v = self.scratch_word(vm, i);
                    self.write(start + i as Reg, v);
                }
            }
            Instr::WithEnter { mgr, exit_dst, value_dst } => {
                let m = self.read(mgr);
                let entered = self.call_helper(HelperKind::WithEnter, &[m])?;
                let exit = self.scratch_word(vm, 0);
                self.write(exit_dst, exit);
                self.write(value_dst, entered);
            }
            Instr::DeleteSubscr { obj, key } => {
                let (o, k) = (self.read(obj), self.read(key));
                self.call_helper(HelperKind::DeleteSubscr, &[o, k])?;
            }
            other => return abort(format!("unsupported instruction {other:?}")),
        }
        Ok(Step::Continue)
    }

    /// Guards that local `s` (now `value`) is bound; an unbound one (the
    /// interpreter is about to raise) aborts.
    fn guard_bound(&mut self, s: Reg, value: Value) -> RecResult {
        if value.is_empty() {
            return abort("unbound local");
        }
        let w = self.read(s);
        if !self.is_constant(w) {
            let bits = self.bits(w);
            let empty = self.b.kint(EMPTY_BITS as i64);
            let bound = self.b.op(Op::Ne, Type::Bool, &[bits, empty]);
            self.guard(Op::GuardTrue, &[bound], 0);
        }
        Ok(())
    }

    /// The receiver a `CallMethod` at `base` passes (its word and value,
    /// now `value`), or None when the `LoadMethod` left the attribute
    /// itself in `base` (its generic path).
    fn method_receiver(&mut self, base: Reg, value: Value) -> Option<(Val, Value)> {
        let rw = self.read(base + 1);
        let no_receiver = if self.is_constant(rw) {
            self.b.trace().inst(rw).imm as u64 == EMPTY_BITS
        } else {
            // The `LoadMethod` ran before this (side) trace began: the
            // slot's value now says which form the call takes.
            let empty_now = value.is_empty();
            let bits = self.bits(rw);
            let empty = self.b.kint(EMPTY_BITS as i64);
            let is_empty = self.b.op(Op::Eq, Type::Bool, &[bits, empty]);
            let op = if empty_now { Op::GuardTrue } else { Op::GuardFalse };
            self.guard(op, &[is_empty], 0);
            empty_now
        };
        (!no_receiver).then_some((rw, value))
    }

    /// Ends a trace that does not loop: it leaves for `pc` (a loop
    /// header, or an instruction it cannot record) with the slots it
    /// changed. Outside inlined calls it writes them into the state's
    /// frame mirror and exits with nothing more to restore, so the exit can
    /// be linked to the trace that starts at `pc`; each pass counts in
    /// `*passes`. Whether it did is the second result.
    pub fn finish_at(mut self, pc: u32, passes: *const u64) -> (traces::Trace, bool) {
        if self.depth() > 0 {
            let s = self.snap_at(pc, &[]);
            self.b.exit(s);
            return (self.b.into_trace(), false);
        }
        let mut changed: Vec<(u32, Val)> =
            self.live_slots(pc).map(|(k, v)| (k as u32, v)).collect();
        changed.sort_by_key(|(k, _)| *k);
        for (slot, v) in changed {
            self.b.store_state(MIRROR + slot, v);
        }
        super::link::count_pass(&mut self.b, passes);
        let frame = SnapFrame { pc, base: 0, slots: vec![] };
        let s = self.b.snapshot(Snapshot { frames: vec![frame], virtuals: vec![] });
        self.b.exit(s);
        (self.b.into_trace(), true)
    }

    /// The loop frame's slots this iteration changed, but for the
    /// temporaries dead at `header`, where it ends (the `Loop`
    /// instructions back to a header say which those are).
    fn live_slots(&self, header: u32) -> impl Iterator<Item = (Reg, Val)> + '_ {
        let dead_from = back_edge(&self.frames[0].code, header).map_or(Reg::MAX, |(_, live)| live);
        self.frames[0].slots.iter().filter(move |(k, _)| **k < dead_from).map(|(k, v)| (*k, *v))
    }

    /// Ends the recording: the loop frame's slots the iteration changed,
    /// for the optimizer.
    pub fn finish(self) -> Recording {
        // The optimizer pairs each with the input of the same state word.
        let mut end: Vec<(u32, Val)> =
            self.live_slots(self.header).map(|(k, v)| (MIRROR + k as u32, v)).collect();
        end.sort_by_key(|(k, _)| *k);
        let mut rec = self.b.close_loop(end);
        rec.slot_base = MIRROR;
        rec
    }
}
