//! `repr()` of str and bytes exactly as CPython 3.8 writes them: single
//! quotes unless the text has a single quote and no double quote, the
//! escapes `\\ \' \t \n \r`, `\xNN`/`\uNNNN`/`\UNNNNNNNN` for what is not
//! printable.

use super::is_printable;
use std::fmt::Write;

fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// `repr()` of a str given as code points (lone surrogates allowed).
pub fn repr_code_points(cps: &[u32]) -> String {
    let quote = choose_quote(cps.contains(&('\'' as u32)), cps.contains(&('"' as u32)));
    let mut out = String::with_capacity(cps.len() + 2);
    out.push(quote);
    for &cp in cps {
        push_escaped(&mut out, cp, quote);
    }
    out.push(quote);
    out
}

/// `repr()` of a str.
pub fn repr_str(s: &str) -> String {
    let quote = choose_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_escaped(&mut out, c as u32, quote);
    }
    out.push(quote);
    out
}

fn push_escaped(out: &mut String, cp: u32, quote: char) {
    match cp {
        0x5c => out.push_str("\\\\"),
        0x09 => out.push_str("\\t"),
        0x0a => out.push_str("\\n"),
        0x0d => out.push_str("\\r"),
        _ if cp == quote as u32 => {
            out.push('\\');
            out.push(quote);
        }
        _ if is_printable(cp) => {
            out.push(char::from_u32(cp).expect("printable is not a surrogate"))
        }
        0..=0xff => write!(out, "\\x{cp:02x}").expect("writing to a String"),
        0x100..=0xffff => write!(out, "\\u{cp:04x}").expect("writing to a String"),
        _ => write!(out, "\\U{cp:08x}").expect("writing to a String"),
    }
}

/// `repr()` of a bytes object: `b'...'`.
pub fn repr_bytes(bytes: &[u8]) -> String {
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => write!(out, "\\x{b:02x}").expect("writing to a String"),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_reprs_match_cpython() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("'\""), "'\\'\"'");
        assert_eq!(repr_str("a\tb\n\\\r\x00\x7f"), "'a\\tb\\n\\\\\\r\\x00\\x7f'");
        assert_eq!(
            repr_str("é\u{a0}\u{200b}\u{1f600}\u{e0001}"),
            "'é\\xa0\\u200b\u{1f600}\\U000e0001'"
        );
        assert_eq!(repr_code_points(&[0x61, 0xd800]), "'a\\ud800'");
    }

    #[test]
    fn bytes_reprs_match_cpython() {
        assert_eq!(repr_bytes(b"abc"), "b'abc'");
        assert_eq!(repr_bytes(b"it's"), "b\"it's\"");
        assert_eq!(repr_bytes(b"\x00\xff\t'\""), "b'\\x00\\xff\\t\\'\"'");
    }
}
