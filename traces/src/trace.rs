//! The trace: instructions in SSA form (an instruction's index is the name of
//! its value), the snapshots its guards carry, and the helpers it calls.

use crate::args::Args;
use crate::ops::{Flags, Op};
use crate::types::Type;

/// An SSA value: the index of the instruction that defines it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Val(pub u32);

impl Val {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Index into [`Trace::snapshots`].
pub type SnapId = u32;
/// Index into [`Trace::helpers`].
pub type HelperId = u32;

/// One instruction. Which fields mean something is given by its op's row in
/// the opcode table: `imm` holds a constant, a state slot or a memory offset;
/// `scale` the index scale of an indexed memory access; `alias` the kind of
/// memory an access touches; `snap` the snapshot of a guard; `helper` the
/// callee of a call.
#[derive(Clone, Debug, PartialEq)]
pub struct Inst {
    pub op: Op,
    pub ty: Type,
    pub args: Args,
    pub imm: i64,
    pub scale: u8,
    pub alias: Alias,
    pub snap: Option<SnapId>,
    pub helper: Option<HelperId>,
}

/// The kind of memory a load or store touches, as the front end that built
/// the trace names it. [`Alias::ANY`] may overlap anything; two other kinds
/// that differ never overlap, so a store of one kind leaves what the
/// optimizer knows of other kinds' memory intact (PyPy's field descriptors,
/// LuaJIT's per-op alias classes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Alias(pub u8);

impl Alias {
    pub const ANY: Alias = Alias(0);

    /// Whether accesses of kinds `self` and `other` may overlap.
    pub fn may_overlap(self, other: Alias) -> bool {
        self == Alias::ANY || other == Alias::ANY || self == other
    }
}

impl Inst {
    pub fn new(op: Op, ty: Type, args: impl Into<Args>) -> Inst {
        Inst {
            op,
            ty,
            args: args.into(),
            imm: 0,
            scale: 1,
            alias: Alias::ANY,
            snap: None,
            helper: None,
        }
    }

    /// For a load or store: (base, index) of the address.
    pub fn address(&self) -> (Val, Option<Val>) {
        let addr = if self.op.flags().has(Flags::STORE) { &self.args[1..] } else { &self.args[..] };
        (addr[0], addr.get(1).copied())
    }
}

/// What a frame slot or a virtual object's field holds at a guard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapValue {
    /// An SSA value (a constant if it is defined by a constant op).
    Val(Val),
    /// A virtual (allocation-removed) object of the same snapshot.
    Virtual(u32),
}

/// An inlined frame: the pc to resume at, where its slots start on the
/// interpreter's value stack, and the slots that differ from the
/// interpreter's state at trace entry.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SnapFrame {
    pub pc: u32,
    pub base: u32,
    pub slots: Vec<(u32, SnapValue)>,
}

/// An object the optimizer did not allocate; deopt builds it from its fields.
/// `kind` and the field keys mean what the interpreter says they mean.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct VirtualObject {
    pub kind: u32,
    pub fields: Vec<(u32, SnapValue)>,
}

/// The state to rebuild when a guard fails: frames outermost first.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Snapshot {
    pub frames: Vec<SnapFrame>,
    pub virtuals: Vec<VirtualObject>,
}

impl Snapshot {
    /// The snapshot's values in order: every `SnapValue::Val` of the
    /// frames' slots, then of the virtuals' fields. An exit writes those
    /// that are not constants into its exit record
    /// ([`Trace::record_values`]).
    pub fn values(&self) -> impl Iterator<Item = Val> + '_ {
        let slots = self.frames.iter().flat_map(|f| f.slots.iter());
        let fields = self.virtuals.iter().flat_map(|v| v.fields.iter());
        slots.chain(fields).filter_map(|(_, v)| match v {
            SnapValue::Val(v) => Some(*v),
            SnapValue::Virtual(_) => None,
        })
    }
}

/// A native function the trace calls, System V C ABI, at most six gpr and
/// eight float arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Helper {
    pub name: String,
    pub addr: u64,
    pub args: Vec<Type>,
    pub ret: Type,
    /// The helper may raise: the tracer follows the call with a guard on its
    /// result.
    pub may_raise: bool,
    /// The helper may run the GC: every live ref must be in a snapshot.
    pub may_collect: bool,
    /// The helper only allocates an object from its arguments. When only
    /// snapshots use what it returns, the optimizer drops the call, and
    /// those snapshots hold a virtual object of this kind whose field `i`
    /// is argument `i` (deopt allocates it).
    pub sinks_to: Option<u32>,
    /// The helper writes no memory a trace loads (it computes, or builds a
    /// new object): what the optimizer knows of memory holds across it.
    pub writes_nothing: bool,
}

/// A linear SSA trace. Layout: inputs and constants, the preamble, then
/// optionally `loop`, the phis (loop-carried values, each taking its
/// preamble value), the loop body and `jump` with the phis' next values. A
/// trace without a loop ends with `exit`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Trace {
    pub name: String,
    pub insts: Vec<Inst>,
    pub snapshots: Vec<Snapshot>,
    pub helpers: Vec<Helper>,
    /// Words of state the caller always provides, whatever the trace
    /// touches: traces that hand each other values through the state area
    /// share its layout (set after optimization, just before compiling).
    pub min_state_words: usize,
}

impl Trace {
    pub fn new(name: &str) -> Trace {
        Trace { name: name.to_string(), ..Trace::default() }
    }

    pub fn inst(&self, v: Val) -> &Inst {
        &self.insts[v.index()]
    }

    pub fn ty(&self, v: Val) -> Type {
        self.insts[v.index()].ty
    }

