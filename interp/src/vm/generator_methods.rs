//! What Python code sees of generators and coroutines (`send`, `throw`,
//! `close`, `__next__`, `__await__`), and the async iteration and `async
//! with` protocols the bytecode uses.

use super::generator::{generator_of, GenKind};
use super::{PyResult, Vm};
use crate::builtins::add_method;
use crate::bytecode::instr::AwaitOrigin;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let common: &[(&'static str, NativeFn)] =
        &[("send", gen_send), ("throw", gen_throw), ("close", gen_close)];
    for ty in [t.generator, t.coroutine] {
        for (name, f) in common {
            add_method(vm, ty, name, *f);
        }
    }
    add_method(vm, t.generator, "__next__", gen_next);
    add_method(vm, t.generator, "__iter__", gen_iter);
    add_method(vm, t.coroutine, "__await__", coro_await);
}

fn receiver(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(&g) if generator_of(g).is_some() => Ok(g),
        _ => Err(vm.type_error("descriptor requires a 'generator' object")),
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let g = receiver(vm, args)?;
    if args.len() != 2 {
        return Err(
            vm.type_error(&format!("send() takes exactly one argument ({} given)", args.len() - 1))
        );
    }
    let step = vm.gen_resume(g, args[1], None)?;
    step.into_result(vm)
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let g = receiver(vm, args)?;
    let step = vm.gen_resume(g, Value::NONE, None)?;
    step.into_result(vm)
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let g = receiver(vm, args)?;
    vm.gen_throw(g, &args[1..])
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let g = receiver(vm, args)?;
    vm.gen_close(g)?;
    Ok(Value::NONE)
}

fn gen_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(args[0])
}

/// `coro.__await__()`: a `coroutine_wrapper` iterating the coroutine.
fn coro_await(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let coro = receiver(vm, args)?;
    Ok(vm.new_coro_wrapper(coro))
}

impl Vm {
    /// `GetAIter`: `type(src).__aiter__(src)`.
    pub fn get_aiter(&mut self, src: Value) -> PyResult {
        let name = self.heap.intern("__aiter__");
        let Some(m) = self.heap.lookup_in_type_of(src, name) else {
            return Err(self.type_error(&format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(src)
            )));
        };
        let it = self.call_method_value(m, src, &[])?;
        let anext = self.heap.intern("__anext__");
        if self.heap.lookup_in_type_of(it, anext).is_none() {
            return Err(self.type_error(&format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(it)
            )));
        }
        Ok(it)
    }

    /// `GetANext`: the awaitable of `iter.__anext__()`.
    pub fn get_anext(&mut self, iter: Value) -> PyResult {
        if generator_of(iter).is_some_and(|g| g.kind == GenKind::AsyncGenerator) {
            return self.async_gen_anext(iter);
        }
        let name = self.heap.intern("__anext__");
        let Some(m) = self.heap.lookup_in_type_of(iter, name) else {
            return Err(self.type_error(&format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(iter)
            )));
        };
        let awaitable = self.call_method_value(m, iter, &[])?;
        // Whatever went wrong (no `__await__`, it raised, it gave no
        // iterator) becomes the cause of CPython's TypeError.
        self.get_awaitable(awaitable, AwaitOrigin::Await).map_err(|e| {
            self.type_error(&format!(
                "'async for' received an invalid object from __anext__: {}",
                self.type_name(awaitable)
            ))
            .caused_by(&e)
        })
    }

    /// `async with mgr:` entry: bound `__aexit__` and `mgr.__aenter__()`.
    pub fn async_with_enter(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let (enter_name, exit_name) =
            (self.heap.intern("__aenter__"), self.heap.intern("__aexit__"));
        // CPython 3.8 looks `__aexit__` up first.
        let Some(exit) = self.heap.lookup_in_type_of(mgr, exit_name) else {
            return Err(PyErr::attribute_error(&self.heap, "__aexit__"));
        };
        let Some(enter) = self.heap.lookup_in_type_of(mgr, enter_name) else {
            return Err(PyErr::attribute_error(&self.heap, "__aenter__"));
        };
        let owner = self.heap.type_of(mgr);
        let exit = self.descr_get(exit, mgr, owner)?;
        let mark = self.push_temp(exit);
        let value = self.call_method_value(enter, mgr, &[]);
        self.truncate_temps(mark);
        Ok((exit, value?))
    }
}
