//! `repr(float)` as CPython 3.8 writes it: the shortest digit string that
//! reads back to the same double (`PyOS_double_to_string` with format code
//! `'r'`), in fixed notation when the decimal point falls within
//! `-4 < decpt <= 16` and in scientific notation otherwise.

/// The shortest round-trip digits of a finite, non-zero `x` and the position
/// of the decimal point: `x = 0.DIGITS * 10**decpt` (sign not included).
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest digits that round-trip, e.g. "1.5e-5".
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').expect("{:e} always has an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: i32 = exponent.parse().expect("{:e} exponent is an integer");
    (digits, exponent + 1)
}

/// `repr(x)` of a Python float: `1.0`, `1e+16`, `1.5e-05`, `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    format_repr(x, true)
}

/// The repr digits without the `.0` that `float_repr` appends to integral
/// values; `complex.__repr__` writes its parts this way (`1j`, `(1+2.5j)`).
pub fn float_repr_bare(x: f64) -> String {
    format_repr(x, false)
}

fn format_repr(x: f64, add_dot_zero: bool) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return if add_dot_zero { format!("{sign}0.0") } else { format!("{sign}0") };
    }
    let (digits, decpt) = shortest_digits(x);
    let mut out = String::from(sign);
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let exp = decpt - 1;
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else {
        let decpt = decpt as usize;
        if digits.len() <= decpt {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', decpt - digits.len()));
            if add_dot_zero {
                out.push_str(".0");
            }
        } else {
            out.push_str(&digits[..decpt]);
            out.push('.');
            out.push_str(&digits[decpt..]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_reprs() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-5, "1.5e-05"),
            (123.456, "123.456"),
            (1e100, "1e+100"),
            (-2.5e-300, "-2.5e-300"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0, "100.0"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "repr({x:?})");
        }
        assert_eq!(float_repr_bare(1.0), "1");
        assert_eq!(float_repr_bare(2.5), "2.5");
        assert_eq!(float_repr_bare(1e16), "1e+16");
    }
}
