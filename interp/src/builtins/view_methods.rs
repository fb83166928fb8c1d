//! The methods of the dict views (`dict_keys`, `dict_values`,
//! `dict_items`) as Python sees them: `len`, iteration, `in`, reversal,
//! and for keys and items the set operators (with any iterable on either
//! side) and `isdisjoint`. The operators themselves are the VM's
//! (`Vm::set_binary`); these reach them when called by name.

use super::add_method;
use crate::bytecode::instr::{BinOp, CmpOp};
use crate::object::{Gc, Value};
use crate::vm::containers::{WrapperKind, WrapperObj};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let every_view: &[(&'static str, NativeFn)] =
        &[("__len__", len), ("__iter__", iter), ("__reversed__", reversed)];
    let set_like: &[(&'static str, NativeFn)] = &[
        ("__contains__", contains),
        ("__and__", and),
        ("__rand__", rand),
        ("__or__", or),
        ("__ror__", ror),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__xor__", xor),
        ("__rxor__", rxor),
        ("isdisjoint", isdisjoint),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
    ];
    for ty in [t.dict_keys, t.dict_values, t.dict_items] {
        for (name, f) in every_view {
            add_method(vm, ty, name, *f);
        }
    }
    for ty in [t.dict_keys, t.dict_items] {
        for (name, f) in set_like {
            add_method(vm, ty, name, *f);
        }
    }
}

/// The view a method was called on.
fn receiver(vm: &Vm, args: &[Value], name: &str) -> PyResult<Gc<WrapperObj>> {
    args.first()
        .and_then(|&v| Gc::<WrapperObj>::from_value(v))
        .filter(|w| w.kind != WrapperKind::MappingProxy)
        .ok_or_else(|| vm.type_error(&format!("descriptor '{name}' needs a dict view")))
}

/// The receiver and its one argument, with a slot wrapper's arity check.
fn with_one(vm: &Vm, args: &[Value], name: &str) -> PyResult<(Value, Value)> {
    receiver(vm, args, name)?;
    match args {
        [view, other] => Ok((*view, *other)),
        _ => Err(vm.type_error(&format!("expected 1 argument, got {}", args.len() - 1))),
    }
}

fn no_arguments(vm: &Vm, args: &[Value], name: &str) -> PyResult<Value> {
    receiver(vm, args, name)?;
    match args.len() {
        1 => Ok(args[0]),
        n => Err(vm.type_error(&format!("expected 0 arguments, got {}", n - 1))),
    }
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let view = no_arguments(vm, args, "__len__")?;
    let n = vm.view_len(view).unwrap_or(0);
    Ok(vm.heap.new_int_i64(n as i64))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let view = no_arguments(vm, args, "__iter__")?;
    vm.view_iter(view)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (view, item) = with_one(vm, args, "__contains__")?;
    vm.contains(view, item).map(Value::from_bool)
}

fn reversed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    receiver(vm, args, "__reversed__")?;
    super::method_no_args(vm, args, kw, "__reversed__")?;
    reversed_view(vm, args[0]).unwrap_or(Ok(Value::NONE))
}

/// `reversed(view)`: the dict's keys, values or items, last first; `None`
/// when `v` is no dict view.
pub fn reversed_view(vm: &mut Vm, v: Value) -> Option<PyResult> {
    let w = Gc::<WrapperObj>::from_value(v).filter(|w| w.kind != WrapperKind::MappingProxy)?;
    let pairs = vm.dict_items(w.target);
    let t = vm.heap.types();
    let (ty, items): (Value, Vec<Value>) = match w.kind {
        WrapperKind::DictValues => {
            (t.dict_reversevalueiterator, pairs.into_iter().map(|(_, v)| v).collect())
        }
        WrapperKind::DictItems => (
            t.dict_reverseitemiterator,
            pairs.into_iter().map(|(k, v)| vm.heap.new_tuple(&[k, v])).collect(),
        ),
        _ => (t.dict_reversekeyiterator, pairs.into_iter().map(|(k, _)| k).collect()),
    };
    Some(Ok(super::iterators::reversed_snapshot(vm, ty, &items)))
}

/// `view OP other` (or, `reflected`, `other OP view`): the operator on
/// sets of both sides' items, as CPython's `dictviews_*` build them.
fn set_operator(vm: &mut Vm, name: &str, op: BinOp, reflected: bool, args: &[Value]) -> PyResult {
    let (view, other) = with_one(vm, args, name)?;
    let not_implemented = vm.heap.singletons().not_implemented;
    if !reflected {
        if let Some(r) = vm.set_binary(op, view, other)? {
            return Ok(r);
        }
    }
    // Any iterable `other` becomes a set (`PySet_New(other)`, which fails
    // for a non-iterable).
    let items = vm.collect_iterable(other)?;
    let other = vm.new_set_from(&items)?;
    let (a, b) = if reflected { (other, view) } else { (view, other) };
    let result = vm.with_temp(other, |vm| vm.set_binary(op, a, b))?;
    Ok(result.unwrap_or(not_implemented))
}

crate::builtins::number_dunders::wrappers!(set_operator:
    and "__and__" BinOp::And, false; rand "__rand__" BinOp::And, true;
    or "__or__" BinOp::Or, false; ror "__ror__" BinOp::Or, true;
    sub "__sub__" BinOp::Sub, false; rsub "__rsub__" BinOp::Sub, true;
    xor "__xor__" BinOp::Xor, false; rxor "__rxor__" BinOp::Xor, true;
);

/// `view OP other` for the six comparisons, as CPython's
/// `dictview_richcompare`: against a set, frozenset, keys or items view,
/// by size and then whether every item of the smaller side is in the
/// other; NotImplemented against anything else.
fn compare(vm: &mut Vm, name: &str, op: CmpOp, args: &[Value]) -> PyResult {
    let (view, other) = with_one(vm, args, name)?;
    let is_view = Gc::<WrapperObj>::from_value(other)
        .is_some_and(|w| matches!(w.kind, WrapperKind::DictKeys | WrapperKind::DictItems));
    if !is_view && vm.set_ref(other).is_none() {
        return Ok(vm.heap.singletons().not_implemented);
    }
    let (len_a, len_b) = (vm.len_of(view)?, vm.len_of(other)?);
    let within = |vm: &mut Vm, small: Value, big: Value| -> PyResult<bool> {
        let items = vm.collect_iterable(small)?;
        let mark = vm.stack.len();
        vm.stack.extend_from_slice(&items);
        let r = items.iter().try_fold(true, |all, &x| Ok(all && vm.contains(big, x)?));
        vm.stack.truncate(mark);
        r
    };
    let result = match op {
        CmpOp::Eq | CmpOp::Ne => (len_a == len_b && within(vm, view, other)?) == (op == CmpOp::Eq),
        CmpOp::Lt => len_a < len_b && within(vm, view, other)?,
        CmpOp::Le => len_a <= len_b && within(vm, view, other)?,
        CmpOp::Gt => len_a > len_b && within(vm, other, view)?,
        _ => len_a >= len_b && within(vm, other, view)?,
    };
    Ok(Value::from_bool(result))
}

crate::builtins::number_dunders::wrappers!(compare:
    eq "__eq__" CmpOp::Eq; ne "__ne__" CmpOp::Ne; lt "__lt__" CmpOp::Lt;
    le "__le__" CmpOp::Le; gt "__gt__" CmpOp::Gt; ge "__ge__" CmpOp::Ge;
);

/// `view.isdisjoint(iterable)`: no item of `iterable` is in the view.
fn isdisjoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    receiver(vm, args, "isdisjoint")?;
    let other = super::method_one_arg(vm, args, kw, "isdisjoint")?;
    let items = vm.collect_iterable(other)?;
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let mut disjoint = Ok(true);
    for item in items {
        match vm.contains(args[0], item) {
            Ok(false) => {}
            Ok(true) => {
                disjoint = Ok(false);
                break;
            }
            Err(e) => {
                disjoint = Err(e);
                break;
            }
        }
    }
    vm.truncate_temps(mark);
    disjoint.map(Value::from_bool)
}
