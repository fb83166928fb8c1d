//! Methods of str, list and tuple.

use super::str_methods::ssize_arg;
use super::{add_method, split_kwargs, unexpected_kw};
use crate::bytecode::instr::CmpOp;
use crate::object::list::list_of;
use crate::object::tuple::tuple_of;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let list_methods: &[(&'static str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("pop", list_pop),
        ("insert", list_insert),
        ("remove", list_remove),
        ("index", seq_index),
        ("count", seq_count),
        ("reverse", list_reverse),
        ("sort", list_sort),
        ("copy", list_copy),
        ("clear", list_clear),
    ];
    for (name, f) in list_methods {
        add_method(vm, t.list, name, *f);
    }
    add_method(vm, t.tuple, "index", seq_index);
    add_method(vm, t.tuple, "count", seq_count);
}

fn list_arg(
    vm: &Vm,
    args: &[Value],
    method: &str,
) -> PyResult<crate::object::Gc<crate::object::list::ListObj>> {
    args.first()
        .and_then(|v| list_of(*v))
        .ok_or_else(|| vm.type_error(&format!("descriptor '{method}' requires a 'list' object")))
}

fn one_arg(vm: &Vm, args: &[Value], kwnames: &[Value], method: &str) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(&format!("{method}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "{method}() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    Ok(args[1])
}

fn list_append(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "append")?;
    let item = one_arg(vm, args, kwnames, "append")?;
    l.items.push(item);
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    list_arg(vm, args, "extend")?;
    let src = one_arg(vm, args, kwnames, "extend")?;
    vm.check_length_hint(src)?;
    let items = vm.collect_iterable(src)?;
    let l = list_arg(vm, args, "extend")?;
    for item in items {
        l.items.push(item);
    }
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "pop")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("pop() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(
            vm.type_error(&format!("pop expected at most 1 argument, got {}", args.len() - 1))
        );
    }
    let i = match args.get(1) {
        Some(&v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let len = l.items.len() as i64;
    if len == 0 {
        return Err(PyErr::index_error(&vm.heap, "pop from empty list"));
    }
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(PyErr::index_error(&vm.heap, "pop index out of range"));
    }
    Ok(l.items.remove(i as usize).unwrap_or(Value::NONE))
}

fn list_insert(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "insert")?;
    super::method_no_kwargs(vm, "insert", kwnames)?;
    if args.len() != 3 {
        return Err(vm.type_error(&format!("insert expected 2 arguments, got {}", args.len() - 1)));
    }
    let i = ssize_arg(vm, args[1])?;
    let len = l.items.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.items.insert(i as usize, args[2]);
    Ok(Value::NONE)
}

fn list_remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "remove")?;
    let x = one_arg(vm, args, kwnames, "remove")?;
    let mut i = 0;
    while i < l.items.len() {
        let item = l.items.get(i).unwrap_or(Value::NONE);
        if vm.keys_equal(item, x)? {
            l.items.remove(i);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn seq_items(vm: &Vm, v: Value) -> PyResult<Vec<Value>> {
    if let Some(l) = list_of(v) {
        return Ok(l.items.to_vec());
    }
    if let Some(t) = tuple_of(v) {
        return Ok(t.items().to_vec());
    }
    Err(vm.type_error("expected a list or tuple"))
}

fn seq_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::arg_range(vm, "index", &args[1..], kwnames, 1, 3)?;
    let items = seq_items(vm, args[0])?;
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let len = items.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            // CPython's `_PyEval_SliceIndexNotNone`: clamped, never None.
            Some(v) => match vm.as_index(*v)? {
                Some(i) => {
                    let i = i.to_i64_saturating();
                    Ok(if i < 0 { i.saturating_add(len).max(0) } else { i.min(len) })
                }
                None => {
                    Err(vm.type_error("slice indices must be integers or have an __index__ method"))
                }
            },
            None => Ok(default),
        }
    };
    let r = (|| {
        let start = bound(vm, args.get(2), 0)?;
        let stop = bound(vm, args.get(3), len)?;
        for i in start..stop {
            if vm.keys_equal(items[i as usize], args[1])? {
                return Ok(vm.heap.new_int_i64(i));
            }
        }
        if list_of(args[0]).is_some() {
            let text = vm.repr_of_value(args[1])?;
            return Err(vm.value_error(&format!("{text} is not in list")));
        }
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    })();
    vm.truncate_temps(mark);
    r
}

fn seq_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = one_arg(vm, args, kwnames, "count")?;
    let items = seq_items(vm, args[0])?;
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let mut n = 0;
    let r = (|| {
        for item in &items {
            if vm.keys_equal(*item, x)? {
                n += 1;
            }
        }
        Ok(vm.heap.new_int_i64(n))
    })();
    vm.truncate_temps(mark);
    r
}

fn list_reverse(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "reverse")?;
    super::method_no_args(vm, args, kw, "reverse")?;
    let mut items = l.items.to_vec();
    items.reverse();
    l.items.replace(&items);
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kw, "copy")?;
    let l = list_arg(vm, args, "copy")?;
    Ok(vm.heap.new_list(&l.items.to_vec()))
}

fn list_clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kw, "clear")?;
    let l = list_arg(vm, args, "clear")?;
    l.items.clear();
    Ok(Value::NONE)
}

/// `list.sort(*, key=None, reverse=False)`: CPython's timsort with the
/// list emptied while it runs ("list modified during sort").
pub fn list_sort(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "sort")?;
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    // `_PyArg_UnpackKeywords` counts all arguments before positional ones.
    let given = args.len() - 1;
    if given > 2 {
        let keyword = if pos.is_empty() { "keyword " } else { "" };
        return Err(
            vm.type_error(&format!("sort() takes at most 2 {keyword}arguments ({given} given)"))
        );
    }
    if !pos.is_empty() {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::NONE;
    let mut reverse = false;
    for (k, v) in kws {
        match k.as_str() {
            "key" => key = v,
            // An `i` format argument: an int (or bool), taken as a truth value.
            "reverse" => reverse = super::str_methods::c_int_arg(vm, v)? != 0,
            other => return Err(unexpected_kw(vm, "sort", other)),
        }
    }
    let items = l.items.to_vec();
    l.items.clear();
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let result = (|| -> PyResult<Vec<Value>> {
        let keys: Vec<Value> = if key.is_none() {
            items.clone()
        } else {
            let mut ks = Vec::with_capacity(items.len());
            for &item in &items {
                let k = vm.call(key, &[item])?;
                vm.stack.push(k);
                ks.push(k);
            }
            ks
        };
        let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(items.iter().copied()).collect();
        crate::table::sort::sort(&mut pairs, reverse, |a: &(Value, Value), b: &(Value, Value)| {
            let r = vm.rich_compare(CmpOp::Lt, a.0, b.0)?;
            vm.is_true(r)
        })?;
        Ok(pairs.into_iter().map(|(_, v)| v).collect())
    })();
    vm.truncate_temps(mark);
    let l = list_arg(vm, args, "sort")?;
    let modified = !l.items.is_empty();
    match result {
        Ok(sorted) => {
            l.items.replace(&sorted);
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::NONE)
        }
        Err(e) => {
            if !modified {
                l.items.replace(&items);
            }
            Err(e)
        }
    }
}
