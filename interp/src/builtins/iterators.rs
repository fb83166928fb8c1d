//! `enumerate`, `zip`, `map`, `filter`, `reversed` and `iter(f, sentinel)`.

use std::cell::{Cell, RefCell};

use super::{add_method, add_new, split_kwargs, unexpected_kw};
use crate::object::gc::Tracer;
use crate::object::Value;
use crate::object::{Gc, ObjKind, Payload};
use crate::vm::iter::{SeqIterObj, SeqKind};
use crate::vm::{PyResult, Vm};

/// The state of one builtin iterator.
pub enum IterState {
    Enumerate {
        iter: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `reversed(seq)` over `__getitem__`: `index` counts down.
    Reversed {
        seq: Value,
        index: Cell<i64>,
    },
    Done,
}

pub struct BuiltinIterObj {
    pub state: RefCell<IterState>,
}

// SAFETY: traces every value the state holds.
unsafe impl Payload for BuiltinIterObj {
    const KIND: ObjKind = ObjKind::BuiltinIter;
    fn trace(&self, tracer: &mut Tracer) {
        match &*self.state.borrow() {
            IterState::Enumerate { iter, count } => tracer.mark_all(&[*iter, *count]),
            IterState::Zip { iters } => tracer.mark_all(iters),
            IterState::Map { func, iters } => {
                tracer.mark(*func);
                tracer.mark_all(iters);
            }
            IterState::Filter { func, iter } => tracer.mark_all(&[*func, *iter]),
            IterState::Reversed { seq, .. } => tracer.mark(*seq),
            IterState::Done => {}
        }
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    add_new(vm, t.enumerate, enumerate_new);
    add_new(vm, t.zip, zip_new);
    add_new(vm, t.map, map_new);
    add_new(vm, t.filter, filter_new);
    add_new(vm, t.reversed, reversed_new);
    add_method(vm, t.dict, "__reversed__", dict_reversed);
    for ty in [t.enumerate, t.zip, t.map, t.filter, t.reversed] {
        add_method(vm, ty, "__next__", builtin_next);
        add_method(vm, ty, "__iter__", self_iter);
    }
    let native_iterators = [
        t.list_iterator,
        t.list_reverseiterator,
        t.tuple_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.range_iterator,
        t.longrange_iterator,
        t.iterator,
        t.callable_iterator,
        t.dict_keyiterator,
        t.dict_reversekeyiterator,
        t.dict_reversevalueiterator,
        t.dict_reverseitemiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
    ];
    for ty in native_iterators {
        add_method(vm, ty, "__next__", native_iterator_next);
        add_method(vm, ty, "__iter__", self_iter);
    }
}

fn make(vm: &Vm, cls: Value, state: IterState) -> Value {
    vm.heap.alloc(cls, BuiltinIterObj { state: RefCell::new(state) }).value()
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    super::at_most(vm, "enumerate", pos.len(), 2)?;
    let mut iterable = pos.first().copied();
    let mut start = pos.get(1).copied().unwrap_or(Value::from_small_int(0).expect("0"));
    let mut unknown = None;
    for (k, v) in kws {
        match k.as_str() {
            "iterable" => iterable = Some(v),
            "start" => start = v,
            _ => unknown = unknown.or(Some(k)),
        }
    }
    let Some(iterable) = iterable else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    if let Some(k) = unknown {
        return Err(unexpected_kw(vm, "enumerate", &k));
    }
    let Some(index) = vm.as_index(start)? else {
        return Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(start)
        )));
    };
    // Counting starts from an exact int, whatever gave it.
    let start = vm.heap.new_int_from(index);
    let iter = vm.get_iter(iterable)?;
    Ok(make(vm, args[0], IterState::Enumerate { iter, count: start }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("zip() takes no keyword arguments"));
    }
    let mut iters = Vec::new();
    let mark = vm.stack.len();
    for &a in &args[1..] {
        match vm.get_iter(a) {
            Ok(it) => {
                vm.stack.push(it);
                iters.push(it);
            }
            Err(e) => {
                vm.truncate_temps(mark);
                return Err(e);
            }
        }
    }
    vm.truncate_temps(mark);
    Ok(make(vm, args[0], IterState::Zip { iters }))
}

fn map_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    let mark = vm.stack.len();
    for &a in &args[2..] {
        let it = vm.get_iter(a);
        match it {
            Ok(it) => {
                vm.stack.push(it);
                iters.push(it);
            }
            Err(e) => {
                vm.truncate_temps(mark);
                return Err(e);
            }
        }
    }
    vm.truncate_temps(mark);
    Ok(make(vm, args[0], IterState::Map { func: args[1], iters }))
}

fn filter_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(&format!("filter expected 2 arguments, got {}", args.len() - 1)));
    }
    let iter = vm.get_iter(args[2])?;
    Ok(make(vm, args[0], IterState::Filter { func: args[1], iter }))
}

