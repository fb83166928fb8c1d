//! The `sys` module and the standard streams.

use crate::builtins::native_in;
use crate::number::str_digits;
use crate::object::str::str_of;
use crate::object::{PyErr, Value};
use crate::vm::function::{module_of, NativeFn};
use crate::vm::{PyResult, Vm};

/// `sys.copyright`, CPython 3.8's text (also the `copyright` builtin).
pub const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n\
    Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n\
    Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n\
    Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

/// Makes `sys` and the standard stream objects (called once at start-up).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let module = vm.new_module("sys")?;
    vm.sys_module = module;
    vm.heap.add_permanent_root(module);
    let dict = module_of(module).expect("a module").dict;
    super::stdio::install(vm, dict)?;
    let argv: Vec<Value> = vm.argv.clone().iter().map(|a| vm.heap.new_str(a)).collect();
    let argv = vm.heap.new_list(&argv);
    set(vm, dict, "argv", argv)?;
    set(vm, dict, "path", vm.sys_path)?;
    set(vm, dict, "modules", vm.modules)?;
    install_constants(vm, dict)?;
    let version = vm.heap.new_str("3.8.18 (tachyon) [Rust]");
    set(vm, dict, "version", version)?;
    let info = version_info(vm)?;
    set(vm, dict, "version_info", info)?;
    set(vm, dict, "hexversion", vm.heap.new_int_i64(0x030812f0))?;
    set(vm, dict, "maxsize", vm.heap.new_int_i64(i64::MAX))?;
    set(vm, dict, "maxunicode", vm.heap.new_int_i64(0x10ffff))?;
    set(vm, dict, "platform", vm.heap.new_str("linux"))?;
    set(vm, dict, "copyright", vm.heap.new_str(COPYRIGHT))?;
    set(vm, dict, "byteorder", vm.heap.new_str("little"))?;
    let empty = vm.heap.new_list(&[]);
    set(vm, dict, "warnoptions", empty)?;
    let xoptions = vm.heap.new_dict();
    set(vm, dict, "_xoptions", xoptions)?;
    let dont_write_bytecode =
        std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty());
    set(vm, dict, "dont_write_bytecode", Value::from_bool(dont_write_bytecode))?;
    let namespace = super::namespace::new_class(vm)?;
    let implementation = super::namespace::new_instance(
        vm,
        namespace,
        &[
            ("name", vm.heap.new_str("tachyon")),
            ("cache_tag", vm.heap.new_str(crate::vm::import::cache::CACHE_TAG)),
            ("version", info),
            ("hexversion", vm.heap.new_int_i64(0x030812f0)),
            // sysconfig names the stdlib's `_sysconfigdata_*` module by it.
            ("_multiarch", vm.heap.new_str(&format!("{}-linux-gnu", std::env::consts::ARCH))),
        ],
    )?;
    set(vm, dict, "implementation", implementation)?;
    let zero = Value::from_small_int(0).expect("0");
    let mut fields: Vec<(&str, Value)> = FLAG_NAMES[..15].iter().map(|n| (*n, zero)).collect();
    if dont_write_bytecode {
        set_flag(&mut fields, "dont_write_bytecode");
    }
    // Str hashes are randomized unless PYTHONHASHSEED is 0.
    if std::env::var("PYTHONHASHSEED").map_or(true, |v| v != "0") {
        set_flag(&mut fields, "hash_randomization");
    }
    set_field(&mut fields, "dev_mode", Value::FALSE);
    let optimize = crate::vm::import::optimize_level();
    set_field(&mut fields, "optimize", Value::from_small_int(optimize.into()).expect("0 to 2"));
    let max_digits = str_digits_from_env(vm)?;
    fields.push(("int_max_str_digits", vm.heap.new_int_i64(max_digits)));
    let flags = named_tuple(vm, "flags", &fields)?;
    set(vm, dict, "flags", flags)?;
    let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    set(vm, dict, "executable", vm.heap.new_str(&exe))?;
    set(vm, dict, "_base_executable", vm.heap.new_str(&exe))?;
    let funcs: &[(&'static str, NativeFn)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("intern", intern),
        ("getdefaultencoding", getdefaultencoding),
        ("getfilesystemencoding", getfilesystemencoding),
        ("getfilesystemencodeerrors", surrogateescape_name),
        ("getrefcount", getrefcount),
        ("is_finalizing", is_finalizing),
        ("excepthook", excepthook),
        ("_getframe", getframe),
        ("_current_frames", current_frames),
        ("__interactivehook__", interactive_hook),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("audit", audit),
        ("addaudithook", addaudithook),
    ];
    for (name, f) in funcs {
        let v = native_in(vm, vm.sys_module, name, *f);
        set(vm, dict, name, v)?;
    }
    super::sys_hooks::install(vm, dict)?;
    let hook = native_in(vm, vm.sys_module, "excepthook", excepthook);
    set(vm, dict, "__excepthook__", hook)?;
    Ok(())
}

