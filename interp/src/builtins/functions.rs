//! The builtin functions.

use super::{arg_range, exactly_one, native, no_kwargs, set_builtin, split_kwargs, unexpected_kw};
use crate::bytecode::instr::{BinOp, CmpOp};
use crate::number::int::Int;
use crate::number::tower::Num;
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::Gc;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let table: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("callable", callable),
        ("breakpoint", breakpoint),
        ("chr", chr),
        ("ord", ord),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("any", any),
        ("all", all),
        ("sorted", sorted),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("bin", bin),
        ("oct", oct),
        ("hex", hex),
        ("format", format),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("__build_class__", build_class),
        ("__import__", import),
        ("input", input),
    ];
    for (name, f) in table {
        let v = native(vm, name, *f);
        if *name == "__build_class__" {
            vm.build_class = v;
        }
        set_builtin(vm, name, v);
    }
}

fn print(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (items, kws) = split_kwargs(args, kwnames);
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::NONE;
    let mut flush = false;
    for (k, v) in kws {
        let text = |vm: &mut Vm, what: &str| -> PyResult<Option<String>> {
            if v.is_none() {
                return Ok(None);
            }
            match str_of(v) {
                Some(s) => Ok(Some(s.as_utf8(&vm.heap)?.to_string())),
                None => Err(vm.type_error(&format!(
                    "{what} must be None or a string, not {}",
                    vm.type_name(v)
                ))),
            }
        };
        match k.as_str() {
            "sep" => sep = text(vm, "sep")?.unwrap_or_else(|| " ".into()),
            "end" => end = text(vm, "end")?.unwrap_or_else(|| "\n".into()),
            "file" => file = v,
            "flush" => flush = vm.is_true(v)?,
            other => {
                return Err(
                    vm.type_error(&format!("'{other}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of_value(*item)?);
    }
    out.push_str(&end);
    if file.is_none() {
        file = crate::modules::sys::stdout_object(vm)?;
    }
    crate::modules::sys::write_to(vm, file, &out)?;
    if flush {
        vm.flush_stdout();
    }
    Ok(Value::NONE)
}

/// Whether native `f` is the builtin `len` (compiled traces inline it).
pub(crate) fn is_len(f: crate::vm::function::NativeFn) -> bool {
    f as usize == len as crate::vm::function::NativeFn as usize
}

fn len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "len", args, kwnames)?;
    let n = vm.len_of(v)?;
    Ok(vm.heap.new_int_i64(n as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "repr", args, kwnames)?;
    vm.repr_value(v)
}

fn ascii(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "ascii", args, kwnames)?;
    let s = vm.ascii_of_value(v)?;
    Ok(vm.heap.new_str_from_string(s))
}

pub(crate) fn abs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "abs", args, kwnames)?;
    if !vm.heap.type_obj(v).is_heap_type() {
        if let Some(n) = vm.as_num(v) {
            return match n {
                Num::Int(i) => Ok(vm.int_value(i.abs())),
                Num::Float(f) => Ok(Value::from_f64(f.abs())),
                Num::Complex(c) => c.abs().map(Value::from_f64).map_err(|e| vm.num_error(e)),
            };
        }
    }
    let name = vm.heap.intern("__abs__");
    match vm.heap.lookup_in_type_of(v, name) {
        Some(m) => vm.call_method_value(m, v, &[]),
        None => Err(vm.type_error(&format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
    }
}

/// `isinstance(obj, cls)` with tuples and `__instancecheck__`.
pub fn is_instance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    if let Some(t) = tuple_of(cls) {
        for c in t.items().to_vec() {
            if is_instance(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if Gc::<TypeObj>::from_value(cls).is_none() {
        let check = vm.heap.intern("__instancecheck__");
        if let Some(m) = vm.heap.lookup_in_type_of(cls, check) {
            let r = vm.call_method_value(m, cls, &[obj])?;
            return vm.is_true(r);
        }
        return Err(vm.type_error("isinstance() arg 2 must be a type or tuple of types"));
    }
    if vm.heap.is_instance(obj, cls) {
        return Ok(true);
    }
    let meta = vm.heap.type_obj(cls);
    if meta.value() != vm.heap.types().type_ {
        let check = vm.heap.intern("__instancecheck__");
        if let Some(m) = vm.heap.lookup(meta, check) {
            if !vm.is_native_slot_method(m) {
                let r = vm.call_method_value(m, cls, &[obj])?;
                return vm.is_true(r);
            }
        }
    }
    class_attr_is_subclass(vm, obj, cls)
}

/// CPython's last resort in `isinstance(obj, cls)`: `obj.__class__`, when
/// it is a type other than `type(obj)`, a subclass of `cls`. Only a class
/// that defines `__class__` or `__getattribute__` itself (a weakref proxy)
/// can give another answer, so the lookup is skipped for all others.
fn class_attr_is_subclass(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    let ty = vm.heap.type_obj(obj);
    let name = vm.names.dunder_class;
    let may_differ = vm.heap.lookup(ty, name).is_some() || vm.has_custom_getattribute(ty);
    if !ty.is_heap_type() || !may_differ {
        return Ok(false);
    }
    let icls = match vm.get_attr(obj, name) {
        Ok(c) => c,
        Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => return Ok(false),
        Err(e) => return Err(e),
    };
    match Gc::<TypeObj>::from_value(icls) {
        Some(t) if icls != ty.value() => Ok(t.mro().contains(&cls)),
        _ => Ok(false),
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "isinstance", args, kwnames, 2, 2)?;
    is_instance(vm, args[0], args[1]).map(Value::from_bool)
}

pub fn is_subclass(vm: &mut Vm, cls: Value, parent: Value) -> PyResult<bool> {
    if let Some(t) = tuple_of(parent) {
        for c in t.items().to_vec() {
            if is_subclass(vm, cls, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let meta = vm.heap.type_obj(parent);
    if meta.value() != vm.heap.types().type_ {
        let check = vm.heap.intern("__subclasscheck__");
        if let Some(m) = vm.heap.lookup(meta, check) {
            if !vm.is_native_slot_method(m) {
                let r = vm.call_method_value(m, parent, &[cls])?;
                return vm.is_true(r);
            }
        }
    }
    let Some(c) = Gc::<TypeObj>::from_value(cls) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let Some(p) = Gc::<TypeObj>::from_value(parent) else {
        return Err(vm.type_error("issubclass() arg 2 must be a class or tuple of classes"));
    };
    Ok(c.is_subtype(p))
}

fn issubclass(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "issubclass", args, kwnames, 2, 2)?;
    is_subclass(vm, args[0], args[1]).map(Value::from_bool)
}

fn attr_name(vm: &Vm, v: Value, fname: &str) -> PyResult<Value> {
    match str_of(v) {
        Some(_) => Ok(vm.heap.intern_value(v).unwrap_or(v)),
        // getattr/hasattr say "getattr(): ...", setattr/delattr name the type.
        None if fname == "getattr" || fname == "hasattr" => {
            Err(vm.type_error(&format!("{fname}(): attribute name must be string")))
        }
        None => {
            Err(vm.type_error(&format!("attribute name must be string, not '{}'", vm.type_name(v))))
        }
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "hasattr", args, kwnames, 2, 2)?;
    let name = attr_name(vm, args[1], "hasattr")?;
    Ok(Value::from_bool(vm.get_attr_opt(args[0], name)?.is_some()))
}

fn getattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "getattr", args, kwnames, 2, 3)?;
    let name = attr_name(vm, args[1], "getattr")?;
    if args.len() == 3 {
        return Ok(vm.get_attr_opt(args[0], name)?.unwrap_or(args[2]));
    }
    vm.get_attr(args[0], name)
}

fn setattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "setattr", args, kwnames, 3, 3)?;
    let name = attr_name(vm, args[1], "setattr")?;
    vm.set_attr(args[0], name, args[2])?;
    Ok(Value::NONE)
}

fn delattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "delattr", args, kwnames, 2, 2)?;
    let name = attr_name(vm, args[1], "delattr")?;
    vm.del_attr(args[0], name)?;
    Ok(Value::NONE)
}

fn id(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "id", args, kwnames)?;
    if v.is_ptr() {
        let n = (v.bits() & crate::object::value::PAYLOAD_MASK) as i64;
        return Ok(vm.heap.new_int_i64(n));
    }
    // Immediates have no address: all their bits identify them, above
    // every address so that no heap object shares the id. Tagged ones
    // (ints, bools, None) sit just above the addresses, in a word (copy
    // memos take `id()` of every int); a float's bits are all payload.
    use crate::object::value::{FIRST_TAG, MAX_POINTER};
    if v.bits() >= FIRST_TAG {
        return Ok(vm.heap.new_int_i64((v.bits() - FIRST_TAG + MAX_POINTER + 1) as i64));
    }
    Ok(vm.heap.new_int(num_bigint::BigInt::from(v.bits()) + (num_bigint::BigInt::from(1) << 64)))
}

