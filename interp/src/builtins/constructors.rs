//! `__new__` of the built-in types: what `int(x)`, `list(it)`, `dict(...)`,
//! `type(name, bases, ns)`, `super()`, `property(...)` and exception
//! classes do when called. Subclasses of these types get instances of the
//! subclass with the same layout.

use std::cell::Cell;

use super::{add_method, add_new, no_kwargs, split_kwargs, unexpected_kw};
use crate::number::int::Int;
use crate::number::tower::Num;
use crate::object::gc::Tracer;
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::Value;
use crate::object::{Gc, ObjKind, Payload, PyErr};
use crate::vm::function::PropertyObj;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let table: &[(Value, crate::vm::function::NativeFn)] = &[
        (t.object, object_new),
        (t.type_, type_new),
        (t.int, int_new),
        (t.bool, bool_new),
        (t.float, float_new),
        (t.str, str_new),
        (t.list, list_new),
        (t.tuple, tuple_new),
        (t.dict, dict_new),
        (t.set, set_new),
        (t.frozenset, frozenset_new),
        (t.range, range_new),
        (t.slice, slice_new),
        (t.property, property_new),
        (t.staticmethod, staticmethod_new),
        (t.classmethod, classmethod_new),
        (t.method, method_new),
        (t.cell, cell_new),
        (t.function, super::code_methods::function_new),
        (t.super_, super_new),
        (t.base_exception, exception_new),
        (t.none_type, singleton_new),
        (t.not_implemented_type, singleton_new),
        (t.ellipsis_type, singleton_new),
    ];
    for (ty, f) in table {
        add_new(vm, *ty, *f);
    }
    add_method(vm, t.ellipsis_type, "__reduce__", singleton_reduce);
    add_method(vm, t.not_implemented_type, "__reduce__", singleton_reduce);
    add_method(vm, t.base_exception, "__init__", exception_init);
    add_method(vm, t.base_exception, "with_traceback", exception_with_traceback);
    add_method(vm, t.base_exception, "__setstate__", exception_setstate);
    add_method(vm, t.import_error, "__init__", import_error_init);
    add_method(vm, t.syntax_error, "__init__", syntax_error_init);
    add_method(vm, t.dict, "__init__", dict_init);
    add_method(vm, t.list, "__init__", list_init);
    add_method(vm, t.set, "__init__", set_init);
    add_method(vm, t.super_, "__get__", super_get);
    add_method(vm, t.super_, "__init__", super_init);
    add_method(vm, t.property, "__init__", property_init);
    add_method(vm, t.property, "getter", property_getter);
    add_method(vm, t.property, "setter", property_setter);
    add_method(vm, t.property, "deleter", property_deleter);
}

/// `types.MethodType(function, instance)`.
fn method_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(&format!(
            "method expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let (func, receiver) = (args[1], args[2]);
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if receiver.is_none() {
        return Err(vm.type_error("self must not be None"));
    }
    Ok(vm.new_method(func, receiver))
}

/// `types.CellType([contents])`: a cell, empty without an argument.
fn cell_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("cell() takes no keyword arguments"));
    }
    match args {
        [_] => Ok(vm.new_cell(Value::EMPTY)),
        [_, v] => Ok(vm.new_cell(*v)),
        _ => Err(vm.type_error(&format!(
            "cell expected at most 1 argument, got {}",
            args.len().saturating_sub(1)
        ))),
    }
}

/// `type(None)()`, `type(Ellipsis)()`, `type(NotImplemented)()`: the one
/// instance, and no arguments (CPython's `none_new` and its siblings).
fn singleton_new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let types = vm.heap.types();
    let (none_t, ellipsis_t, not_implemented_t) =
        (types.none_type, types.ellipsis_type, types.not_implemented_type);
    let (ellipsis, not_implemented) =
        (vm.heap.singletons().ellipsis, vm.heap.singletons().not_implemented);
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("__new__(): not enough arguments"));
    };
    let (instance, name) = match cls {
        _ if cls == none_t => (Value::NONE, "NoneType"),
        _ if cls == ellipsis_t => (ellipsis, "EllipsisType"),
        _ if cls == not_implemented_t => (not_implemented, "NotImplementedType"),
        _ => {
            return Err(vm.type_error(&format!(
                "__new__() argument 1 must be a singleton type, not {}",
                vm.type_name(cls)
            )))
        }
    };
    if args.len() > 1 {
        return Err(vm.type_error(&format!("{name} takes no arguments")));
    }
    Ok(instance)
}

/// `Ellipsis.__reduce__()` and `NotImplemented.__reduce__()`: their
/// names, so that pickle saves them as globals of `builtins`.
fn singleton_reduce(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let receiver = args.first().copied().unwrap_or(Value::NONE);
    let name =
        if receiver == vm.heap.singletons().ellipsis { "Ellipsis" } else { "NotImplemented" };
    Ok(vm.heap.intern(name))
}

