//! `gc`: the heap's mark-and-sweep collector seen through CPython's
//! interface. There are no generations: thresholds and counts are kept
//! for programs that read them back, and `collect()` of any generation is
//! a full collection returning how many objects it freed.

use super::module_set;
use crate::object::Value;
use crate::vm::frame::VmRoots;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

thread_local! {
    static THRESHOLDS: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
}

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "gc", fill)
}

fn fill(vm: &mut Vm, module: Value) -> PyResult<()> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_count", get_count),
        ("is_tracked", is_tracked),
        ("freeze", nothing),
        ("unfreeze", nothing),
        ("get_freeze_count", zero),
        ("get_debug", zero),
        ("set_debug", nothing),
        ("get_stats", get_stats),
    ];
    super::add_functions(vm, module, funcs)?;
    for name in ["garbage", "callbacks"] {
        let list = vm.heap.new_list(&[]);
        module_set(vm, module, name, list)?;
    }
    let flags = [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ];
    for (name, bit) in flags {
        module_set(vm, module, name, Value::from_small_int(bit).expect("small"))?;
    }
    Ok(())
}

/// `collect(generation=2)`: a full collection; the number of objects freed.
fn collect(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if let Some(&g) = args.first() {
        match vm.as_int(g).and_then(|n| n.to_i64()) {
            Some(0..=2) => {}
            Some(_) => return Err(vm.value_error("invalid generation")),
            None => return Err(vm.type_error("an integer is required")),
        }
    }
    let stats = vm.heap.collect(&VmRoots { vm });
    Ok(vm.heap.new_int_i64(stats.collected_objects as i64))
}

fn enable(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    vm.heap.set_auto_collect(true);
    Ok(Value::NONE)
}

fn disable(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    vm.heap.set_auto_collect(false);
    Ok(Value::NONE)
}

fn isenabled(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::from_bool(vm.heap.auto_collect()))
}

fn triple(vm: &Vm, t: (i64, i64, i64)) -> Value {
    let items = [t.0, t.1, t.2].map(|n| vm.heap.new_int_i64(n));
    vm.heap.new_tuple(&items)
}

fn get_threshold(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(triple(vm, THRESHOLDS.with(Cell::get)))
}

fn set_threshold(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.is_empty() || args.len() > 3 {
        return Err(vm.type_error(&format!(
            "set_threshold expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let mut t = THRESHOLDS.with(Cell::get);
    let mut slots = [&mut t.0, &mut t.1, &mut t.2];
    for (slot, v) in slots.iter_mut().zip(args) {
        **slot = vm
            .as_int(*v)
            .and_then(|n| n.to_i64())
            .ok_or_else(|| vm.type_error("an integer is required"))?;
    }
    THRESHOLDS.with(|c| c.set(t));
    Ok(Value::NONE)
}

fn get_count(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(triple(vm, (0, 0, 0)))
}

/// `is_tracked(obj)`: as in CPython, atoms (numbers, strings, bytes,
/// None) are not tracked, containers and instances are.
fn is_tracked(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(&v) = args.first() else {
        return Err(vm.type_error("is_tracked() takes exactly one argument (0 given)"));
    };
    let t = vm.heap.types();
    let atoms = [t.int, t.float, t.complex, t.str, t.bytes, t.bool];
    let ty = vm.heap.type_of(v);
    Ok(Value::from_bool(v.is_ptr() && !atoms.contains(&ty)))
}

fn get_stats(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let collections = vm.heap.collections() as i64;
    let mut gens = Vec::new();
    for g in 0..3 {
        let d = vm.heap.new_dict();
        let n = if g == 2 { collections } else { 0 };
        for (k, v) in [("collections", n), ("collected", 0), ("uncollectable", 0)] {
            let key = vm.heap.new_str(k);
            let val = vm.heap.new_int_i64(v);
            vm.dict_set_item(d, key, val)?;
        }
        gens.push(d);
    }
    Ok(vm.heap.new_list(&gens))
}

fn nothing(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::NONE)
}

fn zero(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::from_small_int(0).expect("0"))
}
