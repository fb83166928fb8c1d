//! itertools.tee, its `_tee` iterators and their shared buffer, as
//! CPython 3.8 keeps it: a chain of `_tee_dataobject` links of 57 values
//! each, read from the one source iterator by whichever tee is ahead, so a
//! link all tees have passed is garbage. `__copy__`, tee of a tee and
//! pickling (`__reduce__`/`__setstate__`) as CPython's.

use std::cell::RefCell;

use super::itertools_args::positional_only;
use super::support::{item_or_stop, native_module_attr, new_class, self_iter};
use crate::builtins::str_methods::ssize_arg;
use crate::builtins::{add_method, add_new, method_no_args, method_one_arg};
use crate::object::gc::Tracer;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, ObjKind, Payload, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// Values a link holds (CPython's `LINKCELLS`).
const LINK_CELLS: usize = 57;

pub enum TeeState {
    /// A `_tee_dataobject`: up to `LINK_CELLS` values read from `it`, and
    /// the next link (NONE until a tee passes the end of this one).
    Data { it: Value, values: Vec<Value>, running: bool, next: Value },
    /// A `_tee`: its link and its position in it.
    Tee { data: Value, index: usize },
}

pub struct TeeObj {
    pub state: RefCell<TeeState>,
}

// SAFETY: traces every value the state holds.
unsafe impl Payload for TeeObj {
    const KIND: ObjKind = ObjKind::Tee;
    fn trace(&self, tracer: &mut Tracer) {
        match &*self.state.borrow() {
            TeeState::Data { it, values, next, .. } => {
                tracer.mark_all(values);
                tracer.mark_all(&[*it, *next]);
            }
            TeeState::Tee { data, .. } => tracer.mark(*data),
        }
    }
    fn extra_bytes(&self) -> usize {
        match &*self.state.borrow() {
            TeeState::Data { values, .. } => values.capacity() * 8,
            TeeState::Tee { .. } => 0,
        }
    }
}

/// Makes `_tee`, `_tee_dataobject` and `tee` in `module`.
pub fn install(vm: &mut Vm, module: Value) -> PyResult<()> {
    let tee_methods: [(&'static str, NativeFn); 5] = [
        ("__iter__", self_iter),
        ("__next__", next),
        ("__copy__", copy),
        ("__reduce__", tee_reduce),
        ("__setstate__", tee_setstate),
    ];
    let cls = new_class(vm, module, "itertools", "_tee", &tee_methods)?;
    add_new(vm, cls, tee_new);
    let tp_name = vm.heap.new_str("itertools._tee");
    crate::builtins::set_type_attr(vm, cls, "__tachyon_tp_name__", tp_name);
    let data = new_class(vm, module, "itertools", "_tee_dataobject", &[])?;
    add_new(vm, data, data_new);
    add_method(vm, data, "__reduce__", data_reduce);
    let tp_name = vm.heap.new_str("itertools._tee_dataobject");
    crate::builtins::set_type_attr(vm, data, "__tachyon_tp_name__", tp_name);
    let f = crate::builtins::native_in(vm, module, "tee", tee);
    super::module_set(vm, module, "tee", f)
}

fn alloc(vm: &Vm, cls: Value, state: TeeState) -> Value {
    vm.heap.alloc(cls, TeeObj { state: RefCell::new(state) }).value()
}

fn new_data(vm: &mut Vm, it: Value) -> PyResult {
    let cls = native_module_attr(vm, "itertools", "_tee_dataobject")?;
    Ok(alloc(vm, cls, TeeState::Data { it, values: Vec::new(), running: false, next: Value::NONE }))
}

/// The link and index of `_tee` `v`, if it is one.
fn tee_parts(v: Value) -> Option<(Value, usize)> {
    match &*Gc::<TeeObj>::from_value(v)?.state.borrow() {
        TeeState::Tee { data, index } => Some((*data, *index)),
        TeeState::Data { .. } => None,
    }
}

fn is_data(v: Value) -> bool {
    data_fields(v, |_| ()).is_some()
}

/// The source iterator, `f` of the values, and the next link of
/// `_tee_dataobject` `v`, if it is one.
fn data_fields<T>(v: Value, f: impl FnOnce(&[Value]) -> T) -> Option<(Value, T, Value)> {
    match &*Gc::<TeeObj>::from_value(v)?.state.borrow() {
        TeeState::Data { it, values, next, .. } => Some((*it, f(values), *next)),
        TeeState::Tee { .. } => None,
    }
}

/// A new `_tee` at `data`, `index`.
fn new_tee(vm: &mut Vm, data: Value, index: usize) -> PyResult {
    let cls = vm.with_temp(data, |vm| native_module_attr(vm, "itertools", "_tee"))?;
    Ok(alloc(vm, cls, TeeState::Tee { data, index }))
}

/// CPython's `tee_fromiterable`: a copy of a `_tee`, else a `_tee` over a
/// new buffer.
fn from_iterable(vm: &mut Vm, iterable: Value) -> PyResult {
    let it = vm.get_iter(iterable)?;
    if let Some((data, index)) = tee_parts(it) {
        return new_tee(vm, data, index);
    }
    let data = vm.with_temp(it, |vm| new_data(vm, it))?;
    vm.with_temp(data, |vm| new_tee(vm, data, 0))
}

/// `_tee(iterable)`.
fn tee_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [iterable] = positional_only(vm, "_tee", args, kwnames)?;
    from_iterable(vm, iterable)
}

