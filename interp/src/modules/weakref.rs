//! `_weakref`: `ref` over the heap's weak references (`object/weakref.rs`),
//! with `ref(obj, callback)` and calling a ref for its target.
//!
//! `proxy(obj)` returns `obj` itself: a strong reference, which keeps the
//! object alive longer than CPython would but behaves the same otherwise
//! (the collector handles the cycles that pure-Python OrderedDict makes).
//! `getweakrefcount`/`getweakrefs` do not track refs yet (0 and []).

use super::module_set;
use crate::builtins::{add_method, add_new, arg_range, method_no_args, native_in};
use crate::object::weakref::WeakRefObj;
use crate::object::{Gc, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// Gives the builtin `weakref` type its constructor and `__call__` (at
/// start-up, with the other built-in types' methods).
pub fn install_type(vm: &mut Vm) {
    let t = vm.heap.types().weakref;
    add_new(vm, t, ref_new);
    add_method(vm, t, "__call__", ref_call);
}

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_weakref")?;
    let mark = vm.push_temp(module);
    let result = (|| {
        let ref_type = vm.heap.types().weakref;
        for name in ["ref", "ReferenceType", "ProxyType", "CallableProxyType"] {
            module_set(vm, module, name, ref_type)?;
        }
        let funcs: &[(&'static str, NativeFn)] = &[
            ("proxy", proxy),
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("_remove_dead_weakref", remove_dead_weakref),
        ];
        funcs.iter().try_for_each(|(name, f)| {
            let v = native_in(vm, module, name, *f);
            module_set(vm, module, name, v)
        })
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

fn ref_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let rest = arg_range(vm, "__new__", &args[1..], kwnames, 1, 2)?;
    if args[0] != vm.heap.types().weakref {
        return Err(vm.type_error("subclasses of weakref.ref are not supported by tachyon yet"));
    }
    let callback = rest.get(1).copied().unwrap_or(Value::NONE);
    vm.heap.new_weakref(rest[0], callback)
}

fn ref_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "weakref")?;
    match Gc::<WeakRefObj>::from_value(args[0]) {
        Some(w) => Ok(w.get()),
        None => Err(vm.type_error("descriptor '__call__' requires a 'weakref' object")),
    }
}

fn proxy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "proxy", args, kwnames, 1, 2)?;
    Ok(args[0])
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    arg_range(vm, "getweakrefcount", args, kwnames, 1, 1)?;
    Ok(vm.heap.new_int_i64(0))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    arg_range(vm, "getweakrefs", args, kwnames, 1, 1)?;
    Ok(vm.heap.new_list(&[]))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead ref.
fn remove_dead_weakref(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "_remove_dead_weakref", args, kwnames, 2, 2)?;
    if let Some(v) = vm.dict_get_item(args[0], args[1])? {
        if Gc::<WeakRefObj>::from_value(v).is_some_and(|w| w.get().is_none()) {
            vm.dict_del_item(args[0], args[1])?;
        }
    }
    Ok(Value::NONE)
}
