//! The text side of number parsing: CPython's
//! `_PyUnicode_TransformDecimalAndSpaceToASCII` (Unicode decimal digits
//! become ASCII digits, Unicode spaces become ' ', other non-ASCII
//! characters become '?'; the Unicode tables are `crate::unicode`'s), and the `repr` of
//! a string as error messages quote it.

pub use crate::unicode::chars::decimal_value;
use crate::unicode::chars::is_space;

/// CPython's `Py_ISSPACE`: the ASCII whitespace that C's `isspace` knows.
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The ASCII text that `int()`, `float()` and `complex()` parse: decimal
/// digits and spaces of any script made ASCII; the text ends with a '?' at
/// the first other non-ASCII character.
pub fn to_ascii_number_text(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// Strips `Py_ISSPACE` whitespace from both ends.
pub fn trim_ascii_space(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_ascii_space(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !is_ascii_space(b)).map_or(start, |i| i + 1);
    &s[start..end]
}

/// Whether `repr` shows a character as itself: `str.isprintable()`.
pub fn is_printable(c: char) -> bool {
    crate::unicode::is_printable(c as u32)
}

/// `repr(s)` of a Python str: single quotes unless the text holds a single
/// quote and no double quote, escapes for backslash, quotes and
/// unprintable characters.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` of a Python bytes object: `b'...'` with the quote chosen as
/// for str, `\\t \\n \\r` and `\\xNN` for bytes outside printable ASCII.
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_spaces() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{669}'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{1E959}'), Some(9));
        assert_eq!(decimal_value('\u{1E95A}'), None);
        assert_eq!(to_ascii_number_text("\u{661}\u{2003}x\u{e9}1"), b"1 x?");
        assert_eq!(trim_ascii_space(b"  1 2\n"), b"1 2");
        assert_eq!(trim_ascii_space(b"   "), b"");
    }

    #[test]
    fn reprs() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("a\nb\x00\u{e9}\u{2028}"), "'a\\nb\\x00\u{e9}\\u2028'");
        assert_eq!(bytes_repr(b"a'\t\xff\\"), "b\"a'\\t\\xff\\\\\"");
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(
            str_repr("\u{378}\u{e000}\u{10ffff}\u{1f600}"),
            "'\\u0378\\ue000\\U0010ffff\u{1f600}'"
        );
        assert!(is_space('\u{3000}') && !is_space('\u{200b}'));
    }
}
