//! Helpers for the instructions traces run exactly as the interpreter does,
//! with nothing to specialize on: dict, set and string displays, f-string
//! fields, starred arguments and items, `f(*args, **kwargs)`, `del` of
//! attributes and items, entering `with`, cells made on function entry. Each calls the
//! interpreter's own method, so results and errors are the interpreter's.
//!
//! Items come in the scratch buffer (see the parent module); they are pushed
//! onto the VM's stack, where they stay rooted while the method runs (it may
//! run Python code: `__hash__`, `__eq__`, `__format__`, `__iter__`).

use super::{value, with_scratch_pushed, with_vm};
use crate::bytecode::instr::{Conversion, UnaryOp};
use crate::object::list::list_of;
use crate::object::value::EMPTY_BITS;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// Runs `f` on the first `n` scratch words, pushed onto the stack for the
/// call.
fn with_scratch_items(
    vm: &mut Vm,
    n: usize,
    f: impl FnOnce(&mut Vm, &[Value]) -> PyResult,
) -> PyResult {
    with_scratch_pushed(vm, n, |vm, top| {
        // The copy is what the method reads; the stack keeps the items alive.
        let items = vm.stack[top..].to_vec();
        f(vm, &items)
    })
}

/// An optional operand: [`EMPTY_BITS`] for none.
fn optional(w: u64) -> Option<Value> {
    (w != EMPTY_BITS).then(|| value(w))
}

/// The encoding of a [`Conversion`] as a helper's word argument.
pub fn conversion_word(conv: Conversion) -> u64 {
    match conv {
        Conversion::None => 0,
        Conversion::Str => 1,
        Conversion::Repr => 2,
        Conversion::Ascii => 3,
    }
}

fn conversion(w: u64) -> Conversion {
    match w {
        1 => Conversion::Str,
        2 => Conversion::Repr,
        3 => Conversion::Ascii,
        _ => Conversion::None,
    }
}

/// `BuildMap`: a dict of `pairs` key/value pairs.
pub(super) extern "C" fn build_map(pairs: u64) -> u64 {
    with_vm(|vm| {
        with_scratch_items(vm, 2 * pairs as usize, |vm, items| vm.new_dict_from_pairs(items))
    })
}

/// `BuildSet`: a set of `n` items.
pub(super) extern "C" fn build_set(n: u64) -> u64 {
    with_vm(|vm| with_scratch_items(vm, n as usize, |vm, items| vm.new_set_from(items)))
}

/// `BuildString`: `n` strings joined.
pub(super) extern "C" fn build_string(n: u64) -> u64 {
    with_vm(|vm| with_scratch_items(vm, n as usize, |vm, items| vm.concat_strs(items)))
}

/// `FormatValue`: an f-string field, `spec` [`EMPTY_BITS`] when it has none.
pub(super) extern "C" fn format_value(v: u64, conv: u64, spec: u64) -> u64 {
    with_vm(|vm| vm.format_value(value(v), conversion(conv), optional(spec)))
}

/// `ListExtend`: starred items of a list display.
pub(super) extern "C" fn list_extend(list: u64, src: u64) -> u64 {
    with_vm(|vm| vm.list_extend(value(list), value(src)).map(|()| Value::NONE))
}

/// `ArgsExtend`: `f(*src)`'s arguments.
pub(super) extern "C" fn args_extend(list: u64, src: u64, func: u64) -> u64 {
    with_vm(|vm| vm.args_extend(value(list), value(src), value(func)).map(|()| Value::NONE))
}

/// `SetUpdate`: starred items of a set display.
pub(super) extern "C" fn set_update(set: u64, src: u64) -> u64 {
    with_vm(|vm| vm.set_update(value(set), value(src)).map(|()| Value::NONE))
}

/// `DictUpdate`: `**src` in a dict display.
pub(super) extern "C" fn dict_update(dict: u64, src: u64) -> u64 {
    with_vm(|vm| vm.dict_update_display(value(dict), value(src)).map(|()| Value::NONE))
}

/// `DictMerge`: `f(**src)`'s keyword arguments.
pub(super) extern "C" fn dict_merge(dict: u64, src: u64, func: u64) -> u64 {
    with_vm(|vm| vm.dict_merge_kwargs(value(dict), value(src), value(func)).map(|()| Value::NONE))
}

/// `ListToTuple`: the tuple of a list's items.
pub(super) extern "C" fn list_to_tuple(list: u64) -> u64 {
    // Nothing from scratch: the list's items go where the tuple is built from.
    with_vm(|vm| {
        with_scratch_pushed(vm, 0, |vm, top| {
            if let Some(list) = list_of(value(list)) {
                list.items.extend_into(&mut vm.stack);
            }
            Ok(vm.heap.new_tuple(&vm.stack[top..]))
        })
    })
}

/// `CallEx`: `func(*args, **kwargs)`, `kwargs` [`EMPTY_BITS`] when absent.
pub(super) extern "C" fn call_ex(func: u64, args: u64, kwargs: u64) -> u64 {
    with_vm(|vm| vm.call_ex(value(func), value(args), optional(kwargs)))
}

/// `DeleteAttr`: `del obj.name`.
pub(super) extern "C" fn delete_attr(obj: u64, name: u64) -> u64 {
    with_vm(|vm| vm.del_attr(value(obj), value(name)).map(|()| Value::NONE))
}

/// `DeleteSubscr`: `del obj[key]`.
pub(super) extern "C" fn delete_subscr(obj: u64, key: u64) -> u64 {
    with_vm(|vm| vm.del_item(value(obj), value(key)).map(|()| Value::NONE))
}

/// `WithEnter`: `mgr.__enter__()`, with the bound `__exit__` in scratch
/// word 0.
pub(super) extern "C" fn with_enter(mgr: u64) -> u64 {
    with_vm(|vm| {
        let (exit, entered) = vm.with_enter(value(mgr))?;
        vm.jit.scratch.set(0, exit);
        Ok(entered)
    })
}

/// `UnpackEx`: `a, *b, c = src`, the `before + 1 + after` targets' values
/// left in scratch (the starred one a list).
pub(super) extern "C" fn unpack_ex(src: u64, before: u64, after: u64) -> u64 {
    with_vm(|vm| {
        let items = vm.unpack(value(src), before as usize, Some(after as usize))?;
        for (i, v) in items.into_iter().enumerate() {
            vm.jit.scratch.set(i, v);
        }
        Ok(Value::NONE)
    })
}

/// `MakeCell`: a new cell holding `v` (empty when `v` is unbound).
pub(super) extern "C" fn make_cell(v: u64) -> u64 {
    with_vm(|vm| Ok(vm.new_cell(value(v))))
}

/// The encoding of `-`, `+` and `~` as a helper's word argument (`not`
/// never reaches [`unary`]).
pub fn unary_word(op: UnaryOp) -> u64 {
    match op {
        UnaryOp::Neg => 0,
        UnaryOp::Pos => 1,
        UnaryOp::Invert | UnaryOp::Not => 2,
    }
}

/// `-x`, `+x`, `~x` of what the trace does not compute inline.
pub(super) extern "C" fn unary(op: u64, x: u64) -> u64 {
    let op = match op {
        0 => UnaryOp::Neg,
        1 => UnaryOp::Pos,
        _ => UnaryOp::Invert,
    };
    with_vm(|vm| vm.unary_op(op, value(x)))
}
