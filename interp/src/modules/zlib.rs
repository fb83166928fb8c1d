//! `_tachyon_zlib`: the native half of `zlib` (the rest is `zlib.py`):
//! one-shot inflation of a stream over the input so far, Adler-32, and
//! compression streams kept in a table by handle (a `Compress` object
//! holds its handle and releases it when finished or collected).

use super::deflate::{self, Deflater, Status};
use super::inflate::{adler32_update, inflate, Wrapper};
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
}

fn data_arg(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(v)))
    })
}

fn int_arg(vm: &Vm, v: Value) -> PyResult<i64> {
    vm.as_int(v).and_then(|n| n.to_i64()).ok_or_else(|| {
        vm.type_error(&format!("an integer is required (got type {})", vm.type_name(v)))
    })
}

/// An int argument zlib takes as a C int; out of range saturates, which
/// zlib then refuses as it would any bad value.
fn c_int_arg(vm: &Vm, v: Value) -> PyResult<i32> {
    Ok(int_arg(vm, v)?.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
}

/// `inflate(data, wbits)` -> `(output, consumed, complete, error)`: error
/// is zlib's message (None when the data is good so far); `wbits` has been
/// checked by `zlib.py`.
fn inflate_fn(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "inflate", args, kwnames, 2, 2)?;
    let data = data_arg(vm, args[0])?;
    let wbits = int_arg(vm, args[1])?;
    let (wrapper, window) = match wbits {
        -15..=-8 => (Wrapper::Raw, -wbits),
        0 => (Wrapper::Zlib, 15),
        8..=15 => (Wrapper::Zlib, wbits),
        16 | 32 => (if wbits == 16 { Wrapper::Gzip } else { Wrapper::Auto }, 15),
        24..=31 => (Wrapper::Gzip, wbits - 16),
        40..=47 => (Wrapper::Auto, wbits - 32),
        _ => return Err(vm.value_error("Invalid initialization option")),
    };
    let (output, consumed, complete, error) = match inflate(&data, wrapper, window as u32) {
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
    let args = arg_range(vm, "deflate_copy", args, kwnames, 1, 1)?;
    let handle = int_arg(vm, args[0])?;
    match with_deflater(handle, |d| d.clone()) {
        Some(twin) => Ok(vm.heap.new_int_i64(DEFLATERS.with(|t| t.borrow_mut().insert(twin)))),
        None => Ok(Value::NONE),
    }
}

/// `deflate_release(handle)`: frees the stream (no-op when already freed).
fn deflate_release(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "deflate_release", args, kwnames, 1, 1)?;
    let handle = int_arg(vm, args[0])?;
    DEFLATERS.with(|t| t.borrow_mut().live.remove(&handle));
    Ok(Value::NONE)
}
