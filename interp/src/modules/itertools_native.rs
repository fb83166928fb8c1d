//! The native iterators of `itertools`: chain, islice, count and repeat,
//! with CPython 3.8's arguments, messages, reprs and pickling
//! (`__reduce__`/`__setstate__`). The rest of the module is Python text
//! (`itertools.py`) run in the same namespace.

use std::cell::RefCell;

use super::itertools_args::no_keywords;
use super::support::{item_or_stop, new_class, self_iter, two_optional_args};
use crate::builtins::str_methods::ssize_arg;
use crate::builtins::{add_class_method, add_new, method_no_args, method_one_arg};
use crate::number::Int;
use crate::object::gc::Tracer;
use crate::object::{Gc, ObjKind, Payload, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy)]
pub enum ItState {
    /// `source` gives the iterables (NONE once exhausted); `active` is
    /// the iterator being drained (NONE between two).
    Chain { source: Value, active: Value },
    /// CPython's islice fields: `it` is NONE once exhausted; `next` is the
    /// position of the next item to give, `count` how many were consumed.
    Islice { it: Value, next: usize, stop: Option<usize>, step: usize, count: usize },
    /// `fast`: started from an int with an int step of 1 (CPython's
    /// `cnt` mode), which shows in the repr and pickle.
    Count { n: Value, step: Value, fast: bool },
    /// `times` is `None` for an endless repeat.
    Repeat { object: Value, times: Option<i64> },
}

pub struct ItertoolsObj {
    pub state: RefCell<ItState>,
}

// SAFETY: traces every value the state holds.
unsafe impl Payload for ItertoolsObj {
    const KIND: ObjKind = ObjKind::Itertools;
    fn trace(&self, tracer: &mut Tracer) {
        match &*self.state.borrow() {
            ItState::Chain { source, active } => tracer.mark_all(&[*source, *active]),
            ItState::Islice { it, .. } => tracer.mark(*it),
            ItState::Count { n, step, .. } => tracer.mark_all(&[*n, *step]),
            ItState::Repeat { object, .. } => tracer.mark(*object),
        }
    }
}

/// A class's own methods beside the common ones.
type Methods = &'static [(&'static str, NativeFn)];

