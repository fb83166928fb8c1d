//! The recursion limit's overflow margin, as CPython 3.8's
//! `_Py_CheckRecursiveCall`: once a `RecursionError` is raised, 50 more
//! levels are allowed so that handlers can run; passing those as well is
//! the fatal error "Cannot recover from stack overflow" (a handler that
//! recurses again, `except RecursionError: f()`, would otherwise take time
//! exponential in the limit). The margin ends when the depth falls below
//! CPython's low-water mark.

use super::Vm;
use crate::object::PyErr;

/// The extra levels a program handling a `RecursionError` may use.
const MARGIN: usize = 50;

impl Vm {
    /// At a Python call that would pass the limit: the `RecursionError`
    /// to raise, or `None` inside the margin of an earlier one.
    pub(crate) fn recursion_overflow(&mut self) -> Option<PyErr> {
        if !self.overflowed {
            self.overflowed = true;
            return Some(PyErr::recursion_error(&self.heap, "maximum recursion depth exceeded"));
        }
        if self.depth > self.recursion_limit + MARGIN {
            self.flush_stdout();
            eprintln!("Fatal Python error: Cannot recover from stack overflow.");
            eprintln!("Python runtime state: initialized\n");
            std::process::abort();
        }
        None
    }

    /// After a Python call returns: below the low-water mark the margin
    /// of an earlier overflow ends (`_Py_RecursionLimitLowerWaterMark`).
    #[inline]
    pub(crate) fn leave_recursive_call(&mut self) {
        if self.overflowed {
            let limit = self.recursion_limit;
            let low_water = if limit > 200 { limit - MARGIN } else { 3 * (limit >> 2) };
            if self.depth < low_water {
                self.overflowed = false;
            }
        }
    }
}
