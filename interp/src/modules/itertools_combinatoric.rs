//! The combinatoric iterators of `itertools`: product, permutations,
//! combinations and combinations_with_replacement, stepping their index
//! vectors one result at a time as CPython 3.8 does, with its messages
//! and pickling (`__reduce__`/`__setstate__`).

use std::cell::{Cell, RefCell};

use super::support::{item_or_stop, new_class, self_iter, two_optional_args};
use crate::builtins::str_methods::ssize_arg;
use crate::builtins::{add_new, method_no_args, method_one_arg};
use crate::number::Int;
use crate::object::gc::Tracer;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, ObjKind, Payload, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

pub struct CombinatoricObj {
    kind: Kind,
    /// The pools as tuples: one per factor for product, else the one pool.
    pools: Vec<Value>,
    /// The items of each pool (kept alive by the tuples in `pools`).
    items: Vec<Vec<Value>>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    /// permutations only.
    cycles: RefCell<Vec<usize>>,
    /// The items of the last result; `None` before the first.
    result: RefCell<Option<Vec<Value>>>,
    stopped: Cell<bool>,
}

// SAFETY: traces the pools and the last result's items.
unsafe impl Payload for CombinatoricObj {
    const KIND: ObjKind = ObjKind::Combinatoric;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.pools);
        if let Some(r) = &*self.result.borrow() {
            tracer.mark_all(r);
        }
    }
    fn extra_bytes(&self) -> usize {
        let items: usize = self.items.iter().map(Vec::len).sum();
        (self.pools.len() + items + self.indices.borrow().len() * 2 + self.r) * 8
    }
}

impl CombinatoricObj {
    fn pool(&self, i: usize) -> &[Value] {
        self.items.get(i).map_or(&[], |p| p.as_slice())
    }

    /// The result the indices stand for (product: one item of each pool).
    fn picked(&self) -> Vec<Value> {
        let indices = self.indices.borrow();
        match self.kind {
            Kind::Product => indices
                .iter()
                .enumerate()
                .filter_map(|(i, &k)| self.pool(i).get(k).copied())
                .collect(),
            _ => {
                let pool = self.pool(0);
                indices.iter().take(self.r).filter_map(|&k| pool.get(k).copied()).collect()
            }
        }
    }
}

/// Makes the four classes in `module`.
pub fn install(vm: &mut Vm, module: Value) -> PyResult<()> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__iter__", self_iter),
        ("__next__", next),
        ("__reduce__", reduce),
        ("__setstate__", setstate),
        ("__sizeof__", sizeof),
    ];
    let classes: [(&str, NativeFn); 4] = [
        ("product", product_new),
        ("permutations", permutations_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
    ];
    for (name, ctor) in classes {
        let cls = new_class(vm, module, "itertools", name, methods)?;
        add_new(vm, cls, ctor);
        let tp_name = vm.heap.new_str(&format!("itertools.{name}"));
        crate::builtins::set_type_attr(vm, cls, "__tachyon_tp_name__", tp_name);
    }
    Ok(())
}

fn make(vm: &Vm, cls: Value, kind: Kind, pools: Vec<Value>, r: usize, n: usize) -> Value {
    let (indices, cycles, stopped) = match kind {
        Kind::Product => (vec![0; pools.len()], Vec::new(), false),
        Kind::Permutations => ((0..n).collect(), (0..r.min(n)).map(|i| n - i).collect(), r > n),
        Kind::Combinations => ((0..r).collect(), Vec::new(), r > n),
        Kind::WithReplacement => (vec![0; r], Vec::new(), n == 0 && r > 0),
    };
    let items =
        pools.iter().map(|p| tuple_of(*p).map_or(Vec::new(), |t| t.items().to_vec())).collect();
    let obj = CombinatoricObj {
        kind,
        pools,
        items,
        r,
        indices: RefCell::new(indices),
        cycles: RefCell::new(cycles),
        result: RefCell::new(None),
        stopped: Cell::new(stopped),
    };
    vm.heap.alloc(cls, obj).value()
}

/// `tuple(iterable)`, and its length.
fn pool_of(vm: &mut Vm, iterable: Value) -> PyResult<(Value, usize)> {
    let tuple_type = vm.heap.types().tuple;
    let t = if tuple_of(iterable).is_some() && vm.heap.type_of(iterable) == tuple_type {
        iterable
    } else {
        vm.call(tuple_type, &[iterable])?
    };
    Ok((t, tuple_of(t).map_or(0, |t| t.len())))
}

fn product_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let npos = args.len() - kwnames.len();
    let mut repeat = 1;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let name = crate::object::str::str_of(*k).map(|s| s.to_string_lossy().into_owned());
        if name.as_deref() != Some("repeat") {
            let name = name.unwrap_or_default();
            return Err(crate::builtins::unexpected_kw(vm, "product", &name));
        }
        repeat = ssize_arg(vm, *v)?;
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mark = vm.stack.len();
    let r = (|| {
        let mut pools = Vec::new();
        for &iterable in &args[1..npos] {
            let (t, _) = pool_of(vm, iterable)?;
            vm.push_temp(t);
            pools.push(t);
        }
        let count = pools.len().checked_mul(repeat as usize).filter(|&c| c < (1 << 28));
        let Some(count) = count else {
            return Err(PyErr::overflow_error(&vm.heap, "repeat argument too large"));
        };
        let pools: Vec<Value> = pools.iter().copied().cycle().take(count).collect();
        Ok(make(vm, args[0], Kind::Product, pools, 0, 0))
    })();
    vm.truncate_temps(mark);
    r
}

