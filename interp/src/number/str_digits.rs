//! The limit on decimal digits in int<->str conversions that CPython
//! 3.8.14+ enforces (CVE-2020-10735): `sys.set_int_max_str_digits`,
//! `PYTHONINTMAXSTRDIGITS`. Conversions in a power-of-two base are exempt.
//! The limit belongs to the whole interpreter, as CPython's does.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::int::Int;
use super::{NumError, NumResult};

/// `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// `sys.int_info.str_digits_check_threshold`: no smaller limit but 0 is
/// accepted, and no shorter text is checked.
pub const CHECK_THRESHOLD: usize = 640;

static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_STR_DIGITS);

/// The current limit; 0 means none.
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`.
pub fn set_max_str_digits(n: i64) -> NumResult<()> {
    match usize::try_from(n) {
        Ok(n) if n == 0 || n >= CHECK_THRESHOLD => {
            MAX_STR_DIGITS.store(n, Ordering::Relaxed);
            Ok(())
        }
        _ => Err(NumError::value(format!("maxdigits must be 0 or larger than {CHECK_THRESHOLD}"))),
    }
}

/// `int(text, base)` with `digits` digits: refused past the limit unless
/// the base is a power of two.
pub fn check_parse(digits: usize, base: u32) -> NumResult<()> {
    let limit = max_str_digits();
    if base.is_power_of_two() || digits <= CHECK_THRESHOLD || limit == 0 || digits <= limit {
        return Ok(());
    }
    Err(NumError::value(format!(
        "Exceeds the limit ({limit}) for integer string conversion: value has {digits} digits; \
         use sys.set_int_max_str_digits() to increase the limit"
    )))
}

/// `str(n)` in decimal: refused when it would have more digits than the
/// limit.
pub fn check_format(n: &Int) -> NumResult<()> {
    let limit = max_str_digits();
    let Int::Big(b) = n else { return Ok(()) };
    if limit == 0 {
        return Ok(());
    }
    // 10^d > 2^(bits-1) for d digits: bits * log10(2) bounds the count.
    let bits = b.bits() as f64;
    let estimate = bits * std::f64::consts::LOG10_2;
    let over = if estimate < limit as f64 - 1.0 {
        false
    } else if estimate > limit as f64 + 1.0 {
        true
    } else {
        b.magnitude().to_string().len() > limit
    };
    if over {
        return Err(NumError::value(format!(
            "Exceeds the limit ({limit}) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    #[test]
    fn limits_follow_cpython() {
        assert!(check_parse(4300, 10).is_ok());
        assert!(check_parse(4301, 10).is_err());
        assert!(check_parse(5000, 16).is_ok());
        let big = |digits: usize| Int::Big("9".repeat(digits).parse::<BigInt>().expect("digits"));
        assert!(check_format(&big(4300)).is_ok());
        assert!(check_format(&big(4301)).is_err());
        assert!(set_max_str_digits(100).is_err());
        assert!(set_max_str_digits(-1).is_err());
    }
}
