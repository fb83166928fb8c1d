//! itertools' groupby and its `_grouper`s, as CPython 3.8's
//! `groupby_next`/`_grouper_next`: the groupby and the grouper of the
//! current group share one position in the source iterator, and a grouper
//! stops for good once its groupby has moved on. Pickling as CPython's.

use std::cell::RefCell;

use super::itertools_args::args_for;
use super::support::{item_or_stop, new_class, self_iter};
use crate::builtins::{add_new, method_no_args, method_one_arg};
use crate::object::gc::Tracer;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, ObjKind, Payload, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// CPython's fields; `None` stands for its NULLs.
pub struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// The grouper of the current group (NONE for none).
    currgrouper: Value,
}

pub enum GroupState {
    GroupBy(GroupBy),
    Grouper { parent: Value, tgtkey: Value },
}

pub struct GroupObj {
    pub state: RefCell<GroupState>,
}

// SAFETY: traces every value the state holds.
unsafe impl Payload for GroupObj {
    const KIND: ObjKind = ObjKind::GroupBy;
    fn trace(&self, tracer: &mut Tracer) {
        match &*self.state.borrow() {
            GroupState::GroupBy(g) => {
                tracer.mark_all(&[g.it, g.keyfunc, g.currgrouper]);
                for v in [g.tgtkey, g.currkey, g.currvalue].into_iter().flatten() {
                    tracer.mark(v);
                }
            }
            GroupState::Grouper { parent, tgtkey } => tracer.mark_all(&[*parent, *tgtkey]),
        }
    }
}

/// Makes `groupby` and `_grouper` in `module`.
pub fn install(vm: &mut Vm, module: Value) -> PyResult<()> {
    let methods: [(&'static str, NativeFn); 3] =
        [("__iter__", self_iter), ("__next__", next), ("__reduce__", reduce)];
    let mut with_setstate = methods.to_vec();
    with_setstate.push(("__setstate__", setstate));
    for (name, ctor, methods) in [
        ("groupby", groupby_new as NativeFn, &with_setstate[..]),
        ("_grouper", grouper_new, &methods[..]),
    ] {
        let cls = new_class(vm, module, "itertools", name, methods)?;
        add_new(vm, cls, ctor);
        let tp_name = vm.heap.new_str(&format!("itertools.{name}"));
        crate::builtins::set_type_attr(vm, cls, "__tachyon_tp_name__", tp_name);
    }
    Ok(())
}

fn receiver(vm: &Vm, v: Value) -> PyResult<Gc<GroupObj>> {
    Gc::<GroupObj>::from_value(v).ok_or_else(|| {
        vm.type_error(&format!("expected an itertools object, got '{}'", vm.type_name(v)))
    })
}

fn groupby_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [iterable, key] = args_for(vm, "groupby", args, kwnames, &["iterable", "key"], 1, 2)?;
    let it = vm.get_iter(iterable.unwrap_or(Value::NONE))?;
    let g = GroupBy {
        it,
        keyfunc: key.unwrap_or(Value::NONE),
        tgtkey: None,
        currkey: None,
        currvalue: None,
        currgrouper: Value::NONE,
    };
    Ok(vm.heap.alloc(args[0], GroupObj { state: RefCell::new(GroupState::GroupBy(g)) }).value())
}

/// `_grouper(parent, tgtkey)` (for unpickling): it becomes the parent's
/// current grouper.
fn grouper_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [parent, tgtkey] = super::itertools_args::positional_only(vm, "_grouper", args, kwnames)?;
    let is_groupby = Gc::<GroupObj>::from_value(parent)
        .is_some_and(|p| matches!(&*p.state.borrow(), GroupState::GroupBy(_)));
    if !is_groupby {
        return Err(vm.type_error(&format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, parent)
        )));
    }
    Ok(make_grouper(vm, args[0], parent, tgtkey))
}

fn make_grouper(vm: &Vm, cls: Value, parent: Value, tgtkey: Value) -> Value {
    let grouper = vm
        .heap
        .alloc(cls, GroupObj { state: RefCell::new(GroupState::Grouper { parent, tgtkey }) })
        .value();
    with_groupby(parent, |g| g.currgrouper = grouper);
    grouper
}

/// Runs `f` on the groupby fields of `v` (nothing if `v` is no groupby).
fn with_groupby<T>(v: Value, f: impl FnOnce(&mut GroupBy) -> T) -> Option<T> {
    let obj = Gc::<GroupObj>::from_value(v)?;
    let mut state = obj.state.borrow_mut();
    match &mut *state {
        GroupState::GroupBy(g) => Some(f(g)),
        GroupState::Grouper { .. } => None,
    }
}

fn next(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let r = step(vm, args[0])?;
    item_or_stop(vm, r)
}

/// The next item of a groupby or grouper, `None` at the end.
pub fn step(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let obj = receiver(vm, it)?;
    let grouper = match &*obj.state.borrow() {
        GroupState::GroupBy(_) => None,
        GroupState::Grouper { parent, tgtkey } => Some((*parent, *tgtkey)),
    };
    let mark = vm.push_temp(it);
    let r = match grouper {
        None => groupby_step(vm, it),
        Some((parent, tgtkey)) => grouper_step(vm, it, parent, tgtkey),
    };
    vm.truncate_temps(mark);
    r
}

