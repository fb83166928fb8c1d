//! The special methods of the built-in containers as Python sees them
//! (`list.__getitem__`, `frozenset(...).__contains__`, `dict.__len__`, ...):
//! they work on the object's built-in layout, so a subclass's method that
//! calls `super().__getitem__(key)` reaches the built-in behaviour, not
//! itself. The VM's own dispatch recognises them as native and skips the
//! call.

use super::{add_method, set_type_attr};
use crate::bytecode::instr::BinOp;
use crate::object::boxes::ComplexObj;
use crate::object::{Gc, ObjHeader, ObjKind, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let containers = [t.list, t.tuple, t.str, t.bytes, t.bytearray, t.dict, t.range];
    let table: &[(&'static str, NativeFn, &[Value])] = &[
        ("__getitem__", getitem, &containers),
        ("__setitem__", setitem, &[t.list, t.dict, t.bytearray]),
        ("__delitem__", delitem, &[t.list, t.dict, t.bytearray]),
        (
            "__len__",
            len,
            &[t.list, t.tuple, t.str, t.bytes, t.bytearray, t.dict, t.set, t.frozenset, t.range],
        ),
        (
            "__iter__",
            iter,
            &[t.list, t.tuple, t.str, t.bytes, t.bytearray, t.dict, t.set, t.frozenset, t.range],
        ),
        (
            "__contains__",
            contains,
            &[t.list, t.tuple, t.str, t.bytes, t.bytearray, t.dict, t.set, t.frozenset, t.range],
        ),
        ("__reversed__", super::iterators::reversed_method, &[t.list, t.range]),
        ("__bool__", to_bool, &[t.range, t.none_type]),
        (
            "__hash__",
            hash,
            &[t.str, t.bytes, t.tuple, t.frozenset, t.range, t.int, t.float, t.complex],
        ),
    ];
    for (name, func, types) in table {
        for ty in *types {
            add_method(vm, *ty, name, *func);
        }
    }
    let sequences = [t.list, t.tuple, t.str, t.bytes, t.bytearray];
    let operators: &[(&'static str, NativeFn, &[Value])] = &[
        ("__add__", add, &sequences),
        ("__mul__", mul, &sequences),
        ("__rmul__", mul, &sequences),
        ("__mod__", modulo, &[t.str]),
        ("__mod__", bytes_modulo, &[t.bytes, t.bytearray]),
        ("__rmod__", rmodulo, &[t.str, t.bytes, t.bytearray]),
        ("__str__", bytes_str, &[t.bytes, t.bytearray]),
        ("__getnewargs__", getnewargs, &[t.str, t.bytes, t.int, t.float, t.tuple, t.complex]),
    ];
    for (name, func, types) in operators {
        for ty in *types {
            add_method(vm, *ty, name, *func);
        }
    }
    // Mutable containers say they are unhashable the way CPython's do, so
    // `collections.abc.Hashable` and `_check_methods` see `__hash__ = None`.
    // Key and item views compare as sets, so they are unhashable too.
    for ty in [t.list, t.dict, t.set, t.bytearray, t.dict_keys, t.dict_items] {
        set_type_attr(vm, ty, "__hash__", Value::NONE);
    }
}

/// `seq.__add__(other)`: CPython's `sq_concat`, which raises for an
/// operand of another kind rather than declining (the VM's `+` asks the
/// other operand's `__radd__` before it gets here).
fn add(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__add__", args, kw, 1)?;
    vm.sequence_concat(args[0], args[1])
}

/// `seq.__mul__(n)` and `seq.__rmul__(n)`: CPython's `sq_repeat`, which
/// takes only an index.
fn mul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__mul__", args, kw, 1)?;
    let Some(n) = vm.as_index(args[1])? else {
        let name = vm.type_name(args[1]);
        return Err(vm.type_error(&format!("'{name}' object cannot be interpreted as an integer")));
    };
    vm.sequence_repeat(args[0], args[1], &n)
}

/// `str.__mod__`: %-formatting takes any right operand, user objects too.
fn modulo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__mod__", args, kw, 1)?;
    let fmt = vm.builtin_base_value(args[0]);
    // A tuple subclass (a namedtuple) is the argument tuple, as
    // `PyTuple_Check` says in CPython; other objects are one argument.
    let values = vm.builtin_base_value(args[1]);
    let values = if crate::object::tuple::tuple_of(values).is_some() { values } else { args[1] };
    vm.percent_format(fmt, values)
}

/// `bytes.__mod__`: PEP 461 formatting, in `bytes_format.py`.
fn bytes_modulo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__mod__", args, kw, 1)?;
    let fmt = vm.builtin_base_value(args[0]);
    vm.with_temp(fmt, |vm| {
        crate::modules::call_lazy_class(vm, "_tachyon_bytes_format", "format", &[fmt, args[1]], &[])
    })
}

/// `str.__rmod__` and the bytes ones: `other % self` when `other` is of
/// the same kind (which then formats), else NotImplemented.
fn rmodulo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__rmod__", args, kw, 1)?;
    let kind = |v: Value| ObjHeader::of(v).map(|h| h.kind());
    if kind(args[0]) != kind(args[1]) {
        return Ok(vm.heap.singletons().not_implemented);
    }
    vm.binary_op(BinOp::Mod, args[1], args[0])
}

