//! `bytes(...)`, `bytearray(...)` and their methods. The methods that read
//! work on both types and return the receiver's type; character classes
//! and case are ASCII only, as in CPython.

use super::codecs;
use super::functions::index_of;
use super::str_methods::{
    adjust_indices, c_int_arg, keyword_args, parse_tuple, slice_bound, ssize_arg, text_param,
};
use super::{add_method, add_new, arg_range, method_no_args, method_one_arg, set_type_attr};
use crate::number::text::is_ascii_space;
use crate::object::bytes::{bytearray_of, bytes_of, ByteArrayObj, BytesObj};
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let shared: &[(&'static str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("partition", partition),
        ("rpartition", rpartition),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("join", join),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("istitle", istitle),
        ("expandtabs", expandtabs),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isascii", isascii),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("translate", translate),
    ];
    for (name, f) in shared {
        add_method(vm, t.bytes, name, *f);
        add_method(vm, t.bytearray, name, *f);
    }
    let mutating: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("clear", clear),
        ("reverse", reverse),
        ("copy", copy),
        ("__alloc__", alloc),
    ];
    for (name, f) in mutating {
        add_method(vm, t.bytearray, name, *f);
    }
    add_new(vm, t.bytes, bytes_new);
    add_new(vm, t.bytearray, bytearray_new);
    add_method(vm, t.bytearray, "__init__", bytearray_init);
    for ty in [t.bytes, t.bytearray] {
        super::add_class_method(vm, ty, "fromhex", fromhex);
        let maketrans_fn = super::native_static(vm, ty, "maketrans", maketrans);
        set_type_attr(vm, ty, "maketrans", maketrans_fn);
    }
}

/// `bytearray.__alloc__()`: the bytes allocated, which for CPython's
/// freshly made bytearray is its length plus the trailing NUL (we keep no
/// spare capacity of CPython's kind to report).
fn alloc(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let a = array_recv(vm, args, "__alloc__")?;
    method_no_args(vm, args, kwnames, "__alloc__")?;
    let len = a.data.borrow().len();
    Ok(vm.heap.new_int_i64(if len == 0 { 0 } else { len as i64 + 1 }))
}

/// `bytes.maketrans(frm, to)`: the 256-byte table for `translate` that
/// maps each byte of `frm` to the byte of `to` at the same place.
fn maketrans(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "maketrans", args, kwnames, 2, 2)?;
    let from = need_bytes_like(vm, args[0])?;
    let to = need_bytes_like(vm, args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(&to) {
        table[f as usize] = t;
    }
    Ok(vm.heap.new_bytes(&table))
}

/// The contents of a bytes or bytearray object, read in place: searching a
/// large object copies nothing.
pub enum ByteView {
    Bytes(Gc<BytesObj>),
    Array(Gc<ByteArrayObj>),
}

impl ByteView {
    pub fn of(v: Value) -> Option<ByteView> {
        match bytes_of(v) {
            Some(b) => Some(ByteView::Bytes(b)),
            None => bytearray_of(v).map(ByteView::Array),
        }
    }

    /// `f` of the contents. A bytearray is borrowed meanwhile, so `f` runs
    /// no Python code (which could resize it).
    pub fn with<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match self {
            ByteView::Bytes(b) => f(b.as_bytes()),
            ByteView::Array(a) => f(&a.data.borrow()),
        }
    }
}

/// The contents of a bytes-like object.
pub fn bytes_like(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = bytes_of(v) {
        return Some(b.as_bytes().to_vec());
    }
    bytearray_of(v).map(|b| b.data.borrow().clone())
}

fn need_bytes_like(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(v)))
    })
}

fn recv(vm: &Vm, args: &[Value], name: &str) -> PyResult<Vec<u8>> {
    recv_view(vm, args, name).map(|view| view.with(<[u8]>::to_vec))
}

/// The receiver of a method, read in place.
fn recv_view(vm: &Vm, args: &[Value], name: &str) -> PyResult<ByteView> {
    match args.first() {
        Some(&v) => ByteView::of(v).ok_or_else(|| {
            vm.type_error(&format!(
                "descriptor '{name}' requires a 'bytes' object but received a '{}'",
                vm.type_name(v)
            ))
        }),
        None => {
            Err(vm.type_error(&format!("descriptor '{name}' of 'bytes' object needs an argument")))
        }
    }
}

