//! `collections.deque` (`_collections.deque`): a ring buffer of values with
//! CPython 3.8's methods, messages and mutation counter.
//!
//! `state` counts the changes that move items (appends, pops, rotations,
//! clears, insertions and removals; not item assignment or `reverse`), as
//! CPython's `deque->state` does, so that an iterator or a search that
//! calls back into Python sees a deque changed under it. The iterators are
//! in [`super::deque_iter`].

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::support::{new_class, rich_comparisons, two_optional_args};
use crate::builtins::number_methods::add_property;
use crate::builtins::str_methods::ssize_arg;
use crate::builtins::{method_no_args, method_one_arg, set_type_attr};
use crate::bytecode::instr::CmpOp;
use crate::object::gc::Tracer;
use crate::object::{Gc, ObjKind, Payload, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub struct DequeObj {
    pub items: RefCell<VecDeque<Value>>,
    /// `None` for an unbounded deque.
    pub maxlen: Cell<Option<usize>>,
    pub state: Cell<u64>,
    /// Where CPython's leftmost item would sit in its 64-slot block: only
    /// `__sizeof__` needs it, to count blocks as CPython does.
    left_slot: Cell<usize>,
}

const BLOCKLEN: usize = 64;
/// CPython's `CENTER + 1`: where the first block of an empty deque starts.
const FRESH_SLOT: usize = BLOCKLEN / 2;

// SAFETY: traces every item.
unsafe impl Payload for DequeObj {
    const KIND: ObjKind = ObjKind::Deque;
    fn trace(&self, tracer: &mut Tracer) {
        let items = self.items.borrow();
        let (a, b) = items.as_slices();
        tracer.mark_all(a);
        tracer.mark_all(b);
    }
    fn extra_bytes(&self) -> usize {
        self.items.borrow().capacity() * std::mem::size_of::<Value>()
    }
}

impl DequeObj {
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).copied()
    }

    fn pop_front(&self) -> Option<Value> {
        let v = self.items.borrow_mut().pop_front();
        self.left_slot.set((self.left_slot.get() + 1) % BLOCKLEN);
        self.settle();
        v
    }

    /// An emptied deque starts again from the middle of a block.
    fn settle(&self) {
        if self.items.borrow().is_empty() {
            self.left_slot.set(FRESH_SLOT);
        }
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().copied().collect()
    }

    /// Appends `v` on the right (left), dropping from the other end past
    /// `maxlen`.
    fn push(&self, v: Value, left: bool) {
        self.bump();
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        let slot = self.left_slot.get();
        if left {
            items.push_front(v);
            self.left_slot.set((slot + BLOCKLEN - 1) % BLOCKLEN);
        } else {
            items.push_back(v);
        }
        if self.maxlen.get().is_some_and(|m| items.len() > m) {
            if left {
                items.pop_back();
            } else {
                items.pop_front();
                self.left_slot.set((slot + 1) % BLOCKLEN);
            }
        }
    }

    fn rotate(&self, n: i64) {
        self.bump();
        let mut items = self.items.borrow_mut();
        let len = items.len() as i64;
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
}

/// The deque behind `v`, if `v` is one.
pub fn deque_of(v: Value) -> Option<Gc<DequeObj>> {
    Gc::<DequeObj>::from_value(v)
}

