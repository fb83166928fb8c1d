//! `_weakref`: `ref` over the heap's weak references (`object/weakref.rs`),
//! with `ref(obj, callback)` and calling a ref for its target.
//!
//! `ref` may be subclassed (`weakref.KeyedRef`, `WeakMethod`); a plain
//! `ref(obj)` without callback is shared as in CPython.
//!
//! `proxy`, its two types and `getweakrefs` (which reports a proxy rather
//! than the ref inside it) come from `weakproxy.py`, run in the module.

use super::module_set;
use crate::builtins::constructors::class_arg;
use crate::builtins::number_methods::add_native_attr;
use crate::builtins::{add_method, add_new, arg_range, method_no_args, native_in};
use crate::bytecode::instr::CmpOp;
use crate::object::weakref::WeakRefObj;
use crate::object::{Gc, Value};
use crate::vm::format::address;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// Gives the builtin `weakref` type its constructor and `__call__` (at
/// start-up, with the other built-in types' methods).
pub fn install_type(vm: &mut Vm) {
    let t = vm.heap.types().weakref;
    add_new(vm, t, ref_new);
    add_method(vm, t, "__call__", ref_call);
    add_method(vm, t, "__init__", ref_init);
    add_method(vm, t, "__eq__", |vm, a, _| ref_compare(vm, CmpOp::Eq, a));
    add_method(vm, t, "__ne__", |vm, a, _| ref_compare(vm, CmpOp::Ne, a));
    add_method(vm, t, "__hash__", ref_hash_method);
    add_native_attr(vm, false, t, "__callback__", ref_callback);
}

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_weakref")?;
    let mark = vm.push_temp(module);
    let result = (|| {
        let ref_type = vm.heap.types().weakref;
        for name in ["ref", "ReferenceType"] {
            module_set(vm, module, name, ref_type)?;
        }
        let funcs: &[(&'static str, NativeFn)] = &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("_remove_dead_weakref", remove_dead_weakref),
        ];
        funcs.iter().try_for_each(|(name, f)| {
            let v = native_in(vm, module, name, *f);
            module_set(vm, module, name, v)
        })?;
        let dict = crate::vm::function::module_of(module).map(|m| m.dict).unwrap_or(Value::NONE);
        let source = include_str!("weakproxy.py").as_bytes();
        vm.exec_source_in(source, "<tachyon _weakref>", dict, dict)?;
        super::as_builtin_functions(vm, module)
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

fn ref_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = class_arg(vm, args, vm.heap.types().weakref, "weakref")?;
    let rest = arg_range(vm, "__new__", positional(&args[1..], kwnames), &[], 1, 2)?;
    let callback = rest.get(1).copied().unwrap_or(Value::NONE);
    // A class whose `__slots__` leave out `__weakref__` takes none.
    let ty = vm.heap.type_obj(rest[0]);
    if !crate::builtins::type_layout::class_takes_weakrefs(vm, ty) {
        let msg = format!("cannot create weak reference to '{}' object", ty.name());
        return Err(vm.type_error(&msg));
    }
    vm.heap.new_weakref_of_type(cls, rest[0], callback)
}

/// `ref.__init__(obj[, callback])`: `__new__` did the work; this checks
/// the arguments a subclass passes up.
fn ref_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    as_ref(vm, args.first().copied(), "__init__")?;
    let rest = crate::builtins::no_kwargs(vm, "ref", &args[1..], kwnames)?;
    arg_range(vm, "__init__", rest, &[], 1, 2)?;
    Ok(Value::NONE)
}

/// The positional arguments: `ref.__new__` ignores keyword arguments
/// (CPython's `parse_weakref_init_args`), which a subclass's constructor
/// takes for itself; `ref.__init__` refuses them.
fn positional<'a>(args: &'a [Value], kwnames: &[Value]) -> &'a [Value] {
    &args[..args.len().saturating_sub(kwnames.len())]
}

/// The callback, until the target dies (CPython drops it then).
fn ref_callback(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let w = as_ref(vm, args.first().copied(), "__callback__")?;
    Ok(if w.get().is_none() { Value::NONE } else { w.callback() })
}

/// `ref == other`: two live refs compare as their targets; otherwise
/// refs are equal only to themselves.
fn ref_compare(vm: &mut Vm, op: CmpOp, args: &[Value]) -> PyResult {
    let not_implemented = vm.heap.singletons().not_implemented;
    let &[a, b] = args else {
        return Err(vm.type_error(&format!("expected 1 argument, got {}", args.len().max(1) - 1)));
    };
    let (Some(x), Some(y)) = (Gc::<WeakRefObj>::from_value(a), Gc::<WeakRefObj>::from_value(b))
    else {
        return Ok(not_implemented);
    };
    let (tx, ty) = (x.get(), y.get());
    if tx.is_none() || ty.is_none() {
        return Ok(Value::from_bool((a == b) == (op == CmpOp::Eq)));
    }
    vm.rich_compare(op, tx, ty)
}

fn ref_hash_method(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "weakref")?;
    let h = hash(vm, args[0])?;
    Ok(vm.heap.new_int_i64(h))
}

/// `hash(ref)`: the target's hash, kept once computed so that a key stays
/// findable after its target dies; a ref first hashed when dead fails.
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let w = as_ref(vm, Some(v), "__hash__")?;
    if let Some(h) = w.hash.get() {
        return Ok(h);
    }
    let target = w.get();
    if target.is_none() {
        return Err(vm.type_error("weak object has gone away"));
    }
    let h = vm.hash_value(target)?;
    w.hash.set(Some(h));
    Ok(h)
}

/// `<weakref at 0x..; to 'C' at 0x.. (name)>`, or `; dead>`.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let target = as_ref(vm, Some(v), "__repr__")?.get();
    if target.is_none() {
        return Ok(format!("<weakref at {}; dead>", address(v)));
    }
    let key = vm.heap.intern("__name__");
    let name = match vm.get_attr(target, key) {
        Ok(n) => crate::object::str::str_of(n).map(|s| s.to_string_lossy().into_owned()),
        Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => None,
        Err(e) => return Err(e),
    };
    let to = format!("to '{}' at {}", vm.type_name(target), address(target));
    Ok(match name {
        Some(n) => format!("<weakref at {}; {to} ({n})>", address(v)),
        None => format!("<weakref at {}; {to}>", address(v)),
    })
}

fn as_ref(vm: &Vm, v: Option<Value>, what: &str) -> PyResult<Gc<WeakRefObj>> {
    v.and_then(Gc::<WeakRefObj>::from_value).ok_or_else(|| {
        vm.type_error(&format!("descriptor '{what}' requires a 'weakref.ReferenceType' object"))
    })
}

fn ref_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "weakref")?;
    match Gc::<WeakRefObj>::from_value(args[0]) {
        Some(w) => Ok(w.get()),
        None => Err(vm.type_error("descriptor '__call__' requires a 'weakref' object")),
    }
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = [crate::builtins::exactly_one(vm, "getweakrefcount", args, kwnames)?];
    let n = vm.heap.weakrefs_to(args[0]).len();
    Ok(vm.heap.new_int_i64(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "getweakrefs", args, kwnames, 1, 1)?;
    let refs = vm.heap.weakrefs_to(args[0]);
    Ok(vm.heap.new_list(&refs))
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
