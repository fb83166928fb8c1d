//! The `builtins` module and the methods of the built-in types.
//!
//! Every function here is a [`NativeFn`]: `(vm, args, kwnames)` with the
//! keyword values at the end of `args` (see `vm::function`). Methods get
//! their receiver as `args[0]`.
//!
//! | module | owns |
//! |---|---|
//! | [`functions`] | the builtin functions: `print`, `len`, `isinstance`, ... |
//! | [`source_exec`] | `compile`, `exec`, `eval` |
//! | [`constructors`] | `__new__` of the built-in types: `int(...)`, `list(...)`, ... |
//! | [`object_methods`] | methods of `object` and `type` |
//! | [`object_reduce`] | `object.__reduce_ex__`/`__reduce__`: what `copy` and `pickle` use |
//! | [`protocol_methods`] | `__getitem__`, `__len__`, `__contains__`, ... of the built-in containers |
//! | [`container_dunders`] | ordering and set-operator methods of the built-in containers |
//! | [`seq_methods`] | methods of list and tuple |
//! | [`str_methods`] | methods of str |
//! | [`str_format`] | `str.format` and `str.format_map` |
//! | [`str_chars`] | character classes and case mappings with Python's semantics |
//! | [`bytes_methods`] | `bytes(...)`, `bytearray(...)` and their methods |
//! | [`code_methods`] | the `co_*` attributes of code objects and `code.replace` |
//! | [`codecs`] | the UTF-8, ASCII and Latin-1 codecs with their error handlers |
//! | [`map_methods`] | methods of dict |
//! | [`module_methods`] | `types.ModuleType(name, doc)` and the repr of modules |
//! | [`set_methods`] | methods of set and frozenset |
//! | [`text_signature`] | `__text_signature__` of built-in functions and methods, from CPython's |
//! | [`type_layout`] | `__basicsize__`, `__flags__`, ... of classes, as CPython 3.8 reports them |
//! | [`view_methods`] | methods of the dict views (`dict_keys.__and__`, `isdisjoint`, ...) |
//! | [`site_builtins`] | `exit`, `quit`, `help`, `copyright`, `credits`, `license` (what `site` adds) |
//! | [`number_dunders`] | the operator methods of int, float, complex (`int.__add__`, ...) |
//! | [`number_methods`] | methods of int, float, complex, range, slice; `complex()` |
//! | [`iterator_state`] | `__length_hint__`, `__reduce__`, `__setstate__` of the built-in iterators |
//! | [`iterators`] | `enumerate`, `zip`, `map`, `filter`, `reversed` |
//! | [`sizeof`] | `object.__sizeof__` with CPython's sizes |
//! | [`special_names`] | the computed attributes `dir()` lists (`function.__code__`, ...) |
//! | [`slot_wrappers`] | which native methods are slot wrappers (`<slot wrapper '__add__' ...>`) |
//! | [`os_error`] | `OSError`'s errno, strerror, filename, subclass choice and message |
//! | [`traceback_new`] | `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)` |
//! | [`warn`] | warnings issued by native code, through the `warnings` module |

pub mod bytes_methods;
pub mod code_methods;
pub mod codecs;
pub mod constructors;
pub mod container_dunders;
pub mod docstrings;
pub mod exception_reduce;
pub mod functions;
pub mod iterator_state;
pub mod iterators;
pub mod map_methods;
pub mod module_methods;
pub mod number_dunders;
pub mod number_methods;
pub mod object_methods;
pub mod object_reduce;
pub mod os_error;
pub mod protocol_methods;
pub mod seq_methods;
pub mod set_methods;
pub mod site_builtins;
pub mod sizeof;
pub mod slot_wrappers;
pub mod source_exec;
pub mod special_names;
pub mod str_chars;
pub mod str_format;
pub mod str_methods;
pub mod text_signature;
pub mod traceback_new;
pub mod type_layout;
pub mod view_methods;
pub mod warn;

use crate::object::types::TypeObj;
use crate::object::Gc;
use crate::object::{PyErr, Value};
use crate::vm::function::{MethodDescriptorObj, NativeFn, NativeFunctionObj};
use crate::vm::{PyResult, Vm};

/// A builtin function value.
pub fn native(vm: &Vm, name: &'static str, func: NativeFn) -> Value {
    let f = NativeFunctionObj { name, func, receiver: Value::EMPTY, owner: Value::NONE };
    vm.heap.alloc(vm.heap.types().builtin_function, f).value()
}

/// A static method of built-in type `ty` (CPython's `METH_STATIC`): the
/// class does not bind it, and it is qualified by the type
/// (`str.maketrans.__qualname__` is 'str.maketrans').
pub fn native_static(vm: &Vm, ty: Value, name: &'static str, func: NativeFn) -> Value {
    let f = NativeFunctionObj { name, func, receiver: Value::EMPTY, owner: ty };
    vm.heap.alloc(vm.heap.types().builtin_function, f).value()
}

