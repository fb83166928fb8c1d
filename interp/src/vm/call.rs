//! Calling: Python functions (frames on the value stack, argument
//! binding), functions written in Rust, bound methods, classes
//! (`__new__` then `__init__`), and anything with `__call__`.
//!
//! Arguments always sit in the value stack while a call runs, so they are
//! GC roots: calls from bytecode pass their slots in place, calls from
//! native code copy callee and arguments to the top of the stack first.

use super::args::{self, KeywordName, Signature};
use super::code::{code_of, CodeObj};
use super::eval::frame_for;
use super::function::{
    function_of, method_descriptor_of, method_of, native_function_of, FunctionObj,
};
use super::{PyResult, Vm};
use crate::bytecode::instr::FunctionParts;
use crate::bytecode::CodeFlags;
use crate::object::dict::dict_of;
use crate::object::instance::Attrs;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::Gc;
use crate::object::{PyErr, Value};
use std::cell::Cell;

/// A keyword name in a call: an (interned) str value.
struct KwName(Value);

impl KeywordName for KwName {
    fn is(&self, param: &str) -> bool {
        str_of(self.0).is_some_and(|s| s.as_wtf8() == param.as_bytes())
    }
    fn text(&self) -> String {
        str_of(self.0).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

impl Vm {
    /// `f(*args)` from native code.
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult {
        self.call_kw(f, args, &[])
    }

    /// `f(*args)` where the last `kwnames.len()` args are keyword arguments.
    pub fn call_kw(&mut self, f: Value, args: &[Value], kwnames: &[Value]) -> PyResult {
        let at = self.stack.len();
        self.stack.push(f);
        self.stack.extend_from_slice(args);
        let r = self.call_at(at, args.len(), kwnames);
        self.stack.truncate(at);
        r
    }

    /// Calls a method found on a type with `receiver` as `self`.
    pub fn call_method_value(&mut self, m: Value, receiver: Value, args: &[Value]) -> PyResult {
        if function_of(m).is_some() || method_descriptor_of(m).is_some() {
            let at = self.stack.len();
            self.stack.push(m);
            self.stack.push(receiver);
            self.stack.extend_from_slice(args);
            let r = self.call_at(at, args.len() + 1, &[]);
            self.stack.truncate(at);
            return r;
        }
        let owner = self.heap.type_of(receiver);
        let bound = self.descr_get(m, receiver, owner)?;
        self.call(bound, args)
    }

    /// The keyword names of a `CallKw` (a tuple constant).
    pub fn kwnames(&self, names: Value) -> Vec<Value> {
        tuple_of(names).map(|t| t.items().to_vec()).unwrap_or_default()
    }

    /// Calls the callee at `stack[at]` with the `argc` values after it.
    pub fn call_at(&mut self, at: usize, argc: usize, kwnames: &[Value]) -> PyResult {
        let f = self.stack[at];
        if let Some(func) = function_of(f) {
            return self.call_python(func, at + 1, argc, kwnames);
        }
        if let Some(nf) = native_function_of(f) {
            self.check_wrapper_kwargs(f, nf.name, kwnames)?;
            if nf.receiver.is_empty() {
                return self.call_native(nf.func, None, at + 1, argc, kwnames);
            }
            return self.call_native(nf.func, Some(nf.receiver), at + 1, argc, kwnames);
        }
        if let Some(m) = method_of(f) {
            let top = self.stack.len();
            self.stack.push(m.function);
            self.stack.push(m.receiver);
            self.stack.extend_from_within(at + 1..at + 1 + argc);
            let r = self.call_at(top, argc + 1, kwnames);
            self.stack.truncate(top);
            return r;
        }
        if let Some(md) = method_descriptor_of(f) {
            if argc == 0 {
                return Err(self.type_error(&format!(
                    "descriptor '{}' of '{}' object needs an argument",
                    md.name,
                    self.class_tp_name(md.owner)
                )));
            }
            self.check_wrapper_kwargs(f, md.name, kwnames)?;
            let receiver = self.stack[at + 1];
            let owner = md.owner;
            if !self.heap.is_instance(receiver, owner) {
                let msg = if self.heap.type_of(f) == self.heap.types().wrapper_descriptor {
                    format!(
                        "descriptor '{}' requires a '{}' object but received a '{}'",
                        md.name,
                        self.class_tp_name(owner),
                        self.type_name(receiver)
                    )
                } else {
                    format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        md.name,
                        self.class_tp_name(owner),
                        self.type_name(receiver)
                    )
                };
                return Err(self.type_error(&msg));
            }
            return self.call_native(md.func, None, at + 1, argc, kwnames);
        }
        if let Some(t) = Gc::<TypeObj>::from_value(f) {
            return self
                .with_stack_args(None, at + 1, argc, |vm, args| vm.call_type(t, args, kwnames));
        }
        let call = self.names.dunder_call;
        match self.heap.lookup_in_type_of(f, call) {
            Some(m) => {
                let top = self.stack.len();
                self.stack.push(m);
                self.stack.push(f);
                self.stack.extend_from_within(at + 1..at + 1 + argc);
                let r = if function_of(m).is_some() || method_descriptor_of(m).is_some() {
                    self.call_at(top, argc + 1, kwnames)
                } else if self.depth >= self.recursion_limit {
                    // `A.__call__ = A()`: each call is a call of another
                    // instance, with no Python frame to count it.
                    Err(PyErr::recursion_error(
                        &self.heap,
                        "maximum recursion depth exceeded while calling a Python object",
                    ))
                } else {
                    self.depth += 1;
                    let owner = self.heap.type_of(f);
                    let r = self.descr_get(m, f, owner).and_then(|bound| {
                        self.stack[top + 1] = bound;
                        self.call_at(top + 1, argc, kwnames)
                    });
                    self.depth -= 1;
                    r
                };
                self.stack.truncate(top);
                r
            }
            None => {
                Err(self.type_error(&format!("'{}' object is not callable", self.type_name(f))))
            }
        }
    }

    /// `f(*args)` of a native callee or a type, without keyword arguments:
    /// what [`Vm::call_at`] does, for callers (compiled traces) that know
    /// `f` is a `builtin_function_or_method`, a type, or a method
    /// descriptor whose receiver, `args[0]`, they checked is an instance
    /// of its owner. The arguments are rooted on the value stack while it
    /// runs.
    pub fn call_native_value(&mut self, f: Value, args: &[Value]) -> PyResult {
        let (func, receiver) = if let Some(nf) = native_function_of(f) {
            (nf.func, (!nf.receiver.is_empty()).then_some(nf.receiver))
        } else if let Some(md) = method_descriptor_of(f).filter(|_| !args.is_empty()) {
            (md.func, None)
        } else if let Some(t) = Gc::<TypeObj>::from_value(f) {
            return self.with_rooted(args, |vm| vm.call_type(t, args, &[]));
        } else {
            return self.call(f, args);
        };
        const INLINE: usize = 4;
        let result = self.with_rooted(args, |vm| match receiver {
            None => func(vm, args, &[]),
            Some(r) if args.len() < INLINE => {
                let mut buf = [r; INLINE];
                buf[1..=args.len()].copy_from_slice(args);
                func(vm, &buf[..=args.len()], &[])
            }
            Some(r) => func(vm, &[&[r], args].concat(), &[]),
        });
        if result.is_ok() {
            self.check_signals()?;
        }
        result
    }

    /// Runs `f` with `values` pushed on the value stack, where they are
    /// roots (for values held elsewhere, as in a trace's registers).
    fn with_rooted<R>(&mut self, values: &[Value], f: impl FnOnce(&mut Vm) -> R) -> R {
        let at = self.stack.len();
        self.stack.extend_from_slice(values);
        let r = f(self);
        self.stack.truncate(at);
        r
    }

    /// Calls a function written in Rust with `receiver` (if bound) and the
    /// `argc` stack values from `args_at`. The arguments stay on the stack
    /// (rooted) while it runs; the copy it reads is on the Rust stack for
    /// short argument lists, so most native calls allocate nothing.
    fn call_native(
        &mut self,
        func: super::function::NativeFn,
        receiver: Option<Value>,
        args_at: usize,
        argc: usize,
        kwnames: &[Value],
    ) -> PyResult {
        let result =
            self.with_stack_args(receiver, args_at, argc, |vm, args| func(vm, args, kwnames));
        // A signal that arrived during the call (`os.kill(os.getpid(), ..)`)
        // is handled before its result is used, as CPython does.
        if result.is_ok() {
            self.check_signals()?;
        }
        result
    }

    /// Runs `f` on `first` (if any) and the `argc` stack values from
    /// `args_at`, copied out so that `f` may push and pop; the copy lives on
    /// the Rust stack for short argument lists, so most calls allocate
    /// nothing. The values stay rooted where they are on the value stack.
    fn with_stack_args<R>(
        &mut self,
        first: Option<Value>,
        args_at: usize,
        argc: usize,
        f: impl FnOnce(&mut Vm, &[Value]) -> R,
    ) -> R {
        const INLINE: usize = 8;
        let total = argc + first.is_some() as usize;
        if total <= INLINE {
            let mut buf = [Value::NONE; INLINE];
            let rest = match first {
                Some(r) => {
                    buf[0] = r;
                    &mut buf[1..total]
                }
                None => &mut buf[..total],
            };
            rest.copy_from_slice(&self.stack[args_at..args_at + argc]);
            return f(self, &buf[..total]);
        }
        let mut args = Vec::with_capacity(total);
        args.extend(first);
        args.extend_from_slice(&self.stack[args_at..args_at + argc]);
        f(self, &args)
    }

    /// `f(first, *args)` with the arguments laid on the value stack.
    fn call_with_first(
        &mut self,
        f: Value,
        first: Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult {
        let at = self.stack.len();
        self.stack.push(f);
        self.stack.push(first);
        self.stack.extend_from_slice(args);
        let r = self.call_at(at, args.len() + 1, kwnames);
        self.stack.truncate(at);
        r
    }

    /// A slot wrapper (`int.__add__`, `(1).__add__`) takes no keyword
    /// arguments, but for `__init__` and `__call__`, which pass them on.
    fn check_wrapper_kwargs(&self, f: Value, name: &str, kwnames: &[Value]) -> PyResult<()> {
        if kwnames.is_empty() || matches!(name, "__init__" | "__call__") {
            return Ok(());
        }
        let t = self.heap.types();
        let ty = self.heap.type_of(f);
        if ty == t.wrapper_descriptor || ty == t.method_wrapper {
            return Err(self.type_error(&format!("wrapper {name}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// `CallMethod`: callee at `at`, receiver (or EMPTY) at `at + 1`.
    pub fn call_method_at(&mut self, at: usize, argc: usize, kwnames: &[Value]) -> PyResult {
        if self.stack[at + 1].is_empty() {
            // Not a plain method: the callee is the attribute itself.
            let top = self.stack.len();
            self.stack.push(self.stack[at]);
            self.stack.extend_from_within(at + 2..at + 2 + argc);
            let r = self.call_at(top, argc, kwnames);
            self.stack.truncate(top);
            return r;
        }
        self.call_at(at, argc + 1, kwnames)
    }

    /// `f(*args, **kwargs)` with `args` a tuple and `kwargs` a dict. The
    /// arguments are laid on the value stack, as for a plain call.
    pub fn call_ex(&mut self, f: Value, args: Value, kwargs: Option<Value>) -> PyResult {
        let at = self.push_temp(f);
        match tuple_of(args) {
            Some(t) => self.stack.extend_from_slice(t.items()),
            None => {
                if let Err(e) =
                    self.check_length_hint(args).and_then(|()| self.push_iterable_items(args))
                {
                    self.truncate_temps(at);
                    return Err(e);
                }
            }
        }
        let mut names = Vec::new();
        if let Some(kw) = kwargs {
            for (k, v) in self.dict_items(kw) {
                names.push(k);
                self.stack.push(v);
            }
        }
        let argc = self.stack.len() - at - 1;
        let r = self.call_at(at, argc, &names);
        self.truncate_temps(at);
        r
    }

    /// Calls a Python function: binds the arguments into a new frame at the
    /// top of the value stack and runs it.
    fn call_python(
        &mut self,
        func: Gc<FunctionObj>,
        args_at: usize,
        argc: usize,
        kwnames: &[Value],
    ) -> PyResult {
        if self.depth >= self.recursion_limit {
            if let Some(e) = self.recursion_overflow() {
                return Err(e);
            }
        }
        let code = func.code();
        // Borrowed from the code object (alive: the callee is on the stack)
        // rather than cloned: an `Rc` count change per call is measurable.
        let unit = &*code.unit;
        let base = self.stack.len();
        let simple = kwnames.is_empty()
            && argc == unit.arg_count as usize
            && unit.kwonly_count == 0
            && !unit.flags.intersects(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS);
        if simple {
            self.stack.extend_from_within(args_at..args_at + argc);
        } else if !self.bind_in_place(func, code, args_at, argc, kwnames)? {
            self.bind_arguments(func, args_at, argc, kwnames)?;
        }
        self.stack.resize(base + unit.slot_count as usize, Value::EMPTY);
        if let Some(closure) = tuple_of(func.closure) {
            for ((_, slot), cell) in unit.frees.iter().zip(closure.items()) {
                self.stack[base + *slot as usize] = *cell;
            }
        }
        if unit.is_generator_like() {
            let g = self.new_generator(func, base);
            self.stack.truncate(base);
            return Ok(g);
        }
        self.frames.push(frame_for(code, base, func.globals, Value::NONE, func.value()));
        self.depth += 1;
        let r = self.eval_frame();
        self.depth -= 1;
        self.leave_recursive_call();
        self.pop_frame();
        self.stack.truncate(base);
        r
    }

    /// The general case of argument binding: defaults, keywords, `*args`
    /// and `**kwargs`, with CPython's messages for what does not bind.
    /// Pushes the parameter values at the top of the stack.
    fn bind_arguments(
        &mut self,
        func: Gc<FunctionObj>,
        args_at: usize,
        argc: usize,
        kwnames: &[Value],
    ) -> PyResult<()> {
        let unit = func.code().unit.clone();
        let npos = argc - kwnames.len();
        let positional = self.stack[args_at..args_at + npos].to_vec();
        let keywords: Vec<(KwName, Value)> = kwnames
            .iter()
            .zip(&self.stack[args_at + npos..args_at + argc])
            .map(|(k, v)| (KwName(*k), *v))
            .collect();
        let defaults =
            tuple_of(func.defaults.get()).map(|t| t.items().to_vec()).unwrap_or_default();
        let kwdefaults = func.kwdefaults.get();
        let kwdefault_items = self.dict_items_if_dict(kwdefaults);
        let has_varargs = unit.flags.contains(CodeFlags::VARARGS);
        let has_varkw = unit.flags.contains(CodeFlags::VARKEYWORDS);
        let sig = Signature {
            name: &unit.name,
            params: &unit.local_names,
            arg_count: unit.arg_count as usize,
            posonly_count: unit.posonly_count as usize,
            kwonly_count: unit.kwonly_count as usize,
            has_varargs,
            has_varkw,
        };
        let bound = args::bind(&sig, &positional, keywords, &defaults, |name| {
            kwdefault_items
                .iter()
                .find(|(k, _)| str_of(*k).is_some_and(|s| s.as_wtf8() == name.as_bytes()))
                .map(|(_, v)| *v)
        })
        .map_err(|msg| self.type_error(&msg))?;
        self.stack.extend_from_slice(&bound.slots);
        if has_varargs {
            let t = self.heap.new_tuple(&bound.extra_positional);
            self.stack.push(t);
        }
        if has_varkw {
            let d = self.heap.new_dict();
            self.stack.push(d);
            for (k, v) in bound.extra_keywords {
                self.dict_set_item(d, k.0, v)?;
            }
        }
        Ok(())
    }

    fn dict_items_if_dict(&self, d: Value) -> Vec<(Value, Value)> {
        if dict_of(d).is_some() {
            self.dict_items(d)
        } else {
            Vec::new()
        }
    }

    /// Calling a class: `type(x)`, a metaclass `__call__`, or `__new__`
    /// then `__init__`.
    pub fn call_type(&mut self, t: Gc<TypeObj>, args: &[Value], kwnames: &[Value]) -> PyResult {
        let type_type = self.heap.types().type_;
        if args.len() == 1 && kwnames.is_empty() {
            if t.value() == type_type {
                return Ok(self.heap.type_of(args[0]));
            }
            if let Some(r) = self.collect_into_builtin(t.value(), args[0]) {
                return r;
            }
        }
        if let Some(new) = self.builtin_constructor(t.value()).filter(|_| kwnames.is_empty()) {
            let mut all = [Value::NONE; 4];
            if let Some(with_type) = all.get_mut(..=args.len()) {
                with_type[0] = t.value();
                with_type[1..].copy_from_slice(args);
                return new(self, with_type, kwnames);
            }
        }
        let meta = self.heap.type_obj(t.value());
        if meta.value() != type_type {
            let call = self.names.dunder_call;
            if let Some(m) = self.heap.lookup(meta, call) {
                if function_of(m).is_some() {
                    let mut all = vec![t.value()];
                    all.extend_from_slice(args);
                    let at = self.stack.len();
                    self.stack.push(m);
                    self.stack.extend_from_slice(&all);
                    let r = self.call_at(at, all.len(), kwnames);
                    self.stack.truncate(at);
                    return r;
                }
            }
        }
        self.type_call_default(t, args, kwnames)
    }

    /// The `__new__` of a built-in type that `type.__call__` needs to call
    /// and nothing else (its `__init__` is `object.__init__`), for the
    /// types loops construct (`range(n)`, `reversed(seq)`, `str(x)`,
    /// `int(s)`, `float(s)`, `bool(x)`): what
    /// [`Vm::type_call_default`] would find after six lookups. Built-in
    /// types cannot be patched, so this holds for good.
    fn builtin_constructor(&self, t: Value) -> Option<super::function::NativeFn> {
        use crate::builtins::constructors as new;
        let types = self.heap.types();
        Some(match t {
            _ if t == types.str => new::str_new,
            _ if t == types.int => new::int_new,
            _ if t == types.float => new::float_new,
            _ if t == types.range => new::range_new,
            _ if t == types.bool => new::bool_new,
            _ if t == types.reversed => crate::builtins::iterators::reversed_new,
            _ => return None,
        })
    }

    /// `list(it)`, `tuple(it)` and `set(it)` for exactly those built-in
    /// types: what `type.__call__` ends up doing (their `__new__` collects
    /// the items, `object.__init__` accepts the argument), without looking
    /// both up and calling them. Built-in types cannot be patched, so this
    /// is always what they do. `None` for any other type.
    fn collect_into_builtin(&mut self, t: Value, iterable: Value) -> Option<PyResult> {
        let types = self.heap.types();
        let (list_t, tuple_t, set_t) = (types.list, types.tuple, types.set);
        if t != list_t && t != tuple_t && t != set_t {
            return None;
        }
        if t == tuple_t && tuple_of(iterable).is_some() && self.heap.type_of(iterable) == tuple_t {
            return Some(Ok(iterable));
        }
        if t == set_t {
            if let Some(set) = self.new_set_laid_out_from(iterable) {
                return Some(set);
            }
        }
        let hint = match t {
            _ if t == list_t => self.check_list_init_hint(iterable),
            _ if t == tuple_t => self.check_length_hint(iterable),
            _ => Ok(()),
        };
        if let Err(e) = hint {
            return Some(Err(e));
        }
        let start = match self.push_iterable_items(iterable) {
            Ok(start) => start,
            Err(e) => return Some(Err(e)),
        };
        if t == set_t {
            return Some(self.new_set_from_stack(start));
        }
        let items = &self.stack[start..];
        let v = if t == list_t { self.heap.new_list(items) } else { self.heap.new_tuple(items) };
        self.truncate_temps(start);
        Some(Ok(v))
    }

    /// `type.__call__(cls, *args, **kwargs)`.
    pub fn type_call_default(
        &mut self,
        t: Gc<TypeObj>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult {
        let new_name = self.names.dunder_new;
        let Some(new) = self.heap.lookup(t, new_name) else {
            return Err(self.type_error(&format!("cannot create '{}' instances", t.name())));
        };
        // CPython looks `__new__` up on the class (`slot_tp_new`): a
        // classmethod binds the class, which then comes twice.
        let obj = if let Some(cm) = Gc::<super::function::ClassMethodObj>::from_value(new) {
            let with_class: Vec<Value> =
                std::iter::once(t.value()).chain(args.iter().copied()).collect();
            self.call_with_first(cm.callable.get(), t.value(), &with_class, kwnames)?
        } else {
            let new_callable = match Gc::<super::function::StaticMethodObj>::from_value(new) {
                Some(sm) => sm.callable.get(),
                None => new,
            };
            self.call_with_first(new_callable, t.value(), args, kwnames)?
        };
        if !self.heap.is_instance(obj, t.value()) {
            return Ok(obj);
        }
        // The `__init__` of the object's own type, which may be a subclass
        // of `t` that `__new__` chose (CPython's `type_call`).
        let obj_t = self.heap.type_obj(obj);
        let obj_new = if obj_t == t { Some(new) } else { self.heap.lookup(obj_t, new_name) };
        let init_name = self.names.dunder_init;
        if let Some(init) = self.heap.lookup(obj_t, init_name) {
            if obj_new.is_some_and(|new| self.object_init_accepts(new, init)) {
                return Ok(obj);
            }
            if !self.is_native_slot_method(init) {
                let r = if function_of(init).is_some() {
                    self.call_with_first(init, obj, args, kwnames)?
                } else {
                    // Any other object there is bound through its `__get__`
                    // first (CPython's `lookup_method`): a property's getter
                    // runs, a staticmethod gets no instance.
                    let bound = self.descr_get(init, obj, obj_t.value())?;
                    let at = self.stack.len();
                    self.stack.push(bound);
                    self.stack.extend_from_slice(args);
                    let r = self.call_at(at, args.len(), kwnames);
                    self.stack.truncate(at);
                    r?
                };
                if !r.is_none() {
                    return Err(self.type_error(&format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(r)
                    )));
                }
            } else if let Some(nf) = native_function_of(init)
                .map(|n| n.func)
                .or_else(|| method_descriptor_of(init).map(|m| m.func))
            {
                let mark = self.push_temp(obj);
                self.stack.extend_from_slice(args);
                let argc = args.len();
                let r = self.with_stack_args(Some(obj), mark + 1, argc, |vm, a| nf(vm, a, kwnames));
                self.truncate_temps(mark);
                r?;
            }
        }
        Ok(obj)
    }

    /// Whether the `__init__` a class gets is `object.__init__` while its
    /// `__new__` is not `object.__new__`: then `object.__init__` accepts
    /// any arguments and does nothing (CPython's `object_init`), so
    /// `range(n)` or `reversed(s)` need not call it.
    fn object_init_accepts(&self, new: Value, init: Value) -> bool {
        let Some(object) = Gc::<TypeObj>::from_value(self.heap.types().object) else {
            return false;
        };
        object.own_attr(self.names.dunder_init) == Some(init)
            && object.own_attr(self.names.dunder_new) != Some(new)
    }

    /// `MakeFunction`: a function from a code object and the optional
    /// parts in the run of slots from `run`.
    pub fn make_function(
        &mut self,
        code: Value,
        globals: Value,
        parts: FunctionParts,
        run: usize,
    ) -> PyResult {
        let Some(code) = code_of(code) else {
            return Err(self.type_error("MakeFunction needs a code object"));
        };
        let mut next = run;
        let mut take = |present: bool| {
            if present {
                next += 1;
                Some(next - 1)
            } else {
                None
            }
        };
        let defaults = take(parts.contains(FunctionParts::DEFAULTS));
        let kwdefaults = take(parts.contains(FunctionParts::KW_DEFAULTS));
        let annotations = take(parts.contains(FunctionParts::ANNOTATIONS));
        let closure = take(parts.contains(FunctionParts::CLOSURE));
        let get = |slot: Option<usize>| slot.map_or(Value::NONE, |s| self.stack[s]);
        let parts = [get(defaults), get(kwdefaults), get(annotations), get(closure)];
        Ok(self.new_function(code, globals, parts))
    }

    /// A function of `code` run in `globals`, with its defaults, keyword
    /// defaults, annotations and closure (each None when absent).
    pub fn new_function(
        &mut self,
        code: Gc<CodeObj>,
        globals: Value,
        [defaults, kwdefaults, annotations, closure]: [Value; 4],
    ) -> Value {
        let module = self
            .dict_get_str_fast(globals, self.names.dunder_name)
            .flatten()
            .unwrap_or(Value::NONE);
        let doc = match &code.unit.docstring {
            Some(d) => self.heap.new_str(d),
            None => Value::NONE,
        };
        let func = FunctionObj {
            code: Cell::new(code),
            globals,
            name: Cell::new(code.name),
            qualname: Cell::new(code.qualname),
            defaults: Cell::new(defaults),
            kwdefaults: Cell::new(kwdefaults),
            closure,
            annotations: Cell::new(annotations),
            doc: Cell::new(doc),
            module: Cell::new(module),
            attrs: Attrs::new(self.heap.root_shape(self.heap.type_obj(self.heap.types().function))),
        };
        self.heap.alloc(self.heap.types().function, func).value()
    }

    /// How error messages name a callable: `f()` for functions.
    /// How CPython 3.8's `PyEval_GetFuncName` and `GetFuncDesc` name a
    /// callee in call errors: `f()` for functions and methods, `T object`
    /// for anything else (classes included).
    pub fn function_display_name(&self, f: Value) -> String {
        let f = method_of(f).map_or(f, |m| m.function);
        if let Some(func) = function_of(f) {
            return format!(
                "{}()",
                str_of(func.name.get())
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            );
        }
        if let Some(nf) = native_function_of(f) {
            return format!("{}()", nf.name);
        }
        format!("{} object", self.type_name(f))
    }
}
