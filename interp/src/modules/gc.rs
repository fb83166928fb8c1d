//! `gc`: the heap's mark-and-sweep collector seen through CPython's
//! interface. There are no generations: thresholds and counts are kept
//! for programs that read them back, and `collect()` of any generation is
//! a full collection returning how many objects it freed, with
//! `gc.callbacks` called around it. The object listings
//! (`get_objects`, `get_referents`, `get_referrers`) collect first, so
//! they show what CPython's reference counting would have kept.

use super::module_set;
use crate::object::types::TypeObj;
use crate::object::Gc;
use crate::object::Heap;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

thread_local! {
    static THRESHOLDS: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
    static DEBUG_FLAGS: Cell<i64> = const { Cell::new(0) };
    /// How many objects `freeze()` moved to the permanent generation.
    static FROZEN: Cell<i64> = const { Cell::new(0) };
    /// What the `collect()` calls so far reported, summed (`get_stats`).
    static COLLECTED: Cell<i64> = const { Cell::new(0) };
    /// CPython's collection counts of generations 1 and 2 (`get_count`):
    /// how many `collect(0)` calls since the last `collect(1)` or
    /// `collect(2)`, and how many `collect(1)` since the last `collect(2)`.
    /// Our automatic collections are full but leave these alone, so that
    /// they depend only on the program (and not on GC stress mode).
    static YOUNGER_COLLECTIONS: Cell<(i64, i64)> = const { Cell::new((0, 0)) };
}

pub fn create(vm: &mut Vm) -> PyResult {
    vm.heap.set_cycle_weigher(cpython_objects);
    super::native_module(vm, "gc", fill)
}

fn fill(vm: &mut Vm, module: Value) -> PyResult<()> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_count", get_count),
        ("is_tracked", is_tracked),
        ("freeze", freeze),
        ("unfreeze", unfreeze),
        ("get_freeze_count", get_freeze_count),
        ("get_debug", get_debug),
        ("set_debug", set_debug),
        ("get_stats", get_stats),
        ("get_objects", get_objects),
        ("get_referents", get_referents),
        ("get_referrers", get_referrers),
    ];
    super::add_functions(vm, module, funcs)?;
    for name in ["garbage", "callbacks"] {
        let list = vm.heap.new_list(&[]);
        module_set(vm, module, name, list)?;
    }
    let flags = [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ];
    for (name, bit) in flags {
        module_set(vm, module, name, Value::from_small_int(bit).expect("small"))?;
    }
    Ok(())
}

/// `collect(generation=2)`: a full collection; the number of objects
/// CPython's cycle collector would have found unreachable (garbage in or
/// hanging from a reference cycle; CPython frees other garbage before
/// any collection). `gc.callbacks` hear `("start", info)` and
/// `("stop", info)`.
fn collect(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = crate::builtins::arg_range(vm, "collect", args, kwnames, 0, 1)?;
    let generation = match args.first() {
        Some(&g) => match vm.as_int(g).and_then(|n| n.to_i64()) {
            Some(n @ 0..=2) => n,
            Some(_) => return Err(vm.value_error("invalid generation")),
            None => return Err(vm.type_error("an integer is required")),
        },
        None => 2,
    };
    run_callbacks(vm, "start", generation, 0)?;
    vm.clear_dead_call_temps();
    let collected = vm.collect_counting_cycles_now().map_or(0, |s| s.cyclic_garbage as i64);
    COLLECTED.with(|c| c.set(c.get() + collected));
    YOUNGER_COLLECTIONS.with(|c| {
        let (gen0, gen1) = c.get();
        c.set(match generation {
            0 => (gen0 + 1, gen1),
            1 => (0, gen1 + 1),
            _ => (0, 0),
        })
    });
    vm.run_weakref_callbacks();
    run_callbacks(vm, "stop", generation, collected)?;
    Ok(vm.heap.new_int_i64(collected))
}