/// New bytes, or a bytearray when `like` is one.
fn new_like(vm: &Vm, like: Value, data: Vec<u8>) -> Value {
    if bytearray_of(like).is_some() {
        vm.heap.new_bytearray(data)
    } else {
        vm.heap.new_bytes(&data)
    }
}

// ---- construction

/// The bytes of `bytes(source, encoding, errors)`.
fn construct(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Vec<u8>> {
    let bound = keyword_args(vm, &args[1..], kwnames, name, &["source", "encoding", "errors"])?;
    let Some(source) = bound[0] else {
        if bound[1].is_some() || bound[2].is_some() {
            let which = if bound[1].is_some() { "encoding" } else { "errors" };
            return Err(vm.type_error(&format!("{which} without a string argument")));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = str_of(source) {
        if bound[1].is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let encoding = text_param(vm, name, "encoding", bound[1], "utf-8")?;
        let errors = text_param(vm, name, "errors", bound[2], "strict")?;
        let codec = codecs::lookup_or_error(vm, &encoding)?;
        return codecs::encode_str(vm, &s, codec, &errors);
    }
    if bound[1].is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if bound[2].is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    // Any buffer (bytes, bytearray, array, memoryview) gives its bytes.
    if let Some(data) = crate::modules::buffer::buffer_bytes(vm, source)? {
        return Ok(data);
    }
    if let Some(n) = vm.as_index(source)? {
        return match n.to_i64() {
            Some(n) if n < 0 => Err(vm.value_error("negative count")),
            Some(n) if n < 1 << 40 => Ok(vec![0; n as usize]),
            _ => {
                Err(PyErr::overflow_error(&vm.heap, "cannot fit 'int' into an index-sized integer"))
            }
        };
    }
    let type_error = vm.heap.types().type_error;
    let items = match vm.collect_iterable(source) {
        Ok(items) => items,
        Err(e) if e.matches(&vm.heap, type_error) => {
            return Err(vm.type_error(&format!(
                "cannot convert '{}' object to {name}",
                vm.type_name(source)
            )))
        }
        Err(e) => return Err(e),
    };
    items.into_iter().map(|item| byte_value(vm, item)).collect()
}

/// An int in `range(0, 256)`.
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = index_of(vm, v)?;
    i.to_i64()
        .and_then(|i| u8::try_from(i).ok())
        .ok_or_else(|| vm.value_error("byte must be in range(0, 256)"))
}

fn bytes_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::constructors::class_arg(vm, args, vm.heap.types().bytes, "bytes")?;
    if let (&[cls, source], []) = (args, kwnames) {
        if let Some(data) = dunder_bytes(vm, source)? {
            return Ok(vm.heap.new_bytes_of_type(cls, &data));
        }
    }
    let data = construct(vm, args, kwnames, "bytes").map_err(|e| {
        if e.message() == "byte must be in range(0, 256)" {
            vm.value_error("bytes must be in range(0, 256)")
        } else {
            e
        }
    })?;
    Ok(vm.heap.new_bytes_of_type(args[0], &data))
}

/// `bytes(x)` of an object whose type defines `__bytes__`: what it returns,
/// which must be bytes (CPython asks before any other conversion).
fn dunder_bytes(vm: &mut Vm, source: Value) -> PyResult<Option<Vec<u8>>> {
    let name = vm.heap.intern("__bytes__");
    let Some(method) = vm.heap.lookup_in_type_of(source, name) else { return Ok(None) };
    let result = vm.call_method_value(method, source, &[])?;
    match bytes_of(result) {
        Some(b) => Ok(Some(b.as_bytes().to_vec())),
        None => Err(
            vm.type_error(&format!("__bytes__ returned non-bytes (type {})", vm.type_name(result)))
        ),
    }
}

/// `bytearray(...)` fills the array at once; a subclass's instance starts
/// empty and is filled by `bytearray.__init__`, which its own `__init__`
/// may call with other arguments (CPython fills in `__init__` always).
fn bytearray_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::constructors::class_arg(vm, args, vm.heap.types().bytearray, "bytearray")?;
    if args[0] != vm.heap.types().bytearray {
        return Ok(vm.heap.new_bytearray_of_type(args[0], Vec::new()));
    }
    let data = construct(vm, args, kwnames, "bytearray")?;
    Ok(vm.heap.new_bytearray(data))
}

