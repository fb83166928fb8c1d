//! Async generators (PEP 525): `async def` with `yield`.
//!
//! The frame is an ordinary generator frame of kind
//! [`GenKind::AsyncGenerator`]; what makes it async is how its yields are
//! read. A plain `yield v` hands `v` to the `async for` (CPython wraps it
//! in `_PyAsyncGenWrappedValue`); a yield that passes through an `await`
//! (the frame suspended in `YieldFrom` with a delegate) goes out to the
//! event loop. The two are told apart by whether the generator has a
//! delegate when it suspends, so the interpreter loop needs no change.
//!
//! `__anext__`/`asend` give an `async_generator_asend` awaitable, and
//! `athrow`/`aclose` an `async_generator_athrow`; driving the awaitable
//! (`send`/`throw`) resumes the generator, and a plain `yield` ends the
//! awaitable with `StopIteration(v)`, as `genobject.c` of CPython 3.8 does.
//! `sys.set_asyncgen_hooks`' `firstiter` is called on the first step (the
//! finalizer is kept but never called: there is no finalization).

use std::cell::Cell;

use super::generator::{generator_of, GenKind, GenState, GenStep, GeneratorObj};
use super::{PyResult, Vm};
use crate::builtins::str_methods::keyword_args;
use crate::builtins::{add_method, native};
use crate::object::gc::Tracer;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, ObjKind, Payload, PyErr, Value};
use crate::vm::function::{module_of, NativeFn};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// What an awaitable does on its first step.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AwaitOp {
    /// `asend(value)` / `__anext__()` (value None).
    Send,
    /// `athrow(type[, value[, tb]])`; the arguments are in `arg`.
    Throw,
    /// `aclose()`: GeneratorExit in, a finished generator out.
    Close,
}

/// An `async_generator_asend` or `async_generator_athrow` object.
pub struct AsyncGenAwaitable {
    gen: Value,
    op: AwaitOp,
    /// The value to send (Send) or the argument tuple (Throw).
    arg: Value,
    state: Cell<AwaitState>,
}

