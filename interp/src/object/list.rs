//! `list`: a [`ValueVec`] in the object, so `items` pointer and length sit
//! at fixed offsets ([`LIST_ITEMS_PTR_OFFSET`], [`LIST_LEN_OFFSET`]).

use std::mem::offset_of;

use super::gc::Tracer;
use super::header::{Gc, HeapObj, ObjKind, Payload};
use super::heap::Heap;
use super::value::Value;
use super::vec::{ValueVec, VALUE_VEC_LEN_OFFSET, VALUE_VEC_PTR_OFFSET};

#[repr(C)]
pub struct ListObj {
    pub items: ValueVec,
}

pub const LIST_ITEMS_PTR_OFFSET: usize =
    offset_of!(HeapObj<ListObj>, payload) + offset_of!(ListObj, items) + VALUE_VEC_PTR_OFFSET;
pub const LIST_LEN_OFFSET: usize =
    offset_of!(HeapObj<ListObj>, payload) + offset_of!(ListObj, items) + VALUE_VEC_LEN_OFFSET;

// SAFETY: traces every item.
unsafe impl Payload for ListObj {
    const KIND: ObjKind = ObjKind::List;
    fn trace(&self, tracer: &mut Tracer) {
        self.items.trace(tracer)
    }
    fn extra_bytes(&self) -> usize {
        self.items.buffer_bytes()
    }
}

impl Heap {
    pub fn new_list(&self, items: &[Value]) -> Value {
        self.new_list_of_type(self.types.list, items)
    }

    /// A list that takes over `items` (no copy).
    pub fn new_list_from(&self, items: ValueVec) -> Value {
        self.alloc(self.types.list, ListObj { items }).value()
    }

    pub fn new_list_of_type(&self, ty: Value, items: &[Value]) -> Value {
        let list = ListObj { items: ValueVec::from_slice(items) };
        self.alloc(ty, list).value()
    }
}

pub fn list_of(v: Value) -> Option<Gc<ListObj>> {
    Gc::<ListObj>::from_value(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_and_survives_collection() {
        let heap = Heap::new();
        let l = heap.new_list(&[]);
        let g = list_of(l).unwrap();
        for i in 0..1000 {
            g.items.push(heap.new_str(&i.to_string()));
        }
        heap.collect(&vec![l]);
        let g = list_of(l).unwrap();
        assert_eq!(g.items.len(), 1000);
        let s = super::super::str::str_of(g.items.get(999).unwrap()).unwrap();
        assert_eq!(s.to_str().unwrap(), "999");
        // SAFETY: reading the list's own header fields at the documented offsets.
        unsafe {
            let base = g.as_ptr() as *const u8;
            assert_eq!(*(base.add(LIST_LEN_OFFSET) as *const usize), 1000);
            let items = *(base.add(LIST_ITEMS_PTR_OFFSET) as *const *const Value);
            assert_eq!(*items.add(999), g.items.get(999).unwrap());
        }
    }
}
