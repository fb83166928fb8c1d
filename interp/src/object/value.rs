//! `Value`: one NaN-boxed machine word. The bit layout lives here and only
//! here; the VM and the JIT recorder read it through the constants below.
//!
//! A 64-bit word is an IEEE-754 double unless its top 16 bits are one of
//! the tags, all of which sit in the negative NaN space. Every NaN a float
//! operation produces is canonicalised to [`CANONICAL_NAN`] (a positive quiet
//! NaN) before boxing, so no float ever carries a tag's bit pattern.
//!
//! | bits 63..48 | bits 47..0 | meaning |
//! |---|---|---|
//! | `0x0000..=0xFFF0` (and `0x7FF8` with zero payload) | rest of the double | an `f64`, stored as itself |
//! | `0xFFF9` ([`TAG_INT`]) | two's-complement 48-bit integer | small `int` in [`SMALL_INT_MIN`, `SMALL_INT_MAX`] |
//! | `0xFFFA` ([`TAG_NONE`]) | 0 | `None` |
//! | `0xFFFB` ([`TAG_BOOL`]) | 0 or 1 | `False`, `True` |
//! | `0xFFFC` ([`TAG_PTR`]) | address of an [`ObjHeader`] (8-aligned, non-null) | heap object |
//! | `0xFFFD` ([`TAG_EMPTY`]) | 0 | [`Value::EMPTY`]: an unbound local or empty cell; never seen by Python code |
//!
//! Consequences the JIT relies on:
//! - "is a float": `bits < FIRST_TAG` (one unsigned compare);
//! - "is a small int / bool / pointer": `bits >> TAG_SHIFT == TAG_*` (shift + compare);
//! - small int payload: `(bits << 16) as i64 >> 16` (sign extension), box with
//!   `(i as u64 & PAYLOAD_MASK) | INT_TAG_BITS`;
//! - pointer: `bits & PAYLOAD_MASK`. User-space addresses on x86-64 and
//!   AArch64 (4-level paging, 48-bit VA) fit in 48 bits; [`Value::from_header`]
//!   checks it.
//!
//! Equality of `Value`s (`==` in Rust) is identity of bits: Python's `is`.

use std::fmt;
use std::ptr::NonNull;

use super::header::ObjHeader;

/// Bits to shift a word right by to get its 16-bit tag.
pub const TAG_SHIFT: u32 = 48;
/// The low 48 bits: small int payload or pointer.
pub const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
/// The only NaN stored in a `Value` (what CPython's `float('nan')` is on x86-64
/// apart from the sign: positive quiet NaN).
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

pub const TAG_INT: u64 = 0xFFF9;
pub const TAG_NONE: u64 = 0xFFFA;
pub const TAG_BOOL: u64 = 0xFFFB;
pub const TAG_PTR: u64 = 0xFFFC;
pub const TAG_EMPTY: u64 = 0xFFFD;

/// Every word `>= FIRST_TAG` is tagged; every word below it is a float.
pub const FIRST_TAG: u64 = TAG_INT << TAG_SHIFT;
pub const INT_TAG_BITS: u64 = TAG_INT << TAG_SHIFT;
pub const PTR_TAG_BITS: u64 = TAG_PTR << TAG_SHIFT;
pub const NONE_BITS: u64 = TAG_NONE << TAG_SHIFT;
pub const FALSE_BITS: u64 = TAG_BOOL << TAG_SHIFT;
pub const TRUE_BITS: u64 = (TAG_BOOL << TAG_SHIFT) | 1;
pub const EMPTY_BITS: u64 = TAG_EMPTY << TAG_SHIFT;

/// Range of immediate ints: 48-bit two's complement.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// Highest address a pointer `Value` can hold.
pub const MAX_POINTER: u64 = PAYLOAD_MASK;