/// `bytearray.__init__(self, ...)`: what `bytearray_new` left to do.
fn bytearray_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(array) = args.first().and_then(|&a| crate::object::bytes::bytearray_of(a)) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'bytearray' object"));
    };
    if vm.heap.type_of(args[0]) == vm.heap.types().bytearray {
        return Ok(Value::NONE);
    }
    let data = construct(vm, args, kwnames, "bytearray")?;
    *array.data.borrow_mut() = data;
    Ok(Value::NONE)
}

fn fromhex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = args[0];
    let text = method_one_arg(vm, args, kwnames, "fromhex")?;
    let Some(s) = str_of(text) else {
        return Err(vm.type_error(&format!(
            "fromhex() argument must be str, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, text)
        )));
    };
    let digits: Vec<(usize, char)> = s.as_utf8(&vm.heap)?.chars().enumerate().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < digits.len() {
        let (pos, c) = digits[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = c.to_digit(16);
        let lo = digits.get(i + 1).and_then(|(_, c)| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let at = if hi.is_some() { pos + 1 } else { pos };
                return Err(vm.value_error(&format!(
                    "non-hexadecimal number found in fromhex() arg at position {at}"
                )));
            }
        }
        i += 2;
    }
    if cls == vm.heap.types().bytearray {
        return Ok(vm.heap.new_bytearray(out));
    }
    let bytes = vm.heap.new_bytes(&out);
    if cls == vm.heap.types().bytes {
        return Ok(bytes);
    }
    // A subclass is called with the bytes, as CPython does.
    vm.with_temp(bytes, |vm| vm.call(cls, &[bytes]))
}

// ---- reading methods

pub(crate) fn decode(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let view = recv_view(vm, args, "decode")?;
    let bound = keyword_args(vm, &args[1..], kwnames, "decode", &["encoding", "errors"])?;
    let encoding = text_param(vm, "decode", "encoding", bound[0], "utf-8")?;
    let errors = text_param(vm, "decode", "errors", bound[1], "strict")?;
    if view.with(<[u8]>::is_empty) {
        // `PyUnicode_Decode` answers "" without looking the codec up.
        return Ok(vm.heap.new_str_from_string(String::new()));
    }
    let Some(codec) = codecs::Codec::lookup(&encoding) else {
        let data = vm.heap.new_bytes(&view.with(<[u8]>::to_vec));
        return vm
            .with_temp(data, |vm| codecs::through_registry(vm, data, &encoding, &errors, false));
    };
    // Decoding calls no Python code: the data is read in place.
    let text = view.with(|data| codecs::decode(vm, data, codec, &errors))?;
    Ok(vm.heap.new_str_wtf8(&text))
}

/// `hex(sep=..., bytes_per_sep=1)`: two hex digits a byte, `sep` between
/// groups of `bytes_per_sep` bytes counted from the right (from the left
/// when negative), as CPython's `_Py_strhex_impl`.
fn hex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = recv(vm, args, "hex")?;
    let bound = keyword_args(vm, &args[1..], kwnames, "hex", &["sep", "bytes_per_sep"])?;
    let per_group = match bound[1] {
        None => 1,
        Some(v) => c_int_arg(vm, v)?,
    };
    let text = match bound[0] {
        None => data.iter().map(|b| format!("{b:02x}")).collect(),
        Some(sep) => hex_grouped(&data, hex_separator(vm, sep)?, per_group),
    };
    Ok(vm.heap.new_str_from_string(text))
}

/// The one ASCII character of `hex`'s `sep` argument.
fn hex_separator(vm: &mut Vm, sep: Value) -> PyResult<char> {
    if vm.len_of(sep)? != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let c = if let Some(s) = str_of(sep) {
        char::from_u32(s.code_point_at(0).unwrap_or(0)).unwrap_or('\u{0}')
    } else if let Some(b) = bytes_of(sep) {
        char::from(b.as_bytes()[0])
    } else {
        return Err(vm.type_error("sep must be str or bytes."));
    };
    if !c.is_ascii() {
        return Err(vm.value_error("sep must be ASCII."));
    }
    Ok(c)
}

