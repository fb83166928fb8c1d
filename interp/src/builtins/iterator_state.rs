//! `__length_hint__`, `__reduce__` and `__setstate__` of the built-in
//! iterators, as CPython 3.8's `listiter_reduce`, `rangeiter_setstate`,
//! `enum_reduce`, ... give them: what `copy` and `pickle` of an iterator,
//! and `operator.length_hint`, see.

use super::add_method;
use super::iterators::{BuiltinIterObj, IterState};
use crate::object::bytes::bytes_of;
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, PyErr, Value};
use crate::vm::iter::{SeqIterObj, SeqKind, TableIterObj};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let sequence_iterators = [
        t.list_iterator,
        t.list_reverseiterator,
        t.tuple_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.range_iterator,
        t.longrange_iterator,
        t.iterator,
    ];
    for ty in sequence_iterators {
        add_method(vm, ty, "__length_hint__", length_hint);
        add_method(vm, ty, "__reduce__", reduce);
        add_method(vm, ty, "__setstate__", setstate);
    }
    let table_iterators =
        [t.dict_keyiterator, t.dict_valueiterator, t.dict_itemiterator, t.set_iterator];
    for ty in table_iterators {
        add_method(vm, ty, "__length_hint__", length_hint);
        add_method(vm, ty, "__reduce__", reduce);
    }
    for ty in [t.enumerate, t.zip, t.map, t.filter, t.callable_iterator] {
        add_method(vm, ty, "__reduce__", reduce);
    }
    add_method(vm, t.reversed, "__length_hint__", length_hint);
    add_method(vm, t.reversed, "__reduce__", reduce);
    add_method(vm, t.reversed, "__setstate__", setstate);
}

/// The length of the sequence a sequence iterator walks; None once it is
/// exhausted (CPython drops the sequence then).
fn seq_len(vm: &mut Vm, it: &SeqIterObj) -> PyResult<Option<i64>> {
    let seq = it.seq.get();
    if seq.is_none() {
        return Ok(None);
    }
    Ok(Some(match it.kind {
        SeqKind::List | SeqKind::ListReversed => list_of(seq).map_or(0, |l| l.items.len()) as i64,
        SeqKind::Tuple => tuple_of(seq).map_or(0, |t| t.len()) as i64,
        SeqKind::Str => str_of(seq).map_or(0, |s| s.char_len()) as i64,
        SeqKind::Bytes => bytes_of(seq).map_or(0, |b| b.len()) as i64,
        SeqKind::Range { len, .. } => len,
        SeqKind::GetItem | SeqKind::Callable => {
            let n = vm.len_of(seq)?;
            n as i64
        }
    }))
}

fn int(vm: &Vm, i: i64) -> Value {
    vm.heap.new_int_i64(i)
}

fn length_hint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kwnames, "__length_hint__")?;
    let it = args[0];
    if let Some(s) = Gc::<SeqIterObj>::from_value(it) {
        let index = s.index.get();
        if s.kind == SeqKind::GetItem && !s.seq.get().is_none() {
            return getitem_length_hint(vm, &s);
        }
        let left = match (seq_len(vm, &s)?, s.kind) {
            (None, SeqKind::Range { len, .. }) => len - index,
            (None, _) => 0,
            (Some(n), SeqKind::ListReversed) if index < n => index + 1,
            (Some(_), SeqKind::ListReversed) => 0,
            (Some(n), _) => n - index,
        };
        return Ok(int(vm, left.max(0)));
    }
    if Gc::<TableIterObj>::from_value(it).is_some() {
        let left = table_rest(vm, it)?.len() as i64;
        return Ok(int(vm, left));
    }
    if let Some(IterState::Reversed { seq, index }) = builtin_state(it) {
        let n = vm.len_of(seq)? as i64;
        let position = index.get() + 1;
        return Ok(int(vm, if n < position { 0 } else { position }));
    }
    Ok(int(vm, 0))
}

/// `__length_hint__` of an iterator over the `__getitem__` protocol:
/// what is left of a range beyond `i64` (CPython's `longrange_iterator`)
/// or of a sized sequence; NotImplemented for one without `__len__`.
fn getitem_length_hint(vm: &mut Vm, s: &SeqIterObj) -> PyResult {
    let (seq, index) = (s.seq.get(), s.index.get());
    if let Some(r) = Gc::<crate::object::range::RangeObj>::from_value(seq) {
        let len = crate::object::boxes::int_value(r.len).unwrap_or_default();
        let left = len - index;
        return Ok(vm.heap.new_int(left));
    }
    if vm.heap.lookup_in_type_of(seq, vm.names.dunder_len).is_none() {
        return Ok(vm.heap.singletons().not_implemented);
    }
    let n = vm.len_of(seq)? as i64;
    Ok(int(vm, (n - index).max(0)))
}

/// What a builtin iterator holds, copied out of its cell.
fn builtin_state(it: Value) -> Option<IterState> {
    let obj = Gc::<BuiltinIterObj>::from_value(it)?;
    let state = obj.state.borrow();
    Some(match &*state {
        IterState::Enumerate { iter, count } => IterState::Enumerate { iter: *iter, count: *count },
        IterState::Zip { iters } => IterState::Zip { iters: iters.clone() },
        IterState::Map { func, iters } => IterState::Map { func: *func, iters: iters.clone() },
        IterState::Filter { func, iter } => IterState::Filter { func: *func, iter: *iter },
        IterState::Reversed { seq, index } => {
            IterState::Reversed { seq: *seq, index: std::cell::Cell::new(index.get()) }
        }
        IterState::Done => IterState::Done,
    })
}