/// A Python value: an immediate or a reference to a heap object.
///
/// A `Value` that points to the heap is only valid while the object is
/// reachable from a root; keep it in a root (VM stack, [`super::RootScope`])
/// across every safepoint.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    pub const NONE: Value = Value(NONE_BITS);
    pub const TRUE: Value = Value(TRUE_BITS);
    pub const FALSE: Value = Value(FALSE_BITS);
    /// The content of an unbound local slot or an empty cell. The VM checks
    /// for it where a name is read and never lets it escape to Python code.
    pub const EMPTY: Value = Value(EMPTY_BITS);

    /// The raw word (what the JIT loads, stores and compares).
    #[inline(always)]
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// Rebuilds a value from its raw word. Safe because every consumer
    /// checks tags; a forged pointer word is only dereferenced by code that
    /// trusts the heap, which never receives one (the JIT passes back words
    /// it got from `bits`).
    #[inline(always)]
    pub const fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// The raw words of a run of values, for copying them in bulk (the
    /// JIT's frame mirror).
    #[inline(always)]
    pub fn slice_bits(values: &[Value]) -> &[u64] {
        // SAFETY: `Value` is `repr(transparent)` over `u64`, so the slices
        // have the same layout, and the borrow keeps `values` alive.
        unsafe { std::slice::from_raw_parts(values.as_ptr().cast::<u64>(), values.len()) }
    }

    /// A run of values written as raw words (see [`Value::from_bits`] for
    /// why any word may be stored).
    #[inline(always)]
    pub fn slice_bits_mut(values: &mut [Value]) -> &mut [u64] {
        // SAFETY: as in `slice_bits`; every `u64` is a `Value`'s word, and
        // the exclusive borrow is handed on.
        unsafe { std::slice::from_raw_parts_mut(values.as_mut_ptr().cast::<u64>(), values.len()) }
    }

    #[inline(always)]
    const fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    // ---- floats ----

    #[inline(always)]
    pub fn from_f64(f: f64) -> Value {
        if f.is_nan() {
            Value(CANONICAL_NAN)
        } else {
            Value(f.to_bits())
        }
    }

    #[inline(always)]
    pub const fn is_float(self) -> bool {
        self.0 < FIRST_TAG
    }

    #[inline(always)]
    pub fn as_f64(self) -> Option<f64> {
        self.is_float().then(|| f64::from_bits(self.0))
    }

    /// The float of a value known to be one (checked in debug builds).
    #[inline(always)]
    pub fn f64_unchecked(self) -> f64 {
        debug_assert!(self.is_float());
        f64::from_bits(self.0)
    }

    // ---- small ints ----

    #[inline(always)]
    pub const fn small_int_fits(i: i64) -> bool {
        i >= SMALL_INT_MIN && i <= SMALL_INT_MAX
    }

    /// `Some` when `i` fits the immediate range; bigger ints go to the heap
    /// ([`super::Heap::new_int_i64`] does both).
    #[inline(always)]
    pub const fn from_small_int(i: i64) -> Option<Value> {
        if Self::small_int_fits(i) {
            Some(Value((i as u64 & PAYLOAD_MASK) | INT_TAG_BITS))
        } else {
            None
        }
    }

    #[inline(always)]
    pub const fn is_small_int(self) -> bool {
        self.tag() == TAG_INT
    }

    #[inline(always)]
    pub const fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.small_int_unchecked())
        } else {
            None
        }
    }

    /// The int of a value known to be a small int (checked in debug builds).
    #[inline(always)]
    pub const fn small_int_unchecked(self) -> i64 {
        debug_assert!(self.is_small_int());
        ((self.0 << (64 - TAG_SHIFT)) as i64) >> (64 - TAG_SHIFT)
    }

    // ---- None and bools ----

    #[inline(always)]
    pub const fn is_empty(self) -> bool {
        self.0 == EMPTY_BITS
    }

    #[inline(always)]
    pub const fn is_none(self) -> bool {
        self.0 == NONE_BITS
    }

    #[inline(always)]
    pub const fn from_bool(b: bool) -> Value {
        Value(FALSE_BITS | b as u64)
    }

    #[inline(always)]
    pub const fn is_bool(self) -> bool {
        self.tag() == TAG_BOOL
    }

    #[inline(always)]
    pub const fn as_bool(self) -> Option<bool> {
        if self.is_bool() {
            Some(self.0 & 1 == 1)
        } else {
            None
        }
    }

    // ---- heap pointers ----

    #[inline(always)]
    pub const fn is_ptr(self) -> bool {
        self.tag() == TAG_PTR
    }

    /// Boxes a heap object's address. Panics if the address does not fit in
    /// 48 bits or is misaligned: the allocator never returns such memory on
    /// the supported platforms, so this is an invariant check, not input.
    #[inline(always)]
    pub fn from_header(ptr: NonNull<ObjHeader>) -> Value {
        let addr = ptr.as_ptr() as u64;
        assert!(
            addr <= MAX_POINTER && addr & 7 == 0,
            "heap address {addr:#x} does not fit a Value"
        );
        Value(addr | PTR_TAG_BITS)
    }

    /// Boxes the address of an object the heap already checked (every
    /// allocation goes through [`Value::from_header`] once).
    #[inline(always)]
    pub(super) fn from_checked_header(ptr: NonNull<ObjHeader>) -> Value {
        let addr = ptr.as_ptr() as u64;
        debug_assert!(addr <= MAX_POINTER && addr & 7 == 0);
        Value(addr | PTR_TAG_BITS)
    }

    #[inline(always)]
    pub fn as_header(self) -> Option<NonNull<ObjHeader>> {
        if self.is_ptr() {
            NonNull::new((self.0 & PAYLOAD_MASK) as *mut ObjHeader)
        } else {
            None
        }
    }
}

