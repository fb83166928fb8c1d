//! `collections.defaultdict`: the dict subclass whose `__missing__` calls
//! `default_factory`, after CPython 3.8's `defdict_*` functions in
//! Modules/_collectionsmodule.c (its messages, repr, copy and pickling).
//!
//! The class is a heap type with `dict` as its base, so it stays a real
//! dict (isinstance, every dict method, subclassable in Python) and its
//! instances are dict objects made by `dict.__new__`; the factory lives in
//! the dict layout's `default_factory` slot (`object::dict`).

use super::module_set;
use crate::builtins::{add_method, method_no_args, method_one_arg, set_type_attr};
use crate::object::attrmap::AttrMap;
use crate::object::dict::{dict_of, DictObj};
use crate::object::{Gc, Value};
use crate::vm::function::{NativeFn, PropertyObj};
use crate::vm::{PyResult, Vm};

/// Makes `defaultdict` in `module`.
pub fn install(vm: &mut Vm, module: Value) -> PyResult<()> {
    let types = vm.heap.types();
    let cls = vm.heap.new_class(types.type_, "defaultdict", &[types.dict], AttrMap::new())?;
    vm.heap.add_permanent_root(cls);
    let module_name = vm.heap.new_str("collections");
    set_type_attr(vm, cls, "__module__", module_name);
    let tp_name = vm.heap.new_str("collections.defaultdict");
    set_type_attr(vm, cls, "__tachyon_tp_name__", tp_name);
    let methods: [(&'static str, NativeFn); 6] = [
        ("__init__", init),
        ("__missing__", missing),
        ("__repr__", repr),
        ("copy", copy),
        ("__copy__", copy),
        ("__reduce__", reduce),
    ];
    for (name, f) in methods {
        add_method(vm, cls, name, f);
    }
    add_factory_attr(vm, cls);
    module_set(vm, module, "defaultdict", cls)
}

/// `default_factory`, read, written and deleted as CPython's `T_OBJECT`
/// member: any object may be stored, and a deleted one reads as None.
fn add_factory_attr(vm: &Vm, cls: Value) {
    let native = |name, f| crate::builtins::native(vm, name, f);
    let prop = PropertyObj::new(
        native("default_factory", get_factory),
        native("default_factory", set_factory),
        native("default_factory", del_factory),
        vm.heap.new_str("Factory for default value called by __missing__()."),
    );
    let prop = vm.heap.alloc(vm.heap.types().property, prop).value();
    set_type_attr(vm, cls, "default_factory", prop);
}

/// The dict a method was called on (the VM has checked it is a
/// defaultdict for the descriptors; the factory accessors check here).
fn receiver(vm: &Vm, v: Value) -> PyResult<Gc<DictObj>> {
    dict_of(v).ok_or_else(|| {
        vm.type_error(&format!(
            "descriptor 'default_factory' for 'collections.defaultdict' objects doesn't apply \
             to a '{}' object",
            vm.type_name(v)
        ))
    })
}

fn get_factory(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    Ok(receiver(vm, args[0])?.default_factory.get())
}

fn set_factory(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    receiver(vm, args[0])?.default_factory.set(args.get(1).copied().unwrap_or(Value::NONE));
    Ok(Value::NONE)
}

fn del_factory(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    receiver(vm, args[0])?.default_factory.set(Value::NONE);
    Ok(Value::NONE)
}

/// `defaultdict(default_factory=None, /, [...])`: the first positional
/// argument is the factory, the rest go to `dict.__init__`. The factory is
/// set before the items are added, as CPython's `defdict_init` does.
fn init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0])?;
    let positional = args.len() - 1 - kwnames.len();
    let factory = if positional > 0 { args[1] } else { Value::NONE };
    if !factory.is_none() && !crate::builtins::functions::is_callable(vm, factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    d.default_factory.set(factory);
    let mut rest = Vec::with_capacity(args.len());
    rest.push(args[0]);
    rest.extend_from_slice(&args[1 + positional.min(1)..]);
    let dict_init = vm.heap.intern("__init__");
    let dict_t = vm.heap.types().dict;
    let Some(f) =
        Gc::<crate::object::types::TypeObj>::from_value(dict_t).and_then(|t| t.own_attr(dict_init))
    else {
        return Err(vm.type_error("dict has no __init__"));
    };
    vm.call_kw(f, &rest, kwnames)
}

/// `__missing__(key)`: KeyError(key) without a factory, else
/// `self[key] = default_factory()` (through a subclass's `__setitem__`)
/// and that value.
fn missing(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let key = method_one_arg(vm, args, kwnames, "__missing__")?;
    let factory = receiver(vm, args[0])?.default_factory.get();
    if factory.is_none() {
        return Err(vm.key_error(key));
    }
    let value = vm.call(factory, &[])?;
    vm.with_temp(value, |vm| vm.set_item(args[0], key, value))?;
    Ok(value)
}

/// `Name(factory_repr, {...})`, where a factory already being shown
/// further up (it reaches this dict again) is `...`.
fn repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__repr__")?;
    let this = args[0];
    let factory = receiver(vm, this)?.default_factory.get();
    let base = vm.native_repr(this)?;
    let factory_text = if factory.is_none() {
        "None".to_string()
    } else if vm.repr_stack.contains(&factory) {
        "...".to_string()
    } else {
        vm.repr_stack.push(factory);
        let text = vm.repr_of_value(factory);
        vm.repr_stack.pop();
        text?
    };
    let name = vm.heap.type_obj(this).name();
    Ok(vm.heap.new_str_from_string(format!("{name}({factory_text}, {base})")))
}

/// `copy()` and `__copy__()`: `type(self)(self.default_factory, self)`.
fn copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "copy")?;
    let factory = receiver(vm, args[0])?.default_factory.get();
    let cls = vm.heap.type_of(args[0]);
    vm.call(cls, &[factory, args[0]])
}

/// `__reduce__()`: `(type(self), (factory,) or (), None, None,
/// iter(self.items()))`.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let this = args[0];
    let factory = receiver(vm, this)?.default_factory.get();
    let mark = vm.stack.len();
    let r = (|| {
        let fargs = if factory.is_none() { &[][..] } else { std::slice::from_ref(&factory) };
        let fargs = vm.heap.new_tuple(fargs);
        vm.push_temp(fargs);
        let items = vm.call_method_by_name(this, "items", &[])?;
        vm.push_temp(items);
        let it = vm.get_iter(items)?;
        vm.push_temp(it);
        let cls = vm.heap.type_of(this);
        Ok(vm.heap.new_tuple(&[cls, fargs, Value::NONE, Value::NONE, it]))
    })();
    vm.truncate_temps(mark);
    r
}
