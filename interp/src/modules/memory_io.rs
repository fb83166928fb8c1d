//! `_tachyon_memory_io`: makes `_io`'s native StringIO and BytesIO classes
//! on the Python base classes `io.py` defines, and what the two share:
//! argument conversions worded as CPython 3.8's Argument Clinic words them,
//! the instance dict in pickled state, and the type name in messages.

use crate::builtins::{add_method, set_type_attr};
use crate::object::attrmap::AttrMap;
use crate::object::dict::dict_of;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// `_tachyon_memory_io`: the one function `classes`.
pub fn create(vm: &mut Vm) -> PyResult {
    super::support::function_module(vm, "_tachyon_memory_io", &[("classes", classes)])
}

/// `classes(text_base, buffered_base)`: `(StringIO, BytesIO)`, native
/// classes deriving from `io.py`'s `_TextIOBase` and `_BufferedIOBase`.
fn classes(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let [Some(text_base), Some(buffered_base)] = [args.first(), args.get(1)] else {
        return Err(vm.type_error("classes() takes 2 arguments"));
    };
    let (text_base, buffered_base) = (*text_base, *buffered_base);
    let string_io = io_class(vm, "StringIO", text_base, super::stringio::METHODS)?;
    super::stringio::finish(vm, string_io, super::stringio::new);
    let bytes_io = io_class(vm, "BytesIO", buffered_base, super::bytesio::METHODS)?;
    super::bytesio::finish(vm, bytes_io, super::bytesio::new);
    Ok(vm.heap.new_tuple(&[string_io, bytes_io]))
}

/// Class `_io.name` deriving from `base`, with native `methods`.
fn io_class(
    vm: &mut Vm,
    name: &str,
    base: Value,
    methods: &[(&'static str, NativeFn)],
) -> PyResult {
    let meta = vm.heap.types().type_;
    let cls = vm.heap.new_class(meta, name, &[base], AttrMap::new())?;
    vm.heap.add_permanent_root(cls);
    let module_name = vm.heap.new_str("_io");
    set_type_attr(vm, cls, "__module__", module_name);
    for (method, f) in methods {
        add_method(vm, cls, method, *f);
    }
    let tp_name = vm.heap.new_str(&format!("_io.{name}"));
    set_type_attr(vm, cls, "__tachyon_tp_name__", tp_name);
    let qualname = vm.heap.new_str(name);
    set_type_attr(vm, cls, "__qualname__", qualname);
    Ok(cls)
}

/// CPython's `tp_name` of `obj`'s type: `_io.StringIO` for the native
/// class itself, a Python subclass's own name.
pub fn tp_name(vm: &Vm, obj: Value) -> String {
    let t = vm.heap.type_obj(obj);
    let key = vm.heap.intern("__tachyon_tp_name__");
    match t.own_attr(key).and_then(crate::object::str::str_of) {
        Some(s) => s.to_string_lossy().into_owned(),
        None => t.name(),
    }
}

/// Whether `obj`'s type is the native class itself, not a subclass.
pub fn is_exact(vm: &Vm, obj: Value) -> bool {
    let key = vm.heap.intern("__tachyon_tp_name__");
    vm.heap.type_obj(obj).own_attr(key).is_some()
}

/// The positional arguments of method `name` (after the receiver), at
/// most `max`, with Argument Clinic's errors.
pub fn positional<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
    kwnames: &[Value],
    max: usize,
) -> PyResult<&'a [Value]> {
    crate::builtins::method_no_kwargs(vm, name, kwnames)?;
    let given = &args[1..];
    if given.len() > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!(
            "{name} expected at most {max} argument{s}, got {}",
            given.len()
        )));
    }
    Ok(given)
}

/// `_Py_convert_optional_to_ssize_t`: an int (or `__index__`), or None
/// (and absent) for `None`.
pub fn optional_size(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    let Some(v) = v.filter(|v| !v.is_none()) else { return Ok(None) };
    match vm.as_index(v)? {
        Some(i) => i.to_i64().map(Some).ok_or_else(|| {
            PyErr::overflow_error(&vm.heap, "Python int too large to convert to C ssize_t")
        }),
        None => Err(vm
            .type_error(&format!("argument should be integer or None, not '{}'", vm.type_name(v)))),
    }
}

/// A `Py_ssize_t` argument (seek's position) or `int` one (its whence).
pub fn ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    crate::builtins::str_methods::ssize_arg(vm, v)
}

/// The state tuple handed to `__setstate__`, with at least `n` items.
pub fn state_items(vm: &Vm, obj: Value, state: Value, n: usize) -> PyResult<Vec<Value>> {
    match crate::object::tuple::tuple_of(state) {
        Some(t) if t.len() >= n => Ok(t.items().to_vec()),
        _ => Err(vm.type_error(&format!(
            "{}.__setstate__ argument should be {n}-tuple, got {}",
            tp_name(vm, obj),
            vm.type_name(state)
        ))),
    }
}

/// The position item of a state tuple: a non-negative int, else
/// `not_int`'s TypeError.
pub fn state_position(vm: &Vm, v: Value, not_int: &str) -> PyResult<usize> {
    let Some(i) = vm.as_int(v) else {
        return Err(vm.type_error(&format!("{not_int} {}", vm.type_name(v))));
    };
    let n = i.to_i64().ok_or_else(|| {
        PyErr::overflow_error(&vm.heap, "Python int too large to convert to C ssize_t")
    })?;
    if n < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    Ok(n as usize)
}

/// A copy of `obj`'s instance dict for `__getstate__`, None if it never
/// had one.
pub fn dict_copy(vm: &mut Vm, obj: Value) -> PyResult {
    if vm.heap.attrs_of(obj, false).is_none() {
        return Ok(Value::NONE);
    }
    let key = vm.heap.intern("__dict__");
    let d = vm.get_attr(obj, key)?;
    let mark = vm.push_temp(d);
    let copy = vm.call_method_by_name(d, "copy", &[]);
    vm.truncate_temps(mark);
    copy
}

/// Adds the dict item of a state tuple to `obj`'s attributes (`what` names
/// the item in the TypeError for a non-dict).
pub fn restore_dict(vm: &mut Vm, obj: Value, dict: Value, what: &str) -> PyResult<()> {
    if dict.is_none() {
        return Ok(());
    }
    if dict_of(dict).is_none() {
        return Err(vm.type_error(&format!(
            "{what} item of state should be a dict, got a {}",
            vm.type_name(dict)
        )));
    }
    let key = vm.heap.intern("__dict__");
    let d = vm.get_attr(obj, key)?;
    let mark = vm.push_temp(d);
    let done = vm.call_method_by_name(d, "update", &[dict]);
    vm.truncate_temps(mark);
    done.map(|_| ())
}

/// The ValueError of a closed stream, `dot` ending it with a full stop as
/// all but StringIO's own methods do.
pub fn closed_error(vm: &Vm, dot: bool) -> PyErr {
    vm.value_error(if dot {
        "I/O operation on closed file."
    } else {
        "I/O operation on closed file"
    })
}

/// The receiver's TypeError for a method called on another type.
pub fn wrong_receiver(vm: &Vm, method: &str, class: &str, got: Value) -> PyErr {
    vm.type_error(&format!(
        "descriptor '{method}' requires a '_io.{class}' object but received a '{}'",
        vm.type_name(got)
    ))
}
