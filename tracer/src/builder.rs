//! The trace builder the interpreter's recorder calls op by op. Every
//! instruction goes through the fold engine and CSE as it is emitted (as
//! LuaJIT's `emitir` goes through FOLD): constants are evaluated, identities
//! and box/unbox pairs cancel, guards implied by earlier guards or by
//! constants vanish, and pure instructions already computed are reused. The
//! optimizer's passes re-emit traces through the same builder.
//!
//! How the recorder uses it, for `total += i` in a loop over slot 0 (the
//! counter) and slot 2 (the total):
//!
//! ```
//! use tracer::{optimize_recording, BoxLayout, TraceBuilder};
//! use traces::{Op, SnapFrame, SnapValue, Snapshot, Type};
//!
//! let layout = BoxLayout {
//!     tag_shift: 48,
//!     int_tag: 0xFFF9,
//!     payload_mask: (1 << 48) - 1,
//!     first_tag: 0xFFF9 << 48,
//!     int_kind: Some(1),
//!     float_kind: Some(2),
//! };
//! let frame = |slots: Vec<(u32, SnapValue)>| Snapshot {
//!     frames: vec![SnapFrame { pc: 7, base: 0, slots }],
//!     virtuals: vec![],
//! };
//! let mut b = TraceBuilder::with_layout("example", layout);
//! let (wi, wt) = (b.input(Type::Word, 0), b.input(Type::Word, 2));
//! let entry = b.snapshot(frame(vec![]));
//! b.guard_int(wi, entry)?;
//! b.guard_int(wt, entry)?;
//! let (i, t) = (b.unbox_int(wi)?, b.unbox_int(wt)?);
//! let t1 = b.guard(Op::AddOv, &[t, i], 0, entry).expect("not constant");
//! b.guard_small_int(t1, entry)?;
//! let wt1 = b.box_int(t1)?;
//! let trace = optimize_recording(&b.close_loop(vec![(2, wt1)]))?;
//! assert!(traces::verify::verify(&trace).is_ok());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use traces::hash::WordMap;
use traces::trace::{HelperId, SnapId};
use traces::{Alias, Helper, Inst, Op, SnapValue, Snapshot, Trace, Type, Val};

use crate::opt::boxes::{BoxFacts, BoxKind, BoxLayout};
use crate::opt::cse::CseTable;
use crate::opt::fold::{fold, Folded, Operands};
use crate::opt::guards::GuardSet;
use crate::opt::memory::{Access, MemoryTable};

/// A box method was called on a builder made without a [`BoxLayout`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoBoxLayout;

impl std::fmt::Display for NoBoxLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the trace builder has no box layout")
    }
}

impl std::error::Error for NoBoxLayout {}

/// A trace under construction, folded as it grows.
#[derive(Clone, Debug)]
pub struct TraceBuilder {
    trace: Trace,
    cse: CseTable,
    guards: GuardSet,
    boxes: BoxFacts,
    memory: MemoryTable,
    inputs: WordMap<u32, Val>,
    layout: Option<BoxLayout>,
}

/// The operands' definitions, as the fold rules see them.
pub(crate) struct Defs<'a>(pub &'a Trace);

impl Operands for Defs<'_> {
    fn def(&self, v: Val) -> &Inst {
        self.0.inst(v)
    }
}

/// A recorded loop iteration, ready for the optimizer
/// ([`crate::opt::optimize_recording`]).
#[derive(Clone, Debug)]
pub struct Recording {
    /// Inputs and the iteration's instructions, without a terminator.
    pub trace: Trace,
    /// State words of root-frame slots changed by the iteration (as the
    /// inputs name them), with their values at its end (where the next
    /// iteration starts).
    pub end: Vec<(u32, Val)>,
    pub layout: Option<BoxLayout>,
    /// The state word of root-frame slot 0: snapshots name slot `k`, which
    /// inputs read from word `slot_base + k`.
    pub slot_base: u32,
}

impl TraceBuilder {
    /// A builder that knows nothing about boxing.
    pub fn new(name: &str) -> TraceBuilder {
        TraceBuilder {
            trace: Trace::new(name),
            cse: CseTable::default(),
            guards: GuardSet::default(),
            boxes: BoxFacts::default(),
            memory: MemoryTable::default(),
            inputs: WordMap::default(),
            layout: None,
        }
    }

    /// A builder that recognises boxing sequences of `layout`.
    pub fn with_layout(name: &str, layout: BoxLayout) -> TraceBuilder {
        TraceBuilder { layout: Some(layout), ..TraceBuilder::new(name) }
    }