/// `(iterable, r)` of permutations and the combinations: `r` optional
/// (None: the pool's length) only for permutations.
fn pool_and_r(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], kind: Kind) -> PyResult {
    let [iterable, r] = two_optional_args(vm, name, &args[1..], kwnames, ["iterable", "r"])?;
    let Some(iterable) = iterable else {
        return Err(
            vm.type_error(&format!("{name}() missing required argument 'iterable' (pos 1)"))
        );
    };
    if r.is_none() && kind != Kind::Permutations {
        return Err(vm.type_error(&format!("{name}() missing required argument 'r' (pos 2)")));
    }
    // The argument parser converts `r` (an `n` format) before the pool is
    // read, so a bad `r` is reported first.
    if let (Some(r), false) = (r, kind == Kind::Permutations) {
        ssize_arg(vm, r)?;
    }
    let (pool, n) = pool_of(vm, iterable)?;
    let mark = vm.push_temp(pool);
    let r = match r {
        Some(r) if !r.is_none() || kind != Kind::Permutations => {
            if kind == Kind::Permutations {
                match vm.as_int(r) {
                    Some(Int::Small(i)) => Ok(i),
                    Some(Int::Big(_)) => Err(PyErr::overflow_error(
                        &vm.heap,
                        "Python int too large to convert to C ssize_t",
                    )),
                    None => Err(vm.type_error("Expected int as r")),
                }
            } else {
                ssize_arg(vm, r)
            }
        }
        _ => Ok(n as i64),
    };
    vm.truncate_temps(mark);
    let r = r?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(make(vm, args[0], kind, vec![pool], r as usize, n))
}

fn permutations_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    pool_and_r(vm, "permutations", args, kwnames, Kind::Permutations)
}

fn combinations_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    pool_and_r(vm, "combinations", args, kwnames, Kind::Combinations)
}

fn cwr_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    pool_and_r(vm, "combinations_with_replacement", args, kwnames, Kind::WithReplacement)
}

fn receiver(vm: &Vm, v: Value) -> PyResult<Gc<CombinatoricObj>> {
    Gc::<CombinatoricObj>::from_value(v).ok_or_else(|| {
        vm.type_error(&format!("expected an itertools object, got '{}'", vm.type_name(v)))
    })
}

/// Moves the indices on to the next result; false when there is none.
fn advance(o: &CombinatoricObj) -> bool {
    let mut indices = o.indices.borrow_mut();
    let r = o.r;
    match o.kind {
        Kind::Product => {
            for i in (0..indices.len()).rev() {
                indices[i] += 1;
                if indices[i] < o.pool(i).len() {
                    return true;
                }
                indices[i] = 0;
            }
            false
        }
        Kind::Permutations => {
            let n = indices.len();
            if n == 0 {
                return false;
            }
            let mut cycles = o.cycles.borrow_mut();
            if cycles.len() < r || n < r {
                return false;
            }
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    indices[i..].rotate_left(1);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    return true;
                }
            }
            false
        }
        Kind::Combinations => {
            let n = o.pool(0).len();
            let Some(i) = (0..r).rev().find(|&i| indices[i] != (i + n).saturating_sub(r)) else {
                return false;
            };
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
            true
        }
        Kind::WithReplacement => {
            let n = o.pool(0).len();
            let Some(i) = (0..r).rev().find(|&i| indices[i] != n.saturating_sub(1)) else {
                return false;
            };
            let next = indices[i] + 1;
            indices[i..].iter_mut().for_each(|k| *k = next);
            true
        }
    }
}

/// The next result of combinatoric iterator `it`, `None` at the end.
pub fn step(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let o = receiver(vm, it)?;
    if o.stopped.get() {
        return Ok(None);
    }
    let first = o.result.borrow().is_none();
    if first {
        // Product with an empty pool has no result at all.
        if o.kind == Kind::Product && (0..o.pools.len()).any(|i| o.pool(i).is_empty()) {
            o.stopped.set(true);
            return Ok(None);
        }
    } else if !advance(&o) {
        o.stopped.set(true);
        return Ok(None);
    }
    let items = o.picked();
    let t = vm.heap.new_tuple(&items);
    *o.result.borrow_mut() = Some(items);
    Ok(Some(t))
}

fn next(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let r = step(vm, args[0])?;
    item_or_stop(vm, r)
}

fn ints(vm: &Vm, values: &[usize]) -> Value {
    let items: Vec<Value> = values.iter().map(|&i| vm.heap.new_int_i64(i as i64)).collect();
    vm.heap.new_tuple(&items)
}

