//! Warnings issued by native code (`int()`'s `DeprecationWarning`, the
//! compiler's `SyntaxWarning`s, ...): they go through the Python
//! `warnings` module, whose filters decide, as CPython's `PyErr_WarnEx`
//! and `PyErr_WarnExplicitObject` do.

use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// `warnings.warn(message, category, stacklevel)`: with `stacklevel` 1 the
/// warning names the Python code that called the native function.
pub fn warn(vm: &mut Vm, category: Value, message: &str, stacklevel: i64) -> PyResult<()> {
    let level = vm.heap.new_int_i64(stacklevel);
    call_warnings(vm, "warn", message, &[category, level])
}

/// `warnings.warn_explicit(message, category, filename, lineno)`: a
/// warning about a place in source text, not about a running frame.
pub fn warn_explicit(
    vm: &mut Vm,
    category: Value,
    message: &str,
    filename: &str,
    lineno: u32,
) -> PyResult<()> {
    let filename = vm.heap.new_str(filename);
    let mark = vm.push_temp(filename);
    let lineno = vm.heap.new_int_i64(i64::from(lineno));
    let result = call_warnings(vm, "warn_explicit", message, &[category, filename, lineno]);
    vm.truncate_temps(mark);
    result
}

/// Calls `warnings.<func>(message, *rest)`.
fn call_warnings(vm: &mut Vm, func: &str, message: &str, rest: &[Value]) -> PyResult<()> {
    let warnings = vm.import_module("warnings")?;
    let mark = vm.push_temp(warnings);
    let result = (|| {
        let f = vm.get_attr(warnings, vm.heap.intern(func))?;
        vm.push_temp(f);
        let msg = vm.heap.new_str(message);
        vm.push_temp(msg);
        let mut args = vec![msg];
        args.extend_from_slice(rest);
        vm.call(f, &args).map(|_| ())
    })();
    vm.truncate_temps(mark);
    result
}