/// The class a `__new__` was called for, checked to be a subtype of `base`.
pub(crate) fn class_arg(vm: &Vm, args: &[Value], base: Value, name: &str) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error(&format!("{name}.__new__(): not enough arguments")));
    };
    let (Some(c), Some(b)) = (Gc::<TypeObj>::from_value(cls), Gc::<TypeObj>::from_value(base))
    else {
        return Err(vm.type_error(&format!(
            "{name}.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if !c.is_subtype(b) {
        return Err(vm.type_error(&format!(
            "{name}.__new__({}): {} is not a subtype of {name}",
            c.name(),
            c.name()
        )));
    }
    Ok(cls)
}

/// CPython's check that a class `abc` left abstract is not instantiated.
fn refuse_abstract(vm: &mut Vm, t: Gc<TypeObj>) -> PyResult<()> {
    let key = vm.heap.intern("__abstractmethods__");
    let Some(abstracts) = t.own_attr(key) else { return Ok(()) };
    if !vm.is_true(abstracts)? {
        return Ok(());
    }
    let mut names = Vec::new();
    for v in vm.collect_iterable(abstracts)? {
        names.push(vm.str_of_value(v)?);
    }
    names.sort();
    Err(vm.type_error(&format!(
        "Can't instantiate abstract class {} with abstract methods {}",
        t.name(),
        names.join(", ")
    )))
}

fn object_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let object = vm.heap.types().object;
    let cls = class_arg(vm, args, object, "object")?;
    let t = Gc::<TypeObj>::from_value(cls).expect("checked");
    if args.len() > 1 || !kwnames.is_empty() {
        use crate::builtins::object_methods::inherits_object_slot;
        let (init, new) = (vm.names.dunder_init, vm.names.dunder_new);
        if !inherits_object_slot(vm, t, new) {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if inherits_object_slot(vm, t, init) {
            return Err(vm.type_error(&format!("{}() takes no arguments", t.name())));
        }
    }
    refuse_abstract(vm, t)?;
    match t.layout() {
        ObjKind::Instance => Ok(vm.heap.new_instance(t)),
        ObjKind::Exception => Ok(vm.heap.new_exception(t, &[])),
        _ => Err(vm.type_error(&format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name(),
            t.name()
        ))),
    }
}

fn type_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, _) = split_kwargs(args, kwnames);
    // Only `type` itself has the one-argument form (bpo-27157).
    let exact = pos.first() == Some(&vm.heap.types().type_);
    if exact && pos.len() == 2 && kwnames.is_empty() {
        return Ok(vm.heap.type_of(pos[1]));
    }
    if pos.len() != 4 {
        if exact {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
        return Err(vm.type_error(&format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let npos = args.len() - kwnames.len();
    vm.type_new(pos[0], pos[1], pos[2], pos[3], kwnames, &args[npos..])
}

/// `int(x=0)` / `int(x, base=10)`.
pub(crate) fn int_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let int_t = vm.heap.types().int;
    let cls = class_arg(vm, args, int_t, "int")?;
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    let mut x = pos.first().copied();
    let mut base = pos.get(1).copied();
    if pos.len() > 2 {
        return Err(
            vm.type_error(&format!("int() takes at most 2 arguments ({} given)", pos.len()))
        );
    }
    for (k, v) in kws {
        match k.as_str() {
            "base" => base = Some(v),
            "x" => {
                return Err(vm.type_error("'x' is an invalid keyword argument for int()"));
            }
            other => {
                return Err(
                    vm.type_error(&format!("'{other}' is an invalid keyword argument for int()"))
                )
            }
        }
    }
    let value = match (x.take(), base) {
        (None, None) => Int::Small(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(v), Some(b)) => {
            let Some(b) = vm.as_index(b)? else {
                return Err(vm.type_error(&format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(b)
                )));
            };
            let b = b.to_i64().unwrap_or(-1);
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            parse_int_value(vm, v, b as u32, true)?
        }
        (Some(v), None) => int_of(vm, v)?,
    };
    if cls == int_t {
        Ok(vm.int_value(value))
    } else {
        Ok(vm.heap.new_int_of_type(cls, value.to_bigint()))
    }
}

/// `int(v)` for one argument: numbers, strings, `__int__`, `__index__`, `__trunc__`.
pub fn int_of(vm: &mut Vm, v: Value) -> PyResult<Int> {
    let array = crate::modules::array::array_bytes(vm, v);
    if let Some(data) =
        array.map_or_else(|| crate::modules::buffer::view_bytes(vm, v), |a| Ok(Some(a)))?
    {
        let b = vm.heap.new_bytes(&data);
        return vm.with_temp(b, |vm| parse_int_value(vm, b, 10, false));
    }
    if !vm.heap.type_obj(v).is_heap_type() {
        match vm.as_num(v) {
            Some(Num::Int(i)) => return Ok(i),
            Some(Num::Float(f)) => return Int::from_f64(f).map_err(|e| vm.num_error(e)),
            _ => {}
        }
        if str_of(v).is_some()
            || crate::object::bytes::bytes_of(v).is_some()
            || crate::object::bytes::bytearray_of(v).is_some()
        {
            return parse_int_value(vm, v, 10, false);
        }
    }
    // CPython's `PyNumber_Long`: `__int__`, else `__index__`, else
    // `__trunc__`. A subclass of int or float has the inherited native
    // `__int__`, which reads its value (its own `__index__` is not asked).
    for name in ["__int__", "__index__"] {
        let n = vm.heap.intern(name);
        if let Some(m) = vm.heap.lookup_in_type_of(v, n) {
            if vm.is_native_slot_method(m) {
                break;
            }
            let r = vm.call_method_value(m, v, &[])?;
            return int_result(vm, r, name);
        }
    }
    let trunc = vm.heap.intern("__trunc__");
    if let Some(m) = vm.heap.lookup_in_type_of(v, trunc).filter(|m| !vm.is_native_slot_method(*m)) {
        let r = vm.call_method_value(m, v, &[])?;
        if let Some(i) = vm.as_int(r) {
            return Ok(i);
        }
        // `__trunc__` should give an Integral; int() takes anything with
        // `__index__` or `__int__` (index first) and asks no further.
        for name in ["__index__", "__int__"] {
            let n = vm.heap.intern(name);
            if let Some(m) = vm.heap.lookup_in_type_of(r, n) {
                let r2 = vm.with_temp(r, |vm| vm.call_method_value(m, r, &[]))?;
                let i = vm.with_temp(r, |vm| int_result(vm, r2, name))?;
                if name == "__int__" {
                    let msg = format!(
                        "an integer is required (got type {}).  Implicit conversion to \
                         integers using __int__ is deprecated, and may be removed in a future \
                         version of Python.",
                        vm.type_name(r)
                    );
                    let category = vm.heap.types().deprecation_warning;
                    super::warn::warn(vm, category, &msg, 1)?;
                }
                return Ok(i);
            }
        }
        return Err(
            vm.type_error(&format!("__trunc__ returned non-Integral (type {})", vm.type_name(r)))
        );
    }
    let base = vm.builtin_base_value(v);
    if base != v {
        return int_of(vm, base);
    }
    // complex has an `__int__` in 3.8, which refuses.
    if vm.heap.type_of(v) == vm.heap.types().complex {
        return Err(vm.type_error("can't convert complex to int"));
    }
    Err(vm.type_error(&format!(
        "int() argument must be a string, a bytes-like object or a number, not '{}'",
        vm.type_name(v)
    )))
}

/// The int that `__int__` or `__index__` (`name`) returned: a subclass of
/// int is taken with a `DeprecationWarning`, anything else is an error.
fn int_result(vm: &mut Vm, r: Value, name: &str) -> PyResult<Int> {
    let Some(i) = vm.as_int(r) else {
        return Err(vm.type_error(&format!("{name} returned non-int (type {})", vm.type_name(r))));
    };
    let int_t = vm.heap.types().int;
    if !r.is_small_int() && vm.heap.type_of(r) != int_t {
        let msg = format!(
            "{name} returned non-int (type {}).  The ability to return an instance of a \
             strict subclass of int is deprecated, and may be removed in a future version \
             of Python.",
            vm.type_name(r)
        );
        let category = vm.heap.types().deprecation_warning;
        vm.with_temp(r, |vm| super::warn::warn(vm, category, &msg, 1))?;
    }
    Ok(i)
}

fn parse_int_value(vm: &mut Vm, v: Value, base: u32, explicit_base: bool) -> PyResult<Int> {
    if let Some(s) = str_of(v) {
        // A lone surrogate is never part of a number.
        let Ok(text) = s.to_str() else {
            let repr = s.repr();
            return Err(
                vm.value_error(&format!("invalid literal for int() with base {base}: {repr}"))
            );
        };
        return crate::number::int_parse::parse_int(text, base).map_err(|e| vm.num_error(e));
    }
    if let Some(b) = crate::object::bytes::bytes_of(v) {
        return crate::number::int_parse::parse_int_bytes(b.as_bytes(), base)
            .map_err(|e| vm.num_error(e));
    }
    if let Some(b) = crate::object::bytes::bytearray_of(v) {
        let data = b.data.borrow().clone();
        return crate::number::int_parse::parse_int_bytes(&data, base).map_err(|e| vm.num_error(e));
    }
    if explicit_base {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    }
    Err(vm.type_error(&format!(
        "int() argument must be a string, a bytes-like object or a number, not '{}'",
        vm.type_name(v)
    )))
}

pub(crate) fn bool_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = no_kwargs(vm, "bool", args, kwnames)?;
    match args.len() {
        1 => Ok(Value::FALSE),
        2 => vm.is_true(args[1]).map(Value::from_bool),
        n => Err(vm.type_error(&format!("bool expected at most 1 argument, got {}", n - 1))),
    }
}

