//! `object.__reduce_ex__` and `object.__reduce__`: how `copy` and
//! `pickle` take apart an object that defines nothing of its own (CPython's
//! `reduce_newobj` and `_PyObject_GetState` in Objects/typeobject.c).

use super::add_method;
use crate::object::dict::dict_of;
use crate::object::list::list_of;
use crate::object::{Gc, ObjKind, TypeObj, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    add_method(vm, t.object, "__reduce_ex__", object_reduce_ex);
    add_method(vm, t.object, "__reduce__", object_reduce);
    for ty in [t.set, t.frozenset, t.bytearray] {
        add_method(vm, ty, "__reduce_ex__", container_reduce);
        add_method(vm, ty, "__reduce__", container_reduce);
    }
    add_method(vm, t.builtin_function, "__reduce__", builtin_function_reduce);
    for ty in [t.method_descriptor, t.wrapper_descriptor] {
        add_method(vm, ty, "__reduce__", descriptor_reduce);
    }
}

/// A method of a built-in type pickles as `(getattr, (type, name))`
/// (`descr_reduce`).
fn descriptor_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kwnames, "__reduce__")?;
    let owner = vm.get_attr(args[0], vm.heap.intern("__objclass__"))?;
    getattr_reduce(vm, args[0], owner)
}

/// `(getattr, (owner, f.__name__))`.
fn getattr_reduce(vm: &mut Vm, f: Value, owner: Value) -> PyResult {
    let name = vm.get_attr(f, vm.heap.intern("__name__"))?;
    let getattr = vm.get_attr(vm.builtins_module, vm.heap.intern("getattr"))?;
    let pair = vm.heap.new_tuple(&[owner, name]);
    Ok(vm.heap.new_tuple(&[getattr, pair]))
}

/// A built-in function pickles by name (`meth_reduce`): its qualified name
/// when unbound or bound to a module, else `(getattr, (self, name))`.
fn builtin_function_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kwnames, "__reduce__")?;
    let f = args[0];
    let receiver = vm.get_attr(f, vm.heap.intern("__self__"))?;
    if receiver.is_none() || crate::vm::function::module_of(receiver).is_some() {
        return vm.get_attr(f, vm.heap.intern("__qualname__"));
    }
    getattr_reduce(vm, f, receiver)
}

/// `set`, `frozenset` and `bytearray`'s reduce: `(type(self), (items,),
/// state)`, the items a list (sets) or bytes (bytearray, CPython's form for
/// protocol 3 and up), the state the instance dict of a subclass.
fn container_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(&obj) = args.first() else {
        return Err(vm.type_error("__reduce__ needs an argument"));
    };
    let cls = vm.heap.type_of(obj);
    let base = vm.builtin_base_value(obj);
    let items = if let Some(data) = super::bytes_methods::bytes_like(base) {
        vm.heap.new_bytes(&data)
    } else {
        let items = vm.set_items(base);
        vm.heap.new_list(&items)
    };
    let mark = vm.push_temp(items);
    let state = if vm.is_user_typed(obj) { vm.instance_dict(obj) } else { None };
    let state = state.unwrap_or(Value::NONE);
    vm.push_temp(state);
    let newargs = vm.heap.new_tuple(&[items]);
    vm.push_temp(newargs);
    let r = vm.heap.new_tuple(&[cls, newargs, state]);
    vm.truncate_temps(mark);
    Ok(r)
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins.
fn object_reduce_ex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (obj, rest) = (args[0], &args[1..]);
    if rest.len() != 1 || !kwnames.is_empty() {
        return Err(vm.type_error(&format!(
            "__reduce_ex__() takes exactly one argument ({} given)",
            rest.len()
        )));
    }
    let Some(protocol) = vm.as_int(rest[0]).and_then(|i| i.to_i64()) else {
        return Err(crate::builtins::int_required(vm, rest[0]));
    };
    let name = vm.heap.intern("__reduce__");
    let ty = vm.heap.type_obj(obj);
    let object = Gc::<TypeObj>::from_value(vm.heap.types().object);
    let object_reduce = object.and_then(|t| t.own_attr(name));
    if let Some(reduce) = vm.heap.lookup(ty, name) {
        if Some(reduce) != object_reduce {
            return vm.call_method_value(reduce, obj, &[]);
        }
    }
    common_reduce(vm, obj, protocol)
}

fn object_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::arg_range(vm, "__reduce__", &args[1..], kwnames, 0, 0)?;
    common_reduce(vm, args[0], 0)
}

fn common_reduce(vm: &mut Vm, obj: Value, protocol: i64) -> PyResult {
    let copyreg = vm.import_module("copyreg")?;
    let mark = vm.push_temp(copyreg);
    let r = if protocol >= 2 {
        reduce_newobj(vm, obj, copyreg)
    } else {
        let f = vm.heap.intern("_reduce_ex");
        vm.get_attr(copyreg, f).and_then(|f| {
            let p = Value::from_small_int(protocol).unwrap_or(Value::NONE);
            vm.call(f, &[obj, p])
        })
    };
    vm.truncate_temps(mark);
    r
}

