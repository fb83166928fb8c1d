//! `_tachyon_zlib`: the native half of `zlib` (the rest is `zlib.py`):
//! one-shot inflation of a stream over the input so far, and Adler-32.

use super::inflate::{adler32_update, inflate, Wrapper};
use super::support::function_module;
use crate::builtins::arg_range;
use crate::builtins::bytes_methods::bytes_like;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult {
    let funcs: &[(&'static str, NativeFn)] = &[("inflate", inflate_fn), ("adler32", adler32)];
    function_module(vm, "_tachyon_zlib", funcs)
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
