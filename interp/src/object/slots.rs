//! Native slots: function pointers for the special methods that built-in
//! types implement in Rust, so the VM calls `int.__add__` without a lookup
//! (CPython's `tp_*`/`nb_*`/`sq_*` slots).
//!
//! A class inherits each slot from its MRO unless its own dict defines one
//! of the slot's dunder names; then the slot is empty and the VM calls the
//! Python method. Setting such a name on a class later empties the slot in
//! the class and its subclasses ([`super::types`]).
//!
//! Binary slots follow CPython's protocol: called with `(left, right)` in
//! source order whichever side owns the slot, they return `NotImplemented`
//! for operands they do not handle.

use std::cell::Cell;

use super::err::PyErr;
use super::heap::Heap;
use super::value::Value;

/// What slot functions get: the heap, and a way back into the interpreter.
/// The VM implements it.
pub trait Runtime {
    fn heap(&self) -> &Heap;
    /// Calls any Python callable with positional arguments.
    fn call(&mut self, callable: Value, args: &[Value]) -> Result<Value, PyErr>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

pub type UnaryFn = fn(&mut dyn Runtime, Value) -> Result<Value, PyErr>;
pub type BinaryFn = fn(&mut dyn Runtime, Value, Value) -> Result<Value, PyErr>;
pub type TernaryFn = fn(&mut dyn Runtime, Value, Value, Value) -> Result<Value, PyErr>;
pub type CompareFn = fn(&mut dyn Runtime, Value, Value, CompareOp) -> Result<Value, PyErr>;
pub type HashFn = fn(&mut dyn Runtime, Value) -> Result<i64, PyErr>;
pub type LenFn = fn(&mut dyn Runtime, Value) -> Result<usize, PyErr>;
pub type BoolFn = fn(&mut dyn Runtime, Value) -> Result<bool, PyErr>;
/// `Ok(None)` is exhaustion (no StopIteration object needed).
pub type NextFn = fn(&mut dyn Runtime, Value) -> Result<Option<Value>, PyErr>;
/// `(callable, args, kwnames)`: the last `kwnames.len()` args are keyword
/// arguments named by `kwnames` (interned strs), as in vectorcall.
pub type CallFn = fn(&mut dyn Runtime, Value, &[Value], &[Value]) -> Result<Value, PyErr>;
pub type SetItemFn = fn(&mut dyn Runtime, Value, Value, Value) -> Result<(), PyErr>;
pub type DelItemFn = fn(&mut dyn Runtime, Value, Value) -> Result<(), PyErr>;
pub type ContainsFn = fn(&mut dyn Runtime, Value, Value) -> Result<bool, PyErr>;

macro_rules! native_slots {
    ($($field:ident: $ty:ty = [$($dunder:literal),+],)*) => {
        /// One `Cell` per slot: reading a slot is one load at a fixed offset.
        #[derive(Default)]
        pub struct NativeSlots {
            $(pub $field: Cell<Option<$ty>>,)*
        }

        impl NativeSlots {
            /// Takes every slot `from` has that `self` lacks, unless the
            /// class defines one of the slot's dunders (`defines`).
            pub fn inherit(&self, from: &NativeSlots, defines: &dyn Fn(&str) -> bool) {
                $(
                    if self.$field.get().is_none() && !([$($dunder),+].iter().any(|d| defines(d))) {
                        self.$field.set(from.$field.get());
                    }
                )*
            }

            /// Empties the slot that `dunder` implements; false if `dunder`
            /// names no slot.
            pub fn clear_for(&self, dunder: &str) -> bool {
                let mut found = false;
                $(
                    if [$($dunder),+].contains(&dunder) {
                        self.$field.set(None);
                        found = true;
                    }
                )*
                found
            }

            /// Empties every slot (before inheriting again from new bases).
            pub fn clear_all(&self) {
                $(self.$field.set(None);)*
            }

            /// Whether `name` is the dunder of some slot.
            pub fn is_slot_name(name: &str) -> bool {
                false $(|| [$($dunder),+].contains(&name))*
            }
        }
    };
}

native_slots! {
    repr: UnaryFn = ["__repr__"],
    str: UnaryFn = ["__str__"],
    hash: HashFn = ["__hash__", "__eq__"],
    bool: BoolFn = ["__bool__", "__len__"],
    len: LenFn = ["__len__"],
    compare: CompareFn = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"],
    iter: UnaryFn = ["__iter__"],
    next: NextFn = ["__next__"],
    call: CallFn = ["__call__"],
    new: CallFn = ["__new__"],
    init: CallFn = ["__init__"],
    getattr: BinaryFn = ["__getattribute__", "__getattr__"],
    descr_get: TernaryFn = ["__get__"],
    getitem: BinaryFn = ["__getitem__"],
    setitem: SetItemFn = ["__setitem__"],
    delitem: DelItemFn = ["__delitem__"],
    contains: ContainsFn = ["__contains__"],
    add: BinaryFn = ["__add__", "__radd__"],
    sub: BinaryFn = ["__sub__", "__rsub__"],
    mul: BinaryFn = ["__mul__", "__rmul__"],
    matmul: BinaryFn = ["__matmul__", "__rmatmul__"],
    truediv: BinaryFn = ["__truediv__", "__rtruediv__"],
    floordiv: BinaryFn = ["__floordiv__", "__rfloordiv__"],
    rem: BinaryFn = ["__mod__", "__rmod__"],
    divmod: BinaryFn = ["__divmod__", "__rdivmod__"],
    pow: TernaryFn = ["__pow__", "__rpow__"],
    lshift: BinaryFn = ["__lshift__", "__rlshift__"],
    rshift: BinaryFn = ["__rshift__", "__rrshift__"],
    and: BinaryFn = ["__and__", "__rand__"],
    xor: BinaryFn = ["__xor__", "__rxor__"],
    or: BinaryFn = ["__or__", "__ror__"],
    inplace_add: BinaryFn = ["__iadd__"],
    inplace_sub: BinaryFn = ["__isub__"],
    inplace_mul: BinaryFn = ["__imul__"],
    inplace_or: BinaryFn = ["__ior__"],
    inplace_and: BinaryFn = ["__iand__"],
    inplace_xor: BinaryFn = ["__ixor__"],
    neg: UnaryFn = ["__neg__"],
    pos: UnaryFn = ["__pos__"],
    abs: UnaryFn = ["__abs__"],
    invert: UnaryFn = ["__invert__"],
    int: UnaryFn = ["__int__"],
    float: UnaryFn = ["__float__"],
    index: UnaryFn = ["__index__"],
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(_rt: &mut dyn Runtime, _v: Value) -> Result<Value, PyErr> {
        Ok(Value::from_small_int(1).unwrap())
    }

    #[test]
    fn inherit_skips_what_the_class_defines() {
        let base = NativeSlots::default();
        base.neg.set(Some(one));
        base.repr.set(Some(one));
        let sub = NativeSlots::default();
        sub.inherit(&base, &|d| d == "__repr__");
        assert!(sub.neg.get().is_some());
        assert!(sub.repr.get().is_none());
        assert!(sub.clear_for("__neg__"));
        assert!(sub.neg.get().is_none());
        assert!(!sub.clear_for("spam"));
        assert!(NativeSlots::is_slot_name("__radd__"));
    }
}
