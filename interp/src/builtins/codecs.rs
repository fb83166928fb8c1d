//! The codecs CPython implements in C that programs use most: UTF-8,
//! ASCII and Latin-1, with the standard error handlers and CPython's
//! messages. `str.encode`, `bytes.decode` and text files go through here.

use crate::object::PyErr;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec of an encoding name, with Python's aliases.
    pub fn lookup(name: &str) -> Option<Codec> {
        let norm: String = name
            .trim()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() })
            .collect();
        match norm.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => {
                Some(Codec::Utf8)
            }
            "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => {
                Some(Codec::Ascii)
            }
            "latin-1" | "latin1" | "latin" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
            | "l1" | "iso-ir-100" | "iso-8859-1:1987" => Some(Codec::Latin1),
            _ => None,
        }
    }

    /// The name error messages give.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x11_0000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

pub fn lookup_or_error(vm: &Vm, encoding: &str) -> PyResult<Codec> {
    Codec::lookup(encoding)
        .ok_or_else(|| PyErr::lookup_error(&vm.heap, &format!("unknown encoding: {encoding}")))
}

fn unknown_handler(vm: &Vm, errors: &str) -> PyErr {
    PyErr::lookup_error(&vm.heap, &format!("unknown error handler name '{errors}'"))
}

/// `'\xe9'` as encode errors quote one character.
fn quote_char(c: char) -> String {
    let cp = c as u32;
    if cp < 0x100 {
        format!("'\\x{cp:02x}'")
    } else if cp < 0x10000 {
        format!("'\\u{cp:04x}'")
    } else {
        format!("'\\U{cp:08x}'")
    }
}

/// `text` encoded with `codec`, unencodable characters handled by `errors`.
pub fn encode(vm: &Vm, text: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 || text.is_ascii() {
        return Ok(text.as_bytes().to_vec());
    }
    let chars: Vec<char> = text.chars().collect();
    let limit = codec.limit();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let what = if end == i + 1 {
                    format!("character {} in position {i}", quote_char(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                let msg = format!(
                    "'{}' codec can't encode {what}: ordinal not in range({limit})",
                    codec.name()
                );
                return Err(PyErr::new(&vm.heap, vm.heap.types().unicode_encode_error, &msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    let q = quote_char(c);
                    out.extend_from_slice(&q.as_bytes()[1..q.len() - 1]);
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `data` decoded with `codec`, undecodable bytes handled by `errors`.
pub fn decode(vm: &Vm, data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(String::from_utf8_lossy(data).into_owned());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                let reason = "ordinal not in range(128)";
                decode_error(vm, &mut out, codec, errors, data, i, i + 1, reason)?;
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut rest = data;
            let mut pos = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let start = pos + good;
                        let (len, reason) = match e.error_len() {
                            Some(n) => {
                                let lead = rest[good];
                                let reason = if (0x80..0xC2).contains(&lead) || lead > 0xF4 {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                (n, reason)
                            }
                            None => (rest.len() - good, "unexpected end of data"),
                        };
                        decode_error(
                            vm,
                            &mut out,
                            codec,
                            errors,
                            data,
                            start,
                            start + len,
                            reason,
                        )?;
                        rest = &rest[good + len..];
                        pos = start + len;
                    }
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn decode_error(
    vm: &Vm,
    out: &mut String,
    codec: Codec,
    errors: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let what = if end == start + 1 {
                format!("byte 0x{:02x} in position {start}", data[start])
            } else {
                format!("bytes in position {start}-{}", end - 1)
            };
            let msg = format!("'{}' codec can't decode {what}: {reason}", codec.name());
            Err(PyErr::new(&vm.heap, vm.heap.types().unicode_decode_error, &msg))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        assert_eq!(Codec::lookup("UTF_8"), Some(Codec::Utf8));
        assert_eq!(Codec::lookup("Latin-1"), Some(Codec::Latin1));
        assert_eq!(Codec::lookup("US-ASCII"), Some(Codec::Ascii));
        assert_eq!(Codec::lookup("cp1252"), None);
    }

    #[test]
    fn quoting() {
        assert_eq!(quote_char('é'), "'\\xe9'");
        assert_eq!(quote_char('€'), "'\\u20ac'");
    }
}
