//! The recorder: while the interpreter runs one iteration of a hot loop,
//! each instruction is turned into IR *before* it executes, using the
//! operands' current values to choose guards (their types) and the path
//! (branch directions). Everything goes through `tracer::TraceBuilder`,
//! which folds, CSEs and drops redundant guards as it goes; when the
//! interpreter jumps back to the header, the recording goes to
//! `tracer::optimize_recording` (loop peeling, invariant hoisting, unboxed
//! loop-carried values, dead code removal).
//!
//! Frame slots hold NaN-boxed words. Every guard's snapshot lists the
//! slots the iteration has changed so far and resumes at the instruction
//! being recorded, which the trace has not yet begun to change.

use std::collections::{HashMap, HashSet};

use tracer::{BoxLayout, Recording, TraceBuilder};
use traces::trace::SnapId;
use traces::{Op, SnapFrame, SnapValue, Snapshot, Type, Val};

use crate::bytecode::instr::{BinOp, CmpOp, Reg, UnaryOp};
use crate::bytecode::Instr;
use crate::object::header::HEADER_TYPE_OFFSET;
use crate::object::value::{
    EMPTY_BITS, FALSE_BITS, FIRST_TAG, PAYLOAD_MASK, TAG_INT, TAG_PTR, TAG_SHIFT, TRUE_BITS,
};
use crate::object::Value;
use crate::vm::iter::{
    SEQ_ITER_INDEX_OFFSET, SEQ_ITER_RANGE_LEN_OFFSET, SEQ_ITER_RANGE_START_OFFSET,
    SEQ_ITER_RANGE_STEP_OFFSET,
};

/// `VirtualObject::kind` of an int the optimizer kept unboxed (field 0 is
/// the raw int); deopt boxes it.
pub const VIRTUAL_INT: u32 = 1;
/// Likewise for a float (field 0 holds the f64 bits).
pub const VIRTUAL_FLOAT: u32 = 2;

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
    /// Bytecode executed, for `--trace-dump`.
    pub listing: Vec<(u32, Instr)>,
    b: TraceBuilder,
    /// Slot values written in this iteration.
    slots: HashMap<Reg, Val>,
    /// For bool words made here: the compare behind them.
    bools: HashMap<Val, Val>,
    /// The address of the `range_iterator` type object.
    range_iterator_type: u64,
    /// Iterator words already checked to be range iterators.
    checked_iters: HashSet<Val>,
    /// The instruction being recorded (its snapshots resume there).
    pc: u32,
    recorded: usize,
}

/// Longest iteration recorded before giving up.
const MAX_RECORDED: usize = 1000;

impl Recorder {
    pub fn new(header: u32, range_iterator_type: u64) -> Recorder {
        Recorder {
            header,
            listing: Vec::new(),
            b: TraceBuilder::with_layout("trace", box_layout()),
            slots: HashMap::new(),
            bools: HashMap::new(),
            range_iterator_type,
            checked_iters: HashSet::new(),
            pc: header,
            recorded: 0,
        }
    }

    fn read(&mut self, slot: Reg) -> Val {
        match self.slots.get(&slot) {
            Some(v) => *v,
            None => self.b.input(Type::Word, slot as u32),
        }
    }

    fn write(&mut self, slot: Reg, v: Val) {
        self.slots.insert(slot, v);
    }

    /// The snapshot of the current instruction: the slots changed so far.
    fn snap(&mut self) -> SnapId {
        let mut slots: Vec<(u32, SnapValue)> =
            self.slots.iter().map(|(k, v)| (*k as u32, SnapValue::Val(*v))).collect();
        slots.sort_by_key(|(k, _)| *k);
        self.b.snapshot(Snapshot {
            frames: vec![SnapFrame { pc: self.pc, base: 0, slots }],
            virtuals: vec![],
        })
    }

    fn guard(&mut self, op: Op, args: &[Val], imm: i64) -> Option<Val> {
        let s = self.snap();
        self.b.guard(op, args, imm, s)
    }

    fn bits(&mut self, w: Val) -> Val {
        self.b.op(Op::Cast, Type::Int, &[w])
    }

    // ---- kinds

