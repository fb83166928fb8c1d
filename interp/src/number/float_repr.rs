//! `repr(float)` as CPython 3.8 writes it: the shortest digit string that
//! reads back to the same double (`PyOS_double_to_string` with format code
//! `'r'`), in fixed notation when the decimal point falls within
//! `-4 < decpt <= 16` and in scientific notation otherwise.

use super::dtoa::{double_to_string, DtoaFlags};

/// The shortest round-trip digits of a finite, non-zero `x` and the position
/// of the decimal point: `x = 0.DIGITS * 10**decpt` (sign not included).
/// Among the shortest strings that read back as `x`, the nearest to `x`
/// (as `_Py_dg_dtoa` mode 0 picks it).
pub(super) fn shortest_digits(x: f64) -> (String, i32) {
    let x = x.abs();
    // Rust's `{:e}` gives the shortest length, but not always the nearest
    // string of that length (853525202017533.2 comes out as ...533.3).
    let shortest = format!("{x:e}");
    let length = shortest.split_once('e').map_or(1, |(m, _)| m.len() - m.contains('.') as usize);
    // With 15 digits or fewer, decimal neighbours are farther apart than
    // the doubles that read back as a normal `x`, so the shortest string is
    // unique (subnormals have wider intervals: 5e-324 is also 4e-324).
    // Otherwise the correctly rounded string of that length is the nearest.
    // It reads back as `x` whenever some string of that length does, except
    // at a power of two, whose interval is narrower below than above.
    let sci = if length <= 15 && x >= f64::MIN_POSITIVE {
        shortest
    } else {
        let nearest = format!("{:.*e}", length - 1, x);
        let power_of_two = x.to_bits() & ((1 << 52) - 1) == 0;
        if nearest == shortest || !power_of_two || nearest.parse::<f64>() == Ok(x) {
            nearest
        } else {
            shortest
        }
    };
    let (mantissa, exponent) = sci.split_once('e').expect("{:e} always has an exponent");
    let mut digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let kept = digits.trim_end_matches('0').len();
    digits.truncate(kept.max(1));
    let exponent: i32 = exponent.parse().expect("{:e} exponent is an integer");
    (digits, exponent + 1)
}

/// `repr(x)` of a Python float: `1.0`, `1e+16`, `1.5e-05`, `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags { add_dot_0: true, ..DtoaFlags::default() };
    double_to_string(x, 'r', 0, flags)
}

/// The repr digits without the `.0` that `float_repr` appends to integral
/// values; `complex.__repr__` writes its parts this way (`1j`, `(1+2.5j)`).
pub fn float_repr_bare(x: f64) -> String {
    double_to_string(x, 'r', 0, DtoaFlags::default())
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

#[cfg(test)]
mod properties {
    use super::*;
    use quickcheck::QuickCheck;

    fn reads_back(bits: u64) -> bool {
        let x = f64::from_bits(bits);
        let text = float_repr(x);
        x.is_nan()
            || text.parse::<f64>() == Ok(x)
                && text.parse::<f64>().unwrap().is_sign_negative() == x.is_sign_negative()
    }

    fn hex_reads_back(bits: u64) -> bool {
        let x = f64::from_bits(bits);
        let back = super::super::float_hex::float_fromhex(&super::super::float_hex::float_hex(x));
        x.is_nan() || back.map(f64::to_bits) == Ok(bits)
    }

    #[test]
    fn repr_and_hex_read_back() {
        QuickCheck::new().tests(5000).quickcheck(reads_back as fn(u64) -> bool);
        QuickCheck::new().tests(5000).quickcheck(hex_reads_back as fn(u64) -> bool);
    }
}