/// A function of native module `module` (CPython's `PyCFunction` with
/// `m_self` the module): its `__module__` is the module's name and its
/// `__self__` the module, so pickle finds `math.sqrt` as `math.sqrt`.
pub fn native_in(vm: &Vm, module: Value, name: &'static str, func: NativeFn) -> Value {
    let f = NativeFunctionObj { name, func, receiver: Value::EMPTY, owner: module };
    vm.heap.alloc(vm.heap.types().builtin_function, f).value()
}

/// Adds method `name` to built-in type `ty`.
pub fn add_method(vm: &Vm, ty: Value, name: &'static str, func: NativeFn) {
    let d = MethodDescriptorObj { name, func, owner: ty };
    let t = vm.heap.types();
    let owner = Gc::<TypeObj>::from_value(ty).map(|t| t.name()).unwrap_or_default();
    let kind = if slot_wrappers::is_slot_wrapper(&owner, name) {
        t.wrapper_descriptor
    } else {
        t.method_descriptor
    };
    let v = vm.heap.alloc(kind, d).value();
    set_type_attr(vm, ty, name, v);
}

/// Adds class method `name` to built-in type `ty` (CPython's `METH_CLASS`):
/// looked up on the type or an instance it is a built-in method bound to
/// the class (`<built-in method fromkeys of type object ...>`).
pub fn add_class_method(vm: &Vm, ty: Value, name: &'static str, func: NativeFn) {
    let f = NativeFunctionObj { name, func, receiver: Value::EMPTY, owner: ty };
    let f = vm.heap.alloc(vm.heap.types().builtin_function, f).value();
    let method = vm.new_class_method_of(vm.heap.types().classmethod_descriptor, f);
    set_type_attr(vm, ty, name, method);
}

/// Adds `__new__` (a builtin taking the class first) to `ty`.
pub fn add_new(vm: &Vm, ty: Value, func: NativeFn) {
    let v = native(vm, "__new__", func);
    set_type_attr(vm, ty, "__new__", v);
}

pub fn set_type_attr(vm: &Vm, ty: Value, name: &str, v: Value) {
    let t = Gc::<TypeObj>::from_value(ty).expect("a built-in type");
    vm.heap.type_set_builtin_attr(t, name, v);
}

/// Installs the builtins module, the built-in types' methods and `sys`.
pub fn install(vm: &mut Vm) {
    object_methods::install(vm);
    object_reduce::install(vm);
    protocol_methods::install(vm);
    constructors::install(vm);
    module_methods::install(vm);
    seq_methods::install(vm);
    str_methods::install(vm);
    map_methods::install(vm);
    crate::vm::mapping_proxy::install(vm);
    set_methods::install(vm);
    number_methods::install(vm);
    number_dunders::install(vm);
    container_dunders::install(vm);
    bytes_methods::install(vm);
    view_methods::install(vm);
    crate::modules::weakref::install_type(vm);
    iterators::install(vm);
    iterator_state::install(vm);
    os_error::install(vm);
    exception_reduce::install(vm);
    traceback_new::install(vm);
    let module = vm.new_module("builtins").expect("a fresh module");
    let dict = crate::vm::function::module_of(module).expect("a module").dict;
    vm.builtins = dict;
    vm.builtins_module = module;
    vm.heap.add_permanent_root(module);
    for (name, ty) in vm.heap.types().builtin_names() {
        set_builtin(vm, name, ty);
    }
    functions::install(vm);
    source_exec::install(vm);
    let open = native(vm, "open", crate::modules::files::builtin_open);
    set_builtin(vm, "open", open);
    // `memoryview` is a class (the standard library registers it with the
    // ABCs); calling it makes the Python-coded view of `modules/memoryview.py`.
    let memoryview = vm.heap.types().memoryview;
    add_new(vm, memoryview, memoryview_new);
    site_builtins::install(vm).expect("a fresh heap makes classes");
    set_builtin(vm, "None", Value::NONE);
    set_builtin(vm, "True", Value::TRUE);
    set_builtin(vm, "False", Value::FALSE);
    let (ellipsis, not_impl) =
        (vm.heap.singletons().ellipsis, vm.heap.singletons().not_implemented);
    set_builtin(vm, "Ellipsis", ellipsis);
    set_builtin(vm, "NotImplemented", not_impl);
    set_builtin(vm, "__debug__", Value::from_bool(crate::vm::import::optimize_level() == 0));
    let name = vm.heap.new_str("builtins");
    set_builtin(vm, "__name__", name);
    let key = vm.heap.new_str("builtins");
    let modules = vm.modules;
    vm.dict_set_item(modules, key, module).expect("str keys hash");
}

fn memoryview_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::modules::builtin_memoryview(vm, &args[1..], kwnames)
}

pub fn set_builtin(vm: &mut Vm, name: &str, v: Value) {
    let key = vm.heap.intern(name);
    let builtins = vm.builtins;
    vm.dict_set_item(builtins, key, v).expect("str keys hash");
}

// ---- argument checking, with the wording of CPython's builtins