fn hex_grouped(data: &[u8], sep: char, per_group: i64) -> String {
    let size = per_group.unsigned_abs() as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        // Bytes before a boundary, counted from the grouping's start side.
        let from_start = if per_group < 0 { i } else { data.len() - i };
        if i > 0 && size > 0 && from_start % size == 0 {
            out.push(sep);
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The sub-sequence argument of a search: bytes-like or one byte as int.
fn search_needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(v) {
        return Ok(d);
    }
    if vm.as_index(v)?.is_some() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    Err(vm.type_error(&format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

fn position(hay: &[u8], needle: &[u8], backward: bool) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(if backward { hay.len() } else { 0 });
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    // Candidates by their first byte (a tight scan), then the rest compared.
    let matches = |&i: &usize| hay[i] == first && hay[i + 1..i + needle.len()] == *rest;
    if backward {
        (0..=last_start).rev().find(matches)
    } else {
        (0..=last_start).find(matches)
    }
}

/// Receiver, needle and the bounds of `find`, `count`, ...: the receiver is
/// read in place, after every argument is converted (which may run Python
/// code), so the bounds fit the length it has then.
struct Search {
    hay: ByteView,
    needle: Vec<u8>,
    start: Option<i64>,
    end: Option<i64>,
}

impl Search {
    fn parse(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Search> {
        let hay = recv_view(vm, args, name)?;
        let rest = parse_tuple(vm, args, kwnames, name, 1, 3)?;
        // The bounds are parsed before the needle is looked at, as
        // `stringlib_parse_args_finds` does.
        let start = slice_bound(vm, rest.get(1))?;
        let end = slice_bound(vm, rest.get(2))?;
        let needle = search_needle(vm, rest[0])?;
        Ok(Search { hay, needle, start, end })
    }

    /// `f(window, needle)` with the window's offset, or None when the
    /// window cannot hold the needle.
    fn run<R>(&self, f: impl FnOnce(&[u8], &[u8]) -> R) -> Option<(usize, R)> {
        self.hay.with(|data| {
            let (start, end) = adjust_indices(data.len() as i64, self.start, self.end);
            if end - start < self.needle.len() as i64 {
                return None;
            }
            let (start, end) = (start as usize, end as usize);
            Some((start, f(&data[start..end], &self.needle)))
        })
    }
}

fn find_impl(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    backward: bool,
) -> PyResult<i64> {
    let search = Search::parse(vm, args, kwnames, name)?;
    let found = search.run(|window, needle| position(window, needle, backward));
    Ok(match found {
        Some((start, Some(p))) => (start + p) as i64,
        _ => -1,
    })
}

fn find(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let i = find_impl(vm, args, kwnames, "find", false)?;
    Ok(vm.heap.new_int_i64(i))
}

fn rfind(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let i = find_impl(vm, args, kwnames, "rfind", true)?;
    Ok(vm.heap.new_int_i64(i))
}

fn index_impl(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    backward: bool,
) -> PyResult {
    match find_impl(vm, args, kwnames, name, backward)? {
        i if i < 0 => Err(vm.value_error("subsection not found")),
        i => Ok(vm.heap.new_int_i64(i)),
    }
}

fn index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    index_impl(vm, args, kwnames, "index", false)
}

fn rindex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    index_impl(vm, args, kwnames, "rindex", true)
}

fn count_in(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let (mut n, mut i) = (0, 0);
    while let Some(p) = position(&hay[i..], needle, false) {
        n += 1;
        i += p + needle.len();
    }
    n
}

fn count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let search = Search::parse(vm, args, kwnames, "count")?;
    let n = search.run(count_in).map_or(0, |(_, n)| n);
    Ok(vm.heap.new_int_i64(n as i64))
}

/// `item in container` for a bytes or bytearray container: a sub-sequence
/// (bytes-like) or one byte (an int in 0..256).
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let needle = search_needle(vm, item).map_err(|e| {
        if e.matches(&vm.heap, vm.heap.types().type_error) {
            vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(item)))
        } else {
            e
        }
    })?;
    let Some(hay) = ByteView::of(container) else {
        return Err(vm.type_error("'in <bytes>' requires a bytes or bytearray container"));
    };
    Ok(hay.with(|data| position(data, &needle, false).is_some()))
}

