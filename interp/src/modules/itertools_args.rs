//! The argument checks of itertools' constructors, worded as CPython 3.8's
//! Argument Clinic code words them (`_PyArg_CheckPositional`,
//! `_PyArg_NoKeywords`, `_PyArg_UnpackKeywords`).

use crate::object::str::str_of;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// Whether `cls` is the native class itself, not a Python subclass (only
/// the native class has `__tachyon_tp_name__` in its own dict): CPython
/// refuses keywords only for the exact type.
fn is_exact(vm: &Vm, cls: Value) -> bool {
    let key = vm.heap.intern("__tachyon_tp_name__");
    crate::object::Gc::<crate::object::types::TypeObj>::from_value(cls)
        .is_some_and(|t| t.own_attr(key).is_some())
}

/// CPython's `_PyArg_NoKeywords` for constructor `name` of class `cls`:
/// keywords are refused for the native class only, as a Python subclass's
/// `__init__` may take its own.
pub fn no_keywords(vm: &Vm, name: &str, cls: Value, kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() && is_exact(vm, cls) {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// The `N` positional arguments of constructor `name` (`args[0]` is the
/// class), which takes no keywords.
pub fn positional_only<const N: usize>(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<[Value; N]> {
    no_keywords(vm, name, args[0], kwnames)?;
    let given = args.len() - 1 - kwnames.len();
    if given != N {
        let s = if N == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!("{name} expected {N} argument{s}, got {given}")));
    }
    let mut out = [Value::NONE; N];
    out.copy_from_slice(&args[1..=N]);
    Ok(out)
}

/// The arguments `names` of constructor `fname` (`args[0]` is the class),
/// by position or keyword: the first `required` must be given, those from
/// `max_pos` on are keyword-only.
pub fn args_for<const N: usize>(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: &[&str; N],
    required: usize,
    max_pos: usize,
) -> PyResult<[Option<Value>; N]> {
    let npos = args.len() - 1 - kwnames.len();
    if npos > max_pos {
        // Keyword-only parameters mean Argument Clinic's wording; without
        // them `PyArg_ParseTupleAndKeywords`'.
        let (bound, what) = if max_pos == N {
            ("at most", "argument")
        } else if required < max_pos {
            ("at most", "positional argument")
        } else {
            ("exactly", "positional argument")
        };
        let s = if max_pos == 1 { "" } else { "s" };
        return Err(
            vm.type_error(&format!("{fname}() takes {bound} {max_pos} {what}{s} ({npos} given)"))
        );
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(&args[1..=npos]) {
        *slot = Some(*v);
    }
    // A stray keyword is reported after a missing argument, as CPython
    // checks them in that order.
    let mut stray = None;
    for (k, v) in kwnames.iter().zip(&args[1 + npos..]) {
        let key = str_of(*k).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        match names.iter().position(|n| *n == key) {
            Some(i) if out[i].is_none() => out[i] = Some(*v),
            Some(i) => {
                stray = stray.or(Some(format!(
                    "argument for {fname}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            None => {
                stray =
                    stray.or(Some(format!("'{key}' is an invalid keyword argument for {fname}()")))
            }
        }
    }
    if let Some(i) = out[..required].iter().position(Option::is_none) {
        return Err(vm.type_error(&format!(
            "{fname}() missing required argument '{}' (pos {})",
            names[i],
            i + 1
        )));
    }
    if let Some(msg) = stray {
        return Err(vm.type_error(&msg));
    }
    Ok(out)
}
