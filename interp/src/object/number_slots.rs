//! The native slots of `int`, `bool`, `float` and `complex`: they unbox
//! their operands, call `crate::number::tower`, and box the result.
//!
//! Each type accepts only the operands CPython converts for it: `int`
//! slots take ints (and bools), `float` slots ints and floats, `complex`
//! slots all three; anything else gives `NotImplemented`, so that
//! `1 + MyFloat(2.0)` still reaches `MyFloat.__radd__`.

use std::cmp::Ordering;

use super::boxes::{int_of, num_of};
use super::err::PyErr;
use super::header::Gc;
use super::heap::Heap;
use super::slots::{CompareOp, NativeSlots, Runtime};
use super::types::TypeObj;
use super::value::Value;
use crate::number::tower::{self, Arith, Num};
use crate::number::{Complex, Int, NumError, NumErrorKind};

const INT: u8 = 0;
const FLOAT: u8 = 1;
const COMPLEX: u8 = 2;

const ADD: u8 = 0;
const SUB: u8 = 1;
const MUL: u8 = 2;
const TRUEDIV: u8 = 3;
const FLOORDIV: u8 = 4;
const MOD: u8 = 5;
const ARITH: [Arith; 6] =
    [Arith::Add, Arith::Sub, Arith::Mul, Arith::TrueDiv, Arith::FloorDiv, Arith::Mod];

fn tier(n: &Num) -> u8 {
    match n {
        Num::Int(_) => INT,
        Num::Float(_) => FLOAT,
        Num::Complex(_) => COMPLEX,
    }
}

/// `v` as a number a type of tier `TIER` converts, if it is one.
fn operand<const TIER: u8>(v: Value) -> Option<Num> {
    num_of(v).filter(|n| tier(n) <= TIER)
}

fn operands<const TIER: u8>(a: Value, b: Value) -> Option<(Num, Num)> {
    Some((operand::<TIER>(a)?, operand::<TIER>(b)?))
}

/// The Python exception for a failed numeric operation.
pub fn num_error(heap: &Heap, e: NumError) -> PyErr {
    let t = heap.types();
    let ty = match e.kind {
        NumErrorKind::ZeroDivisionError => t.zero_division_error,
        NumErrorKind::OverflowError => t.overflow_error,
        NumErrorKind::ValueError => t.value_error,
        NumErrorKind::TypeError => t.type_error,
        NumErrorKind::MemoryError => t.memory_error,
    };
    PyErr::new(heap, ty, &e.message)
}

fn boxed(heap: &Heap, r: Result<Num, NumError>) -> Result<Value, PyErr> {
    r.map(|n| heap.new_num(n)).map_err(|e| num_error(heap, e))
}

fn arith<const TIER: u8, const OP: u8>(
    rt: &mut dyn Runtime,
    a: Value,
    b: Value,
) -> Result<Value, PyErr> {
    let heap = rt.heap();
    match operands::<TIER>(a, b) {
        Some((x, y)) => boxed(heap, tower::arith(ARITH[OP as usize], &x, &y)),
        None => Ok(heap.singletons().not_implemented),
    }
}

fn pow<const TIER: u8>(rt: &mut dyn Runtime, a: Value, b: Value, m: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    let Some((x, y)) = operands::<TIER>(a, b) else { return Ok(heap.singletons().not_implemented) };
    if m.is_none() {
        return boxed(heap, tower::arith(Arith::Pow, &x, &y));
    }
    match operand::<TIER>(m) {
        Some(z) => boxed(heap, tower::pow_mod(&x, &y, &z)),
        None => Ok(heap.singletons().not_implemented),
    }
}

fn divmod<const TIER: u8>(rt: &mut dyn Runtime, a: Value, b: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    let Some((x, y)) = operands::<TIER>(a, b) else { return Ok(heap.singletons().not_implemented) };
    let (q, r) = tower::divmod(&x, &y).map_err(|e| num_error(heap, e))?;
    let (q, r) = (heap.new_num(q), heap.new_num(r));
    Ok(heap.new_tuple(&[q, r]))
}

