//! From file bytes to source text: the UTF-8 byte order mark, the PEP 263
//! encoding declaration in the first two lines, decoding, and CPython's
//! universal newlines (`\r\n` and `\r` read as `\n`), ending in a newline.

use super::error::{ErrorKind, SyntaxError};
use crate::unicode;

/// The declared encoding of `bytes`, if its first or second line has a cookie.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split(|&b| b == b'\n' || b == b'\r');
    let first = lines.next()?;
    if let Some(enc) = cookie(first) {
        return Some(enc);
    }
    // The second line counts only when the first is blank or a comment.
    let trimmed: Vec<u8> =
        first.iter().copied().skip_while(|b| matches!(b, b' ' | b'\t' | 0x0c)).collect();
    if !trimmed.is_empty() && trimmed[0] != b'#' {
        return None;
    }
    let second = if bytes.len() > first.len() {
        let rest = &bytes[first.len()..];
        let rest = rest.strip_prefix(b"\r\n").or_else(|| rest.get(1..)).unwrap_or(&[]);
        rest.split(|&b| b == b'\n' || b == b'\r').next()?
    } else {
        return None;
    };
    cookie(second)
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn cookie(line: &[u8]) -> Option<String> {
    let start = line.iter().position(|b| !matches!(b, b' ' | b'\t' | 0x0c))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let at = comment.windows(6).position(|w| w == b"coding")?;
    let rest = &comment[at + 6..];
    if !matches!(rest.first(), Some(b':' | b'=')) {
        // A later "coding" may still match (`.*?` backtracks).
        return cookie_after(comment, at + 6);
    }
    let name: Vec<u8> = rest[1..]
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b' ' | b'\t'))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        .collect();
    if name.is_empty() {
        return cookie_after(comment, at + 6);
    }
    Some(String::from_utf8_lossy(&name).into_owned())
}

fn cookie_after(comment: &[u8], from: usize) -> Option<String> {
    let mut shifted = b"#".to_vec();
    shifted.extend_from_slice(&comment[from..]);
    cookie(&shifted)
}

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it knows.
fn normal_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1", "latin1"] {
        if lower == latin || lower.starts_with(&format!("{latin}-")) {
            return "iso-8859-1".into();
        }
    }
    lower
}

fn decode_error(filename: &str, msg: String) -> Box<SyntaxError> {
    Box::new(SyntaxError {
        kind: ErrorKind::SyntaxError,
        msg,
        filename: filename.into(),
        lineno: 0,
        offset: None,
        text: None,
    })
}

/// Decodes a source file to text with `\n` line ends and a final newline.
pub fn decode(bytes: &[u8], filename: &str) -> Result<String, Box<SyntaxError>> {
    let (bytes, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let encoding = declared_encoding(bytes).map(|name| normal_name(&name));
    let text = match encoding.as_deref() {
        None | Some("utf-8") => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(err) => {
                let bad = bytes[err.valid_up_to()];
                let line = bytes[..err.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                let msg = if encoding.is_none() {
                    format!(
                        "Non-UTF-8 code starting with '\\x{bad:02x}' in file {filename} on line {line}, \
                         but no encoding declared; see http://python.org/dev/peps/pep-0263/ for details"
                    )
                } else {
                    format!(
                        "(unicode error) 'utf-8' codec can't decode byte 0x{bad:02x} in position {}: invalid start byte",
                        err.valid_up_to()
                    )
                };
                let mut err = decode_error(filename, msg);
                err.lineno = line as u32;
                return Err(err);
            }
        },
        // Only the spelling "utf-8" goes with a BOM; codecs knows other names.
        Some(other) if bom => {
            return Err(decode_error(filename, format!("encoding problem: {other} with BOM")));
        }
        Some("utf8" | "u8" | "utf") => match String::from_utf8(bytes.to_vec()) {
            Ok(text) => text,
            Err(_) => {
                return Err(decode_error(
                    filename,
                    "(unicode error) 'utf-8' codec can't decode".into(),
                ))
            }
        },
        Some("iso-8859-1") => bytes.iter().map(|&b| b as char).collect(),
        Some("ascii" | "us-ascii") if bytes.is_ascii() => String::from_utf8_lossy(bytes).into(),
        Some(name) => match unicode::single_byte_decoder(name) {
            Some(high_half) => bytes
                .iter()
                .map(|&b| if b < 0x80 { b as char } else { high_half[(b - 0x80) as usize] })
                .collect(),
            None => return Err(decode_error(filename, format!("unknown encoding: {name}"))),
        },
    };
    Ok(normalize_newlines(text))
}

/// A byte that is not UTF-8 in a string input. CPython's string tokenizer
/// passes such bytes through and fails only where they are used: in a name
/// ("invalid character in identifier"), in a literal (a decode error);
/// in a comment they do no harm. The text holds U+FFFD at `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidByte {
    pub at: usize,
    pub byte: u8,
    /// Python's UTF-8 decoder's reason: "invalid start byte", ...
    pub reason: &'static str,
}