pub(crate) fn float_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let float_t = vm.heap.types().float;
    let cls = class_arg(vm, args, float_t, "float")?;
    let args = no_kwargs(vm, "float", &args[1..], kwnames)?;
    if args.len() > 1 {
        return Err(
            vm.type_error(&format!("float expected at most 1 argument, got {}", args.len()))
        );
    }
    let f = match args.first() {
        None => 0.0,
        Some(&v) => float_of(vm, v)?,
    };
    if cls == float_t {
        Ok(Value::from_f64(f))
    } else {
        Ok(vm.heap.new_float_of_type(cls, f))
    }
}

/// `float(v)`.
pub fn float_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    let array = crate::modules::array::array_bytes(vm, v);
    if let Some(data) =
        array.map_or_else(|| crate::modules::buffer::view_bytes(vm, v), |a| Ok(Some(a)))?
    {
        return float_of_bytes(vm, v, &data);
    }
    if !vm.heap.type_obj(v).is_heap_type() {
        match vm.as_num(v) {
            Some(Num::Float(f)) => return Ok(f),
            Some(Num::Int(i)) => return i.to_f64().map_err(|e| vm.num_error(e)),
            _ => {}
        }
        if let Some(s) = str_of(v) {
            let Ok(text) = s.to_str() else {
                let repr = s.repr();
                return Err(vm.value_error(&format!("could not convert string to float: {repr}")));
            };
            return crate::number::float_parse::parse_float(text).map_err(|e| vm.num_error(e));
        }
        if let Some(data) = super::bytes_methods::bytes_like(v) {
            return float_of_bytes(vm, v, &data);
        }
    }
    let name = vm.heap.intern("__float__");
    if let Some(m) = vm.heap.lookup_in_type_of(v, name) {
        if !vm.is_native_slot_method(m) {
            let r = vm.call_method_value(m, v, &[])?;
            return match r.as_f64() {
                Some(f) => Ok(f),
                None => Err(vm.type_error(&format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(v),
                    vm.type_name(r)
                ))),
            };
        }
    }
    if let Some(i) = vm.as_index(v)? {
        return i.to_f64().map_err(|e| vm.num_error(e));
    }
    let base = vm.builtin_base_value(v);
    if base != v {
        return float_of(vm, base);
    }
    // complex has a `__float__` in 3.8, which refuses.
    if vm.heap.type_of(v) == vm.heap.types().complex {
        return Err(vm.type_error("can't convert complex to float"));
    }
    Err(vm.type_error(&format!(
        "float() argument must be a string or a number, not '{}'",
        vm.type_name(v)
    )))
}

