//! The recorder: while the interpreter runs one iteration of a hot loop,
//! each instruction is turned into IR *before* it executes, using the
//! operands' current values to choose guards (their types) and the path
//! (branch directions). When the interpreter jumps back to the loop header
//! the recording becomes a trace: inputs, the loop label, phis for the
//! loop-carried slots, the body and the jump.
//!
//! Frame slots hold NaN-boxed words. The recorder keeps every slot's value
//! as a word and remembers, for words it boxed itself, the unboxed int,
//! float or compare result, so that a box followed by an unbox costs
//! nothing. Every guard's snapshot lists the slots whose value differs from
//! the frame at trace entry; the interpreter resumes at the instruction
//! whose guard failed, which the trace has not yet begun to change.

use std::collections::{HashMap, HashSet};

use traces::{Op, SnapFrame, SnapValue, Snapshot, Trace, Type, Val};

use crate::bytecode::instr::{BinOp, CmpOp, Reg, UnaryOp};
use crate::bytecode::Instr;
use crate::object::header::HEADER_TYPE_OFFSET;
use crate::object::value::{
    EMPTY_BITS, FALSE_BITS, FIRST_TAG, INT_TAG_BITS, PAYLOAD_MASK, TAG_INT, TAG_PTR, TAG_SHIFT,
    TRUE_BITS,
};
use crate::object::Value;
use crate::vm::iter::{
    SEQ_ITER_INDEX_OFFSET, SEQ_ITER_RANGE_LEN_OFFSET, SEQ_ITER_RANGE_START_OFFSET,
    SEQ_ITER_RANGE_STEP_OFFSET,
};

/// A value while recording: a frame slot as the iteration found it, or the
/// result of a recorded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RVal {
    Head(Reg),
    Inst(u32),
}

/// A recorded instruction, operands not yet resolved to the final trace.
#[derive(Clone, Debug)]
struct RInst {
    op: Op,
    ty: Type,
    args: Vec<RVal>,
    imm: i64,
    /// The snapshot of a guard: index into `Recorder::snapshots`.
    snap: Option<usize>,
}

/// The slots written so far in this iteration and where to resume.
#[derive(Clone, Debug)]
struct RSnapshot {
    pc: u32,
    written: Vec<(Reg, RVal)>,
}

/// Why recording stopped without a trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abort(pub String);

pub type RecResult<T = ()> = Result<T, Abort>;

fn abort<T>(why: impl Into<String>) -> RecResult<T> {
    Err(Abort(why.into()))
}

/// The words a type guard distinguishes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Int,
    Float,
    Bool,
}

pub struct Recorder {
    /// The loop header: where the trace starts and its jump returns.
    pub header: u32,
    /// The address of the `range_iterator` type object (what an iterator's
    /// header points to).
    range_iterator_type: u64,
    /// Iterator words already checked to be range iterators.
    checked_iters: HashSet<RVal>,
    /// Bytecode executed, for `--trace-dump`.
    pub listing: Vec<(u32, Instr)>,
    insts: Vec<RInst>,
    snapshots: Vec<RSnapshot>,
    /// Slot values written in this iteration.
    slots: HashMap<Reg, RVal>,
    /// Words whose kind a guard (or their definition) established.
    known: HashMap<RVal, Kind>,
    /// Unboxed payloads of words: the int, float or bool behind them.
    unboxed: HashMap<RVal, RVal>,
    consts: HashMap<(Op, i64), RVal>,
    /// The instruction being recorded (its snapshots resume there).
    pc: u32,
}

/// Longest iteration recorded before giving up.
const MAX_RECORDED: usize = 4000;

impl Recorder {
    pub fn new(header: u32, range_iterator_type: u64) -> Recorder {
        Recorder {
            header,
            range_iterator_type,
            checked_iters: HashSet::new(),
            listing: Vec::new(),
            insts: Vec::new(),
            snapshots: Vec::new(),
            slots: HashMap::new(),
            known: HashMap::new(),
            unboxed: HashMap::new(),
            consts: HashMap::new(),
            pc: header,
        }
    }

    // ---- emitting

    fn emit(&mut self, op: Op, ty: Type, args: &[RVal], imm: i64) -> RVal {
        let ty = traces::trace::result_type(op, ty);
        self.insts.push(RInst { op, ty, args: args.to_vec(), imm, snap: None });
        RVal::Inst(self.insts.len() as u32 - 1)
    }

