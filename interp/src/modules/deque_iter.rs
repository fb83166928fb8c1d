//! `_collections._deque_iterator` and `_deque_reverse_iterator`: walk a
//! deque by position, failing once the deque's mutation counter moves
//! (CPython's "deque mutated during iteration").

use std::cell::Cell;

use super::deque::{deque_of, DequeObj};
use super::support::{item_or_stop, new_class, self_iter};
use crate::builtins::{add_new, method_no_args, split_kwargs};
use crate::object::gc::Tracer;
use crate::object::{Gc, ObjKind, Payload, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub struct DequeIterObj {
    pub deque: Value,
    /// Position of the next item, from the left (from the right when
    /// `reversed`).
    index: Cell<usize>,
    /// Items left to give (CPython's `counter`).
    counter: Cell<usize>,
    state: u64,
    reversed: bool,
}

// SAFETY: traces the deque it walks.
unsafe impl Payload for DequeIterObj {
    const KIND: ObjKind = ObjKind::DequeIter;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.deque);
    }
}

const FORWARD: &str = "_deque_iterator";
const REVERSE: &str = "_deque_reverse_iterator";

/// Makes the two iterator classes in `module`.
pub fn install(vm: &mut Vm, module: Value) -> PyResult<()> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__iter__", self_iter),
        ("__next__", next),
        ("__length_hint__", length_hint),
        ("__reduce__", reduce),
    ];
    for (name, ctor) in [(FORWARD, new_forward as NativeFn), (REVERSE, new_reverse)] {
        let cls = new_class(vm, module, "_collections", name, methods)?;
        add_new(vm, cls, ctor);
    }
    Ok(())
}

/// Class `name` of `_collections` as first made.
fn iter_class(vm: &mut Vm, name: &str) -> PyResult {
    super::support::native_module_attr(vm, "_collections", name)
}

fn make(vm: &mut Vm, cls: Value, deque: Value, d: Gc<DequeObj>, reversed: bool) -> Value {
    let len = d.len();
    let it = DequeIterObj {
        deque,
        index: Cell::new(0),
        counter: Cell::new(len),
        state: d.state.get(),
        reversed,
    };
    vm.heap.alloc(cls, it).value()
}

fn deque_arg(vm: &Vm, v: Value, method: &str) -> PyResult<Gc<DequeObj>> {
    deque_of(v).ok_or_else(|| {
        vm.type_error(&format!(
            "descriptor '{method}' requires a 'collections.deque' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

/// `deque.__iter__`.
pub fn iter(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let d = deque_arg(vm, args[0], "__iter__")?;
    let cls = iter_class(vm, FORWARD)?;
    Ok(make(vm, cls, args[0], d, false))
}

/// `deque.__reversed__`.
pub fn reversed(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = deque_arg(vm, args[0], "__reversed__")?;
    method_no_args(vm, args, kwnames, "__reversed__")?;
    let cls = iter_class(vm, REVERSE)?;
    Ok(make(vm, cls, args[0], d, true))
}

/// `_deque_iterator(deque, index=0)`: an iterator moved on `index` items.
fn new_with(vm: &mut Vm, args: &[Value], kwnames: &[Value], reversed: bool) -> PyResult {
    let name = if reversed { REVERSE } else { FORWARD };
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    if !kws.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "{name} expected {} arguments, got {}",
            if pos.is_empty() { "at least 1" } else { "at most 2" },
            pos.len()
        )));
    }
    let Some(d) = deque_of(pos[0]) else {
        return Err(vm.type_error(&format!(
            "{name}() argument 1 must be collections.deque, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, pos[0])
        )));
    };
    let skip = match pos.get(1) {
        Some(&v) => crate::builtins::str_methods::ssize_arg(vm, v)?,
        None => 0,
    };
    let it = make(vm, args[0], pos[0], d, reversed);
    let mark = vm.push_temp(it);
    let r = (|| {
        for _ in 0..skip.max(0) {
            if step(vm, it)?.is_none() {
                break;
            }
        }
        Ok(it)
    })();
    vm.truncate_temps(mark);
    r
}

fn new_forward(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    new_with(vm, args, kwnames, false)
}

fn new_reverse(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    new_with(vm, args, kwnames, true)
}

fn receiver(vm: &Vm, v: Value) -> PyResult<Gc<DequeIterObj>> {
    Gc::<DequeIterObj>::from_value(v).ok_or_else(|| {
        vm.type_error(&format!("expected a deque iterator, got '{}'", vm.type_name(v)))
    })
}

/// The next item of deque iterator `it`, `None` at the end.
pub fn step(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let obj = receiver(vm, it)?;
    let Some(d) = deque_of(obj.deque) else { return Ok(None) };
    if d.state.get() != obj.state {
        obj.counter.set(0);
        return Err(PyErr::new(
            &vm.heap,
            vm.heap.types().runtime_error,
            "deque mutated during iteration",
        ));
    }
    let left = obj.counter.get();
    if left == 0 {
        return Ok(None);
    }
    let i = obj.index.get();
    let len = d.len();
    let at = if obj.reversed { len.checked_sub(i + 1) } else { Some(i) };
    let item = at.and_then(|at| d.get(at));
    obj.index.set(i + 1);
    obj.counter.set(left - 1);
    Ok(item)
}

fn next(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let r = step(vm, args[0])?;
    item_or_stop(vm, r)
}

fn length_hint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__length_hint__")?;
    let obj = receiver(vm, args[0])?;
    Ok(vm.heap.new_int_i64(obj.counter.get() as i64))
}

/// `(type(it), (deque, position))`, as CPython's `dequeiter_reduce`.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let obj = receiver(vm, args[0])?;
    let len = deque_of(obj.deque).map_or(0, |d| d.len());
    let pos = vm.heap.new_int_i64(len as i64 - obj.counter.get() as i64);
    let inner = vm.heap.new_tuple(&[obj.deque, pos]);
    let cls = vm.heap.type_of(args[0]);
    Ok(vm.with_temp(inner, |vm| vm.heap.new_tuple(&[cls, inner])))
}