/// Makes the native classes in `module`.
pub fn install(vm: &mut Vm, module: Value) -> PyResult<()> {
    let common: [(&'static str, NativeFn); 3] =
        [("__iter__", self_iter), ("__next__", next), ("__reduce__", reduce)];
    let classes: [(&str, NativeFn, Methods); 4] = [
        ("chain", chain_new, &[("__setstate__", chain_setstate)]),
        ("islice", islice_new, &[("__setstate__", islice_setstate)]),
        ("count", count_new, &[("__repr__", count_repr)]),
        ("repeat", repeat_new, &[("__repr__", repeat_repr), ("__length_hint__", repeat_hint)]),
    ];
    for (name, ctor, extra) in classes {
        let methods: Vec<(&'static str, NativeFn)> =
            common.iter().chain(extra.iter()).copied().collect();
        let cls = new_class(vm, module, "itertools", name, &methods)?;
        add_new(vm, cls, ctor);
        let tp_name = vm.heap.new_str(&format!("itertools.{name}"));
        crate::builtins::set_type_attr(vm, cls, "__tachyon_tp_name__", tp_name);
        if name == "chain" {
            add_class_method(vm, cls, "from_iterable", chain_from_iterable);
        }
    }
    Ok(())
}

fn make(vm: &Vm, cls: Value, state: ItState) -> Value {
    vm.heap.alloc(cls, ItertoolsObj { state: RefCell::new(state) }).value()
}

fn receiver(vm: &Vm, v: Value) -> PyResult<Gc<ItertoolsObj>> {
    Gc::<ItertoolsObj>::from_value(v).ok_or_else(|| {
        vm.type_error(&format!("expected an itertools object, got '{}'", vm.type_name(v)))
    })
}

fn next(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let r = step(vm, args[0])?;
    item_or_stop(vm, r)
}

// ---- chain

fn chain_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    no_keywords(vm, "chain", args[0], kwnames)?;
    // A subclass's keywords are its `__init__`'s.
    let args = &args[..args.len() - kwnames.len()];
    let iterables = vm.heap.new_tuple(&args[1..]);
    let source = vm.with_temp(iterables, |vm| vm.get_iter(iterables))?;
    Ok(make(vm, args[0], ItState::Chain { source, active: Value::NONE }))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let iterable = method_one_arg(vm, args, kwnames, "from_iterable")?;
    let source = vm.get_iter(iterable)?;
    Ok(make(vm, args[0], ItState::Chain { source, active: Value::NONE }))
}

fn chain_setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let state = method_one_arg(vm, args, kwnames, "__setstate__")?;
    let obj = receiver(vm, args[0])?;
    let Some(parts) = crate::object::tuple::tuple_of(state).map(|t| t.items().to_vec()) else {
        return Err(vm.type_error("state is not a tuple"));
    };
    if parts.is_empty() || parts.len() > 2 {
        return Err(vm.type_error(&format!(
            "function takes at {} 1 argument{} ({} given)",
            if parts.is_empty() { "least" } else { "most" },
            if parts.is_empty() { "" } else { "s" },
            parts.len()
        )));
    }
    let source = parts[0];
    let active = parts.get(1).copied().unwrap_or(Value::NONE);
    if !vm.is_iterator(source) || (!active.is_none() && !vm.is_iterator(active)) {
        return Err(vm.type_error("Arguments must be iterators."));
    }
    *obj.state.borrow_mut() = ItState::Chain { source, active };
    Ok(Value::NONE)
}

fn chain_step(vm: &mut Vm, obj: Gc<ItertoolsObj>) -> PyResult<Option<Value>> {
    loop {
        let (source, active) = match &*obj.state.borrow() {
            ItState::Chain { source, active } => (*source, *active),
            _ => return Ok(None),
        };
        if source.is_none() {
            return Ok(None);
        }
        if !active.is_none() {
            if let Some(v) = vm.iter_next(active)? {
                return Ok(Some(v));
            }
            set_chain(obj, source, Value::NONE);
            continue;
        }
        match vm.iter_next(source)? {
            Some(iterable) => {
                let it = vm.with_temp(iterable, |vm| vm.get_iter(iterable))?;
                set_chain(obj, source, it);
            }
            None => set_chain(obj, Value::NONE, Value::NONE),
        }
    }
}

fn set_chain(obj: Gc<ItertoolsObj>, source: Value, active: Value) {
    *obj.state.borrow_mut() = ItState::Chain { source, active };
}

// ---- islice

const STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// An islice bound as `PyNumber_AsSsize_t` reads it, `-1` for anything
/// that fails (CPython clears the error and reports its own).
fn islice_arg(vm: &mut Vm, v: Value, default: i64) -> PyResult<i64> {
    if v.is_none() {
        return Ok(default);
    }
    Ok(match vm.as_index(v)? {
        Some(Int::Small(i)) => i,
        _ => -1,
    })
}

fn islice_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    no_keywords(vm, "islice", args[0], kwnames)?;
    let args = &args[..args.len() - kwnames.len()];
    let n = args.len() - 1;
    if !(2..=4).contains(&n) {
        let bound = if n < 2 { "at least 2" } else { "at most 4" };
        return Err(vm.type_error(&format!("islice expected {bound} arguments, got {n}")));
    }
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    if n == 2 {
        if !args[2].is_none() {
            stop = islice_arg(vm, args[2], -1)?;
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    } else {
        start = islice_arg(vm, args[2], 0)?;
        if !args[3].is_none() {
            stop = islice_arg(vm, args[3], -1)?;
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(INDEX_MSG));
    }
    if let Some(&s) = args.get(4) {
        step = islice_arg(vm, s, 1)?;
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.get_iter(args[1])?;
    let state = ItState::Islice {
        it,
        next: start as usize,
        stop: (stop >= 0).then_some(stop as usize),
        step: step as usize,
        count: 0,
    };
    Ok(make(vm, args[0], state))
}

fn islice_setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let state = method_one_arg(vm, args, kwnames, "__setstate__")?;
    let obj = receiver(vm, args[0])?;
    // `PyLong_AsSsize_t`: an int, nothing converted.
    let n = match vm.as_int(state) {
        Some(Int::Small(n)) if !state.is_float() => n,
        Some(Int::Big(_)) => {
            return Err(PyErr::overflow_error(
                &vm.heap,
                "Python int too large to convert to C ssize_t",
            ))
        }
        _ => return Err(vm.type_error("an integer is required")),
    };
    if let ItState::Islice { count, .. } = &mut *obj.state.borrow_mut() {
        *count = n.max(0) as usize;
    }
    Ok(Value::NONE)
}

fn islice_step(vm: &mut Vm, obj: Gc<ItertoolsObj>) -> PyResult<Option<Value>> {
    let (it, next, stop, step) = match &*obj.state.borrow() {
        ItState::Islice { it, next, stop, step, .. } => (*it, *next, *stop, *step),
        _ => return Ok(None),
    };
    if it.is_none() {
        return Ok(None);
    }
    let r = (|| {
        while islice_count(obj) < next {
            if vm.iter_next(it)?.is_none() {
                return Ok(None);
            }
            bump_count(obj);
        }
        if stop.is_some_and(|s| islice_count(obj) >= s) {
            return Ok(None);
        }
        let Some(item) = vm.iter_next(it)? else { return Ok(None) };
        bump_count(obj);
        Ok(Some(item))
    })();
    match r {
        Ok(Some(item)) => {
            if let ItState::Islice { next: n, .. } = &mut *obj.state.borrow_mut() {
                let after = next.checked_add(step);
                *n = match (after, stop) {
                    (Some(a), Some(s)) if a > s => s,
                    (Some(a), _) => a,
                    (None, Some(s)) => s,
                    (None, None) => usize::MAX,
                };
            }
            Ok(Some(item))
        }
        other => {
            // The end (or an error) lets go of the underlying iterator.
            if let ItState::Islice { it, .. } = &mut *obj.state.borrow_mut() {
                *it = Value::NONE;
            }
            other
        }
    }
}

fn islice_count(obj: Gc<ItertoolsObj>) -> usize {
    match &*obj.state.borrow() {
        ItState::Islice { count, .. } => *count,
        _ => 0,
    }
}

fn bump_count(obj: Gc<ItertoolsObj>) {
    if let ItState::Islice { count, .. } = &mut *obj.state.borrow_mut() {
        *count += 1;
    }
}

// ---- count

fn count_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [start, step] = two_optional_args(vm, "count", &args[1..], kwnames, ["start", "step"])?;
    for v in [start, step].into_iter().flatten() {
        if !super::csv::is_number(vm, v) {
            return Err(vm.type_error("a number is required"));
        }
    }
    let one = Value::from_small_int(1).expect("1");
    let step = step.unwrap_or(one);
    // CPython's fast mode: an int start that fits and a step of exactly 1.
    let start_int = match start {
        None => Some(0),
        Some(v) if vm.as_num(v).is_some() && v.as_f64().is_none() => match vm.as_int(v) {
            Some(Int::Small(i)) => Some(i),
            _ => None,
        },
        Some(_) => None,
    };
    let step_is_one = v_is_int(vm, step) && matches!(vm.as_int(step), Some(Int::Small(1)));
    let (n, fast) = match start_int {
        Some(i) if step_is_one => (vm.heap.new_int_i64(i), true),
        _ => (start.unwrap_or(Value::from_small_int(0).expect("0")), false),
    };
    Ok(make(vm, args[0], ItState::Count { n, step, fast }))
}

