//! `_bisect`: binary search and insertion in sorted sequences, after
//! CPython 3.8's `Modules/_bisectmodule.c` (items compared with `<` through
//! the VM, so tuples and classes with `__lt__` work).

use super::support::function_module;
use crate::builtins::functions::index_of;
use crate::builtins::str_methods::keyword_args;
use crate::bytecode::instr::CmpOp;
use crate::object::list::list_of;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("bisect_right", bisect_right),
        ("bisect_left", bisect_left),
        ("insort_right", insort_right),
        ("insort_left", insort_left),
    ];
    function_module(vm, "_bisect", funcs)
}

/// `a < b` as a bool.
pub fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    let mark = vm.push_temp(a);
    vm.push_temp(b);
    let r = vm.rich_compare(CmpOp::Lt, a, b).and_then(|r| vm.is_true(r));
    vm.truncate_temps(mark);
    r
}

/// The insertion point of `x` in `a[lo:hi]`: after equal items when
/// `right`, before them otherwise.
fn search(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
    right: bool,
) -> PyResult<(Value, Value, usize)> {
    if args.len() > 4 {
        return Err(
            vm.type_error(&format!("{name}() takes at most 4 arguments ({} given)", args.len()))
        );
    }
    let bound = keyword_args(vm, args, kwnames, name, &["a", "x", "lo", "hi"])?;
    let (Some(a), Some(x)) = (bound[0], bound[1]) else {
        let (missing, pos) = if bound[0].is_none() { ("a", 1) } else { ("x", 2) };
        return Err(
            vm.type_error(&format!("{name}() missing required argument '{missing}' (pos {pos})"))
        );
    };
    let lo = match bound[2] {
        Some(v) => index_of(vm, v)?.to_i64_saturating(),
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match bound[3] {
        Some(v) => index_of(vm, v)?.to_i64_saturating(),
        None => -1,
    };
    let hi = if hi == -1 { vm.len_of(a)? as i64 } else { hi };
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let item = match list_of(a) {
            Some(l) if (mid as usize) < l.items.len() => {
                l.items.get(mid as usize).unwrap_or(Value::NONE)
            }
            _ => {
                let key = vm.heap.new_int_i64(mid);
                vm.get_item(a, key)?
            }
        };
        let go_left = if right { less(vm, x, item)? } else { !less(vm, item, x)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok((a, x, lo as usize))
}

fn bisect_right(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (_, _, i) = search(vm, "bisect_right", args, kwnames, true)?;
    Ok(vm.heap.new_int_i64(i as i64))
}

fn bisect_left(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (_, _, i) = search(vm, "bisect_left", args, kwnames, false)?;
    Ok(vm.heap.new_int_i64(i as i64))
}

fn insert(vm: &mut Vm, a: Value, x: Value, i: usize) -> PyResult {
    let exact_list = list_of(a).is_some() && vm.heap.type_of(a) == vm.heap.types().list;
    match list_of(a) {
        Some(l) if exact_list => {
            l.items.insert(i.min(l.items.len()), x);
        }
        _ => {
            let index = vm.heap.new_int_i64(i as i64);
            vm.call_method_by_name(a, "insert", &[index, x])?;
        }
    }
    Ok(Value::NONE)
}

fn insort_right(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, x, i) = search(vm, "insort_right", args, kwnames, true)?;
    insert(vm, a, x, i)
}

fn insort_left(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, x, i) = search(vm, "insort_left", args, kwnames, false)?;
    insert(vm, a, x, i)
}
