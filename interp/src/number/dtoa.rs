//! Decimal digits of a double and CPython's `PyOS_double_to_string`.
//!
//! CPython gets its digits from David Gay's `_Py_dg_dtoa` in three modes:
//! shortest round trip (mode 0), `n` significant digits (mode 2) and `n`
//! digits after the point (mode 3), each correctly rounded with ties to even
//! on the exact binary value. Rust's `{:e}`, `{:.*e}` and `{:.*}` give the
//! same digits (its exact formatting also rounds ties to even), so the
//! work here is `format_float_short`: placing the point, padding zeros,
//! choosing the exponent form, the `#` and `.0` rules.

use super::float_repr::shortest_digits;

/// How many digits `_Py_dg_dtoa` produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigitMode {
    /// The shortest digits that read back to the same double (mode 0).
    Shortest,
    /// This many significant digits, at least 1 (mode 2).
    Significant(usize),
    /// This many digits after the decimal point (mode 3).
    Fixed(usize),
}

/// The digits of a finite `|x|` without trailing zeros, and the decimal
/// point position: `|x| ~= 0.DIGITS * 10**decpt`. Zero is `("0", 1)`; a
/// value that rounds to nothing in `Fixed` mode has no digits.
pub fn digits(x: f64, mode: DigitMode) -> (String, i64) {
    let x = x.abs();
    if x == 0.0 {
        return ("0".into(), 1);
    }
    let (mut digits, decpt) = match mode {
        DigitMode::Shortest => {
            let (d, p) = shortest_digits(x);
            (d, p as i64)
        }
        DigitMode::Significant(n) => {
            let sci = format!("{:.*e}", n.max(1) - 1, x);
            let (mantissa, exp) = sci.split_once('e').expect("{:e} has an exponent");
            let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
            (digits, exp.parse::<i64>().expect("integral exponent") + 1)
        }
        DigitMode::Fixed(n) => {
            let fixed = format!("{:.*}", n, x);
            let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
            if int_part != "0" {
                (format!("{int_part}{frac_part}"), int_part.len() as i64)
            } else {
                let zeros = frac_part.len() - frac_part.trim_start_matches('0').len();
                (frac_part[zeros..].to_string(), -(zeros as i64))
            }
        }
    };
    let kept = digits.trim_end_matches('0').len();
    digits.truncate(kept);
    (digits, decpt)
}

/// The flags of `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// Always write a sign (`Py_DTSF_SIGN`).
    pub sign: bool,
    /// Write `.0` after an integral value without exponent (`Py_DTSF_ADD_DOT_0`).
    pub add_dot_0: bool,
    /// The `#` form: keep the point and trailing zeros (`Py_DTSF_ALT`).
    pub alt: bool,
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)` for code
/// `e E f F g G` or `r` (repr; `precision` unused).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    // Rust's fixed-point formatting is exact with ties to even, as
    // `_Py_dg_dtoa` mode 3, and writes the sign and zeros as CPython does
    // when no flag asks for more: the common `%.2f` needs nothing else.
    if matches!(code, 'f' | 'F') && x.is_finite() && flags == DtoaFlags::default() {
        return format!("{x:.precision$}");
    }
    placed_digits(x, code, precision, flags)
}

/// [`double_to_string`] from the digits of [`digits`]: the point, padding
/// zeros, exponent and flags placed as `format_float_short` does.
fn placed_digits(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let negative = x.is_sign_negative() && !x.is_nan();
    let mut out = String::new();
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if !x.is_finite() {
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper { word.to_ascii_uppercase() } else { word.to_string() });
        return out;
    }
    let (mode, precision) = match code {
        'e' => (DigitMode::Significant(precision + 1), precision + 1),
        'f' => (DigitMode::Fixed(precision), precision),
        'g' => (DigitMode::Significant(precision.max(1)), precision.max(1)),
        _ => (DigitMode::Shortest, 0),
    };
    let (digits, mut decpt) = digits(x, mode);
    let digits_len = digits.len() as i64;
    let precision = precision as i64;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64, code: char, precision: usize) -> String {
        double_to_string(x, code, precision, DtoaFlags::default())
    }

    #[test]
    fn fixed_point_shortcut_agrees_with_placed_digits() {
        fn prop(bits: u64, precision: u8) -> bool {
            let x = f64::from_bits(bits);
            let precision = precision as usize % 25;
            !x.is_finite()
                || fmt(x, 'f', precision) == placed_digits(x, 'f', precision, DtoaFlags::default())
        }
        quickcheck::quickcheck(prop as fn(u64, u8) -> bool);
        for x in [0.0, -0.0, 0.5, 1.5, 2.5, -0.004, 1e22, 123456.785, 5e-324, -1e300] {
            for p in [0, 1, 2, 3, 17] {
                assert_eq!(
                    fmt(x, 'f', p),
                    placed_digits(x, 'f', p, DtoaFlags::default()),
                    "{x} {p}"
                );
            }
        }
    }

    #[test]
    fn cpython_formats() {
        assert_eq!(fmt(1.5, 'f', 2), "1.50");
        assert_eq!(fmt(0.125, 'f', 2), "0.12");
        assert_eq!(fmt(0.001, 'f', 2), "0.00");
        assert_eq!(fmt(-0.001, 'f', 2), "-0.00");
        assert_eq!(fmt(1e20, 'f', 0), "100000000000000000000");
        assert_eq!(fmt(12345.678, 'e', 3), "1.235e+04");
        assert_eq!(fmt(0.0, 'e', 2), "0.00e+00");
        assert_eq!(fmt(1e-300, 'E', 0), "1E-300");
        assert_eq!(fmt(100000.0, 'g', 6), "100000");
        assert_eq!(fmt(1000000.0, 'g', 6), "1e+06");
        assert_eq!(fmt(0.0001, 'g', 6), "0.0001");
        assert_eq!(fmt(0.00001, 'g', 6), "1e-05");
        assert_eq!(fmt(1.5, 'g', 0), "2");
        assert_eq!(fmt(f64::NAN, 'F', 2), "NAN");
        assert_eq!(fmt(-f64::NAN, 'f', 2), "nan");
        assert_eq!(fmt(f64::NEG_INFINITY, 'g', 2), "-inf");
        let alt = DtoaFlags { alt: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(1.0, 'g', 3, alt), "1.00");
        assert_eq!(double_to_string(1.0, 'f', 0, alt), "1.");
        assert_eq!(double_to_string(1.0, 'e', 0, alt), "1.e+00");
        let dot0 = DtoaFlags { add_dot_0: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(123.0, 'g', 3, dot0), "1.23e+02");
        assert_eq!(double_to_string(12.0, 'g', 3, dot0), "12.0");
        assert_eq!(double_to_string(1e16, 'r', 0, dot0), "1e+16");
        let sign = DtoaFlags { sign: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(f64::NAN, 'r', 0, sign), "+nan");
    }
}
