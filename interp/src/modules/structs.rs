//! `_struct`: packing values into bytes by a format string, after
//! CPython's `Modules/_struct.c` (x86-64 native sizes and alignment, the
//! standard sizes of `=<>!`, CPython's error messages). `struct.py`
//! re-exports it.

use super::module_set;
use super::support::{
    exec_in_module, module_error, new_class, new_instance_of, receiver_state, set_state, state,
};
use crate::builtins::bytes_methods::bytes_like;
use crate::builtins::str_methods::keyword_args;
use crate::builtins::{arg_range, method_no_args, native_in};
use crate::number::int::Int;
use crate::number::tower::Num;
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::str::str_of;
use crate::object::text_map::TextMap;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Order {
    Native,
    Little,
    Big,
}

/// One value's place in the packed bytes.
#[derive(Clone, Copy, Debug)]
struct Item {
    code: u8,
    offset: usize,
    /// Bytes of the item: the string length for `s` and `p`.
    size: usize,
}

/// A parsed format: the items that take values, and the total size.
#[derive(Debug)]
pub struct Format {
    order: Order,
    items: Vec<Item>,
    size: usize,
}

/// Size and alignment of `code` in native mode (x86-64 Linux), or its
/// size in standard mode; `None` for a code the mode lacks.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' if native => 8,
        b'l' | b'L' => 4,
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

impl Format {
    pub fn parse(text: &[u8]) -> Result<Format, &'static str> {
        let (order, rest) = match text.first() {
            Some(b'@') => (Order::Native, &text[1..]),
            Some(b'=') => (Order::Little, &text[1..]),
            Some(b'<') => (Order::Little, &text[1..]),
            Some(b'>') | Some(b'!') => (Order::Big, &text[1..]),
            _ => (Order::Native, text),
        };
        let native = text.first().is_none_or(|c| !b"=<>!".contains(c));
        let mut items = Vec::new();
        let mut size = 0usize;
        let mut i = 0;
        while i < rest.len() {
            let mut c = rest[i];
            i += 1;
            if c.is_ascii_whitespace() {
                continue;
            }
            let mut count = 1usize;
            if c.is_ascii_digit() {
                count = (c - b'0') as usize;
                loop {
                    let Some(&d) = rest.get(i) else {
                        return Err("repeat count given without format specifier");
                    };
                    i += 1;
                    if !d.is_ascii_digit() {
                        c = d;
                        break;
                    }
                    count = count
                        .checked_mul(10)
                        .and_then(|n| n.checked_add((d - b'0') as usize))
                        .ok_or("total struct size too long")?;
                }
            }
            let item_size = code_size(c, native).ok_or("bad char in struct format")?;
            if native && size > 0 && !b"spx".contains(&c) {
                size = size.div_ceil(item_size) * item_size;
            }
            let start = size;
            size = count
                .checked_mul(item_size)
                .and_then(|n| n.checked_add(size))
                .filter(|n| *n <= isize::MAX as usize)
                .ok_or("total struct size too long")?;
            match c {
                b's' | b'p' => items.push(Item { code: c, offset: start, size: count }),
                b'x' => {}
                // Each item is kept, so a count no memory could hold values
                // for is refused (CPython's calcsize would still answer).
                _ if items.len().saturating_add(count) > MAX_ITEMS => {
                    return Err("repeat count too large: tachyon keeps each item of a format");
                }
                _ => items.extend((0..count).map(|k| Item {
                    code: c,
                    offset: start + k * item_size,
                    size: item_size,
                })),
            }
        }
        Ok(Format { order, items, size })
    }

    fn little(&self) -> bool {
        self.order != Order::Big
    }
}

/// The most items a format may have (see `Format::parse`).
const MAX_ITEMS: usize = 1 << 28;

