//! Methods of `object` and `type`: the defaults every class inherits.

use super::{add_method, set_type_attr};
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::Value;
use crate::object::{Gc, ObjHeader, ObjKind};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let object = vm.heap.types().object;
    let t0 = vm.heap.types();
    add_method(vm, object, "__init__", object_init);
    add_method(vm, object, "__setattr__", object_setattr);
    add_method(vm, object, "__delattr__", object_delattr);
    add_method(vm, object, "__getattribute__", object_getattribute);
    add_method(vm, object, "__repr__", object_repr);
    add_method(vm, object, "__str__", object_str);
    add_method(vm, object, "__eq__", object_eq);
    add_method(vm, object, "__ne__", object_ne);
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        add_method(vm, object, name, object_order);
    }
    // Each type with a size of its own has its own `__sizeof__` there.
    for ty in [object, t0.int, t0.float, t0.complex, t0.str, t0.bytes, t0.bytearray, t0.tuple]
        .into_iter()
        .chain([t0.list, t0.dict, t0.set, t0.frozenset, t0.range])
    {
        add_method(vm, ty, "__sizeof__", super::sizeof::object_sizeof);
    }
    add_method(vm, object, "__hash__", object_hash);
    add_method(vm, object, "__format__", object_format);
    add_method(vm, object, "__dir__", object_dir);
    super::add_class_method(vm, object, "__init_subclass__", object_init_subclass);
    super::add_class_method(vm, object, "__subclasshook__", object_subclasshook);
    let type_ = vm.heap.types().type_;
    add_method(vm, type_, "__init__", type_init);
    add_method(vm, type_, "__setattr__", type_setattr);
    add_method(vm, type_, "__delattr__", type_delattr);
    let builtin_function = vm.heap.types().builtin_function;
    add_method(vm, builtin_function, "__call__", call_receiver);
    add_method(vm, vm.heap.types().method_wrapper, "__call__", call_receiver);
    add_method(vm, vm.heap.types().function, "__call__", call_receiver);
    add_method(vm, vm.heap.types().method, "__call__", call_receiver);
    let t = vm.heap.types();
    let descriptors = [
        t.function,
        t.property,
        t.classmethod,
        t.classmethod_descriptor,
        t.staticmethod,
        t.method_descriptor,
        t.wrapper_descriptor,
    ];
    for ty in descriptors {
        add_method(vm, ty, "__get__", descriptor_get);
    }
    add_method(vm, t.code, "replace", super::code_methods::code_replace);
    add_method(vm, t.frame, "clear", frame_clear);
    // Each built-in type has its own `__repr__` slot in CPython; pprint
    // dispatches on `type(obj).__repr__` and must tell them apart.
    let own_repr = [
        t.dict,
        t.list,
        t.tuple,
        t.set,
        t.frozenset,
        t.str,
        t.bytes,
        t.bytearray,
        t.int,
        t.float,
        t.complex,
        t.bool,
        t.range,
        t.slice,
        t.type_,
        t.mappingproxy,
        t.dict_keys,
        t.dict_values,
        t.dict_items,
    ];
    for ty in own_repr {
        add_method(vm, ty, "__repr__", builtin_repr);
    }
    add_method(vm, t.str, "__str__", str_str);
    for ty in [t.int, t.float, t.str, t.complex] {
        add_method(vm, ty, "__format__", builtin_format);
    }
    crate::vm::member::install(vm);
    add_method(vm, t.property, "__set__", property_set);
    add_method(vm, t.property, "__delete__", property_delete);
    add_method(vm, type_, "mro", type_mro);
    add_method(vm, type_, "__call__", type_call);
    add_method(vm, type_, "__subclasses__", type_subclasses);
    add_method(vm, type_, "__instancecheck__", type_instancecheck);
    add_method(vm, type_, "__subclasscheck__", type_subclasscheck);
    let prepare = super::native(vm, "__prepare__", type_prepare);
    set_type_attr(vm, type_, "__prepare__", prepare);
}

/// Is the `__init__` (or `__new__`) that `t` gets the one of `object`?
pub fn inherits_object_slot(vm: &Vm, t: Gc<TypeObj>, name: Value) -> bool {
    let object = Gc::<TypeObj>::from_value(vm.heap.types().object).expect("object is a type");
    vm.heap.lookup(t, name) == object.own_attr(name)
}

fn object_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if args.len() > 1 || !kwnames.is_empty() {
        let t = vm.heap.type_obj(args[0]);
        let (init, new) = (vm.names.dunder_init, vm.names.dunder_new);
        if !inherits_object_slot(vm, t, init) {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if inherits_object_slot(vm, t, new) {
            return Err(vm.type_error(&format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                t.name()
            )));
        }
    }
    Ok(Value::NONE)
}

