//! The rest of `sys`: object sizes as CPython 3.8 reports them on 64-bit
//! Linux, the hooks a program may set (`settrace`, `setprofile`,
//! `displayhook`, ...: kept and given back, the tracing ones never called),
//! the thread switch interval, and the small introspection functions.

use crate::builtins::{arg_range, native_in, no_args};
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// Adds the functions of this module to `sys`'s dict.
pub fn install(vm: &mut Vm, dict: Value) -> PyResult<()> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getsizeof", getsizeof),
        ("settrace", settrace),
        ("gettrace", gettrace),
        ("setprofile", setprofile),
        ("getprofile", getprofile),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("getcheckinterval", getcheckinterval),
        ("setcheckinterval", setcheckinterval),
        ("getdlopenflags", getdlopenflags),
        ("setdlopenflags", setdlopenflags),
        ("call_tracing", call_tracing),
        ("get_coroutine_origin_tracking_depth", get_coroutine_origin_tracking_depth),
        ("set_coroutine_origin_tracking_depth", set_coroutine_origin_tracking_depth),
        ("getallocatedblocks", getallocatedblocks),
        ("_clear_type_cache", clear_type_cache),
        ("_debugmallocstats", debugmallocstats),
        ("callstats", callstats),
    ];
    for (name, f) in funcs {
        let v = native_in(vm, vm.sys_module, name, *f);
        set(vm, dict, name, v)?;
    }
    for (name, f) in [
        ("displayhook", displayhook as NativeFn),
        ("breakpointhook", breakpointhook),
        ("unraisablehook", unraisablehook),
    ] {
        let v = native_in(vm, vm.sys_module, name, f);
        set(vm, dict, name, v)?;
        set(vm, dict, &format!("__{name}__"), v)?;
    }
    set(vm, dict, "_git", {
        let empty = vm.heap.new_str("");
        let name = vm.heap.new_str("tachyon");
        vm.heap.new_tuple(&[name, empty, empty])
    })?;
    set(vm, dict, "_framework", vm.heap.new_str(""))?;
    set(vm, dict, "_home", Value::NONE)?;
    Ok(())
}

fn set(vm: &mut Vm, dict: Value, name: &str, v: Value) -> PyResult<()> {
    let key = vm.heap.intern(name);
    vm.dict_set_item(dict, key, v)
}

/// `sys` itself, for the hooks kept in its dict under private names.
fn sys_dict(vm: &Vm) -> Value {
    crate::vm::function::module_of(vm.sys_module).expect("sys is a module").dict
}

fn stored(vm: &mut Vm, key: &str) -> PyResult {
    let key = vm.heap.intern(key);
    Ok(vm.dict_get_item(sys_dict(vm), key)?.unwrap_or(Value::NONE))
}

fn store(vm: &mut Vm, key: &str, args: &[Value], kw: &[Value], fname: &str) -> PyResult {
    let args = crate::builtins::exactly_one(vm, fname, args, kw)?;
    let dict = sys_dict(vm);
    set(vm, dict, key, args)?;
    Ok(Value::NONE)
}

fn settrace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    store(vm, "__tachyon_trace__", args, kw, "settrace")
}

fn gettrace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "gettrace", args, kw)?;
    stored(vm, "__tachyon_trace__")
}

fn setprofile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    store(vm, "__tachyon_profile__", args, kw, "setprofile")
}

fn getprofile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "getprofile", args, kw)?;
    stored(vm, "__tachyon_profile__")
}

fn getswitchinterval(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "getswitchinterval", args, kw)?;
    match stored(vm, "__tachyon_switchinterval__")? {
        v if v.is_none() => Ok(Value::from_f64(0.005)),
        v => Ok(v),
    }
}

fn setswitchinterval(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let v = crate::builtins::exactly_one(vm, "setswitchinterval", args, kw)?;
    let seconds = match vm.as_num(v) {
        Some(crate::number::tower::Num::Float(x)) => Some(x),
        Some(crate::number::tower::Num::Int(i)) => i.to_f64().ok(),
        _ => None,
    };
    let Some(seconds) = seconds else {
        return Err(crate::builtins::real_required(vm, v));
    };
    if seconds <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    let dict = sys_dict(vm);
    set(vm, dict, "__tachyon_switchinterval__", Value::from_f64(seconds))?;
    Ok(Value::NONE)
}