/// Is `v` an int (bool included), as `PyLong_Check` asks?
fn v_is_int(vm: &Vm, v: Value) -> bool {
    v.as_small_int().is_some() || v.as_bool().is_some() || vm.as_int(v).is_some() && !v.is_float()
}

fn count_step(vm: &mut Vm, obj: Gc<ItertoolsObj>) -> PyResult<Option<Value>> {
    let (n, step) = match &*obj.state.borrow() {
        ItState::Count { n, step, .. } => (*n, *step),
        _ => return Ok(None),
    };
    let after = match (n.as_small_int(), step.as_small_int()) {
        (Some(a), Some(b)) => a.checked_add(b).and_then(Value::from_small_int),
        _ => None,
    };
    let after = match after {
        Some(v) => v,
        None => vm.with_temp(n, |vm| vm.binary_op(crate::bytecode::instr::BinOp::Add, n, step))?,
    };
    if let ItState::Count { n: slot, .. } = &mut *obj.state.borrow_mut() {
        *slot = after;
    }
    Ok(Some(n))
}

/// Whether a count still shows as CPython's fast mode: a start-and-step-1
/// count whose value has not passed `sys.maxsize`.
fn count_is_fast(vm: &Vm, n: Value, fast: bool) -> bool {
    fast && matches!(vm.as_int(n), Some(Int::Small(i)) if i < i64::MAX)
}

fn count_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__repr__")?;
    let obj = receiver(vm, args[0])?;
    let (n, step, fast) = match &*obj.state.borrow() {
        ItState::Count { n, step, fast } => (*n, *step, *fast),
        _ => return Err(vm.type_error("not a count")),
    };
    let name = vm.heap.type_obj(args[0]).name();
    let n_text = vm.repr_of_value(n)?;
    let step_one = v_is_int(vm, step) && matches!(vm.as_int(step), Some(Int::Small(1)));
    let text = if count_is_fast(vm, n, fast) || step_one {
        format!("{name}({n_text})")
    } else {
        let step_text = vm.repr_of_value(step)?;
        format!("{name}({n_text}, {step_text})")
    };
    Ok(vm.heap.new_str_from_string(text))
}