/// How many objects CPython has for heap object `v`, as its collector
/// counts them: none for what it does not track (or what exists only in
/// our runtime: shapes, code), two for an instance whose attributes hold
/// a tracked object (CPython keeps them in a `__dict__` object of its
/// own, tracked from then on; ours becomes one only in dictionary mode,
/// and is then counted as the dict it is).
fn cpython_objects(heap: &Heap, v: Value) -> usize {
    use crate::object::{ObjHeader, ObjKind};
    let Some(header) = ObjHeader::of(v) else { return 0 };
    match header.kind() {
        ObjKind::Freed | ObjKind::Shape | ObjKind::SideAttrs | ObjKind::Test | ObjKind::Code => 0,
        _ if !tracked(heap, v) => 0,
        ObjKind::Instance => {
            let instance = crate::object::instance::instance_of(v).expect("an instance");
            1 + usize::from(holds_tracked_attr(heap, v, &instance.attrs))
        }
        ObjKind::Function => {
            let function = crate::vm::function::function_of(v).expect("a function");
            1 + usize::from(holds_tracked_attr(heap, v, &function.attrs))
        }
        _ => 1,
    }
}

/// Whether `attrs` (of `owner`, not in dictionary mode) hold a tracked
/// object under a name that is not a `__slots__` member: CPython would
/// have a tracked `__dict__` for it.
fn holds_tracked_attr(heap: &Heap, owner: Value, attrs: &crate::object::instance::Attrs) -> bool {
    let ty = heap.type_obj(owner);
    !attrs.is_dict_mode()
        && attrs
            .items()
            .into_iter()
            .any(|(name, x)| tracked(heap, x) && !heap.is_slot_member(ty, name))
}

/// Calls each of `gc.callbacks` with `(phase, info)`, as CPython does
/// around a collection.
fn run_callbacks(vm: &mut Vm, phase: &str, generation: i64, collected: i64) -> PyResult<()> {
    let callbacks = super::support::module_attr(vm, "gc", "callbacks")?;
    let Some(list) = crate::object::list::list_of(callbacks) else { return Ok(()) };
    if list.items.is_empty() {
        return Ok(());
    }
    let mark = vm.push_temp(callbacks);
    let result = (|| {
        let info = vm.heap.new_dict();
        vm.push_temp(info);
        for (k, v) in [("generation", generation), ("collected", collected), ("uncollectable", 0)] {
            let key = vm.heap.new_str(k);
            let val = vm.heap.new_int_i64(v);
            vm.dict_set_item(info, key, val)?;
        }
        let phase = vm.heap.new_str(phase);
        vm.push_temp(phase);
        for f in list.items.to_vec() {
            vm.push_temp(f);
            vm.call(f, &[phase, info])?;
        }
        Ok(())
    })();
    vm.truncate_temps(mark);
    result
}

fn enable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "enable", args, kw)?;
    vm.heap.set_auto_collect(true);
    Ok(Value::NONE)
}

fn disable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "disable", args, kw)?;
    vm.heap.set_auto_collect(false);
    Ok(Value::NONE)
}

fn isenabled(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "isenabled", args, kw)?;
    Ok(Value::from_bool(vm.heap.auto_collect()))
}

fn triple(vm: &Vm, t: (i64, i64, i64)) -> Value {
    let items = [t.0, t.1, t.2].map(|n| vm.heap.new_int_i64(n));
    vm.heap.new_tuple(&items)
}

fn get_threshold(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "get_threshold", args, kw)?;
    Ok(triple(vm, THRESHOLDS.with(Cell::get)))
}

