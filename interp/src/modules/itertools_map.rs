//! The itertools iterators that pass another iterator's items through a
//! function or a test: accumulate, compress, cycle, dropwhile, takewhile,
//! filterfalse, starmap and zip_longest, with CPython 3.8's arguments,
//! messages and pickling (`__reduce__`/`__setstate__`).

use std::cell::RefCell;

use super::itertools_args::{args_for, positional_only};
use super::support::{item_or_stop, new_class, self_iter};
use crate::builtins::{add_new, method_no_args, method_one_arg};
use crate::object::gc::Tracer;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, ObjKind, Payload, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub enum MapState {
    /// `it` is NONE once exhausted; `saved` is a list (shared with pickles,
    /// as CPython's); `firstpass` is only ever set by `__setstate__`.
    Cycle {
        it: Value,
        saved: Value,
        index: usize,
        firstpass: bool,
    },
    /// `func` NONE adds; `total` is `None` before the first item;
    /// `initial` NONE once given (or when there is none).
    Accumulate {
        it: Value,
        func: Value,
        total: Option<Value>,
        initial: Value,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    DropWhile {
        func: Value,
        it: Value,
        start: bool,
    },
    TakeWhile {
        func: Value,
        it: Value,
        stop: bool,
    },
    FilterFalse {
        func: Value,
        it: Value,
    },
    StarMap {
        func: Value,
        it: Value,
    },
    /// An exhausted iterator is NONE in `its`.
    ZipLongest {
        its: Vec<Value>,
        active: usize,
        fill: Value,
    },
}

pub struct MapObj {
    pub state: RefCell<MapState>,
}

// SAFETY: traces every value the state holds.
unsafe impl Payload for MapObj {
    const KIND: ObjKind = ObjKind::ItertoolsMap;
    fn trace(&self, tracer: &mut Tracer) {
        match &*self.state.borrow() {
            MapState::Cycle { it, saved, .. } => tracer.mark_all(&[*it, *saved]),
            MapState::Accumulate { it, func, total, initial } => {
                tracer.mark_all(&[*it, *func, *initial]);
                if let Some(t) = total {
                    tracer.mark(*t);
                }
            }
            MapState::Compress { data, selectors } => tracer.mark_all(&[*data, *selectors]),
            MapState::DropWhile { func, it, .. }
            | MapState::TakeWhile { func, it, .. }
            | MapState::FilterFalse { func, it }
            | MapState::StarMap { func, it } => tracer.mark_all(&[*func, *it]),
            MapState::ZipLongest { its, fill, .. } => {
                tracer.mark_all(its);
                tracer.mark(*fill);
            }
        }
    }
    fn extra_bytes(&self) -> usize {
        match &*self.state.borrow() {
            MapState::ZipLongest { its, .. } => its.len() * 8,
            _ => 0,
        }
    }
}

/// A class's own methods beside the common ones.
type Methods = &'static [(&'static str, NativeFn)];

/// Makes the classes in `module`.
pub fn install(vm: &mut Vm, module: Value) -> PyResult<()> {
    let reduce_only: Methods = &[];
    let with_setstate: Methods = &[("__setstate__", setstate)];
    let classes: [(&str, NativeFn, Methods); 8] = [
        ("cycle", cycle_new, with_setstate),
        ("accumulate", accumulate_new, with_setstate),
        ("compress", compress_new, reduce_only),
        ("dropwhile", dropwhile_new, with_setstate),
        ("takewhile", takewhile_new, with_setstate),
        ("filterfalse", filterfalse_new, reduce_only),
        ("starmap", starmap_new, reduce_only),
        ("zip_longest", zip_longest_new, with_setstate),
    ];
    for (name, ctor, extra) in classes {
        let mut methods: Vec<(&'static str, NativeFn)> =
            vec![("__iter__", self_iter), ("__next__", next), ("__reduce__", reduce)];
        methods.extend_from_slice(extra);
        let cls = new_class(vm, module, "itertools", name, &methods)?;
        add_new(vm, cls, ctor);
        let tp_name = vm.heap.new_str(&format!("itertools.{name}"));
        crate::builtins::set_type_attr(vm, cls, "__tachyon_tp_name__", tp_name);
    }
    Ok(())
}

fn make(vm: &Vm, cls: Value, state: MapState) -> Value {
    vm.heap.alloc(cls, MapObj { state: RefCell::new(state) }).value()
}

fn receiver(vm: &Vm, v: Value) -> PyResult<Gc<MapObj>> {
    Gc::<MapObj>::from_value(v).ok_or_else(|| {
        vm.type_error(&format!("expected an itertools object, got '{}'", vm.type_name(v)))
    })
}

fn next(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let r = step(vm, args[0])?;
    item_or_stop(vm, r)
}

// ---- constructors

fn cycle_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [iterable] = positional_only(vm, "cycle", args, kwnames)?;
    let it = vm.get_iter(iterable)?;
    let saved = vm.with_temp(it, |vm| vm.heap.new_list(&[]));
    Ok(make(vm, args[0], MapState::Cycle { it, saved, index: 0, firstpass: false }))
}

