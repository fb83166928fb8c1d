//! The operator methods of `int`, `float` and `complex` as Python sees
//! them (`int.__add__`, `(1).__lt__(2.0)`, `float.__radd__`, `__neg__`,
//! `__round__`, ...): CPython's slot wrappers. Each takes only the operands
//! its type converts (int: ints and bools; float: also floats; complex: all
//! three) and answers `NotImplemented` otherwise, so that `1 + MyFloat()`
//! still reaches `MyFloat.__radd__`. They compute on the built-in values
//! inside a subclass instance, so `super().__add__(x)` does not come back
//! to the subclass. `bool` inherits them; its `&`, `|`, `^` stay bool.

use super::add_method;
use crate::bytecode::instr::{BinOp, CmpOp, UnaryOp};
use crate::number::tower::Num;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// How far up the numeric tower a number sits: an operand above the
/// receiver's rung is not converted.
fn rung(n: &Num) -> u8 {
    match n {
        Num::Int(_) => 0,
        Num::Float(_) => 1,
        Num::Complex(_) => 2,
    }
}

/// The receiver's number, or CPython's descriptor TypeError.
fn receiver(vm: &Vm, name: &str, args: &[Value]) -> PyResult<(Value, Num)> {
    let Some(&first) = args.first() else {
        return Err(
            vm.type_error(&format!("descriptor '{name}' of 'int' object needs an argument"))
        );
    };
    let base = vm.builtin_base_value(first);
    match vm.as_num(base) {
        Some(n) => Ok((base, n)),
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' requires a 'int' object but received a '{}'",
            vm.type_name(first)
        ))),
    }
}

