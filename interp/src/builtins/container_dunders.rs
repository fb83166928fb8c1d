//! Ordering, set-operator and in-place methods of the built-in containers
//! as Python sees them (`'a'.__lt__('b')`, `list.__ge__`, `{1}.__or__({2})`,
//! `frozenset.__rsub__`, `list.__iadd__`, `set.__ior__`): the native
//! operation on the built-in values, or `NotImplemented` when the other
//! operand is not of a kind the type compares or combines with.

use super::add_method;
use super::number_dunders::wrappers;
use crate::bytecode::instr::{BinOp, CmpOp};
use crate::object::bytes::bytearray_of;
use crate::object::list::list_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, ObjHeader, ObjKind, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// Which kinds compare with each other natively.
fn family(kind: ObjKind) -> Option<u8> {
    Some(match kind {
        ObjKind::Str => 0,
        ObjKind::Bytes | ObjKind::ByteArray => 1,
        ObjKind::List => 2,
        ObjKind::Tuple => 3,
        ObjKind::Set | ObjKind::FrozenSet => 4,
        ObjKind::Dict => 5,
        _ => return None,
    })
}

fn operands(vm: &Vm, args: &[Value]) -> PyResult<(Value, Value)> {
    if args.len() != 2 {
        return Err(
            vm.type_error(&format!("expected 1 argument, got {}", args.len().saturating_sub(1)))
        );
    }
    Ok((vm.builtin_base_value(args[0]), vm.builtin_base_value(args[1])))
}

fn same_family(a: Value, b: Value) -> bool {
    let kind = |v: Value| ObjHeader::of(v).and_then(|h| family(h.kind()));
    kind(a).is_some() && kind(a) == kind(b)
}

fn compare(vm: &mut Vm, _name: &str, op: CmpOp, args: &[Value]) -> PyResult {
    let (a, b) = operands(vm, args)?;
    let not_implemented = vm.heap.singletons().not_implemented;
    if !same_family(a, b) || vm.is_user_typed(a) || vm.is_user_typed(b) {
        return Ok(not_implemented);
    }
    // bytearray compares with any bytes-like object, bytes only with bytes.
    let kind = |v: Value| ObjHeader::of(v).map(|h| h.kind());
    if kind(a) == Some(ObjKind::Bytes) && kind(b) != Some(ObjKind::Bytes) {
        return Ok(not_implemented);
    }
    Ok(vm.native_compare(op, a, b)?.map_or(not_implemented, Value::from_bool))
}

fn set_operator(vm: &mut Vm, _name: &str, op: BinOp, reflected: bool, args: &[Value]) -> PyResult {
    let (a, b) = operands(vm, args)?;
    let not_implemented = vm.heap.singletons().not_implemented;
    if !same_family(a, b) || vm.is_user_typed(a) || vm.is_user_typed(b) {
        return Ok(not_implemented);
    }
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    Ok(vm.native_binary(op, x, y)?.unwrap_or(not_implemented))
}

wrappers!(compare:
    lt "__lt__" CmpOp::Lt; le "__le__" CmpOp::Le; gt "__gt__" CmpOp::Gt; ge "__ge__" CmpOp::Ge;
    eq "__eq__" CmpOp::Eq; ne "__ne__" CmpOp::Ne;
);
wrappers!(set_operator:
    or "__or__" BinOp::Or, false; ror "__ror__" BinOp::Or, true;
    and "__and__" BinOp::And, false; rand "__rand__" BinOp::And, true;
    sub "__sub__" BinOp::Sub, false; rsub "__rsub__" BinOp::Sub, true;
    xor "__xor__" BinOp::Xor, false; rxor "__rxor__" BinOp::Xor, true;
);

/// `list.__iadd__`/`bytearray.__iadd__`: extend in place, return self.
fn iadd(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    operands(vm, args)?;
    if let Some(list) = list_of(args[0]) {
        let items = vm.collect_iterable(args[1])?;
        items.into_iter().for_each(|item| list.items.push(item));
        return Ok(args[0]);
    }
    let not_implemented = vm.heap.singletons().not_implemented;
    match (bytearray_of(args[0]), super::bytes_methods::bytes_like(args[1])) {
        (Some(array), Some(tail)) => {
            array.data.borrow_mut().extend_from_slice(&tail);
            Ok(args[0])
        }
        (Some(_), None) => {
            Err(vm.type_error(&format!("can't concat {} to bytearray", vm.type_name(args[1]))))
        }
        _ => Ok(not_implemented),
    }
}