fn accumulate_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [iterable, func, initial] =
        args_for(vm, "accumulate", args, kwnames, &["iterable", "func", "initial"], 1, 2)?;
    let it = vm.get_iter(iterable.unwrap_or(Value::NONE))?;
    let state = MapState::Accumulate {
        it,
        func: func.unwrap_or(Value::NONE),
        total: None,
        initial: initial.unwrap_or(Value::NONE),
    };
    Ok(make(vm, args[0], state))
}

fn compress_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [data, selectors] = args_for(vm, "compress", args, kwnames, &["data", "selectors"], 2, 2)?;
    let data = vm.get_iter(data.unwrap_or(Value::NONE))?;
    let selectors = vm.with_temp(data, |vm| vm.get_iter(selectors.unwrap_or(Value::NONE)))?;
    Ok(make(vm, args[0], MapState::Compress { data, selectors }))
}

/// `(function, iterable)`, positional only, the iterable made an iterator.
fn func_and_iter(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<[Value; 2]> {
    let [func, iterable] = positional_only(vm, name, args, kw)?;
    Ok([func, vm.get_iter(iterable)?])
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [func, it] = func_and_iter(vm, "dropwhile", args, kwnames)?;
    Ok(make(vm, args[0], MapState::DropWhile { func, it, start: false }))
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [func, it] = func_and_iter(vm, "takewhile", args, kwnames)?;
    Ok(make(vm, args[0], MapState::TakeWhile { func, it, stop: false }))
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [func, it] = func_and_iter(vm, "filterfalse", args, kwnames)?;
    Ok(make(vm, args[0], MapState::FilterFalse { func, it }))
}

fn starmap_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [func, it] = func_and_iter(vm, "starmap", args, kwnames)?;
    Ok(make(vm, args[0], MapState::StarMap { func, it }))
}

fn zip_longest_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let npos = args.len() - kwnames.len();
    let mut fill = Value::NONE;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let is_fill = crate::object::str::str_of(*k).is_some_and(|s| s.as_wtf8() == b"fillvalue");
        if !is_fill || kwnames.len() > 1 {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = *v;
    }
    let its = super::support::map_rooted(vm, &args[1..npos], |vm, v| vm.get_iter(v))?;
    let active = its.len();
    Ok(make(vm, args[0], MapState::ZipLongest { its, active, fill }))
}

// ---- stepping

/// The next item of `it`, `None` at the end.
pub fn step(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let obj = receiver(vm, it)?;
    let mark = vm.push_temp(it);
    let r = step_state(vm, obj);
    vm.truncate_temps(mark);
    r
}

fn step_state(vm: &mut Vm, obj: Gc<MapObj>) -> PyResult<Option<Value>> {
    // Each arm copies what it needs out of the state first: the Python
    // code it runs may reach this object again.
    enum Plan {
        Cycle(Value, Value),
        Accumulate,
        Compress(Value, Value),
        DropWhile(Value, Value, bool),
        TakeWhile(Value, Value, bool),
        FilterFalse(Value, Value),
        StarMap(Value, Value),
        ZipLongest,
    }
    let plan = match &*obj.state.borrow() {
        MapState::Cycle { it, saved, .. } => Plan::Cycle(*it, *saved),
        MapState::Accumulate { .. } => Plan::Accumulate,
        MapState::Compress { data, selectors } => Plan::Compress(*data, *selectors),
        MapState::DropWhile { func, it, start } => Plan::DropWhile(*func, *it, *start),
        MapState::TakeWhile { func, it, stop } => Plan::TakeWhile(*func, *it, *stop),
        MapState::FilterFalse { func, it } => Plan::FilterFalse(*func, *it),
        MapState::StarMap { func, it } => Plan::StarMap(*func, *it),
        MapState::ZipLongest { .. } => Plan::ZipLongest,
    };
    match plan {
        Plan::Cycle(it, saved) => cycle_step(vm, obj, it, saved),
        Plan::Accumulate => accumulate_step(vm, obj),
        Plan::Compress(data, selectors) => compress_step(vm, data, selectors),
        Plan::DropWhile(func, it, start) => dropwhile_step(vm, obj, func, it, start),
        Plan::TakeWhile(func, it, stop) => takewhile_step(vm, obj, func, it, stop),
        Plan::FilterFalse(func, it) => filterfalse_step(vm, func, it),
        Plan::StarMap(func, it) => starmap_step(vm, func, it),
        Plan::ZipLongest => zip_longest_step(vm, obj),
    }
}