fn expect_count(vm: &Vm, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() != n + 1 {
        return Err(vm.type_error(&format!(
            "expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

/// The operand beside the receiver, if the receiver's type converts it.
fn operand(vm: &Vm, own: &Num, other: Value) -> Option<Value> {
    let base = vm.builtin_base_value(other);
    let n = vm.as_num(base)?;
    (rung(&n) <= rung(own)).then_some(base)
}

fn binary(vm: &mut Vm, name: &str, op: BinOp, reflected: bool, args: &[Value]) -> PyResult {
    let (a, own) = receiver(vm, name, args)?;
    expect_count(vm, args, 1)?;
    if let (Num::Complex(_), Some(refusal)) = (&own, complex_refusal(op)) {
        return Err(vm.type_error(refusal));
    }
    let not_implemented = vm.heap.singletons().not_implemented;
    let Some(b) = operand(vm, &own, args[1]) else { return Ok(not_implemented) };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    Ok(vm.native_binary(op, x, y)?.unwrap_or(not_implemented))
}

/// What complex's `//` and `%` say whatever the other operand is (in
/// CPython 3.8 they raise rather than decline).
fn complex_refusal(op: BinOp) -> Option<&'static str> {
    match op {
        BinOp::FloorDiv => Some("can't take floor of complex number."),
        BinOp::Mod => Some("can't mod complex numbers."),
        _ => None,
    }
}

/// `int.__and__`, `__or__`, `__xor__` and their reflections: an int
/// result even for two bools (`int.__or__(True, False)` is 1); `bool`'s
/// own versions are plain [`binary`].
fn int_bitwise(vm: &mut Vm, name: &str, op: BinOp, reflected: bool, args: &[Value]) -> PyResult {
    let r = binary(vm, name, op, reflected, args)?;
    Ok(if r == Value::TRUE || r == Value::FALSE {
        Value::from_small_int(i64::from(r == Value::TRUE)).unwrap_or(r)
    } else {
        r
    })
}

fn compare(vm: &mut Vm, name: &str, op: CmpOp, args: &[Value]) -> PyResult {
    let (a, own) = receiver(vm, name, args)?;
    expect_count(vm, args, 1)?;
    let not_implemented = vm.heap.singletons().not_implemented;
    let Some(b) = operand(vm, &own, args[1]) else { return Ok(not_implemented) };
    // The native comparison alone (complex numbers do not order).
    Ok(vm.native_compare(op, a, b)?.map_or(not_implemented, Value::from_bool))
}

fn unary(vm: &mut Vm, name: &str, op: UnaryOp, args: &[Value]) -> PyResult {
    let (a, _) = receiver(vm, name, args)?;
    expect_count(vm, args, 0)?;
    vm.unary_op(op, a)
}

/// Native methods `fn NAME(vm, args, kw)` that each call `KIND(vm,
/// "__dunder__", extra args..., args)`.
macro_rules! wrappers {
    ($kind:ident: $($f:ident $name:literal $($arg:expr),*;)*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
            $kind(vm, $name, $($arg,)* args)
        })*
    };
}
pub(super) use wrappers;

wrappers!(binary:
    add "__add__" BinOp::Add, false; radd "__radd__" BinOp::Add, true;
    sub "__sub__" BinOp::Sub, false; rsub "__rsub__" BinOp::Sub, true;
    mul "__mul__" BinOp::Mul, false; rmul "__rmul__" BinOp::Mul, true;
    truediv "__truediv__" BinOp::TrueDiv, false; rtruediv "__rtruediv__" BinOp::TrueDiv, true;
    floordiv "__floordiv__" BinOp::FloorDiv, false;
    rfloordiv "__rfloordiv__" BinOp::FloorDiv, true;
    modulo "__mod__" BinOp::Mod, false; rmodulo "__rmod__" BinOp::Mod, true;
    lshift "__lshift__" BinOp::LShift, false; rlshift "__rlshift__" BinOp::LShift, true;
    rshift "__rshift__" BinOp::RShift, false; rrshift "__rrshift__" BinOp::RShift, true;
    and "__and__" BinOp::And, false; rand "__rand__" BinOp::And, true;
    or "__or__" BinOp::Or, false; ror "__ror__" BinOp::Or, true;
    xor "__xor__" BinOp::Xor, false; rxor "__rxor__" BinOp::Xor, true;
);
wrappers!(int_bitwise:
    int_and "__and__" BinOp::And, false; int_rand "__rand__" BinOp::And, true;
    int_or "__or__" BinOp::Or, false; int_ror "__ror__" BinOp::Or, true;
    int_xor "__xor__" BinOp::Xor, false; int_rxor "__rxor__" BinOp::Xor, true;
);
wrappers!(compare:
    lt "__lt__" CmpOp::Lt; le "__le__" CmpOp::Le; eq "__eq__" CmpOp::Eq;
    ne "__ne__" CmpOp::Ne; gt "__gt__" CmpOp::Gt; ge "__ge__" CmpOp::Ge;
);
wrappers!(unary:
    neg "__neg__" UnaryOp::Neg; pos "__pos__" UnaryOp::Pos; invert "__invert__" UnaryOp::Invert;
);

/// `__pow__(other, mod=None)` and `__rpow__`: with a modulus, ints only.
fn power(vm: &mut Vm, name: &str, reflected: bool, args: &[Value]) -> PyResult {
    let (a, own) = receiver(vm, name, args)?;
    // A ternary slot wrapper unpacks its arguments with an empty name.
    match args.len() {
        0 | 1 => return Err(vm.type_error(" expected at least 1 argument, got 0")),
        2 | 3 => {}
        n => return Err(vm.type_error(&format!(" expected at most 2 arguments, got {}", n - 1))),
    }
    if matches!(own, Num::Float(_)) && args.get(2).is_some_and(|m| !m.is_none()) {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let not_implemented = vm.heap.singletons().not_implemented;
    let Some(b) = operand(vm, &own, args[1]) else { return Ok(not_implemented) };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    match args.get(2).copied().filter(|m| !m.is_none()) {
        None => Ok(vm.native_binary(BinOp::Pow, x, y)?.unwrap_or(not_implemented)),
        Some(m) => {
            let m = vm.builtin_base_value(m);
            match vm.as_num(m) {
                Some(n) if rung(&n) <= rung(&own) => vm.pow3(x, y, m),
                _ => Ok(not_implemented),
            }
        }
    }
}

fn pow(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    power(vm, "__pow__", false, args)
}

fn rpow(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    power(vm, "__rpow__", true, args)
}

/// `divmod` itself, on the built-in values (it tries `__divmod__` only for
/// classes, so it does not come back here).
fn divmod_of(vm: &mut Vm, name: &str, reflected: bool, args: &[Value]) -> PyResult {
    let (a, own) = receiver(vm, name, args)?;
    expect_count(vm, args, 1)?;
    if let Num::Complex(_) = own {
        return Err(vm.type_error("can't take floor or mod of complex number."));
    }
    let Some(b) = operand(vm, &own, args[1]) else {
        return Ok(vm.heap.singletons().not_implemented);
    };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    super::functions::divmod(vm, &[x, y], &[])
}

fn divmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    divmod_of(vm, "__divmod__", false, args)
}

fn rdivmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    divmod_of(vm, "__rdivmod__", true, args)
}

/// The receiver's number, checking there is nothing else.
fn only_receiver(vm: &Vm, name: &str, args: &[Value]) -> PyResult<(Value, Num)> {
    let r = receiver(vm, name, args)?;
    expect_count(vm, args, 0)?;
    Ok(r)
}

fn abs(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (a, _) = only_receiver(vm, "__abs__", args)?;
    super::functions::abs(vm, &[a], &[])
}

fn to_bool(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (a, _) = only_receiver(vm, "__bool__", args)?;
    vm.is_true(a).map(Value::from_bool)
}

fn to_float(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match only_receiver(vm, "__float__", args)?.1 {
        Num::Int(i) => i.to_f64().map(Value::from_f64).map_err(|e| vm.num_error(e)),
        Num::Float(f) => Ok(Value::from_f64(f)),
        Num::Complex(_) => Err(vm.type_error("can't convert complex to float")),
    }
}

/// `__int__`, and `__trunc__`/`__floor__`/`__ceil__` of an int (itself).
fn to_int(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match only_receiver(vm, "__int__", args)?.1 {
        Num::Int(i) => Ok(vm.int_value(i)),
        Num::Float(f) => {
            let i = crate::number::Int::from_f64(f.trunc()).map_err(|e| vm.num_error(e))?;
            Ok(vm.int_value(i))
        }
        Num::Complex(_) => Err(vm.type_error("can't convert complex to int")),
    }
}

/// `int.__round__` (`PyArg_ParseTuple` with no name; an explicit None is
/// no int) and `float.__round__` (None means no digits).
/// `float.__trunc__`, a plain method rather than a slot wrapper.
fn trunc(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kw, "__trunc__")?;
    to_int(vm, &args[..1], kw)
}