fn receiver(vm: &Vm, v: Value, method: &str) -> PyResult<Gc<DequeObj>> {
    deque_of(v).ok_or_else(|| {
        vm.type_error(&format!(
            "descriptor '{method}' requires a 'collections.deque' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn index_error(vm: &Vm, msg: &str) -> PyErr {
    PyErr::new(&vm.heap, vm.heap.types().index_error, msg)
}

fn mutated(vm: &Vm) -> PyErr {
    PyErr::new(&vm.heap, vm.heap.types().runtime_error, "deque mutated during iteration")
}

/// Makes class `deque` in `module`.
pub fn install(vm: &mut Vm, module: Value) -> PyResult<Value> {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("clear", clear),
        ("copy", copy),
        ("__copy__", copy),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("rotate", rotate),
        ("__len__", len),
        ("__bool__", bool_),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", super::deque_iter::iter),
        ("__reversed__", super::deque_iter::reversed),
        ("__repr__", repr),
        ("__reduce__", reduce),
        ("__sizeof__", sizeof),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
    ];
    let cls = new_class(vm, module, "collections", "deque", methods)?;
    for (name, f) in RICH_COMPARISONS {
        crate::builtins::add_method(vm, cls, name, f);
    }
    crate::builtins::add_new(vm, cls, new);
    add_property(vm, cls, "maxlen", maxlen);
    read_only(vm, cls, "maxlen");
    set_type_attr(vm, cls, "__hash__", Value::NONE);
    let tp_name = vm.heap.new_str("collections.deque");
    set_type_attr(vm, cls, "__tachyon_tp_name__", tp_name);
    Ok(cls)
}

/// `deque.__new__(cls, ...)`: an empty deque; `__init__` fills it.
fn new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let obj = DequeObj {
        items: RefCell::new(VecDeque::new()),
        maxlen: Cell::new(None),
        state: Cell::new(0),
        left_slot: Cell::new(FRESH_SLOT),
    };
    Ok(vm.heap.alloc(args[0], obj).value())
}

/// `deque(iterable=(), maxlen=None)`.
fn init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__init__")?;
    let [iterable, maxlen_arg] =
        two_optional_args(vm, "deque", &args[1..], kwnames, ["iterable", "maxlen"])?;
    let maxlen = match maxlen_arg {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            let n = match vm.as_int(v) {
                Some(i) => i.to_i64().ok_or_else(|| {
                    PyErr::overflow_error(&vm.heap, "Python int too large to convert to C ssize_t")
                })?,
                None => return Err(vm.type_error("an integer is required")),
            };
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    d.maxlen.set(maxlen);
    if !d.items.borrow().is_empty() {
        d.bump();
        d.items.borrow_mut().clear();
        d.settle();
    }
    if let Some(it) = iterable {
        extend_with(vm, d, args[0], it, false)?;
    }
    Ok(Value::NONE)
}

/// Makes property `name` of `cls` refuse assignment with CPython's
/// message for a read-only member.
fn read_only(vm: &mut Vm, cls: Value, name: &str) {
    let key = vm.heap.intern(name);
    let prop = Gc::<crate::object::types::TypeObj>::from_value(cls).and_then(|t| t.own_attr(key));
    if let Some(p) = prop.and_then(Gc::<crate::vm::function::PropertyObj>::from_value) {
        p.fset.set(crate::builtins::native(vm, "maxlen", not_writable));
    }
}

fn not_writable(vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult {
    Err(PyErr::new(
        &vm.heap,
        vm.heap.types().attribute_error,
        "attribute 'maxlen' of 'collections.deque' objects is not writable",
    ))
}

fn maxlen(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "maxlen")?;
    Ok(d.maxlen.get().map_or(Value::NONE, |m| vm.heap.new_int_i64(m as i64)))
}

fn append(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "append")?;
    let v = method_one_arg(vm, args, kwnames, "append")?;
    d.push(v, false);
    Ok(Value::NONE)
}

fn appendleft(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "appendleft")?;
    let v = method_one_arg(vm, args, kwnames, "appendleft")?;
    d.push(v, true);
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "pop")?;
    method_no_args(vm, args, kwnames, "pop")?;
    let v = d.items.borrow_mut().pop_back();
    d.settle();
    d.bump();
    v.ok_or_else(|| index_error(vm, "pop from an empty deque"))
}

fn popleft(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "popleft")?;
    method_no_args(vm, args, kwnames, "popleft")?;
    let v = d.pop_front();
    d.bump();
    v.ok_or_else(|| index_error(vm, "pop from an empty deque"))
}

/// Appends the items of `iterable` at the right (or left) end. A deque
/// extended by itself is copied first.
fn extend_with(
    vm: &mut Vm,
    d: Gc<DequeObj>,
    this: Value,
    iterable: Value,
    left: bool,
) -> PyResult<()> {
    // CPython fills an empty deque from the edge of its block.
    if d.is_empty() {
        d.left_slot.set(if left { BLOCKLEN - 1 } else { 1 });
    }
    if iterable == this {
        for v in d.snapshot() {
            d.push(v, left);
        }
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    let mark = vm.push_temp(it);
    vm.push_temp(this);
    let r = (|| {
        while let Some(v) = vm.iter_next(it)? {
            d.push(v, left);
        }
        Ok(())
    })();
    vm.truncate_temps(mark);
    r
}

fn extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "extend")?;
    let it = method_one_arg(vm, args, kwnames, "extend")?;
    extend_with(vm, d, args[0], it, false)?;
    Ok(Value::NONE)
}

fn extendleft(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "extendleft")?;
    let it = method_one_arg(vm, args, kwnames, "extendleft")?;
    extend_with(vm, d, args[0], it, true)?;
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "clear")?;
    method_no_args(vm, args, kwnames, "clear")?;
    d.bump();
    d.items.borrow_mut().clear();
    d.settle();
    Ok(Value::NONE)
}

