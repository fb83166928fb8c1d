//! Native modules: what CPython writes in C, written in Rust. A module is
//! made on first import and registered in `sys.modules`.
//!
//! | module | owns |
//! |---|---|
//! | [`sys`] | `sys`: argv, path, modules, exit, limits, version and platform constants |
//! | [`sys_hooks`] | `sys`: getsizeof, trace/profile/display hooks, switch interval |
//! | [`stdio`] | `sys.stdin`/`stdout`/`stderr` and their `.buffer`s, without `_io` |
//! | [`random`] | `_random`: CPython's Mersenne Twister and its seeding |
//! | [`itertools_native`] | `itertools`: chain, islice, count, repeat, with their pickling |
//! | [`itertools_combinatoric`] | `itertools`: product, permutations, combinations(_with_replacement), one result at a time |
//! | [`itertools_map`] | `itertools`: accumulate, compress, cycle, dropwhile, takewhile, filterfalse, starmap, zip_longest |
//! | [`itertools_args`] | `itertools`: the constructors' argument checks and messages |
//! | [`itertools_groupby`] | `itertools`: groupby and its `_grouper`s |
//! | [`itertools_tee`] | `itertools`: tee, `_tee` and the shared `_tee_dataobject` buffer |
//! | [`time`] | `time`: the clocks and `sleep`; the calendar in `time_calendar.py` |
//! | [`fd_table`] | the open file descriptors `posix` and `_io` share |
//! | [`files`] | `_tachyon_files`: raw file handles under `_io`; the builtin `open` |
//! | `io.py` | `_io`: open, binary and text files (Python), with the classes below |
//! | [`memory_io`] | `_tachyon_memory_io`: makes `_io`'s StringIO and BytesIO on `io.py`'s bases |
//! | [`stringio`] | `_io.StringIO`: text in memory with CPython's newline modes |
//! | [`bytesio`] | `_io.BytesIO`: bytes in memory, `getbuffer` views and their exports |
//! | [`namespace`] | `SimpleNamespace` (`sys.implementation`, `sys.flags`) |
//! | [`weakref`] | `_weakref`: ref (constructor and call on the heap's weakrefs), getweakrefcount |
//! | `weakproxy.py` | `_weakref.proxy`: the `weakproxy`/`weakcallableproxy` types, getweakrefs |
//! | `datetime_messages.py` | `_datetime`: words `datetime.py`'s field errors as the C module does, then declines |
//! | `bytes_format.py` | `bytes % values` (PEP 461), made on first use |
//! | [`buffer`] | `memoryview`: the built-in type's methods from `memoryview.py`, export marks |
//! | `memoryview.py` | `memoryview` over bytes, bytearray and array (Python), made on first use |
//! | [`collections`] | `_collections`: makes the module of deque and defaultdict |
//! | [`defaultdict`] | `_collections.defaultdict`: the dict subclass calling `default_factory` |
//! | [`deque`] | `_collections.deque`: a ring buffer with CPython's methods and mutation counter |
//! | [`deque_iter`] | `_collections._deque_iterator` and `_deque_reverse_iterator` |
//! | [`sha512`] | `_sha512`: SHA-512 and SHA-384 hash objects |
//! | [`hash_object`] | the classes of the hash modules: update, digest, copy |
//! | [`md5`] | `_md5`: MD5 |
//! | [`sha1`] | `_sha1`: SHA-1 |
//! | [`sha256`] | `_sha256`: SHA-256 and SHA-224 |
//! | [`sha3`] | `_sha3`: SHA3-224/256/384/512, SHAKE128/256 (Keccak) |
//! | [`blake2`] | `_blake2`: BLAKE2b and BLAKE2s with their parameters |
//! | [`math`] | `math`: libm with CPython's error rules, fsum, integer functions |
//! | [`math_special`] | `math`'s gamma, lgamma, erf, erfc, bit for bit as CPython 3.8 on glibc |
//! | [`cmath`] | `cmath`: complex functions with C99 Annex G special values |
//! | [`unicodedata`] | `unicodedata`: the character database and normalization, with `ucd_3_2_0` |
//! | [`binascii`] | `binascii`: hex, base64, crc32, crc_hqx |
//! | [`binascii_legacy`] | `binascii`'s quoted-printable, uu and BinHex codecs |
//! | [`csv`] | `_csv`: CSV dialects, the record reader and writer |
//! | [`json`] | `_json`: the scanner, encoder and string escapers under `json` |
//! | [`pickle`] | `_pickle` (Python classes, `pickle/pickle.py`) over `_tachyon_pickle`: the pickler and unpickler in Rust |
//! | [`structs`] | `_struct`: pack/unpack by format strings, `Struct` |
//! | [`ast`] | `_ast`: the node classes under `ast.py`; parser trees to and from them |
//! | [`array`] | `array`: typed arrays over a list of converted items |
//! | `array_pickle.py` | `array`'s `__reduce_ex__` and `_array_reconstructor` |
//! | [`operator`] | `_operator`: operator functions, itemgetter, attrgetter, methodcaller |
//! | [`functools`] | `_functools`: reduce, partial, cmp_to_key; partial's pickling in `functools_state.py` |
//! | [`bisect`] | `_bisect`: binary search and insort |
//! | [`heapq`] | `_heapq`: heap operations on lists, min and max |
//! | [`sre`] | `_sre`: the regular expression engine under CPython's `re` |
//! | [`inflate`] | the deflate decoder, resumable call by call, with the zlib and gzip wrappers, Adler-32 |
//! | [`deflate`] | the deflate compressor, zlib 1.2.13's algorithm byte for byte |
//! | [`zlib`] | `_tachyon_zlib`: compression and decompression streams by handle, Adler-32, for `zlib.py` (`zlib`) |
//! | [`support`] | what modules share: native classes, instance state, error classes |
//! | [`posix`] | `posix`: files, directories, stat, environ, descriptors (with `posix.py`) |
//! | [`posix_files`] | `posix`: fsync, truncate, pread/pwrite, dup, chown, system |
//! | [`posix_process`] | `posix`: fork, exec, wait, `fork_exec`'s child, sysconf, statvfs, set-id calls |
//! | [`errno`] | `errno`: Linux's error names, numbers and messages |
//! | [`gc`] | `gc`: the heap's collector behind CPython's interface |
//! | [`abc`] | `_abc`: ABC registries and weak caches behind `abc.ABCMeta` |
//! | `thread.py` | `_thread` for one thread: locks, `get_ident`, `_local` |
//! | `signal.py` | `_signal`: signal numbers and a handler table |
//! | [`signal_mask`] | `_tachyon_signal_mask`: `signal.pthread_sigmask`, `sigpending`, `sigwait`, `sigtimedwait`, `strsignal` |
//! | [`itimer`] | `_tachyon_itimer`: `signal.alarm`, `setitimer`, `getitimer`, `pause` |
//! | `atexit.py` | `atexit`: exit handlers, run by `Vm::run_exit_handlers` |
//! | `locale.py` | `_locale`: the C locale |
//! | `codecs.py` | `_codecs`: the codec registry and the functions of `encodings` |
//! | `string.py` | `_string`: the format-string parsers of `string.Formatter` |
//! | `contextvars.py` | `_contextvars`: context variables for one thread |
//! | `imp.py` | `_imp`: what `importlib` needs to set itself up |
//! | `warnings.py` | `_warnings`: `warn` for importlib, handled by `warnings.py` |
//! | `marshal.py` | `marshal`: the data types of CPython's format (no code objects) |
//! | [`socket`] | `_socket`: Unix socket pairs, constants and classes (with `socket.py`); no networking |
//! | [`select`] | `select`: `select()` and `poll` objects (with `select.py`) |
//! | [`poll`] | `poll(2)`, the system call `select` waits with |
//! | `posixsubprocess.py` | `_posixsubprocess`: `fork_exec`, running `preexec_fn` in the child |
//! | [`posix_calls`] | `posix`: vector and positioned I/O, sendfile, dup2/pipe2, mkfifo/mknod, wait3/wait4/waitid, scheduling, extended attributes, pseudo-terminals |
//! | `resource.py` | `resource`: getrusage, getrlimit/setrlimit/prlimit (over `posix_calls`) |
//! | `faulthandler.py` | `faulthandler`: enable/disable state and `dump_traceback`; no fault signals |