    fn guard_kind(&mut self, w: Val, actual: Value) -> RecResult<Kind> {
        let kind = if actual.is_small_int() {
            Kind::Int
        } else if actual.is_float() {
            Kind::Float
        } else if actual.is_bool() {
            Kind::Bool
        } else {
            return abort(format!("operand of unsupported type (bits {:#x})", actual.bits()));
        };
        let s = self.snap();
        match kind {
            Kind::Int => self.b.guard_int(w, s).map_err(no_layout)?,
            Kind::Float => self.b.guard_float(w, s).map_err(no_layout)?,
            Kind::Bool => {
                if !self.bools.contains_key(&w) {
                    let bits = self.bits(w);
                    let one = self.b.kint(1);
                    let tag = self.b.op(Op::Shr, Type::Int, &[bits, one]);
                    self.b.guard(Op::GuardEq, &[tag], (FALSE_BITS >> 1) as i64, s);
                }
            }
        }
        Ok(kind)
    }

    fn int_of(&mut self, w: Val, kind: Kind) -> RecResult<Val> {
        match kind {
            Kind::Bool => {
                let b = self.truth(w, Kind::Bool)?;
                Ok(self.b.op(Op::Cast, Type::Int, &[b]))
            }
            _ => self.b.unbox_int(w).map_err(no_layout),
        }
    }

    fn float_of(&mut self, w: Val, kind: Kind) -> RecResult<Val> {
        match kind {
            Kind::Float => Ok(self.b.unbox_float(w)),
            _ => {
                let i = self.int_of(w, kind)?;
                Ok(self.b.op(Op::IToF, Type::Float, &[i]))
            }
        }
    }

    /// Boxes an int, leaving the trace when it does not fit the immediate
    /// range (the interpreter makes a big int).
    fn box_int(&mut self, x: Val) -> RecResult<Val> {
        let s = self.snap();
        self.b.guard_small_int(x, s).map_err(no_layout)?;
        self.b.box_int(x).map_err(no_layout)
    }

    fn box_float(&mut self, f: Val) -> Val {
        self.b.box_float(f)
    }

    fn box_bool(&mut self, c: Val) -> Val {
        let as_int = self.b.op(Op::Cast, Type::Int, &[c]);
        let false_bits = self.b.kint(FALSE_BITS as i64);
        let bits = self.b.op(Op::Or, Type::Int, &[as_int, false_bits]);
        let w = self.b.op(Op::Cast, Type::Word, &[bits]);
        self.bools.insert(w, c);
        w
    }