fn cycle_step(vm: &mut Vm, obj: Gc<MapObj>, it: Value, saved: Value) -> PyResult<Option<Value>> {
    if !it.is_none() {
        if let Some(item) = vm.iter_next(it)? {
            let firstpass = matches!(&*obj.state.borrow(), MapState::Cycle { firstpass: true, .. });
            if !firstpass {
                if let Some(list) = crate::object::list::list_of(saved) {
                    list.items.push(item);
                }
            }
            return Ok(Some(item));
        }
        if let MapState::Cycle { it, .. } = &mut *obj.state.borrow_mut() {
            *it = Value::NONE;
        }
    }
    let Some(list) = crate::object::list::list_of(saved) else { return Ok(None) };
    let len = list.items.len();
    if len == 0 {
        return Ok(None);
    }
    let mut state = obj.state.borrow_mut();
    let MapState::Cycle { index, .. } = &mut *state else { return Ok(None) };
    let at = (*index).min(len - 1);
    let item = list.items.get(at);
    *index = if at + 1 >= len { 0 } else { at + 1 };
    Ok(item)
}

fn accumulate_step(vm: &mut Vm, obj: Gc<MapObj>) -> PyResult<Option<Value>> {
    let (it, func, total, initial) = match &*obj.state.borrow() {
        MapState::Accumulate { it, func, total, initial } => (*it, *func, *total, *initial),
        _ => return Ok(None),
    };
    let set_total = |t: Value, clear_initial: bool| {
        if let MapState::Accumulate { total, initial, .. } = &mut *obj.state.borrow_mut() {
            *total = Some(t);
            if clear_initial {
                *initial = Value::NONE;
            }
        }
    };
    if !initial.is_none() {
        set_total(initial, true);
        return Ok(Some(initial));
    }
    let Some(item) = vm.iter_next(it)? else { return Ok(None) };
    let new_total = match total {
        None => item,
        Some(t) => vm.with_temp(item, |vm| {
            if func.is_none() {
                vm.binary_op(crate::bytecode::instr::BinOp::Add, t, item)
            } else {
                vm.call(func, &[t, item])
            }
        })?,
    };
    set_total(new_total, false);
    Ok(Some(new_total))
}

fn compress_step(vm: &mut Vm, data: Value, selectors: Value) -> PyResult<Option<Value>> {
    loop {
        let Some(datum) = vm.iter_next(data)? else { return Ok(None) };
        let mark = vm.push_temp(datum);
        let r = (|| {
            let Some(selector) = vm.iter_next(selectors)? else { return Ok(None) };
            Ok(Some(vm.with_temp(selector, |vm| vm.is_true(selector))?))
        })();
        vm.truncate_temps(mark);
        match r? {
            None => return Ok(None),
            Some(true) => return Ok(Some(datum)),
            Some(false) => {}
        }
    }
}

/// `func(item)` as a truth value.
fn test(vm: &mut Vm, func: Value, item: Value) -> PyResult<bool> {
    vm.with_temp(item, |vm| {
        let good = vm.call(func, &[item])?;
        vm.with_temp(good, |vm| vm.is_true(good))
    })
}

fn dropwhile_step(
    vm: &mut Vm,
    obj: Gc<MapObj>,
    func: Value,
    it: Value,
    start: bool,
) -> PyResult<Option<Value>> {
    loop {
        let Some(item) = vm.iter_next(it)? else { return Ok(None) };
        if start {
            return Ok(Some(item));
        }
        if !test(vm, func, item)? {
            if let MapState::DropWhile { start, .. } = &mut *obj.state.borrow_mut() {
                *start = true;
            }
            return Ok(Some(item));
        }
    }
}

fn takewhile_step(
    vm: &mut Vm,
    obj: Gc<MapObj>,
    func: Value,
    it: Value,
    stop: bool,
) -> PyResult<Option<Value>> {
    if stop {
        return Ok(None);
    }
    let Some(item) = vm.iter_next(it)? else { return Ok(None) };
    if test(vm, func, item)? {
        return Ok(Some(item));
    }
    if let MapState::TakeWhile { stop, .. } = &mut *obj.state.borrow_mut() {
        *stop = true;
    }
    Ok(None)
}

