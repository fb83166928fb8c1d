//! The virtual machine: frames on one value stack, the interpreter loop,
//! calls, and the protocols the bytecode relies on.
//!
//! Every Python frame is a window of [`Vm::stack`]; a call moves the window
//! up. Values in the stack are GC roots, so native code that needs a value
//! to survive a call back into Python keeps it there (see
//! [`Vm::push_temp`]) or in a `RootScope`.
//!
//! | module | owns |
//! |---|---|
//! | [`eval`] | the interpreter loop and the handler search |
//! | [`frame`] | frame records and the VM's GC roots |
//! | [`code`] | code objects: constants as values, inline caches |
//! | [`function`] | functions, cells, methods, native functions, modules, property |
//! | [`args`] | binding call arguments to parameters, with CPython's messages |
//! | [`call`] | calling any callable; making functions |
//! | [`attr`] | attribute lookup, descriptors, `LoadMethod` |
//! | [`ops`] | operators: arithmetic, comparison, truth |
//! | [`inplace`] | in-place operators of list, bytearray and set: the operand changed |
//! | [`hash`] | `hash()` and key equality for dicts and sets |
//! | [`dict`] | dict and set operations that may run Python code |
//! | [`subscr`] | indexing and slicing |
//! | [`slots`] | `__slots__`: the attribute names instances may hold |
//! | [`member`] | `member_descriptor`: a slot's descriptor in its class |
//! | [`special`] | attributes of built-in objects outside any dict (`__name__`, `args`, ...) |
//! | [`containers`] | dict views, set operators, range membership, standard output |
//! | [`iter`] | iteration and unpacking |
//! | [`length_hint`] | `PyObject_LengthHint`'s errors before a list or tuple is collected |
//! | [`mapping_proxy`] | `mappingproxy`, the read-only view of `C.__dict__` |
//! | [`range_big`] | ranges beyond `i64`: indexing, slicing, membership, reversal |
//! | [`names`] | global, builtin and namespace name lookup |
//! | [`class`] | `__build_class__` and class creation |
//! | [`exceptions`] | raising, chaining, matching, tracebacks, `with` |
//! | [`format`] | `repr`, `str`, f-string formatting |
//! | [`percent`] | printf-style `%` formatting of strs |
//! | [`generator`] | generators and coroutines: heap frames, send/throw/close, `yield from` |
//! | [`async_generator`] | async generators: `asend`/`athrow`/`aclose` awaitables, asyncgen hooks |
//! | [`generator_methods`] | the Python-visible methods of generators, coroutines, async iteration |
//! | [`import`] | the import system |
//! | [`recursion`] | the recursion limit's margin for handling a `RecursionError` |
//! | [`signals`] | OS signals: recorded by a C handler, Python handlers run at safe points |
//! | [`run`] | running `__main__`, uncaught exceptions, exit statuses |
//! | [`frames`] | introspection of the calling frame: `locals()`, zero-argument `super()` |
//! | [`weak_callbacks`] | running weakref callbacks after a collection, outside the collector |

pub mod args;
pub mod async_generator;
pub mod attr;
pub mod call;
mod call_bind;
pub mod class;
pub mod class_mro;
pub mod code;
pub mod containers;
pub mod coro_wrapper;
pub mod dict;
pub mod eval;
pub mod exception_fields;
pub mod exception_members;
pub mod exceptions;
pub mod format;
pub mod frame;
pub mod frames;
pub mod function;
pub mod generator;
pub mod generator_methods;
pub mod hash;
pub mod import;
pub mod inplace;
pub mod iter;
pub mod length_hint;
pub mod mapping_proxy;
pub mod member;
pub mod names;
pub mod ops;
pub mod percent;
pub mod range_big;
pub mod recursion;
pub mod run;
pub mod signals;
pub mod slots;
pub mod special;
pub mod subscr;
pub mod weak_callbacks;

use crate::object::{Heap, PyErr, Value};
use frame::Frame;

pub type PyResult<T = Value> = Result<T, PyErr>;