fn hash(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "hash", args, kwnames)?;
    let h = vm.hash_value(v)?;
    Ok(vm.heap.new_int_i64(h))
}

fn iter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "iter", args, kwnames, 1, 2)?;
    if args.len() == 2 {
        return crate::builtins::iterators::callable_iterator(vm, args[0], args[1]);
    }
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "next", args, kwnames, 1, 2)?;
    if !vm.is_iterator(args[0]) {
        return Err(
            vm.type_error(&format!("'{}' object is not an iterator", vm.type_name(args[0])))
        );
    }
    // The StopIteration a generator or `__next__` raises keeps its value.
    let it = args[0];
    let step = if vm.is_generator(it) {
        vm.gen_resume(it, Value::NONE, None).and_then(|s| s.into_result(vm))
    } else if let Some(coro) = crate::vm::coro_wrapper::wrapped_coroutine(it) {
        vm.gen_resume(coro, Value::NONE, None).and_then(|s| s.into_result(vm))
    } else if vm.heap.type_obj(it).is_heap_type() {
        // The type's `__next__`, as CPython's `tp_iternext`: a class's own
        // `__getattribute__` (a weakref proxy's) is not asked.
        let name = vm.heap.intern("__next__");
        match vm.heap.lookup_in_type_of(it, name) {
            Some(m) => vm.call_method_value(m, it, &[]),
            None => vm.call_method_by_name(it, "__next__", &[]),
        }
    } else {
        match vm.iter_next(it) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(PyErr::with_args(&vm.heap, vm.heap.types().stop_iteration, &[])),
            Err(e) => Err(e),
        }
    };
    match step {
        Err(e) if args.len() == 2 && e.matches(&vm.heap, vm.heap.types().stop_iteration) => {
            Ok(args[1])
        }
        other => other,
    }
}

