//! `_operator`: the operators as functions, and `itemgetter`,
//! `attrgetter`, `methodcaller`, after CPython's `Modules/_operator.c`.
//! `operator.py` imports it over its pure-Python definitions.

use super::module_set;
use super::support::{
    map_rooted, new_class, new_instance_of, receiver_state, set_state, StoredCall,
};
use crate::builtins::bytes_methods::bytes_like;
use crate::builtins::functions::index_of;
use crate::builtins::{arg_range, exactly_one, native, split_kwargs};
use crate::bytecode::instr::{BinOp, CmpOp, UnaryOp};
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_operator")?;
    let mark = vm.push_temp(module);
    let result = (|| {
        for (name, f) in FUNCTIONS {
            let v = crate::builtins::native_in(vm, module, name, *f);
            module_set(vm, module, name, v)?;
        }
        let call_repr = |call: NativeFn, repr: NativeFn| -> [(&'static str, NativeFn); 3] {
            [("__call__", call), ("__repr__", repr), ("__reduce__", reduce)]
        };
        for (name, new, call, repr) in [
            (
                "itemgetter",
                itemgetter_new as NativeFn,
                itemgetter_call as NativeFn,
                itemgetter_repr as NativeFn,
            ),
            ("attrgetter", attrgetter_new, attrgetter_call, attrgetter_repr),
            ("methodcaller", methodcaller_new, methodcaller_call, methodcaller_repr),
        ] {
            let cls = new_class(vm, module, "operator", name, &call_repr(call, repr))?;
            let new = native(vm, "__new__", new);
            crate::builtins::set_type_attr(vm, cls, "__new__", new);
        }
        Ok(())
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("add", add),
    ("sub", sub),
    ("mul", mul),
    ("matmul", matmul),
    ("truediv", truediv),
    ("floordiv", floordiv),
    ("mod", modulo),
    ("pow", pow),
    ("lshift", lshift),
    ("rshift", rshift),
    ("and_", and_),
    ("or_", or_),
    ("xor", xor),
    ("iadd", iadd),
    ("isub", isub),
    ("imul", imul),
    ("imatmul", imatmul),
    ("itruediv", itruediv),
    ("ifloordiv", ifloordiv),
    ("imod", imod),
    ("ipow", ipow),
    ("ilshift", ilshift),
    ("irshift", irshift),
    ("iand", iand),
    ("ior", ior),
    ("ixor", ixor),
    ("lt", lt),
    ("le", le),
    ("eq", eq),
    ("ne", ne),
    ("gt", gt),
    ("ge", ge),
    ("neg", neg),
    ("pos", pos),
    ("inv", inv),
    ("invert", invert),
    ("not_", not_),
    ("truth", truth),
    ("abs", abs),
    ("is_", is_),
    ("is_not", is_not),
    ("index", index),
    ("concat", concat),
    ("iconcat", iconcat),
    ("contains", contains),
    ("countOf", count_of),
    ("indexOf", index_of_fn),
    ("getitem", getitem),
    ("setitem", setitem),
    ("delitem", delitem),
    ("length_hint", length_hint),
    ("_compare_digest", compare_digest),
];

fn two(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<(Value, Value)> {
    let args = arg_range(vm, name, args, kwnames, 2, 2)?;
    Ok((args[0], args[1]))
}

macro_rules! binary_functions {
    ($($name:ident => $method:ident($op:expr);)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                // CPython names them as `_operator` exports them.
                let name = match stringify!($name) { "modulo" => "mod", n => n };
                let (a, b) = two(vm, name, args, kwnames)?;
                vm.$method($op, a, b)
            }
        )*
    };
}

binary_functions! {
    add => binary_op(BinOp::Add);
    sub => binary_op(BinOp::Sub);
    mul => binary_op(BinOp::Mul);
    matmul => binary_op(BinOp::MatMul);
    truediv => binary_op(BinOp::TrueDiv);
    floordiv => binary_op(BinOp::FloorDiv);
    modulo => binary_op(BinOp::Mod);
    pow => binary_op(BinOp::Pow);
    lshift => binary_op(BinOp::LShift);
    rshift => binary_op(BinOp::RShift);
    and_ => binary_op(BinOp::And);
    or_ => binary_op(BinOp::Or);
    xor => binary_op(BinOp::Xor);
    iadd => inplace_op(BinOp::Add);
    isub => inplace_op(BinOp::Sub);
    imul => inplace_op(BinOp::Mul);
    imatmul => inplace_op(BinOp::MatMul);
    itruediv => inplace_op(BinOp::TrueDiv);
    ifloordiv => inplace_op(BinOp::FloorDiv);
    imod => inplace_op(BinOp::Mod);
    ipow => inplace_op(BinOp::Pow);
    ilshift => inplace_op(BinOp::LShift);
    irshift => inplace_op(BinOp::RShift);
    iand => inplace_op(BinOp::And);
    ior => inplace_op(BinOp::Or);
    ixor => inplace_op(BinOp::Xor);
    lt => rich_compare(CmpOp::Lt);
    le => rich_compare(CmpOp::Le);
    eq => rich_compare(CmpOp::Eq);
    ne => rich_compare(CmpOp::Ne);
    gt => rich_compare(CmpOp::Gt);
    ge => rich_compare(CmpOp::Ge);
}

macro_rules! unary_functions {
    ($($name:ident => $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                let x = exactly_one(vm, stringify!($name), args, kwnames)?;
                vm.unary_op($op, x)
            }
        )*
    };
}