/// The value range of an integer code, and how CPython words a miss.
fn int_range(code: u8, size: usize) -> (i128, i128, Option<&'static str>) {
    let bits = size as u32 * 8;
    let signed = code.is_ascii_lowercase();
    let (lo, hi) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    let message = match code {
        b'b' => Some("byte format requires -128 <= number <= 127"),
        b'B' => Some("ubyte format requires 0 <= number <= 255"),
        b'h' => Some("short format requires (-0x7fff - 1) <= number <= 0x7fff"),
        b'H' => Some("ushort format requires 0 <= number <= (0x7fff * 2 + 1)"),
        _ => None,
    };
    (lo, hi, message)
}

fn struct_error(vm: &mut Vm, msg: &str) -> PyErr {
    module_error(vm, "_struct", "error", msg)
}

/// `get_pylong`: an int, or an object with `__index__`.
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<Int> {
    if v.as_f64().is_none() {
        if let Some(i) = vm.as_index(v)? {
            return Ok(i);
        }
    }
    Err(struct_error(vm, "required argument is not an integer"))
}

fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.as_num(v) {
        Some(Num::Float(x)) => return Ok(x),
        Some(Num::Int(i)) => {
            if let Ok(x) = i.to_f64() {
                return Ok(x);
            }
        }
        _ if v.is_ptr() => {
            let name = vm.heap.intern("__float__");
            if vm.heap.lookup_in_type_of(v, name).is_some() {
                let r = vm.call_method_by_name(v, "__float__", &[])?;
                if let Some(x) = r.as_f64() {
                    return Ok(x);
                }
            }
        }
        _ => {}
    }
    Err(struct_error(vm, "required argument is not a float"))
}

/// Packs one integer of `item` into `out`.
fn pack_int(vm: &mut Vm, fmt: &Format, item: Item, v: Value, out: &mut [u8]) -> PyResult<()> {
    let n = int_arg(vm, v)?;
    let signed_read = matches!(item.code, b'b' | b'B' | b'h' | b'H')
        || item.code.is_ascii_lowercase()
        || item.code == b'P';
    // CPython reads the value as a C long (or unsigned long) first: a
    // miss there is "argument out of range" whatever the format.
    let wide = n.to_bigint();
    let fits_word = if signed_read {
        i64::try_from(&wide).is_ok() || (item.code == b'P' && u64::try_from(&wide).is_ok())
    } else {
        u64::try_from(&wide).is_ok()
    };
    if !fits_word {
        return Err(struct_error(vm, "argument out of range"));
    }
    let value: i128 = i128::try_from(&wide).unwrap_or_default();
    let (lo, hi, message) = int_range(item.code, item.size);
    if item.code != b'P' && (value < lo || value > hi) {
        let msg = match message {
            Some(m) => m.to_string(),
            None if item.size == 8 => "argument out of range".to_string(),
            None => format!("'{}' format requires {lo} <= number <= {hi}", item.code as char),
        };
        return Err(struct_error(vm, &msg));
    }
    let bytes = (value as u128).to_le_bytes();
    let field = &mut out[item.offset..item.offset + item.size];
    field.copy_from_slice(&bytes[..item.size]);
    if !fmt.little() {
        field.reverse();
    }
    Ok(())
}

/// IEEE half precision of `x`, rounding half to even; `None` on overflow.
pub fn f64_to_half(x: f64) -> Option<u16> {
    let sign = if x.is_sign_negative() { 0x8000u16 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    // a = f * 2**e with 1 <= f < 2.
    let mut e = a.log2().floor() as i32;
    let mut f = a / 2f64.powi(e);
    if f >= 2.0 {
        f /= 2.0;
        e += 1;
    } else if f < 1.0 {
        f *= 2.0;
        e -= 1;
    }
    if e >= 16 {
        return None;
    }
    let mut exp;
    if e < -25 {
        f = 0.0;
        exp = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        exp = 0;
    } else {
        exp = e + 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u32;
    let rest = f - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            exp += 1;
            if exp == 31 {
                return None;
            }
        }
    }
    Some(sign | ((exp as u16) << 10) | bits as u16)
}

pub fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    let magnitude = match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    };
    sign * magnitude
}

