//! `_tachyon_zlib`: the native half of `zlib` (the rest is `zlib.py`):
//! one-shot inflation of a stream over the input so far, Adler-32, and
//! compression streams kept in a table by handle (a `Compress` object
//! holds its handle and releases it when finished or collected).

use super::deflate::{self, Deflater, Status};
use super::inflate::{adler32_update, inflate, Inflater, Wrapper};
use super::support::function_module;
use crate::builtins::arg_range;
use crate::builtins::bytes_methods::bytes_like;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;

pub fn create(vm: &mut Vm) -> PyResult {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("inflate", inflate_fn),
        ("adler32", adler32),
        ("compress", compress),
        ("deflate_new", deflate_new),
        ("deflate_set_dictionary", deflate_set_dictionary),
        ("deflate", deflate_fn),
        ("deflate_copy", deflate_copy),
        ("deflate_release", deflate_release),
        ("inflate_new", inflate_new),
        ("inflate_feed", inflate_feed),
        ("inflate_copy", inflate_copy),
        ("inflate_release", inflate_release),
    ];
    function_module(vm, "_tachyon_zlib", funcs)
}

/// Live streams by handle; a handle is never reused.
struct Table<T> {
    next: i64,
    live: HashMap<i64, T>,
}

impl<T> Table<T> {
    fn insert(&mut self, stream: T) -> i64 {
        self.next += 1;
        self.live.insert(self.next, stream);
        self.next
    }
}

thread_local! {
    static DEFLATERS: RefCell<Table<Deflater>> =
        RefCell::new(Table { next: 0, live: HashMap::new() });
    static INFLATERS: RefCell<Table<Inflater>> =
        RefCell::new(Table { next: 0, live: HashMap::new() });
}

type Streams<T> = std::thread::LocalKey<RefCell<Table<T>>>;

/// What `copy` and `release` do to a stream of a table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HandleOp {
    Copy,
    Release,
}

/// `name(handle)`: a handle to a copy of the stream (None once released),
/// or frees the stream (a no-op when already freed).
fn handle_op<T: Clone>(
    vm: &mut Vm,
    (args, kwnames): (&[Value], &[Value]),
    name: &str,
    streams: &'static Streams<T>,
    op: HandleOp,
) -> PyResult {
    let args = arg_range(vm, name, args, kwnames, 1, 1)?;
    let handle = int_arg(vm, args[0])?;
    if op == HandleOp::Release {
        streams.with(|t| t.borrow_mut().live.remove(&handle));
        return Ok(Value::NONE);
    }
    let twin = streams.with(|t| t.borrow().live.get(&handle).cloned());
    match twin {
        Some(twin) => Ok(vm.heap.new_int_i64(streams.with(|t| t.borrow_mut().insert(twin)))),
        None => Ok(Value::NONE),
    }
}

fn data_arg(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(v)))
    })
}

fn int_arg(vm: &Vm, v: Value) -> PyResult<i64> {
    vm.as_int(v).and_then(|n| n.to_i64()).ok_or_else(|| crate::builtins::int_required(vm, v))
}

/// An int argument zlib takes as a C int; out of range saturates, which
/// zlib then refuses as it would any bad value.
fn c_int_arg(vm: &Vm, v: Value) -> PyResult<i32> {
    Ok(int_arg(vm, v)?.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
}

/// The container and window size `wbits` asks for (already checked by
/// `zlib.py`).
fn wrapper_of(vm: &Vm, wbits: Value) -> PyResult<(Wrapper, u32)> {
    let wbits = int_arg(vm, wbits)?;
    let (wrapper, window) = match wbits {
        -15..=-8 => (Wrapper::Raw, -wbits),
        0 => (Wrapper::Zlib, 15),
        8..=15 => (Wrapper::Zlib, wbits),
        16 | 32 => (if wbits == 16 { Wrapper::Gzip } else { Wrapper::Auto }, 15),
        24..=31 => (Wrapper::Gzip, wbits - 16),
        40..=47 => (Wrapper::Auto, wbits - 32),
        _ => return Err(vm.value_error("Invalid initialization option")),
    };
    Ok((wrapper, window as u32))
}

/// `inflate(data, wbits)` -> `(output, consumed, complete, error)`: error
/// is zlib's message (None when the data is good so far); `wbits` has been
/// checked by `zlib.py`.
fn inflate_fn(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "inflate", args, kwnames, 2, 2)?;
    let data = data_arg(vm, args[0])?;
    let (wrapper, window) = wrapper_of(vm, args[1])?;
    let (output, consumed, complete, error) = match inflate(&data, wrapper, window) {
        Ok(r) => (r.output, r.consumed, r.complete, Value::NONE),
        Err(e) => (Vec::new(), 0, false, vm.heap.new_str(e.message)),
    };
    let output = vm.heap.new_bytes(&output);
    let consumed = vm.heap.new_int_i64(consumed as i64);
    Ok(vm.heap.new_tuple(&[output, consumed, Value::from_bool(complete), error]))
}

/// `adler32(data, value=1)`.
fn adler32(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "adler32", args, kwnames, 1, 2)?;
    let data = data_arg(vm, args[0])?;
    let start = match args.get(1) {
        Some(&v) => int_arg(vm, v)? as u32,
        None => 1,
    };
    Ok(vm.heap.new_int_i64(i64::from(adler32_update(start, &data))))
}