    pub fn layout(&self) -> Option<BoxLayout> {
        self.layout
    }

    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    pub fn into_trace(self) -> Trace {
        self.trace
    }

    pub fn ty(&self, v: Val) -> Type {
        self.trace.ty(v)
    }

    /// The payload of `w` if it is a known box.
    pub fn known_box(&self, w: Val) -> Option<(BoxKind, Val)> {
        self.boxes.get(w)
    }

    pub fn add_helper(&mut self, helper: Helper) -> HelperId {
        self.trace.add_helper(helper)
    }

    /// Adds a snapshot; known boxes in it become virtual objects (when the
    /// layout names their kinds) so their boxing need not run.
    pub fn snapshot(&mut self, snap: Snapshot) -> SnapId {
        let snap = match &self.layout {
            Some(layout) => self.boxes.sink(layout, &Defs(&self.trace), snap),
            None => snap,
        };
        // Consecutive guards often resume in the same state: share it.
        match self.trace.snapshots.last() {
            Some(last) if *last == snap => self.trace.snapshots.len() as SnapId - 1,
            _ => self.trace.add_snapshot(snap),
        }
    }

    /// Emits `inst` through fold, CSE and guard elimination. The result is
    /// the instruction's value (an earlier equal value, a constant, ...),
    /// or `None` for a guard that cannot fail.
    pub fn emit(&mut self, mut inst: Inst) -> Option<Val> {
        loop {
            if inst.op.is_guard() && self.guard_implied(&inst) {
                return None;
            }
            let defs = Defs(&self.trace);
            let folded = self
                .layout
                .as_ref()
                .and_then(|layout| self.boxes.fold(layout, &defs, &inst))
                .unwrap_or_else(|| fold(&defs, inst));
            match folded {
                Folded::Emit(i) => return Some(self.push(i)),
                Folded::Same(v) => return Some(v),
                Folded::Const(op, bits) => return Some(self.constant(op, bits)),
                Folded::Drop => return None,
                Folded::Rebase(x, k) => {
                    let k = self.kint(k);
                    inst = Inst::new(Op::Add, Type::Int, [x, k]);
                }
            }
        }
    }

    fn guard_implied(&self, inst: &Inst) -> bool {
        let proven = match inst.op {
            Op::GuardTrue => self.guards.known_bool(inst.args[0]) == Some(true),
            Op::GuardFalse => self.guards.known_bool(inst.args[0]) == Some(false),
            _ => false,
        };
        proven || self.guards.implied(inst)
    }

    /// Appends `inst` unless an equal pure instruction exists or it loads
    /// a known value.
    fn push(&mut self, inst: Inst) -> Val {
        if let Some(v) = self.cse.find(&inst).or_else(|| self.memory.forward(&inst)) {
            return v;
        }
        let v = self.trace.push(inst.clone());
        let trace = &self.trace;
        self.memory.record(&inst, v, |a| trace.ty(a), &trace.helpers);
        self.cse.insert(&inst, v);
        self.guards.insert(&inst);
        if let Some(layout) = &self.layout {
            self.boxes.learn(layout, &Defs(&self.trace), &inst, v);
        }
        v
    }

    /// A constant (one instruction per distinct constant).
    pub fn constant(&mut self, op: Op, bits: i64) -> Val {
        let ty = match op.info().result {
            traces::ops::Result::Fixed(t) => t,
            _ => Type::Void,
        };
        let mut inst = Inst::new(op, ty, []);
        inst.imm = bits;
        self.push(inst)
    }

    pub fn kint(&mut self, v: i64) -> Val {
        self.constant(Op::KInt, v)
    }

    pub fn kflt(&mut self, v: f64) -> Val {
        self.constant(Op::KFloat, v.to_bits() as i64)
    }

    pub fn kword(&mut self, bits: u64) -> Val {
        self.constant(Op::KWord, bits as i64)
    }

    pub fn kref(&mut self, bits: u64) -> Val {
        self.constant(Op::KRef, bits as i64)
    }

    pub fn kbool(&mut self, b: bool) -> Val {
        self.constant(Op::KBool, b as i64)
    }

    /// The word of state slot `slot` at trace entry (read once).
    pub fn input(&mut self, ty: Type, slot: u32) -> Val {
        if let Some(&v) = self.inputs.get(&slot) {
            return v;
        }
        let mut inst = Inst::new(Op::Input, ty, []);
        inst.imm = slot as i64;
        let v = self.trace.push(inst);
        self.inputs.insert(slot, v);
        v
    }

