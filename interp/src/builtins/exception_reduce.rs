//! `BaseException.__reduce__` and the forms `OSError` and `ImportError`
//! give it: how `copy` and `pickle` take an exception apart, as CPython's
//! `BaseException_reduce`, `OSError_reduce` and `ImportError_reduce` do:
//! `(type(e), e.args)`, plus the instance dict when there is one.
//!
//! The fields CPython holds in the C struct (`errno`, `filename`, `name`,
//! `path`, `StopIteration.value`, ...) are slot members of the instance
//! (`vm::exception_members`), rebuilt from the constructor arguments, so
//! the state dict leaves them out, as CPython's `__dict__` has none.

use super::add_method;
use crate::object::exception::exception_of;
use crate::object::tuple::tuple_of;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    add_method(vm, t.base_exception, "__reduce__", base_exception_reduce);
    add_method(vm, t.os_error, "__reduce__", os_error_reduce);
    add_method(vm, t.import_error, "__reduce__", import_error_reduce);
}

/// A fresh dict of `exc`'s attributes but its native fields, or None when
/// it has no attributes of its own (CPython's NULL `__dict__`).
fn state_dict(vm: &mut Vm, exc: Value) -> PyResult {
    let Some(attrs) = vm.heap.attrs_of(exc, false) else { return Ok(Value::NONE) };
    let dict_mode = attrs.is_dict_mode();
    let ty = vm.heap.type_obj(exc);
    let items: Vec<(Value, Value)> =
        attrs.items().into_iter().filter(|(k, _)| !vm.heap.is_slot_member(ty, *k)).collect();
    if items.is_empty() && !dict_mode {
        return Ok(Value::NONE);
    }
    let d = vm.heap.new_dict();
    let mark = vm.push_temp(d);
    for (k, v) in items {
        vm.push_temp(k);
        vm.push_temp(v);
        if let Err(e) = vm.set_item(d, k, v) {
            vm.truncate_temps(mark);
            return Err(e);
        }
    }
    vm.truncate_temps(mark);
    Ok(d)
}

/// `(type(e), args)` or `(type(e), args, state)` when `state` is not None.
fn reduce_tuple(vm: &mut Vm, exc: Value, args: Value, state: Value) -> Value {
    let cls = vm.heap.type_of(exc);
    if state.is_none() {
        vm.heap.new_tuple(&[cls, args])
    } else {
        vm.heap.new_tuple(&[cls, args, state])
    }
}

fn exception_arg(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    super::method_no_args(vm, args, kwnames, "__reduce__")?;
    match args.first() {
        Some(&e) if exception_of(e).is_some() => Ok(e),
        _ => Err(vm.type_error("descriptor '__reduce__' requires a 'BaseException' object")),
    }
}

fn base_exception_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let exc = exception_arg(vm, args, kwnames)?;
    let exc_args = exception_of(exc).map_or(Value::NONE, |e| e.args.get());
    let state = state_dict(vm, exc)?;
    Ok(vm.with_temp(state, |vm| reduce_tuple(vm, exc, exc_args, state)))
}

/// `OSError`'s args put the filenames back: `(errno, strerror, filename)`,
/// with `None, filename2` after when there is a second file.
fn os_error_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let exc = exception_arg(vm, args, kwnames)?;
    let Some(e) = exception_of(exc) else { return Ok(Value::NONE) };
    let filename = vm.exception_member(exc, "filename")?;
    let filename2 = vm.exception_member(exc, "filename2")?;
    let mut exc_args = e.args.get();
    let pair = tuple_of(exc_args).map(|t| t.items().to_vec()).filter(|a| a.len() == 2);
    if let (Some(mut items), false) = (pair, filename.is_none()) {
        items.push(filename);
        if !filename2.is_none() {
            items.extend([Value::NONE, filename2]);
        }
        exc_args = vm.heap.new_tuple(&items);
    }
    let mark = vm.push_temp(exc_args);
    let state = state_dict(vm, exc);
    let r = state.map(|state| {
        vm.push_temp(state);
        reduce_tuple(vm, exc, exc_args, state)
    });
    vm.truncate_temps(mark);
    r
}

/// `ImportError`'s state adds `name` and `path` when they are set.
fn import_error_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let exc = exception_arg(vm, args, kwnames)?;
    let Some(e) = exception_of(exc) else { return Ok(Value::NONE) };
    let mut state = state_dict(vm, exc)?;
    let mark = vm.push_temp(state);
    for field in ["name", "path"] {
        let key = vm.heap.intern(field);
        let v = match vm.exception_member(exc, field) {
            Ok(v) => v,
            Err(err) => {
                vm.truncate_temps(mark);
                return Err(err);
            }
        };
        if v.is_none() {
            continue;
        }
        if state.is_none() {
            state = vm.heap.new_dict();
            vm.push_temp(state);
        }
        if let Err(err) = vm.set_item(state, key, v) {
            vm.truncate_temps(mark);
            return Err(err);
        }
    }
    let r = reduce_tuple(vm, exc, e.args.get(), state);
    vm.truncate_temps(mark);
    Ok(r)
}