fn affix(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, prefix: bool) -> PyResult {
    let data = recv_view(vm, args, name)?;
    let rest = parse_tuple(vm, args, kwnames, name, 1, 3)?;
    let start = slice_bound(vm, rest.get(1))?;
    let end = slice_bound(vm, rest.get(2))?;
    let candidates = match tuple_of(rest[0]) {
        Some(t) => t.items().to_vec(),
        None => vec![rest[0]],
    };
    let in_tuple = tuple_of(rest[0]).is_some();
    for c in candidates {
        let Some(a) = bytes_like(c) else {
            // A tuple's items go through the buffer protocol's own error.
            if in_tuple {
                return Err(vm.type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(c)
                )));
            }
            return Err(vm.type_error(&format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(c)
            )));
        };
        let found = data.with(|data| {
            let (start, end) = adjust_indices(data.len() as i64, start, end);
            if end - start < a.len() as i64 {
                return false;
            }
            let window = &data[start as usize..end as usize];
            if prefix {
                window.starts_with(&a)
            } else {
                window.ends_with(&a)
            }
        });
        if found {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn startswith(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    affix(vm, args, kwnames, "startswith", true)
}

fn endswith(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    affix(vm, args, kwnames, "endswith", false)
}

fn parts_list(vm: &Vm, like: Value, parts: Vec<&[u8]>) -> Value {
    let values: Vec<Value> = parts.into_iter().map(|p| new_like(vm, like, p.to_vec())).collect();
    vm.heap.new_list(&values)
}

fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(Vec<u8>, Option<Vec<u8>>, usize)> {
    let data = recv(vm, args, name)?;
    let bound = keyword_args(vm, &args[1..], kwnames, name, &["sep", "maxsplit"])?;
    let sep = match bound[0] {
        Some(v) if !v.is_none() => {
            let sep = need_bytes_like(vm, v)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(sep)
        }
        _ => None,
    };
    let maxsplit = match bound[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    Ok((data, sep, if maxsplit < 0 { usize::MAX } else { maxsplit as usize }))
}

fn split(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (data, sep, limit) = split_args(vm, args, kwnames, "split")?;
    let mut parts = Vec::new();
    let mut rest: &[u8] = &data;
    match sep {
        None => loop {
            let skip = rest.iter().position(|b| !is_ascii_space(*b)).unwrap_or(rest.len());
            rest = &rest[skip..];
            if rest.is_empty() {
                break;
            }
            if parts.len() == limit {
                parts.push(rest);
                break;
            }
            let end = rest.iter().position(|b| is_ascii_space(*b)).unwrap_or(rest.len());
            parts.push(&rest[..end]);
            rest = &rest[end..];
        },
        Some(sep) => {
            while parts.len() < limit {
                match position(rest, &sep, false) {
                    Some(p) => {
                        parts.push(&rest[..p]);
                        rest = &rest[p + sep.len()..];
                    }
                    None => break,
                }
            }
            parts.push(rest);
        }
    }
    Ok(parts_list(vm, args[0], parts))
}

fn rsplit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (data, sep, limit) = split_args(vm, args, kwnames, "rsplit")?;
    let mut parts = Vec::new();
    let mut rest: &[u8] = &data;
    match sep {
        None => loop {
            let keep = rest.iter().rposition(|b| !is_ascii_space(*b)).map_or(0, |p| p + 1);
            rest = &rest[..keep];
            if rest.is_empty() {
                break;
            }
            if parts.len() == limit {
                parts.push(rest);
                break;
            }
            let start = rest.iter().rposition(|b| is_ascii_space(*b)).map_or(0, |p| p + 1);
            parts.push(&rest[start..]);
            rest = &rest[..start];
        },
        Some(sep) => {
            while parts.len() < limit {
                match position(rest, &sep, true) {
                    Some(p) => {
                        parts.push(&rest[p + sep.len()..]);
                        rest = &rest[..p];
                    }
                    None => break,
                }
            }
            parts.push(rest);
        }
    }
    parts.reverse();
    Ok(parts_list(vm, args[0], parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = recv(vm, args, "splitlines")?;
    let keepends = super::str_methods::keepends_arg(vm, &args[1..], kwnames)?;
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < data.len() {
        let eol = match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' | b'\n' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        parts.push(&data[start..if keepends { eol } else { i }]);
        start = eol;
        i = eol;
    }
    if start < data.len() {
        parts.push(&data[start..]);
    }
    Ok(parts_list(vm, args[0], parts))
}

fn partition_impl(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    backward: bool,
) -> PyResult {
    let data = recv(vm, args, name)?;
    let sep = need_bytes_like(vm, method_one_arg(vm, args, kwnames, name)?)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts: [&[u8]; 3] = match position(&data, &sep, backward) {
        Some(p) => [&data[..p], &sep, &data[p + sep.len()..]],
        None if backward => [b"", b"", &data],
        None => [&data, b"", b""],
    };
    let items: Vec<Value> = parts.iter().map(|p| new_like(vm, args[0], p.to_vec())).collect();
    Ok(vm.heap.new_tuple(&items))
}

fn partition(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    partition_impl(vm, args, kwnames, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    partition_impl(vm, args, kwnames, "rpartition", true)
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let data = recv(vm, args, name)?;
    let rest = arg_range(vm, name, &args[1..], kwnames, 0, 1)?;
    let set = match rest.first() {
        Some(v) if !v.is_none() => Some(need_bytes_like(vm, *v)?),
        _ => None,
    };
    let strip = |b: &u8| match &set {
        Some(s) => s.contains(b),
        None => is_ascii_space(*b),
    };
    let mut s: &[u8] = &data;
    if left {
        s = &s[s.iter().position(|b| !strip(b)).unwrap_or(s.len())..];
    }
    if right {
        s = &s[..s.iter().rposition(|b| !strip(b)).map_or(0, |p| p + 1)];
    }
    Ok(new_like(vm, args[0], s.to_vec()))
}

fn strip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    strip_impl(vm, args, kwnames, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    strip_impl(vm, args, kwnames, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    strip_impl(vm, args, kwnames, "rstrip", false, true)
}

fn join(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let sep = recv(vm, args, "join")?;
    let iterable = method_one_arg(vm, args, kwnames, "join")?;
    let items = match vm.get_iter(iterable) {
        Err(e) if e.matches(&vm.heap, vm.heap.types().type_error) => {
            return Err(vm.type_error("can only join an iterable"))
        }
        other => {
            let iter = other?;
            let mark = vm.push_temp(iter);
            let items = vm.collect_iterable(iter);
            vm.truncate_temps(mark);
            items?
        }
    };
    let mut out = Vec::new();
    // A memoryview's bytes come from Python code: keep the items rooted.
    let mark = vm.push_temp(Value::NONE);
    for &item in &items {
        vm.push_temp(item);
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let data = match bytes_like(*item) {
            Some(d) => Some(d),
            None => match crate::modules::buffer::view_bytes(vm, *item) {
                Ok(d) => d,
                Err(e) => {
                    vm.truncate_temps(mark);
                    return Err(e);
                }
            },
        };
        match data {
            Some(d) => out.extend_from_slice(&d),
            None => {
                vm.truncate_temps(mark);
                return Err(vm.type_error(&format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(*item)
                )));
            }
        }
    }
    vm.truncate_temps(mark);
    Ok(new_like(vm, args[0], out))
}

fn replace(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = recv(vm, args, "replace")?;
    let rest = arg_range(vm, "replace", &args[1..], kwnames, 2, 3)?;
    let old = need_bytes_like(vm, rest[0])?;
    let new = need_bytes_like(vm, rest[1])?;
    let mut left = match rest.get(2) {
        Some(&v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while left != 0 {
        if old.is_empty() {
            out.extend_from_slice(&new);
            if i >= data.len() {
                i = data.len() + 1;
                break;
            }
            out.push(data[i]);
            i += 1;
        } else {
            match position(&data[i..], &old, false) {
                Some(p) => {
                    out.extend_from_slice(&data[i..i + p]);
                    out.extend_from_slice(&new);
                    i += p + old.len();
                }
                None => break,
            }
        }
        left -= 1;
    }
    if i <= data.len() {
        out.extend_from_slice(&data[i..]);
    }
    Ok(new_like(vm, args[0], out))
}

fn map_bytes(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(&mut [u8]),
) -> PyResult {
    let mut data = recv(vm, args, name)?;
    method_no_args(vm, args, kwnames, name)?;
    f(&mut data);
    Ok(new_like(vm, args[0], data))
}

/// `translate(table, /, delete=b'')`: maps each byte through a 256-byte
/// table (None keeps it) after dropping the bytes in `delete`.
fn translate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = recv(vm, args, "translate")?;
    // `table` is positional-only, and missing it is reported first.
    if args.len() - kwnames.len() < 2 {
        return Err(vm.type_error("translate() takes at least 1 positional argument (0 given)"));
    }
    let bound = keyword_args(vm, &args[1..], kwnames, "translate", &["table", "delete"])?;
    let table = bound[0].unwrap_or(Value::NONE);
    let table = if table.is_none() {
        None
    } else {
        let t = need_bytes_like(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match bound[1] {
        Some(d) => need_bytes_like(vm, d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(new_like(vm, args[0], out))
}

fn upper(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_bytes(vm, args, kwnames, "upper", |d| d.make_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_bytes(vm, args, kwnames, "lower", |d| d.make_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_bytes(vm, args, kwnames, "swapcase", |d| {
        for b in d {
            *b = if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
        }
    })
}

fn capitalize(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_bytes(vm, args, kwnames, "capitalize", |d| {
        d.make_ascii_lowercase();
        if let Some(b) = d.first_mut() {
            b.make_ascii_uppercase();
        }
    })
}

fn title(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_bytes(vm, args, kwnames, "title", |d| {
        let mut previous_cased = false;
        for b in d {
            if previous_cased {
                b.make_ascii_lowercase();
            } else {
                b.make_ascii_uppercase();
            }
            previous_cased = b.is_ascii_alphabetic();
        }
    })
}

fn expandtabs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = recv(vm, args, "expandtabs")?;
    let tabsize = super::str_methods::tabsize_arg(vm, &args[1..], kwnames)?;
    let mut out = Vec::with_capacity(data.len());
    super::str_methods::expand_tabs(data.iter().map(|&b| u32::from(b)), tabsize, |c| {
        out.push(c as u8)
    });
    Ok(new_like(vm, args[0], out))
}

/// `istitle()`: some cased byte; uppercase ones only after uncased ones,
/// lowercase ones only after cased ones.
fn istitle(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    test_bytes(vm, args, kwnames, "istitle", |d| {
        let (mut cased, mut previous_cased) = (false, false);
        for b in d {
            if b.is_ascii_uppercase() {
                if previous_cased {
                    return false;
                }
                (cased, previous_cased) = (true, true);
            } else if b.is_ascii_lowercase() {
                if !previous_cased {
                    return false;
                }
                (cased, previous_cased) = (true, true);
            } else {
                previous_cased = false;
            }
        }
        cased
    })
}

fn test_bytes(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(&[u8]) -> bool,
) -> PyResult {
    let data = recv(vm, args, name)?;
    method_no_args(vm, args, kwnames, name)?;
    Ok(Value::from_bool(f(&data)))
}

/// `bytes.isX()` methods true when the bytes are not empty and each is in
/// the ASCII class.
macro_rules! byte_class_predicates {
    ($($name:ident => $class:expr,)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                test_bytes(vm, args, kwnames, stringify!($name), |d| !d.is_empty() && d.iter().all($class))
            }
        )*
    };
}

byte_class_predicates! {
    isdigit => u8::is_ascii_digit,
    isalpha => u8::is_ascii_alphabetic,
    isalnum => u8::is_ascii_alphanumeric,
    isspace => |b: &u8| is_ascii_space(*b),
}

fn isascii(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    test_bytes(vm, args, kwnames, "isascii", |d| d.is_ascii())
}

fn isupper(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    test_bytes(vm, args, kwnames, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn islower(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    test_bytes(vm, args, kwnames, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn pad(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    align: fn(usize, usize) -> usize,
) -> PyResult {
    let data = recv(vm, args, name)?;
    let rest = arg_range(vm, name, &args[1..], kwnames, 1, 2)?;
    let width = ssize_arg(vm, rest[0])?.max(0) as usize;
    let fill = match rest.get(1) {
        None => b' ',
        Some(&v) => match bytes_like(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(vm.type_error(&format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    crate::builtins::str_methods::bad_argument_name(vm, v)
                )))
            }
        },
    };
    let marg = width.saturating_sub(data.len());
    let left = align(marg, width);
    let mut out = vec![fill; left];
    out.extend_from_slice(&data);
    out.resize(data.len() + marg, fill);
    Ok(new_like(vm, args[0], out))
}

fn center(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    pad(vm, args, kwnames, "center", |marg, width| marg / 2 + (marg & width & 1))
}

fn ljust(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    pad(vm, args, kwnames, "ljust", |_, _| 0)
}

fn rjust(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    pad(vm, args, kwnames, "rjust", |marg, _| marg)
}

fn zfill(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let data = recv(vm, args, "zfill")?;
    let width = ssize_arg(vm, method_one_arg(vm, args, kwnames, "zfill")?)?.max(0) as usize;
    let fill = width.saturating_sub(data.len());
    let sign = matches!(data.first(), Some(b'+' | b'-')) as usize;
    let mut out = data[..sign].to_vec();
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(&data[sign..]);
    Ok(new_like(vm, args[0], out))
}

// ---- bytearray mutation

fn array_recv(
    vm: &Vm,
    args: &[Value],
    name: &str,
) -> PyResult<crate::object::Gc<crate::object::bytes::ByteArrayObj>> {
    args.first()
        .and_then(|v| bytearray_of(*v))
        .ok_or_else(|| vm.type_error(&format!("descriptor '{name}' requires a 'bytearray' object")))
}

/// A BufferError if a memoryview holds the receiver.
fn resizable(vm: &mut Vm, args: &[Value]) -> PyResult<()> {
    crate::modules::buffer::check_resizable(vm, args[0])
}

fn append(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let a = array_recv(vm, args, "append")?;
    let b = byte_value(vm, method_one_arg(vm, args, kwnames, "append")?)?;
    resizable(vm, args)?;
    a.data.borrow_mut().push(b);
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    array_recv(vm, args, "extend")?;
    let src = method_one_arg(vm, args, kwnames, "extend")?;
    let data = match bytes_like(src) {
        Some(d) => d,
        None => {
            let type_error = vm.heap.types().type_error;
            let iterator = vm.get_iter(src).map_err(|e| {
                if e.matches(&vm.heap, type_error) {
                    vm.type_error(&format!("can't extend bytearray with {}", vm.type_name(src)))
                } else {
                    e
                }
            })?;
            let items = vm.with_temp(iterator, |vm| vm.collect_iterable(iterator))?;
            items.into_iter().map(|v| byte_value(vm, v)).collect::<PyResult<Vec<u8>>>()?
        }
    };
    resizable(vm, args)?;
    array_recv(vm, args, "extend")?.data.borrow_mut().extend_from_slice(&data);
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let a = array_recv(vm, args, "pop")?;
    let rest = arg_range(vm, "pop", &args[1..], kwnames, 0, 1)?;
    let i = match rest.first() {
        Some(&v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let len = a.data.borrow().len() as i64;
    if len == 0 {
        return Err(PyErr::index_error(&vm.heap, "pop from empty bytearray"));
    }
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(PyErr::index_error(&vm.heap, "pop index out of range"));
    }
    resizable(vm, args)?;
    let b = a.data.borrow_mut().remove(i as usize);
    Ok(vm.heap.new_int_i64(b as i64))
}

fn insert(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let a = array_recv(vm, args, "insert")?;
    let rest = arg_range(vm, "insert", &args[1..], kwnames, 2, 2)?;
    let i = ssize_arg(vm, rest[0])?;
    let b = byte_value(vm, rest[1])?;
    let len = a.data.borrow().len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    resizable(vm, args)?;
    a.data.borrow_mut().insert(i as usize, b);
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let a = array_recv(vm, args, "remove")?;
    let b = byte_value(vm, method_one_arg(vm, args, kwnames, "remove")?)?;
    let at = a.data.borrow().iter().position(|x| *x == b);
    match at {
        Some(i) => {
            resizable(vm, args)?;
            a.data.borrow_mut().remove(i);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn clear(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let a = array_recv(vm, args, "clear")?;
    method_no_args(vm, args, kwnames, "clear")?;
    resizable(vm, args)?;
    a.data.borrow_mut().clear();
    Ok(Value::NONE)
}

fn reverse(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let a = array_recv(vm, args, "reverse")?;
    method_no_args(vm, args, kwnames, "reverse")?;
    a.data.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let a = array_recv(vm, args, "copy")?;
    method_no_args(vm, args, kwnames, "copy")?;
    let data = a.data.borrow().clone();
    Ok(vm.heap.new_bytearray(data))
}
