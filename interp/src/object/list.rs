//! `list`: a [`ValueVec`] in the object, so `items` pointer and length sit
//! at fixed offsets ([`LIST_ITEMS_PTR_OFFSET`], [`LIST_LEN_OFFSET`]).

use std::mem::offset_of;

use super::gc::Tracer;
use std::ptr::NonNull;

use super::header::{tail_of_mut, Gc, HeapObj, ObjKind, Payload};
use super::heap::Heap;
use super::value::Value;
use super::vec::{ValueVec, VALUE_VEC_LEN_OFFSET, VALUE_VEC_PTR_OFFSET};

/// A list made with 1 to this many items keeps them inline in its own
/// cell (one allocation, freed with the list: slices and copies are most
/// lists, and most never grow) until it grows past them. 32 items and the
/// header fit the largest small cell.
const MAX_INLINE_ITEMS: usize = 32;

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
    fn tail_len(&self) -> usize {
        self.items.inline_capacity()
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
        if items.is_empty() || items.len() > MAX_INLINE_ITEMS {
            let list = ListObj { items: ValueVec::from_slice(items) };
            return self.alloc(ty, list).value();
        }
        self.new_inline_list(ty, items.len(), |out| out.copy_from_slice(items))
    }

    /// A list of the `count` items of `from` at `start`, `start + step`,
    /// ... (a slice's positions, computed for its length).
    pub fn new_list_picked(
        &self,
        from: &ValueVec,
        start: usize,
        step: isize,
        count: usize,
    ) -> Value {
        if count == 0 {
            return self.new_list(&[]);
        }
        if count > MAX_INLINE_ITEMS {
            return self.new_list_from(from.pick(start, step, count));
        }
        self.new_inline_list(self.types.list, count, |out| from.pick_into(start, step, out))
    }

    /// `a + b` of lists.
    pub fn new_list_concat(&self, a: &ValueVec, b: &ValueVec) -> Value {
        let count = a.len() + b.len();
        if count == 0 || count > MAX_INLINE_ITEMS {
            return self.new_list_from(a.concat(b));
        }
        self.new_inline_list(self.types.list, count, |out| a.concat_into(b, out))
    }

    /// A list of `n` (1 to `MAX_INLINE_ITEMS`) items inline, written by
    /// `fill`.
    fn new_inline_list(&self, ty: Value, n: usize, fill: impl FnOnce(&mut [Value])) -> Value {
        let list = ListObj { items: ValueVec::inline_placeholder(n) };
        let list = self.alloc_with_values(ty, list, n, fill);
        // SAFETY: the list was allocated with a tail of exactly `n` values,
        // all written by `fill`; the tail lives and dies with the list, and
        // only its `items` vector refers to it.
        unsafe {
            let tail = tail_of_mut::<ListObj, Value>(&list, n);
            list.items.attach_inline(NonNull::from(tail).cast(), n);
        }
        list.value()
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

    fn ints(range: std::ops::Range<i64>) -> Vec<Value> {
        range.map(|i| Value::from_small_int(i).unwrap()).collect()
    }

    fn items(l: Value) -> Vec<Value> {
        list_of(l).unwrap().items.to_vec()
    }

    #[test]
    fn small_lists_keep_their_items_inline_until_they_grow() {
        let heap = Heap::new();
        for n in 0..=MAX_INLINE_ITEMS + 1 {
            let l = heap.new_list(&ints(0..n as i64));
            let g = list_of(l).unwrap();
            let inline = (1..=MAX_INLINE_ITEMS).contains(&n);
            assert_eq!(g.items.inline_capacity(), if inline { n } else { 0 }, "{n} items");
            assert_eq!(g.extra_bytes() == 0, inline || n == 0, "{n} items");
            assert_eq!(items(l), ints(0..n as i64));
            // Growing moves the items to a buffer of the list's own.
            g.items.push(Value::NONE);
            g.items.insert(0, Value::TRUE);
            assert_eq!(g.items.inline_capacity(), 0);
            assert!(g.extra_bytes() > 0);
            let mut expected = vec![Value::TRUE];
            expected.extend(ints(0..n as i64));
            expected.push(Value::NONE);
            assert_eq!(items(l), expected);
        }
    }

    #[test]
    fn inline_lists_shrink_and_refill_in_place() {
        let heap = Heap::new();
        let l = heap.new_list(&ints(0..4));
        let g = list_of(l).unwrap();
        assert_eq!(g.items.pop(), Value::from_small_int(3));
        g.items.remove(0);
        g.items.splice(0, 1, &ints(7..9));
        assert_eq!(g.items.inline_capacity(), 4, "no growth past the inline room");
        assert_eq!(items(l), ints(7..9).into_iter().chain(ints(2..3)).collect::<Vec<_>>());
        g.items.replace(&ints(0..4));
        assert_eq!(g.items.inline_capacity(), 4);
        g.items.replace(&ints(0..5));
        assert_eq!(g.items.inline_capacity(), 0);
        assert_eq!(items(l), ints(0..5));
    }

    #[test]
    fn slices_and_concatenations_build_the_same_lists_inline_or_not() {
        let heap = Heap::new();
        for n in [0usize, 1, 5, MAX_INLINE_ITEMS, MAX_INLINE_ITEMS + 3, 100] {
            let source = ints(0..n as i64);
            let l = heap.new_list(&source);
            let v = &list_of(l).unwrap().items;
            for (start, step, count) in
                [(0, 1, n), (n / 2, 1, n - n / 2), (n.saturating_sub(1), -1, n)]
            {
                let picked = heap.new_list_picked(v, start, step, count);
                let expected: Vec<Value> = (0..count)
                    .map(|k| source[start.wrapping_add_signed(k as isize * step)])
                    .collect();
                assert_eq!(items(picked), expected, "{n} items, {start}:{step}:{count}");
            }
            let both = heap.new_list_concat(v, v);
            assert_eq!(items(both), [source.clone(), source.clone()].concat());
        }
    }

    #[test]
    fn inline_lists_die_and_their_cells_are_reused() {
        let heap = Heap::new();
        let keep = heap.new_list(&ints(0..3));
        let before = heap.collect(&keep);
        let mut footprint = 0;
        for round in 0..50 {
            for n in 1..=MAX_INLINE_ITEMS {
                heap.new_list(&ints(0..n as i64));
            }
            let stats = heap.collect(&keep);
            assert_eq!(stats.live_objects, before.live_objects, "round {round}");
            assert_eq!(stats.collected_objects, MAX_INLINE_ITEMS, "round {round}");
            if round == 0 {
                footprint = heap.footprint();
            }
            // Swept cells go back to their class and are taken again.
            assert_eq!(heap.footprint(), footprint, "round {round}");
        }
        assert_eq!(items(keep), ints(0..3));
    }
}
