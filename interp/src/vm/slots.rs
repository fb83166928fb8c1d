//! `__slots__`: which attribute names an instance may hold. Instances keep
//! their attributes in shapes either way; a class whose whole MRO declares
//! `__slots__` (none of them `__dict__`; built-in bases without a
//! `__dict__` aside) refuses other names and has no `__dict__`, as
//! CPython's slotted layouts do.

use super::{PyResult, Vm};
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, Value};

/// What the `__slots__` of a class and its bases allow.
pub enum SlotRule {
    /// Some class in the MRO has no `__slots__` (or lists `__dict__`).
    Any,
    /// Only these names.
    Only(Vec<String>),
}

impl Vm {
    /// The slot rule of instances of `ty`.
    pub fn slot_rule(&mut self, ty: Gc<TypeObj>) -> PyResult<SlotRule> {
        let slots_name = self.names.dunder_slots;
        if self.heap.lookup(ty, slots_name).is_none() {
            return Ok(SlotRule::Any);
        }
        let object = self.heap.types().object;
        let mut names = Vec::new();
        for t in ty.mro() {
            // A built-in base without a `__dict__` (list, property, ...)
            // leaves the choice to the classes, as `object` does.
            let dictless_builtin = Gc::<TypeObj>::from_value(t)
                .is_some_and(|t| crate::builtins::type_layout::builtin_without_dict(self, t));
            if t == object || dictless_builtin {
                continue;
            }
            let Some(declared) = Gc::<TypeObj>::from_value(t).and_then(|t| t.own_attr(slots_name))
            else {
                return Ok(SlotRule::Any);
            };
            let listed = if str_of(declared).is_some() {
                vec![declared]
            } else {
                self.collect_iterable(declared)?
            };
            for name in listed {
                let Some(s) = str_of(name) else { continue };
                if s.as_wtf8() == b"__dict__" {
                    return Ok(SlotRule::Any);
                }
                names.push(s.as_utf8(&self.heap)?.to_string());
            }
        }
        Ok(SlotRule::Only(names))
    }

    /// May an instance of `ty` hold an attribute `name`?
    pub fn slot_allows(&mut self, ty: Gc<TypeObj>, name: Value) -> PyResult<bool> {
        Ok(match self.slot_rule(ty)? {
            SlotRule::Any => true,
            SlotRule::Only(names) => listed(&names, name),
        })
    }

    /// Is `name` a declared slot of `ty` (whose absence reads as
    /// `AttributeError(name)`)?
    pub fn is_declared_slot(&mut self, ty: Gc<TypeObj>, name: Value) -> bool {
        matches!(self.slot_rule(ty), Ok(SlotRule::Only(names)) if listed(&names, name))
    }

    /// Do instances of `ty` lack a `__dict__`?
    pub fn has_no_dict(&mut self, ty: Gc<TypeObj>) -> bool {
        matches!(self.slot_rule(ty), Ok(SlotRule::Only(_)))
    }
}

fn listed(names: &[String], name: Value) -> bool {
    str_of(name).is_some_and(|s| names.iter().any(|n| n.as_bytes() == s.as_wtf8()))
}
