//! `int(text, base)` with CPython 3.8's rules (`PyLong_FromString`):
//! surrounding whitespace, one sign, the `0x`/`0o`/`0b` prefixes (required
//! to pick the base when `base` is 0, optional when it names the same
//! base), single underscores between digits and after a prefix, digits of
//! any Unicode script, and no leading zeros for base 0 unless the value is 0.

use num_bigint::{BigInt, Sign};

use super::int::Int;
use super::text::{bytes_repr, is_ascii_space, str_repr, to_ascii_number_text};
use super::{NumError, NumResult};

/// `int(s, base)` for a str `s`.
pub fn parse_int(s: &str, base: u32) -> NumResult<Int> {
    check_base(base)?;
    let text = to_ascii_number_text(s);
    let literal = scan_int_ascii(&text, base).ok_or_else(|| invalid_literal(base, &str_repr(s)))?;
    literal.convert()
}

/// `int(b, base)` for bytes or a bytearray `b`.
pub fn parse_int_bytes(data: &[u8], base: u32) -> NumResult<Int> {
    check_base(base)?;
    let literal = scan_int_ascii(data, base)
        .ok_or_else(|| invalid_literal(base, &bytes_repr(&data[..data.len().min(200)])))?;
    literal.convert()
}

/// A valid literal's digits (values below `base`), base and sign.
struct Literal {
    digits: Vec<u8>,
    base: u32,
    negative: bool,
}

impl Literal {
    /// The value, refused past the int<->str digit limit (see
    /// `str_digits`) before the conversion, whose cost grows faster than
    /// the digit count, starts.
    fn convert(&self) -> NumResult<Int> {
        super::str_digits::check_parse(self.digits.len(), self.base)?;
        Ok(self.value())
    }

    fn value(&self) -> Int {
        let value = digits_to_int(&self.digits, self.base);
        if self.negative {
            value.neg()
        } else {
            value
        }
    }
}

fn check_base(base: u32) -> NumResult<()> {
    if base == 1 || base > 36 {
        return Err(NumError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    Ok(())
}

fn invalid_literal(base: u32, repr: &str) -> NumError {
    let repr: String = repr.chars().take(200).collect();
    NumError::value(format!("invalid literal for int() with base {base}: {repr}"))
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `PyLong_FromString` on ASCII text (also what `int(b"...")` parses);
/// `None` when the text is not a valid literal. `base` is 0 or 2..=36.
pub fn parse_int_ascii(text: &[u8], base: u32) -> Option<Int> {
    scan_int_ascii(text, base).map(|literal| literal.value())
}

/// The digits of ASCII text, `None` when it is not a valid literal.
fn scan_int_ascii(text: &[u8], base: u32) -> Option<Literal> {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' || at(i) == b'-' {
        negative = at(i) == b'-';
        i += 1;
    }
    let mut base = base;
    let mut must_be_zero = false;
    let prefix_base = match (at(i), at(i + 1).to_ascii_lowercase()) {
        (b'0', b'x') => 16,
        (b'0', b'o') => 8,
        (b'0', b'b') => 2,
        _ => 0,
    };
    if base == 0 {
        if prefix_base != 0 {
            base = prefix_base;
        } else {
            // A C-style octal literal like "010" is invalid, but "00" is zero.
            must_be_zero = at(i) == b'0';
            base = 10;
        }
    }
    if prefix_base == base {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return None;
    }
    let mut digits = Vec::with_capacity(text.len() - i);
    let mut prev = 0u8;
    while digit_value(at(i)) < base || at(i) == b'_' {
        let c = at(i);
        if c == b'_' {
            if prev == b'_' {
                return None;
            }
        } else {
            digits.push(digit_value(c) as u8);
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' || digits.is_empty() {
        return None;
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != text.len() {
        return None;
    }
    if must_be_zero && digits.iter().any(|&d| d != 0) {
        return None;
    }
    Some(Literal { digits, base, negative })
}

fn digits_to_int(digits: &[u8], base: u32) -> Int {
    let mut small: u64 = 0;
    for &d in digits {
        match small.checked_mul(base as u64).and_then(|v| v.checked_add(d as u64)) {
            Some(v) => small = v,
            None => {
                let big =
                    BigInt::from_radix_be(Sign::Plus, digits, base).expect("digits below the base");
                return Int::from_big(big);
            }
        }
    }
    Int::from_big(BigInt::from(small))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str, base: u32) -> String {
        parse_int(s, base).map(|v| v.to_string()).unwrap_or_else(|e| e.message)
    }

    #[test]
    fn cpython_cases() {
        assert_eq!(ok(" -12_3\n", 10), "-123");
        assert_eq!(ok("0x_1f", 0), "31");
        assert_eq!(ok("0X1F", 16), "31");
        assert_eq!(ok("0b101", 16), "45313");
        assert_eq!(ok("00", 0), "0");
        assert_eq!(ok("0_0", 0), "0");
        assert_eq!(ok("010", 0), "invalid literal for int() with base 0: '010'");
        assert_eq!(ok("0x", 0), "invalid literal for int() with base 0: '0x'");
        assert_eq!(ok("1__0", 10), "invalid literal for int() with base 10: '1__0'");
        assert_eq!(ok("_1", 10), "invalid literal for int() with base 10: '_1'");
        assert_eq!(ok("1_", 10), "invalid literal for int() with base 10: '1_'");
        assert_eq!(ok("z", 36), "35");
        assert_eq!(ok("\u{661}\u{662}", 10), "12");
        assert_eq!(ok("1", 37), "int() base must be >= 2 and <= 36, or 0");
        assert_eq!(ok("99999999999999999999999", 10), "99999999999999999999999");
        assert_eq!(ok("-9223372036854775808", 10), "-9223372036854775808");
        assert_eq!(parse_int_bytes(b" 1_0 ", 10), Ok(Int::Small(10)));
        let e = parse_int_bytes(b"1x", 10).unwrap_err();
        assert_eq!(e.message, "invalid literal for int() with base 10: b'1x'");
    }
}