fn attr_name(vm: &Vm, v: Value) -> PyResult<Value> {
    match str_of(v) {
        Some(_) => Ok(vm.heap.intern_value(v).unwrap_or(v)),
        None => {
            Err(vm.type_error(&format!("attribute name must be string, not '{}'", vm.type_name(v))))
        }
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    setattr_with(vm, args, true)
}

/// `type.__setattr__`: the generic store (types' own checks are in it),
/// without `object.__setattr__`'s [`hackcheck`].
fn type_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    setattr_with(vm, args, false)
}

fn setattr_with(vm: &mut Vm, args: &[Value], check: bool) -> PyResult {
    if args.len() != 3 {
        return Err(
            vm.type_error(&format!("expected 2 arguments, got {}", args.len().saturating_sub(1)))
        );
    }
    if check {
        hackcheck(vm, args[0], "__setattr__")?;
    }
    let name = attr_name(vm, args[1])?;
    vm.generic_set_attr(args[0], name, Some(args[2]))?;
    Ok(Value::NONE)
}

/// CPython's `hackcheck`: `object.__setattr__`/`__delattr__` may not jump
/// over a built-in base's own setattr. Of the built-in types, `type` has
/// one (it invalidates caches and refuses built-in types), so the generic
/// one is refused for types and metaclass instances (the "Carlo Verre hack").
fn hackcheck(vm: &mut Vm, obj: Value, what: &str) -> PyResult<()> {
    let ty = vm.heap.type_obj(obj);
    let type_ = Gc::<TypeObj>::from_value(vm.heap.types().type_).expect("type is a type");
    if ty.is_subtype(type_) {
        let msg = format!("can't apply this {what} to {} object", vm.type_name(obj));
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    delattr_with(vm, args, true)
}

/// `type.__delattr__`, as [`type_setattr`].
fn type_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    delattr_with(vm, args, false)
}

fn delattr_with(vm: &mut Vm, args: &[Value], check: bool) -> PyResult {
    if args.len() != 2 {
        return Err(
            vm.type_error(&format!("expected 1 argument, got {}", args.len().saturating_sub(1)))
        );
    }
    if check {
        hackcheck(vm, args[0], "__delattr__")?;
    }
    let name = attr_name(vm, args[1])?;
    vm.generic_set_attr(args[0], name, None)?;
    Ok(Value::NONE)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() != 2 {
        return Err(
            vm.type_error(&format!("expected 1 argument, got {}", args.len().saturating_sub(1)))
        );
    }
    let name = attr_name(vm, args[1])?;
    vm.generic_get_attr(args[0], name)
}

/// `object.__repr__`: the native repr of types that inherit it (functions,
/// modules, ...), `<T object at ...>` for one whose type has its own
/// (`object.__repr__(1)`).
fn object_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(&obj) = args.first() else {
        return Err(vm.type_error("descriptor '__repr__' of 'object' object needs an argument"));
    };
    no_arguments(vm, args)?;
    let object = Gc::<TypeObj>::from_value(vm.heap.types().object).expect("object is a type");
    let repr = vm.names.dunder_repr;
    let inherited = vm.heap.lookup(vm.heap.type_obj(obj), repr) == object.own_attr(repr);
    let s = if inherited { vm.native_repr(obj)? } else { vm.default_repr(obj) };
    Ok(vm.heap.new_str_from_string(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    no_arguments(vm, args)?;
    vm.repr_value(args[0])
}

/// `str.__str__`: the text itself, as an exact str for a subclass
/// instance (whatever `__repr__` the subclass has).
fn str_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    no_arguments(vm, args)?;
    Ok(vm.builtin_base_value(args[0]))
}

/// The arity check of a slot wrapper that takes nothing but its receiver
/// (`x.__repr__()`, `x.__str__()`).
fn no_arguments(vm: &Vm, args: &[Value]) -> PyResult<()> {
    match args.len() {
        1 => Ok(()),
        n => Err(vm.type_error(&format!("expected 0 arguments, got {}", n.saturating_sub(1)))),
    }
}

fn object_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() != 2 {
        let got = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {got}")));
    }
    if args[0] == args[1] {
        return Ok(Value::TRUE);
    }
    Ok(vm.heap.singletons().not_implemented)
}