pub mod abc;
pub mod array;
pub mod ast;
pub mod binascii;
pub mod binascii_legacy;
pub mod bisect;
pub mod blake2;
pub mod buffer;
pub mod bytesio;
pub mod cmath;
pub mod collections;
pub mod csv;
pub mod defaultdict;
pub mod deflate;
pub mod deque;
pub mod deque_iter;
pub mod errno;
pub mod fd_table;
pub mod files;
pub mod functools;
pub mod gc;
pub mod hash_object;
pub mod heapq;
pub mod inflate;
pub mod itertools_args;
pub mod itertools_combinatoric;
pub mod itertools_groupby;
pub mod itertools_map;
pub mod itertools_native;
pub mod itertools_tee;
pub mod itimer;
pub mod json;
pub mod math;
pub mod math_special;
pub mod md5;
pub mod memory_io;
pub mod namespace;
pub mod operator;
pub mod pickle;
pub mod poll;
pub mod posix;
pub mod posix_calls;
pub mod posix_files;
pub mod posix_process;
pub mod random;
pub mod select;
pub mod sha1;
pub mod sha256;
pub mod sha3;
pub mod sha512;
pub mod signal_mask;
pub mod socket;
pub mod sre;
pub mod stdio;
pub mod stringio;
pub mod structs;
pub mod support;
pub mod sys;
pub mod sys_hooks;
pub mod time;
pub mod unicodedata;
pub mod weakref;
pub mod zlib;

