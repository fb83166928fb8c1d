//! `_heapq`: binary min-heaps (and the max-heap helpers `heapq.merge` and
//! `nlargest` use) on lists, after CPython's `Modules/_heapqmodule.c`,
//! with the same comparisons in the same order, so heaps of tuples or of
//! classes with `__lt__` come out as in CPython.

use super::bisect::less;
use super::support::function_module;
use crate::builtins::arg_range;
use crate::object::list::{list_of, ListObj};
use crate::object::{Gc, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("_heapify_max", heapify_max),
        ("_heappop_max", heappop_max),
        ("_heapreplace_max", heapreplace_max),
    ];
    function_module(vm, "_heapq", funcs)
}

/// Which way the heap is ordered.
#[derive(Clone, Copy)]
enum Kind {
    Min,
    Max,
}

impl Kind {
    /// Should `a` sit above `b`?
    fn above(self, vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
        match self {
            Kind::Min => less(vm, a, b),
            Kind::Max => less(vm, b, a),
        }
    }
}

fn heap_arg(vm: &Vm, v: Value) -> PyResult<Gc<ListObj>> {
    list_of(v).ok_or_else(|| vm.type_error("heap argument must be a list"))
}

fn changed(vm: &Vm) -> PyErr {
    PyErr::runtime_error(&vm.heap, "list changed size during iteration")
}

fn get(heap: Gc<ListObj>, i: usize) -> Value {
    heap.items.get(i).unwrap_or(Value::NONE)
}

/// Moves the item at `pos` up towards `start` while it sits above its parent.
fn sift_down(vm: &mut Vm, heap: Gc<ListObj>, start: usize, pos: usize, kind: Kind) -> PyResult<()> {
    let size = heap.items.len();
    if pos >= size {
        return Err(PyErr::index_error(&vm.heap, "list index out of range"));
    }
    let new_item = get(heap, pos);
    // A user `__lt__` may take the item out of the list: keep it alive.
    let mark = vm.push_temp(new_item);
    let result = sift_down_rooted(vm, heap, start, pos, new_item, kind);
    vm.truncate_temps(mark);
    result
}

fn sift_down_rooted(
    vm: &mut Vm,
    heap: Gc<ListObj>,
    start: usize,
    mut pos: usize,
    new_item: Value,
    kind: Kind,
) -> PyResult<()> {
    let size = heap.items.len();
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = get(heap, parent_pos);
        let above = kind.above(vm, new_item, parent)?;
        if size != heap.items.len() {
            return Err(changed(vm));
        }
        if !above {
            break;
        }
        let (parent, new_item) = (get(heap, parent_pos), get(heap, pos));
        heap.items.set(parent_pos, new_item);
        heap.items.set(pos, parent);
        pos = parent_pos;
    }
    Ok(())
}

/// Moves the hole at `pos` down to a leaf along the smaller children, then
/// sifts the item there back up (CPython's `siftup`).
fn sift_up(vm: &mut Vm, heap: Gc<ListObj>, mut pos: usize, kind: Kind) -> PyResult<()> {
    let end = heap.items.len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let first_above = kind.above(vm, get(heap, child), get(heap, child + 1))?;
            if !first_above {
                child += 1;
            }
            if end != heap.items.len() {
                return Err(changed(vm));
            }
        }
        let (a, b) = (get(heap, child), get(heap, pos));
        heap.items.set(child, b);
        heap.items.set(pos, a);
        pos = child;
    }
    sift_down(vm, heap, start, pos, kind)
}

fn push(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "heappush", args, kwnames, 2, 2)?;
    let heap = heap_arg(vm, args[0])?;
    heap.items.push(args[1]);
    sift_down(vm, heap, 0, heap.items.len() - 1, Kind::Min)?;
    Ok(Value::NONE)
}

fn heappush(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    push(vm, args, kwnames)
}

fn pop(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, kind: Kind) -> PyResult {
    let v = crate::builtins::exactly_one(vm, name, args, kwnames)?;
    let heap = heap_arg(vm, v)?;
    let Some(last) = heap.items.pop() else {
        return Err(PyErr::index_error(&vm.heap, "index out of range"));
    };
    if heap.items.is_empty() {
        return Ok(last);
    }
    replace_top(vm, heap, last, kind)
}

/// Puts `item` at the top of a non-empty heap and sifts it into place;
/// returns the old top.
fn replace_top(vm: &mut Vm, heap: Gc<ListObj>, item: Value, kind: Kind) -> PyResult {
    let top = get(heap, 0);
    heap.items.set(0, item);
    let mark = vm.push_temp(top);
    let r = sift_up(vm, heap, 0, kind);
    vm.truncate_temps(mark);
    r.map(|_| top)
}

fn heappop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    pop(vm, args, kwnames, "heappop", Kind::Min)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    pop(vm, args, kwnames, "_heappop_max", Kind::Max)
}

fn replace(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, kind: Kind) -> PyResult {
    let args = arg_range(vm, name, args, kwnames, 2, 2)?;
    let heap = heap_arg(vm, args[0])?;
    if heap.items.is_empty() {
        return Err(PyErr::index_error(&vm.heap, "index out of range"));
    }
    replace_top(vm, heap, args[1], kind)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    replace(vm, args, kwnames, "heapreplace", Kind::Min)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    replace(vm, args, kwnames, "_heapreplace_max", Kind::Max)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "heappushpop", args, kwnames, 2, 2)?;
    let heap = heap_arg(vm, args[0])?;
    let item = args[1];
    if heap.items.is_empty() {
        return Ok(item);
    }
    let top = get(heap, 0);
    if !less(vm, top, item)? {
        return Ok(item);
    }
    if heap.items.is_empty() {
        return Err(PyErr::index_error(&vm.heap, "index out of range"));
    }
    replace_top(vm, heap, item, Kind::Min)
}

fn heapify_kind(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    kind: Kind,
) -> PyResult {
    let v = crate::builtins::exactly_one(vm, name, args, kwnames)?;
    let heap = heap_arg(vm, v)?;
    // Each inner node is sifted once after its children: the order of
    // CPython's cache-friendly variant gives the same heap.
    for i in (0..heap.items.len() / 2).rev() {
        sift_up(vm, heap, i, kind)?;
    }
    Ok(Value::NONE)
}

fn heapify(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    heapify_kind(vm, args, kwnames, "heapify", Kind::Min)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    heapify_kind(vm, args, kwnames, "_heapify_max", Kind::Max)
}