pub(crate) fn reversed_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::no_kwargs(vm, "reversed", args, kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!("reversed expected 1 argument, got {}", args.len() - 1)));
    }
    let seq = args[1];
    if seq.is_ptr() && vm.heap.type_obj(seq).is_heap_type() {
        let rev = vm.heap.intern("__reversed__");
        if let Some(m) = vm.heap.lookup_in_type_of(seq, rev) {
            // `__reversed__ = None` opts out, as `__iter__ = None` does.
            if m.is_none() {
                let msg = format!("'{}' object is not reversible", vm.type_name(seq));
                return Err(vm.type_error(&msg));
            }
            return vm.call_method_value(m, seq, &[]);
        }
    }
    reversed_builtin(vm, args[0], seq)
}

/// `list.__reversed__` and `range.__reversed__`.
pub(crate) fn reversed_method(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_kwargs(vm, "__reversed__", kwnames)?;
    let [seq] = args else {
        return Err(vm.type_error(&format!(
            "__reversed__() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    if let Some(r) = Gc::<crate::object::range::RangeObj>::from_value(*seq) {
        return vm.range_reversed_iter(r);
    }
    reversed_builtin(vm, vm.heap.types().reversed, *seq)
}

/// `reversed(seq)` (an instance of `cls`) by `seq`'s built-in layout,
/// without asking its `__reversed__`.
fn reversed_builtin(vm: &mut Vm, cls: Value, seq: Value) -> PyResult {
    if crate::object::dict::dict_of(seq).is_some() {
        return dict_reversed(vm, &[seq], &[]);
    }
    if let Some(l) = crate::object::list::list_of(seq) {
        let it = SeqIterObj {
            seq: Cell::new(seq),
            index: Cell::new(l.items.len() as i64 - 1),
            range_start: 0,
            range_step: 0,
            range_len: 0,
            kind: SeqKind::ListReversed,
            extra: Value::NONE,
        };
        return Ok(vm.heap.alloc(vm.heap.types().list_reverseiterator, it).value());
    }
    if let Some(r) = Gc::<crate::object::range::RangeObj>::from_value(seq) {
        return vm.range_reversed_iter(r);
    }
    if let Some(r) = super::view_methods::reversed_view(vm, seq) {
        return r;
    }
    let unordered =
        vm.is_set_like(seq) || Gc::<crate::vm::containers::WrapperObj>::from_value(seq).is_some();
    if crate::object::dict::dict_of(seq).is_some() || unordered {
        return Err(vm.type_error(&format!("'{}' object is not reversible", vm.type_name(seq))));
    }
    let len = match vm.len_of(seq) {
        Ok(n) => n,
        Err(_) => {
            return Err(vm.type_error(&format!("'{}' object is not reversible", vm.type_name(seq))))
        }
    };
    Ok(make(vm, cls, IterState::Reversed { seq, index: Cell::new(len as i64 - 1) }))
}

/// `dict.__reversed__`: the keys, last inserted first, over a snapshot of
/// them (CPython's iterator is live and fails if the dict changes size).
fn dict_reversed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let Some(&d) = args.first().filter(|&&d| crate::object::dict::dict_of(d).is_some()) else {
        return Err(vm.type_error("descriptor '__reversed__' requires a 'dict' object"));
    };
    super::method_no_args(vm, args, kw, "__reversed__")?;
    let keys: Vec<Value> = vm.dict_items(d).into_iter().map(|(k, _)| k).collect();
    let ty = vm.heap.types().dict_reversekeyiterator;
    Ok(reversed_snapshot(vm, ty, &keys))
}

/// An iterator of type `ty` over `items`, last first (CPython's reverse
/// dict iterators, here over a snapshot).
pub fn reversed_snapshot(vm: &Vm, ty: Value, items: &[Value]) -> Value {
    let snapshot = vm.heap.new_list(items);
    let it = SeqIterObj {
        seq: Cell::new(snapshot),
        index: Cell::new(items.len() as i64 - 1),
        range_start: 0,
        range_step: 0,
        range_len: 0,
        kind: SeqKind::ListReversed,
        extra: Value::NONE,
    };
    vm.heap.alloc(ty, it).value()
}

/// `iter(callable, sentinel)`.
pub fn callable_iterator(vm: &mut Vm, func: Value, sentinel: Value) -> PyResult {
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    let it = SeqIterObj::new(func, 0, SeqKind::Callable, sentinel);
    Ok(vm.heap.alloc(vm.heap.types().callable_iterator, it).value())
}

fn self_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(args[0])
}

fn builtin_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match next_of(vm, args[0])? {
        Some(v) => Ok(v),
        None => Err(crate::object::PyErr::with_args(&vm.heap, vm.heap.types().stop_iteration, &[])),
    }
}