use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// Creates native module `name` if there is one. Importing one again
/// (after it left `sys.modules`, as `import_fresh_module` does) gives a
/// new module with the contents it was first made with, as CPython does
/// for its single-phase C modules (`m_copy`): its classes and functions
/// stay the objects other modules and pickle know.
pub fn create(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let name_key = vm.heap.new_str(name);
    let mark = vm.push_temp(name_key);
    let r = create_or_copy(vm, name, name_key);
    vm.truncate_temps(mark);
    r
}

fn create_or_copy(vm: &mut Vm, name: &str, name_key: Value) -> PyResult<Option<Value>> {
    let first = vm.dict_get_item(vm.native_module_contents, name_key)?;
    let module = match first {
        Some(contents) => Some(module_with_contents(vm, name, contents)?),
        None => create_first(vm, name)?,
    };
    if let Some(m) = module {
        let modules = vm.modules;
        vm.dict_set_item(modules, name_key, m)?;
        if first.is_none() && name != "sys" {
            let contents = vm.heap.new_dict();
            let all = vm.native_module_contents;
            vm.dict_set_item(all, name_key, contents)?;
            let dict = crate::vm::function::module_of(m).map(|m| m.dict).unwrap_or(Value::NONE);
            for (k, v) in vm.dict_items(dict) {
                vm.dict_set_item(contents, k, v)?;
            }
        }
    }
    Ok(module)
}

/// A new module `name` holding `contents`.
fn module_with_contents(vm: &mut Vm, name: &str, contents: Value) -> PyResult {
    native_module(vm, name, |vm, module| {
        let dict = crate::vm::function::module_of(module).map(|m| m.dict).unwrap_or(Value::NONE);
        for (k, v) in vm.dict_items(contents) {
            vm.dict_set_item(dict, k, v)?;
        }
        Ok(())
    })
}