/// `breakpoint(*args, **kws)`: whatever `sys.breakpointhook` does with them.
fn breakpoint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let hook = crate::modules::sys::sys_attr(vm, "breakpointhook")?;
    vm.call_kw(hook, args, kwnames)
}

fn callable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "callable", args, kwnames)?;
    Ok(Value::from_bool(is_callable(vm, v)))
}

pub fn is_callable(vm: &Vm, v: Value) -> bool {
    use crate::object::{ObjHeader, ObjKind};
    match ObjHeader::of(v).map(|h| h.kind()) {
        Some(
            ObjKind::Function
            | ObjKind::NativeFunction
            | ObjKind::Method
            | ObjKind::Type
            | ObjKind::MethodDescriptor,
        ) => true,
        _ => {
            let call = vm.names.dunder_call;
            vm.heap.lookup_in_type_of(v, call).is_some()
        }
    }
}

fn chr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "chr", args, kwnames)?;
    if v.is_float() {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let Some(i) = vm.as_index(v)? else {
        return Err(crate::builtins::int_required(vm, v));
    };
    match i.to_i64().filter(|n| (0..=0x10ffff).contains(n)) {
        Some(cp) => Ok(vm.heap.new_str_of_code_point(cp as u32)),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "ord", args, kwnames)?;
    if let Some(s) = str_of(v) {
        let n = s.char_len();
        if n != 1 {
            return Err(vm.type_error(&format!(
                "ord() expected a character, but string of length {n} found"
            )));
        }
        return Ok(vm.heap.new_int_i64(s.code_point_at(0).unwrap_or(0) as i64));
    }
    if let Some(b) = crate::object::bytes::bytes_of(v) {
        if b.len() != 1 {
            return Err(vm.type_error(&format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
        return Ok(vm.heap.new_int_i64(b.as_bytes()[0] as i64));
    }
    Err(vm.type_error(&format!("ord() expected string of length 1, but {} found", vm.type_name(v))))
}

/// `min()` and `max()`.
fn min_max(vm: &mut Vm, args: &[Value], kwnames: &[Value], is_max: bool) -> PyResult {
    // `min(a, b)` / `max(a, b)` of two small ints, the common call (pure
    // Python pickle's framing calls them per read): no list, no protocol.
    if let ([a, b], []) = (args, kwnames) {
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            // The first of equal items wins, as below.
            return Ok(if (y > x) == is_max && x != y { *b } else { *a });
        }
    }
    let fname = if is_max { "max" } else { "min" };
    let (pos, kws) = split_kwargs(args, kwnames);
    let mut key = Value::NONE;
    let mut default = None;
    for (k, v) in kws {
        match k.as_str() {
            "key" => key = v,
            "default" => default = Some(v),
            other => return Err(unexpected_kw(vm, fname, other)),
        }
    }
    let items = match pos.len() {
        0 => return Err(vm.type_error(&format!("{fname} expected 1 argument, got 0"))),
        1 => vm.collect_iterable(pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(&format!(
                    "Cannot specify a default for {fname}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(&format!("{fname}() arg is an empty sequence"))),
        };
    }
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let result = (|| {
        let mut best = items[0];
        let mut best_key = if key.is_none() { best } else { vm.call(key, &[best])? };
        vm.stack.push(best_key);
        for &item in &items[1..] {
            let k = if key.is_none() { item } else { vm.call(key, &[item])? };
            vm.stack.push(k);
            // Ints and floats compare here; anything else by the protocol.
            let better = match (k.as_small_int(), best_key.as_small_int()) {
                (Some(a), Some(b)) => (a > b) == is_max && a != b,
                _ if k.is_float() && best_key.is_float() => {
                    let (a, b) = (k.f64_unchecked(), best_key.f64_unchecked());
                    if is_max {
                        a > b
                    } else {
                        a < b
                    }
                }
                _ => {
                    let op = if is_max { CmpOp::Gt } else { CmpOp::Lt };
                    let better = vm.rich_compare(op, k, best_key)?;
                    vm.is_true(better)?
                }
            };
            if better {
                best = item;
                best_key = k;
            }
        }
        Ok(best)
    })();
    vm.truncate_temps(mark);
    result
}

fn min(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    min_max(vm, args, kwnames, false)
}

fn max(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    min_max(vm, args, kwnames, true)
}

fn sum(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kwnames);
    let mut start = Value::from_small_int(0).expect("0 fits");
    if pos.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if pos.len() > 2 {
        return Err(
            vm.type_error(&format!("sum() takes at most 2 arguments ({} given)", pos.len()))
        );
    }
    if pos.len() == 2 {
        start = pos[1];
    }
    for (k, v) in kws {
        match k.as_str() {
            "start" => start = v,
            other => return Err(unexpected_kw(vm, "sum", other)),
        }
    }
    if str_of(start).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::object::bytes::bytes_of(start).is_some() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if crate::object::bytes::bytearray_of(start).is_some() {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.get_iter(pos[0])?;
    let mark = vm.push_temp(it);
    let acc_slot = vm.push_temp(start);
    let result = (|| {
        while let Some(x) = vm.iter_next(it)? {
            let acc = vm.stack[acc_slot];
            let r = vm.binary_op(BinOp::Add, acc, x)?;
            vm.stack[acc_slot] = r;
        }
        Ok(vm.stack[acc_slot])
    })();
    vm.truncate_temps(mark);
    result
}

fn any(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "any", args, kwnames)?;
    let it = vm.get_iter(v)?;
    let mark = vm.push_temp(it);
    let r = (|| {
        while let Some(x) = vm.iter_next(it)? {
            if vm.is_true(x)? {
                return Ok(Value::TRUE);
            }
        }
        Ok(Value::FALSE)
    })();
    vm.truncate_temps(mark);
    r
}

fn all(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "all", args, kwnames)?;
    let it = vm.get_iter(v)?;
    let mark = vm.push_temp(it);
    let r = (|| {
        while let Some(x) = vm.iter_next(it)? {
            if !vm.is_true(x)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    vm.truncate_temps(mark);
    r
}

fn sorted(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kwnames);
    if pos.len() != 1 {
        return Err(vm.type_error(&format!("sorted expected 1 argument, got {}", pos.len())));
    }
    vm.check_length_hint(pos[0])?;
    let items = vm.collect_iterable(pos[0])?;
    let list = vm.heap.new_list(&items);
    let mark = vm.push_temp(list);
    let mut method_args = vec![list];
    let mut names = Vec::new();
    for (k, v) in kws {
        method_args.push(v);
        names.push(vm.heap.intern(&k));
    }
    let r = crate::builtins::seq_methods::list_sort(vm, &method_args, &names);
    vm.truncate_temps(mark);
    r.map(|_| list)
}

pub(crate) fn round(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kwnames);
    super::at_most(vm, "round", pos.len(), 2)?;
    let mut number = pos.first().copied();
    let mut ndigits = pos.get(1).copied().unwrap_or(Value::NONE);
    for (k, v) in kws {
        match k.as_str() {
            "number" => number = Some(v),
            "ndigits" => ndigits = v,
            other => return Err(unexpected_kw(vm, "round", other)),
        }
    }
    let Some(x) = number else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    if !vm.heap.type_obj(x).is_heap_type() {
        match vm.as_num(x) {
            Some(Num::Float(f)) => {
                if ndigits.is_none() {
                    return crate::number::float::round_to_int(f)
                        .map(|i| vm.int_value(i))
                        .map_err(|e| vm.num_error(e));
                }
                let Some(n) = vm.as_index(ndigits)? else {
                    return Err(vm.type_error(&format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(ndigits)
                    )));
                };
                let n = n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
                return crate::number::float::round_ndigits(f, n)
                    .map(Value::from_f64)
                    .map_err(|e| vm.num_error(e));
            }
            Some(Num::Int(i)) => {
                if ndigits.is_none() {
                    return Ok(vm.int_value(i));
                }
                let Some(n) = vm.as_index(ndigits)? else {
                    return Err(vm.type_error("ndigits must be an integer"));
                };
                return Ok(vm.int_value(i.round(&n)));
            }
            _ => {}
        }
    }
    let name = vm.heap.intern("__round__");
    match vm.heap.lookup_in_type_of(x, name) {
        Some(m) => {
            if ndigits.is_none() {
                vm.call_method_value(m, x, &[])
            } else {
                vm.call_method_value(m, x, &[ndigits])
            }
        }
        // A subclass of a built-in number rounds its value, as the
        // built-in's `__round__` would.
        // (complex has no `__round__`: it falls through to the error.)
        None if matches!(vm.as_num(x), Some(Num::Int(_) | Num::Float(_))) => {
            let base = vm.builtin_base_value(x);
            let args = if ndigits.is_none() { vec![base] } else { vec![base, ndigits] };
            vm.with_temp(base, |vm| round(vm, &args, &[]))
        }
        None => {
            Err(vm.type_error(&format!("type {} doesn't define __round__ method", vm.type_name(x))))
        }
    }
}

pub(crate) fn divmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "divmod", args, kwnames, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if !vm.heap.type_obj(a).is_heap_type() && !vm.heap.type_obj(b).is_heap_type() {
        if let (Some(x), Some(y)) = (vm.as_num(a), vm.as_num(b)) {
            return match crate::number::tower::divmod(&x, &y) {
                Ok((q, r)) => {
                    let (q, r) = (vm.num_value(q), vm.num_value(r));
                    Ok(vm.heap.new_tuple(&[q, r]))
                }
                Err(e) => Err(vm.num_error(e)),
            };
        }
    }
    let (name, rname) = (vm.heap.intern("__divmod__"), vm.heap.intern("__rdivmod__"));
    let not_impl = vm.heap.singletons().not_implemented;
    if let Some(m) = vm.heap.lookup_in_type_of(a, name) {
        let r = vm.call_method_value(m, a, &[b])?;
        if r != not_impl {
            return Ok(r);
        }
    }
    if let Some(m) = vm.heap.lookup_in_type_of(b, rname) {
        let r = vm.call_method_value(m, b, &[a])?;
        if r != not_impl {
            return Ok(r);
        }
    }
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

fn pow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kwnames);
    super::at_most(vm, "pow", pos.len(), 3)?;
    let mut vals: Vec<Option<Value>> =
        vec![pos.first().copied(), pos.get(1).copied(), pos.get(2).copied()];
    // A missing argument is reported before an unknown keyword, as
    // CPython's argument clinic does.
    let mut unknown = None;
    for (k, v) in kws {
        match k.as_str() {
            "base" => vals[0] = Some(v),
            "exp" => vals[1] = Some(v),
            "mod" => vals[2] = Some(v),
            _ => unknown = unknown.or(Some(k)),
        }
    }
    let (Some(a), Some(b)) = (vals[0], vals[1]) else {
        let missing = if vals[0].is_none() { "'base' (pos 1)" } else { "'exp' (pos 2)" };
        return Err(vm.type_error(&format!("pow() missing required argument {missing}")));
    };
    if let Some(k) = unknown {
        return Err(unexpected_kw(vm, "pow", &k));
    }
    match vals[2] {
        Some(m) if !m.is_none() => vm.pow3(a, b, m),
        _ => vm.binary_op(BinOp::Pow, a, b),
    }
}