    fn konst(&mut self, op: Op, bits: i64) -> RVal {
        if let Some(v) = self.consts.get(&(op, bits)) {
            return *v;
        }
        let ty = match op {
            Op::KInt => Type::Int,
            Op::KFloat => Type::Float,
            _ => Type::Word,
        };
        let v = self.emit(op, ty, &[], bits);
        self.consts.insert((op, bits), v);
        v
    }

    fn kint(&mut self, v: i64) -> RVal {
        self.konst(Op::KInt, v)
    }

    fn kword(&mut self, bits: u64) -> RVal {
        self.konst(Op::KWord, bits as i64)
    }

    /// A guard resuming at the current instruction.
    fn guard(&mut self, op: Op, args: &[RVal], imm: i64) {
        let written = self.slots.iter().map(|(k, v)| (*k, *v)).collect();
        self.snapshots.push(RSnapshot { pc: self.pc, written });
        let snap = self.snapshots.len() - 1;
        self.insts.push(RInst { op, ty: Type::Void, args: args.to_vec(), imm, snap: Some(snap) });
    }

    fn read(&self, slot: Reg) -> RVal {
        self.slots.get(&slot).copied().unwrap_or(RVal::Head(slot))
    }

    fn write(&mut self, slot: Reg, v: RVal) {
        self.slots.insert(slot, v);
    }

    fn as_int_bits(&mut self, w: RVal) -> RVal {
        self.emit(Op::Cast, Type::Int, &[w], 0)
    }

    // ---- kinds: guards, unboxing, boxing

    /// Guards that word `w` (observed as `actual`) has the kind of `actual`.
    fn guard_kind(&mut self, w: RVal, actual: Value) -> RecResult<Kind> {
        let kind = if actual.is_small_int() {
            Kind::Int
        } else if actual.is_float() {
            Kind::Float
        } else if actual.is_bool() {
            Kind::Bool
        } else {
            return abort(format!("operand of unsupported type (bits {:#x})", actual.bits()));
        };
        if self.known.get(&w) == Some(&kind) {
            return Ok(kind);
        }
        let bits = self.as_int_bits(w);
        match kind {
            Kind::Int => {
                let shift = self.kint(TAG_SHIFT as i64);
                let tag = self.emit(Op::Shr, Type::Int, &[bits, shift], 0);
                self.guard(Op::GuardEq, &[tag], TAG_INT as i64);
            }
            Kind::Float => {
                let first = self.kint(FIRST_TAG as i64);
                let is_float = self.emit(Op::ULt, Type::Bool, &[bits, first], 0);
                self.guard(Op::GuardTrue, &[is_float], 0);
            }
            Kind::Bool => {
                let shift = self.kint(1);
                let tag = self.emit(Op::Shr, Type::Int, &[bits, shift], 0);
                self.guard(Op::GuardEq, &[tag], (FALSE_BITS >> 1) as i64);
            }
        }
        self.known.insert(w, kind);
        Ok(kind)
    }

    fn unbox_int(&mut self, w: RVal) -> RVal {
        if let Some(v) = self.unboxed.get(&w) {
            return *v;
        }
        let bits = self.as_int_bits(w);
        let sixteen = self.kint(64 - TAG_SHIFT as i64);
        let up = self.emit(Op::Shl, Type::Int, &[bits, sixteen], 0);
        let v = self.emit(Op::Sar, Type::Int, &[up, sixteen], 0);
        self.unboxed.insert(w, v);
        v
    }

    fn unbox_float(&mut self, w: RVal) -> RVal {
        if let Some(v) = self.unboxed.get(&w) {
            return *v;
        }
        let v = self.emit(Op::WToF, Type::Float, &[w], 0);
        self.unboxed.insert(w, v);
        v
    }

    /// The int of a word known to be an int or a bool.
    fn int_of(&mut self, w: RVal, kind: Kind) -> RVal {
        match kind {
            Kind::Bool => {
                let bits = self.as_int_bits(w);
                let one = self.kint(1);
                self.emit(Op::And, Type::Int, &[bits, one], 0)
            }
            _ => self.unbox_int(w),
        }
    }