/// `object.__lt__` and the other orderings: no opinion.
fn object_order(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() != 2 {
        let got = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {got}")));
    }
    Ok(vm.heap.singletons().not_implemented)
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() != 2 {
        let got = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {got}")));
    }
    // `__ne__` inverts `__eq__` unless that is NotImplemented.
    let eq = vm.names.dunder_eq;
    let Some(m) = vm.heap.lookup_in_type_of(args[0], eq) else {
        return Ok(vm.heap.singletons().not_implemented);
    };
    let r = vm.call_compare_method(m, args[0], args[1])?;
    if r == vm.heap.singletons().not_implemented {
        return Ok(r);
    }
    vm.is_true(r).map(|t| Value::from_bool(!t))
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let h = crate::vm::hash::hash_pointer(args[0]);
    Ok(vm.heap.new_int_i64(h))
}

/// `object.__format__(spec)`: `str(self)` for an empty spec.
fn object_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let spec = format_spec_arg(vm, args, kwnames, false)?;
    if !spec.is_empty() {
        let t = vm.type_name(args[0]);
        return Err(vm.type_error(&format!("unsupported format string passed to {t}.__format__")));
    }
    vm.str_value(args[0])
}

/// The one str argument of a `__format__`: `METH_O` wording for most
/// types, `PyArg_ParseTuple`'s for complex (`clinic`).
fn format_spec_arg(vm: &Vm, args: &[Value], kwnames: &[Value], clinic: bool) -> PyResult<String> {
    super::method_no_kwargs(vm, "__format__", kwnames)?;
    if args.len() != 2 {
        let (n, got) = (if clinic { "1" } else { "one" }, args.len().saturating_sub(1));
        return Err(
            vm.type_error(&format!("__format__() takes exactly {n} argument ({got} given)"))
        );
    }
    match str_of(args[1]) {
        Some(text) => Ok(text.as_utf8(&vm.heap)?.to_string()),
        None => Err(vm.type_error(&format!(
            "__format__() argument {}must be str, not {}",
            if clinic { "1 " } else { "" },
            vm.type_name(args[1])
        ))),
    }
}

/// `int.__format__`, `float.__format__`, `str.__format__` (a `METH_O`
/// method each in CPython) and `complex.__format__`: one str argument,
/// the format mini-language.
fn builtin_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let is_complex = args.first().and_then(|&v| ObjHeader::of(v)).map(|h| h.kind());
    let is_complex = is_complex == Some(ObjKind::Complex);
    let text = format_spec_arg(vm, args, kwnames, is_complex)?;
    if text.is_empty() {
        // An empty spec is `str(self)`, which a subclass may define.
        return vm.str_value(args[0]);
    }
    // The built-in value itself: a subclass's own `__format__` calling
    // this one must not come back to itself.
    let base = vm.builtin_base_value(args[0]);
    vm.with_temp(base, |vm| vm.format_to_value(base, &text))
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match args.first() {
        Some(&obj) => crate::builtins::functions::default_dir(vm, obj),
        None => Err(vm.type_error("descriptor '__dir__' of 'object' object needs an argument")),
    }
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("__init_subclass__() takes no keyword arguments"));
    }
    let _ = args;
    Ok(Value::NONE)
}

/// `object.__subclasshook__`: no opinion.
fn object_subclasshook(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.heap.singletons().not_implemented)
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::NONE)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(t) = Gc::<TypeObj>::from_value(args[0]) else {
        return Err(vm.type_error("descriptor 'mro' requires a 'type' object"));
    };
    // C3 of the bases, not the stored order a metaclass's `mro()` may
    // have replaced (that override calls this to start from).
    let mro = if t.is_heap_type() { vm.heap.c3_mro(t)? } else { t.mro() };
    Ok(vm.heap.new_list(&mro))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(t) = Gc::<TypeObj>::from_value(args[0]) else {
        return Err(vm.type_error("descriptor '__subclasses__' requires a 'type' object"));
    };
    Ok(vm.heap.new_list(&t.subclasses()))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("__instancecheck__ expected 1 argument"));
    }
    Ok(Value::from_bool(vm.heap.is_instance(args[1], args[0])))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("__subclasscheck__ expected 1 argument"));
    }
    match (Gc::<TypeObj>::from_value(args[1]), Gc::<TypeObj>::from_value(args[0])) {
        (Some(c), Some(p)) => Ok(Value::from_bool(c.is_subtype(p))),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

fn type_prepare(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.heap.new_dict())
}

/// `type.__call__(cls, *args, **kwargs)`: make and initialise an instance
/// (or `type(x)` for `type` itself), skipping any metaclass `__call__`.
fn type_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(cls) = args.first().and_then(|&c| Gc::<TypeObj>::from_value(c)) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    let rest = &args[1..];
    if cls.value() == vm.heap.types().type_ && rest.len() == 1 && kwnames.is_empty() {
        return Ok(vm.heap.type_of(rest[0]));
    }
    vm.type_call_default(cls, rest, kwnames)
}