fn compare<const TIER: u8>(
    rt: &mut dyn Runtime,
    a: Value,
    b: Value,
    op: CompareOp,
) -> Result<Value, PyErr> {
    let heap = rt.heap();
    let Some((x, y)) = operands::<TIER>(a, b) else { return Ok(heap.singletons().not_implemented) };
    let result = match op {
        CompareOp::Eq => tower::equals(&x, &y),
        CompareOp::Ne => !tower::equals(&x, &y),
        _ if TIER == COMPLEX => return Ok(heap.singletons().not_implemented),
        _ => tower::compare(&x, &y).is_some_and(|ord| match op {
            CompareOp::Lt => ord == Ordering::Less,
            CompareOp::Le => ord != Ordering::Greater,
            CompareOp::Gt => ord == Ordering::Greater,
            _ => ord != Ordering::Less,
        }),
    };
    Ok(Value::from_bool(result))
}

/// The number of `v`, which is of the slot's own type.
fn own(v: Value) -> Num {
    num_of(v).unwrap_or(Num::Int(Int::Small(0)))
}

fn hash(_rt: &mut dyn Runtime, v: Value) -> Result<i64, PyErr> {
    Ok(own(v).hash())
}

fn nonzero(_rt: &mut dyn Runtime, v: Value) -> Result<bool, PyErr> {
    Ok(match own(v) {
        Num::Int(i) => !i.is_zero(),
        Num::Float(f) => f != 0.0,
        Num::Complex(z) => z.re != 0.0 || z.im != 0.0,
    })
}

fn repr(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    Ok(heap.new_str_from_string(own(v).repr()))
}

fn neg(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    Ok(heap.new_num(match own(v) {
        Num::Int(i) => Num::Int(i.neg()),
        Num::Float(f) => Num::Float(-f),
        Num::Complex(z) => Num::Complex(Complex { re: -z.re, im: -z.im }),
    }))
}

/// `+x`: the value as its exact base type (drops a subclass).
fn pos(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    Ok(heap.new_num(own(v)))
}

fn abs(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    match own(v) {
        Num::Int(i) => Ok(heap.new_int_from(i.abs())),
        Num::Float(f) => Ok(Value::from_f64(f.abs())),
        Num::Complex(z) => z.abs().map(Value::from_f64).map_err(|e| num_error(heap, e)),
    }
}

/// `int(x)` / `x.__index__()`.
fn to_int(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    let i = match own(v) {
        Num::Int(i) => Ok(i),
        Num::Float(f) => Int::from_f64(f),
        Num::Complex(_) => Err(NumError::type_error("can't convert complex to int")),
    };
    i.map(|i| heap.new_int_from(i)).map_err(|e| num_error(heap, e))
}

fn to_float(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    let f = match own(v) {
        Num::Int(i) => i.to_f64(),
        Num::Float(f) => Ok(f),
        Num::Complex(_) => Err(NumError::type_error("can't convert complex to float")),
    };
    f.map(Value::from_f64).map_err(|e| num_error(heap, e))
}

fn int_binary(
    rt: &mut dyn Runtime,
    a: Value,
    b: Value,
    f: fn(&Int, &Int) -> Result<Int, NumError>,
) -> Result<Value, PyErr> {
    let heap = rt.heap();
    match (int_of(a), int_of(b)) {
        (Some(x), Some(y)) => {
            f(&x, &y).map(|i| heap.new_int_from(i)).map_err(|e| num_error(heap, e))
        }
        _ => Ok(heap.singletons().not_implemented),
    }
}

fn and(rt: &mut dyn Runtime, a: Value, b: Value) -> Result<Value, PyErr> {
    int_binary(rt, a, b, |x, y| Ok(x.bitand(y)))
}

fn or(rt: &mut dyn Runtime, a: Value, b: Value) -> Result<Value, PyErr> {
    int_binary(rt, a, b, |x, y| Ok(x.bitor(y)))
}

fn xor(rt: &mut dyn Runtime, a: Value, b: Value) -> Result<Value, PyErr> {
    int_binary(rt, a, b, |x, y| Ok(x.bitxor(y)))
}

fn lshift(rt: &mut dyn Runtime, a: Value, b: Value) -> Result<Value, PyErr> {
    int_binary(rt, a, b, Int::shl)
}

fn rshift(rt: &mut dyn Runtime, a: Value, b: Value) -> Result<Value, PyErr> {
    int_binary(rt, a, b, Int::shr)
}

fn invert(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    match own(v) {
        Num::Int(i) => Ok(heap.new_int_from(i.invert())),
        _ => Ok(heap.singletons().not_implemented),
    }
}