    /// Boxes an int known to fit 64 bits: guards that it fits the 48-bit
    /// immediate range (else the interpreter makes a big int).
    fn box_int(&mut self, v: RVal) -> RVal {
        let bias = self.kint(1 << (TAG_SHIFT - 1));
        let limit = self.kint(1 << TAG_SHIFT);
        let shifted = self.emit(Op::Add, Type::Int, &[v, bias], 0);
        let fits = self.emit(Op::ULt, Type::Bool, &[shifted, limit], 0);
        self.guard(Op::GuardTrue, &[fits], 0);
        let mask = self.kint(PAYLOAD_MASK as i64);
        let tag = self.kint(INT_TAG_BITS as i64);
        let payload = self.emit(Op::And, Type::Int, &[v, mask], 0);
        let bits = self.emit(Op::Or, Type::Int, &[payload, tag], 0);
        let w = self.emit(Op::Cast, Type::Word, &[bits], 0);
        self.known.insert(w, Kind::Int);
        self.unboxed.insert(w, v);
        w
    }

    fn box_float(&mut self, f: RVal) -> RVal {
        let w = self.emit(Op::FToW, Type::Word, &[f], 0);
        self.known.insert(w, Kind::Float);
        self.unboxed.insert(w, f);
        w
    }

    fn box_bool(&mut self, b: RVal) -> RVal {
        let as_int = self.emit(Op::Cast, Type::Int, &[b], 0);
        let false_bits = self.kint(FALSE_BITS as i64);
        let bits = self.emit(Op::Or, Type::Int, &[as_int, false_bits], 0);
        let w = self.emit(Op::Cast, Type::Word, &[bits], 0);
        self.known.insert(w, Kind::Bool);
        self.unboxed.insert(w, b);
        w
    }

    /// The float of a number word (ints convert).
    fn float_of(&mut self, w: RVal, kind: Kind) -> RVal {
        match kind {
            Kind::Float => self.unbox_float(w),
            _ => {
                let i = self.int_of(w, kind);
                self.emit(Op::IToF, Type::Float, &[i], 0)
            }
        }
    }

    // ---- instructions

    /// Records `instr` at `pc` before the interpreter runs it. `slot(r)`
    /// reads the frame's current value of slot `r`. `Ok(true)` means the
    /// iteration is complete (the jump back to the header).
    pub fn record(
        &mut self,
        pc: u32,
        instr: Instr,
        slot: &dyn Fn(Reg) -> Value,
        consts: &dyn Fn(u32) -> Value,
    ) -> RecResult<bool> {
        if self.insts.len() > MAX_RECORDED {
            return abort("trace too long");
        }
        self.pc = pc;
        self.listing.push((pc, instr));
        match instr {
            Instr::LoadConst { dst, idx } => {
                let v = consts(idx);
                if v.is_ptr() {
                    return abort("constant that is a heap object");
                }
                let w = self.kword(v.bits());
                if v.is_small_int() {
                    self.known.insert(w, Kind::Int);
                } else if v.is_float() {
                    self.known.insert(w, Kind::Float);
                } else if v.is_bool() {
                    self.known.insert(w, Kind::Bool);
                }
                self.write(dst, w);
            }
            Instr::Move { dst, src } => {
                let v = self.read(src);
                self.write(dst, v);
            }
            Instr::CheckBound { slot: s, .. } => {
                if slot(s).is_empty() {
                    return abort("unbound local");
                }
                let w = self.read(s);
                if matches!(w, RVal::Head(_)) && !self.known.contains_key(&w) {
                    let bits = self.as_int_bits(w);
                    let empty = self.kint(EMPTY_BITS as i64);
                    let bound = self.emit(Op::Ne, Type::Bool, &[bits, empty], 0);
                    self.guard(Op::GuardTrue, &[bound], 0);
                }
            }
            Instr::Binary { op, dst, a, b } | Instr::InplaceBinary { op, dst, a, b } => {
                let r = self.arith(op, self.read(a), slot(a), self.read(b), slot(b))?;
                self.write(dst, r);
            }
            Instr::Unary { op, dst, src } => {
                let w = self.read(src);
                let kind = self.guard_kind(w, slot(src))?;
                let r = match (op, kind) {
                    (UnaryOp::Neg, Kind::Int) => {
                        let v = self.unbox_int(w);
                        let zero = self.kint(0);
                        let n = self.emit(Op::SubOv, Type::Int, &[zero, v], 0);
                        self.set_guard_snapshot_last();
                        self.box_int(n)
                    }
                    (UnaryOp::Neg, Kind::Float) => {
                        let f = self.unbox_float(w);
                        let n = self.emit(Op::FNeg, Type::Float, &[f], 0);
                        self.box_float(n)
                    }
                    (UnaryOp::Not, Kind::Bool) => {
                        let b = self.truth(w, Kind::Bool);
                        let t = self.kint(1);
                        let bi = self.emit(Op::Cast, Type::Int, &[b], 0);
                        let flipped = self.emit(Op::Xor, Type::Int, &[bi, t], 0);
                        let false_bits = self.kint(FALSE_BITS as i64);
                        let bits = self.emit(Op::Or, Type::Int, &[flipped, false_bits], 0);
                        let nw = self.emit(Op::Cast, Type::Word, &[bits], 0);
                        self.known.insert(nw, Kind::Bool);
                        nw
                    }
                    _ => return abort(format!("unary {op:?} on {kind:?}")),
                };
                self.write(dst, r);
            }
            Instr::Compare { op, dst, a, b } => {
                let c = self.compare(op, self.read(a), slot(a), self.read(b), slot(b))?;
                let w = self.box_bool(c);
                self.write(dst, w);
            }
            Instr::Jump { .. } => {}
            Instr::JumpIfTrue { cond, .. } | Instr::JumpIfFalse { cond, .. } => {
                let w = self.read(cond);
                let value = slot(cond);
                let kind = self.guard_kind(w, value)?;
                let truth = match kind {
                    Kind::Bool => value.as_bool() == Some(true),
                    Kind::Int => value.as_small_int() != Some(0),
                    Kind::Float => value.as_f64() != Some(0.0),
                };
                let b = self.truth(w, kind);
                self.guard(if truth { Op::GuardTrue } else { Op::GuardFalse }, &[b], 0);
            }
            Instr::ForIter { dst, iter, .. } => self.for_range(dst, self.read(iter), slot(iter))?,
            Instr::Loop { target } => {
                if target == self.header {
                    return Ok(true);
                }
                return abort("inner loop");
            }
            other => return abort(format!("unsupported instruction {other:?}")),
        }
        Ok(false)
    }