/// `__next__` of the VM's own iterators (list, str, dict, set, ...).
fn native_iterator_next(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kwnames, "__next__")?;
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => Err(crate::object::PyErr::with_args(&vm.heap, vm.heap.types().stop_iteration, &[])),
    }
}

/// One step of a builtin iterator; `None` when exhausted.
pub fn next_of(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(obj) = Gc::<BuiltinIterObj>::from_value(it) else {
        return Err(vm.type_error("expected a builtin iterator"));
    };
    let mark = vm.push_temp(it);
    let r = step(vm, obj);
    vm.truncate_temps(mark);
    // Only `reversed` lets go of its sequence at the end; enumerate, zip,
    // map and filter ask their iterators again each time, as CPython's.
    if matches!(r, Ok(None)) && matches!(*obj.state.borrow(), IterState::Reversed { .. }) {
        *obj.state.borrow_mut() = IterState::Done;
    }
    r
}

/// The next `(count, item)` of enumerate object `it` without building the
/// tuple (compiled traces unpack it at once); `None` when exhausted or
/// when `it` is no enumerate.
pub(crate) fn enumerate_next_pair(vm: &mut Vm, it: Value) -> PyResult<Option<(Value, Value)>> {
    let Some(obj) = Gc::<BuiltinIterObj>::from_value(it) else { return Ok(None) };
    let (iter, count) = match &*obj.state.borrow() {
        IterState::Enumerate { iter, count } => (*iter, *count),
        _ => return Ok(None),
    };
    let Some(item) = vm.iter_next(iter)? else { return Ok(None) };
    let next_count = match count.as_small_int().and_then(|n| Value::from_small_int(n + 1)) {
        Some(next) => next,
        None => {
            let one = Value::from_small_int(1).expect("1");
            vm.binary_op(crate::bytecode::instr::BinOp::Add, count, one)?
        }
    };
    if let IterState::Enumerate { count: c, .. } = &mut *obj.state.borrow_mut() {
        *c = next_count;
    }
    Ok(Some((count, item)))
}

fn step(vm: &mut Vm, obj: Gc<BuiltinIterObj>) -> PyResult<Option<Value>> {
    enum Plan {
        Enumerate,
        Zip(Vec<Value>),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Reversed(Value, i64),
        Done,
    }
    let plan = match &*obj.state.borrow() {
        IterState::Enumerate { .. } => Plan::Enumerate,
        IterState::Zip { iters } => Plan::Zip(iters.clone()),
        IterState::Map { func, iters } => Plan::Map(*func, iters.clone()),
        IterState::Filter { func, iter } => Plan::Filter(*func, *iter),
        IterState::Reversed { seq, index } => Plan::Reversed(*seq, index.get()),
        IterState::Done => Plan::Done,
    };
    match plan {
        Plan::Done => Ok(None),
        Plan::Enumerate => Ok(enumerate_next_pair(vm, obj.value())?
            .map(|(count, item)| vm.heap.new_tuple(&[count, item]))),
        Plan::Zip(iters) => {
            if iters.is_empty() {
                return Ok(None);
            }
            let mark = vm.stack.len();
            for it in &iters {
                match vm.iter_next(*it) {
                    Ok(Some(v)) => vm.stack.push(v),
                    Ok(None) => {
                        vm.truncate_temps(mark);
                        return Ok(None);
                    }
                    Err(e) => {
                        vm.truncate_temps(mark);
                        return Err(e);
                    }
                }
            }
            let t = vm.heap.new_tuple(&vm.stack[mark..]);
            vm.truncate_temps(mark);
            Ok(Some(t))
        }
        Plan::Map(func, iters) => {
            let mark = vm.stack.len();
            for it in &iters {
                match vm.iter_next(*it) {
                    Ok(Some(v)) => vm.stack.push(v),
                    Ok(None) => {
                        vm.truncate_temps(mark);
                        return Ok(None);
                    }
                    Err(e) => {
                        vm.truncate_temps(mark);
                        return Err(e);
                    }
                }
            }
            let call_args = vm.stack[mark..].to_vec();
            let r = vm.call(func, &call_args);
            vm.truncate_temps(mark);
            r.map(Some)
        }
        Plan::Filter(func, iter) => loop {
            let Some(item) = vm.iter_next(iter)? else { return Ok(None) };
            let mark = vm.push_temp(item);
            let keep = if func.is_none() {
                vm.is_true(item)
            } else {
                vm.call(func, &[item]).and_then(|r| vm.is_true(r))
            };
            vm.truncate_temps(mark);
            if keep? {
                return Ok(Some(item));
            }
        },
        Plan::Reversed(seq, index) => {
            if index < 0 {
                return Ok(None);
            }
            if let IterState::Reversed { index: i, .. } = &*obj.state.borrow() {
                i.set(index - 1);
            }
            let key = vm.heap.new_int_i64(index);
            vm.get_item(seq, key).map(Some)
        }
    }
}
