//! `_abc`: the C half of `abc.ABCMeta` (CPython's `Modules/_abc.c`), so
//! `abc.py` takes its fast path instead of `_py_abc`'s `WeakSet`s.
//!
//! Each ABC keeps an `_abc_data` in `cls._abc_impl` holding its registry,
//! its positive and negative caches and the invalidation counter its
//! negative cache was filled at. The three sets are weak: a dict from the
//! class's `id` to a weak reference to it ([`WeakClassSet`]). A lookup is
//! then one small-int dict probe plus a check that the reference still
//! points at the very class (an address reused by a new class after the
//! old one died reads as absent).

use super::support::{new_class, set_state, state};
use crate::builtins::arg_range;
use crate::builtins::functions::is_subclass;
use crate::object::types::TypeObj;
use crate::object::weakref::WeakRefObj;
use crate::object::{Gc, PyErr, Value};
use crate::table::set::Set;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

thread_local! {
    /// Bumped by every `register`: negative caches filled before are stale.
    static INVALIDATION_COUNTER: Cell<i64> = const { Cell::new(0) };
    /// The `_abc_data` class, made with the module.
    static DATA_CLASS: Cell<Value> = const { Cell::new(Value::NONE) };
}

const REGISTRY: &str = "_abc_registry";
const CACHE: &str = "_abc_cache";
const NEGATIVE_CACHE: &str = "_abc_negative_cache";
const NEGATIVE_VERSION: &str = "_abc_negative_cache_version";

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_abc", |vm, module| {
        let data = new_class(vm, module, "_abc", "_abc_data", &[])?;
        DATA_CLASS.with(|c| c.set(data));
        let funcs: &[(&'static str, NativeFn)] = &[
            ("get_cache_token", get_cache_token),
            ("_abc_init", abc_init),
            ("_abc_register", abc_register),
            ("_abc_instancecheck", abc_instancecheck),
            ("_abc_subclasscheck", abc_subclasscheck),
            ("_get_dump", get_dump),
            ("_reset_registry", reset_registry),
            ("_reset_caches", reset_caches),
        ];
        super::add_functions(vm, module, funcs)
    })
}

fn counter() -> i64 {
    INVALIDATION_COUNTER.with(Cell::get)
}

/// A set of classes that does not keep them alive: `id(cls)` to `ref(cls)`.
struct WeakClassSet(Value);

impl WeakClassSet {
    fn key(vm: &Vm, cls: Value) -> Value {
        let address = cls.bits() & crate::object::value::PAYLOAD_MASK;
        vm.heap.new_int_i64(address as i64)
    }

    fn contains(&self, vm: &mut Vm, cls: Value) -> PyResult<bool> {
        if !cls.is_ptr() {
            return Ok(false);
        }
        let key = Self::key(vm, cls);
        let found = vm.dict_get_item(self.0, key)?;
        Ok(found.and_then(Gc::<WeakRefObj>::from_value).is_some_and(|w| w.get() == cls))
    }

    fn add(&self, vm: &mut Vm, cls: Value) -> PyResult<()> {
        let weak = vm.heap.new_weakref(cls, Value::NONE)?;
        let mark = vm.push_temp(weak);
        let key = Self::key(vm, cls);
        let result = vm.dict_set_item(self.0, key, weak);
        vm.truncate_temps(mark);
        result?;
        self.prune_dead(vm)
    }

    /// The classes still alive, in the order they were added.
    fn members(&self, vm: &Vm) -> Vec<Value> {
        vm.dict_items(self.0)
            .into_iter()
            .filter_map(|(_, w)| Gc::<WeakRefObj>::from_value(w).map(|w| w.get()))
            .filter(|v| !v.is_none())
            .collect()
    }

    /// Drops the entries of dead classes when the dict has doubled, so a
    /// program that makes classes in a loop does not grow it for ever.
    fn prune_dead(&self, vm: &mut Vm) -> PyResult<()> {
        let items = vm.dict_items(self.0);
        if items.len() < 64 || !items.len().is_power_of_two() {
            return Ok(());
        }
        for (key, w) in items {
            if Gc::<WeakRefObj>::from_value(w).is_none_or(|w| w.get().is_none()) {
                vm.dict_del_item(self.0, key)?;
            }
        }
        Ok(())
    }
}

