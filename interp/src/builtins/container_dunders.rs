//! Comparison, set-operator and in-place methods of the built-in containers as Python
//! sees them (`'a'.__lt__('b')`, `list.__ge__`, `{1}.__or__({2})`,
//! `frozenset.__rsub__`): the native operation on the built-in values, or
//! `NotImplemented` when the other operand is not of a kind the type
//! compares or combines with.

use super::add_method;
use super::number_dunders::wrappers;
use crate::bytecode::instr::{BinOp, CmpOp};
use crate::object::bytes::bytearray_of;
use crate::object::list::list_of;
use crate::object::{ObjHeader, ObjKind, Value};
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
        ObjKind::Range => 6,
        ObjKind::Slice => 7,
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
    // A dict subclass instance is its own base value; dicts compare by
    // their layout whatever the class.
    let kind = |v: Value| ObjHeader::of(v).map(|h| h.kind());
    let by_layout = kind(a) == Some(ObjKind::Dict);
    if !same_family(a, b) || (!by_layout && (vm.is_user_typed(a) || vm.is_user_typed(b))) {
        return Ok(not_implemented);
    }
    // bytearray compares with any bytes-like object, bytes only with bytes.
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

/// `list.__iadd__`, `set.__ior__`, ...: the receiver changed in place.
fn inplace(vm: &mut Vm, name: &str, op: BinOp, args: &[Value]) -> PyResult {
    let [a, b] = args else {
        // `sq_inplace_repeat`'s wrapper unpacks its argument with an empty
        // name, hence the leading space.
        let space = if name == "__imul__" { " " } else { "" };
        let got = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("{space}expected 1 argument, got {got}")));
    };
    let is_sequence = list_of(*a).is_some() || bytearray_of(*a).is_some();
    let mut b = *b;
    if op == BinOp::Mul && is_sequence {
        // `sq_inplace_repeat` takes only an index.
        let Some(n) = vm.as_index(b)? else {
            return Err(vm.type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(b)
            )));
        };
        b = vm.int_value(n);
    }
    Ok(vm.native_inplace(op, *a, b)?.unwrap_or(vm.heap.singletons().not_implemented))
}

wrappers!(inplace:
    iadd "__iadd__" BinOp::Add; imul "__imul__" BinOp::Mul;
    ior "__ior__" BinOp::Or; iand "__iand__" BinOp::And;
    isub "__isub__" BinOp::Sub; ixor "__ixor__" BinOp::Xor;
);

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let ordering: &[(&'static str, NativeFn)] = &[
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__eq__", eq),
        ("__ne__", ne),
    ];
    let compared = [t.str, t.bytes, t.bytearray, t.list, t.tuple, t.set, t.frozenset, t.dict];
    for ty in compared.into_iter().chain([t.range, t.slice]) {
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
    for ty in [t.list, t.bytearray] {
        add_method(vm, ty, "__iadd__", iadd);
        add_method(vm, ty, "__imul__", imul);
    }
    let set_inplace: &[(&'static str, NativeFn)] =
        &[("__ior__", ior), ("__iand__", iand), ("__isub__", isub), ("__ixor__", ixor)];
    for (name, f) in set_inplace {
        add_method(vm, t.set, name, *f);
    }
}
