//! `range` and `slice` objects.
//!
//! A range keeps start, stop, step and its length as int values (small or
//! big); [`RangeObj::small`] gives them as `i64` when all fit, which is
//! what `for i in range(n)` needs. A slice keeps its three values as given
//! (any objects); [`slice_indices`] is CPython's `PySlice_GetIndicesEx`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::boxes::{int_to_i64, int_value};
use super::err::PyErr;
use super::gc::Tracer;
use super::header::{Gc, ObjKind, Payload};
use super::heap::Heap;
use super::value::Value;

pub struct RangeObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
    pub len: Value,
}

// SAFETY: traces its four values.
unsafe impl Payload for RangeObj {
    const KIND: ObjKind = ObjKind::Range;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.start, self.stop, self.step, self.len])
    }
}

impl RangeObj {
    /// `(start, stop, step, len)` when all fit in `i64`.
    pub fn small(&self) -> Option<(i64, i64, i64, i64)> {
        Some((
            int_to_i64(self.start)?,
            int_to_i64(self.stop)?,
            int_to_i64(self.step)?,
            int_to_i64(self.len)?,
        ))
    }
}

/// [`range_len`] of `i64` bounds, computed without big ints (the length
/// of `range(-2**63, 2**63 - 1)` does not fit `i64`, hence `i128`).
fn small_range_len(start: i64, stop: i64, step: i64) -> i128 {
    let (lo, hi, step) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        0
    } else {
        (hi - lo - 1) / step + 1
    }
}

/// Length of `range(start, stop, step)` (`step != 0`).
pub fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) =
        if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo >= hi {
        BigInt::zero()
    } else {
        (hi - lo - 1u32).div_floor(&step) + 1u32
    }
}

impl Heap {
    /// `range(start, stop, step)` from int values (the caller has applied
    /// `__index__`).
    pub fn new_range(&self, start: Value, stop: Value, step: Value) -> Result<Value, PyErr> {
        let not_int = || PyErr::type_error(self, "range() arguments must be integers");
        if let (Some(a), Some(b), Some(c)) = (int_to_i64(start), int_to_i64(stop), int_to_i64(step))
        {
            let len = if c == 0 { None } else { i64::try_from(small_range_len(a, b, c)).ok() };
            if let Some(len) = len {
                let len = self.new_int_i64(len);
                // Bools stay bools, as CPython keeps the objects it was
                // given: `range(True, 5)` repr is `range(True, 5)`.
                let keep = |v: Value, n: i64| {
                    if v == Value::TRUE || v == Value::FALSE {
                        v
                    } else {
                        self.new_int_i64(n)
                    }
                };
                let (start, stop, step) = (keep(start, a), keep(stop, b), keep(step, c));
                return Ok(self
                    .alloc(self.types.range, RangeObj { start, stop, step, len })
                    .value());
            }
        }
        let (a, b, c) = (
            int_value(start).ok_or_else(not_int)?,
            int_value(stop).ok_or_else(not_int)?,
            int_value(step).ok_or_else(not_int)?,
        );
        if c.is_zero() {
            return Err(PyErr::value_error(self, "range() arg 3 must not be zero"));
        }
        let len = self.new_int(range_len(&a, &b, &c));
        let (start, stop, step) = (self.new_int(a), self.new_int(b), self.new_int(c));
        Ok(self.alloc(self.types.range, RangeObj { start, stop, step, len }).value())
    }
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

// SAFETY: traces its three values.
unsafe impl Payload for SliceObj {
    const KIND: ObjKind = ObjKind::Slice;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.start, self.stop, self.step])
    }
}

impl Heap {
    pub fn new_slice(&self, start: Value, stop: Value, step: Value) -> Value {
        self.alloc(self.types.slice, SliceObj { start, stop, step }).value()
    }
}

