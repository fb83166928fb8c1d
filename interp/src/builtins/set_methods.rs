//! Methods of set and frozenset.
//!
//! Elements taken from other iterables stay on the value stack while
//! hashing and comparing them may run Python code.

use super::{add_method, method_no_args, method_no_kwargs, method_one_arg};
use crate::bytecode::instr::BinOp;
use crate::object::set::{frozenset_of, set_of};
use crate::object::{PyErr, Value};
use crate::table::set::Set;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let shared: &[(&'static str, NativeFn)] = &[
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("copy", copy),
    ];
    for (name, f) in shared {
        add_method(vm, t.set, name, *f);
        add_method(vm, t.frozenset, name, *f);
    }
    let mutating: &[(&'static str, NativeFn)] = &[
        ("add", add),
        ("discard", discard),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    for (name, f) in mutating {
        add_method(vm, t.set, name, *f);
    }
}

/// The set or frozenset a method is called on.
fn recv(vm: &Vm, args: &[Value], name: &str, frozen_ok: bool) -> PyResult<Value> {
    match args.first() {
        Some(&s) if set_of(s).is_some() || frozen_ok && frozenset_of(s).is_some() => Ok(s),
        Some(&s) => {
            let owner = if frozen_ok { "frozenset" } else { "set" };
            Err(vm.type_error(&format!(
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
                vm.type_name(s)
            )))
        }
        None => {
            Err(vm.type_error(&format!("descriptor '{name}' of 'set' object needs an argument")))
        }
    }
}

fn table_copy(s: Value) -> Set<Value> {
    match (set_of(s), frozenset_of(s)) {
        (Some(x), _) => x.table.borrow().copy(),
        (_, Some(x)) => x.table.borrow().copy(),
        _ => Set::new(),
    }
}

/// Runs `f` with the elements of `other` rooted on the stack; a set
/// operand is used as it is (`None` elements), anything else is made a
/// temporary set so that membership tests are hashed.
fn with_other_set<T>(
    vm: &mut Vm,
    other: Value,
    f: impl FnOnce(&mut Vm, Value) -> PyResult<T>,
) -> PyResult<T> {
    if vm.is_set_like(other) {
        return f(vm, other);
    }
    let items = vm.collect_iterable(other)?;
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let result = vm.new_set_from(&items).and_then(|s| {
        vm.push_temp(s);
        f(vm, s)
    });
    vm.truncate_temps(mark);
    result
}

/// Elements of `s` that are (`keep_if_in`) or are not in `other`.
fn filter_by(vm: &mut Vm, s: Value, other: Value, keep_if_in: bool) -> PyResult<Vec<Value>> {
    with_other_set(vm, other, |vm, o| {
        for_each_rooted(vm, s, |vm, x, kept: &mut Vec<Value>| {
            if vm.set_contains(o, x)? == keep_if_in {
                kept.push(x);
            }
            Ok(true)
        })
    })
}

/// Runs `f` on each element of set `s` with all of them on the stack (an
/// `__eq__` may remove one from the set while we look at it); `f` returns
/// false to stop. Returns what `f` collected.
fn for_each_rooted(
    vm: &mut Vm,
    s: Value,
    mut f: impl FnMut(&mut Vm, Value, &mut Vec<Value>) -> PyResult<bool>,
) -> PyResult<Vec<Value>> {
    let items = vm.set_items(s);
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let mut out = Vec::new();
    let mut result = Ok(());
    for x in items {
        match f(vm, x, &mut out) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.truncate_temps(mark);
    result.map(|_| out)
}

/// Applies `step` to the result set for each argument after the receiver.
fn fold_args(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    step: fn(&mut Vm, Value, Value) -> PyResult<()>,
) -> PyResult {
    let s = recv(vm, args, name, true)?;
    method_no_kwargs(vm, name, kwnames)?;
    let result = vm.heap.new_set(table_copy(s));
    let mark = vm.push_temp(result);
    let folded = args[1..].iter().try_for_each(|&other| step(vm, result, other));
    vm.truncate_temps(mark);
    folded?;
    if frozenset_of(s).is_some() {
        return Ok(vm.heap.new_frozenset(table_copy(result)));
    }
    Ok(result)
}

fn replace_items(vm: &mut Vm, s: Value, items: &[Value]) -> PyResult<()> {
    let table = vm.new_set_from(items).map(table_copy)?;
    if let Some(x) = set_of(s) {
        *x.table.borrow_mut() = table;
    }
    Ok(())
}

fn intersect_into(vm: &mut Vm, s: Value, other: Value) -> PyResult<()> {
    let kept = filter_by(vm, s, other, true)?;
    replace_items(vm, s, &kept)
}

fn subtract_into(vm: &mut Vm, s: Value, other: Value) -> PyResult<()> {
    let kept = filter_by(vm, s, other, false)?;
    replace_items(vm, s, &kept)
}

fn symmetric_into(vm: &mut Vm, s: Value, other: Value) -> PyResult<()> {
    with_other_set(vm, other, |vm, o| {
        for_each_rooted(vm, o, |vm, y, _| {
            if !vm.set_discard(s, y)? {
                vm.set_add(s, y)?;
            }
            Ok(true)
        })
        .map(|_| ())
    })
}

fn union(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    fold_args(vm, args, kwnames, "union", Vm::set_update)
}

fn intersection(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    fold_args(vm, args, kwnames, "intersection", intersect_into)
}

fn difference(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    fold_args(vm, args, kwnames, "difference", subtract_into)
}

/// CPython's `set_symmetric_difference`: a set of `other`, then the
/// receiver's elements toggled in it (what `s ^ t` does too).
fn symmetric_difference(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let other = method_one_arg(vm, args, kwnames, "symmetric_difference")?;
    let s = recv(vm, args, "symmetric_difference", true)?;
    with_other_set(vm, other, |vm, o| {
        let result = vm.set_binary(BinOp::Xor, s, o)?;
        Ok(result.unwrap_or(Value::NONE))
    })
}

fn update_in_place(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    step: fn(&mut Vm, Value, Value) -> PyResult<()>,
) -> PyResult {
    let s = recv(vm, args, name, false)?;
    method_no_kwargs(vm, name, kwnames)?;
    for &other in &args[1..] {
        step(vm, s, other)?;
    }
    Ok(Value::NONE)
}

fn update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    update_in_place(vm, args, kwnames, "update", Vm::set_update)
}

fn intersection_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    update_in_place(vm, args, kwnames, "intersection_update", intersect_into)
}

fn difference_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    update_in_place(vm, args, kwnames, "difference_update", subtract_into)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_one_arg(vm, args, kwnames, "symmetric_difference_update")?;
    update_in_place(vm, args, kwnames, "symmetric_difference_update", symmetric_into)
}