/// What 3.8 says on every call of `getcheckinterval` and `setcheckinterval`.
const CHECKINTERVAL_DEPRECATED: &str = "sys.getcheckinterval() and sys.setcheckinterval() are \
     deprecated.  Use sys.setswitchinterval() instead.";

fn getcheckinterval(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "getcheckinterval", args, kw)?;
    let category = vm.heap.types().deprecation_warning;
    crate::builtins::warn::warn(vm, category, CHECKINTERVAL_DEPRECATED, 1)?;
    Ok(Value::from_small_int(100).expect("100"))
}

/// `setcheckinterval(n)`: checks its C int argument; tachyon has no GIL to
/// switch, so the value has no effect.
fn setcheckinterval(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let v = crate::builtins::exactly_one(vm, "setcheckinterval", args, kw)?;
    crate::builtins::c_int_arg(vm, v)?;
    let category = vm.heap.types().deprecation_warning;
    crate::builtins::warn::warn(vm, category, CHECKINTERVAL_DEPRECATED, 1)?;
    Ok(Value::NONE)
}

/// `RTLD_NOW`, CPython's default on Linux.
fn getdlopenflags(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "getdlopenflags", args, kw)?;
    Ok(Value::from_small_int(2).expect("2"))
}

/// `setdlopenflags(n)`: tachyon loads no extension modules, so the flags
/// are checked and have no effect.
fn setdlopenflags(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    c_int_setter(vm, "setdlopenflags", args, kw)
}

/// A setter of one C int that tachyon has no use for.
fn c_int_setter(vm: &mut Vm, fname: &str, args: &[Value], kw: &[Value]) -> PyResult {
    let v = crate::builtins::exactly_one(vm, fname, args, kw)?;
    crate::builtins::c_int_arg(vm, v)?;
    Ok(Value::NONE)
}

fn get_coroutine_origin_tracking_depth(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    no_args(vm, "get_coroutine_origin_tracking_depth", a, k)?;
    Ok(Value::from_small_int(vm.coroutine_origin_depth as i64).unwrap_or(Value::NONE))
}

/// `set_coroutine_origin_tracking_depth(depth)`: how many frames new
/// coroutines record as `cr_origin`.
fn set_coroutine_origin_tracking_depth(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let fname = "set_coroutine_origin_tracking_depth";
    let [depth] = crate::builtins::named_args(vm, fname, a, k, ["depth"])?;
    let Some(depth) = depth else {
        return Err(vm.type_error(&format!("{fname}() missing required argument 'depth' (pos 1)")));
    };
    let depth = crate::builtins::c_int_arg(vm, depth)?;
    let Ok(depth) = usize::try_from(depth) else {
        return Err(vm.value_error("depth must be >= 0"));
    };
    vm.coroutine_origin_depth = depth;
    Ok(Value::NONE)
}

fn getallocatedblocks(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "getallocatedblocks", args, kw)?;
    Ok(Value::from_small_int(0).expect("0"))
}

/// `_clear_type_cache()`: tachyon's caches watch type versions themselves.
fn clear_type_cache(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "_clear_type_cache", args, kw).map(|_| Value::NONE)
}

/// `_debugmallocstats()`: there is no pymalloc to report on.
fn debugmallocstats(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "_debugmallocstats", args, kw).map(|_| Value::NONE)
}

/// `callstats()`: None, as in a CPython built without call profiling.
fn callstats(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_args(vm, "callstats", args, kw).map(|_| Value::NONE)
}

/// `call_tracing(func, args)`: `func(*args)`.
fn call_tracing(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let args = arg_range(vm, "call_tracing", args, kw, 2, 2)?;
    let Some(items) = crate::object::tuple::tuple_of(args[1]) else {
        return Err(vm.type_error(&format!(
            "call_tracing() argument 2 must be tuple, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, args[1])
        )));
    };
    let items = items.items().to_vec();
    vm.call(args[0], &items)
}

/// `displayhook(value)`: prints `repr(value)` and keeps it as `builtins._`
/// unless it is None.
fn displayhook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let value = crate::builtins::exactly_one(vm, "displayhook", args, kw)?;
    if value.is_none() {
        return Ok(Value::NONE);
    }
    crate::builtins::set_builtin(vm, "_", Value::NONE);
    let text = vm.repr_of_value(value)?;
    let stdout = super::sys::stdout_object(vm)?;
    super::sys::write_to(vm, stdout, &format!("{text}\n"))?;
    crate::builtins::set_builtin(vm, "_", value);
    Ok(Value::NONE)
}