    /// The guard just emitted inside an op (overflow checks): give it the
    /// snapshot of the current instruction.
    fn set_guard_snapshot_last(&mut self) {
        let written = self.slots.iter().map(|(k, v)| (*k, *v)).collect();
        self.snapshots.push(RSnapshot { pc: self.pc, written });
        let snap = self.snapshots.len() - 1;
        if let Some(last) = self.insts.last_mut() {
            last.snap = Some(snap);
        }
    }

    /// A bool for the truth of a word of known kind.
    fn truth(&mut self, w: RVal, kind: Kind) -> RVal {
        if let (Kind::Bool, Some(b)) = (kind, self.unboxed.get(&w).copied()) {
            return b;
        }
        match kind {
            Kind::Bool => {
                let bits = self.as_int_bits(w);
                let t = self.kint(TRUE_BITS as i64);
                self.emit(Op::Eq, Type::Bool, &[bits, t], 0)
            }
            Kind::Int => {
                let v = self.unbox_int(w);
                let zero = self.kint(0);
                self.emit(Op::Ne, Type::Bool, &[v, zero], 0)
            }
            Kind::Float => {
                let f = self.unbox_float(w);
                let zero = self.konst(Op::KFloat, 0f64.to_bits() as i64);
                self.emit(Op::FNe, Type::Bool, &[f, zero], 0)
            }
        }
    }

