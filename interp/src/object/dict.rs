//! dict objects: a [`crate::table::dict::Dict`] of values. Lookups that may
//! run Python `__eq__` are the VM's (`vm::dict`); this module owns the
//! layout, tracing, and the lookups that need no Python code.

use std::cell::{Cell, RefCell};

use super::gc::Tracer;
use super::str::str_of;
use super::value::Value;
use super::{Gc, Heap, ObjKind, Payload};
use crate::table::dict::Dict;

pub struct DictObj {
    pub table: RefCell<Dict<Value, Value>>,
    /// `collections.defaultdict`'s `default_factory` (NONE when unset or
    /// for any other dict): CPython's `defdictobject` extends the dict
    /// layout with it, and a slot here keeps every dict subclass one
    /// layout (`modules::defaultdict`).
    pub default_factory: Cell<Value>,
}

// SAFETY: traces every key and value of the table and the default
// factory, its only references.
unsafe impl Payload for DictObj {
    const KIND: ObjKind = ObjKind::Dict;
    fn trace(&self, tracer: &mut Tracer) {
        for (_, k, v) in self.table.borrow().iter() {
            tracer.mark(*k);
            tracer.mark(*v);
        }
        tracer.mark(self.default_factory.get());
    }
    fn extra_bytes(&self) -> usize {
        self.table.borrow().python_sizeof()
    }
}

impl Heap {
    pub fn new_dict(&self) -> Value {
        self.alloc(self.types.dict, DictObj::empty()).value()
    }

    pub fn new_dict_of_type(&self, ty: Value) -> Value {
        self.alloc(ty, DictObj::empty()).value()
    }
}

pub fn dict_of(v: Value) -> Option<Gc<DictObj>> {
    Gc::<DictObj>::from_value(v)
}

/// Keys compared as text when both are strs; any other same-hash key is
/// taken as different. Namespace lookups by name use it where no Python
/// code may run (an exotic key with a matching `__eq__` is the VM's case).
struct StrKeyEq;

impl crate::table::KeyEq<Value> for StrKeyEq {
    type Error = std::convert::Infallible;
    fn identical(&self, stored: &Value, key: &Value) -> bool {
        stored == key
    }
    fn eq(&mut self, stored: &Value, key: &Value) -> Result<bool, Self::Error> {
        Ok(match (str_of(*stored), str_of(*key)) {
            (Some(a), Some(b)) => a.as_wtf8() == b.as_wtf8(),
            _ => false,
        })
    }
}

fn find_str(table: &Dict<Value, Value>, hash: i64, name: Value) -> Option<usize> {
    match table.find(hash, &name, &mut StrKeyEq) {
        Ok(found) => found,
        Err(never) => match never {},
    }
}

impl DictObj {
    fn empty() -> DictObj {
        DictObj { table: RefCell::new(Dict::new()), default_factory: Cell::new(Value::NONE) }
    }

    /// The value under the str `name`, without running Python code.
    pub fn get_str(&self, name: Value) -> Option<Value> {
        let ix = self.entry_of_str(name)?;
        self.table.borrow().entry(ix).map(|(_, _, v)| *v)
    }

    /// The entry position of the str `name`, without running Python code.
    pub fn entry_of_str(&self, name: Value) -> Option<usize> {
        let hash = str_of(name)?.hash();
        find_str(&self.table.borrow(), hash, name)
    }

    /// Sets the str `name` to `value`, without running Python code.
    pub fn set_str(&self, name: Value, value: Value) {
        let Some(hash) = str_of(name).map(|s| s.hash()) else { return };
        let mut table = self.table.borrow_mut();
        match find_str(&table, hash, name) {
            Some(ix) => {
                if let Some(slot) = table.value_mut(ix) {
                    *slot = value;
                }
            }
            None => {
                table.insert_new(hash, name, value);
            }
        }
    }

    /// Removes the str `name`; false when absent.
    pub fn remove_str(&self, name: Value) -> bool {
        let Some(hash) = str_of(name).map(|s| s.hash()) else { return false };
        let mut table = self.table.borrow_mut();
        find_str(&table, hash, name).is_some_and(|ix| table.remove_at(ix).is_some())
    }

    /// All entries in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.borrow().iter().map(|(_, k, v)| (*k, *v)).collect()
    }
}