// SAFETY: traces the generator and the argument it holds.
unsafe impl Payload for AsyncGenAwaitable {
    const KIND: ObjKind = ObjKind::AsyncGenAwaitable;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.gen, self.arg]);
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let agen_methods: &[(&'static str, NativeFn)] = &[
        ("__aiter__", agen_aiter),
        ("__anext__", agen_anext),
        ("asend", agen_asend),
        ("athrow", agen_athrow),
        ("aclose", agen_aclose),
    ];
    for (name, f) in agen_methods {
        add_method(vm, t.async_generator, name, *f);
    }
    let awaitable_methods: &[(&'static str, NativeFn)] = &[
        ("send", awaitable_send),
        ("throw", awaitable_throw),
        ("close", awaitable_close),
        ("__next__", awaitable_next),
        ("__iter__", awaitable_self),
        ("__await__", awaitable_self),
    ];
    for ty in [t.async_generator_asend, t.async_generator_athrow] {
        for (name, f) in awaitable_methods {
            add_method(vm, ty, name, *f);
        }
    }
    let hooks = vm.heap.new_list(&[Value::NONE, Value::NONE]);
    vm.heap.add_permanent_root(hooks);
    vm.asyncgen_hooks = hooks;
    if let Some(sys) = module_of(vm.sys_module) {
        install_sys_hooks(vm, sys.dict).expect("a fresh dict takes new keys");
    }
}

/// Adds `sys.get_asyncgen_hooks` and `sys.set_asyncgen_hooks`.
fn install_sys_hooks(vm: &mut Vm, sys_dict: Value) -> PyResult<()> {
    let funcs: [(&'static str, NativeFn); 2] =
        [("get_asyncgen_hooks", get_asyncgen_hooks), ("set_asyncgen_hooks", set_asyncgen_hooks)];
    for (name, f) in funcs {
        let v = native(vm, name, f);
        let key = vm.heap.intern(name);
        vm.dict_set_item(sys_dict, key, v)?;
    }
    Ok(())
}

fn hooks(vm: &Vm) -> (Value, Value) {
    match crate::object::list::list_of(vm.asyncgen_hooks) {
        Some(l) => (l.items.get(0).unwrap_or(Value::NONE), l.items.get(1).unwrap_or(Value::NONE)),
        None => (Value::NONE, Value::NONE),
    }
}

fn get_asyncgen_hooks(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let (first, fin) = hooks(vm);
    Ok(vm.heap.new_tuple(&[first, fin]))
}

fn set_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let bound = keyword_args(vm, args, kw, "set_asyncgen_hooks", &["firstiter", "finalizer"])?;
    let (mut first, mut fin) = hooks(vm);
    for (slot, name, new) in
        [(&mut first, "firstiter", bound[0]), (&mut fin, "finalizer", bound[1])]
    {
        if let Some(v) = new {
            if !v.is_none() && !crate::builtins::functions::is_callable(vm, v) {
                return Err(
                    vm.type_error(&format!("callable {name} expected, got {}", vm.type_name(v)))
                );
            }
            *slot = v;
        }
    }
    if let Some(l) = crate::object::list::list_of(vm.asyncgen_hooks) {
        l.items.replace(&[first, fin]);
    }
    Ok(Value::NONE)
}

fn agen_receiver(vm: &Vm, args: &[Value]) -> PyResult<Gc<GeneratorObj>> {
    match args.first().and_then(|&g| generator_of(g)) {
        Some(g) if g.kind == GenKind::AsyncGenerator => Ok(g),
        _ => Err(vm.type_error("descriptor requires a 'async_generator' object")),
    }
}

fn agen_aiter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    agen_receiver(vm, args)?;
    Ok(args[0])
}

fn agen_anext(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    agen_receiver(vm, args)?;
    vm.async_gen_awaitable(args[0], AwaitOp::Send, Value::NONE)
}

fn agen_asend(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    agen_receiver(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "asend() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    vm.async_gen_awaitable(args[0], AwaitOp::Send, args[1])
}

fn agen_athrow(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    agen_receiver(vm, args)?;
    let throw_args = vm.heap.new_tuple(&args[1..]);
    vm.async_gen_awaitable(args[0], AwaitOp::Throw, throw_args)
}

fn agen_aclose(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    agen_receiver(vm, args)?;
    vm.async_gen_awaitable(args[0], AwaitOp::Close, Value::NONE)
}

fn awaitable_receiver(vm: &Vm, args: &[Value]) -> PyResult<Gc<AsyncGenAwaitable>> {
    args.first()
        .and_then(|&a| Gc::<AsyncGenAwaitable>::from_value(a))
        .ok_or_else(|| vm.type_error("descriptor requires an 'async_generator_asend' object"))
}

fn awaitable_send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let a = awaitable_receiver(vm, args)?;
    if args.len() != 2 {
        return Err(
            vm.type_error(&format!("send() takes exactly one argument ({} given)", args.len() - 1))
        );
    }
    let step = vm.async_gen_awaitable_send(a, args[1]);
    vm.awaitable_result(step)
}

fn awaitable_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let a = awaitable_receiver(vm, args)?;
    let step = vm.async_gen_awaitable_send(a, Value::NONE);
    vm.awaitable_result(step)
}

fn awaitable_throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let a = awaitable_receiver(vm, args)?;
    vm.async_gen_awaitable_throw(a, &args[1..])
}

fn awaitable_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let a = awaitable_receiver(vm, args)?;
    a.state.set(AwaitState::Closed);
    Ok(Value::NONE)
}

fn awaitable_self(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    awaitable_receiver(vm, args)?;
    Ok(args[0])
}

/// What one resumption of an async generator means to its awaitable.
enum AsyncStep {
    /// A plain `yield v`: the awaitable finishes with `v`.
    Value(Value),
    /// A value an `await` inside passes out to the event loop.
    PassThrough(Value),
}

/// `GeneratorObj::async_flags` bits (CPython's `ag_running_async`,
/// `ag_closed`, `ag_hooks_inited`).
const RUNNING_ASYNC: u8 = 1;
const CLOSED: u8 = 2;
const HOOKS_INITED: u8 = 4;