/// Interned names the VM looks up often.
pub struct Names {
    pub dunder_init: Value,
    pub dunder_new: Value,
    pub dunder_call: Value,
    pub dunder_name: Value,
    pub dunder_module: Value,
    pub dunder_qualname: Value,
    pub dunder_doc: Value,
    pub dunder_dict: Value,
    pub dunder_slots: Value,
    pub dunder_class: Value,
    pub dunder_builtins: Value,
    pub dunder_annotations: Value,
    pub dunder_classcell: Value,
    pub dunder_getattr: Value,
    pub dunder_getattribute: Value,
    pub dunder_setattr: Value,
    pub dunder_delattr: Value,
    pub dunder_enter: Value,
    pub dunder_exit: Value,
    pub dunder_iter: Value,
    pub dunder_next: Value,
    pub dunder_repr: Value,
    pub dunder_str: Value,
    pub dunder_hash: Value,
    pub dunder_eq: Value,
    pub dunder_ne: Value,
    pub dunder_lt: Value,
    pub dunder_le: Value,
    pub dunder_gt: Value,
    pub dunder_ge: Value,
    pub dunder_bool: Value,
    pub dunder_len: Value,
    pub dunder_get: Value,
    pub dunder_set: Value,
    pub dunder_delete: Value,
    pub dunder_getitem: Value,
    pub dunder_setitem: Value,
    pub dunder_delitem: Value,
    pub dunder_contains: Value,
    pub dunder_format: Value,
    pub dunder_index: Value,
    pub dunder_set_name: Value,
    pub dunder_init_subclass: Value,
    pub dunder_prepare: Value,
    pub dunder_mro_entries: Value,
    pub dunder_file: Value,
    pub dunder_package: Value,
    pub dunder_spec: Value,
    pub dunder_loader: Value,
    pub dunder_path: Value,
    pub dunder_all: Value,
    pub dunder_main: Value,
    pub value: Value,
    pub args: Value,
    /// `__op__`, `__rop__` and `__iop__` of each binary operator, at
    /// `op as usize`: operators on user objects look them up every time.
    pub binop_dunders: [[Value; 3]; 13],
}

impl Names {
    fn new(heap: &Heap) -> Names {
        let i = |s: &str| heap.intern(s);
        Names {
            dunder_init: i("__init__"),
            dunder_new: i("__new__"),
            dunder_call: i("__call__"),
            dunder_name: i("__name__"),
            dunder_module: i("__module__"),
            dunder_qualname: i("__qualname__"),
            dunder_doc: i("__doc__"),
            dunder_dict: i("__dict__"),
            dunder_slots: i("__slots__"),
            dunder_class: i("__class__"),
            dunder_builtins: i("__builtins__"),
            dunder_annotations: i("__annotations__"),
            dunder_classcell: i("__classcell__"),
            dunder_getattr: i("__getattr__"),
            dunder_getattribute: i("__getattribute__"),
            dunder_setattr: i("__setattr__"),
            dunder_delattr: i("__delattr__"),
            dunder_enter: i("__enter__"),
            dunder_exit: i("__exit__"),
            dunder_iter: i("__iter__"),
            dunder_next: i("__next__"),
            dunder_repr: i("__repr__"),
            dunder_str: i("__str__"),
            dunder_hash: i("__hash__"),
            dunder_eq: i("__eq__"),
            dunder_ne: i("__ne__"),
            dunder_lt: i("__lt__"),
            dunder_le: i("__le__"),
            dunder_gt: i("__gt__"),
            dunder_ge: i("__ge__"),
            dunder_bool: i("__bool__"),
            dunder_len: i("__len__"),
            dunder_get: i("__get__"),
            dunder_set: i("__set__"),
            dunder_delete: i("__delete__"),
            dunder_getitem: i("__getitem__"),
            dunder_setitem: i("__setitem__"),
            dunder_delitem: i("__delitem__"),
            dunder_contains: i("__contains__"),
            dunder_format: i("__format__"),
            dunder_index: i("__index__"),
            dunder_set_name: i("__set_name__"),
            dunder_init_subclass: i("__init_subclass__"),
            dunder_prepare: i("__prepare__"),
            dunder_mro_entries: i("__mro_entries__"),
            dunder_file: i("__file__"),
            dunder_package: i("__package__"),
            dunder_spec: i("__spec__"),
            dunder_loader: i("__loader__"),
            dunder_path: i("__path__"),
            dunder_all: i("__all__"),
            dunder_main: i("__main__"),
            value: i("value"),
            args: i("args"),
            binop_dunders: crate::bytecode::instr::BinOp::ALL.map(|op| {
                let (name, rname, iname) = ops::dunders(op);
                [i(name), i(rname), i(iname)]
            }),
        }
    }
}