/// `sys.flags`' fields, in order (`int_max_str_digits` last).
const FLAG_NAMES: [&str; 16] = [
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "int_max_str_digits",
];

fn set_flag(fields: &mut [(&str, Value)], name: &str) {
    set_field(fields, name, Value::from_small_int(1).expect("1"));
}

fn set_field(fields: &mut [(&str, Value)], name: &str, value: Value) {
    for (field, v) in fields.iter_mut() {
        if *field == name {
            *v = value;
        }
    }
}

/// `-B`: no compiled code is written (`sys.dont_write_bytecode`, `sys.flags.dont_write_bytecode`).
pub fn set_dont_write_bytecode(vm: &mut Vm) -> PyResult<()> {
    let dict = module_of(vm.sys_module).expect("sys is a module").dict;
    set(vm, dict, "dont_write_bytecode", Value::TRUE)?;
    let key = vm.heap.intern("flags");
    let Some(flags) = vm.dict_get_item(dict, key)? else { return Ok(()) };
    let Some(old) = crate::object::tuple::tuple_of(flags) else { return Ok(()) };
    let mut fields: Vec<(&str, Value)> =
        FLAG_NAMES.iter().copied().zip(old.items().iter().copied()).collect();
    set_flag(&mut fields, "dont_write_bytecode");
    let flags = named_tuple(vm, "flags", &fields)?;
    set(vm, dict, "flags", flags)
}

fn set(vm: &mut Vm, dict: Value, name: &str, v: Value) -> PyResult<()> {
    let key = vm.heap.intern(name);
    vm.dict_set_item(dict, key, v)
}

/// The constants of `sys` that describe the platform, the number types and
/// the installation.
fn install_constants(vm: &mut Vm, dict: Value) -> PyResult<()> {
    let mut names: Vec<&str> = super::NATIVE_MODULES.to_vec();
    names.extend(["builtins", "sys"]);
    names.sort_unstable();
    let names: Vec<Value> = names.iter().map(|n| vm.heap.intern(n)).collect();
    set(vm, dict, "builtin_module_names", vm.heap.new_tuple(&names))?;
    let int = |vm: &Vm, n: i64| vm.heap.new_int_i64(n);
    let float_info = [
        ("max", Value::from_f64(f64::MAX)),
        ("max_exp", int(vm, f64::MAX_EXP.into())),
        ("max_10_exp", int(vm, f64::MAX_10_EXP.into())),
        ("min", Value::from_f64(f64::MIN_POSITIVE)),
        ("min_exp", int(vm, f64::MIN_EXP.into())),
        ("min_10_exp", int(vm, f64::MIN_10_EXP.into())),
        ("dig", int(vm, f64::DIGITS.into())),
        ("mant_dig", int(vm, f64::MANTISSA_DIGITS.into())),
        ("epsilon", Value::from_f64(f64::EPSILON)),
        ("radix", int(vm, f64::RADIX.into())),
        ("rounds", int(vm, 1)),
    ];
    let v = named_tuple(vm, "float_info", &float_info)?;
    set(vm, dict, "float_info", v)?;
    let v = named_tuple(
        vm,
        "int_info",
        &[
            ("bits_per_digit", int(vm, 30)),
            ("sizeof_digit", int(vm, 4)),
            ("default_max_str_digits", int(vm, str_digits::DEFAULT_MAX_STR_DIGITS as i64)),
            ("str_digits_check_threshold", int(vm, str_digits::CHECK_THRESHOLD as i64)),
        ],
    )?;
    set(vm, dict, "int_info", v)?;
    let hash_info = [
        ("width", int(vm, 64)),
        ("modulus", int(vm, (1 << 61) - 1)),
        ("inf", int(vm, 314159)),
        ("nan", int(vm, 0)),
        ("imag", int(vm, 1000003)),
        ("algorithm", vm.heap.new_str("siphash24")),
        ("hash_bits", int(vm, 64)),
        ("seed_bits", int(vm, 128)),
        ("cutoff", int(vm, 0)),
    ];
    let v = named_tuple(vm, "hash_info", &hash_info)?;
    set(vm, dict, "hash_info", v)?;
    // CS_GNU_LIBPTHREAD_VERSION, as CPython reads it.
    let pthread = super::posix_process::confstr_text(3).ok().flatten();
    let thread_info = [
        ("name", vm.heap.new_str("pthread")),
        ("lock", vm.heap.new_str("semaphore")),
        ("version", pthread.map_or(Value::NONE, |v| vm.heap.new_str(&v))),
    ];
    let v = named_tuple(vm, "thread_info", &thread_info)?;
    set(vm, dict, "thread_info", v)?;
    let prefix = vm
        .stdlib
        .as_ref()
        .and_then(|lib| lib.parent().and_then(|p| p.parent()))
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        let v = vm.heap.new_str(&prefix);
        set(vm, dict, name, v)?;
    }
    set(vm, dict, "abiflags", vm.heap.new_str(""))?;
    set(vm, dict, "api_version", int(vm, 1013))?;
    set(vm, dict, "float_repr_style", vm.heap.new_str("short"))?;
    let pycache_prefix = crate::vm::import::cache::pycache_prefix()
        .map_or(Value::NONE, |dir| vm.heap.new_str(&dir.display().to_string()));
    set(vm, dict, "pycache_prefix", pycache_prefix)?;
    for name in ["meta_path", "path_hooks"] {
        let v = vm.heap.new_list(&[]);
        set(vm, dict, name, v)?;
    }
    let cache = vm.heap.new_dict();
    set(vm, dict, "path_importer_cache", cache)
}