    /// A bool for the truth of a word of known kind.
    fn truth(&mut self, w: Val, kind: Kind) -> RecResult<Val> {
        if let Some(c) = self.bools.get(&w) {
            return Ok(*c);
        }
        Ok(match kind {
            Kind::Bool => {
                let bits = self.bits(w);
                let t = self.b.kint(TRUE_BITS as i64);
                self.b.op(Op::Eq, Type::Bool, &[bits, t])
            }
            Kind::Int => {
                let v = self.b.unbox_int(w).map_err(no_layout)?;
                let zero = self.b.kint(0);
                self.b.op(Op::Ne, Type::Bool, &[v, zero])
            }
            Kind::Float => {
                let f = self.b.unbox_float(w);
                let zero = self.b.kflt(0.0);
                self.b.op(Op::FNe, Type::Bool, &[f, zero])
            }
        })
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
        self.recorded += 1;
        if self.recorded > MAX_RECORDED {
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
                let w = self.b.kword(v.bits());
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
            Instr::CheckBound { slot: s, .. } => {
                if slot(s).is_empty() {
                    return abort("unbound local");
                }
                if !self.slots.contains_key(&s) {
                    let w = self.read(s);
                    let bits = self.bits(w);
                    let empty = self.b.kint(EMPTY_BITS as i64);
                    let bound = self.b.op(Op::Ne, Type::Bool, &[bits, empty]);
                    self.guard(Op::GuardTrue, &[bound], 0);
                }
            }
            Instr::Binary { op, dst, a, b } | Instr::InplaceBinary { op, dst, a, b } => {
                let (wa, wb) = (self.read(a), self.read(b));
                let r = self.arith(op, wa, slot(a), wb, slot(b))?;
                self.write(dst, r);
            }
            Instr::Unary { op, dst, src } => {
                let w = self.read(src);
                let kind = self.guard_kind(w, slot(src))?;
                let r = match (op, kind) {
                    (UnaryOp::Neg, Kind::Int) => {
                        let v = self.b.unbox_int(w).map_err(no_layout)?;
                        let zero = self.b.kint(0);
                        let n = self.checked(Op::SubOv, zero, v)?;
                        self.box_int(n)?
                    }
                    (UnaryOp::Neg, Kind::Float) => {
                        let f = self.b.unbox_float(w);
                        let n = self.b.op(Op::FNeg, Type::Float, &[f]);
                        self.box_float(n)
                    }
                    (UnaryOp::Not, _) => {
                        let t = self.truth(w, kind)?;
                        let f = self.b.kbool(false);
                        let not = self.b.op(Op::Eq, Type::Bool, &[t, f]);
                        self.box_bool(not)
                    }
                    _ => return abort(format!("unary {op:?} on {kind:?}")),
                };
                self.write(dst, r);
            }
            Instr::Compare { op, dst, a, b } => {
                let (wa, wb) = (self.read(a), self.read(b));
                let c = self.compare(op, wa, slot(a), wb, slot(b))?;
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
                let b = self.truth(w, kind)?;
                self.guard(if truth { Op::GuardTrue } else { Op::GuardFalse }, &[b], 0);
            }
            Instr::ForIter { dst, iter, .. } => {
                let w = self.read(iter);
                self.for_range(dst, w, slot(iter))?
            }
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

    /// A checked int op (`addov`, ...) resuming at the current instruction.
    fn checked(&mut self, op: Op, x: Val, y: Val) -> RecResult<Val> {
        match self.guard(op, &[x, y], 0) {
            Some(v) => Ok(v),
            None => abort("a checked op folded away"),
        }
    }

    fn arith(&mut self, op: BinOp, wa: Val, va: Value, wb: Val, vb: Value) -> RecResult<Val> {
        let ka = self.guard_kind(wa, va)?;
        let kb = self.guard_kind(wb, vb)?;
        if ka != Kind::Float && kb != Kind::Float {
            let (x, y) = (self.int_of(wa, ka)?, self.int_of(wb, kb)?);
            let r = match op {
                BinOp::Add => self.checked(Op::AddOv, x, y)?,
                BinOp::Sub => self.checked(Op::SubOv, x, y)?,
                BinOp::Mul => self.checked(Op::MulOv, x, y)?,
                BinOp::And => self.b.op(Op::And, Type::Int, &[x, y]),
                BinOp::Or => self.b.op(Op::Or, Type::Int, &[x, y]),
                BinOp::Xor => self.b.op(Op::Xor, Type::Int, &[x, y]),
                BinOp::TrueDiv => {
                    // Exact: ints within 48 bits convert to floats without rounding.
                    let fx = self.b.op(Op::IToF, Type::Float, &[x]);
                    let fy = self.b.op(Op::IToF, Type::Float, &[y]);
                    return self.float_div(fx, fy);
                }
                _ => return abort(format!("int {op:?}")),
            };
            return self.box_int(r);
        }
        let (x, y) = (self.float_of(wa, ka)?, self.float_of(wb, kb)?);
        let r = match op {
            BinOp::Add => self.b.op(Op::FAdd, Type::Float, &[x, y]),
            BinOp::Sub => self.b.op(Op::FSub, Type::Float, &[x, y]),
            BinOp::Mul => self.b.op(Op::FMul, Type::Float, &[x, y]),
            BinOp::TrueDiv => return self.float_div(x, y),
            _ => return abort(format!("float {op:?}")),
        };
        Ok(self.box_float(r))
    }

    /// `x / y` in floats; division by zero leaves the trace (the
    /// interpreter raises ZeroDivisionError).
    fn float_div(&mut self, x: Val, y: Val) -> RecResult<Val> {
        let zero = self.b.kflt(0.0);
        let nonzero = self.b.op(Op::FNe, Type::Bool, &[y, zero]);
        self.guard(Op::GuardTrue, &[nonzero], 0);
        let r = self.b.op(Op::FDiv, Type::Float, &[x, y]);
        Ok(self.box_float(r))
    }

    fn compare(&mut self, op: CmpOp, wa: Val, va: Value, wb: Val, vb: Value) -> RecResult<Val> {
        let ka = self.guard_kind(wa, va)?;
        let kb = self.guard_kind(wb, vb)?;
        if ka != Kind::Float && kb != Kind::Float {
            let (x, y) = (self.int_of(wa, ka)?, self.int_of(wb, kb)?);
            let iop = match op {
                CmpOp::Lt => Op::ILt,
                CmpOp::Le => Op::ILe,
                CmpOp::Gt => Op::IGt,
                CmpOp::Ge => Op::IGe,
                CmpOp::Eq => Op::Eq,
                CmpOp::Ne => Op::Ne,
                _ => return abort(format!("compare {op:?} of ints")),
            };
            return Ok(self.b.op(iop, Type::Bool, &[x, y]));
        }
        if ka != Kind::Float || kb != Kind::Float {
            // Mixed int/float compares are exact in Python; left to the interpreter.
            return abort("mixed int/float comparison");
        }
        let (x, y) = (self.b.unbox_float(wa), self.b.unbox_float(wb));
        let fop = match op {
            CmpOp::Lt => Op::FLt,
            CmpOp::Le => Op::FLe,
            CmpOp::Gt => Op::FGt,
            CmpOp::Ge => Op::FGe,
            CmpOp::Eq => Op::FEq,
            CmpOp::Ne => Op::FNe,
            _ => return abort(format!("compare {op:?} of floats")),
        };
        Ok(self.b.op(fop, Type::Bool, &[x, y]))
    }

    /// `ForIter` over a `range` iterator, inline: the iterator's fields
    /// are read and its index advanced by the trace.
    fn for_range(&mut self, dst: Reg, w: Val, it: Value) -> RecResult {
        let Some((index, len)) = crate::vm::iter::range_iter_state(it) else {
            return abort("for loop over something other than a range");
        };
        if index >= len {
            return abort("the loop ends while recording");
        }
        let bits = self.bits(w);
        let first_check = self.checked_iters.insert(w);
        if first_check {
            let shift = self.b.kint(TAG_SHIFT as i64);
            let tag = self.b.op(Op::Shr, Type::Int, &[bits, shift]);
            self.guard(Op::GuardEq, &[tag], TAG_PTR as i64);
        }
        let mask = self.b.kint(PAYLOAD_MASK as i64);
        let addr = self.b.op(Op::And, Type::Int, &[bits, mask]);
        let base = self.b.op(Op::Cast, Type::Ref, &[addr]);
        if first_check {
            let ty = self.b.load(Op::LdWord, base, None, HEADER_TYPE_OFFSET as i32);
            self.guard(Op::GuardEq, &[ty], self.range_iterator_type as i64);
        }
        let index = self.b.load(Op::LdI64, base, None, SEQ_ITER_INDEX_OFFSET as i32);
        let len = self.b.load(Op::LdI64, base, None, SEQ_ITER_RANGE_LEN_OFFSET as i32);
        let more = self.b.op(Op::ILt, Type::Bool, &[index, len]);
        self.guard(Op::GuardTrue, &[more], 0);
        let start = self.b.load(Op::LdI64, base, None, SEQ_ITER_RANGE_START_OFFSET as i32);
        let step = self.b.load(Op::LdI64, base, None, SEQ_ITER_RANGE_STEP_OFFSET as i32);
        let offset = self.b.op(Op::Mul, Type::Int, &[step, index]);
        let value = self.b.op(Op::Add, Type::Int, &[start, offset]);
        // Box (with its range guard) before the store: a failing guard must
        // leave the iterator as the interpreter will find it.
        let boxed = self.box_int(value)?;
        let one = self.b.kint(1);
        let next = self.b.op(Op::Add, Type::Int, &[index, one]);
        self.b.store(Op::StI64, next, base, None, SEQ_ITER_INDEX_OFFSET as i32);
        self.write(dst, boxed);
        Ok(())
    }

    /// Ends the recording: the slots the iteration changed, for the optimizer.
    pub fn finish(self) -> Recording {
        let mut end: Vec<(u32, Val)> = self.slots.iter().map(|(k, v)| (*k as u32, *v)).collect();
        end.sort_by_key(|(k, _)| *k);
        self.b.close_loop(end)
    }
}