unary_functions! {
    neg => UnaryOp::Neg;
    pos => UnaryOp::Pos;
    invert => UnaryOp::Invert;
    inv => UnaryOp::Invert;
}

fn not_(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = exactly_one(vm, "not_", args, kwnames)?;
    vm.is_true(x).map(|t| Value::from_bool(!t))
}

fn truth(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = exactly_one(vm, "truth", args, kwnames)?;
    vm.is_true(x).map(Value::from_bool)
}

fn abs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = exactly_one(vm, "abs", args, kwnames)?;
    let name = vm.heap.intern("abs");
    let builtins = vm.builtins;
    let f = vm.dict_get_item(builtins, name)?.ok_or_else(|| vm.type_error("no builtin abs"))?;
    vm.call(f, &[x])
}

fn is_(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "is_", args, kwnames)?;
    Ok(Value::from_bool(a == b))
}

fn is_not(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "is_not", args, kwnames)?;
    Ok(Value::from_bool(a != b))
}

fn index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = exactly_one(vm, "index", args, kwnames)?;
    // An int (bool included) is its own index, as PyNumber_Index gives it.
    if x.is_bool() {
        return Ok(x);
    }
    let i = index_of(vm, x)?;
    Ok(vm.int_value(i))
}

fn check_sequence(vm: &mut Vm, a: Value) -> PyResult<()> {
    let name = vm.heap.intern("__getitem__");
    let is_seq = crate::object::list::list_of(a).is_some()
        || tuple_of(a).is_some()
        || str_of(a).is_some()
        || bytes_like(a).is_some()
        || (a.is_ptr() && vm.heap.lookup_in_type_of(a, name).is_some());
    if is_seq && crate::vm::function::module_of(a).is_none() && !vm.is_dict(a) {
        Ok(())
    } else {
        Err(vm.type_error(&format!("'{}' object can't be concatenated", vm.type_name(a))))
    }
}

fn concat(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "concat", args, kwnames)?;
    check_sequence(vm, a)?;
    vm.binary_op(BinOp::Add, a, b)
}

fn iconcat(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "iconcat", args, kwnames)?;
    check_sequence(vm, a)?;
    vm.inplace_op(BinOp::Add, a, b)
}

fn contains(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "contains", args, kwnames)?;
    vm.contains(a, b).map(Value::from_bool)
}