fn put(fmt: &Format, item: Item, bytes: &[u8], out: &mut [u8]) {
    let field = &mut out[item.offset..item.offset + item.size];
    field.copy_from_slice(bytes);
    if !fmt.little() {
        field.reverse();
    }
}

fn pack_item(vm: &mut Vm, fmt: &Format, item: Item, v: Value, out: &mut [u8]) -> PyResult<()> {
    match item.code {
        b'c' => match bytes_like(v).filter(|b| b.len() == 1 && str_of(v).is_none()) {
            Some(b) => out[item.offset] = b[0],
            None => {
                return Err(struct_error(vm, "char format requires a bytes object of length 1"))
            }
        },
        b'?' => out[item.offset] = vm.is_true(v)? as u8,
        b's' | b'p' => {
            let Some(data) = bytes_like(v) else {
                let msg = format!("argument for '{}' must be a bytes object", item.code as char);
                return Err(struct_error(vm, &msg));
            };
            let field = &mut out[item.offset..item.offset + item.size];
            if item.code == b's' {
                let n = data.len().min(item.size);
                field[..n].copy_from_slice(&data[..n]);
            } else if item.size > 0 {
                let n = data.len().min(item.size - 1).min(255);
                field[0] = n as u8;
                field[1..1 + n].copy_from_slice(&data[..n]);
            }
        }
        b'e' => {
            let x = float_arg(vm, v)?;
            let Some(h) = f64_to_half(x) else {
                return Err(PyErr::overflow_error(
                    &vm.heap,
                    "float too large to pack with e format",
                ));
            };
            put(fmt, item, &h.to_le_bytes(), out);
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if y.is_infinite() && x.is_finite() && fmt.order != Order::Native {
                return Err(PyErr::overflow_error(
                    &vm.heap,
                    "float too large to pack with f format",
                ));
            }
            put(fmt, item, &y.to_le_bytes(), out);
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put(fmt, item, &x.to_le_bytes(), out);
        }
        _ => pack_int(vm, fmt, item, v, out)?,
    }
    Ok(())
}

/// Packs `values` by `fmt` into `out` (which is `fmt.size` long).
fn pack_values(
    vm: &mut Vm,
    fmt: &Format,
    values: &[Value],
    out: &mut [u8],
    what: &str,
) -> PyResult<()> {
    if values.len() != fmt.items.len() {
        let msg =
            format!("{what} expected {} items for packing (got {})", fmt.items.len(), values.len());
        return Err(struct_error(vm, &msg));
    }
    for (item, v) in fmt.items.iter().zip(values) {
        pack_item(vm, fmt, *item, *v, out)?;
    }
    Ok(())
}

fn unpack_values(vm: &mut Vm, fmt: &Format, data: &[u8]) -> Value {
    let mut values = Vec::with_capacity(fmt.items.len());
    for item in &fmt.items {
        let mut field = data[item.offset..item.offset + item.size].to_vec();
        let v = match item.code {
            b'c' => vm.heap.new_bytes(&field),
            b'?' => Value::from_bool(field[0] != 0),
            b's' => vm.heap.new_bytes(&field),
            b'p' => {
                let n = field.first().map_or(0, |&n| (n as usize).min(item.size.saturating_sub(1)));
                vm.heap.new_bytes(&field[1.min(field.len())..1.min(field.len()) + n])
            }
            _ => {
                if !fmt.little() {
                    field.reverse();
                }
                let mut word = [0u8; 16];
                word[..item.size].copy_from_slice(&field);
                let raw = u128::from_le_bytes(word);
                match item.code {
                    b'e' => Value::from_f64(half_to_f64(raw as u16)),
                    b'f' => Value::from_f64(f32::from_bits(raw as u32) as f64),
                    b'd' => Value::from_f64(f64::from_bits(raw as u64)),
                    code if code.is_ascii_lowercase() => {
                        let shift = 128 - 8 * item.size as u32;
                        let n = ((raw << shift) as i128) >> shift;
                        vm.heap.new_int_i64(n as i64)
                    }
                    _ if raw > i64::MAX as u128 => vm.heap.new_int(BigInt::from(raw)),
                    _ => vm.heap.new_int_i64(raw as i64),
                }
            }
        };
        values.push(v);
    }
    vm.heap.new_tuple(&values)
}

