//! Exact binary arithmetic on floats: rounding a big mantissa times a power
//! of two, or a ratio of big integers, to the nearest `f64` (ties to even),
//! as CPython's `_PyLong_Frexp`, `long_true_divide` and `float.fromhex` do.
//! Everything that turns an exact value into a double comes through here, so
//! there is one place that gets subnormals and double rounding right.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// Smallest exponent of a subnormal's unit in the last place: 2**-1074.
const MIN_ULP_EXP: i64 = -1074;

/// `m * 2**exp` as an `f64`, exact when it is representable: `m < 2**53`
/// and the result is a multiple of 2**-1074.
fn scale_exact(m: u64, exp: i64) -> f64 {
    m as f64 * pow2(exp)
}

/// 2**e for -1074 <= e <= 1023.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e - MIN_ULP_EXP))
    }
}

/// The nearest double (ties to even) to a positive value `v` with
/// `m * 2**exp <= v < (m + 1) * 2**exp`, where `sticky` says whether `v` is
/// above `m * 2**exp`. With `sticky` the caller must provide two bits more
/// than the result keeps (`m` of 55 bits or more, or `exp <= -1076`).
/// `None` when the result overflows.
pub fn round_to_f64(m: &BigUint, exp: i64, sticky: bool) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let top = m.bits() as i64 - 1 + exp;
    if top > 1023 {
        return None;
    }
    if top < MIN_ULP_EXP - 2 {
        // Below half the smallest subnormal.
        return Some(0.0);
    }
    let ulp_exp = (top - 52).max(MIN_ULP_EXP);
    let drop = ulp_exp - exp;
    if drop <= 0 {
        debug_assert!(!sticky, "round_to_f64 needs guard bits with a sticky bit");
        let m = m.to_u64().expect("at most 53 bits");
        return Some(scale_exact(m, exp));
    }
    let drop = drop as u64;
    let kept: BigUint = m >> drop;
    let mut q = kept.to_u64().expect("at most 53 bits");
    let half = BigUint::one() << (drop - 1);
    let rest: BigUint = m - (&kept << drop);
    let round_up = match rest.cmp(&half) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => sticky || q & 1 == 1,
        std::cmp::Ordering::Less => false,
    };
    if round_up {
        q += 1;
    }
    let x = scale_exact(q, ulp_exp);
    x.is_finite().then_some(x)
}

/// The nearest double to `a / b` (`b > 0`); `None` on overflow.
pub fn ratio_to_f64(a: &BigUint, b: &BigUint) -> Option<f64> {
    debug_assert!(!b.is_zero());
    if a.is_zero() {
        return Some(0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1025 {
        return None;
    }
    if diff < -1080 {
        return Some(0.0);
    }
    // 55 bits of quotient for a normal result, or the bits down to 2**-1076
    // for a subnormal one: two guard bits and the remainder as sticky bit.
    let shift = (diff - 55).max(MIN_ULP_EXP - 2);
    let (q, r) = if shift >= 0 {
        a.div_rem(&(b << shift as u64))
    } else {
        (a << (-shift) as u64).div_rem(b)
    };
    round_to_f64(&q, shift, !r.is_zero())
}

/// The nearest double to the integer `m`; `None` on overflow.
pub fn biguint_to_f64(m: &BigUint) -> Option<f64> {
    let bits = m.bits() as i64;
    if bits <= 64 {
        return Some(m.to_u64().expect("64 bits") as f64);
    }
    let shift = bits - 55;
    let kept: BigUint = m >> shift as u64;
    let sticky = m.trailing_zeros().is_some_and(|z| (z as i64) < shift);
    round_to_f64(&kept, shift, sticky)
}

/// A finite double as `mantissa * 2**exp` with an integer mantissa
/// (`|mantissa| < 2**53`), the exponent as small as the format allows.
pub fn decompose(x: f64) -> (i64, i64) {
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = (bits & ((1u64 << 52) - 1)) as i64;
    if biased == 0 {
        (sign * fraction, MIN_ULP_EXP)
    } else {
        (sign * (fraction | (1i64 << 52)), biased - 1075)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(a: u128, b: u128) -> Option<f64> {
        ratio_to_f64(&BigUint::from(a), &BigUint::from(b))
    }

    #[test]
    fn ratios_round_correctly() {
        assert_eq!(ratio(1, 3), Some(1.0 / 3.0));
        assert_eq!(ratio(2, 3), Some(2.0 / 3.0));
        // 2**53 + 1 is a tie between 2**53 and 2**53 + 2: ties go to even.
        assert_eq!(ratio((1 << 53) + 1, 1), Some(9007199254740992.0));
        assert_eq!(ratio((1 << 53) + 3, 1), Some(9007199254740996.0));
        let big = BigUint::from(1u8) << 2000u32;
        assert_eq!(ratio_to_f64(&big, &(BigUint::from(3u8) << 1990u32)), Some(1024.0 / 3.0));
        assert_eq!(ratio_to_f64(&big, &BigUint::from(1u8)), None);
        let tiny = ratio_to_f64(&BigUint::from(1u8), &(BigUint::from(1u8) << 1074u32));
        assert_eq!(tiny, Some(5e-324));
        let half_tiny = ratio_to_f64(&BigUint::from(1u8), &(BigUint::from(1u8) << 1075u32));
        assert_eq!(half_tiny, Some(0.0));
        let above_half = ratio_to_f64(&BigUint::from(3u8), &(BigUint::from(1u8) << 1076u32));
        assert_eq!(above_half, Some(5e-324));
    }

    #[test]
    fn big_integers_to_f64() {
        let m = (BigUint::from(1u8) << 100u32) + BigUint::from(1u8);
        assert_eq!(biguint_to_f64(&m), Some(2f64.powi(100)));
        let max = BigUint::from(f64::MAX.to_bits() & ((1 << 52) - 1) | (1 << 52)) << 971u32;
        assert_eq!(biguint_to_f64(&max), Some(f64::MAX));
        let over = (BigUint::from(1u8) << 1024u32) - (BigUint::from(1u8) << 970u32);
        assert_eq!(biguint_to_f64(&over), None);
        assert_eq!(decompose(1.5), (3 << 51, -52));
        assert_eq!(decompose(-5e-324), (-1, -1074));
    }
}