/// `tee(iterable, n=2)`: `n` independent iterators; an iterator with
/// `__copy__` is the first and is copied for the others.
fn tee(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("tee() takes no keyword arguments"));
    }
    match args.len() {
        0 => return Err(vm.type_error("tee expected at least 1 argument, got 0")),
        1 | 2 => {}
        n => return Err(vm.type_error(&format!("tee expected at most 2 arguments, got {n}"))),
    }
    let n = match args.get(1) {
        Some(&v) => ssize_arg(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.heap.new_tuple(&[]));
    }
    let mark = vm.stack.len();
    let r = (|| {
        let it = vm.get_iter(args[0])?;
        vm.push_temp(it);
        let copy_name = vm.heap.intern("__copy__");
        let copyfunc = match vm.get_attr(it, copy_name) {
            Ok(f) => Some(f),
            Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => None,
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(n as usize);
        match copyfunc {
            Some(f) => {
                vm.push_temp(f);
                out.push(it);
                for _ in 1..n {
                    let c = vm.call(f, &[])?;
                    vm.push_temp(c);
                    out.push(c);
                }
            }
            None => {
                let first = from_iterable(vm, it)?;
                vm.push_temp(first);
                let (data, index) = tee_parts(first).unwrap_or((Value::NONE, 0));
                out.push(first);
                for _ in 1..n {
                    let c = new_tee(vm, data, index)?;
                    vm.push_temp(c);
                    out.push(c);
                }
            }
        }
        Ok(vm.heap.new_tuple(&out))
    })();
    vm.truncate_temps(mark);
    r
}

