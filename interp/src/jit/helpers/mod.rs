//! The native functions compiled traces call for what they do not inline:
//! the generic paths of operators, attributes, subscripts, calls and
//! iteration, run by the interpreter's own code so their results are the
//! interpreter's.
//!
//! Calling convention: every argument and result is a 64-bit word (NaN-boxed
//! values, or small integers such as an operator number or an argument
//! count). A helper that can raise returns [`ERROR_BITS`] and leaves the
//! exception in [`JitState::pending_error`](super::JitState); the trace's
//! guard on the result exits, and deopt raises it at the instruction. The
//! arguments of calls and the items of tuples and lists being built go
//! through the *scratch* buffer ([`Scratch`]): the trace stores them, the
//! helper reads them.
//!
//! Helpers reach the VM through [`CURRENT_VM`], set by `run_trace` for the
//! duration of a trace. A helper that may run Python code or a native
//! function (and so reach a safepoint or `gc.collect()`) is described as
//! `may_collect` ([`may_collect`]): the trace publishes what it holds
//! before calling it, so a collection may run inside it (see
//! `JitState::collection_safe`). The others only allocate and never
//! collect; traces leave their loop at the header when a collection is
//! wanted.

use std::cell::Cell;

use traces::{Helper, Type};

use crate::bytecode::instr::{BinOp, CmpOp};
use crate::object::value::EMPTY_BITS;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

mod drain;
mod statements;
pub use statements::{conversion_word, unary_word};

/// What a helper returns when it raised (an `EMPTY` word with a payload,
/// which no Python value has).
pub const ERROR_BITS: u64 = EMPTY_BITS | 1;

/// Words passed to helpers in memory: call arguments, items of tuples and
/// lists being built, unpacked items coming back.
pub const SCRATCH_WORDS: usize = 64;

/// The scratch buffer: boxed, so its address stays fixed while traces that
/// store to it exist.
pub struct Scratch(Box<[Cell<u64>; SCRATCH_WORDS]>);

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch(Box::new(std::array::from_fn(|_| Cell::new(0))))
    }
}

impl Scratch {
    pub fn address(&self) -> u64 {
        self.0.as_ptr() as u64
    }

    pub fn get(&self, i: usize) -> Value {
        Value::from_bits(self.0[i].get())
    }

    pub fn set(&self, i: usize, v: Value) {
        self.0[i].set(v.bits());
    }

    /// Pushes the first `n` words onto `stack` (where they are rooted and
    /// can be passed as a slice, with no vector of their own).
    fn push_onto(&self, stack: &mut Vec<Value>, n: usize) {
        stack.extend(self.0[..n].iter().map(|w| Value::from_bits(w.get())));
    }
}

thread_local! {
    /// The VM whose trace is running (null outside traces).
    static CURRENT_VM: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
}

/// Makes `vm` the helpers' VM until dropped (restoring the previous one, for
/// a trace run by a helper of another trace).
pub struct CurrentVm {
    previous: *mut Vm,
}

impl CurrentVm {
    pub fn set(vm: *mut Vm) -> CurrentVm {
        CurrentVm { previous: CURRENT_VM.with(|c| c.replace(vm)) }
    }
}

impl Drop for CurrentVm {
    fn drop(&mut self) {
        CURRENT_VM.with(|c| c.set(self.previous));
    }
}

/// Runs `f` on the current VM, turning an error into [`ERROR_BITS`].
fn with_vm(f: impl FnOnce(&mut Vm) -> PyResult) -> u64 {
    let vm = CURRENT_VM.with(|c| c.get());
    if vm.is_null() {
        return ERROR_BITS;
    }
    // SAFETY: `run_trace` sets the pointer from its `&mut Vm` and does not
    // use that reference while the machine code (and so this helper) runs;
    // helpers run one at a time on this thread, and a nested trace run
    // re-derives the pointer from the reference this helper holds.
    let vm = unsafe { &mut *vm };
    match f(vm) {
        Ok(v) => v.bits(),
        Err(e) => {
            vm.jit.pending_error = Some(e);
            ERROR_BITS
        }
    }
}