/// Runs `found` on each index whose item equals `b`, until it says stop.
fn scan(vm: &mut Vm, a: Value, b: Value, mut found: impl FnMut(usize) -> bool) -> PyResult<()> {
    let it = match vm.get_iter(a) {
        Ok(it) => it,
        Err(e) if e.matches(&vm.heap, vm.heap.types().type_error) => {
            let msg = format!("argument of type '{}' is not iterable", vm.type_name(a));
            return Err(vm.type_error(&msg));
        }
        Err(e) => return Err(e),
    };
    let mark = vm.push_temp(it);
    let result = (|| {
        let mut i = 0;
        while let Some(item) = vm.iter_next(it)? {
            let same = item == b || {
                vm.push_temp(item);
                let r = vm.rich_compare(CmpOp::Eq, item, b)?;
                vm.is_true(r)?
            };
            if same && !found(i) {
                break;
            }
            i += 1;
        }
        Ok(())
    })();
    vm.truncate_temps(mark);
    result
}

fn count_of(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "countOf", args, kwnames)?;
    let mut n = 0;
    scan(vm, a, b, |_| {
        n += 1;
        true
    })?;
    Ok(vm.heap.new_int_i64(n))
}

fn index_of_fn(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "indexOf", args, kwnames)?;
    let mut at = None;
    scan(vm, a, b, |i| {
        at = Some(i);
        false
    })?;
    match at {
        Some(i) => Ok(vm.heap.new_int_i64(i as i64)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "getitem", args, kwnames)?;
    vm.get_item(a, b)
}

fn setitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "setitem", args, kwnames, 3, 3)?;
    vm.set_item(args[0], args[1], args[2]).map(|_| Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "delitem", args, kwnames)?;
    vm.del_item(a, b).map(|_| Value::NONE)
}

fn length_hint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "length_hint", args, kwnames, 1, 2)?;
    let obj = args[0];
    let default = match args.get(1) {
        None => 0,
        Some(&d) => match vm.as_int(d) {
            Some(n) if d.as_f64().is_none() => n.to_i64_saturating(),
            _ => {
                return Err(vm.type_error(&format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(d)
                )))
            }
        },
    };
    let len_name = vm.heap.intern("__len__");
    let has_len = vm.native_len(obj).is_some()
        || (obj.is_ptr() && vm.heap.lookup_in_type_of(obj, len_name).is_some());
    if has_len {
        match vm.len_of(obj) {
            Ok(n) => return Ok(vm.heap.new_int_i64(n as i64)),
            Err(e) if e.matches(&vm.heap, vm.heap.types().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let hint_name = vm.heap.intern("__length_hint__");
    if !obj.is_ptr() || vm.heap.lookup_in_type_of(obj, hint_name).is_none() {
        return Ok(vm.heap.new_int_i64(default));
    }
    let r = match vm.call_method_by_name(obj, "__length_hint__", &[]) {
        Ok(r) => r,
        Err(e) if e.matches(&vm.heap, vm.heap.types().type_error) => {
            return Ok(vm.heap.new_int_i64(default))
        }
        Err(e) => return Err(e),
    };
    if r == vm.heap.singletons().not_implemented {
        return Ok(vm.heap.new_int_i64(default));
    }
    let Some(n) = vm.as_int(r).filter(|_| r.as_f64().is_none()) else {
        return Err(
            vm.type_error(&format!("__length_hint__ must be an integer, not {}", vm.type_name(r)))
        );
    };
    if n.is_negative() {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(vm.int_value(n))
}

fn compare_digest(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b) = two(vm, "_compare_digest", args, kwnames)?;
    let pair = match (str_of(a), str_of(b)) {
        (Some(x), Some(y)) => {
            if !x.is_ascii() || !y.is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            Some((
                x.as_utf8(&vm.heap)?.as_bytes().to_vec(),
                y.as_utf8(&vm.heap)?.as_bytes().to_vec(),
            ))
        }
        _ => {
            match (
                bytes_like(a).filter(|_| str_of(a).is_none()),
                bytes_like(b).filter(|_| str_of(b).is_none()),
            ) {
                (Some(x), Some(y)) => Some((x, y)),
                (None, None) => None,
                (None, _) => {
                    return Err(vm.type_error(&format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(a)
                    )))
                }
                (_, None) => {
                    return Err(vm.type_error(&format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(b)
                    )))
                }
            }
        }
    };
    let Some((x, y)) = pair else {
        return Err(vm.type_error(&format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        )));
    };
    // Constant time in the length of `y`, as CPython's `_tscmp`.
    let mut diff = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(&y) {
        diff |= p ^ q;
    }
    Ok(Value::from_bool(diff == 0))
}