    /// Appends an instruction, returning its value.
    pub fn push(&mut self, inst: Inst) -> Val {
        self.insts.push(inst);
        Val(self.insts.len() as u32 - 1)
    }

    /// The index of the `loop` instruction, if the trace loops.
    pub fn loop_start(&self) -> Option<usize> {
        self.insts.iter().position(|i| i.op == Op::Loop)
    }

    /// The values an exit through `snap` writes into its exit record, in
    /// record order: the snapshot's values that are not constants. Word `k`
    /// of the record is the `k`-th of these; whoever reads the record takes
    /// the constants from the trace ([`Trace::const_bits`]). A snapshot
    /// names many constants (functions, code objects, None), and writing
    /// each one at each exit was a third of the compiled code.
    pub fn record_values<'a>(&'a self, snap: &'a Snapshot) -> impl Iterator<Item = Val> + 'a {
        snap.values().filter(move |v| !self.insts[v.index()].op.is_const())
    }

    /// The values of `snap` in [`Snapshot::values`] order, from an exit
    /// record and the trace's constants (0 past the record's end).
    pub fn unpack_record(&self, snap: &Snapshot, record: &[u64]) -> Vec<u64> {
        let mut taken = 0;
        snap.values().map(|v| self.record_word(v, record, &mut taken).unwrap_or(0)).collect()
    }

    /// The bits of snapshot value `v` read in record order: its constant,
    /// or the record's next word (`*taken` counts the words read so far).
    /// None past the record's end.
    pub fn record_word(&self, v: Val, record: &[u64], taken: &mut usize) -> Option<u64> {
        if let Some(bits) = self.const_bits(v) {
            return Some(bits);
        }
        *taken += 1;
        record.get(*taken - 1).copied()
    }

    /// The bits of `v` if it is a constant (floats as their bits).
    pub fn const_bits(&self, v: Val) -> Option<u64> {
        let inst = &self.insts[v.index()];
        inst.op.is_const().then_some(inst.imm as u64)
    }

    /// Exit numbers: the instruction index of each guard, in order.
    pub fn exits(&self) -> Vec<usize> {
        (0..self.insts.len()).filter(|&i| self.insts[i].op.is_guard()).collect()
    }

    /// Words of state the compiled trace reads (inputs) and writes (state
    /// stores, exit records): the largest such word + 1.
    pub fn state_words(&self) -> usize {
        let inputs = self
            .insts
            .iter()
            .filter(|i| matches!(i.op, Op::Input | Op::StState))
            .map(|i| i.imm as usize + 1);
        let exits = self.snapshots.iter().map(|s| self.record_values(s).count());
        inputs.chain(exits).max().unwrap_or(0).max(self.min_state_words)
    }

    pub fn add_helper(&mut self, helper: Helper) -> HelperId {
        self.helpers.push(helper);
        self.helpers.len() as HelperId - 1
    }

    pub fn add_snapshot(&mut self, snap: Snapshot) -> SnapId {
        self.snapshots.push(snap);
        self.snapshots.len() as SnapId - 1
    }

    /// Points the helper called `name` at `addr` (text traces name helpers
    /// whose address is only known at run time).
    pub fn bind_helper(&mut self, name: &str, addr: u64) -> bool {
        match self.helpers.iter_mut().find(|h| h.name == name) {
            Some(h) => {
                h.addr = addr;
                true
            }
            None => false,
        }
    }

    // Builders, one per operand shape; they do not check (the verifier does).

    pub fn constant(&mut self, op: Op, bits: i64) -> Val {
        let ty = match op {
            Op::KInt => Type::Int,
            Op::KFloat => Type::Float,
            Op::KWord => Type::Word,
            Op::KRef => Type::Ref,
            _ => Type::Bool,
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

    pub fn input(&mut self, ty: Type, slot: u32) -> Val {
        let mut inst = Inst::new(Op::Input, ty, []);
        inst.imm = slot as i64;
        self.push(inst)
    }

    /// An op whose result type is fixed by the table (or given as `ty`).
    pub fn op(&mut self, op: Op, ty: Type, args: &[Val]) -> Val {
        self.push(Inst::new(op, ty, args))
    }

    pub fn guard(&mut self, op: Op, args: &[Val], imm: i64, snap: SnapId) -> Val {
        let mut inst = Inst::new(op, result_type(op, Type::Int), args);
        inst.imm = imm;
        inst.snap = Some(snap);
        self.push(inst)
    }

    pub fn load(&mut self, op: Op, base: Val, index: Option<(Val, u8)>, offset: i32) -> Val {
        let mut inst = Inst::new(op, result_type(op, Type::Void), [base]);
        if let Some((index, scale)) = index {
            inst.args.push(index);
            inst.scale = scale;
        }
        inst.imm = offset as i64;
        self.push(inst)
    }

    pub fn store(&mut self, op: Op, value: Val, base: Val, index: Option<(Val, u8)>, offset: i32) {
        let mut inst = Inst::new(op, Type::Void, [value, base]);
        if let Some((index, scale)) = index {
            inst.args.push(index);
            inst.scale = scale;
        }
        inst.imm = offset as i64;
        self.push(inst);
    }

    pub fn call(&mut self, helper: HelperId, args: &[Val]) -> Val {
        let mut inst = Inst::new(Op::Call, self.helpers[helper as usize].ret, args);
        inst.helper = Some(helper);
        self.push(inst)
    }
}

/// The result type the table fixes for `op`, or `given` where the
/// instruction chooses.
pub fn result_type(op: Op, given: Type) -> Type {
    match op.info().result {
        crate::ops::Result::Void => Type::Void,
        crate::ops::Result::Fixed(t) => t,
        _ => given,
    }
}