/// Runs `f` with the first `n` scratch words pushed onto the VM's stack
/// from index `top` (its second argument), where they are rooted and
/// readable as a slice.
fn with_scratch_pushed(
    vm: &mut Vm,
    n: usize,
    f: impl FnOnce(&mut Vm, usize) -> PyResult,
) -> PyResult {
    let top = vm.stack.len();
    vm.jit.scratch.push_onto(&mut vm.stack, n);
    let r = f(vm, top);
    vm.stack.truncate(top);
    r
}

fn value(w: u64) -> Value {
    Value::from_bits(w)
}

fn bin_op(op: u64) -> BinOp {
    BinOp::ALL[op as usize % BinOp::ALL.len()]
}

fn cmp_op(op: u64) -> CmpOp {
    CmpOp::ALL[op as usize % CmpOp::ALL.len()]
}

extern "C" fn binary(op: u64, a: u64, b: u64) -> u64 {
    with_vm(|vm| vm.binary_op(bin_op(op), value(a), value(b)))
}

extern "C" fn inplace(op: u64, a: u64, b: u64) -> u64 {
    with_vm(|vm| vm.inplace_op(bin_op(op), value(a), value(b)))
}

extern "C" fn compare(op: u64, a: u64, b: u64) -> u64 {
    with_vm(|vm| vm.compare_op(cmp_op(op), value(a), value(b)))
}

/// The truth of a value as a bool word.
extern "C" fn truth(w: u64) -> u64 {
    with_vm(|vm| vm.is_true(value(w)).map(Value::from_bool))
}

extern "C" fn get_attr(obj: u64, name: u64) -> u64 {
    with_vm(|vm| vm.get_attr(value(obj), value(name)))
}

extern "C" fn set_attr(obj: u64, name: u64, v: u64) -> u64 {
    with_vm(|vm| vm.set_attr(value(obj), value(name), value(v)).map(|_| Value::NONE))
}

/// Gives instance `obj` a new attribute: `shape` is the transition of its
/// shape (which the trace guarded) by the attribute's name.
extern "C" fn extend_attrs(obj: u64, shape: u64, v: u64) -> u64 {
    with_vm(|_| {
        if let Some(inst) = crate::object::instance::instance_of(value(obj)) {
            inst.attrs.extend_to(value(shape), value(v));
        }
        Ok(Value::NONE)
    })
}

/// A global's value: `name` in dict `globals`, else in the builtins.
extern "C" fn load_global(globals: u64, name: u64) -> u64 {
    with_vm(|vm| vm.load_name(value(globals), value(globals), value(name)))
}

extern "C" fn store_global(globals: u64, name: u64, v: u64) -> u64 {
    with_vm(|vm| vm.dict_set_item(value(globals), value(name), value(v)).map(|_| Value::NONE))
}

extern "C" fn get_item(obj: u64, key: u64) -> u64 {
    with_vm(|vm| vm.get_item(value(obj), value(key)))
}

extern "C" fn set_item(obj: u64, key: u64, v: u64) -> u64 {
    with_vm(|vm| vm.set_item(value(obj), value(key), value(v)).map(|_| Value::NONE))
}

/// Calls scratch[0] with the `argc` arguments after it (keyword names in
/// the tuple `kwnames`, or None).
extern "C" fn call(argc: u64, kwnames: u64) -> u64 {
    with_vm(|vm| {
        let argc = argc as usize;
        let names = vm.kwnames(value(kwnames));
        let top = vm.stack.len();
        vm.jit.scratch.push_onto(&mut vm.stack, argc + 1);
        let r = vm.call_at(top, argc, &names);
        vm.stack.truncate(top);
        r
    })
}

/// `f()` of a native callee the trace guarded by identity: a builtin
/// function (bound or not) or a method descriptor whose receiver is the
/// first argument, of a type the trace guarded (see
/// [`Vm::call_native_value`]). The arguments come in registers.
extern "C" fn call_native0(f: u64) -> u64 {
    with_vm(|vm| vm.call_native_value(value(f), &[]))
}

/// `f(a)` of a native callee, as [`call_native0`].
extern "C" fn call_native1(f: u64, a: u64) -> u64 {
    with_vm(|vm| vm.call_native_value(value(f), &[value(a)]))
}

/// `f(a, b)` of a native callee, as [`call_native0`].
extern "C" fn call_native2(f: u64, a: u64, b: u64) -> u64 {
    with_vm(|vm| vm.call_native_value(value(f), &[value(a), value(b)]))
}