// ---- the Python interface

const FORMAT_KEY: &str = "_tachyon_struct_format";
const BUFFER_KEY: &str = "_tachyon_unpack_buffer";
const STRUCT_KEY: &str = "_tachyon_unpack_struct";
const OFFSET_KEY: &str = "_tachyon_unpack_offset";

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_struct")?;
    let mark = vm.push_temp(module);
    let result = (|| {
        let funcs: &[(&'static str, NativeFn)] = &[
            ("pack", pack),
            ("pack_into", pack_into),
            ("unpack", unpack),
            ("unpack_from", unpack_from),
            ("iter_unpack", iter_unpack),
            ("calcsize", calcsize),
            ("_clearcache", clearcache),
        ];
        for (name, f) in funcs {
            let v = native_in(vm, module, name, *f);
            module_set(vm, module, name, v)?;
        }
        let methods: &[(&'static str, NativeFn)] = &[
            ("__init__", struct_init),
            ("pack", struct_pack),
            ("pack_into", struct_pack_into),
            ("unpack", struct_unpack),
            ("unpack_from", struct_unpack_from),
            ("iter_unpack", struct_iter_unpack),
        ];
        new_class(vm, module, "builtins", "Struct", methods)?;
        let iter_methods: &[(&'static str, NativeFn)] = &[
            ("__iter__", iter_self),
            ("__next__", iter_next),
            ("__length_hint__", iter_length_hint),
        ];
        new_class(vm, module, "builtins", "unpack_iterator", iter_methods)?;
        let doc = vm.heap.new_str("Functions to convert between Python values and C structs.");
        module_set(vm, module, "__doc__", doc)?;
        exec_in_module(
            vm,
            module,
            "class error(Exception):\n    __module__ = 'struct'\n_unpack_iterator = unpack_iterator\ndel unpack_iterator\n",
        )
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

/// The format text of a `str` or `bytes` argument.
fn format_text(vm: &Vm, v: Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = str_of(v) {
        return Ok(s.as_utf8(&vm.heap)?.as_bytes().to_vec());
    }
    if let Some(b) = bytes_of(v) {
        return Ok(b.as_bytes().to_vec());
    }
    Err(vm.type_error(&format!(
        "{what} argument 1 must be a str or bytes object, not {}",
        vm.type_name(v)
    )))
}

/// How many parsed formats [`FORMATS`] keeps: CPython's `MAXCACHE`.
const FORMAT_CACHE_LIMIT: usize = 100;

thread_local! {
    /// Parsed formats by their text, as CPython's `_struct` caches them:
    /// `pack(">I", n)` in a loop parses ">I" once. Emptied when full and
    /// by `_clearcache()`.
    static FORMATS: RefCell<TextMap<Vec<u8>, Rc<Format>>> = RefCell::new(TextMap::default());
}

fn parse_format(vm: &mut Vm, v: Value) -> PyResult<Rc<Format>> {
    let text = format_text(vm, v, "Struct()")?;
    if let Some(fmt) = FORMATS.with(|cache| cache.borrow().get(&text).cloned()) {
        return Ok(fmt);
    }
    let fmt = Rc::new(Format::parse(&text).map_err(|msg| struct_error(vm, msg))?);
    FORMATS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= FORMAT_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(text, Rc::clone(&fmt));
    });
    Ok(fmt)
}

/// The format of a `Struct` receiver.
fn receiver_format(vm: &mut Vm, this: Value, method: &str) -> PyResult<Rc<Format>> {
    let text = receiver_state(vm, this, FORMAT_KEY, method, "Struct")?;
    parse_format(vm, text)
}

/// The positional arguments of a module function after its format.
fn split_format<'a>(
    vm: &Vm,
    args: &'a [Value],
    kwnames: &[Value],
) -> PyResult<(Value, &'a [Value])> {
    match args.split_first() {
        Some((f, rest)) if kwnames.is_empty() => Ok((*f, rest)),
        Some(_) => Err(vm.type_error("struct functions take no keyword arguments")),
        None => Err(vm.type_error("missing format argument")),
    }
}

fn do_pack(vm: &mut Vm, fmt: &Format, values: &[Value]) -> PyResult {
    let mut out = vec![0u8; fmt.size];
    pack_values(vm, fmt, values, &mut out, "pack")?;
    Ok(vm.heap.new_bytes(&out))
}

fn pack(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (f, values) = split_format(vm, args, kwnames)?;
    let fmt = parse_format(vm, f)?;
    do_pack(vm, &fmt, values)
}

fn struct_pack(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("pack() takes no keyword arguments"));
    }
    let fmt = receiver_format(vm, args[0], "pack")?;
    do_pack(vm, &fmt, &args[1..])
}

