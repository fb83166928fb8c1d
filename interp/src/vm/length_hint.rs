//! CPython's `PyObject_LengthHint` as far as it shows: `list(x)`,
//! `tuple(x)`, `sorted(x)`, `[*x]`, `f(*x)` and `list.extend(x)` size
//! their result first, so a range (or range iterator) longer than
//! `isize::MAX` raises OverflowError at once instead of iterating for
//! ever, and a user class's `__len__`/`__length_hint__` is called (and its
//! errors raised) as in CPython. `set(x)` and friends do not ask.

use num_traits::{Signed, ToPrimitive};

use super::iter::{SeqIterObj, SeqKind};
use super::{PyResult, Vm};
use crate::object::boxes::int_value;
use crate::object::range::RangeObj;
use crate::object::{Gc, PyErr, Value};

impl Vm {
    /// Raises what CPython's length hint of `v` raises; the hint itself is
    /// not needed (the collected items size the result).
    pub fn check_length_hint(&mut self, v: Value) -> PyResult<()> {
        if let Some(r) = Gc::<RangeObj>::from_value(v) {
            return self.check_ssize(int_value(r.len));
        }
        if let Some(it) = Gc::<SeqIterObj>::from_value(v) {
            if let (SeqKind::GetItem, Some(r)) =
                (&it.kind, Gc::<RangeObj>::from_value(it.seq.get()))
            {
                let left = int_value(r.len).map(|n| n - it.index.get());
                return self.check_ssize(left);
            }
            return Ok(());
        }
        if self.is_user_typed(v) {
            return self.user_length_hint(v);
        }
        Ok(())
    }

    /// `list(v)`'s checks: `list.__init__` sizes its storage by `len(v)`
    /// (a TypeError there only means "unsized") before extending.
    pub fn check_list_init_hint(&mut self, v: Value) -> PyResult<()> {
        if self.is_user_typed(v) && self.heap.lookup_in_type_of(v, self.names.dunder_len).is_some()
        {
            let type_error = self.heap.types().type_error;
            match self.len_of(v) {
                Err(e) if !e.matches(&self.heap, type_error) => return Err(e),
                _ => {}
            }
        }
        self.check_length_hint(v)
    }

    fn check_ssize(&self, n: Option<num_bigint::BigInt>) -> PyResult<()> {
        match n {
            Some(n) if n.to_isize().is_none() && n.is_positive() => Err(PyErr::overflow_error(
                &self.heap,
                "Python int too large to convert to C ssize_t",
            )),
            _ => Ok(()),
        }
    }

    /// `__len__`, else `__length_hint__`, with CPython's error rules: a
    /// TypeError from either means "no hint", anything else propagates.
    fn user_length_hint(&mut self, v: Value) -> PyResult<()> {
        let type_error = self.heap.types().type_error;
        if self.heap.lookup_in_type_of(v, self.names.dunder_len).is_some() {
            match self.len_of(v) {
                Ok(_) => return Ok(()),
                Err(e) if e.matches(&self.heap, type_error) => {}
                Err(e) => return Err(e),
            }
        }
        let hint_name = self.heap.intern("__length_hint__");
        let Some(hint) = self.heap.lookup_in_type_of(v, hint_name) else { return Ok(()) };
        let r = match self.call_method_value(hint, v, &[]) {
            Ok(r) => r,
            Err(e) if e.matches(&self.heap, type_error) => return Ok(()),
            Err(e) => return Err(e),
        };
        if r == self.heap.singletons().not_implemented {
            return Ok(());
        }
        let Some(n) = self.as_int(r).map(|n| n.to_bigint()) else {
            return Err(self.type_error(&format!(
                "__length_hint__ must be an integer, not {}",
                self.type_name(r)
            )));
        };
        if n.to_isize().is_none() {
            return Err(PyErr::overflow_error(
                &self.heap,
                "Python int too large to convert to C ssize_t",
            ));
        }
        if n.is_negative() {
            return Err(self.value_error("__length_hint__() should return >= 0"));
        }
        Ok(())
    }
}