/// `cls._abc_impl`, which `_abc_init` made.
fn impl_of(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    let name = vm.heap.intern("_abc_impl");
    let data = vm.get_attr(cls, name)?;
    let class = DATA_CLASS.with(Cell::get);
    if vm.heap.type_obj(data).value() != class {
        return Err(vm.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(data)
}

/// One of the weak sets of an `_abc_data`.
fn weak_set(vm: &mut Vm, data: Value, which: &str) -> PyResult<WeakClassSet> {
    if let Some(d) = state(vm, data, which) {
        return Ok(WeakClassSet(d));
    }
    let d = vm.heap.new_dict();
    set_state(vm, data, which, d)?;
    Ok(WeakClassSet(d))
}

fn negative_version(vm: &Vm, data: Value) -> i64 {
    state(vm, data, NEGATIVE_VERSION).and_then(|v| v.as_small_int()).unwrap_or(0)
}

fn get_cache_token(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "get_cache_token", args, kwnames)?;
    Ok(vm.heap.new_int_i64(counter()))
}

/// `getattr(obj, name)`, or `None` on AttributeError.
fn lookup_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    match vm.get_attr(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `getattr(value, "__isabstractmethod__", False)` as a truth value.
fn is_abstract(vm: &mut Vm, value: Value) -> PyResult<bool> {
    let name = vm.heap.intern("__isabstractmethod__");
    match lookup_attr(vm, value, name)? {
        Some(flag) => vm.is_true(flag),
        None => Ok(false),
    }
}

/// `_abc_init(cls)`: `cls.__abstractmethods__` (its own abstract methods
/// and those inherited that it did not override) and a fresh `_abc_impl`.
fn abc_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = crate::builtins::exactly_one(vm, "_abc_init", args, kwnames)?;
    // A fresh frozenset of our own, filled before anyone sees it.
    let abstracts = vm.heap.new_frozenset(Set::new());
    let mark = vm.push_temp(abstracts);
    let result = compute_abstract_methods(vm, cls, abstracts).and_then(|()| {
        let name = vm.heap.intern("__abstractmethods__");
        vm.set_attr(cls, name, abstracts)?;
        let class = DATA_CLASS.with(Cell::get);
        let t = Gc::<TypeObj>::from_value(class).ok_or_else(|| vm.type_error("no _abc_data"))?;
        let data = vm.heap.new_instance(t);
        vm.push_temp(data);
        let zero = vm.heap.new_int_i64(0);
        set_state(vm, data, NEGATIVE_VERSION, zero)?;
        let name = vm.heap.intern("_abc_impl");
        vm.set_attr(cls, name, data)
    });
    vm.truncate_temps(mark);
    result.map(|()| Value::NONE)
}

fn compute_abstract_methods(vm: &mut Vm, cls: Value, abstracts: Value) -> PyResult<()> {
    let dict_name = vm.heap.intern("__dict__");
    let ns = vm.get_attr(cls, dict_name)?;
    let mark = vm.push_temp(ns);
    let result = (|| {
        let keys = vm.call_method_by_name(ns, "keys", &[])?;
        vm.push_temp(keys);
        for key in vm.collect_iterable(keys)? {
            vm.push_temp(key);
            let value = vm.get_item(ns, key)?;
            if is_abstract(vm, value)? {
                vm.set_add(abstracts, key)?;
            }
        }
        let bases_name = vm.heap.intern("__bases__");
        let bases = vm.get_attr(cls, bases_name)?;
        let Some(bases) = crate::object::tuple::tuple_of(bases) else {
            return Err(vm.type_error("__bases__ is not tuple"));
        };
        vm.push_temp(bases.value());
        let abstract_name = vm.heap.intern("__abstractmethods__");
        for base in bases.items().to_vec() {
            let Some(inherited) = lookup_attr(vm, base, abstract_name)? else { continue };
            vm.push_temp(inherited);
            for key in vm.collect_iterable(inherited)? {
                vm.push_temp(key);
                let Some(name) = vm.heap.intern_value(key) else {
                    return Err(vm.type_error(&format!(
                        "attribute name must be string, not '{}'",
                        vm.type_name(key)
                    )));
                };
                let Some(value) = lookup_attr(vm, cls, name)? else { continue };
                if is_abstract(vm, value)? {
                    vm.set_add(abstracts, key)?;
                }
            }
        }
        Ok(())
    })();
    vm.truncate_temps(mark);
    result
}

fn is_type(v: Value) -> bool {
    Gc::<TypeObj>::from_value(v).is_some()
}

/// `_abc_register(cls, subclass)`: `subclass` becomes a virtual subclass.
fn abc_register(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "_abc_register", args, kwnames, 2, 2)?;
    let (cls, subclass) = (args[0], args[1]);
    if !is_type(subclass) {
        return Err(vm.type_error("Can only register classes"));
    }
    if is_subclass(vm, subclass, cls)? {
        return Ok(subclass);
    }
    // Tested after "already a subclass", so X.register(X) is a no-op.
    if is_subclass(vm, cls, subclass)? {
        let runtime_error = vm.heap.types().runtime_error;
        return Err(PyErr::new(&vm.heap, runtime_error, "Refusing to create an inheritance cycle"));
    }
    let data = impl_of(vm, cls)?;
    weak_set(vm, data, REGISTRY)?.add(vm, subclass)?;
    INVALIDATION_COUNTER.with(|c| c.set(c.get() + 1));
    Ok(subclass)
}