/// `None`: what an empty slot holds.
impl Default for Value {
    fn default() -> Self {
        Value::NONE
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(x) = self.as_f64() {
            write!(f, "Value::float({x:?})")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "Value::int({i})")
        } else if let Some(b) = self.as_bool() {
            write!(f, "Value::{}", if b { "True" } else { "False" })
        } else if self.is_none() {
            write!(f, "Value::None")
        } else if self.is_ptr() {
            write!(f, "Value::ptr({:#x})", self.0 & PAYLOAD_MASK)
        } else {
            write!(f, "Value::invalid({:#018x})", self.0)
        }
    }
}

// Floats and tags never overlap: -inf (the highest non-NaN float as an
// unsigned word) and the canonical NaN sit below the first tag.
const _: () = assert!(f64::NEG_INFINITY.to_bits() < FIRST_TAG && CANONICAL_NAN < FIRST_TAG);
const _: () =
    assert!(TAG_INT < TAG_NONE && TAG_NONE < TAG_BOOL && TAG_BOOL < TAG_PTR && TAG_PTR < 0xFFFF);

#[cfg(test)]
mod tests {
    use super::*;
    use quickcheck::quickcheck;

    #[test]
    fn slices_of_values_copy_as_words() {
        let values = [Value::NONE, Value::from_f64(1.5), Value::TRUE];
        let words = Value::slice_bits(&values);
        assert_eq!(words, &[Value::NONE.bits(), Value::from_f64(1.5).bits(), Value::TRUE.bits()]);
        let mut copy = [Value::EMPTY; 3];
        Value::slice_bits_mut(&mut copy).copy_from_slice(words);
        assert!(copy == values);
    }

    fn kinds(v: Value) -> [bool; 5] {
        [v.is_float(), v.is_small_int(), v.is_none(), v.is_bool(), v.is_ptr()]
    }

    fn exactly_one(v: Value) -> bool {
        kinds(v).iter().filter(|&&k| k).count() == 1
    }

    #[test]
    fn small_int_boundaries() {
        for i in [0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, SMALL_INT_MAX - 1, SMALL_INT_MIN + 1] {
            let v = Value::from_small_int(i).unwrap();
            assert!(exactly_one(v) && v.is_small_int());
            assert_eq!(v.as_small_int(), Some(i));
        }
        for i in [SMALL_INT_MAX + 1, SMALL_INT_MIN - 1, i64::MAX, i64::MIN] {
            assert_eq!(Value::from_small_int(i), None);
        }
        assert_eq!(SMALL_INT_MAX, 140_737_488_355_327);
        assert_eq!(SMALL_INT_MIN, -140_737_488_355_328);
    }

    #[test]
    fn special_floats_are_themselves() {
        for f in [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
        ] {
            let v = Value::from_f64(f);
            assert!(exactly_one(v) && v.is_float());
            assert_eq!(v.as_f64().unwrap().to_bits(), f.to_bits());
        }
        assert_ne!(Value::from_f64(0.0), Value::from_f64(-0.0));
        assert!(Value::from_f64(-0.0).as_f64().unwrap().is_sign_negative());
    }