fn set_threshold(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.is_empty() || args.len() > 3 {
        return Err(vm.type_error(&format!(
            "set_threshold expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let mut t = THRESHOLDS.with(Cell::get);
    let mut slots = [&mut t.0, &mut t.1, &mut t.2];
    for (slot, v) in slots.iter_mut().zip(args) {
        **slot = vm
            .as_int(*v)
            .and_then(|n| n.to_i64())
            .ok_or_else(|| vm.type_error("an integer is required"))?;
    }
    THRESHOLDS.with(|c| c.set(t));
    Ok(Value::NONE)
}

/// `get_count()`: the objects allocated since the last collection (CPython
/// counts tracked allocations less deallocations; ours are freed only by a
/// collection), then the counts of generations 1 and 2.
fn get_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "get_count", args, kwnames)?;
    let young = vm.heap.allocated_since_gc() as i64;
    let (gen0, gen1) = YOUNGER_COLLECTIONS.with(Cell::get);
    Ok(triple(vm, (young, gen0, gen1)))
}

/// `is_tracked(obj)`: whether CPython's collector would track `obj`.
fn is_tracked(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(&v) = args.first() else {
        return Err(vm.type_error("is_tracked() takes exactly one argument (0 given)"));
    };
    Ok(Value::from_bool(tracked(&vm.heap, v)))
}

/// CPython's rule: objects of types without GC support (numbers, strings,
/// bytes, ranges, plain `object()`s, built-in types) are never tracked;
/// an empty tuple is not, nor a dict holding only untracked keys and
/// values; other containers, functions, classes and instances are.
fn tracked(heap: &Heap, v: Value) -> bool {
    tracked_within(heap, v, 4)
}

/// [`tracked`], looking at most `depth` dicts deep into nested dicts (a
/// dict may hold itself); deeper ones count as tracked.
fn tracked_within(heap: &Heap, v: Value, depth: u32) -> bool {
    if !v.is_ptr() {
        return false;
    }
    let t = heap.types();
    let atoms = [t.int, t.float, t.complex, t.str, t.bytes, t.bool, t.bytearray, t.range, t.object];
    let ty = heap.type_of(v);
    if atoms.contains(&ty) || ty == t.not_implemented_type || ty == t.ellipsis_type {
        return false;
    }
    if let Some(class) = Gc::<TypeObj>::from_value(v) {
        return class.is_heap_type();
    }
    if let Some(tuple) = crate::object::tuple::tuple_of(v) {
        return !tuple.items().is_empty();
    }
    if ty == t.dict {
        let Some(dict) = crate::object::dict::dict_of(v) else { return true };
        return depth == 0
            || dict.table.borrow().iter().any(|(_, &k, &x)| {
                tracked_within(heap, k, depth - 1) || tracked_within(heap, x, depth - 1)
            });
    }
    true
}

fn get_stats(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "get_stats", args, kw)?;
    let collections = vm.heap.collections() as i64;
    let mut gens = Vec::new();
    for g in 0..3 {
        let d = vm.heap.new_dict();
        let (n, collected) = if g == 2 { (collections, COLLECTED.with(Cell::get)) } else { (0, 0) };
        for (k, v) in [("collections", n), ("collected", collected), ("uncollectable", 0)] {
            let key = vm.heap.new_str(k);
            let val = vm.heap.new_int_i64(v);
            vm.dict_set_item(d, key, val)?;
        }
        gens.push(d);
    }
    Ok(vm.heap.new_list(&gens))
}

fn freeze(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "freeze", args, kwnames)?;
    let n = vm.heap.all_objects().into_iter().filter(|&v| tracked(&vm.heap, v)).count() as i64;
    FROZEN.with(|c| c.set(c.get() + n));
    Ok(Value::NONE)
}

fn unfreeze(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "unfreeze", args, kwnames)?;
    FROZEN.with(|c| c.set(0));
    Ok(Value::NONE)
}

fn get_freeze_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "get_freeze_count", args, kwnames)?;
    Ok(vm.heap.new_int_i64(FROZEN.with(Cell::get)))
}

fn get_debug(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "get_debug", args, kwnames)?;
    Ok(vm.heap.new_int_i64(DEBUG_FLAGS.with(Cell::get)))
}

fn set_debug(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let flags = crate::builtins::arg_range(vm, "set_debug", args, kwnames, 1, 1)?[0];
    let flags = vm
        .as_int(flags)
        .and_then(|n| n.to_i64())
        .ok_or_else(|| vm.type_error("an integer is required"))?;
    DEBUG_FLAGS.with(|c| c.set(flags));
    Ok(Value::NONE)
}