/// `float(b"1.5")`: the bytes read as ASCII text. The error shows the
/// object itself, or `''` when nothing but whitespace is left.
fn float_of_bytes(vm: &mut Vm, v: Value, data: &[u8]) -> PyResult<f64> {
    if data.iter().all(u8::is_ascii_whitespace) {
        return Err(vm.value_error("could not convert string to float: ''"));
    }
    let parsed = std::str::from_utf8(data)
        .ok()
        .filter(|text| text.is_ascii())
        .and_then(|text| crate::number::float_parse::parse_float(text).ok());
    match parsed {
        Some(f) => Ok(f),
        None => {
            let repr = vm.repr_of_value(v)?;
            Err(vm.value_error(&format!("could not convert string to float: {repr}")))
        }
    }
}

pub(crate) fn str_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let str_t = vm.heap.types().str;
    let cls = class_arg(vm, args, str_t, "str")?;
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    super::at_most(vm, "str", pos.len(), 3)?;
    let mut object = pos.first().copied();
    let mut encoding = pos.get(1).copied();
    let mut errors = pos.get(2).copied();
    for (k, v) in kws {
        match k.as_str() {
            "object" => object = Some(v),
            "encoding" => encoding = Some(v),
            "errors" => errors = Some(v),
            other => {
                return Err(
                    vm.type_error(&format!("'{other}' is an invalid keyword argument for str()"))
                )
            }
        }
    }
    let decoding = encoding.is_some() || errors.is_some();
    let text = match object {
        None => String::new(),
        // `str(data, encoding, errors)` decodes any buffer.
        Some(v) if decoding => return str_decoded(vm, cls, v, encoding, errors),
        // The str kept as a value: it may hold lone surrogates.
        Some(v) => {
            let s = vm.str_value(v)?;
            if cls == str_t && !vm.heap.type_obj(s).is_heap_type() {
                return Ok(s);
            }
            let Some(text) = str_of(s) else {
                return Err(vm.type_error("__str__ returned non-string"));
            };
            return Ok(vm.heap.new_str_of_type_wtf8(cls, text.as_wtf8()).value());
        }
    };
    if cls == str_t {
        Ok(vm.heap.new_str_from_string(text))
    } else {
        Ok(vm.heap.new_str_of_type(cls, &text).value())
    }
}

/// `str(object, encoding, errors)`: CPython's `PyUnicode_FromEncodedObject`,
/// which decodes any buffer with the codec (a bytes subclass's own
/// `decode` is not called). `pickle`'s unicode opcodes come here for every
/// string, so bytes decode in place, without a method lookup or copies.
fn str_decoded(
    vm: &mut Vm,
    cls: Value,
    v: Value,
    encoding: Option<Value>,
    errors: Option<Value>,
) -> PyResult {
    for (i, arg) in [(2, encoding), (3, errors)] {
        if let Some(a) = arg.filter(|a| str_of(*a).is_none()) {
            return Err(vm.type_error(&format!(
                "str() argument {i} must be str, not {}",
                crate::builtins::str_methods::bad_argument_name(vm, a)
            )));
        }
    }
    let encoding = encoding.unwrap_or_else(|| vm.heap.new_str("utf-8"));
    let errors = errors.unwrap_or_else(|| vm.heap.new_str("strict"));
    let data = if crate::builtins::bytes_methods::ByteView::of(v).is_some() {
        v
    } else if str_of(v).is_some() {
        return Err(vm.type_error("decoding str is not supported"));
    } else {
        match crate::modules::buffer::buffer_bytes(vm, v)? {
            Some(bytes) => vm.heap.new_bytes(&bytes),
            None => {
                return Err(vm.type_error(&format!(
                    "decoding to str: need a bytes-like object, {} found",
                    vm.type_name(v)
                )))
            }
        }
    };
    let mark = vm.push_temp(data);
    vm.push_temp(encoding);
    vm.push_temp(errors);
    let s = crate::builtins::bytes_methods::decode(vm, &[data, encoding, errors], &[]);
    vm.truncate_temps(mark);
    let s = s?;
    let str_t = vm.heap.types().str;
    if cls == str_t && vm.heap.type_of(s) == str_t {
        return Ok(s);
    }
    Ok(str_of(s).map_or(s, |s| vm.heap.new_str_of_type_wtf8(cls, s.as_wtf8()).value()))
}