fn filterfalse_step(vm: &mut Vm, func: Value, it: Value) -> PyResult<Option<Value>> {
    let plain = func.is_none() || func == vm.heap.types().bool;
    loop {
        let Some(item) = vm.iter_next(it)? else { return Ok(None) };
        let ok =
            if plain { vm.with_temp(item, |vm| vm.is_true(item))? } else { test(vm, func, item)? };
        if !ok {
            return Ok(Some(item));
        }
    }
}

fn starmap_step(vm: &mut Vm, func: Value, it: Value) -> PyResult<Option<Value>> {
    let Some(args) = vm.iter_next(it)? else { return Ok(None) };
    vm.with_temp(args, |vm| {
        let tuple_t = vm.heap.types().tuple;
        let args = if vm.heap.type_of(args) == tuple_t { args } else { vm.call(tuple_t, &[args])? };
        let items = tuple_of(args).map(|t| t.items().to_vec()).unwrap_or_default();
        vm.with_temp(args, |vm| vm.call(func, &items)).map(Some)
    })
}

fn zip_longest_step(vm: &mut Vm, obj: Gc<MapObj>) -> PyResult<Option<Value>> {
    let (its, active, fill) = match &*obj.state.borrow() {
        MapState::ZipLongest { its, active, fill } => (its.clone(), *active, *fill),
        _ => return Ok(None),
    };
    if its.is_empty() || active == 0 {
        return Ok(None);
    }
    let mark = vm.stack.len();
    let r = (|| {
        let mut items = Vec::with_capacity(its.len());
        for (i, it) in its.iter().enumerate() {
            if it.is_none() {
                items.push(fill);
                continue;
            }
            let next = vm.iter_next(*it);
            let mut state = obj.state.borrow_mut();
            let MapState::ZipLongest { its, active, .. } = &mut *state else { return Ok(None) };
            match next {
                Ok(Some(v)) => {
                    vm.stack.push(v);
                    items.push(v);
                }
                Ok(None) => {
                    *active = active.saturating_sub(1);
                    if *active == 0 {
                        return Ok(None);
                    }
                    its[i] = Value::NONE;
                    items.push(fill);
                }
                Err(e) => {
                    *active = 0;
                    return Err(e);
                }
            }
        }
        Ok(Some(vm.heap.new_tuple(&items)))
    })();
    vm.truncate_temps(mark);
    r
}

// ---- pickling

/// `__reduce__`: what rebuilds the iterator where it stands.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let this = args[0];
    let obj = receiver(vm, this)?;
    let cls = vm.heap.type_of(this);
    let mark = vm.stack.len();
    let r = reduce_state(vm, obj, cls);
    vm.truncate_temps(mark);
    r
}

/// A tuple of `items`, kept rooted until the caller truncates.
fn rooted_tuple(vm: &mut Vm, items: &[Value]) -> Value {
    let t = vm.heap.new_tuple(items);
    vm.push_temp(t);
    t
}

fn small(n: usize) -> Value {
    Value::from_small_int(n as i64).unwrap_or(Value::NONE)
}

