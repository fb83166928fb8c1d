//! Boxes for numbers that are not immediates: ints outside the small range
//! (num-bigint), instances of int and float subclasses, complex numbers.
//! The numeric algorithms are `crate::number`'s; this only stores results.
//!
//! Invariant: an `IntObj` whose type is exactly `int` never holds a value
//! in the small-int range, so "is a small int" is a complete fast path and
//! ints are equal iff both are small and equal or both are boxed and equal.

use std::mem::offset_of;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::gc::Tracer;
use super::header::{Gc, HeapObj, ObjKind, Payload};
use super::heap::Heap;
use super::value::Value;
use crate::number::tower::Num;
use crate::number::{Complex, Int};

pub struct IntObj {
    pub value: BigInt,
}

pub struct FloatObj {
    pub value: f64,
}

#[repr(C)]
pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}

pub const FLOAT_VALUE_OFFSET: usize =
    offset_of!(HeapObj<FloatObj>, payload) + offset_of!(FloatObj, value);
pub const COMPLEX_RE_OFFSET: usize =
    offset_of!(HeapObj<ComplexObj>, payload) + offset_of!(ComplexObj, re);
pub const COMPLEX_IM_OFFSET: usize =
    offset_of!(HeapObj<ComplexObj>, payload) + offset_of!(ComplexObj, im);

// SAFETY: numbers hold no references.
unsafe impl Payload for IntObj {
    const KIND: ObjKind = ObjKind::Int;
    fn trace(&self, _tracer: &mut Tracer) {}
    fn extra_bytes(&self) -> usize {
        self.value.bits() as usize / 8
    }
}

// SAFETY: numbers hold no references.
unsafe impl Payload for FloatObj {
    const KIND: ObjKind = ObjKind::Float;
    fn trace(&self, _tracer: &mut Tracer) {}
}

// SAFETY: numbers hold no references.
unsafe impl Payload for ComplexObj {
    const KIND: ObjKind = ObjKind::Complex;
    fn trace(&self, _tracer: &mut Tracer) {}
}

impl Heap {
    /// The int `i`: immediate when it fits, else boxed.
    #[inline]
    pub fn new_int_i64(&self, i: i64) -> Value {
        Value::from_small_int(i).unwrap_or_else(|| {
            self.alloc(self.types.int, IntObj { value: BigInt::from(i) }).value()
        })
    }

    /// The int `i`, normalised: immediate when it fits.
    pub fn new_int(&self, i: BigInt) -> Value {
        if let Some(v) = i.to_i64().and_then(Value::from_small_int) {
            return v;
        }
        self.alloc(self.types.int, IntObj { value: i }).value()
    }

    /// Boxes a result of `crate::number` (immediate when it fits).
    #[inline]
    pub fn new_int_from(&self, i: Int) -> Value {
        match i {
            Int::Small(i) => self.new_int_i64(i),
            Int::Big(b) => self.new_int(b),
        }
    }

    /// An instance of an int subclass `ty` (always boxed).
    pub fn new_int_of_type(&self, ty: Value, i: BigInt) -> Value {
        self.alloc(ty, IntObj { value: i }).value()
    }

    /// An instance of a float subclass (exact floats are immediates).
    pub fn new_float_of_type(&self, ty: Value, f: f64) -> Value {
        self.alloc(ty, FloatObj { value: f }).value()
    }

    pub fn new_complex(&self, re: f64, im: f64) -> Value {
        self.new_complex_of_type(self.types.complex, re, im)
    }

    /// A complex of type `ty`: `complex` or a subclass of it.
    pub fn new_complex_of_type(&self, ty: Value, re: f64, im: f64) -> Value {
        self.alloc(ty, ComplexObj { re, im }).value()
    }

    /// Boxes any numeric result of `crate::number::tower`.
    pub fn new_num(&self, n: Num) -> Value {
        match n {
            Num::Int(i) => self.new_int_from(i),
            Num::Float(f) => Value::from_f64(f),
            Num::Complex(c) => self.new_complex(c.re, c.im),
        }
    }
}