/// `range.__bool__` and `NoneType.__bool__`.
fn to_bool(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__bool__", args, kw, 0)?;
    vm.is_true(args[0]).map(Value::from_bool)
}

/// `bytes.__str__`: the built-in repr, whatever `__repr__` a subclass has
/// (CPython's `bytes_str`).
fn bytes_str(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__str__", args, kw, 0)?;
    let base = vm.builtin_base_value(args[0]);
    vm.with_temp(base, |vm| vm.repr_value(base))
}

/// `__getnewargs__` of the immutable built-ins: `(base value,)`, what a
/// subclass instance is rebuilt from when copied or pickled.
fn getnewargs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__getnewargs__", args, kw, 0)?;
    let base = vm.builtin_base_value(args[0]);
    if let Some(c) = Gc::<ComplexObj>::from_value(base) {
        // complex is rebuilt from its two parts.
        return Ok(vm.heap.new_tuple(&[Value::from_f64(c.re), Value::from_f64(c.im)]));
    }
    Ok(vm.heap.new_tuple(&[base]))
}

/// CPython's wording of a wrong argument count, which depends on how the
/// method is defined there: a `METH_O` method (list's and dict's
/// `__getitem__`, set's and dict's `__contains__`), a slot wrapper that
/// unpacks with an empty name (`__setitem__`, sequence `__mul__`), or a
/// plain slot wrapper.
/// A method that is no slot wrapper (`__getnewargs__`, `__reversed__`)
/// speaks as `METH_NOARGS` does, and takes no keyword arguments either
/// (slot wrappers refuse those before they are called).
fn expect_args(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value], n: usize) -> PyResult<()> {
    let owner = args.first().map(|&v| vm.type_name(v)).unwrap_or_default();
    let is_method = !super::slot_wrappers::is_slot_wrapper(&owner, name);
    if is_method && !kwnames.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if args.len() == n + 1 {
        return Ok(());
    }
    let got = args.len().saturating_sub(1);
    let kind = args.first().and_then(|&v| ObjHeader::of(v)).map(|h| h.kind());
    let takes_one = match name {
        "__getitem__" => matches!(kind, Some(ObjKind::List | ObjKind::Dict)),
        "__contains__" => matches!(kind, Some(ObjKind::Set | ObjKind::FrozenSet | ObjKind::Dict)),
        _ => false,
    };
    let plural = if n == 1 { "" } else { "s" };
    Err(vm.type_error(&if takes_one {
        format!("{name}() takes exactly one argument ({got} given)")
    } else if is_method && n == 0 {
        format!("{name}() takes no arguments ({got} given)")
    } else if matches!(name, "__setitem__" | "__mul__" | "__rmul__") {
        format!(" expected {n} argument{plural}, got {got}")
    } else {
        format!("expected {n} argument{plural}, got {got}")
    }))
}

/// `x.__hash__()` of a hashable built-in value: `hash()` of its layout
/// (what `object.__hash__`, the identity hash, would get wrong).
fn hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__hash__", args, kw, 0)?;
    let base = vm.builtin_base_value(args[0]);
    let h = vm.hash_value(base)?;
    Ok(vm.heap.new_int_i64(h))
}

fn getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__getitem__", args, kw, 1)?;
    vm.get_item_builtin(args[0], args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__setitem__", args, kw, 2)?;
    vm.set_item_builtin(args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__delitem__", args, kw, 1)?;
    vm.del_item_builtin(args[0], args[1])?;
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__len__", args, kw, 0)?;
    match vm.native_len(args[0]) {
        Some(n) => Ok(vm.heap.new_int_i64(n as i64)),
        None => Err(vm.type_error("__len__ of an object without a built-in length")),
    }
}

fn iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__iter__", args, kw, 0)?;
    vm.get_iter_builtin(args[0])
}

fn contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    expect_args(vm, "__contains__", args, kw, 1)?;
    let (container, item) = (args[0], args[1]);
    let found = match ObjHeader::of(container).map(|h| h.kind()) {
        Some(ObjKind::Dict) => vm.dict_get_item(container, item)?.is_some(),
        Some(ObjKind::Set | ObjKind::FrozenSet) => vm.set_contains(container, item)?,
        Some(ObjKind::List | ObjKind::Tuple) => {
            let items = vm.collect_iterable(vm.builtin_base_value(container))?;
            let mark = vm.stack.len();
            vm.stack.extend_from_slice(&items);
            let mut found = false;
            for x in items {
                match vm.keys_equal(x, item) {
                    Ok(true) => {
                        found = true;
                        break;
                    }
                    Ok(false) => {}
                    Err(e) => {
                        vm.truncate_temps(mark);
                        return Err(e);
                    }
                }
            }
            vm.truncate_temps(mark);
            found
        }
        _ => {
            let base = vm.builtin_base_value(container);
            vm.contains(base, item)?
        }
    };
    Ok(Value::from_bool(found))
}
