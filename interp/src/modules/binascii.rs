//! `binascii`: hex and base64 codecs and the CRC-32 and CRC-CCITT
//! checksums, after CPython 3.8's `Modules/binascii.c` (its lenient
//! base64 decoder and its error messages); the quoted-printable, uu and
//! BinHex codecs are in [`super::binascii_legacy`].

use super::binascii_legacy::{self as legacy, Failure};
use super::support::{exec_in_module, function_module, module_error};
use crate::builtins::str_methods::keyword_args;
use crate::builtins::{arg_range, split_kwargs};
use crate::object::str::str_of;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("hexlify", hexlify),
        ("b2a_hex", b2a_hex),
        ("unhexlify", unhexlify),
        ("a2b_hex", a2b_hex),
        ("b2a_base64", b2a_base64),
        ("a2b_base64", a2b_base64),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
        ("a2b_qp", a2b_qp),
        ("b2a_qp", b2a_qp),
        ("a2b_uu", a2b_uu),
        ("b2a_uu", b2a_uu),
        ("a2b_hqx", a2b_hqx),
        ("b2a_hqx", b2a_hqx),
        ("rlecode_hqx", rlecode_hqx),
        ("rledecode_hqx", rledecode_hqx),
    ];
    let module = function_module(vm, "binascii", funcs)?;
    let mark = vm.push_temp(module);
    let result = exec_in_module(
        vm,
        module,
        "class Error(ValueError):\n    __module__ = 'binascii'\n\
         class Incomplete(Exception):\n    __module__ = 'binascii'\n",
    );
    vm.truncate_temps(mark);
    result.map(|_| module)
}

fn binascii_error(vm: &mut Vm, msg: &str) -> crate::object::PyErr {
    module_error(vm, "binascii", "Error", msg)
}

/// A bytes-like argument (what the encoders take): bytes, bytearray,
/// array or memoryview.
fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match super::buffer::buffer_bytes(vm, v)? {
        Some(b) if str_of(v).is_none() => Ok(b),
        _ => {
            Err(vm
                .type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(v))))
        }
    }
}