/// `bool & bool` stays a bool; with any other int it is int arithmetic.
fn bool_logic<const OP: u8>(rt: &mut dyn Runtime, a: Value, b: Value) -> Result<Value, PyErr> {
    if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
        return Ok(Value::from_bool(match OP {
            0 => x & y,
            1 => x | y,
            _ => x ^ y,
        }));
    }
    match OP {
        0 => and(rt, a, b),
        1 => or(rt, a, b),
        _ => xor(rt, a, b),
    }
}

fn bool_repr(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    let heap = rt.heap();
    Ok(heap.intern(if v.as_bool() == Some(true) { "True" } else { "False" }))
}

fn fill_arith<const TIER: u8>(s: &NativeSlots) {
    s.add.set(Some(arith::<TIER, ADD>));
    s.sub.set(Some(arith::<TIER, SUB>));
    s.mul.set(Some(arith::<TIER, MUL>));
    s.truediv.set(Some(arith::<TIER, TRUEDIV>));
    s.floordiv.set(Some(arith::<TIER, FLOORDIV>));
    s.rem.set(Some(arith::<TIER, MOD>));
    s.divmod.set(Some(divmod::<TIER>));
    s.pow.set(Some(pow::<TIER>));
    s.compare.set(Some(compare::<TIER>));
    s.hash.set(Some(hash));
    s.bool.set(Some(nonzero));
    s.repr.set(Some(repr));
    s.neg.set(Some(neg));
    s.pos.set(Some(pos));
    s.abs.set(Some(abs));
    s.int.set(Some(to_int));
    s.float.set(Some(to_float));
}

/// Fills the slots of the numeric built-in types (at heap start).
pub(super) fn install(heap: &Heap) {
    let ty = |v: Value| Gc::<TypeObj>::from_value(v).expect("built-in types are types");
    let t = heap.types();
    for int_like in [t.int, t.bool] {
        let s = &ty(int_like).slots;
        fill_arith::<INT>(s);
        s.index.set(Some(to_int));
        s.and.set(Some(and));
        s.or.set(Some(or));
        s.xor.set(Some(xor));
        s.lshift.set(Some(lshift));
        s.rshift.set(Some(rshift));
        s.invert.set(Some(invert));
    }
    let b = &ty(t.bool).slots;
    b.and.set(Some(bool_logic::<0>));
    b.or.set(Some(bool_logic::<1>));
    b.xor.set(Some(bool_logic::<2>));
    b.repr.set(Some(bool_repr));
    fill_arith::<FLOAT>(&ty(t.float).slots);
    fill_arith::<COMPLEX>(&ty(t.complex).slots);
}

#[cfg(test)]
mod tests {
    use super::super::attrmap::AttrMap;
    use super::super::str::str_of;
    use super::super::test_support::NoVm;
    use super::*;

    fn int(i: i64) -> Value {
        Value::from_small_int(i).unwrap()
    }

    /// The type of `v`, whose `.slots` the tests call.
    fn type_of(heap: &Heap, v: Value) -> Gc<TypeObj> {
        heap.type_obj(v)
    }

    #[test]
    fn int_float_complex_arithmetic_through_slots() {
        let heap = Heap::new();
        let mut rt = NoVm(&heap);
        let add = type_of(&heap, int(1)).slots.add.get().unwrap();
        assert_eq!(add(&mut rt, int(2), int(3)).unwrap(), int(5));
        let big = add(&mut rt, int(crate::object::value::SMALL_INT_MAX), int(1)).unwrap();
        assert!(big.is_ptr(), "overflow boxes a big int");
        assert_eq!(
            add(&mut rt, int(2), Value::from_f64(0.5)).unwrap(),
            heap.singletons().not_implemented
        );
        let fadd = type_of(&heap, Value::from_f64(0.0)).slots.add.get().unwrap();
        assert_eq!(fadd(&mut rt, int(2), Value::from_f64(0.5)).unwrap(), Value::from_f64(2.5));
        let div = type_of(&heap, int(1)).slots.truediv.get().unwrap();
        let err = div(&mut rt, int(1), int(0)).unwrap_err();
        assert_eq!(format!("{err:?}"), "ZeroDivisionError: division by zero");
        let pow = type_of(&heap, int(1)).slots.pow.get().unwrap();
        assert_eq!(pow(&mut rt, int(2), int(10), Value::NONE).unwrap(), int(1024));
        assert_eq!(pow(&mut rt, int(2), int(10), int(1000)).unwrap(), int(24));
        assert_eq!(pow(&mut rt, int(2), int(-1), Value::NONE).unwrap(), Value::from_f64(0.5));
        let c = heap.new_complex(1.0, 2.0);
        let cmul = type_of(&heap, c).slots.mul.get().unwrap();
        let sq = cmul(&mut rt, c, c).unwrap();
        let r = type_of(&heap, sq).slots.repr.get().unwrap()(&mut rt, sq).unwrap();
        assert_eq!(str_of(r).unwrap().to_str().unwrap(), "(-3+4j)");
        let dm =
            type_of(&heap, int(1)).slots.divmod.get().unwrap()(&mut rt, int(-7), int(2)).unwrap();
        assert_eq!(super::super::tuple::tuple_of(dm).unwrap().items(), &[int(-4), int(1)]);
    }

