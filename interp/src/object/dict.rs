//! dict objects: a [`crate::table::dict::Dict`] of values. Lookups that may
//! run Python `__eq__` are the VM's (`vm::dict`); this module owns the
//! layout, tracing, and the lookups that need no Python code.

use std::cell::RefCell;

use super::gc::Tracer;
use super::value::Value;
use super::{Gc, Heap, ObjKind, Payload};
use crate::table::dict::Dict;

pub struct DictObj {
    pub table: RefCell<Dict<Value, Value>>,
}

// SAFETY: traces every key and value of the table, its only references.
unsafe impl Payload for DictObj {
    const KIND: ObjKind = ObjKind::Dict;
    fn trace(&self, tracer: &mut Tracer) {
        for (_, k, v) in self.table.borrow().iter() {
            tracer.mark(*k);
            tracer.mark(*v);
        }
    }
    fn extra_bytes(&self) -> usize {
        self.table.borrow().python_sizeof()
    }
}

impl Heap {
    pub fn new_dict(&self) -> Value {
        self.alloc(self.types.dict, DictObj { table: RefCell::new(Dict::new()) }).value()
    }

    pub fn new_dict_of_type(&self, ty: Value) -> Value {
        self.alloc(ty, DictObj { table: RefCell::new(Dict::new()) }).value()
    }
}

pub fn dict_of(v: Value) -> Option<Gc<DictObj>> {
    Gc::<DictObj>::from_value(v)
}