/// `compress(data, level)`: the zlib stream, or None for a bad level.
fn compress(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "compress", args, kwnames, 2, 2)?;
    let data = data_arg(vm, args[0])?;
    let level = c_int_arg(vm, args[1])?;
    match deflate::compress(&data, level) {
        Ok(out) => Ok(vm.heap.new_bytes(&out)),
        Err(_) => Ok(Value::NONE),
    }
}

/// `deflate_new(level, method, wbits, memLevel, strategy)`: a handle, or
/// None for parameters zlib refuses.
fn deflate_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "deflate_new", args, kwnames, 5, 5)?;
    let mut p = [0i32; 5];
    for (slot, &v) in p.iter_mut().zip(args.iter()) {
        *slot = c_int_arg(vm, v)?;
    }
    match Deflater::new(p[0], p[1], p[2], p[3], p[4]) {
        Ok(d) => Ok(vm.heap.new_int_i64(DEFLATERS.with(|t| t.borrow_mut().insert(d)))),
        Err(_) => Ok(Value::NONE),
    }
}

/// Runs `f` on the stream of `handle`; None when it has been released.
fn with_deflater<T>(handle: i64, f: impl FnOnce(&mut Deflater) -> T) -> Option<T> {
    DEFLATERS.with(|t| t.borrow_mut().live.get_mut(&handle).map(f))
}

/// `deflate_set_dictionary(handle, zdict)` -> whether zlib took it.
fn deflate_set_dictionary(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "deflate_set_dictionary", args, kwnames, 2, 2)?;
    let handle = int_arg(vm, args[0])?;
    let zdict = data_arg(vm, args[1])?;
    let ok = with_deflater(handle, |d| d.set_dictionary(&zdict).is_ok()).unwrap_or(false);
    Ok(Value::from_bool(ok))
}

/// `deflate(handle, data, flush)`: the output, or zlib's error code (an
/// int) when the stream refuses. A stream finished by Z_FINISH is
/// released, as CPython calls `deflateEnd` then.
fn deflate_fn(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "deflate", args, kwnames, 3, 3)?;
    let handle = int_arg(vm, args[0])?;
    let data = data_arg(vm, args[1])?;
    let flush = c_int_arg(vm, args[2])?;
    let result = with_deflater(handle, |d| (d.run(&data, flush), d.finished()));
    match result {
        Some((Ok(out), finished)) => {
            if finished && flush == deflate::Z_FINISH {
                DEFLATERS.with(|t| t.borrow_mut().live.remove(&handle));
            }
            Ok(vm.heap.new_bytes(&out))
        }
        Some((Err(status), _)) => Ok(vm.heap.new_int_i64(i64::from(status.code()))),
        None => Ok(vm.heap.new_int_i64(i64::from(Status::StreamError.code()))),
    }
}

/// `deflate_copy(handle)`: a handle to a copy, or None once released.
fn deflate_copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    handle_op(vm, (args, kwnames), "deflate_copy", &DEFLATERS, HandleOp::Copy)
}

/// `deflate_release(handle)`: frees the stream (no-op when already freed).
fn deflate_release(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    handle_op(vm, (args, kwnames), "deflate_release", &DEFLATERS, HandleOp::Release)
}

/// `inflate_new(wbits, zdict)`: a handle to a new decompression stream.
fn inflate_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "inflate_new", args, kwnames, 2, 2)?;
    let (wrapper, window) = wrapper_of(vm, args[0])?;
    let zdict = if args[1].is_none() { None } else { Some(data_arg(vm, args[1])?) };
    let d = Inflater::new(wrapper, window, zdict);
    Ok(vm.heap.new_int_i64(INFLATERS.with(|t| t.borrow_mut().insert(d))))
}

/// `inflate_feed(handle, data, max_length)` -> `(output, consumed, eof,
/// code, message)`: code is 0, 2 (a dictionary is wanted) or zlib's
/// error code with its message; -2 once the stream is released.
fn inflate_feed(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "inflate_feed", args, kwnames, 3, 3)?;
    let handle = int_arg(vm, args[0])?;
    let data = data_arg(vm, args[1])?;
    let max_length = int_arg(vm, args[2])?.max(0) as usize;
    let result =
        INFLATERS.with(|t| t.borrow_mut().live.get_mut(&handle).map(|d| d.feed(&data, max_length)));
    let (output, consumed, done, code, message) = match result {
        Some(Ok(fed)) => {
            let code = if fed.need_dictionary { 2 } else { 0 };
            (fed.output, fed.consumed, fed.done, code, Value::NONE)
        }
        Some(Err(e)) => (Vec::new(), 0, false, -3, vm.heap.new_str(e.message)),
        None => (Vec::new(), 0, false, -2, vm.heap.new_str("inconsistent stream state")),
    };
    let output = vm.heap.new_bytes(&output);
    let consumed = vm.heap.new_int_i64(consumed as i64);
    let code = vm.heap.new_int_i64(code);
    Ok(vm.heap.new_tuple(&[output, consumed, Value::from_bool(done), code, message]))
}

/// `inflate_copy(handle)`: a handle to a copy, or None once released.
fn inflate_copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    handle_op(vm, (args, kwnames), "inflate_copy", &INFLATERS, HandleOp::Copy)
}

/// `inflate_release(handle)`: frees the stream (no-op when already freed).
fn inflate_release(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    handle_op(vm, (args, kwnames), "inflate_release", &INFLATERS, HandleOp::Release)
}
