//! Numbers: type guards on boxed ints, floats and bools, unboxed
//! arithmetic and compares, truth tests; what is not a number goes to the
//! interpreter's operators through helpers.

use traces::{Op, Type, Val};

use super::{abort, no_layout, Kind, RecResult, Recorder};
use crate::bytecode::instr::{BinOp, CmpOp, UnaryOp};
use crate::jit::helpers::{unary_word, HelperKind};
use crate::object::value::{FALSE_BITS, NONE_BITS, TRUE_BITS};
use crate::object::Value;

impl Recorder {
    /// What a type guard on `actual` would distinguish.
    pub(super) fn kind_of(actual: Value) -> Kind {
        if actual.is_small_int() {
            Kind::Int
        } else if actual.is_float() {
            Kind::Float
        } else if actual.is_bool() {
            Kind::Bool
        } else {
            Kind::Other
        }
    }

    /// Guards that `w` is a number of `actual`'s kind (no guard for other
    /// values, which go to helpers).
    pub(super) fn guard_kind(&mut self, w: Val, actual: Value) -> RecResult<Kind> {
        let kind = Self::kind_of(actual);
        if self.is_constant(w) {
            return Ok(kind);
        }
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
            Kind::Other => {}
        }
        Ok(kind)
    }

    pub(super) fn int_of(&mut self, w: Val, kind: Kind) -> RecResult<Val> {
        match kind {
            Kind::Bool => {
                let b = self.truth(w, Kind::Bool, Value::TRUE)?;
                Ok(self.b.op(Op::Cast, Type::Int, &[b]))
            }
            _ => self.b.unbox_int(w).map_err(no_layout),
        }
    }

    pub(super) fn float_of(&mut self, w: Val, kind: Kind) -> RecResult<Val> {
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
    pub(super) fn box_int(&mut self, x: Val) -> RecResult<Val> {
        let s = self.snap();
        self.b.guard_small_int(x, s).map_err(no_layout)?;
        self.b.box_int(x).map_err(no_layout)
    }

    pub(super) fn box_float(&mut self, f: Val) -> Val {
        self.b.box_float(f)
    }

    pub(super) fn box_bool(&mut self, c: Val) -> Val {
        let as_int = self.b.op(Op::Cast, Type::Int, &[c]);
        let false_bits = self.b.kint(FALSE_BITS as i64);
        let bits = self.b.op(Op::Or, Type::Int, &[as_int, false_bits]);
        let w = self.b.op(Op::Cast, Type::Word, &[bits]);
        self.bools.insert(w, c);
        w
    }

    /// A bool for the truth of a word of known kind; other values ask the
    /// interpreter (`__bool__`, `__len__`) through a helper.
    pub(super) fn truth(&mut self, w: Val, kind: Kind, actual: Value) -> RecResult<Val> {
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
            Kind::Other if actual.is_none() => {
                let bits = self.bits(w);
                let none = self.b.kint(NONE_BITS as i64);
                let is_none = self.b.op(Op::Eq, Type::Bool, &[bits, none]);
                self.guard(Op::GuardTrue, &[is_none], 0);
                self.b.kbool(false)
            }
            Kind::Other => {
                let t = self.call_helper(HelperKind::Truth, &[w])?;
                let bits = self.bits(t);
                let true_bits = self.b.kint(TRUE_BITS as i64);
                self.b.op(Op::Eq, Type::Bool, &[bits, true_bits])
            }
        })
    }

    /// A checked int op (`addov`, ...) resuming at the current instruction.
    pub(super) fn checked(&mut self, op: Op, x: Val, y: Val) -> RecResult<Val> {
        match self.guard(op, &[x, y], 0) {
            Some(v) => Ok(v),
            None => abort("a checked op folded away"),
        }
    }

    /// Whether `a OP b` of the small ints (or bools) `a` and `b` gives an
    /// int outside the immediate range.
    fn overflows_now(op: BinOp, a: Value, b: Value) -> bool {
        let int = |v: Value| v.as_small_int().or_else(|| v.as_bool().map(i64::from));
        let (Some(a), Some(b)) = (int(a), int(b)) else { return false };
        let r = match op {
            BinOp::Add => a.checked_add(b),
            BinOp::Sub => a.checked_sub(b),
            BinOp::Mul => a.checked_mul(b),
            BinOp::Pow if b == 2 => a.checked_mul(a),
            _ => return false,
        };
        r.and_then(Value::from_small_int).is_none()
    }

    /// `a OP b` (`inplace` for `a OP= b`): unboxed for numbers, else the
    /// interpreter's operator.
    pub(super) fn arith(
        &mut self,
        op: BinOp,
        inplace: bool,
        (wa, va): (Val, Value),
        (wb, vb): (Val, Value),
    ) -> RecResult<Val> {
        if Self::kind_of(va) == Kind::Other || Self::kind_of(vb) == Kind::Other {
            return self.generic_binary(op, wa, wb, inplace);
        }
        let ka = self.guard_kind(wa, va)?;
        let kb = self.guard_kind(wb, vb)?;
        if ka != Kind::Float && kb != Kind::Float {
            if Self::overflows_now(op, va, vb) {
                // A big int this time, so most likely every time: the
                // interpreter's operator, not a guard that would fail.
                return self.generic_binary(op, wa, wb, inplace);
            }
            let (x, y) = (self.int_of(wa, ka)?, self.int_of(wb, kb)?);
            let r = match op {
                BinOp::Add => self.checked(Op::AddOv, x, y)?,
                BinOp::Sub => self.checked(Op::SubOv, x, y)?,
                BinOp::Mul => self.checked(Op::MulOv, x, y)?,
                BinOp::Pow if self.is_constant(wb) && vb.as_small_int() == Some(2) => {
                    self.checked(Op::MulOv, x, x)?
                }
                BinOp::And => self.b.op(Op::And, Type::Int, &[x, y]),
                BinOp::Or => self.b.op(Op::Or, Type::Int, &[x, y]),
                BinOp::Xor => self.b.op(Op::Xor, Type::Int, &[x, y]),
                BinOp::FloorDiv | BinOp::Mod => {
                    // Division by zero leaves for the interpreter to raise.
                    let zero = self.b.kint(0);
                    let nonzero = self.b.op(Op::Ne, Type::Bool, &[y, zero]);
                    self.guard(Op::GuardTrue, &[nonzero], 0);
                    let kind =
                        if op == BinOp::Mod { HelperKind::IntMod } else { HelperKind::IntFloorDiv };
                    let id = self.helper_id(kind);
                    self.b.call(id, &[x, y])
                }
                BinOp::TrueDiv => {
                    // Exact: ints within 48 bits convert to floats without rounding.
                    let fx = self.b.op(Op::IToF, Type::Float, &[x]);
                    let fy = self.b.op(Op::IToF, Type::Float, &[y]);
                    return self.float_div(fx, fy);
                }
                _ => return self.generic_binary(op, wa, wb, inplace),
            };
            return self.box_int(r);
        }
        let (x, y) = (self.float_of(wa, ka)?, self.float_of(wb, kb)?);
        let r = match op {
            BinOp::Add => self.b.op(Op::FAdd, Type::Float, &[x, y]),
            BinOp::Sub => self.b.op(Op::FSub, Type::Float, &[x, y]),
            BinOp::Mul => self.b.op(Op::FMul, Type::Float, &[x, y]),
            BinOp::TrueDiv => return self.float_div(x, y),
            BinOp::Pow => {
                let number = |v: Value| v.as_f64().or(v.as_small_int().map(|i| i as f64));
                let (a, b) = (number(va), number(vb));
                let finite = |n: Option<f64>| n.is_some_and(f64::is_finite);
                // `x ** 2` and the like: a constant whole exponent gives a
                // real result for either sign of `x`.
                let whole_exponent =
                    self.is_constant(wb) && b.is_some_and(|b| b.is_finite() && b == b.trunc());
                if finite(a) && finite(b) && (whole_exponent || a.is_some_and(|a| a > 0.0)) {
                    return self.float_pow(x, y, whole_exponent);
                }
                return self.generic_binary(op, wa, wb, inplace);
            }
            _ => return self.generic_binary(op, wa, wb, inplace),
        };
        Ok(self.box_float(r))
    }

    /// `x ** y` for a finite `x` and finite `y`, `x` positive unless `y`
    /// is a whole number (else the trace leaves); an overflowing or
    /// complex result, or a zero division, leaves too (the interpreter
    /// raises).
    fn float_pow(&mut self, x: Val, y: Val, whole_exponent: bool) -> RecResult<Val> {
        let zero = self.b.kflt(0.0);
        let inf = self.b.kflt(f64::INFINITY);
        if !whole_exponent {
            let positive = self.b.op(Op::FGt, Type::Bool, &[x, zero]);
            self.guard(Op::GuardTrue, &[positive], 0);
        }
        let x_abs = self.b.op(Op::FAbs, Type::Float, &[x]);
        let finite = self.b.op(Op::FLt, Type::Bool, &[x_abs, inf]);
        self.guard(Op::GuardTrue, &[finite], 0);
        let y_abs = self.b.op(Op::FAbs, Type::Float, &[y]);
        let y_finite = self.b.op(Op::FLt, Type::Bool, &[y_abs, inf]);
        self.guard(Op::GuardTrue, &[y_finite], 0);
        let id = self.helper_id(HelperKind::FloatPow);
        let r = self.b.call(id, &[x, y]);
        let r_abs = self.b.op(Op::FAbs, Type::Float, &[r]);
        let r_finite = self.b.op(Op::FLt, Type::Bool, &[r_abs, inf]);
        self.guard(Op::GuardTrue, &[r_finite], 0);
        Ok(self.box_float(r))
    }

    /// `x / y` in floats; division by zero leaves the trace (the
    /// interpreter raises ZeroDivisionError).
    pub(super) fn float_div(&mut self, x: Val, y: Val) -> RecResult<Val> {
        let zero = self.b.kflt(0.0);
        let nonzero = self.b.op(Op::FNe, Type::Bool, &[y, zero]);
        self.guard(Op::GuardTrue, &[nonzero], 0);
        let r = self.b.op(Op::FDiv, Type::Float, &[x, y]);
        Ok(self.box_float(r))
    }

    /// `a OP b` as a boxed word: unboxed compares of numbers, identity
    /// as word equality, the rest through the interpreter.
    pub(super) fn compare(
        &mut self,
        op: CmpOp,
        (wa, va): (Val, Value),
        (wb, vb): (Val, Value),
    ) -> RecResult<Val> {
        if matches!(op, CmpOp::Is | CmpOp::IsNot) {
            let (x, y) = (self.bits(wa), self.bits(wb));
            let same =
                self.b.op(if op == CmpOp::Is { Op::Eq } else { Op::Ne }, Type::Bool, &[x, y]);
            return Ok(self.box_bool(same));
        }
        let numbers = Self::kind_of(va) != Kind::Other && Self::kind_of(vb) != Kind::Other;
        let mixed = Self::kind_of(va) == Kind::Float && Self::kind_of(vb) != Kind::Float
            || Self::kind_of(vb) == Kind::Float && Self::kind_of(va) != Kind::Float;
        let exotic =
            !matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge | CmpOp::Eq | CmpOp::Ne);
        if !numbers || mixed || exotic {
            // Mixed int/float compares are exact in Python: the interpreter's.
            let k = self.b.kword(op as u64);
            return self.call_helper(HelperKind::Compare, &[k, wa, wb]);
        }
        let c = self.compare_numbers(op, (wa, va), (wb, vb))?;
        Ok(self.box_bool(c))
    }

    fn compare_numbers(
        &mut self,
        op: CmpOp,
        (wa, va): (Val, Value),
        (wb, vb): (Val, Value),
    ) -> RecResult<Val> {
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

    /// `a OP b` by the interpreter's operator.
    fn generic_binary(&mut self, op: BinOp, wa: Val, wb: Val, inplace: bool) -> RecResult<Val> {
        let k = self.b.kword(op as u64);
        let kind = if inplace { HelperKind::Inplace } else { HelperKind::Binary };
        self.call_helper(kind, &[k, wa, wb])
    }

    /// `-x`, `not x`; other unary operators of numbers, and any on other
    /// values, are not recorded.
    pub(super) fn unary(&mut self, op: UnaryOp, w: Val, value: Value) -> RecResult<Val> {
        let kind = self.guard_kind(w, value)?;
        Ok(match (op, kind) {
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
            (UnaryOp::Not, Kind::Int | Kind::Float | Kind::Bool) => {
                let t = self.truth(w, kind, value)?;
                let f = self.b.kbool(false);
                let not = self.b.op(Op::Eq, Type::Bool, &[t, f]);
                self.box_bool(not)
            }
            (UnaryOp::Not, Kind::Other) if value.is_none() => {
                self.truth(w, kind, value)?;
                self.constant(Value::TRUE)
            }
            (UnaryOp::Invert, Kind::Int) => {
                // `~x` is `-x - 1`: a small int's stays small.
                let v = self.b.unbox_int(w).map_err(no_layout)?;
                let ones = self.b.kint(-1);
                let n = self.b.op(Op::Xor, Type::Int, &[v, ones]);
                self.box_int(n)?
            }
            (UnaryOp::Pos, Kind::Int | Kind::Float) => w,
            (UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, Kind::Other) => {
                let o = self.b.kword(unary_word(op));
                self.call_helper(HelperKind::Unary, &[o, w])?
            }
            _ => return abort(format!("unary {op:?} on {kind:?}")),
        })
    }
}