/// `list.__new__(cls, ...)`: an empty list of `cls`, filled by
/// `list.__init__`. CPython's list takes `PyType_GenericNew`, which ignores
/// its arguments, so a subclass whose `__init__` takes other arguments
/// still constructs (`list(it)` itself takes `Vm::collect_into_builtin`).
fn list_new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let list_t = vm.heap.types().list;
    let cls = class_arg(vm, args, list_t, "list")?;
    Ok(vm.heap.new_list_of_type(cls, &[]))
}

/// `list.__init__(self, iterable=())`: empties the list, then appends the
/// items, as CPython's `list___init___impl` (so `l.__init__(l)` empties `l`).
fn list_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(target) = args.first().and_then(|&a| crate::object::list::list_of(a)) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'list' object"));
    };
    let rest = no_kwargs(vm, "list", &args[1..], kwnames)?;
    if rest.len() > 1 {
        return Err(vm.type_error(&format!("list expected at most 1 argument, got {}", rest.len())));
    }
    target.items.clear();
    if let Some(&source) = rest.first() {
        vm.check_list_init_hint(source)?;
        let start = vm.push_iterable_items(source)?;
        // Looked up again: iterating may have run a collection.
        if let Some(target) = crate::object::list::list_of(args[0]) {
            for &item in &vm.stack[start..] {
                target.items.push(item);
            }
        }
        vm.truncate_temps(start);
    }
    Ok(Value::NONE)
}

fn tuple_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let tuple_t = vm.heap.types().tuple;
    let cls = class_arg(vm, args, tuple_t, "tuple")?;
    let args = no_kwargs(vm, "tuple", &args[1..], kwnames)?;
    if args.len() > 1 {
        return Err(
            vm.type_error(&format!("tuple expected at most 1 argument, got {}", args.len()))
        );
    }
    let start = match args.first() {
        Some(&v) => {
            if cls == tuple_t
                && crate::object::tuple::tuple_of(v).is_some()
                && !vm.heap.type_obj(v).is_heap_type()
            {
                return Ok(v);
            }
            vm.check_length_hint(v)?;
            vm.push_iterable_items(v)?
        }
        None => vm.stack.len(),
    };
    let items = &vm.stack[start..];
    let tuple = if cls == tuple_t {
        vm.heap.new_tuple(items)
    } else {
        vm.heap.new_tuple_of_type(cls, items)
    };
    vm.truncate_temps(start);
    Ok(tuple)
}

/// `dict.__new__(cls, ...)`: an empty dict, filled by `dict.__init__`
/// (CPython's `dict_new` also ignores its arguments).
fn dict_new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let dict_t = vm.heap.types().dict;
    let cls = class_arg(vm, args, dict_t, "dict")?;
    Ok(if cls == dict_t { vm.heap.new_dict() } else { vm.heap.new_dict_of_type(cls) })
}

/// `dict.__init__(self, *args, **kwargs)`: adds the items as `update` does,
/// whether `dict(...)` or the program calls it (`d.__init__(e)` keeps what
/// `d` held).
fn dict_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if args.first().is_none_or(|&d| crate::object::dict::dict_of(d).is_none()) {
        return Err(vm.type_error("descriptor '__init__' requires a 'dict' object"));
    }
    let positional = args.len() - 1 - kwnames.len();
    if positional > 1 {
        return Err(vm.type_error(&format!("dict expected at most 1 argument, got {positional}")));
    }
    crate::builtins::map_methods::dict_update(vm, args, kwnames)
}

/// `set.__new__(cls, ...)`: an empty set, filled by `set.__init__` (the
/// call `set(iterable)` itself takes a shorter way, `Vm::call_type`).
fn set_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let set_t = vm.heap.types().set;
    class_arg(vm, args, set_t, "set")?;
    if args[0] == set_t {
        no_kwargs(vm, "set", &args[1..], kwnames)?;
    }
    Ok(vm.heap.new_set_of_type(args[0], crate::table::set::Set::new()))
}

/// `set.__init__(self, iterable=())`: empties the set, then adds the items,
/// as CPython's `set_init` (so `s.__init__(s)` leaves `s` empty).
fn set_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(target) = args.first().and_then(|&a| crate::object::set::set_of(a)) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'set' object"));
    };
    let cls_name = vm.type_name(args[0]);
    let rest = no_kwargs(vm, "set", &args[1..], kwnames)?;
    if rest.len() > 1 {
        let msg = format!("{cls_name} expected at most 1 argument, got {}", rest.len());
        return Err(vm.type_error(&msg));
    }
    *target.table.borrow_mut() = crate::table::set::Set::new();
    if let Some(&source) = rest.first() {
        vm.set_update(args[0], source)?;
    }
    Ok(Value::NONE)
}

