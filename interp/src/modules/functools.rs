//! `_functools`: `reduce`, `partial` and `cmp_to_key`, after CPython's
//! `Modules/_functoolsmodule.c`. `functools.py` keeps its Python
//! `lru_cache` (it falls back when `_lru_cache_wrapper` is missing).

use super::module_set;
use super::support::{
    module_attr, new_class, new_instance_of, receiver_state, rich_comparisons, set_state, state,
    StoredCall,
};
use crate::builtins::{arg_range, method_one_arg, native, split_kwargs};
use crate::bytecode::instr::CmpOp;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_functools")?;
    let mark = vm.push_temp(module);
    let result = (|| {
        for (name, f) in [("reduce", reduce as NativeFn), ("cmp_to_key", cmp_to_key)] {
            let v = crate::builtins::native_in(vm, module, name, f);
            module_set(vm, module, name, v)?;
        }
        let partial = new_class(
            vm,
            module,
            "functools",
            "partial",
            &[("__call__", partial_call), ("__repr__", partial_repr)],
        )?;
        let new = native(vm, "__new__", partial_new);
        crate::builtins::set_type_attr(vm, partial, "__new__", new);
        super::support::exec_in_module(vm, module, include_str!("functools_state.py"))?;
        let mut methods = vec![("__call__", key_call as NativeFn)];
        methods.extend(RICH_COMPARISONS);
        let key = new_class(vm, module, "functools", "KeyWrapper", &methods)?;
        crate::builtins::set_type_attr(vm, key, "__hash__", Value::NONE);
        Ok(())
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "reduce", args, kwnames, 2, 3)?;
    let (func, seq) = (args[0], args[1]);
    let it = match vm.get_iter(seq) {
        Ok(it) => it,
        Err(e) if e.matches(&vm.heap, vm.heap.types().type_error) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    let mark = vm.push_temp(it);
    let result = (|| {
        let mut acc = args.get(2).copied();
        let acc_slot = vm.push_temp(acc.unwrap_or(Value::NONE));
        while let Some(item) = vm.iter_next(it)? {
            acc = Some(match acc {
                None => item,
                Some(a) => {
                    vm.push_temp(item);
                    let r = vm.call(func, &[a, item])?;
                    vm.truncate_temps(acc_slot);
                    r
                }
            });
            vm.truncate_temps(acc_slot);
            vm.push_temp(acc.unwrap_or(Value::NONE));
        }
        acc.ok_or_else(|| vm.type_error("reduce() of empty sequence with no initial value"))
    })();
    vm.truncate_temps(mark);
    result
}

// ---- partial

const FUNC: &str = "func";
const ARGS: &str = "args";
const KEYWORDS: &str = "keywords";

fn partial_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = args[0];
    let (positional, kwargs) = split_kwargs(&args[1..], kwnames);
    let Some((&first, rest)) = positional.split_first() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !crate::builtins::functions::is_callable(vm, first) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let base = module_attr(vm, "_functools", "partial")?;
    let mut func = first;
    let mut call_args = rest.to_vec();
    let mut keywords: Vec<(Value, Value)> = Vec::new();
    // A partial of a partial (both exactly `partial`) is flattened.
    if cls == base && vm.heap.type_of(first) == base {
        if let (Some(f), Some(a), Some(k)) =
            (state(vm, first, FUNC), state(vm, first, ARGS), state(vm, first, KEYWORDS))
        {
            func = f;
            let mut inner = tuple_of(a).map(|t| t.items().to_vec()).unwrap_or_default();
            inner.extend(call_args);
            call_args = inner;
            keywords = vm.dict_items(k);
        }
    }
    let t = crate::object::Gc::<crate::object::types::TypeObj>::from_value(cls)
        .ok_or_else(|| vm.type_error("partial.__new__(X): X is not a type object"))?;
    let obj = vm.heap.new_instance(t);
    let mark = vm.push_temp(obj);
    let result = (|| {
        set_state(vm, obj, FUNC, func)?;
        let tuple = vm.heap.new_tuple(&call_args);
        set_state(vm, obj, ARGS, tuple)?;
        let dict = vm.new_dict_from_pairs(&[])?;
        set_state(vm, obj, KEYWORDS, dict)?;
        for (k, v) in keywords {
            vm.dict_set_item(dict, k, v)?;
        }
        for (k, v) in kwargs {
            let key = vm.heap.new_str(&k);
            vm.dict_set_item(dict, key, v)?;
        }
        Ok(obj)
    })();
    vm.truncate_temps(mark);
    result
}