/// The value of an int, bool, or int subclass instance, as the `Int` that
/// `crate::number` computes with.
pub fn int_of(v: Value) -> Option<Int> {
    if let Some(i) = v.as_small_int() {
        Some(Int::Small(i))
    } else if let Some(b) = v.as_bool() {
        Some(Int::Small(b as i64))
    } else {
        Gc::<IntObj>::from_value(v).map(|b| Int::from_big(b.value.clone()))
    }
}

/// Any number (int, bool, float, complex, or an instance of a subclass)
/// as the operand type of `crate::number::tower`.
pub fn num_of(v: Value) -> Option<Num> {
    if let Some(f) = float_value(v) {
        return Some(Num::Float(f));
    }
    if let Some(c) = Gc::<ComplexObj>::from_value(v) {
        return Some(Num::Complex(Complex { re: c.re, im: c.im }));
    }
    int_of(v).map(Num::Int)
}

/// The integer value of an int, bool, or int subclass instance.
pub fn int_value(v: Value) -> Option<BigInt> {
    int_of(v).map(|i| i.to_bigint())
}

/// The value as an `i64` if it is an int (or bool) that fits.
pub fn int_to_i64(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        Some(i)
    } else if let Some(b) = v.as_bool() {
        Some(b as i64)
    } else {
        Gc::<IntObj>::from_value(v).and_then(|b| b.value.to_i64())
    }
}

/// The float value of a float or float subclass instance.
pub fn float_value(v: Value) -> Option<f64> {
    v.as_f64().or_else(|| Gc::<FloatObj>::from_value(v).map(|f| f.value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::value::{SMALL_INT_MAX, SMALL_INT_MIN};

    quickcheck::quickcheck! {
        fn ints_round_trip_through_the_heap(hi: i64, lo: u64, shift: u8) -> bool {
            let heap = Heap::new();
            let i: BigInt = ((BigInt::from(hi) << 64u32) + lo) >> (shift % 128);
            let v = heap.new_int(i.clone());
            let small = i.to_i64().is_some_and(Value::small_int_fits);
            let via_int = heap.new_int_from(Int::from_big(i.clone()));
            v.is_small_int() == small
                && int_value(v) == Some(i.clone())
                && int_of(v) == Some(Int::from_big(i))
                && (via_int == v || int_value(via_int) == int_value(v))
        }
    }

    #[test]
    fn ints_are_small_exactly_when_they_fit() {
        let heap = Heap::new();
        for i in [0, SMALL_INT_MAX, SMALL_INT_MIN] {
            assert!(heap.new_int_i64(i).is_small_int());
            assert!(heap.new_int(BigInt::from(i)).is_small_int());
        }
        for i in [SMALL_INT_MAX + 1, SMALL_INT_MIN - 1, i64::MAX, i64::MIN] {
            let v = heap.new_int_i64(i);
            assert!(v.is_ptr());
            assert_eq!(int_to_i64(v), Some(i));
            assert_eq!(heap.type_of(v), heap.types().int);
        }
        let big: BigInt = BigInt::from(1) << 100;
        let v = heap.new_int(big.clone());
        assert_eq!(int_value(v), Some(big));
        assert_eq!(int_to_i64(v), None);
        assert_eq!(int_value(Value::TRUE), Some(BigInt::from(1)));
        let c = heap.new_complex(1.5, -2.0);
        let g = Gc::<ComplexObj>::from_value(c).unwrap();
        assert_eq!((g.re, g.im), (1.5, -2.0));
        assert_eq!(float_value(Value::from_f64(2.5)), Some(2.5));
        for n in
            [Num::Int(Int::Small(3)), Num::Float(-0.5), Num::Complex(Complex { re: 1.0, im: 2.0 })]
        {
            assert_eq!(num_of(heap.new_num(n.clone())), Some(n));
        }
        assert_eq!(num_of(Value::TRUE), Some(Num::Int(Int::Small(1))));
        assert_eq!(num_of(Value::NONE), None);
    }
}