fn flag(gen: &GeneratorObj, bit: u8) -> bool {
    gen.async_flags.get() & bit != 0
}

fn set_flag(gen: &GeneratorObj, bit: u8, on: bool) {
    let flags = gen.async_flags.get();
    gen.async_flags.set(if on { flags | bit } else { flags & !bit });
}

impl Vm {
    /// `agen.__anext__()` for `async for` (`GetANext`).
    pub fn async_gen_anext(&mut self, agen: Value) -> PyResult {
        self.async_gen_awaitable(agen, AwaitOp::Send, Value::NONE)
    }

    fn async_gen_awaitable(&mut self, agen: Value, op: AwaitOp, arg: Value) -> PyResult {
        self.async_gen_init_hooks(agen)?;
        let t = self.heap.types();
        let ty =
            if op == AwaitOp::Send { t.async_generator_asend } else { t.async_generator_athrow };
        let a = AsyncGenAwaitable { gen: agen, op, arg, state: Cell::new(AwaitState::Init) };
        Ok(self.heap.alloc(ty, a).value())
    }

    /// Calls the `firstiter` hook the first time the generator is used.
    fn async_gen_init_hooks(&mut self, agen: Value) -> PyResult<()> {
        let Some(gen) = generator_of(agen) else { return Ok(()) };
        if flag(&gen, HOOKS_INITED) {
            return Ok(());
        }
        set_flag(&gen, HOOKS_INITED, true);
        let (first, _) = hooks(self);
        if first.is_none() {
            return Ok(());
        }
        self.call(first, &[agen]).map(|_| ())
    }

    /// Reads a resumption of `gen`: a plain yield, an awaited value passing
    /// through, or the end (StopAsyncIteration).
    fn async_step(
        &mut self,
        gen: Gc<GeneratorObj>,
        step: PyResult<GenStep>,
    ) -> PyResult<AsyncStep> {
        match step? {
            GenStep::Yielded(v) if gen.yield_from.get().is_none() => Ok(AsyncStep::Value(v)),
            GenStep::Yielded(v) => Ok(AsyncStep::PassThrough(v)),
            GenStep::Returned(_) => {
                Err(PyErr::with_args(&self.heap, self.heap.types().stop_async_iteration, &[]))
            }
        }
    }

    /// `async_gen_unwrap_value`: what `asend`/`athrow` awaitables give,
    /// an awaited value passing through (`Yielded`) or the end of the
    /// awaitable with a plain yield's value (`Returned`: StopIteration to
    /// Python code, see [`Vm::awaitable_result`]).
    fn unwrap_async_step(
        &mut self,
        gen: Gc<GeneratorObj>,
        step: PyResult<AsyncStep>,
    ) -> PyResult<GenStep> {
        match step {
            Ok(AsyncStep::PassThrough(v)) => Ok(GenStep::Yielded(v)),
            Ok(AsyncStep::Value(v)) => {
                set_flag(&gen, RUNNING_ASYNC, false);
                Ok(GenStep::Returned(v))
            }
            Err(e) => {
                if self.ends_async_gen(&e) {
                    set_flag(&gen, CLOSED, true);
                }
                set_flag(&gen, RUNNING_ASYNC, false);
                Err(e)
            }
        }
    }

    /// Throws `(type[, value[, tb]])` into `gen`.
    fn async_gen_throw(&mut self, gen: Gc<GeneratorObj>, args: &[Value]) -> PyResult<AsyncStep> {
        match self.gen_throw(gen.value(), args) {
            Ok(v) => self.async_step(gen, Ok(GenStep::Yielded(v))),
            // `gen_throw` reports a return as StopIteration; a generator
            // cannot raise one itself (PEP 479 turns it into RuntimeError).
            Err(e) if e.matches(&self.heap, self.heap.types().stop_iteration) => {
                self.async_step(gen, Ok(GenStep::Returned(Value::NONE)))
            }
            Err(e) => Err(e),
        }
    }