/// `_abc_instancecheck(cls, instance)`: the caches first, then
/// `cls.__subclasscheck__` of `instance.__class__` and of its type.
fn abc_instancecheck(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "_abc_instancecheck", args, kwnames, 2, 2)?;
    let (cls, instance) = (args[0], args[1]);
    let data = impl_of(vm, cls)?;
    let class_name = vm.heap.intern("__class__");
    let subclass = vm.get_attr(instance, class_name)?;
    if weak_set(vm, data, CACHE)?.contains(vm, subclass)? {
        return Ok(Value::TRUE);
    }
    let subtype = vm.heap.type_obj(instance).value();
    let mark = vm.push_temp(subclass);
    let result = (|| {
        if subtype == subclass {
            if negative_version(vm, data) == counter()
                && weak_set(vm, data, NEGATIVE_CACHE)?.contains(vm, subclass)?
            {
                return Ok(Value::FALSE);
            }
            return vm.call_method_by_name(cls, "__subclasscheck__", &[subclass]);
        }
        let r = vm.call_method_by_name(cls, "__subclasscheck__", &[subclass])?;
        if vm.is_true(r)? {
            return Ok(r);
        }
        vm.call_method_by_name(cls, "__subclasscheck__", &[subtype])
    })();
    vm.truncate_temps(mark);
    result
}

