//! The buffer side of `memoryview`: its module (`memoryview.py`, whose
//! methods become the built-in type's), new views, and the export marks
//! that keep an exported bytearray or array from changing size.

use super::support::{set_state, state};
use crate::object::bytes::bytearray_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::{PyResult, Vm};

const EXPORTED_KEY: &str = "_tachyon_exported";

/// `_tachyon_memoryview`: `memoryview.py` run with its three native helpers.
pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_tachyon_memoryview", |vm, module| {
        let helpers: &[(&'static str, crate::vm::function::NativeFn)] = &[
            ("_tachyon_new_view", new_view),
            ("_tachyon_mark_exported", mark_exported),
            ("_tachyon_adopt", adopt),
        ];
        super::add_functions(vm, module, helpers)?;
        let dict = crate::vm::function::module_of(module).map(|m| m.dict).unwrap_or(Value::NONE);
        let source = include_str!("memoryview.py").as_bytes();
        vm.exec_source_in(source, "<tachyon _tachyon_memoryview>", dict, dict)?;
        Ok(())
    })
}

/// `_tachyon_new_view(state)`: an instance of the built-in `memoryview`
/// type holding `state` as its `_s`.
fn new_view(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let t = Gc::<TypeObj>::from_value(vm.heap.types().memoryview).expect("a type");
    let view = vm.heap.new_instance(t);
    set_state(vm, view, "_s", args.first().copied().unwrap_or(Value::NONE))?;
    Ok(view)
}

/// `_tachyon_adopt(cls)`: the attributes `cls` defines become the built-in
/// `memoryview` type's.
fn adopt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let cls = args.first().and_then(|v| Gc::<TypeObj>::from_value(*v));
    let Some(cls) = cls else {
        return Err(vm.type_error("_tachyon_adopt() needs a class"));
    };
    let target = Gc::<TypeObj>::from_value(vm.heap.types().memoryview).expect("a type");
    let entries = cls.own_attrs();
    for (key, value) in entries {
        let Some(name) = crate::object::str::str_of(key) else { continue };
        let name = name.to_string_lossy().into_owned();
        if matches!(name.as_str(), "__dict__" | "__weakref__") {
            continue;
        }
        vm.heap.type_set_builtin_attr(target, &name, value);
    }
    target.set_heap_type();
    Ok(Value::NONE)
}

/// `_tachyon_mark_exported(obj, flag)`: sets or clears the mark a resize
/// of `obj` checks.
fn mark_exported(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (Some(&obj), Some(&flag)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("_tachyon_mark_exported() takes 2 arguments"));
    };
    let flag = vm.is_true(flag)?;
    if let Some(b) = bytearray_of(obj) {
        b.exported.set(flag);
    } else {
        set_state(vm, obj, EXPORTED_KEY, Value::from_bool(flag))?;
    }
    Ok(Value::NONE)
}

/// Whether `obj` is marked as lent to a memoryview.
fn is_marked(vm: &Vm, obj: Value) -> bool {
    match bytearray_of(obj) {
        Some(b) => b.exported.get(),
        None => state(vm, obj, EXPORTED_KEY) == Some(Value::TRUE),
    }
}

/// A BufferError unless `obj` (a bytearray or array) may change size: no
/// view holds it. CPython's wording differs between the two.
pub fn check_resizable(vm: &mut Vm, obj: Value) -> PyResult<()> {
    if !is_marked(vm, obj) {
        return Ok(());
    }
    let resizable = super::call_lazy_class(vm, "_tachyon_memoryview", "_resizable", &[obj], &[])?;
    if resizable == Value::TRUE {
        return Ok(());
    }
    let msg = if bytearray_of(obj).is_some() {
        "Existing exports of data: object cannot be re-sized"
    } else {
        "cannot resize an array that is exporting buffers"
    };
    Err(PyErr::new(&vm.heap, vm.heap.types().buffer_error, msg))
}

/// The bytes of `v` if it is a memoryview (its `tobytes()`).
pub fn view_bytes(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    if vm.heap.type_of(v) != vm.heap.types().memoryview {
        return Ok(None);
    }
    let b = vm.call_method_by_name(v, "tobytes", &[])?;
    Ok(crate::builtins::bytes_methods::bytes_like(b))
}

/// The bytes of any buffer: bytes, bytearray, array or memoryview (not str).
pub fn buffer_bytes(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = crate::builtins::bytes_methods::bytes_like(v) {
        return Ok(Some(b));
    }
    if let Some(b) = super::array::array_bytes(vm, v) {
        return Ok(Some(b));
    }
    view_bytes(vm, v)
}