    #[test]
    fn comparisons_hashes_and_conversions() {
        let heap = Heap::new();
        let mut rt = NoVm(&heap);
        let fcmp = type_of(&heap, Value::from_f64(0.0)).slots.compare.get().unwrap();
        assert_eq!(
            fcmp(&mut rt, int(1), Value::from_f64(1.5), CompareOp::Lt).unwrap(),
            Value::TRUE
        );
        let nan = Value::from_f64(f64::NAN);
        assert_eq!(fcmp(&mut rt, nan, nan, CompareOp::Eq).unwrap(), Value::FALSE);
        assert_eq!(fcmp(&mut rt, nan, nan, CompareOp::Ne).unwrap(), Value::TRUE);
        let c = heap.new_complex(1.0, 0.0);
        let ccmp = type_of(&heap, c).slots.compare.get().unwrap();
        assert_eq!(ccmp(&mut rt, c, int(1), CompareOp::Eq).unwrap(), Value::TRUE);
        assert_eq!(
            ccmp(&mut rt, c, int(1), CompareOp::Lt).unwrap(),
            heap.singletons().not_implemented
        );
        let hash = type_of(&heap, int(1)).slots.hash.get().unwrap();
        assert_eq!(hash(&mut rt, int(-1)).unwrap(), -2);
        let fhash = type_of(&heap, Value::from_f64(0.0)).slots.hash.get().unwrap();
        assert_eq!(fhash(&mut rt, Value::from_f64(2.0)).unwrap(), 2);
        let to_int = type_of(&heap, Value::from_f64(0.0)).slots.int.get().unwrap();
        assert_eq!(to_int(&mut rt, Value::from_f64(-2.7)).unwrap(), int(-2));
        let err = to_int(&mut rt, Value::from_f64(f64::INFINITY)).unwrap_err();
        assert_eq!(format!("{err:?}"), "OverflowError: cannot convert float infinity to integer");
        let err = type_of(&heap, c).slots.int.get().unwrap()(&mut rt, c).unwrap_err();
        assert_eq!(format!("{err:?}"), "TypeError: can't convert complex to int");
    }

    #[test]
    fn bools_and_subclasses() {
        let heap = Heap::new();
        let mut rt = NoVm(&heap);
        let bool_type = type_of(&heap, Value::TRUE);
        let b = &bool_type.slots;
        assert_eq!(b.and.get().unwrap()(&mut rt, Value::TRUE, Value::FALSE).unwrap(), Value::FALSE);
        assert_eq!(b.xor.get().unwrap()(&mut rt, Value::TRUE, int(3)).unwrap(), int(2));
        assert_eq!(b.add.get().unwrap()(&mut rt, Value::TRUE, Value::TRUE).unwrap(), int(2));
        assert_eq!(b.invert.get().unwrap()(&mut rt, Value::TRUE).unwrap(), int(-2));
        let r = b.repr.get().unwrap()(&mut rt, Value::FALSE).unwrap();
        assert_eq!(str_of(r).unwrap().to_str().unwrap(), "False");
        let myint = heap
            .new_class(heap.types().type_, "MyInt", &[heap.types().int], AttrMap::new())
            .unwrap();
        let seven = heap.new_int_of_type(myint, 7.into());
        let myint_type = type_of(&heap, seven);
        let s = &myint_type.slots;
        assert_eq!(
            s.add.get().unwrap()(&mut rt, seven, int(1)).unwrap(),
            int(8),
            "inherited, exact int result"
        );
        assert_eq!(s.pos.get().unwrap()(&mut rt, seven).unwrap(), int(7));
    }
}
