//! Float arithmetic where Python differs from IEEE: floor division and
//! modulo take the sign of the divisor (CPython's `float_divmod`), `**`
//! has its own special cases and turns complex for a negative base with a
//! fractional exponent, `round` works on the exact decimal value, and
//! division by zero raises instead of giving an infinity.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::One;

use super::binary;
use super::complex::{self, Complex};
use super::int::Int;
use super::{NumError, NumResult};

/// The result of `float ** float`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    Real(f64),
    /// A negative base with a non-integral exponent.
    Complex(Complex),
}

/// `a / b`.
pub fn true_div(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return Err(NumError::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// `a % b`: the result has the sign of `b` (CPython's `float_rem`).
pub fn modulo(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return Err(NumError::zero_division("float modulo"));
    }
    let m = a % b;
    Ok(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

/// `divmod(a, b)`, CPython's `float_divmod`: `(a // b, a % b)`.
pub fn divmod(a: f64, b: f64) -> NumResult<(f64, f64)> {
    if b == 0.0 {
        return Err(NumError::zero_division("float divmod()"));
    }
    let mut m = a % b;
    // a - m is (nearly) a multiple of b, so the division is (nearly) exact.
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    Ok((floordiv, m))
}

/// `a // b`.
pub fn floordiv(a: f64, b: f64) -> NumResult<f64> {
    Ok(divmod(a, b)?.0)
}

fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `a ** b` with CPython 3.8's `float_pow` special cases.
pub fn pow(a: f64, b: f64) -> NumResult<FloatPow> {
    let real = |x: f64| Ok(FloatPow::Real(x));
    if b == 0.0 {
        return real(1.0);
    }
    if a.is_nan() {
        return real(a);
    }
    if b.is_nan() {
        return real(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let a = a.abs();
        return if a == 1.0 {
            real(1.0)
        } else if (b > 0.0) == (a > 1.0) {
            real(f64::INFINITY)
        } else {
            real(0.0)
        };
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return if b > 0.0 {
            real(if odd { a } else { a.abs() })
        } else {
            real(if odd { 0.0f64.copysign(a) } else { 0.0 })
        };
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(NumError::zero_division("0.0 cannot be raised to a negative power"));
        }
        return real(if is_odd_integer(b) { a } else { 0.0 });
    }
    let mut base = a;
    let mut negate = false;
    if a < 0.0 {
        if b != b.floor() {
            return Ok(FloatPow::Complex(complex::pow(
                Complex::new(a, 0.0),
                Complex::new(b, 0.0),
            )?));
        }
        base = -a;
        negate = is_odd_integer(b);
    }
    if base == 1.0 {
        return real(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(b);
    if r.is_infinite() {
        return Err(NumError::erange());
    }
    real(if negate { -r } else { r })
}

/// `math.fmod(x, y)`: C's `fmod`, with the sign of `x`.
pub fn fmod(x: f64, y: f64) -> NumResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(NumError::value("math domain error"));
    }
    Ok(r)
}

/// `round(x)`: the nearest integer, ties to even.
pub fn round_to_int(x: f64) -> NumResult<Int> {
    Int::from_f64(x.round_ties_even())
}

/// `round(x, ndigits)`: `x` rounded to a multiple of `10**-ndigits`, ties
/// to even on the exact decimal value (CPython's `double_round`). A huge
/// `ndigits` is clamped first: [`Int::to_i64_saturating`].
pub fn round_ndigits(x: f64, ndigits: i64) -> NumResult<f64> {
    // Past these, the result is x itself or zero (CPython's NDIGITS_MAX/MIN).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN || x == 0.0 {
        return Ok(0.0 * x);
    }
    let (m, e) = binary::decompose(x);
    let mut num = BigUint::from(m.unsigned_abs());
    let mut den = BigUint::one();
    let pow10 = BigUint::from(10u8).pow(ndigits.unsigned_abs() as u32);
    if ndigits >= 0 {
        num *= pow10;
    } else {
        den *= pow10;
    }
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    let (mut q, r) = num.div_rem(&den);
    let twice = r << 1u8;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u8;
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let rounded: f64 =
        format!("{sign}{q}e{}", -ndigits).parse().expect("digits and an exponent parse as a float");
    if rounded.is_infinite() {
        return Err(NumError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}

/// `float.as_integer_ratio()`: the exact value as a fraction in lowest terms.
pub fn as_integer_ratio(x: f64) -> NumResult<(Int, Int)> {
    if x.is_infinite() {
        return Err(NumError::overflow("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    let (m, e) = binary::decompose(x);
    if m == 0 {
        return Ok((Int::Small(0), Int::Small(1)));
    }
    let m = BigInt::from(m);
    if e >= 0 {
        return Ok((Int::from_big(m << e as u64), Int::Small(1)));
    }
    let twos = m.trailing_zeros().unwrap_or(0).min((-e) as u64);
    let den = BigInt::one() << ((-e) as u64 - twos);
    Ok((Int::from_big(m >> twos), Int::from_big(den)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo_signs() {
        assert_eq!(modulo(-1.0, 3.0).unwrap(), 2.0);
        assert_eq!(modulo(1.0, -3.0).unwrap(), -2.0);
        assert!(modulo(3.0, -3.0).unwrap().is_sign_negative());
        assert_eq!(divmod(7.5, 2.0).unwrap(), (3.0, 1.5));
        assert_eq!(divmod(-7.5, 2.0).unwrap(), (-4.0, 0.5));
        assert!(divmod(-0.0, 1.0).unwrap().0.is_sign_negative());
        assert_eq!(divmod(1.0, 0.0).unwrap_err().message, "float divmod()");
        assert_eq!(modulo(1.0, 0.0).unwrap_err().message, "float modulo");
        assert_eq!(true_div(1.0, 0.0).unwrap_err().message, "float division by zero");
        assert_eq!(fmod(-7.0, 3.0).unwrap(), -1.0);
        assert_eq!(fmod(2.0, f64::NEG_INFINITY).unwrap(), 2.0);
        assert_eq!(fmod(1.0, 0.0).unwrap_err().message, "math domain error");
        assert!(fmod(f64::NAN, 0.0).unwrap().is_nan());
    }

    #[test]
    fn pow_special_cases() {
        assert_eq!(pow(0.0, 0.0).unwrap(), FloatPow::Real(1.0));
        assert_eq!(pow(f64::NAN, 0.0).unwrap(), FloatPow::Real(1.0));
        assert_eq!(pow(1.0, f64::NAN).unwrap(), FloatPow::Real(1.0));
        assert_eq!(pow(-1.0, 1e300).unwrap(), FloatPow::Real(1.0));
        assert_eq!(pow(-2.0, 3.0).unwrap(), FloatPow::Real(-8.0));
        assert_eq!(pow(0.5, f64::NEG_INFINITY).unwrap(), FloatPow::Real(f64::INFINITY));
        assert_eq!(pow(f64::NEG_INFINITY, -3.0).unwrap(), FloatPow::Real(-0.0));
        assert_eq!(pow(10.0, 400.0).unwrap_err().message, "(34, 'Numerical result out of range')");
        assert!(matches!(pow(-8.0, 1.0 / 3.0).unwrap(), FloatPow::Complex(_)));
    }

    #[test]
    fn rounding() {
        assert_eq!(round_ndigits(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_ndigits(0.125, 2).unwrap(), 0.12);
        assert_eq!(round_ndigits(0.375, 2).unwrap(), 0.38);
        assert_eq!(round_ndigits(1250.0, -2).unwrap(), 1200.0);
        assert!(round_ndigits(-0.4, 0).unwrap().is_sign_negative());
        assert!(round_ndigits(1.7976931348623157e308, -308).is_err());
        let huge = Int::Small(10).pow(&Int::Small(30)).map(|p| match p {
            crate::number::int::IntPow::Int(n) => n,
            crate::number::int::IntPow::Float(_) => Int::Small(0),
        });
        let huge = huge.unwrap();
        assert_eq!(round_ndigits(1.5, huge.to_i64_saturating()).unwrap(), 1.5);
        assert!(round_ndigits(-1.5, huge.neg().to_i64_saturating()).unwrap().is_sign_negative());
        assert_eq!(round_to_int(2.5).unwrap(), Int::Small(2));
        assert_eq!(round_to_int(-3.5).unwrap(), Int::Small(-4));
        assert_eq!(as_integer_ratio(0.75).unwrap(), (Int::Small(3), Int::Small(4)));
        assert_eq!(as_integer_ratio(-8.0).unwrap(), (Int::Small(-8), Int::Small(1)));
    }
}