fn receiver(vm: &Vm, v: Value, method: &str) -> PyResult<(Value, usize)> {
    tee_parts(v).ok_or_else(|| {
        vm.type_error(&format!(
            "descriptor '{method}' requires a 'itertools._tee' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn next(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let r = step(vm, args[0])?;
    item_or_stop(vm, r)
}

/// The next item of `_tee` `it`, `None` at the end.
pub fn step(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let (mut data, mut index) = receiver(vm, it, "__next__")?;
    let obj = Gc::<TeeObj>::from_value(it).expect("a _tee");
    if index >= LINK_CELLS {
        data = next_link(vm, data)?;
        index = 0;
        *obj.state.borrow_mut() = TeeState::Tee { data, index };
    }
    let mark = vm.push_temp(it);
    let r = value_at(vm, data, index);
    vm.truncate_temps(mark);
    if let Ok(Some(_)) = r {
        *obj.state.borrow_mut() = TeeState::Tee { data, index: index + 1 };
    }
    r
}

/// The link after full link `data`, made on first use.
fn next_link(vm: &mut Vm, data: Value) -> PyResult {
    let Some((it, _, next)) = data_fields(data, |_| ()) else {
        return Err(vm.type_error("not a _tee_dataobject"));
    };
    if !next.is_none() {
        return Ok(next);
    }
    let link = vm.with_temp(data, |vm| new_data(vm, it))?;
    if let Some(o) = Gc::<TeeObj>::from_value(data) {
        if let TeeState::Data { next, .. } = &mut *o.state.borrow_mut() {
            *next = link;
        }
    }
    Ok(link)
}

/// Value `i` of link `data`, read from the source when `i` is the next
/// one not yet read (the tee that is ahead).
fn value_at(vm: &mut Vm, data: Value, i: usize) -> PyResult<Option<Value>> {
    let Some(obj) = Gc::<TeeObj>::from_value(data) else { return Ok(None) };
    let it = {
        let mut state = obj.state.borrow_mut();
        let TeeState::Data { it, values, running, .. } = &mut *state else { return Ok(None) };
        if let Some(v) = values.get(i) {
            return Ok(Some(*v));
        }
        if *running {
            return Err(PyErr::runtime_error(&vm.heap, "cannot re-enter the tee iterator"));
        }
        *running = true;
        *it
    };
    let r = vm.with_temp(data, |vm| vm.iter_next(it));
    let mut state = obj.state.borrow_mut();
    if let TeeState::Data { values, running, .. } = &mut *state {
        *running = false;
        if let Ok(Some(v)) = r {
            values.push(v);
        }
    }
    r
}

/// `__copy__`: a `_tee` at the same place in the same buffer.
fn copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__copy__")?;
    let (data, index) = receiver(vm, args[0], "__copy__")?;
    new_tee(vm, data, index)
}

/// `__reduce__`: `(type(self), ((),), (dataobject, index))`.
fn tee_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let (data, index) = receiver(vm, args[0], "__reduce__")?;
    let cls = vm.heap.type_of(args[0]);
    let mark = vm.stack.len();
    let empty = vm.heap.new_tuple(&[]);
    vm.push_temp(empty);
    let a = vm.heap.new_tuple(&[empty]);
    vm.push_temp(a);
    let index = Value::from_small_int(index as i64).unwrap_or(Value::NONE);
    let st = vm.heap.new_tuple(&[data, index]);
    vm.push_temp(st);
    let r = vm.heap.new_tuple(&[cls, a, st]);
    vm.truncate_temps(mark);
    Ok(r)
}

/// `__setstate__((dataobject, index))`.
fn tee_setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let state = method_one_arg(vm, args, kwnames, "__setstate__")?;
    receiver(vm, args[0], "__setstate__")?;
    let Some(parts) = tuple_of(state).map(|t| t.items().to_vec()) else {
        return Err(vm.type_error("state is not a tuple"));
    };
    let [data, index] = parts[..] else {
        return Err(
            vm.type_error(&format!("function takes exactly 2 arguments ({} given)", parts.len()))
        );
    };
    if !is_data(data) {
        return Err(vm.type_error(&format!(
            "argument 1 must be itertools._tee_dataobject, not {}",
            vm.type_name(data)
        )));
    }
    let index = ssize_arg(vm, index)?;
    if !(0..=LINK_CELLS as i64).contains(&index) {
        return Err(vm.value_error("Index out of range"));
    }
    if let Some(o) = Gc::<TeeObj>::from_value(args[0]) {
        *o.state.borrow_mut() = TeeState::Tee { data, index: index as usize };
    }
    Ok(Value::NONE)
}

/// `_tee_dataobject(iterator, values, next)` (for unpickling): at most
/// `LINK_CELLS` values, and a next link only after a full one.
fn data_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [it, values, next] = positional_only(vm, "_tee_dataobject", args, kwnames)?;
    let Some(list) = crate::object::list::list_of(values) else {
        return Err(
            vm.type_error(&format!("argument 2 must be list, not {}", vm.type_name(values)))
        );
    };
    let values = list.items.to_vec();
    let valid = match values.len() {
        LINK_CELLS => next.is_none() || is_data(next),
        n => n < LINK_CELLS && next.is_none(),
    };
    if !valid {
        return Err(vm.value_error("Invalid arguments"));
    }
    Ok(alloc(vm, args[0], TeeState::Data { it, values, running: false, next }))
}

/// `_tee_dataobject.__reduce__`: `(type, (iterator, values, next))`.
fn data_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let Some((it, values, next)) = data_fields(args[0], |v| v.to_vec()) else {
        return Err(vm.type_error("not a _tee_dataobject"));
    };
    let cls = vm.heap.type_of(args[0]);
    let mark = vm.stack.len();
    let list = vm.heap.new_list(&values);
    vm.push_temp(list);
    let a = vm.heap.new_tuple(&[it, list, next]);
    vm.push_temp(a);
    let r = vm.heap.new_tuple(&[cls, a]);
    vm.truncate_temps(mark);
    Ok(r)
}
