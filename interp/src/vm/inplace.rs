//! In-place operators of the built-in mutable containers (`lst += it`,
//! `lst *= n`, `ba += b`, `s |= t`, ...): the result is the left operand
//! itself, changed, as CPython's `sq_inplace_concat`, `sq_inplace_repeat`
//! and `set_ior`/`set_iand`/... give. The new contents are those of the
//! binary operation's result; a set adopts that result's table, as
//! `set_swap_bodies` does.

use super::{PyResult, Vm};
use crate::builtins::bytes_methods::bytes_like;
use crate::bytecode::instr::BinOp;
use crate::object::bytes::bytearray_of;
use crate::object::list::list_of;
use crate::object::set::set_of;
use crate::object::Value;

impl Vm {
    /// `a OP= b` for a list, bytearray or set `a` (or an instance of a
    /// subclass, changed in its built-in part): `Some(a)` after changing
    /// it, `None` when `a` is none of them or the operation does not apply
    /// to `b` (`NotImplemented`).
    pub fn native_inplace(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        // `a` itself is changed, also for a subclass instance (whose
        // `builtin_base_value` is a copy).
        if let (BinOp::Add, Some(list)) = (op, list_of(a)) {
            // `+=` takes any iterable, unlike `+`.
            self.check_length_hint(b)?;
            let items = self.collect_iterable(b)?;
            for item in items {
                list.items.push(item);
            }
            return Ok(Some(a));
        }
        if let (BinOp::Add, Some(array)) = (op, bytearray_of(a)) {
            let Some(tail) = bytes_like(b) else {
                return Err(self.type_error(&format!(
                    "can't concat {} to {}",
                    self.type_name(b),
                    self.type_name(a)
                )));
            };
            crate::modules::buffer::check_resizable(self, a)?;
            array.data.borrow_mut().extend_from_slice(&tail);
            return Ok(Some(a));
        }
        let mutable = list_of(a).is_some() || bytearray_of(a).is_some() || set_of(a).is_some();
        if !mutable {
            return Ok(None);
        }
        let is_set = set_of(a).is_some();
        let applies = if is_set {
            let other = self.builtin_base_value(b);
            matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
                && self.is_set_like(other)
        } else {
            op == BinOp::Mul
        };
        if !applies {
            return Ok(None);
        }
        let (x, y) = (self.builtin_base_value(a), self.builtin_base_value(b));
        let Some(result) = self.native_binary(op, x, y)? else {
            return Ok(None);
        };
        if let (Some(old), Some(new)) = (bytearray_of(a), bytearray_of(result)) {
            if old.data.borrow().len() != new.data.borrow().len() {
                self.with_temp(result, |vm| crate::modules::buffer::check_resizable(vm, a))?;
            }
        }
        self.adopt_contents(a, result);
        Ok(Some(a))
    }

    /// Moves the contents of `from` (a fresh object of the same kind) into
    /// `into`.
    fn adopt_contents(&self, into: Value, from: Value) {
        if let (Some(a), Some(b)) = (list_of(into), list_of(from)) {
            a.items.replace(&b.items.to_vec());
        } else if let (Some(a), Some(b)) = (bytearray_of(into), bytearray_of(from)) {
            a.data.swap(&b.data);
        } else if let (Some(a), Some(b)) = (set_of(into), set_of(from)) {
            a.table.swap(&b.table);
        }
    }
}