fn int_base_string(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    fname: &str,
    base: u32,
) -> PyResult {
    let v = exactly_one(vm, fname, args, kwnames)?;
    let Some(i) = vm.as_index(v)? else {
        return Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    };
    // `to_base_string` writes the sign and the 0b/0o/0x prefix.
    Ok(vm.heap.new_str_from_string(i.to_base_string(base)))
}

fn bin(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    int_base_string(vm, args, kwnames, "bin", 2)
}

fn oct(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    int_base_string(vm, args, kwnames, "oct", 8)
}

fn hex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    int_base_string(vm, args, kwnames, "hex", 16)
}

fn format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "format", args, kwnames, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => match str_of(*s) {
            Some(t) => t.as_utf8(&vm.heap)?.to_string(),
            None => {
                return Err(vm.type_error(&format!(
                    "format() argument 2 must be str, not {}",
                    crate::builtins::str_methods::bad_argument_name(vm, *s)
                )))
            }
        },
        None => String::new(),
    };
    vm.format_to_value(args[0], &spec)
}

fn globals(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    no_kwargs(vm, "globals", args, kwnames)?;
    Ok(vm.caller_frame().map_or(Value::NONE, |f| f.globals))
}

fn locals(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    no_kwargs(vm, "locals", args, kwnames)?;
    vm.caller_locals()
}

