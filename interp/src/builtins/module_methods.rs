//! The `module` type (`types.ModuleType`): `__new__`, `__init__` and the
//! repr rules of CPython 3.8's `importlib._bootstrap._module_repr`.

use super::str_methods::keyword_args;
use super::{add_method, add_new};
use crate::object::str::str_of;
use crate::object::{PyErr, Value};
use crate::vm::function::{module_of, ModuleObj};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let module = vm.heap.types().module;
    add_new(vm, module, module_new);
    add_method(vm, module, "__init__", module_init);
}

/// `module.__new__(cls, *args, **kwargs)`: an empty module of class `cls`;
/// `__init__` fills its namespace.
fn module_new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let module = vm.heap.types().module;
    let cls = super::constructors::class_arg(vm, args, module, "module")?;
    let dict = vm.heap.new_dict();
    let m = ModuleObj { dict, name: Value::NONE, imported: false };
    Ok(vm.heap.alloc(cls, m).value())
}

/// `module.__init__(self, name, doc=None)`: sets the five attributes every
/// module starts with, as CPython's `module_init_dict`.
fn module_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(m) = args.first().copied().and_then(module_of) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'module' object"));
    };
    let bound = keyword_args(vm, &args[1..], kwnames, "module", &["name", "doc"])?;
    let Some(name) = bound[0] else {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    };
    if str_of(name).is_none() {
        return Err(vm.type_error(&format!(
            "module() argument 'name' must be str, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, name)
        )));
    }
    let doc = bound[1].unwrap_or(Value::NONE);
    let names = &vm.names;
    let entries = [
        (names.dunder_name, name),
        (names.dunder_doc, doc),
        (names.dunder_package, Value::NONE),
        (names.dunder_loader, Value::NONE),
        (names.dunder_spec, Value::NONE),
    ];
    for (key, value) in entries {
        vm.dict_set_item(m.dict, key, value)?;
    }
    Ok(Value::NONE)
}

/// `repr(module)`: the loader's `module_repr`, else the spec's name and
/// origin, else `__name__` and `__file__` (`_module_repr` in CPython's
/// `importlib/_bootstrap.py`).
pub fn module_repr(vm: &mut Vm, m: Value) -> PyResult<String> {
    let loader = optional_attr(vm, m, "__loader__")?.unwrap_or(Value::NONE);
    if !loader.is_none() {
        let hook = vm.heap.intern("module_repr");
        if let Some(f) = optional_value_attr(vm, loader, hook)? {
            let r = vm.with_temp(loader, |vm| vm.call(f, &[m]));
            if let Some(text) = r.ok().and_then(str_of) {
                return Ok(text.to_string_lossy().into_owned());
            }
        }
    }
    if let Some(spec) = optional_attr(vm, m, "__spec__")?.filter(|s| !s.is_none()) {
        return vm.with_temp(spec, |vm| repr_from_spec(vm, spec));
    }
    let name = match optional_attr(vm, m, "__name__")? {
        Some(n) => vm.repr_of_value(n)?,
        None => "'?'".to_string(),
    };
    match optional_attr(vm, m, "__file__")? {
        Some(file) => Ok(format!("<module {name} from {}>", vm.repr_of_value(file)?)),
        None if !loader.is_none() => Ok(format!("<module {name} ({})>", vm.repr_of_value(loader)?)),
        None if module_of(m).is_some_and(|m| m.imported) => {
            Ok(format!("<module {name} (built-in)>"))
        }
        None => Ok(format!("<module {name}>")),
    }
}

/// `_module_repr_from_spec`.
fn repr_from_spec(vm: &mut Vm, spec: Value) -> PyResult<String> {
    let attr = |vm: &mut Vm, name: &str| {
        let key = vm.heap.intern(name);
        vm.get_attr(spec, key)
    };
    let name_v = attr(vm, "name")?;
    let name = if name_v.is_none() { "'?'".to_string() } else { vm.repr_of_value(name_v)? };
    let origin = attr(vm, "origin")?;
    if origin.is_none() {
        let loader = attr(vm, "loader")?;
        return Ok(if loader.is_none() {
            format!("<module {name}>")
        } else {
            format!("<module {name} ({})>", vm.repr_of_value(loader)?)
        });
    }
    let has_location = attr(vm, "has_location")?;
    if vm.is_true(has_location)? {
        Ok(format!("<module {name} from {}>", vm.repr_of_value(origin)?))
    } else {
        let name = vm.repr_of_value(name_v)?;
        Ok(format!("<module {name} ({})>", vm.str_of_value(origin)?))
    }
}

fn optional_attr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    let key = vm.heap.intern(name);
    optional_value_attr(vm, obj, key)
}

/// `getattr(obj, name, None)` that tells a missing attribute from `None`.
fn optional_value_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    match vm.get_attr(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if is_attribute_error(vm, &e) => Ok(None),
        Err(e) => Err(e),
    }
}

fn is_attribute_error(vm: &Vm, e: &PyErr) -> bool {
    e.matches(&vm.heap, vm.heap.types().attribute_error)
}