/// CPython's `__reduce__` of each: the type, its arguments, and the
/// indices (and cycles) once started.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let o = receiver(vm, args[0])?;
    let cls = vm.heap.type_of(args[0]);
    let started = o.result.borrow().is_some();
    let r = vm.heap.new_int_i64(o.r as i64);
    // No allocation here can collect, so the parts need no rooting.
    let out = match o.kind {
        Kind::Product => {
            let pools = vm.heap.new_tuple(&o.pools);
            if o.stopped.get() {
                let empty = vm.heap.new_tuple(&[]);
                let a = vm.heap.new_tuple(&[empty]);
                vm.heap.new_tuple(&[cls, a])
            } else if !started {
                vm.heap.new_tuple(&[cls, pools])
            } else {
                let idx = ints(vm, &o.indices.borrow());
                vm.heap.new_tuple(&[cls, pools, idx])
            }
        }
        _ if !started => {
            let a = vm.heap.new_tuple(&[o.pools[0], r]);
            vm.heap.new_tuple(&[cls, a])
        }
        _ if o.stopped.get() => {
            let empty = vm.heap.new_tuple(&[]);
            let a = vm.heap.new_tuple(&[empty, r]);
            vm.heap.new_tuple(&[cls, a])
        }
        kind => {
            let a = vm.heap.new_tuple(&[o.pools[0], r]);
            let idx = ints(vm, &o.indices.borrow());
            let state = if kind == Kind::Permutations {
                let cycles = ints(vm, &o.cycles.borrow());
                vm.heap.new_tuple(&[idx, cycles])
            } else {
                idx
            };
            vm.heap.new_tuple(&[cls, a, state])
        }
    };
    Ok(out)
}

/// The ints of tuple `v`, as `PyLong_AsSsize_t` reads each.
fn index_tuple(vm: &Vm, v: Value, len: Option<usize>) -> PyResult<Vec<i64>> {
    let Some(t) = tuple_of(v).filter(|t| len.is_none_or(|n| t.len() == n)) else {
        return Err(vm.value_error("invalid arguments"));
    };
    t.items()
        .iter()
        .map(|&x| match vm.as_int(x) {
            Some(Int::Small(i)) => Ok(i),
            Some(Int::Big(_)) => {
                Err(PyErr::overflow_error(&vm.heap, "Python int too large to convert to C ssize_t"))
            }
            None => Err(vm.type_error("an integer is required")),
        })
        .collect()
}

/// `__setstate__`: indices (and cycles) clamped into range, as CPython's.
fn setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let state = method_one_arg(vm, args, kwnames, "__setstate__")?;
    let o = receiver(vm, args[0])?;
    let clamp = |i: i64, max: i64| i.min(max).max(0) as usize;
    let n = o.pool(0).len() as i64;
    let r = o.r as i64;
    match o.kind {
        Kind::Product => {
            let idx = index_tuple(vm, state, Some(o.pools.len()))?;
            let mut indices = o.indices.borrow_mut();
            for (i, &k) in idx.iter().enumerate() {
                let size = o.pool(i).len() as i64;
                if size == 0 {
                    // An empty pool: the product is over.
                    o.stopped.set(true);
                    return Ok(Value::NONE);
                }
                indices[i] = clamp(k, size - 1);
            }
        }
        Kind::Permutations => {
            let Some(parts) = tuple_of(state).map(|t| t.items().to_vec()) else {
                return Err(vm.type_error("state is not a tuple"));
            };
            if parts.len() != 2 {
                return Err(vm.type_error(&format!(
                    "function takes exactly 2 arguments ({} given)",
                    parts.len()
                )));
            }
            if let Some(i) = parts.iter().position(|p| tuple_of(*p).is_none()) {
                return Err(vm.type_error(&format!(
                    "argument {} must be tuple, not {}",
                    i + 1,
                    vm.type_name(parts[i])
                )));
            }
            let idx = index_tuple(vm, parts[0], Some(n as usize))?;
            let cyc = index_tuple(vm, parts[1], Some(o.r))?;
            *o.indices.borrow_mut() = idx.iter().map(|&k| clamp(k, n - 1)).collect();
            *o.cycles.borrow_mut() =
                cyc.iter().enumerate().map(|(i, &c)| clamp(c, n - i as i64).max(1)).collect();
        }
        Kind::Combinations | Kind::WithReplacement => {
            let idx = index_tuple(vm, state, Some(o.r))?;
            let with = o.kind == Kind::WithReplacement;
            *o.indices.borrow_mut() = idx
                .iter()
                .enumerate()
                .map(|(i, &k)| clamp(k, if with { n - 1 } else { i as i64 + n - r }))
                .collect();
        }
    }
    let items = o.picked();
    *o.result.borrow_mut() = Some(items);
    Ok(Value::NONE)
}

/// CPython's figure: the object and its index vectors.
fn sizeof(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__sizeof__")?;
    let o = receiver(vm, args[0])?;
    let base = match o.kind {
        Kind::Product => 56,
        Kind::Permutations => 72,
        _ => 64,
    };
    let words = o.indices.borrow().len() + o.cycles.borrow().len();
    Ok(vm.heap.new_int_i64((base + words * 8) as i64))
}