/// A new plain set of the items of `args[1]` (`args[0]` is the class).
fn fill_set(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let frozenset = Gc::<TypeObj>::from_value(vm.heap.types().frozenset);
    let frozen = Gc::<TypeObj>::from_value(args[0])
        .is_some_and(|t| frozenset.is_some_and(|f| t.is_subtype(f)));
    let name = if frozen { "frozenset" } else { "set" };
    let args = no_kwargs(vm, name, &args[1..], kwnames)?;
    if args.len() > 1 {
        return Err(
            vm.type_error(&format!("{name} expected at most 1 argument, got {}", args.len()))
        );
    }
    let Some(&source) = args.first() else { return vm.new_set_from_stack(vm.stack.len()) };
    if let Some(set) = vm.new_set_laid_out_from(source) {
        return set;
    }
    let start = vm.push_iterable_items(source)?;
    vm.new_set_from_stack(start)
}

/// `frozenset(iterable=())`. As in CPython, an exact frozenset argument is
/// returned as is and the empty frozenset exists once.
fn frozenset_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let frozenset = vm.heap.types().frozenset;
    let exact = args[0] == frozenset;
    if let [_, source] = args {
        if exact && kwnames.is_empty() && source.is_ptr() && vm.heap.type_of(*source) == frozenset {
            return Ok(*source);
        }
    }
    let set = fill_set(vm, args, kwnames)?;
    // The table itself, as `make_new_set` fills the frozenset directly.
    let table = crate::object::set::set_of(set).map(|s| s.table.take()).unwrap_or_default();
    if exact && table.is_empty() {
        return Ok(vm.heap.singletons().empty_frozenset);
    }
    Ok(vm.heap.new_frozenset_of_type(args[0], table))
}

pub(crate) fn range_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = no_kwargs(vm, "range", &args[1..], kwnames)?;
    match args.len() {
        0 => return Err(vm.type_error("range expected 1 argument, got 0")),
        n if n > 3 => {
            return Err(vm.type_error(&format!("range expected at most 3 arguments, got {n}")))
        }
        _ => {}
    }
    let mut ints =
        [Value::from_small_int(0).expect("0"), Value::NONE, Value::from_small_int(1).expect("1")];
    // One argument is the stop; two or three start at the start.
    let first = if args.len() == 1 { 1 } else { 0 };
    for (k, &a) in args.iter().enumerate() {
        match vm.as_index(a)? {
            // A bool stays itself (`range(True, 5)` shows it), as CPython
            // keeps what `__index__` gave.
            Some(_) if a == Value::TRUE || a == Value::FALSE => ints[first + k] = a,
            Some(i) => ints[first + k] = vm.int_value(i),
            None => {
                return Err(vm.type_error(&format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(a)
                )))
            }
        }
    }
    vm.heap.new_range(ints[0], ints[1], ints[2])
}

fn slice_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = no_kwargs(vm, "slice", &args[1..], kwnames)?;
    match args.len() {
        1 => Ok(vm.heap.new_slice(Value::NONE, args[0], Value::NONE)),
        2 => Ok(vm.heap.new_slice(args[0], args[1], Value::NONE)),
        3 => Ok(vm.heap.new_slice(args[0], args[1], args[2])),
        0 => Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => Err(vm.type_error(&format!("slice expected at most 3 arguments, got {n}"))),
    }
}

/// `property.__new__`: an exact property is filled at once; a subclass's
/// instance starts empty for its `__init__` (which may take other
/// arguments) to fill through `property.__init__`.
fn property_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let prop = PropertyObj::new(Value::NONE, Value::NONE, Value::NONE, Value::NONE);
    let prop = vm.heap.alloc(args[0], prop).value();
    if args[0] == vm.heap.types().property {
        vm.with_temp(prop, |vm| property_fill(vm, prop, &args[1..], kwnames))?;
    }
    Ok(prop)
}

/// `property.__init__(self, fget=None, fset=None, fdel=None, doc=None)`.
fn property_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(&prop) = args.first().filter(|v| Gc::<PropertyObj>::from_value(**v).is_some()) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'property' object"));
    };
    property_fill(vm, prop, &args[1..], kwnames)?;
    Ok(Value::NONE)
}