    fn arith(&mut self, op: BinOp, wa: RVal, va: Value, wb: RVal, vb: Value) -> RecResult<RVal> {
        let ka = self.guard_kind(wa, va)?;
        let kb = self.guard_kind(wb, vb)?;
        let ints = ka != Kind::Float && kb != Kind::Float;
        if ints {
            let (x, y) = (self.int_of(wa, ka), self.int_of(wb, kb));
            let r = match op {
                BinOp::Add => self.emit(Op::AddOv, Type::Int, &[x, y], 0),
                BinOp::Sub => self.emit(Op::SubOv, Type::Int, &[x, y], 0),
                BinOp::Mul => self.emit(Op::MulOv, Type::Int, &[x, y], 0),
                BinOp::And => self.emit(Op::And, Type::Int, &[x, y], 0),
                BinOp::Or => self.emit(Op::Or, Type::Int, &[x, y], 0),
                BinOp::Xor => self.emit(Op::Xor, Type::Int, &[x, y], 0),
                BinOp::TrueDiv => {
                    // Exact: ints within 48 bits convert to floats without rounding.
                    let fx = self.emit(Op::IToF, Type::Float, &[x], 0);
                    let fy = self.emit(Op::IToF, Type::Float, &[y], 0);
                    return self.float_div(fx, fy);
                }
                _ => return abort(format!("int {op:?}")),
            };
            if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul) {
                self.set_guard_snapshot_last();
            }
            // A result outside the immediate range leaves the trace: the
            // interpreter makes a big int.
            return Ok(self.box_int(r));
        }
        let (x, y) = (self.float_of(wa, ka), self.float_of(wb, kb));
        let r = match op {
            BinOp::Add => self.emit(Op::FAdd, Type::Float, &[x, y], 0),
            BinOp::Sub => self.emit(Op::FSub, Type::Float, &[x, y], 0),
            BinOp::Mul => self.emit(Op::FMul, Type::Float, &[x, y], 0),
            BinOp::TrueDiv => return self.float_div(x, y),
            _ => return abort(format!("float {op:?}")),
        };
        Ok(self.box_float(r))
    }

    /// `x / y` in floats; division by zero leaves the trace (the
    /// interpreter raises ZeroDivisionError).
    fn float_div(&mut self, x: RVal, y: RVal) -> RecResult<RVal> {
        let zero = self.konst(Op::KFloat, 0f64.to_bits() as i64);
        let nonzero = self.emit(Op::FNe, Type::Bool, &[y, zero], 0);
        self.guard(Op::GuardTrue, &[nonzero], 0);
        let r = self.emit(Op::FDiv, Type::Float, &[x, y], 0);
        Ok(self.box_float(r))
    }

    fn compare(&mut self, op: CmpOp, wa: RVal, va: Value, wb: RVal, vb: Value) -> RecResult<RVal> {
        let ka = self.guard_kind(wa, va)?;
        let kb = self.guard_kind(wb, vb)?;
        if ka != Kind::Float && kb != Kind::Float {
            let (x, y) = (self.int_of(wa, ka), self.int_of(wb, kb));
            let iop = match op {
                CmpOp::Lt => Op::ILt,
                CmpOp::Le => Op::ILe,
                CmpOp::Gt => Op::IGt,
                CmpOp::Ge => Op::IGe,
                CmpOp::Eq => Op::Eq,
                CmpOp::Ne => Op::Ne,
                _ => return abort(format!("compare {op:?} of ints")),
            };
            return Ok(self.emit(iop, Type::Bool, &[x, y], 0));
        }
        if ka != Kind::Float || kb != Kind::Float {
            // Mixed int/float compares are exact in Python; leave them to the interpreter.
            return abort("mixed int/float comparison");
        }
        let (x, y) = (self.unbox_float(wa), self.unbox_float(wb));
        let fop = match op {
            CmpOp::Lt => Op::FLt,
            CmpOp::Le => Op::FLe,
            CmpOp::Gt => Op::FGt,
            CmpOp::Ge => Op::FGe,
            CmpOp::Eq => Op::FEq,
            CmpOp::Ne => Op::FNe,
            _ => return abort(format!("compare {op:?} of floats")),
        };
        Ok(self.emit(fop, Type::Bool, &[x, y], 0))
    }

    /// `ForIter` over a `range` iterator, inline: the iterator's fields
    /// are read and its index advanced by the trace.
    fn for_range(&mut self, dst: Reg, w: RVal, it: Value) -> RecResult {
        let Some((index, len)) = crate::vm::iter::range_iter_state(it) else {
            return abort("for loop over something other than a range");
        };
        if index >= len {
            return abort("the loop ends while recording");
        }
        let bits = self.as_int_bits(w);
        let checked = !self.checked_iters.insert(w);
        if !checked {
            let shift = self.kint(TAG_SHIFT as i64);
            let tag = self.emit(Op::Shr, Type::Int, &[bits, shift], 0);
            self.guard(Op::GuardEq, &[tag], TAG_PTR as i64);
        }
        let mask = self.kint(PAYLOAD_MASK as i64);
        let addr = self.emit(Op::And, Type::Int, &[bits, mask], 0);
        let base = self.emit(Op::Cast, Type::Ref, &[addr], 0);
        if !checked {
            let ty = self.load(Op::LdWord, base, HEADER_TYPE_OFFSET);
            self.guard(Op::GuardEq, &[ty], self.range_iterator_type as i64);
        }
        let index = self.load(Op::LdI64, base, SEQ_ITER_INDEX_OFFSET);
        let len = self.load(Op::LdI64, base, SEQ_ITER_RANGE_LEN_OFFSET);
        let more = self.emit(Op::ILt, Type::Bool, &[index, len], 0);
        self.guard(Op::GuardTrue, &[more], 0);
        let start = self.load(Op::LdI64, base, SEQ_ITER_RANGE_START_OFFSET);
        let step = self.load(Op::LdI64, base, SEQ_ITER_RANGE_STEP_OFFSET);
        let offset = self.emit(Op::Mul, Type::Int, &[step, index], 0);
        let value = self.emit(Op::Add, Type::Int, &[start, offset], 0);
        // Box (with its range guard) before the store: a failing guard must
        // leave the iterator as the interpreter will find it.
        let boxed = self.box_int(value);
        let one = self.kint(1);
        let next = self.emit(Op::Add, Type::Int, &[index, one], 0);
        self.insts.push(RInst {
            op: Op::StI64,
            ty: Type::Void,
            args: vec![next, base],
            imm: SEQ_ITER_INDEX_OFFSET as i64,
            snap: None,
        });
        self.write(dst, boxed);
        Ok(())
    }

    fn load(&mut self, op: Op, base: RVal, offset: usize) -> RVal {
        self.emit(op, Type::Void, &[base], offset as i64)
    }

    // ---- the trace

    /// Builds the trace: inputs for the slots the iteration reads, the loop
    /// label, phis for the slots it changes, the body and the jump.
    pub fn finish(&self, name: &str) -> Trace {
        let mut read: Vec<Reg> = Vec::new();
        let mut seen = HashSet::new();
        let mut note = |v: &RVal, read: &mut Vec<Reg>| {
            if let RVal::Head(r) = v {
                if seen.insert(*r) {
                    read.push(*r);
                }
            }
        };
        for inst in &self.insts {
            for a in &inst.args {
                note(a, &mut read);
            }
        }
        for s in &self.snapshots {
            for (_, v) in &s.written {
                note(v, &mut read);
            }
        }
        let mut written: Vec<(Reg, RVal)> = self.slots.iter().map(|(k, v)| (*k, *v)).collect();
        written.sort_by_key(|(k, _)| *k);
        for (_, v) in &written {
            note(v, &mut read);
        }
        // Loop-carried: slots whose value at the end differs from the head.
        let carried: Vec<Reg> =
            written.iter().filter(|(k, v)| *v != RVal::Head(*k)).map(|(k, _)| *k).collect();
        for k in &carried {
            if seen.insert(*k) {
                read.push(*k);
            }
        }
        let mut trace = Trace::new(name);
        let mut head: HashMap<Reg, Val> = HashMap::new();
        for &r in &read {
            head.insert(r, trace.input(Type::Word, r as u32));
        }
        trace.op(Op::Loop, Type::Void, &[]);
        for &r in &carried {
            let init = head[&r];
            let phi = trace.op(Op::Phi, Type::Word, &[init]);
            head.insert(r, phi);
        }
        let mut map: Vec<Val> = Vec::with_capacity(self.insts.len());
        let resolve = |v: &RVal, map: &Vec<Val>, head: &HashMap<Reg, Val>| match v {
            RVal::Head(r) => head[r],
            RVal::Inst(i) => map[*i as usize],
        };
        for inst in &self.insts {
            let args: Vec<Val> = inst.args.iter().map(|a| resolve(a, &map, &head)).collect();
            let snap = inst.snap.map(|s| {
                let rs = &self.snapshots[s];
                let mut slots: Vec<(u32, SnapValue)> = Vec::new();
                let mut present = HashSet::new();
                for (k, v) in &rs.written {
                    present.insert(*k);
                    slots.push((*k as u32, SnapValue::Val(resolve(v, &map, &head))));
                }
                for &k in &carried {
                    if present.insert(k) {
                        slots.push((k as u32, SnapValue::Val(head[&k])));
                    }
                }
                slots.sort_by_key(|(k, _)| *k);
                trace.add_snapshot(Snapshot {
                    frames: vec![SnapFrame { pc: rs.pc, base: 0, slots }],
                    virtuals: Vec::new(),
                })
            });
            let mut out = traces::Inst::new(inst.op, inst.ty, args);
            out.imm = inst.imm;
            out.snap = snap;
            map.push(trace.push(out));
        }
        let next: Vec<Val> = carried.iter().map(|k| resolve(&self.slots[k], &map, &head)).collect();
        trace.op(Op::Jump, Type::Void, &next);
        trace
    }
}