/// A slice index as CPython's `_PyEval_SliceIndex` reads it: ints clamp to
/// the `isize` range; `None` is absent.
fn slice_index(heap: &Heap, v: Value) -> Result<Option<i64>, PyErr> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    match int_value(v) {
        Some(i) => {
            Ok(Some(int_to_i64(v).unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })))
        }
        None => Err(PyErr::type_error(
            heap,
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// `(start, stop, step, slicelength)` of `slice` over a sequence of `len`
/// items (`PySlice_Unpack` + `PySlice_AdjustIndices`).
pub fn slice_indices(
    heap: &Heap,
    slice: Gc<SliceObj>,
    len: i64,
) -> Result<(i64, i64, i64, i64), PyErr> {
    slice_indices_of(heap, [slice.start, slice.stop, slice.step], len)
}

/// [`slice_indices`] of the slice `start:stop:step`, without the object.
pub fn slice_indices_of(
    heap: &Heap,
    [start, stop, step]: [Value; 3],
    len: i64,
) -> Result<(i64, i64, i64, i64), PyErr> {
    // Small ints and None, the usual parts, without the general reading.
    let quick = |v: Value| if v.is_none() { Some(None) } else { v.as_small_int().map(Some) };
    let parts = match (quick(start), quick(stop), quick(step)) {
        (Some(a), Some(b), Some(c)) => Some((a, b, c)),
        _ => None,
    };
    let step = match parts {
        Some((_, _, c)) => c,
        None => slice_index(heap, step)?,
    };
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error(heap, "slice step cannot be zero"));
    }
    let step = step.max(-i64::MAX);
    let (start, stop) = match parts {
        Some((a, b, _)) => (a, b),
        None => (slice_index(heap, start)?, slice_index(heap, stop)?),
    };
    let (def_start, def_stop) = if step < 0 { (i64::MAX, i64::MIN) } else { (0, i64::MAX) };
    let start = start.unwrap_or(def_start);
    let stop = stop.unwrap_or(def_stop);
    let adjust = |i: i64| -> i64 {
        if i < 0 {
            let j = i.saturating_add(len);
            if j < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                j
            }
        } else if i >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            i
        }
    };
    let (start, stop) = (adjust(start), adjust(stop));
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Value {
        Value::from_small_int(i).unwrap()
    }

    #[test]
    fn small_lengths_agree_with_big_ones() {
        let edges = [i64::MIN, i64::MIN + 1, -7, -1, 0, 1, 2, 3, 10, i64::MAX - 1, i64::MAX];
        for &a in &edges {
            for &b in &edges {
                for &c in edges.iter().filter(|&&c| c != 0) {
                    let big = range_len(&a.into(), &b.into(), &c.into());
                    assert_eq!(BigInt::from(small_range_len(a, b, c)), big, "range({a}, {b}, {c})");
                }
            }
        }
    }

    #[test]
    fn range_lengths() {
        let heap = Heap::new();
        for (a, b, c, n) in [
            (0, 10, 1, 10),
            (0, 10, 3, 4),
            (10, 0, -3, 4),
            (5, 5, 1, 0),
            (5, 0, 1, 0),
            (-5, 5, 2, 5),
        ] {
            let r = heap.new_range(int(a), int(b), int(c)).unwrap();
            assert_eq!(
                Gc::<RangeObj>::from_value(r).unwrap().small(),
                Some((a, b, c, n)),
                "range({a}, {b}, {c})"
            );
        }
        let err = heap.new_range(int(0), int(1), int(0)).unwrap_err();
        assert_eq!(err.message(), "range() arg 3 must not be zero");
    }

    #[test]
    fn slice_indices_match_cpython() {
        let heap = Heap::new();
        let n = Value::NONE;
        // (start, stop, step) over len 10 -> CPython's slice(...).indices(10) and length.
        let cases = [
            ((n, n, n), (0, 10, 1, 10)),
            ((int(-3), n, n), (7, 10, 1, 3)),
            ((n, n, int(-1)), (9, -1, -1, 10)),
            ((int(100), int(-100), int(-2)), (9, -1, -2, 5)),
            ((int(2), int(8), int(3)), (2, 8, 3, 2)),
            ((int(-100), int(100), n), (0, 10, 1, 10)),
        ];
        for ((a, b, c), expected) in cases {
            let s = Gc::<SliceObj>::from_value(heap.new_slice(a, b, c)).unwrap();
            assert_eq!(slice_indices(&heap, s, 10).unwrap(), expected);
        }
        let s = Gc::<SliceObj>::from_value(heap.new_slice(n, n, int(0))).unwrap();
        assert_eq!(slice_indices(&heap, s, 10).unwrap_err().message(), "slice step cannot be zero");
    }
}