/// A bytes-like or ASCII str argument (what the decoders take).
fn ascii_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = str_of(v) {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_utf8(&vm.heap)?.as_bytes().to_vec());
    }
    super::buffer::buffer_bytes(vm, v)?.ok_or_else(|| {
        vm.type_error(&format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// Hex digits of `data`, with `sep` between groups of `per_sep` bytes
/// counted from the right (from the left when negative).
pub fn hex_with_sep(data: &[u8], sep: Option<u8>, per_sep: i64) -> Vec<u8> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = per_sep.unsigned_abs() as usize;
    let mut out = Vec::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            let boundary = if per_sep < 0 {
                i.is_multiple_of(group)
            } else {
                (data.len() - i).is_multiple_of(group)
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push(DIGITS[(b >> 4) as usize]);
        out.push(DIGITS[(b & 15) as usize]);
    }
    out
}

fn hex_encode(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult {
    let bound = keyword_args(vm, args, kwnames, name, &["data", "sep", "bytes_per_sep"])?;
    let Some(data) = bound[0] else {
        return Err(vm.type_error(&format!("{name}() missing required argument 'data' (pos 1)")));
    };
    let data = data_arg(vm, data)?;
    let sep = match bound[1] {
        None => None,
        Some(s) if s.is_none() => None,
        Some(s) => {
            let text: Vec<u32> = match str_of(s) {
                Some(t) => t.as_utf8(&vm.heap)?.chars().map(|c| c as u32).collect(),
                None => data_arg(vm, s)?.into_iter().map(u32::from).collect(),
            };
            match text.as_slice() {
                [c] if *c < 256 => Some(*c as u8),
                _ => return Err(vm.value_error("sep must be length 1.")),
            }
        }
    };
    let per_sep = match bound[2] {
        Some(v) => crate::builtins::functions::index_of(vm, v)?.to_i64_saturating(),
        None => 1,
    };
    let out = hex_with_sep(&data, sep, per_sep);
    Ok(vm.heap.new_bytes(&out))
}

fn hexlify(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    hex_encode(vm, args, kwnames, "hexlify")
}

fn b2a_hex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    hex_encode(vm, args, kwnames, "b2a_hex")
}

fn hex_decode(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult {
    let text = crate::builtins::exactly_one(vm, name, args, kwnames)?;
    let text = ascii_arg(vm, text)?;
    if text.len() % 2 != 0 {
        return Err(binascii_error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(text.len() / 2);
    for pair in text.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => out.push((hi * 16 + lo) as u8),
            _ => return Err(binascii_error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.heap.new_bytes(&out))
}

fn unhexlify(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    hex_decode(vm, args, kwnames, "unhexlify")
}

fn a2b_hex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    hex_decode(vm, args, kwnames, "a2b_hex")
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let word = (chunk[0] as u32) << 16
            | (chunk.get(1).copied().unwrap_or(0) as u32) << 8
            | chunk.get(2).copied().unwrap_or(0) as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(BASE64[((word >> (18 - 6 * k)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    out
}

/// Why base64 text did not decode.
#[derive(Debug, PartialEq)]
pub enum Base64Error {
    /// A lone character after the last full quad (the data-character count).
    ExtraCharacter(usize),
    IncorrectPadding,
}

/// CPython's lenient decoder: characters outside the alphabet are skipped,
/// and a complete pad sequence ends the input.
pub fn base64_decode(text: &[u8]) -> Result<Vec<u8>, Base64Error> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut quad_pos, mut left, mut pads) = (0u32, 0u32, 0u32);
    for &c in text {
        if c == b'=' {
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = BASE64.iter().position(|&a| a == c) else { continue };
        let v = v as u32;
        pads = 0;
        match quad_pos {
            0 => left = v,
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
        quad_pos = (quad_pos + 1) % 4;
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(Base64Error::ExtraCharacter(out.len() / 3 * 4 + 1)),
        _ => Err(Base64Error::IncorrectPadding),
    }
}

fn b2a_base64(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (positional, keywords) = split_kwargs(args, kwnames);
    let data = arg_range(vm, "b2a_base64", positional, &[], 1, 1)?[0];
    let mut newline = true;
    for (name, v) in keywords {
        if name != "newline" {
            return Err(
                vm.type_error(&format!("'{name}' is an invalid keyword argument for b2a_base64()"))
            );
        }
        newline = vm.is_true(v)?;
    }
    let data = data_arg(vm, data)?;
    let out = base64_encode(&data, newline);
    Ok(vm.heap.new_bytes(&out))
}

fn a2b_base64(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let text = crate::builtins::exactly_one(vm, "a2b_base64", args, kwnames)?;
    let text = ascii_arg(vm, text)?;
    match base64_decode(&text) {
        Ok(out) => Ok(vm.heap.new_bytes(&out)),
        Err(Base64Error::IncorrectPadding) => Err(binascii_error(vm, "Incorrect padding")),
        Err(Base64Error::ExtraCharacter(n)) => Err(binascii_error(
            vm,
            &format!(
                "Invalid base64-encoded string: number of data characters ({n}) cannot be 1 more than a multiple of 4"
            ),
        )),
    }
}

/// zlib's CRC-32 of `data`, continuing from `crc`.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { (c >> 1) ^ 0xedb8_8320 } else { c >> 1 };
        }
    }
    !c
}

/// CRC-CCITT (polynomial 0x1021, as binhex uses it), continuing from `crc`.
pub fn crc_hqx_update(crc: u16, data: &[u8]) -> u16 {
    let mut c = crc;
    for &b in data {
        c ^= (b as u16) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
        }
    }
    c
}

/// The low `bits` bits of an int argument (C's unsigned conversion).
fn masked(vm: &mut Vm, v: Value, bits: u32) -> PyResult<u32> {
    let n = crate::builtins::functions::index_of(vm, v)?;
    let low = n.to_bigint() & num_bigint::BigInt::from((1u64 << bits) - 1);
    Ok(u32::try_from(low).unwrap_or(0))
}

fn crc32(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "crc32", args, kwnames, 1, 2)?;
    let data = data_arg(vm, args[0])?;
    let start = match args.get(1) {
        Some(&v) => masked(vm, v, 32)?,
        None => 0,
    };
    Ok(vm.heap.new_int_i64(crc32_update(start, &data) as i64))
}

fn crc_hqx(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "crc_hqx", args, kwnames, 2, 2)?;
    let data = data_arg(vm, args[0])?;
    let start = masked(vm, args[1], 16)? as u16;
    Ok(vm.heap.new_int_i64(crc_hqx_update(start, &data) as i64))
}

/// A decoder's failure as `binascii.Error` or `binascii.Incomplete`.
fn failure(vm: &mut Vm, f: Failure) -> crate::object::PyErr {
    match f {
        Failure::Error(msg) => binascii_error(vm, msg),
        Failure::Incomplete(msg) => module_error(vm, "binascii", "Incomplete", msg),
    }
}

/// A codec's bytes, or its failure raised.
fn bytes_or_failure(vm: &mut Vm, result: Result<Vec<u8>, Failure>) -> PyResult {
    match result {
        Ok(out) => Ok(vm.heap.new_bytes(&out)),
        Err(f) => Err(failure(vm, f)),
    }
}

/// The arguments `params` of `name` by position or keyword; the first is
/// required, the others are flags (false when absent).
fn data_and_flags(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    params: &[&str],
) -> PyResult<(Value, Vec<bool>)> {
    let bound = keyword_args(vm, args, kwnames, name, params)?;
    let Some(data) = bound[0] else {
        return Err(
            vm.type_error(&format!("{name}() missing required argument '{}' (pos 1)", params[0]))
        );
    };
    let mut flags = Vec::with_capacity(params.len() - 1);
    for v in &bound[1..] {
        flags.push(match v {
            Some(v) => vm.is_true(*v)?,
            None => false,
        });
    }
    Ok((data, flags))
}

fn a2b_qp(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (data, flags) = data_and_flags(vm, args, kwnames, "a2b_qp", &["data", "header"])?;
    let data = ascii_arg(vm, data)?;
    Ok(vm.heap.new_bytes(&legacy::a2b_qp(&data, flags[0])))
}

fn b2a_qp(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let params = ["data", "quotetabs", "istext", "header"];
    let bound = keyword_args(vm, args, kwnames, "b2a_qp", &params)?;
    let (data, flags) = data_and_flags(vm, args, kwnames, "b2a_qp", &params)?;
    // istext defaults to true.
    let istext = bound[2].is_none() || flags[1];
    let data = data_arg(vm, data)?;
    Ok(vm.heap.new_bytes(&legacy::b2a_qp(&data, flags[0], istext, flags[2])))
}

fn a2b_uu(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = crate::builtins::exactly_one(vm, "a2b_uu", args, kwnames)?;
    let data = ascii_arg(vm, data)?;
    bytes_or_failure(vm, legacy::a2b_uu(&data))
}

fn b2a_uu(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (data, flags) = data_and_flags(vm, args, kwnames, "b2a_uu", &["data", "backtick"])?;
    let data = data_arg(vm, data)?;
    bytes_or_failure(vm, legacy::b2a_uu(&data, flags[0]))
}

fn a2b_hqx(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = crate::builtins::exactly_one(vm, "a2b_hqx", args, kwnames)?;
    let data = ascii_arg(vm, data)?;
    match legacy::a2b_hqx(&data) {
        Ok((out, done)) => {
            let items = [vm.heap.new_bytes(&out), vm.heap.new_int_i64(done as i64)];
            Ok(vm.heap.new_tuple(&items))
        }
        Err(f) => Err(failure(vm, f)),
    }
}

/// A one-argument encoder of bytes-like data.
fn encode_with(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    encode: fn(&[u8]) -> Vec<u8>,
) -> PyResult {
    let data = crate::builtins::exactly_one(vm, name, args, kwnames)?;
    let data = data_arg(vm, data)?;
    Ok(vm.heap.new_bytes(&encode(&data)))
}

fn b2a_hqx(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    encode_with(vm, args, kwnames, "b2a_hqx", legacy::b2a_hqx)
}

fn rlecode_hqx(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    encode_with(vm, args, kwnames, "rlecode_hqx", legacy::rlecode_hqx)
}

fn rledecode_hqx(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = crate::builtins::exactly_one(vm, "rledecode_hqx", args, kwnames)?;
    let data = data_arg(vm, data)?;
    bytes_or_failure(vm, legacy::rledecode_hqx(&data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_cpython() {
        assert_eq!(crc32_update(0, b"hello"), 907060870);
        assert_eq!(crc32_update(12345, b"hello"), 1779074256);
        assert_eq!(crc_hqx_update(0, b"hello"), 50018);
    }

    #[test]
    fn base64_round_trips_and_errors() {
        assert_eq!(base64_encode(b"abcd", true), b"YWJjZA==\n");
        assert_eq!(base64_decode(b"YW=Jj"), Ok(b"abc".to_vec()));
        assert_eq!(base64_decode(b"YQ==extra"), Ok(b"a".to_vec()));
        assert_eq!(base64_decode(b"YWJ"), Err(Base64Error::IncorrectPadding));
        assert_eq!(base64_decode(b"YWJjZ"), Err(Base64Error::ExtraCharacter(5)));
    }

    #[test]
    fn hex_separators() {
        assert_eq!(hex_with_sep(&[1, 0xab, 0xcd], Some(b':'), 2), b"01:abcd");
        assert_eq!(hex_with_sep(&[1, 0xab, 0xcd], Some(b':'), -2), b"01ab:cd");
    }
}
