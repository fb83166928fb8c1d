//! `coroutine_wrapper`: what `coro.__await__()` returns (CPython's
//! `_PyCoroWrapper_Type`). A coroutine is not an iterator itself; its
//! `__await__` gives this small iterator whose `__next__`, `send`, `throw`
//! and `close` drive the coroutine, so `yield from coro.__await__()` and a
//! user `__await__` that returns it work as in CPython 3.8.

use super::generator::{generator_of, GenKind};
use super::{PyResult, Vm};
use crate::builtins::add_method;
use crate::object::gc::Tracer;
use crate::object::{Gc, ObjKind, Payload, Value};
use crate::vm::function::NativeFn;

/// A `coroutine_wrapper`: the coroutine it drives.
pub struct CoroWrapperObj {
    pub coro: Value,
}

// SAFETY: traces the coroutine it holds.
unsafe impl Payload for CoroWrapperObj {
    const KIND: ObjKind = ObjKind::CoroWrapper;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.coro)
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__next__", wrapper_next),
        ("__iter__", wrapper_iter),
        ("send", wrapper_send),
        ("throw", wrapper_throw),
        ("close", wrapper_close),
    ];
    for (name, f) in methods {
        add_method(vm, t.coroutine_wrapper, name, *f);
    }
}

/// The coroutine a `coroutine_wrapper` drives, if `v` is one.
pub fn wrapped_coroutine(v: Value) -> Option<Value> {
    Gc::<CoroWrapperObj>::from_value(v).map(|w| w.coro)
}

impl Vm {
    /// `coro.__await__()`: a new wrapper of `coro`.
    pub fn new_coro_wrapper(&mut self, coro: Value) -> Value {
        let ty = self.heap.types().coroutine_wrapper;
        self.heap.alloc(ty, CoroWrapperObj { coro }).value()
    }
}

/// The receiver's coroutine; the methods are only reachable on wrappers,
/// but a descriptor can be called with anything.
fn receiver(vm: &Vm, args: &[Value], method: &str) -> PyResult<Value> {
    match args.first().and_then(|&w| wrapped_coroutine(w)) {
        Some(c) if generator_of(c).is_some_and(|g| g.kind == GenKind::Coroutine) => Ok(c),
        _ => Err(vm.type_error(&format!(
            "descriptor '{method}' requires a 'coroutine_wrapper' object but received a '{}'",
            args.first().map_or_else(|| "nothing".to_string(), |&v| vm.type_name(v))
        ))),
    }
}

fn wrapper_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let coro = receiver(vm, args, "__next__")?;
    vm.gen_resume(coro, Value::NONE, None)?.into_result(vm)
}

fn wrapper_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    receiver(vm, args, "__iter__")?;
    Ok(args[0])
}

fn wrapper_send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let coro = receiver(vm, args, "send")?;
    let [_, value] = args else {
        return Err(
            vm.type_error(&format!("send() takes exactly one argument ({} given)", args.len() - 1))
        );
    };
    vm.gen_resume(coro, *value, None)?.into_result(vm)
}

fn wrapper_throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let coro = receiver(vm, args, "throw")?;
    if args.len() > 4 {
        let n = args.len() - 1;
        return Err(vm.type_error(&format!("throw expected at most 3 arguments, got {n}")));
    }
    vm.gen_throw(coro, &args[1..])
}

fn wrapper_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let coro = receiver(vm, args, "close")?;
    vm.gen_close(coro)?;
    Ok(Value::NONE)
}
