//! Warnings issued by native code (`int()`'s `DeprecationWarning`, ...):
//! they go through the Python `warnings` module, whose filters decide, as
//! CPython's `PyErr_WarnEx` does.

use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// `warnings.warn(message, category, stacklevel)`: with `stacklevel` 1 the
/// warning names the Python code that called the native function.
pub fn warn(vm: &mut Vm, category: Value, message: &str, stacklevel: i64) -> PyResult<()> {
    let warnings = vm.import_module("warnings")?;
    let mark = vm.push_temp(warnings);
    let result = (|| {
        let f = vm.get_attr(warnings, vm.heap.intern("warn"))?;
        vm.push_temp(f);
        let msg = vm.heap.new_str(message);
        vm.push_temp(msg);
        let level = vm.heap.new_int_i64(stacklevel);
        vm.call(f, &[msg, category, level]).map(|_| ())
    })();
    vm.truncate_temps(mark);
    result
}
