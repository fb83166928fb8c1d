//! Helpers for the object model's tests.

use super::err::PyErr;
use super::heap::Heap;
use super::slots::Runtime;
use super::value::Value;

/// A runtime with no interpreter behind it: slot functions that try to
/// call back into Python get a RuntimeError.
pub struct NoVm<'h>(pub &'h Heap);

impl Runtime for NoVm<'_> {
    fn heap(&self) -> &Heap {
        self.0
    }
    fn call(&mut self, _callable: Value, _args: &[Value]) -> Result<Value, PyErr> {
        Err(PyErr::runtime_error(self.0, "no VM in this test"))
    }
}