/// A buffer offset, negative counting from the end, checked as CPython does.
fn buffer_offset(vm: &mut Vm, offset: Value, len: usize) -> PyResult<usize> {
    let n = crate::builtins::functions::index_of(vm, offset)?;
    let n = n.to_i64().ok_or_else(|| {
        PyErr::overflow_error(&vm.heap, "Python int too large to convert to C ssize_t")
    })?;
    if n >= 0 {
        return Ok(n as usize);
    }
    if n.unsigned_abs() as usize > len {
        let msg = format!("offset {n} out of range for {len}-byte buffer");
        return Err(struct_error(vm, &msg));
    }
    Ok((len as i64 + n) as usize)
}

fn do_pack_into(vm: &mut Vm, fmt: &Format, args: &[Value]) -> PyResult {
    let Some(&buffer) = args.first() else {
        return Err(struct_error(vm, "pack_into expected buffer argument"));
    };
    let Some(&offset) = args.get(1) else {
        return Err(struct_error(vm, "pack_into expected offset argument"));
    };
    let Some(target) = bytearray_of(buffer) else {
        return Err(vm.type_error(&format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(buffer)
        )));
    };
    let values = &args[2..];
    if values.len() != fmt.items.len() {
        let msg = format!(
            "pack_into expected {} items for packing (got {})",
            fmt.items.len(),
            values.len()
        );
        return Err(struct_error(vm, &msg));
    }
    let len = target.data.borrow().len();
    // A negative offset must leave room for the data before the end.
    if let Some(n) = crate::builtins::functions::index_of(vm, offset)?.to_i64() {
        if n < 0 && n + fmt.size as i64 > 0 {
            let msg = format!("no space to pack {} bytes at offset {n}", fmt.size);
            return Err(struct_error(vm, &msg));
        }
    }
    let offset = buffer_offset(vm, offset, len)?;
    if len - offset.min(len) < fmt.size || offset > len {
        let msg = format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {offset} (actual buffer size is {len})",
            fmt.size + offset,
            fmt.size
        );
        return Err(struct_error(vm, &msg));
    }
    let mut out = vec![0u8; fmt.size];
    pack_values(vm, fmt, values, &mut out, "pack_into")?;
    let mut data = target.data.borrow_mut();
    if data.len() >= offset + fmt.size {
        data[offset..offset + fmt.size].copy_from_slice(&out);
    }
    Ok(Value::NONE)
}

fn pack_into(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (f, rest) = split_format(vm, args, kwnames)?;
    let fmt = parse_format(vm, f)?;
    do_pack_into(vm, &fmt, rest)
}

fn struct_pack_into(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("pack_into() takes no keyword arguments"));
    }
    let fmt = receiver_format(vm, args[0], "pack_into")?;
    do_pack_into(vm, &fmt, &args[1..])
}