/// (func, args, keywords) of a partial.
fn partial_parts(vm: &Vm, this: Value) -> PyResult<StoredCall> {
    let func = receiver_state(vm, this, FUNC, "__call__", "functools.partial")?;
    let args = receiver_state(vm, this, ARGS, "__call__", "functools.partial")?;
    let keywords = receiver_state(vm, this, KEYWORDS, "__call__", "functools.partial")?;
    let args = tuple_of(args).map(|t| t.items().to_vec()).unwrap_or_default();
    let keywords = if vm.is_dict(keywords) { vm.dict_items(keywords) } else { Vec::new() };
    Ok(StoredCall { target: func, args, keywords })
}

fn partial_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let StoredCall { target: func, args: mut call_args, keywords } = partial_parts(vm, args[0])?;
    let npos = args.len() - kwnames.len();
    call_args.extend_from_slice(&args[1..npos]);
    let mut names: Vec<Value> = Vec::with_capacity(keywords.len() + kwnames.len());
    let mut values: Vec<Value> = Vec::with_capacity(names.capacity());
    for (k, v) in keywords {
        let overridden = kwnames
            .iter()
            .any(|n| str_of(*n).zip(str_of(k)).is_some_and(|(a, b)| a.as_wtf8() == b.as_wtf8()));
        if !overridden {
            names.push(k);
            values.push(v);
        }
    }
    names.extend_from_slice(kwnames);
    values.extend_from_slice(&args[npos..]);
    call_args.extend(values);
    let mark = vm.push_temp(func);
    for v in &call_args {
        vm.push_temp(*v);
    }
    let result = vm.call_kw(func, &call_args, &names);
    vm.truncate_temps(mark);
    result
}

fn partial_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_args(vm, args, kwnames, "__repr__")?;
    let call = partial_parts(vm, args[0])?;
    let base = module_attr(vm, "_functools", "partial")?;
    let name = if vm.heap.type_of(args[0]) == base {
        "functools.partial".to_string()
    } else {
        vm.heap.type_obj(args[0]).name()
    };
    let mut parts = vec![vm.repr_of_value(call.target)?];
    parts.extend(call.argument_reprs(vm)?);
    Ok(vm.heap.new_str_from_string(format!("{name}({})", parts.join(", "))))
}

// ---- cmp_to_key

const CMP: &str = "_tachyon_cmp";

fn new_key(vm: &mut Vm, cmp: Value, obj: Option<Value>) -> PyResult {
    let key = new_instance_of(vm, "_functools", "KeyWrapper")?;
    let mark = vm.push_temp(key);
    let result = set_state(vm, key, CMP, cmp).and_then(|_| match obj {
        Some(o) => set_state(vm, key, "obj", o),
        None => Ok(()),
    });
    vm.truncate_temps(mark);
    result.map(|_| key)
}

fn cmp_to_key(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let bound =
        crate::builtins::str_methods::keyword_args(vm, args, kwnames, "cmp_to_key", &["mycmp"])?;
    let Some(cmp) = bound[0] else {
        return Err(vm.type_error("cmp_to_key() missing required argument 'mycmp' (pos 1)"));
    };
    new_key(vm, cmp, None)
}

fn key_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let bound = crate::builtins::str_methods::keyword_args(vm, &args[1..], kwnames, "K", &["obj"])?;
    let Some(obj) = bound[0] else {
        return Err(vm.type_error("K() missing required argument 'obj' (pos 1)"));
    };
    let cmp = receiver_state(vm, args[0], CMP, "__call__", "functools.KeyWrapper")?;
    new_key(vm, cmp, Some(obj))
}

fn key_compare(vm: &mut Vm, args: &[Value], kwnames: &[Value], op: CmpOp) -> PyResult {
    let other = method_one_arg(vm, args, kwnames, "compare")?;
    let cmp = receiver_state(vm, args[0], CMP, "__lt__", "functools.KeyWrapper")?;
    let pair = match state(vm, other, CMP) {
        Some(_) => state(vm, args[0], "obj").zip(state(vm, other, "obj")),
        None => None,
    };
    let Some((a, b)) = pair else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let r = vm.call(cmp, &[a, b])?;
    let zero = vm.heap.new_int_i64(0);
    vm.rich_compare(op, r, zero)
}

rich_comparisons!(key_compare);
