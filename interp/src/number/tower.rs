//! The numeric tower: arithmetic and comparison between int, float and
//! complex operands as CPython 3.8 does it. The narrower operand converts
//! to the wider type (an int too large for a float raises OverflowError),
//! except that comparisons between int and float are exact and `/` of two
//! ints is correctly rounded. bool is an int here: the object layer passes
//! `Int::Small(0 | 1)`.

use std::cmp::Ordering;

use super::complex::{self, Complex};
use super::float::{self, FloatPow};
use super::float_repr::float_repr;
use super::hash;
use super::int::{Int, IntPow};
use super::{NumError, NumResult};

/// A Python number.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    Int(Int),
    Float(f64),
    Complex(Complex),
}

/// The arithmetic operators that every numeric type has (some raise for complex).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
}

impl Num {
    fn to_f64(&self) -> NumResult<f64> {
        match self {
            Num::Int(n) => n.to_f64(),
            Num::Float(x) => Ok(*x),
            Num::Complex(_) => Err(NumError::type_error("can't convert complex to float")),
        }
    }

    fn to_complex(&self) -> NumResult<Complex> {
        match self {
            Num::Complex(z) => Ok(*z),
            real => Ok(Complex::new(real.to_f64()?, 0.0)),
        }
    }

    /// `repr(self)`.
    pub fn repr(&self) -> String {
        match self {
            Num::Int(n) => n.to_string(),
            Num::Float(x) => float_repr(*x),
            Num::Complex(z) => z.repr(),
        }
    }

    /// `hash(self)`; equal numbers of different types hash alike.
    pub fn hash(&self) -> i64 {
        match self {
            Num::Int(n) => hash::hash_int(n),
            Num::Float(x) => hash::hash_float(*x),
            Num::Complex(z) => hash::hash_complex(z.re, z.im),
        }
    }
}

fn int_arith(op: Arith, a: &Int, b: &Int) -> NumResult<Num> {
    Ok(match op {
        Arith::Add => Num::Int(a.add(b)),
        Arith::Sub => Num::Int(a.sub(b)),
        Arith::Mul => Num::Int(a.mul(b)),
        Arith::TrueDiv => Num::Float(a.true_div(b)?),
        Arith::FloorDiv => Num::Int(a.floordiv(b)?),
        Arith::Mod => Num::Int(a.modulo(b)?),
        Arith::Pow => match a.pow(b)? {
            IntPow::Int(n) => Num::Int(n),
            IntPow::Float(x) => Num::Float(x),
        },
    })
}

fn float_arith(op: Arith, a: f64, b: f64) -> NumResult<Num> {
    Ok(match op {
        Arith::Add => Num::Float(a + b),
        Arith::Sub => Num::Float(a - b),
        Arith::Mul => Num::Float(a * b),
        Arith::TrueDiv => Num::Float(float::true_div(a, b)?),
        Arith::FloorDiv => Num::Float(float::floordiv(a, b)?),
        Arith::Mod => Num::Float(float::modulo(a, b)?),
        Arith::Pow => match float::pow(a, b)? {
            FloatPow::Real(x) => Num::Float(x),
            FloatPow::Complex(z) => Num::Complex(z),
        },
    })
}

fn complex_arith(op: Arith, a: Complex, b: Complex) -> NumResult<Num> {
    Ok(Num::Complex(match op {
        Arith::Add => a + b,
        Arith::Sub => a - b,
        Arith::Mul => a * b,
        Arith::TrueDiv => a.try_div(b)?,
        Arith::Pow => complex::pow(a, b)?,
        Arith::FloorDiv => return Err(complex::floordiv_error()),
        Arith::Mod => return Err(complex::mod_error()),
    }))
}