/// CPython's property_init: the accessors, and the doc given or else the
/// getter's.
fn property_fill(vm: &mut Vm, prop: Value, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let (pos, kws) = split_kwargs(args, kwnames);
    super::at_most(vm, "property", pos.len(), 4)?;
    let mut parts = [Value::NONE; 4];
    for (i, v) in pos.iter().enumerate().take(4) {
        parts[i] = *v;
    }
    for (k, v) in kws {
        let i = match k.as_str() {
            "fget" => 0,
            "fset" => 1,
            "fdel" => 2,
            "doc" => 3,
            other => return Err(unexpected_kw(vm, "property", other)),
        };
        parts[i] = v;
    }
    let mut getter_doc = false;
    if parts[3].is_none() && !parts[0].is_none() {
        let doc = vm.names.dunder_doc;
        match vm.get_attr(parts[0], doc) {
            Ok(d) => {
                parts[3] = d;
                getter_doc = true;
            }
            Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(p) = Gc::<PropertyObj>::from_value(prop) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'property' object"));
    };
    p.fget.set(parts[0]);
    p.fset.set(parts[1]);
    p.fdel.set(parts[2]);
    p.doc.set(parts[3]);
    p.getter_doc.set(getter_doc);
    // A subclass's instance gets the doc in its own `__dict__`, where it
    // shadows the subclass's docstring (a subclass whose `__slots__` leave
    // no `__dict__` fails here, as in CPython).
    if getter_doc && vm.heap.type_obj(prop).is_heap_type() {
        let doc = vm.names.dunder_doc;
        vm.set_attr(prop, doc, parts[3])?;
    }
    Ok(())
}

/// `getter`/`setter`/`deleter`: CPython's property_copy, which makes the
/// copy by calling the property's own type, so a subclass's `__init__`
/// runs; a doc that came from the old getter is taken from the new one.
fn property_with(vm: &mut Vm, args: &[Value], which: usize) -> PyResult {
    let Some(p) = args.first().and_then(|v| Gc::<PropertyObj>::from_value(*v)) else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let f = args.get(1).copied().unwrap_or(Value::NONE);
    let mut parts = [p.fget.get(), p.fset.get(), p.fdel.get(), p.doc.get()];
    parts[which] = f;
    if p.getter_doc.get() && !parts[0].is_none() {
        parts[3] = Value::NONE;
    }
    let ty = vm.heap.type_of(args[0]);
    vm.call(ty, &parts)
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    property_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    property_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    property_with(vm, args, 2)
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = no_kwargs(vm, "staticmethod", args, kwnames)?;
    if args.len() != 2 {
        return Err(
            vm.type_error(&format!("staticmethod expected 1 argument, got {}", args.len() - 1))
        );
    }
    // A subclass's instance is of the subclass.
    let obj = crate::vm::function::StaticMethodObj { callable: std::cell::Cell::new(args[1]) };
    Ok(vm.heap.alloc(args[0], obj).value())
}

fn classmethod_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = no_kwargs(vm, "classmethod", args, kwnames)?;
    if args.len() != 2 {
        return Err(
            vm.type_error(&format!("classmethod expected 1 argument, got {}", args.len() - 1))
        );
    }
    Ok(vm.new_class_method_of(args[0], args[1]))
}

/// `super(type, obj)`: attribute lookup that starts after `thisclass`.
/// The fields are set by `super.__init__` too (a subclass of super is made
/// empty by `__new__` and filled by its `__init__`, as in CPython).
pub struct SuperObj {
    pub thisclass: Cell<Value>,
    pub obj: Cell<Value>,
    pub obj_type: Cell<Value>,
}

// SAFETY: traces its three values.
unsafe impl Payload for SuperObj {
    const KIND: ObjKind = ObjKind::Super;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.thisclass.get(), self.obj.get(), self.obj_type.get()])
    }
}

/// `super.__new__(cls, ...)`: an exact `super` is complete at once (the
/// common `super()` costs one step); a subclass's instance starts empty,
/// for its `__init__` (which reaches `super.__init__`) to fill.
fn super_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = args[0];
    let super_type = vm.heap.types().super_;
    let (thisclass, obj, obj_type) = if cls == super_type {
        super_fields(vm, &args[1..], kwnames)?
    } else {
        (Value::NONE, Value::NONE, Value::NONE)
    };
    let s = SuperObj {
        thisclass: Cell::new(thisclass),
        obj: Cell::new(obj),
        obj_type: Cell::new(obj_type),
    };
    Ok(vm.heap.alloc(cls, s).value())
}

/// `super.__init__(self, [type[, obj]])`.
fn super_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(s) = args.first().and_then(|&s| Gc::<SuperObj>::from_value(s)) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'super' object"));
    };
    // `super()` made by `super.__new__` from this same frame: already
    // filled in with what these arguments give.
    let exact = vm.heap.type_of(args[0]) == vm.heap.types().super_;
    if exact && args.len() == 1 && kwnames.is_empty() && !s.thisclass.get().is_none() {
        return Ok(Value::NONE);
    }
    let (thisclass, obj, obj_type) = super_fields(vm, &args[1..], kwnames)?;
    s.thisclass.set(thisclass);
    s.obj.set(obj);
    s.obj_type.set(obj_type);
    Ok(Value::NONE)
}

/// `super()`'s arguments, checked: the class to start after, the object
/// (None when unbound) and the type whose MRO is searched.
fn super_fields(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<(Value, Value, Value)> {
    let args = no_kwargs(vm, "super", args, kwnames)?;
    let (thisclass, obj) = match args.len() {
        0 => vm.zero_arg_super()?,
        1 => (args[0], Value::NONE),
        2 => (args[0], args[1]),
        n => return Err(vm.type_error(&format!("super() takes at most 2 arguments ({n} given)"))),
    };
    let Some(tc) = Gc::<TypeObj>::from_value(thisclass) else {
        return Err(vm.type_error(&format!(
            "super() argument 1 must be type, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, thisclass)
        )));
    };
    let obj_type = if obj.is_none() {
        Value::NONE
    } else if let Some(ot) = Gc::<TypeObj>::from_value(obj).filter(|t| t.is_subtype(tc)) {
        ot.value()
    } else if vm.heap.is_instance(obj, thisclass) {
        vm.heap.type_of(obj)
    } else {
        // A proxy whose `__class__` claims a subclass (CPython's supercheck).
        let claimed = vm.get_attr(obj, vm.names.dunder_class).ok();
        match claimed.and_then(Gc::<TypeObj>::from_value).filter(|t| t.is_subtype(tc)) {
            Some(t) => t.value(),
            None => {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                )
            }
        }
    };
    Ok((thisclass, obj, obj_type))
}

