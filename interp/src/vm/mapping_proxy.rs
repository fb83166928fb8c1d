//! `mappingproxy`: the read-only view that `C.__dict__` gives of a class's
//! namespace and `types.MappingProxyType(m)` gives of any mapping. Reads go
//! to the target; there is no way to write through it.
//!
//! A class keeps its namespace in its own map, not a dict object, so a
//! proxy of a class builds a dict of the namespace as it is at each
//! access: the view stays live without the class paying for a dict.

use super::containers::{WrapperKind, WrapperObj};
use super::{PyResult, Vm};
use crate::builtins::{add_method, add_new, arg_range, exactly_one};
use crate::object::dict::dict_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, ObjHeader, ObjKind, Value};

pub fn install(vm: &mut Vm) {
    let ty = vm.heap.types().mappingproxy;
    add_new(vm, ty, proxy_new);
    let methods: &[(&'static str, super::function::NativeFn)] = &[
        ("get", proxy_get),
        ("keys", |vm, args, kw| proxy_forward(vm, args, kw, "keys")),
        ("values", |vm, args, kw| proxy_forward(vm, args, kw, "values")),
        ("items", |vm, args, kw| proxy_forward(vm, args, kw, "items")),
        ("copy", |vm, args, kw| proxy_forward(vm, args, kw, "copy")),
        ("__getitem__", proxy_getitem),
        ("__contains__", proxy_contains),
        ("__len__", proxy_len),
    ];
    for (name, f) in methods {
        add_method(vm, ty, name, *f);
    }
}

impl Vm {
    /// A read-only view of `target`: a class (its namespace) or a mapping.
    pub fn new_mapping_proxy(&self, target: Value) -> Value {
        let ty = self.heap.types().mappingproxy;
        self.heap.alloc(ty, WrapperObj { target, kind: WrapperKind::MappingProxy }).value()
    }

    /// The mapping behind `v` when `v` is a mappingproxy: the target, or
    /// for a class a dict of its namespace as it is now.
    pub fn proxied_mapping(&mut self, v: Value) -> Option<Value> {
        let w = Gc::<WrapperObj>::from_value(v).filter(|w| w.kind == WrapperKind::MappingProxy)?;
        let Some(t) = Gc::<TypeObj>::from_value(w.target) else { return Some(w.target) };
        let d = self.heap.new_dict();
        let dict = dict_of(d).expect("a new dict");
        // A class keeps `__qualname__` in its namespace; CPython keeps it
        // in the type object, out of `C.__dict__` (typing's protocol
        // checks count what that dict holds).
        let qualname = self.names.dunder_qualname;
        for (k, v) in t.own_attrs() {
            if k != qualname || !t.is_heap_type() {
                dict.set_str(k, v);
            }
        }
        Some(d)
    }

    /// `C.__dict__.get(key)` read from the class's own map, when `proxy`
    /// is a class's mappingproxy and `key` an exact str: no dict of the
    /// namespace is built. `None` when the general path must answer.
    pub fn class_namespace_get(&self, proxy: Value, key: Value) -> Option<Option<Value>> {
        let w =
            Gc::<WrapperObj>::from_value(proxy).filter(|w| w.kind == WrapperKind::MappingProxy)?;
        let t = Gc::<TypeObj>::from_value(w.target)?;
        if self.heap.type_of(key) != self.heap.types().str {
            return None;
        }
        // Namespace keys are interned (or not strs at all).
        let Some(name) = self.heap.interned_if_any(key) else { return Some(None) };
        if name == self.names.dunder_qualname && t.is_heap_type() {
            return Some(None);
        }
        Some(t.own_attr(name))
    }

    fn proxy_arg(&mut self, args: &[Value], method: &str) -> PyResult<Value> {
        match args.first().and_then(|&p| self.proxied_mapping(p)) {
            Some(m) => Ok(m),
            None => {
                Err(self
                    .type_error(&format!("descriptor '{method}' requires a 'mappingproxy' object")))
            }
        }
    }
}

/// Does `v` support `__getitem__` as a mapping (CPython's `PyMapping_Check`
/// minus the sequences mappingproxy refuses)?
fn is_mapping(vm: &Vm, v: Value) -> bool {
    let Some(h) = ObjHeader::of(v) else { return false };
    if h.kind() == ObjKind::List || tuple_of(v).is_some() {
        return false;
    }
    use ObjKind::{ByteArray, Bytes, Dict, Range, Str, Wrapper};
    if matches!(h.kind(), Dict | Wrapper | Str | Bytes | ByteArray | Range) {
        return true;
    }
    let getitem = vm.names.dunder_getitem;
    vm.heap.type_obj(v).is_heap_type() && vm.heap.lookup_in_type_of(v, getitem).is_some()
}

fn proxy_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if args.len() < 2 && kwnames.is_empty() {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    }
    let mapping = exactly_one(vm, "mappingproxy", &args[1..], kwnames)?;
    if !is_mapping(vm, mapping) {
        return Err(vm.type_error(&format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(mapping)
        )));
    }
    Ok(vm.new_mapping_proxy(mapping))
}

fn proxy_get(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if let (2..=3, true) = (args.len(), kwnames.is_empty()) {
        if let Some(found) = vm.class_namespace_get(args[0], args[1]) {
            return Ok(found.or(args.get(2).copied()).unwrap_or(Value::NONE));
        }
    }
    let m = vm.proxy_arg(args, "get")?;
    let rest = arg_range(vm, "get", &args[1..], kwnames, 1, 2)?;
    vm.with_temp(m, |vm| vm.call_method_by_name(m, "get", rest))
}

fn proxy_forward(vm: &mut Vm, args: &[Value], kwnames: &[Value], method: &str) -> PyResult {
    let m = vm.proxy_arg(args, method)?;
    arg_range(vm, method, &args[1..], kwnames, 0, 0)?;
    vm.with_temp(m, |vm| vm.call_method_by_name(m, method, &[]))
}

fn proxy_getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if let (2, true) = (args.len(), kwnames.is_empty()) {
        if let Some(Some(v)) = vm.class_namespace_get(args[0], args[1]) {
            return Ok(v);
        }
    }
    let m = vm.proxy_arg(args, "__getitem__")?;
    let key = exactly_one(vm, "__getitem__", &args[1..], kwnames)?;
    vm.with_temp(m, |vm| vm.get_item(m, key))
}

fn proxy_contains(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if let (2, true) = (args.len(), kwnames.is_empty()) {
        if let Some(found) = vm.class_namespace_get(args[0], args[1]) {
            return Ok(Value::from_bool(found.is_some()));
        }
    }
    let m = vm.proxy_arg(args, "__contains__")?;
    let key = exactly_one(vm, "__contains__", &args[1..], kwnames)?;
    vm.with_temp(m, |vm| vm.contains(m, key)).map(Value::from_bool)
}

fn proxy_len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let m = vm.proxy_arg(args, "__len__")?;
    arg_range(vm, "__len__", &args[1..], kwnames, 0, 0)?;
    let n = vm.with_temp(m, |vm| vm.len_of(m))?;
    Ok(Value::from_small_int(n as i64).unwrap_or(Value::NONE))
}
