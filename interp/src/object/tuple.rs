//! `tuple`: the length and then the items inline in the same allocation,
//! so item `i` of a tuple is at [`TUPLE_ITEMS_OFFSET`]` + 8 * i`.

use std::mem::{offset_of, size_of};

use super::gc::Tracer;
use super::header::{tail_of, Gc, HeapObj, ObjKind, Payload};
use super::heap::Heap;
use super::value::Value;

#[repr(C)]
pub struct TupleObj {
    len: usize,
}

pub const TUPLE_LEN_OFFSET: usize =
    offset_of!(HeapObj<TupleObj>, payload) + offset_of!(TupleObj, len);
pub const TUPLE_ITEMS_OFFSET: usize = size_of::<HeapObj<TupleObj>>();

// SAFETY: traces every item of the inline tail.
unsafe impl Payload for TupleObj {
    const KIND: ObjKind = ObjKind::Tuple;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(self.items())
    }
    fn tail_len(&self) -> usize {
        self.len
    }
}

impl TupleObj {
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items. Tuples are immutable, so the slice stays valid as long as
    /// the tuple lives.
    #[inline]
    pub fn items(&self) -> &[Value] {
        // SAFETY: tuples are only made by `Heap::new_tuple` with a tail of
        // exactly `len` values, never changed afterwards.
        unsafe { tail_of(self, self.len) }
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items().get(i).copied()
    }
}

impl Heap {
    /// A tuple of `items` (the empty tuple is a singleton, as in CPython).
    pub fn new_tuple(&self, items: &[Value]) -> Value {
        if items.is_empty() && self.singletons.empty_tuple.is_ptr() {
            return self.singletons.empty_tuple;
        }
        self.alloc_with_tail(self.types.tuple, TupleObj { len: items.len() }, items).value()
    }

    /// A tuple whose type is `ty` (a tuple subclass; never shared).
    pub fn new_tuple_of_type(&self, ty: Value, items: &[Value]) -> Value {
        self.alloc_with_tail(ty, TupleObj { len: items.len() }, items).value()
    }
}

pub fn tuple_of(v: Value) -> Option<Gc<TupleObj>> {
    Gc::<TupleObj>::from_value(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_inline_and_at_fixed_offsets() {
        let heap = Heap::new();
        let items: Vec<Value> = (0..5).map(|i| Value::from_small_int(i).unwrap()).collect();
        let t = heap.new_tuple(&items);
        let g = tuple_of(t).unwrap();
        assert_eq!(g.items(), &items[..]);
        assert_eq!(g.get(5), None);
        // SAFETY: reading the tuple's own memory at the documented offsets.
        unsafe {
            let base = g.as_ptr() as *const u8;
            assert_eq!(*(base.add(TUPLE_LEN_OFFSET) as *const usize), 5);
            assert_eq!(*(base.add(TUPLE_ITEMS_OFFSET + 8 * 3) as *const Value), items[3]);
        }
        assert_eq!(heap.new_tuple(&[]), heap.new_tuple(&[]));
        assert_eq!(heap.type_of(t), heap.types().tuple);
        let stats = heap.collect(&vec![t]);
        assert!(stats.live_objects > 0);
        assert_eq!(tuple_of(t).unwrap().items(), &items[..]);
    }
}