/// How a structseq class is made: a tuple subclass without instance dict
/// whose fields are read-only properties over the items and whose repr is
/// `sys.flags(debug=0, ...)`, as CPython's `PyStructSequence`.
const STRUCTSEQ_SOURCE: &str = "\
def _structseq(name, fields, values):
    def __repr__(self):
        items = ', '.join('%s=%r' % (f, v) for f, v in zip(fields, self))
        return 'sys.%s(%s)' % (name, items)
    def field(i):
        def get(self):
            return self[i]
        def set(self, value):
            raise AttributeError('readonly attribute')
        return property(get, set, set)
    ns = {'__slots__': (), '__module__': 'sys', '__repr__': __repr__,
          'n_fields': len(fields), 'n_sequence_fields': len(fields),
          'n_unnamed_fields': 0}
    for i, f in enumerate(fields):
        ns[f] = field(i)
    return tuple.__new__(type(name, (tuple,), ns), values)
";

/// A structseq value of `sys` (`version_info`, `flags`, `float_info`, ...).
fn named_tuple(vm: &mut Vm, name: &str, fields: &[(&str, Value)]) -> PyResult {
    let scope = vm.heap.new_dict();
    let mark = vm.push_temp(scope);
    let result = (|| {
        vm.exec_source_in(STRUCTSEQ_SOURCE.as_bytes(), "<structseq>", scope, scope)?;
        let make = vm.dict_get_item(scope, vm.heap.intern("_structseq"))?;
        let make = make.ok_or_else(|| vm.type_error("structseq maker missing"))?;
        let names: Vec<Value> = fields.iter().map(|(n, _)| vm.heap.intern(n)).collect();
        let names = vm.heap.new_tuple(&names);
        vm.push_temp(names);
        let values: Vec<Value> = fields.iter().map(|(_, v)| *v).collect();
        let values = vm.heap.new_tuple(&values);
        vm.push_temp(values);
        let name = vm.heap.new_str(name);
        vm.push_temp(name);
        vm.call(make, &[name, names, values])
    })();
    vm.truncate_temps(mark);
    result
}

/// `sys.version_info`: a tuple with `major`, `minor`, ... attributes.
fn version_info(vm: &mut Vm) -> PyResult {
    let fields = [
        ("major", Value::from_small_int(3).expect("3")),
        ("minor", Value::from_small_int(8).expect("8")),
        ("micro", Value::from_small_int(18).expect("18")),
        ("releaselevel", vm.heap.new_str("final")),
        ("serial", Value::from_small_int(0).expect("0")),
    ];
    named_tuple(vm, "version_info", &fields)
}

/// The current `sys.stdout`.
pub fn stdout_object(vm: &mut Vm) -> PyResult {
    sys_attr(vm, "stdout")
}