/// `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
fn reduce_newobj(vm: &mut Vm, obj: Value, copyreg: Value) -> PyResult {
    let cls = vm.heap.type_of(obj);
    // A built-in kind that only `object.__new__` would make (generators,
    // frames, ...) has no `tp_new` in CPython, which refuses it here.
    let t = vm.heap.type_obj(obj);
    let constructible = matches!(t.layout(), ObjKind::Instance | ObjKind::Exception)
        || !super::object_methods::inherits_object_slot(vm, t, vm.names.dunder_new);
    if !constructible {
        return Err(vm.type_error(&format!("cannot pickle '{}' object", t.name())));
    }
    let mark = vm.push_temp(obj);
    let (args, kwargs, args_tuple) = match new_arguments(vm, obj) {
        Ok(pair) => pair,
        Err(e) => {
            vm.truncate_temps(mark);
            return Err(e);
        }
    };
    let result = (|| {
        let with_kwargs =
            kwargs.filter(|&k| dict_of(k).is_some_and(|d| !d.table.borrow().is_empty()));
        let (newobj_name, newargs) = match with_kwargs {
            None => {
                let mut all = vec![cls];
                all.extend_from_slice(&args);
                ("__newobj__", all)
            }
            Some(kwargs) => {
                // The tuple `__getnewargs_ex__` gave, itself (pickle's memo
                // sees the same object where the state holds it too).
                let args = args_tuple.unwrap_or_else(|| vm.heap.new_tuple(&args));
                vm.push_temp(args);
                ("__newobj_ex__", vec![cls, args, kwargs])
            }
        };
        let newobj_name = vm.heap.intern(newobj_name);
        let newobj = vm.get_attr(copyreg, newobj_name)?;
        vm.push_temp(newobj);
        let newargs = vm.heap.new_tuple(&newargs);
        vm.push_temp(newargs);
        let state = object_state(vm, obj, copyreg)?;
        vm.push_temp(state);
        let is_list = list_of(obj).is_some();
        let listitems = if is_list { vm.get_iter(obj)? } else { Value::NONE };
        vm.push_temp(listitems);
        let dictitems = if dict_of(obj).is_some() {
            let items = vm.call_method_by_name(obj, "items", &[])?;
            vm.push_temp(items);
            vm.get_iter(items)?
        } else {
            Value::NONE
        };
        Ok(vm.heap.new_tuple(&[newobj, newargs, state, listitems, dictitems]))
    })();
    vm.truncate_temps(mark);
    result
}

/// The arguments `__new__` gets back when the object is rebuilt
/// (`_PyObject_GetNewArguments`): from `__getnewargs_ex__` (positional and
/// keyword) or `__getnewargs__` (positional only), else none. The values
/// stay rooted on the temporaries (the caller truncates them); last, the
/// positional arguments' tuple itself when `__getnewargs_ex__` gave one.
type NewArguments = (Vec<Value>, Option<Value>, Option<Value>);

fn new_arguments(vm: &mut Vm, obj: Value) -> PyResult<NewArguments> {
    let getnewargs_ex = vm.heap.intern("__getnewargs_ex__");
    if let Some(m) = vm.heap.lookup_in_type_of(obj, getnewargs_ex) {
        let pair = vm.call_method_value(m, obj, &[])?;
        vm.push_temp(pair);
        let Some(t) = crate::object::tuple::tuple_of(pair) else {
            return Err(vm.type_error(&format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                vm.type_name(pair)
            )));
        };
        let &[args, kwargs] = t.items() else {
            return Err(vm.value_error(&format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                t.items().len()
            )));
        };
        let args_tuple = args;
        let Some(args) = crate::object::tuple::tuple_of(args) else {
            return Err(vm.type_error(&format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                vm.type_name(args)
            )));
        };
        if dict_of(kwargs).is_none() {
            return Err(vm.type_error(&format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                vm.type_name(kwargs)
            )));
        }
        return Ok((args.items().to_vec(), Some(kwargs), Some(args_tuple)));
    }
    let getnewargs = vm.heap.intern("__getnewargs__");
    let Some(m) = vm.heap.lookup_in_type_of(obj, getnewargs) else {
        return Ok((Vec::new(), None, None));
    };
    let extra = vm.call_method_value(m, obj, &[])?;
    vm.push_temp(extra);
    let Some(t) = crate::object::tuple::tuple_of(extra) else {
        return Err(vm.type_error(&format!(
            "__getnewargs__ should return a tuple, not '{}'",
            vm.type_name(extra)
        )));
    };
    Ok((t.items().to_vec(), None, None))
}

/// `__getstate__()` if the class has one, else the instance dict (None
/// when empty) paired with the values of `__slots__` when there are any.
fn object_state(vm: &mut Vm, obj: Value, copyreg: Value) -> PyResult {
    let getstate = vm.heap.intern("__getstate__");
    if let Some(m) = vm.heap.lookup_in_type_of(obj, getstate) {
        return vm.call_method_value(m, obj, &[]);
    }
    let dict =
        vm.instance_dict(obj).filter(|&d| dict_of(d).is_some_and(|d| !d.table.borrow().is_empty()));
    let state = dict.unwrap_or(Value::NONE);
    let slotnames_fn = vm.heap.intern("_slotnames");
    let f = vm.get_attr(copyreg, slotnames_fn)?;
    let cls = vm.heap.type_of(obj);
    let names = vm.call(f, &[cls])?;
    let mark = vm.push_temp(names);
    let r = (|| {
        let names = vm.collect_iterable(names)?;
        if names.is_empty() {
            return Ok(state);
        }
        let slots = vm.heap.new_dict();
        vm.push_temp(slots);
        for name in names {
            match vm.get_attr(obj, name) {
                Ok(v) => vm.dict_set_item(slots, name, v)?,
                Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => {}
                Err(e) => return Err(e),
            }
        }
        if dict_of(slots).is_some_and(|d| d.table.borrow().is_empty()) {
            return Ok(state);
        }
        Ok(vm.heap.new_tuple(&[state, slots]))
    })();
    vm.truncate_temps(mark);
    r
}
