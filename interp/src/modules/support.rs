//! What the native modules share: classes whose methods are native
//! functions, per-instance native state kept in hidden attributes, and
//! exception classes made from a line of Python.

use super::module_set;
use crate::builtins::{add_method, set_type_attr};
use crate::object::attrmap::AttrMap;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::function::{module_of, NativeFn};
use crate::vm::{PyResult, Vm};

/// `class name: ...` in `module`, with native `methods`, shown as
/// `<class 'qualname'>` where `qualname` is `module_name.name` (CPython's
/// `tp_name`), or just `name` when `module_name` is `builtins`.
pub fn new_class(
    vm: &mut Vm,
    module: Value,
    module_name: &str,
    name: &str,
    methods: &[(&'static str, NativeFn)],
) -> PyResult {
    let object = vm.heap.types().object;
    let cls = vm.heap.new_class(vm.heap.types().type_, name, &[object], AttrMap::new())?;
    vm.heap.add_permanent_root(cls);
    let module_name = vm.heap.new_str(module_name);
    set_type_attr(vm, cls, "__module__", module_name);
    for (method, f) in methods {
        add_method(vm, cls, method, *f);
    }
    module_set(vm, module, name, cls)?;
    Ok(cls)
}

/// Runs Python `source` in `module`'s namespace (exception classes and the
/// like, which are simplest written in Python).
pub fn exec_in_module(vm: &mut Vm, module: Value, source: &str) -> PyResult<()> {
    let dict = module_of(module).map(|m| m.dict).ok_or_else(|| vm.type_error("not a module"))?;
    vm.exec_source_in(source.as_bytes(), "<tachyon module>", dict, dict).map(|_| ())
}

/// `module.name`, importing `module` (already made, so this is a lookup).
pub fn module_attr(vm: &mut Vm, module: &str, name: &str) -> PyResult {
    let m = vm.import_module(module)?;
    let key = vm.heap.intern(name);
    vm.get_attr(m, key)
}

/// `module.name` as the native module was first made (a class its own
/// code makes instances of, whatever the program rebinds since).
pub fn native_module_attr(vm: &mut Vm, module: &str, name: &str) -> PyResult {
    let key = vm.heap.intern(module);
    let contents = vm.native_module_contents;
    let found = match vm.dict_get_item(contents, key)? {
        Some(dict) => {
            let key = vm.heap.intern(name);
            vm.dict_get_item(dict, key)?
        }
        None => None,
    };
    found.ok_or_else(|| vm.type_error(&format!("{module}.{name} is missing")))
}

/// An exception of class `module.name` with message `msg`.
pub fn module_error(vm: &mut Vm, module: &str, name: &str, msg: &str) -> PyErr {
    match module_attr(vm, module, name) {
        Ok(cls) if Gc::<TypeObj>::from_value(cls).is_some() => PyErr::new(&vm.heap, cls, msg),
        Ok(_) => vm.type_error(&format!("{module}.{name} is not a class")),
        Err(e) => e,
    }
}

/// A new instance of class `module.name`.
pub fn new_instance_of(vm: &mut Vm, module: &str, name: &str) -> PyResult {
    let cls = module_attr(vm, module, name)?;
    let t = Gc::<TypeObj>::from_value(cls)
        .ok_or_else(|| vm.type_error(&format!("{module}.{name} is not a class")))?;
    Ok(vm.heap.new_instance(t))
}

/// The native state `key` of `obj`, if it has one.
///
/// Native methods read their state on every call, so the instance's few
/// attribute names are compared as text first: interning `key` would hash
/// it every time.
pub fn state(vm: &Vm, obj: Value, key: &str) -> Option<Value> {
    if let Some(o) = crate::object::instance::instance_of(obj) {
        if !o.attrs.is_dict_mode() {
            let shape = o.attrs.shape();
            let at = shape.names().iter().position(|n| {
                crate::object::str::str_of(*n).is_some_and(|s| s.as_wtf8() == key.as_bytes())
            });
            return at.and_then(|i| o.attrs.slot(i));
        }
    }
    let name = vm.heap.intern(key);
    vm.heap.attrs_of(obj, false).and_then(|a| a.get(name))
}

/// Sets the native state `key` of `obj`.
pub fn set_state(vm: &Vm, obj: Value, key: &str, v: Value) -> PyResult<()> {
    let name = vm.heap.intern(key);
    let attrs = vm
        .heap
        .attrs_of(obj, true)
        .ok_or_else(|| vm.type_error(&format!("'{}' object has no state", vm.type_name(obj))))?;
    attrs.set(&vm.heap, name, v);
    Ok(())
}

/// The state `key` of a method's receiver, or CPython's TypeError for a
/// descriptor applied to the wrong type.
pub fn receiver_state(vm: &Vm, obj: Value, key: &str, method: &str, class: &str) -> PyResult {
    state(vm, obj, key).ok_or_else(|| {
        vm.type_error(&format!(
            "descriptor '{method}' requires a '{class}' object but received a '{}'",
            vm.type_name(obj)
        ))
    })
}

/// The two optional parameters `names` of C function `fname`, each given
/// by position or by keyword (`PyArg_ParseTupleAndKeywords` with `|OO`);
/// `args` are the arguments after the receiver.
pub fn two_optional_args(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: [&str; 2],
) -> PyResult<[Option<Value>; 2]> {
    crate::builtins::named_args(vm, fname, args, kwnames, names)
}

/// `__iter__` of an iterator: itself.
pub fn self_iter(_vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    Ok(args[0])
}

/// `__next__`'s answer for one step of a native iterator: the item, or
/// StopIteration at the end.
pub fn item_or_stop(vm: &Vm, step: Option<Value>) -> PyResult {
    step.ok_or_else(|| PyErr::with_args(&vm.heap, vm.heap.types().stop_iteration, &[]))
}

/// A call kept for later (`partial`, `methodcaller`): the target, its
/// positional arguments and its keywords (str keys).
pub struct StoredCall {
    pub target: Value,
    pub args: Vec<Value>,
    pub keywords: Vec<(Value, Value)>,
}

impl StoredCall {
    /// The reprs of the arguments, keywords as `name=repr`.
    pub fn argument_reprs(&self, vm: &mut Vm) -> PyResult<Vec<String>> {
        let mut parts = Vec::with_capacity(self.args.len() + self.keywords.len());
        for a in &self.args {
            parts.push(vm.repr_of_value(*a)?);
        }
        for (k, v) in &self.keywords {
            let key = vm.str_of_value(*k)?;
            parts.push(format!("{key}={}", vm.repr_of_value(*v)?));
        }
        Ok(parts)
    }
}

/// A module named `name` holding the native functions `funcs`.
pub fn function_module(vm: &mut Vm, name: &str, funcs: &[(&'static str, NativeFn)]) -> PyResult {
    let module = vm.new_module(name)?;
    let mark = vm.push_temp(module);
    let result = funcs.iter().try_for_each(|(fname, f)| {
        let v = crate::builtins::native_in(vm, module, fname, *f);
        module_set(vm, module, fname, v)
    });
    vm.truncate_temps(mark);
    result.map(|_| module)
}

/// `f` of each value in turn, the results rooted until all are made.
pub fn map_rooted(
    vm: &mut Vm,
    values: &[Value],
    mut f: impl FnMut(&mut Vm, Value) -> PyResult,
) -> PyResult<Vec<Value>> {
    let mark = vm.push_temp(Value::NONE);
    for v in values {
        vm.push_temp(*v);
    }
    let mut out = Vec::with_capacity(values.len());
    let mut result = Ok(());
    for v in values {
        match f(vm, *v) {
            Ok(r) => {
                vm.push_temp(r);
                out.push(r);
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.truncate_temps(mark);
    result.map(|_| out)
}

/// The six rich comparison methods as native functions calling
/// `$compare(vm, args, kwnames, op)`.
macro_rules! rich_comparisons {
    ($compare:ident) => {
        fn __lt__(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
            $compare(vm, args, kwnames, CmpOp::Lt)
        }
        fn __le__(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
            $compare(vm, args, kwnames, CmpOp::Le)
        }
        fn __eq__(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
            $compare(vm, args, kwnames, CmpOp::Eq)
        }
        fn __ne__(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
            $compare(vm, args, kwnames, CmpOp::Ne)
        }
        fn __gt__(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
            $compare(vm, args, kwnames, CmpOp::Gt)
        }
        fn __ge__(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
            $compare(vm, args, kwnames, CmpOp::Ge)
        }
        /// The comparison methods for a class's method table.
        const RICH_COMPARISONS: [(&str, NativeFn); 6] = [
            ("__lt__", __lt__),
            ("__le__", __le__),
            ("__eq__", __eq__),
            ("__ne__", __ne__),
            ("__gt__", __gt__),
            ("__ge__", __ge__),
        ];
    };
}
pub(crate) use rich_comparisons;