fn vars(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "vars", args, kwnames, 0, 1)?;
    match args.first() {
        None => vm.caller_locals(),
        Some(&obj) => {
            let name = vm.names.dunder_dict;
            match vm.get_attr(obj, name) {
                Ok(d) => Ok(d),
                Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => {
                    Err(vm.type_error("vars() argument must have __dict__ attribute"))
                }
                Err(e) => Err(e),
            }
        }
    }
}

fn dir(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "dir", args, kwnames, 0, 1)?;
    let Some(&obj) = args.first() else {
        let locals = vm.caller_locals()?;
        if vm.heap.type_of(locals) != vm.heap.types().dict {
            // `exec` with a mapping (or a dict subclass) for locals: its
            // `keys()`, as a list (CPython's `PyMapping_Keys`).
            let keys = vm.call_method_by_name(locals, "keys", &[])?;
            let mark = vm.push_temp(keys);
            let collected = vm.collect_iterable(keys);
            vm.truncate_temps(mark);
            let listed = match collected {
                Ok(items) => items,
                Err(e) if e.matches(&vm.heap, vm.heap.types().type_error) => {
                    return Err(vm.type_error(&format!(
                        "{}.keys() returned a non-iterable (type {})",
                        vm.type_name(locals),
                        vm.type_name(keys)
                    )));
                }
                Err(e) => return Err(e),
            };
            let list = vm.heap.new_list(&listed);
            return sorted(vm, &[list], &[]);
        }
        let mut names = Vec::new();
        for (k, _) in vm.dict_items(locals) {
            names.push(vm.str_of_value(k)?);
        }
        return Ok(sorted_names(vm, names));
    };
    // A `__dir__` written in Python (Enum's, a user class's) decides, as
    // `type(obj).__dir__(obj)` does in CPython; the built-in one is
    // [`default_dir`].
    let dunder_dir = vm.heap.intern("__dir__");
    let custom = vm
        .heap
        .lookup_in_type_of(obj, dunder_dir)
        .filter(|&m| crate::vm::function::function_of(m).is_some());
    if custom.is_none() {
        if let Some(m) = crate::vm::function::module_of(obj) {
            module_dict_checked(vm, obj, m.dict)?;
            // `module.__dir__`: the module's own `__dir__` if it has one
            // (PEP 562), else the names in its dict.
            let key = vm.heap.intern("__dir__");
            let listed = match vm.dict_get_item(m.dict, key)? {
                Some(f) => vm.call(f, &[])?,
                None => {
                    let mut names = Vec::new();
                    for (k, _) in vm.dict_items(m.dict) {
                        names.push(vm.str_of_value(k)?);
                    }
                    return Ok(sorted_names(vm, names));
                }
            };
            return sorted(vm, &[listed], &[]);
        }
    }
    match custom {
        Some(m) => {
            let listed = vm.call_method_value(m, obj, &[])?;
            sorted(vm, &[listed], &[])
        }
        None => default_dir(vm, obj),
    }
}