/// The positional arguments of a call that takes no keywords.
pub fn no_kwargs<'a>(
    vm: &Vm,
    fname: &str,
    args: &'a [Value],
    kwnames: &[Value],
) -> PyResult<&'a [Value]> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(&format!("{fname}() takes no keyword arguments")));
    }
    Ok(args)
}

/// A C `int` argument of the `i` format (`_PyLong_AsInt` after a float
/// check), with its errors.
pub fn c_int_arg(vm: &Vm, v: Value) -> PyResult<i64> {
    if vm.heap.type_of(v) == vm.heap.types().float {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    vm.as_int(v).and_then(|n| n.to_i64()).ok_or_else(|| int_required(vm, v))
}

/// The error of an integer argument that is not one: complex's `__int__`
/// refuses by name, anything else is `an integer is required`.
pub fn int_required(vm: &Vm, v: Value) -> PyErr {
    if vm.heap.type_of(v) == vm.heap.types().complex {
        return vm.type_error("can't convert complex to int");
    }
    vm.type_error(&format!("an integer is required (got type {})", vm.type_name(v)))
}

/// The error of a float argument that is not a real number: complex's
/// `__float__` refuses by name, anything else is `must be real number`.
pub fn real_required(vm: &Vm, v: Value) -> PyErr {
    if vm.heap.type_of(v) == vm.heap.types().complex {
        return vm.type_error("can't convert complex to float");
    }
    vm.type_error(&format!("must be real number, not {}", vm.type_name(v)))
}

/// `f() takes exactly one argument (N given)`.
pub fn exactly_one(vm: &Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = no_kwargs(vm, fname, args, kwnames)?;
    if args.len() != 1 {
        return Err(
            vm.type_error(&format!("{fname}() takes exactly one argument ({} given)", args.len()))
        );
    }
    Ok(args[0])
}

/// `f expected N arguments, got M` / `f expected at least/at most ...`.
pub fn arg_range<'a>(
    vm: &Vm,
    fname: &str,
    args: &'a [Value],
    kwnames: &[Value],
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let args = no_kwargs(vm, fname, args, kwnames)?;
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{fname} expected {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(&msg));
    }
    Ok(args)
}

/// `f() takes at most N arguments (M given)`: too many positional
/// arguments for a C function whose parameters also have keywords.
pub fn at_most(vm: &Vm, fname: &str, given: usize, max: usize) -> PyResult<()> {
    if given <= max {
        return Ok(());
    }
    let plural = if max == 1 { "" } else { "s" };
    Err(vm.type_error(&format!("{fname}() takes at most {max} argument{plural} ({given} given)")))
}

/// The parameters `names` of C function `fname`, each given by position
/// or by keyword (`PyArg_ParseTupleAndKeywords`), with its errors for too
/// many arguments, unknown keywords and a parameter given twice.
pub fn named_args<const N: usize>(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: [&str; N],
) -> PyResult<[Option<Value>; N]> {
    let (pos, kws) = split_kwargs(args, kwnames);
    at_most(vm, fname, pos.len() + kws.len(), N)?;
    let mut found = [None; N];
    for (slot, &v) in found.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in kws {
        let Some(i) = names.iter().position(|n| *n == k) else {
            return Err(unexpected_kw(vm, fname, &k));
        };
        if found[i].is_some() {
            return Err(vm.type_error(&format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        found[i] = Some(v);
    }
    Ok(found)
}

/// Splits keyword arguments off: (positional, [(name, value)]).
pub fn split_kwargs<'a>(
    args: &'a [Value],
    kwnames: &[Value],
) -> (&'a [Value], Vec<(String, Value)>) {
    let npos = args.len() - kwnames.len();
    let kws = kwnames
        .iter()
        .zip(&args[npos..])
        .map(|(k, v)| {
            (
                crate::object::str::str_of(*k)
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                *v,
            )
        })
        .collect();
    (&args[..npos], kws)
}

/// The TypeError for an unexpected keyword argument, worded as CPython
/// 3.8's argument parsers for C functions (`getargs.c`) word it; Python
/// functions say "got an unexpected keyword argument" instead.
pub fn unexpected_kw(vm: &Vm, fname: &str, name: &str) -> PyErr {
    vm.type_error(&format!("'{name}' is an invalid keyword argument for {fname}()"))
}

// ---- methods: the receiver is `args[0]`

/// `name() takes no keyword arguments` unless `kwnames` is empty.
pub fn method_no_kwargs(vm: &Vm, name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(&format!("{name}() takes no keyword arguments")))
    }
}

/// The argument of a one-argument method (`METH_O`).
pub fn method_one_arg(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    method_no_kwargs(vm, name, kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(args[1])
}

/// Checks that a function got no arguments (`METH_NOARGS`).
pub fn no_args(vm: &Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_kwargs(vm, fname, args, kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(&format!("{fname}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// Checks that a method got no arguments (`METH_NOARGS`).
pub fn method_no_args(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<()> {
    method_no_kwargs(vm, name, kwnames)?;
    if args.len() > 1 {
        return Err(
            vm.type_error(&format!("{name}() takes no arguments ({} given)", args.len() - 1))
        );
    }
    Ok(())
}