pub struct Vm {
    pub heap: Heap,
    /// The slots of every active frame, and temporaries native code roots.
    pub(crate) stack: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    /// The `builtins` module's dict.
    pub builtins: Value,
    /// `sys.modules`.
    pub modules: Value,
    /// Native module name -> the contents it was first made with
    /// ([`crate::modules::create`]).
    pub(crate) native_module_contents: Value,
    /// The exception the running frame is handling, or None: a generator
    /// keeps its own, apart from its caller's (CPython's `exc_state`).
    pub(crate) handled: Value,
    /// The `handled` of each caller a running generator was resumed from,
    /// innermost last: `sys.exc_info()` looks there when the generator
    /// handles nothing ([`Vm::current_handled`]).
    pub(crate) outer_handled: Vec<Value>,
    /// The exception that last left a frame with no handler for it, until
    /// a handler catches one: passing on through its callers is no new
    /// raise, so it is not chained again (CPython chains once, where raised).
    pub(crate) propagating: Value,
    pub recursion_limit: usize,
    pub(crate) depth: usize,
    /// A `RecursionError` was raised and the depth has not yet fallen back
    /// below the low-water mark (see [`recursion`]).
    pub(crate) overflowed: bool,
    pub names: Names,
    /// `sys.path` as a list value.
    pub sys_path: Value,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Where CPython's pure-Python standard library lives, if found.
    pub stdlib: Option<std::path::PathBuf>,
    /// The `builtins` module object.
    pub builtins_module: Value,
    /// The `__build_class__` builtin.
    pub build_class: Value,
    /// Objects whose repr is being computed (cycle detection).
    pub(crate) repr_stack: Vec<Value>,
    pub(crate) stdout: std::io::BufWriter<std::io::Stdout>,
    /// `-u`: flush standard output after every write.
    pub unbuffered: bool,
    /// The `sys` module.
    pub sys_module: Value,
    /// The stream objects `sys.stdout`/`sys.stderr` start as.
    pub original_stdout: Value,
    pub original_stderr: Value,
    /// The tracing JIT: options, the recording under way, compiled traces.
    pub jit: crate::jit::JitState,
    /// `sys.set_asyncgen_hooks`' `[firstiter, finalizer]`, a permanently
    /// rooted list (`async_generator`).
    pub(crate) asyncgen_hooks: Value,
    /// The Python-level signal handlers by signal number (`signals`).
    pub(crate) signal_handlers: Value,
    /// `sys.set_coroutine_origin_tracking_depth`: how many calling frames
    /// a new coroutine records as its `cr_origin` (0: none).
    pub(crate) coroutine_origin_depth: usize,
}

impl Vm {
    pub fn new() -> Vm {
        let heap = Heap::new();
        // Interned strings are the heap's own roots.
        let names = Names::new(&heap);
        let builtins = heap.new_dict();
        let modules = heap.new_dict();
        let sys_path = heap.new_list(&[]);
        let native_module_contents = heap.new_dict();
        for v in [builtins, modules, sys_path, native_module_contents] {
            heap.add_permanent_root(v);
        }
        let mut vm = Vm {
            heap,
            stack: Vec::with_capacity(1 << 16),
            frames: Vec::new(),
            builtins,
            modules,
            native_module_contents,
            handled: Value::NONE,
            outer_handled: Vec::new(),
            propagating: Value::NONE,
            recursion_limit: 1000,
            depth: 0,
            overflowed: false,
            names,
            sys_path,
            argv: Vec::new(),
            stdlib: crate::pythonpath::find_stdlib(),
            builtins_module: Value::NONE,
            build_class: Value::NONE,
            repr_stack: Vec::new(),
            stdout: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            unbuffered: false,
            sys_module: Value::NONE,
            original_stdout: Value::NONE,
            original_stderr: Value::NONE,
            jit: crate::jit::JitState::new(crate::jit::JitOptions::default()),
            asyncgen_hooks: Value::NONE,
            signal_handlers: Value::NONE,
            coroutine_origin_depth: 0,
        };
        vm.signal_handlers = vm.new_signal_table();
        crate::builtins::install(&mut vm);
        crate::modules::sys::install(&mut vm).expect("sys installs on a fresh heap");
        generator_methods::install(&mut vm);
        async_generator::install(&mut vm);
        coro_wrapper::install(&mut vm);
        exception_fields::install(&mut vm);
        vm
    }

