//! Python's numeric algorithms, independent of the heap: what CPython keeps
//! in `Objects/longobject.c`, `floatobject.c`, `complexobject.c`,
//! `Python/pystrtod.c`, `Python/formatter_unicode.c` and `Python/pyhash.c`,
//! as plain Rust functions on plain values. The object layer wraps them into
//! Python's `int`, `float`, `complex` and `bool`.
//!
//! | module | owns |
//! |---|---|
//! | [`int`] | [`Int`]: arithmetic, bit operations, shifts, comparisons with floats, conversions |
//! | [`int_parse`] | `int(str, base)` |
//! | [`int_bytes`] | `int.to_bytes` / `int.from_bytes` |
//! | [`binary`] | exact binary arithmetic: correctly rounded ratios and big mantissas to `f64` |
//! | [`float`] | float arithmetic with Python's rules: `//`, `%`, `divmod`, `**`, `round`, ratios |
//! | [`float_parse`] | `float(str)` and the prefix scanner that `complex(str)` uses |
//! | [`float_hex`] | `float.hex` / `float.fromhex` |
//! | [`float_repr`] | shortest round-trip `repr`/`str` of a float |
//! | [`dtoa`] | correctly rounded digits (CPython's `_Py_dg_dtoa` modes) and `PyOS_double_to_string` |
//! | [`complex`] | [`Complex`]: arithmetic, `**`, `abs`, repr, `complex(str)` |
//! | [`format_spec`] | the format-spec mini-language for int, float and complex |
//! | [`printf`] | the numeric conversions of `%`-formatting |
//! | [`tower`] | [`tower::Num`]: mixed int/float/complex arithmetic and comparison |
//! | [`hash`] | `hash()` of numbers, tuples, frozensets, str and bytes |
//! | [`text`] | Unicode input normalisation and `repr` of strings quoted in messages |
//!
//! Every operation that Python can make fail returns [`NumResult`], whose
//! [`NumError`] carries the exception class and CPython 3.8's message. The
//! object layer converts operands (`bool` is an `Int`; an int meeting a
//! float goes through [`tower`]), calls in here, and boxes the result.
//! `tests/data/number/` holds python3.8's answers (written by
//! `tools/gen_number_data.py`), which `data_tests` checks.

pub mod binary;
pub mod complex;
pub mod dtoa;
pub mod float;
pub mod float_hex;
pub mod float_parse;
pub mod float_repr;
pub mod format_spec;
pub mod hash;
pub mod int;
pub mod int_bytes;
pub mod int_parse;
pub mod printf;
pub mod str_digits;
pub mod text;
pub mod tower;

#[cfg(test)]
mod data_tests;

pub use complex::Complex;
pub use int::Int;

use std::fmt;

/// The Python exception class a numeric operation raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumErrorKind {
    ZeroDivisionError,
    OverflowError,
    ValueError,
    TypeError,
    /// A result too large to build (CPython runs out of memory on it).
    MemoryError,
}

impl NumErrorKind {
    /// The exception's Python name.
    pub fn name(self) -> &'static str {
        match self {
            NumErrorKind::ZeroDivisionError => "ZeroDivisionError",
            NumErrorKind::OverflowError => "OverflowError",
            NumErrorKind::ValueError => "ValueError",
            NumErrorKind::TypeError => "TypeError",
            NumErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A Python exception raised by a numeric operation, with CPython 3.8's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    pub kind: NumErrorKind,
    pub message: String,
}

impl NumError {
    pub fn new(kind: NumErrorKind, message: impl Into<String>) -> NumError {
        NumError { kind, message: message.into() }
    }
    pub fn zero_division(message: impl Into<String>) -> NumError {
        NumError::new(NumErrorKind::ZeroDivisionError, message)
    }
    pub fn overflow(message: impl Into<String>) -> NumError {
        NumError::new(NumErrorKind::OverflowError, message)
    }
    pub fn value(message: impl Into<String>) -> NumError {
        NumError::new(NumErrorKind::ValueError, message)
    }
    pub fn type_error(message: impl Into<String>) -> NumError {
        NumError::new(NumErrorKind::TypeError, message)
    }
    pub fn memory() -> NumError {
        NumError::new(NumErrorKind::MemoryError, "")
    }
    /// What libm's `ERANGE` becomes: `OverflowError: (34, 'Numerical result out of range')`.
    pub fn erange() -> NumError {
        NumError::overflow("(34, 'Numerical result out of range')")
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}

impl std::error::Error for NumError {}

pub type NumResult<T> = Result<T, NumError>;