// ---- repeat

fn repeat_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [object, times] =
        two_optional_args(vm, "repeat", &args[1..], kwnames, ["object", "times"])?;
    let Some(object) = object else {
        return Err(vm.type_error("repeat() missing required argument 'object' (pos 1)"));
    };
    let times = match times {
        Some(t) => Some(ssize_arg(vm, t)?.max(0)),
        None => None,
    };
    Ok(make(vm, args[0], ItState::Repeat { object, times }))
}

fn repeat_parts(vm: &Vm, v: Value) -> PyResult<(Value, Option<i64>)> {
    match &*receiver(vm, v)?.state.borrow() {
        ItState::Repeat { object, times } => Ok((*object, *times)),
        _ => Err(vm.type_error("not a repeat")),
    }
}

fn repeat_repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__repr__")?;
    let (object, times) = repeat_parts(vm, args[0])?;
    let name = vm.heap.type_obj(args[0]).name();
    let text = vm.repr_of_value(object)?;
    let s = match times {
        None => format!("{name}({text})"),
        Some(t) => format!("{name}({text}, {t})"),
    };
    Ok(vm.heap.new_str_from_string(s))
}

fn repeat_hint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__length_hint__")?;
    match repeat_parts(vm, args[0])? {
        (_, Some(t)) => Ok(vm.heap.new_int_i64(t)),
        (_, None) => Err(vm.type_error("len() of unsized object")),
    }
}

// ---- all of them

/// The next item of itertools object `it`, `None` at the end.
pub fn step(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let obj = receiver(vm, it)?;
    let state = *obj.state.borrow();
    let mark = vm.push_temp(it);
    let r = match state {
        ItState::Repeat { object, times: None } => Ok(Some(object)),
        ItState::Repeat { object, times: Some(t) } => {
            if t <= 0 {
                Ok(None)
            } else {
                *obj.state.borrow_mut() = ItState::Repeat { object, times: Some(t - 1) };
                Ok(Some(object))
            }
        }
        ItState::Chain { .. } => chain_step(vm, obj),
        ItState::Islice { .. } => islice_step(vm, obj),
        ItState::Count { .. } => count_step(vm, obj),
    };
    vm.truncate_temps(mark);
    r
}

/// `__reduce__`: what rebuilds the iterator where it stands.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let this = args[0];
    let obj = receiver(vm, this)?;
    let cls = vm.heap.type_of(this);
    let mark = vm.stack.len();
    let tuple = |vm: &mut Vm, items: &[Value]| {
        let t = vm.heap.new_tuple(items);
        vm.push_temp(t);
        t
    };
    let state = *obj.state.borrow();
    let result = match &state {
        ItState::Chain { source, active } => {
            let empty = tuple(vm, &[]);
            if source.is_none() {
                tuple(vm, &[cls, empty])
            } else if active.is_none() {
                let st = tuple(vm, &[*source]);
                tuple(vm, &[cls, empty, st])
            } else {
                let st = tuple(vm, &[*source, *active]);
                tuple(vm, &[cls, empty, st])
            }
        }
        ItState::Islice { it, next, stop, step, count } => {
            let int = |vm: &mut Vm, n: usize| vm.heap.new_int_i64(n.min(i64::MAX as usize) as i64);
            if it.is_none() {
                let list = vm.heap.new_list(&[]);
                vm.push_temp(list);
                let empty_it = vm.get_iter(list);
                match empty_it {
                    Ok(e) => {
                        vm.push_temp(e);
                        let zero = Value::from_small_int(0).expect("0");
                        let a = tuple(vm, &[e, zero]);
                        tuple(vm, &[cls, a, zero])
                    }
                    Err(_) => Value::NONE,
                }
            } else {
                let (nx, st, c) = (int(vm, *next), int(vm, *step), int(vm, *count));
                let sp = stop.map_or(Value::NONE, |s| int(vm, s));
                let a = tuple(vm, &[*it, nx, sp, st]);
                tuple(vm, &[cls, a, c])
            }
        }
        ItState::Count { n, step, fast } => {
            let a = if count_is_fast(vm, *n, *fast) {
                tuple(vm, &[*n])
            } else {
                tuple(vm, &[*n, *step])
            };
            tuple(vm, &[cls, a])
        }
        ItState::Repeat { object, times } => {
            let a = match times {
                None => tuple(vm, &[*object]),
                Some(t) => {
                    let t = vm.heap.new_int_i64(*t);
                    tuple(vm, &[*object, t])
                }
            };
            tuple(vm, &[cls, a])
        }
    };
    vm.truncate_temps(mark);
    Ok(result)
}