/// `type(d)(d)` or `type(d)(d, maxlen)`: CPython's `deque_copy`, which a
/// subclass's constructor sees.
fn copy_of(vm: &mut Vm, this: Value) -> PyResult {
    let d = receiver(vm, this, "copy")?;
    let cls = vm.heap.type_of(this);
    let result = match d.maxlen.get() {
        None => vm.call(cls, &[this])?,
        Some(m) => {
            let m = vm.heap.new_int_i64(m as i64);
            vm.call(cls, &[this, m])?
        }
    };
    if deque_of(result).is_none() {
        return Err(vm.type_error(&format!(
            "{}() must return a deque, not {}",
            vm.type_name(this),
            vm.type_name(result)
        )));
    }
    Ok(result)
}

fn copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "copy")?;
    copy_of(vm, args[0])
}

/// Runs `test` on each item in turn (each rooted meanwhile) until it says
/// stop; fails if the deque changes under it.
fn search(
    vm: &mut Vm,
    d: Gc<DequeObj>,
    start: usize,
    stop: usize,
    mut test: impl FnMut(&mut Vm, usize, Value) -> PyResult<bool>,
) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(item) = d.get(i) else { break };
        let mark = vm.push_temp(item);
        let found = test(vm, i, item);
        vm.truncate_temps(mark);
        if found? {
            return Ok(Some(i));
        }
        if d.state.get() != state {
            return Err(mutated(vm));
        }
        i += 1;
    }
    Ok(None)
}

fn count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "count")?;
    let x = method_one_arg(vm, args, kwnames, "count")?;
    let mut n = 0i64;
    search(vm, d, 0, usize::MAX, |vm, _, item| {
        if vm.keys_equal(item, x)? {
            n += 1;
        }
        Ok(false)
    })?;
    Ok(vm.heap.new_int_i64(n))
}

fn contains(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__contains__")?;
    let x = method_one_arg(vm, args, kwnames, "__contains__")?;
    let found = search(vm, d, 0, usize::MAX, |vm, _, item| vm.keys_equal(item, x))?;
    Ok(Value::from_bool(found.is_some()))
}

fn index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "index")?;
    crate::builtins::method_no_kwargs(vm, "index", kwnames)?;
    if args.len() < 2 || args.len() > 4 {
        let n = args.len() - 1;
        return Err(vm.type_error(&if n < 1 {
            format!("index expected at least 1 argument, got {n}")
        } else {
            format!("index expected at most 3 arguments, got {n}")
        }));
    }
    let x = args[1];
    let len = d.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            Some(v) => match vm.as_index(*v)? {
                Some(i) => {
                    let i = i.to_i64_saturating();
                    Ok(if i < 0 { i.saturating_add(len).max(0) } else { i })
                }
                None => {
                    Err(vm.type_error("slice indices must be integers or have an __index__ method"))
                }
            },
            None => Ok(default),
        }
    };
    let start = bound(vm, args.get(2), 0)?;
    let stop = bound(vm, args.get(3), len)?.min(len);
    let found = if start < stop {
        search(vm, d, start as usize, stop as usize, |vm, _, item| vm.keys_equal(item, x))?
    } else {
        None
    };
    match found {
        Some(i) => Ok(vm.heap.new_int_i64(i as i64)),
        None => {
            let r = vm.repr_of_value(x)?;
            Err(vm.value_error(&format!("{r} is not in deque")))
        }
    }
}

fn insert(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "insert")?;
    crate::builtins::method_no_kwargs(vm, "insert", kwnames)?;
    if args.len() != 3 {
        return Err(vm.type_error(&format!("insert expected 2 arguments, got {}", args.len() - 1)));
    }
    let i = ssize_arg(vm, args[1])?;
    let len = d.len();
    if d.maxlen.get().is_some_and(|m| len >= m) {
        return Err(index_error(vm, "deque already at its maximum size"));
    }
    let len = len as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    d.bump();
    d.items.borrow_mut().insert(at, args[2]);
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "remove")?;
    let x = method_one_arg(vm, args, kwnames, "remove")?;
    let state = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        let mark = vm.push_temp(item);
        let eq = vm.keys_equal(item, x);
        vm.truncate_temps(mark);
        let eq = eq?;
        if d.state.get() != state {
            return Err(index_error(vm, "deque mutated during remove()."));
        }
        if eq {
            d.bump();
            d.items.borrow_mut().remove(i);
            d.settle();
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.value_error("deque.remove(x): x not in deque"))
}

