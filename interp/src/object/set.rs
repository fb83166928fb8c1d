//! set and frozenset objects: a [`crate::table::set::Set`] of values. As
//! for dicts, what may run Python `__eq__` is the VM's (`vm::set`).

use std::cell::RefCell;

use super::gc::Tracer;
use super::value::Value;
use super::{Gc, Heap, ObjKind, Payload};
use crate::table::set::Set;

pub struct SetObj {
    pub table: RefCell<Set<Value>>,
}

// SAFETY: traces every element of the table, its only references.
unsafe impl Payload for SetObj {
    const KIND: ObjKind = ObjKind::Set;
    fn trace(&self, tracer: &mut Tracer) {
        for (_, k) in self.table.borrow().iter() {
            tracer.mark(*k);
        }
    }
    fn extra_bytes(&self) -> usize {
        self.table.borrow().python_sizeof()
    }
}

/// frozenset: the same table, immutable once built, with a cached hash.
pub struct FrozenSetObj {
    pub table: RefCell<Set<Value>>,
    pub hash: std::cell::Cell<Option<i64>>,
}

// SAFETY: traces every element of the table, its only references.
unsafe impl Payload for FrozenSetObj {
    const KIND: ObjKind = ObjKind::FrozenSet;
    fn trace(&self, tracer: &mut Tracer) {
        for (_, k) in self.table.borrow().iter() {
            tracer.mark(*k);
        }
    }
    fn extra_bytes(&self) -> usize {
        self.table.borrow().python_sizeof()
    }
}

impl Heap {
    pub fn new_set(&self, table: Set<Value>) -> Value {
        self.new_set_of_type(self.types.set, table)
    }

    /// A set (or subclass instance) of the values of `table`.
    pub fn new_set_of_type(&self, ty: Value, table: Set<Value>) -> Value {
        self.alloc(ty, SetObj { table: RefCell::new(table) }).value()
    }

    pub fn new_frozenset(&self, table: Set<Value>) -> Value {
        self.new_frozenset_of_type(self.types.frozenset, table)
    }

    /// A frozenset (or subclass instance) of the values of `table`.
    pub fn new_frozenset_of_type(&self, ty: Value, table: Set<Value>) -> Value {
        let obj = FrozenSetObj { table: RefCell::new(table), hash: std::cell::Cell::new(None) };
        self.alloc(ty, obj).value()
    }
}

pub fn set_of(v: Value) -> Option<Gc<SetObj>> {
    Gc::<SetObj>::from_value(v)
}

pub fn frozenset_of(v: Value) -> Option<Gc<FrozenSetObj>> {
    Gc::<FrozenSetObj>::from_value(v)
}