/// `sys.NAME`, a RuntimeError when a program deleted it.
pub fn sys_attr(vm: &mut Vm, name: &str) -> PyResult {
    let dict = module_of(vm.sys_module).expect("sys is a module").dict;
    let key = vm.heap.intern(name);
    match vm.dict_get_item(dict, key)? {
        Some(v) => Ok(v),
        None => Err(PyErr::runtime_error(&vm.heap, &format!("lost sys.{name}"))),
    }
}

/// `file.write(text)`, straight to the process streams for the originals.
pub fn write_to(vm: &mut Vm, file: Value, text: &str) -> PyResult<()> {
    if file == vm.original_stdout {
        return vm.write_stdout(text);
    }
    if file == vm.original_stderr {
        vm.write_stderr(text);
        return Ok(());
    }
    let s = vm.heap.new_str(text);
    vm.call_method_by_name(file, "write", &[s])?;
    Ok(())
}

fn sys_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let exit = vm.heap.types().system_exit;
    Err(PyErr::with_args(&vm.heap, exit, args))
}

/// `PYTHONINTMAXSTRDIGITS` sets the int<->str digit limit at start-up;
/// `sys.flags.int_max_str_digits` shows it (-1 when unset).
fn str_digits_from_env(vm: &Vm) -> PyResult<i64> {
    let Ok(text) = std::env::var("PYTHONINTMAXSTRDIGITS") else { return Ok(-1) };
    let n = text.trim().parse::<i64>().ok().filter(|n| *n >= 0);
    match n.map(str_digits::set_max_str_digits) {
        Some(Ok(())) => Ok(n.unwrap_or(-1)),
        _ => Err(vm.value_error(&format!(
            "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= {} or 0 for unlimited.",
            str_digits::CHECK_THRESHOLD
        ))),
    }
}

fn get_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "get_int_max_str_digits", args, kw)?;
    Ok(vm.heap.new_int_i64(str_digits::max_str_digits() as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let arg = match (args, kwnames) {
        ([v], []) => *v,
        ([v], [k]) if str_of(*k).is_some_and(|k| k.to_str() == Ok("maxdigits")) => *v,
        ([], []) => {
            return Err(vm.type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
        _ => return Err(vm.type_error("set_int_max_str_digits() takes exactly one argument")),
    };
    let Some(n) = vm.as_int(arg) else {
        return Err(crate::builtins::int_required(vm, arg));
    };
    let n = n.to_i64().unwrap_or(-1);
    str_digits::set_max_str_digits(n).map_err(|e| vm.num_error(e))?;
    Ok(Value::NONE)
}

fn getrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "getrecursionlimit", args, kw)?;
    Ok(vm.heap.new_int_i64(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let v = crate::builtins::exactly_one(vm, "setrecursionlimit", args, kw)?;
    let n = crate::builtins::c_int_arg(vm, v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::NONE)
}

fn exc_info(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "exc_info", args, kw)?;
    let exc = vm.current_handled();
    if exc.is_none() {
        return Ok(vm.heap.new_tuple(&[Value::NONE, Value::NONE, Value::NONE]));
    }
    let ty = vm.heap.type_of(exc);
    let tb = crate::object::exception::exception_of(exc).map_or(Value::NONE, |e| e.traceback.get());
    Ok(vm.heap.new_tuple(&[ty, exc, tb]))
}

/// Where `addaudithook` keeps the hooks: a list in `sys`'s dict, made by
/// the first hook (so `audit` costs a lookup when there is none).
const AUDIT_HOOKS: &str = "__audit_hooks__";

fn audit_hooks(vm: &mut Vm) -> PyResult<Option<Value>> {
    let dict = module_of(vm.sys_module).expect("sys is a module").dict;
    let key = vm.heap.intern(AUDIT_HOOKS);
    vm.dict_get_item(dict, key)
}

/// `sys.addaudithook(hook)`: `hook(event, args)` runs on every `audit`.
fn addaudithook(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let [hook] = args else {
        return Err(vm.type_error(&format!(
            "addaudithook() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let hooks = match audit_hooks(vm)? {
        Some(list) => list,
        None => {
            let list = vm.heap.new_list(&[]);
            let dict = module_of(vm.sys_module).expect("sys is a module").dict;
            set(vm, dict, AUDIT_HOOKS, list)?;
            list
        }
    };
    vm.list_append(hooks, *hook);
    Ok(Value::NONE)
}

/// `sys.audit(event, *args)`: calls the hooks with `(event, args)`.
fn audit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(&event) = args.first() else {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    };
    if str_of(event).is_none() {
        return Err(vm.type_error(&format!(
            "expected str for argument 'event', not {}",
            vm.type_name(event)
        )));
    }
    let Some(hooks) = audit_hooks(vm)? else {
        return Ok(Value::NONE);
    };
    let hooks: Vec<Value> = crate::object::list::list_of(hooks)
        .map(|l| (0..l.items.len()).filter_map(|i| l.items.get(i)).collect())
        .unwrap_or_default();
    let rest = vm.heap.new_tuple(&args[1..]);
    let mark = vm.push_temp(rest);
    let result = hooks.into_iter().try_for_each(|hook| vm.call(hook, &[event, rest]).map(drop));
    vm.truncate_temps(mark);
    result.map(|_| Value::NONE)
}

fn intern(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let s = crate::builtins::exactly_one(vm, "intern", args, kw)?;
    match str_of(s) {
        Some(_) => Ok(vm.heap.intern_value(s).unwrap_or(s)),
        None => Err(vm.type_error(&format!(
            "intern() argument must be str, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, s)
        ))),
    }
}

fn getdefaultencoding(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "getdefaultencoding", args, kw)?;
    Ok(vm.heap.new_str("utf-8"))
}

fn getfilesystemencoding(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "getfilesystemencoding", args, kw)?;
    Ok(vm.heap.new_str("utf-8"))
}

fn surrogateescape_name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "getfilesystemencodeerrors", args, kw)?;
    Ok(vm.heap.new_str("surrogateescape"))
}