    /// A value op (arithmetic, compare, conversion), folded.
    pub fn op(&mut self, op: Op, ty: Type, args: &[Val]) -> Val {
        let ty = traces::trace::result_type(op, ty);
        let inst = Inst::new(op, ty, args);
        // Only guards fold to nothing, and a value op is not one.
        self.emit(inst).unwrap_or(Val(0))
    }

    /// A guard (`guard.*`, or a checked op such as `addov`): its value, or
    /// `None` when it cannot fail and was dropped.
    pub fn guard(&mut self, op: Op, args: &[Val], imm: i64, snap: SnapId) -> Option<Val> {
        let mut inst = Inst::new(op, traces::trace::result_type(op, Type::Int), args);
        inst.imm = imm;
        inst.snap = Some(snap);
        self.emit(inst)
    }

    pub fn load(&mut self, op: Op, base: Val, index: Option<(Val, u8)>, offset: i32) -> Val {
        self.load_as(Alias::ANY, op, base, index, offset)
    }

    pub fn store(&mut self, op: Op, value: Val, base: Val, index: Option<(Val, u8)>, offset: i32) {
        self.store_as(Alias::ANY, op, value, base, index, offset)
    }

    /// A load of memory of kind `alias`.
    pub fn load_as(
        &mut self,
        alias: Alias,
        op: Op,
        base: Val,
        index: Option<(Val, u8)>,
        offset: i32,
    ) -> Val {
        let ty = traces::trace::result_type(op, Type::Void);
        let mut inst = access(op, ty, vec![base], index, offset);
        inst.alias = alias;
        self.push(inst)
    }

    /// A store to memory of kind `alias`.
    pub fn store_as(
        &mut self,
        alias: Alias,
        op: Op,
        value: Val,
        base: Val,
        index: Option<(Val, u8)>,
        offset: i32,
    ) {
        let mut inst = access(op, Type::Void, vec![value, base], index, offset);
        inst.alias = alias;
        self.push(inst);
    }

    pub fn call(&mut self, helper: HelperId, args: &[Val]) -> Val {
        let mut inst = Inst::new(Op::Call, self.trace.helpers[helper as usize].ret, args);
        inst.helper = Some(helper);
        self.push(inst)
    }

    /// The `loop` label; then [`Self::phi`]s, the body and [`Self::jump`].
    pub fn loop_label(&mut self) -> Val {
        self.memory.clear();
        self.trace.push(Inst::new(Op::Loop, Type::Void, []))
    }

    /// The `loop` label, keeping what the preamble knows of memory of
    /// named alias kinds, but for `excluded` (see
    /// [`MemoryTable::keep_across_loop`]). Returns the label and what was
    /// kept, which the caller must check against the body it emits.
    pub fn loop_label_keeping(&mut self, excluded: &[Access]) -> (Val, MemoryTable) {
        self.memory.keep_across_loop(excluded);
        let kept = self.memory.clone();
        (self.trace.push(Inst::new(Op::Loop, Type::Void, [])), kept)
    }

    pub fn phi(&mut self, init: Val) -> Val {
        let ty = self.trace.ty(init);
        self.trace.push(Inst::new(Op::Phi, ty, [init]))
    }

    pub fn jump(&mut self, next: &[Val]) {
        self.trace.push(Inst::new(Op::Jump, Type::Void, next));
    }

    /// Writes `v` into state word `word` (see `Op::StState`).
    pub fn store_state(&mut self, word: u32, v: Val) {
        let mut inst = Inst::new(Op::StState, Type::Void, [v]);
        inst.imm = word as i64;
        self.trace.push(inst);
    }

    /// Ends a trace without a loop.
    pub fn exit(&mut self, snap: SnapId) {
        let mut inst = Inst::new(Op::Exit, Type::Void, []);
        inst.snap = Some(snap);
        self.trace.push(inst);
    }

    /// Ends the recording of one loop iteration: `end` gives the root-frame
    /// slots the iteration changed and their values at its end.
    pub fn close_loop(self, end: Vec<(u32, Val)>) -> Recording {
        Recording { trace: self.trace, end, layout: self.layout, slot_base: 0 }
    }

    fn need_layout(&self) -> Result<BoxLayout, NoBoxLayout> {
        self.layout.ok_or(NoBoxLayout)
    }

