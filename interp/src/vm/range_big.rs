//! `range` objects beyond `i64` (CPython's long ranges): indexing,
//! slicing, membership and reversal in big-int arithmetic, and `len()`'s
//! OverflowError. Ranges that fit in `i64` take the fast paths in
//! `subscr`, `iter` and `containers`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use super::{PyResult, Vm};
use crate::object::boxes::int_value;
use crate::object::range::{RangeObj, SliceObj};
use crate::object::{Gc, PyErr, Value};

/// A range's start, step and length as big ints.
struct Parts {
    start: BigInt,
    step: BigInt,
    len: BigInt,
}

fn parts(r: Gc<RangeObj>) -> Parts {
    let big = |v: Value| int_value(v).unwrap_or_default();
    Parts { start: big(r.start), step: big(r.step), len: big(r.len) }
}

impl Vm {
    /// Does `r[key]` need big-int arithmetic?
    pub fn range_needs_big(&self, r: Gc<RangeObj>, key: Value) -> bool {
        r.small().is_none() || (self.as_int(key).is_some() && key.as_small_int().is_none())
    }

    /// `r[key]` for an int or slice `key`, in big ints.
    pub fn range_subscript_big(&mut self, r: Gc<RangeObj>, key: Value) -> PyResult {
        let p = parts(r);
        if let Some(sl) = Gc::<SliceObj>::from_value(key) {
            let (start, stop, step) = self.slice_indices_big(sl, &p.len)?;
            let new_start = self.heap.new_int(&p.start + &start * &p.step);
            let new_stop = self.heap.new_int(&p.start + &stop * &p.step);
            let new_step = self.heap.new_int(&p.step * step);
            return self.heap.new_range(new_start, new_stop, new_step);
        }
        let Some(i) = self.as_index(key)? else {
            return Err(self.type_error(&format!(
                "range indices must be integers or slices, not {}",
                self.type_name(key)
            )));
        };
        let mut i = i.to_bigint();
        if i.is_negative() {
            i += &p.len;
        }
        if i.is_negative() || i >= p.len {
            return Err(PyErr::index_error(&self.heap, "range object index out of range"));
        }
        Ok(self.heap.new_int(p.start + i * p.step))
    }

    /// CPython's `_PySlice_GetLongIndices`: start, stop and step of `sl`
    /// over a sequence of `len` items.
    fn slice_indices_big(
        &mut self,
        sl: Gc<SliceObj>,
        len: &BigInt,
    ) -> PyResult<(BigInt, BigInt, BigInt)> {
        let step = match self.slice_part(sl.step)? {
            None => BigInt::one(),
            Some(s) if s.is_zero() => {
                return Err(PyErr::value_error(&self.heap, "slice step cannot be zero"))
            }
            Some(s) => s,
        };
        let (lower, upper) = if step.is_negative() {
            (-BigInt::one(), len - 1)
        } else {
            (BigInt::zero(), len.clone())
        };
        let clamp = |i: BigInt| {
            if i.is_negative() {
                let j = i + len;
                if j < lower {
                    lower.clone()
                } else {
                    j
                }
            } else if i > upper {
                upper.clone()
            } else {
                i
            }
        };
        let backwards = step.is_negative();
        let start = match self.slice_part(sl.start)? {
            Some(s) => clamp(s),
            None if backwards => upper.clone(),
            None => lower.clone(),
        };
        let stop = match self.slice_part(sl.stop)? {
            Some(s) => clamp(s),
            None if backwards => lower.clone(),
            None => upper.clone(),
        };
        Ok((start, stop, step))
    }

    fn slice_part(&mut self, v: Value) -> PyResult<Option<BigInt>> {
        if v.is_none() {
            return Ok(None);
        }
        match self.as_index(v)? {
            Some(i) => Ok(Some(i.to_bigint())),
            None => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// `x in r` for an int `x`, in big ints.
    pub fn range_contains_big(&self, r: Gc<RangeObj>, x: Value) -> Option<bool> {
        let x = self.as_int(x)?.to_bigint();
        let p = parts(r);
        if p.len.is_zero() {
            return Some(false);
        }
        let last = &p.start + (&p.len - 1) * &p.step;
        let (lo, hi) = if p.step.is_positive() { (&p.start, &last) } else { (&last, &p.start) };
        Some(x >= *lo && x <= *hi && (x - &p.start).mod_floor(&p.step).is_zero())
    }

    /// `reversed(r)`'s range: the same items, last first.
    pub fn range_reversed(&mut self, r: Gc<RangeObj>) -> PyResult {
        let p = parts(r);
        let last = &p.start + (&p.len - 1) * &p.step;
        let start = self.heap.new_int(last);
        let stop = self.heap.new_int(&p.start - &p.step);
        let step = self.heap.new_int(-p.step);
        self.heap.new_range(start, stop, step)
    }

    /// `len(r)` of a range longer than `isize::MAX`.
    pub fn range_len_overflow(&self) -> PyErr {
        PyErr::overflow_error(&self.heap, "Python int too large to convert to C ssize_t")
    }
}

impl Vm {
    /// `a == b` for two ranges: the same sequence of ints (CPython's
    /// `range_equals`), whatever their stop.
    pub fn ranges_equal(&self, a: Gc<RangeObj>, b: Gc<RangeObj>) -> bool {
        let (x, y) = (parts(a), parts(b));
        x.len == y.len
            && (x.len.is_zero() || x.start == y.start && (x.len.is_one() || x.step == y.step))
    }

    /// `hash(r)`: the hash of `(len, start, step)` with the parts that do
    /// not matter for equality replaced by None (CPython's `range_hash`).
    pub fn range_hash(&mut self, r: Gc<RangeObj>) -> PyResult<i64> {
        let p = parts(r);
        let start = if p.len.is_zero() { Value::NONE } else { r.start };
        let step = if p.len.is_zero() || p.len.is_one() { Value::NONE } else { r.step };
        let mut hashes = Vec::with_capacity(3);
        for v in [r.len, start, step] {
            hashes.push(self.hash_value(v)?);
        }
        Ok(crate::number::hash::hash_tuple(hashes.into_iter()))
    }
}