    #[test]
    fn every_nan_pattern_is_canonicalised() {
        let exponent = 0x7FF0_0000_0000_0000u64;
        let mut patterns = vec![
            0x7FF8_0000_0000_0000, // quiet NaN
            0x7FF0_0000_0000_0001, // smallest signalling NaN
            0x7FF7_FFFF_FFFF_FFFF, // largest signalling NaN
            0x7FFF_FFFF_FFFF_FFFF, // all ones
            0xFFF8_0000_0000_0000, // negative quiet NaN (x86 default NaN)
            0xFFF0_0000_0000_0001, // negative signalling
            0xFFF9_0000_0000_0000, // would be a small int tag
            0xFFFA_0000_0000_0000, // would be None
            0xFFFB_0000_0000_0001, // would be True
            0xFFFC_0000_0000_1000, // would be a pointer
            0xFFFF_FFFF_FFFF_FFFF, // all ones, negative
        ];
        for bit in 0..52 {
            patterns.push(exponent | (1 << bit));
            patterns.push(exponent | (1 << 63) | (1 << bit));
        }
        for bits in patterns {
            let f = f64::from_bits(bits);
            assert!(f.is_nan());
            let v = Value::from_f64(f);
            assert_eq!(v.bits(), CANONICAL_NAN, "{bits:#x}");
            assert!(exactly_one(v) && v.as_f64().unwrap().is_nan());
        }
        assert!(Value::from_f64(f64::NAN).is_float());
        assert!(Value::from_f64(f64::INFINITY - f64::INFINITY).is_float());
    }

    #[test]
    fn immediates_are_distinct() {
        let all = [
            Value::NONE,
            Value::TRUE,
            Value::FALSE,
            Value::from_small_int(0).unwrap(),
            Value::from_small_int(1).unwrap(),
            Value::from_f64(0.0),
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(exactly_one(*a));
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(Value::from_bool(true), Value::TRUE);
        assert_eq!(Value::from_bool(false), Value::FALSE);
        assert_eq!(Value::TRUE.as_bool(), Some(true));
        assert_eq!(Value::FALSE.as_bool(), Some(false));
        assert_eq!(Value::NONE.as_bool(), None);
        assert!(Value::NONE.is_none() && !Value::FALSE.is_none());
    }

    #[test]
    fn pointer_range() {
        for addr in [8u64, 0x1000, 0x7FFF_FFFF_F000, MAX_POINTER & !7] {
            let p = NonNull::new(addr as *mut ObjHeader).unwrap();
            let v = Value::from_header(p);
            assert!(exactly_one(v) && v.is_ptr());
            assert_eq!(v.as_header(), Some(p));
        }
        assert_eq!(Value::from_small_int(5).unwrap().as_header(), None);
    }

    #[test]
    #[should_panic(expected = "does not fit")]
    fn pointer_above_48_bits_is_refused() {
        let p = NonNull::new((MAX_POINTER + 1) as *mut ObjHeader).unwrap();
        Value::from_header(p);
    }

    quickcheck! {
        fn float_round_trip(f: f64) -> bool {
            let v = Value::from_f64(f);
            exactly_one(v) && match v.as_f64() {
                Some(g) if f.is_nan() => g.is_nan(),
                Some(g) => g.to_bits() == f.to_bits(),
                None => false,
            }
        }

        fn float_bits_round_trip(bits: u64) -> bool {
            let f = f64::from_bits(bits);
            let v = Value::from_f64(f);
            v.is_float() && (f.is_nan() || v.bits() == bits)
        }

        fn small_int_round_trip(i: i64) -> bool {
            let j = i >> 16; // spread over the whole 48-bit range
            let v = Value::from_small_int(j).unwrap();
            exactly_one(v) && v.as_small_int() == Some(j)
                && Value::from_small_int(i).map(|v| v.as_small_int() == Some(i)).unwrap_or(!Value::small_int_fits(i))
        }

        fn pointer_round_trip(addr: u64) -> bool {
            let addr = (addr & MAX_POINTER & !7).max(8);
            let p = NonNull::new(addr as *mut ObjHeader).unwrap();
            let v = Value::from_header(p);
            exactly_one(v) && v.as_header() == Some(p)
        }
    }
}