/// The bytes of a buffer argument: bytes, bytearray, array, or a
/// memoryview (Python-coded in tachyon, so read through `tobytes`).
fn buffer_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if str_of(v).is_none() {
        if let Some(b) = bytes_like(v) {
            return Ok(b);
        }
        if let Some(b) = super::array::array_bytes(vm, v) {
            return Ok(b);
        }
        if vm.type_name(v) == "memoryview" {
            let b = vm.call_method_by_name(v, "tobytes", &[])?;
            if let Some(b) = bytes_like(b) {
                return Ok(b);
            }
        }
    }
    Err(vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(v))))
}

fn do_unpack(vm: &mut Vm, fmt: &Format, buffer: Value) -> PyResult {
    let data = buffer_bytes(vm, buffer)?;
    if data.len() != fmt.size {
        let msg = format!("unpack requires a buffer of {} bytes", fmt.size);
        return Err(struct_error(vm, &msg));
    }
    Ok(unpack_values(vm, fmt, &data))
}

fn unpack(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "unpack", args, kwnames, 2, 2)?;
    let fmt = parse_format(vm, args[0])?;
    do_unpack(vm, &fmt, args[1])
}

fn struct_unpack(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let buffer = crate::builtins::method_one_arg(vm, args, kwnames, "unpack")?;
    let fmt = receiver_format(vm, args[0], "unpack")?;
    do_unpack(vm, &fmt, buffer)
}

fn do_unpack_from(vm: &mut Vm, fmt: &Format, buffer: Value, offset: Option<Value>) -> PyResult {
    let data = buffer_bytes(vm, buffer)?;
    let len = data.len();
    let offset = match offset {
        Some(o) => buffer_offset(vm, o, len)?,
        None => 0,
    };
    if offset > len || len - offset < fmt.size {
        let msg = format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {offset} (actual buffer size is {len})",
            fmt.size + offset,
            fmt.size
        );
        return Err(struct_error(vm, &msg));
    }
    Ok(unpack_values(vm, fmt, &data[offset..offset + fmt.size]))
}

fn unpack_from(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let bound = keyword_args(vm, args, kwnames, "unpack_from", &["format", "buffer", "offset"])?;
    let (Some(f), Some(buffer)) = (bound[0], bound[1]) else {
        let missing = if bound[0].is_none() { "format" } else { "buffer" };
        let pos = if bound[0].is_none() { 1 } else { 2 };
        return Err(vm.type_error(&format!(
            "unpack_from() missing required argument '{missing}' (pos {pos})"
        )));
    };
    let fmt = parse_format(vm, f)?;
    do_unpack_from(vm, &fmt, buffer, bound[2])
}

fn struct_unpack_from(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let bound = keyword_args(vm, &args[1..], kwnames, "unpack_from", &["buffer", "offset"])?;
    let Some(buffer) = bound[0] else {
        return Err(vm.type_error("unpack_from() missing required argument 'buffer' (pos 1)"));
    };
    let fmt = receiver_format(vm, args[0], "unpack_from")?;
    do_unpack_from(vm, &fmt, buffer, bound[1])
}

fn do_iter_unpack(vm: &mut Vm, format: Value, fmt: &Format, buffer: Value) -> PyResult {
    let data = buffer_bytes(vm, buffer)?;
    if fmt.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % fmt.size != 0 {
        let msg =
            format!("iterative unpacking requires a buffer of a multiple of {} bytes", fmt.size);
        return Err(struct_error(vm, &msg));
    }
    let it = new_instance_of(vm, "_struct", "_unpack_iterator")?;
    let mark = vm.push_temp(it);
    let bytes = vm.heap.new_bytes(&data);
    let result = set_state(vm, it, BUFFER_KEY, bytes)
        .and_then(|_| set_state(vm, it, STRUCT_KEY, format))
        .and_then(|_| set_state(vm, it, OFFSET_KEY, vm.heap.new_int_i64(0)));
    vm.truncate_temps(mark);
    result.map(|_| it)
}

fn iter_unpack(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "iter_unpack", args, kwnames, 2, 2)?;
    let fmt = parse_format(vm, args[0])?;
    do_iter_unpack(vm, args[0], &fmt, args[1])
}

