//! `_collections`: the native deque and its iterators, and defaultdict.

use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_collections", |vm, module| {
        super::deque::install(vm, module)?;
        super::deque_iter::install(vm, module)?;
        super::defaultdict::install(vm, module)
    })
}