    /// Collects garbage if the heap asks for it (or always, under stress).
    pub fn safepoint(&mut self) {
        // While a trace runs, it holds values in registers: collection
        // waits unless every running trace published them, being inside a
        // helper call that may collect (see `JitState::collection_safe`).
        if self.heap.collection_wanted() && (self.jit.running == 0 || self.jit.collection_safe()) {
            let roots = frame::VmRoots { vm: self };
            if self.heap.safepoint(&roots).is_some() {
                // Outside the collector now: the callbacks of weakrefs
                // whose targets died may run Python code.
                self.run_weakref_callbacks();
            }
        }
    }

    /// A full collection now (`gc.collect()`), unless a running trace holds
    /// values no root shows: never so inside a helper that may collect,
    /// which is how traces call native functions and Python code.
    pub fn collect_now(&mut self) -> Option<crate::object::gc::CollectStats> {
        if self.jit.running > 0 && !self.jit.collection_safe() {
            return None;
        }
        let roots = frame::VmRoots { vm: self };
        Some(self.heap.collect(&roots))
    }

    /// [`Vm::collect_now`] that also counts the garbage CPython's cycle
    /// collector would have found (`gc.collect()`'s result).
    pub fn collect_counting_cycles_now(&mut self) -> Option<crate::object::gc::CollectStats> {
        if self.jit.running > 0 && !self.jit.collection_safe() {
            return None;
        }
        let roots = frame::VmRoots { vm: self };
        Some(self.heap.collect_counting_cycles(&roots))
    }

    /// Pushes `v` on the value stack, where the collector sees it, and
    /// returns its index; [`Vm::truncate_temps`] drops it again.
    pub fn push_temp(&mut self, v: Value) -> usize {
        self.stack.push(v);
        self.stack.len() - 1
    }

    pub fn truncate_temps(&mut self, len: usize) {
        self.stack.truncate(len);
    }

    /// Runs `f` with `v` kept alive as a temporary.
    pub fn with_temp<T>(&mut self, v: Value, f: impl FnOnce(&mut Vm) -> T) -> T {
        let mark = self.push_temp(v);
        let r = f(self);
        self.truncate_temps(mark);
        r
    }

    pub fn type_error(&self, msg: &str) -> PyErr {
        PyErr::type_error(&self.heap, msg)
    }

    pub fn value_error(&self, msg: &str) -> PyErr {
        PyErr::value_error(&self.heap, msg)
    }

    /// The name of `v`'s type, as messages show it: CPython's `tp_name`. A
    /// Python class that stands in for a C type gives it as
    /// `__tachyon_tp_name__` in its own dict (`datetime.date`, where
    /// `__name__` is `date`); subclasses show their own name.
    pub fn type_name(&self, v: Value) -> String {
        self.tp_name_of(self.heap.type_obj(v))
    }

    /// The `tp_name` of class `t` (see [`Vm::type_name`]), `?` for a value
    /// that is no class.
    pub fn class_tp_name(&self, t: Value) -> String {
        crate::object::Gc::<crate::object::types::TypeObj>::from_value(t)
            .map_or_else(|| "?".to_string(), |t| self.tp_name_of(t))
    }

    fn tp_name_of(&self, ty: crate::object::Gc<crate::object::types::TypeObj>) -> String {
        if ty.is_heap_type() {
            let key = self.heap.intern("__tachyon_tp_name__");
            if let Some(name) = ty.own_attr(key).and_then(crate::object::str::str_of) {
                return name.to_string_lossy().into_owned();
            }
        }
        ty.name()
    }
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}