    /// Exits unless the int `x` fits the payload of a boxed int (else the
    /// interpreter makes a big int).
    pub fn guard_small_int(&mut self, x: Val, snap: SnapId) -> Result<(), NoBoxLayout> {
        let l = self.need_layout()?;
        let shift = self.kint(64 - l.tag_shift as i64);
        let up = self.op(Op::Shl, Type::Int, &[x, shift]);
        let back = self.op(Op::Sar, Type::Int, &[up, shift]);
        let fits = self.op(Op::Eq, Type::Bool, &[back, x]);
        self.guard(Op::GuardTrue, &[fits], 0, snap);
        Ok(())
    }

    /// Boxes an int that fits the payload (the caller checked its range,
    /// with [`Self::guard_small_int`]).
    pub fn box_int(&mut self, x: Val) -> Result<Val, NoBoxLayout> {
        let l = self.need_layout()?;
        let mask = self.kint(l.payload_mask as i64);
        let tag = self.kint((l.int_tag << l.tag_shift) as i64);
        let payload = self.op(Op::And, Type::Int, &[x, mask]);
        let bits = self.op(Op::Or, Type::Int, &[payload, tag]);
        Ok(self.op(Op::Cast, Type::Word, &[bits]))
    }

    /// The int in a word known (guarded) to box one.
    pub fn unbox_int(&mut self, w: Val) -> Result<Val, NoBoxLayout> {
        let l = self.need_layout()?;
        let shift = self.kint(64 - l.tag_shift as i64);
        let bits = self.op(Op::Cast, Type::Int, &[w]);
        let up = self.op(Op::Shl, Type::Int, &[bits, shift]);
        Ok(self.op(Op::Sar, Type::Int, &[up, shift]))
    }

    /// Exits unless `w` boxes an int.
    pub fn guard_int(&mut self, w: Val, snap: SnapId) -> Result<(), NoBoxLayout> {
        let l = self.need_layout()?;
        let shift = self.kint(l.tag_shift as i64);
        let bits = self.op(Op::Cast, Type::Int, &[w]);
        let tag = self.op(Op::Shr, Type::Int, &[bits, shift]);
        self.guard(Op::GuardEq, &[tag], l.int_tag as i64, snap);
        Ok(())
    }

    /// Boxes a float (the caller canonicalised NaNs).
    pub fn box_float(&mut self, x: Val) -> Val {
        self.op(Op::FToW, Type::Word, &[x])
    }

    pub fn unbox_float(&mut self, w: Val) -> Val {
        self.op(Op::WToF, Type::Float, &[w])
    }

    /// Exits unless `w` is a float.
    pub fn guard_float(&mut self, w: Val, snap: SnapId) -> Result<(), NoBoxLayout> {
        let l = self.need_layout()?;
        let limit = self.kint(l.first_tag as i64);
        let bits = self.op(Op::Cast, Type::Int, &[w]);
        let is_float = self.op(Op::ULt, Type::Bool, &[bits, limit]);
        self.guard(Op::GuardTrue, &[is_float], 0, snap);
        Ok(())
    }

    /// Reboxes `x` as `kind` (for a loop-carried value kept unboxed).
    pub(crate) fn rebox(&mut self, kind: BoxKind, x: Val) -> Result<Val, NoBoxLayout> {
        match kind {
            BoxKind::Int => self.box_int(x),
            BoxKind::Float => Ok(self.box_float(x)),
        }
    }
}

/// A load or store of `args` (value first for a store, then the base) at
/// `[base + index*scale + offset]`.
fn access(op: Op, ty: Type, mut args: Vec<Val>, index: Option<(Val, u8)>, offset: i32) -> Inst {
    let mut scale = 1;
    if let Some((index, s)) = index {
        args.push(index);
        scale = s;
    }
    let mut inst = Inst::new(op, ty, args);
    inst.scale = scale;
    inst.imm = offset as i64;
    inst
}

/// A snapshot's values mapped through `f`.
pub(crate) fn map_snapshot(snap: &Snapshot, f: &mut dyn FnMut(Val) -> Val) -> Snapshot {
    let mut snap = snap.clone();
    let slots = snap.frames.iter_mut().flat_map(|fr| fr.slots.iter_mut());
    let fields = snap.virtuals.iter_mut().flat_map(|o| o.fields.iter_mut());
    for (_, value) in slots.chain(fields) {
        if let SnapValue::Val(v) = value {
            *v = f(*v);
        }
    }
    snap
}