/// `module.__dir__` reads `module.__dict__`, which a subclass of the module
/// type may shadow by something that is not a dict: a TypeError then.
fn module_dict_checked(vm: &mut Vm, module: Value, dict: Value) -> PyResult<()> {
    let ty = vm.heap.type_obj(module);
    let Some(shadow) = vm.heap.lookup(ty, vm.names.dunder_dict) else { return Ok(()) };
    let seen = vm.descr_get(shadow, module, ty.value())?;
    if crate::object::dict::dict_of(seen).is_some() {
        return Ok(());
    }
    let name = vm.dict_get_item(dict, vm.names.dunder_name)?.and_then(str_of);
    let Some(name) = name else {
        return Err(PyErr::new(&vm.heap, vm.heap.types().system_error, "nameless module"));
    };
    let name = name.to_string_lossy().into_owned();
    Err(vm.type_error(&format!("{name}.__dict__ is not a dictionary")))
}

/// `object.__dir__`: the instance's attributes, its module's names and
/// those of every class on its MRO, sorted.
pub fn default_dir(vm: &mut Vm, obj: Value) -> PyResult {
    let mut names: Vec<String> = Vec::new();
    if let Some(attrs) = vm.heap.attrs_of(obj, false) {
        for (k, _) in attrs.items() {
            names.push(vm.str_of_value(k)?);
        }
    }
    // A bound method's `__dict__` is its function's.
    let func = crate::vm::function::method_of(obj).map_or(obj, |m| m.function);
    if let Some(f) = crate::vm::function::function_of(func) {
        for (k, _) in f.attrs.items() {
            names.push(vm.str_of_value(k)?);
        }
    }
    if let Some(m) = crate::vm::function::module_of(obj) {
        for (k, _) in vm.dict_items(m.dict) {
            names.push(vm.str_of_value(k)?);
        }
    }
    let t = Gc::<TypeObj>::from_value(obj).unwrap_or_else(|| vm.heap.type_obj(obj));
    for c in t.mro() {
        if let Some(ct) = Gc::<TypeObj>::from_value(c) {
            for (k, _) in ct.own_attrs() {
                // A class keeps its `__qualname__` here; CPython's type
                // holds it outside its dict.
                if k != vm.names.dunder_qualname || !ct.is_heap_type() {
                    names.push(vm.str_of_value(k)?);
                }
            }
            if !ct.is_heap_type() {
                let computed = super::special_names::special_names(&ct.name());
                names.extend(computed.iter().map(|n| n.to_string()));
            }
        }
    }
    Ok(sorted_names(vm, names))
}