/// `get_objects(generation=None)`: the tracked objects that are alive.
fn get_objects(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let generation = match kwnames {
        [] => crate::builtins::arg_range(vm, "get_objects", args, kwnames, 0, 1)?.first().copied(),
        [k] if crate::object::str::str_of(*k).is_some_and(|s| s.as_wtf8() == b"generation") => {
            args.last().copied()
        }
        _ => return Err(vm.type_error("get_objects() got an unexpected keyword argument")),
    };
    if let Some(g) = generation.filter(|g| !g.is_none()) {
        match vm.as_int(g).and_then(|n| n.to_i64()) {
            Some(n) if n >= 3 => return Err(vm.value_error(
                "generation parameter must be less than the number of available generations (3)",
            )),
            Some(n) if n < -1 => {
                return Err(vm.value_error("generation parameter cannot be negative"))
            }
            Some(_) => {}
            None => return Err(vm.type_error("an integer is required")),
        }
    }
    vm.collect_now();
    let all: Vec<Value> =
        vm.heap.all_objects().into_iter().filter(|&v| tracked(&vm.heap, v)).collect();
    Ok(vm.heap.new_list(&all))
}

/// `get_referents(*objs)`: what each refers to directly. The built-in
/// containers list their items as CPython's `tp_traverse` visits them
/// (lists and tuples from the end, dicts value then key, or values only
/// when every key is a str); an instance gives its `__dict__`, then its
/// class; other objects what the heap traces.
fn get_referents(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_kwargs(vm, "get_referents", args, kwnames)?;
    let mark = vm.push_temp(Value::NONE);
    let mut out = Vec::new();
    let result = args.iter().try_for_each(|&v| {
        for r in referents_of(vm, v)? {
            vm.push_temp(r);
            out.push(r);
        }
        Ok(())
    });
    let list = vm.heap.new_list(&out);
    vm.truncate_temps(mark);
    result.map(|()| list)
}

fn referents_of(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    if !tracked(&vm.heap, v) && vm.heap.type_of(v) != vm.heap.types().dict {
        return Ok(Vec::new());
    }
    if let Some(list) = crate::object::list::list_of(v) {
        return Ok(list.items.to_vec().into_iter().rev().collect());
    }
    if let Some(tuple) = crate::object::tuple::tuple_of(v) {
        return Ok(tuple.items().iter().rev().copied().collect());
    }
    if crate::object::dict::dict_of(v).is_some() {
        let items = vm.dict_items(v);
        let str_keys = items.iter().all(|(k, _)| crate::object::str::str_of(*k).is_some());
        let mut out = Vec::with_capacity(items.len() * 2);
        for (k, x) in items {
            out.push(x);
            if !str_keys {
                out.push(k);
            }
        }
        return Ok(out);
    }
    if vm.set_ref(v).is_some() {
        return vm.collect_iterable(v);
    }
    let ty = vm.heap.type_obj(v);
    if crate::object::instance::instance_of(v).is_some() && ty.is_heap_type() {
        let name = vm.heap.intern("__dict__");
        let mut out = Vec::with_capacity(2);
        if let Ok(d) = vm.get_attr(v, name) {
            out.push(d);
        }
        out.push(ty.value());
        return Ok(out);
    }
    Ok(vm.heap.referents(v))
}

/// `get_referrers(*objs)`: every live tracked object that refers to one
/// of `objs` directly.
fn get_referrers(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_kwargs(vm, "get_referrers", args, kwnames)?;
    vm.collect_now();
    let candidates = vm.heap.all_objects();
    let mark = vm.push_temp(Value::NONE);
    let mut out = Vec::new();
    let mut result = Ok(());
    for v in candidates {
        if !tracked(&vm.heap, v) {
            continue;
        }
        let refers = if crate::object::instance::instance_of(v).is_some() {
            // CPython finds the instance's `__dict__` referring, not it.
            let refers = vm.heap.referents(v);
            if refers.iter().any(|r| args.contains(r)) {
                let name = vm.heap.intern("__dict__");
                if let Ok(d) = vm.get_attr(v, name) {
                    vm.push_temp(d);
                    out.push(d);
                    continue;
                }
            }
            refers
        } else {
            match referents_of(vm, v) {
                Ok(r) => r,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        };
        if refers.iter().any(|r| args.contains(r)) {
            vm.push_temp(v);
            out.push(v);
        }
    }
    let list = vm.heap.new_list(&out);
    vm.truncate_temps(mark);
    result.map(|()| list)
}