/// `f.__call__(*args)` of a builtin function: calls it.
pub fn call_receiver(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    match args.split_first() {
        Some((f, rest)) => vm.call_kw(*f, rest, kwnames),
        None => Err(vm.type_error("descriptor '__call__' needs an argument")),
    }
}

/// `d.__get__(obj, type=None)` of functions, properties, classmethods and
/// staticmethods, as attribute lookup applies them.
fn descriptor_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (d, obj) = match args {
        [d, obj] | [d, obj, _] => (*d, *obj),
        [] | [_] => return Err(vm.type_error(" expected at least 1 argument, got 0")),
        _ => {
            let got = args.len() - 1;
            return Err(vm.type_error(&format!(" expected at most 2 arguments, got {got}")));
        }
    };
    let owner = match args.get(2).copied().filter(|v| !v.is_none()) {
        Some(t) => t,
        None if obj.is_none() => return Err(vm.type_error("__get__(None, None) is invalid")),
        None => vm.heap.type_of(obj),
    };
    check_builtin_descriptor_applies(vm, d, obj, owner)?;
    let unbound = crate::vm::function::function_of(d).is_some()
        || Gc::<crate::vm::function::PropertyObj>::from_value(d).is_some()
        || crate::vm::function::method_descriptor_of(d).is_some();
    if obj.is_none() && unbound {
        return Ok(d);
    }
    vm.descr_get(d, obj, owner)
}

/// A built-in type's method (or class method) binds only to instances
/// (subclasses) of that type (`descr_check`, `classmethod_get`).
fn check_builtin_descriptor_applies(vm: &Vm, d: Value, obj: Value, owner: Value) -> PyResult<()> {
    let t = vm.heap.types();
    if let Some(m) = crate::vm::function::method_descriptor_of(d) {
        let Some(defining) = Gc::<TypeObj>::from_value(m.owner) else { return Ok(()) };
        if !obj.is_none() && !vm.heap.type_obj(obj).is_subtype(defining) {
            return Err(vm.type_error(&format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                m.name,
                defining.name(),
                vm.type_name(obj)
            )));
        }
    } else if vm.heap.type_of(d) == t.classmethod_descriptor {
        let cm = Gc::<crate::vm::function::ClassMethodObj>::from_value(d).expect("layout");
        let Some(f) = crate::vm::function::native_function_of(cm.callable.get()) else {
            return Ok(());
        };
        let Some(defining) = Gc::<TypeObj>::from_value(f.owner) else { return Ok(()) };
        let Some(cls) = Gc::<TypeObj>::from_value(owner) else {
            return Err(vm.type_error(&format!(
                "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
                f.name,
                defining.name(),
                vm.type_name(owner)
            )));
        };
        if !cls.is_subtype(defining) {
            return Err(vm.type_error(&format!(
                "descriptor '{}' requires a subtype of '{}' but received '{}'",
                f.name,
                defining.name(),
                cls.name()
            )));
        }
    }
    Ok(())
}

fn property_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let [p, obj, value] = args else {
        let got = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!(" expected 2 arguments, got {got}")));
    };
    property_call(vm, *p, true, &[*obj, *value])
}

fn property_delete(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let [p, obj] = args else {
        let got = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {got}")));
    };
    property_call(vm, *p, false, &[*obj])
}

/// Calls a property's setter (or deleter), or says it has none.
fn property_call(vm: &mut Vm, p: Value, set: bool, args: &[Value]) -> PyResult {
    let Some(p) = Gc::<crate::vm::function::PropertyObj>::from_value(p) else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let f = if set { p.fset.get() } else { p.fdel.get() };
    if f.is_none() {
        let what = if set { "can't set attribute" } else { "can't delete attribute" };
        return Err(crate::object::PyErr::attribute_error(&vm.heap, what));
    }
    vm.call(f, args)?;
    Ok(Value::NONE)
}

/// `frame.clear()`: a traceback's frames here are snapshots that hold no
/// running state, so there is nothing to release.
fn frame_clear(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::NONE)
}

/// `__repr__` of the built-in types: the built-in repr of the receiver,
/// never a subclass's `__repr__` (which may be what called it).
fn builtin_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match args {
        [v] if !v.is_ptr() => vm.repr_value(*v),
        [v] => {
            let s = vm.native_repr(*v)?;
            Ok(vm.heap.new_str_from_string(s))
        }
        _ => no_arguments(vm, args).map(|()| Value::NONE),
    }
}