// ---- itemgetter, attrgetter, methodcaller

const ITEMS_KEY: &str = "_tachyon_getter_items";
const ARGS_KEY: &str = "_tachyon_caller_args";
const KWARGS_KEY: &str = "_tachyon_caller_kwargs";

fn getter_new(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let items = &args[1..];
    if items.is_empty() {
        return Err(vm.type_error(&format!("{name} expected 1 argument, got 0")));
    }
    let obj = new_instance_of(vm, "_operator", name)?;
    let mark = vm.push_temp(obj);
    let tuple = vm.heap.new_tuple(items);
    let result = set_state(vm, obj, ITEMS_KEY, tuple);
    vm.truncate_temps(mark);
    result.map(|_| obj)
}

fn getter_items(vm: &Vm, this: Value, class: &str) -> PyResult<Vec<Value>> {
    let items = receiver_state(vm, this, ITEMS_KEY, "__call__", class)?;
    Ok(tuple_of(items).map(|t| t.items().to_vec()).unwrap_or_default())
}

/// `f(obj)` for each item; one item gives its result, several a tuple.
fn apply_each(
    vm: &mut Vm,
    items: &[Value],
    obj: Value,
    f: fn(&mut Vm, Value, Value) -> PyResult,
) -> PyResult {
    if let [only] = items {
        return f(vm, obj, *only);
    }
    let mark = vm.push_temp(obj);
    let results = map_rooted(vm, items, |vm, item| f(vm, obj, item));
    vm.truncate_temps(mark);
    results.map(|r| vm.heap.new_tuple(&r))
}

fn call_arg(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let rest = &args[1..];
    if rest.len() != 1 {
        return Err(vm.type_error(&format!("{name} expected 1 argument, got {}", rest.len())));
    }
    Ok(rest[0])
}

fn itemgetter_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    getter_new(vm, args, kwnames, "itemgetter")
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let obj = call_arg(vm, args, kwnames, "itemgetter")?;
    let items = getter_items(vm, args[0], "operator.itemgetter")?;
    apply_each(vm, &items, obj, |vm, obj, key| vm.get_item(obj, key))
}

/// `operator.NAME(repr, repr, ...)`.
fn call_repr(vm: &mut Vm, name: &str, parts: &[Value]) -> PyResult {
    let mut shown = Vec::with_capacity(parts.len());
    for p in parts {
        shown.push(vm.repr_of_value(*p)?);
    }
    Ok(vm.heap.new_str_from_string(format!("operator.{name}({})", shown.join(", "))))
}

fn itemgetter_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_args(vm, args, kwnames, "__repr__")?;
    let items = getter_items(vm, args[0], "operator.itemgetter")?;
    call_repr(vm, "itemgetter", &items)
}

fn attrgetter_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if args[1..].iter().any(|a| str_of(*a).is_none()) {
        return Err(vm.type_error("attribute name must be a string"));
    }
    getter_new(vm, args, kwnames, "attrgetter")
}

/// `obj.a.b.c` for the dotted name `path`.
fn dotted_attr(vm: &mut Vm, obj: Value, path: Value) -> PyResult {
    let text = str_of(path).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut v = obj;
    let mark = vm.push_temp(obj);
    let mut result = Ok(obj);
    for part in text.split('.') {
        let name = vm.heap.intern(part);
        result = vm.get_attr(v, name);
        match &result {
            Ok(next) => {
                v = *next;
                vm.push_temp(v);
            }
            Err(_) => break,
        }
    }
    vm.truncate_temps(mark);
    result
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let obj = call_arg(vm, args, kwnames, "attrgetter")?;
    let items = getter_items(vm, args[0], "operator.attrgetter")?;
    apply_each(vm, &items, obj, dotted_attr)
}

fn attrgetter_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_args(vm, args, kwnames, "__repr__")?;
    let items = getter_items(vm, args[0], "operator.attrgetter")?;
    call_repr(vm, "attrgetter", &items)
}

