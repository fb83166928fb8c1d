//! Methods of dict.

use super::{add_method, split_kwargs};
use crate::object::dict::dict_of;
use crate::object::{PyErr, Value};
use crate::vm::containers::WrapperKind;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let dict_methods: &[(&'static str, NativeFn)] = &[
        ("get", dict_get),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("pop", dict_pop),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("popitem", dict_popitem),
    ];
    for (name, f) in dict_methods {
        add_method(vm, t.dict, name, *f);
    }
    super::add_class_method(vm, t.dict, "fromkeys", dict_fromkeys);
}

/// `dict.fromkeys(iterable, value=None)`, a class method.
fn dict_fromkeys(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let rest = super::arg_range(vm, "fromkeys", &args[1..], kwnames, 1, 2)?;
    let cls = args[0];
    let value = rest.get(1).copied().unwrap_or(Value::NONE);
    let d = if cls == vm.heap.types().dict { vm.heap.new_dict() } else { vm.call(cls, &[])? };
    let mark = vm.push_temp(d);
    let result = vm.collect_iterable(rest[0]).and_then(|keys| {
        vm.stack.extend_from_slice(&keys);
        keys.iter().try_for_each(|&k| {
            if dict_of(d).is_some() && !vm.heap.type_obj(d).is_heap_type() {
                vm.dict_set_item(d, k, value)
            } else {
                vm.set_item(d, k, value)
            }
        })
    });
    vm.truncate_temps(mark);
    result.map(|_| d)
}

fn dict_arg(vm: &Vm, args: &[Value], method: &str) -> PyResult<Value> {
    match args.first() {
        Some(&d) if dict_of(d).is_some() => Ok(d),
        _ => Err(vm.type_error(&format!("descriptor '{method}' requires a 'dict' object"))),
    }
}

fn dict_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let d = dict_arg(vm, args, "get")?;
    super::method_no_kwargs(vm, "get", kw)?;
    if args.len() < 2 || args.len() > 3 {
        let bound = if args.len() < 2 { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(vm.type_error(&format!("get expected {bound}, got {}", args.len() - 1)));
    }
    Ok(vm.dict_get_item(d, args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Value::NONE)))
}

fn dict_keys(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kw, "keys")?;
    let d = dict_arg(vm, args, "keys")?;
    Ok(vm.new_view(d, WrapperKind::DictKeys))
}

fn dict_values(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kw, "values")?;
    let d = dict_arg(vm, args, "values")?;
    Ok(vm.new_view(d, WrapperKind::DictValues))
}

fn dict_items(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kw, "items")?;
    let d = dict_arg(vm, args, "items")?;
    Ok(vm.new_view(d, WrapperKind::DictItems))
}

fn dict_pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let d = dict_arg(vm, args, "pop")?;
    super::method_no_kwargs(vm, "pop", kw)?;
    if args.len() < 2 || args.len() > 3 {
        let bound = if args.len() < 2 { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(vm.type_error(&format!("pop expected {bound}, got {}", args.len() - 1)));
    }
    match vm.dict_get_item(d, args[1])? {
        Some(v) => {
            vm.dict_del_item(d, args[1])?;
            Ok(v)
        }
        None => match args.get(2) {
            Some(&default) => Ok(default),
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let d = dict_arg(vm, args, "setdefault")?;
    super::method_no_kwargs(vm, "setdefault", kw)?;
    if args.len() < 2 || args.len() > 3 {
        let bound = if args.len() < 2 { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(vm.type_error(&format!("setdefault expected {bound}, got {}", args.len() - 1)));
    }
    if let Some(v) = vm.dict_get_item(d, args[1])? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::NONE);
    vm.dict_set_item(d, args[1], default)?;
    Ok(default)
}

/// `dict.update(other=(), **kwargs)` (also `dict(...)`).
pub fn dict_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = dict_arg(vm, args, "update")?;
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    if pos.len() > 1 {
        return Err(
            vm.type_error(&format!("update expected at most 1 argument, got {}", pos.len()))
        );
    }
    if let Some(&src) = pos.first() {
        if vm.dict_iterates_own_table(src) {
            for (k, v) in vm.dict_items(src) {
                vm.dict_set_item(d, k, v)?;
            }
        } else if vm.get_attr(src, vm.heap.intern("keys")).is_ok() {
            vm.dict_update_display(d, src)?;
        } else {
            let items = vm.collect_iterable(src)?;
            for (i, item) in items.into_iter().enumerate() {
                let pair = match vm.collect_iterable(item) {
                    Ok(p) => p,
                    Err(_) => {
                        return Err(vm.type_error(&format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )))
                    }
                };
                if pair.len() != 2 {
                    return Err(vm.value_error(&format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                vm.dict_set_item(d, pair[0], pair[1])?;
            }
        }
    }
    for (k, v) in kws {
        let key = vm.heap.new_str(&k);
        vm.dict_set_item(d, key, v)?;
    }
    Ok(Value::NONE)
}

fn dict_copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kw, "copy")?;
    let d = dict_arg(vm, args, "copy")?;
    let table = dict_of(d).expect("checked").table.borrow().copy();
    let new = vm.heap.new_dict();
    *dict_of(new).expect("a dict").table.borrow_mut() = table;
    Ok(new)
}

fn dict_clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kw, "clear")?;
    let d = dict_arg(vm, args, "clear")?;
    dict_of(d).expect("checked").table.borrow_mut().clear();
    Ok(Value::NONE)
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let d = dict_arg(vm, args, "popitem")?;
    super::method_no_args(vm, args, kw, "popitem")?;
    let popped = dict_of(d).expect("checked").table.borrow_mut().pop_last();
    match popped {
        Some((k, v)) => Ok(vm.heap.new_tuple(&[k, v])),
        None => Err(PyErr::key_error(&vm.heap, vm.heap.new_str("popitem(): dictionary is empty"))),
    }
}