fn reverse(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "reverse")?;
    method_no_args(vm, args, kwnames, "reverse")?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::NONE)
}

fn rotate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "rotate")?;
    crate::builtins::method_no_kwargs(vm, "rotate", kwnames)?;
    if args.len() > 2 {
        return Err(
            vm.type_error(&format!("rotate expected at most 1 argument, got {}", args.len() - 1))
        );
    }
    let n = match args.get(1) {
        Some(&v) => ssize_arg(vm, v)?,
        None => 1,
    };
    d.rotate(n);
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__len__")?;
    Ok(vm.heap.new_int_i64(d.len() as i64))
}

fn bool_(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__bool__")?;
    Ok(Value::from_bool(!d.is_empty()))
}

/// The position item index `key` names, or CPython's errors.
fn position(vm: &mut Vm, d: Gc<DequeObj>, key: Value) -> PyResult<usize> {
    let i = match vm.as_index(key)? {
        Some(crate::number::Int::Small(i)) => i,
        Some(_) => return Err(index_error(vm, "cannot fit 'int' into an index-sized integer")),
        None => {
            return Err(vm.type_error(&format!(
                "sequence index must be integer, not '{}'",
                vm.type_name(key)
            )))
        }
    };
    let len = d.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(index_error(vm, "deque index out of range"));
    }
    Ok(i as usize)
}

fn getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__getitem__")?;
    let key = method_one_arg(vm, args, kwnames, "__getitem__")?;
    let i = position(vm, d, key)?;
    d.get(i).ok_or_else(|| index_error(vm, "deque index out of range"))
}

fn setitem(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__setitem__")?;
    if args.len() != 3 {
        return Err(
            vm.type_error(&format!("expected 2 arguments, got {}", args.len().saturating_sub(1)))
        );
    }
    let i = position(vm, d, args[1])?;
    if let Some(slot) = d.items.borrow_mut().get_mut(i) {
        *slot = args[2];
    }
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__delitem__")?;
    let key = method_one_arg(vm, args, kwnames, "__delitem__")?;
    let i = position(vm, d, key)?;
    d.bump();
    d.items.borrow_mut().remove(i);
    d.settle();
    Ok(Value::NONE)
}

/// `deque([...])`, `deque([...], maxlen=n)`, or `[...]` for a deque
/// already being shown further up.
fn repr(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let this = args[0];
    let d = receiver(vm, this, "__repr__")?;
    if vm.repr_stack.contains(&this) {
        return Ok(vm.heap.new_str("[...]"));
    }
    let list = vm.heap.new_list(&d.snapshot());
    vm.repr_stack.push(this);
    let text = vm.with_temp(list, |vm| vm.repr_of_value(list));
    vm.repr_stack.pop();
    let text = text?;
    let name = vm.heap.type_obj(this).name();
    let s = match d.maxlen.get() {
        None => format!("{name}({text})"),
        Some(m) => format!("{name}({text}, maxlen={m})"),
    };
    Ok(vm.heap.new_str_from_string(s))
}

/// `(type(d), (), state, iter(d))`, with `((), maxlen)` for a bounded deque
/// and the instance dict of a subclass as the state.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let this = args[0];
    let d = receiver(vm, this, "__reduce__")?;
    method_no_args(vm, args, kwnames, "__reduce__")?;
    // Only a subclass's instances have a `__dict__`.
    let tp_name = vm.heap.intern("__tachyon_tp_name__");
    let exact = vm.heap.type_obj(this).own_attr(tp_name).is_some();
    let key = vm.heap.intern("__dict__");
    let dict = match if exact { Ok(Value::NONE) } else { vm.get_attr(this, key) } {
        Ok(v) => v,
        Err(e) if e.matches(&vm.heap, vm.heap.types().attribute_error) => Value::NONE,
        Err(e) => return Err(e),
    };
    let mark = vm.push_temp(dict);
    let r = (|| {
        let it = super::deque_iter::iter(vm, &[this], &[])?;
        vm.push_temp(it);
        let empty = vm.heap.new_tuple(&[]);
        vm.push_temp(empty);
        let ctor_args = match d.maxlen.get() {
            None => empty,
            Some(m) => {
                let m = vm.heap.new_int_i64(m as i64);
                vm.heap.new_tuple(&[empty, m])
            }
        };
        vm.push_temp(ctor_args);
        let cls = vm.heap.type_of(this);
        Ok(vm.heap.new_tuple(&[cls, ctor_args, dict, it]))
    })();
    vm.truncate_temps(mark);
    r
}

