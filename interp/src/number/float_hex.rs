//! `float.hex()` and `float.fromhex()`: the exact binary value in
//! hexadecimal, `0x1.8000000000000p+1`, and back with correct rounding.

use num_bigint::BigUint;

use super::binary::round_to_f64;
use super::float_repr::float_repr;
use super::text::is_ascii_space;
use super::{NumError, NumResult};

/// `x.hex()`: a leading 1 (0 for subnormals), 13 hex digits, a binary exponent.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{fraction:013x}p{exp:+}")
}

fn invalid() -> NumError {
    NumError::value("invalid hexadecimal floating-point string")
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> NumResult<f64> {
    let text = s.as_bytes();
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let value = if let Some((x, len)) = super::float_parse::scan_inf_or_nan_signed(&text[i..]) {
        i += len;
        x
    } else {
        let negative = at(i) == b'-';
        if at(i) == b'-' || at(i) == b'+' {
            i += 1;
        }
        if at(i) == b'0' && (at(i + 1) == b'x' || at(i + 1) == b'X') {
            i += 2;
        }
        let mut hex_digits = Vec::new();
        let mut fraction_digits = 0i64;
        let mut seen_point = false;
        loop {
            let c = at(i);
            if c.is_ascii_hexdigit() {
                hex_digits.push(c);
                fraction_digits += seen_point as i64;
            } else if c == b'.' && !seen_point {
                seen_point = true;
            } else {
                break;
            }
            i += 1;
        }
        let digits = hex_digits.len();
        if digits == 0 {
            return Err(invalid());
        }
        let mut exp: i64 = 0;
        if at(i) == b'p' || at(i) == b'P' {
            i += 1;
            let exp_negative = at(i) == b'-';
            if at(i) == b'-' || at(i) == b'+' {
                i += 1;
            }
            if !at(i).is_ascii_digit() {
                return Err(invalid());
            }
            while at(i).is_ascii_digit() {
                // Saturating: a huge exponent overflows or underflows anyway.
                exp = (exp * 10 + (at(i) - b'0') as i64).min(1 << 40);
                i += 1;
            }
            if exp_negative {
                exp = -exp;
            }
        }
        let mantissa = BigUint::parse_bytes(&hex_digits, 16).expect("hex digits");
        let magnitude =
            round_to_f64(&mantissa, exp - 4 * fraction_digits, false).ok_or_else(|| {
                NumError::overflow("hexadecimal value too large to represent as a float")
            })?;
        if negative {
            -magnitude
        } else {
            magnitude
        }
    };
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != text.len() {
        return Err(invalid());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        assert_eq!(float_hex(3.0), "0x1.8000000000000p+1");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        for x in [0.1, 1e300, -5e-324, 2.2250738585072014e-308, f64::MAX] {
            assert_eq!(float_fromhex(&float_hex(x)).unwrap(), x);
        }
        assert_eq!(float_fromhex(" 0x1.8p1 ").unwrap(), 3.0);
        assert_eq!(float_fromhex("1.").unwrap(), 1.0);
        assert_eq!(float_fromhex("-Infinity").unwrap(), f64::NEG_INFINITY);
        assert_eq!(float_fromhex("0x1.00000000000008p0").unwrap(), 1.0);
        assert_eq!(float_fromhex("0x1.00000000000018p0").unwrap(), 1.0000000000000004);
        assert_eq!(float_fromhex("0x1p-1075").unwrap(), 0.0);
        assert_eq!(float_fromhex("0x1p-99999999999999").unwrap(), 0.0);
        assert_eq!(
            float_fromhex("0x1p99999").unwrap_err().message,
            "hexadecimal value too large to represent as a float"
        );
        for bad in ["zz", "0x", "0x.p1", "1p", "0x1 2", ""] {
            assert_eq!(
                float_fromhex(bad).unwrap_err().message,
                "invalid hexadecimal floating-point string",
                "{bad}"
            );
        }
    }
}