/// `f(a, b, c)` of a native callee, as [`call_native0`].
extern "C" fn call_native3(f: u64, a: u64, b: u64, c: u64) -> u64 {
    with_vm(|vm| vm.call_native_value(value(f), &[value(a), value(b), value(c)]))
}

/// The most arguments a native call passes in registers.
pub const MAX_NATIVE_ARGS: usize = 3;

/// A function of code object `code`: its defaults, keyword defaults,
/// annotations and closure (those `parts` has) are in the scratch buffer.
extern "C" fn make_function(code: u64, globals: u64, parts: u64) -> u64 {
    with_vm(|vm| {
        let Some(parts) = crate::bytecode::instr::FunctionParts::from_bits(parts as u8) else {
            return Err(vm.type_error("make_function: bad parts"));
        };
        let n = parts.bits().count_ones() as usize;
        with_scratch_pushed(vm, n, |vm, top| {
            vm.make_function(value(code), value(globals), parts, top)
        })
    })
}

extern "C" fn build_tuple(n: u64) -> u64 {
    with_vm(|vm| {
        with_scratch_pushed(vm, n as usize, |vm, top| Ok(vm.heap.new_tuple(&vm.stack[top..])))
    })
}

/// A pair from its items: unlike `build_tuple`, the IR names the items, so
/// the optimizer may sink the tuple.
extern "C" fn tuple2(a: u64, b: u64) -> u64 {
    with_vm(|vm| Ok(vm.heap.new_tuple(&[value(a), value(b)])))
}

/// A triple from its items, as [`tuple2`].
extern "C" fn tuple3(a: u64, b: u64, c: u64) -> u64 {
    with_vm(|vm| Ok(vm.heap.new_tuple(&[value(a), value(b), value(c)])))
}

/// `range(start, stop, step)` of small ints, `step` not 0 (the trace
/// checked): it cannot fail, so the optimizer may sink it.
extern "C" fn new_range(start: u64, stop: u64, step: u64) -> u64 {
    with_vm(|vm| vm.heap.new_range(value(start), value(stop), value(step)))
}

/// `iter(range(start, stop, step))`, the range given by its parts as for
/// [`new_range`] (whose call, then unused, the optimizer removes).
extern "C" fn range_iter(start: u64, stop: u64, step: u64) -> u64 {
    with_vm(|vm| {
        let r = vm.heap.new_range(value(start), value(stop), value(step))?;
        vm.with_temp(r, |vm| vm.get_iter(r))
    })
}

/// `reversed(range(start, stop, step))`, as [`range_iter`].
extern "C" fn range_reversed_iter(start: u64, stop: u64, step: u64) -> u64 {
    with_vm(|vm| {
        let r = vm.heap.new_range(value(start), value(stop), value(step))?;
        let range = crate::object::Gc::<crate::object::range::RangeObj>::from_value(r)
            .ok_or_else(|| vm.type_error("range_reversed_iter of a non-range"))?;
        vm.with_temp(r, |vm| vm.range_reversed_iter(range))
    })
}

/// `obj.method` of a plain instance: the bound method (sinkable).
extern "C" fn bound_method(function: u64, receiver: u64) -> u64 {
    with_vm(|vm| Ok(vm.new_method(value(function), value(receiver))))
}

extern "C" fn build_list(n: u64) -> u64 {
    with_vm(|vm| {
        with_scratch_pushed(vm, n as usize, |vm, top| Ok(vm.heap.new_list(&vm.stack[top..])))
    })
}

/// `list[start:stop:step]` of an exact list (the trace guarded its type).
extern "C" fn list_get_slice(list: u64, start: u64, stop: u64, step: u64) -> u64 {
    with_vm(|vm| vm.list_get_slice_parts(value(list), [value(start), value(stop), value(step)]))
}

/// `list[start:stop:step] = v` of an exact list.
extern "C" fn list_set_slice(list: u64, start: u64, stop: u64, step: u64, v: u64) -> u64 {
    with_vm(|vm| {
        let parts = [value(start), value(stop), value(step)];
        vm.list_set_slice_parts(value(list), parts, value(v)).map(|_| Value::NONE)
    })
}

extern "C" fn build_slice(start: u64, stop: u64, step: u64) -> u64 {
    with_vm(|vm| Ok(vm.heap.new_slice(value(start), value(stop), value(step))))
}

