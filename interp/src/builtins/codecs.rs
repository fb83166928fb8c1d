//! The codecs CPython implements in C that programs use most: UTF-8,
//! ASCII and Latin-1, with the standard error handlers and CPython's
//! messages. `str.encode`, `bytes.decode` and text files go through here.

use crate::object::str::StrObj;
use crate::object::PyErr;
use crate::unicode::wtf8;
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
        // Normalized in a buffer on the stack: every `encode`/`decode`
        // call looks its codec up, and no alias is longer than this.
        const LONGEST_ALIAS: usize = 15;
        let name = name.trim().as_bytes();
        if name.len() > LONGEST_ALIAS {
            return None;
        }
        let mut buf = [0u8; LONGEST_ALIAS];
        for (out, &b) in buf.iter_mut().zip(name) {
            *out = if b == b'_' || b == b' ' { b'-' } else { b.to_ascii_lowercase() };
        }
        match &buf[..name.len()] {
            b"utf-8" | b"utf8" | b"u8" | b"utf" | b"cp65001" | b"utf8-ucs2" | b"utf8-ucs4" => {
                Some(Codec::Utf8)
            }
            b"ascii" | b"us-ascii" | b"646" | b"us" | b"ansi-x3.4-1968" | b"iso646-us" => {
                Some(Codec::Ascii)
            }
            b"latin-1" | b"latin1" | b"latin" | b"iso-8859-1" | b"iso8859-1" | b"8859"
            | b"cp819" | b"l1" | b"iso-ir-100" | b"iso-8859-1:1987" => Some(Codec::Latin1),
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

/// `str.encode` / `bytes.decode` with an encoding tachyon has no native
/// codec for: the codec registry's (`encodings/*.py` through `_codecs`),
/// whose result must be bytes (encode) or str (decode), as in CPython.
pub fn through_registry(
    vm: &mut Vm,
    obj: crate::object::Value,
    encoding: &str,
    errors: &str,
    encoding_to_bytes: bool,
) -> PyResult {
    let func = if encoding_to_bytes { "encode" } else { "decode" };
    let args = [obj, vm.heap.new_str(encoding), vm.heap.new_str(errors)];
    let mark = vm.push_temp(args[1]);
    vm.push_temp(args[2]);
    let result = crate::modules::call_lazy_class(vm, "_codecs", func, &args, &[]);
    vm.truncate_temps(mark);
    let result = result?;
    let ok = if encoding_to_bytes {
        crate::object::bytes::bytes_of(result).is_some()
    } else {
        crate::object::str::str_of(result).is_some()
    };
    if ok {
        return Ok(result);
    }
    let (role, want) = if encoding_to_bytes { ("encoder", "bytes") } else { ("decoder", "str") };
    Err(vm.type_error(&format!(
        "'{encoding}' {role} returned '{}' instead of '{want}'; use codecs.{func}() to {func} to arbitrary types",
        vm.type_name(result)
    )))
}

fn unknown_handler(vm: &Vm, errors: &str) -> PyErr {
    PyErr::lookup_error(&vm.heap, &format!("unknown error handler name '{errors}'"))
}

/// `'\xe9'` as encode errors quote one character.
fn quote_char(cp: u32) -> String {
    if cp < 0x100 {
        format!("'\\x{cp:02x}'")
    } else if cp < 0x10000 {
        format!("'\\u{cp:04x}'")
    } else {
        format!("'\\U{cp:08x}'")
    }
}

/// `\xe9`, `\u20ac` or `\U0001f600`: a character as `backslashreplace` writes it.
fn push_backslashed(out: &mut Vec<u8>, cp: u32) {
    let q = quote_char(cp);
    out.extend_from_slice(&q.as_bytes()[1..q.len() - 1]);
}

/// `text` encoded with `codec`, unencodable characters handled by `errors`.
pub fn encode(vm: &Vm, text: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 || text.is_ascii() {
        return Ok(text.as_bytes().to_vec());
    }
    let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
    encode_code_points(vm, &cps, codec, errors)
}

/// `s.encode(codec, errors)` of any str, lone surrogates included.
pub fn encode_str(vm: &Vm, s: &StrObj, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    match s.to_str() {
        Ok(text) => encode(vm, text, codec, errors),
        Err(_) => encode_code_points(vm, &s.code_points().collect::<Vec<_>>(), codec, errors),
    }
}

/// CPython's encoders: runs of characters the codec cannot encode (above
/// its range; for UTF-8, lone surrogates) go to the error handler.
fn encode_code_points(vm: &Vm, cps: &[u32], codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let limit = codec.limit();
    let unencodable =
        |cp: u32| if codec == Codec::Utf8 { wtf8::is_surrogate(cp) } else { cp >= limit };
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        let cp = cps[i];
        if !unencodable(cp) {
            if codec == Codec::Utf8 {
                wtf8::push_code_point(&mut out, cp);
            } else {
                out.push(cp as u8);
            }
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && unencodable(cps[end]) {
            end += 1;
        }
        let run = &cps[i..end];
        match errors {
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', run.len())),
            "backslashreplace" => run.iter().for_each(|&cp| push_backslashed(&mut out, cp)),
            "namereplace" => {
                for &cp in run {
                    let current = crate::unicode::ucd::Version::Current;
                    match crate::unicode::names::name_of(cp, current) {
                        Some(name) => out.extend_from_slice(format!("\\N{{{name}}}").as_bytes()),
                        None => push_backslashed(&mut out, cp),
                    }
                }
            }
            "xmlcharrefreplace" => {
                for &cp in run {
                    out.extend_from_slice(format!("&#{cp};").as_bytes());
                }
            }
            "surrogatepass" if codec == Codec::Utf8 => {
                run.iter().for_each(|&cp| wtf8::push_code_point(&mut out, cp))
            }
            "surrogateescape" => {
                // UTF-8b: U+DC80..U+DCFF stand for the undecodable bytes
                // they were decoded from; anything else fails from there.
                let escaped = run.iter().take_while(|&&cp| (0xDC80..=0xDCFF).contains(&cp));
                out.extend(escaped.map(|&cp| (cp - 0xDC00) as u8));
                let done =
                    i + run.iter().take_while(|&&cp| (0xDC80..=0xDCFF).contains(&cp)).count();
                if done < end {
                    return Err(encode_error(vm, codec, cps, done, end));
                }
            }
            "strict" | "surrogatepass" => return Err(encode_error(vm, codec, cps, i, end)),
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// The `UnicodeEncodeError` for characters `start..end` of `cps`: its
/// arguments `(encoding, object, start, end, reason)` as CPython gives
/// them; its `__str__` words the message from them.
fn encode_error(vm: &Vm, codec: Codec, cps: &[u32], start: usize, end: usize) -> PyErr {
    let reason = match codec {
        Codec::Utf8 => "surrogates not allowed".to_string(),
        _ => format!("ordinal not in range({})", codec.limit()),
    };
    let mut text = Vec::new();
    cps.iter().for_each(|&cp| wtf8::push_code_point(&mut text, cp));
    let object = vm.heap.new_str_wtf8(&text);
    unicode_error(vm, vm.heap.types().unicode_encode_error, codec, object, start, end, &reason)
}

/// A Unicode error of type `ty` with CPython's five arguments.
fn unicode_error(
    vm: &Vm,
    ty: crate::object::Value,
    codec: Codec,
    object: crate::object::Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let position = |i: usize| vm.heap.new_int_i64(i64::try_from(i).unwrap_or(i64::MAX));
    let args = [
        vm.heap.new_str(codec.name()),
        object,
        position(start),
        position(end),
        vm.heap.new_str(reason),
    ];
    PyErr::with_args(&vm.heap, ty, &args)
}

/// `data` decoded with `codec`, undecodable bytes handled by `errors`: the
/// text as `crate::unicode::wtf8` bytes (`surrogateescape` and
/// `surrogatepass` make lone surrogates).
pub fn decode(vm: &Vm, data: &[u8], codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    match codec {
        Codec::Latin1 => data.iter().for_each(|&b| wtf8::push_code_point(&mut out, b as u32)),
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b);
                    continue;
                }
                let reason = "ordinal not in range(128)";
                decode_error(vm, &mut out, codec, errors, data, i, i + 1, reason)?;
            }
        }
        Codec::Utf8 => {
            let mut rest = data;
            let mut pos = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.extend_from_slice(s.as_bytes());
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.extend_from_slice(&rest[..good]);
                        let start = pos + good;
                        let bad = &rest[good..];
                        if errors == "surrogatepass"
                            && wtf8::check(bad.get(..3).unwrap_or(bad)).is_some()
                        {
                            // An encoded lone surrogate, which the
                            // handler lets through.
                            out.extend_from_slice(&bad[..3]);
                            rest = &bad[3..];
                            pos = start + 3;
                            continue;
                        }
                        let (len, reason) = match e.error_len() {
                            Some(n) => {
                                let reason = if (0x80..0xC2).contains(&bad[0]) || bad[0] > 0xF4 {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                (n, reason)
                            }
                            None => (bad.len(), "unexpected end of data"),
                        };
                        let end = start + len;
                        decode_error(vm, &mut out, codec, errors, data, start, end, reason)?;
                        rest = &bad[len..];
                        pos = end;
                    }
                }
            }
        }
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn decode_error(
    vm: &Vm,
    out: &mut Vec<u8>,
    codec: Codec,
    errors: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<()> {
    let bytes = &data[start..end];
    match errors {
        "ignore" => Ok(()),
        "replace" => {
            out.extend_from_slice("\u{FFFD}".as_bytes());
            Ok(())
        }
        "backslashreplace" => {
            for b in bytes {
                out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
            }
            Ok(())
        }
        // UTF-8b (PEP 383): each byte as U+DC80..U+DCFF; ASCII bytes cannot
        // be escaped.
        "surrogateescape" if bytes.iter().all(|&b| b >= 0x80) => {
            bytes.iter().for_each(|&b| wtf8::push_code_point(out, 0xDC00 + b as u32));
            Ok(())
        }
        "strict" | "surrogateescape" | "surrogatepass" => {
            let object = vm.heap.new_bytes(data);
            let ty = vm.heap.types().unicode_decode_error;
            Err(unicode_error(vm, ty, codec, object, start, end, reason))
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
        assert_eq!(Codec::lookup(" ISO 8859_1:1987\t"), Some(Codec::Latin1));
        assert_eq!(Codec::lookup("iso-8859-1:1987x"), None);
        assert_eq!(Codec::lookup("utf-8\u{e9}"), None);
    }

    #[test]
    fn quoting() {
        assert_eq!(quote_char('é' as u32), "'\\xe9'");
        assert_eq!(quote_char('€' as u32), "'\\u20ac'");
        assert_eq!(quote_char(0xDCFF), "'\\udcff'");
    }
}
