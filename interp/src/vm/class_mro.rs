//! MROs that Python code decides, and `__bases__` assignment: a metaclass
//! that overrides `mro()` is asked for the MRO when its class is made and
//! whenever the bases of the class or of one above it change (CPython's
//! `mro_internal`, `mro_hierarchy` and `type_set_bases` in
//! Objects/typeobject.c). The checks and C3 itself live in
//! [`crate::object::types`]; this module runs the Python side.

use super::{PyResult, Vm};
use crate::object::types::TypeObj;
use crate::object::{Gc, ObjKind, Value};

impl Vm {
    /// `type(t).mro(t)` checked as CPython's `mro_check`, when the
    /// metaclass overrides `type.mro`; `None` when C3 stands.
    fn metaclass_mro(&mut self, t: Gc<TypeObj>) -> PyResult<Option<Vec<Value>>> {
        let type_t = self.heap.types().type_;
        let meta = self.heap.type_obj(t.value());
        if meta.value() == type_t {
            return Ok(None);
        }
        let name = self.heap.intern("mro");
        let Some(m) = self.heap.lookup(meta, name) else { return Ok(None) };
        let builtin = Gc::<TypeObj>::from_value(type_t).and_then(|ty| ty.own_attr(name));
        if builtin == Some(m) {
            return Ok(None);
        }
        let result = self.call_method_value(m, t.value(), &[])?;
        let mark = self.push_temp(result);
        let items = self.collect_iterable(result);
        self.truncate_temps(mark);
        let items = items?;
        for &item in &items {
            let Some(base) = Gc::<TypeObj>::from_value(item) else {
                return Err(self.type_error(&format!(
                    "mro() returned a non-class ('{}')",
                    self.type_name(item)
                )));
            };
            if !matches!(base.layout(), ObjKind::Instance) && base.layout() != t.layout() {
                return Err(self.type_error(&format!(
                    "mro() returned base with unsuitable layout ('{}')",
                    base.name()
                )));
            }
        }
        Ok(Some(items))
    }

    /// A new class: its metaclass's `mro()` replaces the C3 order.
    pub(crate) fn apply_metaclass_mro(&mut self, t: Gc<TypeObj>) -> PyResult<()> {
        if let Some(mro) = self.metaclass_mro(t)? {
            self.heap.type_set_mro(t, mro);
        }
        Ok(())
    }

    /// `t.__bases__ = bases`. The heap checks the bases and recomputes the
    /// C3 orders below `t`; then each class whose metaclass has its own
    /// `mro()` is asked, and the classes below one are linearized again.
    /// If that fails, the old bases and orders come back, unless a
    /// reentrant assignment changed `t`'s bases meanwhile (CPython's rule).
    pub(crate) fn set_class_bases(&mut self, t: Gc<TypeObj>, bases: Value) -> PyResult<()> {
        let mark = self.stack.len();
        let old_bases = self.heap.new_tuple(&t.bases());
        self.push_temp(old_bases);
        let before: Vec<(Gc<TypeObj>, Vec<Value>)> =
            self.heap.type_and_subclasses(t).into_iter().map(|s| (s, s.mro())).collect();
        // Rooted while Python code runs: subclass lists are weak.
        for (sub, _) in &before {
            self.push_temp(sub.value());
        }
        let result = self.heap.type_set_bases(t, bases).and_then(|()| {
            let new_bases = t.bases();
            let updated = self.update_hierarchy_mros(&before);
            if updated.is_err() && t.bases() == new_bases {
                // Restores bases, subclass lists and the C3 orders; then the
                // orders the metaclasses gave before.
                if self.heap.type_set_bases(t, old_bases).is_ok() {
                    for (sub, mro) in &before {
                        self.heap.type_set_mro(*sub, mro.clone());
                    }
                }
            }
            updated
        });
        self.truncate_temps(mark);
        result
    }

    /// After `__bases__` of `classes[0]` changed: the metaclass `mro()` of
    /// each class that has one, and C3 again below any such class.
    fn update_hierarchy_mros(&mut self, classes: &[(Gc<TypeObj>, Vec<Value>)]) -> PyResult<()> {
        let mut custom_above = false;
        for &(sub, _) in classes {
            if let Some(mro) = self.metaclass_mro(sub)? {
                self.heap.type_set_mro(sub, mro);
                custom_above = true;
            } else if custom_above {
                let mro = self.heap.c3_mro(sub)?;
                self.heap.type_set_mro(sub, mro);
            }
        }
        Ok(())
    }
}