extern "C" fn new_instance(ty: u64) -> u64 {
    with_vm(|vm| match crate::object::Gc::<crate::object::types::TypeObj>::from_value(value(ty)) {
        Some(t) => Ok(vm.heap.new_instance(t)),
        None => Err(vm.type_error("new_instance of a non-type")),
    })
}

/// A set comprehension's `SetAdd` (hashing may raise).
extern "C" fn set_add(set: u64, item: u64) -> u64 {
    with_vm(|vm| vm.set_add(value(set), value(item)).map(|_| Value::NONE))
}

/// A dict comprehension's `MapAdd` (hashing may raise).
extern "C" fn map_add(map: u64, key: u64, v: u64) -> u64 {
    with_vm(|vm| vm.dict_set_item(value(map), value(key), value(v)).map(|_| Value::NONE))
}

extern "C" fn list_append(list: u64, item: u64) -> u64 {
    with_vm(|vm| {
        vm.list_append(value(list), value(item));
        Ok(Value::NONE)
    })
}

/// `yield v` in the generator frame a trace runs: if a consumer drains
/// that generator, `v` joins the items on the value stack and the result
/// is 1; else 0 (the trace exits, and the interpreter suspends the frame).
extern "C" fn drain_push(v: u64) -> u64 {
    let pushed = with_vm(|vm| {
        let top = vm.frames.len().wrapping_sub(1);
        let draining = top == vm.jit.draining_frame;
        if draining {
            vm.stack.push(value(v));
        }
        Ok(Value::from_bool(draining))
    });
    (pushed == Value::TRUE.bits()) as u64
}

/// Unpacks exactly `count` items of `src` into the scratch buffer.
extern "C" fn unpack(src: u64, count: u64) -> u64 {
    with_vm(|vm| {
        let items = vm.unpack(value(src), count as usize, None)?;
        for (i, v) in items.into_iter().enumerate() {
            vm.jit.scratch.set(i, v);
        }
        Ok(Value::NONE)
    })
}

extern "C" fn get_iter(w: u64) -> u64 {
    with_vm(|vm| vm.get_iter(value(w)))
}

/// The next item, or `EMPTY` when the iterator is exhausted.
extern "C" fn iter_next(it: u64) -> u64 {
    with_vm(|vm| Ok(vm.iter_next(value(it))?.unwrap_or(Value::EMPTY)))
}

/// The next item of enumerate `it` (its count goes to scratch[0]), or
/// `EMPTY` when exhausted.
extern "C" fn enumerate_next(it: u64) -> u64 {
    with_vm(|vm| {
        Ok(match crate::builtins::iterators::enumerate_next_pair(vm, value(it))? {
            Some((count, item)) => {
                vm.jit.scratch.set(0, count);
                item
            }
            None => Value::EMPTY,
        })
    })
}