fn struct_iter_unpack(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let buffer = crate::builtins::method_one_arg(vm, args, kwnames, "iter_unpack")?;
    let fmt = receiver_format(vm, args[0], "iter_unpack")?;
    let text = receiver_state(vm, args[0], FORMAT_KEY, "iter_unpack", "Struct")?;
    do_iter_unpack(vm, text, &fmt, buffer)
}

/// (format, buffer, offset) of an unpack iterator.
fn iter_state(vm: &mut Vm, this: Value) -> PyResult<(Rc<Format>, Vec<u8>, usize)> {
    let buffer = receiver_state(vm, this, BUFFER_KEY, "__next__", "unpack_iterator")?;
    let format = receiver_state(vm, this, STRUCT_KEY, "__next__", "unpack_iterator")?;
    let offset = state(vm, this, OFFSET_KEY).and_then(|v| v.as_small_int()).unwrap_or(0);
    let fmt = parse_format(vm, format)?;
    Ok((fmt, bytes_like(buffer).unwrap_or_default(), offset as usize))
}

fn iter_self(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__iter__")?;
    Ok(args[0])
}

fn iter_next(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__next__")?;
    let (fmt, data, offset) = iter_state(vm, args[0])?;
    if offset + fmt.size > data.len() {
        return Err(PyErr::stop_iteration(&vm.heap, Value::NONE));
    }
    set_state(vm, args[0], OFFSET_KEY, vm.heap.new_int_i64((offset + fmt.size) as i64))?;
    Ok(unpack_values(vm, &fmt, &data[offset..offset + fmt.size]))
}

fn iter_length_hint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__length_hint__")?;
    let (fmt, data, offset) = iter_state(vm, args[0])?;
    Ok(vm.heap.new_int_i64(((data.len() - offset.min(data.len())) / fmt.size.max(1)) as i64))
}

fn calcsize(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let f = crate::builtins::exactly_one(vm, "calcsize", args, kwnames)?;
    let fmt = parse_format(vm, f)?;
    Ok(vm.heap.new_int_i64(fmt.size as i64))
}

fn clearcache(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "_clearcache", args, kwnames)?;
    FORMATS.with(|cache| cache.borrow_mut().clear());
    Ok(Value::NONE)
}

fn struct_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let bound = keyword_args(vm, &args[1..], kwnames, "Struct", &["format"])?;
    let Some(f) = bound[0] else {
        return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)"));
    };
    let fmt = parse_format(vm, f)?;
    let text = format_text(vm, f, "Struct()")?;
    let text = vm.heap.new_str(&String::from_utf8_lossy(&text));
    set_state(vm, args[0], FORMAT_KEY, text)?;
    set_state(vm, args[0], "format", text)?;
    set_state(vm, args[0], "size", vm.heap.new_int_i64(fmt.size as i64))?;
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_alignment() {
        let size = |f: &str| Format::parse(f.as_bytes()).map(|f| f.size);
        assert_eq!(size("ci"), Ok(8));
        assert_eq!(size("<ci"), Ok(5));
        assert_eq!(size("2x3s"), Ok(5));
        assert_eq!(size("@bq"), Ok(16));
        assert_eq!(size("=bq"), Ok(9));
        assert_eq!(size("<l"), Ok(4));
        assert_eq!(size("l"), Ok(8));
        assert_eq!(size("<P"), Err("bad char in struct format"));
        assert_eq!(size("4"), Err("repeat count given without format specifier"));
    }

    #[test]
    fn half_floats() {
        assert_eq!(f64_to_half(65519.0), Some(0x7bff));
        assert_eq!(f64_to_half(65520.0), None);
        assert_eq!(f64_to_half(1e-8), Some(0));
        assert_eq!(f64_to_half(1.0), Some(0x3c00));
        assert_eq!(half_to_f64(1), 5.960464477539063e-08);
        assert_eq!(half_to_f64(0x7c00), f64::INFINITY);
    }
}