/// `a OP b`.
pub fn arith(op: Arith, a: &Num, b: &Num) -> NumResult<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => int_arith(op, x, y),
        (Num::Complex(_), _) | (_, Num::Complex(_)) => {
            if matches!(op, Arith::FloorDiv | Arith::Mod) {
                // Refused before the other operand is converted.
                return complex_arith(op, Complex::new(0.0, 0.0), Complex::new(0.0, 0.0));
            }
            complex_arith(op, a.to_complex()?, b.to_complex()?)
        }
        _ => float_arith(op, a.to_f64()?, b.to_f64()?),
    }
}

/// `divmod(a, b)`.
pub fn divmod(a: &Num, b: &Num) -> NumResult<(Num, Num)> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => {
            let (q, r) = x.divmod(y)?;
            Ok((Num::Int(q), Num::Int(r)))
        }
        (Num::Complex(_), _) | (_, Num::Complex(_)) => Err(complex::divmod_error()),
        _ => {
            let (q, r) = float::divmod(a.to_f64()?, b.to_f64()?)?;
            Ok((Num::Float(q), Num::Float(r)))
        }
    }
}

/// Three-argument `pow(a, b, m)`: ints only.
pub fn pow_mod(a: &Num, b: &Num, m: &Num) -> NumResult<Num> {
    match (a, b, m) {
        (Num::Int(a), Num::Int(b), Num::Int(m)) => Ok(Num::Int(a.pow_mod(b, m)?)),
        _ if [a, b, m].iter().any(|n| matches!(n, Num::Complex(_))) => {
            Err(complex::pow_mod_error())
        }
        _ => Err(NumError::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        )),
    }
}

/// Orders two real numbers exactly; `None` when either is NaN or complex
/// (ordering a complex number is the caller's TypeError).
pub fn compare(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Int(x), Num::Float(y)) => x.cmp_f64(*y),
        (Num::Float(x), Num::Int(y)) => y.cmp_f64(*x).map(Ordering::reverse),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        _ => None,
    }
}

/// `a == b`, exact across types.
pub fn equals(a: &Num, b: &Num) -> bool {
    match (a, b) {
        (Num::Complex(z), Num::Complex(w)) => z == w,
        (Num::Complex(z), real) | (real, Num::Complex(z)) => {
            z.im == 0.0 && compare(&Num::Float(z.re), real) == Some(Ordering::Equal)
        }
        _ => compare(a, b) == Some(Ordering::Equal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_operands() {
        let two = Num::Int(Int::Small(2));
        let half = Num::Float(0.5);
        assert_eq!(arith(Arith::Add, &two, &half).unwrap(), Num::Float(2.5));
        assert_eq!(arith(Arith::TrueDiv, &two, &two).unwrap(), Num::Float(1.0));
        assert_eq!(arith(Arith::Pow, &two, &Num::Int(Int::Small(-1))).unwrap(), Num::Float(0.5));
        let neg = Num::Int(Int::Small(-8));
        assert!(matches!(
            arith(Arith::Pow, &neg, &Num::Float(1.0 / 3.0)).unwrap(),
            Num::Complex(_)
        ));
        let big = Num::Int(Int::Small(1).shl(&Int::Small(2000)).unwrap());
        assert_eq!(
            arith(Arith::Add, &big, &half).unwrap_err().message,
            "int too large to convert to float"
        );
        assert_eq!(compare(&big, &Num::Float(f64::INFINITY)), Some(Ordering::Less));
        let j = Num::Complex(Complex::new(2.0, 0.0));
        assert!(equals(&j, &two));
        assert!(equals(
            &Num::Complex(Complex::new(0.0, 1.0)),
            &Num::Complex(Complex::new(-0.0, 1.0))
        ));
        assert_eq!(
            divmod(&j, &two).unwrap_err().message,
            "can't take floor or mod of complex number."
        );
        assert_eq!(
            pow_mod(&two, &half, &two).unwrap_err().kind,
            super::super::NumErrorKind::TypeError
        );
        assert_eq!(Num::Float(2.0).hash(), two.hash());
    }
}