fn reduce_state(vm: &mut Vm, obj: Gc<MapObj>, cls: Value) -> PyResult {
    enum Plan {
        Simple([Value; 2]),
        WithState([Value; 2], Value),
        Cycle { it: Value, saved: Value, index: usize, firstpass: bool },
        Accumulate { it: Value, func: Value, total: Option<Value>, initial: Value },
        Zip(Vec<Value>, Value),
    }
    let plan = match &*obj.state.borrow() {
        MapState::Cycle { it, saved, index, firstpass } => {
            Plan::Cycle { it: *it, saved: *saved, index: *index, firstpass: *firstpass }
        }
        MapState::Accumulate { it, func, total, initial } => {
            Plan::Accumulate { it: *it, func: *func, total: *total, initial: *initial }
        }
        MapState::Compress { data, selectors } => Plan::Simple([*data, *selectors]),
        MapState::DropWhile { func, it, start } => {
            Plan::WithState([*func, *it], small(*start as usize))
        }
        MapState::TakeWhile { func, it, stop } => {
            Plan::WithState([*func, *it], small(*stop as usize))
        }
        MapState::FilterFalse { func, it } | MapState::StarMap { func, it } => {
            Plan::Simple([*func, *it])
        }
        MapState::ZipLongest { its, fill, .. } => Plan::Zip(its.clone(), *fill),
    };
    Ok(match plan {
        Plan::Simple(a) => {
            let a = rooted_tuple(vm, &a);
            vm.heap.new_tuple(&[cls, a])
        }
        Plan::WithState(a, st) => {
            let a = rooted_tuple(vm, &a);
            vm.heap.new_tuple(&[cls, a, st])
        }
        Plan::Cycle { it, saved, index, firstpass } => {
            if it.is_none() {
                let it = vm.get_iter(saved)?;
                vm.push_temp(it);
                if index != 0 {
                    vm.call_method_by_name(it, "__setstate__", &[small(index)])?;
                }
                let a = rooted_tuple(vm, &[it]);
                let st = rooted_tuple(vm, &[saved, small(1)]);
                vm.heap.new_tuple(&[cls, a, st])
            } else {
                let a = rooted_tuple(vm, &[it]);
                let st = rooted_tuple(vm, &[saved, small(firstpass as usize)]);
                vm.heap.new_tuple(&[cls, a, st])
            }
        }
        Plan::Accumulate { it, func, total, initial } => {
            if !initial.is_none() {
                let chain = super::support::native_module_attr(vm, "itertools", "chain")?;
                let first = rooted_tuple(vm, &[initial]);
                let joined = vm.call(chain, &[first, it])?;
                vm.push_temp(joined);
                let a = rooted_tuple(vm, &[joined, func]);
                vm.heap.new_tuple(&[cls, a, Value::NONE])
            } else if total == Some(Value::NONE) {
                let chain = super::support::native_module_attr(vm, "itertools", "chain")?;
                let islice = super::support::native_module_attr(vm, "itertools", "islice")?;
                let first = rooted_tuple(vm, &[Value::NONE]);
                let joined = vm.call(chain, &[first, it])?;
                vm.push_temp(joined);
                let inner = vm.call(cls, &[joined, func])?;
                vm.push_temp(inner);
                let a = rooted_tuple(vm, &[inner, small(1), Value::NONE]);
                vm.heap.new_tuple(&[islice, a])
            } else {
                let a = rooted_tuple(vm, &[it, func]);
                vm.heap.new_tuple(&[cls, a, total.unwrap_or(Value::NONE)])
            }
        }
        Plan::Zip(its, fill) => {
            let mut parts = Vec::with_capacity(its.len());
            for it in its {
                parts.push(if it.is_none() { rooted_tuple(vm, &[]) } else { it });
            }
            let a = rooted_tuple(vm, &parts);
            vm.heap.new_tuple(&[cls, a, fill])
        }
    })
}

fn setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let state = method_one_arg(vm, args, kwnames, "__setstate__")?;
    let obj = receiver(vm, args[0])?;
    let is_cycle = matches!(&*obj.state.borrow(), MapState::Cycle { .. });
    if is_cycle {
        let Some(parts) = tuple_of(state).map(|t| t.items().to_vec()) else {
            return Err(vm.type_error("state is not a tuple"));
        };
        let [saved, firstpass] = parts[..] else {
            return Err(vm.type_error(&format!(
                "function takes exactly 2 arguments ({} given)",
                parts.len()
            )));
        };
        if crate::object::list::list_of(saved).is_none()
            || vm.heap.type_of(saved) != vm.heap.types().list
                && !vm.heap.is_instance(saved, vm.heap.types().list)
        {
            return Err(
                vm.type_error(&format!("argument 1 must be list, not {}", vm.type_name(saved)))
            );
        }
        let firstpass = crate::builtins::str_methods::ssize_arg(vm, firstpass)? != 0;
        if let MapState::Cycle { saved: s, firstpass: f, index, .. } = &mut *obj.state.borrow_mut()
        {
            *s = saved;
            *f = firstpass;
            *index = 0;
        }
        return Ok(Value::NONE);
    }
    let truth =
        matches!(&*obj.state.borrow(), MapState::DropWhile { .. } | MapState::TakeWhile { .. });
    let flag = if truth { vm.is_true(state)? } else { false };
    match &mut *obj.state.borrow_mut() {
        MapState::DropWhile { start, .. } => *start = flag,
        MapState::TakeWhile { stop, .. } => *stop = flag,
        MapState::Accumulate { total, .. } => *total = Some(state),
        MapState::ZipLongest { fill, .. } => *fill = state,
        _ => {}
    }
    Ok(Value::NONE)
}