    fn reuse_error(&self, op: AwaitOp) -> PyErr {
        let msg = match op {
            AwaitOp::Send => "cannot reuse already awaited __anext__()/asend()",
            AwaitOp::Throw | AwaitOp::Close => "cannot reuse already awaited aclose()/athrow()",
        };
        PyErr::runtime_error(&self.heap, msg)
    }

    /// What an awaitable's `send`/`__next__`/`throw` give Python code: the
    /// value passing through, or StopIteration carrying the plain yield's.
    fn awaitable_result(&self, step: PyResult<GenStep>) -> PyResult {
        match step? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(PyErr::stop_iteration(&self.heap, v)),
        }
    }

    /// One step of `delegate` for `await`/`yield from` when it is an
    /// `asend`/`athrow` awaitable: the step without the StopIteration
    /// object its `send` method would raise at the end (CPython's
    /// `YIELD_FROM` reads that value without making the exception either).
    pub(crate) fn async_gen_awaitable_step(
        &mut self,
        delegate: Value,
        value: Value,
    ) -> Option<PyResult<GenStep>> {
        let a = Gc::<AsyncGenAwaitable>::from_value(delegate)?;
        Some(match self.async_gen_awaitable_send(a, value) {
            // `athrow`/`aclose` still end some ways with a StopIteration
            // error, which `await` reads as the end too.
            Err(e) if e.matches(&self.heap, self.heap.types().stop_iteration) => {
                Ok(GenStep::Returned(self.stop_iteration_value(e)))
            }
            step => step,
        })
    }

    fn async_gen_awaitable_send(
        &mut self,
        a: Gc<AsyncGenAwaitable>,
        value: Value,
    ) -> PyResult<GenStep> {
        let Some(gen) = generator_of(a.gen) else {
            return Err(self.type_error("expected an async generator"));
        };
        if a.state.get() == AwaitState::Closed {
            return Err(self.reuse_error(a.op));
        }
        let result = if a.op == AwaitOp::Send {
            self.asend_send(a, gen, value)
        } else {
            self.athrow_send(a, gen, value)
        };
        if !matches!(result, Ok(GenStep::Yielded(_))) {
            a.state.set(AwaitState::Closed);
        }
        result
    }

    /// `async_gen_asend_send`.
    fn asend_send(
        &mut self,
        a: Gc<AsyncGenAwaitable>,
        gen: Gc<GeneratorObj>,
        value: Value,
    ) -> PyResult<GenStep> {
        let mut value = value;
        if a.state.get() == AwaitState::Init {
            if flag(&gen, RUNNING_ASYNC) {
                return Err(PyErr::runtime_error(
                    &self.heap,
                    "anext(): asynchronous generator is already running",
                ));
            }
            if value.is_none() {
                value = a.arg;
            }
            a.state.set(AwaitState::Iter);
        }
        set_flag(&gen, RUNNING_ASYNC, true);
        let step = self.gen_resume(a.gen, value, None);
        let step = self.async_step(gen, step);
        self.unwrap_async_step(gen, step)
    }

    /// `async_gen_athrow_send`.
    fn athrow_send(
        &mut self,
        a: Gc<AsyncGenAwaitable>,
        gen: Gc<GeneratorObj>,
        value: Value,
    ) -> PyResult<GenStep> {
        if matches!(gen.state.get(), GenState::Closed | GenState::Running) {
            return Err(self.bare_stop_iteration());
        }
        let closing = a.op == AwaitOp::Close;
        if a.state.get() == AwaitState::Init {
            if flag(&gen, RUNNING_ASYNC) {
                let which = if closing { "aclose" } else { "athrow" };
                return Err(PyErr::runtime_error(
                    &self.heap,
                    &format!("{which}(): asynchronous generator is already running"),
                ));
            }
            if flag(&gen, CLOSED) {
                return Err(PyErr::with_args(
                    &self.heap,
                    self.heap.types().stop_async_iteration,
                    &[],
                ));
            }
            if !value.is_none() {
                return Err(PyErr::runtime_error(
                    &self.heap,
                    "can't send non-None value to a just-started coroutine",
                ));
            }
            a.state.set(AwaitState::Iter);
            set_flag(&gen, RUNNING_ASYNC, true);
            if closing {
                set_flag(&gen, CLOSED, true);
                let exit = self.heap.types().generator_exit;
                let step = self.async_gen_throw(gen, &[exit]);
                return self.aclose_result(gen, step);
            }
            let args = tuple_of(a.arg).map(|t| t.items().to_vec()).unwrap_or_default();
            if !(1..=3).contains(&args.len()) {
                set_flag(&gen, RUNNING_ASYNC, false);
                return Err(self.type_error(&match args.len() {
                    0 => "athrow expected at least 1 argument, got 0".to_string(),
                    n => format!("athrow expected at most 3 arguments, got {n}"),
                }));
            }
            let step = self.async_gen_throw(gen, &args);
            let result = self.unwrap_async_step(gen, step);
            return self.athrow_check_error(gen, false, result);
        }
        let step = self.gen_resume(a.gen, value, None);
        let step = self.async_step(gen, step);
        if closing {
            self.aclose_result(gen, step)
        } else {
            self.unwrap_async_step(gen, step)
        }
    }

    /// `aclose()`'s reading of a step: a plain yield means the generator
    /// ignored GeneratorExit; its end (or GeneratorExit) ends the awaitable
    /// with StopIteration.
    fn aclose_result(
        &mut self,
        gen: Gc<GeneratorObj>,
        step: PyResult<AsyncStep>,
    ) -> PyResult<GenStep> {
        match step {
            Ok(AsyncStep::PassThrough(v)) => Ok(GenStep::Yielded(v)),
            Ok(AsyncStep::Value(_)) => {
                set_flag(&gen, RUNNING_ASYNC, false);
                Err(PyErr::runtime_error(&self.heap, "async generator ignored GeneratorExit"))
            }
            Err(e) => self.athrow_check_error(gen, true, Err(e)),
        }
    }

    /// `check_error` of `async_gen_athrow_send`.
    fn athrow_check_error(
        &mut self,
        gen: Gc<GeneratorObj>,
        closing: bool,
        result: PyResult<GenStep>,
    ) -> PyResult<GenStep> {
        let Err(e) = result else { return result };
        set_flag(&gen, RUNNING_ASYNC, false);
        if closing && self.ends_async_gen(&e) {
            return Err(self.bare_stop_iteration());
        }
        Err(e)
    }

    fn async_gen_awaitable_throw(&mut self, a: Gc<AsyncGenAwaitable>, args: &[Value]) -> PyResult {
        let Some(gen) = generator_of(a.gen) else {
            return Err(self.type_error("expected an async generator"));
        };
        if a.state.get() == AwaitState::Closed {
            return Err(self.reuse_error(a.op));
        }
        let step = self.async_gen_throw(gen, args);
        let result = match a.op {
            AwaitOp::Send | AwaitOp::Throw => {
                let step = self.unwrap_async_step(gen, step);
                self.awaitable_result(step)
            }
            AwaitOp::Close => match step {
                Ok(AsyncStep::PassThrough(v)) => Ok(v),
                Ok(AsyncStep::Value(_)) => {
                    set_flag(&gen, RUNNING_ASYNC, false);
                    a.state.set(AwaitState::Closed);
                    Err(PyErr::runtime_error(&self.heap, "async generator ignored GeneratorExit"))
                }
                Err(e) if self.ends_async_gen(&e) => Err(self.bare_stop_iteration()),
                Err(e) => Err(e),
            },
        };
        if a.op == AwaitOp::Send && result.is_err() {
            a.state.set(AwaitState::Closed);
        }
        result
    }

    fn ends_async_gen(&self, e: &PyErr) -> bool {
        let t = self.heap.types();
        e.matches(&self.heap, t.stop_async_iteration) || e.matches(&self.heap, t.generator_exit)
    }

    fn bare_stop_iteration(&self) -> PyErr {
        PyErr::with_args(&self.heap, self.heap.types().stop_iteration, &[])
    }
}