fn methodcaller_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (positional, kwargs) = split_kwargs(&args[1..], kwnames);
    let Some(&name) = positional.first() else {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    };
    if str_of(name).is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let obj = new_instance_of(vm, "_operator", "methodcaller")?;
    let mark = vm.push_temp(obj);
    let result = (|| {
        // Attribute lookup compares interned names (CPython interns it too).
        let mut positional = positional.to_vec();
        positional[0] = vm.heap.intern_value(name).unwrap_or(name);
        let call_args = vm.heap.new_tuple(&positional);
        set_state(vm, obj, ARGS_KEY, call_args)?;
        let dict = vm.new_dict_from_pairs(&[])?;
        set_state(vm, obj, KWARGS_KEY, dict)?;
        for (k, v) in kwargs {
            let key = vm.heap.intern(&k);
            vm.dict_set_item(dict, key, v)?;
        }
        Ok(obj)
    })();
    vm.truncate_temps(mark);
    result
}

/// The method name, its positional arguments and its keywords.
fn caller_parts(vm: &Vm, this: Value) -> PyResult<StoredCall> {
    let class = "operator.methodcaller";
    let args = receiver_state(vm, this, ARGS_KEY, "__call__", class)?;
    let kwargs = receiver_state(vm, this, KWARGS_KEY, "__call__", class)?;
    let args = tuple_of(args).map(|t| t.items().to_vec()).unwrap_or_default();
    let Some((&name, rest)) = args.split_first() else {
        return Err(vm.type_error("methodcaller lost its name"));
    };
    Ok(StoredCall { target: name, args: rest.to_vec(), keywords: vm.dict_items(kwargs) })
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let obj = call_arg(vm, args, kwnames, "methodcaller")?;
    let StoredCall { target: name, args: mut call_args, keywords: kwargs } =
        caller_parts(vm, args[0])?;
    let method = vm.get_attr(obj, name)?;
    let mark = vm.push_temp(method);
    let names: Vec<Value> = kwargs.iter().map(|(k, _)| *k).collect();
    call_args.extend(kwargs.iter().map(|(_, v)| *v));
    let result = vm.call_kw(method, &call_args, &names);
    vm.truncate_temps(mark);
    result
}

/// `__reduce__` of the three classes, as CPython pickles them:
/// `(cls, items)` for the getters; `(cls, (name, *args))` for a
/// methodcaller, or `(partial(cls, name, **kwargs), args)` when it has
/// keywords.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_args(vm, args, kwnames, "__reduce__")?;
    let this = args[0];
    let cls = vm.heap.type_of(this);
    let class = "operator.methodcaller";
    let Ok(kwargs) = receiver_state(vm, this, KWARGS_KEY, "__reduce__", class) else {
        let items = receiver_state(vm, this, ITEMS_KEY, "__reduce__", "operator.itemgetter")?;
        return Ok(vm.heap.new_tuple(&[cls, items]));
    };
    let call = caller_parts(vm, this)?;
    if call.keywords.is_empty() {
        let stored = receiver_state(vm, this, ARGS_KEY, "__reduce__", class)?;
        return Ok(vm.heap.new_tuple(&[cls, stored]));
    }
    let functools = vm.import_module("functools")?;
    let mark = vm.push_temp(functools);
    vm.push_temp(kwargs);
    let result = (|| {
        let partial_name = vm.heap.intern("partial");
        let partial = vm.get_attr(functools, partial_name)?;
        let names: Vec<Value> = call.keywords.iter().map(|(k, _)| *k).collect();
        let mut partial_args = vec![cls, call.target];
        partial_args.extend(call.keywords.iter().map(|(_, v)| *v));
        let bound = vm.call_kw(partial, &partial_args, &names)?;
        vm.push_temp(bound);
        let rest = vm.heap.new_tuple(&call.args);
        Ok(vm.heap.new_tuple(&[bound, rest]))
    })();
    vm.truncate_temps(mark);
    result
}

fn methodcaller_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_args(vm, args, kwnames, "__repr__")?;
    let call = caller_parts(vm, args[0])?;
    let mut parts = vec![vm.repr_of_value(call.target)?];
    parts.extend(call.argument_reprs(vm)?);
    Ok(vm.heap.new_str_from_string(format!("operator.methodcaller({})", parts.join(", "))))
}