/// `breakpointhook(*args, **kws)`: CPython's `sys_breakpointhook`. The
/// hook named by `$PYTHONBREAKPOINT` (`pdb.set_trace` when unset or empty,
/// none at all for "0") is imported and called with the arguments; a name
/// that does not import is a RuntimeWarning and nothing is called.
fn breakpointhook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let env = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    let hookname = if env.is_empty() { "pdb.set_trace" } else { env.as_str() };
    if hookname == "0" {
        return Ok(Value::NONE);
    }
    let (module, attr) = hookname.rsplit_once('.').unwrap_or(("builtins", hookname));
    let hook = if module.is_empty() {
        None
    } else {
        vm.import_module(module).ok().and_then(|m| {
            let name = vm.heap.new_str(attr);
            vm.get_attr(m, name).ok()
        })
    };
    let Some(hook) = hook else {
        let message = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\"");
        let warnings = vm.import_module("warnings")?;
        let warn = vm.get_attr(warnings, vm.heap.intern("warn"))?;
        let message = vm.heap.new_str(&message);
        let category = vm.heap.types().runtime_warning;
        vm.call(warn, &[message, category])?;
        return Ok(Value::NONE);
    };
    vm.call_kw(hook, args, kw)
}

/// `unraisablehook(info)`: prints `info.exc_value` as an ignored exception.
fn unraisablehook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let info = crate::builtins::exactly_one(vm, "unraisablehook", args, kw)?;
    let key = vm.heap.intern("exc_value");
    let exc = vm.get_attr(info, key)?;
    vm.flush_stdout();
    let text = vm.print_exception(exc);
    vm.write_stderr(&format!("Exception ignored in: None\n{text}"));
    Ok(Value::NONE)
}

// ---- sizes

/// `getsizeof(object[, default])`: `object.__sizeof__()` plus the GC
/// header for the kinds CPython's collector tracks; `default` instead when
/// that raises TypeError (no `__sizeof__`, or one returning a non-int).
fn getsizeof(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = crate::builtins::split_kwargs(args, kw);
    if pos.len() + kws.len() > 2 {
        return Err(vm.type_error(&format!(
            "getsizeof() takes at most 2 arguments ({} given)",
            pos.len() + kws.len()
        )));
    }
    let mut slots = [pos.first().copied(), pos.get(1).copied()];
    let mut unknown = None;
    for (name, v) in kws {
        let at = match name.as_str() {
            "object" => 0,
            "default" => 1,
            _ => {
                unknown.get_or_insert(name);
                continue;
            }
        };
        if slots[at].is_some() {
            return Err(vm.type_error(&format!(
                "argument for getsizeof() given by name ('{name}') and position ({})",
                at + 1
            )));
        }
        slots[at] = Some(v);
    }
    let [Some(obj), default] = slots else {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    if let Some(name) = unknown {
        return Err(
            vm.type_error(&format!("'{name}' is an invalid keyword argument for getsizeof()"))
        );
    }
    match size_of(vm, obj) {
        Err(e) if default.is_some() && e.matches(&vm.heap, vm.heap.types().type_error) => {
            Ok(default.unwrap_or(Value::NONE))
        }
        other => other,
    }
}

fn size_of(vm: &mut Vm, obj: Value) -> PyResult {
    // The type's `__sizeof__` (CPython's `_PyObject_LookupSpecial`): an
    // instance's own `__getattribute__` is not asked.
    let name = vm.heap.intern("__sizeof__");
    let Some(method) = vm.heap.lookup_in_type_of(obj, name) else {
        let msg = format!("Type {} doesn't define __sizeof__", vm.type_name(obj));
        return Err(vm.type_error(&msg));
    };
    let result = vm.call_method_value(method, obj, &[])?;
    let Some(size) = vm.as_int(result).and_then(|n| n.to_i64()) else {
        return Err(vm.type_error("an integer is required"));
    };
    if size < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    let header = gc_header(vm, obj);
    Ok(vm.heap.new_int_i64(size + header))
}

/// The 16 bytes of `PyGC_Head` in front of container objects.
fn gc_header(vm: &Vm, v: Value) -> i64 {
    let t = vm.heap.types();
    let ty = vm.heap.type_obj(v);
    let tracked = [t.tuple, t.list, t.dict, t.set, t.frozenset, t.function, t.module, t.type_]
        .iter()
        .any(|&k| vm.heap.is_instance(v, k));
    if tracked || ty.is_heap_type() {
        16
    } else {
        0
    }
}