/// `a // b` of ints, b not 0 (the trace checked).
extern "C" fn int_floordiv(a: i64, b: i64) -> i64 {
    let q = a.wrapping_div(b);
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// `a % b` of ints, b not 0 (the trace checked): the sign of `b`.
extern "C" fn int_mod(a: i64, b: i64) -> i64 {
    let m = a.wrapping_rem(b);
    if m != 0 && ((m < 0) != (b < 0)) {
        m + b
    } else {
        m
    }
}

/// `a ** b` of floats, `a` positive and both finite (the trace checked);
/// the interpreter's algorithm, so results are bit for bit its own.
extern "C" fn float_pow(a: f64, b: f64) -> f64 {
    match crate::number::float::pow(a, b) {
        Ok(crate::number::float::FloatPow::Real(r)) => r,
        _ => f64::NAN,
    }
}

/// The libm functions behind `math.NAME` that traces call directly (the
/// same functions the interpreter calls, so the same results).
pub mod libm {
    pub extern "C" fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub extern "C" fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub extern "C" fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub extern "C" fn tan(x: f64) -> f64 {
        x.tan()
    }
    pub extern "C" fn atan(x: f64) -> f64 {
        x.atan()
    }
    pub extern "C" fn tanh(x: f64) -> f64 {
        x.tanh()
    }
}

/// A helper of the table below, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelperKind {
    Binary,
    Inplace,
    Compare,
    Truth,
    GetAttr,
    SetAttr,
    ExtendAttrs,
    GetItem,
    SetItem,
    /// A global looked up (in globals the trace stores to).
    LoadGlobal,
    StoreGlobal,
    Call,
    /// A native callee (its first argument) with this many more, at most
    /// [`MAX_NATIVE_ARGS`].
    CallNative(usize),
    MakeFunction,
    BuildTuple,
    /// A tuple of two items passed as arguments (sinkable).
    Tuple2,
    /// A tuple of three items passed as arguments (sinkable).
    Tuple3,
    BuildList,
    BuildSlice,
    /// A bound method of a function and its receiver (sinkable).
    BoundMethod,
    /// `range(a, b, c)` of small ints, `c` not 0 (sinkable).
    NewRange,
    /// `iter(range(a, b, c))` by the range's parts.
    RangeIter,
    /// `reversed(range(a, b, c))` by the range's parts.
    RangeReversedIter,
    /// `list[a:b:c]` of an exact list, the slice by its parts.
    ListGetSlice,
    /// `list[a:b:c] = v` of an exact list.
    ListSetSlice,
    ListAppend,
    /// `SetAdd` of a set comprehension.
    SetAdd,
    /// `MapAdd` of a dict comprehension.
    MapAdd,
    Unpack,
    GetIter,
    IterNext,
    EnumerateNext,
    IntFloorDiv,
    IntMod,
    FloatPow,
    /// A new instance of a plain class (what `object.__new__` makes).
    NewInstance,
    /// `yield` in a generator being drained: 1 if the item was taken.
    DrainPush,
    /// The value stack's height, where the items of a drain the trace
    /// makes start (`record::drain`).
    DrainBegin,
    /// An item of such a drain, pushed.
    DrainItem,
    /// The end of such a drain: the consumer takes the items.
    DrainEnd,
    /// `math.NAME` of one float (a name `libm` has).
    Math(&'static str),
    // ---- run as the interpreter runs them (`statements`)
    BuildMap,
    BuildSet,
    BuildString,
    FormatValue,
    ListExtend,
    ArgsExtend,
    SetUpdate,
    DictUpdate,
    DictMerge,
    ListToTuple,
    CallEx,
    DeleteAttr,
    DeleteSubscr,
    /// `UnpackEx`: the targets' values in scratch.
    UnpackEx,
    /// `WithEnter`: returns `__enter__()`'s result, the bound `__exit__` in
    /// scratch word 0.
    WithEnter,
    MakeCell,
    Unary,
}

/// One row per helper: name, address, argument count. These take and
/// return words and may raise (returning [`ERROR_BITS`]).
fn row(kind: HelperKind) -> (&'static str, usize, usize) {
    use HelperKind::*;
    let f3 = |f: extern "C" fn(u64, u64, u64) -> u64| f as usize;
    let f2 = |f: extern "C" fn(u64, u64) -> u64| f as usize;
    let f1 = |f: extern "C" fn(u64) -> u64| f as usize;
    let f0 = |f: extern "C" fn() -> u64| f as usize;
    let f4 = |f: extern "C" fn(u64, u64, u64, u64) -> u64| f as usize;
    let f5 = |f: extern "C" fn(u64, u64, u64, u64, u64) -> u64| f as usize;
    let int2 = |f: extern "C" fn(i64, i64) -> i64| f as usize;
    match kind {
        Binary => ("binary", f3(binary), 3),
        Inplace => ("inplace", f3(inplace), 3),
        Compare => ("compare", f3(compare), 3),
        Truth => ("truth", f1(truth), 1),
        GetAttr => ("getattr", f2(get_attr), 2),
        SetAttr => ("setattr", f3(set_attr), 3),
        ExtendAttrs => ("extend_attrs", f3(extend_attrs), 3),
        GetItem => ("getitem", f2(get_item), 2),
        LoadGlobal => ("load_global", f2(load_global), 2),
        StoreGlobal => ("store_global", f3(store_global), 3),
        SetItem => ("setitem", f3(set_item), 3),
        Call => ("call", f2(call), 2),
        CallNative(0) => ("call_native0", f1(call_native0), 1),
        CallNative(1) => ("call_native1", f2(call_native1), 2),
        CallNative(2) => ("call_native2", f3(call_native2), 3),
        CallNative(_) => ("call_native3", f4(call_native3), 4),
        MakeFunction => ("make_function", f3(make_function), 3),
        BuildTuple => ("build_tuple", f1(build_tuple), 1),
        Tuple2 => ("tuple2", f2(tuple2), 2),
        Tuple3 => ("tuple3", f3(tuple3), 3),
        BuildList => ("build_list", f1(build_list), 1),
        BuildSlice => ("build_slice", f3(build_slice), 3),
        BoundMethod => ("bound_method", f2(bound_method), 2),
        NewRange => ("new_range", f3(new_range), 3),
        RangeIter => ("range_iter", f3(range_iter), 3),
        RangeReversedIter => ("range_reversed_iter", f3(range_reversed_iter), 3),
        ListGetSlice => ("list_get_slice", f4(list_get_slice), 4),
        ListSetSlice => ("list_set_slice", f5(list_set_slice), 5),
        ListAppend => ("list_append", f2(list_append), 2),
        SetAdd => ("set_add", f2(set_add), 2),
        MapAdd => ("map_add", f3(map_add), 3),
        Unpack => ("unpack", f2(unpack), 2),
        GetIter => ("getiter", f1(get_iter), 1),
        IterNext => ("iternext", f1(iter_next), 1),
        EnumerateNext => ("enumerate_next", f1(enumerate_next), 1),
        IntFloorDiv => ("int_floordiv", int2(int_floordiv), 2),
        IntMod => ("int_mod", int2(int_mod), 2),
        NewInstance => ("new_instance", f1(new_instance), 1),
        DrainPush => ("drain_push", f1(drain_push), 1),
        DrainBegin => ("drain_begin", f0(drain::drain_begin), 0),
        DrainItem => ("drain_item", f1(drain::drain_item), 1),
        DrainEnd => ("drain_end", f2(drain::drain_end), 2),
        FloatPow => ("float_pow", float_pow as extern "C" fn(f64, f64) -> f64 as usize, 2),
        BuildMap => ("build_map", f1(statements::build_map), 1),
        BuildSet => ("build_set", f1(statements::build_set), 1),
        BuildString => ("build_string", f1(statements::build_string), 1),
        FormatValue => ("format_value", f3(statements::format_value), 3),
        ListExtend => ("list_extend", f2(statements::list_extend), 2),
        ArgsExtend => ("args_extend", f3(statements::args_extend), 3),
        SetUpdate => ("set_update", f2(statements::set_update), 2),
        DictUpdate => ("dict_update", f2(statements::dict_update), 2),
        DictMerge => ("dict_merge", f3(statements::dict_merge), 3),
        ListToTuple => ("list_to_tuple", f1(statements::list_to_tuple), 1),
        CallEx => ("call_ex", f3(statements::call_ex), 3),
        DeleteAttr => ("delete_attr", f2(statements::delete_attr), 2),
        DeleteSubscr => ("delete_subscr", f2(statements::delete_subscr), 2),
        UnpackEx => ("unpack_ex", f3(statements::unpack_ex), 3),
        WithEnter => ("with_enter", f1(statements::with_enter), 1),
        MakeCell => ("make_cell", f1(statements::make_cell), 1),
        Unary => ("unary", f2(statements::unary), 2),
        Math(name) => {
            let f: extern "C" fn(f64) -> f64 = match name {
                "exp" => libm::exp,
                "sin" => libm::sin,
                "cos" => libm::cos,
                "tan" => libm::tan,
                "tanh" => libm::tanh,
                _ => libm::atan,
            };
            (name, f as usize, 1)
        }
    }
}

/// Whether helper `kind` may run Python code or a native function, which
/// may collect (a safepoint of the interpreter, `gc.collect()`). Those that
/// only build objects, or work on small ints and floats, never do.
fn may_collect(kind: HelperKind) -> bool {
    use HelperKind::*;
    match kind {
        // Dunder methods, descriptors, `__hash__`/`__eq__` of keys,
        // `__iter__`/`__next__`, the callee itself.
        Binary | Inplace | Compare | Truth | GetAttr | SetAttr | GetItem | SetItem | LoadGlobal
        | StoreGlobal | Call | CallNative(_) | ListGetSlice | ListSetSlice | SetAdd | MapAdd
        | Unpack | GetIter | IterNext | EnumerateNext | BuildMap | BuildSet | FormatValue
        | ListExtend | ArgsExtend | SetUpdate | DictUpdate | DictMerge | CallEx | DeleteAttr
        | DeleteSubscr | UnpackEx | WithEnter | Unary | DrainEnd => true,
        ExtendAttrs | MakeFunction | BuildTuple | Tuple2 | Tuple3 | BuildList | BuildSlice
        | BoundMethod | NewRange | RangeIter | RangeReversedIter | ListAppend | IntFloorDiv
        | IntMod | FloatPow | NewInstance | DrainPush | Math(_) | BuildString | ListToTuple
        | MakeCell | DrainBegin | DrainItem => false,
    }
}

/// Whether helper `kind` leaves alone all memory traces load: it computes
/// from its arguments, or reads them and allocates a new object. (Setting
/// the collection-wanted flag is no such write: traces test it with a byte
/// load, which the optimizer never reuses.)
fn writes_nothing(kind: HelperKind) -> bool {
    use HelperKind::*;
    match kind {
        MakeFunction | BuildTuple | Tuple2 | Tuple3 | BuildList | BuildSlice | BoundMethod
        | NewRange | RangeIter | RangeReversedIter | IntFloorDiv | IntMod | FloatPow
        | NewInstance | Math(_) | BuildString | ListToTuple | MakeCell => true,
        // These write the VM's value stack, which traces never load.
        DrainPush | DrainBegin | DrainItem => true,
        // `list_append` and `extend_attrs` write their object; the rest
        // may run Python code.
        _ => false,
    }
}

/// The IR description of helper `kind`.
pub fn describe(kind: HelperKind) -> Helper {
    let (name, addr, argc) = row(kind);
    let ty = match kind {
        HelperKind::IntFloorDiv | HelperKind::IntMod => Type::Int,
        HelperKind::FloatPow | HelperKind::Math(_) => Type::Float,
        _ => Type::Word,
    };
    let ret = match kind {
        HelperKind::DrainPush | HelperKind::DrainItem => Type::Int,
        _ => ty,
    };
    // Allocations that cannot fail: the optimizer may sink them.
    let sinks_to = match kind {
        HelperKind::BuildSlice => Some(super::record::VIRTUAL_SLICE),
        HelperKind::Tuple2 | HelperKind::Tuple3 => Some(super::record::VIRTUAL_TUPLE),
        HelperKind::BoundMethod => Some(super::record::VIRTUAL_METHOD),
        HelperKind::NewRange => Some(super::record::VIRTUAL_RANGE),
        _ => None,
    };
    Helper {
        name: name.to_string(),
        addr: addr as u64,
        args: vec![ty; argc],
        ret,
        may_raise: ret == Type::Word && sinks_to.is_none() && kind != HelperKind::DrainBegin,
        may_collect: may_collect(kind),
        sinks_to,
        writes_nothing: writes_nothing(kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_tables_round_trip() {
        for (i, op) in BinOp::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(bin_op(i as u64), *op);
        }
        for (i, op) in CmpOp::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(cmp_op(i as u64), *op);
        }
    }

    #[test]
    fn int_division_rounds_toward_negative_infinity() {
        for (a, b, q, m) in
            [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -4, -1), (-7, -2, 3, -1), (6, 3, 2, 0)]
        {
            assert_eq!((int_floordiv(a, b), int_mod(a, b)), (q, m), "{a} {b}");
        }
    }

    #[test]
    fn error_word_is_no_value() {
        let v = Value::from_bits(ERROR_BITS);
        assert!(!v.is_empty() && !v.is_ptr() && !v.is_float() && !v.is_small_int());
    }

    #[test]
    fn helpers_without_a_vm_report_an_error() {
        assert_eq!(binary(0, 1, 2), ERROR_BITS);
    }

    #[test]
    fn binary_helper_runs_the_interpreters_operator() {
        let mut vm = Vm::new();
        let _current = CurrentVm::set(&mut vm);
        let a = Value::from_small_int(40).unwrap();
        let b = Value::from_small_int(2).unwrap();
        assert_eq!(
            binary(BinOp::Add as u64, a.bits(), b.bits()),
            Value::from_small_int(42).unwrap().bits()
        );
        let zero = Value::from_small_int(0).unwrap();
        assert_eq!(binary(BinOp::FloorDiv as u64, a.bits(), zero.bits()), ERROR_BITS);
    }
}