/// `list.__imul__`/`bytearray.__imul__`: repeat in place, return self.
fn imul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    operands(vm, args)?;
    let Some(n) = vm.as_index(args[1])? else {
        return Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(args[1])
        )));
    };
    let n = usize::try_from(n.to_i64().unwrap_or(i64::MAX).max(0)).unwrap_or(usize::MAX);
    if let Some(list) = list_of(args[0]) {
        let items: Vec<Value> = (0..list.items.len()).filter_map(|i| list.items.get(i)).collect();
        if n == 0 {
            list.items.clear();
        }
        for _ in 1..n {
            items.iter().for_each(|&item| list.items.push(item));
        }
    } else if let Some(array) = bytearray_of(args[0]) {
        let data = array.data.borrow().clone();
        let mut out = Vec::with_capacity(data.len().saturating_mul(n));
        (0..n).for_each(|_| out.extend_from_slice(&data));
        *array.data.borrow_mut() = out;
    }
    Ok(args[0])
}

/// `set.__ior__` and friends: the matching `*update` method of `set` when
/// the other operand is a set or frozenset, else NotImplemented.
fn set_inplace(vm: &mut Vm, update: &str, args: &[Value]) -> PyResult {
    operands(vm, args)?;
    let t = vm.heap.types();
    if !vm.heap.is_instance(args[1], t.set) && !vm.heap.is_instance(args[1], t.frozenset) {
        return Ok(vm.heap.singletons().not_implemented);
    }
    let set_type = Gc::<TypeObj>::from_value(t.set).expect("set is a type");
    let method = set_type.own_attr(vm.heap.intern(update)).expect("set's update methods");
    vm.call(method, &[args[0], args[1]])?;
    Ok(args[0])
}

fn ior(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    set_inplace(vm, "update", args)
}

fn iand(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    set_inplace(vm, "intersection_update", args)
}

fn isub(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    set_inplace(vm, "difference_update", args)
}

fn ixor(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    set_inplace(vm, "symmetric_difference_update", args)
}

/// `str.__rmod__` and `bytes.__rmod__`: `x % s` with `s` on the right is
/// never formatting, so the answer is always NotImplemented.
fn rmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    operands(vm, args)?;
    Ok(vm.heap.singletons().not_implemented)
}

/// `list.__reversed__`, `range.__reversed__`: `reversed(self)`.
fn reversed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "__reversed__() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let key = vm.heap.intern("reversed");
    let builtins = vm.builtins;
    let f = vm.dict_get_item(builtins, key)?.ok_or_else(|| vm.type_error("no reversed"))?;
    vm.call(f, &[args[0]])
}

/// `range.__bool__`: whether it has items.
fn range_bool(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let n = vm.len_of(args[0])?;
    Ok(Value::from_bool(n != 0))
}

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let in_place: &[(&'static str, NativeFn, &[Value])] = &[
        ("__iadd__", iadd, &[t.list, t.bytearray]),
        ("__imul__", imul, &[t.list, t.bytearray]),
        ("__ior__", ior, &[t.set]),
        ("__iand__", iand, &[t.set]),
        ("__isub__", isub, &[t.set]),
        ("__ixor__", ixor, &[t.set]),
        ("__rmod__", rmod, &[t.str, t.bytes, t.bytearray]),
        ("__reversed__", reversed, &[t.list, t.range, t.dict]),
        ("__eq__", eq, &[t.str, t.bytes, t.bytearray, t.list, t.tuple, t.dict, t.set, t.frozenset]),
        ("__ne__", ne, &[t.str, t.bytes, t.bytearray, t.list, t.tuple, t.dict, t.set, t.frozenset]),
        ("__bool__", range_bool, &[t.range]),
    ];
    for (name, f, types) in in_place {
        for ty in *types {
            add_method(vm, *ty, name, *f);
        }
    }
    let ordering: &[(&'static str, NativeFn)] =
        &[("__lt__", lt), ("__le__", le), ("__gt__", gt), ("__ge__", ge)];
    for ty in [t.str, t.bytes, t.bytearray, t.list, t.tuple, t.set, t.frozenset] {
        for (name, f) in ordering {
            add_method(vm, ty, name, *f);
        }
    }
    let set_ops: &[(&'static str, NativeFn)] = &[
        ("__or__", or),
        ("__ror__", ror),
        ("__and__", and),
        ("__rand__", rand),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__xor__", xor),
        ("__rxor__", rxor),
    ];
    for ty in [t.set, t.frozenset] {
        for (name, f) in set_ops {
            add_method(vm, ty, name, *f);
        }
    }
}