/// CPython's figure: the object and its 64-slot blocks.
fn sizeof(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__sizeof__")?;
    method_no_args(vm, args, kwnames, "__sizeof__")?;
    const BASIC: usize = 80;
    const BLOCK: usize = 16 + BLOCKLEN * 8;
    let blocks = (d.left_slot.get() + d.len()).div_ceil(BLOCKLEN).max(1);
    Ok(vm.heap.new_int_i64((BASIC + blocks * BLOCK) as i64))
}

fn add(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    receiver(vm, args[0], "__add__")?;
    let other = method_one_arg(vm, args, kwnames, "__add__")?;
    if deque_of(other).is_none() {
        return Err(vm.type_error(&format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(other)
        )));
    }
    let result = copy_of(vm, args[0])?;
    let mark = vm.push_temp(result);
    let r = match deque_of(result) {
        Some(new) => extend_with(vm, new, result, other, false),
        None => vm.call_method_by_name(result, "extend", &[other]).map(|_| ()),
    };
    vm.truncate_temps(mark);
    r.map(|_| result)
}

fn iadd(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__iadd__")?;
    let other = method_one_arg(vm, args, kwnames, "__iadd__")?;
    extend_with(vm, d, args[0], other, false)?;
    Ok(args[0])
}

/// The repeat count of `d * n`, as `PySequence_Repeat` takes it.
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<i64> {
    match vm.as_index(n)? {
        Some(i) => i.to_i64().ok_or_else(|| {
            PyErr::overflow_error(&vm.heap, "cannot fit 'int' into an index-sized integer")
        }),
        None => Err(vm.type_error(&format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        ))),
    }
}

/// `d *= n` in place: the items `n` times over, only the rightmost
/// `maxlen` kept.
fn repeat_in_place(vm: &Vm, d: Gc<DequeObj>, n: i64) -> PyResult<()> {
    let items = d.snapshot();
    if n <= 0 || items.is_empty() {
        d.bump();
        d.items.borrow_mut().clear();
        d.settle();
        return Ok(());
    }
    if n == 1 {
        return Ok(());
    }
    let total = (items.len() as u128) * (n as u128);
    let keep = d.maxlen.get().map_or(total, |m| total.min(m as u128));
    if keep > (isize::MAX as u128) / 8 {
        return Err(PyErr::new(&vm.heap, vm.heap.types().memory_error, ""));
    }
    let keep = keep as usize;
    let len = items.len();
    let skip = (total - keep as u128) as usize % len;
    let mut out = VecDeque::with_capacity(keep);
    out.extend(items.iter().cycle().skip(skip).take(keep).copied());
    d.bump();
    *d.items.borrow_mut() = out;
    Ok(())
}

fn imul(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = receiver(vm, args[0], "__imul__")?;
    let n = method_one_arg(vm, args, kwnames, "__imul__")?;
    let n = repeat_count(vm, n)?;
    repeat_in_place(vm, d, n)?;
    Ok(args[0])
}

fn mul(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    receiver(vm, args[0], "__mul__")?;
    let n = method_one_arg(vm, args, kwnames, "__mul__")?;
    let n = repeat_count(vm, n)?;
    let result = copy_of(vm, args[0])?;
    match deque_of(result) {
        Some(new) => repeat_in_place(vm, new, n)?,
        None => {
            let n = vm.heap.new_int_i64(n);
            let mark = vm.push_temp(result);
            let r = vm.call_method_by_name(result, "__imul__", &[n]);
            vm.truncate_temps(mark);
            return r;
        }
    }
    Ok(result)
}

/// Deques compare as the lists of their items; anything else is
/// `NotImplemented`.
fn compare(vm: &mut Vm, args: &[Value], kwnames: &[Value], op: CmpOp) -> PyResult {
    let a = receiver(vm, args[0], "__eq__")?;
    let other = method_one_arg(vm, args, kwnames, "__eq__")?;
    let Some(b) = deque_of(other) else {
        return Ok(vm.heap.singletons().not_implemented);
    };
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::from_bool(op == CmpOp::Ne));
    }
    let x = vm.heap.new_list(&a.snapshot());
    let mark = vm.push_temp(x);
    let y = vm.heap.new_list(&b.snapshot());
    vm.push_temp(y);
    let r = vm.rich_compare(op, x, y);
    vm.truncate_temps(mark);
    r
}

rich_comparisons!(compare);