/// `getrefcount(obj)`: tachyon counts no references; CPython's answer for
/// an object held by one name (itself plus the argument) is given.
/// `is_finalizing()`: Python code never runs while the interpreter shuts
/// down (exit handlers run before), so always False.
fn is_finalizing(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match args {
        [] => Ok(Value::FALSE),
        _ => {
            Err(vm
                .type_error(&format!("is_finalizing() takes no arguments ({} given)", args.len())))
        }
    }
}

fn getrefcount(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match args {
        [_] => Ok(Value::from_small_int(2).expect("2")),
        _ => Err(vm.type_error(&format!(
            "getrefcount() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `excepthook(type, value, traceback)`: prints the exception as an
/// uncaught one is printed, to the current `sys.stderr` (nothing when it
/// is None, as CPython's `PyErr_Display`).
fn excepthook(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let [_, exc, _] = args else {
        return Err(vm.type_error(&format!("excepthook expected 3 arguments, got {}", args.len())));
    };
    vm.flush_stdout();
    let text = vm.print_exception(*exc);
    let stderr = sys_attr(vm, "stderr")?;
    if !stderr.is_none() {
        write_to(vm, stderr, &text)?;
    }
    Ok(Value::NONE)
}

/// `_current_frames()`: {thread id: its top frame} for the one thread,
/// keyed by `_thread.get_ident()` (`_MAIN_IDENT` in thread.py).
fn current_frames(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let frame = getframe(vm, &[], &[])?;
    let mark = vm.push_temp(frame);
    let dict = vm.heap.new_dict();
    let result = vm.dict_set_item(dict, Value::from_small_int(1).expect("1"), frame);
    vm.truncate_temps(mark);
    result.map(|_| dict)
}

/// `__interactivehook__()`: what `site` installs, readline completion;
/// `site.register_readline` returns quietly when there is no `readline`.
fn interactive_hook(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let site = vm.import_module("site")?;
    let mark = vm.push_temp(site);
    let name = vm.heap.intern("register_readline");
    let result = vm.get_attr(site, name).and_then(|f| {
        vm.push_temp(f);
        vm.call(f, &[])
    });
    vm.truncate_temps(mark);
    result
}

/// `_getframe(depth=0)`: the frame object of the frame `depth` calls up
/// (the same object each time; see `Vm::frame_object`).
fn getframe(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let depth = match args.first() {
        Some(v) => vm
            .as_int(*v)
            .and_then(|n| n.to_i64())
            .ok_or_else(|| vm.type_error("an integer is required"))?,
        None => 0,
    };
    let depth = usize::try_from(depth).unwrap_or(0);
    if depth >= vm.frames.len() {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    Ok(vm.frame_object(vm.frames.len() - 1 - depth))
}