/// `super.__get__(obj, type=None)`: an unbound `super(cls)` bound to
/// `obj`; a bound one, or `obj` None, gives the super object itself.
/// `super.__get__(obj, type)`: an unbound `super(C)` found through an
/// instance binds to it (a subclass of super is called to make the bound
/// one, as CPython's `super_descr_get`).
pub(crate) fn super_get(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = no_kwargs(vm, "__get__", args, kwnames)?;
    if !(2..=3).contains(&args.len()) {
        return Err(vm.type_error(&format!(
            "expected 1 or 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let Some(s) = Gc::<SuperObj>::from_value(args[0]) else {
        return Err(vm.type_error("descriptor '__get__' requires a 'super' object"));
    };
    let ty = args.get(2).copied().unwrap_or(Value::NONE);
    if args[1].is_none() && ty.is_none() {
        return Err(vm.type_error("__get__(None, None) is invalid"));
    }
    if args[1].is_none() || !s.obj.get().is_none() {
        return Ok(args[0]);
    }
    let super_type = vm.heap.types().super_;
    let own_type = vm.heap.type_of(args[0]);
    if own_type != super_type {
        return vm.call(own_type, &[s.thisclass.get(), args[1]]);
    }
    super_new(vm, &[super_type, s.thisclass.get(), args[1]], &[])
}

fn exception_new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let base = vm.heap.types().base_exception;
    let cls = class_arg(vm, args, base, "BaseException")?;
    let t = Gc::<TypeObj>::from_value(cls).expect("checked");
    Ok(vm.heap.new_exception(t, &args[1..]))
}

/// `exc.with_traceback(tb)`: sets `__traceback__` and gives the exception.
/// `BaseException.__setstate__(state)`: a dict's items become attributes
/// (what unpickling an exception does); None is no state.
fn exception_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let state = super::method_one_arg(vm, args, kw, "__setstate__")?;
    if state.is_none() {
        return Ok(Value::NONE);
    }
    if crate::object::dict::dict_of(state).is_none() {
        return Err(vm.type_error("state is not a dictionary"));
    }
    for (k, v) in vm.dict_items(state) {
        // Attribute storage keys on interned names (unpickled keys are not).
        let Some(name) = vm.heap.intern_value(k) else {
            return Err(
                vm.type_error(&format!("attribute name must be string, not '{}'", vm.type_name(k)))
            );
        };
        vm.set_attr(args[0], name, v)?;
    }
    Ok(Value::NONE)
}

fn exception_with_traceback(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let [exc, tb] = args else {
        return Err(vm.type_error("with_traceback() takes exactly one argument"));
    };
    let Some(e) = crate::object::exception::exception_of(*exc) else {
        return Err(vm.type_error("with_traceback() needs an exception"));
    };
    if !tb.is_none() && !vm.heap.is_instance(*tb, vm.heap.types().traceback) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    e.traceback.set(*tb);
    Ok(*exc)
}

/// `ImportError(*args, name=None, path=None)`: sets `msg`, `name`, `path`.
fn import_error_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    let (mut name, mut path) = (Value::NONE, Value::NONE);
    for (k, v) in kws {
        match k.as_str() {
            "name" => name = v,
            "path" => path = v,
            other => {
                return Err(vm.type_error(&format!(
                    "'{other}' is an invalid keyword argument for ImportError()"
                )))
            }
        }
    }
    let Some(e) = crate::object::exception::exception_of(args[0]) else { return Ok(Value::NONE) };
    e.args.set(vm.heap.new_tuple(pos));
    let msg = if pos.len() == 1 { pos[0] } else { Value::NONE };
    for (field, v) in [("msg", msg), ("name", name), ("path", path)] {
        vm.store_exception_field(args[0], field, v);
    }
    Ok(Value::NONE)
}

/// `SyntaxError(msg, (filename, lineno, offset, text))`: sets `msg` from
/// the first argument and the location fields from a second one, which
/// must be a sequence of four (CPython's `SyntaxError_init`).
fn syntax_error_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    exception_init(vm, args, kwnames)?;
    let rest = &args[1..];
    let mut fields = [Value::NONE; 5];
    if let Some(&msg) = rest.first() {
        fields[0] = msg;
    }
    if let [_, info] = rest {
        let items = vm.collect_iterable(*info)?;
        let [filename, lineno, offset, text] = items[..] else {
            // CPython's message (from Python 2.4) for a wrong-sized location.
            return Err(PyErr::new(
                &vm.heap,
                vm.heap.types().index_error,
                "tuple index out of range",
            ));
        };
        fields[1..].copy_from_slice(&[filename, lineno, offset, text]);
    }
    if crate::object::exception::exception_of(args[0]).is_none() {
        return Ok(Value::NONE);
    }
    let names = crate::vm::exception_members::SYNTAX_ERROR;
    for (name, v) in names.iter().zip(fields.iter().chain([&Value::NONE])) {
        vm.store_exception_field(args[0], name, *v);
    }
    Ok(Value::NONE)
}

fn exception_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        let name = vm.type_name(args[0]);
        return Err(vm.type_error(&format!("{name} does not take keyword arguments")));
    }
    if let Some(e) = crate::object::exception::exception_of(args[0]) {
        e.args.set(vm.heap.new_tuple(&args[1..]));
        vm.init_exception_fields(args[0], &args[1..])?;
    }
    Ok(Value::NONE)
}
