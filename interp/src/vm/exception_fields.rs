//! `BaseException`'s own fields as CPython's type dict shows them:
//! `args`, `__cause__`, `__context__` and `__traceback__` are getset
//! descriptors and `__suppress_context__` a member descriptor of
//! `BaseException.__dict__`, not entries of the instance `__dict__`. The
//! values stay in the exception object's own fields (see
//! [`Vm::special_attr`] and [`Vm::set_exception_special`]); the
//! descriptors read and write them there. The built-in subclasses' fields
//! (`OSError.errno`, ...) are `super::exception_members`.

use super::member::Member;
use super::{PyResult, Vm};
use crate::object::Value;

/// The getset descriptors, then the member descriptor.
const GETSETS: [&str; 4] = ["args", "__cause__", "__context__", "__traceback__"];
const MEMBER: &str = "__suppress_context__";

pub fn install(vm: &mut Vm) {
    let base = vm.heap.types().base_exception;
    for name in GETSETS.into_iter().chain([MEMBER]) {
        let key = vm.heap.intern(name);
        let d = if name == MEMBER { vm.new_member(key, base) } else { vm.new_getset(key, base) };
        crate::builtins::set_type_attr(vm, base, name, d);
    }
    // Exceptions have an instance dict, as CPython's `__dict__` getset.
    let dict = vm.names.dunder_dict;
    let d = vm.new_instance_getset(dict, base);
    crate::builtins::set_type_attr(vm, base, "__dict__", d);
    super::exception_members::install(vm);
}

impl Vm {
    /// Is `m` a field descriptor of a built-in exception type (this
    /// module's or `exception_members`')?
    pub fn is_exception_field(&self, m: Member) -> bool {
        let base = self.heap.types().base_exception;
        let base_type = crate::object::Gc::<crate::object::types::TypeObj>::from_value(base);
        !m.owner.is_heap_type()
            && base_type.is_some_and(|b| m.owner.is_subtype(b))
            && m.name != self.names.dunder_dict
    }

    /// `m.__get__(exc)` for an exception field.
    pub fn exception_field_get(&mut self, m: Member, obj: Value) -> PyResult {
        if m.owner.value() != self.heap.types().base_exception {
            return self.exception_member_get(m, obj);
        }
        let v = self.special_attr(obj, m.name)?;
        Ok(v.unwrap_or(Value::NONE))
    }

    /// `m.__set__(exc, v)` / `m.__delete__(exc)` for an exception field.
    pub fn exception_field_set(
        &mut self,
        m: Member,
        obj: Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        if m.owner.value() != self.heap.types().base_exception {
            return self.exception_member_set(m, obj, value);
        }
        self.set_exception_special(obj, m.name, value)?;
        Ok(())
    }
}