fn sorted_names(vm: &mut Vm, mut names: Vec<String>) -> Value {
    names.sort();
    names.dedup();
    let values: Vec<Value> = names.iter().map(|n| vm.heap.new_str(n)).collect();
    vm.heap.new_list(&values)
}

fn build_class(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    vm.build_class(args, kwnames)
}

fn import(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let names = ["name", "globals", "locals", "fromlist", "level"];
    let [name, globals, _locals, fromlist, level] =
        super::named_args(vm, "__import__", args, kwnames, names)?;
    let Some(name) = name else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    if str_of(name).is_none() {
        return Err(vm.type_error(&format!(
            "__import__() argument 1 must be str, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, name)
        )));
    }
    let fromlist = fromlist.unwrap_or(Value::NONE);
    let level = match level {
        None => 0,
        Some(v) if vm.heap.is_instance(v, vm.heap.types().float) => {
            return Err(vm.type_error("integer argument expected, got float"));
        }
        Some(v) => match vm.as_int(v).and_then(|i| i.to_i64()) {
            Some(n) => n,
            None => return Err(crate::builtins::int_required(vm, v)),
        },
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let level = u16::try_from(level).unwrap_or(u16::MAX);
    // Absent globals are empty (a relative import then fails as CPython's
    // NULL globals do); None is refused there as "globals must be a dict".
    let globals = globals.unwrap_or(Value::EMPTY);
    let fromlist = match list_of(fromlist) {
        Some(l) => vm.heap.new_tuple(&l.items.to_vec()),
        None => fromlist,
    };
    // The fresh dict and tuple must outlive the imports' collections.
    let mark = vm.push_temp(globals);
    vm.push_temp(fromlist);
    let result = vm.import_name(name, globals, fromlist, level);
    vm.truncate_temps(mark);
    result
}

/// `input([prompt])`: the prompt to `sys.stdout`, a line from `sys.stdin`
/// without its `"\n"`; EOFError at end of input.
fn input(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "input", args, kwnames, 0, 1)?;
    let stdout = crate::modules::sys::stdout_object(vm)?;
    if let Some(&prompt) = args.first() {
        let text = vm.str_of_value(prompt)?;
        crate::modules::sys::write_to(vm, stdout, &text)?;
    }
    if stdout != vm.original_stdout {
        vm.call_method_by_name(stdout, "flush", &[])?;
    }
    let stdin = crate::modules::sys::sys_attr(vm, "stdin")?;
    let line = match crate::modules::sys::sys_attr(vm, "__stdin__")? {
        original if original == stdin => crate::modules::stdio::stdin_line(vm)?,
        _ => vm.call_method_by_name(stdin, "readline", &[])?,
    };
    let Some(s) = str_of(line) else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    let text = s.as_wtf8();
    match text.last() {
        None => Err(PyErr::eof_error(&vm.heap, "EOF when reading a line")),
        Some(b'\n') => Ok(vm.heap.new_str_wtf8(&text[..text.len() - 1])),
        Some(_) => Ok(line),
    }
}

/// `Int` of a value for functions that need an index.
pub fn index_of(vm: &mut Vm, v: Value) -> PyResult<Int> {
    match vm.as_index(v)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}
