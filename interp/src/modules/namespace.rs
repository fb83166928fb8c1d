//! `SimpleNamespace` (what `types.SimpleNamespace` finds as
//! `type(sys.implementation)`): attributes from keywords, CPython's repr
//! `namespace(a=1, b='x')` and equality by attributes.

use crate::builtins::{add_method, method_no_args};
use crate::object::attrmap::AttrMap;
use crate::object::str::str_of;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// Makes the class (once, at start-up; kept as a permanent root).
pub fn new_class(vm: &mut Vm) -> PyResult {
    let object = vm.heap.types().object;
    let cls =
        vm.heap.new_class(vm.heap.types().type_, "SimpleNamespace", &[object], AttrMap::new())?;
    vm.heap.add_permanent_root(cls);
    let module_name = vm.heap.new_str("types");
    crate::builtins::set_type_attr(vm, cls, "__module__", module_name);
    add_method(vm, cls, "__init__", init);
    add_method(vm, cls, "__repr__", repr);
    add_method(vm, cls, "__eq__", eq);
    Ok(cls)
}

/// An instance of `cls` with the given attributes.
pub fn new_instance(vm: &mut Vm, cls: Value, fields: &[(&str, Value)]) -> PyResult {
    let t = crate::object::Gc::<crate::object::types::TypeObj>::from_value(cls)
        .ok_or_else(|| vm.type_error("SimpleNamespace is not a class"))?;
    let ns = vm.heap.new_instance(t);
    let attrs = vm.heap.attrs_of(ns, true).ok_or_else(|| vm.type_error("no attributes"))?;
    for (name, v) in fields {
        attrs.set(&vm.heap, vm.heap.intern(name), *v);
    }
    Ok(ns)
}

fn init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let Some(attrs) = vm.heap.attrs_of(args[0], true) else {
        return Err(
            vm.type_error("descriptor '__init__' requires a 'types.SimpleNamespace' object")
        );
    };
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        attrs.set(&vm.heap, *k, *v);
    }
    Ok(Value::NONE)
}

/// `namespace(a=1, b='x')`: the attributes sorted by name; a namespace
/// met again inside itself shows as `namespace(...)`. A subclass shows its
/// own name.
fn repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__repr__")?;
    let ns = args[0];
    let ty = vm.heap.type_obj(ns);
    // SimpleNamespace itself is the one on `object` alone.
    let name =
        if ty.bases() == [vm.heap.types().object] { "namespace".to_string() } else { ty.name() };
    let mut items: Vec<(String, Value)> = vm
        .heap
        .attrs_of(ns, false)
        .map(|a| a.items())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, v)| str_of(k).map(|s| (s.to_string_lossy().into_owned(), v)))
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    let mark = vm.stack.len();
    vm.stack.extend(items.iter().map(|(_, v)| *v));
    let cycle = format!("{name}(...)");
    let result = vm.repr_guarded(ns, &cycle, |vm| {
        let mut parts = Vec::with_capacity(items.len());
        for (k, v) in &items {
            parts.push(format!("{k}={}", vm.repr_of_value(*v)?));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    });
    vm.truncate_temps(mark);
    Ok(vm.heap.new_str_from_string(result?))
}

fn eq(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let other = crate::builtins::method_one_arg(vm, args, kwnames, "__eq__")?;
    if vm.heap.type_of(other) != vm.heap.type_of(args[0]) {
        return Ok(vm.heap.singletons().not_implemented);
    }
    let dict_of = |vm: &mut Vm, v: Value| -> PyResult {
        let items = vm.heap.attrs_of(v, false).map(|a| a.items()).unwrap_or_default();
        let flat: Vec<Value> = items.iter().flat_map(|(k, v)| [*k, *v]).collect();
        vm.new_dict_from_pairs(&flat)
    };
    let a = dict_of(vm, args[0])?;
    let mark = vm.push_temp(a);
    let result = dict_of(vm, other).and_then(|b| {
        vm.push_temp(b);
        vm.rich_compare(crate::bytecode::instr::CmpOp::Eq, a, b)
    });
    vm.truncate_temps(mark);
    result
}