/// Makes native module `name` for the first time.
fn create_first(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let module = match name {
        "sys" => Some(vm.sys_module),
        "math" => Some(math::create(vm)?),
        "_random" => Some(random::create(vm)?),
        "time" => Some(time::create(vm)?),
        "_weakref" => Some(weakref::create(vm)?),
        "_sha512" => Some(sha512::create(vm)?),
        "_md5" => Some(md5::create(vm)?),
        "_sha1" => Some(sha1::create(vm)?),
        "_sha256" => Some(sha256::create(vm)?),
        "_sha3" => Some(sha3::create(vm)?),
        "_blake2" => Some(blake2::create(vm)?),
        "_sre" => Some(sre::create(vm)?),
        "_struct" => Some(structs::create(vm)?),
        "_csv" => Some(csv::create(vm)?),
        "_json" => Some(json::create(vm)?),
        "_tachyon_pickle" => Some(pickle::create(vm)?),
        "_pickle" => Some(pickle::create_python_half(vm)?),
        "array" => Some(array::create(vm)?),
        "_operator" => Some(operator::create(vm)?),
        "_functools" => Some(functools::create(vm)?),
        "_bisect" => Some(bisect::create(vm)?),
        "_heapq" => Some(heapq::create(vm)?),
        "binascii" => Some(binascii::create(vm)?),
        "cmath" => Some(cmath::create(vm)?),
        "unicodedata" => Some(unicodedata::create(vm)?),
        "_tachyon_zlib" => Some(zlib::create(vm)?),
        "zlib" => Some(python_module(vm, "zlib", include_str!("zlib.py"))?),
        "_tachyon_files" => Some(files::create(vm)?),
        "_tachyon_signal" => Some(crate::vm::signals::create_module(vm)?),
        "_tachyon_itimer" => Some(itimer::create(vm)?),
        "_tachyon_signal_mask" => Some(signal_mask::create(vm)?),
        "_io" => Some(python_module(vm, "_io", include_str!("io.py"))?),
        "_tachyon_memory_io" => Some(memory_io::create(vm)?),
        "_collections" => Some(collections::create(vm)?),
        "_tachyon_time_calendar" => {
            Some(python_module(vm, "_tachyon_time_calendar", include_str!("time_calendar.py"))?)
        }
        "_datetime" => Some(python_module(vm, "_datetime", include_str!("datetime_messages.py"))?),
        "_tachyon_bytes_format" => {
            Some(python_module(vm, "_tachyon_bytes_format", include_str!("bytes_format.py"))?)
        }
        "_tachyon_memoryview" => Some(buffer::create(vm)?),
        "itertools" => Some(native_module(vm, "itertools", |vm, module| {
            itertools_native::install(vm, module)?;
            itertools_combinatoric::install(vm, module)?;
            itertools_map::install(vm, module)?;
            itertools_groupby::install(vm, module)?;
            itertools_tee::install(vm, module)
        })?),
        "posix" => Some(posix::create(vm)?),
        "errno" => Some(errno::create(vm)?),
        "gc" => Some(gc::create(vm)?),
        "_abc" => Some(abc::create(vm)?),
        "_thread" => Some(python_module(vm, "_thread", include_str!("thread.py"))?),
        "_signal" => Some(python_module(vm, "_signal", include_str!("signal.py"))?),
        "atexit" => Some(python_module(vm, "atexit", include_str!("atexit.py"))?),
        "_locale" => Some(python_module(vm, "_locale", include_str!("locale.py"))?),
        "_codecs" => {
            let m = python_module(vm, "_codecs", include_str!("codecs.py"))?;
            as_builtin_functions(vm, m)?;
            Some(m)
        }
        "_string" => Some(python_module(vm, "_string", include_str!("string.py"))?),
        "_contextvars" => Some(python_module(vm, "_contextvars", include_str!("contextvars.py"))?),
        "_imp" => Some(python_module(vm, "_imp", include_str!("imp.py"))?),
        "_warnings" => Some(python_module(vm, "_warnings", include_str!("warnings.py"))?),
        "marshal" => Some(python_module(vm, "marshal", include_str!("marshal.py"))?),
        "_ast" => Some(ast::create(vm)?),
        "_socket" => Some(socket::create(vm)?),
        "select" => Some(select::create(vm)?),
        "resource" => Some(python_module(vm, "resource", include_str!("resource.py"))?),
        "faulthandler" => Some(python_module(vm, "faulthandler", include_str!("faulthandler.py"))?),
        "_posixsubprocess" => {
            Some(python_module(vm, "_posixsubprocess", include_str!("posixsubprocess.py"))?)
        }
        _ => None,
    };
    Ok(module)
}

/// The modules [`create`] makes, for `sys.builtin_module_names` (keep the
/// two in step; `_tachyon_*` helpers are internal and not listed).
pub const NATIVE_MODULES: &[&str] = &[
    "math",
    "_random",
    "time",
    "_weakref",
    "_sha512",
    "_md5",
    "_sha1",
    "_sha256",
    "_sha3",
    "_blake2",
    "_io",
    "_collections",
    "itertools",
    "posix",
    "errno",
    "gc",
    "_abc",
    "_thread",
    "_signal",
    "atexit",
    "_locale",
    "_codecs",
    "_string",
    "_contextvars",
    "_imp",
    "_warnings",
    "marshal",
    "_socket",
    "zlib",
    "select",
    "_posixsubprocess",
    "faulthandler",
    "resource",
    "_sre",
    "_struct",
    "_csv",
    "_json",
    "_pickle",
    "array",
    "_operator",
    "_functools",
    "_bisect",
    "_heapq",
    "binascii",
    "cmath",
    "_ast",
    "unicodedata",
];

/// A native module: made, filled by `fill`, kept rooted meanwhile.
fn native_module(
    vm: &mut Vm,
    name: &str,
    fill: impl FnOnce(&mut Vm, Value) -> PyResult<()>,
) -> PyResult {
    let module = vm.new_module(name)?;
    let mark = vm.push_temp(module);
    let result = fill(vm, module);
    vm.truncate_temps(mark);
    result.map(|_| module)
}

