//! `float(text)` as CPython 3.8 reads it: surrounding whitespace, a sign,
//! `inf`/`infinity`/`nan` in any case, decimal digits with an optional
//! point and exponent (no hex), underscores only between digits, digits
//! of any Unicode script. Too large values become infinities, not errors.
//! The prefix scanner is `PyOS_string_to_double` with an end pointer, which
//! `complex(text)` also uses.

use super::text::{str_repr, to_ascii_number_text, trim_ascii_space};
use super::{NumError, NumResult};

/// `float(s)` for a str `s`.
pub fn parse_float(s: &str) -> NumResult<f64> {
    parse_float_text(&to_ascii_number_text(s), &str_repr(s))
}

/// `float(b)` for bytes or a bytearray; `repr` is the object's repr for
/// the error message (`b'x'`, `bytearray(b'x')`).
pub fn parse_float_bytes(data: &[u8], repr: &str) -> NumResult<f64> {
    parse_float_text(data, repr)
}

fn parse_float_text(text: &[u8], repr: &str) -> NumResult<f64> {
    parse_float_ascii(text).ok_or_else(|| {
        // CPython quotes what is left after stripping whitespace when nothing is.
        let quoted = if trim_ascii_space(text).is_empty() { "''" } else { repr };
        NumError::value(format!("could not convert string to float: {quoted}"))
    })
}

/// `float()` of ASCII text (also what `float(b"...")` parses); `None` when
/// it is not a float literal.
pub fn parse_float_ascii(text: &[u8]) -> Option<f64> {
    let text = remove_underscores(text)?;
    let text = trim_ascii_space(&text);
    match scan_float(text) {
        Some((x, end)) if end == text.len() => Some(x),
        _ => None,
    }
}

/// CPython's `_Py_string_to_number_with_underscores`: each underscore must
/// sit between two digits; they are then dropped. As in C, the text ends at
/// a NUL when looking for underscores, and a NUL after one is an error.
pub fn remove_underscores(text: &[u8]) -> Option<Vec<u8>> {
    let c_string = &text[..text.iter().position(|&b| b == 0).unwrap_or(text.len())];
    if !c_string.contains(&b'_') {
        return Some(text.to_vec());
    }
    let mut out = Vec::with_capacity(text.len());
    let mut prev = 0u8;
    for &c in c_string {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != b'_' && c_string.len() == text.len()).then_some(out)
}

/// The longest float literal at the start of `text` and where it ends, as
/// `PyOS_string_to_double` with an end pointer; no leading whitespace.
pub fn scan_float(text: &[u8]) -> Option<(f64, usize)> {
    if let Some(found) = scan_inf_or_nan_signed(text) {
        return Some(found);
    }
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut i = 0;
    let negative = at(0) == b'-';
    if at(0) == b'-' || at(0) == b'+' {
        i += 1;
    }
    let start = i;
    let mut mantissa_digits = 0;
    while at(i).is_ascii_digit() {
        i += 1;
        mantissa_digits += 1;
    }
    if at(i) == b'.' {
        i += 1;
        while at(i).is_ascii_digit() {
            i += 1;
            mantissa_digits += 1;
        }
    }
    if mantissa_digits == 0 {
        return None;
    }
    if at(i) == b'e' || at(i) == b'E' {
        let mut j = i + 1;
        if at(j) == b'+' || at(j) == b'-' {
            j += 1;
        }
        if at(j).is_ascii_digit() {
            while at(j).is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let literal = std::str::from_utf8(&text[start..i]).ok()?;
    let value: f64 = literal.parse().ok()?;
    Some((if negative { -value } else { value }, i))
}

/// A sign and `inf`, `infinity` or `nan` in any case at the start of `text`
/// (CPython's `_Py_parse_inf_or_nan`).
pub fn scan_inf_or_nan_signed(text: &[u8]) -> Option<(f64, usize)> {
    let signed = matches!(text.first(), Some(b'+' | b'-'));
    let (x, len) = scan_inf_or_nan(&text[signed as usize..])?;
    let negative = text.first() == Some(&b'-');
    Some((if negative { -x } else { x }, len + signed as usize))
}

/// `inf`, `infinity` or `nan` in any case at the start of `text`.
fn scan_inf_or_nan(text: &[u8]) -> Option<(f64, usize)> {
    let starts =
        |word: &[u8]| text.len() >= word.len() && text[..word.len()].eq_ignore_ascii_case(word);
    if starts(b"infinity") {
        Some((f64::INFINITY, 8))
    } else if starts(b"inf") {
        Some((f64::INFINITY, 3))
    } else if starts(b"nan") {
        Some((f64::NAN, 3))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<f64, String> {
        parse_float(s).map_err(|e| e.message)
    }

    #[test]
    fn cpython_cases() {
        assert_eq!(parse(" 1.5\n"), Ok(1.5));
        assert_eq!(parse("1_000.000_1"), Ok(1000.0001));
        assert_eq!(parse("-InFiNiTy"), Ok(f64::NEG_INFINITY));
        assert!(parse("+nan").unwrap().is_nan());
        assert_eq!(parse("1e500"), Ok(f64::INFINITY));
        assert_eq!(parse(".5"), Ok(0.5));
        assert_eq!(parse("5."), Ok(5.0));
        assert_eq!(parse("\u{661}.5"), Ok(1.5));
        assert!(parse("-0").unwrap().is_sign_negative());
        for bad in [
            "1__0", "_1", "1_", "1_.5", "1._5", "0x10", "1e", "inf5", ".", "", "e5", "1 2", "--1",
            "1e_5",
        ] {
            assert_eq!(
                parse(bad),
                Err(format!("could not convert string to float: {}", str_repr(bad))),
                "{bad}"
            );
        }
        assert_eq!(parse_float_bytes(b" 1.5 ", "b' 1.5 '"), Ok(1.5));
        let e = parse_float_bytes(b"x", "bytearray(b'x')").unwrap_err();
        assert_eq!(e.message, "could not convert string to float: bytearray(b'x')");
        assert_eq!(scan_float(b"1e5j"), Some((1e5, 3)));
        assert_eq!(scan_float(b"1ej"), Some((1.0, 1)));
        assert_eq!(scan_float(b"-j"), None);
    }
}