fn round(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (a, own) = receiver(vm, "__round__", args)?;
    super::method_no_kwargs(vm, "__round__", kw)?;
    let is_int = matches!(own, Num::Int(_));
    if args.len() > 2 {
        let n = args.len() - 1;
        return Err(vm.type_error(&if is_int {
            format!("function takes at most 1 argument ({n} given)")
        } else {
            format!("__round__ expected at most 1 argument, got {n}")
        }));
    }
    if let (true, Some(&digits)) = (is_int, args.get(1)) {
        super::functions::index_of(vm, digits)?;
    }
    let mut call_args = vec![a];
    call_args.extend_from_slice(&args[1..]);
    super::functions::round(vm, &call_args, &[])
}

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let common: &[(&'static str, NativeFn)] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", modulo),
        ("__rmod__", rmodulo),
        ("__divmod__", divmod),
        ("__rdivmod__", rdivmod),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__lt__", lt),
        ("__le__", le),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
        ("__bool__", to_bool),
        ("__float__", to_float),
    ];
    for ty in [t.int, t.float, t.complex] {
        for (name, f) in common {
            add_method(vm, ty, name, *f);
        }
    }
    let int_only: &[(&'static str, NativeFn)] = &[
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
        ("__and__", int_and),
        ("__rand__", int_rand),
        ("__or__", int_or),
        ("__ror__", int_ror),
        ("__xor__", int_xor),
        ("__rxor__", int_rxor),
        ("__invert__", invert),
        ("__round__", round),
        ("__index__", to_int),
        ("__int__", to_int),
    ];
    for (name, f) in int_only {
        add_method(vm, t.int, name, *f);
    }
    // bool has its own `&`, `|`, `^`, which keep bools bool (and refuse
    // a plain int receiver).
    let bool_own: &[(&'static str, NativeFn)] = &[
        ("__and__", and),
        ("__rand__", rand),
        ("__or__", or),
        ("__ror__", ror),
        ("__xor__", xor),
        ("__rxor__", rxor),
    ];
    for (name, f) in bool_own {
        add_method(vm, t.bool, name, *f);
    }
    for (name, f) in [("__int__", to_int as NativeFn), ("__round__", round), ("__trunc__", trunc)] {
        add_method(vm, t.float, name, f);
    }
    add_method(vm, t.complex, "__int__", to_int);
}