/// Decodes source bytes given as a string (`compile(bytes)`): as [`decode`],
/// except that bytes that are not UTF-8, where UTF-8 is expected, become
/// U+FFFD and are listed.
pub fn decode_string_input(
    bytes: &[u8],
    filename: &str,
) -> Result<(String, Vec<InvalidByte>), Box<SyntaxError>> {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let utf8 =
        matches!(declared_encoding(body).map(|n| normal_name(&n)).as_deref(), None | Some("utf-8"));
    if !utf8 || std::str::from_utf8(body).is_ok() {
        return decode(bytes, filename).map(|text| (text, Vec::new()));
    }
    let mut normalized = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'\r' => {
                normalized.push(b'\n');
                if body.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b => normalized.push(b),
        }
        i += 1;
    }
    let mut text = String::with_capacity(normalized.len());
    let mut invalid = Vec::new();
    let mut rest = &normalized[..];
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(err) => {
                let (valid, after) = rest.split_at(err.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let byte = after[0];
                let reason = match err.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0xc2..=0xf4).contains(&byte) => "invalid continuation byte",
                    Some(_) => "invalid start byte",
                };
                invalid.push(InvalidByte { at: text.len(), byte, reason });
                text.push('\u{fffd}');
                rest = &after[err.error_len().unwrap_or(after.len())..];
            }
        }
    }
    Ok((normalize_newlines(text), invalid))
}

/// What CPython 3.8's file reader sees of a line holding a NUL byte: the
/// text before the NUL, joined to the next line (the rest, newline
/// included, is lost to its C string handling).
pub fn drop_after_nul(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut skipping = false;
    for &b in bytes {
        if skipping {
            skipping = b != b'\n';
        } else if b == 0 {
            skipping = true;
        } else {
            out.push(b);
        }
    }
    out
}

/// `\r\n` and `\r` become `\n`; a missing final newline is added.
pub fn normalize_newlines(text: String) -> String {
    let mut text =
        if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies() {
        assert_eq!(declared_encoding(b"# -*- coding: latin-1 -*-\n"), Some("latin-1".into()));
        assert_eq!(
            declared_encoding(b"#!/usr/bin/python\n# vim: set fileencoding=utf8 :\n"),
            Some("utf8".into())
        );
        assert_eq!(declared_encoding(b"x = 1\n# coding: latin-1\n"), None);
        assert!(decode(b"s = '\xe9'\n", "f").unwrap_err().msg.starts_with("Non-UTF-8"));
        assert_eq!(
            decode(b"# coding: latin-1\ns = '\xe9'", "f").unwrap(),
            "# coding: latin-1\ns = '\u{e9}'\n"
        );
        assert_eq!(decode(b"a\r\nb\rc", "f").unwrap(), "a\nb\nc\n");
        assert_eq!(drop_after_nul(b"x = 1\0junk\nprint(x)\n"), b"x = 1print(x)\n");
    }
}