/// `_abc_subclasscheck(cls, subclass)`: caches, `__subclasshook__`, the
/// MRO, the registry, then the real subclasses, remembering the answer.
fn abc_subclasscheck(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "_abc_subclasscheck", args, kwnames, 2, 2)?;
    let (cls, subclass) = (args[0], args[1]);
    let Some(sub) = Gc::<TypeObj>::from_value(subclass) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let data = impl_of(vm, cls)?;
    let cache = weak_set(vm, data, CACHE)?;
    if cache.contains(vm, subclass)? {
        return Ok(Value::TRUE);
    }
    let negative = if negative_version(vm, data) < counter() {
        let fresh = vm.heap.new_dict();
        set_state(vm, data, NEGATIVE_CACHE, fresh)?;
        let version = vm.heap.new_int_i64(counter());
        set_state(vm, data, NEGATIVE_VERSION, version)?;
        WeakClassSet(fresh)
    } else {
        let negative = weak_set(vm, data, NEGATIVE_CACHE)?;
        if negative.contains(vm, subclass)? {
            return Ok(Value::FALSE);
        }
        negative
    };
    let ok = vm.call_method_by_name(cls, "__subclasshook__", &[subclass])?;
    if ok == Value::TRUE {
        cache.add(vm, subclass)?;
        return Ok(Value::TRUE);
    }
    if ok == Value::FALSE {
        negative.add(vm, subclass)?;
        return Ok(Value::FALSE);
    }
    if ok != vm.heap.singletons().not_implemented {
        let assertion_error = vm.heap.types().assertion_error;
        return Err(PyErr::new(
            &vm.heap,
            assertion_error,
            "__subclasshook__ must return either False, True, or NotImplemented",
        ));
    }
    if sub.mro().contains(&cls) {
        cache.add(vm, subclass)?;
        return Ok(Value::TRUE);
    }
    let registry = weak_set(vm, data, REGISTRY)?;
    // Registered itself: true without caching, as CPython.
    if registry.contains(vm, subclass)? {
        return Ok(Value::TRUE);
    }
    let registered = registry.members(vm);
    if any_subclass_of(vm, subclass, &registered)? {
        cache.add(vm, subclass)?;
        return Ok(Value::TRUE);
    }
    let subclasses = vm.call_method_by_name(cls, "__subclasses__", &[])?;
    let Some(list) = crate::object::list::list_of(subclasses) else {
        return Err(vm.type_error("__subclasses__() must return a list"));
    };
    let subclasses = list.items.to_vec();
    let mark = vm.push_temp(list.value());
    let found = any_subclass_of(vm, subclass, &subclasses);
    vm.truncate_temps(mark);
    if found? {
        cache.add(vm, subclass)?;
        return Ok(Value::TRUE);
    }
    negative.add(vm, subclass)?;
    Ok(Value::FALSE)
}

/// Whether `subclass` is a subclass of one of `classes` (kept alive while
/// the checks run Python code).
fn any_subclass_of(vm: &mut Vm, subclass: Value, classes: &[Value]) -> PyResult<bool> {
    let mark = vm.push_temp(subclass);
    for &c in classes {
        vm.push_temp(c);
    }
    let mut result = Ok(false);
    for &c in classes {
        match is_subclass(vm, subclass, c) {
            Ok(false) => continue,
            other => {
                result = other;
                break;
            }
        }
    }
    vm.truncate_temps(mark);
    result
}

/// `_get_dump(cls)`: (registry, cache, negative cache, its version), the
/// three as sets of weak references, for `ABCMeta._dump_registry`.
fn get_dump(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = crate::builtins::exactly_one(vm, "_get_dump", args, kwnames)?;
    let data = impl_of(vm, cls)?;
    let mark = vm.push_temp(data);
    let result = (|| {
        let mut parts = Vec::with_capacity(4);
        for which in [REGISTRY, CACHE, NEGATIVE_CACHE] {
            let members = weak_set(vm, data, which)?.members(vm);
            let refs = super::support::map_rooted(vm, &members, |vm, c| {
                vm.heap.new_weakref(c, Value::NONE)
            })?;
            let set = vm.new_set_from(&refs)?;
            vm.push_temp(set);
            parts.push(set);
        }
        parts.push(vm.heap.new_int_i64(negative_version(vm, data)));
        Ok(vm.heap.new_tuple(&parts))
    })();
    vm.truncate_temps(mark);
    result
}

fn reset(vm: &mut Vm, args: &[Value], kwnames: &[Value], fname: &str, which: &[&str]) -> PyResult {
    let cls = crate::builtins::exactly_one(vm, fname, args, kwnames)?;
    let data = impl_of(vm, cls)?;
    for name in which {
        let fresh = vm.heap.new_dict();
        set_state(vm, data, name, fresh)?;
    }
    Ok(Value::NONE)
}

/// `_reset_registry(cls)`: forgets the virtual subclasses.
fn reset_registry(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    reset(vm, args, kwnames, "_reset_registry", &[REGISTRY])
}

/// `_reset_caches(cls)`: forgets both caches' answers.
fn reset_caches(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    reset(vm, args, kwnames, "_reset_caches", &[CACHE, NEGATIVE_CACHE])
}
