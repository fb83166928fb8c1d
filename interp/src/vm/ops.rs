//! Operators: arithmetic, bitwise, comparison and truth, with CPython's
//! dispatch: built-in types by their layout, user classes through their
//! special methods, the reflected method of the right operand tried first
//! when its type is a subclass of the left's, `NotImplemented` handling,
//! and CPython's error messages.

use super::function::{cell_of, function_of, method_descriptor_of, method_of};
use super::{PyResult, Vm};
use crate::builtins::bytes_methods::bytes_like;
use crate::bytecode::instr::{BinOp, CmpOp, UnaryOp};
use crate::number::complex::Complex;
use crate::number::int::Int;
use crate::number::tower::{self, Arith, Num};
use crate::number::{NumError, NumErrorKind};
use crate::object::boxes::{float_value, int_value, ComplexObj};
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::list::list_of;
use crate::object::range::{RangeObj, SliceObj};
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, ObjHeader, ObjKind};
use crate::object::{PyErr, Value};
use std::cmp::Ordering;

/// The dunder names of a binary operator: (`__add__`, `__radd__`, `__iadd__`).
pub fn dunders(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

/// The kind of a built-in sequence with CPython's `sq_concat` and
/// `sq_repeat` (str, list, tuple, bytes, bytearray), subclass instances
/// included.
fn sequence_kind(v: Value) -> Option<ObjKind> {
    let kind = ObjHeader::of(v)?.kind();
    matches!(
        kind,
        ObjKind::Str | ObjKind::List | ObjKind::Tuple | ObjKind::Bytes | ObjKind::ByteArray
    )
    .then_some(kind)
}

/// The method of a rich comparison and its reflection, interned once (a
/// comparison of instances looks both up every time); None for identity
/// and membership tests.
fn cmp_dunders(names: &super::Names, op: CmpOp) -> Option<(Value, Value)> {
    Some(match op {
        CmpOp::Lt => (names.dunder_lt, names.dunder_gt),
        CmpOp::Le => (names.dunder_le, names.dunder_ge),
        CmpOp::Eq => (names.dunder_eq, names.dunder_eq),
        CmpOp::Ne => (names.dunder_ne, names.dunder_ne),
        CmpOp::Gt => (names.dunder_gt, names.dunder_lt),
        CmpOp::Ge => (names.dunder_ge, names.dunder_le),
        CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn => return None,
    })
}

impl Vm {
    /// A number of a built-in numeric type (bool and int/float subclasses
    /// included), as the numeric tower sees it.
    pub fn as_num(&self, v: Value) -> Option<Num> {
        if let Some(i) = v.as_small_int() {
            return Some(Num::Int(Int::Small(i)));
        }
        if let Some(f) = v.as_f64() {
            return Some(Num::Float(f));
        }
        if let Some(b) = v.as_bool() {
            return Some(Num::Int(Int::Small(b as i64)));
        }
        match ObjHeader::of(v)?.kind() {
            ObjKind::Int => int_value(v).map(|b| Num::Int(Int::from_big(b))),
            ObjKind::Float => float_value(v).map(Num::Float),
            ObjKind::Complex => {
                let c = Gc::<ComplexObj>::from_value(v)?;
                Some(Num::Complex(Complex::new(c.re, c.im)))
            }
            _ => None,
        }
    }

    /// The int of a built-in int (bool included).
    pub fn as_int(&self, v: Value) -> Option<Int> {
        match self.as_num(v)? {
            Num::Int(i) => Some(i),
            _ => None,
        }
    }

    pub fn num_value(&self, n: Num) -> Value {
        match n {
            Num::Int(Int::Small(i)) => self.heap.new_int_i64(i),
            Num::Int(Int::Big(b)) => self.heap.new_int(b),
            Num::Float(f) => Value::from_f64(f),
            Num::Complex(c) => self.heap.new_complex(c.re, c.im),
        }
    }

    pub fn int_value(&self, n: Int) -> Value {
        self.num_value(Num::Int(n))
    }

    pub fn num_error(&self, e: NumError) -> PyErr {
        let t = self.heap.types();
        let ty = match e.kind {
            NumErrorKind::ZeroDivisionError => t.zero_division_error,
            NumErrorKind::OverflowError => t.overflow_error,
            NumErrorKind::ValueError => t.value_error,
            NumErrorKind::TypeError => t.type_error,
            NumErrorKind::MemoryError => t.memory_error,
        };
        PyErr::new(&self.heap, ty, &e.message)
    }

    /// Is `method` a built-in sequence's `__add__`, `__mul__` or `__rmul__`,
    /// found on a type it applies to? Taken from another class
    /// (`__add__ = str.__add__` in an int subclass) it is an ordinary
    /// method, whose call rejects the receiver (bpo-37619).
    fn is_sequence_slot(&self, method: Value, receiver: Value) -> bool {
        let t = self.heap.types();
        method_descriptor_of(method).is_some_and(|d| {
            matches!(d.name, "__add__" | "__mul__" | "__rmul__")
                && [t.str, t.list, t.tuple, t.bytes, t.bytearray].contains(&d.owner)
                && Gc::<TypeObj>::from_value(d.owner)
                    .is_some_and(|o| self.heap.type_obj(receiver).is_subtype(o))
        })
    }

    /// Is `v`'s type a user class (whose special methods must be honoured)?
    pub(crate) fn is_user_typed(&self, v: Value) -> bool {
        v.is_ptr() && self.heap.type_obj(v).is_heap_type()
    }

    /// `a OP b`.
    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult {
        if !self.is_user_typed(a) && !self.is_user_typed(b) {
            if let Some(r) = self.native_binary(op, a, b)? {
                return Ok(r);
            }
        }
        // `str % x` formats without asking `x` (CPython's BINARY_MODULO
        // fast path), unless `x` is a str subclass.
        if op == BinOp::Mod && !self.is_user_typed(a) && str_of(a).is_some() && str_of(b).is_none()
        {
            // A tuple subclass (a namedtuple) is the argument tuple itself.
            let args = match tuple_of(b) {
                Some(t) if self.is_user_typed(b) => self.heap.new_tuple(t.items()),
                _ => b,
            };
            return self.with_temp(args, |vm| vm.percent_format(a, args));
        }
        let [name, rname, _] = self.names.binop_dunders[op as usize];
        if let Some(r) = self.binary_dunder(a, b, name, rname)? {
            return Ok(r);
        }
        if let Some(r) = self.sequence_fallback(op, a, b, false)? {
            return Ok(r);
        }
        if self.is_user_typed(a) || self.is_user_typed(b) {
            if let Some(r) = self.native_binary_of_bases(op, a, b)? {
                return Ok(r);
            }
        }
        Err(self.unsupported(op.symbol(), a, b))
    }

    /// `a OP= b`: the in-place method first, then the binary operator.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult {
        // Built-in mutable containers change in place; a list or bytearray
        // concatenated or repeated by a user object asks that object's
        // reflected method first (CPython's `sq_inplace_concat` comes after
        // the number protocol).
        let sequence_op = matches!(op, BinOp::Add | BinOp::Mul);
        let defer_to_b = sequence_op && self.is_user_typed(b);
        if !self.is_user_typed(a) && !defer_to_b {
            if let Some(r) = self.native_inplace(op, a, b)? {
                return Ok(r);
            }
        }
        let [name, rname, iname] = self.names.binop_dunders[op as usize];
        if self.is_user_typed(a) {
            if let Some(method) = self.heap.lookup_in_type_of(a, iname) {
                let r = self.call_method_value(method, a, &[b])?;
                if r != self.heap.singletons().not_implemented {
                    return Ok(r);
                }
            }
        }
        if !self.is_user_typed(a) && !self.is_user_typed(b) {
            if let Some(r) = self.native_binary(op, a, b)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.binary_dunder(a, b, name, rname)? {
            return Ok(r);
        }
        match self.sequence_fallback(op, a, b, true)? {
            Some(r) => Ok(r),
            None => Err(self.unsupported(&format!("{}=", op.symbol()), a, b)),
        }
    }

    /// CPython's sequence protocol, tried after the number protocol
    /// declined: `a`'s `sq_concat` for `+`; for `*` the `sq_repeat` of `a`,
    /// else of `b` (in place: `b`'s only when `a` is no sequence). Lists
    /// and bytearrays change in place for `+=` and `*=`.
    fn sequence_fallback(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        let mutable =
            |v: Value| matches!(sequence_kind(v), Some(ObjKind::List | ObjKind::ByteArray));
        match op {
            BinOp::Add if sequence_kind(a).is_some() => {
                if inplace && mutable(a) {
                    return self.native_inplace(op, a, b);
                }
                self.sequence_concat(a, b).map(Some)
            }
            BinOp::Mul => {
                let (seq, count) = if sequence_kind(a).is_some() {
                    (a, b)
                } else if sequence_kind(b).is_some() && !(inplace && self.is_user_typed(a)) {
                    (b, a)
                } else {
                    return Ok(None);
                };
                let Some(n) = self.as_index(count)? else {
                    return Err(self.type_error(&format!(
                        "can't multiply sequence by non-int of type '{}'",
                        self.type_name(count)
                    )));
                };
                if inplace && seq == a && mutable(a) {
                    let n = self.int_value(n);
                    return self.native_inplace(op, a, n);
                }
                self.sequence_repeat(seq, count, &n).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// `a + b` for a built-in sequence `a` (or an instance of a subclass):
    /// CPython's `sq_concat`, which raises for a `b` of another kind.
    pub(crate) fn sequence_concat(&mut self, a: Value, b: Value) -> PyResult {
        let mut y = b;
        let is_bytes = matches!(sequence_kind(a), Some(ObjKind::Bytes | ObjKind::ByteArray));
        if is_bytes && self.type_name(b) == "memoryview" {
            // memoryview is Python-coded: its bytes come from `tobytes`.
            y = self.call_method_by_name(b, "tobytes", &[])?;
        }
        // No Python code runs from here on, so no collection either.
        let (x, y) = (self.builtin_base_value(a), self.builtin_base_value(y));
        if !self.is_user_typed(y) {
            if let Some(r) = self.native_binary(BinOp::Add, x, y)? {
                return Ok(r);
            }
        }
        Err(self.concat_error(a, b).unwrap_or_else(|| {
            self.type_error(&format!(
                "unsupported operand type(s) for +: '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            ))
        }))
    }

    /// `seq * n` for a built-in sequence `seq` (or an instance of a
    /// subclass): CPython's `sq_repeat`, whose result has the base type.
    pub(crate) fn sequence_repeat(&mut self, seq: Value, count: Value, n: &Int) -> PyResult {
        let base = self.builtin_base_value(seq);
        match self.repeat_sequence(base, count, n)? {
            Some(r) => Ok(r),
            None => Err(self.type_error(&format!(
                "can't multiply sequence by non-int of type '{}'",
                self.type_name(count)
            ))),
        }
    }

    /// The error of `a + b` when `a` is a built-in sequence and `b` is not
    /// one of its kind (CPython's `sq_concat` speaking after `__add__` and
    /// `__radd__` declined).
    fn concat_error(&self, a: Value, b: Value) -> Option<PyErr> {
        let kind = match sequence_kind(a)? {
            _ if sequence_kind(b) == sequence_kind(a) => return None,
            ObjKind::Str => "str",
            ObjKind::List => "list",
            ObjKind::Tuple => "tuple",
            _ if bytes_like(b).is_some() => return None,
            _ => {
                return Some(self.type_error(&format!(
                    "can't concat {} to {}",
                    self.type_name(b),
                    self.type_name(a)
                )))
            }
        };
        Some(self.type_error(&format!(
            "can only concatenate {kind} (not \"{}\") to {kind}",
            self.type_name(b)
        )))
    }

    fn unsupported(&self, symbol: &str, a: Value, b: Value) -> PyErr {
        if symbol == "**" || symbol == "**=" {
            return self.type_error(&format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            ));
        }
        self.type_error(&format!(
            "unsupported operand type(s) for {symbol}: '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        ))
    }

    /// The special-method protocol: `a.__op__(b)`, then `b.__rop__(a)`
    /// (reflected first when `b`'s type is a proper subclass of `a`'s that
    /// overrides it). `None` when both give NotImplemented or are missing.
    fn binary_dunder(
        &mut self,
        a: Value,
        b: Value,
        name_v: Value,
        rname_v: Value,
    ) -> PyResult<Option<Value>> {
        let ta = self.heap.type_obj(a);
        let tb = self.heap.type_obj(b);
        // The sequences' `__add__`/`__mul__`/`__rmul__` are CPython's
        // `sq_concat`/`sq_repeat`, which speak after the number protocol.
        let usable = |m: &Value, receiver| !m.is_none() && !self.is_sequence_slot(*m, receiver);
        let left = self.heap.lookup(ta, name_v).filter(|m| usable(m, a));
        let right =
            if ta == tb { None } else { self.heap.lookup(tb, rname_v).filter(|m| usable(m, b)) };
        // The subclass goes first only if it overrides the reflected method
        // (CPython's `method_is_overloaded`).
        let left_reflected = self.heap.lookup(ta, rname_v);
        let not_impl = self.heap.singletons().not_implemented;
        let mut right_tried = false;
        if let Some(r) = right {
            if tb.is_subtype(ta) && left_reflected != Some(r) {
                right_tried = true;
                let result = self.call_method_value(r, b, &[a])?;
                if result != not_impl {
                    return Ok(Some(result));
                }
            }
        }
        if let Some(l) = left {
            let result = self.call_method_value(l, a, &[b])?;
            if result != not_impl {
                return Ok(Some(result));
            }
        }
        if let (Some(r), false) = (right, right_tried) {
            let result = self.call_method_value(r, b, &[a])?;
            if result != not_impl {
                return Ok(Some(result));
            }
        }
        Ok(None)
    }

    /// CPython's `do_richcompare`: the reflected method first when `b`'s
    /// type is a proper subclass of `a`'s, else `a`'s then `b`'s (for
    /// operands of the same type too, unlike arithmetic).
    fn rich_dunder(
        &mut self,
        a: Value,
        b: Value,
        name_v: Value,
        rname_v: Value,
    ) -> PyResult<Option<Value>> {
        let ta = self.heap.type_obj(a);
        let tb = self.heap.type_obj(b);
        let left = self.heap.lookup(ta, name_v).filter(|m| !m.is_none());
        let right = self.heap.lookup(tb, rname_v).filter(|m| !m.is_none());
        let not_impl = self.heap.singletons().not_implemented;
        let reflected_first = ta != tb && tb.is_subtype(ta);
        let order = if reflected_first {
            [(right, b, a), (left, a, b)]
        } else {
            [(left, a, b), (right, b, a)]
        };
        for (method, receiver, arg) in order {
            if let Some(m) = method {
                let result = self.call_compare_method(m, receiver, arg)?;
                if result != not_impl {
                    return Ok(Some(result));
                }
            }
        }
        Ok(None)
    }

    /// `receiver.__op__(arg)` for a rich comparison. As CPython's
    /// `slot_tp_richcompare`, an error binding a descriptor found there
    /// (`__eq__ = property(...)` raising) is NotImplemented.
    pub(crate) fn call_compare_method(
        &mut self,
        m: Value,
        receiver: Value,
        arg: Value,
    ) -> PyResult {
        if function_of(m).is_some() || method_descriptor_of(m).is_some() {
            return self.call_method_value(m, receiver, &[arg]);
        }
        let owner = self.heap.type_of(receiver);
        match self.descr_get(m, receiver, owner) {
            Ok(bound) => self.call(bound, &[arg]),
            Err(_) => Ok(self.heap.singletons().not_implemented),
        }
    }

    /// Operators on built-in types; `None` when the operand types do not
    /// support the operator natively.
    pub(crate) fn native_binary(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if op == BinOp::Add {
            if let (Some(x), Some(y)) = (str_of(a), str_of(b)) {
                return Ok(Some(self.heap.new_str_sum(x, y)));
            }
        }
        if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
            // bool's own &, | and ^ keep the result a bool.
            match op {
                BinOp::And => return Ok(Some(Value::from_bool(x & y))),
                BinOp::Or => return Ok(Some(Value::from_bool(x | y))),
                BinOp::Xor => return Ok(Some(Value::from_bool(x ^ y))),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            return self.numeric_binary(op, &x, &y).map(Some);
        }
        match op {
            BinOp::Add => {
                if let (Some(x), Some(y)) = (list_of(a), list_of(b)) {
                    return Ok(Some(self.heap.new_list_concat(&x.items, &y.items)));
                }
                if let (Some(x), Some(y)) = (tuple_of(a), tuple_of(b)) {
                    let mut items = x.items().to_vec();
                    items.extend_from_slice(y.items());
                    return Ok(Some(self.heap.new_tuple(&items)));
                }
                if let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) {
                    let mut data = x.as_bytes().to_vec();
                    data.extend_from_slice(y.as_bytes());
                    return Ok(Some(self.heap.new_bytes(&data)));
                }
                // bytes and bytearray mix; the result has the left one's type.
                if let (Some(mut data), Some(y)) = (bytes_like(a), bytes_like(b)) {
                    data.extend_from_slice(&y);
                    return Ok(Some(if bytes_of(a).is_some() {
                        self.heap.new_bytes(&data)
                    } else {
                        self.heap.new_bytearray(data)
                    }));
                }
                Ok(None)
            }
            BinOp::Mul => {
                let (seq, count) = if self.as_int(b).is_some() {
                    (a, b)
                } else if self.as_int(a).is_some() {
                    (b, a)
                } else {
                    return Ok(None);
                };
                let Some(n) = self.as_int(count) else { return Ok(None) };
                self.repeat_sequence(seq, count, &n)
            }
            BinOp::Mod => {
                if str_of(a).is_some() {
                    return self.percent_format(a, b).map(Some);
                }
                Ok(None)
            }
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor => self.set_binary(op, a, b),
            _ => Ok(None),
        }
    }

    /// For instances of user subclasses of built-in types that do not
    /// override the operator: the built-in operator on their base values.
    fn native_binary_of_bases(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let a = self.builtin_base_value(a);
        let b = self.builtin_base_value(b);
        if self.is_user_typed(a) || self.is_user_typed(b) {
            return Ok(None);
        }
        self.native_binary(op, a, b)
    }

    fn repeat_sequence(&mut self, seq: Value, count: Value, n: &Int) -> PyResult<Option<Value>> {
        let times = match n.to_i64() {
            Some(t) => t.max(0) as usize,
            None if n.is_negative() => 0,
            None => {
                return Err(PyErr::overflow_error(
                    &self.heap,
                    &format!("cannot fit '{}' into an index-sized integer", self.type_name(count)),
                ))
            }
        };
        let too_big = || PyErr::memory_error(&self.heap, "");
        if let Some(s) = str_of(seq) {
            let len = s.as_wtf8().len().checked_mul(times).ok_or_else(too_big)?;
            if len > isize::MAX as usize / 2 {
                return Err(too_big());
            }
            return Ok(Some(self.heap.new_str_wtf8(&s.as_wtf8().repeat(times))));
        }
        if let Some(l) = list_of(seq) {
            let items = l.items.to_vec();
            items.len().checked_mul(times).filter(|n| *n < (1 << 40)).ok_or_else(too_big)?;
            let all: Vec<Value> = items.iter().copied().cycle().take(items.len() * times).collect();
            return Ok(Some(self.heap.new_list(&all)));
        }
        if let Some(t) = tuple_of(seq) {
            let items = t.items().to_vec();
            items.len().checked_mul(times).filter(|n| *n < (1 << 40)).ok_or_else(too_big)?;
            let all: Vec<Value> = items.iter().copied().cycle().take(items.len() * times).collect();
            return Ok(Some(self.heap.new_tuple(&all)));
        }
        if let Some(b) = bytes_of(seq) {
            b.as_bytes().len().checked_mul(times).ok_or_else(too_big)?;
            return Ok(Some(self.heap.new_bytes(&b.as_bytes().repeat(times))));
        }
        if let Some(a) = bytearray_of(seq) {
            let data = a.data.borrow();
            data.len().checked_mul(times).ok_or_else(too_big)?;
            let repeated = data.repeat(times);
            drop(data);
            return Ok(Some(self.heap.new_bytearray(repeated)));
        }
        Ok(None)
    }

    fn numeric_binary(&mut self, op: BinOp, x: &Num, y: &Num) -> PyResult {
        let arith = |a: Arith| tower::arith(a, x, y);
        let result = match op {
            BinOp::Add => arith(Arith::Add),
            BinOp::Sub => arith(Arith::Sub),
            BinOp::Mul => arith(Arith::Mul),
            BinOp::TrueDiv => arith(Arith::TrueDiv),
            BinOp::FloorDiv => arith(Arith::FloorDiv),
            BinOp::Mod => arith(Arith::Mod),
            BinOp::Pow => arith(Arith::Pow),
            BinOp::MatMul => return Err(self.unsupported_nums("@", x, y)),
            BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor => {
                let (Num::Int(a), Num::Int(b)) = (x, y) else {
                    return Err(self.unsupported_nums(op.symbol(), x, y));
                };
                match op {
                    BinOp::LShift => a.shl(b).map(Num::Int),
                    BinOp::RShift => a.shr(b).map(Num::Int),
                    BinOp::And => Ok(Num::Int(a.bitand(b))),
                    BinOp::Or => Ok(Num::Int(a.bitor(b))),
                    _ => Ok(Num::Int(a.bitxor(b))),
                }
            }
        };
        match result {
            Ok(n) => Ok(self.num_value(n)),
            Err(e) => Err(self.num_error(e)),
        }
    }

    fn unsupported_nums(&self, symbol: &str, x: &Num, y: &Num) -> PyErr {
        let name = |n: &Num| match n {
            Num::Int(_) => "int",
            Num::Float(_) => "float",
            Num::Complex(_) => "complex",
        };
        self.type_error(&format!(
            "unsupported operand type(s) for {symbol}: '{}' and '{}'",
            name(x),
            name(y)
        ))
    }

    /// `pow(a, b, m)`: CPython's `ternary_op`. The `nb_power` of each
    /// distinct operand type is tried in turn; a class's `__pow__` is only
    /// called on the first operand (three-argument pow never tries
    /// `__rpow__`), float and complex refuse a modulus outright.
    pub fn pow3(&mut self, a: Value, b: Value, m: Value) -> PyResult {
        let mut tried: Vec<Value> = Vec::new();
        for v in [a, b, m] {
            let ty = self.heap.type_of(v);
            if tried.contains(&ty) {
                continue;
            }
            tried.push(ty);
            let t = self.heap.type_obj(v);
            let t_ = self.heap.types();
            let is = |base: Value| Gc::<TypeObj>::from_value(base).is_some_and(|b| t.is_subtype(b));
            if self.has_python_pow(t) {
                let a_ty = self.heap.type_obj(a);
                if !self.has_python_pow(a_ty) {
                    continue;
                }
                let r = self.call_method_by_name(a, "__pow__", &[b, m])?;
                if r != self.heap.singletons().not_implemented {
                    return Ok(r);
                }
            } else if is(t_.int) {
                if let (Some(x), Some(y), Some(z)) =
                    (self.as_int(a), self.as_int(b), self.as_int(m))
                {
                    return match x.pow_mod(&y, &z) {
                        Ok(r) => Ok(self.int_value(r)),
                        Err(e) => Err(self.num_error(e)),
                    };
                }
            } else if is(t_.float) {
                return Err(self.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            } else if is(t_.complex) {
                return Err(PyErr::new(&self.heap, t_.value_error, "complex modulo"));
            }
        }
        Err(self.type_error(&format!(
            "unsupported operand type(s) for pow(): '{}', '{}', '{}'",
            self.type_name(a),
            self.type_name(b),
            self.type_name(m)
        )))
    }

    /// Does class `t` define `__pow__` or `__rpow__` in Python (CPython's
    /// `slot_nb_power`)?
    fn has_python_pow(&self, t: Gc<TypeObj>) -> bool {
        ["__pow__", "__rpow__"].into_iter().any(|n| {
            let name = self.heap.intern(n);
            self.heap.lookup(t, name).is_some_and(|m| !self.is_native_slot_method(m))
        })
    }

    /// `-x`, `+x`, `~x`.
    pub fn unary_op(&mut self, op: UnaryOp, x: Value) -> PyResult {
        if !self.is_user_typed(x) {
            if let Some(n) = self.as_num(x) {
                let r = match (op, n) {
                    (UnaryOp::Neg, Num::Int(i)) => Num::Int(i.neg()),
                    (UnaryOp::Neg, Num::Float(f)) => Num::Float(-f),
                    (UnaryOp::Neg, Num::Complex(c)) => Num::Complex(Complex::new(-c.re, -c.im)),
                    (UnaryOp::Pos, n) => n,
                    (UnaryOp::Invert, Num::Int(i)) => Num::Int(i.invert()),
                    (UnaryOp::Not, _) => unreachable!("`not` is truth testing"),
                    (UnaryOp::Invert, _) => {
                        return Err(self.type_error(&format!(
                            "bad operand type for unary ~: '{}'",
                            self.type_name(x)
                        )))
                    }
                };
                return Ok(self.num_value(r));
            }
        }
        let (name, symbol) = match op {
            UnaryOp::Neg => ("__neg__", "-"),
            UnaryOp::Pos => ("__pos__", "+"),
            UnaryOp::Invert => ("__invert__", "~"),
            UnaryOp::Not => ("__bool__", "not"),
        };
        let name_v = self.heap.intern(name);
        if let Some(m) = self.heap.lookup_in_type_of(x, name_v) {
            return self.call_method_value(m, x, &[]);
        }
        let base = self.builtin_base_value(x);
        if base != x {
            return self.unary_op(op, base);
        }
        Err(self
            .type_error(&format!("bad operand type for unary {symbol}: '{}'", self.type_name(x))))
    }

    /// Truth testing: `__bool__`, then `__len__`, else true.
    pub fn is_true(&mut self, v: Value) -> PyResult<bool> {
        if let Some(b) = v.as_bool() {
            return Ok(b);
        }
        if v.is_none() {
            return Ok(false);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(f) = v.as_f64() {
            return Ok(f != 0.0);
        }
        if self.is_user_typed(v) {
            let bool_name = self.names.dunder_bool;
            if let Some(m) = self.heap.lookup_in_type_of(v, bool_name) {
                if !self.is_native_slot_method(m) {
                    let r = self.call_method_value(m, v, &[])?;
                    return match r.as_bool() {
                        Some(b) => Ok(b),
                        None => Err(self.type_error(&format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(r)
                        ))),
                    };
                }
            }
            let len_name = self.names.dunder_len;
            if let Some(m) = self.heap.lookup_in_type_of(v, len_name) {
                if !self.is_native_slot_method(m) {
                    let r = self.call_method_value(m, v, &[])?;
                    return Ok(self.len_result(r)? != 0);
                }
            }
            // A subclass of a container is as long as its layout (an
            // empty dict subclass, which has no base-value copy, is false).
            if let Some(n) = self.native_len(v) {
                return Ok(n != 0);
            }
            let base = self.builtin_base_value(v);
            if base == v {
                return Ok(true);
            }
            return self.is_true(base);
        }
        // Containers and strings first: they are what most tests test.
        if let Some(n) = self.native_len(v) {
            return Ok(n != 0);
        }
        if let Some(n) = self.as_num(v) {
            return Ok(match n {
                Num::Int(i) => !i.is_zero(),
                Num::Float(f) => f != 0.0,
                Num::Complex(c) => c.re != 0.0 || c.im != 0.0,
            });
        }
        if let Some(m) = self.proxied_mapping(v) {
            return self.with_temp(m, |vm| vm.is_true(m));
        }
        Ok(true)
    }

    /// A comparison, including `in`, `not in`, `is`, `is not`.
    pub fn compare_op(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult {
        match op {
            CmpOp::Is => Ok(Value::from_bool(a == b)),
            CmpOp::IsNot => Ok(Value::from_bool(a != b)),
            CmpOp::In => self.contains(b, a).map(Value::from_bool),
            CmpOp::NotIn => self.contains(b, a).map(|c| Value::from_bool(!c)),
            _ => self.rich_compare(op, a, b),
        }
    }

    /// `a < b` and friends, with the reflected-operand protocol.
    pub fn rich_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult {
        if let Some(ord) = self.exact_str_compare(op, a, b) {
            return Ok(Value::from_bool(ord));
        }
        // A mappingproxy compares as its mapping does.
        if let Some(m) = self.proxied_mapping(a) {
            return self.with_temp(m, |vm| vm.rich_compare(op, m, b));
        }
        if let Some(m) = self.proxied_mapping(b) {
            return self.with_temp(m, |vm| vm.rich_compare(op, a, m));
        }
        if !self.is_user_typed(a) && !self.is_user_typed(b) {
            if let Some(ord) = self.native_compare(op, a, b)? {
                return Ok(Value::from_bool(ord));
            }
        }
        if let Some((name, rname)) = cmp_dunders(&self.names, op) {
            if let Some(r) = self.rich_dunder(a, b, name, rname)? {
                return Ok(r);
            }
        }
        if self.is_user_typed(a) || self.is_user_typed(b) {
            let (ba, bb) = (self.builtin_base_value(a), self.builtin_base_value(b));
            if (ba != a || bb != b) && !self.is_user_typed(ba) && !self.is_user_typed(bb) {
                if let Some(ord) = self.native_compare(op, ba, bb)? {
                    return Ok(Value::from_bool(ord));
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::from_bool(a == b)),
            CmpOp::Ne => Ok(Value::from_bool(a != b)),
            _ => Err(self.type_error(&format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// Comparison of two strs of type exactly `str`, the commonest
    /// comparison of text-processing jobs, before any other type test.
    #[inline]
    fn exact_str_compare(&self, op: CmpOp, a: Value, b: Value) -> Option<bool> {
        if !matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Eq | CmpOp::Ne | CmpOp::Gt | CmpOp::Ge) {
            return None;
        }
        let (x, y) = (str_of(a)?, str_of(b)?);
        let str_type = self.heap.types().str;
        if self.heap.type_of(a) != str_type || self.heap.type_of(b) != str_type {
            return None;
        }
        if a == b && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Some(op == CmpOp::Eq);
        }
        Some(ordering_matches(op, x.as_wtf8().cmp(y.as_wtf8())))
    }

    /// Comparison of built-in values; `None` when the types do not compare
    /// natively (the caller then tries special methods and identity).
    pub(crate) fn native_compare(
        &mut self,
        op: CmpOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                let eq = tower::equals(&x, &y);
                return Ok(Some(if op == CmpOp::Eq { eq } else { !eq }));
            }
            if matches!(x, Num::Complex(_)) || matches!(y, Num::Complex(_)) {
                return Ok(None);
            }
            return Ok(Some(match tower::compare(&x, &y) {
                Some(ord) => ordering_matches(op, ord),
                None => false,
            }));
        }
        if let (Some(x), Some(y)) = (str_of(a), str_of(b)) {
            return Ok(Some(ordering_matches(op, x.as_wtf8().cmp(y.as_wtf8()))));
        }
        if let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) {
            return Ok(Some(ordering_matches(op, x.as_bytes().cmp(y.as_bytes()))));
        }
        if bytearray_of(a).is_some() || bytearray_of(b).is_some() {
            // bytearray compares with bytes and bytearray by content.
            let data = |v: Value| {
                bytes_of(v)
                    .map(|b| b.as_bytes().to_vec())
                    .or_else(|| bytearray_of(v).map(|b| b.data.borrow().clone()))
            };
            if let (Some(x), Some(y)) = (data(a), data(b)) {
                return Ok(Some(ordering_matches(op, x.cmp(&y))));
            }
        }
        if let (Some(x), Some(y)) = (Gc::<SliceObj>::from_value(a), Gc::<SliceObj>::from_value(b)) {
            // Slices compare as the tuples (start, stop, step).
            return self
                .compare_sequences(op, &[x.start, x.stop, x.step], &[y.start, y.stop, y.step])
                .map(Some);
        }
        if let (Some(x), Some(y)) = (Gc::<RangeObj>::from_value(a), Gc::<RangeObj>::from_value(b)) {
            let eq = self.ranges_equal(x, y);
            return Ok(match op {
                CmpOp::Eq => Some(eq),
                CmpOp::Ne => Some(!eq),
                _ => None,
            });
        }
        if let (Some(x), Some(y)) = (method_of(a), method_of(b)) {
            // Bound methods are equal when they bind the same function to
            // the very same receiver (CPython 3.8 compares `__self__` by identity).
            let same = x.function == y.function && x.receiver == y.receiver;
            return Ok(match op {
                CmpOp::Eq => Some(same),
                CmpOp::Ne => Some(!same),
                _ => None,
            });
        }
        if let (Some(x), Some(y)) = (cell_of(a), cell_of(b)) {
            // `cell_richcompare`: by contents; an empty cell is less than
            // a full one.
            let (x, y) = (x.value.get(), y.value.get());
            if x.is_empty() || y.is_empty() {
                return Ok(Some(ordering_matches(op, (!x.is_empty()).cmp(&!y.is_empty()))));
            }
            let r = self.rich_compare(op, x, y)?;
            return self.is_true(r).map(Some);
        }
        if let Some(same) = self.native_methods_same(a, b) {
            return Ok(match op {
                CmpOp::Eq => Some(same),
                CmpOp::Ne => Some(!same),
                _ => None,
            });
        }
        if a.is_none() || b.is_none() {
            return Ok(match op {
                CmpOp::Eq => Some(a == b),
                CmpOp::Ne => Some(a != b),
                _ => None,
            });
        }
        let seqs = match (tuple_of(a), tuple_of(b), list_of(a), list_of(b)) {
            (Some(x), Some(y), _, _) => Some((x.items().to_vec(), y.items().to_vec())),
            (_, _, Some(x), Some(y)) => Some((x.items.to_vec(), y.items.to_vec())),
            _ => None,
        };
        if let Some((xs, ys)) = seqs {
            return self.compare_sequences(op, &xs, &ys).map(Some);
        }
        if let (Some(_), Some(_)) =
            (crate::object::dict::dict_of(a), crate::object::dict::dict_of(b))
        {
            if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                let eq = self.in_comparison(|vm| vm.dicts_equal(a, b))?;
                return Ok(Some(if op == CmpOp::Eq { eq } else { !eq }));
            }
            return Ok(None);
        }
        if let Some(r) = self.set_compare(op, a, b)? {
            return Ok(Some(r));
        }
        Ok(None)
    }

    /// Lexicographic comparison of tuples and lists.
    fn compare_sequences(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        self.in_comparison(|vm| vm.compare_items(op, xs, ys))
    }

    /// PyObject_RichCompare's Py_EnterRecursiveCall: comparisons of nested
    /// containers (a dict or list holding itself) share the call depth limit.
    fn in_comparison<T>(&mut self, compare: impl FnOnce(&mut Self) -> PyResult<T>) -> PyResult<T> {
        if self.depth >= self.recursion_limit {
            return Err(PyErr::recursion_error(
                &self.heap,
                "maximum recursion depth exceeded in comparison",
            ));
        }
        self.depth += 1;
        let r = compare(self);
        self.depth -= 1;
        r
    }

    fn compare_items(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        let mark = self.stack.len();
        self.stack.extend_from_slice(xs);
        self.stack.extend_from_slice(ys);
        let result = (|| {
            for i in 0..xs.len().min(ys.len()) {
                let (x, y) = (self.stack[mark + i], self.stack[mark + xs.len() + i]);
                if !self.keys_equal(x, y)? {
                    return match op {
                        CmpOp::Eq => Ok(false),
                        CmpOp::Ne => Ok(true),
                        _ => {
                            let r = self.rich_compare(op, x, y)?;
                            self.is_true(r)
                        }
                    };
                }
            }
            Ok(ordering_matches(op, xs.len().cmp(&ys.len())))
        })();
        self.truncate_temps(mark);
        result
    }

    fn dicts_equal(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let (xa, xb) = (self.dict_items(a), self.dict_items(b));
        if xa.len() != xb.len() {
            return Ok(false);
        }
        let mark = self.stack.len();
        for (k, v) in &xa {
            self.stack.push(*k);
            self.stack.push(*v);
        }
        let result = (|| {
            for i in 0..xa.len() {
                let (k, v) = (self.stack[mark + 2 * i], self.stack[mark + 2 * i + 1]);
                match self.dict_get_item(b, k)? {
                    None => return Ok(false),
                    Some(w) => {
                        if !self.keys_equal(v, w)? {
                            return Ok(false);
                        }
                    }
                }
            }
            Ok(true)
        })();
        self.truncate_temps(mark);
        result
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if !self.is_user_typed(container) {
            if let Some(s) = str_of(container) {
                let Some(needle) = str_of(item) else {
                    return Err(self.type_error(&format!(
                        "'in <string>' requires string as left operand, not {}",
                        self.type_name(item)
                    )));
                };
                return Ok(match (s.to_str(), needle.to_str()) {
                    (Ok(hay), Ok(needle)) => hay.contains(needle),
                    _ => crate::unicode::wtf8::find(s.as_wtf8(), needle.as_wtf8()).is_some(),
                });
            }
            if crate::object::dict::dict_of(container).is_some() {
                return Ok(self.dict_get_item(container, item)?.is_some());
            }
            if crate::builtins::bytes_methods::ByteView::of(container).is_some() {
                return crate::builtins::bytes_methods::contains(self, container, item);
            }
            if self.is_set_like(container) {
                return self.set_contains(container, item);
            }
            if let Some(found) = self.class_namespace_get(container, item) {
                return Ok(found.is_some());
            }
            if let Some(m) = self.proxied_mapping(container) {
                return self.with_temp(m, |vm| vm.contains(m, item));
            }
            if let Some(range) = self.range_contains(container, item) {
                return Ok(range);
            }
        } else {
            let name = self.names.dunder_contains;
            if let Some(m) = self.heap.lookup_in_type_of(container, name) {
                if !self.is_native_slot_method(m) {
                    let r = self.call_method_value(m, container, &[item])?;
                    return self.is_true(r);
                }
            }
        }
        // Fall back to iteration (`__iter__`, then the `__getitem__` protocol).
        let iter = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) if e.matches(&self.heap, self.heap.types().type_error) => {
                return Err(self.type_error(&format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
            }
            Err(e) => return Err(e),
        };
        let mark = self.push_temp(iter);
        self.push_temp(item);
        let result = (|| {
            while let Some(x) = self.iter_next(iter)? {
                if self.keys_equal(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.truncate_temps(mark);
        result
    }

    /// The int a `__len__` returned, checked as CPython checks it.
    pub fn len_result(&mut self, r: Value) -> PyResult<usize> {
        match self.as_int(r) {
            Some(i) if i.is_negative() => Err(self.value_error("__len__() should return >= 0")),
            Some(i) => i.to_i64().map(|n| n as usize).ok_or_else(|| {
                PyErr::overflow_error(&self.heap, "cannot fit 'int' into an index-sized integer")
            }),
            None => Err(self.type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            ))),
        }
    }
}

/// Does `ord` (of `a` against `b`) satisfy `a OP b`?
pub fn ordering_matches(op: CmpOp, ord: Ordering) -> bool {
    match op {
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
        _ => false,
    }
}