fn issubset(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "issubset", true)?;
    let other = method_one_arg(vm, args, kwnames, "issubset")?;
    with_other_set(vm, other, |vm, o| vm.set_is_subset(s, o)).map(Value::from_bool)
}

fn issuperset(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "issuperset", true)?;
    let other = method_one_arg(vm, args, kwnames, "issuperset")?;
    with_other_set(vm, other, |vm, o| vm.set_is_subset(o, s)).map(Value::from_bool)
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "isdisjoint", true)?;
    let other = method_one_arg(vm, args, kwnames, "isdisjoint")?;
    let common = filter_by(vm, s, other, true)?;
    Ok(Value::from_bool(common.is_empty()))
}

fn copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "copy", true)?;
    method_no_args(vm, args, kwnames, "copy")?;
    if frozenset_of(s).is_some() && !vm.heap.type_obj(s).is_heap_type() {
        return Ok(s);
    }
    // `make_new_set_basetype(type(s), s)`: a merge into an empty set.
    let table = table_copy(s);
    Ok(if frozenset_of(s).is_some() {
        vm.heap.new_frozenset(table)
    } else {
        vm.heap.new_set(table)
    })
}

fn add(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "add", false)?;
    let x = method_one_arg(vm, args, kwnames, "add")?;
    vm.set_add(s, x)?;
    Ok(Value::NONE)
}

fn discard(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "discard", false)?;
    let x = method_one_arg(vm, args, kwnames, "discard")?;
    vm.set_discard(s, x)?;
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "remove", false)?;
    let x = method_one_arg(vm, args, kwnames, "remove")?;
    if !vm.set_discard(s, x)? {
        return Err(vm.key_error(x));
    }
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "pop", false)?;
    method_no_args(vm, args, kwnames, "pop")?;
    let popped = set_of(s).and_then(|x| x.table.borrow_mut().pop());
    match popped {
        Some((_, key)) => Ok(key),
        None => {
            let msg = vm.heap.new_str("pop from an empty set");
            Err(PyErr::key_error(&vm.heap, msg))
        }
    }
}

fn clear(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "clear", false)?;
    method_no_args(vm, args, kwnames, "clear")?;
    if let Some(x) = set_of(s) {
        x.table.borrow_mut().clear();
    }
    Ok(Value::NONE)
}