/// The items a dict or set iterator has still to give, from a copy of it.
fn table_rest(vm: &mut Vm, it: Value) -> PyResult<Vec<Value>> {
    let Some(t) = Gc::<TableIterObj>::from_value(it) else { return Ok(Vec::new()) };
    let copy = vm.new_table_iter(t.table, t.kind, t.expected_len.get());
    if let Some(c) = Gc::<TableIterObj>::from_value(copy) {
        c.pos.set(t.pos.get());
    }
    let mark = vm.push_temp(copy);
    let mut rest = Vec::new();
    let r = loop {
        match vm.iter_next(copy) {
            Ok(Some(v)) => {
                vm.push_temp(v);
                rest.push(v);
            }
            Ok(None) => break Ok(rest),
            Err(e) => break Err(e),
        }
    };
    vm.truncate_temps(mark);
    r
}

fn builtin(vm: &Vm, name: &str) -> Value {
    let key = vm.heap.intern(name);
    vm.dict_get_str_fast(vm.builtins, key).flatten().unwrap_or(Value::NONE)
}

fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kwnames, "__reduce__")?;
    let it = args[0];
    let heap = &vm.heap;
    let iter = builtin(vm, "iter");
    if let Some(s) = Gc::<SeqIterObj>::from_value(it) {
        let index = int(vm, s.index.get());
        let seq = s.seq.get();
        let t = heap.types();
        let (func, empty) = match s.kind {
            SeqKind::ListReversed => (t.reversed, heap.new_list(&[])),
            SeqKind::List => (iter, heap.new_list(&[])),
            SeqKind::Str => (iter, heap.new_str("")),
            _ => (iter, heap.new_tuple(&[])),
        };
        if let SeqKind::Range { start, step, len } = s.kind {
            let stop = start + step * len;
            let r = heap.new_range(int(vm, start), int(vm, stop), int(vm, step))?;
            let args = heap.new_tuple(&[r]);
            return Ok(heap.new_tuple(&[iter, args, index]));
        }
        if seq.is_none() {
            let args = heap.new_tuple(&[empty]);
            return Ok(heap.new_tuple(&[iter, args]));
        }
        if s.kind == SeqKind::Callable {
            // `iter(callable, sentinel)` again; its position is the
            // callable's own business.
            let args = heap.new_tuple(&[seq, s.extra]);
            return Ok(heap.new_tuple(&[iter, args]));
        }
        let args = heap.new_tuple(&[seq]);
        return Ok(heap.new_tuple(&[func, args, index]));
    }
    if Gc::<TableIterObj>::from_value(it).is_some() {
        let rest = table_rest(vm, it)?;
        let list = vm.heap.new_list(&rest);
        let args = vm.heap.new_tuple(&[list]);
        return Ok(vm.heap.new_tuple(&[iter, args]));
    }
    let ty = vm.heap.type_of(it);
    let (args, state) = match builtin_state(it) {
        Some(IterState::Enumerate { iter, count }) => (vec![iter, count], None),
        Some(IterState::Zip { iters }) => (iters, None),
        Some(IterState::Map { func, iters }) => {
            (std::iter::once(func).chain(iters).collect(), None)
        }
        Some(IterState::Filter { func, iter }) => (vec![func, iter], None),
        Some(IterState::Reversed { seq, index }) => (vec![seq], Some(int(vm, index.get()))),
        Some(IterState::Done) | None => (vec![vm.heap.new_tuple(&[])], None),
    };
    let args = vm.heap.new_tuple(&args);
    Ok(match state {
        Some(index) => vm.heap.new_tuple(&[ty, args, index]),
        None => vm.heap.new_tuple(&[ty, args]),
    })
}

fn setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let state = super::method_one_arg(vm, args, kwnames, "__setstate__")?;
    let index = match vm.as_index(state)? {
        Some(i) => i.to_i64().ok_or_else(|| {
            PyErr::overflow_error(&vm.heap, "Python int too large to convert to C ssize_t")
        })?,
        None => return Err(vm.type_error("an integer is required")),
    };
    let it = args[0];
    if let Some(s) = Gc::<SeqIterObj>::from_value(it) {
        let seq = s.seq.get();
        let bounded = Gc::<crate::object::range::RangeObj>::from_value(seq).is_some()
            || crate::object::bytes::bytearray_of(seq).is_some();
        if s.kind == SeqKind::GetItem && !bounded {
            // CPython's `seqiter` only keeps the index from going negative.
            if !seq.is_none() {
                s.index.set(index.max(0));
            }
            return Ok(Value::NONE);
        }
        let Some(n) = seq_len(vm, &s)? else { return Ok(Value::NONE) };
        let index = match s.kind {
            SeqKind::ListReversed => index.clamp(-1, n - 1),
            _ => index.clamp(0, n),
        };
        s.index.set(index);
        return Ok(Value::NONE);
    }
    if let Some(obj) = Gc::<BuiltinIterObj>::from_value(it) {
        let seq = match &*obj.state.borrow() {
            IterState::Reversed { seq, .. } => *seq,
            _ => return Ok(Value::NONE),
        };
        let n = vm.len_of(seq)? as i64;
        if let IterState::Reversed { index: cell, .. } = &*obj.state.borrow() {
            cell.set(index.clamp(-1, n - 1));
        }
    }
    Ok(Value::NONE)
}