/// Sets the builtin functions `funcs` on `module`.
fn add_functions(
    vm: &mut Vm,
    module: Value,
    funcs: &[(&'static str, crate::vm::function::NativeFn)],
) -> PyResult<()> {
    for (name, f) in funcs {
        let v = crate::builtins::native_in(vm, module, name, *f);
        module_set(vm, module, name, v)?;
    }
    Ok(())
}

/// A module whose source is Python text kept in the binary: what CPython
/// writes in C and needs no native speed yet.
fn python_module(vm: &mut Vm, name: &str, source: &str) -> PyResult {
    let module = vm.new_module(name)?;
    let mark = vm.push_temp(module);
    let dict = crate::vm::function::module_of(module).map(|m| m.dict).unwrap_or(Value::NONE);
    let result = vm.exec_source_in(source.as_bytes(), &format!("<tachyon {name}>"), dict, dict);
    vm.truncate_temps(mark);
    result.map(|_| module)
}

/// Makes the public functions of a Python-text module behave as C
/// functions do: a class that stores one as an attribute does not bind it
/// as a method (`encodings` keeps `codecs.utf_8_decode` on its classes),
/// and their `__module__` and `__self__` are the module, so pickle saves
/// `_codecs.encode` by reference.
pub(crate) fn as_builtin_functions(vm: &mut Vm, module: Value) -> PyResult<()> {
    let dict = crate::vm::function::module_of(module).map(|m| m.dict).unwrap_or(Value::NONE);
    for (key, f) in vm.dict_items(dict) {
        let Some(name) = crate::object::str::str_of(key).map(|s| s.to_string_lossy().into_owned())
        else {
            continue;
        };
        if name.starts_with('_') || crate::vm::function::function_of(f).is_none() {
            continue;
        }
        // One name per function of a module made once per process.
        let name: &'static str = Box::leak(name.into_boxed_str());
        let call = crate::builtins::object_methods::call_receiver;
        let builtin = vm.bind_native(name, call, f, module);
        vm.dict_set_item(dict, key, builtin)?;
    }
    Ok(())
}

/// A builtin that stands for a class written in Python: imports `module`
/// on first use and calls its `name` with the arguments.
pub fn call_lazy_class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult {
    let m = vm.import_module(module)?;
    let mark = vm.push_temp(m);
    let attr = vm.heap.intern(name);
    let result = vm.get_attr(m, attr).and_then(|f| {
        vm.push_temp(f);
        vm.call_kw(f, args, kwnames)
    });
    vm.truncate_temps(mark);
    result
}

/// `memoryview(obj)`.
pub fn builtin_memoryview(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    call_lazy_class(vm, "_tachyon_memoryview", "_make", args, kwnames)
}

/// Sets `module.name = v`.
pub fn module_set(vm: &mut Vm, module: Value, name: &str, v: Value) -> PyResult<()> {
    let dict = crate::vm::function::module_of(module)
        .map(|m| m.dict)
        .ok_or_else(|| vm.type_error("not a module"))?;
    let key = vm.heap.intern(name);
    vm.dict_set_item(dict, key, v)
}

/// Modules CPython 3.8 implements in C: importing one that tachyon lacks
/// says so instead of a bare "No module named".
pub fn is_known_c_module(name: &str) -> bool {
    const C_MODULES: &[&str] = &[
        "_abc",
        "_ast",
        "_bisect",
        "_blake2",
        "_codecs",
        "_collections",
        "_contextvars",
        "_csv",
        "_datetime",
        "_decimal",
        "_functools",
        "_heapq",
        "_io",
        "_json",
        "_locale",
        "_md5",
        "_operator",
        "_pickle",
        "_posixsubprocess",
        "_random",
        "_sha1",
        "_sha256",
        "_sha3",
        "_sha512",
        "_signal",
        "_socket",
        "_sre",
        "_stat",
        "_string",
        "_struct",
        "_thread",
        "_tracemalloc",
        "_warnings",
        "_weakref",
        "array",
        "atexit",
        "binascii",
        "cmath",
        "errno",
        "fcntl",
        "gc",
        "grp",
        "itertools",
        "marshal",
        "math",
        "mmap",
        "posix",
        "pwd",
        "pyexpat",
        "select",
        "time",
        "unicodedata",
        "zlib",
        "_struct",
        "_opcode",
        "_lsprof",
    ];
    C_MODULES.contains(&name)
}