/// Reads the next value and its key into the groupby (`groupby_step`);
/// `false` at the end of the source.
fn advance(vm: &mut Vm, gb: Value) -> PyResult<bool> {
    let Some((it, keyfunc)) = with_groupby(gb, |g| (g.it, g.keyfunc)) else { return Ok(false) };
    let Some(value) = vm.iter_next(it)? else { return Ok(false) };
    let key = if keyfunc.is_none() {
        value
    } else {
        vm.with_temp(value, |vm| vm.call(keyfunc, &[value]))?
    };
    with_groupby(gb, |g| {
        g.currvalue = Some(value);
        g.currkey = Some(key);
    });
    Ok(true)
}

fn groupby_step(vm: &mut Vm, gb: Value) -> PyResult<Option<Value>> {
    with_groupby(gb, |g| g.currgrouper = Value::NONE);
    // Skip to the next group.
    loop {
        let Some((tgtkey, currkey)) = with_groupby(gb, |g| (g.tgtkey, g.currkey)) else {
            return Ok(None);
        };
        match (currkey, tgtkey) {
            (None, _) => {}
            (Some(_), None) => break,
            (Some(c), Some(t)) => {
                if !vm.keys_equal(t, c)? {
                    break;
                }
            }
        }
        if !advance(vm, gb)? {
            return Ok(None);
        }
    }
    let Some(key) = with_groupby(gb, |g| {
        g.tgtkey = g.currkey;
        g.currkey
    })
    .flatten() else {
        return Ok(None);
    };
    let cls = super::support::native_module_attr(vm, "itertools", "_grouper")?;
    let grouper = make_grouper(vm, cls, gb, key);
    Ok(Some(vm.with_temp(grouper, |vm| vm.heap.new_tuple(&[key, grouper]))))
}

fn grouper_step(vm: &mut Vm, me: Value, gb: Value, tgtkey: Value) -> PyResult<Option<Value>> {
    if with_groupby(gb, |g| g.currgrouper) != Some(me) {
        return Ok(None);
    }
    if with_groupby(gb, |g| g.currvalue.is_none()) == Some(true) && !advance(vm, gb)? {
        return Ok(None);
    }
    let Some(currkey) = with_groupby(gb, |g| g.currkey).flatten() else { return Ok(None) };
    if !vm.keys_equal(tgtkey, currkey)? {
        return Ok(None);
    }
    Ok(with_groupby(gb, |g| {
        g.currkey = None;
        g.currvalue.take()
    })
    .flatten())
}

/// `__reduce__`: a groupby with its current key, value and target key
/// once it has started; a grouper no longer current as `iter(())`.
fn reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__reduce__")?;
    let this = args[0];
    let obj = receiver(vm, this)?;
    let cls = vm.heap.type_of(this);
    enum Plan {
        GroupBy([Value; 2], Option<[Value; 3]>),
        Grouper(Value, Value),
    }
    let plan = match &*obj.state.borrow() {
        GroupState::GroupBy(g) => {
            let state = match (g.tgtkey, g.currkey, g.currvalue) {
                (Some(t), Some(k), Some(v)) => Some([k, v, t]),
                _ => None,
            };
            Plan::GroupBy([g.it, g.keyfunc], state)
        }
        GroupState::Grouper { parent, tgtkey } => Plan::Grouper(*parent, *tgtkey),
    };
    let mark = vm.stack.len();
    let r = match plan {
        Plan::GroupBy(a, state) => {
            let a = vm.heap.new_tuple(&a);
            vm.push_temp(a);
            match state {
                Some(s) => {
                    let s = vm.heap.new_tuple(&s);
                    vm.push_temp(s);
                    vm.heap.new_tuple(&[cls, a, s])
                }
                None => vm.heap.new_tuple(&[cls, a]),
            }
        }
        Plan::Grouper(parent, tgtkey) => {
            if with_groupby(parent, |g| g.currgrouper) != Some(this) {
                let key = vm.heap.intern("iter");
                let iter = vm.dict_get_str_fast(vm.builtins, key).flatten().unwrap_or(Value::NONE);
                vm.push_temp(iter);
                let empty = vm.heap.new_tuple(&[]);
                vm.push_temp(empty);
                let a = vm.heap.new_tuple(&[empty]);
                vm.push_temp(a);
                vm.heap.new_tuple(&[iter, a])
            } else {
                let a = vm.heap.new_tuple(&[parent, tgtkey]);
                vm.push_temp(a);
                vm.heap.new_tuple(&[cls, a])
            }
        }
    };
    vm.truncate_temps(mark);
    Ok(r)
}

/// `groupby.__setstate__((currkey, currvalue, tgtkey))`.
fn setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let state = method_one_arg(vm, args, kwnames, "__setstate__")?;
    let Some(parts) = tuple_of(state).map(|t| t.items().to_vec()) else {
        return Err(vm.type_error("state is not a tuple"));
    };
    let [currkey, currvalue, tgtkey] = parts[..] else {
        return Err(
            vm.type_error(&format!("function takes exactly 3 arguments ({} given)", parts.len()))
        );
    };
    with_groupby(args[0], |g| {
        g.currkey = Some(currkey);
        g.currvalue = Some(currvalue);
        g.tgtkey = Some(tgtkey);
    });
    Ok(Value::NONE)
}
